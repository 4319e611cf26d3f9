import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ActionError, errorMessage } from '../../errors';
import { CommandError, exec, execOk, type ExecResult } from '../../exec';
import { runLint, type LintOutcome } from '../../lint';
import { checkDigestRef } from '../../oci';
import { log } from '../../report/log';
import { Summary } from '../../report/summary';
import { subjectImage } from '../../resolved';
import { retry } from '../../retry';
import { checkProvenance, verifyImage, type ProvenanceCheck, type Verified } from '../../signing';
import { secs } from '../../text';
import { ensureTool } from '../../tools';
import { writeKubeconfig } from '../../tools/kubeconfig';
import {
  classifyKubectl,
  connectionLoss,
  containerProblems,
  failureReasons,
  kc,
  kustomize,
  parseDeployment,
  parseEvents,
  parsePods,
  parseRolloutStatus,
  stuckContainers,
  withoutOrigins,
  type ContainerProblem,
  type DeploymentState,
  type Kubectl,
  type Kustomized,
  type PodState,
  type RolloutStatus,
} from '../../tools/kubectl';
import type { PipelineState, StageEnv, StageResult } from '../stage';
import { startGithubDeployment, type DeploymentRecord } from './github';
import type { DeployInputs } from './inputs';
import { pinImages, readManifestDir } from './manifests';
import { changeCause } from './plan';
import {
  allRolledBack,
  applied,
  applyCutOff,
  appliedSoFar,
  checksSummary,
  connectionError,
  deployReport,
  diagnosticsText,
  failureLine,
  lintFailure,
  namespaceError,
  rollbackNote,
  shortImage,
  undoCutOff,
  unknownState,
  type Diagnostics,
  type Target,
} from './report';

const firstLine = (r: ExecResult) => (r.stderr || r.stdout).trim().split('\n')[0] ?? '';

/**
 * Writes the kubeconfig input (if any), then proves the cluster answers and the namespace exists. With
 * strategy manifests a namespace that is not there yet may be one the manifests create (init's overlays
 * do): the answer is returned, and the caller decides once the manifests are rendered.
 */
async function connect(
  i: DeployInputs,
  bin: string,
): Promise<{ k: Kubectl; missingNamespace?: { name: string; stderr: string } }> {
  if (!i.kubeconfig && !process.env.KUBECONFIG && !fs.existsSync(path.join(os.homedir(), '.kube', 'config')))
    throw new ActionError(
      'is not set and there is no KUBECONFIG or ~/.kube/config',
      'kubeconfig',
      'give the kubeconfig input (a secret)',
    );
  const k: Kubectl = {
    bin,
    kubeconfigPath: i.kubeconfig ? writeKubeconfig(i.kubeconfig) : undefined,
    context: i.context,
  };
  const v = await exec(kc.serverVersion(k), { timeoutMs: 30_000 });
  if (v.exitCode !== 0)
    throw connectionError(
      v.stderr || (v.timedOut ? 'timed out' : ''),
      i.kubeconfigInfo?.server,
      !!i.kubeconfig,
    );
  try {
    const version = JSON.parse(v.stdout) as { gitVersion?: string };
    log.info(
      `cluster answers: Kubernetes ${version.gitVersion ?? '?'}${i.kubeconfigInfo ? ` at ${i.kubeconfigInfo.server}` : ''}`,
    );
  } catch {
    // Some proxies answer /version with something else; reaching it was the point.
  }
  if (i.namespace) {
    const n = await exec(kc.namespace(k, i.namespace), { timeoutMs: 30_000 });
    const failure = n.exitCode !== 0 ? classifyKubectl(n).kind : undefined;
    // Many deploy credentials may not read namespaces (cluster scope): the deployment lookup tells then.
    if (failure && failure !== 'forbidden') {
      if (i.strategy === 'manifests' && failure === 'not-found')
        return { k, missingNamespace: { name: i.namespace, stderr: n.stderr } };
      throw namespaceError(n.stderr, i.namespace);
    }
  }
  return { k };
}

