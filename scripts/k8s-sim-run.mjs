// Start the k8s simulator for manual kubectl experiments: prints the kubeconfig path, logs requests.
// Usage: node scripts/k8s-sim-run.mjs [dir]   (SIM_TOKEN=... serves HTTPS and requires the token; POD_READY_MS=...)
// The TypeScript is transpiled on the fly (scripts/ts-import.mjs).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importTs } from './ts-import.mjs';
const { startK8sSim } = await importTs('__tests__/support/k8s-sim.ts');
const dir = process.argv[2] || fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-sim-'));
fs.mkdirSync(dir, { recursive: true });
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
