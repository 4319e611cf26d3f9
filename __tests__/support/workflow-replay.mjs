#!/usr/bin/env node
// Replays a GitHub workflow run on this machine: the caller and the reusable workflow it calls are read with
// GitHub's own parser (@actions/workflow-parser) and every expression (if, with, env, outputs, needs,
// strategy/matrix, concurrency, environment, secrets) is evaluated by GitHub's own evaluator
// (@actions/expressions). Jobs run in `needs` order; this repository's actions run their bundle as the
// runner does (INPUT_*, GITHUB_OUTPUT/STATE/ENV/STEP_SUMMARY, then the post step), `run:` steps run in bash,
// and third-party actions are small stand-ins doing what the workflow relies on (see STANDINS).
//
// Run: node --import ./workflow-parser-loader.mjs workflow-replay.mjs SPEC.json   (prints the record as JSON)
// SPEC: { caller, reusable: {ref, file, sha}, actionRepo: {name, dir}, repository, defaultBranch,
//         event: {name, ref, sha, payload}, secrets, withOverrides, callerRepoDir, runnerEnv, workDir,
//         cacheDir, stepTimeoutMs }
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  convertWorkflowTemplate,
  isBasicExpression,
  isLiteral,
  isMapping,
  isSequence,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const trace = new NoOperationTraceWriter();
const record = { jobs: [], environments: [], checkouts: [], artifacts: [], sarif: [], outputs: {} };

// ---------- parsing (GitHub's parser) ----------

function parsed(file) {
  const r = parseWorkflow({ name: file, content: fs.readFileSync(file, 'utf8') }, trace);
  const errors = r.context.errors.getErrors().map((e) => e.message);
  if (errors.length || !r.value) throw new Error(`${file}: ${errors.join('; ')}`);
  return r;
}

const callerParsed = parsed(spec.caller);
const reusableRaw = parsed(spec.reusable.file).value;
const template = await convertWorkflowTemplate(
  callerParsed.context,
  callerParsed.value,
  {
    async getFileContent(ref) {
      const id = `${ref.owner}/${ref.repository}/${ref.path}@${ref.version}`;
      if (id !== spec.reusable.ref) throw new Error(`the caller references ${id}, not ${spec.reusable.ref}`);
      return { name: id, content: fs.readFileSync(spec.reusable.file, 'utf8') };
    },
  },
  { fetchReusableWorkflowDepth: 1 },
);
if (template.errors?.length) throw new Error(template.errors.map((e) => e.Message).join('; '));

/** A key's value in a raw mapping token, or undefined. */
const find = (token, key) => (token && isMapping(token) ? token.find(key) : undefined);
const rawJob = (raw, id) => find(find(raw, 'jobs'), id);
const rawStepWith = (raw, jobId, n) => {
  const steps = find(rawJob(raw, jobId), 'steps');
  return steps && isSequence(steps) ? find(steps.get(n), 'with') : undefined;
};

// ---------- expressions (GitHub's evaluator) ----------

const toData = (v) => JSON.parse(JSON.stringify(v ?? null), data.reviver);
const fromData = (d) => JSON.parse(JSON.stringify(d, data.replacer));

function evaluate(expr, scope) {
  const functions = new Map(
    // The evaluator looks functions up by their lower-cased name.
    Object.entries(scope.functions).map(([name, fn]) => [
      name.toLowerCase(),
      { name, minArgs: 0, maxArgs: 255, call: (...args) => toData(fn(...args.map(fromData))) },
    ]),
  );
  const { tokens } = new Lexer(expr).lex();
  const ctx = new data.Dictionary(
    ...Object.entries(scope.contexts).map(([key, value]) => ({ key, value: toData(value) })),
  );
  const ast = new Parser(tokens, Object.keys(scope.contexts), [...functions.values()]).parse();
  return fromData(new Evaluator(ast, ctx, functions).evaluate());
}

/** A template token's value: expressions evaluated, mappings and sequences recursively. */
function value(token, scope) {
  if (token === undefined || token === null) return undefined;
  if (typeof token !== 'object') return token;
  if (isBasicExpression(token)) return evaluate(token.expression, scope);
  if (isMapping(token)) {
    const out = {};
    for (const pair of token) out[value(pair.key, scope)] = value(pair.value, scope);
    return out;
  }
  if (isSequence(token)) {
    const out = [];
    for (let i = 0; i < token.count; i++) out.push(value(token.get(i), scope));
    return out;
  }
  if (isLiteral(token)) return token.value ?? null;
  throw new Error(`cannot evaluate a ${token.templateTokenType} token`);
}

