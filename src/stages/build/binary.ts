import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionError } from '../../errors';
import { exec, execOk } from '../../exec';
import { INPUTS } from '../../inputs';
import {
  CARGO_ENV,
  binTargets,
  buildReleaseArgv,
  installedTargetsArgv,
  linkerEnv,
  metadataArgv,
  parseInstalledTargets,
  parseMetadata,
  parseRustcHost,
  releaseBinary,
  rustcVersionArgv,
  sysrootArgv,
} from '../../tools/cargo';

/**
 * `binary-source`: where the image's binary is compiled.
 *   docker  the Dockerfile's builder stage compiles it (BuildKit cache mounts, empty on every hosted runner).
 *   runner  `cargo build --release --locked --target <triple>` on the runner, with the runner's cached target/;
 *           the image takes the binary through the Dockerfile's `prebuilt` stage.
 *   auto    runner when the runner can build every requested platform, else docker.
 */
export const BINARY_SOURCES = INPUTS['binary-source'].allowed;
export type BinarySource = (typeof BINARY_SOURCES)[number];

/** Where the runner's binaries go in the build context: the `prebuilt` stage's default `BINARY`. */
export const PREBUILT_DIR = path.join('target', 'prebuilt');

const PLATFORMS: Record<string, { arch: string; triple: string; gnuArch: string }> = {
  'linux/amd64': { arch: 'amd64', triple: 'x86_64-unknown-linux-gnu', gnuArch: 'x86_64' },
  'linux/arm64': { arch: 'arm64', triple: 'aarch64-unknown-linux-gnu', gnuArch: 'aarch64' },
};

/** What the runner can compile for, found by {@link probeToolchain}. */
export interface RunnerToolchain {
  /** `host:` of `rustc -vV`. */
  host: string;
  /** Targets whose standard library is installed (rustup's list, else the sysroot's lib/rustlib). */
  targets: string[];
  /** C compilers found on PATH, by name (e.g. aarch64-linux-gnu-gcc). */
  compilers: string[];
}

export interface PlatformBuild {
  platform: string;
  /** Docker's TARGETARCH: the directory under {@link PREBUILT_DIR}. */
  arch: string;
  triple: string;
  /** Linker for a foreign triple (passed as CARGO_TARGET_<TRIPLE>_LINKER and CC_<triple>). */
  linker?: string;
}

export type BinaryPlan = { source: 'docker'; reason: string } | { source: 'runner'; builds: PlatformBuild[] };

function platformInfo(platform: string) {
  const info = PLATFORMS[platform];
  if (!info)
    throw new ActionError(
      `'${platform}' cannot be built on the runner (only ${Object.keys(PLATFORMS).join(', ')})`,
      'binary-source',
      `use binary-source: docker for ${platform}`,
    );
  return info;
}

/** Cross C compilers as GNU names them (`aarch64-linux-gnu-gcc`, Debian/Ubuntu) or after the triple. */
export function linkerCandidates(triple: string): string[] {
  const gnuArch = triple.split('-')[0];
  return [`${gnuArch}-linux-gnu-gcc`, `${triple}-gcc`];
}

/** Whether the runner can build `platform`, and with which linker; `why` is one line when it cannot. */
export function runnerCanBuild(
  tc: RunnerToolchain,
  platform: string,
): { ok: true; build: PlatformBuild } | { ok: false; why: string } {
  const info = PLATFORMS[platform];
  if (!info) return { ok: false, why: `${platform} is not a platform the runner compiles for` };
  const build = { platform, arch: info.arch, triple: info.triple };
  if (info.triple === tc.host) return { ok: true, build };
  if (!tc.targets.includes(info.triple))
    return {
      ok: false,
      why: `the ${info.triple} standard library is not installed (rustup target add ${info.triple})`,
    };
  const linker = linkerCandidates(info.triple).find((c) => tc.compilers.includes(c));
  if (!linker)
    return {
      ok: false,
      why: `no linker for ${info.triple} on PATH (${linkerCandidates(info.triple).join(' or ')}, e.g. Debian's gcc-${info.gnuArch.replace('_', '-')}-linux-gnu)`,
    };
  return { ok: true, build: { ...build, linker } };
}

