import { InputReader } from '../src/inputs';
import { bucketQuantile, judgeSample, type BakeOptions } from '../src/stages/verify/bake';
import { parseLatency, readBakeInputs } from '../src/stages/verify/bake-inputs';
import {
  defaultSelector,
  errorRateQuery,
  latencyQuantileQuery,
  parseExposition,
} from '../src/tools/prometheus';

/** The bake's pure parts: its inputs, the exposition parser, PromQL and the judging of one check. */
const read = (v: Record<string, string>, target = { namespace: 'prod', deployments: ['hello-mcp'] }) =>
  readBakeInputs(new InputReader((n) => v[n] ?? ''), target);
const PROM = { 'bake-time': '5m', 'prometheus-url': 'http://prometheus.monitoring:9090' };

describe('readBakeInputs', () => {
  test('defaults: off, 5% errors, 20 calls, no latency limit, the selector from namespace and deployment', () => {
    expect(read({})).toMatchObject({
      bakeTimeSec: 0,
      maxErrorRate: 0.05,
      maxLatencyP95Sec: undefined,
      minRequests: 20,
      trafficRate: 0,
      compare: 'none',
      intervalSec: 15,
      selector: 'namespace="prod",pod=~"hello-mcp-[a-z0-9]+-[a-z0-9]+"',
    });
  });

  test('reads every input', () => {
    const o = read({
      ...PROM,
      'prometheus-token': 'tok-123456',
      'prometheus-headers': 'X-Scope-OrgID: team-a\n# a comment',
      'max-error-rate': '2%',
      'max-latency-p95': '250ms',
      'min-requests': '100',
      'metrics-selector': '{job="mcp", namespace=~"prod|staging"}',
      'bake-traffic': '2.5',
      'bake-compare': 'previous',
    });
    expect(o).toMatchObject({
      bakeTimeSec: 300,
      prometheusToken: 'tok-123456',
      prometheusHeaders: { 'X-Scope-OrgID': 'team-a' },
      maxErrorRate: 0.02,
      maxLatencyP95Sec: 0.25,
      minRequests: 100,
      selector: 'job="mcp", namespace=~"prod|staging"',
      trafficRate: 2.5,
      compare: 'previous',
    });
  });

  test.each([
    [{ 'bake-time': '5 minutes' }, /^input 'bake-time': '5 minutes' is not a duration/],
    [{ 'bake-time': '5m' }, /^input 'bake-time': needs prometheus-url or metrics-url/],
    [
      { ...PROM, 'metrics-url': 'http://10.0.0.1:8080/metrics' },
      /^input 'metrics-url': is set together with/,
    ],
    [
      { 'prometheus-url': 'prometheus:9090' },
      /^input 'prometheus-url': 'prometheus:9090' is not an http\(s\) URL/,
    ],
    [
      { 'max-error-rate': '1.5' },
      /^input 'max-error-rate': '1.5' is not a share from 0 to 1 \(fix: write it like 0.05 or 5%\)/,
    ],
    [{ 'max-latency-p95': 'fast' }, /^input 'max-latency-p95': 'fast' is not a latency/],
    [{ 'max-latency-p95': '0s' }, /^input 'max-latency-p95': '0s' is not a latency above 0/],
    [{ 'min-requests': '0' }, /^input 'min-requests': '0' is not a whole number from 1/],
    [{ 'bake-traffic': '1000' }, /^input 'bake-traffic': '1000' is not a rate from 0 to 100/],
    [
      { 'bake-compare': 'last' },
      /^input 'bake-compare': 'last' is not allowed \(fix: use one of: none, previous\)/,
    ],
    [
      { 'metrics-selector': 'namespace=prod' },
      /^input 'metrics-selector': 'namespace=prod' is not a list of label matchers/,
    ],
    [{ 'prometheus-headers': 'no colon here' }, /^input 'prometheus-headers': a line is not 'Name: value'/],
    [
      { 'prometheus-token': 'abcdef', 'prometheus-headers': 'Authorization: Basic eA==' },
      /^input 'prometheus-token': is set and prometheus-headers has an Authorization header too/,
    ],
    [
      { 'bake-time': '1m', 'metrics-url': 'http://10.0.0.1:8080/metrics', 'bake-compare': 'previous' },
      /^input 'bake-compare': 'previous' needs prometheus-url/,
    ],
  ])('%j is refused in one line naming the input', (v, message) => {
    expect(() => read(v as Record<string, string>)).toThrow(message);
  });

  test('without a namespace or deployment a Prometheus bake needs a selector', () => {
    expect(() => read(PROM, { namespace: '', deployments: [] })).toThrow(
      /^input 'metrics-selector': is empty and there is no namespace or deployment/,
    );
  });
});

