import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectContext, repoFromRemote } from '../src/context';
import { brief, exec, execOk, toolEnv } from '../src/exec';
import { actionSource, cliSource, InputReader, parseDuration, parseStages, splitList } from '../src/inputs';
import { mermaid } from '../src/pipeline';
import { formatAnnotation, redact, registerSecret, setSink, textSink } from '../src/report/log';
import { cell, Summary } from '../src/report/summary';
import { shellWords } from '../src/words';

const reader = (v: Record<string, string>) => new InputReader((n) => v[n] ?? '');

describe('inputs', () => {
  test('lists split on commas and newlines, dropping blanks and comments', () => {
    expect(splitList('a, b\n# note\n\nc,d,')).toEqual(['a', 'b', 'c', 'd']);
  });

  test('stages are validated and put in pipeline order', () => {
    expect(parseStages(reader({ stages: 'verify\nGATES,build' }))).toEqual(['gates', 'build', 'verify']);
    expect(() => parseStages(reader({ stages: 'gates,deploi' }))).toThrow(
      "input 'stages': unknown value 'deploi' (fix: use any of: gates, build, scan, deploy, verify)",
    );
  });

  test.each([
    ['true', true],
    ['FALSE', false],
    ['', true],
  ])('boolean %p', (v, want) => {
    expect(reader({ x: v }).bool('x', true)).toBe(want);
  });

  test('a boolean that is not one names the input', () => {
    expect(() => reader({ audit: 'yes' }).bool('audit', true)).toThrow(
      "input 'audit': 'yes' is not a boolean (fix: use true or false)",
    );
  });

  test.each([
    ['90', 90],
    ['90s', 90],
    ['5m', 300],
    ['1h30m', 5400],
    ['', undefined],
    ['5 minutes', undefined],
  ])('duration %p', (v, want) => {
    expect(parseDuration(v)).toBe(want);
  });

  test('int and oneOf bounds name the input and the fix', () => {
    expect(() => reader({ n: '0' }).int('n', 3, 1, 10)).toThrow(
      "input 'n': '0' is not a whole number from 1 to 10",
    );
    expect(() => reader({ mode: 'x' }).oneOf('mode', ['a', 'b'] as const, 'a')).toThrow('use one of: a, b');
  });

  test('required inputs say how to provide them', () => {
    expect(() => reader({}).required('image', 'set image: ghcr.io/o/r')).toThrow(
      "input 'image': is required (fix: set image: ghcr.io/o/r)",
    );
  });

  test('the action reads INPUT_* the way the runner writes them; the CLI prefers flags, then MCP_*', () => {
    expect(actionSource({ 'INPUT_WORKING-DIRECTORY': 'crate' })('working-directory')).toBe('crate');
    const cli = cliSource({ 'clippy-args': '-W x' }, { MCP_CLIPPY_ARGS: '-D y', MCP_WORKING_DIRECTORY: 'w' });
    expect(cli('clippy-args')).toBe('-W x');
    expect(cli('working-directory')).toBe('w');
  });

  test('secret inputs are masked as soon as they are read', () => {
    const lines: string[] = [];
    setSink(textSink((l) => lines.push(l)));
    const token = reader({ password: 's3cr3t-value' }).secret('password');
    expect(redact(`login with ${token}`)).toBe('login with ***');
  });

  test('argument strings split on whitespace with quotes, never through a shell', () => {
    const splitArgs = (s: string) => shellWords(s, 'clippy-args');
    expect(splitArgs(`-D warnings -A "clippy::a b" '$(rm -rf /)'`)).toEqual([
      '-D',
      'warnings',
      '-A',
      'clippy::a b',
      '$(rm -rf /)',
    ]);
  });
});