async function getDeployment(
  k: Kubectl,
  namespace: string,
  name: string,
): Promise<DeploymentState | undefined> {
  return parseDeployment((await execOk(kc.getDeployment(k, namespace, name), { echo: false })).stdout);
}

async function diagnose(k: Kubectl, t: Target, status: RolloutStatus): Promise<Diagnostics> {
  const d = t.after ?? t.before;
  const pods = d?.selector ? await podsOf(k, t, d.selector) : [];
  const problems = containerProblems(pods);
  const e = await exec(kc.events(k, t.namespace), { echo: false });
  const events =
    e.exitCode === 0
      ? parseEvents(
          e.stdout,
          t.name,
          pods.map((p) => p.name),
        )
      : [];
  const logs: Diagnostics['logs'] = [];
  for (const p of problems.filter((x) => x.hasLogs).slice(0, 3)) {
    const l = await exec(kc.logs(k, t.namespace, p.pod, p.container, p.previous), { echo: false });
    const text = (l.exitCode === 0 ? l.stdout : l.stderr).trimEnd();
    if (text)
      logs.push({ title: `${p.pod}/${p.container}${p.previous ? ' (previous instance)' : ''}`, text });
  }
  return { reasons: failureReasons(status, d, problems), pods, problems, events, logs };
}

/** How often a rollout that is being waited for says where it is. */
const PROGRESS_MS = 15_000;

/**
 * `kubectl rollout status` waits for the deadline even when a new pod can never start (an image that
 * does not exist, a crash loop). Meanwhile the pods are polled: a container stuck in such a state for
 * `stuckAfterS` ends the wait, so a bad release is rolled back in minutes, not at the progress deadline.
 * kubectl also keeps retrying silently when the API server goes away: the first sign of that in its
 * output (or in the progress poll) ends the wait with reason ConnectionLost.
 */
async function waitFor(k: Kubectl, t: Target, timeoutS: number, stuckAfterS = 0): Promise<RolloutStatus> {
  const stop = new AbortController();
  let lost: string | undefined;
  const onLost = (what: string) => {
    lost ??= what;
    stop.abort();
  };
  const started = Date.now();
  // A line with replica counts says more than exec's "still running".
  const progress = setInterval(
    () => void reportProgress(k, t, started, timeoutS, stop.signal, onLost),
    PROGRESS_MS,
  );
  try {
    // kubectl enforces --timeout itself; ours only guards against a connection that hangs.
    const rollout = exec(kc.rolloutStatus(k, t.namespace, t.name, timeoutS), {
      timeoutMs: (timeoutS + 60) * 1000,
      signal: stop.signal,
      progressMs: 0,
      onLine: (line) => {
        const what = connectionLoss(line);
        if (what) onLost(what);
      },
    }).then((r) => (lost ? { done: false, reason: 'ConnectionLost', message: lost } : parseRolloutStatus(r)));
    if (!stuckAfterS) return await rollout;
    const stuck = watchForStuckPods(k, t, stuckAfterS, stop.signal);
    const first = await Promise.race([rollout, stuck]);
    stop.abort();
    if (!first || 'done' in first) return first ?? (await rollout);
    await rollout;
    const message = `${first.pod}/${first.container} was in ${first.reason} for ${stuckAfterS}s (input stuck-after), so the rollout cannot finish`;
    log.info(message);
    return { done: false, reason: first.reason, message };
  } finally {
    clearInterval(progress);
    // Ends a progress poll still in flight, so that no line about this wait follows its end.
    stop.abort();
  }
}

