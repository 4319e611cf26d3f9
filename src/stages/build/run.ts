import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addCleanup } from '../../cleanup';
import { ActionError } from '../../errors';
import { exec, type ExecResult } from '../../exec';
import { byDigest } from '../../oci';
import { log } from '../../report/log';
import { registryPolicy, retry } from '../../retry';
import { checkSigningKey, signImage, type Signed } from '../../signing';
import { secs } from '../../text';
import { classifyBuildahFailure } from '../../tools/buildah';
import * as docker from '../../tools/docker';
import type { StageEnv, StageResult } from '../stage';
import { prepareBinary, withPrebuiltArgs } from './binary';
import { emulatedArchs } from './binfmt';
import type { BuildInputs } from './inputs';
import {
  authFile,
  buildahCommands,
  buildkitdConfigFile,
  buildxCommand,
  createBuilderCommand,
  decide,
  digestFile,
  dockerConfigDir,
  hostArch,
  loginCommand,
  mergeCommands,
  metadataFile,
  planTags,
  secretEnv,
  type BuilderFacts,
  type Decisions,
  type TagPlan,
} from './plan';
import {
  authError,
  builderFailed,
  buildResult,
  commandFailed,
  emulationFailed,
  foreignRunFailed,
  errorLines,
  tagsMovedNote,
  type Built,
} from './report';

type ToolEnv = Record<string, string>;
type Classify = (r: ExecResult) => docker.DockerFailure;

/**
 * Runs a registry-touching command, retrying an unreachable or timed-out registry, 5xx and dropped connections
 * with backoff; never auth errors.
 */
async function withRetries(
  what: string,
  retries: number,
  run: () => Promise<ExecResult>,
  classify: Classify = docker.classifyDockerFailure,
): Promise<{ r: ExecResult; failure?: docker.DockerFailure; attempts: number }> {
  let last: { r: ExecResult; failure?: docker.DockerFailure; attempts: number } | undefined;
  const failed = new Error('registry command failed');
  const transient = (e: unknown) => e === failed && !!last?.failure && docker.retryable(last.failure);
  try {
    return await retry(
      registryPolicy(retries),
      async (attempts) => {
        const r = await run();
        last = {
          r,
          attempts,
          failure: r.exitCode === 0 ? undefined : classify(r),
        };
        if (r.exitCode !== 0) throw failed;
        return last;
      },
      transient,
      (_e, n, wait) =>
        log.warning(
          `${what}: transient registry error, retry ${n} of ${retries} in ${wait / 1000} s:\n${errorLines(last!.r.stderr)}`,
        ),
    );
  } catch (e) {
    if (e !== failed) throw e;
    return last!;
  }
}

/**
 * Logs in with the password on stdin, into a config dir of our own so the runner's ~/.docker is never
 * written; buildx's builder state and CLI plugins are linked in so a builder set up earlier still works.
 */
async function login(i: BuildInputs, env: ToolEnv): Promise<void> {
  if (i.builder === 'buildah') {
    env.REGISTRY_AUTH_FILE = authFile(i);
    addCleanup({ kind: 'remove', path: env.REGISTRY_AUTH_FILE });
  } else {
    const dir = dockerConfigDir(i);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const original = process.env.DOCKER_CONFIG || path.join(os.homedir(), '.docker');
    for (const sub of ['buildx', 'cli-plugins']) {
      const from = path.join(original, sub);
      if (fs.existsSync(from)) fs.symlinkSync(from, path.join(dir, sub));
    }
    env.DOCKER_CONFIG = dir;
    addCleanup({ kind: 'docker-logout', registry: i.registry, config: dir });
  }
  const { r, failure, attempts } = await withRetries(
    'login',
    i.retries,
    () => exec(loginCommand(i), { env, input: i.password }),
    i.builder === 'buildah' ? classifyBuildahFailure : docker.classifyDockerFailure,
  );
  if (r.exitCode === 0) return;
  if (failure === 'auth') throw authError(i, 'login', r);
  throw commandFailed(`login to ${i.registry}`, r, attempts);
}

