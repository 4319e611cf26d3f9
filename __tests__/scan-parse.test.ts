import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { localContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { parseTrivyignore, parseTrivyReport, sarifResultCount, type Severity } from '../src/tools/trivy';
import { INPUTS, type InputName } from '../src/inputs';
import { sectionOf } from '../src/inputs/table';
import { parseReference as parseImageRef } from '../src/oci';
import { parseScanInputs } from '../src/stages/scan/inputs';
import { insecureRegistry } from '../src/stages/scan/plan';
import { evaluate } from '../src/stages/scan/policy';
import { FIXTURES } from './support/standins';

const fixture = (f: string) => fs.readFileSync(path.join(FIXTURES, 'trivy', f), 'utf8');
const countsOf = (f: string) => {
  const { findings } = parseTrivyReport(fixture(f));
  const { counts } = evaluate(findings, { failOn: [], ignore: new Set(), ignoreUnfixed: false });
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
};

describe('Trivy JSON reports (real ones, from Trivy integration goldens)', () => {
  test('severity counts match the fixtures README', () => {
    expect(countsOf('alpine-310.json')).toEqual({ MEDIUM: 4 });
    expect(countsOf('debian-buster.json')).toEqual({ CRITICAL: 1, LOW: 1 });
    expect(countsOf('distroless-base.json')).toEqual({ MEDIUM: 2, LOW: 2 });
  });

  test('a finding carries ID, package, installed and fixed versions, title and link', () => {
    const { findings } = parseTrivyReport(fixture('debian-buster.json'));
    expect(findings.find((f) => f.severity === 'CRITICAL')).toEqual({
      kind: 'vulnerability',
      id: 'CVE-2019-18224',
      severity: 'CRITICAL',
      pkg: 'libidn2-0',
      installed: '2.0.5-1',
      fixed: '2.0.5-1+deb10u1',
      title: 'libidn2: heap-based buffer overflow in idn2_to_ascii_4i in lib/lookup.c',
      url: 'https://avd.aquasec.com/nvd/cve-2019-18224',
      target: 'testdata/fixtures/images/debian-buster.tar.gz (debian 10.1)',
    });
  });

  test('the same CVE in two packages is two findings (alpine: libcrypto1.1 and libssl1.1)', () => {
    const { findings } = parseTrivyReport(fixture('alpine-310.json'));
    expect(
      findings
        .filter((f) => f.id === 'CVE-2019-1549')
        .map((f) => f.pkg)
        .sort(),
    ).toEqual(['libcrypto1.1', 'libssl1.1']);
  });

  test('a report of another schema is refused', () => {
    expect(() => parseTrivyReport('{"SchemaVersion":1,"Results":[]}')).toThrow(/schema 2/);
  });

  test('secrets are findings too', () => {
    const report = {
      SchemaVersion: 2,
      Results: [
        {
          Target: 'app/.env',
          Class: 'secret',
          Secrets: [
            {
              RuleID: 'github-pat',
              Category: 'GitHub',
              Severity: 'CRITICAL',
              Title: 'GitHub Personal Access Token',
              StartLine: 3,
            },
          ],
        },
      ],
    };
    const { findings } = parseTrivyReport(JSON.stringify(report));
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'secret',
        id: 'github-pat',
        severity: 'CRITICAL',
        pkg: 'app/.env',
        installed: 'line 3',
      }),
    ]);
  });
});

describe('policy', () => {
  const buster = parseTrivyReport(fixture('debian-buster.json')).findings;

  test('one CRITICAL with fail-on CRITICAL fails, naming it', () => {
    const v = evaluate(buster, { failOn: ['CRITICAL'], ignore: new Set(), ignoreUnfixed: false });
    expect(v.failing.map((f) => f.id)).toEqual(['CVE-2019-18224']);
  });

  test('the same CVE in the ignore list passes and is listed as ignored', () => {
    const v = evaluate(buster, {
      failOn: ['CRITICAL'],
      ignore: new Set(['CVE-2019-18224']),
      ignoreUnfixed: false,
    });
    expect(v.failing).toEqual([]);
    expect(v.ignored.map((f) => f.id)).toEqual(['CVE-2019-18224']);
    expect(v.counts.CRITICAL).toBe(0);
  });

  test('fail-on LOW fails on the unfixed LOW unless ignore-unfixed', () => {
    expect(
      evaluate(buster, { failOn: ['LOW'], ignore: new Set(), ignoreUnfixed: false }).failing.map((f) => f.id),
    ).toEqual(['CVE-2019-18276']);
    expect(evaluate(buster, { failOn: ['LOW'], ignore: new Set(), ignoreUnfixed: true }).failing).toEqual([]);
  });

  test('failing findings are ordered by severity, worst first', () => {
    const v = evaluate(buster, {
      failOn: ['LOW', 'CRITICAL'] as Severity[],
      ignore: new Set(),
      ignoreUnfixed: false,
    });
    expect(v.failing.map((f) => f.severity)).toEqual(['CRITICAL', 'LOW']);
  });
});

describe('.trivyignore', () => {
  test('IDs, comments, and exp: dates that have passed', () => {
    const ids = parseTrivyignore(
      '# base image, accepted\nCVE-2019-18224\n  CVE-2019-1549  # inline comment\nCVE-2000-0001 exp:2020-01-01\nCVE-2000-0002 exp:2999-01-01\n\n',
      new Date('2026-06-01T00:00:00Z'),
    );
    expect([...ids].sort()).toEqual(['CVE-2000-0002', 'CVE-2019-1549', 'CVE-2019-18224']);
  });
});

