"use strict";
exports.id = 937;
exports.ids = [937];
exports.modules = {

/***/ 72691:
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
exports.addCleanup = addCleanup;
exports.runCleanups = runCleanups;
exports.savedCleanups = savedCleanups;
const core = __importStar(__webpack_require__(37484));
const fs = __importStar(__webpack_require__(73024));
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
const docker_1 = __webpack_require__(17163);
const STATE_KEY = 'cleanups';
const pending = [];
function addCleanup(c) {
    pending.push(c);
    if (process.env.GITHUB_STATE)
        core.saveState(STATE_KEY, JSON.stringify(pending));
}
async function runCleanups(list = pending.splice(0)) {
    for (const c of list.reverse()) {
        try {
            if (c.kind === 'remove') {
                fs.rmSync(c.path, { recursive: true, force: true });
                log_1.log.info(`removed ${c.path}`);
            }
            else {
                await (0, docker_1.logout)(c.registry, c.config);
                if (c.config)
                    fs.rmSync(c.config, { recursive: true, force: true });
            }
        }
        catch (e) {
            log_1.log.warning(`cleanup ${c.kind} failed: ${(0, errors_1.errorMessage)(e)}`);
        }
    }
}
/** The cleanups the main step saved, read back in the post step. */
function savedCleanups() {
    const raw = core.getState(STATE_KEY);
    return raw ? JSON.parse(raw) : [];
}


/***/ }),

/***/ 37937:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ANNOTATION = exports.RULES = exports.lintObjects = exports.parseManifests = void 0;
exports.parseLintInputs = parseLintInputs;
exports.lintPaths = lintPaths;
exports.toAnnotation = toAnnotation;
exports.headline = headline;
exports.lintSummary = lintSummary;
exports.lintFailed = lintFailed;
exports.runLint = runLint;
exports.ruleList = ruleList;
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const log_1 = __webpack_require__(46472);
const summary_1 = __webpack_require__(57994);
const manifests_1 = __webpack_require__(9567);
const rules_1 = __webpack_require__(70834);
var manifests_2 = __webpack_require__(9567);
Object.defineProperty(exports, "parseManifests", ({ enumerable: true, get: function () { return manifests_2.parseManifests; } }));
var rules_2 = __webpack_require__(70834);
Object.defineProperty(exports, "lintObjects", ({ enumerable: true, get: function () { return rules_2.lintObjects; } }));
Object.defineProperty(exports, "RULES", ({ enumerable: true, get: function () { return rules_2.RULES; } }));
var types_1 = __webpack_require__(4484);
Object.defineProperty(exports, "ANNOTATION", ({ enumerable: true, get: function () { return types_1.ANNOTATION; } }));
function parseLintInputs(r) {
    const mcpPath = r.string('mcp-path');
    if (!mcpPath.startsWith('/'))
        throw new errors_1.ActionError(`'${mcpPath}' is not a URL path`, 'mcp-path', 'give the MCP endpoint path, e.g. /mcp');
    return {
        mode: r.oneOf('lint', inputs_1.INPUTS.lint.allowed),
        mcpPath,
        sessions: r.oneOf('mcp-sessions', inputs_1.INPUTS['mcp-sessions'].allowed),
    };
}
/**
 * Reads manifests (files, plain directories, kustomize overlays rendered with kubectl, `-` for stdin) and
 * lints them. Throws ActionError when a path is missing, not YAML, or holds no Kubernetes object.
 */
async function lintPaths(paths, opts) {
    const docs = await (0, manifests_1.loadPaths)(paths, opts.workspace, opts.rendered);
    if (!docs.length)
        throw new errors_1.ActionError(`no Kubernetes objects in ${paths.join(', ')}`, undefined, 'point at rendered manifests, a directory of YAML files or a kustomize overlay');
    const findings = sortFindings((0, rules_1.lintObjects)(docs, opts));
    return {
        findings,
        objects: docs.length,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
    };
}
function sortFindings(findings) {
    return [...findings].sort((a, b) => (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        a.rule.localeCompare(b.rule));
}
const where = (f) => `${f.object}${f.namespace ? ` (namespace ${f.namespace})` : ''} ${f.path}`;
function toAnnotation(f, mode = 'error') {
    return {
        level: mode === 'warn' ? 'warning' : f.severity,
        title: `${f.rule} ${f.name}`,
        file: f.file,
        line: f.line,
        message: `${where(f)}: ${f.message}\nfix: ${f.fix}`,
    };
}
/** `2 errors, 1 warning in 14 objects` */
function headline(r) {
    const n = (k, w) => `${k} ${w}${k === 1 ? '' : 's'}`;
    return r.findings.length
        ? `${n(r.errors, 'error')}, ${n(r.warnings, 'warning')} in ${n(r.objects, 'object')}`
        : `${n(r.objects, 'object')}, no findings`;
}
/** With `details` (the job summary) the table repeats problem and fix; a terminal has them above it. */
function lintSummary(r, details = true) {
    const s = new summary_1.Summary().heading('MCP deployment lint').text(headline(r));
    if (r.findings.length)
        s.table(['Rule', 'Severity', 'Object', 'Field', 'Where', ...(details ? ['Problem', 'Fix'] : [])], r.findings.map((f) => [
            `\`${f.rule}\` ${f.name}`,
            f.severity,
            f.namespace ? `${f.namespace}/${f.object}` : f.object,
            `\`${f.path}\``,
            f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '',
            ...(details ? [f.message, f.fix] : []),
        ]));
    return s;
}
/** Whether a result fails the step: errors in `error` mode; with `strict`, warnings too. Never in `warn`. */
function lintFailed(r, mode, strict = false) {
    return mode === 'error' && (r.errors > 0 || (strict && r.warnings > 0));
}
/**
 * The deploy stage's lint step: lint, annotate each finding, and return the summary section and whether
 * the deploy must stop. With mode `off` nothing is read.
 */
async function runLint(paths, inputs, workspace, rendered) {
    if (inputs.mode === 'off')
        return { summary: new summary_1.Summary(), failed: false, headline: 'lint off' };
    return log_1.log.group('MCP deployment lint', async () => {
        const result = await lintPaths(paths, {
            mcpPath: inputs.mcpPath,
            sessions: inputs.sessions,
            workspace,
            rendered,
        });
        for (const f of result.findings)
            log_1.log.annotate(toAnnotation(f, inputs.mode));
        log_1.log.info(headline(result));
        return {
            result,
            summary: lintSummary(result),
            failed: lintFailed(result, inputs.mode),
            headline: headline(result),
        };
    });
}
/** One line per rule, for `mcp-deploy lint --help` and the docs. */
function ruleList() {
    return Object.entries(rules_1.RULES)
        .map(([id, r]) => `  ${id} ${r.name.padEnd(25)} ${r.severity.padEnd(7)}  ${r.what}`)
        .join('\n');
}


/***/ }),

/***/ 9567:
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
exports.parseManifests = parseManifests;
exports.kustomizedDocs = kustomizedDocs;
exports.loadPaths = loadPaths;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const yaml_1 = __webpack_require__(38815);
const errors_1 = __webpack_require__(83916);
const kubectl_1 = __webpack_require__(9481);
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * Parses a multi-document YAML text. `kind: List` (what `kubectl get -o yaml` prints) is unpacked so its
 * items are linted like any other object. Throws on a YAML syntax error, naming `label` and the line.
 */
function parseLocated(text, label) {
    const lineCounter = new yaml_1.LineCounter();
    const docs = (0, yaml_1.parseAllDocuments)(text, { lineCounter });
    if (!Array.isArray(docs))
        return [];
    const out = [];
    for (const doc of docs) {
        const err = doc.errors[0];
        if (err) {
            const line = err.linePos?.[0].line;
            throw new errors_1.ActionError(`${label}${line ? `:${line}` : ''}: not valid YAML: ${err.message.split('\n')[0]}`);
        }
        const root = doc.contents;
        const obj = doc.toJS();
        if (!root || !isObject(obj))
            continue;
        const lineOf = (p) => nodeLine(root, p, lineCounter);
        if (obj.kind === 'List' && Array.isArray(obj.items)) {
            obj.items.forEach((item, i) => {
                if (isObject(item))
                    out.push({ obj: item, lineOf: (p) => lineOf(['items', i, ...p]) });
            });
        }
        else if (typeof obj.kind === 'string')
            out.push({ obj, lineOf });
    }
    return out;
}
/** The line of the deepest node along `p`: a missing field points at its closest existing parent. */
function nodeLine(root, p, lc) {
    let node = root;
    let offset = root.range?.[0] ?? 0;
    for (const seg of p) {
        if ((0, yaml_1.isMap)(node)) {
            const pair = node.items.find((it) => (0, yaml_1.isScalar)(it.key) && String(it.key.value) === String(seg));
            if (!pair)
                break;
            offset = pair.key.range?.[0] ?? offset;
            node = pair.value;
        }
        else if ((0, yaml_1.isSeq)(node) && typeof seg === 'number' && node.items[seg]) {
            node = node.items[seg];
            offset = node.range?.[0] ?? offset;
        }
        else
            break;
    }
    return lc.linePos(offset).line;
}
/** A path relative to the workspace when the file lies inside it; undefined otherwise. */
function inWorkspace(abs, workspace) {
    const rel = path.relative(workspace, abs);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel))
        return undefined;
    return rel.split(path.sep).join('/');
}
/** Objects of a YAML (or JSON) text; `file` is the absolute path it came from, if any. */
function parseManifests(text, file, workspace) {
    const rel = file ? inWorkspace(file, workspace) : undefined;
    return parseLocated(text, file ?? '<input>').map(({ obj, lineOf }) => ({
        obj,
        file: rel,
        lineOf: (p) => (rel ? lineOf(p) : undefined),
    }));
}
/**
 * The objects of a rendered overlay, each mapped back to the file (and line) it came from through the
 * origin annotations the rendering carries.
 */
