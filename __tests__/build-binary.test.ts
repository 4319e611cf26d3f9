import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActionError } from '../src/errors';
import { CommandError } from '../src/exec';
import { localContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { plan, prepare, runPipeline, type PipelineResult } from '../src/pipeline';
import { parseBuildInputs } from '../src/stages/build/inputs';
import { planBuild } from '../src/stages/build/plan';
import { registerSecret, setSink, textSink } from '../src/report/log';
import {
  crateInfo,
  planBinarySource,
  planRunnerBuild,
  prepareBinary,
  probeToolchain,
  runRunnerBuild,
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

  test('the cargo commands are argv with --locked and the triple, and the linker env for cross', () => {
    const cmds = planRunnerBuild(
      [
        { platform: 'linux/amd64', arch: 'amd64', triple: X86 },
        { platform: 'linux/arm64', arch: 'arm64', triple: ARM, linker: 'aarch64-linux-gnu-gcc' },
      ],
      { bin: 'hello-mcp', toolchain: '1.95' },
    );
    expect(cmds.map((c) => c.argv)).toEqual([
      ['cargo', '+1.95', 'build', '--release', '--locked', '--target', X86, '--bin', 'hello-mcp'],
      ['cargo', '+1.95', 'build', '--release', '--locked', '--target', ARM, '--bin', 'hello-mcp'],
    ]);
    expect(cmds.map((c) => [c.from, c.to])).toEqual([
      [`target/${X86}/release/hello-mcp`, 'target/prebuilt/amd64/hello-mcp'],
      [`target/${ARM}/release/hello-mcp`, 'target/prebuilt/arm64/hello-mcp'],
    ]);
    // Only additions: exec's toolEnv is what keeps inputs and secrets from cargo (tested below for real).
    expect(cmds[0].env).toEqual({ CARGO_TERM_COLOR: 'never' });
    expect(cmds[1].env).toEqual({
      CARGO_TERM_COLOR: 'never',
      CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER: 'aarch64-linux-gnu-gcc',
      CC_aarch64_unknown_linux_gnu: 'aarch64-linux-gnu-gcc',
    });
  });

  test('a runner without rustc: auto falls back to the Dockerfile, runner fails naming binary-source', async () => {
    const saved = process.env.PATH;
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-rust-'));
    process.env.PATH = empty;
    try {
      const o = { platforms: ['linux/amd64'], crateDir: HELLO, contextDir: empty };
      expect(await prepareBinary({ ...o, mode: 'auto' })).toEqual({
        source: 'docker',
        reason: expect.stringMatching(/^rustc is not on PATH or did not run$/),
      });
      await expect(prepareBinary({ ...o, mode: 'runner' })).rejects.toThrow(
        /^input 'binary-source': rustc is not on PATH or did not run.*binary-source: docker/,
      );
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      process.env.PATH = saved;
      fs.rmSync(empty, { recursive: true, force: true });
    }
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

describe('binary-source in the build stage’s inputs and plan', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'binsrc-parse-'));
  afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));
  const local = localContext({}, ws, { ref: 'refs/heads/main' });
  const parse = (values: Record<string, string>) =>
    parseBuildInputs(new InputReader((n) => values[n] ?? ''), local, ws, { RUNNER_TEMP: ws });
  const template = fs.readFileSync(path.join(HELLO, 'Dockerfile'), 'utf8');
  const seed = 'FROM rust:1.95 AS builder\nCOPY . .\nRUN cargo build --release\nFROM debian:12\n';
  const IMAGE = { image: 'registry.example.com/acme/hello-mcp' };
  beforeAll(() => {
    fs.writeFileSync(path.join(ws, 'Cargo.toml'), '[package]\nname = "hello-mcp"\nversion = "0.1.0"\n');
    fs.writeFileSync(path.join(ws, 'Dockerfile'), template);
    fs.writeFileSync(path.join(ws, 'Seed.Dockerfile'), seed);
  });

  test('the default is docker: the Dockerfile compiles, nothing runs on the runner, no build arg is added', () => {
    const i = parse(IMAGE);
    expect(i.binary.source).toBe('docker');
    const cmds = planBuild(i, local).map((c) => c.argv);
    expect(cmds.some((a) => a[0] === 'cargo')).toBe(false);
    expect(cmds.flat()).not.toContain('BINARY_SOURCE=prebuilt');
  });

  test('runner needs a Dockerfile with the prebuilt stage and buildx: one line naming binary-source, before anything runs', () => {
    const fails = (values: Record<string, string>, why: RegExp) => {
      let err: unknown;
      try {
        parse({ ...IMAGE, 'binary-source': 'runner', ...values });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ActionError);
      expect((err as Error).message).toMatch(/^input 'binary-source': /);
      expect((err as Error).message.split('\n')).toHaveLength(1);
      expect((err as Error).message).toMatch(why);
    };
    fails(
      { dockerfile: 'Seed.Dockerfile' },
      /has no `prebuilt` stage.*add the prebuilt stage of templates\/docker\/Dockerfile/,
    );
    fails({ builder: 'buildah' }, /not buildah.*binary-source: docker/);
    // auto settles the same cases as docker, saying why.
    expect(parse({ ...IMAGE, 'binary-source': 'auto', dockerfile: 'Seed.Dockerfile' }).binary).toEqual({
      source: 'docker',
      reason: expect.stringMatching(/^binary-source auto: .*Seed\.Dockerfile has no `prebuilt` stage/),
    });
    // A user who picks BINARY_SOURCE themselves keeps it, and gets no second one.
    const own = parse({
      ...IMAGE,
      'binary-source': 'runner',
      dockerfile: 'Seed.Dockerfile',
      'build-args': 'BINARY_SOURCE=mine',
    });
    const buildx = planBuild(own, local).find((c) => c.argv[0] === 'docker' && c.argv[2] === 'build')!.argv;
    expect(buildx.filter((a) => a.startsWith('BINARY_SOURCE='))).toEqual(['BINARY_SOURCE=mine']);
  });

  test('plan lists one cargo command per platform with the toolchain, then buildx with BINARY_SOURCE=prebuilt', () => {
    const i = parse({
      ...IMAGE,
      'binary-source': 'runner',
      toolchain: '1.95.0',
      platforms: 'linux/amd64,linux/arm64',
    });
    const cmds = planBuild(i, local);
    expect(cmds.filter((c) => c.argv[0] === 'cargo').map((c) => c.argv)).toEqual([
      ['cargo', '+1.95.0', 'build', '--release', '--locked', '--target', X86, '--bin', 'hello-mcp'],
      ['cargo', '+1.95.0', 'build', '--release', '--locked', '--target', ARM, '--bin', 'hello-mcp'],
    ]);
    const buildx = cmds.find((c) => c.argv[0] === 'docker' && c.argv[2] === 'build')!.argv;
    expect(buildx[buildx.indexOf('BINARY_SOURCE=prebuilt') - 1]).toBe('--build-arg');
    expect(() => parse({ ...IMAGE, toolchain: '1.95; rm' })).toThrow(/^input 'toolchain'/);
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
      // A variable that holds a value read as a secret input (registered for masking) is kept from tools too.
      process.env.REGISTRY_PASSWORD = 'S3cret-registry-pw';
      registerSecret('S3cret-registry-pw');
      const tc = await probeToolchain();
      const plan = planBinarySource('runner', ['linux/amd64'], tc);
      if (plan.source !== 'runner') throw new Error('expected the runner');
      const cmds = planRunnerBuild(plan.builds, { bin: 'envcheck' });
      await runRunnerBuild({ crateDir: dir, contextDir: dir }, cmds, { timeoutMs: 300_000 });
      expect(
        fs.statSync(path.join(dir, 'target', 'prebuilt', 'amd64', 'envcheck')).mode & 0o111,
      ).toBeTruthy();
      // And the same build with the variables handed back fails, so the check above can fail.
      fs.rmSync(path.join(dir, 'target'), { recursive: true, force: true });
      const leaky = cmds.map((c) => ({
        ...c,
        env: { ...c.env, INPUT_PASSWORD: 'hunter2', REGISTRY_PASSWORD: 'S3cret-registry-pw' },
      }));
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
  'binary-source: runner through the build stage: hello-mcp’s image from the runner’s binary (private dockerd, local registry)',
  missingCommands('dockerd', 'docker', 'docker-registry', 'cargo', 'rustc', 'ldd', 'tar'),
  () => {
    let engine: Dockerd | undefined;
    let reg: Registry | undefined;
    let env: NodeJS.ProcessEnv;
    let work: string;
    const logged: string[] = [];
    let planned: ReturnType<typeof plan>;
    let result: PipelineResult | undefined;
    const containers: string[] = [];
    const savedEnv = { ...process.env };

    beforeAll(async () => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'binsrc-'));
      const ctx = path.join(work, 'ctx');
      fs.cpSync(HELLO, ctx, {
        recursive: true,
        filter: (src) => path.relative(HELLO, src).split(path.sep)[0] !== 'target',
      });
      [engine, reg] = await Promise.all([startDockerd(), startRegistry()]);
      env = { ...process.env, ...engine.env };

      // The runtime base from this host's libraries, taken from a Rust binary of the same toolchain (cargo's
      // own): the binary the stage builds links the same ones, and does not exist yet.
      const base = 'local/distroless-cc-standin:binsrc';
      const cargoBin = (await ok('rustup', ['which', 'cargo']).catch(() => '')).trim() || 'cargo';
      await importRuntimeBase(fs.realpathSync(cargoBin), work, env, base);
      // The Dockerfile as committed, less the `# syntax=` line (its frontend image cannot be pulled here).
      const dockerfile = path.join(work, 'Dockerfile');
      fs.writeFileSync(
        dockerfile,
        fs.readFileSync(path.join(ctx, 'Dockerfile'), 'utf8').replace(/^# syntax=docker\/dockerfile:1\n/, ''),
      );
      fs.copyFileSync(path.join(ctx, '.dockerignore'), `${dockerfile}.dockerignore`);

      Object.assign(process.env, engine.env, { RUNNER_TEMP: path.join(work, 'runner-temp') });
      setSink(textSink((l) => logged.push(l)));
      const inputs: Record<string, string> = {
        stages: 'build',
        'binary-source': 'runner',
        image: `${reg.host}/acme/hello-mcp`,
        tags: 'type=raw,value=runner',
        platforms: 'linux/amd64',
        dockerfile,
        'build-args': `RUNTIME_IMAGE=${base}`,
        provenance: 'false',
        qemu: 'false',
      };
      const prepared = await prepare(
        new InputReader((n) => inputs[n] ?? ''),
        localContext({}, ctx, { ref: 'refs/heads/main', sha: '0123456789abcdef0123456789abcdef01234567' }),
      );
      planned = plan(prepared);
      result = await runPipeline(prepared);
      if (result.failure) throw new Error(`${result.failure}\n${logged.join('\n')}\n${engine.logTail()}`);
    }, 900_000);

    afterAll(async () => {
      setSink(textSink());
      process.env = savedEnv;
      for (const c of containers) await run('docker', ['rm', '-f', c], { env });
      await Promise.all([engine?.stop(), reg?.stop()]);
      if (work) fs.rmSync(work, { recursive: true, force: true });
    }, 120_000);

    test('plan shows the chosen source and the cargo command, and buildx selecting the prebuilt stage', () => {
      const [{ plan: build }] = planned;
      expect(build.values['binary-source']).toBe('runner');
      const argvs = build.commands.map((c) => c.argv);
      expect(argvs[0]).toEqual([
        'cargo',
        'build',
        '--release',
        '--locked',
        '--target',
        X86,
        '--bin',
        'hello-mcp',
      ]);
      const buildx = argvs.find((a) => a[0] === 'docker' && a[2] === 'build')!;
      expect(buildx.join(' ')).toContain('--build-arg BINARY_SOURCE=prebuilt');
    });

    test('the stage compiled on the runner and the image took that binary through the prebuilt stage', () => {
      const text = logged.join('\n');
      expect(text).toContain(`$ cargo build --release --locked --target ${X86} --bin hello-mcp`);
      expect(text).toMatch(
        /binary: compiled on the runner in [\d.]+ s \(target\/prebuilt\/amd64\/hello-mcp\)/,
      );
      expect(text).toContain('[prebuilt 1/1] COPY --chmod=0755 target/prebuilt/amd64/hello-mcp /hello-mcp');
      expect(text).not.toMatch(/\[builder/);
      expect(result!.summary.toText()).toMatch(/Binary.*runner, cargo build --release in [\d.]+ s/);
    });

    test('the pushed image (by digest, from the registry) runs and answers --health-check', async () => {
      const ref = result!.outputs['image-ref'];
      expect(ref).toMatch(new RegExp(`^${reg!.host}/acme/hello-mcp@sha256:[0-9a-f]{64}$`));
      expect((await reg!.manifest('acme/hello-mcp', 'runner')).digest).toBe(result!.outputs.digest);
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
