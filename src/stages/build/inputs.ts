import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readManifest, str } from '../../cargo-manifest';
import { imageFromRemote, type RunContext } from '../../context';
import { ActionError } from '../../errors';
import { INPUTS, type InputReader } from '../../inputs';
import { isLoopback, isRepository, registryOf } from '../../oci';
import { resolveSign, type SignSettings } from '../../signing';
import { closest } from '../../text';
import { readToolsMirror } from '../../tools';
import { takesPrebuilt, type BinarySource } from './binary';
import { runsOnTarget } from './dockerfile';
import {
  DEFAULT_TAG_RULES,
  parseFlavor,
  parseTagRules,
  type Flavor,
  type LabelSource,
  type TagRule,
} from './tags';

export const BUILD_MODES = INPUTS['build-mode'].allowed;
export const BUILDERS = INPUTS.builder.allowed;
export const CACHES = INPUTS.cache.allowed;
export const DRIVERS = INPUTS['builder-driver'].allowed;
export const TRISTATE = INPUTS.push.allowed;

export interface BuildInputs {
  builder: (typeof BUILDERS)[number];
  mode: (typeof BUILD_MODES)[number];
  /** Repository without tag, lower case: ghcr.io/owner/repo. */
  image: string;
  registry: string;
  username: string;
  password: string;
  tagRules: TagRule[];
  /** True when `tags` was empty and the seed's rules apply. */
  defaultTags: boolean;
  flavor: Flavor;
  extraLabels: Record<string, string>;
  labelSource: LabelSource;
  context: string;
  file: string;
  platforms: string[];
  target: string;
  buildArgs: string[];
  buildSecrets: { id: string; value: string }[];
  /**
   * binary-source, with `auto` already settled as docker when that does not depend on the runner (buildah, a
   * merge, a Dockerfile without a `prebuilt` stage); `reason` says why in one line.
   */
  binary: { source: BinarySource; reason: string };
  /** The image's binary as Cargo.toml names it, for the cargo command `mcp-deploy plan` shows. */
  bin: string;
  toolchain: string;
  push: boolean;
  provenance: string;
  sbom: boolean;
  cache: (typeof CACHES)[number];
  digests: string[];
  driver: (typeof DRIVERS)[number];
  qemu: (typeof TRISTATE)[number];
  /** A stage the target needs has a RUN step on the target platform (so a foreign platform needs emulation). */
  targetRuns: boolean;
  insecure: boolean;
  retries: number;
  /** What the pushed digest is signed with; decided here so a setting that cannot work fails before any push. */
  sign: SignSettings;
  /** Where cosign is downloaded from when it is not installed. */
  toolsMirror: string;
  /** Where the metadata file, the digest file and the private docker config go. */
  tempDir: string;
  /** Fixed at parse time so plan and run compute the same labels. */
  now: Date;
}

type Env = Record<string, string | undefined>;

/**
 * The Linux platforms buildx builds images for (containerd's platform names), with the variants each arch
 * takes; '' is the arch without a variant. Anything else fails in binfmt or the base image pull, far from
 * the input that caused it.
 */
const LINUX_PLATFORMS: Record<string, readonly string[]> = {
  amd64: ['', 'v1', 'v2', 'v3', 'v4'],
  arm64: ['', 'v8'],
  arm: ['', 'v5', 'v6', 'v7'],
  '386': [''],
  ppc64le: [''],
  s390x: [''],
  riscv64: [''],
  mips64le: [''],
  mips64: [''],
  loong64: [''],
};
export const KNOWN_PLATFORMS = Object.entries(LINUX_PLATFORMS).flatMap(([a, vs]) =>
  vs.map((v) => `linux/${a}${v ? `/${v}` : ''}`),
);

function checkPlatform(p: string): void {
  const [os_, a, v = '', ...rest] = p.split('/');
  if (os_ === 'linux' && !rest.length && LINUX_PLATFORMS[a]?.includes(v)) return;
  const near = closest(p, KNOWN_PLATFORMS, 4);
  throw new ActionError(
    `'${p}' is not a platform buildx builds Linux images for`,
    'platforms',
    `${near ? `did you mean ${near}? ` : ''}use os/arch[/variant] from: ${KNOWN_PLATFORMS.filter((k) => !/\/v[1-58]$/.test(k)).join(', ')}`,
  );
}

function defaultImage(ctx: RunContext, env: Env): string | undefined {
  if (ctx.platform === 'github' && ctx.repository) return `ghcr.io/${ctx.repository.toLowerCase()}`;
  if (ctx.platform === 'gitlab' && env.CI_REGISTRY_IMAGE) return env.CI_REGISTRY_IMAGE.toLowerCase();
  // On a laptop, what init derived from the same remote.
  return ctx.platform === 'local' && ctx.repositoryUrl ? imageFromRemote(ctx.repositoryUrl) : undefined;
}

