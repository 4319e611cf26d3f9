/**
 * A small in-process Kubernetes API server for tests that drive the REAL kubectl (no kube-apiserver can be
 * had on these machines). Plain HTTP on 127.0.0.1, JSON only. It serves what kubectl 1.32 asks for:
 * legacy discovery, generic CRUD with merge / strategic-merge / JSON patches, list selectors, watches that
 * end properly, and a Deployment + ReplicaSet controller that moves status the way `kubectl rollout status`
 * reads it. Fault modes are chosen by image name: `pullfail` (ErrImagePull / ImagePullBackOff) and
 * `crashloop` (CrashLoopBackOff with restart counts and previous logs).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import YAML from 'yaml';
import { startKubelet, type Kubelet, type KubeletOptions } from './kubelet';

type Obj = Record<string, any>;

export interface K8sSimOptions {
  /** Require `Authorization: Bearer <token>` on every request. */
  token?: string;
  /** Time from pod creation until its containers are Running/Ready (default 150). */
  podReadyMs?: number;
  /** Controller period (default 50). */
  tickMs?: number;
  /**
   * Serve HTTPS with a fresh self-signed certificate (its CA data goes into the kubeconfig). Defaults to
   * true when `token` is set: kubectl never sends a bearer token to an http:// server (kubernetes/kubectl#744).
   */
  tls?: boolean;
  /**
   * Run pods as real containers on a private dockerd (see kubelet.ts). Off by default: the scripted pod
   * lifecycle (and its `pullfail` / `crashloop` image names) is much faster for tests that need no server.
   */
  kubelet?: KubeletOptions;
}

export interface KubeconfigOptions {
  context?: string;
  namespace?: string;
  token?: string;
}

export interface K8sSimRequest {
  method: string;
  path: string;
  contentType?: string;
  accept?: string;
}

export interface K8sSimCompletion {
  namespace: string;
  name: string;
  revision: string;
  /** Date.now() when the simulator wrote the complete status. */
  at: number;
}

export interface K8sSim {
  /** http://127.0.0.1:PORT, or https://127.0.0.1:PORT with tls (the default when a token is required). */
  url: string;
  /** PEM of the self-signed server certificate when serving HTTPS (also in the kubeconfig as certificate-authority-data). */
  caPem?: string;
  kubeconfig(opts?: KubeconfigOptions): string;
  writeKubeconfig(dir: string, opts?: KubeconfigOptions): string;
  get(resource: string, namespace: string | undefined, name: string): any | undefined;
  requests: K8sSimRequest[];
  completions: K8sSimCompletion[];
  /** Present with the `kubelet` option: its network, Ingress proxy URL and Service endpoints. */
  kubelet?: Kubelet;
  /**
   * The API server goes away (open connections and watches cut, new ones refused) while the cluster
   * keeps running; `reconnect` serves again on the same address, with the same state.
   */
  disconnect(): Promise<void>;
  reconnect(): Promise<void>;
  /**
   * The API server goes away the moment a request that `match` picks arrives: that request is not served
   * (its client sees the connection drop), and the server stays away until `reconnect`. Once: the hook is
   * cleared when it fires. For a loss at an exact step (an apply's PATCH of one object, a rollout undo).
   */
  disconnectOn(match: (r: K8sSimRequest) => boolean): void;
  stop(): Promise<void>;
}

interface ResDef {
  group: string; // '' for core
  version: string;
  name: string; // plural
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources?: string[];
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const RESOURCES: ResDef[] = [
  {
    group: '',
    version: 'v1',
    name: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    subresources: ['status'],
  },
  {
    group: '',
    version: 'v1',
    name: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    subresources: ['status', 'log'],
  },
  {
    group: '',
    version: 'v1',
    name: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
  },
  {
    group: '',
    version: 'v1',
    name: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
    subresources: ['status'],
  },
  {
    group: '',
    version: 'v1',
    name: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
  },
  { group: '', version: 'v1', name: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true },
  {
    group: '',
    version: 'v1',
    name: 'serviceaccounts',
    singular: 'serviceaccount',
    kind: 'ServiceAccount',
    namespaced: true,
    shortNames: ['sa'],
  },
  {
    group: 'apps',
    version: 'v1',
    name: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: ['status', 'scale'],
  },
  {
    group: 'apps',
    version: 'v1',
    name: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
    categories: ['all'],
    subresources: ['status', 'scale'],
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    name: 'ingresses',
    singular: 'ingress',
    kind: 'Ingress',
    namespaced: true,
    shortNames: ['ing'],
    subresources: ['status'],
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    name: 'networkpolicies',
    singular: 'networkpolicy',
    kind: 'NetworkPolicy',
    namespaced: true,
    shortNames: ['netpol'],
  },
  {
    group: 'policy',
    version: 'v1',
    name: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    shortNames: ['pdb'],
    subresources: ['status'],
  },
  {
    group: 'autoscaling',
    version: 'v2',
    name: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: ['status'],
  },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    name: 'roles',
    singular: 'role',
    kind: 'Role',
    namespaced: true,
  },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    name: 'rolebindings',
    singular: 'rolebinding',
    kind: 'RoleBinding',
    namespaced: true,
  },
];

const GROUPS: { name: string; version: string }[] = [];
for (const r of RESOURCES) {
  if (r.group && !GROUPS.some((g) => g.name === r.group)) GROUPS.push({ name: r.group, version: r.version });
}

function gv(r: ResDef): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

function findRes(group: string, version: string, name: string): ResDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.name === name);
}

