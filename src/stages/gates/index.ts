import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionError } from '../../errors';
import type { Stage } from '../stage';
import { describeScope, parseGatesInputs, planGates, type GatesInputs } from './plan';
import { runGates } from './run';

export const gates: Stage<GatesInputs> = {
  name: 'gates',
  parse(r, env) {
    if (!fs.existsSync(path.join(env.cwd, 'Cargo.toml')))
      throw new ActionError(
        `no Cargo.toml in ${env.cwd}`,
        'working-directory',
        'point it at the directory of the crate (the one with Cargo.toml)',
      );
    return parseGatesInputs(r, env.cwd);
  },
  plan: (i) => ({
    commands: planGates(i),
    values: {
      scope: describeScope(i.scope),
      'fail-fast': String(i.failFast),
      'audit-ignore': i.auditIgnore.join(', ') || '(none)',
    },
  }),
  run: runGates,
};