/** `name`, `description` and `license` of Cargo.toml's [package], for the OCI labels. */
export function cargoPackage(toml: string): LabelSource {
  const pkg = readManifest(toml).package ?? {};
  return { title: str(pkg.name), description: str(pkg.description), licenses: str(pkg.license) };
}

/** The binary target cargo builds: the only [[bin]], else the package (cargo metadata decides at run). */
function manifestBin(toml: string): string {
  const m = readManifest(toml);
  const bins = (m.bin ?? []).map((b) => str(b.name)).filter((n): n is string => !!n);
  return bins.length === 1 ? bins[0] : (str(m.package?.name) ?? '');
}

/** binary-source as far as it is decided without the runner; `runner` that cannot work here fails now. */
function binarySource(
  mode: BinarySource,
  builder: string,
  buildMode: string,
  dockerfile: string,
  buildArgs: string[],
): BuildInputs['binary'] {
  if (mode === 'docker') return { source: 'docker', reason: 'binary-source: docker' };
  if (buildMode === 'merge') return { source: 'docker', reason: 'build-mode merge builds nothing' };
  const fail = (why: string, fix: string) => {
    if (mode === 'auto') return { source: 'docker' as const, reason: `binary-source auto: ${why}` };
    throw new ActionError(why, 'binary-source', fix);
  };
  if (builder !== 'buildx')
    return fail(
      `the runner's binary goes to buildx only, not ${builder}`,
      'use binary-source: docker with buildah',
    );
  const userChose = buildArgs.some((a) => a.startsWith('BINARY_SOURCE='));
  if (!userChose && !takesPrebuilt(fs.readFileSync(dockerfile, 'utf8')))
    return fail(
      `${dockerfile} has no \`prebuilt\` stage selected by ARG BINARY_SOURCE, so Docker would compile again`,
      'add the prebuilt stage of templates/docker/Dockerfile (docs/rust-builds.md), or use binary-source: docker',
    );
  return { source: mode, reason: '' };
}

function keyValues(lines: string[], input: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    const eq = l.indexOf('=');
    if (eq < 1) throw new ActionError(`'${l}' is not KEY=VALUE`, input, 'write one KEY=VALUE a line');
    out[l.slice(0, eq).trim()] = l.slice(eq + 1);
  }
  return out;
}

/** The image, its registry and the credentials to push it; GitLab's own registry needs none given. */
function readRegistry(r: InputReader, ctx: RunContext, env: Env) {
  const image = r.string('image') || defaultImage(ctx, env) || '';
  if (!image)
    throw new ActionError(
      'is required here',
      'image',
      'name the repository to push to, e.g. registry.example.com/team/server',
    );
  if (!isRepository(image))
    throw new ActionError(
      `'${image}' is not an image repository`,
      'image',
      'use lower case and no tag or digest, e.g. ghcr.io/owner/server (tags come from the tags input)',
    );
  const registry = r.string('registry') || registryOf(image);
  const gitlab = ctx.platform === 'gitlab';
  const username =
    r.string('username') ||
    (ctx.platform === 'github' ? (env.GITHUB_ACTOR ?? '') : gitlab ? (env.CI_REGISTRY_USER ?? '') : '');
  let password = r.secret('password');
  // GitLab hands every job a registry token; GitHub's must be passed in (secrets.GITHUB_TOKEN).
  if (!password && gitlab && registry === env.CI_REGISTRY) password = (env.CI_REGISTRY_PASSWORD ?? '').trim();
  if (password && !username)
    throw new ActionError(
      'is empty but a password is set',
      'username',
      'give the registry user name (on GitHub, github.actor)',
    );
  return { image, registry, username, password };
}

/** What buildx builds: the context, the Dockerfile, its target, build arguments and secrets. */
function readDefinition(r: InputReader, cwd: string, mode: BuildInputs['mode']) {
  const context = r.directory('build-context', cwd);
  const fileInput = r.string('dockerfile');
  const file = path.resolve(fileInput ? cwd : context, fileInput || 'Dockerfile');
  if (mode !== 'merge' && !fs.existsSync(file))
    throw new ActionError(
      `no Dockerfile at ${file}`,
      'dockerfile',
      'point it at the Dockerfile (relative to working-directory)',
    );
  const target = r.string('target');
  const buildArgs = r.lines('build-args');
  const badArg = buildArgs.find((a) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a));
  if (badArg)
    throw new ActionError(`'${badArg}' is not NAME=value`, 'build-args', 'write one NAME=value a line');
  const secretLines = r
    .secret('build-secrets')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const buildSecrets = Object.entries(keyValues(secretLines, 'build-secrets')).map(([id, value]) => {
    if (!/^[A-Za-z0-9_.-]+$/.test(id))
      throw new ActionError(
        `secret id '${id}' has characters buildx does not take`,
        'build-secrets',
        'use letters, digits, _ . -',
      );
    return { id, value };
  });
  return { context, file, target, buildArgs, buildSecrets };
}

function readProvenance(r: InputReader): string {
  const provenance = r.string('provenance');
  if (!/^(true|false|mode=(min|max))$/.test(provenance))
    throw new ActionError(
      `'${provenance}' is not a provenance setting`,
      'provenance',
      'use false, true, mode=min or mode=max',
    );
  return provenance;
}

