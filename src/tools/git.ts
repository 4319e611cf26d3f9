import { exec } from '../exec';

/**
 * What git prints, or undefined when git is missing, the directory is not a repository or the ref does
 * not exist: for a local run each of these only means "not known", and the caller picks a fallback.
 */
async function read(args: string[], cwd: string): Promise<string | undefined> {
  try {
    const r = await exec(['git', ...args], { cwd, echo: false });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
  } catch {
    return undefined;
  }
}

export const originUrl = (cwd: string) => read(['remote', 'get-url', 'origin'], cwd);

/** What a laptop run takes from the checkout in place of the CI's variables. */
export async function checkoutFacts(dir: string): Promise<{
  top?: string;
  /** refs/heads/<name>; none on a detached HEAD. */
  branch?: string;
  sha?: string;
  remoteUrl?: string;
  /** The branch origin/HEAD points at. */
  defaultBranch?: string;
}> {
  const remoteHead = await read(['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD'], dir);
  return {
    top: await read(['rev-parse', '--show-toplevel'], dir),
    branch: await read(['symbolic-ref', '-q', 'HEAD'], dir),
    sha: await read(['rev-parse', 'HEAD'], dir),
    remoteUrl: await originUrl(dir),
    defaultBranch: remoteHead?.replace(/^origin\//, ''),
  };
}
