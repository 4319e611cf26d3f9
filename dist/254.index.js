"use strict";
exports.id = 254;
exports.ids = [254];
exports.modules = {

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

/***/ 73055:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.provenanceByPlatform = exports.normalizeRepo = exports.checkProvenance = exports.verifyImage = exports.signImage = exports.checkSigningKey = exports.GITHUB_ISSUER = exports.VERIFY_MODES = exports.SIGN_MODES = exports.oidcAvailable = exports.defaultIdentity = exports.signAnnotations = exports.resolveVerify = exports.resolveSign = void 0;
var settings_1 = __webpack_require__(87726);
Object.defineProperty(exports, "resolveSign", ({ enumerable: true, get: function () { return settings_1.resolveSign; } }));
Object.defineProperty(exports, "resolveVerify", ({ enumerable: true, get: function () { return settings_1.resolveVerify; } }));
Object.defineProperty(exports, "signAnnotations", ({ enumerable: true, get: function () { return settings_1.signAnnotations; } }));
Object.defineProperty(exports, "defaultIdentity", ({ enumerable: true, get: function () { return settings_1.defaultIdentity; } }));
Object.defineProperty(exports, "oidcAvailable", ({ enumerable: true, get: function () { return settings_1.oidcAvailable; } }));
Object.defineProperty(exports, "SIGN_MODES", ({ enumerable: true, get: function () { return settings_1.SIGN_MODES; } }));
Object.defineProperty(exports, "VERIFY_MODES", ({ enumerable: true, get: function () { return settings_1.VERIFY_MODES; } }));
Object.defineProperty(exports, "GITHUB_ISSUER", ({ enumerable: true, get: function () { return settings_1.GITHUB_ISSUER; } }));
var run_1 = __webpack_require__(47962);
Object.defineProperty(exports, "checkSigningKey", ({ enumerable: true, get: function () { return run_1.checkSigningKey; } }));
Object.defineProperty(exports, "signImage", ({ enumerable: true, get: function () { return run_1.signImage; } }));
Object.defineProperty(exports, "verifyImage", ({ enumerable: true, get: function () { return run_1.verifyImage; } }));
var provenance_1 = __webpack_require__(73180);
Object.defineProperty(exports, "checkProvenance", ({ enumerable: true, get: function () { return provenance_1.checkProvenance; } }));
Object.defineProperty(exports, "normalizeRepo", ({ enumerable: true, get: function () { return provenance_1.normalizeRepo; } }));
Object.defineProperty(exports, "provenanceByPlatform", ({ enumerable: true, get: function () { return provenance_1.provenanceByPlatform; } }));


/***/ }),

