import { stringify } from 'yaml';
import { lintObjects, parseManifests, type Finding, type RuleOptions } from '../src/lint';

/**
 * Each rule against a clean MCP deployment (the shape of templates/k8s) changed in one way that trips it
 * and one way that does not. The objects go through YAML text and the real parser, so every finding also
 * carries the file and line a user would be sent to.
 */
type Obj = Record<string, any>;
const WS = '/repo';
const FILE = '/repo/deploy/app.yaml';

function clean(): Obj[] {
  const labels = { app: 'hello-mcp' };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'hello-mcp', namespace: 'mcp' },
      spec: {
        replicas: 3,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'server',
                image: 'ghcr.io/acme/hello-mcp@sha256:00',
                ports: [{ name: 'http', containerPort: 8080 }],
                env: [
                  { name: 'MCP_SERVER_HOST', value: '0.0.0.0' },
                  { name: 'MCP_ALLOWED_HOSTS', value: 'hello-mcp.example.com' },
                ],
                livenessProbe: { httpGet: { path: '/health', port: 'http' } },
                readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'hello-mcp', namespace: 'mcp' },
      spec: {
        selector: labels,
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
        sessionAffinity: 'ClientIP',
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'hello-mcp',
        namespace: 'mcp',
        annotations: {
          'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
          'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
          'nginx.ingress.kubernetes.io/affinity': 'cookie',
          'nginx.ingress.kubernetes.io/affinity-mode': 'persistent',
        },
      },
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'hello-mcp.example.com',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'hello-mcp', port: { name: 'http' } } },
                },
              ],
            },
          },
        ],
      },
    },
  ];
}

const [DEP, SVC, ING] = [0, 1, 2];
const ctr = (o: Obj[]) => o[DEP].spec.template.spec.containers[0];
const ann = (o: Obj[]) => o[ING].metadata.annotations;
const setEnv = (o: Obj[], name: string, value: string) => {
  const env = ctr(o).env as Obj[];
  const e = env.find((x) => x.name === name);
  if (e) e.value = value;
  else env.push({ name, value });
};
const dropEnv = (o: Obj[], name: string) => {
  ctr(o).env = (ctr(o).env as Obj[]).filter((x) => x.name !== name);
};
const noAffinity = (o: Obj[]) => {
  delete o[SVC].spec.sessionAffinity;
  delete ann(o)['nginx.ingress.kubernetes.io/affinity'];
  delete ann(o)['nginx.ingress.kubernetes.io/affinity-mode'];
};

function lint(objs: Obj[], opts: Partial<RuleOptions> = {}): Finding[] {
  const text = objs.map((o) => stringify(o)).join('---\n');
  return lintObjects(parseManifests(text, FILE, WS), { mcpPath: '/mcp', ...opts });
}
const rulesOf = (f: Finding[]) => f.map((x) => `${x.rule}:${x.severity}`).sort();

interface Case {
  name: string;
  change: (o: Obj[]) => void;
  opts?: Partial<RuleOptions>;
  /** rule:severity of every expected finding; empty for a case that must stay clean. */
  expect: string[];
  /** What the (first) finding must name: object, field path and a word of the message. */
  object?: string;
  path?: string;
  says?: RegExp;
}