function byName(name: string): ResDef | undefined {
  return RESOURCES.find(
    (r) =>
      r.name === name ||
      r.singular === name ||
      r.kind.toLowerCase() === name.toLowerCase() ||
      (r.shortNames || []).includes(name),
  );
}

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const k8sTime = (ms = Date.now()): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
function randomSuffix(n: number): string {
  const bytes = crypto.randomBytes(n);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObj(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Template hash: 10 chars of [a-z0-9] (the real controller's alphabet), stable for equal templates. */
export function templateHash(template: unknown): string {
  const digest = crypto
    .createHash('sha256')
    .update(canonical(stripHashLabel(template)))
    .digest();
  return Array.from(digest.subarray(0, 10), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

function stripHashLabel(template: unknown): unknown {
  const t = clone(template) as Obj | undefined;
  if (t && isObj(t.metadata) && isObj(t.metadata.labels)) {
    delete t.metadata.labels['pod-template-hash'];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  if (t && isObj(t.metadata)) {
    delete t.metadata.creationTimestamp;
    if (Object.keys(t.metadata).length === 0) delete t.metadata;
  }
  return t;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Obj,
  ) {
    super(message);
  }
}

const notFound = (r: ResDef, name: string) =>
  new ApiError(404, 'NotFound', `${r.group ? `${r.name}.${r.group}` : r.name} "${name}" not found`, {
    name,
    group: r.group,
    kind: r.name,
  });

function statusBody(e: ApiError): Obj {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: e.message,
    reason: e.reason,
    ...(e.details ? { details: e.details } : {}),
    code: e.code,
  };
}

/* ------------------------------------------------------------------ selectors */

interface Requirement {
  key: string;
  op: 'eq' | 'neq' | 'in' | 'notin' | 'exists' | 'notexists';
  values: string[];
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

export function parseLabelSelector(s: string): Requirement[] {
  return splitTop(s).map((term) => {
    let m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
    if (m)
      return {
        key: m[1],
        op: m[2] as 'in' | 'notin',
        values: m[3]
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      };
    m = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
    if (m) return { key: m[1], op: m[2] === '!=' ? 'neq' : 'eq', values: [m[3]] };
    if (term.startsWith('!')) return { key: term.slice(1).trim(), op: 'notexists', values: [] };
    if (/^\S+$/.test(term)) return { key: term, op: 'exists', values: [] };
    throw new ApiError(400, 'BadRequest', `unable to parse requirement: ${term}`);
  });
}

function matchReqs(reqs: Requirement[], get: (k: string) => string | undefined): boolean {
  return reqs.every((r) => {
    const v = get(r.key);
    switch (r.op) {
      case 'eq':
        return v === r.values[0];
      case 'neq':
        return v !== r.values[0];
      case 'in':
        return v !== undefined && r.values.includes(v);
      case 'notin':
        return v === undefined || !r.values.includes(v);
      case 'exists':
        return v !== undefined;
      case 'notexists':
        return v === undefined;
    }
    return false;
  });
}

function dotted(o: Obj, p: string): string | undefined {
  let cur: any = o;
  for (const part of p.split('.')) {
    if (!isObj(cur)) return undefined;
    cur = cur[part];
  }
  return cur === undefined || cur === null ? undefined : String(cur);
}

function parseFieldSelector(s: string): Requirement[] {
  return splitTop(s).map((term) => {
    const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(term);
    if (!m) throw new ApiError(400, 'BadRequest', `invalid field selector: ${term}`);
    return { key: m[1].trim(), op: m[2] === '!=' ? 'neq' : 'eq', values: [m[3].trim()] };
  });
}

/** matchLabels / matchExpressions (a Deployment's spec.selector) against labels. */
export function matchSelector(sel: Obj | undefined, labels: Obj | undefined): boolean {
  if (!sel) return false;
  const l = labels || {};
  for (const [k, v] of Object.entries(sel.matchLabels || {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions || []) {
    const v = l[e.key];
    if (e.operator === 'In' && !(v !== undefined && e.values.includes(v))) return false;
    if (e.operator === 'NotIn' && v !== undefined && e.values.includes(v)) return false;
    if (e.operator === 'Exists' && v === undefined) return false;
    if (e.operator === 'DoesNotExist' && v !== undefined) return false;
  }
  return true;
}

/* ------------------------------------------------------------------ patches */

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Merge keys of the list fields that matter here (Kubernetes' patchMergeKey tags). */
function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'env':
    case 'imagePullSecrets':
    case 'secrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'conditions':
      return 'type';
    case 'ownerReferences':
      return 'uid';
    case 'hostAliases':
      return 'ip';
    case 'topologySpreadConstraints':
      return 'topologyKey';
    case 'ports': {
      const first = items.find(isObj) as Obj | undefined;
      if (first && 'containerPort' in first) return 'containerPort';
      if (first && 'port' in first) return 'port';
      return undefined;
    }
    default:
      return undefined;
  }
}

const PRIMITIVE_MERGE_LISTS = new Set(['finalizers']);

/** Strategic merge patch (enough of it for what kubectl sends for built-in types). */
export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  if (patch.$patch === 'replace') {
    const p = clone(patch);
    delete p.$patch;
    return stripDirectives(p);
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Obj = isObj(target) ? clone(target) : {};
  const retain: string[] | undefined = Array.isArray(patch.$retainKeys) ? patch.$retainKeys : undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue;
    if (k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const f = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[f]) && Array.isArray(v)) out[f] = out[f].filter((x: unknown) => !v.includes(x));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    if (Array.isArray(v)) {
      out[k] = mergeList(k, out[k], v);
      continue;
    }
    if (isObj(v)) {
      const merged = strategicMerge(out[k], v);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
      continue;
    }
    out[k] = v;
  }
  if (retain) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
  return out;
}

function mergeList(field: string, cur: unknown, patch: unknown[]): unknown[] {
  if (patch.some((x) => isObj(x) && x.$patch === 'replace')) {
    return patch.filter((x) => !(isObj(x) && x.$patch === 'replace')).map(stripDirectives);
  }
  const existing = Array.isArray(cur) ? clone(cur) : [];
  if (PRIMITIVE_MERGE_LISTS.has(field)) {
    for (const x of patch) if (!existing.includes(x)) existing.push(x);
    return existing;
  }
  const key = mergeKeyFor(field, patch.length ? patch : existing);
  if (!key) return patch.map(stripDirectives);
  for (const item of patch) {
    if (!isObj(item)) continue;
    const idx = existing.findIndex((e: unknown) => isObj(e) && e[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) existing.splice(idx, 1);
      continue;
    }
    if (idx >= 0) existing[idx] = strategicMerge(existing[idx], item);
    else existing.push(stripDirectives(item));
  }
  return existing;
}

function pointer(p: string): string[] {
  if (p === '') return [];
  return p
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function jsonPatch(target: unknown, ops: Obj[]): unknown {
  let doc: any = clone(target);
  const getAt = (parts: string[]) =>
    parts.reduce((o: any, k) => (o === undefined || o === null ? undefined : o[k]), doc);
  const setAt = (parts: string[], value: unknown, insert: boolean) => {
    if (parts.length === 0) {
      doc = value;
      return;
    }
    const parent = getAt(parts.slice(0, -1));
    const last = parts[parts.length - 1];
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (insert) parent.splice(i, 0, value);
      else parent[i] = value;
    } else if (isObj(parent)) parent[last] = value;
    else throw new ApiError(422, 'Invalid', `jsonpatch: missing parent for path /${parts.join('/')}`);
  };
  const removeAt = (parts: string[]) => {
    const parent = getAt(parts.slice(0, -1));
    const last = parts[parts.length - 1];
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (isObj(parent) && last in parent) delete parent[last];
    else throw new ApiError(422, 'Invalid', `jsonpatch: remove of missing path /${parts.join('/')}`);
  };
  for (const op of ops) {
    const parts = pointer(String(op.path ?? ''));
    switch (op.op) {
      case 'add':
        setAt(parts, clone(op.value), true);
        break;
      case 'replace':
        setAt(parts, clone(op.value), false);
        break;
      case 'remove':
        removeAt(parts);
        break;
      case 'copy':
        setAt(parts, clone(getAt(pointer(op.from))), true);
        break;
      case 'move': {
        const v = clone(getAt(pointer(op.from)));
        removeAt(pointer(op.from));
        setAt(parts, v, true);
        break;
      }
      case 'test':
        if (canonical(getAt(parts)) !== canonical(op.value))
          throw new ApiError(422, 'Invalid', `jsonpatch: test failed at ${op.path}`);
        break;
      default:
        throw new ApiError(400, 'BadRequest', `jsonpatch: unknown op ${op.op}`);
    }
  }
  return doc;
}

/* ------------------------------------------------------------------ the server */

interface Change {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  res: string;
  obj: Obj;
}

interface Watcher {
  res: ResDef;
  namespace?: string;
  labels: Requirement[];
  fields: Requirement[];
  send(type: string, obj: Obj): void;
  end(): void;
}

/** Resources whose main endpoint ignores status (it is written through /status or by the controllers). */
const STATUS_RESOURCES = new Set([
  'deployments',
  'replicasets',
  'pods',
  'services',
  'namespaces',
  'ingresses',
  'poddisruptionbudgets',
  'horizontalpodautoscalers',
]);

/** Resources whose metadata.generation counts spec changes. */
const GENERATION_RESOURCES = new Set([
  'deployments',
  'replicasets',
  'ingresses',
  'networkpolicies',
  'poddisruptionbudgets',
  'horizontalpodautoscalers',
]);

class Store {
  rv = 1;
  readonly objects = new Map<string, Obj>();
  readonly history: Change[] = [];
  readonly watchers = new Set<Watcher>();

  key(res: string, ns: string | undefined, name: string): string {
    return `${res}|${ns ?? ''}|${name}`;
  }

  get(res: string, ns: string | undefined, name: string): Obj | undefined {
    return this.objects.get(this.key(res, ns, name));
  }

  list(res: string, ns?: string): Obj[] {
    const out: Obj[] = [];
    const prefix = ns === undefined ? `${res}|` : `${res}|${ns}|`;
    for (const [k, v] of this.objects) if (k.startsWith(prefix)) out.push(v);
    return out.sort((a, b) =>
      `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(
        `${b.metadata.namespace ?? ''}/${b.metadata.name}`,
      ),
    );
  }

  /** Stores obj (already complete) and notifies watchers. */
  put(r: ResDef, obj: Obj, type: 'ADDED' | 'MODIFIED'): Obj {
    obj.metadata.resourceVersion = String(++this.rv);
    this.objects.set(this.key(r.name, obj.metadata.namespace, obj.metadata.name), obj);
    this.notify(r, type, obj);
    return obj;
  }

  remove(r: ResDef, ns: string | undefined, name: string): Obj | undefined {
    const k = this.key(r.name, ns, name);
    const obj = this.objects.get(k);
    if (!obj) return undefined;
    this.objects.delete(k);
    obj.metadata.resourceVersion = String(++this.rv);
    this.notify(r, 'DELETED', obj);
    return obj;
  }

  private notify(r: ResDef, type: Change['type'], obj: Obj): void {
    const snapshot = clone(obj);
    this.history.push({ rv: this.rv, type, res: r.name, obj: snapshot });
    if (this.history.length > 20000) this.history.splice(0, 5000);
    for (const w of this.watchers)
      if (w.res.name === r.name && watcherMatches(w, snapshot)) w.send(type, snapshot);
  }
}

function watcherMatches(w: Pick<Watcher, 'namespace' | 'labels' | 'fields'>, obj: Obj): boolean {
  if (w.namespace !== undefined && obj.metadata.namespace !== w.namespace) return false;
  if (!matchReqs(w.labels, (k) => obj.metadata.labels?.[k])) return false;
  return matchReqs(w.fields, (k) => dotted(obj, k));
}

interface Route {
  res: ResDef;
  namespace?: string;
  name?: string;
  sub?: string;
  watch: boolean;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export class Sim {
  readonly store = new Store();
  readonly requests: K8sSimRequest[] = [];
  /** Set by `disconnectOn`: a request it matches is dropped, and the server goes away. */
  cutOn?: { match: (r: K8sSimRequest) => boolean; cut: () => void };
  readonly completions: K8sSimCompletion[] = [];
  readonly token?: string;
  readonly podReadyMs: number;
  readonly tickMs: number;
  server!: http.Server;
  url = '';
  private readonly openWatches = new Set<() => void>();
  controller?: { pods: Map<string, { mode: string; restarts: number }> };
  kubelet?: Kubelet;
  readonly errors: string[] = [];

  constructor(opts: K8sSimOptions) {
    this.token = opts.token;
    this.podReadyMs = opts.podReadyMs ?? 150;
    this.tickMs = opts.tickMs ?? 50;
    this.create(byName('namespaces')!, undefined, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'default' },
    });
    this.create(byName('namespaces')!, undefined, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'kube-system' },
    });
  }

  /* --- object lifecycle, used by the HTTP layer and the controllers */

  create(r: ResDef, ns: string | undefined, body: Obj, dry = false): Obj {
    if (!isObj(body) || !isObj(body.metadata))
      throw new ApiError(400, 'BadRequest', 'the object has no metadata');
    const obj = clone(body);
    const md = obj.metadata;
    if (!md.namespace) delete md.namespace;
    if (!md.name && md.generateName) md.name = md.generateName + randomSuffix(5);
    if (!md.name)
      throw new ApiError(
        422,
        'Invalid',
        `${r.kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
      );
    if (r.namespaced) {
      const target = md.namespace ?? ns ?? 'default';
      if (ns !== undefined && md.namespace !== undefined && md.namespace !== ns) {
        throw new ApiError(
          400,
          'BadRequest',
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      if (!this.store.get('namespaces', undefined, target)) {
        throw new ApiError(404, 'NotFound', `namespaces "${target}" not found`, {
          name: target,
          kind: 'namespaces',
        });
      }
      md.namespace = target;
    } else delete md.namespace;
    if (this.store.get(r.name, md.namespace, md.name)) {
      throw new ApiError(
        409,
        'AlreadyExists',
        `${r.group ? `${r.name}.${r.group}` : r.name} "${md.name}" already exists`,
        {
          name: md.name,
          group: r.group,
          kind: r.name,
        },
      );
    }
    obj.apiVersion = gv(r);
    obj.kind = r.kind;
    md.uid = crypto.randomUUID();
    md.creationTimestamp = k8sTime();
    if (GENERATION_RESOURCES.has(r.name)) md.generation = 1;
    delete md.deletionTimestamp;
    if (STATUS_RESOURCES.has(r.name) && r.name !== 'pods') delete obj.status;
    this.defaults(r, obj);
    if (dry) return obj;
    const stored = this.store.put(r, obj, 'ADDED');
    if (r.name === 'namespaces') {
      this.create(byName('serviceaccounts')!, md.name, {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace: md.name },
      });
    }
    return stored;
  }

  /** Replaces an object (PUT / PATCH result). statusOnly: the /status subresource. */
  update(
    r: ResDef,
    ns: string | undefined,
    name: string,
    body: Obj,
    opts: { statusOnly?: boolean; internal?: boolean; dry?: boolean } = {},
  ): Obj {
    const cur = this.store.get(r.name, ns, name);
    if (!cur) throw notFound(r, name);
    if (!isObj(body)) throw new ApiError(400, 'BadRequest', 'the body is not an object');
    const rv = body.metadata?.resourceVersion;
    if (!opts.internal && rv && rv !== cur.metadata.resourceVersion) {
      throw new ApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${r.group ? `${r.name}.${r.group}` : r.name} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name, group: r.group, kind: r.name },
      );
    }
    let next: Obj;
    if (opts.statusOnly) {
      next = clone(cur);
      next.status = clone(body.status);
    } else {
      next = clone(body);
      next.metadata = { ...clone(body.metadata || {}) };
      for (const k of ['uid', 'creationTimestamp', 'namespace', 'name', 'generation']) {
        if (cur.metadata[k] !== undefined) next.metadata[k] = cur.metadata[k];
      }
      next.apiVersion = gv(r);
      next.kind = r.kind;
      if (!opts.internal && STATUS_RESOURCES.has(r.name)) {
        if (cur.status !== undefined) next.status = clone(cur.status);
        else delete next.status;
      }
      this.defaults(r, next);
      if (cur.metadata.generation !== undefined && canonical(cur.spec) !== canonical(next.spec)) {
        next.metadata.generation = cur.metadata.generation + 1;
      }
    }
    if (
      canonical({ ...next, metadata: { ...next.metadata, resourceVersion: '' } }) ===
      canonical({ ...cur, metadata: { ...cur.metadata, resourceVersion: '' } })
    ) {
      return cur; // no-op: the real server does not bump resourceVersion either
    }
    if (opts.dry) return next;
    return this.store.put(r, next, 'MODIFIED');
  }

  delete(r: ResDef, ns: string | undefined, name: string, dry = false): Obj {
    if (dry) {
      const o = this.store.get(r.name, ns, name);
      if (!o) throw notFound(r, name);
      return clone(o);
    }
    const obj = this.store.remove(r, ns, name);
    if (!obj) throw notFound(r, name);
    if (r.name === 'namespaces') {
      for (const rr of RESOURCES)
        if (rr.namespaced)
          for (const o of this.store.list(rr.name, name)) this.store.remove(rr, name, o.metadata.name);
    }
    return obj;
  }

  /** Server-side defaults that kubectl output and the controllers rely on. */
  private defaults(r: ResDef, obj: Obj): void {
    if (r.name === 'namespaces') {
      obj.spec = obj.spec ?? { finalizers: ['kubernetes'] };
      obj.status = obj.status ?? { phase: 'Active' };
      obj.metadata.labels = {
        ...(obj.metadata.labels || {}),
        'kubernetes.io/metadata.name': obj.metadata.name,
      };
    }
    if (r.name === 'deployments' && isObj(obj.spec)) {
      const s = obj.spec;
      s.replicas = s.replicas ?? 1;
      s.revisionHistoryLimit = s.revisionHistoryLimit ?? 10;
      s.progressDeadlineSeconds = s.progressDeadlineSeconds ?? 600;
      s.strategy = s.strategy ?? {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      };
      if (isObj(s.template)) podSpecDefaults(s.template.spec);
    }
    if (r.name === 'replicasets' && isObj(obj.spec)) obj.spec.replicas = obj.spec.replicas ?? 1;
    if (r.name === 'services' && isObj(obj.spec)) {
      const s = obj.spec;
      s.type = s.type ?? 'ClusterIP';
      if (s.clusterIP === undefined && s.type !== 'ExternalName') {
        s.clusterIP = `10.96.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 254)}`;
        s.clusterIPs = [s.clusterIP];
      }
      s.sessionAffinity = s.sessionAffinity ?? 'None';
      for (const p of s.ports || []) {
        p.protocol = p.protocol ?? 'TCP';
        p.targetPort = p.targetPort ?? p.port;
      }
      obj.status = obj.status ?? { loadBalancer: {} };
    }
    if (r.name === 'serviceaccounts' || r.name === 'configmaps' || r.name === 'secrets') {
      if (r.name === 'secrets') obj.type = obj.type ?? 'Opaque';
    }
  }

  /* --- HTTP */

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const u = new URL(req.url || '/', 'http://sim');
    const ct = req.headers['content-type'];
    const request: K8sSimRequest = {
      method: req.method || 'GET',
      path: u.pathname + u.search,
      contentType: ct,
      accept: req.headers.accept,
    };
    this.requests.push(request);
    if (this.cutOn?.match(request)) {
      const { cut } = this.cutOn;
      this.cutOn = undefined;
      cut();
      return;
    }
    try {
      if (this.token !== undefined && req.headers.authorization !== `Bearer ${this.token}`) {
        throw new ApiError(401, 'Unauthorized', 'Unauthorized');
      }
      const body = ['POST', 'PUT', 'PATCH'].includes(req.method || '')
        ? await readBody(req)
        : Buffer.alloc(0);
      const out = await this.route(req.method || 'GET', u, ct, body, req, res);
      if (out === undefined) return; // streaming (watch)
      if (typeof out === 'string') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end(out);
        return;
      }
      res.writeHead(out.code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(out.body));
    } catch (err) {
      const e =
        err instanceof ApiError
          ? err
          : new ApiError(500, 'InternalError', String((err as Error)?.stack || err));
      if (!res.headersSent) res.writeHead(e.code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(statusBody(e)));
    }
  }

  private route(
    method: string,
    u: URL,
    ct: string | undefined,
    body: Buffer,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): { code: number; body: unknown } | string | Promise<string> | undefined {
    const p = u.pathname.replace(/\/+$/, '') || '/';
    const disc = this.discovery(p);
    if (disc !== undefined) {
      if (method !== 'GET')
        throw new ApiError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
      return { code: 200, body: disc };
    }
    const route = this.parsePath(p);
    if (!route) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    const q = u.searchParams;
    const watch = route.watch || q.get('watch') === 'true' || q.get('watch') === '1';
    const { res: r, namespace: ns, name, sub } = route;
    if (
      r.namespaced &&
      ns !== undefined &&
      r.name !== 'events' &&
      !this.store.get('namespaces', undefined, ns) &&
      method === 'GET' &&
      !name
    ) {
      // listing in a missing namespace is an empty list on the real server; keep that
    }
    if (watch) {
      this.watch(route, q, req, res);
      return undefined;
    }
    if (sub === 'log') {
      if (method !== 'GET') throw new ApiError(405, 'MethodNotAllowed', 'method not allowed');
      return this.podLog(ns, name!, q);
    }
    if (sub && sub !== 'status' && sub !== 'scale')
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    const dry = q.get('dryRun') === 'All';
    const parse = (): Obj => {
      if (ct && ct.startsWith('application/vnd.kubernetes.protobuf')) return decodeProtobufObject(body);
      if (ct && ct.startsWith('application/apply-patch+yaml')) return YAML.parse(body.toString('utf8'));
      if (ct && !ct.includes('json'))
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
        );
      try {
        return JSON.parse(body.toString('utf8'));
      } catch {
        throw new ApiError(400, 'BadRequest', 'the body of the request could not be decoded as JSON');
      }
    };
    if (sub === 'scale') return this.scale(method, r, ns, name!, method === 'GET' ? undefined : parse(), ct);
    switch (method) {
      case 'GET': {
        const table = wantsTable(req.headers.accept);
        if (name) {
          const o = this.store.get(r.name, r.namespaced ? ns : undefined, name);
          if (!o) throw notFound(r, name);
          return {
            code: 200,
            body: table ? toTable(r, [o], String(this.store.rv), q.get('includeObject')) : o,
          };
        }
        const list = this.list(r, ns, q);
        return {
          code: 200,
          body: table ? toTable(r, list.items, list.metadata.resourceVersion, q.get('includeObject')) : list,
        };
      }
      case 'POST': {
        if (name) throw new ApiError(405, 'MethodNotAllowed', 'POST to a named resource is not allowed');
        const o = this.create(r, r.namespaced ? ns : undefined, parse(), dry);
        return { code: 201, body: o };
      }
      case 'PUT': {
        if (!name) throw new ApiError(405, 'MethodNotAllowed', 'PUT needs a name');
        return {
          code: 200,
          body: this.update(r, r.namespaced ? ns : undefined, name, parse(), {
            statusOnly: sub === 'status',
            dry,
          }),
        };
      }
      case 'PATCH': {
        if (!name) throw new ApiError(405, 'MethodNotAllowed', 'PATCH needs a name');
        const cur = this.store.get(r.name, r.namespaced ? ns : undefined, name);
        const patch = parse();
        if (ct?.startsWith('application/apply-patch')) {
          // server-side apply, approximated: create if absent, else a strategic merge (no field ownership)
          if (!isObj(patch))
            throw new ApiError(400, 'BadRequest', 'the apply configuration is not an object');
          delete patch.metadata?.managedFields;
          if (!cur)
            return {
              code: 201,
              body: this.create(
                r,
                r.namespaced ? ns : undefined,
                { ...patch, metadata: { ...patch.metadata, name } },
                dry,
              ),
            };
        }
        if (!cur) throw notFound(r, name);
        const next = ct?.startsWith('application/apply-patch')
          ? strategicMerge(cur, patch)
          : applyPatch(cur, patch, ct || '');
        if (isObj(next) && isObj(next.metadata)) {
          // a patch may carry a resourceVersion precondition; otherwise it applies to the latest version
          if (!(isObj(patch) && isObj(patch.metadata) && patch.metadata.resourceVersion))
            next.metadata.resourceVersion = cur.metadata.resourceVersion;
        }
        return {
          code: 200,
          body: this.update(r, r.namespaced ? ns : undefined, name, next as Obj, {
            statusOnly: sub === 'status',
            dry,
          }),
        };
      }
      case 'DELETE': {
        if (!name) {
          const items = this.list(r, ns, q).items as Obj[];
          for (const o of items) this.delete(r, o.metadata.namespace, o.metadata.name, dry);
          return { code: 200, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' } };
        }
        const o = this.delete(r, r.namespaced ? ns : undefined, name, dry);
        return { code: 200, body: o };
      }
      default:
        throw new ApiError(405, 'MethodNotAllowed', `method ${method} not allowed`);
    }
  }

  private list(r: ResDef, ns: string | undefined, q: URLSearchParams): Obj {
    const labels = parseLabelSelector(q.get('labelSelector') || '');
    const fields = parseFieldSelector(q.get('fieldSelector') || '');
    const items = this.store
      .list(r.name, r.namespaced ? ns : undefined)
      .filter((o) => watcherMatches({ labels, fields }, o));
    const limit = Number(q.get('limit') || 0);
    return {
      kind: `${r.kind}List`,
      apiVersion: gv(r),
      metadata: { resourceVersion: String(this.store.rv) },
      items: limit > 0 ? items.slice(0, limit) : items,
    };
  }

  private scale(
    method: string,
    r: ResDef,
    ns: string | undefined,
    name: string,
    body: Obj | undefined,
    ct: string | undefined,
  ): { code: number; body: unknown } {
    const cur = this.store.get(r.name, ns, name);
    if (!cur) throw notFound(r, name);
    const asScale = (o: Obj): Obj => ({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name,
        namespace: ns,
        uid: o.metadata.uid,
        resourceVersion: o.metadata.resourceVersion,
        creationTimestamp: o.metadata.creationTimestamp,
      },
      spec: { replicas: o.spec?.replicas ?? 0 },
      status: {
        replicas: o.status?.replicas ?? 0,
        selector: Object.entries(o.spec?.selector?.matchLabels || {})
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
      },
    });
    if (method === 'GET') return { code: 200, body: asScale(cur) };
    let replicas: unknown;
    if (method === 'PUT') replicas = body?.spec?.replicas;
    else if (method === 'PATCH') replicas = (applyPatch(asScale(cur), body, ct || '') as Obj).spec?.replicas;
    else throw new ApiError(405, 'MethodNotAllowed', `method ${method} not allowed`);
    const next = clone(cur);
    next.spec.replicas = Number(replicas);
    return { code: 200, body: asScale(this.update(r, ns, name, next, { internal: true })) };
  }

  private parsePath(p: string): Route | undefined {
    let group = '';
    let version: string;
    let rest: string[];
    const segs = p.split('/').filter(Boolean).map(decodeURIComponent);
    if (segs[0] === 'api' && segs.length >= 3) {
      version = segs[1];
      rest = segs.slice(2);
    } else if (segs[0] === 'apis' && segs.length >= 4) {
      group = segs[1];
      version = segs[2];
      rest = segs.slice(3);
    } else return undefined;
    let watch = false;
    if (rest[0] === 'watch') {
      watch = true;
      rest = rest.slice(1);
    }
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      const r = findRes(group, version, rest[2]);
      if (r && r.namespaced) return { res: r, namespace: rest[1], name: rest[3], sub: rest[4], watch };
    }
    const r = findRes(group, version, rest[0]);
    if (!r) return undefined;
    return { res: r, name: rest[1], sub: rest[2], watch };
  }

  private discovery(p: string): unknown {
    if (p === '/version') {
      return {
        major: '1',
        minor: '32',
        gitVersion: 'v1.32.0-sim',
        gitCommit: '0000000000000000000000000000000000000000',
        gitTreeState: 'clean',
        buildDate: '2024-12-11T00:00:00Z',
        goVersion: 'go1.23.4',
        compiler: 'gc',
        platform: 'linux/amd64',
      };
    }
    if (p === '/api') {
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [
          { clientCIDR: '0.0.0.0/0', serverAddress: this.url.replace(/^http:\/\//, '') },
        ],
      };
    }
    if (p === '/apis') {
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: GROUPS.map((g) => ({
          name: g.name,
          versions: [{ groupVersion: `${g.name}/${g.version}`, version: g.version }],
          preferredVersion: { groupVersion: `${g.name}/${g.version}`, version: g.version },
        })),
      };
    }
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(p);
    if (!m) return undefined;
    const group = m[2] ?? '';
    const version = m[1] ?? m[3];
    const rs = RESOURCES.filter((r) => r.group === group && r.version === version);
    if (!rs.length) return undefined;
    const resources: Obj[] = [];
    for (const r of rs) {
      resources.push({
        name: r.name,
        singularName: r.singular,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: VERBS,
        ...(r.shortNames ? { shortNames: r.shortNames } : {}),
        ...(r.categories ? { categories: r.categories } : {}),
      });
      for (const s of r.subresources || []) {
        resources.push({
          name: `${r.name}/${s}`,
          singularName: '',
          namespaced: r.namespaced,
          kind: s === 'scale' ? 'Scale' : r.kind,
          ...(s === 'scale' ? { group: 'autoscaling', version: 'v1' } : {}),
          verbs: s === 'log' ? ['get'] : ['get', 'patch', 'update'],
        });
      }
    }
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group ? `${group}/${version}` : version,
      resources,
    };
  }

  /* --- watch */

  private watch(route: Route, q: URLSearchParams, req: http.IncomingMessage, res: http.ServerResponse): void {
    const r = route.res;
    const labels = parseLabelSelector(q.get('labelSelector') || '');
    const fields = parseFieldSelector(q.get('fieldSelector') || '');
    if (route.name) fields.push({ key: 'metadata.name', op: 'eq', values: [route.name] });
    const ns = r.namespaced ? route.namespace : undefined;
    const rvParam = q.get('resourceVersion');
    const timeout = Number(q.get('timeoutSeconds') || 0);
    const table = wantsTable(req.headers.accept);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    let done = false;
    const w: Watcher = {
      res: r,
      namespace: ns,
      labels,
      fields,
      send: (type, obj) => {
        if (done) return;
        const object =
          table && type !== 'BOOKMARK'
            ? toTable(r, [obj], obj.metadata.resourceVersion, q.get('includeObject'))
            : obj;
        res.write(`${JSON.stringify({ type, object })}\n`);
      },
      end: () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.store.watchers.delete(w);
        this.openWatches.delete(w.end);
        res.end();
      },
    };
    const timer = timeout > 0 ? setTimeout(w.end, timeout * 1000) : undefined;
    if (!rvParam || rvParam === '0') {
      for (const o of this.store.list(r.name, ns)) if (watcherMatches(w, o)) w.send('ADDED', o);
    } else {
      const from = Number(rvParam);
      for (const c of this.store.history)
        if (c.rv > from && c.res === r.name && watcherMatches(w, c.obj)) w.send(c.type, c.obj);
    }
    if (q.get('allowWatchBookmarks') === 'true' && q.get('sendInitialEvents') === 'true') {
      w.send('BOOKMARK', {
        kind: r.kind,
        apiVersion: gv(r),
        metadata: {
          resourceVersion: String(this.store.rv),
          annotations: { 'k8s.io/initial-events-end': 'true' },
        },
      });
    }
    this.store.watchers.add(w);
    this.openWatches.add(w.end);
    req.on('close', w.end);
    res.on('close', w.end);
  }

  endWatches(): void {
    for (const end of [...this.openWatches]) end();
  }

  /* --- pod logs (filled in by the controller section) */

  podLog(ns: string | undefined, name: string, q: URLSearchParams): string | Promise<string> {
    const pod = this.store.get('pods', ns, name);
    if (!pod) throw notFound(byName('pods')!, name);
    const containers = ((pod.spec?.containers || []) as Obj[]).map((c) => String(c.name));
    let container = q.get('container') || undefined;
    if (!container) {
      if (containers.length !== 1) {
        throw new ApiError(
          400,
          'BadRequest',
          `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`,
        );
      }
      container = containers[0];
    }
    if (!containers.includes(container))
      throw new ApiError(400, 'BadRequest', `container ${container} is not valid for pod ${name}`);
    const cs = ((pod.status?.containerStatuses || []) as Obj[]).find((c) => c.name === container);
    const previous = q.get('previous') === 'true' || q.get('previous') === '1';
    const tailLines = q.get('tailLines');
    if (
      this.kubelet &&
      (previous ? cs?.lastState?.terminated : cs?.state?.running || cs?.lastState?.terminated)
    )
      return this.kubelet.logs(pod, { previous, tail: tailLines ? Number(tailLines) : undefined });
    let lines: string[];
    if (previous) {
      if (!cs?.lastState?.terminated)
        throw new ApiError(
          400,
          'BadRequest',
          `previous terminated container "${container}" in pod "${name}" not found`,
        );
      lines = CRASH_LOG;
    } else if (cs?.lastState?.terminated || cs?.state?.running) {
      lines = cs.lastState?.terminated ? CRASH_LOG : [`${container}: listening on 0.0.0.0:8080`, 'ready'];
    } else {
      const reason = cs?.state?.waiting?.reason || 'ContainerCreating';
      const why =
        reason === 'ImagePullBackOff' || reason === 'ErrImagePull'
          ? 'trying and failing to pull image'
          : reason;
      throw new ApiError(
        400,
        'BadRequest',
        `container "${container}" in pod "${name}" is waiting to start: ${why}`,
      );
    }
    const tail = q.get('tailLines');
    const out = tail ? lines.slice(-Number(tail)) : lines;
    return out.length ? `${out.join('\n')}\n` : '';
  }
}

