"use strict";
exports.id = 955;
exports.ids = [955];
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

/***/ 16596:
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
exports.fsLocator = fsLocator;
exports.locate = locate;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
function fsLocator(workspace, cwd, exists = fs.existsSync) {
    return {
        resolve(file, hintDir) {
            if (path.isAbsolute(file))
                return file;
            // rustc names files relative to the cargo workspace root, an ancestor of the package: walk up.
            for (let dir = hintDir ?? cwd;; dir = path.dirname(dir)) {
                const candidate = path.join(dir, file);
                if (exists(candidate))
                    return candidate;
                if (dir === path.dirname(dir) || !dir.startsWith(workspace))
                    break;
            }
            return undefined;
        },
        relative(abs) {
            return path.relative(workspace, abs).split(path.sep).join('/');
        },
    };
}
/** The checkout-relative path of `file` when it can be found, else `file` as the tool named it. */
function locate(loc, file, hintDir) {
    const abs = loc.resolve(file, hintDir);
    return abs ? loc.relative(abs) : file;
}


/***/ }),

/***/ 79583:
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
exports.stripAnsi = exports.CARGO_ENV = void 0;
exports.cargoArgv = cargoArgv;
exports.fmtCheckArgv = fmtCheckArgv;
exports.clippyArgv = clippyArgv;
exports.testArgv = testArgv;
exports.versionArgv = versionArgv;
exports.metadataArgv = metadataArgv;
exports.parseMetadata = parseMetadata;
exports.binTargets = binTargets;
exports.buildReleaseArgv = buildReleaseArgv;
exports.releaseBinary = releaseBinary;
exports.linkerEnv = linkerEnv;
exports.rustcVersionArgv = rustcVersionArgv;
exports.parseRustcHost = parseRustcHost;
exports.sysrootArgv = sysrootArgv;
exports.installedTargetsArgv = installedTargetsArgv;
exports.parseInstalledTargets = parseInstalledTargets;
exports.toolchainListArgv = toolchainListArgv;
exports.parseToolchainList = parseToolchainList;
exports.firstError = firstError;
exports.classifyCargo = classifyCargo;
exports.parseFmt = parseFmt;
exports.parseClippy = parseClippy;
exports.parseCargoTest = parseCargoTest;
exports.parseCargoTestJson = parseCargoTestJson;
exports.lockfileLine = lockfileLine;
const path = __importStar(__webpack_require__(76760));
const exec_1 = __webpack_require__(73190);
const locator_1 = __webpack_require__(16596);
/**
 * cargo and the toolchain under it (rustc, rustup): argv builders, parsers of their output and the
 * classification of a failed call. Paths in the output go through a `Locator` to become annotations.
 */