function kustomizedDocs(r, workspace) {
    const sources = new Map();
    return parseLocated(r.text, `kubectl kustomize ${r.dir}`).map(({ obj }) => {
        const origin = takeOrigin(obj);
        const src = origin && path.resolve(r.root, origin.file);
        const rel = src ? inWorkspace(src, workspace) : undefined;
        if (!src || !rel || !fs.existsSync(src))
            return { obj, file: undefined, lineOf: () => undefined };
        if (origin.generated)
            return { obj, file: rel, lineOf: generatorLine(fs.readFileSync(src, 'utf8')) };
        if (!sources.has(src))
            sources.set(src, safeParse(fs.readFileSync(src, 'utf8'), src));
        const match = sourceFor(obj, sources.get(src));
        return { obj, file: rel, lineOf: (p) => match?.lineOf(p) ?? 1 };
    });
}
/** Reads and removes kustomize's origin annotation (it is ours, not the user's). */
function takeOrigin(obj) {
    const meta = obj.metadata;
    const raw = meta?.annotations?.[kubectl_1.ORIGIN_ANNOTATION];
    if (raw === undefined || !meta?.annotations)
        return undefined;
    delete meta.annotations[kubectl_1.ORIGIN_ANNOTATION];
    if (!Object.keys(meta.annotations).length)
        delete meta.annotations;
    const o = (0, yaml_1.parse)(raw);
    if (!isObject(o))
        return undefined;
    if (typeof o.path === 'string')
        return { file: o.path, generated: false };
    if (typeof o.configuredIn === 'string')
        return { file: o.configuredIn, generated: true };
    return undefined;
}
/** Source files of a base may hold template placeholders that are not YAML; then lines are unknown. */
function safeParse(text, file) {
    try {
        return parseLocated(text, file);
    }
    catch {
        return [];
    }
}
/** The source object a rendered one came from: same kind, and a name that prefixes/suffixes may extend. */
function sourceFor(obj, candidates) {
    const name = (o) => String(o.metadata?.name ?? '');
    const sameKind = candidates.filter((c) => c.obj.kind === obj.kind);
    return (sameKind.find((c) => name(c.obj) === name(obj)) ?? sameKind.find((c) => name(obj).includes(name(c.obj))));
}
/** For a generated ConfigMap, `data.KEY` is the `KEY=` literal in the kustomization that generates it. */
function generatorLine(text) {
    const lines = text.split('\n');
    return (p) => {
        const key = p[0] === 'data' && typeof p[1] === 'string' ? p[1] : undefined;
        const at = key ? lines.findIndex((l) => l.includes(`${key}=`)) : -1;
        if (at >= 0)
            return at + 1;
        const gen = lines.findIndex((l) => /^\s*(configMap|secret)Generator:/.test(l));
        return gen >= 0 ? gen + 1 : 1;
    };
}
/**
 * Loads what the user points at: `-` (stdin), a YAML/JSON file, a kustomization directory (rendered with
 * kubectl, unless `rendered` is that overlay's rendering already), or a plain directory (its *.yaml,
 * *.yml and *.json files, not subdirectories: a repo's k8s/ folder usually holds a base and overlays that
 * must not be linted as one set).
 */
async function loadPaths(paths, workspace, rendered, readStdin = async () => fs.readFileSync(0, 'utf8')) {
    const overlay = async (dir) => kustomizedDocs(rendered?.dir === dir ? rendered : await (0, kubectl_1.kustomize)({ bin: 'kubectl' }, dir), workspace);
    const docs = [];
    for (const p of paths) {
        if (p === '-') {
            docs.push(...parseManifests(await readStdin(), undefined, workspace));
            continue;
        }
        const abs = path.resolve(p);
        if (!fs.existsSync(abs))
            throw new errors_1.ActionError(`'${p}' does not exist`, undefined, 'give a manifest file, a directory or a kustomize overlay');
        // A kustomization.yaml named directly means its overlay, not the file's own (non-Kubernetes) object.
        if (kubectl_1.KUSTOMIZATION_FILES.includes(path.basename(abs)))
            docs.push(...(await overlay(path.dirname(abs))));
        else if (fs.statSync(abs).isDirectory()) {
            if ((0, kubectl_1.kustomizationIn)(abs))
                docs.push(...(await overlay(abs)));
            else
                for (const f of fs
                    .readdirSync(abs)
                    .filter((n) => /\.(ya?ml|json)$/i.test(n))
                    .sort()) {
                    const file = path.join(abs, f);
                    docs.push(...parseManifests(fs.readFileSync(file, 'utf8'), file, workspace));
                }
        }
        else
            docs.push(...parseManifests(fs.readFileSync(abs, 'utf8'), abs, workspace));
    }
    return docs;
}


/***/ }),

