import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { contractCommand } from '../src/commands/contract';
import { localContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { verify } from '../src/stages/verify';
import { verifyServer, type Target } from '../src/stages/verify/client';
import {
  canonical,
  diffContracts,
  normalizeSchema,
  parseContract,
  snapshot,
  type Listing,
} from '../src/stages/verify/contract';

const listing = (over: Partial<Listing> = {}): Listing => ({
  serverInfo: { name: 'srv', version: '1.2.3' },
  protocolVersion: '2025-06-18',
  tools: [],
  prompts: [],
  resourceTemplates: [],
  ...over,
});

describe('contract snapshot', () => {
  test('sorts tools, prompts and templates, and prompt arguments, whatever order the server lists them in', () => {
    const c = snapshot(
      listing({
        tools: [
          { name: 'zeta', inputSchema: {} },
          { name: 'alpha', inputSchema: {} },
        ],
        prompts: [{ name: 'p2', arguments: [{ name: 'b' }, { name: 'a', required: true }] }, { name: 'p1' }],
        resourceTemplates: [
          { name: 'y', uriTemplate: 'y://{id}' },
          { name: 'x', uriTemplate: 'a://{id}' },
        ],
      }),
    );
    expect(c.tools.map((t) => t.name)).toEqual(['alpha', 'zeta']);
    expect(c.prompts.map((p) => p.name)).toEqual(['p1', 'p2']);
    expect(c.prompts[1].arguments).toEqual([
      { name: 'a', required: true },
      { name: 'b', required: false },
    ]);
    expect(c.resourceTemplates.map((r) => r.uriTemplate)).toEqual(['a://{id}', 'y://{id}']);
  });

  test('serializes byte-for-byte the same for the same contract listed differently', () => {
    const a = snapshot(
      listing({
        tools: [
          { name: 't', inputSchema: { type: 'object', required: ['b', 'a'], properties: { b: {}, a: {} } } },
        ],
      }),
    );
    const b = snapshot(
      listing({
        tools: [
          { inputSchema: { properties: { a: {}, b: {} }, required: ['a', 'b'], type: 'object' }, name: 't' },
        ],
      }),
    );
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  test('inlines local $refs and drops $defs once nothing refers to them', () => {
    const s = normalizeSchema({
      type: 'object',
      properties: { p: { $ref: '#/$defs/P', description: 'where' } },
      $defs: { P: { type: 'object', properties: { x: { $ref: '#/definitions/N' } } } },
      definitions: { N: { type: 'number' } },
    });
    expect(s).toEqual({
      type: 'object',
      properties: { p: { type: 'object', description: 'where', properties: { x: { type: 'number' } } } },
    });
  });

  test('keeps a recursive $ref (and its $defs) instead of inlining forever', () => {
    const s = normalizeSchema({
      type: 'object',
      properties: { tree: { $ref: '#/$defs/Node' } },
      $defs: {
        Node: {
          type: 'object',
          properties: { children: { type: 'array', items: { $ref: '#/$defs/Node' } } },
        },
      },
    }) as Record<string, unknown>;
    expect(canonical(s)).toContain('"$ref":"#/$defs/Node"');
    expect(s.$defs).toBeDefined();
  });

  test('drops $schema and $id, sorts required and enum, folds anyOf of bare types into a type list', () => {
    expect(
      normalizeSchema({
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'x',
        type: 'object',
        required: ['b', 'a', 'b'],
        properties: { e: { enum: ['z', 'a'] }, n: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
      }),
    ).toEqual({
      type: 'object',
      required: ['a', 'b'],
      properties: { e: { enum: ['a', 'z'] }, n: { type: ['null', 'string'] } },
    });
  });

  test('keeps the server version as information and the protocol version', () => {
    const c = snapshot(listing());
    expect(c.server).toEqual({ name: 'srv', version: '1.2.3' });
    expect(c.protocolVersion).toBe('2025-06-18');
    expect(c.format).toBe(1);
  });

  test("keeps a tool's execution field (task support), and reads it back from a baseline", () => {
    const c = snapshot(
      listing({
        tools: [{ name: 't', inputSchema: { type: 'object' }, execution: { taskSupport: 'optional' } }],
      }),
    );
    expect(c.tools[0].execution).toEqual({ taskSupport: 'optional' });
    expect(parseContract(JSON.stringify(c), 'mcp-contract.json').tools[0].execution).toEqual({
      taskSupport: 'optional',
    });
  });

  test('a written snapshot reads back equal', () => {
    const c = snapshot(
      listing({ tools: [{ name: 't', inputSchema: { type: 'object' }, outputSchema: { type: 'object' } }] }),
    );
    expect(parseContract(JSON.stringify(c, null, 2), 'mcp-contract.json')).toEqual(c);
  });

  test('a file that is not a contract is refused with how to make one', () => {
    expect(() => parseContract('{"tools": 1}', 'base.json')).toThrow(
      /base\.json is not an mcp-contract\.json .*contract snapshot/,
    );
    expect(() => parseContract('nope', 'base.json')).toThrow(/base\.json is not JSON/);
  });
});

/** A real server (the SDK's low-level Server) publishing a tool whose inputSchema has no "type". */
describe('a server whose tools/list the SDK rejects', () => {
  const SERVER = path.join(__dirname, 'support', 'untyped-schema-server.mjs');
  const target: Target = {
    kind: 'stdio',
    argv: [process.execPath, SERVER],
    cwd: __dirname,
    env: { PATH: process.env.PATH ?? '' },
  };

  test('is listed from the raw result, with one line naming the tool and the field', async () => {
    const r = await verifyServer({ target, smoke: [], timeoutMs: 20000 });
    const list = r.checks.find((c) => c.name === 'tools/list')!;
    expect(list.status).toBe('passed');
    expect(list.detail).toBe(
      '2 tools; the MCP SDK rejects this listing: tool \'search\' field inputSchema.type: Invalid input: expected "object" (the contract is taken from the raw result)',
    );
    expect(list.detail).not.toContain('\n');
    const c = snapshot(r.listing!);
    expect(c.tools.map((t) => t.name)).toEqual(['fetch', 'search']);
    expect(c.tools[1].inputSchema).toEqual({ properties: { q: { type: 'string' } }, required: ['q'] });
    // The contract gates: a baseline where `search` took no required argument sees the one added.
    const base = { ...c, tools: [c.tools[0], { name: 'search', inputSchema: { properties: { q: {} } } }] };
    const d = diffContracts(parseContract(JSON.stringify(base), 'base.json'), c);
    expect(d.changes.map((x) => [x.impact, x.where, x.path, x.change])).toEqual([
      ['breaking', 'tool search', '/inputSchema/properties/q', 'type narrowed or changed: any → string'],
      ['breaking', 'tool search', '/inputSchema/properties/q', 'argument became required'],
    ]);
  });

  /** Runs the CLI command in this process and collects what it prints. */
  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const so = jest.spyOn(process.stdout, 'write').mockImplementation((b) => !!out.push(String(b)));
    const se = jest.spyOn(process.stderr, 'write').mockImplementation((b) => !!err.push(String(b)));
    try {
      const code = await contractCommand.run(args);
      return { code, out: out.join(''), err: err.join('') };
    } finally {
      so.mockRestore();
      se.mockRestore();
    }
  }

  test('`contract snapshot` writes the contract and warns in one line on stderr', async () => {
    const { code, out, err } = await cli([
      'snapshot',
      '--command',
      `"${process.execPath}" "${SERVER}"`,
      '--timeout',
      '20s',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).tools).toHaveLength(2);
    const lines = err.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('warning:'))).toEqual([
      'warning: tools/list: the MCP SDK rejects this listing: tool \'search\' field inputSchema.type: Invalid input: expected "object"; the contract is taken from the raw result',
    ]);
  });

  test("`contract diff --json` prints the same JSON as the verify stage's contract-diff output", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-json-'));
    try {
      const baseline = snapshot(
        listing({ tools: [{ name: 'fetch', inputSchema: { type: 'object', properties: { url: {} } } }] }),
      );
      fs.writeFileSync(path.join(tmp, 'mcp-contract.json'), JSON.stringify(baseline));
      const env = { ctx: localContext({}, tmp), cwd: tmp, state: {} };
      const values: Record<string, string> = {
        'mcp-command': `"${process.execPath}" "${SERVER}"`,
        'verify-timeout': '20s',
      };
      const result = await verify.run(verify.parse(new InputReader((n) => values[n] ?? ''), env), env);
      const stageJson = result.outputs['contract-diff'];
      expect(JSON.parse(stageJson).breaking).toBeGreaterThan(0);
      fs.writeFileSync(path.join(tmp, 'new.json'), result.outputs.contract);
      const r = await cli([
        'diff',
        '--json',
        path.join(tmp, 'mcp-contract.json'),
        path.join(tmp, 'new.json'),
      ]);
      expect(r.code).toBe(1);
      expect(r.out).toBe(`${stageJson}\n`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
