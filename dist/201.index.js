"use strict";
exports.id = 201;
exports.ids = [201];
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

/***/ 99201:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.scan = void 0;
const inputs_1 = __webpack_require__(27208);
const plan_1 = __webpack_require__(80526);
const run_1 = __webpack_require__(45992);
exports.scan = {
    name: 'scan',
    parse: inputs_1.parseScanInputs,
    plan: plan_1.planScan,
    run: run_1.runScan,
};


/***/ }),

/***/ 27208:
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
exports.SCANNERS = void 0;
exports.parseScanInputs = parseScanInputs;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const oci_1 = __webpack_require__(50166);
const resolved_1 = __webpack_require__(6875);
const tools_1 = __webpack_require__(72003);
const trivy_1 = __webpack_require__(92047);
exports.SCANNERS = inputs_1.INPUTS.scanners.allowed;
function credentials(r) {
    const password = r.secret('password');
    const username = r.string('username');
    if (password && !username)
        throw new errors_1.ActionError('is empty but a password is set', 'username', 'give the registry user name (on GitHub, github.actor)');
    return { username, password };
}
// Severities are upper case in Trivy and in its users' habits; accept either.
function severities(r, name) {
    const items = r.list(name).map((s) => s.toUpperCase());
    const bad = items.find((s) => !trivy_1.SEVERITIES.includes(s));
    if (bad)
        throw new errors_1.ActionError(`unknown severity '${bad}'`, name, `use any of ${trivy_1.SEVERITIES.join(', ')}${name === 'fail-on' ? ', or none' : ''}`);
    return [...new Set(items)];
}
/** The ignore file: the input's, else the repository's .trivyignore when there is one, else none (''). */
function readIgnoreFile(r, ws) {
    let trivyignore = r.string('trivyignore');
    if (trivyignore) {
        const abs = path.resolve(ws, trivyignore);
        if (!fs.existsSync(abs) || !fs.statSync(abs).isFile())
            throw new errors_1.ActionError(`file '${trivyignore}' does not exist (looked at ${abs})`, 'trivyignore', 'give the path of the ignore file relative to the repository root');
        trivyignore = abs;
    }
    else if (fs.existsSync(path.join(ws, '.trivyignore'))) {
        trivyignore = path.join(ws, '.trivyignore');
    }
    return trivyignore;
}
function parseScanInputs(r, env) {
    const allowTag = r.bool('scan-allow-tag');
    const imageRef = (0, resolved_1.requireImage)((0, resolved_1.resolvedOf)(r, env));
    if (imageRef)
        (0, oci_1.checkScanRef)(imageRef, allowTag);
    const severity = severities(r, 'severity');
    const failOn = r.string('fail-on').toLowerCase() === 'none' ? [] : severities(r, 'fail-on');
    const unreported = failOn.filter((s) => !severity.includes(s));
    if (unreported.length)
        throw new errors_1.ActionError(`${unreported.join(', ')} would fail the step but is not in 'severity', so Trivy would never report it`, 'fail-on', `add ${unreported.join(', ')} to severity, or remove it from fail-on`);
    const ws = env.ctx.workspace;
    const trivyignore = readIgnoreFile(r, ws);
    const dbRepositories = r.list('trivy-db-repository');
    const badRepo = dbRepositories.find((d) => !/^[a-z0-9][a-z0-9.-]*(?::\d+)?(?:\/[a-z0-9][a-z0-9._-]*)+(?::[\w.-]+)?$/i.test(d));
    if (badRepo)
        throw new errors_1.ActionError(`'${badRepo}' is not an OCI repository`, 'trivy-db-repository', `list repositories like ${(0, inputs_1.splitList)((0, inputs_1.defaultOf)('trivy-db-repository'))[0]}`);
    const trivyVersion = r.string('trivy-version').replace(/^v/, '');
    if (!/^\d+\.\d+\.\d+$/.test(trivyVersion))
        throw new errors_1.ActionError(`'${trivyVersion}' is not a Trivy version`, 'trivy-version', `use x.y.z, e.g. ${tools_1.PINNED.trivy.version}`);
    const trivySha256 = r.string('trivy-sha256').toLowerCase();
    if (trivySha256 && !/^[0-9a-f]{64}$/.test(trivySha256))
        throw new errors_1.ActionError('is not a sha256 digest (64 hex characters)', 'trivy-sha256', "copy it from the release's trivy_<version>_checksums.txt");
    if (!trivySha256 && !tools_1.PINNED.trivy.sha256[trivyVersion])
        throw new errors_1.ActionError(`Trivy ${trivyVersion} has no pinned checksum`, 'trivy-sha256', `give the sha256 of the release asset for this runner, or use trivy-version ${tools_1.PINNED.trivy.version}`);
    const toolsMirror = (0, tools_1.readToolsMirror)(r);
    const sarifFile = path.resolve(ws, r.string('sarif-file'));
    return {
        imageRef,
        allowTag,
        severity,
        failOn,
        ignoreUnfixed: r.bool('ignore-unfixed'),
        trivyignore,
        scanners: r.subset('scanners', exports.SCANNERS),
        dbRepositories,
        cacheDir: path.resolve(ws, r.string('trivy-cache-dir')),
        trivyVersion,
        trivySha256,
        toolsMirror,
        sarifFile,
        reportFile: sarifFile.replace(/(\.sarif)?$/, '.json'),
        timeoutSec: r.duration('scan-timeout'),
        ...credentials(r),
        insecure: r.oneOf('registry-insecure', inputs_1.INPUTS['registry-insecure'].allowed),
    };
}


