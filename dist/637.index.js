"use strict";
exports.id = 637;
exports.ids = [637];
exports.modules = {

/***/ 54094:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.describeTarget = describeTarget;
exports.describeError = describeError;
exports.verifyServer = verifyServer;
const node_perf_hooks_1 = __webpack_require__(643);
const index_js_1 = __webpack_require__(49874);
const stdio_js_1 = __webpack_require__(55387);
const streamableHttp_js_1 = __webpack_require__(41772);
const types_js_1 = __webpack_require__(84293);
const errors_1 = __webpack_require__(83916);
const CLIENT_INFO = { name: 'mcp-deploy-verify', version: '1.0.0' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function describeTarget(t) {
    return t.kind === 'http' ? t.url : t.argv.join(' ');
}
const isTimeout = (e) => e instanceof types_js_1.McpError && e.code === types_js_1.ErrorCode.RequestTimeout;
/** fetch hides the reason (ECONNREFUSED, ENOTFOUND) in `cause`. */
function describeError(e) {
    const cause = e?.cause;
    const why = cause?.code ?? cause?.message;
    return why ? `${(0, errors_1.errorMessage)(e)} (${why})` : (0, errors_1.errorMessage)(e);
}
/** Auth failures and protocol mismatches do not cure themselves by waiting; anything else may be a server still starting. */
function retryable(e) {
    if (e instanceof streamableHttp_js_1.StreamableHTTPError && (e.code === 401 || e.code === 403))
        return false;
    return !/protocol version is not supported/i.test((0, errors_1.errorMessage)(e));
}
function transportFor(target, stderr) {
    if (target.kind === 'http')
        return new streamableHttp_js_1.StreamableHTTPClientTransport(new URL(target.url), {
            requestInit: { headers: target.headers },
            // A verify session is short: no reconnecting the optional GET stream behind our back.
            reconnectionOptions: {
                maxReconnectionDelay: 0,
                initialReconnectionDelay: 0,
                reconnectionDelayGrowFactor: 1,
                maxRetries: 0,
            },
        });
    const [command, ...args] = target.argv;
    const t = new stdio_js_1.StdioClientTransport({ command, args, cwd: target.cwd, env: target.env, stderr: 'pipe' });
    t.stderr?.on('data', (b) => {
        stderr.text = (stderr.text + b.toString('utf8')).slice(-4000);
    });
    return t;
}
async function open(target, timeoutMs, stderr) {
    const transport = transportFor(target, stderr);
    let protocolVersion = '';
    // The client tells the transport the negotiated version; that hook is the only place it is exposed.
    const setVersion = transport.setProtocolVersion?.bind(transport);
    transport.setProtocolVersion = (v) => {
        protocolVersion = v;
        setVersion?.(v);
    };
    const client = new index_js_1.Client(CLIENT_INFO, { capabilities: {} });
    const close = async () => {
        if (transport instanceof streamableHttp_js_1.StreamableHTTPClientTransport && transport.sessionId)
            await transport.terminateSession().catch(() => undefined);
        await client.close().catch(() => undefined);
    };
    try {
        await client.connect(transport, { timeout: timeoutMs });
    }
    catch (e) {
        await close();
        if (e.code === 'ENOENT' && target.kind === 'stdio')
            throw new Error(`'${target.argv[0]}' was not found (is it built and on PATH?)`);
        throw e;
    }
    return { client, protocolVersion, close };
}
/** Lists every page of a paginated list call. */
async function all(page, key) {
    const out = [];
    let cursor;
    for (let i = 0; i < 1000; i++) {
        const r = await page(cursor);
        out.push(...(r[key] ?? []));
        cursor = r.nextCursor;
        if (!cursor)
            break;
    }
    return out;
}
async function verifyServer(o) {
    const deadline = node_perf_hooks_1.performance.now() + o.timeoutMs;
    const left = () => Math.max(1, Math.round(deadline - node_perf_hooks_1.performance.now()));
    const checks = [];
    const stderr = { text: '' };
    const timed = async (name, fn) => {
        const t0 = node_perf_hooks_1.performance.now();
        try {
            const detail = await fn();
            checks.push({ name, status: 'passed', ms: node_perf_hooks_1.performance.now() - t0, detail });
            return true;
        }
        catch (e) {
            checks.push({ name, status: 'failed', ms: node_perf_hooks_1.performance.now() - t0, detail: (0, errors_1.errorMessage)(e) });
            return false;
        }
    };
    if (o.healthUrl) {
        const url = o.healthUrl;
        let attempts = 0;
        let started = node_perf_hooks_1.performance.now();
        let last = '';
        let ok = false;
        while (!ok) {
            attempts++;
            started = node_perf_hooks_1.performance.now();
            try {
                const r = await fetch(url, { headers: o.healthHeaders, signal: AbortSignal.timeout(left()) });
                await r.arrayBuffer();
                ok = r.status === 200;
                last = `HTTP ${r.status}`;
            }
            catch (e) {
                last = describeError(e);
            }
            if (ok || node_perf_hooks_1.performance.now() + 250 > deadline)
                break;
            await sleep(Math.min(2000, 100 * 2 ** attempts));
        }
        const ms = node_perf_hooks_1.performance.now() - started;
        const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
        checks.push({
            name: 'health',
            status: ok ? 'passed' : 'failed',
            ms,
            detail: ok ? `200 from ${url}${tries}` : `${url}: ${last}${tries}`,
        });
        if (!ok)
            return { checks, stderr: stderr.text };
    }
    let session;
    {
        let attempts = 0;
        let lastError;
        let t0 = node_perf_hooks_1.performance.now();
        while (!session) {
            attempts++;
            t0 = node_perf_hooks_1.performance.now();
            try {
                session = await open(o.target, left(), stderr);
            }
            catch (e) {
                // The last attempt often just runs out of time; the error before it says why (refused, 503 ...).
                if (!(lastError && isTimeout(e)))
                    lastError = e;
                if (o.target.kind === 'stdio' || !retryable(e) || node_perf_hooks_1.performance.now() + 250 > deadline)
                    break;
                await sleep(Math.min(2000, 100 * 2 ** attempts));
            }
        }
        const ms = node_perf_hooks_1.performance.now() - t0;
        const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
        if (!session) {
            checks.push({
                name: 'initialize',
                status: 'failed',
                ms,
                detail: `${describeError(lastError)}${tries}`,
            });
            return { checks, stderr: stderr.text };
        }
        const info = session.client.getServerVersion();
        const pv = session.protocolVersion;
        const problems = [
            !types_js_1.SUPPORTED_PROTOCOL_VERSIONS.includes(pv) && `protocol version '${pv}' is not one this client supports`,
            !info?.name && 'serverInfo has no name',
        ].filter(Boolean);
        checks.push({
            name: 'initialize',
            status: problems.length ? 'failed' : 'passed',
            ms,
            detail: problems.length
                ? problems.join('; ')
                : `protocol ${pv}, ${info?.name} ${info?.version ?? ''}`.trim() + tries,
        });
        if (problems.length) {
            await session.close();
            return { checks, stderr: stderr.text };
        }
    }
    const { client } = session;
    const caps = client.getServerCapabilities() ?? {};
    const opts = () => ({ timeout: left() });
    const listing = {
        serverInfo: client.getServerVersion(),
        protocolVersion: session.protocolVersion,
        tools: [],
        prompts: [],
        resourceTemplates: [],
    };
    const skip = (name, detail) => checks.push({ name, status: 'skipped', ms: 0, detail });
    let listed = true;
    try {
        if (caps.tools)
            listed &&= await timed('tools/list', async () => {
                listing.tools = await all((cursor) => client.listTools({ cursor }, opts()), 'tools');
                return `${listing.tools.length} tools`;
            });
        else
            skip('tools/list', 'the server declares no tools capability');
        if (caps.prompts)
            listed &&= await timed('prompts/list', async () => {
                listing.prompts = await all((cursor) => client.listPrompts({ cursor }, opts()), 'prompts');
                return `${listing.prompts.length} prompts`;
            });
        if (caps.resources)
            listed &&= await timed('resources/list', async () => {
                const resources = await all((cursor) => client.listResources({ cursor }, opts()), 'resources');
                listing.resourceTemplates = await all((cursor) => client.listResourceTemplates({ cursor }, opts()), 'resourceTemplates');
                return `${resources.length} resources, ${listing.resourceTemplates.length} templates`;
            });
        for (const call of o.smoke)
            await timed(`call ${call.tool}`, async () => {
                const r = await client.callTool({ name: call.tool, arguments: call.args }, undefined, opts());
                const text = (Array.isArray(r.content) ? r.content : [])
                    .filter((c) => c.type === 'text')
                    .map((c) => c.text ?? '')
                    .join(' ')
                    .slice(0, 200);
                if (r.isError)
                    throw new Error(`returned isError: ${text || '(no text)'}`);
                return text ? `ok: ${text}` : 'ok';
            });
    }
    finally {
        await session.close();
    }
    return { checks, listing: listed ? listing : undefined, stderr: stderr.text };
}


/***/ }),