/***/ 90024:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Manifests = exports.SCALABLE = exports.annotation = exports.namespaceOf = exports.nameOf = exports.kindOf = exports.arr = exports.str = void 0;
exports.get = get;
exports.sameNamespace = sameNamespace;
exports.formatPath = formatPath;
function get(o, ...p) {
    let cur = o;
    for (const seg of p) {
        if (typeof cur !== 'object' || cur === null)
            return undefined;
        cur = cur[seg];
    }
    return cur;
}
const str = (v) => typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
exports.str = str;
const arr = (v) => (Array.isArray(v) ? v : []);
exports.arr = arr;
const dict = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
const kindOf = (o) => String(o.kind ?? '');
exports.kindOf = kindOf;
const nameOf = (o) => String(get(o, 'metadata', 'name') ?? '');
exports.nameOf = nameOf;
const namespaceOf = (o) => (0, exports.str)(get(o, 'metadata', 'namespace'));
exports.namespaceOf = namespaceOf;
const annotation = (o, key) => (0, exports.str)(get(o, 'metadata', 'annotations', key));
exports.annotation = annotation;
/** Objects in files that name no namespace are applied to whatever namespace is current: match any. */
function sameNamespace(a, b) {
    const na = (0, exports.namespaceOf)(a);
    const nb = (0, exports.namespaceOf)(b);
    return na === undefined || nb === undefined || na === nb;
}
/** Kinds that run long-lived pods from a template; `spec.replicas` applies to the first four. */
const TEMPLATED = ['Deployment', 'StatefulSet', 'ReplicaSet', 'Rollout', 'DaemonSet'];
exports.SCALABLE = ['Deployment', 'StatefulSet', 'ReplicaSet', 'Rollout'];
class Manifests {
    docs;
    workloads;
    constructor(docs) {
        this.docs = docs;
        this.workloads = docs.flatMap((doc) => {
            const k = (0, exports.kindOf)(doc.obj);
            if (k === 'Pod')
                return [{ doc, podPath: ['spec'], labels: labelsOf(get(doc.obj, 'metadata', 'labels')) }];
            if (!TEMPLATED.includes(k))
                return [];
            return [
                {
                    doc,
                    podPath: ['spec', 'template', 'spec'],
                    labels: labelsOf(get(doc.obj, 'spec', 'template', 'metadata', 'labels')),
                },
            ];
        });
    }
    ofKind(kind) {
        return this.docs.filter((d) => (0, exports.kindOf)(d.obj) === kind);
    }
    find(kind, name, near) {
        return this.docs.find((d) => (0, exports.kindOf)(d.obj) === kind && (0, exports.nameOf)(d.obj) === name && sameNamespace(d.obj, near));
    }
    /** A workload's annotation, or its pod template's (people put hints in either place). */
    hint(w, key) {
        return ((0, exports.annotation)(w.doc.obj, key) ?? (0, exports.str)(get(w.doc.obj, 'spec', 'template', 'metadata', 'annotations', key)));
    }
    containers(w) {
        return ['initContainers', 'containers'].flatMap((field) => (0, exports.arr)(get(w.doc.obj, ...w.podPath, field))
            .map((spec, i) => ({ workload: w, spec: dict(spec), path: [...w.podPath, field, i] }))
            // Init containers that are not sidecars (restartPolicy: Always) never serve traffic.
            .filter((c) => field === 'containers' || c.spec.restartPolicy === 'Always'));
    }
    /** Workloads whose pods a Service's selector picks. A Service without a selector picks none. */
    selected(service) {
        const selector = labelsOf(get(service.obj, 'spec', 'selector'));
        const keys = Object.keys(selector);
        if (!keys.length)
            return [];
        return this.workloads.filter((w) => sameNamespace(w.doc.obj, service.obj) && keys.every((k) => w.labels[k] === selector[k]));
    }
    servicesOf(w) {
        return this.ofKind('Service').filter((s) => this.selected(s).includes(w));
    }
    /** Every Service backend of an Ingress (default backend and rule paths) with its field path. */
    backends(ingress) {
        const out = [];
        const def = get(ingress.obj, 'spec', 'defaultBackend', 'service');
        if ((0, exports.str)(get(def, 'name')))
            out.push({
                service: (0, exports.str)(get(def, 'name')),
                port: get(def, 'port'),
                path: ['spec', 'defaultBackend', 'service'],
            });
        (0, exports.arr)(get(ingress.obj, 'spec', 'rules')).forEach((rule, r) => (0, exports.arr)(get(rule, 'http', 'paths')).forEach((p, i) => {
            const svc = get(p, 'backend', 'service');
            const name = (0, exports.str)(get(svc, 'name'));
            if (name)
                out.push({
                    service: name,
                    port: get(svc, 'port'),
                    path: ['spec', 'rules', r, 'http', 'paths', i, 'backend', 'service'],
                    host: (0, exports.str)(get(rule, 'host')),
                    rule: r,
                });
        }));
        return out;
    }
    /** Ingresses that send traffic to a workload, through any Service that selects it. */
    ingressesOf(w) {
        const services = this.servicesOf(w).map((s) => (0, exports.nameOf)(s.obj));
        return this.ofKind('Ingress').filter((ing) => sameNamespace(ing.obj, w.doc.obj) && this.backends(ing).some((b) => services.includes(b.service)));
    }
    /**
     * The container's environment as the kubelet builds it: envFrom in order, then env (which wins). Also
     * returns the envFrom sources that are not among the manifests, whose variables are unknown.
     */
    env(c) {
        const vars = new Map();
        const unseen = [];
        const near = c.workload.doc.obj;
        (0, exports.arr)(c.spec.envFrom).forEach((src, i) => {
            const via = [...c.path, 'envFrom', i];
            const prefix = (0, exports.str)(get(src, 'prefix')) ?? '';
            for (const [kind, ref] of [
                ['ConfigMap', 'configMapRef'],
                ['Secret', 'secretRef'],
            ]) {
                const name = (0, exports.str)(get(src, ref, 'name'));
                if (!name)
                    continue;
                const doc = this.find(kind, name, near);
                if (!doc) {
                    if (get(src, ref, 'optional') !== true)
                        unseen.push(`${kind}/${name}`);
                    continue;
                }
                for (const field of kind === 'ConfigMap' ? ['data'] : ['data', 'stringData'])
                    for (const [k, v] of Object.entries(dict(get(doc.obj, field))))
                        vars.set(prefix + k, {
                            name: prefix + k,
                            // Secret values are never read: a finding must not print one.
                            value: kind === 'ConfigMap' ? (0, exports.str)(v) : undefined,
                            doc,
                            path: [field, k],
                            via,
                        });
            }
        });
        (0, exports.arr)(c.spec.env).forEach((e, i) => {
            const name = (0, exports.str)(get(e, 'name'));
            if (!name)
                return;
            const via = [...c.path, 'env', i];
            const base = { name, doc: c.workload.doc, via };
            const value = (0, exports.str)(get(e, 'value'));
            const cmRef = get(e, 'valueFrom', 'configMapKeyRef');
            if (value !== undefined)
                vars.set(name, { ...base, value, path: [...via, 'value'] });
            else if (cmRef) {
                const cm = this.find('ConfigMap', (0, exports.str)(get(cmRef, 'name')) ?? '', near);
                const key = (0, exports.str)(get(cmRef, 'key')) ?? '';
                const v = (0, exports.str)(get(cm?.obj, 'data', key));
                vars.set(name, cm && v !== undefined
                    ? { ...base, value: v, doc: cm, path: ['data', key] }
                    : { ...base, path: via });
            }
            else
                vars.set(name, { ...base, path: via });
        });
        return { vars, unseen };
    }
    /** `--flag value` and `--flag=value` pairs of command and args (servers are started either way). */
    flags(c) {
        const out = [];
        for (const field of ['command', 'args']) {
            const items = (0, exports.arr)(c.spec[field]).map((a) => (0, exports.str)(a) ?? '');
            items.forEach((a, i) => {
                const m = /^(--?[\w-]+)(?:=(.*))?$/.exec(a);
                if (!m)
                    return;
                if (m[2] !== undefined)
                    out.push({ flag: m[1], value: m[2], path: [...c.path, field, i] });
                else if (i + 1 < items.length && !items[i + 1].startsWith('-'))
                    out.push({ flag: m[1], value: items[i + 1], path: [...c.path, field, i + 1] });
            });
        }
        return out;
    }
}
exports.Manifests = Manifests;
function labelsOf(v) {
    const out = {};
    for (const [k, val] of Object.entries(dict(v)))
        if ((0, exports.str)(val) !== undefined)
            out[k] = (0, exports.str)(val);
    return out;
}
/** spec.template.spec.containers[0].env[2], metadata.annotations["nginx.ingress.kubernetes.io/affinity"] */
function formatPath(p) {
    return p
        .map((s, i) => typeof s === 'number'
        ? `[${s}]`
        : !/^[\w-]+$/.test(s)
            ? `[${JSON.stringify(s)}]`
            : i === 0
                ? s
                : `.${s}`)
        .join('');
}


/***/ }),

