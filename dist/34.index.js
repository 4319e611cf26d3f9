"use strict";
exports.id = 34;
exports.ids = [34];
exports.modules = {

/***/ 49973:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.str = void 0;
exports.readManifest = readManifest;
const errors_1 = __webpack_require__(83916);
// smol-toml ships CommonJS (dist/index.cjs) but declares its types as ESM only; the types come from the
// ESM declaration, the code from the CommonJS build that this CommonJS module (and the bundle) loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TOML = __webpack_require__(27106);
/** Parses Cargo.toml; a file cargo could not read either is one line naming the input that led to it. */
function readManifest(text, input = 'working-directory') {
    try {
        return TOML.parse(text);
    }
    catch (e) {
        throw new errors_1.ActionError(`Cargo.toml is not valid TOML: ${e.message.split('\n')[0]}`, input, 'fix Cargo.toml (cargo metadata shows the same error)');
    }
}
const str = (v) => (typeof v === 'string' ? v : undefined);
exports.str = str;


/***/ }),

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
const run_1 = __webpack_require__(73413);
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
                    if (results.deploy)
                        results.deploy = { ...results.deploy, ...back.result };
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
        return r ? [n, (0, run_1.icon)(r.status), r.headline, (0, text_1.secs)(r.durationMs)] : [n, (0, run_1.icon)('not run'), '', ''];
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

/***/ 57994:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Summary = void 0;
exports.cell = cell;
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

/***/ 49809:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DOWNLOAD_POLICY = exports.registryPolicy = void 0;
exports.retry = retry;
const exponential_backoff_1 = __webpack_require__(71675);
/** Registry calls (login, push, imagetools): `push-retries` retries, waiting 1, 2, 4 ... s. */
const registryPolicy = (retries) => ({
    attempts: retries + 1,
    firstDelayMs: 1000,
});
exports.registryPolicy = registryPolicy;
/** Tool downloads: four attempts, waiting 1, 2, 4 s. */
exports.DOWNLOAD_POLICY = { attempts: 4, firstDelayMs: 1000 };
/**
 * Runs `fn` until it resolves, `retryable` says no, or the policy's attempts are spent; `onRetry` hears
 * of each retry (attempt number, the wait before the next one) before the wait. The last error is thrown.
 */
function retry(policy, fn, retryable, onRetry = () => undefined) {
    let attempt = 0;
    return (0, exponential_backoff_1.backOff)(() => fn(++attempt), {
        numOfAttempts: policy.attempts,
        startingDelay: policy.firstDelayMs,
        timeMultiple: 2,
        jitter: 'none',
        ...(policy.maxDelayMs ? { maxDelay: policy.maxDelayMs } : {}),
        retry: (e, n) => {
            if (!retryable(e))
                return false;
            if (n < policy.attempts)
                onRetry(e, n, Math.min(policy.firstDelayMs * 2 ** (n - 1), policy.maxDelayMs ?? Infinity));
            return true;
        },
    });
}


/***/ }),

