import type { Stage } from '../stage';
import { parseScanInputs, type ScanInputs } from './inputs';
import { planScan } from './plan';
import { runScan } from './run';

export const scan: Stage<ScanInputs> = {
  name: 'scan',
  parse: parseScanInputs,
  plan: planScan,
  run: runScan,
};