/***/ 70834:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RULES = void 0;
exports.lintObjects = lintObjects;
const inputs_1 = __webpack_require__(49901);
const model_1 = __webpack_require__(90024);
const types_1 = __webpack_require__(4484);
exports.RULES = {
    MCP001: {
        name: 'stateful-replicas',
        severity: 'error',
        what: 'more than one replica with in-memory sessions and no session affinity',
    },
    MCP002: {
        name: 'probe-on-mcp-path',
        severity: 'error',
        what: 'a liveness, readiness or startup probe on the MCP endpoint',
    },
    MCP003: {
        name: 'loopback-bind',
        severity: 'error',
        what: 'the server told to listen on 127.0.0.1, localhost or ::1',
    },
    MCP004: {
        name: 'ingress-host-not-allowed',
        severity: 'error',
        what: "an Ingress host the server's Host-header allow-list rejects",
    },
    MCP005: { name: 'ingress-buffering', severity: 'error', what: 'ingress-nginx buffering the SSE stream' },
    MCP006: {
        name: 'ingress-read-timeout',
        severity: 'warning',
        what: 'ingress-nginx read timeout shorter than a quiet SSE stream',
    },
    MCP007: {
        name: 'port-mismatch',
        severity: 'error',
        what: 'a Service or Ingress port that matches no port behind it',
    },
};
const NGINX = 'nginx.ingress.kubernetes.io/';
/** ingress-nginx's own default for proxy-read-timeout, in seconds. */
const NGINX_DEFAULT_READ_TIMEOUT = 60;
const PROBES = {
    livenessProbe: 'the kubelet restarts healthy pods over and over',
    readinessProbe: 'pods never become Ready, the Service has no endpoints and clients get 503',
    startupProbe: 'the container is killed before it ever serves a request',
};
class Collector {
    findings = [];
    /** `about` is the object the finding names; `at` is where the user fixes it (default: the same place). */
    add(rule, about, message, fix, at = about, severity) {
        const ignored = [about.doc, at.doc].flatMap((d) => ((0, model_1.annotation)(d.obj, types_1.ANNOTATION.ignore) ?? '').split(/[\s,]+/));
        if (ignored.includes(rule) || ignored.includes(exports.RULES[rule].name))
            return;
        this.findings.push({
            rule,
            name: exports.RULES[rule].name,
            severity: severity ?? exports.RULES[rule].severity,
            object: `${(0, model_1.kindOf)(about.doc.obj)}/${(0, model_1.nameOf)(about.doc.obj)}`,
            namespace: (0, model_1.namespaceOf)(about.doc.obj),
            path: (0, model_1.formatPath)(about.path),
            message,
            fix,
            file: at.doc.file,
            line: at.doc.lineOf(at.path),
        });
    }
}
/** Pure: the findings for a set of parsed objects. */
function lintObjects(docs, opts) {
    const m = new model_1.Manifests(docs);
    const c = new Collector();
    statefulReplicas(m, opts, c);
    probesOnMcpPath(m, opts, c);
    loopbackBind(m, c);
    ingressHosts(m, c);
    ingressStreaming(m, opts, c);
    ports(m, c);
    return c.findings;
}
const ref = (d) => `${(0, model_1.kindOf)(d.obj)}/${(0, model_1.nameOf)(d.obj)}`;
const num = (v) => (typeof v === 'number' ? v : undefined);
/** ingress-nginx, by IngressClass controller when the manifests define the class, else by class name. */
function isIngressNginx(m, ing) {
    const cls = (0, model_1.str)((0, model_1.get)(ing.obj, 'spec', 'ingressClassName')) ?? (0, model_1.annotation)(ing.obj, 'kubernetes.io/ingress.class');
    if (!cls)
        return false;
    const def = m.docs.find((d) => (0, model_1.kindOf)(d.obj) === 'IngressClass' && (0, model_1.nameOf)(d.obj) === cls);
    return def ? (0, model_1.get)(def.obj, 'spec', 'controller') === 'k8s.io/ingress-nginx' : /nginx/.test(cls);
}
function statefulReplicas(m, opts, c) {
    for (const w of m.workloads) {
        const kind = (0, model_1.kindOf)(w.doc.obj);
        if (!model_1.SCALABLE.includes(kind))
            continue;
        if ((m.hint(w, types_1.ANNOTATION.sessions) ?? opts.sessions) === 'stateless')
            continue;
        const hpa = m
            .ofKind('HorizontalPodAutoscaler')
            .find((h) => (0, model_1.get)(h.obj, 'spec', 'scaleTargetRef', 'kind') === kind &&
            (0, model_1.get)(h.obj, 'spec', 'scaleTargetRef', 'name') === (0, model_1.nameOf)(w.doc.obj) &&
            (0, model_1.sameNamespace)(h.obj, w.doc.obj));
        const count = hpa
            ? num((0, model_1.get)(hpa.obj, 'spec', 'maxReplicas'))
            : (num((0, model_1.get)(w.doc.obj, 'spec', 'replicas')) ?? 1);
        if (count === undefined || count <= 1)
            continue;
        const scale = hpa
            ? {
                text: `${ref(hpa)} scales ${ref(w.doc)} up to ${count} replicas`,
                at: { doc: hpa, path: ['spec', 'maxReplicas'] },
            }
            : { text: `${ref(w.doc)} runs ${count} replicas`, at: { doc: w.doc, path: ['spec', 'replicas'] } };
        const clientIp = m.servicesOf(w).some((s) => (0, model_1.get)(s.obj, 'spec', 'sessionAffinity') === 'ClientIP');
        const ingresses = m.ingressesOf(w);
        const cookie = (i) => (0, model_1.annotation)(i.obj, `${NGINX}affinity`) === 'cookie';
        if (!clientIp && !ingresses.some(cookie)) {
            c.add('MCP001', scale.at, `${scale.text} while the MCP server keeps sessions in memory, and nothing pins a client to one pod: ` +
                'the requests of one session land on different pods, which answer "session not found" (404), and ' +
                'clients must start over.', `make the server stateless and say so (annotation ${types_1.ANNOTATION.sessions}: stateless, or mcp-sessions: ` +
                'stateless), or add session affinity (Service spec.sessionAffinity: ClientIP; behind ingress-nginx ' +
                `${NGINX}affinity: cookie with affinity-mode: persistent), or run one replica`);
            continue;
        }
        for (const ing of ingresses.filter((i) => isIngressNginx(m, i))) {
            const at = { doc: ing, path: ['metadata', 'annotations'] };
            if (!cookie(ing))
                c.add('MCP001', at, `${scale.text} with in-memory MCP sessions, and ingress-nginx sends requests ` +
                    "straight to pod endpoints, so the Service's sessionAffinity does not apply to them: requests of one " +
                    'session land on different pods, which answer "session not found".', `add ${NGINX}affinity: cookie and ${NGINX}affinity-mode: persistent to ${ref(ing)}`);
            else if ((0, model_1.annotation)(ing.obj, `${NGINX}affinity-mode`) !== 'persistent')
                c.add('MCP001', { doc: ing, path: ['metadata', 'annotations', `${NGINX}affinity-mode`] }, 'cookie affinity in the default "balanced" mode moves some clients to new pods when the workload ' +
                    'scales up: their in-memory MCP sessions are gone there ("session not found").', `set ${NGINX}affinity-mode: persistent`, undefined, 'warning');
        }
    }
}
/** /mcp matches /mcp, /mcp/ and /mcp/anything (and a query), not /mcpx. */
function onPath(probePath, mcpPath) {
    const norm = (p) => p.split('?')[0].replace(/\/+$/, '') || '/';
    const p = norm(probePath);
    const base = norm(mcpPath);
    return p === base || (base !== '/' && p.startsWith(`${base}/`));
}
function probesOnMcpPath(m, opts, c) {
    for (const w of m.workloads) {
        const mcpPath = m.hint(w, types_1.ANNOTATION.mcpPath) ?? opts.mcpPath;
        for (const ctr of m.containers(w))
            for (const [probe, effect] of Object.entries(PROBES)) {
                const p = (0, model_1.str)((0, model_1.get)(ctr.spec, probe, 'httpGet', 'path'));
                if (p === undefined || !onPath(p, mcpPath))
                    continue;
                c.add('MCP002', { doc: w.doc, path: [...ctr.path, probe, 'httpGet', 'path'] }, `the ${probe} GETs ${p}, the MCP endpoint (${mcpPath}), which is not a health check: without an ` +
                    'initialized session and an Accept: text/event-stream header the server answers 4xx, or it opens an ' +
                    `SSE stream that never completes and the probe times out; so ${effect}.`, 'probe a health endpoint that needs no MCP session (httpGet /health, as templates/k8s does) or use a ' +
                    'tcpSocket probe on the port');
            }
    }
}
const LOOPBACK = /^(?:[a-z][\w+.-]*:\/\/)?(?:127(?:\.\d{1,3}){3}|localhost|::1|\[::1\]|0:0:0:0:0:0:0:1)(?::\d+)?\/?$/i;
/** Names that configure where *this* server listens, not where it connects (REDIS_HOST=localhost is fine). */
function isBindVar(name) {
    const n = name.toUpperCase();
    return (/(^|_)(BIND|LISTEN)(_|$)/.test(n) ||
        /^(HOST|ADDR|ADDRESS)$/.test(n) ||
        (/_(HOST|ADDR|ADDRESS)$/.test(n) && /(^|_)(MCP|SERVER|HTTP|APP|WEB)(_|$)/.test(n)));
}
const BIND_FLAG = /^--?(host|bind|listen|addr|address|bind-addr(ess)?|listen-addr(ess)?|http-host)$/;
function loopbackBind(m, c) {
    const message = (what) => `${what} makes the server listen on the loopback interface of the pod: probes, the Service and the ` +
        'Ingress connect to the pod IP and get "connection refused", so no MCP client can reach it.';
    const fix = 'bind 0.0.0.0 (or [::] for IPv6) in the container; keep 127.0.0.1 for local runs only';
    for (const w of m.workloads)
        for (const ctr of m.containers(w)) {
            for (const v of m.env(ctr).vars.values())
                if (isBindVar(v.name) && v.value !== undefined && LOOPBACK.test(v.value.trim()))
                    c.add('MCP003', { doc: w.doc, path: v.via }, message(`${v.name}=${v.value}${from(v)}`), fix, v);
            for (const f of m.flags(ctr))
                if (BIND_FLAG.test(f.flag) && LOOPBACK.test(f.value.trim()))
                    c.add('MCP003', { doc: w.doc, path: f.path }, message(`${f.flag} ${f.value}`), fix);
        }
}
const from = (v) => (v.doc.obj.kind === 'ConfigMap' ? ` (from ConfigMap/${(0, model_1.nameOf)(v.doc.obj)})` : '');
/** Entries of an allow-list: `*`, exact hosts, `*.example.com` and `.example.com` (Django style). */
function hostAllowed(host, list) {
    const h = host.toLowerCase();
    return list
        .split(/[\s,;]+/)
        .map((e) => e
        .trim()
        .toLowerCase()
        .replace(/^[a-z][\w+.-]*:\/\//, '')
        .replace(/:\d+$/, ''))
        .filter(Boolean)
        .some((e) => {
        if (e === '*' || e === h)
            return true;
        const suffix = e.startsWith('*.') ? e.slice(1) : e.startsWith('.') ? e : undefined;
        return suffix !== undefined && (h.endsWith(suffix) || h === suffix.slice(1));
    });
}
function allowListOf(m, ctr) {
    const { vars, unseen } = m.env(ctr);
    const evidence = [...vars.values()]
        .filter((v) => /ALLOWED_HOST/i.test(v.name))
        .map((v) => ({
        text: `${v.name}${v.value === undefined ? '' : `=${v.value}`}${from(v)}`,
        value: v.value,
        at: v,
    }));
    const flags = m.flags(ctr).filter((f) => /^--allowed-hosts?$/.test(f.flag));
    for (const f of flags)
        evidence.push({
            text: `${f.flag} ${f.value}`,
            value: f.value,
            at: { doc: ctr.workload.doc, path: f.path },
        });
    return { evidence, unseen };
}
function ingressHosts(m, c) {
    for (const ing of m.ofKind('Ingress')) {
        if ((0, model_1.annotation)(ing.obj, types_1.ANNOTATION.hostCheck) === 'disabled')
            continue;
        const seen = new Set();
        for (const b of m.backends(ing)) {
            // A rule without a host takes any Host header: which one clients send cannot be known here.
            if (!b.host)
                continue;
            const svc = m.find('Service', b.service, ing.obj);
            for (const w of svc ? m.selected(svc) : []) {
                const key = `${b.host} ${ref(w.doc)}`;
                if (seen.has(key) || m.hint(w, types_1.ANNOTATION.hostCheck) === 'disabled')
                    continue;
                seen.add(key);
                checkHost(m, c, ing, b.rule, b.host, w);
            }
        }
    }
}
function checkHost(m, c, ing, rule, host, w) {
    const lists = m.containers(w).map((ctr) => allowListOf(m, ctr));
    const evidence = lists.flatMap((l) => l.evidence);
    const unseen = lists.flatMap((l) => l.unseen);
    const hostAt = { doc: ing, path: ['spec', 'rules', rule, 'host'] };
    const why = 'The Rust MCP SDK checks the Host header against an allow-list (DNS-rebinding protection) that by default ' +
        `holds only loopback names, so every request through ${ref(ing)} gets 403 Forbidden.`;
    const fix = `add ${host} to the server's allowed hosts (env MCP_ALLOWED_HOSTS or --allowed-hosts on ${ref(w.doc)}), or, if the server does not check Host, annotate ${ref(ing)} or ${ref(w.doc)} with ${types_1.ANNOTATION.hostCheck}: disabled`;
    if (!evidence.length) {
        c.add('MCP004', hostAt, `host ${host} routes to ${ref(w.doc)}, which names no allowed hosts. ${why}` +
            (unseen.length ? ` (${unseen.join(', ')} is not among the manifests and may set them.)` : ''), fix, hostAt, unseen.length ? 'warning' : undefined);
        return;
    }
    // A value that cannot be read here (from a Secret) gets the benefit of the doubt.
    if (evidence.some((e) => e.value === undefined || hostAllowed(host, e.value)))
        return;
    c.add('MCP004', hostAt, `host ${host} routes to ${ref(w.doc)}, whose ${evidence.map((e) => e.text).join(' and ')} does not include it. ${why}`, fix, evidence[0].at);
}
function ingressStreaming(m, opts, c) {
    const min = opts.minReadTimeoutSeconds ?? 300;
    for (const ing of m.ofKind('Ingress').filter((i) => isIngressNginx(m, i))) {
        const key = (k) => ['metadata', 'annotations', `${NGINX}${k}`];
        const snippet = (0, model_1.annotation)(ing.obj, `${NGINX}configuration-snippet`) ?? '';
        const buffering = (0, model_1.annotation)(ing.obj, `${NGINX}proxy-buffering`);
        if (buffering !== 'off' && !/proxy_buffering\s+off/.test(snippet))
            c.add('MCP005', { doc: ing, path: key('proxy-buffering') }, `ingress-nginx buffers responses${buffering ? ` (proxy-buffering: ${buffering})` : ' by default'}: the SSE ` +
                'events of a Streamable HTTP response are held back until a buffer fills or the stream ends, so MCP ' +
                'clients get progress, notifications and even results late, or time out.', `set ${NGINX}proxy-buffering: "off"`);
        const raw = (0, model_1.annotation)(ing.obj, `${NGINX}proxy-read-timeout`);
        const seconds = raw === undefined ? NGINX_DEFAULT_READ_TIMEOUT : (0, inputs_1.parseDuration)(raw);
        if (seconds === undefined || seconds < min)
            c.add('MCP006', { doc: ing, path: key('proxy-read-timeout') }, `proxy-read-timeout is ${raw === undefined ? `${NGINX_DEFAULT_READ_TIMEOUT} s (the ingress-nginx default)` : `"${raw}"`}: ` +
                'nginx closes a stream that sends nothing for that long. An SSE stream is quiet while a tool runs, and ' +
                `this lint assumes the server's SSE keep-alive may be off or slower, so it asks for at least ${min} s; ` +
                'a closed stream loses the response and the client sees the call fail.', `set ${NGINX}proxy-read-timeout: "3600" (and proxy-send-timeout to match)`);
    }
}
function ports(m, c) {
    for (const svc of m.ofKind('Service')) {
        const pods = m.selected(svc);
        if (!pods.length)
            continue;
        const declared = pods.flatMap((w) => m
            .containers(w)
            .flatMap((ctr) => (0, model_1.arr)(ctr.spec.ports).map((p) => ({ num: (0, model_1.get)(p, 'containerPort'), name: (0, model_1.get)(p, 'name') }))));
        (0, model_1.arr)((0, model_1.get)(svc.obj, 'spec', 'ports')).forEach((p, i) => {
            const target = (0, model_1.get)(p, 'targetPort') ?? (0, model_1.get)(p, 'port');
            const field = (0, model_1.get)(p, 'targetPort') === undefined ? 'port' : 'targetPort';
            const byName = typeof target === 'string' && !/^\d+$/.test(target);
            // A numeric targetPort reaches an undeclared port too; only a declared port elsewhere shows a mistake.
            if (!byName && !declared.some((d) => d.num !== undefined))
                return;
            const ok = byName
                ? declared.some((d) => d.name === target)
                : declared.some((d) => Number(d.num) === Number(target));
            if (ok)
                return;
            const list = declared.map((d) => `${d.num}${d.name ? ` (${d.name})` : ''}`).join(', ') || 'none';
            c.add('MCP007', { doc: svc, path: ['spec', 'ports', i, field] }, `${field} ${target} matches no ${byName ? 'named ' : ''}container port of ${pods.map((w) => ref(w.doc)).join(', ')} ` +
                `(declared: ${list}): ${byName ? 'the Service gets no endpoints' : 'connections are refused'}, and MCP ` +
                'clients get 502/503 from the Ingress.', `point targetPort at the port the server listens on (${list})`);
        });
    }
    for (const ing of m.ofKind('Ingress'))
        for (const b of m.backends(ing)) {
            const svc = m.find('Service', b.service, ing.obj);
            if (!svc)
                continue;
            const svcPorts = (0, model_1.arr)((0, model_1.get)(svc.obj, 'spec', 'ports'));
            const wantNum = (0, model_1.get)(b.port, 'number');
            const wantName = (0, model_1.get)(b.port, 'name');
            const ok = wantNum !== undefined
                ? svcPorts.some((p) => (0, model_1.get)(p, 'port') === wantNum)
                : wantName === undefined || svcPorts.some((p) => (0, model_1.get)(p, 'name') === wantName);
            if (ok)
                continue;
            const list = svcPorts
                .map((p) => `${(0, model_1.get)(p, 'port')}${(0, model_1.get)(p, 'name') ? ` (${(0, model_1.get)(p, 'name')})` : ''}`)
                .join(', ');
            c.add('MCP007', { doc: ing, path: [...b.path, 'port'] }, `the backend port ${String(wantNum ?? wantName)} is not a port of ${ref(svc)} (${list || 'none'}): ` +
                'the Ingress has no upstream and MCP clients get 503.', `use one of ${ref(svc)}'s ports: ${list}`);
        }
}


/***/ }),

