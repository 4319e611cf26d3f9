"use strict";
exports.id = 851;
exports.ids = [851];
exports.modules = {

/***/ 31460:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.startGithubDeployment = startGithubDeployment;
const github_1 = __webpack_require__(93228);
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
async function startGithubDeployment(token, ctx, environment, environmentUrl, description, apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com') {
    const none = { status: async () => undefined };
    const [owner, repo] = (ctx.repository ?? '').split('/');
    if (!owner || !repo || !ctx.sha) {
        log_1.log.warning('no GitHub deployment recorded: the repository or commit of this run is unknown');
        return none;
    }
    const octokit = (0, github_1.getOctokit)(token, { baseUrl: apiUrl });
    let id;
    try {
        const res = await octokit.rest.repos.createDeployment({
            owner,
            repo,
            ref: ctx.sha,
            environment,
            description,
            auto_merge: false,
            required_contexts: [],
            production_environment: /^prod/i.test(environment),
            transient_environment: false,
        });
        if (!('id' in res.data))
            throw new Error(res.data.message ?? 'no deployment created');
        id = res.data.id;
    }
    catch (e) {
        log_1.log.warning(`no GitHub deployment recorded: ${(0, errors_1.errorMessage)(e)} (the token needs deployments: write)`);
        return none;
    }
    log_1.log.info(`GitHub deployment ${id} for ${environment}`);
    return {
        id,
        async status(state, desc) {
            try {
                await octokit.rest.repos.createDeploymentStatus({
                    owner,
                    repo,
                    deployment_id: id,
                    state,
                    description: desc.slice(0, 140),
                    ...(environmentUrl ? { environment_url: environmentUrl } : {}),
                    ...(ctx.runUrl ? { log_url: ctx.runUrl } : {}),
                    auto_inactive: state === 'success',
                });
            }
            catch (e) {
                log_1.log.warning(`GitHub deployment status ${state} not recorded: ${(0, errors_1.errorMessage)(e)}`);
            }
        },
    };
}


/***/ }),

/***/ 59851:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.deploy = void 0;
const resolved_1 = __webpack_require__(6875);
const inputs_1 = __webpack_require__(20458);
const plan_1 = __webpack_require__(87036);
const run_1 = __webpack_require__(20494);
exports.deploy = {
    name: 'deploy',
    parse: (r, env) => (0, inputs_1.parseDeployInputs)(r, env.ctx, (0, resolved_1.resolvedOf)(r, env)),
    plan: plan_1.planDeploy,
    run: run_1.runDeploy,
};


/***/ }),

/***/ 20458:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.STRATEGIES = void 0;
exports.parseTargets = parseTargets;
exports.parseDeployInputs = parseDeployInputs;
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const oci_1 = __webpack_require__(50166);
const resolved_1 = __webpack_require__(6875);
const lint_1 = __webpack_require__(37937);
const signing_1 = __webpack_require__(73055);
const tools_1 = __webpack_require__(72003);
const kubeconfig_1 = __webpack_require__(6736);
const kubectl_1 = __webpack_require__(9481);
exports.STRATEGIES = inputs_1.INPUTS.strategy.allowed;
const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function parseTargets(items, fallbackContainer) {
    const seen = new Set();
    return items.map((item) => {
        const [name, container = fallbackContainer, extra] = item.split('=').map((s) => s.trim());
        if (extra !== undefined || !DNS1123.test(name) || name.length > 253)
            throw new errors_1.ActionError(`'${item}' is not <deployment>[=<container>] with a DNS-1123 name`, 'deployments', 'use lower-case names like hello-mcp or hello-mcp=server');
        if (container && !DNS1123.test(container))
            throw new errors_1.ActionError(`container '${container}' is not a DNS-1123 name`, 'deployments', 'use the container name from the pod spec');
        if (seen.has(name))
            throw new errors_1.ActionError(`'${name}' is listed twice`, 'deployments', 'list each deployment once');
        seen.add(name);
        return { name, container };
    });
}
/** What is deployed and how: the strategy, the Deployments, and the manifests (an overlay or not). */
function readWhat(r, ctx) {
    // Giving manifests is choosing them: a pipeline that names an overlay should not also need the strategy.
    const strategy = r.oneOf('strategy', exports.STRATEGIES, r.string('manifests') ? 'manifests' : 'set-image');
    const deployments = parseTargets(r.list('deployments'), r.string('container'));
    let manifests;
    let kustomize = false;
    if (strategy === 'set-image') {
        if (!deployments.length)
            throw new errors_1.ActionError('is required with strategy set-image', 'deployments', 'name the deployment(s), e.g. hello-mcp or hello-mcp=server');
        if (r.string('manifests'))
            throw new errors_1.ActionError('is only used with strategy manifests', 'manifests', 'set strategy: manifests, or remove manifests');
    }
    else {
        if (!r.string('manifests'))
            throw new errors_1.ActionError('is required with strategy manifests', 'manifests', 'give a directory of manifests or a kustomize overlay');
        manifests = r.directory('manifests', ctx.workspace);
        kustomize = (0, kubectl_1.kustomizationIn)(manifests) !== undefined;
    }
    return { strategy, deployments, manifests, kustomize };
}
function parseDeployInputs(r, ctx, resolved = (0, resolved_1.resolveRun)(r)) {
    const ref = (0, resolved_1.requireImage)(resolved);
    const imageRef = ref ? (0, oci_1.checkDigestRef)(ref) : undefined;
    const context = r.string('context');
    if (context && !/^[^\s]+$/.test(context))
        throw new errors_1.ActionError(`'${context}' is not a context name`, 'context', 'use a name from the kubeconfig contexts');
    const rawKubeconfig = r.secret('kubeconfig');
    const kc = rawKubeconfig ? (0, kubeconfig_1.readKubeconfig)(rawKubeconfig, context || undefined) : undefined;
    const namespace = r.string('namespace');
    if (namespace && (!DNS1123.test(namespace) || namespace.length > 63))
        throw new errors_1.ActionError(`'${namespace}' is not a namespace name`, 'namespace', 'use a DNS-1123 label like hello-mcp-staging');
    const { strategy, deployments, manifests, kustomize } = readWhat(r, ctx);
    const environmentUrl = r.string('environment-url');
    if (environmentUrl && !/^https?:\/\/\S+$/.test(environmentUrl))
        throw new errors_1.ActionError(`'${environmentUrl}' is not an http(s) URL`, 'environment-url', 'give the URL where the environment answers');
    const environment = r.string('environment');
    if (environment && !/^[\w .-]{1,255}$/.test(environment))
        throw new errors_1.ActionError(`'${environment}' is not an environment name`, 'environment', 'use a name like staging or production');
    return {
        imageRef,
        kubeconfig: kc?.text,
        kubeconfigInfo: kc?.info,
        context,
        namespace,
        strategy,
        deployments,
        manifests,
        kustomize,
        rolloutTimeoutS: r.duration('rollout-timeout'),
        stuckAfterS: r.duration('stuck-after'),
        rollbackOnFailure: r.bool('rollback-on-failure'),
        environment,
        environmentUrl,
        githubToken: r.secret('github-token'),
        lint: (0, lint_1.parseLintInputs)(r),
        toolsMirror: (0, tools_1.readToolsMirror)(r),
        verify: (0, signing_1.resolveVerify)({
            'verify-signature': r.oneOf('verify-signature'),
            'transparency-log': String(r.bool('transparency-log')),
            'cosign-public-key': r.string('cosign-public-key'),
            'certificate-identity': r.string('certificate-identity'),
            'certificate-identity-regexp': r.string('certificate-identity-regexp'),
            'certificate-oidc-issuer': r.string('certificate-oidc-issuer'),
        }, ctx),
        requireProvenance: r.bool('require-provenance'),
        registryInsecure: r.oneOf('registry-insecure', inputs_1.INPUTS['registry-insecure'].allowed) === 'true',
    };
}


/***/ }),