/* ------------------------------------------------------------------ protobuf request bodies */

// kubectl's typed clients (`kubectl create configmap|secret|namespace|serviceaccount ...`) POST protobuf
// (`application/vnd.kubernetes.protobuf`: "k8s\0" + runtime.Unknown{typeMeta, raw}). The simulator decodes the
// few simple kinds those generators send; others get 415.

type PKind = 'string' | 'bytes' | 'bool' | 'int' | 'msg' | 'map' | 'mapbytes';
interface PField {
  name: string;
  kind: PKind;
  repeated?: boolean;
  schema?: PSchema;
}
type PSchema = Record<number, PField>;

const f = (name: string, kind: PKind, extra: Partial<PField> = {}): PField => ({ name, kind, ...extra });
const OWNER_REF: PSchema = {
  1: f('kind', 'string'),
  3: f('name', 'string'),
  4: f('uid', 'string'),
  5: f('apiVersion', 'string'),
  6: f('controller', 'bool'),
  7: f('blockOwnerDeletion', 'bool'),
};
const OBJECT_META: PSchema = {
  1: f('name', 'string'),
  2: f('generateName', 'string'),
  3: f('namespace', 'string'),
  5: f('uid', 'string'),
  6: f('resourceVersion', 'string'),
  7: f('generation', 'int'),
  11: f('labels', 'map'),
  12: f('annotations', 'map'),
  13: f('ownerReferences', 'msg', { repeated: true, schema: OWNER_REF }),
  14: f('finalizers', 'string', { repeated: true }),
};
const meta = f('metadata', 'msg', { schema: OBJECT_META });
const PROTO_SCHEMAS: Record<string, PSchema> = {
  'v1/ConfigMap': { 1: meta, 2: f('data', 'map'), 3: f('binaryData', 'mapbytes'), 4: f('immutable', 'bool') },
  'v1/Secret': {
    1: meta,
    2: f('data', 'mapbytes'),
    3: f('type', 'string'),
    4: f('stringData', 'map'),
    5: f('immutable', 'bool'),
  },
  'v1/Namespace': {
    1: meta,
    2: f('spec', 'msg', { schema: { 1: f('finalizers', 'string', { repeated: true }) } }),
  },
  'v1/ServiceAccount': {
    1: meta,
    2: f('secrets', 'msg', {
      repeated: true,
      schema: {
        1: f('kind', 'string'),
        2: f('namespace', 'string'),
        3: f('name', 'string'),
        4: f('uid', 'string'),
        5: f('apiVersion', 'string'),
      },
    }),
    3: f('imagePullSecrets', 'msg', { repeated: true, schema: { 1: f('name', 'string') } }),
    4: f('automountServiceAccountToken', 'bool'),
  },
};

