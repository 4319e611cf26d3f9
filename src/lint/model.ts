import type { FieldPath, K8sObject, LintDoc } from './types';

/**
 * A read-only view over the parsed objects that answers the questions rules ask across objects: which
 * pods a Service selects, which Services an Ingress routes to, what a container's environment resolves to.
 */

type Dict = Record<string, unknown>;

export function get(o: unknown, ...p: FieldPath): unknown {
  let cur: unknown = o;
  for (const seg of p) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Dict)[seg as string];
  }
  return cur;
}
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const dict = (v: unknown): Dict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Dict) : {};

export const kindOf = (o: K8sObject) => String(o.kind ?? '');
export const nameOf = (o: K8sObject) => String(get(o, 'metadata', 'name') ?? '');
export const namespaceOf = (o: K8sObject) => str(get(o, 'metadata', 'namespace'));
export const annotation = (o: unknown, key: string) => str(get(o, 'metadata', 'annotations', key));

/** Objects in files that name no namespace are applied to whatever namespace is current: match any. */
export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  const na = namespaceOf(a);
  const nb = namespaceOf(b);
  return na === undefined || nb === undefined || na === nb;
}

/** Kinds that run long-lived pods from a template; `spec.replicas` applies to the first four. */
const TEMPLATED = ['Deployment', 'StatefulSet', 'ReplicaSet', 'Rollout', 'DaemonSet'];
export const SCALABLE = ['Deployment', 'StatefulSet', 'ReplicaSet', 'Rollout'];

export interface Workload {
  doc: LintDoc;
  /** Path of the pod spec in the object. */
  podPath: FieldPath;
  labels: Record<string, string>;
}

export interface Container {
  workload: Workload;
  spec: Dict;
  path: FieldPath;
}

export interface EnvVar {
  name: string;
  /** Undefined when the value cannot be seen here (a Secret, a ConfigMap not among the manifests). */
  value?: string;
  /** Where the value is defined, for the finding's location. */
  doc: LintDoc;
  path: FieldPath;
  /** Field path in the workload that brings it in (env[i] or envFrom[i]). */
  via: FieldPath;
}

export interface Flag {
  flag: string;
  value: string;
  path: FieldPath;
}

export class Manifests {
  readonly workloads: Workload[];

  constructor(readonly docs: LintDoc[]) {
    this.workloads = docs.flatMap((doc): Workload[] => {
      const k = kindOf(doc.obj);
      if (k === 'Pod')
        return [{ doc, podPath: ['spec'], labels: labelsOf(get(doc.obj, 'metadata', 'labels')) }];
      if (!TEMPLATED.includes(k)) return [];
      return [
        {
          doc,
          podPath: ['spec', 'template', 'spec'],
          labels: labelsOf(get(doc.obj, 'spec', 'template', 'metadata', 'labels')),
        },
      ];
    });
  }

  ofKind(kind: string): LintDoc[] {
    return this.docs.filter((d) => kindOf(d.obj) === kind);
  }

  find(kind: string, name: string, near: K8sObject): LintDoc | undefined {
    return this.docs.find(
      (d) => kindOf(d.obj) === kind && nameOf(d.obj) === name && sameNamespace(d.obj, near),
    );
  }

  /** A workload's annotation, or its pod template's (people put hints in either place). */
  hint(w: Workload, key: string): string | undefined {
    return (
      annotation(w.doc.obj, key) ?? str(get(w.doc.obj, 'spec', 'template', 'metadata', 'annotations', key))
    );
  }

  containers(w: Workload): Container[] {
    return ['initContainers', 'containers'].flatMap((field) =>
      arr(get(w.doc.obj, ...w.podPath, field))
        .map((spec, i) => ({ workload: w, spec: dict(spec), path: [...w.podPath, field, i] }))
        // Init containers that are not sidecars (restartPolicy: Always) never serve traffic.
        .filter((c) => field === 'containers' || c.spec.restartPolicy === 'Always'),
    );
  }

  /** Workloads whose pods a Service's selector picks. A Service without a selector picks none. */
  selected(service: LintDoc): Workload[] {
    const selector = labelsOf(get(service.obj, 'spec', 'selector'));
    const keys = Object.keys(selector);
    if (!keys.length) return [];
    return this.workloads.filter(
      (w) => sameNamespace(w.doc.obj, service.obj) && keys.every((k) => w.labels[k] === selector[k]),
    );
  }

  servicesOf(w: Workload): LintDoc[] {
    return this.ofKind('Service').filter((s) => this.selected(s).includes(w));
  }