/***/ 4484:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ANNOTATION = void 0;
/** Annotations this linter reads. One namespace, documented in src/lint/README.md. */
exports.ANNOTATION = {
    sessions: 'mcp-deploy.dev/sessions',
    mcpPath: 'mcp-deploy.dev/mcp-path',
    hostCheck: 'mcp-deploy.dev/host-check',
    ignore: 'mcp-deploy.dev/ignore',
};


/***/ }),

/***/ 17163:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.retryable = exports.builderExists = exports.buildxInspectArgv = void 0;
exports.loginArgv = loginArgv;
exports.binfmtArgv = binfmtArgv;
exports.buildkitdInsecureConfig = buildkitdInsecureConfig;
exports.createBuilderArgv = createBuilderArgv;
exports.definitionArgs = definitionArgs;
exports.buildxBuildArgv = buildxBuildArgv;
exports.imagetoolsCreateArgv = imagetoolsCreateArgv;
exports.imagetoolsInspectArgv = imagetoolsInspectArgv;
exports.parseMetadata = parseMetadata;
exports.parseInspectManifest = parseInspectManifest;
exports.platformsOf = platformsOf;
exports.parseBuildxInspect = parseBuildxInspect;
exports.pushedManifestDigests = pushedManifestDigests;
exports.inspectedDigest = inspectedDigest;
exports.classifyRegistryFailure = classifyRegistryFailure;
exports.classifyDockerFailure = classifyDockerFailure;
exports.logout = logout;
const exec_1 = __webpack_require__(73190);
/**
 * docker, buildx and imagetools: the argv of every call mcp-deploy makes, readers of what they print, and
 * what a failed call means. Secrets never reach an argv: the password goes on stdin, build secrets through
 * the environment variables named in `--secret id=...,env=...`.
 */
