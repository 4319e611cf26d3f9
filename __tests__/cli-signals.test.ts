import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './support/action';
import { kubectl } from './support/deploy-env';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { describeWith, missingCommands } from './support/skip';

/**
 * Ctrl-C or a runner's SIGTERM in the middle of a rollout: the CLI (dist/cli.js) ends the kubectl it
 * started and removes the kubeconfig it wrote, instead of leaving both behind.
 */
const IMAGE = `ghcr.io/acme/hello-mcp@sha256:${'d'.repeat(64)}`;

describeWith('mcp-deploy run: a signal mid-rollout', missingCommands('kubectl'), () => {
  jest.setTimeout(60_000);
  let sim: K8sSim;
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-signal-'));

  beforeAll(async () => {
    // Pods that never become ready: `rollout status` waits until it is stopped.
    sim = await startK8sSim({ podReadyMs: 3_600_000 });
    await kubectl(
      sim.writeKubeconfig(workspace),
      ['apply', '--validate=false', '-f', '-'],
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: sig-mcp, namespace: default}
spec:
  selector: {matchLabels: {app: sig-mcp}}
  template:
    metadata: {labels: {app: sig-mcp}}
    spec: {containers: [{name: server, image: "ghcr.io/acme/hello-mcp@sha256:${'e'.repeat(64)}"}]}
`,
    );
  });
  afterAll(async () => sim?.stop());

  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s ends kubectl, removes the kubeconfig and exits %i', async (signal, code) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-signal-tmp-'));
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'dist', 'cli.js'),
        'run',
        '--stages',
        'deploy',
        '--workspace',
        workspace,
        '--cwd',
        workspace,
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: workspace,
          TMPDIR: tmp,
          MCP_KUBECONFIG: sim.kubeconfig(),
          MCP_IMAGE_REF: IMAGE,
          MCP_DEPLOYMENTS: 'sig-mcp',
          MCP_NAMESPACE: 'default',
          MCP_LINT: 'off',
          MCP_ROLLOUT_TIMEOUT: '5m',
        },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    const deadline = Date.now() + 30_000;
    while (!/\$ \S*kubectl .*rollout status/.test(out) && child.exitCode === null && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(`${out}\n${err}`).toMatch(/\$ \S*kubectl .*rollout status/);
    // The kubeconfig the run wrote (a 0600 file under TMPDIR) is there while it waits.
    expect(fs.readdirSync(tmp).length).toBeGreaterThan(0);
    const sent = Date.now();
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(err).toMatch(new RegExp(`mcp-deploy: ${signal}: ended 1 running command\\(s\\); cleaning up`));
    expect(fs.readdirSync(tmp)).toEqual([]);
    // Nothing of the run is still waiting on the deployment.
    const ps = await new Promise<string>((resolve) => {
      let s = '';
      spawn('ps', ['-eo', 'args'])
        .stdout.on('data', (d) => (s += d))
        .on('end', () => resolve(s));
    });
    expect(ps.split('\n').filter((l) => l.includes('rollout status') && l.includes('sig-mcp'))).toEqual([]);
  });
});
