import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from '../src/commands';
import { InputReader } from '../src/inputs';
import { parseLintInputs, runLint } from '../src/lint';
import { loadPaths } from '../src/lint/manifests';
import { setSink, textSink, type Annotation } from '../src/report/log';

/** `mcp-deploy lint` end to end through the real command table, with its output captured. */
const ROOT = path.resolve(__dirname, '..');
const FIXTURE = path.join(ROOT, '__tests__', 'fixtures', 'lint', 'replicas-and-mcp-probe.yaml');
const REL = '__tests__/fixtures/lint/replicas-and-mcp-probe.yaml';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  setSink(textSink((l) => out.push(`${l}\n`)));
  const so = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    const code = await cli(['lint', ...args, '--workspace', ROOT]);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
    setSink(textSink());
  }
}

test('3 replicas and a readiness probe on /mcp: exit 1, both problems named at their lines', async () => {
  const r = await run(FIXTURE);
  expect(r.code).toBe(1);
  expect(r.out).toContain(`${REL}:8: error: MCP001 stateful-replicas: Deployment/hello-mcp spec.replicas:`);
  expect(r.out).toContain(
    `${REL}:25: error: MCP002 probe-on-mcp-path: Deployment/hello-mcp spec.template.spec.containers[0].readinessProbe.httpGet.path:`,
  );
  expect(r.out).toMatch(/2 errors, 0 warnings in 2 objects/);
  expect(r.out).toMatch(/^MCP002 probe-on-mcp-path\s+error\s+Deployment\/hello-mcp/m);
});

test('--mcp-sessions stateless: the replica finding goes, the probe finding stays', async () => {
  const r = await run(FIXTURE, '--mcp-sessions', 'stateless');
  expect(r.code).toBe(1);
  expect(r.out).not.toContain('MCP001');
  expect(r.out).toContain(`${REL}:25: error: MCP002 probe-on-mcp-path`);
});

test('the hints are also read from MCP_* variables, as the GitLab template sets them', async () => {
  process.env.MCP_MCP_SESSIONS = 'stateless';
  process.env.MCP_MCP_PATH = '/rpc';
  try {
    const r = await run(FIXTURE);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 objects, no findings');
  } finally {
    delete process.env.MCP_MCP_SESSIONS;
    delete process.env.MCP_MCP_PATH;
  }
});

describe('modes and formats', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-cli-'));
    // An ingress-nginx Ingress that does not buffer but keeps the 60 s default read timeout: one warning.
    fs.writeFileSync(
      path.join(dir, 'ingress.yaml'),
      [
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata:',
        '  name: mcp',
        '  annotations:',
        '    nginx.ingress.kubernetes.io/proxy-buffering: "off"',
        'spec:',
        '  ingressClassName: nginx',
      ].join('\n'),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('warnings alone pass; --strict fails on them', async () => {
    expect((await run(dir)).code).toBe(0);
    const strict = await run(dir, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('warning: MCP006 ingress-read-timeout: Ingress/mcp');
  });

  test('--lint warn reports errors as warnings and exits 0', async () => {
    const r = await run(FIXTURE, '--lint', 'warn');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${REL}:8: warning: MCP001`);
  });

  test('--format json prints the result', async () => {
    const r = await run(FIXTURE, '--format', 'json');
    const json = JSON.parse(r.out) as {
      errors: number;
      findings: { rule: string; line: number; file: string }[];
    };
    expect(json.errors).toBe(2);
    expect(json.findings.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['MCP001', REL, 8],
      ['MCP002', REL, 25],
    ]);
  });

  test('usage errors exit 2', async () => {
    expect((await run(path.join(dir, 'nope.yaml'))).code).toBe(2);
    expect((await run(FIXTURE, '--mcp-sessions', 'sticky')).err).toMatch(/mcp-sessions.*stateful, stateless/);
    expect((await run(FIXTURE, '--mcp-path', 'mcp')).code).toBe(2);
    const empty = fs.mkdtempSync(path.join(dir, 'empty-'));
    expect((await run(empty)).err).toMatch(/no Kubernetes objects/);
  });

  test('a YAML syntax error names the file and line', async () => {
    const bad = path.join(dir, 'bad', 'x.yaml');
    fs.mkdirSync(path.dirname(bad));
    fs.writeFileSync(bad, 'kind: Service\nmetadata:\n  name: [unclosed\n');
    const r = await run(bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/x\.yaml:\d+: not valid YAML: Flow sequence/);
  });
});

test('- reads the manifests from stdin', async () => {
  const docs = await loadPaths(['-'], ROOT, undefined, async () => fs.readFileSync(FIXTURE, 'utf8'));
  expect(docs.map((d) => [d.obj.kind, d.file])).toEqual([
    ['Deployment', undefined],
    ['Service', undefined],
  ]);
});

describe('the deploy stage API', () => {
  const annotations: Annotation[] = [];
  beforeEach(() => {
    annotations.length = 0;
    setSink({ ...textSink(() => undefined), annotate: (a) => annotations.push(a) });
  });
  afterEach(() => setSink(textSink()));

  test('parseLintInputs: defaults, and every value checked against the input it came from', () => {
    const reader = (v: Record<string, string>) => new InputReader((n) => v[n] ?? '');
    expect(parseLintInputs(reader({}))).toEqual({ mode: 'error', mcpPath: '/mcp', sessions: 'stateful' });
    expect(
      parseLintInputs(reader({ lint: 'warn', 'mcp-path': '/rpc', 'mcp-sessions': 'stateless' })),
    ).toEqual({
      mode: 'warn',
      mcpPath: '/rpc',
      sessions: 'stateless',
    });
    expect(() => parseLintInputs(reader({ lint: 'strict' }))).toThrow(/input 'lint'/);
  });

  test('runLint annotates each finding, returns a summary section and stops the deploy on errors', async () => {
    const r = await runLint([FIXTURE], { mode: 'error', mcpPath: '/mcp', sessions: 'stateful' }, ROOT);
    expect(r.failed).toBe(true);
    expect(r.headline).toBe('2 errors, 0 warnings in 2 objects');
    expect(annotations.map((a) => [a.level, a.title, a.file, a.line])).toEqual([
      ['error', 'MCP001 stateful-replicas', REL, 8],
      ['error', 'MCP002 probe-on-mcp-path', REL, 25],
    ]);
    expect(annotations[0].message).toMatch(/\nfix: make the server stateless/);
    const md = r.summary.toMarkdown();
    expect(md).toContain('### MCP deployment lint');
    expect(md).toContain(
      `| \`MCP001\` stateful-replicas | error | Deployment/hello-mcp | \`spec.replicas\` | ${REL}:8 |`,
    );
  });

  test('in warn mode nothing stops the deploy; off reads nothing at all', async () => {
    const warn = await runLint([FIXTURE], { mode: 'warn', mcpPath: '/mcp', sessions: 'stateful' }, ROOT);
    expect(warn.failed).toBe(false);
    expect(annotations.map((a) => a.level)).toEqual(['warning', 'warning']);
    const off = await runLint(
      ['/does/not/exist'],
      { mode: 'off', mcpPath: '/mcp', sessions: 'stateful' },
      ROOT,
    );
    expect([off.failed, off.result, off.headline]).toEqual([false, undefined, 'lint off']);
  });
});
