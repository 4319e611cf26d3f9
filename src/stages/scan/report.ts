import * as path from 'node:path';
import { log } from '../../report/log';
import { Summary, cell } from '../../report/summary';
import { plural } from '../../text';
import { SEVERITIES, type Finding, type TrivyFailure } from '../../tools/trivy';
import type { StageResult } from '../stage';
import type { ScanInputs } from './inputs';
import type { Verdict } from './policy';

const MAX_ROWS = 50;

/** What one finished scan found and how it got there: everything the summary and the outputs say. */
export interface ScanOutcome {
  imageRef: string;
  verdict: Verdict;
  /** The Trivy version that wrote the report. */
  trivyVersion: string;
  dbRepository: string;
  /** The DB repositories that failed first, each with why. */
  skipped: string[];
  /** The SARIF file as shown: relative to the workspace. */
  sarif: string;
  sarifResults: number;
  /** The IDs the ignore file holds. */
  ignore: Set<string>;
}

function link(f: Finding): string {
  return f.url ? `[${f.id}](${f.url})` : f.id;
}

/** The first failing findings as error annotations, so they show on the run's page. */
export function annotateFailing(v: Verdict): void {
  for (const f of v.failing.slice(0, 10))
    log.annotate({
      level: 'error',
      title: `${f.id} (${f.severity}) in ${f.pkg}`,
      message: `${f.title}${f.fixed ? ` (fixed in ${f.fixed})` : ''}${f.url ? `\n${f.url}` : ''}`,
    });
}

function scanSummary(o: ScanOutcome, i: ScanInputs): Summary {
  const v = o.verdict;
  const s = new Summary().heading('Scan');
  s.text(
    `\`${o.imageRef}\` · Trivy ${o.trivyVersion} · DB from \`${o.dbRepository}\`${
      o.skipped.length ? ` (skipped ${o.skipped.map((x) => `\`${x}\``).join(', ')})` : ''
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
  if (o.ignore.size)
    s.text(
      `Ignore file \`${path.basename(i.trivyignore)}\` in effect for: ${[...o.ignore].map((id) => `\`${id}\``).join(', ')}`,
    );
  const ignoredIds = [...new Set(v.ignored.map((f) => f.id))];
  if (ignoredIds.length) s.text(`Left out by the policy: ${ignoredIds.map((id) => `\`${id}\``).join(', ')}`);
  s.text(`SARIF: \`${o.sarif}\` (${o.sarifResults} results), for github/codeql-action/upload-sarif.`);
  return s;
}

/** "1 CRITICAL, 1 LOW; 1 at CRITICAL/HIGH" */
function headline(v: Verdict, i: ScanInputs): string {
  const counts = SEVERITIES.filter((s) => v.counts[s]).map((s) => `${v.counts[s]} ${s}`);
  return `${counts.join(', ') || 'no findings'}${v.failing.length ? `; ${v.failing.length} at ${i.failOn.join('/')}` : ''}`;
}

function failureLine(v: Verdict, i: ScanInputs, imageRef: string): string | undefined {
  const failing = v.failing;
  if (!failing.length) return undefined;
  const ids = [...new Set(failing.map((f) => f.id))];
  return `${plural(failing.length, 'finding')} at ${i.failOn.join(', ')} in ${imageRef}: ${ids
    .slice(0, 5)
    .join(', ')}${failing.length > 5 ? ', …' : ''}`;
}

export function scanResult(o: ScanOutcome, i: ScanInputs): StageResult {
  const failing = o.verdict.failing;
  return {
    status: failing.length ? 'failure' : 'success',
    headline: headline(o.verdict, i),
    summary: scanSummary(o, i),
    outputs: {
      'scan-result': JSON.stringify({
        image: o.imageRef,
        passed: failing.length === 0,
        counts: o.verdict.counts,
        failOn: i.failOn,
        failing: failing.map((f) => ({ id: f.id, severity: f.severity, package: f.pkg, fixed: f.fixed })),
        ignored: [...new Set(o.verdict.ignored.map((f) => f.id))],
        dbRepository: o.dbRepository,
      }),
      'sarif-file': i.sarifFile,
      'scan-report': i.reportFile,
    },
    failure: failureLine(o.verdict, i, o.imageRef),
  };
}

/** What to do about a Trivy failure, by its kind; the output below it shows Trivy's own words. */
const TRIVY_FAILURE_LINE: Record<TrivyFailure, (i: ScanInputs, imageRef: string) => string | undefined> = {
  'db-rate-limit': (i) =>
    `every vulnerability DB repository was rate limited (${i.dbRepositories.join(', ')}); retry later or add a mirror to trivy-db-repository`,
  'db-download': (i) =>
    `no vulnerability DB repository could be read (${i.dbRepositories.join(', ')}); check trivy-db-repository`,
  auth: (i, ref) =>
    `the registry of ${ref} refused Trivy: ${i.username ? 'check' : 'set'} username and password`,
  unreachable: (_i, ref) =>
    `Trivy could not reach the registry of ${ref}; for a plain-HTTP registry set registry-insecure: true`,
  'not-found': (_i, ref) => `${ref} is not in its registry`,
  timeout: (i) => `the scan did not finish within scan-timeout (${i.timeoutSec} s)`,
  other: () => undefined,
};

/** The reason line for a Trivy call that failed: how it ended, and what its kind says to do. */
export function trivyFailure(
  r: { exitCode: number; timedOut: boolean },
  kind: TrivyFailure,
  i: ScanInputs,
  imageRef: string,
): string {
  const ended = `Trivy ${r.timedOut ? 'timed out' : `exited with ${r.exitCode}`}`;
  const hint = TRIVY_FAILURE_LINE[kind](i, imageRef);
  return hint ? `${ended}: ${hint}` : ended;
}

/** Trivy itself failed: no report to judge. */
export function failed(why: string, detail: string, i: ScanInputs, dbRepository: string): StageResult {
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
