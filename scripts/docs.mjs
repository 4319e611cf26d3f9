// Writes the inputs and outputs tables of README.md from action.yml (between the marker comments), so
// the README cannot drift from the action; `--check` only reports a difference (used by the test suite).
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function tables(actionYml) {
  const action = YAML.parse(actionYml);
  const esc = (s) =>
    String(s ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ')
      .trim();
  const def = (v) => (v === undefined || v === '' ? '' : `\`${esc(v)}\``);
  const inputs = [
    '| Input | Description | Default |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs ?? {}).map(
      ([k, v]) => `| \`${k}\` | ${esc(v.description)} | ${def(v.default)} |`,
    ),
  ].join('\n');
  const outputs = [
    '| Output | Description |',
    '| --- | --- |',
    ...Object.entries(action.outputs ?? {}).map(([k, v]) => `| \`${k}\` | ${esc(v.description)} |`),
  ].join('\n');
  return { inputs, outputs };
}

export function render(readme, actionYml) {
  const t = tables(actionYml);
  let out = readme;
  for (const [name, table] of Object.entries(t)) {
    const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out))
      throw new Error(`README.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> markers`);
    out = out.replace(re, (_m, a, b) => `${a}\n${table}\n${b}`);
  }
  return out;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const readmePath = path.join(root, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const next = render(readme, fs.readFileSync(path.join(root, 'action.yml'), 'utf8'));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md inputs/outputs tables differ from action.yml: run npm run docs');
      process.exit(1);
    }
  } else fs.writeFileSync(readmePath, next);
}