/***/ 37539:
/***/ ((__unused_webpack_module, exports) => {


/**
 * The tool contract of an MCP server: what an agent relies on when it calls the server by name and schema.
 * `snapshot` turns a server's listings into a stable document (mcp-contract.json) and `diffContracts`
 * classifies every difference between two of them. Both are pure.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CONTRACT_FORMAT = void 0;
exports.canonical = canonical;
exports.sortKeys = sortKeys;
exports.normalizeSchema = normalizeSchema;
exports.snapshot = snapshot;
exports.parseContract = parseContract;
exports.diffContracts = diffContracts;
exports.CONTRACT_FORMAT = 1;
// ---------------------------------------------------------------------------------------------------
// Normalization
const isObj = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
/** JSON with object keys sorted at every level: equal schemas give equal strings. */
function canonical(x) {
    return JSON.stringify(sortKeys(x));
}
function sortKeys(x) {
    if (Array.isArray(x))
        return x.map(sortKeys);
    if (isObj(x))
        return Object.fromEntries(Object.keys(x)
            .sort()
            .filter((k) => x[k] !== undefined)
            .map((k) => [k, sortKeys(x[k])]));
    return x;
}
function pointer(root, ref) {
    let node = root;
    for (const raw of ref.slice(2).split('/')) {
        const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
        node = isObj(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
        if (node === undefined)
            return undefined;
    }
    return node;
}
/**
 * Inlines local `$ref`s (`#/$defs/X`, `#/definitions/X`, any `#/...` pointer), so a schema that moves a
 * type into `$defs` compares equal to the inline one. A recursive reference stays a `$ref` (inlining it
 * would never end), and so does a remote one: those compare as opaque strings.
 */
function inlineRefs(node, root, stack) {
    if (Array.isArray(node))
        return node.map((n) => inlineRefs(n, root, stack));
    if (!isObj(node))
        return node;
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
const hasRef = (x) => Array.isArray(x)
    ? x.some(hasRef)
    : isObj(x)
        ? typeof x.$ref === 'string' || Object.values(x).some(hasRef)
        : false;
// Keywords that say nothing about which values are valid and change between generator versions.
const VOLATILE = new Set(['$schema', '$id', '$comment']);
function tidy(node) {
    if (Array.isArray(node))
        return node.map(tidy);
    if (!isObj(node))
        return node;
    const out = {};
    for (const [k, v] of Object.entries(node)) {
        if (VOLATILE.has(k))
            continue;
        if (k === 'properties' || k === '$defs' || k === 'definitions' || k === 'patternProperties') {
            out[k] = isObj(v) ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, tidy(s)])) : v;
        }
        else if (k === 'required' && Array.isArray(v)) {
            out[k] = [...new Set(v.map(String))].sort();
        }
        else if (k === 'type' && Array.isArray(v)) {
            const types = [...new Set(v.map(String))].sort();
            out[k] = types.length === 1 ? types[0] : types;
        }
        else if (k === 'enum' && Array.isArray(v)) {
            out[k] = [...v].sort((a, b) => canonical(a) < canonical(b) ? -1 : canonical(a) > canonical(b) ? 1 : 0);
        }
        else if ((k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) {
            out[k] = v.map(tidy).sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
        }
        else {
            out[k] = tidy(v);
        }
    }
    // `anyOf: [{type: string}, {type: null}]` (how generators spell Option<String>) is `type: [null, string]`:
    // one spelling, so that dropping `null` shows up as a type narrowing, not as a rewritten anyOf.
    for (const k of ['anyOf', 'oneOf']) {
        const alts = out[k];
        if (out.type === undefined &&
            Array.isArray(alts) &&
            alts.length > 0 &&
            alts.every((a) => isObj(a) && Object.keys(a).length === 1 && typeof a.type === 'string')) {
            const types = [...new Set(alts.map((a) => a.type))].sort();
            out.type = types.length === 1 ? types[0] : types;
            delete out[k];
        }
    }
    return out;
}
/** A schema as the contract stores it: local refs inlined, volatile keywords dropped, keys sorted. */
function normalizeSchema(schema) {
    if (schema === undefined)
        return {};
    const root = sortKeys(schema);
    let inlined = inlineRefs(root, root, []);
    if (isObj(inlined) && !hasRef(inlined)) {
        inlined = Object.fromEntries(Object.entries(inlined).filter(([k]) => k !== '$defs' && k !== 'definitions'));
    }
    return sortKeys(tidy(inlined));
}
const str = (x) => (typeof x === 'string' && x ? x : undefined);
const byKey = (key) => (a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
function snapshot(l) {
    const tools = l.tools.filter(isObj).map((t) => ({
        name: String(t.name),
        title: str(t.title),
        description: str(t.description),
        inputSchema: normalizeSchema(t.inputSchema),
        outputSchema: t.outputSchema === undefined ? undefined : normalizeSchema(t.outputSchema),
        annotations: isObj(t.annotations) ? sortKeys(t.annotations) : undefined,
    }));
    const prompts = l.prompts.filter(isObj).map((p) => ({
        name: String(p.name),
        title: str(p.title),
        description: str(p.description),
        arguments: (Array.isArray(p.arguments) ? p.arguments : [])
            .filter(isObj)
            .map((a) => ({ name: String(a.name), description: str(a.description), required: a.required === true }))
            .sort(byKey((a) => a.name)),
    }));
    const resourceTemplates = l.resourceTemplates.filter(isObj).map((r) => ({
        uriTemplate: String(r.uriTemplate),
        name: String(r.name),
        title: str(r.title),
        description: str(r.description),
        mimeType: str(r.mimeType),
    }));
    // Top-level keys in reading order; everything below them sorted.
    return {
        format: exports.CONTRACT_FORMAT,
        server: sortKeys({
            name: l.serverInfo.name,
            title: str(l.serverInfo.title),
            version: str(l.serverInfo.version),
        }),
        protocolVersion: l.protocolVersion,
        tools: sortKeys(tools.sort(byKey((t) => t.name))),
        prompts: sortKeys(prompts.sort(byKey((p) => p.name))),
        resourceTemplates: sortKeys(resourceTemplates.sort(byKey((r) => r.uriTemplate))),
    };
}
/** Reads a baseline file; `source` names it in the error. */
function parseContract(text, source) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`${source} is not JSON: ${e.message}`);
    }
    if (!isObj(doc) || doc.format !== exports.CONTRACT_FORMAT || !Array.isArray(doc.tools) || !isObj(doc.server))
        throw new Error(`${source} is not an mcp-contract.json (format ${exports.CONTRACT_FORMAT}); write one with \`mcp-deploy contract snapshot\``);
    // Re-normalized, so a hand-edited or older baseline compares by the same rules as a fresh snapshot.
    return snapshot({
        serverInfo: doc.server,
        protocolVersion: String(doc.protocolVersion ?? ''),
        tools: doc.tools,
        prompts: Array.isArray(doc.prompts) ? doc.prompts : [],
        resourceTemplates: Array.isArray(doc.resourceTemplates) ? doc.resourceTemplates : [],
    });
}
class Collector {
    where;
    changes = [];
    constructor(where = '') {
        this.where = where;
    }
    at(where) {
        this.where = where;
        return this;
    }
    add(impact, path, change, why) {
        this.changes.push({ impact, where: this.where, path, change, why });
    }
}
const list = (xs) => xs.map((x) => (typeof x === 'string' ? x : canonical(x))).join(', ');
function typesOf(s) {
    if (typeof s.type === 'string')
        return [s.type];
    if (Array.isArray(s.type))
        return s.type.map(String);
    return undefined;
}
/** Whether a value of type `t` is valid under `types` (integers are numbers). */
const admits = (types, t) => types.includes(t) || (t === 'integer' && types.includes('number'));
function enumOf(s) {
    if (Array.isArray(s.enum))
        return s.enum;
    if (s.const !== undefined)
        return [s.const];
    return undefined;
}
const asSchema = (s) => s === true || s === undefined ? {} : s === false ? undefined : isObj(s) ? s : {};
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
function diffSchema(a, b, path, dir, out) {
    if (canonical(a) === canonical(b))
        return;
    const input = dir === 'input';
    const narrowing = input ? 'breaking' : 'compatible';
    const widening = input ? 'compatible' : 'breaking';
    const sa = asSchema(a);
    const sb = asSchema(b);
    if (!sa || !sb) {
        // `false` accepts nothing: becoming false narrows everything, leaving it widens.
        out.add(!sb ? narrowing : widening, path, !sb ? 'now rejects every value' : 'now accepts values', whyFor(!sb ? narrowing : widening, dir));
        return;
    }
    // type
    const ta = typesOf(sa);
    const tb = typesOf(sb);
    if (canonical(ta) !== canonical(tb)) {
        const from = ta ? ta.join('|') : 'any';
        const to = tb ? tb.join('|') : 'any';
        const lost = ta ? (tb ? ta.filter((t) => !admits(tb, t)) : []) : tb ? ['(any)'] : [];
        const gained = tb ? (ta ? tb.filter((t) => !admits(ta, t)) : []) : ta ? ['(any)'] : [];
        if (input && lost.length)
            out.add('breaking', path, `type narrowed or changed: ${from} → ${to}`, `agents that send ${lost.join('|')} get a validation error`);
        else if (!input && gained.length)
            out.add('breaking', path, `type changed: ${from} → ${to}`, `agents parsing the result may now get ${gained.join('|')}`);
        else
            out.add('compatible', path, `type ${input ? 'widened' : 'narrowed'}: ${from} → ${to}`, 'every value that was valid still is');
    }
    // enum / const
    const ea = enumOf(sa);
    const eb = enumOf(sb);
    if (canonical(ea) !== canonical(eb)) {
        if (ea && eb) {
            const removed = ea.filter((v) => !eb.some((w) => canonical(w) === canonical(v)));
            const added = eb.filter((v) => !ea.some((w) => canonical(w) === canonical(v)));
            if (removed.length)
                out.add(narrowing, path, `enum value${removed.length > 1 ? 's' : ''} removed: ${list(removed)}`, input ? 'agents that send it get a validation error' : 'the server no longer returns it');
            if (added.length)
                out.add(widening, path, `enum value${added.length > 1 ? 's' : ''} added: ${list(added)}`, input ? 'a new choice; old calls still valid' : 'agents may get a value they do not handle');
        }
        else if (eb) {
            out.add(narrowing, path, `now restricted to: ${list(eb)}`, whyFor(narrowing, dir));
        }
        else {
            out.add(widening, path, 'no longer restricted to an enum', whyFor(widening, dir));
        }
    }
    // properties and required
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
            out.add('breaking', p, input ? 'argument removed' : 'property removed from output', input
                ? 'agents that still send it are rejected (or it is silently ignored)'
                : 'agents that read it find nothing');
        }
        else if (!inA && inB) {
            if (input && rb.has(name))
                out.add('breaking', p, 'required argument added', 'every existing call lacks it and fails validation');
            else
                out.add('compatible', p, input ? 'optional argument added' : 'property added to output', 'existing calls are unaffected');
        }
        else {
            diffSchema(pa[name], pb[name], p, dir, out);
            if (!ra.has(name) && rb.has(name))
                out.add(narrowing, p, input ? 'argument became required' : 'property became required', input ? 'calls that omit it now fail validation' : 'it is now always present');
            if (ra.has(name) && !rb.has(name))
                out.add(widening, p, input ? 'argument became optional' : 'property no longer required', input ? 'calls that send it still work' : 'agents that expect it may find it missing');
        }
    }
    // additionalProperties
    if (input && sb.additionalProperties === false && sa.additionalProperties !== false)
        out.add('breaking', path, 'no longer accepts unknown arguments', 'calls with extra arguments are rejected');
    else if (canonical(sa.additionalProperties) !== canonical(sb.additionalProperties) &&
        isObj(sa.additionalProperties) &&
        isObj(sb.additionalProperties))
        diffSchema(sa.additionalProperties, sb.additionalProperties, `${path}/additionalProperties`, dir, out);
    // items
    if (canonical(sa.items) !== canonical(sb.items)) {
        if (!Array.isArray(sa.items) && !Array.isArray(sb.items))
            diffSchema(sa.items, sb.items, `${path}/items`, dir, out);
        else
            out.add('breaking', `${path}/items`, 'tuple items changed', 'not analysed: review by hand');
    }
    for (const k of ['anyOf', 'oneOf'])
        diffAlternatives(sa[k], sb[k], `${path}/${k}`, dir, out);
    // bounds
    for (const k of [...LOWER, ...UPPER]) {
        const x = sa[k];
        const y = sb[k];
        if (x === y)
            continue;
        const lower = LOWER.includes(k);
        const tightened = y !== undefined &&
            (x === undefined || (typeof x === 'number' && typeof y === 'number' && (lower ? y > x : y < x)));
        const impact = tightened ? narrowing : widening;
        out.add(impact, path, `${k} ${x ?? '(none)'} → ${y ?? '(none)'}`, whyFor(impact, dir));
    }
    for (const k of ['pattern', 'format']) {
        if (canonical(sa[k]) === canonical(sb[k]))
            continue;
        const impact = sa[k] === undefined ? narrowing : sb[k] === undefined ? widening : 'breaking';
        out.add(impact, path, `${k} ${sa[k] ?? '(none)'} → ${sb[k] ?? '(none)'}`, whyFor(impact, dir));
    }
    for (const k of NOTES)
        if (canonical(sa[k]) !== canonical(sb[k]))
            out.add('compatible', path, `${k} changed`, 'documentation only; validation is unchanged');
    const other = [...new Set([...Object.keys(sa), ...Object.keys(sb)])].filter((k) => !HANDLED.has(k) && canonical(sa[k]) !== canonical(sb[k]));
    for (const k of other.sort())
        out.add('breaking', `${path}/${k}`, `${k} changed`, 'not analysed: this keyword may narrow what is valid; review by hand');
}
function whyFor(impact, dir) {
    if (dir === 'input')
        return impact === 'breaking'
            ? 'some calls that were valid are now rejected'
            : 'every call that was valid still is';
    return impact === 'breaking'
        ? 'the server may return values agents did not expect'
        : 'every value returned is still one agents expect';
}
/**
 * anyOf/oneOf compare as sets of alternatives. An alternative that changed shows up as removed + added;
 * when exactly one removed and one added alternative share a type they are taken to be the same one
 * edited, and compared property by property.
 */
