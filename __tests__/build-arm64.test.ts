import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { RunContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { setSink, textSink } from '../src/report/log';
import { build } from '../src/stages/build';
import { emulatedArchs } from '../src/stages/build/binfmt';
import { parseBuildInputs } from '../src/stages/build/inputs';
import { ASSUMED_FACTS, decide, hostArch } from '../src/stages/build/plan';
import type { StageEnv, StageResult } from '../src/stages/stage';
import { startDockerd, type Dockerd } from './support/dockerd';
import { startRegistry, type Registry } from './support/registry';
import { describeWith, missingCommands } from './support/skip';

/**
 * A Dockerfile whose RUN step executes on linux/arm64, built by the real build stage on an x86_64 machine:
 * QEMU does the work, through the aarch64 binfmt_misc handler that .ci/install-system-deps registers from
 * Debian's qemu-user-static with the F flag. With `qemu: auto` the stage must see that handler and not run
 * tonistiigi/binfmt (which needs Docker Hub); the registry is the judge of what the RUN step wrote.
 */

/** Debian's arm64 busybox-static, where .ci/install-system-deps puts it. */
const BUSYBOX_ARM64 = '/usr/local/share/mcp-deploy-test/busybox-arm64';

function missing(): string | undefined {
  if (hostArch() !== 'amd64') return `needs an amd64 runner to emulate arm64 (this one is ${hostArch()})`;
  return (
    missingCommands('dockerd', 'docker', 'docker-registry', 'qemu-aarch64-static') ??
    (fs.existsSync(BUSYBOX_ARM64)
      ? undefined
      : `no arm64 busybox at ${BUSYBOX_ARM64} (.ci/install-system-deps fetches it)`) ??
    (emulatedArchs().includes('arm64')
      ? undefined
      : 'no enabled binfmt_misc handler for aarch64 with the F flag (.ci/install-system-deps registers it)')
  );
}

/**
 * One Dockerfile, a root filesystem per architecture: arm64 gets busybox (sh and uname are links to it),
 * amd64 the host's own sh and uname with the libraries ldd names. Both RUN the same step; only arm64's
 * needs QEMU. No bridge network exists on the test engine, so the step runs with --network=none.
 */
function workspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'build-arm64-'));
  const arm = path.join(ws, 'rootfs-arm64', 'bin');
  fs.mkdirSync(arm, { recursive: true });
  fs.copyFileSync(BUSYBOX_ARM64, path.join(arm, 'busybox'));
  fs.chmodSync(path.join(arm, 'busybox'), 0o755);
  for (const applet of ['sh', 'uname']) fs.symlinkSync('busybox', path.join(arm, applet));
  const amd = path.join(ws, 'rootfs-amd64');
  for (const [from, to] of [
    ['/bin/sh', '/bin/sh'],
    ['/usr/bin/uname', '/bin/uname'],
  ]) {
    const libs = execFileSync('ldd', [from], { encoding: 'utf8' }).match(/\/\S+/g) ?? [];
    for (const [src, dest] of [[from, to], ...libs.map((l) => [l, l])]) {
      fs.mkdirSync(path.dirname(path.join(amd, dest)), { recursive: true });
      fs.copyFileSync(fs.realpathSync(src), path.join(amd, dest));
    }
    fs.chmodSync(path.join(amd, to), 0o755);
  }
  fs.writeFileSync(
    path.join(ws, 'Dockerfile'),
    'FROM scratch\nARG TARGETARCH\nCOPY rootfs-${TARGETARCH}/ /\nRUN --network=none ["/bin/sh", "-c", "uname -m > /arch"]\n',
  );
  return ws;
}

