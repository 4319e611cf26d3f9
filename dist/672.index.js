"use strict";
exports.id = 672;
exports.ids = [672];
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
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
const docker_1 = __webpack_require__(17163);
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
                await (0, docker_1.logout)(c.registry, c.config);
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

/***/ 85031:
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
exports.PREBUILT_BUILD_ARGS = exports.PREBUILT_DIR = exports.BINARY_SOURCES = void 0;
exports.linkerCandidates = linkerCandidates;
exports.runnerCanBuild = runnerCanBuild;
exports.planBinarySource = planBinarySource;
exports.crateInfo = crateInfo;
exports.planRunnerBuild = planRunnerBuild;
exports.withPrebuiltArgs = withPrebuiltArgs;
exports.takesPrebuilt = takesPrebuilt;
exports.plannedRunnerBuild = plannedRunnerBuild;
exports.runRunnerBuild = runRunnerBuild;
exports.probeToolchain = probeToolchain;
exports.prepareBinary = prepareBinary;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const inputs_1 = __webpack_require__(49901);
const cargo_1 = __webpack_require__(79583);
/**
 * `binary-source`: where the image's binary is compiled.
 *   docker  the Dockerfile's builder stage compiles it (BuildKit cache mounts, empty on every hosted runner).
 *   runner  `cargo build --release --locked --target <triple>` on the runner, with the runner's cached target/;
 *           the image takes the binary through the Dockerfile's `prebuilt` stage.
 *   auto    runner when the runner can build every requested platform, else docker.
 */
exports.BINARY_SOURCES = inputs_1.INPUTS['binary-source'].allowed;
/** Where the runner's binaries go in the build context: the `prebuilt` stage's default `BINARY`. */
exports.PREBUILT_DIR = path.join('target', 'prebuilt');
const PLATFORMS = {
    'linux/amd64': { arch: 'amd64', triple: 'x86_64-unknown-linux-gnu', gnuArch: 'x86_64' },
    'linux/arm64': { arch: 'arm64', triple: 'aarch64-unknown-linux-gnu', gnuArch: 'aarch64' },
};
function platformInfo(platform) {
    const info = PLATFORMS[platform];
    if (!info)
        throw new errors_1.ActionError(`'${platform}' cannot be built on the runner (only ${Object.keys(PLATFORMS).join(', ')})`, 'binary-source', `use binary-source: docker for ${platform}`);
    return info;
}
/** Cross C compilers as GNU names them (`aarch64-linux-gnu-gcc`, Debian/Ubuntu) or after the triple. */
function linkerCandidates(triple) {
    const gnuArch = triple.split('-')[0];
    return [`${gnuArch}-linux-gnu-gcc`, `${triple}-gcc`];
}
/** Whether the runner can build `platform`, and with which linker; `why` is one line when it cannot. */
function runnerCanBuild(tc, platform) {
    const info = PLATFORMS[platform];
    if (!info)
        return { ok: false, why: `${platform} is not a platform the runner compiles for` };
    const build = { platform, arch: info.arch, triple: info.triple };
    if (info.triple === tc.host)
        return { ok: true, build };
    if (!tc.targets.includes(info.triple))
        return {
            ok: false,
            why: `the ${info.triple} standard library is not installed (rustup target add ${info.triple})`,
        };
    const linker = linkerCandidates(info.triple).find((c) => tc.compilers.includes(c));
    if (!linker)
        return {
            ok: false,
            why: `no linker for ${info.triple} on PATH (${linkerCandidates(info.triple).join(' or ')}, e.g. Debian's gcc-${info.gnuArch.replace('_', '-')}-linux-gnu)`,
        };
    return { ok: true, build: { ...build, linker } };
}
/** Decides where the binary is built; `runner` that cannot build a platform fails with one line. */
function planBinarySource(mode, platforms, tc) {
    if (mode === 'docker')
        return { source: 'docker', reason: 'binary-source: docker' };
    if (mode === 'runner')
        for (const p of platforms)
            platformInfo(p);
    const checks = platforms.map((p) => ({ p, r: runnerCanBuild(tc, p) }));
    const failed = checks.find((c) => !c.r.ok);
    if (!failed)
        return { source: 'runner', builds: checks.map((c) => c.r.build) };
    const why = failed.r.why;
    if (mode === 'auto')
        return { source: 'docker', reason: `the runner cannot build ${failed.p}: ${why}` };
    throw new errors_1.ActionError(`the ${tc.host} runner cannot build ${failed.p}: ${why}`, 'binary-source', 'install that target and linker, or build each platform on a native runner (build-mode: by-digest, e.g. arm-runner in the reusable workflow)');
}
/**
 * The binary cargo builds for the image (the crate's only bin target) and the target directory it lands in
 * (the workspace's, or CARGO_TARGET_DIR), as `cargo metadata` resolves them.
 */
async function crateInfo(crateDir) {
    const manifest = path.resolve(crateDir, 'Cargo.toml');
    const r = await (0, exec_1.exec)((0, cargo_1.metadataArgv)(manifest), { echo: false, env: cargo_1.CARGO_ENV });
    if (r.exitCode !== 0)
        throw new errors_1.ActionError(`cargo metadata failed for ${manifest}: ${r.stderr.trim().split('\n').at(-1)}`, 'working-directory', 'point it at the crate (the directory with Cargo.toml)');
    const meta = (0, cargo_1.parseMetadata)(r.stdout);
    const bins = (0, cargo_1.binTargets)(meta, manifest);
    if (bins.length !== 1)
        throw new errors_1.ActionError(`${manifest} has ${bins.length ? `several binaries (${bins.join(', ')})` : 'no binary'}; the runner builds one`, 'binary-source', 'use binary-source: docker');
    return { bin: bins[0], targetDir: meta.target_directory };
}
/** The cargo commands for each platform (argv only), and where each binary goes in the build context. */
function planRunnerBuild(builds, opts) {
    const targetDir = opts.targetDir ?? 'target';
    return builds.map((b) => {
        // Only what cargo needs on top of what exec gives every tool: toolEnv (src/exec.ts) already keeps the
        // action's inputs, secrets and runner credentials from cargo, whose build scripts come from dependencies.
        const env = { ...cargo_1.CARGO_ENV, ...(b.linker ? (0, cargo_1.linkerEnv)(b.triple, b.linker) : {}) };
        return {
            argv: (0, cargo_1.buildReleaseArgv)({ toolchain: opts.toolchain, triple: b.triple, bin: opts.bin }),
            env,
            from: (0, cargo_1.releaseBinary)(targetDir, b.triple, opts.bin),
            to: path.join(exports.PREBUILT_DIR, b.arch, opts.bin),
        };
    });
}
/** Build args that make the Dockerfile take the runner's binaries (its `BINARY` default names their place). */
exports.PREBUILT_BUILD_ARGS = ['BINARY_SOURCE=prebuilt'];
/** `build-args` plus the prebuilt selection, unless the user already chose a BINARY_SOURCE. */
function withPrebuiltArgs(buildArgs) {
    return buildArgs.some((a) => a.startsWith('BINARY_SOURCE='))
        ? buildArgs
        : [...buildArgs, ...exports.PREBUILT_BUILD_ARGS];
}
/**
 * Whether a Dockerfile can take the runner's binary: a `prebuilt` stage selected by `ARG BINARY_SOURCE`, as the
 * template has. Without it the build arg would be ignored and Docker would compile again.
 */
function takesPrebuilt(dockerfile) {
    return (/^\s*FROM\s+\S+(?:\s+\S+)*\s+AS\s+prebuilt\s*$/im.test(dockerfile) &&
        /^\s*ARG\s+BINARY_SOURCE\b/m.test(dockerfile));
}
/** The platforms' cargo commands as `mcp-deploy plan` shows them (no probe: a foreign one's linker is found at run). */
function plannedRunnerBuild(platforms, bin, toolchain) {
    const builds = platforms
        .filter((p) => PLATFORMS[p])
        .map((p) => ({ platform: p, arch: PLATFORMS[p].arch, triple: PLATFORMS[p].triple }));
    return planRunnerBuild(builds, { bin, toolchain });
}
/** Runs the planned cargo builds in the crate and puts each binary where the `prebuilt` stage copies it from. */
async function runRunnerBuild(dirs, commands, opts = {}) {
    const { crateDir, contextDir } = dirs;
    for (const c of commands) {
        await (0, exec_1.execOk)(c.argv, { cwd: crateDir, env: c.env, stream: true, timeoutMs: opts.timeoutMs });
        const to = path.resolve(contextDir, c.to);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(path.resolve(crateDir, c.from), to);
        fs.chmodSync(to, 0o755);
    }
}
/** What this runner can compile for: `rustc -vV`, installed targets, cross C compilers on PATH. */
async function probeToolchain(toolchain) {
    const version = await (0, exec_1.exec)((0, cargo_1.rustcVersionArgv)(toolchain), { echo: false }).catch(() => undefined);
    const host = version?.exitCode === 0 ? (0, cargo_1.parseRustcHost)(version.stdout) : undefined;
    if (!host)
        throw new errors_1.ActionError('rustc is not on PATH or did not run', 'binary-source', 'install Rust on the runner or use binary-source: docker');
    let targets = [];
    const rustup = await (0, exec_1.exec)((0, cargo_1.installedTargetsArgv)(toolchain), { echo: false }).catch(() => undefined);
    if (rustup?.exitCode === 0)
        targets = (0, cargo_1.parseInstalledTargets)(rustup.stdout);
    else {
        // Without rustup (a distribution's rustc) the sysroot holds one directory per installed std.
        const sysroot = (await (0, exec_1.exec)((0, cargo_1.sysrootArgv)(toolchain), { echo: false })).stdout.trim();
        const rustlib = path.join(sysroot, 'lib', 'rustlib');
        targets = fs.existsSync(rustlib)
            ? fs.readdirSync(rustlib).filter((d) => fs.existsSync(path.join(rustlib, d, 'lib')))
            : [];
    }
    const compilers = Object.values(PLATFORMS)
        .flatMap((p) => linkerCandidates(p.triple))
        .filter((c) => onPath(c));
    return { host, targets, compilers };
}
function onPath(cmd) {
    return (process.env.PATH ?? '').split(path.delimiter).some((d) => {
        try {
            fs.accessSync(path.join(d, cmd), fs.constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    });
}
/**
 * The build stage's one call before `docker buildx build`: decides where the binary is compiled and, for the
 * runner, compiles every platform and returns the build args that select the Dockerfile's `prebuilt` stage.
 */
async function prepareBinary(o) {
    if (o.mode === 'docker')
        return { source: 'docker', reason: 'binary-source: docker' };
    let tc;
    try {
        tc = await probeToolchain(o.toolchain);
    }
    catch (e) {
        // auto means "the runner if it can": a runner without Rust (a build-only image) is a clear no.
        if (o.mode === 'auto' && e instanceof errors_1.ActionError)
            return { source: 'docker', reason: 'rustc is not on PATH or did not run' };
        throw e;
    }
    const plan = planBinarySource(o.mode, o.platforms, tc);
    if (plan.source === 'docker')
        return plan;
    const { bin, targetDir } = await crateInfo(o.crateDir);
    const commands = planRunnerBuild(plan.builds, { bin, targetDir, toolchain: o.toolchain });
    await runRunnerBuild(o, commands, { timeoutMs: o.timeoutMs });
    return { source: 'runner', buildArgs: exports.PREBUILT_BUILD_ARGS, binaries: commands.map((c) => c.to) };
}


/***/ }),

