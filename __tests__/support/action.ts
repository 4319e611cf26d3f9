import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Raw GITHUB_STATE file, for handing to the post step. */
  state: string;
  dir: string;
}

/** Parses the `name=value` and `name<<DELIM ... DELIM` lines of GITHUB_OUTPUT / GITHUB_STATE files. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      out[heredoc[1]] = body.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

interface RunOptions {
  workspace: string;
  entry?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** The environment the runner gives a step: inputs as INPUT_*, empty command files, a RUNNER_TEMP. */
function stepEnv(
  inputs: Record<string, string>,
  opts: RunOptions,
): { env: Record<string, string>; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'action-run-'));
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary', GITHUB_STATE: 'state' };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.homedir(),
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
  for (const [k, f] of Object.entries(files)) {
    env[k] = path.join(dir, f);
    fs.writeFileSync(env[k], '');
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return { env, dir };
}

function collect(dir: string, r: { status: number; stdout: string; stderr: string }): ActionRun {
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return {
    ...r,
    outputs: parseCommandFile(read('output')),
    summary: read('summary'),
    state: read('state'),
    dir,
  };
}

/** The post step's environment: the state the main step saved, as STATE_<name>, as the runner passes it. */
function postEnv(main: ActionRun, env: Record<string, string>): Record<string, string> {
  const state = parseCommandFile(main.state);
  return {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: main.dir,
    ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
    ...env,
  };
}

const entry = (name = 'index.js') => path.join(ROOT, 'dist', name);

/** Runs a bundle in dist/ the way the runner runs it, and nothing else from this process's environment. */
export function runAction(inputs: Record<string, string>, opts: RunOptions): ActionRun {
  const { env, dir } = stepEnv(inputs, opts);
  const r = spawnSync(process.execPath, [entry(opts.entry)], {
    env,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 300_000,
  });
  return collect(dir, { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
}

/**
 * The same without blocking this process: for tests whose servers (the Kubernetes simulator, a fake
 * GitHub API) answer from inside the jest worker, where a spawnSync would leave the bundle waiting forever.
 */
export async function runActionAsync(inputs: Record<string, string>, opts: RunOptions): Promise<ActionRun> {
  const { env, dir } = stepEnv(inputs, opts);
  return collect(
    dir,
    await spawnAsync([process.execPath, entry(opts.entry)], env, opts.timeoutMs ?? 120_000),
  );
}

export function runPost(main: ActionRun, env: Record<string, string> = {}): ActionRun {
  const r = spawnSync(process.execPath, [entry('post.js')], { env: postEnv(main, env), encoding: 'utf8' });
  return { ...main, status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export async function runPostAsync(main: ActionRun, env: Record<string, string> = {}): Promise<ActionRun> {
  return { ...main, ...(await spawnAsync([process.execPath, entry('post.js')], postEnv(main, env), 60_000)) };
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
