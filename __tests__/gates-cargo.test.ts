import * as fs from 'node:fs';
import * as path from 'node:path';
import { localContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { prepare, runPipeline } from '../src/pipeline';
import { setSink, textSink, type Annotation } from '../src/report/log';
import { describeWith, missingCommands } from './support/skip';
import {
  appendRust,
  CLIPPY_LINE_OFFSET,
  CLIPPY_VIOLATION,
  copyCrate,
  FAILING_TEST,
  FAILING_TEST_LINE_OFFSET,
  FMT_LINE_OFFSET,
  FMT_VIOLATION,
  HELLO_MCP,
} from './support/crate';

/** Runs the gates stage in process, with real cargo, capturing what it logs and annotates. */
async function gates(crate: string, inputs: Record<string, string> = {}) {
  const annotations: Annotation[] = [];
  const lines: string[] = [];
  const sink = textSink((l) => lines.push(l));
  setSink({ ...sink, annotate: (a) => annotations.push(a) });
  const workspace = path.dirname(crate);
  const all: Record<string, string> = {
    stages: 'gates',
    audit: 'false',
    'working-directory': path.basename(crate),
    ...inputs,
  };
  const p = await prepare(
    new InputReader((n) => all[n] ?? ''),
    localContext({}, workspace, { ref: 'refs/heads/main' }),
  );
  const result = await runPipeline(p);
  return { result, annotations, log: lines.join('\n'), gates: JSON.parse(result.outputs.gates ?? '{}') };
}

const missing =
  missingCommands('cargo', 'cargo-clippy', 'rustfmt') ??
  (fs.existsSync(path.join(HELLO_MCP, 'Cargo.toml')) ? undefined : 'examples/hello-mcp is missing');

describeWith('gates stage on copies of examples/hello-mcp with real cargo', missing, () => {
  jest.setTimeout(300_000);

  test('a clean tree passes every gate and reports counts and times', async () => {
    const crate = copyCrate(HELLO_MCP);
    const r = await gates(crate);
    expect(r.result.failure).toBeUndefined();
    expect(r.annotations).toEqual([]);
    expect(Object.keys(r.gates)).toEqual(['fmt', 'clippy', 'test']);
    expect(Object.values(r.gates).map((g) => (g as { status: string }).status)).toEqual([
      'passed',
      'passed',
      'passed',
    ]);
    expect(r.gates.test.findings).toMatch(/^[1-9]\d* passed, 0 failed/);
    const md = r.result.summary.toMarkdown();
    expect(md).toContain('| fmt | ✅ passed |');
    expect(md).toMatch(/The gates ran side by side in \d+\.\d s \(wall time\)\./);
    // No "saved" figure: the sum of the gates' times, measured while they competed, is not a sequential run.
    expect(md).not.toMatch(/saved|one after another/);
    expect(md).toContain('```mermaid');
    // In a terminal the output of passing gates is left out; the commands are still echoed.
    expect(r.log).toContain('$ cargo test -p hello-mcp --no-fail-fast');
    expect(r.log).not.toContain('test result:');
  });

  test('an fmt violation is annotated on its file and line and fails the stage', async () => {
    const crate = copyCrate(HELLO_MCP);
    const at = appendRust(path.join(crate, 'src', 'main.rs'), FMT_VIOLATION);
    const r = await gates(crate);
    expect(r.result.failure).toMatch(/gates failed: fmt \(1 unformatted hunk\)/);
    const fmt = r.annotations.filter((a) => a.title === 'rustfmt');
    expect(fmt).toHaveLength(1);
    expect(fmt[0]).toMatchObject({
      level: 'error',
      file: 'hello-mcp/src/main.rs',
      line: at + FMT_LINE_OFFSET,
    });
    expect(r.gates.clippy.status).toBe('passed');
  });

  test('a clippy warning is denied by default, annotated once with its lint name', async () => {
    const crate = copyCrate(HELLO_MCP);
    const at = appendRust(path.join(crate, 'src', 'main.rs'), CLIPPY_VIOLATION);
    const r = await gates(crate);
    const lints = r.annotations.filter((a) => a.title === 'clippy::needless_return');
    // clippy --all-targets reports it for the bin and the test harness: one annotation remains.
    expect(lints).toHaveLength(1);
    expect(lints[0]).toMatchObject({
      level: 'error',
      file: 'hello-mcp/src/main.rs',
      line: at + CLIPPY_LINE_OFFSET,
      col: 5,
    });
    expect(r.gates.clippy).toMatchObject({ status: 'failed', findings: '1 error, 0 warnings' });
    expect(r.result.failure).toContain('clippy');
    // Every finding is also a row of the summary: the runner shows only 10 annotations per level.
    expect(r.result.summary.toMarkdown()).toContain(
      `| clippy | \`hello-mcp/src/main.rs:${at + CLIPPY_LINE_OFFSET}\` | clippy::needless_return: unneeded \`return\` statement | error |`,
    );
  });

  test('clippy-args without -D warnings turns the same lint into a passing warning', async () => {
    const crate = copyCrate(HELLO_MCP);
    appendRust(path.join(crate, 'src', 'main.rs'), CLIPPY_VIOLATION);
    const r = await gates(crate, { 'clippy-args': '-W clippy::needless_return' });
    expect(r.gates.clippy).toMatchObject({ status: 'passed', findings: '0 errors, 1 warning' });
    expect(r.annotations.find((a) => a.title === 'clippy::needless_return')?.level).toBe('warning');
  });

  test('a failing test is named in the summary and annotated at its assert', async () => {
    const crate = copyCrate(HELLO_MCP);
    const at = appendRust(path.join(crate, 'src', 'main.rs'), FAILING_TEST);
    const r = await gates(crate);
    expect(r.gates.test.status).toBe('failed');
    expect(r.gates.test.findings).toMatch(/ 1 failed/);
    expect(r.result.outputs['failing-tests']).toBe('injected_tests::injected_failure');
    const a = r.annotations.find((x) => x.title === 'test failed: injected_tests::injected_failure');
    expect(a).toMatchObject({ file: 'hello-mcp/src/main.rs', line: at + FAILING_TEST_LINE_OFFSET });
    expect(a?.message).toContain('injected failure');
    expect(r.result.summary.toMarkdown()).toContain('- `injected_tests::injected_failure`');
    // A failing gate's output is printed whole.
    expect(r.log).toMatch(/test injected_tests::injected_failure \.\.\. FAILED/);
  });

  test('every gate runs even when the first fails, unless fail-fast', async () => {
    const crate = copyCrate(HELLO_MCP);
    appendRust(path.join(crate, 'src', 'main.rs'), CLIPPY_VIOLATION + FAILING_TEST);
    const all = await gates(crate);
    expect(all.gates.clippy.status).toBe('failed');
    expect(all.gates.test.status).toBe('failed');
    const fast = await gates(crate, { 'fail-fast': 'true' });
    expect(fast.gates.clippy.status).toBe('failed');
    expect(fast.gates.test.status).toBe('skipped');
  });
});