/***/ 73180:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.sourceOf = sourceOf;
exports.provenanceByPlatform = provenanceByPlatform;
exports.normalizeRepo = normalizeRepo;
exports.checkProvenance = checkProvenance;
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
const cosign_1 = __webpack_require__(6280);
const docker_1 = __webpack_require__(17163);
const BUILDKIT_METADATA = 'https://mobyproject.org/buildkit@v1#metadata';
/** What one platform's SLSA predicate says the image was built from. */
function sourceOf(slsa) {
    const vcs = slsa.metadata?.[BUILDKIT_METADATA]?.vcs;
    if (vcs?.source || vcs?.revision)
        return { source: vcs.source, revision: vcs.revision };
    const cs = slsa.invocation?.configSource;
    if (cs?.uri)
        return { source: cs.uri.replace(/#.*$/, ''), revision: cs.digest?.sha1 ?? cs.digest?.sha256 };
    return {};
}
/**
 * `imagetools inspect --format '{{json .Provenance}}'` prints `{"SLSA": ...}` for a single-platform image,
 * `{"linux/amd64": {"SLSA": ...}, ...}` for an index, and `{}` when there is no attestation.
 */
function provenanceByPlatform(json) {
    const doc = JSON.parse(json);
    if (doc.SLSA)
        return { image: sourceOf(doc.SLSA) };
    const out = {};
    for (const [platform, v] of Object.entries(doc)) {
        const slsa = v?.SLSA;
        if (slsa)
            out[platform] = sourceOf(slsa);
    }
    return out;
}
/**
 * host/path of a repository address in any of the forms git and buildx write: https with or without
 * credentials and .git, ssh://, or scp-like git@host:path.
 */
function normalizeRepo(url) {
    let u = url.trim();
    const scp = /^[\w.-]+@([^:/]+):(.+)$/.exec(u);
    if (scp)
        u = `${scp[1]}/${scp[2]}`;
    else
        u = u.replace(/^[a-z+]+:\/\//i, '').replace(/^[^@/]*@/, '');
    return u
        .replace(/\.git$/, '')
        .replace(/\/+$/, '')
        .toLowerCase();
}
/** Reads the attestation with `docker buildx imagetools inspect` and compares it with this run's repository and commit. */
async function checkProvenance(ref, ctx, o) {
    (0, cosign_1.splitDigestRef)(ref, o.refInput);
    if (!ctx.repositoryUrl || !ctx.sha)
        throw new errors_1.ActionError('needs the repository and the commit being deployed, and this run knows neither', 'require-provenance', 'run in a GitHub or GitLab job or a git checkout with a remote, or set require-provenance: false');
    const r = await (0, exec_1.exec)((0, docker_1.imagetoolsInspectArgv)(ref, '{{json .Provenance}}'), {
        env: o.env,
        timeoutMs: 120_000,
    });
    if (r.exitCode !== 0) {
        const err = r.stderr.trim().split('\n').pop() ?? '';
        const notFound = (0, docker_1.classifyDockerFailure)(r) === 'not-found';
        throw new errors_1.ActionError(`the provenance of ${ref} could not be read: ${err.replace(/^ERROR:\s*/, '')}`, notFound ? o.refInput : 'require-provenance', notFound
            ? 'give the digest that build pushed'
            : 'check that the registry is reachable with the credentials deploy has, or set require-provenance: false');
    }
    const byPlatform = provenanceByPlatform(r.stdout);
    const want = normalizeRepo(ctx.repositoryUrl);
    const expected = `${ctx.repository ?? want}@${ctx.sha}`;
    const platforms = Object.keys(byPlatform);
    if (!platforms.length)
        throw new errors_1.ActionError(`${ref} has no provenance attestation, so nothing says it was built from ${expected}`, 'require-provenance', 'build with provenance: mode=max (the build default) and push, or set require-provenance: false');
    for (const [platform, s] of Object.entries(byPlatform)) {
        const where = platforms.length > 1 || platform !== 'image' ? ` (${platform})` : '';
        if (!s.source || !s.revision)
            throw new errors_1.ActionError(`the provenance of ${ref}${where} names no source repository and commit`, 'require-provenance', 'build from a git checkout whose origin is this repository, so buildx records it, or set require-provenance: false');
        if (normalizeRepo(s.source) !== want || s.revision !== ctx.sha)
            throw new errors_1.ActionError(`${ref}${where} was built from ${s.source}@${s.revision}, not ${expected}`, 'require-provenance', 'deploy the digest that this commit built, or set require-provenance: false');
    }
    const first = byPlatform[platforms[0]];
    log_1.log.info(`provenance of ${ref}: built from ${first.source}@${first.revision} (${platforms.join(', ')})`);
    return { platforms, source: first.source, revision: first.revision, durationMs: r.durationMs };
}


/***/ }),

/***/ 47962:
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
exports.signImage = signImage;
exports.checkSigningKey = checkSigningKey;
exports.verifyImage = verifyImage;
const node_crypto_1 = __webpack_require__(77598);
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const cleanup_1 = __webpack_require__(72691);
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
const cosign_1 = __webpack_require__(6280);
const settings_1 = __webpack_require__(87726);
/** A fresh directory for key material, removed at the end of the job whatever happens. */
function keyDir(tempDir) {
    const dir = path.join(tempDir, `cosign-${(0, node_crypto_1.randomBytes)(6).toString('hex')}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    (0, cleanup_1.addCleanup)({ kind: 'remove', path: dir });
    return dir;
}
const dockerEnv = (o) => (o.dockerConfig ? { DOCKER_CONFIG: o.dockerConfig } : {});
/** Signs the pushed digest (the index for several platforms) with the annotations of this run. */
async function signImage(s, ctx, o) {
    (0, cosign_1.splitDigestRef)(o.ref, o.refInput);
    const cosign = await (0, cosign_1.cosignPath)(o.install);
    let dir;
    let password = '';
    let keyFile;
    if (s.mode === 'key') {
        (0, log_1.registerSecret)(s.privateKey);
        (0, log_1.registerSecret)(s.password);
        password = s.password;
        dir = keyDir(o.tempDir);
        keyFile = (0, cosign_1.writeKeyFile)(dir, 'cosign.key', s.privateKey);
    }
    const plan = {
        mode: s.mode,
        ref: o.ref,
        keyFile,
        transparencyLog: s.transparencyLog,
        plainHttp: o.plainHttp,
        annotations: (0, settings_1.signAnnotations)(ctx),
        inputs: { ref: o.refInput },
    };
    try {
        const r = await (0, exec_1.exec)((0, cosign_1.signArgv)(cosign, plan), {
            env: (0, cosign_1.signEnv)(plan, password, dockerEnv(o)),
            timeoutMs: o.timeoutMs ?? 300_000,
        });
        if (r.exitCode !== 0)
            throw (0, cosign_1.signFailure)(r, plan);
        const signature = (0, cosign_1.signatureRef)(`${r.stderr}\n${r.stdout}`, o.ref);
        log_1.log.info(`signed ${o.ref} (${s.mode}${s.transparencyLog ? ', recorded in the transparency log' : ''}): ${signature}`);
        return { signature, mode: s.mode, durationMs: r.durationMs };
    }
    finally {
        // The post step removes it too; no reason to keep the key on disk until then.
        if (dir)
            fs.rmSync(dir, { recursive: true, force: true });
    }
}
/**
 * Key mode: cosign decrypts cosign-private-key with cosign-password once before the build, so a wrong
 * password or a key cosign cannot read fails before anything is pushed, in the same one line as signing.
 */
async function checkSigningKey(s, o) {
    const cosign = await (0, cosign_1.cosignPath)(o.install);
    (0, log_1.registerSecret)(s.privateKey);
    (0, log_1.registerSecret)(s.password);
    const dir = keyDir(o.tempDir);
    const plan = {
        mode: 'key',
        ref: '',
        keyFile: (0, cosign_1.writeKeyFile)(dir, 'cosign.key', s.privateKey),
        transparencyLog: s.transparencyLog,
        plainHttp: false,
        annotations: {},
        inputs: { ref: 'image' },
    };
    try {
        const r = await (0, exec_1.exec)((0, cosign_1.publicKeyArgv)(cosign, plan.keyFile), {
            env: (0, cosign_1.signEnv)(plan, s.password),
            timeoutMs: o.timeoutMs ?? 60_000,
        });
        if (r.exitCode !== 0)
            throw (0, cosign_1.signFailure)(r, plan);
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
/**
 * Checks that the digest carries a signature by the key, or by the identity, deploy accepts. Refusals are
 * ActionErrors naming the input; nothing else has run against the cluster by then.
 */
async function verifyImage(s, o) {
    (0, cosign_1.splitDigestRef)(o.ref, o.refInput);
    const cosign = await (0, cosign_1.cosignPath)(o.install);
    let dir;
    const common = {
        ref: o.ref,
        transparencyLog: s.transparencyLog,
        plainHttp: o.plainHttp,
        inputs: { ref: o.refInput },
    };
    let plan;
    if (s.mode === 'key') {
        dir = keyDir(o.tempDir);
        plan = { ...common, mode: 'key', publicKeyFile: (0, cosign_1.writeKeyFile)(dir, 'cosign.pub', s.publicKey) };
    }
    else
        plan = { ...common, mode: 'keyless', identity: s.identity };
    try {
        const r = await (0, exec_1.exec)((0, cosign_1.verifyArgv)(cosign, plan), {
            env: (0, cosign_1.verifyEnv)(dockerEnv(o)),
            timeoutMs: o.timeoutMs ?? 120_000,
        });
        if (r.exitCode !== 0)
            throw (0, cosign_1.verifyFailure)(r, plan);
        const signatures = (0, cosign_1.parseVerified)(r.stdout);
        if (!signatures.length)
            throw (0, cosign_1.verifyFailure)({ ...r, stderr: `${r.stderr}\nno signatures found` }, plan);
        const a = signatures[0].annotations;
        log_1.log.info(`verified ${o.ref}: ${signatures.length} signature${signatures.length === 1 ? '' : 's'} (${s.mode})${a.commit ? `, signed for ${a.repository || '?'}@${a.commit}` : ''}`);
        return { signatures, durationMs: r.durationMs };
    }
    finally {
        if (dir)
            fs.rmSync(dir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 87726:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GITHUB_ISSUER = exports.VERIFY_MODES = exports.SIGN_MODES = void 0;
exports.oidcAvailable = oidcAvailable;
exports.resolveSign = resolveSign;
exports.signAnnotations = signAnnotations;
exports.defaultIdentity = defaultIdentity;
exports.resolveVerify = resolveVerify;
const errors_1 = __webpack_require__(83916);
exports.SIGN_MODES = ['auto', 'keyless', 'key', 'off'];
exports.VERIFY_MODES = ['off', 'key', 'keyless'];
exports.GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
function bool(raw, input, fallback) {
    const v = raw.trim().toLowerCase();
    if (!v)
        return fallback;
    if (v === 'true' || v === 'false')
        return v === 'true';
    throw new errors_1.ActionError(`'${raw.trim()}' is not a boolean`, input, 'use true or false');
}
function oneOf(raw, input, allowed, fallback) {
    const v = raw.trim() || fallback;
    if (!allowed.includes(v))
        throw new errors_1.ActionError(`'${v}' is not one of ${allowed.join(', ')}`, input, `use one of ${allowed.join(', ')}`);
    return v;
}
/** An OIDC token cosign can pick up without being handed one: GitHub's token service, or GitLab's id_tokens. */
function oidcAvailable(ctx, env) {
    if (ctx.platform === 'github')
        return !!env.ACTIONS_ID_TOKEN_REQUEST_URL && !!env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    return !!env.SIGSTORE_ID_TOKEN;
}
const NO_TOKEN_FIX = 'give the job permissions id-token: write (GitHub) or id_tokens: SIGSTORE_ID_TOKEN with aud: sigstore (GitLab), or use sign: key';
/**
 * `auto` signs with the key when one is given, keyless where the job can get an OIDC token, and not at all
 * elsewhere, saying so in one line. Keyless certificates live ten minutes: without the transparency log
 * nothing could verify them later, so keyless requires it.
 */
function resolveSign(raw, ctx, env = process.env) {
    const requested = oneOf(raw.sign, 'sign', exports.SIGN_MODES, 'auto');
    const transparencyLog = bool(raw['transparency-log'], 'transparency-log', true);
    const privateKey = raw['cosign-private-key'].trim();
    const password = raw['cosign-password'];
    if (requested === 'off')
        return { mode: 'off' };
    if (requested === 'key' || (requested === 'auto' && privateKey)) {
        if (!privateKey)
            throw new errors_1.ActionError('is required with sign: key', 'cosign-private-key', 'pass the contents of cosign.key from `cosign generate-key-pair` as a secret');
        if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey))
            throw new errors_1.ActionError('is not a PEM private key', 'cosign-private-key', 'pass the contents of cosign.key (-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----), not its path or the public key');
        return {
            mode: 'key',
            transparencyLog,
            privateKey,
            password,
            note: requested === 'auto' ? 'sign: auto signs with cosign-private-key' : undefined,
        };
    }
    if (requested === 'keyless') {
        if (!transparencyLog)
            throw new errors_1.ActionError('keyless signing needs the transparency log', 'transparency-log', 'set transparency-log: true, or use sign: key for a private or offline registry');
        if (!oidcAvailable(ctx, env))
            throw new errors_1.ActionError('keyless signing needs an OIDC token and this job has none', 'sign', NO_TOKEN_FIX);
        return { mode: 'keyless', transparencyLog: true };
    }
    if (!oidcAvailable(ctx, env))
        return {
            mode: 'off',
            note: `sign: auto does not sign here: no OIDC token for keyless signing (${ctx.platform === 'github' ? 'the job lacks permissions id-token: write' : 'no SIGSTORE_ID_TOKEN'}) and no cosign-private-key`,
        };
    if (!transparencyLog)
        return {
            mode: 'off',
            note: 'sign: auto does not sign here: keyless signing needs transparency-log: true; use sign: key for a private registry',
        };
    return { mode: 'keyless', transparencyLog: true, note: 'sign: auto signs keyless with the job OIDC token' };
}
/** repository, commit, ref and run: what a signature says about where it was made. */
function signAnnotations(ctx) {
    return {
        repository: ctx.repository ?? '',
        commit: ctx.sha,
        ref: ctx.ref,
        run: ctx.runUrl ?? '',
    };
}
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The identity a keyless signature of this repository carries: the certificate's subject is the workflow
 * that signed (GitHub: https://github.com/OWNER/REPO/.github/workflows/FILE@REF; GitLab:
 * https://gitlab.example/GROUP/PROJECT//CONFIG@REF), its issuer the platform's token service.
 */
function defaultIdentity(ctx) {
    if (!ctx.repositoryUrl)
        return undefined;
    const base = escapeRegExp(ctx.repositoryUrl.replace(/\/+$/, ''));
    if (ctx.platform === 'github')
        return { identityRegexp: `^${base}/\\.github/workflows/[^@]+@refs/.+$`, issuer: exports.GITHUB_ISSUER };
    if (ctx.platform === 'gitlab')
        return { identityRegexp: `^${base}//[^@]+@refs/.+$`, issuer: new URL(ctx.repositoryUrl).origin };
    return undefined;
}
function resolveVerify(raw, ctx) {
    const mode = oneOf(raw['verify-signature'], 'verify-signature', exports.VERIFY_MODES, 'off');
    const transparencyLog = bool(raw['transparency-log'], 'transparency-log', true);
    if (mode === 'off')
        return { mode };
    if (mode === 'key') {
        const publicKey = raw['cosign-public-key'].trim();
        if (!publicKey)
            throw new errors_1.ActionError('is required with verify-signature: key', 'cosign-public-key', 'pass the contents of cosign.pub, the public half of the key build signs with');
        if (!/-----BEGIN PUBLIC KEY-----/.test(publicKey))
            throw new errors_1.ActionError('is not a PEM public key', 'cosign-public-key', 'pass the contents of cosign.pub (-----BEGIN PUBLIC KEY-----)');
        return { mode, transparencyLog, publicKey };
    }
    if (!transparencyLog)
        throw new errors_1.ActionError('keyless signatures are verified against the transparency log', 'transparency-log', 'set transparency-log: true, or sign and verify with a key (verify-signature: key)');
    const identity = raw['certificate-identity'].trim();
    const identityRegexp = raw['certificate-identity-regexp'].trim();
    if (identity && identityRegexp)
        throw new errors_1.ActionError('cannot be combined with certificate-identity', 'certificate-identity-regexp', 'give one of certificate-identity and certificate-identity-regexp');
    if (identityRegexp) {
        try {
            new RegExp(identityRegexp);
        }
        catch (e) {
            throw new errors_1.ActionError(`'${identityRegexp}' is not a regular expression (${e.message})`, 'certificate-identity-regexp', 'escape the dots and slashes, e.g. ^https://github\\.com/OWNER/REPO/\\.github/workflows/.+$');
        }
    }
    const fallback = defaultIdentity(ctx);
    const issuer = raw['certificate-oidc-issuer'].trim() || fallback?.issuer;
    if (!identity && !identityRegexp && !fallback)
        throw new errors_1.ActionError('is required with verify-signature: keyless outside GitHub and GitLab', 'certificate-identity', 'give the identity that signs in build (the signing certificate subject)');
    if (!issuer)
        throw new errors_1.ActionError('is required with verify-signature: keyless outside GitHub and GitLab', 'certificate-oidc-issuer', 'give the OIDC issuer of the signing identity, e.g. https://token.actions.githubusercontent.com');
    // On GitHub the certificate must also say the run was for this repository, whichever workflow signed.
    const githubRepository = ctx.platform === 'github' && issuer === exports.GITHUB_ISSUER ? ctx.repository : undefined;
    const who = identity ? { identity } : { identityRegexp: identityRegexp || fallback.identityRegexp };
    return {
        mode,
        transparencyLog: true,
        identity: { ...who, issuer, ...(githubRepository ? { githubRepository } : {}) },
    };
}


/***/ }),

