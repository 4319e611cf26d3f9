import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEverythingHttp, type RunningServer } from './support/mcp-servers';

/** The bundled CLI (dist/cli.js), as a user runs it: snapshot a baseline, verify against it, see it fail. */
const CLI = path.resolve(__dirname, '..', 'dist', 'cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-cli-'));

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b));
    child.stderr.on('data', (b: Buffer) => (stderr += b));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('mcp-deploy verify and contract (bundle) against server-everything over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startEverythingHttp();
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('contract snapshot writes only the contract JSON to stdout', async () => {
    const r = await cli(['contract', 'snapshot', '--url', server.url]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(Object.keys(c)).toEqual([
      'format',
      'server',
      'protocolVersion',
      'tools',
      'prompts',
      'resourceTemplates',
    ]);
    expect(c.tools.map((t: { name: string }) => t.name)).toContain('get-sum');
    fs.writeFileSync(path.join(tmp, 'mcp-contract.json'), r.stdout);
  });

  test('verify picks up mcp-contract.json and exits 0 when nothing changed', async () => {
    const r = await cli(['verify', '--url', server.url, '--smoke', 'get-sum {"a": 1, "b": 2}']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/call get-sum\s+✅ passed/);
    expect(r.stdout).toContain('No contract changes against the baseline.');
  });

  test('verify exits 1 and names the tool when the baseline has one the server lost', async () => {
    const c = JSON.parse(fs.readFileSync(path.join(tmp, 'mcp-contract.json'), 'utf8'));
    c.tools.push({ name: 'summarize', inputSchema: { type: 'object' } });
    fs.writeFileSync(path.join(tmp, 'old.json'), JSON.stringify(c));
    const r = await cli(['verify', '--url', server.url, '--baseline', 'old.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/💥 breaking\s+tool summarize\s+tool removed/);
    expect(r.stdout).toContain(
      'verify failed: 1 breaking contract change against old.json: tool summarize: tool removed',
    );
  });

  test('contract diff compares two files and exits 1 on a breaking change', async () => {
    const r = await cli(['contract', 'diff', 'old.json', 'mcp-contract.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^1 breaking, 0 compatible/);
  });

  test('a token is refused as a flag and taken from MCP_TOKEN, masked in the output', async () => {
    const refused = await cli(['verify', '--url', server.url, '--token', 'abc-secret-1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /input 'mcp-token': --token would put a secret in the process list \(fix: export MCP_MCP_TOKEN/,
    );
    const ok = await cli(['verify', '--url', server.url, '--smoke', 'echo {"message": "tok-cli-4242"}'], {
      MCP_TOKEN: 'tok-cli-4242',
    });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Echo: ***');
    expect(ok.stdout + ok.stderr).not.toContain('tok-cli-4242');
  });

  test('a bad input is one error naming it, exit 2', async () => {
    const r = await cli(['verify', '--url', server.url, '--contract', 'maybe']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      "error: input 'contract': 'maybe' is not allowed (fix: use one of: fail-on-breaking, warn, off)",
    );
  });
});