const str = (v) =>
  v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
const truthy = (v) => !(v === false || v === 0 || v === '' || v === null || v === undefined);

/** hashFiles as the runner computes it: sha256 over the sha256 of each matching file, '' when none match. */
function hashFiles(workspace, patterns) {
  const escape = (t) => t.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  const res = patterns.map(
    (p) =>
      new RegExp(
        `^${p
          .split('**/')
          .map((part) => part.split('*').map(escape).join('[^/]*'))
          .join('(?:.*/)?')}$`,
      ),
  );
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && res.some((re) => re.test(path.relative(workspace, p)))) files.push(p);
    }
  };
  walk(workspace);
  if (!files.length) return '';
  const all = crypto.createHash('sha256');
  for (const f of files.sort()) all.update(crypto.createHash('sha256').update(fs.readFileSync(f)).digest());
  return all.digest('hex');
}

// ---------- the run ----------

const event = spec.event;
fs.mkdirSync(spec.workDir, { recursive: true });
const eventPath = path.join(spec.workDir, 'event.json');
fs.writeFileSync(eventPath, JSON.stringify(event.payload));
const githubToken = `ghs_replay${crypto.randomBytes(8).toString('hex')}`;
const github = {
  event_name: event.name,
  event: event.payload,
  ref: event.ref,
  ref_name: event.ref.replace(/^refs\/(heads|tags)\//, ''),
  ref_type: event.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
  sha: event.sha,
  repository: spec.repository,
  repository_owner: spec.repository.split('/')[0],
  actor: event.payload.sender?.login ?? 'octocat',
  token: githubToken,
  run_id: '4242',
  run_attempt: '1',
  server_url: 'https://github.com',
  api_url: 'https://api.github.com',
  head_ref: event.payload.pull_request?.head?.ref ?? '',
  base_ref: event.payload.pull_request?.base?.ref ?? '',
};

/** Jobs of `list`, in needs order, each after the ones it needs (the parser already rejected cycles). */
function ordered(list) {
  const done = new Set();
  const out = [];
  while (out.length < list.length)
    for (const j of list)
      if (!done.has(j.id.value) && (j.needs ?? []).every((n) => done.has(n.value))) {
        done.add(j.id.value);
        out.push(j);
      }
  return out;
}

/** Runs the jobs of one workflow; returns {jobId: {result, outputs}} (the `needs`/`jobs` context). */
function runWorkflow(jobs, wf) {
  const results = {};
  const ancestors = (job) => {
    const seen = new Set();
    const visit = (id) => {
      for (const n of jobs.find((j) => j.id.value === id).needs ?? [])
        if (!seen.has(n.value)) {
          seen.add(n.value);
          visit(n.value);
        }
    };
    visit(job.id.value);
    return [...seen].map((id) => results[id].result);
  };
  for (const job of ordered(jobs)) {
    const id = job.id.value;
    const jobPath = wf.prefix ? `${wf.prefix}/${id}` : id;
    const needs = Object.fromEntries((job.needs ?? []).map((n) => [n.value, results[n.value]]));
    const before = ancestors(job);
    const scope = {
      contexts: {
        github,
        inputs: wf.inputs,
        secrets: wf.secrets,
        vars: {},
        needs,
        env: {},
        job: { workflow_repository: wf.repository, workflow_sha: wf.sha },
      },
      // Job-level status functions look at every ancestor, not only `needs`: a skipped job anywhere up the
      // chain makes success() false, as on GitHub (actions/runner#2205).
      functions: {
        success: () => before.every((r) => r === 'success'),
        failure: () => before.includes('failure'),
        cancelled: () => false,
        always: () => true,
      },
    };
    const entry = { job: jobPath, condition: job.if?.expression };
    record.jobs.push(entry);
    if (!truthy(value(job.if, scope))) {
      Object.assign(entry, {
        result: 'skipped',
        needs: Object.fromEntries(Object.entries(needs).map(([k, v]) => [k, v.result])),
      });
      results[id] = { result: 'skipped', outputs: {} };
      continue;
    }
    if (job.type === 'reusableWorkflowJob') {
      const r = runReusable(job, scope, jobPath);
      Object.assign(entry, { result: r.result });
      results[id] = r;
      continue;
    }
    const strategy = job.strategy ? value(job.strategy, scope) : undefined;
    const combos = strategy ? expandMatrix(strategy.matrix ?? {}) : [undefined];
    entry.matrix = strategy ? combos : undefined;
    let result = 'success';
    let outputs = {};
    for (const matrix of combos) {
      const r = runJob(
        job,
        { ...scope, contexts: { ...scope.contexts, matrix: matrix ?? {}, strategy: strategy ?? {} } },
        wf,
        jobPath,
      );
      Object.assign(entry, r.record);
      outputs = { ...outputs, ...r.outputs };
      if (r.result === 'failure') {
        result = 'failure';
        if (strategy?.['fail-fast'] !== false) break;
      }
    }
    entry.result = result;
    results[id] = { result, outputs };
  }
  return results;
}

function expandMatrix(matrix) {
  const { include = [], exclude = [], ...axes } = matrix;
  let combos = Object.keys(axes).length ? [{}] : [];
  for (const [k, vs] of Object.entries(axes))
    combos = combos.flatMap((c) => vs.map((v) => ({ ...c, [k]: v })));
  combos = combos.filter((c) => !exclude.some((x) => Object.entries(x).every(([k, v]) => c[k] === v)));
  return [...combos, ...include];
}

/** A reusable workflow job: inputs typed with their defaults, only declared secrets, jobs, then outputs. */
function runReusable(job, scope, prefix) {
  const call = find(find(reusableRaw, 'on'), 'workflow_call');
  const given = value(job['input-values'], scope) ?? {};
  Object.assign(given, spec.withOverrides ?? {});
  const inputs = {};
  for (const pair of find(call, 'inputs') ?? []) {
    const name = pair.key.value;
    const type = value(find(pair.value, 'type'), scope);
    const v = name in given ? given[name] : value(find(pair.value, 'default'), scope);
    inputs[name] = type === 'boolean' ? v === true || v === 'true' : type === 'number' ? Number(v) : str(v);
  }
  const passed = value(job['secret-values'], scope) ?? {};
  const secrets = {};
  for (const pair of find(call, 'secrets') ?? [])
    if (passed[pair.key.value]) secrets[pair.key.value] = passed[pair.key.value];
  const wf = {
    prefix,
    inputs,
    secrets,
    repository: spec.actionRepo.name,
    sha: spec.reusable.sha,
    raw: reusableRaw,
  };
  const results = runWorkflow(job.jobs, wf);
  const outScope = { contexts: { ...scope.contexts, inputs, jobs: results }, functions: scope.functions };
  const outputs = {};
  for (const pair of find(call, 'outputs') ?? [])
    outputs[pair.key.value] = str(value(find(pair.value, 'value'), outScope));
  const result = Object.values(results).some((r) => r.result === 'failure') ? 'failure' : 'success';
  record.outputs[prefix] = outputs;
  return { result, outputs };
}

// ---------- one job on a fresh runner ----------

function runJob(job, jobScope, wf, jobPath) {
  const dir = fs.mkdtempSync(path.join(spec.workDir, `${jobPath.replace(/\W+/g, '-')}-`));
  // Like a hosted runner: one fixed workspace path (work/<repo>/<repo>), empty at the start of every job.
  // Fixed matters: cargo bakes target paths into test binaries, which a restored target/ then reuses.
  const name = github.repository.split('/')[1];
  const workspace = path.join(spec.cacheDir, 'work', name, name);
  const temp = path.join(dir, 'temp');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  fs.mkdirSync(temp);
  const runner = { os: 'Linux', arch: 'X64', temp, name: 'replay', environment: 'github-hosted' };
  const rec = { steps: [], 'runs-on': undefined };
  const contexts = {
    ...jobScope.contexts,
    runner,
    steps: {},
    job: { ...jobScope.contexts.job, status: 'success' },
  };
  const scope = { contexts, functions: { ...jobScope.functions } };
  rec['runs-on'] = value(job['runs-on'], scope);
  if (job.environment) {
    const env = value(job.environment, scope);
    const e = typeof env === 'string' ? { name: env } : env;
    rec.environment = e;
    // Environments are treated as approved: what is recorded is that this job waited on one.
    record.environments.push({ job: jobPath, ...e });
  }
  if (job.concurrency) rec.concurrency = value(job.concurrency, scope);
  const jobEnv = value(job.env, scope) ?? {};
  contexts.env = { ...jobEnv };
  let failed = false;
  const posts = [];
  const baseEnv = {
    ...spec.runnerEnv,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_REPOSITORY_OWNER: github.repository_owner,
    GITHUB_REF: github.ref,
    GITHUB_REF_NAME: github.ref_name,
    GITHUB_REF_TYPE: github.ref_type,
    GITHUB_SHA: github.sha,
    GITHUB_HEAD_REF: github.head_ref,
    GITHUB_BASE_REF: github.base_ref,
    GITHUB_EVENT_NAME: github.event_name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_ACTOR: github.actor,
    GITHUB_RUN_ID: github.run_id,
    GITHUB_RUN_ATTEMPT: github.run_attempt,
    GITHUB_SERVER_URL: github.server_url,
    // Nothing here may reach GitHub: the API address is a closed local port.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_JOB: job.id.value,
    RUNNER_OS: runner.os,
    RUNNER_ARCH: runner.arch,
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: path.join(spec.cacheDir, 'toolcache'),
  };
  const setFiles = {};
  job.steps.forEach((step, n) => {
    const ok = !failed;
    contexts.job.status = failed ? 'failure' : 'success';
    scope.functions = {
      ...scope.functions,
      success: () => ok,
      failure: () => !ok,
      cancelled: () => false,
      always: () => true,
      hashFiles: (...p) => hashFiles(workspace, p),
    };
    const name = str(value(step.name, scope)) || (step.uses ? step.uses.value : 'run');
    const s = { name, uses: step.uses?.value };
    rec.steps.push(s);
    if (!truthy(value(step.if, scope))) {
      s.result = 'skipped';
      return;
    }
    const stepEnv = Object.fromEntries(
      Object.entries(value(step.env, scope) ?? {}).map(([k, v]) => [k, str(v)]),
    );
    const files = {};
    for (const [k, f] of Object.entries({
      GITHUB_OUTPUT: 'output',
      GITHUB_STATE: 'state',
      GITHUB_ENV: 'env',
      GITHUB_PATH: 'path',
      GITHUB_STEP_SUMMARY: 'summary',
    })) {
      files[k] = path.join(temp, `_${n}_${f}`);
      fs.writeFileSync(files[k], '');
    }
    const env = { ...baseEnv, ...setFiles, ...contexts.env, ...stepEnv, ...files };
    let r;
    if (step.run) {
      const script = path.join(temp, `_${n}.sh`);
      fs.writeFileSync(script, str(value(step.run, scope)));
      r = exec(['bash', '--noprofile', '--norc', '-eo', 'pipefail', script], env, workspace);
    } else {
      const withValues = Object.fromEntries(
        Object.entries(value(rawStepWith(wf.raw ?? callerParsed.value, job.id.value, n), scope) ?? {}).map(
          ([k, v]) => [k, str(v)],
        ),
      );
      s.with = withValues;
      r = useAction(step.uses.value, withValues, env, workspace, scope, posts, jobPath);
    }
    Object.assign(s, {
      result: r.status === 0 ? 'success' : 'failure',
      status: r.status,
      stdout: r.stdout,
      stderr: r.stderr,
      ms: r.ms,
    });
    s.summary = fs.readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    const outputs = parseCommandFile(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8'));
    s.outputs = outputs;
    Object.assign(contexts.env, parseCommandFile(fs.readFileSync(files.GITHUB_ENV, 'utf8')));
    const addPath = fs.readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean);
    if (addPath.length) baseEnv.PATH = [...addPath.reverse(), baseEnv.PATH].join(path.delimiter);
    if (r.state !== undefined) r.state.value = parseCommandFile(fs.readFileSync(files.GITHUB_STATE, 'utf8'));
    contexts.steps[step.id] = { outputs, outcome: s.result, conclusion: s.result };
    if (r.status !== 0) failed = true;
  });
  // Post steps run in reverse order, whatever happened before (post-if defaults to always()).
  for (const post of posts.reverse()) {
    const r = post();
    rec.steps.push(r);
  }
  const outputs = Object.fromEntries(
    Object.entries(value(job.outputs, scope) ?? {}).map(([k, v]) => [k, str(v)]),
  );
  return { result: failed ? 'failure' : 'success', outputs, record: rec };
}

function exec(argv, env, cwd) {
  const started = Date.now();
  const r = spawnSync(argv[0], argv.slice(1), {
    env,
    cwd,
    encoding: 'utf8',
    timeout: spec.stepTimeoutMs ?? 300_000,
  });
  const timedOut = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
  return {
    status: timedOut ? 124 : (r.status ?? 1),
    stdout: r.stdout ?? '',
    stderr: (r.stderr ?? '') + (timedOut ? '\nreplay: step timed out' : ''),
    ms: Date.now() - started,
  };
}

export function parseCommandFile(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const body = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      out[heredoc[1]] = body.join('\n');
    } else if (lines[i].includes('='))
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
  }
  return out;
}