/***/ }),

/***/ 80526:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.insecureRegistry = insecureRegistry;
exports.scanCommand = scanCommand;
exports.convertCommand = convertCommand;
exports.planScan = planScan;
const oci_1 = __webpack_require__(50166);
const trivy_1 = __webpack_require__(92047);
/** Whether Trivy must talk plain HTTP to the registry of `imageRef`. */
function insecureRegistry(i, imageRef) {
    if (i.insecure !== 'auto')
        return i.insecure === 'true';
    return (0, oci_1.isLoopback)((0, oci_1.registryOf)(imageRef));
}
/** The one scan, against one DB repository. */
function scanCommand(i, trivy, imageRef, dbRepository) {
    return (0, trivy_1.imageScanArgv)(trivy, imageRef, {
        reportFile: i.reportFile,
        severity: i.severity,
        scanners: i.scanners,
        ignoreUnfixed: i.ignoreUnfixed,
        ignoreFile: i.trivyignore,
        cacheDir: i.cacheDir,
        dbRepository,
        timeoutSec: i.timeoutSec,
    });
}
function convertCommand(i, trivy) {
    return (0, trivy_1.sarifConvertArgv)(trivy, i.reportFile, i.sarifFile);
}
function scanCommands(i) {
    const ref = i.imageRef || '<image-ref from the build stage>';
    return [
        {
            argv: scanCommand(i, 'trivy', ref, i.dbRepositories[0]),
            why: i.dbRepositories.length > 1
                ? `if the DB download fails, again with --db-repository ${i.dbRepositories.slice(1).join(', then ')}`
                : undefined,
        },
        { argv: convertCommand(i, 'trivy'), why: 'SARIF from the same report, no second scan' },
    ];
}
/** What `mcp-deploy plan` shows for scan: the commands as they will run, and the values they use. */
function planScan(i) {
    return {
        commands: scanCommands(i),
        values: {
            'image-ref': i.imageRef || '(from the build stage)',
            'fail-on': i.failOn.join(', ') || 'none',
            'db repositories, in order': i.dbRepositories.join(', '),
            trivy: `${i.trivyVersion}${i.toolsMirror ? ` from ${i.toolsMirror}` : ''}`,
            'ignore file': i.trivyignore || '(none)',
            'sarif-file': i.sarifFile,
        },
    };
}


/***/ }),

/***/ 92871:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.evaluate = evaluate;
const trivy_1 = __webpack_require__(92047);
function evaluate(findings, p) {
    const counts = Object.fromEntries(trivy_1.SEVERITIES.map((s) => [s, 0]));
    const reported = [];
    const ignored = [];
    for (const f of findings) {
        if (p.ignore.has(f.id) || (p.ignoreUnfixed && f.kind === 'vulnerability' && !f.fixed)) {
            ignored.push(f);
            continue;
        }
        reported.push(f);
        counts[f.severity]++;
    }
    const rank = (s) => trivy_1.SEVERITIES.indexOf(s);
    const failing = reported
        .filter((f) => p.failOn.includes(f.severity))
        .sort((a, b) => rank(a.severity) - rank(b.severity) || a.id.localeCompare(b.id) || a.pkg.localeCompare(b.pkg));
    return { counts, reported, failing, ignored };
}


