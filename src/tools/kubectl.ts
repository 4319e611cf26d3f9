import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMap, parseAllDocuments } from 'yaml';
import { addCleanup } from '../cleanup';
import { ActionError } from '../errors';
import { exec } from '../exec';
import { log } from '../report/log';

/**
 * Everything this project knows about kubectl: the connection every call shares, the argv of each call,
 * how a failed call failed, and readers of its JSON and messages (what a rollout did, and why it did not
 * finish). Stages call these; none builds kubectl's argv itself.
 */

/** kubectl with the connection flags every call shares. `--kubeconfig` is a path, never the content. */
export interface Kubectl {
  bin: string;
  kubeconfigPath?: string;
  context: string;
}

export function kubectlBase(k: Kubectl): string[] {
  return [
    k.bin,
    ...(k.kubeconfigPath ? ['--kubeconfig', k.kubeconfigPath] : []),
    ...(k.context ? ['--context', k.context] : []),
  ];
}

const ns = (namespace: string) => (namespace ? ['--namespace', namespace] : []);

/** Every kubectl call the project makes, as argv. Runs use these, `plan` prints them. */
export const kc = {
  serverVersion: (k: Kubectl) => [...kubectlBase(k), 'get', '--raw', '/version', '--request-timeout=15s'],
  namespace: (k: Kubectl, namespace: string) => [
    ...kubectlBase(k),
    'get',
    'namespace',
    namespace,
    '--output=name',
    '--request-timeout=15s',
  ],
  getDeployment: (k: Kubectl, namespace: string, name: string) => [
    ...kubectlBase(k),
    ...ns(namespace),
    'get',
    'deployment',
    name,
    '--output=json',
    '--ignore-not-found',
  ],
  annotate: (k: Kubectl, namespace: string, name: string, cause: string) => [
    ...kubectlBase(k),
    ...ns(namespace),
    'annotate',
    `deployment/${name}`,
    `kubernetes.io/change-cause=${cause}`,
    '--overwrite',
  ],
  setImage: (k: Kubectl, namespace: string, name: string, container: string, ref: string) => [
    ...kubectlBase(k),
    ...ns(namespace),
    'set',
    'image',
    `deployment/${name}`,
    `${container}=${ref}`,
  ],
  /** Rendered to a file, not read from stdout: everything exec captures is redacted of secrets. */
  kustomize: (k: Pick<Kubectl, 'bin'>, dir: string, out: string) => [
    k.bin,
    'kustomize',
    dir,
    `--output=${out}`,
  ],
  /** The rendered manifests go in on stdin: they may hold generated Secrets, so they never touch disk. */
  apply: (k: Kubectl, namespace: string) => [
    ...kubectlBase(k),
    ...ns(namespace),
    'apply',
    '--filename=-',
    '--validate=false',
  ],
  /** Without `timeoutS`, kubectl waits as long as the rollout takes (a command for a person to run). */
  rolloutStatus: (k: Kubectl, namespace: string, name: string, timeoutS?: number) => [
    ...kubectlBase(k),
    ...ns(namespace),
    'rollout',
    'status',
    `deployment/${name}`,
    ...(timeoutS !== undefined ? [`--timeout=${timeoutS}s`] : []),
  ],
  undo: (k: Kubectl, namespace: string, name: string, toRevision?: number) => [
    ...kubectlBase(k),
    ...ns(namespace),
    'rollout',
    'undo',
    `deployment/${name}`,
    ...(toRevision ? [`--to-revision=${toRevision}`] : []),
  ],
  pods: (k: Kubectl, namespace: string, selector: string) => [
    ...kubectlBase(k),
    ...ns(namespace),
    'get',
    'pods',
    `--selector=${selector}`,
    '--output=json',
  ],
  events: (k: Kubectl, namespace: string) => [
    ...kubectlBase(k),
    ...ns(namespace),
    'get',
    'events',
    '--output=json',
  ],
  logs: (k: Kubectl, namespace: string, pod: string, container: string, previous: boolean) => [
    ...kubectlBase(k),
    ...ns(namespace),
    'logs',
    pod,
    `--container=${container}`,
    '--tail=40',
    ...(previous ? ['--previous'] : []),
  ],
};

/** The file names kustomize takes as a directory's kustomization, in its order. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The kustomization file of `dir`, if it is a kustomize overlay. */
export function kustomizationIn(dir: string): string | undefined {
  return KUSTOMIZATION_FILES.find((f) => fs.existsSync(path.join(dir, f)));
}

/** The annotation kustomize records an object's source file in, when asked to. */
export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

/** An overlay rendered by `kustomize`: its objects annotated with the files they came from. */
export interface Kustomized {
  /** The overlay. */
  dir: string;
  /** The rendered objects, as kubectl printed them. */
  text: string;
  /** The directory the paths in the origin annotations are relative to. */
  root: string;
}

/**
 * Renders an overlay, once per deploy: the lint reads this rendering and the deploy applies it. The lint
 * maps every object back to the file it came from; kustomize records that only when asked
 * (`buildMetadata: [originAnnotations]`), and the user's kustomization is not ours to edit, so a
 * throw-away kustomization in a private temp dir includes theirs and asks for it. The rendering goes to
 * a file there, not through stdout: everything exec captures is redacted of secrets, and generated
 * Secrets may be in it. `withoutOrigins` takes the annotations out again before anything is applied.
 */
