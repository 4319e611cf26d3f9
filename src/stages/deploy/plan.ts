import type { RunContext } from '../../context';
import { imageName } from '../../oci';
import { subjectImage } from '../../resolved';
import { kc, type Kubectl } from '../../tools/kubectl';
import type { Plan, PlannedCommand, StageEnv } from '../stage';
import type { DeployInputs } from './inputs';

/** Why this deploy happened, for `kubectl rollout history` and anyone reading the cluster later. */
export function changeCause(ctx: RunContext, ref: string): string {
  const parts = [`mcp-deploy ${ref.split('@sha256:')[1]?.slice(0, 12) ?? ''}`.trim()];
  if (ctx.sha) parts.push(`commit ${ctx.sha.slice(0, 12)}`);
  if (ctx.ref) parts.push(ctx.ref);
  if (ctx.runUrl) parts.push(ctx.runUrl);
  return parts.join(' · ');
}

/** Every command the stage runs, as `mcp-deploy plan` prints them. */
export function deployCommands(
  i: DeployInputs,
  ctx: RunContext,
  imageRef: string,
  k: Kubectl,
): PlannedCommand[] {
  const cmds: PlannedCommand[] = [];
  if (i.kustomize)
    cmds.push({
      argv: kc.kustomize(k, '<temp>', '<temp>/rendered.yaml'),
      why: `render ${i.manifests} once, for the lint and the apply: <temp>/kustomization.yaml includes it and records each object's source file`,
    });
  cmds.push({ argv: kc.serverVersion(k), why: 'is the API server reachable with these credentials?' });
  if (i.namespace)
    cmds.push({
      argv: kc.namespace(k, i.namespace),
      why:
        i.strategy === 'manifests'
          ? 'does the namespace exist? (if not, the manifests must create it)'
          : 'does the namespace exist?',
    });
  const names = i.deployments.map((d) => d.name);
  const wait = (name: string) => ({
    argv: kc.rolloutStatus(k, i.namespace, name, i.rolloutTimeoutS),
    why: 'wait; all deployments are waited for together',
  });
  if (i.strategy === 'set-image') {
    for (const d of i.deployments) {
      cmds.push({ argv: kc.getDeployment(k, i.namespace, d.name), why: 'revision and image before' });
      if (i.stuckAfterS)
        cmds.push({
          argv: kc.pods(k, i.namespace, '<its selector>'),
          why: 'only if the deployment exists: its pods before the change, so that only new pods count as stuck (stuck-after)',
        });
      cmds.push({ argv: kc.annotate(k, i.namespace, d.name, changeCause(ctx, imageRef)) });
      cmds.push({
        argv: kc.setImage(k, i.namespace, d.name, d.container || '<first container>', imageRef),
      });
    }
    cmds.push(...names.map(wait));
  } else {
    cmds.push({
      argv: kc.apply(k, i.namespace),
      why: `images named ${imageName(imageRef)} replaced by the digest, change-cause added`,
    });
    cmds.push(...(names.length ? names : ['<each Deployment in the manifests>']).map(wait));
  }
  if (i.rollbackOnFailure)
    cmds.push({
      argv: [...kc.undo(k, i.namespace, names[0] ?? '<deployment>'), '--to-revision=<revision before>'],
      why: 'only if the rollout fails: back to the revision recorded before',
    });
  return cmds;
}

/** What `mcp-deploy plan` prints for deploy: the commands, and the values they are built from. */
export function planDeploy(i: DeployInputs, env: StageEnv): Plan {
  const ref = subjectImage(env, i.imageRef) ?? '<image-ref from the build stage>';
  const k: Kubectl = {
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
}