/***/ }),

/***/ 76127:
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
exports.annotateFailing = annotateFailing;
exports.scanResult = scanResult;
exports.trivyFailure = trivyFailure;
exports.failed = failed;
const path = __importStar(__webpack_require__(76760));
const log_1 = __webpack_require__(46472);
const summary_1 = __webpack_require__(57994);
const text_1 = __webpack_require__(48992);
const trivy_1 = __webpack_require__(92047);
const MAX_ROWS = 50;
function link(f) {
    return f.url ? `[${f.id}](${f.url})` : f.id;
}
/** The first failing findings as error annotations, so they show on the run's page. */
function annotateFailing(v) {
    for (const f of v.failing.slice(0, 10))
        log_1.log.annotate({
            level: 'error',
            title: `${f.id} (${f.severity}) in ${f.pkg}`,
            message: `${f.title}${f.fixed ? ` (fixed in ${f.fixed})` : ''}${f.url ? `\n${f.url}` : ''}`,
        });
}
function scanSummary(o, i) {
    const v = o.verdict;
    const s = new summary_1.Summary().heading('Scan');
    s.text(`\`${o.imageRef}\` · Trivy ${o.trivyVersion} · DB from \`${o.dbRepository}\`${o.skipped.length ? ` (skipped ${o.skipped.map((x) => `\`${x}\``).join(', ')})` : ''}`);
    s.table(['Severity', 'Findings', 'Fails the step'], i.severity.map((sev) => [sev, String(v.counts[sev]), i.failOn.includes(sev) ? 'yes' : 'no']));
    if (v.failing.length) {
        s.text(`**${v.failing.length === 1 ? '1 finding fails' : `${v.failing.length} findings fail`} the policy** (fail-on: ${i.failOn.join(', ')})`);
        s.table(['ID', 'Severity', 'Package', 'Installed', 'Fixed', 'Title'], v.failing
            .slice(0, MAX_ROWS)
            .map((f) => [link(f), f.severity, f.pkg, f.installed, f.fixed || '(no fix)', (0, summary_1.cell)(f.title)]));
        if (v.failing.length > MAX_ROWS)
            s.text(`… and ${v.failing.length - MAX_ROWS} more in the SARIF report.`);
    }
    else {
        s.text(i.failOn.length
            ? `No finding at ${i.failOn.join(', ')}: the image passes.`
            : 'fail-on is none: findings are reported, never fatal.');
    }
    // Trivy leaves what the ignore file names out of its report; say which entries were in effect.
    if (o.ignore.size)
        s.text(`Ignore file \`${path.basename(i.trivyignore)}\` in effect for: ${[...o.ignore].map((id) => `\`${id}\``).join(', ')}`);
    const ignoredIds = [...new Set(v.ignored.map((f) => f.id))];
    if (ignoredIds.length)
        s.text(`Left out by the policy: ${ignoredIds.map((id) => `\`${id}\``).join(', ')}`);
    s.text(`SARIF: \`${o.sarif}\` (${o.sarifResults} results), for github/codeql-action/upload-sarif.`);
    return s;
}
/** "1 CRITICAL, 1 LOW; 1 at CRITICAL/HIGH" */
function headline(v, i) {
    const counts = trivy_1.SEVERITIES.filter((s) => v.counts[s]).map((s) => `${v.counts[s]} ${s}`);
    return `${counts.join(', ') || 'no findings'}${v.failing.length ? `; ${v.failing.length} at ${i.failOn.join('/')}` : ''}`;
}
function failureLine(v, i, imageRef) {
    const failing = v.failing;
    if (!failing.length)
        return undefined;
    const ids = [...new Set(failing.map((f) => f.id))];
    return `${(0, text_1.plural)(failing.length, 'finding')} at ${i.failOn.join(', ')} in ${imageRef}: ${ids
        .slice(0, 5)
        .join(', ')}${failing.length > 5 ? ', …' : ''}`;
}
function scanResult(o, i) {
    const failing = o.verdict.failing;
    return {
        status: failing.length ? 'failure' : 'success',
        headline: headline(o.verdict, i),
        summary: scanSummary(o, i),
        outputs: {
            'scan-result': JSON.stringify({
                image: o.imageRef,
                passed: failing.length === 0,
                counts: o.verdict.counts,
                failOn: i.failOn,
                failing: failing.map((f) => ({ id: f.id, severity: f.severity, package: f.pkg, fixed: f.fixed })),
                ignored: [...new Set(o.verdict.ignored.map((f) => f.id))],
                dbRepository: o.dbRepository,
            }),
            'sarif-file': i.sarifFile,
            'scan-report': i.reportFile,
        },
        failure: failureLine(o.verdict, i, o.imageRef),
    };
}
/** What to do about a Trivy failure, by its kind; the output below it shows Trivy's own words. */
const TRIVY_FAILURE_LINE = {
    'db-rate-limit': (i) => `every vulnerability DB repository was rate limited (${i.dbRepositories.join(', ')}); retry later or add a mirror to trivy-db-repository`,
    'db-download': (i) => `no vulnerability DB repository could be read (${i.dbRepositories.join(', ')}); check trivy-db-repository`,
    auth: (i, ref) => `the registry of ${ref} refused Trivy: ${i.username ? 'check' : 'set'} username and password`,
    unreachable: (_i, ref) => `Trivy could not reach the registry of ${ref}; for a plain-HTTP registry set registry-insecure: true`,
    'not-found': (_i, ref) => `${ref} is not in its registry`,
    timeout: (i) => `the scan did not finish within scan-timeout (${i.timeoutSec} s)`,
    other: () => undefined,
};
/** The reason line for a Trivy call that failed: how it ended, and what its kind says to do. */
function trivyFailure(r, kind, i, imageRef) {
    const ended = `Trivy ${r.timedOut ? 'timed out' : `exited with ${r.exitCode}`}`;
    const hint = TRIVY_FAILURE_LINE[kind](i, imageRef);
    return hint ? `${ended}: ${hint}` : ended;
}
/** Trivy itself failed: no report to judge. */
function failed(why, detail, i, dbRepository) {
    const summary = new summary_1.Summary().heading('Scan').text(`${why} (DB repository \`${dbRepository}\`).`);
    if (detail)
        summary.details('Trivy output', detail);
    return {
        status: 'failure',
        headline: why,
        summary,
        outputs: { 'sarif-file': '', 'scan-report': i.reportFile, 'scan-result': '' },
        failure: `${why}${detail ? `:\n${detail}` : ''}`,
    };
}


