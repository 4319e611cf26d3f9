import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { plan, prepare, runPipeline } from '../src/pipeline';
import { setSink, textSink, type Annotation } from '../src/report/log';
import { newCrate } from './support/crate';
import { describeWith, missingCommands } from './support/skip';

/** Runs the gates stage in process on `checkout`/`wd` with real cargo, capturing what it logs and annotates. */
async function gates(checkout: string, wd: string, env: Record<string, string> = {}) {
  const annotations: Annotation[] = [];
  const lines: string[] = [];
  setSink({ ...textSink((l) => lines.push(l)), annotate: (a) => annotations.push(a) });
  const all: Record<string, string> = { stages: 'gates', audit: 'false', 'working-directory': wd };
  const p = await prepare(
    new InputReader((n) => all[n] ?? ''),
    localContext({}, checkout, { ref: 'refs/heads/main' }),
  );
  const commands = plan(p)[0].plan.commands.map((c) => c.argv.join(' '));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const result = await runPipeline(p);
    const byGate = JSON.parse(result.outputs.gates ?? '{}') as Record<
      string,
      { status: string; findings: string }
    >;
    return { result, annotations, log: lines.join('\n'), gates: byGate, commands };
  } finally {
    process.env = saved;
  }
}

/** Well formatted, but clippy::needless_return on line 2. */
const NEEDLESS_RETURN = 'pub fn seven() -> u32 {\n    return 7;\n}\n';

/**
 * A checkout holding a two-member workspace in ws/: `a` and `b` each have a clippy finding; `b` also has
 * a formatting error and a failing test, `a` passes fmt and its tests.
 */
function workspace(): string {
  const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'gates-ws-'));
  const ws = path.join(checkout, 'ws');
  fs.mkdirSync(ws);
  for (const m of ['a', 'b'])
    execFileSync('cargo', ['new', '--quiet', '--offline', '--vcs', 'none', '--lib', m], { cwd: ws });
  // After the members exist: `cargo new` inside a workspace reads every listed member's manifest.
  fs.writeFileSync(path.join(ws, 'Cargo.toml'), '[workspace]\nmembers = ["a", "b"]\nresolver = "2"\n');
  fs.writeFileSync(
    path.join(ws, 'a', 'src', 'lib.rs'),
    `${NEEDLESS_RETURN}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn seven() {\n        assert_eq!(super::seven(), 7);\n    }\n}\n`,
  );
  fs.writeFileSync(
    path.join(ws, 'b', 'src', 'lib.rs'),
    `${NEEDLESS_RETURN}\npub fn unformatted( ) -> u32 { 1 }\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn eight() {\n        assert_eq!(super::seven(), 8);\n    }\n}\n`,
  );
  return checkout;
}

const clippyOn = (r: { annotations: Annotation[] }) =>
  r.annotations
    .filter((a) => a.title === 'clippy::needless_return')
    .map((a) => `${a.file}:${a.line}`)
    .sort();

describeWith(
  'gates on a cargo workspace, with real cargo',
  missingCommands('cargo', 'cargo-clippy', 'rustfmt'),
  () => {
    jest.setTimeout(300_000);
    let checkout: string;
    beforeAll(() => {
      checkout = workspace();
    });
    afterAll(() => fs.rmSync(checkout, { recursive: true, force: true }));

    // First, on a cold target/: one build job makes cargo's stop-at-the-first-error certain without --keep-going.
    test('the workspace root: every gate covers every member, and clippy reports both members in one run', async () => {
      const r = await gates(checkout, 'ws', { CARGO_BUILD_JOBS: '1' });
      expect(r.commands).toEqual(
        expect.arrayContaining([
          'cargo fmt --all --check',
          expect.stringMatching(/^cargo clippy --workspace --keep-going --all-targets /),
          'cargo test --workspace --no-fail-fast',
        ]),
      );
      expect(clippyOn(r)).toEqual(['ws/a/src/lib.rs:2', 'ws/b/src/lib.rs:2']);
      expect(r.gates.fmt.status).toBe('failed');
      expect(r.annotations.filter((a) => a.title === 'rustfmt').map((a) => a.file)).toEqual([
        'ws/b/src/lib.rs',
      ]);
      expect(r.gates.test).toMatchObject({ status: 'failed', findings: '1 passed, 1 failed' });
    });

    test('a member directory: fmt, clippy and test all cover that member only', async () => {
      const r = await gates(checkout, 'ws/a');
      expect(r.commands).toEqual(
        expect.arrayContaining([
          'cargo fmt -p a --check',
          expect.stringMatching(/^cargo clippy -p a --keep-going --all-targets /),
          'cargo test -p a --no-fail-fast',
        ]),
      );
      // b's unformatted line and failing test are not a's: before, `fmt --all` failed a on b's formatting.
      expect(r.gates.fmt.status).toBe('passed');
      expect(r.gates.test).toMatchObject({ status: 'passed', findings: '1 passed, 0 failed' });
      expect(clippyOn(r)).toEqual(['ws/a/src/lib.rs:2']);
    });
  },
);

describeWith(
  'gates on a crate without tests, with real cargo',
  missingCommands('cargo', 'cargo-clippy', 'rustfmt'),
  () => {
    jest.setTimeout(300_000);

    test('it passes, and says it ran 0 tests: a log warning, the summary row and a line', async () => {
      const crate = newCrate('no_tests', false);
      const r = await gates(path.dirname(crate), 'no_tests');
      expect(r.gates.test).toMatchObject({ status: 'passed', findings: '0 tests' });
      expect(r.result.failure).toBeUndefined();
      expect(r.log).toMatch(/^warning: test: cargo test ran 0 tests: .*nothing was tested$/m);
      const md = r.result.summary.toMarkdown();
      expect(md).toMatch(/\| test \| ✅ passed \| 0 tests \|/);
      expect(md).toContain('⚠️ test: cargo test ran 0 tests');
    });
  },
);

describeWith(
  'gates on a finding inside a macro_rules! body, with real cargo',
  missingCommands('cargo', 'cargo-clippy', 'rustfmt'),
  () => {
    jest.setTimeout(300_000);

    test('annotated on the body line where clippy puts it, with a notice on the invocation', async () => {
      const crate = newCrate('in_macro');
      fs.writeFileSync(
        path.join(crate, 'src', 'lib.rs'),
        'macro_rules! seven {\n    () => {{\n        let unused = 5;\n        7\n    }};\n}\n\npub fn seven() -> u32 {\n    seven!()\n}\n',
      );
      const r = await gates(path.dirname(crate), 'in_macro');
      expect(r.gates.clippy).toMatchObject({ status: 'failed', findings: '1 error, 0 warnings' });
      const found = r.annotations.filter((a) => a.title === 'unused_variables');
      expect(found.map((a) => [a.level, a.file, a.line])).toEqual([
        ['error', 'in_macro/src/lib.rs', 3],
        ['notice', 'in_macro/src/lib.rs', 9],
      ]);
      expect(found[0].message).toMatch(/^in the expansion of seven! at in_macro\/src\/lib\.rs:9:5\n/);
      expect(r.result.summary.toMarkdown()).toContain(
        '| clippy | `in_macro/src/lib.rs:9` | unused_variables: seven! expands to code with this error at in_macro/src/lib.rs:3:13: unused variable: `unused` | notice |',
      );
    });
  },
);