function* protoFields(buf: Buffer): Generator<{ no: number; wire: number; value: bigint | Buffer }> {
  let i = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (i >= buf.length) throw new ApiError(400, 'BadRequest', 'truncated protobuf body');
      const b = buf[i++];
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const key = Number(varint());
    const no = key >> 3;
    const wire = key & 7;
    if (wire === 0) yield { no, wire, value: varint() };
    else if (wire === 2) {
      const len = Number(varint());
      yield { no, wire, value: buf.subarray(i, i + len) };
      i += len;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new ApiError(400, 'BadRequest', `unsupported protobuf wire type ${wire}`);
  }
}

function decodeMessage(buf: Buffer, schema: PSchema): Obj {
  const out: Obj = {};
  for (const { no, value } of protoFields(buf)) {
    const fd = schema[no];
    if (!fd) continue;
    let v: unknown;
    if (fd.kind === 'map' || fd.kind === 'mapbytes') {
      const entry = decodeMessage(value as Buffer, {
        1: f('key', 'string'),
        2: f('value', fd.kind === 'map' ? 'string' : 'bytes'),
      });
      out[fd.name] = { ...(out[fd.name] || {}), [entry.key ?? '']: entry.value ?? '' };
      continue;
    }
    if (fd.kind === 'string') v = (value as Buffer).toString('utf8');
    else if (fd.kind === 'bytes') v = (value as Buffer).toString('base64');
    else if (fd.kind === 'bool') v = value !== 0n;
    else if (fd.kind === 'int') v = Number(value as bigint);
    else v = decodeMessage(value as Buffer, fd.schema || {});
    if (fd.repeated) (out[fd.name] = out[fd.name] || []).push(v);
    else out[fd.name] = v;
  }
  return out;
}