/** cargo's messages without colour codes, for the parsers and the log. */
exports.CARGO_ENV = { CARGO_TERM_COLOR: 'never' };
/** `cargo`, or `cargo +<toolchain>` through rustup's proxy. */
function cargoArgv(toolchain) {
    return toolchain ? ['cargo', `+${toolchain}`] : ['cargo'];
}
function featureArgs(t) {
    if (!t.features.length)
        return [];
    return t.features.length === 1 && t.features[0] === 'all'
        ? ['--all-features']
        : ['--features', t.features.join(',')];
}
function scopeArgs(s, all) {
    return s.kind === 'workspace' ? [all] : ['-p', s.name];
}
function fmtCheckArgv(t) {
    return [...cargoArgv(t.toolchain), 'fmt', ...scopeArgs(t.scope, '--all'), '--check'];
}
function clippyArgv(t, clippyArgs) {
    // --keep-going: after the first member with errors cargo would schedule nothing more, and the
    // other members' findings would show only on the next run.
    return [
        ...cargoArgv(t.toolchain),
        'clippy',
        ...scopeArgs(t.scope, '--workspace'),
        '--keep-going',
        '--all-targets',
        '--message-format=json',
        ...featureArgs(t),
        '--',
        ...clippyArgs,
    ];
}
function testArgv(t, testArgs) {
    // --no-fail-fast: every failing test binary is reported, not just the first.
    return [
        ...cargoArgv(t.toolchain),
        'test',
        ...scopeArgs(t.scope, '--workspace'),
        '--no-fail-fast',
        ...featureArgs(t),
        ...testArgs,
    ];
}
/** Whether rustup can run cargo of this toolchain at all. */
function versionArgv(toolchain) {
    return [...cargoArgv(toolchain), '--version'];
}
function metadataArgv(manifest) {
    return ['cargo', 'metadata', '--no-deps', '--format-version', '1', '--manifest-path', manifest];
}
function parseMetadata(stdout) {
    return JSON.parse(stdout);
}
/** The bin targets of the package whose Cargo.toml is `manifest` (absolute). */
function binTargets(meta, manifest) {
    const pkg = meta.packages.find((p) => path.resolve(p.manifest_path) === manifest);
    return (pkg?.targets ?? []).filter((t) => t.kind.includes('bin')).map((t) => t.name);
}
function buildReleaseArgv(o) {
    return [...cargoArgv(o.toolchain), 'build', '--release', '--locked', '--target', o.triple, '--bin', o.bin];
}
/** Where `cargo build --release --target <triple>` leaves a binary. */
function releaseBinary(targetDir, triple, bin) {
    return path.join(targetDir, triple, 'release', bin);
}
/** The linker for a foreign triple, for cargo (CARGO_TARGET_<TRIPLE>_LINKER) and for cc-rs build scripts. */
function linkerEnv(triple, linker) {
    const upper = triple.toUpperCase().replace(/-/g, '_');
    return { [`CARGO_TARGET_${upper}_LINKER`]: linker, [`CC_${triple.replace(/-/g, '_')}`]: linker };
}
const plus = (toolchain) => (toolchain ? [`+${toolchain}`] : []);
function rustcVersionArgv(toolchain) {
    return ['rustc', ...plus(toolchain), '-vV'];
}
/** `host:` of `rustc -vV`. */
function parseRustcHost(stdout) {
    return /^host:\s*(\S+)/m.exec(stdout)?.[1];
}
function sysrootArgv(toolchain) {
    return ['rustc', ...plus(toolchain), '--print', 'sysroot'];
}
function installedTargetsArgv(toolchain) {
    return ['rustup', ...plus(toolchain), 'target', 'list', '--installed'];
}
/** `rustup target list --installed`: one target a line. */
function parseInstalledTargets(stdout) {
    return stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
}
function toolchainListArgv() {
    return ['rustup', 'toolchain', 'list'];
}
/** `rustup toolchain list`: the names as `+<name>` takes them (`stable`, not `stable-x86_64-unknown-linux-gnu (default)`). */
function parseToolchainList(stdout) {
    return stdout
        .split('\n')
        .map((l) => l.split(/\s/)[0].replace(/-(x86_64|aarch64|i686|armv7|riscv64gc|powerpc64le|s390x)-.*$/, ''))
        .filter(Boolean);
}
const TOOLCHAIN = /toolchain '[^']+' is not installed|is not installed for the toolchain|Cargo does not handle `\+toolchain` directives/;
const NETWORK = /spurious network error|Could not resolve host|Couldn't resolve host|failed to download from|download of \S+ failed|Couldn't connect to server|Connection refused|SSL connect error|Unable to update registry|failed to fetch `http|attempting to make an HTTP request, but --offline was specified/i;
const COMPILE = /^error: could not compile `/m;
const TEST = /^error: (test failed, to rerun pass|\d+ targets? failed:)/m;
/** The first line of the output that starts with `error`, without the `error: ` prefix. */
function firstError(r) {
    return `${r.stderr}\n${r.stdout}`
        .split('\n')
        .map((l) => l.trim())
        .find((l) => /^error\b/i.test(l))
        ?.replace(/^error:\s*/i, '');
}
/** What went wrong in a cargo call that did not succeed; undefined when it did. */
function classifyCargo(r) {
    if (r.exitCode === 0 && !r.timedOut)
        return undefined;
    const text = `${r.stderr}\n${r.stdout}`;
    const kind = r.timedOut
        ? 'timeout'
        : TOOLCHAIN.test(text)
            ? 'toolchain'
            : NETWORK.test(text)
                ? 'network'
                : COMPILE.test(r.stderr)
                    ? 'compile'
                    : TEST.test(r.stderr)
                        ? 'test'
                        : 'other';
    return { kind, cause: firstError(r), detail: (0, exec_1.outputTail)(r, 15) };
}
// ESC [ ... letter, and the ESC ( B charset switch that rustfmt's term crate emits.
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\u001b(?:\[[0-9;?]*[A-Za-z]|\([A-Z0-9])/g;
const stripAnsi = (s) => s.replace(ANSI, '');
exports.stripAnsi = stripAnsi;
/** `cargo fmt --check`: one annotation per hunk, spanning the lines the hunk rewrites. */
function parseFmt(output, loc) {
    const hunks = [];
    for (const raw of (0, exports.stripAnsi)(output).split(/\r?\n/)) {
        // rustfmt 1.4+: "Diff in /x/src/a.rs:12:" ; older: "Diff in /x/src/a.rs at line 12:"
        const m = /^Diff in (.+?)(?::(\d+):| at line (\d+):)\s*$/.exec(raw);
        if (m) {
            hunks.push({ file: m[1], line: Number(m[2] ?? m[3]), body: [] });
        }
        else if (hunks.length && /^[ +-]/.test(raw)) {
            hunks[hunks.length - 1].body.push(raw);
        }
    }
    return hunks.map((h) => {
        // The hunk starts with context lines; the annotation should point at the first changed line.
        const firstChange = h.body.findIndex((l) => l.startsWith('-') || l.startsWith('+'));
        const line = h.line + Math.max(0, firstChange);
        const removed = h.body.filter((l) => l.startsWith('-')).length;
        return {
            level: 'error',
            title: 'rustfmt',
            file: (0, locator_1.locate)(loc, h.file),
            line,
            endLine: line + Math.max(0, removed - 1),
            message: `Not formatted as rustfmt would; run \`cargo fmt\`.\n${h.body.join('\n')}`,
        };
    });
}
/**
 * `cargo clippy --all-targets --message-format=json`: each diagnostic is printed once per target that
 * compiles the file (bin and its test harness), so de-duplicate on (code, file, line, column).
 */
function parseClippy(jsonl, loc) {
    const seen = new Set();
    const annotations = [];
    let errors = 0;
    let warnings = 0;
    let buildSucceeded = true;
    for (const line of jsonl.split('\n')) {
        if (!line.startsWith('{'))
            continue;
        let rec;
        try {
            rec = JSON.parse(line);
        }
        catch {
            continue;
        }
        if (rec.reason === 'build-finished')
            buildSucceeded = rec.success !== false;
        if (rec.reason !== 'compiler-message' || !rec.message)
            continue;
        const msg = rec.message;
        if (msg.level !== 'error' && msg.level !== 'warning')
            continue;
        // "aborting due to N previous errors" / "N warnings emitted" carry no span: they are tallies.
        const primary = msg.spans.find((s) => s.is_primary);
        if (!primary)
            continue;
        const hint = rec.manifest_path ? path.dirname(rec.manifest_path) : undefined;
        const site = macroSites(primary, loc, hint);
        const { call } = site;
        const code = msg.code?.code ?? '';
        const key = `${code}|${call.file_name}|${call.line_start}|${call.column_start}|${msg.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        if (msg.level === 'error')
            errors++;
        else
            warnings++;
        const level = msg.level === 'error' ? 'error' : 'warning';
        const title = code || `rustc ${msg.level}`;
        const rendered = (msg.rendered ?? msg.message).trimEnd();
        if (!site.body) {
            annotations.push({ level, title, ...where(loc, call, hint), message: rendered });
            continue;
        }
        // Inside a macro_rules! body of this checkout: the finding is on the body's line, where clippy puts
        // it and where it is fixed; the invocation that expanded it gets a notice, so a diff that touches
        // only the call still shows it. Both name the other place.
        const body = where(loc, site.body, hint);
        const invoked = where(loc, call, hint);
        annotations.push({
            level,
            title,
            ...body,
            message: `in the expansion of ${site.macro} at ${at(invoked)}\n${rendered}`,
        });
        annotations.push({
            level: 'notice',
            title,
            ...invoked,
            message: `${site.macro} expands to code with this ${msg.level} at ${at(body)}: ${msg.message}`,
        });
    }
    return { annotations, errors, warnings, buildSucceeded };
}
/**
 * A diagnostic inside a macro expansion: the primary span is in the macro's body and each `expansion`
 * leads one invocation outwards, to the call site in ordinary code.
 */
function macroSites(primary, loc, hint) {
    const chain = [{ span: primary }];
    for (let s = primary; s.expansion?.span; s = s.expansion.span) {
        chain[chain.length - 1].macro = s.expansion.macro_decl_name;
        chain.push({ span: s.expansion.span });
    }
    const call = chain[chain.length - 1].span;
    const inner = chain.slice(0, -1).find((c) => inCheckout(loc, c.span.file_name, hint));
    if (!inner || (inner.span.file_name === call.file_name && inner.span.line_start === call.line_start))
        return { call, macro: '' };
    return { call, body: inner.span, macro: inner.macro ?? 'a macro' };
}
function inCheckout(loc, file, hint) {
    const abs = loc.resolve(file, hint);
    if (!abs)
        return false;
    const rel = loc.relative(abs);
    return !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel);
}
function where(loc, s, hint) {
    return {
        file: (0, locator_1.locate)(loc, s.file_name, hint),
        line: s.line_start,
        endLine: s.line_end !== s.line_start ? s.line_end : undefined,
        col: s.column_start,
    };
}
const at = (w) => `${w.file}:${w.line}:${w.col}`;
const PANIC = /panicked at ([^\s:]+\.rs):(\d+):(\d+):?\s*\n?([\s\S]*)/;
function panicLocation(text) {
    const m = PANIC.exec(text);
    if (!m)
        return { message: text.trim() };
    const message = m[4]
        .split('\n')
        .filter((l) => !/^(note: run with|stack backtrace:)/.test(l))
        .join('\n')
        .trim();
    return { file: m[1], line: Number(m[2]), col: Number(m[3]), message };
}
/** `cargo test` (text): `test result:` lines for counts, `---- name stdout ----` blocks for failures. */
function parseCargoTest(output) {
    const text = (0, exports.stripAnsi)(output);
    const r = { passed: 0, failed: 0, ignored: 0, failures: [], ran: false };
    for (const m of text.matchAll(/^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/gm)) {
        r.ran = true;
        r.passed += Number(m[1]);
        r.failed += Number(m[2]);
        r.ignored += Number(m[3]);
    }
    const failedNames = [...text.matchAll(/^test (\S+) \.\.\. FAILED$/gm)].map((m) => m[1]);
    const blocks = new Map();
    for (const m of text.matchAll(/^---- (\S+) stdout ----\n([\s\S]*?)(?=^---- \S+ stdout ----$|^failures:$|^test result:)/gm))
        blocks.set(m[1], m[2]);
    for (const name of new Set(failedNames))
        r.failures.push({ name, ...panicLocation(blocks.get(name) ?? '') });
    return r;
}
/** `cargo test -- -Z unstable-options --format json` (nightly or RUSTC_BOOTSTRAP=1). */
function parseCargoTestJson(jsonl) {
    const r = { passed: 0, failed: 0, ignored: 0, failures: [], ran: false };
    for (const line of jsonl.split('\n')) {
        if (!line.trim().startsWith('{'))
            continue;
        let ev;
        try {
            ev = JSON.parse(line);
        }
        catch {
            continue;
        }
        if (ev.type === 'suite' && (ev.event === 'ok' || ev.event === 'failed')) {
            r.ran = true;
            r.passed += ev.passed ?? 0;
            r.failed += ev.failed ?? 0;
            r.ignored += ev.ignored ?? 0;
        }
        else if (ev.type === 'test' && ev.event === 'failed' && ev.name) {
            r.failures.push({ name: ev.name, ...panicLocation(ev.stdout ?? '') });
        }
    }
    return r;
}
/** The line of `name = "<pkg>"` for the given version in Cargo.lock, to annotate where it is pinned. */
function lockfileLine(lock, pkg, version) {
    const lines = lock.split('\n');
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].trim() === `name = "${pkg}"` && lines[i + 1]?.trim() === `version = "${version}"`)
            return i + 1;
    }
    return undefined;
}


/***/ })

};
;