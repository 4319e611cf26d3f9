"use strict";
exports.id = 554;
exports.ids = [554,190,809];
exports.modules = {

/***/ 62309:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ALL_INPUTS = void 0;
exports.parseArgs = parseArgs;
exports.unknownInputVariables = unknownInputVariables;
exports.warnUnknownVariables = warnUnknownVariables;
const node_util_1 = __webpack_require__(57975);
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const log_1 = __webpack_require__(46472);
const text_1 = __webpack_require__(48992);
/** Every input of the table, for commands that run stages (plan, run). */
exports.ALL_INPUTS = Object.keys(inputs_1.INPUTS);
/**
 * node:util parseArgs, strict, with the options of `spec`: an unknown flag is an error naming the
 * closest option (a typo would otherwise silently leave an input at its default). Secret inputs are
 * options too, so that the input reader can refuse them with the variable to use instead.
 */
function parseArgs(argv, spec) {
    const options = {};
    for (const n of spec.inputs)
        options[n] = { type: 'string' };
    for (const [n, bool] of Object.entries(spec.own ?? {}))
        options[n] = { type: bool ? 'boolean' : 'string' };
    // `--clippy-args "-D warnings"`: a value may start with one dash; parseArgs wants it glued with '='.
    const args = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const name = /^--([^=]+)$/.exec(a)?.[1];
        if (name && options[name]?.type === 'string') {
            const v = argv[i + 1];
            if (v === undefined || v.startsWith('--'))
                throw new errors_1.ActionError(`option --${name} needs a value`, name, `write --${name} <value>`);
            args.push(`--${name}=${v}`);
            i++;
        }
        else
            args.push(a);
    }
    let parsed;
    try {
        parsed = (0, node_util_1.parseArgs)({ args, options, allowPositionals: true, strict: true });
    }
    catch (e) {
        const unknown = /Unknown option '(-{1,2})([^']+)'/.exec(e.message);
        if (!unknown)
            throw new errors_1.ActionError(e.message.split('\n')[0]);
        const near = (0, text_1.closest)(unknown[2], Object.keys(options));
        throw new errors_1.ActionError(`unknown option ${unknown[1]}${unknown[2]}`, undefined, near ? `did you mean --${near}? (--help lists the options)` : 'see --help for the options');
    }
    const flags = {};
    for (const [k, v] of Object.entries(parsed.values))
        if (v !== undefined)
            flags[k] = String(v);
    return { flags, positional: parsed.positionals };
}
/**
 * MCP_* variables that name no input and are not one of ours: most likely a typo, which would leave the
 * input at its default without a word. A warning, not an error: CI systems set variables of their own.
 */
function unknownInputVariables(env, others = []) {
    const known = new Map(exports.ALL_INPUTS.map((n) => [(0, inputs_1.envName)(n), n]));
    const out = [];
    for (const v of Object.keys(env)) {
        if (!v.startsWith('MCP_') || known.has(v) || v.startsWith('MCP_DEPLOY_') || others.includes(v))
            continue;
        const near = (0, text_1.closest)(v, [...known.keys()], Math.max(2, Math.floor(v.length / 4)));
        if (near)
            out.push({ variable: v, closest: known.get(near) });
    }
    return out;
}
/** Variables our own templates set that are not inputs (the GitLab template's switches and hand-overs). */
const OTHER_VARIABLES = ['MCP_CLI', 'MCP_DISABLED', 'MCP_DIGEST', 'MCP_TOKEN', 'MCP_HEADERS'];
function warnUnknownVariables(env = process.env) {
    for (const u of unknownInputVariables(env, OTHER_VARIABLES))
        log_1.log.warning(`${u.variable} names no input, so it changes nothing; did you mean ${(0, inputs_1.envName)(u.closest)} (input ${u.closest})?`);
}


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

