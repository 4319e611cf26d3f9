import * as os from 'node:os';
import { spawnAsync } from './action';

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
