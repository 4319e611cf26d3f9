import * as fs from 'node:fs';
import * as path from 'node:path';
import { log, redact } from '../../report/log';
import { Summary } from '../../report/summary';
import { plural } from '../../text';
import type { StageEnv, StageResult } from '../stage';
import { bakeOutput, bakeStep, type BakeOptions, type BakeStep } from './bake';
import { describeTarget, verifyServer, type Check, type Target, type VerifyReport } from './client';
import { diffContracts, snapshot, type Contract, type ContractDiff } from './contract';
import type { ContractMode, VerifyInputs } from './inputs';
import { buildTarget, chooseTarget, healthHeaders, resolveCommand } from './plan';

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

export function verifySummary(
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

export async function runVerify(i: VerifyInputs, env: StageEnv): Promise<StageResult> {
  const chosen = chooseTarget(i, env.ctx);
  let argv: string[] | undefined;
  if (chosen.kind === 'stdio') {
    argv = resolveCommand(i.command!, env.state);
    if (!argv)
      return {
        status: 'failure',
        headline: 'no image to start',
        summary: new Summary()
          .heading('Verify')
          .text('mcp-command names `{image}` but this run built no image.'),
        outputs: {},
        failure:
          "input 'mcp-command' uses {image} but no image was built in this run (fix: add build to stages, or name the server's command)",
      };
  }
  const target = buildTarget(i, chosen, env.cwd, argv);
  log.info(`verifying ${redact(describeTarget(target))} (${chosen.why}) within ${i.timeoutSec}s`);
  const report = await verifyServer({
    target,
    healthUrl: i.healthUrl,
    healthHeaders: healthHeaders(i),
    smoke: i.smoke,
    timeoutMs: i.timeoutSec * 1000,
  });
  const named = i.baseline ?? i.firstBaseline;
  const baselineName = named ? path.relative(env.ctx.workspace, named) || named : 'mcp-contract.json';
  const v = judge(report, i.baselineContract, i.contract, baselineName, !!i.firstBaseline);
  if (i.firstBaseline && v.contract && !v.failure && i.contract !== 'off') {
    fs.mkdirSync(path.dirname(i.firstBaseline), { recursive: true });
    // The format `mcp-deploy contract snapshot` writes, so either one can be committed.
    fs.writeFileSync(i.firstBaseline, `${JSON.stringify(v.contract, null, 2)}\n`);
  }
  for (const c of report.checks) log.info(`${c.name}: ${c.status} (${ms(c.ms)}) ${c.detail}`);
  for (const c of v.diff?.changes ?? [])
    if (c.impact === 'breaking')
      log.annotate({
        level: i.contract === 'fail-on-breaking' ? 'error' : 'warning',
        title: `breaking MCP contract change: ${c.where}`,
        file: i.baseline ? path.relative(env.ctx.workspace, i.baseline) : undefined,
        message: `${c.path ? `${c.path}: ` : ''}${c.change} (${c.why})`,
      });
  for (const n of v.notes) log.annotate({ level: 'notice', title: 'verify', message: n });

  // The bake only watches a release that answers and keeps its contract; a failed check has decided.
  const bake = v.failure ? undefined : await runBakeStep(i, env);
  const failure = v.failure ?? bake?.failure;
  const passed = report.checks.filter((c) => c.status === 'passed').length;
  const headline = [
    `${passed}/${report.checks.filter((c) => c.status !== 'skipped').length} checks`,
    v.diff ? plural(v.diff.breaking, 'breaking change') : v.contract ? 'no baseline' : '',
    bake && bake.result.status !== 'off' ? `bake ${bake.result.status}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const summary = verifySummary(target, chosen.why, report, v, i.contract);
  if (bake && bake.result.status !== 'off') summary.append(bake.summary);
  return {
    status: failure ? 'failure' : 'success',
    headline,
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

/** The bake, with what the run knows: the endpoint for bake traffic and when deploy started the rollout. */
async function runBakeStep(i: VerifyInputs, env: StageEnv): Promise<BakeStep> {
  return bakeStep(i.bake, {
    mcp: i.url ? { url: i.url, headers: i.headers, smoke: i.smoke } : undefined,
    rolloutStartedAt: env.state.rolloutStartedAt,
  });
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
