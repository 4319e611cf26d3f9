import * as path from 'node:path';
import { log, redact } from '../../report/log';
import { Summary } from '../../report/summary';
import { plural } from '../../text';
import type { StageResult } from '../stage';
import { bakeOutput, type BakeOptions, type BakeStep } from './bake';
import { describeTarget, type Check, type Target, type VerifyReport } from './client';
import { diffContracts, snapshot, type Contract, type ContractDiff } from './contract';
import type { ContractMode, VerifyInputs } from './inputs';

export interface Verdict {
  failedChecks: Check[];
  contract?: Contract;
  diff?: ContractDiff;
  /** Set when the stage fails. */
  failure?: string;
  notes: string[];
}

/** Pure: the checks and the contract diff decide the outcome. */
export function judge(
  report: VerifyReport,
  baseline: Contract | undefined,
  mode: ContractMode,
  baselineName: string,
  /** The baseline is named but not written yet (the first release): a passing run writes it. */
  firstBaseline = false,
): Verdict {
  const failedChecks = report.checks.filter((c) => c.status === 'failed');
  const contract = report.listing ? snapshot(report.listing) : undefined;
  const notes: string[] = [];
  let diff: ContractDiff | undefined;
  if (contract && mode !== 'off') {
    if (baseline) diff = diffContracts(baseline, contract);
    else if (!firstBaseline)
      notes.push(
        `No contract baseline (${baselineName}): the tool contract was recorded but not compared. ` +
          'Write one with `mcp-deploy contract snapshot --url ... > mcp-contract.json` and commit it.',
      );
  }
  const reasons: string[] = [];
  if (failedChecks.length) reasons.push(failedChecks.map((c) => `${c.name} failed: ${c.detail}`).join('; '));
  if (diff?.breaking && mode === 'fail-on-breaking') {
    const first = diff.changes.filter((c) => c.impact === 'breaking').slice(0, 3);
    reasons.push(
      `${plural(diff.breaking, 'breaking contract change')} against ${baselineName}: ${first
        .map((c) => `${c.where}${c.path ? ` ${c.path}` : ''}: ${c.change}`)
        .join('; ')}${diff.breaking > first.length ? '; ...' : ''}`,
    );
  }
  if (contract && mode !== 'off' && firstBaseline)
    notes.push(
      reasons.length
        ? `No contract baseline yet (${baselineName}): not written, because this release failed verify.`
        : `No contract baseline yet: wrote this release's contract to ${baselineName}; commit it, and the next release is compared with it.`,
    );
  return { failedChecks, contract, diff, notes, failure: reasons.length ? reasons.join('; ') : undefined };
}

const ms = (n: number) => (n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`);
const mark = (s: Check['status']) =>
  s === 'passed' ? '✅ passed' : s === 'failed' ? '❌ failed' : '⏭️ skipped';

function verifySummary(
  target: Target,
  why: string,
  report: VerifyReport,
  v: Verdict,
  mode: ContractMode,
): Summary {
  const s = new Summary().heading('Verify');
  s.text(`Target: \`${redact(describeTarget(target))}\` (${why})`);
  s.table(
    ['Check', 'Status', 'Latency', 'Detail'],
    report.checks.map((c) => [
      c.name,
      mark(c.status),
      c.status === 'skipped' ? '' : ms(c.ms),
      redact(c.detail),
    ]),
  );
  if (v.failedChecks.length && report.stderr.trim())
    s.details('server stderr (last lines)', redact(report.stderr.trim().split('\n').slice(-20).join('\n')));
  if (v.contract) {
    const c = v.contract;
    s.text(
      `Contract: ${plural(c.tools.length, 'tool')}, ${plural(c.prompts.length, 'prompt')}, ${plural(
        c.resourceTemplates.length,
        'resource template',
      )} (server ${c.server.name}${c.server.version ? ` ${c.server.version}` : ''}, protocol ${c.protocolVersion}).`,
    );
  }
  if (v.diff) {
    if (!v.diff.changes.length) s.text('No contract changes against the baseline.');
    else {
      s.text(
        `**${plural(v.diff.breaking, 'breaking change')}**, ${plural(v.diff.compatible, 'compatible change')} (contract: ${mode}).`,
      );
      s.table(
        ['Impact', 'Where', 'Path', 'Change', 'Why'],
        [...v.diff.changes]
          .sort((a, b) => (a.impact === b.impact ? 0 : a.impact === 'breaking' ? -1 : 1))
          .map((c) => [
            c.impact === 'breaking' ? '💥 breaking' : 'compatible',
            `\`${c.where}\``,
            c.path ? `\`${c.path}\`` : '',
            c.change,
            c.why,
          ]),
      );
    }
  }
  for (const n of v.notes) s.text(n);
  return s;
}

