import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCommandFile, ROOT, runActionAsync, runPostAsync, type ActionRun } from './support/action';
import {
  copyK8sTemplates,
  deploymentYaml as deploymentDoc,
  kubectl,
  namespaceYaml,
} from './support/deploy-env';
import { startFakeGithub } from './support/fake-github';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { describeWith, missingCommands } from './support/skip';

/**
 * The committed bundle (dist/index.js and dist/post.js) run as the runner runs them, driving the real
 * kubectl against the in-process Kubernetes API simulator; GitHub deployments go to a fake GitHub API.
 */
const TOKEN = 'sim-bearer-9c4e2a7f1b3d5e8a';
const digest = (c: string) => `sha256:${c.repeat(64)}`;
const V1 = `ghcr.io/acme/hello-mcp@${digest('1')}`;
const V2 = `ghcr.io/acme/hello-mcp@${digest('2')}`;
const PULLFAIL = `ghcr.io/acme/hello-mcp-pullfail@${digest('3')}`;
const CRASHLOOP = `ghcr.io/acme/hello-mcp-crashloop@${digest('4')}`;

/** A namespace and a Deployment of two replicas in it (a short progress deadline: failures show quickly). */
const deploymentYaml = (name: string, ns: string, image: string, progressDeadlineSeconds = 4) =>
  `${namespaceYaml(ns)}---\n${deploymentDoc(name, ns, image, { replicas: 2, progressDeadlineSeconds })}`;

