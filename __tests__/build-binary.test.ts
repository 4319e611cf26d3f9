import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActionError } from '../src/errors';
import { CommandError } from '../src/exec';
import {
  crateInfo,
  planBinarySource,
  planRunnerBuild,
  prepareBinary,
  type PreparedBinary,
  probeToolchain,
  runRunnerBuild,
  scrubbedEnv,
  type RunnerToolchain,
} from '../src/stages/build/binary';
import { startDockerd, type Dockerd } from './support/dockerd';
import { importRuntimeBase } from './support/host-images';
import { startRegistry, type Registry } from './support/registry';
import { describeWith, missingCommands } from './support/skip';

const ROOT = path.resolve(__dirname, '..');
const HELLO = path.join(ROOT, 'examples', 'hello-mcp');

function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      cmd,
      args,
      {
        cwd: opts.cwd,
        env: opts.env ?? process.env,
        timeout: opts.timeoutMs ?? 120_000,
        maxBuffer: 64 << 20,
      },
      (err, stdout, stderr) =>
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    ),
  );
}
async function ok(cmd: string, args: string[], opts: Parameters<typeof run>[2] = {}): Promise<string> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const X86 = 'x86_64-unknown-linux-gnu';
const ARM = 'aarch64-unknown-linux-gnu';
const plain: RunnerToolchain = { host: X86, targets: [X86], compilers: [] };
const crossReady: RunnerToolchain = { host: X86, targets: [X86, ARM], compilers: ['aarch64-linux-gnu-gcc'] };

