import { quote, type ExecResult } from '../../exec';
import { log, type Annotation } from '../../report/log';
import type { Locator } from '../../report/locator';
import { Summary, cell, icon } from '../../report/summary';
import { plural, secs } from '../../text';
import { classifyCargo, lockfileLine, type CargoFailureKind, type TestResult } from '../../tools/cargo';
import type { AuditFinding } from '../../tools/cargo-audit';
import type { StageResult } from '../stage';
import type { Gate } from './inputs';

export interface GateOutcome {
  gate: Gate;
  status: 'passed' | 'failed' | 'skipped';
  /** "3 hunks", "2 errors, 1 warning", "12 passed, 1 failed" ... */
  findings: string;
  durationMs: number;
  annotations: Annotation[];
  failingTests: string[];
  result?: ExecResult;
  /** Why a gate failed without findings of its own (a compile error, a missing tool). */
  note?: string;
  /** Something a reader should know about a gate that passed (it tested nothing). */
  caveat?: string;
}

/** Beyond this the job summary gets long to read and slow to render; the log keeps every finding. */
const MAX_FINDING_ROWS = 100;

/** The kinds of cargo failure a reader can act on without reading the whole output. */
const CARGO_FAILURE_LINE: Partial<Record<CargoFailureKind, string>> = {
  toolchain:
    'rustup lacks the toolchain or a component: install it (rustup toolchain install, rustup component add) or change the toolchain input',
  network:
    'cargo could not download a dependency: the runner cannot reach the crate registry or git host (vendor the sources, or set a reachable registry mirror)',
  compile: 'the crate does not compile',
};

/** Why a cargo gate failed without findings of its own: what kind of failure, then where cargo stopped. */
export function cargoNote(r: ExecResult): string | undefined {
  const f = classifyCargo(r);
  return f && [CARGO_FAILURE_LINE[f.kind], f.detail].filter(Boolean).join('\n');
}

/** The log line as each gate ends. */
export function outcomeLine(o: GateOutcome): string {
  return `${o.status === 'passed' ? '✓' : '✗'} ${o.gate} ${o.status} in ${secs(o.durationMs)}: ${o.findings}`;
}

/** One folded group per gate, with its command and output, then its annotations. */
export async function logOutcomes(ordered: GateOutcome[]): Promise<void> {
  for (const o of ordered) {
    await log.group(`${o.gate}: ${o.status} (${o.findings})`, async () => {
      if (o.result) {
        log.info(`$ ${quote(o.result.argv)}`);
        const out = o.gate === 'clippy' ? o.result.stderr : `${o.result.stdout}${o.result.stderr}`;
        // In a terminal nothing folds: a passing gate's output would only bury the failing ones.
        if (out.trim() && (log.folds() || o.status !== 'passed')) log.info(out.trimEnd());
      }
      if (o.note) log.info(o.note);
    });
    for (const a of o.annotations) log.annotate(a);
  }
}

function findingsTable(summary: Summary, ordered: GateOutcome[]): void {
  // The runner shows at most 10 annotations of each level per step: the summary lists every finding.
  const findings = ordered.flatMap((o) => o.annotations.map((a) => ({ gate: o.gate, a })));
  if (findings.length)
    summary.text('**Findings**').table(
      ['Gate', 'Where', 'What', 'Level'],
      findings
        .slice(0, MAX_FINDING_ROWS)
        .map(({ gate, a }) => [
          gate,
          a.file ? `\`${a.file}${a.line ? `:${a.line}` : ''}\`` : '',
          `${a.title ?? ''}${a.title ? ': ' : ''}${a.message.split('\n')[0].replace(/^(error|warning)(\[\w+\])?: /, '')}`,
          a.level,
        ]),
    );
  if (findings.length > MAX_FINDING_ROWS)
    summary.text(`… and ${findings.length - MAX_FINDING_ROWS} more findings in the log.`);
}

