import { createHash } from 'node:crypto';

/**
 * Cache keys for a Rust `target/` and cargo registry, built the way Swatinem/rust-cache builds them: compiled
 * artifacts are only reusable by the same compiler for the same target and profile, so those go into the key
 * prefix, and the lock file's hash ends the key. A restore falls back to the newest entry of the same prefix
 * (same toolchain, target, profile and job; any lock file), which cargo then updates incrementally.
 *
 * The reusable workflow and the GitLab template compute the same string in shell (see the `rust-cache-key`
 * steps); __tests__/cache-key.test.ts runs that shell and compares it with this function.
 */
export interface RustCacheKeyParts {
  /** The job or purpose the artifacts serve: `gates` (clippy, tests), `build` (the release binary). */
  purpose: string;
  /** Runner OS, e.g. GitHub's `runner.os` (`Linux`). */
  os: string;
  /** The full output of `rustc -vV` (release, commit hash, host, LLVM version): a new toolchain is a new key. */
  rustcVersion: string;
  /** Cargo.lock's bytes; empty when the crate has none (a library, or not generated yet). */
  lockFile: string | Buffer;
  /** Target triple, e.g. x86_64-unknown-linux-gnu. Empty means the host of `rustcVersion`. */
  target: string;
  /** Cargo profile: `dev` (check, clippy, test) or `release`. */
  profile: string;
  /**
   * Another job's key to fall back to when this one has no entry yet, e.g. the build job starting from what the
   * gates job of the same run saved (same toolchain and lock file): its registry and build-script outputs.
   */
  sharedWith?: { purpose: string; profile: string };
}

export interface RustCacheKey {
  key: string;
  /** Prefixes tried in order when `key` has no entry (actions/cache `restore-keys`). */
  restoreKeys: string[];
}

/** Bumped when the cached layout changes, so old entries are never restored into the new one. */
export const CACHE_KEY_VERSION = 'v1';

const short = (data: string | Buffer, n: number) =>
  createHash('sha256').update(data).digest('hex').slice(0, n);

/** The `host:` line of `rustc -vV`. */
export function rustcHost(rustcVersion: string): string | undefined {
  return /^host:\s*(\S+)\s*$/m.exec(rustcVersion)?.[1];
}

function clean(name: string, value: string): string {
  const v = value.trim();
  if (!/^[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*$/.test(v))
    throw new Error(`cache key part ${name} must be a plain word (letters, digits, _ . -), got '${value}'`);
  return v;
}

function prefix(p: RustCacheKeyParts, purpose: string, profile: string): string {
  const target = p.target.trim() || rustcHost(p.rustcVersion);
  if (!target) throw new Error('no target triple given and `rustc -vV` has no host: line');
  return [
    'mcp-rust',
    CACHE_KEY_VERSION,
    clean('os', p.os),
    clean('purpose', purpose),
    clean('target', target),
    clean('profile', profile),
    short(p.rustcVersion, 12),
  ].join('-');
}

function lockPart(lockFile: string | Buffer): string {
  return lockFile.length ? short(lockFile, 16) : 'nolock';
}

export function rustCacheKey(p: RustCacheKeyParts): RustCacheKey {
  const own = prefix(p, p.purpose, p.profile);
  const restoreKeys = [`${own}-`];
  if (p.sharedWith)
    restoreKeys.push(`${prefix(p, p.sharedWith.purpose, p.sharedWith.profile)}-${lockPart(p.lockFile)}`);
  return { key: `${own}-${lockPart(p.lockFile)}`, restoreKeys };
}