/***/ }),

/***/ 45992:
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
exports.runScan = runScan;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const oci_1 = __webpack_require__(50166);
const log_1 = __webpack_require__(46472);
const resolved_1 = __webpack_require__(6875);
const tools_1 = __webpack_require__(72003);
const trivy_1 = __webpack_require__(92047);
const plan_1 = __webpack_require__(80526);
const policy_1 = __webpack_require__(92871);
const report_1 = __webpack_require__(76127);
/** The failures that move on to the next DB repository: how the skip is noted, and how it is said. */
const DB_FAILURES = {
    'db-rate-limit': { note: 'rate-limit', said: 'rate limited' },
    'db-download': { note: 'download', said: 'download failed' },
};
/** The image to scan: what build pushed or the input, checked again now that build has run. */
function imageToScan(i, env) {
    const imageRef = (0, resolved_1.subjectImage)(env, i.imageRef);
    if (!imageRef)
        throw new errors_1.ActionError('is empty and the build stage produced no image', 'image-ref', 'pass name@sha256:… or run build first');
    (0, oci_1.checkScanRef)(imageRef, i.allowTag);
    if (!imageRef.includes('@sha256:'))
        log_1.log.warning(`scanning the mutable tag ${imageRef}: what is deployed later may not be what was scanned`);
    return imageRef;
}
/** Runs the scan against each DB repository in turn until one is not rate limited. */
async function scanWithFallback(i, trivy, imageRef, env) {
    const skipped = [];
    for (const [n, repo] of i.dbRepositories.entries()) {
        const argv = (0, plan_1.scanCommand)(i, trivy, imageRef, repo);
        const result = await (0, exec_1.exec)(argv, { env, timeoutMs: (i.timeoutSec + 60) * 1000 });
        const failure = DB_FAILURES[(0, trivy_1.classifyTrivyFailure)(result) ?? 'other'];
        if (!failure || n === i.dbRepositories.length - 1)
            return { result, dbRepository: repo, skipped };
        log_1.log.warning(`Trivy could not fetch its DB from ${repo} (${failure.said}); trying ${i.dbRepositories[n + 1]}`);
        skipped.push(`${repo} (${failure.note})`);
    }
    throw new Error('no DB repository to try'); // parse() rejects an empty list
}
async function runScan(i, env) {
    const imageRef = imageToScan(i, env);
    const trivy = await (0, tools_1.ensureTool)('trivy', {
        version: i.trivyVersion,
        sha256: i.trivySha256,
        mirror: i.toolsMirror,
    });
    fs.mkdirSync(i.cacheDir, { recursive: true });
    fs.mkdirSync(path.dirname(i.sarifFile), { recursive: true });
    fs.rmSync(i.reportFile, { force: true });
    const trivyEnv = (0, trivy_1.registryEnv)({
        username: i.username,
        password: i.password,
        insecure: (0, plan_1.insecureRegistry)(i, imageRef),
    });
    const { result, dbRepository, skipped } = await scanWithFallback(i, trivy, imageRef, trivyEnv);
    if (result.exitCode !== 0 || !fs.existsSync(i.reportFile)) {
        const tail = (0, exec_1.outputTail)(result, 8);
        const kind = (0, trivy_1.classifyTrivyFailure)(result) ?? 'other';
        return (0, report_1.failed)((0, report_1.trivyFailure)(result, kind, i, imageRef), tail, i, dbRepository);
    }
    const { report, findings } = (0, trivy_1.parseTrivyReport)(fs.readFileSync(i.reportFile, 'utf8'));
    const ignore = i.trivyignore ? (0, trivy_1.parseTrivyignore)(fs.readFileSync(i.trivyignore, 'utf8')) : new Set();
    const verdict = (0, policy_1.evaluate)(findings, { failOn: i.failOn, ignore, ignoreUnfixed: i.ignoreUnfixed });
    const convert = await (0, exec_1.exec)((0, plan_1.convertCommand)(i, trivy), { env: trivyEnv });
    if (convert.exitCode !== 0 || !fs.existsSync(i.sarifFile))
        return (0, report_1.failed)('trivy convert could not write SARIF', convert.stderr.trim(), i, dbRepository);
    const sarifResults = (0, trivy_1.sarifResultCount)(fs.readFileSync(i.sarifFile, 'utf8'));
    (0, report_1.annotateFailing)(verdict);
    return (0, report_1.scanResult)({
        imageRef,
        verdict,
        trivyVersion: report.Trivy?.Version ?? i.trivyVersion,
        dbRepository,
        skipped,
        sarif: path.relative(env.ctx.workspace, i.sarifFile) || i.sarifFile,
        sarifResults,
        ignore,
    }, i);
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


/***/ }),

