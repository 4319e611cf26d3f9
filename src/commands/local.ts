import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionError } from '../errors';
import { detectContext, localContext, type RunContext } from '../context';
import { checkoutFacts } from '../tools/git';

/**
 * The context for a CLI run: inside GitHub or GitLab CI the CI's own; on a laptop, git's ref and sha
 * (or --ref/--sha, to see what CI would do for a tag before pushing it).
 */
export async function cliContext(dir: string, flags: Record<string, string>): Promise<RunContext> {
  const env = { ...process.env };
  if (env.GITHUB_ACTIONS === 'true' || env.GITLAB_CI === 'true') {
    const ctx = detectContext(env, dir);
    return flags.ref ? { ...ctx, ref: flags.ref, sha: flags.sha ?? ctx.sha } : ctx;
  }
  const git = await checkoutFacts(dir);
  return localContext(
    { ...env, MCP_DEPLOY_WORKSPACE: flags.workspace ? path.resolve(flags.workspace) : (git.top ?? dir) },
    dir,
    {
      ref: flags.ref ?? git.branch,
      sha: flags.sha ?? git.sha,
      remoteUrl: git.remoteUrl,
      defaultBranch: git.defaultBranch,
    },
  );
}

/**
 * The directory --cwd names, checked here: past this point it becomes working-directory relative to the
 * repository found from it, and a missing one would be reported as '.'.
 */
export function cwdFlag(given: string | undefined): string {
  const dir = path.resolve(given ?? '.');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new ActionError(
      `--cwd ${given}: no such directory (looked at ${dir})`,
      undefined,
      "give the crate's directory, relative to where you stand or absolute",
    );
  return dir;
}
