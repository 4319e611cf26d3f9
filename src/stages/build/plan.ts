import * as path from 'node:path';
import type { RunContext } from '../../context';
import * as buildah from '../../tools/buildah';
import * as docker from '../../tools/docker';
import type { Plan, PlannedCommand, StageEnv } from '../stage';
import { plannedRunnerBuild, withPrebuiltArgs } from './binary';
import type { BuildInputs } from './inputs';
import { computeTags, ociLabels, sanitizeTag } from './tags';

/** What the engine can do, probed by run() and assumed (the runner defaults) by `mcp-deploy plan`. */
export interface BuilderFacts {
  /** Driver of the current buildx builder: docker, docker-container, remote, kubernetes. */
  driver: string;
  /** The engine stores images in containerd, so the docker driver can build and push multi-platform. */
  containerdStore: boolean;
  /** Architectures the runner executes without setting up emulation (its own, plus registered binfmt handlers). */
  runnable: string[];
  /** GitHub's cache service is reachable (ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL and a runtime token). */
  ghaCache: boolean;
}

export const ASSUMED_FACTS: BuilderFacts = {
  driver: 'docker',
  containerdStore: false,
  runnable: [],
  ghaCache: false,
};

export interface Decisions {
  /** Create and use a docker-container builder. */
  createBuilder: boolean;
  /** Architectures to register with tonistiigi/binfmt. */
  emulate: string[];
  /** Foreign architectures whose RUN steps the kernel's registered emulator runs (no setup needed). */
  kernel: string[];
  cache: 'gha' | 'registry' | 'none';
  /** by-digest on a driver that cannot push by digest: push a staging tag instead. */
  stagingTag?: string;
}

const arch = (platform: string) => platform.split('/')[1];

export function hostArch(nodeArch: string = process.arch): string {
  return (
    (
      {
        x64: 'amd64',
        arm64: 'arm64',
        arm: 'arm',
        ppc64: 'ppc64le',
        s390x: 's390x',
        riscv64: 'riscv64',
      } as Record<string, string>
    )[nodeArch] ?? nodeArch
  );
}

export function decide(i: BuildInputs, facts: BuilderFacts, ctx: RunContext): Decisions {
  const cache = i.cache === 'auto' ? (ctx.platform === 'github' && facts.ghaCache ? 'gha' : 'none') : i.cache;
  // The docker driver exports no cache (gha/registry), cannot push by digest, and builds several platforms
  // or attaches attestations only on the containerd image store: those need a docker-container builder.
  const dockerDriverFalls =
    cache !== 'none' ||
    i.mode === 'by-digest' ||
    (!facts.containerdStore && (i.platforms.length > 1 || i.provenance !== 'false' || i.sbom));
  const createBuilder =
    i.builder === 'buildx' &&
    i.mode !== 'merge' &&
    (i.driver === 'docker-container' ||
      (i.driver === 'auto' && facts.driver === 'docker' && dockerDriverFalls));
  const usesDockerDriver = i.driver === 'docker' || (!createBuilder && facts.driver === 'docker');
  const wanted = [...new Set(i.platforms.map(arch))];
  // A Dockerfile that only copies (or cross-compiles in a $BUILDPLATFORM stage) executes nothing foreign.
  const runsForeign = i.mode !== 'merge' && i.qemu !== 'false' && (i.qemu === 'true' || i.targetRuns);
  const foreign = runsForeign ? wanted.filter((a) => a !== hostArch()) : [];
  const emulate = foreign.filter((a) => i.qemu === 'true' || !facts.runnable.includes(a));
  return {
    createBuilder,
    emulate,
    kernel: foreign.filter((a) => !emulate.includes(a)),
    cache: usesDockerDriver ? 'none' : cache,
    stagingTag:
      i.mode === 'by-digest' && usesDockerDriver
        ? sanitizeTag(`build-${i.platforms.map(arch).join('-')}`)
        : undefined,
  };
}

