import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A base image made from this Debian host, for builds that cannot pull (no registry is reachable here):
 * the files of the given Debian packages and of everything they depend on (dpkg), plus single executables
 * (e.g. the running Node, which need not come from a Debian package) with the libraries `ldd` lists,
 * imported with `docker import`. The way templates.test.ts makes its Rust builder, for any set of packages.
 */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { env, maxBuffer: 64 << 20, timeout: 600_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd} ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout),
    ),
  );
}

async function closure(packages: string[]): Promise<Set<string>> {
  const query = (args: string[]) => run('dpkg-query', args).catch(() => '');
  const installed = async (p: string) =>
    (await query(['-W', '-f=${Status}', p])).includes('install ok installed');
  const seen = new Set<string>();
  const stack = [...packages];
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
  return seen;
}

export async function importHostImage(opts: {
  work: string;
  env: NodeJS.ProcessEnv;
  tag: string;
  packages: string[];
  /** Executables copied to /usr/local/bin/<name>, with their shared libraries. */
  binaries?: Record<string, string>;
  /** Dockerfile instructions for `docker import --change`. */
  changes?: string[];
}): Promise<void> {
  const files = new Set<string>();
  for (const p of await closure(opts.packages)) {
    for (const f of (await run('dpkg', ['-L', p])).split('\n')) {
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
  const list = path.join(opts.work, `${opts.tag.replace(/\W/g, '_')}-files.txt`);
  fs.writeFileSync(list, [...files].sort().join('\n') + '\n');
  const extra = path.join(opts.work, `${opts.tag.replace(/\W/g, '_')}-extra`);
  for (const d of ['usr/bin', 'usr/local/bin', 'etc', 'tmp', 'root'])
    fs.mkdirSync(path.join(extra, d), { recursive: true });
  fs.chmodSync(path.join(extra, 'tmp'), 0o1777);
  for (const d of ['bin', 'lib', 'lib64', 'sbin']) fs.symlinkSync(`usr/${d}`, path.join(extra, d));
  fs.writeFileSync(path.join(extra, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  fs.writeFileSync(path.join(extra, 'etc/group'), 'root:x:0:\n');
  for (const [name, exe] of Object.entries(opts.binaries ?? {})) {
    fs.copyFileSync(fs.realpathSync(exe), path.join(extra, 'usr/local/bin', name));
    fs.chmodSync(path.join(extra, 'usr/local/bin', name), 0o755);
    for (const lib of (await run('ldd', [exe])).match(/\/\S+/g) ?? []) {
      const real = path.join(fs.realpathSync(path.dirname(lib)), path.basename(lib));
      const dest = path.join(extra, real);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(fs.realpathSync(lib), dest);
    }
  }
  const tar = path.join(opts.work, `${opts.tag.replace(/\W/g, '_')}.tar`);
  await run('tar', ['-C', '/', '-cf', tar, '-T', list]);
  await run('tar', ['-C', extra, '-rf', tar, '.']);
  await run(
    'docker',
    [
      'import',
      '--change',
      'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      ...(opts.changes ?? []).flatMap((c) => ['--change', c]),
      tar,
      opts.tag,
    ],
    opts.env,
  );
  fs.rmSync(tar, { force: true });
}