export function decodeProtobufObject(body: Buffer): Obj {
  if (body.subarray(0, 4).toString('latin1') !== 'k8s\0')
    throw new ApiError(400, 'BadRequest', 'the protobuf body has no k8s envelope');
  const unknown = decodeMessage(body.subarray(4), {
    1: f('typeMeta', 'msg', { schema: { 1: f('apiVersion', 'string'), 2: f('kind', 'string') } }),
    2: f('raw', 'bytes'),
  });
  const key = `${unknown.typeMeta?.apiVersion}/${unknown.typeMeta?.kind}`;
  const schema = PROTO_SCHEMAS[key];
  if (!schema) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `the simulator decodes protobuf bodies only for ${Object.keys(PROTO_SCHEMAS).join(', ')} (got ${key}); use kubectl apply`,
    );
  }
  return {
    apiVersion: unknown.typeMeta.apiVersion,
    kind: unknown.typeMeta.kind,
    ...decodeMessage(Buffer.from(String(unknown.raw ?? ''), 'base64'), schema),
  };
}

/* ------------------------------------------------------------------ server-side printing (Table) */

function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept || '');
}

/** k8s.io/apimachinery duration.HumanDuration */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (h < 192) return h % 24 ? `${d}d${h % 24}h` : `${d}d`;
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

const age = (ts: string | undefined): string =>
  ts ? humanDuration(Date.now() - Date.parse(ts)) : '<unknown>';

interface Column {
  name: string;
  type?: string;
  priority?: number;
  cell(o: Obj): unknown;
}

const nameCol: Column = { name: 'Name', cell: (o) => o.metadata.name };
const ageCol: Column = { name: 'Age', cell: (o) => age(o.metadata.creationTimestamp) };
const containersCols = (spec: (o: Obj) => Obj | undefined): Column[] => [
  {
    name: 'Containers',
    priority: 1,
    cell: (o) => ((spec(o)?.containers || []) as Obj[]).map((c) => c.name).join(','),
  },
  {
    name: 'Images',
    priority: 1,
    cell: (o) => ((spec(o)?.containers || []) as Obj[]).map((c) => c.image).join(','),
  },
  {
    name: 'Selector',
    priority: 1,
    cell: (o) =>
      Object.entries(o.spec?.selector?.matchLabels || {})
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
  },
];

function podStatus(p: Obj): string {
  if (p.metadata.deletionTimestamp) return 'Terminating';
  let reason = p.status?.reason || p.status?.phase || 'Unknown';
  for (const c of (p.status?.containerStatuses || []) as Obj[]) {
    if (c.state?.waiting?.reason) return c.state.waiting.reason;
    if (c.state?.terminated) reason = c.state.terminated.reason || `ExitCode:${c.state.terminated.exitCode}`;
  }
  return reason;
}

const COLUMNS: Record<string, Column[]> = {
  pods: [
    nameCol,
    {
      name: 'Ready',
      cell: (o) => {
        const cs = (o.status?.containerStatuses || []) as Obj[];
        return `${cs.filter((c) => c.ready).length}/${(o.spec?.containers || []).length}`;
      },
    },
    { name: 'Status', cell: podStatus },
    {
      name: 'Restarts',
      cell: (o) => {
        const cs = (o.status?.containerStatuses || []) as Obj[];
        const n = cs.reduce((a, c) => a + (c.restartCount || 0), 0);
        const last = cs
          .map((c) => c.lastState?.terminated?.finishedAt)
          .filter(Boolean)
          .sort()
          .pop();
        return last && n ? `${n} (${age(last)} ago)` : String(n);
      },
    },
    ageCol,
    { name: 'IP', priority: 1, cell: (o) => o.status?.podIP || '<none>' },
    { name: 'Node', priority: 1, cell: (o) => o.spec?.nodeName || '<none>' },
    { name: 'Nominated Node', priority: 1, cell: () => '<none>' },
    { name: 'Readiness Gates', priority: 1, cell: () => '<none>' },
  ],
  deployments: [
    nameCol,
    { name: 'Ready', cell: (o) => `${o.status?.readyReplicas || 0}/${o.spec?.replicas ?? 0}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => o.status?.updatedReplicas || 0 },
    { name: 'Available', type: 'integer', cell: (o) => o.status?.availableReplicas || 0 },
    ageCol,
    ...containersCols((o) => o.spec?.template?.spec),
  ],
  replicasets: [
    nameCol,
    { name: 'Desired', type: 'integer', cell: (o) => o.spec?.replicas ?? 0 },
    { name: 'Current', type: 'integer', cell: (o) => o.status?.replicas || 0 },
    { name: 'Ready', type: 'integer', cell: (o) => o.status?.readyReplicas || 0 },
    ageCol,
    ...containersCols((o) => o.spec?.template?.spec),
  ],
  services: [
    nameCol,
    { name: 'Type', cell: (o) => o.spec?.type || 'ClusterIP' },
    { name: 'Cluster-IP', cell: (o) => o.spec?.clusterIP || '<none>' },
    { name: 'External-IP', cell: () => '<none>' },
    {
      name: 'Port(s)',
      cell: (o) =>
        ((o.spec?.ports || []) as Obj[])
          .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol || 'TCP'}`)
          .join(',') || '<none>',
    },
    ageCol,
    {
      name: 'Selector',
      priority: 1,
      cell: (o) =>
        Object.entries(o.spec?.selector || {})
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
    },
  ],
  events: [
    { name: 'Last Seen', cell: (o) => age(o.lastTimestamp || o.eventTime) },
    { name: 'Type', cell: (o) => o.type },
    { name: 'Reason', cell: (o) => o.reason },
    {
      name: 'Object',
      cell: (o) => `${String(o.involvedObject?.kind || '').toLowerCase()}/${o.involvedObject?.name}`,
    },
    { name: 'Subobject', priority: 1, cell: (o) => o.involvedObject?.fieldPath || '' },
    {
      name: 'Source',
      priority: 1,
      cell: (o) => [o.source?.component, o.source?.host].filter(Boolean).join(', '),
    },
    { name: 'Message', cell: (o) => o.message },
    { name: 'First Seen', priority: 1, cell: (o) => age(o.firstTimestamp) },
    { name: 'Count', priority: 1, type: 'integer', cell: (o) => o.count || 1 },
    { name: 'Name', priority: 1, cell: (o) => o.metadata.name },
  ],
  namespaces: [nameCol, { name: 'Status', cell: (o) => o.status?.phase || 'Active' }, ageCol],
  configmaps: [
    nameCol,
    {
      name: 'Data',
      type: 'integer',
      cell: (o) => Object.keys(o.data || {}).length + Object.keys(o.binaryData || {}).length,
    },
    ageCol,
  ],
  secrets: [
    nameCol,
    { name: 'Type', cell: (o) => o.type || 'Opaque' },
    { name: 'Data', type: 'integer', cell: (o) => Object.keys(o.data || {}).length },
    ageCol,
  ],
};

function toTable(r: ResDef, items: Obj[], resourceVersion: string, includeObject: string | null): Obj {
  const cols = COLUMNS[r.name] || [nameCol, ageCol];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: cols.map((c) => ({
      name: c.name,
      type: c.type || 'string',
      format: c.name === 'Name' ? 'name' : '',
      description: c.name,
      priority: c.priority || 0,
    })),
    rows: items.map((o) => ({
      cells: cols.map((c) => c.cell(o)),
      ...(includeObject === 'None'
        ? {}
        : {
            object:
              includeObject === 'Object'
                ? o
                : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
          }),
    })),
  };
}

