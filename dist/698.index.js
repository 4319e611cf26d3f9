"use strict";
exports.id = 698;
exports.ids = [698];
exports.modules = {

/***/ 52698:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.cli = cli;
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
/**
 * Commands load on use (chunks of their own in the bundle): the MCP SDK, Octokit and the manifest linter
 * are not parsed for a command that does not need them, which keeps `run --stages gates` and `--help` quick.
 */
const COMMANDS = {
    plan: {
        summary: 'print the stages, the exact commands and the computed values; runs nothing',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(901), __webpack_require__.e(554), __webpack_require__.e(930)]).then(__webpack_require__.t.bind(__webpack_require__, 48930, 23))).planCommand,
    },
    run: {
        summary: 'run the stages locally with the same core as the action and print the summary',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(901), __webpack_require__.e(554), __webpack_require__.e(930)]).then(__webpack_require__.t.bind(__webpack_require__, 48930, 23))).runCommand,
    },
    verify: {
        summary: 'speak MCP to a server (HTTP or stdio), run the checks and compare its tool contract with a baseline',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(371), __webpack_require__.e(901), __webpack_require__.e(554), __webpack_require__.e(637), __webpack_require__.e(238)]).then(__webpack_require__.bind(__webpack_require__, 63613))).verifyCommand,
    },
    contract: {
        summary: "contract snapshot: write a server's tool contract (mcp-contract.json); contract diff A B",
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(371), __webpack_require__.e(901), __webpack_require__.e(554), __webpack_require__.e(637), __webpack_require__.e(74)]).then(__webpack_require__.t.bind(__webpack_require__, 87074, 23))).contractCommand,
    },
    lint: {
        summary: 'check Kubernetes manifests for the known MCP-over-HTTP deployment mistakes',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(901), __webpack_require__.e(554), __webpack_require__.e(937), __webpack_require__.e(878)]).then(__webpack_require__.bind(__webpack_require__, 32653))).lintCommand,
    },
    tools: {
        summary: 'install the pinned, checksummed kubectl, trivy and cargo-audit into a directory (the tool image)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(474), __webpack_require__.e(901), __webpack_require__.e(884), __webpack_require__.e(141)]).then(__webpack_require__.t.bind(__webpack_require__, 11141, 23))).toolsCommand,
    },
    init: {
        summary: 'write a Dockerfile, Kubernetes manifests, monitoring and a workflow into a repository',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(106), __webpack_require__.e(901), __webpack_require__.e(554), __webpack_require__.e(722)]).then(__webpack_require__.t.bind(__webpack_require__, 70722, 23))).initCommand,
    },
};
/**
 * Ctrl-C or a CI runner's SIGTERM: the commands run in process groups of their own, so they are ended here,
 * and what the run left on disk (a kubeconfig, a registry login) is removed before exiting.
 */
function interrupted(signal) {
    // Loaded here, not at start-up: --help and gates runs stay quick (see the bundle's chunks).
    void Promise.all([Promise.all(/* import() */[__webpack_require__.e(901), __webpack_require__.e(190)]).then(__webpack_require__.bind(__webpack_require__, 73190)), Promise.all(/* import() */[__webpack_require__.e(901), __webpack_require__.e(691)]).then(__webpack_require__.t.bind(__webpack_require__, 72691, 23))])
        .then(async ([{ stopAll }, { runCleanups }]) => {
        process.stderr.write(`mcp-deploy: ${signal}: ended ${stopAll()} running command(s); cleaning up\n`);
        await runCleanups();
    })
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}
function usage() {
    const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
    return `mcp-deploy: gates, build, scan, deploy and verify a Rust MCP server, as the GitHub Action does.

Usage: mcp-deploy <command> [options]     (mcp-deploy <command> --help for its options)

Commands:
${Object.entries(COMMANDS)
        .map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`)
        .join('\n')}
`;
}
async function cli(argv) {
    (0, log_1.quietToolkitDebug)();
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(usage());
        return name ? 0 : 2;
    }
    const entry = COMMANDS[name];
    if (!entry) {
        process.stderr.write(`error: unknown command '${name}'\n\n${usage()}`);
        return 2;
    }
    const cmd = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`${cmd.usage}\n`);
        return 0;
    }
    process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
    try {
        return await cmd.run(rest);
    }
    catch (e) {
        process.stderr.write(`error: ${(0, errors_1.errorMessage)(e)}\n`);
        return 2;
    }
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