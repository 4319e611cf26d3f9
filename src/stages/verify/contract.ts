/**
 * The tool contract of an MCP server: what an agent relies on when it calls the server by name and schema.
 * `snapshot` turns a server's listings into a stable document (mcp-contract.json) and `diffContracts`
 * classifies every difference between two of them. Both are pure.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export interface ContractTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Json;
  outputSchema?: Json;
  annotations?: JsonObject;
  /** Task support (`taskSupport`: forbidden, optional or required): whether a call must, may or must not be a task. */
  execution?: JsonObject;
}

export interface ContractPrompt {
  name: string;
  title?: string;
  description?: string;
  arguments: { name: string; description?: string; required: boolean }[];
}

export interface ContractResourceTemplate {
  uriTemplate: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
}

export const CONTRACT_FORMAT = 1;

export interface Contract {
  format: typeof CONTRACT_FORMAT;
  /** `version` is informational: a release bumps it without changing what agents can call. */
  server: { name: string; title?: string; version?: string };
  protocolVersion: string;
  tools: ContractTool[];
  prompts: ContractPrompt[];
  resourceTemplates: ContractResourceTemplate[];
}

/** What a client learned from initialize and the list calls, as the SDK returns it. */
export interface Listing {
  serverInfo: { name: string; title?: string; version?: string };
  protocolVersion: string;
  tools: unknown[];
  prompts: unknown[];
  resourceTemplates: unknown[];
}

// ---------------------------------------------------------------------------------------------------
// Normalization

const isObj = (x: unknown): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);

/** JSON with object keys sorted at every level: equal schemas give equal strings. */
export function canonical(x: unknown): string {
  return JSON.stringify(sortKeys(x));
}

export function sortKeys(x: unknown): Json {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (isObj(x))
    return Object.fromEntries(
      Object.keys(x)
        .sort()
        .filter((k) => x[k] !== undefined)
        .map((k) => [k, sortKeys(x[k])]),
    );
  return x as Json;
}

function pointer(root: Json, ref: string): Json | undefined {
  let node: Json | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObj(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * Inlines local `$ref`s (`#/$defs/X`, `#/definitions/X`, any `#/...` pointer), so a schema that moves a
 * type into `$defs` compares equal to the inline one. A recursive reference stays a `$ref` (inlining it
 * would never end), and so does a remote one: those compare as opaque strings.
 */
function inlineRefs(node: Json, root: Json, stack: string[]): Json {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(n, root, stack));
  if (!isObj(node)) return node;
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/') && !stack.includes(ref)) {
    const target = pointer(root, ref);
    if (target !== undefined) {
      const siblings = Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref'));
      const resolved = inlineRefs(target, root, [...stack, ref]);
      const merged = isObj(resolved) ? { ...resolved, ...siblings } : resolved;
      return isObj(merged) ? inlineRefs(merged, root, [...stack, ref]) : merged;
    }
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inlineRefs(v, root, stack)]));
}

const hasRef = (x: Json): boolean =>
  Array.isArray(x)
    ? x.some(hasRef)
    : isObj(x)
      ? typeof x.$ref === 'string' || Object.values(x).some(hasRef)
      : false;

// Keywords that say nothing about which values are valid and change between generator versions.
const VOLATILE = new Set(['$schema', '$id', '$comment']);

function tidy(node: Json): Json {
  if (Array.isArray(node)) return node.map(tidy);
  if (!isObj(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (VOLATILE.has(k)) continue;
    if (k === 'properties' || k === '$defs' || k === 'definitions' || k === 'patternProperties') {
      out[k] = isObj(v) ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, tidy(s)])) : v;
    } else if (k === 'required' && Array.isArray(v)) {
      out[k] = [...new Set(v.map(String))].sort();
    } else if (k === 'type' && Array.isArray(v)) {
      const types = [...new Set(v.map(String))].sort();
      out[k] = types.length === 1 ? types[0] : types;
    } else if (k === 'enum' && Array.isArray(v)) {
      out[k] = [...v].sort((a, b) =>
        canonical(a) < canonical(b) ? -1 : canonical(a) > canonical(b) ? 1 : 0,
      );
    } else if ((k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) {
      out[k] = v.map(tidy).sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
    } else {
      out[k] = tidy(v);
    }
  }
  // `anyOf: [{type: string}, {type: null}]` (how generators spell Option<String>) is `type: [null, string]`:
  // one spelling, so that dropping `null` shows up as a type narrowing, not as a rewritten anyOf.
  for (const k of ['anyOf', 'oneOf'] as const) {
    const alts = out[k];
    if (
      out.type === undefined &&
      Array.isArray(alts) &&
      alts.length > 0 &&
      alts.every((a) => isObj(a) && Object.keys(a).length === 1 && typeof a.type === 'string')
    ) {
      const types = [...new Set(alts.map((a) => (a as JsonObject).type as string))].sort();
      out.type = types.length === 1 ? types[0] : types;
      delete out[k];
    }
  }
  return out;
}

