import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { ROOT } from './support/action';

const action = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string; post?: string };
};

describe('action.yml and the README agree', () => {
  test('every input and output has a description', () => {
    const missing = [
      ...Object.entries(action.inputs).filter(([, v]) => !v.description?.trim()),
      ...Object.entries(action.outputs).filter(([, v]) => !v.description?.trim()),
    ].map(([k]) => k);
    expect(missing).toEqual([]);
  });

  test('the README inputs and outputs tables are the ones the input table generates', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('the README lists every input and output by name', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const k of [...Object.keys(action.inputs), ...Object.keys(action.outputs)])
      expect(readme).toContain(`| \`${k}\` |`);
  });

  test('the action runs on node24 from the committed bundle, with a post step', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js' });
    for (const f of [action.runs.main, action.runs.post!])
      expect(fs.existsSync(path.join(ROOT, f))).toBe(true);
  });
});
