import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { verify } from '../src/stages/verify';
import { verifyServer, type Target } from '../src/stages/verify/client';
import { snapshot, type Contract } from '../src/stages/verify/contract';
import type { StageEnv } from '../src/stages/stage';
import { describeWith } from './support/skip';
import {
  HELLO_BIN,
  helloMcpMissing,
  helloStdio,
  startHelloHttp,
  type RunningServer,
} from './support/mcp-servers';

/** examples/hello-mcp, built with cargo, verified over both transports as the pipeline would. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-hello-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const env = (): StageEnv => ({ ctx: localContext({}, tmp), cwd: tmp, state: {} });
const inputs = (v: Record<string, string>) => verify.parse(new InputReader((n) => v[n] ?? ''), env());

describeWith('verify against examples/hello-mcp', helloMcpMissing(), () => {
  describe.each([
    ['stdio', () => Promise.resolve(undefined)],
    ['Streamable HTTP', () => startHelloHttp()],
  ] as const)('over %s', (transport, start) => {
    let server: RunningServer | undefined;
    let target: Target;
    let values: Record<string, string>;
    beforeAll(async () => {
      server = await start();
      target = server
        ? { kind: 'http', url: server.url, headers: {} }
        : { kind: 'stdio', argv: helloStdio(), cwd: tmp, env: { PATH: process.env.PATH ?? '' } };
      values = server
        ? { 'mcp-url': server.url, 'health-url': `${server.origin}/health` }
        : { 'mcp-command': `"${HELLO_BIN}" --stdio` };
    });
    afterAll(() => server?.stop());

    async function contract(): Promise<Contract> {
      const r = await verifyServer({ target, smoke: [], timeoutMs: 20000 });
      expect(r.checks.filter((c) => c.status === 'failed')).toEqual([]);
      return snapshot(r.listing!);
    }

    test('the snapshot holds echo and add with their schemas', async () => {
      const c = await contract();
      expect(c.server.name).toBe('hello-mcp');
      expect(c.tools.map((t) => t.name)).toEqual(['add', 'echo']);
      expect(c.tools[0].inputSchema).toMatchObject({ type: 'object', required: ['a', 'b'] });
      expect(await contract()).toEqual(c);
    });

    test('the first release, with a named baseline not written yet: passes and writes its contract there', async () => {
      const first = path.join(tmp, `first-${transport.length}`, 'mcp-contract.json');
      const r = await verify.run(inputs({ ...values, 'contract-baseline': first }), env());
      expect(r.failure).toBeUndefined();
      expect(JSON.parse(fs.readFileSync(first, 'utf8'))).toEqual(await contract());
      expect(r.summary.toText()).toContain(
        `No contract baseline yet: wrote this release's contract to first-${transport.length}/mcp-contract.json; commit it`,
      );
      // The next release is compared with it.
      const again = await verify.run(inputs({ ...values, 'contract-baseline': first }), env());
      expect(again.outputs['breaking-changes']).toBe('0');
    });

    test('a first release that fails verify writes no baseline', async () => {
      const first = path.join(tmp, `failed-${transport.length}.json`);
      const r = await verify.run(
        inputs({ ...values, 'contract-baseline': first, 'mcp-smoke': 'no-such-tool' }),
        env(),
      );
      expect(r.failure).toBeDefined();
      expect(fs.existsSync(first)).toBe(false);
    });

    test('verify against its own snapshot passes, with smoke calls (and /health over HTTP)', async () => {
      const baseline = path.join(tmp, `own-${transport.length}.json`);
      fs.writeFileSync(baseline, JSON.stringify(await contract()));
      const r = await verify.run(
        inputs({
          ...values,
          'contract-baseline': baseline,
          'mcp-smoke': 'add {"a": 2, "b": 3}\necho {"message": "hi"}',
        }),
        env(),
      );
      expect(r.failure).toBeUndefined();
      expect(r.outputs['breaking-changes']).toBe('0');
      const text = r.summary.toText();
      expect(text).toMatch(/call add\s+✅ passed .* ok: 5/);
      if (server) expect(text).toMatch(/health\s+✅ passed/);
    });

    test('verify against a baseline with one more tool fails and names it', async () => {
      const c = await contract();
      const baseline = path.join(tmp, `extra-${transport.length}.json`);
      fs.writeFileSync(
        baseline,
        JSON.stringify({ ...c, tools: [...c.tools, { name: 'multiply', inputSchema: { type: 'object' } }] }),
      );
      const r = await verify.run(inputs({ ...values, 'contract-baseline': baseline }), env());
      expect(r.status).toBe('failure');
      expect(r.failure).toMatch(/1 breaking contract change .*tool multiply: tool removed/);
    });

    test('a release that adds a required argument to add is caught as breaking', async () => {
      const c = await contract();
      const add = c.tools.find((t) => t.name === 'add')!;
      // The baseline is the "old release": add without the required b. The running server requires b.
      const schema = JSON.parse(JSON.stringify(add.inputSchema)) as { required: string[] };
      schema.required = schema.required.filter((r) => r !== 'b');
      const baseline = path.join(tmp, `req-${transport.length}.json`);
      fs.writeFileSync(
        baseline,
        JSON.stringify({
          ...c,
          tools: c.tools.map((t) => (t.name === 'add' ? { ...t, inputSchema: schema } : t)),
        }),
      );
      const r = await verify.run(inputs({ ...values, 'contract-baseline': baseline }), env());
      expect(r.failure).toMatch(/tool add \/inputSchema\/properties\/b: argument became required/);
    });
  });
});