/** A schema as the contract stores it: local refs inlined, volatile keywords dropped, keys sorted. */
export function normalizeSchema(schema: unknown): Json {
  if (schema === undefined) return {};
  const root = sortKeys(schema);
  let inlined = inlineRefs(root, root, []);
  if (isObj(inlined) && !hasRef(inlined)) {
    inlined = Object.fromEntries(
      Object.entries(inlined).filter(([k]) => k !== '$defs' && k !== 'definitions'),
    );
  }
  return sortKeys(tidy(inlined));
}

const str = (x: unknown): string | undefined => (typeof x === 'string' && x ? x : undefined);
const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export function snapshot(l: Listing): Contract {
  const tools = l.tools.filter(isObj).map((t): ContractTool => ({
    name: String(t.name),
    title: str(t.title),
    description: str(t.description),
    inputSchema: normalizeSchema(t.inputSchema),
    outputSchema: t.outputSchema === undefined ? undefined : normalizeSchema(t.outputSchema),
    annotations: isObj(t.annotations) ? (sortKeys(t.annotations) as JsonObject) : undefined,
    execution: isObj(t.execution) ? (sortKeys(t.execution) as JsonObject) : undefined,
  }));
  const prompts = l.prompts.filter(isObj).map((p): ContractPrompt => ({
    name: String(p.name),
    title: str(p.title),
    description: str(p.description),
    arguments: (Array.isArray(p.arguments) ? p.arguments : [])
      .filter(isObj)
      .map((a) => ({ name: String(a.name), description: str(a.description), required: a.required === true }))
      .sort(byKey((a) => a.name)),
  }));
  const resourceTemplates = l.resourceTemplates.filter(isObj).map((r): ContractResourceTemplate => ({
    uriTemplate: String(r.uriTemplate),
    name: String(r.name),
    title: str(r.title),
    description: str(r.description),
    mimeType: str(r.mimeType),
  }));
  // Top-level keys in reading order; everything below them sorted.
  return {
    format: CONTRACT_FORMAT,
    server: sortKeys({
      name: l.serverInfo.name,
      title: str(l.serverInfo.title),
      version: str(l.serverInfo.version),
    }),
    protocolVersion: l.protocolVersion,
    tools: sortKeys(tools.sort(byKey((t) => t.name))),
    prompts: sortKeys(prompts.sort(byKey((p) => p.name))),
    resourceTemplates: sortKeys(resourceTemplates.sort(byKey((r) => r.uriTemplate))),
  } as unknown as Contract;
}

/** Reads a baseline file; `source` names it in the error. */
export function parseContract(text: string, source: string): Contract {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source} is not JSON: ${(e as Error).message}`);
  }
  if (!isObj(doc) || doc.format !== CONTRACT_FORMAT || !Array.isArray(doc.tools) || !isObj(doc.server))
    throw new Error(
      `${source} is not an mcp-contract.json (format ${CONTRACT_FORMAT}); write one with \`mcp-deploy contract snapshot\``,
    );
  // Re-normalized, so a hand-edited or older baseline compares by the same rules as a fresh snapshot.
  return snapshot({
    serverInfo: doc.server as Listing['serverInfo'],
    protocolVersion: String(doc.protocolVersion ?? ''),
    tools: doc.tools,
    prompts: Array.isArray(doc.prompts) ? doc.prompts : [],
    resourceTemplates: Array.isArray(doc.resourceTemplates) ? doc.resourceTemplates : [],
  });
}

