import * as fs from 'node:fs';
import * as path from 'node:path';
import { exec, quote, type ExecResult } from '../../exec';
import { log, type Annotation } from '../../report/log';
import { Summary, cell } from '../../report/summary';
import { plural, secs } from '../../text';
import { ActionError, errorMessage } from '../../errors';
import { ensureTool } from '../../tools';
import type { StageEnv, StageResult } from '../stage';
import { fsLocator, type Locator } from '../../report/locator';
import {
  CARGO_ENV,
  TOOLCHAIN_LIST_ARGV,
  classifyCargo,
  lockfileLine,
  parseCargoTest,
  parseClippy,
  parseFmt,
  parseToolchainList,
  versionArgv,
} from '../../tools/cargo';
import { auditEnv, classifyAudit, type AuditFinding } from '../../tools/cargo-audit';
import { gateCommand, gateLanes, type Gate, type GatesInputs } from './plan';

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

function interpret(gate: Gate, r: ExecResult, i: GatesInputs, loc: Locator, cwd: string): GateOutcome {
  const base = { gate, durationMs: r.durationMs, result: r, failingTests: [] as string[] };
  switch (gate) {
    case 'fmt': {
      const annotations = parseFmt(r.stdout, loc);
      const failed = r.exitCode !== 0;
      return {
        ...base,
        status: failed ? 'failed' : 'passed',
        findings: plural(annotations.length, 'unformatted hunk'),
        annotations,
        note: failed && !annotations.length ? classifyCargo(r)?.detail : undefined,
      };
    }
    case 'clippy': {
      const c = parseClippy(r.stdout, loc);
      return {
        ...base,
        status: r.exitCode !== 0 || c.errors > 0 ? 'failed' : 'passed',
        findings: `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}`,
        annotations: c.annotations,
        note: r.exitCode !== 0 && !c.annotations.length ? classifyCargo(r)?.detail : undefined,
      };
    }
    case 'test': {
      const t = parseCargoTest(`${r.stdout}\n${r.stderr}`);
      const annotations: Annotation[] = t.failures.map((f) => {
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
      const failed = r.exitCode !== 0;
      const none = t.ran && t.passed + t.failed + t.ignored === 0;
      return {
        ...base,
        status: failed ? 'failed' : 'passed',
        findings: none
          ? '0 tests'
          : t.ran
            ? `${t.passed} passed, ${t.failed} failed${t.ignored ? `, ${t.ignored} ignored` : ''}`
            : 'did not run',
        // A crate without tests still passes: a new server often has none yet, and failing it would push
        // people to turn the gate off. But it is said, so a green check is not read as "tested".
        caveat:
          none && !failed
            ? 'cargo test ran 0 tests: the crate has no #[test] functions or doc tests, so nothing was tested'
            : undefined,
        annotations,
        failingTests: t.failures.map((f) => f.name),
        note: failed && !t.failures.length ? classifyCargo(r)?.detail : undefined,
      };
    }
    case 'audit': {
      const audit = classifyAudit(r);
      if (audit.kind !== 'report')
        return { ...base, status: 'failed', findings: 'no report', annotations: [], note: audit.detail };
      const { findings } = audit;
      const lockPath = path.join(cwd, 'Cargo.lock');
      const lock = fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : '';
      const relevant = findings.filter((f) => !i.auditIgnore.includes(f.id));
      const fails = (f: AuditFinding) =>
        f.kind === 'vulnerability' || (i.auditDeny as string[]).includes(f.kind);
      const annotations: Annotation[] = relevant.map((f) => ({
        level: fails(f) ? 'error' : 'warning',
        title: `${f.id}: ${f.package} ${f.version}`,
        file: lock ? loc.relative(lockPath) : undefined,
        line: lock ? lockfileLine(lock, f.package, f.version) : undefined,
        message: `${f.title}${f.patched.length ? ` (patched: ${f.patched.join(', ')})` : ''}${f.url ? `\n${f.url}` : ''}`,
      }));
      const denied = relevant.filter(fails).length;
      return {
        ...base,
        status: denied ? 'failed' : 'passed',
        findings:
          `${plural(relevant.filter((f) => f.kind === 'vulnerability').length, 'vulnerability')}, ${plural(
            relevant.filter((f) => f.kind !== 'vulnerability').length,
            'warning',
          )}`.replace('vulnerabilitys', 'vulnerabilities'),
        annotations,
      };
    }
  }
}

function skipped(gate: Gate, why: string): GateOutcome {
  return { gate, status: 'skipped', findings: why, durationMs: 0, annotations: [], failingTests: [] };
}

/** Beyond this the job summary gets long to read and slow to render; the log keeps every finding. */
const MAX_FINDING_ROWS = 100;

/**
 * A misspelt toolchain fails every gate with the same rustup error, which the gates' one-line failure
 * hides: ask rustup first and put its reason, and the toolchains it has, in the error.
 */
export async function checkToolchain(toolchain: string, cwd: string): Promise<void> {
  if (!toolchain) return;
  const r = await exec(versionArgv(toolchain), { cwd, env: { RUST_BACKTRACE: '0' }, echo: false });
  const failure = classifyCargo(r);
  if (!failure) return;
  const cause = failure.cause ?? `cargo +${toolchain} exited with ${r.exitCode}`;
  const list = await exec(TOOLCHAIN_LIST_ARGV, { echo: false }).catch(() => undefined);
  const installed = list?.exitCode === 0 ? parseToolchainList(list.stdout) : [];
  throw new ActionError(
    `cargo +${toolchain} does not run: ${cause}`,
    'toolchain',
    `fix the name${installed.length ? ` (installed: ${installed.join(', ')})` : ''}, or install it first with rustup toolchain install ${toolchain}`,
  );
}

export async function runGates(i: GatesInputs, env: StageEnv): Promise<StageResult> {
  await checkToolchain(i.toolchain, env.cwd);
  const loc = fsLocator(env.ctx.workspace, env.cwd);
  let stop = false;
  const outcomes = new Map<Gate, GateOutcome>();
  const started = Date.now();

  const runLane = async (lane: Gate[]) => {
    for (const gate of lane) {
      if (stop) {
        outcomes.set(gate, skipped(gate, 'skipped (fail-fast)'));
        continue;
      }
      let gateEnv: Record<string, string> = CARGO_ENV;
      if (gate === 'audit') {
        try {
          // The pinned, verified cargo-audit, or the one on PATH at that version.
          gateEnv = { ...CARGO_ENV, ...auditEnv(await ensureTool('cargo-audit', { mirror: i.toolsMirror })) };
        } catch (e) {
          outcomes.set(gate, {
            ...skipped(gate, 'cargo-audit not installed'),
            status: 'failed',
            note: `${errorMessage(e)}\n(or set input 'audit' to false)`,
          });
          stop ||= i.failFast;
          continue;
        }
      }
      const argv = gateCommand(gate, i);
      log.info(`▶ ${gate}: ${quote(argv)}`);
      const r = await exec(argv, { cwd: env.cwd, env: gateEnv, echo: false });
      const o = interpret(gate, r, i, loc, env.cwd);
      log.info(
        `${o.status === 'passed' ? '✓' : '✗'} ${gate} ${o.status} in ${secs(o.durationMs)}: ${o.findings}`,
      );
      if (o.caveat) log.warning(`${gate}: ${o.caveat}`);
      outcomes.set(gate, o);
      if (o.status === 'failed' && i.failFast) stop = true;
    }
  };
  const lanes = gateLanes(i);
  await Promise.all(lanes.map(runLane));
  const wallMs = Date.now() - started;

  const ordered = (['fmt', 'clippy', 'test', 'audit'] as Gate[])
    .map((g) => outcomes.get(g))
    .filter((o): o is GateOutcome => o !== undefined);
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

  const failed = ordered.filter((o) => o.status === 'failed');
  const summary = new Summary().heading('Gates').table(
    ['Gate', 'Status', 'Findings', 'Time'],
    ordered.map((o) => [o.gate, icon(o.status), o.findings, secs(o.durationMs)]),
  );
  const failingTests = ordered.flatMap((o) => o.failingTests);
  if (failingTests.length)
    summary.text(`**Failing tests**\n\n${failingTests.map((t) => `- \`${cell(t)}\``).join('\n')}`);
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
  for (const o of ordered) if (o.caveat) summary.text(`⚠️ ${o.gate}: ${o.caveat}.`);
  for (const o of ordered) if (o.note) summary.details(`${o.gate}: why it failed`, o.note);
  // Not "time saved": each gate's own time is measured while the others compete for the same cores and
  // target/, so their sum says nothing about how long they would take one after another.
  summary.text(`The gates ran side by side in ${secs(wallMs)} (wall time).`);

  return {
    status: failed.length ? 'failure' : 'success',
    headline: failed.length
      ? `${plural(failed.length, 'gate')} failed: ${failed.map((o) => o.gate).join(', ')}`
      : `${plural(ordered.length, 'gate')} passed`,
    summary,
    outputs: {
      gates: JSON.stringify(
        Object.fromEntries(
          ordered.map((o) => [o.gate, { status: o.status, findings: o.findings, ms: o.durationMs }]),
        ),
      ),
      'failing-tests': failingTests.join('\n'),
    },
    failure: failed.length
      ? `gates failed: ${failed.map((o) => `${o.gate} (${o.findings})`).join('; ')}`
      : undefined,
  };
}

export function icon(status: string): string {
  return status === 'passed' || status === 'success'
    ? '✅ passed'
    : status === 'failed' || status === 'failure'
      ? '❌ failed'
      : `⏭️ ${status}`;
}
