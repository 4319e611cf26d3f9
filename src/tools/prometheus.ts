/**
 * Prometheus, two ways: its HTTP API (instant queries on /api/v1/query) when the cluster has one, and the
 * text exposition format of a server's own /metrics when it has not. Plus the PromQL the bake asks.
 *
 * Request headers carry credentials (a bearer token, an API key): they are sent and never put in an
 * error message, a log line or a URL.
 */

export interface HttpOptions {
  /** Sent with every request; values are secrets. */
  headers?: Record<string, string>;
  /** Per request: a stuck Prometheus must not stall the bake past its own deadline. */
  timeoutMs?: number;
}

export interface PrometheusOptions extends HttpOptions {
  url: string;
  token?: string;
}

export interface VectorSample {
  labels: Record<string, string>;
  /** NaN when Prometheus answered NaN (a ratio of zero calls, a quantile of no observations). */
  value: number;
}

export class PrometheusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrometheusError';
  }
}

const DEFAULT_TIMEOUT_MS = 10000;

/** Prometheus writes +Inf, -Inf and NaN; Number() knows only the first two spelled its own way. */
export function parseFloatValue(v: string): number {
  if (v === '+Inf' || v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === 'NaN') return NaN;
  const n = Number(v);
  if (v.trim() === '' || Number.isNaN(n)) throw new PrometheusError(`'${v}' is not a number`);
  return n;
}