/***/ 75453:
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
exports.readManifestDir = readManifestDir;
exports.pinImages = pinImages;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const yaml_1 = __webpack_require__(38815);
const errors_1 = __webpack_require__(83916);
const oci_1 = __webpack_require__(50166);
/** A plain directory as `kubectl apply -f <dir>` reads it: its .yaml, .yml and .json files, by name. */
function readManifestDir(dir) {
    const files = fs
        .readdirSync(dir)
        .filter((f) => /\.(ya?ml|json)$/.test(f) && fs.statSync(path.join(dir, f)).isFile())
        .sort();
    if (!files.length)
        throw new errors_1.ActionError(`no .yaml, .yml or .json files in ${dir}`, 'manifests', 'point it at the directory of your manifests');
    return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n---\n');
}
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The pod spec of a workload, wherever its kind keeps it. */
function podSpec(doc) {
    const spec = doc.spec;
    if (!isObj(spec))
        return undefined;
    if (doc.kind === 'Pod')
        return spec;
    if (doc.kind === 'CronJob') {
        const job = spec.jobTemplate?.spec;
        return job?.template?.spec ?? undefined;
    }
    return isObj(spec.template) && isObj(spec.template.spec) ? spec.template.spec : undefined;
}
function pinImages(yamlText, ref, cause) {
    const name = (0, oci_1.imageName)(ref);
    const docs = (0, yaml_1.parseAllDocuments)(yamlText);
    const replaced = [];
    const deployments = [];
    const namespaces = [];
    const out = [];
    for (const d of docs) {
        if (d.errors.length) {
            const line = d.errors[0].linePos?.[0].line;
            throw new errors_1.ActionError(`the manifests are not valid YAML${line ? ` (line ${line} of the rendered output)` : ''}`, 'manifests', 'fix the YAML');
        }
        const doc = d.toJS();
        if (!isObj(doc))
            continue;
        const meta = (isObj(doc.metadata) ? doc.metadata : (doc.metadata = {}));
        const id = `${doc.kind}/${meta.name}`;
        const spec = podSpec(doc);
        for (const key of ['initContainers', 'containers']) {
            const list = spec?.[key];
            if (!Array.isArray(list))
                continue;
            for (const c of list) {
                if (typeof c.image === 'string' && (0, oci_1.imageName)(c.image) === name) {
                    c.image = ref;
                    replaced.push(`${id}/${c.name}`);
                }
            }
        }
        if (doc.kind === 'Namespace' && typeof meta.name === 'string')
            namespaces.push(meta.name);
        if (doc.kind === 'Deployment') {
            deployments.push({
                name: String(meta.name),
                namespace: typeof meta.namespace === 'string' ? meta.namespace : '',
            });
            meta.annotations = {
                ...(isObj(meta.annotations) ? meta.annotations : {}),
                'kubernetes.io/change-cause': cause,
            };
        }
        out.push(doc);
    }
    if (!replaced.length)
        throw new errors_1.ActionError(`no container in the manifests uses the image ${name}`, 'manifests', `name the image ${name} (any tag) in the Deployment, or in the overlay's images: list`);
    // One JSON List, not YAML: kubectl reads YAML 1.1, where an unquoted off or yes turns into a boolean,
    // and a stream that starts with `{` must be a single JSON document.
    return {
        list: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: out }, null, 1),
        replaced,
        deployments,
        namespaces,
    };
}


/***/ }),

/***/ 87036:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.changeCause = changeCause;
exports.deployCommands = deployCommands;
exports.planDeploy = planDeploy;
const oci_1 = __webpack_require__(50166);
const resolved_1 = __webpack_require__(6875);
const kubectl_1 = __webpack_require__(9481);
/** Why this deploy happened, for `kubectl rollout history` and anyone reading the cluster later. */
function changeCause(ctx, ref) {
    const parts = [`mcp-deploy ${ref.split('@sha256:')[1]?.slice(0, 12) ?? ''}`.trim()];
    if (ctx.sha)
        parts.push(`commit ${ctx.sha.slice(0, 12)}`);
    if (ctx.ref)
        parts.push(ctx.ref);
    if (ctx.runUrl)
        parts.push(ctx.runUrl);
    return parts.join(' · ');
}
/** Every command the stage runs, as `mcp-deploy plan` prints them. */
function deployCommands(i, ctx, imageRef, k) {
    const cmds = [];
    if (i.kustomize)
        cmds.push({
            argv: kubectl_1.kc.kustomize(k, '<temp>', '<temp>/rendered.yaml'),
            why: `render ${i.manifests} once, for the lint and the apply: <temp>/kustomization.yaml includes it and records each object's source file`,
        });
    cmds.push({ argv: kubectl_1.kc.serverVersion(k), why: 'is the API server reachable with these credentials?' });
    if (i.namespace)
        cmds.push({
            argv: kubectl_1.kc.namespace(k, i.namespace),
            why: i.strategy === 'manifests'
                ? 'does the namespace exist? (if not, the manifests must create it)'
                : 'does the namespace exist?',
        });
    const names = i.deployments.map((d) => d.name);
    const wait = (name) => ({
        argv: kubectl_1.kc.rolloutStatus(k, i.namespace, name, i.rolloutTimeoutS),
        why: 'wait; all deployments are waited for together',
    });
    if (i.strategy === 'set-image') {
        for (const d of i.deployments) {
            cmds.push({ argv: kubectl_1.kc.getDeployment(k, i.namespace, d.name), why: 'revision and image before' });
            if (i.stuckAfterS)
                cmds.push({
                    argv: kubectl_1.kc.pods(k, i.namespace, '<its selector>'),
                    why: 'only if the deployment exists: its pods before the change, so that only new pods count as stuck (stuck-after)',
                });
            cmds.push({ argv: kubectl_1.kc.annotate(k, i.namespace, d.name, changeCause(ctx, imageRef)) });
            cmds.push({
                argv: kubectl_1.kc.setImage(k, i.namespace, d.name, d.container || '<first container>', imageRef),
            });
        }
        cmds.push(...names.map(wait));
    }
    else {
        cmds.push({
            argv: kubectl_1.kc.apply(k, i.namespace),
            why: `images named ${(0, oci_1.imageName)(imageRef)} replaced by the digest, change-cause added`,
        });
        cmds.push(...(names.length ? names : ['<each Deployment in the manifests>']).map(wait));
    }
    if (i.rollbackOnFailure)
        cmds.push({
            argv: [...kubectl_1.kc.undo(k, i.namespace, names[0] ?? '<deployment>'), '--to-revision=<revision before>'],
            why: 'only if the rollout fails: back to the revision recorded before',
        });
    return cmds;
}
/** What `mcp-deploy plan` prints for deploy: the commands, and the values they are built from. */
function planDeploy(i, env) {
    const ref = (0, resolved_1.subjectImage)(env, i.imageRef) ?? '<image-ref from the build stage>';
    const k = {
        bin: 'kubectl',
        kubeconfigPath: i.kubeconfig ? '<RUNNER_TEMP>/mcp-deploy-<random>/kubeconfig' : undefined,
        context: i.context,
    };
    return {
        commands: deployCommands(i, env.ctx, ref, k),
        values: {
            'image-ref': ref,
            strategy: i.strategy,
            ...(i.strategy === 'manifests'
                ? {
                    manifests: `${i.manifests}${i.kustomize ? ' (kustomize)' : ''}`,
                    'image replaced': (0, oci_1.imageName)(ref),
                }
                : {}),
            deployments: i.deployments
                .map((d) => (d.container ? `${d.name} (container ${d.container})` : d.name))
                .join(', ') || '(every Deployment in the manifests)',
            cluster: i.kubeconfigInfo
                ? `${i.kubeconfigInfo.server} (context ${i.kubeconfigInfo.context})`
                : `ambient kubeconfig${i.context ? `, context ${i.context}` : ''}`,
            namespace: i.namespace || "(the context's)",
            'rollout-timeout': `${i.rolloutTimeoutS}s`,
            'rollback-on-failure': String(i.rollbackOnFailure),
            'verify-signature': i.verify.mode === 'off'
                ? 'off'
                : i.verify.mode === 'key'
                    ? `key (cosign-public-key)${i.verify.transparencyLog ? '' : ', no transparency log'}`
                    : `keyless: ${i.verify.identity.identity ?? i.verify.identity.identityRegexp} from ${i.verify.identity.issuer}`,
            'require-provenance': String(i.requireProvenance),
            'change-cause': changeCause(env.ctx, ref),
            ...(i.environment
                ? { environment: `${i.environment}${i.githubToken ? ' (GitHub deployment)' : ''}` }
                : {}),
        },
    };
}


