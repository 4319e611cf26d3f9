/**
 * Pure readers of what buildx, docker and the registry print: the metadata file (where the digest comes from),
 * `imagetools inspect`, `buildx inspect`, and the error text that decides whether a push is retried.
 */
export interface BuildMetadata {
  digest?: string;
  /** Media type of what was pushed: an index/manifest list for multi-platform builds. */
  mediaType?: string;
  /** The names buildx pushed (comma separated in the file). */
  names: string[];
  raw: Record<string, unknown>;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;

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

/**
 * What buildx says when the docker driver runs on the classic image store and is asked for what only the
 * containerd store or a docker-container builder can do: several platforms, attestations.
 */
export function dockerDriverCannot(stderr: string): boolean {
  return /(multi-platform build|attestation) is not supported for the docker driver|does not currently support exporting manifest lists/i.test(
    stderr,
  );
}

/**
 * A binfmt_misc entry (/proc/sys/fs/binfmt_misc/qemu-aarch64) that a build container can use: enabled, and
 * with the F flag, so the kernel opened the interpreter at registration and the container need not have it.
 */
export function binfmtEntryUsable(content: string): boolean {
  const lines = content.split('\n').map((l) => l.trim());
  const flags = lines.find((l) => l.startsWith('flags:'))?.slice('flags:'.length) ?? '';
  return lines[0] === 'enabled' && flags.includes('F');
}

/** Architectures with a registered binfmt_misc handler (entries of /proc/sys/fs/binfmt_misc like qemu-aarch64). */
export function binfmtArchs(entries: string[]): string[] {
  const map: Record<string, string> = {
    aarch64: 'arm64',
    arm: 'arm',
    x86_64: 'amd64',
    riscv64: 'riscv64',
    ppc64le: 'ppc64le',
    s390x: 's390x',
    i386: '386',
  };
  return entries.flatMap((e) => {
    const m = /^qemu-(.+)$/.exec(e);
    return m && map[m[1]] ? [map[m[1]]] : [];
  });
}

export type PushFailure = 'auth' | 'transient' | 'other';

const AUTH =
  /\b401\b|\b403\b|unauthorized|authentication required|access.{0,10}denied|denied:|no basic auth credentials|incorrect username or password|insufficient_scope/i;
const TRANSIENT =
  /\b(500|502|503|504)\b|internal server error|bad gateway|service unavailable|gateway timeout|connection reset|broken pipe|i\/o timeout|tls handshake timeout|unexpected EOF|\bEOF\b|too many requests|\b429\b|connection refused|temporary failure/i;

/** An auth failure is never retried (the same credentials fail again); a 5xx or a dropped connection is. */
export function classifyFailure(output: string): PushFailure {
  if (AUTH.test(output)) return 'auth';
  if (TRANSIENT.test(output)) return 'transient';
  return 'other';
}

/** The lines of a failed build worth showing: buildx's ERROR lines, else the tail. */
export function errorLines(output: string, n = 8): string {
  const errors = output.split('\n').filter((l) => /\bERROR\b|^error|Error response/i.test(l));
  return (errors.length ? errors : output.trim().split('\n')).slice(-n).join('\n');
}

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
