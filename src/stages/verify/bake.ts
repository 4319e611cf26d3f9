import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../../errors';
import { INPUTS } from '../../inputs';
import { log, redact } from '../../report/log';
import { Summary } from '../../report/summary';
import {
  errorsQuery,
  instantQuery,
  latencyQuantileQuery,
  METRICS,
  requestsQuery,
  scrape,
  single,
  type MetricSample,
  type PrometheusOptions,
} from '../../tools/prometheus';
import { startTraffic, type Traffic, type TrafficStats } from './bake-traffic';
import type { SmokeCall } from './client';

/**
 * The bake: after verify's checks pass, watch the server's own tool metrics for a while and fail (so the
 * pipeline rolls the deploy back) when too many tool calls fail or they get too slow. The figures come
 * from Prometheus (PromQL over the pods the selector names) or, without one, from the server's /metrics
 * scraped by the runner itself.
 */
export const BAKE_COMPARE = INPUTS['bake-compare'].allowed;
export type BakeCompare = (typeof BAKE_COMPARE)[number];

export interface BakeOptions {
  /** 0 turns the bake off. */
  bakeTimeSec: number;
  prometheusUrl?: string;
  prometheusToken?: string;
  prometheusHeaders: Record<string, string>;
  /** The server's own /metrics, scraped by the runner when there is no Prometheus. */
  metricsUrl?: string;
  /** Sent with the scrape; the caller passes the MCP headers only when metrics-url has the MCP URL's origin. */
  metricsHeaders?: Record<string, string>;
  /** Share of tool calls, 0 to 1. */
  maxErrorRate: number;
  maxLatencyP95Sec?: number;
  /** Below this many tool calls nothing is judged. */
  minRequests: number;
  /** PromQL label matchers without braces, e.g. namespace="ns",pod=~"hello-[a-z0-9]+-[a-z0-9]+". */
  selector: string;
  /** Synthetic calls a second from the runner during the bake; 0 = none. */
  trafficRate: number;
  compare: BakeCompare;
  /** Seconds between checks (15 in a pipeline; tests use 1). */
  intervalSec: number;
  /** The trailing window a check judges; default twice the interval. */
  windowSec?: number;
  /** Per request to Prometheus or /metrics. */
  requestTimeoutMs?: number;
}

/** What the bake needs from the rest of verify. */
export interface BakeContext {
  /** The MCP endpoint and its headers, for bake traffic. */
  mcp?: { url: string; headers: Record<string, string>; smoke: SmokeCall[] };
  /** When the rollout started (ms since the epoch): compare: previous looks at the window before it. */
  rolloutStartedAt?: number;
  /** One line per check; default the action's log. */
  print?: (line: string) => void;
}

export interface Figures {
  requests: number;
  errors: number;
  /** Undefined when there were no calls. */
  errorRate?: number;
  /** Undefined when no call was observed. */
  p95Sec?: number;
}

export type SampleStatus = 'ok' | 'breach' | 'not-judged' | 'error';

export interface BakeSample {
  /** Seconds since the bake started. */
  atSec: number;
  /** The window whose figures were judged: the trailing window, or the whole bake so far. */
  windowSec: number;
  figures: Figures;
  /** The whole bake so far. */
  total: Figures;
  status: SampleStatus;
  note: string;
}

export interface Breach {
  figure: 'error-rate' | 'latency-p95';
  value: number;
  threshold: number;
  windowSec: number;
}

export interface BakeResult {
  status: 'passed' | 'failed' | 'not-judged' | 'off';
  /** One sentence: why it passed, failed or judged nothing. */
  reason: string;
  source: 'prometheus' | 'metrics-url' | 'none';
  selector?: string;
  startedAt: number;
  elapsedSec: number;
  samples: BakeSample[];
  total?: Figures;
  previous?: Figures;
  breach?: Breach;
  traffic?: TrafficStats;
}

// ---- figures from a source ----

