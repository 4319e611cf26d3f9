import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { pinImages, readManifestDir } from '../src/stages/deploy/manifests';
import { kustomizationIn, kustomize, withoutOrigins } from '../src/tools/kubectl';
import { ROOT } from './support/action';
import { describeWith, missingCommands } from './support/skip';

const IMAGE = 'ghcr.io/acme/hello-mcp';
const REF = `${IMAGE}@sha256:${'c0ffee'.repeat(10)}abcd`;
const CAUSE = 'mcp-deploy c0ffeec0ffee · commit 0123456789ab';

/** The project's own kustomize templates, with the placeholders `mcp-deploy init` fills in. */
function instantiateTemplates(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-k8s-'));
  fs.cpSync(path.join(ROOT, 'templates', 'k8s'), dir, { recursive: true });
  const walk = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(dir))
    fs.writeFileSync(
      f,
      fs
        .readFileSync(f, 'utf8')
        .replace(/\{\{crate\}\}/g, 'hello-mcp')
        .replace(/\{\{image\}\}/g, IMAGE),
    );
  return dir;
}

interface Doc {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: { template?: { spec?: { containers?: { image: string }[] } } };
}
const docs = (yaml: string) => parseAllDocuments(yaml).map((d) => d.toJS() as Doc);
const items = (list: string) => (JSON.parse(list) as { kind: string; items: Doc[] }).items;
const images = (list: string) =>
  items(list).flatMap((d) => (d?.spec?.template?.spec?.containers ?? []).map((c) => c.image));

describeWith(
  'manifests: the digest is pinned in what kubectl kustomize renders',
  missingCommands('kubectl'),
  () => {
    test.each(['staging', 'production'])(
      'the %s overlay: all-zero digest replaced, namespace kept, change-cause set',
      (overlay) => {
        const dir = path.join(instantiateTemplates(), 'overlays', overlay);
        expect(kustomizationIn(dir)).toBe('kustomization.yaml');
        const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.stdout).toContain(`${IMAGE}@sha256:${'0'.repeat(64)}`);

        const out = pinImages(r.stdout, REF, CAUSE);
        expect(out.replaced).toEqual(['Deployment/hello-mcp/hello-mcp']);
        expect(images(out.list)).toEqual([REF]);
        expect(out.list).not.toContain('0'.repeat(64));
        expect(out.deployments).toEqual([
          { name: 'hello-mcp', namespace: overlay === 'staging' ? 'hello-mcp-staging' : 'hello-mcp' },
        ]);
        expect(out.namespaces).toEqual([overlay === 'staging' ? 'hello-mcp-staging' : 'hello-mcp']);
        const dep = items(out.list).find((d) => d.kind === 'Deployment');
        expect(dep?.metadata.annotations?.['kubernetes.io/change-cause']).toBe(CAUSE);
        // Nothing else changed: same objects, same order.
        expect(items(out.list).map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(
          docs(r.stdout).map((d) => `${d.kind}/${d.metadata.name}`),
        );
      },
    );

    test.each(['staging', 'production'])(
      'the %s overlay: the one rendering the lint reads, without its origins, applies what kubectl kustomize prints',
      async (overlay) => {
        const dir = path.join(instantiateTemplates(), 'overlays', overlay);
        const plain = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' }).stdout;
        const rendered = await kustomize({ bin: 'kubectl' }, dir);
        expect(rendered.text).toContain('config.kubernetes.io/origin');
        expect(withoutOrigins(rendered)).not.toContain('config.kubernetes.io/origin');
        expect(pinImages(withoutOrigins(rendered), REF, CAUSE).list).toBe(pinImages(plain, REF, CAUSE).list);
      },
    );
  },
);

describe('manifests: a plain directory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-plain-'));
  fs.writeFileSync(
    path.join(dir, 'a-deploy.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: prod, annotations: {team: mcp}}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      initContainers: [{name: migrate, image: "${IMAGE}:1.0"}]
      containers:
        - {name: api, image: "${IMAGE}:latest"}
        - {name: proxy, image: "envoyproxy/envoy:v1.31"}
        - {name: other, image: "${IMAGE}-worker:1.0"}
`,
  );
  fs.writeFileSync(
    path.join(dir, 'b-cron.yml'),
    `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: job, image: "${IMAGE}"}]}}}}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec: {ports: [{port: 80}]}
`,
  );
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a manifest');

  test('every container of the image, and only those, in any workload kind', () => {
    const out = pinImages(readManifestDir(dir), REF, CAUSE);
    expect(out.replaced).toEqual(['Deployment/api/migrate', 'Deployment/api/api', 'CronJob/nightly/job']);
    expect(out.deployments).toEqual([{ name: 'api', namespace: 'prod' }]);
    expect(out.list).toContain('envoyproxy/envoy:v1.31');
    expect(out.list).toContain(`${IMAGE}-worker:1.0`);
    const dep = items(out.list).find((d) => d.kind === 'Deployment');
    expect(dep?.metadata.annotations).toEqual({ team: 'mcp', 'kubernetes.io/change-cause': CAUSE });
  });

  test('strings YAML 1.1 would read as booleans stay strings for kubectl ("off", yes, on)', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, annotations: {a: "off", b: 'yes', c: "on", d: "8080"}}
spec: {template: {spec: {containers: [{name: api, image: ${IMAGE}}]}}}
`;
    const out = pinImages(yaml, REF, CAUSE).list;
    // kubectl decodes YAML 1.1; it is given JSON, where off, yes and on stay quoted strings.
    expect(out).not.toMatch(/:\s*(off|yes|on)\b/);
    expect(items(out)[0].metadata.annotations).toMatchObject({ a: 'off', b: 'yes', c: 'on', d: '8080' });
  });

  test('manifests that never name the image are refused before anything is applied', () => {
    expect(() =>
      pinImages(readManifestDir(dir), `ghcr.io/acme/other@sha256:${'1'.repeat(64)}`, CAUSE),
    ).toThrow("input 'manifests': no container in the manifests uses the image ghcr.io/acme/other");
    expect(() => readManifestDir(fs.mkdtempSync(path.join(os.tmpdir(), 'empty-')))).toThrow(
      /input 'manifests': no .yaml, .yml or .json files/,
    );
    expect(() => pinImages('a: [\n', REF, CAUSE)).toThrow(
      /input 'manifests': the manifests are not valid YAML \(line \d\b/,
    );
  });
});
