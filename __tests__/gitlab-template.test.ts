import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { quote } from '../src/exec';
import { ROOT } from './support/action';
import { describeWith, missingCommands } from './support/skip';

/**
 * templates/gitlab/mcp-deploy.gitlab-ci.yml run by gitlab-ci-local 4.73.0 on a copy of examples/hello-mcp:
 * shell executor, the real cargo (the gates job runs the real gates), and recording STAND-INS for docker,
 * trivy and kubectl (__tests__/support/stand-ins) first on PATH. Each stand-in call is one JSON line with
 * its argv and the job's CI_* / MCP_* variables, so `mcp-deploy plan` can be replayed with exactly the
 * variables the job had and compared with what the job ran.
 */
const TEMPLATE = path.join(ROOT, 'templates', 'gitlab', 'mcp-deploy.gitlab-ci.yml');
const COMPONENT = path.join(ROOT, 'templates', 'gitlab', 'component', 'template.yml');
const STAND_INS = path.join(ROOT, '__tests__', 'support', 'stand-ins');
const GCL = path.join(ROOT, 'node_modules', '.bin', 'gitlab-ci-local');
const CLI = path.join(ROOT, 'dist', 'cli.js');
/**
 * What the tool image has on PATH (docker/Dockerfile links /usr/local/bin/mcp-deploy to the package's
 * dist/cli.js): here, this checkout's bundle under the same name, so the jobs run the template's default
 * MCP_CLI. Filled in beforeAll.
 */
let toolBin = '';
const EPOCH = '1700000000';
const IMAGE = 'registry.example.com/team/hello-mcp';

interface Record_ {
  tool: string;
  /** The stand-in docker refused it, as an engine with the classic image store does (see stand-ins/docker). */
  refused?: boolean;
  argv: string[];
  cwd: string;
  /** The job's variables (those of the mcp-deploy process that ran the tool). */
  env: Record<string, string>;
  /** What the tool itself was given. */
  toolEnv: Record<string, string>;
}

const kubeconfig = (name: string) => `apiVersion: v1
kind: Config
clusters:
  - name: ${name}
    cluster:
      server: https://${name}.k8s.example.com:6443
users:
  - name: deployer
    user:
      token: ${name}-stand-in-token-0123456789
contexts:
  - name: ${name}
    context:
      cluster: ${name}
      user: deployer
      namespace: hello-mcp-${name}
current-context: ${name}
`;

function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A user's repository: the crate, the starter Dockerfile, the template included locally, a git remote. */
function makeProject(extraCi = ''): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-hello-mcp-'));
  sh('rsync', ['-a', '--exclude', 'target', `${path.join(ROOT, 'examples', 'hello-mcp')}/`, `${dir}/`], ROOT);
  fs.copyFileSync(path.join(ROOT, 'templates', 'docker', 'Dockerfile'), path.join(dir, 'Dockerfile'));
  fs.copyFileSync(TEMPLATE, path.join(dir, 'mcp-deploy.gitlab-ci.yml'));
  fs.writeFileSync(
    path.join(dir, '.gitlab-ci.yml'),
    `include:
  - local: mcp-deploy.gitlab-ci.yml

variables:
  MCP_IMAGE: ${IMAGE}
  MCP_AUDIT: 'false'
  MCP_STAGING_DEPLOYMENTS: hello-mcp=server
  MCP_STAGING_NAMESPACE: hello-mcp-staging
  MCP_STAGING_URL: https://staging.mcp.example.com
  MCP_PRODUCTION_DEPLOYMENTS: hello-mcp=server
  MCP_PRODUCTION_NAMESPACE: hello-mcp
  MCP_PRODUCTION_URL: https://mcp.example.com

# A shell runner has its own docker: no docker-in-docker service (documented in docs/gitlab.md).
mcp:build:
  services: []
  variables:
    DOCKER_HOST: ''
    DOCKER_TLS_VERIFY: ''
${extraCi}`,
  );
  const git = (...a: string[]) => sh('git', a, dir);
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', 'git@gitlab.example.com:team/hello-mcp.git');
  git('add', '-A');
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'hello-mcp');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  return dir;
}