// ---------- actions ----------

/** Where a `uses:` of this repository's actions points on disk, or undefined for a third-party action. */
function ourAction(uses, workspace) {
  if (uses.startsWith('./')) return path.resolve(workspace, uses);
  const [repo, ref] = uses.split('@');
  const parts = repo.split('/');
  if (`${parts[0]}/${parts[1]}` !== spec.actionRepo.name) return undefined;
  record.checkouts.push({ action: uses, ref });
  return path.join(spec.actionRepo.dir, ...parts.slice(2));
}

function useAction(uses, withValues, env, workspace, scope, posts, jobPath) {
  const dir = ourAction(uses, workspace);
  if (!dir) {
    const standin = STANDINS.find(([prefix]) => uses.startsWith(`${prefix}@`));
    if (!standin) return { status: 1, stdout: '', stderr: `replay: no stand-in for ${uses}` };
    try {
      const out = standin[1](withValues, { workspace, env, jobPath, scope });
      return { status: 0, stdout: out ?? '', stderr: '' };
    } catch (e) {
      return { status: 1, stdout: '', stderr: `${uses}: ${e.message}` };
    }
  }
  const file = ['action.yml', 'action.yaml'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!file) return { status: 1, stdout: '', stderr: `replay: Can't find 'action.yml' under '${dir}'` };
  const ap = parseAction({ name: file, content: fs.readFileSync(file, 'utf8') }, trace);
  const action = convertActionTemplate(ap.context, ap.value);
  const errors = ap.context.errors.getErrors().map((e) => e.message);
  if (errors.length) return { status: 1, stdout: '', stderr: errors.join('\n') };
  if (!/^node\d+$/.test(action.runs.using))
    return { status: 1, stdout: '', stderr: `replay: ${action.runs.using} actions are not replayed` };
  const inputs = {};
  for (const i of action.inputs ?? [])
    inputs[i.id] = i.id in withValues ? withValues[i.id] : str(value(i.default, scope));
  for (const k of Object.keys(withValues))
    if (!(k in inputs)) return { status: 1, stdout: '', stderr: `replay: ${uses} has no input '${k}'` };
  // The runner's names: spaces to underscores, upper case, dashes kept (INPUT_WORKING-DIRECTORY).
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
  );
  const r = exec([process.execPath, path.join(dir, action.runs.main)], { ...env, ...inputEnv }, workspace);
  r.state = { value: {} };
  if (action.runs.post) {
    const state = r.state;
    posts.push(() => {
      const stateEnv = Object.fromEntries(Object.entries(state.value).map(([k, v]) => [`STATE_${k}`, v]));
      const p = exec(
        [process.execPath, path.join(dir, action.runs.post)],
        { ...env, ...inputEnv, ...stateEnv },
        workspace,
      );
      return {
        name: `Post ${uses}`,
        uses,
        result: p.status === 0 ? 'success' : 'failure',
        status: p.status,
        stdout: p.stdout,
        stderr: p.stderr,
        ms: p.ms,
      };
    });
  }
  return r;
}