/**
 * Only what the decisions depend on is probed. Several platforms or attestations alone probe nothing: the build
 * is tried on the current builder, which handles them on the containerd image store, and falls back to a docker-container
 * builder when buildx says it cannot (see buildx() below); probing first would cost every build ~0.1 s.
 */
async function probe(i: BuildInputs, env: ToolEnv): Promise<BuilderFacts> {
  const runnable = [hostArch(), ...emulatedArchs()];
  const ghaCache = !!(
    process.env.ACTIONS_RUNTIME_TOKEN &&
    (process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL)
  );
  const facts: BuilderFacts = { driver: 'docker', containerdStore: true, runnable, ghaCache };
  const needsExport =
    i.mode === 'by-digest' || i.cache === 'gha' || i.cache === 'registry' || (i.cache === 'auto' && ghaCache);
  if (i.driver !== 'auto' || !needsExport) return facts;
  const inspect = await exec(docker.buildxInspectArgv(), { env, echo: false });
  const b = docker.parseBuildxInspect(inspect.stdout);
  return {
    ...facts,
    driver: b.driver ?? 'docker',
    runnable: [...new Set([...runnable, ...b.platforms.map((p) => p.split('/')[1])])],
  };
}

async function prepareBuilder(i: BuildInputs, d: Decisions, env: ToolEnv): Promise<void> {
  if (d.emulate.length) {
    const r = await exec(docker.binfmtArgv(d.emulate), { env });
    if (r.exitCode !== 0) throw emulationFailed(d.emulate, r);
  }
  if (d.createBuilder) {
    if (i.insecure) fs.writeFileSync(buildkitdConfigFile(i), docker.buildkitdInsecureConfig(i.registry));
    const r = await exec(createBuilderCommand(i), { env });
    // A self-hosted runner keeps the builder of an earlier job: reuse it.
    if (r.exitCode !== 0 && !docker.builderExists(r)) throw builderFailed(r);
  }
}

async function buildx(
  i: BuildInputs,
  env: StageEnv,
  tools: ToolEnv,
  t: TagPlan,
): Promise<Built & { d: Decisions }> {
  const facts = await probe(i, tools);
  let d = decide(i, facts, env.ctx);
  if (d.kernel.length)
    log.info(
      `${d.kernel.join(', ')}: RUN steps run through this runner's registered emulator (binfmt_misc), so no QEMU setup`,
    );
  await prepareBuilder(i, d, tools);
  const attempt = () =>
    withRetries('push', i.retries, () =>
      exec(buildxCommand(i, d, t), { cwd: env.cwd, env: tools, stream: true }),
    );
  let { r, failure, attempts } = await attempt();
  if (r.exitCode !== 0 && i.driver === 'auto' && !d.createBuilder && failure === 'docker-driver') {
    log.info(
      'the docker driver on this engine (classic image store) cannot do this build: creating a docker-container builder',
    );
    d = decide(i, { ...facts, containerdStore: false }, env.ctx);
    await prepareBuilder(i, { ...d, emulate: [] }, tools);
    ({ r, failure, attempts } = await attempt());
  }
  if (r.exitCode !== 0) {
    if (failure === 'auth') throw authError(i, 'push', r);
    if (failure === 'exec-format') throw foreignRunFailed(i, r);
    const moved = i.push && i.mode === 'push' ? await tagsMoved(r, t, tools) : '';
    throw commandFailed('docker buildx build', r, attempts, moved);
  }
  const meta = docker.parseMetadata(fs.readFileSync(metadataFile(i), 'utf8'));
  if (!meta.digest && (i.push || i.mode === 'by-digest'))
    throw new Error(`buildx wrote no digest to ${metadataFile(i)}: ${JSON.stringify(meta.raw)}`);
  const pushedRefs =
    i.mode === 'by-digest' ? (d.stagingTag ? [`${i.image}:${d.stagingTag}`] : []) : i.push ? t.refs : [];
  return { d, digest: meta.digest ?? '', platforms: i.platforms, metadata: meta.raw, attempts, pushedRefs };
}

