"use strict";
exports.id = 661;
exports.ids = [661,691];
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


/***/ })

};
;