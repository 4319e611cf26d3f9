import * as path from 'node:path';
import { ActionError } from '../../errors';
import { quote } from '../../exec';
import type { LintOutcome } from '../../lint';
import { Summary } from '../../report/summary';
import type { ProvenanceCheck, Verified } from '../../signing';
import { secs } from '../../text';
import {
  classifyKubectl,
  kc,
  type ContainerProblem,
  type DeploymentState,
  type EventRow,
  type Kubectl,
  type PodState,
  type RolloutStatus,
} from '../../tools/kubectl';
import type { StageResult } from '../stage';
import type { DeploymentRecord } from './github';
import type { DeployInputs } from './inputs';

/**
 * Deploy's headline, summary rows and tables, failure lines and the errors that name an input, from
 * what the targets went through.
 */

/** A deployment this run changes, and what happened to it: run.ts fills it in, the report reads it. */
export interface Target {
  name: string;
  namespace: string;
  container: string;
  before?: DeploymentState;
  after?: DeploymentState;
  /** This run changed its pod template: only then may it be undone. */
  changed: boolean;
  /**
   * Its change was on the way when the API server stopped answering: it may or may not have been made.
   * Cleared once the server is seen again and its revision tells.
   */
  applying?: boolean;
  /** ReplicaSets that had pods before the change: their pods are not the rollout's. */
  ownersBefore?: Set<string>;
  status?: RolloutStatus;
  waitMs: number;
  diagnostics?: Diagnostics;
  /** `cutOff`: the API server stopped answering during the undo, so the revision it left is not known. */
  rollback?: { to: number; now?: number; ok: boolean; cutOff?: boolean; message: string };
}

export interface Diagnostics {
  reasons: string[];
  pods: PodState[];
  problems: ContainerProblem[];
  events: EventRow[];
  logs: { title: string; text: string }[];
}

/**
 * Deploy's headline, summary and outputs from what the targets went through. Built again after a later
 * stage's failure undid the deploy (`undoneFor`), so that they say what runs now.
 */
export function deployReport(
  i: DeployInputs,
  ref: string,
  targets: Target[],
  lintSummary: Summary,
  gh?: DeploymentRecord,
  undoneFor?: string,
): Pick<StageResult, 'headline' | 'summary' | 'outputs'> {
  const failed = targets.filter((t) => !t.status?.done);
  const rolledBack = allRolledBack(targets);
  const perTarget = (f: (t: Target) => number | undefined) =>
    targets.length === 1
      ? String(f(targets[0]) ?? '')
      : targets.map((t) => `${t.name}=${f(t) ?? ''}`).join('\n');
  const n = `${targets.length} deployment${targets.length === 1 ? '' : 's'}`;
  return {
    headline: failed.length
      ? `${failed.map((t) => `${t.name}: ${t.diagnostics?.reasons[0] ?? t.status?.reason}`).join(', ')}${rolledBack ? ', rolled back' : ''}`
      : undoneFor
        ? `${n} ${rolledBack ? 'rolled back' : 'NOT rolled back'} after ${undoneFor.split(':')[0]} failed`
        : `${n} on ${shortImage(ref)}`,
    summary: deploySummary(i, ref, targets, gh, undoneFor).append(lintSummary),
    outputs: {
      revision: perTarget((t) => (t.rollback?.cutOff ? undefined : (t.rollback?.now ?? t.after?.revision))),
      'previous-revision': perTarget((t) => t.before?.revision),
      'rolled-back': String(rolledBack),
    },
  };
}

/**
 * Whether the deploy was undone: some deployment was rolled back and every undo that was started
 * completed. An undo cut off half way makes this false, whatever the others did.
 */
export function allRolledBack(targets: Target[]): boolean {
  const back = targets.filter((t) => t.rollback);
  return back.length > 0 && back.every((t) => t.rollback!.ok);
}

const fromRevision = (t: Target) =>
  t.before?.revision !== undefined ? `${t.name} from revision ${t.before.revision}` : `${t.name} (new)`;

