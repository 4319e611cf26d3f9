import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Debian's docker-registry (distribution 2.8) on 127.0.0.1 with its storage in a temp dir, optionally behind
 * htpasswd auth (bcrypt, as `htpasswd -Bbn` writes it). Plain HTTP: docker and buildx allow loopback
 * registries without TLS.
 *
 *   const reg = await startRegistry({ auth: { username: 'ci', password: 's3cret' } });
 *   ... push to `${reg.host}/team/app` ...
 *   await reg.stop();
 */
export interface Registry {
  /** 127.0.0.1:<port> */
  host: string;
  dir: string;
  /** GET against the registry API with the auth header if any (e.g. `/v2/team/app/tags/list`). */
  fetch(pathname: string, init?: RequestInit): Promise<Response>;
  /** The manifest (index) a tag or digest resolves to, with the digest the registry computes for it. */
  manifest(repo: string, reference: string): Promise<{ digest: string; mediaType: string; body: Manifest }>;
  stop(): Promise<void>;
}

export interface Manifest {
  mediaType?: string;
  manifests?: {
    digest: string;
    mediaType: string;
    platform?: { os: string; architecture: string; variant?: string };
  }[];
  config?: { digest: string };
  layers?: { digest: string }[];
}

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitUp(url: string, ms: number, exited: () => string | undefined): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const why = exited();
    if (why) throw new Error(why);
    try {
      const r = await fetch(url);
      if (r.status === 200 || r.status === 401) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`registry did not answer at ${url} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startRegistry(
  opts: { auth?: { username: string; password: string } } = {},
): Promise<Registry> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const auth = opts.auth;
  let authYaml = '';
  if (auth) {
    const line = execFileSync('htpasswd', ['-Bbn', auth.username, auth.password], {
      encoding: 'utf8',
    }).trim();
    fs.writeFileSync(path.join(dir, 'htpasswd'), `${line}\n`);
    authYaml = `auth:\n  htpasswd:\n    realm: test\n    path: ${path.join(dir, 'htpasswd')}\n`;
  }
  fs.writeFileSync(
    path.join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${host}\n${authYaml}`,
  );
  const logFd = fs.openSync(path.join(dir, 'registry.log'), 'a');
  const child = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', logFd, logFd],
    detached: true,
  });
  fs.closeSync(logFd);
  let exited: string | undefined;
  child.on('exit', (code) => {
    exited = `docker-registry exited with ${code}: ${fs.readFileSync(path.join(dir, 'registry.log'), 'utf8').slice(-2000)}`;
  });
  child.unref();
  const killIt = () => {
    try {
      process.kill(child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.once('exit', killIt);
  const stop = async () => {
    process.removeListener('exit', killIt);
    if (!exited) {
      let timer: NodeJS.Timeout | undefined;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      killIt();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUp(`http://${host}/v2/`, 15_000, () => exited);
  } catch (e) {
    await stop();
    throw e;
  }
  const authHeader: Record<string, string> = auth
    ? { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` }
    : {};
  const get = (pathname: string, init: RequestInit = {}) =>
    fetch(`http://${host}${pathname}`, {
      ...init,
      headers: { ...authHeader, ...(init.headers as Record<string, string>) },
    });
  return {
    host,
    dir,
    fetch: get,
    async manifest(repo, reference) {
      const r = await get(`/v2/${repo}/manifests/${reference}`, { headers: { Accept: ACCEPT } });
      if (r.status !== 200) throw new Error(`${repo}:${reference}: HTTP ${r.status} ${await r.text()}`);
      const body = (await r.json()) as Manifest;
      return {
        digest: r.headers.get('docker-content-digest') ?? '',
        mediaType: r.headers.get('content-type') ?? '',
        body,
      };
    },
    stop,
  };
}
