// Start the k8s simulator for manual kubectl experiments: prints the kubeconfig path, logs requests.
// Usage: node scripts/k8s-sim-run.mjs [dir]   (SIM_TOKEN=... serves HTTPS and requires the token; POD_READY_MS=...)
// The TypeScript is transpiled on the fly with the installed compiler into node_modules/.cache (so imports resolve).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
const require = createRequire(import.meta.url);
const ts = require('typescript');
const here = path.dirname(new URL(import.meta.url).pathname);
const src = fs.readFileSync(path.join(here, '../__tests__/support/k8s-sim.ts'), 'utf8');
const out = ts.transpileModule(src, {
  compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
}).outputText;
const dir = process.argv[2] || fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-sim-'));
fs.mkdirSync(dir, { recursive: true });
const cacheDir = path.join(here, '../node_modules/.cache');
fs.mkdirSync(cacheDir, { recursive: true });
const mod = path.join(cacheDir, `k8s-sim-run-${process.pid}.mjs`);
fs.writeFileSync(mod, out);
const { startK8sSim } = await import(pathToFileURL(mod).href);
fs.rmSync(mod);
const sim = await startK8sSim({
  podReadyMs: Number(process.env.POD_READY_MS || 150),
  token: process.env.SIM_TOKEN || undefined,
});
const kc = sim.writeKubeconfig(dir);
fs.writeFileSync(path.join(dir, 'KUBECONFIG'), kc);
console.log(`KUBECONFIG=${kc}`);
let seen = 0;
setInterval(() => {
  for (; seen < sim.requests.length; seen++) {
    const r = sim.requests[seen];
    console.log(`${r.method} ${r.path} ct=${r.contentType ?? ''} accept=${r.accept ?? ''}`);
  }
}, 100);
process.on('SIGTERM', async () => {
  await sim.stop();
  process.exit(0);
});
