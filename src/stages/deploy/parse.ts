import { ActionError } from '../../errors';

/** Pure readers of kubectl's JSON and messages: what a rollout did, and why it did not finish. */

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface DeploymentState {
  name: string;
  namespace: string;
  /** `deployment.kubernetes.io/revision`: the revision of the ReplicaSet the template matches. */
  revision?: number;
  generation: number;
  observedGeneration: number;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  containers: { name: string; image: string }[];
  /** matchLabels (and matchExpressions) as a label selector for `kubectl get pods --selector`. */
  selector: string;
  conditions: Condition[];
  changeCause?: string;
}

interface K8sDeployment {
  metadata?: { name?: string; namespace?: string; generation?: number; annotations?: Record<string, string> };
  spec?: {
    replicas?: number;
    selector?: {
      matchLabels?: Record<string, string>;
      matchExpressions?: { key: string; operator: string; values?: string[] }[];
    };
    template?: { spec?: { containers?: { name: string; image: string }[] } };
  };
  status?: {
    observedGeneration?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    conditions?: Condition[];
  };
}

export function selectorString(sel: NonNullable<NonNullable<K8sDeployment['spec']>['selector']>): string {
  const parts = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** `kubectl get deployment x -o json --ignore-not-found`: empty output means there is none. */
export function parseDeployment(json: string): DeploymentState | undefined {
  if (!json.trim()) return undefined;
  const d = JSON.parse(json) as K8sDeployment;
  const rev = d.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  return {
    name: d.metadata?.name ?? '',
    namespace: d.metadata?.namespace ?? '',
    revision: rev && /^\d+$/.test(rev) ? Number(rev) : undefined,
    generation: d.metadata?.generation ?? 0,
    observedGeneration: d.status?.observedGeneration ?? 0,
    replicas: d.spec?.replicas ?? 1,
    updatedReplicas: d.status?.updatedReplicas ?? 0,
    readyReplicas: d.status?.readyReplicas ?? 0,
    availableReplicas: d.status?.availableReplicas ?? 0,
    containers: (d.spec?.template?.spec?.containers ?? []).map((c) => ({ name: c.name, image: c.image })),
    selector: selectorString(d.spec?.selector ?? {}),
    conditions: d.status?.conditions ?? [],
    changeCause: d.metadata?.annotations?.['kubernetes.io/change-cause'],
  };
}

export interface ContainerState {
  name: string;
  image: string;
  ready: boolean;
  restartCount: number;
  state: 'waiting' | 'running' | 'terminated' | 'unknown';
  /** ImagePullBackOff, CrashLoopBackOff, ErrImagePull, Error, OOMKilled ... */
  reason?: string;
  message?: string;
  /** Why the previous instance ended, for a container that restarted. */
  lastReason?: string;
  lastExitCode?: number;
}

export interface PodState {
  name: string;
  phase: string;
  /** The ReplicaSet that owns the pod. */
  owner?: string;
  containers: ContainerState[];
}

interface K8sContainerStatus {
  name: string;
  image?: string;
  ready?: boolean;
  restartCount?: number;
  state?: Record<string, { reason?: string; message?: string; exitCode?: number }>;
  lastState?: Record<string, { reason?: string; exitCode?: number }>;
}

export function parsePods(json: string): PodState[] {
  const list = JSON.parse(json) as {
    items?: {
      metadata?: { name?: string; ownerReferences?: { kind: string; name: string }[] };
      status?: {
        phase?: string;
        containerStatuses?: K8sContainerStatus[];
        initContainerStatuses?: K8sContainerStatus[];
      };
    }[];
  };
  return (list.items ?? []).map((p) => ({
    name: p.metadata?.name ?? '',
    phase: p.status?.phase ?? 'Unknown',
    owner: p.metadata?.ownerReferences?.find((o) => o.kind === 'ReplicaSet')?.name,
    containers: [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])].map(
      (c) => {
        const [state, detail] = Object.entries(c.state ?? {})[0] ?? ['unknown', {}];
        const last = c.lastState?.terminated;
        return {
          name: c.name,
          image: c.image ?? '',
          ready: c.ready === true,
          restartCount: c.restartCount ?? 0,
          state: (['waiting', 'running', 'terminated'].includes(state)
            ? state
            : 'unknown') as ContainerState['state'],
          reason: detail.reason,
          message: detail.message,
          lastReason: last?.reason,
          lastExitCode: last?.exitCode,
        };
      },
    ),
  }));
}

