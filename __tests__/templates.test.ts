/**
 * The starter files in templates/docker, templates/k8s and templates/monitoring, checked with the real
 * tools: the Dockerfile's runtime stage is built with buildx on a private dockerd and the image's health
 * check runs; both kustomize overlays are rendered by kubectl and every object is validated with
 * kubernetes-models; the alert rules are checked and unit-tested by promtool; the Grafana dashboard is
 * type-checked against @grafana/schema.
 *
 * Placeholders: templates contain exactly two tokens, `{{crate}}` and `{{image}}`, which `mcp-deploy init`
 * substitutes; the tests substitute sample values into a temp copy first.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import * as YAML from 'yaml';
import { startDockerd, type Dockerd } from './support/dockerd';
import { describeWith, missingCommands } from './support/skip';

const ROOT = path.resolve(__dirname, '..');
const TEMPLATES = path.join(ROOT, 'templates');
const EXAMPLE = path.join(ROOT, 'examples', 'hello-mcp');
const STANDIN = path.join(__dirname, 'fixtures', 'templates', 'standin-mcp');

const SAMPLE = { crate: 'hello-mcp', image: 'ghcr.io/acme/hello-mcp' };
type Values = typeof SAMPLE;

// ---------------------------------------------------------------------------------------------------------
// helpers

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd: opts.cwd,
        env: opts.env ?? process.env,
        timeout: opts.timeoutMs ?? 120_000,
        maxBuffer: 64 << 20,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({
          code,
          stdout: String(stdout),
          stderr: String(stderr) + (err && code === 1 && !stderr ? err.message : ''),
        });
      },
    );
  });
}

async function ok(cmd: string, args: string[], opts: Parameters<typeof run>[2] = {}): Promise<string> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function fill(text: string, values: Values): string {
  return text.replaceAll('{{crate}}', values.crate).replaceAll('{{image}}', values.image);
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** Copies templates/<sub> to <dest> with the placeholders filled in, as `mcp-deploy init` would. */
function renderTemplates(sub: string, dest: string, values: Values = SAMPLE): string {
  const src = path.join(TEMPLATES, sub);
  for (const f of walk(src)) {
    const out = path.join(dest, path.relative(src, f));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, fill(fs.readFileSync(f, 'utf8'), values));
  }
  return dest;
}

function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `mcp-templates-${prefix}-`));
}

type Obj = Record<string, any>;

function parseAll(text: string): Obj[] {
  return YAML.parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length) throw new Error(d.errors.map((e) => e.message).join('\n'));
      return d.toJS() as Obj | null;
    })
    .filter((d): d is Obj => !!d);
}