/***/ 96274:
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
exports.binfmtEntryUsable = binfmtEntryUsable;
exports.binfmtArchs = binfmtArchs;
exports.emulatedArchs = emulatedArchs;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
/**
 * The architectures this runner can already execute through QEMU: the kernel's binfmt_misc handlers, which
 * decide whether the build needs tonistiigi/binfmt first.
 */
/**
 * A binfmt_misc entry (/proc/sys/fs/binfmt_misc/qemu-aarch64) that a build container can use: enabled, and
 * with the F flag, so the kernel opened the interpreter at registration and the container need not have it.
 */
function binfmtEntryUsable(content) {
    const lines = content.split('\n').map((l) => l.trim());
    const flags = lines.find((l) => l.startsWith('flags:'))?.slice('flags:'.length) ?? '';
    return lines[0] === 'enabled' && flags.includes('F');
}
/** Architectures with a registered binfmt_misc handler (entries of /proc/sys/fs/binfmt_misc like qemu-aarch64). */
function binfmtArchs(entries) {
    const map = {
        aarch64: 'arm64',
        arm: 'arm',
        x86_64: 'amd64',
        riscv64: 'riscv64',
        ppc64le: 'ppc64le',
        s390x: 's390x',
        i386: '386',
    };
    return entries.flatMap((e) => {
        const m = /^qemu-(.+)$/.exec(e);
        return m && map[m[1]] ? [map[m[1]]] : [];
    });
}
/** Architectures a build container can run through a handler registered here; none without binfmt_misc. */
function emulatedArchs(dir = '/proc/sys/fs/binfmt_misc') {
    try {
        const usable = fs
            .readdirSync(dir)
            .filter((e) => e.startsWith('qemu-') && binfmtEntryUsable(fs.readFileSync(path.join(dir, e), 'utf8')));
        return binfmtArchs(usable);
    }
    catch {
        // no binfmt_misc (a container, macOS): only the native architecture runs
        return [];
    }
}


/***/ }),

/***/ 88724:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Just enough of a Dockerfile to tell whether a build for a foreign platform executes anything of that
 * platform: only RUN steps do, and only in the stages the target needs that are built for the target
 * platform (a `FROM --platform=$BUILDPLATFORM` stage runs natively, cross-compiling).
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseDockerfile = parseDockerfile;
exports.runsOnTarget = runsOnTarget;
/** Instructions, with continuation lines joined and comments and parser directives dropped. */
function instructions(text) {
    const escape = /^#\s*escape\s*=\s*`/im.test(text.split('\n').slice(0, 5).join('\n')) ? '`' : '\\';
    const out = [];
    let cur = '';
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!cur && (!line || line.startsWith('#')))
            continue;
        if (cur && line.startsWith('#'))
            continue;
        if (line.endsWith(escape)) {
            cur += `${line.slice(0, -1)} `;
            continue;
        }
        out.push(cur + line);
        cur = '';
    }
    if (cur)
        out.push(cur);
    return out;
}
/** `$X` and `${X}` from the ARGs before the first FROM (their defaults, or the build-args that set them). */
function substitute(value, args) {
    return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a, b) => args[(a ?? b)] ?? m);
}
function parseDockerfile(text, buildArgs = {}) {
    const stages = [];
    const globals = {};
    for (const ins of instructions(text)) {
        const [word, ...rest] = ins.split(/\s+/);
        const kw = word.toUpperCase();
        if (kw === 'ARG' && !stages.length) {
            for (const a of rest) {
                const [k, ...v] = a.split('=');
                const value = buildArgs[k] ?? (v.length ? v.join('=').replace(/^["']|["']$/g, '') : undefined);
                if (value !== undefined)
                    globals[k] = value;
            }
            continue;
        }
        if (kw === 'FROM') {
            const platform = rest.find((a) => a.startsWith('--platform='))?.slice('--platform='.length) ?? '';
            const args = rest.filter((a) => !a.startsWith('--'));
            const as = args.findIndex((a) => a.toLowerCase() === 'as');
            stages.push({
                base: substitute(args[0] ?? '', globals),
                name: as >= 0 ? args[as + 1]?.toLowerCase() : undefined,
                platform,
                hasRun: false,
                uses: [],
            });
            continue;
        }
        const s = stages.at(-1);
        if (!s)
            continue;
        if (kw === 'RUN')
            s.hasRun = true;
        for (const m of ins.matchAll(/--(?:from|mount=[^\s]*?\bfrom)=([^\s,]+)/g))
            s.uses.push(m[1].toLowerCase());
    }
    return stages;
}
const NATIVE = /^\$\{?BUILDPLATFORM\}?$/;
/**
 * True when a stage the build of `target` (or the last stage) needs runs a RUN step on the target platform.
 * Unknown shapes (no stages, a target that is not there) answer true: emulating when unsure costs time,
 * not emulating when needed fails the build.
 */
function runsOnTarget(text, target = '', buildArgs = {}) {
    const stages = parseDockerfile(text, buildArgs);
    const byName = (n) => /^\d+$/.test(n) ? stages[Number(n)] : stages.find((s) => s.name === n.toLowerCase());
    // A stage without --platform that starts from an earlier stage runs where that stage runs.
    const platformOf = (s, depth = 0) => {
        const base = byName(s.base);
        return s.platform || (base && base !== s && depth < stages.length ? platformOf(base, depth + 1) : '');
    };
    const start = target ? byName(target) : stages.at(-1);
    if (!start)
        return true;
    const seen = new Set();
    const visit = (s) => {
        if (seen.has(s))
            return false;
        seen.add(s);
        // A base left as $VAR may name a stage with RUN steps: assume it does.
        if (s.hasRun && !NATIVE.test(platformOf(s)))
            return true;
        if (s.base.includes('$'))
            return true;
        return [s.base, ...s.uses].some((n) => {
            const dep = byName(n);
            return dep !== undefined && visit(dep);
        });
    };
    return visit(start);
}


/***/ }),

/***/ 66672:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.build = void 0;
const inputs_1 = __webpack_require__(72687);
const plan_1 = __webpack_require__(56557);
const run_1 = __webpack_require__(48485);
exports.build = {
    name: 'build',
    parse: (r, env) => (0, inputs_1.parseBuildInputs)(r, env.ctx, env.cwd),
    plan: plan_1.buildPlan,
    run: run_1.runBuild,
};


/***/ }),

/***/ 72687:
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
exports.KNOWN_PLATFORMS = exports.TRISTATE = exports.DRIVERS = exports.CACHES = exports.BUILDERS = exports.BUILD_MODES = void 0;
exports.cargoPackage = cargoPackage;
exports.parseBuildInputs = parseBuildInputs;
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const cargo_manifest_1 = __webpack_require__(49973);
const context_1 = __webpack_require__(40788);
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const oci_1 = __webpack_require__(50166);
const signing_1 = __webpack_require__(73055);
const text_1 = __webpack_require__(48992);
const tools_1 = __webpack_require__(72003);
const binary_1 = __webpack_require__(85031);
const dockerfile_1 = __webpack_require__(88724);
const tags_1 = __webpack_require__(20239);
exports.BUILD_MODES = inputs_1.INPUTS['build-mode'].allowed;
exports.BUILDERS = inputs_1.INPUTS.builder.allowed;
exports.CACHES = inputs_1.INPUTS.cache.allowed;
exports.DRIVERS = inputs_1.INPUTS['builder-driver'].allowed;
exports.TRISTATE = inputs_1.INPUTS.push.allowed;
/**
 * The Linux platforms buildx builds images for (containerd's platform names), with the variants each arch
 * takes; '' is the arch without a variant. Anything else fails in binfmt or the base image pull, far from
 * the input that caused it.
 */
