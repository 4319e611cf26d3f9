import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startDockerd, type Dockerd } from './support/dockerd';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { startRegistry, type Registry } from './support/registry';
import { importScratchImage, ok, pushImage, run } from './support/scratch-image';
import { describeWith, missingCommands } from './support/skip';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const resolver = require('./support/ingress-resolve.cjs') as { pin(...hosts: string[]): void };

const ROOT = path.resolve(__dirname, '..');
const CRATE = path.join(ROOT, 'examples', 'hello-mcp');
const HOST = 'hello.kubelet.test';

function manifests(image: string, configPort = '8080'): string {
  return `apiVersion: v1
kind: Namespace
metadata: {name: mcp}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: hello-config, namespace: mcp}
data:
  MCP_ALLOWED_HOSTS: ${HOST}
  PORT_FROM_CONFIG: "${configPort}"
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: hello, namespace: mcp}
spec:
  replicas: 1
  selector: {matchLabels: {app: hello}}
  template:
    metadata: {labels: {app: hello}}
    spec:
      securityContext: {runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532}
      containers:
      - name: hello
        image: ${image}
        ports: [{name: http, containerPort: 8080}]
        envFrom: [{configMapRef: {name: hello-config}}]
        env:
        - name: MCP_SERVER_PORT
          valueFrom: {configMapKeyRef: {name: hello-config, key: PORT_FROM_CONFIG}}
        securityContext:
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
          capabilities: {drop: [ALL]}
        volumeMounts: [{name: tmp, mountPath: /tmp}]
        readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 2}
        livenessProbe: {httpGet: {path: /health, port: http}, periodSeconds: 5}
      volumes: [{name: tmp, emptyDir: {}}]
---
apiVersion: v1
kind: Service
metadata: {name: hello, namespace: mcp}
spec:
  selector: {app: hello}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: hello, namespace: mcp}
spec:
  rules:
  - host: ${HOST}
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: hello, port: {number: 80}}}}
`;
}

