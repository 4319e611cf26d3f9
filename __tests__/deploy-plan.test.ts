import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { githubContext } from '../src/context';
import { InputReader, INPUTS } from '../src/inputs';
import { checkDigestRef as checkImageRef, imageName } from '../src/oci';
import { redact } from '../src/report/log';
import { deploy } from '../src/stages/deploy';
import { parseDeployInputs, parseTargets } from '../src/stages/deploy/inputs';
import { changeCause } from '../src/stages/deploy/plan';
import { checkKubeconfig, decodeKubeconfig } from '../src/tools/kubeconfig';
import { ROOT } from './support/action';

const DIGEST = 'sha256:' + 'ab12'.repeat(16);
const REF = `ghcr.io/acme/hello-mcp@${DIGEST}`;
const TOKEN = 'tok-7f3a9c1e5b2d8f4a6c0e';
const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: staging
  cluster:
    server: https://10.1.2.3:6443
    certificate-authority-data: Q0VSVElGSUNBVEUtREFUQS1YWVo=
contexts:
- name: ci@staging
  context: {cluster: staging, user: ci, namespace: hello}
- name: ci@prod
  context: {cluster: staging, user: ci}
current-context: ci@staging
users:
- name: ci
  user:
    token: ${TOKEN}
`;

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-plan-'));
fs.mkdirSync(path.join(workspace, 'k8s', 'overlay'), { recursive: true });
fs.writeFileSync(path.join(workspace, 'k8s', 'overlay', 'kustomization.yaml'), 'resources: []\n');
fs.mkdirSync(path.join(workspace, 'plain'));
const ctx = githubContext(
  {
    GITHUB_REPOSITORY: 'acme/hello-mcp',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/tags/v1.2.0',
    GITHUB_RUN_ID: '77',
    GITHUB_WORKSPACE: workspace,
  },
  workspace,
);

const reader = (inputs: Record<string, string>) => new InputReader((n) => inputs[n] ?? '');
const parse = (inputs: Record<string, string>) =>
  parseDeployInputs(reader({ stages: 'deploy', 'image-ref': REF, deployments: 'hello-mcp', ...inputs }), ctx);
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('deploy inputs: every mistake names the input and the fix', () => {
  test.each([
    ['ghcr.io/acme/hello-mcp:1.2.0', /input 'image-ref': .*deploys use the digest, never a mutable tag/],
    ['ghcr.io/acme/hello-mcp', /input 'image-ref': .*never a mutable tag/],
    [
      'ghcr.io/acme/hello-mcp@sha256:abc',
      /input 'image-ref': 'ghcr.io\/acme\/hello-mcp@sha256:abc' is not a valid digest/,
    ],
    [`ghcr.io/acme/hello-mcp@${DIGEST.toUpperCase()}`, /input 'image-ref'/],
    [`ghcr.io/Acme/hello-mcp@${DIGEST}`, /input 'image-ref'/],
  ])('image-ref %s is refused', (ref, msg) => {
    expect(errorOf(() => parse({ 'image-ref': ref }))).toMatch(msg);
  });

  test.each([
    REF,
    `ghcr.io/acme/hello-mcp:1.2.0@${DIGEST}`,
    `127.0.0.1:5000/hello@${DIGEST}`,
    `hello@${DIGEST}`,
  ])('image-ref %s is a digest reference', (ref) => expect(checkImageRef(ref)).toBe(ref));

  test('image-ref may be empty only when the build stage of the same run provides it', () => {
    expect(errorOf(() => parse({ 'image-ref': '' }))).toMatch(
      /input 'image-ref': is required .*add build to stages/,
    );
    expect(parse({ 'image-ref': '', stages: 'build,deploy' }).imageRef).toBeUndefined();
  });

  test.each([
    ['Hello-MCP', /input 'deployments': 'Hello-MCP' is not <deployment>\[=<container>\]/],
    ['a=b=c', /input 'deployments': 'a=b=c'/],
    ['hello=Server', /input 'deployments': container 'Server'/],
    ['hello,hello=server', /input 'deployments': 'hello' is listed twice/],
    ['-x', /input 'deployments'/],
  ])('deployments %s is refused', (v, msg) => {
    expect(errorOf(() => parse({ deployments: v }))).toMatch(msg);
  });

  test('deployments: names with optional containers, newline or comma separated, container input as default', () => {
    expect(parseTargets(['hello-mcp=server', 'worker'], '')).toEqual([
      { name: 'hello-mcp', container: 'server' },
      { name: 'worker', container: '' },
    ]);
    expect(parse({ deployments: 'a\nb=c', container: 'main' }).deployments).toEqual([
      { name: 'a', container: 'main' },
      { name: 'b', container: 'c' },
    ]);
  });

  test('set-image needs deployments; manifests needs an existing directory', () => {
    expect(errorOf(() => parse({ deployments: '' }))).toMatch(
      /input 'deployments': is required with strategy set-image/,
    );
    expect(errorOf(() => parse({ strategy: 'set-image', manifests: 'k8s' }))).toMatch(
      /input 'manifests': is only used with strategy manifests/,
    );
    expect(errorOf(() => parse({ strategy: 'manifests' }))).toMatch(
      /input 'manifests': is required with strategy manifests/,
    );
    expect(errorOf(() => parse({ strategy: 'manifests', manifests: 'nope' }))).toMatch(
      /input 'manifests': directory 'nope' does not exist/,
    );
    expect(errorOf(() => parse({ strategy: 'helm' }))).toMatch(
      /input 'strategy': 'helm' is not allowed \(fix: use one of: set-image, manifests\)/,
    );
    // Giving manifests chooses the strategy: what init's pipelines rely on.
    expect(parse({ manifests: 'k8s/overlay', deployments: '' }).strategy).toBe('manifests');
    const overlay = parse({ strategy: 'manifests', manifests: 'k8s/overlay', deployments: '' });
    expect(overlay).toMatchObject({
      manifests: path.join(workspace, 'k8s', 'overlay'),
      kustomize: true,
      deployments: [],
    });
    expect(parse({ strategy: 'manifests', manifests: 'plain' }).kustomize).toBe(false);
  });

  test.each([
    [{ 'rollout-timeout': 'soon' }, /input 'rollout-timeout': 'soon' is not a duration/],
    [{ 'rollback-on-failure': 'yes' }, /input 'rollback-on-failure': 'yes' is not a boolean/],
    [{ namespace: 'Hello_NS' }, /input 'namespace': 'Hello_NS' is not a namespace name/],
    [{ 'environment-url': 'staging.example.com' }, /input 'environment-url': .* is not an http\(s\) URL/],
    [{ context: 'a b' }, /input 'context'/],
  ])('%j is refused', (inputs, msg) => {
    expect(errorOf(() => parse(inputs))).toMatch(msg);
  });

  test('defaults: 5m timeout, rollback on, set-image, ambient kubeconfig, the same defaults as action.yml', () => {
    const i = parse({});
    expect(i).toMatchObject({
      rolloutTimeoutS: 300,
      rollbackOnFailure: true,
      strategy: 'set-image',
      namespace: '',
    });
    expect(i.kubeconfig).toBeUndefined();
    const action = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    for (const k of ['strategy', 'rollout-timeout', 'stuck-after', 'rollback-on-failure'] as const)
      expect(action.inputs[k].default).toBe(INPUTS[k].default);
    for (const k of [
      'image-ref',
      'kubeconfig',
      'context',
      'namespace',
      'deployments',
      'container',
      'manifests',
      'environment',
      'environment-url',
      'github-token',
    ])
      expect(action.inputs[k].default).toBe('');
  });
});

describe('kubeconfig input: checked without ever quoting it', () => {
  test('raw YAML and base64 both decode to the same kubeconfig', () => {
    expect(decodeKubeconfig(KUBECONFIG)).toBe(KUBECONFIG.trim());
    expect(decodeKubeconfig(Buffer.from(KUBECONFIG).toString('base64'))).toBe(KUBECONFIG);
    // base64 as `base64` prints it, wrapped at 76 columns
    expect(
      decodeKubeconfig(
        Buffer.from(KUBECONFIG)
          .toString('base64')
          .replace(/(.{76})/g, '$1\n'),
      ),
    ).toBe(KUBECONFIG);
  });

  test('current-context or the context input picks the cluster', () => {
    expect(checkKubeconfig(KUBECONFIG)).toEqual({
      contexts: ['ci@staging', 'ci@prod'],
      context: 'ci@staging',
      server: 'https://10.1.2.3:6443',
    });
    expect(checkKubeconfig(KUBECONFIG, 'ci@prod').context).toBe('ci@prod');
  });

  const broken: [string, string, RegExp][] = [
    ['not YAML', `${KUBECONFIG}\n  - : [${TOKEN}`, /input 'kubeconfig': is not valid YAML at line \d+/],
    ['not base64 either', `%%%${TOKEN}%%%`, /input 'kubeconfig': is not (valid YAML|a kubeconfig)/],
    [
      'base64 of something else',
      Buffer.from(`hello ${TOKEN}`).toString('base64'),
      /input 'kubeconfig': is neither kubeconfig YAML nor base64/,
    ],
    [
      'a manifest',
      `apiVersion: v1\nkind: Secret\nmetadata: {name: x}\ndata: {t: ${TOKEN}}`,
      /input 'kubeconfig': is not a kubeconfig/,
    ],
    [
      'no users',
      KUBECONFIG.replace(/users:[\s\S]*/, `users: []\n# ${TOKEN}`),
      /input 'kubeconfig': has no users/,
    ],
    [
      'dangling user',
      KUBECONFIG.replace('user: ci,', 'user: nobody,'),
      /input 'kubeconfig': context 'ci@staging' names a user that is not in/,
    ],
    [
      'unknown current-context',
      KUBECONFIG.replace('current-context: ci@staging', 'current-context: gone'),
      /input 'kubeconfig': context 'gone' is not in the kubeconfig \(fix: use one of: ci@staging, ci@prod\)/,
    ],
  ];
  test.each(broken)('%s: a clear error that contains none of the content', (_name, value, msg) => {
    const err = errorOf(() => parse({ kubeconfig: value }));
    expect(err).toMatch(msg);
    expect(err).not.toContain(TOKEN);
    expect(err).not.toContain('10.1.2.3');
  });

  test('a context that the kubeconfig lacks names the context input and the ones it has', () => {
    expect(errorOf(() => parse({ kubeconfig: KUBECONFIG, context: 'ci@dev' }))).toBe(
      "input 'context': context 'ci@dev' is not in the kubeconfig (fix: use one of: ci@staging, ci@prod)",
    );
  });

  test('reading the input masks the whole value, its decoded form and each line', () => {
    const b64 = Buffer.from(KUBECONFIG.replace(TOKEN, `${TOKEN}-b64`)).toString('base64');
    parse({ kubeconfig: b64 });
    expect(redact(`echo ${b64}`)).toBe('echo ***');
    expect(redact(`token: ${TOKEN}-b64`)).not.toContain(TOKEN);
    // The credential values are masked; the lines every kubeconfig has stay readable in later output.
    expect(redact('certificate-authority-data: Q0VSVElGSUNBVEUtREFUQS1YWVo=')).toBe(
      'certificate-authority-data: ***',
    );
    expect(redact('kind: Config')).toBe('kind: Config');
  });
});

