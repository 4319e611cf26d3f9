"use strict";
exports.id = 190;
exports.ids = [190,809];
exports.modules = {

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


/***/ })

};
;