import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { githubContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { setSink, textSink } from '../src/report/log';
import { deploy } from '../src/stages/deploy';
import type { StageEnv } from '../src/stages/stage';
import { kubectl } from './support/deploy-env';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { describeWith, missingCommands } from './support/skip';

/**
 * The stage in process, with the real kubectl against the simulator: the image handed over by the build
 * stage, and the undo that the pipeline calls when verify fails after a good rollout.
 */
const V1 = `ghcr.io/acme/hello-mcp@sha256:${'a'.repeat(64)}`;
const V2 = `ghcr.io/acme/hello-mcp@sha256:${'b'.repeat(64)}`;

describeWith(
  'deploy in process: image from the build stage, undo after a failed verify',
  missingCommands('kubectl'),
  () => {
    jest.setTimeout(60_000);
    let sim: K8sSim;
    let kcFile: string;
    const lines: string[] = [];
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-rb-'));
    const ctx = githubContext(
      { GITHUB_REPOSITORY: 'acme/hello-mcp', GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main' },
      workspace,
    );

    beforeAll(async () => {
      setSink(textSink((l) => lines.push(l)));
      sim = await startK8sSim({ token: 'rb-token-5f6e7d8c' });
      kcFile = sim.writeKubeconfig(workspace);
      await kubectl(
        kcFile,
        ['apply', '--validate=false', '-f', '-'],
        `apiVersion: apps/v1
kind: Deployment
metadata: {name: hello-mcp, namespace: default}
spec:
  selector: {matchLabels: {app: hello-mcp}}
  template:
    metadata: {labels: {app: hello-mcp}}
    spec: {containers: [{name: server, image: "${V1}"}]}
`,
      );
      await kubectl(kcFile, ['rollout', 'status', 'deployment/hello-mcp', '--timeout=30s']);
    });
    afterAll(async () => sim?.stop());

    test('a good rollout of the built image leaves an undo; calling it brings the previous revision back', async () => {
      const inputs: Record<string, string> = {
        stages: 'build,deploy',
        kubeconfig: sim.kubeconfig(),
        deployments: 'hello-mcp',
        namespace: 'default',
        'rollout-timeout': '30s',
      };
      const env: StageEnv = { ctx, cwd: workspace, state: {} };
      const parsed = deploy.parse(new InputReader((n) => inputs[n] ?? ''), env);
      expect(parsed.imageRef).toBeUndefined();
      env.state.imageRef = V2; // what build hands over

      const r = await deploy.run(parsed, env);
      expect(r.failure).toBeUndefined();
      expect(r.status).toBe('success');
      expect(r.outputs).toEqual({ revision: '2', 'previous-revision': '1', 'rolled-back': 'false' });
      expect(sim.get('deployments', 'default', 'hello-mcp').spec.template.spec.containers[0].image).toBe(V2);
      expect(env.state.rollback).toBeInstanceOf(Function);

      const back = await env.state.rollback!('verify: tools/list returned no tools');
      expect(back.ok).toBe(true);
      expect(back.message).toBe('deploy undone: hello-mcp rolled back to revision 1 (now numbered 3)');
      // deploy's result, told again: what runs now, and why.
      expect(back.result.outputs).toEqual({ revision: '3', 'previous-revision': '1', 'rolled-back': 'true' });
      expect(back.result.headline).toBe('1 deployment rolled back after verify failed');
      const text = back.result.summary.toText();
      expect(text).toContain('Undone because a later stage failed: verify: tools/list returned no tools');
      expect(text).toMatch(/hello-mcp .* 1 → 2 → 3 +↩️ rolled out, then rolled back to 1/);
      expect(text).not.toContain('✅');
      const d = sim.get('deployments', 'default', 'hello-mcp');
      expect(d.spec.template.spec.containers[0].image).toBe(V1);
      expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
      const log = lines.join('\n');
      expect(log).toContain('warning: undoing the deploy: verify: tools/list returned no tools');
      expect(log).toMatch(/rollout undo deployment\/hello-mcp --to-revision=1/);
      expect(log).toContain('hello-mcp: rolled back to revision 1 (now numbered 3)');
    });

    test('running the same digest again changes nothing and leaves nothing to undo', async () => {
      const inputs: Record<string, string> = {
        stages: 'deploy',
        'image-ref': V1,
        kubeconfig: sim.kubeconfig(),
        deployments: 'hello-mcp',
      };
      const env: StageEnv = { ctx, cwd: workspace, state: {} };
      const before = lines.length;
      const r = await deploy.run(deploy.parse(new InputReader((n) => inputs[n] ?? ''), env), env);
      expect(r.status).toBe('success');
      expect(r.outputs).toMatchObject({ revision: '3', 'previous-revision': '3' });
      const log = lines.slice(before).join('\n');
      expect(log).toContain(`hello-mcp: server already runs ${V1}`);
      expect(log).not.toContain('set image');
      expect(r.summary.toText()).toMatch(/hello-mcp .* 3 \(unchanged\) +✅ unchanged/);
      expect(env.state.rollback).toBeUndefined();
    });
  },
);
