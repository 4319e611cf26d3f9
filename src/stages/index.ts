import type { StageName } from '../inputs';
import { deploy } from './deploy';
import { build } from './build';
import { gates } from './gates';
import { scan } from './scan';
import type { Stage } from './stage';
import { verify } from './verify';

/** The stage implementations, in pipeline order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const STAGE_IMPLS: Partial<Record<StageName, Stage<any>>> = {
  gates,
  build,
  scan,
  deploy,
  verify,
};
