import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { binfmtArchs } from '../src/stages/build/binfmt';
import {
  classifyDockerFailure,
  classifyRegistryFailure,
  parseBuildxInspect,
  parseInspectManifest,
  parseMetadata,
  platformsOf,
} from '../src/tools/docker';
import { cargoPackage, parseBuildInputs } from '../src/stages/build/inputs';
import { ASSUMED_FACTS, decide, hostArch, planBuild, type BuilderFacts } from '../src/stages/build/plan';
import { isLoopback, registryOf } from '../src/oci';

const FIX = path.join(__dirname, 'fixtures', 'buildx');
const fixture = (f: string) => fs.readFileSync(path.join(FIX, f), 'utf8');

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'build-plan-'));
// A RUN step on the target platform: a foreign platform needs emulation unless the runner has it.
fs.writeFileSync(path.join(ws, 'Dockerfile'), 'FROM debian:bookworm-slim\nRUN true\n');
afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));

const ctx: RunContext = {
  platform: 'github',
  event: 'push',
  ref: 'refs/tags/v1.2.3',
  sha: '0123456789abcdef0123456789abcdef01234567',
  repository: 'Acme/Hello-MCP',
  repositoryUrl: 'https://github.com/Acme/Hello-MCP',
  workspace: ws,
};
const ENV = { RUNNER_TEMP: '/rt', GITHUB_ACTOR: 'octocat', SOURCE_DATE_EPOCH: '1700000000' };

function inputs(values: Record<string, string>, c: RunContext = ctx, env: Record<string, string> = ENV) {
  return parseBuildInputs(new InputReader((n) => values[n] ?? ''), c, ws, env);
}

const HOST = hostArch();
const OTHER = HOST === 'arm64' ? 'amd64' : 'arm64';
const facts = (over: Partial<BuilderFacts> = {}): BuilderFacts => ({
  ...ASSUMED_FACTS,
  runnable: [HOST],
  ...over,
});

describe('defaults', () => {
  test('GitHub: ghcr.io/<owner>/<repo> lower-cased, registry from the image, username from the actor', () => {
    const i = inputs({});
    expect(i.image).toBe('ghcr.io/acme/hello-mcp');
    expect(i.registry).toBe('ghcr.io');
    expect(i.username).toBe('octocat');
    expect(i.platforms).toEqual(['linux/amd64']);
    expect(i.push).toBe(true);
  });
  test("GitLab: CI_REGISTRY_IMAGE and the job's registry credentials", () => {
    const i = inputs(
      {},
      { ...ctx, platform: 'gitlab' },
      {
        CI_REGISTRY_IMAGE: 'registry.gitlab.com/group/app',
        CI_REGISTRY: 'registry.gitlab.com',
        CI_REGISTRY_USER: 'gitlab-ci-token',
        CI_REGISTRY_PASSWORD: 'job-token-value',
      },
    );
    expect([i.image, i.registry, i.username, i.password]).toEqual([
      'registry.gitlab.com/group/app',
      'registry.gitlab.com',
      'gitlab-ci-token',
      'job-token-value',
    ]);
  });
  test("a fork's pull request builds but does not push", () => {
    expect(inputs({}, { ...ctx, ref: 'refs/pull/3/merge', prNumber: 3, fork: true }).push).toBe(false);
    expect(inputs({ push: 'true' }, { ...ctx, fork: true }).push).toBe(true);
  });
  test.each([
    ['ghcr.io/o/r', 'ghcr.io'],
    ['localhost:5000/r', 'localhost:5000'],
    ['127.0.0.1:5000/a/b', '127.0.0.1:5000'],
    ['library/nginx', 'docker.io'],
    ['nginx', 'docker.io'],
  ])('registry of %s is %s', (image, reg) => expect(registryOf(image)).toBe(reg));
  test('loopback registries are plain HTTP', () => {
    expect([
      isLoopback('127.0.0.1:5000'),
      isLoopback('localhost'),
      isLoopback('ghcr.io'),
      isLoopback('10.0.0.1:5000'),
    ]).toEqual([true, true, false, false]);
  });
  test('Cargo.toml [package] gives the title, description and license', () => {
    expect(
      cargoPackage(
        '[workspace]\nname = "no"\n[package]\nname = "srv"\ndescription = "An \\"MCP\\" server"\nlicense = "MIT OR Apache-2.0"\n[dependencies]\nx = "1"\n',
      ),
    ).toEqual({ title: 'srv', description: 'An "MCP" server', licenses: 'MIT OR Apache-2.0' });
  });
});

