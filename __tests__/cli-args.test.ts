import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_INPUTS, parseArgs, unknownInputVariables } from '../src/commands/args';
import { cli } from '../src/commands';
import { setSink, textSink } from '../src/report/log';
import { closest, editDistance } from '../src/text';

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

describe('CLI flags come from the input table (node:util parseArgs, strict)', () => {
  test('an unknown flag is refused, naming the closest input', async () => {
    const r = await runCli(['plan', '--clipy-args', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: unknown option --clipy-args (fix: did you mean --clippy-args? (--help lists the options))\n',
    );
  });

  test('every input is a flag; values may start with a dash, with or without =', () => {
    const spec = { inputs: ALL_INPUTS, own: { cwd: false } };
    expect(parseArgs(['--clippy-args', '-D warnings', '--fail-fast=true', 'pos'], spec)).toEqual({
      flags: { 'clippy-args': '-D warnings', 'fail-fast': 'true' },
      positional: ['pos'],
    });
    expect(() => parseArgs(['--stages'], spec)).toThrow("input 'stages': option --stages needs a value");
  });

  test('a command takes only its own inputs: lint refuses a build input', () => {
    expect(() =>
      parseArgs(['--platforms', 'x'], { inputs: ['lint', 'mcp-path'], own: { strict: true } }),
    ).toThrow(/unknown option --platforms/);
  });

  test('image-ref together with build is refused before any stage runs, in one line naming image-ref', async () => {
    const r = await runCli([
      'run',
      '--stages',
      'gates,build,scan',
      '--image-ref',
      `ghcr.io/o/app@sha256:${'ab'.repeat(32)}`,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      "error: input 'image-ref': is set, but the build stage of this run decides the image that scan, deploy and verify use (fix: remove image-ref (they act on the digest the build pushes), or run build in a job of its own)",
    ]);
  });

  test('plan in a fresh repository takes the image from the remote as init does and names every missing input at once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-remote-'));
    fs.writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "weather-mcp"\nversion = "0.1.0"\n');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:Acme/Weather-MCP.git'], { cwd: dir });
    const r = await runCli(['plan', '--cwd', dir, '--stages', 'build,deploy,verify']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/input 'image'/);
    expect(r.stderr).toMatch(
      /^error: 3 inputs need a fix:\n {2}- input 'dockerfile': no Dockerfile.*\n {2}- input 'deployments': .*\n {2}- input 'mcp-url': /,
    );
  });

  test('a secret given as a flag is still refused with the variable to use', async () => {
    const r = await runCli(['plan', '--password', 'hunter2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export MCP_PASSWORD instead');
    expect(r.stderr).not.toContain('hunter2');
  });

  test('an MCP_* variable that names no input is reported with the closest input; ours and far ones are not', () => {
    expect(
      unknownInputVariables(
        {
          MCP_CLIPY_ARGS: '-D x',
          MCP_CLIPPY_ARGS: 'y',
          MCP_DEPLOY_STAGES: 'gates',
          MCP_STAGING_URL: 'u',
          MCP_DIGEST: 'd',
        },
        ['MCP_DIGEST'],
      ),
    ).toEqual([{ variable: 'MCP_CLIPY_ARGS', closest: 'clippy-args' }]);
  });

  test('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('namspace', ALL_INPUTS)).toBe('namespace');
    expect(closest('zzzzzzzz', ['a'], 2)).toBeUndefined();
  });
});
