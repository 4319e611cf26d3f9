"use strict";
exports.id = 637;
exports.ids = [637];
exports.modules = {

/***/ 90356:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BAKE_INTERVAL_SEC = void 0;
exports.parseLatency = parseLatency;
exports.readBakeInputs = readBakeInputs;
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
const prometheus_1 = __webpack_require__(57443);
const bake_1 = __webpack_require__(14172);
/** The bake's inputs, read and checked with verify's (verify/inputs.ts calls readBakeInputs). */
/** Seconds between checks in a pipeline: a scrape interval or two of the usual Prometheus setups. */
exports.BAKE_INTERVAL_SEC = 15;
/** One PromQL label matcher: name, operator, double-quoted value. */
const MATCHER = /^\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(=~|!~|!=|=)\s*"(?:[^"\\]|\\.)*"\s*$/;
function httpUrl(r, name) {
    const v = r.string(name);
    if (!v)
        return undefined;
    let u;
    try {
        u = new URL(v);
    }
    catch {
        /* reported below */
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:'))
        throw new errors_1.ActionError(`'${(0, log_1.redact)(v)}' is not an http(s) URL`, name, `write e.g. https://prometheus.example.com`);
    return v;
}
/** `0.05`, `5%`. */
function share(r, name) {
    const v = r.string(name);
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(v);
    const n = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
    if (!(n >= 0 && n <= 1))
        throw new errors_1.ActionError(`'${v}' is not a share from 0 to 1`, name, 'write it like 0.05 or 5%');
    return n;
}
/** `1s`, `250ms`, `1.5s`, `0.5` (seconds). */
function parseLatency(v) {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/.exec(v.trim());
    if (!m)
        return undefined;
    return Number(m[1]) / (m[2] === 'ms' ? 1000 : 1);
}
/**
 * Reads the bake's inputs. `target` gives the default selector: the deploy stage's namespace and
 * Deployment names. Every error is one line naming the input.
 */
function readBakeInputs(r, target = {}) {
    const bakeTimeSec = r.duration('bake-time');
    const prometheusUrl = httpUrl(r, 'prometheus-url');
    const metricsUrl = httpUrl(r, 'metrics-url');
    const prometheusToken = r.secret('prometheus-token') || undefined;
    const prometheusHeaders = r.headers('prometheus-headers', 'X-Scope-OrgID: team-a');
    if (prometheusToken && Object.keys(prometheusHeaders).some((h) => h.toLowerCase() === 'authorization'))
        throw new errors_1.ActionError('is set and prometheus-headers has an Authorization header too', 'prometheus-token', 'use one of the two');
    const maxErrorRate = share(r, 'max-error-rate');
    const latency = r.string('max-latency-p95');
    const maxLatencyP95Sec = latency ? parseLatency(latency) : undefined;
    if (latency && !maxLatencyP95Sec)
        throw new errors_1.ActionError(`'${latency}' is not a latency above 0`, 'max-latency-p95', 'write it like 1s or 250ms, or leave it empty for none');
    const minRequests = r.int('min-requests');
    const trafficRaw = r.string('bake-traffic');
    const trafficRate = Number(trafficRaw);
    if (!/^\d+(\.\d+)?$/.test(trafficRaw) || trafficRate > 100)
        throw new errors_1.ActionError(`'${trafficRaw}' is not a rate from 0 to 100`, 'bake-traffic', 'give calls a second, e.g. 5 (0 for none)');
    const compare = r.oneOf('bake-compare', bake_1.BAKE_COMPARE);
    const selectorRaw = r.string('metrics-selector').replace(/^\{|\}$/g, '');
    const selector = selectorRaw || (0, prometheus_1.defaultSelector)(target.namespace ?? '', target.deployments ?? []);
    if (selectorRaw) {
        // Commas inside quoted values are fine; split on the commas between matchers only.
        const matchers = selectorRaw.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? [];
        if (!matchers.length || matchers.some((m) => !MATCHER.test(m)))
            throw new errors_1.ActionError(`'${selectorRaw}' is not a list of label matchers`, 'metrics-selector', `write e.g. namespace="prod",pod=~"hello-mcp-.*"`);
    }
    if (bakeTimeSec > 0) {
        if (!prometheusUrl && !metricsUrl)
            throw new errors_1.ActionError('needs prometheus-url or metrics-url', 'bake-time', "set prometheus-url to your Prometheus, or metrics-url to the server's /metrics");
        if (prometheusUrl && metricsUrl)
            throw new errors_1.ActionError('is set together with prometheus-url', 'metrics-url', 'use one of the two');
        if (prometheusUrl && !selector)
            throw new errors_1.ActionError('is empty and there is no namespace or deployment to derive it from', 'metrics-selector', `write e.g. namespace="prod",pod=~"hello-mcp-.*"`);
        if (compare === 'previous' && !prometheusUrl)
            throw new errors_1.ActionError("'previous' needs prometheus-url (a scraped /metrics has no history)", 'bake-compare', 'set prometheus-url or use none');
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
        intervalSec: exports.BAKE_INTERVAL_SEC,
    };
}


/***/ }),

/***/ 59416:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.startTraffic = startTraffic;
const index_js_1 = __webpack_require__(49874);
const streamableHttp_js_1 = __webpack_require__(41772);
const promises_1 = __webpack_require__(58500);
const CLIENT_INFO = { name: 'mcp-deploy-bake', version: '1.0.0' };
async function startTraffic(o) {
    const stats = { calls: 0, toolCalls: 0, toolErrors: 0, failures: 0 };
    const timeout = o.timeoutMs ?? 10000;
    const transport = new streamableHttp_js_1.StreamableHTTPClientTransport(new URL(o.url), {
        requestInit: { headers: o.headers },
        reconnectionOptions: {
            maxReconnectionDelay: 0,
            initialReconnectionDelay: 0,
            reconnectionDelayGrowFactor: 1,
            maxRetries: 0,
        },
    });
    const client = new index_js_1.Client(CLIENT_INFO, { capabilities: {} });
    await client.connect(transport, { timeout });
    const steps = [
        async () => {
            await client.listTools(undefined, { timeout });
        },
        ...o.smoke.map((s) => async () => {
            stats.toolCalls++;
            const r = await client.callTool({ name: s.tool, arguments: s.args }, undefined, { timeout });
            if (r.isError)
                stats.toolErrors++;
        }),
    ];
    let stopped = false;
    // Ends the pause between calls when the bake stops.
    const wake = new AbortController();
    const loop = (async () => {
        const periodMs = 1000 / o.rate;
        const t0 = Date.now();
        for (let i = 0; !stopped && Date.now() < o.untilMs; i++) {
            stats.calls++;
            try {
                await steps[i % steps.length]();
            }
            catch (e) {
                stats.failures++;
                stats.firstFailure ??= e.message;
            }
            // Paced against the start, not the last call: the rate holds whatever each call took.
            const wait = Math.min(t0 + (i + 1) * periodMs, o.untilMs) - Date.now();
            if (wait > 0 && !stopped)
                await (0, promises_1.setTimeout)(wait, undefined, { signal: wake.signal }).catch(() => undefined);
        }
    })();
    return {
        stats,
        async stop() {
            stopped = true;
            wake.abort();
            await loop;
            if (transport.sessionId)
                await transport.terminateSession().catch(() => undefined);
            await client.close().catch(() => undefined);
            return stats;
        },
    };
}


/***/ }),

/***/ 14172:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.secs = exports.pct = exports.BAKE_COMPARE = void 0;
exports.bucketQuantile = bucketQuantile;
exports.judgeFigures = judgeFigures;
exports.describeBreach = describeBreach;
exports.judgeSample = judgeSample;
exports.runBake = runBake;
exports.bakeSummary = bakeSummary;
exports.bakeOutput = bakeOutput;
exports.bakeStep = bakeStep;
const promises_1 = __webpack_require__(58500);
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const log_1 = __webpack_require__(46472);
const summary_1 = __webpack_require__(57994);
const prometheus_1 = __webpack_require__(57443);
const bake_traffic_1 = __webpack_require__(59416);
/**
 * The bake: after verify's checks pass, watch the server's own tool metrics for a while and fail (so the
 * pipeline rolls the deploy back) when too many tool calls fail or they get too slow. The figures come
 * from Prometheus (PromQL over the pods the selector names) or, without one, from the server's /metrics
 * scraped by the runner itself.
 */
exports.BAKE_COMPARE = inputs_1.INPUTS['bake-compare'].allowed;
const ratio = (errors, requests) => (requests > 0 ? errors / requests : undefined);
function prometheusSource(o) {
    const p = {
        url: o.prometheusUrl,
        token: o.prometheusToken,
        headers: o.prometheusHeaders,
        timeoutMs: o.requestTimeoutMs,
    };
    const figures = async (windowSec, time) => {
        const [req, err, p95] = await Promise.all([
            (0, prometheus_1.instantQuery)(p, (0, prometheus_1.requestsQuery)(o.selector, windowSec), time),
            (0, prometheus_1.instantQuery)(p, (0, prometheus_1.errorsQuery)(o.selector, windowSec), time),
            (0, prometheus_1.instantQuery)(p, (0, prometheus_1.latencyQuantileQuery)(o.selector, windowSec), time),
        ]);
        const requests = (0, prometheus_1.single)(req) ?? 0;
        const errors = (0, prometheus_1.single)(err) ?? 0;
        return { requests, errors, errorRate: ratio(errors, requests), p95Sec: (0, prometheus_1.single)(p95) };
    };
    return {
        kind: 'prometheus',
        // A wrong URL or token should fail the bake at once, not after the first interval.
        begin: async () => void (await (0, prometheus_1.instantQuery)(p, 'vector(1)')),
        async read(windowSec, sinceStartSec) {
            const now = Date.now() / 1000;
            const [recent, total] = await Promise.all([figures(windowSec, now), figures(sinceStartSec, now)]);
            return { recent, total };
        },
        before: (endSec, windowSec) => figures(windowSec, endSec),
    };
}
/** Counter increase between two scrapes, series by series; a value that went down means a restart. */
function increase(prev, next) {
    const out = new Map();
    for (const [k, v] of next) {
        const before = prev.get(k) ?? 0;
        out.set(k, v >= before ? v - before : v);
    }
    return out;
}
const seriesKey = (s) => `${s.name}{${Object.entries(s.labels)
    .sort()
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',')}}`;
/** Prometheus' histogram_quantile over cumulative buckets (upper bound -> count). */
function bucketQuantile(q, buckets) {
    const sorted = [...buckets.entries()].sort((a, b) => a[0] - b[0]);
    const total = sorted.at(-1)?.[1] ?? 0;
    if (!sorted.length || total <= 0 || sorted.at(-1)[0] !== Infinity)
        return undefined;
    const rank = q * total;
    let i = sorted.findIndex(([, c]) => c >= rank);
    if (i < 0)
        i = sorted.length - 1;
    if (sorted[i][0] === Infinity)
        return sorted.length > 1 ? sorted[sorted.length - 2][0] : undefined;
    const [upper, count] = sorted[i];
    const [lower, lowerCount] = i > 0 ? sorted[i - 1] : [0, 0];
    if (count === lowerCount)
        return upper;
    return lower + (upper - lower) * ((rank - lowerCount) / (count - lowerCount));
}
function sumSteps(steps) {
    const buckets = new Map();
    let requests = 0;
    let errors = 0;
    for (const s of steps) {
        requests += s.requests;
        errors += s.errors;
        for (const [le, c] of s.buckets)
            buckets.set(le, (buckets.get(le) ?? 0) + c);
    }
    return { requests, errors, errorRate: ratio(errors, requests), p95Sec: bucketQuantile(0.95, buckets) };
}
/**
 * The server's /metrics, scraped at the start, at every check and at the end. All tools of the one
 * server count together; the selector does not apply (the labels it names are Prometheus' own).
 */