function diffAlternatives(a, b, path, dir, out) {
    if (canonical(a) === canonical(b))
        return;
    const input = dir === 'input';
    if (!Array.isArray(a) || !Array.isArray(b)) {
        const impact = Array.isArray(b) === input ? 'breaking' : 'compatible';
        out.add(impact, path, Array.isArray(b) ? 'alternatives added where there were none' : 'alternatives removed', whyFor(impact, dir));
        return;
    }
    const key = canonical;
    let removed = a.filter((x) => !b.some((y) => key(y) === key(x)));
    let added = b.filter((y) => !a.some((x) => key(x) === key(y)));
    const typeKey = (s) => (isObj(s) ? canonical(typesOf(s)) : '');
    for (const r of [...removed]) {
        const sameType = added.filter((x) => typeKey(x) === typeKey(r));
        if (sameType.length === 1 && removed.filter((x) => typeKey(x) === typeKey(r)).length === 1) {
            diffSchema(r, sameType[0], `${path}/${b.indexOf(sameType[0])}`, dir, out);
            removed = removed.filter((x) => x !== r);
            added = added.filter((x) => x !== sameType[0]);
        }
    }
    for (const r of removed)
        out.add(input ? 'breaking' : 'compatible', path, `alternative removed: ${canonical(r)}`, whyFor(input ? 'breaking' : 'compatible', dir));
    for (const x of added)
        out.add(input ? 'compatible' : 'breaking', path, `alternative added: ${canonical(x)}`, whyFor(input ? 'compatible' : 'breaking', dir));
}
function diffKeyed(a, b, key, onRemoved, onAdded, onBoth) {
    const mb = new Map(b.map((t) => [key(t), t]));
    const ma = new Map(a.map((t) => [key(t), t]));
    for (const t of a) {
        const other = mb.get(key(t));
        if (other)
            onBoth(t, other);
        else
            onRemoved(t);
    }
    for (const t of b)
        if (!ma.has(key(t)))
            onAdded(t);
}
function diffContracts(base, next) {
    const out = new Collector();
    out.at('server');
    if (base.server.name !== next.server.name)
        out.add('compatible', '/server/name', `server name ${base.server.name} → ${next.server.name}`, 'agents call tools, not the server name');
    if (base.protocolVersion !== next.protocolVersion)
        out.add('compatible', '/protocolVersion', `protocol version ${base.protocolVersion} → ${next.protocolVersion}`, 'negotiated per session; the client refuses versions it does not support');
    diffKeyed(base.tools, next.tools, (t) => t.name, (t) => out.at(`tool ${t.name}`).add('breaking', '', 'tool removed', 'agents that call it get "unknown tool"'), (t) => out
        .at(`tool ${t.name}`)
        .add('compatible', '', 'tool added', 'new capability; nothing existing changes'), (x, y) => {
        out.at(`tool ${x.name}`);
        for (const k of ['title', 'description'])
            if ((x[k] ?? '') !== (y[k] ?? ''))
                out.add('compatible', `/${k}`, `${k} changed`, 'agents may choose the tool differently, but calls still work');
        diffSchema(x.inputSchema, y.inputSchema, '/inputSchema', 'input', out);
        if (x.outputSchema !== undefined && y.outputSchema === undefined)
            out.add('breaking', '/outputSchema', 'output schema removed', 'structured results are no longer promised');
        else if (x.outputSchema === undefined && y.outputSchema !== undefined)
            out.add('compatible', '/outputSchema', 'output schema added', 'results are now described; old readers still work');
        else
            diffSchema(x.outputSchema, y.outputSchema, '/outputSchema', 'output', out);
        if (canonical(x.annotations) !== canonical(y.annotations))
            out.add('compatible', '/annotations', `annotations ${canonical(x.annotations ?? {})} → ${canonical(y.annotations ?? {})}`, 'hints for clients; calls are unchanged');
    });
    diffKeyed(base.prompts, next.prompts, (p) => p.name, (p) => out.at(`prompt ${p.name}`).add('breaking', '', 'prompt removed', 'agents that get it receive an error'), (p) => out
        .at(`prompt ${p.name}`)
        .add('compatible', '', 'prompt added', 'new capability; nothing existing changes'), (x, y) => {
        out.at(`prompt ${x.name}`);
        if ((x.description ?? '') !== (y.description ?? ''))
            out.add('compatible', '/description', 'description changed', 'documentation only');
        diffKeyed(x.arguments, y.arguments, (a) => a.name, (a) => out.add('breaking', `/arguments/${a.name}`, 'argument removed', 'agents that still send it are rejected or ignored'), (a) => a.required
            ? out.add('breaking', `/arguments/${a.name}`, 'required argument added', 'every existing request lacks it')
            : out.add('compatible', `/arguments/${a.name}`, 'optional argument added', 'existing requests are unaffected'), (a, b) => {
            if (!a.required && b.required)
                out.add('breaking', `/arguments/${a.name}`, 'argument became required', 'requests that omit it now fail');
            if (a.required && !b.required)
                out.add('compatible', `/arguments/${a.name}`, 'argument became optional', 'requests that send it still work');
            if ((a.description ?? '') !== (b.description ?? ''))
                out.add('compatible', `/arguments/${a.name}`, 'description changed', 'documentation only');
        });
    });
    diffKeyed(base.resourceTemplates, next.resourceTemplates, (r) => r.uriTemplate, (r) => out
        .at(`resource template ${r.uriTemplate}`)
        .add('breaking', '', 'resource template removed', 'URIs agents build from it no longer resolve'), (r) => out
        .at(`resource template ${r.uriTemplate}`)
        .add('compatible', '', 'resource template added', 'new capability'), (x, y) => {
        out.at(`resource template ${x.uriTemplate}`);
        if ((x.mimeType ?? '') !== (y.mimeType ?? ''))
            out.add('breaking', '/mimeType', `mimeType ${x.mimeType ?? '(none)'} → ${y.mimeType ?? '(none)'}`, 'agents decode the content by it');
        for (const k of ['name', 'title', 'description'])
            if ((x[k] ?? '') !== (y[k] ?? ''))
                out.add('compatible', `/${k}`, `${k} changed`, 'documentation only');
    });
    const changes = out.changes;
    return {
        breaking: changes.filter((c) => c.impact === 'breaking').length,
        compatible: changes.filter((c) => c.impact === 'compatible').length,
        changes,
    };
}