/***/ 6280:
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
exports.OIDC_ENV = void 0;
exports.splitDigestRef = splitDigestRef;
exports.signArgv = signArgv;
exports.publicKeyArgv = publicKeyArgv;
exports.verifyArgv = verifyArgv;
exports.signEnv = signEnv;
exports.verifyEnv = verifyEnv;
exports.signatureRef = signatureRef;
exports.signFailure = signFailure;
exports.verifyFailure = verifyFailure;
exports.parseVerified = parseVerified;
exports.cosignPath = cosignPath;
exports.writeKeyFile = writeKeyFile;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const log_1 = __webpack_require__(46472);
const install_1 = __webpack_require__(54884);
const path_1 = __webpack_require__(70836);
const pinned_1 = __webpack_require__(47409);
/** `<repository>@sha256:<hex>` split in two; anything else is refused before cosign runs. */
function splitDigestRef(ref, input) {
    const m = /^([^@\s]+)@(sha256:[a-f0-9]{64})$/.exec(ref);
    if (!m)
        throw new errors_1.ActionError(`'${ref}' is not an image reference by digest`, input, 'give <registry>/<repository>@sha256:<digest>, e.g. the image-ref output of build');
    return { repository: m[1], digest: m[2] };
}
function signArgv(cosign, p) {
    return [
        cosign,
        'sign',
        '--yes',
        ...(p.mode === 'key' ? ['--key', p.keyFile] : []),
        `--tlog-upload=${p.transparencyLog}`,
        ...(p.plainHttp ? ['--allow-http-registry'] : []),
        ...Object.entries(p.annotations)
            .filter(([, v]) => v)
            .flatMap(([k, v]) => ['-a', `${k}=${v}`]),
        p.ref,
    ];
}
/** Decrypts the private key and prints its public half: proves key and password before anything is pushed. */
function publicKeyArgv(cosign, keyFile) {
    return [cosign, 'public-key', '--key', keyFile];
}
function verifyArgv(cosign, p) {
    const who = p.mode === 'key'
        ? ['--key', p.publicKeyFile]
        : [
            ...(p.identity.identity
                ? ['--certificate-identity', p.identity.identity]
                : ['--certificate-identity-regexp', p.identity.identityRegexp]),
            '--certificate-oidc-issuer',
            p.identity.issuer,
            ...(p.identity.githubRepository
                ? ['--certificate-github-workflow-repository', p.identity.githubRepository]
                : []),
        ];
    return [
        cosign,
        'verify',
        ...who,
        ...(p.transparencyLog ? [] : ['--insecure-ignore-tlog=true']),
        ...(p.plainHttp ? ['--allow-http-registry'] : []),
        '--output',
        'json',
        p.ref,
    ];
}
/**
 * Variables no cosign child inherits: the key's password (given only to the signing child, by signEnv) and
 * the secret inputs as the runner (INPUT_*) or the CLI (MCP_*) hold them.
 */
