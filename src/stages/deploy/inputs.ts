import type { RunContext } from '../../context';
import { ActionError } from '../../errors';
import { INPUTS, type InputReader } from '../../inputs';
import { checkDigestRef } from '../../oci';
import { requireImage, resolveRun, type Resolved } from '../../resolved';
import { parseLintInputs, type LintInputs } from '../../lint';
import { resolveVerify, type VerifySettings } from '../../signing';
import { readToolsMirror } from '../../tools';
import { readKubeconfig, type KubeconfigInfo } from '../../tools/kubeconfig';
import { kustomizationIn } from '../../tools/kubectl';

export const STRATEGIES = INPUTS.strategy.allowed;
export type Strategy = (typeof STRATEGIES)[number];

export interface DeploymentTarget {
  name: string;
  /** Empty: the deployment's first container (or the `container` input). */
  container: string;
}

export interface DeployInputs {
  /** image@sha256:<64 hex>; undefined when the build stage of this run provides it. */
  imageRef?: string;
  /** Raw kubeconfig text (decoded); undefined means the ambient KUBECONFIG / ~/.kube/config. */
  kubeconfig?: string;
  kubeconfigInfo?: KubeconfigInfo;
  context: string;
  /** Empty: the context's namespace (kubectl's default). */
  namespace: string;
  strategy: Strategy;
  deployments: DeploymentTarget[];
  /** Absolute directory or kustomize overlay, for strategy manifests. */
  manifests?: string;
  kustomize: boolean;
  rolloutTimeoutS: number;
  /** A container of the new pods failing this long ends the wait early; 0 waits for rollout-timeout. */
  stuckAfterS: number;
  rollbackOnFailure: boolean;
  environment: string;
  environmentUrl: string;
  githubToken: string;
  /** The MCP deployment lint that runs on the manifests before anything changes. */
  lint: LintInputs;
  toolsMirror: string;
  /** Which signature the digest must carry; checked before anything changes in the cluster. */
  verify: VerifySettings;
  /** The image's provenance must name this repository and the commit being deployed. */
  requireProvenance: boolean;
  /** The registry speaks plain HTTP (registry-insecure), for cosign. */
  registryInsecure: boolean;
}

const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function parseTargets(items: string[], fallbackContainer: string): DeploymentTarget[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const [name, container = fallbackContainer, extra] = item.split('=').map((s) => s.trim());
    if (extra !== undefined || !DNS1123.test(name) || name.length > 253)
      throw new ActionError(
        `'${item}' is not <deployment>[=<container>] with a DNS-1123 name`,
        'deployments',
        'use lower-case names like hello-mcp or hello-mcp=server',
      );
    if (container && !DNS1123.test(container))
      throw new ActionError(
        `container '${container}' is not a DNS-1123 name`,
        'deployments',
        'use the container name from the pod spec',
      );
    if (seen.has(name))
      throw new ActionError(`'${name}' is listed twice`, 'deployments', 'list each deployment once');
    seen.add(name);
    return { name, container };
  });
}

/** What is deployed and how: the strategy, the Deployments, and the manifests (an overlay or not). */
function readWhat(r: InputReader, ctx: RunContext) {
  // Giving manifests is choosing them: a pipeline that names an overlay should not also need the strategy.
  const strategy = r.oneOf('strategy', STRATEGIES, r.string('manifests') ? 'manifests' : 'set-image');
  const deployments = parseTargets(r.list('deployments'), r.string('container'));
  let manifests: string | undefined;
  let kustomize = false;
  if (strategy === 'set-image') {
    if (!deployments.length)
      throw new ActionError(
        'is required with strategy set-image',
        'deployments',
        'name the deployment(s), e.g. hello-mcp or hello-mcp=server',
      );
    if (r.string('manifests'))
      throw new ActionError(
        'is only used with strategy manifests',
        'manifests',
        'set strategy: manifests, or remove manifests',
      );
  } else {
    if (!r.string('manifests'))
      throw new ActionError(
        'is required with strategy manifests',
        'manifests',
        'give a directory of manifests or a kustomize overlay',
      );
    manifests = r.directory('manifests', ctx.workspace);
    kustomize = kustomizationIn(manifests) !== undefined;
  }
  return { strategy, deployments, manifests, kustomize };
}

export function parseDeployInputs(
  r: InputReader,
  ctx: RunContext,
  resolved: Resolved = resolveRun(r),
): DeployInputs {
  const ref = requireImage(resolved);
  const imageRef = ref ? checkDigestRef(ref) : undefined;

  const context = r.string('context');
  if (context && !/^[^\s]+$/.test(context))
    throw new ActionError(
      `'${context}' is not a context name`,
      'context',
      'use a name from the kubeconfig contexts',
    );
  const rawKubeconfig = r.secret('kubeconfig');
  const kc = rawKubeconfig ? readKubeconfig(rawKubeconfig, context || undefined) : undefined;

  const namespace = r.string('namespace');
  if (namespace && (!DNS1123.test(namespace) || namespace.length > 63))
    throw new ActionError(
      `'${namespace}' is not a namespace name`,
      'namespace',
      'use a DNS-1123 label like hello-mcp-staging',
    );

  const { strategy, deployments, manifests, kustomize } = readWhat(r, ctx);

  const environmentUrl = r.string('environment-url');
  if (environmentUrl && !/^https?:\/\/\S+$/.test(environmentUrl))
    throw new ActionError(
      `'${environmentUrl}' is not an http(s) URL`,
      'environment-url',
      'give the URL where the environment answers',
    );
  const environment = r.string('environment');
  if (environment && !/^[\w .-]{1,255}$/.test(environment))
    throw new ActionError(
      `'${environment}' is not an environment name`,
      'environment',
      'use a name like staging or production',
    );

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
    lint: parseLintInputs(r),
    toolsMirror: readToolsMirror(r),
    verify: resolveVerify(
      {
        'verify-signature': r.oneOf('verify-signature'),
        'transparency-log': String(r.bool('transparency-log')),
        'cosign-public-key': r.string('cosign-public-key'),
        'certificate-identity': r.string('certificate-identity'),
        'certificate-identity-regexp': r.string('certificate-identity-regexp'),
        'certificate-oidc-issuer': r.string('certificate-oidc-issuer'),
      },
      ctx,
    ),
    requireProvenance: r.bool('require-provenance'),
    registryInsecure: r.oneOf('registry-insecure', INPUTS['registry-insecure'].allowed) === 'true',
  };
}
