import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionError } from '../../errors';
import { exec, type ExecResult } from '../../exec';
import { checkScanRef } from '../../oci';
import { log } from '../../report/log';
import { subjectImage } from '../../resolved';
import { Summary, cell } from '../../report/summary';
import { ensureTool } from '../../tools';
import type { StageEnv, StageResult } from '../stage';
import {
  classifyTrivyFailure,
  parseTrivyignore,
  parseTrivyReport,
  sarifResultCount,
  registryEnv,
  SEVERITIES,
  type Finding,
  type TrivyFailure,
} from '../../tools/trivy';
import { convertCommand, insecureRegistry, scanCommand, type ScanInputs } from './inputs';
import { evaluate, type Verdict } from './policy';

const MAX_ROWS = 50;

/** The failures that move on to the next DB repository: how the skip is noted, and how it is said. */
const DB_FAILURES: Partial<Record<TrivyFailure, { note: string; said: string }>> = {
  'db-rate-limit': { note: 'rate-limit', said: 'rate limited' },
  'db-download': { note: 'download', said: 'download failed' },
};

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
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-8).join('\n');
    return failed(
      `Trivy ${result.timedOut ? 'timed out' : `exited with ${result.exitCode}`}`,
      tail,
      i,
      dbRepository,
    );
  }

  const { report, findings } = parseTrivyReport(fs.readFileSync(i.reportFile, 'utf8'));
  const ignore = i.trivyignore ? parseTrivyignore(fs.readFileSync(i.trivyignore, 'utf8')) : new Set<string>();
  const verdict = evaluate(findings, { failOn: i.failOn, ignore, ignoreUnfixed: i.ignoreUnfixed });

  const convert = await exec(convertCommand(i, trivy), { env: trivyEnv });
  if (convert.exitCode !== 0 || !fs.existsSync(i.sarifFile))
    return failed('trivy convert could not write SARIF', convert.stderr.trim(), i, dbRepository);
  const sarifResults = sarifResultCount(fs.readFileSync(i.sarifFile, 'utf8'));

  for (const f of verdict.failing.slice(0, 10))
    log.annotate({
      level: 'error',
      title: `${f.id} (${f.severity}) in ${f.pkg}`,
      message: `${f.title}${f.fixed ? ` (fixed in ${f.fixed})` : ''}${f.url ? `\n${f.url}` : ''}`,
    });

  const rel = (p: string) => path.relative(env.ctx.workspace, p) || p;
  const summary = scanSummary(
    verdict,
    i,
    imageRef,
    report.Trivy?.Version ?? i.trivyVersion,
    dbRepository,
    skipped,
    rel(i.sarifFile),
    sarifResults,
    ignore,
  );
  const counts = SEVERITIES.filter((s) => verdict.counts[s]).map((s) => `${verdict.counts[s]} ${s}`);
  const failing = verdict.failing;
  return {
    status: failing.length ? 'failure' : 'success',
    headline: `${counts.join(', ') || 'no findings'}${failing.length ? `; ${failing.length} at ${i.failOn.join('/')}` : ''}`,
    summary,
    outputs: {
      'scan-result': JSON.stringify({
        image: imageRef,
        passed: failing.length === 0,
        counts: verdict.counts,
        failOn: i.failOn,
        failing: failing.map((f) => ({ id: f.id, severity: f.severity, package: f.pkg, fixed: f.fixed })),
        ignored: [...new Set(verdict.ignored.map((f) => f.id))],
        dbRepository,
      }),
      'sarif-file': i.sarifFile,
      'scan-report': i.reportFile,
    },
    failure: failing.length
      ? `${failing.length} finding${failing.length === 1 ? '' : 's'} at ${i.failOn.join(', ')} in ${imageRef}: ${[
          ...new Set(failing.map((f) => f.id)),
        ]
          .slice(0, 5)
          .join(', ')}${failing.length > 5 ? ', …' : ''}`
      : undefined,
  };
}

function link(f: Finding): string {
  return f.url ? `[${f.id}](${f.url})` : f.id;
}

function scanSummary(
  v: Verdict,
  i: ScanInputs,
  imageRef: string,
  trivyVersion: string,
  dbRepository: string,
  skipped: string[],
  sarif: string,
  sarifResults: number,
  ignore: Set<string>,
): Summary {
  const s = new Summary().heading('Scan');
  s.text(
    `\`${imageRef}\` · Trivy ${trivyVersion} · DB from \`${dbRepository}\`${
      skipped.length ? ` (skipped ${skipped.map((x) => `\`${x}\``).join(', ')})` : ''
    }`,
  );
  s.table(
    ['Severity', 'Findings', 'Fails the step'],
    i.severity.map((sev) => [sev, String(v.counts[sev]), i.failOn.includes(sev) ? 'yes' : 'no']),
  );
  if (v.failing.length) {
    s.text(
      `**${v.failing.length === 1 ? '1 finding fails' : `${v.failing.length} findings fail`} the policy** (fail-on: ${i.failOn.join(', ')})`,
    );
    s.table(
      ['ID', 'Severity', 'Package', 'Installed', 'Fixed', 'Title'],
      v.failing
        .slice(0, MAX_ROWS)
        .map((f) => [link(f), f.severity, f.pkg, f.installed, f.fixed || '(no fix)', cell(f.title)]),
    );
    if (v.failing.length > MAX_ROWS) s.text(`… and ${v.failing.length - MAX_ROWS} more in the SARIF report.`);
  } else {
    s.text(
      i.failOn.length
        ? `No finding at ${i.failOn.join(', ')}: the image passes.`
        : 'fail-on is none: findings are reported, never fatal.',
    );
  }
  // Trivy leaves what the ignore file names out of its report; say which entries were in effect.
  if (ignore.size)
    s.text(
      `Ignore file \`${path.basename(i.trivyignore)}\` in effect for: ${[...ignore].map((id) => `\`${id}\``).join(', ')}`,
    );
  const ignoredIds = [...new Set(v.ignored.map((f) => f.id))];
  if (ignoredIds.length) s.text(`Left out by the policy: ${ignoredIds.map((id) => `\`${id}\``).join(', ')}`);
  s.text(`SARIF: \`${sarif}\` (${sarifResults} results), for github/codeql-action/upload-sarif.`);
  return s;
}

function failed(why: string, detail: string, i: ScanInputs, dbRepository: string): StageResult {
  const summary = new Summary().heading('Scan').text(`${why} (DB repository \`${dbRepository}\`).`);
  if (detail) summary.details('Trivy output', detail);
  return {
    status: 'failure',
    headline: why,
    summary,
    outputs: { 'sarif-file': '', 'scan-report': i.reportFile, 'scan-result': '' },
    failure: `${why}${detail ? `:\n${detail}` : ''}`,
  };
}