function withoutSecrets(env) {
    const out = { COSIGN_PASSWORD: undefined };
    for (const k of Object.keys(env))
        if (/^(INPUT_COSIGN-(PASSWORD|PRIVATE-KEY)|MCP_COSIGN_(PASSWORD|PRIVATE_KEY))$/i.test(k))
            out[k] = undefined;
    return out;
}
/**
 * What keyless cosign needs to get the job's OIDC token: GitHub's token request address and token, or
 * GitLab's id_tokens variable. exec keeps them from every other tool.
 */
exports.OIDC_ENV = [
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'SIGSTORE_ID_TOKEN',
];
/**
 * The environment changes for the signing child. In key mode COSIGN_PASSWORD is always set, empty for a key
 * without one: without it cosign asks on the terminal, and a job has none. In keyless mode it gets the
 * OIDC variables, and only then.
 */
function signEnv(p, password, extra = {}, env = process.env) {
    const oidc = p.mode === 'keyless' ? Object.fromEntries(exports.OIDC_ENV.filter((k) => env[k]).map((k) => [k, env[k]])) : {};
    return {
        ...withoutSecrets(env),
        ...oidc,
        ...extra,
        ...(p.mode === 'key' ? { COSIGN_PASSWORD: password } : {}),
    };
}
function verifyEnv(extra = {}, env = process.env) {
    return { ...withoutSecrets(env), ...extra };
}
/**
 * Where the signature went. cosign prints the repository it pushed to ("Pushing signature to: <repo>"),
 * which COSIGN_REPOSITORY can move away from the image's; the tag there is `sha256-<hex>.sig`.
 */
