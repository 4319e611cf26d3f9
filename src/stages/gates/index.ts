import type { Stage } from '../stage';
import { parseGatesInputs, type GatesInputs } from './inputs';
import { planGates } from './plan';
import { runGates } from './run';

export const gates: Stage<GatesInputs> = {
  name: 'gates',
  parse: (r, env) => parseGatesInputs(r, env.cwd, env.ctx.workspace),
  plan: planGates,
  run: runGates,
};