/**
 * A push that fails on one tag may already have moved others: the registry says which tags now point at
 * what this build pushed, so the error can name the tags a user must look at (or push again).
 */
async function tagsMoved(r: ExecResult, t: TagPlan, env: ToolEnv): Promise<string> {
  const digests = docker.pushedManifestDigests(`${r.stderr}\n${r.stdout}`);
  if (!digests.length) return tagsMovedNote(undefined, t.refs);
  const pushed: string[] = [];
  const not: string[] = [];
  for (const ref of t.refs) {
    const q = await exec(docker.imagetoolsInspectArgv(ref), { env, echo: false });
    const d = q.exitCode === 0 ? docker.inspectedDigest(q.stdout) : undefined;
    (d && digests.includes(d) ? pushed : not).push(ref);
  }
  return tagsMovedNote(pushed, not);
}

async function merge(i: BuildInputs, tools: ToolEnv, t: TagPlan): Promise<Built> {
  const [create, inspect] = mergeCommands(i, t);
  const c = await withRetries('imagetools create', i.retries, () => exec(create, { env: tools }));
  if (c.r.exitCode !== 0) {
    if (c.failure === 'auth') throw authError(i, 'imagetools create', c.r);
    throw commandFailed('docker buildx imagetools create', c.r, c.attempts);
  }
  const r = await exec(inspect, { env: tools });
  if (r.exitCode !== 0) throw commandFailed('docker buildx imagetools inspect', r, 1);
  const m = docker.parseInspectManifest(r.stdout);
  return {
    digest: m.digest,
    platforms: m.platforms,
    metadata: { 'containerimage.digest': m.digest, 'image.name': t.refs.join(','), sources: i.digests },
    attempts: c.attempts,
    pushedRefs: t.refs,
  };
}

async function buildah(i: BuildInputs, env: StageEnv, tools: ToolEnv, t: TagPlan): Promise<Built> {
  const b = buildahCommands(i, t);
  await exec(b.rm, { env: tools, echo: false });
  const r = await exec(b.build, { cwd: env.cwd, env: tools, stream: true });
  if (r.exitCode !== 0) throw commandFailed('buildah build', r, 1);
  let attempts = 1;
  for (const argv of b.push) {
    const p = await withRetries(
      'buildah manifest push',
      i.retries,
      () => exec(argv, { env: tools }),
      classifyBuildahFailure,
    );
    attempts = Math.max(attempts, p.attempts);
    if (p.r.exitCode !== 0) {
      if (p.failure === 'auth') throw authError(i, 'push', p.r);
      throw commandFailed('buildah manifest push', p.r, p.attempts);
    }
  }
  const digest = i.push ? fs.readFileSync(digestFile(i), 'utf8').trim() : '';
  return {
    digest,
    platforms: i.platforms,
    metadata: { 'containerimage.digest': digest, 'image.name': t.refs.join(',') },
    attempts,
    pushedRefs: i.push ? t.refs : [],
  };
}

/**
 * binary-source: compiles the image's binary on the runner before buildx when asked (or when auto finds the
 * runner can), and returns the inputs buildx builds with and the summary's line on where the binary came from.
 */