const lines = (v) =>
  String(v ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const home = (p, env) => (p.startsWith('~/') ? path.join(env.HOME, p.slice(2)) : p);

/** actions/cache/restore: the workspace paths become links into the replay's cache. */
function restoreCache(w, { workspace, env }) {
  const restored = [];
  for (const p of lines(w.path)) {
    const abs = path.resolve(workspace, home(p, env));
    if (!abs.startsWith(workspace + path.sep)) continue; // the runner's home is this machine's
    const kept = path.join(spec.cacheDir, 'actions-cache', path.relative(workspace, abs));
    fs.mkdirSync(kept, { recursive: true });
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.rmSync(abs, { recursive: true, force: true });
    fs.symlinkSync(kept, abs);
    restored.push(path.relative(workspace, abs));
  }
  return `cache ${w.key}: ${restored.join(', ') || 'nothing inside the workspace'}\n`;
}

/**
 * Third-party actions, each doing what the workflow relies on and no more:
 * checkout puts the caller's repository (or, for job.workflow_repository, this action repository at the
 * commit asked for) into the workspace; cache keeps paths inside the workspace between runs of this
 * replay; upload/download-artifact pass files between jobs; upload-sarif checks it was handed SARIF 2.1.0.
 */
const STANDINS = [
  [
    'actions/checkout',
    (w, { workspace, jobPath }) => {
      const dest = path.resolve(workspace, w.path || '.');
      if (!dest.startsWith(workspace)) throw new Error(`path ${w.path} is outside the workspace`);
      const repository = w.repository || github.repository;
      record.checkouts.push({
        job: jobPath,
        repository,
        ref: w.ref || github.sha,
        path: w.path || '.',
        persistCredentials: w['persist-credentials'],
      });
      if (repository === spec.actionRepo.name) {
        if (w.ref !== spec.reusable.sha)
          throw new Error(`${repository} at ${w.ref || '(no ref)'} is not the commit under test`);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.symlinkSync(spec.actionRepo.dir, dest);
      } else if (repository === github.repository)
        // Timestamps kept, so the cached target/ (actions/cache) is as fresh as it would be after a cache hit.
        fs.cpSync(spec.callerRepoDir, dest, { recursive: true, preserveTimestamps: true });
      else throw new Error(`no copy of ${repository}`);
      return `checked out ${repository}@${w.ref || github.sha} into ${w.path || '.'}\n`;
    },
  ],
  ['actions/cache/restore', restoreCache],
  // The restored paths are links into the replay's cache directory: what the job left there is saved.
  ['actions/cache/save', (w) => `cache ${w.key}: saved\n`],
  [
    'actions/upload-artifact',
    (w, { workspace, jobPath }) => {
      const src = path.resolve(workspace, w.path);
      if (!fs.existsSync(src)) {
        if (w['if-no-files-found'] === 'error')
          throw new Error(`No files were found with the provided path: ${w.path}`);
        return 'no files\n';
      }
      const dest = path.join(spec.workDir, 'artifacts', w.name);
      if (fs.existsSync(dest)) throw new Error(`an artifact named ${w.name} already exists`);
      fs.mkdirSync(dest, { recursive: true });
      fs.cpSync(src, path.join(dest, path.basename(src)), { recursive: true });
      record.artifacts.push({ job: jobPath, name: w.name });
      return `uploaded ${w.name}\n`;
    },
  ],
  [
    'actions/download-artifact',
    (w, { workspace }) => {
      const root = path.join(spec.workDir, 'artifacts');
      const re = new RegExp(
        `^${(w.pattern || w.name || '*').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
      );
      const names = fs.existsSync(root) ? fs.readdirSync(root).filter((n) => re.test(n)) : [];
      if (!names.length) throw new Error(`no artifact matches ${w.pattern || w.name}`);
      const dest = path.resolve(workspace, w.path || '.');
      for (const n of names)
        fs.cpSync(path.join(root, n), w['merge-multiple'] === 'true' ? dest : path.join(dest, n), {
          recursive: true,
        });
      return `downloaded ${names.join(', ')}\n`;
    },
  ],
  [
    'github/codeql-action/upload-sarif',
    (w, { workspace, jobPath }) => {
      const sarif = JSON.parse(fs.readFileSync(path.resolve(workspace, w.sarif_file), 'utf8'));
      if (sarif.version !== '2.1.0') throw new Error(`${w.sarif_file} is not SARIF 2.1.0`);
      record.sarif.push({ job: jobPath, file: w.sarif_file, category: w.category, runs: sarif.runs.length });
      return `uploaded ${w.sarif_file}\n`;
    },
  ],
];

// ---------- go ----------

const top = runWorkflow(template.jobs, {
  prefix: '',
  inputs: {},
  secrets: spec.secrets ?? {},
  repository: spec.repository,
  sha: event.sha,
  raw: undefined,
});
record.result = Object.values(top).some((r) => r.result === 'failure') ? 'failure' : 'success';
process.stdout.write(JSON.stringify(record));
