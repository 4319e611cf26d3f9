import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { binTargets, chooseBinary, ciFromRemote, fill, planInit } from '../src/commands/init';
import { imageFromRemote } from '../src/context';
import YAML from 'yaml';
import { ROOT } from './support/action';

const TEMPLATES = path.join(ROOT, 'templates');

describe('init: names from Cargo.toml and the git remote', () => {
  test.each([
    ['[package]\nname = "hello-mcp"\nversion = "0.1.0"\n', ['src/main.rs'], [], ['hello-mcp']],
    [
      '[package]\nname = "lib-name"\n\n[[bin]]\nname = "server"\npath = "src/main.rs"\n',
      ['src/main.rs'],
      [],
      ['server'],
    ],
    ['[package]\nname = "tools"\nautobins = false\n[[bin]]\nname = "srv"\n', ['src/main.rs'], [], ['srv']],
    [
      '[package]\nname = "multi"\n',
      ['src/bin/a/main.rs', 'src/bin/b.rs'],
      ['a', 'b.rs', 'notes'],
      ['a', 'b'],
    ],
    ['[package]\nname = "only-lib"\n', ['src/lib.rs'], [], []],
    ['[workspace]\nmembers = ["a"]\n', [], [], []],
  ])('binary targets of %#', (toml, files, srcBin, want) => {
    expect(binTargets(toml, (rel) => files.includes(rel), srcBin)).toEqual(want);
  });

  test.each([
    [['hello-mcp'], undefined, 'hello-mcp'],
    [['server'], undefined, 'server'],
    [['server', 'pkg'], undefined, 'pkg'],
    [['a', 'b'], 'b', 'b'],
  ])('the binary init picks from %j (--bin %s)', (bins, wanted, want) => {
    expect(chooseBinary('[package]\nname = "pkg"\n', bins, wanted)).toBe(want);
  });

  test.each([
    [[], undefined, /input 'bin': pkg has no binary target \(a library-only crate\).*pass --bin NAME/],
    [['a', 'b'], undefined, /input 'bin': pkg has several binaries \(a, b\).*pass --bin NAME/],
    [['a'], 'nope', /input 'bin': cargo has no binary 'nope' in pkg \(it has: a\)/],
  ])('no binary to pick from %j (--bin %s) is refused naming the input', (bins, wanted, want) => {
    expect(() => chooseBinary('[package]\nname = "pkg"\n', bins, wanted)).toThrow(want);
  });

  test.each([
    ['git@github.com:Acme/Hello-MCP.git', 'ghcr.io/acme/hello-mcp'],
    ['https://github.com/acme/hello-mcp', 'ghcr.io/acme/hello-mcp'],
    ['https://gitlab.com/group/sub/proj.git', 'registry.gitlab.com/group/sub/proj'],
    ['https://git.example.com/team/app.git', undefined],
  ])('image of %s', (remote, want) => {
    expect(imageFromRemote(remote)).toBe(want);
  });

  test.each([
    ['git@github.com:acme/app.git', 'github'],
    ['https://gitlab.com/group/app.git', 'gitlab'],
    ['git@gitlab.example.com:team/app.git', 'gitlab'],
    [undefined, 'github'],
  ])('CI of remote %s', (remote, want) => {
    expect(ciFromRemote(remote)).toBe(want);
  });

  test('placeholders are replaced everywhere and nothing else changes', () => {
    expect(fill('a {{crate}} b {{image}}:{{crate}} {{other}}', { crate: 'c', image: 'i' })).toBe(
      'a c b i:c {{other}}',
    );
  });

  test('every template placeholder is one init knows', () => {
    const files = planInit(
      TEMPLATES,
      fs.mkdtempSync(path.join(os.tmpdir(), 'init-')),
      { crate: 'x', image: 'y' },
      false,
    );
    expect(files.length).toBeGreaterThan(5);
    for (const f of files)
      expect(`${f.path}: ${f.content.match(/\{\{\s*(crate|image)\s*\}\}/)?.[0] ?? ''}`).toBe(`${f.path}: `);
  });
});

/** src/main.rs and Cargo.lock: what `cargo new` plus a first build leave. */
function binCrate(dir: string): void {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src/main.rs'), 'fn main() {}\n');
  fs.writeFileSync(path.join(dir, 'Cargo.lock'), 'version = 4\n');
}

