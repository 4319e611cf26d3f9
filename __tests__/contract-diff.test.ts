import {
  diffContracts,
  snapshot,
  type Contract,
  type ContractChange,
  type Listing,
} from '../src/stages/verify/contract';

/**
 * One case a rule: a baseline and a new listing that differ in one way, and the exact changes the diff
 * must report (impact, where, path, and a pattern for the wording).
 */
type Tool = Record<string, unknown>;
const listing = (tools: Tool[], extra: Partial<Listing> = {}): Listing => ({
  serverInfo: { name: 'srv', version: '1.0.0' },
  protocolVersion: '2025-06-18',
  tools,
  prompts: [],
  resourceTemplates: [],
  ...extra,
});
const obj = (
  properties: Record<string, unknown>,
  required: string[] = [],
  more: Record<string, unknown> = {},
) => ({
  type: 'object',
  properties,
  required,
  ...more,
});
const tool = (inputSchema: unknown, more: Tool = {}): Tool => ({
  name: 'add',
  description: 'Adds',
  inputSchema,
  ...more,
});
const num = { type: 'number' };
const str = { type: 'string' };

type Expect = [ContractChange['impact'], string, string, RegExp];
interface Case {
  name: string;
  before: Listing;
  after: Listing;
  expect: Expect[];
}

const AB = obj({ a: num, b: num }, ['a', 'b']);

// Shaped as zod 4.6.7 prints them (z.toJSONSchema, io output): every integer carries ±MAX_SAFE_INTEGER
// bounds, objects are closed with additionalProperties:false, a reused schema goes to $defs, and a
// z.union of objects is an anyOf of object branches.
const SAFE = 9007199254740991;
const zInt = { type: 'integer', minimum: -SAFE, maximum: SAFE };
const zObj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const FILE = zObj({ id: str, size: zInt });
const FAILED = zObj({ error: str, code: zInt });
const zodOutput = (items: unknown, defs?: Record<string, unknown>) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  ...zObj({ count: zInt, items: { type: 'array', items } }),
  ...(defs ? { $defs: defs } : {}),
});

