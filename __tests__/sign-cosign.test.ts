import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCleanups } from '../src/cleanup';
import type { RunContext } from '../src/context';
import { ActionError } from '../src/errors';
import { cosignPath } from '../src/tools/cosign';
import { setSink, textSink } from '../src/report/log';
import { checkProvenance, resolveSign, resolveVerify, signImage, verifyImage } from '../src/signing';
import { runAction, type ActionRun } from './support/action';
import { startDockerd, type Dockerd } from './support/dockerd';
import { freePort, startRegistry, type Registry } from './support/registry';
import { describeWith, missingCommands } from './support/skip';

/**
 * Signing and verification with the real cosign (Debian's) against a real registry on 127.0.0.1, on a
 * two-platform index that the build stage built and pushed through the action's bundle. The registry and
 * `cosign verify` run by the test are the judges, not what the module says it did. The transparency log is
 * off throughout: Rekor and Fulcio cannot be reached from here.
 */
const PASSWORD = 'Sign-pw-9c41-not-in-any-output';
const OTHER_PASSWORD = 'Other-pw-77e2-also-secret';

const lines: string[] = [];
setSink(textSink((l) => lines.push(l)));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  }).trim();
}

/** A git checkout whose origin is this repository, so buildx records source and commit in the provenance. */
function workspace(): { ws: string; sha: string } {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-ws-'));
  fs.writeFileSync(path.join(ws, 'hello.txt'), 'hello from the signing test\n');
  fs.writeFileSync(
    path.join(ws, 'Dockerfile'),
    'FROM --platform=$TARGETPLATFORM scratch\nARG TARGETARCH\nCOPY hello.txt /hello-${TARGETARCH}.txt\n',
  );
  fs.writeFileSync(path.join(ws, 'Cargo.toml'), '[package]\nname = "hello-mcp"\nversion = "1.2.3"\n');
  git(ws, 'init', '-q');
  git(ws, 'remote', 'add', 'origin', 'https://github.com/acme/hello-mcp.git');
  git(ws, 'add', '-A');
  git(ws, 'commit', '-qm', 'hello');
  return { ws, sha: git(ws, 'rev-parse', 'HEAD') };
}

function keyPair(dir: string, password: string): { key: string; pub: string; dir: string } {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('cosign', ['generate-key-pair'], {
    cwd: dir,
    env: { ...process.env, COSIGN_PASSWORD: password },
    stdio: 'ignore',
  });
  return {
    dir,
    key: fs.readFileSync(path.join(dir, 'cosign.key'), 'utf8'),
    pub: fs.readFileSync(path.join(dir, 'cosign.pub'), 'utf8'),
  };
}

const ctxFor = (sha: string): RunContext => ({
  platform: 'github',
  event: 'push',
  ref: 'refs/tags/v1.2.3',
  sha,
  repository: 'acme/hello-mcp',
  repositoryUrl: 'https://github.com/acme/hello-mcp',
  runUrl: 'https://github.com/acme/hello-mcp/actions/runs/42',
  workspace: '/',
});

const verifyInputs = (over: Partial<Record<string, string>>) => ({
  'verify-signature': 'key',
  'transparency-log': 'false',
  'cosign-public-key': '',
  'certificate-identity': '',
  'certificate-identity-regexp': '',
  'certificate-oidc-issuer': '',
  ...over,
});

async function refusal(p: Promise<unknown>): Promise<ActionError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ActionError);
  const msg = (e as ActionError).message;
  expect(msg.split('\n')).toHaveLength(1);
  return e as ActionError;
}