/***/ 92047:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SEVERITIES = void 0;
exports.parseTrivyReport = parseTrivyReport;
exports.parseTrivyignore = parseTrivyignore;
exports.sarifResultCount = sarifResultCount;
exports.imageScanArgv = imageScanArgv;
exports.sarifConvertArgv = sarifConvertArgv;
exports.registryEnv = registryEnv;
exports.classifyTrivyFailure = classifyTrivyFailure;
exports.SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
const severity = (s) => exports.SEVERITIES.includes(s ?? '') ? s : 'UNKNOWN';
function parseTrivyReport(json) {
    const report = JSON.parse(json);
    if (report.SchemaVersion !== 2)
        throw new Error(`not a Trivy JSON report of schema 2 (SchemaVersion ${String(report.SchemaVersion)})`);
    const findings = [];
    for (const r of report.Results ?? []) {
        for (const v of r.Vulnerabilities ?? [])
            findings.push({
                kind: 'vulnerability',
                id: v.VulnerabilityID,
                severity: severity(v.Severity),
                pkg: v.PkgName,
                installed: v.InstalledVersion ?? '',
                fixed: v.FixedVersion ?? '',
                title: v.Title || firstSentence(v.Description ?? ''),
                url: v.PrimaryURL,
                target: r.Target,
            });
        for (const s of r.Secrets ?? [])
            findings.push({
                kind: 'secret',
                id: s.RuleID,
                severity: severity(s.Severity),
                pkg: r.Target,
                installed: s.StartLine ? `line ${s.StartLine}` : '',
                fixed: '',
                title: s.Title ?? s.Category ?? 'secret',
                target: r.Target,
            });
    }
    return { report, findings };
}
function firstSentence(s) {
    const t = s.trim().split(/(?<=\.)\s/)[0] ?? '';
    return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}