/***/ }),

/***/ 91637:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.verify = void 0;
const parse_1 = __webpack_require__(57966);
const plan_1 = __webpack_require__(80610);
const run_1 = __webpack_require__(63156);
exports.verify = {
    name: 'verify',
    parse: (r, env) => (0, parse_1.parseVerifyInputs)(r, env.cwd),
    plan: (i, env) => (0, plan_1.planVerify)(i, env.ctx, env.state),
    run: run_1.runVerify,
};


/***/ }),

/***/ 57966:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.IMAGE_PLACEHOLDER = exports.DEFAULT_TIMEOUT = exports.DEFAULT_BASELINE = exports.CONTRACT_MODES = void 0;
exports.splitCommand = splitCommand;
exports.parseSmoke = parseSmoke;
exports.parseVerifyInputs = parseVerifyInputs;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
exports.CONTRACT_MODES = ['fail-on-breaking', 'warn', 'off'];
exports.DEFAULT_BASELINE = 'mcp-contract.json';
exports.DEFAULT_TIMEOUT = '60s';
/** In `mcp-command`, replaced by the image@digest that the build stage of this run pushed. */
exports.IMAGE_PLACEHOLDER = '{image}';
/** Whitespace-separated words with '…' and "…" quoting; the result is argv, never given to a shell. */
function splitCommand(s) {
    const out = [];
    for (const m of s.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
        out.push(m[1] ?? m[2] ?? m[3]);
    return out;
}
function httpUrl(value, input, hint) {
    let u;
    try {
        u = new URL(value);
    }
    catch {
        throw new errors_1.ActionError(`'${value}' is not a URL`, input, hint);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
        throw new errors_1.ActionError(`'${value}' is not an http(s) URL`, input, hint);
    return u.toString();
}
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
function parseHeaders(r) {
    const headers = {};
    const raw = r.secret('mcp-headers');
    for (const line of raw.split(/\r?\n/).map((l) => l.trim())) {
        if (!line || line.startsWith('#'))
            continue;
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon).trim() : '';
        if (!TOKEN.test(name))
            throw new errors_1.ActionError(`a line is not 'Name: value'`, 'mcp-headers', 'write one header a line, e.g. X-Api-Key: ${{ secrets.KEY }}');
        const value = line.slice(colon + 1).trim();
        (0, log_1.registerSecret)(value);
        headers[name] = value;
    }
    const token = r.secret('mcp-token');
    if (token) {
        if (Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
            throw new errors_1.ActionError('is set and mcp-headers has an Authorization header too', 'mcp-token', 'use one of the two');
        headers.Authorization = `Bearer ${token}`;
        (0, log_1.registerSecret)(headers.Authorization);
    }
    return headers;
}
function parseSmoke(lines) {
    return lines.map((line) => {
        const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(line);
        let args = {};
        if (m[2]?.trim()) {
            try {
                args = JSON.parse(m[2]);
            }
            catch (e) {
                throw new errors_1.ActionError(`arguments of '${m[1]}' are not JSON (${e.message})`, 'mcp-smoke', `write one call a line: tool-name {"arg": "value"}`);
            }
        }
        if (typeof args !== 'object' || args === null || Array.isArray(args))
            throw new errors_1.ActionError(`arguments of '${m[1]}' must be a JSON object`, 'mcp-smoke', `write e.g. ${m[1]} {"a": 1}`);
        return { tool: m[1], args: args };
    });
}
function parseVerifyInputs(r, cwd) {
    const urlRaw = r.string('mcp-url');
    const commandRaw = r.string('mcp-command');
    if (!urlRaw && !commandRaw)
        throw new errors_1.ActionError('is required when the verify stage runs (or mcp-command)', 'mcp-url', 'set mcp-url to the endpoint, e.g. https://mcp.example.com/mcp, or mcp-command to start the server on stdio');
    const url = urlRaw
        ? httpUrl(urlRaw, 'mcp-url', 'give the full endpoint, e.g. https://mcp.example.com/mcp')
        : undefined;
    const command = commandRaw ? splitCommand(commandRaw) : undefined;
    if (command && !command.length)
        throw new errors_1.ActionError('has no command in it', 'mcp-command', 'write e.g. ./target/release/my-server --stdio');
    const healthRaw = r.string('health-url');
    const baselineRaw = r.string('contract-baseline');
    let baseline = path.resolve(cwd, baselineRaw || exports.DEFAULT_BASELINE);
    if (!fs.existsSync(baseline)) {
        if (baselineRaw)
            throw new errors_1.ActionError(`'${baselineRaw}' does not exist (looked at ${baseline})`, 'contract-baseline', 'write it with `mcp-deploy contract snapshot --url ... > mcp-contract.json` and commit it, or leave the input empty');
        baseline = undefined;
    }
    return {
        url,
        command,
        headers: parseHeaders(r),
        healthUrl: healthRaw
            ? httpUrl(healthRaw, 'health-url', 'give the full URL, e.g. https://mcp.example.com/health')
            : undefined,
        smoke: parseSmoke(r.lines('mcp-smoke')),
        contract: r.oneOf('contract', exports.CONTRACT_MODES, 'fail-on-breaking'),
        baseline,
        timeoutSec: parseTimeout(r),
    };
}
function parseTimeout(r) {
    const s = r.duration('verify-timeout', exports.DEFAULT_TIMEOUT);
    if (s < 1)
        throw new errors_1.ActionError('must be at least 1s', 'verify-timeout', `write e.g. ${exports.DEFAULT_TIMEOUT} or 5m`);
    return s;
}


/***/ }),