describe('PromQL and selectors', () => {
  test('error rate and p95 over the window, with the selector', () => {
    expect(errorRateQuery('namespace="a"', 30)).toBe(
      'sum(increase(mcp_tool_errors_total{namespace="a"}[30s])) / sum(increase(mcp_tool_requests_total{namespace="a"}[30s]))',
    );
    expect(latencyQuantileQuery('namespace="a"', 12.2)).toBe(
      'histogram_quantile(0.95, sum by (le) (rate(mcp_tool_duration_seconds_bucket{namespace="a"}[13s])))',
    );
  });

  test('several deployments, and a dot escaped for the regex inside a PromQL string', () => {
    expect(defaultSelector('ns', ['a', 'b.c'])).toBe('namespace="ns",pod=~"(a|b\\\\.c)-[a-z0-9]+-[a-z0-9]+"');
    expect(defaultSelector('', [])).toBe('');
  });
});

describe('parseExposition', () => {
  test('names, escaped labels, special values and timestamps', () => {
    const text = [
      '# HELP x_total Things.',
      '# TYPE x_total counter',
      'x_total{tool="a\\"b\\\\c\\nd",le="+Inf"} 3 1700000000000',
      'up 1',
      'h_bucket{le="0.5"} NaN',
      'g -Inf',
      '',
    ].join('\n');
    expect(parseExposition(text)).toEqual([
      { name: 'x_total', labels: { tool: 'a"b\\c\nd', le: '+Inf' }, value: 3 },
      { name: 'up', labels: {}, value: 1 },
      { name: 'h_bucket', labels: { le: '0.5' }, value: NaN },
      { name: 'g', labels: {}, value: -Infinity },
    ]);
  });

  test('a malformed line is an error naming the line', () => {
    expect(() => parseExposition('up 1\nbroken{a="b" 2')).toThrow(/^metrics line 2: /);
    expect(() => parseExposition('up one')).toThrow(/^metrics line 1: the value is not a number/);
  });
});

describe('bucketQuantile (histogram_quantile)', () => {
  const b = (pairs: [number, number][]) => new Map(pairs);
  test('interpolates inside the bucket that holds the rank', () => {
    // 100 calls: 50 up to 0.1 s, 90 up to 0.5 s, all up to 1 s. Rank 95 lies halfway into (0.5, 1].
    expect(
      bucketQuantile(
        0.95,
        b([
          [0.1, 50],
          [0.5, 90],
          [1, 100],
          [Infinity, 100],
        ]),
      ),
    ).toBeCloseTo(0.75);
    expect(
      bucketQuantile(
        0.5,
        b([
          [0.1, 50],
          [0.5, 90],
          [1, 100],
          [Infinity, 100],
        ]),
      ),
    ).toBeCloseTo(0.1);
  });
  test('a rank in +Inf gives the highest finite bound; no calls give nothing', () => {
    expect(
      bucketQuantile(
        0.95,
        b([
          [0.1, 1],
          [Infinity, 10],
        ]),
      ),
    ).toBe(0.1);
    expect(
      bucketQuantile(
        0.95,
        b([
          [0.1, 0],
          [Infinity, 0],
        ]),
      ),
    ).toBeUndefined();
  });
});

describe('judgeSample', () => {
  const o = { maxErrorRate: 0.05, maxLatencyP95Sec: 1, minRequests: 20 } as BakeOptions;
  const f = (requests: number, errors: number, p95Sec?: number) => ({
    requests,
    errors,
    errorRate: requests ? errors / requests : undefined,
    p95Sec,
  });
  test('below min-requests nothing is judged, however bad', () => {
    expect(judgeSample(5, f(10, 10), f(10, 10), o, 2, false)).toMatchObject({
      status: 'not-judged',
      note: '10 tool calls so far, fewer than min-requests 20: not judged',
    });
  });
  test('the trailing window when it holds min-requests calls, else the whole bake', () => {
    const recent = judgeSample(30, f(40, 4), f(400, 4), o, 10, false);
    expect(recent).toMatchObject({ status: 'breach', windowSec: 10 });
    expect(recent.note).toBe(
      'error rate 10.0% over the last 10s (4 of 40 tool calls failed) is above max-error-rate 5.0%',
    );
    expect(judgeSample(30, f(5, 4), f(400, 4), o, 10, false)).toMatchObject({ status: 'ok', windowSec: 30 });
  });
  test('p95 above max-latency-p95 is a breach naming both', () => {
    expect(judgeSample(30, f(40, 0, 1.5), f(400, 0, 1.5), o, 10, false).note).toBe(
      'p95 latency 1.50 s over the last 10s is above max-latency-p95 1.00 s',
    );
  });
  test('latency parsing', () => {
    expect([parseLatency('1s'), parseLatency('250ms'), parseLatency('0.5'), parseLatency('1m')]).toEqual([
      1,
      0.25,
      0.5,
      undefined,
    ]);
  });
});
