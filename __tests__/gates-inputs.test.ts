import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputReader } from '../src/inputs';
import { parseGatesInputs } from '../src/stages/gates/inputs';
import { checkToolchain } from '../src/stages/gates/run';
import { HELLO_MCP } from './support/crate';

const parse = (v: Record<string, string>) =>
  parseGatesInputs(new InputReader((n) => v[n] ?? ''), path.resolve(HELLO_MCP));

describe('audit-ignore: RustSec IDs only, since cargo-audit matches --ignore against the advisory ID', () => {
  test('RUSTSEC-YYYY-NNNN passes', () => {
    expect(parse({ 'audit-ignore': 'RUSTSEC-2023-0071, RUSTSEC-2021-0139' }).auditIgnore).toEqual([
      'RUSTSEC-2023-0071',
      'RUSTSEC-2021-0139',
    ]);
  });
  test.each([
    [
      'rsa',
      /^input 'audit-ignore': 'rsa' is not a RustSec advisory ID \(fix: list IDs like RUSTSEC-2023-0071/,
    ],
    ['RUSTSEC-2023-71', /'RUSTSEC-2023-71' is not a RustSec advisory ID/],
    ['rustsec-2023-0071', /'rustsec-2023-0071' is not a RustSec advisory ID/],
    ['RUSTSEC-2023-0071x', /is not a RustSec advisory ID/],
    [
      'CVE-2023-49092',
      /^input 'audit-ignore': 'CVE-2023-49092' is an alias; .*RUSTSEC ID only \(fix: .*for CVE-2023-49092/,
    ],
    ['GHSA-c38w-74pg-36hr', /'GHSA-c38w-74pg-36hr' is an alias/],
  ])('%s is refused', (id, msg) => {
    expect(() => parse({ 'audit-ignore': id })).toThrow(msg);
  });
});

describe('toolchain: the cause from rustup is in the one line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gates-inputs-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a misspelt toolchain names the input, rustup's reason and the installed toolchains", async () => {
    const err = await checkToolchain('stabel', dir).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const msg = (err as Error).message;
    expect(msg).toMatch(
      /^input 'toolchain': cargo \+stabel does not run: toolchain 'stabel' is not installed/,
    );
    expect(msg).toMatch(/\(fix: fix the name \(installed: [^)]*stable[^)]*\)/);
    expect(msg.split('\n')).toHaveLength(1);
  });

  test('an installed toolchain passes', async () => {
    await expect(checkToolchain('stable', dir)).resolves.toBeUndefined();
  });
});
