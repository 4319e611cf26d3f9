// Deploy: how soon after the (simulated) cluster reports a rollout complete does the deploy stage notice?
// Runs the CLI bundle (`dist/cli.js run --stages deploy`) against the k8s simulator N times, alternating
// two digests, and compares the simulator's completion time with the moment the stage's
// "<name> rolled out" line reaches us. Usage: node scripts/bench/deploy.mjs [rounds]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmtMs, median, ROOT, table } from './lib.mjs';

const rounds = Number(process.argv[2] || 10);
const require = createRequire(import.meta.url);
const ts = require('typescript');

// The simulator is TypeScript in the test harness: transpile it where its imports resolve.
const src = fs.readFileSync(path.join(ROOT, '__tests__/support/k8s-sim.ts'), 'utf8');
const cacheDir = path.join(ROOT, 'node_modules/.cache');
fs.mkdirSync(cacheDir, { recursive: true });
const mod = path.join(cacheDir, `k8s-sim-bench-${process.pid}.mjs`);
fs.writeFileSync(
  mod,
  ts.transpileModule(src, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  }).outputText,
);
const { startK8sSim } = await import(pathToFileURL(mod).href);
fs.rmSync(mod);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-deploy-'));
const sim = await startK8sSim({ token: 'bench-token-0123456789' });
const kubeconfig = sim.kubeconfig({ context: 'bench' });
const kcFile = sim.writeKubeconfig(work, { context: 'bench' });
const ref = (c) => `ghcr.io/acme/hello-mcp@sha256:${c.repeat(64)}`;

// spawnSync would freeze the simulator, which answers from this process: kubectl runs async below.
async function kubectlAsync(args, input) {
  await new Promise((resolve, reject) => {
    const c = spawn('kubectl', ['--kubeconfig', kcFile, ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (d) => (err += d));
    c.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`kubectl ${args.join(' ')}: ${err}`)),
    );
    c.stdin.end(input ?? '');
  });
}

await kubectlAsync(
  ['apply', '--validate=false', '-f', '-'],
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: hello-mcp, namespace: default}
spec:
  replicas: 2
  selector: {matchLabels: {app: hello-mcp}}
  template:
    metadata: {labels: {app: hello-mcp}}
    spec:
      containers: [{name: server, image: "${ref('0')}"}]
`,
);
await kubectlAsync(['rollout', 'status', 'deployment/hello-mcp', '--timeout=60s']);

/** One deploy through the CLI bundle; resolves with when its "rolled out" line arrived and the run's total. */
function deployOnce(image) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'dist/cli.js'),
        'run',
        '--stages',
        'deploy',
        '--cwd',
        work,
        '--workspace',
        work,
        '--namespace',
        'default',
        '--deployments',
        'hello-mcp',
        '--image-ref',
        image,
      ],
      {
        env: { ...process.env, MCP_KUBECONFIG: kubeconfig, GITHUB_ACTIONS: '', GITLAB_CI: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let noticed;
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (noticed === undefined && /hello-mcp rolled out in/.test(out)) noticed = Date.now();
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      if (code !== 0 || noticed === undefined)
        reject(new Error(`deploy exited ${code}:\n${out.slice(-3000)}`));
      const revision = /output revision: (\d+)/.exec(out)?.[1];
      resolve({ noticed, revision, totalMs: Date.now() - started });
    });
  });
}

const lag = [];
const total = [];
for (let i = 0; i < rounds; i++) {
  const r = await deployOnce(ref(i % 2 ? '1' : '2'));
  const done = sim.completions.filter((c) => c.name === 'hello-mcp' && c.revision === r.revision).pop();
  if (!done) throw new Error(`the simulator recorded no completion of revision ${r.revision}`);
  lag.push(r.noticed - done.at);
  total.push(r.totalMs);
}
await sim.stop();
fs.rmSync(work, { recursive: true, force: true });

const max = Math.max(...lag);
process.stdout.write(`## deploy: rollout completion noticed

The deploy stage waits with \`kubectl rollout status\` (a watch). Measured: the time from the Kubernetes
simulator writing the complete rollout status (its recorded completion time) to the stage's
"rolled out" line reaching the caller, over ${rounds} rollouts of a 2-replica deployment through the
CLI bundle with the real kubectl. Target: within 1 s.

${table(
  ['Measure', 'Median', 'Max', `Within 1 s`],
  [
    [
      'completion → noticed',
      fmtMs(median(lag)),
      fmtMs(max),
      max <= 1000 ? `yes (${rounds}/${rounds})` : `no (${lag.filter((x) => x <= 1000).length}/${rounds})`,
    ],
    [
      'whole deploy run (connect, set image, wait, read back)',
      fmtMs(median(total)),
      fmtMs(Math.max(...total)),
      '',
    ],
  ],
)}

\`node scripts/bench/deploy.mjs ${rounds}\` (needs \`npm run bundle\` first and kubectl on PATH)
`);
