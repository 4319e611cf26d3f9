import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './action';

export const HELLO_MCP = path.join(ROOT, 'examples', 'hello-mcp');

/** A copy of a crate's sources (no target/) in a fresh temp directory; returns the copy's path. */
export function copyCrate(src: string, name = path.basename(src)): string {
  const dest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crate-')), name);
  fs.cpSync(src, dest, {
    recursive: true,
    filter: (p) => !/[/\\]target([/\\]|$)/.test(path.relative(src, p) ? `/${path.relative(src, p)}` : ''),
  });
  return dest;
}

/** A crate no test has seen before: made by `cargo new` (offline) in a temp dir. */
export function newCrate(name: string, lib = true): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'newcrate-'));
  execFileSync('cargo', ['new', '--quiet', '--vcs', 'none', lib ? '--lib' : '--bin', name], { cwd: parent });
  return path.join(parent, name);
}

/** Appends Rust source to a file and returns the 1-based line where the appended text starts. */
export function appendRust(file: string, code: string): number {
  const before = fs.readFileSync(file, 'utf8');
  const text = before.endsWith('\n') ? before : `${before}\n`;
  fs.writeFileSync(file, text + code);
  return text.split('\n').length;
}

/** Well formatted, but `return` at the end is clippy::needless_return (on the `return` line). */
export const CLIPPY_VIOLATION = `
#[allow(dead_code)]
fn injected_lint() -> u32 {
    return 7;
}
`;
export const CLIPPY_LINE_OFFSET = 3;

/** Clippy-clean, but not formatted as rustfmt would. */
export const FMT_VIOLATION = `
#[allow(dead_code)]
fn injected_fmt( ) -> u32 { 1 }
`;
export const FMT_LINE_OFFSET = 2;

/** A test that fails with a message, on the assert line. */
export const FAILING_TEST = `
#[cfg(test)]
mod injected_tests {
    #[test]
    fn injected_failure() {
        let two = "ab".len();
        assert_eq!(two, 3, "injected failure");
    }
}
`;
export const FAILING_TEST_LINE_OFFSET = 6;
