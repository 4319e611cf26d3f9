// Bundles the action, its post step, the stage actions and the CLI with ncc into dist/: one bundle
// (dist/index.js and the chunks it loads on use) and thin wrappers that require it (cli.js, post.js,
// <stage>.js). Deterministic, so CI can compare dist/ with a fresh build. Type errors are caught by
// `npm run build` (tsc --noEmit), so ncc only transpiles.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const ncc = path.join(root, 'node_modules', '.bin', 'ncc');
// Outside dist/ so that a test running dist/ never sees a half-written bundle (files move in by rename).
const tmp = path.join(root, 'node_modules', '.cache', `mcp-deploy-ncc-${process.pid}`);

execFileSync(
  ncc,
  [
    'build',
    'src/index.ts',
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
  { cwd: root, stdio: 'inherit' },
);

const wrappers = {
  'cli.js':
    "#!/usr/bin/env node\n// The mcp-deploy command: the bundle runs the CLI when started through this file.\nrequire('./index.js');\n",
  'post.js':
    "// The action's post step: the bundle runs the cleanups when started through this file.\nrequire('./index.js');\n",
};
// One tiny entry per stage for the stage actions (gates/action.yml: `main: ../dist/gates.js`): it names
// its stage and runs the same bundle, so the five actions cost no extra bundle size.
for (const stage of ['gates', 'build', 'scan', 'deploy', 'verify'])
  wrappers[`${stage}.js`] =
    `// The ${stage} stage action (${stage}/action.yml): the full action's bundle, limited to this stage.\n` +
    `process.env.MCP_DEPLOY_STAGES = '${stage}';\nrequire('./index.js');\n`;

// Files are moved in by rename, never by emptying dist/ first: a test that runs dist/index.js while
// someone rebundles sees the old file or the new one, never none.
fs.mkdirSync(dist, { recursive: true });
const built = fs.readdirSync(tmp);
for (const f of built) fs.renameSync(path.join(tmp, f), path.join(dist, f));
fs.rmSync(tmp, { recursive: true, force: true });
for (const [f, text] of Object.entries(wrappers)) fs.writeFileSync(path.join(dist, f), text);
fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
const keep = new Set([...built, ...Object.keys(wrappers)]);
for (const f of fs.readdirSync(dist))
  if (!keep.has(f)) fs.rmSync(path.join(dist, f), { recursive: true, force: true });