async function reportProgress(
  k: Kubectl,
  t: Target,
  started: number,
  timeoutS: number,
  over: AbortSignal,
  onLost: (what: string) => void,
): Promise<void> {
  const r = await exec(kc.getDeployment(k, t.namespace, t.name), {
    echo: false,
    timeoutMs: 10_000,
    signal: over,
  });
  if (over.aborted) return;
  if (r.exitCode !== 0) {
    const f = classifyKubectl(r);
    const what = f.lost ? f.what : r.timedOut ? 'no answer in 10 s' : undefined;
    if (what) onLost(what);
    return;
  }
  const d = parseDeployment(r.stdout);
  if (!d) return;
  log.info(
    `… ${t.name}: ${d.updatedReplicas} of ${d.replicas} replicas updated, ${d.readyReplicas} ready, ${d.availableReplicas} available (${secs(Date.now() - started)} of rollout-timeout ${timeoutS}s)`,
  );
}

/** The pods of a deployment; none when kubectl cannot list them (a diagnostic must not fail the deploy). */
async function podsOf(k: Kubectl, t: Target, selector: string, signal?: AbortSignal): Promise<PodState[]> {
  const p = await exec(kc.pods(k, t.namespace, selector), { echo: false, signal });
  try {
    return p.exitCode === 0 ? parsePods(p.stdout) : [];
  } catch {
    return [];
  }
}

const podOwners = (pods: PodState[]) => new Set(pods.flatMap((p) => (p.owner ? [p.owner] : [])));

async function watchForStuckPods(
  k: Kubectl,
  t: Target,
  stuckAfterS: number,
  signal: AbortSignal,
): Promise<ContainerProblem | undefined> {
  const since = new Map<string, number>();
  const pollMs = Math.min(5000, Math.max(250, (stuckAfterS * 1000) / 4));
  while (!signal.aborted) {
    // Abortable, so that a finished rollout does not keep the process alive until the next poll.
    if (!(await sleep(pollMs, true, { signal }).catch(() => false))) break;
    // A failed lookup (the API server gone) is the rollout wait's to report.
    const selector = (t.before ?? (await getDeployment(k, t.namespace, t.name).catch(() => undefined)))
      ?.selector;
    if (!selector) continue;
    const now = Date.now();
    const stuck = stuckContainers(await podsOf(k, t, selector, signal), t.ownersBefore);
    const keys = new Set(stuck.map((c) => `${c.pod}/${c.container}`));
    for (const key of since.keys()) if (!keys.has(key)) since.delete(key);
    for (const c of stuck) {
      const key = `${c.pod}/${c.container}`;
      if (!since.has(key)) {
        since.set(key, now);
        log.info(`${key} is in ${c.reason}; the rollout fails if it still is in ${stuckAfterS}s`);
      } else if (now - since.get(key)! >= stuckAfterS * 1000) return c;
    }
  }
  return undefined;
}

/**
 * The undo of one deployment, and its rollout. An API server that stops answering on the way leaves it
 * half done: the message then says so, with the commands that check and finish it.
 */
async function rollBack(i: DeployInputs, k: Kubectl, t: Target): Promise<void> {
  const to = t.before?.revision;
  if (to === undefined) return;
  const u = await exec(kc.undo(k, t.namespace, t.name, to));
  if (u.exitCode !== 0) {
    const lost = lostConnection(u);
    t.rollback = {
      to,
      ok: false,
      cutOff: !!lost,
      message: lost ? undoCutOff(i, t, lost, false) : `rollout undo failed: ${firstLine(u)}`,
    };
    return;
  }
  const s = await waitFor(k, t, i.rolloutTimeoutS);
  if (s.reason === 'ConnectionLost') {
    t.rollback = { to, ok: false, cutOff: true, message: undoCutOff(i, t, s.message ?? 'no answer', true) };
    return;
  }
  const now = (await getDeployment(k, t.namespace, t.name).catch(() => undefined))?.revision;
  t.rollback = {
    to,
    now,
    ok: s.done,
    message: s.done
      ? `rolled back to revision ${to}${now !== undefined && now !== to ? ` (now numbered ${now})` : ''}`
      : `rolled back to revision ${to}, but that rollout did not finish either: ${s.message}`,
  };
}