interface Source {
  kind: 'prometheus' | 'metrics-url';
  begin(): Promise<void>;
  /** Figures over the trailing window and over the whole bake, as of now. */
  read(windowSec: number, sinceStartSec: number): Promise<{ recent: Figures; total: Figures }>;
  /** The same figures over `windowSec` ending at `endSec` (epoch seconds), before this bake. */
  before?(endSec: number, windowSec: number): Promise<Figures>;
}

const ratio = (errors: number, requests: number) => (requests > 0 ? errors / requests : undefined);

function prometheusSource(o: BakeOptions): Source {
  const p: PrometheusOptions = {
    url: o.prometheusUrl!,
    token: o.prometheusToken,
    headers: o.prometheusHeaders,
    timeoutMs: o.requestTimeoutMs,
  };
  const figures = async (windowSec: number, time: number): Promise<Figures> => {
    const [req, err, p95] = await Promise.all([
      instantQuery(p, requestsQuery(o.selector, windowSec), time),
      instantQuery(p, errorsQuery(o.selector, windowSec), time),
      instantQuery(p, latencyQuantileQuery(o.selector, windowSec), time),
    ]);
    const requests = single(req) ?? 0;
    const errors = single(err) ?? 0;
    return { requests, errors, errorRate: ratio(errors, requests), p95Sec: single(p95) };
  };
  return {
    kind: 'prometheus',
    // A wrong URL or token should fail the bake at once, not after the first interval.
    begin: async () => void (await instantQuery(p, 'vector(1)')),
    async read(windowSec, sinceStartSec) {
      const now = Date.now() / 1000;
      const [recent, total] = await Promise.all([figures(windowSec, now), figures(sinceStartSec, now)]);
      return { recent, total };
    },
    before: (endSec, windowSec) => figures(windowSec, endSec),
  };
}

interface Step {
  atMs: number;
  requests: number;
  errors: number;
  /** Per upper bound, observations in this step (cumulative over le, as exposed). */
  buckets: Map<number, number>;
}

/** Counter increase between two scrapes, series by series; a value that went down means a restart. */
function increase(prev: Map<string, number>, next: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of next) {
    const before = prev.get(k) ?? 0;
    out.set(k, v >= before ? v - before : v);
  }
  return out;
}

const seriesKey = (s: MetricSample) =>
  `${s.name}{${Object.entries(s.labels)
    .sort()
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',')}}`;

/** Prometheus' histogram_quantile over cumulative buckets (upper bound -> count). */
export function bucketQuantile(q: number, buckets: Map<number, number>): number | undefined {
  const sorted = [...buckets.entries()].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (!sorted.length || total <= 0 || sorted.at(-1)![0] !== Infinity) return undefined;
  const rank = q * total;
  let i = sorted.findIndex(([, c]) => c >= rank);
  if (i < 0) i = sorted.length - 1;
  if (sorted[i][0] === Infinity) return sorted.length > 1 ? sorted[sorted.length - 2][0] : undefined;
  const [upper, count] = sorted[i];
  const [lower, lowerCount] = i > 0 ? sorted[i - 1] : [0, 0];
  if (count === lowerCount) return upper;
  return lower + (upper - lower) * ((rank - lowerCount) / (count - lowerCount));
}

function sumSteps(steps: Step[]): Figures {
  const buckets = new Map<number, number>();
  let requests = 0;
  let errors = 0;
  for (const s of steps) {
    requests += s.requests;
    errors += s.errors;
    for (const [le, c] of s.buckets) buckets.set(le, (buckets.get(le) ?? 0) + c);
  }
  return { requests, errors, errorRate: ratio(errors, requests), p95Sec: bucketQuantile(0.95, buckets) };
}

/**
 * The server's /metrics, scraped at the start, at every check and at the end. All tools of the one
 * server count together; the selector does not apply (the labels it names are Prometheus' own).
 */