/** The by-digest jobs' digests a merge joins; given only, and always, with build-mode merge. */
function readDigests(r: InputReader, image: string, mode: BuildInputs['mode']): string[] {
  const digests = r.list('digests').map((d) => {
    const m = /^(?:(.+)@)?(sha256:[a-f0-9]{64})$/.exec(d);
    if (!m)
      throw new ActionError(
        `'${d}' is not a digest`,
        'digests',
        "give sha256:<64 hex> (the by-digest jobs' digest outputs)",
      );
    if (m[1] && m[1] !== image)
      throw new ActionError(
        `'${d}' is in ${m[1]}, not ${image}`,
        'digests',
        'merge digests pushed to the same image',
      );
    return m[2];
  });
  if (mode === 'merge' && !digests.length)
    throw new ActionError(
      'is empty but build-mode is merge',
      'digests',
      'pass the digest output of each by-digest job',
    );
  if (mode !== 'merge' && digests.length)
    throw new ActionError(
      'is only used with build-mode merge',
      'digests',
      'remove it or set build-mode: merge',
    );
  return digests;
}

/** Whether to push; a fork's pull request gets no registry credentials, so `auto` builds without pushing. */
function readPush(r: InputReader, ctx: RunContext, mode: BuildInputs['mode']): boolean {
  const pushAuto = r.oneOf('push', TRISTATE);
  const push = pushAuto === 'auto' ? !ctx.fork : pushAuto === 'true';
  if (!push && mode !== 'push')
    throw new ActionError(
      `build-mode ${mode} always pushes`,
      'push',
      'set push to true or use build-mode push',
    );
  return push;
}

export function parseBuildInputs(
  r: InputReader,
  ctx: RunContext,
  cwd: string,
  env: Env = process.env,
): BuildInputs {
  const builder = r.oneOf('builder', BUILDERS);
  const mode = r.oneOf('build-mode', BUILD_MODES);
  const { image, registry, username, password } = readRegistry(r, ctx, env);
  const tagLines = r.lines('tags');
  const platforms = r.list('platforms');
  platforms.forEach(checkPlatform);
  const { context, file, target, buildArgs, buildSecrets } = readDefinition(r, cwd, mode);
  const provenance = readProvenance(r);
  const digests = readDigests(r, image, mode);
  if (builder === 'buildah' && mode !== 'push')
    throw new ActionError(
      `build-mode ${mode} needs builder buildx`,
      'build-mode',
      'use build-mode push with buildah',
    );
  const push = readPush(r, ctx, mode);

  const cargoToml = path.join(cwd, 'Cargo.toml');
  const manifest = fs.existsSync(cargoToml) ? fs.readFileSync(cargoToml, 'utf8') : '';
  const toolchain = r.string('toolchain');
  if (toolchain && !/^[\w.-]+$/.test(toolchain))
    throw new ActionError(`'${toolchain}' is not a toolchain name`, 'toolchain', 'use e.g. stable or 1.95.0');
  const binary = binarySource(r.oneOf('binary-source'), builder, mode, file, buildArgs);
  const insecure = r.oneOf('registry-insecure', TRISTATE);
  return {
    builder,
    mode,
    image,
    registry,
    username,
    password,
    tagRules: parseTagRules(tagLines.length ? tagLines : DEFAULT_TAG_RULES),
    defaultTags: !tagLines.length,
    flavor: parseFlavor(r.list('flavor')),
    extraLabels: keyValues(r.lines('labels'), 'labels'),
    labelSource: manifest ? cargoPackage(manifest) : {},
    context,
    file,
    platforms,
    target,
    buildArgs,
    buildSecrets,
    binary,
    bin: manifest ? manifestBin(manifest) : '',
    toolchain,
    push,
    provenance,
    sbom: r.bool('sbom'),
    cache: r.oneOf('cache', CACHES),
    digests,
    driver: r.oneOf('builder-driver', DRIVERS),
    qemu: r.oneOf('qemu', TRISTATE),
    targetRuns:
      mode === 'merge' ||
      runsOnTarget(fs.readFileSync(file, 'utf8'), target, keyValues(buildArgs, 'build-args')),
    insecure: insecure === 'auto' ? isLoopback(registry) : insecure === 'true',
    retries: r.int('push-retries'),
    sign: resolveSign(
      {
        sign: r.oneOf('sign'),
        'transparency-log': String(r.bool('transparency-log')),
        'cosign-private-key': r.secret('cosign-private-key'),
        'cosign-password': r.secret('cosign-password'),
      },
      ctx,
      env,
    ),
    toolsMirror: readToolsMirror(r),
    tempDir: path.join(env.RUNNER_TEMP || os.tmpdir(), 'mcp-deploy-build'),
    now: env.SOURCE_DATE_EPOCH ? new Date(Number(env.SOURCE_DATE_EPOCH) * 1000) : new Date(),
  };
}