describe('mcp-deploy init on a fresh repository (the CLI bundle)', () => {
  function freshRepo(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'init-repo-'));
    fs.writeFileSync(
      path.join(dir, 'Cargo.toml'),
      '[package]\nname = "weather-mcp"\nversion = "0.1.0"\nedition = "2021"\n',
    );
    binCrate(dir);
    spawnSync('git', ['init', '-q'], { cwd: dir });
    spawnSync('git', ['remote', 'add', 'origin', 'git@github.com:Acme/weather-mcp.git'], { cwd: dir });
    return dir;
  }
  const init = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'init', '--cwd', dir, ...args], {
      encoding: 'utf8',
    });

  test('writes the files filled in, then changes nothing and says why, and --force overwrites', () => {
    const dir = freshRepo();
    const first = init(dir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const dockerfile = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('weather-mcp');
    expect(dockerfile).not.toContain('{{crate}}');
    const workflow = YAML.parse(fs.readFileSync(path.join(dir, '.github/workflows/deploy.yml'), 'utf8'));
    expect(workflow.jobs.mcp.with).toMatchObject({
      'staging-deployments': 'weather-mcp',
      'staging-namespace': 'weather-mcp-staging',
    });
    const kustomization = fs.readFileSync(path.join(dir, 'deploy/k8s/base/kustomization.yaml'), 'utf8');
    expect(kustomization).toContain('ghcr.io/acme/weather-mcp');
    expect(fs.existsSync(path.join(dir, '.dockerignore'))).toBe(true);
    expect(first.stdout).toMatch(/Next steps:/);
    // Where CI compiles the binary, and how to change it, is one of the next steps.
    expect(first.stdout).toMatch(/binary-source: docker, the default\)\. With\s+binary-source: runner/);
    expect(dockerfile).toMatch(/^FROM scratch AS prebuilt$/m);
    // The baseline the workflow names does not exist before the first release: the steps say how it comes.
    expect(workflow.jobs.mcp.with['contract-baseline']).toBe('mcp-contract.json');
    expect(first.stdout).toContain(
      'mcp-deploy contract snapshot --url https://weather-mcp.staging.example.com/mcp > mcp-contract.json',
    );

    const before = fs.readFileSync(path.join(dir, 'Dockerfile'));
    fs.appendFileSync(path.join(dir, 'deploy/k8s/base/service.yaml'), '# my change\n');
    const second = init(dir);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(
      /Nothing changed: every file is already there \(1 differ from the templates; --force overwrites them\)/,
    );
    expect(fs.readFileSync(path.join(dir, 'deploy/k8s/base/service.yaml'), 'utf8')).toContain('# my change');
    expect(fs.readFileSync(path.join(dir, 'Dockerfile'))).toEqual(before);

    const forced = init(dir, '--force');
    expect(forced.stdout).toMatch(/overwrite\s+deploy\/k8s\/base\/service.yaml/);
    expect(fs.readFileSync(path.join(dir, 'deploy/k8s/base/service.yaml'), 'utf8')).not.toContain(
      '# my change',
    );
  });

  test('a GitLab repository gets the include template instead of a GitHub workflow', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'init-gl-'));
    fs.writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "notes-mcp"\n');
    binCrate(dir);
    spawnSync('git', ['init', '-q'], { cwd: dir });
    spawnSync('git', ['remote', 'add', 'origin', 'https://gitlab.com/team/notes-mcp.git'], { cwd: dir });
    const r = init(dir);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(dir, '.github'))).toBe(false);
    const ci = YAML.parse(fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8'));
    expect(ci.include[0].remote).toMatch(/\/templates\/gitlab\/mcp-deploy\.gitlab-ci\.yml$/);
    expect(ci.variables).toMatchObject({
      MCP_IMAGE: 'registry.gitlab.com/team/notes-mcp',
      MCP_STAGING_DEPLOYMENTS: 'notes-mcp',
      MCP_STAGING_MANIFESTS: 'deploy/k8s/overlays/staging',
    });
    // Every MCP_* the caller sets is one the include template declares.
    const template = YAML.parse(
      fs.readFileSync(path.join(ROOT, 'templates/gitlab/mcp-deploy.gitlab-ci.yml'), 'utf8'),
      { logLevel: 'error' }, // GitLab's own tags (!reference) are not YAML's
    );
    for (const k of Object.keys(ci.variables)) expect(Object.keys(template.variables)).toContain(k);
  });

  /** The staging and production hosts the generated overlays serve and accept, by environment. */
  function overlayHosts(dir: string, env: string): { ingress: string; allowed: string[] } {
    const k = YAML.parse(
      fs.readFileSync(path.join(dir, `deploy/k8s/overlays/${env}/kustomization.yaml`), 'utf8'),
    );
    const base = fs.readFileSync(path.join(dir, 'deploy/k8s/base/ingress.yaml'), 'utf8');
    const patched = (k.patches ?? [])
      .filter((p: { target: { kind: string } }) => p.target.kind === 'Ingress')
      .flatMap((p: { patch: string }) => YAML.parse(p.patch))
      .find((op: { path: string }) => op.path === '/spec/rules/0/host')?.value;
    const literal = (k.configMapGenerator[0].literals as string[]).find((l) =>
      l.startsWith('MCP_ALLOWED_HOSTS='),
    )!;
    return {
      ingress: patched ?? /- host: (\S+)/.exec(base)![1],
      allowed: literal.slice('MCP_ALLOWED_HOSTS='.length).split(','),
    };
  }

  test.each(['github', 'gitlab'])(
    'the %s pipeline deploys the generated overlays and verifies the hosts they serve',
    (ci) => {
      const dir = freshRepo();
      expect(init(dir, '--ci', ci).status).toBe(0);
      const vars: Record<string, string> =
        ci === 'github'
          ? YAML.parse(fs.readFileSync(path.join(dir, '.github/workflows/deploy.yml'), 'utf8')).jobs.mcp.with
          : Object.fromEntries(
              Object.entries(
                YAML.parse(fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).variables as Record<
                  string,
                  string
                >,
              ).map(([k, v]) => [k.replace(/^MCP_/, '').replace(/_/g, '-').toLowerCase(), v]),
            );
      if (ci === 'github') expect(vars.strategy).toBe('manifests');
      for (const env of ['staging', 'production']) {
        const manifests = vars[`${env}-manifests`];
        expect(fs.existsSync(path.join(dir, manifests, 'kustomization.yaml'))).toBe(true);
        const k = YAML.parse(fs.readFileSync(path.join(dir, manifests, 'kustomization.yaml'), 'utf8'));
        expect(vars[`${env}-namespace`]).toBe(k.namespace);
        const hosts = overlayHosts(dir, env);
        for (const key of ['url', 'mcp-url', 'health-url']) {
          const host = new URL(vars[`${env}-${key}`]).host;
          expect(`${env}-${key} ${host}`).toBe(`${env}-${key} ${hosts.ingress}`);
          expect(hosts.allowed).toContain(host);
        }
      }
    },
  );

  test('a binary whose name differs from the package is what the image builds and the cluster runs', () => {
    const dir = freshRepo();
    fs.writeFileSync(
      path.join(dir, 'Cargo.toml'),
      '[package]\nname = "weather-lib"\nversion = "0.1.0"\n\n[[bin]]\nname = "weatherd"\npath = "src/main.rs"\n',
    );
    expect(init(dir).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toContain('--bin weatherd');
    expect(fs.readFileSync(path.join(dir, 'deploy/k8s/base/deployment.yaml'), 'utf8')).toMatch(
      /name: weatherd/,
    );
  });

  test('a library-only crate is refused before anything is written; --bin names one that exists', () => {
    const dir = freshRepo();
    fs.rmSync(path.join(dir, 'src/main.rs'));
    fs.writeFileSync(path.join(dir, 'src/lib.rs'), '');
    const r = init(dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/input 'bin': weather-mcp has no binary target \(a library-only crate\)/);
    expect(fs.existsSync(path.join(dir, 'Dockerfile'))).toBe(false);
    expect(init(dir, '--bin', 'weather-mcp').stderr).toMatch(
      /input 'bin': cargo has no binary 'weather-mcp'/,
    );
  });

  test('a crate without Cargo.lock gets a warning that the --locked build needs it', () => {
    const dir = freshRepo();
    fs.rmSync(path.join(dir, 'Cargo.lock'));
    const r = init(dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^warning: no Cargo.lock for .*Cargo.toml: the Dockerfile builds with --locked/);
    expect(r.stdout).toMatch(/--health-check/);
  });

  test('--dry-run prints the files and writes nothing', () => {
    const dir = freshRepo();
    const r = init(dir, '--dry-run');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[dry-run\] create\s+Dockerfile/);
    expect(fs.existsSync(path.join(dir, 'Dockerfile'))).toBe(false);
  });

  test('a crate without a name and a remote we cannot map give errors naming the fix', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'init-bad-'));
    expect(init(dir).stderr).toMatch(
      /input 'crate': no crate name: .*Cargo.toml is missing .*pass --crate NAME/,
    );
    const r = init(dir, '--crate', 'x');
    expect(r.stderr).toMatch(/input 'image': no image name.*pass --image/);
    expect(r.status).toBe(2);
  });
});