describe('context', () => {
  test('GitHub pull request from a fork', () => {
    const ev = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ev-')), 'event.json');
    fs.writeFileSync(
      ev,
      JSON.stringify({
        pull_request: { number: 17, head: { repo: { full_name: 'someone/hello-mcp' } } },
        repository: { default_branch: 'main' },
      }),
    );
    const c = detectContext({
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: ev,
      GITHUB_REF: 'refs/pull/17/merge',
      GITHUB_HEAD_REF: 'feature/x',
      GITHUB_SHA: 'abc',
      GITHUB_REPOSITORY: 'acme/hello-mcp',
      GITHUB_RUN_ID: '9',
      GITHUB_WORKSPACE: '/w',
    });
    expect(c).toMatchObject({
      platform: 'github',
      event: 'pull_request',
      prNumber: 17,
      prHeadRef: 'feature/x',
      fork: true,
      defaultBranch: 'main',
      repositoryUrl: 'https://github.com/acme/hello-mcp',
      runUrl: 'https://github.com/acme/hello-mcp/actions/runs/9',
      workspace: '/w',
    });
  });

  test('GitLab tag pipeline and merge request pipeline', () => {
    const tag = detectContext({
      GITLAB_CI: 'true',
      CI_COMMIT_TAG: 'v1.2.3',
      CI_COMMIT_REF_NAME: 'v1.2.3',
      CI_COMMIT_SHA: 'f00',
      CI_PROJECT_DIR: '/b',
    });
    expect(tag).toMatchObject({ platform: 'gitlab', ref: 'refs/tags/v1.2.3', sha: 'f00', workspace: '/b' });
    const mr = detectContext({
      GITLAB_CI: 'true',
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_IID: '5',
      CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '1',
      CI_MERGE_REQUEST_PROJECT_ID: '2',
      CI_DEFAULT_BRANCH: 'main',
    });
    expect(mr).toMatchObject({
      event: 'merge_request_event',
      prNumber: 5,
      fork: true,
      defaultBranch: 'main',
    });
  });

  test.each([
    ['git@github.com:acme/hello-mcp.git', 'acme/hello-mcp'],
    ['https://github.com/acme/hello-mcp', 'acme/hello-mcp'],
    ['https://gitlab.example.com/group/sub/proj.git', 'group/sub/proj'],
    ['ssh://git@host:2222/o/r.git', 'o/r'],
  ])('repository from remote %s', (url, want) => {
    expect(repoFromRemote(url)).toBe(want);
  });
});

describe('exec', () => {
  test('argv reaches the program verbatim: no shell expands anything', async () => {
    const r = await execOk(
      [process.execPath, '-e', 'console.log(JSON.stringify(process.argv.slice(1)))', '$HOME', '`id`', 'a b'],
      { echo: false },
    );
    expect(JSON.parse(r.stdout)).toEqual(['$HOME', '`id`', 'a b']);
  });

  test('stdin carries secrets; echoed lines and captured output are redacted', async () => {
    const lines: string[] = [];
    setSink(textSink((l) => lines.push(l)));
    registerSecret('hunter2-password');
    const r = await exec(
      [process.execPath, '-e', 'process.stdin.pipe(process.stdout)', 'arg-hunter2-password'],
      {
        input: 'hunter2-password\n',
      },
    );
    expect(r.stdout).toBe('***\n');
    expect(lines.join('\n')).toContain('arg-***');
    expect(lines.join('\n')).not.toContain('hunter2');
  });

  test('a timeout kills the whole process group', async () => {
    const started = Date.now();
    const r = await exec(
      [
        process.execPath,
        '-e',
        'require("child_process").spawn("sleep",["30"],{stdio:"inherit"}); setTimeout(()=>{},30000)',
      ],
      {
        timeoutMs: 300,
        echo: false,
      },
    );
    expect(r.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a long command says every progressMs that it is still running, by its words, and stops saying so', async () => {
    const lines: string[] = [];
    setSink(textSink((l) => lines.push(l)));
    await exec(['sleep', '0.7'], { echo: false, progressMs: 200 });
    const progress = lines.filter((l) => l.startsWith('… sleep 0.7: still running after'));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 500));
    expect(lines.filter((l) => l.includes('still running')).length).toBe(progress.length);
  });

  test.each([
    [
      [
        '/usr/bin/kubectl',
        '--kubeconfig',
        '/tmp/k',
        '--namespace',
        'ns',
        'rollout',
        'status',
        'deploy/a',
        '--timeout=5m',
      ],
      'kubectl rollout status deploy/a',
    ],
    [['cargo', 'clippy', '--all-targets', '--message-format=json', '--', '-D', 'warnings'], 'cargo clippy'],
    [['docker', 'buildx', 'build', '--push', '--tag', 'r/i:1', '.'], 'docker buildx build .'],
  ])('brief(%j)', (argv, want) => expect(brief(argv)).toBe(want));

  test('a missing program is an error that says what to install', async () => {
    await expect(exec(['no-such-tool-xyz'], { echo: false })).rejects.toThrow(
      "'no-such-tool-xyz' was not found on PATH",
    );
  });

  test('execOk puts the tail of stderr in its error', async () => {
    await expect(
      execOk([process.execPath, '-e', 'console.error("boom"); process.exit(3)'], { echo: false }),
    ).rejects.toThrow(/exited with 3:\nboom/);
  });
});

