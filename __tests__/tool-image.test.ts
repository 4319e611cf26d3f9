import { execFile, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './support/action';
import { startDockerd, type Dockerd } from './support/dockerd';
import { importHostImage } from './support/host-image';
import { startReleaseServer, type ReleaseServer } from './support/release-server';
import { describeWith, missingCommands } from './support/skip';

/**
 * docker/Dockerfile, the GitLab jobs' tool image. Nothing can be pulled or downloaded here, so:
 * - the Node base (NODE_IMAGE) is made from this host: the running node, dash, coreutils, tar, gzip;
 * - the `tools` stage (which runs `mcp-deploy tools install`: official assets checked against the real
 *   upstream sha256, unreachable here) is replaced by a build context holding this host's kubectl at the
 *   pinned version and STAND-INS for trivy and cargo-audit, named as such;
 * - the `docker-cli` stage (official docker and buildx images) by this host's docker and buildx.
 * The rest (the package from `npm pack`, the layout, the non-root user) is the Dockerfile as released.
 * The installer the `tools` stage runs is checked below against a mirror that serves wrong bytes.
 */
const DOCKERFILE = path.join(ROOT, 'docker', 'Dockerfile');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const BASE = 'local/host-node-standin:test';
const IMAGE = 'local/mcp-deploy-tools:test';

function ok(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeout = 600_000): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { env, timeout, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      err
        ? reject(new Error(`${cmd} ${args.join(' ')}: ${stderr}${stdout}${err.message}`))
        : resolve(`${stdout}${stderr}`),
    ),
  );
}

describe('the Dockerfile', () => {
  const df = () => fs.readFileSync(DOCKERFILE, 'utf8');

  test('runs commands only on the build platform, installs tools with the project’s installer, ends non-root', () => {
    const froms = [...df().matchAll(/^FROM (.*)$/gm)].map((m) => m[1]);
    for (const f of froms.filter((f) => / AS (cli|tools-fetch)$/.test(f)))
      expect(f).toMatch(/^--platform=\$BUILDPLATFORM /);
    expect(df()).toMatch(/tools install --dir \/tools --arch "\$TARGETARCH"/);
    expect(df()).toMatch(/\$\{TOOLS_MIRROR:\+--mirror "\$TOOLS_MIRROR"\}/);
    // The final stage copies only: no RUN after the last FROM (an arm64 image needs no emulation).
    expect(
      df()
        .split(/^FROM /m)
        .at(-1),
    ).not.toMatch(/^RUN /m);
    expect(df()).toMatch(/^USER 10001:10001$/m);
  });
});

describe('mcp-deploy tools install (what the tools stage runs)', () => {
  let server: ReleaseServer;
  let dir: string;
  beforeAll(async () => {
    server = await startReleaseServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tools-install-'));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a mirror serving other bytes than the pinned asset: checksum mismatch, nothing installed', async () => {
    server.serve('/kubectl/1.32.4/kubectl', Buffer.from('#!/bin/sh\necho not kubectl\n'));
    // Asynchronously: the release server answers from this process's event loop.
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [CLI, 'tools', 'install', '--dir', dir, '--arch', 'arm64', '--mirror', server.base],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, out });
      });
    });
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(
      /checksum mismatch for kubectl 1\.32\.4 .*expected sha256 c6f96d0468d6976224f5f0d81b65e1a63b47195022646be83e49d38389d572c2/,
    );
    expect(server.requests).toEqual(['/kubectl/1.32.4/kubectl']);
    expect(fs.readdirSync(path.join(dir, 'bin'))).toEqual([]);
  }, 90_000);

  test('an architecture it has no pinned tools for: one line naming --arch', () => {
    const r = spawnSync(process.execPath, [CLI, 'tools', 'install', '--dir', dir, '--arch', 's390x'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/'s390x' is not a supported architecture.*use --arch amd64 or --arch arm64/);
  });
});