function signatureRef(output, ref) {
    const { repository, digest } = splitDigestRef(ref, 'image');
    const pushedTo = /Pushing signature to:\s*(\S+)/.exec(output)?.[1] ?? repository;
    return `${pushedTo}:${digest.replace(':', '-')}.sig`;
}
/** The registry part of a reference, for messages. */
const registryOf = (ref) => ref.split('/')[0];
/** The last error line cosign printed, without its "Error: " and the command wrapper lines. */
function lastError(r) {
    const lines = `${r.stderr}\n${r.stdout}`
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^WARNING:|^error during command execution:/.test(l));
    const err = [...lines].reverse().find((l) => l.startsWith('Error:')) ?? lines[lines.length - 1] ?? '';
    return err.replace(/^Error:\s*/, '');
}
const UNREACHABLE = /connection refused|no such host|i\/o timeout|dial tcp|TLS handshake|server gave HTTP response to HTTPS client|could not parse reference|context deadline exceeded/i;
const UNAUTHORIZED = /UNAUTHORIZED|authentication required|401 Unauthorized|DENIED|403 Forbidden/i;
const NOT_FOUND = /MANIFEST_UNKNOWN|NAME_UNKNOWN|manifest unknown|404 Not Found/i;
/** Failures about the registry, the same whether signing or verifying. */
function registryFailure(r, ref, input) {
    const text = `${r.stderr}\n${r.stdout}`;
    const registry = registryOf(ref);
    if (UNAUTHORIZED.test(text))
        return new errors_1.ActionError(`registry ${registry} refused cosign's credentials for ${ref}`, input, 'log in to the registry first (the same credentials as the push), with read and write access for signing');
    if (NOT_FOUND.test(text))
        return new errors_1.ActionError(`${ref} is not in registry ${registry}`, input, 'give the digest that was pushed');
    if (UNREACHABLE.test(text))
        return new errors_1.ActionError(`registry ${registry} could not be reached for ${ref}: ${lastError(r)}`, input, 'check the registry address and that this runner can reach it; a plain-HTTP registry off loopback needs registry-insecure: true');
    return undefined;
}
/** One line for a failed `cosign sign`, naming the input to change. */
function signFailure(r, p) {
    const text = `${r.stderr}\n${r.stdout}`;
    if (r.timedOut)
        return new Error(`cosign sign ${p.ref} timed out after ${Math.round(r.durationMs / 1000)} s`);
    if (p.mode === 'key' && /decrypt|decryption failed|incorrect passphrase/i.test(text))
        return new errors_1.ActionError('cosign could not decrypt cosign-private-key with this password', 'cosign-password', 'give the password the key pair was generated with (COSIGN_PASSWORD of `cosign generate-key-pair`)');
    if (p.mode === 'key' &&
        /reading key|invalid pem|pem block|unsupported pem|parsing private key|loading private key/i.test(text))
        return new errors_1.ActionError(`cosign cannot read cosign-private-key: ${lastError(r).replace(/^.*reading key:\s*/, '')}`, 'cosign-private-key', 'give the cosign.key file that `cosign generate-key-pair` wrote (-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----)');
    if (p.mode === 'keyless' &&
        /OIDC|identity token|id[-_ ]token|getting signer|fulcio|rekor|tlog|transparency/i.test(text) &&
        !UNAUTHORIZED.test(text))
        return new errors_1.ActionError(`keyless signing of ${p.ref} failed: ${lastError(r)}`, 'sign', 'give the job an OIDC token (GitHub: permissions id-token: write; GitLab: id_tokens SIGSTORE_ID_TOKEN with aud sigstore) and access to Fulcio and Rekor, or use sign: key');
    return (registryFailure(r, p.ref, p.inputs.ref) ??
        new Error(`cosign sign ${p.ref} failed (exit ${r.exitCode}): ${lastError(r)}`));
}
/** One line for a refused `cosign verify`: what was found, and the input that decides what is accepted. */
function verifyFailure(r, p) {
    const text = `${r.stderr}\n${r.stdout}`;
    if (r.timedOut)
        return new Error(`cosign verify ${p.ref} timed out after ${Math.round(r.durationMs / 1000)} s`);
    if (p.mode === 'key' && /loading public key|pem to public key/i.test(text))
        return new errors_1.ActionError(`cosign cannot read cosign-public-key: ${lastError(r).replace(/^loading public key:\s*/, '')}`, 'cosign-public-key', 'pass the contents of cosign.pub (-----BEGIN PUBLIC KEY-----)');
    if (/no signatures found/i.test(text))
        return new errors_1.ActionError(`${p.ref} is not signed: cosign found no signature for it`, 'verify-signature', `deploy a digest that build signed (sign: ${p.mode}), or set verify-signature: off`);
    if (p.mode === 'key' &&
        /no matching signatures|invalid signature|signature mismatch|verification failure/i.test(text))
        return new errors_1.ActionError(`${p.ref} is signed, but not by the key in cosign-public-key (${lastError(r).replace(/^no matching signatures:\s*/, '')})`, 'cosign-public-key', 'give the public key of the pair whose private key build signs with (cosign.pub)');
    if (p.mode === 'keyless' &&
        /no matching signatures|none of the expected identities|expected .*issuer|certificate/i.test(text)) {
        const input = p.identity.identity ? 'certificate-identity' : 'certificate-identity-regexp';
        return new errors_1.ActionError(`${p.ref} is signed, but by no identity that matches ${p.identity.identity ?? p.identity.identityRegexp} from ${p.identity.issuer} (${lastError(r).replace(/^no matching signatures:\s*/, '')})`, input, `give the workflow identity that signs in build (${input}) and its issuer (certificate-oidc-issuer)`);
    }
    return (registryFailure(r, p.ref, p.inputs.ref) ??
        new Error(`cosign verify ${p.ref} failed (exit ${r.exitCode}): ${lastError(r)}`));
}
/** `cosign verify --output json` prints a JSON array of the payloads that passed. */
function parseVerified(stdout) {
    const line = stdout
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l.startsWith('['));
    if (!line)
        return [];
    const items = JSON.parse(line);
    return items.map((it) => {
        const optional = it.optional ?? {};
        const annotations = {};
        let subject;
        let issuer;
        for (const [k, v] of Object.entries(optional)) {
            if (k === 'Subject')
                subject = String(v);
            else if (k === 'Issuer')
                issuer = String(v);
            else if (typeof v === 'string')
                annotations[k] = v;
        }
        return { annotations, subject, issuer };
    });
}
/**
 * The cosign to run. A cosign 2.x that the system's package manager installed is used as is (Debian 13
 * packages 2.5.0 and builds it without a version stamp: `cosign version` says "devel"), identified by the
 * package database rather than trusted on its word; so is one on PATH at the pinned version. Anything else
 * is downloaded at the pinned version and checked against its sha256, like trivy.
 */