describeWith(
  'action bundle: deploy with the real kubectl against the API simulator',
  missingCommands('kubectl'),
  () => {
    jest.setTimeout(120_000);
    let sim: K8sSim;
    let kubeconfigFile: string;
    let kubeconfig: string;
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-ws-'));

    beforeAll(async () => {
      expect(fs.existsSync(path.join(ROOT, 'dist', 'index.js'))).toBe(true);
      sim = await startK8sSim({ token: TOKEN });
      kubeconfig = sim.kubeconfig({ context: 'ci@sim' });
      kubeconfigFile = sim.writeKubeconfig(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-')), {
        context: 'ci@sim',
      });
    });
    afterAll(async () => sim?.stop());

    async function existing(ns: string, image = V1, name = 'hello-mcp', deadline = 4): Promise<void> {
      await kubectl(
        kubeconfigFile,
        ['apply', '--validate=false', '-f', '-'],
        deploymentYaml(name, ns, image, deadline),
      );
      await kubectl(kubeconfigFile, ['rollout', 'status', '-n', ns, `deployment/${name}`, '--timeout=30s']);
    }

    const live = (ns: string, name = 'hello-mcp'): any => sim.get('deployments', ns, name);
    const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
      runActionAsync(
        { stages: 'deploy', kubeconfig: Buffer.from(kubeconfig).toString('base64'), ...inputs },
        // A HOME of its own: no ~/.kube/config of this machine can stand in for a missing input.
        { workspace, env: { HOME: workspace, ...env } },
      );

    /**
     * Nothing of the kubeconfig (its token, its base64 form, its lines) in any output of the run, except in
     * the `::add-mask::` commands that tell the runner what to mask (it consumes them, nobody sees them).
     */
    const visible = (r: ActionRun) =>
      [
        r.stdout.replace(/^::add-mask::.*$/gm, ''),
        r.stderr,
        r.summary,
        JSON.stringify(r.outputs),
        r.state,
      ].join('\n');
    function expectNoKubeconfig(r: ActionRun): void {
      const everything = visible(r);
      expect(everything).not.toContain(TOKEN);
      expect(everything).not.toContain(Buffer.from(kubeconfig).toString('base64').slice(0, 40));
      for (const line of kubeconfig.split('\n').filter((l) => /token|server:|user:/.test(l)))
        expect(everything).not.toContain(line.trim());
    }

    test('a good rollout: the deployment runs the new digest, revisions, change-cause, and the kubeconfig is gone after post', async () => {
      await existing('good');
      const r = await run({
        'image-ref': V2,
        namespace: 'good',
        deployments: 'hello-mcp',
        environment: 'staging',
      });
      // The stuck-pod watcher polls every 5 s (stuck-after 2m): a finished rollout must not wait for its
      // next poll before the step ends. Counted from the moment the simulator finished the rollout, so the
      // bundle's start-up and the apply, which a loaded machine slows, are not in the figure (measured: 0.15 s;
      // 4.8 s with the watcher's sleep not abortable).
      const done = sim.completions.filter((c) => c.namespace === 'good' && c.revision === '2');
      expect(done).toHaveLength(1);
      expect(Date.now() - done[0].at).toBeLessThan(2500);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain('::error');
      expect(r.outputs).toMatchObject({ revision: '2', 'previous-revision': '1', 'rolled-back': 'false' });
      const d = live('good');
      expect(d.spec.template.spec.containers[0].image).toBe(V2);
      expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
      expect(d.metadata.annotations['kubernetes.io/change-cause']).toBe(
        'mcp-deploy 222222222222 · commit 0123456789ab · refs/heads/main · https://github.com/acme/hello-mcp/actions/runs/42',
      );
      expect(r.summary).toContain(
        '| hello-mcp | `hello-mcp@111111111111` → `hello-mcp@222222222222` | 1 → 2 | ✅ rolled out |',
      );
      expect(r.summary).toContain('to **staging**, context `ci@sim`, namespace `good`');
      // kubectl was given a path, never the content; the path is under RUNNER_TEMP, 0600.
      const file = /--kubeconfig (\S+)/.exec(r.stdout)?.[1] ?? '';
      expect(path.dirname(path.dirname(file))).toBe(r.dir);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      expectNoKubeconfig(r);

      const post = await runPostAsync(r);
      expect(post.status).toBe(0);
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.existsSync(path.dirname(file))).toBe(false);
    });

    test('an image that never pulls: ImagePullBackOff named, events shown, rolled back to the image before', async () => {
      await existing('pullfail');
      const gh = await startFakeGithub();
      let r: ActionRun;
      try {
        r = await run(
          {
            'image-ref': PULLFAIL,
            namespace: 'pullfail',
            deployments: 'hello-mcp=server',
            environment: 'production',
            'environment-url': 'https://mcp.example.com',
            'github-token': 'ghs_deploytoken123',
          },
          { GITHUB_API_URL: gh.url },
        );
      } finally {
        await gh.stop();
      }
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(
        /::error::deploy: deployment hello-mcp did not roll out: ImagePullBackOff, ProgressDeadlineExceeded \(pod hello-mcp-[a-z0-9]+-[a-z0-9]+, container server: Back-off pulling image[^\n]*hello-mcp rolled back to revision 1 \(now numbered 3\)/,
      );
      expect(r.stdout).toMatch(/::group::why hello-mcp did not roll out: ImagePullBackOff/);
      expect(r.summary).toContain('#### hello-mcp: ImagePullBackOff, ProgressDeadlineExceeded');
      expect(r.summary).toMatch(
        /\| hello-mcp-[a-z0-9]+-[a-z0-9]+ \| server \| waiting \| ImagePullBackOff \| 0 \| Back-off pulling image/,
      );
      expect(r.summary).toContain('**Events**, oldest first');
      expect(r.summary).toMatch(/\| Warning \| Failed \| Pod\/hello-mcp-[^|]+ \| Error: ErrImagePull \|/);
      expect(r.summary).toContain('↩️ **hello-mcp: rolled back to revision 1 (now numbered 3)**');
      expect(r.summary).toContain('| 1 → 2 → 3 | ❌ ImagePullBackOff, rolled back to 1 |');
      expect(r.outputs).toMatchObject({ revision: '3', 'previous-revision': '1', 'rolled-back': 'true' });
      expect(live('pullfail').spec.template.spec.containers[0].image).toBe(V1);
      // The GitHub deployment followed it: in progress, then failure.
      expect(gh.calls.map((c) => (c.body.state as string) ?? `create ${c.body.environment}`)).toEqual([
        'create production',
        'in_progress',
        'failure',
      ]);
      expect(gh.calls[2].body).toMatchObject({
        environment_url: 'https://mcp.example.com',
        log_url: 'https://github.com/acme/hello-mcp/actions/runs/42',
      });
      expect(visible(r)).not.toContain('ghs_deploytoken123');
      expectNoKubeconfig(r);
    });

    test('a pod stuck in ImagePullBackOff fails the rollout after stuck-after, long before the progress deadline', async () => {
      await existing('stuck', V1, 'hello-mcp', 600);
      const started = Date.now();
      const r = await run({
        'image-ref': PULLFAIL,
        namespace: 'stuck',
        deployments: 'hello-mcp',
        'stuck-after': '2s',
        'rollout-timeout': '5m',
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(
        /hello-mcp-[a-z0-9-]+\/server is in (ErrImagePull|ImagePullBackOff); the rollout fails if it still is in 2s/,
      );
      expect(r.stdout).toMatch(
        /was in ImagePullBackOff for 2s \(input stuck-after\), so the rollout cannot finish/,
      );
      expect(r.outputs['rolled-back']).toBe('true');
      expect(live('stuck').spec.template.spec.containers[0].image).toBe(V1);
      // Well under the 600 s deadline and the 5 min timeout: the stuck pod decided it.
      expect(Date.now() - started).toBeLessThan(60_000);
    });

    test('a container that keeps crashing: CrashLoopBackOff with the log lines of the previous instance', async () => {
      await existing('crash');
      const r = await run({
        'image-ref': CRASHLOOP,
        namespace: 'crash',
        deployments: 'hello-mcp',
        'rollout-timeout': '60s',
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/::error::deploy: deployment hello-mcp did not roll out: CrashLoopBackOff/);
      expect(r.summary).toMatch(/\| server \| waiting \| CrashLoopBackOff \| [1-9]\d* \|/);
      expect(r.summary).toMatch(
        /<details><summary>Last log lines of hello-mcp-[a-z0-9-]+\/server \(previous instance\)<\/summary>/,
      );
      expect(r.outputs['rolled-back']).toBe('true');
      expect(live('crash').spec.template.spec.containers[0].image).toBe(V1);
    });

    test('rollback-on-failure false: the diagnostics, but the failed revision stays', async () => {
      await existing('keep');
      const r = await run({
        'image-ref': PULLFAIL,
        namespace: 'keep',
        deployments: 'hello-mcp',
        'rollback-on-failure': 'false',
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/ImagePullBackOff[^\n]*; not rolled back \(rollback-on-failure is false\)/);
      expect(r.stdout).not.toContain('rollout undo');
      expect(r.outputs).toMatchObject({ revision: '2', 'rolled-back': 'false' });
      expect(live('keep').spec.template.spec.containers[0].image).toBe(PULLFAIL);
    });

    test('several deployments roll out together and are waited for together', async () => {
      await existing('pair', V1, 'api');
      await existing('pair', V1, 'worker');
      const r = await run({ 'image-ref': V2, namespace: 'pair', deployments: 'api\nworker=server' });
      expect(r.status).toBe(0);
      expect(r.outputs).toMatchObject({
        revision: 'api=2\nworker=2',
        'previous-revision': 'api=1\nworker=1',
      });
      for (const n of ['api', 'worker'])
        expect(live('pair', n).spec.template.spec.containers[0].image).toBe(V2);
      // Both waits start before either ends: they overlap in the sim's request log.
      expect(r.summary).toMatch(/\| api \|[^\n]*✅ rolled out \|[^\n]*\n\| worker \|[^\n]*✅ rolled out \|/);
    });

    test('kustomize mode: the project templates rendered, the digest pinned, applied, then updated', async () => {
      copyK8sTemplates(path.join(workspace, 'k8s'), { crate: 'hello-mcp', image: 'ghcr.io/acme/hello-mcp' });
      const inputs = { strategy: 'manifests', manifests: 'k8s/overlays/staging' };

      const first = await run({ ...inputs, 'image-ref': V1 });
      expect(first.stdout).not.toContain('::error');
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('kubectl --kubeconfig');
      expect(first.stdout).toMatch(/rendering \S+\/k8s\/overlays\/staging with kubectl kustomize/);
      expect(live('hello-mcp-staging').spec.template.spec.containers[0].image).toBe(V1);
      expect(sim.get('ingresses', 'hello-mcp-staging', 'hello-mcp')).toBeDefined();
      expect(first.outputs).toMatchObject({ revision: '1', 'previous-revision': '' });
      expect(first.summary).toContain(
        '| hello-mcp | (new) → `hello-mcp@111111111111` | – → 1 | ✅ rolled out |',
      );

      const second = await run({ ...inputs, 'image-ref': V2 });
      expect(second.status).toBe(0);
      expect(second.outputs).toMatchObject({ revision: '2', 'previous-revision': '1' });
      expect(live('hello-mcp-staging').spec.template.spec.containers[0].image).toBe(V2);
      expect(live('hello-mcp-staging').metadata.annotations['kubernetes.io/change-cause']).toContain(
        'mcp-deploy 222222222222',
      );
    });

    test('strategy manifests into a namespace the overlay creates: no "does not exist", applied from nothing', async () => {
      // init's overlays bring their own Namespace; the namespace input names it before it exists.
      copyK8sTemplates(path.join(workspace, 'fresh'), {
        crate: 'fresh-mcp',
        image: 'ghcr.io/acme/hello-mcp',
      });
      expect(sim.get('namespaces', undefined, 'fresh-mcp-staging')).toBeUndefined();
      const r = await run({
        manifests: 'fresh/overlays/staging',
        namespace: 'fresh-mcp-staging',
        'image-ref': V1,
      });
      expect(r.stdout).not.toContain('::error');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("namespace 'fresh-mcp-staging' does not exist yet: the manifests create it");
      expect(live('fresh-mcp-staging', 'fresh-mcp').spec.template.spec.containers[0].image).toBe(V1);
    });

    test('strategy manifests into a missing namespace the manifests do not create: one error, nothing applied', async () => {
      const dir = path.join(workspace, 'no-namespace');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'deploy.yaml'),
        deploymentYaml('orphan-mcp', 'nowhere-mcp', 'ghcr.io/acme/hello-mcp:1').split('---\n')[1],
      );
      // lint: warn, because these two replicas keep no session affinity (MCP001): the namespace is the point.
      const r = await run({
        manifests: 'no-namespace',
        namespace: 'nowhere-mcp',
        'image-ref': V1,
        lint: 'warn',
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(
        "::error::deploy: input 'namespace': namespace 'nowhere-mcp' does not exist in the cluster (fix: create it first or fix the name)",
      );
      expect(sim.get('deployments', 'nowhere-mcp', 'orphan-mcp')).toBeUndefined();
    });

    test('the MCP deployment lint stops manifests that would break MCP clients before the cluster is touched', async () => {
      const dir = path.join(workspace, 'broken');
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(
        path.join(ROOT, '__tests__', 'fixtures', 'lint', 'replicas-and-mcp-probe.yaml'),
        path.join(dir, 'app.yaml'),
      );
      const requestsBefore = sim.requests.length;
      const r = await run({ strategy: 'manifests', manifests: 'broken', 'image-ref': V1 });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('::error title=MCP001 stateful-replicas,file=broken/app.yaml,line=8::');
      expect(r.stdout).toContain('::error title=MCP002 probe-on-mcp-path,file=broken/app.yaml,line=25::');
      expect(r.stdout).toContain(
        '::error::deploy: the MCP deployment lint found errors in broken (nothing was changed',
      );
      expect(sim.requests.length).toBe(requestsBefore);

      const warned = await run({ strategy: 'manifests', manifests: 'broken', 'image-ref': V1, lint: 'warn' });
      expect(warned.stdout).toContain(
        '::warning title=MCP001 stateful-replicas,file=broken/app.yaml,line=8::',
      );
      expect(warned.stdout).not.toContain('the MCP deployment lint found errors');
    });

    describe('connection problems: one clear error before anything changes', () => {
      test('an unreachable server', async () => {
        const port = await closedPort();
        const r = await run({
          'image-ref': V2,
          deployments: 'hello-mcp',
          kubeconfig: kubeconfig.replace(sim.url, `http://127.0.0.1:${port}`),
        });
        expect(r.status).toBe(1);
        expect(r.stdout).toContain(
          `::error::deploy: input 'kubeconfig': the cluster at http://127.0.0.1:${port} is unreachable: connection refused (fix: check the server address`,
        );
        expect(r.stdout).not.toContain('set image');
        expectNoKubeconfig(r);
      });

      test('a kubeconfig that is not one, with a token in it', async () => {
        const r = await run({
          'image-ref': V2,
          deployments: 'hello-mcp',
          kubeconfig: `clusters: [\n  token: ${TOKEN}`,
        });
        expect(r.status).toBe(1);
        expect(r.stdout).toContain("::error::input 'kubeconfig': is not valid YAML at line 2");
        expect(r.stdout).not.toContain('kubectl');
        expect(visible(r)).not.toContain(TOKEN);
        expect(r.stdout).toContain(`::add-mask::clusters: [%0A  token: ${TOKEN}`);
      });

      test('credentials the cluster rejects', async () => {
        const r = await run({
          'image-ref': V2,
          deployments: 'hello-mcp',
          kubeconfig: sim.kubeconfig({ token: 'expired-token-0000' }),
        });
        expect(r.status).toBe(1);
        expect(r.stdout).toContain(
          `::error::deploy: input 'kubeconfig': the cluster at ${sim.url} rejected the credentials (Unauthorized)`,
        );
      });

      test('a context the kubeconfig lacks, a namespace the cluster lacks, a deployment that is not there', async () => {
        const ctx = await run({ 'image-ref': V2, deployments: 'hello-mcp', context: 'prod' });
        expect(ctx.stdout).toContain(
          "::error::input 'context': context 'prod' is not in the kubeconfig (fix: use one of: ci@sim)",
        );
        const ns = await run({ 'image-ref': V2, deployments: 'hello-mcp', namespace: 'nope' });
        expect(ns.stdout).toContain(
          "::error::deploy: input 'namespace': namespace 'nope' does not exist in the cluster",
        );
        const dep = await run({ 'image-ref': V2, deployments: 'ghost', namespace: 'default' });
        expect(dep.stdout).toContain(
          "::error::deploy: input 'deployments': deployment 'ghost' does not exist in namespace 'default'",
        );
        for (const r of [ctx, ns, dep]) {
          expect(r.status).toBe(1);
          expect(r.stdout).not.toContain('set image');
        }
      });

      test('a tag instead of a digest', async () => {
        const r = await run({ 'image-ref': 'ghcr.io/acme/hello-mcp:latest', deployments: 'hello-mcp' });
        expect(r.status).toBe(1);
        expect(r.stdout).toContain(
          "::error::input 'image-ref': 'ghcr.io/acme/hello-mcp:latest' is not a digest reference: deploys use the digest, never a mutable tag",
        );
        expect(parseCommandFile(r.state)).toEqual({});
      });
    });
  },
);

async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
