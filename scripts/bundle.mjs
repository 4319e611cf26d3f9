// Bundles the action and the CLI with ncc into dist/, plus the tiny per-stage entry points that the
// stage actions (gates/action.yml ...) run. Deterministic, so CI can compare dist/ with a fresh build.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const ncc = path.join(root, 'node_modules', '.bin', 'ncc');

fs.rmSync(dist, { recursive: true, force: true });
for (const [entry, out] of [
  ['src/index.ts', 'index'],
  ['src/cli.ts', 'cli'],
]) {
  const tmp = path.join(root, 'build', `ncc-${out}`);
  execFileSync(ncc, ['build', entry, '-o', tmp, '--minify', '--no-source-map-register', '--license', 'licenses.txt', '-q'], {
    cwd: root,
    stdio: 'inherit',
  });
  fs.mkdirSync(dist, { recursive: true });
  fs.renameSync(path.join(tmp, 'index.js'), path.join(dist, `${out}.js`));
  fs.renameSync(path.join(tmp, 'licenses.txt'), path.join(dist, `${out}.licenses.txt`));
  fs.rmSync(tmp, { recursive: true, force: true });
}
fs.writeFileSync(path.join(dist, 'cli.js'), '#!/usr/bin/env node\n' + fs.readFileSync(path.join(dist, 'cli.js'), 'utf8').replace(/^#!.*\n/, ''));
fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
