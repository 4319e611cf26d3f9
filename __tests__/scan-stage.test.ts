import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { setSink, textSink } from '../src/report/log';
import { scan } from '../src/stages/scan';
import { trivyFailure } from '../src/stages/scan/report';
import type { ScanInputs } from '../src/stages/scan/inputs';
import type { StageEnv } from '../src/stages/stage';
import { FIXTURES, installStandin } from './support/standins';

/**
 * The scan stage end to end against a STAND-IN trivy (standin-trivy.js) that writes the real report
 * format, handles `convert` and rate-limits the DB mirrors it is told to.
 */
const lines: string[] = [];
setSink(textSink((l) => lines.push(l)));

const DIGEST = `ghcr.io/acme/mcp-echo@sha256:${'a1'.repeat(32)}`;
let ws: string;
let trivyLog: string;
const saved = { ...process.env };

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
  trivyLog = path.join(ws, '..', `${path.basename(ws)}-trivy.log`);
  process.env.PATH = installStandin(path.join(ws, '..', `${path.basename(ws)}-bin`), 'trivy');
  process.env.RUNNER_TOOL_CACHE = path.join(ws, '..', `${path.basename(ws)}-toolcache`);
  process.env.STANDIN_TRIVY_LOG = trivyLog;
  process.env.STANDIN_TRIVY_REPORT = path.join(FIXTURES, 'trivy', 'debian-buster.json');
  delete process.env.STANDIN_TRIVY_RATE_LIMITED;
  lines.length = 0;
});
afterEach(() => {
  process.env = { ...saved };
  fs.rmSync(ws, { recursive: true, force: true });
});

function stageEnv(): StageEnv {
  return { ctx: localContext({ MCP_DEPLOY_WORKSPACE: ws }, ws), cwd: ws, state: {} };
}
function reader(inputs: Record<string, string>): InputReader {
  return new InputReader((n) => ({ stages: 'scan', ...inputs })[n] ?? '');
}
async function runScan(inputs: Record<string, string>, env = stageEnv()) {
  const i: ScanInputs = scan.parse(reader(inputs), env);
  return scan.run(i, env);
}
const calls = () =>
  fs
    .readFileSync(trivyLog, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { argv: string[]; username: string | null; passwordSet: boolean });