async function binary(i: BuildInputs, env: StageEnv): Promise<{ i: BuildInputs; row: string }> {
  const fromDockerfile = (reason: string) => {
    log.info(`binary: compiled by the Dockerfile (${reason})`);
    return { i, row: `Dockerfile (${reason})` };
  };
  if (i.binary.source === 'docker') return fromDockerfile(i.binary.reason);
  const started = Date.now();
  const p = await prepareBinary({
    mode: i.binary.source,
    platforms: i.platforms,
    crateDir: env.cwd,
    contextDir: i.context,
    toolchain: i.toolchain || undefined,
  });
  if (p.source === 'docker') return fromDockerfile(`binary-source ${i.binary.source}: ${p.reason}`);
  const took = secs(Date.now() - started);
  log.info(`binary: compiled on the runner in ${took} (${p.binaries.join(', ')})`);
  return {
    i: { ...i, buildArgs: withPrebuiltArgs(i.buildArgs) },
    row: `runner, cargo build --release in ${took}`,
  };
}

/** Builds (or merges) with the builder the inputs name; buildx builds also say what they decided. */
async function produce(
  i: BuildInputs,
  env: StageEnv,
  tools: ToolEnv,
  t: TagPlan,
): Promise<{ built: Built; decisions?: Decisions; binaryRow?: string }> {
  if (i.builder === 'buildah') return { built: await buildah(i, env, tools, t) };
  if (i.mode === 'merge') return { built: await merge(i, tools, t) };
  const prepared = await binary(i, env);
  const built = await buildx(prepared.i, env, tools, t);
  return { built, decisions: built.d, binaryRow: prepared.row };
}

/**
 * Signs what was pushed. by-digest pushes one platform's part of an image that merge joins into the index:
 * the index is what deploy is handed, so merge signs it and by-digest does not.
 */
async function sign(
  i: BuildInputs,
  env: StageEnv,
  tools: ToolEnv,
  imageRef: string,
): Promise<Signed | undefined> {
  if (i.sign.note) log.info(i.sign.note);
  if (i.sign.mode === 'off') return undefined;
  if (i.mode === 'by-digest') {
    log.info('not signed here: build-mode by-digest pushes one part of the index, and merge signs the index');
    return undefined;
  }
  if (!imageRef) {
    log.info('not signed: nothing was pushed');
    return undefined;
  }
  return signImage(i.sign, env.ctx, {
    ref: imageRef,
    refInput: 'image',
    plainHttp: i.insecure,
    tempDir: i.tempDir,
    dockerConfig: tools.DOCKER_CONFIG,
    install: { mirror: i.toolsMirror },
  });
}

export async function runBuild(i: BuildInputs, env: StageEnv): Promise<StageResult> {
  const started = Date.now();
  const t = planTags(i, env.ctx);
  if (!t.tags.length && i.mode !== 'by-digest')
    throw new ActionError(
      `no tag rule matched ${env.ctx.ref || 'this ref'} (${env.ctx.event})`,
      'tags',
      'add a rule that always applies, e.g. type=sha or type=raw,value=dev',
    );
  fs.rmSync(i.tempDir, { recursive: true, force: true });
  fs.mkdirSync(i.tempDir, { recursive: true, mode: 0o700 });

  if (i.sign.mode === 'key' && i.push && i.mode !== 'by-digest')
    await checkSigningKey(i.sign, { tempDir: i.tempDir, install: { mirror: i.toolsMirror } });

  const tools: ToolEnv = {};
  for (const s of i.buildSecrets) tools[secretEnv(s.id)] = s.value;
  if (i.password && i.push) await login(i, tools);

  const { built, decisions, binaryRow } = await produce(i, env, tools, t);
  const pushed = built.digest !== '' && (i.push || i.mode !== 'push');
  const imageRef = pushed ? byDigest(i.image, built.digest) : '';
  if (pushed) Object.assign(env.state, { image: i.image, digest: built.digest, imageRef });
  const signed = await sign(i, env, tools, imageRef);
  log.info(`built ${i.image}${built.digest ? `@${built.digest}` : ''} for ${built.platforms.join(', ')}`);
  return buildResult(i, { t, built, decisions, binaryRow, signed, imageRef, ms: Date.now() - started });
}
