import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './support/action';
import { startEverythingHttp, type RunningServer } from './support/mcp-servers';
import { describeWith, missingCommands } from './support/skip';

/**
 * The npm package as a user gets it: `npm pack` of this checkout (dist/ as bundled, templates/, README,
 * LICENSE), installed with `--omit=dev --offline` into an empty directory with an empty npm cache, so
 * the install can only succeed if the package needs nothing from a registry. Then the installed
 * `mcp-deploy` runs the commands a user starts with, each against real things.
 */
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  files: string[];
  dependencies?: Record<string, string>;
  private?: boolean;
};

function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }) {
  return spawnSync(cmd, args, {
    cwd: opts.cwd,
    encoding: 'utf8',
    timeout: opts.timeout ?? 120_000,
    env: opts.env ?? process.env,
  });
}

const out = (r: SpawnSyncReturns<string>) => `${r.stdout}${r.stderr}`;

/** src/main.rs and Cargo.lock: a server crate as `cargo new` plus a first build leave it (init needs a binary). */
function binCrate(dir: string): void {
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'main.rs'), 'fn main() {}\n');
  fs.writeFileSync(path.join(dir, 'Cargo.lock'), 'version = 4\n');
}

describe('package.json', () => {
  test('is publishable, scoped, with the mcp-deploy bin and only what runs in files', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.name).toMatch(/^@[a-z0-9-]+\/mcp-deploy$/);
    expect(pkg.bin).toEqual({ 'mcp-deploy': 'dist/cli.js' });
    expect(pkg.files).toEqual(['dist/', 'templates/', 'README.md', 'LICENSE']);
    // dist/ is one self-contained bundle: a runtime dependency would only be downloaded for nothing.
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });
});

