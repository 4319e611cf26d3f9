import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction, runPost, type ActionRun } from './support/action';
import { startDockerd, type Dockerd } from './support/dockerd';
import { startRegistry, type Registry } from './support/registry';
import { describeWith, missingCommands } from './support/skip';

/**
 * The build stage through the action's bundle (dist/index.js) against a private dockerd with buildx and a
 * real registry on 127.0.0.1: what the registry serves is the judge, not what the stage says it did.
 * No base image can be pulled here, so the image is FROM scratch with a file per architecture; nothing RUNs,
 * so no emulation is needed (qemu: false) and the engine's own docker driver, on the containerd image store,
 * builds both platforms.
 */
const PASSWORD = 'N0t-in-any-Output-7f3e';

function workspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'build-ws-'));
  fs.writeFileSync(path.join(ws, 'hello.txt'), 'hello from the build stage test\n');
  fs.writeFileSync(
    path.join(ws, 'Dockerfile'),
    'FROM --platform=$TARGETPLATFORM scratch\nARG TARGETARCH\nCOPY hello.txt /hello-${TARGETARCH}.txt\n',
  );
  fs.writeFileSync(
    path.join(ws, 'Cargo.toml'),
    '[package]\nname = "hello-mcp"\nversion = "1.2.3"\ndescription = "A tiny MCP server"\nlicense = "MIT"\n',
  );
  return ws;
}

const platformsOf = (m: { manifests?: { platform?: { os: string; architecture: string } }[] }) =>
  (m.manifests ?? [])
    .map((x) => x.platform)
    .filter((p) => p && p.os !== 'unknown')
    .map((p) => `${p!.os}/${p!.architecture}`)
    .sort();

/** Everything a user could read; `::add-mask::` lines are the runner's masking commands, never shown. */
const allText = (r: ActionRun) =>
  [r.stdout.replace(/^::add-mask::.*$/gm, ''), r.stderr, r.summary, r.state, JSON.stringify(r.outputs)].join(
    '\n',
  );

