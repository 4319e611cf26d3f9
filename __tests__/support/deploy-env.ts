import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCommandFile, ROOT, type ActionRun } from './action';

/**
 * Runs a bundle in dist/ as the runner does (INPUT_*, command files), but without blocking this process:
 * the Kubernetes simulator and the fake GitHub API answer from inside the jest worker, so a spawnSync
 * would leave kubectl waiting on a server that can never reply.
 */
export async function runActionAsync(
  inputs: Record<string, string>,
  opts: { workspace: string; entry?: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<ActionRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-action-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_REPOSITORY: 'acme/hello-mcp',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: dir,
    ...opts.env,
  };
  for (const [k, f] of Object.entries({
    GITHUB_OUTPUT: 'output',
    GITHUB_STEP_SUMMARY: 'summary',
    GITHUB_STATE: 'state',
  })) {
    env[k] = path.join(dir, f);
    fs.writeFileSync(env[k], '');
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const { status, stdout, stderr } = await spawnAsync(
    [process.execPath, path.join(ROOT, 'dist', opts.entry ?? 'index.js')],
    env,
    opts.timeoutMs ?? 120_000,
  );
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return {
    status,
    stdout,
    stderr,
    outputs: parseCommandFile(read('output')),
    summary: read('summary'),
    state: read('state'),
    dir,
  };
}

export async function runPostAsync(main: ActionRun): Promise<ActionRun> {
  const state = parseCommandFile(main.state);
  const r = await spawnAsync(
    [process.execPath, path.join(ROOT, 'dist', 'post.js')],
    {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: main.dir,
      ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
    },
    60_000,
  );
  return { ...main, ...r };
}

export function spawnAsync(
  argv: string[],
  env: Record<string, string>,
  timeoutMs: number,
  input?: string,
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        status: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.stdin.end(input ?? '');
  });
}

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
