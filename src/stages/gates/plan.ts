import { clippyArgv, fmtCheckArgv, testArgv, type Scope } from '../../tools/cargo';
import { auditArgv } from '../../tools/cargo-audit';
import type { Plan } from '../stage';
import type { Gate, GatesInputs } from './inputs';

export function describeScope(s: Scope): string {
  return s.kind === 'workspace' ? 'every workspace member' : `package ${s.name}`;
}

export function gateCommand(gate: Gate, i: GatesInputs): string[] {
  switch (gate) {
    case 'fmt':
      return fmtCheckArgv(i);
    case 'clippy':
      return clippyArgv(i, i.clippyArgs);
    case 'test':
      return testArgv(i, i.testArgs);
    case 'audit':
      return auditArgv(i.lockfile, i.auditIgnore);
  }
}

/**
 * Gates that run one after another, lane by lane; the lanes run side by side. fmt and audit read only
 * sources and Cargo.lock. clippy and test share target/, but cargo's own lock on it serializes whatever
 * must not build at once, so on a warm target/ the test run overlaps clippy's diagnostics replay. With
 * fail-fast a failing clippy must stop the tests from starting, so there clippy goes first.
 */
export function gateLanes(i: GatesInputs): Gate[][] {
  const others: Gate[] = i.audit ? ['fmt', 'audit'] : ['fmt'];
  return i.failFast ? [['clippy', 'test'], others] : [['clippy'], ['test'], others];
}

/** Stage.plan: every gate's command, in its lane, and the values that decide them. */
export function planGates(i: GatesInputs): Plan {
  const lanes = gateLanes(i);
  return {
    commands: lanes.flatMap((lane, n) =>
      lane.map((g, k) => ({
        argv: gateCommand(g, i),
        why: `${g}: lane ${n + 1} of ${lanes.length}${k ? `, after ${lane[k - 1]}` : ''} (lanes run side by side)`,
      })),
    ),
    values: {
      scope: describeScope(i.scope),
      'fail-fast': String(i.failFast),
      'audit-ignore': i.auditIgnore.join(', ') || '(none)',
    },
  };
}
