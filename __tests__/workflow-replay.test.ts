import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, spawnAsync } from './support/action';
import { copyCrate, HELLO_MCP } from './support/crate';
import { kubectl } from './support/deploy-env';
import { startDockerd, type Dockerd } from './support/dockerd';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { helloMcpMissing, startHelloHttp, type RunningServer } from './support/mcp-servers';
import { startRegistry, type Registry } from './support/registry';
import { describeWith, missingCommands } from './support/skip';
import { FIXTURES, installStandin } from './support/standins';

/**
 * The reusable workflow, executed (issue 14): the caller template and the workflow `mcp-deploy init` writes
 * are replayed by support/workflow-replay.mjs (GitHub's parser and expression evaluator; this repository's
 * action bundles; stand-ins for third-party actions only) for a push to main, a v1.2.3 tag, a fork's pull
 * request, and a push whose verify fails. The runner's world is real: cargo on examples/hello-mcp, dockerd
 * with buildx and a registry on 127.0.0.1, kubectl against the API simulator, hello-mcp serving MCP on
 * 127.0.0.1 for verify. Trivy and cargo-audit are the project's stand-ins.
 *
 * What the replay changes in the callers, and why (nothing else): `image` goes to the local registry (no
 * ghcr.io here); `platforms: linux/amd64` and `arm-runner: ''` because this machine runs one architecture
 * and cannot pull moby/buildkit or tonistiigi/binfmt; the MCP and health URLs point at the local hello-mcp.
 * The callers' repositories hold what `mcp-deploy init --image <that registry image>` writes (the caller
 * templates deploy its kustomize overlays), so the overlays name the image the workflow pins.
 */
const REUSABLE_REF = 'acme/mcp-deploy-action/.github/workflows/mcp-deploy.yml@v1';
const WORKFLOW_SHA = '5a'.repeat(20);
const TOKEN = 'replay-sim-token-3e8d1c';
const OLD = (c: string) => `ghcr.io/acme/hello-mcp@sha256:${c.repeat(64)}`;
const REQUIRED = missingCommands('cargo', 'kubectl', 'dockerd', 'docker', 'docker-registry', 'bash');

interface StepRecord {
  name: string;
  uses?: string;
  with?: Record<string, string>;
  result: string;
  stdout?: string;
  stderr?: string;
  summary?: string;
  outputs?: Record<string, string>;
}
interface JobRecord {
  job: string;
  result: 'success' | 'failure' | 'skipped';
  condition?: string;
  environment?: { name: string; url?: string };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  steps?: StepRecord[];
}
interface Replay {
  result: string;
  jobs: JobRecord[];
  environments: { job: string; name: string; url?: string }[];
  checkouts: { job: string; repository: string; ref: string; path: string }[];
  sarif: { job: string }[];
  outputs: Record<string, Record<string, string>>;
}

