"use strict";
exports.id = 878;
exports.ids = [878];
exports.modules = {

/***/ 32653:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.lintCommand = void 0;
const inputs_1 = __webpack_require__(49901);
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
        const { flags, positional } = (0, args_1.parseArgs)(args, {
            inputs: ['lint', 'mcp-path', 'mcp-sessions'],
            own: { strict: true, format: false, workspace: false },
        });
        (0, args_1.warnUnknownVariables)();
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