describeWith(
  'the packed package installed into an empty directory (npm pack, npm install --omit=dev --offline)',
  missingCommands('npm', 'git', 'cargo', 'rsync'),
  () => {
    let work: string;
    let bin: string;
    let installed: string;
    let server: RunningServer | undefined;
    const env = () => ({
      ...process.env,
      // A fresh cache: nothing from an earlier install can satisfy a dependency.
      npm_config_cache: path.join(work, 'npm-cache'),
      npm_config_update_notifier: 'false',
    });

    beforeAll(() => {
      if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js')))
        throw new Error('dist/cli.js is missing: run `npm run bundle` first');
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-pkg-'));
      const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
        cwd: ROOT,
        env: env(),
      });
      if (packed.status !== 0) throw new Error(`npm pack: ${out(packed)}`);
      const tgz = path.join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);
      const app = path.join(work, 'app');
      fs.mkdirSync(app);
      fs.writeFileSync(path.join(app, 'package.json'), '{"name":"app","version":"0.0.0","private":true}\n');
      const inst = run(
        'npm',
        ['install', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', tgz],
        { cwd: app, env: env() },
      );
      if (inst.status !== 0) throw new Error(`npm install ${tgz}: ${out(inst)}`);
      bin = path.join(app, 'node_modules', '.bin', 'mcp-deploy');
      installed = path.join(app, 'node_modules', ...pkg.name.split('/'));
    }, 180_000);

    afterAll(async () => {
      await server?.stop();
      if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    test('installs the one package and nothing else, with only dist, templates, README, LICENSE', () => {
      const nm = path.join(work, 'app', 'node_modules');
      const top = fs.readdirSync(nm).filter((d) => d !== '.bin' && d !== '.package-lock.json');
      expect(top).toEqual([pkg.name.split('/')[0]]);
      expect(fs.readdirSync(path.join(nm, pkg.name.split('/')[0]))).toEqual(['mcp-deploy']);
      expect(fs.readdirSync(installed).sort()).toEqual(
        ['LICENSE', 'README.md', 'dist', 'package.json', 'templates'].sort(),
      );
      expect(fs.realpathSync(bin)).toBe(path.join(installed, 'dist', 'cli.js'));
    });

    test('mcp-deploy --help lists the commands', () => {
      const r = run(bin, ['--help'], { cwd: work });
      expect(r.status).toBe(0);
      for (const c of ['plan', 'run', 'verify', 'contract', 'lint', 'init'])
        expect(r.stdout).toMatch(new RegExp(`^ {2}${c} +\\S`, 'm'));
    });

    test('init writes the starter files from the package’s own templates into a git repo with a crate', () => {
      const repo = path.join(work, 'repo');
      fs.mkdirSync(repo);
      fs.writeFileSync(
        path.join(repo, 'Cargo.toml'),
        '[package]\nname = "weather-mcp"\nversion = "0.1.0"\nedition = "2021"\n',
      );
      binCrate(repo);
      for (const a of [
        ['init', '-q', '-b', 'main'],
        ['remote', 'add', 'origin', 'https://github.com/example-org/weather-mcp.git'],
      ])
        expect(run('git', a, { cwd: repo }).status).toBe(0);
      const r = run(bin, ['init'], { cwd: repo, env: { ...process.env, MCP_DEPLOY_TEMPLATES: '' } });
      expect({ status: r.status, out: r.status ? out(r) : '' }).toEqual({ status: 0, out: '' });
      const wf = fs.readFileSync(path.join(repo, '.github', 'workflows', 'deploy.yml'), 'utf8');
      expect(r.stdout).toContain('image ghcr.io/example-org/weather-mcp');
      expect(wf).toContain("staging-deployments: 'weather-mcp'");
      expect(wf).toMatch(/uses: \S+\/\.github\/workflows\/mcp-deploy\.yml@v1/);
      expect(fs.readFileSync(path.join(repo, 'Dockerfile'), 'utf8')).toContain('weather-mcp');
      expect(fs.existsSync(path.join(repo, 'deploy', 'k8s', 'base', 'deployment.yaml'))).toBe(true);
    });

    test('init for a GitLab remote says where the cluster credentials go, and why', () => {
      const repo = path.join(work, 'gl-repo');
      fs.mkdirSync(repo);
      fs.writeFileSync(path.join(repo, 'Cargo.toml'), '[package]\nname = "weather-mcp"\nversion = "0.1.0"\n');
      binCrate(repo);
      expect(run('git', ['init', '-q', '-b', 'main'], { cwd: repo }).status).toBe(0);
      expect(
        run('git', ['remote', 'add', 'origin', 'git@gitlab.com:example-group/weather-mcp.git'], { cwd: repo })
          .status,
      ).toBe(0);
      const r = run(bin, ['init'], { cwd: repo });
      expect({ status: r.status, out: r.status ? out(r) : '' }).toEqual({ status: 0, out: '' });
      expect(fs.existsSync(path.join(repo, '.gitlab-ci.yml'))).toBe(true);
      const steps = r.stdout.slice(r.stdout.indexOf('Next steps:')).replace(/\s+/g, ' ');
      expect(steps).toMatch(/recommended: the GitLab agent for Kubernetes/);
      expect(steps).toMatch(/MCP_PRODUCTION_KUBE_CONTEXT/);
      expect(steps).toMatch(/`base64 -w0 kubeconfig`/);
      expect(steps).toMatch(/Masked \(YAML is multi-line: GitLab cannot mask it\), Protected/);
      expect(steps).toMatch(/scoped to the staging \/ production environment/);
    });

    test('run --stages gates runs the real cargo gates on a copy of examples/hello-mcp', () => {
      const crate = path.join(work, 'hello-mcp');
      expect(
        run(
          'rsync',
          ['-a', '--exclude', 'target', `${path.join(ROOT, 'examples', 'hello-mcp')}/`, `${crate}/`],
          {
            cwd: work,
          },
        ).status,
      ).toBe(0);
      const r = run(bin, ['run', '--stages', 'gates'], {
        cwd: crate,
        // cargo-audit cannot be installed here (DESIGN.md §4); the cargo gates are what this checks.
        env: { ...process.env, MCP_AUDIT: 'false', CARGO_TERM_COLOR: 'never' },
        timeout: 600_000,
      });
      expect({ status: r.status, tail: r.status ? out(r).slice(-3000) : '' }).toEqual({
        status: 0,
        tail: '',
      });
      expect(out(r)).toMatch(/cargo fmt/);
      expect(out(r)).toMatch(/test +✅ passed/);
    }, 600_000);

    test('lint finds the known mistake in a manifest and exits 1', () => {
      const r = run(
        bin,
        [
          'lint',
          '--format',
          'json',
          path.join(ROOT, '__tests__', 'fixtures', 'lint', 'replicas-and-mcp-probe.yaml'),
        ],
        { cwd: work },
      );
      expect(r.status).toBe(1);
      const result = JSON.parse(r.stdout) as { findings: { rule: string; severity: string }[] };
      expect(result.findings.length).toBeGreaterThan(0);
    });

    test('verify speaks MCP to a real server on 127.0.0.1 and passes', async () => {
      server = await startEverythingHttp();
      const r = run(bin, ['verify', '--url', server.url, '--contract', 'off', '--timeout', '20s'], {
        cwd: work,
      });
      expect({ status: r.status, out: r.status ? out(r) : '' }).toEqual({ status: 0, out: '' });
      expect(out(r)).toMatch(/initialize/i);
    }, 60_000);
  },
);