/***/ 96303:
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
exports.stripAnsi = void 0;
exports.fsLocator = fsLocator;
exports.parseFmt = parseFmt;
exports.parseClippy = parseClippy;
exports.parseCargoTest = parseCargoTest;
exports.parseCargoTestJson = parseCargoTestJson;
exports.parseAudit = parseAudit;
exports.lockfileLine = lockfileLine;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
function fsLocator(workspace, cwd, exists = fs.existsSync) {
    return {
        resolve(file, hintDir) {
            if (path.isAbsolute(file))
                return file;
            // rustc names files relative to the cargo workspace root, an ancestor of the package: walk up.
            for (let dir = hintDir ?? cwd;; dir = path.dirname(dir)) {
                const candidate = path.join(dir, file);
                if (exists(candidate))
                    return candidate;
                if (dir === path.dirname(dir) || !dir.startsWith(workspace))
                    break;
            }
            return undefined;
        },
        relative(abs) {
            return path.relative(workspace, abs).split(path.sep).join('/');
        },
    };
}
function locate(loc, file, hintDir) {
    const abs = loc.resolve(file, hintDir);
    return abs ? loc.relative(abs) : file;
}
// ESC [ ... letter, and the ESC ( B charset switch that rustfmt's term crate emits.
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\u001b(?:\[[0-9;?]*[A-Za-z]|\([A-Z0-9])/g;
const stripAnsi = (s) => s.replace(ANSI, '');
exports.stripAnsi = stripAnsi;
/** `cargo fmt --check`: one annotation per hunk, spanning the lines the hunk rewrites. */
function parseFmt(output, loc) {
    const hunks = [];
    for (const raw of (0, exports.stripAnsi)(output).split(/\r?\n/)) {
        // rustfmt 1.4+: "Diff in /x/src/a.rs:12:" ; older: "Diff in /x/src/a.rs at line 12:"
        const m = /^Diff in (.+?)(?::(\d+):| at line (\d+):)\s*$/.exec(raw);
        if (m) {
            hunks.push({ file: m[1], line: Number(m[2] ?? m[3]), body: [] });
        }
        else if (hunks.length && /^[ +-]/.test(raw)) {
            hunks[hunks.length - 1].body.push(raw);
        }
    }
    return hunks.map((h) => {
        // The hunk starts with context lines; the annotation should point at the first changed line.
        const firstChange = h.body.findIndex((l) => l.startsWith('-') || l.startsWith('+'));
        const line = h.line + Math.max(0, firstChange);
        const removed = h.body.filter((l) => l.startsWith('-')).length;
        return {
            level: 'error',
            title: 'rustfmt',
            file: locate(loc, h.file),
            line,
            endLine: line + Math.max(0, removed - 1),
            message: `Not formatted as rustfmt would; run \`cargo fmt\`.\n${h.body.join('\n')}`,
        };
    });
}
/**
 * `cargo clippy --all-targets --message-format=json`: each diagnostic is printed once per target that
 * compiles the file (bin and its test harness), so de-duplicate on (code, file, line, column).
 */
function parseClippy(jsonl, loc) {
    const seen = new Set();
    const annotations = [];
    let errors = 0;
    let warnings = 0;
    let buildSucceeded = true;
    for (const line of jsonl.split('\n')) {
        if (!line.startsWith('{'))
            continue;
        let rec;
        try {
            rec = JSON.parse(line);
        }
        catch {
            continue;
        }
        if (rec.reason === 'build-finished')
            buildSucceeded = rec.success !== false;
        if (rec.reason !== 'compiler-message' || !rec.message)
            continue;
        const msg = rec.message;
        if (msg.level !== 'error' && msg.level !== 'warning')
            continue;
        // "aborting due to N previous errors" / "N warnings emitted" carry no span: they are tallies.
        const primary = msg.spans.find((s) => s.is_primary);
        if (!primary)
            continue;
        const hint = rec.manifest_path ? path.dirname(rec.manifest_path) : undefined;
        const site = macroSites(primary, loc, hint);
        const { call } = site;
        const code = msg.code?.code ?? '';
        const key = `${code}|${call.file_name}|${call.line_start}|${call.column_start}|${msg.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        if (msg.level === 'error')
            errors++;
        else
            warnings++;
        const level = msg.level === 'error' ? 'error' : 'warning';
        const title = code || `rustc ${msg.level}`;
        const rendered = (msg.rendered ?? msg.message).trimEnd();
        if (!site.body) {
            annotations.push({ level, title, ...where(loc, call, hint), message: rendered });
            continue;
        }
        // Inside a macro_rules! body of this checkout: the finding is on the body's line, where clippy puts
        // it and where it is fixed; the invocation that expanded it gets a notice, so a diff that touches
        // only the call still shows it. Both name the other place.
        const body = where(loc, site.body, hint);
        const invoked = where(loc, call, hint);
        annotations.push({
            level,
            title,
            ...body,
            message: `in the expansion of ${site.macro} at ${at(invoked)}\n${rendered}`,
        });
        annotations.push({
            level: 'notice',
            title,
            ...invoked,
            message: `${site.macro} expands to code with this ${msg.level} at ${at(body)}: ${msg.message}`,
        });
    }
    return { annotations, errors, warnings, buildSucceeded };
}
/**
 * A diagnostic inside a macro expansion: the primary span is in the macro's body and each `expansion`
 * leads one invocation outwards, to the call site in ordinary code.
 */
function macroSites(primary, loc, hint) {
    const chain = [{ span: primary }];
    for (let s = primary; s.expansion?.span; s = s.expansion.span) {
        chain[chain.length - 1].macro = s.expansion.macro_decl_name;
        chain.push({ span: s.expansion.span });
    }
    const call = chain[chain.length - 1].span;
    const inner = chain.slice(0, -1).find((c) => inCheckout(loc, c.span.file_name, hint));
    if (!inner || (inner.span.file_name === call.file_name && inner.span.line_start === call.line_start))
        return { call, macro: '' };
    return { call, body: inner.span, macro: inner.macro ?? 'a macro' };
}
function inCheckout(loc, file, hint) {
    const abs = loc.resolve(file, hint);
    if (!abs)
        return false;
    const rel = loc.relative(abs);
    return !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel);
}
function where(loc, s, hint) {
    return {
        file: locate(loc, s.file_name, hint),
        line: s.line_start,
        endLine: s.line_end !== s.line_start ? s.line_end : undefined,
        col: s.column_start,
    };
}
const at = (w) => `${w.file}:${w.line}:${w.col}`;
const PANIC = /panicked at ([^\s:]+\.rs):(\d+):(\d+):?\s*\n?([\s\S]*)/;
function panicLocation(text) {
    const m = PANIC.exec(text);
    if (!m)
        return { message: text.trim() };
    const message = m[4]
        .split('\n')
        .filter((l) => !/^(note: run with|stack backtrace:)/.test(l))
        .join('\n')
        .trim();
    return { file: m[1], line: Number(m[2]), col: Number(m[3]), message };
}
/** `cargo test` (text): `test result:` lines for counts, `---- name stdout ----` blocks for failures. */
function parseCargoTest(output) {
    const text = (0, exports.stripAnsi)(output);
    const r = { passed: 0, failed: 0, ignored: 0, failures: [], ran: false };
    for (const m of text.matchAll(/^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/gm)) {
        r.ran = true;
        r.passed += Number(m[1]);
        r.failed += Number(m[2]);
        r.ignored += Number(m[3]);
    }
    const failedNames = [...text.matchAll(/^test (\S+) \.\.\. FAILED$/gm)].map((m) => m[1]);
    const blocks = new Map();
    for (const m of text.matchAll(/^---- (\S+) stdout ----\n([\s\S]*?)(?=^---- \S+ stdout ----$|^failures:$|^test result:)/gm))
        blocks.set(m[1], m[2]);
    for (const name of new Set(failedNames))
        r.failures.push({ name, ...panicLocation(blocks.get(name) ?? '') });
    return r;
}
/** `cargo test -- -Z unstable-options --format json` (nightly or RUSTC_BOOTSTRAP=1). */
function parseCargoTestJson(jsonl) {
    const r = { passed: 0, failed: 0, ignored: 0, failures: [], ran: false };
    for (const line of jsonl.split('\n')) {
        if (!line.trim().startsWith('{'))
            continue;
        let ev;
        try {
            ev = JSON.parse(line);
        }
        catch {
            continue;
        }
        if (ev.type === 'suite' && (ev.event === 'ok' || ev.event === 'failed')) {
            r.ran = true;
            r.passed += ev.passed ?? 0;
            r.failed += ev.failed ?? 0;
            r.ignored += ev.ignored ?? 0;
        }
        else if (ev.type === 'test' && ev.event === 'failed' && ev.name) {
            r.failures.push({ name: ev.name, ...panicLocation(ev.stdout ?? '') });
        }
    }
    return r;
}
/** rustsec's `Report` struct, as `cargo audit --json` prints it. */
function parseAudit(json) {
    const report = JSON.parse(json);
    const out = [];
    const add = (e, kind) => out.push({
        id: e.advisory?.id ?? `${kind}:${e.package.name}`,
        kind,
        package: e.package.name,
        version: e.package.version,
        title: e.advisory?.title ?? (kind === 'yanked' ? `${e.package.name} ${e.package.version} is yanked` : kind),
        url: e.advisory?.url ?? undefined,
        cvss: e.advisory?.cvss ?? undefined,
        patched: e.versions?.patched ?? [],
    });
    for (const v of report.vulnerabilities?.list ?? [])
        add(v, 'vulnerability');
    for (const [k, list] of Object.entries(report.warnings ?? {})) {
        const kind = ['unmaintained', 'unsound', 'yanked', 'notice'].find((x) => x === k) ?? 'notice';
        for (const w of list ?? [])
            add(w, kind);
    }
    return out;
}
/** The line of `name = "<pkg>"` for the given version in Cargo.lock, to annotate where it is pinned. */
function lockfileLine(lock, pkg, version) {
    const lines = lock.split('\n');
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].trim() === `name = "${pkg}"` && lines[i + 1]?.trim() === `version = "${version}"`)
            return i + 1;
    }
    return undefined;
}


/***/ }),

/***/ 24205:
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
exports.AUDIT_DENY = exports.GATES = void 0;
exports.cargoScope = cargoScope;
exports.describeScope = describeScope;
exports.parseGatesInputs = parseGatesInputs;
exports.gateCommand = gateCommand;
exports.gateLanes = gateLanes;
exports.planGates = planGates;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const cargo_manifest_1 = __webpack_require__(49973);
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const words_1 = __webpack_require__(75846);
const tools_1 = __webpack_require__(72003);
exports.GATES = ['fmt', 'clippy', 'test', 'audit'];
exports.AUDIT_DENY = inputs_1.INPUTS['audit-deny'].allowed;
/**
 * The workspace root (a Cargo.toml with [workspace]) means every member, also when it is a package
 * itself; any other Cargo.toml is the one package, whether a workspace member or a crate of its own.
 */
function cargoScope(cwd) {
    const m = (0, cargo_manifest_1.readManifest)(fs.readFileSync(path.join(cwd, 'Cargo.toml'), 'utf8'));
    const name = (0, cargo_manifest_1.str)(m.package?.name);
    return m.workspace !== undefined || !name ? { kind: 'workspace' } : { kind: 'package', name };
}
function describeScope(s) {
    return s.kind === 'workspace' ? 'every workspace member' : `package ${s.name}`;
}
/**
 * cargo-audit takes any string after --ignore but compares it with the advisory's own ID only, so a CVE or
 * GHSA alias (or a typo) ignores nothing and the gate fails on the advisory the user meant to ignore.
 */
function checkAdvisoryId(id) {
    if (/^RUSTSEC-\d{4}-\d{4}$/.test(id))
        return;
    const alias = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/i.test(id);
    throw new errors_1.ActionError(alias
        ? `'${id}' is an alias; cargo-audit ignores advisories by their RUSTSEC ID only`
        : `'${id}' is not a RustSec advisory ID`, 'audit-ignore', alias
        ? `list the RUSTSEC-YYYY-NNNN ID that rustsec.org gives for ${id} (the ID cargo-audit prints)`
        : 'list IDs like RUSTSEC-2023-0071, as cargo-audit prints them');
}
function parseGatesInputs(r, cwd) {
    const toolchain = r.string('toolchain');
    if (toolchain && !/^[\w.-]+$/.test(toolchain))
        throw new errors_1.ActionError(`'${toolchain}' is not a toolchain name`, 'toolchain', 'use e.g. stable, nightly or 1.95.0');
    const auditIgnore = r.list('audit-ignore');
    auditIgnore.forEach(checkAdvisoryId);
    return {
        toolchain,
        scope: cargoScope(cwd),
        features: r.list('features'),
        clippyArgs: (0, words_1.shellWords)(r.string('clippy-args'), 'clippy-args'),
        testArgs: (0, words_1.shellWords)(r.string('test-args'), 'test-args'),
        audit: r.bool('audit'),
        auditIgnore,
        auditDeny: r.subset('audit-deny', exports.AUDIT_DENY),
        failFast: r.bool('fail-fast'),
        toolsMirror: (0, tools_1.readToolsMirror)(r),
    };
}
function cargo(i) {
    return i.toolchain ? ['cargo', `+${i.toolchain}`] : ['cargo'];
}
function featureArgs(i) {
    if (!i.features.length)
        return [];
    return i.features.length === 1 && i.features[0] === 'all'
        ? ['--all-features']
        : ['--features', i.features.join(',')];
}
function scopeArgs(i, all) {
    return i.scope.kind === 'workspace' ? [all] : ['-p', i.scope.name];
}
function gateCommand(gate, i) {
    switch (gate) {
        case 'fmt':
            return [...cargo(i), 'fmt', ...scopeArgs(i, '--all'), '--check'];
        case 'clippy':
            // --keep-going: after the first member with errors cargo would schedule nothing more, and the
            // other members' findings would show only on the next run.
            return [
                ...cargo(i),
                'clippy',
                ...scopeArgs(i, '--workspace'),
                '--keep-going',
                '--all-targets',
                '--message-format=json',
                ...featureArgs(i),
                '--',
                ...i.clippyArgs,
            ];
        case 'test':
            // --no-fail-fast: every failing test binary is reported, not just the first.
            return [
                ...cargo(i),
                'test',
                ...scopeArgs(i, '--workspace'),
                '--no-fail-fast',
                ...featureArgs(i),
                ...i.testArgs,
            ];
        case 'audit':
            return ['cargo', 'audit', '--json', ...i.auditIgnore.flatMap((id) => ['--ignore', id])];
    }
}
/**
 * Gates that run one after another, lane by lane; the lanes run side by side. fmt and audit read only
 * sources and Cargo.lock. clippy and test share target/, but cargo's own lock on it serializes whatever
 * must not build at once, so on a warm target/ the test run overlaps clippy's diagnostics replay. With
 * fail-fast a failing clippy must stop the tests from starting, so there clippy goes first.
 */
function gateLanes(i) {
    const others = i.audit ? ['fmt', 'audit'] : ['fmt'];
    return i.failFast ? [['clippy', 'test'], others] : [['clippy'], ['test'], others];
}
function planGates(i) {
    const lanes = gateLanes(i);
    return lanes.flatMap((lane, n) => lane.map((g, k) => ({
        argv: gateCommand(g, i),
        why: `${g}: lane ${n + 1} of ${lanes.length}${k ? `, after ${lane[k - 1]}` : ''} (lanes run side by side)`,
    })));
}


/***/ }),

/***/ 73413:
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
exports.checkToolchain = checkToolchain;
exports.runGates = runGates;
exports.icon = icon;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
const summary_1 = __webpack_require__(57994);
const text_1 = __webpack_require__(48992);
const errors_1 = __webpack_require__(83916);
const tools_1 = __webpack_require__(72003);
const parse_1 = __webpack_require__(96303);
const plan_1 = __webpack_require__(24205);
function interpret(gate, r, i, loc, cwd) {
    const base = { gate, durationMs: r.durationMs, result: r, failingTests: [] };
    switch (gate) {
        case 'fmt': {
            const annotations = (0, parse_1.parseFmt)(r.stdout, loc);
            const failed = r.exitCode !== 0;
            return {
                ...base,
                status: failed ? 'failed' : 'passed',
                findings: (0, text_1.plural)(annotations.length, 'unformatted hunk'),
                annotations,
                note: failed && !annotations.length ? tail(r) : undefined,
            };
        }
        case 'clippy': {
            const c = (0, parse_1.parseClippy)(r.stdout, loc);
            return {
                ...base,
                status: r.exitCode !== 0 || c.errors > 0 ? 'failed' : 'passed',
                findings: `${(0, text_1.plural)(c.errors, 'error')}, ${(0, text_1.plural)(c.warnings, 'warning')}`,
                annotations: c.annotations,
                note: r.exitCode !== 0 && !c.annotations.length ? tail(r) : undefined,
            };
        }
        case 'test': {
            const t = (0, parse_1.parseCargoTest)(`${r.stdout}\n${r.stderr}`);
            const annotations = t.failures.map((f) => {
                const abs = f.file ? loc.resolve(f.file) : undefined;
                return {
                    level: 'error',
                    title: `test failed: ${f.name}`,
                    file: abs ? loc.relative(abs) : f.file,
                    line: f.line,
                    col: f.col,
                    message: f.message || `${f.name} failed`,
                };
            });
            const failed = r.exitCode !== 0;
            const none = t.ran && t.passed + t.failed + t.ignored === 0;
            return {
                ...base,
                status: failed ? 'failed' : 'passed',
                findings: none
                    ? '0 tests'
                    : t.ran
                        ? `${t.passed} passed, ${t.failed} failed${t.ignored ? `, ${t.ignored} ignored` : ''}`
                        : 'did not run',
                // A crate without tests still passes: a new server often has none yet, and failing it would push
                // people to turn the gate off. But it is said, so a green check is not read as "tested".
                caveat: none && !failed
                    ? 'cargo test ran 0 tests: the crate has no #[test] functions or doc tests, so nothing was tested'
                    : undefined,
                annotations,
                failingTests: t.failures.map((f) => f.name),
                note: failed && !t.failures.length ? tail(r) : undefined,
            };
        }
        case 'audit': {
            let findings;
            try {
                findings = (0, parse_1.parseAudit)(r.stdout);
            }
            catch {
                return { ...base, status: 'failed', findings: 'no report', annotations: [], note: tail(r) };
            }
            const lockPath = path.join(cwd, 'Cargo.lock');
            const lock = fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : '';
            const relevant = findings.filter((f) => !i.auditIgnore.includes(f.id));
            const fails = (f) => f.kind === 'vulnerability' || i.auditDeny.includes(f.kind);
            const annotations = relevant.map((f) => ({
                level: fails(f) ? 'error' : 'warning',
                title: `${f.id}: ${f.package} ${f.version}`,
                file: lock ? loc.relative(lockPath) : undefined,
                line: lock ? (0, parse_1.lockfileLine)(lock, f.package, f.version) : undefined,
                message: `${f.title}${f.patched.length ? ` (patched: ${f.patched.join(', ')})` : ''}${f.url ? `\n${f.url}` : ''}`,
            }));
            const denied = relevant.filter(fails).length;
            return {
                ...base,
                status: denied ? 'failed' : 'passed',
                findings: `${(0, text_1.plural)(relevant.filter((f) => f.kind === 'vulnerability').length, 'vulnerability')}, ${(0, text_1.plural)(relevant.filter((f) => f.kind !== 'vulnerability').length, 'warning')}`.replace('vulnerabilitys', 'vulnerabilities'),
                annotations,
            };
        }
    }
}
function tail(r, n = 15) {
    return (r.stderr || r.stdout).trim().split('\n').slice(-n).join('\n');
}
function skipped(gate, why) {
    return { gate, status: 'skipped', findings: why, durationMs: 0, annotations: [], failingTests: [] };
}
/** Beyond this the job summary gets long to read and slow to render; the log keeps every finding. */
const MAX_FINDING_ROWS = 100;
/**
 * A misspelt toolchain fails every gate with the same rustup error, which the gates' one-line failure
 * hides: ask rustup first and put its reason, and the toolchains it has, in the error.
 */
async function checkToolchain(toolchain, cwd) {
    if (!toolchain)
        return;
    const r = await (0, exec_1.exec)(['cargo', `+${toolchain}`, '--version'], {
        cwd,
        env: { RUST_BACKTRACE: '0' },
        echo: false,
    });
    if (r.exitCode === 0)
        return;
    const cause = `${r.stderr}\n${r.stdout}`
        .split('\n')
        .map((l) => l.trim())
        .find((l) => /^error\b/i.test(l))
        ?.replace(/^error:\s*/i, '') ?? `cargo +${toolchain} exited with ${r.exitCode}`;
    const list = await (0, exec_1.exec)(['rustup', 'toolchain', 'list'], { echo: false }).catch(() => undefined);
    const installed = list?.exitCode === 0
        ? list.stdout
            .split('\n')
            .map((l) => l.split(/\s/)[0].replace(/-(x86_64|aarch64|i686|armv7|riscv64gc|powerpc64le|s390x)-.*$/, ''))
            .filter(Boolean)
        : [];
    throw new errors_1.ActionError(`cargo +${toolchain} does not run: ${cause}`, 'toolchain', `fix the name${installed.length ? ` (installed: ${installed.join(', ')})` : ''}, or install it first with rustup toolchain install ${toolchain}`);
}
async function runGates(i, env) {
    await checkToolchain(i.toolchain, env.cwd);
    const loc = (0, parse_1.fsLocator)(env.ctx.workspace, env.cwd);
    const cargoEnv = { CARGO_TERM_COLOR: 'never' };
    let stop = false;
    const outcomes = new Map();
    const started = Date.now();
    const runLane = async (lane) => {
        for (const gate of lane) {
            if (stop) {
                outcomes.set(gate, skipped(gate, 'skipped (fail-fast)'));
                continue;
            }
            let gateEnv = cargoEnv;
            if (gate === 'audit') {
                try {
                    // `cargo audit` finds cargo-audit on PATH: put the pinned, verified one first.
                    const dir = path.dirname(await (0, tools_1.ensureTool)('cargo-audit', { mirror: i.toolsMirror }));
                    gateEnv = { ...cargoEnv, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` };
                }
                catch (e) {
                    outcomes.set(gate, {
                        ...skipped(gate, 'cargo-audit not installed'),
                        status: 'failed',
                        note: `${(0, errors_1.errorMessage)(e)}\n(or set input 'audit' to false)`,
                    });
                    stop ||= i.failFast;
                    continue;
                }
            }
            const argv = (0, plan_1.gateCommand)(gate, i);
            log_1.log.info(`▶ ${gate}: ${(0, exec_1.quote)(argv)}`);
            const r = await (0, exec_1.exec)(argv, { cwd: env.cwd, env: gateEnv, echo: false });
            const o = interpret(gate, r, i, loc, env.cwd);
            log_1.log.info(`${o.status === 'passed' ? '✓' : '✗'} ${gate} ${o.status} in ${(0, text_1.secs)(o.durationMs)}: ${o.findings}`);
            if (o.caveat)
                log_1.log.warning(`${gate}: ${o.caveat}`);
            outcomes.set(gate, o);
            if (o.status === 'failed' && i.failFast)
                stop = true;
        }
    };
    const lanes = (0, plan_1.gateLanes)(i);
    await Promise.all(lanes.map(runLane));
    const wallMs = Date.now() - started;
    const ordered = ['fmt', 'clippy', 'test', 'audit']
        .map((g) => outcomes.get(g))
        .filter((o) => o !== undefined);
    for (const o of ordered) {
        await log_1.log.group(`${o.gate}: ${o.status} (${o.findings})`, async () => {
            if (o.result) {
                log_1.log.info(`$ ${(0, exec_1.quote)(o.result.argv)}`);
                const out = o.gate === 'clippy' ? o.result.stderr : `${o.result.stdout}${o.result.stderr}`;
                // In a terminal nothing folds: a passing gate's output would only bury the failing ones.
                if (out.trim() && (log_1.log.folds() || o.status !== 'passed'))
                    log_1.log.info(out.trimEnd());
            }
            if (o.note)
                log_1.log.info(o.note);
        });
        for (const a of o.annotations)
            log_1.log.annotate(a);
    }
    const failed = ordered.filter((o) => o.status === 'failed');
    const summary = new summary_1.Summary().heading('Gates').table(['Gate', 'Status', 'Findings', 'Time'], ordered.map((o) => [o.gate, icon(o.status), o.findings, (0, text_1.secs)(o.durationMs)]));
    const failingTests = ordered.flatMap((o) => o.failingTests);
    if (failingTests.length)
        summary.text(`**Failing tests**\n\n${failingTests.map((t) => `- \`${(0, summary_1.cell)(t)}\``).join('\n')}`);
    // The runner shows at most 10 annotations of each level per step: the summary lists every finding.
    const findings = ordered.flatMap((o) => o.annotations.map((a) => ({ gate: o.gate, a })));
    if (findings.length)
        summary.text('**Findings**').table(['Gate', 'Where', 'What', 'Level'], findings
            .slice(0, MAX_FINDING_ROWS)
            .map(({ gate, a }) => [
            gate,
            a.file ? `\`${a.file}${a.line ? `:${a.line}` : ''}\`` : '',
            `${a.title ?? ''}${a.title ? ': ' : ''}${a.message.split('\n')[0].replace(/^(error|warning)(\[\w+\])?: /, '')}`,
            a.level,
        ]));
    if (findings.length > MAX_FINDING_ROWS)
        summary.text(`… and ${findings.length - MAX_FINDING_ROWS} more findings in the log.`);
    for (const o of ordered)
        if (o.caveat)
            summary.text(`⚠️ ${o.gate}: ${o.caveat}.`);
    for (const o of ordered)
        if (o.note)
            summary.details(`${o.gate}: why it failed`, o.note);
    // Not "time saved": each gate's own time is measured while the others compete for the same cores and
    // target/, so their sum says nothing about how long they would take one after another.
    summary.text(`The gates ran side by side in ${(0, text_1.secs)(wallMs)} (wall time).`);
    return {
        status: failed.length ? 'failure' : 'success',
        headline: failed.length
            ? `${(0, text_1.plural)(failed.length, 'gate')} failed: ${failed.map((o) => o.gate).join(', ')}`
            : `${(0, text_1.plural)(ordered.length, 'gate')} passed`,
        summary,
        outputs: {
            gates: JSON.stringify(Object.fromEntries(ordered.map((o) => [o.gate, { status: o.status, findings: o.findings, ms: o.durationMs }]))),
            'failing-tests': failingTests.join('\n'),
        },
        failure: failed.length
            ? `gates failed: ${failed.map((o) => `${o.gate} (${o.findings})`).join('; ')}`
            : undefined,
    };
}
function icon(status) {
    return status === 'passed' || status === 'success'
        ? '✅ passed'
        : status === 'failed' || status === 'failure'
            ? '❌ failed'
            : `⏭️ ${status}`;
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
    gates: async () => (await __webpack_require__.e(/* import() */ 664).then(__webpack_require__.t.bind(__webpack_require__, 47664, 23))).gates,
    build: async () => (await Promise.all(/* import() */[__webpack_require__.e(244), __webpack_require__.e(672)]).then(__webpack_require__.bind(__webpack_require__, 66672))).build,
    scan: async () => (await __webpack_require__.e(/* import() */ 201).then(__webpack_require__.bind(__webpack_require__, 99201))).scan,
    deploy: async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(228), __webpack_require__.e(937), __webpack_require__.e(244), __webpack_require__.e(851)]).then(__webpack_require__.bind(__webpack_require__, 59851))).deploy,
    verify: async () => (await Promise.all(/* import() */[__webpack_require__.e(219), __webpack_require__.e(637)]).then(__webpack_require__.bind(__webpack_require__, 91637))).verify,
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