/** The manifests with the image pinned, and the deployments to wait for. */
function renderManifests(i: DeployInputs, ref: string, cause: string, overlay?: Kustomized) {
  const source = overlay ? withoutOrigins(overlay) : readManifestDir(i.manifests!);
  const rendered = pinImages(source, ref, cause);
  log.info(`pinned ${ref} in ${rendered.replaced.join(', ')}`);
  const wanted = i.deployments.map((d) => d.name);
  const missing = wanted.filter((w) => !rendered.deployments.some((d) => d.name === w));
  if (missing.length)
    throw new ActionError(
      `${missing.join(', ')} not among the Deployments in the manifests (${rendered.deployments.map((d) => d.name).join(', ') || 'none'})`,
      'deployments',
      'list only Deployments the manifests contain, or leave it empty to wait for all of them',
    );
  const targets = rendered.deployments
    .filter((d) => !wanted.length || wanted.includes(d.name))
    .map((d) => ({
      name: d.name,
      namespace: d.namespace || i.namespace,
      container: '',
      changed: false,
      waitMs: 0,
    }));
  return { list: rendered.list, targets, namespaces: rendered.namespaces };
}

/**
 * The digest must carry the signature, and name the source, that deploy accepts. Runs before the first
 * request to the cluster, so a refused image changes nothing there.
 */
async function checkImage(
  i: DeployInputs,
  ref: string,
  env: StageEnv,
): Promise<{ verified?: Verified; provenance?: ProvenanceCheck }> {
  const refInput = i.imageRef ? 'image-ref' : 'image';
  const verified =
    i.verify.mode === 'off'
      ? undefined
      : await verifyImage(i.verify, {
          ref,
          refInput,
          plainHttp: i.registryInsecure,
          tempDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'mcp-deploy-deploy'),
          install: { mirror: i.toolsMirror },
        });
  const provenance = i.requireProvenance ? await checkProvenance(ref, env.ctx, { refInput }) : undefined;
  return { verified, provenance };
}

export async function runDeploy(i: DeployInputs, env: StageEnv): Promise<StageResult> {
  const ref = checkDigestRef(subjectImage(env, i.imageRef) ?? '');
  // kubectl on PATH at the pinned version is used as is; otherwise the pinned, checksummed release.
  const bin = await ensureTool('kubectl', { mirror: i.toolsMirror });
  const { rendered, lint } = await renderAndLint(i, env, bin);
  if (lint.failed) return lintFailure(i, env.ctx.workspace, lint);
  const checked = await checkImage(i, ref, env);
  // What the summary shows under the rollout, whatever happens to it: the image checks, then the lint.
  const notes = checksSummary(checked).append(lint.summary);
  const { k, missingNamespace } = await connect(i, bin);
  const cause = changeCause(env.ctx, ref);
  const { targets, manifestList } = await prepareTargets(i, k, ref, cause, rendered, missingNamespace);
  const gh = await startRecord(i, env, ref);

  env.state.rolloutStartedAt = Date.now();
  const cutOff = await apply(i, k, targets, ref, cause, manifestList);
  if (cutOff) return applyLost(i, k, ref, targets, cutOff, notes, gh);
  const waitStarted = await waitForAll(i, k, targets);
  if (!(await seenThrough(i, k, ref, targets, waitStarted))) {
    await gh?.status('failure', 'cluster state unknown: the API server stopped answering during the rollout');
    return unknownState(i, ref, targets, notes, gh);
  }
  await Promise.all(targets.map(async (t) => (t.after = await getDeployment(k, t.namespace, t.name))));
  // An apply that left a deployment's template alone made no revision this run could undo.
  for (const t of targets)
    if (i.strategy === 'manifests') t.changed = t.after?.revision !== t.before?.revision;
  const failed = await diagnoseFailures(k, targets);

  // They went out together, so a failure of one takes all of them back.
  const undoable = targets.filter((t) => t.changed && t.before?.revision !== undefined);
  if (failed.length && i.rollbackOnFailure) {
    await log.group('rolling back', () => Promise.all(undoable.map((t) => rollBack(i, k, t))));
  }
  if (!failed.length && undoable.length)
    env.state.rollback = undoLater(i, k, ref, targets, undoable, notes, gh);
  return finish(i, ref, targets, failed, notes, gh);
}

