import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { missingCommands } from './skip';

/**
 * Real MCP servers for the verify tests: the reference server (`@modelcontextprotocol/server-everything`)
 * on stdio or Streamable HTTP, and examples/hello-mcp built with cargo. HTTP servers bind 127.0.0.1 on a
 * port the OS picks, and announce it on stderr.
 */
const ROOT = path.resolve(__dirname, '..', '..');
export const EVERYTHING = path.join(
  ROOT,
  'node_modules',
  '@modelcontextprotocol',
  'server-everything',
  'dist',
  'index.js',
);
export const LOOPBACK_PATCH = path.join(__dirname, 'loopback-listen.cjs');
export const HELLO_DIR = path.join(ROOT, 'examples', 'hello-mcp');
export const HELLO_BIN = path.join(HELLO_DIR, 'target', 'debug', 'hello-mcp');

export interface RunningServer {
  url: string;
  /** scheme://host:port */
  origin: string;
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

export const everythingStdio = (): string[] => [process.execPath, EVERYTHING, 'stdio'];

/** Waits for `pattern` on the child's stderr; its first group is host:port. */
function waitForListen(
  child: ChildProcess,
  pattern: RegExp,
  pathName: string,
  timeoutMs = 30000,
): Promise<RunningServer> {
  let err = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${err}`));
    }, timeoutMs);
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString('utf8');
      const m = pattern.exec(err);
      if (m) {
        clearTimeout(timer);
        const origin = `http://${m[1]}`;
        resolve({ url: `${origin}${pathName}`, origin, child, stderr: () => err, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${err}`));
    });
  });
}

export function startEverythingHttp(port = 0): Promise<RunningServer> {
  const child = spawn(process.execPath, ['-r', LOOPBACK_PATCH, EVERYTHING, 'streamableHttp'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return waitForListen(child, /loopback-listen: (127\.0\.0\.1:\d+)/, '/mcp');
}

/** Why the hello-mcp suites cannot run, or undefined. Builds the example (once per jest worker). */
let built: string | undefined | null = null;
export function helloMcpMissing(): string | undefined {
  if (built !== null) return built;
  const noCargo = missingCommands('cargo');
  if (noCargo) return (built = noCargo);
  if (!fs.existsSync(path.join(HELLO_DIR, 'Cargo.toml')))
    return (built = 'examples/hello-mcp is not in the checkout');
  const r = spawnSync('cargo', ['build', '--quiet', '--manifest-path', path.join(HELLO_DIR, 'Cargo.toml')], {
    encoding: 'utf8',
    timeout: 600000,
  });
  // A build failure is a real failure, not a reason to skip: the test that needs the binary says so.
  if (r.status !== 0) throw new Error(`cargo build of examples/hello-mcp failed:\n${r.stderr}`);
  return (built = undefined);
}

export const helloStdio = (): string[] => [HELLO_BIN, '--stdio'];

export function startHelloHttp(env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(HELLO_BIN, [], {
    env: { ...process.env, MCP_SERVER_HOST: '127.0.0.1', MCP_SERVER_PORT: '0', RUST_LOG: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return waitForListen(child, /hello-mcp listening on http:\/\/(\S+?)\/mcp/, '/mcp');
}