const TAG = ['--variable', 'CI_COMMIT_TAG=v1.2.3', '--variable', 'CI_COMMIT_REF_NAME=v1.2.3'];

function gcl(dir: string, args: string[], record?: string) {
  return spawnSync(GCL, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 600_000,
    env: {
      ...process.env,
      PATH: [STAND_INS, toolBin, process.env.PATH].filter(Boolean).join(path.delimiter),
      RECORD_FILE: record ?? path.join(dir, 'unused.jsonl'),
      GCL_IGNORE_PREDEFINED_VARS: 'GITLAB_CI,CI_PROJECT_DIR,CI_COMMIT_TAG,CI_COMMIT_REF_NAME',
    },
  });
}

function listJobs(dir: string, extra: string[] = []): Record<string, string> {
  const r = gcl(dir, ['--list-json', ...extra]);
  const json = r.stdout.slice(r.stdout.indexOf('\n[') + 1 || r.stdout.indexOf('['));
  return Object.fromEntries(
    (JSON.parse(json) as { name: string; when: string }[]).map((j) => [j.name, j.when]),
  );
}

/** The whole pipeline, as GitLab would run it for a push (jobs in the shell, GITLAB_CI=true). */
function pipeline(dir: string, record: string, extra: string[]) {
  const r = gcl(
    dir,
    [
      '--force-shell-executor',
      '--shell-executor-no-image',
      '--variable',
      'GITLAB_CI=true',
      '--variable',
      `CI_PROJECT_DIR=${dir}`,
      '--variable',
      `SOURCE_DATE_EPOCH=${EPOCH}`,
      '--variable',
      `MCP_STAGING_KUBECONFIG=${kubeconfig('staging')}`,
      '--variable',
      `MCP_PRODUCTION_KUBECONFIG=${kubeconfig('production')}`,
      ...extra,
    ],
    record,
  );
  const records = fs.existsSync(record)
    ? fs
        .readFileSync(record, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record_)
    : [];
  return { ...r, out: `${r.stdout}${r.stderr}`, records };
}

const passed = (out: string) => [...out.matchAll(/^ PASS {2}(\S+)/gm)].map((m) => m[1]);
const failed = (out: string) => [...out.matchAll(/^ FAIL {2}(\S+)/gm)].map((m) => m[1]);

/** Secret temp dirs differ between a run and a plan; everything else must be equal. */
const normalize = (cmd: string) => cmd.replace(/--kubeconfig \S+/g, '--kubeconfig <kubeconfig>');
/**
 * Commands a job runs that a plan does not list: read-only probes of what the runner has (the tool
 * installer asks kubectl for its version; deploy lists a deployment's pods by its selector), and the
 * template's own conversion of Trivy's report to GitLab's container-scanning format.
 */
const PROBE =
  /^(docker info|docker buildx inspect$|trivy --version$|kubectl version --client$|kubectl .* get pods --selector=|trivy convert --format template )/;