const LINUX_PLATFORMS = {
    amd64: ['', 'v1', 'v2', 'v3', 'v4'],
    arm64: ['', 'v8'],
    arm: ['', 'v5', 'v6', 'v7'],
    '386': [''],
    ppc64le: [''],
    s390x: [''],
    riscv64: [''],
    mips64le: [''],
    mips64: [''],
    loong64: [''],
};
exports.KNOWN_PLATFORMS = Object.entries(LINUX_PLATFORMS).flatMap(([a, vs]) => vs.map((v) => `linux/${a}${v ? `/${v}` : ''}`));
function checkPlatform(p) {
    const [os_, a, v = '', ...rest] = p.split('/');
    if (os_ === 'linux' && !rest.length && LINUX_PLATFORMS[a]?.includes(v))
        return;
    const near = (0, text_1.closest)(p, exports.KNOWN_PLATFORMS, 4);
    throw new errors_1.ActionError(`'${p}' is not a platform buildx builds Linux images for`, 'platforms', `${near ? `did you mean ${near}? ` : ''}use os/arch[/variant] from: ${exports.KNOWN_PLATFORMS.filter((k) => !/\/v[1-58]$/.test(k)).join(', ')}`);
}
function defaultImage(ctx, env) {
    if (ctx.platform === 'github' && ctx.repository)
        return `ghcr.io/${ctx.repository.toLowerCase()}`;
    if (ctx.platform === 'gitlab' && env.CI_REGISTRY_IMAGE)
        return env.CI_REGISTRY_IMAGE.toLowerCase();
    // On a laptop, what init derived from the same remote.
    return ctx.platform === 'local' && ctx.repositoryUrl ? (0, context_1.imageFromRemote)(ctx.repositoryUrl) : undefined;
}
/** `name`, `description` and `license` of Cargo.toml's [package], for the OCI labels. */
function cargoPackage(toml) {
    const pkg = (0, cargo_manifest_1.readManifest)(toml).package ?? {};
    return { title: (0, cargo_manifest_1.str)(pkg.name), description: (0, cargo_manifest_1.str)(pkg.description), licenses: (0, cargo_manifest_1.str)(pkg.license) };
}
/** The binary target cargo builds: the only [[bin]], else the package (cargo metadata decides at run). */
function manifestBin(toml) {
    const m = (0, cargo_manifest_1.readManifest)(toml);
    const bins = (m.bin ?? []).map((b) => (0, cargo_manifest_1.str)(b.name)).filter((n) => !!n);
    return bins.length === 1 ? bins[0] : ((0, cargo_manifest_1.str)(m.package?.name) ?? '');
}
/** binary-source as far as it is decided without the runner; `runner` that cannot work here fails now. */
function binarySource(mode, builder, buildMode, dockerfile, buildArgs) {
    if (mode === 'docker')
        return { source: 'docker', reason: 'binary-source: docker' };
    if (buildMode === 'merge')
        return { source: 'docker', reason: 'build-mode merge builds nothing' };
    const fail = (why, fix) => {
        if (mode === 'auto')
            return { source: 'docker', reason: `binary-source auto: ${why}` };
        throw new errors_1.ActionError(why, 'binary-source', fix);
    };
    if (builder !== 'buildx')
        return fail(`the runner's binary goes to buildx only, not ${builder}`, 'use binary-source: docker with buildah');
    const userChose = buildArgs.some((a) => a.startsWith('BINARY_SOURCE='));
    if (!userChose && !(0, binary_1.takesPrebuilt)(fs.readFileSync(dockerfile, 'utf8')))
        return fail(`${dockerfile} has no \`prebuilt\` stage selected by ARG BINARY_SOURCE, so Docker would compile again`, 'add the prebuilt stage of templates/docker/Dockerfile (docs/rust-builds.md), or use binary-source: docker');
    return { source: mode, reason: '' };
}
function keyValues(lines, input) {
    const out = {};
    for (const l of lines) {
        const eq = l.indexOf('=');
        if (eq < 1)
            throw new errors_1.ActionError(`'${l}' is not KEY=VALUE`, input, 'write one KEY=VALUE a line');
        out[l.slice(0, eq).trim()] = l.slice(eq + 1);
    }
    return out;
}
/** The image, its registry and the credentials to push it; GitLab's own registry needs none given. */
function readRegistry(r, ctx, env) {
    const image = r.string('image') || defaultImage(ctx, env) || '';
    if (!image)
        throw new errors_1.ActionError('is required here', 'image', 'name the repository to push to, e.g. registry.example.com/team/server');
    if (!(0, oci_1.isRepository)(image))
        throw new errors_1.ActionError(`'${image}' is not an image repository`, 'image', 'use lower case and no tag or digest, e.g. ghcr.io/owner/server (tags come from the tags input)');
    const registry = r.string('registry') || (0, oci_1.registryOf)(image);
    const gitlab = ctx.platform === 'gitlab';
    const username = r.string('username') ||
        (ctx.platform === 'github' ? (env.GITHUB_ACTOR ?? '') : gitlab ? (env.CI_REGISTRY_USER ?? '') : '');
    let password = r.secret('password');
    // GitLab hands every job a registry token; GitHub's must be passed in (secrets.GITHUB_TOKEN).
    if (!password && gitlab && registry === env.CI_REGISTRY)
        password = (env.CI_REGISTRY_PASSWORD ?? '').trim();
    if (password && !username)
        throw new errors_1.ActionError('is empty but a password is set', 'username', 'give the registry user name (on GitHub, github.actor)');
    return { image, registry, username, password };
}
/** What buildx builds: the context, the Dockerfile, its target, build arguments and secrets. */
function readDefinition(r, cwd, mode) {
    const context = r.directory('build-context', cwd);
    const fileInput = r.string('dockerfile');
    const file = path.resolve(fileInput ? cwd : context, fileInput || 'Dockerfile');
    if (mode !== 'merge' && !fs.existsSync(file))
        throw new errors_1.ActionError(`no Dockerfile at ${file}`, 'dockerfile', 'point it at the Dockerfile (relative to working-directory)');
    const target = r.string('target');
    const buildArgs = r.lines('build-args');
    const badArg = buildArgs.find((a) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a));
    if (badArg)
        throw new errors_1.ActionError(`'${badArg}' is not NAME=value`, 'build-args', 'write one NAME=value a line');
    const secretLines = r
        .secret('build-secrets')
        .split(/\r?\n/)
        .filter((l) => l.trim());
    const buildSecrets = Object.entries(keyValues(secretLines, 'build-secrets')).map(([id, value]) => {
        if (!/^[A-Za-z0-9_.-]+$/.test(id))
            throw new errors_1.ActionError(`secret id '${id}' has characters buildx does not take`, 'build-secrets', 'use letters, digits, _ . -');
        return { id, value };
    });
    return { context, file, target, buildArgs, buildSecrets };
}
function readProvenance(r) {
    const provenance = r.string('provenance');
    if (!/^(true|false|mode=(min|max))$/.test(provenance))
        throw new errors_1.ActionError(`'${provenance}' is not a provenance setting`, 'provenance', 'use false, true, mode=min or mode=max');
    return provenance;
}
/** The by-digest jobs' digests a merge joins; given only, and always, with build-mode merge. */
function readDigests(r, image, mode) {
    const digests = r.list('digests').map((d) => {
        const m = /^(?:(.+)@)?(sha256:[a-f0-9]{64})$/.exec(d);
        if (!m)
            throw new errors_1.ActionError(`'${d}' is not a digest`, 'digests', "give sha256:<64 hex> (the by-digest jobs' digest outputs)");
        if (m[1] && m[1] !== image)
            throw new errors_1.ActionError(`'${d}' is in ${m[1]}, not ${image}`, 'digests', 'merge digests pushed to the same image');
        return m[2];
    });
    if (mode === 'merge' && !digests.length)
        throw new errors_1.ActionError('is empty but build-mode is merge', 'digests', 'pass the digest output of each by-digest job');
    if (mode !== 'merge' && digests.length)
        throw new errors_1.ActionError('is only used with build-mode merge', 'digests', 'remove it or set build-mode: merge');
    return digests;
}
/** Whether to push; a fork's pull request gets no registry credentials, so `auto` builds without pushing. */
function readPush(r, ctx, mode) {
    const pushAuto = r.oneOf('push', exports.TRISTATE);
    const push = pushAuto === 'auto' ? !ctx.fork : pushAuto === 'true';
    if (!push && mode !== 'push')
        throw new errors_1.ActionError(`build-mode ${mode} always pushes`, 'push', 'set push to true or use build-mode push');
    return push;
}
function parseBuildInputs(r, ctx, cwd, env = process.env) {
    const builder = r.oneOf('builder', exports.BUILDERS);
    const mode = r.oneOf('build-mode', exports.BUILD_MODES);
    const { image, registry, username, password } = readRegistry(r, ctx, env);
    const tagLines = r.lines('tags');
    const platforms = r.list('platforms');
    platforms.forEach(checkPlatform);
    const { context, file, target, buildArgs, buildSecrets } = readDefinition(r, cwd, mode);
    const provenance = readProvenance(r);
    const digests = readDigests(r, image, mode);
    if (builder === 'buildah' && mode !== 'push')
        throw new errors_1.ActionError(`build-mode ${mode} needs builder buildx`, 'build-mode', 'use build-mode push with buildah');
    const push = readPush(r, ctx, mode);
    const cargoToml = path.join(cwd, 'Cargo.toml');
    const manifest = fs.existsSync(cargoToml) ? fs.readFileSync(cargoToml, 'utf8') : '';
    const toolchain = r.string('toolchain');
    if (toolchain && !/^[\w.-]+$/.test(toolchain))
        throw new errors_1.ActionError(`'${toolchain}' is not a toolchain name`, 'toolchain', 'use e.g. stable or 1.95.0');
    const binary = binarySource(r.oneOf('binary-source'), builder, mode, file, buildArgs);
    const insecure = r.oneOf('registry-insecure', exports.TRISTATE);
    return {
        builder,
        mode,
        image,
        registry,
        username,
        password,
        tagRules: (0, tags_1.parseTagRules)(tagLines.length ? tagLines : tags_1.DEFAULT_TAG_RULES),
        defaultTags: !tagLines.length,
        flavor: (0, tags_1.parseFlavor)(r.list('flavor')),
        extraLabels: keyValues(r.lines('labels'), 'labels'),
        labelSource: manifest ? cargoPackage(manifest) : {},
        context,
        file,
        platforms,
        target,
        buildArgs,
        buildSecrets,
        binary,
        bin: manifest ? manifestBin(manifest) : '',
        toolchain,
        push,
        provenance,
        sbom: r.bool('sbom'),
        cache: r.oneOf('cache', exports.CACHES),
        digests,
        driver: r.oneOf('builder-driver', exports.DRIVERS),
        qemu: r.oneOf('qemu', exports.TRISTATE),
        targetRuns: mode === 'merge' ||
            (0, dockerfile_1.runsOnTarget)(fs.readFileSync(file, 'utf8'), target, keyValues(buildArgs, 'build-args')),
        insecure: insecure === 'auto' ? (0, oci_1.isLoopback)(registry) : insecure === 'true',
        retries: r.int('push-retries'),
        sign: (0, signing_1.resolveSign)({
            sign: r.oneOf('sign'),
            'transparency-log': String(r.bool('transparency-log')),
            'cosign-private-key': r.secret('cosign-private-key'),
            'cosign-password': r.secret('cosign-password'),
        }, ctx, env),
        toolsMirror: (0, tools_1.readToolsMirror)(r),
        tempDir: path.join(env.RUNNER_TEMP || os.tmpdir(), 'mcp-deploy-build'),
        now: env.SOURCE_DATE_EPOCH ? new Date(Number(env.SOURCE_DATE_EPOCH) * 1000) : new Date(),
    };
}


/***/ }),

