import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './support/action';
import { describeWith, missingCommands } from './support/skip';

/**
 * `npm run demo`, the README's first command after `npm ci`, as a new user runs it: the real gates on
 * examples/hello-mcp with the committed CLI bundle, then a plan of every stage for a release tag.
 */
describeWith('npm run demo', missingCommands('cargo', 'cargo-clippy', 'rustfmt'), () => {
  jest.setTimeout(300_000);

  test('the gates pass and the plan of the whole pipeline prints every stage, exit 0', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '', GITLAB_CI: '', NO_COLOR: '1' },
    });
    const out = `${r.stdout}${r.stderr}`;
    expect({ status: r.status, errors: out.split('\n').filter((l) => /^error:/.test(l)) }).toEqual({
      status: 0,
      errors: [],
    });
    expect(out).toMatch(/gates +✅ passed +3 gates passed/);
    for (const stage of ['gates', 'build', 'scan', 'deploy', 'verify']) expect(out).toContain(`[${stage}]`);
    expect(out).toContain('$ kubectl --namespace mcp-staging set image deployment/hello-mcp');
  });
});