function cosignPath(opts = {}) {
    // Asked once per job step: `cosign version` alone takes a second on a busy runner.
    const key = JSON.stringify([opts.version, opts.usePath, opts.mirror, opts.table ? 'table' : '']);
    let p = resolved.get(key);
    if (!p) {
        p = findCosign(opts);
        p.catch(() => resolved.delete(key));
        resolved.set(key, p);
    }
    return p;
}
const resolved = new Map();
async function findCosign(opts) {
    const want = (opts.version || pinned_1.PINNED.cosign.version).replace(/^v/, '');
    const onPath = opts.usePath === false ? undefined : (0, path_1.which)('cosign');
    // The package database answers in milliseconds; starting cosign to ask it takes about a second.
    const pkg = onPath ? await packagedVersion(onPath) : undefined;
    if (pkg && /^2\./.test(pkg)) {
        log_1.log.info(`cosign ${pkg}: using ${onPath}, installed by the system's package manager`);
        return onPath;
    }
    return (0, install_1.ensureTool)('cosign', { ...opts, version: want });
}
/**
 * The Debian package version of cosign (e.g. 2.5.0 of cosign_2.5.0-2+b5) when that package installed `exe`,
 * else undefined. Its own file list says so; `dpkg-query -S` would read every package's list to find it.
 */
async function packagedVersion(exe) {
    const real = fs.realpathSync(exe);
    const owned = ['cosign.list', `cosign:${process.arch === 'x64' ? 'amd64' : process.arch}.list`].some((f) => {
        try {
            return fs.readFileSync(path.join('/var/lib/dpkg/info', f), 'utf8').split('\n').includes(real);
        }
        catch {
            return false;
        }
    });
    if (!owned)
        return undefined;
    const v = await (0, exec_1.exec)(['dpkg-query', '-W', '-f=${Version}', 'cosign'], { echo: false, timeoutMs: 30_000 });
    return v.exitCode === 0 ? (0, install_1.versionIn)(v.stdout) : undefined;
}
/**
 * Writes key material into `dir` (created 0700) as a 0600 file, for cosign's --key. The caller registers
 * the directory for removal (addCleanup), so the post step deletes it whatever happened.
 */
function writeKeyFile(dir, name, pem) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, name);
    fs.writeFileSync(file, pem.endsWith('\n') ? pem : `${pem}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    return file;
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


/***/ })

};
;