#!/usr/bin/env node
// Derives the CI/CD component form (templates/gitlab/component/template.yml: `spec: inputs` + the same
// jobs) from the include template: every global MCP_* variable becomes an input (MCP_STAGING_URL ->
// staging-url) with the same default, and the variable takes `$[[ inputs.<name> ]]`. Nothing else differs,
// so the two forms cannot drift. `--write` writes the file; the tests compare it with this output.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TEMPLATE = path.join(ROOT, 'templates', 'gitlab', 'mcp-deploy.gitlab-ci.yml');
const OUT = path.join(ROOT, 'templates', 'gitlab', 'component', 'template.yml');

export function component(text) {
  const lines = text.split('\n');
  const start = lines.indexOf('variables:');
  const inputs = [];
  const body = lines.map((line, n) => {
    if (n <= start) return line;
    const m = /^ {2}MCP_([A-Z0-9_]+): (.*)$/.exec(line);
    if (!m || lines.slice(start + 1, n).some((l) => /^\S/.test(l))) return line;
    const name = m[1].toLowerCase().replace(/_/g, '-');
    const comment = [];
    for (let i = n - 1; i > start && /^ {2}#/.test(lines[i]); i--)
      comment.unshift(lines[i].replace(/^ {2}# ?/, ''));
    inputs.push({ name, def: m[2], comment: comment.join(' ') });
    return `  MCP_${m[1]}: $[[ inputs.${name} ]]`;
  });
  const header = [
    '# mcp-deploy as a GitLab CI/CD component: the same jobs as ../mcp-deploy.gitlab-ci.yml, configured by',
    '# inputs instead of variables (generated from it by `node __tests__/support/gitlab-component.mjs --write`).',
    '#',
    '#   include:',
    '#     - component: $CI_SERVER_FQDN/acme/mcp-deploy-action/mcp-deploy@1',
    '#       inputs:',
    '#         staging-deployments: hello-mcp',
    '#         staging-url: https://staging.mcp.example.com',
    'spec:',
    '  inputs:',
    ...inputs.flatMap((i) => [
      `    ${i.name}:`,
      `      default: ${i.def}`,
      ...(i.comment ? [`      description: ${JSON.stringify(i.comment)}`] : []),
    ]),
    '---',
  ];
  return `${header.join('\n')}\n${body.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = component(fs.readFileSync(TEMPLATE, 'utf8'));
  if (process.argv.includes('--write')) {
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, out);
  } else process.stdout.write(out);
}