describe('binary-source: where the binary is compiled', () => {
  test('docker keeps the Dockerfile builder; runner builds the native platform on the runner', () => {
    expect(planBinarySource('docker', ['linux/amd64'], plain).source).toBe('docker');
    expect(planBinarySource('runner', ['linux/amd64'], plain)).toEqual({
      source: 'runner',
      builds: [{ platform: 'linux/amd64', arch: 'amd64', triple: X86 }],
    });
  });

  test('a foreign platform cross-compiles when its std and linker are installed', () => {
    const plan = planBinarySource('runner', ['linux/amd64', 'linux/arm64'], crossReady);
    expect(plan).toEqual({
      source: 'runner',
      builds: [
        { platform: 'linux/amd64', arch: 'amd64', triple: X86 },
        { platform: 'linux/arm64', arch: 'arm64', triple: ARM, linker: 'aarch64-linux-gnu-gcc' },
      ],
    });
    // `<triple>-gcc` counts too.
    const named = planBinarySource('auto', ['linux/arm64'], { ...crossReady, compilers: [`${ARM}-gcc`] });
    expect(named).toMatchObject({ source: 'runner', builds: [{ linker: `${ARM}-gcc` }] });
  });

  test.each<[string, RunnerToolchain, RegExp]>([
    ['no aarch64 std', { ...crossReady, targets: [X86] }, /rustup target add aarch64-unknown-linux-gnu/],
    ['no aarch64 linker', { ...crossReady, compilers: [] }, /no linker for aarch64-unknown-linux-gnu/],
  ])(
    'runner without what a foreign platform needs (%s) fails with one line naming native runners',
    (_, tc, why) => {
      let err: unknown;
      try {
        planBinarySource('runner', ['linux/amd64', 'linux/arm64'], tc);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ActionError);
      const msg = (err as Error).message;
      expect(msg.split('\n')).toHaveLength(1);
      expect(msg).toMatch(
        /^input 'binary-source': the x86_64-unknown-linux-gnu runner cannot build linux\/arm64/,
      );
      expect(msg).toMatch(why);
      expect(msg).toMatch(/native runner \(build-mode: by-digest/);
      // auto falls back to the Dockerfile's builder and says why.
      expect(planBinarySource('auto', ['linux/amd64', 'linux/arm64'], tc)).toEqual({
        source: 'docker',
        reason: expect.stringMatching(why),
      });
    },
  );

  test('auto picks the runner when it can build every platform; an unknown platform stays with docker', () => {
    expect(planBinarySource('auto', ['linux/amd64'], plain).source).toBe('runner');
    expect(planBinarySource('auto', ['linux/amd64', 'linux/arm64'], crossReady).source).toBe('runner');
    expect(planBinarySource('auto', ['linux/riscv64'], plain).source).toBe('docker');
    expect(() => planBinarySource('runner', ['linux/riscv64'], plain)).toThrow(/use binary-source: docker/);
  });

  test('the cargo commands are argv with --locked and the triple, linker env for cross, inputs and secrets removed', () => {
    const env = {
      PATH: '/usr/bin',
      INPUT_PASSWORD: 'hunter2',
      INPUT_IMAGE: 'x',
      MCP_STAGING_KUBECONFIG: 'k',
      ACTIONS_RUNTIME_TOKEN: 't',
      MY_SECRET: 's',
      HOME: '/root',
    };
    const cmds = planRunnerBuild(
      [
        { platform: 'linux/amd64', arch: 'amd64', triple: X86 },
        { platform: 'linux/arm64', arch: 'arm64', triple: ARM, linker: 'aarch64-linux-gnu-gcc' },
      ],
      { bin: 'hello-mcp', toolchain: '1.95', env, secretNames: ['MY_SECRET'] },
    );
    expect(cmds.map((c) => c.argv)).toEqual([
      ['cargo', '+1.95', 'build', '--release', '--locked', '--target', X86, '--bin', 'hello-mcp'],
      ['cargo', '+1.95', 'build', '--release', '--locked', '--target', ARM, '--bin', 'hello-mcp'],
    ]);
    expect(cmds.map((c) => [c.from, c.to])).toEqual([
      [`target/${X86}/release/hello-mcp`, 'target/prebuilt/amd64/hello-mcp'],
      [`target/${ARM}/release/hello-mcp`, 'target/prebuilt/arm64/hello-mcp'],
    ]);
    for (const c of cmds) {
      for (const k of [
        'INPUT_PASSWORD',
        'INPUT_IMAGE',
        'MCP_STAGING_KUBECONFIG',
        'ACTIONS_RUNTIME_TOKEN',
        'MY_SECRET',
      ])
        expect(c.env).toHaveProperty(k, undefined);
      expect(c.env).not.toHaveProperty('PATH');
    }
    expect(cmds[1].env).toMatchObject({
      CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER: 'aarch64-linux-gnu-gcc',
      CC_aarch64_unknown_linux_gnu: 'aarch64-linux-gnu-gcc',
    });
    expect(cmds[0].env).not.toHaveProperty('CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER');
    expect(scrubbedEnv({ CARGO_HOME: '/c', RUSTFLAGS: '-g' })).toEqual({});
  });

  test('the binary is the crate’s single bin target and its target dir, as cargo metadata resolves them', async () => {
    expect(await crateInfo(HELLO)).toEqual({ bin: 'hello-mcp', targetDir: path.join(HELLO, 'target') });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'binname-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'Cargo.toml'),
        '[package]\nname = "pkg"\nversion = "0.1.0"\nedition = "2021"\n\n[[bin]]\nname = "srv"\npath = "m.rs"\n',
      );
      fs.writeFileSync(path.join(dir, 'm.rs'), 'fn main() {}\n');
      fs.writeFileSync(path.join(dir, 'o.rs'), 'fn main() {}\n');
      expect((await crateInfo(dir)).bin).toBe('srv');
      fs.appendFileSync(path.join(dir, 'Cargo.toml'), '\n[[bin]]\nname = "other"\npath = "o.rs"\n');
      await expect(crateInfo(dir)).rejects.toThrow(/several binaries \(other, srv\).*binary-source: docker/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWith('binary-source on this runner (real rustc and cargo)', missingCommands('rustc', 'cargo'), () => {
  test('the probe finds the host triple and its installed std', async () => {
    const tc = await probeToolchain();
    const host = /^host: (\S+)/m.exec(await ok('rustc', ['-vV']))![1];
    expect(tc.host).toBe(host);
    expect(tc.targets).toContain(host);
  });

  test('cargo on the runner sees none of the action’s inputs (a build script checks)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'binenv-'));
    const saved = { ...process.env };
    try {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(
        path.join(dir, 'Cargo.toml'),
        '[package]\nname = "envcheck"\nversion = "0.1.0"\nedition = "2021"\n',
      );
      fs.writeFileSync(path.join(dir, 'src', 'main.rs'), 'fn main() {}\n');
      fs.writeFileSync(
        path.join(dir, 'build.rs'),
        'fn main() { let leaked: Vec<String> = std::env::vars().map(|(k, _)| k).filter(|k| k.starts_with("INPUT_") || k == "REGISTRY_PASSWORD").collect(); assert!(leaked.is_empty(), "leaked: {leaked:?}"); }\n',
      );
      await ok('cargo', ['generate-lockfile', '--offline'], { cwd: dir });
      process.env.INPUT_PASSWORD = 'hunter2';
      process.env.REGISTRY_PASSWORD = 'hunter2';
      const tc = await probeToolchain();
      const plan = planBinarySource('runner', ['linux/amd64'], tc);
      if (plan.source !== 'runner') throw new Error('expected the runner');
      const cmds = planRunnerBuild(plan.builds, {
        bin: 'envcheck',
        env: process.env,
        secretNames: ['REGISTRY_PASSWORD'],
      });
      await runRunnerBuild({ crateDir: dir, contextDir: dir }, cmds, { timeoutMs: 300_000 });
      expect(
        fs.statSync(path.join(dir, 'target', 'prebuilt', 'amd64', 'envcheck')).mode & 0o111,
      ).toBeTruthy();
      // And the same build with the variables left in fails, so the check above can fail.
      fs.rmSync(path.join(dir, 'target'), { recursive: true, force: true });
      const leaky = planRunnerBuild(plan.builds, { bin: 'envcheck', env: {} });
      const failed = await runRunnerBuild({ crateDir: dir, contextDir: dir }, leaky, {
        timeoutMs: 300_000,
      }).catch((e: CommandError) => e);
      expect(failed).toBeInstanceOf(CommandError);
      expect((failed as CommandError).result.stderr).toContain(
        'leaked: ["INPUT_PASSWORD", "REGISTRY_PASSWORD"]',
      );
    } finally {
      process.env = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describeWith(
  'binary-source: runner builds hello-mcp’s image from the runner’s binary (private dockerd, local registry)',
  missingCommands('dockerd', 'docker', 'docker-registry', 'cargo', 'rustc', 'ldd', 'tar'),
  () => {
    let engine: Dockerd | undefined;
    let reg: Registry | undefined;
    let env: NodeJS.ProcessEnv;
    let work: string;
    let buildLog = '';
    let ref = '';
    let prepared: PreparedBinary | undefined;
    const containers: string[] = [];

    beforeAll(async () => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'binsrc-'));
      const ctx = path.join(work, 'ctx');
      fs.cpSync(HELLO, ctx, {
        recursive: true,
        filter: (src) => path.relative(HELLO, src).split(path.sep)[0] !== 'target',
      });
      [engine, reg] = await Promise.all([startDockerd(), startRegistry()]);
      env = { ...process.env, ...engine.env };

      // The runner side, as the build stage calls it: probe, plan, cargo on the runner, binary into place.
      // `auto` on this amd64 runner for amd64 picks the runner.
      prepared = await prepareBinary({
        mode: 'auto',
        platforms: ['linux/amd64'],
        crateDir: ctx,
        contextDir: ctx,
        env: process.env,
        timeoutMs: 600_000,
      });
      if (prepared.source !== 'runner') throw new Error(`expected the runner: ${prepared.reason}`);

      const base = 'local/distroless-cc-standin:binsrc';
      await importRuntimeBase(path.join(ctx, prepared.binaries[0]), work, env, base);
      // The Dockerfile as committed, less the `# syntax=` line (its frontend image cannot be pulled here).
      const dockerfile = path.join(work, 'Dockerfile');
      fs.writeFileSync(
        dockerfile,
        fs.readFileSync(path.join(ctx, 'Dockerfile'), 'utf8').replace(/^# syntax=docker\/dockerfile:1\n/, ''),
      );
      fs.copyFileSync(path.join(ctx, '.dockerignore'), `${dockerfile}.dockerignore`);
      const image = `${reg.host}/acme/hello-mcp`;
      const r = await run(
        'docker',
        [
          'buildx',
          'build',
          '--progress',
          'plain',
          '--platform',
          'linux/amd64',
          '-f',
          dockerfile,
          ...prepared.buildArgs.flatMap((a) => ['--build-arg', a]),
          '--build-arg',
          `RUNTIME_IMAGE=${base}`,
          '--metadata-file',
          path.join(work, 'metadata.json'),
          '--push',
          '-t',
          `${image}:runner`,
          ctx,
        ],
        { env, timeoutMs: 300_000 },
      );
      buildLog = r.stderr;
      if (r.code !== 0) throw new Error(`docker buildx build failed:\n${r.stderr}\n${engine.logTail()}`);
      const digest = JSON.parse(fs.readFileSync(path.join(work, 'metadata.json'), 'utf8'))[
        'containerimage.digest'
      ];
      ref = `${image}@${digest}`;
    }, 900_000);

    afterAll(async () => {
      for (const c of containers) await run('docker', ['rm', '-f', c], { env });
      await Promise.all([engine?.stop(), reg?.stop()]);
      if (work) fs.rmSync(work, { recursive: true, force: true });
    }, 120_000);

    test('the image took the runner’s binary through the prebuilt stage; nothing was compiled in Docker', () => {
      expect(prepared).toEqual({
        source: 'runner',
        buildArgs: ['BINARY_SOURCE=prebuilt'],
        binaries: ['target/prebuilt/amd64/hello-mcp'],
      });
      expect(buildLog).toContain(
        '[prebuilt 1/1] COPY --chmod=0755 target/prebuilt/amd64/hello-mcp /hello-mcp',
      );
      expect(buildLog).not.toMatch(/\[builder|cargo build/);
    });

    test('the pushed image (by digest, from the registry) runs and answers --health-check', async () => {
      expect(ref).toMatch(/@sha256:[0-9a-f]{64}$/);
      await ok('docker', ['pull', ref], { env, timeoutMs: 120_000 });
      const name = `binsrc-${process.pid}`;
      containers.push(name);
      await ok(
        'docker',
        ['run', '-d', '--name', name, '--network', 'none', '--read-only', '--cap-drop', 'ALL', ref],
        { env },
      );
      let last = { code: -1, stdout: '', stderr: '' };
      for (let i = 0; i < 40 && last.code !== 0; i++) {
        if (i) await new Promise((r) => setTimeout(r, 250));
        last = await run('docker', ['exec', name, '/usr/local/bin/hello-mcp', '--health-check'], { env });
      }
      expect(last).toMatchObject({ code: 0 });
      // The binary in the image is the one the runner built, byte for byte.
      const out = path.join(work, 'from-image');
      await ok('docker', ['cp', `${name}:/usr/local/bin/hello-mcp`, out], { env });
      expect(
        fs
          .readFileSync(out)
          .equals(fs.readFileSync(path.join(work, 'ctx', 'target', 'prebuilt', 'amd64', 'hello-mcp'))),
      ).toBe(true);
    }, 120_000);
  },
);
