import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support/action';
import { copyRepo } from './support/release';
import { describeWith, missingCommands } from './support/skip';

/**
 * .github/workflows/release.yml: the credential rules (issue 15), the order of the release, and the tags
 * job's own steps run against local bare repositories (file remotes only): the version tag and the major
 * tag name the prepared commit, a pre-release moves only its tag, a re-run changes nothing, a refused push
 * says what to change. The parser, actionlint and shellcheck checks for every workflow are in
 * workflows.test.ts.
 */
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { needs?: string | string[]; permissions?: Record<string, string>; steps: Step[]; strategy?: any };
const wf = () => parse(fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8'));
const jobs = (): Record<string, Job> => wf().jobs;
const needs = (j: Job) => ([] as string[]).concat(j.needs ?? []);
const INSTALLS = /\bnpm (ci|install)\b|\bapt-get install\b|\bpip install\b/;
const SECRET = /\$\{\{\s*secrets\./;

describe('the release workflow', () => {
  test('every checkout leaves no token on disk', () => {
    for (const [id, j] of Object.entries(jobs()))
      for (const s of j.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
        expect({ id, persist: s.with?.['persist-credentials'] }).toEqual({ id, persist: false });
  });

  test('a job that installs packages has no write permission and no secret', () => {
    const installers = Object.entries(jobs()).filter(([, j]) =>
      j.steps.some((s) => INSTALLS.test(s.run ?? '')),
    );
    expect(installers.map(([id]) => id)).toEqual(['prepare']);
    for (const [id, j] of installers) {
      expect({ id, perms: j.permissions }).toEqual({ id, perms: { contents: 'read' } });
      expect(JSON.stringify(j)).not.toMatch(SECRET);
    }
  });

  test('a token reaches only the step that uses it (step env, never job env or with:)', () => {
    const w = wf();
    expect(JSON.stringify(w.env ?? {})).not.toMatch(SECRET);
    for (const [id, j] of Object.entries(jobs())) {
      expect({ id, env: JSON.stringify((j as any).env ?? {}) }).not.toEqual({
        id,
        env: expect.stringMatching(SECRET),
      });
      for (const s of j.steps) {
        expect(JSON.stringify(s.with ?? {})).not.toMatch(SECRET);
        // A run: script never expands a secret inline (it would be part of the script text).
        expect(s.run ?? '').not.toMatch(SECRET);
      }
    }
    const pushers = Object.entries(jobs()).filter(([, j]) =>
      j.steps.some((s) => SECRET.test(JSON.stringify(s.env ?? {}))),
    );
    expect(pushers.map(([id]) => id).sort()).toEqual(['image', 'image-merge', 'npm', 'tags']);
  });

  test('registry logins use a private DOCKER_CONFIG in the same step as the push, and log out', () => {
    for (const id of ['image', 'image-merge']) {
      const step = jobs()[id].steps.find((s) => s.env?.TOKEN)!;
      expect(step.run).toMatch(/export DOCKER_CONFIG="\$RUNNER_TEMP\/docker-config"/);
      expect(step.run).toMatch(/--password-stdin/);
      expect(step.run).toMatch(/trap 'docker logout ghcr\.io/);
    }
  });

  test('prepares, then publishes npm with provenance and the image for amd64 and arm64 by digest, then moves the tags', () => {
    const j = jobs();
    const prepare = j.prepare.steps.map((s) => s.run ?? '').join('\n');
    expect(prepare).toMatch(
      /node scripts\/release-prepare\.mjs --repository "\$GITHUB_REPOSITORY" --version "\$VERSION"/,
    );
    expect(prepare).toMatch(/release-prepare\.mjs --check/);
    expect(j.npm.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(j.npm.steps.map((s) => s.run ?? '').join('\n')).toMatch(
      /npm publish out\/\*\.tgz --provenance --access public/,
    );
    expect(j.image.strategy.matrix.include.map((m: { arch: string }) => m.arch)).toEqual(['amd64', 'arm64']);
    const build = j.image.steps.map((s) => s.run ?? '').join('\n');
    expect(build).toMatch(/--file docker\/Dockerfile --platform "linux\/\$ARCH"/);
    expect(build).toMatch(/push-by-digest=true/);
    expect(j['image-merge'].steps.map((s) => s.run ?? '').join('\n')).toMatch(
      /docker buildx imagetools create/,
    );
    expect(needs(j['image-merge'])).toContain('image');
    expect(needs(j.tags).sort()).toEqual(['image-merge', 'npm', 'prepare']);
  });
});

describeWith('the tags job’s steps on a local bare repository', missingCommands('git', 'bash'), () => {
  const REPO = 'my-org/mcp-server-deploy';
  let tmp: string;
  let src: string;
  let source: string;
  let oldV1: string;
  // No user or system git configuration reaches the steps (signing, hooks, identities of this machine).
  const gitEnv = () => ({
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
    HOME: tmp,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(tmp, 'gitconfig'),
  });
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...gitEnv(),
        GIT_AUTHOR_NAME: 'Maintainer',
        GIT_AUTHOR_EMAIL: 'maintainer@example.com',
        GIT_COMMITTER_NAME: 'Maintainer',
        GIT_COMMITTER_EMAIL: 'maintainer@example.com',
      },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'release-tags-'));
    fs.writeFileSync(path.join(tmp, 'gitconfig'), '');
    // The history a release starts from: v1 on an older release, v1.2.3 (as GitHub's release form
    // creates it: a lightweight tag) and v1.3.0-rc.1 on the sources, placeholders and all.
    src = copyRepo('release-tags-src-');
    git(src, 'init', '--quiet', '--initial-branch', 'main');
    git(src, 'add', 'README.md');
    git(src, 'commit', '--quiet', '--message', 'an older release');
    git(src, 'tag', '--annotate', 'v1', '--message', 'v1 -> v1.0.0');
    oldV1 = git(src, 'rev-parse', 'v1^{commit}');
    git(src, 'add', '--all');
    git(src, 'commit', '--quiet', '--message', 'the sources of v1.2.3');
    source = git(src, 'rev-parse', 'HEAD');
    git(src, 'tag', 'v1.2.3');
    git(src, 'tag', 'v1.3.0-rc.1');
  });
  afterAll(() => {
    for (const d of [tmp, src]) fs.rmSync(d, { recursive: true, force: true });
  });

  let n = 0;
  /** The GitHub repository: a bare clone of the history above. */
  const origin = () => {
    const bare = path.join(tmp, `origin-${++n}.git`);
    git(tmp, 'clone', '--quiet', '--bare', src, bare);
    return bare;
  };
  /** What actions/checkout leaves for `ref: <tag>`: a shallow, detached checkout of the tag. */
  const checkout = (bare: string, ref: string) => {
    const dir = path.join(tmp, `work-${++n}`);
    git(tmp, 'clone', '--quiet', '--depth', '1', '--branch', ref, `file://${bare}`, dir);
    return dir;
  };
  const step = (name: string): string => {
    const s = jobs().tags.steps.find((x) => (x as { name?: string }).name === name);
    if (!s?.run) throw new Error(`no step '${name}' with a run: block in the tags job`);
    return s.run;
  };
  /** The tags job's two git steps, as the runner runs them (bash -eo pipefail), with the release's env. */
  const release = (dir: string, tag: string, prerelease: boolean) => {
    const summary = path.join(tmp, `summary-${++n}.md`);
    const env = {
      ...gitEnv(),
      TAG: tag,
      VERSION: tag.slice(1),
      PRERELEASE: String(prerelease),
      GITHUB_REPOSITORY: REPO,
      GITHUB_STEP_SUMMARY: summary,
      TOKEN: 'not-a-token',
    };
    const run = (name: string) =>
      spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step(name)], {
        cwd: dir,
        env,
        encoding: 'utf8',
      });
    const commit = run('The prepared release commit');
    if (commit.status !== 0) throw new Error(`the commit step failed: ${commit.stdout}${commit.stderr}`);
    const push = run('Point the release tag and the major tag at it');
    return {
      commit,
      push,
      head: git(dir, 'rev-parse', 'HEAD'),
      summary: fs.existsSync(summary) ? fs.readFileSync(summary, 'utf8') : '',
    };
  };
  const names = (bare: string, tag: string) => git(bare, 'rev-parse', `${tag}^{commit}`);
  const refs = (bare: string) => git(bare, 'for-each-ref', '--format=%(objectname) %(refname)');
  const errors = (out: string) => out.split('\n').filter((l) => l.startsWith('::error::'));

  test('a release of v1.2.3 points v1.2.3 and v1 at the prepared commit, whose files name the repository', () => {
    const bare = origin();
    const r = release(checkout(bare, 'v1.2.3'), 'v1.2.3', false);
    expect({ status: r.push.status, errors: errors(r.push.stdout) }).toEqual({ status: 0, errors: [] });

    const prepared = names(bare, 'v1.2.3');
    expect(prepared).toBe(r.head);
    expect(names(bare, 'v1')).toBe(prepared);
    expect(prepared).not.toBe(source);
    // One commit on top of the release's sources, by the workflow's bot.
    expect(git(bare, 'rev-parse', `${prepared}^`)).toBe(source);
    expect(git(bare, 'log', '-1', '--format=%an|%s', prepared)).toBe(
      `github-actions[bot]|Release v1.2.3 for ${REPO}`,
    );
    // Both are annotated tags (a release tag keeps being a tag object GitHub shows with a message).
    expect(git(bare, 'cat-file', '-t', 'refs/tags/v1.2.3')).toBe('tag');
    expect(git(bare, 'cat-file', '-t', 'refs/tags/v1')).toBe('tag');

    // What a user pinning @v1.2.3 gets: the repository's own name, no placeholder.
    const show = (f: string) => git(bare, 'show', `v1.2.3:${f}`);
    expect(show('README.md')).toContain(`uses: ${REPO}@v1`);
    expect(show('templates/gitlab/mcp-deploy.gitlab-ci.yml')).toMatch(
      /^ {2}MCP_TOOL_IMAGE: ghcr\.io\/my-org\/mcp-deploy:1\.2\.3$/m,
    );
    expect(JSON.parse(show('package.json'))).toMatchObject({ name: '@my-org/mcp-deploy', version: '1.2.3' });
    const left = spawnSync(
      'git',
      [
        'grep',
        '-n',
        '-E',
        'acme/mcp-deploy-action|@acme/mcp-deploy|ghcr\\.io/acme/mcp-deploy',
        prepared,
        '--',
      ],
      { cwd: bare, encoding: 'utf8', env: gitEnv() },
    )
      .stdout.split('\n')
      .filter((l) => l && !/^[0-9a-f]+:(__tests__\/|scripts\/release-prepare\.mjs:)/.test(l));
    expect(left).toEqual([]);
    // The sources' tree is the parent's, untouched: the placeholders are still there.
    expect(git(bare, 'show', `${source}:README.md`)).toContain('uses: acme/mcp-deploy-action@v1');

    const short = prepared.slice(0, 7);
    expect(r.summary).toContain(`| \`v1.2.3\` | \`${short}\` | moved |`);
    expect(r.summary).toContain(`| \`v1\` | \`${short}\` | moved |`);
    expect(r.summary).toMatch(
      new RegExp(`prepared v1\\.2\\.3 as ${short}: ${source.slice(0, 7)} naming ${REPO}`),
    );
  });

  test('a pre-release moves only its own tag', () => {
    const bare = origin();
    const v1 = git(bare, 'rev-parse', 'refs/tags/v1');
    const r = release(checkout(bare, 'v1.3.0-rc.1'), 'v1.3.0-rc.1', true);
    expect({ status: r.push.status, errors: errors(r.push.stdout) }).toEqual({ status: 0, errors: [] });
    expect(names(bare, 'v1.3.0-rc.1')).toBe(r.head);
    expect(git(bare, 'rev-parse', `${r.head}^`)).toBe(source);
    expect(JSON.parse(git(bare, 'show', 'v1.3.0-rc.1:package.json')).version).toBe('1.3.0-rc.1');
    // v1 is the very same tag object as before, on the older release.
    expect(git(bare, 'rev-parse', 'refs/tags/v1')).toBe(v1);
    expect(names(bare, 'v1')).toBe(oldV1);
    expect(names(bare, 'v1.2.3')).toBe(source);
    expect(r.summary).toContain(`| \`v1\` | \`${oldV1.slice(0, 7)}\` | not moved: pre-release |`);
  });

  test('a patch of an older line does not move the major tag back from a newer release', () => {
    const bare = origin();
    git(bare, 'tag', 'v1.3.0', oldV1);
    git(bare, 'tag', 'v1.10.0-rc.1', source); // a pre-release is not a release the major tag follows
    const v1 = git(bare, 'rev-parse', 'refs/tags/v1');
    const r = release(checkout(bare, 'v1.2.3'), 'v1.2.3', false);
    expect({ status: r.push.status, errors: errors(r.push.stdout) }).toEqual({ status: 0, errors: [] });
    expect(r.push.stdout).toContain('::notice::v1.3.0 is newer than v1.2.3: v1 stays with it');
    expect(names(bare, 'v1.2.3')).toBe(r.head);
    expect(git(bare, 'rev-parse', 'refs/tags/v1')).toBe(v1);
    expect(r.summary).toContain(`| \`v1\` | \`${oldV1.slice(0, 7)}\` | not moved: v1.3.0 is newer |`);
  });

  test('a re-run changes nothing: no second commit, no tag pushed, whether it starts prepared or not', () => {
    const bare = origin();
    const first = release(checkout(bare, 'v1.2.3'), 'v1.2.3', false);
    expect(first.push.status).toBe(0);
    const before = refs(bare);

    // Re-run after the tags moved: the checkout of v1.2.3 is the prepared commit itself.
    const again = release(checkout(bare, 'v1.2.3'), 'v1.2.3', false);
    expect(again.commit.stdout).toMatch(
      /is already prepared \(release-prepare changed nothing\): no new commit/,
    );
    expect(again.head).toBe(first.head);
    expect({ status: again.push.status, out: again.push.stdout }).toEqual({
      status: 0,
      out: expect.stringContaining(`v1.2.3 and v1 already name ${first.head.slice(0, 7)}: nothing to push`),
    });
    expect(again.summary).toContain(`| \`v1.2.3\` | \`${first.head.slice(0, 7)}\` | already there |`);
    expect(refs(bare)).toBe(before);

    // Re-run from the unprepared sources (e.g. the first run's checkout): the same commit again.
    const dir = checkout(bare, 'main');
    git(dir, 'checkout', '--quiet', '--detach', source);
    const fromSource = release(dir, 'v1.2.3', false);
    expect(fromSource.head).toBe(first.head);
    expect(fromSource.push.status).toBe(0);
    expect(refs(bare)).toBe(before);
  });

  test('a push the repository refuses fails with one ::error:: line naming the settings, and moves no tag', () => {
    const bare = origin();
    // What GitHub answers for a tag protected by a ruleset or an immutable release.
    const hook = path.join(bare, 'hooks', 'update');
    fs.writeFileSync(
      hook,
      [
        '#!/bin/sh',
        'case "$1" in refs/tags/v1.2.3)',
        '  echo "error: GH013: Repository rule violations found for $1." >&2',
        '  echo "- Cannot update this protected ref." >&2',
        '  exit 1;;',
        'esac',
        '',
      ].join('\n'),
    );
    fs.chmodSync(hook, 0o755);
    const before = refs(bare);
    const r = release(checkout(bare, 'v1.2.3'), 'v1.2.3', false);
    expect(r.push.status).toBe(1);
    const lines = errors(r.push.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^::error::GitHub refused to move v1\.2\.3 and v1 \(hook declined\); no tag moved \(atomic push\)\. /,
    );
    expect(lines[0]).toMatch(/bypass actor .*\(Settings → Rules → Rulesets\) and re-run this job/);
    expect(lines[0]).toMatch(/"Enable release immutability" \(Settings → General → Releases\)/);
    // git's own lines stay in the log, above the annotation.
    expect(r.push.stdout).toMatch(/GH013: Repository rule violations found for refs\/tags\/v1\.2\.3/);
    // Atomic: v1 was allowed and still did not move.
    expect(refs(bare)).toBe(before);
    expect(names(bare, 'v1')).toBe(oldV1);
  });

  test('newer releases are compared as numbers, and only plain releases of the same major count', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(path.join(ROOT, 'scripts', 'release-tags.mjs'))});` +
          'const tags = ["v1", "v1.9.2", "v1.10.0", "v1.11.0-rc.1", "v2.0.0", "v1.2.x"];' +
          'console.log(JSON.stringify(["v1.9.3", "v1.10.0", "v1.10.1", "v2.0.1"].map((v) => m.newerRelease(tags, v) ?? null)));',
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['v1.10.0', null, null, null]);
  });

  test('the ::error:: line, from what GitHub answers: a ruleset or immutable release, a token without write, the rest', () => {
    const pushError = (output: string[], tags: string[]) => {
      const r = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(path.join(ROOT, 'scripts', 'release-tags.mjs'))});` +
            'console.log(m.pushError(process.argv[1], JSON.parse(process.argv[2])));',
          output.join('\n'),
          JSON.stringify(tags),
        ],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(r.stderr);
      return r.stdout.trim();
    };
    expect(
      pushError(
        [
          'remote: error: GH013: Repository rule violations found for refs/tags/v1.2.3.',
          'remote: - Cannot update this protected ref.',
          'To https://github.com/my-org/mcp-server-deploy',
          ' ! [remote rejected] v1 -> v1 (atomic push failure)',
          ' ! [remote rejected] v1.2.3 -> v1.2.3 (push declined due to repository rule violations)',
          "error: failed to push some refs to 'https://github.com/my-org/mcp-server-deploy'",
        ],
        ['v1.2.3', 'v1'],
      ),
    ).toMatch(
      /^::error::GitHub refused to move v1\.2\.3 and v1 \(push declined due to repository rule violations\); no tag moved .*Rulesets.*release immutability/,
    );
    expect(
      pushError(
        [
          'remote: Permission to my-org/mcp-server-deploy.git denied to github-actions[bot].',
          "fatal: unable to access 'https://github.com/my-org/mcp-server-deploy/': The requested URL returned error: 403",
        ],
        ['v1.2.3'],
      ),
    ).toMatch(/^::error::GitHub did not let this job push v1\.2\.3 \(.*error: 403\): .*contents: write/);
    expect(
      pushError(
        ["fatal: unable to access 'https://github.com/o/r/': Could not resolve host: github.com"],
        ['v1.2.3'],
      ),
    ).toBe(
      "::error::pushing v1.2.3 failed, so no tag moved: fatal: unable to access 'https://github.com/o/r/': Could not resolve host: github.com",
    );
  });
});
