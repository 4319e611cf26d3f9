"use strict";
exports.id = 653;
exports.ids = [653];
exports.modules = {

/***/ 62309:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseArgs = parseArgs;
const errors_1 = __webpack_require__(83916);
/** Flags whose presence alone means true; every other flag takes a value. */
function parseArgs(argv, booleans = []) {
    const flags = {};
    const positional = [];
    let help = false;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--help' || a === '-h')
            help = true;
        else if (a === '--') {
            positional.push(...argv.slice(i + 1));
            break;
        }
        else if (a.startsWith('--')) {
            const eq = a.indexOf('=');
            const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
            if (eq > 0)
                flags[name] = a.slice(eq + 1);
            else if (booleans.includes(name))
                flags[name] = 'true';
            else {
                if (i + 1 >= argv.length || argv[i + 1].startsWith('--'))
                    throw new errors_1.ActionError(`option --${name} needs a value`, name, `write --${name} <value>`);
                flags[name] = argv[++i];
            }
        }
        else
            positional.push(a);
    }
    return { flags, positional, help };
}


/***/ }),

/***/ 32653:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.lintCommand = void 0;
const inputs_1 = __webpack_require__(38422);
const lint_1 = __webpack_require__(37937);
const log_1 = __webpack_require__(46472);
const args_1 = __webpack_require__(62309);
const local_1 = __webpack_require__(67249);
exports.lintCommand = {
    usage: `mcp-deploy lint [PATH...] [options]

PATH is a manifest file, a directory of YAML files, a kustomize overlay (rendered with kubectl kustomize)
or - for stdin; default: the current directory.

Options:
  --mcp-path PATH          the MCP endpoint (default /mcp)
  --mcp-sessions MODE      stateful | stateless: does the server keep sessions in memory (default stateful)
  --lint MODE              error | warn | off, as the action's input: warn never fails (default error)
  --strict                 warnings fail too
  --format text|json       json prints the findings as one JSON object (default text)
  --workspace DIR          repository root for file paths in findings (default: git's top level)
Inputs not given as flags are read from MCP_<INPUT> variables (MCP_MCP_PATH), as in the GitLab template.

Exit status: 0 clean (or warnings only), 1 error findings, 2 usage error.

Rules:
${(0, lint_1.ruleList)()}

Annotations (on the object): mcp-deploy.dev/sessions: stateless|stateful, mcp-deploy.dev/mcp-path: /path,
mcp-deploy.dev/host-check: disabled, mcp-deploy.dev/ignore: MCP002,MCP006 (IDs or names).`,
    async run(args) {
        const { flags, positional } = (0, args_1.parseArgs)(args, ['strict']);
        const { strict, format = 'text' } = flags;
        if (format !== 'text' && format !== 'json') {
            process.stderr.write(`error: --format must be text or json\n`);
            return 2;
        }
        const inputs = (0, lint_1.parseLintInputs)(new inputs_1.InputReader((0, inputs_1.cliSource)(flags)));
        if (inputs.mode === 'off') {
            log_1.log.info('lint is off');
            return 0;
        }
        const { workspace } = await (0, local_1.cliContext)(process.cwd(), flags);
        const result = await (0, lint_1.lintPaths)(positional.length ? positional : ['.'], {
            mcpPath: inputs.mcpPath,
            sessions: inputs.sessions,
            workspace,
        });
        if (format === 'json')
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
            for (const f of result.findings)
                log_1.log.annotate((0, lint_1.toAnnotation)(f, inputs.mode));
            process.stdout.write(`\n${result.findings.length ? (0, lint_1.lintSummary)(result, false).toText() : `${(0, lint_1.headline)(result)}\n`}`);
        }
        return (0, lint_1.lintFailed)(result, inputs.mode, strict === 'true') ? 1 : 0;
    },
};


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
const path = __importStar(__webpack_require__(76760));
const context_1 = __webpack_require__(40788);
const exec_1 = __webpack_require__(73190);
async function git(args, cwd) {
    try {
        const r = await (0, exec_1.exec)(['git', ...args], { cwd, echo: false });
        return r.exitCode === 0 ? r.stdout.trim() : undefined;
    }
    catch {
        return undefined;
    }
}
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
    const top = (await git(['rev-parse', '--show-toplevel'], dir)) ?? dir;
    const branch = await git(['symbolic-ref', '-q', 'HEAD'], dir);
    const remoteHead = await git(['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD'], dir);
    return (0, context_1.localContext)({ ...env, MCP_DEPLOY_WORKSPACE: flags.workspace ? path.resolve(flags.workspace) : top }, dir, {
        ref: flags.ref ?? branch,
        sha: flags.sha ?? (await git(['rev-parse', 'HEAD'], dir)),
        remoteUrl: await git(['remote', 'get-url', 'origin'], dir),
        defaultBranch: remoteHead?.replace(/^origin\//, '') ?? (branch ? undefined : undefined),
    });
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


/***/ })

};
;