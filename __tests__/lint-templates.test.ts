import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintPaths } from '../src/lint';
import { describeWith, missingCommands } from './support/skip';

/**
 * The starter manifests of templates/k8s, rendered per overlay by the real `kubectl kustomize`, must lint
 * clean; and a finding in a rendered overlay must point at the source file and line the user edits.
 */
const TEMPLATES = path.resolve(__dirname, '..', 'templates', 'k8s');

function copyTemplates(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-templates-'));
  fs.cpSync(TEMPLATES, path.join(ws, 'k8s'), { recursive: true });
  for (const f of fs.readdirSync(path.join(ws, 'k8s'), { recursive: true, encoding: 'utf8' })) {
    const abs = path.join(ws, 'k8s', f);
    if (!fs.statSync(abs).isFile()) continue;
    fs.writeFileSync(
      abs,
      fs
        .readFileSync(abs, 'utf8')
        .replace(/\{\{crate\}\}/g, 'hello-mcp')
        .replace(/\{\{image\}\}/g, 'ghcr.io/acme/hello-mcp'),
    );
  }
  return ws;
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${from} not found`);
  fs.writeFileSync(file, next);
}

const lineOf = (file: string, needle: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describeWith('lint: templates/k8s rendered with kubectl kustomize', missingCommands('kubectl'), () => {
  let ws: string;
  beforeEach(() => {
    ws = copyTemplates();
  });
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  test.each(['staging', 'production'])('overlay %s lints clean', async (overlay) => {
    const r = await lintPaths([path.join(ws, 'k8s', 'overlays', overlay)], {
      mcpPath: '/mcp',
      workspace: ws,
    });
    expect(r.findings).toEqual([]);
    // Deployment, Service, Ingress, ConfigMap ... all came through the renderer.
    expect(r.objects).toBeGreaterThanOrEqual(9);
  });

  test('a probe on /mcp in the base is reported at its line in base/deployment.yaml', async () => {
    const file = path.join(ws, 'k8s', 'base', 'deployment.yaml');
    edit(file, 'path: /ready', 'path: /mcp');
    const r = await lintPaths([path.join(ws, 'k8s', 'overlays', 'staging')], {
      mcpPath: '/mcp',
      workspace: ws,
    });
    expect(r.findings.map((f) => [f.rule, f.object, f.namespace, f.file, f.line])).toEqual([
      [
        'MCP002',
        'Deployment/hello-mcp',
        'hello-mcp-staging',
        'k8s/base/deployment.yaml',
        lineOf(file, 'path: /mcp'),
      ],
    ]);
  });

  test('a loopback bind from the configMapGenerator points at its literal', async () => {
    const file = path.join(ws, 'k8s', 'base', 'kustomization.yaml');
    edit(file, 'MCP_SERVER_HOST=0.0.0.0', 'MCP_SERVER_HOST=127.0.0.1');
    const r = await lintPaths([path.join(ws, 'k8s', 'overlays', 'production')], {
      mcpPath: '/mcp',
      workspace: ws,
    });
    expect(r.findings.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['MCP003', 'k8s/base/kustomization.yaml', lineOf(file, 'MCP_SERVER_HOST=127.0.0.1')],
    ]);
    expect(r.findings[0].message).toMatch(
      /MCP_SERVER_HOST=127\.0\.0\.1 \(from ConfigMap\/hello-mcp-config-\w+\)/,
    );
  });

  test('the HPA of production without affinity is reported at maxReplicas in the overlay', async () => {
    edit(path.join(ws, 'k8s', 'base', 'service.yaml'), 'sessionAffinity: ClientIP', 'sessionAffinity: None');
    edit(
      path.join(ws, 'k8s', 'base', 'ingress.yaml'),
      /^\s+nginx\.ingress\.kubernetes\.io\/affinity: cookie\n/m,
      '',
    );
    const hpa = path.join(ws, 'k8s', 'overlays', 'production', 'hpa.yaml');
    const prod = await lintPaths([path.join(ws, 'k8s', 'overlays', 'production')], {
      mcpPath: '/mcp',
      workspace: ws,
    });
    expect(prod.findings.map((f) => [f.rule, f.object, f.file, f.line])).toEqual([
      [
        'MCP001',
        'HorizontalPodAutoscaler/hello-mcp',
        'k8s/overlays/production/hpa.yaml',
        lineOf(hpa, 'maxReplicas'),
      ],
    ]);
    // Staging runs one replica: the same base is fine there.
    const staging = await lintPaths([path.join(ws, 'k8s', 'overlays', 'staging')], {
      mcpPath: '/mcp',
      workspace: ws,
    });
    expect(staging.findings).toEqual([]);
  });

  test('naming the kustomization.yaml of an overlay lints the overlay', async () => {
    const file = path.join(ws, 'k8s', 'overlays', 'production', 'kustomization.yaml');
    edit(file, 'MCP_ALLOWED_HOSTS=hello-mcp.example.com', 'MCP_ALLOWED_HOSTS=localhost');
    const r = await lintPaths([file], { mcpPath: '/mcp', workspace: ws });
    expect(r.findings.map((f) => [f.rule, f.object, f.path])).toEqual([
      ['MCP004', 'Ingress/hello-mcp', 'spec.rules[0].host'],
    ]);
    expect(r.findings[0].message).toMatch(/MCP_ALLOWED_HOSTS=localhost\b.* does not include it/);
  });

  test('a kustomization kubectl cannot render is an error naming the directory', async () => {
    fs.writeFileSync(
      path.join(ws, 'k8s', 'overlays', 'staging', 'kustomization.yaml'),
      'resources: [missing.yaml]\n',
    );
    await expect(
      lintPaths([path.join(ws, 'k8s', 'overlays', 'staging')], { mcpPath: '/mcp', workspace: ws }),
    ).rejects.toThrow(/kubectl kustomize .*staging failed: .*missing\.yaml/);
  });
});