const cases: Case[] = [
  // MCP001 stateful-replicas
  {
    name: '3 replicas, no affinity anywhere',
    change: noAffinity,
    expect: ['MCP001:error'],
    object: 'Deployment/hello-mcp',
    path: 'spec.replicas',
    says: /session not found/,
  },
  {
    name: 'HPA up to 5 over 1 replica, no affinity',
    change: (o) => {
      noAffinity(o);
      o[DEP].spec.replicas = 1;
      o.push({
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'hello-mcp', namespace: 'mcp' },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'hello-mcp' },
          minReplicas: 1,
          maxReplicas: 5,
        },
      });
    },
    expect: ['MCP001:error'],
    object: 'HorizontalPodAutoscaler/hello-mcp',
    path: 'spec.maxReplicas',
    says: /scales Deployment\/hello-mcp up to 5/,
  },
  {
    name: 'Service ClientIP but ingress-nginx without cookie affinity',
    change: (o) => delete ann(o)['nginx.ingress.kubernetes.io/affinity'],
    expect: ['MCP001:error'],
    object: 'Ingress/hello-mcp',
    says: /straight to pod endpoints/,
  },
  {
    name: 'cookie affinity in balanced mode',
    change: (o) => (ann(o)['nginx.ingress.kubernetes.io/affinity-mode'] = 'balanced'),
    expect: ['MCP001:warning'],
    says: /scales up/,
  },
  { name: '3 replicas with ClientIP and persistent cookie affinity', change: () => undefined, expect: [] },
  {
    name: 'no affinity, one replica',
    change: (o) => (noAffinity(o), (o[DEP].spec.replicas = 1)),
    expect: [],
  },
  {
    name: 'no affinity, replicas unset (1)',
    change: (o) => (noAffinity(o), delete o[DEP].spec.replicas),
    expect: [],
  },
  {
    name: 'no affinity, Deployment says stateless',
    change: (o) => (
      noAffinity(o),
      (o[DEP].metadata.annotations = { 'mcp-deploy.dev/sessions': 'stateless' })
    ),
    expect: [],
  },
  {
    name: 'no affinity, mcp-sessions: stateless',
    change: noAffinity,
    opts: { sessions: 'stateless' },
    expect: [],
  },
  { name: 'no Ingress, Service ClientIP', change: (o) => o.splice(ING, 1), expect: [] },

  // MCP002 probe-on-mcp-path
  {
    name: 'readiness probe on /mcp',
    change: (o) => (ctr(o).readinessProbe.httpGet.path = '/mcp'),
    expect: ['MCP002:error'],
    path: 'spec.template.spec.containers[0].readinessProbe.httpGet.path',
    says: /never become Ready/,
  },
  {
    name: 'liveness probe on /mcp/',
    change: (o) => (ctr(o).livenessProbe.httpGet.path = '/mcp/'),
    expect: ['MCP002:error'],
    says: /restarts healthy pods/,
  },
  {
    name: 'startup probe under /mcp with a query',
    change: (o) => (ctr(o).startupProbe = { httpGet: { path: '/mcp/ping?x=1', port: 'http' } }),
    expect: ['MCP002:error'],
  },
  {
    name: 'probe on a custom MCP path given as hint',
    change: (o) => (ctr(o).readinessProbe.httpGet.path = '/rpc'),
    opts: { mcpPath: '/rpc' },
    expect: ['MCP002:error'],
  },
  {
    name: 'probe on the path of the mcp-path annotation',
    change: (o) => (
      (ctr(o).readinessProbe.httpGet.path = '/rpc'),
      (o[DEP].metadata.annotations = { 'mcp-deploy.dev/mcp-path': '/rpc' })
    ),
    expect: ['MCP002:error'],
  },
  {
    name: 'probe on /mcpx (not under /mcp)',
    change: (o) => (ctr(o).readinessProbe.httpGet.path = '/mcpx'),
    expect: [],
  },
  {
    name: 'probe on /mcp ignored by annotation',
    change: (o) => (
      (ctr(o).readinessProbe.httpGet.path = '/mcp'),
      (o[DEP].metadata.annotations = { 'mcp-deploy.dev/ignore': 'probe-on-mcp-path' })
    ),
    expect: [],
  },
  {
    name: 'tcpSocket probe',
    change: (o) => (ctr(o).readinessProbe = { tcpSocket: { port: 'http' } }),
    expect: [],
  },

  // MCP003 loopback-bind
  {
    name: 'MCP_SERVER_HOST=127.0.0.1',
    change: (o) => setEnv(o, 'MCP_SERVER_HOST', '127.0.0.1'),
    expect: ['MCP003:error'],
    path: 'spec.template.spec.containers[0].env[0]',
    says: /connection refused/,
  },
  {
    name: 'BIND_ADDR=localhost:8080',
    change: (o) => setEnv(o, 'BIND_ADDR', 'localhost:8080'),
    expect: ['MCP003:error'],
  },
  {
    name: 'args --host 127.0.0.1',
    change: (o) => (ctr(o).args = ['serve', '--host', '127.0.0.1']),
    expect: ['MCP003:error'],
    path: 'spec.template.spec.containers[0].args[2]',
  },
  {
    name: 'args --bind=[::1]:8080',
    change: (o) => (ctr(o).args = ['--bind=[::1]:8080']),
    expect: ['MCP003:error'],
  },
  {
    name: 'HOST=127.0.0.1 from a ConfigMap through envFrom',
    change: (o) => {
      ctr(o).envFrom = [{ configMapRef: { name: 'cfg' } }];
      o.push({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cfg', namespace: 'mcp' },
        data: { HOST: '127.0.0.1' },
      });
    },
    expect: ['MCP003:error'],
    path: 'spec.template.spec.containers[0].envFrom[0]',
    says: /from ConfigMap\/cfg/,
  },
  {
    name: 'env overrides the loopback value from envFrom',
    change: (o) => {
      ctr(o).envFrom = [{ configMapRef: { name: 'cfg' } }];
      o.push({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cfg', namespace: 'mcp' },
        data: { MCP_SERVER_HOST: '127.0.0.1' },
      });
    },
    expect: [],
  },
  {
    name: 'REDIS_HOST=localhost (a client setting)',
    change: (o) => setEnv(o, 'REDIS_HOST', 'localhost'),
    expect: [],
  },
  {
    name: 'args --upstream 127.0.0.1',
    change: (o) => (ctr(o).args = ['--upstream', '127.0.0.1']),
    expect: [],
  },

  // MCP004 ingress-host-not-allowed
  {
    name: 'no allowed hosts at all',
    change: (o) => dropEnv(o, 'MCP_ALLOWED_HOSTS'),
    expect: ['MCP004:error'],
    object: 'Ingress/hello-mcp',
    path: 'spec.rules[0].host',
    says: /403/,
  },
  {
    name: 'allowed hosts without the Ingress host',
    change: (o) => setEnv(o, 'MCP_ALLOWED_HOSTS', 'localhost,other.example.com'),
    expect: ['MCP004:error'],
    says: /does not include it/,
  },
  {
    name: '--allowed-hosts localhost only',
    change: (o) => (dropEnv(o, 'MCP_ALLOWED_HOSTS'), (ctr(o).args = ['--allowed-hosts', 'localhost'])),
    expect: ['MCP004:error'],
  },
  {
    name: 'allowed hosts unknown: envFrom a ConfigMap not in the manifests',
    change: (o) => (
      dropEnv(o, 'MCP_ALLOWED_HOSTS'),
      (ctr(o).envFrom = [{ configMapRef: { name: 'elsewhere' } }])
    ),
    expect: ['MCP004:warning'],
    says: /ConfigMap\/elsewhere/,
  },
  { name: 'wildcard *', change: (o) => setEnv(o, 'MCP_ALLOWED_HOSTS', '*'), expect: [] },
  {
    name: 'wildcard *.example.com among others',
    change: (o) => setEnv(o, 'MCP_ALLOWED_HOSTS', 'localhost, *.example.com'),
    expect: [],
  },
  {
    name: '--allowed-hosts=hello-mcp.example.com:443',
    change: (o) => (
      dropEnv(o, 'MCP_ALLOWED_HOSTS'),
      (ctr(o).args = ['--allowed-hosts=hello-mcp.example.com:443'])
    ),
    expect: [],
  },
  {
    name: 'value from a Secret (cannot be read)',
    change: (o) => (
      dropEnv(o, 'MCP_ALLOWED_HOSTS'),
      ctr(o).env.push({ name: 'APP_ALLOWED_HOSTS', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } })
    ),
    expect: [],
  },
  {
    name: 'host check disabled on the Ingress',
    change: (o) => (dropEnv(o, 'MCP_ALLOWED_HOSTS'), (ann(o)['mcp-deploy.dev/host-check'] = 'disabled')),
    expect: [],
  },
  {
    name: 'host check disabled on the pod template',
    change: (o) => (
      dropEnv(o, 'MCP_ALLOWED_HOSTS'),
      (o[DEP].spec.template.metadata.annotations = { 'mcp-deploy.dev/host-check': 'disabled' })
    ),
    expect: [],
  },
  {
    name: 'rule without a host',
    change: (o) => (dropEnv(o, 'MCP_ALLOWED_HOSTS'), delete o[ING].spec.rules[0].host),
    expect: [],
  },

  // MCP005 ingress-buffering, MCP006 ingress-read-timeout
  {
    name: 'ingress-nginx without proxy-buffering',
    change: (o) => delete ann(o)['nginx.ingress.kubernetes.io/proxy-buffering'],
    expect: ['MCP005:error'],
    says: /buffers responses by default/,
  },
  {
    name: 'ingress-nginx with proxy-buffering on',
    change: (o) => (ann(o)['nginx.ingress.kubernetes.io/proxy-buffering'] = 'on'),
    expect: ['MCP005:error'],
  },
  {
    name: 'buffering off through a configuration snippet',
    change: (o) => (
      delete ann(o)['nginx.ingress.kubernetes.io/proxy-buffering'],
      (ann(o)['nginx.ingress.kubernetes.io/configuration-snippet'] = 'proxy_buffering off;\n')
    ),
    expect: [],
  },
  {
    name: 'no read timeout (60 s default)',
    change: (o) => delete ann(o)['nginx.ingress.kubernetes.io/proxy-read-timeout'],
    expect: ['MCP006:warning'],
    says: /60 s \(the ingress-nginx default\).*keep-alive/,
  },
  {
    name: 'read timeout 120',
    change: (o) => (ann(o)['nginx.ingress.kubernetes.io/proxy-read-timeout'] = '120'),
    expect: ['MCP006:warning'],
  },
  {
    name: 'read timeout 300',
    change: (o) => (ann(o)['nginx.ingress.kubernetes.io/proxy-read-timeout'] = '300'),
    expect: [],
  },
  {
    name: 'a traefik Ingress is not judged by nginx annotations',
    change: (o) => ((o[ING].spec.ingressClassName = 'traefik'), (o[ING].metadata.annotations = {})),
    expect: [],
  },
  {
    name: 'an IngressClass of another controller named nginx',
    change: (o) => (
      (o[ING].metadata.annotations = {}),
      o.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: { name: 'nginx' },
        spec: { controller: 'nginx.org/ingress-controller' },
      })
    ),
    expect: [],
  },

  // MCP007 port-mismatch
  {
    name: 'numeric targetPort where no container listens',
    change: (o) => (o[SVC].spec.ports[0].targetPort = 9090),
    expect: ['MCP007:error'],
    object: 'Service/hello-mcp',
    path: 'spec.ports[0].targetPort',
    says: /8080 \(http\)/,
  },
  {
    name: 'named targetPort no container declares',
    change: (o) => (o[SVC].spec.ports[0].targetPort = 'web'),
    expect: ['MCP007:error'],
    says: /no endpoints/,
  },
  {
    name: 'no targetPort: port 80 is the target',
    change: (o) => delete o[SVC].spec.ports[0].targetPort,
    expect: ['MCP007:error'],
    path: 'spec.ports[0].port',
  },
  {
    name: 'Ingress backend port the Service lacks',
    change: (o) => (o[ING].spec.rules[0].http.paths[0].backend.service.port = { number: 8080 }),
    expect: ['MCP007:error'],
    object: 'Ingress/hello-mcp',
    path: 'spec.rules[0].http.paths[0].backend.service.port',
  },
  { name: 'numeric targetPort 8080', change: (o) => (o[SVC].spec.ports[0].targetPort = 8080), expect: [] },
  {
    name: 'Ingress backend port number 80',
    change: (o) => (o[ING].spec.rules[0].http.paths[0].backend.service.port = { number: 80 }),
    expect: [],
  },
  {
    name: 'numeric targetPort, no container declares ports',
    change: (o) => ((o[SVC].spec.ports[0].targetPort = 9090), delete ctr(o).ports),
    expect: [],
  },
  {
    name: 'a Service that selects other pods: no port check, and its affinity does not count',
    change: (o) => ((o[SVC].spec.selector = { app: 'other' }), (o[SVC].spec.ports[0].targetPort = 9090)),
    expect: ['MCP001:error'],
  },
];

