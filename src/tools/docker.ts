import { exec, type ExecResult } from '../exec';

/**
 * docker, buildx and imagetools: the argv of every call mcp-deploy makes, readers of what they print, and
 * what a failed call means. Secrets never reach an argv: the password goes on stdin, build secrets through
 * the environment variables named in `--secret id=...,env=...`.
 */

// ---- argv ----

export function loginArgv(registry: string, username: string): string[] {
  return ['docker', 'login', registry, '--username', username, '--password-stdin'];
}

const logoutArgv = (registry: string): string[] => ['docker', 'logout', registry];

/** Registers QEMU handlers for these architectures (tonistiigi/binfmt, the image docker/setup-qemu-action runs). */
export function binfmtArgv(archs: string[]): string[] {
  return ['docker', 'run', '--privileged', '--rm', 'tonistiigi/binfmt', '--install', archs.join(',')];
}

export const buildxInspectArgv = (): string[] => ['docker', 'buildx', 'inspect'];

/** buildkitd in a container does not know that a loopback registry is plain HTTP unless told. */
export function buildkitdInsecureConfig(registry: string): string {
  return `[registry."${registry}"]\n  http = true\n  insecure = true\n`;
}

export function createBuilderArgv(name: string, configFile?: string): string[] {
  return [
    'docker',
    'buildx',
    'create',
    '--name',
    name,
    '--driver',
    'docker-container',
    ...(configFile ? ['--config', configFile] : []),
    '--bootstrap',
  ];
}

/** What to build, in the flags `docker buildx build` and `buildah build` share. */
export interface BuildDefinition {
  platforms: string[];
  file: string;
  target: string;
  buildArgs: string[];
  /** Secret ids and the environment variable that holds each one's value. */
  secrets: { id: string; env: string }[];
  labels: Record<string, string>;
}

