"use strict";
exports.id = 141;
exports.ids = [141];
exports.modules = {

/***/ 71675:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g;
    return g = { next: verb(0), "throw": verb(1), "return": verb(2) }, typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (_) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
var options_1 = __webpack_require__(21917);
var delay_factory_1 = __webpack_require__(65616);
/**
 * Executes a function with exponential backoff.
 * @param request the function to be executed
 * @param options options to customize the backoff behavior
 * @returns Promise that resolves to the result of the `request` function
 */
function backOff(request, options) {
    if (options === void 0) { options = {}; }
    return __awaiter(this, void 0, void 0, function () {
        var sanitizedOptions, backOff;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    sanitizedOptions = options_1.getSanitizedOptions(options);
                    backOff = new BackOff(request, sanitizedOptions);
                    return [4 /*yield*/, backOff.execute()];
                case 1: return [2 /*return*/, _a.sent()];
            }
        });
    });
}
exports.backOff = backOff;
var BackOff = /** @class */ (function () {
    function BackOff(request, options) {
        this.request = request;
        this.options = options;
        this.attemptNumber = 0;
    }
    BackOff.prototype.execute = function () {
        return __awaiter(this, void 0, void 0, function () {
            var e_1, shouldRetry;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        if (!!this.attemptLimitReached) return [3 /*break*/, 7];
                        _a.label = 1;
                    case 1:
                        _a.trys.push([1, 4, , 6]);
                        return [4 /*yield*/, this.applyDelay()];
                    case 2:
                        _a.sent();
                        return [4 /*yield*/, this.request()];
                    case 3: return [2 /*return*/, _a.sent()];
                    case 4:
                        e_1 = _a.sent();
                        this.attemptNumber++;
                        return [4 /*yield*/, this.options.retry(e_1, this.attemptNumber)];
                    case 5:
                        shouldRetry = _a.sent();
                        if (!shouldRetry || this.attemptLimitReached) {
                            throw e_1;
                        }
                        return [3 /*break*/, 6];
                    case 6: return [3 /*break*/, 0];
                    case 7: throw new Error("Something went wrong.");
                }
            });
        });
    };
    Object.defineProperty(BackOff.prototype, "attemptLimitReached", {
        get: function () {
            return this.attemptNumber >= this.options.numOfAttempts;
        },
        enumerable: true,
        configurable: true
    });
    BackOff.prototype.applyDelay = function () {
        return __awaiter(this, void 0, void 0, function () {
            var delay;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        delay = delay_factory_1.DelayFactory(this.options, this.attemptNumber);
                        return [4 /*yield*/, delay.apply()];
                    case 1:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    return BackOff;
}());
//# sourceMappingURL=backoff.js.map

/***/ }),

/***/ 45877:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (b.hasOwnProperty(p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
var delay_base_1 = __webpack_require__(64973);
var AlwaysDelay = /** @class */ (function (_super) {
    __extends(AlwaysDelay, _super);
    function AlwaysDelay() {
        return _super !== null && _super.apply(this, arguments) || this;
    }
    return AlwaysDelay;
}(delay_base_1.Delay));
exports.AlwaysDelay = AlwaysDelay;
//# sourceMappingURL=always.delay.js.map

/***/ }),

/***/ 64973:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
var jitter_factory_1 = __webpack_require__(18210);
var Delay = /** @class */ (function () {
    function Delay(options) {
        this.options = options;
        this.attempt = 0;
    }
    Delay.prototype.apply = function () {
        var _this = this;
        return new Promise(function (resolve) { return setTimeout(resolve, _this.jitteredDelay); });
    };
    Delay.prototype.setAttemptNumber = function (attempt) {
        this.attempt = attempt;
    };
    Object.defineProperty(Delay.prototype, "jitteredDelay", {
        get: function () {
            var jitter = jitter_factory_1.JitterFactory(this.options);
            return jitter(this.delay);
        },
        enumerable: true,
        configurable: true
    });
    Object.defineProperty(Delay.prototype, "delay", {
        get: function () {
            var constant = this.options.startingDelay;
            var base = this.options.timeMultiple;
            var power = this.numOfDelayedAttempts;
            var delay = constant * Math.pow(base, power);
            return Math.min(delay, this.options.maxDelay);
        },
        enumerable: true,
        configurable: true
    });
    Object.defineProperty(Delay.prototype, "numOfDelayedAttempts", {
        get: function () {
            return this.attempt;
        },
        enumerable: true,
        configurable: true
    });
    return Delay;
}());
exports.Delay = Delay;
//# sourceMappingURL=delay.base.js.map