// ---- argv ----
function loginArgv(registry, username) {
    return ['docker', 'login', registry, '--username', username, '--password-stdin'];
}
const logoutArgv = (registry) => ['docker', 'logout', registry];
/** Registers QEMU handlers for these architectures (tonistiigi/binfmt, the image docker/setup-qemu-action runs). */
function binfmtArgv(archs) {
    return ['docker', 'run', '--privileged', '--rm', 'tonistiigi/binfmt', '--install', archs.join(',')];
}
const buildxInspectArgv = () => ['docker', 'buildx', 'inspect'];
exports.buildxInspectArgv = buildxInspectArgv;
/** buildkitd in a container does not know that a loopback registry is plain HTTP unless told. */
function buildkitdInsecureConfig(registry) {
    return `[registry."${registry}"]\n  http = true\n  insecure = true\n`;
}
function createBuilderArgv(name, configFile) {
    return [
        'docker',
        'buildx',
        'create',
        '--name',
        name,
        '--driver',
        'docker-container',
        ...(configFile ? ['--config', configFile] : []),
        '--bootstrap',
    ];
}
function definitionArgs(b) {
    return [
        '--platform',
        b.platforms.join(','),
        '--file',
        b.file,
        ...(b.target ? ['--target', b.target] : []),
        ...b.buildArgs.flatMap((a) => ['--build-arg', a]),
        ...b.secrets.flatMap((s) => ['--secret', `id=${s.id},env=${s.env}`]),
        ...Object.entries(b.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    ];
}
function cacheArgs(c) {
    if (c.type === 'gha')
        return ['--cache-from', `type=gha,scope=${c.scope}`, '--cache-to', `type=gha,mode=max,scope=${c.scope}`];
    if (c.type === 'registry')
        return [
            '--cache-from',
            `type=registry,ref=${c.ref}`,
            '--cache-to',
            `type=registry,ref=${c.ref},mode=max`,
        ];
    return [];
}
function outputArgs(o) {
    if ('byDigest' in o)
        return [
            '--output',
            `type=image,name=${o.byDigest},push-by-digest=true,name-canonical=true,push=true${o.insecure ? ',registry.insecure=true' : ''}`,
        ];
    const tags = o.tags.flatMap((r) => ['--tag', r]);
    if (!o.push)
        return tags;
    if (o.insecure)
        return [...tags, '--output', 'type=image,push=true,registry.insecure=true'];
    return [...tags, '--push'];
}
function buildxBuildArgv(b) {
    return [
        'docker',
        'buildx',
        'build',
        ...(b.builder ? ['--builder', b.builder] : []),
        ...definitionArgs(b),
        ...outputArgs(b.output),
        `--provenance=${b.provenance}`,
        `--sbom=${b.sbom}`,
        ...cacheArgs(b.cache),
        '--metadata-file',
        b.metadataFile,
        b.context,
    ];
}
/** Joins manifests (`repo@sha256:...`) into one index under every tag. */
function imagetoolsCreateArgv(tags, sources) {
    return ['docker', 'buildx', 'imagetools', 'create', ...tags.flatMap((r) => ['--tag', r]), ...sources];
}
/** `format` is a Go template over the inspected image: `{{json .Manifest}}`, `{{json .Provenance}}`. */
function imagetoolsInspectArgv(ref, format) {
    return ['docker', 'buildx', 'imagetools', 'inspect', ref, ...(format ? ['--format', format] : [])];
}
const DIGEST = /^sha256:[a-f0-9]{64}$/;
/** buildx's `--metadata-file`: where the pushed digest comes from. */
function parseMetadata(json) {
    const raw = JSON.parse(json);
    const desc = raw['containerimage.descriptor'];
    const digest = raw['containerimage.digest'] ?? desc?.digest;
    const name = raw['image.name'];
    return {
        digest: typeof digest === 'string' && DIGEST.test(digest) ? digest : undefined,
        mediaType: desc?.mediaType,
        names: typeof name === 'string' && name ? name.split(',') : [],
        raw,
    };
}
/** `docker buildx imagetools inspect REF --format '{{json .Manifest}}'`. */
function parseInspectManifest(json) {
    const m = JSON.parse(json);
    if (!m.digest || !DIGEST.test(m.digest))
        throw new Error(`no digest in imagetools output: ${json.slice(0, 200)}`);
    return { digest: m.digest, platforms: platformsOf(m.manifests ?? []) };
}
/** Platforms of an index's manifests, leaving out attestation manifests (unknown/unknown). */
function platformsOf(manifests) {
    return manifests
        .map((m) => m.platform)
        .filter((p) => !!p?.os && p.os !== 'unknown')
        .map((p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/'));
}
/** `docker buildx inspect`: the driver and the platforms the builder can run. */
function parseBuildxInspect(text) {
    const driver = /^Driver:\s*(\S+)/m.exec(text)?.[1];
    const platforms = [...text.matchAll(/^Platforms:\s*(.+)$/gm)].flatMap((m) => m[1].split(',').map((p) => p.trim().replace(/\*$/, '')));
    return { driver, platforms: [...new Set(platforms.filter(Boolean))] };
}
/** `buildx create` of a name a self-hosted runner kept from an earlier job. */
const builderExists = (r) => /existing instance/i.test(r.stderr);
exports.builderExists = builderExists;
/** Digests buildx reports having pushed a manifest for (`pushing manifest for <ref>@sha256:...`). */
function pushedManifestDigests(output) {
    return [
        ...new Set([...output.matchAll(/pushing manifest for \S+@(sha256:[0-9a-f]{64})/g)].map((m) => m[1])),
    ];
}
/** The `Digest:` line of `docker buildx imagetools inspect <ref>`. */
function inspectedDigest(output) {
    return /^Digest:\s*(sha256:[0-9a-f]{64})/m.exec(output)?.[1];
}
const AUTH = /\b401\b|\b403\b|unauthorized|authentication required|access.{0,10}denied|denied:|no basic auth credentials|incorrect username or password|insufficient_scope/i;
const UNREACHABLE = /connection refused|temporary failure/i;
const TIMEOUT = /i\/o timeout|tls handshake timeout|context deadline exceeded|Client\.Timeout exceeded/i;
const TRANSIENT = /\b(500|502|503|504)\b|internal server error|bad gateway|service unavailable|gateway timeout|connection reset|broken pipe|unexpected EOF|\bEOF\b|too many requests|\b429\b/i;
const NOT_FOUND = /manifest unknown|not found/i;
/** Order matters: an answer that names credentials is never retried, whatever else it says. */
function classifyRegistryFailure(output) {
    if (AUTH.test(output))
        return 'auth';
    if (UNREACHABLE.test(output))
        return 'unreachable';
    if (TIMEOUT.test(output))
        return 'timeout';
    if (TRANSIENT.test(output))
        return 'transient';
    if (NOT_FOUND.test(output))
        return 'not-found';
    return 'other';
}
const retryable = (f) => f === 'unreachable' || f === 'timeout' || f === 'transient';
exports.retryable = retryable;
const DOCKER_DRIVER = /(multi-platform build|attestation) is not supported for the docker driver|does not currently support exporting manifest lists/i;
function classifyDockerFailure(r) {
    if (DOCKER_DRIVER.test(r.stderr))
        return 'docker-driver';
    if (r.timedOut)
        return 'timeout';
    if (/exec format error/.test(r.stderr))
        return 'exec-format';
    return classifyRegistryFailure(`${r.stderr}\n${r.stdout}`);
}
// ---- calls ----
/** Forgets the registry's credentials in this docker config (the runner's own when `config` is not given). */
function logout(registry, config) {
    return (0, exec_1.exec)(logoutArgv(registry), { env: config ? { DOCKER_CONFIG: config } : undefined });
}


/***/ }),

/***/ 9481:
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
exports.ORIGIN_ANNOTATION = exports.KUSTOMIZATION_FILES = exports.kc = void 0;
exports.kubectlBase = kubectlBase;
exports.kustomizationIn = kustomizationIn;
exports.kustomize = kustomize;
exports.withoutOrigins = withoutOrigins;
exports.classifyKubectl = classifyKubectl;
exports.connectionLoss = connectionLoss;
exports.selectorString = selectorString;
exports.parseDeployment = parseDeployment;
exports.parsePods = parsePods;
exports.containerProblems = containerProblems;
exports.stuckContainers = stuckContainers;
exports.parseEvents = parseEvents;
exports.parseRolloutStatus = parseRolloutStatus;
exports.failureReasons = failureReasons;
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const yaml_1 = __webpack_require__(38815);
const cleanup_1 = __webpack_require__(72691);
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
function kubectlBase(k) {
    return [
        k.bin,
        ...(k.kubeconfigPath ? ['--kubeconfig', k.kubeconfigPath] : []),
        ...(k.context ? ['--context', k.context] : []),
    ];
}
const ns = (namespace) => (namespace ? ['--namespace', namespace] : []);
/** Every kubectl call the project makes, as argv. Runs use these, `plan` prints them. */
exports.kc = {
    serverVersion: (k) => [...kubectlBase(k), 'get', '--raw', '/version', '--request-timeout=15s'],
    namespace: (k, namespace) => [
        ...kubectlBase(k),
        'get',
        'namespace',
        namespace,
        '--output=name',
        '--request-timeout=15s',
    ],
    getDeployment: (k, namespace, name) => [
        ...kubectlBase(k),
        ...ns(namespace),
        'get',
        'deployment',
        name,
        '--output=json',
        '--ignore-not-found',
    ],
    annotate: (k, namespace, name, cause) => [
        ...kubectlBase(k),
        ...ns(namespace),
        'annotate',
        `deployment/${name}`,
        `kubernetes.io/change-cause=${cause}`,
        '--overwrite',
    ],
    setImage: (k, namespace, name, container, ref) => [
        ...kubectlBase(k),
        ...ns(namespace),
        'set',
        'image',
        `deployment/${name}`,
        `${container}=${ref}`,
    ],
    /** Rendered to a file, not read from stdout: everything exec captures is redacted of secrets. */
    kustomize: (k, dir, out) => [
        k.bin,
        'kustomize',
        dir,
        `--output=${out}`,
    ],
    /** The rendered manifests go in on stdin: they may hold generated Secrets, so they never touch disk. */
    apply: (k, namespace) => [
        ...kubectlBase(k),
        ...ns(namespace),
        'apply',
        '--filename=-',
        '--validate=false',
    ],
    /** Without `timeoutS`, kubectl waits as long as the rollout takes (a command for a person to run). */
    rolloutStatus: (k, namespace, name, timeoutS) => [
        ...kubectlBase(k),
        ...ns(namespace),
        'rollout',
        'status',
        `deployment/${name}`,
        ...(timeoutS !== undefined ? [`--timeout=${timeoutS}s`] : []),
    ],
    undo: (k, namespace, name, toRevision) => [
        ...kubectlBase(k),
        ...ns(namespace),
        'rollout',
        'undo',
        `deployment/${name}`,
        ...(toRevision ? [`--to-revision=${toRevision}`] : []),
    ],
    pods: (k, namespace, selector) => [
        ...kubectlBase(k),
        ...ns(namespace),
        'get',
        'pods',
        `--selector=${selector}`,
        '--output=json',
    ],
    events: (k, namespace) => [
        ...kubectlBase(k),
        ...ns(namespace),
        'get',
        'events',
        '--output=json',
    ],
    logs: (k, namespace, pod, container, previous) => [
        ...kubectlBase(k),
        ...ns(namespace),
        'logs',
        pod,
        `--container=${container}`,
        '--tail=40',
        ...(previous ? ['--previous'] : []),
    ],
};
/** The file names kustomize takes as a directory's kustomization, in its order. */
exports.KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** The kustomization file of `dir`, if it is a kustomize overlay. */
function kustomizationIn(dir) {
    return exports.KUSTOMIZATION_FILES.find((f) => fs.existsSync(path.join(dir, f)));
}
/** The annotation kustomize records an object's source file in, when asked to. */
exports.ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
/**
 * Renders an overlay, once per deploy: the lint reads this rendering and the deploy applies it. The lint
 * maps every object back to the file it came from; kustomize records that only when asked
 * (`buildMetadata: [originAnnotations]`), and the user's kustomization is not ours to edit, so a
 * throw-away kustomization in a private temp dir includes theirs and asks for it. The rendering goes to
 * a file there, not through stdout: everything exec captures is redacted of secrets, and generated
 * Secrets may be in it. `withoutOrigins` takes the annotations out again before anything is applied.
 */
async function kustomize(k, dir) {
    const root = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'mcp-deploy-render-'));
    (0, cleanup_1.addCleanup)({ kind: 'remove', path: root });
    try {
        // Kustomize refuses absolute resource paths, hence the relative one.
        const rel = path.relative(root, dir).split(path.sep).join('/');
        fs.writeFileSync(path.join(root, 'kustomization.yaml'), `resources:\n  - ${JSON.stringify(rel)}\nbuildMetadata: [originAnnotations]\n`);
        log_1.log.info(`rendering ${dir} with kubectl kustomize`);
        const out = path.join(root, 'rendered.yaml');
        const r = await (0, exec_1.exec)(exports.kc.kustomize(k, root, out), { timeoutMs: 120_000, echo: false });
        if (r.exitCode !== 0)
            throw new errors_1.ActionError(`kubectl kustomize ${dir} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`, undefined, 'render the overlay with `kubectl kustomize` yourself and fix what it reports');
        return { dir, text: fs.readFileSync(out, 'utf8'), root };
    }
    finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
}
/** The rendering as `kubectl kustomize <overlay>` prints it: without the origin annotations it asked for. */
function withoutOrigins(r) {
    const annotations = ['metadata', 'annotations'];
    return (0, yaml_1.parseAllDocuments)(r.text)
        .map((doc) => {
        doc.deleteIn([...annotations, exports.ORIGIN_ANNOTATION]);
        const left = doc.getIn(annotations);
        if ((0, yaml_1.isMap)(left) && !left.items.length)
            doc.deleteIn(annotations);
        return doc.toString();
    })
        .join('');
}
const CONTEXT = /context "([^"]+)" does not exist|context was not found for specified context: (\S+)/;
/** The API server's own answer: its status reason is the truth, whatever words the message holds. */
const STATUS = /Error from server \((NotFound|Forbidden|Unauthorized)\)/;
const STATUS_KIND = { NotFound: 'not-found', Forbidden: 'forbidden', Unauthorized: 'unauthorized' };
const NETWORK = /connection refused|was refused|i\/o timeout|\bEOF\b|connection reset by peer|no route to host|TLS handshake timeout|client connection lost|network is unreachable/i;
/** The rest, in the order they are tried; the first that matches names the failure. */
const RULES = [
    [/no such host/, 'unreachable'],
    [/Client\.Timeout|deadline exceeded|timed out/, 'timeout'],
    [/x509|certificate/, 'certificate'],
    [/Unauthorized|must be logged in|Please enter Username/, 'unauthorized', 'Unauthorized'],
    [/error loading config file|no such file or directory|invalid configuration/, 'config'],
    [/Forbidden|forbidden/, 'forbidden', 'Forbidden'],
    [/NotFound|not found/, 'not-found', 'NotFound'],
];
/**
 * Why a kubectl call failed, from its stderr (or one line of its output). An exec that had to end the
 * call (`timedOut`) without kubectl saying why is a timeout.
 */
