import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { githubContext, localContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { prepare, runPipeline } from '../src/pipeline';
import { setSink, textSink } from '../src/report/log';
import { verify } from '../src/stages/verify';
import type { StageEnv } from '../src/stages/stage';
import { kubectl } from './support/deploy-env';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { helloMcpMissing, startHelloHttp, type RunningServer } from './support/mcp-servers';
import { prometheusMissing, startPrometheus, type RunningPrometheus } from './support/prometheus';
import { describeWith, missingCommands } from './support/skip';

/**
 * The bake as the product runs it: the verify stage's inputs (the table's defaults, a check every 15 s, so
 * a bake of a few seconds is one check at its end), after verify's own checks, against examples/hello-mcp
 * failing 40% of its tool calls (HELLO_MCP_FAIL_AFTER=2 spares the first two, so verify's smoke call
 * passes and only the bake can catch it). Then deploy and verify in one pipeline run against the API
 * simulator: the bake's breach rolls the deploy back.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-bake-stage-'));
const lines: string[] = [];
beforeAll(() => setSink(textSink((l) => lines.push(l))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FAILING = { HELLO_MCP_FAIL_RATE: '0.4', HELLO_MCP_FAIL_AFTER: '2' };
const SMOKE = 'add {"a": 1, "b": 2}';
const TOKEN = 'tok-bake-stage-5150';
const reader = (v: Record<string, string>) => new InputReader((n) => v[n] ?? '');

describeWith(
  'the verify stage bakes hello-mcp with a real Prometheus',
  helloMcpMissing() ?? prometheusMissing(),
  () => {
    let failing: RunningServer | undefined;
    let prom: RunningPrometheus | undefined;
    beforeAll(async () => {
      failing = await startHelloHttp(FAILING);
      // Labelled as Kubernetes service discovery labels a pod of Deployment hello-mcp in namespace bake-stage.
      prom = await startPrometheus(tmp, [
        {
          address: failing.origin.replace('http://', ''),
          labels: { namespace: 'bake-stage', pod: 'hello-mcp-7c9d8b6f5-q2x4z' },
        },
      ]);
    }, 60000);
    afterAll(async () => {
      await prom?.stop();
      await failing?.stop();
    });

    test('checks pass, the bake sees 40% failing calls: verify fails with the figures in its summary and output', async () => {
      const env: StageEnv = { ctx: localContext({}, tmp), cwd: tmp, state: {} };
      const inputs = verify.parse(
        reader({
          'mcp-url': failing!.url,
          'mcp-smoke': SMOKE,
          namespace: 'bake-stage',
          deployments: 'hello-mcp=server',
          'prometheus-url': prom!.url,
          // Prometheus without auth ignores it; it must still show nowhere.
          'prometheus-token': TOKEN,
          'bake-time': '5s',
          'bake-traffic': '20',
          'min-requests': '10',
        }),
        env,
      );
      expect(inputs.bake).toMatchObject({ bakeTimeSec: 5, intervalSec: 15, maxErrorRate: 0.05 });
      const before = lines.length;
      const r = await verify.run(inputs, env);
      const log = lines.slice(before).join('\n');

      expect(r.status).toBe('failure');
      expect(r.failure).toMatch(/^bake: error rate \d+\.\d% over .* is above max-error-rate 5\.0%$/);
      expect(r.headline).toMatch(/^(\d+)\/\1 checks, .*bake failed$/);
      const md = r.summary.toMarkdown();
      expect(md).toContain('| call add | ✅ passed |');
      expect(md).toContain('### Bake');
      expect(md).toContain('❌ breach');
      expect(md).toContain('xychart-beta');

      const out = JSON.parse(r.outputs.bake);
      expect(out).toMatchObject({
        status: 'failed',
        source: 'prometheus',
        // The default selector: namespace and the deployment's name without its container.
        selector: 'namespace="bake-stage",pod=~"hello-mcp-[a-z0-9]+-[a-z0-9]+"',
        thresholds: { maxErrorRate: 0.05, minRequests: 10 },
        breach: { figure: 'error-rate', threshold: 0.05 },
      });
      expect(out.breach.value).toBeGreaterThan(0.2);
      expect(out.breach.value).toBeLessThan(0.6);
      expect(out.total.requests).toBeGreaterThanOrEqual(10);
      expect(out.traffic.toolCalls).toBeGreaterThanOrEqual(10);
      expect(log).toMatch(/^bake 5(\.\d)?s: BREACH: error rate/m);
      for (const text of [log, md, r.outputs.bake, r.failure!]) expect(text).not.toContain(TOKEN);
    }, 60000);
  },
);

describeWith('the verify stage bakes hello-mcp from its /metrics', helloMcpMissing(), () => {
  test('a healthy server under bake traffic passes; the output says so', async () => {
    const healthy = await startHelloHttp();
    try {
      const env: StageEnv = { ctx: localContext({}, tmp), cwd: tmp, state: {} };
      const r = await verify.run(
        verify.parse(
          reader({
            'mcp-url': healthy.url,
            'mcp-smoke': SMOKE,
            'metrics-url': `${healthy.origin}/metrics`,
            'bake-time': '3s',
            'bake-traffic': '20',
            'min-requests': '5',
          }),
          env,
        ),
        env,
      );
      expect(r.failure).toBeUndefined();
      expect(r.status).toBe('success');
      expect(r.headline).toMatch(/bake passed$/);
      const out = JSON.parse(r.outputs.bake);
      expect(out).toMatchObject({ status: 'passed', source: 'metrics-url', selector: null });
      expect(out.total.errors).toBe(0);
      expect(out.total.requests).toBeGreaterThanOrEqual(5);
      expect(r.summary.toMarkdown()).toMatch(/✅ bake passed: error rate 0\.0% of \d+ tool calls/);
    } finally {
      await healthy.stop();
    }
  }, 30000);

  test('bake-time 0: no bake, no Bake section, and the output says off', async () => {
    const healthy = await startHelloHttp();
    try {
      const env: StageEnv = { ctx: localContext({}, tmp), cwd: tmp, state: {} };
      const r = await verify.run(verify.parse(reader({ 'mcp-url': healthy.url }), env), env);
      expect(r.status).toBe('success');
      expect(r.summary.toMarkdown()).not.toContain('### Bake');
      expect(JSON.parse(r.outputs.bake)).toMatchObject({ status: 'off', reason: 'bake-time is 0: no bake' });
    } finally {
      await healthy.stop();
    }
  });

  test('bake traffic without mcp-url is refused naming bake-traffic', () => {
    expect(() =>
      verify.parse(
        reader({
          'mcp-command': 'srv --stdio',
          'metrics-url': 'http://127.0.0.1:9/metrics',
          'bake-time': '1m',
          'bake-traffic': '5',
        }),
        { ctx: localContext({}, tmp), cwd: tmp, state: {} },
      ),
    ).toThrow(/^input 'bake-traffic': needs mcp-url/);
  });

  test('the MCP headers go to metrics-url only on the origin of mcp-url', () => {
    const env: StageEnv = { ctx: localContext({}, tmp), cwd: tmp, state: {} };
    const base = {
      'mcp-url': 'https://mcp.example.com/mcp',
      'mcp-token': 'tok-bake-hdr-77',
      'bake-time': '1m',
    };
    const same = verify.parse(reader({ ...base, 'metrics-url': 'https://mcp.example.com/metrics' }), env);
    const other = verify.parse(reader({ ...base, 'metrics-url': 'http://10.0.0.7:9090/metrics' }), env);
    expect(same.bake.metricsHeaders).toEqual({ Authorization: 'Bearer tok-bake-hdr-77' });
    expect(other.bake.metricsHeaders).toBeUndefined();
  });
});

const V1 = `ghcr.io/acme/hello-mcp@sha256:${'a'.repeat(64)}`;
const V2 = `ghcr.io/acme/hello-mcp@sha256:${'b'.repeat(64)}`;

describeWith(
  'deploy and verify in one run: a bake breach rolls the deploy back',
  helloMcpMissing() ?? missingCommands('kubectl'),
  () => {
    let sim: K8sSim | undefined;
    let server: RunningServer | undefined;
    const workspace = fs.mkdtempSync(path.join(tmp, 'ws-'));
    beforeAll(async () => {
      sim = await startK8sSim({ token: 'bake-rb-token-31a4' });
      const kc = sim.writeKubeconfig(workspace);
      await kubectl(
        kc,
        ['apply', '--validate=false', '-f', '-'],
        `apiVersion: apps/v1
kind: Deployment
metadata: {name: hello-mcp, namespace: default}
spec:
  selector: {matchLabels: {app: hello-mcp}}
  template:
    metadata: {labels: {app: hello-mcp}}
    spec: {containers: [{name: server, image: "${V1}"}]}
`,
      );
      await kubectl(kc, ['rollout', 'status', 'deployment/hello-mcp', '--timeout=30s']);
      // What the new release serves: it answers and keeps its contract, and fails 40% of its tool calls.
      server = await startHelloHttp(FAILING);
    }, 60000);
    afterAll(async () => {
      await server?.stop();
      await sim?.stop();
    });

    test('deploy succeeds, the bake fails verify, the pipeline undoes the rollout', async () => {
      const ctx = githubContext(
        { GITHUB_REPOSITORY: 'acme/hello-mcp', GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main' },
        workspace,
      );
      const values: Record<string, string> = {
        stages: 'deploy,verify',
        'image-ref': V2,
        kubeconfig: sim!.kubeconfig(),
        namespace: 'default',
        deployments: 'hello-mcp',
        'rollout-timeout': '30s',
        'mcp-url': server!.url,
        'mcp-smoke': SMOKE,
        'metrics-url': `${server!.origin}/metrics`,
        'bake-time': '3s',
        'bake-traffic': '20',
        'min-requests': '5',
      };
      const p = await prepare(reader(values), ctx);
      const before = lines.length;
      const t0 = Date.now();
      const r = await runPipeline(p);
      const log = lines.slice(before).join('\n');

      expect(r.results.deploy?.status).toBe('success');
      expect(p.env.state.rolloutStartedAt).toBeGreaterThanOrEqual(t0);
      expect(r.results.verify?.status).toBe('failure');
      expect(r.failure).toMatch(
        /^verify: bake: error rate \d+\.\d% over .* is above max-error-rate 5\.0%; deploy undone: hello-mcp rolled back to revision 1/,
      );
      expect(log).toMatch(/undoing the deploy: verify: bake: error rate/);
      expect(log).toContain('hello-mcp: rolled back to revision 1');
      expect(sim!.get('deployments', 'default', 'hello-mcp').spec.template.spec.containers[0].image).toBe(V1);
      expect(JSON.parse(r.outputs.bake)).toMatchObject({ status: 'failed', source: 'metrics-url' });
      expect(r.summary.toMarkdown()).toContain('### Bake');
    }, 90000);
  },
);

const CLI = path.resolve(__dirname, '..', 'dist', 'cli.js');

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b));
    child.stderr.on('data', (b: Buffer) => (stderr += b));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describeWith('mcp-deploy verify (bundle) bakes', helloMcpMissing(), () => {
  test('the bake flags: a failing server exits 1 with the bake in the summary', async () => {
    const s = await startHelloHttp(FAILING);
    try {
      const r = await cli([
        'verify',
        '--url',
        s.url,
        '--smoke',
        SMOKE,
        '--metrics-url',
        `${s.origin}/metrics`,
        '--bake-time',
        '3s',
        '--bake-traffic',
        '20',
        '--min-requests',
        '5',
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/bake: error rate \d+\.\d% over .* is above max-error-rate 5\.0%/);
      expect(r.stdout).toContain('Bake');
    } finally {
      await s.stop();
    }
  }, 30000);

  test('a Prometheus token is refused as a flag, naming its variable', async () => {
    const r = await cli(['verify', '--url', 'http://127.0.0.1:9/mcp', '--prometheus-token', TOKEN]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/input 'prometheus-token': .* export MCP_PROMETHEUS_TOKEN instead/);
  });
});
