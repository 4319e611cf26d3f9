import { exec } from '../src/exec';
import { retry } from '../src/retry';
import { connectionLoss, parseRolloutStatus } from '../src/tools/kubectl';

/** The pieces that notice a lost API server: kubectl's messages, lines as they come, capped waits. */
describe('a lost API server in kubectl output', () => {
  test.each([
    [
      'W1201 05:00:49.148353 23084 reflector.go:569] failed to list *unstructured.Unstructured: Get "https://127.0.0.1:39909/apis/apps/v1/namespaces/default/deployments": dial tcp 127.0.0.1:39909: connect: connection refused',
      'connection refused',
    ],
    [
      'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?',
      'connection refused',
    ],
    [
      'error: an error on the server ("unable to decode an event from the watch stream: unexpected EOF")',
      'EOF',
    ],
    ['Get "https://10.0.0.1:6443/api": dial tcp 10.0.0.1:6443: i/o timeout', 'i/o timeout'],
    ['read tcp 10.0.0.2:51000->10.0.0.1:6443: read: connection reset by peer', 'connection reset by peer'],
  ])('%s', (line, what) => {
    expect(connectionLoss(line)).toBe(what);
  });

  test('other kubectl errors are not a lost connection', () => {
    for (const line of [
      'error: deployment "hello-mcp" exceeded its progress deadline',
      'error: timed out waiting for the condition',
      'Error from server (Forbidden): deployments.apps "x" is forbidden',
      'very short watch: Unexpected watch close - watch lasted less than a second and no items received',
    ])
      expect(connectionLoss(line)).toBeUndefined();
  });

  test('a rollout status that ended on a lost connection says so, not a timeout', () => {
    const stderr =
      'E1201 reflector.go:166] "Unhandled Error" err="dial tcp 127.0.0.1:1: connect: connection refused"\nerror: timed out waiting for the condition\n';
    expect(parseRolloutStatus({ exitCode: 1, stdout: '', stderr, timedOut: false })).toEqual({
      done: false,
      reason: 'ConnectionLost',
      message: 'connection refused',
    });
  });
});

test('exec hands each output line to onLine as it arrives, while the command still runs', async () => {
  const seen: { line: string; at: number }[] = [];
  const started = Date.now();
  const r = await exec(['sh', '-c', 'echo one; echo two >&2; sleep 1; echo three'], {
    echo: false,
    onLine: (line) => seen.push({ line, at: Date.now() - started }),
  });
  expect(r.exitCode).toBe(0);
  expect(seen.map((s) => s.line).sort()).toEqual(['one', 'three', 'two']);
  expect(seen.find((s) => s.line === 'one')!.at).toBeLessThan(r.durationMs - 500);
});

test('retry caps each wait at maxDelayMs', async () => {
  const waits: number[] = [];
  await expect(
    retry(
      { attempts: 5, firstDelayMs: 20, maxDelayMs: 50 },
      () => Promise.reject(new Error('refused')),
      () => true,
      (_e, _n, waitMs) => waits.push(waitMs),
    ),
  ).rejects.toThrow('refused');
  expect(waits).toEqual([20, 40, 50, 50]);
});
