"use strict";
exports.id = 722;
exports.ids = [722];
exports.modules = {

/***/ 49973:
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
exports.str = void 0;
exports.readManifest = readManifest;
exports.workspaceRoot = workspaceRoot;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
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
/**
 * The directory of the workspace a crate belongs to, as cargo finds it: `package.workspace` if set, else
 * the nearest directory from the crate upwards whose Cargo.toml has [workspace]. The search stops at
 * `stopAt` (the checkout), so nothing outside the repository is read; a crate in no workspace is its own.
 * Cargo.lock is written there, for every member.
 */
function workspaceRoot(crateDir, stopAt) {
    const manifest = (dir) => {
        const file = path.join(dir, 'Cargo.toml');
        return fs.existsSync(file) ? readManifest(fs.readFileSync(file, 'utf8')) : undefined;
    };
    const explicit = (0, exports.str)(manifest(crateDir)?.package?.workspace);
    if (explicit)
        return path.resolve(crateDir, explicit);
    for (let dir = crateDir;; dir = path.dirname(dir)) {
        if (manifest(dir)?.workspace !== undefined)
            return dir;
        if (dir === stopAt || path.relative(stopAt, dir).startsWith('..') || dir === path.dirname(dir))
            return crateDir;
    }
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
const git_1 = __webpack_require__(90615);
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
        const origin = await (0, git_1.originUrl)(cwd);
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


/***/ })

};
;