import type { StageName } from '../inputs';
import type { Stage } from './stage';

/**
 * The stage implementations, loaded on use: in the bundle each is a chunk of its own, so a gates-only
 * run never parses the MCP SDK, Octokit or the tool installer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const STAGE_IMPLS: Record<StageName, () => Promise<Stage<any>>> = {
  gates: async () => (await import('./gates/index.js')).gates,
  build: async () => (await import('./build/index.js')).build,
  scan: async () => (await import('./scan/index.js')).scan,
  deploy: async () => (await import('./deploy/index.js')).deploy,
  verify: async () => (await import('./verify/index.js')).verify,
};
