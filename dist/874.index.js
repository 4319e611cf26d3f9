"use strict";
exports.id = 874;
exports.ids = [874];
exports.modules = {

/***/ 40788:
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
exports.detectContext = detectContext;
exports.githubContext = githubContext;
exports.gitlabContext = gitlabContext;
exports.localContext = localContext;
exports.repoFromRemote = repoFromRemote;
exports.refBranch = refBranch;
exports.refTag = refTag;
const fs = __importStar(__webpack_require__(73024));
function detectContext(env = process.env, cwd = process.cwd()) {
    if (env.GITHUB_ACTIONS === 'true')
        return githubContext(env, cwd);
    if (env.GITLAB_CI === 'true')
        return gitlabContext(env, cwd);
    return localContext(env, cwd);
}
function githubContext(env, cwd) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const repository = env.GITHUB_REPOSITORY;
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    const event = env.GITHUB_EVENT_NAME || 'push';
    const ref = env.GITHUB_REF || '';
    const pr = payload?.pull_request;
    const prFromRef = /^refs\/pull\/(\d+)\//.exec(ref)?.[1];
    const prNumber = pr?.number ?? (prFromRef ? Number(prFromRef) : undefined);
    const headRepo = pr?.head?.repo?.full_name;
    return {
        platform: 'github',
        event,
        ref,
        sha: env.GITHUB_SHA || '',
        prNumber,
        prHeadRef: env.GITHUB_HEAD_REF || undefined,
        fork: headRepo !== undefined && repository !== undefined ? headRepo !== repository : undefined,
        defaultBranch: payload?.repository?.default_branch,
        repository,
        repositoryUrl: repository ? `${server}/${repository}` : undefined,
        runUrl: repository && env.GITHUB_RUN_ID
            ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
            : undefined,
        workspace: env.GITHUB_WORKSPACE || cwd,
        eventPath: env.GITHUB_EVENT_PATH,
    };
}
function gitlabContext(env, cwd) {
    const mr = env.CI_MERGE_REQUEST_IID;
    const tag = env.CI_COMMIT_TAG;
    const branch = env.CI_COMMIT_BRANCH || env.CI_COMMIT_REF_NAME || '';
    const ref = mr ? `refs/merge-requests/${mr}/head` : tag ? `refs/tags/${tag}` : `refs/heads/${branch}`;
    const source = env.CI_MERGE_REQUEST_SOURCE_PROJECT_ID;
    const target = env.CI_MERGE_REQUEST_PROJECT_ID || env.CI_PROJECT_ID;
    return {
        platform: 'gitlab',
        event: env.CI_PIPELINE_SOURCE || 'push',
        ref,
        sha: env.CI_COMMIT_SHA || '',
        prNumber: mr ? Number(mr) : undefined,
        prHeadRef: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME || undefined,
        fork: source && target ? source !== target : undefined,
        defaultBranch: env.CI_DEFAULT_BRANCH,
        repository: env.CI_PROJECT_PATH,
        repositoryUrl: env.CI_PROJECT_URL,
        runUrl: env.CI_PIPELINE_URL || env.CI_JOB_URL,
        workspace: env.CI_PROJECT_DIR || cwd,
    };
}
/**
 * On a laptop the ref and sha come from git (or --ref/--sha), read by the caller through exec so that
 * this module stays free of process spawning.
 */
