"use strict";
exports.id = 661;
exports.ids = [661,190,691,809];
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

/***/ 86661:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.post = post;
const cleanup_1 = __webpack_require__(72691);
const log_1 = __webpack_require__(46472);
/** The action's post step: undoes what the main step saved (logins, secret files), even after a failure. */
async function post() {
    (0, log_1.setSink)(log_1.githubSink);
    await (0, cleanup_1.runCleanups)((0, cleanup_1.savedCleanups)());
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