import { ActionError } from '../../errors';
import type { InputReader } from '../../inputs';
import { redact } from '../../report/log';
import { defaultSelector } from '../../tools/prometheus';
import { BAKE_COMPARE, type BakeOptions } from './bake';

/** The bake's inputs, read and checked with verify's (verify/inputs.ts calls readBakeInputs). */
/** Seconds between checks in a pipeline: a scrape interval or two of the usual Prometheus setups. */
export const BAKE_INTERVAL_SEC = 15;

/** One PromQL label matcher: name, operator, double-quoted value. */
const MATCHER = /^\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(=~|!~|!=|=)\s*"(?:[^"\\]|\\.)*"\s*$/;

function httpUrl(r: InputReader, name: string): string | undefined {
  const v = r.string(name);
  if (!v) return undefined;
  let u: URL | undefined;
  try {
    u = new URL(v);
  } catch {
    /* reported below */
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:'))
    throw new ActionError(
      `'${redact(v)}' is not an http(s) URL`,
      name,
      `write e.g. https://prometheus.example.com`,
    );
  return v;
}

/** `0.05`, `5%`. */
function share(r: InputReader, name: string): number {
  const v = r.string(name);
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(v);
  const n = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(n >= 0 && n <= 1))
    throw new ActionError(`'${v}' is not a share from 0 to 1`, name, 'write it like 0.05 or 5%');
  return n;
}

/** `1s`, `250ms`, `1.5s`, `0.5` (seconds). */
export function parseLatency(v: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/.exec(v.trim());
  if (!m) return undefined;
  return Number(m[1]) / (m[2] === 'ms' ? 1000 : 1);
}

/**
 * Reads the bake's inputs. `target` gives the default selector: the deploy stage's namespace and
 * Deployment names. Every error is one line naming the input.
 */
export function readBakeInputs(
  r: InputReader,
  target: { namespace?: string; deployments?: string[] } = {},
): BakeOptions {
  const bakeTimeSec = r.duration('bake-time');
  const prometheusUrl = httpUrl(r, 'prometheus-url');
  const metricsUrl = httpUrl(r, 'metrics-url');
  const prometheusToken = r.secret('prometheus-token') || undefined;
  const prometheusHeaders = r.headers('prometheus-headers', 'X-Scope-OrgID: team-a');
  if (prometheusToken && Object.keys(prometheusHeaders).some((h) => h.toLowerCase() === 'authorization'))
    throw new ActionError(
      'is set and prometheus-headers has an Authorization header too',
      'prometheus-token',
      'use one of the two',
    );
  const maxErrorRate = share(r, 'max-error-rate');
  const latency = r.string('max-latency-p95');
  const maxLatencyP95Sec = latency ? parseLatency(latency) : undefined;
  if (latency && !maxLatencyP95Sec)
    throw new ActionError(
      `'${latency}' is not a latency above 0`,
      'max-latency-p95',
      'write it like 1s or 250ms, or leave it empty for none',
    );
  const minRequests = r.int('min-requests');
  const trafficRaw = r.string('bake-traffic');
  const trafficRate = Number(trafficRaw);
  if (!/^\d+(\.\d+)?$/.test(trafficRaw) || trafficRate > 100)
    throw new ActionError(
      `'${trafficRaw}' is not a rate from 0 to 100`,
      'bake-traffic',
      'give calls a second, e.g. 5 (0 for none)',
    );
  const compare = r.oneOf('bake-compare', BAKE_COMPARE);
  const selectorRaw = r.string('metrics-selector').replace(/^\{|\}$/g, '');
  const selector = selectorRaw || defaultSelector(target.namespace ?? '', target.deployments ?? []);
  if (selectorRaw) {
    // Commas inside quoted values are fine; split on the commas between matchers only.
    const matchers = selectorRaw.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? [];
    if (!matchers.length || matchers.some((m) => !MATCHER.test(m)))
      throw new ActionError(
        `'${selectorRaw}' is not a list of label matchers`,
        'metrics-selector',
        `write e.g. namespace="prod",pod=~"hello-mcp-.*"`,
      );
  }
  if (bakeTimeSec > 0) {
    if (!prometheusUrl && !metricsUrl)
      throw new ActionError(
        'needs prometheus-url or metrics-url',
        'bake-time',
        "set prometheus-url to your Prometheus, or metrics-url to the server's /metrics",
      );
    if (prometheusUrl && metricsUrl)
      throw new ActionError('is set together with prometheus-url', 'metrics-url', 'use one of the two');
    if (prometheusUrl && !selector)
      throw new ActionError(
        'is empty and there is no namespace or deployment to derive it from',
        'metrics-selector',
        `write e.g. namespace="prod",pod=~"hello-mcp-.*"`,
      );
    if (compare === 'previous' && !prometheusUrl)
      throw new ActionError(
        "'previous' needs prometheus-url (a scraped /metrics has no history)",
        'bake-compare',
        'set prometheus-url or use none',
      );
  }
  return {
    bakeTimeSec,
    prometheusUrl,
    prometheusToken,
    prometheusHeaders,
    metricsUrl,
    maxErrorRate,
    maxLatencyP95Sec,
    minRequests,
    selector,
    trafficRate,
    compare,
    intervalSec: BAKE_INTERVAL_SEC,
  };
}