function scrapeSource(o: BakeOptions): Source {
  const url = o.metricsUrl!;
  let last: Map<string, number> | undefined;
  const steps: Step[] = [];
  const snapshot = async () => {
    const wanted = new Set<string>([METRICS.requests, METRICS.errors, `${METRICS.duration}_bucket`]);
    const samples = (await scrape(url, { headers: o.metricsHeaders, timeoutMs: o.requestTimeoutMs })).filter(
      (s) => wanted.has(s.name),
    );
    if (!samples.some((s) => s.name === METRICS.requests))
      throw new Error(`${url} exports no ${METRICS.requests}: is it the MCP server's /metrics?`);
    return new Map(samples.map((s) => [seriesKey(s), s.value]));
  };
  return {
    kind: 'metrics-url',
    async begin() {
      last = await snapshot();
    },
    async read(windowSec) {
      const next = await snapshot();
      const inc = increase(last!, next);
      last = next;
      const step: Step = { atMs: Date.now(), requests: 0, errors: 0, buckets: new Map() };
      for (const [k, v] of inc) {
        if (k.startsWith(`${METRICS.requests}{`)) step.requests += v;
        else if (k.startsWith(`${METRICS.errors}{`)) step.errors += v;
        else {
          const le = /[{,]le="([^"]+)"/.exec(k)?.[1];
          if (le) {
            const bound = le === '+Inf' ? Infinity : Number(le);
            step.buckets.set(bound, (step.buckets.get(bound) ?? 0) + v);
          }
        }
      }
      steps.push(step);
      // A little slack so a check that ran late still covers the steps of its window.
      const from = step.atMs - windowSec * 1000 - 250;
      return { recent: sumSteps(steps.filter((s) => s.atMs > from)), total: sumSteps(steps) };
    },
  };
}

// ---- judging ----

export const pct = (r: number | undefined): string =>
  r === undefined ? '-' : `${(r * 100).toFixed(r < 0.001 && r > 0 ? 3 : 1)}%`;
export const secs = (s: number | undefined): string =>
  s === undefined ? '-' : s < 1 ? `${(s * 1000).toFixed(s < 0.01 ? 2 : 0)} ms` : `${s.toFixed(2)} s`;
const calls = (n: number) => `${Math.round(n)} tool call${Math.round(n) === 1 ? '' : 's'}`;
const windowName = (w: number, whole: boolean) => (whole ? `the bake so far (${w}s)` : `the last ${w}s`);

/** Pure: the breach of one set of figures, if any. */
export function judgeFigures(f: Figures, o: BakeOptions, windowSec: number): Breach | undefined {
  if (f.errorRate !== undefined && f.errorRate > o.maxErrorRate)
    return { figure: 'error-rate', value: f.errorRate, threshold: o.maxErrorRate, windowSec };
  if (o.maxLatencyP95Sec !== undefined && f.p95Sec !== undefined && f.p95Sec > o.maxLatencyP95Sec)
    return { figure: 'latency-p95', value: f.p95Sec, threshold: o.maxLatencyP95Sec, windowSec };
  return undefined;
}

export function describeBreach(b: Breach, f: Figures, whole: boolean): string {
  const over = `over ${windowName(b.windowSec, whole)} (${Math.round(f.errors)} of ${calls(f.requests)} failed)`;
  return b.figure === 'error-rate'
    ? `error rate ${pct(b.value)} ${over} is above max-error-rate ${pct(b.threshold)}`
    : `p95 latency ${secs(b.value)} over ${windowName(b.windowSec, whole)} is above max-latency-p95 ${secs(b.threshold)}`;
}

/**
 * Pure: one check. It judges the trailing window when that holds at least min-requests calls, else the
 * whole bake so far (so a quiet minute cannot fail on one unlucky call), and nothing below min-requests.
 */
export function judgeSample(
  atSec: number,
  recent: Figures,
  total: Figures,
  o: BakeOptions,
  windowSec: number,
  final: boolean,
): BakeSample & { breach?: Breach } {
  if (total.requests < o.minRequests)
    return {
      atSec,
      windowSec: atSec,
      figures: total,
      total,
      status: 'not-judged',
      note: `${calls(total.requests)} so far, fewer than min-requests ${o.minRequests}: not judged`,
    };
  const useRecent = !final && recent.requests >= o.minRequests && windowSec < atSec;
  const [f, w] = useRecent ? [recent, windowSec] : [total, atSec];
  const breach = judgeFigures(f, o, w);
  const shown = `error rate ${pct(f.errorRate)} of ${calls(f.requests)}, p95 ${secs(f.p95Sec)} over ${windowName(w, !useRecent)}`;
  return {
    atSec,
    windowSec: w,
    figures: f,
    total,
    status: breach ? 'breach' : 'ok',
    note: breach ? describeBreach(breach, f, !useRecent) : shown,
    breach,
  };
}

