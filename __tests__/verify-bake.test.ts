import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InputReader } from '../src/inputs';
import {
  bakeOutput,
  bakeStep,
  bakeSummary,
  runBake,
  type BakeContext,
  type BakeOptions,
  type BakeResult,
} from '../src/stages/verify/bake';
import { readBakeInputs } from '../src/stages/verify/bake-inputs';
import { instantQuery, scrape } from '../src/tools/prometheus';
import { helloMcpMissing, startHelloHttp, type RunningServer } from './support/mcp-servers';
import { freePort, prometheusMissing, startPrometheus, type RunningPrometheus } from './support/prometheus';
import { describeWith } from './support/skip';

/**
 * The bake against the real thing: examples/hello-mcp (HELLO_MCP_FAIL_RATE makes a share of its tool calls
 * fail), Debian's Prometheus scraping it every second, and the official SDK client making the calls.
 * Each case has its own server, labelled as Kubernetes service discovery would label a Deployment's pod,
 * so the default selector derived from namespace and deployment is what picks its series.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-bake-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CASES = {
  healthy: { env: {}, namespace: 'bake-healthy' },
  failing: { env: { HELLO_MCP_FAIL_RATE: '0.4' }, namespace: 'bake-failing' },
  // Fails too: "judges nothing" must hold even when what little traffic there is fails.
  quiet: { env: { HELLO_MCP_FAIL_RATE: '0.4' }, namespace: 'bake-quiet' },
} as const;
type Case = keyof typeof CASES;
const DEPLOYMENT = 'hello-mcp';
const ADD = { tool: 'add', args: { a: 1, b: 2 } };

describeWith(
  'bake against hello-mcp with a real Prometheus',
  helloMcpMissing() ?? prometheusMissing(),
  () => {
    const servers = {} as Record<Case, RunningServer>;
    let prom: RunningPrometheus | undefined;

    beforeAll(async () => {
      for (const [name, c] of Object.entries(CASES)) servers[name as Case] = await startHelloHttp(c.env);
      prom = await startPrometheus(
        tmp,
        Object.entries(CASES).map(([name, c]) => ({
          address: servers[name as Case].origin.replace('http://', ''),
          labels: { namespace: c.namespace, pod: `${DEPLOYMENT}-5d8f7c9b4-x2k${name.length}q` },
        })),
      );
    }, 60000);
    afterAll(async () => {
      await prom?.stop();
      await Promise.all(Object.values(servers).map((s) => s.stop()));
    });

    function options(kind: 'prometheus' | 'metrics-url', c: Case, v: Record<string, string>): BakeOptions {
      const values: Record<string, string> = {
        ...(kind === 'prometheus'
          ? { 'prometheus-url': prom!.url }
          : { 'metrics-url': `${servers[c].origin}/metrics` }),
        ...v,
      };
      const o = readBakeInputs(new InputReader((n) => values[n] ?? ''), {
        namespace: CASES[c].namespace,
        deployments: [DEPLOYMENT],
      });
      return { ...o, intervalSec: 1 };
    }

    /** The official SDK client making `n` add calls, one after another. */
    async function callAdd(c: Case, n: number, gapMs = 0) {
      const client = new Client({ name: 'bake-test', version: '1' });
      const transport = new StreamableHTTPClientTransport(new URL(servers[c].url));
      await client.connect(transport);
      try {
        for (let i = 0; i < n; i++) {
          await client.callTool({ name: 'add', arguments: { a: i, b: 1 } });
          await new Promise((res) => setTimeout(res, gapMs));
        }
      } finally {
        await transport.terminateSession().catch(() => undefined);
        await client.close();
      }
    }

    async function bake(
      o: BakeOptions,
      c: Case,
      during?: () => Promise<void>,
      extra: Partial<BakeContext> = {},
    ) {
      const lines: string[] = [];
      const ctx: BakeContext = {
        mcp: { url: servers[c].url, headers: {}, smoke: [ADD] },
        print: (l) => lines.push(l),
        ...extra,
      };
      const t0 = Date.now();
      const running = runBake(o, ctx);
      await during?.();
      const r: BakeResult = await running;
      return { r, lines, ms: Date.now() - t0 };
    }

    test('the default selector matches the series Prometheus scraped from the labelled pod', async () => {
      const o = options('prometheus', 'healthy', {});
      expect(o.selector).toBe('namespace="bake-healthy",pod=~"hello-mcp-[a-z0-9]+-[a-z0-9]+"');
      const series = await instantQuery({ url: prom!.url }, `mcp_tool_requests_total{${o.selector}}`);
      expect(series.map((s) => s.labels.tool).sort()).toEqual(['add', 'echo']);
      expect(new Set(series.map((s) => s.labels.namespace))).toEqual(new Set(['bake-healthy']));
    });

    test('hello-mcp exports the three tool metrics with a tool label, the histogram with le', async () => {
      const names = new Map<string, string[]>();
      for (const s of await scrape(`${servers.healthy.origin}/metrics`))
        names.set(s.name, [...new Set([...(names.get(s.name) ?? []), ...Object.keys(s.labels)])]);
      expect(names.get('mcp_tool_requests_total')).toEqual(['tool']);
      expect(names.get('mcp_tool_errors_total')).toEqual(['tool']);
      expect(names.get('mcp_tool_duration_seconds_bucket')?.sort()).toEqual(['le', 'tool']);
    });

    describe.each(['prometheus', 'metrics-url'] as const)('from %s', (kind) => {
      test('a healthy server under bake traffic passes, one line per check', async () => {
        const o = options(kind, 'healthy', { 'bake-time': '6s', 'bake-traffic': '20', 'min-requests': '5' });
        const { r, lines } = await bake(o, 'healthy');
        expect(r.reason).toMatch(/^bake passed: error rate 0\.0% of \d+ tool calls/);
        expect(r.status).toBe('passed');
        expect(r.samples.length).toBe(6);
        expect(lines.filter((l) => /^bake \d/.test(l))).toHaveLength(r.samples.length);
        expect(r.traffic!.toolCalls).toBeGreaterThanOrEqual(5);
        expect(r.traffic!.failures).toBe(0);
        // Bounded: it stopped by itself at the end of the bake, at no more than the asked rate.
        expect(r.traffic!.calls).toBeLessThanOrEqual(20 * 6 + 1);
        // The figures are the server's: the scrape counts every call; Prometheus extrapolates a little.
        if (kind === 'metrics-url')
          expect(Math.abs(r.total!.requests - r.traffic!.toolCalls)).toBeLessThanOrEqual(1);
        else expect(r.total!.requests).toBeGreaterThan(r.traffic!.toolCalls * 0.5);
        const md = bakeSummary(r, o).toMarkdown();
        expect(md).toContain('xychart-beta');
        expect(md).toMatch(/\| whole bake \| \d+s \| \d+ \| 0 \| 0\.0% \|/);
        const out = JSON.parse(bakeOutput(r, o));
        expect(out).toMatchObject({ status: 'passed', source: kind, thresholds: { maxErrorRate: 0.05 } });
        expect(out.samples).toHaveLength(6);
      }, 30000);

      test('a server failing 40% of its calls fails fast, naming the error rate and the threshold', async () => {
        const o = options(kind, 'failing', {
          'bake-time': '30s',
          'bake-traffic': '20',
          'min-requests': '10',
        });
        const { r, lines, ms } = await bake(o, 'failing');
        expect(r.status).toBe('failed');
        expect(r.reason).toMatch(/error rate \d+\.\d% over .* is above max-error-rate 5\.0%/);
        expect(r.breach).toMatchObject({ figure: 'error-rate', threshold: 0.05 });
        expect(r.breach!.value).toBeGreaterThan(0.25);
        expect(r.breach!.value).toBeLessThan(0.55);
        expect(lines.at(-1)).toContain('BREACH');
        // Fail fast: well before the 30 s bake would have ended (a loaded CI machine is slow), and the traffic stopped with it.
        expect(ms).toBeLessThan(25000);
        const calls = r.traffic!.calls;
        await new Promise((res) => setTimeout(res, 500));
        expect(r.traffic!.calls).toBe(calls);
        const md = bakeSummary(r, o).toMarkdown();
        expect(md).toContain('❌ breach');
        expect(md).toContain('above max-error-rate 5.0%');
      }, 30000);

      test('p95 above max-latency-p95 fails, naming the latency and the threshold', async () => {
        // hello-mcp answers in well under 0.5 ms, its first bucket: histogram_quantile puts p95 at 0.475 ms.
        const o = options(kind, 'healthy', {
          'bake-time': '30s',
          'bake-traffic': '20',
          'min-requests': '10',
          'max-latency-p95': '0.1ms',
        });
        const { r, ms } = await bake(o, 'healthy');
        expect(r.status).toBe('failed');
        expect(r.reason).toMatch(/^bake: p95 latency [\d.]+ ms over .* is above max-latency-p95 0\.10 ms$/);
        expect(r.breach).toMatchObject({ figure: 'latency-p95', threshold: 0.0001 });
        expect(r.breach!.value).toBeGreaterThan(0.0001);
        expect(r.breach!.value).toBeLessThanOrEqual(0.0025);
        expect(ms).toBeLessThan(25000);
        expect(bakeSummary(r, o).toMarkdown()).toContain('p95 latency of tool calls (ms), threshold 0.1 ms');
      }, 30000);

      test('fewer calls than min-requests: judges nothing and says so', async () => {
        const o = options(kind, 'quiet', { 'bake-time': '3s', 'min-requests': '50' });
        const { r } = await bake(o, 'quiet', () => callAdd('quiet', 5, 100));
        expect(r.status).toBe('not-judged');
        expect(r.reason).toMatch(/^bake judged nothing: \d+ tool calls? in 3s, fewer than min-requests 50$/);
        expect(r.samples.every((s) => s.status === 'not-judged')).toBe(true);
        // It saw the calls (two of the five failed), and still judged nothing.
        expect(r.total!.requests).toBeGreaterThan(0);
        expect(bakeSummary(r, o).toText()).toContain('judged nothing');
      }, 30000);
    });

    test('compare: previous reports the figures of the window before the rollout', async () => {
      const o = options('prometheus', 'failing', {
        'bake-time': '3s',
        'bake-compare': 'previous',
        'min-requests': '1000',
      });
      // "The previous revision": calls before the rollout, scraped before the bake starts.
      await callAdd('failing', 25, 80);
      const rolloutStartedAt = Date.now();
      await new Promise((res) => setTimeout(res, 1500));
      const { r, lines } = await bake(o, 'failing', undefined, { rolloutStartedAt });
      expect(r.previous?.requests).toBeGreaterThan(10);
      expect(r.previous!.errorRate!).toBeGreaterThan(0.25);
      expect(r.previous!.errorRate!).toBeLessThan(0.55);
      expect(lines.some((l) => /previous revision, the 3s before the rollout: error rate \d/.test(l))).toBe(
        true,
      );
      expect(bakeSummary(r, o).toMarkdown()).toContain('| previous revision | 3s before |');
    }, 30000);

    test('bakeStep hands verify a failure on a breach, the summary section and the bake output', async () => {
      const o = options('metrics-url', 'failing', {
        'bake-time': '20s',
        'bake-traffic': '20',
        'min-requests': '10',
      });
      const step = await bakeStep(o, {
        mcp: { url: servers.failing.url, headers: {}, smoke: [ADD] },
        print: () => {},
      });
      expect(step.failure).toMatch(/^bake: error rate .* is above max-error-rate 5\.0%$/);
      expect(JSON.parse(step.output)).toMatchObject({ status: 'failed', breach: { figure: 'error-rate' } });
      expect(step.summary.toMarkdown()).toMatch(/^### Bake\n/);
      const healthy = await bakeStep(options('metrics-url', 'healthy', { 'bake-time': '1s' }), {
        print: () => {},
      });
      expect(healthy.failure).toBeUndefined();
      expect(healthy.result.status).toBe('not-judged');
    }, 30000);

    test('metrics-url sends metricsHeaders (an API key in front of /metrics) and fails clearly without', async () => {
      const proxy = http.createServer((req, res) => {
        if (req.headers['x-api-key'] !== 'key-9876543') {
          res.writeHead(401);
          res.end();
          return;
        }
        http.get(`${servers.healthy.origin}${req.url}`, (up) => {
          res.writeHead(up.statusCode!, up.headers);
          up.pipe(res);
        });
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(proxy.address() as { port: number }).port}/metrics`;
      try {
        const o = { ...options('metrics-url', 'healthy', { 'bake-time': '1s' }), metricsUrl: url };
        const ok = await bake({ ...o, metricsHeaders: { 'X-Api-Key': 'key-9876543' } }, 'healthy');
        expect(ok.r.status).toBe('not-judged');
        const bad = await bake(o, 'healthy');
        expect(bad.r.reason).toBe(`cannot read the metrics: metrics ${url}: HTTP 401`);
      } finally {
        await new Promise((r) => proxy.close(r));
      }
    });

    test('an unreachable Prometheus fails the bake at once with the reason', async () => {
      const port = await freePort();
      const o = {
        ...options('prometheus', 'healthy', { 'bake-time': '30s' }),
        prometheusUrl: `http://127.0.0.1:${port}`,
      };
      const { r, ms } = await bake(o, 'healthy');
      expect(r.status).toBe('failed');
      expect(r.reason).toBe(
        `cannot read the metrics: Prometheus http://127.0.0.1:${port}/api/v1/query: ECONNREFUSED`,
      );
      expect(ms).toBeLessThan(5000);
    });

    test('token and headers reach Prometheus behind an authenticating proxy, and show in no line or output', async () => {
      const TOKEN = 'tok-s3cret-bake-42';
      const proxy = http.createServer((req, res) => {
        if (req.headers.authorization !== `Bearer ${TOKEN}` || req.headers['x-scope-orgid'] !== 'team-a') {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'error', error: 'unauthorized' }));
          return;
        }
        http.get(`${prom!.url}${req.url}`, (up) => {
          res.writeHead(up.statusCode!, up.headers);
          up.pipe(res);
        });
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
      try {
        const values = { 'bake-time': '2s', 'min-requests': '1000', 'prometheus-url': url };
        const ok = options('prometheus', 'healthy', {
          ...values,
          'prometheus-token': TOKEN,
          'prometheus-headers': 'X-Scope-OrgID: team-a',
        });
        const passed = await bake(ok, 'healthy');
        expect(passed.r.status).toBe('not-judged');
        const bad = await bake({ ...ok, prometheusToken: 'wrong-token-1234' }, 'healthy');
        expect(bad.r.reason).toBe(
          `cannot read the metrics: Prometheus ${url}/api/v1/query: HTTP 401: unauthorized (query: vector(1))`,
        );
        for (const b of [passed, bad]) {
          const all = [...b.lines, b.r.reason, bakeOutput(b.r, ok), bakeSummary(b.r, ok).toMarkdown()].join(
            '\n',
          );
          expect(all).not.toContain(TOKEN);
          expect(all).not.toContain('wrong-token-1234');
        }
      } finally {
        await new Promise((r) => proxy.close(r));
      }
    }, 30000);
  },
);
