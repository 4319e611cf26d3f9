import { connectionError, namespaceError, shortImage } from '../src/stages/deploy/report';
import {
  containerProblems,
  failureReasons,
  parseDeployment,
  parseEvents,
  parsePods,
  stuckContainers,
  parseRolloutStatus,
  selectorString,
} from '../src/tools/kubectl';

/** API objects shaped as `kubectl get -o json` prints them (apps/v1 and v1, fields as the API server sets them). */
const deployment = (
  over: { revision?: string; image?: string; conditions?: object[]; cause?: string } = {},
) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'hello-mcp',
      namespace: 'staging',
      generation: 4,
      annotations: {
        ...(over.revision ? { 'deployment.kubernetes.io/revision': over.revision } : {}),
        ...(over.cause ? { 'kubernetes.io/change-cause': over.cause } : {}),
      },
    },
    spec: {
      replicas: 2,
      selector: {
        matchLabels: { 'app.kubernetes.io/name': 'hello-mcp', 'app.kubernetes.io/component': 'mcp-server' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      },
      template: {
        spec: {
          containers: [
            { name: 'server', image: over.image ?? 'ghcr.io/acme/hello-mcp@sha256:' + '1'.repeat(64) },
            { name: 'sidecar', image: 'busybox:1.36' },
          ],
        },
      },
    },
    status: {
      observedGeneration: 4,
      replicas: 3,
      updatedReplicas: 1,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: over.conditions ?? [],
    },
  });

const pods = JSON.stringify({
  apiVersion: 'v1',
  kind: 'List',
  items: [
    {
      metadata: {
        name: 'hello-mcp-6d9c7b8f5d-x2k4p',
        ownerReferences: [{ kind: 'ReplicaSet', name: 'hello-mcp-6d9c7b8f5d' }],
      },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'server',
            image: 'ghcr.io/acme/hello-mcp@sha256:' + '1'.repeat(64),
            ready: true,
            restartCount: 0,
            state: { running: { startedAt: '2025-01-01T10:00:00Z' } },
          },
        ],
      },
    },
    {
      metadata: {
        name: 'hello-mcp-7f4d5c6b9a-abcde',
        ownerReferences: [{ kind: 'ReplicaSet', name: 'hello-mcp-7f4d5c6b9a' }],
      },
      status: {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'server',
            image: 'ghcr.io/acme/pullfail@sha256:' + '2'.repeat(64),
            ready: false,
            restartCount: 0,
            state: {
              waiting: {
                reason: 'ImagePullBackOff',
                message: 'Back-off pulling image "ghcr.io/acme/pullfail"',
              },
            },
          },
        ],
      },
    },
    {
      metadata: { name: 'hello-mcp-7f4d5c6b9a-fghij' },
      status: {
        phase: 'Running',
        initContainerStatuses: [
          {
            name: 'migrate',
            ready: true,
            restartCount: 0,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
        ],
        containerStatuses: [
          {
            name: 'server',
            ready: false,
            restartCount: 4,
            state: {
              waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' },
            },
            lastState: { terminated: { reason: 'Error', exitCode: 101 } },
          },
        ],
      },
    },
  ],
});

