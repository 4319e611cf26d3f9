import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, runActionAsync } from './support/action';
import { kubectl } from './support/deploy-env';
import { startFakeGithub } from './support/fake-github';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { describeWith, missingCommands } from './support/skip';

/**
 * The bundle as the runner runs it, real kubectl against the API simulator: after any rollback the
 * outputs, the summary, the error line and the GitHub deployment say what runs now and why.
 */
const TOKEN = 'sim-bearer-truth-4b8d2f6a';
const V1 = `ghcr.io/acme/hello-mcp@sha256:${'1'.repeat(64)}`;
const V2 = `ghcr.io/acme/hello-mcp@sha256:${'2'.repeat(64)}`;

const deployment = (ns: string, image: string) => `apiVersion: v1
kind: Namespace
metadata: {name: ${ns}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: hello-mcp, namespace: ${ns}}
spec:
  replicas: 2
  selector: {matchLabels: {app: hello-mcp}}
  template:
    metadata: {labels: {app: hello-mcp}}
    spec:
      containers: [{name: server, image: "${image}"}]
`;

describeWith('action bundle: truthful state after a rollback', missingCommands('kubectl'), () => {
  jest.setTimeout(60_000);
  let sim: K8sSim;
  let kubeconfigFile: string;
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-truth-'));

  beforeAll(async () => {
    expect(fs.existsSync(path.join(ROOT, 'dist', 'index.js'))).toBe(true);
    sim = await startK8sSim({ token: TOKEN });
    kubeconfigFile = sim.writeKubeconfig(workspace);
  });
  afterAll(async () => sim?.stop());

  async function existing(ns: string): Promise<void> {
    await kubectl(kubeconfigFile, ['apply', '--validate=false', '-f', '-'], deployment(ns, V1));
    await kubectl(kubeconfigFile, ['rollout', 'status', '-n', ns, 'deployment/hello-mcp', '--timeout=30s']);
  }

  test('verify fails after a good rollout: rolled back in the same job, and everything says so', async () => {
    await existing('verify-fails');
    const gh = await startFakeGithub();
    let r;
    try {
      r = await runActionAsync(
        {
          stages: 'deploy,verify',
          'image-ref': V2,
          kubeconfig: sim.kubeconfig(),
          namespace: 'verify-fails',
          deployments: 'hello-mcp',
          environment: 'staging',
          'github-token': 'ghs_truthtoken123',
          // Nothing listens there: verify fails.
          'mcp-url': 'http://127.0.0.1:9/mcp',
          'verify-timeout': '2s',
          contract: 'off',
        },
        { workspace, env: { HOME: workspace, GITHUB_API_URL: gh.url } },
      );
    } finally {
      await gh.stop();
    }
    expect(r.status).toBe(1);
    expect(sim.get('deployments', 'verify-fails', 'hello-mcp').spec.template.spec.containers[0].image).toBe(
      V1,
    );
    expect(r.outputs).toMatchObject({ revision: '3', 'previous-revision': '1', 'rolled-back': 'true' });
    const error = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(error).toHaveLength(1);
    expect(error[0]).toMatch(
      /^::error::verify: .*; deploy undone: hello-mcp rolled back to revision 1 \(now numbered 3\)$/,
    );
    expect(r.summary).toContain('↩️ **Undone because a later stage failed**: verify: ');
    expect(r.summary).toContain('| 1 → 2 → 3 | ↩️ rolled out, then rolled back to 1 |');
    expect(r.summary).toContain('| deploy | ✅ passed | 1 deployment rolled back after verify failed |');
    expect(r.summary).not.toContain('✅ rolled out |');
    // The GitHub deployment: in progress, success when the rollout finished, then failure with the reason.
    expect(gh.calls.map((c) => (c.body.state as string) ?? `create ${c.body.environment}`)).toEqual([
      'create staging',
      'in_progress',
      'success',
      'failure',
    ]);
    expect(gh.calls[3].body.description).toMatch(/^rolled back: verify: /);
  });
});

