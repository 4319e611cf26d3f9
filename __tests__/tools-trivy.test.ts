import type { ExecResult } from '../src/exec';
import { classifyTrivyFailure, imageScanArgv, registryEnv, sarifConvertArgv } from '../src/tools/trivy';

/**
 * Trivy's failures as it prints them on stderr. Each line is quoted from where it was reported (the issue
 * or page named in the test), unedited except for a line's leading indentation.
 */
const failed = (stderr: string, more: Partial<ExecResult> = {}): ExecResult => ({
  argv: ['trivy', 'image'],
  exitCode: 1,
  stdout: '',
  stderr,
  durationMs: 1,
  timedOut: false,
  ...more,
});

describe('DB download failures: the cue to try the next DB repository', () => {
  test('TOOMANYREQUESTS from ghcr.io is a rate limit (trivy-action#389/#430)', () => {
    const stderr =
      '2024-10-29T16:05:02Z\tERROR\t[vulndb] Failed to download artifact\trepo="ghcr.io/aquasecurity/trivy-db:2" err="OCI repository error: 1 error occurred:\\n\\t* GET https://ghcr.io/v2/aquasecurity/trivy-db/manifests/2: TOOMANYREQUESTS: retry-after: 571.072µs, allowed: 44000/minute\\n\\n"\n' +
      '2024-10-29T16:05:02Z\tFATAL\tFatal error\tinit error: DB error: failed to download vulnerability DB: OCI artifact error: failed to download vulnerability DB: failed to download artifact from any source\n';
    expect(classifyTrivyFailure(failed(stderr))).toBe('db-rate-limit');
  });

  test('another download failure also moves on, even one the DB registry refused (trivy-operator#695)', () => {
    expect(
      classifyTrivyFailure(
        failed('FATAL\tinit error: DB error: failed to download vulnerability DB: dial tcp: i/o timeout'),
      ),
    ).toBe('db-download');
    expect(
      classifyTrivyFailure(
        failed(
          'init error: DB error: failed to download vulnerability DB:\n OCI artifact error: OCI artifact error: OCI repository error: GET https://******/v2/aquasecurity/trivy-db/manifests/2: UNAUTHORIZED: The client does not have permission for manifest; map[manifest:aquasecurity/trivy-db/2/manifest.json]',
        ),
      ),
    ).toBe('db-download');
  });

  test('a scan error is not a DB failure', () => {
    expect(classifyTrivyFailure(failed('FATAL\timage scan error: unable to find the specified image'))).toBe(
      'not-found',
    );
  });
});

describe("the image's registry", () => {
  test('an image no source has: the remote error decides, the local engines are noise (trivy.dev troubleshooting)', () => {
    const stderr = [
      '2024-01-19T08:15:33.288Z\tFATAL\timage scan error: scan error: unable to initialize a scanner: unable to initialize an image scanner: 4 errors occurred:',
      '\t* docker error: unable to inspect the image (ContainerImageName): Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      '\t* containerd error: containerd socket not found: /run/containerd/containerd.sock',
      '\t* podman error: unable to initialize Podman client: no podman socket found: stat podman/podman.sock: no such file or directory',
      '\t* remote error: GET https://index.docker.io/v2/ContainerImageName: MANIFEST_UNKNOWN: manifest unknown; unknown tag=0.1',
    ].join('\n');
    expect(classifyTrivyFailure(failed(stderr))).toBe('not-found');
  });

  test('the registry wants credentials (trivy#1506), though the local engine had no such image either', () => {
    const stderr = [
      '2021-12-22T14:25:30.920Z    FATAL   scan error: unable to initialize a scanner: unable to initialize a docker scanner: 3 errors occurred:',
      '\t* unable to inspect the image (index.docker.io/library/pipe-test8:latest): Error: No such image: index.docker.io/library/pipe-test8:latest',
      '\t* unable to initialize Podman client: no podman socket found: stat podman/podman.sock: no such file or directory',
      '\t* GET https://index.docker.io/v2/library/pipe-test8/manifests/latest: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:library/pipe-test8 Type:repository]]',
    ].join('\n');
    expect(classifyTrivyFailure(failed(stderr))).toBe('auth');
  });

  test('the registry refused the credentials (trivy#401)', () => {
    expect(
      classifyTrivyFailure(
        failed(
          '  - errors:\n    denied: requested access to the resource is denied\n    unauthorized: authentication required',
        ),
      ),
    ).toBe('auth');
  });

  test('nothing listens at the registry (trivy#438)', () => {
    const stderr = [
      '2020-08-11T07:19:55.874Z        FATAL   unable to initialize the docker scanner: 2 errors occurred:',
      '        * unable to inspect the image (127.0.0.1/8/vdbench_cnt:latest): Error: No such image: 127.0.0.1/8/vdbench_cnt:latest',
      '        * Get http://127.0.0.1/v2/: dial tcp 127.0.0.1:80: connect: connection refused',
    ].join('\n');
    expect(classifyTrivyFailure(failed(stderr))).toBe('unreachable');
  });
});

