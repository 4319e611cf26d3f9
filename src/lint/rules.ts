import { parseDuration } from '../inputs';
import {
  annotation,
  arr,
  formatPath,
  get,
  kindOf,
  Manifests,
  nameOf,
  namespaceOf,
  sameNamespace,
  SCALABLE,
  str,
  type Container,
  type EnvVar,
  type Flag,
  type Workload,
} from './model';
import {
  ANNOTATION,
  type FieldPath,
  type Finding,
  type LintDoc,
  type RuleOptions,
  type Severity,
} from './types';

export const RULES = {
  MCP001: {
    name: 'stateful-replicas',
    severity: 'error',
    what: 'more than one replica with in-memory sessions and no session affinity',
  },
  MCP002: {
    name: 'probe-on-mcp-path',
    severity: 'error',
    what: 'a liveness, readiness or startup probe on the MCP endpoint',
  },
  MCP003: {
    name: 'loopback-bind',
    severity: 'error',
    what: 'the server told to listen on 127.0.0.1, localhost or ::1',
  },
  MCP004: {
    name: 'ingress-host-not-allowed',
    severity: 'error',
    what: "an Ingress host the server's Host-header allow-list rejects",
  },
  MCP005: { name: 'ingress-buffering', severity: 'error', what: 'ingress-nginx buffering the SSE stream' },
  MCP006: {
    name: 'ingress-read-timeout',
    severity: 'warning',
    what: 'ingress-nginx read timeout shorter than a quiet SSE stream',
  },
  MCP007: {
    name: 'port-mismatch',
    severity: 'error',
    what: 'a Service or Ingress port that matches no port behind it',
  },
} as const satisfies Record<string, { name: string; severity: Severity; what: string }>;
export type RuleId = keyof typeof RULES;

const NGINX = 'nginx.ingress.kubernetes.io/';
/** ingress-nginx's own default for proxy-read-timeout, in seconds. */
const NGINX_DEFAULT_READ_TIMEOUT = 60;
const PROBES = {
  livenessProbe: 'the kubelet restarts healthy pods over and over',
  readinessProbe: 'pods never become Ready, the Service has no endpoints and clients get 503',
  startupProbe: 'the container is killed before it ever serves a request',
} as const;

interface At {
  doc: LintDoc;
  path: FieldPath;
}

class Collector {
  readonly findings: Finding[] = [];

  /** `about` is the object the finding names; `at` is where the user fixes it (default: the same place). */
  add(rule: RuleId, about: At, message: string, fix: string, at: At = about, severity?: Severity): void {
    const ignored = [about.doc, at.doc].flatMap((d) =>
      (annotation(d.obj, ANNOTATION.ignore) ?? '').split(/[\s,]+/),
    );
    if (ignored.includes(rule) || ignored.includes(RULES[rule].name)) return;
    this.findings.push({
      rule,
      name: RULES[rule].name,
      severity: severity ?? RULES[rule].severity,
      object: `${kindOf(about.doc.obj)}/${nameOf(about.doc.obj)}`,
      namespace: namespaceOf(about.doc.obj),
      path: formatPath(about.path),
      message,
      fix,
      file: at.doc.file,
      line: at.doc.lineOf(at.path),
    });
  }
}

/** Pure: the findings for a set of parsed objects. */
export function lintObjects(docs: LintDoc[], opts: RuleOptions): Finding[] {
  const m = new Manifests(docs);
  const c = new Collector();
  statefulReplicas(m, opts, c);
  probesOnMcpPath(m, opts, c);
  loopbackBind(m, c);
  ingressHosts(m, c);
  ingressStreaming(m, opts, c);
  ports(m, c);
  return c.findings;
}

const ref = (d: LintDoc) => `${kindOf(d.obj)}/${nameOf(d.obj)}`;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** ingress-nginx, by IngressClass controller when the manifests define the class, else by class name. */
function isIngressNginx(m: Manifests, ing: LintDoc): boolean {
  const cls =
    str(get(ing.obj, 'spec', 'ingressClassName')) ?? annotation(ing.obj, 'kubernetes.io/ingress.class');
  if (!cls) return false;
  const def = m.docs.find((d) => kindOf(d.obj) === 'IngressClass' && nameOf(d.obj) === cls);
  return def ? get(def.obj, 'spec', 'controller') === 'k8s.io/ingress-nginx' : /nginx/.test(cls);
}

