//! Prometheus metrics, rendered in the text exposition format 0.0.4.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `Content-Type` of the `/metrics` response.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Upper bounds (seconds) of the tool duration histogram buckets; `+Inf` is implicit.
pub const DURATION_BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
];

#[derive(Debug, Default, Clone)]
struct ToolStats {
    requests: u64,
    errors: u64,
    /// Non-cumulative counts per bucket; the last slot is `+Inf`.
    buckets: [u64; DURATION_BUCKETS.len() + 1],
    sum: f64,
    count: u64,
}

#[derive(Debug, Default, Clone)]
struct Inner {
    tools: BTreeMap<String, ToolStats>,
    http: BTreeMap<(String, String, u16), u64>,
    rpc: BTreeMap<String, u64>,
}

/// All counters of the process. Cheap enough to lock per request.
#[derive(Debug)]
pub struct Metrics {
    inner: Mutex<Inner>,
    start: SystemTime,
}

impl Metrics {
    /// Metrics with zeroed series for `tools`, so they are visible before the first call.
    pub fn new(tools: &[&str]) -> Metrics {
        let mut inner = Inner::default();
        for t in tools {
            inner.tools.insert((*t).to_string(), ToolStats::default());
        }
        Metrics {
            inner: Mutex::new(inner),
            start: SystemTime::now(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave counters inconsistent in a harmful way.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records one `tools/call` of a known tool.
    pub fn observe_tool(&self, tool: &str, elapsed: Duration, is_error: bool) {
        let secs = elapsed.as_secs_f64();
        let mut inner = self.lock();
        let stats = inner.tools.entry(tool.to_string()).or_default();
        stats.requests += 1;
        if is_error {
            stats.errors += 1;
        }
        let idx = DURATION_BUCKETS
            .iter()
            .position(|&b| secs <= b)
            .unwrap_or(DURATION_BUCKETS.len());
        stats.buckets[idx] += 1;
        stats.sum += secs;
        stats.count += 1;
    }

    /// Records one HTTP response. `path` must be a bounded set (callers normalise unknown paths).
    pub fn observe_http(&self, method: &str, path: &str, status: u16) {
        *self
            .lock()
            .http
            .entry((method.to_string(), path.to_string(), status))
            .or_insert(0) += 1;
    }

    /// Records one JSON-RPC message by method (callers map unknown methods to `other`).
    pub fn observe_rpc(&self, method: &str) {
        *self.lock().rpc.entry(method.to_string()).or_insert(0) += 1;
    }

    /// The exposition text.
    pub fn render(&self, active_sessions: usize) -> String {
        let inner = self.lock().clone();
        let mut out = String::new();

        header(
            &mut out,
            "mcp_tool_requests_total",
            "counter",
            "Total tools/call requests by tool.",
        );
        for (tool, s) in &inner.tools {
            let _ = writeln!(
                out,
                "mcp_tool_requests_total{{tool=\"{}\"}} {}",
                escape(tool),
                s.requests
            );
        }
        header(
            &mut out,
            "mcp_tool_errors_total",
            "counter",
            "Total tools/call requests that returned an error, by tool.",
        );
        for (tool, s) in &inner.tools {
            let _ = writeln!(
                out,
                "mcp_tool_errors_total{{tool=\"{}\"}} {}",
                escape(tool),
                s.errors
            );
        }
        header(
            &mut out,
            "mcp_tool_duration_seconds",
            "histogram",
            "Duration of tools/call requests in seconds, by tool.",
        );
        for (tool, s) in &inner.tools {
            let tool = escape(tool);
            let mut cumulative = 0;
            for (i, bound) in DURATION_BUCKETS.iter().enumerate() {
                cumulative += s.buckets[i];
                let _ = writeln!(
                    out,
                    "mcp_tool_duration_seconds_bucket{{tool=\"{tool}\",le=\"{}\"}} {cumulative}",
                    fmt_f64(*bound)
                );
            }
            cumulative += s.buckets[DURATION_BUCKETS.len()];
            let _ = writeln!(
                out,
                "mcp_tool_duration_seconds_bucket{{tool=\"{tool}\",le=\"+Inf\"}} {cumulative}"
            );
            let _ = writeln!(
                out,
                "mcp_tool_duration_seconds_sum{{tool=\"{tool}\"}} {}",
                fmt_f64(s.sum)
            );
            let _ = writeln!(
                out,
                "mcp_tool_duration_seconds_count{{tool=\"{tool}\"}} {}",
                s.count
            );
        }
        header(
            &mut out,
            "mcp_jsonrpc_requests_total",
            "counter",
            "Total JSON-RPC messages received, by method.",
        );
        for (method, n) in &inner.rpc {
            let _ = writeln!(
                out,
                "mcp_jsonrpc_requests_total{{method=\"{}\"}} {n}",
                escape(method)
            );
        }
        header(
            &mut out,
            "mcp_http_requests_total",
            "counter",
            "Total HTTP requests by method, path and status code.",
        );
        for ((method, path, status), n) in &inner.http {
            let _ = writeln!(
                out,
                "mcp_http_requests_total{{method=\"{}\",path=\"{}\",status=\"{status}\"}} {n}",
                escape(method),
                escape(path)
            );
        }
        header(
            &mut out,
            "mcp_active_sessions",
            "gauge",
            "Number of open Streamable HTTP sessions.",
        );
        let _ = writeln!(out, "mcp_active_sessions {active_sessions}");
        header(
            &mut out,
            "hello_mcp_build_info",
            "gauge",
            "Build information; the value is always 1.",
        );
        let _ = writeln!(
            out,
            "hello_mcp_build_info{{version=\"{}\"}} 1",
            escape(env!("CARGO_PKG_VERSION"))
        );
        header(
            &mut out,
            "process_start_time_seconds",
            "gauge",
            "Start time of the process since unix epoch in seconds.",
        );
        let start = self
            .start
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs_f64();
        let _ = writeln!(out, "process_start_time_seconds {}", fmt_f64(start));
        if let Some(rss) = resident_memory_bytes() {
            header(
                &mut out,
                "process_resident_memory_bytes",
                "gauge",
                "Resident memory size in bytes.",
            );
            let _ = writeln!(out, "process_resident_memory_bytes {rss}");
        }
        out
    }
}

fn header(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

/// Escapes a label value: backslash, double quote and newline.
pub fn escape(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn fmt_f64(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "+Inf" } else { "-Inf" }.into()
    } else {
        format!("{f}")
    }
}

/// Resident set size: `VmRSS` from /proc/self/status, else the second field of /proc/self/statm
/// times a 4 KiB page. `None` where /proc is unavailable.
pub fn resident_memory_bytes() -> Option<u64> {
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        for line in status.lines() {
            if let Some(rest) = line.strip_prefix("VmRSS:") {
                let kb: u64 = rest.trim().trim_end_matches("kB").trim().parse().ok()?;
                return Some(kb * 1024);
            }
        }
    }
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(text: &str, series: &str) -> Option<String> {
        text.lines()
            .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
            .map(|l| l[series.len() + 1..].to_string())
    }

    #[test]
    fn renders_zeroed_series_for_known_tools() {
        let m = Metrics::new(&["echo", "add"]);
        let text = m.render(0);
        assert_eq!(
            sample(&text, "mcp_tool_requests_total{tool=\"echo\"}").as_deref(),
            Some("0")
        );
        assert_eq!(
            sample(&text, "mcp_tool_errors_total{tool=\"add\"}").as_deref(),
            Some("0")
        );
        assert_eq!(
            sample(&text, "mcp_tool_duration_seconds_count{tool=\"add\"}").as_deref(),
            Some("0")
        );
        assert!(text.contains("# TYPE mcp_tool_duration_seconds histogram\n"));
        assert!(text.contains("# TYPE mcp_tool_requests_total counter\n"));
        assert_eq!(sample(&text, "mcp_active_sessions").as_deref(), Some("0"));
    }

    #[test]
    fn histogram_buckets_are_cumulative() {
        let m = Metrics::new(&["add"]);
        m.observe_tool("add", Duration::from_micros(200), false);
        m.observe_tool("add", Duration::from_millis(20), true);
        m.observe_tool("add", Duration::from_secs(10), false);
        let text = m.render(2);
        let b = |le: &str| {
            sample(
                &text,
                &format!("mcp_tool_duration_seconds_bucket{{tool=\"add\",le=\"{le}\"}}"),
            )
        };
        assert_eq!(b("0.0005").as_deref(), Some("1"));
        assert_eq!(b("0.01").as_deref(), Some("1"));
        assert_eq!(b("0.025").as_deref(), Some("2"));
        assert_eq!(b("2.5").as_deref(), Some("2"));
        assert_eq!(b("+Inf").as_deref(), Some("3"));
        assert_eq!(
            sample(&text, "mcp_tool_duration_seconds_count{tool=\"add\"}").as_deref(),
            Some("3")
        );
        let sum: f64 = sample(&text, "mcp_tool_duration_seconds_sum{tool=\"add\"}")
            .unwrap()
            .parse()
            .unwrap();
        assert!((sum - 10.0202).abs() < 1e-9);
        assert_eq!(
            sample(&text, "mcp_tool_requests_total{tool=\"add\"}").as_deref(),
            Some("3")
        );
        assert_eq!(
            sample(&text, "mcp_tool_errors_total{tool=\"add\"}").as_deref(),
            Some("1")
        );
        assert_eq!(sample(&text, "mcp_active_sessions").as_deref(), Some("2"));
    }

    #[test]
    fn counts_http_and_rpc() {
        let m = Metrics::new(&[]);
        m.observe_http("POST", "/mcp", 200);
        m.observe_http("POST", "/mcp", 200);
        m.observe_http("GET", "/health", 200);
        m.observe_rpc("tools/list");
        let text = m.render(0);
        assert_eq!(
            sample(
                &text,
                "mcp_http_requests_total{method=\"POST\",path=\"/mcp\",status=\"200\"}"
            )
            .as_deref(),
            Some("2")
        );
        assert_eq!(
            sample(&text, "mcp_jsonrpc_requests_total{method=\"tools/list\"}").as_deref(),
            Some("1")
        );
    }

    #[test]
    fn every_sample_has_help_and_type() {
        let m = Metrics::new(&["echo"]);
        m.observe_http("GET", "/metrics", 200);
        m.observe_rpc("ping");
        let text = m.render(1);
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let name = line.split(['{', ' ']).next().unwrap();
            let family = ["_bucket", "_sum", "_count"]
                .iter()
                .find_map(|s| {
                    name.strip_suffix(s)
                        .filter(|f| text.contains(&format!("# TYPE {f} histogram")))
                })
                .unwrap_or(name);
            assert!(
                text.contains(&format!("# HELP {family} ")),
                "no HELP for {family}"
            );
            assert!(
                text.contains(&format!("# TYPE {family} ")),
                "no TYPE for {family}"
            );
            let value = line.rsplit(' ').next().unwrap();
            assert!(value.parse::<f64>().is_ok(), "bad value in {line}");
        }
    }

    #[test]
    fn escapes_label_values() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }

    #[test]
    fn reads_resident_memory_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(resident_memory_bytes().unwrap() > 0);
        }
    }
}