/** The overlay rendered once (the lint reads what is applied), then the lint. */
async function renderAndLint(
  i: DeployInputs,
  env: StageEnv,
  bin: string,
): Promise<{ rendered?: Kustomized; lint: LintOutcome }> {
  const rendered = i.kustomize ? await kustomize({ bin }, i.manifests!) : undefined;
  const lint = i.manifests
    ? await runLint([i.manifests], i.lint, env.ctx.workspace, rendered)
    : { summary: new Summary(), failed: false, headline: 'no manifests to lint' };
  return { rendered, lint };
}

/**
 * What the deploy changes: the Deployments of the manifests, or those named for set-image, each with its
 * state before. Every deployment and container is checked before the first one is changed.
 */
async function prepareTargets(
  i: DeployInputs,
  k: Kubectl,
  ref: string,
  cause: string,
  rendered: Kustomized | undefined,
  missingNamespace: { name: string; stderr: string } | undefined,
): Promise<{ targets: Target[]; manifestList: string }> {
  let targets: Target[];
  let manifestList = '';
  if (i.strategy === 'manifests') {
    const r = renderManifests(i, ref, cause, rendered);
    if (missingNamespace) {
      if (!r.namespaces.includes(missingNamespace.name))
        throw namespaceError(missingNamespace.stderr, missingNamespace.name);
      log.info(`namespace '${missingNamespace.name}' does not exist yet: the manifests create it`);
    }
    targets = r.targets;
    manifestList = r.list;
  } else {
    targets = i.deployments.map((d) => ({
      name: d.name,
      namespace: i.namespace,
      container: d.container,
      changed: false,
      waitMs: 0,
    }));
  }
  await Promise.all(
    targets.map(async (t) => {
      t.before = await getDeployment(k, t.namespace, t.name);
      if (i.stuckAfterS && t.before) t.ownersBefore = podOwners(await podsOf(k, t, t.before.selector));
    }),
  );
  if (i.strategy === 'set-image') for (const t of targets) checkSetImageTarget(t);
  return { targets, manifestList };
}

function checkSetImageTarget(t: Target): void {
  if (!t.before)
    throw new ActionError(
      `deployment '${t.name}' does not exist${t.namespace ? ` in namespace '${t.namespace}'` : ''}`,
      'deployments',
      'create it first (strategy manifests can), or fix the name or namespace',
    );
  const names = t.before.containers.map((c) => c.name);
  t.container ||= names[0] ?? '';
  if (!names.includes(t.container))
    throw new ActionError(
      `deployment '${t.name}' has no container '${t.container}'`,
      'deployments',
      `use one of: ${names.join(', ')}`,
    );
}

/** The GitHub deployment of the environment, when there is a token and an environment. */
async function startRecord(
  i: DeployInputs,
  env: StageEnv,
  ref: string,
): Promise<DeploymentRecord | undefined> {
  const gh: DeploymentRecord | undefined =
    i.githubToken && i.environment
      ? await startGithubDeployment(
          i.githubToken,
          env.ctx,
          i.environment,
          i.environmentUrl,
          `${shortImage(ref)} to ${i.environment}`,
        )
      : undefined;
  await gh?.status('in_progress', `rolling out ${shortImage(ref)}`);
  return gh;
}

/**
 * Changes the cluster. Returns kubectl's words when the API server stopped answering on the way (the
 * targets then say what was changed, and what may have been: `applying`); any other failure throws.
 */