function scrapeSource(o) {
    const url = o.metricsUrl;
    let last;
    const steps = [];
    const snapshot = async () => {
        const wanted = new Set([prometheus_1.METRICS.requests, prometheus_1.METRICS.errors, `${prometheus_1.METRICS.duration}_bucket`]);
        const samples = (await (0, prometheus_1.scrape)(url, { headers: o.metricsHeaders, timeoutMs: o.requestTimeoutMs })).filter((s) => wanted.has(s.name));
        if (!samples.some((s) => s.name === prometheus_1.METRICS.requests))
            throw new Error(`${url} exports no ${prometheus_1.METRICS.requests}: is it the MCP server's /metrics?`);
        return new Map(samples.map((s) => [seriesKey(s), s.value]));
    };
    return {
        kind: 'metrics-url',
        async begin() {
            last = await snapshot();
        },
        async read(windowSec) {
            const next = await snapshot();
            const inc = increase(last, next);
            last = next;
            const step = { atMs: Date.now(), requests: 0, errors: 0, buckets: new Map() };
            for (const [k, v] of inc) {
                if (k.startsWith(`${prometheus_1.METRICS.requests}{`))
                    step.requests += v;
                else if (k.startsWith(`${prometheus_1.METRICS.errors}{`))
                    step.errors += v;
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
const pct = (r) => r === undefined ? '-' : `${(r * 100).toFixed(r < 0.001 && r > 0 ? 3 : 1)}%`;
exports.pct = pct;
const secs = (s) => s === undefined ? '-' : s < 1 ? `${(s * 1000).toFixed(s < 0.01 ? 2 : 0)} ms` : `${s.toFixed(2)} s`;
exports.secs = secs;
const calls = (n) => `${Math.round(n)} tool call${Math.round(n) === 1 ? '' : 's'}`;
const windowName = (w, whole) => (whole ? `the bake so far (${w}s)` : `the last ${w}s`);
/** Pure: the breach of one set of figures, if any. */
function judgeFigures(f, o, windowSec) {
    if (f.errorRate !== undefined && f.errorRate > o.maxErrorRate)
        return { figure: 'error-rate', value: f.errorRate, threshold: o.maxErrorRate, windowSec };
    if (o.maxLatencyP95Sec !== undefined && f.p95Sec !== undefined && f.p95Sec > o.maxLatencyP95Sec)
        return { figure: 'latency-p95', value: f.p95Sec, threshold: o.maxLatencyP95Sec, windowSec };
    return undefined;
}
function describeBreach(b, f, whole) {
    const over = `over ${windowName(b.windowSec, whole)} (${Math.round(f.errors)} of ${calls(f.requests)} failed)`;
    return b.figure === 'error-rate'
        ? `error rate ${(0, exports.pct)(b.value)} ${over} is above max-error-rate ${(0, exports.pct)(b.threshold)}`
        : `p95 latency ${(0, exports.secs)(b.value)} over ${windowName(b.windowSec, whole)} is above max-latency-p95 ${(0, exports.secs)(b.threshold)}`;
}
/**
 * Pure: one check. It judges the trailing window when that holds at least min-requests calls, else the
 * whole bake so far (so a quiet minute cannot fail on one unlucky call), and nothing below min-requests.
 */
function judgeSample(atSec, recent, total, o, windowSec, final) {
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
    const shown = `error rate ${(0, exports.pct)(f.errorRate)} of ${calls(f.requests)}, p95 ${(0, exports.secs)(f.p95Sec)} over ${windowName(w, !useRecent)}`;
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
async function runBake(o, c = {}) {
    const print = c.print ?? ((l) => log_1.log.info(l));
    const startedAt = Date.now();
    const base = { startedAt, samples: [], selector: o.prometheusUrl ? o.selector : undefined };
    if (o.bakeTimeSec <= 0)
        return { ...base, status: 'off', reason: 'bake-time is 0: no bake', source: 'none', elapsedSec: 0 };
    const source = o.prometheusUrl ? prometheusSource(o) : scrapeSource(o);
    const windowSec = o.windowSec ?? 2 * o.intervalSec;
    const result = { ...base, status: 'passed', reason: '', source: source.kind, elapsedSec: 0 };
    const done = (status, reason) => {
        result.status = status;
        result.reason = (0, log_1.redact)(reason);
        result.elapsedSec = (Date.now() - startedAt) / 1000;
        return result;
    };
    try {
        await source.begin();
    }
    catch (e) {
        return done('failed', `cannot read the metrics: ${(0, errors_1.errorMessage)(e)}`);
    }
    const what = source.kind === 'prometheus' ? `Prometheus, ${o.selector || 'all series'}` : (0, log_1.redact)(o.metricsUrl);
    print(`bake: ${o.bakeTimeSec}s from ${what}, a check every ${o.intervalSec}s; fails above ` +
        `max-error-rate ${(0, exports.pct)(o.maxErrorRate)}${o.maxLatencyP95Sec !== undefined ? ` or max-latency-p95 ${(0, exports.secs)(o.maxLatencyP95Sec)}` : ''}` +
        `, judges from ${calls(o.minRequests)}`);
    if (o.compare === 'previous' && source.before)
        result.previous = await previousFigures(o, source.before, (c.rolloutStartedAt ?? startedAt) / 1000, print);
    let traffic;
    const endAt = startedAt + o.bakeTimeSec * 1000;
    if (o.trafficRate > 0 && !c.mcp)
        print('bake: bake-traffic needs an MCP URL (mcp-url): no synthetic traffic');
    if (o.trafficRate > 0 && c.mcp) {
        try {
            traffic = await (0, bake_traffic_1.startTraffic)({ ...c.mcp, rate: o.trafficRate, untilMs: endAt });
        }
        catch (e) {
            return done('failed', `bake-traffic could not open an MCP session: ${(0, errors_1.errorMessage)(e)}`);
        }
    }
    try {
        return await watch(o, source, { startedAt, endAt, windowSec }, result, done, print);
    }
    finally {
        if (traffic)
            result.traffic = await traffic.stop();
    }
}
// ---- report ----
const chartNumber = (n) => Number(n.toPrecision(4));
/** The summary: the verdict, a table of the checks, and a chart of the error rate (and p95) over the bake. */
function bakeSummary(r, o) {
    const s = new summary_1.Summary().heading('Bake');
    const mark = r.status === 'passed' ? '✅' : r.status === 'failed' ? '❌' : '⚠️';
    s.text(`${mark} ${r.reason}`);
    if (r.status === 'off')
        return s;
    s.text(`Source: ${r.source === 'prometheus' ? `Prometheus, \`${r.selector || '(all series)'}\`` : `\`${(0, log_1.redact)(o.metricsUrl ?? '')}\` scraped by the runner`}; ` +
        `thresholds: max-error-rate ${(0, exports.pct)(o.maxErrorRate)}, max-latency-p95 ${o.maxLatencyP95Sec === undefined ? 'none' : (0, exports.secs)(o.maxLatencyP95Sec)}, min-requests ${o.minRequests}.`);
    const row = (label, w, f, verdict) => [
        label,
        w,
        String(Math.round(f.requests)),
        String(Math.round(f.errors)),
        (0, exports.pct)(f.errorRate),
        (0, exports.secs)(f.p95Sec),
        verdict,
    ];
    const verdict = (x) => x === 'ok' ? '✅ ok' : x === 'breach' ? '❌ breach' : x === 'error' ? '⚠️ no data' : 'not judged';
    s.table(['At', 'Window', 'Tool calls', 'Errors', 'Error rate', 'p95', 'Verdict'], [
        ...r.samples.map((x) => row(`${x.atSec}s`, `${x.windowSec}s`, x.figures, verdict(x.status))),
        ...(r.total ? [row('whole bake', `${Math.round(r.elapsedSec)}s`, r.total, '')] : []),
        ...(r.previous ? [row('previous revision', `${o.bakeTimeSec}s before`, r.previous, '')] : []),
    ]);
    const judged = r.samples.filter((x) => x.figures.errorRate !== undefined && x.status !== 'not-judged');
    if (judged.length) {
        const xs = judged.map((x) => String(Math.round(x.atSec)));
        const rates = judged.map((x) => chartNumber(x.figures.errorRate * 100));
        const top = Math.max(...rates, o.maxErrorRate * 100) * 1.2 || 1;
        s.code([
            'xychart-beta',
            `  title "Error rate of tool calls (%), threshold ${chartNumber(o.maxErrorRate * 100)}%"`,
            `  x-axis "seconds into the bake" [${xs.join(', ')}]`,
            `  y-axis "error rate (%)" 0 --> ${chartNumber(top)}`,
            `  line [${rates.join(', ')}]`,
            `  line [${judged.map(() => chartNumber(o.maxErrorRate * 100)).join(', ')}]`,
        ].join('\n'), 'mermaid');
        const lat = judged.filter((x) => x.figures.p95Sec !== undefined);
        if (lat.length) {
            const ms = lat.map((x) => chartNumber(x.figures.p95Sec * 1000));
            const limit = o.maxLatencyP95Sec === undefined ? undefined : chartNumber(o.maxLatencyP95Sec * 1000);
            s.code([
                'xychart-beta',
                `  title "p95 latency of tool calls (ms)${limit === undefined ? '' : `, threshold ${limit} ms`}"`,
                `  x-axis "seconds into the bake" [${lat.map((x) => String(Math.round(x.atSec))).join(', ')}]`,
                `  y-axis "p95 (ms)" 0 --> ${chartNumber(Math.max(...ms, limit ?? 0) * 1.2 || 1)}`,
                `  line [${ms.join(', ')}]`,
                ...(limit === undefined ? [] : [`  line [${lat.map(() => limit).join(', ')}]`]),
            ].join('\n'), 'mermaid');
        }
    }
    else
        s.text('No check had tool calls enough to judge, so there is no chart.');
    if (r.traffic)
        s.text(`bake-traffic: ${r.traffic.calls} calls (${r.traffic.toolCalls} tool calls, ${r.traffic.toolErrors} tool errors` +
            `${r.traffic.failures ? `, ${r.traffic.failures} failed: ${(0, log_1.redact)(r.traffic.firstFailure ?? '')}` : ''}).`);
    return s;
}
const rounded = (f) => f && {
    requests: Math.round(f.requests * 1000) / 1000,
    errors: Math.round(f.errors * 1000) / 1000,
    errorRate: f.errorRate ?? null,
    p95Seconds: f.p95Sec ?? null,
};
/** The `bake` output: the same figures as the summary, as JSON. */
function bakeOutput(r, o) {
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
/** What verify's run calls after its checks pass: the bake, its summary section and its output. */
async function bakeStep(o, c = {}) {
    const result = await runBake(o, c);
    return {
        result,
        summary: bakeSummary(result, o),
        output: bakeOutput(result, o),
        failure: result.status === 'failed' ? result.reason : undefined,
    };
}
/** The figures of the revision before, over as long a time before the rollout as the bake lasts. */
async function previousFigures(o, before, endSec, print) {
    try {
        const previous = await before(endSec, o.bakeTimeSec);
        print(`bake: previous revision, the ${o.bakeTimeSec}s before the rollout: error rate ${(0, exports.pct)(previous.errorRate)} of ` +
            `${calls(previous.requests)}, p95 ${(0, exports.secs)(previous.p95Sec)}`);
        return previous;
    }
    catch (e) {
        print(`bake: no figures for the previous revision: ${(0, errors_1.errorMessage)(e)}`);
        return undefined;
    }
}
/**
 * A check every interval until the bake time is over: a breach ends it at once, so do too many unreadable
 * checks in a row; the last check decides between passed and not judged.
 */
async function watch(o, source, t, result, done, print) {
    const { startedAt, endAt, windowSec } = t;
    let readErrors = 0;
    for (let k = 1;; k++) {
        const at = Math.min(startedAt + k * o.intervalSec * 1000, endAt);
        await (0, promises_1.setTimeout)(Math.max(0, at - Date.now()));
        const final = at >= endAt;
        const atSec = Math.round((Date.now() - startedAt) / 100) / 10;
        let read;
        try {
            read = await source.read(windowSec, (Date.now() - startedAt) / 1000);
            readErrors = 0;
        }
        catch (e) {
            readErrors++;
            const note = `cannot read the metrics: ${(0, errors_1.errorMessage)(e)}`;
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
                ? done('not-judged', `bake judged nothing: ${calls(read.total.requests)} in ${o.bakeTimeSec}s, fewer than min-requests ${o.minRequests}`)
                : done('passed', `bake passed: ${sample.note}`);
    }
}


/***/ }),

/***/ 54094:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConnectFailure = void 0;
exports.redactUrl = redactUrl;
exports.withoutUserInfo = withoutUserInfo;
exports.describeTarget = describeTarget;
exports.describeError = describeError;
exports.httpStatusFailure = httpStatusFailure;
exports.startupRetry = startupRetry;
exports.invalidTools = invalidTools;
exports.verifyServer = verifyServer;
const node_perf_hooks_1 = __webpack_require__(643);
const index_js_1 = __webpack_require__(49874);
const stdio_js_1 = __webpack_require__(55387);
const streamableHttp_js_1 = __webpack_require__(41772);
const exponential_backoff_1 = __webpack_require__(71675);
const types_js_1 = __webpack_require__(84293);
const errors_1 = __webpack_require__(83916);
const log_1 = __webpack_require__(46472);
const CLIENT_INFO = { name: 'mcp-deploy-verify', version: '1.0.0' };
// Query parameters that carry a credential in URLs people paste (api_key=, token=, key=, sig= ...).
const CREDENTIAL_PARAM = /^(?:api[-_]?key|apikey|key|token|access[-_]?token|auth|authorization|secret|client[-_]?secret|password|passwd|pass|pwd|sig|signature|code|session|x-api-key)$/i;
/**
 * The URL as it may be shown: `user:pass@` and credential query values become `***`. Their values are
 * registered as secrets too, so an SDK or fetch message that repeats the URL is masked in every log line.
 */
function redactUrl(raw) {
    let u;
    try {
        u = new URL(raw);
    }
    catch {
        return raw;
    }
    if (u.password) {
        (0, log_1.registerSecret)(decodeURIComponent(u.password));
        (0, log_1.registerSecret)(u.password);
        u.password = '***';
    }
    else if (u.username) {
        // A lone user part (https://TOKEN@host) is how many services take a token.
        (0, log_1.registerSecret)(decodeURIComponent(u.username));
        (0, log_1.registerSecret)(u.username);
        u.username = '***';
    }
    for (const [k, v] of [...u.searchParams]) {
        if (!CREDENTIAL_PARAM.test(k) || !v)
            continue;
        (0, log_1.registerSecret)(v);
        (0, log_1.registerSecret)(encodeURIComponent(v));
        u.searchParams.set(k, '***');
    }
    return u.toString().replace(/%2A%2A%2A/g, '***');
}
/**
 * fetch refuses a URL with `user:pass@`; what such a URL means is HTTP Basic auth, so the credentials
 * move into an Authorization header (unless one is given) and the request goes to the bare URL.
 */
function withoutUserInfo(raw, headers = {}) {
    const u = new URL(raw);
    if (!u.username && !u.password)
        return { url: raw, headers };
    const basic = Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64');
    (0, log_1.registerSecret)(basic);
    u.username = '';
    u.password = '';
    const given = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
    return { url: u.toString(), headers: given ? headers : { ...headers, Authorization: `Basic ${basic}` } };
}
function describeTarget(t) {
    return t.kind === 'http' ? redactUrl(t.url) : t.argv.join(' ');
}
/** fetch hides the reason (ECONNREFUSED, ENOTFOUND) in `cause`. */
function describeError(e) {
    const cause = e?.cause;
    const why = cause?.code ?? cause?.message;
    return why ? `${(0, errors_1.errorMessage)(e)} (${why})` : (0, errors_1.errorMessage)(e);
}
/** A failure in words a user acts on, and whether waiting can cure it (a server still starting). */
class ConnectFailure extends Error {
    heals;
    constructor(message, heals) {
        super(message);
        this.heals = heals;
        this.name = 'ConnectFailure';
    }
}
exports.ConnectFailure = ConnectFailure;
const errno = (e) => {
    const c = e?.cause?.code;
    return typeof c === 'string' ? c : e?.code;
};
const TLS_UNTRUSTED = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS/;
// A server that is still starting refuses or drops connections, or is not behind its proxy yet.
const HEALING_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
const HEALING_STATUS = new Set([502, 503, 504]);
/** What an HTTP status means here: 502/503/504 heal (a proxy before a starting server), others do not. */
function httpStatusFailure(status, statusText, url) {
    const head = `HTTP ${status}${statusText ? ` ${statusText}` : ''} from ${url}`;
    if (HEALING_STATUS.has(status))
        return new ConnectFailure(`${head} (the server or its proxy is not ready)`, true);
    if (status === 401)
        return new ConnectFailure(`${head} (fix: set the mcp-token input, MCP_MCP_TOKEN for the CLI, to a token this server accepts)`, false);
    if (status === 403)
        return new ConnectFailure(`${head} (fix: the token was refused for this endpoint; check its scopes)`, false);
    if (status === 404)
        return new ConnectFailure(`${head} (fix: check the path in mcp-url; MCP servers usually answer on /mcp)`, false);
    return new ConnectFailure(head, false);
}
const STATUS_TEXT = {
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
};
/** Turns what the SDK, fetch or the child process threw into one line, healing or not. */
function classify(e, target, seen, stdio) {
    if (e instanceof ConnectFailure)
        return e;
    if (target.kind === 'stdio') {
        if (stdio.junk) {
            const line = stdio.stdoutHead.split('\n').find((l) => l.trim() && !isJson(l)) ?? stdio.junk;
            return new ConnectFailure(`the server printed non-JSON on stdout: ${JSON.stringify(line.trim().slice(0, 120))} (fix: MCP over stdio carries only JSON-RPC messages; write logs to stderr)`, false);
        }
        if (stdio.exit) {
            const tail = stdio.stderrTail();
            return new ConnectFailure(`the server exited with ${stdio.exit} before answering initialize${tail ? `; stderr: ${tail}` : ''}`, false);
        }
        if (e.code === 'ENOENT')
            return new ConnectFailure(`'${target.argv[0]}' was not found (is it built and on PATH?)`, false);
        return new ConnectFailure(describeError(e), false);
    }
    const url = redactUrl(target.url);
    if (e instanceof types_js_1.McpError && e.code === types_js_1.ErrorCode.RequestTimeout)
        return new ConnectFailure(`no answer to initialize from ${url} (${(0, errors_1.errorMessage)(e)})`, true);
    if (e instanceof streamableHttp_js_1.StreamableHTTPError && e.code !== undefined && e.code > 0)
        return httpStatusFailure(e.code, STATUS_TEXT[e.code] ?? '', url);
    if (e instanceof streamableHttp_js_1.StreamableHTTPError && /content type/i.test((0, errors_1.errorMessage)(e)))
        return new ConnectFailure(`HTTP ${seen.status ?? '?'} with content type ${seen.contentType ?? '(none)'} from ${url}: not an MCP endpoint (fix: point mcp-url at the server's MCP path; a web page, a login page or a proxy answers here)`, false);
    const code = errno(e);
    if (code && TLS_UNTRUSTED.test(code))
        return new ConnectFailure(`TLS: the certificate of ${new URL(target.url).host} is not trusted (${code}) (fix: for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file)`, false);
    if ((code && HEALING_ERRNO.has(code)) || e?.name === 'TimeoutError')
        return new ConnectFailure(`${url}: ${describeError(e)}`, true);
    return new ConnectFailure(`${url}: ${describeError(e)}`, false);
}
/**
 * While the server starts: retry what can heal (refused, 502/503/504, timeouts), 100 ms doubling to 2 s
 * between attempts, until the verify deadline. Anything else fails at the first attempt. A wait that goes
 * on says so every `progressMs`, with what it waits for and the last answer, so a long start is not silence.
 */
function startupRetry(left, what, progressMs = 15_000, now = Date.now) {
    const started = now();
    let said = started;
    return {
        numOfAttempts: 1000,
        startingDelay: 100,
        timeMultiple: 2,
        maxDelay: 2000,
        jitter: 'none',
        retry: (e, next) => {
            const again = e instanceof ConnectFailure && e.heals && left() > Math.min(2000, 100 * 2 ** (next - 1)) + 250;
            if (again && now() - said >= progressMs) {
                said = now();
                log_1.log.info(`… ${what}: still waiting after ${Math.round((said - started) / 1000)} s (${e.message})`);
            }
            return again;
        },
    };
}
const isJson = (line) => {
    try {
        JSON.parse(line);
        return true;
    }
    catch {
        return false;
    }
};
function transportFor(target, stderr, seen, stdio) {
    if (target.kind === 'http') {
        const { url, headers } = withoutUserInfo(target.url, target.headers);
        return new streamableHttp_js_1.StreamableHTTPClientTransport(new URL(url), {
            requestInit: { headers },
            fetch: async (url, init) => {
                const r = await fetch(url, init);
                seen.status = r.status;
                seen.contentType = r.headers.get('content-type') ?? undefined;
                return r;
            },
            // A verify session is short: no reconnecting the optional GET stream behind our back.
            reconnectionOptions: {
                maxReconnectionDelay: 0,
                initialReconnectionDelay: 0,
                reconnectionDelayGrowFactor: 1,
                maxRetries: 0,
            },
        });
    }
    const [command, ...args] = target.argv;
    const t = new stdio_js_1.StdioClientTransport({ command, args, cwd: target.cwd, env: target.env, stderr: 'pipe' });
    t.stderr?.on('data', (b) => {
        stderr.text = (stderr.text + b.toString('utf8')).slice(-4000);
    });
    // The transport keeps its child private and drops the exit code; the SDK is pinned, and
    // verify-errors.test.ts fails if an upgrade moves the field.
    const start = t.start.bind(t);
    t.start = async () => {
        await start();
        const child = t._process;
        // Read after the SDK's own listener: by the time its complaint about a line is handled, the line is here.
        child?.stdout?.on('data', (b) => {
            if (stdio.stdoutHead.length < 65536)
                stdio.stdoutHead += b.toString('utf8');
        });
        child?.once('exit', (code, signal) => {
            stdio.exit = code !== null ? `exit code ${code}` : `signal ${signal}`;
        });
    };
    return t;
}
async function open(target, timeoutMs, stderr, seen) {
    const stdio = {
        stdoutHead: '',
        stderrTail: () => stderr.text
            .trim()
            .split('\n')
            .slice(-3)
            .map((l) => l.trim())
            .join(' | ')
            .slice(-300),
    };
    const transport = transportFor(target, stderr, seen, stdio);
    let protocolVersion = '';
    // The client tells the transport the negotiated version; that hook is the only place it is exposed.
    const setVersion = transport.setProtocolVersion?.bind(transport);
    transport.setProtocolVersion = (v) => {
        protocolVersion = v;
        setVersion?.(v);
    };
    const client = new index_js_1.Client(CLIENT_INFO, { capabilities: {} });
    const close = async () => {
        if (transport instanceof streamableHttp_js_1.StreamableHTTPClientTransport && transport.sessionId)
            await transport.terminateSession().catch(() => undefined);
        await client.close().catch(() => undefined);
    };
    // The SDK skips a stdout line that is not JSON-RPC and waits on; the spec forbids such lines, so the
    // first one ends the attempt at once instead of a "Request timed out" a minute later.
    let rejectJunk = () => undefined;
    const junk = new Promise((_, reject) => (rejectJunk = reject));
    junk.catch(() => undefined);
    client.onerror = (e) => {
        if (target.kind !== 'stdio' || stdio.junk)
            return;
        if (e instanceof SyntaxError || validationIssues(e)) {
            stdio.junk = e.message;
            rejectJunk(e);
        }
    };
    try {
        await Promise.race([client.connect(transport, { timeout: timeoutMs }), junk]);
    }
    catch (e) {
        await close();
        throw classify(e, target, seen, stdio);
    }
    return { client, protocolVersion, close };
}
/** Lists every page of a paginated list call. */
async function all(page, key) {
    const out = [];
    let cursor;
    for (let i = 0; i < 1000; i++) {
        const r = await page(cursor);
        out.push(...(r[key] ?? []));
        cursor = r.nextCursor;
        if (!cursor)
            break;
    }
    return out;
}
const validationIssues = (e) => Array.isArray(e?.issues) ? e.issues : undefined;
/** `tool 'search' field inputSchema.type: Invalid input: expected "object"` for the first invalid tool. */
function invalidTools(tools) {
    const bad = tools.flatMap((t) => {
        const r = types_js_1.ToolSchema.safeParse(t);
        if (r.success)
            return [];
        const issue = r.error.issues[0];
        const name = t?.name;
        return [
            `tool '${typeof name === 'string' ? name : '?'}' field ${issue.path.map(String).join('.') || '(the tool)'}: ${issue.message}`,
        ];
    });
    if (!bad.length)
        return undefined;
    return bad.length > 1 ? `${bad[0]} (and ${bad.length - 1} more tools)` : bad[0];
}
/**
 * tools/list through the SDK, which validates the result. A listing it rejects (an inputSchema without
 * "type" is common) is listed again with only the JSON-RPC envelope checked, so the contract can still be
 * snapshotted and gated; `invalid` names the first tool and field at fault in one line.
 */
async function listTools(client, opts) {
    try {
        return { tools: await all((cursor) => client.listTools({ cursor }, opts()), 'tools') };
    }
    catch (e) {
        const issues = validationIssues(e);
        if (!issues)
            throw e;
        const tools = await all((cursor) => client.request({ method: 'tools/list', params: cursor ? { cursor } : {} }, types_js_1.PaginatedResultSchema, opts()), 'tools');
        const first = issues[0];
        return {
            tools,
            invalid: invalidTools(tools) ?? `${first?.path.map(String).join('.')}: ${first?.message}`,
        };
    }
}
async function verifyServer(o) {
    const deadline = node_perf_hooks_1.performance.now() + o.timeoutMs;
    const left = () => Math.max(1, Math.round(deadline - node_perf_hooks_1.performance.now()));
    const checks = [];
    const stderr = { text: '' };
    if (o.healthUrl) {
        const health = await checkHealth(o.healthUrl, o.healthHeaders, left);
        checks.push(health);
        if (health.status === 'failed')
            return { checks, stderr: stderr.text };
    }
    const { session, check } = await initialize(o.target, left, stderr);
    checks.push(check);
    if (!session)
        return { checks, stderr: stderr.text };
    try {
        const { listing, invalid } = await listAndCall(session, o.smoke, left, checks);
        return { checks, listing, stderr: stderr.text, invalidTools: invalid };
    }
    finally {
        await session.close();
    }
}
/** The health URL answers 200, retried while the server starts (refused, 502/503/504, timeouts). */
async function checkHealth(url, healthHeaders, left) {
    const shown = redactUrl(url);
    let attempts = 0;
    let started = node_perf_hooks_1.performance.now();
    let failure;
    try {
        await (0, exponential_backoff_1.backOff)(async () => {
            attempts++;
            started = node_perf_hooks_1.performance.now();
            let r;
            try {
                const bare = withoutUserInfo(url, healthHeaders);
                r = await fetch(bare.url, { headers: bare.headers, signal: AbortSignal.timeout(left()) });
                await r.arrayBuffer();
            }
            catch (e) {
                throw classify(e, { kind: 'http', url, headers: {} }, {}, { stdoutHead: '', stderrTail: () => '' });
            }
            if (r.status !== 200)
                throw httpStatusFailure(r.status, r.statusText, shown);
        }, startupRetry(left, `health ${shown}`));
    }
    catch (e) {
        failure = e instanceof ConnectFailure ? e : new ConnectFailure(describeError(e), false);
    }
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    return {
        name: 'health',
        status: failure ? 'failed' : 'passed',
        ms: node_perf_hooks_1.performance.now() - started,
        detail: failure ? `${failure.message}${tries}` : `200 from ${shown}${tries}`,
    };
}
/**
 * The MCP handshake, retried while the server starts; the session only when the server's answer is one
 * this client can work with (a supported protocol version, a named server).
 */
async function initialize(target, left, stderr) {
    let attempts = 0;
    let t0 = node_perf_hooks_1.performance.now();
    // The last attempt often just runs out of time; the failure before it says why (refused, 503 ...).
    let reason;
    const seen = {};
    let session;
    try {
        session = await (0, exponential_backoff_1.backOff)(async () => {
            attempts++;
            t0 = node_perf_hooks_1.performance.now();
            try {
                return await open(target, left(), stderr, seen);
            }
            catch (e) {
                const f = e instanceof ConnectFailure ? e : new ConnectFailure(describeError(e), false);
                if (!(reason && /no answer to initialize/.test(f.message)))
                    reason = f;
                // A stdio server is started by us: starting it again would not change its answer.
                throw target.kind === 'stdio' ? new ConnectFailure(f.message, false) : f;
            }
        }, startupRetry(left, `initialize ${describeTarget(target)}`));
    }
    catch {
        // `reason` holds the failure to report.
    }
    const ms = node_perf_hooks_1.performance.now() - t0;
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    if (!session)
        return { check: { name: 'initialize', status: 'failed', ms, detail: `${reason?.message}${tries}` } };
    const info = session.client.getServerVersion();
    const pv = session.protocolVersion;
    const problems = [
        !types_js_1.SUPPORTED_PROTOCOL_VERSIONS.includes(pv) && `protocol version '${pv}' is not one this client supports`,
        !info?.name && 'serverInfo has no name',
    ].filter(Boolean);
    if (problems.length) {
        await session.close();
        return { check: { name: 'initialize', status: 'failed', ms, detail: problems.join('; ') } };
    }
    return {
        session,
        check: {
            name: 'initialize',
            status: 'passed',
            ms,
            detail: `protocol ${pv}, ${info?.name} ${info?.version ?? ''}`.trim() + tries,
        },
    };
}
/**
 * The listings the server's capabilities promise, then the smoke calls, each a check in `checks`. The
 * listing is returned only when every list succeeded: a partial one would diff as removed tools.
 */
async function listAndCall(session, smoke, left, checks) {
    const timed = async (name, fn) => {
        const t0 = node_perf_hooks_1.performance.now();
        try {
            const detail = await fn();
            checks.push({ name, status: 'passed', ms: node_perf_hooks_1.performance.now() - t0, detail });
            return true;
        }
        catch (e) {
            checks.push({ name, status: 'failed', ms: node_perf_hooks_1.performance.now() - t0, detail: (0, errors_1.errorMessage)(e) });
            return false;
        }
    };
    const { client } = session;
    const caps = client.getServerCapabilities() ?? {};
    const opts = () => ({ timeout: left() });
    const listing = {
        serverInfo: client.getServerVersion(),
        protocolVersion: session.protocolVersion,
        tools: [],
        prompts: [],
        resourceTemplates: [],
    };
    let listed = true;
    let invalid;
    if (caps.tools)
        listed &&= await timed('tools/list', async () => {
            const r = await listTools(client, opts);
            listing.tools = r.tools;
            invalid = r.invalid;
            return r.invalid
                ? `${r.tools.length} tools; the MCP SDK rejects this listing: ${r.invalid} (the contract is taken from the raw result)`
                : `${r.tools.length} tools`;
        });
    else
        checks.push({
            name: 'tools/list',
            status: 'skipped',
            ms: 0,
            detail: 'the server declares no tools capability',
        });
    if (caps.prompts)
        listed &&= await timed('prompts/list', async () => {
            listing.prompts = await all((cursor) => client.listPrompts({ cursor }, opts()), 'prompts');
            return `${listing.prompts.length} prompts`;
        });
    if (caps.resources)
        listed &&= await timed('resources/list', async () => {
            const resources = await all((cursor) => client.listResources({ cursor }, opts()), 'resources');
            listing.resourceTemplates = await all((cursor) => client.listResourceTemplates({ cursor }, opts()), 'resourceTemplates');
            return `${resources.length} resources, ${listing.resourceTemplates.length} templates`;
        });
    for (const call of smoke)
        await timed(`call ${call.tool}`, async () => {
            const r = await client.callTool({ name: call.tool, arguments: call.args }, undefined, opts());
            const text = (Array.isArray(r.content) ? r.content : [])
                .filter((c) => c.type === 'text')
                .map((c) => c.text ?? '')
                .join(' ')
                .slice(0, 200);
            if (r.isError)
                throw new Error(`returned isError: ${text || '(no text)'}`);
            return text ? `ok: ${text}` : 'ok';
        });
    return { listing: listed ? listing : undefined, invalid };
}


/***/ }),

/***/ 37539:
/***/ ((__unused_webpack_module, exports) => {


/**
 * The tool contract of an MCP server: what an agent relies on when it calls the server by name and schema.
 * `snapshot` turns a server's listings into a stable document (mcp-contract.json) and `diffContracts`
 * classifies every difference between two of them. Both are pure.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CONTRACT_FORMAT = void 0;
exports.canonical = canonical;
exports.sortKeys = sortKeys;
exports.normalizeSchema = normalizeSchema;
exports.snapshot = snapshot;
exports.parseContract = parseContract;
exports.diffContracts = diffContracts;
exports.CONTRACT_FORMAT = 1;
// ---------------------------------------------------------------------------------------------------
// Normalization
const isObj = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
/** JSON with object keys sorted at every level: equal schemas give equal strings. */
function canonical(x) {
    return JSON.stringify(sortKeys(x));
}
function sortKeys(x) {
    if (Array.isArray(x))
        return x.map(sortKeys);
    if (isObj(x))
        return Object.fromEntries(Object.keys(x)
            .sort()
            .filter((k) => x[k] !== undefined)
            .map((k) => [k, sortKeys(x[k])]));
    return x;
}
function pointer(root, ref) {
    let node = root;
    for (const raw of ref.slice(2).split('/')) {
        const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
        node = isObj(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
        if (node === undefined)
            return undefined;
    }
    return node;
}
/**
 * Inlines local `$ref`s (`#/$defs/X`, `#/definitions/X`, any `#/...` pointer), so a schema that moves a
 * type into `$defs` compares equal to the inline one. A recursive reference stays a `$ref` (inlining it
 * would never end), and so does a remote one: those compare as opaque strings.
 */
function inlineRefs(node, root, stack) {
    if (Array.isArray(node))
        return node.map((n) => inlineRefs(n, root, stack));
    if (!isObj(node))
        return node;
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/') && !stack.includes(ref)) {
        const target = pointer(root, ref);
        if (target !== undefined) {
            const siblings = Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref'));
            const resolved = inlineRefs(target, root, [...stack, ref]);
            const merged = isObj(resolved) ? { ...resolved, ...siblings } : resolved;
            return isObj(merged) ? inlineRefs(merged, root, [...stack, ref]) : merged;
        }
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inlineRefs(v, root, stack)]));
}
const hasRef = (x) => Array.isArray(x)
    ? x.some(hasRef)
    : isObj(x)
        ? typeof x.$ref === 'string' || Object.values(x).some(hasRef)
        : false;
// Keywords that say nothing about which values are valid and change between generator versions.
const VOLATILE = new Set(['$schema', '$id', '$comment']);
function tidy(node) {
    if (Array.isArray(node))
        return node.map(tidy);
    if (!isObj(node))
        return node;
    const out = {};
    for (const [k, v] of Object.entries(node)) {
        if (VOLATILE.has(k))
            continue;
        if (k === 'properties' || k === '$defs' || k === 'definitions' || k === 'patternProperties') {
            out[k] = isObj(v) ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, tidy(s)])) : v;
        }
        else if (k === 'required' && Array.isArray(v)) {
            out[k] = [...new Set(v.map(String))].sort();
        }
        else if (k === 'type' && Array.isArray(v)) {
            const types = [...new Set(v.map(String))].sort();
            out[k] = types.length === 1 ? types[0] : types;
        }
        else if (k === 'enum' && Array.isArray(v)) {
            out[k] = [...v].sort((a, b) => canonical(a) < canonical(b) ? -1 : canonical(a) > canonical(b) ? 1 : 0);
        }
        else if ((k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) {
            out[k] = v.map(tidy).sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
        }
        else {
            out[k] = tidy(v);
        }
    }
    // `anyOf: [{type: string}, {type: null}]` (how generators spell Option<String>) is `type: [null, string]`:
    // one spelling, so that dropping `null` shows up as a type narrowing, not as a rewritten anyOf.
    for (const k of ['anyOf', 'oneOf']) {
        const alts = out[k];
        if (out.type === undefined &&
            Array.isArray(alts) &&
            alts.length > 0 &&
            alts.every((a) => isObj(a) && Object.keys(a).length === 1 && typeof a.type === 'string')) {
            const types = [...new Set(alts.map((a) => a.type))].sort();
            out.type = types.length === 1 ? types[0] : types;
            delete out[k];
        }
    }
    return out;
}
/** A schema as the contract stores it: local refs inlined, volatile keywords dropped, keys sorted. */
function normalizeSchema(schema) {
    if (schema === undefined)
        return {};
    const root = sortKeys(schema);
    let inlined = inlineRefs(root, root, []);
    if (isObj(inlined) && !hasRef(inlined)) {
        inlined = Object.fromEntries(Object.entries(inlined).filter(([k]) => k !== '$defs' && k !== 'definitions'));
    }
    return sortKeys(tidy(inlined));
}
const str = (x) => (typeof x === 'string' && x ? x : undefined);
const byKey = (key) => (a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
function snapshot(l) {
    const tools = l.tools.filter(isObj).map((t) => ({
        name: String(t.name),
        title: str(t.title),
        description: str(t.description),
        inputSchema: normalizeSchema(t.inputSchema),
        outputSchema: t.outputSchema === undefined ? undefined : normalizeSchema(t.outputSchema),
        annotations: isObj(t.annotations) ? sortKeys(t.annotations) : undefined,
        execution: isObj(t.execution) ? sortKeys(t.execution) : undefined,
    }));
    const prompts = l.prompts.filter(isObj).map((p) => ({
        name: String(p.name),
        title: str(p.title),
        description: str(p.description),
        arguments: (Array.isArray(p.arguments) ? p.arguments : [])
            .filter(isObj)
            .map((a) => ({ name: String(a.name), description: str(a.description), required: a.required === true }))
            .sort(byKey((a) => a.name)),
    }));
    const resourceTemplates = l.resourceTemplates.filter(isObj).map((r) => ({
        uriTemplate: String(r.uriTemplate),
        name: String(r.name),
        title: str(r.title),
        description: str(r.description),
        mimeType: str(r.mimeType),
    }));
    // Top-level keys in reading order; everything below them sorted.
    return {
        format: exports.CONTRACT_FORMAT,
        server: sortKeys({
            name: l.serverInfo.name,
            title: str(l.serverInfo.title),
            version: str(l.serverInfo.version),
        }),
        protocolVersion: l.protocolVersion,
        tools: sortKeys(tools.sort(byKey((t) => t.name))),
        prompts: sortKeys(prompts.sort(byKey((p) => p.name))),
        resourceTemplates: sortKeys(resourceTemplates.sort(byKey((r) => r.uriTemplate))),
    };
}
/** Reads a baseline file; `source` names it in the error. */
function parseContract(text, source) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`${source} is not JSON: ${e.message}`);
    }
    if (!isObj(doc) || doc.format !== exports.CONTRACT_FORMAT || !Array.isArray(doc.tools) || !isObj(doc.server))
        throw new Error(`${source} is not an mcp-contract.json (format ${exports.CONTRACT_FORMAT}); write one with \`mcp-deploy contract snapshot\``);
    // Re-normalized, so a hand-edited or older baseline compares by the same rules as a fresh snapshot.
    return snapshot({
        serverInfo: doc.server,
        protocolVersion: String(doc.protocolVersion ?? ''),
        tools: doc.tools,
        prompts: Array.isArray(doc.prompts) ? doc.prompts : [],
        resourceTemplates: Array.isArray(doc.resourceTemplates) ? doc.resourceTemplates : [],
    });
}
class Collector {
    where;
    changes = [];
    constructor(where = '') {
        this.where = where;
    }
    at(where) {
        this.where = where;
        return this;
    }
    add(impact, path, change, why) {
        this.changes.push({ impact, where: this.where, path, change, why });
    }
}
const list = (xs) => xs.map((x) => (typeof x === 'string' ? x : canonical(x))).join(', ');
function typesOf(s) {
    if (typeof s.type === 'string')
        return [s.type];
    if (Array.isArray(s.type))
        return s.type.map(String);
    return undefined;
}
/** Whether a value of type `t` is valid under `types` (integers are numbers). */
const admits = (types, t) => types.includes(t) || (t === 'integer' && types.includes('number'));
function enumOf(s) {
    if (Array.isArray(s.enum))
        return s.enum;
    if (s.const !== undefined)
        return [s.const];
    return undefined;
}
const asSchema = (s) => s === true || s === undefined ? {} : s === false ? undefined : isObj(s) ? s : {};
const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const NOTES = new Set(['description', 'title', 'default', 'examples']);
const HANDLED = new Set([
    'type',
    'enum',
    'const',
    'properties',
    'required',
    'items',
    'anyOf',
    'oneOf',
    'additionalProperties',
    'pattern',
    'format',
    ...LOWER,
    ...UPPER,
    ...NOTES,
]);
function diffSchema(a, b, path, dir, out) {
    if (canonical(a) === canonical(b))
        return;
    const input = dir === 'input';
    const narrowing = input ? 'breaking' : 'compatible';
    const widening = input ? 'compatible' : 'breaking';
    const sa = asSchema(a);
    const sb = asSchema(b);
    if (!sa || !sb) {
        // `false` accepts nothing: becoming false narrows everything, leaving it widens.
        out.add(!sb ? narrowing : widening, path, !sb ? 'now rejects every value' : 'now accepts values', whyFor(!sb ? narrowing : widening, dir));
        return;
    }
    // A schema that becomes a union of itself and more (or the reverse) is the same branch plus branches
    // added or removed, not a type change to "any" with every property removed.
    const ua = pureUnion(sa);
    const ub = pureUnion(sb);
    if ((ua || ub) && ua !== ub) {
        const [branchesA, notesA] = ua ? [sa[ua], notesOf(sa)] : [[withoutNotes(sa)], notesOf(sa)];
        const [branchesB, notesB] = ub ? [sb[ub], notesOf(sb)] : [[withoutNotes(sb)], notesOf(sb)];
        diffBranches(branchesA, branchesB, `${path}/${ub ?? ua}`, dir, out);
        diffNotes(notesA, notesB, path, out);
        return;
    }
    const c = { path, dir, out, input, narrowing, widening };
    diffType(sa, sb, c);
    diffEnum(sa, sb, c);
    diffProperties(sa, sb, c);
    diffAdditional(sa, sb, c);
    diffItems(sa, sb, c);
    for (const k of ['anyOf', 'oneOf'])
        diffAlternatives(sa[k], sb[k], `${path}/${k}`, dir, out);
    diffBounds(sa, sb, c);
    diffStrings(sa, sb, c);
    diffNotes(sa, sb, path, out);
    diffOther(sa, sb, c);
}
/** The type: a narrowed input or a widened output breaks agents. */
function diffType(sa, sb, c) {
    const { path, out, input } = c;
    const ta = typesOf(sa);
    const tb = typesOf(sb);
    if (canonical(ta) !== canonical(tb)) {
        const from = ta ? ta.join('|') : 'any';
        const to = tb ? tb.join('|') : 'any';
        const lost = ta ? (tb ? ta.filter((t) => !admits(tb, t)) : []) : tb ? ['(any)'] : [];
        const gained = tb ? (ta ? tb.filter((t) => !admits(ta, t)) : []) : ta ? ['(any)'] : [];
        if (input && lost.length)
            out.add('breaking', path, `type narrowed or changed: ${from} → ${to}`, `agents that send ${lost.join('|')} get a validation error`);
        else if (!input && gained.length)
            out.add('breaking', path, `type changed: ${from} → ${to}`, `agents parsing the result may now get ${gained.join('|')}`);
        else
            out.add('compatible', path, `type ${input ? 'widened' : 'narrowed'}: ${from} → ${to}`, 'every value that was valid still is');
    }
}
/** Enum and const values removed or added. */
function diffEnum(sa, sb, c) {
    const { path, dir, out, input, narrowing, widening } = c;
    const ea = enumOf(sa);
    const eb = enumOf(sb);
    if (canonical(ea) !== canonical(eb)) {
        if (ea && eb) {
            const removed = ea.filter((v) => !eb.some((w) => canonical(w) === canonical(v)));
            const added = eb.filter((v) => !ea.some((w) => canonical(w) === canonical(v)));
            if (removed.length)
                out.add(narrowing, path, `enum value${removed.length > 1 ? 's' : ''} removed: ${list(removed)}`, input ? 'agents that send it get a validation error' : 'the server no longer returns it');
            if (added.length)
                out.add(widening, path, `enum value${added.length > 1 ? 's' : ''} added: ${list(added)}`, input ? 'a new choice; old calls still valid' : 'agents may get a value they do not handle');
        }
        else if (eb) {
            out.add(narrowing, path, `now restricted to: ${list(eb)}`, whyFor(narrowing, dir));
        }
        else {
            out.add(widening, path, 'no longer restricted to an enum', whyFor(widening, dir));
        }
    }
}
/** Properties and required: each property compared by itself, recursively. */
function diffProperties(sa, sb, c) {
    const { path, dir, out, input, narrowing, widening } = c;
    const pa = isObj(sa.properties) ? sa.properties : {};
    const pb = isObj(sb.properties) ? sb.properties : {};
    const ra = new Set(Array.isArray(sa.required) ? sa.required.map(String) : []);
    const rb = new Set(Array.isArray(sb.required) ? sb.required.map(String) : []);
    const names = [...new Set([...Object.keys(pa), ...Object.keys(pb), ...ra, ...rb])].sort();
    for (const name of names) {
        const p = `${path}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        const inA = name in pa || ra.has(name);
        const inB = name in pb || rb.has(name);
        if (inA && !inB) {
            out.add('breaking', p, input ? 'argument removed' : 'property removed from output', input
                ? 'agents that still send it are rejected (or it is silently ignored)'
                : 'agents that read it find nothing');
        }
        else if (!inA && inB) {
            if (input && rb.has(name))
                out.add('breaking', p, 'required argument added', 'every existing call lacks it and fails validation');
            else
                out.add('compatible', p, input ? 'optional argument added' : 'property added to output', 'existing calls are unaffected');
        }
        else {
            diffSchema(pa[name], pb[name], p, dir, out);
            if (!ra.has(name) && rb.has(name))
                out.add(narrowing, p, input ? 'argument became required' : 'property became required', input ? 'calls that omit it now fail validation' : 'it is now always present');
            if (ra.has(name) && !rb.has(name))
                out.add(widening, p, input ? 'argument became optional' : 'property no longer required', input ? 'calls that send it still work' : 'agents that expect it may find it missing');
        }
    }
}
/** AdditionalProperties: closed, opened, or its own schema. */
function diffAdditional(sa, sb, c) {
    const { path, dir, out, input, narrowing } = c;
    const closedA = sa.additionalProperties === false;
    const closedB = sb.additionalProperties === false;
    if (!closedA && closedB)
        out.add(narrowing, path, input ? 'no longer accepts unknown arguments' : 'no longer returns unknown properties', input ? 'calls with extra arguments are rejected' : 'every value returned is still one agents expect');
    else if (closedA && !closedB)
        out.add('compatible', path, input ? 'accepts unknown arguments again' : 'may return properties not in the schema', input
            ? 'every call that was valid still is'
            : 'agents read the properties they know, as with a property added to output');
    else if (canonical(sa.additionalProperties) !== canonical(sb.additionalProperties) &&
        isObj(sa.additionalProperties) &&
        isObj(sb.additionalProperties))
        diffSchema(sa.additionalProperties, sb.additionalProperties, `${path}/additionalProperties`, dir, out);
}
/** Array items; tuple forms are not analysed. */
function diffItems(sa, sb, c) {
    const { path, dir, out } = c;
    if (canonical(sa.items) !== canonical(sb.items)) {
        if (!Array.isArray(sa.items) && !Array.isArray(sb.items))
            diffSchema(sa.items, sb.items, `${path}/items`, dir, out);
        else
            out.add('breaking', `${path}/items`, 'tuple items changed', 'not analysed: review by hand');
    }
}
/** Numeric and length bounds: tighter narrows, looser widens. */
function diffBounds(sa, sb, c) {
    const { path, dir, out, narrowing, widening } = c;
    for (const k of [...LOWER, ...UPPER]) {
        const x = sa[k];
        const y = sb[k];
        if (x === y)
            continue;
        const lower = LOWER.includes(k);
        if (beyondSafe(x, lower) && beyondSafe(y, lower)) {
            out.add('compatible', path, `${k} ${x ?? '(none)'} → ${y ?? '(none)'}: at or beyond ±(2^53−1), no narrowing`, 'JSON numbers carry integers safely only up to 2^53−1 (zod 4 adds this bound to every integer): no value that was valid is rejected');
            continue;
        }
        const tightened = y !== undefined &&
            (x === undefined || (typeof x === 'number' && typeof y === 'number' && (lower ? y > x : y < x)));
        const impact = tightened ? narrowing : widening;
        out.add(impact, path, `${k} ${x ?? '(none)'} → ${y ?? '(none)'}`, whyFor(impact, dir));
    }
}
/** Pattern and format. */
function diffStrings(sa, sb, c) {
    const { path, dir, out, narrowing, widening } = c;
    for (const k of ['pattern', 'format']) {
        if (canonical(sa[k]) === canonical(sb[k]))
            continue;
        const impact = sa[k] === undefined ? narrowing : sb[k] === undefined ? widening : 'breaking';
        out.add(impact, path, `${k} ${sa[k] ?? '(none)'} → ${sb[k] ?? '(none)'}`, whyFor(impact, dir));
    }
}
/** Every keyword not handled above is breaking until reviewed: it may narrow what is valid. */
function diffOther(sa, sb, c) {
    const { path, out } = c;
    const other = [...new Set([...Object.keys(sa), ...Object.keys(sb)])].filter((k) => !HANDLED.has(k) && canonical(sa[k]) !== canonical(sb[k]));
    for (const k of other.sort())
        out.add('breaking', `${path}/${k}`, `${k} changed`, 'not analysed: this keyword may narrow what is valid; review by hand');
}
function diffNotes(sa, sb, path, out) {
    for (const k of NOTES)
        if (canonical(sa[k]) !== canonical(sb[k]))
            out.add('compatible', path, `${k} changed`, 'documentation only; validation is unchanged');
}
/**
 * A bound that no JSON number beyond the safe integer range can fall outside: absent, or an upper bound at
 * or above 2^53−1 (a lower bound at or below −(2^53−1)). Between two of these nothing is narrowed.
 */
function beyondSafe(v, lower) {
    if (v === undefined)
        return true;
    return typeof v === 'number' && (lower ? v <= -Number.MAX_SAFE_INTEGER : v >= Number.MAX_SAFE_INTEGER);
}
/** `anyOf`/`oneOf` that holds the whole schema (only documentation beside it), or undefined. */
function pureUnion(s) {
    for (const k of ['anyOf', 'oneOf'])
        if (Array.isArray(s[k]) && Object.keys(s).every((x) => x === k || NOTES.has(x)))
            return k;
    return undefined;
}
const notesOf = (s) => Object.fromEntries(Object.entries(s).filter(([k]) => NOTES.has(k)));
const withoutNotes = (s) => Object.fromEntries(Object.entries(s).filter(([k]) => !NOTES.has(k)));
function whyFor(impact, dir) {
    if (dir === 'input')
        return impact === 'breaking'
            ? 'some calls that were valid are now rejected'
            : 'every call that was valid still is';
    return impact === 'breaking'
        ? 'the server may return values agents did not expect'
        : 'every value returned is still one agents expect';
}
/** anyOf/oneOf on both sides: their branches are compared; a union appearing or leaving beside other keywords narrows. */
function diffAlternatives(a, b, path, dir, out) {
    if (canonical(a) === canonical(b))
        return;
    const input = dir === 'input';
    if (!Array.isArray(a) || !Array.isArray(b)) {
        const impact = Array.isArray(b) === input ? 'breaking' : 'compatible';
        out.add(impact, path, Array.isArray(b) ? 'alternatives added where there were none' : 'alternatives removed', whyFor(impact, dir));
        return;
    }
    diffBranches(a, b, path, dir, out);
}
const typeKey = (s) => (isObj(s) ? canonical(typesOf(s)) : '');
const propNames = (s) => (isObj(s) && isObj(s.properties) ? Object.keys(s.properties) : []);
/** Two branches that may be one edited: same type and, for objects, a property in common. */
function alike(x, y) {
    if (typeKey(x) !== typeKey(y))
        return false;
    const px = propNames(x);
    const py = propNames(y);
    return (px.length === 0 && py.length === 0) || px.some((p) => py.includes(p));
}
/**
 * Branches compare as sets. An unchanged branch matches itself; each removed branch is then paired with
 * the added one most like it (fewest differences), and the two are compared keyword by keyword. What is
 * left is a branch removed or added: removing one narrows, adding one widens (for outputs: readers may get
 * a shape they do not handle).
 */
function diffBranches(a, b, path, dir, out) {
    const input = dir === 'input';
    const removed = a.filter((x) => !b.some((y) => canonical(y) === canonical(x)));
    const added = b.filter((y) => !a.some((x) => canonical(x) === canonical(y)));
    const pairs = [];
    for (const r of removed) {
        let best;
        let cost = Infinity;
        for (const x of added) {
            if (pairs.some((p) => p[1] === x) || !alike(r, x))
                continue;
            const scratch = new Collector();
            diffSchema(r, x, '', dir, scratch);
            if (scratch.changes.length < cost)
                [best, cost] = [x, scratch.changes.length];
        }
        if (best !== undefined)
            pairs.push([r, best]);
    }
    for (const [r, x] of pairs)
        diffSchema(r, x, `${path}/${b.indexOf(x)}`, dir, out);
    for (const r of removed.filter((x) => !pairs.some((p) => p[0] === x)))
        out.add(input ? 'breaking' : 'compatible', path, `alternative removed: ${canonical(r)}`, input
            ? 'agents that send this shape get a validation error'
            : 'the server no longer returns this shape');
    for (const x of added.filter((y) => !pairs.some((p) => p[1] === y)))
        out.add(input ? 'compatible' : 'breaking', path, `alternative added: ${canonical(x)}`, input
            ? 'a new shape agents may send; old calls still valid'
            : 'agents may receive a shape they do not handle');
}
function diffKeyed(a, b, key, onRemoved, onAdded, onBoth) {
    const mb = new Map(b.map((t) => [key(t), t]));
    const ma = new Map(a.map((t) => [key(t), t]));
    for (const t of a) {
        const other = mb.get(key(t));
        if (other)
            onBoth(t, other);
        else
            onRemoved(t);
    }
    for (const t of b)
        if (!ma.has(key(t)))
            onAdded(t);
}
/** How a tool may be called under each taskSupport value; absent means forbidden (the spec's default). */
const CALL_MODES = {
    forbidden: ['a plain call'],
    optional: ['a plain call', 'a task'],
    required: ['a task'],
};
/** A change in task support breaks the agents whose way of calling (plain or as a task) is no longer allowed. */
function diffExecution(a, b, out) {
    const ta = typeof a?.taskSupport === 'string' ? a.taskSupport : 'forbidden';
    const tb = typeof b?.taskSupport === 'string' ? b.taskSupport : 'forbidden';
    if (ta !== tb) {
        const lost = (CALL_MODES[ta] ?? [ta]).filter((m) => !(CALL_MODES[tb] ?? []).includes(m));
        out.add(lost.length ? 'breaking' : 'compatible', '/execution/taskSupport', `task support ${ta} → ${tb}`, lost.length
            ? `agents that make ${lost.join(' or ')} get an error`
            : 'every way of calling the tool that worked still does');
    }
    const rest = (e) => canonical(Object.fromEntries(Object.entries(e ?? {}).filter(([k]) => k !== 'taskSupport')));
    if (rest(a) !== rest(b))
        out.add('breaking', '/execution', `execution ${rest(a)} → ${rest(b)}`, 'not analysed: this field may change how the tool must be called; review by hand');
}
function diffContracts(base, next) {
    const out = new Collector();
    out.at('server');
    if (base.server.name !== next.server.name)
        out.add('compatible', '/server/name', `server name ${base.server.name} → ${next.server.name}`, 'agents call tools, not the server name');
    if (base.protocolVersion !== next.protocolVersion)
        out.add('compatible', '/protocolVersion', `protocol version ${base.protocolVersion} → ${next.protocolVersion}`, 'negotiated per session; the client refuses versions it does not support');
    diffTools(base, next, out);
    diffPrompts(base, next, out);
    diffResourceTemplates(base, next, out);
    const changes = out.changes;
    return {
        breaking: changes.filter((c) => c.impact === 'breaking').length,
        compatible: changes.filter((c) => c.impact === 'compatible').length,
        changes,
    };
}
function diffTools(base, next, out) {
    diffKeyed(base.tools, next.tools, (t) => t.name, (t) => out.at(`tool ${t.name}`).add('breaking', '', 'tool removed', 'agents that call it get "unknown tool"'), (t) => out
        .at(`tool ${t.name}`)
        .add('compatible', '', 'tool added', 'new capability; nothing existing changes'), (x, y) => {
        out.at(`tool ${x.name}`);
        for (const k of ['title', 'description'])
            if ((x[k] ?? '') !== (y[k] ?? ''))
                out.add('compatible', `/${k}`, `${k} changed`, 'agents may choose the tool differently, but calls still work');
        diffSchema(x.inputSchema, y.inputSchema, '/inputSchema', 'input', out);
        if (x.outputSchema !== undefined && y.outputSchema === undefined)
            out.add('breaking', '/outputSchema', 'output schema removed', 'structured results are no longer promised');
        else if (x.outputSchema === undefined && y.outputSchema !== undefined)
            out.add('compatible', '/outputSchema', 'output schema added', 'results are now described; old readers still work');
        else
            diffSchema(x.outputSchema, y.outputSchema, '/outputSchema', 'output', out);
        diffExecution(x.execution, y.execution, out);
        if (canonical(x.annotations) !== canonical(y.annotations))
            out.add('compatible', '/annotations', `annotations ${canonical(x.annotations ?? {})} → ${canonical(y.annotations ?? {})}`, 'hints for clients; calls are unchanged');
    });
}
function diffPrompts(base, next, out) {
    diffKeyed(base.prompts, next.prompts, (p) => p.name, (p) => out.at(`prompt ${p.name}`).add('breaking', '', 'prompt removed', 'agents that get it receive an error'), (p) => out
        .at(`prompt ${p.name}`)
        .add('compatible', '', 'prompt added', 'new capability; nothing existing changes'), (x, y) => {
        out.at(`prompt ${x.name}`);
        if ((x.description ?? '') !== (y.description ?? ''))
            out.add('compatible', '/description', 'description changed', 'documentation only');
        diffKeyed(x.arguments, y.arguments, (a) => a.name, (a) => out.add('breaking', `/arguments/${a.name}`, 'argument removed', 'agents that still send it are rejected or ignored'), (a) => a.required
            ? out.add('breaking', `/arguments/${a.name}`, 'required argument added', 'every existing request lacks it')
            : out.add('compatible', `/arguments/${a.name}`, 'optional argument added', 'existing requests are unaffected'), (a, b) => {
            if (!a.required && b.required)
                out.add('breaking', `/arguments/${a.name}`, 'argument became required', 'requests that omit it now fail');
            if (a.required && !b.required)
                out.add('compatible', `/arguments/${a.name}`, 'argument became optional', 'requests that send it still work');
            if ((a.description ?? '') !== (b.description ?? ''))
                out.add('compatible', `/arguments/${a.name}`, 'description changed', 'documentation only');
        });
    });
}
function diffResourceTemplates(base, next, out) {
    diffKeyed(base.resourceTemplates, next.resourceTemplates, (r) => r.uriTemplate, (r) => out
        .at(`resource template ${r.uriTemplate}`)
        .add('breaking', '', 'resource template removed', 'URIs agents build from it no longer resolve'), (r) => out
        .at(`resource template ${r.uriTemplate}`)
        .add('compatible', '', 'resource template added', 'new capability'), (x, y) => {
        out.at(`resource template ${x.uriTemplate}`);
        if ((x.mimeType ?? '') !== (y.mimeType ?? ''))
            out.add('breaking', '/mimeType', `mimeType ${x.mimeType ?? '(none)'} → ${y.mimeType ?? '(none)'}`, 'agents decode the content by it');
        for (const k of ['name', 'title', 'description'])
            if ((x[k] ?? '') !== (y[k] ?? ''))
                out.add('compatible', `/${k}`, `${k} changed`, 'documentation only');
    });
}


/***/ }),

/***/ 91637:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.verify = void 0;
const inputs_1 = __webpack_require__(61108);
const plan_1 = __webpack_require__(80610);
const run_1 = __webpack_require__(63156);
exports.verify = {
    name: 'verify',
    parse: (r, env) => (0, inputs_1.parseVerifyInputs)(r, env.cwd),
    plan: (i, env) => (0, plan_1.planVerify)(i, env.ctx, env.state),
    run: run_1.runVerify,
};


/***/ }),

/***/ 61108:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.IMAGE_PLACEHOLDER = exports.DEFAULT_BASELINE = exports.CONTRACT_MODES = void 0;
exports.parseSmoke = parseSmoke;
exports.parseVerifyInputs = parseVerifyInputs;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(49901);
const log_1 = __webpack_require__(46472);
const words_1 = __webpack_require__(75846);
const bake_inputs_1 = __webpack_require__(90356);
const client_1 = __webpack_require__(54094);
const contract_1 = __webpack_require__(37539);
exports.CONTRACT_MODES = inputs_1.INPUTS.contract.allowed;
exports.DEFAULT_BASELINE = 'mcp-contract.json';
/** In `mcp-command`, replaced by the image@digest that the build stage of this run pushed. */
exports.IMAGE_PLACEHOLDER = '{image}';
function httpUrl(value, input, hint) {
    let u;
    try {
        u = new URL(value);
    }
    catch {
        throw new errors_1.ActionError(`'${value}' is not a URL`, input, hint);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
        throw new errors_1.ActionError(`'${(0, client_1.redactUrl)(value)}' is not an http(s) URL`, input, hint);
    // Registers the credentials in the URL (user:pass@, ?api_key=) as secrets the moment the input is read,
    // so no plan, log line or summary shows them.
    (0, client_1.redactUrl)(value);
    return u.toString();
}
function parseHeaders(r) {
    const headers = r.headers('mcp-headers', 'X-Api-Key: ${{ secrets.KEY }}');
    const token = r.secret('mcp-token');
    if (token) {
        if (Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
            throw new errors_1.ActionError('is set and mcp-headers has an Authorization header too', 'mcp-token', 'use one of the two');
        headers.Authorization = `Bearer ${token}`;
        (0, log_1.registerSecret)(headers.Authorization);
    }
    return headers;
}
function parseSmoke(lines) {
    return lines.map((line) => {
        const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(line);
        let args = {};
        if (m[2]?.trim()) {
            try {
                args = JSON.parse(m[2]);
            }
            catch (e) {
                throw new errors_1.ActionError(`arguments of '${m[1]}' are not JSON (${e.message})`, 'mcp-smoke', `write one call a line: tool-name {"arg": "value"}`);
            }
        }
        if (typeof args !== 'object' || args === null || Array.isArray(args))
            throw new errors_1.ActionError(`arguments of '${m[1]}' must be a JSON object`, 'mcp-smoke', `write e.g. ${m[1]} {"a": 1}`);
        return { tool: m[1], args: args };
    });
}
function parseVerifyInputs(r, cwd) {
    const urlRaw = r.string('mcp-url');
    const commandRaw = r.string('mcp-command');
    if (!urlRaw && !commandRaw)
        throw new errors_1.ActionError('is required when the verify stage runs (or mcp-command)', 'mcp-url', 'set mcp-url to the endpoint, e.g. https://mcp.example.com/mcp, or mcp-command to start the server on stdio');
    const url = urlRaw
        ? httpUrl(urlRaw, 'mcp-url', 'give the full endpoint, e.g. https://mcp.example.com/mcp')
        : undefined;
    const command = commandRaw ? (0, words_1.shellWords)(commandRaw, 'mcp-command') : undefined;
    if (command && !command.length)
        throw new errors_1.ActionError('has no command in it', 'mcp-command', 'write e.g. ./target/release/my-server --stdio');
    const headers = parseHeaders(r);
    const bake = parseBake(r, url, headers);
    const healthRaw = r.string('health-url');
    const baselineRaw = r.string('contract-baseline');
    let baseline = path.resolve(cwd, baselineRaw || exports.DEFAULT_BASELINE);
    let firstBaseline;
    // A missing named baseline is not bad input: init's pipelines name mcp-contract.json before the first
    // release has written it. That release records its contract there instead.
    if (!fs.existsSync(baseline)) {
        if (baselineRaw)
            firstBaseline = baseline;
        baseline = undefined;
    }
    else if (!fs.statSync(baseline).isFile())
        throw new errors_1.ActionError(`'${baselineRaw || exports.DEFAULT_BASELINE}' is not a file (looked at ${baseline})`, 'contract-baseline', 'name the JSON file that `mcp-deploy contract snapshot` wrote');
    const contract = r.oneOf('contract', exports.CONTRACT_MODES);
    return {
        url,
        command,
        headers,
        healthUrl: healthRaw
            ? httpUrl(healthRaw, 'health-url', 'give the full URL, e.g. https://mcp.example.com/health')
            : undefined,
        smoke: parseSmoke(r.lines('mcp-smoke')),
        contract,
        baseline,
        baselineContract: baseline && contract !== 'off' ? readBaseline(baseline, baselineRaw || exports.DEFAULT_BASELINE) : undefined,
        firstBaseline,
        timeoutSec: parseTimeout(r),
        bake,
    };
}
/**
 * The bake's inputs, with what only verify knows: the default selector comes from the deploy stage's
 * namespace and deployments, bake traffic goes to mcp-url, and a scraped /metrics gets the MCP headers
 * only from the same origin (a token must not leak to another host).
 */
function parseBake(r, url, headers) {
    const bake = (0, bake_inputs_1.readBakeInputs)(r, {
        namespace: r.string('namespace'),
        deployments: r.list('deployments').map((d) => d.split('=')[0].trim()),
    });
    if (bake.bakeTimeSec > 0 && bake.trafficRate > 0 && !url)
        throw new errors_1.ActionError('needs mcp-url (the traffic goes to the deployed endpoint)', 'bake-traffic', 'set mcp-url, or bake-traffic to 0');
    if (bake.metricsUrl && url && new URL(bake.metricsUrl).origin === new URL(url).origin)
        bake.metricsHeaders = headers;
    return bake;
}
/**
 * Read with the other inputs, before anything runs: found only at verify time, a broken baseline failed
 * the stage after the deploy, and the rollback then undid a good release because of a file.
 */
function readBaseline(file, shown) {
    try {
        return (0, contract_1.parseContract)(fs.readFileSync(file, 'utf8'), shown);
    }
    catch (e) {
        throw new errors_1.ActionError((0, errors_1.errorMessage)(e), 'contract-baseline', 'write it again with `mcp-deploy contract snapshot --url ... > mcp-contract.json`, or set contract: off');
    }
}
function parseTimeout(r) {
    const s = r.duration('verify-timeout');
    if (s < 1)
        throw new errors_1.ActionError('must be at least 1s', 'verify-timeout', `write e.g. ${(0, inputs_1.defaultOf)('verify-timeout')} or 5m`);
    return s;
}


/***/ }),

/***/ 80610:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.chooseTarget = chooseTarget;
exports.resolveCommand = resolveCommand;
exports.serverEnv = serverEnv;
exports.buildTarget = buildTarget;
exports.healthHeaders = healthHeaders;
exports.planVerify = planVerify;
const path = __importStar(__webpack_require__(76760));
const exec_1 = __webpack_require__(73190);
const client_1 = __webpack_require__(54094);
const inputs_1 = __webpack_require__(61108);
const isReview = (ctx) => ctx.prNumber !== undefined || ctx.event === 'pull_request' || ctx.event === 'merge_request_event';
/**
 * With both a command and a URL, a pull request checks the server it just built (the deployed URL still
 * runs the previous release), and any other run checks what was deployed.
 */
function chooseTarget(i, ctx) {
    if (i.command && !i.url)
        return { kind: 'stdio', why: 'mcp-command: the server started on stdio' };
    if (i.url && !i.command)
        return { kind: 'http', why: 'mcp-url' };
    return isReview(ctx)
        ? { kind: 'stdio', why: 'a pull request: the freshly built server (mcp-command), before merge' }
        : { kind: 'http', why: 'not a pull request: the deployed endpoint (mcp-url)' };
}
/** The command with `{image}` replaced, or undefined when it needs an image this run did not build. */
function resolveCommand(argv, state) {
    if (!argv.some((a) => a.includes(inputs_1.IMAGE_PLACEHOLDER)))
        return argv;
    const image = state.imageRef ?? state.image;
    return image ? argv.map((a) => a.split(inputs_1.IMAGE_PLACEHOLDER).join(image)) : undefined;
}
/**
 * The environment of a stdio server: what any tool gets (exec's toolEnv), so no action input, no secret
 * input's MCP_* variable (MCP_MCP_TOKEN, MCP_PROMETHEUS_TOKEN ...) and no runner credential.
 */
function serverEnv(env = process.env) {
    return Object.fromEntries(Object.entries((0, exec_1.toolEnv)(env)).filter((e) => e[1] !== undefined));
}
/** Scheme, host and path only: a URL may carry user:password. */
const shownUrl = (u) => {
    const p = new URL(u);
    return `${p.origin}${p.pathname}`;
};
function bakePlan(b) {
    if (b.bakeTimeSec <= 0)
        return { bake: 'off (bake-time is 0)' };
    return {
        bake: `${b.bakeTimeSec}s, a check every ${b.intervalSec}s, from ${b.prometheusUrl
            ? `Prometheus ${shownUrl(b.prometheusUrl)}`
            : `${shownUrl(b.metricsUrl)} scraped by the runner`}`,
        ...(b.prometheusUrl ? { 'metrics-selector': b.selector || '(all series)' } : {}),
        'bake-thresholds': `max-error-rate ${b.maxErrorRate}, max-latency-p95 ${b.maxLatencyP95Sec === undefined ? 'none' : `${b.maxLatencyP95Sec}s`}, min-requests ${b.minRequests}`,
        'bake-traffic': b.trafficRate > 0 ? `${b.trafficRate} calls a second` : 'none',
        'bake-compare': b.compare,
    };
}
function buildTarget(i, chosen, cwd, argv) {
    return chosen.kind === 'http'
        ? { kind: 'http', url: i.url, headers: i.headers }
        : { kind: 'stdio', argv: argv ?? i.command, cwd, env: serverEnv() };
}
/** Health requests carry the MCP headers only to the same origin: a token must not leak to another host. */
function healthHeaders(i) {
    if (!i.healthUrl || !i.url)
        return undefined;
    return new URL(i.healthUrl).origin === new URL(i.url).origin ? i.headers : undefined;
}
function planVerify(i, ctx, state) {
    const chosen = chooseTarget(i, ctx);
    const resolved = chosen.kind === 'stdio' ? resolveCommand(i.command, state) : undefined;
    const argv = chosen.kind === 'stdio' ? (resolved ?? i.command) : undefined;
    const headerNames = Object.keys(i.headers);
    return {
        commands: argv ? [{ argv, why: 'the MCP server on stdio, started by the MCP client' }] : [],
        values: {
            ...(argv && !resolved
                ? { [inputs_1.IMAGE_PLACEHOLDER]: 'the image@digest that the build stage of this run pushes' }
                : {}),
            target: chosen.kind === 'http' ? `${(0, client_1.redactUrl)(i.url)} (Streamable HTTP)` : 'stdio',
            'target-why': chosen.why,
            headers: headerNames.length ? `${headerNames.join(', ')} (values masked)` : '(none)',
            'health-url': i.healthUrl ? (0, client_1.redactUrl)(i.healthUrl) : '(none)',
            smoke: i.smoke.map((s) => s.tool).join(', ') || '(none)',
            contract: i.contract,
            'contract-baseline': i.baseline
                ? path.relative(ctx.workspace, i.baseline) || i.baseline
                : i.firstBaseline
                    ? `${path.relative(ctx.workspace, i.firstBaseline) || i.firstBaseline} (not there yet: a passing verify writes it)`
                    : '(none found)',
            'verify-timeout': `${i.timeoutSec}s`,
            ...bakePlan(i.bake),
        },
    };
}


/***/ }),

/***/ 98091:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.judge = judge;
exports.noImage = noImage;
exports.logVerdict = logVerdict;
exports.verifyResult = verifyResult;
const path = __importStar(__webpack_require__(76760));
const log_1 = __webpack_require__(46472);
const summary_1 = __webpack_require__(57994);
const text_1 = __webpack_require__(48992);
const bake_1 = __webpack_require__(14172);
const client_1 = __webpack_require__(54094);
const contract_1 = __webpack_require__(37539);
/** Pure: the checks and the contract diff decide the outcome. */
function judge(report, baseline, mode, baselineName, 
/** The baseline is named but not written yet (the first release): a passing run writes it. */
firstBaseline = false) {
    const failedChecks = report.checks.filter((c) => c.status === 'failed');
    const contract = report.listing ? (0, contract_1.snapshot)(report.listing) : undefined;
    const notes = [];
    let diff;
    if (contract && mode !== 'off') {
        if (baseline)
            diff = (0, contract_1.diffContracts)(baseline, contract);
        else if (!firstBaseline)
            notes.push(`No contract baseline (${baselineName}): the tool contract was recorded but not compared. ` +
                'Write one with `mcp-deploy contract snapshot --url ... > mcp-contract.json` and commit it.');
    }
    const reasons = [];
    if (failedChecks.length)
        reasons.push(failedChecks.map((c) => `${c.name} failed: ${c.detail}`).join('; '));
    if (diff?.breaking && mode === 'fail-on-breaking') {
        const first = diff.changes.filter((c) => c.impact === 'breaking').slice(0, 3);
        reasons.push(`${(0, text_1.plural)(diff.breaking, 'breaking contract change')} against ${baselineName}: ${first
            .map((c) => `${c.where}${c.path ? ` ${c.path}` : ''}: ${c.change}`)
            .join('; ')}${diff.breaking > first.length ? '; ...' : ''}`);
    }
    if (contract && mode !== 'off' && firstBaseline)
        notes.push(reasons.length
            ? `No contract baseline yet (${baselineName}): not written, because this release failed verify.`
            : `No contract baseline yet: wrote this release's contract to ${baselineName}; commit it, and the next release is compared with it.`);
    return { failedChecks, contract, diff, notes, failure: reasons.length ? reasons.join('; ') : undefined };
}
const ms = (n) => (n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`);
const mark = (s) => s === 'passed' ? '✅ passed' : s === 'failed' ? '❌ failed' : '⏭️ skipped';
function verifySummary(target, why, report, v, mode) {
    const s = new summary_1.Summary().heading('Verify');
    s.text(`Target: \`${(0, log_1.redact)((0, client_1.describeTarget)(target))}\` (${why})`);
    s.table(['Check', 'Status', 'Latency', 'Detail'], report.checks.map((c) => [
        c.name,
        mark(c.status),
        c.status === 'skipped' ? '' : ms(c.ms),
        (0, log_1.redact)(c.detail),
    ]));
    if (v.failedChecks.length && report.stderr.trim())
        s.details('server stderr (last lines)', (0, log_1.redact)(report.stderr.trim().split('\n').slice(-20).join('\n')));
    if (v.contract) {
        const c = v.contract;
        s.text(`Contract: ${(0, text_1.plural)(c.tools.length, 'tool')}, ${(0, text_1.plural)(c.prompts.length, 'prompt')}, ${(0, text_1.plural)(c.resourceTemplates.length, 'resource template')} (server ${c.server.name}${c.server.version ? ` ${c.server.version}` : ''}, protocol ${c.protocolVersion}).`);
    }
    if (v.diff) {
        if (!v.diff.changes.length)
            s.text('No contract changes against the baseline.');
        else {
            s.text(`**${(0, text_1.plural)(v.diff.breaking, 'breaking change')}**, ${(0, text_1.plural)(v.diff.compatible, 'compatible change')} (contract: ${mode}).`);
            s.table(['Impact', 'Where', 'Path', 'Change', 'Why'], [...v.diff.changes]
                .sort((a, b) => (a.impact === b.impact ? 0 : a.impact === 'breaking' ? -1 : 1))
                .map((c) => [
                c.impact === 'breaking' ? '💥 breaking' : 'compatible',
                `\`${c.where}\``,
                c.path ? `\`${c.path}\`` : '',
                c.change,
                c.why,
            ]));
        }
    }
    for (const n of v.notes)
        s.text(n);
    return s;
}
/** The `bake` output when the checks failed first: no bake ran. */
function notBaked(o, checksFailed) {
    const reason = o.bakeTimeSec > 0 && checksFailed ? "no bake: verify's checks failed first" : 'bake-time is 0: no bake';
    return (0, bake_1.bakeOutput)({ status: 'off', reason, source: 'none', startedAt: Date.now(), elapsedSec: 0, samples: [] }, o);
}
/** `mcp-command` names `{image}` and this run built none: nothing to start. */
function noImage() {
    return {
        status: 'failure',
        headline: 'no image to start',
        summary: new summary_1.Summary().heading('Verify').text('mcp-command names `{image}` but this run built no image.'),
        outputs: {},
        failure: "input 'mcp-command' uses {image} but no image was built in this run (fix: add build to stages, or name the server's command)",
    };
}
/** Each check as a log line; breaking contract changes and the notes as annotations. */
function logVerdict(report, v, i, workspace) {
    for (const c of report.checks)
        log_1.log.info(`${c.name}: ${c.status} (${ms(c.ms)}) ${c.detail}`);
    for (const c of v.diff?.changes ?? [])
        if (c.impact === 'breaking')
            log_1.log.annotate({
                level: i.contract === 'fail-on-breaking' ? 'error' : 'warning',
                title: `breaking MCP contract change: ${c.where}`,
                file: i.baseline ? path.relative(workspace, i.baseline) : undefined,
                message: `${c.path ? `${c.path}: ` : ''}${c.change} (${c.why})`,
            });
    for (const n of v.notes)
        log_1.log.annotate({ level: 'notice', title: 'verify', message: n });
}
/** "3/3 checks, 0 breaking changes, bake passed" */
function headline(o) {
    const { report, verdict: v, bake } = o;
    const passed = report.checks.filter((c) => c.status === 'passed').length;
    return [
        `${passed}/${report.checks.filter((c) => c.status !== 'skipped').length} checks`,
        v.diff ? (0, text_1.plural)(v.diff.breaking, 'breaking change') : v.contract ? 'no baseline' : '',
        bake && bake.result.status !== 'off' ? `bake ${bake.result.status}` : '',
    ]
        .filter(Boolean)
        .join(', ');
}
function verifyResult(o, i) {
    const { verdict: v, bake } = o;
    const failure = v.failure ?? bake?.failure;
    const summary = verifySummary(o.target, o.why, o.report, v, i.contract);
    if (bake && bake.result.status !== 'off')
        summary.append(bake.summary);
    return {
        status: failure ? 'failure' : 'success',
        headline: headline(o),
        summary,
        outputs: {
            contract: v.contract ? JSON.stringify(v.contract) : '',
            'contract-diff': v.diff ? JSON.stringify(v.diff) : '',
            'breaking-changes': v.diff ? String(v.diff.breaking) : '',
            bake: bake?.output ?? notBaked(i.bake, v.failure),
        },
        failure: failure && (0, log_1.redact)(failure),
    };
}


