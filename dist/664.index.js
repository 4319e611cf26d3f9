"use strict";
exports.id = 664;
exports.ids = [664];
exports.modules = {

/***/ 26591:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



exports.quote = __webpack_require__(5335);
exports.parse = __webpack_require__(42696);


/***/ }),

/***/ 42696:
/***/ ((module) => {



/**
 * @import {
 * 	ControlOperator,
 * 	Env,
 * 	GlobPattern,
 * 	ParseEntry,
 * } from './parse' */

// '<(' and '>(' are process substitution operators and
// can be parsed the same as control operator
var CONTROL = /** @type {const} */ ('(?:') + /** @type {const} */ ([
	'\\|\\|',
	'\\&(?:\\&|>>?)', // `&&`, `&>`, and `&>>`
	';;\\&?', // `;;` and `;;&`
	'[;|]\\&', // `;&` and `|&`
	'\\<\\(',
	'\\<\\<\\<',
	'\\<\\<-',
	'\\<\\<(?!\\()', // `<<(` stays `<` and `<(`, as zsh reads it; other shells reject it
	'>>',
	'>[&|(]', // `>&`, `>|`, and `>(`
	'<[&>]', // `<&` and `<>`
	'[&;()|<>]'
]).join(/** @type {const} */ ('|')) + /** @type {const} */ (')');
var controlRE = new RegExp('^' + CONTROL + '$');
var META = /** @type {const} */ ('|&;()<> \\t');
var SINGLE_QUOTE = /** @type {const} */ ('\'([^\']*?)\'');
// bash ANSI-C quoting, `$'...'`: a backslash escapes the next character, including `'`
var ANSI_C_BODY = '(?:\\\\[\\s\\S]|[^\\\\\'])*?';
var ANSI_C_QUOTE = '\\$\'' + ANSI_C_BODY + '\'';
var ansiCAt = new RegExp('\\$\'' + ANSI_C_BODY + '(?:(\')|\\\\?$)', 'g');
var ANSI_C_LETTERS = 'abeEfnrtv';
var ANSI_C_CHARS = '\x07\b\x1B\x1B\f\n\r\t\v';
var hash = /^#$/;

var SQ = /** @type {const} */ ("'");
var DQ = /** @type {const} */ ('"');
var DS = /** @type {const} */ ('$');

var TOKEN = '';
var mult = /** @type {const} */ (0x100000000); // Math.pow(16, 8);
for (var i = 0; i < 4; i++) {
	TOKEN += (mult * Math.random()).toString(16);
}
var startsWithToken = new RegExp('^' + TOKEN);

/**
 * @param {string} s
 * @param {RegExp} r
 */
function matchAll(s, r) {
	var origIndex = r.lastIndex;

	var matches = [];
	var matchObj;

	while ((matchObj = r.exec(s))) {
		matches[matches.length] = matchObj;
		if (r.lastIndex === matchObj.index) {
			r.lastIndex += 1;
		}
	}

	r.lastIndex = origIndex;

	return matches;
}

/**
 * @param {Env} env
 * @param {string} pre
 * @param {string} key
 */
function getVar(env, pre, key) {
	var r = typeof env === 'function' ? env(key) : env[key];
	if (typeof r === 'undefined' && key != '') {
		r = '';
	} else if (typeof r === 'undefined') {
		r = '$';
	}

	if (typeof r === 'object') {
		return pre + TOKEN + JSON.stringify(r) + TOKEN;
	}
	return pre + r;
}

var ansiCEscape = /\\([0-7]{1,3}|x[\dA-Fa-f]{1,2}|u[\dA-Fa-f]{1,4}|U[\dA-Fa-f]{1,8}|c(?:\\\\|[\s\S])|[abeEfnrtv\\'"?])/g;

/**
 * @param {string} m
 * @param {string} escape
 */
function expandAnsiCEscape(m, escape) {
	var kind = escape.charAt(0);
	if (kind === 'c') {
		var ctrl = escape.charAt(1);
		return ctrl === '?' ? '\x7F' : String.fromCharCode(ctrl.charCodeAt(0) & 0x1F);
	}
	if (kind === 'x' || kind === 'u' || kind === 'U') {
		var cp = parseInt(escape.slice(1), 16);
		if (cp > 0x10FFFF) {
			return m;
		}
		return String.fromCharCode.apply(null, cp > 0xFFFF ? [0xD7C0 + (cp >> 10), 0xDC00 + (cp & 0x3FF)] : [cp]);
	}
	if (kind >= '0' && kind <= '7') {
		return String.fromCharCode(parseInt(escape, 8) & 0xFF);
	}
	var letter = ANSI_C_LETTERS.indexOf(escape);
	return letter < 0 ? escape : ANSI_C_CHARS.charAt(letter);
}

/** @param {string} body */
function expandAnsiC(body) {
	return body.replace(ansiCEscape, expandAnsiCEscape).split('\0')[0]; // like bash, a NUL ends the string
}

/**
 * @param {string} s
 * @param {number} i
 */
function closesAnsiC(s, i) {
	ansiCAt.lastIndex = i;
	return !!(/** @type {RegExpExecArray} */ (ansiCAt.exec(s)))[1];
}

/**
 * @param {string} string
 * @param {Env} [env]
 * @param {{ escape?: string, splitUnquoted?: boolean | string }} [opts]
 * @returns {ParseEntry[]}
 */
function parseInternal(string, env, opts) {
	if (!opts) {
		opts = {};
	}
	var BS = opts.escape || '\\';
	var ifs = opts.splitUnquoted === true ? ' \t\n' : (typeof opts.splitUnquoted === 'string' ? opts.splitUnquoted : '');
	var BAREWORD = '(\\' + BS + '[\'"$\\' + BS + META + ']|\\$\\$|\\$(?!' + ANSI_C_QUOTE.slice(2) + ')|[^\\s\'"$' + META + '])+';
	var DOUBLE_QUOTE = '"(?:\\' + BS + '[\\s\\S]|[^"\\' + BS + '])*"';

	var chunker = new RegExp([
		'(' + CONTROL + ')', // control chars
		'(' + ANSI_C_QUOTE + '|' + BAREWORD + '|' + DOUBLE_QUOTE + '|' + SINGLE_QUOTE + ')+'
	].join('|'), 'g');

	var matches = matchAll(string, chunker);

	if (matches.length === 0) {
		return [];
	}
	if (!env) {
		env = {};
	}

	var commented = false;

	return matches.map(function (match) {
		var s = match[0];
		if (!s || commented) {
			return void undefined;
		}
		if (controlRE.test(s)) {
			return /** @type {ControlOperator} */ ({ op: s });
		}

		// Hand-written scanner/parser for Bash quoting rules:
		//
		// 1. inside single quotes, all characters are printed literally.
		// 2. inside double quotes, all characters are printed literally
		//    except variables prefixed by '$' and backslashes followed by
		//    either a double quote or another backslash.
		// 3. outside of any quotes, backslashes are treated as escape
		//    characters and not printed (unless they are themselves escaped)
		// 4. quote context can switch mid-token if there is no whitespace
		//     between the two quote contexts (e.g. all'one'"token" parses as
		//     "allonetoken")
		/** @type {string | boolean} */
		var quote = false;
		var esc = false;
		var out = '';
		/** @type {string[]} */
		var words = [];
		var sawQuote = false;
		/** @type {number | null} */
		var pendingNw = null;
		var isGlob = false;
		/** @type {number} */
		var i;

		function parseEnvVar() {
			i += 1;
			/** @type {number | RegExpMatchArray | null} */
			var varend;
			/** @type {string} */
			var varname;
			var char = s.charAt(i);

			if (char === '{') {
				i += 1;
				if (s.charAt(i) === '}') {
					throw new Error('Bad substitution: ' + s.slice(i - 2, i + 1));
				}
				// match braces by depth so a nested `${` keeps its inner `}` from ending the outer substitution
				var depth = 1;
				varend = i;
				while (depth > 0 && varend < s.length) {
					if (s.charAt(varend) === '{' && s.charAt(varend - 1) === '$') {
						depth += 1;
					} else if (s.charAt(varend) === '}') {
						depth -= 1;
					}
					varend += 1;
				}
				if (depth !== 0) {
					throw new Error('Bad substitution: ' + s.slice(i));
				}
				varend -= 1;
				varname = s.slice(i, varend);
				i = varend;
			} else if ((/[*@#?$!-]/).test(char)) {
				varname = char;
			} else {
				var slicedFromI = s.slice(i);
				varend = slicedFromI.match(/[^\w\d_]/);
				if (!varend) {
					varname = slicedFromI;
					i = s.length;
				} else {
					varname = slicedFromI.slice(0, varend.index);
					i += /** @type {number} */ (varend.index) - 1;
				}
			}
			return getVar(/** @type {NonNullable<typeof env>} */ (env), '', varname);
		}

		function flushRun() {
			if (pendingNw === null) {
				return;
			}
			if (pendingNw === 0) {
				if (out !== '') {
					words[words.length] = out;
					out = '';
				}
			} else {
				words[words.length] = out;
				out = '';
				for (var fe = 1; fe < pendingNw; fe += 1) {
					words[words.length] = '';
				}
			}
			pendingNw = null;
		}

		for (i = 0; i < s.length; i++) {
			var c = s.charAt(i);
			if (ifs && c !== DS) {
				flushRun();
			}
			isGlob = isGlob || (!quote && (c === '*' || c === '?'));
			if (esc) {
				out += c;
				esc = false;
			} else if (quote) {
				if (c === quote) {
					quote = false;
				} else if (quote == SQ) {
					out += c;
				} else { // Double quote
					if (c === BS) {
						i += 1;
						c = s.charAt(i);
						if (c === DQ || c === BS || c === DS) {
							out += c;
						} else {
							out += BS + c;
						}
					} else if (c === DS) {
						out += parseEnvVar();
					} else {
						out += c;
					}
				}
			} else if (c === DQ || c === SQ) {
				quote = c;
				sawQuote = true;
			} else if (controlRE.test(c)) {
				return /** @type {ControlOperator} */ ({ op: s });
			} else if (hash.test(c)) {
				commented = true;
				var commentObj = { comment: string.slice(match.index + i + 1) };
				if (out.length) {
					return /** @type {const} */ ([out, commentObj]);
				}
				return /** @type {const} */ ([commentObj]);
			} else if (c === BS) {
				esc = true;
			} else if (c === DS && s.charAt(i + 1) === SQ && closesAnsiC(s, i)) {
				flushRun();
				sawQuote = true;
				out += expandAnsiC(s.slice(i + 2, ansiCAt.lastIndex - 1));
				i = ansiCAt.lastIndex - 1;
			} else if (c === DS) {
				var value = parseEnvVar();
				if (!ifs) {
					out += value;
				} else {
					for (var vi = 0; vi < value.length; vi += 1) {
						var vc = value.charAt(vi);
						if (ifs.indexOf(vc) < 0) {
							flushRun();
							out += vc;
						} else if (pendingNw === null) {
							pendingNw = vc === ' ' || vc === '\t' || vc === '\n' ? 0 : 1;
						} else if (vc !== ' ' && vc !== '\t' && vc !== '\n') {
							pendingNw += 1;
						}
					}
				}
			} else {
				out += c;
			}
		}

		if (isGlob) {
			return /** @type {GlobPattern} */ ({ op: 'glob', pattern: out });
		}

		if (ifs) {
			if (pendingNw !== null && pendingNw > 0) {
				words[words.length] = out;
				out = '';
				for (var te = 1; te < pendingNw; te += 1) {
					words[words.length] = '';
				}
			}
			if (out !== '' || (sawQuote && words.length === 0)) {
				words[words.length] = out;
			}
			return words;
		}

		return out;
	}).reduce(function (prev, arg) { // finalize parsed arguments
		if (typeof arg === 'undefined') {
			return prev;
		}
		/** @type {ParseEntry[]} */ ([]).concat(arg).forEach(function (entry) {
			prev[prev.length] = entry;
		});
		return prev;
	}, /** @type {ParseEntry[]} */ ([]));
}

/** @type {typeof import('./parse')} */
module.exports = function parse(s, env, opts) {
	var mapped = parseInternal(s, env, opts);
	if (typeof env !== 'function') {
		return mapped;
	}
	return mapped.reduce(function (acc, s) {
		if (typeof s === 'object') {
			acc[acc.length] = s;
			return acc;
		}
		var xs = s.split(RegExp('(' + TOKEN + '.*?' + TOKEN + ')', 'g'));
		if (xs.length === 1) {
			acc[acc.length] = xs[0];
			return acc;
		}
		xs.filter(Boolean).forEach(function (x) {
			acc[acc.length] = startsWithToken.test(x)
				? JSON.parse(x.split(TOKEN)[1])
				: x;
		});
		return acc;
	}, /** @type {ParseEntry[]} */ ([]));
};


/***/ }),

/***/ 5335:
/***/ ((module) => {



/** @import { ControlOperator } from './parse' */

/** @type {ControlOperator['op'][]} */
var OPS = /** @type {const} */ ([
	'||',
	'&&',
	';;&',
	';;',
	';&',
	'|&',
	'<(',
	'>(',
	'<<<',
	'<<-',
	'<<',
	'>>',
	'>&',
	'>|',
	'&>>',
	'&>',
	'<&',
	'<>',
	'&',
	';',
	'(',
	')',
	'|',
	'<',
	'>'
]);
var LINE_TERMINATORS = /[\n\r\u2028\u2029]/;
var GLOB_SHELL_SPECIAL = /[\s#!"$&'():;<=>@\\^`|~]/g;

/** @type {typeof import('./quote')} */
module.exports = function quote(xs) {
	var sawComment = false;
	return xs.map(function (s) {
		if (sawComment && typeof s === 'string' && LINE_TERMINATORS.test(s)) {
			throw new TypeError('a token after a `comment` must not contain line terminators');
		}
		if (s === '') {
			return /** @type {const} */ ('\'\'');
		}
		if (s && typeof s === 'object') {
			if ('op' in s && s.op === 'glob') {
				if (typeof s.pattern !== 'string') {
					throw new TypeError('glob token requires a string `pattern`');
				}
				if (LINE_TERMINATORS.test(s.pattern)) {
					throw new TypeError('glob `pattern` must not contain line terminators');
				}
				if (s.pattern === '') {
					return /** @type {const} */ ('\'\'');
				}
				return s.pattern.replace(GLOB_SHELL_SPECIAL, '\\$&');
			}
			if ('op' in s && typeof s.op === 'string') {
				if (OPS.indexOf(s.op) < 0) {
					throw new TypeError('invalid `op` value: ' + JSON.stringify(s.op));
				}
				return s.op.replace(/[\s\S]/g, '\\$&');
			}
			if ('comment' in s && typeof s.comment === 'string') {
				if (LINE_TERMINATORS.test(s.comment)) {
					throw new TypeError('`comment` must not contain line terminators');
				}
				sawComment = true;
				return '#' + s.comment;
			}
			throw new TypeError('unrecognized object token shape');
		}
		if ((/'/).test(s) && (/!/).test(s)) {
			return "'" + s.replace(/'/g, "'\"'\"'") + "'";
		}
		if ((/["\s\\]/).test(s) && !(/'/).test(s)) {
			return "'" + s + "'";
		}
		if ((/["'\s]/).test(s)) {
			return '"' + s.replace(/(["\\$`])/g, '\\$1') + '"';
		}
		return String(s).replace(/([A-Za-z]:)?([#!"$&'()*,:;<=>?@[\\\]^`{|}~])/g, '$1\\$2');
	}).join(' ');
};


/***/ }),

/***/ 47664:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.gates = void 0;
const inputs_1 = __webpack_require__(28655);
const plan_1 = __webpack_require__(24205);
const run_1 = __webpack_require__(73413);
exports.gates = {
    name: 'gates',
    parse: (r, env) => (0, inputs_1.parseGatesInputs)(r, env.cwd, env.ctx.workspace),
    plan: plan_1.planGates,
    run: run_1.runGates,
};


/***/ }),

/***/ 28655:
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
exports.AUDIT_DENY = exports.GATES = void 0;
exports.cargoScope = cargoScope;
exports.parseGatesInputs = parseGatesInputs;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const cargo_manifest_1 = __webpack_require__(49973);
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const words_1 = __webpack_require__(75846);
const tools_1 = __webpack_require__(72003);
exports.GATES = ['fmt', 'clippy', 'test', 'audit'];
exports.AUDIT_DENY = inputs_1.INPUTS['audit-deny'].allowed;
/**
 * The workspace root (a Cargo.toml with [workspace]) means every member, also when it is a package
 * itself; any other Cargo.toml is the one package, whether a workspace member or a crate of its own.
 */
function cargoScope(cwd) {
    const m = (0, cargo_manifest_1.readManifest)(fs.readFileSync(path.join(cwd, 'Cargo.toml'), 'utf8'));
    const name = (0, cargo_manifest_1.str)(m.package?.name);
    return m.workspace !== undefined || !name ? { kind: 'workspace' } : { kind: 'package', name };
}
/**
 * cargo-audit takes any string after --ignore but compares it with the advisory's own ID only, so a CVE or
 * GHSA alias (or a typo) ignores nothing and the gate fails on the advisory the user meant to ignore.
 */
function checkAdvisoryId(id) {
    if (/^RUSTSEC-\d{4}-\d{4}$/.test(id))
        return;
    const alias = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/i.test(id);
    throw new errors_1.ActionError(alias
        ? `'${id}' is an alias; cargo-audit ignores advisories by their RUSTSEC ID only`
        : `'${id}' is not a RustSec advisory ID`, 'audit-ignore', alias
        ? `list the RUSTSEC-YYYY-NNNN ID that rustsec.org gives for ${id} (the ID cargo-audit prints)`
        : 'list IDs like RUSTSEC-2023-0071, as cargo-audit prints them');
}
/** Stage.parse: reads and checks the gates' inputs for the crate in `cwd`, inside the checkout `workspace`. */
function parseGatesInputs(r, cwd, workspace = cwd) {
    if (!fs.existsSync(path.join(cwd, 'Cargo.toml')))
        throw new errors_1.ActionError(`no Cargo.toml in ${cwd}`, 'working-directory', 'point it at the directory of the crate (the one with Cargo.toml)');
    const toolchain = r.string('toolchain');
    if (toolchain && !/^[\w.-]+$/.test(toolchain))
        throw new errors_1.ActionError(`'${toolchain}' is not a toolchain name`, 'toolchain', 'use e.g. stable, nightly or 1.95.0');
    const auditIgnore = r.list('audit-ignore');
    auditIgnore.forEach(checkAdvisoryId);
    return {
        toolchain,
        scope: cargoScope(cwd),
        features: r.list('features'),
        clippyArgs: (0, words_1.shellWords)(r.string('clippy-args'), 'clippy-args'),
        testArgs: (0, words_1.shellWords)(r.string('test-args'), 'test-args'),
        audit: r.bool('audit'),
        auditIgnore,
        auditDeny: r.subset('audit-deny', exports.AUDIT_DENY),
        lockfile: path.relative(cwd, path.join((0, cargo_manifest_1.workspaceRoot)(cwd, workspace), 'Cargo.lock')),
        failFast: r.bool('fail-fast'),
        toolsMirror: (0, tools_1.readToolsMirror)(r),
    };
}


/***/ }),

/***/ 24205:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.describeScope = describeScope;
exports.gateCommand = gateCommand;
exports.gateLanes = gateLanes;
exports.planGates = planGates;
const cargo_1 = __webpack_require__(79583);
const cargo_audit_1 = __webpack_require__(36613);
function describeScope(s) {
    return s.kind === 'workspace' ? 'every workspace member' : `package ${s.name}`;
}
function gateCommand(gate, i) {
    switch (gate) {
        case 'fmt':
            return (0, cargo_1.fmtCheckArgv)(i);
        case 'clippy':
            return (0, cargo_1.clippyArgv)(i, i.clippyArgs);
        case 'test':
            return (0, cargo_1.testArgv)(i, i.testArgs);
        case 'audit':
            return (0, cargo_audit_1.auditArgv)(i.lockfile, i.auditIgnore);
    }
}
/**
 * Gates that run one after another, lane by lane; the lanes run side by side. fmt and audit read only
 * sources and Cargo.lock. clippy and test share target/, but cargo's own lock on it serializes whatever
 * must not build at once, so on a warm target/ the test run overlaps clippy's diagnostics replay. With
 * fail-fast a failing clippy must stop the tests from starting, so there clippy goes first.
 */
function gateLanes(i) {
    const others = i.audit ? ['fmt', 'audit'] : ['fmt'];
    return i.failFast ? [['clippy', 'test'], others] : [['clippy'], ['test'], others];
}
/** Stage.plan: every gate's command, in its lane, and the values that decide them. */
function planGates(i) {
    const lanes = gateLanes(i);
    return {
        commands: lanes.flatMap((lane, n) => lane.map((g, k) => ({
            argv: gateCommand(g, i),
            why: `${g}: lane ${n + 1} of ${lanes.length}${k ? `, after ${lane[k - 1]}` : ''} (lanes run side by side)`,
        }))),
        values: {
            scope: describeScope(i.scope),
            'fail-fast': String(i.failFast),
            'audit-ignore': i.auditIgnore.join(', ') || '(none)',
        },
    };
}


/***/ }),

/***/ 87588:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.cargoNote = cargoNote;
exports.outcomeLine = outcomeLine;
exports.logOutcomes = logOutcomes;
exports.gatesSummary = gatesSummary;
exports.gatesResult = gatesResult;
exports.testAnnotations = testAnnotations;
exports.auditAnnotations = auditAnnotations;
exports.auditFindings = auditFindings;
exports.testFindings = testFindings;
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
const summary_1 = __webpack_require__(57994);
const text_1 = __webpack_require__(48992);
const cargo_1 = __webpack_require__(79583);
/** Beyond this the job summary gets long to read and slow to render; the log keeps every finding. */
const MAX_FINDING_ROWS = 100;
/** The kinds of cargo failure a reader can act on without reading the whole output. */
const CARGO_FAILURE_LINE = {
    toolchain: 'rustup lacks the toolchain or a component: install it (rustup toolchain install, rustup component add) or change the toolchain input',
    network: 'cargo could not download a dependency: the runner cannot reach the crate registry or git host (vendor the sources, or set a reachable registry mirror)',
    compile: 'the crate does not compile',
};
/** Why a cargo gate failed without findings of its own: what kind of failure, then where cargo stopped. */
function cargoNote(r) {
    const f = (0, cargo_1.classifyCargo)(r);
    return f && [CARGO_FAILURE_LINE[f.kind], f.detail].filter(Boolean).join('\n');
}
/** The log line as each gate ends. */
function outcomeLine(o) {
    return `${o.status === 'passed' ? '✓' : '✗'} ${o.gate} ${o.status} in ${(0, text_1.secs)(o.durationMs)}: ${o.findings}`;
}
/** One folded group per gate, with its command and output, then its annotations. */
async function logOutcomes(ordered) {
    for (const o of ordered) {
        await log_1.log.group(`${o.gate}: ${o.status} (${o.findings})`, async () => {
            if (o.result) {
                log_1.log.info(`$ ${(0, exec_1.quote)(o.result.argv)}`);
                const out = o.gate === 'clippy' ? o.result.stderr : `${o.result.stdout}${o.result.stderr}`;
                // In a terminal nothing folds: a passing gate's output would only bury the failing ones.
                if (out.trim() && (log_1.log.folds() || o.status !== 'passed'))
                    log_1.log.info(out.trimEnd());
            }
            if (o.note)
                log_1.log.info(o.note);
        });
        for (const a of o.annotations)
            log_1.log.annotate(a);
    }
}
function findingsTable(summary, ordered) {
    // The runner shows at most 10 annotations of each level per step: the summary lists every finding.
    const findings = ordered.flatMap((o) => o.annotations.map((a) => ({ gate: o.gate, a })));
    if (findings.length)
        summary.text('**Findings**').table(['Gate', 'Where', 'What', 'Level'], findings
            .slice(0, MAX_FINDING_ROWS)
            .map(({ gate, a }) => [
            gate,
            a.file ? `\`${a.file}${a.line ? `:${a.line}` : ''}\`` : '',
            `${a.title ?? ''}${a.title ? ': ' : ''}${a.message.split('\n')[0].replace(/^(error|warning)(\[\w+\])?: /, '')}`,
            a.level,
        ]));
    if (findings.length > MAX_FINDING_ROWS)
        summary.text(`… and ${findings.length - MAX_FINDING_ROWS} more findings in the log.`);
}
function gatesSummary(ordered, wallMs) {
    const summary = new summary_1.Summary().heading('Gates').table(['Gate', 'Status', 'Findings', 'Time'], ordered.map((o) => [o.gate, (0, summary_1.icon)(o.status), o.findings, (0, text_1.secs)(o.durationMs)]));
    const failingTests = ordered.flatMap((o) => o.failingTests);
    if (failingTests.length)
        summary.text(`**Failing tests**\n\n${failingTests.map((t) => `- \`${(0, summary_1.cell)(t)}\``).join('\n')}`);
    findingsTable(summary, ordered);
    for (const o of ordered)
        if (o.caveat)
            summary.text(`⚠️ ${o.gate}: ${o.caveat}.`);
    for (const o of ordered)
        if (o.note)
            summary.details(`${o.gate}: why it failed`, o.note);
    // Not "time saved": each gate's own time is measured while the others compete for the same cores and
    // target/, so their sum says nothing about how long they would take one after another.
    summary.text(`The gates ran side by side in ${(0, text_1.secs)(wallMs)} (wall time).`);
    return summary;
}
/** The stage's result: status, headline, summary, the `gates` and `failing-tests` outputs, the failure line. */
function gatesResult(ordered, wallMs) {
    const failed = ordered.filter((o) => o.status === 'failed');
    return {
        status: failed.length ? 'failure' : 'success',
        headline: failed.length
            ? `${(0, text_1.plural)(failed.length, 'gate')} failed: ${failed.map((o) => o.gate).join(', ')}`
            : `${(0, text_1.plural)(ordered.length, 'gate')} passed`,
        summary: gatesSummary(ordered, wallMs),
        outputs: {
            gates: JSON.stringify(Object.fromEntries(ordered.map((o) => [o.gate, { status: o.status, findings: o.findings, ms: o.durationMs }]))),
            'failing-tests': ordered.flatMap((o) => o.failingTests).join('\n'),
        },
        failure: failed.length
            ? `gates failed: ${failed.map((o) => `${o.gate} (${o.findings})`).join('; ')}`
            : undefined,
    };
}
/** A failing test, annotated where it panicked. */
function testAnnotations(failures, loc) {
    return failures.map((f) => {
        const abs = f.file ? loc.resolve(f.file) : undefined;
        return {
            level: 'error',
            title: `test failed: ${f.name}`,
            file: abs ? loc.relative(abs) : f.file,
            line: f.line,
            col: f.col,
            message: f.message || `${f.name} failed`,
        };
    });
}
/** An advisory, annotated on the Cargo.lock line that pins the package: an error when it fails the gate. */
function auditAnnotations(findings, fails, lockfile, loc) {
    const { path: lockPath, text: lock } = lockfile;
    return findings.map((f) => ({
        level: fails(f) ? 'error' : 'warning',
        title: `${f.id}: ${f.package} ${f.version}`,
        file: lock ? loc.relative(lockPath) : undefined,
        line: lock ? (0, cargo_1.lockfileLine)(lock, f.package, f.version) : undefined,
        message: `${f.title}${f.patched.length ? ` (patched: ${f.patched.join(', ')})` : ''}${f.url ? `\n${f.url}` : ''}`,
    }));
}
/** "1 vulnerability, 2 warnings". */
function auditFindings(findings) {
    return `${(0, text_1.plural)(findings.filter((f) => f.kind === 'vulnerability').length, 'vulnerability')}, ${(0, text_1.plural)(findings.filter((f) => f.kind !== 'vulnerability').length, 'warning')}`.replace('vulnerabilitys', 'vulnerabilities');
}
/** "12 passed, 1 failed, 2 ignored", "0 tests", or "did not run" when no test binary reported. */
function testFindings(t) {
    if (t.ran && t.passed + t.failed + t.ignored === 0)
        return '0 tests';
    return t.ran
        ? `${t.passed} passed, ${t.failed} failed${t.ignored ? `, ${t.ignored} ignored` : ''}`
        : 'did not run';
}


/***/ }),

/***/ 73413:
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
exports.checkToolchain = checkToolchain;
exports.runGates = runGates;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
const locator_1 = __webpack_require__(16596);
const text_1 = __webpack_require__(48992);
const errors_1 = __webpack_require__(83916);
const tools_1 = __webpack_require__(72003);
const cargo_1 = __webpack_require__(79583);
const cargo_audit_1 = __webpack_require__(36613);
const inputs_1 = __webpack_require__(28655);
const plan_1 = __webpack_require__(24205);
const report_1 = __webpack_require__(87588);
const base = ({ gate, r }) => ({ gate, durationMs: r.durationMs, result: r, failingTests: [] });
function interpretFmt(run) {
    const { r, loc } = run;
    const annotations = (0, cargo_1.parseFmt)(r.stdout, loc);
    const failed = r.exitCode !== 0;
    return {
        ...base(run),
        status: failed ? 'failed' : 'passed',
        findings: (0, text_1.plural)(annotations.length, 'unformatted hunk'),
        annotations,
        note: failed && !annotations.length ? (0, report_1.cargoNote)(r) : undefined,
    };
}
function interpretClippy(run) {
    const { r, loc } = run;
    const c = (0, cargo_1.parseClippy)(r.stdout, loc);
    return {
        ...base(run),
        status: r.exitCode !== 0 || c.errors > 0 ? 'failed' : 'passed',
        findings: `${(0, text_1.plural)(c.errors, 'error')}, ${(0, text_1.plural)(c.warnings, 'warning')}`,
        annotations: c.annotations,
        note: r.exitCode !== 0 && !c.annotations.length ? (0, report_1.cargoNote)(r) : undefined,
    };
}
function interpretTest(run) {
    const { r, loc } = run;
    const t = (0, cargo_1.parseCargoTest)(`${r.stdout}\n${r.stderr}`);
    const failed = r.exitCode !== 0;
    const none = t.ran && t.passed + t.failed + t.ignored === 0;
    return {
        ...base(run),
        status: failed ? 'failed' : 'passed',
        findings: (0, report_1.testFindings)(t),
        // A crate without tests still passes: a new server often has none yet, and failing it would push
        // people to turn the gate off. But it is said, so a green check is not read as "tested".
        caveat: none && !failed
            ? 'cargo test ran 0 tests: the crate has no #[test] functions or doc tests, so nothing was tested'
            : undefined,
        annotations: (0, report_1.testAnnotations)(t.failures, loc),
        failingTests: t.failures.map((f) => f.name),
        note: failed && !t.failures.length ? (0, report_1.cargoNote)(r) : undefined,
    };
}
function interpretAudit(run) {
    const { r, i, loc, cwd } = run;
    const audit = (0, cargo_audit_1.classifyAudit)(r);
    if (audit.kind !== 'report')
        return { ...base(run), status: 'failed', findings: 'no report', annotations: [], note: audit.detail };
    const lockPath = path.resolve(cwd, i.lockfile);
    const lock = fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : '';
    const relevant = audit.findings.filter((f) => !i.auditIgnore.includes(f.id));
    const fails = (f) => f.kind === 'vulnerability' || i.auditDeny.includes(f.kind);
    return {
        ...base(run),
        status: relevant.some(fails) ? 'failed' : 'passed',
        findings: (0, report_1.auditFindings)(relevant),
        annotations: (0, report_1.auditAnnotations)(relevant, fails, { path: lockPath, text: lock }, loc),
    };
}
const INTERPRET = {
    fmt: interpretFmt,
    clippy: interpretClippy,
    test: interpretTest,
    audit: interpretAudit,
};
function skipped(gate, why) {
    return { gate, status: 'skipped', findings: why, durationMs: 0, annotations: [], failingTests: [] };
}
/**
 * A misspelt toolchain fails every gate with the same rustup error, which the gates' one-line failure
 * hides: ask rustup first and put its reason, and the toolchains it has, in the error.
 */
async function checkToolchain(toolchain, cwd) {
    if (!toolchain)
        return;
    const r = await (0, exec_1.exec)((0, cargo_1.versionArgv)(toolchain), { cwd, env: { RUST_BACKTRACE: '0' }, echo: false });
    const failure = (0, cargo_1.classifyCargo)(r);
    if (!failure)
        return;
    const cause = failure.cause ?? `cargo +${toolchain} exited with ${r.exitCode}`;
    const list = await (0, exec_1.exec)((0, cargo_1.toolchainListArgv)(), { echo: false }).catch(() => undefined);
    const installed = list?.exitCode === 0 ? (0, cargo_1.parseToolchainList)(list.stdout) : [];
    throw new errors_1.ActionError(`cargo +${toolchain} does not run: ${cause}`, 'toolchain', `fix the name${installed.length ? ` (installed: ${installed.join(', ')})` : ''}, or install it first with rustup toolchain install ${toolchain}`);
}
/** The environment a gate's command runs in; for audit, a failed outcome when cargo-audit cannot be had. */
async function gateEnv(gate, i) {
    if (gate !== 'audit')
        return { env: cargo_1.CARGO_ENV };
    try {
        // The pinned, verified cargo-audit, or the one on PATH at that version.
        return { env: { ...cargo_1.CARGO_ENV, ...(0, cargo_audit_1.auditEnv)(await (0, tools_1.ensureTool)('cargo-audit', { mirror: i.toolsMirror })) } };
    }
    catch (e) {
        const note = `${(0, errors_1.errorMessage)(e)}\n(or set input 'audit' to false)`;
        return { failed: { ...skipped(gate, 'cargo-audit not installed'), status: 'failed', note } };
    }
}
async function runGate(gate, i, env, loc) {
    const e = await gateEnv(gate, i);
    if ('failed' in e)
        return e.failed;
    const argv = (0, plan_1.gateCommand)(gate, i);
    log_1.log.info(`▶ ${gate}: ${(0, exec_1.quote)(argv)}`);
    const r = await (0, exec_1.exec)(argv, { cwd: env.cwd, env: e.env, echo: false });
    const o = INTERPRET[gate]({ gate, r, i, loc, cwd: env.cwd });
    log_1.log.info((0, report_1.outcomeLine)(o));
    if (o.caveat)
        log_1.log.warning(`${gate}: ${o.caveat}`);
    return o;
}
/** Runs the lanes side by side; with fail-fast, a failed gate skips every gate not yet started. */
async function runLanes(i, env, loc) {
    let stop = false;
    const outcomes = new Map();
    const runLane = async (lane) => {
        for (const gate of lane) {
            const o = stop ? skipped(gate, 'skipped (fail-fast)') : await runGate(gate, i, env, loc);
            outcomes.set(gate, o);
            if (o.status === 'failed' && i.failFast)
                stop = true;
        }
    };
    await Promise.all((0, plan_1.gateLanes)(i).map(runLane));
    return outcomes;
}
async function runGates(i, env) {
    await checkToolchain(i.toolchain, env.cwd);
    const loc = (0, locator_1.fsLocator)(env.ctx.workspace, env.cwd);
    const started = Date.now();
    const outcomes = await runLanes(i, env, loc);
    const wallMs = Date.now() - started;
    const ordered = inputs_1.GATES.map((g) => outcomes.get(g)).filter((o) => o !== undefined);
    await (0, report_1.logOutcomes)(ordered);
    return (0, report_1.gatesResult)(ordered, wallMs);
}


/***/ }),

/***/ 36613:
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
exports.auditArgv = auditArgv;
exports.auditEnv = auditEnv;
exports.parseAudit = parseAudit;
exports.classifyAudit = classifyAudit;
const path = __importStar(__webpack_require__(76760));
const exec_1 = __webpack_require__(73190);
const cargo_1 = __webpack_require__(79583);
/**
 * cargo-audit, run as `cargo audit`: its argv, its JSON report (rustsec's `Report` struct) and why a run
 * gave no report.
 */
function auditArgv(lockfile, ignore) {
    // --file: without it cargo-audit reads ./Cargo.lock, which a workspace member's directory does not have.
    return ['cargo', 'audit', '--json', '--file', lockfile, ...ignore.flatMap((id) => ['--ignore', id])];
}
/** `cargo audit` finds cargo-audit on PATH: the environment that puts `binary`'s directory first. */
function auditEnv(binary) {
    return { PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH ?? ''}` };
}
/** rustsec's `Report` struct, as `cargo audit --json` prints it. */
function parseAudit(json) {
    const report = JSON.parse(json);
    const out = [];
    const add = (e, kind) => out.push({
        id: e.advisory?.id ?? `${kind}:${e.package.name}`,
        kind,
        package: e.package.name,
        version: e.package.version,
        title: e.advisory?.title ?? (kind === 'yanked' ? `${e.package.name} ${e.package.version} is yanked` : kind),
        url: e.advisory?.url ?? undefined,
        cvss: e.advisory?.cvss ?? undefined,
        patched: e.versions?.patched ?? [],
    });
    for (const v of report.vulnerabilities?.list ?? [])
        add(v, 'vulnerability');
    for (const [k, list] of Object.entries(report.warnings ?? {})) {
        const kind = ['unmaintained', 'unsound', 'yanked', 'notice'].find((x) => x === k) ?? 'notice';
        for (const w of list ?? [])
            add(w, kind);
    }
    return out;
}
const DATABASE = /(couldn't fetch|couldn't open|error loading) advisory database/i;
const LOCKFILE = /Couldn't load \S*Cargo\.lock/i;
function classifyAudit(r) {
    if (!r.timedOut)
        try {
            return { kind: 'report', findings: parseAudit(r.stdout) };
        }
        catch {
            // no report on stdout: say why from stderr
        }
    const text = `${r.stderr}\n${r.stdout}`;
    const kind = r.timedOut
        ? 'timeout'
        : DATABASE.test(text)
            ? 'database'
            : LOCKFILE.test(text)
                ? 'lockfile'
                : 'other';
    return { kind, cause: (0, cargo_1.firstError)(r), detail: (0, exec_1.outputTail)(r, 15) };
}


/***/ }),

/***/ 72003:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.which = exports.PINNED = exports.assetUrl = exports.versionIn = exports.currentPlatform = exports.readToolsMirror = exports.ensureTool = void 0;
var install_1 = __webpack_require__(54884);
Object.defineProperty(exports, "ensureTool", ({ enumerable: true, get: function () { return install_1.ensureTool; } }));
Object.defineProperty(exports, "readToolsMirror", ({ enumerable: true, get: function () { return install_1.readToolsMirror; } }));
Object.defineProperty(exports, "currentPlatform", ({ enumerable: true, get: function () { return install_1.currentPlatform; } }));
Object.defineProperty(exports, "versionIn", ({ enumerable: true, get: function () { return install_1.versionIn; } }));
Object.defineProperty(exports, "assetUrl", ({ enumerable: true, get: function () { return install_1.assetUrl; } }));
var pinned_1 = __webpack_require__(47409);
Object.defineProperty(exports, "PINNED", ({ enumerable: true, get: function () { return pinned_1.PINNED; } }));
var path_1 = __webpack_require__(70836);
Object.defineProperty(exports, "which", ({ enumerable: true, get: function () { return path_1.which; } }));


/***/ }),

/***/ 75846:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.shellWords = shellWords;
const shell_quote_1 = __webpack_require__(26591);
const errors_1 = __webpack_require__(83916);
/**
 * An input that holds a command line (clippy-args, test-args, mcp-command) as argv: words with '…' and
 * "…" quoting and backslash escapes, read by shell-quote. It is never given to a shell, so shell syntax
 * (; | && > $(…) …) would not do what it says: it is refused, as is an unclosed quote. $VAR stays as
 * written.
 */
function shellWords(s, input) {
    const open = unclosedQuote(s);
    if (open)
        throw new errors_1.ActionError(`has an unclosed ${open} quote`, input, `close it, e.g. ${open}a b${open}`);
    const out = [];
    for (const t of (0, shell_quote_1.parse)(s, (name) => `$${name}`)) {
        if (typeof t === 'string')
            out.push(t);
        else if ('op' in t && t.op === 'glob')
            out.push(t.pattern);
        else
            throw new errors_1.ActionError(`'${'op' in t ? t.op : `#${t.comment}`}' is shell syntax, but this is split into words and never run by a shell`, input, "quote it (e.g. 'a;b') or leave it out");
    }
    return out;
}
function unclosedQuote(s) {
    let quote;
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (quote === `'`) {
            if (c === `'`)
                quote = undefined;
        }
        else if (c === '\\')
            i++;
        else if (quote === '"') {
            if (c === '"')
                quote = undefined;
        }
        else if (c === `'` || c === '"')
            quote = c;
    }
    return quote;
}


/***/ })

};
;