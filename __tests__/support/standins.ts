import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Puts a stand-in executable (see standin-*.js: they answer like the real CLIs, which cannot be installed
 * here) into `binDir` under the tool's own name, and returns a PATH with `binDir` first.
 */
export function installStandin(binDir: string, tool: 'trivy' | 'cargo-audit'): string {
  fs.mkdirSync(binDir, { recursive: true });
  const target = path.join(binDir, tool);
  fs.copyFileSync(path.join(__dirname, `standin-${tool}.js`), target);
  fs.chmodSync(target, 0o755);
  return `${binDir}${path.delimiter}${process.env.PATH ?? ''}`;
}

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