const templateFiles = (): string[] =>
  walk(TEMPLATES).filter((f) => /templates\/(docker|k8s|monitoring)\//.test(f));
const yamlFiles = (): string[] => templateFiles().filter((f) => /\.ya?ml$/.test(f));

// ---------------------------------------------------------------------------------------------------------

describe('templates: static policy', () => {
  test('use no placeholder other than {{crate}} and {{image}}', () => {
    const bad: string[] = [];
    for (const f of [...templateFiles(), path.join(TEMPLATES, 'README.md')]) {
      // A placeholder is `{{word}}` without spaces; Prometheus/Grafana templates (`{{ $labels.pod }}`,
      // `{{ tool }}`) always have spaces inside the braces, so init leaves them alone.
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/\{\{([^{}\s]*)\}\}/g)) {
        if (m[1] !== 'crate' && m[1] !== 'image') bad.push(`${path.relative(ROOT, f)}: ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('contain no PodSecurityPolicy, no kubernetes.io/ingress.class annotation, no archived actions-rs', () => {
    const found: string[] = [];
    for (const f of templateFiles()) {
      const text = fs.readFileSync(f, 'utf8');
      if (/^\s*kind:\s*["']?PodSecurityPolicy/m.test(text)) found.push(`${f}: PodSecurityPolicy`);
      if (/policy\/v1beta1/.test(text)) found.push(`${f}: policy/v1beta1`);
      if (/kubernetes\.io\/ingress\.class["']?\s*:/.test(text)) found.push(`${f}: ingress.class annotation`);
      if (/actions-rs\//.test(text)) found.push(`${f}: actions-rs`);
      if (/rust:1\.[0-8]\d\b/.test(text)) found.push(`${f}: old rust image`);
    }
    for (const f of yamlFiles()) {
      for (const doc of parseAll(fill(fs.readFileSync(f, 'utf8'), SAMPLE))) {
        if (doc.kind === 'PodSecurityPolicy') found.push(`${f}: PodSecurityPolicy object`);
        if (doc.metadata?.annotations?.['kubernetes.io/ingress.class']) found.push(`${f}: ingress.class`);
      }
    }
    expect(found).toEqual([]);
  });

  test('commit no secret data: no Secret with data/stringData, no inline secretGenerator, env files git-ignored', () => {
    const found: string[] = [];
    for (const f of yamlFiles()) {
      for (const doc of parseAll(fill(fs.readFileSync(f, 'utf8'), SAMPLE))) {
        if (doc.kind === 'Secret' && (doc.data || doc.stringData)) found.push(`${f}: Secret with data`);
        for (const g of doc.secretGenerator ?? []) {
          if (g.literals) found.push(`${f}: secretGenerator with literals`);
        }
        if (doc.kind === 'ExternalSecret' && (doc.spec?.data ?? []).some((d: Obj) => 'value' in d)) {
          found.push(`${f}: ExternalSecret with inline value`);
        }
      }
    }
    // The secretGenerator's env file is git-ignored; no such file is committed.
    const ignore = fs.readFileSync(path.join(TEMPLATES, 'k8s', '.gitignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['secrets.env', '*.env', '.env']));
    const base = fs.readFileSync(path.join(TEMPLATES, 'k8s', 'base', 'kustomization.yaml'), 'utf8');
    expect(base).toMatch(/^# {3}- name: \{\{crate\}\}-secrets\n# {5}envs:\n# {7}- secrets\.env/m);
    expect(templateFiles().filter((f) => /(^|\/)(\.env[^/]*|[^/]*\.env)$/.test(f))).toEqual([]);
    expect(found).toEqual([]);
  });

  test('Dockerfile: BuildKit syntax, recent Rust, cache mounts, cross-compilation, distroless non-root', () => {
    const df = fs.readFileSync(path.join(TEMPLATES, 'docker', 'Dockerfile'), 'utf8');
    expect(df.split('\n')[0]).toBe('# syntax=docker/dockerfile:1');
    expect(df).toMatch(/^ARG RUST_IMAGE=rust:1\.95-bookworm$/m);
    expect(df).toMatch(/^ARG RUNTIME_IMAGE=gcr\.io\/distroless\/cc-debian12:nonroot$/m);
    expect(df).toMatch(/^FROM --platform=\$BUILDPLATFORM \$\{RUST_IMAGE\} AS builder$/m);
    for (const target of ['/usr/local/cargo/registry', '/usr/local/cargo/git', '/src/target']) {
      expect(df).toContain(`--mount=type=cache,target=${target}`);
    }
    expect(df).toContain('gcc-aarch64-linux-gnu');
    expect(df).toContain('rustup target add');
    expect(df).toMatch(/cargo build --release --locked --target "\$triple"/);
    // The binary is copied out of the target/ cache mount (which is not part of any image).
    expect(df).toMatch(/install -D -m 0755 "target\/\$triple\/release\/\{\{crate\}\}" \/out\/\{\{crate\}\}/);
    expect(df).toMatch(/^FROM \$\{RUNTIME_IMAGE\} AS runtime$/m);
    expect(df).toMatch(/^USER 65532:65532$/m);
    expect(df).toMatch(/^EXPOSE 8080$/m);
    expect(df).toMatch(
      /HEALTHCHECK [^\n]*\\\n\s+CMD \["\/usr\/local\/bin\/\{\{crate\}\}", "--health-check"\]/,
    );
    expect(df).toMatch(/ENTRYPOINT \["\/usr\/local\/bin\/\{\{crate\}\}"\]/);
    // The runtime stage is the last one, so a plain `docker build` produces it.
    const froms = [...df.matchAll(/^FROM .* AS (\S+)$/gm)].map((m) => m[1]);
    expect(froms.at(-1)).toBe('runtime');
    const ignore = fs.readFileSync(path.join(TEMPLATES, 'docker', 'dockerignore'), 'utf8');
    expect(ignore).toMatch(/^target\/$/m);
    expect(ignore).toMatch(/^\.env$/m);
    expect(ignore).toMatch(/^!target\/release\/\{\{crate\}\}$/m);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Docker: the runtime stage, built for real from a binary of examples/hello-mcp

/** The crate the image is built from: examples/hello-mcp, or the stand-in while that does not exist. */
function exampleCrate(): { dir: string; name: string; standin: boolean } {
  const standin = !fs.existsSync(path.join(EXAMPLE, 'Cargo.toml'));
  const dir = standin ? STANDIN : EXAMPLE;
  const toml = fs.readFileSync(path.join(dir, 'Cargo.toml'), 'utf8');
  const bin = /\[\[bin\]\]\s*\nname\s*=\s*"([^"]+)"/.exec(toml)?.[1];
  const pkg = /\[package\][^[]*?\bname\s*=\s*"([^"]+)"/.exec(toml)?.[1];
  const name = bin ?? pkg;
  if (!name) throw new Error(`no package name in ${dir}/Cargo.toml`);
  return { dir, name, standin };
}

/**
 * A local stand-in for gcr.io/distroless/cc-debian12 (no registry is reachable here): the binary's shared
 * libraries as `ldd` lists them (glibc, libgcc_s, the loader), /etc/passwd with the distroless `nonroot`
 * user 65532, and /tmp, imported with `docker import`.
 */
async function importRuntimeBase(
  binary: string,
  work: string,
  env: NodeJS.ProcessEnv,
  tag: string,
): Promise<void> {
  const rootfs = path.join(work, 'base-rootfs');
  const ldd = await ok('ldd', [binary]);
  for (const lib of ldd.match(/\/\S+/g) ?? []) {
    const dest = path.join(rootfs, lib);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(fs.realpathSync(lib), dest);
  }
  fs.mkdirSync(path.join(rootfs, 'etc'), { recursive: true });
  fs.writeFileSync(
    path.join(rootfs, 'etc', 'passwd'),
    'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n',
  );
  fs.writeFileSync(path.join(rootfs, 'etc', 'group'), 'root:x:0:\nnonroot:x:65532:\n');
  fs.mkdirSync(path.join(rootfs, 'home', 'nonroot'), { recursive: true });
  fs.mkdirSync(path.join(rootfs, 'tmp'), { recursive: true });
  fs.chmodSync(path.join(rootfs, 'tmp'), 0o1777);
  const tar = path.join(work, 'base.tar');
  await ok('tar', ['-C', rootfs, '--owner=0', '--group=0', '-cf', tar, '.']);
  await ok('docker', ['import', tar, tag], { env });
}

/**
 * A local stand-in for rust:1.95-bookworm (Docker Hub is unreachable here), made from this Debian 12 host:
 * the files of gcc, binutils, libc6-dev, dash, coreutils, bash and their installed dependencies (dpkg), plus
 * the host's Rust toolchain (`rustc --print sysroot`: cargo, rustc, their libraries and the std rlibs) at
 * /usr/local/rustup, cargo/rustc on PATH through /usr/local/cargo/bin as in the official image. Built with
 * `docker import` (~1 GB).
 */
async function importRustBuilder(work: string, env: NodeJS.ProcessEnv, tag: string): Promise<void> {
  const query = (args: string[]) => run('dpkg-query', args).then((r) => (r.code === 0 ? r.stdout : ''));
  const installed = async (p: string) =>
    (await query(['-W', '-f=${Status}', p])).includes('install ok installed');
  const seen = new Set<string>();
  const stack = ['gcc', 'gcc-12', 'binutils', 'libc6-dev', 'dash', 'coreutils', 'bash'];
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p) || !(await installed(p))) continue;
    seen.add(p);
    for (const dep of (await query(['-W', '-f=${Depends},${Pre-Depends}', p])).split(',')) {
      for (const alt of dep.split('|')) {
        const name = alt.trim().split(/[\s:]/)[0];
        if (name && (await installed(name))) {
          stack.push(name);
          break;
        }
      }
    }
  }
  const files = new Set<string>();
  for (const p of seen) {
    for (const f of (await ok('dpkg', ['-L', p])).split('\n')) {
      if (!f.startsWith('/') || f === '/.' || /^\/usr\/share\/(doc|man|info|locale|lintian)\//.test(f))
        continue;
      // Debian 12 has a merged /usr: /bin, /lib, /lib64 are symlinks; store every file under its real directory.
      let real: string;
      try {
        real = path.join(fs.realpathSync(path.dirname(f)), path.basename(f));
      } catch {
        continue;
      }
      const st = fs.lstatSync(real, { throwIfNoEntry: false });
      if (st && !st.isDirectory()) files.add(real.slice(1));
    }
  }
  const list = path.join(work, 'builder-files.txt');
  fs.writeFileSync(list, [...files].sort().join('\n') + '\n');
  const sysroot = (await ok('rustc', ['--print', 'sysroot'])).trim();
  const extra = path.join(work, 'builder-extra');
  for (const d of ['usr/bin', 'usr/local/cargo/bin', 'etc', 'tmp', 'root'])
    fs.mkdirSync(path.join(extra, d), { recursive: true });
  fs.chmodSync(path.join(extra, 'tmp'), 0o1777);
  for (const d of ['bin', 'lib', 'lib64', 'sbin']) fs.symlinkSync(`usr/${d}`, path.join(extra, d));
  fs.symlinkSync('gcc', path.join(extra, 'usr/bin/cc'));
  fs.writeFileSync(path.join(extra, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  fs.writeFileSync(path.join(extra, 'etc/group'), 'root:x:0:\n');
  for (const b of ['cargo', 'rustc'])
    fs.symlinkSync(`/usr/local/rustup/toolchain/bin/${b}`, path.join(extra, 'usr/local/cargo/bin', b));
  const tar = path.join(work, 'builder.tar');
  await ok('tar', ['-C', '/', '-cf', tar, '-T', list]);
  await ok('tar', [
    '-C',
    sysroot,
    '-rf',
    tar,
    '--transform',
    's#^#usr/local/rustup/toolchain/#',
    'bin/cargo',
    'bin/rustc',
    'lib',
  ]);
  await ok('tar', ['-C', extra, '-rf', tar, '.']);
  await ok(
    'docker',
    [
      'import',
      '--change',
      'ENV PATH=/usr/local/cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      '--change',
      'ENV RUSTUP_HOME=/usr/local/rustup',
      '--change',
      'ENV CARGO_HOME=/usr/local/cargo',
      tar,
      tag,
    ],
    { env, timeoutMs: 600_000 },
  );
  fs.rmSync(tar, { force: true });
}

/** Runs the image's server in a locked-down container and waits for Docker's HEALTHCHECK to say healthy. */
async function expectHealthy(
  image: string,
  name: string,
  crateName: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  // The same restrictions the Kubernetes manifests apply: read-only root, /tmp as tmpfs, no capabilities,
  // no privilege escalation. No bridge network exists here: --network none (loopback only).
  await ok(
    'docker',
    [
      'run',
      '-d',
      '--name',
      name,
      '--network',
      'none',
      '--read-only',
      '--tmpfs',
      '/tmp',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      image,
    ],
    { env },
  );
  let health: Obj = {};
  for (let i = 0; i < 60; i++) {
    const state = JSON.parse(await ok('docker', ['inspect', '--format', '{{json .State}}', name], { env }));
    health = state.Health ?? {};
    if (!state.Running || health.Status === 'healthy') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  if (health.Status !== 'healthy') {
    const logs = await run('docker', ['logs', name], { env });
    throw new Error(`container not healthy: ${JSON.stringify(health)}\n${logs.stdout}${logs.stderr}`);
  }
  expect(health.Log.at(-1).ExitCode).toBe(0);
  // And directly, the same command the HEALTHCHECK runs:
  const r = await run('docker', ['exec', name, `/usr/local/bin/${crateName}`, '--health-check'], { env });
  expect(r.code).toBe(0);
}

describeWith(
  'templates: Dockerfile runtime stage built with buildx on a private dockerd',
  missingCommands('dockerd', 'docker', 'cargo', 'rustc', 'ldd', 'tar', 'dpkg', 'dpkg-query'),
  () => {
    let engine: Dockerd | undefined;
    let env: NodeJS.ProcessEnv;
    let work: string;
    let crate: ReturnType<typeof exampleCrate>;
    const image = 'local/mcp-template-test:runtime';
    const base = 'local/distroless-cc-standin:test';
    const containers: string[] = [];
    let buildLog = '';

    beforeAll(async () => {
      work = tmpDir('docker');
      crate = exampleCrate();
      if (crate.standin) {
        console.warn(
          `templates.test: ${EXAMPLE}/Cargo.toml does not exist yet; building the stand-in crate ${STANDIN}`,
        );
      }
      // 1. The binary, built on the host like the `prebuilt` path of the Dockerfile expects.
      const targetDir = path.join(work, 'cargo-target');
      await ok('cargo', ['build', '--release', '--locked', '--bin', crate.name], {
        cwd: crate.dir,
        env: { ...process.env, CARGO_TARGET_DIR: targetDir, CARGO_TERM_COLOR: 'never' },
        timeoutMs: 600_000,
      });
      const binary = path.join(targetDir, 'release', crate.name);

      // 2. The build context a user's repo would be: the crate, the binary under target/release, the
      //    templates with the placeholders filled in.
      const ctx = path.join(work, 'ctx');
      fs.mkdirSync(path.join(ctx, 'target', 'release'), { recursive: true });
      for (const f of fs.readdirSync(crate.dir)) {
        if (f !== 'target') fs.cpSync(path.join(crate.dir, f), path.join(ctx, f), { recursive: true });
      }
      fs.copyFileSync(binary, path.join(ctx, 'target', 'release', crate.name));
      fs.writeFileSync(path.join(ctx, '.env'), 'NOT_FOR_THE_IMAGE=1\n');
      const values = { crate: crate.name, image: 'local/mcp-template-test' };
      // `# syntax=docker/dockerfile:1` makes BuildKit pull the docker/dockerfile frontend image from Docker
      // Hub, which is unreachable here: the build uses the engine's built-in frontend instead (the only
      // change made to the template; the first line is asserted in the static suite).
      const dockerfile = fill(fs.readFileSync(path.join(TEMPLATES, 'docker', 'Dockerfile'), 'utf8'), values);
      fs.writeFileSync(
        path.join(ctx, 'Dockerfile'),
        dockerfile.replace(/^# syntax=docker\/dockerfile:1\n/, ''),
      );
      fs.writeFileSync(
        path.join(ctx, '.dockerignore'),
        fill(fs.readFileSync(path.join(TEMPLATES, 'docker', 'dockerignore'), 'utf8'), values),
      );

      // 3. A private engine, a local runtime base image, then the real build of the `runtime` stage.
      engine = await startDockerd();
      env = { ...process.env, ...engine.env };
      await importRuntimeBase(binary, work, env, base);
      const r = await run(
        'docker',
        [
          'buildx',
          'build',
          '--progress',
          'plain',
          '--target',
          'runtime',
          '--build-arg',
          'BINARY_SOURCE=prebuilt',
          '--build-arg',
          `BINARY=target/release/${crate.name}`,
          '--build-arg',
          `RUNTIME_IMAGE=${base}`,
          '--metadata-file',
          path.join(work, 'metadata.json'),
          '--load',
          '-t',
          image,
          ctx,
        ],
        { env, timeoutMs: 300_000 },
      );
      buildLog = r.stderr;
      if (r.code !== 0) throw new Error(`docker buildx build failed:\n${r.stderr}\n${engine.logTail()}`);
    }, 900_000);

    afterAll(async () => {
      for (const c of containers) await run('docker', ['rm', '-f', c], { env });
      await engine?.stop();
      if (work) fs.rmSync(work, { recursive: true, force: true });
    }, 120_000);

    test('the build used the prebuilt binary and the local base, never the Rust builder image', () => {
      expect(buildLog).toContain(`[prebuilt 1/1] COPY --chmod=0755 target/release/${crate.name}`);
      expect(buildLog).toContain(`FROM docker.io/${base}`);
      expect(buildLog).not.toMatch(/rust:1\.95/);
      const meta = JSON.parse(fs.readFileSync(path.join(work, 'metadata.json'), 'utf8'));
      expect(meta['containerimage.digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    });

    test('the image runs as 65532:65532 with the binary as entrypoint, port 8080 and the health check', async () => {
      const config = JSON.parse(
        await ok('docker', ['image', 'inspect', '--format', '{{json .Config}}', image], { env }),
      );
      expect(config.User).toBe('65532:65532');
      expect(config.Entrypoint).toEqual([`/usr/local/bin/${crate.name}`]);
      expect(Object.keys(config.ExposedPorts)).toEqual(['8080/tcp']);
      expect(config.Env).toEqual(expect.arrayContaining(['MCP_SERVER_HOST=0.0.0.0', 'MCP_SERVER_PORT=8080']));
      expect(config.Healthcheck.Test).toEqual(['CMD', `/usr/local/bin/${crate.name}`, '--health-check']);
      expect(config.Labels['org.opencontainers.image.title']).toBe(crate.name);
    });

    test('--health-check fails when no server is running', async () => {
      const r = await run('docker', ['run', '--rm', '--network', 'none', image, '--health-check'], {
        env,
        timeoutMs: 60_000,
      });
      expect(r.code).not.toBe(0);
    });

    test('the server starts in a locked-down container and Docker reports it healthy via HEALTHCHECK', async () => {
      const name = `mcp-template-test-${process.pid}`;
      containers.push(name);
      await expectHealthy(image, name, crate.name, env);
    }, 60_000);

    test('.dockerignore keeps secrets and the build directory out of the context', async () => {
      // Build a throwaway stage that lists the context: .env and target/ (except the release binary) are absent.
      const ctx = path.join(work, 'ctx');
      const probe = path.join(work, 'Dockerfile.ls');
      fs.writeFileSync(probe, 'FROM scratch\nCOPY . /ctx/\n');
      fs.copyFileSync(path.join(ctx, '.dockerignore'), `${probe}.dockerignore`);
      fs.mkdirSync(path.join(ctx, 'target', 'debug'), { recursive: true });
      fs.writeFileSync(path.join(ctx, 'target', 'debug', 'junk'), 'x');
      const out = path.join(work, 'ctx-listing');
      await ok('docker', ['buildx', 'build', '-f', probe, '--output', `type=local,dest=${out}`, ctx], {
        env,
        timeoutMs: 120_000,
      });
      const files = walk(path.join(out, 'ctx'))
        .map((f) => path.relative(path.join(out, 'ctx'), f))
        .sort();
      expect(files).toContain(`target/release/${crate.name}`);
      expect(files).toContain('Cargo.toml');
      expect(files).not.toContain('.env');
      expect(files).not.toContain('target/debug/junk');
      expect(files).not.toContain('Dockerfile');
    }, 120_000);

    test('the builder stage compiles the crate with cargo (cache mounts) in a stand-in rust:1.95-bookworm', async () => {
      const rustImage = 'local/rust-standin:1.95-bookworm';
      await importRustBuilder(work, env, rustImage);
      const built = 'local/mcp-template-test:built';
      const r = await run(
        'docker',
        [
          'buildx',
          'build',
          '--progress',
          'plain',
          '--network',
          'none',
          '--build-arg',
          `RUST_IMAGE=${rustImage}`,
          '--build-arg',
          `RUNTIME_IMAGE=${base}`,
          '-t',
          built,
          '--load',
          path.join(work, 'ctx'),
        ],
        { env, timeoutMs: 900_000 },
      );
      if (r.code !== 0) throw new Error(`builder build failed:\n${r.stderr.slice(-6000)}`);
      // The default path: BINARY_SOURCE=build, native (TARGETARCH = BUILDARCH), binary copied out of the cache mount.
      expect(r.stderr).toContain(
        `cargo build --release --locked --target x86_64-unknown-linux-gnu --bin ${crate.name}`,
      );
      expect(r.stderr).toMatch(/Finished `release` profile/);
      expect(r.stderr).toContain(`[build 1/1] COPY --from=builder /out/${crate.name} /${crate.name}`);
      const name = `mcp-template-test-built-${process.pid}`;
      containers.push(name);
      await expectHealthy(built, name, crate.name, env);
    }, 1_200_000);
  },
);

// ---------------------------------------------------------------------------------------------------------
// Kubernetes: both overlays rendered by kubectl kustomize, validated and checked for the restricted policy

/** The kubernetes-models class for an object's apiVersion/kind (core group lives under `v1`). */
function modelFor(obj: Obj): (new (data: Obj) => { validate(): void }) | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(`kubernetes-models/${obj.apiVersion}`) as Record<string, unknown>;
  return mod[obj.kind] as (new (data: Obj) => { validate(): void }) | undefined;
}

const POD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet'];

describeWith('templates: kustomize overlays', missingCommands('kubectl'), () => {
  const rendered: Record<'staging' | 'production', Obj[]> = { staging: [], production: [] };
  let dir: string;

  beforeAll(async () => {
    dir = tmpDir('k8s');
    renderTemplates('k8s', dir);
    for (const overlay of ['staging', 'production'] as const) {
      const out = await ok('kubectl', ['kustomize', path.join(dir, 'overlays', overlay)]);
      rendered[overlay] = parseAll(out);
    }
  }, 120_000);
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const overlays = ['staging', 'production'] as const;
  const one = (o: (typeof overlays)[number], kind: string) => {
    const found = rendered[o].filter((x) => x.kind === kind);
    expect(found).toHaveLength(1);
    return found[0];
  };

  test('kubernetes-models validation rejects a wrongly typed object (so the check below can fail)', () => {
    const dep = structuredClone(one('staging', 'Deployment'));
    dep.spec.replicas = '3';
    expect(() => new (modelFor(dep)!)(dep).validate()).toThrow(/replicas must be integer/);
  });

  test.each(overlays)(
    '%s: renders the expected objects and every one passes kubernetes-models validation',
    (o) => {
      const kinds = rendered[o].map((x) => x.kind).sort();
      const expected = [
        'ConfigMap',
        'Deployment',
        'Ingress',
        'Namespace',
        'NetworkPolicy',
        'PodDisruptionBudget',
        'Role',
        'RoleBinding',
        'Service',
        'ServiceAccount',
      ];
      expect(kinds).toEqual(
        (o === 'production' ? [...expected, 'HorizontalPodAutoscaler'] : expected).sort(),
      );
      for (const obj of rendered[o]) {
        const Model = modelFor(obj);
        expect(Model).toBeDefined();
        expect(() => new Model!(obj).validate()).not.toThrow();
      }
      expect(rendered[o].filter((x) => x.kind === 'Secret')).toEqual([]);
    },
  );

  test.each(overlays)(
    '%s: every object lives in the overlay namespace, which enforces PSA restricted',
    (o) => {
      const ns = one(o, 'Namespace');
      expect(ns.metadata.name).toBe(o === 'staging' ? `${SAMPLE.crate}-staging` : SAMPLE.crate);
      for (const mode of ['enforce', 'audit', 'warn']) {
        expect(ns.metadata.labels[`pod-security.kubernetes.io/${mode}`]).toBe('restricted');
      }
      for (const obj of rendered[o].filter((x) => x.kind !== 'Namespace')) {
        expect(obj.metadata.namespace).toBe(ns.metadata.name);
      }
    },
  );

  test.each(overlays)('%s: every container meets the restricted Pod Security Standard', (o) => {
    const workloads = rendered[o].filter((x) => POD_KINDS.includes(x.kind));
    expect(workloads.length).toBeGreaterThan(0);
    for (const w of workloads) {
      const pod = w.spec.template.spec;
      const psc = pod.securityContext ?? {};
      expect(pod.hostNetwork ?? false).toBe(false);
      expect(pod.hostPID ?? false).toBe(false);
      expect(pod.hostIPC ?? false).toBe(false);
      expect(pod.automountServiceAccountToken).toBe(false);
      const allowedVolumes = [
        'emptyDir',
        'configMap',
        'secret',
        'projected',
        'downwardAPI',
        'persistentVolumeClaim',
        'ephemeral',
        'csi',
      ];
      for (const v of pod.volumes ?? []) {
        expect(
          Object.keys(v)
            .filter((k) => k !== 'name')
            .every((k) => allowedVolumes.includes(k)),
        ).toBe(true);
      }
      const containers = [
        ...(pod.initContainers ?? []),
        ...pod.containers,
        ...(pod.ephemeralContainers ?? []),
      ];
      for (const c of containers) {
        const sc = c.securityContext ?? {};
        const label = `${w.kind}/${w.metadata.name} container ${c.name}`;
        expect([label, sc.runAsNonRoot ?? psc.runAsNonRoot]).toEqual([label, true]);
        expect([label, sc.runAsUser ?? psc.runAsUser]).not.toEqual([label, 0]);
        expect([label, sc.allowPrivilegeEscalation]).toEqual([label, false]);
        expect([label, sc.privileged ?? false]).toEqual([label, false]);
        expect([label, sc.readOnlyRootFilesystem]).toEqual([label, true]);
        expect([label, sc.capabilities?.drop]).toEqual([label, expect.arrayContaining(['ALL'])]);
        expect([label, (sc.capabilities?.add ?? []).filter((a: string) => a !== 'NET_BIND_SERVICE')]).toEqual(
          [label, []],
        );
        expect([label, (sc.seccompProfile ?? psc.seccompProfile)?.type]).toEqual([label, 'RuntimeDefault']);
        expect(c.resources?.requests?.memory).toBeDefined();
        expect(c.resources?.limits?.memory).toBeDefined();
        // /tmp is writable through an emptyDir although the root filesystem is read-only.
        const tmp = (c.volumeMounts ?? []).find((m: Obj) => m.mountPath === '/tmp');
        expect(pod.volumes.find((v: Obj) => v.name === tmp?.name)?.emptyDir).toBeDefined();
      }
    }
  });

  test.each(overlays)(
    '%s: startup, liveness and readiness probes use /health and /ready, never /mcp',
    (o) => {
      const dep = one(o, 'Deployment');
      for (const c of dep.spec.template.spec.containers) {
        const ports = (c.ports ?? []).flatMap((p: Obj) => [p.name, p.containerPort]);
        for (const kind of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
          const probe = c[kind];
          expect(probe?.httpGet).toBeDefined();
          expect(probe.httpGet.path).not.toMatch(/^\/mcp/);
          expect(ports).toContain(probe.httpGet.port);
        }
        expect(c.livenessProbe.httpGet.path).toBe('/health');
        expect(c.readinessProbe.httpGet.path).toBe('/ready');
      }
    },
  );

  test.each(overlays)('%s: the image is pinned by digest through the kustomize images entry', (o) => {
    const dep = one(o, 'Deployment');
    expect(dep.spec.template.spec.containers[0].image).toMatch(
      new RegExp(`^${SAMPLE.image}@sha256:[0-9a-f]{64}$`),
    );
  });

  test.each(overlays)('%s: ServiceAccount without token, Role that only reads its own ConfigMap', (o) => {
    expect(one(o, 'ServiceAccount').automountServiceAccountToken).toBe(false);
    const dep = one(o, 'Deployment');
    expect(dep.spec.template.spec.serviceAccountName).toBe(one(o, 'ServiceAccount').metadata.name);
    const cm = one(o, 'ConfigMap');
    expect(one(o, 'Role').rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], resourceNames: [cm.metadata.name], verbs: ['get'] },
    ]);
    const rb = one(o, 'RoleBinding');
    expect(rb.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: one(o, 'Role').metadata.name,
    });
    expect(rb.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: one(o, 'ServiceAccount').metadata.name,
        namespace: one(o, 'Namespace').metadata.name,
      },
    ]);
    // The Deployment reads the generated (hash-suffixed) ConfigMap.
    const envFrom = dep.spec.template.spec.containers[0].envFrom;
    expect(envFrom).toContainEqual({ configMapRef: { name: cm.metadata.name } });
    expect(envFrom).toContainEqual({ secretRef: { name: `${SAMPLE.crate}-secrets`, optional: true } });
  });

  test.each(overlays)(
    '%s: Ingress uses ingressClassName, TLS, SSE-friendly nginx settings; hosts are allowed',
    (o) => {
      const ing = one(o, 'Ingress');
      const a = ing.metadata.annotations ?? {};
      expect(ing.spec.ingressClassName).toBe('nginx');
      expect(a['kubernetes.io/ingress.class']).toBeUndefined();
      expect(a['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
      expect(Number(a['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
      expect(Number(a['nginx.ingress.kubernetes.io/proxy-send-timeout'])).toBeGreaterThanOrEqual(3600);
      const hosts = ing.spec.rules.map((r: Obj) => r.host);
      expect(hosts).toEqual([
        o === 'staging' ? `${SAMPLE.crate}.staging.example.com` : `${SAMPLE.crate}.example.com`,
      ]);
      expect(ing.spec.tls.flatMap((t: Obj) => t.hosts)).toEqual(hosts);
      const svc = one(o, 'Service');
      const backend = ing.spec.rules[0].http.paths[0].backend.service;
      expect(backend.name).toBe(svc.metadata.name);
      expect(svc.spec.ports.map((p: Obj) => p.name)).toContain(backend.port.name);
      // The server answers /mcp only for these Host headers (DNS-rebinding protection).
      const allowed = one(o, 'ConfigMap').data.MCP_ALLOWED_HOSTS.split(',');
      expect(allowed).toEqual(expect.arrayContaining(hosts));
      expect(allowed).toContain(`${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local`);
    },
  );

  test.each(overlays)(
    '%s: more than one replica comes with session affinity (stateful MCP sessions)',
    (o) => {
      const dep = one(o, 'Deployment');
      const hpa = rendered[o].find((x) => x.kind === 'HorizontalPodAutoscaler');
      const maxPods = Math.max(dep.spec.replicas ?? 1, hpa?.spec.maxReplicas ?? 0);
      if (maxPods > 1) {
        expect(one(o, 'Service').spec.sessionAffinity).toBe('ClientIP');
        const a = one(o, 'Ingress').metadata.annotations;
        expect(a['nginx.ingress.kubernetes.io/affinity']).toBe('cookie');
        expect(a['nginx.ingress.kubernetes.io/affinity-mode']).toBe('persistent');
      }
    },
  );

  test.each(overlays)(
    '%s: selectors of Service, PDB, NetworkPolicy and spread constraints match the pods',
    (o) => {
      const dep = one(o, 'Deployment');
      const labels = dep.spec.template.metadata.labels;
      const matches = (sel: Obj) => Object.entries(sel).every(([k, v]) => labels[k] === v);
      expect(matches(dep.spec.selector.matchLabels)).toBe(true);
      expect(matches(one(o, 'Service').spec.selector)).toBe(true);
      expect(matches(one(o, 'PodDisruptionBudget').spec.selector.matchLabels)).toBe(true);
      expect(matches(one(o, 'NetworkPolicy').spec.podSelector.matchLabels)).toBe(true);
      const tsc = dep.spec.template.spec.topologySpreadConstraints;
      expect(tsc.map((t: Obj) => t.topologyKey)).toEqual([
        'topology.kubernetes.io/zone',
        'kubernetes.io/hostname',
      ]);
      for (const t of tsc) expect(matches(t.labelSelector.matchLabels)).toBe(true);
      expect(one(o, 'NetworkPolicy').spec.policyTypes).toEqual(['Ingress', 'Egress']);
      // Prometheus scrape annotations point at the container's port and /metrics.
      const ann = dep.spec.template.metadata.annotations;
      expect(ann['prometheus.io/scrape']).toBe('true');
      expect(ann['prometheus.io/path']).toBe('/metrics');
      expect(dep.spec.template.spec.containers[0].ports.map((p: Obj) => String(p.containerPort))).toContain(
        ann['prometheus.io/port'],
      );
    },
  );

  test('staging runs one replica without HPA; production lets an autoscaling/v2 HPA own at least 3', () => {
    const stg = one('staging', 'Deployment');
    expect(stg.spec.replicas).toBe(1);
    expect(rendered.staging.find((x) => x.kind === 'HorizontalPodAutoscaler')).toBeUndefined();
    const prod = one('production', 'Deployment');
    expect(prod.spec.replicas).toBeUndefined();
    const hpa = one('production', 'HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: prod.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(3);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(one('production', 'PodDisruptionBudget').spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
    const mem = (d: Obj) => d.spec.template.spec.containers[0].resources.limits.memory;
    expect(mem(prod)).not.toBe(mem(stg));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Prometheus: scrape config, alert rules, promtool unit tests

describeWith('templates: Prometheus rules and scrape config (promtool)', missingCommands('promtool'), () => {
  let dir: string;
  beforeAll(() => {
    dir = renderTemplates('monitoring', tmpDir('monitoring'));
  });
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  test('promtool check rules passes', async () => {
    const out = await ok('promtool', ['check', 'rules', path.join(dir, 'alerts.yml')]);
    expect(out).toMatch(/SUCCESS: 6 rules found/);
  });

  test('promtool test rules passes', async () => {
    const out = await ok('promtool', ['test', 'rules', path.join(dir, 'alerts.test.yml')]);
    expect(out).toContain('SUCCESS');
  });

  test('every alert has for:, a severity and summary/description; the required expressions are there', () => {
    const rules: Obj[] = YAML.parse(fs.readFileSync(path.join(dir, 'alerts.yml'), 'utf8')).groups.flatMap(
      (g: Obj) => g.rules,
    );
    const byName = Object.fromEntries(rules.map((r) => [r.alert, r]));
    expect(Object.keys(byName).sort()).toEqual([
      'MCPHighErrorRate',
      'MCPHighLatencyP95',
      'MCPHighMemory',
      'MCPRolloutFailed',
      'MCPServerAbsent',
      'MCPServerDown',
    ]);
    for (const r of rules) {
      expect(r.for).toMatch(/^\d+m$/);
      expect(['critical', 'warning']).toContain(r.labels.severity);
      expect(r.annotations.summary).toBeTruthy();
      expect(r.annotations.description).toBeTruthy();
    }
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    expect(squash(byName.MCPHighErrorRate.expr)).toMatch(
      /rate\(mcp_tool_errors_total\{[^}]*\}\[5m\]\)\) \/ sum by \(namespace\) \(rate\(mcp_tool_requests_total/,
    );
    expect(squash(byName.MCPHighLatencyP95.expr)).toMatch(
      /histogram_quantile\(0\.95, sum by \(namespace, le\) \(rate\(mcp_tool_duration_seconds_bucket\{[^}]*\}\[5m\]\)\) ?\)/,
    );
    expect(byName.MCPHighMemory.expr).toContain('process_resident_memory_bytes');
    expect(byName.MCPHighMemory.expr).toContain('kube_pod_container_resource_limits{resource="memory"');
    expect(byName.MCPServerDown.expr).toBe(`up{job="${SAMPLE.crate}"} == 0`);
    expect(byName.MCPRolloutFailed.expr).toContain('condition="Progressing", status="false"');
    expect(byName.MCPRolloutFailed.expr).toContain('kube_deployment_status_replicas_available');
    expect(byName.MCPRolloutFailed.for).toBe('10m');
  });

  test('the promtool tests make every alert fire at least once and stay quiet at least once', () => {
    const tests: Obj[] = YAML.parse(fs.readFileSync(path.join(dir, 'alerts.test.yml'), 'utf8')).tests;
    const fired = new Set<string>();
    const quiet = new Set<string>();
    for (const t of tests) {
      for (const a of t.alert_rule_test ?? []) (a.exp_alerts?.length ? fired : quiet).add(a.alertname);
    }
    const names = [
      'MCPHighErrorRate',
      'MCPHighLatencyP95',
      'MCPHighMemory',
      'MCPServerDown',
      'MCPServerAbsent',
      'MCPRolloutFailed',
    ];
    expect([...fired].sort()).toEqual([...names].sort());
    expect([...quiet].sort()).toEqual([...names].sort());
  });

  test('the promtool tests can fail: a rule with a wrong threshold is caught', async () => {
    const rules = fs.readFileSync(path.join(dir, 'alerts.yml'), 'utf8');
    const broken = rules.replace('> 0.05', '> 0.5');
    expect(broken).not.toBe(rules);
    const bad = tmpDir('monitoring-bad');
    try {
      fs.writeFileSync(path.join(bad, 'alerts.yml'), broken);
      fs.copyFileSync(path.join(dir, 'alerts.test.yml'), path.join(bad, 'alerts.test.yml'));
      const r = await run('promtool', ['test', 'rules', path.join(bad, 'alerts.test.yml')]);
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).toContain('MCPHighErrorRate');
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });

  test('prometheus.yml discovers pods by annotation; promtool check config accepts it', async () => {
    const cfg = YAML.parse(fs.readFileSync(path.join(dir, 'prometheus.yml'), 'utf8'));
    const job = cfg.scrape_configs[0];
    expect(job.job_name).toBe(SAMPLE.crate);
    expect(job.kubernetes_sd_configs).toEqual([{ role: 'pod' }]);
    const relabel: Obj[] = job.relabel_configs;
    expect(relabel).toContainEqual({
      source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'],
      action: 'keep',
      regex: 'true',
    });
    expect(relabel.find((r) => r.target_label === '__metrics_path__')?.source_labels).toEqual([
      '__meta_kubernetes_pod_annotation_prometheus_io_path',
    ]);
    for (const l of ['namespace', 'pod']) expect(relabel.map((r) => r.target_label)).toContain(l);
    // The address rewrite (Prometheus anchors relabel regexes): IPv4 and IPv6 pod IPs with the port annotation.
    const address = relabel.filter((r) => r.target_label === '__address__');
    const rewrite = (port: string, ip: string) => {
      for (const r of address) {
        const m = new RegExp(`^(?:${r.regex})$`).exec(`${port};${ip}`);
        if (m) return String(r.replacement).replace(/\$(\d)/g, (_, i: string) => m[Number(i)]);
      }
      return undefined;
    };
    expect(rewrite('8080', '10.1.2.3')).toBe('10.1.2.3:8080');
    expect(rewrite('8080', 'fd00:10:244::1f')).toBe('[fd00:10:244::1f]:8080');
    // Debian's promtool is built without Kubernetes service discovery ("field kubernetes_sd_configs not
    // found"), so the config is checked with static targets in its place; the relabelling, rule_files and
    // everything else are checked as written.
    const checked = {
      ...cfg,
      scrape_configs: [
        { ...job, kubernetes_sd_configs: undefined, static_configs: [{ targets: ['10.1.2.3:8080'] }] },
      ],
    };
    delete checked.scrape_configs[0].kubernetes_sd_configs;
    fs.writeFileSync(path.join(dir, 'prometheus.static.yml'), YAML.stringify(checked));
    const out = await ok('promtool', ['check', 'config', path.join(dir, 'prometheus.static.yml')]);
    expect(out).toMatch(/SUCCESS/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Grafana: the dashboard, type-checked against @grafana/schema by the TypeScript compiler

/**
 * The dashboard must be assignable to @grafana/schema's Dashboard, with each panel checked against its
 * plugin's Options/FieldConfig (timeseries, stat). JSON carries string values where the schema has string
 * enums, so `Json<T>` turns every string enum into its literal values; the JSON is pasted in as an object
 * literal, which keeps literal types and excess-property checks.
 */
function typeCheckDashboard(json: string): string[] {
  const file = path.join(__dirname, '__dashboard_check__.ts');
  const source = `
import type { Dashboard, Panel, RowPanel } from '@grafana/schema';
import type * as TimeSeries from '@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen';
import type * as Stat from '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen';

type Json<T> = T extends string
  ? \`\${T}\`
  : T extends number | boolean | null | undefined
    ? T
    : T extends Array<infer U>
      ? Array<Json<U>>
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

type TypedPanel<TType extends string, TOptions, TFieldConfig> =
  Json<Omit<Panel<TOptions, TFieldConfig>, 'type' | 'options'>> & { type: TType; options: Json<TOptions> };
type TimeSeriesPanel = TypedPanel<'timeseries', TimeSeries.Options, TimeSeries.FieldConfig>;
type StatPanel = TypedPanel<'stat', Stat.Options, Record<string, unknown>>;
type CheckedDashboard = Json<Omit<Dashboard, 'panels'>> & {
  panels: Array<TimeSeriesPanel | StatPanel | Json<RowPanel>>;
};

export const dashboard: CheckedDashboard = ${json};
export const asSchema: Json<Dashboard> = dashboard;
`;
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    name === file ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? source : readFile(name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('templates: Grafana dashboard', () => {
  const text = fs.readFileSync(path.join(TEMPLATES, 'monitoring', 'dashboard.json'), 'utf8');
  const dash = JSON.parse(text);

  test('type-checks against @grafana/schema (Dashboard, timeseries and stat panel options)', () => {
    expect(typeCheckDashboard(text)).toEqual([]);
  }, 60_000);

  test('the type check fails on a wrong panel', () => {
    const bad = structuredClone(dash);
    bad.panels[4].options.legend.displayMode = 'sideways';
    bad.panels[5].gridPos.h = '8';
    const graph = structuredClone(bad.panels[6]);
    graph.type = 'graph';
    bad.panels.push(graph);
    const errors = typeCheckDashboard(JSON.stringify(bad, null, 2));
    expect(errors.join('\n')).toMatch(/sideways/);
    expect(errors.join('\n')).toMatch(/'string' is not assignable to type 'number'/);
    expect(errors.join('\n')).toMatch(/graph/);
  }, 60_000);

  test('uses the current schema version and panel types, and a datasource variable', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { defaultDashboard } = require('@grafana/schema') as typeof import('@grafana/schema');
    expect(dash.schemaVersion).toBe(defaultDashboard.schemaVersion);
    const types = new Set(dash.panels.map((p: Obj) => p.type));
    expect([...types].sort()).toEqual(['stat', 'timeseries']);
    const ds = dash.templating.list.find((v: Obj) => v.type === 'datasource');
    expect(ds).toMatchObject({ name: 'datasource', query: 'prometheus' });
    for (const p of dash.panels) {
      expect(p.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      for (const t of p.targets) expect(t.datasource.uid).toBe('${datasource}');
    }
  });

  test('has timeseries panels for request rate, p50/p95 latency, error ratio and memory', () => {
    const exprs = (p: Obj) => p.targets.map((t: Obj) => t.expr).join('\n');
    const series = dash.panels.filter((p: Obj) => p.type === 'timeseries');
    const find = (re: RegExp) => series.filter((p: Obj) => re.test(exprs(p)));
    expect(find(/rate\(mcp_tool_requests_total/)).not.toHaveLength(0);
    expect(find(/histogram_quantile\(0\.50,[\s\S]*histogram_quantile\(0\.95,/)).toHaveLength(1);
    expect(find(/mcp_tool_errors_total[^\n]*\/[^\n]*mcp_tool_requests_total/)).toHaveLength(1);
    expect(find(/process_resident_memory_bytes/)).toHaveLength(1);
  });
});
