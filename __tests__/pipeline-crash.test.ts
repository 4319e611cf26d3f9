import * as os from 'node:os';
import { localContext } from '../src/context';
import { runPipeline, type Prepared } from '../src/pipeline';
import { registerSecret, setSink, textSink } from '../src/report/log';
import type { Stage } from '../src/stages/stage';

/** A stage whose run throws, as a stage does on a bug or an error it did not expect. */
function throwing(message: string): Stage<unknown> {
  return {
    name: 'deploy',
    parse: () => ({}),
    plan: () => ({ commands: [], values: {} }),
    run: async () => {
      throw new Error(message);
    },
  };
}

function prepared(message: string): Prepared {
  return {
    stages: ['deploy'],
    env: { ctx: localContext({}, os.tmpdir()), cwd: os.tmpdir(), state: {} },
    parsed: [{ name: 'deploy', impl: throwing(message), inputs: {} }],
  };
}

beforeAll(() => setSink(textSink(() => undefined)));

describe('pipeline: a stage that ends in an exception', () => {
  test('its summary row gives the reason, not only "error"', async () => {
    const r = await runPipeline(prepared('kubectl: connection refused (127.0.0.1:6443)'));
    expect(r.failure).toBe('deploy: kubectl: connection refused (127.0.0.1:6443)');
    const md = r.summary.toMarkdown();
    expect(md).toContain('| deploy | ❌ failed | error: kubectl: connection refused (127.0.0.1:6443) |');
    expect(r.summary.toText()).toContain('error: kubectl: connection refused (127.0.0.1:6443)');
  });

  test('a long or multi-line message: its first line in the row, the whole of it in details', async () => {
    const long = `${'x'.repeat(300)}\nsecond line | with a pipe`;
    const r = await runPipeline(prepared(long));
    const md = r.summary.toMarkdown();
    const row = md.split('\n').find((l) => l.startsWith('| deploy |'));
    expect(row).toContain(`error: ${'x'.repeat(159)}…`);
    expect(row).not.toContain('second line');
    expect(md).toContain('<details><summary>deploy: the whole error</summary>');
    expect(md).toContain('second line | with a pipe');
  });

  test('a registered secret in the message is redacted in the summary', async () => {
    registerSecret('pw-crash-5b1f9e');
    const r = await runPipeline(prepared('login failed for user ci with password pw-crash-5b1f9e'));
    expect(r.summary.toMarkdown()).not.toContain('pw-crash-5b1f9e');
    expect(r.summary.toMarkdown()).toContain('error: login failed for user ci with password ***');
  });
});