/**
 * `.trivyignore`: one ID a line, `#` comments, an optional `exp:YYYY-MM-DD` after which the entry no
 * longer applies (Trivy's own rule, applied here too so the policy and the report agree).
 */
function parseTrivyignore(text, today = new Date()) {
    const ids = new Set();
    const day = today.toISOString().slice(0, 10);
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(/#.*$/, '').trim();
        if (!line)
            continue;
        const [id, ...rest] = line.split(/\s+/);
        const exp = rest.map((r) => /^exp:(\d{4}-\d{2}-\d{2})$/.exec(r)?.[1]).find(Boolean);
        if (exp && exp < day)
            continue;
        ids.add(id);
    }
    return ids;
}
/** Number of results in a SARIF log, to say what the upload will show. */
function sarifResultCount(json) {
    const sarif = JSON.parse(json);
    if (sarif.version !== '2.1.0' || !Array.isArray(sarif.runs))
        throw new Error('not a SARIF 2.1.0 log');
    return sarif.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0);
}
/** `trivy image` against one DB repository, JSON to a file; exit code 0 whatever it finds. */
function imageScanArgv(trivy, imageRef, o) {
    return [
        trivy,
        'image',
        '--format',
        'json',
        '--output',
        o.reportFile,
        '--severity',
        o.severity.join(','),
        '--scanners',
        o.scanners.join(','),
        ...(o.ignoreUnfixed ? ['--ignore-unfixed'] : []),
        ...(o.ignoreFile ? ['--ignorefile', o.ignoreFile] : []),
        '--cache-dir',
        o.cacheDir,
        '--db-repository',
        o.dbRepository,
        '--timeout',
        `${o.timeoutSec}s`,
        '--exit-code',
        '0',
        '--no-progress',
        imageRef,
    ];
}
/** SARIF from a JSON report that `trivy image` wrote: no second scan. */
function sarifConvertArgv(trivy, reportFile, sarifFile) {
    return [trivy, 'convert', '--format', 'sarif', '--output', sarifFile, reportFile];
}
/**
 * Registry credentials reach Trivy through its own environment variables, never argv; TRIVY_INSECURE
 * makes it talk plain HTTP to the registry.
 */
function registryEnv(o) {
    return {
        ...(o.password ? { TRIVY_USERNAME: o.username, TRIVY_PASSWORD: o.password } : {}),
        ...(o.insecure ? { TRIVY_INSECURE: 'true' } : {}),
    };
}
const DB_FAILED = /failed to download (?:vulnerability DB|artifact)/i;
const RATE_LIMITED = /TOOMANYREQUESTS|429 Too Many Requests|rate limit/i;
// Registry error codes are upper case; `permission denied` on a local file is not a registry's answer.
const AUTH = /\b(?:UNAUTHORIZED|DENIED)\b|authentication required|status=401|not authorized/;
const UNREACHABLE = /connection refused|no such host|network is unreachable|i\/o timeout|TLS handshake|server gave HTTP response to HTTPS client/i;
const DEADLINE = /context deadline exceeded/;
const NOT_FOUND = /MANIFEST_UNKNOWN|NAME_UNKNOWN|manifest unknown|No such image|unable to find the specified image/;
/**
 * Classifies a failed Trivy call from what it logs on stderr; undefined when it succeeded. An image that no
 * source has lists one error per source (docker, containerd, podman, remote): only the remote one speaks
 * for the registry, the others only say that no local engine runs.
 */
function classifyTrivyFailure(r) {
    if (r.exitCode === 0 && !r.timedOut)
        return undefined;
    const text = r.stderr;
    if (DB_FAILED.test(text))
        return RATE_LIMITED.test(text) ? 'db-rate-limit' : 'db-download';
    if (r.timedOut)
        return 'timeout';
    const remote = /remote error: (.*)/.exec(text)?.[1] ?? text;
    if (AUTH.test(remote))
        return 'auth';
    if (UNREACHABLE.test(remote))
        return 'unreachable';
    if (DEADLINE.test(remote))
        return 'timeout';
    if (NOT_FOUND.test(remote))
        return 'not-found';
    return 'other';
}


/***/ })

};
;