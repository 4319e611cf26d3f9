// Bake: how long after a breach starts the bake fails, in scrape intervals (goal: within 2), from Prometheus
// and from a scraped /metrics, side by side in one run.
//
// Each round starts examples/hello-mcp with HELLO_MCP_FAIL_AFTER=N HELLO_MCP_FAIL_RATE=0.5: its first N tool
// calls succeed, half of the later ones fail. This script makes 10 tool calls a second with the official
// SDK client and notes when the first failed result comes back: that is when the breach started. The bake
// (src/stages/verify/bake.ts, compiled with tsc into a temporary directory) checks every second; Prometheus
// (Debian's, on 127.0.0.1) scrapes every second. The figure is (bake failed - breach started) / 1 s.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, ROOT, table } from './lib.mjs';

const { fetch } = globalThis;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SCRAPE_SEC = 1;
const CALLS_PER_SEC = 10;
const HEALTHY_CALLS = 40;

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bake-'));
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'));
const children = [];
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(out, { recursive: true, force: true });
});

execFileSync(
  path.join(ROOT, 'node_modules', '.bin', 'tsc'),
  [
    ...[
      '--outDir',
      out,
      '--rootDir',
      path.join(ROOT, 'src'),
      '--module',
      'node16',
      '--moduleResolution',
      'node16',
    ],
    ...['--target', 'es2022', '--skipLibCheck', '--esModuleInterop', '--types', 'node'],
    path.join(ROOT, 'src', 'stages', 'verify', 'bake.ts'),
  ],
  { stdio: 'inherit' },
);
const require = createRequire(import.meta.url);
const { runBake } = require(path.join(out, 'stages', 'verify', 'bake.js'));
const { Client } = require(
  path.join(ROOT, 'node_modules', '@modelcontextprotocol', 'sdk', 'dist', 'cjs', 'client', 'index.js'),
);
const { StreamableHTTPClientTransport } = require(
  path.join(
    ROOT,
    'node_modules',
    '@modelcontextprotocol',
    'sdk',
    'dist',
    'cjs',
    'client',
    'streamableHttp.js',
  ),
);

const helloDir = path.join(ROOT, 'examples', 'hello-mcp');
execFileSync('cargo', ['build', '--quiet', '--manifest-path', path.join(helloDir, 'Cargo.toml')], {
  stdio: 'inherit',
});
const HELLO = path.join(helloDir, 'target', 'debug', 'hello-mcp');

function startHello() {
  const child = spawn(HELLO, [], {
    env: {
      ...process.env,
      MCP_SERVER_HOST: '127.0.0.1',
      MCP_SERVER_PORT: '0',
      RUST_LOG: 'warn',
      HELLO_MCP_FAIL_RATE: '0.5',
      HELLO_MCP_FAIL_AFTER: String(HEALTHY_CALLS),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`hello-mcp did not start:\n${err}`)), 15000);
    child.stderr.on('data', (b) => {
      err += b;
      const m = /listening on http:\/\/(\S+?)\/mcp/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, address: m[1], url: `http://${m[1]}/mcp` });
      }
    });
  });
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function startPrometheus(targets) {
  const config = path.join(out, 'prometheus.yml');
  fs.writeFileSync(
    config,
    `global:\n  scrape_interval: ${SCRAPE_SEC}s\nscrape_configs:\n  - job_name: mcp\n    static_configs:\n` +
      targets
        .map((t) => `      - targets: ['${t.address}']\n        labels: {namespace: '${t.namespace}'}\n`)
        .join(''),
  );
  const port = await freePort();
  const child = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(out, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      const r = await (await fetch(`${url}/api/v1/query?query=sum(up)`)).json();
      if (Number(r.data?.result?.[0]?.value[1]) === targets.length) return url;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('prometheus did not scrape its targets within 30 s');
}

/** Paced tool calls until stopped; resolves the time of the first failed result. */
function load(url) {
  let stop = false;
  const breach = (async () => {
    const client = new Client({ name: 'bench-bake', version: '1' });
    const transport = new StreamableHTTPClientTransport(new URL(url));
    await client.connect(transport);
    let first;
    const t0 = Date.now();
    for (let i = 0; !stop && i < 10000; i++) {
      const r = await client.callTool({ name: 'add', arguments: { a: i, b: 1 } });
      if (r.isError && first === undefined) first = Date.now();
      await new Promise((res) =>
        setTimeout(res, Math.max(0, t0 + ((i + 1) * 1000) / CALLS_PER_SEC - Date.now())),
      );
    }
    await transport.terminateSession().catch(() => undefined);
    await client.close();
    return first;
  })();
  return { breach, stop: () => (stop = true) };
}

async function round(kind, server, promUrl) {
  const options = {
    bakeTimeSec: 60,
    prometheusUrl: kind === 'prometheus' ? promUrl : undefined,
    prometheusHeaders: {},
    metricsUrl: kind === 'metrics-url' ? server.url.replace(/\/mcp$/, '/metrics') : undefined,
    maxErrorRate: 0.05,
    minRequests: 10,
    selector: `namespace="${server.namespace}"`,
    trafficRate: 0,
    compare: 'none',
    intervalSec: SCRAPE_SEC,
  };
  const traffic = load(server.url);
  const result = await runBake(options, { print: () => undefined });
  const failedAt = result.startedAt + result.elapsedSec * 1000;
  traffic.stop();
  const breachAt = await traffic.breach;
  if (result.status !== 'failed' || !result.breach || breachAt === undefined)
    throw new Error(`${kind}: the bake did not fail on the breach: ${result.reason}`);
  return (failedAt - breachAt) / 1000 / SCRAPE_SEC;
}

const servers = [];
for (let i = 0; i < ROUNDS * 2; i++) servers.push({ ...(await startHello()), namespace: `bench-${i}` });
const promUrl = await startPrometheus(servers.filter((_, i) => i % 2 === 0));
const results = { prometheus: [], 'metrics-url': [] };
// Alternating rounds, each on a fresh server, so drift on a shared machine hits both sources alike.
for (let i = 0; i < ROUNDS; i++) {
  results.prometheus.push(await round('prometheus', servers[2 * i], promUrl));
  results['metrics-url'].push(await round('metrics-url', servers[2 * i + 1]));
  process.stderr.write(
    `round ${i + 1}/${ROUNDS}: ${results.prometheus.at(-1).toFixed(2)}, ${results['metrics-url'].at(-1).toFixed(2)}\n`,
  );
}
for (const c of children) c.kill('SIGTERM');

const f = (x) => x.toFixed(2);
console.log(`## bake: time to fail after a breach starts (scripts/bench/bake.mjs)

examples/hello-mcp serves ${HEALTHY_CALLS} good tool calls, then fails half of them; the SDK client makes
${CALLS_PER_SEC} calls a second; the bake checks every ${SCRAPE_SEC} s (max-error-rate 5%, min-requests 10) and
Prometheus scrapes every ${SCRAPE_SEC} s. Figure: seconds from the first failed call to the bake's failure,
divided by the scrape interval. ${ROUNDS} alternating rounds per source. Goal: within 2 intervals.

${table(
  ['Source', 'Median (intervals)', 'Min', 'Max', 'Within 2'],
  Object.entries(results).map(([k, xs]) => [
    k,
    f(median(xs)),
    f(Math.min(...xs)),
    f(Math.max(...xs)),
    `${xs.filter((x) => x <= 2).length}/${xs.length}`,
  ]),
)}`);
process.exit(0);