/** What this run changed in the cluster, for when it can no longer see it: "`kubectl set image` ...". */
export function applied(i: DeployInputs, ref: string, targets: Target[]): string {
  const from = targets
    .filter((t) => t.changed)
    .map(fromRevision)
    .join(', ');
  return `${i.strategy === 'set-image' ? '`kubectl set image`' : '`kubectl apply` of the manifests'} with ${shortImage(ref)} (${from})`;
}

/**
 * What an apply cut off by a lost API server may have changed. One `kubectl apply` sends object after
 * object, so the server may hold any part of it; `set image` goes deployment by deployment.
 */
export function appliedSoFar(i: DeployInputs, ref: string, targets: Target[]): string {
  if (i.strategy !== 'set-image')
    return `the server may have applied some of the manifests' objects and not others (\`kubectl apply\` with ${shortImage(ref)}: ${targets.map(fromRevision).join(', ')})`;
  const parts = [
    ['already changed', targets.filter((t) => t.changed && !t.applying)],
    ['perhaps changed', targets.filter((t) => t.applying)],
    ['not changed', targets.filter((t) => !t.changed)],
  ] as const;
  return `\`kubectl set image\` with ${shortImage(ref)}: ${parts
    .filter(([, ts]) => ts.length)
    .map(
      ([what, ts]) => `${what}: ${ts.map(what === 'not changed' ? (t) => t.name : fromRevision).join(', ')}`,
    )
    .join('; ')}`;
}

/** kubectl as a person runs it, with their own kubeconfig: this run's copy is gone by then. */
const byHand = (i: DeployInputs): Kubectl => ({
  bin: 'kubectl',
  context: i.kubeconfigInfo?.context || i.context,
});

/**
 * The API server stopped answering during the undo of `t` (`sent`: the undo reached it, its rollout was
 * not seen through): the rollback message, with the commands that check and finish it.
 */
export function undoCutOff(i: DeployInputs, t: Target, what: string, sent: boolean): string {
  const by = byHand(i);
  return (
    `undo did not complete: the API server stopped answering ${sent ? 'while the undo rolled out' : 'during `kubectl rollout undo`'} (${what}); ` +
    `check: \`${quote(kc.rolloutStatus(by, t.namespace, t.name))}\`; ` +
    `finish it: \`${quote(kc.undo(by, t.namespace, t.name, t.before?.revision))}\``
  );
}

/**
 * The API server never came back: say what may be running and the exact commands to check and undo.
 * `whileApplying`: it went away during the apply itself, so even what was applied is not known.
 */
export function unknownState(
  i: DeployInputs,
  ref: string,
  targets: Target[],
  lintSummary: Summary,
  gh?: DeploymentRecord,
  whileApplying = false,
): StageResult {
  const by = byHand(i);
  const changed = targets.filter((t) => t.changed);
  const check = changed.map((t) => quote(kc.rolloutStatus(by, t.namespace, t.name)));
  const undo = changed.map((t) =>
    t.before?.revision !== undefined
      ? quote(kc.undo(by, t.namespace, t.name, t.before.revision))
      : `${t.name} had no earlier revision to go back to`,
  );
  const where = i.kubeconfigInfo ? ` at ${i.kubeconfigInfo.server}` : '';
  const failure =
    `the cluster state is unknown: the API server${where} ${whileApplying ? 'stopped answering while applying and ' : ''}did not answer again within rollout-timeout (${i.rolloutTimeoutS}s); ` +
    `${whileApplying ? appliedSoFar(i, ref, targets) : `already applied: ${applied(i, ref, targets)}`}; check: \`${check.join('`, `')}\`; undo: \`${undo.join('`, `')}\``;
  const r = deployReport(i, ref, targets, new Summary(), gh);
  r.summary
    .text(
      `❓ **The cluster state is unknown**: the API server${where} did not answer again within rollout-timeout.`,
    )
    .code([...check, ...undo].join('\n'), 'sh')
    .append(lintSummary);
  return {
    ...r,
    status: 'failure',
    headline: 'cluster state unknown: the API server stopped answering',
    failure,
  };
}

