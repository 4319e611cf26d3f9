import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { githubContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { setSink, textSink } from '../src/report/log';
import { deploy } from '../src/stages/deploy';
import type { StageEnv, StageResult } from '../src/stages/stage';
import { ROOT, runActionAsync, type ActionRun } from './support/action';
import { deploymentYaml, kubectl, namespaceYaml } from './support/deploy-env';
import { startK8sSim, type K8sSim, type K8sSimRequest } from './support/k8s-sim';
import { describeWith, missingCommands } from './support/skip';

/**
 * The stage in process, real kubectl against the simulator: the API server goes away outside the rollout
 * wait, during the apply itself or during the undo. The result says what may have changed and how to
 * check and finish, never kubectl's raw error or a success.
 */
const TOKEN = 'lost-apply-token-7c1d9e2b';
const V1 = `ghcr.io/acme/hello-mcp@sha256:${'1'.repeat(64)}`;
const V2 = `ghcr.io/acme/hello-mcp@sha256:${'2'.repeat(64)}`;
const PULLFAIL = `ghcr.io/acme/hello-mcp-pullfail@sha256:${'3'.repeat(64)}`;

const deployment = (name: string, ns: string, image: string, progressDeadlineSeconds = 600) =>
  deploymentYaml(name, ns, image, { progressDeadlineSeconds });
const namespace = (ns: string) => `${namespaceYaml(ns)}---\n`;

/** The request kubectl sends to change deployment `name` (annotate, set image, apply): a PATCH of it. */
const patchOf = (name: string) => (r: K8sSimRequest) =>
  r.method === 'PATCH' && new RegExp(`/deployments/${name}(\\?|$)`).test(r.path);
/** `kubectl rollout undo` replaces the template with a JSON patch; nothing else of ours sends one. */
const undoOf = (name: string) => (r: K8sSimRequest) =>
  patchOf(name)(r) && !!r.contentType?.startsWith('application/json-patch+json');

describeWith('deploy: the API server lost outside the rollout wait', missingCommands('kubectl'), () => {
  jest.setTimeout(60_000);
  let sim: K8sSim;
  let kcFile: string;
  const lines: string[] = [];
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-lost-apply-'));
  const ctx = githubContext(
    { GITHUB_REPOSITORY: 'acme/hello-mcp', GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main' },
    workspace,
  );

  beforeAll(async () => {
    setSink(textSink((l) => lines.push(l)));
    sim = await startK8sSim({ token: TOKEN });
    kcFile = sim.writeKubeconfig(workspace);
  });
  afterAll(async () => sim?.stop());

  const image = (ns: string, name: string) =>
    sim.get('deployments', ns, name).spec.template.spec.containers[0].image as string;
  const revision = (ns: string, name: string) =>
    sim.get('deployments', ns, name).metadata.annotations['deployment.kubernetes.io/revision'] as string;

  async function existing(ns: string, names: string[], progressDeadlineSeconds?: number) {
    await kubectl(
      kcFile,
      ['apply', '--validate=false', '-f', '-'],
      namespace(ns) + names.map((n) => deployment(n, ns, V1, progressDeadlineSeconds)).join('---\n'),
    );
    for (const n of names)
      await kubectl(kcFile, ['rollout', 'status', '-n', ns, `deployment/${n}`, '--timeout=30s']);
  }

  function run(inputs: Record<string, string>): { env: StageEnv; result: Promise<StageResult> } {
    const all: Record<string, string> = { stages: 'deploy', kubeconfig: sim.kubeconfig(), ...inputs };
    const env: StageEnv = { ctx, cwd: workspace, state: {} };
    return { env, result: deploy.run(deploy.parse(new InputReader((n) => all[n] ?? ''), env), env) };
  }

  /** Cuts the API server off at the first request `match` picks; resolves once that has happened. */
  function cutAt(match: (r: K8sSimRequest) => boolean): Promise<void> {
    return new Promise((resolve) =>
      sim.disconnectOn((r) => {
        const hit = match(r);
        if (hit) setImmediate(resolve);
        return hit;
      }),
    );
  }

  /** The last (this test's) warning about the apply. */
  const lostWarning = () => lines.filter((l) => l.includes('stopped answering while applying')).pop();

  test('set image of two deployments, lost at the second, back within rollout-timeout: the first is rolled back', async () => {
    await existing('cut-set', ['alpha', 'beta']);
    const cut = cutAt(patchOf('beta'));
    const { result } = run({
      'image-ref': V2,
      namespace: 'cut-set',
      deployments: 'alpha,beta',
      'rollout-timeout': '20s',
    });
    await cut;
    await new Promise((r) => setTimeout(r, 1500));
    await sim.reconnect();
    const r = await result;

    expect(lostWarning()).toMatch(
      /^warning: the API server at https:\/\/127\.0\.0\.1:\d+ stopped answering while applying \(EOF\); `kubectl set image` with hello-mcp@222222222222: already changed: alpha from revision 1; perhaps changed: beta from revision 1$/,
    );
    expect(lines.join('\n')).toMatch(/the API server answers again after \d/);
    expect(r.status).toBe('failure');
    expect(r.failure).toMatch(
      /^the API server at https:\/\/127\.0\.0\.1:\d+ stopped answering while applying \(EOF\); changed by then: alpha from revision 1; alpha rolled back to revision 1 \(now numbered 3\)$/,
    );
    expect(r.headline).toBe('not deployed: the API server stopped answering while applying, rolled back');
    expect(r.outputs).toEqual({
      revision: 'alpha=3\nbeta=1',
      'previous-revision': 'alpha=1\nbeta=1',
      'rolled-back': 'true',
    });
    const text = r.summary.toText();
    expect(text).toMatch(/alpha .* 1 → 2 → 3 +↩️ apply interrupted, rolled back to 1/);
    expect(text).toMatch(/beta .* 1 \(unchanged\) +➖ not changed: the apply stopped before it/);
    expect(image('cut-set', 'alpha')).toBe(V1);
    expect(image('cut-set', 'beta')).toBe(V1);
    expect(revision('cut-set', 'beta')).toBe('1');
  });

  test('kubectl apply lost half way, the API server never back: the state is unknown, with the commands', async () => {
    await existing('cut-apply', ['alpha', 'beta']);
    const dir = fs.mkdtempSync(path.join(workspace, 'manifests-'));
    fs.writeFileSync(
      path.join(dir, 'all.yaml'),
      deployment('alpha', 'cut-apply', V1) + '---\n' + deployment('beta', 'cut-apply', V1),
    );
    const cut = cutAt(patchOf('beta'));
    const { result } = run({
      'image-ref': V2,
      namespace: 'cut-apply',
      manifests: path.relative(workspace, dir),
      lint: 'off',
      'rollout-timeout': '3s',
    });
    let r: StageResult;
    try {
      await cut;
      r = await result;
    } finally {
      await sim.reconnect();
    }
    expect(lostWarning()).toMatch(
      /stopped answering while applying \(EOF\); the server may have applied some of the manifests' objects and not others \(`kubectl apply` with hello-mcp@222222222222: alpha from revision 1, beta from revision 1\)$/,
    );
    expect(r.status).toBe('failure');
    expect(r.failure).toMatch(
      /^the cluster state is unknown: the API server at https:\/\/127\.0\.0\.1:\d+ stopped answering while applying and did not answer again within rollout-timeout \(3s\); the server may have applied some of the manifests' objects and not others \(`kubectl apply` with hello-mcp@222222222222: alpha from revision 1, beta from revision 1\); check: `kubectl --context sim --namespace cut-apply rollout status deployment\/alpha`, `kubectl --context sim --namespace cut-apply rollout status deployment\/beta`; undo: `kubectl --context sim --namespace cut-apply rollout undo deployment\/alpha --to-revision=1`, `kubectl --context sim --namespace cut-apply rollout undo deployment\/beta --to-revision=1`$/,
    );
    expect(r.failure).not.toMatch(/Patch "https:|exited with/);
    expect(r.headline).toBe('cluster state unknown: the API server stopped answering');
    expect(r.outputs['rolled-back']).toBe('false');
    expect(r.summary.toText()).toMatch(/alpha .* 1 → \? +❓ unknown: the API server stopped answering/);
    // alpha went out before the cut, beta never did: nothing was undone.
    expect(image('cut-apply', 'alpha')).toBe(V2);
    expect(image('cut-apply', 'beta')).toBe(V1);
  });

  const undoLine = (ns: string) =>
    `check: \`kubectl --context sim --namespace ${ns} rollout status deployment/hello-mcp\`; finish it: \`kubectl --context sim --namespace ${ns} rollout undo deployment/hello-mcp --to-revision=1\``;

  test('a failed rollout whose undo is cut off: the undo did not complete, with the commands to finish it', async () => {
    await existing('cut-undo', ['hello-mcp'], 2);
    const cut = cutAt(undoOf('hello-mcp'));
    const { result } = run({
      'image-ref': PULLFAIL,
      namespace: 'cut-undo',
      deployments: 'hello-mcp',
      'rollout-timeout': '20s',
    });
    let r: StageResult;
    try {
      r = await result;
    } finally {
      await cut;
      await sim.reconnect();
    }
    expect(r.status).toBe('failure');
    expect(r.failure).toContain(
      `; hello-mcp undo did not complete: the API server stopped answering during \`kubectl rollout undo\` (EOF); ${undoLine('cut-undo')}`,
    );
    expect(r.failure).not.toMatch(/rolled back to|Patch "https:/);
    expect(r.headline).not.toMatch(/rolled back/);
    expect(r.outputs).toEqual({ revision: '', 'previous-revision': '1', 'rolled-back': 'false' });
    expect(r.summary.toText()).toContain('undo did not complete');
    expect(image('cut-undo', 'hello-mcp')).toBe(PULLFAIL);
  });

  test('the undo after a failed verify is cut off: NOT undone, rolled-back false, the commands to finish it', async () => {
    await existing('cut-later', ['hello-mcp']);
    const { env, result } = run({
      'image-ref': V2,
      namespace: 'cut-later',
      deployments: 'hello-mcp',
      'rollout-timeout': '20s',
    });
    const r = await result;
    expect(r.status).toBe('success');
    const cut = cutAt(undoOf('hello-mcp'));
    let back;
    try {
      back = await env.state.rollback!('verify: tools/list returned no tools');
    } finally {
      await cut;
      await sim.reconnect();
    }
    expect(back.ok).toBe(false);
    expect(back.message).toBe(
      `deploy NOT undone: hello-mcp undo did not complete: the API server stopped answering during \`kubectl rollout undo\` (EOF); ${undoLine('cut-later')}`,
    );
    expect(back.result.outputs).toEqual({ revision: '', 'previous-revision': '1', 'rolled-back': 'false' });
    expect(back.result.headline).toBe('1 deployment NOT rolled back after verify failed');
    const text = back.result.summary.toText();
    expect(text).toContain('⚠️ rolled out, undo did not complete');
    expect(text).not.toContain('✅');
    expect(image('cut-later', 'hello-mcp')).toBe(V2);
  });

  test('the undo reaches the server, then it goes away before the undo is seen rolled out: not undone either', async () => {
    await existing('cut-after-undo', ['hello-mcp']);
    const { env, result } = run({
      'image-ref': V2,
      namespace: 'cut-after-undo',
      deployments: 'hello-mcp',
      'rollout-timeout': '20s',
    });
    expect((await result).status).toBe('success');
    let undone = false;
    // The undo's PATCH is served; the first request after it (the wait for its rollout) is not.
    const cut = cutAt((r) => {
      if (undoOf('hello-mcp')(r)) undone = true;
      else if (undone) return true;
      return false;
    });
    let back;
    try {
      back = await env.state.rollback!('verify: tools/list returned no tools');
    } finally {
      await cut;
      await sim.reconnect();
    }
    expect(back.ok).toBe(false);
    expect(back.message).toMatch(
      /^deploy NOT undone: hello-mcp undo did not complete: the API server stopped answering while the undo rolled out \((EOF|connection refused)\); check: `kubectl --context sim --namespace cut-after-undo rollout status deployment\/hello-mcp`; finish it: `kubectl --context sim --namespace cut-after-undo rollout undo deployment\/hello-mcp --to-revision=1`$/,
    );
    expect(back.result.outputs).toEqual({ revision: '', 'previous-revision': '1', 'rolled-back': 'false' });
    expect(back.result.headline).toBe('1 deployment NOT rolled back after verify failed');
    // The undo itself went through: the finish command is then a no-op, the check says so.
    expect(image('cut-after-undo', 'hello-mcp')).toBe(V1);
  });
});

describeWith(
  'action bundle: the API server lost during the apply or the undo',
  missingCommands('kubectl'),
  () => {
    jest.setTimeout(60_000);
    let sim: K8sSim;
    let kcFile: string;
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-lost-apply-bundle-'));

    beforeAll(async () => {
      expect(fs.existsSync(path.join(ROOT, 'dist', 'index.js'))).toBe(true);
      sim = await startK8sSim({ token: TOKEN });
      kcFile = sim.writeKubeconfig(workspace);
    });
    afterAll(async () => sim?.stop());

    async function runCut(
      ns: string,
      inputs: Record<string, string>,
      match: (r: K8sSimRequest) => boolean,
    ): Promise<ActionRun> {
      await kubectl(
        kcFile,
        ['apply', '--validate=false', '-f', '-'],
        namespace(ns) + deployment('hello-mcp', ns, V1),
      );
      await kubectl(kcFile, ['rollout', 'status', '-n', ns, 'deployment/hello-mcp', '--timeout=30s']);
      sim.disconnectOn(match);
      try {
        return await runActionAsync(
          {
            'image-ref': V2,
            kubeconfig: sim.kubeconfig(),
            namespace: ns,
            deployments: 'hello-mcp',
            ...inputs,
          },
          { workspace, env: { HOME: workspace } },
        );
      } finally {
        await sim.reconnect();
      }
    }
    const errors = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error::'));

    test('set image cut off, the API server never back: exit 1, one line with the commands, no kubectl error', async () => {
      const r = await runCut('b-apply', { stages: 'deploy', 'rollout-timeout': '3s' }, patchOf('hello-mcp'));
      expect(r.status).toBe(1);
      expect(errors(r)).toEqual([
        expect.stringMatching(
          /^::error::deploy: the cluster state is unknown: the API server at https:\/\/127\.0\.0\.1:\d+ stopped answering while applying and did not answer again within rollout-timeout \(3s\); `kubectl set image` with hello-mcp@222222222222: perhaps changed: hello-mcp from revision 1; check: `kubectl --context sim --namespace b-apply rollout status deployment\/hello-mcp`; undo: `kubectl --context sim --namespace b-apply rollout undo deployment\/hello-mcp --to-revision=1`$/,
        ),
      ]);
      expect(r.stdout + r.stderr).not.toMatch(/CommandError|exited with 1|at execOk/);
      expect(r.outputs).toMatchObject({ 'previous-revision': '1', 'rolled-back': 'false' });
      expect(r.summary).toContain(
        '| deploy | ❌ failed | cluster state unknown: the API server stopped answering |',
      );
    });

    test('the undo after a failed verify cut off: exit 1, NOT undone with the commands, rolled-back false', async () => {
      const r = await runCut(
        'b-undo',
        {
          stages: 'deploy,verify',
          'mcp-url': 'http://127.0.0.1:9/mcp',
          'verify-timeout': '2s',
          contract: 'off',
        },
        undoOf('hello-mcp'),
      );
      expect(r.status).toBe(1);
      expect(errors(r)).toEqual([
        expect.stringMatching(
          /^::error::verify: .*; deploy NOT undone: hello-mcp undo did not complete: the API server stopped answering during `kubectl rollout undo` \(EOF\); check: `kubectl --context sim --namespace b-undo rollout status deployment\/hello-mcp`; finish it: `kubectl --context sim --namespace b-undo rollout undo deployment\/hello-mcp --to-revision=1`$/,
        ),
      ]);
      // Whether the cut-off undo landed is not known: no revision is claimed.
      expect(r.outputs).toMatchObject({ revision: '', 'previous-revision': '1', 'rolled-back': 'false' });
      expect(r.summary).toContain('1 deployment NOT rolled back after verify failed');
      expect(r.summary).toMatch(
        /\| deploy \| ❌ failed \| 1 deployment NOT rolled back after verify failed \|/,
      );
      expect(r.summary).toContain('| 1 → 2 → ? | ⚠️ rolled out, undo did not complete |');
      expect(r.summary).not.toContain('✅ rolled out');
    });
  },
);