describe('deploy plan: the exact kubectl argv', () => {
  const env = { ctx, cwd: workspace, state: {} };

  test('set-image: connection check, namespace check, annotate, set image by digest, wait, undo', () => {
    const i = parse({
      kubeconfig: KUBECONFIG,
      namespace: 'hello',
      deployments: 'hello-mcp=server',
      'rollout-timeout': '90s',
    });
    const p = deploy.plan(i, env);
    const base = [
      'kubectl',
      '--kubeconfig',
      '<RUNNER_TEMP>/mcp-deploy-<random>/kubeconfig',
      '--namespace',
      'hello',
    ];
    expect(p.commands.map((c) => c.argv)).toEqual([
      [
        'kubectl',
        '--kubeconfig',
        '<RUNNER_TEMP>/mcp-deploy-<random>/kubeconfig',
        'get',
        '--raw',
        '/version',
        '--request-timeout=15s',
      ],
      [
        'kubectl',
        '--kubeconfig',
        '<RUNNER_TEMP>/mcp-deploy-<random>/kubeconfig',
        'get',
        'namespace',
        'hello',
        '--output=name',
        '--request-timeout=15s',
      ],
      [...base, 'get', 'deployment', 'hello-mcp', '--output=json', '--ignore-not-found'],
      // With stuck-after (2m by default): the pods before the change, so only new ones count as stuck.
      [...base, 'get', 'pods', '--selector=<its selector>', '--output=json'],
      [
        ...base,
        'annotate',
        'deployment/hello-mcp',
        `kubernetes.io/change-cause=${changeCause(ctx, REF)}`,
        '--overwrite',
      ],
      [...base, 'set', 'image', 'deployment/hello-mcp', `server=${REF}`],
      [...base, 'rollout', 'status', 'deployment/hello-mcp', '--timeout=90s'],
      [...base, 'rollout', 'undo', 'deployment/hello-mcp', '--to-revision=<revision before>'],
    ]);
    expect(p.values).toMatchObject({
      cluster: 'https://10.1.2.3:6443 (context ci@staging)',
      'rollout-timeout': '90s',
    });
    // The plan is printed: it shows a path for the kubeconfig, never its content.
    expect(JSON.stringify(p)).not.toContain(TOKEN);
  });

  test('manifests: kustomize render, apply from stdin, wait for each named deployment', () => {
    const i = parse({
      strategy: 'manifests',
      manifests: 'k8s/overlay',
      deployments: 'a,b',
      context: 'kind',
      'rollback-on-failure': 'false',
    });
    const commands = deploy.plan(i, env).commands;
    expect(commands[0].why).toContain(`render ${path.join(workspace, 'k8s', 'overlay')} once`);
    const argv = commands.map((c) => c.argv.join(' '));
    expect(argv).toEqual([
      'kubectl kustomize <temp> --output=<temp>/rendered.yaml',
      'kubectl --context kind get --raw /version --request-timeout=15s',
      'kubectl --context kind apply --filename=- --validate=false',
      'kubectl --context kind rollout status deployment/a --timeout=300s',
      'kubectl --context kind rollout status deployment/b --timeout=300s',
    ]);
  });

  test('change-cause carries the digest, the commit, the ref and the run URL', () => {
    expect(changeCause(ctx, REF)).toBe(
      'mcp-deploy ab12ab12ab12 · commit 0123456789ab · refs/tags/v1.2.0 · https://github.com/acme/hello-mcp/actions/runs/77',
    );
  });

  test.each([
    [REF, 'ghcr.io/acme/hello-mcp'],
    [`localhost:5000/x/y:1.0@${DIGEST}`, 'localhost:5000/x/y'],
    ['localhost:5000/x', 'localhost:5000/x'],
    ['hello-mcp:latest', 'hello-mcp'],
  ])('image name of %s is %s', (ref, name) => expect(imageName(ref)).toBe(name));
});