/**
 * The API server stopped answering while applying and answered again: what had changed, and its
 * rollback. Never a success, even when nothing had changed: the release is not out.
 */
export function applyCutOff(
  i: DeployInputs,
  ref: string,
  targets: Target[],
  what: string,
  lintSummary: Summary,
  gh?: DeploymentRecord,
): StageResult {
  const where = i.kubeconfigInfo ? ` at ${i.kubeconfigInfo.server}` : '';
  const changed = targets.filter((t) => t.changed);
  const r = deployReport(i, ref, targets, new Summary(), gh);
  r.summary
    .text(`⚠️ **The API server${where} stopped answering while applying** (${what}), then answered again.`)
    .append(lintSummary);
  return {
    ...r,
    status: 'failure',
    headline: `not deployed: the API server stopped answering while applying${allRolledBack(targets) ? ', rolled back' : ''}`,
    failure:
      `the API server${where} stopped answering while applying (${what}); ` +
      (changed.length
        ? `changed by then: ${changed.map(fromRevision).join(', ')}`
        : 'no deployment had changed') +
      (changed.length ? rollbackNote(targets, i.rollbackOnFailure) : ''),
  };
}

export function failureLine(t: Target): string {
  if (t.status?.reason === 'ConnectionLost')
    return `the rollout of deployment ${t.name} was not seen through: the API server stopped answering (${t.status.message})`;
  const d = t.diagnostics!;
  const p = d.problems[0];
  const detail = p
    ? ` (pod ${p.pod}, container ${p.container}${p.message ? `: ${p.message}` : ''})`
    : t.status!.message
      ? ` (${t.status!.message})`
      : '';
  return `deployment ${t.name} did not roll out: ${d.reasons.join(', ')}${detail}`;
}

export function rollbackNote(targets: Target[], enabled: boolean): string {
  if (!enabled) return '; not rolled back (rollback-on-failure is false)';
  const notes = targets.filter((t) => t.rollback).map((t) => `${t.name} ${t.rollback!.message}`);
  const none = targets
    .filter((t) => !t.rollback && t.changed)
    .map((t) => `${t.name} had no earlier revision to go back to`);
  return [...notes, ...none].length ? `; ${[...notes, ...none].join('; ')}` : '';
}

const revisionCell = (t: Target) => {
  const b = t.before?.revision ?? '–';
  const lost =
    t.status?.reason === 'ConnectionLost' || (t.status?.reason === 'ApplyInterrupted' && t.changed);
  const a = t.after?.revision ?? (lost ? '?' : '–');
  const r = t.rollback?.cutOff ? ' → ?' : t.rollback?.now !== undefined ? ` → ${t.rollback.now}` : '';
  return b === a ? `${a} (unchanged)` : `${b} → ${a}${r}`;
};

function imageCell(t: Target, ref: string): string {
  const container = t.container || t.after?.containers.find((c) => c.image === ref)?.name;
  const img = (d?: DeploymentState) =>
    d?.containers.find((c) => c.name === container)?.image ?? d?.containers[0]?.image;
  const before = img(t.before);
  return `${before ? `\`${shortImage(before)}\`` : '(new)'} → \`${shortImage(ref)}\``;
}

function statusCell(t: Target): string {
  if (t.status?.reason === 'ApplyInterrupted') return interruptedCell(t);
  if (t.status?.reason === 'ConnectionLost' && !t.after)
    return '❓ unknown: the API server stopped answering';
  if (t.status?.done && t.rollback)
    return t.rollback.ok
      ? `↩️ rolled out, then rolled back to ${t.rollback.to}`
      : '⚠️ rolled out, undo did not complete';
  if (t.status?.done) return t.changed ? '✅ rolled out' : '✅ unchanged';
  const reason = t.diagnostics?.reasons[0] ?? t.status?.reason ?? 'failed';
  return `❌ ${reason}${t.rollback?.ok ? `, rolled back to ${t.rollback.to}` : ''}`;
}