export function gatesSummary(ordered: GateOutcome[], wallMs: number): Summary {
  const summary = new Summary().heading('Gates').table(
    ['Gate', 'Status', 'Findings', 'Time'],
    ordered.map((o) => [o.gate, icon(o.status), o.findings, secs(o.durationMs)]),
  );
  const failingTests = ordered.flatMap((o) => o.failingTests);
  if (failingTests.length)
    summary.text(`**Failing tests**\n\n${failingTests.map((t) => `- \`${cell(t)}\``).join('\n')}`);
  findingsTable(summary, ordered);
  for (const o of ordered) if (o.caveat) summary.text(`⚠️ ${o.gate}: ${o.caveat}.`);
  for (const o of ordered) if (o.note) summary.details(`${o.gate}: why it failed`, o.note);
  // Not "time saved": each gate's own time is measured while the others compete for the same cores and
  // target/, so their sum says nothing about how long they would take one after another.
  summary.text(`The gates ran side by side in ${secs(wallMs)} (wall time).`);
  return summary;
}

/** The stage's result: status, headline, summary, the `gates` and `failing-tests` outputs, the failure line. */
export function gatesResult(ordered: GateOutcome[], wallMs: number): StageResult {
  const failed = ordered.filter((o) => o.status === 'failed');
  return {
    status: failed.length ? 'failure' : 'success',
    headline: failed.length
      ? `${plural(failed.length, 'gate')} failed: ${failed.map((o) => o.gate).join(', ')}`
      : `${plural(ordered.length, 'gate')} passed`,
    summary: gatesSummary(ordered, wallMs),
    outputs: {
      gates: JSON.stringify(
        Object.fromEntries(
          ordered.map((o) => [o.gate, { status: o.status, findings: o.findings, ms: o.durationMs }]),
        ),
      ),
      'failing-tests': ordered.flatMap((o) => o.failingTests).join('\n'),
    },
    failure: failed.length
      ? `gates failed: ${failed.map((o) => `${o.gate} (${o.findings})`).join('; ')}`
      : undefined,
  };
}

/** A failing test, annotated where it panicked. */
export function testAnnotations(failures: TestResult['failures'], loc: Locator): Annotation[] {
  return failures.map((f) => {
    const abs = f.file ? loc.resolve(f.file) : undefined;
    return {
      level: 'error',
      title: `test failed: ${f.name}`,
      file: abs ? loc.relative(abs) : f.file,
      line: f.line,
      col: f.col,
      message: f.message || `${f.name} failed`,
    };
  });
}

/** An advisory, annotated on the Cargo.lock line that pins the package: an error when it fails the gate. */
export function auditAnnotations(
  findings: AuditFinding[],
  fails: (f: AuditFinding) => boolean,
  lockfile: { path: string; text: string },
  loc: Locator,
): Annotation[] {
  const { path: lockPath, text: lock } = lockfile;
  return findings.map((f) => ({
    level: fails(f) ? 'error' : 'warning',
    title: `${f.id}: ${f.package} ${f.version}`,
    file: lock ? loc.relative(lockPath) : undefined,
    line: lock ? lockfileLine(lock, f.package, f.version) : undefined,
    message: `${f.title}${f.patched.length ? ` (patched: ${f.patched.join(', ')})` : ''}${f.url ? `\n${f.url}` : ''}`,
  }));
}

/** "1 vulnerability, 2 warnings". */
export function auditFindings(findings: AuditFinding[]): string {
  return `${plural(findings.filter((f) => f.kind === 'vulnerability').length, 'vulnerability')}, ${plural(
    findings.filter((f) => f.kind !== 'vulnerability').length,
    'warning',
  )}`.replace('vulnerabilitys', 'vulnerabilities');
}

/** "12 passed, 1 failed, 2 ignored", "0 tests", or "did not run" when no test binary reported. */
export function testFindings(t: TestResult): string {
  if (t.ran && t.passed + t.failed + t.ignored === 0) return '0 tests';
  return t.ran
    ? `${t.passed} passed, ${t.failed} failed${t.ignored ? `, ${t.ignored} ignored` : ''}`
    : 'did not run';
}
