import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Base images made from this host's files, since no registry outside 127.0.0.1 is reachable: a stand-in for
 * gcr.io/distroless/cc-debian12 (the runtime) and for rust:1.95-bookworm (the builder). The same recipes as
 * __tests__/templates.test.ts (DESIGN.md §4: a runtime base without pulling), shared here by the
 * binary-source test and scripts/bench/rustbuild.mjs.
 */
type Env = NodeJS.ProcessEnv;

function ok(cmd: string, args: string[], opts: { env?: Env; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      cmd,
      args,
      { env: opts.env ?? process.env, timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 << 20 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`${cmd} ${args.join(' ')} failed:\n${stdout}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

/**
 * The binary's shared libraries as `ldd` lists them (glibc, libgcc_s, the loader), /etc/passwd with the
 * distroless `nonroot` user 65532, and /tmp, imported with `docker import` as `tag`.
 */
export async function importRuntimeBase(binary: string, work: string, env: Env, tag: string): Promise<void> {
  const rootfs = path.join(work, 'base-rootfs');
  for (const lib of (await ok('ldd', [binary])).match(/\/\S+/g) ?? []) {
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
  fs.rmSync(tar, { force: true });
}

/**
 * rust:1.95-bookworm made from this Debian host: the files of gcc, binutils, libc6-dev, dash, coreutils, bash
 * and their installed dependencies (dpkg), plus the host's Rust toolchain (`rustc --print sysroot`) at
 * /usr/local/rustup with cargo/rustc on PATH through /usr/local/cargo/bin as in the official image (~1 GB).
 */
export async function importRustBuilder(work: string, env: Env, tag: string): Promise<void> {
  const query = (args: string[]) => ok('dpkg-query', args).catch(() => '');
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
      // Merged /usr: /bin, /lib, /lib64 are symlinks; store every file under its real directory.
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