describeWith(
  'the tool image built with buildx on a private dockerd, from a host-made Node base',
  missingCommands('dockerd', 'docker', 'npm', 'kubectl', 'dpkg', 'tar', 'ldd'),
  () => {
    let engine: Dockerd | undefined;
    let work: string;
    let env: NodeJS.ProcessEnv;
    let buildLog = '';
    const inImage = (args: string[]) =>
      ok('docker', ['run', '--rm', '--network', 'none', IMAGE, ...args], env, 60_000);

    beforeAll(async () => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'tool-image-'));
      // The build context: the package tarball, as the release job has it.
      const ctx = path.join(work, 'ctx');
      fs.mkdirSync(ctx);
      await ok('npm', ['pack', '--ignore-scripts', '--pack-destination', ctx], process.env, 120_000);
      // The tools stage's output: bin/ and contrib/.
      const tools = path.join(work, 'tools');
      fs.mkdirSync(path.join(tools, 'bin'), { recursive: true });
      fs.mkdirSync(path.join(tools, 'contrib'));
      const kubectl = fs.realpathSync(
        spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim(),
      );
      fs.copyFileSync(kubectl, path.join(tools, 'bin', 'kubectl'));
      for (const t of ['trivy', 'cargo-audit'])
        fs.copyFileSync(
          path.join(ROOT, '__tests__', 'support', `standin-${t}.js`),
          path.join(tools, 'bin', t),
        );
      for (const t of ['kubectl', 'trivy', 'cargo-audit']) fs.chmodSync(path.join(tools, 'bin', t), 0o755);
      fs.writeFileSync(
        path.join(tools, 'contrib', 'gitlab.tpl'),
        '{{/* STAND-IN for Trivy contrib/gitlab.tpl */}}\n',
      );
      // The docker-cli stage's output: this host's docker and buildx.
      const dockerCli = path.join(work, 'docker-cli');
      fs.mkdirSync(dockerCli);
      fs.copyFileSync(
        fs.realpathSync(spawnSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).stdout.trim()),
        path.join(dockerCli, 'docker'),
      );
      fs.copyFileSync('/usr/libexec/docker/cli-plugins/docker-buildx', path.join(dockerCli, 'docker-buildx'));

      engine = await startDockerd();
      env = { ...process.env, ...engine.env };
      await importHostImage({
        work,
        env,
        tag: BASE,
        // The Node running this test (Debian's, or setup-node's in CI), not a package that may be absent.
        packages: ['dash', 'coreutils', 'tar', 'gzip'],
        binaries: { node: process.execPath },
        changes: ['CMD ["node"]'],
      });
      buildLog = await ok(
        'docker',
        [
          'buildx',
          'build',
          '--progress',
          'plain',
          '--network',
          'none',
          '--platform',
          'linux/amd64',
          '-f',
          DOCKERFILE,
          '--build-arg',
          `NODE_IMAGE=${BASE}`,
          // This engine's Dockerfile frontend resolves every FROM, also of stages a build context replaces:
          // the local base stands in for the docker and buildx images, which are never used.
          '--build-arg',
          `DOCKER_CLI_IMAGE=${BASE}`,
          '--build-arg',
          `BUILDX_IMAGE=${BASE}`,
          '--build-context',
          `tools=${tools}`,
          '--build-context',
          `docker-cli=${dockerCli}`,
          '-t',
          IMAGE,
          ctx,
        ],
        env,
      );
    }, 900_000);

    afterAll(async () => {
      await engine?.stop();
      if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    test('the build unpacked the npm package and never ran the tools download it was given instead', () => {
      expect(buildLog).toMatch(/\[cli \d\/\d\] RUN mkdir -p \/out\/root\/opt\/mcp-deploy/);
      expect(buildLog).not.toMatch(/tools install --dir/);
    });

    test('mcp-deploy --help runs in the image, as a non-root user', async () => {
      expect(await inImage(['mcp-deploy', '--help'])).toMatch(/^Usage: mcp-deploy <command>/m);
      const config = JSON.parse(await ok('docker', ['inspect', '--format', '{{json .Config}}', IMAGE], env));
      expect(config.User).toBe('10001:10001');
      expect(await inImage(['id', '-u'])).toBe('10001\n');
    });

    test('kubectl version --client is the pinned version', async () => {
      expect(await inImage(['kubectl', 'version', '--client'])).toMatch(/^Client Version: v1\.32\.4/m);
    });

    test('trivy, cargo-audit, Trivy’s report templates and docker with buildx are where the jobs look', async () => {
      expect(await inImage(['trivy', '--version'])).toMatch(/0\.69\.3/);
      expect(await inImage(['cat', '/contrib/gitlab.tpl'])).toContain('STAND-IN');
      expect(await inImage(['docker', 'buildx', 'version'])).toMatch(/buildx/);
      expect(await inImage(['sh', '-c', 'command -v cargo-audit'])).toBe('/usr/local/bin/cargo-audit\n');
    });

    test('init finds the package’s templates through the bin link', async () => {
      expect(await inImage(['sh', '-c', 'readlink -f "$(command -v mcp-deploy)"'])).toBe(
        '/opt/mcp-deploy/dist/cli.js\n',
      );
      expect(await inImage(['ls', '/opt/mcp-deploy'])).toBe(
        'LICENSE\nREADME.md\ndist\npackage.json\ntemplates\n',
      );
    });
  },
);