export function definitionArgs(b: BuildDefinition): string[] {
  return [
    '--platform',
    b.platforms.join(','),
    '--file',
    b.file,
    ...(b.target ? ['--target', b.target] : []),
    ...b.buildArgs.flatMap((a) => ['--build-arg', a]),
    ...b.secrets.flatMap((s) => ['--secret', `id=${s.id},env=${s.env}`]),
    ...Object.entries(b.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
  ];
}

export type BuildxCache =
  { type: 'gha'; scope: string } | { type: 'registry'; ref: string } | { type: 'none' };

function cacheArgs(c: BuildxCache): string[] {
  if (c.type === 'gha')
    return ['--cache-from', `type=gha,scope=${c.scope}`, '--cache-to', `type=gha,mode=max,scope=${c.scope}`];
  if (c.type === 'registry')
    return [
      '--cache-from',
      `type=registry,ref=${c.ref}`,
      '--cache-to',
      `type=registry,ref=${c.ref},mode=max`,
    ];
  return [];
}

/** Where the image goes: pushed by digest only (no tag), or tagged and pushed or kept local. */
export type BuildxOutput =
  { byDigest: string; insecure: boolean } | { tags: string[]; push: boolean; insecure: boolean };

function outputArgs(o: BuildxOutput): string[] {
  if ('byDigest' in o)
    return [
      '--output',
      `type=image,name=${o.byDigest},push-by-digest=true,name-canonical=true,push=true${o.insecure ? ',registry.insecure=true' : ''}`,
    ];
  const tags = o.tags.flatMap((r) => ['--tag', r]);
  if (!o.push) return tags;
  if (o.insecure) return [...tags, '--output', 'type=image,push=true,registry.insecure=true'];
  return [...tags, '--push'];
}

export interface BuildxBuild extends BuildDefinition {
  /** A builder other than the current one. */
  builder?: string;
  output: BuildxOutput;
  provenance: string;
  sbom: boolean;
  cache: BuildxCache;
  metadataFile: string;
  context: string;
}

export function buildxBuildArgv(b: BuildxBuild): string[] {
  return [
    'docker',
    'buildx',
    'build',
    ...(b.builder ? ['--builder', b.builder] : []),
    ...definitionArgs(b),
    ...outputArgs(b.output),
    `--provenance=${b.provenance}`,
    `--sbom=${b.sbom}`,
    ...cacheArgs(b.cache),
    '--metadata-file',
    b.metadataFile,
    b.context,
  ];
}

/** Joins manifests (`repo@sha256:...`) into one index under every tag. */
export function imagetoolsCreateArgv(tags: string[], sources: string[]): string[] {
  return ['docker', 'buildx', 'imagetools', 'create', ...tags.flatMap((r) => ['--tag', r]), ...sources];
}

/** `format` is a Go template over the inspected image: `{{json .Manifest}}`, `{{json .Provenance}}`. */
export function imagetoolsInspectArgv(ref: string, format?: string): string[] {
  return ['docker', 'buildx', 'imagetools', 'inspect', ref, ...(format ? ['--format', format] : [])];
}

// ---- output ----

export interface BuildMetadata {
  digest?: string;
  /** Media type of what was pushed: an index/manifest list for multi-platform builds. */
  mediaType?: string;
  /** The names buildx pushed (comma separated in the file). */
  names: string[];
  raw: Record<string, unknown>;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** buildx's `--metadata-file`: where the pushed digest comes from. */
export function parseMetadata(json: string): BuildMetadata {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const desc = raw['containerimage.descriptor'] as { digest?: string; mediaType?: string } | undefined;
  const digest = (raw['containerimage.digest'] as string | undefined) ?? desc?.digest;
  const name = raw['image.name'];
  return {
    digest: typeof digest === 'string' && DIGEST.test(digest) ? digest : undefined,
    mediaType: desc?.mediaType,
    names: typeof name === 'string' && name ? name.split(',') : [],
    raw,
  };
}

/** `docker buildx imagetools inspect REF --format '{{json .Manifest}}'`. */
export function parseInspectManifest(json: string): { digest: string; platforms: string[] } {
  const m = JSON.parse(json) as {
    digest?: string;
    manifests?: { platform?: { os?: string; architecture?: string; variant?: string } }[];
  };
  if (!m.digest || !DIGEST.test(m.digest))
    throw new Error(`no digest in imagetools output: ${json.slice(0, 200)}`);
  return { digest: m.digest, platforms: platformsOf(m.manifests ?? []) };
}

/** Platforms of an index's manifests, leaving out attestation manifests (unknown/unknown). */
export function platformsOf(
  manifests: { platform?: { os?: string; architecture?: string; variant?: string } }[],
): string[] {
  return manifests
    .map((m) => m.platform)
    .filter((p): p is { os: string; architecture: string; variant?: string } => !!p?.os && p.os !== 'unknown')
    .map((p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/'));
}

/** `docker buildx inspect`: the driver and the platforms the builder can run. */
export function parseBuildxInspect(text: string): { driver?: string; platforms: string[] } {
  const driver = /^Driver:\s*(\S+)/m.exec(text)?.[1];
  const platforms = [...text.matchAll(/^Platforms:\s*(.+)$/gm)].flatMap((m) =>
    m[1].split(',').map((p) => p.trim().replace(/\*$/, '')),
  );
  return { driver, platforms: [...new Set(platforms.filter(Boolean))] };
}

/** `buildx create` of a name a self-hosted runner kept from an earlier job. */
export const builderExists = (r: ExecResult): boolean => /existing instance/i.test(r.stderr);

/** Digests buildx reports having pushed a manifest for (`pushing manifest for <ref>@sha256:...`). */
export function pushedManifestDigests(output: string): string[] {
  return [
    ...new Set([...output.matchAll(/pushing manifest for \S+@(sha256:[0-9a-f]{64})/g)].map((m) => m[1])),
  ];
}

/** The `Digest:` line of `docker buildx imagetools inspect <ref>`. */
export function inspectedDigest(output: string): string | undefined {
  return /^Digest:\s*(sha256:[0-9a-f]{64})/m.exec(output)?.[1];
}

// ---- failures ----

/**
 * Why a call that talks to a registry failed, in the registry's words (docker, buildx and buildah all print
 * what the registry answered). `unreachable`, `timeout` and `transient` (a 5xx, a dropped connection) are
 * worth another try; `auth` never is: the same credentials fail again.
 */
export type RegistryFailure = 'auth' | 'unreachable' | 'timeout' | 'transient' | 'not-found' | 'other';

const AUTH =
  /\b401\b|\b403\b|unauthorized|authentication required|access.{0,10}denied|denied:|no basic auth credentials|incorrect username or password|insufficient_scope/i;
const UNREACHABLE = /connection refused|temporary failure/i;
const TIMEOUT = /i\/o timeout|tls handshake timeout|context deadline exceeded|Client\.Timeout exceeded/i;
const TRANSIENT =
  /\b(500|502|503|504)\b|internal server error|bad gateway|service unavailable|gateway timeout|connection reset|broken pipe|unexpected EOF|\bEOF\b|too many requests|\b429\b/i;
const NOT_FOUND = /manifest unknown|not found/i;

/** Order matters: an answer that names credentials is never retried, whatever else it says. */
export function classifyRegistryFailure(output: string): RegistryFailure {
  if (AUTH.test(output)) return 'auth';
  if (UNREACHABLE.test(output)) return 'unreachable';
  if (TIMEOUT.test(output)) return 'timeout';
  if (TRANSIENT.test(output)) return 'transient';
  if (NOT_FOUND.test(output)) return 'not-found';
  return 'other';
}

export const retryable = (f: DockerFailure): boolean =>
  f === 'unreachable' || f === 'timeout' || f === 'transient';

/**
 * `docker-driver`: buildx's docker driver on the classic image store was asked for what only the containerd
 * store or a docker-container builder can do (several platforms, attestations). `exec-format`: a RUN step
 * for a foreign platform found nothing to execute it (no emulator registered for that architecture).
 */
export type DockerFailure = RegistryFailure | 'docker-driver' | 'exec-format';

const DOCKER_DRIVER =
  /(multi-platform build|attestation) is not supported for the docker driver|does not currently support exporting manifest lists/i;

export function classifyDockerFailure(r: Pick<ExecResult, 'stdout' | 'stderr' | 'timedOut'>): DockerFailure {
  if (DOCKER_DRIVER.test(r.stderr)) return 'docker-driver';
  if (r.timedOut) return 'timeout';
  if (/exec format error/.test(r.stderr)) return 'exec-format';
  return classifyRegistryFailure(`${r.stderr}\n${r.stdout}`);
}

// ---- calls ----

/** Forgets the registry's credentials in this docker config (the runner's own when `config` is not given). */
export function logout(registry: string, config?: string): Promise<ExecResult> {
  return exec(logoutArgv(registry), { env: config ? { DOCKER_CONFIG: config } : undefined });
}
