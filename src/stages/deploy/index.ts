import type { Stage } from '../stage';
import { changeCause, parseDeployInputs, planDeploy, type DeployInputs } from './inputs';
import type { Kubectl } from '../../tools/kubectl';
import { runDeploy } from './run';
import { imageName } from '../../oci';
import { resolvedOf, subjectImage } from '../../resolved';

export const deploy: Stage<DeployInputs> = {
  name: 'deploy',
  parse: (r, env) => parseDeployInputs(r, env.ctx, resolvedOf(r, env)),
  plan(i, env) {
    const ref = subjectImage(env, i.imageRef) ?? '<image-ref from the build stage>';
    const k: Kubectl = {
      bin: 'kubectl',
      kubeconfigPath: i.kubeconfig ? '<RUNNER_TEMP>/mcp-deploy-<random>/kubeconfig' : undefined,
      context: i.context,
    };
    return {
      commands: planDeploy(i, env.ctx, ref, k),
      values: {
        'image-ref': ref,
        strategy: i.strategy,
        ...(i.strategy === 'manifests'
          ? {
              manifests: `${i.manifests}${i.kustomize ? ' (kustomize)' : ''}`,
              'image replaced': imageName(ref),
            }
          : {}),
        deployments:
          i.deployments
            .map((d) => (d.container ? `${d.name} (container ${d.container})` : d.name))
            .join(', ') || '(every Deployment in the manifests)',
        cluster: i.kubeconfigInfo
          ? `${i.kubeconfigInfo.server} (context ${i.kubeconfigInfo.context})`
          : `ambient kubeconfig${i.context ? `, context ${i.context}` : ''}`,
        namespace: i.namespace || "(the context's)",
        'rollout-timeout': `${i.rolloutTimeoutS}s`,
        'rollback-on-failure': String(i.rollbackOnFailure),
        'verify-signature':
          i.verify.mode === 'off'
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
  },
  run: runDeploy,
};