describe('kubectl JSON → deployment, pods, events', () => {
  test('a deployment: revision, containers, selector with expressions, change-cause', () => {
    const d = parseDeployment(deployment({ revision: '7', cause: 'mcp-deploy abc' }))!;
    expect(d).toMatchObject({
      name: 'hello-mcp',
      namespace: 'staging',
      revision: 7,
      replicas: 2,
      updatedReplicas: 1,
      containers: [
        { name: 'server', image: expect.stringContaining('@sha256:111') },
        { name: 'sidecar', image: 'busybox:1.36' },
      ],
      changeCause: 'mcp-deploy abc',
    });
    expect(d.selector).toBe(
      'app.kubernetes.io/name=hello-mcp,app.kubernetes.io/component=mcp-server,tier in (a,b),!canary',
    );
  });

  test('--ignore-not-found prints nothing: no deployment; no revision annotation: undefined revision', () => {
    expect(parseDeployment('')).toBeUndefined();
    expect(parseDeployment('\n')).toBeUndefined();
    expect(parseDeployment(deployment())?.revision).toBeUndefined();
    expect(
      selectorString({
        matchExpressions: [
          { key: 'a', operator: 'NotIn', values: ['x'] },
          { key: 'b', operator: 'Exists' },
        ],
      }),
    ).toBe('a notin (x),b');
  });

  test('pods: owner, waiting reasons, restarts and the last termination', () => {
    const p = parsePods(pods);
    expect(p.map((x) => [x.name, x.phase, x.owner])).toEqual([
      ['hello-mcp-6d9c7b8f5d-x2k4p', 'Running', 'hello-mcp-6d9c7b8f5d'],
      ['hello-mcp-7f4d5c6b9a-abcde', 'Pending', 'hello-mcp-7f4d5c6b9a'],
      ['hello-mcp-7f4d5c6b9a-fghij', 'Running', undefined],
    ]);
    expect(p[2].containers[1]).toMatchObject({
      name: 'server',
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      restartCount: 4,
      lastReason: 'Error',
      lastExitCode: 101,
    });
  });

  test('problems: pull failures first, crash loops with --previous logs, healthy and completed containers left out', () => {
    const probs = containerProblems(parsePods(pods));
    expect(probs).toEqual([
      {
        pod: 'hello-mcp-7f4d5c6b9a-abcde',
        container: 'server',
        reason: 'ImagePullBackOff',
        message: 'Back-off pulling image "ghcr.io/acme/pullfail"',
        restarts: 0,
        hasLogs: false,
        previous: false,
      },
      {
        pod: 'hello-mcp-7f4d5c6b9a-fghij',
        container: 'server',
        reason: 'CrashLoopBackOff',
        message: 'back-off 40s restarting failed container; last exit: Error (code 101)',
        restarts: 4,
        hasLogs: true,
        previous: true,
      },
    ]);
  });

  test('stuck containers: only pods the rollout made, only states that do not heal by themselves', () => {
    const pod = (name: string, owner: string, state: Record<string, unknown>, restartCount = 0) => ({
      metadata: { name, ownerReferences: [{ kind: 'ReplicaSet', name: owner }] },
      status: { phase: 'Pending', containerStatuses: [{ name: 'server', restartCount, state }] },
    });
    const list = (...items: unknown[]) => parsePods(JSON.stringify({ items }));
    const before = new Set(['app-old']);
    // A release that repairs a crash-looping deployment: the old pods' crash loop is not its problem.
    const repair = list(
      pod('app-old-1', 'app-old', { waiting: { reason: 'CrashLoopBackOff', message: 'back-off' } }, 9),
      pod('app-new-1', 'app-new', { waiting: { reason: 'ContainerCreating' } }),
    );
    expect(stuckContainers(repair, before)).toEqual([]);
    // A broken release: its own pod cannot pull.
    const broken = list(
      pod('app-old-1', 'app-old', { running: {} }),
      pod('app-new-1', 'app-new', { waiting: { reason: 'ImagePullBackOff', message: 'pull' } }),
    );
    expect(stuckContainers(broken, before).map((c) => [c.pod, c.reason])).toEqual([
      ['app-new-1', 'ImagePullBackOff'],
    ]);
    // Restarted but running again is not stuck.
    expect(stuckContainers(list(pod('app-new-1', 'app-new', { running: {} }, 2)), before)).toEqual([]);
  });

  test('events: only the deployment, its ReplicaSets and pods, oldest first, whichever timestamp is set', () => {
    const ev = (kind: string, name: string, reason: string, t: Record<string, unknown>) => ({
      involvedObject: { kind, name },
      reason,
      type: reason === 'Failed' || reason === 'BackOff' ? 'Warning' : 'Normal',
      message: `${reason} of ${name}`,
      ...t,
    });
    const json = JSON.stringify({
      items: [
        ev('Pod', 'hello-mcp-7f4d5c6b9a-abcde', 'BackOff', {
          lastTimestamp: '2025-01-01T10:00:09Z',
          count: 3,
        }),
        ev('Deployment', 'hello-mcp', 'ScalingReplicaSet', { lastTimestamp: '2025-01-01T10:00:01Z' }),
        ev('Pod', 'hello-mcp-7f4d5c6b9a-abcde', 'Failed', {
          eventTime: '2025-01-01T10:00:05.123456Z',
          series: { count: 2, lastObservedTime: '2025-01-01T10:00:07.000000Z' },
        }),
        ev('ReplicaSet', 'hello-mcp-7f4d5c6b9a', 'SuccessfulCreate', {
          firstTimestamp: '2025-01-01T10:00:02Z',
        }),
        ev('Deployment', 'hello-mcp-canary', 'ScalingReplicaSet', { lastTimestamp: '2025-01-01T10:00:03Z' }),
        ev('Pod', 'other-5d8f7c9b6d-qwert', 'Pulled', { lastTimestamp: '2025-01-01T10:00:04Z' }),
        ev('Pod', 'hello-mcp-job', 'Pulled', { metadata: { creationTimestamp: '2025-01-01T10:00:00Z' } }),
      ],
    });
    const rows = parseEvents(json, 'hello-mcp', ['hello-mcp-job']);
    expect(rows.map((r) => [r.time, r.reason, r.object, r.count])).toEqual([
      ['2025-01-01T10:00:00Z', 'Pulled', 'Pod/hello-mcp-job', 1],
      ['2025-01-01T10:00:01Z', 'ScalingReplicaSet', 'Deployment/hello-mcp', 1],
      ['2025-01-01T10:00:02Z', 'SuccessfulCreate', 'ReplicaSet/hello-mcp-7f4d5c6b9a', 1],
      ['2025-01-01T10:00:07.000000Z', 'Failed', 'Pod/hello-mcp-7f4d5c6b9a-abcde', 2],
      ['2025-01-01T10:00:09Z', 'BackOff', 'Pod/hello-mcp-7f4d5c6b9a-abcde', 3],
    ]);
  });
});

