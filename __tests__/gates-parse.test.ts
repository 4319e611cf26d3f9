import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsLocator } from '../src/report/locator';
import { parseAudit } from '../src/tools/cargo-audit';
import {
  lockfileLine,
  parseCargoTest,
  parseCargoTestJson,
  parseClippy,
  parseFmt,
  stripAnsi,
} from '../src/tools/cargo';

const fixture = (f: string) => fs.readFileSync(path.join(__dirname, 'fixtures', 'cargo', f), 'utf8');
// The fixtures were recorded in a checkout at this path; the locator pretends those files exist.
const WS = '/home/runner/work/mcp-echo/mcp-echo';
const files = new Set([`${WS}/src/main.rs`, `${WS}/tests/stdio.rs`]);
const loc = fsLocator(WS, WS, (p) => files.has(p));

describe('rustfmt --check diff (real output with ANSI colours)', () => {
  test('one annotation per hunk, on the first changed line, path relative to the workspace', () => {
    const a = parseFmt(fixture('fmt-check-diff.txt'), loc);
    expect(a).toHaveLength(1);
    // "Diff in ...:71:" then three context lines: the rewritten `for` is line 74.
    expect(a[0]).toMatchObject({
      file: 'src/main.rs',
      line: 74,
      endLine: 74,
      level: 'error',
      title: 'rustfmt',
    });
    expect(a[0].message).toContain('+        if v[i] > 0 {');
    expect(a[0].message).not.toContain('\u001b');
  });

  test('several hunks in several files, including the old "at line" form', () => {
    const out = [
      'Diff in /w/src/a.rs:3:',
      ' fn a() {',
      '-  x()',
      '+    x()',
      ' }',
      'Diff in /w/src/b.rs at line 10:',
      '-fn b(){}',
      '+fn b() {}',
    ].join('\n');
    const a = parseFmt(
      out,
      fsLocator('/w', '/w', () => true),
    );
    expect(a.map((x) => [x.file, x.line])).toEqual([
      ['src/a.rs', 4],
      ['src/b.rs', 10],
    ]);
  });

  test('a clean run has no annotations', () => {
    expect(parseFmt('', loc)).toEqual([]);
  });

  test('stripAnsi removes colour and charset escapes', () => {
    expect(stripAnsi('\u001b[31m-x\u001b(B\u001b[m')).toBe('-x');
  });
});

describe('clippy JSON', () => {
  test('de-duplicates the per-target repeats of the real -D warnings output', () => {
    const r = parseClippy(fixture('clippy-warnings.jsonl'), loc);
    // 9 compiler messages in the file: 5 distinct, 4 repeated by the test target.
    expect(r.errors).toBe(5);
    expect(r.warnings).toBe(0);
    expect(r.annotations.map((a) => `${a.title}@${a.file}:${a.line}:${a.col}`).sort()).toEqual(
      [
        'clippy::assign_op_pattern@src/main.rs:74:41',
        'clippy::items_after_test_module@src/main.rs:50:1',
        'clippy::needless_range_loop@src/main.rs:74:14',
        'clippy::needless_return@src/main.rs:75:5',
        'clippy::ptr_arg@src/main.rs:72:23',
      ].sort(),
    );
    expect(r.annotations.every((a) => a.level === 'error')).toBe(true);
  });

  test('without -D warnings the same lints are warnings', () => {
    const r = parseClippy(fixture('clippy-warnings-level-warning.jsonl'), loc);
    expect(r.errors).toBe(0);
    expect(r.warnings).toBeGreaterThan(0);
    expect(r.annotations.every((a) => a.level === 'warning')).toBe(true);
  });

  test('a failed build is noticed and its error annotated', () => {
    const r = parseClippy(fixture('clippy-manual-strip-error.jsonl'), loc);
    expect(r.buildSucceeded).toBe(false);
    expect(r.errors).toBeGreaterThan(0);
    expect(r.annotations[0].file).toBe('src/main.rs');
  });

  test('a diagnostic inside a std macro (outside the checkout) points at the call site; tallies are ignored', () => {
    const msg = {
      reason: 'compiler-message',
      message: {
        message: 'unused',
        level: 'warning',
        code: { code: 'unused_variables' },
        rendered: 'warning: unused',
        spans: [
          {
            file_name: '/rustc/lib/macros.rs',
            line_start: 1,
            line_end: 1,
            column_start: 1,
            is_primary: true,
            expansion: {
              span: { file_name: 'src/m.rs', line_start: 9, line_end: 9, column_start: 3, is_primary: false },
            },
          },
        ],
      },
    };
    const tally = {
      reason: 'compiler-message',
      message: { message: '2 warnings emitted', level: 'warning', code: null, rendered: '', spans: [] },
    };
    const r = parseClippy(
      `${JSON.stringify(msg)}\n${JSON.stringify(tally)}\nnot json\n`,
      fsLocator('/w', '/w', () => true),
    );
    expect(r.annotations).toHaveLength(1);
    expect(r.annotations[0]).toMatchObject({ file: 'src/m.rs', line: 9, col: 3 });
  });
});