describe('timeouts and the rest', () => {
  test("Trivy's own --timeout ran out (keycloak#16974)", () => {
    const stderr =
      '2023-02-04T06:07:20.823Z\tWARN\tIncrease --timeout value\n' +
      '2023-02-04T06:07:20.823Z\tFATAL\timage scan error: scan error: scan failed: failed analysis: analyze error: timeout: context deadline exceeded\n';
    expect(classifyTrivyFailure(failed(stderr))).toBe('timeout');
  });

  test('the step killed it at its own deadline', () => {
    expect(classifyTrivyFailure(failed('', { exitCode: 143, timedOut: true }))).toBe('timeout');
  });

  test('an image name Trivy cannot parse is another failure (SovereignCloudStack/standards#779)', () => {
    expect(
      classifyTrivyFailure(
        failed(
          '2024-11-07T11:07:21+01:00\tFATAL\tFatal error\timage scan error: scan error: unable to initialize a scanner: unable to initialize an image scanner: failed to parse the image name: could not parse reference: k',
        ),
      ),
    ).toBe('other');
  });

  test('a call that succeeded has no failure', () => {
    expect(classifyTrivyFailure(failed('', { exitCode: 0 }))).toBeUndefined();
  });
});

describe('argv and environment', () => {
  test('one image scan: JSON to the report file, exit code 0, the ignore file only when there is one', () => {
    const o = {
      reportFile: '/w/trivy-results.json',
      severity: ['CRITICAL', 'HIGH'] as const,
      scanners: ['vuln'],
      ignoreUnfixed: true,
      ignoreFile: '',
      cacheDir: '/w/.cache/trivy',
      dbRepository: 'mirror.gcr.io/aquasec/trivy-db:2',
      timeoutSec: 600,
    };
    expect(imageScanArgv('trivy', 'ghcr.io/o/a:v1', o)).toEqual(
      // prettier-ignore
      ['trivy', 'image', '--format', 'json', '--output', '/w/trivy-results.json', '--severity', 'CRITICAL,HIGH',
       '--scanners', 'vuln', '--ignore-unfixed', '--cache-dir', '/w/.cache/trivy', '--db-repository',
       'mirror.gcr.io/aquasec/trivy-db:2', '--timeout', '600s', '--exit-code', '0', '--no-progress', 'ghcr.io/o/a:v1'],
    );
    expect(imageScanArgv('trivy', 'r', { ...o, ignoreFile: '/w/.trivyignore' })).toContain('--ignorefile');
    expect(sarifConvertArgv('trivy', '/w/r.json', '/w/r.sarif')).toEqual([
      'trivy',
      'convert',
      '--format',
      'sarif',
      '--output',
      '/w/r.sarif',
      '/w/r.json',
    ]);
  });

  test('credentials by environment only when a password is set; plain HTTP by TRIVY_INSECURE', () => {
    expect(registryEnv({ username: 'u', password: '', insecure: false })).toEqual({});
    expect(registryEnv({ username: 'u', password: 'p', insecure: true })).toEqual({
      TRIVY_USERNAME: 'u',
      TRIVY_PASSWORD: 'p',
      TRIVY_INSECURE: 'true',
    });
  });
});
