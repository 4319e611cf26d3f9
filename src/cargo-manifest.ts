import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionError } from './errors';

// smol-toml ships CommonJS (dist/index.cjs) but declares its types as ESM only; the types come from the
// ESM declaration, the code from the CommonJS build that this CommonJS module (and the bundle) loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TOML: typeof import('smol-toml', { with: { 'resolution-mode': 'import' } }) = require('smol-toml');

/** The parts of Cargo.toml this project reads. Fields inherited from a workspace (`x.workspace = true`) are not strings. */
export interface CargoManifest {
  package?: {
    name?: unknown;
    description?: unknown;
    license?: unknown;
    autobins?: unknown;
    /** The workspace root's directory, when it is not the nearest ancestor with [workspace]. */
    workspace?: unknown;
  };
  bin?: { name?: unknown; path?: unknown }[];
  /** Present on a workspace root. */
  workspace?: unknown;
}

/** Parses Cargo.toml; a file cargo could not read either is one line naming the input that led to it. */
export function readManifest(text: string, input = 'working-directory'): CargoManifest {
  try {
    return TOML.parse(text) as CargoManifest;
  } catch (e) {
    throw new ActionError(
      `Cargo.toml is not valid TOML: ${(e as Error).message.split('\n')[0]}`,
      input,
      'fix Cargo.toml (cargo metadata shows the same error)',
    );
  }
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The directory of the workspace a crate belongs to, as cargo finds it: `package.workspace` if set, else
 * the nearest directory from the crate upwards whose Cargo.toml has [workspace]. The search stops at
 * `stopAt` (the checkout), so nothing outside the repository is read; a crate in no workspace is its own.
 * Cargo.lock is written there, for every member.
 */
export function workspaceRoot(crateDir: string, stopAt: string): string {
  const manifest = (dir: string) => {
    const file = path.join(dir, 'Cargo.toml');
    return fs.existsSync(file) ? readManifest(fs.readFileSync(file, 'utf8')) : undefined;
  };
  const explicit = str(manifest(crateDir)?.package?.workspace);
  if (explicit) return path.resolve(crateDir, explicit);
  for (let dir = crateDir; ; dir = path.dirname(dir)) {
    if (manifest(dir)?.workspace !== undefined) return dir;
    if (dir === stopAt || path.relative(stopAt, dir).startsWith('..') || dir === path.dirname(dir))
      return crateDir;
  }
}