describe('the environment tools inherit', () => {
  test('keeps the job environment, drops inputs, secret variables, runner credentials and secret values', () => {
    registerSecret('k8s-token-9f8e7d');
    const env = toolEnv({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      MCP_SERVER_PORT: '8080',
      MCP_STAGES: 'gates',
      INPUT_STAGES: 'gates',
      'INPUT_MCP-TOKEN': 'x',
      MCP_KUBECONFIG: '',
      MCP_MCP_TOKEN: 'tok',
      GITHUB_TOKEN: 'ghs_x',
      CI_JOB_TOKEN: 'glcbt',
      MCP_STAGING_KUBECONFIG: 'users:\n- user:\n    token: k8s-token-9f8e7d',
      SOME_VAR: 'prefix k8s-token-9f8e7d',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      MCP_SERVER_PORT: '8080',
      MCP_STAGES: 'gates',
    });
  });
});

describe('report', () => {
  test('Markdown tables keep user text on one line and inert', () => {
    const md = new Summary().table(['a', 'b'], [['x|y', 'line\nbreak']]).toMarkdown();
    expect(md).toBe('| a | b |\n| --- | --- |\n| x\\|y | line break |\n');
    expect(cell('a|b')).toBe('a\\|b');
  });

  test('text rendering aligns columns and drops the mermaid block', () => {
    const s = new Summary()
      .heading('Gates')
      .code('flowchart LR', 'mermaid')
      .table(['Gate', 'Status'], [['clippy', '**failed**']]);
    expect(s.toText()).toBe('Gates\n=====\n\n\n\nGate    Status\n------  ------\nclippy  failed\n');
  });

  test('code fences grow past backticks in the content', () => {
    expect(new Summary().code('a ``` b').toMarkdown()).toBe('````\na ``` b\n````\n');
  });

  test('annotations in text form are compiler-style', () => {
    expect(
      formatAnnotation({
        level: 'error',
        file: 'src/a.rs',
        line: 3,
        col: 5,
        title: 'clippy::x',
        message: 'm',
      }),
    ).toBe('src/a.rs:3:5: error: clippy::x: m');
  });

  test('the pipeline diagram marks each stage by status', () => {
    const m = mermaid(['gates', 'build'], {
      gates: { status: 'success', headline: '', summary: new Summary(), outputs: {}, durationMs: 1200 },
      build: { status: 'failure', headline: '', summary: new Summary(), outputs: {}, durationMs: 100 },
    });
    expect(m).toContain('gates["gates<br/>success · 1.2 s"]');
    expect(m).toContain('class gates ok');
    expect(m).toContain('class build bad');
    expect(m).toContain('class scan,deploy,verify off');
  });
});

describe('multi-line secrets', () => {
  test('a kubeconfig is masked by its credential lines, not by the lines every YAML file has', () => {
    setSink(textSink(() => undefined));
    registerSecret(
      [
        'apiVersion: v1',
        'kind: Config',
        'users:',
        '- name: ci',
        '  user:',
        '    token: abc123',
        '    client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t',
      ].join('\n'),
    );
    expect(redact('kind: Config\napiVersion: v1\nname: ci')).toBe('kind: Config\napiVersion: v1\nname: ci');
    expect(redact('Authorization: Bearer abc123')).toBe('Authorization: Bearer ***');
    expect(redact('key LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t')).toBe('key ***');
  });
});

test('names in a kubeconfig stay readable: a namespace or cluster name is not a secret', () => {
  setSink(textSink(() => undefined));
  registerSecret(
    'contexts:\n- context:\n    cluster: production-cluster-eu\n    namespace: hello-mcp-staging\n    user: deployer\n  name: ci\n',
  );
  expect(redact('--namespace hello-mcp-staging on production-cluster-eu')).toBe(
    '--namespace hello-mcp-staging on production-cluster-eu',
  );
});

test('the CLI refuses a secret as a flag and names the variable to use', () => {
  expect(() => cliSource({ password: 'hunter2' })).toThrow(
    "input 'password': --password would put a secret in the process list and shell history (fix: export MCP_PASSWORD instead)",
  );
  expect(cliSource({}, { MCP_KUBECONFIG: 'apiVersion: v1' })('kubeconfig')).toBe('apiVersion: v1');
});
