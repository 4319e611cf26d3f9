import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCleanups } from '../src/cleanup';
import { githubContext } from '../src/context';
import { ActionError } from '../src/errors';
import { InputReader } from '../src/inputs';
import { setSink, textSink } from '../src/report/log';
import { deploy } from '../src/stages/deploy';
import type { StageEnv } from '../src/stages/stage';
import { kubectl } from './support/deploy-env';
import { startK8sSim, type K8sSim } from './support/k8s-sim';
import { startRegistry, type Registry } from './support/registry';
import { describeWith, missingCommands } from './support/skip';

/**
 * The deploy stage in process with `verify-signature: key`: real cosign, real registry on 127.0.0.1, the
 * real kubectl against the simulator. Images are pushed through the registry API (no engine needed: cosign
 * signs whatever manifest a digest names) and signed by the test with the cosign CLI. A refused digest must
 * be refused before the simulator sees any request at all, let alone a write. require-provenance reads the
 * attestation with `docker buildx imagetools`, which needs the CLI but no engine.
 */
const PASSWORD_A = 'Verify-pw-a-31f0';
const PASSWORD_B = 'Verify-pw-b-8c2d';
const V1 = `ghcr.io/acme/hello-mcp@sha256:${'a'.repeat(64)}`;

const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Pushes a one-layer OCI image through the distribution API and returns its digest. */
async function pushImage(reg: Registry, repo: string, content: string): Promise<string> {
  const blob = async (data: Buffer) => {
    const digest = sha256(data);
    const start = await reg.fetch(`/v2/${repo}/blobs/uploads/`, { method: 'POST' });
    if (start.status !== 202) throw new Error(`upload start: HTTP ${start.status}`);
    const loc = new URL(start.headers.get('location')!, `http://${reg.host}`);
    loc.searchParams.set('digest', digest);
    const put = await reg.fetch(`${loc.pathname}${loc.search}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: data,
    });
    if (put.status !== 201) throw new Error(`upload: HTTP ${put.status} ${await put.text()}`);
    return { digest, size: data.length };
  };
  const layer = await blob(Buffer.from(content));
  const config = await blob(
    Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
    ),
  );
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
  });
  const r = await reg.fetch(`/v2/${repo}/manifests/v1`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
    body: manifest,
  });
  if (r.status !== 201) throw new Error(`manifest: HTTP ${r.status} ${await r.text()}`);
  return sha256(manifest);
}

describeWith(
  'deploy with verify-signature: key, against a registry on 127.0.0.1 and the simulator',
  missingCommands('cosign', 'kubectl', 'docker-registry', 'docker'),
  () => {
    jest.setTimeout(90_000);
    let sim: K8sSim;
    let reg: Registry;
    let kcFile: string;
    const lines: string[] = [];
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-sig-'));
    const keys = (name: string, password: string) => {
      const dir = path.join(workspace, name);
      fs.mkdirSync(dir);
      execFileSync('cosign', ['generate-key-pair'], {
        cwd: dir,
        env: { ...process.env, COSIGN_PASSWORD: password },
        stdio: 'ignore',
      });
      return { dir, pub: fs.readFileSync(path.join(dir, 'cosign.pub'), 'utf8') };
    };
    const sign = (ref: string, keyDir: string, password: string) =>
      execFileSync(
        'cosign',
        ['sign', '--yes', '--key', path.join(keyDir, 'cosign.key'), '--tlog-upload=false', ref],
        { env: { ...process.env, COSIGN_PASSWORD: password }, stdio: 'ignore' },
      );
    const ctx = githubContext(
      { GITHUB_REPOSITORY: 'acme/hello-mcp', GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main' },
      workspace,
    );
    let keyA: ReturnType<typeof keys>;
    let signedByA: string;
    let signedByB: string;
    let unsigned: string;

    beforeAll(async () => {
      setSink(textSink((l) => lines.push(l)));
      [sim, reg] = await Promise.all([startK8sSim({ token: 'sig-token-2b7e' }), startRegistry()]);
      kcFile = sim.writeKubeconfig(workspace);
      keyA = keys('a', PASSWORD_A);
      const keyB = keys('b', PASSWORD_B);
      const repo = `${reg.host}/acme/hello-mcp`;
      signedByA = `${repo}@${await pushImage(reg, 'acme/hello-mcp', 'signed by a')}`;
      signedByB = `${repo}@${await pushImage(reg, 'acme/hello-mcp', 'signed by b')}`;
      unsigned = `${repo}@${await pushImage(reg, 'acme/hello-mcp', 'never signed')}`;
      sign(signedByA, keyA.dir, PASSWORD_A);
      sign(signedByB, keyB.dir, PASSWORD_B);
      await kubectl(
        kcFile,
        ['apply', '--validate=false', '-f', '-'],
        `apiVersion: apps/v1
kind: Deployment
metadata: {name: hello-mcp, namespace: default}
spec:
  selector: {matchLabels: {app: hello-mcp}}
  template:
    metadata: {labels: {app: hello-mcp}}
    spec: {containers: [{name: server, image: "${V1}"}]}
`,
      );
      await kubectl(kcFile, ['rollout', 'status', 'deployment/hello-mcp', '--timeout=30s']);
    }, 120_000);
    afterAll(async () => {
      await runCleanups();
      await Promise.all([sim?.stop(), reg?.stop()]);
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    const deployOf = async (imageRef: string, extra: Record<string, string> = {}) => {
      const inputs: Record<string, string> = {
        ...extra,
        stages: 'deploy',
        'image-ref': imageRef,
        kubeconfig: sim.kubeconfig(),
        deployments: 'hello-mcp',
        namespace: 'default',
        'rollout-timeout': '30s',
        'verify-signature': 'key',
        'transparency-log': 'false',
        'cosign-public-key': keyA.pub,
      };
      const env: StageEnv = { ctx, cwd: workspace, state: {} };
      return deploy.run(deploy.parse(new InputReader((n) => inputs[n] ?? ''), env), env);
    };
    const image = () => sim.get('deployments', 'default', 'hello-mcp').spec.template.spec.containers[0].image;

    /** The refusal, and proof that the simulator received no request while it happened. */
    async function refused(imageRef: string, extra: Record<string, string> = {}): Promise<ActionError> {
      const before = sim.requests.length;
      const was = image();
      const e = await deployOf(imageRef, extra).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(ActionError);
      expect((e as ActionError).message.split('\n')).toHaveLength(1);
      expect(sim.requests.slice(before)).toEqual([]);
      expect(image()).toBe(was);
      return e as ActionError;
    }

    test('an unsigned digest is refused in one line naming verify-signature, before any request to the cluster', async () => {
      const e = await refused(unsigned);
      expect(e.input).toBe('verify-signature');
      expect(e.message).toContain(`${unsigned} is not signed`);
    });

    test('a digest signed by another key is refused in one line naming cosign-public-key', async () => {
      const e = await refused(signedByB);
      expect(e.input).toBe('cosign-public-key');
      expect(e.message).toContain(`${signedByB} is signed, but not by the key in cosign-public-key`);
    });

    test('the digest signed by the key of cosign-public-key is verified, then rolled out', async () => {
      const before = lines.length;
      const r = await deployOf(signedByA);
      expect(r.failure).toBeUndefined();
      expect(r.status).toBe('success');
      expect(image()).toBe(signedByA);
      const log = lines.slice(before).join('\n');
      expect(log).toMatch(
        new RegExp(`verified ${signedByA.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 1 signature \\(key\\)`),
      );
      // The check came before the first request to the cluster.
      expect(log.indexOf('verified ')).toBeLessThan(log.indexOf('get --raw /version'));
      expect(r.summary.toText()).toContain('Signature verified (1)');
    });

    test('require-provenance refuses a signed digest that carries no provenance, before any request to the cluster', async () => {
      const e = await refused(signedByA, { 'require-provenance': 'true' });
      expect(e.input).toBe('require-provenance');
      expect(e.message).toContain(`${signedByA} has no provenance attestation`);
    });
  },
);
