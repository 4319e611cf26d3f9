import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionError } from '../../errors';
import { exec, outputTail, type ExecResult } from '../../exec';
import { checkScanRef } from '../../oci';
import { log } from '../../report/log';
import { subjectImage } from '../../resolved';
import { ensureTool } from '../../tools';
import {
  classifyTrivyFailure,
  parseTrivyignore,
  parseTrivyReport,
  registryEnv,
  sarifResultCount,
  type TrivyFailure,
} from '../../tools/trivy';
import type { StageEnv, StageResult } from '../stage';
import type { ScanInputs } from './inputs';
import { convertCommand, insecureRegistry, scanCommand } from './plan';
import { evaluate } from './policy';
import { annotateFailing, failed, scanResult, trivyFailure } from './report';

/** The failures that move on to the next DB repository: how the skip is noted, and how it is said. */
const DB_FAILURES: Partial<Record<TrivyFailure, { note: string; said: string }>> = {
  'db-rate-limit': { note: 'rate-limit', said: 'rate limited' },
  'db-download': { note: 'download', said: 'download failed' },
};

/** The image to scan: what build pushed or the input, checked again now that build has run. */
function imageToScan(i: ScanInputs, env: StageEnv): string {
  const imageRef = subjectImage(env, i.imageRef);
  if (!imageRef)
    throw new ActionError(
      'is empty and the build stage produced no image',
      'image-ref',
      'pass name@sha256:… or run build first',
    );
  checkScanRef(imageRef, i.allowTag);
  if (!imageRef.includes('@sha256:'))
    log.warning(`scanning the mutable tag ${imageRef}: what is deployed later may not be what was scanned`);
  return imageRef;
}

/** Runs the scan against each DB repository in turn until one is not rate limited. */
async function scanWithFallback(
  i: ScanInputs,
  trivy: string,
  imageRef: string,
  env: Record<string, string>,
): Promise<{ result: ExecResult; dbRepository: string; skipped: string[] }> {
  const skipped: string[] = [];
  for (const [n, repo] of i.dbRepositories.entries()) {
    const argv = scanCommand(i, trivy, imageRef, repo);
    const result = await exec(argv, { env, timeoutMs: (i.timeoutSec + 60) * 1000 });
    const failure = DB_FAILURES[classifyTrivyFailure(result) ?? 'other'];
    if (!failure || n === i.dbRepositories.length - 1) return { result, dbRepository: repo, skipped };
    log.warning(
      `Trivy could not fetch its DB from ${repo} (${failure.said}); trying ${i.dbRepositories[n + 1]}`,
    );
    skipped.push(`${repo} (${failure.note})`);
  }
  throw new Error('no DB repository to try'); // parse() rejects an empty list
}

export async function runScan(i: ScanInputs, env: StageEnv): Promise<StageResult> {
  const imageRef = imageToScan(i, env);
  const trivy = await ensureTool('trivy', {
    version: i.trivyVersion,
    sha256: i.trivySha256,
    mirror: i.toolsMirror,
  });
  fs.mkdirSync(i.cacheDir, { recursive: true });
  fs.mkdirSync(path.dirname(i.sarifFile), { recursive: true });
  fs.rmSync(i.reportFile, { force: true });
  const trivyEnv = registryEnv({
    username: i.username,
    password: i.password,
    insecure: insecureRegistry(i, imageRef),
  });

  const { result, dbRepository, skipped } = await scanWithFallback(i, trivy, imageRef, trivyEnv);
  if (result.exitCode !== 0 || !fs.existsSync(i.reportFile)) {
    const tail = outputTail(result, 8);
    const kind = classifyTrivyFailure(result) ?? 'other';
    return failed(trivyFailure(result, kind, i, imageRef), tail, i, dbRepository);
  }

  const { report, findings } = parseTrivyReport(fs.readFileSync(i.reportFile, 'utf8'));
  const ignore = i.trivyignore ? parseTrivyignore(fs.readFileSync(i.trivyignore, 'utf8')) : new Set<string>();
  const verdict = evaluate(findings, { failOn: i.failOn, ignore, ignoreUnfixed: i.ignoreUnfixed });

  const convert = await exec(convertCommand(i, trivy), { env: trivyEnv });
  if (convert.exitCode !== 0 || !fs.existsSync(i.sarifFile))
    return failed('trivy convert could not write SARIF', convert.stderr.trim(), i, dbRepository);
  const sarifResults = sarifResultCount(fs.readFileSync(i.sarifFile, 'utf8'));

  annotateFailing(verdict);
  return scanResult(
    {
      imageRef,
      verdict,
      trivyVersion: report.Trivy?.Version ?? i.trivyVersion,
      dbRepository,
      skipped,
      sarif: path.relative(env.ctx.workspace, i.sarifFile) || i.sarifFile,
      sarifResults,
      ignore,
    },
    i,
  );
}