/***/ }),

/***/ 63156:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.runVerify = runVerify;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const log_1 = __webpack_require__(46472);
const bake_1 = __webpack_require__(14172);
const client_1 = __webpack_require__(54094);
const plan_1 = __webpack_require__(80610);
const report_1 = __webpack_require__(98091);
async function runVerify(i, env) {
    const chosen = (0, plan_1.chooseTarget)(i, env.ctx);
    let argv;
    if (chosen.kind === 'stdio') {
        argv = (0, plan_1.resolveCommand)(i.command, env.state);
        if (!argv)
            return (0, report_1.noImage)();
    }
    const target = (0, plan_1.buildTarget)(i, chosen, env.cwd, argv);
    log_1.log.info(`verifying ${(0, log_1.redact)((0, client_1.describeTarget)(target))} (${chosen.why}) within ${i.timeoutSec}s`);
    const report = await (0, client_1.verifyServer)({
        target,
        healthUrl: i.healthUrl,
        healthHeaders: (0, plan_1.healthHeaders)(i),
        smoke: i.smoke,
        timeoutMs: i.timeoutSec * 1000,
    });
    const named = i.baseline ?? i.firstBaseline;
    const baselineName = named ? path.relative(env.ctx.workspace, named) || named : 'mcp-contract.json';
    const verdict = (0, report_1.judge)(report, i.baselineContract, i.contract, baselineName, !!i.firstBaseline);
    writeFirstBaseline(i, verdict);
    (0, report_1.logVerdict)(report, verdict, i, env.ctx.workspace);
    // The bake only watches a release that answers and keeps its contract; a failed check has decided.
    const bake = verdict.failure ? undefined : await runBakeStep(i, env);
    return (0, report_1.verifyResult)({ target, why: chosen.why, report, verdict, bake }, i);
}
/** The first release's contract becomes the baseline the input names, when verify passed. */
function writeFirstBaseline(i, v) {
    if (!i.firstBaseline || !v.contract || v.failure || i.contract === 'off')
        return;
    fs.mkdirSync(path.dirname(i.firstBaseline), { recursive: true });
    // The format `mcp-deploy contract snapshot` writes, so either one can be committed.
    fs.writeFileSync(i.firstBaseline, `${JSON.stringify(v.contract, null, 2)}\n`);
}
/** The bake, with what the run knows: the endpoint for bake traffic and when deploy started the rollout. */
async function runBakeStep(i, env) {
    return (0, bake_1.bakeStep)(i.bake, {
        mcp: i.url ? { url: i.url, headers: i.headers, smoke: i.smoke } : undefined,
        rolloutStartedAt: env.state.rolloutStartedAt,
    });
}