/***/ }),

/***/ 29725:
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
exports.shortImage = void 0;
exports.deployReport = deployReport;
exports.allRolledBack = allRolledBack;
exports.applied = applied;
exports.appliedSoFar = appliedSoFar;
exports.undoCutOff = undoCutOff;
exports.unknownState = unknownState;
exports.applyCutOff = applyCutOff;
exports.failureLine = failureLine;
exports.rollbackNote = rollbackNote;
exports.diagnosticsText = diagnosticsText;
exports.checksSummary = checksSummary;
exports.lintFailure = lintFailure;
exports.connectionError = connectionError;
exports.namespaceError = namespaceError;
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const summary_1 = __webpack_require__(57994);
const text_1 = __webpack_require__(48992);
const kubectl_1 = __webpack_require__(9481);
/**
 * Deploy's headline, summary and outputs from what the targets went through. Built again after a later
 * stage's failure undid the deploy (`undoneFor`), so that they say what runs now.
 */
function deployReport(i, ref, targets, lintSummary, gh, undoneFor) {
    const failed = targets.filter((t) => !t.status?.done);
    const rolledBack = allRolledBack(targets);
    const perTarget = (f) => targets.length === 1
        ? String(f(targets[0]) ?? '')
        : targets.map((t) => `${t.name}=${f(t) ?? ''}`).join('\n');
    const n = `${targets.length} deployment${targets.length === 1 ? '' : 's'}`;
    return {
        headline: failed.length
            ? `${failed.map((t) => `${t.name}: ${t.diagnostics?.reasons[0] ?? t.status?.reason}`).join(', ')}${rolledBack ? ', rolled back' : ''}`
            : undoneFor
                ? `${n} ${rolledBack ? 'rolled back' : 'NOT rolled back'} after ${undoneFor.split(':')[0]} failed`
                : `${n} on ${(0, exports.shortImage)(ref)}`,
        summary: deploySummary(i, ref, targets, gh, undoneFor).append(lintSummary),
        outputs: {
            revision: perTarget((t) => (t.rollback?.cutOff ? undefined : (t.rollback?.now ?? t.after?.revision))),
            'previous-revision': perTarget((t) => t.before?.revision),
            'rolled-back': String(rolledBack),
        },
    };
}
/**
 * Whether the deploy was undone: some deployment was rolled back and every undo that was started
 * completed. An undo cut off half way makes this false, whatever the others did.
 */
function allRolledBack(targets) {
    const back = targets.filter((t) => t.rollback);
    return back.length > 0 && back.every((t) => t.rollback.ok);
}
const fromRevision = (t) => t.before?.revision !== undefined ? `${t.name} from revision ${t.before.revision}` : `${t.name} (new)`;
/** What this run changed in the cluster, for when it can no longer see it: "`kubectl set image` ...". */
function applied(i, ref, targets) {
    const from = targets
        .filter((t) => t.changed)
        .map(fromRevision)
        .join(', ');
    return `${i.strategy === 'set-image' ? '`kubectl set image`' : '`kubectl apply` of the manifests'} with ${(0, exports.shortImage)(ref)} (${from})`;
}
/**
 * What an apply cut off by a lost API server may have changed. One `kubectl apply` sends object after
 * object, so the server may hold any part of it; `set image` goes deployment by deployment.
 */
function appliedSoFar(i, ref, targets) {
    if (i.strategy !== 'set-image')
        return `the server may have applied some of the manifests' objects and not others (\`kubectl apply\` with ${(0, exports.shortImage)(ref)}: ${targets.map(fromRevision).join(', ')})`;
    const parts = [
        ['already changed', targets.filter((t) => t.changed && !t.applying)],
        ['perhaps changed', targets.filter((t) => t.applying)],
        ['not changed', targets.filter((t) => !t.changed)],
    ];
    return `\`kubectl set image\` with ${(0, exports.shortImage)(ref)}: ${parts
        .filter(([, ts]) => ts.length)
        .map(([what, ts]) => `${what}: ${ts.map(what === 'not changed' ? (t) => t.name : fromRevision).join(', ')}`)
        .join('; ')}`;
}
/** kubectl as a person runs it, with their own kubeconfig: this run's copy is gone by then. */
const byHand = (i) => ({
    bin: 'kubectl',
    context: i.kubeconfigInfo?.context || i.context,
});
/**
 * The API server stopped answering during the undo of `t` (`sent`: the undo reached it, its rollout was
 * not seen through): the rollback message, with the commands that check and finish it.
 */
function undoCutOff(i, t, what, sent) {
    const by = byHand(i);
    return (`undo did not complete: the API server stopped answering ${sent ? 'while the undo rolled out' : 'during `kubectl rollout undo`'} (${what}); ` +
        `check: \`${(0, exec_1.quote)(kubectl_1.kc.rolloutStatus(by, t.namespace, t.name))}\`; ` +
        `finish it: \`${(0, exec_1.quote)(kubectl_1.kc.undo(by, t.namespace, t.name, t.before?.revision))}\``);
}
/**
 * The API server never came back: say what may be running and the exact commands to check and undo.
 * `whileApplying`: it went away during the apply itself, so even what was applied is not known.
 */
function unknownState(i, ref, targets, lintSummary, gh, whileApplying = false) {
    const by = byHand(i);
    const changed = targets.filter((t) => t.changed);
    const check = changed.map((t) => (0, exec_1.quote)(kubectl_1.kc.rolloutStatus(by, t.namespace, t.name)));
    const undo = changed.map((t) => t.before?.revision !== undefined
        ? (0, exec_1.quote)(kubectl_1.kc.undo(by, t.namespace, t.name, t.before.revision))
        : `${t.name} had no earlier revision to go back to`);
    const where = i.kubeconfigInfo ? ` at ${i.kubeconfigInfo.server}` : '';
    const failure = `the cluster state is unknown: the API server${where} ${whileApplying ? 'stopped answering while applying and ' : ''}did not answer again within rollout-timeout (${i.rolloutTimeoutS}s); ` +
        `${whileApplying ? appliedSoFar(i, ref, targets) : `already applied: ${applied(i, ref, targets)}`}; check: \`${check.join('`, `')}\`; undo: \`${undo.join('`, `')}\``;
    const r = deployReport(i, ref, targets, new summary_1.Summary(), gh);
    r.summary
        .text(`❓ **The cluster state is unknown**: the API server${where} did not answer again within rollout-timeout.`)
        .code([...check, ...undo].join('\n'), 'sh')
        .append(lintSummary);
    return {
        ...r,
        status: 'failure',
        headline: 'cluster state unknown: the API server stopped answering',
        failure,
    };
}
/**
 * The API server stopped answering while applying and answered again: what had changed, and its
 * rollback. Never a success, even when nothing had changed: the release is not out.
 */