/***/ }),

/***/ 72003:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.which = exports.PINNED = exports.assetUrl = exports.versionIn = exports.currentPlatform = exports.readToolsMirror = exports.ensureTool = void 0;
var install_1 = __webpack_require__(54884);
Object.defineProperty(exports, "ensureTool", ({ enumerable: true, get: function () { return install_1.ensureTool; } }));
Object.defineProperty(exports, "readToolsMirror", ({ enumerable: true, get: function () { return install_1.readToolsMirror; } }));
Object.defineProperty(exports, "currentPlatform", ({ enumerable: true, get: function () { return install_1.currentPlatform; } }));
Object.defineProperty(exports, "versionIn", ({ enumerable: true, get: function () { return install_1.versionIn; } }));
Object.defineProperty(exports, "assetUrl", ({ enumerable: true, get: function () { return install_1.assetUrl; } }));
var pinned_1 = __webpack_require__(47409);
Object.defineProperty(exports, "PINNED", ({ enumerable: true, get: function () { return pinned_1.PINNED; } }));
var path_1 = __webpack_require__(70836);
Object.defineProperty(exports, "which", ({ enumerable: true, get: function () { return path_1.which; } }));


/***/ }),

/***/ 54884:
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
exports.currentPlatform = currentPlatform;
exports.versionIn = versionIn;
exports.assetUrl = assetUrl;
exports.readToolsMirror = readToolsMirror;
exports.ensureTool = ensureTool;
const tc = __importStar(__webpack_require__(33472));
const http_client_1 = __webpack_require__(54844);
const node_crypto_1 = __webpack_require__(77598);
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const node_stream_1 = __webpack_require__(57075);
const promises_1 = __webpack_require__(46466);
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
const retry_1 = __webpack_require__(49809);
const path_1 = __webpack_require__(70836);
const pinned_1 = __webpack_require__(47409);
function currentPlatform(platform = process.platform, arch = process.arch) {
    if (platform === 'linux' && arch === 'x64')
        return 'linux-x64';
    if (platform === 'linux' && arch === 'arm64')
        return 'linux-arm64';
    throw new errors_1.ActionError(`no pinned tools for ${platform}/${arch}`, undefined, 'run on a Linux x64 or arm64 runner, or put the tool on PATH at the pinned version');
}
/** The first x.y.z in a tool's version output ("Version: 0.69.3", "Client Version: v1.32.4-dispatcher"). */
function versionIn(output) {
    return /(\d+\.\d+\.\d+)/.exec(output)?.[1];
}
function assetUrl(name, version, p, mirror, table) {
    const spec = table[name];
    if (!mirror)
        return spec.url(version, p);
    return `${mirror.replace(/\/+$/, '')}/${name}/${version}/${spec.asset(version, p)}`;
}
/** The `tools-mirror` input, read by every stage that installs a tool. */
function readToolsMirror(r) {
    const mirror = r.string('tools-mirror');
    if (mirror && !/^https?:\/\/[^\s]+$/.test(mirror))
        throw new errors_1.ActionError(`'${mirror}' is not an http(s) address`, 'tools-mirror', 'use e.g. https://artifacts.example.com/tools');
    return mirror;
}
/** @actions/tool-cache needs these; the CLI and GitLab jobs have no runner to set them. */
function ensureRunnerDirs() {
    process.env.RUNNER_TOOL_CACHE ||= path.join(os.homedir(), '.cache', 'mcp-deploy', 'tools');
    process.env.RUNNER_TEMP ||= os.tmpdir();
}
const inflight = new Map();
/**
 * The absolute path of the tool's executable at the pinned (or asked) version: from PATH when it is
 * already there at that version, else from the tool cache, else downloaded, verified against its sha256
 * before anything is unpacked, and cached.
 */
