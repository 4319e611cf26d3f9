import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { localContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { runPipeline } from '../src/pipeline';
import { Summary } from '../src/report/summary';
import { verify } from '../src/stages/verify';
import { verifyServer, type Target } from '../src/stages/verify/client';
import { snapshot, type Contract } from '../src/stages/verify/contract';
import type { StageEnv } from '../src/stages/stage';
import { everythingStdio, startEverythingHttp, type RunningServer } from './support/mcp-servers';

/** The reference server, over both transports: the contract round trip and the failure that names the tool. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-everything-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function env(): StageEnv {
  return { ctx: localContext({}, tmp), cwd: tmp, state: {} };
}

function inputs(values: Record<string, string>) {
  return verify.parse(new InputReader((n) => values[n] ?? ''), env());
}

async function contractOf(target: Target): Promise<Contract> {
  const r = await verifyServer({ target, smoke: [], timeoutMs: 30000 });
  expect(r.checks.filter((c) => c.status === 'failed')).toEqual([]);
  return snapshot(r.listing!);
}

function withExtraTool(c: Contract, name: string): Contract {
  return {
    ...c,
    tools: [...c.tools, { name, description: 'gone in the new release', inputSchema: { type: 'object' } }],
  };
}

describe.each([
  ['stdio', () => Promise.resolve(undefined)],
  ['Streamable HTTP on 127.0.0.1', () => startEverythingHttp()],
] as const)('server-everything over %s', (transport, start) => {
  let server: RunningServer | undefined;
  let values: Record<string, string>;
  let target: Target;
  beforeAll(async () => {
    server = await start();
    values = server
      ? { 'mcp-url': server.url }
      : {
          'mcp-command': everythingStdio()
            .map((a) => `"${a}"`)
            .join(' '),
        };
    target = server
      ? { kind: 'http', url: server.url, headers: {} }
      : { kind: 'stdio', argv: everythingStdio(), cwd: tmp, env: { PATH: process.env.PATH ?? '' } };
  });
  afterAll(() => server?.stop());

  test('snapshots tools, prompts and resource templates, sorted and normalized', async () => {
    const c = await contractOf(target);
    expect(c.server.name).toBe('mcp-servers/everything');
    const names = c.tools.map((t) => t.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['echo', 'get-sum', 'get-structured-content']));
    const sum = c.tools.find((t) => t.name === 'get-sum')!;
    expect(sum.inputSchema).toMatchObject({ type: 'object', required: ['a', 'b'] });
    expect(JSON.stringify(sum.inputSchema)).not.toContain('$schema');
    expect(c.tools.find((t) => t.name === 'get-structured-content')!.outputSchema).toMatchObject({
      type: 'object',
    });
    expect(c.prompts.find((p) => p.name === 'args-prompt')!.arguments).toEqual([
      { name: 'city', description: 'Name of the city', required: true },
      { name: 'state', required: false },
    ]);
    expect(c.resourceTemplates.map((r) => r.uriTemplate)).toContain(
      'demo://resource/dynamic/text/{resourceId}',
    );
    // Stable: a second session gives the same document.
    expect(await contractOf(target)).toEqual(c);
  });

  test('verify against its own snapshot passes, with a smoke call and a latency on every check', async () => {
    const baseline = path.join(tmp, `own-${transport.length}.json`);
    fs.writeFileSync(baseline, JSON.stringify(await contractOf(target)));
    const r = await verify.run(
      inputs({ ...values, 'contract-baseline': baseline, 'mcp-smoke': 'get-sum {"a": 2, "b": 40}' }),
      env(),
    );
    expect(r.failure).toBeUndefined();
    expect(r.status).toBe('success');
    expect(r.outputs['breaking-changes']).toBe('0');
    const table = r.summary.blocks.find((b) => b.kind === 'table' && b.headers[0] === 'Check');
    expect(table && table.kind === 'table' && table.rows.map((row) => row[0])).toEqual([
      'initialize',
      'tools/list',
      'prompts/list',
      'resources/list',
      'call get-sum',
    ]);
    for (const row of table && table.kind === 'table' ? table.rows : []) expect(row[2]).toMatch(/ms$/);
    expect(r.summary.toText()).toContain('42');
    expect(JSON.parse(r.outputs.contract).tools.length).toBeGreaterThan(5);
  });

  test('verify against a baseline with one more tool fails and names the tool', async () => {
    const baseline = path.join(tmp, `extra-${transport.length}.json`);
    fs.writeFileSync(baseline, JSON.stringify(withExtraTool(await contractOf(target), 'translate-text')));
    const r = await verify.run(inputs({ ...values, 'contract-baseline': baseline }), env());
    expect(r.status).toBe('failure');
    expect(r.failure).toContain('tool translate-text: tool removed');
    expect(r.outputs['breaking-changes']).toBe('1');
    expect(JSON.parse(r.outputs['contract-diff']).changes).toEqual([
      expect.objectContaining({ impact: 'breaking', where: 'tool translate-text', change: 'tool removed' }),
    ]);
    expect(r.summary.toMarkdown()).toMatch(/\| 💥 breaking \| `tool translate-text` \|/);
  });

  test('with contract: warn the same breaking change is reported and the stage passes', async () => {
    const baseline = path.join(tmp, `warn-${transport.length}.json`);
    fs.writeFileSync(baseline, JSON.stringify(withExtraTool(await contractOf(target), 'translate-text')));
    const r = await verify.run(inputs({ ...values, 'contract-baseline': baseline, contract: 'warn' }), env());
    expect(r.status).toBe('success');
    expect(r.outputs['breaking-changes']).toBe('1');
  });

  test('a smoke call that returns isError fails the stage', async () => {
    // get-sum with a string: the server answers with isError (input validation), not a protocol error.
    const r = await verify.run(
      inputs({ ...values, contract: 'off', 'mcp-smoke': 'get-sum {"a": "x", "b": 1}' }),
      env(),
    );
    expect(r.status).toBe('failure');
    expect(r.failure).toMatch(/call get-sum failed: .*isError/);
  });
});

describe('server-everything over HTTP: waiting and failing', () => {
  test('retries while the server is starting, within verify-timeout', async () => {
    // Find a free port, then start the server only after verify has begun knocking.
    const probe = await startEverythingHttp();
    const port = new URL(probe.url).port;
    await probe.stop();
    const pending = verifyServer({
      target: { kind: 'http', url: `http://127.0.0.1:${port}/mcp`, headers: {} },
      smoke: [],
      timeoutMs: 20000,
    });
    await new Promise((r) => setTimeout(r, 700));
    const server = await startEverythingHttp(Number(port));
    try {
      const r = await pending;
      const init = r.checks.find((c) => c.name === 'initialize')!;
      expect(init.status).toBe('passed');
      expect(init.detail).toMatch(/\(\d+ attempts\)/);
    } finally {
      await server.stop();
    }
  });

  test('gives up at verify-timeout with the connection error', async () => {
    const probe = await startEverythingHttp();
    const url = probe.url;
    await probe.stop();
    const t0 = Date.now();
    const r = await verify.run(inputs({ 'mcp-url': url, 'verify-timeout': '2s' }), env());
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(r.status).toBe('failure');
    expect(r.failure).toMatch(/^initialize failed: .*ECONNREFUSED.*\(\d+ attempts\)/);
  });

  test('a verify that fails after a deploy makes the pipeline roll the deploy back', async () => {
    const server = await startEverythingHttp();
    try {
      const baseline = path.join(tmp, 'rollback.json');
      const target: Target = { kind: 'http', url: server.url, headers: {} };
      fs.writeFileSync(baseline, JSON.stringify(withExtraTool(await contractOf(target), 'old-tool')));
      const reasons: string[] = [];
      const e = env();
      e.state.rollback = async (reason) => {
        reasons.push(reason);
        return {
          ok: true,
          message: 'deploy undone: x',
          result: { headline: '', summary: new Summary(), outputs: {} },
        };
      };
      const result = await runPipeline({
        stages: ['verify'],
        env: e,
        parsed: [
          {
            name: 'verify',
            impl: verify,
            inputs: inputs({ 'mcp-url': server.url, 'contract-baseline': baseline }),
          },
        ],
      });
      expect(result.failure).toMatch(/^verify: .*tool old-tool: tool removed/);
      expect(reasons).toEqual([result.failure!.replace(/; deploy undone: x$/, '')]);
    } finally {
      await server.stop();
    }
  });

  test('the bearer token reaches the server but never the summary or outputs', async () => {
    const token = 'tkn-verify-0123456789';
    const seen: string[] = [];
    // A loopback proxy that records the Authorization header, in front of the real server.
    const server = await startEverythingHttp();
    const proxy = http.createServer((req, res) => {
      seen.push(String(req.headers.authorization));
      const up = http.request(server.url, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const { port } = proxy.address() as { port: number };
    try {
      const r = await verify.run(
        inputs({
          'mcp-url': `http://127.0.0.1:${port}/mcp`,
          'mcp-token': token,
          contract: 'off',
          'mcp-smoke': `echo {"message": "${token}"}`,
        }),
        env(),
      );
      expect(r.status).toBe('success');
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((h) => h === `Bearer ${token}`)).toBe(true);
      // The echo puts the token into a result; the summary masks it like every other secret.
      const text = r.summary.toMarkdown() + JSON.stringify(r.outputs);
      expect(text).not.toContain(token);
      expect(text).toContain('***');
    } finally {
      proxy.close();
      await server.stop();
    }
  });
});