/***/ }),

/***/ 57443:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Prometheus, two ways: its HTTP API (instant queries on /api/v1/query) when the cluster has one, and the
 * text exposition format of a server's own /metrics when it has not. Plus the PromQL the bake asks.
 *
 * Request headers carry credentials (a bearer token, an API key): they are sent and never put in an
 * error message, a log line or a URL.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.latencyQuantileQuery = exports.errorRateQuery = exports.errorsQuery = exports.requestsQuery = exports.range = exports.METRICS = exports.PrometheusError = void 0;
exports.parseFloatValue = parseFloatValue;
exports.instantQuery = instantQuery;
exports.single = single;
exports.parseExposition = parseExposition;
exports.scrape = scrape;
exports.defaultSelector = defaultSelector;
class PrometheusError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PrometheusError';
    }
}
exports.PrometheusError = PrometheusError;
const DEFAULT_TIMEOUT_MS = 10000;
/** Prometheus writes +Inf, -Inf and NaN; Number() knows only the first two spelled its own way. */
function parseFloatValue(v) {
    if (v === '+Inf' || v === 'Inf')
        return Infinity;
    if (v === '-Inf')
        return -Infinity;
    if (v === 'NaN')
        return NaN;
    const n = Number(v);
    if (v.trim() === '' || Number.isNaN(n))
        throw new PrometheusError(`'${v}' is not a number`);
    return n;
}
async function get(url, o, what) {
    try {
        return await fetch(url, {
            headers: o.headers,
            signal: AbortSignal.timeout(o.timeoutMs ?? DEFAULT_TIMEOUT_MS),
            redirect: 'error',
        });
    }
    catch (e) {
        const err = e;
        if (err.name === 'TimeoutError')
            throw new PrometheusError(`${what}: no answer within ${o.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`);
        throw new PrometheusError(`${what}: ${err.cause?.code ?? err.cause?.message ?? e.message ?? String(e)}`);
    }
}
/** Only scheme, host and path: a URL may hold user:password. */
function where(u) {
    try {
        const p = new URL(u);
        return `${p.origin}${p.pathname}`;
    }
    catch {
        return '(invalid URL)';
    }
}
/** One instant query. `time` in seconds since the epoch (default: Prometheus' now). */
async function instantQuery(o, query, time) {
    const u = new URL('api/v1/query', o.url.endsWith('/') ? o.url : `${o.url}/`);
    u.searchParams.set('query', query);
    if (time !== undefined)
        u.searchParams.set('time', time.toFixed(3));
    const headers = { ...o.headers, ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}) };
    const what = `Prometheus ${where(u.toString())}`;
    const res = await get(u.toString(), { ...o, headers }, what);
    const text = await res.text();
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        throw new PrometheusError(`${what}: HTTP ${res.status}, not a Prometheus API answer: ${text.slice(0, 120)}`);
    }
    if (!res.ok || body.status !== 'success')
        throw new PrometheusError(`${what}: HTTP ${res.status}: ${body.error ?? 'query failed'} (query: ${query})`);
    const data = body.data;
    if (data?.resultType === 'scalar') {
        const [, v] = data.result;
        return [{ labels: {}, value: parseFloatValue(v) }];
    }
    if (data?.resultType !== 'vector')
        throw new PrometheusError(`${what}: expected a vector, got ${data?.resultType} (query: ${query})`);
    return data.result.map((r) => ({
        labels: r.metric,
        value: parseFloatValue(r.value[1]),
    }));
}
/** The single value of an aggregated query; undefined for an empty vector or NaN. */
function single(samples) {
    const v = samples[0]?.value;
    return v === undefined || Number.isNaN(v) ? undefined : v;
}
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
/**
 * The text exposition format 0.0.4: `name{label="value",...} value [timestamp]`. Comments, HELP and TYPE
 * lines are skipped; a malformed line is an error naming its number, not a silent zero.
 */
