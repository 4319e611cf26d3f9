import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { githubContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { setSink, textSink, type Annotation } from '../src/report/log';
import { deploy } from '../src/stages/deploy';
import type { StageEnv } from '../src/stages/stage';
import { which } from '../src/tools';
import { copyK8sTemplates } from './support/deploy-env';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { describeWith, missingCommands } from './support/skip';

/**
 * A deploy of a kustomize overlay renders it once: the lint reads the rendering the deploy applies. A
 * kubectl on PATH that logs each `kubectl kustomize` and hands over to the real one counts the renders.
 */
const IMAGE = 'ghcr.io/acme/hello-mcp';
const V1 = `${IMAGE}@sha256:${'e'.repeat(64)}`;

describeWith('deploy: one kubectl kustomize per deploy', missingCommands('kubectl'), () => {
  jest.setTimeout(60_000);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-render-once-'));
  const bin = path.join(workspace, 'bin');
  const renders = path.join(workspace, 'kustomize-calls.log');
  const ctx = githubContext(
    { GITHUB_REPOSITORY: 'acme/hello-mcp', GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main' },
    workspace,
  );
  const lines: string[] = [];
  const annotations: Annotation[] = [];
  const PATH = process.env.PATH;
  let sim: K8sSim;

  beforeAll(async () => {
    const real = which('kubectl')!;
    fs.mkdirSync(bin);
    fs.writeFileSync(
      path.join(bin, 'kubectl'),
      `#!/bin/sh\n[ "$1" = kustomize ] && echo "$*" >> '${renders}'\nexec '${real}' "$@"\n`,
      { mode: 0o755 },
    );
    process.env.PATH = `${bin}${path.delimiter}${PATH}`;
    setSink({ ...textSink((l) => lines.push(l)), annotate: (a) => annotations.push(a) });
    // The project's templates, as `mcp-deploy init` fills them in, with a probe the lint reports.
    copyK8sTemplates(path.join(workspace, 'k8s'), { crate: 'hello-mcp', image: IMAGE }, (t) =>
      t.replace('path: /ready', 'path: /mcp'),
    );
    sim = await startK8sSim({ token: 'render-once-7d6c5b4a' });
  });
  afterAll(async () => {
    process.env.PATH = PATH;
    setSink(textSink());
    await sim?.stop();
  });

  test('the lint reads the rendering that is applied: its findings still point at the source lines', async () => {
    const inputs: Record<string, string> = {
      stages: 'deploy',
      'image-ref': V1,
      kubeconfig: sim.kubeconfig(),
      strategy: 'manifests',
      manifests: 'k8s/overlays/staging',
      // The probe finding must not stop the deploy: this test is about what the lint reads.
      lint: 'warn',
      'rollout-timeout': '30s',
    };
    const env: StageEnv = { ctx, cwd: workspace, state: {} };
    const r = await deploy.run(deploy.parse(new InputReader((n) => inputs[n] ?? ''), env), env);
    expect(r.failure).toBeUndefined();
    expect(r.status).toBe('success');
    expect(
      sim.get('deployments', 'hello-mcp-staging', 'hello-mcp').spec.template.spec.containers[0].image,
    ).toBe(V1);

    const calls = fs.readFileSync(renders, 'utf8').trim().split('\n');
    expect(calls).toHaveLength(1);
    expect(
      lines.filter((l) => /rendering \S+\/k8s\/overlays\/staging with kubectl kustomize/.test(l)),
    ).toHaveLength(1);

    const file = path.join(workspace, 'k8s', 'base', 'deployment.yaml');
    const probeLine =
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('path: /mcp')) + 1;
    expect(annotations.map((a) => [a.level, a.title, a.file, a.line])).toEqual([
      ['warning', 'MCP002 probe-on-mcp-path', 'k8s/base/deployment.yaml', probeLine],
    ]);
    // What kustomize recorded for the lint is not applied.
    const live = sim.get('deployments', 'hello-mcp-staging', 'hello-mcp');
    expect(JSON.stringify(live.metadata.annotations ?? {})).not.toContain('config.kubernetes.io/origin');
  });
});