test('the clean deployment has no findings', () => {
  expect(lint(clean())).toEqual([]);
});

test.each(cases)('$name', ({ change, opts, expect: want, object, path, says }) => {
  const objs = clean();
  change(objs);
  const findings = lint(objs, opts);
  expect(rulesOf(findings)).toEqual([...want].sort());
  const f = findings[0];
  if (object) expect(f.object).toBe(object);
  if (path) expect(f.path).toBe(path);
  if (says) expect(f.message).toMatch(says);
  for (const x of findings) {
    expect(x.file).toBe('deploy/app.yaml');
    expect(x.line).toBeGreaterThan(0);
    expect(x.fix).not.toBe('');
  }
});

test('a finding points at the line of its field', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: a}',
    'spec:',
    '  replicas: 2',
    '  selector: {matchLabels: {app: a}}',
    '  template:',
    '    metadata: {labels: {app: a}}',
    '    spec:',
    '      containers:',
    '        - name: a',
    '          readinessProbe:',
    '            httpGet:',
    '              port: 80',
    '              path: /mcp',
  ].join('\n');
  const f = lintObjects(parseManifests(text, FILE, WS), { mcpPath: '/mcp' });
  expect(f.map((x) => [x.rule, x.line])).toEqual([
    ['MCP001', 5],
    ['MCP002', 15],
  ]);
});