/** Waiting reasons that mean "this will not get better by itself", most telling first. */
const BAD_WAITING = [
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
];

export interface ContainerProblem {
  pod: string;
  container: string;
  reason: string;
  message: string;
  restarts: number;
  /** Its logs are worth reading: it ran at least once. */
  hasLogs: boolean;
  /** It restarted: the previous instance's logs say why it died. */
  previous: boolean;
}

export function containerProblems(pods: PodState[]): ContainerProblem[] {
  const out: ContainerProblem[] = [];
  for (const p of pods)
    for (const c of p.containers) {
      const waitingBad = c.state === 'waiting' && c.reason && BAD_WAITING.includes(c.reason);
      const died = c.state === 'terminated' && c.reason !== 'Completed';
      if (!waitingBad && !died && c.restartCount === 0) continue;
      const reason = c.reason ?? c.lastReason ?? 'Restarting';
      out.push({
        pod: p.name,
        container: c.name,
        reason,
        message: [c.message, c.lastReason ? `last exit: ${c.lastReason} (code ${c.lastExitCode ?? '?'})` : '']
          .filter(Boolean)
          .join('; '),
        restarts: c.restartCount,
        hasLogs: c.restartCount > 0 || c.state === 'terminated' || c.state === 'running',
        previous: c.restartCount > 0,
      });
    }
  const rank = (r: string) => (BAD_WAITING.includes(r) ? BAD_WAITING.indexOf(r) : BAD_WAITING.length);
  return out.sort((a, b) => rank(a.reason) - rank(b.reason));
}

/**
 * Containers waiting in a state that does not heal by itself, in pods the rollout made: pods of the
 * ReplicaSets that had pods before it (`before`) are left out, so a release that repairs a
 * crash-looping deployment does not fail on the pods it replaces.
 */
export function stuckContainers(
  pods: PodState[],
  before: ReadonlySet<string> = new Set(),
): ContainerProblem[] {
  const mine = pods.filter((p) => !p.owner || !before.has(p.owner));
  const stuck = new Set(
    mine.flatMap((p) =>
      p.containers
        .filter((c) => c.state === 'waiting' && BAD_WAITING.includes(c.reason ?? ''))
        .map((c) => `${p.name}/${c.name}`),
    ),
  );
  return containerProblems(mine).filter((p) => stuck.has(`${p.pod}/${p.container}`));
}

export interface EventRow {
  time: string;
  type: string;
  reason: string;
  object: string;
  message: string;
  count: number;
}

interface K8sEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string | null;
  firstTimestamp?: string | null;
  eventTime?: string | null;
  series?: { lastObservedTime?: string; count?: number } | null;
  metadata?: { creationTimestamp?: string };
  involvedObject?: { kind?: string; name?: string };
}

/**
 * The events of a deployment, its ReplicaSets and their pods, oldest first (`kubectl get events` does
 * not sort). ReplicaSets and pods are recognised by the names the controller gives them.
 */
export function parseEvents(json: string, deployment: string, pods: string[] = []): EventRow[] {
  const list = JSON.parse(json) as { items?: K8sEvent[] };
  const esc = deployment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rs = new RegExp(`^${esc}-[a-z0-9]{1,10}$`);
  const pod = new RegExp(`^${esc}-[a-z0-9]{1,10}-[a-z0-9]{5}$`);
  const ours = (o: K8sEvent['involvedObject']) =>
    (o?.kind === 'Deployment' && o.name === deployment) ||
    (o?.kind === 'ReplicaSet' && rs.test(o.name ?? '')) ||
    (o?.kind === 'Pod' && (pods.includes(o.name ?? '') || pod.test(o.name ?? '')));
  return (list.items ?? [])
    .filter((e) => ours(e.involvedObject))
    .map((e) => ({
      time:
        e.series?.lastObservedTime ||
        e.lastTimestamp ||
        e.eventTime ||
        e.firstTimestamp ||
        e.metadata?.creationTimestamp ||
        '',
      type: e.type ?? '',
      reason: e.reason ?? '',
      object: `${e.involvedObject?.kind ?? '?'}/${e.involvedObject?.name ?? '?'}`,
      message: (e.message ?? '').trim(),
      count: e.series?.count ?? e.count ?? 1,
    }))
    .sort((a, b) => Date.parse(a.time || '0') - Date.parse(b.time || '0'));
}

export interface RolloutStatus {
  done: boolean;
  /** ProgressDeadlineExceeded, Timeout, or the error kubectl printed. */
  reason?: string;
  message: string;
}

