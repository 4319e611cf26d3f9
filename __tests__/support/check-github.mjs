#!/usr/bin/env node
// Validates workflows and action.yml files with GitHub's own parser (@actions/workflow-parser), the way
// github.com does before a run. Run with: node --import ./workflow-parser-loader.mjs check-github.mjs
//   workflow FILE [--remote owner/repo/path@ref=LOCALFILE ...]   reusable-workflow callers are checked
//                                                                 against the called file's inputs/secrets
//   action FILE
// Prints one JSON object: { errors: string[], template?: ... }.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from '@actions/workflow-parser';
import { parseAction, convertActionTemplate } from '@actions/workflow-parser/actions/index';

const [kind, file, ...rest] = process.argv.slice(2);
const remotes = new Map();
for (let i = 0; i < rest.length; i++)
  if (rest[i] === '--remote') {
    const [ref, local] = rest[++i].split('=');
    remotes.set(ref, local);
  }

const content = fs.readFileSync(file, 'utf8');
const trace = new NoOperationTraceWriter();
const errors = (ctx) => ctx.errors.getErrors().map((e) => e.message);

if (kind === 'action') {
  const parsed = parseAction({ name: file, content }, trace);
  const out = { errors: errors(parsed.context) };
  if (parsed.value && !out.errors.length) {
    const t = convertActionTemplate(parsed.context, parsed.value);
    out.errors = errors(parsed.context);
    out.template = {
      name: t.name,
      runs: t.runs,
      inputs: (t.inputs ?? []).map((i) => ({
        id: i.id,
        description: i.description,
        default: i.default?.toString(),
      })),
      outputs: (t.outputs ?? []).map((o) => ({ id: o.id, description: o.description })),
    };
  }
  process.stdout.write(JSON.stringify(out));
} else {
  const fetched = [];
  const provider = {
    async getFileContent(ref) {
      const id = 'owner' in ref ? `${ref.owner}/${ref.repository}/${ref.path}@${ref.version}` : ref.path;
      const local = remotes.get(id) ?? ('owner' in ref ? undefined : path.resolve(ref.path));
      if (!local || !fs.existsSync(local)) throw new Error(`no local copy of the reusable workflow ${id}`);
      fetched.push(id);
      return { name: id, content: fs.readFileSync(local, 'utf8') };
    },
  };
  const parsed = parseWorkflow({ name: file, content }, trace);
  let out = { errors: errors(parsed.context) };
  if (parsed.value) {
    const t = await convertWorkflowTemplate(parsed.context, parsed.value, provider, {
      fetchReusableWorkflowDepth: 1,
    });
    out = {
      errors: [...errors(parsed.context), ...(t.errors ?? []).map((e) => e.Message ?? String(e))],
      fetched,
      jobs: (t.jobs ?? []).map((j) => ({
        id: j.id?.value,
        type: j.type,
        needs: (j.needs ?? []).map((n) => n.value),
      })),
    };
  }
  process.stdout.write(
    JSON.stringify(
      [...new Set(out.errors)].length === out.errors.length
        ? out
        : { ...out, errors: [...new Set(out.errors)] },
    ),
  );
}