function interruptedCell(t: Target): string {
  if (!t.changed) return '➖ not changed: the apply stopped before it';
  if (!t.after) return '❓ unknown: the API server stopped answering';
  if (t.rollback)
    return t.rollback.ok
      ? `↩️ apply interrupted, rolled back to ${t.rollback.to}`
      : '⚠️ apply interrupted, undo did not complete';
  return '❌ apply interrupted, not rolled back';
}

function eventTable(events: EventRow[]): string[][] {
  return events
    .slice(-25)
    .map((e) => [
      e.time.replace('T', ' ').replace(/Z$/, ''),
      e.type,
      e.reason,
      e.object,
      `${e.message}${e.count > 1 ? ` (×${e.count})` : ''}`,
    ]);
}

function podTable(d: Diagnostics): string[][] {
  return d.pods.flatMap((p) =>
    p.containers.map((c) => [
      p.name,
      c.name,
      `${c.state}${c.ready ? ', ready' : ''}`,
      c.reason ?? '',
      String(c.restartCount),
      c.message ?? '',
    ]),
  );
}

export function diagnosticsText(d: Diagnostics): string {
  const s = new Summary()
    .text(`reasons: ${d.reasons.join(', ')}`)
    .table(['Pod', 'Container', 'State', 'Reason', 'Restarts', 'Message'], podTable(d))
    .table(['Time', 'Type', 'Reason', 'Object', 'Message'], eventTable(d.events));
  for (const l of d.logs) s.details(`last log lines of ${l.title}`, l.text);
  return s.toText();
}

/** What the signature and provenance checks found, for the summary; empty when neither ran. */
export function checksSummary(c: { verified?: Verified; provenance?: ProvenanceCheck }): Summary {
  const s = new Summary();
  const a = c.verified?.signatures[0]?.annotations;
  if (c.verified)
    s.text(
      `Signature verified (${c.verified.signatures.length})${a?.commit ? `: signed for ${a.repository || '?'}@${a.commit}` : ''}`,
    );
  if (c.provenance)
    s.text(
      `Provenance: built from ${c.provenance.source}@${c.provenance.revision} (${c.provenance.platforms.join(', ')})`,
    );
  return s;
}

