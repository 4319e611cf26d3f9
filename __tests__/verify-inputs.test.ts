import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { localContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { redact } from '../src/report/log';
import { prepare } from '../src/pipeline';
import { verify } from '../src/stages/verify';
import { parseVerifyInputs } from '../src/stages/verify/inputs';
import { shellWords } from '../src/words';

const splitCommand = (s: string) => shellWords(s, 'mcp-command');
import { chooseTarget, healthHeaders, resolveCommand, serverEnv } from '../src/stages/verify/plan';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-inputs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const parse = (v: Record<string, string>, cwd = dir) =>
  parseVerifyInputs(new InputReader((n) => v[n] ?? ''), cwd);
const URL_ = { 'mcp-url': 'https://mcp.example.com/mcp' };
const CONTRACT = {
  format: 1,
  server: { name: 'srv', version: '1.0.0' },
  protocolVersion: '2025-06-18',
  tools: [{ name: 'add', inputSchema: { type: 'object' } }],
};

describe('verify inputs', () => {
  test('needs mcp-url or mcp-command, and says how to give one', () => {
    expect(() => parse({})).toThrow(/input 'mcp-url': is required .*\(fix: set mcp-url .* or mcp-command/);
  });

  test.each([
    [{ 'mcp-url': 'mcp.example.com/mcp' }, /input 'mcp-url': 'mcp.example.com\/mcp' is not a URL/],
    [{ 'mcp-url': 'ftp://x/mcp' }, /input 'mcp-url': .* is not an http\(s\) URL/],
    [{ ...URL_, 'health-url': '/health' }, /input 'health-url'/],
    [
      { ...URL_, contract: 'strict' },
      /input 'contract': 'strict' is not allowed \(fix: use one of: fail-on-breaking, warn, off\)/,
    ],
    [{ ...URL_, 'verify-timeout': 'soon' }, /input 'verify-timeout': 'soon' is not a duration/],
    [{ ...URL_, 'verify-timeout': '0' }, /input 'verify-timeout': must be at least 1s/],
    [{ ...URL_, 'mcp-smoke': 'add {a: 1}' }, /input 'mcp-smoke': arguments of 'add' are not JSON/],
    [{ ...URL_, 'mcp-smoke': 'add [1, 2]' }, /input 'mcp-smoke': arguments of 'add' must be a JSON object/],
    [{ ...URL_, 'mcp-headers': 'no colon here' }, /input 'mcp-headers': a line is not 'Name: value'/],
    [
      { ...URL_, 'mcp-token': 'abcd1234', 'mcp-headers': 'authorization: Basic x' },
      /input 'mcp-token': .*use one of the two/,
    ],
    [
      { ...URL_, 'contract-baseline': '.' },
      /input 'contract-baseline': '.' is not a file .*contract snapshot/,
    ],
  ])('refuses %p', (values, message) => {
    expect(() => parse(values)).toThrow(message);
  });

  test('defaults agree with action.yml: fail-on-breaking, 60s, no baseline when mcp-contract.json is absent', () => {
    const i = parse(URL_);
    expect(i).toMatchObject({ contract: 'fail-on-breaking', timeoutSec: 60, smoke: [], headers: {} });
    expect(i.baseline).toBeUndefined();
    const action = YAML.parse(fs.readFileSync(path.join(__dirname, '..', 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const defaults = Object.fromEntries(
      [
        'mcp-url',
        'mcp-command',
        'mcp-headers',
        'mcp-token',
        'health-url',
        'mcp-smoke',
        'contract',
        'contract-baseline',
        'verify-timeout',
      ].map((k) => [k, action.inputs[k]?.default]),
    );
    expect(defaults).toEqual({
      'mcp-url': '',
      'mcp-command': '',
      'mcp-headers': '',
      'mcp-token': '',
      'health-url': '',
      'mcp-smoke': '',
      contract: 'fail-on-breaking',
      'contract-baseline': '',
      'verify-timeout': '60s',
    });
  });

  test('a named baseline that does not exist yet is the first release, not bad input: it is written there', () => {
    // init's pipelines name mcp-contract.json before any release has written it.
    const wd = fs.mkdtempSync(path.join(dir, 'first-'));
    const i = parse({ ...URL_, 'contract-baseline': 'contracts/mcp-contract.json' }, wd);
    expect(i.baseline).toBeUndefined();
    expect(i.firstBaseline).toBe(path.join(wd, 'contracts', 'mcp-contract.json'));
    // Unnamed and absent: nothing is compared and nothing is written.
    expect(parse(URL_, wd).firstBaseline).toBeUndefined();
  });

  test('picks up mcp-contract.json from the working directory when it exists', () => {
    const wd = fs.mkdtempSync(path.join(dir, 'wd-'));
    fs.writeFileSync(path.join(wd, 'mcp-contract.json'), JSON.stringify(CONTRACT));
    expect(parse(URL_, wd).baseline).toBe(path.join(wd, 'mcp-contract.json'));
    expect(parse(URL_, wd).baselineContract?.tools.map((t) => t.name)).toEqual(['add']);
  });

  describe('the baseline is read and checked with the inputs, before any stage runs', () => {
    const wd = fs.mkdtempSync(path.join(dir, 'baseline-'));
    test.each([
      [
        '{"format": 1, "tools": [',
        /^input 'contract-baseline': bad\.json is not JSON: .*\(fix: write it again with/,
      ],
      ['{"tools": []}', /^input 'contract-baseline': bad\.json is not an mcp-contract\.json \(format 1\)/],
    ])('%s is refused', (text, message) => {
      fs.writeFileSync(path.join(wd, 'bad.json'), text);
      expect(() => parse({ ...URL_, 'contract-baseline': 'bad.json' }, wd)).toThrow(message);
    });

    test('also the mcp-contract.json picked up by default; not read at all with contract: off', () => {
      const d = fs.mkdtempSync(path.join(dir, 'default-'));
      fs.writeFileSync(path.join(d, 'mcp-contract.json'), '{}');
      expect(() => parse(URL_, d)).toThrow(
        /^input 'contract-baseline': mcp-contract\.json is not an mcp-contract/,
      );
      expect(parse({ ...URL_, contract: 'off' }, d).baselineContract).toBeUndefined();
    });

    test('a pipeline with deploy and verify stops in prepare, before deploy runs', async () => {
      const d = fs.mkdtempSync(path.join(dir, 'pipeline-'));
      fs.writeFileSync(path.join(d, 'mcp-contract.json'), '{"format": 1,');
      const values: Record<string, string> = { stages: 'verify', ...URL_ };
      await expect(prepare(new InputReader((n) => values[n] ?? ''), localContext({}, d))).rejects.toThrow(
        /^input 'contract-baseline': mcp-contract\.json is not JSON/,
      );
    });
  });

  test('smoke lines: tool name then a JSON object, arguments optional', () => {
    expect(parse({ ...URL_, 'mcp-smoke': 'add {"a": 1, "b": 2}\n# a comment\nping' }).smoke).toEqual([
      { tool: 'add', args: { a: 1, b: 2 } },
      { tool: 'ping', args: {} },
    ]);
  });

  test('header values and the token are secrets: masked wherever printed', () => {
    const i = parse({ ...URL_, 'mcp-headers': 'X-Api-Key: key-abc-123', 'mcp-token': 'tok-zyx-987' });
    expect(i.headers).toEqual({ 'X-Api-Key': 'key-abc-123', Authorization: 'Bearer tok-zyx-987' });
    expect(redact('sent key-abc-123 and Bearer tok-zyx-987')).toBe('sent *** and ***');
  });

  test('mcp-command is split into argv with quotes, never through a shell', () => {
    expect(splitCommand(`docker run -i --rm "my image" 'a b' $HOME 'x;y' --x="a b"`)).toEqual([
      'docker',
      'run',
      '-i',
      '--rm',
      'my image',
      'a b',
      '$HOME',
      'x;y',
      '--x=a b',
    ]);
  });

  test.each([
    [`srv --stdio; rm -rf /`, /^input 'mcp-command': ';' is shell syntax/],
    [`srv | tee log`, /^input 'mcp-command': '\|' is shell syntax/],
    [`srv > out`, /^input 'mcp-command': '>' is shell syntax/],
    [`srv "--name=a b`, /^input 'mcp-command': has an unclosed " quote/],
    [`srv 'it`, /^input 'mcp-command': has an unclosed ' quote/],
  ])('%s is refused: it would need a shell', (cmd, message) => {
    expect(() => splitCommand(cmd)).toThrow(message);
  });
});

describe('verify target', () => {
  const both = parse({ ...URL_, 'mcp-command': './target/release/srv --stdio' });
  test('a pull request verifies the built server; a push verifies the deployed URL', () => {
    expect(chooseTarget(both, localContext({}, dir, { ref: 'refs/pull/7/merge' })).kind).toBe('stdio');
    expect(chooseTarget(both, localContext({}, dir, { ref: 'refs/heads/main' })).kind).toBe('http');
    expect(chooseTarget(parse(URL_), localContext({}, dir, { ref: 'refs/pull/7/merge' })).kind).toBe('http');
  });

  test('{image} in mcp-command becomes the digest built in this run, and is an error without one', () => {
    const argv = splitCommand('docker run -i --rm --network none {image} --stdio');
    expect(resolveCommand(argv, { imageRef: 'r/app@sha256:ab' })).toEqual([
      'docker',
      'run',
      '-i',
      '--rm',
      '--network',
      'none',
      'r/app@sha256:ab',
      '--stdio',
    ]);
    expect(resolveCommand(argv, {})).toBeUndefined();
  });

  test('the plan shows the target and its reason, and header names but never values', () => {
    const env = { ctx: localContext({}, dir, { ref: 'refs/pull/3/merge' }), cwd: dir, state: {} };
    const i = verify.parse(
      new InputReader(
        (n) => ({ ...URL_, 'mcp-command': 'srv --stdio', 'mcp-token': 'tok-plan-555' })[n] ?? '',
      ),
      env,
    );
    const p = verify.plan(i, env);
    expect(p.commands).toEqual([{ argv: ['srv', '--stdio'], why: expect.stringContaining('stdio') }]);
    expect(p.values['target-why']).toMatch(/pull request/);
    expect(p.values.headers).toBe('Authorization (values masked)');
    expect(JSON.stringify(p)).not.toContain('tok-plan-555');
  });

  test('the plan names the image that {image} stands for, or the digest once the build set it', () => {
    const ctx = localContext({}, dir);
    const i = parse({ 'mcp-command': 'docker run -i --rm {image} --stdio' });
    expect(verify.plan(i, { ctx, cwd: dir, state: {} }).values['{image}']).toMatch(/build stage/);
    const built = verify.plan(i, { ctx, cwd: dir, state: { imageRef: 'r/app@sha256:cd' } });
    expect(built.commands[0].argv).toEqual(['docker', 'run', '-i', '--rm', 'r/app@sha256:cd', '--stdio']);
    expect(built.values['{image}']).toBeUndefined();
  });

  test('a run with {image} but no image built fails before starting anything, naming the input', async () => {
    const r = await verify.run(parse({ 'mcp-command': 'docker run -i {image}' }), {
      ctx: localContext({}, dir),
      cwd: dir,
      state: {},
    });
    expect(r.status).toBe('failure');
    expect(r.failure).toMatch(
      /input 'mcp-command' uses \{image\} but no image was built in this run \(fix: add build to stages/,
    );
  });

  test('the stdio server gets the environment without the action inputs (they hold the secrets)', () => {
    const e = serverEnv({
      PATH: '/bin',
      INPUT_MCP_TOKEN: 's',
      'INPUT_MCP-TOKEN': 's',
      MCP_MCP_TOKEN: 's',
      MCP_PROMETHEUS_TOKEN: 's',
      MCP_PROMETHEUS_HEADERS: 's',
      DOCKER_HOST: 'unix:///d',
    });
    expect(e).toEqual({ PATH: '/bin', DOCKER_HOST: 'unix:///d' });
  });

  test('the health check gets the MCP headers only on the same origin', () => {
    const same = parse({ ...URL_, 'health-url': 'https://mcp.example.com/health', 'mcp-token': 'tok-1234' });
    const other = parse({
      ...URL_,
      'health-url': 'https://status.example.org/health',
      'mcp-token': 'tok-1234',
    });
    expect(healthHeaders(same)).toEqual({ Authorization: 'Bearer tok-1234' });
    expect(healthHeaders(other)).toBeUndefined();
  });
});

describe('credentials in mcp-url are redacted from the moment the input is read', () => {
  test('the plan shows *** and every later log line masks the values', () => {
    const i = parse({
      'mcp-url': 'https://svc:pw-7xq2k9@mcp.example.com/mcp?api_key=key-88ab31&region=eu',
      'health-url': 'https://mcp.example.com/health?token=hk-5521zz',
    });
    const p = verify.plan(i, { ctx: localContext({}, dir), cwd: dir, state: {} });
    expect(p.values.target).toBe(
      'https://svc:***@mcp.example.com/mcp?api_key=***&region=eu (Streamable HTTP)',
    );
    expect(p.values['health-url']).toBe('https://mcp.example.com/health?token=***');
    expect(JSON.stringify(p)).not.toMatch(/pw-7xq2k9|key-88ab31|hk-5521zz/);
    expect(redact('fetch https://svc:pw-7xq2k9@x/?api_key=key-88ab31 hk-5521zz')).not.toMatch(
      /pw-7xq2k9|key-88ab31|hk-5521zz/,
    );
  });

  test('a URL that is not http(s) is refused without printing its password', () => {
    expect(() => parse({ 'mcp-url': 'ftp://u:pw-99zzk1@host/mcp' })).toThrow(
      /'ftp:\/\/u:\*\*\*@host\/mcp' is not an http/,
    );
  });
});