// ---- the loop ----

const MAX_READ_ERRORS = 3;

export async function runBake(o: BakeOptions, c: BakeContext = {}): Promise<BakeResult> {
  const print = c.print ?? ((l: string) => log.info(l));
  const startedAt = Date.now();
  const base = { startedAt, samples: [] as BakeSample[], selector: o.prometheusUrl ? o.selector : undefined };
  if (o.bakeTimeSec <= 0)
    return { ...base, status: 'off', reason: 'bake-time is 0: no bake', source: 'none', elapsedSec: 0 };
  const source = o.prometheusUrl ? prometheusSource(o) : scrapeSource(o);
  const windowSec = o.windowSec ?? 2 * o.intervalSec;
  const result: BakeResult = { ...base, status: 'passed', reason: '', source: source.kind, elapsedSec: 0 };
  const done = (status: BakeResult['status'], reason: string): BakeResult => {
    result.status = status;
    result.reason = redact(reason);
    result.elapsedSec = (Date.now() - startedAt) / 1000;
    return result;
  };
  try {
    await source.begin();
  } catch (e) {
    return done('failed', `cannot read the metrics: ${errorMessage(e)}`);
  }
  const what =
    source.kind === 'prometheus' ? `Prometheus, ${o.selector || 'all series'}` : redact(o.metricsUrl!);
  print(
    `bake: ${o.bakeTimeSec}s from ${what}, a check every ${o.intervalSec}s; fails above ` +
      `max-error-rate ${pct(o.maxErrorRate)}${o.maxLatencyP95Sec !== undefined ? ` or max-latency-p95 ${secs(o.maxLatencyP95Sec)}` : ''}` +
      `, judges from ${calls(o.minRequests)}`,
  );
  if (o.compare === 'previous' && source.before)
    result.previous = await previousFigures(
      o,
      source.before,
      (c.rolloutStartedAt ?? startedAt) / 1000,
      print,
    );

  let traffic: Traffic | undefined;
  const endAt = startedAt + o.bakeTimeSec * 1000;
  if (o.trafficRate > 0 && !c.mcp)
    print('bake: bake-traffic needs an MCP URL (mcp-url): no synthetic traffic');
  if (o.trafficRate > 0 && c.mcp) {
    try {
      traffic = await startTraffic({ ...c.mcp, rate: o.trafficRate, untilMs: endAt });
    } catch (e) {
      return done('failed', `bake-traffic could not open an MCP session: ${errorMessage(e)}`);
    }
  }
  try {
    return await watch(o, source, { startedAt, endAt, windowSec }, result, done, print);
  } finally {
    if (traffic) result.traffic = await traffic.stop();
  }
}

// ---- report ----

const chartNumber = (n: number) => Number(n.toPrecision(4));