function statefulReplicas(m: Manifests, opts: RuleOptions, c: Collector): void {
  for (const w of m.workloads) {
    const kind = kindOf(w.doc.obj);
    if (!SCALABLE.includes(kind)) continue;
    if ((m.hint(w, ANNOTATION.sessions) ?? opts.sessions) === 'stateless') continue;
    const hpa = m
      .ofKind('HorizontalPodAutoscaler')
      .find(
        (h) =>
          get(h.obj, 'spec', 'scaleTargetRef', 'kind') === kind &&
          get(h.obj, 'spec', 'scaleTargetRef', 'name') === nameOf(w.doc.obj) &&
          sameNamespace(h.obj, w.doc.obj),
      );
    const count = hpa
      ? num(get(hpa.obj, 'spec', 'maxReplicas'))
      : (num(get(w.doc.obj, 'spec', 'replicas')) ?? 1);
    if (count === undefined || count <= 1) continue;
    const scale = hpa
      ? {
          text: `${ref(hpa)} scales ${ref(w.doc)} up to ${count} replicas`,
          at: { doc: hpa, path: ['spec', 'maxReplicas'] },
        }
      : { text: `${ref(w.doc)} runs ${count} replicas`, at: { doc: w.doc, path: ['spec', 'replicas'] } };
    const clientIp = m.servicesOf(w).some((s) => get(s.obj, 'spec', 'sessionAffinity') === 'ClientIP');
    const ingresses = m.ingressesOf(w);
    const cookie = (i: LintDoc) => annotation(i.obj, `${NGINX}affinity`) === 'cookie';
    if (!clientIp && !ingresses.some(cookie)) {
      c.add(
        'MCP001',
        scale.at,
        `${scale.text} while the MCP server keeps sessions in memory, and nothing pins a client to one pod: ` +
          'the requests of one session land on different pods, which answer "session not found" (404), and ' +
          'clients must start over.',
        `make the server stateless and say so (annotation ${ANNOTATION.sessions}: stateless, or mcp-sessions: ` +
          'stateless), or add session affinity (Service spec.sessionAffinity: ClientIP; behind ingress-nginx ' +
          `${NGINX}affinity: cookie with affinity-mode: persistent), or run one replica`,
      );
      continue;
    }
    for (const ing of ingresses.filter((i) => isIngressNginx(m, i))) {
      const at = { doc: ing, path: ['metadata', 'annotations'] };
      if (!cookie(ing))
        c.add(
          'MCP001',
          at,
          `${scale.text} with in-memory MCP sessions, and ingress-nginx sends requests ` +
            "straight to pod endpoints, so the Service's sessionAffinity does not apply to them: requests of one " +
            'session land on different pods, which answer "session not found".',
          `add ${NGINX}affinity: cookie and ${NGINX}affinity-mode: persistent to ${ref(ing)}`,
        );
      else if (annotation(ing.obj, `${NGINX}affinity-mode`) !== 'persistent')
        c.add(
          'MCP001',
          { doc: ing, path: ['metadata', 'annotations', `${NGINX}affinity-mode`] },
          'cookie affinity in the default "balanced" mode moves some clients to new pods when the workload ' +
            'scales up: their in-memory MCP sessions are gone there ("session not found").',
          `set ${NGINX}affinity-mode: persistent`,
          undefined,
          'warning',
        );
    }
  }
}

/** /mcp matches /mcp, /mcp/ and /mcp/anything (and a query), not /mcpx. */
function onPath(probePath: string, mcpPath: string): boolean {
  const norm = (p: string) => p.split('?')[0].replace(/\/+$/, '') || '/';
  const p = norm(probePath);
  const base = norm(mcpPath);
  return p === base || (base !== '/' && p.startsWith(`${base}/`));
}