/***/ 56557:
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
exports.buildahManifest = exports.buildkitdConfigFile = exports.secretEnv = exports.authFile = exports.dockerConfigDir = exports.digestFile = exports.metadataFile = exports.BUILDER_NAME = exports.ASSUMED_FACTS = void 0;
exports.hostArch = hostArch;
exports.decide = decide;
exports.planTags = planTags;
exports.loginCommand = loginCommand;
exports.createBuilderCommand = createBuilderCommand;
exports.buildxCommand = buildxCommand;
exports.mergeCommands = mergeCommands;
exports.buildahCommands = buildahCommands;
exports.planBuild = planBuild;
exports.buildPlan = buildPlan;
const path = __importStar(__webpack_require__(76760));
const buildah = __importStar(__webpack_require__(53638));
const docker = __importStar(__webpack_require__(17163));
const binary_1 = __webpack_require__(85031);
const tags_1 = __webpack_require__(20239);
exports.ASSUMED_FACTS = {
    driver: 'docker',
    containerdStore: false,
    runnable: [],
    ghaCache: false,
};
const arch = (platform) => platform.split('/')[1];
function hostArch(nodeArch = process.arch) {
    return ({
        x64: 'amd64',
        arm64: 'arm64',
        arm: 'arm',
        ppc64: 'ppc64le',
        s390x: 's390x',
        riscv64: 'riscv64',
    }[nodeArch] ?? nodeArch);
}
function decide(i, facts, ctx) {
    const cache = i.cache === 'auto' ? (ctx.platform === 'github' && facts.ghaCache ? 'gha' : 'none') : i.cache;
    // The docker driver exports no cache (gha/registry), cannot push by digest, and builds several platforms
    // or attaches attestations only on the containerd image store: those need a docker-container builder.
    const dockerDriverFalls = cache !== 'none' ||
        i.mode === 'by-digest' ||
        (!facts.containerdStore && (i.platforms.length > 1 || i.provenance !== 'false' || i.sbom));
    const createBuilder = i.builder === 'buildx' &&
        i.mode !== 'merge' &&
        (i.driver === 'docker-container' ||
            (i.driver === 'auto' && facts.driver === 'docker' && dockerDriverFalls));
    const usesDockerDriver = i.driver === 'docker' || (!createBuilder && facts.driver === 'docker');
    const wanted = [...new Set(i.platforms.map(arch))];
    // A Dockerfile that only copies (or cross-compiles in a $BUILDPLATFORM stage) executes nothing foreign.
    const runsForeign = i.mode !== 'merge' && i.qemu !== 'false' && (i.qemu === 'true' || i.targetRuns);
    const foreign = runsForeign ? wanted.filter((a) => a !== hostArch()) : [];
    const emulate = foreign.filter((a) => i.qemu === 'true' || !facts.runnable.includes(a));
    return {
        createBuilder,
        emulate,
        kernel: foreign.filter((a) => !emulate.includes(a)),
        cache: usesDockerDriver ? 'none' : cache,
        stagingTag: i.mode === 'by-digest' && usesDockerDriver
            ? (0, tags_1.sanitizeTag)(`build-${i.platforms.map(arch).join('-')}`)
            : undefined,
    };
}
function planTags(i, ctx) {
    const t = (0, tags_1.computeTags)(i.tagRules, i.flavor, ctx, i.now, { defaults: i.defaultTags });
    return {
        tags: t.tags,
        refs: t.tags.map((tag) => `${i.image}:${tag}`),
        labels: (0, tags_1.ociLabels)(ctx, t.version, i.now, i.labelSource, i.extraLabels),
        version: t.version,
    };
}
exports.BUILDER_NAME = 'mcp-deploy';
const metadataFile = (i) => path.join(i.tempDir, 'metadata.json');
exports.metadataFile = metadataFile;
const digestFile = (i) => path.join(i.tempDir, 'digest');
exports.digestFile = digestFile;
const dockerConfigDir = (i) => path.join(i.tempDir, 'docker-config');
exports.dockerConfigDir = dockerConfigDir;
const authFile = (i) => path.join(i.tempDir, 'auth.json');
exports.authFile = authFile;
/** Environment variable names that carry build secrets to buildx/buildah (argv never holds them). */
const secretEnv = (id) => `MCP_BUILD_SECRET_${id.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
exports.secretEnv = secretEnv;
function loginCommand(i) {
    return i.builder === 'buildah'
        ? buildah.loginArgv(i.registry, i.username, i.insecure)
        : docker.loginArgv(i.registry, i.username);
}
const buildkitdConfigFile = (i) => path.join(i.tempDir, 'buildkitd.toml');
exports.buildkitdConfigFile = buildkitdConfigFile;
function createBuilderCommand(i) {
    return docker.createBuilderArgv(exports.BUILDER_NAME, i.insecure ? (0, exports.buildkitdConfigFile)(i) : undefined);
}
function cache(i, d) {
    // One scope per platform set, so the jobs of a by-digest matrix do not evict each other's cache.
    if (d.cache === 'gha')
        return { type: 'gha', scope: `mcp-deploy-${i.platforms.map(arch).join('-')}` };
    if (d.cache === 'registry')
        return { type: 'registry', ref: `${i.image}:buildcache` };
    return { type: 'none' };
}
function output(i, d, t) {
    if (i.mode === 'by-digest' && !d.stagingTag)
        return { byDigest: i.image, insecure: i.insecure };
    if (i.mode === 'by-digest')
        return { tags: [`${i.image}:${d.stagingTag}`], push: true, insecure: false };
    // The docker driver pushes through dockerd, which already allows loopback registries over HTTP.
    return { tags: t.refs, push: i.push, insecure: i.insecure && d.createBuilder };
}
/** What to build, as buildx and buildah both take it. */
function definition(i, t) {
    return {
        platforms: i.platforms,
        file: i.file,
        target: i.target,
        buildArgs: i.buildArgs,
        secrets: i.buildSecrets.map((s) => ({ id: s.id, env: (0, exports.secretEnv)(s.id) })),
        labels: t.labels,
    };
}
function buildxCommand(i, d, t) {
    return docker.buildxBuildArgv({
        ...definition(i, t),
        builder: d.createBuilder ? exports.BUILDER_NAME : undefined,
        output: output(i, d, t),
        provenance: i.provenance,
        sbom: i.sbom,
        cache: cache(i, d),
        metadataFile: (0, exports.metadataFile)(i),
        context: i.context,
    });
}
function mergeCommands(i, t) {
    return [
        docker.imagetoolsCreateArgv(t.refs, i.digests.map((d) => `${i.image}@${d}`)),
        docker.imagetoolsInspectArgv(t.refs[0], '{{json .Manifest}}'),
    ];
}
/** buildah keeps manifest lists by name across runs: a fixed local name, emptied first, never collects stale images. */
const buildahManifest = (i) => `localhost/mcp-deploy-build/${i.image.split('/').pop()}`;
exports.buildahManifest = buildahManifest;
function buildahCommands(i, t) {
    const list = (0, exports.buildahManifest)(i);
    return {
        rm: buildah.manifestRmArgv(list),
        build: buildah.buildArgv(list, definition(i, t), i.context),
        push: i.push
            ? t.refs.map((ref, n) => buildah.manifestPushArgv(list, ref, {
                insecure: i.insecure,
                digestFile: n === 0 ? (0, exports.digestFile)(i) : undefined,
            }))
            : [],
    };
}
function planBuild(i, ctx, facts = exports.ASSUMED_FACTS) {
    const t = planTags(i, ctx);
    const cmds = [];
    if (i.password && i.push)
        cmds.push({ argv: loginCommand(i), why: 'password on stdin, private config under the temp dir' });
    if (i.builder === 'buildah') {
        const b = buildahCommands(i, t);
        cmds.push({ argv: b.rm, why: 'forget the list of an earlier run (fails harmlessly when there is none)' });
        cmds.push({ argv: b.build });
        for (const p of b.push)
            cmds.push({ argv: p });
        return cmds;
    }
    if (i.mode === 'merge')
        return [...cmds, ...mergeCommands(i, t).map((argv) => ({ argv }))];
    if (i.binary.source !== 'docker') {
        const why = i.binary.source === 'runner'
            ? 'binary-source runner: the image takes this binary through the prebuilt stage'
            : 'binary-source auto: when the runner can build every platform (else Docker compiles, without BINARY_SOURCE=prebuilt)';
        for (const c of (0, binary_1.plannedRunnerBuild)(i.platforms, i.bin || '<bin>', i.toolchain || undefined))
            cmds.push({ argv: c.argv, why: `${why}; copied to ${c.to}` });
        i = { ...i, buildArgs: (0, binary_1.withPrebuiltArgs)(i.buildArgs) };
    }
    const d = decide(i, facts, ctx);
    if (d.emulate.length)
        cmds.push({
            argv: docker.binfmtArgv(d.emulate),
            why: `emulate ${d.emulate.join(', ')} (not native here)`,
        });
    if (d.createBuilder)
        cmds.push({ argv: createBuilderCommand(i), why: 'the docker driver cannot do this build' });
    cmds.push({ argv: buildxCommand(i, d, t) });
    return cmds;
}
/** What `mcp-deploy plan` prints for the build stage. */
function buildPlan(i, env) {
    const t = planTags(i, env.ctx);
    return {
        // The engine is probed only when the stage runs; plan shows what a stock runner (docker driver) gets.
        commands: planBuild(i, env.ctx),
        values: {
            image: i.image,
            tags: t.refs.join(', ') || '(none)',
            platforms: i.platforms.join(', '),
            'build-mode': `${i.builder} ${i.mode}`,
            push: String(i.push),
            ...(i.builder === 'buildx' && i.mode !== 'merge'
                ? {
                    'binary-source': i.binary.source === 'auto'
                        ? `auto (runner when it can build ${i.platforms.join(', ')}, else the Dockerfile)`
                        : `${i.binary.source}${i.binary.reason.startsWith('binary-source auto') ? ` (${i.binary.reason})` : ''}`,
                }
                : {}),
            sign: i.sign.mode === 'off' || i.mode === 'by-digest'
                ? `off${i.sign.note ? ` (${i.sign.note})` : i.mode === 'by-digest' ? ' (merge signs the index)' : ''}`
                : `${i.sign.mode}${i.sign.transparencyLog ? ', transparency log' : ', no transparency log'}`,
            labels: Object.entries(t.labels)
                .map(([k, v]) => `${k}=${v}`)
                .join(', '),
        },
    };
}


/***/ }),

/***/ 92900:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.errorLines = errorLines;
exports.authError = authError;
exports.commandFailed = commandFailed;
exports.foreignRunFailed = foreignRunFailed;
exports.emulationFailed = emulationFailed;
exports.builderFailed = builderFailed;
exports.tagsMovedNote = tagsMovedNote;
exports.buildResult = buildResult;
const errors_1 = __webpack_require__(83916);
const summary_1 = __webpack_require__(57994);
const text_1 = __webpack_require__(48992);
const plan_1 = __webpack_require__(56557);
/** The lines of a failed build worth showing: buildx's ERROR lines, else the tail. */
function errorLines(output, n = 8) {
    const errors = output.split('\n').filter((l) => /\bERROR\b|^error|Error response/i.test(l));
    return (errors.length ? errors : output.trim().split('\n')).slice(-n).join('\n');
}
function authError(i, what, r) {
    const detail = errorLines(`${r.stderr}\n${r.stdout}`, 3);
    return i.password
        ? new errors_1.ActionError(`registry ${i.registry} refused the credentials of '${i.username}' (${what}): ${detail}`, 'password', `check 'password' and 'username' (on GitHub pass \${{ secrets.GITHUB_TOKEN }} with permissions packages: write)`)
        : new errors_1.ActionError(`registry ${i.registry} needs credentials (${what}): ${detail}`, 'password', `set 'username' and 'password', or log in to ${i.registry} before this step`);
}
function commandFailed(what, r, attempts, note = '') {
    return new Error(`${what} failed${attempts > 1 ? ` after ${attempts} attempts` : ''}${note} (exit ${r.exitCode}):\n${errorLines(`${r.stderr}\n${r.stdout}`)}`);
}
/** A RUN step for a foreign platform had nothing to execute it: the setting to change is qemu. */
function foreignRunFailed(i, r) {
    const foreign = [...new Set(i.platforms.filter((p) => p.split('/')[1] !== (0, plan_1.hostArch)()))];
    // buildx's step lines start with `#<step> <seconds> `: the kernel's words are what follows.
    const cause = r.stderr
        .split('\n')
        .find((l) => l.includes('exec format error'))
        ?.replace(/^#\d+\s+[\d.]+\s+/, '')
        .trim();
    return new errors_1.ActionError(`a RUN step for ${foreign.join(', ') || 'the target platform'} could not execute: no emulator for it is registered on this runner (${cause ?? 'exec format error'})`, 'qemu', i.qemu === 'false'
        ? 'set qemu: auto to set up QEMU, build that platform on a native runner (build-mode by-digest + merge), or cross-compile in a $BUILDPLATFORM stage'
        : 'build that platform on a native runner (build-mode by-digest + merge), or cross-compile in a $BUILDPLATFORM stage');
}
function emulationFailed(archs, r) {
    return new errors_1.ActionError(`could not set up emulation for ${archs.join(', ')}: ${errorLines(r.stderr, 3)}`, 'qemu', 'build each platform on a native runner (build-mode by-digest + merge), or set qemu: false if the Dockerfile runs nothing');
}
function builderFailed(r) {
    return new errors_1.ActionError(`could not create a docker-container builder: ${errorLines(r.stderr, 3)}`, 'builder-driver', 'set builder-driver: docker on an engine with the containerd image store, or make moby/buildkit pullable');
}
/**
 * The note a failed push's error gets on which tags moved: `pushed` are the tags that now point at what the
 * build pushed, `undefined` when buildx pushed no manifest at all.
 */