/***/ 73190:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CommandError = void 0;
exports.stopAll = stopAll;
exports.brief = brief;
exports.quote = quote;
exports.toolEnv = toolEnv;
exports.exec = exec;
exports.execOk = execOk;
exports.outputTail = outputTail;
const node_child_process_1 = __webpack_require__(31421);
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const log_1 = __webpack_require__(46472);
/** Process groups of the commands running now, so a signal to this process can end them too. */
const running = new Set();
/**
 * Ends every running command and what it started (they run in process groups of their own, so a
 * terminal's Ctrl-C or a runner's SIGTERM never reaches them by itself). Returns how many there were.
 */
function stopAll(signal = 'SIGTERM') {
    for (const pid of running) {
        try {
            process.kill(-pid, signal);
        }
        catch {
            // already gone
        }
    }
    return running.size;
}
/**
 * The words of a command without its options and their values (`kubectl rollout status deployment/x`),
 * for progress lines that are read at a glance.
 */
function brief(argv) {
    const words = [argv[0].split('/').pop() ?? argv[0]];
    for (let k = 1; k < argv.length && words.length < 5; k++) {
        if (argv[k] === '--')
            break;
        if (argv[k].startsWith('-')) {
            if (!argv[k].includes('=') && argv[k + 1] !== undefined && !argv[k + 1].startsWith('-'))
                k++;
        }
        else
            words.push(argv[k]);
    }
    return words.join(' ');
}
function quote(argv) {
    return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
/**
 * Job credentials a runner puts in every step's environment; no tool this project runs needs them, and a
 * crate's tests or a dependency's build.rs run as such a tool.
 */
const RUNNER_CREDENTIALS = new Set([
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'CI_JOB_TOKEN',
    'CI_JOB_JWT',
    'CI_JOB_JWT_V1',
    'CI_JOB_JWT_V2',
    'CI_REGISTRY_PASSWORD',
    'CI_DEPLOY_PASSWORD',
    // GitLab's id_tokens for cosign; only the keyless signing child gets it (src/tools/cosign.ts signEnv).
    'SIGSTORE_ID_TOKEN',
]);
/** The CLI's secret inputs as variables, kept from tools even when empty or too short to register. */
const SECRET_ENV = new Set(inputs_1.SECRET_INPUTS.map(inputs_1.envName));
/**
 * What a tool inherits: the environment without the action's inputs (INPUT_*), the CLI's secret inputs,
 * the runners' job credentials, and any variable that holds a secret read as an input. A tool that needs
 * one of them is given it by name through `env`.
 */
function toolEnv(base) {
    const env = {};
    for (const [k, v] of Object.entries(base)) {
        if (v === undefined || k.startsWith('INPUT_') || RUNNER_CREDENTIALS.has(k) || SECRET_ENV.has(k))
            continue;
        if ((0, log_1.holdsSecret)(v))
            continue;
        env[k] = v;
    }
    return env;
}
async function exec(argv, opts = {}) {
    const [cmd, ...args] = argv;
    if (opts.echo !== false)
        log_1.log.info(`$ ${quote(argv)}`);
    const env = toolEnv(process.env);
    for (const [k, v] of Object.entries(opts.env ?? {})) {
        if (v === undefined)
            delete env[k];
        else
            env[k] = v;
    }
    const started = Date.now();
    return new Promise((resolve, reject) => {
        const child = (0, node_child_process_1.spawn)(cmd, args, {
            cwd: opts.cwd,
            env,
            stdio: ['pipe', 'pipe', 'pipe'],
            // Own process group, so a timeout kills the tool and whatever it started (cargo -> rustc).
            detached: true,
        });
        if (child.pid)
            running.add(child.pid);
        // Streamed output already shows that the command is alive.
        const progressMs = opts.progressMs ?? (opts.stream ? 0 : 15_000);
        const progress = progressMs > 0
            ? setInterval(() => {
                log_1.log.info(`… ${brief(argv)}: still running after ${Math.round((Date.now() - started) / 1000)} s`);
            }, progressMs)
            : undefined;
        const out = [];
        const err = [];
        let timedOut = false;
        let aborted = false;
        let timer;
        const killGroup = () => {
            try {
                process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                child.kill('SIGKILL');
            }
        };
        if (opts.timeoutMs) {
            timer = setTimeout(() => {
                timedOut = true;
                killGroup();
            }, opts.timeoutMs);
        }
        const onAbort = () => {
            aborted = true;
            killGroup();
        };
        if (opts.signal?.aborted)
            onAbort();
        else
            opts.signal?.addEventListener('abort', onAbort, { once: true });
        const streamer = (sink) => {
            let partial = '';
            return (chunk) => {
                sink.push(chunk);
                if (!opts.stream && !opts.onLine)
                    return;
                const lines = (partial + chunk.toString('utf8')).split('\n');
                partial = lines.pop() ?? '';
                for (const l of lines) {
                    if (opts.stream)
                        log_1.log.info(l);
                    opts.onLine?.((0, log_1.redact)(l));
                }
            };
        };
        child.stdout.on('data', streamer(out));
        child.stderr.on('data', streamer(err));
        const settle = () => {
            if (timer)
                clearTimeout(timer);
            clearInterval(progress);
            if (child.pid)
                running.delete(child.pid);
        };
        child.on('error', (e) => {
            settle();
            reject(e.code === 'ENOENT'
                ? new errors_1.ActionError(`'${cmd}' was not found on PATH`, undefined, `install ${cmd} or add it to PATH`)
                : e);
        });
        child.on('close', (code, signal) => {
            settle();
            opts.signal?.removeEventListener('abort', onAbort);
            resolve({
                argv: [...argv],
                exitCode: code ?? 128,
                signal: signal ?? undefined,
                stdout: (0, log_1.redact)(Buffer.concat(out).toString('utf8')),
                stderr: (0, log_1.redact)(Buffer.concat(err).toString('utf8')),
                durationMs: Date.now() - started,
                timedOut,
                aborted,
            });
        });
        child.stdin.on('error', () => undefined); // a tool that exits without reading stdin is not our error
        child.stdin.end(opts.input ?? '');
    });
}
/** Runs and throws when the command fails, with the tail of its stderr in the message. */
async function execOk(argv, opts = {}) {
    const r = await exec(argv, opts);
    if (r.exitCode !== 0)
        throw new CommandError(r);
    return r;
}
/** The last `n` lines a command printed: its stderr, or its stdout when stderr is empty. */
function outputTail(r, n) {
    return (r.stderr || r.stdout).trim().split('\n').slice(-n).join('\n');
}
class CommandError extends Error {
    result;
    constructor(result) {
        const tail = outputTail(result, 5);
        super(`${quote(result.argv.slice(0, 3))} ${result.timedOut ? 'timed out' : `exited with ${result.exitCode}`}${tail ? `:\n${tail}` : ''}`);
        this.result = result;
        this.name = 'CommandError';
    }
}
exports.CommandError = CommandError;


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

/***/ 90615:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.originUrl = void 0;
exports.checkoutFacts = checkoutFacts;
const exec_1 = __webpack_require__(73190);
/**
 * What git prints, or undefined when git is missing, the directory is not a repository or the ref does
 * not exist: for a local run each of these only means "not known", and the caller picks a fallback.
 */
async function read(args, cwd) {
    try {
        const r = await (0, exec_1.exec)(['git', ...args], { cwd, echo: false });
        return r.exitCode === 0 ? r.stdout.trim() : undefined;
    }
    catch {
        return undefined;
    }
}
const originUrl = (cwd) => read(['remote', 'get-url', 'origin'], cwd);
exports.originUrl = originUrl;
/** What a laptop run takes from the checkout in place of the CI's variables. */
async function checkoutFacts(dir) {
    const remoteHead = await read(['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD'], dir);
    return {
        top: await read(['rev-parse', '--show-toplevel'], dir),
        branch: await read(['symbolic-ref', '-q', 'HEAD'], dir),
        sha: await read(['rev-parse', 'HEAD'], dir),
        remoteUrl: await (0, exports.originUrl)(dir),
        defaultBranch: remoteHead?.replace(/^origin\//, ''),
    };
}


/***/ })

};
;