// Bundles the action and the CLI with ncc into dist/, plus the tiny per-stage entry points that the
// stage actions (gates/action.yml ...) run. Deterministic, so CI can compare dist/ with a fresh build.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const ncc = path.join(root, 'node_modules', '.bin', 'ncc');

// Entries are written by rename, never by emptying dist/ first: a test that runs dist/index.js while
// someone rebundles sees the old file or the new one, never none.
const entries = [
  ['src/index.ts', 'index'],
  ['src/post.ts', 'post'],
  ['src/cli.ts', 'cli'],
];
fs.mkdirSync(dist, { recursive: true });
for (const [entry, out] of entries) {
  const tmp = path.join(root, 'build', `ncc-${out}-${process.pid}`);
  execFileSync(ncc, ['build', entry, '-o', tmp, '--minify', '--no-source-map-register', '--license', 'licenses.txt', '-q'], {
    cwd: root,
    stdio: 'inherit',
  });
  fs.renameSync(path.join(tmp, 'index.js'), path.join(dist, `${out}.js`));
  fs.renameSync(path.join(tmp, 'licenses.txt'), path.join(dist, `${out}.licenses.txt`));
  fs.rmSync(tmp, { recursive: true, force: true });
}
const keep = new Set(entries.flatMap(([, out]) => [`${out}.js`, `${out}.licenses.txt`]));
for (const f of fs.readdirSync(dist)) if (!keep.has(f)) fs.rmSync(path.join(dist, f), { recursive: true, force: true });
fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