function ensureTool(name, opts = {}) {
    const table = opts.table ?? pinned_1.PINNED;
    const version = (opts.version || table[name].version).replace(/^v/, '');
    const key = `${name}@${version}`;
    let p = inflight.get(key);
    if (!p) {
        p = resolveTool(name, version, table, opts).finally(() => inflight.delete(key));
        inflight.set(key, p);
    }
    return p;
}
async function resolveTool(name, version, table, opts) {
    const spec = table[name];
    if (opts.usePath !== false) {
        const onPath = (0, path_1.which)(name);
        if (onPath) {
            const found = await versionOf(onPath, spec.versionArgs);
            if (found === version) {
                log_1.log.info(`${name} ${version}: using ${onPath}`);
                return onPath;
            }
            log_1.log.info(`${name} on PATH (${onPath}) is ${found ?? 'of an unknown version'}, not ${version}: installing ${version}`);
        }
    }
    ensureRunnerDirs();
    const cached = tc.find(name, version);
    if (cached && fs.existsSync(path.join(cached, name))) {
        log_1.log.info(`${name} ${version}: from the tool cache (${cached})`);
        return path.join(cached, name);
    }
    const platform = opts.platform ?? currentPlatform();
    const expected = (opts.sha256 || spec.sha256[version]?.[platform] || '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(expected))
        throw new errors_1.ActionError(expected
            ? `'${expected}' is not a sha256 digest`
            : `no pinned sha256 for ${name} ${version} on ${platform}`, `${name}-sha256`, `give the sha256 of ${spec.asset(version, platform)} from the release's published checksums, or use ${name} ${spec.version}`);
    const mirror = opts.mirror ?? '';
    const url = assetUrl(name, version, platform, mirror, table);
    const work = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP, `${name}-`));
    try {
        const file = path.join(work, spec.asset(version, platform));
        const started = Date.now();
        const actual = await download(url, file, opts.retry ?? retry_1.DOWNLOAD_POLICY);
        if (actual !== expected)
            throw new errors_1.ActionError(`checksum mismatch for ${name} ${version} (${url}): expected sha256 ${expected}, got ${actual}; nothing was unpacked or run`, mirror ? 'tools-mirror' : opts.sha256 ? `${name}-sha256` : undefined, mirror
                ? 'make the mirror serve the official release asset unchanged'
                : 'retry; if it persists, the release asset differs from the one pinned: do not use it');
        log_1.log.info(`${name} ${version}: downloaded ${url} in ${Date.now() - started} ms, sha256 ${actual} verified`);
        const stage = path.join(work, 'stage');
        fs.mkdirSync(stage);
        const exe = path.join(stage, name);
        const member = spec.member?.(version, platform);
        if (member) {
            const unpacked = path.join(work, 'unpacked');
            fs.mkdirSync(unpacked);
            const r = await (0, exec_1.exec)(['tar', '-xzf', file, '-C', unpacked, member], { echo: false });
            if (r.exitCode !== 0)
                throw new Error(`${name} ${version}: ${spec.asset(version, platform)} has no ${member}: ${r.stderr.trim()}`);
            fs.renameSync(path.join(unpacked, member), exe);
        }
        else {
            fs.renameSync(file, exe);
        }
        fs.chmodSync(exe, 0o755);
        const dir = await tc.cacheDir(stage, name, version);
        return path.join(dir, name);
    }
    finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}
