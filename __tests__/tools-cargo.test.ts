import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExecResult } from '../src/exec';
import { cargoNote } from '../src/stages/gates/report';
import { classifyCargo, parseRustcHost, parseToolchainList } from '../src/tools/cargo';

const fixture = (f: string) => fs.readFileSync(path.join(__dirname, 'fixtures', 'cargo', f), 'utf8');
const result = (r: Partial<ExecResult>): ExecResult => ({
  argv: ['cargo', 'test'],
  exitCode: 101,
  stdout: '',
  stderr: '',
  durationMs: 1,
  timedOut: false,
  ...r,
});

describe('classifyCargo: why a cargo call failed (real cargo 1.95 / rustup output)', () => {
  test('a toolchain rustup does not have', () => {
    const f = classifyCargo(result({ exitCode: 1, stderr: fixture('toolchain-not-installed.stderr') }));
    expect(f).toEqual({
      kind: 'toolchain',
      cause: "toolchain 'stabel' is not installed",
      detail: "error: toolchain 'stabel' is not installed",
    });
  });

  test('crates.io unreachable while fetching a dependency', () => {
    const f = classifyCargo(result({ stderr: fixture('registry-unreachable.stderr') }));
    expect(f?.kind).toBe('network');
    expect(f?.cause).toBe(
      'failed to get `serde` as a dependency of package `netdep v0.1.0 (/home/runner/work/netdep)`',
    );
    expect(f?.detail).toMatch(/Could not resolve host: index\.crates\.io\)$/);
  });

  test('a compile error in cargo test is a compile failure, not a test failure', () => {
    const f = classifyCargo(result({ stderr: fixture('test-compile-error.stderr') }));
    expect(f).toMatchObject({ kind: 'compile', cause: 'error[E0308]: mismatched types' });
  });

  test('failing tests', () => {
    const f = classifyCargo(result({ stderr: fixture('test-failed.stderr') }));
    expect(f).toMatchObject({ kind: 'test', cause: 'test failed, to rerun pass `--lib`' });
  });

  test('clippy: the diagnostics are JSON on stdout, the verdict on stderr', () => {
    const f = classifyCargo(result({ stderr: fixture('clippy-compile-error.stderr') }));
    expect(f).toMatchObject({
      kind: 'compile',
      cause: 'could not compile `comp` (lib) due to 1 previous error',
    });
  });

  test('a timeout wins over whatever was printed before it', () => {
    const f = classifyCargo(result({ exitCode: 143, timedOut: true, stderr: '   Compiling x v0.1.0\n' }));
    expect(f).toEqual({ kind: 'timeout', cause: undefined, detail: 'Compiling x v0.1.0' });
  });

  test('anything else is other, with the end of the output', () => {
    const stderr = Array.from({ length: 20 }, (_, k) => `line ${k + 1}`).join('\n');
    const f = classifyCargo(result({ exitCode: 2, stderr }));
    expect(f?.kind).toBe('other');
    expect(f?.detail.split('\n')).toEqual(Array.from({ length: 15 }, (_, k) => `line ${k + 6}`));
  });

  test('success is no failure', () => {
    expect(classifyCargo(result({ exitCode: 0, stderr: 'warning: unused\n' }))).toBeUndefined();
  });
});

describe("the gates' note on a cargo failure without findings", () => {
  test('names the kind a reader can act on, then where cargo stopped', () => {
    const net = cargoNote(result({ stderr: fixture('registry-unreachable.stderr') }))!;
    expect(net.split('\n')[0]).toMatch(/^cargo could not download a dependency/);
    expect(net).toMatch(/Could not resolve host: index\.crates\.io\)$/);
    expect(cargoNote(result({ stderr: fixture('clippy-compile-error.stderr') }))).toMatch(
      /^the crate does not compile\n/,
    );
  });

  test('adds nothing where the kind says nothing more than the output', () => {
    const stderr = 'error: something else\n';
    expect(cargoNote(result({ exitCode: 2, stderr }))).toBe('error: something else');
    expect(cargoNote(result({ exitCode: 0 }))).toBeUndefined();
  });
});

describe('toolchain probes', () => {
  test('rustup toolchain list: the names +<toolchain> takes', () => {
    const out = [
      'stable-x86_64-unknown-linux-gnu (active, default)',
      'nightly-x86_64-unknown-linux-gnu',
      '1.95.0-aarch64-unknown-linux-gnu',
      '',
    ].join('\n');
    expect(parseToolchainList(out)).toEqual(['stable', 'nightly', '1.95.0']);
  });

  test('rustc -vV: the host triple', () => {
    const out =
      'rustc 1.95.0 (abc 2026-03-21)\nbinary: rustc\nhost: x86_64-unknown-linux-gnu\nrelease: 1.95.0\n';
    expect(parseRustcHost(out)).toBe('x86_64-unknown-linux-gnu');
  });
});