describe('SARIF', () => {
  test('the real SARIF report of alpine-310 has its 4 results', () => {
    expect(sarifResultCount(fixture('alpine-310.sarif'))).toBe(4);
  });
  test('a JSON report is not taken for SARIF', () => {
    expect(() => sarifResultCount(fixture('alpine-310.json'))).toThrow(/SARIF 2.1.0/);
  });
});

describe('scan inputs', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-inputs-'));
  const env = { ctx: localContext({ MCP_DEPLOY_WORKSPACE: ws }, ws), cwd: ws, state: {} };
  const DIGEST = `localhost:5000/acme/app@sha256:${'0f'.repeat(32)}`;
  const parse = (inputs: Record<string, string>) =>
    parseScanInputs(
      new InputReader((n) => ({ stages: 'scan', 'image-ref': DIGEST, ...inputs })[n] ?? ''),
      env,
    );

  test.each([
    [
      { 'image-ref': 'acme/app@sha256:abc' },
      /^input 'image-ref': 'acme\/app@sha256:abc' is not an image reference/,
    ],
    [{ 'image-ref': '--config=/etc/passwd' }, /^input 'image-ref': .* is not an image reference/],
    [{ 'image-ref': '' }, /^input 'image-ref': is required when the build stage does not run/],
    [{ severity: 'HIGH,SEVERE' }, /^input 'severity': unknown severity 'SEVERE'/],
    [
      { severity: 'CRITICAL', 'fail-on': 'CRITICAL,HIGH' },
      /^input 'fail-on': HIGH would fail the step but is not in 'severity'/,
    ],
    [{ scanners: 'vuln,misconfig' }, /^input 'scanners': unknown value 'misconfig'/],
    [{ trivyignore: 'nope/.trivyignore' }, /^input 'trivyignore': file 'nope\/.trivyignore' does not exist/],
    [
      { 'trivy-db-repository': 'ghcr.io/x/db:2, -rf' },
      /^input 'trivy-db-repository': '-rf' is not an OCI repository/,
    ],
    [{ 'trivy-version': '0.50.0' }, /^input 'trivy-sha256': Trivy 0.50.0 has no pinned checksum/],
    [{ 'trivy-version': '0.50.0', 'trivy-sha256': 'xyz' }, /^input 'trivy-sha256': is not a sha256 digest/],
    [
      { 'tools-mirror': 'ftp://mirror' },
      /^input 'tools-mirror': 'ftp:\/\/mirror' is not an http\(s\) address/,
    ],
    [{ 'scan-timeout': 'soon' }, /^input 'scan-timeout': 'soon' is not a duration/],
    [{ password: 'tok3n-value' }, /^input 'username': is empty but a password is set/],
  ])('%j is refused with the input named', (inputs, message) => {
    expect(() => parse(inputs)).toThrow(message);
  });

  test('defaults: every severity reported, CRITICAL and HIGH fail, both DB mirrors in order', () => {
    const i = parse({});
    expect(i.severity).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN']);
    expect(i.failOn).toEqual(['CRITICAL', 'HIGH']);
    expect(i.dbRepositories).toEqual(['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2']);
    expect(i.sarifFile).toBe(path.join(ws, 'trivy-results.sarif'));
    expect(i.reportFile).toBe(path.join(ws, 'trivy-results.json'));
    expect(i.cacheDir).toBe(path.join(ws, '.cache/trivy'));
    expect(i.timeoutSec).toBe(600);
  });

  test('fail-on none and lower-case severities are accepted', () => {
    expect(parse({ 'fail-on': 'none' }).failOn).toEqual([]);
    expect(parse({ severity: 'high,critical', 'fail-on': 'critical' }).failOn).toEqual(['CRITICAL']);
  });

  test('image references: digest, tag, registry port; plain HTTP only for localhost on auto', () => {
    expect(parseImageRef(DIGEST)).toEqual({
      name: 'localhost:5000/acme/app',
      tag: undefined,
      digest: '0f'.repeat(32),
    });
    expect(parseImageRef('ghcr.io/acme/app:v1.2.3')).toEqual({
      name: 'ghcr.io/acme/app',
      tag: 'v1.2.3',
      digest: undefined,
    });
    expect(insecureRegistry({ insecure: 'auto' }, DIGEST)).toBe(true);
    expect(insecureRegistry({ insecure: 'auto' }, `ghcr.io/acme/app@sha256:${'0f'.repeat(32)}`)).toBe(false);
    expect(insecureRegistry({ insecure: 'true' }, 'ghcr.io/acme/app:v1')).toBe(true);
  });
});

test('action.yml scan section: every input with the default the code uses, and the outputs', () => {
  const text = fs.readFileSync(path.join(__dirname, '..', 'action.yml'), 'utf8');
  const section = (block: 'inputs' | 'outputs') => {
    const body = text.slice(text.indexOf(`\n${block}:\n`));
    const start = body.indexOf('  # ---- scan ----\n');
    const end = body.indexOf('  # ----', start + 10);
    return YAML.parse(body.slice(start, end)) as Record<string, { description: string; default?: string }>;
  };
  const inputs = section('inputs');
  expect(Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.default]))).toEqual(
    Object.fromEntries(
      (Object.keys(INPUTS) as InputName[])
        .filter((k) => sectionOf(k) === 'scan')
        .map((k) => [k, INPUTS[k].default]),
    ),
  );
  for (const v of Object.values(inputs)) expect(v.description.length).toBeGreaterThan(20);
  expect(Object.keys(section('outputs')).sort()).toEqual(['sarif-file', 'scan-report', 'scan-result']);
});
