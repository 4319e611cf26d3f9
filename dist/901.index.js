"use strict";
exports.id = 901;
exports.ids = [901];
exports.modules = {

/***/ 49901:
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
exports.SHORT_SECRET_VARIABLES = exports.SECRET_INPUTS = exports.InputReader = exports.defaultOf = exports.STAGES = exports.INPUTS = exports.envName = void 0;
exports.splitList = splitList;
exports.parseDuration = parseDuration;
exports.parseStages = parseStages;
exports.actionSource = actionSource;
exports.cliSource = cliSource;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
const table_1 = __webpack_require__(85541);
Object.defineProperty(exports, "envName", ({ enumerable: true, get: function () { return table_1.envName; } }));
Object.defineProperty(exports, "INPUTS", ({ enumerable: true, get: function () { return table_1.INPUTS; } }));
Object.defineProperty(exports, "STAGES", ({ enumerable: true, get: function () { return table_1.STAGES; } }));
/** The table's default of an input ('' for a name the table does not have). */
const defaultOf = (name) => (0, table_1.inputSpec)(name)?.default ?? '';
exports.defaultOf = defaultOf;
/** The table's allowed values of a choice or subset input. */
function allowedOf(name) {
    const allowed = (0, table_1.inputSpec)(name)?.allowed;
    if (!allowed)
        throw new Error(`input ${name} has no allowed values in src/inputs/table.ts`);
    return allowed;
}
/** An HTTP header name: an RFC 9110 token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
class InputReader {
    source;
    constructor(source) {
        this.source = source;
    }
    /** Every reader falls back to the table's default (src/inputs/table.ts) when the input is empty. */
    string(name, fallback = (0, exports.defaultOf)(name)) {
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
    /**
     * HTTP headers, one `Name: value` a line (blank lines and `#` comments skipped). The input is a secret:
     * each value is registered for masking on its own, since a header value can be logged without its name.
     */
    headers(name, example) {
        const headers = {};
        for (const line of this.secret(name)
            .split(/\r?\n/)
            .map((l) => l.trim())) {
            if (!line || line.startsWith('#'))
                continue;
            const colon = line.indexOf(':');
            const key = colon > 0 ? line.slice(0, colon).trim() : '';
            if (!HEADER_NAME.test(key))
                throw new errors_1.ActionError(`a line is not 'Name: value'`, name, `write one header a line, e.g. ${example}`);
            const value = line.slice(colon + 1).trim();
            (0, log_1.registerSecret)(value);
            headers[key] = value;
        }
        return headers;
    }
    /** Newline or comma separated; blank items and `#` comments dropped. */
    list(name, fallback = splitList((0, exports.defaultOf)(name))) {
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
    bool(name, fallback = (0, exports.defaultOf)(name) === 'true') {
        const v = this.string(name).toLowerCase();
        if (!v)
            return fallback;
        if (v === 'true')
            return true;
        if (v === 'false')
            return false;
        throw new errors_1.ActionError(`'${this.string(name)}' is not a boolean`, name, `use true or false`);
    }
    oneOf(name, allowed = allowedOf(name), fallback = (0, exports.defaultOf)(name)) {
        const v = this.string(name);
        if (!v)
            return fallback;
        if (!allowed.includes(v))
            throw new errors_1.ActionError(`'${v}' is not allowed`, name, `use one of: ${allowed.join(', ')}`);
        return v;
    }
    /** A list whose every item must be one of `allowed`. */
    subset(name, allowed = allowedOf(name), fallback = splitList((0, exports.defaultOf)(name))) {
        const items = this.list(name, fallback).map((s) => s.toLowerCase());
        const bad = items.filter((i) => !allowed.includes(i));
        if (bad.length)
            throw new errors_1.ActionError(`unknown value ${bad.map((b) => `'${b}'`).join(', ')}`, name, `use any of: ${allowed.join(', ')}`);
        return [...new Set(items)];
    }
    int(name, fallback = Number((0, exports.defaultOf)(name)), min = (0, table_1.inputSpec)(name)?.min ?? 0, max = (0, table_1.inputSpec)(name)?.max ?? Number.MAX_SAFE_INTEGER) {
        const v = this.string(name);
        if (!v)
            return fallback;
        const n = Number(v);
        if (!Number.isInteger(n) || n < min || n > max)
            throw new errors_1.ActionError(`'${v}' is not a whole number from ${min} to ${max}`, name, `give a number like ${fallback}`);
        return n;
    }
    /** `90`, `90s`, `5m`, `1h30m` -> seconds. */
    duration(name, fallback = (0, exports.defaultOf)(name)) {
        const v = this.string(name, fallback);
        const s = parseDuration(v);
        if (s === undefined)
            throw new errors_1.ActionError(`'${v}' is not a duration`, name, `write it like 90s, 5m or 1h30m`);
        return s;
    }
    /** A directory that must exist, resolved against `base`. */
    directory(name, base, fallback = (0, exports.defaultOf)(name)) {
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
    const wanted = r.subset('stages');
    if (!wanted.length)
        throw new errors_1.ActionError('names no stage', 'stages', `use any of: ${table_1.STAGES.join(', ')}`);
    return table_1.STAGES.filter((s) => wanted.includes(s));
}
/** The action's own INPUT_* variables, read the way the runner sets them (name upper-cased, spaces to _). */
function actionSource(env = process.env) {
    return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}
/** Inputs that hold secrets: on the command line they would show in `ps` and in shell history. */
exports.SECRET_INPUTS = Object.keys(table_1.INPUTS).filter((n) => 'secret' in table_1.INPUTS[n]);
/**
 * `mcp-deploy verify` once documented these shorter names: still read, so existing setups keep working, but
 * MCP_<INPUT> is the name the docs give, and the one `run`, `plan` and the GitLab template use.
 */
exports.SHORT_SECRET_VARIABLES = {
    'mcp-token': 'MCP_TOKEN',
    'mcp-headers': 'MCP_HEADERS',
};
/**
 * CLI flags first, then MCP_* variables (MCP_WORKING_DIRECTORY for working-directory): how the GitLab
 * template configures the same core. Secrets come from the environment only.
 */
function cliSource(flags, env = process.env) {
    const secret = exports.SECRET_INPUTS.find((s) => flags[s] !== undefined);
    if (secret)
        throw new errors_1.ActionError(`--${secret} would put a secret in the process list and shell history`, secret, `export ${(0, table_1.envName)(secret)} instead`);
    return (name) => {
        if (flags[name] !== undefined)
            return flags[name];
        const main = env[(0, table_1.envName)(name)];
        const short = exports.SHORT_SECRET_VARIABLES[name];
        const alias = short ? env[short] : undefined;
        if (main && alias && main !== alias)
            throw new errors_1.ActionError(`${(0, table_1.envName)(name)} and ${short} are both set, to different values`, name, `set ${(0, table_1.envName)(name)} only`);
        return main || alias || '';
    };
}


/***/ }),

/***/ 85541:
/***/ ((__unused_webpack_module, exports) => {


/**
 * The one declaration of every input and output of mcp-deploy. action.yml, the five <stage>/action.yml,
 * the README tables (scripts/generate.mjs writes them), the CLI's flags and MCP_* variables, and the
 * defaults the typed reader (./index.ts) falls back to all come from here. Adding an input is one entry
 * here plus reading it in its stage (docs/architecture.md).
 *
 * This file imports nothing: scripts/generate.mjs loads it by transpiling it alone.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.flagName = exports.envName = exports.sectionOf = exports.inputSpec = exports.OUTPUTS = exports.INPUTS = exports.STAGES = void 0;
exports.STAGES = ['gates', 'build', 'scan', 'deploy', 'verify'];
const ALL = exports.STAGES;
const TRISTATE = ['auto', 'true', 'false'];
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
exports.INPUTS = {
    stages: {
        section: 'common',
        stages: [],
        kind: 'subset',
        allowed: exports.STAGES,
        default: 'gates',
        description: 'Stages to run, comma or newline separated, in any order (they always run as gates, build, scan, deploy, verify).',
    },
    'working-directory': {
        section: 'common',
        stages: ALL,
        kind: 'directory',
        default: '.',
        description: 'Directory of the crate (the one with Cargo.toml), relative to the repository root.',
    },
    toolchain: {
        stages: ['gates', 'build'],
        kind: 'string',
        default: '',
        description: 'Rust toolchain for cargo (`cargo +<toolchain>`), e.g. stable or 1.95.0. Empty uses the cargo on PATH.',
    },
    features: {
        stages: ['gates'],
        kind: 'list',
        default: '',
        description: 'Cargo features for clippy and test, comma or newline separated; `all` means --all-features.',
    },
    'clippy-args': {
        stages: ['gates'],
        kind: 'words',
        default: '-D warnings',
        description: 'Arguments after `--` for clippy. The default denies every warning.',
    },
    'test-args': {
        stages: ['gates'],
        kind: 'words',
        default: '',
        description: 'Extra arguments for `cargo test`, e.g. `--workspace` or `-- --test-threads 1`.',
    },
    audit: {
        stages: ['gates'],
        kind: 'boolean',
        default: 'true',
        description: 'Run `cargo audit` on Cargo.lock as a gate.',
    },
    'audit-ignore': {
        stages: ['gates'],
        kind: 'list',
        default: '',
        description: 'RustSec advisory IDs to ignore, comma or newline separated (e.g. RUSTSEC-2023-0071).',
    },
    'audit-deny': {
        stages: ['gates'],
        kind: 'subset',
        allowed: ['unmaintained', 'unsound', 'yanked'],
        default: '',
        description: 'Warning kinds that fail the audit gate like a vulnerability does, any of unmaintained, unsound, yanked.',
    },
    'fail-fast': {
        stages: ['gates'],
        kind: 'boolean',
        default: 'false',
        description: 'Stop at the first failing gate instead of running every gate and reporting all problems at once.',
    },
    image: {
        stages: ['build'],
        kind: 'string',
        default: '',
        description: 'Repository to push to, lower case, without tag (e.g. ghcr.io/owner/server). Empty uses ghcr.io/<owner>/<repo> on GitHub and $CI_REGISTRY_IMAGE on GitLab.',
    },
    registry: {
        stages: ['build'],
        kind: 'string',
        default: '',
        description: 'Registry to log in to. Empty uses the host of `image` (docker.io when it has none).',
    },
    username: {
        stages: ['build', 'scan'],
        kind: 'string',
        default: '',
        description: 'Registry user. Empty uses github.actor on GitHub and $CI_REGISTRY_USER on GitLab.',
    },
    password: {
        stages: ['build', 'scan'],
        kind: 'string',
        secret: true,
        default: '',
        description: 'Registry password or token, e.g. the workflow token secrets.GITHUB_TOKEN (with permission packages write) for ghcr.io. Masked, given to `docker login` on stdin, logged out in the post step. Empty skips the login (GitLab uses $CI_REGISTRY_PASSWORD for its own registry).',
    },
    tags: {
        stages: ['build'],
        kind: 'lines',
        default: '',
        description: 'Tag rules in docker/metadata-action syntax, one a line: type=ref,event=branch|tag|pr, type=semver,pattern={{version}} ({{major}}, {{minor}}, {{patch}}), type=sha (format=short|long), type=raw,value=..., type=edge, type=schedule; each takes enable=, prefix=, suffix=, priority=. Empty: the branch, pr-<n>, x.y.z and x.y of a version tag (only x.y.z-pre for a pre-release; the name of any other tag), sha-<7>.',
    },
    flavor: {
        stages: ['build'],
        kind: 'list',
        default: '',
        description: 'latest=auto|true|false (auto adds `latest` for a release version tag), prefix=..., suffix=... (add `,onlatest=true` to apply them to latest too).',
    },
    labels: {
        stages: ['build'],
        kind: 'lines',
        default: '',
        description: 'Extra image labels, KEY=VALUE one a line; they override the computed org.opencontainers.image.* labels.',
    },
    'build-context': {
        stages: ['build'],
        kind: 'directory',
        default: '.',
        description: 'Build context directory, relative to working-directory.',
    },
    dockerfile: {
        stages: ['build'],
        kind: 'string',
        default: '',
        description: 'Dockerfile, relative to working-directory. Empty uses Dockerfile in the build context.',
    },
    platforms: {
        stages: ['build'],
        kind: 'list',
        default: 'linux/amd64',
        description: 'Target platforms, comma or newline separated, e.g. linux/amd64,linux/arm64.',
    },
    target: {
        stages: ['build'],
        kind: 'string',
        default: '',
        description: 'Dockerfile stage to build (--target). Empty builds the last stage.',
    },
    'build-args': {
        stages: ['build'],
        kind: 'lines',
        default: '',
        description: 'Build arguments, NAME=value one a line.',
    },
    'build-secrets': {
        stages: ['build'],
        kind: 'lines',
        default: '',
        description: 'Build secrets, id=value one a line, mounted with `RUN --mount=type=secret,id=...`. Masked; handed to the builder through the environment, never the command line.',
    },
    push: {
        stages: ['build'],
        kind: 'choice',
        allowed: TRISTATE,
        default: 'auto',
        description: 'Push the image, true or false; auto pushes except for a pull request from a fork (which has no registry credentials).',
    },
    provenance: {
        stages: ['build'],
        kind: 'string',
        default: 'mode=max',
        description: 'Provenance attestation, false, true, mode=min or mode=max.',
    },
    sbom: {
        stages: ['build'],
        kind: 'boolean',
        default: 'false',
        description: 'Attach an SBOM attestation (needs the docker-container builder to pull its scanner).',
    },
    cache: {
        stages: ['build'],
        kind: 'choice',
        allowed: ['auto', 'gha', 'registry', 'none'],
        default: 'auto',
        description: 'Build cache, auto (gha on GitHub when the cache service is there, else none), gha, registry (`<image>:buildcache`) or none. gha and registry need a docker-container builder, which is created for them.',
    },
    'build-mode': {
        stages: ['build'],
        kind: 'choice',
        allowed: ['push', 'by-digest', 'merge'],
        default: 'push',
        description: "push (build and push all tags), by-digest (push this job's platforms by digest only and output the digest, for a matrix of native runners), or merge (join `digests` into one index with all the tags).",
    },
    digests: {
        stages: ['build'],
        kind: 'list',
        default: '',
        description: 'For build-mode merge, the digest outputs of the by-digest jobs, comma or newline separated.',
    },
    builder: {
        stages: ['build'],
        kind: 'choice',
        allowed: ['buildx', 'buildah'],
        default: 'buildx',
        description: 'buildx, or buildah (rootless, for GitLab runners without privileged docker-in-docker; build-mode push only).',
    },
    'builder-driver': {
        stages: ['build'],
        kind: 'choice',
        allowed: ['auto', 'docker', 'docker-container'],
        default: 'auto',
        description: 'auto creates a docker-container builder when the build needs one (cache export, by-digest, several platforms on an engine without the containerd image store); docker never does; docker-container always does.',
    },
    qemu: {
        stages: ['build'],
        kind: 'choice',
        allowed: TRISTATE,
        default: 'auto',
        description: 'Set up QEMU (tonistiigi/binfmt) for platforms the runner cannot run; auto does it only for those, true for every foreign one, false never (fine when the Dockerfile RUNs nothing).',
    },
    'binary-source': {
        stages: ['build'],
        kind: 'choice',
        allowed: ['docker', 'runner', 'auto'],
        default: 'docker',
        description: "Where the release binary is compiled: docker (the Dockerfile's builder stage), runner (`cargo build --release --locked --target <triple>` here, with the runner's cached target/, copied in through the Dockerfile's `prebuilt` stage), or auto (runner when this runner can build every platform and the Dockerfile has a `prebuilt` stage, else docker). See docs/rust-builds.md.",
    },
    'registry-insecure': {
        stages: ['build', 'scan', 'deploy'],
        kind: 'choice',
        allowed: TRISTATE,
        default: 'auto',
        description: 'Plain-HTTP registry; auto means true for localhost and 127.0.0.0/8 only.',
    },
    sign: {
        stages: ['build'],
        kind: 'choice',
        allowed: ['auto', 'keyless', 'key', 'off'],
        default: 'auto',
        description: 'Sign the pushed digest (the index for several platforms) with cosign: key (cosign-private-key), keyless (the job OIDC token: GitHub permissions id-token: write, GitLab id_tokens SIGSTORE_ID_TOKEN), off, or auto (key when cosign-private-key is set, else keyless where the job has an OIDC token, else off, said in one line). build-mode by-digest never signs: merge signs the index.',
    },
    'transparency-log': {
        stages: ['build', 'deploy'],
        kind: 'boolean',
        default: 'true',
        description: 'Record signatures in the Rekor transparency log and check for them when verifying. Keyless needs it; set false for a private or offline registry and sign with a key.',
    },
    'cosign-private-key': {
        stages: ['build'],
        kind: 'string',
        secret: true,
        default: '',
        description: 'For sign key: the contents of cosign.key (`cosign generate-key-pair`), from a secret. Masked, written 0600 for the one `cosign sign` and removed right after (and in the post step).',
    },
    'cosign-password': {
        stages: ['build'],
        kind: 'string',
        secret: true,
        default: '',
        description: 'The password of cosign-private-key, from a secret. Only the signing cosign process gets it (COSIGN_PASSWORD), never a command line.',
    },
    'push-retries': {
        stages: ['build'],
        kind: 'int',
        min: 0,
        max: 10,
        default: '3',
        description: 'Retries of a push that fails with a 5xx or a dropped connection (waiting 1, 2, 4 ... s); an authentication failure is never retried.',
    },
    'scan-allow-tag': {
        stages: ['scan'],
        kind: 'boolean',
        default: 'false',
        description: 'Let scan take a mutable tag as `image-ref` (with a warning). By default only name@sha256:<digest> is scanned, so what is deployed is what was scanned.',
    },
    severity: {
        stages: ['scan'],
        kind: 'subset',
        allowed: SEVERITIES,
        default: 'CRITICAL,HIGH,MEDIUM,LOW,UNKNOWN',
        description: 'Severities Trivy reports, comma separated, any of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN.',
    },
    'fail-on': {
        stages: ['scan'],
        kind: 'subset',
        allowed: SEVERITIES,
        default: 'CRITICAL,HIGH',
        description: 'Severities that fail the step (each must also be in `severity`), or `none` to report without failing.',
    },
    'ignore-unfixed': {
        stages: ['scan'],
        kind: 'boolean',
        default: 'false',
        description: 'Leave out vulnerabilities that have no fixed version yet.',
    },
    trivyignore: {
        stages: ['scan'],
        kind: 'string',
        default: '',
        description: 'Path of a .trivyignore file (IDs one a line, `exp:YYYY-MM-DD` to expire), relative to the repository root. Empty uses `.trivyignore` at the root when there is one.',
    },
    scanners: {
        stages: ['scan'],
        kind: 'subset',
        allowed: ['vuln', 'secret'],
        default: 'vuln',
        description: 'Trivy scanners, any of vuln, secret.',
    },
    // mirror.gcr.io first: Trivy's own default since ghcr.io began rate-limiting anonymous DB pulls.
    'trivy-db-repository': {
        stages: ['scan'],
        kind: 'list',
        default: 'mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2',
        description: 'OCI repositories of the Trivy DB, comma or newline separated, tried in order when one rate-limits or fails the download.',
    },
    'trivy-cache-dir': {
        stages: ['scan'],
        kind: 'string',
        default: '.cache/trivy',
        description: "Trivy's cache (its DB), relative to the repository root; keep it between runs with actions/cache.",
    },
    'trivy-version': {
        stages: ['scan'],
        kind: 'string',
        default: '0.69.3',
        description: 'Trivy version to install (checked against a pinned sha256). A version other than the pinned one needs `trivy-sha256`. A trivy on PATH at this version is used as is.',
    },
    'trivy-sha256': {
        stages: ['scan'],
        kind: 'string',
        default: '',
        description: "sha256 of the Trivy release asset for this runner, when `trivy-version` is not the pinned one (from the release's checksums.txt).",
    },
    'tools-mirror': {
        section: 'scan',
        stages: ['gates', 'build', 'scan', 'deploy'],
        kind: 'string',
        default: '',
        description: 'Base address that replaces the official release addresses of trivy, kubectl, cargo-audit and cosign (for every stage that installs one), for mirrors and air-gapped runners; assets are fetched from <mirror>/<tool>/<version>/<asset file name> and still checked against the pinned sha256.',
    },
    'sarif-file': {
        stages: ['scan'],
        kind: 'string',
        default: 'trivy-results.sarif',
        description: "Where to write the SARIF report (for github/codeql-action/upload-sarif), relative to the repository root; Trivy's JSON report goes next to it with a .json extension.",
    },
    'scan-timeout': {
        stages: ['scan'],
        kind: 'duration',
        default: '10m',
        description: 'Time Trivy may take for one scan, e.g. 10m.',
    },
    'image-ref': {
        section: 'deploy',
        stages: ['scan', 'deploy'],
        kind: 'string',
        default: '',
        description: 'Image by digest (`registry/name@sha256:<64 hex>`) for scan and deploy; deploy refuses a mutable tag. Empty uses the image the build stage of this run pushed; set together with a build stage in the same run it is refused (scan, deploy and verify act on what build pushed).',
    },
    kubeconfig: {
        stages: ['deploy'],
        kind: 'string',
        secret: true,
        default: '',
        description: 'Kubeconfig (YAML or base64 of it), from a secret. Masked, written 0600 under RUNNER_TEMP and removed in the post step. Empty uses KUBECONFIG or ~/.kube/config.',
    },
    context: {
        stages: ['deploy'],
        kind: 'string',
        default: '',
        description: 'Kubeconfig context to use. Empty uses its current-context.',
    },
    namespace: {
        stages: ['deploy', 'verify'],
        kind: 'string',
        default: '',
        description: "Namespace of the deployments (checked to exist before anything changes). Empty uses the context's namespace.",
    },
    strategy: {
        stages: ['deploy'],
        kind: 'choice',
        allowed: ['set-image', 'manifests'],
        default: '',
        description: 'How to roll out, `set-image` (`kubectl set image` on existing deployments) or `manifests` (apply `manifests` with the image pinned to the digest). Empty: `manifests` when `manifests` is given, else `set-image`.',
    },
    deployments: {
        stages: ['deploy', 'verify'],
        kind: 'list',
        default: '',
        description: 'Deployments to roll out, comma or newline separated, each `<deployment>` or `<deployment>=<container>`. Required for set-image; for manifests, empty waits for every Deployment in them.',
    },
    container: {
        stages: ['deploy'],
        kind: 'string',
        default: '',
        description: "Container whose image set-image replaces when a `deployments` item names none. Empty means each deployment's first container.",
    },
    manifests: {
        stages: ['deploy'],
        kind: 'directory',
        default: '',
        description: 'For strategy manifests, a directory of manifests or a kustomize overlay, relative to the repository root. Every image with the name of `image-ref` is pinned to its digest.',
    },
    'rollout-timeout': {
        stages: ['deploy'],
        kind: 'duration',
        default: '5m',
        description: 'How long to wait for the rollout (`kubectl rollout status --timeout`), e.g. 90s, 5m.',
    },
    'stuck-after': {
        stages: ['deploy'],
        kind: 'duration',
        default: '2m',
        description: 'How long a container of the new pods may stay in ImagePullBackOff, CrashLoopBackOff or another state that does not heal by itself before the rollout is failed (and rolled back) without waiting for rollout-timeout; 0 waits for the timeout.',
    },
    'rollback-on-failure': {
        stages: ['deploy'],
        kind: 'boolean',
        default: 'true',
        description: 'When the rollout fails, gather diagnostics and `kubectl rollout undo` to the revision that ran before.',
    },
    environment: {
        stages: ['deploy'],
        kind: 'string',
        default: '',
        description: 'Environment name (e.g. staging, production) for the summary and, with `github-token`, the GitHub deployment.',
    },
    'environment-url': {
        stages: ['deploy'],
        kind: 'string',
        default: '',
        description: 'URL of the deployed environment, shown on the GitHub deployment and in the summary.',
    },
    'github-token': {
        stages: ['deploy'],
        kind: 'string',
        secret: true,
        default: '',
        description: 'Token with `deployments write`, e.g. `github.token`. With `environment`, records a GitHub deployment and its statuses (in_progress, success, failure).',
    },
    lint: {
        stages: ['deploy'],
        kind: 'choice',
        allowed: ['error', 'warn', 'off'],
        default: 'error',
        description: 'The MCP deployment lint on `manifests` before anything changes: error (findings fail the deploy), warn (annotations only) or off.',
    },
    'mcp-path': {
        stages: ['deploy'],
        kind: 'string',
        default: '/mcp',
        description: 'Path of the MCP endpoint, for the lint (probes must not point at it).',
    },
    'mcp-sessions': {
        stages: ['deploy'],
        kind: 'choice',
        allowed: ['stateful', 'stateless'],
        default: 'stateful',
        description: 'Whether the server keeps MCP sessions in memory (stateful; more than one replica then needs session affinity) or not (stateless), for the lint.',
    },
    'verify-signature': {
        stages: ['deploy'],
        kind: 'choice',
        allowed: ['off', 'key', 'keyless'],
        default: 'off',
        description: 'Deploy only a digest signed with cosign: key (by the key of cosign-public-key) or keyless (by certificate-identity from certificate-oidc-issuer), checked after the lint and before anything changes in the cluster; off does not check.',
    },
    'cosign-public-key': {
        stages: ['deploy'],
        kind: 'string',
        default: '',
        description: 'For verify-signature key: the contents of cosign.pub, the public half of the key build signs with.',
    },
    'certificate-identity': {
        stages: ['deploy'],
        kind: 'string',
        default: '',
        description: "For verify-signature keyless: the signer's exact identity (the certificate subject, e.g. https://github.com/OWNER/REPO/.github/workflows/FILE@refs/heads/main). Empty on GitHub and GitLab accepts this repository's workflows.",
    },
    'certificate-identity-regexp': {
        stages: ['deploy'],
        kind: 'string',
        default: '',
        description: "For verify-signature keyless: a regular expression the signer's identity must match, instead of certificate-identity (e.g. a reusable workflow of another repository).",
    },
    'certificate-oidc-issuer': {
        stages: ['deploy'],
        kind: 'string',
        default: '',
        description: "For verify-signature keyless: the OIDC issuer of the signer's identity. Empty uses GitHub's (https://token.actions.githubusercontent.com) or the GitLab instance's.",
    },
    'require-provenance': {
        stages: ['deploy'],
        kind: 'boolean',
        default: 'false',
        description: "Deploy only an image whose BuildKit provenance attestation, read from the registry, names this repository and the commit being deployed (build's provenance mode=max writes it).",
    },
    'mcp-url': {
        stages: ['verify'],
        kind: 'string',
        default: '',
        description: 'Streamable HTTP endpoint of the MCP server to verify, e.g. https://mcp.example.com/mcp. With mcp-command too, a pull request verifies the command and any other run the URL.',
    },
    'mcp-command': {
        stages: ['verify'],
        kind: 'words',
        default: '',
        description: 'Command that starts the server on stdio, e.g. `./target/release/my-server --stdio` or `docker run -i --rm --network none {image} --stdio` ({image} is the image@digest built in this run). Split into words (\'...\' and "..." quote); never run by a shell.',
    },
    'mcp-headers': {
        stages: ['verify'],
        kind: 'lines',
        secret: true,
        default: '',
        description: 'HTTP headers for mcp-url, one `Name: value` a line. Values are secrets (masked, never in the summary).',
    },
    'mcp-token': {
        stages: ['verify'],
        kind: 'string',
        secret: true,
        default: '',
        description: 'Bearer token for mcp-url, from a secret; sent as `Authorization: Bearer <token>`.',
    },
    'health-url': {
        stages: ['verify'],
        kind: 'string',
        default: '',
        description: 'URL that must answer 200 before the MCP checks (e.g. https://mcp.example.com/health). Gets the mcp headers only on the same origin as mcp-url.',
    },
    'mcp-smoke': {
        stages: ['verify'],
        kind: 'lines',
        default: '',
        description: 'Tool calls that must return without isError, one a line, `tool-name {"arg": "value"}`.',
    },
    contract: {
        stages: ['verify'],
        kind: 'choice',
        allowed: ['fail-on-breaking', 'warn', 'off'],
        default: 'fail-on-breaking',
        description: 'What a breaking change of the tool contract against contract-baseline does, `fail-on-breaking`, `warn` or `off`.',
    },
    'contract-baseline': {
        stages: ['verify'],
        kind: 'string',
        default: '',
        description: "Contract to compare with, written by `mcp-deploy contract snapshot`, relative to working-directory. Empty uses mcp-contract.json when it exists (else only records the contract, with a notice). A named file that does not exist yet (the first release) is not an error: a passing verify writes this release's contract there, to commit.",
    },
    'verify-timeout': {
        stages: ['verify'],
        kind: 'duration',
        default: '60s',
        description: 'How long verify retries while the server starts and waits for answers, e.g. 60s, 5m.',
    },
    'bake-time': {
        stages: ['verify'],
        kind: 'duration',
        default: '0',
        description: "After verify's checks pass, how long to watch the server's own tool metrics (docs/bake.md), e.g. 5m; a breach fails verify, which rolls back a deploy of the same run. 0 is no bake.",
    },
    'prometheus-url': {
        stages: ['verify'],
        kind: 'string',
        default: '',
        description: 'Prometheus (or a compatible API: Thanos, Mimir, VictoriaMetrics) that scrapes the server, e.g. http://prometheus.monitoring:9090, for the bake.',
    },
    'prometheus-token': {
        stages: ['verify'],
        kind: 'string',
        secret: true,
        default: '',
        description: 'Bearer token for prometheus-url, from a secret; sent only to prometheus-url.',
    },
    'prometheus-headers': {
        stages: ['verify'],
        kind: 'lines',
        secret: true,
        default: '',
        description: 'HTTP headers for prometheus-url, one `Name: value` a line (e.g. `X-Scope-OrgID: team-a`). Values are secrets.',
    },
    'metrics-url': {
        stages: ['verify'],
        kind: 'string',
        default: '',
        description: "The server's own /metrics, scraped by the runner during the bake when there is no Prometheus it can reach (instead of prometheus-url). Gets the mcp headers only on the same origin as mcp-url.",
    },
    'max-error-rate': {
        stages: ['verify'],
        kind: 'string',
        default: '0.05',
        description: 'Share of tool calls that may fail during the bake, e.g. 0.05 or 5%; above it the bake fails.',
    },
    'max-latency-p95': {
        stages: ['verify'],
        kind: 'string',
        default: '',
        description: 'p95 latency of tool calls above which the bake fails, e.g. 1s or 250ms. Empty is no limit.',
    },
    'min-requests': {
        stages: ['verify'],
        kind: 'int',
        min: 1,
        max: 1000000000,
        default: '20',
        description: 'Tool calls the bake must see before it judges anything; below it the bake judges nothing and says so.',
    },
    'metrics-selector': {
        stages: ['verify'],
        kind: 'string',
        default: '',
        description: 'PromQL label matchers of the server\'s series, e.g. `namespace="prod",pod=~"hello-mcp-.*"`. Empty derives them from namespace and deployments.',
    },
    'bake-traffic': {
        stages: ['verify'],
        kind: 'string',
        default: '0',
        description: 'Synthetic MCP calls a second (up to 100) from the runner during the bake, cycling through tools/list and the mcp-smoke calls; needs mcp-url. 0 is none.',
    },
    'bake-compare': {
        stages: ['verify'],
        kind: 'choice',
        allowed: ['none', 'previous'],
        default: 'none',
        description: "`previous` also shows the same figures over the same length of time before the rollout (the previous revision) beside the bake's; needs prometheus-url.",
    },
};
exports.OUTPUTS = {
    gates: {
        stage: 'gates',
        description: "JSON object with each gate's status, findings and time in milliseconds.",
    },
    'failing-tests': { stage: 'gates', description: 'Names of the failing tests, one a line.' },
    image: { stage: 'build', description: 'Repository the build stage pushed to.' },
    digest: {
        stage: 'build',
        description: 'Digest of what was pushed (the index for several platforms), sha256:....',
    },
    'image-ref': {
        stage: 'build',
        description: 'image@digest, what scan and deploy use; empty when nothing was pushed.',
    },
    tags: { stage: 'build', description: 'Pushed references (image:tag), one a line.' },
    labels: { stage: 'build', description: 'Image labels, KEY=VALUE one a line.' },
    metadata: {
        stage: 'build',
        description: "JSON of buildx's metadata file (for merge and buildah, the digest and names).",
    },
    signature: {
        stage: 'build',
        description: 'Where the cosign signature of the pushed digest is (`<repository>:sha256-<hex>.sig`); empty when nothing was signed.',
    },
    'scan-result': {
        stage: 'scan',
        description: 'JSON of the scan: image, passed, counts by severity, failOn, the failing findings (id, severity, package, fixed), ignored IDs, dbRepository.',
    },
    'sarif-file': {
        stage: 'scan',
        description: 'Absolute path of the SARIF report, for github/codeql-action/upload-sarif.',
    },
    'scan-report': { stage: 'scan', description: "Absolute path of Trivy's JSON report." },
    revision: {
        stage: 'deploy',
        description: "Revision the deployment runs now (after a rollback, the rollback's; empty when the API server stopped answering and the state is unknown); with several deployments, `name=revision` lines.",
    },
    'previous-revision': {
        stage: 'deploy',
        description: 'Revision the deployment ran before this deploy; with several deployments, `name=revision` lines.',
    },
    'rolled-back': {
        stage: 'deploy',
        description: '`true` when the deploy was undone and every undo completed: after a failed rollout, or a later stage of the same run (verify) that failed. `false` when an undo was cut off (the log gives the commands to finish it).',
    },
    contract: { stage: 'verify', description: "The server's tool contract (the JSON of mcp-contract.json)." },
    'contract-diff': {
        stage: 'verify',
        description: 'JSON of the contract diff against the baseline, `{breaking, compatible, changes[{impact, where, path, change, why}]}`; empty without a baseline.',
    },
    'breaking-changes': {
        stage: 'verify',
        description: 'Number of breaking contract changes against the baseline; empty without a baseline.',
    },
    bake: {
        stage: 'verify',
        description: 'JSON of the bake (docs/bake.md): status (passed, failed, not-judged, off), reason, thresholds, breach, the whole bake, the previous revision, every check.',
    },
};
const inputSpec = (name) => Object.prototype.hasOwnProperty.call(exports.INPUTS, name)
    ? exports.INPUTS[name]
    : undefined;
exports.inputSpec = inputSpec;
const sectionOf = (name) => {
    const spec = exports.INPUTS[name];
    return spec.section ?? spec.stages[0] ?? 'common';
};
exports.sectionOf = sectionOf;
/** The MCP_* variable that sets an input in GitLab and for the CLI: working-directory -> MCP_WORKING_DIRECTORY. */
const envName = (input) => `MCP_${input.replace(/-/g, '_').toUpperCase()}`;
exports.envName = envName;
/** The CLI flag of an input, or undefined for a secret (which only an MCP_* variable sets). */
const flagName = (input) => exports.INPUTS[input].secret ? undefined : `--${input}`;
exports.flagName = flagName;


/***/ })

};
;