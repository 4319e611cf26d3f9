// `npm run demo`: the pipeline on examples/hello-mcp with the CLI bundle: the real gates, then a plan of
// every stage (what CI would run for a release tag), which runs nothing.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cli = path.join(root, 'dist', 'cli.js');
const crate = path.join('examples', 'hello-mcp');
const have = (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;

function step(title, args) {
  process.stdout.write(`\n\x1b[1m== ${title}\x1b[0m\n$ mcp-deploy ${args.join(' ')}\n\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

if (!have('cargo')) {
  console.error('The demo runs the real cargo gates: install Rust (cargo, clippy, rustfmt) first.');
  process.exit(1);
}
const audit = have('cargo-audit') ? 'true' : 'false';
if (audit === 'false') console.log('(cargo-audit is not installed: the audit gate is left out of this demo)');

const gates = step('Gates on examples/hello-mcp (real cargo)', [
  'run',
  '--stages',
  'gates',
  '--cwd',
  crate,
  '--audit',
  audit,
]);
const plan = step('Plan of the whole pipeline for the tag v1.2.3 (nothing runs)', [
  'plan',
  '--stages',
  'gates,build,scan,deploy,verify',
  '--cwd',
  crate,
  '--ref',
  'refs/tags/v1.2.3',
  '--audit',
  audit,
  '--image',
  'ghcr.io/acme/hello-mcp',
  '--platforms',
  'linux/amd64,linux/arm64',
  '--deployments',
  'hello-mcp',
  '--namespace',
  'mcp-staging',
  '--mcp-url',
  'https://mcp.staging.example.com/mcp',
]);
process.exit(gates || plan);