export async function kustomize(k: Pick<Kubectl, 'bin'>, dir: string): Promise<Kustomized> {
  const root = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'mcp-deploy-render-'));
  addCleanup({ kind: 'remove', path: root });
  try {
    // Kustomize refuses absolute resource paths, hence the relative one.
    const rel = path.relative(root, dir).split(path.sep).join('/');
    fs.writeFileSync(
      path.join(root, 'kustomization.yaml'),
      `resources:\n  - ${JSON.stringify(rel)}\nbuildMetadata: [originAnnotations]\n`,
    );
    log.info(`rendering ${dir} with kubectl kustomize`);
    const out = path.join(root, 'rendered.yaml');
    const r = await exec(kc.kustomize(k, root, out), { timeoutMs: 120_000, echo: false });
    if (r.exitCode !== 0)
      throw new ActionError(
        `kubectl kustomize ${dir} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`,
        undefined,
        'render the overlay with `kubectl kustomize` yourself and fix what it reports',
      );
    return { dir, text: fs.readFileSync(out, 'utf8'), root };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The rendering as `kubectl kustomize <overlay>` prints it: without the origin annotations it asked for. */
export function withoutOrigins(r: Kustomized): string {
  const annotations = ['metadata', 'annotations'];
  return parseAllDocuments(r.text)
    .map((doc) => {
      doc.deleteIn([...annotations, ORIGIN_ANNOTATION]);
      const left = doc.getIn(annotations);
      if (isMap(left) && !left.items.length) doc.deleteIn(annotations);
      return doc.toString();
    })
    .join('');
}

/** How a kubectl call failed, from what it printed. */
export type KubectlFailureKind =
  /** The API server cannot be reached: connection refused or reset, EOF, no route, a name that does not resolve. */
  | 'unreachable'
  /** It did not answer in time. */
  | 'timeout'
  /** Its certificate is not trusted. */
  | 'certificate'
  /** It rejected the credentials. */
  | 'unauthorized'
  /** The credentials may not do this. */
  | 'forbidden'
  /** The object does not exist. */
  | 'not-found'
  /** kubectl could not load the kubeconfig, or the context is not in it. */
  | 'config'
  | 'other';

export interface KubectlFailure {
  kind: KubectlFailureKind;
  /** kubectl's own words for it, short: "connection refused", "i/o timeout", "EOF", "Unauthorized" ... */
  what: string;
  /**
   * The connection to the API server broke (refused, reset, EOF, a network timeout): the server, not
   * the request, is the problem, and a later call may succeed. kubectl's watches log such lines and
   * retry on their own until --timeout, so they are looked for in its output as it runs.
   */
  lost: boolean;
  /** Kind config: the context that the kubeconfig does not have. */
  context?: string;
  /** The first line kubectl printed, without its "error: ". */
  line: string;
}

const CONTEXT = /context "([^"]+)" does not exist|context was not found for specified context: (\S+)/;
/** The API server's own answer: its status reason is the truth, whatever words the message holds. */
const STATUS = /Error from server \((NotFound|Forbidden|Unauthorized)\)/;
const STATUS_KIND = { NotFound: 'not-found', Forbidden: 'forbidden', Unauthorized: 'unauthorized' } as const;
const NETWORK =
  /connection refused|was refused|i\/o timeout|\bEOF\b|connection reset by peer|no route to host|TLS handshake timeout|client connection lost|network is unreachable/i;
/** The rest, in the order they are tried; the first that matches names the failure. */
const RULES: [RegExp, KubectlFailureKind, string?][] = [
  [/no such host/, 'unreachable'],
  [/Client\.Timeout|deadline exceeded|timed out/, 'timeout'],
  [/x509|certificate/, 'certificate'],
  [/Unauthorized|must be logged in|Please enter Username/, 'unauthorized', 'Unauthorized'],
  [/error loading config file|no such file or directory|invalid configuration/, 'config'],
  [/Forbidden|forbidden/, 'forbidden', 'Forbidden'],
  [/NotFound|not found/, 'not-found', 'NotFound'],
];

/**
 * Why a kubectl call failed, from its stderr (or one line of its output). An exec that had to end the
 * call (`timedOut`) without kubectl saying why is a timeout.
 */
export function classifyKubectl(r: { stderr: string; timedOut?: boolean }): KubectlFailure {
  const text = r.stderr;
  const line = (text.trim().split('\n').find(Boolean) ?? '').replace(/^error: /, '');
  const ctx = CONTEXT.exec(text);
  if (ctx)
    return {
      kind: 'config',
      what: `context "${ctx[1] ?? ctx[2]}" does not exist`,
      lost: false,
      context: ctx[1] ?? ctx[2],
      line,
    };
  const status = STATUS.exec(text);
  if (status)
    return { kind: STATUS_KIND[status[1] as keyof typeof STATUS_KIND], what: status[1], lost: false, line };
  const net = NETWORK.exec(text);
  if (net) {
    const what = net[0] === 'was refused' ? 'connection refused' : net[0];
    return { kind: /timeout/i.test(what) ? 'timeout' : 'unreachable', what, lost: true, line };
  }
  for (const [re, kind, word] of RULES) {
    const m = re.exec(text);
    if (m) return { kind, what: word ?? m[0], lost: false, line };
  }
  if (r.timedOut) return { kind: 'timeout', what: 'no answer', lost: false, line };
  return { kind: 'other', what: line, lost: false, line };
}

/**
 * What kubectl says when the API server went away under it ("connection refused", "EOF", "i/o
 * timeout" ...), in a few words; undefined for anything else.
 */
export function connectionLoss(text: string): string | undefined {
  const f = classifyKubectl({ stderr: text });
  return f.lost ? f.what : undefined;
}

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
