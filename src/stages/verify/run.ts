import * as fs from 'node:fs';
import * as path from 'node:path';
import { log, redact } from '../../report/log';
import type { StageEnv, StageResult } from '../stage';
import { bakeStep, type BakeStep } from './bake';
import { describeTarget, verifyServer } from './client';
import type { VerifyInputs } from './inputs';
import { buildTarget, chooseTarget, healthHeaders, resolveCommand } from './plan';
import { judge, logVerdict, noImage, verifyResult, type Verdict } from './report';

export async function runVerify(i: VerifyInputs, env: StageEnv): Promise<StageResult> {
  const chosen = chooseTarget(i, env.ctx);
  let argv: string[] | undefined;
  if (chosen.kind === 'stdio') {
    argv = resolveCommand(i.command!, env.state);
    if (!argv) return noImage();
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
  const verdict = judge(report, i.baselineContract, i.contract, baselineName, !!i.firstBaseline);
  writeFirstBaseline(i, verdict);
  logVerdict(report, verdict, i, env.ctx.workspace);

  // The bake only watches a release that answers and keeps its contract; a failed check has decided.
  const bake = verdict.failure ? undefined : await runBakeStep(i, env);
  return verifyResult({ target, why: chosen.why, report, verdict, bake }, i);
}

/** The first release's contract becomes the baseline the input names, when verify passed. */
function writeFirstBaseline(i: VerifyInputs, v: Verdict): void {
  if (!i.firstBaseline || !v.contract || v.failure || i.contract === 'off') return;
  fs.mkdirSync(path.dirname(i.firstBaseline), { recursive: true });
  // The format `mcp-deploy contract snapshot` writes, so either one can be committed.
  fs.writeFileSync(i.firstBaseline, `${JSON.stringify(v.contract, null, 2)}\n`);
}

/** The bake, with what the run knows: the endpoint for bake traffic and when deploy started the rollout. */
async function runBakeStep(i: VerifyInputs, env: StageEnv): Promise<BakeStep> {
  return bakeStep(i.bake, {
    mcp: i.url ? { url: i.url, headers: i.headers, smoke: i.smoke } : undefined,
    rolloutStartedAt: env.state.rolloutStartedAt,
  });
}
