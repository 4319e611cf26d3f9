import * as fs from 'node:fs';
import * as path from 'node:path';
import { exec, quote, type ExecResult } from '../../exec';
import { log } from '../../report/log';
import { fsLocator, type Locator } from '../../report/locator';
import { plural } from '../../text';
import { ActionError, errorMessage } from '../../errors';
import { ensureTool } from '../../tools';
import {
  CARGO_ENV,
  classifyCargo,
  parseCargoTest,
  parseClippy,
  parseFmt,
  parseToolchainList,
  toolchainListArgv,
  versionArgv,
} from '../../tools/cargo';
import { auditEnv, classifyAudit, type AuditFinding } from '../../tools/cargo-audit';
import type { StageEnv, StageResult } from '../stage';
import { GATES, type Gate, type GatesInputs } from './inputs';
import { gateCommand, gateLanes } from './plan';
import {
  auditAnnotations,
  auditFindings,
  cargoNote,
  gatesResult,
  logOutcomes,
  outcomeLine,
  testAnnotations,
  testFindings,
  type GateOutcome,
} from './report';

/** What a gate's run says, read by the gate's own parser. */
interface GateRun {
  gate: Gate;
  r: ExecResult;
  i: GatesInputs;
  loc: Locator;
  cwd: string;
}

const base = ({ gate, r }: GateRun) => ({ gate, durationMs: r.durationMs, result: r, failingTests: [] });

function interpretFmt(run: GateRun): GateOutcome {
  const { r, loc } = run;
  const annotations = parseFmt(r.stdout, loc);
  const failed = r.exitCode !== 0;
  return {
    ...base(run),
    status: failed ? 'failed' : 'passed',
    findings: plural(annotations.length, 'unformatted hunk'),
    annotations,
    note: failed && !annotations.length ? cargoNote(r) : undefined,
  };
}

function interpretClippy(run: GateRun): GateOutcome {
  const { r, loc } = run;
  const c = parseClippy(r.stdout, loc);
  return {
    ...base(run),
    status: r.exitCode !== 0 || c.errors > 0 ? 'failed' : 'passed',
    findings: `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}`,
    annotations: c.annotations,
    note: r.exitCode !== 0 && !c.annotations.length ? cargoNote(r) : undefined,
  };
}

function interpretTest(run: GateRun): GateOutcome {
  const { r, loc } = run;
  const t = parseCargoTest(`${r.stdout}\n${r.stderr}`);
  const failed = r.exitCode !== 0;
  const none = t.ran && t.passed + t.failed + t.ignored === 0;
  return {
    ...base(run),
    status: failed ? 'failed' : 'passed',
    findings: testFindings(t),
    // A crate without tests still passes: a new server often has none yet, and failing it would push
    // people to turn the gate off. But it is said, so a green check is not read as "tested".
    caveat:
      none && !failed
        ? 'cargo test ran 0 tests: the crate has no #[test] functions or doc tests, so nothing was tested'
        : undefined,
    annotations: testAnnotations(t.failures, loc),
    failingTests: t.failures.map((f) => f.name),
    note: failed && !t.failures.length ? cargoNote(r) : undefined,
  };
}

function interpretAudit(run: GateRun): GateOutcome {
  const { r, i, loc, cwd } = run;
  const audit = classifyAudit(r);
  if (audit.kind !== 'report')
    return { ...base(run), status: 'failed', findings: 'no report', annotations: [], note: audit.detail };
  const lockPath = path.resolve(cwd, i.lockfile);
  const lock = fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : '';
  const relevant = audit.findings.filter((f) => !i.auditIgnore.includes(f.id));
  const fails = (f: AuditFinding) => f.kind === 'vulnerability' || (i.auditDeny as string[]).includes(f.kind);
  return {
    ...base(run),
    status: relevant.some(fails) ? 'failed' : 'passed',
    findings: auditFindings(relevant),
    annotations: auditAnnotations(relevant, fails, { path: lockPath, text: lock }, loc),
  };
}

const INTERPRET: Record<Gate, (run: GateRun) => GateOutcome> = {
  fmt: interpretFmt,
  clippy: interpretClippy,
  test: interpretTest,
  audit: interpretAudit,
};

function skipped(gate: Gate, why: string): GateOutcome {
  return { gate, status: 'skipped', findings: why, durationMs: 0, annotations: [], failingTests: [] };
}

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
  const list = await exec(toolchainListArgv(), { echo: false }).catch(() => undefined);
  const installed = list?.exitCode === 0 ? parseToolchainList(list.stdout) : [];
  throw new ActionError(
    `cargo +${toolchain} does not run: ${cause}`,
    'toolchain',
    `fix the name${installed.length ? ` (installed: ${installed.join(', ')})` : ''}, or install it first with rustup toolchain install ${toolchain}`,
  );
}

/** The environment a gate's command runs in; for audit, a failed outcome when cargo-audit cannot be had. */
async function gateEnv(
  gate: Gate,
  i: GatesInputs,
): Promise<{ env: Record<string, string> } | { failed: GateOutcome }> {
  if (gate !== 'audit') return { env: CARGO_ENV };
  try {
    // The pinned, verified cargo-audit, or the one on PATH at that version.
    return { env: { ...CARGO_ENV, ...auditEnv(await ensureTool('cargo-audit', { mirror: i.toolsMirror })) } };
  } catch (e) {
    const note = `${errorMessage(e)}\n(or set input 'audit' to false)`;
    return { failed: { ...skipped(gate, 'cargo-audit not installed'), status: 'failed', note } };
  }
}

async function runGate(gate: Gate, i: GatesInputs, env: StageEnv, loc: Locator): Promise<GateOutcome> {
  const e = await gateEnv(gate, i);
  if ('failed' in e) return e.failed;
  const argv = gateCommand(gate, i);
  log.info(`▶ ${gate}: ${quote(argv)}`);
  const r = await exec(argv, { cwd: env.cwd, env: e.env, echo: false });
  const o = INTERPRET[gate]({ gate, r, i, loc, cwd: env.cwd });
  log.info(outcomeLine(o));
  if (o.caveat) log.warning(`${gate}: ${o.caveat}`);
  return o;
}

/** Runs the lanes side by side; with fail-fast, a failed gate skips every gate not yet started. */
async function runLanes(i: GatesInputs, env: StageEnv, loc: Locator): Promise<Map<Gate, GateOutcome>> {
  let stop = false;
  const outcomes = new Map<Gate, GateOutcome>();
  const runLane = async (lane: Gate[]) => {
    for (const gate of lane) {
      const o = stop ? skipped(gate, 'skipped (fail-fast)') : await runGate(gate, i, env, loc);
      outcomes.set(gate, o);
      if (o.status === 'failed' && i.failFast) stop = true;
    }
  };
  await Promise.all(gateLanes(i).map(runLane));
  return outcomes;
}

export async function runGates(i: GatesInputs, env: StageEnv): Promise<StageResult> {
  await checkToolchain(i.toolchain, env.cwd);
  const loc = fsLocator(env.ctx.workspace, env.cwd);
  const started = Date.now();
  const outcomes = await runLanes(i, env, loc);
  const wallMs = Date.now() - started;
  const ordered = GATES.map((g) => outcomes.get(g)).filter((o): o is GateOutcome => o !== undefined);
  await logOutcomes(ordered);
  return gatesResult(ordered, wallMs);
}
