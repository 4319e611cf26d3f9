import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunContext } from './context';
import { ActionError, errorMessage, InputErrors } from './errors';
import { InputReader, STAGES, type StageName } from './inputs';
import { resolveRun } from './resolved';
import { log, redact } from './report/log';
import { Summary, icon } from './report/summary';
import { STAGE_IMPLS } from './stages';
import { secs } from './text';
import type { Plan, PipelineState, Stage, StageEnv, StageResult } from './stages/stage';

export interface Prepared {
  stages: StageName[];
  env: StageEnv;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  parsed: { name: StageName; impl: Stage<any>; inputs: unknown }[];
}

/**
 * Resolves the values stages share (src/resolved.ts), then reads and validates every input of every
 * selected stage before anything runs, so a typo in a deploy input fails in a second, not after a
 * ten-minute build.
 */
export async function prepare(reader: InputReader, ctx: RunContext): Promise<Prepared> {
  const resolved = resolveRun(reader);
  const stages = resolved.stages;
  const wd = reader.string('working-directory');
  const cwd = path.resolve(ctx.workspace, wd);
  if (!fs.existsSync(cwd) || !fs.statSync(cwd).isDirectory())
    throw new ActionError(
      `directory '${wd}' does not exist (looked at ${cwd})`,
      'working-directory',
      'give the path of the crate relative to the repository root',
    );
  const state: PipelineState = {};
  const env: StageEnv = { ctx, cwd, state, resolved };
  const impls = await Promise.all(stages.map((name) => STAGE_IMPLS[name]()));
  const errors: ActionError[] = [];
  const parsed = stages.map((name, k) => {
    try {
      return { name, impl: impls[k], inputs: impls[k].parse(reader, env) };
    } catch (e) {
      // A stage stops at its first bad input; the other stages still say theirs.
      if (!(e instanceof ActionError)) throw e;
      errors.push(e);
      return { name, impl: impls[k], inputs: undefined };
    }
  });
  if (errors.length > 1) throw new InputErrors(errors);
  if (errors.length) throw errors[0];
  return { stages, env, parsed };
}

export function plan(p: Prepared): { name: StageName; plan: Plan }[] {
  return p.parsed.map(({ name, impl, inputs }) => ({ name, plan: impl.plan(inputs, p.env) }));
}

export interface PipelineResult {
  results: Partial<Record<StageName, StageResult & { durationMs: number }>>;
  summary: Summary;
  outputs: Record<string, string>;
  failure?: string;
}

export async function runPipeline(p: Prepared): Promise<PipelineResult> {
  const results: PipelineResult['results'] = {};
  let failure: string | undefined;
  for (const { name, impl, inputs } of p.parsed) {
    if (failure) break;
    const started = Date.now();
    let r: StageResult;
    try {
      // Not a log group: the runner does not nest groups, and stages fold their own steps.
      log.info(`━━ ${name} ━━`);
      r = await impl.run(inputs, p.env);
    } catch (e) {
      r = crashed(name, errorMessage(e));
    }
    results[name] = { ...r, durationMs: Date.now() - started };
    if (r.status === 'failure') {
      failure = `${name}: ${r.failure ?? 'failed'}`;
      // A failed check after a deploy in the same run undoes that deploy, and deploy's result is
      // replaced by what the undo left: a rolled-out row must not stand next to a rolled-back cluster.
      if (p.env.state.rollback && name !== 'deploy') {
        try {
          const back = await p.env.state.rollback(failure);
          // An undo that did not complete leaves a release nobody wanted running: not a passed row.
          if (results.deploy)
            results.deploy = { ...results.deploy, ...back.result, ...(back.ok ? {} : { status: 'failure' }) };
          failure += `; ${back.message}`;
        } catch (e) {
          failure += `; rollback failed too: ${errorMessage(e)}`;
        }
      }
    }
  }
  const outputs = Object.assign({}, ...Object.values(results).map((r) => r?.outputs ?? {})) as Record<
    string,
    string
  >;
  return { results, summary: pipelineSummary(p, results), outputs, failure };
}

/** Beyond this a table row wraps into a wall of text; the whole message goes in a details block below. */
const MAX_HEADLINE = 160;

/**
 * A stage that threw has no summary of its own: the row says why, so "failed | error" is never all a
 * reader gets. Redacted here: the summary is written to a file and a terminal, not through the log's sink.
 */
function crashed(name: StageName, message: string): StageResult {
  const text = redact(message.trim()) || 'an error without a message';
  const first = text.split('\n')[0];
  const headline = first.length > MAX_HEADLINE ? `${first.slice(0, MAX_HEADLINE - 1)}…` : first;
  const summary = new Summary();
  if (headline !== text) summary.details(`${name}: the whole error`, text);
  return { status: 'failure', headline: `error: ${headline}`, summary, outputs: {}, failure: message };
}

function pipelineSummary(p: Prepared, results: PipelineResult['results']): Summary {
  const s = new Summary().heading('mcp-deploy', 2);
  const c = p.env.ctx;
  s.text(
    `\`${c.ref || '(no ref)'}\` at \`${c.sha.slice(0, 12) || '?'}\` (${c.event} on ${c.platform})${
      c.runUrl ? ` · [run](${c.runUrl})` : ''
    }`,
  );
  s.code(mermaid(p.stages, results), 'mermaid');
  s.table(
    ['Stage', 'Status', 'Result', 'Time'],
    STAGES.filter((n) => p.stages.includes(n)).map((n) => {
      const r = results[n];
      return r ? [n, icon(r.status), r.headline, secs(r.durationMs)] : [n, icon('not run'), '', ''];
    }),
  );
  for (const r of Object.values(results)) if (r) s.append(r.summary);
  return s;
}

export function mermaid(selected: StageName[], results: PipelineResult['results']): string {
  const lines = ['flowchart LR'];
  const cls: Record<string, string[]> = { ok: [], bad: [], skip: [], off: [] };
  for (const n of STAGES) {
    const r = results[n];
    const state = !selected.includes(n)
      ? 'off'
      : !r
        ? 'skip'
        : r.status === 'success'
          ? 'ok'
          : r.status === 'failure'
            ? 'bad'
            : 'skip';
    const label = !selected.includes(n)
      ? `${n}<br/>not selected`
      : r
        ? `${n}<br/>${r.status} · ${secs(r.durationMs)}`
        : `${n}<br/>not run`;
    lines.push(`  ${n}["${label}"]`);
    cls[state].push(n);
  }
  lines.push(`  ${STAGES.join(' --> ')}`);
  lines.push('  classDef ok fill:#d3f9d8,stroke:#2b8a3e', '  classDef bad fill:#ffe3e3,stroke:#c92a2a');
  lines.push(
    '  classDef skip fill:#f1f3f5,stroke:#868e96',
    '  classDef off fill:#fff,stroke:#ced4da,stroke-dasharray:4',
  );
  for (const [k, v] of Object.entries(cls)) if (v.length) lines.push(`  class ${v.join(',')} ${k}`);
  return lines.join('\n');
}