function applyPatch(cur: Obj, patch: unknown, ct: string): unknown {
  if (ct.startsWith('application/merge-patch+json')) return mergePatch(cur, patch);
  if (ct.startsWith('application/strategic-merge-patch+json')) return strategicMerge(cur, patch);
  if (ct.startsWith('application/json-patch+json')) {
    if (!Array.isArray(patch))
      throw new ApiError(400, 'BadRequest', 'a JSON patch must be an array of operations');
    return jsonPatch(cur, patch);
  }
  if (ct.startsWith('application/apply-patch'))
    throw new ApiError(415, 'UnsupportedMediaType', 'server-side apply is not supported by the simulator');
  throw new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`,
  );
}

function podSpecDefaults(spec: Obj | undefined): void {
  if (!isObj(spec)) return;
  spec.restartPolicy = spec.restartPolicy ?? 'Always';
  spec.dnsPolicy = spec.dnsPolicy ?? 'ClusterFirst';
  spec.schedulerName = spec.schedulerName ?? 'default-scheduler';
  spec.terminationGracePeriodSeconds = spec.terminationGracePeriodSeconds ?? 30;
  spec.securityContext = spec.securityContext ?? {};
  for (const c of [...(spec.containers || []), ...(spec.initContainers || [])]) {
    if (!isObj(c)) continue;
    c.imagePullPolicy =
      c.imagePullPolicy ?? (/:latest$|^[^:@]*$/.test(String(c.image || '')) ? 'Always' : 'IfNotPresent');
    c.terminationMessagePath = c.terminationMessagePath ?? '/dev/termination-log';
    c.terminationMessagePolicy = c.terminationMessagePolicy ?? 'File';
    c.resources = c.resources ?? {};
    for (const p of c.ports || []) if (isObj(p)) p.protocol = p.protocol ?? 'TCP';
  }
}

/* ------------------------------------------------------------------ a self-signed certificate (DER by hand) */

function der(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, content]);
}
const seq = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = Math.floor(v / 128); x > 0; x = Math.floor(x / 128)) chunk.unshift((x & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return der(0x06, Buffer.from(out));
}
const utcTime = (ms: number) =>
  der(0x17, Buffer.from(new Date(ms).toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'));

/** An ECDSA P-256 self-signed certificate for 127.0.0.1 / localhost, CA:true, valid for a day. */
export function selfSignedCert(): { keyPem: string; certPem: string } {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const alg = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(der(0x31, seq(oid('2.5.4.3'), der(0x0c, Buffer.from('k8s-sim')))));
  const serial = crypto.randomBytes(16);
  // A positive INTEGER without a leading zero byte: DER refuses the padding ("illegal padding").
  serial[0] = serial[0] & 0x7f || 1;
  const now = Date.now();
  const extensions = der(
    0xa3,
    seq(
      seq(oid('2.5.29.19'), der(0x01, Buffer.from([0xff])), der(0x04, seq(der(0x01, Buffer.from([0xff]))))),
      seq(
        oid('2.5.29.17'),
        der(0x04, seq(der(0x87, Buffer.from([127, 0, 0, 1])), der(0x82, Buffer.from('localhost')))),
      ),
    ),
  );
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    alg,
    name,
    seq(utcTime(now - 3600_000), utcTime(now + 24 * 3600_000)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const sig = crypto.sign('sha256', tbs, privateKey);
  const cert = seq(tbs, alg, der(0x03, Buffer.concat([Buffer.from([0]), sig])));
  const b64 = cert
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certPem: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`,
  };
}

/* ------------------------------------------------------------------ entry point */

function kubeconfigText(url: string, token: string, opts: KubeconfigOptions, caPem?: string): string {
  const ctx = opts.context ?? 'sim';
  const ns = opts.namespace ? `\n    namespace: ${JSON.stringify(opts.namespace)}` : '';
  return `apiVersion: v1
kind: Config
clusters:
- name: sim
  cluster:
    server: ${url}${caPem ? `\n    certificate-authority-data: ${Buffer.from(caPem).toString('base64')}` : ''}
users:
- name: sim-user
  user:
    token: ${JSON.stringify(token)}
contexts:
- name: ${JSON.stringify(ctx)}
  context:
    cluster: sim
    user: sim-user${ns}
current-context: ${JSON.stringify(ctx)}
preferences: {}
`;
}

export async function startK8sSim(opts: K8sSimOptions = {}): Promise<K8sSim> {
  const sim = new Sim(opts);
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void sim.handle(req, res);
  };
  const tls = opts.tls ?? opts.token !== undefined;
  const cert = tls ? selfSignedCert() : undefined;
  const server: http.Server = cert
    ? https.createServer({ key: cert.keyPem, cert: cert.certPem }, handler)
    : http.createServer(handler);
  sim.server = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sim.url = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const caPem = cert?.certPem;
  const controller = startController(sim);
  if (opts.kubelet) {
    const pods = byName('pods')!;
    try {
      sim.kubelet = await startKubelet(
        {
          list: (r, ns) => sim.store.list(r, ns),
          get: (r, ns, name) => sim.store.get(r, ns, name),
          writePodStatus: (pod, status) =>
            sim.update(
              pods,
              pod.metadata.namespace,
              pod.metadata.name,
              { ...pod, status },
              {
                statusOnly: true,
                internal: true,
              },
            ),
          event: (obj, reason, message, o) =>
            (sim.controller as unknown as Controller).event(obj, reason, message, o),
        },
        opts.kubelet,
      );
    } catch (e) {
      controller.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw e;
    }
  }
  const defaultToken = opts.token ?? 'sim-token';
  const port = (server.address() as AddressInfo).port;
  let stopped = false;
  let disconnected = false;
  const closeServer = () =>
    new Promise<void>((resolve) => {
      sim.endWatches();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: sim.url,
    caPem,
    requests: sim.requests,
    completions: sim.completions,
    kubelet: sim.kubelet,
    kubeconfig: (o = {}) => kubeconfigText(sim.url, o.token ?? defaultToken, o, caPem),
    writeKubeconfig(dir: string, o: KubeconfigOptions = {}): string {
      const file = path.join(dir, `kubeconfig-${o.context ?? 'sim'}-${randomSuffix(4)}`);
      fs.writeFileSync(file, kubeconfigText(sim.url, o.token ?? defaultToken, o, caPem), { mode: 0o600 });
      return file;
    },
    get(resource: string, namespace: string | undefined, name: string) {
      const r = byName(resource);
      if (!r) throw new Error(`k8s-sim: unknown resource ${resource}`);
      return clone(sim.store.get(r.name, r.namespaced ? (namespace ?? 'default') : undefined, name));
    },
    async disconnect() {
      if (disconnected || stopped) return;
      disconnected = true;
      await closeServer();
    },
    async reconnect() {
      if (!disconnected || stopped) return;
      disconnected = false;
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    disconnectOn(match) {
      sim.cutOn = {
        match,
        cut: () => {
          if (disconnected || stopped) return;
          disconnected = true;
          // Closes this request's connection too: it gets no answer.
          void closeServer();
        },
      };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      controller.stop();
      await sim.kubelet?.stop();
      if (!disconnected) await closeServer();
    },
  };
}

/* ------------------------------------------------------------------ controllers */

type PodMode = 'ok' | 'pullfail' | 'crashloop';

interface PodState {
  created: number;
  mode: PodMode;
  step: number;
  nextAt: number;
  restarts: number;
}

interface DeployState {
  sig: string;
  progressAt: number;
  createdRS?: string;
  completeKey?: string;
}

const NODE = 'sim-node';
const REVISION = 'deployment.kubernetes.io/revision';
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
]);

export const CRASH_LOG = [
  'starting mcp server',
  'loading configuration from environment',
  'error: config missing MCP_SERVER_PORT',
];

function podMode(spec: Obj | undefined): PodMode {
  const images = ((spec?.containers || []) as Obj[]).map((c) => String(c.image || ''));
  if (images.some((i) => i.includes('pullfail'))) return 'pullfail';
  if (images.some((i) => i.includes('crashloop'))) return 'crashloop';
  return 'ok';
}

const rev = (o: Obj): number => Number(o.metadata.annotations?.[REVISION] || 0);
const ownedBy = (o: Obj, uid: string): boolean =>
  ((o.metadata.ownerReferences || []) as Obj[]).some((r) => r.uid === uid);

class Controller {
  readonly pods = new Map<string, PodState>();
  readonly deploys = new Map<string, DeployState>();
  private readonly eventKeys = new Map<string, string>();
  private readonly R = {
    deployments: byName('deployments')!,
    replicasets: byName('replicasets')!,
    pods: byName('pods')!,
    events: byName('events')!,
  };

  constructor(readonly sim: Sim) {}

  private get store(): Store {
    return this.sim.store;
  }

  tick(): void {
    this.gc();
    for (const d of this.store.list('deployments')) this.syncDeployment(d);
    for (const rs of this.store.list('replicasets')) this.syncReplicaSet(rs);
    if (this.sim.kubelet) this.sim.kubelet.sync(this.store.list('pods'));
    else for (const p of this.store.list('pods')) this.advancePod(p);
    for (const rs of this.store.list('replicasets')) this.replicaSetStatus(rs);
    for (const d of this.store.list('deployments')) this.deploymentStatus(d);
  }

  /** Deletes objects whose controlling owner is gone (the garbage collector). */
  private gc(): void {
    const uids = new Set<string>();
    for (const r of ['deployments', 'replicasets'])
      for (const o of this.store.list(r)) uids.add(o.metadata.uid);
    for (const r of ['replicasets', 'pods'] as const) {
      for (const o of this.store.list(r)) {
        const owners = (o.metadata.ownerReferences || []) as Obj[];
        if (owners.length && owners.every((ow) => !uids.has(ow.uid))) {
          this.store.remove(this.R[r], o.metadata.namespace, o.metadata.name);
          this.pods.delete(o.metadata.uid);
        }
      }
    }
  }

