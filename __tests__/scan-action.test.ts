import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction } from './support/action';
import { FIXTURES, installStandin } from './support/standins';

/**
 * The committed bundle (dist/index.js) running the scan stage as the runner would, with a STAND-IN trivy
 * first on PATH (standin-trivy.js: real report format, `convert`, rate-limited mirrors).
 */
describe('action bundle: scan stage with a stand-in trivy', () => {
  const DIGEST = `ghcr.io/acme/hello-mcp@sha256:${'5e'.repeat(32)}`;
  let ws: string;
  let binPath: string;
  let trivyLog: string;
  beforeEach(() => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-action-'));
    binPath = installStandin(path.join(ws, '..', `${path.basename(ws)}-bin`), 'trivy');
    trivyLog = path.join(ws, '..', `${path.basename(ws)}-trivy.log`);
  });
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction(
      { stages: 'scan', 'image-ref': DIGEST, ...inputs },
      {
        workspace: ws,
        env: {
          PATH: binPath,
          RUNNER_TOOL_CACHE: path.join(ws, '..', `${path.basename(ws)}-toolcache`),
          STANDIN_TRIVY_LOG: trivyLog,
          STANDIN_TRIVY_REPORT: path.join(FIXTURES, 'trivy', 'debian-buster.json'),
          ...env,
        },
      },
    );

  test('one CRITICAL with fail-on CRITICAL: exit 1, an error naming the CVE, the summary row, SARIF output', () => {
    const r = run(
      { 'fail-on': 'CRITICAL', password: 'hunter2-registry-token', username: 'robot' },
      { STANDIN_TRIVY_RATE_LIMITED: 'mirror.gcr.io/aquasec/trivy-db:2' },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /::error title=CVE-2019-18224 \(CRITICAL\) in libidn2-0::libidn2: heap-based buffer overflow/,
    );
    expect(r.stdout).toMatch(
      /::error::scan: 1 finding at CRITICAL in ghcr\.io\/acme\/hello-mcp@sha256:(?:5e)+: CVE-2019-18224/,
    );
    expect(r.stdout).toMatch(
      /::warning::Trivy could not fetch its DB from mirror\.gcr\.io\/aquasec\/trivy-db:2 \(rate limited\)/,
    );
    expect(r.summary).toContain(
      '| [CVE-2019-18224](https://avd.aquasec.com/nvd/cve-2019-18224) | CRITICAL | libidn2-0 | 2.0.5-1 | 2.0.5-1+deb10u1 |',
    );
    expect(r.summary).toContain('| scan | ❌ failed | 1 CRITICAL, 1 LOW; 1 at CRITICAL |');
    expect(r.outputs['sarif-file']).toBe(path.join(ws, 'trivy-results.sarif'));
    expect(JSON.parse(fs.readFileSync(r.outputs['sarif-file'], 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(r.outputs['scan-result'])).toMatchObject({
      passed: false,
      counts: { CRITICAL: 1, LOW: 1 },
    });
    // The password is masked for the runner and never appears anywhere else.
    expect(r.stdout).toContain('::add-mask::hunter2-registry-token');
    expect(r.stdout.replace('::add-mask::hunter2-registry-token', '')).not.toContain('hunter2');
    expect(r.summary).not.toContain('hunter2');
  });

  test('the same report with the CVE in .trivyignore passes: exit 0', () => {
    fs.writeFileSync(path.join(ws, '.trivyignore'), 'CVE-2019-18224\n');
    const r = run({ 'fail-on': 'CRITICAL' });
    expect(r.stdout).not.toContain('::error');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.outputs['scan-result'])).toMatchObject({
      passed: true,
      counts: { CRITICAL: 0, LOW: 1 },
    });
    expect(r.summary).toContain('Ignore file `.trivyignore` in effect for: `CVE-2019-18224`');
  });

  test('a bad input fails in one line naming it, before trivy runs', () => {
    const r = run({ severity: 'CRITICAL', 'fail-on': 'CRITICAL,HIGH' });
    expect(r.status).toBe(1);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('::error')),
    ).toEqual([
      "::error::input 'fail-on': HIGH would fail the step but is not in 'severity', so Trivy would never report it (fix: add HIGH to severity, or remove it from fail-on)",
    ]);
    expect(fs.existsSync(trivyLog)).toBe(false);
  });
});
