import * as tc from '@actions/tool-cache';
import { HttpClient } from '@actions/http-client';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ActionError, errorMessage } from '../errors';
import { exec } from '../exec';
import type { InputReader } from '../inputs';
import { log } from '../report/log';
import { DOWNLOAD_POLICY, retry, type RetryPolicy } from '../retry';
import { which } from './path';
import { PINNED, type ToolName, type ToolPlatform, type ToolTable } from './pinned';

export interface EnsureOptions {
  /** Defaults to the table's version. */
  version?: string;
  /** Required when the table has no digest for this version and platform. */
  sha256?: string;
  /**
   * Base address that replaces the official one: the asset is fetched from
   * `<mirror>/<tool>/<version>/<asset file name>`. Defaults to the `tools-mirror` input.
   */
  mirror?: string;
  /** Tests install from their own release server with their own digests. */
  table?: ToolTable;
  /** A tool on PATH at the wanted version is used as is (default true). */
  usePath?: boolean;
  retry?: RetryPolicy;
  platform?: ToolPlatform;
}

export function currentPlatform(platform = process.platform, arch = process.arch): ToolPlatform {
  if (platform === 'linux' && arch === 'x64') return 'linux-x64';
  if (platform === 'linux' && arch === 'arm64') return 'linux-arm64';
  throw new ActionError(
    `no pinned tools for ${platform}/${arch}`,
    undefined,
    'run on a Linux x64 or arm64 runner, or put the tool on PATH at the pinned version',
  );
}

/** The first x.y.z in a tool's version output ("Version: 0.69.3", "Client Version: v1.32.4-dispatcher"). */
export function versionIn(output: string): string | undefined {
  return /(\d+\.\d+\.\d+)/.exec(output)?.[1];
}

export function assetUrl(
  name: ToolName,
  version: string,
  p: ToolPlatform,
  mirror: string,
  table: ToolTable,
): string {
  const spec = table[name];
  if (!mirror) return spec.url(version, p);
  return `${mirror.replace(/\/+$/, '')}/${name}/${version}/${spec.asset(version, p)}`;
}

/** The `tools-mirror` input, read by every stage that installs a tool. */
export function readToolsMirror(r: InputReader): string {
  const mirror = r.string('tools-mirror');
  if (mirror && !/^https?:\/\/[^\s]+$/.test(mirror))
    throw new ActionError(
      `'${mirror}' is not an http(s) address`,
      'tools-mirror',
      'use e.g. https://artifacts.example.com/tools',
    );
  return mirror;
}

/** @actions/tool-cache needs these; the CLI and GitLab jobs have no runner to set them. */
function ensureRunnerDirs(): void {
  process.env.RUNNER_TOOL_CACHE ||= path.join(os.homedir(), '.cache', 'mcp-deploy', 'tools');
  process.env.RUNNER_TEMP ||= os.tmpdir();
}

const inflight = new Map<string, Promise<string>>();

/**
 * The absolute path of the tool's executable at the pinned (or asked) version: from PATH when it is
 * already there at that version, else from the tool cache, else downloaded, verified against its sha256
 * before anything is unpacked, and cached.
 */