function classifyKubectl(r) {
    const text = r.stderr;
    const line = (text.trim().split('\n').find(Boolean) ?? '').replace(/^error: /, '');
    const ctx = CONTEXT.exec(text);
    if (ctx)
        return {
            kind: 'config',
            what: `context "${ctx[1] ?? ctx[2]}" does not exist`,
            lost: false,
            context: ctx[1] ?? ctx[2],
            line,
        };
    const status = STATUS.exec(text);
    if (status)
        return { kind: STATUS_KIND[status[1]], what: status[1], lost: false, line };
    const net = NETWORK.exec(text);
    if (net) {
        const what = net[0] === 'was refused' ? 'connection refused' : net[0];
        return { kind: /timeout/i.test(what) ? 'timeout' : 'unreachable', what, lost: true, line };
    }
    for (const [re, kind, word] of RULES) {
        const m = re.exec(text);
        if (m)
            return { kind, what: word ?? m[0], lost: false, line };
    }
    if (r.timedOut)
        return { kind: 'timeout', what: 'no answer', lost: false, line };
    return { kind: 'other', what: line, lost: false, line };
}
/**
 * What kubectl says when the API server went away under it ("connection refused", "EOF", "i/o
 * timeout" ...), in a few words; undefined for anything else.
 */
function connectionLoss(text) {
    const f = classifyKubectl({ stderr: text });
    return f.lost ? f.what : undefined;
}
function selectorString(sel) {
    const parts = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
    for (const e of sel.matchExpressions ?? []) {
        const values = (e.values ?? []).join(',');
        if (e.operator === 'In')
            parts.push(`${e.key} in (${values})`);
        else if (e.operator === 'NotIn')
            parts.push(`${e.key} notin (${values})`);
        else if (e.operator === 'Exists')
            parts.push(e.key);
        else if (e.operator === 'DoesNotExist')
            parts.push(`!${e.key}`);
    }
    return parts.join(',');
}
/** `kubectl get deployment x -o json --ignore-not-found`: empty output means there is none. */
function parseDeployment(json) {
    if (!json.trim())
        return undefined;
    const d = JSON.parse(json);
    const rev = d.metadata?.annotations?.['deployment.kubernetes.io/revision'];
    return {
        name: d.metadata?.name ?? '',
        namespace: d.metadata?.namespace ?? '',
        revision: rev && /^\d+$/.test(rev) ? Number(rev) : undefined,
        generation: d.metadata?.generation ?? 0,
        observedGeneration: d.status?.observedGeneration ?? 0,
        replicas: d.spec?.replicas ?? 1,
        updatedReplicas: d.status?.updatedReplicas ?? 0,
        readyReplicas: d.status?.readyReplicas ?? 0,
        availableReplicas: d.status?.availableReplicas ?? 0,
        containers: (d.spec?.template?.spec?.containers ?? []).map((c) => ({ name: c.name, image: c.image })),
        selector: selectorString(d.spec?.selector ?? {}),
        conditions: d.status?.conditions ?? [],
        changeCause: d.metadata?.annotations?.['kubernetes.io/change-cause'],
    };
}
function parsePods(json) {
    const list = JSON.parse(json);
    return (list.items ?? []).map((p) => ({
        name: p.metadata?.name ?? '',
        phase: p.status?.phase ?? 'Unknown',
        owner: p.metadata?.ownerReferences?.find((o) => o.kind === 'ReplicaSet')?.name,
        containers: [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])].map((c) => {
            const [state, detail] = Object.entries(c.state ?? {})[0] ?? ['unknown', {}];
            const last = c.lastState?.terminated;
            return {
                name: c.name,
                image: c.image ?? '',
                ready: c.ready === true,
                restartCount: c.restartCount ?? 0,
                state: (['waiting', 'running', 'terminated'].includes(state)
                    ? state
                    : 'unknown'),
                reason: detail.reason,
                message: detail.message,
                lastReason: last?.reason,
                lastExitCode: last?.exitCode,
            };
        }),
    }));
}
/** Waiting reasons that mean "this will not get better by itself", most telling first. */
const BAD_WAITING = [
    'ImagePullBackOff',
    'ErrImagePull',
    'InvalidImageName',
    'ErrImageNeverPull',
    'CrashLoopBackOff',
    'CreateContainerConfigError',
    'CreateContainerError',
    'RunContainerError',
];
function containerProblems(pods) {
    const out = [];
    for (const p of pods)
        for (const c of p.containers) {
            const waitingBad = c.state === 'waiting' && c.reason && BAD_WAITING.includes(c.reason);
            const died = c.state === 'terminated' && c.reason !== 'Completed';
            if (!waitingBad && !died && c.restartCount === 0)
                continue;
            const reason = c.reason ?? c.lastReason ?? 'Restarting';
            out.push({
                pod: p.name,
                container: c.name,
                reason,
                message: [c.message, c.lastReason ? `last exit: ${c.lastReason} (code ${c.lastExitCode ?? '?'})` : '']
                    .filter(Boolean)
                    .join('; '),
                restarts: c.restartCount,
                hasLogs: c.restartCount > 0 || c.state === 'terminated' || c.state === 'running',
                previous: c.restartCount > 0,
            });
        }
    const rank = (r) => (BAD_WAITING.includes(r) ? BAD_WAITING.indexOf(r) : BAD_WAITING.length);
    return out.sort((a, b) => rank(a.reason) - rank(b.reason));
}
/**
 * Containers waiting in a state that does not heal by itself, in pods the rollout made: pods of the
 * ReplicaSets that had pods before it (`before`) are left out, so a release that repairs a
 * crash-looping deployment does not fail on the pods it replaces.
 */