/** The summary: the verdict, a table of the checks, and a chart of the error rate (and p95) over the bake. */
export function bakeSummary(r: BakeResult, o: BakeOptions): Summary {
  const s = new Summary().heading('Bake');
  const mark = r.status === 'passed' ? '✅' : r.status === 'failed' ? '❌' : '⚠️';
  s.text(`${mark} ${r.reason}`);
  if (r.status === 'off') return s;
  s.text(
    `Source: ${r.source === 'prometheus' ? `Prometheus, \`${r.selector || '(all series)'}\`` : `\`${redact(o.metricsUrl ?? '')}\` scraped by the runner`}; ` +
      `thresholds: max-error-rate ${pct(o.maxErrorRate)}, max-latency-p95 ${o.maxLatencyP95Sec === undefined ? 'none' : secs(o.maxLatencyP95Sec)}, min-requests ${o.minRequests}.`,
  );
  const row = (label: string, w: string, f: Figures, verdict: string) => [
    label,
    w,
    String(Math.round(f.requests)),
    String(Math.round(f.errors)),
    pct(f.errorRate),
    secs(f.p95Sec),
    verdict,
  ];
  const verdict = (x: SampleStatus) =>
    x === 'ok' ? '✅ ok' : x === 'breach' ? '❌ breach' : x === 'error' ? '⚠️ no data' : 'not judged';
  s.table(
    ['At', 'Window', 'Tool calls', 'Errors', 'Error rate', 'p95', 'Verdict'],
    [
      ...r.samples.map((x) => row(`${x.atSec}s`, `${x.windowSec}s`, x.figures, verdict(x.status))),
      ...(r.total ? [row('whole bake', `${Math.round(r.elapsedSec)}s`, r.total, '')] : []),
      ...(r.previous ? [row('previous revision', `${o.bakeTimeSec}s before`, r.previous, '')] : []),
    ],
  );
  const judged = r.samples.filter((x) => x.figures.errorRate !== undefined && x.status !== 'not-judged');
  if (judged.length) {
    const xs = judged.map((x) => String(Math.round(x.atSec)));
    const rates = judged.map((x) => chartNumber(x.figures.errorRate! * 100));
    const top = Math.max(...rates, o.maxErrorRate * 100) * 1.2 || 1;
    s.code(
      [
        'xychart-beta',
        `  title "Error rate of tool calls (%), threshold ${chartNumber(o.maxErrorRate * 100)}%"`,
        `  x-axis "seconds into the bake" [${xs.join(', ')}]`,
        `  y-axis "error rate (%)" 0 --> ${chartNumber(top)}`,
        `  line [${rates.join(', ')}]`,
        `  line [${judged.map(() => chartNumber(o.maxErrorRate * 100)).join(', ')}]`,
      ].join('\n'),
      'mermaid',
    );
    const lat = judged.filter((x) => x.figures.p95Sec !== undefined);
    if (lat.length) {
      const ms = lat.map((x) => chartNumber(x.figures.p95Sec! * 1000));
      const limit = o.maxLatencyP95Sec === undefined ? undefined : chartNumber(o.maxLatencyP95Sec * 1000);
      s.code(
        [
          'xychart-beta',
          `  title "p95 latency of tool calls (ms)${limit === undefined ? '' : `, threshold ${limit} ms`}"`,
          `  x-axis "seconds into the bake" [${lat.map((x) => String(Math.round(x.atSec))).join(', ')}]`,
          `  y-axis "p95 (ms)" 0 --> ${chartNumber(Math.max(...ms, limit ?? 0) * 1.2 || 1)}`,
          `  line [${ms.join(', ')}]`,
          ...(limit === undefined ? [] : [`  line [${lat.map(() => limit).join(', ')}]`]),
        ].join('\n'),
        'mermaid',
      );
    }
  } else s.text('No check had tool calls enough to judge, so there is no chart.');
  if (r.traffic)
    s.text(
      `bake-traffic: ${r.traffic.calls} calls (${r.traffic.toolCalls} tool calls, ${r.traffic.toolErrors} tool errors` +
        `${r.traffic.failures ? `, ${r.traffic.failures} failed: ${redact(r.traffic.firstFailure ?? '')}` : ''}).`,
    );
  return s;
}

const rounded = (f: Figures | undefined) =>
  f && {
    requests: Math.round(f.requests * 1000) / 1000,
    errors: Math.round(f.errors * 1000) / 1000,
    errorRate: f.errorRate ?? null,
    p95Seconds: f.p95Sec ?? null,
  };

/** The `bake` output: the same figures as the summary, as JSON. */
export function bakeOutput(r: BakeResult, o: BakeOptions): string {
  return JSON.stringify({
    status: r.status,
    reason: r.reason,
    source: r.source,
    selector: r.selector ?? null,
    bakeSeconds: o.bakeTimeSec,
    elapsedSeconds: Math.round(r.elapsedSec * 10) / 10,
    thresholds: {
      maxErrorRate: o.maxErrorRate,
      maxLatencyP95Seconds: o.maxLatencyP95Sec ?? null,
      minRequests: o.minRequests,
    },
    breach: r.breach ?? null,
    total: rounded(r.total) ?? null,
    previous: rounded(r.previous) ?? null,
    samples: r.samples.map((x) => ({
      atSeconds: x.atSec,
      windowSeconds: x.windowSec,
      status: x.status,
      ...rounded(x.figures),
    })),
    traffic: r.traffic ?? null,
  });
}

export interface BakeStep {
  result: BakeResult;
  summary: Summary;
  /** The `bake` output (JSON). */
  output: string;
  /** Set on a breach or when the metrics could not be read: verify fails and the pipeline rolls back. */
  failure?: string;
}

/** What verify's run calls after its checks pass: the bake, its summary section and its output. */
export async function bakeStep(o: BakeOptions, c: BakeContext = {}): Promise<BakeStep> {
  const result = await runBake(o, c);
  return {
    result,
    summary: bakeSummary(result, o),
    output: bakeOutput(result, o),
    failure: result.status === 'failed' ? result.reason : undefined,
  };
}

/** The figures of the revision before, over as long a time before the rollout as the bake lasts. */
async function previousFigures(
  o: BakeOptions,
  before: NonNullable<Source['before']>,
  endSec: number,
  print: (l: string) => void,
): Promise<Figures | undefined> {
  try {
    const previous = await before(endSec, o.bakeTimeSec);
    print(
      `bake: previous revision, the ${o.bakeTimeSec}s before the rollout: error rate ${pct(previous.errorRate)} of ` +
        `${calls(previous.requests)}, p95 ${secs(previous.p95Sec)}`,
    );
    return previous;
  } catch (e) {
    print(`bake: no figures for the previous revision: ${errorMessage(e)}`);
    return undefined;
  }
}

/**
 * A check every interval until the bake time is over: a breach ends it at once, so do too many unreadable
 * checks in a row; the last check decides between passed and not judged.
 */
async function watch(
  o: BakeOptions,
  source: Source,
  t: { startedAt: number; endAt: number; windowSec: number },
  result: BakeResult,
  done: (status: BakeResult['status'], reason: string) => BakeResult,
  print: (l: string) => void,
): Promise<BakeResult> {
  const { startedAt, endAt, windowSec } = t;
  let readErrors = 0;
  for (let k = 1; ; k++) {
    const at = Math.min(startedAt + k * o.intervalSec * 1000, endAt);
    await sleep(Math.max(0, at - Date.now()));
    const final = at >= endAt;
    const atSec = Math.round((Date.now() - startedAt) / 100) / 10;
    let read: { recent: Figures; total: Figures };
    try {
      read = await source.read(windowSec, (Date.now() - startedAt) / 1000);
      readErrors = 0;
    } catch (e) {
      readErrors++;
      const note = `cannot read the metrics: ${errorMessage(e)}`;
      print(`bake ${atSec}s: ${note}`);
      result.samples.push({
        atSec,
        windowSec,
        figures: { requests: 0, errors: 0 },
        total: { requests: 0, errors: 0 },
        status: 'error',
        note,
      });
      if (final || readErrors >= MAX_READ_ERRORS)
        return done('failed', `${note}${readErrors > 1 ? ` (${readErrors} checks in a row)` : ''}`);
      continue;
    }
    const s = judgeSample(atSec, read.recent, read.total, o, windowSec, final);
    const { breach, ...sample } = s;
    result.samples.push(sample);
    result.total = read.total;
    print(`bake ${atSec}s: ${breach ? 'BREACH: ' : ''}${sample.note}`);
    if (breach) {
      result.breach = breach;
      return done('failed', `bake: ${sample.note}`);
    }
    if (final)
      return sample.status === 'not-judged'
        ? done(
            'not-judged',
            `bake judged nothing: ${calls(read.total.requests)} in ${o.bakeTimeSec}s, fewer than min-requests ${o.minRequests}`,
          )
        : done('passed', `bake passed: ${sample.note}`);
  }
}