describeWith(
  'k8s simulator kubelet: pods as real containers on a private dockerd',
  missingCommands('dockerd', 'docker', 'docker-registry', 'cargo', 'kubectl', 'ldd', 'tar', 'ip'),
  () => {
    let engine: Dockerd;
    let registry: Registry;
    let sim: K8sSim | undefined;
    let work: string;
    let kubeconfig: string;
    let image: string;
    let dockerEnv: NodeJS.ProcessEnv;

    const kubectl = (args: string[], input?: string, timeoutMs = 60_000) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(
          'kubectl',
          ['--kubeconfig', kubeconfig, '--cache-dir', path.join(work, 'kcache'), ...args],
          { timeout: timeoutMs, env: { ...process.env, HOME: work, KUBECONFIG: '' } },
          (err, stdout, stderr) =>
            resolve({ code: err ? Number((err as { code?: unknown }).code) || 1 : 0, stdout, stderr }),
        );
        if (input !== undefined) child.stdin!.end(input);
      });

    const waitFor = async <T>(what: string, f: () => Promise<T | undefined> | T | undefined, ms = 60_000) => {
      const end = Date.now() + ms;
      for (;;) {
        const v = await f();
        if (v !== undefined && v !== false) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };

    beforeAll(async () => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-kubelet-test-'));
      const target = path.join(work, 'target');
      await ok('cargo', ['build', '--locked', '--bin', 'hello-mcp'], {
        cwd: CRATE,
        env: { ...process.env, CARGO_TARGET_DIR: target, CARGO_TERM_COLOR: 'never' },
        timeoutMs: 600_000,
      });
      engine = await startDockerd();
      dockerEnv = { ...process.env, ...engine.env };
      registry = await startRegistry();
      await importScratchImage(work, dockerEnv, 'local/hello:test', {
        binary: path.join(target, 'debug', 'hello-mcp'),
        user: '65532:65532',
      });
      image = (await pushImage(dockerEnv, 'local/hello:test', registry.host, 'team/hello', '1')).ref;
      // The kubelet pulls by digest from the registry: nothing local may answer for it.
      await ok('docker', ['rmi', 'local/hello:test', `${registry.host}/team/hello:1`], { env: dockerEnv });
      sim = await startK8sSim({ kubelet: { dockerEnv: engine.env, timeScale: 0.2 } });
      kubeconfig = sim.writeKubeconfig(work);
      resolver.pin(HOST);
    }, 900_000);

    afterAll(async () => {
      await sim?.stop();
      await engine?.stop();
      await registry?.stop();
      if (work) fs.rmSync(work, { recursive: true, force: true });
    }, 120_000);

    test('a Deployment runs its image: Ready by probe, logs, endpoints, MCP through the Ingress host', async () => {
      const applied = await kubectl(['apply', '--validate=false', '-f', '-'], manifests(image));
      expect(applied.stderr).toBe('');
      const rollout = await kubectl(
        ['-n', 'mcp', 'rollout', 'status', 'deployment/hello', '--timeout=90s'],
        undefined,
        100_000,
      );
      expect(rollout.stdout).toContain('successfully rolled out');

      const pod = JSON.parse((await kubectl(['-n', 'mcp', 'get', 'pods', '-o', 'json'])).stdout).items[0];
      const cs = pod.status.containerStatuses[0];
      expect(cs.ready).toBe(true);
      expect(cs.state.running).toBeDefined();
      expect(cs.imageID).toContain(image.split('@')[1]);
      const prefix = sim!.kubelet!.subnet.replace(/0\/24$/, '');
      expect(pod.status.podIP.startsWith(prefix)).toBe(true);

      // The user the securityContext asked for, and the hardening docker can honour.
      const cid = String(cs.containerID).replace('docker://', '');
      const hc = JSON.parse(
        await ok('docker', ['inspect', '--format', '{{json .HostConfig}}', cid], { env: dockerEnv }),
      );
      const cfg = JSON.parse(
        await ok('docker', ['inspect', '--format', '{{json .Config}}', cid], { env: dockerEnv }),
      );
      expect(cfg.User).toBe('65532:65532');
      expect(hc.ReadonlyRootfs).toBe(true);
      expect(hc.CapDrop).toEqual(['ALL']);
      expect(Object.keys(hc.Tmpfs)).toEqual(['/tmp']);
      // Values from the ConfigMap reached the process environment.
      expect(cfg.Env).toEqual(expect.arrayContaining([`MCP_ALLOWED_HOSTS=${HOST}`, 'MCP_SERVER_PORT=8080']));

      const logs = await kubectl(['-n', 'mcp', 'logs', pod.metadata.name]);
      expect(logs.stdout).toContain('hello-mcp listening on http://0.0.0.0:8080/mcp');

      expect(sim!.kubelet!.endpoints('mcp', 'hello')).toEqual([`${pod.status.podIP}:8080`]);

      const client = new Client({ name: 'kubelet-test', version: '1' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`http://${HOST}:${sim!.kubelet!.ingressPort}/mcp`)),
      );
      try {
        expect(client.getServerVersion()?.name).toBe('hello-mcp');
        const tools = await client.listTools();
        expect(tools.tools.map((t) => t.name).sort()).toEqual(['add', 'echo']);
        const r = await client.callTool({ name: 'echo', arguments: { message: 'through the ingress' } });
        expect(JSON.stringify(r.content)).toContain('through the ingress');
      } finally {
        await client.close();
      }

      // A host no Ingress names gets the proxy's 404, not some pod.
      const miss = await fetch(`${sim!.kubelet!.ingressUrl}/mcp`, { method: 'GET' });
      expect(miss.status).toBe(404);
    }, 180_000);

    test('a process that exits restarts with back-off: CrashLoopBackOff, restartCount, logs --previous', async () => {
      // The ConfigMap now gives a port the server rejects at start (exit 2): a real crash loop.
      await kubectl(['-n', 'mcp', 'delete', 'deployment', 'hello']);
      const applied = await kubectl(['apply', '--validate=false', '-f', '-'], manifests(image, 'not-a-port'));
      expect(applied.code).toBe(0);
      const crashing = await waitFor(
        'CrashLoopBackOff with 2 restarts',
        async () => {
          const items = JSON.parse((await kubectl(['-n', 'mcp', 'get', 'pods', '-o', 'json'])).stdout).items;
          const p = items.find((x: any) => x.status?.containerStatuses?.[0]?.restartCount >= 2);
          return p?.status.containerStatuses[0].state.waiting?.reason === 'CrashLoopBackOff' ? p : undefined;
        },
        90_000,
      );
      const cs = crashing.status.containerStatuses[0];
      expect(cs.lastState.terminated.exitCode).toBe(2);
      expect(cs.ready).toBe(false);
      const prev = await waitFor('previous logs', async () => {
        const r = await kubectl(['-n', 'mcp', 'logs', crashing.metadata.name, '--previous']);
        return r.code === 0 && r.stdout ? r.stdout : undefined;
      });
      expect(prev).toContain('MCP_SERVER_PORT must be a port number');
      // Not Ready: the Service has no endpoints, and the proxy says so.
      expect(sim!.kubelet!.endpoints('mcp', 'hello')).toEqual([]);
      const r = await fetch(`http://${HOST}:${sim!.kubelet!.ingressPort}/health`);
      expect(r.status).toBe(503);
      expect(await r.text()).toContain('no ready endpoints for service mcp/hello');
      await kubectl(['-n', 'mcp', 'delete', 'deployment', 'hello']);
    }, 180_000);

    test('an image digest the registry does not have gives ImagePullBackOff', async () => {
      const missing = `${image.split('@')[0]}@sha256:${'0'.repeat(64)}`;
      await kubectl(['apply', '--validate=false', '-f', '-'], manifests(missing));
      const pod = await waitFor(
        'ImagePullBackOff',
        async () => {
          const items = JSON.parse((await kubectl(['-n', 'mcp', 'get', 'pods', '-o', 'json'])).stdout).items;
          return items.find(
            (x: any) => x.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff',
          );
        },
        60_000,
      );
      expect(pod.spec.containers[0].image).toBe(missing);
      const events = (await kubectl(['-n', 'mcp', 'get', 'events', '-o', 'json'])).stdout;
      expect(events).toContain('Failed to pull image');
      await kubectl(['-n', 'mcp', 'delete', 'deployment', 'hello']);
    }, 120_000);

    test('stop() removes every container and the network, also while pods are starting or crashing', async () => {
      // A second harness on the same engine, left with a running and a crashing pod, then stopped.
      const other = await startK8sSim({ kubelet: { dockerEnv: engine.env, timeScale: 0.2 } });
      const kc = other.writeKubeconfig(work);
      const bridge = other.kubelet!.network;
      try {
        fs.writeFileSync(path.join(work, 'm.yaml'), manifests(image));
        await ok(
          'kubectl',
          ['--kubeconfig', kc, 'apply', '--validate=false', '-f', path.join(work, 'm.yaml')],
          {
            env: { ...process.env, HOME: work },
          },
        );
        await waitFor('a container of the second harness', async () => {
          const ps = await ok('docker', ['ps', '-aq', '--filter', `network=${bridge}`], { env: dockerEnv });
          return ps.trim() ? true : undefined;
        });
        expect((await run('ip', ['link', 'show', bridge])).code).toBe(0);
      } finally {
        await other.stop();
      }
      const ps = await ok('docker', ['ps', '-a', '--format', '{{.Names}}'], { env: dockerEnv });
      expect(ps.split('\n').filter((n) => n.includes(bridge.replace('mcpk-', '')))).toEqual([]);
      const nets = await ok('docker', ['network', 'ls', '--format', '{{.Name}}'], { env: dockerEnv });
      expect(nets.split('\n')).not.toContain(bridge);
      expect((await run('ip', ['link', 'show', bridge])).code).not.toBe(0);
    }, 120_000);
  },
);
