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