  /** Every Service backend of an Ingress (default backend and rule paths) with its field path. */
  backends(
    ingress: LintDoc,
  ): { service: string; port: unknown; path: FieldPath; host?: string; rule?: number }[] {
    const out: { service: string; port: unknown; path: FieldPath; host?: string; rule?: number }[] = [];
    const def = get(ingress.obj, 'spec', 'defaultBackend', 'service');
    if (str(get(def, 'name')))
      out.push({
        service: str(get(def, 'name'))!,
        port: get(def, 'port'),
        path: ['spec', 'defaultBackend', 'service'],
      });
    arr(get(ingress.obj, 'spec', 'rules')).forEach((rule, r) =>
      arr(get(rule, 'http', 'paths')).forEach((p, i) => {
        const svc = get(p, 'backend', 'service');
        const name = str(get(svc, 'name'));
        if (name)
          out.push({
            service: name,
            port: get(svc, 'port'),
            path: ['spec', 'rules', r, 'http', 'paths', i, 'backend', 'service'],
            host: str(get(rule, 'host')),
            rule: r,
          });
      }),
    );
    return out;
  }

  /** Ingresses that send traffic to a workload, through any Service that selects it. */
  ingressesOf(w: Workload): LintDoc[] {
    const services = this.servicesOf(w).map((s) => nameOf(s.obj));
    return this.ofKind('Ingress').filter(
      (ing) =>
        sameNamespace(ing.obj, w.doc.obj) && this.backends(ing).some((b) => services.includes(b.service)),
    );
  }

  /**
   * The container's environment as the kubelet builds it: envFrom in order, then env (which wins). Also
   * returns the envFrom sources that are not among the manifests, whose variables are unknown.
   */
  env(c: Container): { vars: Map<string, EnvVar>; unseen: string[] } {
    const vars = new Map<string, EnvVar>();
    const unseen: string[] = [];
    const near = c.workload.doc.obj;
    arr(c.spec.envFrom).forEach((src, i) => {
      const via = [...c.path, 'envFrom', i];
      const prefix = str(get(src, 'prefix')) ?? '';
      for (const [kind, ref] of [
        ['ConfigMap', 'configMapRef'],
        ['Secret', 'secretRef'],
      ] as const) {
        const name = str(get(src, ref, 'name'));
        if (!name) continue;
        const doc = this.find(kind, name, near);
        if (!doc) {
          if (get(src, ref, 'optional') !== true) unseen.push(`${kind}/${name}`);
          continue;
        }
        for (const field of kind === 'ConfigMap' ? ['data'] : ['data', 'stringData'])
          for (const [k, v] of Object.entries(dict(get(doc.obj, field))))
            vars.set(prefix + k, {
              name: prefix + k,
              // Secret values are never read: a finding must not print one.
              value: kind === 'ConfigMap' ? str(v) : undefined,
              doc,
              path: [field, k],
              via,
            });
      }
    });
    arr(c.spec.env).forEach((e, i) => {
      const name = str(get(e, 'name'));
      if (!name) return;
      const via = [...c.path, 'env', i];
      const base = { name, doc: c.workload.doc, via };
      const value = str(get(e, 'value'));
      const cmRef = get(e, 'valueFrom', 'configMapKeyRef');
      if (value !== undefined) vars.set(name, { ...base, value, path: [...via, 'value'] });
      else if (cmRef) {
        const cm = this.find('ConfigMap', str(get(cmRef, 'name')) ?? '', near);
        const key = str(get(cmRef, 'key')) ?? '';
        const v = str(get(cm?.obj, 'data', key));
        vars.set(
          name,
          cm && v !== undefined
            ? { ...base, value: v, doc: cm, path: ['data', key] }
            : { ...base, path: via },
        );
      } else vars.set(name, { ...base, path: via });
    });
    return { vars, unseen };
  }

  /** `--flag value` and `--flag=value` pairs of command and args (servers are started either way). */
  flags(c: Container): Flag[] {
    const out: Flag[] = [];
    for (const field of ['command', 'args']) {
      const items = arr(c.spec[field]).map((a) => str(a) ?? '');
      items.forEach((a, i) => {
        const m = /^(--?[\w-]+)(?:=(.*))?$/.exec(a);
        if (!m) return;
        if (m[2] !== undefined) out.push({ flag: m[1], value: m[2], path: [...c.path, field, i] });
        else if (i + 1 < items.length && !items[i + 1].startsWith('-'))
          out.push({ flag: m[1], value: items[i + 1], path: [...c.path, field, i + 1] });
      });
    }
    return out;
  }
}

function labelsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(dict(v))) if (str(val) !== undefined) out[k] = str(val)!;
  return out;
}

/** spec.template.spec.containers[0].env[2], metadata.annotations["nginx.ingress.kubernetes.io/affinity"] */
export function formatPath(p: FieldPath): string {
  return p
    .map((s, i) =>
      typeof s === 'number'
        ? `[${s}]`
        : !/^[\w-]+$/.test(s)
          ? `[${JSON.stringify(s)}]`
          : i === 0
            ? s
            : `.${s}`,
    )
    .join('');
}