/** A file's content from an image's layers as the registry serves them (the last layer that has it wins). */
async function fileInImage(reg: Registry, repo: string, manifest: string, name: string): Promise<string> {
  const m = await reg.manifest(repo, manifest);
  let found: string | undefined;
  for (const layer of m.body.layers ?? []) {
    const blob = Buffer.from(await (await reg.fetch(`/v2/${repo}/blobs/${layer.digest}`)).arrayBuffer());
    const tar = blob[0] === 0x1f && blob[1] === 0x8b ? zlib.gunzipSync(blob) : blob;
    // ustar: a 512-byte header (name at 0, octal size at 124), then the content padded to 512 bytes
    for (let at = 0; at + 512 <= tar.length && tar[at] !== 0;) {
      const entry = tar.toString('utf8', at, at + 100).replace(/\0.*$/s, '');
      const size = parseInt(
        tar
          .toString('utf8', at + 124, at + 136)
          .replace(/\0.*$/s, '')
          .trim() || '0',
        8,
      );
      if (entry.replace(/^\.?\//, '') === name) found = tar.toString('utf8', at + 512, at + 512 + size);
      at += 512 + Math.ceil(size / 512) * 512;
    }
  }
  if (found === undefined) throw new Error(`${repo}@${manifest}: no ${name} in its layers`);
  return found;
}

describeWith('build: a RUN step on linux/arm64 under real QEMU emulation', missing(), () => {
  let engine: Dockerd;
  let reg: Registry;
  let ws: string;
  const saved = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONFIG: process.env.DOCKER_CONFIG };
  const ctx = (): RunContext => ({
    platform: 'github',
    event: 'push',
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    repository: 'acme/arm',
    workspace: ws,
  });

  beforeAll(async () => {
    [engine, reg] = await Promise.all([startDockerd(), startRegistry()]);
    Object.assign(process.env, engine.env);
    ws = workspace();
  }, 120_000);

  afterAll(async () => {
    setSink(textSink());
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    await Promise.all([engine?.stop(), reg?.stop()]);
    if (ws) fs.rmSync(ws, { recursive: true, force: true });
  }, 60_000);

  const inputs = (values: Record<string, string>) =>
    parseBuildInputs(
      new InputReader(
        (n) => ({ platforms: 'linux/amd64,linux/arm64', provenance: 'false', ...values })[n] ?? '',
      ),
      ctx(),
      ws,
      { RUNNER_TEMP: ws },
    );

  /** Runs the stage in process; what it printed, and its result or the error it threw. */
  async function runStage(values: Record<string, string>) {
    const logged: string[] = [];
    setSink(textSink((l) => logged.push(l)));
    const env: StageEnv = { ctx: ctx(), cwd: ws, state: {} };
    try {
      const result: StageResult = await build.run(inputs(values), env);
      return { logged: logged.join('\n'), result, env };
    } catch (e) {
      return { logged: logged.join('\n'), error: e as Error, env };
    } finally {
      setSink(textSink());
    }
  }

  test('qemu: auto skips tonistiigi/binfmt for the kernel handler; the arm64 RUN ran under QEMU and both platforms are pushed', async () => {
    const image = `${reg.host}/acme/arm`;
    // Why nothing is set up: the same inputs on a kernel without the handler would run tonistiigi/binfmt.
    const i = inputs({ image, qemu: 'auto' });
    expect(i.targetRuns).toBe(true);
    expect(decide(i, { ...ASSUMED_FACTS, runnable: [hostArch()] }, ctx()).emulate).toEqual(['arm64']);
    expect(emulatedArchs()).toContain('arm64');

    const r = await runStage({ image, qemu: 'auto' });
    if (r.error) throw new Error(`${r.error.message}\n--- stage output:\n${r.logged}`);
    expect(r.logged).not.toMatch(/tonistiigi\/binfmt/);
    expect(r.logged).toContain(
      "arm64: RUN steps run through this runner's registered emulator (binfmt_misc), so no QEMU setup",
    );
    expect(r.logged).toMatch(/\$ docker buildx build --platform linux\/amd64,linux\/arm64 /);
    // The summary's Mode row names QEMU only when the stage set it up.
    expect(r.result!.summary.toText()).toMatch(/^Mode +buildx push$/m);

    const digest = r.result!.outputs.digest;
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(r.env.state.imageRef).toBe(`${image}@${digest}`);
    const index = await reg.manifest('acme/arm', 'main');
    expect(index.digest).toBe(digest);
    const parts = Object.fromEntries(
      (index.body.manifests ?? [])
        .filter((m) => m.platform && m.platform.os !== 'unknown')
        .map((m) => [`${m.platform!.os}/${m.platform!.architecture}`, m.digest]),
    );
    expect(Object.keys(parts).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    // What each platform's RUN step wrote: aarch64 can only come from the arm64 busybox under QEMU.
    expect(await fileInImage(reg, 'acme/arm', parts['linux/arm64'], 'arch')).toBe('aarch64\n');
    expect(await fileInImage(reg, 'acme/arm', parts['linux/amd64'], 'arch')).toBe('x86_64\n');
  }, 180_000);

  test('qemu: true runs tonistiigi/binfmt even so: unpullable here, the error names the qemu input and nothing is built', async () => {
    const r = await runStage({ image: `${reg.host}/acme/arm-true`, qemu: 'true' });
    expect(r.logged).toMatch(/\$ docker run --privileged --rm tonistiigi\/binfmt --install arm64/);
    expect(r.error?.message).toMatch(
      /^input 'qemu': could not set up emulation for arm64: .*\(fix: build each platform on a native runner/s,
    );
    expect(r.logged).not.toMatch(/docker buildx build/);
    const tags = await reg.fetch('/v2/acme/arm-true/tags/list');
    await tags.text(); // an unread body keeps its connection open past the registry's stop
    expect(tags.status).toBe(404);
  }, 60_000);

  test('qemu: false sets nothing up, and the kernel handler still runs the arm64 step', async () => {
    const r = await runStage({ image: `${reg.host}/acme/arm-false`, qemu: 'false' });
    if (r.error) throw new Error(`${r.error.message}\n--- stage output:\n${r.logged}`);
    expect(r.logged).not.toMatch(/tonistiigi\/binfmt/);
    const index = await reg.manifest('acme/arm-false', 'main');
    const arm = index.body.manifests!.find((m) => m.platform?.architecture === 'arm64')!;
    expect(await fileInImage(reg, 'acme/arm-false', arm.digest, 'arch')).toBe('aarch64\n');
  }, 120_000);

  // Only .ci/install-system-deps's aarch64 handler is registered on CI; binfmt-support would add riscv64's.
  const riscvHandler = fs.existsSync('/proc/sys/fs/binfmt_misc/qemu-riscv64');
  (riscvHandler ? test.skip : test)(
    'qemu: false on a platform no handler runs (riscv64): one error naming qemu, with the cause',
    async () => {
      // /bin/sh is an ELF header for RISC-V, which this kernel cannot execute.
      const riscv = path.join(ws, 'rootfs-riscv64', 'bin');
      fs.mkdirSync(riscv, { recursive: true });
      const elf = Buffer.alloc(64);
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(elf);
      elf.writeUInt16LE(2, 16); // ET_EXEC
      elf.writeUInt16LE(0xf3, 18); // EM_RISCV
      elf.writeUInt32LE(1, 20);
      fs.writeFileSync(path.join(riscv, 'sh'), elf, { mode: 0o755 });
      const r = await runStage({
        image: `${reg.host}/acme/riscv`,
        qemu: 'false',
        platforms: 'linux/riscv64',
      });
      expect(r.logged).not.toMatch(/tonistiigi\/binfmt/);
      expect(r.error?.message).toMatch(
        /^input 'qemu': a RUN step for linux\/riscv64 could not execute: no emulator for it is registered on this runner \(exec \/bin\/sh: exec format error\) \(fix: set qemu: auto to set up QEMU/,
      );
    },
    120_000,
  );
});