/***/ }),

/***/ 65616:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
var skip_first_delay_1 = __webpack_require__(81519);
var always_delay_1 = __webpack_require__(45877);
function DelayFactory(options, attempt) {
    var delay = initDelayClass(options);
    delay.setAttemptNumber(attempt);
    return delay;
}
exports.DelayFactory = DelayFactory;
function initDelayClass(options) {
    if (!options.delayFirstAttempt) {
        return new skip_first_delay_1.SkipFirstDelay(options);
    }
    return new always_delay_1.AlwaysDelay(options);
}
//# sourceMappingURL=delay.factory.js.map

/***/ }),

/***/ 81519:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (b.hasOwnProperty(p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g;
    return g = { next: verb(0), "throw": verb(1), "return": verb(2) }, typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (_) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
var delay_base_1 = __webpack_require__(64973);
var SkipFirstDelay = /** @class */ (function (_super) {
    __extends(SkipFirstDelay, _super);
    function SkipFirstDelay() {
        return _super !== null && _super.apply(this, arguments) || this;
    }
    SkipFirstDelay.prototype.apply = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                return [2 /*return*/, this.isFirstAttempt ? true : _super.prototype.apply.call(this)];
            });
        });
    };
    Object.defineProperty(SkipFirstDelay.prototype, "isFirstAttempt", {
        get: function () {
            return this.attempt === 0;
        },
        enumerable: true,
        configurable: true
    });
    Object.defineProperty(SkipFirstDelay.prototype, "numOfDelayedAttempts", {
        get: function () {
            return this.attempt - 1;
        },
        enumerable: true,
        configurable: true
    });
    return SkipFirstDelay;
}(delay_base_1.Delay));
exports.SkipFirstDelay = SkipFirstDelay;
//# sourceMappingURL=skip-first.delay.js.map

/***/ }),

/***/ 96589:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
function fullJitter(delay) {
    var jitteredDelay = Math.random() * delay;
    return Math.round(jitteredDelay);
}
exports.fullJitter = fullJitter;
//# sourceMappingURL=full.jitter.js.map

/***/ }),

/***/ 18210:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
var full_jitter_1 = __webpack_require__(96589);
var no_jitter_1 = __webpack_require__(32681);
function JitterFactory(options) {
    switch (options.jitter) {
        case "full":
            return full_jitter_1.fullJitter;
        case "none":
        default:
            return no_jitter_1.noJitter;
    }
}
exports.JitterFactory = JitterFactory;
//# sourceMappingURL=jitter.factory.js.map

/***/ }),

/***/ 32681:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
function noJitter(delay) {
    return delay;
}
exports.noJitter = noJitter;
//# sourceMappingURL=no.jitter.js.map

/***/ }),