function probesOnMcpPath(m: Manifests, opts: RuleOptions, c: Collector): void {
  for (const w of m.workloads) {
    const mcpPath = m.hint(w, ANNOTATION.mcpPath) ?? opts.mcpPath;
    for (const ctr of m.containers(w))
      for (const [probe, effect] of Object.entries(PROBES)) {
        const p = str(get(ctr.spec, probe, 'httpGet', 'path'));
        if (p === undefined || !onPath(p, mcpPath)) continue;
        c.add(
          'MCP002',
          { doc: w.doc, path: [...ctr.path, probe, 'httpGet', 'path'] },
          `the ${probe} GETs ${p}, the MCP endpoint (${mcpPath}), which is not a health check: without an ` +
            'initialized session and an Accept: text/event-stream header the server answers 4xx, or it opens an ' +
            `SSE stream that never completes and the probe times out; so ${effect}.`,
          'probe a health endpoint that needs no MCP session (httpGet /health, as templates/k8s does) or use a ' +
            'tcpSocket probe on the port',
        );
      }
  }
}

const LOOPBACK =
  /^(?:[a-z][\w+.-]*:\/\/)?(?:127(?:\.\d{1,3}){3}|localhost|::1|\[::1\]|0:0:0:0:0:0:0:1)(?::\d+)?\/?$/i;
/** Names that configure where *this* server listens, not where it connects (REDIS_HOST=localhost is fine). */
function isBindVar(name: string): boolean {
  const n = name.toUpperCase();
  return (
    /(^|_)(BIND|LISTEN)(_|$)/.test(n) ||
    /^(HOST|ADDR|ADDRESS)$/.test(n) ||
    (/_(HOST|ADDR|ADDRESS)$/.test(n) && /(^|_)(MCP|SERVER|HTTP|APP|WEB)(_|$)/.test(n))
  );
}
const BIND_FLAG = /^--?(host|bind|listen|addr|address|bind-addr(ess)?|listen-addr(ess)?|http-host)$/;

function loopbackBind(m: Manifests, c: Collector): void {
  const message = (what: string) =>
    `${what} makes the server listen on the loopback interface of the pod: probes, the Service and the ` +
    'Ingress connect to the pod IP and get "connection refused", so no MCP client can reach it.';
  const fix = 'bind 0.0.0.0 (or [::] for IPv6) in the container; keep 127.0.0.1 for local runs only';
  for (const w of m.workloads)
    for (const ctr of m.containers(w)) {
      for (const v of m.env(ctr).vars.values())
        if (isBindVar(v.name) && v.value !== undefined && LOOPBACK.test(v.value.trim()))
          c.add('MCP003', { doc: w.doc, path: v.via }, message(`${v.name}=${v.value}${from(v)}`), fix, v);
      for (const f of m.flags(ctr))
        if (BIND_FLAG.test(f.flag) && LOOPBACK.test(f.value.trim()))
          c.add('MCP003', { doc: w.doc, path: f.path }, message(`${f.flag} ${f.value}`), fix);
    }
}

const from = (v: EnvVar) => (v.doc.obj.kind === 'ConfigMap' ? ` (from ConfigMap/${nameOf(v.doc.obj)})` : '');