describeWith(
  'action bundle: the API server lost in the middle of a rollout',
  missingCommands('kubectl'),
  () => {
    jest.setTimeout(60_000);
    let sim: K8sSim;
    let kubeconfigFile: string;
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-lost-'));

    beforeAll(async () => {
      // Pods take 2.5 s to become ready: the rollout is still running when the API server goes away.
      sim = await startK8sSim({ token: TOKEN, podReadyMs: 2500 });
      kubeconfigFile = sim.writeKubeconfig(workspace);
    });
    afterAll(async () => sim?.stop());

    /** Starts the deploy, and cuts the API server off once `set image` has reached it. */
    async function deployAndCut(ns: string, rolloutTimeout: string) {
      await kubectl(kubeconfigFile, ['apply', '--validate=false', '-f', '-'], deployment(ns, V1));
      await kubectl(kubeconfigFile, ['rollout', 'status', '-n', ns, 'deployment/hello-mcp', '--timeout=30s']);
      const run = runActionAsync(
        {
          stages: 'deploy',
          'image-ref': V2,
          kubeconfig: sim.kubeconfig(),
          namespace: ns,
          deployments: 'hello-mcp',
          'rollout-timeout': rolloutTimeout,
        },
        { workspace, env: { HOME: workspace } },
      );
      const image = () => sim.get('deployments', ns, 'hello-mcp').spec.template.spec.containers[0].image;
      for (let k = 0; k < 200 && image() !== V2; k++) await new Promise((r) => setTimeout(r, 50));
      expect(image()).toBe(V2);
      await sim.disconnect();
      return { run, image };
    }

    test('the API server answers again within rollout-timeout: what was applied is said, then rolled back', async () => {
      const { run, image } = await deployAndCut('lost-back', '20s');
      // Long enough for kubectl's first relist (about 1 s after the cut) to meet the closed port.
      await new Promise((r) => setTimeout(r, 4000));
      await sim.reconnect();
      const r = await run;
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(
        /::warning::the API server at https:\/\/127\.0\.0\.1:\d+ stopped answering during the rollout \(connection refused\); already applied: `kubectl set image` with hello-mcp@222222222222 \(hello-mcp from revision 1\)/,
      );
      expect(r.stdout).toMatch(
        /… the API server does not answer \(connection refused, try 1\); next try in 1\.0 s/,
      );
      expect(r.stdout).toMatch(/the API server answers again after \d/);
      expect(image()).toBe(V1);
      expect(r.outputs).toMatchObject({ revision: '3', 'previous-revision': '1', 'rolled-back': 'true' });
      expect(r.stdout).toMatch(
        /::error::deploy: the rollout of deployment hello-mcp was not seen through: the API server stopped answering \(connection refused\); hello-mcp rolled back to revision 1 \(now numbered 3\)/,
      );
      expect(r.summary).toContain('↩️ **hello-mcp: rolled back to revision 1 (now numbered 3)**');
    });

    test('the API server never comes back: one line that the state is unknown, with the commands to check and undo', async () => {
      const { run } = await deployAndCut('lost-gone', '5s');
      let r;
      try {
        r = await run;
      } finally {
        await sim.reconnect();
      }
      // The retries end at rollout-timeout (5 s): waits of 1, 2, 4 s leave room for three at most.
      const retries =
        r.stdout.match(/^… the API server does not answer \(connection refused, try \d\)/gm) ?? [];
      expect(retries.length).toBeGreaterThanOrEqual(1);
      expect(retries.length).toBeLessThanOrEqual(3);
      expect(r.status).toBe(1);
      const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
      expect(errors).toEqual([
        expect.stringMatching(
          /^::error::deploy: the cluster state is unknown: the API server at https:\/\/127\.0\.0\.1:\d+ did not answer again within rollout-timeout \(5s\); already applied: `kubectl set image` with hello-mcp@222222222222 \(hello-mcp from revision 1\); check: `kubectl --context sim --namespace lost-gone rollout status deployment\/hello-mcp`; undo: `kubectl --context sim --namespace lost-gone rollout undo deployment\/hello-mcp --to-revision=1`$/,
        ),
      ]);
      expect(r.stdout).not.toContain('rollout undo deployment/hello-mcp --to-revision=1\n');
      expect(r.outputs).toMatchObject({ revision: '', 'previous-revision': '1', 'rolled-back': 'false' });
      expect(r.summary).toContain('| 1 → ? | ❓ unknown: the API server stopped answering |');
      expect(r.summary).toContain('❓ **The cluster state is unknown**');
      // Nothing was undone: the new image is still what the deployment asks for.
      expect(sim.get('deployments', 'lost-gone', 'hello-mcp').spec.template.spec.containers[0].image).toBe(
        V2,
      );
    });
  },
);
