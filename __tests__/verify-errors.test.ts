import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifyCommand } from '../src/commands/verify';
import { redact, setSink, textSink } from '../src/report/log';
import {
  ConnectFailure,
  describeTarget,
  redactUrl,
  startupRetry,
  verifyServer,
  type Target,
} from '../src/stages/verify/client';

/**
 * Failures verify meets in the field, each from a real server on 127.0.0.1: the one line it prints, and
 * that what cannot heal by waiting fails at once instead of retrying until the timeout.
 */
const TIMEOUT_MS = 20000;
/** Well under the retry timeout: a failure that cannot heal is not retried. */
const FAST_MS = 5000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-errors-'));

const listen = (server: http.Server | https.Server): Promise<string> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(String((server.address() as AddressInfo).port))),
  );
const close = (server: http.Server | https.Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** A stateless MCP endpoint from the SDK: one server and transport per request. */
async function mcp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const server = new McpServer({ name: 'flaky', version: '1.0.0' });
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res);
}

async function check(target: Target) {
  const t0 = Date.now();
  const r = await verifyServer({ target, smoke: [], timeoutMs: TIMEOUT_MS });
  const failed = r.checks.filter((c) => c.status === 'failed');
  return { ms: Date.now() - t0, failed, report: r };
}

describe('verify over HTTP: what heals is retried, what cannot fails at once', () => {
  let server: http.Server;
  let origin: string;
  let flakyHits = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const p = new URL(req.url ?? '/', 'http://x').pathname;
      if (p === '/auth') res.writeHead(401, { 'www-authenticate': 'Bearer' }).end('no');
      else if (p === '/forbidden') res.writeHead(403).end('no');
      else if (p === '/html') res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>');
      else if (p === '/flaky' && ++flakyHits <= 2) res.writeHead(503).end('starting');
      else if (p === '/flaky') void mcp(req, res);
      else res.writeHead(404).end('not here');
    });
    origin = `http://127.0.0.1:${await listen(server)}`;
  });
  afterAll(() => close(server));

  const http_ = (p: string): Target => ({ kind: 'http', url: `${origin}${p}`, headers: {} });

  test.each([
    ['/auth', /^HTTP 401 Unauthorized from http:\/\/127\.0\.0\.1:\d+\/auth \(fix: set the mcp-token input/],
    ['/forbidden', /^HTTP 403 Forbidden from .*\/forbidden \(fix: the token was refused/],
    ['/nope', /^HTTP 404 Not Found from .*\/nope \(fix: check the path in mcp-url; .*\/mcp\)$/],
    ['/html', /^HTTP 200 with content type text\/html from .*\/html: not an MCP endpoint \(fix: /],
  ])('%s fails at once with the status and a hint', async (p, want) => {
    const { ms, failed } = await check(http_(p));
    expect(failed.map((c) => c.name)).toEqual(['initialize']);
    expect(failed[0].detail).toMatch(want);
    expect(failed[0].detail).not.toContain('\n');
    expect(failed[0].detail).not.toMatch(/attempts/);
    expect(ms).toBeLessThan(FAST_MS);
  });

  test('503 while the server starts is retried until it answers', async () => {
    flakyHits = 0;
    const { failed, report } = await check(http_('/flaky'));
    expect(failed).toEqual([]);
    expect(report.checks.find((c) => c.name === 'initialize')!.detail).toMatch(/\(3 attempts\)$/);
  });

  test('a health URL answering 404 fails at once; connection refused is retried until the deadline', async () => {
    const t0 = Date.now();
    const r = await verifyServer({
      target: http_('/flaky'),
      healthUrl: `${origin}/healthz`,
      smoke: [],
      timeoutMs: TIMEOUT_MS,
    });
    expect(Date.now() - t0).toBeLessThan(FAST_MS);
    expect(r.checks.map((c) => [c.name, c.status])).toEqual([['health', 'failed']]);
    expect(r.checks[0].detail).toMatch(/^HTTP 404 Not Found from .*\/healthz \(fix: /);

    // A port nobody listens on (the server closed): refused heals, so it is retried for the whole timeout.
    const gone = http.createServer();
    const port = await listen(gone);
    await close(gone);
    const t1 = Date.now();
    const refused = await verifyServer({
      target: { kind: 'http', url: `http://127.0.0.1:${port}/mcp`, headers: {} },
      smoke: [],
      timeoutMs: 4000,
    });
    expect(Date.now() - t1).toBeGreaterThan(2000);
    expect(refused.checks[0].detail).toMatch(/ECONNREFUSED\) \([4-9] attempts\)$/);
  });
});

describe('verify over HTTPS with a self-signed certificate', () => {
  let server: https.Server;
  let url: string;
  beforeAll(async () => {
    // A fresh certificate for 127.0.0.1, made by openssl for this run.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(tmp, 'key.pem'),
        '-out',
        path.join(tmp, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    server = https.createServer(
      { key: fs.readFileSync(path.join(tmp, 'key.pem')), cert: fs.readFileSync(path.join(tmp, 'cert.pem')) },
      (req, res) => void mcp(req, res),
    );
    url = `https://127.0.0.1:${await listen(server)}/mcp`;
  });
  afterAll(() => close(server));

  test('fails at once, naming the untrusted certificate and NODE_EXTRA_CA_CERTS', async () => {
    const { ms, failed } = await check({ kind: 'http', url, headers: {} });
    expect(failed).toHaveLength(1);
    expect(failed[0].detail).toMatch(
      /^TLS: the certificate of 127\.0\.0\.1:\d+ is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\) \(fix: for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file\)$/,
    );
    expect(ms).toBeLessThan(FAST_MS);
  });
});

describe('verify over stdio: a server that exits or prints junk', () => {
  const node = (script: string): Target => ({
    kind: 'stdio',
    argv: [process.execPath, '-e', script],
    cwd: tmp,
    env: { PATH: process.env.PATH ?? '' },
  });

  test('an exit shows the exit code and the stderr tail', async () => {
    const { ms, failed } = await check(
      node("process.stderr.write('starting\\nerror: DATABASE_URL is not set\\n'); process.exit(3)"),
    );
    expect(failed.map((c) => [c.name, c.detail])).toEqual([
      [
        'initialize',
        'the server exited with exit code 3 before answering initialize; stderr: starting | error: DATABASE_URL is not set',
      ],
    ]);
    expect(ms).toBeLessThan(FAST_MS);
  });

  test('non-JSON on stdout is named, not "Request timed out"', async () => {
    const { ms, failed } = await check(
      node(
        "process.stdout.write('Server listening, press Ctrl-C to stop\\n'); process.stdin.on('end', () => process.exit(0)); process.stdin.resume()",
      ),
    );
    expect(failed).toHaveLength(1);
    expect(failed[0].detail).toBe(
      'the server printed non-JSON on stdout: "Server listening, press Ctrl-C to stop" (fix: MCP over stdio carries only JSON-RPC messages; write logs to stderr)',
    );
    expect(ms).toBeLessThan(FAST_MS);
  });
});

describe('credentials in mcp-url', () => {
  test('user:pass@ and api_key=/token=/key= are shown as *** and masked in every later line', () => {
    const shown = redactUrl(
      'https://deploy:s3cr3t-pass@mcp.example.com/mcp?api_key=AKIA-12345&token=tok-98765&key=k-55555&region=eu',
    );
    expect(shown).toBe('https://deploy:***@mcp.example.com/mcp?api_key=***&token=***&key=***&region=eu');
    expect(redact('fetch failed for tok-98765 and s3cr3t-pass, AKIA-12345, k-55555')).toBe(
      'fetch failed for *** and ***, ***, ***',
    );
    expect(describeTarget({ kind: 'http', url: 'https://TOKEN-ONLY-777@h.example/mcp', headers: {} })).toBe(
      'https://***@h.example/mcp',
    );
  });

  test('the CLI prints the failure as an error with exit code 1, and never the credentials', async () => {
    const gone = http.createServer((_, res) => res.writeHead(401).end());
    const port = await listen(gone);
    const lines: string[] = [];
    setSink(textSink((l) => lines.push(l)));
    const out: string[] = [];
    const so = jest.spyOn(process.stdout, 'write').mockImplementation((b) => !!out.push(String(b)));
    let code: number;
    try {
      code = await verifyCommand.run([
        '--url',
        `http://ci:pw-7f3a9c@127.0.0.1:${port}/mcp?access_token=at-4d2e81`,
        '--contract',
        'off',
        '--timeout',
        '20s',
      ]);
    } finally {
      so.mockRestore();
      setSink(textSink());
      await close(gone);
    }
    expect(code).toBe(1);
    const all = [...lines, ...out].join('\n');
    expect(all).not.toMatch(/pw-7f3a9c|at-4d2e81/);
    expect(all).toContain(`http://ci:***@127.0.0.1:${port}/mcp?access_token=***`);
    expect(lines.filter((l) => /verify failed/.test(l))).toEqual([
      expect.stringMatching(
        /^error: verify failed: initialize failed: HTTP 401 Unauthorized from http:\/\/ci:\*\*\*@/,
      ),
    ]);
    expect(all).not.toMatch(/^warning:/m);
  });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('a server that takes long to start', () => {
  test('the wait says every progressMs what it waits for and the last answer, and only while it retries', () => {
    const lines: string[] = [];
    setSink(textSink((l) => lines.push(l)));
    let t = 0;
    const opts = startupRetry(
      () => 60_000,
      'initialize http://127.0.0.1:9/mcp',
      15_000,
      () => t,
    );
    const refused = new ConnectFailure('http://127.0.0.1:9/mcp: connection refused', true);
    for (t = 1_000; t <= 40_000; t += 1_000) expect(opts.retry!(refused, 5)).toBe(true);
    expect(lines).toEqual([
      '… initialize http://127.0.0.1:9/mcp: still waiting after 15 s (http://127.0.0.1:9/mcp: connection refused)',
      '… initialize http://127.0.0.1:9/mcp: still waiting after 30 s (http://127.0.0.1:9/mcp: connection refused)',
    ]);
    // What cannot heal is not waited on, and not announced.
    t = 80_000;
    expect(opts.retry!(new ConnectFailure('401 Unauthorized', false), 6)).toBe(false);
    expect(lines).toHaveLength(2);
  });
});