  event(
    obj: Obj,
    reason: string,
    message: string,
    opts: { type?: string; component?: string; fieldPath?: string } = {},
  ): void {
    const md = obj.metadata;
    const key = `${md.uid}|${reason}|${message}|${opts.fieldPath ?? ''}`;
    const now = k8sTime();
    const existing = this.eventKeys.get(key);
    const cur = existing ? this.store.get('events', md.namespace, existing) : undefined;
    if (cur) {
      const next = clone(cur);
      next.count = (next.count || 1) + 1;
      next.lastTimestamp = now;
      this.sim.update(this.R.events, md.namespace, existing!, next, { internal: true });
      return;
    }
    const name = `${md.name}.${crypto.randomBytes(8).toString('hex')}`;
    this.eventKeys.set(key, name);
    const component = opts.component ?? 'kubelet';
    this.sim.create(this.R.events, md.namespace, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: md.namespace },
      involvedObject: {
        kind: obj.kind,
        namespace: md.namespace,
        name: md.name,
        uid: md.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: md.resourceVersion,
        ...(opts.fieldPath ? { fieldPath: opts.fieldPath } : {}),
      },
      reason,
      message,
      source: { component, ...(component === 'kubelet' ? { host: NODE } : {}) },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type: opts.type ?? 'Normal',
      eventTime: null,
      reportingComponent: component,
      reportingInstance: component === 'kubelet' ? NODE : '',
    });
  }

  private ownedReplicaSets(d: Obj): Obj[] {
    return this.store.list('replicasets', d.metadata.namespace).filter((rs) => ownedBy(rs, d.metadata.uid));
  }

  private podsOf(rs: Obj): Obj[] {
    return this.store.list('pods', rs.metadata.namespace).filter((p) => ownedBy(p, rs.metadata.uid));
  }

  private newReplicaSet(d: Obj, owned: Obj[]): Obj | undefined {
    const want = canonical(stripHashLabel(d.spec.template));
    return owned.find((rs) => canonical(stripHashLabel(rs.spec.template)) === want);
  }

  private copiedAnnotations(d: Obj): Obj {
    const out: Obj = {};
    for (const [k, v] of Object.entries(d.metadata.annotations || {})) if (!NOT_COPIED.has(k)) out[k] = v;
    return out;
  }

  private syncDeployment(d: Obj): void {
    if (!isObj(d.spec) || !isObj(d.spec.template)) return;
    const ns = d.metadata.namespace;
    const owned = this.ownedReplicaSets(d);
    const maxRev = owned.reduce((m, rs) => Math.max(m, rev(rs)), 0);
    let newRS = this.newReplicaSet(d, owned);
    const replicas = Number(d.spec.replicas ?? 1);
    const st = this.state(d);
    if (!newRS) {
      const hash = templateHash(d.spec.template);
      const template = clone(d.spec.template);
      template.metadata = template.metadata || {};
      template.metadata.labels = { ...(template.metadata.labels || {}), 'pod-template-hash': hash };
      const name = `${d.metadata.name}-${hash}`;
      const stale = this.store.get('replicasets', ns, name);
      if (stale) this.store.remove(this.R.replicasets, ns, name);
      newRS = this.sim.create(this.R.replicasets, ns, {
        metadata: {
          name,
          namespace: ns,
          labels: template.metadata.labels,
          annotations: {
            ...this.copiedAnnotations(d),
            'deployment.kubernetes.io/desired-replicas': String(replicas),
            'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
            [REVISION]: String(maxRev + 1),
          },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: d.metadata.name,
              uid: d.metadata.uid,
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: {
          replicas,
          minReadySeconds: d.spec.minReadySeconds ?? 0,
          selector: {
            ...clone(d.spec.selector),
            matchLabels: { ...(d.spec.selector?.matchLabels || {}), 'pod-template-hash': hash },
          },
          template,
        },
      });
      st.createdRS = name;
      this.event(d, 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`, {
        component: 'deployment-controller',
      });
    } else {
      const next = clone(newRS);
      let changed = false;
      if (rev(newRS) < maxRev) {
        // rollout undo (or a template that went back): the old ReplicaSet becomes the newest revision
        const history = [
          next.metadata.annotations['deployment.kubernetes.io/revision-history'],
          String(rev(newRS)),
        ]
          .filter(Boolean)
          .join(',');
        next.metadata.annotations = {
          ...next.metadata.annotations,
          [REVISION]: String(maxRev + 1),
          'deployment.kubernetes.io/revision-history': history,
        };
        changed = true;
      }
      const ann = { ...next.metadata.annotations, ...this.copiedAnnotations(d) };
      if (canonical(ann) !== canonical(next.metadata.annotations)) {
        next.metadata.annotations = ann;
        changed = true;
      }
      if (Number(next.spec.replicas) !== replicas) {
        const from = Number(next.spec.replicas);
        next.spec.replicas = replicas;
        next.metadata.annotations['deployment.kubernetes.io/desired-replicas'] = String(replicas);
        changed = true;
        this.event(
          d,
          'ScalingReplicaSet',
          `Scaled ${replicas > from ? 'up' : 'down'} replica set ${next.metadata.name} from ${from} to ${replicas}`,
          { component: 'deployment-controller' },
        );
      }
      if (changed)
        newRS = this.sim.update(this.R.replicasets, ns, next.metadata.name, next, { internal: true });
    }
    if (d.metadata.annotations?.[REVISION] !== newRS.metadata.annotations[REVISION]) {
      const next = clone(d);
      next.metadata.annotations = {
        ...(next.metadata.annotations || {}),
        [REVISION]: newRS.metadata.annotations[REVISION],
      };
      this.sim.update(this.R.deployments, ns, d.metadata.name, next, { internal: true });
    }
  }

  private state(d: Obj): DeployState {
    let st = this.deploys.get(d.metadata.uid);
    if (!st) {
      st = { sig: '', progressAt: Date.now() };
      this.deploys.set(d.metadata.uid, st);
    }
    return st;
  }

  private syncReplicaSet(rs: Obj): void {
    const ns = rs.metadata.namespace;
    const pods = this.podsOf(rs);
    const want = Number(rs.spec?.replicas ?? 0);
    for (let i = pods.length; i < want; i++) {
      const tmpl = clone(rs.spec.template || {});
      const name = `${rs.metadata.name}-${randomSuffix(5)}`;
      const spec = tmpl.spec || {};
      podSpecDefaults(spec);
      spec.serviceAccountName = spec.serviceAccountName ?? 'default';
      spec.enableServiceLinks = spec.enableServiceLinks ?? true;
      spec.tolerations = spec.tolerations ?? [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ];
      const pod = this.sim.create(this.R.pods, ns, {
        metadata: {
          name,
          generateName: `${rs.metadata.name}-`,
          namespace: ns,
          labels: tmpl.metadata?.labels || {},
          ...(tmpl.metadata?.annotations ? { annotations: tmpl.metadata.annotations } : {}),
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: rs.metadata.name,
              uid: rs.metadata.uid,
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec,
        status: { phase: 'Pending', qosClass: 'BestEffort' },
      });
      this.pods.set(pod.metadata.uid, {
        created: Date.now(),
        mode: podMode(spec),
        step: 0,
        nextAt: Date.now(),
        restarts: 0,
      });
      this.event(rs, 'SuccessfulCreate', `Created pod: ${name}`, { component: 'replicaset-controller' });
    }
    if (pods.length > want) {
      const victims = [...pods]
        .sort((a, b) => Number(isReady(a)) - Number(isReady(b)))
        .slice(0, pods.length - want);
      for (const p of victims) {
        this.store.remove(this.R.pods, ns, p.metadata.name);
        this.pods.delete(p.metadata.uid);
        this.event(rs, 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, {
          component: 'replicaset-controller',
        });
      }
    }
  }

  private advancePod(p: Obj): void {
    let st = this.pods.get(p.metadata.uid);
    if (!st) {
      // a pod created through the API: run it like the kubelet would
      st = { created: Date.now(), mode: podMode(p.spec), step: 0, nextAt: Date.now(), restarts: 0 };
      this.pods.set(p.metadata.uid, st);
    }
    const now = Date.now();
    if (now < st.nextAt) return;
    const R = this.sim.podReadyMs;
    const containers = ((p.spec?.containers || []) as Obj[]).filter(isObj);
    const next = clone(p);
    const status: Obj = next.status || (next.status = {});
    const t = k8sTime(now);
    const cond = (type: string, ok: boolean, reason?: string, message?: string) => {
      const list: Obj[] = (status.conditions = status.conditions || []);
      const c = list.find((x) => x.type === type);
      const value = ok ? 'True' : 'False';
      if (c && c.status === value && c.reason === reason) return;
      const nc: Obj = {
        type,
        status: value,
        lastProbeTime: null,
        lastTransitionTime: t,
        ...(reason ? { reason } : {}),
        ...(message ? { message } : {}),
      };
      if (c) Object.assign(c, nc);
      else list.push(nc);
      if (!(reason && c)) for (const k of ['reason', 'message']) if (!nc[k] && c) delete c[k];
    };
    const cs = (name: string): Obj => {
      const list: Obj[] = (status.containerStatuses = status.containerStatuses || []);
      let c = list.find((x) => x.name === name);
      if (!c) {
        const spec = containers.find((x) => x.name === name)!;
        c = {
          name,
          image: spec.image,
          imageID: '',
          ready: false,
          restartCount: 0,
          started: false,
          state: { waiting: { reason: 'ContainerCreating' } },
          lastState: {},
        };
        list.push(c);
      }
      return c;
    };
    const notReady = () => {
      const names = containers.map((c) => c.name).join(' ');
      cond('Ready', false, 'ContainersNotReady', `containers with unready status: [${names}]`);
      cond('ContainersReady', false, 'ContainersNotReady', `containers with unready status: [${names}]`);
    };
    const fp = (c: Obj) => `spec.containers{${c.name}}`;
    const imageID = (image: string) =>
      image.includes('@')
        ? image
        : `${image.split(':')[0]}@sha256:${crypto.createHash('sha256').update(image).digest('hex')}`;
    const cid = () => `containerd://${crypto.randomBytes(32).toString('hex')}`;
    switch (st.step) {
      case 0: {
        next.spec.nodeName = NODE;
        status.phase = 'Pending';
        status.hostIP = '10.0.0.10';
        status.hostIPs = [{ ip: '10.0.0.10' }];
        status.startTime = t;
        cond('PodScheduled', true);
        cond('Initialized', true);
        notReady();
        for (const c of containers) cs(c.name);
        this.event(
          p,
          'Scheduled',
          `Successfully assigned ${p.metadata.namespace}/${p.metadata.name} to ${NODE}`,
          { component: 'default-scheduler' },
        );
        st.step = 1;
        st.nextAt = st.created + R / 2;
        break;
      }
      case 1: {
        for (const c of containers)
          this.event(p, 'Pulling', `Pulling image "${c.image}"`, { fieldPath: fp(c) });
        st.step = 2;
        st.nextAt = st.created + R;
        break;
      }
      case 2: {
        if (st.mode === 'pullfail') {
          for (const c of containers) {
            const s = cs(c.name);
            const msg = `failed to pull and unpack image "${c.image}": failed to resolve reference "${c.image}": ${c.image}: not found`;
            s.state = {
              waiting: { reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = ${msg}` },
            };
            this.event(
              p,
              'Failed',
              `Failed to pull image "${c.image}": rpc error: code = NotFound desc = ${msg}`,
              { type: 'Warning', fieldPath: fp(c) },
            );
            this.event(p, 'Failed', 'Error: ErrImagePull', { type: 'Warning', fieldPath: fp(c) });
          }
          notReady();
          st.step = 3;
          st.nextAt = st.created + 2 * R;
          break;
        }
        status.phase = 'Running';
        status.podIP = `10.244.0.${crypto.randomInt(2, 250)}`;
        status.podIPs = [{ ip: status.podIP }];
        for (const c of containers) {
          const s = cs(c.name);
          this.event(
            p,
            'Pulled',
            `Successfully pulled image "${c.image}" in 112ms (112ms including waiting). Image size: 4194304 bytes.`,
            { fieldPath: fp(c) },
          );
          this.event(p, 'Created', `Created container: ${c.name}`, { fieldPath: fp(c) });
          this.event(p, 'Started', `Started container ${c.name}`, { fieldPath: fp(c) });
          s.imageID = imageID(String(c.image));
          s.containerID = cid();
          s.started = true;
          s.state = { running: { startedAt: t } };
          s.ready = st.mode === 'ok';
        }
        if (st.mode === 'ok') {
          cond('Ready', true);
          cond('ContainersReady', true);
          st.step = 9;
          st.nextAt = Infinity;
        } else {
          notReady();
          st.step = 3;
          st.nextAt = now + Math.max(R / 2, 50);
        }
        break;
      }
      default: {
        if (st.mode === 'pullfail') {
          for (const c of containers) {
            cs(c.name).state = {
              waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` },
            };
            this.event(p, 'BackOff', `Back-off pulling image "${c.image}"`, { fieldPath: fp(c) });
            this.event(p, 'Failed', 'Error: ImagePullBackOff', { type: 'Warning', fieldPath: fp(c) });
          }
          st.step++;
          st.nextAt = now + Math.max(4 * R, 1000);
          break;
        }
        // crashloop: the container exits 1, the kubelet backs off and restarts it
        st.restarts++;
        const backoff = Math.min(10 * 2 ** (st.restarts - 1), 300);
        for (const c of containers) {
          const s = cs(c.name);
          if (st.restarts > 1) {
            this.event(p, 'Created', `Created container: ${c.name}`, { fieldPath: fp(c) });
            this.event(p, 'Started', `Started container ${c.name}`, { fieldPath: fp(c) });
          }
          s.lastState = {
            terminated: {
              exitCode: 1,
              reason: 'Error',
              startedAt: k8sTime(now - 100),
              finishedAt: t,
              containerID: s.containerID ?? cid(),
            },
          };
          s.containerID = cid();
          s.restartCount = st.restarts;
          s.started = false;
          s.ready = false;
          s.state = {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off ${backoff}s restarting failed container=${c.name} pod=${p.metadata.name}_${p.metadata.namespace}(${p.metadata.uid})`,
            },
          };
          this.event(
            p,
            'BackOff',
            `Back-off restarting failed container ${c.name} in pod ${p.metadata.name}_${p.metadata.namespace}(${p.metadata.uid})`,
            {
              type: 'Warning',
              fieldPath: fp(c),
            },
          );
        }
        notReady();
        st.step++;
        st.nextAt = now + Math.max(2 * R, 500);
      }
    }
    this.sim.update(this.R.pods, p.metadata.namespace, p.metadata.name, next, { internal: true });
  }

  private replicaSetStatus(rs: Obj): void {
    const pods = this.podsOf(rs);
    const ready = pods.filter(isReady).length;
    const status: Obj = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation,
    };
    if (!ready) {
      delete status.readyReplicas;
      delete status.availableReplicas;
    }
    if (!pods.length) delete status.fullyLabeledReplicas;
    if (canonical(status) !== canonical(rs.status)) {
      this.sim.update(
        this.R.replicasets,
        rs.metadata.namespace,
        rs.metadata.name,
        { ...rs, status },
        { statusOnly: true, internal: true },
      );
    }
  }

  private deploymentStatus(d: Obj): void {
    if (!isObj(d.spec)) return;
    const ns = d.metadata.namespace;
    const owned = this.ownedReplicaSets(d);
    const newRS = this.newReplicaSet(d, owned);
    if (!newRS) return;
    const want = Number(d.spec.replicas ?? 1);
    const newPods = this.podsOf(newRS);
    const newReady = newPods.filter(isReady).length;
    if (newReady >= want) {
      for (const old of owned) {
        if (old.metadata.uid === newRS.metadata.uid || Number(old.spec.replicas) === 0) continue;
        const from = Number(old.spec.replicas);
        const next = clone(old);
        next.spec.replicas = 0;
        this.sim.update(this.R.replicasets, ns, old.metadata.name, next, { internal: true });
        this.event(d, 'ScalingReplicaSet', `Scaled down replica set ${old.metadata.name} from ${from} to 0`, {
          component: 'deployment-controller',
        });
        this.syncReplicaSet(this.store.get('replicasets', ns, old.metadata.name)!);
      }
      this.pruneHistory(d);
    }
    const all = this.ownedReplicaSets(d).flatMap((rs) => this.podsOf(rs));
    const replicas = all.length;
    const ready = all.filter(isReady).length;
    const updated = newPods.length;
    const st = this.state(d);
    const now = Date.now();
    const t = k8sTime(now);
    const complete = updated === want && replicas === updated && newReady >= updated;
    const sig = `${newRS.metadata.name}|${d.metadata.generation}|${updated}|${replicas}|${ready}`;
    const prev: Obj[] = clone(d.status?.conditions || []);
    const maxUnavailable = Math.floor(want / 4);
    const conds: Obj[] = [];
    const setCond = (type: string, status: string, reason: string, message: string, touch: boolean) => {
      const old = prev.find((c) => c.type === type);
      const same = old && old.status === status && old.reason === reason && old.message === message;
      conds.push({
        type,
        status,
        lastUpdateTime: same && !touch ? old.lastUpdateTime : t,
        lastTransitionTime: old && old.status === status ? old.lastTransitionTime : t,
        reason,
        message,
      });
    };
    if (ready >= want - maxUnavailable)
      setCond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', false);
    else
      setCond(
        'Available',
        'False',
        'MinimumReplicasUnavailable',
        'Deployment does not have minimum availability.',
        false,
      );
    const rsName = newRS.metadata.name;
    const progressed = sig !== st.sig;
    if (progressed) {
      st.sig = sig;
      st.progressAt = now;
    }
    const oldProgress = prev.find((c) => c.type === 'Progressing');
    if (complete)
      setCond(
        'Progressing',
        'True',
        'NewReplicaSetAvailable',
        `ReplicaSet "${rsName}" has successfully progressed.`,
        false,
      );
    else if (now - st.progressAt > Number(d.spec.progressDeadlineSeconds ?? 600) * 1000) {
      setCond(
        'Progressing',
        'False',
        'ProgressDeadlineExceeded',
        `ReplicaSet "${rsName}" has timed out progressing.`,
        false,
      );
    } else if (
      !progressed &&
      oldProgress &&
      oldProgress.status === 'True' &&
      String(oldProgress.message).includes(`"${rsName}"`) &&
      oldProgress.reason !== 'NewReplicaSetAvailable'
    ) {
      conds.push(oldProgress);
    } else if (
      st.createdRS === rsName &&
      (!oldProgress || !String(oldProgress.message).includes(`"${rsName}"`))
    ) {
      setCond('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${rsName}"`, true);
    } else
      setCond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`, true);
    const status: Obj = {
      observedGeneration: d.metadata.generation,
      replicas,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: ready,
      unavailableReplicas: Math.max(0, replicas - ready),
      conditions: conds,
    };
    for (const k of [
      'replicas',
      'updatedReplicas',
      'readyReplicas',
      'availableReplicas',
      'unavailableReplicas',
    ])
      if (status[k] === 0) delete status[k];
    if (canonical(status) !== canonical(d.status)) {
      this.sim.update(
        this.R.deployments,
        ns,
        d.metadata.name,
        { ...d, status },
        { statusOnly: true, internal: true },
      );
    }
    const revision = String(rev(newRS));
    const key = `${d.metadata.generation}|${rsName}|${revision}`;
    if (complete && st.completeKey !== key) {
      st.completeKey = key;
      this.sim.completions.push({ namespace: ns, name: d.metadata.name, revision, at: Date.now() });
    }
  }

  /** Keeps spec.revisionHistoryLimit scaled-down ReplicaSets. */
  private pruneHistory(d: Obj): void {
    const limit = Number(d.spec.revisionHistoryLimit ?? 10);
    const newRS = this.newReplicaSet(d, this.ownedReplicaSets(d));
    const old = this.ownedReplicaSets(d)
      .filter(
        (rs) =>
          rs !== newRS &&
          rs.metadata.uid !== newRS?.metadata.uid &&
          Number(rs.spec.replicas) === 0 &&
          !this.podsOf(rs).length,
      )
      .sort((a, b) => rev(a) - rev(b));
    for (const rs of old.slice(0, Math.max(0, old.length - limit)))
      this.store.remove(this.R.replicasets, rs.metadata.namespace, rs.metadata.name);
  }
}

function isReady(p: Obj): boolean {
  return ((p.status?.conditions || []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True');
}

function startController(sim: Sim): { stop(): void } {
  const c = new Controller(sim);
  sim.controller = c;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    try {
      c.tick();
    } catch (err) {
      sim.errors.push(String((err as Error)?.stack || err));
    } finally {
      running = false;
    }
  }, sim.tickMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