/***/ 80610:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.chooseTarget = chooseTarget;
exports.resolveCommand = resolveCommand;
exports.serverEnv = serverEnv;
exports.buildTarget = buildTarget;
exports.healthHeaders = healthHeaders;
exports.planVerify = planVerify;
const path = __importStar(__webpack_require__(76760));
const parse_1 = __webpack_require__(57966);
const isReview = (ctx) => ctx.prNumber !== undefined || ctx.event === 'pull_request' || ctx.event === 'merge_request_event';
/**
 * With both a command and a URL, a pull request checks the server it just built (the deployed URL still
 * runs the previous release), and any other run checks what was deployed.
 */
function chooseTarget(i, ctx) {
    if (i.command && !i.url)
        return { kind: 'stdio', why: 'mcp-command: the server started on stdio' };
    if (i.url && !i.command)
        return { kind: 'http', why: 'mcp-url' };
    return isReview(ctx)
        ? { kind: 'stdio', why: 'a pull request: the freshly built server (mcp-command), before merge' }
        : { kind: 'http', why: 'not a pull request: the deployed endpoint (mcp-url)' };
}
/** The command with `{image}` replaced, or undefined when it needs an image this run did not build. */
function resolveCommand(argv, state) {
    if (!argv.some((a) => a.includes(parse_1.IMAGE_PLACEHOLDER)))
        return argv;
    const image = state.imageRef ?? state.image;
    return image ? argv.map((a) => a.split(parse_1.IMAGE_PLACEHOLDER).join(image)) : undefined;
}
/** The environment of a stdio server: ours, without the action's inputs (they hold the secrets). */
function serverEnv(env = process.env) {
    return Object.fromEntries(Object.entries(env).filter((e) => e[1] !== undefined && !e[0].startsWith('INPUT_') && !/^MCP_MCP_(TOKEN|HEADERS)$/.test(e[0])));
}
function buildTarget(i, chosen, cwd, argv) {
    return chosen.kind === 'http'
        ? { kind: 'http', url: i.url, headers: i.headers }
        : { kind: 'stdio', argv: argv ?? i.command, cwd, env: serverEnv() };
}
/** Health requests carry the MCP headers only to the same origin: a token must not leak to another host. */
function healthHeaders(i) {
    if (!i.healthUrl || !i.url)
        return undefined;
    return new URL(i.healthUrl).origin === new URL(i.url).origin ? i.headers : undefined;
}
function planVerify(i, ctx, state) {
    const chosen = chooseTarget(i, ctx);
    const resolved = chosen.kind === 'stdio' ? resolveCommand(i.command, state) : undefined;
    const argv = chosen.kind === 'stdio' ? (resolved ?? i.command) : undefined;
    const headerNames = Object.keys(i.headers);
    return {
        commands: argv ? [{ argv, why: 'the MCP server on stdio, started by the MCP client' }] : [],
        values: {
            ...(argv && !resolved
                ? { [parse_1.IMAGE_PLACEHOLDER]: 'the image@digest that the build stage of this run pushes' }
                : {}),
            target: chosen.kind === 'http' ? `${i.url} (Streamable HTTP)` : 'stdio',
            'target-why': chosen.why,
            headers: headerNames.length ? `${headerNames.join(', ')} (values masked)` : '(none)',
            'health-url': i.healthUrl ?? '(none)',
            smoke: i.smoke.map((s) => s.tool).join(', ') || '(none)',
            contract: i.contract,
            'contract-baseline': i.baseline
                ? path.relative(ctx.workspace, i.baseline) || i.baseline
                : '(none found)',
            'verify-timeout': `${i.timeoutSec}s`,
        },
    };
}