/** The commands `mcp-deploy plan` prints for one stage with exactly the variables a job had. */
function planned(
  dir: string,
  stage: string,
  env: Record<string, string>,
): { always: string[]; all: string[] } {
  const r = spawnSync(process.execPath, [CLI, 'plan', '--stages', stage], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  if (r.status !== 0) throw new Error(`plan --stages ${stage}: ${r.stderr}${r.stdout}`);
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('  $ '));
  const parsed = lines.map((l) => {
    const [cmd, why = ''] = l.slice(4).split(/ {3}# /);
    return { cmd: normalize(cmd.trim()), conditional: /^only if/.test(why) };
  });
  return { all: parsed.map((p) => p.cmd), always: parsed.filter((p) => !p.conditional).map((p) => p.cmd) };
}

function compareWithPlan(dir: string, records: Record_[], job: string, stage: string) {
  const mine = records.filter((r) => r.env.CI_JOB_NAME === job);
  expect(mine.length).toBeGreaterThan(0);
  // A first attempt on the docker driver that the engine refused is retried on a docker-container builder.
  const ran = [
    ...new Set(mine.filter((r) => !r.refused).map((r) => normalize(quote([r.tool, ...r.argv])))),
  ].filter((c) => !PROBE.test(c));
  const plan = planned(dir, stage, mine[0].env);
  // Every command the job ran is one the plan shows, and every unconditional planned command ran.
  expect({ job, unplanned: ran.filter((c) => !plan.all.includes(c)) }).toEqual({ job, unplanned: [] });
  const own = plan.always.filter((c) => ['docker', 'trivy', 'kubectl'].includes(c.split(' ')[0]));
  expect({ job, notRun: own.filter((c) => !ran.includes(c)) }).toEqual({ job, notRun: [] });
  return { ran, plan };
}

describe('the GitLab template’s structure', () => {
  const text = () => fs.readFileSync(TEMPLATE, 'utf8');

  test('has the stable job names, each built from hidden .mcp-* jobs users can extend', () => {
    for (const job of ['gates', 'build', 'scan', 'deploy-staging', 'deploy-production'])
      expect(text()).toMatch(new RegExp(`^mcp:${job}:\\n {2}extends: .*\\.mcp-`, 'm'));
  });

  test('verifies in the deploy job (one process, so a failed verify rolls back), not in a job of its own', () => {
    expect(text()).not.toMatch(/^mcp:verify-|^\.mcp-verify:/m);
    expect(text()).toMatch(
      /^\.mcp-deploy:\n(?: .*\n)*? {4}- \$MCP_CLI run --stages "deploy\$\{MCP_MCP_URL:\+,verify\}"$/m,
    );
  });

  test('uses rules: (never only/except), resource_group per environment and environments with URLs', () => {
    expect(text()).not.toMatch(/^\s+(only|except):/m);
    expect(text()).toMatch(/resource_group: mcp-deploy-staging/);
    expect(text()).toMatch(/resource_group: mcp-deploy-production/);
    expect(text()).toMatch(/name: staging\n {4}url: \$MCP_STAGING_URL/);
    expect(text()).toMatch(/name: production\n {4}url: \$MCP_PRODUCTION_URL/);
  });

  test('fetches no package by name at run time: no npx, no npm install; the CLI is the tool image’s', () => {
    for (const file of [TEMPLATE, COMPONENT]) {
      const t = fs.readFileSync(file, 'utf8');
      expect(t).not.toMatch(/\bnpx\b|npm (install|exec|ci)\b|mcp-deploy-action@/);
    }
    expect(text()).toMatch(/^ {2}MCP_CLI: mcp-deploy$/m);
  });

  test('only the build job gets an OIDC token, SIGSTORE_ID_TOKEN for Sigstore, for keyless signing', () => {
    const doc = parseYaml(text()) as Record<string, { id_tokens?: unknown }>;
    const withTokens = Object.entries(doc)
      .filter(([, j]) => j && typeof j === 'object' && 'id_tokens' in j)
      .map(([name]) => name);
    expect(withTokens).toEqual(['.mcp-build']);
    expect(doc['.mcp-build'].id_tokens).toEqual({ SIGSTORE_ID_TOKEN: { aud: 'sigstore' } });
  });

  test('build, scan and deploy (with verify) run in the tool image pinned to this release; gates keeps Rust', () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(/^ {2}MCP_TOOL_IMAGE: (\S+)$/m.exec(text())?.[1]).toBe(`ghcr.io/acme/mcp-deploy:${version}`);
    const job = (name: string) =>
      new RegExp(`^${name.replace('.', '\\.')}:\\n(?: .*\\n)*? {2}image: (\\S+)$`, 'm');
    for (const j of ['.mcp-scan', '.mcp-deploy', 'mcp:cli'])
      expect({ j, image: job(j).exec(text())?.[1] }).toEqual({ j, image: '$MCP_TOOL_IMAGE' });
    expect(text()).toMatch(/^ {4}MCP_BUILD_IMAGE: \$MCP_TOOL_IMAGE$/m);
    expect(job('.mcp-gates').exec(text())?.[1]).toBe('$MCP_RUST_IMAGE');
  });

  test('the CI/CD component has spec: inputs and the same jobs, generated from the include template', () => {
    const c = fs.readFileSync(COMPONENT, 'utf8');
    const gen = spawnSync(
      process.execPath,
      [path.join(ROOT, '__tests__', 'support', 'gitlab-component.mjs')],
      { encoding: 'utf8' },
    );
    expect(c).toBe(gen.stdout);
    const [spec, body] = c.split(/^---$/m);
    expect(spec).toMatch(/^spec:\n {2}inputs:\n {4}cli:\n {6}default: mcp-deploy$/m);
    for (const job of ['gates', 'build', 'scan', 'deploy-staging', 'deploy-production'])
      expect(body).toMatch(new RegExp(`^mcp:${job}:`, 'm'));
  });
});