function localContext(env, cwd, git = {}) {
    const ref = git.ref || 'refs/heads/local';
    const pr = /^refs\/pull\/(\d+)\//.exec(ref)?.[1];
    return {
        platform: 'local',
        event: pr ? 'pull_request' : 'push',
        ref,
        sha: git.sha || '0000000000000000000000000000000000000000',
        prNumber: pr ? Number(pr) : undefined,
        defaultBranch: git.defaultBranch,
        repository: git.remoteUrl ? repoFromRemote(git.remoteUrl) : undefined,
        repositoryUrl: git.remoteUrl ? httpsFromRemote(git.remoteUrl) : undefined,
        workspace: env.MCP_DEPLOY_WORKSPACE || cwd,
    };
}
/** Host and path of a git remote: scheme URLs (https://, ssh://host:port/) and scp-like git@host:o/r. */
function parseRemote(url) {
    const u = url.trim();
    const m = /^[a-z+]+:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/i.exec(u) ??
        /^(?:[^@/]+@)?([^/:]+):(.+?)(?:\.git)?\/?$/.exec(u);
    return m ? { host: m[1], repo: m[2] } : undefined;
}
/** git@github.com:o/r.git, https://github.com/o/r(.git), ssh://git@host:2222/o/r -> o/r */
function repoFromRemote(url) {
    return parseRemote(url)?.repo;
}
function httpsFromRemote(url) {
    const r = parseRemote(url);
    return r ? `https://${r.host}/${r.repo}` : undefined;
}
function readPayload(file) {
    if (!file)
        return undefined;
    try {
        return JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Branch name of a branch ref, tag name of a tag ref; undefined otherwise. */
function refBranch(ref) {
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
function refTag(ref) {
    return ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
}


/***/ }),

/***/ 38422:
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
exports.envName = exports.SECRET_INPUTS = exports.InputReader = exports.STAGES = void 0;
exports.splitList = splitList;
exports.parseDuration = parseDuration;
exports.parseStages = parseStages;
exports.actionSource = actionSource;
exports.cliSource = cliSource;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
exports.STAGES = ['gates', 'build', 'scan', 'deploy', 'verify'];
class InputReader {
    source;
    constructor(source) {
        this.source = source;
    }
    string(name, fallback = '') {
        return this.source(name).trim() || fallback;
    }
    required(name, hint) {
        const v = this.string(name);
        if (!v)
            throw new errors_1.ActionError('is required', name, hint);
        return v;
    }
    /** Secrets are registered for masking the moment they are read. */
    secret(name) {
        const v = this.source(name);
        (0, log_1.registerSecret)(v);
        return v.trim();
    }
    /** Newline or comma separated; blank items and `#` comments dropped. */
    list(name, fallback = []) {
        const raw = this.source(name);
        if (!raw.trim())
            return fallback;
        return splitList(raw);
    }
    /** Like list(), but only splits on newlines: for items that contain commas (tag rules, JSON). */
    lines(name) {
        return this.source(name)
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter((s) => s && !s.startsWith('#'));
    }
    bool(name, fallback) {
        const v = this.string(name).toLowerCase();
        if (!v)
            return fallback;
        if (v === 'true')
            return true;
        if (v === 'false')
            return false;
        throw new errors_1.ActionError(`'${this.string(name)}' is not a boolean`, name, `use true or false`);
    }
    oneOf(name, allowed, fallback) {
        const v = this.string(name);
        if (!v)
            return fallback;
        if (!allowed.includes(v))
            throw new errors_1.ActionError(`'${v}' is not allowed`, name, `use one of: ${allowed.join(', ')}`);
        return v;
    }
    /** A list whose every item must be one of `allowed`. */
    subset(name, allowed, fallback) {
        const items = this.list(name, fallback).map((s) => s.toLowerCase());
        const bad = items.filter((i) => !allowed.includes(i));
        if (bad.length)
            throw new errors_1.ActionError(`unknown value ${bad.map((b) => `'${b}'`).join(', ')}`, name, `use any of: ${allowed.join(', ')}`);
        return [...new Set(items)];
    }
    int(name, fallback, min = 0, max = Number.MAX_SAFE_INTEGER) {
        const v = this.string(name);
        if (!v)
            return fallback;
        const n = Number(v);
        if (!Number.isInteger(n) || n < min || n > max)
            throw new errors_1.ActionError(`'${v}' is not a whole number from ${min} to ${max}`, name, `give a number like ${fallback}`);
        return n;
    }
    /** `90`, `90s`, `5m`, `1h30m` -> seconds. */
    duration(name, fallback) {
        const v = this.string(name, fallback);
        const s = parseDuration(v);
        if (s === undefined)
            throw new errors_1.ActionError(`'${v}' is not a duration`, name, `write it like 90s, 5m or 1h30m`);
        return s;
    }
    /** A directory that must exist, resolved against `base`. */
    directory(name, fallback, base) {
        const v = this.string(name, fallback);
        const abs = path.resolve(base, v);
        if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory())
            throw new errors_1.ActionError(`directory '${v}' does not exist (looked at ${abs})`, name, 'point it at a directory in the checkout');
        return abs;
    }
}
exports.InputReader = InputReader;
function splitList(raw) {
    return raw
        .split(/\r?\n/)
        .filter((l) => !l.trim().startsWith('#'))
        .flatMap((l) => l.split(','))
        .map((s) => s.trim())
        .filter(Boolean);
}
function parseDuration(v) {
    const t = v.trim();
    if (/^\d+$/.test(t))
        return Number(t);
    const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
    if (!m || !t)
        return undefined;
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
/** Reads `stages` strictly: an unknown stage is an error, the order is always the pipeline's. */
function parseStages(r) {
    const wanted = r.subset('stages', exports.STAGES, ['gates']);
    if (!wanted.length)
        throw new errors_1.ActionError('names no stage', 'stages', `use any of: ${exports.STAGES.join(', ')}`);
    return exports.STAGES.filter((s) => wanted.includes(s));
}
/** The action's own INPUT_* variables, read the way the runner sets them (name upper-cased, spaces to _). */
function actionSource(env = process.env) {
    return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}
/** Inputs that hold secrets: on the command line they would show in `ps` and in shell history. */
exports.SECRET_INPUTS = ['password', 'kubeconfig', 'github-token', 'mcp-token', 'mcp-headers'];
/**
 * CLI flags first, then MCP_* variables (MCP_WORKING_DIRECTORY for working-directory): how the GitLab
 * template configures the same core. Secrets come from the environment only.
 */
function cliSource(flags, env = process.env) {
    const secret = exports.SECRET_INPUTS.find((s) => flags[s] !== undefined);
    if (secret)
        throw new errors_1.ActionError(`--${secret} would put a secret in the process list and shell history`, secret, `export ${(0, exports.envName)(secret)} instead`);
    return (name) => flags[name] ?? env[(0, exports.envName)(name)] ?? '';
}
const envName = (input) => `MCP_${input.replace(/-/g, '_').toUpperCase()}`;
exports.envName = envName;


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
exports.redact = redact;
exports.textSink = textSink;
exports.formatAnnotation = formatAnnotation;
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


/***/ }),

/***/ 57994:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Summary = void 0;
exports.cell = cell;
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


/***/ })

};
;