// ---------------------------------------------------------------------------------------------------
// Diff
//
// The direction decides what breaks. An agent *sends* inputs and *reads* outputs, so:
//
// | change                                   | input schema (agent sends)  | output schema (agent reads) |
// |------------------------------------------|-----------------------------|-----------------------------|
// | property added, optional                 | compatible                  | compatible                  |
// | property added, required                 | BREAKING (required arg)     | compatible                  |
// | property removed                         | BREAKING (argument removed) | BREAKING (property removed) |
// | optional -> required                     | BREAKING                    | compatible                  |
// | required -> optional                     | compatible                  | BREAKING (may be missing)   |
// | type: a type no longer accepted/produced | BREAKING (narrowed/changed) | compatible                  |
// | type: a type newly accepted/produced     | compatible (widened)        | BREAKING (new type)         |
// | enum value removed                       | BREAKING                    | compatible                  |
// | enum value added                         | compatible                  | BREAKING (unexpected value) |
// | anyOf/oneOf alternative removed / added  | BREAKING / compatible       | compatible / BREAKING       |
// |   (a schema becoming a union of itself and more is one branch kept plus one added)            |
// | min*/max* bound tightened / loosened     | BREAKING / compatible       | compatible / BREAKING       |
// | bound at or beyond ±(2^53−1) added/moved | compatible (no narrowing)   | compatible                  |
// | pattern or format added / removed        | BREAKING / compatible       | compatible / BREAKING       |
// | additionalProperties becomes false       | BREAKING                    | compatible                  |
// | additionalProperties false removed       | compatible                  | compatible (like a property added) |
// | description, title, default changed      | compatible                  | compatible                  |
// | any other keyword changed ($ref, allOf…) | BREAKING (not analysed)     | BREAKING (not analysed)     |
//
// Whole entities: a tool, prompt or resource template removed is BREAKING, one added is compatible; a
// prompt argument follows the input rules; a tool's task support (execution.taskSupport) change breaks when a
// way of calling it (plain call or task) stops working; a tool's output schema removed is BREAKING (structured
// results are no longer promised), added is compatible; a template's mimeType change is BREAKING
// (agents decode by it); annotations, server name and protocol version changes are compatible notes.

export type Impact = 'breaking' | 'compatible';

export interface ContractChange {
  impact: Impact;
  /** `tool add`, `prompt greet`, `resource template file:///{path}`, `server`. */
  where: string;
  /** JSON pointer into that entity, e.g. `/inputSchema/properties/a`; '' for the entity itself. */
  path: string;
  change: string;
  /** Why an agent would (or would not) notice. */
  why: string;
}

export interface ContractDiff {
  breaking: number;
  compatible: number;
  changes: ContractChange[];
}

type Dir = 'input' | 'output';

class Collector {
  readonly changes: ContractChange[] = [];
  constructor(private where = '') {}
  at(where: string): this {
    this.where = where;
    return this;
  }
  add(impact: Impact, path: string, change: string, why: string): void {
    this.changes.push({ impact, where: this.where, path, change, why });
  }
}

const list = (xs: Json[]) => xs.map((x) => (typeof x === 'string' ? x : canonical(x))).join(', ');

function typesOf(s: JsonObject): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.map(String);
  return undefined;
}

/** Whether a value of type `t` is valid under `types` (integers are numbers). */
const admits = (types: string[], t: string) =>
  types.includes(t) || (t === 'integer' && types.includes('number'));

function enumOf(s: JsonObject): Json[] | undefined {
  if (Array.isArray(s.enum)) return s.enum;
  if (s.const !== undefined) return [s.const];
  return undefined;
}

const asSchema = (s: Json | undefined): JsonObject | undefined =>
  s === true || s === undefined ? {} : s === false ? undefined : isObj(s) ? s : {};

const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const NOTES = new Set(['description', 'title', 'default', 'examples']);
const HANDLED = new Set([
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'items',
  'anyOf',
  'oneOf',
  'additionalProperties',
  'pattern',
  'format',
  ...LOWER,
  ...UPPER,
  ...NOTES,
]);

/** Where in the contract a schema comparison is, and which way a change hurts there. */
interface SchemaDiff {
  path: string;
  dir: Dir;
  out: Collector;
  input: boolean;
  /** A narrowing change's impact: breaking on input, compatible on output. */
  narrowing: Impact;
  widening: Impact;
}

