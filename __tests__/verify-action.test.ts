import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction } from './support/action';
import { everythingStdio, startEverythingHttp, type RunningServer } from './support/mcp-servers';

/** The verify stage action (dist/verify.js) as the runner starts it: INPUT_* in, outputs and summary out. */
const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-action-'));
let server: RunningServer;
beforeAll(async () => {
  server = await startEverythingHttp();
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(ws, { recursive: true, force: true });
});

test('records the contract, fails on a breaking change against the baseline, and masks the token', () => {
  const token = 'tok-action-31337';
  const first = runAction(
    { 'mcp-url': server.url, 'mcp-token': token },
    { workspace: ws, entry: 'verify.js', timeoutMs: 60000 },
  );
  expect(first.status).toBe(0);
  expect(first.outputs['breaking-changes']).toBe('');
  expect(first.summary).toContain('No contract baseline (mcp-contract.json)');
  const contract = JSON.parse(first.outputs.contract);
  contract.tools.push({ name: 'legacy-search', inputSchema: { type: 'object' } });
  fs.writeFileSync(path.join(ws, 'mcp-contract.json'), JSON.stringify(contract));

  const r = runAction(
    { 'mcp-url': server.url, 'mcp-token': token, 'mcp-smoke': 'get-sum {"a": 1, "b": 1}' },
    { workspace: ws, entry: 'verify.js', timeoutMs: 60000 },
  );
  expect(r.status).not.toBe(0);
  expect(r.outputs['breaking-changes']).toBe('1');
  expect(JSON.parse(r.outputs['contract-diff']).changes[0]).toMatchObject({
    where: 'tool legacy-search',
    change: 'tool removed',
  });
  expect(r.summary).toMatch(/\| 💥 breaking \| `tool legacy-search` \| {2}\| tool removed \|/);
  expect(r.summary).toMatch(/\| call get-sum \| ✅ passed \| [\d.]+ ms \|/);
  // The runner's command syntax escapes ':' in properties as %3A.
  expect(r.stdout).toContain(
    '::error title=breaking MCP contract change%3A tool legacy-search,file=mcp-contract.json::tool removed',
  );
  expect(r.stdout).toContain(`::add-mask::${token}`);
  expect(r.summary + JSON.stringify(r.outputs)).not.toContain(token);
});

test('on a pull request the freshly built server (mcp-command, stdio) is verified, not the URL', () => {
  const r = runAction(
    {
      'mcp-url': 'http://127.0.0.1:9/mcp',
      'mcp-command': everythingStdio().join(' '),
      contract: 'off',
      'verify-timeout': '30s',
    },
    {
      workspace: ws,
      entry: 'verify.js',
      env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/5/merge' },
      timeoutMs: 60000,
    },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.summary).toContain('(a pull request: the freshly built server (mcp-command), before merge)');
  expect(r.summary).toMatch(/\| initialize \| ✅ passed \|/);
});
