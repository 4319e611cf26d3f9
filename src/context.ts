import * as fs from 'node:fs';

/** Where the pipeline runs and what it runs for. Everything downstream reads this, never the environment. */
export type Platform = 'github' | 'gitlab' | 'local';

export interface RunContext {
  platform: Platform;
  /** push, pull_request, schedule, workflow_dispatch, merge_request_event, local ... */
  event: string;
  /** Fully qualified: refs/heads/<branch>, refs/tags/<tag>, refs/pull/<n>/merge. */
  ref: string;
  sha: string;
  /** Pull (or merge) request number when the event is one. */
  prNumber?: number;
  /** The PR's source branch (GitHub head_ref, GitLab CI_MERGE_REQUEST_SOURCE_BRANCH_NAME). */
  prHeadRef?: string;
  /** True when the PR comes from a fork: no secrets, no push. */
  fork?: boolean;
  defaultBranch?: string;
  /** owner/name (GitHub) or group/project (GitLab). */
  repository?: string;
  /** https URL of the repository, for OCI labels. */
  repositoryUrl?: string;
  runUrl?: string;
  /** Root that annotation paths are made relative to. */
  workspace: string;
  /** Filesystem path of the event payload (GitHub only). */
  eventPath?: string;
}

type Env = Record<string, string | undefined>;

export function detectContext(env: Env = process.env, cwd = process.cwd()): RunContext {
  if (env.GITHUB_ACTIONS === 'true') return githubContext(env, cwd);
  if (env.GITLAB_CI === 'true') return gitlabContext(env, cwd);
  return localContext(env, cwd);
}

export function githubContext(env: Env, cwd: string): RunContext {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const repository = env.GITHUB_REPOSITORY;
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const event = env.GITHUB_EVENT_NAME || 'push';
  const ref = env.GITHUB_REF || '';
  const pr = payload?.pull_request as
    { number?: number; head?: { repo?: { full_name?: string } } } | undefined;
  const prFromRef = /^refs\/pull\/(\d+)\//.exec(ref)?.[1];
  const prNumber = pr?.number ?? (prFromRef ? Number(prFromRef) : undefined);
  const headRepo = pr?.head?.repo?.full_name;
  return {
    platform: 'github',
    event,
    ref,
    sha: env.GITHUB_SHA || '',
    prNumber,
    prHeadRef: env.GITHUB_HEAD_REF || undefined,
    fork: headRepo !== undefined && repository !== undefined ? headRepo !== repository : undefined,
    defaultBranch: (payload?.repository as { default_branch?: string } | undefined)?.default_branch,
    repository,
    repositoryUrl: repository ? `${server}/${repository}` : undefined,
    runUrl:
      repository && env.GITHUB_RUN_ID
        ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    workspace: env.GITHUB_WORKSPACE || cwd,
    eventPath: env.GITHUB_EVENT_PATH,
  };
}

export function gitlabContext(env: Env, cwd: string): RunContext {
  const mr = env.CI_MERGE_REQUEST_IID;
  const tag = env.CI_COMMIT_TAG;
  const branch = env.CI_COMMIT_BRANCH || env.CI_COMMIT_REF_NAME || '';
  const ref = mr ? `refs/merge-requests/${mr}/head` : tag ? `refs/tags/${tag}` : `refs/heads/${branch}`;
  const source = env.CI_MERGE_REQUEST_SOURCE_PROJECT_ID;
  const target = env.CI_MERGE_REQUEST_PROJECT_ID || env.CI_PROJECT_ID;
  return {
    platform: 'gitlab',
    event: env.CI_PIPELINE_SOURCE || 'push',
    ref,
    sha: env.CI_COMMIT_SHA || '',
    prNumber: mr ? Number(mr) : undefined,
    prHeadRef: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME || undefined,
    fork: source && target ? source !== target : undefined,
    defaultBranch: env.CI_DEFAULT_BRANCH,
    repository: env.CI_PROJECT_PATH,
    repositoryUrl: env.CI_PROJECT_URL,
    runUrl: env.CI_PIPELINE_URL || env.CI_JOB_URL,
    workspace: env.CI_PROJECT_DIR || cwd,
  };
}

/**
 * On a laptop the ref and sha come from git (or --ref/--sha), read by the caller through exec so that
 * this module stays free of process spawning.
 */
export function localContext(
  env: Env,
  cwd: string,
  git: { ref?: string; sha?: string; remoteUrl?: string; defaultBranch?: string } = {},
): RunContext {
  const ref = git.ref || 'refs/heads/local';
  const pr = /^refs\/pull\/(\d+)\//.exec(ref)?.[1];
  return {
    platform: 'local',
    event: pr ? 'pull_request' : 'push',
    ref,
    sha: git.sha || '0000000000000000000000000000000000000000',
    prNumber: pr ? Number(pr) : undefined,
    defaultBranch: git.defaultBranch,
    repository: git.remoteUrl ? repoFromRemote(git.remoteUrl) : undefined,
    repositoryUrl: git.remoteUrl ? httpsFromRemote(git.remoteUrl) : undefined,
    workspace: env.MCP_DEPLOY_WORKSPACE || cwd,
  };
}

/** Host (lower case) and path of a git remote: scheme URLs (https://, ssh://host:port/) and scp-like git@host:o/r. */
export function parseRemote(url: string): { host: string; repo: string } | undefined {
  const u = url.trim();
  const m =
    /^[a-z+]+:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/i.exec(u) ??
    /^(?:[^@/]+@)?([^/:]+):(.+?)(?:\.git)?\/?$/.exec(u);
  return m ? { host: m[1].toLowerCase(), repo: m[2] } : undefined;
}

/**
 * The image a repository's own registry would hold: ghcr.io for GitHub remotes, the project registry for
 * gitlab.com; undefined for other hosts. init writes it and a local `plan`/`run` defaults to it.
 */
export function imageFromRemote(remote: string): string | undefined {
  const r = parseRemote(remote);
  if (r?.host === 'github.com') return `ghcr.io/${r.repo.toLowerCase()}`;
  if (r?.host === 'gitlab.com') return `registry.gitlab.com/${r.repo.toLowerCase()}`;
  return undefined;
}

/** git@github.com:o/r.git, https://github.com/o/r(.git), ssh://git@host:2222/o/r -> o/r */
export function repoFromRemote(url: string): string | undefined {
  return parseRemote(url)?.repo;
}

function httpsFromRemote(url: string): string | undefined {
  const r = parseRemote(url);
  return r ? `https://${r.host}/${r.repo}` : undefined;
}

function readPayload(file: string | undefined): Record<string, unknown> | undefined {
  if (!file) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Branch name of a branch ref, tag name of a tag ref; undefined otherwise. */
export function refBranch(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
export function refTag(ref: string): string | undefined {
  return ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
}