function diffSchema(a: Json | undefined, b: Json | undefined, path: string, dir: Dir, out: Collector): void {
  if (canonical(a) === canonical(b)) return;
  const input = dir === 'input';
  const narrowing: Impact = input ? 'breaking' : 'compatible';
  const widening: Impact = input ? 'compatible' : 'breaking';
  const sa = asSchema(a);
  const sb = asSchema(b);
  if (!sa || !sb) {
    // `false` accepts nothing: becoming false narrows everything, leaving it widens.
    out.add(
      !sb ? narrowing : widening,
      path,
      !sb ? 'now rejects every value' : 'now accepts values',
      whyFor(!sb ? narrowing : widening, dir),
    );
    return;
  }

  // A schema that becomes a union of itself and more (or the reverse) is the same branch plus branches
  // added or removed, not a type change to "any" with every property removed.
  const ua = pureUnion(sa);
  const ub = pureUnion(sb);
  if ((ua || ub) && ua !== ub) {
    const [branchesA, notesA] = ua ? [sa[ua] as Json[], notesOf(sa)] : [[withoutNotes(sa)], notesOf(sa)];
    const [branchesB, notesB] = ub ? [sb[ub] as Json[], notesOf(sb)] : [[withoutNotes(sb)], notesOf(sb)];
    diffBranches(branchesA, branchesB, `${path}/${ub ?? ua}`, dir, out);
    diffNotes(notesA, notesB, path, out);
    return;
  }

  const c: SchemaDiff = { path, dir, out, input, narrowing, widening };
  diffType(sa, sb, c);
  diffEnum(sa, sb, c);
  diffProperties(sa, sb, c);
  diffAdditional(sa, sb, c);
  diffItems(sa, sb, c);
  for (const k of ['anyOf', 'oneOf'] as const) diffAlternatives(sa[k], sb[k], `${path}/${k}`, dir, out);
  diffBounds(sa, sb, c);
  diffStrings(sa, sb, c);
  diffNotes(sa, sb, path, out);
  diffOther(sa, sb, c);
}

/** The type: a narrowed input or a widened output breaks agents. */
function diffType(sa: JsonObject, sb: JsonObject, c: SchemaDiff): void {
  const { path, out, input } = c;
  const ta = typesOf(sa);
  const tb = typesOf(sb);
  if (canonical(ta) !== canonical(tb)) {
    const from = ta ? ta.join('|') : 'any';
    const to = tb ? tb.join('|') : 'any';
    const lost = ta ? (tb ? ta.filter((t) => !admits(tb, t)) : []) : tb ? ['(any)'] : [];
    const gained = tb ? (ta ? tb.filter((t) => !admits(ta, t)) : []) : ta ? ['(any)'] : [];
    if (input && lost.length)
      out.add(
        'breaking',
        path,
        `type narrowed or changed: ${from} → ${to}`,
        `agents that send ${lost.join('|')} get a validation error`,
      );
    else if (!input && gained.length)
      out.add(
        'breaking',
        path,
        `type changed: ${from} → ${to}`,
        `agents parsing the result may now get ${gained.join('|')}`,
      );
    else
      out.add(
        'compatible',
        path,
        `type ${input ? 'widened' : 'narrowed'}: ${from} → ${to}`,
        'every value that was valid still is',
      );
  }
}

/** Enum and const values removed or added. */
function diffEnum(sa: JsonObject, sb: JsonObject, c: SchemaDiff): void {
  const { path, dir, out, input, narrowing, widening } = c;
  const ea = enumOf(sa);
  const eb = enumOf(sb);
  if (canonical(ea) !== canonical(eb)) {
    if (ea && eb) {
      const removed = ea.filter((v) => !eb.some((w) => canonical(w) === canonical(v)));
      const added = eb.filter((v) => !ea.some((w) => canonical(w) === canonical(v)));
      if (removed.length)
        out.add(
          narrowing,
          path,
          `enum value${removed.length > 1 ? 's' : ''} removed: ${list(removed)}`,
          input ? 'agents that send it get a validation error' : 'the server no longer returns it',
        );
      if (added.length)
        out.add(
          widening,
          path,
          `enum value${added.length > 1 ? 's' : ''} added: ${list(added)}`,
          input ? 'a new choice; old calls still valid' : 'agents may get a value they do not handle',
        );
    } else if (eb) {
      out.add(narrowing, path, `now restricted to: ${list(eb)}`, whyFor(narrowing, dir));
    } else {
      out.add(widening, path, 'no longer restricted to an enum', whyFor(widening, dir));
    }
  }
}

