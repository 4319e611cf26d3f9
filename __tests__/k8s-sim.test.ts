import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { describeWith, missingCommands } from './support/skip';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Date.now() when the process exited. */
  exitedAt: number;
}

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;

function deployment(
  name: string,
  image: string,
  extra: { progressDeadlineSeconds?: number; namespace?: string; replicas?: number } = {},
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}${extra.namespace ? `\n  namespace: ${extra.namespace}` : ''}
spec:
  replicas: ${extra.replicas ?? 1}${extra.progressDeadlineSeconds ? `\n  progressDeadlineSeconds: ${extra.progressDeadlineSeconds}` : ''}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: server
        image: ${image}
        ports: [{containerPort: 8080, name: http}]
        env: [{name: MCP_SERVER_PORT, value: "8080"}]
`;
}

function service(name: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: http}]
`;
}

describeWith('k8s simulator with the real kubectl', missingCommands('kubectl'), () => {
  const TOKEN = 'sim-secret-token';
  let sim: K8sSim;
  let dir: string;
  let kubeconfig: string;

  function kubectl(args: string[], opts: { kubeconfig?: string; timeoutMs?: number } = {}): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        'kubectl',
        ['--kubeconfig', opts.kubeconfig ?? kubeconfig, '--cache-dir', path.join(dir, 'cache'), ...args],
        { timeout: opts.timeoutMs ?? 30000, env: { ...process.env, HOME: dir, KUBECONFIG: '' } },
        (err, stdout, stderr) => {
          const exitedAt = Date.now();
          const code = err
            ? typeof (err as { code?: unknown }).code === 'number'
              ? (err as { code: number }).code
              : 1
            : 0;
          resolve({ code, stdout: String(stdout), stderr: String(stderr), exitedAt });
        },
      );
    });
  }

  async function ok(args: string[]): Promise<string> {
    const r = await kubectl(args);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }

  async function getJson(args: string[]): Promise<any> {
    return JSON.parse(await ok(['get', ...args, '-o', 'json']));
  }

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-sim-test-'));
    sim = await startK8sSim({ token: TOKEN, podReadyMs: 150 });
    kubeconfig = sim.writeKubeconfig(dir);
  });

  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('kubeconfig is 0600 and kubectl version reaches the server', async () => {
    expect(fs.statSync(kubeconfig).mode & 0o777).toBe(0o600);
    expect(sim.kubeconfig()).toContain(`server: ${sim.url}`);
    const out = await ok(['version']);
    expect(out).toMatch(/Client Version: v1\.32/);
    expect(out).toMatch(/Server Version: v1\.32/);
  });

  test('a wrong token is Unauthorized', async () => {
    const bad = sim.writeKubeconfig(dir, { context: 'bad', token: 'wrong' });
    const r = await kubectl(['get', 'deployments'], { kubeconfig: bad });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/You must be logged in to the server/);
    expect(sim.url).toMatch(/^https:/);
    const res = await fetch(`${sim.url.replace('https:', 'http:')}/version`).catch((e: Error) => e);
    expect(res).not.toHaveProperty('status'); // https only: a plain http request fails
  });

  test('apply creates, leaves unchanged, then configures a Deployment and a Service', async () => {
    const file = write(
      'web.yaml',
      `${deployment('web', `registry.local/web@${DIGEST_A}`)}---\n${service('web')}`,
    );
    expect(await ok(['apply', '--validate=false', '-f', file])).toBe(
      'deployment.apps/web created\nservice/web created\n',
    );
    expect(await ok(['apply', '--validate=false', '-f', file])).toBe(
      'deployment.apps/web unchanged\nservice/web unchanged\n',
    );
    write(
      'web.yaml',
      `${deployment('web', `registry.local/web@${DIGEST_A}`, { replicas: 2 })}---\n${service('web')}`,
    );
    expect(await ok(['apply', '--validate=false', '-f', file])).toBe(
      'deployment.apps/web configured\nservice/web unchanged\n',
    );
    const patches = sim.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/deployments/web'));
    expect(patches.map((p) => p.contentType)).toEqual(['application/strategic-merge-patch+json']);

    const d = await getJson(['deployment', 'web']);
    expect(d.kind).toBe('Deployment');
    expect(d.spec.replicas).toBe(2);
    expect(d.metadata.generation).toBe(2);
    expect(d.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain(
      '"replicas":2',
    );
    expect(d.spec.template.spec.containers[0].env).toEqual([{ name: 'MCP_SERVER_PORT', value: '8080' }]);
    await ok(['rollout', 'status', 'deployment/web', '--timeout=20s']);
    const done = await getJson(['deployment', 'web']);
    expect(done.status).toMatchObject({
      observedGeneration: 2,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    });
    expect(done.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
  });

  test('set image rolls out to new pods; rollout status notices within a second', async () => {
    const set = kubectl(['set', 'image', 'deployment/web', `server=registry.local/web@${DIGEST_B}`]);
    expect((await set).stdout).toBe('deployment.apps/web image updated\n');
    expect(
      sim.requests.filter((r) => r.path.includes('fieldManager=kubectl-set')).map((r) => r.contentType),
    ).toEqual(['application/strategic-merge-patch+json']);
    const r = await kubectl(['rollout', 'status', 'deployment/web', '--timeout=20s']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/deployment "web" successfully rolled out\n$/);
    const done = sim.completions.filter((c) => c.name === 'web' && c.revision === '2');
    expect(done).toHaveLength(1);
    const latency = r.exitedAt - done[0].at;

    console.log(`k8s-sim: rollout complete -> kubectl rollout status exited in ${latency} ms`);
    expect(latency).toBeGreaterThanOrEqual(0);
    expect(latency).toBeLessThan(1000);

    const pods = await getJson(['pods', '-l', 'app=web']);
    expect(pods.items).toHaveLength(2);
    for (const p of pods.items) {
      expect(p.spec.containers[0].image).toBe(`registry.local/web@${DIGEST_B}`);
      expect(p.status.phase).toBe('Running');
      expect(p.metadata.labels['pod-template-hash']).toMatch(/^[a-z0-9]{10}$/);
    }
    const rs = await getJson(['replicasets', '-l', 'app=web']);
    const byRev = Object.fromEntries(
      rs.items.map((x: any) => [x.metadata.annotations['deployment.kubernetes.io/revision'], x]),
    );
    expect(byRev['1'].spec.replicas).toBe(0);
    expect(byRev['2'].spec.replicas).toBe(2);
    expect(byRev['2'].metadata.ownerReferences[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      controller: true,
    });
  });

  test('rollout status prints the waiting line, then success', async () => {
    await ok(['set', 'image', 'deployment/web', `server=registry.local/web:v3`]);
    await ok(['rollout', 'status', 'deployment/web', '--timeout=20s']);
    // a slow simulator (pods ready after 1.5 s) so kubectl surely sees the rollout in progress
    const slow = await startK8sSim({ podReadyMs: 1500 });
    try {
      const kc = slow.writeKubeconfig(dir, { context: 'slow' });
      await kubectl(
        ['apply', '--validate=false', '-f', write('slow.yaml', deployment('slow', 'registry.local/slow:1'))],
        { kubeconfig: kc },
      );
      const r = await kubectl(['rollout', 'status', 'deployment/slow', '--timeout=20s'], { kubeconfig: kc });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /^Waiting for deployment "slow" rollout to finish: 0 of 1 updated replicas are available\.\.\.\n/,
      );
      expect(r.stdout).toMatch(/\ndeployment "slow" successfully rolled out\n$/);
    } finally {
      await slow.stop();
    }
  });

  test('annotate, rollout history and rollout undo keep revision numbers like the real controller', async () => {
    expect(await ok(['annotate', 'deployment', 'web', 'kubernetes.io/change-cause=deploy v3'])).toBe(
      'deployment.apps/web annotated\n',
    );
    expect(
      sim.requests.filter((r) => r.path.includes('fieldManager=kubectl-annotate')).map((r) => r.contentType),
    ).toEqual(['application/merge-patch+json']);
    await until('change-cause on the ReplicaSet', async () => {
      const h = await ok(['rollout', 'history', 'deployment/web']);
      return /^3\s+deploy v3$/m.test(h) ? h : undefined;
    });
    const history = await ok(['rollout', 'history', 'deployment/web']);
    expect(history).toMatch(/^1\s+<none>$/m);
    expect(history).toMatch(/^2\s+<none>$/m);

    expect(await ok(['rollout', 'undo', 'deployment/web', '--to-revision=2'])).toBe(
      'deployment.apps/web rolled back\n',
    );
    expect(sim.requests.filter((r) => r.method === 'PATCH').pop()?.contentType).toBe(
      'application/json-patch+json',
    );
    await ok(['rollout', 'status', 'deployment/web', '--timeout=20s']);
    const d = await getJson(['deployment', 'web']);
    expect(d.spec.template.spec.containers[0].image).toBe(`registry.local/web@${DIGEST_B}`);
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('4');
    const after = await ok(['rollout', 'history', 'deployment/web']);
    const revisions = [...after.matchAll(/^(\d+)\s/gm)].map((m) => m[1]);
    expect(revisions).toEqual(['1', '3', '4']);
    expect(sim.completions.some((c) => c.name === 'web' && c.revision === '4')).toBe(true);

    expect(await ok(['rollout', 'undo', 'deployment/web'])).toBe('deployment.apps/web rolled back\n');
    await ok(['rollout', 'status', 'deployment/web', '--timeout=20s']);
    expect(sim.get('deployments', 'default', 'web').spec.template.spec.containers[0].image).toBe(
      'registry.local/web:v3',
    );
    expect(
      sim.get('deployments', 'default', 'web').metadata.annotations['deployment.kubernetes.io/revision'],
    ).toBe('5');
  });

  test('events sort by lastTimestamp and describe shows the rollout', async () => {
    const events = await ok(['get', 'events', '--sort-by=.lastTimestamp']);
    expect(events).toMatch(/ScalingReplicaSet/);
    expect(events).toMatch(/SuccessfulCreate/);
    expect(events).toMatch(/Started/);
    const json = await getJson([
      'events',
      '--field-selector',
      'involvedObject.kind=Deployment,involvedObject.name=web',
    ]);
    expect(json.items.length).toBeGreaterThan(0);
    for (const e of json.items) {
      expect(e).toMatchObject({
        involvedObject: { kind: 'Deployment', name: 'web' },
        reason: 'ScalingReplicaSet',
        source: { component: 'deployment-controller' },
        type: 'Normal',
      });
      expect(e.count).toBeGreaterThanOrEqual(1);
      expect(e.firstTimestamp).toMatch(/Z$/);
    }
    const describe = await ok(['describe', 'deployment', 'web']);
    expect(describe).toMatch(/^Name:\s+web$/m);
    expect(describe).toMatch(/Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable/);
    expect(describe).toMatch(/Progressing\s+True\s+NewReplicaSetAvailable/);
    expect(describe).toMatch(/NewReplicaSet:\s+web-[a-z0-9]{10} \(2\/2 replicas created\)/);
    expect(describe).toMatch(/ScalingReplicaSet\s+.*deployment-controller\s+Scaled up replica set web-/);
    const pod = (await getJson(['pods', '-l', 'app=web'])).items[0].metadata.name;
    const dp = await ok(['describe', 'pod', pod]);
    expect(dp).toMatch(/Status:\s+Running/);
    expect(dp).toMatch(/Successfully assigned default\/web-/);
  });

  test('crashloop pods restart with CrashLoopBackOff, BackOff events and previous logs', async () => {
    await ok([
      'apply',
      '--validate=false',
      '-f',
      write('crash.yaml', deployment('crash', 'registry.local/crashloop:1', { progressDeadlineSeconds: 2 })),
    ]);
    const pod = await until('a restarted crashloop pod', async () => {
      const pods = await getJson(['pods', '-l', 'app=crash']);
      const p = pods.items[0];
      return p?.status?.containerStatuses?.[0]?.restartCount >= 2 ? p : undefined;
    });
    const cs = pod.status.containerStatuses[0];
    expect(cs.state.waiting.reason).toBe('CrashLoopBackOff');
    expect(cs.lastState.terminated.exitCode).toBe(1);
    expect(cs.ready).toBe(false);
    const logs = await ok(['logs', pod.metadata.name]);
    expect(logs).toContain('error: config missing MCP_SERVER_PORT');
    const previous = await ok(['logs', pod.metadata.name, '--previous', '--tail=1']);
    expect(previous).toBe('error: config missing MCP_SERVER_PORT\n');
    expect(
      sim.requests.some(
        (r) =>
          r.path.includes(`/pods/${pod.metadata.name}/log?`) &&
          r.path.includes('previous=true') &&
          r.path.includes('tailLines=1'),
      ),
    ).toBe(true);
    const ev = await getJson([
      'events',
      '--field-selector',
      `involvedObject.name=${pod.metadata.name},reason=BackOff`,
    ]);
    expect(ev.items[0].message).toMatch(/^Back-off restarting failed container server in pod crash-/);
    expect(ev.items[0].type).toBe('Warning');
    const r = await kubectl(['rollout', 'status', 'deployment/crash', '--timeout=20s']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: deployment "crash" exceeded its progress deadline');
  });

  test('pullfail pods show ImagePullBackOff and rollout status fails at the progress deadline', async () => {
    await ok([
      'apply',
      '--validate=false',
      '-f',
      write(
        'bad.yaml',
        deployment('bad', 'registry.local/pullfail@' + DIGEST_A, { progressDeadlineSeconds: 2 }),
      ),
    ]);
    const r = await kubectl(['rollout', 'status', 'deployment/bad', '--timeout=20s']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /Waiting for deployment "bad" rollout to finish: 0 of 1 updated replicas are available/,
    );
    expect(r.stderr).toContain('error: deployment "bad" exceeded its progress deadline');
    const pods = await getJson(['pods', '-l', 'app=bad']);
    expect(pods.items[0].status.phase).toBe('Pending');
    expect(pods.items[0].status.containerStatuses[0].state.waiting.reason).toBe('ImagePullBackOff');
    const ev = await getJson([
      'events',
      '--field-selector',
      `involvedObject.name=${pods.items[0].metadata.name}`,
    ]);
    const reasons = ev.items.map((e: any) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Failed', 'BackOff']));
    const failed = ev.items.filter((e: any) => e.reason === 'Failed').map((e: any) => e.message);
    expect(failed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Failed to pull image "registry\.local\/pullfail@sha256:a+": .*not found$/),
        'Error: ErrImagePull',
      ]),
    );
    const d = await getJson(['deployment', 'bad']);
    expect(d.status.conditions.find((c: any) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
    });
  });

  test('apply -k creates the namespace first and the objects in it', async () => {
    write('kust/namespace.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mcp-staging\n');
    write('kust/deployment.yaml', deployment('mcp', `registry.local/mcp@${DIGEST_A}`));
    write('kust/service.yaml', service('mcp'));
    write(
      'kust/kustomization.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: mcp-staging\nresources: [namespace.yaml, deployment.yaml, service.yaml]\nconfigMapGenerator:\n- name: mcp-config\n  literals: [LOG_LEVEL=info]\n',
    );
    const out = await ok(['apply', '--validate=false', '-k', path.join(dir, 'kust')]);
    expect(out).toMatch(/^namespace\/mcp-staging created$/m);
    expect(out).toMatch(/^configmap\/mcp-config-[a-z0-9]+ created$/m);
    expect(out).toMatch(/^deployment\.apps\/mcp created$/m);
    await ok(['-n', 'mcp-staging', 'rollout', 'status', 'deployment/mcp', '--timeout=20s']);
    expect(sim.get('deployments', 'mcp-staging', 'mcp').status.readyReplicas).toBe(1);
    expect(sim.get('namespaces', undefined, 'mcp-staging').status.phase).toBe('Active');
  });

  test('typed kubectl create (protobuf bodies), server dry-run, server-side apply and rollout restart', async () => {
    expect(await ok(['create', 'namespace', 'tools'])).toBe('namespace/tools created\n');
    expect(await ok(['-n', 'tools', 'create', 'configmap', 'cfg', '--from-literal=LOG_LEVEL=debug'])).toBe(
      'configmap/cfg created\n',
    );
    expect(
      await ok(['-n', 'tools', 'create', 'secret', 'generic', 'tok', '--from-literal=token=s3cret']),
    ).toBe('secret/tok created\n');
    expect(
      sim.requests
        .filter((r) => r.method === 'POST' && r.path.includes('fieldManager=kubectl-create'))
        .map((r) => r.contentType),
    ).toEqual([
      'application/vnd.kubernetes.protobuf',
      'application/vnd.kubernetes.protobuf',
      'application/vnd.kubernetes.protobuf',
    ]);
    expect(sim.get('configmaps', 'tools', 'cfg').data).toEqual({ LOG_LEVEL: 'debug' });
    expect(Buffer.from(sim.get('secrets', 'tools', 'tok').data.token, 'base64').toString()).toBe('s3cret');
    expect(sim.get('serviceaccounts', 'tools', 'default')).toBeDefined();

    const file = write('dry.yaml', deployment('web', 'registry.local/web:dry', { replicas: 2 }));
    expect(await ok(['apply', '--validate=false', '--dry-run=server', '-f', file])).toBe(
      'deployment.apps/web configured (server dry run)\n',
    );
    expect(sim.get('deployments', 'default', 'web').spec.template.spec.containers[0].image).not.toBe(
      'registry.local/web:dry',
    );
    expect(sim.requests.some((r) => r.method === 'PATCH' && r.path.includes('dryRun=All'))).toBe(true);

    const ssa = write('ssa.yaml', deployment('ssa', 'registry.local/ssa:1'));
    expect(await ok(['apply', '--server-side', '--validate=false', '-f', ssa])).toBe(
      'deployment.apps/ssa serverside-applied\n',
    );
    expect(
      sim.requests.filter((r) => r.path.includes('/deployments/ssa?')).map((r) => r.contentType),
    ).toContain('application/apply-patch+yaml');
    await ok(['rollout', 'status', 'deployment/ssa', '--timeout=20s']);

    expect(await ok(['rollout', 'restart', 'deployment/ssa'])).toBe('deployment.apps/ssa restarted\n');
    await ok(['rollout', 'status', 'deployment/ssa', '--timeout=20s']);
    expect(
      sim.get('deployments', 'default', 'ssa').metadata.annotations['deployment.kubernetes.io/revision'],
    ).toBe('2');
    expect(await ok(['wait', '--for=condition=available', 'deployment/ssa', '--timeout=10s'])).toBe(
      'deployment.apps/ssa condition met\n',
    );
    expect(await ok(['delete', 'deployment', 'ssa'])).toBe('deployment.apps "ssa" deleted\n');
    await until('garbage collection of the ReplicaSets', async () =>
      (await getJson(['rs', '-l', 'app=ssa'])).items.length === 0 ? true : undefined,
    );
  });

  test('a missing namespace or object is NotFound', async () => {
    const ns = await kubectl(['get', 'namespace', 'nope']);
    expect(ns.code).toBe(1);
    expect(ns.stderr).toContain('Error from server (NotFound): namespaces "nope" not found');
    // kubectl 1.32 follows a NotFound object with a GET of its namespace and reports the missing namespace
    const d = await kubectl(['-n', 'nope', 'get', 'deployment', 'web']);
    expect(d.stderr).toContain('Error from server (NotFound): namespaces "nope" not found');
    const o = await kubectl(['get', 'deployment', 'nothing']);
    expect(o.stderr).toContain('Error from server (NotFound): deployments.apps "nothing" not found');
    const create = await kubectl([
      '-n',
      'nope',
      'apply',
      '--validate=false',
      '-f',
      write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n'),
    ]);
    expect(create.code).toBe(1);
    expect(create.stderr).toContain('namespaces "nope" not found');
  });

  test('a watch ends at timeoutSeconds and stop() ends open watches (plain http without a token)', async () => {
    const plain = await startK8sSim();
    try {
      expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const started = Date.now();
      const res = await fetch(
        `${plain.url}/api/v1/namespaces?watch=true&fieldSelector=metadata.name%3Ddefault&timeoutSeconds=1`,
      );
      const text = await res.text();
      expect(Date.now() - started).toBeLessThan(3000);
      const events = text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(events).toEqual([
        expect.objectContaining({ type: 'ADDED', object: expect.objectContaining({ kind: 'Namespace' }) }),
      ]);
    } finally {
      const open = await fetch(`${plain.url}/api/v1/namespaces?watch=true`);
      const body = open.text();
      await plain.stop();
      expect((await body).trim().split('\n')).toHaveLength(2);
    }
  });

  test('disconnectOn: the matching request is dropped and the server stays away until reconnect', async () => {
    const own = await startK8sSim({ token: TOKEN });
    const file = own.writeKubeconfig(dir, { context: 'cut' });
    const kc = (args: string[]) => kubectl(args, { kubeconfig: file });
    try {
      const two = `${deployment('one', `registry.local/one@${DIGEST_A}`)}---\n${deployment('two', `registry.local/two@${DIGEST_A}`)}`;
      own.disconnectOn(
        (r) =>
          r.method === 'POST' &&
          /\/deployments(\?|$)/.test(r.path) &&
          own.get('deployments', 'default', 'one') !== undefined,
      );
      const r = await kc(['apply', '--validate=false', '-f', write('cut.yaml', two)]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/: EOF$/m);
      expect(own.get('deployments', 'default', 'one')).toBeDefined();
      expect(own.get('deployments', 'default', 'two')).toBeUndefined();
      expect((await kc(['get', 'deployments'])).stderr).toMatch(/was refused/);
      await own.reconnect();
      expect((await kc(['get', 'deployment', 'one', '-o', 'name'])).stdout.trim()).toBe(
        'deployment.apps/one',
      );
    } finally {
      await own.stop();
    }
  });
});