/***/ }),

/***/ 63156:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.judge = judge;
exports.verifySummary = verifySummary;
exports.runVerify = runVerify;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
const summary_1 = __webpack_require__(57994);
const client_1 = __webpack_require__(54094);
const contract_1 = __webpack_require__(37539);
const plan_1 = __webpack_require__(80610);
const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
/** Pure: the checks and the contract diff decide the outcome. */
function judge(report, baseline, mode, baselineName) {
    const failedChecks = report.checks.filter((c) => c.status === 'failed');
    const contract = report.listing ? (0, contract_1.snapshot)(report.listing) : undefined;
    const notes = [];
    let diff;
    if (contract && mode !== 'off') {
        if (baseline)
            diff = (0, contract_1.diffContracts)(baseline, contract);
        else
            notes.push(`No contract baseline (${baselineName}): the tool contract was recorded but not compared. ` +
                'Write one with `mcp-deploy contract snapshot --url ... > mcp-contract.json` and commit it.');
    }
    const reasons = [];
    if (failedChecks.length)
        reasons.push(failedChecks.map((c) => `${c.name} failed: ${c.detail}`).join('; '));
    if (diff?.breaking && mode === 'fail-on-breaking') {
        const first = diff.changes.filter((c) => c.impact === 'breaking').slice(0, 3);
        reasons.push(`${plural(diff.breaking, 'breaking contract change')} against ${baselineName}: ${first
            .map((c) => `${c.where}${c.path ? ` ${c.path}` : ''}: ${c.change}`)
            .join('; ')}${diff.breaking > first.length ? '; ...' : ''}`);
    }
    return { failedChecks, contract, diff, notes, failure: reasons.length ? reasons.join('; ') : undefined };
}
const ms = (n) => (n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`);
const mark = (s) => s === 'passed' ? '✅ passed' : s === 'failed' ? '❌ failed' : '⏭️ skipped';
function verifySummary(target, why, report, v, mode) {
    const s = new summary_1.Summary().heading('Verify');
    s.text(`Target: \`${(0, log_1.redact)((0, client_1.describeTarget)(target))}\` (${why})`);
    s.table(['Check', 'Status', 'Latency', 'Detail'], report.checks.map((c) => [
        c.name,
        mark(c.status),
        c.status === 'skipped' ? '' : ms(c.ms),
        (0, log_1.redact)(c.detail),
    ]));
    if (v.failedChecks.length && report.stderr.trim())
        s.details('server stderr (last lines)', (0, log_1.redact)(report.stderr.trim().split('\n').slice(-20).join('\n')));
    if (v.contract) {
        const c = v.contract;
        s.text(`Contract: ${plural(c.tools.length, 'tool')}, ${plural(c.prompts.length, 'prompt')}, ${plural(c.resourceTemplates.length, 'resource template')} (server ${c.server.name}${c.server.version ? ` ${c.server.version}` : ''}, protocol ${c.protocolVersion}).`);
    }
    if (v.diff) {
        if (!v.diff.changes.length)
            s.text('No contract changes against the baseline.');
        else {
            s.text(`**${plural(v.diff.breaking, 'breaking change')}**, ${plural(v.diff.compatible, 'compatible change')} (contract: ${mode}).`);
            s.table(['Impact', 'Where', 'Path', 'Change', 'Why'], [...v.diff.changes]
                .sort((a, b) => (a.impact === b.impact ? 0 : a.impact === 'breaking' ? -1 : 1))
                .map((c) => [
                c.impact === 'breaking' ? '💥 breaking' : 'compatible',
                `\`${c.where}\``,
                c.path ? `\`${c.path}\`` : '',
                c.change,
                c.why,
            ]));
        }
    }
    for (const n of v.notes)
        s.text(n);
    return s;
}
async function runVerify(i, env) {
    const chosen = (0, plan_1.chooseTarget)(i, env.ctx);
    let argv;
    if (chosen.kind === 'stdio') {
        argv = (0, plan_1.resolveCommand)(i.command, env.state);
        if (!argv)
            return {
                status: 'failure',
                headline: 'no image to start',
                summary: new summary_1.Summary()
                    .heading('Verify')
                    .text('mcp-command names `{image}` but this run built no image.'),
                outputs: {},
                failure: "input 'mcp-command' uses {image} but no image was built in this run (fix: add build to stages, or name the server's command)",
            };
    }
    const target = (0, plan_1.buildTarget)(i, chosen, env.cwd, argv);
    log_1.log.info(`verifying ${(0, log_1.redact)((0, client_1.describeTarget)(target))} (${chosen.why}) within ${i.timeoutSec}s`);
    const report = await (0, client_1.verifyServer)({
        target,
        healthUrl: i.healthUrl,
        healthHeaders: (0, plan_1.healthHeaders)(i),
        smoke: i.smoke,
        timeoutMs: i.timeoutSec * 1000,
    });
    const baselineName = i.baseline
        ? path.relative(env.ctx.workspace, i.baseline) || i.baseline
        : 'mcp-contract.json';
    let baseline;
    if (i.baseline && i.contract !== 'off') {
        try {
            baseline = (0, contract_1.parseContract)(fs.readFileSync(i.baseline, 'utf8'), baselineName);
        }
        catch (e) {
            return {
                status: 'failure',
                headline: 'unreadable baseline',
                summary: new summary_1.Summary().heading('Verify').text((0, errors_1.errorMessage)(e)),
                outputs: {},
                failure: `input 'contract-baseline': ${(0, errors_1.errorMessage)(e)}`,
            };
        }
    }
    const v = judge(report, baseline, i.contract, baselineName);
    for (const c of report.checks)
        log_1.log.info(`${c.name}: ${c.status} (${ms(c.ms)}) ${c.detail}`);
    for (const c of v.diff?.changes ?? [])
        if (c.impact === 'breaking')
            log_1.log.annotate({
                level: i.contract === 'fail-on-breaking' ? 'error' : 'warning',
                title: `breaking MCP contract change: ${c.where}`,
                file: i.baseline ? path.relative(env.ctx.workspace, i.baseline) : undefined,
                message: `${c.path ? `${c.path}: ` : ''}${c.change} (${c.why})`,
            });
    for (const n of v.notes)
        log_1.log.annotate({ level: 'notice', title: 'verify', message: n });
    const passed = report.checks.filter((c) => c.status === 'passed').length;
    const headline = [
        `${passed}/${report.checks.filter((c) => c.status !== 'skipped').length} checks`,
        v.diff ? plural(v.diff.breaking, 'breaking change') : v.contract ? 'no baseline' : '',
    ]
        .filter(Boolean)
        .join(', ');
    return {
        status: v.failure ? 'failure' : 'success',
        headline,
        summary: verifySummary(target, chosen.why, report, v, i.contract),
        outputs: {
            contract: v.contract ? JSON.stringify(v.contract) : '',
            'contract-diff': v.diff ? JSON.stringify(v.diff) : '',
            'breaking-changes': v.diff ? String(v.diff.breaking) : '',
        },
        failure: v.failure && (0, log_1.redact)(v.failure),
    };
}


/***/ })

};
;