function stuckContainers(pods, before = new Set()) {
    const mine = pods.filter((p) => !p.owner || !before.has(p.owner));
    const stuck = new Set(mine.flatMap((p) => p.containers
        .filter((c) => c.state === 'waiting' && BAD_WAITING.includes(c.reason ?? ''))
        .map((c) => `${p.name}/${c.name}`)));
    return containerProblems(mine).filter((p) => stuck.has(`${p.pod}/${p.container}`));
}
/**
 * The events of a deployment, its ReplicaSets and their pods, oldest first (`kubectl get events` does
 * not sort). ReplicaSets and pods are recognised by the names the controller gives them.
 */
function parseEvents(json, deployment, pods = []) {
    const list = JSON.parse(json);
    const esc = deployment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const rs = new RegExp(`^${esc}-[a-z0-9]{1,10}$`);
    const pod = new RegExp(`^${esc}-[a-z0-9]{1,10}-[a-z0-9]{5}$`);
    const ours = (o) => (o?.kind === 'Deployment' && o.name === deployment) ||
        (o?.kind === 'ReplicaSet' && rs.test(o.name ?? '')) ||
        (o?.kind === 'Pod' && (pods.includes(o.name ?? '') || pod.test(o.name ?? '')));
    return (list.items ?? [])
        .filter((e) => ours(e.involvedObject))
        .map((e) => ({
        time: e.series?.lastObservedTime ||
            e.lastTimestamp ||
            e.eventTime ||
            e.firstTimestamp ||
            e.metadata?.creationTimestamp ||
            '',
        type: e.type ?? '',
        reason: e.reason ?? '',
        object: `${e.involvedObject?.kind ?? '?'}/${e.involvedObject?.name ?? '?'}`,
        message: (e.message ?? '').trim(),
        count: e.series?.count ?? e.count ?? 1,
    }))
        .sort((a, b) => Date.parse(a.time || '0') - Date.parse(b.time || '0'));
}
function parseRolloutStatus(r) {
    const lines = `${r.stdout}\n${r.stderr}`.trim().split('\n').filter(Boolean);
    const last = lines[lines.length - 1] ?? '';
    if (r.exitCode === 0 && /successfully rolled out/.test(r.stdout))
        return { done: true, message: last };
    const lost = connectionLoss(r.stderr);
    if (lost)
        return { done: false, reason: 'ConnectionLost', message: lost };
    if (/exceeded its progress deadline/.test(r.stderr))
        return { done: false, reason: 'ProgressDeadlineExceeded', message: last };
    if (r.timedOut || /timed out waiting/.test(r.stderr))
        return { done: false, reason: 'Timeout', message: last };
    return { done: false, reason: 'Error', message: last.replace(/^error: /, '') };
}
/** The reasons a rollout did not finish, most specific first: pods' reasons, then the deployment's. */
function failureReasons(status, d, problems) {
    const reasons = [...new Set(problems.map((p) => p.reason))];
    const progressing = d?.conditions.find((c) => c.type === 'Progressing');
    if (progressing?.status === 'False' && progressing.reason)
        reasons.push(progressing.reason);
    if (status.reason && !reasons.includes(status.reason))
        reasons.push(status.reason);
    return reasons.length ? reasons : ['unknown'];
}


/***/ })

};
;