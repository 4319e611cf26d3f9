import type { Stage } from '../stage';
import { parseVerifyInputs, type VerifyInputs } from './inputs';
import { planVerify } from './plan';
import { runVerify } from './run';

export const verify: Stage<VerifyInputs> = {
  name: 'verify',
  parse: (r, env) => parseVerifyInputs(r, env.cwd),
  plan: (i, env) => planVerify(i, env.ctx, env.state),
  run: runVerify,
};
