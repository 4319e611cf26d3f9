import { spawnSync } from 'node:child_process';
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

/**
 * Runs a bundle in dist/ the way the runner does: inputs as INPUT_* variables, command files for
 * outputs, summary and state, and nothing else from this process's environment that could leak in.
 */
export function runAction(
  inputs: Record<string, string>,
  opts: { workspace: string; entry?: string; env?: Record<string, string>; timeoutMs?: number },
): ActionRun {
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
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', opts.entry ?? 'index.js')], {
    env,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 300_000,
  });
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return {
    status: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseCommandFile(read('output')),
    summary: read('summary'),
    state: read('state'),
    dir,
  };
}

/** Runs dist/post.js with the state the main step saved, as the runner does (STATE_<name>). */
export function runPost(main: ActionRun, env: Record<string, string> = {}): ActionRun {
  const state = parseCommandFile(main.state);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'post.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: main.dir,
      ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
      ...env,
    },
    encoding: 'utf8',
  });
  return { ...main, status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
