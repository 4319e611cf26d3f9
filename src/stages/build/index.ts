import type { Stage } from '../stage';
import { parseBuildInputs, type BuildInputs } from './inputs';
import { buildPlan } from './plan';
import { runBuild } from './run';

export const build: Stage<BuildInputs> = {
  name: 'build',
  parse: (r, env) => parseBuildInputs(r, env.ctx, env.cwd),
  plan: buildPlan,
  run: runBuild,
};