describeWith(
  'build stage: buildx on a real engine and registry, through the bundle',
  missingCommands('dockerd', 'docker', 'docker-registry', 'htpasswd'),
  () => {
    let engine: Dockerd;
    let reg: Registry;
    let authReg: Registry;
    let ws: string;

    beforeAll(async () => {
      [engine, reg, authReg] = await Promise.all([
        startDockerd(),
        startRegistry(),
        startRegistry({ auth: { username: 'ci', password: PASSWORD } }),
      ]);
      ws = workspace();
    }, 120_000);

    afterAll(async () => {
      await Promise.all([engine?.stop(), reg?.stop(), authReg?.stop()]);
      if (ws) fs.rmSync(ws, { recursive: true, force: true });
    }, 60_000);

    const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
      runAction(
        { stages: 'build', platforms: 'linux/amd64,linux/arm64', qemu: 'false', ...inputs },
        { workspace: ws, env: { ...engine.env, GITHUB_REF: 'refs/tags/v1.2.3', ...env } },
      );

    test('two platforms: the digest output is the index every tag resolves to, with both platforms', async () => {
      const r = run({ image: `${reg.host}/acme/hello` });
      expect(r.stdout).not.toMatch(/::error/);
      expect(r.status).toBe(0);
      const digest = r.outputs.digest;
      expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(r.outputs['image-ref']).toBe(`${reg.host}/acme/hello@${digest}`);
      const tags = r.outputs.tags.split('\n');
      expect(tags).toEqual(
        ['1.2.3', '1.2', 'sha-0123456', 'latest'].map((t) => `${reg.host}/acme/hello:${t}`),
      );
      for (const t of ['1.2.3', '1.2', 'sha-0123456', 'latest']) {
        const m = await reg.manifest('acme/hello', t);
        expect(m.digest).toBe(digest);
        expect(m.mediaType).toMatch(/index|manifest\.list/);
        expect(platformsOf(m.body)).toEqual(['linux/amd64', 'linux/arm64']);
      }
      // The labels reached the image: read one platform's config blob from the registry.
      const index = await reg.manifest('acme/hello', digest);
      const amd = index.body.manifests!.find((m) => m.platform?.architecture === 'amd64')!;
      const man = await reg.manifest('acme/hello', amd.digest);
      const config = (await (await reg.fetch(`/v2/acme/hello/blobs/${man.body.config!.digest}`)).json()) as {
        config: { Labels: Record<string, string> };
      };
      expect(config.config.Labels).toMatchObject({
        'org.opencontainers.image.title': 'hello-mcp',
        'org.opencontainers.image.description': 'A tiny MCP server',
        'org.opencontainers.image.licenses': 'MIT',
        'org.opencontainers.image.version': '1.2.3',
        'org.opencontainers.image.revision': '0123456789abcdef0123456789abcdef01234567',
        'org.opencontainers.image.source': 'https://github.com/acme/hello-mcp',
      });
      expect(JSON.parse(r.outputs.metadata)['containerimage.digest']).toBe(digest);
      expect(r.summary).toContain(digest);
      expect(r.summary).toContain('linux/amd64, linux/arm64');
      expect(r.summary).toContain(`${reg.host}/acme/hello:1.2`);
    }, 180_000);

    test('by-digest on each platform, then merge: one index with both platforms under every tag', async () => {
      const image = `${reg.host}/acme/split`;
      const jobs = ['linux/amd64', 'linux/arm64'].map((p) =>
        run({ image, platforms: p, 'build-mode': 'by-digest', 'builder-driver': 'docker' }),
      );
      for (const j of jobs) {
        expect(j.stdout).not.toMatch(/::error/);
        expect(j.status).toBe(0);
        expect(j.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      }
      const [d1, d2] = jobs.map((j) => j.outputs.digest);
      expect(d1).not.toBe(d2);
      // What each job pushed is in the registry under its digest, with its own platform only.
      expect(platformsOf((await reg.manifest('acme/split', d1)).body)).toEqual(['linux/amd64']);
      expect(platformsOf((await reg.manifest('acme/split', d2)).body)).toEqual(['linux/arm64']);

      const m = run({ image, 'build-mode': 'merge', digests: `${d1}\n${image}@${d2}` });
      expect(m.stdout).not.toMatch(/::error/);
      expect(m.status).toBe(0);
      expect(m.outputs['image-ref']).toBe(`${image}@${m.outputs.digest}`);
      for (const t of ['1.2.3', '1.2', 'sha-0123456', 'latest']) {
        const got = await reg.manifest('acme/split', t);
        expect(got.digest).toBe(m.outputs.digest);
        expect(platformsOf(got.body)).toEqual(['linux/amd64', 'linux/arm64']);
      }
      expect(m.summary).toContain('linux/amd64, linux/arm64');
    }, 240_000);

    test('a wrong password fails fast at login, names the input, and is printed nowhere', async () => {
      const started = Date.now();
      const r = run({ image: `${authReg.host}/acme/secret`, username: 'ci', password: `${PASSWORD}-wrong` });
      const elapsed = Date.now() - started;
      expect(r.status).not.toBe(0);
      expect(r.stdout).toMatch(
        /::error::.*input 'password': registry 127\.0\.0\.1:\d+ refused the credentials of 'ci' \(login\)/,
      );
      expect(r.stdout).toMatch(/fix: check 'password' and 'username'/);
      expect(r.stdout).not.toMatch(/docker buildx build/); // nothing was built or pushed after it
      expect(r.stdout).not.toMatch(/retry/);
      expect(elapsed).toBeLessThan(15_000);
      expect(allText(r)).not.toContain(PASSWORD);
      expect(r.stdout).toContain(`::add-mask::${PASSWORD}-wrong`);
      expect((await authReg.fetch('/v2/acme/secret/tags/list')).status).toBe(404);
    }, 60_000);

    test('the right password logs in with a private config, pushes, and the post step logs out', async () => {
      const r = run({
        image: `${authReg.host}/acme/secret`,
        username: 'ci',
        password: PASSWORD,
        platforms: 'linux/amd64',
      });
      expect(r.stdout).not.toMatch(/::error/);
      expect(r.status).toBe(0);
      expect(allText(r)).not.toContain(PASSWORD);
      expect(r.stdout).toMatch(/docker login 127\.0\.0\.1:\d+ --username ci --password-stdin/);
      expect((await authReg.manifest('acme/secret', '1.2.3')).digest).toBe(r.outputs.digest);
      // The engine's own config never saw the credentials; the private one holds them until the post step.
      const engineConfig = path.join(engine.env.DOCKER_CONFIG, 'config.json');
      if (fs.existsSync(engineConfig))
        expect(fs.readFileSync(engineConfig, 'utf8')).not.toContain(authReg.host);
      const config = path.join(r.dir, 'mcp-deploy-build', 'docker-config');
      expect(fs.readFileSync(path.join(config, 'config.json'), 'utf8')).toContain(authReg.host);
      const post = runPost(r, engine.env);
      expect(post.status).toBe(0);
      expect(fs.existsSync(config)).toBe(false);
    }, 120_000);

    test('on the classic image store, one platform without attestations builds on the docker driver; two platforms fall back to a docker-container builder', async () => {
      const classic = await startDockerd({ daemonConfig: { features: { 'containerd-snapshotter': false } } });
      try {
        const env = { ...classic.env, GITHUB_REF: 'refs/heads/main' };
        const one = runAction(
          { stages: 'build', image: `${reg.host}/acme/classic`, qemu: 'false', provenance: 'false' },
          { workspace: ws, env },
        );
        expect(one.stdout).not.toMatch(/::error/);
        expect((await reg.manifest('acme/classic', 'main')).digest).toBe(one.outputs.digest);

        // Tried on the current builder first (no probe on the common path), then the fallback: here it cannot
        // pull moby/buildkit, so the error must say which input to change.
        const two = runAction(
          {
            stages: 'build',
            image: `${reg.host}/acme/classic`,
            platforms: 'linux/amd64,linux/arm64',
            qemu: 'false',
          },
          { workspace: ws, env },
        );
        expect(two.status).not.toBe(0);
        expect(two.stdout).toMatch(
          /(Attestation|Multi-platform build) is not supported for the docker driver/,
        );
        expect(two.stdout).toMatch(/cannot do this build: creating a docker-container builder/);
        expect(two.stdout).toMatch(
          /\$ docker buildx create --name mcp-deploy --driver docker-container --config \S+buildkitd\.toml --bootstrap/,
        );
        expect(two.stdout).toMatch(
          /::error::.*input 'builder-driver': could not create a docker-container builder/,
        );
      } finally {
        await classic.stop();
      }
    }, 180_000);

    test('bad input fails before anything touches the engine or the registry', () => {
      const r = run({ image: `${reg.host}/Acme/Upper` });
      expect(r.status).not.toBe(0);
      expect(r.stdout).toMatch(
        /::error::input 'image': '127\.0\.0\.1:\d+\/Acme\/Upper' is not an image repository \(fix: use lower case/,
      );
      expect(r.stdout).not.toMatch(/\$ docker/);
    });
  },
);
