"use strict";
exports.id = 937;
exports.ids = [937];
exports.modules = {

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
    const docs = await (0, manifests_1.loadPaths)(paths, opts.workspace, opts.kubectl);
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
async function runLint(paths, inputs, workspace, kubectl) {
    if (inputs.mode === 'off')
        return { summary: new summary_1.Summary(), failed: false, headline: 'lint off' };
    return log_1.log.group('MCP deployment lint', async () => {
        const result = await lintPaths(paths, {
            mcpPath: inputs.mcpPath,
            sessions: inputs.sessions,
            workspace,
            kubectl,
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
exports.KUSTOMIZATION_FILES = void 0;
exports.parseManifests = parseManifests;
exports.loadPaths = loadPaths;
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const yaml_1 = __webpack_require__(38815);
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
/** The file names kustomize takes as a directory's kustomization, in its order. */
exports.KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const ORIGIN = 'config.kubernetes.io/origin';
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
function isKustomization(dir) {
    return exports.KUSTOMIZATION_FILES.some((f) => fs.existsSync(path.join(dir, f)));
}
/**
 * Renders a kustomization and maps every object back to the file it came from. Kustomize records that
 * only when asked (`buildMetadata: [originAnnotations]`), and the user's kustomization is not ours to
 * edit, so a throw-away kustomization in a temp dir includes theirs and asks for it.
 */
async function renderKustomization(dir, workspace, kubectl) {
    const wrapper = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-lint-'));
    try {
        // Kustomize refuses absolute resource paths, hence the relative one.
        const rel = path.relative(wrapper, dir).split(path.sep).join('/');
        fs.writeFileSync(path.join(wrapper, 'kustomization.yaml'), `resources:\n  - ${JSON.stringify(rel)}\nbuildMetadata: [originAnnotations]\n`);
        log_1.log.info(`rendering ${dir} with kubectl kustomize`);
        const r = await (0, exec_1.exec)([kubectl, 'kustomize', wrapper], { timeoutMs: 120_000, echo: false });
        if (r.exitCode !== 0)
            throw new errors_1.ActionError(`kubectl kustomize ${dir} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`, undefined, 'render the overlay with `kubectl kustomize` yourself and fix what it reports');
        const sources = new Map();
        return parseLocated(r.stdout, `kubectl kustomize ${dir}`).map(({ obj }) => {
            const origin = takeOrigin(obj);
            const src = origin && path.resolve(wrapper, origin.file);
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
    finally {
        fs.rmSync(wrapper, { recursive: true, force: true });
    }
}
/** Reads and removes kustomize's origin annotation (it is ours, not the user's). */
function takeOrigin(obj) {
    const meta = obj.metadata;
    const raw = meta?.annotations?.[ORIGIN];
    if (raw === undefined || !meta?.annotations)
        return undefined;
    delete meta.annotations[ORIGIN];
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
 * kubectl), or a plain directory (its *.yaml, *.yml and *.json files, not subdirectories: a repo's k8s/
 * folder usually holds a base and overlays that must not be linted as one set).
 */
async function loadPaths(paths, workspace, kubectl = 'kubectl', readStdin = async () => fs.readFileSync(0, 'utf8')) {
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
        if (exports.KUSTOMIZATION_FILES.includes(path.basename(abs)))
            docs.push(...(await renderKustomization(path.dirname(abs), workspace, kubectl)));
        else if (fs.statSync(abs).isDirectory()) {
            if (isKustomization(abs))
                docs.push(...(await renderKustomization(abs, workspace, kubectl)));
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


/***/ })

};
;