function tagsMovedNote(pushed, not) {
    if (!pushed)
        return `; buildx pushed no manifest, so no tag moved`;
    return pushed.length
        ? `, ${pushed.length} of ${pushed.length + not.length} tags moved (pushed: ${pushed.join(', ')}; not pushed: ${not.join(', ') || 'none'})`
        : `; no tag points at what it pushed (not pushed: ${not.join(', ')})`;
}
/** The stage's summary table, headline and outputs. */
function buildResult(i, r) {
    const { t, built, decisions, signed } = r;
    const tagsOut = i.mode === 'by-digest' ? built.pushedRefs : t.refs;
    const labels = Object.entries(t.labels).map(([k, v]) => `${k}=${v}`);
    const summary = new summary_1.Summary()
        .heading('Build')
        .table(['What', 'Value'], [
        ['Image', `\`${i.image}\``],
        ['Digest', built.digest ? `\`${built.digest}\`` : '(not pushed)'],
        ['Platforms', built.platforms.join(', ')],
        ['Tags', tagsOut.length ? tagsOut.map((ref) => `\`${ref}\``).join('<br>') : '(by digest only)'],
        [
            'Mode',
            `${i.builder} ${i.mode}${i.push ? '' : ', not pushed'}${decisions?.createBuilder ? ', docker-container builder' : ''}${decisions?.emulate.length ? `, QEMU for ${decisions.emulate.join(', ')}` : ''}`,
        ],
        ...(r.binaryRow ? [['Binary', r.binaryRow]] : []),
        ['Signature', signed ? `\`${signed.signature}\` (${signed.mode})` : 'not signed'],
        ['Time', `${(0, text_1.secs)(r.ms)}${built.attempts > 1 ? ` (${built.attempts} attempts)` : ''}`],
    ]);
    summary.details('OCI labels', labels.join('\n'));
    return {
        status: 'success',
        headline: `${(0, text_1.plural)(tagsOut.length, 'tag')}, ${(0, text_1.plural)(built.platforms.length, 'platform')}${r.imageRef ? '' : ', not pushed'}`,
        summary,
        outputs: {
            image: i.image,
            digest: built.digest,
            'image-ref': r.imageRef,
            tags: tagsOut.join('\n'),
            labels: labels.join('\n'),
            metadata: JSON.stringify(built.metadata),
            signature: signed?.signature ?? '',
        },
    };
}


/***/ }),

/***/ 48485:
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
exports.runBuild = runBuild;
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const cleanup_1 = __webpack_require__(72691);
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const oci_1 = __webpack_require__(50166);
const log_1 = __webpack_require__(46472);
const retry_1 = __webpack_require__(49809);
const signing_1 = __webpack_require__(73055);
const text_1 = __webpack_require__(48992);
const buildah_1 = __webpack_require__(53638);
const docker = __importStar(__webpack_require__(17163));
const binary_1 = __webpack_require__(85031);
const binfmt_1 = __webpack_require__(96274);
const plan_1 = __webpack_require__(56557);
const report_1 = __webpack_require__(92900);
/**
 * Runs a registry-touching command, retrying an unreachable or timed-out registry, 5xx and dropped connections
 * with backoff; never auth errors.
 */
async function withRetries(what, retries, run, classify = docker.classifyDockerFailure) {
    let last;
    const failed = new Error('registry command failed');
    const transient = (e) => e === failed && !!last?.failure && docker.retryable(last.failure);
    try {
        return await (0, retry_1.retry)((0, retry_1.registryPolicy)(retries), async (attempts) => {
            const r = await run();
            last = {
                r,
                attempts,
                failure: r.exitCode === 0 ? undefined : classify(r),
            };
            if (r.exitCode !== 0)
                throw failed;
            return last;
        }, transient, (_e, n, wait) => log_1.log.warning(`${what}: transient registry error, retry ${n} of ${retries} in ${wait / 1000} s:\n${(0, report_1.errorLines)(last.r.stderr)}`));
    }
    catch (e) {
        if (e !== failed)
            throw e;
        return last;
    }
}
/**
 * Logs in with the password on stdin, into a config dir of our own so the runner's ~/.docker is never
 * written; buildx's builder state and CLI plugins are linked in so a builder set up earlier still works.
 */
async function login(i, env) {
    if (i.builder === 'buildah') {
        env.REGISTRY_AUTH_FILE = (0, plan_1.authFile)(i);
        (0, cleanup_1.addCleanup)({ kind: 'remove', path: env.REGISTRY_AUTH_FILE });
    }
    else {
        const dir = (0, plan_1.dockerConfigDir)(i);
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const original = process.env.DOCKER_CONFIG || path.join(os.homedir(), '.docker');
        for (const sub of ['buildx', 'cli-plugins']) {
            const from = path.join(original, sub);
            if (fs.existsSync(from))
                fs.symlinkSync(from, path.join(dir, sub));
        }
        env.DOCKER_CONFIG = dir;
        (0, cleanup_1.addCleanup)({ kind: 'docker-logout', registry: i.registry, config: dir });
    }
    const { r, failure, attempts } = await withRetries('login', i.retries, () => (0, exec_1.exec)((0, plan_1.loginCommand)(i), { env, input: i.password }), i.builder === 'buildah' ? buildah_1.classifyBuildahFailure : docker.classifyDockerFailure);
    if (r.exitCode === 0)
        return;
    if (failure === 'auth')
        throw (0, report_1.authError)(i, 'login', r);
    throw (0, report_1.commandFailed)(`login to ${i.registry}`, r, attempts);
}
/**
 * Only what the decisions depend on is probed. Several platforms or attestations alone probe nothing: the build
 * is tried on the current builder, which handles them on the containerd image store, and falls back to a docker-container
 * builder when buildx says it cannot (see buildx() below); probing first would cost every build ~0.1 s.
 */
async function probe(i, env) {
    const runnable = [(0, plan_1.hostArch)(), ...(0, binfmt_1.emulatedArchs)()];
    const ghaCache = !!(process.env.ACTIONS_RUNTIME_TOKEN &&
        (process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL));
    const facts = { driver: 'docker', containerdStore: true, runnable, ghaCache };
    const needsExport = i.mode === 'by-digest' || i.cache === 'gha' || i.cache === 'registry' || (i.cache === 'auto' && ghaCache);
    if (i.driver !== 'auto' || !needsExport)
        return facts;
    const inspect = await (0, exec_1.exec)(docker.buildxInspectArgv(), { env, echo: false });
    const b = docker.parseBuildxInspect(inspect.stdout);
    return {
        ...facts,
        driver: b.driver ?? 'docker',
        runnable: [...new Set([...runnable, ...b.platforms.map((p) => p.split('/')[1])])],
    };
}
async function prepareBuilder(i, d, env) {
    if (d.emulate.length) {
        const r = await (0, exec_1.exec)(docker.binfmtArgv(d.emulate), { env });
        if (r.exitCode !== 0)
            throw (0, report_1.emulationFailed)(d.emulate, r);
    }
    if (d.createBuilder) {
        if (i.insecure)
            fs.writeFileSync((0, plan_1.buildkitdConfigFile)(i), docker.buildkitdInsecureConfig(i.registry));
        const r = await (0, exec_1.exec)((0, plan_1.createBuilderCommand)(i), { env });
        // A self-hosted runner keeps the builder of an earlier job: reuse it.
        if (r.exitCode !== 0 && !docker.builderExists(r))
            throw (0, report_1.builderFailed)(r);
    }
}
async function buildx(i, env, tools, t) {
    const facts = await probe(i, tools);
    let d = (0, plan_1.decide)(i, facts, env.ctx);
    if (d.kernel.length)
        log_1.log.info(`${d.kernel.join(', ')}: RUN steps run through this runner's registered emulator (binfmt_misc), so no QEMU setup`);
    await prepareBuilder(i, d, tools);
    const attempt = () => withRetries('push', i.retries, () => (0, exec_1.exec)((0, plan_1.buildxCommand)(i, d, t), { cwd: env.cwd, env: tools, stream: true }));
    let { r, failure, attempts } = await attempt();
    if (r.exitCode !== 0 && i.driver === 'auto' && !d.createBuilder && failure === 'docker-driver') {
        log_1.log.info('the docker driver on this engine (classic image store) cannot do this build: creating a docker-container builder');
        d = (0, plan_1.decide)(i, { ...facts, containerdStore: false }, env.ctx);
        await prepareBuilder(i, { ...d, emulate: [] }, tools);
        ({ r, failure, attempts } = await attempt());
    }
    if (r.exitCode !== 0) {
        if (failure === 'auth')
            throw (0, report_1.authError)(i, 'push', r);
        if (failure === 'exec-format')
            throw (0, report_1.foreignRunFailed)(i, r);
        const moved = i.push && i.mode === 'push' ? await tagsMoved(r, t, tools) : '';
        throw (0, report_1.commandFailed)('docker buildx build', r, attempts, moved);
    }
    const meta = docker.parseMetadata(fs.readFileSync((0, plan_1.metadataFile)(i), 'utf8'));
    if (!meta.digest && (i.push || i.mode === 'by-digest'))
        throw new Error(`buildx wrote no digest to ${(0, plan_1.metadataFile)(i)}: ${JSON.stringify(meta.raw)}`);
    const pushedRefs = i.mode === 'by-digest' ? (d.stagingTag ? [`${i.image}:${d.stagingTag}`] : []) : i.push ? t.refs : [];
    return { d, digest: meta.digest ?? '', platforms: i.platforms, metadata: meta.raw, attempts, pushedRefs };
}
/**
 * A push that fails on one tag may already have moved others: the registry says which tags now point at
 * what this build pushed, so the error can name the tags a user must look at (or push again).
 */
