import type { Stage } from '../stage';
import { resolvedOf } from '../../resolved';
import { parseDeployInputs, type DeployInputs } from './inputs';
import { planDeploy } from './plan';
import { runDeploy } from './run';

export const deploy: Stage<DeployInputs> = {
  name: 'deploy',
  parse: (r, env) => parseDeployInputs(r, env.ctx, resolvedOf(r, env)),
  plan: planDeploy,
  run: runDeploy,
};