async function get(url: string, o: HttpOptions, what: string): Promise<Response> {
  try {
    return await fetch(url, {
      headers: o.headers,
      signal: AbortSignal.timeout(o.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError')
      throw new PrometheusError(`${what}: no answer within ${o.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`);
    throw new PrometheusError(
      `${what}: ${err.cause?.code ?? err.cause?.message ?? (e as Error).message ?? String(e)}`,
    );
  }
}

/** Only scheme, host and path: a URL may hold user:password. */
function where(u: string): string {
  try {
    const p = new URL(u);
    return `${p.origin}${p.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** One instant query. `time` in seconds since the epoch (default: Prometheus' now). */
export async function instantQuery(
  o: PrometheusOptions,
  query: string,
  time?: number,
): Promise<VectorSample[]> {
  const u = new URL('api/v1/query', o.url.endsWith('/') ? o.url : `${o.url}/`);
  u.searchParams.set('query', query);
  if (time !== undefined) u.searchParams.set('time', time.toFixed(3));
  const headers = { ...o.headers, ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}) };
  const what = `Prometheus ${where(u.toString())}`;
  const res = await get(u.toString(), { ...o, headers }, what);
  const text = await res.text();
  let body: { status?: string; error?: string; data?: { resultType?: string; result?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    throw new PrometheusError(
      `${what}: HTTP ${res.status}, not a Prometheus API answer: ${text.slice(0, 120)}`,
    );
  }
  if (!res.ok || body.status !== 'success')
    throw new PrometheusError(
      `${what}: HTTP ${res.status}: ${body.error ?? 'query failed'} (query: ${query})`,
    );
  const data = body.data;
  if (data?.resultType === 'scalar') {
    const [, v] = data.result as [number, string];
    return [{ labels: {}, value: parseFloatValue(v) }];
  }
  if (data?.resultType !== 'vector')
    throw new PrometheusError(`${what}: expected a vector, got ${data?.resultType} (query: ${query})`);
  return (data.result as { metric: Record<string, string>; value: [number, string] }[]).map((r) => ({
    labels: r.metric,
    value: parseFloatValue(r.value[1]),
  }));
}

/** The single value of an aggregated query; undefined for an empty vector or NaN. */
export function single(samples: VectorSample[]): number | undefined {
  const v = samples[0]?.value;
  return v === undefined || Number.isNaN(v) ? undefined : v;
}

// ---- the server's own /metrics ----

export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

/**
 * The text exposition format 0.0.4: `name{label="value",...} value [timestamp]`. Comments, HELP and TYPE
 * lines are skipped; a malformed line is an error naming its number, not a silent zero.
 */
export function parseExposition(text: string): MetricSample[] {
  const out: MetricSample[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const bad = (why: string) => new PrometheusError(`metrics line ${i + 1}: ${why}: ${line.slice(0, 120)}`);
    const name = NAME.exec(line)?.[0];
    if (!name) throw bad('no metric name');
    let pos = name.length;
    const labels: Record<string, string> = {};
    if (line[pos] === '{') {
      pos++;
      for (;;) {
        while (line[pos] === ' ' || line[pos] === ',') pos++;
        if (line[pos] === '}') {
          pos++;
          break;
        }
        const key = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(pos))?.[0];
        if (!key || line.slice(pos + key.length, pos + key.length + 2) !== '="') throw bad('bad label');
        pos += key.length + 2;
        let value = '';
        for (;;) {
          const c = line[pos++];
          if (c === undefined) throw bad('unterminated label value');
          if (c === '"') break;
          if (c === '\\') {
            const n = line[pos++];
            value += n === 'n' ? '\n' : (n ?? '');
          } else value += c;
        }
        labels[key] = value;
      }
    }
    const fields = line.slice(pos).trim().split(/\s+/);
    if (!fields[0] || fields.length > 2) throw bad('expected a value and an optional timestamp');
    try {
      out.push({ name, labels, value: parseFloatValue(fields[0]) });
    } catch {
      throw bad('the value is not a number');
    }
  });
  return out;
}

export async function scrape(url: string, o: HttpOptions = {}): Promise<MetricSample[]> {
  const what = `metrics ${where(url)}`;
  const res = await get(url, o, what);
  const text = await res.text();
  if (!res.ok) throw new PrometheusError(`${what}: HTTP ${res.status}`);
  return parseExposition(text);
}

// ---- PromQL ----

export const METRICS = {
  requests: 'mcp_tool_requests_total',
  errors: 'mcp_tool_errors_total',
  duration: 'mcp_tool_duration_seconds',
} as const;

/** Whole seconds, at least 1: PromQL ranges take no fractions in the short form. */
export const range = (seconds: number): string => `${Math.max(1, Math.ceil(seconds))}s`;

const sel = (metric: string, selector: string) => `${metric}{${selector}}`;

/** Tool calls in the window, all tools and pods together. */
export const requestsQuery = (selector: string, windowSec: number): string =>
  `sum(increase(${sel(METRICS.requests, selector)}[${range(windowSec)}]))`;

export const errorsQuery = (selector: string, windowSec: number): string =>
  `sum(increase(${sel(METRICS.errors, selector)}[${range(windowSec)}]))`;

/** Share of tool calls that failed in the window: NaN (no value) when there were none. */
export const errorRateQuery = (selector: string, windowSec: number): string =>
  `${errorsQuery(selector, windowSec)} / ${requestsQuery(selector, windowSec)}`;

export const latencyQuantileQuery = (selector: string, windowSec: number, q = 0.95): string =>
  `histogram_quantile(${q}, sum by (le) (rate(${sel(`${METRICS.duration}_bucket`, selector)}[${range(windowSec)}])))`;

/**
 * The label matchers of one Deployment's pods as Prometheus' Kubernetes service discovery labels them
 * with the usual relabelling (the kubernetes-pods job of the Prometheus Helm chart, kube-prometheus'
 * PodMonitors): `namespace` from __meta_kubernetes_namespace and `pod` from __meta_kubernetes_pod_name.
 * A Deployment's pods are named <deployment>-<pod-template-hash>-<suffix>, so the regex matches this
 * Deployment's pods of every revision, and not those of a Deployment whose name merely starts the same.
 */
export function defaultSelector(namespace: string, deployments: string[]): string {
  const names = deployments.map((d) => d.replace(/[.\\^$|?*+()[\]{}]/g, '\\\\$&'));
  const pod = names.length === 1 ? names[0] : `(${names.join('|')})`;
  return [
    ...(namespace ? [`namespace="${namespace}"`] : []),
    ...(names.length ? [`pod=~"${pod}-[a-z0-9]+-[a-z0-9]+"`] : []),
  ].join(',');
}