/***/ 21917:
/***/ (function(__unused_webpack_module, exports) {


var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
var defaultOptions = {
    delayFirstAttempt: false,
    jitter: "none",
    maxDelay: Infinity,
    numOfAttempts: 10,
    retry: function () { return true; },
    startingDelay: 100,
    timeMultiple: 2
};
function getSanitizedOptions(options) {
    var sanitized = __assign(__assign({}, defaultOptions), options);
    if (sanitized.numOfAttempts < 1) {
        sanitized.numOfAttempts = 1;
    }
    return sanitized;
}
exports.getSanitizedOptions = getSanitizedOptions;
//# sourceMappingURL=options.js.map

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

/***/ 49809:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DOWNLOAD_POLICY = exports.registryPolicy = void 0;
exports.retry = retry;
const exponential_backoff_1 = __webpack_require__(71675);
/** Registry calls (login, push, imagetools): `push-retries` retries, waiting 1, 2, 4 ... s. */
const registryPolicy = (retries) => ({
    attempts: retries + 1,
    firstDelayMs: 1000,
});
exports.registryPolicy = registryPolicy;
/** Tool downloads: four attempts, waiting 1, 2, 4 s. */
exports.DOWNLOAD_POLICY = { attempts: 4, firstDelayMs: 1000 };
/**
 * Runs `fn` until it resolves, `retryable` says no, or the policy's attempts are spent; `onRetry` hears
 * of each retry (attempt number, the wait before the next one) before the wait. The last error is thrown.
 */
function retry(policy, fn, retryable, onRetry = () => undefined) {
    let attempt = 0;
    return (0, exponential_backoff_1.backOff)(() => fn(++attempt), {
        numOfAttempts: policy.attempts,
        startingDelay: policy.firstDelayMs,
        timeMultiple: 2,
        jitter: 'none',
        ...(policy.maxDelayMs ? { maxDelay: policy.maxDelayMs } : {}),
        retry: (e, n) => {
            if (!retryable(e))
                return false;
            if (n < policy.attempts)
                onRetry(e, n, Math.min(policy.firstDelayMs * 2 ** (n - 1), policy.maxDelayMs ?? Infinity));
            return true;
        },
    });
}


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

/***/ 54884:
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
exports.currentPlatform = currentPlatform;
exports.versionIn = versionIn;
exports.assetUrl = assetUrl;
exports.readToolsMirror = readToolsMirror;
exports.ensureTool = ensureTool;
const tc = __importStar(__webpack_require__(33472));
const http_client_1 = __webpack_require__(54844);
const node_crypto_1 = __webpack_require__(77598);
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const node_stream_1 = __webpack_require__(57075);
const promises_1 = __webpack_require__(46466);
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
const retry_1 = __webpack_require__(49809);
const path_1 = __webpack_require__(70836);
const pinned_1 = __webpack_require__(47409);
function currentPlatform(platform = process.platform, arch = process.arch) {
    if (platform === 'linux' && arch === 'x64')
        return 'linux-x64';
    if (platform === 'linux' && arch === 'arm64')
        return 'linux-arm64';
    throw new errors_1.ActionError(`no pinned tools for ${platform}/${arch}`, undefined, 'run on a Linux x64 or arm64 runner, or put the tool on PATH at the pinned version');
}
/** The first x.y.z in a tool's version output ("Version: 0.69.3", "Client Version: v1.32.4-dispatcher"). */
function versionIn(output) {
    return /(\d+\.\d+\.\d+)/.exec(output)?.[1];
}
function assetUrl(name, version, p, mirror, table) {
    const spec = table[name];
    if (!mirror)
        return spec.url(version, p);
    return `${mirror.replace(/\/+$/, '')}/${name}/${version}/${spec.asset(version, p)}`;
}
/** The `tools-mirror` input, read by every stage that installs a tool. */
function readToolsMirror(r) {
    const mirror = r.string('tools-mirror');
    if (mirror && !/^https?:\/\/[^\s]+$/.test(mirror))
        throw new errors_1.ActionError(`'${mirror}' is not an http(s) address`, 'tools-mirror', 'use e.g. https://artifacts.example.com/tools');
    return mirror;
}
/** @actions/tool-cache needs these; the CLI and GitLab jobs have no runner to set them. */
function ensureRunnerDirs() {
    process.env.RUNNER_TOOL_CACHE ||= path.join(os.homedir(), '.cache', 'mcp-deploy', 'tools');
    process.env.RUNNER_TEMP ||= os.tmpdir();
}
const inflight = new Map();
/**
 * The absolute path of the tool's executable at the pinned (or asked) version: from PATH when it is
 * already there at that version, else from the tool cache, else downloaded, verified against its sha256
 * before anything is unpacked, and cached.
 */
function ensureTool(name, opts = {}) {
    const table = opts.table ?? pinned_1.PINNED;
    const version = (opts.version || table[name].version).replace(/^v/, '');
    const key = `${name}@${version}`;
    let p = inflight.get(key);
    if (!p) {
        p = resolveTool(name, version, table, opts).finally(() => inflight.delete(key));
        inflight.set(key, p);
    }
    return p;
}
async function resolveTool(name, version, table, opts) {
    const spec = table[name];
    if (opts.usePath !== false) {
        const onPath = (0, path_1.which)(name);
        if (onPath) {
            const found = await versionOf(onPath, spec.versionArgs);
            if (found === version) {
                log_1.log.info(`${name} ${version}: using ${onPath}`);
                return onPath;
            }
            log_1.log.info(`${name} on PATH (${onPath}) is ${found ?? 'of an unknown version'}, not ${version}: installing ${version}`);
        }
    }
    ensureRunnerDirs();
    const cached = tc.find(name, version);
    if (cached && fs.existsSync(path.join(cached, name))) {
        log_1.log.info(`${name} ${version}: from the tool cache (${cached})`);
        return path.join(cached, name);
    }
    const platform = opts.platform ?? currentPlatform();
    const expected = (opts.sha256 || spec.sha256[version]?.[platform] || '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(expected))
        throw new errors_1.ActionError(expected
            ? `'${expected}' is not a sha256 digest`
            : `no pinned sha256 for ${name} ${version} on ${platform}`, `${name}-sha256`, `give the sha256 of ${spec.asset(version, platform)} from the release's published checksums, or use ${name} ${spec.version}`);
    const mirror = opts.mirror ?? '';
    const url = assetUrl(name, version, platform, mirror, table);
    const work = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP, `${name}-`));
    try {
        const file = path.join(work, spec.asset(version, platform));
        const started = Date.now();
        const actual = await download(url, file, opts.retry ?? retry_1.DOWNLOAD_POLICY);
        if (actual !== expected)
            throw new errors_1.ActionError(`checksum mismatch for ${name} ${version} (${url}): expected sha256 ${expected}, got ${actual}; nothing was unpacked or run`, mirror ? 'tools-mirror' : opts.sha256 ? `${name}-sha256` : undefined, mirror
                ? 'make the mirror serve the official release asset unchanged'
                : 'retry; if it persists, the release asset differs from the one pinned: do not use it');
        log_1.log.info(`${name} ${version}: downloaded ${url} in ${Date.now() - started} ms, sha256 ${actual} verified`);
        const stage = path.join(work, 'stage');
        fs.mkdirSync(stage);
        const exe = path.join(stage, name);
        const member = spec.member?.(version, platform);
        if (member) {
            const unpacked = path.join(work, 'unpacked');
            fs.mkdirSync(unpacked);
            const r = await (0, exec_1.exec)(['tar', '-xzf', file, '-C', unpacked, member], { echo: false });
            if (r.exitCode !== 0)
                throw new Error(`${name} ${version}: ${spec.asset(version, platform)} has no ${member}: ${r.stderr.trim()}`);
            fs.renameSync(path.join(unpacked, member), exe);
        }
        else {
            fs.renameSync(file, exe);
        }
        fs.chmodSync(exe, 0o755);
        const dir = await tc.cacheDir(stage, name, version);
        return path.join(dir, name);
    }
    finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}
async function versionOf(exe, args) {
    try {
        const r = await (0, exec_1.exec)([exe, ...args], { echo: false, timeoutMs: 30_000 });
        return versionIn(`${r.stdout}\n${r.stderr}`);
    }
    catch {
        return undefined;
    }
}
class StatusError extends Error {
    status;
    constructor(status, url) {
        super(`HTTP ${status} from ${url}`);
        this.status = status;
    }
}
// Worth another try: the server or the network hiccuped. A 404 or an unknown host will not get better.
function transient(e) {
    if (e instanceof StatusError)
        return e.status >= 500 || e.status === 408 || e.status === 429;
    const code = e.code ?? '';
    return (['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ESOCKETTIMEDOUT'].includes(code) ||
        /socket hang up|timeout/i.test((0, errors_1.errorMessage)(e)));
}
/** Streams `url` into `dest` (0600, never executable) and returns its sha256; retries transient failures. */
async function download(url, dest, policy) {
    try {
        return await (0, retry_1.retry)(policy, async () => {
            try {
                return await downloadOnce(url, dest);
            }
            catch (e) {
                fs.rmSync(dest, { force: true });
                throw e;
            }
        }, transient, (e, attempt, wait) => log_1.log.info(`download of ${url} failed (${(0, errors_1.errorMessage)(e)}), attempt ${attempt}/${policy.attempts}; retrying in ${wait} ms`));
    }
    catch (e) {
        throw new Error(`download of ${url} failed: ${(0, errors_1.errorMessage)(e)}`);
    }
}
async function downloadOnce(url, dest) {
    // The http-client of @actions/tool-cache: it follows the release redirects and honours https_proxy.
    const client = new http_client_1.HttpClient('mcp-deploy-action', [], { allowRetries: false, socketTimeout: 120_000 });
    try {
        const res = await client.get(url);
        if (res.message.statusCode !== 200) {
            res.message.resume();
            throw new StatusError(res.message.statusCode ?? 0, url);
        }
        const hash = (0, node_crypto_1.createHash)('sha256');
        const tap = new node_stream_1.Transform({
            transform(chunk, _enc, done) {
                hash.update(chunk);
                done(null, chunk);
            },
        });
        await (0, promises_1.pipeline)(res.message, tap, fs.createWriteStream(dest, { mode: 0o600 }));
        return hash.digest('hex');
    }
    finally {
        client.dispose();
    }
}


/***/ }),