describeWith('workflow replay: the reusable workflow run by its callers', REQUIRED, () => {
  jest.setTimeout(900_000);
  let engine: Dockerd;
  let registry: Registry;
  let sim: K8sSim;
  let server: RunningServer;
  let kubeconfigFile: string;
  let tmp: string;
  let bin: string;
  let goodContract: string;
  const callers: Record<string, { workflow: string; repo: string }> = {};
  const imageName = () => `${registry.host}/acme/hello-mcp`;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replay-'));
    const noHello = helloMcpMissing();
    if (noHello) throw new Error(noHello);
    [engine, registry, sim, server] = await Promise.all([
      startDockerd(),
      startRegistry(),
      startK8sSim({ token: TOKEN }),
      startHelloHttp(),
    ]);
    kubeconfigFile = sim.writeKubeconfig(tmp);
    bin = path.join(tmp, 'bin');
    installStandin(bin, 'trivy');
    installStandin(bin, 'cargo-audit');

    // The caller's repository: the hello-mcp crate, a Dockerfile that needs no base image (none can be
    // pulled here), and the contract snapshot made the way the README says (`mcp-deploy contract snapshot`).
    const snap = spawnSync(
      process.execPath,
      [path.join(ROOT, 'dist', 'cli.js'), 'contract', 'snapshot', '--url', server.url],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    if (snap.status !== 0) throw new Error(`contract snapshot failed: ${snap.stderr}`);
    goodContract = snap.stdout;
    const repo = copyCrate(HELLO_MCP);
    fs.writeFileSync(path.join(repo, 'Dockerfile'), 'FROM scratch\nCOPY Cargo.toml /hello-mcp.toml\n');
    fs.writeFileSync(path.join(repo, 'mcp-contract.json'), goodContract);
    // The replay pushes to the local registry, so init names that image: the overlays it writes pin
    // whatever image the workflow is given, and must name the same one.
    const init = (dir: string, ci: string) => {
      const r = spawnSync(
        process.execPath,
        [path.join(ROOT, 'dist', 'cli.js'), 'init', '--cwd', dir, '--image', imageName(), '--ci', ci],
        { encoding: 'utf8', timeout: 60_000 },
      );
      if (r.status !== 0) throw new Error(`init failed: ${r.stderr}`);
    };
    const initRepo = path.join(fs.mkdtempSync(path.join(tmp, 'init-')), 'hello-mcp');
    fs.cpSync(repo, initRepo, { recursive: true, preserveTimestamps: true });

    // The template as published, with its {{crate}} placeholder filled as init fills it, in a repository
    // holding what init writes besides a workflow (its .dockerignore and the k8s overlays the template deploys)...
    init(repo, 'none');
    const template = path.join(tmp, 'template-deploy.yml');
    fs.writeFileSync(
      template,
      fs
        .readFileSync(path.join(ROOT, 'templates', 'github', 'deploy.yml'), 'utf8')
        .replace(/\{\{crate\}\}/g, 'hello-mcp'),
    );
    callers.template = { workflow: template, repo };
    // ...and the workflow `mcp-deploy init` writes, with everything else it writes.
    init(initRepo, 'github');
    callers.init = { workflow: path.join(initRepo, '.github', 'workflows', 'deploy.yml'), repo: initRepo };

    // The clusters before any run: an earlier deploy of the same overlays (namespaces included), then an
    // older image in both environments (reset() below).
    for (const env of ['staging', 'production'])
      await kubectl(
        kubeconfigFile,
        ['apply', '--validate=false', '-f', '-'],
        await kubectl(kubeconfigFile, ['kustomize', path.join(initRepo, 'deploy', 'k8s', 'overlays', env)]),
      );
  }, 900_000);

  afterAll(async () => {
    await Promise.all([engine?.stop(), registry?.stop(), sim?.stop(), server?.stop()]);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }, 120_000);

  const image = (ns: string): string =>
    sim.get('deployments', ns, 'hello-mcp').spec.template.spec.containers[0].image as string;

  /** Both environments back to a known older image, so every run has something to roll out (and undo). */
  async function reset(c: string): Promise<void> {
    for (const ns of ['hello-mcp-staging', 'hello-mcp']) {
      await kubectl(kubeconfigFile, [
        'set',
        'image',
        '-n',
        ns,
        'deployment/hello-mcp',
        `hello-mcp=${OLD(c)}`,
      ]);
      await kubectl(kubeconfigFile, ['rollout', 'status', '-n', ns, 'deployment/hello-mcp', '--timeout=30s']);
    }
  }

  async function replay(
    caller: string,
    event: { name: string; ref: string; payload: Record<string, unknown> },
    opts: { secrets?: Record<string, string>; contract?: string } = {},
  ): Promise<Replay> {
    const { workflow, repo } = callers[caller];
    fs.writeFileSync(path.join(repo, 'mcp-contract.json'), opts.contract ?? goodContract);
    const work = fs.mkdtempSync(path.join(tmp, 'run-'));
    const spec = {
      caller: workflow,
      reusable: {
        ref: REUSABLE_REF,
        file: path.join(ROOT, '.github', 'workflows', 'mcp-deploy.yml'),
        sha: WORKFLOW_SHA,
      },
      actionRepo: { name: 'acme/mcp-deploy-action', dir: ROOT },
      repository: 'acme/hello-mcp',
      event: { ...event, sha: 'c0ffee'.padEnd(40, '0') },
      secrets: opts.secrets ?? {
        STAGING_KUBECONFIG: sim.kubeconfig(),
        PRODUCTION_KUBECONFIG: sim.kubeconfig(),
        MCP_TOKEN: '',
      },
      withOverrides: {
        image: imageName(),
        platforms: 'linux/amd64',
        'arm-runner': '',
        'staging-mcp-url': server.url,
        'production-mcp-url': server.url,
        'staging-health-url': `${server.origin}/health`,
        'production-health-url': `${server.origin}/health`,
      },
      callerRepoDir: repo,
      runnerEnv: {
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        HOME: process.env.HOME ?? os.homedir(),
        ...engine.env,
        STANDIN_TRIVY_REPORT: path.join(FIXTURES, 'trivy', 'distroless-base.json'),
      },
      workDir: work,
      // Shared by every replay in this file: the runner's fixed workspace path and the actions/cache store.
      cacheDir: path.join(tmp, 'runner'),
      stepTimeoutMs: 600_000,
    };
    const specFile = path.join(work, 'spec.json');
    fs.writeFileSync(specFile, JSON.stringify(spec));
    // Async: the simulator answers kubectl from inside this jest worker.
    const r = await spawnAsync(
      [
        process.execPath,
        '--import',
        path.join(ROOT, '__tests__', 'support', 'workflow-parser-loader.mjs'),
        path.join(ROOT, '__tests__', 'support', 'workflow-replay.mjs'),
        specFile,
      ],
      { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir() },
      840_000,
    );
    if (r.status !== 0) throw new Error(`the replay failed (${r.status}):\n${r.stderr}`);
    return JSON.parse(r.stdout) as Replay;
  }

  const results = (r: Replay) => Object.fromEntries(r.jobs.map((j) => [j.job, j.result]));
  const job = (r: Replay, id: string) => r.jobs.find((j) => j.job === id)!;
  const deployStep = (r: Replay, env: string) =>
    job(r, `mcp/deploy-${env}`).steps!.find((s) => s.uses === './.mcp-deploy-action')!;
  const why = (r: Replay) =>
    r.jobs
      .flatMap((j) => j.steps ?? [])
      .filter((s) => s.result === 'failure')
      .map((s) => `${s.name}:\n${(s.stdout ?? '').slice(-1500)}\n${s.stderr ?? ''}`)
      .join('\n');

  const push = (ref: string) => ({
    name: 'push',
    ref,
    payload: {
      ref,
      repository: { full_name: 'acme/hello-mcp', default_branch: 'main' },
      sender: { login: 'octocat' },
    },
  });
  const forkPr = {
    name: 'pull_request',
    ref: 'refs/pull/7/merge',
    payload: {
      number: 7,
      pull_request: {
        number: 7,
        head: { ref: 'patch-1', repo: { full_name: 'mallory/hello-mcp' } },
        base: { ref: 'main', repo: { full_name: 'acme/hello-mcp' } },
      },
      repository: { full_name: 'acme/hello-mcp', default_branch: 'main' },
      sender: { login: 'mallory' },
    },
  };

  describe.each(['template', 'init'])('the %s caller', (caller) => {
    test('push to main: gates, build, scan, staging deployed and verified in one job; production skipped', async () => {
      await reset('1');
      const r = await replay(caller, push('refs/heads/main'));
      expect({ result: r.result, failures: why(r) }).toEqual({ result: 'success', failures: '' });
      expect(results(r)).toEqual({
        mcp: 'success',
        'mcp/gates': 'success',
        'mcp/build': 'success',
        'mcp/platforms': 'skipped',
        'mcp/build-platform': 'skipped',
        'mcp/merge': 'skipped',
        'mcp/scan': 'success',
        'mcp/deploy-staging': 'success',
        'mcp/deploy-production': 'skipped',
        report: 'success',
      });
      const ref = r.outputs.mcp['image-ref'];
      expect(ref).toMatch(new RegExp(`^${registry.host}/acme/hello-mcp@sha256:[0-9a-f]{64}$`));
      expect((await registry.manifest('acme/hello-mcp', ref.split('@')[1])).digest).toBe(ref.split('@')[1]);
      expect(image('hello-mcp-staging')).toBe(ref);
      expect(image('hello-mcp')).toBe(OLD('1'));
      // Why production was skipped is on record: its condition, evaluated for this push.
      expect(job(r, 'mcp/deploy-production').condition).toMatch(
        /startsWith\(github\.ref, 'refs\/tags\/v'\)$/,
      );
      const step = deployStep(r, 'staging');
      expect(step.with!.stages).toBe('deploy,verify');
      expect(step.outputs!['rolled-back']).toBe('false');
      expect(step.outputs!['breaking-changes']).toBe('0');
      expect(r.environments).toEqual([
        { job: 'mcp/deploy-staging', name: 'staging', url: 'https://hello-mcp.staging.example.com' },
      ]);
      expect(job(r, 'mcp/deploy-staging').concurrency).toEqual({
        group: 'mcp-deploy-acme/hello-mcp-staging',
        'cancel-in-progress': false,
      });
      // Every action of this repository ran from a checkout of the workflow's own commit.
      const self = r.checkouts.filter((c) => c.repository === 'acme/mcp-deploy-action');
      expect(self.map((c) => c.job).sort()).toEqual([
        'mcp/build',
        'mcp/deploy-staging',
        'mcp/gates',
        'mcp/scan',
      ]);
      expect(new Set(self.map((c) => `${c.ref} ${c.path}`))).toEqual(
        new Set([`${WORKFLOW_SHA} .mcp-deploy-action`]),
      );
      expect(r.sarif.map((s) => s.job)).toEqual(['mcp/scan']);
      const report = job(r, 'report').steps![0];
      expect(report.summary).toBe(`deployed ${ref}\n`);
    });

    test('tag v1.2.3: production deploys after staging, each verified, each in its own environment', async () => {
      await reset('2');
      const r = await replay(caller, push('refs/tags/v1.2.3'));
      expect({ result: r.result, failures: why(r) }).toEqual({ result: 'success', failures: '' });
      const order = r.jobs.map((j) => j.job);
      expect(order.indexOf('mcp/deploy-production')).toBeGreaterThan(order.indexOf('mcp/deploy-staging'));
      expect(results(r)).toMatchObject({
        'mcp/deploy-staging': 'success',
        'mcp/deploy-production': 'success',
      });
      const ref = r.outputs.mcp['image-ref'];
      expect(image('hello-mcp-staging')).toBe(ref);
      expect(image('hello-mcp')).toBe(ref);
      expect(deployStep(r, 'production').with!.stages).toBe('deploy,verify');
      expect(r.environments.map((e) => `${e.job} ${e.name} ${e.url}`)).toEqual([
        'mcp/deploy-staging staging https://hello-mcp.staging.example.com',
        'mcp/deploy-production production https://hello-mcp.example.com',
      ]);
      expect(job(r, 'mcp/deploy-production').concurrency!.group).toBe('mcp-deploy-acme/hello-mcp-production');
      // The tags the build pushed for the version.
      const tags = (await (await registry.fetch('/v2/acme/hello-mcp/tags/list')).json()) as {
        tags: string[];
      };
      expect(tags.tags).toEqual(expect.arrayContaining(['1.2.3', '1.2']));
    });

    test('pull request from a fork: gates and a build that pushes nothing; no secrets, no scan, no deploy', async () => {
      await reset('3');
      const before = await (await registry.fetch('/v2/acme/hello-mcp/tags/list')).text();
      const r = await replay(caller, forkPr, { secrets: {} });
      expect({ result: r.result, failures: why(r) }).toEqual({ result: 'success', failures: '' });
      expect(results(r)).toEqual({
        mcp: 'success',
        'mcp/gates': 'success',
        'mcp/build': 'success',
        'mcp/platforms': 'skipped',
        'mcp/build-platform': 'skipped',
        'mcp/merge': 'skipped',
        'mcp/scan': 'skipped',
        'mcp/deploy-staging': 'skipped',
        'mcp/deploy-production': 'skipped',
        report: 'success',
      });
      const build = job(r, 'mcp/build').steps!.find((s) => s.uses === './.mcp-deploy-action/build')!;
      expect(build.stdout).toMatch(/docker buildx build /);
      expect(build.stdout).not.toMatch(/--push|push=true/);
      expect(build.outputs!['image-ref'] ?? '').toBe('');
      expect(await (await registry.fetch('/v2/acme/hello-mcp/tags/list')).text()).toBe(before);
      expect(r.environments).toEqual([]);
      expect(image('hello-mcp-staging')).toBe(OLD('3'));
      // The build got GitHub's token, never a registry secret (there are none for a fork).
      expect(build.with!.password).toMatch(/^ghs_replay/);
    });

    test('verify fails in staging: the workflow rolls the deploy back itself, and production does not run', async () => {
      await reset('4');
      const contract = JSON.parse(goodContract) as { tools: { name: string }[] };
      contract.tools.push({ ...contract.tools[0], name: 'shout' });
      const r = await replay(caller, push('refs/tags/v1.2.3'), { contract: JSON.stringify(contract) });
      expect(r.result).toBe('failure');
      expect(results(r)).toMatchObject({
        mcp: 'failure',
        'mcp/scan': 'success',
        'mcp/deploy-staging': 'failure',
        'mcp/deploy-production': 'skipped',
        report: 'skipped',
      });
      const step = deployStep(r, 'staging');
      expect(step.result).toBe('failure');
      expect(step.stdout).toMatch(/::error::verify: .*shout/);
      expect(step.stdout).toMatch(/undoing the deploy: verify/);
      expect(step.stdout).toMatch(/rollout undo deployment\/hello-mcp --to-revision=\d+/);
      // What runs in staging is what ran before this run; production was never touched.
      expect(image('hello-mcp-staging')).toBe(OLD('4'));
      expect(image('hello-mcp')).toBe(OLD('4'));
    });
  });
});
