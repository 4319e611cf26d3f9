import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { exec } from '../src/exec';
import { classifyKubectl, kc, kubectlBase, type Kubectl } from '../src/tools/kubectl';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { describeWith, missingCommands } from './support/skip';

/** How a failed kubectl call failed: the classifier the deploy stage uses instead of matching text itself. */
describe('classifyKubectl on kubectl error lines', () => {
  test.each([
    [
      'W1201 05:00:49.148353 23084 reflector.go:569] failed to list *unstructured.Unstructured: Get "https://127.0.0.1:39909/apis/apps/v1/namespaces/default/deployments": dial tcp 127.0.0.1:39909: connect: connection refused',
      'unreachable',
      'connection refused',
      true,
    ],
    [
      'error: an error on the server ("unable to decode an event from the watch stream: unexpected EOF")',
      'unreachable',
      'EOF',
      true,
    ],
    ['Get "https://10.0.0.1:6443/api": dial tcp 10.0.0.1:6443: i/o timeout', 'timeout', 'i/o timeout', true],
    [
      'Unable to connect to the server: dial tcp: lookup k on 10.0.0.1:53: no such host',
      'unreachable',
      'no such host',
      false,
    ],
    ['error: timed out waiting for the condition', 'timeout', 'timed out', false],
    ['error: You must be logged in to the server (Unauthorized)', 'unauthorized', 'Unauthorized', false],
    ['Error from server (NotFound): deployments.apps "a" not found', 'not-found', 'NotFound', false],
    // The server's status reason wins over words in the object's name.
    [
      'Error from server (NotFound): namespaces "certificate-timed-out" not found',
      'not-found',
      'NotFound',
      false,
    ],
    ['Error from server (Forbidden): deployments.apps "x" is forbidden', 'forbidden', 'Forbidden', false],
    [
      'error: deployment "hello-mcp" exceeded its progress deadline',
      'other',
      'deployment "hello-mcp" exceeded its progress deadline',
      false,
    ],
  ])('%s', (stderr, kind, what, lost) => {
    expect(classifyKubectl({ stderr })).toMatchObject({ kind, what, lost });
  });

  test('a call exec ended without a word from kubectl is a timeout', () => {
    expect(classifyKubectl({ stderr: '', timedOut: true })).toMatchObject({ kind: 'timeout', lost: false });
    expect(classifyKubectl({ stderr: '' })).toMatchObject({ kind: 'other', lost: false });
  });
});

describeWith('classifyKubectl on what the real kubectl prints', missingCommands('kubectl'), () => {
  jest.setTimeout(60_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-classify-'));
  let sim: K8sSim;
  let kubeconfig: string;
  const servers: http.Server[] = [];

  /** A server that answers every request with `status`, or (without one) never answers. */
  async function fakeServer(status?: { code: number; reason: string }): Promise<string> {
    const server = http.createServer((_req, res) => {
      if (!status) return; // hangs
      res.writeHead(status.code, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: status.reason,
          code: status.code,
          message: `namespaces "x" is forbidden: User "ci" cannot get resource "namespaces" in API group "" in the namespace "x"`,
        }),
      );
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    sim = await startK8sSim({ token: 'classify-token-1a2b3c' });
    kubeconfig = sim.writeKubeconfig(dir);
  });
  afterAll(async () => {
    for (const s of servers) s.closeAllConnections();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await sim?.stop();
  });

  /** The real kubectl with no ambient configuration: only what the argv says. */
  const run = async (argv: string[]) => {
    const r = await exec(argv, { echo: false, timeoutMs: 30_000, env: { HOME: dir, KUBECONFIG: undefined } });
    expect(r.exitCode).not.toBe(0);
    return classifyKubectl(r);
  };
  const k: Kubectl = { bin: 'kubectl', context: '' };
  const at = (server: string, ...more: string[]) => [
    ...kubectlBase(k),
    `--server=${server}`,
    ...more,
    'get',
    '--raw',
    '/version',
  ];

  test('connection refused', async () => {
    expect(await run(at('http://127.0.0.1:1'))).toMatchObject({
      kind: 'unreachable',
      what: 'connection refused',
      lost: true,
    });
  });

  test('no answer within --request-timeout', async () => {
    expect(await run(at(await fakeServer(), '--request-timeout=1s'))).toMatchObject({
      kind: 'timeout',
      lost: false,
    });
  });

  test('a certificate nobody vouches for', async () => {
    expect(await run(at(sim.url, '--token=x'))).toMatchObject({ kind: 'certificate' });
  });

  test('a token the server does not accept', async () => {
    const wrong = path.join(dir, 'wrong-token');
    fs.writeFileSync(wrong, sim.kubeconfig({ token: 'not-the-token' }));
    expect(await run(kc.serverVersion({ bin: 'kubectl', kubeconfigPath: wrong, context: '' }))).toMatchObject(
      {
        kind: 'unauthorized',
        what: 'Unauthorized',
      },
    );
  });

  test('forbidden by the server', async () => {
    const server = await fakeServer({ code: 403, reason: 'Forbidden' });
    expect(
      await run([...kubectlBase(k), `--server=${server}`, 'get', 'namespace', 'x', '--output=name']),
    ).toMatchObject({ kind: 'forbidden', what: 'Forbidden' });
  });

  test('an object that does not exist', async () => {
    const f = await run(
      [
        ...kc.getDeployment({ bin: 'kubectl', kubeconfigPath: kubeconfig, context: '' }, 'default', 'nope'),
      ].filter((a) => a !== '--ignore-not-found'),
    );
    expect(f).toMatchObject({ kind: 'not-found', what: 'NotFound' });
    expect(
      await run(
        kc.namespace({ bin: 'kubectl', kubeconfigPath: kubeconfig, context: '' }, 'certificate-timed-out'),
      ),
    ).toMatchObject({ kind: 'not-found' });
  });

  test('a context the kubeconfig does not have', async () => {
    expect(
      await run(kc.serverVersion({ bin: 'kubectl', kubeconfigPath: kubeconfig, context: 'prod' })),
    ).toMatchObject({
      kind: 'config',
      context: 'prod',
    });
  });

  test('a kubeconfig file that is not there', async () => {
    expect(
      await run(kc.serverVersion({ bin: 'kubectl', kubeconfigPath: path.join(dir, 'missing'), context: '' })),
    ).toMatchObject({ kind: 'config' });
  });
});