async function tagsMoved(r, t, env) {
    const digests = docker.pushedManifestDigests(`${r.stderr}\n${r.stdout}`);
    if (!digests.length)
        return (0, report_1.tagsMovedNote)(undefined, t.refs);
    const pushed = [];
    const not = [];
    for (const ref of t.refs) {
        const q = await (0, exec_1.exec)(docker.imagetoolsInspectArgv(ref), { env, echo: false });
        const d = q.exitCode === 0 ? docker.inspectedDigest(q.stdout) : undefined;
        (d && digests.includes(d) ? pushed : not).push(ref);
    }
    return (0, report_1.tagsMovedNote)(pushed, not);
}
async function merge(i, tools, t) {
    const [create, inspect] = (0, plan_1.mergeCommands)(i, t);
    const c = await withRetries('imagetools create', i.retries, () => (0, exec_1.exec)(create, { env: tools }));
    if (c.r.exitCode !== 0) {
        if (c.failure === 'auth')
            throw (0, report_1.authError)(i, 'imagetools create', c.r);
        throw (0, report_1.commandFailed)('docker buildx imagetools create', c.r, c.attempts);
    }
    const r = await (0, exec_1.exec)(inspect, { env: tools });
    if (r.exitCode !== 0)
        throw (0, report_1.commandFailed)('docker buildx imagetools inspect', r, 1);
    const m = docker.parseInspectManifest(r.stdout);
    return {
        digest: m.digest,
        platforms: m.platforms,
        metadata: { 'containerimage.digest': m.digest, 'image.name': t.refs.join(','), sources: i.digests },
        attempts: c.attempts,
        pushedRefs: t.refs,
    };
}
async function buildah(i, env, tools, t) {
    const b = (0, plan_1.buildahCommands)(i, t);
    await (0, exec_1.exec)(b.rm, { env: tools, echo: false });
    const r = await (0, exec_1.exec)(b.build, { cwd: env.cwd, env: tools, stream: true });
    if (r.exitCode !== 0)
        throw (0, report_1.commandFailed)('buildah build', r, 1);
    let attempts = 1;
    for (const argv of b.push) {
        const p = await withRetries('buildah manifest push', i.retries, () => (0, exec_1.exec)(argv, { env: tools }), buildah_1.classifyBuildahFailure);
        attempts = Math.max(attempts, p.attempts);
        if (p.r.exitCode !== 0) {
            if (p.failure === 'auth')
                throw (0, report_1.authError)(i, 'push', p.r);
            throw (0, report_1.commandFailed)('buildah manifest push', p.r, p.attempts);
        }
    }
    const digest = i.push ? fs.readFileSync((0, plan_1.digestFile)(i), 'utf8').trim() : '';
    return {
        digest,
        platforms: i.platforms,
        metadata: { 'containerimage.digest': digest, 'image.name': t.refs.join(',') },
        attempts,
        pushedRefs: i.push ? t.refs : [],
    };
}
/**
 * binary-source: compiles the image's binary on the runner before buildx when asked (or when auto finds the
 * runner can), and returns the inputs buildx builds with and the summary's line on where the binary came from.
 */
async function binary(i, env) {
    const fromDockerfile = (reason) => {
        log_1.log.info(`binary: compiled by the Dockerfile (${reason})`);
        return { i, row: `Dockerfile (${reason})` };
    };
    if (i.binary.source === 'docker')
        return fromDockerfile(i.binary.reason);
    const started = Date.now();
    const p = await (0, binary_1.prepareBinary)({
        mode: i.binary.source,
        platforms: i.platforms,
        crateDir: env.cwd,
        contextDir: i.context,
        toolchain: i.toolchain || undefined,
    });
    if (p.source === 'docker')
        return fromDockerfile(`binary-source ${i.binary.source}: ${p.reason}`);
    const took = (0, text_1.secs)(Date.now() - started);
    log_1.log.info(`binary: compiled on the runner in ${took} (${p.binaries.join(', ')})`);
    return {
        i: { ...i, buildArgs: (0, binary_1.withPrebuiltArgs)(i.buildArgs) },
        row: `runner, cargo build --release in ${took}`,
    };
}
/** Builds (or merges) with the builder the inputs name; buildx builds also say what they decided. */
async function produce(i, env, tools, t) {
    if (i.builder === 'buildah')
        return { built: await buildah(i, env, tools, t) };
    if (i.mode === 'merge')
        return { built: await merge(i, tools, t) };
    const prepared = await binary(i, env);
    const built = await buildx(prepared.i, env, tools, t);
    return { built, decisions: built.d, binaryRow: prepared.row };
}
/**
 * Signs what was pushed. by-digest pushes one platform's part of an image that merge joins into the index:
 * the index is what deploy is handed, so merge signs it and by-digest does not.
 */
async function sign(i, env, tools, imageRef) {
    if (i.sign.note)
        log_1.log.info(i.sign.note);
    if (i.sign.mode === 'off')
        return undefined;
    if (i.mode === 'by-digest') {
        log_1.log.info('not signed here: build-mode by-digest pushes one part of the index, and merge signs the index');
        return undefined;
    }
    if (!imageRef) {
        log_1.log.info('not signed: nothing was pushed');
        return undefined;
    }
    return (0, signing_1.signImage)(i.sign, env.ctx, {
        ref: imageRef,
        refInput: 'image',
        plainHttp: i.insecure,
        tempDir: i.tempDir,
        dockerConfig: tools.DOCKER_CONFIG,
        install: { mirror: i.toolsMirror },
    });
}
async function runBuild(i, env) {
    const started = Date.now();
    const t = (0, plan_1.planTags)(i, env.ctx);
    if (!t.tags.length && i.mode !== 'by-digest')
        throw new errors_1.ActionError(`no tag rule matched ${env.ctx.ref || 'this ref'} (${env.ctx.event})`, 'tags', 'add a rule that always applies, e.g. type=sha or type=raw,value=dev');
    fs.rmSync(i.tempDir, { recursive: true, force: true });
    fs.mkdirSync(i.tempDir, { recursive: true, mode: 0o700 });
    if (i.sign.mode === 'key' && i.push && i.mode !== 'by-digest')
        await (0, signing_1.checkSigningKey)(i.sign, { tempDir: i.tempDir, install: { mirror: i.toolsMirror } });
    const tools = {};
    for (const s of i.buildSecrets)
        tools[(0, plan_1.secretEnv)(s.id)] = s.value;
    if (i.password && i.push)
        await login(i, tools);
    const { built, decisions, binaryRow } = await produce(i, env, tools, t);
    const pushed = built.digest !== '' && (i.push || i.mode !== 'push');
    const imageRef = pushed ? (0, oci_1.byDigest)(i.image, built.digest) : '';
    if (pushed)
        Object.assign(env.state, { image: i.image, digest: built.digest, imageRef });
    const signed = await sign(i, env, tools, imageRef);
    log_1.log.info(`built ${i.image}${built.digest ? `@${built.digest}` : ''} for ${built.platforms.join(', ')}`);
    return (0, report_1.buildResult)(i, { t, built, decisions, binaryRow, signed, imageRef, ms: Date.now() - started });
}


/***/ }),