/** Decides where the binary is built; `runner` that cannot build a platform fails with one line. */
export function planBinarySource(mode: BinarySource, platforms: string[], tc: RunnerToolchain): BinaryPlan {
  if (mode === 'docker') return { source: 'docker', reason: 'binary-source: docker' };
  if (mode === 'runner') for (const p of platforms) platformInfo(p);
  const checks = platforms.map((p) => ({ p, r: runnerCanBuild(tc, p) }));
  const failed = checks.find((c) => !c.r.ok);
  if (!failed)
    return { source: 'runner', builds: checks.map((c) => (c.r as { build: PlatformBuild }).build) };
  const why = (failed.r as { why: string }).why;
  if (mode === 'auto') return { source: 'docker', reason: `the runner cannot build ${failed.p}: ${why}` };
  throw new ActionError(
    `the ${tc.host} runner cannot build ${failed.p}: ${why}`,
    'binary-source',
    'install that target and linker, or build each platform on a native runner (build-mode: by-digest, e.g. arm-runner in the reusable workflow)',
  );
}

/**
 * The binary cargo builds for the image (the crate's only bin target) and the target directory it lands in
 * (the workspace's, or CARGO_TARGET_DIR), as `cargo metadata` resolves them.
 */
export async function crateInfo(crateDir: string): Promise<{ bin: string; targetDir: string }> {
  const manifest = path.resolve(crateDir, 'Cargo.toml');
  const r = await exec(metadataArgv(manifest), { echo: false, env: CARGO_ENV });
  if (r.exitCode !== 0)
    throw new ActionError(
      `cargo metadata failed for ${manifest}: ${r.stderr.trim().split('\n').at(-1)}`,
      'working-directory',
      'point it at the crate (the directory with Cargo.toml)',
    );
  const meta = parseMetadata(r.stdout);
  const bins = binTargets(meta, manifest);
  if (bins.length !== 1)
    throw new ActionError(
      `${manifest} has ${bins.length ? `several binaries (${bins.join(', ')})` : 'no binary'}; the runner builds one`,
      'binary-source',
      'use binary-source: docker',
    );
  return { bin: bins[0], targetDir: meta.target_directory };
}

export interface RunnerBuildCommand {
  argv: string[];
  env: Record<string, string>;
  /** Where cargo leaves the binary (relative to the crate, or absolute). */
  from: string;
  /** Where the `prebuilt` stage expects it, relative to the build context. */
  to: string;
}

/** The cargo commands for each platform (argv only), and where each binary goes in the build context. */
export function planRunnerBuild(
  builds: PlatformBuild[],
  opts: { bin: string; toolchain?: string; targetDir?: string },
): RunnerBuildCommand[] {
  const targetDir = opts.targetDir ?? 'target';
  return builds.map((b) => {
    // Only what cargo needs on top of what exec gives every tool: toolEnv (src/exec.ts) already keeps the
    // action's inputs, secrets and runner credentials from cargo, whose build scripts come from dependencies.
    const env = { ...CARGO_ENV, ...(b.linker ? linkerEnv(b.triple, b.linker) : {}) };
    return {
      argv: buildReleaseArgv({ toolchain: opts.toolchain, triple: b.triple, bin: opts.bin }),
      env,
      from: releaseBinary(targetDir, b.triple, opts.bin),
      to: path.join(PREBUILT_DIR, b.arch, opts.bin),
    };
  });
}

/** Build args that make the Dockerfile take the runner's binaries (its `BINARY` default names their place). */
export const PREBUILT_BUILD_ARGS = ['BINARY_SOURCE=prebuilt'];

/** `build-args` plus the prebuilt selection, unless the user already chose a BINARY_SOURCE. */
export function withPrebuiltArgs(buildArgs: string[]): string[] {
  return buildArgs.some((a) => a.startsWith('BINARY_SOURCE='))
    ? buildArgs
    : [...buildArgs, ...PREBUILT_BUILD_ARGS];
}

/**
 * Whether a Dockerfile can take the runner's binary: a `prebuilt` stage selected by `ARG BINARY_SOURCE`, as the
 * template has. Without it the build arg would be ignored and Docker would compile again.
 */
export function takesPrebuilt(dockerfile: string): boolean {
  return (
    /^\s*FROM\s+\S+(?:\s+\S+)*\s+AS\s+prebuilt\s*$/im.test(dockerfile) &&
    /^\s*ARG\s+BINARY_SOURCE\b/m.test(dockerfile)
  );
}