async function versionOf(exe, args) {
    try {
        const r = await (0, exec_1.exec)([exe, ...args], { echo: false, timeoutMs: 30_000 });
        return versionIn(`${r.stdout}\n${r.stderr}`);
    }
    catch {
        return undefined;
    }
}
class StatusError extends Error {
    status;
    constructor(status, url) {
        super(`HTTP ${status} from ${url}`);
        this.status = status;
    }
}
// Worth another try: the server or the network hiccuped. A 404 or an unknown host will not get better.
function transient(e) {
    if (e instanceof StatusError)
        return e.status >= 500 || e.status === 408 || e.status === 429;
    const code = e.code ?? '';
    return (['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ESOCKETTIMEDOUT'].includes(code) ||
        /socket hang up|timeout/i.test((0, errors_1.errorMessage)(e)));
}
/** Streams `url` into `dest` (0600, never executable) and returns its sha256; retries transient failures. */
async function download(url, dest, policy) {
    try {
        return await (0, retry_1.retry)(policy, async () => {
            try {
                return await downloadOnce(url, dest);
            }
            catch (e) {
                fs.rmSync(dest, { force: true });
                throw e;
            }
        }, transient, (e, attempt, wait) => log_1.log.info(`download of ${url} failed (${(0, errors_1.errorMessage)(e)}), attempt ${attempt}/${policy.attempts}; retrying in ${wait} ms`));
    }
    catch (e) {
        throw new Error(`download of ${url} failed: ${(0, errors_1.errorMessage)(e)}`);
    }
}
async function downloadOnce(url, dest) {
    // The http-client of @actions/tool-cache: it follows the release redirects and honours https_proxy.
    const client = new http_client_1.HttpClient('mcp-deploy-action', [], { allowRetries: false, socketTimeout: 120_000 });
    try {
        const res = await client.get(url);
        if (res.message.statusCode !== 200) {
            res.message.resume();
            throw new StatusError(res.message.statusCode ?? 0, url);
        }
        const hash = (0, node_crypto_1.createHash)('sha256');
        const tap = new node_stream_1.Transform({
            transform(chunk, _enc, done) {
                hash.update(chunk);
                done(null, chunk);
            },
        });
        await (0, promises_1.pipeline)(res.message, tap, fs.createWriteStream(dest, { mode: 0o600 }));
        return hash.digest('hex');
    }
    finally {
        client.dispose();
    }
}