/** Properties and required: each property compared by itself, recursively. */
function diffProperties(sa: JsonObject, sb: JsonObject, c: SchemaDiff): void {
  const { path, dir, out, input, narrowing, widening } = c;
  const pa = isObj(sa.properties) ? sa.properties : {};
  const pb = isObj(sb.properties) ? sb.properties : {};
  const ra = new Set(Array.isArray(sa.required) ? sa.required.map(String) : []);
  const rb = new Set(Array.isArray(sb.required) ? sb.required.map(String) : []);
  const names = [...new Set([...Object.keys(pa), ...Object.keys(pb), ...ra, ...rb])].sort();
  for (const name of names) {
    const p = `${path}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const inA = name in pa || ra.has(name);
    const inB = name in pb || rb.has(name);
    if (inA && !inB) {
      out.add(
        'breaking',
        p,
        input ? 'argument removed' : 'property removed from output',
        input
          ? 'agents that still send it are rejected (or it is silently ignored)'
          : 'agents that read it find nothing',
      );
    } else if (!inA && inB) {
      if (input && rb.has(name))
        out.add(
          'breaking',
          p,
          'required argument added',
          'every existing call lacks it and fails validation',
        );
      else
        out.add(
          'compatible',
          p,
          input ? 'optional argument added' : 'property added to output',
          'existing calls are unaffected',
        );
    } else {
      diffSchema(pa[name], pb[name], p, dir, out);
      if (!ra.has(name) && rb.has(name))
        out.add(
          narrowing,
          p,
          input ? 'argument became required' : 'property became required',
          input ? 'calls that omit it now fail validation' : 'it is now always present',
        );
      if (ra.has(name) && !rb.has(name))
        out.add(
          widening,
          p,
          input ? 'argument became optional' : 'property no longer required',
          input ? 'calls that send it still work' : 'agents that expect it may find it missing',
        );
    }
  }
}

/** AdditionalProperties: closed, opened, or its own schema. */
function diffAdditional(sa: JsonObject, sb: JsonObject, c: SchemaDiff): void {
  const { path, dir, out, input, narrowing } = c;
  const closedA = sa.additionalProperties === false;
  const closedB = sb.additionalProperties === false;
  if (!closedA && closedB)
    out.add(
      narrowing,
      path,
      input ? 'no longer accepts unknown arguments' : 'no longer returns unknown properties',
      input ? 'calls with extra arguments are rejected' : 'every value returned is still one agents expect',
    );
  else if (closedA && !closedB)
    out.add(
      'compatible',
      path,
      input ? 'accepts unknown arguments again' : 'may return properties not in the schema',
      input
        ? 'every call that was valid still is'
        : 'agents read the properties they know, as with a property added to output',
    );
  else if (
    canonical(sa.additionalProperties) !== canonical(sb.additionalProperties) &&
    isObj(sa.additionalProperties) &&
    isObj(sb.additionalProperties)
  )
    diffSchema(sa.additionalProperties, sb.additionalProperties, `${path}/additionalProperties`, dir, out);
}

/** Array items; tuple forms are not analysed. */
function diffItems(sa: JsonObject, sb: JsonObject, c: SchemaDiff): void {
  const { path, dir, out } = c;
  if (canonical(sa.items) !== canonical(sb.items)) {
    if (!Array.isArray(sa.items) && !Array.isArray(sb.items))
      diffSchema(sa.items, sb.items, `${path}/items`, dir, out);
    else out.add('breaking', `${path}/items`, 'tuple items changed', 'not analysed: review by hand');
  }
}

/** Numeric and length bounds: tighter narrows, looser widens. */
function diffBounds(sa: JsonObject, sb: JsonObject, c: SchemaDiff): void {
  const { path, dir, out, narrowing, widening } = c;
  for (const k of [...LOWER, ...UPPER]) {
    const x = sa[k];
    const y = sb[k];
    if (x === y) continue;
    const lower = LOWER.includes(k);
    if (beyondSafe(x, lower) && beyondSafe(y, lower)) {
      out.add(
        'compatible',
        path,
        `${k} ${x ?? '(none)'} → ${y ?? '(none)'}: at or beyond ±(2^53−1), no narrowing`,
        'JSON numbers carry integers safely only up to 2^53−1 (zod 4 adds this bound to every integer): no value that was valid is rejected',
      );
      continue;
    }
    const tightened =
      y !== undefined &&
      (x === undefined || (typeof x === 'number' && typeof y === 'number' && (lower ? y > x : y < x)));
    const impact = tightened ? narrowing : widening;
    out.add(impact, path, `${k} ${x ?? '(none)'} → ${y ?? '(none)'}`, whyFor(impact, dir));
  }
}

/** Pattern and format. */
function diffStrings(sa: JsonObject, sb: JsonObject, c: SchemaDiff): void {
  const { path, dir, out, narrowing, widening } = c;
  for (const k of ['pattern', 'format']) {
    if (canonical(sa[k]) === canonical(sb[k])) continue;
    const impact = sa[k] === undefined ? narrowing : sb[k] === undefined ? widening : 'breaking';
    out.add(impact, path, `${k} ${sa[k] ?? '(none)'} → ${sb[k] ?? '(none)'}`, whyFor(impact, dir));
  }
}

/** Every keyword not handled above is breaking until reviewed: it may narrow what is valid. */
function diffOther(sa: JsonObject, sb: JsonObject, c: SchemaDiff): void {
  const { path, out } = c;
  const other = [...new Set([...Object.keys(sa), ...Object.keys(sb)])].filter(
    (k) => !HANDLED.has(k) && canonical(sa[k]) !== canonical(sb[k]),
  );
  for (const k of other.sort())
    out.add(
      'breaking',
      `${path}/${k}`,
      `${k} changed`,
      'not analysed: this keyword may narrow what is valid; review by hand',
    );
}

function diffNotes(sa: JsonObject, sb: JsonObject, path: string, out: Collector): void {
  for (const k of NOTES)
    if (canonical(sa[k]) !== canonical(sb[k]))
      out.add('compatible', path, `${k} changed`, 'documentation only; validation is unchanged');
}

/**
 * A bound that no JSON number beyond the safe integer range can fall outside: absent, or an upper bound at
 * or above 2^53−1 (a lower bound at or below −(2^53−1)). Between two of these nothing is narrowed.
 */
function beyondSafe(v: Json | undefined, lower: boolean): boolean {
  if (v === undefined) return true;
  return typeof v === 'number' && (lower ? v <= -Number.MAX_SAFE_INTEGER : v >= Number.MAX_SAFE_INTEGER);
}

/** `anyOf`/`oneOf` that holds the whole schema (only documentation beside it), or undefined. */
function pureUnion(s: JsonObject): 'anyOf' | 'oneOf' | undefined {
  for (const k of ['anyOf', 'oneOf'] as const)
    if (Array.isArray(s[k]) && Object.keys(s).every((x) => x === k || NOTES.has(x))) return k;
  return undefined;
}

const notesOf = (s: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(s).filter(([k]) => NOTES.has(k)));
const withoutNotes = (s: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(s).filter(([k]) => !NOTES.has(k)));

function whyFor(impact: Impact, dir: Dir): string {
  if (dir === 'input')
    return impact === 'breaking'
      ? 'some calls that were valid are now rejected'
      : 'every call that was valid still is';
  return impact === 'breaking'
    ? 'the server may return values agents did not expect'
    : 'every value returned is still one agents expect';
}

/** anyOf/oneOf on both sides: their branches are compared; a union appearing or leaving beside other keywords narrows. */
function diffAlternatives(
  a: Json | undefined,
  b: Json | undefined,
  path: string,
  dir: Dir,
  out: Collector,
): void {
  if (canonical(a) === canonical(b)) return;
  const input = dir === 'input';
  if (!Array.isArray(a) || !Array.isArray(b)) {
    const impact: Impact = Array.isArray(b) === input ? 'breaking' : 'compatible';
    out.add(
      impact,
      path,
      Array.isArray(b) ? 'alternatives added where there were none' : 'alternatives removed',
      whyFor(impact, dir),
    );
    return;
  }
  diffBranches(a, b, path, dir, out);
}

const typeKey = (s: Json) => (isObj(s) ? canonical(typesOf(s)) : '');
const propNames = (s: Json) => (isObj(s) && isObj(s.properties) ? Object.keys(s.properties) : []);

/** Two branches that may be one edited: same type and, for objects, a property in common. */
function alike(x: Json, y: Json): boolean {
  if (typeKey(x) !== typeKey(y)) return false;
  const px = propNames(x);
  const py = propNames(y);
  return (px.length === 0 && py.length === 0) || px.some((p) => py.includes(p));
}

/**
 * Branches compare as sets. An unchanged branch matches itself; each removed branch is then paired with
 * the added one most like it (fewest differences), and the two are compared keyword by keyword. What is
 * left is a branch removed or added: removing one narrows, adding one widens (for outputs: readers may get
 * a shape they do not handle).
 */
function diffBranches(a: Json[], b: Json[], path: string, dir: Dir, out: Collector): void {
  const input = dir === 'input';
  const removed = a.filter((x) => !b.some((y) => canonical(y) === canonical(x)));
  const added = b.filter((y) => !a.some((x) => canonical(x) === canonical(y)));
  const pairs: [Json, Json][] = [];
  for (const r of removed) {
    let best: Json | undefined;
    let cost = Infinity;
    for (const x of added) {
      if (pairs.some((p) => p[1] === x) || !alike(r, x)) continue;
      const scratch = new Collector();
      diffSchema(r, x, '', dir, scratch);
      if (scratch.changes.length < cost) [best, cost] = [x, scratch.changes.length];
    }
    if (best !== undefined) pairs.push([r, best]);
  }
  for (const [r, x] of pairs) diffSchema(r, x, `${path}/${b.indexOf(x)}`, dir, out);
  for (const r of removed.filter((x) => !pairs.some((p) => p[0] === x)))
    out.add(
      input ? 'breaking' : 'compatible',
      path,
      `alternative removed: ${canonical(r)}`,
      input
        ? 'agents that send this shape get a validation error'
        : 'the server no longer returns this shape',
    );
  for (const x of added.filter((y) => !pairs.some((p) => p[1] === y)))
    out.add(
      input ? 'compatible' : 'breaking',
      path,
      `alternative added: ${canonical(x)}`,
      input
        ? 'a new shape agents may send; old calls still valid'
        : 'agents may receive a shape they do not handle',
    );
}

function diffKeyed<T>(
  a: T[],
  b: T[],
  key: (t: T) => string,
  onRemoved: (t: T) => void,
  onAdded: (t: T) => void,
  onBoth: (x: T, y: T) => void,
): void {
  const mb = new Map(b.map((t) => [key(t), t]));
  const ma = new Map(a.map((t) => [key(t), t]));
  for (const t of a) {
    const other = mb.get(key(t));
    if (other) onBoth(t, other);
    else onRemoved(t);
  }
  for (const t of b) if (!ma.has(key(t))) onAdded(t);
}

/** How a tool may be called under each taskSupport value; absent means forbidden (the spec's default). */
const CALL_MODES: Record<string, string[]> = {
  forbidden: ['a plain call'],
  optional: ['a plain call', 'a task'],
  required: ['a task'],
};

/** A change in task support breaks the agents whose way of calling (plain or as a task) is no longer allowed. */
function diffExecution(a: JsonObject | undefined, b: JsonObject | undefined, out: Collector): void {
  const ta = typeof a?.taskSupport === 'string' ? a.taskSupport : 'forbidden';
  const tb = typeof b?.taskSupport === 'string' ? b.taskSupport : 'forbidden';
  if (ta !== tb) {
    const lost = (CALL_MODES[ta] ?? [ta]).filter((m) => !(CALL_MODES[tb] ?? []).includes(m));
    out.add(
      lost.length ? 'breaking' : 'compatible',
      '/execution/taskSupport',
      `task support ${ta} → ${tb}`,
      lost.length
        ? `agents that make ${lost.join(' or ')} get an error`
        : 'every way of calling the tool that worked still does',
    );
  }
  const rest = (e: JsonObject | undefined) =>
    canonical(Object.fromEntries(Object.entries(e ?? {}).filter(([k]) => k !== 'taskSupport')));
  if (rest(a) !== rest(b))
    out.add(
      'breaking',
      '/execution',
      `execution ${rest(a)} → ${rest(b)}`,
      'not analysed: this field may change how the tool must be called; review by hand',
    );
}

export function diffContracts(base: Contract, next: Contract): ContractDiff {
  const out = new Collector();

  out.at('server');
  if (base.server.name !== next.server.name)
    out.add(
      'compatible',
      '/server/name',
      `server name ${base.server.name} → ${next.server.name}`,
      'agents call tools, not the server name',
    );
  if (base.protocolVersion !== next.protocolVersion)
    out.add(
      'compatible',
      '/protocolVersion',
      `protocol version ${base.protocolVersion} → ${next.protocolVersion}`,
      'negotiated per session; the client refuses versions it does not support',
    );

  diffTools(base, next, out);
  diffPrompts(base, next, out);
  diffResourceTemplates(base, next, out);

  const changes = out.changes;
  return {
    breaking: changes.filter((c) => c.impact === 'breaking').length,
    compatible: changes.filter((c) => c.impact === 'compatible').length,
    changes,
  };
}

function diffTools(base: Contract, next: Contract, out: Collector): void {
  diffKeyed(
    base.tools,
    next.tools,
    (t) => t.name,
    (t) =>
      out.at(`tool ${t.name}`).add('breaking', '', 'tool removed', 'agents that call it get "unknown tool"'),
    (t) =>
      out
        .at(`tool ${t.name}`)
        .add('compatible', '', 'tool added', 'new capability; nothing existing changes'),
    (x, y) => {
      out.at(`tool ${x.name}`);
      for (const k of ['title', 'description'] as const)
        if ((x[k] ?? '') !== (y[k] ?? ''))
          out.add(
            'compatible',
            `/${k}`,
            `${k} changed`,
            'agents may choose the tool differently, but calls still work',
          );
      diffSchema(x.inputSchema, y.inputSchema, '/inputSchema', 'input', out);
      if (x.outputSchema !== undefined && y.outputSchema === undefined)
        out.add(
          'breaking',
          '/outputSchema',
          'output schema removed',
          'structured results are no longer promised',
        );
      else if (x.outputSchema === undefined && y.outputSchema !== undefined)
        out.add(
          'compatible',
          '/outputSchema',
          'output schema added',
          'results are now described; old readers still work',
        );
      else diffSchema(x.outputSchema, y.outputSchema, '/outputSchema', 'output', out);
      diffExecution(x.execution, y.execution, out);
      if (canonical(x.annotations) !== canonical(y.annotations))
        out.add(
          'compatible',
          '/annotations',
          `annotations ${canonical(x.annotations ?? {})} → ${canonical(y.annotations ?? {})}`,
          'hints for clients; calls are unchanged',
        );
    },
  );
}

function diffPrompts(base: Contract, next: Contract, out: Collector): void {
  diffKeyed(
    base.prompts,
    next.prompts,
    (p) => p.name,
    (p) =>
      out.at(`prompt ${p.name}`).add('breaking', '', 'prompt removed', 'agents that get it receive an error'),
    (p) =>
      out
        .at(`prompt ${p.name}`)
        .add('compatible', '', 'prompt added', 'new capability; nothing existing changes'),
    (x, y) => {
      out.at(`prompt ${x.name}`);
      if ((x.description ?? '') !== (y.description ?? ''))
        out.add('compatible', '/description', 'description changed', 'documentation only');
      diffKeyed(
        x.arguments,
        y.arguments,
        (a) => a.name,
        (a) =>
          out.add(
            'breaking',
            `/arguments/${a.name}`,
            'argument removed',
            'agents that still send it are rejected or ignored',
          ),
        (a) =>
          a.required
            ? out.add(
                'breaking',
                `/arguments/${a.name}`,
                'required argument added',
                'every existing request lacks it',
              )
            : out.add(
                'compatible',
                `/arguments/${a.name}`,
                'optional argument added',
                'existing requests are unaffected',
              ),
        (a, b) => {
          if (!a.required && b.required)
            out.add(
              'breaking',
              `/arguments/${a.name}`,
              'argument became required',
              'requests that omit it now fail',
            );
          if (a.required && !b.required)
            out.add(
              'compatible',
              `/arguments/${a.name}`,
              'argument became optional',
              'requests that send it still work',
            );
          if ((a.description ?? '') !== (b.description ?? ''))
            out.add('compatible', `/arguments/${a.name}`, 'description changed', 'documentation only');
        },
      );
    },
  );
}

function diffResourceTemplates(base: Contract, next: Contract, out: Collector): void {
  diffKeyed(
    base.resourceTemplates,
    next.resourceTemplates,
    (r) => r.uriTemplate,
    (r) =>
      out
        .at(`resource template ${r.uriTemplate}`)
        .add('breaking', '', 'resource template removed', 'URIs agents build from it no longer resolve'),
    (r) =>
      out
        .at(`resource template ${r.uriTemplate}`)
        .add('compatible', '', 'resource template added', 'new capability'),
    (x, y) => {
      out.at(`resource template ${x.uriTemplate}`);
      if ((x.mimeType ?? '') !== (y.mimeType ?? ''))
        out.add(
          'breaking',
          '/mimeType',
          `mimeType ${x.mimeType ?? '(none)'} → ${y.mimeType ?? '(none)'}`,
          'agents decode the content by it',
        );
      for (const k of ['name', 'title', 'description'] as const)
        if ((x[k] ?? '') !== (y[k] ?? ''))
          out.add('compatible', `/${k}`, `${k} changed`, 'documentation only');
    },
  );
}
