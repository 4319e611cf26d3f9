"use strict";
exports.id = 238;
exports.ids = [238];
exports.modules = {

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
const git_1 = __webpack_require__(90615);
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
    const git = await (0, git_1.checkoutFacts)(dir);
    return (0, context_1.localContext)({ ...env, MCP_DEPLOY_WORKSPACE: flags.workspace ? path.resolve(flags.workspace) : (git.top ?? dir) }, dir, {
        ref: flags.ref ?? git.branch,
        sha: flags.sha ?? git.sha,
        remoteUrl: git.remoteUrl,
        defaultBranch: git.defaultBranch,
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

/***/ 63613:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.verifyCommand = exports.TARGET_OPTIONS = exports.VERIFY_OPTIONS = void 0;
exports.verifySource = verifySource;
exports.localEnv = localEnv;
const context_1 = __webpack_require__(40788);
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const log_1 = __webpack_require__(46472);
const verify_1 = __webpack_require__(91637);
const local_1 = __webpack_require__(67249);
const args_1 = __webpack_require__(62309);
/** Short flags of `verify` and `contract snapshot`, and the action input each one sets. */
const ALIASES = {
    url: 'mcp-url',
    command: 'mcp-command',
    baseline: 'contract-baseline',
    smoke: 'mcp-smoke',
    timeout: 'verify-timeout',
};
const SECRET_FLAGS = ['token', 'mcp-token', 'header', 'headers', 'mcp-headers'];
/** The flags of `verify` and `contract snapshot`: the verify inputs, their short names, and --cwd. */
exports.VERIFY_OPTIONS = {
    inputs: Object.keys(inputs_1.INPUTS).filter((n) => inputs_1.INPUTS[n].stages.includes('verify')),
    own: Object.fromEntries(['cwd', ...Object.keys(ALIASES), ...SECRET_FLAGS].map((f) => [f, false])),
};
exports.TARGET_OPTIONS = `  --url URL                Streamable HTTP endpoint, e.g. http://127.0.0.1:8080/mcp
  --command "CMD ARGS"     start the server on stdio instead (split on spaces, '...' and "..." quote; no shell)
  --health-url URL         GET it first; it must answer 200
  --timeout DURATION       retry while the server starts, up to this (default 60s)
Secrets come from the environment, never from flags: MCP_MCP_TOKEN (sent as Authorization: Bearer) and
MCP_MCP_HEADERS (lines of "Name: value"), the input names as everywhere else.`;
/** Reads flags (short or input names), then MCP_* variables, the way the GitLab template configures inputs. */
function verifySource(flags, env = process.env) {
    const secret = SECRET_FLAGS.find((f) => f in flags);
    if (secret)
        throw new errors_1.ActionError(`--${secret} would put a secret in the process list`, secret.includes('token') ? 'mcp-token' : 'mcp-headers', secret.includes('token')
            ? 'export MCP_MCP_TOKEN instead'
            : 'export MCP_MCP_HEADERS ("Name: value" lines) instead');
    const named = {};
    for (const [k, v] of Object.entries(flags))
        named[ALIASES[k] ?? k] = v;
    return (0, inputs_1.cliSource)(named, env);
}
function localEnv(cwd) {
    return { ctx: (0, context_1.localContext)(process.env, cwd), cwd, state: {} };
}
exports.verifyCommand = {
    usage: `mcp-deploy verify (--url URL | --command "CMD ARGS") [options]

Checks health, initialize, tools/prompts/resources lists and smoke calls, then diffs the tool contract
against the baseline. Exit code 1 when a check fails or the contract has a breaking change.

Options:
${exports.TARGET_OPTIONS}
  --baseline FILE          contract to compare with (default mcp-contract.json when it exists)
  --contract MODE          fail-on-breaking (default), warn or off
  --smoke "TOOL {JSON}"    call a tool; it must return without isError (one call; MCP_MCP_SMOKE for more lines)
  --cwd DIR                where relative paths start (default .)

The bake (docs/bake.md): after the checks pass, watch the server's own tool metrics and exit 1 on a breach.
  --bake-time DURATION     how long, e.g. 5m (default 0: no bake)
  --prometheus-url URL     the Prometheus that scrapes the server (MCP_PROMETHEUS_TOKEN, MCP_PROMETHEUS_HEADERS)
  --metrics-url URL        or the server's own /metrics, scraped from here
  --max-error-rate SHARE   e.g. 0.05 or 5% (default 0.05)
  --max-latency-p95 TIME   e.g. 1s or 250ms (default none)
  --min-requests N         judge nothing below this many tool calls (default 20)
  --metrics-selector M     PromQL label matchers (default from --namespace and --deployments)
  --bake-traffic N         N calls a second to --url during the bake (default 0)
  --bake-compare MODE      none (default) or previous`,
    async run(args) {
        const { flags } = (0, args_1.parseArgs)(args, exports.VERIFY_OPTIONS);
        (0, args_1.warnUnknownVariables)();
        const cwd = (0, local_1.cwdFlag)(flags.cwd);
        delete flags.cwd;
        const env = localEnv(cwd);
        const inputs = verify_1.verify.parse(new inputs_1.InputReader(verifySource(flags)), env);
        const result = await verify_1.verify.run(inputs, env);
        process.stdout.write(`\n${result.summary.toText()}`);
        if (result.failure) {
            log_1.log.annotate({ level: 'error', message: `verify failed: ${result.failure}` });
            return 1;
        }
        return 0;
    },
};


/***/ }),

/***/ 57994:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Summary = void 0;
exports.cell = cell;
exports.icon = icon;
class Summary {
    blocks = [];
    heading(text, level = 3) {
        this.blocks.push({ kind: 'heading', text, level });
        return this;
    }
    text(text) {
        this.blocks.push({ kind: 'text', text });
        return this;
    }
    table(headers, rows) {
        this.blocks.push({ kind: 'table', headers, rows });
        return this;
    }
    details(title, body) {
        this.blocks.push({ kind: 'details', title, body });
        return this;
    }
    code(body, lang = '') {
        this.blocks.push({ kind: 'code', lang, body });
        return this;
    }
    append(other) {
        this.blocks.push(...other.blocks);
        return this;
    }
    toMarkdown() {
        return this.blocks.map(blockToMarkdown).join('\n\n') + '\n';
    }
    toText() {
        return this.blocks.map(blockToText).join('\n\n') + '\n';
    }
}
exports.Summary = Summary;
/** Table cells may hold user text (test names, CVE titles): keep them on one line and inert. */
function cell(text) {
    return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
function blockToMarkdown(b) {
    switch (b.kind) {
        case 'heading':
            return `${'#'.repeat(b.level)} ${b.text}`;
        case 'text':
            return b.text;
        case 'table':
            return [
                `| ${b.headers.map(cell).join(' | ')} |`,
                `| ${b.headers.map(() => '---').join(' | ')} |`,
                ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
            ].join('\n');
        case 'details':
            return `<details><summary>${escapeHtml(b.title)}</summary>\n\n${fence(b.body)}\n\n</details>`;
        case 'code':
            return fence(b.body, b.lang);
    }
}
function fence(body, lang = '') {
    const ticks = '`'.repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    return `${ticks}${lang}\n${body.replace(/\n$/, '')}\n${ticks}`;
}
function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const stripMd = (s) => s.replace(/\*\*|`/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
function blockToText(b) {
    switch (b.kind) {
        case 'heading':
            return `${stripMd(b.text)}\n${'='.repeat(stripMd(b.text).length)}`;
        case 'text':
            return stripMd(b.text);
        case 'table': {
            const rows = [b.headers, ...b.rows].map((r) => r.map((c) => stripMd(c).replace(/\r?\n/g, ' ')));
            const widths = b.headers.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
            const line = (r) => r
                .map((c, i) => c + ' '.repeat(widths[i] - [...c].length))
                .join('  ')
                .trimEnd();
            return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
        }
        case 'details':
            return `${b.title}:\n${b.body.replace(/^/gm, '  ')}`;
        case 'code':
            return b.lang === 'mermaid' ? '' : b.body;
    }
}
/** The status cell of the pipeline and gates tables. */
function icon(status) {
    return status === 'passed' || status === 'success'
        ? '✅ passed'
        : status === 'failed' || status === 'failure'
            ? '❌ failed'
            : `⏭️ ${status}`;
}


/***/ })

};
;