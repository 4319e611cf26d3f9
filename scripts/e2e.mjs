#!/usr/bin/env node
// The golden path, executed: `mcp-deploy init` into a copy of a crate, then the pipeline it generated, on
// real tools (cargo, a private dockerd + buildx, a registry on 127.0.0.1, kubectl against the k8s simulator
// whose kubelet runs pods as real containers), through three releases and a v tag:
//   1. deploy to staging, verify through the Ingress host, record the contract baseline;
//   2. a tool removed: verify fails, the deploy is rolled back, the old server answers again;
//   3. a binary that exits at start: CrashLoopBackOff, rollback, the old server answers;
//   4. a v tag: production.
//
//   npm run e2e -- --crate examples/hello-mcp --ci cli|gitlab [--strict] [--keep] [--rename-bin NAME]
//
// --rename-bin NAME: the copy's binary target is called NAME, unlike its package (init must use [[bin]] name).
// --ci cli runs `mcp-deploy run` stage by stage with the inputs of the generated GitHub workflow, as its
// reusable workflow's jobs call the stage actions; --ci gitlab runs the generated .gitlab-ci.yml under
// gitlab-ci-local. Where the generated files do not fit together (a "joint") the script says so on one line
// starting with JOINT, and, unless --strict, continues with the smallest change to the generated files that
// gets past it (printed too). Every step prints its wall time. Everything started is stopped, also on failure.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { importTs } from './ts-import.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SUPPORT = path.join(ROOT, '__tests__', 'support');

const { values: opt } = parseArgs({
  options: {
    crate: { type: 'string' },
    ci: { type: 'string', default: 'cli' },
    strict: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'rename-bin': { type: 'string' },
  },
});
if (!opt.crate || !['cli', 'gitlab'].includes(opt.ci)) {
  console.error('usage: npm run e2e -- --crate DIR --ci cli|gitlab [--strict] [--keep] [--rename-bin NAME]');
  process.exit(2);
}
if (!fs.existsSync(CLI)) {
  console.error(`${CLI} does not exist: run npm run bundle first`);
  process.exit(2);
}

/* ------------------------------------------------------------------ reporting */

const t0 = Date.now();
const timings = [];
const joints = [];
const notes = [];
/** Where the harness differs from the user's runner on purpose (not a joint of the generated files). */
const note = (text) => {
  notes.push(text);
  console.log(`  note: ${text}`);
};
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
class Stop extends Error {}

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    const v = await fn();
    // A job that ran and failed is a failed step, though the script goes on to judge it.
    const ok = !(v && typeof v.code === 'number' && v.code !== 0);
    timings.push({ name, ms: Date.now() - started, ok });
    console.log(`${ok ? '✓' : '✗'} ${name} (${secs(Date.now() - started)})`);
    return v;
  } catch (e) {
    timings.push({ name, ms: Date.now() - started, ok: false });
    console.log(`✗ ${name} (${secs(Date.now() - started)}): ${e instanceof Stop ? e.message : e.stack}`);
    throw e;
  }
}

/** A place where the generated files do not fit together. `workaround` changes them and continues. */
async function joint(where, error, workaround) {
  joints.push({ where, error, workaround: workaround?.what });
  console.log(`JOINT ${where}: ${error}`);
  if (!workaround || opt.strict) throw new Stop(`stopped at the joint in ${where}`);
  console.log(`  workaround (harness only): ${workaround.what}`);
  await workaround.apply();
}

function run(cmd, args, o = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: o.cwd,
      env: o.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const keep = (b) => {
      out += b;
      if (o.echo !== false) process.stdout.write(b.toString().replace(/^/gm, '    '));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 900_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, out });
    });
  });
}