export function parseRolloutStatus(r: {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}): RolloutStatus {
  const lines = `${r.stdout}\n${r.stderr}`.trim().split('\n').filter(Boolean);
  const last = lines[lines.length - 1] ?? '';
  if (r.exitCode === 0 && /successfully rolled out/.test(r.stdout)) return { done: true, message: last };
  const lost = connectionLoss(r.stderr);
  if (lost) return { done: false, reason: 'ConnectionLost', message: lost };
  if (/exceeded its progress deadline/.test(r.stderr))
    return { done: false, reason: 'ProgressDeadlineExceeded', message: last };
  if (r.timedOut || /timed out waiting/.test(r.stderr))
    return { done: false, reason: 'Timeout', message: last };
  return { done: false, reason: 'Error', message: last.replace(/^error: /, '') };
}

const LOST =
  /connection refused|was refused|i\/o timeout|\bEOF\b|connection reset by peer|no route to host|TLS handshake timeout|client connection lost|network is unreachable/i;

/**
 * What kubectl says when the API server went away under it ("connection refused", "EOF", "i/o
 * timeout" ...), in a few words; undefined for anything else. kubectl's watches log such lines and retry
 * on their own until --timeout, so these are found in its output as it runs, not only at its exit.
 */
export function connectionLoss(text: string): string | undefined {
  const m = LOST.exec(text);
  if (!m) return undefined;
  return m[0] === 'was refused' ? 'connection refused' : m[0];
}

/** The reasons a rollout did not finish, most specific first: pods' reasons, then the deployment's. */
export function failureReasons(
  status: RolloutStatus,
  d: DeploymentState | undefined,
  problems: ContainerProblem[],
): string[] {
  const reasons = [...new Set(problems.map((p) => p.reason))];
  const progressing = d?.conditions.find((c) => c.type === 'Progressing');
  if (progressing?.status === 'False' && progressing.reason) reasons.push(progressing.reason);
  if (status.reason && !reasons.includes(status.reason)) reasons.push(status.reason);
  return reasons.length ? reasons : ['unknown'];
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
  const first = stderr.trim().split('\n').find(Boolean) ?? '';
  const ctx = /context "([^"]+)" does not exist|context was not found for specified context: (\S+)/.exec(
    stderr,
  );
  if (ctx)
    return new ActionError(
      `context '${ctx[1] ?? ctx[2]}' does not exist in the kubeconfig`,
      'context',
      "use one of the kubeconfig's contexts",
    );
  if (/connection refused|was refused/.test(stderr))
    return new ActionError(
      `the cluster${where} is unreachable: connection refused`,
      kubeconfig,
      'check the server address and that the API server is reachable from the runner',
    );
  if (/no such host/.test(stderr))
    return new ActionError(
      `the cluster${where} is unreachable: its host name does not resolve`,
      kubeconfig,
      'check the server address in the kubeconfig',
    );
  if (/i\/o timeout|Client\.Timeout|deadline exceeded|timed out|TLS handshake timeout/.test(stderr))
    return new ActionError(
      `the cluster${where} did not answer in time`,
      kubeconfig,
      'check the server address and the network path (firewall, private cluster endpoint)',
    );
  if (/x509|certificate/.test(stderr))
    return new ActionError(
      `the cluster${where} presented a certificate that is not trusted`,
      kubeconfig,
      'set certificate-authority-data of the cluster in the kubeconfig',
    );
  if (/Unauthorized|must be logged in|Please enter Username/.test(stderr))
    return new ActionError(
      `the cluster${where} rejected the credentials (Unauthorized)`,
      kubeconfig,
      'renew the token or client certificate in the kubeconfig',
    );
  if (/error loading config file|no such file or directory|invalid configuration/.test(stderr))
    return new ActionError(
      `kubectl could not load the kubeconfig: ${first.replace(/^error: /, '')}`,
      kubeconfig ?? 'kubeconfig',
      'give the kubeconfig input, or set KUBECONFIG to a valid file',
    );
  return new ActionError(`cannot talk to the cluster${where}: ${first.replace(/^error: /, '')}`, kubeconfig);
}

export function namespaceError(stderr: string, namespace: string): ActionError {
  if (/NotFound|not found/.test(stderr))
    return new ActionError(
      `namespace '${namespace}' does not exist in the cluster`,
      'namespace',
      'create it first or fix the name',
    );
  if (/Forbidden|forbidden/.test(stderr))
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