/***/ 20239:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_TAG_RULES = void 0;
exports.parseTagRules = parseTagRules;
exports.parseFlavor = parseFlavor;
exports.parseSemver = parseSemver;
exports.sanitizeTag = sanitizeTag;
exports.computeTags = computeTags;
exports.ociLabels = ociLabels;
const context_1 = __webpack_require__(40788);
const errors_1 = __webpack_require__(83916);
// metadata-action's priorities: the order tags are listed in, and so which one is "the" version.
const PRIORITY = {
    schedule: 1000,
    semver: 900,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100,
};
/** The seed workflow's rules: branch, pr-N, semver (x.y.z and x.y; pre-releases only x.y.z-pre), sha-abc1234. */
exports.DEFAULT_TAG_RULES = [
    'type=ref,event=branch',
    'type=ref,event=pr',
    'type=semver,pattern={{version}}',
    'type=semver,pattern={{major}}.{{minor}}',
    'type=sha',
];
const KNOWN_ATTRS = {
    ref: ['event'],
    semver: ['pattern', 'value'],
    sha: ['format'],
    raw: ['value'],
    edge: ['branch'],
    schedule: ['pattern'],
};
function parseTagRules(lines) {
    return lines.map((line) => {
        const attrs = {};
        // Values may hold commas only inside {{ }}; split on the others.
        for (const part of line.split(/,(?![^{]*}})/)) {
            const eq = part.indexOf('=');
            if (eq < 1)
                throw bad(line, `'${part.trim()}' is not key=value`);
            attrs[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
        }
        const type = (attrs.type ?? (attrs.value !== undefined ? 'raw' : ''));
        if (!(type in PRIORITY))
            throw bad(line, `unknown type '${attrs.type ?? ''}' (use ref, semver, sha, raw, edge or schedule)`);
        delete attrs.type;
        const allowed = [...KNOWN_ATTRS[type], 'enable', 'prefix', 'suffix', 'priority'];
        const unknown = Object.keys(attrs).filter((k) => !allowed.includes(k));
        if (unknown.length)
            throw bad(line, `type=${type} has no attribute ${unknown.join(', ')} (it takes ${allowed.join(', ')})`);
        if (type === 'ref' && !['branch', 'tag', 'pr'].includes(attrs.event ?? ''))
            throw bad(line, 'type=ref needs event=branch, event=tag or event=pr');
        if (type === 'semver' && !attrs.pattern)
            throw bad(line, 'type=semver needs a pattern, e.g. pattern={{version}}');
        if (type === 'raw' && !attrs.value)
            throw bad(line, 'type=raw needs a value');
        if (type === 'sha' && attrs.format && !['short', 'long'].includes(attrs.format))
            throw bad(line, 'format is short or long');
        if (attrs.enable && !['true', 'false'].includes(attrs.enable) && !/^{{.*}}$/.test(attrs.enable))
            throw bad(line, `enable=${attrs.enable} is not true, false or an expression like {{is_default_branch}}`);
        if (attrs.priority && !/^\d+$/.test(attrs.priority))
            throw bad(line, 'priority is a whole number');
        for (const [key, value] of Object.entries(attrs)) {
            const known = type === 'semver' && key === 'pattern' ? SEMVER_PLACEHOLDERS : EXPRESSIONS;
            for (const [, name] of value.matchAll(/{{\s*(\w*)[^}]*}}/g))
                if (!known.includes(name))
                    throw bad(line, `${key} has the unknown placeholder {{${name}}} (known here: ${known.join(', ')})`);
        }
        return { type, attrs, source: line };
    });
}
function bad(line, why) {
    return new errors_1.ActionError(`rule '${line}': ${why}`, 'tags', 'write rules as docker/metadata-action does, one a line');
}
function parseFlavor(lines) {
    const f = { latest: 'auto', prefix: '', suffix: '', onLatest: false };
    for (const line of lines) {
        const [key, ...rest] = line.split('=');
        const [value, ...opts] = rest.join('=').split(',');
        const k = key.trim();
        if (k === 'latest') {
            if (!['auto', 'true', 'false'].includes(value.trim()))
                throw new errors_1.ActionError(`latest=${value} is not auto, true or false`, 'flavor', 'write latest=auto, latest=true or latest=false');
            f.latest = value.trim();
        }
        else if (k === 'prefix' || k === 'suffix') {
            f[k] = value.trim();
            if (opts.some((o) => o.trim() === 'onlatest=true'))
                f.onLatest = true;
        }
        else {
            throw new errors_1.ActionError(`'${line}' is not a flavor`, 'flavor', 'use latest=auto|true|false, prefix=... or suffix=...');
        }
    }
    return f;
}
/** Loose like node-semver's `{loose: true}`: a leading v or = is fine; x.y alone is not a version. */
function parseSemver(s) {
    const m = /^[=v]?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/.exec(s.trim());
    if (!m)
        return undefined;
    return { major: +m[1], minor: +m[2], patch: +m[3], prerelease: m[4], build: m[5] };
}
const versionString = (v) => `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `-${v.prerelease}` : ''}`;
/**
 * A Docker tag is [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}. Lower case too, because a registry path is, and
 * users read `feature-foo` and `Feature-Foo` as the same branch.
 */
function sanitizeTag(s, max = 128) {
    const t = s
        .toLowerCase()
        .replace(/[^a-z0-9_.-]+/g, '-')
        .replace(/^[.-]+/, '');
    return t.slice(0, Math.max(0, max)).replace(/[.-]+$/, '') || '';
}
const SEMVER_PLACEHOLDERS = ['version', 'major', 'minor', 'patch', 'raw'];
/** The names expand() knows; a misspelt one would otherwise end up in the tag as written. */
const EXPRESSIONS = ['branch', 'tag', 'sha', 'is_default_branch', 'date'];
function expressions(ctx, now) {
    const branch = (0, context_1.refBranch)(ctx.ref) ?? ctx.prHeadRef ?? '';
    return {
        branch,
        tag: (0, context_1.refTag)(ctx.ref) ?? '',
        sha: ctx.sha.slice(0, 7),
        is_default_branch: String(!!ctx.defaultBranch && (0, context_1.refBranch)(ctx.ref) === ctx.defaultBranch),
        date: (format) => formatDate(now, format),
    };
}
function formatDate(d, format) {
    const p = (n) => String(n).padStart(2, '0');
    const parts = {
        YYYY: String(d.getUTCFullYear()),
        MM: p(d.getUTCMonth() + 1),
        DD: p(d.getUTCDate()),
        HH: p(d.getUTCHours()),
        mm: p(d.getUTCMinutes()),
        ss: p(d.getUTCSeconds()),
    };
    return format.replace(/YYYY|MM|DD|HH|mm|ss/g, (k) => parts[k]);
}
/** `{{branch}}`, `{{tag}}`, `{{sha}}`, `{{is_default_branch}}`, `{{date 'YYYYMMDD'}}` in values and attributes. */
function expand(s, e) {
    return s.replace(/{{\s*(\w+)(?:\s+'([^']*)')?\s*}}/g, (whole, name, arg) => {
        if (name === 'date')
            return e.date(arg ?? 'YYYYMMDD');
        const v = e[name];
        return typeof v === 'string' ? v : whole;
    });
}
/** The tags one rule yields for this context (before prefix/suffix), and whether it asks for `latest`. */
function apply(rule, ctx, e) {
    const none = { values: [], latest: false };
    const a = rule.attrs;
    switch (rule.type) {
        case 'ref': {
            if (a.event === 'branch') {
                const b = (0, context_1.refBranch)(ctx.ref);
                return b ? { values: [b], latest: false } : none;
            }
            if (a.event === 'tag') {
                const t = (0, context_1.refTag)(ctx.ref);
                return t ? { values: [t], latest: true } : none;
            }
            return ctx.prNumber !== undefined ? { values: [`pr-${ctx.prNumber}`], latest: false } : none;
        }
        case 'semver': {
            const raw = a.value !== undefined ? expand(a.value, e) : (0, context_1.refTag)(ctx.ref);
            const v = raw ? parseSemver(raw) : undefined;
            if (!v)
                return none;
            // Pre-releases move often and are not for general use: only the full version, never x.y or latest.
            if (v.prerelease)
                return { values: [versionString(v)], latest: false };
            const out = a.pattern.replace(/{{\s*(version|major|minor|patch|raw)\s*}}/g, (_, k) => k === 'version' ? versionString(v) : k === 'raw' ? raw : String(v[k]));
            return { values: [out], latest: true };
        }
        case 'sha': {
            if (!ctx.sha)
                return none;
            return { values: [a.format === 'long' ? ctx.sha : ctx.sha.slice(0, 7)], latest: false };
        }
        case 'raw':
            return { values: [expand(a.value, e)], latest: false };
        case 'edge': {
            const b = (0, context_1.refBranch)(ctx.ref);
            const want = a.branch ?? ctx.defaultBranch;
            return b && want && b === want ? { values: ['edge'], latest: false } : none;
        }
        case 'schedule':
            return ctx.event === 'schedule' ? { values: [expand(a.pattern ?? 'nightly', e)], latest: false } : none;
    }
}
function defaultPrefix(rule) {
    return rule.type === 'sha' ? 'sha-' : '';
}
function computeTags(rules, flavor, ctx, now, opts = {}) {
    const e = expressions(ctx, now);
    const produced = [];
    let wantsLatest = false;
    rules.forEach((rule, order) => {
        const enable = rule.attrs.enable ? expand(rule.attrs.enable, e) : 'true';
        if (enable !== 'true')
            return;
        const r = apply(rule, ctx, e);
        if (r.values.length && r.latest)
            wantsLatest = true;
        const prefix = expand(rule.attrs.prefix ?? flavor.prefix + defaultPrefix(rule), e);
        const suffix = expand(rule.attrs.suffix ?? flavor.suffix, e);
        const priority = rule.attrs.priority ? Number(rule.attrs.priority) : PRIORITY[rule.type];
        for (const v of r.values) {
            const tag = sanitizeTag(prefix + sanitizeTag(v, 128 - prefix.length - suffix.length) + suffix);
            if (tag)
                produced.push({ tag, priority, order });
        }
    });
    // The seed's defaults name a tag that is not a version (`release-42`) too; metadata-action's type=semver
    // would drop it and leave only sha-..., which nobody can find.
    const tag = (0, context_1.refTag)(ctx.ref);
    if (opts.defaults && tag && !parseSemver(tag))
        produced.push({ tag: sanitizeTag(tag), priority: PRIORITY.ref, order: -1 });
    const latest = flavor.latest === 'true' || (flavor.latest === 'auto' && wantsLatest && !!(0, context_1.refTag)(ctx.ref));
    if (latest) {
        const t = flavor.onLatest ? sanitizeTag(`${flavor.prefix}latest${flavor.suffix}`) : 'latest';
        produced.push({ tag: t, priority: 0, order: rules.length });
    }
    produced.sort((a, b) => b.priority - a.priority || a.order - b.order);
    const tags = [...new Set(produced.map((p) => p.tag))];
    return { tags, version: tags[0] ?? '' };
}
/** OCI annotation keys as labels; user `labels` win over computed ones. */
function ociLabels(ctx, version, now, src, extra = {}) {
    const base = {
        'org.opencontainers.image.title': src.title ?? ctx.repository?.split('/').pop(),
        'org.opencontainers.image.description': src.description,
        'org.opencontainers.image.url': ctx.repositoryUrl,
        'org.opencontainers.image.source': ctx.repositoryUrl,
        'org.opencontainers.image.version': version,
        'org.opencontainers.image.created': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'org.opencontainers.image.revision': ctx.sha,
        'org.opencontainers.image.licenses': src.licenses,
    };
    const out = {};
    for (const [k, v] of Object.entries({ ...base, ...extra }))
        if (v)
            out[k] = v;
    return out;
}


/***/ }),

/***/ 53638:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.manifestRmArgv = void 0;
exports.loginArgv = loginArgv;
exports.buildArgv = buildArgv;
exports.manifestPushArgv = manifestPushArgv;
exports.classifyBuildahFailure = classifyBuildahFailure;
const docker_1 = __webpack_require__(17163);
/**
 * buildah, the daemonless builder for runners without a docker engine. It takes `docker build`'s flags for
 * what to build (so {@link definitionArgs} is shared) and keeps images in a manifest list it pushes whole.
 */