describeWith(
  'GitLab template under gitlab-ci-local (shell executor, real cargo, stand-ins for docker, trivy and kubectl)',
  missingCommands('cargo', 'rsync', 'git'),
  () => {
    let dir: string;
    let server: ChildProcess | undefined;
    let mcpUrl = '';

    beforeAll(async () => {
      toolBin = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-tool-bin-'));
      fs.symlinkSync(CLI, path.join(toolBin, 'mcp-deploy'));
      dir = makeProject();
      // The MCP server the deploy-staging job verifies: hello-mcp itself, built in the copy (gates reuses target/).
      sh('cargo', ['build', '--quiet'], dir);
      server = spawn(path.join(dir, 'target', 'debug', 'hello-mcp'), [], {
        env: { ...process.env, MCP_SERVER_PORT: '0', MCP_SERVER_HOST: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      mcpUrl = await new Promise<string>((resolve, reject) => {
        let err = '';
        server!.stderr!.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /listening on http:\/\/[^:]+:(\d+)(\/mcp)/.exec(err);
          if (m) resolve(`http://127.0.0.1:${m[1]}${m[2]}`);
        });
        server!.on('exit', (c) => reject(new Error(`hello-mcp exited ${c}: ${err}`)));
      });
    }, 300_000);

    afterAll(() => {
      if (server?.pid) process.kill(server.pid);
      if (toolBin) fs.rmSync(toolBin, { recursive: true, force: true });
    });

    test('--list-json on the default branch: gates, build, scan and staging run; production never', () => {
      expect(listJobs(dir, ['--variable', `MCP_STAGING_MCP_URL=${mcpUrl}`])).toEqual({
        'mcp:cli': 'on_success',
        'mcp:gates': 'on_success',
        'mcp:build': 'on_success',
        'mcp:scan': 'on_success',
        'mcp:deploy-staging': 'on_success',
        'mcp:deploy-production': 'never',
      });
    });

    test('--list-json with CI_COMMIT_TAG=v1.2.3: the production deploy is there and manual; staging never', () => {
      expect(
        listJobs(dir, [...TAG, '--variable', 'MCP_PRODUCTION_MCP_URL=https://mcp.example.com/mcp']),
      ).toEqual({
        'mcp:cli': 'on_success',
        'mcp:gates': 'on_success',
        'mcp:build': 'on_success',
        'mcp:scan': 'on_success',
        'mcp:deploy-staging': 'never',
        'mcp:deploy-production': 'manual',
      });
    });

    test('the component form, included with inputs, gives the same jobs and rules', () => {
      const c = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-component-'));
      fs.copyFileSync(COMPONENT, path.join(c, 'mcp.yml'));
      fs.writeFileSync(
        path.join(c, '.gitlab-ci.yml'),
        'include:\n  - local: mcp.yml\n    inputs:\n      staging-deployments: hello-mcp\n      staging-mcp-url: http://127.0.0.1:1/mcp\n',
      );
      sh('git', ['init', '-q', '-b', 'main'], c);
      sh('git', ['remote', 'add', 'origin', 'git@gitlab.example.com:team/hello-mcp.git'], c);
      sh('git', ['add', '-A'], c);
      sh('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'c'], c);
      expect(listJobs(c)).toEqual({
        'mcp:cli': 'on_success',
        'mcp:gates': 'on_success',
        'mcp:build': 'on_success',
        'mcp:scan': 'on_success',
        'mcp:deploy-staging': 'on_success',
        'mcp:deploy-production': 'never',
      });
      expect(listJobs(c, TAG)['mcp:deploy-production']).toBe('manual');
    });

    test('a tag that is not a release version gets no production job', () => {
      const jobs = listJobs(dir, [
        '--variable',
        'CI_COMMIT_TAG=nightly',
        '--variable',
        'CI_COMMIT_REF_NAME=nightly',
      ]);
      expect(jobs['mcp:deploy-production']).toBe('never');
    });

    describe('the default-branch pipeline', () => {
      let run: ReturnType<typeof pipeline>;
      beforeAll(() => {
        run = pipeline(dir, path.join(dir, 'main.jsonl'), ['--variable', `MCP_STAGING_MCP_URL=${mcpUrl}`]);
      }, 600_000);

      test('runs gates (real cargo), build, scan and deploy-staging with verify; nothing for production', () => {
        expect({ failed: failed(run.out), tail: failed(run.out).length ? run.out.slice(-4000) : '' }).toEqual(
          { failed: [], tail: '' },
        );
        expect(passed(run.out)).toEqual([
          'mcp:cli',
          'mcp:gates',
          'mcp:build',
          'mcp:scan',
          'mcp:deploy-staging',
        ]);
        expect(run.out).toMatch(/mcp:gates .*> .*test +✅ passed/);
        // Verify ran in the deploy job's own process (MCP_STAGING_MCP_URL is set).
        expect(run.out).toMatch(/mcp:deploy-staging .*> .*tools\/list: passed/);
        // gates (Rust image) ran the tool image's bundle that mcp:cli exported; deploy ran the tool image's own.
        expect(run.out).toMatch(/mcp:gates .*> mcp-deploy: \S+\/\.mcp-deploy\/bin\/mcp-deploy$/m);
        expect(fs.realpathSync(path.join(dir, '.mcp-deploy', 'dist', 'cli.js'))).not.toBe(CLI);
        expect(fs.readFileSync(path.join(dir, '.mcp-deploy', 'dist', 'index.js'))).toEqual(
          fs.readFileSync(path.join(ROOT, 'dist', 'index.js')),
        );
        expect(run.records.find((r) => r.env.CI_JOB_NAME === 'mcp:deploy-staging')?.env.MCP_CLI).toBe(
          'mcp-deploy',
        );
        expect(run.records.some((r) => r.env.CI_JOB_NAME?.includes('production'))).toBe(false);
      });

      test('hands the pushed image by digest from build to the later jobs (dotenv report)', () => {
        const env = fs.readFileSync(path.join(dir, 'mcp-build.env'), 'utf8');
        const ref = /^MCP_IMAGE_REF=(.+)$/m.exec(env)?.[1];
        expect(ref).toMatch(new RegExp(`^${IMAGE}@sha256:[0-9a-f]{64}$`));
        const set = run.records.find((r) => r.tool === 'kubectl' && r.argv.includes('set'));
        expect(set?.argv).toContain(`server=${ref}`);
        expect(run.records.find((r) => r.tool === 'trivy' && r.argv[0] === 'image')?.argv.at(-1)).toBe(ref);
      });

      test('writes Trivy’s GitLab container-scanning report as the scan job’s artifact', () => {
        const convert = run.records.find((r) => r.tool === 'trivy' && r.argv.includes('template'));
        expect(convert?.argv).toEqual([
          'convert',
          '--format',
          'template',
          '--template',
          '@/contrib/gitlab.tpl',
          '--output',
          'gl-container-scanning-report.json',
          'trivy-results.json',
        ]);
        const report = JSON.parse(
          fs.readFileSync(path.join(dir, 'gl-container-scanning-report.json'), 'utf8'),
        );
        expect(report.scan.type).toBe('container_scanning');
      });

      test('deploy-staging uses the staging variables (namespace, deployments, kubeconfig, environment)', () => {
        const mine = run.records.filter((r) => r.env.CI_JOB_NAME === 'mcp:deploy-staging');
        expect(mine[0].env).toMatchObject({
          MCP_ENVIRONMENT: 'staging',
          MCP_NAMESPACE: 'hello-mcp-staging',
          MCP_DEPLOYMENTS: 'hello-mcp=server',
          MCP_ENVIRONMENT_URL: 'https://staging.mcp.example.com',
        });
        // The secret reaches kubectl as a file, never in its environment.
        expect(mine[0].toolEnv.MCP_KUBECONFIG).toBeUndefined();
        expect(mine.filter((r) => r.argv.includes('--kubeconfig')).length).toBeGreaterThan(0);
      });

      test.each([
        ['mcp:build', 'build'],
        ['mcp:scan', 'scan'],
        ['mcp:deploy-staging', 'deploy'],
      ])(
        '%s ran exactly the commands `mcp-deploy plan --stages %s` shows for its variables',
        (job, stage) => {
          const { ran } = compareWithPlan(dir, run.records, job, stage);
          if (stage === 'build') {
            const build = ran.find((c) => c.startsWith('docker buildx build'))!;
            expect(build).toContain(`--tag ${IMAGE}:main`);
            expect(build).toContain('--platform linux/amd64');
          }
        },
      );
    });

    describe('a v1.2.3 tag pipeline for two platforms, with the manual production deploy started', () => {
      let run: ReturnType<typeof pipeline>;
      beforeAll(() => {
        run = pipeline(dir, path.join(dir, 'tag.jsonl'), [
          ...TAG,
          // MCP_CLI stays overridable: a vendored copy of the CLI.
          '--variable',
          `MCP_CLI=${process.execPath} ${CLI}`,
          '--variable',
          'MCP_PLATFORMS=linux/amd64,linux/arm64',
          '--manual',
          'mcp:deploy-production',
        ]);
      }, 600_000);

      test('runs gates, build, scan and deploy-production; no staging job', () => {
        expect({ failed: failed(run.out), tail: failed(run.out).length ? run.out.slice(-4000) : '' }).toEqual(
          { failed: [], tail: '' },
        );
        expect(passed(run.out)).toEqual([
          'mcp:cli',
          'mcp:gates',
          'mcp:build',
          'mcp:scan',
          'mcp:deploy-production',
        ]);
        expect(run.records.some((r) => r.env.CI_JOB_NAME?.includes('staging'))).toBe(false);
        // No MCP_PRODUCTION_MCP_URL: the deploy job deploys only.
        expect(run.out).toMatch(/mcp:deploy-production .*> .*rolled out/);
        expect(run.out).not.toMatch(/mcp:deploy-production .*> .*verifying/);
        expect(new Set(run.records.map((r) => r.env.MCP_CLI))).toEqual(
          new Set([`${process.execPath} ${CLI}`]),
        );
      });

      test('deploy-production uses the production variables', () => {
        const mine = run.records.filter((r) => r.env.CI_JOB_NAME === 'mcp:deploy-production');
        expect(mine[0].env).toMatchObject({ MCP_ENVIRONMENT: 'production', MCP_NAMESPACE: 'hello-mcp' });
        expect(mine[0].toolEnv.MCP_KUBECONFIG).toBeUndefined();
        expect(mine.filter((r) => r.argv.includes('--kubeconfig')).length).toBeGreaterThan(0);
        expect(mine.find((r) => r.argv.includes('set'))?.argv).toEqual(
          expect.arrayContaining(['--namespace', 'hello-mcp']),
        );
      });

      test.each([
        ['mcp:build', 'build'],
        ['mcp:scan', 'scan'],
        ['mcp:deploy-production', 'deploy'],
      ])(
        '%s ran exactly the commands `mcp-deploy plan --stages %s` shows (version tags, both platforms)',
        (job, stage) => {
          const { ran } = compareWithPlan(dir, run.records, job, stage);
          if (stage === 'build') {
            const build = ran.find((c) => c.startsWith('docker buildx build'))!;
            expect(build).toContain('--platform linux/amd64,linux/arm64');
            for (const t of ['1.2.3', '1.2', 'latest']) expect(build).toContain(`--tag ${IMAGE}:${t}`);
          }
        },
      );
    });
  },
);
