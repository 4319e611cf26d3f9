"use strict";
exports.id = 722;
exports.ids = [722];
exports.modules = {

/***/ 62309:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseArgs = parseArgs;
const errors_1 = __webpack_require__(83916);
/** Flags whose presence alone means true; every other flag takes a value. */
function parseArgs(argv, booleans = []) {
    const flags = {};
    const positional = [];
    let help = false;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--help' || a === '-h')
            help = true;
        else if (a === '--') {
            positional.push(...argv.slice(i + 1));
            break;
        }
        else if (a.startsWith('--')) {
            const eq = a.indexOf('=');
            const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
            if (eq > 0)
                flags[name] = a.slice(eq + 1);
            else if (booleans.includes(name))
                flags[name] = 'true';
            else {
                if (i + 1 >= argv.length || argv[i + 1].startsWith('--'))
                    throw new errors_1.ActionError(`option --${name} needs a value`, name, `write --${name} <value>`);
                flags[name] = argv[++i];
            }
        }
        else
            positional.push(a);
    }
    return { flags, positional, help };
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
exports.imageFromRemote = imageFromRemote;
exports.ciFromRemote = ciFromRemote;
exports.fill = fill;
exports.planInit = planInit;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const exec_1 = __webpack_require__(73190);
const errors_1 = __webpack_require__(83916);
const args_1 = __webpack_require__(62309);
// smol-toml ships CommonJS (dist/index.cjs) but declares its types as ESM only; the types come from the
// ESM declaration, the code from the CommonJS build that this CommonJS module (and the bundle) loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TOML = __webpack_require__(27106);
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
    const manifest = TOML.parse(cargoToml);
    const pkg = manifest.package;
    if (!pkg?.name)
        return [];
    const declared = (manifest.bin ?? []).filter((b) => !!b.name);
    const bins = declared.map((b) => b.name);
    // Cargo does not infer a target at a path a declared [[bin]] already uses.
    const taken = new Set(declared.map((b) => b.path ?? (b.name === pkg.name ? 'src/main.rs' : `src/bin/${b.name}.rs`)));
    const infer = (name, rel) => {
        if (!taken.has(rel) && exists(rel))
            bins.push(name);
    };
    if (pkg.autobins !== false) {
        infer(pkg.name, 'src/main.rs');
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
    const pkg = TOML.parse(cargoToml).package?.name;
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
function remoteParts(remote) {
    const m = /^[a-z+]+:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/i.exec(remote.trim()) ??
        /^(?:[^@/]+@)?([^/:]+):(.+?)(?:\.git)?\/?$/.exec(remote.trim());
    return m ? { host: m[1].toLowerCase(), repo: m[2] } : undefined;
}
/** ghcr.io for GitHub remotes, the project registry for gitlab.com; others must say --image. */
function imageFromRemote(remote) {
    const r = remoteParts(remote);
    if (r?.host === 'github.com')
        return `ghcr.io/${r.repo.toLowerCase()}`;
    if (r?.host === 'gitlab.com')
        return `registry.gitlab.com/${r.repo.toLowerCase()}`;
    return undefined;
}
/** The CI the remote's host implies: a GitLab host gets the include template, anything else a workflow. */
function ciFromRemote(remote) {
    return remote && remoteParts(remote)?.host.includes('gitlab') ? 'gitlab' : 'github';
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
exports.initCommand = {
    usage: `mcp-deploy init [--cwd DIR] [--bin NAME] [--image REF] [--ci github|gitlab|none] [--dry-run] [--force]

Writes the starter files (Dockerfile, .dockerignore, deploy/k8s, deploy/monitoring, and
.github/workflows/deploy.yml or .gitlab-ci.yml) filled with the server's binary name (from Cargo.toml;
--bin picks one when the crate has several, --crate is its old name) and the image (from the git remote: ghcr.io/<owner>/<repo> or registry.gitlab.com/<group>/<project>).
--ci defaults to gitlab for a GitLab remote, github otherwise.
An existing file is never overwritten without --force; --dry-run prints what would be written.`,
    async run(args) {
        const { flags } = (0, args_1.parseArgs)(args, ['dry-run', 'force']);
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
        const image = flags.image ?? (origin ? imageFromRemote(origin) : undefined);
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
  4. Snapshot the MCP contract: mcp-deploy contract snapshot --command "cargo run -q -- --stdio" > mcp-contract.json
  5. Add the secrets the ${ci === 'gitlab' ? 'pipeline' : 'workflow'} names (registry, kubeconfigs) and push.
`);
        return 0;
    },
};


/***/ }),

/***/ 73190:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CommandError = void 0;
exports.quote = quote;
exports.exec = exec;
exports.execOk = execOk;
const node_child_process_1 = __webpack_require__(31421);
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
function quote(argv) {
    return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
async function exec(argv, opts = {}) {
    const [cmd, ...args] = argv;
    if (opts.echo !== false)
        log_1.log.info(`$ ${quote(argv)}`);
    const env = { ...process.env };
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
                if (!opts.stream)
                    return;
                const lines = (partial + chunk.toString('utf8')).split('\n');
                partial = lines.pop() ?? '';
                for (const l of lines)
                    log_1.log.info(l);
            };
        };
        child.stdout.on('data', streamer(out));
        child.stderr.on('data', streamer(err));
        child.on('error', (e) => {
            if (timer)
                clearTimeout(timer);
            reject(e.code === 'ENOENT'
                ? new errors_1.ActionError(`'${cmd}' was not found on PATH`, undefined, `install ${cmd} or add it to PATH`)
                : e);
        });
        child.on('close', (code, signal) => {
            if (timer)
                clearTimeout(timer);
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


/***/ })

};
;