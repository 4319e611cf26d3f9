import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { envName, INPUTS, OUTPUTS, STAGES, type InputName } from '../src/inputs/table';
import { PINNED } from '../src/tools';
import { ROOT } from './support/action';

const GENERATE = path.join(ROOT, 'scripts', 'generate.mjs');
const GENERATED = ['action.yml', 'README.md', ...STAGES.map((s) => `${s}/action.yml`)];

/** A checkout with only what the generator reads and writes, to edit by hand. */
function copy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'generate-'));
  for (const f of [...GENERATED, 'src/inputs/table.ts']) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  return dir;
}
const check = (root: string) =>
  spawnSync(process.execPath, [GENERATE, '--check', '--root', root], { encoding: 'utf8' });

describe('files generated from src/inputs/table.ts', () => {
  let dir: string;
  beforeEach(() => {
    dir = copy();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the committed files are what the table generates', () => {
    const r = check(dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('a hand edit of any generated file fails the check, naming the file', () => {
    for (const file of GENERATED) {
      const f = path.join(dir, file);
      const text = fs.readFileSync(f, 'utf8');
      const edited = text.replace(/\| `stages` \||description: /, '$&x');
      expect(edited).not.toBe(text);
      fs.writeFileSync(f, edited);
    }
    const r = check(dir);
    expect(r.status).toBe(1);
    for (const file of GENERATED) expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('run npm run docs');
  });

  test('a new table entry reaches action.yml, its stage action and the README; writing makes the check pass', () => {
    const table = path.join(dir, 'src/inputs/table.ts');
    fs.writeFileSync(
      table,
      fs
        .readFileSync(table, 'utf8')
        .replace(
          '  toolchain: {',
          "  'watch-time': {\n    stages: ['deploy'],\n    kind: 'duration',\n    default: '0s',\n    description: 'How long to watch.',\n  },\n  toolchain: {",
        ),
    );
    expect(check(dir).status).toBe(1);
    expect(spawnSync(process.execPath, [GENERATE, '--root', dir], { encoding: 'utf8' }).status).toBe(0);
    expect(check(dir).status).toBe(0);
    const root = YAML.parse(fs.readFileSync(path.join(dir, 'action.yml'), 'utf8'));
    expect(root.inputs['watch-time']).toEqual({ description: 'How long to watch.', default: '0s' });
    expect(
      YAML.parse(fs.readFileSync(path.join(dir, 'deploy/action.yml'), 'utf8')).inputs['watch-time'],
    ).toBeDefined();
    expect(
      YAML.parse(fs.readFileSync(path.join(dir, 'gates/action.yml'), 'utf8')).inputs['watch-time'],
    ).toBeUndefined();
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain(
      '| `watch-time` | How long to watch. | `0s` |',
    );
  });
});

describe('the input table', () => {
  const names = Object.keys(INPUTS) as InputName[];

  test('every input and output has a description, and every choice its allowed values', () => {
    for (const n of names) {
      const spec = INPUTS[n];
      expect({ n, ok: spec.description.length > 10 }).toEqual({ n, ok: true });
      if (spec.kind === 'choice' || spec.kind === 'subset')
        expect({ n, allowed: 'allowed' in spec }).toEqual({ n, allowed: true });
    }
    for (const o of Object.values(OUTPUTS)) expect(o.description.length).toBeGreaterThan(10);
  });

  test('a choice’s default is one of its allowed values (or empty, derived and described); a boolean’s is true or false', () => {
    for (const n of names) {
      const spec: { kind: string; default: string; allowed?: readonly string[]; description: string } =
        INPUTS[n];
      // An empty default is decided by the stage from other inputs, which the description must say.
      if (spec.kind === 'choice')
        expect({
          n,
          d: spec.default === '' ? /\bEmpty\b/.test(spec.description) : spec.allowed?.includes(spec.default),
        }).toEqual({ n, d: true });
      if (spec.kind === 'boolean')
        expect({ n, d: ['true', 'false'].includes(spec.default) }).toEqual({ n, d: true });
    }
  });

  test('the default Trivy is the pinned one', () => {
    expect(INPUTS['trivy-version'].default).toBe(PINNED.trivy.version);
  });

  test('names are lower-case words with dashes, so flags and MCP_* variables follow from them', () => {
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(envName('working-directory')).toBe('MCP_WORKING_DIRECTORY');
  });
});