test('a finding in a file outside the workspace has no file or line', () => {
  const objs = clean();
  noAffinity(objs);
  const f = lintObjects(parseManifests(objs.map((o) => stringify(o)).join('---\n'), '/tmp/x.yaml', WS), {
    mcpPath: '/mcp',
  });
  expect(f).toHaveLength(1);
  expect(f[0].file).toBeUndefined();
  expect(f[0].line).toBeUndefined();
});

test('objects of a kind: List are linted as items', () => {
  const objs = clean();
  noAffinity(objs);
  const text = stringify({ apiVersion: 'v1', kind: 'List', items: objs });
  const f = lintObjects(parseManifests(text, FILE, WS), { mcpPath: '/mcp' });
  expect(rulesOf(f)).toEqual(['MCP001:error']);
  expect(text.split('\n')[f[0].line! - 1]).toMatch(/^\s+replicas: 3/);
});

test('objects in another namespace are not matched', () => {
  const objs = clean();
  objs[SVC].metadata.namespace = 'elsewhere';
  objs[SVC].spec.ports[0].targetPort = 9090;
  // The Service selects nothing in its namespace: no port finding, and its ClientIP pins nobody; the
  // Ingress's Service is not found, so the Ingress's cookie affinity does not reach the Deployment either.
  expect(rulesOf(lint(objs))).toEqual(['MCP001:error']);
});
