/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading on purpose: a require inside a
   function is evaluated on first use, in the bundle too, where import() would split into chunk files. */
import type { StageName } from '../inputs';
import type { Stage } from './stage';

/**
 * The stage implementations, loaded on use (a require inside a function: the bundle evaluates a module
 * the first time it is required) so that a gates-only run never evaluates the MCP SDK,
 * Octokit or the tool installer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const STAGE_IMPLS: Record<StageName, () => Stage<any>> = {
  gates: () => (require('./gates') as typeof import('./gates')).gates,
  build: () => (require('./build') as typeof import('./build')).build,
  scan: () => (require('./scan') as typeof import('./scan')).scan,
  deploy: () => (require('./deploy') as typeof import('./deploy')).deploy,
  verify: () => (require('./verify') as typeof import('./verify')).verify,
};