const tls = (insecure) => (insecure ? ['--tls-verify=false'] : []);
function loginArgv(registry, username, insecure) {
    return ['buildah', 'login', '--username', username, '--password-stdin', ...tls(insecure), registry];
}
/** Forgets a manifest list of an earlier run; fails harmlessly ("image not known") when there is none. */
const manifestRmArgv = (list) => ['buildah', 'manifest', 'rm', list];
exports.manifestRmArgv = manifestRmArgv;
function buildArgv(list, b, context) {
    return ['buildah', 'build', '--manifest', list, ...(0, docker_1.definitionArgs)(b), context];
}
/** Pushes the list and every image in it; `digestFile` receives the list's digest. */
function manifestPushArgv(list, ref, o) {
    return [
        'buildah',
        'manifest',
        'push',
        '--all',
        ...tls(o.insecure),
        ...(o.digestFile ? ['--digestfile', o.digestFile] : []),
        list,
        `docker://${ref}`,
    ];
}
/**
 * buildah (containers/image) reports most registry errors in the registry's own words, as docker does, but
 * says a refused login and a missing local image in words of its own.
 */
function classifyBuildahFailure(r) {
    const text = `${r.stderr}\n${r.stdout}`;
    if (/invalid username\/password/i.test(text))
        return 'auth';
    if (r.timedOut)
        return 'timeout';
    const f = (0, docker_1.classifyRegistryFailure)(text);
    return f === 'other' && /image not known/i.test(text) ? 'not-found' : f;
}


/***/ }),

/***/ 17163:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.retryable = exports.builderExists = exports.buildxInspectArgv = void 0;
exports.loginArgv = loginArgv;
exports.binfmtArgv = binfmtArgv;
exports.buildkitdInsecureConfig = buildkitdInsecureConfig;
exports.createBuilderArgv = createBuilderArgv;
exports.definitionArgs = definitionArgs;
exports.buildxBuildArgv = buildxBuildArgv;
exports.imagetoolsCreateArgv = imagetoolsCreateArgv;
exports.imagetoolsInspectArgv = imagetoolsInspectArgv;
exports.parseMetadata = parseMetadata;
exports.parseInspectManifest = parseInspectManifest;
exports.platformsOf = platformsOf;
exports.parseBuildxInspect = parseBuildxInspect;
exports.pushedManifestDigests = pushedManifestDigests;
exports.inspectedDigest = inspectedDigest;
exports.classifyRegistryFailure = classifyRegistryFailure;
exports.classifyDockerFailure = classifyDockerFailure;
exports.logout = logout;
const exec_1 = __webpack_require__(73190);
/**
 * docker, buildx and imagetools: the argv of every call mcp-deploy makes, readers of what they print, and
 * what a failed call means. Secrets never reach an argv: the password goes on stdin, build secrets through
 * the environment variables named in `--secret id=...,env=...`.
 */
// ---- argv ----
function loginArgv(registry, username) {
    return ['docker', 'login', registry, '--username', username, '--password-stdin'];
}
const logoutArgv = (registry) => ['docker', 'logout', registry];
/** Registers QEMU handlers for these architectures (tonistiigi/binfmt, the image docker/setup-qemu-action runs). */
function binfmtArgv(archs) {
    return ['docker', 'run', '--privileged', '--rm', 'tonistiigi/binfmt', '--install', archs.join(',')];
}
const buildxInspectArgv = () => ['docker', 'buildx', 'inspect'];
exports.buildxInspectArgv = buildxInspectArgv;
/** buildkitd in a container does not know that a loopback registry is plain HTTP unless told. */
function buildkitdInsecureConfig(registry) {
    return `[registry."${registry}"]\n  http = true\n  insecure = true\n`;
}
function createBuilderArgv(name, configFile) {
    return [
        'docker',
        'buildx',
        'create',
        '--name',
        name,
        '--driver',
        'docker-container',
        ...(configFile ? ['--config', configFile] : []),
        '--bootstrap',
    ];
}
function definitionArgs(b) {
    return [
        '--platform',
        b.platforms.join(','),
        '--file',
        b.file,
        ...(b.target ? ['--target', b.target] : []),
        ...b.buildArgs.flatMap((a) => ['--build-arg', a]),
        ...b.secrets.flatMap((s) => ['--secret', `id=${s.id},env=${s.env}`]),
        ...Object.entries(b.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    ];
}
function cacheArgs(c) {
    if (c.type === 'gha')
        return ['--cache-from', `type=gha,scope=${c.scope}`, '--cache-to', `type=gha,mode=max,scope=${c.scope}`];
    if (c.type === 'registry')
        return [
            '--cache-from',
            `type=registry,ref=${c.ref}`,
            '--cache-to',
            `type=registry,ref=${c.ref},mode=max`,
        ];
    return [];
}
function outputArgs(o) {
    if ('byDigest' in o)
        return [
            '--output',
            `type=image,name=${o.byDigest},push-by-digest=true,name-canonical=true,push=true${o.insecure ? ',registry.insecure=true' : ''}`,
        ];
    const tags = o.tags.flatMap((r) => ['--tag', r]);
    if (!o.push)
        return tags;
    if (o.insecure)
        return [...tags, '--output', 'type=image,push=true,registry.insecure=true'];
    return [...tags, '--push'];
}
function buildxBuildArgv(b) {
    return [
        'docker',
        'buildx',
        'build',
        ...(b.builder ? ['--builder', b.builder] : []),
        ...definitionArgs(b),
        ...outputArgs(b.output),
        `--provenance=${b.provenance}`,
        `--sbom=${b.sbom}`,
        ...cacheArgs(b.cache),
        '--metadata-file',
        b.metadataFile,
        b.context,
    ];
}
/** Joins manifests (`repo@sha256:...`) into one index under every tag. */
function imagetoolsCreateArgv(tags, sources) {
    return ['docker', 'buildx', 'imagetools', 'create', ...tags.flatMap((r) => ['--tag', r]), ...sources];
}
/** `format` is a Go template over the inspected image: `{{json .Manifest}}`, `{{json .Provenance}}`. */
function imagetoolsInspectArgv(ref, format) {
    return ['docker', 'buildx', 'imagetools', 'inspect', ref, ...(format ? ['--format', format] : [])];
}
const DIGEST = /^sha256:[a-f0-9]{64}$/;
/** buildx's `--metadata-file`: where the pushed digest comes from. */
function parseMetadata(json) {
    const raw = JSON.parse(json);
    const desc = raw['containerimage.descriptor'];
    const digest = raw['containerimage.digest'] ?? desc?.digest;
    const name = raw['image.name'];
    return {
        digest: typeof digest === 'string' && DIGEST.test(digest) ? digest : undefined,
        mediaType: desc?.mediaType,
        names: typeof name === 'string' && name ? name.split(',') : [],
        raw,
    };
}
/** `docker buildx imagetools inspect REF --format '{{json .Manifest}}'`. */
function parseInspectManifest(json) {
    const m = JSON.parse(json);
    if (!m.digest || !DIGEST.test(m.digest))
        throw new Error(`no digest in imagetools output: ${json.slice(0, 200)}`);
    return { digest: m.digest, platforms: platformsOf(m.manifests ?? []) };
}
/** Platforms of an index's manifests, leaving out attestation manifests (unknown/unknown). */
function platformsOf(manifests) {
    return manifests
        .map((m) => m.platform)
        .filter((p) => !!p?.os && p.os !== 'unknown')
        .map((p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/'));
}
/** `docker buildx inspect`: the driver and the platforms the builder can run. */
function parseBuildxInspect(text) {
    const driver = /^Driver:\s*(\S+)/m.exec(text)?.[1];
    const platforms = [...text.matchAll(/^Platforms:\s*(.+)$/gm)].flatMap((m) => m[1].split(',').map((p) => p.trim().replace(/\*$/, '')));
    return { driver, platforms: [...new Set(platforms.filter(Boolean))] };
}
/** `buildx create` of a name a self-hosted runner kept from an earlier job. */
const builderExists = (r) => /existing instance/i.test(r.stderr);
exports.builderExists = builderExists;
/** Digests buildx reports having pushed a manifest for (`pushing manifest for <ref>@sha256:...`). */
function pushedManifestDigests(output) {
    return [
        ...new Set([...output.matchAll(/pushing manifest for \S+@(sha256:[0-9a-f]{64})/g)].map((m) => m[1])),
    ];
}
/** The `Digest:` line of `docker buildx imagetools inspect <ref>`. */
function inspectedDigest(output) {
    return /^Digest:\s*(sha256:[0-9a-f]{64})/m.exec(output)?.[1];
}
const AUTH = /\b401\b|\b403\b|unauthorized|authentication required|access.{0,10}denied|denied:|no basic auth credentials|incorrect username or password|insufficient_scope/i;
const UNREACHABLE = /connection refused|temporary failure/i;
const TIMEOUT = /i\/o timeout|tls handshake timeout|context deadline exceeded|Client\.Timeout exceeded/i;
const TRANSIENT = /\b(500|502|503|504)\b|internal server error|bad gateway|service unavailable|gateway timeout|connection reset|broken pipe|unexpected EOF|\bEOF\b|too many requests|\b429\b/i;
const NOT_FOUND = /manifest unknown|not found/i;
/** Order matters: an answer that names credentials is never retried, whatever else it says. */
function classifyRegistryFailure(output) {
    if (AUTH.test(output))
        return 'auth';
    if (UNREACHABLE.test(output))
        return 'unreachable';
    if (TIMEOUT.test(output))
        return 'timeout';
    if (TRANSIENT.test(output))
        return 'transient';
    if (NOT_FOUND.test(output))
        return 'not-found';
    return 'other';
}
const retryable = (f) => f === 'unreachable' || f === 'timeout' || f === 'transient';
exports.retryable = retryable;
const DOCKER_DRIVER = /(multi-platform build|attestation) is not supported for the docker driver|does not currently support exporting manifest lists/i;
function classifyDockerFailure(r) {
    if (DOCKER_DRIVER.test(r.stderr))
        return 'docker-driver';
    if (r.timedOut)
        return 'timeout';
    if (/exec format error/.test(r.stderr))
        return 'exec-format';
    return classifyRegistryFailure(`${r.stderr}\n${r.stdout}`);
}
// ---- calls ----
/** Forgets the registry's credentials in this docker config (the runner's own when `config` is not given). */
function logout(registry, config) {
    return (0, exec_1.exec)(logoutArgv(registry), { env: config ? { DOCKER_CONFIG: config } : undefined });
}


/***/ })

};
;