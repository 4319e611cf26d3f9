import type { ExecResult } from '../exec';
import {
  classifyRegistryFailure,
  definitionArgs,
  type BuildDefinition,
  type RegistryFailure,
} from './docker';

/**
 * buildah, the daemonless builder for runners without a docker engine. It takes `docker build`'s flags for
 * what to build (so {@link definitionArgs} is shared) and keeps images in a manifest list it pushes whole.
 */

const tls = (insecure: boolean) => (insecure ? ['--tls-verify=false'] : []);

export function loginArgv(registry: string, username: string, insecure: boolean): string[] {
  return ['buildah', 'login', '--username', username, '--password-stdin', ...tls(insecure), registry];
}

/** Forgets a manifest list of an earlier run; fails harmlessly ("image not known") when there is none. */
export const manifestRmArgv = (list: string): string[] => ['buildah', 'manifest', 'rm', list];

export function buildArgv(list: string, b: BuildDefinition, context: string): string[] {
  return ['buildah', 'build', '--manifest', list, ...definitionArgs(b), context];
}

/** Pushes the list and every image in it; `digestFile` receives the list's digest. */
export function manifestPushArgv(
  list: string,
  ref: string,
  o: { insecure: boolean; digestFile?: string },
): string[] {
  return [
    'buildah',
    'manifest',
    'push',
    '--all',
    ...tls(o.insecure),
    ...(o.digestFile ? ['--digestfile', o.digestFile] : []),
    list,
    `docker://${ref}`,
  ];
}

/**
 * buildah (containers/image) reports most registry errors in the registry's own words, as docker does, but
 * says a refused login and a missing local image in words of its own.
 */
export function classifyBuildahFailure(
  r: Pick<ExecResult, 'stdout' | 'stderr' | 'timedOut'>,
): RegistryFailure {
  const text = `${r.stderr}\n${r.stdout}`;
  if (/invalid username\/password/i.test(text)) return 'auth';
  if (r.timedOut) return 'timeout';
  const f = classifyRegistryFailure(text);
  return f === 'other' && /image not known/i.test(text) ? 'not-found' : f;
}
