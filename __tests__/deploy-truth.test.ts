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
