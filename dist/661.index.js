"use strict";
exports.id = 661;
exports.ids = [661];
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
const exec_1 = __webpack_require__(73190);
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
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
                await (0, exec_1.exec)(['docker', 'logout', c.registry], {
                    env: c.config ? { DOCKER_CONFIG: c.config } : undefined,
                });
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
exports.ActionError = void 0;
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
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 73190:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CommandError = void 0;
exports.quote = quote;
exports.exec = exec;
exports.execOk = execOk;
const node_child_process_1 = __webpack_require__(31421);
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
function quote(argv) {
    return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
async function exec(argv, opts = {}) {
    const [cmd, ...args] = argv;
    if (opts.echo !== false)
        log_1.log.info(`$ ${quote(argv)}`);
    const env = { ...process.env };
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
                if (!opts.stream)
                    return;
                const lines = (partial + chunk.toString('utf8')).split('\n');
                partial = lines.pop() ?? '';
                for (const l of lines)
                    log_1.log.info(l);
            };
        };
        child.stdout.on('data', streamer(out));
        child.stderr.on('data', streamer(err));
        child.on('error', (e) => {
            if (timer)
                clearTimeout(timer);
            reject(e.code === 'ENOENT'
                ? new errors_1.ActionError(`'${cmd}' was not found on PATH`, undefined, `install ${cmd} or add it to PATH`)
                : e);
        });
        child.on('close', (code, signal) => {
            if (timer)
                clearTimeout(timer);
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
class CommandError extends Error {
    result;
    constructor(result) {
        const tail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
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
exports.redact = redact;
exports.textSink = textSink;
exports.formatAnnotation = formatAnnotation;
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


/***/ })

};
;