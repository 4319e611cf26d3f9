import { ActionError } from './errors';
import { parseStages, type InputReader, type StageName } from './inputs';
import type { StageEnv } from './stages/stage';

/**
 * Values more than one stage depends on, read once (src/pipeline.ts does it before the first stage runs)
 * so that no two stages can answer them differently.
 */
export interface Resolved {
  /** The selected stages, in pipeline order. */
  stages: StageName[];
  /**
   * What scan, deploy and verify's {image} act on: the digest the build stage of this run pushes, or the
   * `image-ref` input when build does not run; never both (that is refused).
   */
  image: { from: 'build' } | { from: 'input'; ref: string } | { from: 'none' };
}

export function resolveRun(r: InputReader): Resolved {
  const stages = parseStages(r);
  const ref = r.string('image-ref');
  const build = stages.includes('build');
  if (ref && build)
    throw new ActionError(
      'is set, but the build stage of this run decides the image that scan, deploy and verify use',
      'image-ref',
      'remove image-ref (they act on the digest the build pushes), or run build in a job of its own',
    );
  return { stages, image: build ? { from: 'build' } : ref ? { from: 'input', ref } : { from: 'none' } };
}

/** The resolved values of this run: the pipeline's, or (a stage driven on its own) read from its inputs. */
export const resolvedOf = (r: InputReader, env: StageEnv): Resolved => env.resolved ?? resolveRun(r);

/** For a stage that needs an image: the input's reference, or '' when the build of this run provides it. */
export function requireImage(resolved: Resolved): string {
  if (resolved.image.from === 'none')
    throw new ActionError(
      'is required when the build stage does not run in the same job',
      'image-ref',
      "pass the build job's image-ref output (name@sha256:…), or add build to stages",
    );
  return resolved.image.from === 'input' ? resolved.image.ref : '';
}

/** At run time, the image to act on: the input's, else what the build stage of this run pushed. */
export function subjectImage(env: StageEnv, fromInput: string | undefined): string | undefined {
  return fromInput || env.state.imageRef || undefined;
}