export function ensureTool(name: ToolName, opts: EnsureOptions = {}): Promise<string> {
  const table = opts.table ?? PINNED;
  const version = (opts.version || table[name].version).replace(/^v/, '');
  const key = `${name}@${version}`;
  let p = inflight.get(key);
  if (!p) {
    p = resolveTool(name, version, table, opts).finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}

async function resolveTool(
  name: ToolName,
  version: string,
  table: ToolTable,
  opts: EnsureOptions,
): Promise<string> {
  const spec = table[name];
  if (opts.usePath !== false) {
    const onPath = which(name);
    if (onPath) {
      const found = await versionOf(onPath, spec.versionArgs);
      if (found === version) {
        log.info(`${name} ${version}: using ${onPath}`);
        return onPath;
      }
      log.info(
        `${name} on PATH (${onPath}) is ${found ?? 'of an unknown version'}, not ${version}: installing ${version}`,
      );
    }
  }
  ensureRunnerDirs();
  const cached = tc.find(name, version);
  if (cached && fs.existsSync(path.join(cached, name))) {
    log.info(`${name} ${version}: from the tool cache (${cached})`);
    return path.join(cached, name);
  }

  const platform = opts.platform ?? currentPlatform();
  const expected = (opts.sha256 || spec.sha256[version]?.[platform] || '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(expected))
    throw new ActionError(
      expected
        ? `'${expected}' is not a sha256 digest`
        : `no pinned sha256 for ${name} ${version} on ${platform}`,
      `${name}-sha256`,
      `give the sha256 of ${spec.asset(version, platform)} from the release's published checksums, or use ${name} ${spec.version}`,
    );
  const mirror = opts.mirror ?? '';
  const url = assetUrl(name, version, platform, mirror, table);
  const work = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP!, `${name}-`));
  try {
    const file = path.join(work, spec.asset(version, platform));
    const started = Date.now();
    const actual = await download(url, file, opts.retry ?? DOWNLOAD_POLICY);
    if (actual !== expected)
      throw new ActionError(
        `checksum mismatch for ${name} ${version} (${url}): expected sha256 ${expected}, got ${actual}; nothing was unpacked or run`,
        mirror ? 'tools-mirror' : opts.sha256 ? `${name}-sha256` : undefined,
        mirror
          ? 'make the mirror serve the official release asset unchanged'
          : 'retry; if it persists, the release asset differs from the one pinned: do not use it',
      );
    log.info(
      `${name} ${version}: downloaded ${url} in ${Date.now() - started} ms, sha256 ${actual} verified`,
    );

    const stage = path.join(work, 'stage');
    fs.mkdirSync(stage);
    const exe = path.join(stage, name);
    const member = spec.member?.(version, platform);
    if (member) {
      const unpacked = path.join(work, 'unpacked');
      fs.mkdirSync(unpacked);
      const r = await exec(['tar', '-xzf', file, '-C', unpacked, member], { echo: false });
      if (r.exitCode !== 0)
        throw new Error(
          `${name} ${version}: ${spec.asset(version, platform)} has no ${member}: ${r.stderr.trim()}`,
        );
      fs.renameSync(path.join(unpacked, member), exe);
    } else {
      fs.renameSync(file, exe);
    }
    fs.chmodSync(exe, 0o755);
    const dir = await tc.cacheDir(stage, name, version);
    return path.join(dir, name);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function versionOf(exe: string, args: string[]): Promise<string | undefined> {
  try {
    const r = await exec([exe, ...args], { echo: false, timeoutMs: 30_000 });
    return versionIn(`${r.stdout}\n${r.stderr}`);
  } catch {
    return undefined;
  }
}

class StatusError extends Error {
  constructor(
    readonly status: number,
    url: string,
  ) {
    super(`HTTP ${status} from ${url}`);
  }
}

// Worth another try: the server or the network hiccuped. A 404 or an unknown host will not get better.
function transient(e: unknown): boolean {
  if (e instanceof StatusError) return e.status >= 500 || e.status === 408 || e.status === 429;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return (
    ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ESOCKETTIMEDOUT'].includes(code) ||
    /socket hang up|timeout/i.test(errorMessage(e))
  );
}

/** Streams `url` into `dest` (0600, never executable) and returns its sha256; retries transient failures. */
async function download(url: string, dest: string, policy: RetryPolicy): Promise<string> {
  try {
    return await retry(
      policy,
      async () => {
        try {
          return await downloadOnce(url, dest);
        } catch (e) {
          fs.rmSync(dest, { force: true });
          throw e;
        }
      },
      transient,
      (e, attempt, wait) =>
        log.info(
          `download of ${url} failed (${errorMessage(e)}), attempt ${attempt}/${policy.attempts}; retrying in ${wait} ms`,
        ),
    );
  } catch (e) {
    throw new Error(`download of ${url} failed: ${errorMessage(e)}`);
  }
}

async function downloadOnce(url: string, dest: string): Promise<string> {
  // The http-client of @actions/tool-cache: it follows the release redirects and honours https_proxy.
  const client = new HttpClient('mcp-deploy-action', [], { allowRetries: false, socketTimeout: 120_000 });
  try {
    const res = await client.get(url);
    if (res.message.statusCode !== 200) {
      res.message.resume();
      throw new StatusError(res.message.statusCode ?? 0, url);
    }
    const hash = createHash('sha256');
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(res.message, tap, fs.createWriteStream(dest, { mode: 0o600 }));
    return hash.digest('hex');
  } finally {
    client.dispose();
  }
}