describe('scan stage with a stand-in trivy', () => {
  test('one CRITICAL and fail-on CRITICAL: the step fails and the summary names the CVE', async () => {
    const r = await runScan({ 'image-ref': DIGEST, 'fail-on': 'CRITICAL' });
    expect(r.status).toBe('failure');
    expect(r.failure).toContain('CVE-2019-18224');
    const md = r.summary.toMarkdown();
    expect(md).toContain('[CVE-2019-18224](https://avd.aquasec.com/nvd/cve-2019-18224)');
    expect(md).toMatch(
      /\| \[CVE-2019-18224\]\(.*\) \| CRITICAL \| libidn2-0 \| 2\.0\.5-1 \| 2\.0\.5-1\+deb10u1 \| libidn2: heap-based/,
    );
    expect(md).toMatch(/\| CRITICAL \| 1 \| yes \|/);
    expect(md).toMatch(/\| LOW \| 1 \| no \|/);
    const result = JSON.parse(r.outputs['scan-result']);
    expect(result).toMatchObject({ image: DIGEST, passed: false, counts: { CRITICAL: 1, LOW: 1, HIGH: 0 } });
    expect(result.failing).toEqual([
      { id: 'CVE-2019-18224', severity: 'CRITICAL', package: 'libidn2-0', fixed: '2.0.5-1+deb10u1' },
    ]);
    // One scan (no second one for SARIF), then convert of that scan's JSON.
    const argvs = calls().map((c) => c.argv);
    expect(argvs.map((a) => a[0])).toEqual(['--version', 'image', 'convert']);
    expect(argvs[2].at(-1)).toBe(r.outputs['scan-report']);
    expect(argvs[1].at(-1)).toBe(DIGEST);
    const sarif = JSON.parse(fs.readFileSync(r.outputs['sarif-file'], 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual([
      'CVE-2019-18224',
      'CVE-2019-18276',
    ]);
    expect(lines.join('\n')).toMatch(/error: CVE-2019-18224 \(CRITICAL\) in libidn2-0/);
  });

  test('the same report with that CVE in the ignore file passes', async () => {
    fs.writeFileSync(
      path.join(ws, '.trivyignore'),
      '# accepted until the base image moves\nCVE-2019-18224\n',
    );
    const r = await runScan({ 'image-ref': DIGEST, 'fail-on': 'CRITICAL', trivyignore: '.trivyignore' });
    expect(r.status).toBe('success');
    expect(JSON.parse(r.outputs['scan-result'])).toMatchObject({
      passed: true,
      counts: { CRITICAL: 0, LOW: 1 },
    });
    expect(calls()[1].argv).toEqual(expect.arrayContaining(['--ignorefile', path.join(ws, '.trivyignore')]));
    expect(r.summary.toMarkdown()).toContain('No finding at CRITICAL');
  });

  test('an expired ignore entry no longer hides the CVE', async () => {
    fs.writeFileSync(
      path.join(ws, 'ignore'),
      'CVE-2019-18224 exp:2020-01-01\nCVE-2019-18276 exp:2999-12-31\n',
    );
    const r = await runScan({ 'image-ref': DIGEST, 'fail-on': 'CRITICAL', trivyignore: 'ignore' });
    expect(r.status).toBe('failure');
    expect(JSON.parse(r.outputs['scan-result'])).toMatchObject({ counts: { CRITICAL: 1, LOW: 0 } });
  });

  test('the first DB mirror answers with a rate limit: the next one is used', async () => {
    process.env.STANDIN_TRIVY_RATE_LIMITED = 'mirror.gcr.io/aquasec/trivy-db:2';
    const r = await runScan({ 'image-ref': DIGEST });
    expect(r.status).toBe('failure'); // the CRITICAL, with the default fail-on CRITICAL,HIGH
    const repos = calls()
      .filter((c) => c.argv[0] === 'image')
      .map((c) => c.argv[c.argv.indexOf('--db-repository') + 1]);
    expect(repos).toEqual(['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2']);
    expect(lines.join('\n')).toMatch(
      /could not fetch its DB from mirror\.gcr\.io\/aquasec\/trivy-db:2 \(rate limited\); trying ghcr\.io/,
    );
    expect(JSON.parse(r.outputs['scan-result']).dbRepository).toBe('ghcr.io/aquasecurity/trivy-db:2');
    expect(r.summary.toMarkdown()).toContain('skipped `mirror.gcr.io/aquasec/trivy-db:2 (rate-limit)`');
  });

  test('every DB mirror rate limited: the step fails with Trivy own words', async () => {
    process.env.STANDIN_TRIVY_RATE_LIMITED = 'a.example/db:2,b.example/db:2';
    const r = await runScan({ 'image-ref': DIGEST, 'trivy-db-repository': 'a.example/db:2\nb.example/db:2' });
    expect(r.status).toBe('failure');
    expect(r.failure).toMatch(
      /^Trivy exited with 1: every vulnerability DB repository was rate limited \(a\.example\/db:2, b\.example\/db:2\)/,
    );
    expect(r.failure).toContain('TOOMANYREQUESTS');
    expect(calls().filter((c) => c.argv[0] === 'image')).toHaveLength(2);
  });

  test('the DB cache directory is reused: a second scan downloads nothing', async () => {
    const cache = '.cache/trivy';
    await runScan({ 'image-ref': DIGEST, 'trivy-cache-dir': cache });
    expect(fs.existsSync(path.join(ws, cache, 'db', 'metadata.json'))).toBe(true);
    process.env.STANDIN_TRIVY_RATE_LIMITED =
      'mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2';
    const again = await runScan({ 'image-ref': DIGEST, 'trivy-cache-dir': cache, 'fail-on': 'none' });
    expect(again.status).toBe('success');
    expect(again.summary.toMarkdown()).toContain('findings are reported, never fatal');
  });

  test('registry credentials reach trivy by environment, never argv, and are masked', async () => {
    const password = 's3cret-registry-token';
    await runScan({ 'image-ref': DIGEST, username: 'robot', password });
    for (const c of calls().filter((x) => x.argv[0] === 'image' || x.argv[0] === 'convert')) {
      expect(c.username).toBe('robot');
      expect(c.passwordSet).toBe(true);
      expect(c.argv.join(' ')).not.toContain(password);
    }
    expect(lines.join('\n')).not.toContain(password);
  });

  test('the image comes from the build stage of the same run when the input is empty', async () => {
    const env = stageEnv();
    const i = scan.parse(new InputReader((n) => ({ stages: 'build,scan' })[n as 'stages'] ?? ''), env);
    env.state.imageRef = DIGEST;
    const r = await scan.run(i, env);
    expect(JSON.parse(r.outputs['scan-result']).image).toBe(DIGEST);
    expect(calls()[1].argv.at(-1)).toBe(DIGEST);
  });

  test('a mutable tag is scanned only with scan-allow-tag, and with a warning', async () => {
    expect(() => scan.parse(reader({ 'image-ref': 'ghcr.io/acme/mcp-echo:latest' }), stageEnv())).toThrow(
      /^input 'image-ref': 'ghcr.io\/acme\/mcp-echo:latest' is a mutable tag, not a digest \(fix: /,
    );
    process.env.STANDIN_TRIVY_REPORT = path.join(FIXTURES, 'trivy', 'distroless-base.json');
    const r = await runScan({ 'image-ref': 'ghcr.io/acme/mcp-echo:latest', 'scan-allow-tag': 'true' });
    expect(r.status).toBe('success');
    expect(lines.join('\n')).toMatch(/warning: scanning the mutable tag ghcr\.io\/acme\/mcp-echo:latest/);
  });

  test('distroless-base: MEDIUM 2 and LOW 2 pass the default policy; ignore-unfixed drops the unfixed ones', async () => {
    process.env.STANDIN_TRIVY_REPORT = path.join(FIXTURES, 'trivy', 'distroless-base.json');
    const r = await runScan({ 'image-ref': DIGEST });
    expect(r.status).toBe('success');
    expect(JSON.parse(r.outputs['scan-result']).counts).toMatchObject({
      MEDIUM: 2,
      LOW: 2,
      HIGH: 0,
      CRITICAL: 0,
    });
    expect(r.headline).toBe('2 MEDIUM, 2 LOW');
    const unfixed = await runScan({ 'image-ref': DIGEST, 'ignore-unfixed': 'true', 'fail-on': 'MEDIUM' });
    expect(unfixed.status).toBe('success');
    expect(JSON.parse(unfixed.outputs['scan-result']).counts).toMatchObject({ MEDIUM: 0, LOW: 2 });
  });

  test('plan shows the one scan and the convert with the mirrors in order', () => {
    const env = stageEnv();
    const p = scan.plan(
      scan.parse(reader({ 'image-ref': DIGEST, severity: 'high,critical', 'fail-on': 'critical' }), env),
      env,
    );
    expect(p.commands[0].argv.slice(0, 2)).toEqual(['trivy', 'image']);
    expect(p.commands[0].argv).toEqual(
      expect.arrayContaining(['--severity', 'HIGH,CRITICAL', '--format', 'json']),
    );
    expect(p.commands[0].why).toContain('ghcr.io/aquasecurity/trivy-db:2');
    expect(p.commands[1].argv.slice(0, 4)).toEqual(['trivy', 'convert', '--format', 'sarif']);
  });
});

describe('the reason line of a failed Trivy call names what to change', () => {
  const i = { username: '', dbRepositories: ['a/db:2'], timeoutSec: 300 } as unknown as ScanInputs;
  const exited = { exitCode: 1, timedOut: false };
  test.each([
    ['auth', /^Trivy exited with 1: the registry of r\/x@sha256:1 refused Trivy: set username and password$/],
    ['unreachable', /could not reach the registry of r\/x@sha256:1; .*registry-insecure: true$/],
    ['not-found', /: r\/x@sha256:1 is not in its registry$/],
    ['db-download', /no vulnerability DB repository could be read \(a\/db:2\); check trivy-db-repository$/],
  ] as const)('%s', (kind, line) => {
    expect(trivyFailure(exited, kind, i, 'r/x@sha256:1')).toMatch(line);
  });

  test('a timeout names scan-timeout; an unknown failure adds nothing to what Trivy said', () => {
    expect(trivyFailure({ exitCode: 143, timedOut: true }, 'timeout', i, 'r')).toBe(
      'Trivy timed out: the scan did not finish within scan-timeout (300 s)',
    );
    expect(trivyFailure(exited, 'other', i, 'r')).toBe('Trivy exited with 1');
  });
});