async function apply(
  i: DeployInputs,
  k: Kubectl,
  targets: Target[],
  ref: string,
  cause: string,
  manifestList: string,
): Promise<string | undefined> {
  try {
    if (i.strategy === 'set-image') {
      for (const t of targets) {
        if (t.before!.containers.find((c) => c.name === t.container)?.image === ref) {
          log.info(`${t.name}: ${t.container} already runs ${ref}`);
          continue;
        }
        t.changed = t.applying = true;
        // Annotated first, so the ReplicaSet the image change creates carries the cause.
        await execOk(kc.annotate(k, t.namespace, t.name, cause));
        await execOk(kc.setImage(k, t.namespace, t.name, t.container, ref));
        t.applying = false;
      }
    } else {
      for (const t of targets) t.changed = t.applying = true;
      await execOk(kc.apply(k, i.namespace), { input: manifestList });
      for (const t of targets) t.applying = false;
    }
    return undefined;
  } catch (e) {
    const lost = e instanceof CommandError ? lostConnection(e.result) : undefined;
    if (!lost) throw e;
    return lost;
  }
}

/** kubectl's words when a call failed because the API server did not answer; undefined otherwise. */
function lostConnection(r: ExecResult): string | undefined {
  const f = classifyKubectl(r);
  return f.lost || f.kind === 'unreachable' || f.kind === 'timeout' ? f.what : undefined;
}

/**
 * The API server stopped answering during the apply: the same path as a loss during the rollout. Waits
 * for it (up to rollout-timeout), then undoes every deployment whose revision moved; or, when it never
 * answers, says the state is unknown with the commands to check and undo.
 */
async function applyLost(
  i: DeployInputs,
  k: Kubectl,
  ref: string,
  targets: Target[],
  what: string,
  notes: Summary,
  gh: DeploymentRecord | undefined,
): Promise<StageResult> {
  for (const t of targets) t.status = { done: false, reason: 'ApplyInterrupted', message: what };
  log.warning(
    `the API server${i.kubeconfigInfo ? ` at ${i.kubeconfigInfo.server}` : ''} stopped answering while applying (${what}); ${appliedSoFar(i, ref, targets)}`,
  );
  if (!(await reachAgain(k, Date.now() + i.rolloutTimeoutS * 1000))) {
    await gh?.status('failure', 'cluster state unknown: the API server stopped answering while applying');
    return unknownState(i, ref, targets, notes, gh, true);
  }
  await Promise.all(
    targets.map(async (t) => {
      t.after = await getDeployment(k, t.namespace, t.name).catch(() => undefined);
      t.changed = t.after?.revision !== t.before?.revision;
      t.applying = false;
    }),
  );
  const undoable = targets.filter((t) => t.changed && t.before?.revision !== undefined);
  if (undoable.length && i.rollbackOnFailure)
    await log.group('rolling back', () => Promise.all(undoable.map((t) => rollBack(i, k, t))));
  const r = applyCutOff(i, ref, targets, what, notes, gh);
  await gh?.status('failure', r.headline);
  return r;
}

/** Waits for every target together; returns when the wait started. */
async function waitForAll(i: DeployInputs, k: Kubectl, targets: Target[]): Promise<number> {
  const waitStarted = Date.now();
  await Promise.all(
    targets.map(async (t) => {
      t.status = await waitFor(k, t, i.rolloutTimeoutS, i.stuckAfterS);
      t.waitMs = Date.now() - waitStarted;
      if (t.status.done) log.info(`${t.name} rolled out in ${secs(t.waitMs)}`);
    }),
  );
  return waitStarted;
}

/** False when the API server went away during the rollout and did not come back before its deadline. */
async function seenThrough(
  i: DeployInputs,
  k: Kubectl,
  ref: string,
  targets: Target[],
  waitStarted: number,
): Promise<boolean> {
  const lost = targets.filter((t) => t.status?.reason === 'ConnectionLost');
  if (!lost.length) return true;
  log.warning(
    `the API server${i.kubeconfigInfo ? ` at ${i.kubeconfigInfo.server}` : ''} stopped answering during the rollout (${lost[0].status!.message}); already applied: ${applied(i, ref, targets)}`,
  );
  return reachAgain(k, waitStarted + i.rolloutTimeoutS * 1000);
}