describe('clippy JSON: a finding inside a macro_rules! body (real output, recorded in /tmp/pg/macro-body)', () => {
  // src/lib.rs: `seven!` is defined on lines 1-6 with `let unused = 5;` on line 3, invoked on lines 9 and 13.
  const at = '/tmp/pg/macro-body';
  const r = parseClippy(
    fixture('clippy-macro-body.jsonl'),
    fsLocator(at, at, (p) => p === `${at}/src/lib.rs`),
  );

  test('the error is annotated on the body line, once per invocation, naming the invocation', () => {
    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(errors.map((a) => [a.file, a.line, a.col])).toEqual([
      ['src/lib.rs', 3, 13],
      ['src/lib.rs', 3, 13],
    ]);
    expect(errors[0].message).toMatch(
      /^in the expansion of seven! at src\/lib\.rs:9:5\nerror: unused variable/,
    );
    expect(errors[1].message).toMatch(/^in the expansion of seven! at src\/lib\.rs:13:5\n/);
    // Two invocations, each reported for lib and lib test: two findings.
    expect(r).toMatchObject({ errors: 2, warnings: 0 });
  });

  test('each invocation line gets a notice that points back at the body', () => {
    const notices = r.annotations.filter((a) => a.level === 'notice');
    expect(notices.map((a) => [a.file, a.line, a.col, a.title])).toEqual([
      ['src/lib.rs', 9, 5, 'unused_variables'],
      ['src/lib.rs', 13, 5, 'unused_variables'],
    ]);
    expect(notices[0].message).toBe(
      'seven! expands to code with this error at src/lib.rs:3:13: unused variable: `unused`',
    );
  });
});

describe('cargo test output', () => {
  test('text: counts summed over test binaries', () => {
    const r = parseCargoTest(fixture('cargo-test.txt'));
    expect(r).toMatchObject({ ran: true, passed: 4, failed: 0, ignored: 0, failures: [] });
  });

  test('text: failing tests by name with the panic location', () => {
    const out = [
      'running 2 tests',
      'test ok_one ... ok',
      'test math::adds ... FAILED',
      '',
      'failures:',
      '',
      '---- math::adds stdout ----',
      '',
      "thread 'math::adds' (123) panicked at src/lib.rs:12:9:",
      'assertion `left == right` failed',
      '  left: 2',
      ' right: 3',
      'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
      '',
      '',
      'failures:',
      '    math::adds',
      '',
      'test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s',
    ].join('\n');
    const r = parseCargoTest(out);
    expect(r).toMatchObject({ passed: 1, failed: 1 });
    expect(r.failures).toEqual([
      {
        name: 'math::adds',
        file: 'src/lib.rs',
        line: 12,
        col: 9,
        message: 'assertion `left == right` failed\n  left: 2\n right: 3',
      },
    ]);
  });

  test('JSON (RUSTC_BOOTSTRAP=1): the real failing run', () => {
    const r = parseCargoTestJson(fixture('cargo-test-json-failing.jsonl'));
    expect(r).toMatchObject({ ran: true, passed: 4, failed: 1 });
    expect(r.failures[0]).toMatchObject({
      name: 'deliberately_failing',
      file: 'tests/stdio.rs',
      line: 24,
      col: 5,
    });
    expect(r.failures[0].message).toContain('math is broken');
    expect(r.failures[0].message).not.toContain('stack backtrace');
  });

  test('JSON: the real passing run', () => {
    expect(parseCargoTestJson(fixture('cargo-test-json.jsonl'))).toMatchObject({
      passed: 4,
      failed: 0,
      failures: [],
    });
  });

  test('no test result line means the tests did not run', () => {
    expect(parseCargoTest('error[E0425]: cannot find value `x`').ran).toBe(false);
  });
});

describe('cargo audit JSON (rustsec Report)', () => {
  const report = {
    database: { 'advisory-count': 900, 'last-commit': 'abc', 'last-updated': '2026-11-01T00:00:00Z' },
    lockfile: { 'dependency-count': 3 },
    settings: {
      target_arch: [],
      target_os: [],
      severity: null,
      ignore: [],
      informational_warnings: ['unmaintained'],
    },
    vulnerabilities: {
      found: true,
      count: 1,
      list: [
        {
          advisory: {
            id: 'RUSTSEC-2023-0071',
            package: 'rsa',
            title: 'Marvin Attack: potential key recovery through timing sidechannels',
            date: '2023-11-22',
            cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N',
            url: 'https://people.redhat.com/~hkario/marvin/',
          },
          versions: { patched: [], unaffected: [] },
          package: { name: 'rsa', version: '0.9.6' },
        },
      ],
    },
    warnings: {
      unmaintained: [
        {
          kind: 'unmaintained',
          package: { name: 'ansi_term', version: '0.12.1' },
          advisory: { id: 'RUSTSEC-2021-0139', title: 'ansi_term is Unmaintained', url: null, cvss: null },
          versions: { patched: [], unaffected: [] },
        },
      ],
      yanked: [
        { kind: 'yanked', package: { name: 'foo', version: '1.0.0' }, advisory: null, versions: null },
      ],
    },
  };

  test('vulnerabilities and each kind of warning', () => {
    const f = parseAudit(JSON.stringify(report));
    expect(f.map((x) => [x.id, x.kind, x.package, x.version])).toEqual([
      ['RUSTSEC-2023-0071', 'vulnerability', 'rsa', '0.9.6'],
      ['RUSTSEC-2021-0139', 'unmaintained', 'ansi_term', '0.12.1'],
      ['yanked:foo', 'yanked', 'foo', '1.0.0'],
    ]);
    expect(f[0].cvss).toMatch(/^CVSS:3.1/);
    expect(f[2].title).toBe('foo 1.0.0 is yanked');
  });

  test('the Cargo.lock line of a package at a version', () => {
    const lock = [
      'version = 4',
      '',
      '[[package]]',
      'name = "rsa"',
      'version = "0.9.5"',
      '',
      '[[package]]',
      'name = "rsa"',
      'version = "0.9.6"',
    ].join('\n');
    expect(lockfileLine(lock, 'rsa', '0.9.6')).toBe(8);
    expect(lockfileLine(lock, 'rsa', '1.0.0')).toBeUndefined();
  });
});
