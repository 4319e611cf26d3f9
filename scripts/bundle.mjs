// Bundles the action and the CLI with ncc into dist/, plus the tiny per-stage entry points that the
// stage actions (gates/action.yml ...) run. Deterministic, so CI can compare dist/ with a fresh build.
// Type errors are caught by `npm run build` (tsc --noEmit), so ncc only transpiles.
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
  // Not under build/: that is the build stage action's directory (build/action.yml).
  const tmp = path.join(root, 'node_modules', '.cache', `mcp-deploy-ncc-${out}-${process.pid}`);
  execFileSync(
    ncc,
    [
      'build',
      entry,
      '-o',
      tmp,
      '--minify',
      '--transpile-only',
      '--target',
      'es2022',
      '--no-source-map-register',
      '--license',
      'licenses.txt',
      '-q',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  fs.renameSync(path.join(tmp, 'index.js'), path.join(dist, `${out}.js`));
  fs.renameSync(path.join(tmp, 'licenses.txt'), path.join(dist, `${out}.licenses.txt`));
  fs.rmSync(tmp, { recursive: true, force: true });
}
// One tiny entry per stage for the stage actions (gates/action.yml: `main: ../dist/gates.js`): it names
// its stage and runs the same bundle, so the five actions cost no extra bundle size.
const STAGES = ['gates', 'build', 'scan', 'deploy', 'verify'];
for (const stage of STAGES)
  fs.writeFileSync(
    path.join(dist, `${stage}.js`),
    `// The ${stage} stage action (${stage}/action.yml): the full action's bundle, limited to this stage.\n` +
      `process.env.MCP_DEPLOY_STAGES = '${stage}';\nrequire('./index.js');\n`,
  );
const keep = new Set([
  ...entries.flatMap(([, out]) => [`${out}.js`, `${out}.licenses.txt`]),
  ...STAGES.map((s) => `${s}.js`),
]);
for (const f of fs.readdirSync(dist))
  if (!keep.has(f)) fs.rmSync(path.join(dist, f), { recursive: true, force: true });
fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