async function must(cmd, args, o) {
  const r = await run(cmd, args, o);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}:\n${r.out.slice(-3000)}`);
  return r.out;
}

const lastError = (out) =>
  out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /error|fail|✗|::error/i.test(l))
    .slice(-1)[0] ?? out.trim().split('\n').slice(-1)[0];

/* ------------------------------------------------------------------ harness */

const cleanups = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-e2e-'));
let exitCode = 1;

try {
  const { startDockerd } = await importTs('__tests__/support/dockerd.ts');
  const { startRegistry } = await importTs('__tests__/support/registry.ts');
  const { startK8sSim } = await importTs('__tests__/support/k8s-sim.ts');
  const { importScratchImage, pushImage } = await importTs('__tests__/support/scratch-image.ts');

  const crateSrc = path.resolve(opt.crate);
  const repo = path.join(work, 'repo');
  let toml = fs.readFileSync(path.join(crateSrc, 'Cargo.toml'), 'utf8');
  const pkg = /\[package\][^[]*?\bname\s*=\s*"([^"]+)"/.exec(toml)?.[1];
  if (opt['rename-bin']) {
    const m = /\[\[bin\]\][^[]*?\bname\s*=\s*"([^"]+)"/.exec(toml);
    toml = m
      ? toml.replace(m[0], m[0].replace(`"${m[1]}"`, JSON.stringify(opt['rename-bin'])))
      : `${toml.trimEnd()}\n\n[[bin]]\nname = ${JSON.stringify(opt['rename-bin'])}\npath = "src/main.rs"\n`;
  }
  const bin = /\[\[bin\]\][^[]*?\bname\s*=\s*"([^"]+)"/.exec(toml)?.[1] ?? pkg;

  const { engine, registry, sim } = await step(
    'harness: dockerd, registry, k8s simulator with kubelet',
    async () => {
      const engine = await startDockerd();
      cleanups.push(() => engine.stop());
      const registry = await startRegistry();
      cleanups.push(() => registry.stop());
      const sim = await startK8sSim({ kubelet: { dockerEnv: engine.env, timeScale: 0.2 } });
      cleanups.unshift(() => sim.stop());
      console.log(
        `  registry ${registry.host}, network ${sim.kubelet.network} ${sim.kubelet.subnet}, ingress ${sim.kubelet.ingressUrl}`,
      );
      return { engine, registry, sim };
    },
  );
  const dockerEnv = { ...process.env, ...engine.env };
  const image = `${registry.host}/acme/${pkg}`;
  const remote =
    opt.ci === 'gitlab' ? `https://gitlab.com/acme/${pkg}.git` : `https://github.com/acme/${pkg}.git`;

  const git = (args) =>
    must('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', ...args], {
      cwd: repo,
      echo: false,
    });

  await step(`copy ${opt.crate} into a git repository with remote ${remote}`, async () => {
    fs.cpSync(crateSrc, repo, { recursive: true, filter: (s) => path.basename(s) !== 'target' });
    if (opt['rename-bin']) {
      fs.writeFileSync(path.join(repo, 'Cargo.toml'), toml);
      // The crate's own Dockerfile names the old binary: init writes them for the renamed one.
      for (const f of ['Dockerfile', '.dockerignore']) fs.rmSync(path.join(repo, f), { force: true });
      // The crate's own integration tests find the binary by its target name.
      const oldBin =
        /\[\[bin\]\][^[]*?\bname\s*=\s*"([^"]+)"/.exec(
          fs.readFileSync(path.join(crateSrc, 'Cargo.toml'), 'utf8'),
        )?.[1] ?? pkg;
      for (const f of fs.readdirSync(repo, { recursive: true }).filter((f) => f.endsWith('.rs'))) {
        const file = path.join(repo, f);
        const text = fs.readFileSync(file, 'utf8');
        const renamed = text.replaceAll(`CARGO_BIN_EXE_${oldBin}`, `CARGO_BIN_EXE_${bin}`);
        if (renamed !== text) fs.writeFileSync(file, renamed);
      }
      console.log(`  package ${pkg}, binary ${bin}`);
    }
    await git(['init', '-q', '-b', 'main']);
    await git(['remote', 'add', 'origin', remote]);
    await git(['add', '-A']);
    await git(['commit', '-qm', 'release 1']);
  });

  await step(`mcp-deploy init --ci ${opt.ci === 'cli' ? 'github' : 'gitlab'} --image ${image}`, async () => {
    // --image: the registry of this run; everything else init derives itself.
    await must('node', [
      CLI,
      'init',
      '--cwd',
      repo,
      '--ci',
      opt.ci === 'cli' ? 'github' : 'gitlab',
      '--image',
      image,
    ]);
    await git(['add', '-A']);
    await git(['commit', '-qm', 'mcp-deploy init']);
  });

  // --ci gitlab: the jobs run the CLI as the tool image has it, `mcp-deploy` on PATH from the npm package.
  let cliBin = '';
  if (opt.ci === 'gitlab') {
    await step('the CLI from npm pack, installed offline (nothing from a registry)', async () => {
      const npmEnv = {
        ...process.env,
        npm_config_cache: path.join(work, 'npm-cache'),
        npm_config_update_notifier: 'false',
      };
      const packDir = path.join(work, 'pack');
      fs.mkdirSync(packDir);
      await must('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], {
        cwd: ROOT,
        env: npmEnv,
        echo: false,
      });
      const tgz = fs.readdirSync(packDir).find((f) => f.endsWith('.tgz'));
      if (!tgz) throw new Error(`npm pack wrote no .tgz into ${packDir}`);
      const app = path.join(work, 'cli');
      fs.mkdirSync(app);
      fs.writeFileSync(
        path.join(app, 'package.json'),
        '{"name":"e2e-cli","version":"0.0.0","private":true}\n',
      );
      await must(
        'npm',
        [
          'install',
          '--omit=dev',
          '--offline',
          '--ignore-scripts',
          '--no-audit',
          '--no-fund',
          path.join(packDir, tgz),
        ],
        { cwd: app, env: npmEnv, echo: false },
      );
      cliBin = path.join(app, 'node_modules', '.bin');
      console.log(`  ${tgz} installed: ${fs.realpathSync(path.join(cliBin, 'mcp-deploy'))}`);
    });
    await step('GitLab: the template included locally, a shell runner with its own docker', async () => {
      const ci = path.join(repo, '.gitlab-ci.yml');
      const text = fs.readFileSync(ci, 'utf8');
      if (!/^\s*- remote: .*mcp-deploy\.gitlab-ci\.yml$/m.test(text))
        throw new Error(`.gitlab-ci.yml includes no remote mcp-deploy.gitlab-ci.yml:\n${text}`);
      fs.copyFileSync(
        path.join(ROOT, 'templates', 'gitlab', 'mcp-deploy.gitlab-ci.yml'),
        path.join(repo, 'mcp-deploy.gitlab-ci.yml'),
      );
      fs.writeFileSync(
        ci,
        `${text.replace(/^(\s*)- remote: .*mcp-deploy\.gitlab-ci\.yml$/m, '$1- local: mcp-deploy.gitlab-ci.yml')}
# e2e: a shell runner has its own docker (the harness's private engine), no docker-in-docker service.
mcp:build:
  services: []
  variables:
    DOCKER_HOST: ${engine.env.DOCKER_HOST}
    DOCKER_TLS_VERIFY: ''
    DOCKER_CERT_PATH: ''
    DOCKER_TLS_CERTDIR: ''
`,
      );
      fs.appendFileSync(path.join(repo, '.gitignore'), '\n.gitlab-ci-local/\n');
      await git(['add', '-A']);
      await git(['commit', '-qm', 'e2e: template included locally']);
      await git(['update-ref', 'refs/remotes/origin/main', 'HEAD']);
      await git(['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main']);
    });
  }

  // Base images as the generated Dockerfile's build args: made from this host, pushed to the local registry.
  const baseRef = await step(
    'runtime base image from the host libraries, pushed to the local registry',
    async () => {
      const target = path.join(repo, 'target');
      await must('cargo', ['build', '--release', '--locked', '--bin', bin], {
        cwd: repo,
        env: { ...process.env, CARGO_TERM_COLOR: 'never' },
      });
      await importScratchImage(work, dockerEnv, 'local/runtime-base:e2e', {
        librariesOf: path.join(target, 'release', bin),
        user: '65532:65532',
      });
      return (await pushImage(dockerEnv, 'local/runtime-base:e2e', registry.host, 'base/cc-debian12', 'e2e'))
        .ref;
    },
  );

  const dockerfile = path.join(repo, 'Dockerfile');
  // Not a joint: the generated files fit together, and a user's runner can pull the frontend. This machine
  // is offline (no Docker Hub), so the copy drops the line, as templates.test does; the engine's built-in
  // frontend reads the same Dockerfile.
  if (/^# syntax=docker\/dockerfile:1/m.test(fs.readFileSync(dockerfile, 'utf8'))) {
    note(
      "offline: the generated Dockerfile's `# syntax=docker/dockerfile:1` would pull docker/dockerfile from Docker Hub; the copy drops it (the engine has the frontend built in)",
    );
    fs.writeFileSync(
      dockerfile,
      fs.readFileSync(dockerfile, 'utf8').replace(/^# syntax=docker\/dockerfile:1\n/m, ''),
    );
    await git(['commit', '-qam', 'e2e: no syntax line offline']);
  }

  /* ---------------------------------------------------------------- the generated pipeline */

  const kubeconfigText = sim.kubeconfig();
  const stubs = path.join(work, 'bin');
  fs.mkdirSync(stubs);
  for (const tool of ['trivy', 'cargo-audit']) {
    fs.copyFileSync(path.join(SUPPORT, `standin-${tool}.js`), path.join(stubs, tool));
    fs.chmodSync(path.join(stubs, tool), 0o755);
  }
  const pipelineEnv = {
    ...dockerEnv,
    PATH: `${stubs}${path.delimiter}${process.env.PATH}`,
    STANDIN_TRIVY_REPORT: path.join(ROOT, '__tests__', 'fixtures', 'trivy', 'distroless-base.json'),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} -r ${path.join(SUPPORT, 'ingress-resolve.cjs')}`.trim(),
    CARGO_TERM_COLOR: 'never',
  };
  for (const k of Object.keys(pipelineEnv))
    if (/^(GITHUB_|GITLAB_CI|CI_|MCP_)/.test(k)) delete pipelineEnv[k];

  /** Ingress hosts of an environment's overlay, as kubectl kustomize renders them. */
  async function ingressHosts(overlay) {
    const out = await must('kubectl', ['kustomize', path.join(repo, overlay)], { echo: false });
    return YAML.parseAllDocuments(out)
      .map((d) => d.toJSON())
      .filter((o) => o?.kind === 'Ingress')
      .flatMap((o) => (o.spec?.rules ?? []).map((r) => r.host))
      .filter(Boolean);
  }

  /** The user's URL, reached through the simulator's Ingress proxy: same host name, the proxy's port, http. */
  const viaProxy = (url) => {
    const u = new URL(url);
    return `http://${u.hostname}:${sim.kubelet.ingressPort}${u.pathname}`;
  };

  // The inputs of each environment, read from the generated CI file.
  let envs;
  if (opt.ci === 'cli') {
    const wf = YAML.parse(fs.readFileSync(path.join(repo, '.github', 'workflows', 'deploy.yml'), 'utf8'));
    const w = wf.jobs.mcp.with;
    const pick = (e) => ({
      deployments: w[`${e}-deployments`] ?? '',
      manifests: w[`${e}-manifests`] ?? '',
      namespace: w[`${e}-namespace`] ?? '',
      url: w[`${e}-url`] ?? '',
      mcpUrl: w[`${e}-mcp-url`] ?? '',
      healthUrl: w[`${e}-health-url`] ?? '',
      strategy: w.strategy ?? '',
    });
    envs = {
      staging: pick('staging'),
      production: pick('production'),
      baseline: w['contract-baseline'] ?? '',
    };
  } else {
    const v = YAML.parse(fs.readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8')).variables ?? {};
    const pick = (E) => ({
      deployments: v[`MCP_${E}_DEPLOYMENTS`] ?? '',
      manifests: v[`MCP_${E}_MANIFESTS`] ?? '',
      namespace: v[`MCP_${E}_NAMESPACE`] ?? '',
      url: v[`MCP_${E}_URL`] ?? '',
      mcpUrl: v[`MCP_${E}_MCP_URL`] ?? '',
      healthUrl: v[`MCP_${E}_HEALTH_URL`] ?? '',
      strategy: v.MCP_STRATEGY ?? '',
    });
    envs = {
      staging: pick('STAGING'),
      production: pick('PRODUCTION'),
      baseline: v.MCP_CONTRACT_BASELINE ?? '',
    };
  }

  // Joints that can be seen in the generated files before anything runs.
  for (const e of ['staging', 'production']) {
    const c = envs[e];
    // Empty: the deploy stage derives it, manifests when manifests is given.
    const strategy = c.strategy || (c.manifests ? 'manifests' : 'set-image');
    if (!c.manifests && strategy === 'set-image') {
      await joint(
        `${e}: deploy inputs`,
        `the generated ${opt.ci === 'cli' ? 'workflow' : '.gitlab-ci.yml'} gives no ${e} manifests, so set-image would patch a Deployment nothing created`,
        {
          what: `strategy manifests with deploy/k8s/overlays/${e}`,
          apply: () => Object.assign(c, { manifests: `deploy/k8s/overlays/${e}`, strategy: 'manifests' }),
        },
      );
    } else if (c.manifests && strategy === 'set-image') {
      await joint(
        `${e}: deploy inputs`,
        `manifests ${c.manifests} is set but the strategy stays set-image (the deploy stage refuses: input 'manifests': is only used with strategy manifests)`,
        { what: 'strategy manifests', apply: () => Object.assign(c, { strategy: 'manifests' }) },
      );
    }
    const overlay = c.manifests || `deploy/k8s/overlays/${e}`;
    const ns = YAML.parse(fs.readFileSync(path.join(repo, overlay, 'kustomization.yaml'), 'utf8'))?.namespace;
    if (!c.namespace) {
      await joint(
        `${e}: namespace`,
        `the generated CI file sets no ${e} namespace (the overlay uses ${ns})`,
        {
          what: `namespace ${ns}`,
          apply: () => Object.assign(c, { namespace: ns }),
        },
      );
    } else if (ns && c.namespace !== ns) {
      await joint(`${e}: namespace`, `the CI namespace ${c.namespace} is not the overlay's ${ns}`, {
        what: `namespace ${ns}`,
        apply: () => Object.assign(c, { namespace: ns }),
      });
    }
    const hosts = await ingressHosts(overlay);
    const host = c.mcpUrl ? new URL(c.mcpUrl).hostname : '';
    if (!hosts.includes(host)) {
      await joint(
        `${e}: verify URL`,
        `the generated ${e} MCP URL ${c.mcpUrl || '(none)'} is not the Ingress host (${hosts.join(', ') || 'none'})`,
        {
          what: `${e} MCP URL https://${hosts[0]}/mcp`,
          apply: () => Object.assign(c, { mcpUrl: `https://${hosts[0]}/mcp`, url: `https://${hosts[0]}` }),
        },
      );
    }
  }
  pipelineEnv.MCP_SIM_INGRESS_HOSTS = [envs.staging.mcpUrl, envs.production.mcpUrl]
    .filter(Boolean)
    .map((u) => new URL(u).hostname)
    .join(',');

  note(
    'one platform (linux/amd64): the generated pipelines name linux/amd64,linux/arm64, and this machine has neither an arm64 runner nor QEMU',
  );
  note(
    'BINARY_SOURCE=prebuilt: the binary is built on the runner (cargo build --release) and copied in; the Dockerfile builder stage is covered by templates.test',
  );
  note(
    'verify speaks plain HTTP to the Ingress host on the proxy port (http://<host>:<port>/mcp); the user URL is https on 443',
  );
  const buildArgs = [
    `RUNTIME_IMAGE=${baseRef}`,
    'BINARY_SOURCE=prebuilt',
    `BINARY=target/release/${bin}`,
  ].join('\n');

  /** One job of the generated pipeline: `mcp-deploy run --stages <stage>` with that job's inputs. */
  async function job(name, stage, inputs, extraEnv = {}) {
    const args = [CLI, 'run', '--stages', stage, '--cwd', repo];
    const env = { ...pipelineEnv, ...extraEnv };
    for (const [k, v] of Object.entries(inputs)) {
      // Secrets travel as MCP_<INPUT> variables, never argv (as the GitLab template passes them).
      if (k === 'kubeconfig') env.MCP_KUBECONFIG = v;
      else if (v !== '' && v !== undefined) args.push(`--${k}`, String(v));
    }
    const r = await run('node', args, { cwd: repo, env });
    const outputs = Object.fromEntries(
      [...r.out.matchAll(/^\s*output ([a-z-]+): (\S+)$/gm)].map((m) => [m[1], m[2]]),
    );
    return { ...r, outputs, name };
  }

  /** The whole generated .gitlab-ci.yml under gitlab-ci-local (shell executor), as GitLab runs it for `ref`. */
  async function gitlabPipeline(release, ref, envName) {
    await step(`${release}: binary for the prebuilt build path`, () =>
      must('cargo', ['build', '--release', '--locked', '--bin', bin], { cwd: repo, echo: false }),
    );
    const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : '';
    const c = envs[envName];
    const E = envName.toUpperCase();
    // Variables go through a file outside the repository (the kubeconfig is a secret: never argv).
    const vars = {
      CI_PROJECT_DIR: repo,
      CI_COMMIT_REF_NAME: tag || 'main',
      ...(tag ? { CI_COMMIT_TAG: tag } : {}),
      MCP_PLATFORMS: 'linux/amd64',
      MCP_BUILD_ARGS: buildArgs,
      MCP_PROVENANCE: 'false',
      MCP_STUCK_AFTER: '20s',
      MCP_ROLLOUT_TIMEOUT: '3m',
      MCP_STRATEGY: c.strategy,
      [`MCP_${E}_MANIFESTS`]: c.manifests,
      [`MCP_${E}_NAMESPACE`]: c.namespace,
      [`MCP_${E}_URL`]: c.url,
      [`MCP_${E}_MCP_URL`]: c.mcpUrl ? viaProxy(c.mcpUrl) : '',
      [`MCP_${E}_HEALTH_URL`]: c.healthUrl ? viaProxy(c.healthUrl) : '',
    };
    const varsFile = path.join(work, 'gitlab-ci-local-variables.yml');
    // Only the secret goes in the file: gitlab-ci-local makes a value that names an existing path a file variable.
    fs.writeFileSync(varsFile, YAML.stringify({ [`MCP_${E}_KUBECONFIG`]: kubeconfigText }), { mode: 0o600 });
    // gitlab-ci-local joins the path to its cwd: give it relative to the repository.
    const args = [
      '--force-shell-executor',
      '--shell-executor-no-image',
      '--variables-file',
      path.relative(repo, varsFile),
    ];
    for (const [k, v] of Object.entries({ GITLAB_CI: 'true', ...vars })) args.push('--variable', `${k}=${v}`);
    if (tag) args.push('--manual', `mcp:deploy-${envName}`);
    const r = await step(`${release}: gitlab-ci-local pipeline (${tag || 'main'})`, () =>
      run(path.join(ROOT, 'node_modules', '.bin', 'gitlab-ci-local'), args, {
        cwd: repo,
        env: {
          ...pipelineEnv,
          PATH: `${cliBin}${path.delimiter}${pipelineEnv.PATH}`,
          GCL_IGNORE_PREDEFINED_VARS: 'GITLAB_CI,CI_PROJECT_DIR,CI_COMMIT_TAG,CI_COMMIT_REF_NAME',
        },
      }),
    );
    // gitlab-ci-local prints a job's own output only in part; its full log is under .gitlab-ci-local/output.
    const logDir = path.join(repo, '.gitlab-ci-local', 'output');
    const jobOut = (name) => {
      const safe = name.replace(/[^a-zA-Z0-9]/g, '.');
      const file = fs.existsSync(logDir)
        ? fs.readdirSync(logDir).find((f) => new RegExp(`^${safe}\\.log$`).test(f))
        : undefined;
      return file
        ? fs.readFileSync(path.join(logDir, file), 'utf8')
        : r.out
            .split('\n')
            .filter((l) => l.trim().startsWith(`${name} `))
            .join('\n');
    };
    const status = (name) =>
      new RegExp(`^ PASS +${name}\\b`, 'm').test(r.out)
        ? 0
        : new RegExp(`^ FAIL +${name}\\b`, 'm').test(r.out)
          ? 1
          : undefined;
    for (const j of ['mcp:gates', 'mcp:build', 'mcp:scan']) {
      if (status(j) !== 0) {
        console.log(jobOut(j).slice(-4000).replace(/^/gm, '    | '));
        throw new Stop(`${j} did not pass: ${lastError(jobOut(j) || r.out)}`);
      }
    }
    const imageRef = /MCP_IMAGE_REF=(\S+)/.exec(r.out)?.[1] ?? '';
    const deployName = `mcp:deploy-${envName}`;
    return {
      imageRef,
      ...splitDeployVerify({ code: status(deployName) ?? 1, out: jobOut(deployName) || r.out }),
    };
  }

  /**
   * The deploy job runs `--stages deploy,verify` (verify only when the environment has an MCP URL): verify
   * starts only after a deploy that succeeded, and its failure rolls that deploy back in the same process.
   */
  function splitDeployVerify(r) {
    const at = r.out.indexOf('━━ verify ━━');
    if (at < 0) return { deploy: r, verify: undefined };
    return { deploy: { code: 0, out: r.out.slice(0, at) }, verify: { code: r.code, out: r.out.slice(at) } };
  }

  /** The deploy stage refuses a namespace that does not exist, though the overlay would create it. */
  async function namespaceJoint(out, envName) {
    const ns = /namespace '([^']+)' does not exist in the cluster/.exec(out)?.[1];
    if (!ns) return false;
    await joint(`${envName}: deploy into a new namespace`, lastError(out), {
      what: `kubectl create namespace ${ns} (as a cluster admin would), then the same job again`,
      apply: () => must('kubectl', ['--kubeconfig', sim.writeKubeconfig(work), 'create', 'namespace', ns]),
    });
    return true;
  }

  /** The generated CI file names a contract baseline that nothing has written yet. */
  async function baselineJoint(out, envName) {
    if (!/'contract-baseline': '[^']+' does not exist/.test(out)) return false;
    await joint(`${envName}: first verify`, lastError(out), {
      what: `mcp-deploy contract snapshot of the running ${envName} server, committed as the baseline, then verify again`,
      apply: () => recordBaseline(envName),
    });
    return true;
  }

  async function recordBaseline(envName) {
    const out = await must('node', [CLI, 'contract', 'snapshot', '--url', viaProxy(envs[envName].mcpUrl)], {
      env: pipelineEnv,
      echo: false,
    });
    const file = envs.baseline || 'mcp-contract.json';
    fs.writeFileSync(path.join(repo, file), out.slice(out.indexOf('{')));
    // Only the baseline: the scan's trivy-results.* lie in the working tree too.
    await git(['add', file]);
    await git(['commit', '-qm', 'contract baseline']);
  }

  async function pipeline(release, ref, envName) {
    if (opt.ci === 'gitlab') {
      let r = await gitlabPipeline(release, ref, envName);
      if (r.deploy.code !== 0 && (await namespaceJoint(r.deploy.out, envName)))
        r = await gitlabPipeline(`${release} (again)`, ref, envName);
      if (r.verify && r.verify.code !== 0 && (await baselineJoint(r.verify.out, envName)))
        r = await gitlabPipeline(`${release} (again)`, ref, envName);
      return r;
    }
    const sha = (await git(['rev-parse', 'HEAD'])).trim();
    const common = { ref, sha };
    const gates = await step(`${release}: gates`, () => job('gates', 'gates', { ...common, audit: 'true' }));
    if (gates.code !== 0) throw new Stop(`gates failed: ${lastError(gates.out)}`);
    await step(`${release}: binary for the prebuilt build path`, () =>
      must('cargo', ['build', '--release', '--locked', '--bin', bin], { cwd: repo, echo: false }),
    );
    const build = await step(`${release}: build + push`, () =>
      job('build', 'build', {
        ...common,
        image,
        platforms: 'linux/amd64',
        'build-args': buildArgs,
        provenance: 'false',
      }),
    );
    if (build.code !== 0 || !build.outputs['image-ref'])
      throw new Stop(`build failed: ${lastError(build.out)}`);
    const imageRef = build.outputs['image-ref'];
    const scan = await step(`${release}: scan (stand-in trivy)`, () =>
      job('scan', 'scan', { ...common, 'image-ref': imageRef, 'fail-on': 'CRITICAL,HIGH' }),
    );
    if (scan.code !== 0) throw new Stop(`scan failed: ${lastError(scan.out)}`);
    const c = envs[envName];
    // As the reusable workflow's deploy job: one action step, `deploy,verify` when the MCP URL is set.
    const deployJob = () =>
      job(`deploy-${envName}`, c.mcpUrl ? 'deploy,verify' : 'deploy', {
        ...common,
        'image-ref': imageRef,
        kubeconfig: kubeconfigText,
        namespace: c.namespace,
        strategy: c.strategy,
        deployments: c.deployments,
        manifests: c.manifests,
        'rollout-timeout': '3m',
        'stuck-after': '20s',
        environment: envName,
        'environment-url': c.url,
        ...(c.mcpUrl
          ? {
              'mcp-url': viaProxy(c.mcpUrl),
              'health-url': c.healthUrl ? viaProxy(c.healthUrl) : '',
              'contract-baseline': envs.baseline,
            }
          : {}),
      });
    const title = `${release}: deploy ${envName}${c.mcpUrl ? ` + verify at ${viaProxy(c.mcpUrl)}` : ''}`;
    let r = splitDeployVerify(await step(title, deployJob));
    if (r.deploy.code !== 0 && (await namespaceJoint(r.deploy.out, envName)))
      r = splitDeployVerify(await step(`${title} (again)`, deployJob));
    if (r.verify && r.verify.code !== 0 && (await baselineJoint(r.verify.out, envName)))
      r = splitDeployVerify(await step(`${title} (again)`, deployJob));
    return { imageRef, ...r };
  }

  /** The server behind the Ingress host answers tools/list; returns the tool names. */
  async function toolsAt(envName) {
    const url = viaProxy(envs[envName].mcpUrl);
    const out = await must('node', [CLI, 'contract', 'snapshot', '--url', url, '--timeout', '30s'], {
      env: pipelineEnv,
      echo: false,
    });
    return (JSON.parse(out.slice(out.indexOf('{'))).tools ?? []).map((t) => t.name).sort();
  }

  /* ---------------------------------------------------------------- release 1 */
  const r1 = await pipeline('release 1', 'refs/heads/main', 'staging');
  if (r1.deploy.code !== 0) throw new Stop(`release 1 deploy failed: ${lastError(r1.deploy.out)}`);
  if (r1.verify && r1.verify.code !== 0)
    throw new Stop(`release 1 verify failed: ${lastError(r1.verify.out)}`);
  const tools1 = await step('release 1: the contract baseline is recorded', async () => {
    const file = envs.baseline || 'mcp-contract.json';
    if (!fs.existsSync(path.join(repo, file))) await recordBaseline('staging');
    else if ((await git(['status', '--porcelain', '--', file])).trim()) {
      // The first verify wrote it (its notice says to commit it): the user commits it.
      console.log(`  the first verify wrote ${file}: committed`);
      await git(['add', file]);
      await git(['commit', '-qm', 'contract baseline (written by the first verify)']);
    }
    return toolsAt('staging');
  });
  console.log(`  staging serves tools: ${tools1.join(', ')}`);

  /* ---------------------------------------------------------------- release 2: a tool removed */
  const mcpRs = path.join(repo, 'src', 'mcp.rs');
  const dropped = tools1.at(-1);
  const r2ok = fs.existsSync(mcpRs) && /TOOLS\.iter\(\)/.test(fs.readFileSync(mcpRs, 'utf8'));
  if (!r2ok)
    console.log('release 2 skipped: the crate has no src/mcp.rs with a TOOLS list to remove a tool from');
  else {
    await step(
      `release 2: remove tool ${dropped} (when running in a cluster, so the crate's own tests still pass)`,
      async () => {
        const src = fs.readFileSync(mcpRs, 'utf8').replace(/TOOLS\.iter\(\)/g, 'served_tools()');
        // Before the tests module (clippy: items_after_test_module).
        const at = src.search(/^#\[cfg\(test\)\]/m);
        fs.writeFileSync(
          mcpRs,
          `${src.slice(0, at < 0 ? src.length : at)}\n/// Release 2 of the e2e run: \`${dropped}\` is no longer served in a cluster.\nfn served_tools() -> impl Iterator<Item = &'static Tool> {\n    let in_cluster = std::env::var_os("KUBERNETES_SERVICE_HOST").is_some();\n    TOOLS.iter().filter(move |t| !(in_cluster && t.name == ${JSON.stringify(dropped)}))\n}\n\n${at < 0 ? '' : src.slice(at)}`,
        );
        await must('cargo', ['fmt'], { cwd: repo, echo: false });
        await git(['commit', '-qam', `release 2: remove ${dropped}`]);
      },
    );
    const r2 = await pipeline('release 2', 'refs/heads/main', 'staging');
    if (r2.deploy.code !== 0) throw new Stop(`release 2 deploy failed: ${lastError(r2.deploy.out)}`);
    if (!r2.verify || r2.verify.code === 0)
      throw new Stop('release 2: verify passed although a tool is gone');
    console.log(`  verify failed as it must: ${lastError(r2.verify.out)}`);
    const tools2 = await toolsAt('staging');
    if (tools2.join() !== tools1.join()) {
      await joint(
        'release 2: rollback after a failed verify',
        `verify failed but nothing rolled back: staging serves ${tools2.join(', ')} (deploy and verify are separate jobs; only a run of deploy,verify in one process rolls back)`,
        {
          what: 'kubectl rollout undo, as the deploy stage would',
          apply: () =>
            must('kubectl', [
              '--kubeconfig',
              sim.writeKubeconfig(work),
              '-n',
              envs.staging.namespace,
              'rollout',
              'undo',
              `deployment/${envs.staging.deployments || pkg}`,
            ]),
        },
      );
      await step('release 2: the old server answers again', async () => {
        for (let i = 0; i < 60; i++) {
          const t = await toolsAt('staging').catch(() => []);
          if (t.join() === tools1.join()) return;
          await new Promise((r) => setTimeout(r, 1000));
        }
        throw new Error('the old tool list did not come back');
      });
    } else console.log(`  rolled back: staging serves ${tools2.join(', ')} again`);
    await git(['revert', '--no-edit', 'HEAD']);
  }

  /* ---------------------------------------------------------------- release 3: exits at start */
  const mainRs = path.join(repo, 'src', 'main.rs');
  if (!fs.existsSync(mainRs) || !/fn main\(\)[^{]*\{/.test(fs.readFileSync(mainRs, 'utf8')))
    console.log('release 3 skipped: no src/main.rs with fn main');
  else {
    await step('release 3: the binary exits at start (in a cluster)', async () => {
      const src = fs
        .readFileSync(mainRs, 'utf8')
        .replace(
          /fn main\(\)([^{]*)\{/,
          (m) =>
            `${m}\n    if std::env::var_os("KUBERNETES_SERVICE_HOST").is_some() {\n        eprintln!("release 3: a setting this release needs is missing");\n        std::process::exit(3);\n    }`,
        );
      fs.writeFileSync(mainRs, src);
      await must('cargo', ['fmt'], { cwd: repo, echo: false });
      await git(['commit', '-qam', 'release 3: exits at start']);
    });
    const r3 = await pipeline('release 3', 'refs/heads/main', 'staging');
    if (r3.deploy.code === 0) throw new Stop('release 3: the deploy passed although the binary exits');
    if (!/CrashLoopBackOff/.test(r3.deploy.out))
      throw new Stop(`release 3: no CrashLoopBackOff in the deploy log: ${lastError(r3.deploy.out)}`);
    if (!/roll(ed)? ?back|rollout undo/i.test(r3.deploy.out))
      throw new Stop('release 3: the deploy did not roll back');
    await step('release 3: the old server answers again', async () => {
      const t = await toolsAt('staging');
      if (t.join() !== tools1.join()) throw new Error(`staging serves ${t.join(', ')}`);
    });
    await git(['revert', '--no-edit', 'HEAD']);
  }

  /* ---------------------------------------------------------------- a v tag: production */
  await git(['tag', 'v0.2.0']);
  const rp = await pipeline('v0.2.0', 'refs/tags/v0.2.0', 'production');
  if (rp.deploy.code !== 0) throw new Stop(`production deploy failed: ${lastError(rp.deploy.out)}`);
  if (rp.verify && rp.verify.code !== 0)
    throw new Stop(`production verify failed: ${lastError(rp.verify.out)}`);
  exitCode = joints.length && opt.strict ? 1 : 0;
} catch (e) {
  if (!(e instanceof Stop)) console.error(e);
  else console.log(`\nSTOPPED: ${e.message}`);
  exitCode = 1;
} finally {
  const started = Date.now();
  for (const c of cleanups) {
    try {
      await c();
    } catch (e) {
      console.error(`cleanup: ${e.message}`);
    }
  }
  if (!opt.keep) fs.rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
  timings.push({ name: 'cleanup', ms: Date.now() - started, ok: true });
  console.log('\n== wall time per step');
  for (const t of timings) console.log(`${t.ok ? '✓' : '✗'} ${secs(t.ms).padStart(7)}  ${t.name}`);
  console.log(`  ${secs(Date.now() - t0).padStart(7)}  total`);
  console.log(`\n== harness differences (${notes.length})`);
  for (const n of notes) console.log(`- ${n}`);
  console.log(`\n== joints (${joints.length})`);
  for (const j of joints)
    console.log(`- ${j.where}: ${j.error}${j.workaround ? `\n    worked around: ${j.workaround}` : ''}`);
  process.exitCode = exitCode;
}
