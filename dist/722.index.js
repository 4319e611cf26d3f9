"use strict";
exports.id = 722;
exports.ids = [722,190,809];
exports.modules = {

/***/ 49973:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.str = void 0;
exports.readManifest = readManifest;
const errors_1 = __webpack_require__(83916);
// smol-toml ships CommonJS (dist/index.cjs) but declares its types as ESM only; the types come from the
// ESM declaration, the code from the CommonJS build that this CommonJS module (and the bundle) loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TOML = __webpack_require__(27106);
/** Parses Cargo.toml; a file cargo could not read either is one line naming the input that led to it. */
function readManifest(text, input = 'working-directory') {
    try {
        return TOML.parse(text);
    }
    catch (e) {
        throw new errors_1.ActionError(`Cargo.toml is not valid TOML: ${e.message.split('\n')[0]}`, input, 'fix Cargo.toml (cargo metadata shows the same error)');
    }
}
const str = (v) => (typeof v === 'string' ? v : undefined);
exports.str = str;


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

/***/ 70722:
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
exports.initCommand = void 0;
exports.binTargets = binTargets;
exports.chooseBinary = chooseBinary;
exports.ciFromRemote = ciFromRemote;
exports.fill = fill;
exports.planInit = planInit;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const context_1 = __webpack_require__(40788);
const exec_1 = __webpack_require__(73190);
const errors_1 = __webpack_require__(83916);
const cargo_manifest_1 = __webpack_require__(49973);
const args_1 = __webpack_require__(62309);
/** Where each template goes in the user's repository (directories map recursively). */
const LAYOUT = [
    { from: 'docker/Dockerfile', to: 'Dockerfile' },
    { from: 'docker/dockerignore', to: '.dockerignore' },
    { from: 'k8s', to: 'deploy/k8s' },
    { from: 'monitoring', to: 'deploy/monitoring' },
    { from: 'github/deploy.yml', to: '.github/workflows/deploy.yml', ci: 'github' },
    { from: 'gitlab/caller.gitlab-ci.yml', to: '.gitlab-ci.yml', ci: 'gitlab' },
];
/**
 * The binary targets cargo would build for this manifest: every `[[bin]]`, plus the ones cargo infers
 * (src/main.rs under the package name, src/bin/<name>.rs and src/bin/<name>/main.rs) unless
 * `autobins = false`. `exists` answers for paths relative to the crate directory.
 */
function binTargets(cargoToml, exists, srcBin = []) {
    const manifest = (0, cargo_manifest_1.readManifest)(cargoToml, 'cwd');
    const name = (0, cargo_manifest_1.str)(manifest.package?.name);
    if (!name)
        return [];
    const declared = (manifest.bin ?? []).flatMap((b) => {
        const n = (0, cargo_manifest_1.str)(b.name);
        return n ? [{ name: n, path: (0, cargo_manifest_1.str)(b.path) }] : [];
    });
    const bins = declared.map((b) => b.name);
    // Cargo does not infer a target at a path a declared [[bin]] already uses.
    const taken = new Set(declared.map((b) => b.path ?? (b.name === name ? 'src/main.rs' : `src/bin/${b.name}.rs`)));
    const infer = (name, rel) => {
        if (!taken.has(rel) && exists(rel))
            bins.push(name);
    };
    if (manifest.package?.autobins !== false) {
        infer(name, 'src/main.rs');
        for (const entry of srcBin)
            if (entry.endsWith('.rs'))
                infer(entry.slice(0, -3), `src/bin/${entry}`);
            else
                infer(entry, `src/bin/${entry}/main.rs`);
    }
    return [...new Set(bins)];
}
/** The binary the image runs: --bin if given (and cargo has it), else the only one, else the package's. */
function chooseBinary(cargoToml, bins, wanted) {
    const pkg = (0, cargo_manifest_1.str)((0, cargo_manifest_1.readManifest)(cargoToml, 'cwd').package?.name);
    if (!pkg)
        throw new errors_1.ActionError('Cargo.toml has no [package] name (a workspace root?)', 'cwd', 'run init in the directory of the server crate, or pass --cwd crates/<server>');
    if (wanted) {
        if (!bins.includes(wanted))
            throw new errors_1.ActionError(`cargo has no binary '${wanted}' in ${pkg}${bins.length ? ` (it has: ${bins.join(', ')})` : ''}`, 'bin', 'pass the name of a [[bin]] target');
        return wanted;
    }
    if (!bins.length)
        throw new errors_1.ActionError(`${pkg} has no binary target (a library-only crate): the image needs the server's binary`, 'bin', 'add src/main.rs or a [[bin]] target, or run init in the server crate (--cwd), or pass --bin NAME');
    if (bins.length === 1)
        return bins[0];
    if (bins.includes(pkg))
        return pkg;
    throw new errors_1.ActionError(`${pkg} has several binaries (${bins.join(', ')}): which one is the MCP server?`, 'bin', 'pass --bin NAME');
}
/** Cargo.lock of the crate or of the workspace above it, up to the repository root. */
function lockFileFor(dir) {
    for (let d = dir;; d = path.dirname(d)) {
        if (fs.existsSync(path.join(d, 'Cargo.lock')))
            return path.join(d, 'Cargo.lock');
        if (fs.existsSync(path.join(d, '.git')) || path.dirname(d) === d)
            return undefined;
    }
}
/** The CI the remote's host implies: a GitLab host gets the include template, anything else a workflow. */
function ciFromRemote(remote) {
    return remote && (0, context_1.parseRemote)(remote)?.host.includes('gitlab') ? 'gitlab' : 'github';
}
function fill(text, v) {
    return text.replace(/\{\{crate\}\}/g, v.crate).replace(/\{\{image\}\}/g, v.image);
}
function walk(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? walk(p) : [p];
    });
}
/** Pure with respect to the target: reads templates and the target, decides, writes nothing. */
function planInit(templates, target, values, force, ci = 'github') {
    const files = [];
    for (const { from, to, ci: only } of LAYOUT) {
        if (only && only !== ci)
            continue;
        const src = path.join(templates, from);
        if (!fs.existsSync(src))
            continue;
        const sources = fs.statSync(src).isDirectory()
            ? walk(src).filter((f) => path.basename(f) !== 'README.md')
            : [src];
        for (const f of sources) {
            const rel = fs.statSync(src).isDirectory() ? path.join(to, path.relative(src, f)) : to;
            const dest = path.join(target, rel);
            const content = fill(fs.readFileSync(f, 'utf8'), values);
            const existing = fs.existsSync(dest) ? fs.readFileSync(dest, 'utf8') : undefined;
            const action = existing === undefined
                ? 'create'
                : existing === content
                    ? 'unchanged'
                    : force
                        ? 'overwrite'
                        : 'exists';
            files.push({ path: rel.split(path.sep).join('/'), content, action });
        }
    }
    return files;
}
async function originUrl(cwd) {
    const r = await (0, exec_1.exec)(['git', 'remote', 'get-url', 'origin'], { cwd, echo: false }).catch(() => undefined);
    return r?.exitCode === 0 ? r.stdout.trim() : undefined;
}
function templatesRoot() {
    if (process.env.MCP_DEPLOY_TEMPLATES)
        return process.env.MCP_DEPLOY_TEMPLATES;
    // dist/cli.js -> <package>/templates (the package ships both; a symlinked bin is resolved first).
    return path.resolve(path.dirname(fs.realpathSync(process.argv[1])), '..', 'templates');
}
/** Where CI compiles the release binary (binary-source, docs/rust-builds.md). */
const BINARY = {
    github: `In CI the Dockerfile's builder stage compiles it (binary-source: docker, the default). With
     binary-source: runner in the workflow, cargo builds it on the runner with the Rust cache and the
     Dockerfile's prebuilt stage takes it; the runtime image's glibc must then be at least the
     runner's (docs/rust-builds.md).`,
    gitlab: `In CI the Dockerfile's builder stage compiles it: the build job's image has no cargo
     (binary-source: docker; docs/rust-builds.md says what binary-source: runner needs on GitLab).`,
    none: `The Dockerfile's builder stage compiles it; binary-source: runner compiles on the CI runner
     instead and the prebuilt stage takes the binary (docs/rust-builds.md).`,
};
/** Where the cluster credentials go, and why there: the last of the next steps. */
const SECRETS = {
    github: `Add the secrets the workflow names (STAGING_KUBECONFIG, PRODUCTION_KUBECONFIG, MCP_TOKEN) as
     repository secrets, each kubeconfig for a service account limited to its namespace; give the
     production environment required reviewers and a v* tag rule (Settings > Environments); then push.`,
    gitlab: `Cluster access, recommended: the GitLab agent for Kubernetes. Authorise this project in the
     agent's ci_access and set MCP_STAGING_KUBE_CONTEXT / MCP_PRODUCTION_KUBE_CONTEXT to its context
     (<agent config project>:<agent name>); jobs get its KUBECONFIG and no credential is stored.
     Otherwise: MCP_STAGING_KUBECONFIG / MCP_PRODUCTION_KUBECONFIG = \`base64 -w0 kubeconfig\` as CI/CD
     variables that are Masked (YAML is multi-line: GitLab cannot mask it), Protected (branch and MR
     pipelines cannot read them) and scoped to the staging / production environment (gates, build and
     scan, which run the repository's code, never get them). Protect the v* tags and the production
     environment. Details: docs/gitlab.md, "Secrets and cluster access". Then push.`,
    none: `Store the kubeconfigs and the MCP token in your CI's secret store, readable only by the deploy
     jobs of protected branches and tags (base64 -w0 of the kubeconfig where secrets must be one line).`,
};
exports.initCommand = {
    usage: `mcp-deploy init [--cwd DIR] [--bin NAME] [--image REF] [--ci github|gitlab|none] [--dry-run] [--force]

Writes the starter files (Dockerfile, .dockerignore, deploy/k8s, deploy/monitoring, and
.github/workflows/deploy.yml or .gitlab-ci.yml) filled with the server's binary name (from Cargo.toml;
--bin picks one when the crate has several, --crate is its old name) and the image (from the git
remote: ghcr.io/<owner>/<repo> or registry.gitlab.com/<group>/<project>).
--ci defaults to gitlab for a GitLab remote, github otherwise.
An existing file is never overwritten without --force; --dry-run prints what would be written.`,
    async run(args) {
        const { flags } = (0, args_1.parseArgs)(args, {
            inputs: [],
            own: { cwd: false, bin: false, crate: false, image: false, ci: false, 'dry-run': true, force: true },
        });
        const cwd = path.resolve(flags.cwd ?? '.');
        const cargo = path.join(cwd, 'Cargo.toml');
        const wanted = flags.bin ?? flags.crate;
        let crate = wanted;
        if (fs.existsSync(cargo)) {
            const toml = fs.readFileSync(cargo, 'utf8');
            const binDir = path.join(cwd, 'src', 'bin');
            const srcBin = fs.existsSync(binDir) ? fs.readdirSync(binDir) : [];
            crate = chooseBinary(toml, binTargets(toml, (rel) => fs.existsSync(path.join(cwd, rel)), srcBin), wanted);
            if (!lockFileFor(cwd))
                process.stderr.write(`warning: no Cargo.lock for ${cargo}: the Dockerfile builds with --locked and fails without it. ` +
                    'Run `cargo generate-lockfile` and commit Cargo.lock.\n');
        }
        if (!crate)
            throw new errors_1.ActionError(`no crate name: ${cargo} is missing or has no [package] name`, 'crate', 'run init in the crate or pass --crate NAME');
        const origin = await originUrl(cwd);
        const image = flags.image ?? (origin ? (0, context_1.imageFromRemote)(origin) : undefined);
        if (!image)
            throw new errors_1.ActionError('no image name: the git remote is not on github.com or gitlab.com', 'image', 'pass --image registry.example.com/team/app');
        const ci = (flags.ci ?? ciFromRemote(origin));
        if (!['github', 'gitlab', 'none'].includes(ci))
            throw new errors_1.ActionError(`'${ci}' is not a CI`, 'ci', 'use github, gitlab or none');
        const files = planInit(templatesRoot(), cwd, { crate, image }, flags.force === 'true', ci);
        if (!files.length)
            throw new errors_1.ActionError(`no templates found in ${templatesRoot()}`, 'templates', 'set MCP_DEPLOY_TEMPLATES to the templates directory');
        const dry = flags['dry-run'] === 'true';
        const verb = {
            create: 'create',
            overwrite: 'overwrite',
            unchanged: 'unchanged',
            exists: 'keep (exists; --force overwrites)',
        };
        for (const f of files) {
            process.stdout.write(`${dry ? '[dry-run] ' : ''}${verb[f.action].padEnd(10)} ${f.path}\n`);
            if (dry && (f.action === 'create' || f.action === 'overwrite'))
                process.stdout.write(`${f.content.replace(/^/gm, '    ')}\n`);
            if (!dry && (f.action === 'create' || f.action === 'overwrite')) {
                fs.mkdirSync(path.dirname(path.join(cwd, f.path)), { recursive: true });
                fs.writeFileSync(path.join(cwd, f.path), f.content);
            }
        }
        const written = files.filter((f) => f.action === 'create' || f.action === 'overwrite').length;
        const kept = files.filter((f) => f.action === 'exists').length;
        if (!written)
            process.stdout.write(`\nNothing ${dry ? 'would change' : 'changed'}: every file is already there${kept ? ` (${kept} differ from the templates; --force overwrites them)` : ' and up to date'}.\n`);
        else if (!dry)
            process.stdout.write(`
Wrote ${written} file(s) for ${crate} (image ${image}). Next steps:
  1. Review deploy/k8s/overlays/*/kustomization.yaml: hosts (${crate}.staging.example.com and
     ${crate}.example.com), namespaces, replicas. The pipeline verifies https://<host>/mcp; change a host
     in the overlay and in ${ci === 'gitlab' ? '.gitlab-ci.yml' : '.github/workflows/deploy.yml'} together.
  2. The server must: listen on 0.0.0.0 at MCP_SERVER_PORT (8080), serve MCP at /mcp, answer 200 on
     /health (alive) and /ready (ready for traffic), accept the Host headers in MCP_ALLOWED_HOSTS (the
     overlays set the ingress host), and have a \`--health-check\` flag that exits 0 when /health answers
     (the image's HEALTHCHECK runs it: distroless has no shell or curl).
  3. Build locally: docker buildx build -t ${image}:dev .
     ${BINARY[ci]}
  4. The MCP contract baseline (mcp-contract.json): the first verify finds none, passes, and records the
     contract. After the first staging deploy, commit it so every later release is compared with it:
     mcp-deploy contract snapshot --url https://${crate}.staging.example.com/mcp > mcp-contract.json
  5. ${SECRETS[ci]}
`);
        return 0;
    },
};


/***/ }),

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
exports.parseRemote = parseRemote;
exports.imageFromRemote = imageFromRemote;
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
/** Host (lower case) and path of a git remote: scheme URLs (https://, ssh://host:port/) and scp-like git@host:o/r. */
function parseRemote(url) {
    const u = url.trim();
    const m = /^[a-z+]+:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/i.exec(u) ??
        /^(?:[^@/]+@)?([^/:]+):(.+?)(?:\.git)?\/?$/.exec(u);
    return m ? { host: m[1].toLowerCase(), repo: m[2] } : undefined;
}
/**
 * The image a repository's own registry would hold: ghcr.io for GitHub remotes, the project registry for
 * gitlab.com; undefined for other hosts. init writes it and a local `plan`/`run` defaults to it.
 */
function imageFromRemote(remote) {
    const r = parseRemote(remote);
    if (r?.host === 'github.com')
        return `ghcr.io/${r.repo.toLowerCase()}`;
    if (r?.host === 'gitlab.com')
        return `registry.gitlab.com/${r.repo.toLowerCase()}`;
    return undefined;
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