export interface TagPlan {
  tags: string[];
  /** image:tag, what is pushed. */
  refs: string[];
  labels: Record<string, string>;
  version: string;
}

export function planTags(i: BuildInputs, ctx: RunContext): TagPlan {
  const t = computeTags(i.tagRules, i.flavor, ctx, i.now, { defaults: i.defaultTags });
  return {
    tags: t.tags,
    refs: t.tags.map((tag) => `${i.image}:${tag}`),
    labels: ociLabels(ctx, t.version, i.now, i.labelSource, i.extraLabels),
    version: t.version,
  };
}

export const BUILDER_NAME = 'mcp-deploy';
export const metadataFile = (i: BuildInputs) => path.join(i.tempDir, 'metadata.json');
export const digestFile = (i: BuildInputs) => path.join(i.tempDir, 'digest');
export const dockerConfigDir = (i: BuildInputs) => path.join(i.tempDir, 'docker-config');
export const authFile = (i: BuildInputs) => path.join(i.tempDir, 'auth.json');
/** Environment variable names that carry build secrets to buildx/buildah (argv never holds them). */
export const secretEnv = (id: string) => `MCP_BUILD_SECRET_${id.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;

export function loginCommand(i: BuildInputs): string[] {
  return i.builder === 'buildah'
    ? buildah.loginArgv(i.registry, i.username, i.insecure)
    : docker.loginArgv(i.registry, i.username);
}

export const buildkitdConfigFile = (i: BuildInputs) => path.join(i.tempDir, 'buildkitd.toml');

export function createBuilderCommand(i: BuildInputs): string[] {
  return docker.createBuilderArgv(BUILDER_NAME, i.insecure ? buildkitdConfigFile(i) : undefined);
}

function cache(i: BuildInputs, d: Decisions): docker.BuildxCache {
  // One scope per platform set, so the jobs of a by-digest matrix do not evict each other's cache.
  if (d.cache === 'gha') return { type: 'gha', scope: `mcp-deploy-${i.platforms.map(arch).join('-')}` };
  if (d.cache === 'registry') return { type: 'registry', ref: `${i.image}:buildcache` };
  return { type: 'none' };
}

function output(i: BuildInputs, d: Decisions, t: TagPlan): docker.BuildxOutput {
  if (i.mode === 'by-digest' && !d.stagingTag) return { byDigest: i.image, insecure: i.insecure };
  if (i.mode === 'by-digest') return { tags: [`${i.image}:${d.stagingTag}`], push: true, insecure: false };
  // The docker driver pushes through dockerd, which already allows loopback registries over HTTP.
  return { tags: t.refs, push: i.push, insecure: i.insecure && d.createBuilder };
}

/** What to build, as buildx and buildah both take it. */
function definition(i: BuildInputs, t: TagPlan): docker.BuildDefinition {
  return {
    platforms: i.platforms,
    file: i.file,
    target: i.target,
    buildArgs: i.buildArgs,
    secrets: i.buildSecrets.map((s) => ({ id: s.id, env: secretEnv(s.id) })),
    labels: t.labels,
  };
}

export function buildxCommand(i: BuildInputs, d: Decisions, t: TagPlan): string[] {
  return docker.buildxBuildArgv({
    ...definition(i, t),
    builder: d.createBuilder ? BUILDER_NAME : undefined,
    output: output(i, d, t),
    provenance: i.provenance,
    sbom: i.sbom,
    cache: cache(i, d),
    metadataFile: metadataFile(i),
    context: i.context,
  });
}

export function mergeCommands(i: BuildInputs, t: TagPlan): string[][] {
  return [
    docker.imagetoolsCreateArgv(
      t.refs,
      i.digests.map((d) => `${i.image}@${d}`),
    ),
    docker.imagetoolsInspectArgv(t.refs[0], '{{json .Manifest}}'),
  ];
}

/** buildah keeps manifest lists by name across runs: a fixed local name, emptied first, never collects stale images. */
export const buildahManifest = (i: BuildInputs) => `localhost/mcp-deploy-build/${i.image.split('/').pop()}`;

export function buildahCommands(
  i: BuildInputs,
  t: TagPlan,
): { rm: string[]; build: string[]; push: string[][] } {
  const list = buildahManifest(i);
  return {
    rm: buildah.manifestRmArgv(list),
    build: buildah.buildArgv(list, definition(i, t), i.context),
    push: i.push
      ? t.refs.map((ref, n) =>
          buildah.manifestPushArgv(list, ref, {
            insecure: i.insecure,
            digestFile: n === 0 ? digestFile(i) : undefined,
          }),
        )
      : [],
  };
}

export function planBuild(
  i: BuildInputs,
  ctx: RunContext,
  facts: BuilderFacts = ASSUMED_FACTS,
): PlannedCommand[] {
  const t = planTags(i, ctx);
  const cmds: PlannedCommand[] = [];
  if (i.password && i.push)
    cmds.push({ argv: loginCommand(i), why: 'password on stdin, private config under the temp dir' });
  if (i.builder === 'buildah') {
    const b = buildahCommands(i, t);
    cmds.push({ argv: b.rm, why: 'forget the list of an earlier run (fails harmlessly when there is none)' });
    cmds.push({ argv: b.build });
    for (const p of b.push) cmds.push({ argv: p });
    return cmds;
  }
  if (i.mode === 'merge') return [...cmds, ...mergeCommands(i, t).map((argv) => ({ argv }))];
  if (i.binary.source !== 'docker') {
    const why =
      i.binary.source === 'runner'
        ? 'binary-source runner: the image takes this binary through the prebuilt stage'
        : 'binary-source auto: when the runner can build every platform (else Docker compiles, without BINARY_SOURCE=prebuilt)';
    for (const c of plannedRunnerBuild(i.platforms, i.bin || '<bin>', i.toolchain || undefined))
      cmds.push({ argv: c.argv, why: `${why}; copied to ${c.to}` });
    i = { ...i, buildArgs: withPrebuiltArgs(i.buildArgs) };
  }
  const d = decide(i, facts, ctx);
  if (d.emulate.length)
    cmds.push({
      argv: docker.binfmtArgv(d.emulate),
      why: `emulate ${d.emulate.join(', ')} (not native here)`,
    });
  if (d.createBuilder)
    cmds.push({ argv: createBuilderCommand(i), why: 'the docker driver cannot do this build' });
  cmds.push({ argv: buildxCommand(i, d, t) });
  return cmds;
}

/** What `mcp-deploy plan` prints for the build stage. */
export function buildPlan(i: BuildInputs, env: StageEnv): Plan {
  const t = planTags(i, env.ctx);
  return {
    // The engine is probed only when the stage runs; plan shows what a stock runner (docker driver) gets.
    commands: planBuild(i, env.ctx),
    values: {
      image: i.image,
      tags: t.refs.join(', ') || '(none)',
      platforms: i.platforms.join(', '),
      'build-mode': `${i.builder} ${i.mode}`,
      push: String(i.push),
      ...(i.builder === 'buildx' && i.mode !== 'merge'
        ? {
            'binary-source':
              i.binary.source === 'auto'
                ? `auto (runner when it can build ${i.platforms.join(', ')}, else the Dockerfile)`
                : `${i.binary.source}${i.binary.reason.startsWith('binary-source auto') ? ` (${i.binary.reason})` : ''}`,
          }
        : {}),
      sign:
        i.sign.mode === 'off' || i.mode === 'by-digest'
          ? `off${i.sign.note ? ` (${i.sign.note})` : i.mode === 'by-digest' ? ' (merge signs the index)' : ''}`
          : `${i.sign.mode}${i.sign.transparencyLog ? ', transparency log' : ', no transparency log'}`,
      labels: Object.entries(t.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(', '),
    },
  };
}