/***/ }),

/***/ 70836:
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
exports.which = which;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
/** The absolute path of an executable on PATH, or undefined. */
function which(cmd, envPath = process.env.PATH ?? '') {
    for (const dir of envPath.split(path.delimiter)) {
        if (!dir)
            continue;
        const candidate = path.join(dir, cmd);
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            if (fs.statSync(candidate).isFile())
                return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}


/***/ }),

/***/ 47409:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PINNED = void 0;
const trivyArch = (p) => (p === 'linux-x64' ? 'Linux-64bit' : 'Linux-ARM64');
const goArch = (p) => (p === 'linux-x64' ? 'amd64' : 'arm64');
// cargo-audit publishes a static musl build for x86_64 only; aarch64 is glibc.
const rustTarget = (p) => p === 'linux-x64' ? 'x86_64-unknown-linux-musl' : 'aarch64-unknown-linux-gnu';
const auditDir = (v, p) => `cargo-audit-${rustTarget(p)}-v${v}`;
exports.PINNED = {
    trivy: {
        version: '0.69.3',
        url: (v, p) => `https://github.com/aquasecurity/trivy/releases/download/v${v}/trivy_${v}_${trivyArch(p)}.tar.gz`,
        asset: (v, p) => `trivy_${v}_${trivyArch(p)}.tar.gz`,
        member: () => 'trivy',
        sha256: {
            '0.69.3': {
                'linux-x64': '1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75',
                'linux-arm64': '7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd',
            },
        },
        versionArgs: ['--version'],
    },
    kubectl: {
        version: '1.32.4',
        url: (v, p) => `https://dl.k8s.io/release/v${v}/bin/linux/${goArch(p)}/kubectl`,
        asset: () => 'kubectl',
        sha256: {
            '1.32.4': {
                'linux-x64': '10d739e9af8a59c9e7a730a2445916e04bc9cbb44bc79d22ce460cd329fa076c',
                'linux-arm64': 'c6f96d0468d6976224f5f0d81b65e1a63b47195022646be83e49d38389d572c2',
            },
        },
        versionArgs: ['version', '--client'],
    },
    'cargo-audit': {
        version: '0.22.2',
        url: (v, p) => `https://github.com/rustsec/rustsec/releases/download/cargo-audit%2Fv${v}/${auditDir(v, p)}.tgz`,
        asset: (v, p) => `${auditDir(v, p)}.tgz`,
        member: (v, p) => `${auditDir(v, p)}/cargo-audit`,
        sha256: {
            '0.22.2': {
                'linux-x64': '7fb9497f8594b389e5fce5ef9b92db08432996895b2e0c5a0167a69ed445c428',
                'linux-arm64': 'c6603814ddaa45e51263dafd31c0ac98808f688d26f7395804f9670b0fd599dd',
            },
        },
        versionArgs: ['--version'],
    },
    cosign: {
        version: '2.6.1',
        url: (v, p) => `https://github.com/sigstore/cosign/releases/download/v${v}/cosign-linux-${goArch(p)}`,
        asset: (_v, p) => `cosign-linux-${goArch(p)}`,
        sha256: {
            '2.6.1': {
                'linux-x64': '064954c5d8c7e3b28188eee5b1727b31c411550bc5fefd41aa672d3c761d103a',
                'linux-arm64': '56a16480bdd56ec789abaa65924402f6b92c0041f06885995853c05567b76f34',
            },
        },
        versionArgs: ['version'],
    },
};


