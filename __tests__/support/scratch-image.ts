import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Images made from this host, for registries and engines that cannot reach Docker Hub: a root filesystem
 * with the shared libraries a binary needs (as `ldd` lists them: glibc, libgcc_s, the loader), /etc/passwd
 * and /etc/group with the distroless `nonroot` user 65532, /tmp, and optionally the binary itself, loaded
 * with `docker import`. The same recipe as the runtime base stand-in of templates.test.ts.
 */

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Run> {
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
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0;
        resolve({
          code,
          stdout: String(stdout),
          stderr: String(stderr) || (err && !stderr ? err.message : ''),
        });
      },
    );
  });
}

export async function ok(cmd: string, args: string[], opts: Parameters<typeof run>[2] = {}): Promise<string> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}):\n${r.stderr.slice(-4000)}`);
  return r.stdout;
}

export interface ScratchImageOptions {
  /** Copied to /usr/local/bin/<basename> and made the entrypoint. */
  binary?: string;
  /** A binary whose libraries go into the image without the binary itself (a runtime base). */
  librariesOf?: string;
  user?: string;
  env?: Record<string, string>;
  exposedPort?: number;
}

/** `docker import`s a scratch-based image under `tag` (on the engine that `env` points at). */
export async function importScratchImage(
  work: string,
  env: NodeJS.ProcessEnv,
  tag: string,
  o: ScratchImageOptions,
): Promise<void> {
  const source = o.binary ?? o.librariesOf;
  if (!source) throw new Error('importScratchImage: binary or librariesOf is required');
  const rootfs = fs.mkdtempSync(path.join(work, 'rootfs-'));
  for (const lib of (await ok('ldd', [source])).match(/\/\S+/g) ?? []) {
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
  const changes: string[] = [];
  if (o.binary) {
    const dest = path.join(rootfs, 'usr', 'local', 'bin', path.basename(o.binary));
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(o.binary, dest);
    fs.chmodSync(dest, 0o755);
    changes.push(`ENTRYPOINT ["/usr/local/bin/${path.basename(o.binary)}"]`);
  }
  if (o.user) changes.push(`USER ${o.user}`);
  for (const [k, v] of Object.entries(o.env ?? {})) changes.push(`ENV ${k}=${v}`);
  if (o.exposedPort) changes.push(`EXPOSE ${o.exposedPort}`);
  const tar = path.join(work, `${path.basename(rootfs)}.tar`);
  await ok('tar', ['-C', rootfs, '--owner=0', '--group=0', '-cf', tar, '.']);
  await ok('docker', ['import', ...changes.flatMap((c) => ['--change', c]), tar, tag], { env });
  fs.rmSync(rootfs, { recursive: true, force: true });
  fs.rmSync(tar, { force: true });
}

/** Tags and pushes a local image to `<registry>/<repo>:<tag>`; returns the by-digest reference. */
export async function pushImage(
  env: NodeJS.ProcessEnv,
  local: string,
  registryHost: string,
  repo: string,
  tag: string,
): Promise<{ ref: string; digest: string }> {
  const remote = `${registryHost}/${repo}:${tag}`;
  await ok('docker', ['tag', local, remote], { env });
  const out = await ok('docker', ['push', remote], { env, timeoutMs: 300_000 });
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1];
  if (!digest) throw new Error(`docker push ${remote}: no digest in its output:\n${out}`);
  return { ref: `${registryHost}/${repo}@${digest}`, digest };
}