function deploySummary(
  i: DeployInputs,
  ref: string,
  targets: Target[],
  gh?: DeploymentRecord,
  undoneFor?: string,
): Summary {
  const s = new Summary().heading('Deploy');
  if (undoneFor) s.text(`↩️ **Undone because a later stage failed**: ${undoneFor}`);
  const where = [
    i.environment ? `**${i.environment}**` : '',
    i.kubeconfigInfo
      ? `context \`${i.kubeconfigInfo.context}\``
      : i.context
        ? `context \`${i.context}\``
        : '',
    i.namespace ? `namespace \`${i.namespace}\`` : '',
  ].filter(Boolean);
  s.text(
    `\`${ref}\`${where.length ? ` to ${where.join(', ')}` : ''} by ${i.strategy === 'set-image' ? '`kubectl set image`' : `\`kubectl apply\` of ${i.kustomize ? 'the kustomize overlay' : 'the manifests'}`}` +
      `${i.environmentUrl ? ` · [${i.environmentUrl}](${i.environmentUrl})` : ''}${gh?.id ? ` · GitHub deployment ${gh.id}` : ''}`,
  );
  s.table(
    ['Deployment', 'Image', 'Revision', 'Status', 'Time'],
    targets.map((t) => [t.name, imageCell(t, ref), revisionCell(t), statusCell(t), secs(t.waitMs)]),
  );
  for (const t of targets.filter((x) => x.diagnostics)) {
    const d = t.diagnostics!;
    s.heading(`${t.name}: ${d.reasons.join(', ')}`, 4);
    s.text(failureLine(t));
    if (d.pods.length) s.table(['Pod', 'Container', 'State', 'Reason', 'Restarts', 'Message'], podTable(d));
    if (d.events.length)
      s.text('**Events**, oldest first').table(
        ['Time', 'Type', 'Reason', 'Object', 'Message'],
        eventTable(d.events),
      );
    for (const l of d.logs) s.details(`Last log lines of ${l.title}`, l.text);
  }
  const back = targets.filter((t) => t.rollback);
  for (const t of back) s.text(`${t.rollback!.ok ? '↩️' : '⚠️'} **${t.name}: ${t.rollback!.message}**`);
  if (targets.some((t) => t.diagnostics) && !i.rollbackOnFailure)
    s.text('Not rolled back: `rollback-on-failure` is false.');
  return s;
}

/** The lint found errors: nothing was changed. */
export function lintFailure(i: DeployInputs, workspace: string, lint: LintOutcome): StageResult {
  return {
    status: 'failure',
    headline: `not deployed: ${lint.headline}`,
    summary: lint.summary,
    outputs: { 'rolled-back': 'false' },
    failure: `the MCP deployment lint found errors in ${path.relative(workspace, i.manifests ?? '') || '.'} (nothing was changed; input lint: warn reports without failing)`,
  };
}

/**
 * kubectl's connection errors, turned into one line that names the input to change. Never quotes the
 * kubeconfig: only the server address and kubectl's own first error line.
 */
export function connectionError(
  stderr: string,
  server: string | undefined,
  hasKubeconfigInput: boolean,
): ActionError {
  const where = server ? ` at ${server}` : '';
  const kubeconfig = hasKubeconfigInput ? 'kubeconfig' : undefined;
  const f = classifyKubectl({ stderr });
  if (f.context)
    return new ActionError(
      `context '${f.context}' does not exist in the kubeconfig`,
      'context',
      "use one of the kubeconfig's contexts",
    );
  if (f.kind === 'unreachable' && f.what === 'connection refused')
    return new ActionError(
      `the cluster${where} is unreachable: connection refused`,
      kubeconfig,
      'check the server address and that the API server is reachable from the runner',
    );
  if (f.kind === 'unreachable' && f.what === 'no such host')
    return new ActionError(
      `the cluster${where} is unreachable: its host name does not resolve`,
      kubeconfig,
      'check the server address in the kubeconfig',
    );
  if (f.kind === 'timeout')
    return new ActionError(
      `the cluster${where} did not answer in time`,
      kubeconfig,
      'check the server address and the network path (firewall, private cluster endpoint)',
    );
  if (f.kind === 'certificate')
    return new ActionError(
      `the cluster${where} presented a certificate that is not trusted`,
      kubeconfig,
      'set certificate-authority-data of the cluster in the kubeconfig',
    );
  if (f.kind === 'unauthorized')
    return new ActionError(
      `the cluster${where} rejected the credentials (Unauthorized)`,
      kubeconfig,
      'renew the token or client certificate in the kubeconfig',
    );
  if (f.kind === 'config')
    return new ActionError(
      `kubectl could not load the kubeconfig: ${f.line}`,
      kubeconfig ?? 'kubeconfig',
      'give the kubeconfig input, or set KUBECONFIG to a valid file',
    );
  return new ActionError(`cannot talk to the cluster${where}: ${f.line}`, kubeconfig);
}

export function namespaceError(stderr: string, namespace: string): ActionError {
  const f = classifyKubectl({ stderr });
  if (f.kind === 'not-found')
    return new ActionError(
      `namespace '${namespace}' does not exist in the cluster`,
      'namespace',
      'create it first or fix the name',
    );
  if (f.kind === 'forbidden')
    return new ActionError(
      `the credentials may not read namespace '${namespace}' (Forbidden)`,
      'kubeconfig',
      'grant get on namespaces, or on the deployments of that namespace',
    );
  return new ActionError(
    `cannot check namespace '${namespace}': ${stderr.trim().split('\n')[0]}`,
    'namespace',
  );
}

export const shortImage = (image: string): string => {
  const m = /^(.*)@sha256:([a-f0-9]{64})$/.exec(image);
  return m ? `${m[1].split('/').pop()}@${m[2].slice(0, 12)}` : (image.split('/').pop() ?? image);
};
