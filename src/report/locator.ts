import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where a file named in tool output is in the checkout. Tools name files absolute (rustfmt) or relative to
 * a directory of their own (rustc: the cargo workspace root); annotations want them relative to the
 * repository checkout, so every path goes through a `Locator`.
 */
export interface Locator {
  /** Absolute path of a file named in tool output, or undefined when it cannot be found. */
  resolve(file: string, hintDir?: string): string | undefined;
  /** Path relative to the workspace (the checkout), '/' separated. */
  relative(abs: string): string;
}

export function fsLocator(
  workspace: string,
  cwd: string,
  exists: (p: string) => boolean = fs.existsSync,
): Locator {
  return {
    resolve(file, hintDir) {
      if (path.isAbsolute(file)) return file;
      // rustc names files relative to the cargo workspace root, an ancestor of the package: walk up.
      for (let dir = hintDir ?? cwd; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, file);
        if (exists(candidate)) return candidate;
        if (dir === path.dirname(dir) || !dir.startsWith(workspace)) break;
      }
      return undefined;
    },
    relative(abs) {
      return path.relative(workspace, abs).split(path.sep).join('/');
    },
  };
}

/** The checkout-relative path of `file` when it can be found, else `file` as the tool named it. */
export function locate(loc: Locator, file: string, hintDir?: string): string {
  const abs = loc.resolve(file, hintDir);
  return abs ? loc.relative(abs) : file;
}
