"use strict";
exports.id = 141;
exports.ids = [141];
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

/***/ 11141:
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
exports.toolsCommand = void 0;
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
const install_1 = __webpack_require__(54884);
const pinned_1 = __webpack_require__(47409);
const args_1 = __webpack_require__(62309);
const TOOLS = ['kubectl', 'trivy', 'cargo-audit', 'cosign'];
const ARCHES = { amd64: 'linux-x64', arm64: 'linux-arm64' };
/**
 * Trivy's release archive also carries contrib/ (the report templates, among them gitlab.tpl, which the
 * GitLab scan job converts with). Same asset, same pinned sha256: only the archive member differs.
 */
const TRIVY_CONTRIB = {
    ...pinned_1.PINNED,
    trivy: { ...pinned_1.PINNED.trivy, member: () => 'contrib' },
};
exports.toolsCommand = {
    usage: `mcp-deploy tools install --dir DIR [--arch amd64|arm64] [--mirror URL]

Installs the pinned kubectl, trivy, cargo-audit and cosign the way the stages do (the official release asset, or
<mirror>/<tool>/<version>/<asset>, checked against its pinned sha256 before anything is unpacked) into
DIR/bin, and Trivy's report templates into DIR/contrib. --arch picks the platform (default: this
machine's), so an amd64 build can fill an arm64 image (docker/Dockerfile does).`,
    async run(args) {
        const { flags, positional } = (0, args_1.parseArgs)(args, {
            inputs: [],
            own: { dir: false, arch: false, mirror: false },
        });
        if (positional[0] !== 'install')
            throw new errors_1.ActionError(`unknown tools subcommand '${positional[0] ?? ''}'`, 'tools', 'use: mcp-deploy tools install --dir DIR');
        if (!flags.dir)
            throw new errors_1.ActionError('--dir is required', 'dir', 'pass --dir DIR (tools go to DIR/bin)');
        const platform = flags.arch ? ARCHES[flags.arch] : undefined;
        if (flags.arch && !platform)
            throw new errors_1.ActionError(`'${flags.arch}' is not a supported architecture`, 'arch', 'use --arch amd64 or --arch arm64');
        const mirror = flags.mirror ?? '';
        if (mirror && !/^https?:\/\/\S+$/.test(mirror))
            throw new errors_1.ActionError(`'${mirror}' is not an http(s) address`, 'mirror', 'use e.g. https://artifacts.example.com/tools');
        const bin = path.join(path.resolve(flags.dir), 'bin');
        fs.mkdirSync(bin, { recursive: true });
        const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tools-'));
        try {
            // A cache of our own per install: nothing on PATH or in a runner's cache stands in for a download.
            const install = async (name, table, cache) => {
                process.env.RUNNER_TOOL_CACHE = path.join(work, cache);
                process.env.RUNNER_TEMP = work;
                return (0, install_1.ensureTool)(name, { usePath: false, mirror, platform, table });
            };
            for (const name of TOOLS) {
                const exe = await install(name, pinned_1.PINNED, name);
                fs.copyFileSync(exe, path.join(bin, name));
                fs.chmodSync(path.join(bin, name), 0o755);
                log_1.log.info(`${name}: ${path.join(bin, name)}`);
            }
            const contrib = await install('trivy', TRIVY_CONTRIB, 'trivy-contrib');
            fs.cpSync(contrib, path.join(path.resolve(flags.dir), 'contrib'), { recursive: true });
            return 0;
        }
        finally {
            fs.rmSync(work, { recursive: true, force: true });
        }
    },
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


/***/ })

};
;