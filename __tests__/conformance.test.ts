import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeWith } from './support/skip';
import { helloMcpMissing, startHelloHttp, type RunningServer } from './support/mcp-servers';

/**
 * The official conformance suite (@modelcontextprotocol/conformance 0.1.13, its own CLI) against
 * examples/hello-mcp over Streamable HTTP: the generic server scenarios the example claims to pass.
 */
const CLI = path.resolve(
  __dirname,
  '..',
  'node_modules',
  '@modelcontextprotocol',
  'conformance',
  'dist',
  'index.js',
);
const SCENARIOS = ['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection'];
// eslint-disable-next-line no-control-regex -- ANSI colour codes are what we strip
const ANSI = /\u001b\[[0-9;]*m/g;

describeWith('conformance 0.1.13 against examples/hello-mcp over HTTP', helloMcpMissing(), () => {
  let server: RunningServer;
  let cwd: string;
  beforeAll(async () => {
    server = await startHelloHttp();
    // The CLI may write results/ into its working directory.
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'));
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  test.each(SCENARIOS)('%s passes', (scenario) => {
    const r = spawnSync(process.execPath, [CLI, 'server', '--url', server.url, '--scenario', scenario], {
      cwd,
      encoding: 'utf8',
      timeout: 60000,
    });
    const out = `${r.stdout}${r.stderr}`.replace(ANSI, '');
    const m = /Passed: (\d+)\/(\d+), (\d+) failed/.exec(out);
    expect({ status: r.status, result: m?.[0] }).toEqual({
      status: 0,
      result: `Passed: ${m?.[2]}/${m?.[2]}, 0 failed`,
    });
    expect(Number(m?.[2])).toBeGreaterThan(0);
    expect(out).toContain(
      `[${scenario === 'dns-rebinding-protection' ? 'localhost-host-rebinding-rejected' : scenario}`,
    );
    expect(out).not.toMatch(/FAILURE/);
  });
});