function parseExposition(text) {
    const out = [];
    text.split('\n').forEach((raw, i) => {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            return;
        const bad = (why) => new PrometheusError(`metrics line ${i + 1}: ${why}: ${line.slice(0, 120)}`);
        const name = NAME.exec(line)?.[0];
        if (!name)
            throw bad('no metric name');
        let pos = name.length;
        const labels = {};
        if (line[pos] === '{') {
            pos++;
            for (;;) {
                while (line[pos] === ' ' || line[pos] === ',')
                    pos++;
                if (line[pos] === '}') {
                    pos++;
                    break;
                }
                const key = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(pos))?.[0];
                if (!key || line.slice(pos + key.length, pos + key.length + 2) !== '="')
                    throw bad('bad label');
                pos += key.length + 2;
                let value = '';
                for (;;) {
                    const c = line[pos++];
                    if (c === undefined)
                        throw bad('unterminated label value');
                    if (c === '"')
                        break;
                    if (c === '\\') {
                        const n = line[pos++];
                        value += n === 'n' ? '\n' : (n ?? '');
                    }
                    else
                        value += c;
                }
                labels[key] = value;
            }
        }
        const fields = line.slice(pos).trim().split(/\s+/);
        if (!fields[0] || fields.length > 2)
            throw bad('expected a value and an optional timestamp');
        try {
            out.push({ name, labels, value: parseFloatValue(fields[0]) });
        }
        catch {
            throw bad('the value is not a number');
        }
    });
    return out;
}
async function scrape(url, o = {}) {
    const what = `metrics ${where(url)}`;
    const res = await get(url, o, what);
    const text = await res.text();
    if (!res.ok)
        throw new PrometheusError(`${what}: HTTP ${res.status}`);
    return parseExposition(text);
}
// ---- PromQL ----
exports.METRICS = {
    requests: 'mcp_tool_requests_total',
    errors: 'mcp_tool_errors_total',
    duration: 'mcp_tool_duration_seconds',
};
/** Whole seconds, at least 1: PromQL ranges take no fractions in the short form. */
const range = (seconds) => `${Math.max(1, Math.ceil(seconds))}s`;
exports.range = range;
const sel = (metric, selector) => `${metric}{${selector}}`;
/** Tool calls in the window, all tools and pods together. */
const requestsQuery = (selector, windowSec) => `sum(increase(${sel(exports.METRICS.requests, selector)}[${(0, exports.range)(windowSec)}]))`;
exports.requestsQuery = requestsQuery;
const errorsQuery = (selector, windowSec) => `sum(increase(${sel(exports.METRICS.errors, selector)}[${(0, exports.range)(windowSec)}]))`;
exports.errorsQuery = errorsQuery;
/** Share of tool calls that failed in the window: NaN (no value) when there were none. */
const errorRateQuery = (selector, windowSec) => `${(0, exports.errorsQuery)(selector, windowSec)} / ${(0, exports.requestsQuery)(selector, windowSec)}`;
exports.errorRateQuery = errorRateQuery;
const latencyQuantileQuery = (selector, windowSec, q = 0.95) => `histogram_quantile(${q}, sum by (le) (rate(${sel(`${exports.METRICS.duration}_bucket`, selector)}[${(0, exports.range)(windowSec)}])))`;
exports.latencyQuantileQuery = latencyQuantileQuery;
/**
 * The label matchers of one Deployment's pods as Prometheus' Kubernetes service discovery labels them
 * with the usual relabelling (the kubernetes-pods job of the Prometheus Helm chart, kube-prometheus'
 * PodMonitors): `namespace` from __meta_kubernetes_namespace and `pod` from __meta_kubernetes_pod_name.
 * A Deployment's pods are named <deployment>-<pod-template-hash>-<suffix>, so the regex matches this
 * Deployment's pods of every revision, and not those of a Deployment whose name merely starts the same.
 */
