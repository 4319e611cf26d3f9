import type { Stage } from '../stage';
import { parseScanInputs, planScan, type ScanInputs } from './inputs';
import { runScan } from './run';

export const scan: Stage<ScanInputs> = {
  name: 'scan',
  parse: parseScanInputs,
  plan: (i) => ({
    commands: planScan(i),
    values: {
      'image-ref': i.imageRef || '(from the build stage)',
      'fail-on': i.failOn.join(', ') || 'none',
      'db repositories, in order': i.dbRepositories.join(', '),
      trivy: `${i.trivyVersion}${i.toolsMirror ? ` from ${i.toolsMirror}` : ''}`,
      'ignore file': i.trivyignore || '(none)',
      'sarif-file': i.sarifFile,
    },
  }),
  run: runScan,
};