const cases: Case[] = [
  // --- whole entities
  {
    name: 'tool removed is breaking',
    before: listing([tool(AB), { name: 'sub', inputSchema: AB }]),
    after: listing([tool(AB)]),
    expect: [['breaking', 'tool sub', '', /tool removed/]],
  },
  {
    name: 'tool added is compatible',
    before: listing([tool(AB)]),
    after: listing([tool(AB), { name: 'mul', inputSchema: AB }]),
    expect: [['compatible', 'tool mul', '', /tool added/]],
  },
  {
    name: 'tool description changed is compatible',
    before: listing([tool(AB)]),
    after: listing([tool(AB, { description: 'Adds two numbers' })]),
    expect: [['compatible', 'tool add', '/description', /description changed/]],
  },
  {
    name: 'prompt removed is breaking, prompt added compatible',
    before: listing([], { prompts: [{ name: 'greet' }] }),
    after: listing([], { prompts: [{ name: 'welcome' }] }),
    expect: [
      ['breaking', 'prompt greet', '', /prompt removed/],
      ['compatible', 'prompt welcome', '', /prompt added/],
    ],
  },
  {
    name: 'prompt: required argument added breaks, optional argument added does not, argument removed breaks',
    before: listing([], { prompts: [{ name: 'greet', arguments: [{ name: 'old' }] }] }),
    after: listing([], {
      prompts: [
        {
          name: 'greet',
          arguments: [
            { name: 'city', required: true },
            { name: 'tone', required: false },
          ],
        },
      ],
    }),
    expect: [
      ['breaking', 'prompt greet', '/arguments/old', /argument removed/],
      ['breaking', 'prompt greet', '/arguments/city', /required argument added/],
      ['compatible', 'prompt greet', '/arguments/tone', /optional argument added/],
    ],
  },
  {
    name: 'prompt argument optional -> required breaks',
    before: listing([], { prompts: [{ name: 'greet', arguments: [{ name: 'city' }] }] }),
    after: listing([], { prompts: [{ name: 'greet', arguments: [{ name: 'city', required: true }] }] }),
    expect: [['breaking', 'prompt greet', '/arguments/city', /became required/]],
  },
  {
    name: 'resource template removed breaks, mimeType change breaks',
    before: listing([], {
      resourceTemplates: [
        { name: 'file', uriTemplate: 'file:///{path}', mimeType: 'text/plain' },
        { name: 'user', uriTemplate: 'users://{id}' },
      ],
    }),
    after: listing([], {
      resourceTemplates: [{ name: 'file', uriTemplate: 'file:///{path}', mimeType: 'application/json' }],
    }),
    expect: [
      ['breaking', 'resource template file:///{path}', '/mimeType', /text\/plain → application\/json/],
      ['breaking', 'resource template users://{id}', '', /resource template removed/],
    ],
  },
  // --- input schema: arguments
  {
    name: 'required argument added is breaking',
    before: listing([tool(AB)]),
    after: listing([tool(obj({ a: num, b: num, c: num }, ['a', 'b', 'c']))]),
    expect: [['breaking', 'tool add', '/inputSchema/properties/c', /required argument added/]],
  },
  {
    name: 'optional argument added is compatible',
    before: listing([tool(AB)]),
    after: listing([tool(obj({ a: num, b: num, round: { type: 'boolean' } }, ['a', 'b']))]),
    expect: [['compatible', 'tool add', '/inputSchema/properties/round', /optional argument added/]],
  },
  {
    name: 'argument removed is breaking',
    before: listing([tool(AB)]),
    after: listing([tool(obj({ a: num }, ['a']))]),
    expect: [['breaking', 'tool add', '/inputSchema/properties/b', /argument removed/]],
  },
  {
    name: 'optional argument becoming required is breaking; required becoming optional is compatible',
    before: listing([tool(obj({ a: num, b: num }, ['a']))]),
    after: listing([tool(obj({ a: num, b: num }, ['b']))]),
    expect: [
      ['compatible', 'tool add', '/inputSchema/properties/a', /became optional/],
      ['breaking', 'tool add', '/inputSchema/properties/b', /became required/],
    ],
  },
  // --- input schema: types
  {
    name: 'type changed is breaking',
    before: listing([tool(obj({ a: num }, ['a']))]),
    after: listing([tool(obj({ a: str }, ['a']))]),
    expect: [
      ['breaking', 'tool add', '/inputSchema/properties/a', /type narrowed or changed: number → string/],
    ],
  },
  {
    name: 'type narrowed (number -> integer) is breaking',
    before: listing([tool(obj({ a: num }))]),
    after: listing([tool(obj({ a: { type: 'integer' } }))]),
    expect: [['breaking', 'tool add', '/inputSchema/properties/a', /number → integer/]],
  },
  {
    name: 'type widened (integer -> number, string -> string|number) is compatible',
    before: listing([tool(obj({ a: { type: 'integer' }, s: str }))]),
    after: listing([tool(obj({ a: num, s: { type: ['number', 'string'] } }))]),
    expect: [
      ['compatible', 'tool add', '/inputSchema/properties/a', /type widened: integer → number/],
      ['compatible', 'tool add', '/inputSchema/properties/s', /type widened: string → number\|string/],
    ],
  },
  {
    name: 'anyOf [string, null] -> string is a type narrowing (nullable dropped)',
    before: listing([tool(obj({ note: { anyOf: [str, { type: 'null' }] } }))]),
    after: listing([tool(obj({ note: str }))]),
    expect: [['breaking', 'tool add', '/inputSchema/properties/note', /null\|string → string/]],
  },
  // --- input schema: enums
  {
    name: 'enum value removed is breaking',
    before: listing([tool(obj({ unit: { type: 'string', enum: ['c', 'f', 'k'] } }))]),
    after: listing([tool(obj({ unit: { type: 'string', enum: ['c', 'f'] } }))]),
    expect: [['breaking', 'tool add', '/inputSchema/properties/unit', /enum value removed: k/]],
  },
  {
    name: 'enum widened (value added) is compatible for inputs',
    before: listing([tool(obj({ unit: { type: 'string', enum: ['c', 'f'] } }))]),
    after: listing([tool(obj({ unit: { type: 'string', enum: ['f', 'c', 'k'] } }))]),
    expect: [['compatible', 'tool add', '/inputSchema/properties/unit', /enum value added: k/]],
  },
  {
    name: 'enum reordered is no change at all',
    before: listing([tool(obj({ unit: { type: 'string', enum: ['c', 'f'] } }))]),
    after: listing([tool(obj({ unit: { enum: ['f', 'c'], type: 'string' } }))]),
    expect: [],
  },
  {
    name: 'a free string becoming an enum is breaking',
    before: listing([tool(obj({ unit: str }))]),
    after: listing([tool(obj({ unit: { type: 'string', enum: ['c'] } }))]),
    expect: [['breaking', 'tool add', '/inputSchema/properties/unit', /now restricted to: c/]],
  },
  // --- nested objects, arrays, $ref
  {
    name: 'nested object: required property added deep inside is breaking, with its full path',
    before: listing([tool(obj({ opts: obj({ depth: num }) }, ['opts']))]),
    after: listing([tool(obj({ opts: obj({ depth: num, mode: str }, ['mode']) }, ['opts']))]),
    expect: [
      ['breaking', 'tool add', '/inputSchema/properties/opts/properties/mode', /required argument added/],
    ],
  },
  {
    name: 'array items: item type changed is breaking at /items',
    before: listing([tool(obj({ xs: { type: 'array', items: num } }))]),
    after: listing([tool(obj({ xs: { type: 'array', items: str } }))]),
    expect: [['breaking', 'tool add', '/inputSchema/properties/xs/items', /number → string/]],
  },
  {
    name: '$ref to $defs compares equal to the inline schema',
    before: listing([tool(obj({ p: obj({ x: num }, ['x']) }))]),
    after: listing([
      tool({ ...obj({ p: { $ref: '#/$defs/Point' } }), $defs: { Point: obj({ x: num }, ['x']) } }),
    ]),
    expect: [],
  },
  {
    name: 'a change inside a #/definitions target is found at the property that uses it',
    before: listing([
      tool({ ...obj({ p: { $ref: '#/definitions/P' } }), definitions: { P: obj({ x: num }) } }),
    ]),
    after: listing([
      tool({
        ...obj({ p: { $ref: '#/definitions/P' } }),
        definitions: { P: obj({ x: num, y: num }, ['y']) },
      }),
    ]),
    expect: [['breaking', 'tool add', '/inputSchema/properties/p/properties/y', /required argument added/]],
  },
  {
    name: 'anyOf: alternative removed is breaking, added is compatible',
    before: listing([tool(obj({ id: { anyOf: [str, obj({ uuid: str })] } }))]),
    after: listing([tool(obj({ id: { anyOf: [str, { type: 'array', items: str }] } }))]),
    expect: [
      ['breaking', 'tool add', '/inputSchema/properties/id/anyOf', /alternative removed: .*uuid/],
      ['compatible', 'tool add', '/inputSchema/properties/id/anyOf', /alternative added: .*array/],
    ],
  },
  {
    name: 'anyOf: an object alternative that gained a required property is compared property by property',
    before: listing([tool(obj({ id: { anyOf: [str, obj({ uuid: str })] } }))]),
    after: listing([tool(obj({ id: { anyOf: [str, obj({ uuid: str, ns: str }, ['ns'])] } }))]),
    expect: [
      ['breaking', 'tool add', '/inputSchema/properties/id/anyOf/0/properties/ns', /required argument added/],
    ],
  },
  {
    name: 'bounds: maxLength lowered is breaking, minimum lowered is compatible',
    before: listing([
      tool(obj({ s: { type: 'string', maxLength: 100 }, n: { type: 'number', minimum: 1 } })),
    ]),
    after: listing([tool(obj({ s: { type: 'string', maxLength: 10 }, n: { type: 'number', minimum: 0 } }))]),
    expect: [
      ['compatible', 'tool add', '/inputSchema/properties/n', /minimum 1 → 0/],
      ['breaking', 'tool add', '/inputSchema/properties/s', /maxLength 100 → 10/],
    ],
  },
  {
    name: 'volatile keywords and key order do not count; a property description change is compatible',
    before: listing([
      tool({
        $schema: 'http://json-schema.org/draft-07/schema#',
        ...obj({ a: { ...num, description: 'x' } }),
      }),
    ]),
    after: listing([
      tool({ required: [], properties: { a: { description: 'the x', type: 'number' } }, type: 'object' }),
    ]),
    expect: [['compatible', 'tool add', '/inputSchema/properties/a', /description changed/]],
  },
  // --- output schema (the direction flips)
  {
    name: 'output: property removed is breaking, property added compatible',
    before: listing([tool(AB, { outputSchema: obj({ sum: num, unit: str }, ['sum']) })]),
    after: listing([tool(AB, { outputSchema: obj({ sum: num, exact: { type: 'boolean' } }, ['sum']) })]),
    expect: [
      ['compatible', 'tool add', '/outputSchema/properties/exact', /property added to output/],
      ['breaking', 'tool add', '/outputSchema/properties/unit', /property removed from output/],
    ],
  },
  {
    name: 'output: enum value added is breaking (agents get a value they do not handle); removed is compatible',
    before: listing([tool(AB, { outputSchema: obj({ status: { type: 'string', enum: ['ok', 'err'] } }) })]),
    after: listing([
      tool(AB, { outputSchema: obj({ status: { type: 'string', enum: ['ok', 'pending'] } }) }),
    ]),
    expect: [
      ['compatible', 'tool add', '/outputSchema/properties/status', /enum value removed: err/],
      ['breaking', 'tool add', '/outputSchema/properties/status', /enum value added: pending/],
    ],
  },
  {
    name: 'output: required -> optional is breaking, type narrowed is compatible',
    before: listing([tool(AB, { outputSchema: obj({ sum: num }, ['sum']) })]),
    after: listing([tool(AB, { outputSchema: obj({ sum: { type: 'integer' } }) })]),
    expect: [
      ['compatible', 'tool add', '/outputSchema/properties/sum', /type narrowed: number → integer/],
      ['breaking', 'tool add', '/outputSchema/properties/sum', /no longer required/],
    ],
  },
  {
    name: 'output schema removed is breaking, added is compatible',
    before: listing([tool(AB, { outputSchema: obj({ sum: num }) }), { name: 'b', inputSchema: AB }]),
    after: listing([tool(AB), { name: 'b', inputSchema: AB, outputSchema: obj({ r: num }) }]),
    expect: [
      ['breaking', 'tool add', '/outputSchema', /output schema removed/],
      ['compatible', 'tool b', '/outputSchema', /output schema added/],
    ],
  },
  // --- bounds beyond what JSON numbers carry safely (zod 4 adds them to every integer)
  {
    name: 'an integer argument gaining ±MAX_SAFE_INTEGER bounds (a zod 3 -> 4 upgrade) is compatible, and says why',
    before: listing([tool(obj({ n: { type: 'integer' } }, ['n']))]),
    after: listing([tool(obj({ n: zInt }, ['n']))]),
    expect: [
      [
        'compatible',
        'tool add',
        '/inputSchema/properties/n',
        /minimum \(none\) → -9007199254740991: at or beyond/,
      ],
      [
        'compatible',
        'tool add',
        '/inputSchema/properties/n',
        /maximum \(none\) → 9007199254740991: at or beyond/,
      ],
    ],
  },
  {
    name: 'a bound beyond 2^53−1 moved to 2^53−1 is no narrowing; a real bound added still breaks',
    before: listing([tool(obj({ n: { type: 'integer', maximum: 2 ** 60 }, m: { type: 'integer' } }))]),
    after: listing([
      tool(obj({ n: { type: 'integer', maximum: SAFE }, m: { type: 'integer', maximum: 1000 } })),
    ]),
    expect: [
      ['breaking', 'tool add', '/inputSchema/properties/m', /maximum \(none\) → 1000$/],
      ['compatible', 'tool add', '/inputSchema/properties/n', /no narrowing/],
    ],
  },
  {
    name: 'output: a safe-integer bound dropped is no widening either',
    before: listing([tool(AB, { outputSchema: obj({ n: zInt }) })]),
    after: listing([tool(AB, { outputSchema: obj({ n: { type: 'integer' } }) })]),
    expect: [
      ['compatible', 'tool add', '/outputSchema/properties/n', /minimum -9007199254740991 → \(none\)/],
      ['compatible', 'tool add', '/outputSchema/properties/n', /maximum 9007199254740991 → \(none\)/],
    ],
  },
  // --- unions: branches matched to branches, never collapsed to "any"
  {
    name: 'output: an item object turning into anyOf [that object, a new variant] is one breaking row: the variant',
    before: listing([tool(AB, { outputSchema: zodOutput(FILE) })]),
    after: listing([tool(AB, { outputSchema: zodOutput({ anyOf: [FILE, FAILED] }) })]),
    expect: [
      ['breaking', 'tool add', '/outputSchema/properties/items/items/anyOf', /alternative added: .*"error"/],
    ],
  },
  {
    name: 'output: the same through $ref/$defs (zod reused schemas), and the union narrowing back is compatible',
    before: listing([
      tool(AB, {
        outputSchema: zodOutput(
          { anyOf: [{ $ref: '#/$defs/File' }, { $ref: '#/$defs/Failed' }] },
          {
            File: FILE,
            Failed: FAILED,
          },
        ),
      }),
    ]),
    after: listing([tool(AB, { outputSchema: zodOutput({ $ref: '#/$defs/File' }, { File: FILE }) })]),
    expect: [
      [
        'compatible',
        'tool add',
        '/outputSchema/properties/items/items/anyOf',
        /alternative removed: .*"error"/,
      ],
    ],
  },
  {
    name: 'input: an argument object widened to anyOf [it, a new variant] is compatible',
    before: listing([tool(obj({ target: FILE }, ['target']))]),
    after: listing([tool(obj({ target: { oneOf: [FILE, zObj({ path: str })] } }, ['target']))]),
    expect: [
      ['compatible', 'tool add', '/inputSchema/properties/target/oneOf', /alternative added: .*"path"/],
    ],
  },
  {
    name: 'input: a union narrowed to one of its branches is breaking for the branch removed only',
    before: listing([tool(obj({ target: { anyOf: [FILE, zObj({ path: str })] } }))]),
    after: listing([tool(obj({ target: FILE }))]),
    expect: [
      ['breaking', 'tool add', '/inputSchema/properties/target/anyOf', /alternative removed: .*"path"/],
    ],
  },
  {
    name: 'output: an edited branch is matched to its old self by its properties, not reported as removed + added',
    before: listing([tool(AB, { outputSchema: zodOutput({ anyOf: [FILE, FAILED] }) })]),
    after: listing([
      tool(AB, {
        outputSchema: zodOutput({ anyOf: [zObj({ id: str, size: zInt, mime: str }), FAILED] }),
      }),
    ]),
    expect: [
      [
        'compatible',
        'tool add',
        '/outputSchema/properties/items/items/anyOf/1/properties/mime',
        /property added to output/,
      ],
    ],
  },
  // --- additionalProperties
  {
    name: 'input: additionalProperties:false removed is compatible; added is breaking',
    before: listing([tool(zObj({ a: num })), { name: 'b', inputSchema: obj({ a: num }, ['a']) }]),
    after: listing([tool(obj({ a: num }, ['a'])), { name: 'b', inputSchema: zObj({ a: num }) }]),
    expect: [
      ['compatible', 'tool add', '/inputSchema', /accepts unknown arguments again/],
      ['breaking', 'tool b', '/inputSchema', /no longer accepts unknown arguments/],
    ],
  },
  // --- task support (the tool's execution field)
  {
    name: 'execution.taskSupport: forbidden -> optional is compatible, optional -> required breaks plain calls',
    before: listing([tool(AB), { name: 'slow', inputSchema: AB, execution: { taskSupport: 'optional' } }]),
    after: listing([
      tool(AB, { execution: { taskSupport: 'optional' } }),
      { name: 'slow', inputSchema: AB, execution: { taskSupport: 'required' } },
    ]),
    expect: [
      ['compatible', 'tool add', '/execution/taskSupport', /task support forbidden → optional/],
      ['breaking', 'tool slow', '/execution/taskSupport', /optional → required/],
    ],
  },
  {
    name: 'execution.taskSupport: required -> forbidden breaks agents that call it as a task',
    before: listing([tool(AB, { execution: { taskSupport: 'required' } })]),
    after: listing([tool(AB, { execution: {} })]),
    expect: [['breaking', 'tool add', '/execution/taskSupport', /required → forbidden/]],
  },
  // --- informational
  {
    name: 'server version bump alone is no change; protocol version change is compatible',
    before: listing([tool(AB)]),
    after: listing([tool(AB)], {
      serverInfo: { name: 'srv', version: '2.0.0' },
      protocolVersion: '2025-11-25',
    }),
    expect: [['compatible', 'server', '/protocolVersion', /2025-06-18 → 2025-11-25/]],
  },
  {
    name: 'an unanalysed keyword (allOf) changing is flagged breaking for review',
    before: listing([tool(obj({ a: { allOf: [num, { minimum: 0 }] } }))]),
    after: listing([tool(obj({ a: { allOf: [num, { minimum: 5 }] } }))]),
    expect: [['breaking', 'tool add', '/inputSchema/properties/a/allOf', /allOf changed/]],
  },
];

describe('contract diff', () => {
  test(`has a case for every rule (${cases.length} cases)`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const d = diffContracts(snapshot(c.before), snapshot(c.after));
    const got = d.changes.map((x) => [x.impact, x.where, x.path, x.change]);
    const sortKey = (x: unknown[]) => `${x[1]}|${x[2]}|${x[0]}`;
    const want = [...c.expect].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    const have = [...got].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    expect(have.map((x) => x.slice(0, 3))).toEqual(want.map((x) => x.slice(0, 3)));
    have.forEach((x, i) => expect(x[3]).toMatch(want[i][3]));
    expect(d.breaking).toBe(c.expect.filter((e) => e[0] === 'breaking').length);
    expect(d.compatible).toBe(c.expect.filter((e) => e[0] === 'compatible').length);
    // Every change explains itself to the reader of the summary.
    for (const ch of d.changes) expect(ch.why.length).toBeGreaterThan(10);
  });

  test('a contract compared with itself has no changes', () => {
    for (const c of cases) {
      const s: Contract = snapshot(c.after);
      expect(diffContracts(s, s).changes).toEqual([]);
    }
  });
});
