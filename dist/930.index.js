"use strict";
exports.id = 930;
exports.ids = [930,691];
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


/***/ })

};
;