describeWith(
  'cosign: key signing and verification of a two-platform index in a registry on 127.0.0.1',
  missingCommands('cosign', 'dockerd', 'docker', 'docker-registry', 'git'),
  () => {
    let engine: Dockerd;
    let reg: Registry;
    let ws: string;
    let sha: string;
    let tmp: string;
    let keyA: ReturnType<typeof keyPair>;
    let keyB: ReturnType<typeof keyPair>;
    /** Built and signed (sign: key) by the build stage with provenance mode=max; signed again by a test. */
    let signedRef: string;
    let signedBuild: ActionRun;
    /** Built with provenance: false, never signed. */
    let plainRef: string;

    beforeAll(async () => {
      [engine, reg] = await Promise.all([startDockerd(), startRegistry()]);
      ({ ws, sha } = workspace());
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-tmp-'));
      keyA = keyPair(path.join(tmp, 'a'), PASSWORD);
      keyB = keyPair(path.join(tmp, 'b'), OTHER_PASSWORD);
      const build = (image: string, inputs: Record<string, string> = {}) => {
        const r = buildStage(image, inputs);
        if (r.status !== 0) throw new Error(`build of ${image} failed:\n${r.stdout}\n${r.stderr}`);
        return r;
      };
      signedBuild = build(`${reg.host}/acme/hello`, signKeyInputs(PASSWORD));
      signedRef = signedBuild.outputs['image-ref'];
      plainRef = build(`${reg.host}/acme/plain`, { provenance: 'false' }).outputs['image-ref'];
    }, 240_000);

    const buildStage = (image: string, inputs: Record<string, string> = {}) =>
      runAction(
        { stages: 'build', image, platforms: 'linux/amd64,linux/arm64', qemu: 'false', ...inputs },
        { workspace: ws, env: { ...engine.env, GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_SHA: sha } },
      );
    const signKeyInputs = (password: string) => ({
      sign: 'key',
      'transparency-log': 'false',
      'cosign-private-key': keyA.key,
      'cosign-password': password,
    });
    const secretsOf = (password: string) => [password, ...keyA.key.split('\n').filter((l) => l.length > 16)];
    /** Everything a user could read; `::add-mask::` lines are the runner's masking commands, never shown. */
    const readable = (r: ActionRun) =>
      [
        r.stdout.replace(/^::add-mask::.*$/gm, ''),
        r.stderr,
        r.summary,
        r.state,
        JSON.stringify(r.outputs),
      ].join('\n');

    afterAll(async () => {
      await Promise.all([engine?.stop(), reg?.stop()]);
      for (const d of [ws, tmp]) if (d) fs.rmSync(d, { recursive: true, force: true });
    }, 60_000);

    beforeEach(() => {
      lines.length = 0;
    });

    const opts = (ref: string, refInput = 'image') => ({
      ref,
      refInput,
      plainHttp: false,
      tempDir: path.join(tmp, 'stage'),
      dockerConfig: engine.env.DOCKER_CONFIG,
    });
    const keySettings = (password: string) =>
      resolveSign(
        {
          sign: 'key',
          'transparency-log': 'false',
          'cosign-private-key': keyA.key,
          'cosign-password': password,
        },
        ctxFor(sha),
        {},
      );

    test('the build stage with sign: key signs the index it pushed and outputs where the signature is', () => {
      const digest = signedRef.split('@')[1];
      const sig = `${reg.host}/acme/hello:${digest.replace(':', '-')}.sig`;
      expect(signedBuild.outputs.signature).toBe(sig);
      expect(signedBuild.summary).toContain(`| Signature | \`${sig}\` (key) |`);
      expect(signedBuild.stdout).toContain(`signed ${signedRef} (key): ${sig}`);
      // The test's own cosign, with the public half, is the judge; the run's annotations are in the payload.
      const out = execFileSync(
        'cosign',
        ['verify', '--key', path.join(keyA.dir, 'cosign.pub'), '--insecure-ignore-tlog=true', signedRef],
        { encoding: 'utf8', env: { ...process.env, ...engine.env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const payloads = JSON.parse(out.trim()) as { optional: Record<string, string> }[];
      expect(payloads[0].optional).toMatchObject({
        repository: 'acme/hello-mcp',
        commit: sha,
        run: expect.stringContaining('/runs/42'),
      });
      // No secret in any output, and no key left under RUNNER_TEMP.
      const everything = readable(signedBuild);
      // The runner is told to mask both.
      expect(signedBuild.stdout).toContain(`::add-mask::${PASSWORD}`);
      for (const secret of secretsOf(PASSWORD)) expect(everything).not.toContain(secret);
      expect(
        fs.readdirSync(path.join(signedBuild.dir, 'mcp-deploy-build')).filter((f) => f.startsWith('cosign-')),
      ).toEqual([]);
    });

    test('the build stage with a wrong cosign-password fails in one line naming it before pushing, and prints no secret', async () => {
      const r = buildStage(`${reg.host}/acme/wrongpw`, {
        ...signKeyInputs(`${PASSWORD}-wrong`),
        platforms: 'linux/amd64',
        provenance: 'false',
      });
      expect(r.status).not.toBe(0);
      const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('cosign-password');
      expect(r.outputs.signature ?? '').toBe('');
      const everything = readable(r);
      for (const secret of secretsOf(`${PASSWORD}-wrong`)) expect(everything).not.toContain(secret);
      // The key was tried before the build: nothing was built or pushed.
      expect(r.stdout).not.toContain('docker buildx build');
      expect((await reg.fetch('/v2/acme/wrongpw/tags/list')).status).toBe(404);
    }, 120_000);

    test('key signing of the index: the signature is in the registry and `cosign verify` accepts it', async () => {
      const s = keySettings(PASSWORD);
      if (s.mode !== 'key') throw new Error(`resolved to ${s.mode}`);
      const signed = await signImage(s, ctxFor(sha), opts(signedRef));

      const digest = signedRef.split('@')[1];
      expect(signed.signature).toBe(`${reg.host}/acme/hello:${digest.replace(':', '-')}.sig`);
      const sig = await reg.manifest('acme/hello', `${digest.replace(':', '-')}.sig`);
      expect(sig.body.layers?.length).toBeGreaterThanOrEqual(1);
      // The index is what was signed, not one platform's manifest.
      const index = await reg.manifest('acme/hello', digest);
      expect(index.body.manifests?.filter((m) => m.platform?.os === 'linux').length).toBe(2);

      const out = execFileSync(
        'cosign',
        ['verify', '--key', path.join(keyA.dir, 'cosign.pub'), '--insecure-ignore-tlog=true', signedRef],
        { encoding: 'utf8', env: { ...process.env, ...engine.env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const payloads = JSON.parse(out.trim()) as {
        critical: { image: { 'docker-manifest-digest': string } };
        optional: Record<string, string>;
      }[];
      expect(payloads[0].critical.image['docker-manifest-digest']).toBe(digest);
      expect(payloads[0].optional).toMatchObject({
        repository: 'acme/hello-mcp',
        commit: sha,
        ref: 'refs/tags/v1.2.3',
        run: 'https://github.com/acme/hello-mcp/actions/runs/42',
      });

      // The private key was on disk only while cosign ran, and its directory is registered for the post step.
      expect(fs.readdirSync(path.join(tmp, 'stage')).filter((f) => f.startsWith('cosign-'))).toEqual([]);
      await runCleanups();
      const printed = lines.join('\n');
      expect(printed).toContain(signed.signature);
      expect(printed).not.toContain(PASSWORD);
      expect(printed).not.toMatch(/PRIVATE KEY/);
    }, 120_000);

    test('verify-signature: key passes on the signed index and reports what the signer wrote', async () => {
      const v = resolveVerify(verifyInputs({ 'cosign-public-key': keyA.pub }), ctxFor(sha));
      if (v.mode !== 'key') throw new Error(`resolved to ${v.mode}`);
      const got = await verifyImage(v, opts(signedRef, 'image-ref'));
      expect(got.signatures.length).toBeGreaterThanOrEqual(1);
      expect(got.signatures[0].annotations).toMatchObject({ repository: 'acme/hello-mcp', commit: sha });
    }, 60_000);

    test('an unsigned digest is refused in one line naming verify-signature', async () => {
      const v = resolveVerify(verifyInputs({ 'cosign-public-key': keyA.pub }), ctxFor(sha));
      if (v.mode !== 'key') throw new Error(`resolved to ${v.mode}`);
      const e = await refusal(verifyImage(v, opts(plainRef, 'image-ref')));
      expect(e.input).toBe('verify-signature');
      expect(e.message).toContain(`${plainRef} is not signed`);
    }, 60_000);

    test('a digest signed by another key is refused in one line naming cosign-public-key', async () => {
      const v = resolveVerify(verifyInputs({ 'cosign-public-key': keyB.pub }), ctxFor(sha));
      if (v.mode !== 'key') throw new Error(`resolved to ${v.mode}`);
      const e = await refusal(verifyImage(v, opts(signedRef, 'image-ref')));
      expect(e.input).toBe('cosign-public-key');
      expect(e.message).toMatch(/is signed, but not by the key in cosign-public-key/);
    }, 60_000);

    test('a wrong cosign-password fails in one line naming it, and no secret is printed anywhere', async () => {
      const s = keySettings(`${PASSWORD}-wrong`);
      if (s.mode !== 'key') throw new Error(`resolved to ${s.mode}`);
      const e = await refusal(signImage(s, ctxFor(sha), opts(plainRef)));
      expect(e.input).toBe('cosign-password');
      const everything = `${e.message}\n${lines.join('\n')}`;
      for (const secret of [
        PASSWORD,
        `${PASSWORD}-wrong`,
        ...keyA.key.split('\n').filter((l) => l.length > 16),
      ])
        expect(everything).not.toContain(secret);
      // Nothing was signed.
      const tags = (await (await reg.fetch('/v2/acme/plain/tags/list')).json()) as { tags: string[] };
      expect(tags.tags.filter((t) => t.endsWith('.sig'))).toEqual([]);
    }, 60_000);

    test('a registry that does not answer is named through the image input', async () => {
      const v = resolveVerify(verifyInputs({ 'cosign-public-key': keyA.pub }), ctxFor(sha));
      if (v.mode !== 'key') throw new Error(`resolved to ${v.mode}`);
      const gone = signedRef.replace(reg.host, `127.0.0.1:${await freePort()}`);
      const e = await refusal(verifyImage(v, opts(gone, 'image-ref')));
      expect(e.input).toBe('image-ref');
      expect(e.message).toMatch(/could not be reached/);
    }, 60_000);

    test('provenance: the index built here names this repository and commit on both platforms', async () => {
      const p = await checkProvenance(signedRef, ctxFor(sha), { refInput: 'image-ref', env: engine.env });
      expect(p.platforms.sort()).toEqual(['linux/amd64', 'linux/arm64']);
      expect(p.source).toBe('https://github.com/acme/hello-mcp.git');
      expect(p.revision).toBe(sha);
    }, 60_000);

    test('provenance: another commit, another repository, and no attestation are refused in one line', async () => {
      const other = await refusal(
        checkProvenance(signedRef, ctxFor('f'.repeat(40)), { refInput: 'image-ref', env: engine.env }),
      );
      expect(other.input).toBe('require-provenance');
      expect(other.message).toContain(
        `was built from https://github.com/acme/hello-mcp.git@${sha}, not acme/hello-mcp@${'f'.repeat(40)}`,
      );

      const fork = await refusal(
        checkProvenance(
          signedRef,
          {
            ...ctxFor(sha),
            repository: 'evil/hello-mcp',
            repositoryUrl: 'https://github.com/evil/hello-mcp',
          },
          { refInput: 'image-ref', env: engine.env },
        ),
      );
      expect(fork.message).toContain('not evil/hello-mcp@');

      const none = await refusal(
        checkProvenance(plainRef, ctxFor(sha), { refInput: 'image-ref', env: engine.env }),
      );
      expect(none.input).toBe('require-provenance');
      expect(none.message).toContain('has no provenance attestation');
    }, 60_000);

    test('cosign from the Debian package is used as is (it reports "devel"), nothing is downloaded', async () => {
      const exe = await cosignPath({ mirror: 'http://127.0.0.1:9', usePath: true });
      expect(exe).toBe(spawnSync('sh', ['-c', 'command -v cosign'], { encoding: 'utf8' }).stdout.trim());
      expect(lines.join('\n')).toMatch(
        /cosign 2\.\d+\.\d+: using .*cosign, installed by the system's package manager/,
      );
    });
  },
);