test('platforms: the Linux platforms buildx knows pass, with and without a variant', () => {
  const ok =
    'linux/amd64,linux/amd64/v3,linux/arm64,linux/arm64/v8,linux/arm/v7,linux/arm/v6,linux/386,linux/ppc64le,linux/s390x,linux/riscv64';
  expect(inputs({ platforms: ok }).platforms).toHaveLength(10);
});

describe('bad input: one error naming the input and the fix', () => {
  test.each([
    [{ image: 'GHCR.io/Acme/X' }, /^input 'image': .* is not an image repository \(fix: use lower case/],
    [{ image: 'ghcr.io/a/b:1.0' }, /^input 'image'/],
    [{ platforms: 'linux/amd64,arm64' }, /^input 'platforms': 'arm64' is not a platform/],
    [
      { platforms: 'windows/x86' },
      /^input 'platforms': 'windows\/x86' is not a platform buildx builds Linux images for \(fix: .*linux\/amd64, linux\/arm64/,
    ],
    [
      { platforms: 'linux/arm64,linux/arm/v9' },
      /^input 'platforms': 'linux\/arm\/v9' .*did you mean linux\/arm\/v/,
    ],
    [{ platforms: 'linux/aarch64' }, /^input 'platforms': 'linux\/aarch64' is not a platform/],
    [{ platforms: 'linux/amd64/v2/x' }, /^input 'platforms': 'linux\/amd64\/v2\/x' is not a platform/],
    [
      { 'build-mode': 'fast' },
      /^input 'build-mode': 'fast' is not allowed \(fix: use one of: push, by-digest, merge\)/,
    ],
    [{ 'build-mode': 'merge' }, /^input 'digests': is empty but build-mode is merge/],
    [{ digests: 'sha256:' + 'a'.repeat(64) }, /^input 'digests': is only used with build-mode merge/],
    [{ 'build-mode': 'merge', digests: 'sha256:abc' }, /^input 'digests': 'sha256:abc' is not a digest/],
    [
      { 'build-mode': 'merge', digests: `other/img@sha256:${'a'.repeat(64)}` },
      /^input 'digests': .* is in other\/img, not ghcr.io\/acme\/hello-mcp/,
    ],
    [
      { builder: 'buildah', 'build-mode': 'by-digest' },
      /^input 'build-mode': build-mode by-digest needs builder buildx/,
    ],
    [{ 'build-mode': 'by-digest', push: 'false' }, /^input 'push': build-mode by-digest always pushes/],
    [{ provenance: 'yes' }, /^input 'provenance'/],
    [{ 'build-args': 'A=1\n=2' }, /^input 'build-args': '=2' is not NAME=value/],
    [{ 'build-secrets': 'token' }, /^input 'build-secrets': 'token' is not KEY=VALUE/],
    [{ dockerfile: 'nope/Dockerfile' }, /^input 'dockerfile': no Dockerfile at/],
    [{ 'build-context': 'missing' }, /^input 'build-context': directory 'missing' does not exist/],
    [{ tags: 'type=semver' }, /^input 'tags': rule 'type=semver': type=semver needs a pattern/],
    [{ 'push-retries': '-1' }, /^input 'push-retries'/],
  ])('%j', (values, err) => {
    if (err) expect(() => inputs(values)).toThrow(err);
    else
      expect(() => inputs(values, { ...ctx, platform: 'local' }, {})).toThrow(
        /^input 'username': is empty but a password is set/,
      );
  });
  test('no image off GitHub and GitLab without a remote that names one', () => {
    expect(() => inputs({}, { ...ctx, platform: 'local', repositoryUrl: undefined }, {})).toThrow(
      /^input 'image': is required here \(fix: /,
    );
    expect(() =>
      inputs({}, { ...ctx, platform: 'local', repositoryUrl: 'https://git.example.com/team/app' }, {}),
    ).toThrow(/^input 'image': is required here/);
    // On a laptop, the image init derived from the same remote.
    expect(
      inputs({}, { ...ctx, platform: 'local', repositoryUrl: 'https://github.com/Acme/App' }, {}).image,
    ).toBe('ghcr.io/acme/app');
  });
});

describe('decisions: when a builder is created and when QEMU is set up', () => {
  const one = inputs({ platforms: 'linux/amd64' });
  const two = inputs({ platforms: `linux/${HOST},linux/${OTHER}` });
  test.each([
    [
      'one platform on the docker driver (containerd store)',
      one,
      facts({ containerdStore: true }),
      false,
      [],
    ],
    ['one platform with provenance, classic store', one, facts(), true, []],
    ['one platform without attestations, classic store', inputs({ provenance: 'false' }), facts(), false, []],
    ['two platforms, engine without the containerd store', two, facts(), true, [OTHER]],
    ['two platforms on the containerd store', two, facts({ containerdStore: true }), false, [OTHER]],
    ['binfmt already registered', two, facts({ containerdStore: true, runnable: [HOST, OTHER] }), false, []],
    [
      'a docker-container builder is already current',
      two,
      facts({ driver: 'docker-container' }),
      false,
      [OTHER],
    ],
    [
      'cache registry needs cache export',
      inputs({ cache: 'registry' }),
      facts({ containerdStore: true }),
      true,
      [],
    ],
    [
      'cache auto without the cache service',
      inputs({ cache: 'auto' }),
      facts({ containerdStore: true }),
      false,
      [],
    ],
    [
      'cache auto with the cache service',
      inputs({ cache: 'auto' }),
      facts({ containerdStore: true, ghaCache: true }),
      true,
      [],
    ],
    ['by-digest needs push-by-digest', inputs({ 'build-mode': 'by-digest' }), facts(), true, []],
    [
      'by-digest, told to keep the docker driver',
      inputs({ 'build-mode': 'by-digest', 'builder-driver': 'docker' }),
      facts(),
      false,
      [],
    ],
    ['driver docker-container always', inputs({ 'builder-driver': 'docker-container' }), facts(), true, []],
    ['qemu false', inputs({ platforms: `linux/${HOST},linux/${OTHER}`, qemu: 'false' }), facts(), true, []],
    [
      'qemu true even when registered',
      inputs({ platforms: `linux/${OTHER}`, qemu: 'true' }),
      facts({ containerdStore: true, runnable: [HOST, OTHER] }),
      false,
      [OTHER],
    ],
  ])('%s', (_n, i, f, create, emulate) => {
    const d = decide(i, f, ctx);
    expect(d.createBuilder).toBe(create);
    expect(d.emulate).toEqual(emulate);
  });
  test('the docker driver gets no cache flags and a staging tag for by-digest', () => {
    const d = decide(
      inputs({ 'build-mode': 'by-digest', 'builder-driver': 'docker', cache: 'registry' }),
      facts(),
      ctx,
    );
    expect(d.cache).toBe('none');
    expect(d.stagingTag).toBe('build-amd64');
  });
});

describe('planned commands (what `mcp-deploy plan` prints and the GitLab template must match)', () => {
  test('two platforms on a stock runner: binfmt, a docker-container builder, then the build', () => {
    const i = inputs({
      image: 'ghcr.io/acme/srv',
      platforms: `linux/${HOST},linux/${OTHER}`,
      password: 'ghp_secretvalue',
      'build-args': 'RUST_VERSION=1.95',
      'build-secrets': 'cargo_token=s3cr3t-value',
      target: 'runtime',
      cache: 'registry',
    });
    const cmds = planBuild(i, ctx).map((c) => c.argv);
    expect(cmds[0]).toEqual(['docker', 'login', 'ghcr.io', '--username', 'octocat', '--password-stdin']);
    expect(cmds[1]).toEqual([
      'docker',
      'run',
      '--privileged',
      '--rm',
      'tonistiigi/binfmt',
      '--install',
      OTHER,
    ]);
    expect(cmds[2]).toEqual([
      'docker',
      'buildx',
      'create',
      '--name',
      'mcp-deploy',
      '--driver',
      'docker-container',
      '--bootstrap',
    ]);
    const labels = [
      'org.opencontainers.image.title=Hello-MCP',
      'org.opencontainers.image.url=https://github.com/Acme/Hello-MCP',
      'org.opencontainers.image.source=https://github.com/Acme/Hello-MCP',
      'org.opencontainers.image.version=1.2.3',
      'org.opencontainers.image.created=2023-11-14T22:13:20Z',
      'org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567',
    ];
    expect(cmds[3]).toEqual([
      'docker',
      'buildx',
      'build',
      '--builder',
      'mcp-deploy',
      '--platform',
      `linux/${HOST},linux/${OTHER}`,
      '--file',
      path.join(ws, 'Dockerfile'),
      '--target',
      'runtime',
      '--build-arg',
      'RUST_VERSION=1.95',
      '--secret',
      'id=cargo_token,env=MCP_BUILD_SECRET_CARGO_TOKEN',
      ...labels.flatMap((l) => ['--label', l]),
      ...['1.2.3', '1.2', 'sha-0123456', 'latest'].flatMap((t) => ['--tag', `ghcr.io/acme/srv:${t}`]),
      '--push',
      '--provenance=mode=max',
      '--sbom=false',
      '--cache-from',
      'type=registry,ref=ghcr.io/acme/srv:buildcache',
      '--cache-to',
      'type=registry,ref=ghcr.io/acme/srv:buildcache,mode=max',
      '--metadata-file',
      '/rt/mcp-deploy-build/metadata.json',
      ws,
    ]);
    expect(cmds).toHaveLength(4);
    expect(JSON.stringify(cmds)).not.toMatch(/ghp_secretvalue|s3cr3t-value/);
  });

  test('by-digest on a docker-container builder pushes by digest only, over HTTP to a loopback registry', () => {
    const i = inputs({ image: '127.0.0.1:5000/a/b', 'build-mode': 'by-digest', platforms: `linux/${HOST}` });
    const build = planBuild(i, ctx).map((c) => c.argv);
    expect(build[0]).toContain('--config');
    const argv = build[build.length - 1];
    expect(argv).toContain(
      'type=image,name=127.0.0.1:5000/a/b,push-by-digest=true,name-canonical=true,push=true,registry.insecure=true',
    );
    expect(argv).not.toContain('--tag');
  });

  test('merge: imagetools create with every tag from the digests, then inspect for the index digest', () => {
    const d1 = `sha256:${'1'.repeat(64)}`;
    const d2 = `sha256:${'2'.repeat(64)}`;
    const i = inputs({
      image: 'ghcr.io/acme/srv',
      'build-mode': 'merge',
      digests: `${d1}, ghcr.io/acme/srv@${d2}`,
    });
    expect(planBuild(i, { ...ctx, ref: 'refs/heads/main' }).map((c) => c.argv)).toEqual([
      [
        'docker',
        'buildx',
        'imagetools',
        'create',
        '--tag',
        'ghcr.io/acme/srv:main',
        '--tag',
        'ghcr.io/acme/srv:sha-0123456',
        `ghcr.io/acme/srv@${d1}`,
        `ghcr.io/acme/srv@${d2}`,
      ],
      [
        'docker',
        'buildx',
        'imagetools',
        'inspect',
        'ghcr.io/acme/srv:main',
        '--format',
        '{{json .Manifest}}',
      ],
    ]);
  });

  test('buildah: forget the old list, build the list, push it under each tag, digest from the first push', () => {
    const i = inputs(
      { image: 'registry.example.com/g/app', builder: 'buildah', platforms: 'linux/amd64,linux/arm64' },
      { ...ctx, ref: 'refs/heads/main' },
    );
    const cmds = planBuild(i, { ...ctx, ref: 'refs/heads/main' }).map((c) => c.argv);
    expect(cmds[0]).toEqual(['buildah', 'manifest', 'rm', 'localhost/mcp-deploy-build/app']);
    expect(cmds[1].slice(0, 6)).toEqual([
      'buildah',
      'build',
      '--manifest',
      'localhost/mcp-deploy-build/app',
      '--platform',
      'linux/amd64,linux/arm64',
    ]);
    expect(cmds[2]).toEqual([
      'buildah',
      'manifest',
      'push',
      '--all',
      '--digestfile',
      '/rt/mcp-deploy-build/digest',
      'localhost/mcp-deploy-build/app',
      'docker://registry.example.com/g/app:main',
    ]);
    expect(cmds[3]).toEqual([
      'buildah',
      'manifest',
      'push',
      '--all',
      'localhost/mcp-deploy-build/app',
      'docker://registry.example.com/g/app:sha-0123456',
    ]);
  });
});

describe('parsers on real tool output', () => {
  test('metadata file of a two-platform push: the index digest', () => {
    const m = parseMetadata(fixture('metadata-multiplatform.json'));
    expect(m.digest).toBe('sha256:8be60911694d0739c72f547cdbc65e85a4d7c3a0df1f4988fc364a734653ecd9');
    expect(m.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(m.names).toEqual(['127.0.0.1:5055/mcp/demo:multi']);
  });
  test('metadata file of a one-platform build', () => {
    expect(parseMetadata(fixture('metadata-single.json')).digest).toBe(
      'sha256:9ce5f7c021048a56d3e550d1cac38f930e7616b7d935a3ae74e31c321f0c6804',
    );
    expect(parseMetadata('{"containerimage.digest":"nope"}').digest).toBeUndefined();
  });
  test('index platforms without attestation manifests', () => {
    expect(platformsOf(JSON.parse(fixture('oci-index.json')).manifests)).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
    const m = parseInspectManifest(fixture('imagetools-inspect-manifest.json'));
    expect(m.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(m.platforms).toEqual(['linux/amd64', 'linux/arm64']);
  });
  test('buildx inspect and docker info', () => {
    const b = parseBuildxInspect(fixture('buildx-inspect-docker-driver.txt'));
    expect(b.driver).toBe('docker');
    expect(b.platforms).toContain('linux/amd64');
    const failed = (stderr: string) => ({ stderr, stdout: '', timedOut: false });
    expect(
      classifyDockerFailure(
        failed(
          'ERROR: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.',
        ),
      ),
    ).toBe('docker-driver');
    expect(
      classifyDockerFailure(failed('ERROR: failed to solve: process did not complete successfully')),
    ).not.toBe('docker-driver');
    expect(binfmtArchs(['register', 'status', 'qemu-aarch64', 'qemu-riscv64', 'python3.11'])).toEqual([
      'arm64',
      'riscv64',
    ]);
  });
  test.each([
    [
      'ERROR: unexpected status from HEAD request to http://127.0.0.1:5099/v2/acme/hello/manifests/1.2.3: 500 Internal Server Error',
      'transient',
    ],
    [
      'failed to push: failed to do request: Put "https://ghcr.io/v2/": read tcp: connection reset by peer',
      'transient',
    ],
    ['error: 503 Service Unavailable', 'transient'],
    ['unexpected EOF', 'transient'],
    [
      'Error response from daemon: Get "http://127.0.0.1:41/v2/": unauthorized: authentication required',
      'auth',
    ],
    ['ERROR: failed to push ghcr.io/a/b:1: denied: permission_denied: write_package', 'auth'],
    ['ERROR: failed to solve: dockerfile parse error on line 3: unknown instruction: COPPY', 'other'],
  ])('%s -> %s', (text, kind) => expect(classifyRegistryFailure(text)).toBe(kind));
});