/** The targets that did not roll out, each with what the cluster says about why. */
async function diagnoseFailures(k: Kubectl, targets: Target[]): Promise<Target[]> {
  const failed = targets.filter((t) => !t.status!.done);
  for (const t of failed) {
    t.diagnostics = await diagnose(k, t, t.status!);
    await log.group(`why ${t.name} did not roll out: ${t.diagnostics.reasons.join(', ')}`, async () =>
      log.info(diagnosticsText(t.diagnostics!)),
    );
  }
  return failed;
}

/** The undo the pipeline calls when a later stage (verify) fails after a good rollout. */
function undoLater(
  i: DeployInputs,
  k: Kubectl,
  ref: string,
  targets: Target[],
  undoable: Target[],
  notes: Summary,
  gh: DeploymentRecord | undefined,
): NonNullable<PipelineState['rollback']> {
  return async (reason) => {
    log.warning(`undoing the deploy: ${reason}`);
    await Promise.all(undoable.map((t) => rollBack(i, k, t)));
    const undone = undoable.map((t) => `${t.name} ${t.rollback?.message ?? 'not undone'}`);
    for (const t of undoable)
      (t.rollback?.ok ? log.info : log.warning)(`${t.name}: ${t.rollback?.message ?? 'not undone'}`);
    const ok = undoable.every((t) => t.rollback?.ok);
    await gh?.status('failure', `${ok ? 'rolled back' : 'rollback failed'}: ${reason}`);
    return {
      ok,
      message: `${ok ? 'deploy undone' : 'deploy NOT undone'}: ${undone.join('; ')}`,
      result: deployReport(i, ref, targets, notes, gh, reason),
    };
  };
}

/** Tells the GitHub deployment how it went, and returns the stage's result. */
async function finish(
  i: DeployInputs,
  ref: string,
  targets: Target[],
  failed: Target[],
  notes: Summary,
  gh: DeploymentRecord | undefined,
): Promise<StageResult> {
  const rolledBack = allRolledBack(targets);
  await gh?.status(
    failed.length ? 'failure' : 'success',
    failed.length
      ? `${failed.map((t) => `${t.name}: ${t.diagnostics!.reasons.join(', ')}`).join('; ')}${rolledBack ? '; rolled back' : '; not rolled back'}`
      : `${shortImage(ref)} is live`,
  );
  return {
    status: failed.length ? 'failure' : 'success',
    ...deployReport(i, ref, targets, notes, gh),
    failure: failed.length
      ? failed.map((t) => failureLine(t)).join('; ') + rollbackNote(targets, i.rollbackOnFailure)
      : undefined,
  };
}

/**
 * After the API server went away mid-rollout, tries to reach it until the rollout's deadline. Any answer
 * that is not a connection error counts: the server is there again.
 */
async function reachAgain(k: Kubectl, deadline: number): Promise<boolean> {
  const started = Date.now();
  const left = () => deadline - Date.now();
  try {
    await retry(
      // Bounded by the deadline; each wait is at least 1 s, so this many attempts never run out first.
      { attempts: Math.ceil(Math.max(0, left()) / 1000) + 2, firstDelayMs: 1000, maxDelayMs: 5000 },
      async () => {
        const v = await exec(kc.serverVersion(k), {
          echo: false,
          timeoutMs: Math.min(15_000, Math.max(1000, left())),
        });
        const f = v.exitCode !== 0 ? classifyKubectl(v) : undefined;
        const what = f?.lost ? f.what : v.timedOut ? 'no answer' : undefined;
        if (what) throw new Error(what);
      },
      () => left() > 0,
      (e, n, waitMs) =>
        log.info(
          `… the API server does not answer (${errorMessage(e)}, try ${n}); next try in ${secs(waitMs)}, ${secs(Math.max(0, left()))} left of rollout-timeout`,
        ),
    );
  } catch {
    return false;
  }
  log.info(`the API server answers again after ${secs(Date.now() - started)}`);
  return true;
}
