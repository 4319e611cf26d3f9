import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support/action';
import { copyRepo } from './support/release';
import { describeWith, missingCommands } from './support/skip';

/**
 * scripts/release-prepare.mjs on a copy of this repository (every file git tracks or would track), as the
 * release workflow runs it for a fork that publishes as my-org/mcp-server-deploy: no placeholder is left
 * (checked here by a scan of our own, not only by the script's --check), and what users copy still
 * passes GitHub's parser against the rewritten reusable workflow.
 */
const SUPPORT = path.join(ROOT, '__tests__', 'support');
const REPO = 'my-org/mcp-server-deploy';
const VERSION = '2.3.4';
const REUSABLE = `${REPO}/.github/workflows/mcp-deploy.yml@v1`;
// The forms a reference to this project's placeholder publisher takes (see the script's header).
const PLACEHOLDER = /acme\/mcp-deploy-action|@acme\/|ghcr\.io\/acme\/mcp-deploy(?![\w-])|`acme`/;

const prepare = (dir: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(dir, 'scripts', 'release-prepare.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
  });

function githubParser(file: string, remotes: string[]): { errors: string[]; fetched?: string[] } {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      path.join(SUPPORT, 'workflow-parser-loader.mjs'),
      path.join(SUPPORT, 'check-github.mjs'),
      'workflow',
      file,
      ...remotes.flatMap((r) => ['--remote', r]),
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`the parser harness failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as { errors: string[]; fetched?: string[] };
}

function textFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = path.join(rel, e.name);
    if (e.isDirectory())
      return ['__tests__', 'node_modules', '.git'].includes(e.name) ? [] : textFiles(dir, r);
    return r === path.join('scripts', 'release-prepare.mjs') ? [] : [r];
  });
}

describe('release-prepare on a copy of the repository', () => {
  let dir: string;
  let first: ReturnType<typeof prepare>;

  beforeAll(() => {
    dir = copyRepo('release-prepare-');
    first = prepare(dir, ['--repository', REPO, '--version', VERSION]);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('exits 0 and leaves no placeholder reference in any file outside the tests', () => {
    expect({ status: first.status, err: first.stderr }).toEqual({ status: 0, err: '' });
    const left = textFiles(dir).flatMap((f) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .map((l, n) => `${f}:${n + 1}: ${l}`)
        .filter((l) => PLACEHOLDER.test(l)),
    );
    expect(left).toEqual([]);
    expect(prepare(dir, ['--check']).status).toBe(0);
  });

  test('the original tree has placeholders, so --check there fails (the scan above could fail)', () => {
    const r = prepare(ROOT, ['--check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^placeholder left: README\.md:\d+: /m);
  });

  test('names the package, its repository (npm provenance), the version and the tool image', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('@my-org/mcp-deploy');
    expect(pkg.version).toBe(VERSION);
    expect(pkg.repository.url).toBe(`git+https://github.com/${REPO}.git`);
    const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
    expect([lock.name, lock.version, lock.packages[''].version]).toEqual([
      '@my-org/mcp-deploy',
      VERSION,
      VERSION,
    ]);
    const gl = fs.readFileSync(path.join(dir, 'templates', 'gitlab', 'mcp-deploy.gitlab-ci.yml'), 'utf8');
    expect(/^ {2}MCP_TOOL_IMAGE: (\S+)$/m.exec(gl)?.[1]).toBe(`ghcr.io/my-org/mcp-deploy:${VERSION}`);
    expect(
      fs.readFileSync(path.join(dir, 'templates', 'gitlab', 'component', 'template.yml'), 'utf8'),
    ).toContain(`$CI_SERVER_FQDN/${REPO}/mcp-deploy@1`);
  });

  test('the reusable workflow runs the stage actions of its own commit, whatever the repository is named', () => {
    const wf = parse(fs.readFileSync(path.join(dir, '.github', 'workflows', 'mcp-deploy.yml'), 'utf8'));
    type Step = { uses?: string; with?: Record<string, string> };
    const jobs = Object.values(wf.jobs as Record<string, { steps?: Step[] }>);
    const local = jobs.filter((j) => (j.steps ?? []).some((s) => s.uses?.startsWith('./.mcp-deploy-action')));
    expect(local.length).toBeGreaterThanOrEqual(3);
    for (const j of local)
      expect(j.steps).toContainEqual(
        expect.objectContaining({
          with: expect.objectContaining({
            repository: '${{ job.workflow_repository }}',
            ref: '${{ job.workflow_sha }}',
            path: '.mcp-deploy-action',
          }),
        }),
      );
    const uses = jobs.flatMap((j) => j.steps ?? []).map((s) => s.uses ?? '');
    expect(uses.filter((u) => /acme|^[\w-]+\/mcp-deploy-action\//.test(u))).toEqual([]);
  });

  test('the caller template passes GitHub’s parser against the rewritten reusable workflow', () => {
    const r = githubParser(path.join(dir, 'templates', 'github', 'deploy.yml'), [
      `${REUSABLE}=${path.join(dir, '.github', 'workflows', 'mcp-deploy.yml')}`,
    ]);
    expect(r.fetched).toEqual([REUSABLE]);
    expect(r.errors).toEqual([]);
  });

  test('a second run changes nothing', () => {
    const again = prepare(dir, ['--repository', REPO, '--version', VERSION]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^0 file\(s\) now name /m);
  });

  test.each([
    [[], /--repository\): pass --repository OWNER\/NAME/],
    [['--repository', 'not a repo'], /'not a repo' is not OWNER\/NAME \(--repository\)/],
    [['--repository', REPO, '--version', 'one'], /'one' is not a version \(--version\)/],
  ])('%j: exits 2 with one line naming the option, and changes nothing', (args, message) => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'release-prepare-bad-'));
    try {
      fs.mkdirSync(path.join(copy, 'scripts'));
      fs.copyFileSync(
        path.join(ROOT, 'scripts', 'release-prepare.mjs'),
        path.join(copy, 'scripts', 'release-prepare.mjs'),
      );
      fs.copyFileSync(path.join(ROOT, 'README.md'), path.join(copy, 'README.md'));
      fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
      const r = prepare(copy, args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(fs.readFileSync(path.join(copy, 'README.md'), 'utf8')).toBe(
        fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'),
      );
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  describeWith('init’s generated workflows, from the rewritten templates', missingCommands('git'), () => {
    const CLI = path.join(ROOT, 'dist', 'cli.js');
    const initInto = (ci: string) => {
      const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'release-init-'));
      fs.writeFileSync(path.join(repo, 'Cargo.toml'), '[package]\nname = "weather-mcp"\nversion = "0.1.0"\n');
      fs.mkdirSync(path.join(repo, 'src'));
      fs.writeFileSync(path.join(repo, 'src', 'main.rs'), 'fn main() {}\n');
      fs.writeFileSync(path.join(repo, 'Cargo.lock'), 'version = 4\n');
      spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
      spawnSync('git', ['remote', 'add', 'origin', 'https://github.com/example-org/weather-mcp.git'], {
        cwd: repo,
      });
      const r = spawnSync(process.execPath, [CLI, 'init', '--ci', ci], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, MCP_DEPLOY_TEMPLATES: path.join(dir, 'templates') },
      });
      if (r.status !== 0) throw new Error(`init --ci ${ci}: ${r.stderr}${r.stdout}`);
      return repo;
    };

    test('the GitHub workflow calls the named repository and passes the parser', () => {
      const repo = initInto('github');
      try {
        const file = path.join(repo, '.github', 'workflows', 'deploy.yml');
        expect(fs.readFileSync(file, 'utf8')).toContain(`uses: ${REUSABLE}`);
        const r = githubParser(file, [
          `${REUSABLE}=${path.join(dir, '.github', 'workflows', 'mcp-deploy.yml')}`,
        ]);
        expect(r.fetched).toEqual([REUSABLE]);
        expect(r.errors).toEqual([]);
      } finally {
        fs.rmSync(repo, { recursive: true, force: true });
      }
    });

    test('the GitLab pipeline includes the named repository’s template', () => {
      const repo = initInto('gitlab');
      try {
        const ci = fs.readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8');
        expect(ci).toContain(
          `https://raw.githubusercontent.com/${REPO}/v1/templates/gitlab/mcp-deploy.gitlab-ci.yml`,
        );
        expect(ci).not.toMatch(PLACEHOLDER);
      } finally {
        fs.rmSync(repo, { recursive: true, force: true });
      }
    });
  });
});
