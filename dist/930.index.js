"use strict";
exports.id = 930;
exports.ids = [930];
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

/***/ 67249:
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
exports.cliContext = cliContext;
exports.cwdFlag = cwdFlag;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const context_1 = __webpack_require__(40788);
const git_1 = __webpack_require__(90615);
/**
 * The context for a CLI run: inside GitHub or GitLab CI the CI's own; on a laptop, git's ref and sha
 * (or --ref/--sha, to see what CI would do for a tag before pushing it).
 */
async function cliContext(dir, flags) {
    const env = { ...process.env };
    if (env.GITHUB_ACTIONS === 'true' || env.GITLAB_CI === 'true') {
        const ctx = (0, context_1.detectContext)(env, dir);
        return flags.ref ? { ...ctx, ref: flags.ref, sha: flags.sha ?? ctx.sha } : ctx;
    }
    const git = await (0, git_1.checkoutFacts)(dir);
    return (0, context_1.localContext)({ ...env, MCP_DEPLOY_WORKSPACE: flags.workspace ? path.resolve(flags.workspace) : (git.top ?? dir) }, dir, {
        ref: flags.ref ?? git.branch,
        sha: flags.sha ?? git.sha,
        remoteUrl: git.remoteUrl,
        defaultBranch: git.defaultBranch,
    });
}
/**
 * The directory --cwd names, checked here: past this point it becomes working-directory relative to the
 * repository found from it, and a missing one would be reported as '.'.
 */
function cwdFlag(given) {
    const dir = path.resolve(given ?? '.');
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
        throw new errors_1.ActionError(`--cwd ${given}: no such directory (looked at ${dir})`, undefined, "give the crate's directory, relative to where you stand or absolute");
    return dir;
}


/***/ }),

/***/ 48930:
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
exports.runCommand = exports.planCommand = void 0;
const path = __importStar(__webpack_require__(76760));
const inputs_1 = __webpack_require__(49901);
const cleanup_1 = __webpack_require__(72691);
const pipeline_1 = __webpack_require__(15165);
const log_1 = __webpack_require__(46472);
const exec_1 = __webpack_require__(73190);
const args_1 = __webpack_require__(62309);
const local_1 = __webpack_require__(67249);
const COMMON = `Options:
  --stages LIST            gates,build,scan,deploy,verify (default: gates)
  --cwd DIR                the crate's directory (the action's working-directory; default .)
  --ref REF                act as if on this ref, e.g. refs/tags/v1.2.3 (default: git's HEAD)
  --sha SHA                act as if at this commit (default: git's HEAD)
  --workspace DIR          repository root for annotation paths (default: git's top level)
  --<input> VALUE          any input of action.yml, e.g. --clippy-args "-D warnings -W clippy::pedantic"
Inputs not given as flags are read from MCP_<INPUT> variables (MCP_CLIPPY_ARGS), as in the GitLab template.`;
async function prepared(args) {
    const { flags } = (0, args_1.parseArgs)(args, {
        inputs: args_1.ALL_INPUTS,
        own: { cwd: false, ref: false, sha: false, workspace: false },
    });
    (0, args_1.warnUnknownVariables)();
    const dir = (0, local_1.cwdFlag)(flags.cwd);
    const ctx = await (0, local_1.cliContext)(dir, flags);
    const inputFlags = { ...flags };
    // --cwd is relative to where the user stands; working-directory is relative to the workspace.
    if (flags.cwd)
        inputFlags['working-directory'] = path.relative(ctx.workspace, dir) || '.';
    for (const k of ['cwd', 'ref', 'sha', 'workspace'])
        delete inputFlags[k];
    return (0, pipeline_1.prepare)(new inputs_1.InputReader((0, inputs_1.cliSource)(inputFlags)), ctx);
}
exports.planCommand = {
    usage: `mcp-deploy plan [options]\n\n${COMMON}`,
    async run(args) {
        const p = await prepared(args);
        const c = p.env.ctx;
        log_1.log.info(`context: ${c.platform}, ${c.event} on ${c.ref} at ${c.sha.slice(0, 12)}`);
        log_1.log.info(`working directory: ${p.env.cwd}`);
        for (const { name, plan: pl } of (0, pipeline_1.plan)(p)) {
            log_1.log.info(`\n[${name}]`);
            for (const [k, v] of Object.entries(pl.values))
                log_1.log.info(`  ${k}: ${v}`);
            for (const cmd of pl.commands)
                log_1.log.info(`  $ ${(0, exec_1.quote)(cmd.argv)}${cmd.why ? `   # ${cmd.why}` : ''}`);
        }
        return 0;
    },
};
exports.runCommand = {
    usage: `mcp-deploy run [options]\n\n${COMMON}`,
    async run(args) {
        const result = await (0, pipeline_1.runPipeline)(await prepared(args)).finally(() => (0, cleanup_1.runCleanups)());
        process.stdout.write(`\n${result.summary.toText()}`);
        for (const [k, v] of Object.entries(result.outputs))
            if (v)
                log_1.log.info(`output ${k}: ${v}`);
        if (result.failure) {
            process.stderr.write(`error: ${result.failure}\n`);
            return 1;
        }
        return 0;
    },
};


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


/***/ })

};
;