/** The platforms' cargo commands as `mcp-deploy plan` shows them (no probe: a foreign one's linker is found at run). */
export function plannedRunnerBuild(
  platforms: string[],
  bin: string,
  toolchain?: string,
): RunnerBuildCommand[] {
  const builds = platforms
    .filter((p) => PLATFORMS[p])
    .map((p) => ({ platform: p, arch: PLATFORMS[p].arch, triple: PLATFORMS[p].triple }));
  return planRunnerBuild(builds, { bin, toolchain });
}

/** Runs the planned cargo builds in the crate and puts each binary where the `prebuilt` stage copies it from. */
export async function runRunnerBuild(
  dirs: { crateDir: string; contextDir: string },
  commands: RunnerBuildCommand[],
  opts: { timeoutMs?: number } = {},
): Promise<void> {
  const { crateDir, contextDir } = dirs;
  for (const c of commands) {
    await execOk(c.argv, { cwd: crateDir, env: c.env, stream: true, timeoutMs: opts.timeoutMs });
    const to = path.resolve(contextDir, c.to);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.resolve(crateDir, c.from), to);
    fs.chmodSync(to, 0o755);
  }
}

/** What this runner can compile for: `rustc -vV`, installed targets, cross C compilers on PATH. */
export async function probeToolchain(toolchain?: string): Promise<RunnerToolchain> {
  const version = await exec(rustcVersionArgv(toolchain), { echo: false }).catch(() => undefined);
  const host = version?.exitCode === 0 ? parseRustcHost(version.stdout) : undefined;
  if (!host)
    throw new ActionError(
      'rustc is not on PATH or did not run',
      'binary-source',
      'install Rust on the runner or use binary-source: docker',
    );
  let targets: string[] = [];
  const rustup = await exec(installedTargetsArgv(toolchain), { echo: false }).catch(() => undefined);
  if (rustup?.exitCode === 0) targets = parseInstalledTargets(rustup.stdout);
  else {
    // Without rustup (a distribution's rustc) the sysroot holds one directory per installed std.
    const sysroot = (await exec(sysrootArgv(toolchain), { echo: false })).stdout.trim();
    const rustlib = path.join(sysroot, 'lib', 'rustlib');
    targets = fs.existsSync(rustlib)
      ? fs.readdirSync(rustlib).filter((d) => fs.existsSync(path.join(rustlib, d, 'lib')))
      : [];
  }
  const compilers = Object.values(PLATFORMS)
    .flatMap((p) => linkerCandidates(p.triple))
    .filter((c) => onPath(c));
  return { host, targets, compilers };
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => {
    try {
      fs.accessSync(path.join(d, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export type PreparedBinary =
  { source: 'docker'; reason: string } | { source: 'runner'; buildArgs: string[]; binaries: string[] };

/**
 * The build stage's one call before `docker buildx build`: decides where the binary is compiled and, for the
 * runner, compiles every platform and returns the build args that select the Dockerfile's `prebuilt` stage.
 */
export async function prepareBinary(o: {
  mode: BinarySource;
  platforms: string[];
  crateDir: string;
  contextDir: string;
  toolchain?: string;
  timeoutMs?: number;
}): Promise<PreparedBinary> {
  if (o.mode === 'docker') return { source: 'docker', reason: 'binary-source: docker' };
  let tc: RunnerToolchain;
  try {
    tc = await probeToolchain(o.toolchain);
  } catch (e) {
    // auto means "the runner if it can": a runner without Rust (a build-only image) is a clear no.
    if (o.mode === 'auto' && e instanceof ActionError)
      return { source: 'docker', reason: 'rustc is not on PATH or did not run' };
    throw e;
  }
  const plan = planBinarySource(o.mode, o.platforms, tc);
  if (plan.source === 'docker') return plan;
  const { bin, targetDir } = await crateInfo(o.crateDir);
  const commands = planRunnerBuild(plan.builds, { bin, targetDir, toolchain: o.toolchain });
  await runRunnerBuild(o, commands, { timeoutMs: o.timeoutMs });
  return { source: 'runner', buildArgs: PREBUILT_BUILD_ARGS, binaries: commands.map((c) => c.to) };
}