/***/ 70836:
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
exports.which = which;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
/** The absolute path of an executable on PATH, or undefined. */
function which(cmd, envPath = process.env.PATH ?? '') {
    for (const dir of envPath.split(path.delimiter)) {
        if (!dir)
            continue;
        const candidate = path.join(dir, cmd);
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            if (fs.statSync(candidate).isFile())
                return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}


/***/ }),

/***/ 47409:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PINNED = void 0;
const trivyArch = (p) => (p === 'linux-x64' ? 'Linux-64bit' : 'Linux-ARM64');
const goArch = (p) => (p === 'linux-x64' ? 'amd64' : 'arm64');
// cargo-audit publishes a static musl build for x86_64 only; aarch64 is glibc.
const rustTarget = (p) => p === 'linux-x64' ? 'x86_64-unknown-linux-musl' : 'aarch64-unknown-linux-gnu';
const auditDir = (v, p) => `cargo-audit-${rustTarget(p)}-v${v}`;
exports.PINNED = {
    trivy: {
        version: '0.69.3',
        url: (v, p) => `https://github.com/aquasecurity/trivy/releases/download/v${v}/trivy_${v}_${trivyArch(p)}.tar.gz`,
        asset: (v, p) => `trivy_${v}_${trivyArch(p)}.tar.gz`,
        member: () => 'trivy',
        sha256: {
            '0.69.3': {
                'linux-x64': '1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75',
                'linux-arm64': '7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd',
            },
        },
        versionArgs: ['--version'],
    },
    kubectl: {
        version: '1.32.4',
        url: (v, p) => `https://dl.k8s.io/release/v${v}/bin/linux/${goArch(p)}/kubectl`,
        asset: () => 'kubectl',
        sha256: {
            '1.32.4': {
                'linux-x64': '10d739e9af8a59c9e7a730a2445916e04bc9cbb44bc79d22ce460cd329fa076c',
                'linux-arm64': 'c6f96d0468d6976224f5f0d81b65e1a63b47195022646be83e49d38389d572c2',
            },
        },
        versionArgs: ['version', '--client'],
    },
    'cargo-audit': {
        version: '0.22.2',
        url: (v, p) => `https://github.com/rustsec/rustsec/releases/download/cargo-audit%2Fv${v}/${auditDir(v, p)}.tgz`,
        asset: (v, p) => `${auditDir(v, p)}.tgz`,
        member: (v, p) => `${auditDir(v, p)}/cargo-audit`,
        sha256: {
            '0.22.2': {
                'linux-x64': '7fb9497f8594b389e5fce5ef9b92db08432996895b2e0c5a0167a69ed445c428',
                'linux-arm64': 'c6603814ddaa45e51263dafd31c0ac98808f688d26f7395804f9670b0fd599dd',
            },
        },
        versionArgs: ['--version'],
    },
    cosign: {
        version: '2.6.1',
        url: (v, p) => `https://github.com/sigstore/cosign/releases/download/v${v}/cosign-linux-${goArch(p)}`,
        asset: (_v, p) => `cosign-linux-${goArch(p)}`,
        sha256: {
            '2.6.1': {
                'linux-x64': '064954c5d8c7e3b28188eee5b1727b31c411550bc5fefd41aa672d3c761d103a',
                'linux-arm64': '56a16480bdd56ec789abaa65924402f6b92c0041f06885995853c05567b76f34',
            },
        },
        versionArgs: ['version'],
    },
};


/***/ })

};
;