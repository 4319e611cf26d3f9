import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, spawnAsync } from './action';

/** The real kubectl against a simulator, for setting up and checking state around a run. */
export async function kubectl(kubeconfigFile: string, args: string[], input?: string) {
  const r = await spawnAsync(
    ['kubectl', '--kubeconfig', kubeconfigFile, ...args],
    { PATH: process.env.PATH ?? '', HOME: os.tmpdir() },
    60_000,
    input,
  );
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** A Deployment of one container named `server`, in namespace `ns`. */
export function deploymentYaml(
  name: string,
  ns: string,
  image: string,
  o: { replicas?: number; progressDeadlineSeconds?: number } = {},
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: ${o.replicas ?? 1}
  progressDeadlineSeconds: ${o.progressDeadlineSeconds ?? 600}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: server, image: "${image}"}]
`;
}

export const namespaceYaml = (ns: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n`;

/**
 * The project's Kubernetes templates copied to `dest` with their placeholders filled in, as
 * `mcp-deploy init` writes them; `edit` changes each file's text after that (to plant a lint finding).
 */
export function copyK8sTemplates(
  dest: string,
  values: { crate: string; image: string },
  edit: (text: string) => string = (t) => t,
): void {
  fs.cpSync(path.join(ROOT, 'templates', 'k8s'), dest, { recursive: true });
  const walk = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(dest))
    fs.writeFileSync(
      f,
      edit(
        fs
          .readFileSync(f, 'utf8')
          .replace(/\{\{crate\}\}/g, values.crate)
          .replace(/\{\{image\}\}/g, values.image),
      ),
    );
}
