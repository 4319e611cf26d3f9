import type { ExecResult } from '../src/exec';
import { classifyBuildahFailure } from '../src/tools/buildah';
import { classifyDockerFailure, retryable, type DockerFailure } from '../src/tools/docker';

/**
 * What docker, buildx and buildah print when a registry call fails, and what the stage makes of it. Every
 * line is copied from a real run (docker 28.2.2, buildx 0.13.1, buildah 1.28.2) against the test support's
 * private dockerd (`__tests__/support/dockerd.ts`, containerd store; the classic store for the docker
 * driver lines) and docker-registry 2.8.2 (`__tests__/support/registry.ts`, with htpasswd auth for the
 * credential lines): a closed port for "refused", a socket that accepts and never answers for the timeout.
 */
const failed = (stderr: string, stdout = ''): ExecResult => ({
  argv: [],
  exitCode: 1,
  stdout,
  stderr,
  durationMs: 1,
  timedOut: false,
});

const HEAD =
  'Head "https://127.0.0.1:44467/v2/a/b/blobs/sha256:0bbc2c1cb7b2acff163f8766ad9bca6a5e03e00425f2256e5639f2819600f59f"';

describe('docker and buildx failures', () => {
  test.each([
    // docker login with a wrong password
    [
      'Error response from daemon: login attempt to http://127.0.0.1:46359/v2/ failed with status: 401 Unauthorized',
      'auth',
    ],
    // docker buildx build --push to a registry that needs credentials, without them
    [
      '#5 ERROR: failed to push 127.0.0.1:46359/a/b:1: unexpected status from HEAD request to http://127.0.0.1:46359/v2/a/b/blobs/sha256:0bbc2c1cb7b2acff163f8766ad9bca6a5e03e00425f2256e5639f2819600f59f: 401 Unauthorized',
      'auth',
    ],
    // docker buildx imagetools inspect / create on a registry that needs credentials
    [
      'ERROR: pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
      'auth',
    ],
    [
      '#1 ERROR: push access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
      'auth',
    ],
    // docker login and docker buildx build --push to a port nothing listens on
    [
      'Error response from daemon: Get "http://127.0.0.1:44467/v2/": dial tcp 127.0.0.1:44467: connect: connection refused',
      'unreachable',
    ],
    [
      `ERROR: failed to solve: failed to push 127.0.0.1:44467/a/b:1: failed to do request: ${HEAD}: dial tcp 127.0.0.1:44467: connect: connection refused`,
      'unreachable',
    ],
    // docker login to a server that accepts the connection and never answers
    [
      'Error response from daemon: Get "http://127.0.0.1:41961/v2/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      'timeout',
    ],
    // docker buildx imagetools inspect of a tag, a digest, a repository the registry does not have
    ['ERROR: 127.0.0.1:44911/a/ok:nope: not found', 'not-found'],
    [
      'ERROR: 127.0.0.1:44911/a/ok@sha256:0000000000000000000000000000000000000000000000000000000000000000: not found',
      'not-found',
    ],
    // docker buildx build on the classic image store, docker driver: two platforms, then an attestation
    [
      'ERROR: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.\nLearn more at https://docs.docker.com/go/build-multi-platform/',
      'docker-driver',
    ],
    [
      'ERROR: Attestation is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.\nLearn more at https://docs.docker.com/go/attestations/',
      'docker-driver',
    ],
    // a RUN step for linux/riscv64 with no emulator registered (build-arm64.test.ts, qemu: false)
    [
      '#5 [2/2] RUN --network=none ["/bin/sh", "-c", "uname -m > /arch"]\n#5 0.099 exec /bin/sh: exec format error\n#5 ERROR: process "/bin/sh -c uname -m > /arch" did not complete successfully: exit code: 1\nERROR: failed to solve: process "/bin/sh -c uname -m > /arch" did not complete successfully: exit code: 1',
      'exec-format',
    ],
  ])('%s -> %s', (stderr, kind) => expect(classifyDockerFailure(failed(stderr))).toBe(kind));

  test('a command ended by its own timeout is a timeout, whatever it printed', () => {
    expect(classifyDockerFailure({ ...failed(''), timedOut: true })).toBe('timeout');
  });

  test('refused, timed out and 5xx are retried; credentials, not found, the docker driver and a missing emulator never', () => {
    const all: DockerFailure[] = [
      'auth',
      'unreachable',
      'timeout',
      'transient',
      'not-found',
      'docker-driver',
      'exec-format',
      'other',
    ];
    expect(all.filter(retryable)).toEqual(['unreachable', 'timeout', 'transient']);
  });
});

describe('buildah failures', () => {
  test.each([
    // buildah login with a wrong password: buildah's own words, not the registry's
    ['Error: logging into "127.0.0.1:46359": invalid username/password', 'auth'],
    // buildah manifest push --all without credentials
    [
      'Error: copying image 1/1 from manifest list: trying to reuse blob sha256:a2b9039cc84dd6204014adcbd9222c02663f7b61b8d4aa4c252e1b8518bcc6bc at destination: checking whether a blob sha256:a2b9039cc84dd6204014adcbd9222c02663f7b61b8d4aa4c252e1b8518bcc6bc exists in 127.0.0.1:44553/a/b: unauthorized: authentication required',
      'auth',
    ],
    // buildah login and manifest push to a port nothing listens on
    [
      'Error: authenticating creds for "127.0.0.1:44467": pinging container registry 127.0.0.1:44467: Get "http://127.0.0.1:44467/v2/": dial tcp 127.0.0.1:44467: connect: connection refused',
      'unreachable',
    ],
    [
      'Error: copying image 1/1 from manifest list: trying to reuse blob sha256:a2b9039cc84dd6204014adcbd9222c02663f7b61b8d4aa4c252e1b8518bcc6bc at destination: pinging container registry 127.0.0.1:38717: Get "http://127.0.0.1:38717/v2/": dial tcp 127.0.0.1:38717: connect: connection refused',
      'unreachable',
    ],
    // buildah manifest rm of a list no earlier run left
    ['Error: 1 error occurred:\n\t* localhost/mcp-deploy-build/none: image not known\n\n', 'not-found'],
  ])('%s -> %s', (stderr, kind) => expect(classifyBuildahFailure(failed(stderr))).toBe(kind));
});
