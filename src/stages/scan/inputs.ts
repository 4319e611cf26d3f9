import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionError } from '../../errors';
import { defaultOf, INPUTS, splitList, type InputReader } from '../../inputs';
import { checkScanRef } from '../../oci';
import { requireImage, resolvedOf } from '../../resolved';
import { PINNED, readToolsMirror } from '../../tools';
import { SEVERITIES, type Severity } from '../../tools/trivy';
import type { StageEnv } from '../stage';

export const SCANNERS = INPUTS.scanners.allowed;
export type Scanner = (typeof SCANNERS)[number];

export interface ScanInputs {
  /** From the input; '' when the build stage of this run provides it. */
  imageRef: string;
  allowTag: boolean;
  severity: Severity[];
  failOn: Severity[];
  ignoreUnfixed: boolean;
  /** Absolute path of the ignore file, or ''. */
  trivyignore: string;
  scanners: Scanner[];
  dbRepositories: string[];
  cacheDir: string;
  trivyVersion: string;
  trivySha256: string;
  toolsMirror: string;
  sarifFile: string;
  reportFile: string;
  timeoutSec: number;
  /** The build stage's registry credentials, for a private image. */
  username: string;
  password: string;
  /** The build stage's `registry-insecure`: auto is plain HTTP for localhost and 127.0.0.0/8 only. */
  insecure: 'auto' | 'true' | 'false';
}

function credentials(r: InputReader): { username: string; password: string } {
  const password = r.secret('password');
  const username = r.string('username');
  if (password && !username)
    throw new ActionError(
      'is empty but a password is set',
      'username',
      'give the registry user name (on GitHub, github.actor)',
    );
  return { username, password };
}

// Severities are upper case in Trivy and in its users' habits; accept either.
function severities(r: InputReader, name: 'severity' | 'fail-on'): Severity[] {
  const items = r.list(name).map((s) => s.toUpperCase());
  const bad = items.find((s) => !(SEVERITIES as readonly string[]).includes(s));
  if (bad)
    throw new ActionError(
      `unknown severity '${bad}'`,
      name,
      `use any of ${SEVERITIES.join(', ')}${name === 'fail-on' ? ', or none' : ''}`,
    );
  return [...new Set(items)] as Severity[];
}

/** The ignore file: the input's, else the repository's .trivyignore when there is one, else none (''). */
function readIgnoreFile(r: InputReader, ws: string): string {
  let trivyignore = r.string('trivyignore');
  if (trivyignore) {
    const abs = path.resolve(ws, trivyignore);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isFile())
      throw new ActionError(
        `file '${trivyignore}' does not exist (looked at ${abs})`,
        'trivyignore',
        'give the path of the ignore file relative to the repository root',
      );
    trivyignore = abs;
  } else if (fs.existsSync(path.join(ws, '.trivyignore'))) {
    trivyignore = path.join(ws, '.trivyignore');
  }
  return trivyignore;
}

export function parseScanInputs(r: InputReader, env: StageEnv): ScanInputs {
  const allowTag = r.bool('scan-allow-tag');
  const imageRef = requireImage(resolvedOf(r, env));
  if (imageRef) checkScanRef(imageRef, allowTag);

  const severity = severities(r, 'severity');
  const failOn = r.string('fail-on').toLowerCase() === 'none' ? [] : severities(r, 'fail-on');
  const unreported = failOn.filter((s) => !severity.includes(s));
  if (unreported.length)
    throw new ActionError(
      `${unreported.join(', ')} would fail the step but is not in 'severity', so Trivy would never report it`,
      'fail-on',
      `add ${unreported.join(', ')} to severity, or remove it from fail-on`,
    );

  const ws = env.ctx.workspace;
  const trivyignore = readIgnoreFile(r, ws);

  const dbRepositories = r.list('trivy-db-repository');
  const badRepo = dbRepositories.find(
    (d) => !/^[a-z0-9][a-z0-9.-]*(?::\d+)?(?:\/[a-z0-9][a-z0-9._-]*)+(?::[\w.-]+)?$/i.test(d),
  );
  if (badRepo)
    throw new ActionError(
      `'${badRepo}' is not an OCI repository`,
      'trivy-db-repository',
      `list repositories like ${splitList(defaultOf('trivy-db-repository'))[0]}`,
    );

  const trivyVersion = r.string('trivy-version').replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(trivyVersion))
    throw new ActionError(
      `'${trivyVersion}' is not a Trivy version`,
      'trivy-version',
      `use x.y.z, e.g. ${PINNED.trivy.version}`,
    );
  const trivySha256 = r.string('trivy-sha256').toLowerCase();
  if (trivySha256 && !/^[0-9a-f]{64}$/.test(trivySha256))
    throw new ActionError(
      'is not a sha256 digest (64 hex characters)',
      'trivy-sha256',
      "copy it from the release's trivy_<version>_checksums.txt",
    );
  if (!trivySha256 && !PINNED.trivy.sha256[trivyVersion])
    throw new ActionError(
      `Trivy ${trivyVersion} has no pinned checksum`,
      'trivy-sha256',
      `give the sha256 of the release asset for this runner, or use trivy-version ${PINNED.trivy.version}`,
    );

  const toolsMirror = readToolsMirror(r);

  const sarifFile = path.resolve(ws, r.string('sarif-file'));
  return {
    imageRef,
    allowTag,
    severity,
    failOn,
    ignoreUnfixed: r.bool('ignore-unfixed'),
    trivyignore,
    scanners: r.subset('scanners', SCANNERS),
    dbRepositories,
    cacheDir: path.resolve(ws, r.string('trivy-cache-dir')),
    trivyVersion,
    trivySha256,
    toolsMirror,
    sarifFile,
    reportFile: sarifFile.replace(/(\.sarif)?$/, '.json'),
    timeoutSec: r.duration('scan-timeout'),
    ...credentials(r),
    insecure: r.oneOf('registry-insecure', INPUTS['registry-insecure'].allowed),
  };
}
