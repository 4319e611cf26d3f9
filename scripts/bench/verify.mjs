// Verify stage: how long one verify (initialize, tools/prompts/resources lists, close) takes against a
// running server over Streamable HTTP, and over stdio including the start of the server process.
//
// Measured in-process by requiring the stage's own client (src/stages/verify/client.ts, compiled with
// tsc into a temporary directory), because a warm HTTP verify is well under node's own start-up; the
// user-facing `node dist/cli.js verify --url ...` (a new process each time) is measured beside it.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { fmtMs, median, ROOT, table, timeRun } from './lib.mjs';

const N = Number(process.env.BENCH_ROUNDS ?? 20);
const STDIO_N = Math.max(5, Math.round(N / 2));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-verify-'));
// The compiled client resolves the SDK from here, as it would from the checkout.
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'));
process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
execFileSync(
  path.join(ROOT, 'node_modules', '.bin', 'tsc'),
  [
    '--outDir',
    out,
    '--rootDir',
    path.join(ROOT, 'src'),
    '--module',
    'node16',
    '--moduleResolution',
    'node16',
    '--target',
    'es2022',
    '--skipLibCheck',
    '--esModuleInterop',
    '--types',
    'node',
    path.join(ROOT, 'src', 'stages', 'verify', 'client.ts'),
  ],
  { stdio: 'inherit' },
);
const { verifyServer } = createRequire(import.meta.url)(path.join(out, 'stages', 'verify', 'client.js'));

const EVERYTHING = path.join(
  ROOT,
  'node_modules',
  '@modelcontextprotocol',
  'server-everything',
  'dist',
  'index.js',
);
const PATCH = path.join(ROOT, '__tests__', 'support', 'loopback-listen.cjs');
const HELLO = path.join(ROOT, 'examples', 'hello-mcp', 'target', 'release', 'hello-mcp');

function startHttp(argv, env, pattern) {
  const child = spawn(argv[0], argv.slice(1), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (b) => {
      err += b;
      const m = pattern.exec(err);
      if (m) resolve({ url: `http://${m[1]}/mcp`, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (c) => reject(new Error(`server exited ${c}: ${err}`)));
  });
}

async function verifyOnce(target) {
  const t0 = performance.now();
  const r = await verifyServer({ target, smoke: [], timeoutMs: 30000 });
  const ms = performance.now() - t0;
  const failed = r.checks.filter((c) => c.status === 'failed');
  if (failed.length) throw new Error(`verify failed: ${JSON.stringify(failed)}\n${r.stderr}`);
  return { ms, checks: r.checks.length };
}

async function series(target, n, warmup) {
  for (let i = 0; i < warmup; i++) await verifyOnce(target);
  const times = [];
  let checks = 0;
  for (let i = 0; i < n; i++) {
    const r = await verifyOnce(target);
    times.push(r.ms);
    checks = r.checks;
  }
  return { times, checks };
}

const row = (name, { times, checks }) => [
  name,
  String(times.length),
  String(checks),
  fmtMs(median(times)),
  fmtMs(Math.min(...times)),
  fmtMs(Math.max(...times)),
];

const servers = [
  {
    name: 'server-everything',
    http: () =>
      startHttp(
        [process.execPath, '-r', PATCH, EVERYTHING, 'streamableHttp'],
        { PORT: '0' },
        /loopback-listen: (127\.0\.0\.1:\d+)/,
      ),
    stdio: [process.execPath, EVERYTHING, 'stdio'],
  },
];
try {
  execFileSync(
    'cargo',
    [
      'build',
      '--release',
      '--quiet',
      '--manifest-path',
      path.join(ROOT, 'examples', 'hello-mcp', 'Cargo.toml'),
    ],
    { stdio: 'inherit' },
  );
  servers.push({
    name: 'examples/hello-mcp (release)',
    http: () =>
      startHttp(
        [HELLO],
        { MCP_SERVER_HOST: '127.0.0.1', MCP_SERVER_PORT: '0', RUST_LOG: 'warn' },
        /listening on http:\/\/(\S+?)\/mcp/,
      ),
    stdio: [HELLO, '--stdio'],
  });
} catch (e) {
  process.stderr.write(`hello-mcp left out: ${e.message}\n`);
}

const rows = [];
const cliRows = [];
let verdict = '';
for (const s of servers) {
  const srv = await s.http();
  try {
    const http = await series({ kind: 'http', url: srv.url, headers: {} }, N, 3);
    rows.push(row(`${s.name}, warm HTTP`, http));
    if (s.name === 'server-everything')
      verdict = `Warm HTTP median against server-everything: **${fmtMs(median(http.times))}** (target < 50 ms: ${median(http.times) < 50 ? 'met' : 'NOT met'}).`;
    const cli = [];
    for (let i = 0; i < 5; i++)
      cli.push(
        timeRun([
          process.execPath,
          path.join(ROOT, 'dist', 'cli.js'),
          'verify',
          '--url',
          srv.url,
          '--contract',
          'off',
        ]),
      );
    cliRows.push([
      `${s.name}: \`node dist/cli.js verify --url ...\``,
      '5',
      fmtMs(median(cli)),
      fmtMs(Math.min(...cli)),
      fmtMs(Math.max(...cli)),
    ]);
  } finally {
    srv.stop();
  }
  const stdio = await series(
    { kind: 'stdio', argv: s.stdio, cwd: ROOT, env: { PATH: process.env.PATH } },
    STDIO_N,
    1,
  );
  rows.push(row(`${s.name}, stdio incl. process start`, stdio));
}

console.log(`## Verify stage: MCP checks over HTTP and stdio

One verify = initialize, tools/list (and prompts/list, resources/list + templates when declared), closing the
session (HTTP DELETE / ending the process). Measured in-process with the stage's own client
(\`src/stages/verify/client.ts\` compiled by tsc, \`verifyServer()\` called in a loop; new session each time),
servers on 127.0.0.1. HTTP: ${N} runs after 3 warm-up runs against an already running server. Stdio:
${STDIO_N} runs after 1 warm-up, each starting the server process.

${verdict}

${table(['verify', 'runs', 'checks', 'median', 'min', 'max'], rows)}

The CLI as a user runs it (a new node process each time: node start-up and loading the 2 MB bundle included):

${table(['command', 'runs', 'median', 'min', 'max'], cliRows)}

Command: \`node scripts/bench/verify.mjs\` (\`BENCH_ROUNDS=${N}\`).`);
process.exit(0);