function applyCutOff(i, ref, targets, what, lintSummary, gh) {
    const where = i.kubeconfigInfo ? ` at ${i.kubeconfigInfo.server}` : '';
    const changed = targets.filter((t) => t.changed);
    const r = deployReport(i, ref, targets, new summary_1.Summary(), gh);
    r.summary
        .text(`⚠️ **The API server${where} stopped answering while applying** (${what}), then answered again.`)
        .append(lintSummary);
    return {
        ...r,
        status: 'failure',
        headline: `not deployed: the API server stopped answering while applying${allRolledBack(targets) ? ', rolled back' : ''}`,
        failure: `the API server${where} stopped answering while applying (${what}); ` +
            (changed.length
                ? `changed by then: ${changed.map(fromRevision).join(', ')}`
                : 'no deployment had changed') +
            (changed.length ? rollbackNote(targets, i.rollbackOnFailure) : ''),
    };
}
function failureLine(t) {
    if (t.status?.reason === 'ConnectionLost')
        return `the rollout of deployment ${t.name} was not seen through: the API server stopped answering (${t.status.message})`;
    const d = t.diagnostics;
    const p = d.problems[0];
    const detail = p
        ? ` (pod ${p.pod}, container ${p.container}${p.message ? `: ${p.message}` : ''})`
        : t.status.message
            ? ` (${t.status.message})`
            : '';
    return `deployment ${t.name} did not roll out: ${d.reasons.join(', ')}${detail}`;
}
function rollbackNote(targets, enabled) {
    if (!enabled)
        return '; not rolled back (rollback-on-failure is false)';
    const notes = targets.filter((t) => t.rollback).map((t) => `${t.name} ${t.rollback.message}`);
    const none = targets
        .filter((t) => !t.rollback && t.changed)
        .map((t) => `${t.name} had no earlier revision to go back to`);
    return [...notes, ...none].length ? `; ${[...notes, ...none].join('; ')}` : '';
}
const revisionCell = (t) => {
    const b = t.before?.revision ?? '–';
    const lost = t.status?.reason === 'ConnectionLost' || (t.status?.reason === 'ApplyInterrupted' && t.changed);
    const a = t.after?.revision ?? (lost ? '?' : '–');
    const r = t.rollback?.cutOff ? ' → ?' : t.rollback?.now !== undefined ? ` → ${t.rollback.now}` : '';
    return b === a ? `${a} (unchanged)` : `${b} → ${a}${r}`;
};
function imageCell(t, ref) {
    const container = t.container || t.after?.containers.find((c) => c.image === ref)?.name;
    const img = (d) => d?.containers.find((c) => c.name === container)?.image ?? d?.containers[0]?.image;
    const before = img(t.before);
    return `${before ? `\`${(0, exports.shortImage)(before)}\`` : '(new)'} → \`${(0, exports.shortImage)(ref)}\``;
}
function statusCell(t) {
    if (t.status?.reason === 'ApplyInterrupted')
        return interruptedCell(t);
    if (t.status?.reason === 'ConnectionLost' && !t.after)
        return '❓ unknown: the API server stopped answering';
    if (t.status?.done && t.rollback)
        return t.rollback.ok
            ? `↩️ rolled out, then rolled back to ${t.rollback.to}`
            : '⚠️ rolled out, undo did not complete';
    if (t.status?.done)
        return t.changed ? '✅ rolled out' : '✅ unchanged';
    const reason = t.diagnostics?.reasons[0] ?? t.status?.reason ?? 'failed';
    return `❌ ${reason}${t.rollback?.ok ? `, rolled back to ${t.rollback.to}` : ''}`;
}
function interruptedCell(t) {
    if (!t.changed)
        return '➖ not changed: the apply stopped before it';
    if (!t.after)
        return '❓ unknown: the API server stopped answering';
    if (t.rollback)
        return t.rollback.ok
            ? `↩️ apply interrupted, rolled back to ${t.rollback.to}`
            : '⚠️ apply interrupted, undo did not complete';
    return '❌ apply interrupted, not rolled back';
}
function eventTable(events) {
    return events
        .slice(-25)
        .map((e) => [
        e.time.replace('T', ' ').replace(/Z$/, ''),
        e.type,
        e.reason,
        e.object,
        `${e.message}${e.count > 1 ? ` (×${e.count})` : ''}`,
    ]);
}
function podTable(d) {
    return d.pods.flatMap((p) => p.containers.map((c) => [
        p.name,
        c.name,
        `${c.state}${c.ready ? ', ready' : ''}`,
        c.reason ?? '',
        String(c.restartCount),
        c.message ?? '',
    ]));
}
function diagnosticsText(d) {
    const s = new summary_1.Summary()
        .text(`reasons: ${d.reasons.join(', ')}`)
        .table(['Pod', 'Container', 'State', 'Reason', 'Restarts', 'Message'], podTable(d))
        .table(['Time', 'Type', 'Reason', 'Object', 'Message'], eventTable(d.events));
    for (const l of d.logs)
        s.details(`last log lines of ${l.title}`, l.text);
    return s.toText();
}
/** What the signature and provenance checks found, for the summary; empty when neither ran. */
function checksSummary(c) {
    const s = new summary_1.Summary();
    const a = c.verified?.signatures[0]?.annotations;
    if (c.verified)
        s.text(`Signature verified (${c.verified.signatures.length})${a?.commit ? `: signed for ${a.repository || '?'}@${a.commit}` : ''}`);
    if (c.provenance)
        s.text(`Provenance: built from ${c.provenance.source}@${c.provenance.revision} (${c.provenance.platforms.join(', ')})`);
    return s;
}
function deploySummary(i, ref, targets, gh, undoneFor) {
    const s = new summary_1.Summary().heading('Deploy');
    if (undoneFor)
        s.text(`↩️ **Undone because a later stage failed**: ${undoneFor}`);
    const where = [
        i.environment ? `**${i.environment}**` : '',
        i.kubeconfigInfo
            ? `context \`${i.kubeconfigInfo.context}\``
            : i.context
                ? `context \`${i.context}\``
                : '',
        i.namespace ? `namespace \`${i.namespace}\`` : '',
    ].filter(Boolean);
    s.text(`\`${ref}\`${where.length ? ` to ${where.join(', ')}` : ''} by ${i.strategy === 'set-image' ? '`kubectl set image`' : `\`kubectl apply\` of ${i.kustomize ? 'the kustomize overlay' : 'the manifests'}`}` +
        `${i.environmentUrl ? ` · [${i.environmentUrl}](${i.environmentUrl})` : ''}${gh?.id ? ` · GitHub deployment ${gh.id}` : ''}`);
    s.table(['Deployment', 'Image', 'Revision', 'Status', 'Time'], targets.map((t) => [t.name, imageCell(t, ref), revisionCell(t), statusCell(t), (0, text_1.secs)(t.waitMs)]));
    for (const t of targets.filter((x) => x.diagnostics)) {
        const d = t.diagnostics;
        s.heading(`${t.name}: ${d.reasons.join(', ')}`, 4);
        s.text(failureLine(t));
        if (d.pods.length)
            s.table(['Pod', 'Container', 'State', 'Reason', 'Restarts', 'Message'], podTable(d));
        if (d.events.length)
            s.text('**Events**, oldest first').table(['Time', 'Type', 'Reason', 'Object', 'Message'], eventTable(d.events));
        for (const l of d.logs)
            s.details(`Last log lines of ${l.title}`, l.text);
    }
    const back = targets.filter((t) => t.rollback);
    for (const t of back)
        s.text(`${t.rollback.ok ? '↩️' : '⚠️'} **${t.name}: ${t.rollback.message}**`);
    if (targets.some((t) => t.diagnostics) && !i.rollbackOnFailure)
        s.text('Not rolled back: `rollback-on-failure` is false.');
    return s;
}
/** The lint found errors: nothing was changed. */
function lintFailure(i, workspace, lint) {
    return {
        status: 'failure',
        headline: `not deployed: ${lint.headline}`,
        summary: lint.summary,
        outputs: { 'rolled-back': 'false' },
        failure: `the MCP deployment lint found errors in ${path.relative(workspace, i.manifests ?? '') || '.'} (nothing was changed; input lint: warn reports without failing)`,
    };
}
/**
 * kubectl's connection errors, turned into one line that names the input to change. Never quotes the
 * kubeconfig: only the server address and kubectl's own first error line.
 */
function connectionError(stderr, server, hasKubeconfigInput) {
    const where = server ? ` at ${server}` : '';
    const kubeconfig = hasKubeconfigInput ? 'kubeconfig' : undefined;
    const f = (0, kubectl_1.classifyKubectl)({ stderr });
    if (f.context)
        return new errors_1.ActionError(`context '${f.context}' does not exist in the kubeconfig`, 'context', "use one of the kubeconfig's contexts");
    if (f.kind === 'unreachable' && f.what === 'connection refused')
        return new errors_1.ActionError(`the cluster${where} is unreachable: connection refused`, kubeconfig, 'check the server address and that the API server is reachable from the runner');
    if (f.kind === 'unreachable' && f.what === 'no such host')
        return new errors_1.ActionError(`the cluster${where} is unreachable: its host name does not resolve`, kubeconfig, 'check the server address in the kubeconfig');
    if (f.kind === 'timeout')
        return new errors_1.ActionError(`the cluster${where} did not answer in time`, kubeconfig, 'check the server address and the network path (firewall, private cluster endpoint)');
    if (f.kind === 'certificate')
        return new errors_1.ActionError(`the cluster${where} presented a certificate that is not trusted`, kubeconfig, 'set certificate-authority-data of the cluster in the kubeconfig');
    if (f.kind === 'unauthorized')
        return new errors_1.ActionError(`the cluster${where} rejected the credentials (Unauthorized)`, kubeconfig, 'renew the token or client certificate in the kubeconfig');
    if (f.kind === 'config')
        return new errors_1.ActionError(`kubectl could not load the kubeconfig: ${f.line}`, kubeconfig ?? 'kubeconfig', 'give the kubeconfig input, or set KUBECONFIG to a valid file');
    return new errors_1.ActionError(`cannot talk to the cluster${where}: ${f.line}`, kubeconfig);
}
function namespaceError(stderr, namespace) {
    const f = (0, kubectl_1.classifyKubectl)({ stderr });
    if (f.kind === 'not-found')
        return new errors_1.ActionError(`namespace '${namespace}' does not exist in the cluster`, 'namespace', 'create it first or fix the name');
    if (f.kind === 'forbidden')
        return new errors_1.ActionError(`the credentials may not read namespace '${namespace}' (Forbidden)`, 'kubeconfig', 'grant get on namespaces, or on the deployments of that namespace');
    return new errors_1.ActionError(`cannot check namespace '${namespace}': ${stderr.trim().split('\n')[0]}`, 'namespace');
}
const shortImage = (image) => {
    const m = /^(.*)@sha256:([a-f0-9]{64})$/.exec(image);
    return m ? `${m[1].split('/').pop()}@${m[2].slice(0, 12)}` : (image.split('/').pop() ?? image);
};
exports.shortImage = shortImage;


/***/ }),

/***/ 20494:
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
exports.runDeploy = runDeploy;
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const promises_1 = __webpack_require__(58500);
const errors_1 = __webpack_require__(83916);
const exec_1 = __webpack_require__(73190);
const lint_1 = __webpack_require__(37937);
const oci_1 = __webpack_require__(50166);
const log_1 = __webpack_require__(46472);
const summary_1 = __webpack_require__(57994);
const resolved_1 = __webpack_require__(6875);
const retry_1 = __webpack_require__(49809);
const signing_1 = __webpack_require__(73055);
const text_1 = __webpack_require__(48992);
const tools_1 = __webpack_require__(72003);
const kubeconfig_1 = __webpack_require__(6736);
const kubectl_1 = __webpack_require__(9481);
const github_1 = __webpack_require__(31460);
const manifests_1 = __webpack_require__(75453);
const plan_1 = __webpack_require__(87036);
const report_1 = __webpack_require__(29725);
const firstLine = (r) => (r.stderr || r.stdout).trim().split('\n')[0] ?? '';
/**
 * Writes the kubeconfig input (if any), then proves the cluster answers and the namespace exists. With
 * strategy manifests a namespace that is not there yet may be one the manifests create (init's overlays
 * do): the answer is returned, and the caller decides once the manifests are rendered.
 */
async function connect(i, bin) {
    if (!i.kubeconfig && !process.env.KUBECONFIG && !fs.existsSync(path.join(os.homedir(), '.kube', 'config')))
        throw new errors_1.ActionError('is not set and there is no KUBECONFIG or ~/.kube/config', 'kubeconfig', 'give the kubeconfig input (a secret)');
    const k = {
        bin,
        kubeconfigPath: i.kubeconfig ? (0, kubeconfig_1.writeKubeconfig)(i.kubeconfig) : undefined,
        context: i.context,
    };
    const v = await (0, exec_1.exec)(kubectl_1.kc.serverVersion(k), { timeoutMs: 30_000 });
    if (v.exitCode !== 0)
        throw (0, report_1.connectionError)(v.stderr || (v.timedOut ? 'timed out' : ''), i.kubeconfigInfo?.server, !!i.kubeconfig);
    try {
        const version = JSON.parse(v.stdout);
        log_1.log.info(`cluster answers: Kubernetes ${version.gitVersion ?? '?'}${i.kubeconfigInfo ? ` at ${i.kubeconfigInfo.server}` : ''}`);
    }
    catch {
        // Some proxies answer /version with something else; reaching it was the point.
    }
    if (i.namespace) {
        const n = await (0, exec_1.exec)(kubectl_1.kc.namespace(k, i.namespace), { timeoutMs: 30_000 });
        const failure = n.exitCode !== 0 ? (0, kubectl_1.classifyKubectl)(n).kind : undefined;
        // Many deploy credentials may not read namespaces (cluster scope): the deployment lookup tells then.
        if (failure && failure !== 'forbidden') {
            if (i.strategy === 'manifests' && failure === 'not-found')
                return { k, missingNamespace: { name: i.namespace, stderr: n.stderr } };
            throw (0, report_1.namespaceError)(n.stderr, i.namespace);
        }
    }
    return { k };
}
async function getDeployment(k, namespace, name) {
    return (0, kubectl_1.parseDeployment)((await (0, exec_1.execOk)(kubectl_1.kc.getDeployment(k, namespace, name), { echo: false })).stdout);
}
async function diagnose(k, t, status) {
    const d = t.after ?? t.before;
    const pods = d?.selector ? await podsOf(k, t, d.selector) : [];
    const problems = (0, kubectl_1.containerProblems)(pods);
    const e = await (0, exec_1.exec)(kubectl_1.kc.events(k, t.namespace), { echo: false });
    const events = e.exitCode === 0
        ? (0, kubectl_1.parseEvents)(e.stdout, t.name, pods.map((p) => p.name))
        : [];
    const logs = [];
    for (const p of problems.filter((x) => x.hasLogs).slice(0, 3)) {
        const l = await (0, exec_1.exec)(kubectl_1.kc.logs(k, t.namespace, p.pod, p.container, p.previous), { echo: false });
        const text = (l.exitCode === 0 ? l.stdout : l.stderr).trimEnd();
        if (text)
            logs.push({ title: `${p.pod}/${p.container}${p.previous ? ' (previous instance)' : ''}`, text });
    }
    return { reasons: (0, kubectl_1.failureReasons)(status, d, problems), pods, problems, events, logs };
}
/** How often a rollout that is being waited for says where it is. */
const PROGRESS_MS = 15_000;
/**
 * `kubectl rollout status` waits for the deadline even when a new pod can never start (an image that
 * does not exist, a crash loop). Meanwhile the pods are polled: a container stuck in such a state for
 * `stuckAfterS` ends the wait, so a bad release is rolled back in minutes, not at the progress deadline.
 * kubectl also keeps retrying silently when the API server goes away: the first sign of that in its
 * output (or in the progress poll) ends the wait with reason ConnectionLost.
 */
async function waitFor(k, t, timeoutS, stuckAfterS = 0) {
    const stop = new AbortController();
    let lost;
    const onLost = (what) => {
        lost ??= what;
        stop.abort();
    };
    const started = Date.now();
    // A line with replica counts says more than exec's "still running".
    const progress = setInterval(() => void reportProgress(k, t, started, timeoutS, stop.signal, onLost), PROGRESS_MS);
    try {
        // kubectl enforces --timeout itself; ours only guards against a connection that hangs.
        const rollout = (0, exec_1.exec)(kubectl_1.kc.rolloutStatus(k, t.namespace, t.name, timeoutS), {
            timeoutMs: (timeoutS + 60) * 1000,
            signal: stop.signal,
            progressMs: 0,
            onLine: (line) => {
                const what = (0, kubectl_1.connectionLoss)(line);
                if (what)
                    onLost(what);
            },
        }).then((r) => (lost ? { done: false, reason: 'ConnectionLost', message: lost } : (0, kubectl_1.parseRolloutStatus)(r)));
        if (!stuckAfterS)
            return await rollout;
        const stuck = watchForStuckPods(k, t, stuckAfterS, stop.signal);
        const first = await Promise.race([rollout, stuck]);
        stop.abort();
        if (!first || 'done' in first)
            return first ?? (await rollout);
        await rollout;
        const message = `${first.pod}/${first.container} was in ${first.reason} for ${stuckAfterS}s (input stuck-after), so the rollout cannot finish`;
        log_1.log.info(message);
        return { done: false, reason: first.reason, message };
    }
    finally {
        clearInterval(progress);
        // Ends a progress poll still in flight, so that no line about this wait follows its end.
        stop.abort();
    }
}
async function reportProgress(k, t, started, timeoutS, over, onLost) {
    const r = await (0, exec_1.exec)(kubectl_1.kc.getDeployment(k, t.namespace, t.name), {
        echo: false,
        timeoutMs: 10_000,
        signal: over,
    });
    if (over.aborted)
        return;
    if (r.exitCode !== 0) {
        const f = (0, kubectl_1.classifyKubectl)(r);
        const what = f.lost ? f.what : r.timedOut ? 'no answer in 10 s' : undefined;
        if (what)
            onLost(what);
        return;
    }
    const d = (0, kubectl_1.parseDeployment)(r.stdout);
    if (!d)
        return;
    log_1.log.info(`… ${t.name}: ${d.updatedReplicas} of ${d.replicas} replicas updated, ${d.readyReplicas} ready, ${d.availableReplicas} available (${(0, text_1.secs)(Date.now() - started)} of rollout-timeout ${timeoutS}s)`);
}
/** The pods of a deployment; none when kubectl cannot list them (a diagnostic must not fail the deploy). */
async function podsOf(k, t, selector, signal) {
    const p = await (0, exec_1.exec)(kubectl_1.kc.pods(k, t.namespace, selector), { echo: false, signal });
    try {
        return p.exitCode === 0 ? (0, kubectl_1.parsePods)(p.stdout) : [];
    }
    catch {
        return [];
    }
}
const podOwners = (pods) => new Set(pods.flatMap((p) => (p.owner ? [p.owner] : [])));
async function watchForStuckPods(k, t, stuckAfterS, signal) {
    const since = new Map();
    const pollMs = Math.min(5000, Math.max(250, (stuckAfterS * 1000) / 4));
    while (!signal.aborted) {
        // Abortable, so that a finished rollout does not keep the process alive until the next poll.
        if (!(await (0, promises_1.setTimeout)(pollMs, true, { signal }).catch(() => false)))
            break;
        // A failed lookup (the API server gone) is the rollout wait's to report.
        const selector = (t.before ?? (await getDeployment(k, t.namespace, t.name).catch(() => undefined)))
            ?.selector;
        if (!selector)
            continue;
        const now = Date.now();
        const stuck = (0, kubectl_1.stuckContainers)(await podsOf(k, t, selector, signal), t.ownersBefore);
        const keys = new Set(stuck.map((c) => `${c.pod}/${c.container}`));
        for (const key of since.keys())
            if (!keys.has(key))
                since.delete(key);
        for (const c of stuck) {
            const key = `${c.pod}/${c.container}`;
            if (!since.has(key)) {
                since.set(key, now);
                log_1.log.info(`${key} is in ${c.reason}; the rollout fails if it still is in ${stuckAfterS}s`);
            }
            else if (now - since.get(key) >= stuckAfterS * 1000)
                return c;
        }
    }
    return undefined;
}
/**
 * The undo of one deployment, and its rollout. An API server that stops answering on the way leaves it
 * half done: the message then says so, with the commands that check and finish it.
 */
async function rollBack(i, k, t) {
    const to = t.before?.revision;
    if (to === undefined)
        return;
    const u = await (0, exec_1.exec)(kubectl_1.kc.undo(k, t.namespace, t.name, to));
    if (u.exitCode !== 0) {
        const lost = lostConnection(u);
        t.rollback = {
            to,
            ok: false,
            cutOff: !!lost,
            message: lost ? (0, report_1.undoCutOff)(i, t, lost, false) : `rollout undo failed: ${firstLine(u)}`,
        };
        return;
    }
    const s = await waitFor(k, t, i.rolloutTimeoutS);
    if (s.reason === 'ConnectionLost') {
        t.rollback = { to, ok: false, cutOff: true, message: (0, report_1.undoCutOff)(i, t, s.message ?? 'no answer', true) };
        return;
    }
    const now = (await getDeployment(k, t.namespace, t.name).catch(() => undefined))?.revision;
    t.rollback = {
        to,
        now,
        ok: s.done,
        message: s.done
            ? `rolled back to revision ${to}${now !== undefined && now !== to ? ` (now numbered ${now})` : ''}`
            : `rolled back to revision ${to}, but that rollout did not finish either: ${s.message}`,
    };
}
/** The manifests with the image pinned, and the deployments to wait for. */
function renderManifests(i, ref, cause, overlay) {
    const source = overlay ? (0, kubectl_1.withoutOrigins)(overlay) : (0, manifests_1.readManifestDir)(i.manifests);
    const rendered = (0, manifests_1.pinImages)(source, ref, cause);
    log_1.log.info(`pinned ${ref} in ${rendered.replaced.join(', ')}`);
    const wanted = i.deployments.map((d) => d.name);
    const missing = wanted.filter((w) => !rendered.deployments.some((d) => d.name === w));
    if (missing.length)
        throw new errors_1.ActionError(`${missing.join(', ')} not among the Deployments in the manifests (${rendered.deployments.map((d) => d.name).join(', ') || 'none'})`, 'deployments', 'list only Deployments the manifests contain, or leave it empty to wait for all of them');
    const targets = rendered.deployments
        .filter((d) => !wanted.length || wanted.includes(d.name))
        .map((d) => ({
        name: d.name,
        namespace: d.namespace || i.namespace,
        container: '',
        changed: false,
        waitMs: 0,
    }));
    return { list: rendered.list, targets, namespaces: rendered.namespaces };
}
/**
 * The digest must carry the signature, and name the source, that deploy accepts. Runs before the first
 * request to the cluster, so a refused image changes nothing there.
 */
async function checkImage(i, ref, env) {
    const refInput = i.imageRef ? 'image-ref' : 'image';
    const verified = i.verify.mode === 'off'
        ? undefined
        : await (0, signing_1.verifyImage)(i.verify, {
            ref,
            refInput,
            plainHttp: i.registryInsecure,
            tempDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'mcp-deploy-deploy'),
            install: { mirror: i.toolsMirror },
        });
    const provenance = i.requireProvenance ? await (0, signing_1.checkProvenance)(ref, env.ctx, { refInput }) : undefined;
    return { verified, provenance };
}
async function runDeploy(i, env) {
    const ref = (0, oci_1.checkDigestRef)((0, resolved_1.subjectImage)(env, i.imageRef) ?? '');
    // kubectl on PATH at the pinned version is used as is; otherwise the pinned, checksummed release.
    const bin = await (0, tools_1.ensureTool)('kubectl', { mirror: i.toolsMirror });
    const { rendered, lint } = await renderAndLint(i, env, bin);
    if (lint.failed)
        return (0, report_1.lintFailure)(i, env.ctx.workspace, lint);
    const checked = await checkImage(i, ref, env);
    // What the summary shows under the rollout, whatever happens to it: the image checks, then the lint.
    const notes = (0, report_1.checksSummary)(checked).append(lint.summary);
    const { k, missingNamespace } = await connect(i, bin);
    const cause = (0, plan_1.changeCause)(env.ctx, ref);
    const { targets, manifestList } = await prepareTargets(i, k, ref, cause, rendered, missingNamespace);
    const gh = await startRecord(i, env, ref);
    env.state.rolloutStartedAt = Date.now();
    const cutOff = await apply(i, k, targets, ref, cause, manifestList);
    if (cutOff)
        return applyLost(i, k, ref, targets, cutOff, notes, gh);
    const waitStarted = await waitForAll(i, k, targets);
    if (!(await seenThrough(i, k, ref, targets, waitStarted))) {
        await gh?.status('failure', 'cluster state unknown: the API server stopped answering during the rollout');
        return (0, report_1.unknownState)(i, ref, targets, notes, gh);
    }
    await Promise.all(targets.map(async (t) => (t.after = await getDeployment(k, t.namespace, t.name))));
    // An apply that left a deployment's template alone made no revision this run could undo.
    for (const t of targets)
        if (i.strategy === 'manifests')
            t.changed = t.after?.revision !== t.before?.revision;
    const failed = await diagnoseFailures(k, targets);
    // They went out together, so a failure of one takes all of them back.
    const undoable = targets.filter((t) => t.changed && t.before?.revision !== undefined);
    if (failed.length && i.rollbackOnFailure) {
        await log_1.log.group('rolling back', () => Promise.all(undoable.map((t) => rollBack(i, k, t))));
    }
    if (!failed.length && undoable.length)
        env.state.rollback = undoLater(i, k, ref, targets, undoable, notes, gh);
    return finish(i, ref, targets, failed, notes, gh);
}
/** The overlay rendered once (the lint reads what is applied), then the lint. */
async function renderAndLint(i, env, bin) {
    const rendered = i.kustomize ? await (0, kubectl_1.kustomize)({ bin }, i.manifests) : undefined;
    const lint = i.manifests
        ? await (0, lint_1.runLint)([i.manifests], i.lint, env.ctx.workspace, rendered)
        : { summary: new summary_1.Summary(), failed: false, headline: 'no manifests to lint' };
    return { rendered, lint };
}
/**
 * What the deploy changes: the Deployments of the manifests, or those named for set-image, each with its
 * state before. Every deployment and container is checked before the first one is changed.
 */
async function prepareTargets(i, k, ref, cause, rendered, missingNamespace) {
    let targets;
    let manifestList = '';
    if (i.strategy === 'manifests') {
        const r = renderManifests(i, ref, cause, rendered);
        if (missingNamespace) {
            if (!r.namespaces.includes(missingNamespace.name))
                throw (0, report_1.namespaceError)(missingNamespace.stderr, missingNamespace.name);
            log_1.log.info(`namespace '${missingNamespace.name}' does not exist yet: the manifests create it`);
        }
        targets = r.targets;
        manifestList = r.list;
    }
    else {
        targets = i.deployments.map((d) => ({
            name: d.name,
            namespace: i.namespace,
            container: d.container,
            changed: false,
            waitMs: 0,
        }));
    }
    await Promise.all(targets.map(async (t) => {
        t.before = await getDeployment(k, t.namespace, t.name);
        if (i.stuckAfterS && t.before)
            t.ownersBefore = podOwners(await podsOf(k, t, t.before.selector));
    }));
    if (i.strategy === 'set-image')
        for (const t of targets)
            checkSetImageTarget(t);
    return { targets, manifestList };
}
function checkSetImageTarget(t) {
    if (!t.before)
        throw new errors_1.ActionError(`deployment '${t.name}' does not exist${t.namespace ? ` in namespace '${t.namespace}'` : ''}`, 'deployments', 'create it first (strategy manifests can), or fix the name or namespace');
    const names = t.before.containers.map((c) => c.name);
    t.container ||= names[0] ?? '';
    if (!names.includes(t.container))
        throw new errors_1.ActionError(`deployment '${t.name}' has no container '${t.container}'`, 'deployments', `use one of: ${names.join(', ')}`);
}
/** The GitHub deployment of the environment, when there is a token and an environment. */
async function startRecord(i, env, ref) {
    const gh = i.githubToken && i.environment
        ? await (0, github_1.startGithubDeployment)(i.githubToken, env.ctx, i.environment, i.environmentUrl, `${(0, report_1.shortImage)(ref)} to ${i.environment}`)
        : undefined;
    await gh?.status('in_progress', `rolling out ${(0, report_1.shortImage)(ref)}`);
    return gh;
}
/**
 * Changes the cluster. Returns kubectl's words when the API server stopped answering on the way (the
 * targets then say what was changed, and what may have been: `applying`); any other failure throws.
 */
async function apply(i, k, targets, ref, cause, manifestList) {
    try {
        if (i.strategy === 'set-image') {
            for (const t of targets) {
                if (t.before.containers.find((c) => c.name === t.container)?.image === ref) {
                    log_1.log.info(`${t.name}: ${t.container} already runs ${ref}`);
                    continue;
                }
                t.changed = t.applying = true;
                // Annotated first, so the ReplicaSet the image change creates carries the cause.
                await (0, exec_1.execOk)(kubectl_1.kc.annotate(k, t.namespace, t.name, cause));
                await (0, exec_1.execOk)(kubectl_1.kc.setImage(k, t.namespace, t.name, t.container, ref));
                t.applying = false;
            }
        }
        else {
            for (const t of targets)
                t.changed = t.applying = true;
            await (0, exec_1.execOk)(kubectl_1.kc.apply(k, i.namespace), { input: manifestList });
            for (const t of targets)
                t.applying = false;
        }
        return undefined;
    }
    catch (e) {
        const lost = e instanceof exec_1.CommandError ? lostConnection(e.result) : undefined;
        if (!lost)
            throw e;
        return lost;
    }
}
/** kubectl's words when a call failed because the API server did not answer; undefined otherwise. */
function lostConnection(r) {
    const f = (0, kubectl_1.classifyKubectl)(r);
    return f.lost || f.kind === 'unreachable' || f.kind === 'timeout' ? f.what : undefined;
}
/**
 * The API server stopped answering during the apply: the same path as a loss during the rollout. Waits
 * for it (up to rollout-timeout), then undoes every deployment whose revision moved; or, when it never
 * answers, says the state is unknown with the commands to check and undo.
 */
async function applyLost(i, k, ref, targets, what, notes, gh) {
    for (const t of targets)
        t.status = { done: false, reason: 'ApplyInterrupted', message: what };
    log_1.log.warning(`the API server${i.kubeconfigInfo ? ` at ${i.kubeconfigInfo.server}` : ''} stopped answering while applying (${what}); ${(0, report_1.appliedSoFar)(i, ref, targets)}`);
    if (!(await reachAgain(k, Date.now() + i.rolloutTimeoutS * 1000))) {
        await gh?.status('failure', 'cluster state unknown: the API server stopped answering while applying');
        return (0, report_1.unknownState)(i, ref, targets, notes, gh, true);
    }
    await Promise.all(targets.map(async (t) => {
        t.after = await getDeployment(k, t.namespace, t.name).catch(() => undefined);
        t.changed = t.after?.revision !== t.before?.revision;
        t.applying = false;
    }));
    const undoable = targets.filter((t) => t.changed && t.before?.revision !== undefined);
    if (undoable.length && i.rollbackOnFailure)
        await log_1.log.group('rolling back', () => Promise.all(undoable.map((t) => rollBack(i, k, t))));
    const r = (0, report_1.applyCutOff)(i, ref, targets, what, notes, gh);
    await gh?.status('failure', r.headline);
    return r;
}
/** Waits for every target together; returns when the wait started. */
async function waitForAll(i, k, targets) {
    const waitStarted = Date.now();
    await Promise.all(targets.map(async (t) => {
        t.status = await waitFor(k, t, i.rolloutTimeoutS, i.stuckAfterS);
        t.waitMs = Date.now() - waitStarted;
        if (t.status.done)
            log_1.log.info(`${t.name} rolled out in ${(0, text_1.secs)(t.waitMs)}`);
    }));
    return waitStarted;
}
/** False when the API server went away during the rollout and did not come back before its deadline. */
async function seenThrough(i, k, ref, targets, waitStarted) {
    const lost = targets.filter((t) => t.status?.reason === 'ConnectionLost');
    if (!lost.length)
        return true;
    log_1.log.warning(`the API server${i.kubeconfigInfo ? ` at ${i.kubeconfigInfo.server}` : ''} stopped answering during the rollout (${lost[0].status.message}); already applied: ${(0, report_1.applied)(i, ref, targets)}`);
    return reachAgain(k, waitStarted + i.rolloutTimeoutS * 1000);
}
/** The targets that did not roll out, each with what the cluster says about why. */
async function diagnoseFailures(k, targets) {
    const failed = targets.filter((t) => !t.status.done);
    for (const t of failed) {
        t.diagnostics = await diagnose(k, t, t.status);
        await log_1.log.group(`why ${t.name} did not roll out: ${t.diagnostics.reasons.join(', ')}`, async () => log_1.log.info((0, report_1.diagnosticsText)(t.diagnostics)));
    }
    return failed;
}
/** The undo the pipeline calls when a later stage (verify) fails after a good rollout. */
function undoLater(i, k, ref, targets, undoable, notes, gh) {
    return async (reason) => {
        log_1.log.warning(`undoing the deploy: ${reason}`);
        await Promise.all(undoable.map((t) => rollBack(i, k, t)));
        const undone = undoable.map((t) => `${t.name} ${t.rollback?.message ?? 'not undone'}`);
        for (const t of undoable)
            (t.rollback?.ok ? log_1.log.info : log_1.log.warning)(`${t.name}: ${t.rollback?.message ?? 'not undone'}`);
        const ok = undoable.every((t) => t.rollback?.ok);
        await gh?.status('failure', `${ok ? 'rolled back' : 'rollback failed'}: ${reason}`);
        return {
            ok,
            message: `${ok ? 'deploy undone' : 'deploy NOT undone'}: ${undone.join('; ')}`,
            result: (0, report_1.deployReport)(i, ref, targets, notes, gh, reason),
        };
    };
}
/** Tells the GitHub deployment how it went, and returns the stage's result. */
async function finish(i, ref, targets, failed, notes, gh) {
    const rolledBack = (0, report_1.allRolledBack)(targets);
    await gh?.status(failed.length ? 'failure' : 'success', failed.length
        ? `${failed.map((t) => `${t.name}: ${t.diagnostics.reasons.join(', ')}`).join('; ')}${rolledBack ? '; rolled back' : '; not rolled back'}`
        : `${(0, report_1.shortImage)(ref)} is live`);
    return {
        status: failed.length ? 'failure' : 'success',
        ...(0, report_1.deployReport)(i, ref, targets, notes, gh),
        failure: failed.length
            ? failed.map((t) => (0, report_1.failureLine)(t)).join('; ') + (0, report_1.rollbackNote)(targets, i.rollbackOnFailure)
            : undefined,
    };
}
/**
 * After the API server went away mid-rollout, tries to reach it until the rollout's deadline. Any answer
 * that is not a connection error counts: the server is there again.
 */
async function reachAgain(k, deadline) {
    const started = Date.now();
    const left = () => deadline - Date.now();
    try {
        await (0, retry_1.retry)(
        // Bounded by the deadline; each wait is at least 1 s, so this many attempts never run out first.
        { attempts: Math.ceil(Math.max(0, left()) / 1000) + 2, firstDelayMs: 1000, maxDelayMs: 5000 }, async () => {
            const v = await (0, exec_1.exec)(kubectl_1.kc.serverVersion(k), {
                echo: false,
                timeoutMs: Math.min(15_000, Math.max(1000, left())),
            });
            const f = v.exitCode !== 0 ? (0, kubectl_1.classifyKubectl)(v) : undefined;
            const what = f?.lost ? f.what : v.timedOut ? 'no answer' : undefined;
            if (what)
                throw new Error(what);
        }, () => left() > 0, (e, n, waitMs) => log_1.log.info(`… the API server does not answer (${(0, errors_1.errorMessage)(e)}, try ${n}); next try in ${(0, text_1.secs)(waitMs)}, ${(0, text_1.secs)(Math.max(0, left()))} left of rollout-timeout`));
    }
    catch {
        return false;
    }
    log_1.log.info(`the API server answers again after ${(0, text_1.secs)(Date.now() - started)}`);
    return true;
}


/***/ }),

/***/ 6736:
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
exports.decodeKubeconfig = decodeKubeconfig;
exports.checkKubeconfig = checkKubeconfig;
exports.readKubeconfig = readKubeconfig;
exports.writeKubeconfig = writeKubeconfig;
const crypto = __importStar(__webpack_require__(77598));
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const yaml_1 = __webpack_require__(38815);
const cleanup_1 = __webpack_require__(72691);
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
const INPUT = 'kubeconfig';
/** Raw YAML or base64 of it (the usual way to store a kubeconfig in a CI secret). */
function decodeKubeconfig(value) {
    const v = value.trim();
    if (/^[A-Za-z0-9+/=\s]+$/.test(v) && !/^\s*(apiVersion|kind|clusters)\s*:/m.test(v)) {
        const decoded = Buffer.from(v.replace(/\s+/g, ''), 'base64').toString('utf8');
        if (!/^\s*(apiVersion|kind|clusters|contexts|users|current-context)\s*:/m.test(decoded))
            throw new errors_1.ActionError('is neither kubeconfig YAML nor base64 of it', INPUT, 'paste the kubeconfig file as is, or `base64 -w0` of it');
        return decoded;
    }
    return v;
}
function checkKubeconfig(text, wantedContext) {
    let doc;
    try {
        doc = (0, yaml_1.parse)(text);
    }
    catch (e) {
        const where = e instanceof yaml_1.YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}` : '';
        throw new errors_1.ActionError(`is not valid YAML${where}`, INPUT, 'check the secret holds the whole kubeconfig file');
    }
    const cfg = (doc ?? {});
    if (typeof doc !== 'object' || Array.isArray(doc) || cfg.kind !== 'Config' || cfg.apiVersion !== 'v1')
        throw new errors_1.ActionError('is not a kubeconfig (expected apiVersion: v1 and kind: Config)', INPUT, 'use the file `kubectl config view --raw --minify` prints');
    const list = (key) => {
        const v = cfg[key];
        if (!Array.isArray(v) || !v.length)
            throw new errors_1.ActionError(`has no ${key}`, INPUT, 'use the file `kubectl config view --raw --minify` prints');
        return v;
    };
    const clusters = list('clusters');
    const contexts = list('contexts');
    const users = list('users');
    const names = contexts.map((c) => String(c.name ?? ''));
    const chosen = wantedContext || (typeof cfg['current-context'] === 'string' ? cfg['current-context'] : '');
    if (!chosen)
        throw new errors_1.ActionError('sets no current-context', 'context', `name one of the kubeconfig's contexts: ${names.join(', ')}`);
    const ctx = contexts.find((c) => c.name === chosen);
    if (!ctx)
        throw new errors_1.ActionError(`context '${chosen}' is not in the kubeconfig`, wantedContext ? 'context' : INPUT, `use one of: ${names.join(', ')}`);
    const cluster = clusters.find((c) => c.name === ctx.context?.cluster);
    if (!cluster)
        throw new errors_1.ActionError(`context '${chosen}' names a cluster that is not in the kubeconfig`, INPUT, 'list the cluster under clusters');
    if (!users.some((u) => u.name === ctx.context?.user))
        throw new errors_1.ActionError(`context '${chosen}' names a user that is not in the kubeconfig`, INPUT, 'list the user under users');
    const server = cluster.cluster?.server;
    if (typeof server !== 'string' || !/^https?:\/\//.test(server))
        throw new errors_1.ActionError(`cluster of context '${chosen}' has no server address`, INPUT, 'set clusters[].cluster.server');
    return { contexts: names, context: chosen, server };
}
/** Masks the value (and its decoded form, line by line) before anything else looks at it. */
function readKubeconfig(value, wantedContext) {
    (0, log_1.registerSecret)(value);
    const text = decodeKubeconfig(value);
    (0, log_1.registerSecret)(text);
    return { text, info: checkKubeconfig(text, wantedContext) };
}
/** `$RUNNER_TEMP/mcp-deploy-<random>/kubeconfig`, 0600 in a 0700 directory, removed in the post step. */
function writeKubeconfig(text, env = process.env) {
    const base = env.RUNNER_TEMP || os.tmpdir();
    const dir = path.join(base, `mcp-deploy-${crypto.randomBytes(6).toString('hex')}`);
    fs.mkdirSync(dir, { mode: 0o700 });
    (0, cleanup_1.addCleanup)({ kind: 'remove', path: dir });
    const file = path.join(dir, 'kubeconfig');
    fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    return file;
}


/***/ })

};
;