function defaultSelector(namespace, deployments) {
    const names = deployments.map((d) => d.replace(/[.\\^$|?*+()[\]{}]/g, '\\\\$&'));
    const pod = names.length === 1 ? names[0] : `(${names.join('|')})`;
    return [
        ...(namespace ? [`namespace="${namespace}"`] : []),
        ...(names.length ? [`pod=~"${pod}-[a-z0-9]+-[a-z0-9]+"`] : []),
    ].join(',');
}


/***/ }),

/***/ 75846:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.shellWords = shellWords;
const shell_quote_1 = __webpack_require__(26591);
const errors_1 = __webpack_require__(83916);
/**
 * An input that holds a command line (clippy-args, test-args, mcp-command) as argv: words with '…' and
 * "…" quoting and backslash escapes, read by shell-quote. It is never given to a shell, so shell syntax
 * (; | && > $(…) …) would not do what it says: it is refused, as is an unclosed quote. $VAR stays as
 * written.
 */
function shellWords(s, input) {
    const open = unclosedQuote(s);
    if (open)
        throw new errors_1.ActionError(`has an unclosed ${open} quote`, input, `close it, e.g. ${open}a b${open}`);
    const out = [];
    for (const t of (0, shell_quote_1.parse)(s, (name) => `$${name}`)) {
        if (typeof t === 'string')
            out.push(t);
        else if ('op' in t && t.op === 'glob')
            out.push(t.pattern);
        else
            throw new errors_1.ActionError(`'${'op' in t ? t.op : `#${t.comment}`}' is shell syntax, but this is split into words and never run by a shell`, input, "quote it (e.g. 'a;b') or leave it out");
    }
    return out;
}
function unclosedQuote(s) {
    let quote;
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (quote === `'`) {
            if (c === `'`)
                quote = undefined;
        }
        else if (c === '\\')
            i++;
        else if (quote === '"') {
            if (c === '"')
                quote = undefined;
        }
        else if (c === `'` || c === '"')
            quote = c;
    }
    return quote;
}


/***/ })

};
;