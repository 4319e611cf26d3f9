import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { quietToolkitDebug } from '../src/report/log';
import { ROOT } from './support/action';
import { startReleaseServer, type ReleaseServer } from './support/release-server';

const CLI = path.join(ROOT, 'dist', 'cli.js');

/**
 * `mcp-deploy tools install` goes through @actions/tool-cache, which prints `::debug::` workflow commands
 * to stdout. The bundle is run as a user runs it, against a mirror on 127.0.0.1 that serves the wrong
 * bytes, so it ends quickly after the tool cache was consulted.
 */
describe('CLI: the toolkit debug lines outside GitHub Actions', () => {
  let server: ReleaseServer;
  let dir: string;
  beforeAll(async () => {
    expect(fs.existsSync(CLI)).toBe(true);
    server = await startReleaseServer();
    server.serve('/kubectl/1.32.4/kubectl', Buffer.from('#!/bin/sh\necho not kubectl\n'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-debug-'));
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function install(
    env: Record<string, string>,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const base = { ...process.env };
    for (const k of ['GITHUB_ACTIONS', 'RUNNER_DEBUG']) delete base[k];
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [CLI, 'tools', 'install', '--dir', dir, '--arch', 'arm64', '--mirror', server.base],
        { stdio: ['ignore', 'pipe', 'pipe'], env: { ...base, ...env } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  test('in a terminal or a GitLab job: no ::debug:: line, the error intact', async () => {
    const r = await install({});
    expect(r.code).toBe(2);
    // The tool cache was consulted (the other tests see its lines), and printed nothing here.
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*checksum mismatch for kubectl 1\.32\.4 /);
  }, 90_000);

  test('RUNNER_DEBUG=1 shows them as plain debug: lines', async () => {
    const r = await install({ RUNNER_DEBUG: '1' });
    expect(r.stdout).not.toContain('::debug::');
    expect(r.stdout).toMatch(/^debug: checking cache: .*kubectl/m);
  }, 90_000);

  test('on a GitHub runner they stay workflow commands, for the runner to hide or show', async () => {
    const r = await install({ GITHUB_ACTIONS: 'true' });
    expect(r.stdout).toMatch(/^::debug::checking cache: .*kubectl/m);
  }, 90_000);
});

describe('quietToolkitDebug on a stream', () => {
  function stream() {
    const out: string[] = [];
    const s = { write: (chunk: string) => out.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
    return { s, out };
  }

  test('drops debug commands once, however often it is installed, and lets the rest through', () => {
    const { s, out } = stream();
    quietToolkitDebug(s, {});
    quietToolkitDebug(s, {});
    const done = jest.fn();
    s.write('::debug::checking cache\n');
    s.write('::debug::with a callback\n', done);
    s.write('kubectl: /tools/bin/kubectl\n');
    expect(out).toEqual(['kubectl: /tools/bin/kubectl\n']);
    return new Promise<void>((r) => process.nextTick(r)).then(() => expect(done).toHaveBeenCalledTimes(1));
  });

  test('RUNNER_DEBUG=1: unescaped, as debug: lines', () => {
    const { s, out } = stream();
    quietToolkitDebug(s, { RUNNER_DEBUG: '1' });
    s.write('::debug::100%25 of a%0Ab\n');
    expect(out).toEqual(['debug: 100% of a\nb\n']);
  });
});
