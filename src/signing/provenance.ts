import type { RunContext } from '../context';
import { ActionError } from '../errors';
import { exec } from '../exec';
import { log } from '../report/log';
import { splitDigestRef } from '../tools/cosign';
import { classifyDockerFailure, imagetoolsInspectArgv } from '../tools/docker';

/**
 * The BuildKit provenance attestation of an image, read from the registry, must name this repository and
 * the commit being deployed. buildx writes what git said about the build context into it
 * (metadata."https://mobyproject.org/buildkit@v1#metadata".vcs: source and revision); a build from a git
 * URL records it as invocation.configSource instead. Either will do; one platform without it refuses all.
 */

export interface BuildSource {
  source?: string;
  revision?: string;
}

interface SlsaV02 {
  invocation?: { configSource?: { uri?: string; digest?: Record<string, string> } };
  metadata?: Record<string, unknown>;
}

const BUILDKIT_METADATA = 'https://mobyproject.org/buildkit@v1#metadata';

/** What one platform's SLSA predicate says the image was built from. */
export function sourceOf(slsa: SlsaV02): BuildSource {
  const vcs = (
    slsa.metadata?.[BUILDKIT_METADATA] as { vcs?: { source?: string; revision?: string } } | undefined
  )?.vcs;
  if (vcs?.source || vcs?.revision) return { source: vcs.source, revision: vcs.revision };
  const cs = slsa.invocation?.configSource;
  if (cs?.uri) return { source: cs.uri.replace(/#.*$/, ''), revision: cs.digest?.sha1 ?? cs.digest?.sha256 };
  return {};
}

/**
 * `imagetools inspect --format '{{json .Provenance}}'` prints `{"SLSA": ...}` for a single-platform image,
 * `{"linux/amd64": {"SLSA": ...}, ...}` for an index, and `{}` when there is no attestation.
 */
export function provenanceByPlatform(json: string): Record<string, BuildSource> {
  const doc = JSON.parse(json) as Record<string, unknown>;
  if (doc.SLSA) return { image: sourceOf(doc.SLSA as SlsaV02) };
  const out: Record<string, BuildSource> = {};
  for (const [platform, v] of Object.entries(doc)) {
    const slsa = (v as { SLSA?: SlsaV02 } | null)?.SLSA;
    if (slsa) out[platform] = sourceOf(slsa);
  }
  return out;
}

/**
 * host/path of a repository address in any of the forms git and buildx write: https with or without
 * credentials and .git, ssh://, or scp-like git@host:path.
 */
export function normalizeRepo(url: string): string {
  let u = url.trim();
  const scp = /^[\w.-]+@([^:/]+):(.+)$/.exec(u);
  if (scp) u = `${scp[1]}/${scp[2]}`;
  else u = u.replace(/^[a-z+]+:\/\//i, '').replace(/^[^@/]*@/, '');
  return u
    .replace(/\.git$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

export interface ProvenanceCheck {
  platforms: string[];
  source: string;
  revision: string;
  durationMs: number;
}

export interface ProvenanceOptions {
  /** The input the reference came from. */
  refInput: string;
  /** DOCKER_HOST / DOCKER_CONFIG for the docker CLI. */
  env?: Record<string, string | undefined>;
}

/** Reads the attestation with `docker buildx imagetools inspect` and compares it with this run's repository and commit. */
export async function checkProvenance(
  ref: string,
  ctx: RunContext,
  o: ProvenanceOptions,
): Promise<ProvenanceCheck> {
  splitDigestRef(ref, o.refInput);
  if (!ctx.repositoryUrl || !ctx.sha)
    throw new ActionError(
      'needs the repository and the commit being deployed, and this run knows neither',
      'require-provenance',
      'run in a GitHub or GitLab job or a git checkout with a remote, or set require-provenance: false',
    );
  const r = await exec(imagetoolsInspectArgv(ref, '{{json .Provenance}}'), {
    env: o.env,
    timeoutMs: 120_000,
  });
  if (r.exitCode !== 0) {
    const err = r.stderr.trim().split('\n').pop() ?? '';
    const notFound = classifyDockerFailure(r) === 'not-found';
    throw new ActionError(
      `the provenance of ${ref} could not be read: ${err.replace(/^ERROR:\s*/, '')}`,
      notFound ? o.refInput : 'require-provenance',
      notFound
        ? 'give the digest that build pushed'
        : 'check that the registry is reachable with the credentials deploy has, or set require-provenance: false',
    );
  }
  const byPlatform = provenanceByPlatform(r.stdout);
  const want = normalizeRepo(ctx.repositoryUrl);
  const expected = `${ctx.repository ?? want}@${ctx.sha}`;
  const platforms = Object.keys(byPlatform);
  if (!platforms.length)
    throw new ActionError(
      `${ref} has no provenance attestation, so nothing says it was built from ${expected}`,
      'require-provenance',
      'build with provenance: mode=max (the build default) and push, or set require-provenance: false',
    );
  for (const [platform, s] of Object.entries(byPlatform)) {
    const where = platforms.length > 1 || platform !== 'image' ? ` (${platform})` : '';
    if (!s.source || !s.revision)
      throw new ActionError(
        `the provenance of ${ref}${where} names no source repository and commit`,
        'require-provenance',
        'build from a git checkout whose origin is this repository, so buildx records it, or set require-provenance: false',
      );
    if (normalizeRepo(s.source) !== want || s.revision !== ctx.sha)
      throw new ActionError(
        `${ref}${where} was built from ${s.source}@${s.revision}, not ${expected}`,
        'require-provenance',
        'deploy the digest that this commit built, or set require-provenance: false',
      );
  }
  const first = byPlatform[platforms[0]];
  log.info(`provenance of ${ref}: built from ${first.source}@${first.revision} (${platforms.join(', ')})`);
  return { platforms, source: first.source!, revision: first.revision!, durationMs: r.durationMs };
}