/** The `bake` output when the checks failed first: no bake ran. */
function notBaked(o: BakeOptions, checksFailed: string | undefined): string {
  const reason =
    o.bakeTimeSec > 0 && checksFailed ? "no bake: verify's checks failed first" : 'bake-time is 0: no bake';
  return bakeOutput(
    { status: 'off', reason, source: 'none', startedAt: Date.now(), elapsedSec: 0, samples: [] },
    o,
  );
}

/** `mcp-command` names `{image}` and this run built none: nothing to start. */
export function noImage(): StageResult {
  return {
    status: 'failure',
    headline: 'no image to start',
    summary: new Summary().heading('Verify').text('mcp-command names `{image}` but this run built no image.'),
    outputs: {},
    failure:
      "input 'mcp-command' uses {image} but no image was built in this run (fix: add build to stages, or name the server's command)",
  };
}

/** Each check as a log line; breaking contract changes and the notes as annotations. */
export function logVerdict(report: VerifyReport, v: Verdict, i: VerifyInputs, workspace: string): void {
  for (const c of report.checks) log.info(`${c.name}: ${c.status} (${ms(c.ms)}) ${c.detail}`);
  for (const c of v.diff?.changes ?? [])
    if (c.impact === 'breaking')
      log.annotate({
        level: i.contract === 'fail-on-breaking' ? 'error' : 'warning',
        title: `breaking MCP contract change: ${c.where}`,
        file: i.baseline ? path.relative(workspace, i.baseline) : undefined,
        message: `${c.path ? `${c.path}: ` : ''}${c.change} (${c.why})`,
      });
  for (const n of v.notes) log.annotate({ level: 'notice', title: 'verify', message: n });
}

/** What one verify did: the target it checked, the server's answers, their verdict and the bake. */
export interface VerifyOutcome {
  target: Target;
  /** Why this target. */
  why: string;
  report: VerifyReport;
  verdict: Verdict;
  /** Undefined when the checks failed first and no bake ran. */
  bake?: BakeStep;
}

/** "3/3 checks, 0 breaking changes, bake passed" */
function headline(o: VerifyOutcome): string {
  const { report, verdict: v, bake } = o;
  const passed = report.checks.filter((c) => c.status === 'passed').length;
  return [
    `${passed}/${report.checks.filter((c) => c.status !== 'skipped').length} checks`,
    v.diff ? plural(v.diff.breaking, 'breaking change') : v.contract ? 'no baseline' : '',
    bake && bake.result.status !== 'off' ? `bake ${bake.result.status}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export function verifyResult(o: VerifyOutcome, i: VerifyInputs): StageResult {
  const { verdict: v, bake } = o;
  const failure = v.failure ?? bake?.failure;
  const summary = verifySummary(o.target, o.why, o.report, v, i.contract);
  if (bake && bake.result.status !== 'off') summary.append(bake.summary);
  return {
    status: failure ? 'failure' : 'success',
    headline: headline(o),
    summary,
    outputs: {
      contract: v.contract ? JSON.stringify(v.contract) : '',
      'contract-diff': v.diff ? JSON.stringify(v.diff) : '',
      'breaking-changes': v.diff ? String(v.diff.breaking) : '',
      bake: bake?.output ?? notBaked(i.bake, v.failure),
    },
    failure: failure && redact(failure),
  };
}