describe('rollout status and why a rollout failed', () => {
  const r = (exitCode: number, stdout: string, stderr = '', timedOut = false) => ({
    exitCode,
    stdout,
    stderr,
    timedOut,
  });

  test.each([
    [
      r(
        0,
        'Waiting for deployment "a" rollout to finish: 0 of 1 updated replicas are available...\ndeployment "a" successfully rolled out\n',
      ),
      { done: true },
    ],
    [
      r(
        1,
        'Waiting for deployment "a" rollout to finish...\n',
        'error: deployment "a" exceeded its progress deadline\n',
      ),
      { done: false, reason: 'ProgressDeadlineExceeded' },
    ],
    [r(1, '', 'error: timed out waiting for the condition\n'), { done: false, reason: 'Timeout' }],
    [r(137, '', '', true), { done: false, reason: 'Timeout' }],
    [
      r(1, '', 'Error from server (NotFound): deployments.apps "a" not found\n'),
      {
        done: false,
        reason: 'Error',
        message: 'Error from server (NotFound): deployments.apps "a" not found',
      },
    ],
  ])('%j', (res, want) => expect(parseRolloutStatus(res)).toMatchObject(want));

  test('reasons: the pods say what, the deployment says that it gave up', () => {
    const d = parseDeployment(
      deployment({
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: 'ReplicaSet "x" has timed out progressing.',
          },
        ],
      }),
    );
    const status = parseRolloutStatus(
      r(1, '', 'error: deployment "hello-mcp" exceeded its progress deadline'),
    );
    expect(failureReasons(status, d, containerProblems(parsePods(pods)))).toEqual([
      'ImagePullBackOff',
      'CrashLoopBackOff',
      'ProgressDeadlineExceeded',
    ]);
    expect(
      failureReasons(
        parseRolloutStatus(r(1, '', 'error: timed out waiting for the condition')),
        parseDeployment(deployment()),
        [],
      ),
    ).toEqual(['Timeout']);
  });
});

describe('connection errors: one line naming the input, never the kubeconfig', () => {
  test.each([
    [
      'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?',
      /^input 'kubeconfig': the cluster at https:\/\/k:6443 is unreachable: connection refused/,
    ],
    [
      'Unable to connect to the server: dial tcp: lookup k on 10.0.0.1:53: no such host',
      /host name does not resolve/,
    ],
    ['Unable to connect to the server: dial tcp 10.0.0.1:6443: i/o timeout', /did not answer in time/],
    [
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority',
      /certificate that is not trusted \(fix: set certificate-authority-data/,
    ],
    [
      'error: You must be logged in to the server (Unauthorized)',
      /rejected the credentials \(Unauthorized\)/,
    ],
    ['error: context "prod" does not exist', /^input 'context': context 'prod' does not exist/],
    [
      'Error in configuration: context was not found for specified context: prod',
      /^input 'context': context 'prod' does not exist/,
    ],
  ])('%s', (stderr, msg) => expect(connectionError(stderr, 'https://k:6443', true).message).toMatch(msg));

  test('without a kubeconfig input the error names no input', () => {
    expect(
      connectionError('The connection to the server localhost:8080 was refused', undefined, false).message,
    ).toBe(
      'the cluster is unreachable: connection refused (fix: check the server address and that the API server is reachable from the runner)',
    );
  });

  test('namespace', () => {
    expect(namespaceError('Error from server (NotFound): namespaces "nope" not found', 'nope').message).toBe(
      "input 'namespace': namespace 'nope' does not exist in the cluster (fix: create it first or fix the name)",
    );
  });

  test('short image names for the summary', () => {
    expect(shortImage('ghcr.io/acme/hello-mcp@sha256:' + 'ab'.repeat(32))).toBe('hello-mcp@abababababab');
    expect(shortImage('busybox:1.36')).toBe('busybox:1.36');
  });
});
