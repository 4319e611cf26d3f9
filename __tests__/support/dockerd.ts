import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A private Docker engine for integration tests, started the way DESIGN.md §4 describes: its own
 * data-root, exec-root, socket and pidfile under a fresh temp dir, no iptables, no bridge (containers
 * and RUN steps need `--network none`), containerd image store (multi-platform builds). dockerd starts a
 * managed containerd of its own under the exec-root, so engines of parallel test files never share state.
 *
 *   const engine = await startDockerd();
 *   try { await run('docker', ['info'], { env: { ...process.env, ...engine.env } }); }
 *   finally { await engine.stop(); }
 */
export interface Dockerd {
  /** `unix:///tmp/mcp-dockerd-XXXX/docker.sock`: pass it as DOCKER_HOST. */
  host: string;
  /** The temp dir holding everything (data, exec, socket, pidfile, dockerd.log, docker CLI config). */
  dir: string;
  /** Environment for the docker CLI: DOCKER_HOST, and DOCKER_CONFIG so buildx state stays private too. */
  env: { DOCKER_HOST: string; DOCKER_CONFIG: string };
  /** dockerd's pid (from its pidfile). */
  pid: number;
  /** dockerd's stdout+stderr. */
  logFile: string;
  /** Last lines of dockerd.log, for error messages. */
  logTail(lines?: number): string;
  /** Stops dockerd (SIGTERM, then SIGKILL), its containerd, unmounts leftovers, removes `dir`. Idempotent. */
  stop(): Promise<void>;
}

export interface StartDockerdOptions {
  /** How long to wait for `docker info` to answer (default 60 s). */
  timeoutMs?: number;
  /** Extra keys for daemon.json (merged over `{"features":{"containerd-snapshotter":true}}`). */
  daemonConfig?: Record<string, unknown>;
  /** Extra dockerd arguments. */
  extraArgs?: string[];
  /** Parent of the temp dir (default os.tmpdir(); keep it short: unix socket paths are limited to 107 bytes). */
  parentDir?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const n = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    await sleep(100);
  }
  return !alive(pid);
}

async function terminate(pid: number | undefined, graceMs: number): Promise<void> {
  if (!pid || !alive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await waitForExit(pid, graceMs)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitForExit(pid, 5000);
}

/** Mount points at or below `dir`, deepest first (from /proc/self/mountinfo; octal escapes decoded). */
function mountsUnder(dir: string): string[] {
  let info: string;
  try {
    info = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  const real = fs.existsSync(dir) ? fs.realpathSync(dir) : dir;
  return info
    .split('\n')
    .map((l) => l.split(' ')[4])
    .filter((m): m is string => !!m)
    .map((m) => m.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))))
    .filter((m) => m === real || m.startsWith(real + '/'))
    .sort((a, b) => b.length - a.length);
}

function runQuiet(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, timeout: timeoutMs }, (err) => resolve(!err));
  });
}

export async function startDockerd(options: StartDockerdOptions = {}): Promise<Dockerd> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const dir = fs.mkdtempSync(path.join(options.parentDir ?? os.tmpdir(), 'mcp-dockerd-'));
  const sock = path.join(dir, 'docker.sock');
  const pidFile = path.join(dir, 'dockerd.pid');
  const logFile = path.join(dir, 'dockerd.log');
  const configDir = path.join(dir, 'config');
  fs.mkdirSync(configDir);
  const daemonJson = path.join(dir, 'daemon.json');
  fs.writeFileSync(
    daemonJson,
    JSON.stringify({ features: { 'containerd-snapshotter': true }, ...(options.daemonConfig ?? {}) }),
  );
  const host = `unix://${sock}`;
  const env = { DOCKER_HOST: host, DOCKER_CONFIG: configDir };
  const cliEnv = { ...process.env, ...env };

  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    'dockerd',
    [
      '--config-file',
      daemonJson,
      '--data-root',
      path.join(dir, 'data'),
      '--exec-root',
      path.join(dir, 'exec'),
      '-H',
      host,
      '--pidfile',
      pidFile,
      '--iptables=false',
      '--ip6tables=false',
      '--bridge=none',
      ...(options.extraArgs ?? []),
    ],
    { stdio: ['ignore', log, log], detached: true },
  );
  fs.closeSync(log);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `dockerd exited (code ${code}, signal ${signal})`;
  });
  child.on('error', (e) => {
    exited = `dockerd could not start: ${e.message}`;
  });
  child.unref();

  const logTail = (lines = 30) => {
    try {
      return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  let stopped: Promise<void> | undefined;
  // Last resort if the test process dies without calling stop(): no daemon outlives it.
  const onExit = () => {
    for (const pid of [
      readPid(pidFile) ?? child.pid,
      readPid(path.join(dir, 'exec', 'containerd', 'containerd.pid')),
    ]) {
      try {
        if (pid) process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  process.once('exit', onExit);

  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      process.removeListener('exit', onExit);
      const containerdPid = readPid(path.join(dir, 'exec', 'containerd', 'containerd.pid'));
      await terminate(readPid(pidFile) ?? child.pid, 20_000);
      // dockerd normally stops its managed containerd; make sure of it.
      await terminate(containerdPid, 10_000);
      for (const m of mountsUnder(dir)) {
        await runQuiet('umount', ['-l', m], process.env, 10_000);
      }
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopped;
  };

  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) throw new Error(`${exited}\n${logTail()}`);
      if (fs.existsSync(sock) && (await runQuiet('docker', ['info', '--format', '{{.ID}}'], cliEnv, 10_000)))
        break;
      if (Date.now() > deadline)
        throw new Error(`dockerd did not answer within ${timeoutMs} ms\n${logTail()}`);
      await sleep(250);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  const pid = readPid(pidFile) ?? child.pid ?? 0;
  return { host, dir, env, pid, logFile, logTail, stop };
}
