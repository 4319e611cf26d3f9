import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction, runPost } from './support/action';
import { startRegistry, type Registry } from './support/registry';
import { describeWith, missingCommands } from './support/skip';

/**
 * builder: buildah, the rootless path for GitLab runners without privileged docker-in-docker: a manifest list
 * built for two platforms and pushed with `manifest push --all`, through the action's bundle, to a registry
 * with htpasswd auth. Storage is vfs in a temp dir and isolation chroot, as on such a runner.
 */
const PASSWORD = 'buildah-S3cret-Only-Stdin';

describeWith(
  'build stage: buildah through the bundle',
  missingCommands('buildah', 'docker-registry', 'htpasswd'),
  () => {
    let reg: Registry;
    let ws: string;
    let store: string;

    beforeAll(async () => {
      reg = await startRegistry({ auth: { username: 'gitlab-ci-token', password: PASSWORD } });
      ws = fs.mkdtempSync(path.join(os.tmpdir(), 'buildah-ws-'));
      fs.writeFileSync(path.join(ws, 'hello.txt'), 'hi\n');
      fs.writeFileSync(
        path.join(ws, 'Dockerfile'),
        'FROM scratch\nARG TARGETARCH\nCOPY hello.txt /hello-${TARGETARCH}.txt\n',
      );
      store = fs.mkdtempSync(path.join(os.tmpdir(), 'buildah-store-'));
      fs.writeFileSync(
        path.join(store, 'storage.conf'),
        `[storage]\ndriver = "vfs"\nrunroot = "${store}/run"\ngraphroot = "${store}/graph"\n`,
      );
    }, 60_000);

    afterAll(async () => {
      await reg?.stop();
      for (const d of [ws, store]) if (d) fs.rmSync(d, { recursive: true, force: true });
    });

    test('builds both platforms, pushes the list under every tag; the digest output is the list', async () => {
      const image = `${reg.host}/group/hello`;
      const r = runAction(
        {
          stages: 'build',
          builder: 'buildah',
          image,
          platforms: 'linux/amd64,linux/arm64',
          username: 'gitlab-ci-token',
          password: PASSWORD,
        },
        {
          workspace: ws,
          env: {
            GITHUB_REF: 'refs/heads/Feature/Rootless',
            CONTAINERS_STORAGE_CONF: path.join(store, 'storage.conf'),
            BUILDAH_ISOLATION: 'chroot',
          },
        },
      );
      expect(r.stdout).not.toMatch(/::error/);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(
        /buildah login --username gitlab-ci-token --password-stdin --tls-verify=false 127\.0\.0\.1/,
      );
      expect(
        r.stdout.replace(/^::add-mask::.*$/gm, '') + r.summary + JSON.stringify(r.outputs),
      ).not.toContain(PASSWORD);
      const digest = r.outputs.digest;
      expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(r.outputs.tags.split('\n')).toEqual([`${image}:feature-rootless`, `${image}:sha-0123456`]);
      for (const tag of ['feature-rootless', 'sha-0123456']) {
        const m = await reg.manifest('group/hello', tag);
        expect(m.digest).toBe(digest);
        expect(m.body.manifests!.map((x) => `${x.platform!.os}/${x.platform!.architecture}`).sort()).toEqual([
          'linux/amd64',
          'linux/arm64',
        ]);
      }
      // The auth file with the token exists until the post step, which removes it.
      const auth = path.join(r.dir, 'mcp-deploy-build', 'auth.json');
      expect(fs.readFileSync(auth, 'utf8')).toContain(reg.host);
      expect(runPost(r).status).toBe(0);
      expect(fs.existsSync(auth)).toBe(false);
    }, 180_000);

    test('a second run starts a fresh manifest list instead of adding to the old one', async () => {
      const image = `${reg.host}/group/again`;
      const env = {
        CONTAINERS_STORAGE_CONF: path.join(store, 'storage.conf'),
        BUILDAH_ISOLATION: 'chroot',
      };
      const inputs = {
        stages: 'build',
        builder: 'buildah',
        image,
        username: 'gitlab-ci-token',
        password: PASSWORD,
      };
      for (let n = 0; n < 2; n++) {
        // A different label each run makes a different image, which an old list would keep beside the new one.
        const r = runAction({ ...inputs, labels: `run=${n}` }, { workspace: ws, env });
        expect(r.status).toBe(0);
      }
      const m = await reg.manifest('group/again', 'main');
      expect(m.body.manifests).toHaveLength(1);
    }, 180_000);
  },
);
