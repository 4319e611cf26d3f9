import { getOctokit } from '@actions/github';
import type { RunContext } from '../../context';
import { errorMessage } from '../../errors';
import { log } from '../../report/log';

/**
 * A GitHub deployment and its statuses, so the commit and the pull request show where the image went.
 * Recording is best effort: a missing `deployments: write` permission is a warning, never the reason a
 * rollout is not done or undone.
 */
export interface DeploymentRecord {
  id?: number;
  status(state: 'in_progress' | 'success' | 'failure', description: string): Promise<void>;
}

export async function startGithubDeployment(
  token: string,
  ctx: RunContext,
  environment: string,
  environmentUrl: string,
  description: string,
  apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com',
): Promise<DeploymentRecord> {
  const none: DeploymentRecord = { status: async () => undefined };
  const [owner, repo] = (ctx.repository ?? '').split('/');
  if (!owner || !repo || !ctx.sha) {
    log.warning('no GitHub deployment recorded: the repository or commit of this run is unknown');
    return none;
  }
  const octokit = getOctokit(token, { baseUrl: apiUrl });
  let id: number;
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
    if (!('id' in res.data)) throw new Error(res.data.message ?? 'no deployment created');
    id = res.data.id;
  } catch (e) {
    log.warning(`no GitHub deployment recorded: ${errorMessage(e)} (the token needs deployments: write)`);
    return none;
  }
  log.info(`GitHub deployment ${id} for ${environment}`);
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
      } catch (e) {
        log.warning(`GitHub deployment status ${state} not recorded: ${errorMessage(e)}`);
      }
    },
  };
}
