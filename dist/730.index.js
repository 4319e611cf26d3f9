"use strict";
exports.id = 730;
exports.ids = [730];
exports.modules = {

/***/ 40788:
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
exports.detectContext = detectContext;
exports.githubContext = githubContext;
exports.gitlabContext = gitlabContext;
exports.localContext = localContext;
exports.parseRemote = parseRemote;
exports.imageFromRemote = imageFromRemote;
exports.repoFromRemote = repoFromRemote;
exports.refBranch = refBranch;
exports.refTag = refTag;
const fs = __importStar(__webpack_require__(73024));
function detectContext(env = process.env, cwd = process.cwd()) {
    if (env.GITHUB_ACTIONS === 'true')
        return githubContext(env, cwd);
    if (env.GITLAB_CI === 'true')
        return gitlabContext(env, cwd);
    return localContext(env, cwd);
}
function githubContext(env, cwd) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const repository = env.GITHUB_REPOSITORY;
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    const event = env.GITHUB_EVENT_NAME || 'push';
    const ref = env.GITHUB_REF || '';
    const pr = payload?.pull_request;
    const prFromRef = /^refs\/pull\/(\d+)\//.exec(ref)?.[1];
    const prNumber = pr?.number ?? (prFromRef ? Number(prFromRef) : undefined);
    const headRepo = pr?.head?.repo?.full_name;
    return {
        platform: 'github',
        event,
        ref,
        sha: env.GITHUB_SHA || '',
        prNumber,
        prHeadRef: env.GITHUB_HEAD_REF || undefined,
        fork: headRepo !== undefined && repository !== undefined ? headRepo !== repository : undefined,
        defaultBranch: payload?.repository?.default_branch,
        repository,
        repositoryUrl: repository ? `${server}/${repository}` : undefined,
        runUrl: repository && env.GITHUB_RUN_ID
            ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
            : undefined,
        workspace: env.GITHUB_WORKSPACE || cwd,
        eventPath: env.GITHUB_EVENT_PATH,
    };
}
function gitlabContext(env, cwd) {
    const mr = env.CI_MERGE_REQUEST_IID;
    const tag = env.CI_COMMIT_TAG;
    const branch = env.CI_COMMIT_BRANCH || env.CI_COMMIT_REF_NAME || '';
    const ref = mr ? `refs/merge-requests/${mr}/head` : tag ? `refs/tags/${tag}` : `refs/heads/${branch}`;
    const source = env.CI_MERGE_REQUEST_SOURCE_PROJECT_ID;
    const target = env.CI_MERGE_REQUEST_PROJECT_ID || env.CI_PROJECT_ID;
    return {
        platform: 'gitlab',
        event: env.CI_PIPELINE_SOURCE || 'push',
        ref,
        sha: env.CI_COMMIT_SHA || '',
        prNumber: mr ? Number(mr) : undefined,
        prHeadRef: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME || undefined,
        fork: source && target ? source !== target : undefined,
        defaultBranch: env.CI_DEFAULT_BRANCH,
        repository: env.CI_PROJECT_PATH,
        repositoryUrl: env.CI_PROJECT_URL,
        runUrl: env.CI_PIPELINE_URL || env.CI_JOB_URL,
        workspace: env.CI_PROJECT_DIR || cwd,
    };
}
/**
 * On a laptop the ref and sha come from git (or --ref/--sha), read by the caller through exec so that
 * this module stays free of process spawning.
 */
function localContext(env, cwd, git = {}) {
    const ref = git.ref || 'refs/heads/local';
    const pr = /^refs\/pull\/(\d+)\//.exec(ref)?.[1];
    return {
        platform: 'local',
        event: pr ? 'pull_request' : 'push',
        ref,
        sha: git.sha || '0000000000000000000000000000000000000000',
        prNumber: pr ? Number(pr) : undefined,
        defaultBranch: git.defaultBranch,
        repository: git.remoteUrl ? repoFromRemote(git.remoteUrl) : undefined,
        repositoryUrl: git.remoteUrl ? httpsFromRemote(git.remoteUrl) : undefined,
        workspace: env.MCP_DEPLOY_WORKSPACE || cwd,
    };
}
/** Host (lower case) and path of a git remote: scheme URLs (https://, ssh://host:port/) and scp-like git@host:o/r. */
function parseRemote(url) {
    const u = url.trim();
    const m = /^[a-z+]+:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/i.exec(u) ??
        /^(?:[^@/]+@)?([^/:]+):(.+?)(?:\.git)?\/?$/.exec(u);
    return m ? { host: m[1].toLowerCase(), repo: m[2] } : undefined;
}
/**
 * The image a repository's own registry would hold: ghcr.io for GitHub remotes, the project registry for
 * gitlab.com; undefined for other hosts. init writes it and a local `plan`/`run` defaults to it.
 */
