"use strict";
exports.id = 672;
exports.ids = [672,691];
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
const exec_1 = __webpack_require__(73190);
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
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
                await (0, exec_1.exec)(['docker', 'logout', c.registry], {
                    env: c.config ? { DOCKER_CONFIG: c.config } : undefined,
                });
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

/***/ 50166:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.byDigest = exports.display = exports.isDigest = exports.isRepository = void 0;
exports.parseReference = parseReference;
exports.imageName = imageName;
exports.registryOf = registryOf;
exports.isLoopback = isLoopback;
exports.checkDigestRef = checkDigestRef;
exports.checkScanRef = checkScanRef;
const errors_1 = __webpack_require__(83916);
/**
 * Image references, one grammar for every stage (distribution/reference's, with a lower-case host):
 * [host[:port]/]path[:tag][@sha256:<64 hex>]. Build checks its repository with it, scan and deploy their
 * image-ref, verify the image it puts in place of {image}.
 */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const HOST = '(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::[0-9]+)?';
const NAME = `(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*`;
const REFERENCE = new RegExp(`^(?<name>${NAME})(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@sha256:(?<digest>[0-9a-f]{64}))?$`);
const REPOSITORY = new RegExp(`^${NAME}$`);
function parseReference(ref) {
    const m = REFERENCE.exec(ref);
    if (!m?.groups)
        return undefined;
    return { name: m.groups.name, tag: m.groups.tag, digest: m.groups.digest };
}
/** A repository without tag or digest (the build stage's `image`). */
const isRepository = (name) => REPOSITORY.test(name);
exports.isRepository = isRepository;
const isDigest = (d) => /^sha256:[0-9a-f]{64}$/.test(d);
exports.isDigest = isDigest;
/** name[:tag][@sha256:...] back as text. */
const display = (r) => `${r.name}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@sha256:${r.digest}` : ''}`;
exports.display = display;
/** The reference by digest only, as the build stage hands it on: name@sha256:... */
const byDigest = (name, digest) => `${name}@${digest}`;
exports.byDigest = byDigest;
/** The repository part of any reference (what manifests name as their image), tag and digest dropped. */
function imageName(ref) {
    const noDigest = ref.split('@')[0];
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(0, colon) : noDigest;
}
/** The registry host of an image reference, as docker decides it: a first part with a dot, a port or `localhost`. */
function registryOf(image) {
    const first = image.split('/')[0];
    return image.includes('/') && (/[.:]/.test(first) || first === 'localhost') ? first : 'docker.io';
}
/** Loopback registries speak plain HTTP in tests and local setups; everything else must be TLS. */
function isLoopback(registry) {
    const host = registry.replace(/:\d+$/, '');
    return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
}
/** A reference that must be by digest (deploy, and scan unless scan-allow-tag). */
function checkDigestRef(v, input = 'image-ref') {
    const p = parseReference(v);
    if (p?.digest)
        return v;
    if (!v.includes('@'))
        throw new errors_1.ActionError(`'${v}' is not a digest reference: deploys use the digest, never a mutable tag`, input, 'give image@sha256:<64 hex digits>, e.g. the build stage output image-ref');
    throw new errors_1.ActionError(`'${v}' is not a valid digest reference`, input, 'give image@sha256:<64 hex digits>');
}
/** Validates a reference to scan; with allowTag a mutable tag passes (the caller warns). */
function checkScanRef(ref, allowTag, input = 'image-ref') {
    const p = parseReference(ref);
    if (!p)
        throw new errors_1.ActionError(`'${ref}' is not an image reference`, input, 'use name@sha256:<64 hex>, e.g. ghcr.io/o/app@sha256:…');
    if (!p.digest && !allowTag)
        throw new errors_1.ActionError(`'${ref}' is a mutable tag, not a digest`, input, "scan what was pushed: name@sha256:<digest> (the build stage's `digest` output), or set scan-allow-tag: true");
    return p;
}


/***/ }),

/***/ 66672:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.build = void 0;
const plan_1 = __webpack_require__(56557);
const run_1 = __webpack_require__(48485);
exports.build = {
    name: 'build',
    parse: (r, env) => (0, plan_1.parseBuildInputs)(r, env.ctx, env.cwd),
    plan(i, env) {
        const t = (0, plan_1.planTags)(i, env.ctx);
        return {
            // The engine is probed only when the stage runs; plan shows what a stock runner (docker driver) gets.
            commands: (0, plan_1.planBuild)(i, env.ctx),
            values: {
                image: i.image,
                tags: t.refs.join(', ') || '(none)',
                platforms: i.platforms.join(', '),
                'build-mode': `${i.builder} ${i.mode}`,
                push: String(i.push),
                labels: Object.entries(t.labels)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', '),
            },
        };
    },
    run: run_1.runBuild,
};


/***/ }),

/***/ 23375:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseMetadata = parseMetadata;
exports.parseInspectManifest = parseInspectManifest;
exports.platformsOf = platformsOf;
exports.parseBuildxInspect = parseBuildxInspect;
exports.dockerDriverCannot = dockerDriverCannot;
exports.binfmtArchs = binfmtArchs;
exports.classifyFailure = classifyFailure;
exports.errorLines = errorLines;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
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
/**
 * What buildx says when the docker driver runs on the classic image store and is asked for what only the
 * containerd store or a docker-container builder can do: several platforms, attestations.
 */
function dockerDriverCannot(stderr) {
    return /(multi-platform build|attestation) is not supported for the docker driver|does not currently support exporting manifest lists/i.test(stderr);
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
const AUTH = /\b401\b|\b403\b|unauthorized|authentication required|access.{0,10}denied|denied:|no basic auth credentials|incorrect username or password|insufficient_scope/i;
const TRANSIENT = /\b(500|502|503|504)\b|internal server error|bad gateway|service unavailable|gateway timeout|connection reset|broken pipe|i\/o timeout|tls handshake timeout|unexpected EOF|\bEOF\b|too many requests|\b429\b|connection refused|temporary failure/i;
/** An auth failure is never retried (the same credentials fail again); a 5xx or a dropped connection is. */
function classifyFailure(output) {
    if (AUTH.test(output))
        return 'auth';
    if (TRANSIENT.test(output))
        return 'transient';
    return 'other';
}
/** The lines of a failed build worth showing: buildx's ERROR lines, else the tail. */
function errorLines(output, n = 8) {
    const errors = output.split('\n').filter((l) => /\bERROR\b|^error|Error response/i.test(l));
    return (errors.length ? errors : output.trim().split('\n')).slice(-n).join('\n');
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
exports.buildahManifest = exports.buildkitdConfigFile = exports.secretEnv = exports.authFile = exports.dockerConfigDir = exports.digestFile = exports.metadataFile = exports.BUILDER_NAME = exports.ASSUMED_FACTS = exports.TRISTATE = exports.DRIVERS = exports.CACHES = exports.BUILDERS = exports.BUILD_MODES = void 0;
exports.cargoPackage = cargoPackage;
exports.parseBuildInputs = parseBuildInputs;
exports.hostArch = hostArch;
exports.decide = decide;
exports.planTags = planTags;
exports.loginCommand = loginCommand;
exports.binfmtCommand = binfmtCommand;
exports.buildkitdConfig = buildkitdConfig;
exports.createBuilderCommand = createBuilderCommand;
exports.buildxCommand = buildxCommand;
exports.mergeCommands = mergeCommands;
exports.buildahCommands = buildahCommands;
exports.planBuild = planBuild;
const fs = __importStar(__webpack_require__(73024));
const cargo_manifest_1 = __webpack_require__(49973);
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const context_1 = __webpack_require__(40788);
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const oci_1 = __webpack_require__(50166);
const tags_1 = __webpack_require__(20239);
exports.BUILD_MODES = inputs_1.INPUTS['build-mode'].allowed;
exports.BUILDERS = inputs_1.INPUTS.builder.allowed;
exports.CACHES = inputs_1.INPUTS.cache.allowed;
exports.DRIVERS = inputs_1.INPUTS['builder-driver'].allowed;
exports.TRISTATE = inputs_1.INPUTS.push.allowed;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
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
function parseBuildInputs(r, ctx, cwd, env = process.env) {
    const builder = r.oneOf('builder', exports.BUILDERS);
    const mode = r.oneOf('build-mode', exports.BUILD_MODES);
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
    const tagLines = r.lines('tags');
    const platforms = r.list('platforms');
    const badPlatform = platforms.find((p) => !PLATFORM.test(p));
    if (badPlatform)
        throw new errors_1.ActionError(`'${badPlatform}' is not a platform`, 'platforms', 'write os/arch[/variant], e.g. linux/amd64,linux/arm64');
    const context = r.directory('build-context', cwd);
    const fileInput = r.string('dockerfile');
    const file = path.resolve(fileInput ? cwd : context, fileInput || 'Dockerfile');
    if (mode !== 'merge' && !fs.existsSync(file))
        throw new errors_1.ActionError(`no Dockerfile at ${file}`, 'dockerfile', 'point it at the Dockerfile (relative to working-directory)');
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
    const provenance = r.string('provenance');
    if (!/^(true|false|mode=(min|max))$/.test(provenance))
        throw new errors_1.ActionError(`'${provenance}' is not a provenance setting`, 'provenance', 'use false, true, mode=min or mode=max');
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
    if (builder === 'buildah' && mode !== 'push')
        throw new errors_1.ActionError(`build-mode ${mode} needs builder buildx`, 'build-mode', 'use build-mode push with buildah');
    const pushAuto = r.oneOf('push', exports.TRISTATE);
    // A fork's pull request gets no registry credentials: build to prove it builds, push nothing.
    const push = pushAuto === 'auto' ? !ctx.fork : pushAuto === 'true';
    if (!push && mode !== 'push')
        throw new errors_1.ActionError(`build-mode ${mode} always pushes`, 'push', 'set push to true or use build-mode push');
    const cargoToml = path.join(cwd, 'Cargo.toml');
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
        labelSource: fs.existsSync(cargoToml) ? cargoPackage(fs.readFileSync(cargoToml, 'utf8')) : {},
        context,
        file,
        platforms,
        target: r.string('target'),
        buildArgs,
        buildSecrets,
        push,
        provenance,
        sbom: r.bool('sbom'),
        cache: r.oneOf('cache', exports.CACHES),
        digests,
        driver: r.oneOf('builder-driver', exports.DRIVERS),
        qemu: r.oneOf('qemu', exports.TRISTATE),
        insecure: insecure === 'auto' ? (0, oci_1.isLoopback)(registry) : insecure === 'true',
        retries: r.int('push-retries'),
        tempDir: path.join(env.RUNNER_TEMP || os.tmpdir(), 'mcp-deploy-build'),
        now: env.SOURCE_DATE_EPOCH ? new Date(Number(env.SOURCE_DATE_EPOCH) * 1000) : new Date(),
    };
}
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
    const emulate = i.mode === 'merge' || i.qemu === 'false'
        ? []
        : wanted.filter((a) => a !== hostArch() && (i.qemu === 'true' || !facts.runnable.includes(a)));
    return {
        createBuilder,
        emulate,
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
        ? [
            'buildah',
            'login',
            '--username',
            i.username,
            '--password-stdin',
            ...(i.insecure ? ['--tls-verify=false'] : []),
            i.registry,
        ]
        : ['docker', 'login', i.registry, '--username', i.username, '--password-stdin'];
}
function binfmtCommand(archs) {
    return ['docker', 'run', '--privileged', '--rm', 'tonistiigi/binfmt', '--install', archs.join(',')];
}
/** buildkitd in a container does not know that a loopback registry is plain HTTP unless told. */
function buildkitdConfig(i) {
    return `[registry."${i.registry}"]\n  http = true\n  insecure = true\n`;
}
const buildkitdConfigFile = (i) => path.join(i.tempDir, 'buildkitd.toml');
exports.buildkitdConfigFile = buildkitdConfigFile;
function createBuilderCommand(i) {
    return [
        'docker',
        'buildx',
        'create',
        '--name',
        exports.BUILDER_NAME,
        '--driver',
        'docker-container',
        ...(i.insecure ? ['--config', (0, exports.buildkitdConfigFile)(i)] : []),
        '--bootstrap',
    ];
}
function cacheArgs(i, d) {
    if (d.cache === 'gha') {
        // One scope per platform set, so the jobs of a by-digest matrix do not evict each other's cache.
        const scope = `mcp-deploy-${i.platforms.map(arch).join('-')}`;
        return ['--cache-from', `type=gha,scope=${scope}`, '--cache-to', `type=gha,mode=max,scope=${scope}`];
    }
    if (d.cache === 'registry') {
        const ref = `${i.image}:buildcache`;
        return ['--cache-from', `type=registry,ref=${ref}`, '--cache-to', `type=registry,ref=${ref},mode=max`];
    }
    return [];
}
function outputArgs(i, d, t) {
    if (i.mode === 'by-digest' && !d.stagingTag)
        return [
            '--output',
            `type=image,name=${i.image},push-by-digest=true,name-canonical=true,push=true${i.insecure ? ',registry.insecure=true' : ''}`,
        ];
    if (i.mode === 'by-digest')
        return ['--tag', `${i.image}:${d.stagingTag}`, '--push'];
    const tags = t.refs.flatMap((r) => ['--tag', r]);
    if (!i.push)
        return tags;
    // The docker driver pushes through dockerd, which already allows loopback registries over HTTP.
    if (i.insecure && d.createBuilder)
        return [...tags, '--output', 'type=image,push=true,registry.insecure=true'];
    return [...tags, '--push'];
}
/** What to build, in the flags buildx and buildah share: platforms, Dockerfile, target, args, secrets, labels. */
function definitionArgs(i, t) {
    return [
        '--platform',
        i.platforms.join(','),
        '--file',
        i.file,
        ...(i.target ? ['--target', i.target] : []),
        ...i.buildArgs.flatMap((a) => ['--build-arg', a]),
        ...i.buildSecrets.flatMap((s) => ['--secret', `id=${s.id},env=${(0, exports.secretEnv)(s.id)}`]),
        ...Object.entries(t.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    ];
}
function buildxCommand(i, d, t) {
    return [
        'docker',
        'buildx',
        'build',
        ...(d.createBuilder ? ['--builder', exports.BUILDER_NAME] : []),
        ...definitionArgs(i, t),
        ...outputArgs(i, d, t),
        `--provenance=${i.provenance}`,
        `--sbom=${i.sbom}`,
        ...cacheArgs(i, d),
        '--metadata-file',
        (0, exports.metadataFile)(i),
        i.context,
    ];
}
function mergeCommands(i, t) {
    return [
        [
            'docker',
            'buildx',
            'imagetools',
            'create',
            ...t.refs.flatMap((r) => ['--tag', r]),
            ...i.digests.map((d) => `${i.image}@${d}`),
        ],
        ['docker', 'buildx', 'imagetools', 'inspect', t.refs[0], '--format', '{{json .Manifest}}'],
    ];
}
/** buildah keeps manifest lists by name across runs: a fixed local name, emptied first, never collects stale images. */
const buildahManifest = (i) => `localhost/mcp-deploy-build/${i.image.split('/').pop()}`;
exports.buildahManifest = buildahManifest;
function buildahCommands(i, t) {
    const list = (0, exports.buildahManifest)(i);
    const tls = i.insecure ? ['--tls-verify=false'] : [];
    return {
        rm: ['buildah', 'manifest', 'rm', list],
        build: ['buildah', 'build', '--manifest', list, ...definitionArgs(i, t), i.context],
        push: i.push
            ? t.refs.map((ref, n) => [
                'buildah',
                'manifest',
                'push',
                '--all',
                ...tls,
                ...(n === 0 ? ['--digestfile', (0, exports.digestFile)(i)] : []),
                list,
                `docker://${ref}`,
            ])
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
    const d = decide(i, facts, ctx);
    if (d.emulate.length)
        cmds.push({ argv: binfmtCommand(d.emulate), why: `emulate ${d.emulate.join(', ')} (not native here)` });
    if (d.createBuilder)
        cmds.push({ argv: createBuilderCommand(i), why: 'the docker driver cannot do this build' });
    cmds.push({ argv: buildxCommand(i, d, t) });
    return cmds;
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
const oci_1 = __webpack_require__(50166);
const retry_1 = __webpack_require__(49809);
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
const summary_1 = __webpack_require__(57994);
const parse_1 = __webpack_require__(23375);
const plan_1 = __webpack_require__(56557);
/** Runs a registry-touching command, retrying 5xx and dropped connections with backoff; never auth errors. */
async function withRetries(what, retries, run) {
    let last;
    const failed = new Error('registry command failed');
    const transient = (e) => e === failed && last?.failure === 'transient';
    try {
        return await (0, retry_1.retry)((0, retry_1.registryPolicy)(retries), async (attempts) => {
            const r = await run();
            last = {
                r,
                attempts,
                failure: r.exitCode === 0 ? undefined : (0, parse_1.classifyFailure)(`${r.stderr}\n${r.stdout}`),
            };
            if (r.exitCode !== 0)
                throw failed;
            return last;
        }, transient, (_e, n, wait) => log_1.log.warning(`${what}: transient registry error, retry ${n} of ${retries} in ${wait / 1000} s:\n${(0, parse_1.errorLines)(last.r.stderr)}`));
    }
    catch (e) {
        if (e !== failed)
            throw e;
        return last;
    }
}
function authError(i, what, r) {
    const detail = (0, parse_1.errorLines)(`${r.stderr}\n${r.stdout}`, 3);
    return i.password
        ? new errors_1.ActionError(`registry ${i.registry} refused the credentials of '${i.username}' (${what}): ${detail}`, 'password', `check 'password' and 'username' (on GitHub pass \${{ secrets.GITHUB_TOKEN }} with permissions packages: write)`)
        : new errors_1.ActionError(`registry ${i.registry} needs credentials (${what}): ${detail}`, 'password', `set 'username' and 'password', or log in to ${i.registry} before this step`);
}
function commandFailed(what, r, attempts) {
    return new Error(`${what} failed${attempts > 1 ? ` after ${attempts} attempts` : ''} (exit ${r.exitCode}):\n${(0, parse_1.errorLines)(`${r.stderr}\n${r.stdout}`)}`);
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
    const { r, failure, attempts } = await withRetries('login', i.retries, () => (0, exec_1.exec)((0, plan_1.loginCommand)(i), { env, input: i.password }));
    if (r.exitCode === 0)
        return;
    if (failure === 'auth')
        throw authError(i, 'login', r);
    throw commandFailed(`login to ${i.registry}`, r, attempts);
}
/**
 * Only what the decisions depend on is probed. Several platforms or attestations alone probe nothing: the build
 * is tried on the current builder, which handles them on the containerd image store, and falls back to a docker-container
 * builder when buildx says it cannot (see buildx() below); probing first would cost every build ~0.1 s.
 */