/***/ }),

/***/ 75846:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.shellWords = shellWords;
const shell_quote_1 = __webpack_require__(26591);
const errors_1 = __webpack_require__(83916);
/**
 * An input that holds a command line (clippy-args, test-args, mcp-command) as argv: words with '…' and
 * "…" quoting and backslash escapes, read by shell-quote. It is never given to a shell, so shell syntax
 * (; | && > $(…) …) would not do what it says: it is refused, as is an unclosed quote. $VAR stays as
 * written.
 */
function shellWords(s, input) {
    const open = unclosedQuote(s);
    if (open)
        throw new errors_1.ActionError(`has an unclosed ${open} quote`, input, `close it, e.g. ${open}a b${open}`);
    const out = [];
    for (const t of (0, shell_quote_1.parse)(s, (name) => `$${name}`)) {
        if (typeof t === 'string')
            out.push(t);
        else if ('op' in t && t.op === 'glob')
            out.push(t.pattern);
        else
            throw new errors_1.ActionError(`'${'op' in t ? t.op : `#${t.comment}`}' is shell syntax, but this is split into words and never run by a shell`, input, "quote it (e.g. 'a;b') or leave it out");
    }
    return out;
}
function unclosedQuote(s) {
    let quote;
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (quote === `'`) {
            if (c === `'`)
                quote = undefined;
        }
        else if (c === '\\')
            i++;
        else if (quote === '"') {
            if (c === '"')
                quote = undefined;
        }
        else if (c === `'` || c === '"')
            quote = c;
    }
    return quote;
}


/***/ })

};
;