function imageFromRemote(remote) {
    const r = parseRemote(remote);
    if (r?.host === 'github.com')
        return `ghcr.io/${r.repo.toLowerCase()}`;
    if (r?.host === 'gitlab.com')
        return `registry.gitlab.com/${r.repo.toLowerCase()}`;
    return undefined;
}
/** git@github.com:o/r.git, https://github.com/o/r(.git), ssh://git@host:2222/o/r -> o/r */
function repoFromRemote(url) {
    return parseRemote(url)?.repo;
}
function httpsFromRemote(url) {
    const r = parseRemote(url);
    return r ? `https://${r.host}/${r.repo}` : undefined;
}
function readPayload(file) {
    if (!file)
        return undefined;
    try {
        return JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Branch name of a branch ref, tag name of a tag ref; undefined otherwise. */
function refBranch(ref) {
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
function refTag(ref) {
    return ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
}


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InputErrors = exports.ActionError = void 0;
exports.errorMessage = errorMessage;
/**
 * The one error type the action raises on purpose. It names the input to change and how, so the single
 * `setFailed` line at the top is enough for a user to act on.
 */
class ActionError extends Error {
    input;
    hint;
    constructor(message, input, hint) {
        super(`${input ? `input '${input}': ` : ''}${message}${hint ? ` (fix: ${hint})` : ''}`);
        this.input = input;
        this.hint = hint;
        this.name = 'ActionError';
    }
}
exports.ActionError = ActionError;
/** Every input error of one run at once, a line each, so a user fixes them in one round. */
class InputErrors extends ActionError {
    errors;
    constructor(errors) {
        super(`${errors.length} inputs need a fix:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
        this.errors = errors;
        this.name = 'InputErrors';
    }
}
exports.InputErrors = InputErrors;
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 41730:
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
exports.main = main;
const core = __importStar(__webpack_require__(37484));
const fs = __importStar(__webpack_require__(73024));
const context_1 = __webpack_require__(40788);
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const pipeline_1 = __webpack_require__(15165);
const log_1 = __webpack_require__(46472);
/** Action entry: inputs once, run, outputs and summary, and one setFailed at the top. */
async function main(env = process.env) {
    (0, log_1.setSink)(log_1.githubSink);
    try {
        const ctx = (0, context_1.detectContext)(env);
        const prepared = await (0, pipeline_1.prepare)(new inputs_1.InputReader((0, inputs_1.actionSource)(env)), ctx);
        const result = await (0, pipeline_1.runPipeline)(prepared);
        for (const [k, v] of Object.entries(result.outputs))
            log_1.log.setOutput(k, v);
        if (env.GITHUB_STEP_SUMMARY)
            fs.appendFileSync(env.GITHUB_STEP_SUMMARY, result.summary.toMarkdown());
        if (result.failure)
            core.setFailed(result.failure);
    }
    catch (e) {
        core.setFailed((0, errors_1.errorMessage)(e));
    }
}


/***/ }),

/***/ 15165:
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
exports.prepare = prepare;
exports.plan = plan;
exports.runPipeline = runPipeline;
exports.mermaid = mermaid;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const resolved_1 = __webpack_require__(6875);
const log_1 = __webpack_require__(46472);
const summary_1 = __webpack_require__(57994);
const stages_1 = __webpack_require__(62979);
const text_1 = __webpack_require__(48992);
/**
 * Resolves the values stages share (src/resolved.ts), then reads and validates every input of every
 * selected stage before anything runs, so a typo in a deploy input fails in a second, not after a
 * ten-minute build.
 */
async function prepare(reader, ctx) {
    const resolved = (0, resolved_1.resolveRun)(reader);
    const stages = resolved.stages;
    const wd = reader.string('working-directory');
    const cwd = path.resolve(ctx.workspace, wd);
    if (!fs.existsSync(cwd) || !fs.statSync(cwd).isDirectory())
        throw new errors_1.ActionError(`directory '${wd}' does not exist (looked at ${cwd})`, 'working-directory', 'give the path of the crate relative to the repository root');
    const state = {};
    const env = { ctx, cwd, state, resolved };
    const impls = await Promise.all(stages.map((name) => stages_1.STAGE_IMPLS[name]()));
    const errors = [];
    const parsed = stages.map((name, k) => {
        try {
            return { name, impl: impls[k], inputs: impls[k].parse(reader, env) };
        }
        catch (e) {
            // A stage stops at its first bad input; the other stages still say theirs.
            if (!(e instanceof errors_1.ActionError))
                throw e;
            errors.push(e);
            return { name, impl: impls[k], inputs: undefined };
        }
    });
    if (errors.length > 1)
        throw new errors_1.InputErrors(errors);
    if (errors.length)
        throw errors[0];
    return { stages, env, parsed };
}
function plan(p) {
    return p.parsed.map(({ name, impl, inputs }) => ({ name, plan: impl.plan(inputs, p.env) }));
}
async function runPipeline(p) {
    const results = {};
    let failure;
    for (const { name, impl, inputs } of p.parsed) {
        if (failure)
            break;
        const started = Date.now();
        let r;
        try {
            // Not a log group: the runner does not nest groups, and stages fold their own steps.
            log_1.log.info(`━━ ${name} ━━`);
            r = await impl.run(inputs, p.env);
        }
        catch (e) {
            r = crashed(name, (0, errors_1.errorMessage)(e));
        }
        results[name] = { ...r, durationMs: Date.now() - started };
        if (r.status === 'failure') {
            failure = `${name}: ${r.failure ?? 'failed'}`;
            // A failed check after a deploy in the same run undoes that deploy, and deploy's result is
            // replaced by what the undo left: a rolled-out row must not stand next to a rolled-back cluster.
            if (p.env.state.rollback && name !== 'deploy') {
                try {
                    const back = await p.env.state.rollback(failure);
                    // An undo that did not complete leaves a release nobody wanted running: not a passed row.
                    if (results.deploy)
                        results.deploy = { ...results.deploy, ...back.result, ...(back.ok ? {} : { status: 'failure' }) };
                    failure += `; ${back.message}`;
                }
                catch (e) {
                    failure += `; rollback failed too: ${(0, errors_1.errorMessage)(e)}`;
                }
            }
        }
    }
    const outputs = Object.assign({}, ...Object.values(results).map((r) => r?.outputs ?? {}));
    return { results, summary: pipelineSummary(p, results), outputs, failure };
}
/** Beyond this a table row wraps into a wall of text; the whole message goes in a details block below. */
const MAX_HEADLINE = 160;
/**
 * A stage that threw has no summary of its own: the row says why, so "failed | error" is never all a
 * reader gets. Redacted here: the summary is written to a file and a terminal, not through the log's sink.
 */
function crashed(name, message) {
    const text = (0, log_1.redact)(message.trim()) || 'an error without a message';
    const first = text.split('\n')[0];
    const headline = first.length > MAX_HEADLINE ? `${first.slice(0, MAX_HEADLINE - 1)}…` : first;
    const summary = new summary_1.Summary();
    if (headline !== text)
        summary.details(`${name}: the whole error`, text);
    return { status: 'failure', headline: `error: ${headline}`, summary, outputs: {}, failure: message };
}
function pipelineSummary(p, results) {
    const s = new summary_1.Summary().heading('mcp-deploy', 2);
    const c = p.env.ctx;
    s.text(`\`${c.ref || '(no ref)'}\` at \`${c.sha.slice(0, 12) || '?'}\` (${c.event} on ${c.platform})${c.runUrl ? ` · [run](${c.runUrl})` : ''}`);
    s.code(mermaid(p.stages, results), 'mermaid');
    s.table(['Stage', 'Status', 'Result', 'Time'], inputs_1.STAGES.filter((n) => p.stages.includes(n)).map((n) => {
        const r = results[n];
        return r ? [n, (0, summary_1.icon)(r.status), r.headline, (0, text_1.secs)(r.durationMs)] : [n, (0, summary_1.icon)('not run'), '', ''];
    }));
    for (const r of Object.values(results))
        if (r)
            s.append(r.summary);
    return s;
}
function mermaid(selected, results) {
    const lines = ['flowchart LR'];
    const cls = { ok: [], bad: [], skip: [], off: [] };
    for (const n of inputs_1.STAGES) {
        const r = results[n];
        const state = !selected.includes(n)
            ? 'off'
            : !r
                ? 'skip'
                : r.status === 'success'
                    ? 'ok'
                    : r.status === 'failure'
                        ? 'bad'
                        : 'skip';
        const label = !selected.includes(n)
            ? `${n}<br/>not selected`
            : r
                ? `${n}<br/>${r.status} · ${(0, text_1.secs)(r.durationMs)}`
                : `${n}<br/>not run`;
        lines.push(`  ${n}["${label}"]`);
        cls[state].push(n);
    }
    lines.push(`  ${inputs_1.STAGES.join(' --> ')}`);
    lines.push('  classDef ok fill:#d3f9d8,stroke:#2b8a3e', '  classDef bad fill:#ffe3e3,stroke:#c92a2a');
    lines.push('  classDef skip fill:#f1f3f5,stroke:#868e96', '  classDef off fill:#fff,stroke:#ced4da,stroke-dasharray:4');
    for (const [k, v] of Object.entries(cls))
        if (v.length)
            lines.push(`  class ${v.join(',')} ${k}`);
    return lines.join('\n');
}


/***/ }),

/***/ 46472:
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
exports.log = exports.githubSink = void 0;
exports.registerSecret = registerSecret;
exports.holdsSecret = holdsSecret;
exports.redact = redact;
exports.textSink = textSink;
exports.formatAnnotation = formatAnnotation;
exports.quietToolkitDebug = quietToolkitDebug;
exports.setSink = setSink;
const core = __importStar(__webpack_require__(37484));
const secrets = new Set();
function registerSecret(value) {
    if (!value)
        return;
    for (const v of [value.trim(), ...secretLines(value)]) {
        if (v.length >= 4 && !secrets.has(v)) {
            secrets.add(v);
            sink.setSecret(v);
        }
    }
}
/**
 * A multi-line secret (a kubeconfig) is printed line by line by most tools, so its lines are masked too:
 * the values under keys that name a credential (token, client-key-data, password ...), and bare lines
 * such as the body of a PEM block. Not names, namespaces or `kind: Config`: masking those would garble
 * every later line of output that mentions them.
 */
function secretLines(value) {
    const out = [];
    for (const raw of value.split(/\r?\n/)) {
        const line = raw.trim();
        const kv = /^(?:-\s+)?([\w.-]+):\s*(.*)$/.exec(line);
        if (!kv) {
            if (line.length >= 16)
                out.push(line);
            continue;
        }
        const v = kv[2].replace(/^["']|["']$/g, '');
        if (v.length >= 4 && /token|passw|secret|key|data|auth|credential|cert/i.test(kv[1]))
            out.push(v);
    }
    return out;
}
/** Whether a value holds a registered secret: such a variable is kept from every tool's environment. */
function holdsSecret(value) {
    for (const s of secrets)
        if (value.includes(s))
            return true;
    return false;
}
function redact(text) {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const s of [...secrets].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}
exports.githubSink = {
    info: (m) => core.info(redact(m)),
    warning: (m) => core.warning(redact(m)),
    annotate: (a) => {
        const props = {
            title: a.title && redact(a.title),
            file: a.file,
            startLine: a.line,
            endLine: a.endLine,
            startColumn: a.col,
        };
        const fn = a.level === 'error' ? core.error : a.level === 'warning' ? core.warning : core.notice;
        fn(redact(a.message), props);
    },
    startGroup: (n) => core.startGroup(redact(n)),
    endGroup: () => core.endGroup(),
    setSecret: (v) => core.setSecret(v),
    setOutput: (n, v) => core.setOutput(n, v),
    folds: true,
};
/** Plain text for GitLab and local runs: annotations in the compiler style editors and terminals link. */
function textSink(write = (l) => process.stdout.write(`${l}\n`)) {
    let depth = 0;
    const pad = () => '  '.repeat(depth);
    return {
        info: (m) => write(pad() + redact(m)),
        warning: (m) => write(`${pad()}warning: ${redact(m)}`),
        annotate: (a) => write(`${pad()}${formatAnnotation(a)}`),
        startGroup: (n) => {
            write(`${pad()}▸ ${redact(n)}`);
            depth++;
        },
        endGroup: () => {
            depth = Math.max(0, depth - 1);
        },
        setSecret: () => undefined,
        setOutput: (n, v) => write(`${pad()}output ${n}=${redact(v)}`),
        folds: false,
    };
}
function formatAnnotation(a) {
    const where = a.file ? `${a.file}${a.line ? `:${a.line}${a.col ? `:${a.col}` : ''}` : ''}: ` : '';
    return redact(`${where}${a.level}: ${a.title ? `${a.title}: ` : ''}${a.message}`);
}
let sink = textSink();
/** Streams already filtered: `cli()` may run more than once in a process (tests). */
const quieted = new WeakSet();
/**
 * @actions/tool-cache logs through @actions/core, which writes `::debug::<message>` straight to stdout. The
 * GitHub runner hides those lines unless debug logging is on; a terminal or a GitLab job shows them all.
 * Outside GitHub Actions they are dropped here, or shown as plain `debug:` lines when RUNNER_DEBUG=1.
 */
function quietToolkitDebug(stream = process.stdout, env = process.env) {
    if (env.GITHUB_ACTIONS === 'true' || quieted.has(stream))
        return;
    quieted.add(stream);
    const show = env.RUNNER_DEBUG === '1';
    const write = stream.write.bind(stream);
    stream.write = ((chunk, ...rest) => {
        if (typeof chunk !== 'string' || !chunk.startsWith('::debug::'))
            return write(chunk, ...rest);
        if (show)
            return write(`debug: ${redact(unescapeCommand(chunk.slice('::debug::'.length)))}`, ...rest);
        const done = rest.find((r) => typeof r === 'function');
        if (done)
            process.nextTick(done);
        return true;
    });
}
/** The reverse of @actions/core's escaping of a command's message. */
function unescapeCommand(s) {
    return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function setSink(s) {
    sink = s;
}
exports.log = {
    info: (m) => sink.info(m),
    warning: (m) => sink.warning(m),
    annotate: (a) => sink.annotate(a),
    setOutput: (n, v) => sink.setOutput(n, v),
    folds: () => sink.folds,
    async group(name, fn) {
        sink.startGroup(name);
        try {
            return await fn();
        }
        finally {
            sink.endGroup();
        }
    },
};


/***/ }),

/***/ 57994:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Summary = void 0;
exports.cell = cell;
exports.icon = icon;
class Summary {
    blocks = [];
    heading(text, level = 3) {
        this.blocks.push({ kind: 'heading', text, level });
        return this;
    }
    text(text) {
        this.blocks.push({ kind: 'text', text });
        return this;
    }
    table(headers, rows) {
        this.blocks.push({ kind: 'table', headers, rows });
        return this;
    }
    details(title, body) {
        this.blocks.push({ kind: 'details', title, body });
        return this;
    }
    code(body, lang = '') {
        this.blocks.push({ kind: 'code', lang, body });
        return this;
    }
    append(other) {
        this.blocks.push(...other.blocks);
        return this;
    }
    toMarkdown() {
        return this.blocks.map(blockToMarkdown).join('\n\n') + '\n';
    }
    toText() {
        return this.blocks.map(blockToText).join('\n\n') + '\n';
    }
}
exports.Summary = Summary;
/** Table cells may hold user text (test names, CVE titles): keep them on one line and inert. */
function cell(text) {
    return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
function blockToMarkdown(b) {
    switch (b.kind) {
        case 'heading':
            return `${'#'.repeat(b.level)} ${b.text}`;
        case 'text':
            return b.text;
        case 'table':
            return [
                `| ${b.headers.map(cell).join(' | ')} |`,
                `| ${b.headers.map(() => '---').join(' | ')} |`,
                ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
            ].join('\n');
        case 'details':
            return `<details><summary>${escapeHtml(b.title)}</summary>\n\n${fence(b.body)}\n\n</details>`;
        case 'code':
            return fence(b.body, b.lang);
    }
}
function fence(body, lang = '') {
    const ticks = '`'.repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    return `${ticks}${lang}\n${body.replace(/\n$/, '')}\n${ticks}`;
}
function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const stripMd = (s) => s.replace(/\*\*|`/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
function blockToText(b) {
    switch (b.kind) {
        case 'heading':
            return `${stripMd(b.text)}\n${'='.repeat(stripMd(b.text).length)}`;
        case 'text':
            return stripMd(b.text);
        case 'table': {
            const rows = [b.headers, ...b.rows].map((r) => r.map((c) => stripMd(c).replace(/\r?\n/g, ' ')));
            const widths = b.headers.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
            const line = (r) => r
                .map((c, i) => c + ' '.repeat(widths[i] - [...c].length))
                .join('  ')
                .trimEnd();
            return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
        }
        case 'details':
            return `${b.title}:\n${b.body.replace(/^/gm, '  ')}`;
        case 'code':
            return b.lang === 'mermaid' ? '' : b.body;
    }
}
/** The status cell of the pipeline and gates tables. */
function icon(status) {
    return status === 'passed' || status === 'success'
        ? '✅ passed'
        : status === 'failed' || status === 'failure'
            ? '❌ failed'
            : `⏭️ ${status}`;
}


/***/ }),

/***/ 6875:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolvedOf = void 0;
exports.resolveRun = resolveRun;
exports.requireImage = requireImage;
exports.subjectImage = subjectImage;
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
function resolveRun(r) {
    const stages = (0, inputs_1.parseStages)(r);
    const ref = r.string('image-ref');
    const build = stages.includes('build');
    if (ref && build)
        throw new errors_1.ActionError('is set, but the build stage of this run decides the image that scan, deploy and verify use', 'image-ref', 'remove image-ref (they act on the digest the build pushes), or run build in a job of its own');
    return { stages, image: build ? { from: 'build' } : ref ? { from: 'input', ref } : { from: 'none' } };
}
/** The resolved values of this run: the pipeline's, or (a stage driven on its own) read from its inputs. */
const resolvedOf = (r, env) => env.resolved ?? resolveRun(r);
exports.resolvedOf = resolvedOf;
/** For a stage that needs an image: the input's reference, or '' when the build of this run provides it. */
function requireImage(resolved) {
    if (resolved.image.from === 'none')
        throw new errors_1.ActionError('is required when the build stage does not run in the same job', 'image-ref', "pass the build job's image-ref output (name@sha256:…), or add build to stages");
    return resolved.image.from === 'input' ? resolved.image.ref : '';
}
/** At run time, the image to act on: the input's, else what the build stage of this run pushed. */
function subjectImage(env, fromInput) {
    return fromInput || env.state.imageRef || undefined;
}


/***/ }),

/***/ 62979:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.STAGE_IMPLS = void 0;
/**
 * The stage implementations, loaded on use: in the bundle each is a chunk of its own, so a gates-only
 * run never parses the MCP SDK, Octokit or the tool installer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
exports.STAGE_IMPLS = {
    gates: async () => (await Promise.all(/* import() */[__webpack_require__.e(474), __webpack_require__.e(106), __webpack_require__.e(884), __webpack_require__.e(955), __webpack_require__.e(664)]).then(__webpack_require__.bind(__webpack_require__, 47664))).gates,
    build: async () => (await Promise.all(/* import() */[__webpack_require__.e(474), __webpack_require__.e(106), __webpack_require__.e(884), __webpack_require__.e(254), __webpack_require__.e(955), __webpack_require__.e(672)]).then(__webpack_require__.bind(__webpack_require__, 66672))).build,
    scan: async () => (await Promise.all(/* import() */[__webpack_require__.e(474), __webpack_require__.e(884), __webpack_require__.e(201)]).then(__webpack_require__.bind(__webpack_require__, 99201))).scan,
    deploy: async () => (await Promise.all(/* import() */[__webpack_require__.e(474), __webpack_require__.e(815), __webpack_require__.e(228), __webpack_require__.e(884), __webpack_require__.e(937), __webpack_require__.e(254), __webpack_require__.e(851)]).then(__webpack_require__.bind(__webpack_require__, 59851))).deploy,
    verify: async () => (await Promise.all(/* import() */[__webpack_require__.e(371), __webpack_require__.e(637), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 91637))).verify,
};


/***/ }),

/***/ 48992:
/***/ ((__unused_webpack_module, exports) => {


/** Small text helpers shared by the stages and the CLI. */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.secs = exports.plural = void 0;
exports.editDistance = editDistance;
exports.closest = closest;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
exports.plural = plural;
/** A duration for the summary: 1234 -> "1.2 s". */
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
exports.secs = secs;
/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row;
    }
    return prev[b.length];
}
/** The candidate nearest to `word`, or undefined when even that one is more than `max` edits away. */
function closest(word, candidates, max = Infinity) {
    let best;
    let bestD = Infinity;
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestD)
            [best, bestD] = [c, d];
    }
    return bestD <= max ? best : undefined;
}


/***/ })

};
;