async function probe(i, env) {
    let runnable = [(0, plan_1.hostArch)()];
    try {
        runnable = [...runnable, ...(0, parse_1.binfmtArchs)(fs.readdirSync('/proc/sys/fs/binfmt_misc'))];
    }
    catch {
        // no binfmt_misc (a container, macOS): only the native architecture runs
    }
    const ghaCache = !!(process.env.ACTIONS_RUNTIME_TOKEN &&
        (process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL));
    const facts = { driver: 'docker', containerdStore: true, runnable, ghaCache };
    const needsExport = i.mode === 'by-digest' || i.cache === 'gha' || i.cache === 'registry' || (i.cache === 'auto' && ghaCache);
    if (i.driver !== 'auto' || !needsExport)
        return facts;
    const inspect = await (0, exec_1.exec)(['docker', 'buildx', 'inspect'], { env, echo: false });
    const b = (0, parse_1.parseBuildxInspect)(inspect.stdout);
    return {
        ...facts,
        driver: b.driver ?? 'docker',
        runnable: [...new Set([...runnable, ...b.platforms.map((p) => p.split('/')[1])])],
    };
}
async function prepareBuilder(i, d, env) {
    if (d.emulate.length) {
        const r = await (0, exec_1.exec)((0, plan_1.binfmtCommand)(d.emulate), { env });
        if (r.exitCode !== 0)
            throw new errors_1.ActionError(`could not set up emulation for ${d.emulate.join(', ')}: ${(0, parse_1.errorLines)(r.stderr, 3)}`, 'qemu', 'build each platform on a native runner (build-mode by-digest + merge), or set qemu: false if the Dockerfile runs nothing');
    }
    if (d.createBuilder) {
        if (i.insecure)
            fs.writeFileSync((0, plan_1.buildkitdConfigFile)(i), (0, plan_1.buildkitdConfig)(i));
        const r = await (0, exec_1.exec)((0, plan_1.createBuilderCommand)(i), { env });
        // A self-hosted runner keeps the builder of an earlier job: reuse it.
        if (r.exitCode !== 0 && !/existing instance/i.test(r.stderr))
            throw new errors_1.ActionError(`could not create a docker-container builder: ${(0, parse_1.errorLines)(r.stderr, 3)}`, 'builder-driver', 'set builder-driver: docker on an engine with the containerd image store, or make moby/buildkit pullable');
    }
}
async function buildx(i, env, tools, t) {
    const facts = await probe(i, tools);
    let d = (0, plan_1.decide)(i, facts, env.ctx);
    await prepareBuilder(i, d, tools);
    const attempt = () => withRetries('push', i.retries, () => (0, exec_1.exec)((0, plan_1.buildxCommand)(i, d, t), { cwd: env.cwd, env: tools, stream: true }));
    let { r, failure, attempts } = await attempt();
    if (r.exitCode !== 0 && i.driver === 'auto' && !d.createBuilder && (0, parse_1.dockerDriverCannot)(r.stderr)) {
        log_1.log.info('the docker driver on this engine (classic image store) cannot do this build: creating a docker-container builder');
        d = (0, plan_1.decide)(i, { ...facts, containerdStore: false }, env.ctx);
        await prepareBuilder(i, { ...d, emulate: [] }, tools);
        ({ r, failure, attempts } = await attempt());
    }
    if (r.exitCode !== 0) {
        if (failure === 'auth')
            throw authError(i, 'push', r);
        throw commandFailed('docker buildx build', r, attempts);
    }
    const meta = (0, parse_1.parseMetadata)(fs.readFileSync((0, plan_1.metadataFile)(i), 'utf8'));
    if (!meta.digest && (i.push || i.mode === 'by-digest'))
        throw new Error(`buildx wrote no digest to ${(0, plan_1.metadataFile)(i)}: ${JSON.stringify(meta.raw)}`);
    const pushedRefs = i.mode === 'by-digest' ? (d.stagingTag ? [`${i.image}:${d.stagingTag}`] : []) : i.push ? t.refs : [];
    return { d, digest: meta.digest ?? '', platforms: i.platforms, metadata: meta.raw, attempts, pushedRefs };
}
async function merge(i, tools, t) {
    const [create, inspect] = (0, plan_1.mergeCommands)(i, t);
    const c = await withRetries('imagetools create', i.retries, () => (0, exec_1.exec)(create, { env: tools }));
    if (c.r.exitCode !== 0) {
        if (c.failure === 'auth')
            throw authError(i, 'imagetools create', c.r);
        throw commandFailed('docker buildx imagetools create', c.r, c.attempts);
    }
    const r = await (0, exec_1.exec)(inspect, { env: tools });
    if (r.exitCode !== 0)
        throw commandFailed('docker buildx imagetools inspect', r, 1);
    const m = (0, parse_1.parseInspectManifest)(r.stdout);
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
        throw commandFailed('buildah build', r, 1);
    let attempts = 1;
    for (const argv of b.push) {
        const p = await withRetries('buildah manifest push', i.retries, () => (0, exec_1.exec)(argv, { env: tools }));
        attempts = Math.max(attempts, p.attempts);
        if (p.r.exitCode !== 0) {
            if (p.failure === 'auth')
                throw authError(i, 'push', p.r);
            throw commandFailed('buildah manifest push', p.r, p.attempts);
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
async function runBuild(i, env) {
    const started = Date.now();
    const t = (0, plan_1.planTags)(i, env.ctx);
    if (!t.tags.length && i.mode !== 'by-digest')
        throw new errors_1.ActionError(`no tag rule matched ${env.ctx.ref || 'this ref'} (${env.ctx.event})`, 'tags', 'add a rule that always applies, e.g. type=sha or type=raw,value=dev');
    fs.rmSync(i.tempDir, { recursive: true, force: true });
    fs.mkdirSync(i.tempDir, { recursive: true, mode: 0o700 });
    const tools = {};
    for (const s of i.buildSecrets)
        tools[(0, plan_1.secretEnv)(s.id)] = s.value;
    if (i.password && i.push)
        await login(i, tools);
    let built;
    let decisions;
    if (i.builder === 'buildah')
        built = await buildah(i, env, tools, t);
    else if (i.mode === 'merge')
        built = await merge(i, tools, t);
    else {
        const b = await buildx(i, env, tools, t);
        decisions = b.d;
        built = b;
    }
    const pushed = built.digest !== '' && (i.push || i.mode !== 'push');
    const imageRef = pushed ? (0, oci_1.byDigest)(i.image, built.digest) : '';
    if (pushed)
        Object.assign(env.state, { image: i.image, digest: built.digest, imageRef });
    const tagsOut = i.mode === 'by-digest' ? built.pushedRefs : t.refs;
    const labels = Object.entries(t.labels).map(([k, v]) => `${k}=${v}`);
    const ms = Date.now() - started;
    const summary = new summary_1.Summary().heading('Build').table(['What', 'Value'], [
        ['Image', `\`${i.image}\``],
        ['Digest', built.digest ? `\`${built.digest}\`` : '(not pushed)'],
        ['Platforms', built.platforms.join(', ')],
        ['Tags', tagsOut.length ? tagsOut.map((r) => `\`${r}\``).join('<br>') : '(by digest only)'],
        [
            'Mode',
            `${i.builder} ${i.mode}${i.push ? '' : ', not pushed'}${decisions?.createBuilder ? ', docker-container builder' : ''}${decisions?.emulate.length ? `, QEMU for ${decisions.emulate.join(', ')}` : ''}`,
        ],
        ['Time', `${(ms / 1000).toFixed(1)} s${built.attempts > 1 ? ` (${built.attempts} attempts)` : ''}`],
    ]);
    summary.details('OCI labels', labels.join('\n'));
    log_1.log.info(`built ${i.image}${built.digest ? `@${built.digest}` : ''} for ${built.platforms.join(', ')}`);
    return {
        status: 'success',
        headline: `${tagsOut.length} tag${tagsOut.length === 1 ? '' : 's'}, ${built.platforms.length} platform${built.platforms.length === 1 ? '' : 's'}${pushed ? '' : ', not pushed'}`,
        summary,
        outputs: {
            image: i.image,
            digest: built.digest,
            'image-ref': imageRef,
            tags: tagsOut.join('\n'),
            labels: labels.join('\n'),
            metadata: JSON.stringify(built.metadata),
        },
    };
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


/***/ })

};
;