import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

/**
 * A release server on 127.0.0.1 for the tool installer: serves files by path, can answer a scripted
 * sequence of statuses first (a 500 before the 200), and records every request.
 */
export interface ReleaseServer {
  base: string;
  requests: string[];
  /** Serve `body` at `urlPath`; `failFirst` statuses are answered, in order, before it. */
  serve(urlPath: string, body: Buffer, failFirst?: number[]): void;
  close(): Promise<void>;
}

export async function startReleaseServer(): Promise<ReleaseServer> {
  const files = new Map<string, { body: Buffer; failures: number[] }>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    // A mirror stores assets under their plain names; decode as a static file server would.
    const p = decodeURIComponent((req.url ?? '/').split('?')[0]);
    requests.push(p);
    const f = files.get(p);
    if (!f) {
      res.writeHead(404).end('not found');
      return;
    }
    const status = f.failures.shift();
    if (status) {
      res.writeHead(status).end(`scripted ${status}`);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.body.length });
    res.end(f.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    serve: (urlPath, body, failFirst = []) => files.set(urlPath, { body, failures: [...failFirst] }),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/**
 * A real gzipped tarball holding an executable shell script at `member` that prints `versionLine`, built
 * with the system tar the way release archives are.
 */
export function makeTarball(workDir: string, member: string, versionLine: string): Buffer {
  const root = fs.mkdtempSync(path.join(workDir, 'tarball-'));
  const exe = path.join(root, member);
  fs.mkdirSync(path.dirname(exe), { recursive: true });
  fs.writeFileSync(exe, `#!/bin/sh\necho '${versionLine}'\n`, { mode: 0o755 });
  const out = path.join(workDir, `${path.basename(root)}.tar.gz`);
  execFileSync('tar', ['-czf', out, '-C', root, member.split('/')[0]]);
  return fs.readFileSync(out);
}

/** Every regular file under `dir` with an execute bit. */
export function executablesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
    if (e.isFile() && fs.statSync(full).mode & 0o111) out.push(full);
  }
  return out;
}
