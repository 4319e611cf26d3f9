import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from '../src/commands';
import { setSink, textSink } from '../src/report/log';

async function runCli(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  setSink(textSink(() => undefined));
  try {
    return { code: await cli(argv), stderr };
  } finally {
    spy.mockRestore();
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-cwd-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('--cwd: the error names the path given, not the "." it would become', () => {
  const missing = path.join(tmp, 'no-such-crate');
  test.each([
    [['plan', '--cwd', missing]],
    [['run', '--cwd', missing]],
    [['verify', '--url', 'http://127.0.0.1:1/mcp', '--cwd', missing]],
    [['contract', 'snapshot', '--url', 'http://127.0.0.1:1/mcp', '--cwd', missing]],
  ])('%j', async (argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --cwd ${missing}: no such directory (looked at ${missing}) (fix: give the crate's directory, relative to where you stand or absolute)\n`,
    );
  });

  test('a file is not a directory either', async () => {
    const file = path.join(tmp, 'Cargo.toml');
    fs.writeFileSync(file, '');
    const r = await runCli(['plan', '--cwd', file]);
    expect(r.stderr).toContain(`error: --cwd ${file}: no such directory`);
  });
});
