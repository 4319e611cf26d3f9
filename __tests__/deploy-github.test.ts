import { githubContext } from '../src/context';
import { setSink, textSink } from '../src/report/log';
import { startGithubDeployment } from '../src/stages/deploy/github';
import { startFakeGithub } from './support/fake-github';

const ctx = githubContext(
  {
    GITHUB_REPOSITORY: 'acme/hello-mcp',
    GITHUB_SHA: 'fedcba9876543210fedcba9876543210fedcba98',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
  },
  '/tmp',
);

describe('GitHub deployments: the real Octokit client against a fake GitHub API', () => {
  const lines: string[] = [];
  beforeAll(() => setSink(textSink((l) => lines.push(l))));

  test('a deployment for the commit, then in_progress and success statuses with the environment and run URLs', async () => {
    const gh = await startFakeGithub();
    try {
      const rec = await startGithubDeployment(
        'ghs_faketoken',
        ctx,
        'production',
        'https://mcp.example.com',
        'hello-mcp@abc to production',
        gh.url,
      );
      await rec.status('in_progress', 'rolling out');
      await rec.status('success', 'live');
      expect(rec.id).toBe(1001);
      expect(gh.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
        'POST /repos/acme/hello-mcp/deployments',
        'POST /repos/acme/hello-mcp/deployments/1001/statuses',
        'POST /repos/acme/hello-mcp/deployments/1001/statuses',
      ]);
      expect(gh.calls.every((c) => c.auth === 'token ghs_faketoken')).toBe(true);
      expect(gh.calls[0].body).toEqual({
        ref: ctx.sha,
        environment: 'production',
        description: 'hello-mcp@abc to production',
        auto_merge: false,
        required_contexts: [],
        production_environment: true,
        transient_environment: false,
      });
      expect(gh.calls[1].body).toMatchObject({
        state: 'in_progress',
        environment_url: 'https://mcp.example.com',
        log_url: 'https://github.com/acme/hello-mcp/actions/runs/4242',
      });
      expect(gh.calls[2].body).toMatchObject({ state: 'success', auto_inactive: true });
    } finally {
      await gh.stop();
    }
  });

  test('a token without deployments: write gives a warning, never an error, and no statuses', async () => {
    const gh = await startFakeGithub({ denyDeployments: true });
    try {
      const rec = await startGithubDeployment('ghs_readonly', ctx, 'staging', '', 'x', gh.url);
      await rec.status('failure', 'x');
      expect(rec.id).toBeUndefined();
      expect(gh.calls).toHaveLength(1);
      expect(gh.calls[0].body.production_environment).toBe(false);
      expect(lines.join('\n')).toMatch(
        /warning: no GitHub deployment recorded: Resource not accessible by integration.*deployments: write/,
      );
    } finally {
      await gh.stop();
    }
  });
});
