import { isLoopback, registryOf } from '../../oci';
import { imageScanArgv, sarifConvertArgv } from '../../tools/trivy';
import type { Plan, PlannedCommand } from '../stage';
import type { ScanInputs } from './inputs';

/** Whether Trivy must talk plain HTTP to the registry of `imageRef`. */
export function insecureRegistry(i: Pick<ScanInputs, 'insecure'>, imageRef: string): boolean {
  if (i.insecure !== 'auto') return i.insecure === 'true';
  return isLoopback(registryOf(imageRef));
}

/** The one scan, against one DB repository. */
export function scanCommand(i: ScanInputs, trivy: string, imageRef: string, dbRepository: string): string[] {
  return imageScanArgv(trivy, imageRef, {
    reportFile: i.reportFile,
    severity: i.severity,
    scanners: i.scanners,
    ignoreUnfixed: i.ignoreUnfixed,
    ignoreFile: i.trivyignore,
    cacheDir: i.cacheDir,
    dbRepository,
    timeoutSec: i.timeoutSec,
  });
}

export function convertCommand(i: ScanInputs, trivy: string): string[] {
  return sarifConvertArgv(trivy, i.reportFile, i.sarifFile);
}

function scanCommands(i: ScanInputs): PlannedCommand[] {
  const ref = i.imageRef || '<image-ref from the build stage>';
  return [
    {
      argv: scanCommand(i, 'trivy', ref, i.dbRepositories[0]),
      why:
        i.dbRepositories.length > 1
          ? `if the DB download fails, again with --db-repository ${i.dbRepositories.slice(1).join(', then ')}`
          : undefined,
    },
    { argv: convertCommand(i, 'trivy'), why: 'SARIF from the same report, no second scan' },
  ];
}

/** What `mcp-deploy plan` shows for scan: the commands as they will run, and the values they use. */
export function planScan(i: ScanInputs): Plan {
  return {
    commands: scanCommands(i),
    values: {
      'image-ref': i.imageRef || '(from the build stage)',
      'fail-on': i.failOn.join(', ') || 'none',
      'db repositories, in order': i.dbRepositories.join(', '),
      trivy: `${i.trivyVersion}${i.toolsMirror ? ` from ${i.toolsMirror}` : ''}`,
      'ignore file': i.trivyignore || '(none)',
      'sarif-file': i.sarifFile,
    },
  };
}