/** Entries of an allow-list: `*`, exact hosts, `*.example.com` and `.example.com` (Django style). */
function hostAllowed(host: string, list: string): boolean {
  const h = host.toLowerCase();
  return list
    .split(/[\s,;]+/)
    .map((e) =>
      e
        .trim()
        .toLowerCase()
        .replace(/^[a-z][\w+.-]*:\/\//, '')
        .replace(/:\d+$/, ''),
    )
    .filter(Boolean)
    .some((e) => {
      if (e === '*' || e === h) return true;
      const suffix = e.startsWith('*.') ? e.slice(1) : e.startsWith('.') ? e : undefined;
      return suffix !== undefined && (h.endsWith(suffix) || h === suffix.slice(1));
    });
}

interface HostEvidence {
  text: string;
  value?: string;
  at: At;
}

function allowListOf(m: Manifests, ctr: Container): { evidence: HostEvidence[]; unseen: string[] } {
  const { vars, unseen } = m.env(ctr);
  const evidence: HostEvidence[] = [...vars.values()]
    .filter((v) => /ALLOWED_HOST/i.test(v.name))
    .map((v) => ({
      text: `${v.name}${v.value === undefined ? '' : `=${v.value}`}${from(v)}`,
      value: v.value,
      at: v,
    }));
  const flags: Flag[] = m.flags(ctr).filter((f) => /^--allowed-hosts?$/.test(f.flag));
  for (const f of flags)
    evidence.push({
      text: `${f.flag} ${f.value}`,
      value: f.value,
      at: { doc: ctr.workload.doc, path: f.path },
    });
  return { evidence, unseen };
}

function ingressHosts(m: Manifests, c: Collector): void {
  for (const ing of m.ofKind('Ingress')) {
    if (annotation(ing.obj, ANNOTATION.hostCheck) === 'disabled') continue;
    const seen = new Set<string>();
    for (const b of m.backends(ing)) {
      // A rule without a host takes any Host header: which one clients send cannot be known here.
      if (!b.host) continue;
      const svc = m.find('Service', b.service, ing.obj);
      for (const w of svc ? m.selected(svc) : []) {
        const key = `${b.host} ${ref(w.doc)}`;
        if (seen.has(key) || m.hint(w, ANNOTATION.hostCheck) === 'disabled') continue;
        seen.add(key);
        checkHost(m, c, ing, b.rule!, b.host, w);
      }
    }
  }
}

function checkHost(m: Manifests, c: Collector, ing: LintDoc, rule: number, host: string, w: Workload): void {
  const lists = m.containers(w).map((ctr) => allowListOf(m, ctr));
  const evidence = lists.flatMap((l) => l.evidence);
  const unseen = lists.flatMap((l) => l.unseen);
  const hostAt = { doc: ing, path: ['spec', 'rules', rule, 'host'] };
  const why =
    'The Rust MCP SDK checks the Host header against an allow-list (DNS-rebinding protection) that by default ' +
    `holds only loopback names, so every request through ${ref(ing)} gets 403 Forbidden.`;
  const fix = `add ${host} to the server's allowed hosts (env MCP_ALLOWED_HOSTS or --allowed-hosts on ${ref(w.doc)}), or, if the server does not check Host, annotate ${ref(ing)} or ${ref(w.doc)} with ${ANNOTATION.hostCheck}: disabled`;
  if (!evidence.length) {
    c.add(
      'MCP004',
      hostAt,
      `host ${host} routes to ${ref(w.doc)}, which names no allowed hosts. ${why}` +
        (unseen.length ? ` (${unseen.join(', ')} is not among the manifests and may set them.)` : ''),
      fix,
      hostAt,
      unseen.length ? 'warning' : undefined,
    );
    return;
  }
  // A value that cannot be read here (from a Secret) gets the benefit of the doubt.
  if (evidence.some((e) => e.value === undefined || hostAllowed(host, e.value))) return;
  c.add(
    'MCP004',
    hostAt,
    `host ${host} routes to ${ref(w.doc)}, whose ${evidence.map((e) => e.text).join(' and ')} does not include it. ${why}`,
    fix,
    evidence[0].at,
  );
}

function ingressStreaming(m: Manifests, opts: RuleOptions, c: Collector): void {
  const min = opts.minReadTimeoutSeconds ?? 300;
  for (const ing of m.ofKind('Ingress').filter((i) => isIngressNginx(m, i))) {
    const key = (k: string) => ['metadata', 'annotations', `${NGINX}${k}`];
    const snippet = annotation(ing.obj, `${NGINX}configuration-snippet`) ?? '';
    const buffering = annotation(ing.obj, `${NGINX}proxy-buffering`);
    if (buffering !== 'off' && !/proxy_buffering\s+off/.test(snippet))
      c.add(
        'MCP005',
        { doc: ing, path: key('proxy-buffering') },
        `ingress-nginx buffers responses${buffering ? ` (proxy-buffering: ${buffering})` : ' by default'}: the SSE ` +
          'events of a Streamable HTTP response are held back until a buffer fills or the stream ends, so MCP ' +
          'clients get progress, notifications and even results late, or time out.',
        `set ${NGINX}proxy-buffering: "off"`,
      );
    const raw = annotation(ing.obj, `${NGINX}proxy-read-timeout`);
    const seconds = raw === undefined ? NGINX_DEFAULT_READ_TIMEOUT : parseDuration(raw);
    if (seconds === undefined || seconds < min)
      c.add(
        'MCP006',
        { doc: ing, path: key('proxy-read-timeout') },
        `proxy-read-timeout is ${raw === undefined ? `${NGINX_DEFAULT_READ_TIMEOUT} s (the ingress-nginx default)` : `"${raw}"`}: ` +
          'nginx closes a stream that sends nothing for that long. An SSE stream is quiet while a tool runs, and ' +
          `this lint assumes the server's SSE keep-alive may be off or slower, so it asks for at least ${min} s; ` +
          'a closed stream loses the response and the client sees the call fail.',
        `set ${NGINX}proxy-read-timeout: "3600" (and proxy-send-timeout to match)`,
      );
  }
}

function ports(m: Manifests, c: Collector): void {
  for (const svc of m.ofKind('Service')) {
    const pods = m.selected(svc);
    if (!pods.length) continue;
    const declared = pods.flatMap((w) =>
      m
        .containers(w)
        .flatMap((ctr) =>
          arr(ctr.spec.ports).map((p) => ({ num: get(p, 'containerPort'), name: get(p, 'name') })),
        ),
    );
    arr(get(svc.obj, 'spec', 'ports')).forEach((p, i) => {
      const target = get(p, 'targetPort') ?? get(p, 'port');
      const field = get(p, 'targetPort') === undefined ? 'port' : 'targetPort';
      const byName = typeof target === 'string' && !/^\d+$/.test(target);
      // A numeric targetPort reaches an undeclared port too; only a declared port elsewhere shows a mistake.
      if (!byName && !declared.some((d) => d.num !== undefined)) return;
      const ok = byName
        ? declared.some((d) => d.name === target)
        : declared.some((d) => Number(d.num) === Number(target));
      if (ok) return;
      const list = declared.map((d) => `${d.num}${d.name ? ` (${d.name})` : ''}`).join(', ') || 'none';
      c.add(
        'MCP007',
        { doc: svc, path: ['spec', 'ports', i, field] },
        `${field} ${target} matches no ${byName ? 'named ' : ''}container port of ${pods.map((w) => ref(w.doc)).join(', ')} ` +
          `(declared: ${list}): ${byName ? 'the Service gets no endpoints' : 'connections are refused'}, and MCP ` +
          'clients get 502/503 from the Ingress.',
        `point targetPort at the port the server listens on (${list})`,
      );
    });
  }
  for (const ing of m.ofKind('Ingress'))
    for (const b of m.backends(ing)) {
      const svc = m.find('Service', b.service, ing.obj);
      if (!svc) continue;
      const svcPorts = arr(get(svc.obj, 'spec', 'ports'));
      const wantNum = get(b.port, 'number');
      const wantName = get(b.port, 'name');
      const ok =
        wantNum !== undefined
          ? svcPorts.some((p) => get(p, 'port') === wantNum)
          : wantName === undefined || svcPorts.some((p) => get(p, 'name') === wantName);
      if (ok) continue;
      const list = svcPorts
        .map((p) => `${get(p, 'port')}${get(p, 'name') ? ` (${get(p, 'name')})` : ''}`)
        .join(', ');
      c.add(
        'MCP007',
        { doc: ing, path: [...b.path, 'port'] },
        `the backend port ${String(wantNum ?? wantName)} is not a port of ${ref(svc)} (${list || 'none'}): ` +
          'the Ingress has no upstream and MCP clients get 503.',
        `use one of ${ref(svc)}'s ports: ${list}`,
      );
    }
}
