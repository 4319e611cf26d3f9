#!/usr/bin/env node
// The per-stage actions (gates/action.yml, build/action.yml ...) are derived from the root action.yml:
// each takes `working-directory` plus the inputs of its own `# ---- <stage> ----` section (verbatim: same
// descriptions and defaults) and the outputs of its section, and runs the same bundle through
// ../dist/<stage>.js. `node __tests__/support/stage-actions.mjs --write` regenerates them;
// __tests__/workflows.test.ts fails when a committed file differs from what this prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const STAGES = ['gates', 'build', 'scan', 'deploy', 'verify'];

/** Inputs a stage reads although another stage's section declares them. */
export const SHARED = {
  gates: ['tools-mirror'],
  scan: ['image-ref', 'username', 'password', 'registry-insecure'],
  deploy: ['tools-mirror'],
};

const ABOUT = {
  gates: 'cargo fmt, clippy, test and audit as quality gates, with annotations and a job summary',
  build:
    'build and push the image with buildx or buildah, by-digest and merge for a matrix of native runners',
  scan: 'scan the pushed image by digest with Trivy, apply the severity policy and write SARIF',
  deploy: 'roll the image out to Kubernetes by digest, wait for it, and roll back a failed rollout',
  verify:
    'check the deployed MCP server with initialize, tools, smoke calls and its contract against a baseline',
};

/** Splits a top-level mapping block (inputs: / outputs:) of action.yml into named items per section. */
export function sections(text, block) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `${block}:`);
  if (start < 0) return [];
  const items = [];
  let section = block === 'outputs' ? 'gates' : 'common';
  let current;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const header = /^ {2}# -+ *([a-z]+) *-+\s*$/.exec(line);
    if (header) {
      section = header[1];
      current = undefined;
      continue;
    }
    const name = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line);
    if (name) {
      current = { name: name[1], section, lines: [line] };
      items.push(current);
    } else if (current && line.startsWith('    ')) current.lines.push(line);
  }
  return items;
}

export function stageInputNames(text, stage) {
  const all = sections(text, 'inputs');
  const shared = SHARED[stage] ?? [];
  return all
    .filter((i) => i.name === 'working-directory' || i.section === stage || shared.includes(i.name))
    .map((i) => i.name);
}

export function stageAction(text, stage) {
  const inputs = sections(text, 'inputs');
  const outputs = sections(text, 'outputs').filter((o) => o.section === stage);
  const wanted = new Set(stageInputNames(text, stage));
  const branding = /^branding:\n(?: {2}.*\n)+/m.exec(text)?.[0] ?? '';
  const out = [
    `# Generated from ../action.yml by \`node __tests__/support/stage-actions.mjs --write\`: edit that, not this.`,
    `name: mcp-deploy ${stage}`,
    `description: The ${stage} stage of mcp-deploy on its own, for a job of its own (${ABOUT[stage]})`,
    'author: mcp-deploy-action',
    branding.trimEnd(),
    '',
    'inputs:',
    ...inputs.filter((i) => wanted.has(i.name)).flatMap((i) => i.lines.filter((l) => l.trim() !== '')),
  ];
  if (outputs.length)
    out.push('', 'outputs:', ...outputs.flatMap((o) => o.lines.filter((l) => l.trim() !== '')));
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
  return out.filter((l, n, a) => !(l === '' && a[n - 1] === '')).join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
  const write = process.argv.includes('--write');
  for (const stage of STAGES) {
    const file = path.join(ROOT, stage, 'action.yml');
    const want = stageAction(text, stage);
    if (write) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, want);
      process.stdout.write(
        `wrote ${path.relative(ROOT, file)} (${stageInputNames(text, stage).length} inputs)\n`,
      );
    } else process.stdout.write(`--- ${stage}/action.yml\n${want}`);
  }
}
