import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, runActionAsync } from './support/action';
import { kubectl } from './support/deploy-env';
import { startDockerd, type Dockerd } from './support/dockerd';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { startRegistry, type Registry } from './support/registry';
import { describeWith, missingCommands } from './support/skip';
import { FIXTURES, installStandin } from './support/standins';

/**
 * One run of build, scan and deploy through the bundle, with a real engine and registry, the stand-in
 * trivy and the real kubectl against the API simulator: scan and deploy must act on the digest that
 * build pushed (the registry is the judge of what was pushed), not on anything else.
 */
describeWith(
  'pipeline: after build, scan and deploy act on the digest it pushed',
  missingCommands('dockerd', 'docker', 'docker-registry', 'kubectl'),
  () => {
    jest.setTimeout(240_000);
    let engine: Dockerd;
    let reg: Registry;
    let sim: K8sSim;
    let ws: string;

    beforeAll(async () => {
      expect(fs.existsSync(path.join(ROOT, 'dist', 'index.js'))).toBe(true);
      [engine, reg, sim] = await Promise.all([
        startDockerd(),
        startRegistry(),
        startK8sSim({ token: 'sim-tok-3b7e' }),
      ]);
      ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-image-'));
      fs.writeFileSync(path.join(ws, 'hello.txt'), 'hello\n');
      fs.writeFileSync(path.join(ws, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
      const kc = sim.writeKubeconfig(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-')), { context: 'ci@sim' });
      await kubectl(
        kc,
        ['apply', '--validate=false', '-f', '-'],
        `apiVersion: v1
kind: Namespace
metadata: {name: same}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: hello-mcp, namespace: same}
spec:
  replicas: 1
  selector: {matchLabels: {app: hello-mcp}}
  template:
    metadata: {labels: {app: hello-mcp}}
    spec:
      containers: [{name: server, image: "${reg.host}/acme/hello@sha256:${'1'.repeat(64)}"}]
`,
      );
    }, 180_000);

    afterAll(async () => {
      await Promise.all([engine?.stop(), reg?.stop(), sim?.stop()]);
      if (ws) fs.rmSync(ws, { recursive: true, force: true });
    }, 60_000);

    test('build, scan, deploy in one run: the pushed digest is what trivy scanned and what the deployment runs', async () => {
      const bin = path.join(ws, '..', `${path.basename(ws)}-bin`);
      const trivyLog = path.join(ws, '..', `${path.basename(ws)}-trivy.log`);
      const r = await runActionAsync(
        {
          stages: 'build,scan,deploy',
          image: `${reg.host}/acme/hello`,
          platforms: 'linux/amd64',
          qemu: 'false',
          'fail-on': 'none',
          kubeconfig: Buffer.from(sim.kubeconfig({ context: 'ci@sim' })).toString('base64'),
          namespace: 'same',
          deployments: 'hello-mcp',
          'stuck-after': '0',
        },
        {
          workspace: ws,
          env: {
            ...engine.env,
            HOME: ws,
            PATH: installStandin(bin, 'trivy'),
            RUNNER_TOOL_CACHE: path.join(ws, '..', `${path.basename(ws)}-toolcache`),
            STANDIN_TRIVY_LOG: trivyLog,
            STANDIN_TRIVY_REPORT: path.join(FIXTURES, 'trivy', 'debian-buster.json'),
          },
          timeoutMs: 200_000,
        },
      );
      expect(r.stdout).not.toMatch(/::error/);
      expect(r.status).toBe(0);
      const pushed = r.outputs['image-ref'];
      expect(pushed).toBe(`${reg.host}/acme/hello@${r.outputs.digest}`);
      // The registry serves that digest: it is what build pushed, not a name the stages made up.
      const res = await fetch(`http://${reg.host}/v2/acme/hello/manifests/${r.outputs.digest}`, {
        headers: {
          accept:
            'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json',
        },
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(r.outputs['scan-result']).image).toBe(pushed);
      const scanned = fs
        .readFileSync(trivyLog, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).argv as string[])
        .filter((a) => a[0] === 'image');
      expect(scanned.length).toBeGreaterThan(0);
      for (const argv of scanned) expect(argv).toContain(pushed);
      const live = sim.get('deployments', 'same', 'hello-mcp') as {
        spec: { template: { spec: { containers: { image: string }[] } } };
      };
      expect(live.spec.template.spec.containers[0].image).toBe(pushed);
    });
  },
);
