#!/usr/bin/env node
// Writes everything that declares inputs and outputs from the one table in src/inputs/table.ts:
// action.yml, the five <stage>/action.yml (each: working-directory plus the inputs its stage reads, and
// its stage's outputs; same bundle through ../dist/<stage>.js) and the inputs/outputs tables of README.md
// (between the marker comments).
//
//   node scripts/generate.mjs           write them (npm run docs)
//   node scripts/generate.mjs --check   list the files that differ and exit 1 (the test suite runs this)
//   --root DIR                          work on another checkout (the drift test edits a copy)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The table module, transpiled alone (it imports nothing) so that this script needs no build step. */
export function loadTable(root = ROOT) {
  const ts = require('typescript');
  const source = fs.readFileSync(path.join(root, 'src', 'inputs', 'table.ts'), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const module = { exports: {} };
  new Function('module', 'exports', 'require', js)(module, module.exports, () => {
    throw new Error('src/inputs/table.ts must import nothing');
  });
  return module.exports;
}

const ABOUT = {
  gates: 'cargo fmt, clippy, test and audit as quality gates, with annotations and a job summary',
  build:
    'build and push the image with buildx or buildah, by-digest and merge for a matrix of native runners',
  scan: 'scan the pushed image by digest with Trivy, apply the severity policy and write SARIF',
  deploy: 'roll the image out to Kubernetes by digest, wait for it, and roll back a failed rollout',
  verify:
    'check the deployed MCP server with initialize, tools, smoke calls and its contract against a baseline',
};

const BRANDING = ['branding:', '  icon: upload-cloud', '  color: blue'];
const scalar = (v) => YAML.stringify(v, { lineWidth: 0, singleQuote: true }).trimEnd();

function inputLines(name, spec) {
  return [
    `  ${name}:`,
    `    description: ${scalar(spec.description)}`,
    `    default: ${scalar(spec.default)}`,
  ];
}
function outputLines(name, spec) {
  return [`  ${name}:`, `    description: ${scalar(spec.description)}`];
}

export const sectionOf = (t, name) => t.INPUTS[name].section ?? t.INPUTS[name].stages[0] ?? 'common';

/** Inputs of a stage action: those the stage reads (working-directory is read by every stage). */
export function stageInputNames(t, stage) {
  return Object.keys(t.INPUTS).filter((n) => t.INPUTS[n].stages.includes(stage));
}

export function rootAction(t) {
  const out = [
    '# Generated from src/inputs/table.ts by `node scripts/generate.mjs` (npm run docs): edit that, not this.',
    'name: mcp-deploy',
    'description: Gates, build, scan, deploy and verify a Rust MCP server, from a push to a verified Kubernetes rollout.',
    'author: mcp-deploy-action',
    ...BRANDING,
    '',
    'inputs:',
  ];
  let section;
  for (const [name, spec] of Object.entries(t.INPUTS)) {
    const s = sectionOf(t, name);
    if (s !== section) {
      if (section) out.push('');
      out.push(`  # ---- ${s} ----`);
      section = s;
    }
    out.push(...inputLines(name, spec));
  }
  out.push('', 'outputs:');
  section = 'gates';
  for (const [name, spec] of Object.entries(t.OUTPUTS)) {
    if (spec.stage !== section) out.push('', `  # ---- ${spec.stage} ----`);
    section = spec.stage;
    out.push(...outputLines(name, spec));
  }
  out.push('', 'runs:', '  using: node24', '  main: dist/index.js', '  post: dist/post.js', '');
  return out.join('\n');
}

export function stageAction(t, stage) {
  const outputs = Object.entries(t.OUTPUTS).filter(([, o]) => o.stage === stage);
  const out = [
    '# Generated from ../src/inputs/table.ts by `node scripts/generate.mjs` (npm run docs): edit that, not this.',
    `name: mcp-deploy ${stage}`,
    `description: The ${stage} stage of mcp-deploy on its own, for a job of its own (${ABOUT[stage]})`,
    'author: mcp-deploy-action',
    ...BRANDING,
    '',
    'inputs:',
    ...stageInputNames(t, stage).flatMap((n) => inputLines(n, t.INPUTS[n])),
  ];
  if (outputs.length) out.push('', 'outputs:', ...outputs.flatMap(([n, o]) => outputLines(n, o)));
  out.push(
    '',
    '# The same bundle as the full action; ../dist/<stage>.js only names the stage (paths are relative to this',
    "# directory, as in github/codeql-action's init/action.yml).",
    'runs:',
    '  using: node24',
    `  main: ../dist/${stage}.js`,
    '  post: ../dist/post.js',
    '',
  );
  return out.join('\n');
}

export function readmeTables(t) {
  const esc = (s) =>
    String(s ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ')
      .trim();
  const def = (v) => (v === undefined || v === '' ? '' : `\`${esc(v)}\``);
  const inputs = [
    '| Input | Description | Default |',
    '| --- | --- | --- |',
    ...Object.entries(t.INPUTS).map(([k, v]) => `| \`${k}\` | ${esc(v.description)} | ${def(v.default)} |`),
  ].join('\n');
  const outputs = [
    '| Output | Description |',
    '| --- | --- |',
    ...Object.entries(t.OUTPUTS).map(([k, v]) => `| \`${k}\` | ${esc(v.description)} |`),
  ].join('\n');
  return { inputs, outputs };
}

export function renderReadme(readme, t) {
  let out = readme;
  for (const [name, table] of Object.entries(readmeTables(t))) {
    const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out))
      throw new Error(`README.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> markers`);
    out = out.replace(re, (_m, a, b) => `${a}\n${table}\n${b}`);
  }
  return out;
}

/** Every generated file of a checkout: relative path -> the text it must have. */
export function generated(root = ROOT) {
  const t = loadTable(root);
  const files = { 'action.yml': rootAction(t) };
  for (const stage of t.STAGES) files[`${stage}/action.yml`] = stageAction(t, stage);
  files['README.md'] = renderReadme(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), t);
  return files;
}

/** The generated files whose committed text differs. */
export function drift(root = ROOT) {
  return Object.entries(generated(root))
    .filter(
      ([f, text]) =>
        !fs.existsSync(path.join(root, f)) || fs.readFileSync(path.join(root, f), 'utf8') !== text,
    )
    .map(([f]) => f);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at >= 0 ? path.resolve(args[at + 1]) : ROOT;
  if (args.includes('--check')) {
    const stale = drift(root);
    if (stale.length) {
      console.error(`${stale.join(', ')} differ from src/inputs/table.ts: run npm run docs`);
      process.exit(1);
    }
  } else
    for (const [f, text] of Object.entries(generated(root))) {
      const file = path.join(root, f);
      if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      process.stdout.write(`wrote ${f}\n`);
    }
}
