//! End-to-end tests of the Streamable HTTP transport against the real binary.

mod common;

use common::*;
use std::io::Write;
use std::net::TcpListener;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn initialize_list_call_and_delete_on_one_keep_alive_connection() {
    let server = Server::start(&[]);
    let mut c = server.client();

    let r = c.post(&[], INIT);
    assert_eq!(r.status, 200);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    let sid = r.header("mcp-session-id").unwrap().to_string();
    assert_eq!(sid.len(), 32);
    assert!(sid.bytes().all(|b| b.is_ascii_hexdigit()));
    let init = r.json();
    let result = init.get("result").unwrap();
    assert_eq!(init.get("id").unwrap().as_i64(), Some(1));
    assert_eq!(
        result.get("protocolVersion").unwrap().as_str(),
        Some("2025-06-18")
    );
    assert_eq!(
        result.get("capabilities").unwrap().to_json(),
        r#"{"tools":{"listChanged":false}}"#
    );
    assert_eq!(
        result
            .get("serverInfo")
            .unwrap()
            .get("name")
            .unwrap()
            .as_str(),
        Some("hello-mcp")
    );

    let session = [
        ("Mcp-Session-Id", sid.as_str()),
        ("MCP-Protocol-Version", "2025-06-18"),
    ];
    let r = c.post(
        &session,
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
    );
    assert_eq!((r.status, r.body.len()), (202, 0));

    let r = c.post(&session, &rpc(2, "tools/list", "{}"));
    assert_eq!(r.status, 200);
    let tools = r.json();
    let names: Vec<&str> = tools
        .get("result")
        .unwrap()
        .get("tools")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.get("name").unwrap().as_str().unwrap())
        .collect();
    assert_eq!(names, ["echo", "add"]);

    let r = c.post(
        &session,
        &rpc(
            3,
            "tools/call",
            r#"{"name":"echo","arguments":{"message":"hi ✓"}}"#,
        ),
    );
    assert_eq!(
        r.json().get("result").unwrap().to_json(),
        r#"{"content":[{"type":"text","text":"hi ✓"}],"isError":false}"#
    );
    let r = c.post(
        &session,
        &rpc(
            4,
            "tools/call",
            r#"{"name":"add","arguments":{"a":1.5,"b":2}}"#,
        ),
    );
    let result = r.json().get("result").unwrap().clone();
    assert_eq!(
        result.get("structuredContent").unwrap().to_json(),
        r#"{"sum":3.5}"#
    );

    let r = c.post(
        &session,
        &rpc(5, "tools/call", r#"{"name":"add","arguments":{"a":1}}"#),
    );
    assert_eq!(
        r.json().get("result").unwrap().get("isError"),
        Some(&Value::Bool(true))
    );
    let r = c.post(
        &session,
        &rpc(6, "tools/call", r#"{"name":"nope","arguments":{}}"#),
    );
    assert_eq!(
        r.json().get("error").unwrap().get("code").unwrap().as_i64(),
        Some(-32602)
    );
    let r = c.post(&session, &rpc(7, "resources/list", "{}"));
    assert_eq!(
        r.json().get("error").unwrap().get("code").unwrap().as_i64(),
        Some(-32601)
    );
    let r = c.post(&session, r#"{"jsonrpc":"2.0","id":"p","method":"ping"}"#);
    assert_eq!(r.text(), r#"{"jsonrpc":"2.0","id":"p","result":{}}"#);

    let r = c.send("DELETE", "/mcp", &[("Mcp-Session-Id", &sid)], b"");
    assert!(r.status == 200 || r.status == 204, "{}", r.status);
    let r = c.post(&session, &rpc(8, "ping", "{}"));
    assert_eq!(r.status, 404);
    let r = c.send("DELETE", "/mcp", &[("Mcp-Session-Id", &sid)], b"");
    assert_eq!(r.status, 404);
}

#[test]
fn session_and_transport_errors() {
    let server = Server::start(&[]);
    let (mut c, sid) = server.session();
    let ping = rpc(9, "ping", "{}");

    let r = c.post(&[], &ping);
    assert_eq!(r.status, 400, "missing session id");
    let r = c.post(
        &[("Mcp-Session-Id", "0123456789abcdef0123456789abcdef")],
        &ping,
    );
    assert_eq!(r.status, 404, "unknown session id");
    let r = c.post(
        &[
            ("Mcp-Session-Id", &sid),
            ("MCP-Protocol-Version", "2099-01-01"),
        ],
        &ping,
    );
    assert_eq!(r.status, 400, "unsupported protocol version");
    let r = c.post(
        &[
            ("Mcp-Session-Id", &sid),
            ("MCP-Protocol-Version", "2025-03-26"),
        ],
        &ping,
    );
    assert_eq!(r.status, 200, "supported protocol version");

    let r = c.send(
        "GET",
        "/mcp",
        &[("Accept", "text/event-stream"), ("Mcp-Session-Id", &sid)],
        b"",
    );
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("POST, DELETE"));

    let r = c.send(
        "POST",
        "/mcp",
        &[("Accept", "text/html"), JSON],
        INIT.as_bytes(),
    );
    assert_eq!(r.status, 406);
    let r = c.send(
        "POST",
        "/mcp",
        &[ACCEPT, ("Content-Type", "text/plain")],
        INIT.as_bytes(),
    );
    assert_eq!(r.status, 415);

    let r = c.post(&[("Mcp-Session-Id", &sid)], "{\"jsonrpc\":\"2.0\",");
    assert_eq!(r.status, 400);
    let v = r.json();
    assert_eq!(
        v.get("error").unwrap().get("code").unwrap().as_i64(),
        Some(-32700)
    );
    assert!(v.get("id").unwrap().is_null());

    let r = c.post(
        &[("Mcp-Session-Id", &sid)],
        r#"{"jsonrpc":"2.0","id":3,"method":42}"#,
    );
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json().get("error").unwrap().get("code").unwrap().as_i64(),
        Some(-32600)
    );

    // A batch is refused, and the server keeps working.
    let batch = format!("[{ping},{ping}]");
    let r = c.post(&[("Mcp-Session-Id", &sid)], &batch);
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json().get("error").unwrap().get("code").unwrap().as_i64(),
        Some(-32600)
    );
    let r = c.post(&[("Mcp-Session-Id", &sid)], &ping);
    assert_eq!(r.status, 200);

    let r = c.get("/nope");
    assert_eq!(r.status, 404);
}

#[test]
fn dns_rebinding_protection() {
    let server = Server::start(&[]);
    let mut c = server.client();
    let port = server.addr.port();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let r = c.send(
            "POST",
            "/mcp",
            &[("Host", &host), ACCEPT, JSON],
            INIT.as_bytes(),
        );
        assert_eq!(r.status, 200, "{host}");
    }
    let r = c.send(
        "POST",
        "/mcp",
        &[("Host", "evil.example.com"), ACCEPT, JSON],
        INIT.as_bytes(),
    );
    assert_eq!(r.status, 403);
    let r = c.send(
        "POST",
        "/mcp",
        &[
            ("Host", "evil.example.com:80"),
            ("Origin", "http://evil.example.com"),
            ACCEPT,
            JSON,
        ],
        INIT.as_bytes(),
    );
    assert_eq!(r.status, 403);
    let r = c.post(&[("Origin", "http://evil.example.com")], INIT);
    assert_eq!(r.status, 403, "good Host, bad Origin");
    let r = c.post(&[("Origin", &format!("http://localhost:{port}"))], INIT);
    assert_eq!(r.status, 200);
    let r = c.send("GET", "/mcp", &[("Host", "evil.example.com")], b"");
    assert_eq!(r.status, 403);
    // Probes and scrapers use the pod IP as Host: /health and /metrics are not restricted.
    let r = c.send("GET", "/health", &[("Host", "10.0.0.7:8080")], b"");
    assert_eq!(r.status, 200);

    let server = Server::start(&[(
        "MCP_ALLOWED_HOSTS",
        "mcp.example.com, other.example.org:8443",
    )]);
    let mut c = server.client();
    let r = c.send(
        "POST",
        "/mcp",
        &[
            ("Host", "mcp.example.com"),
            ("Origin", "https://mcp.example.com"),
            ACCEPT,
            JSON,
        ],
        INIT.as_bytes(),
    );
    assert_eq!(r.status, 200);
    let r = c.send(
        "POST",
        "/mcp",
        &[("Host", "other.example.org:8443"), ACCEPT, JSON],
        INIT.as_bytes(),
    );
    assert_eq!(r.status, 200);
    let r = c.send(
        "POST",
        "/mcp",
        &[("Host", "other.example.org:9999"), ACCEPT, JSON],
        INIT.as_bytes(),
    );
    assert_eq!(r.status, 403);
    let r = c.send(
        "POST",
        "/mcp",
        &[("Host", "evil.example.com"), ACCEPT, JSON],
        INIT.as_bytes(),
    );
    assert_eq!(r.status, 403);
}

#[test]
fn health_ready_and_metrics_counters() {
    let server = Server::start(&[]);
    let (mut c, sid) = server.session();

    let r = c.get("/health");
    assert_eq!((r.status, r.text().as_str()), (200, r#"{"status":"ok"}"#));
    assert_eq!(c.get("/ready").status, 200);
    let r = c.send("HEAD", "/health", &[], b"");
    assert_eq!((r.status, r.body.len()), (200, 0));

    let before = c.get("/metrics");
    assert_eq!(before.status, 200);
    assert!(before
        .header("content-type")
        .unwrap()
        .starts_with("text/plain; version=0.0.4"));
    let before = before.text();
    let echo_requests = r#"mcp_tool_requests_total{tool="echo"}"#;
    let add_errors = r#"mcp_tool_errors_total{tool="add"}"#;
    let echo_count = r#"mcp_tool_duration_seconds_count{tool="echo"}"#;
    let echo_inf = r#"mcp_tool_duration_seconds_bucket{tool="echo",le="+Inf"}"#;
    assert_eq!(metric(&before, echo_requests), Some(0.0));
    assert_eq!(metric(&before, add_errors), Some(0.0));
    for line in [
        "# TYPE mcp_tool_requests_total counter",
        "# TYPE mcp_tool_errors_total counter",
        "# TYPE mcp_tool_duration_seconds histogram",
        "# TYPE mcp_http_requests_total counter",
        "# TYPE process_resident_memory_bytes gauge",
    ] {
        assert!(before.lines().any(|l| l == line), "missing {line}");
    }
    assert!(metric(&before, "process_resident_memory_bytes").unwrap() > 0.0);
    assert_eq!(metric(&before, "mcp_active_sessions"), Some(1.0));

    let s = [("Mcp-Session-Id", sid.as_str())];
    c.post(
        &s,
        &rpc(
            2,
            "tools/call",
            r#"{"name":"echo","arguments":{"message":"m"}}"#,
        ),
    );
    c.post(
        &s,
        &rpc(
            3,
            "tools/call",
            r#"{"name":"add","arguments":{"a":"x","b":1}}"#,
        ),
    );

    let after = c.get("/metrics").text();
    assert_eq!(metric(&after, echo_requests), Some(1.0));
    assert_eq!(metric(&after, echo_count), Some(1.0));
    assert_eq!(metric(&after, echo_inf), Some(1.0));
    assert_eq!(metric(&after, add_errors), Some(1.0));
    let health_series = r#"mcp_http_requests_total{method="GET",path="/health",status="200"}"#;
    assert_eq!(metric(&after, health_series), Some(1.0));
    let posts = r#"mcp_http_requests_total{method="POST",path="/mcp",status="200"}"#;
    assert!(metric(&after, posts).unwrap() >= 3.0);
    assert!(metric(&after, "mcp_tool_duration_seconds_sum{tool=\"echo\"}").unwrap() >= 0.0);
}

#[test]
fn chunked_bodies_partial_writes_and_pipelining() {
    let server = Server::start(&[]);
    let (mut c, sid) = server.session();

    // Chunked body, written a few bytes at a time.
    let body = rpc(
        2,
        "tools/call",
        r#"{"name":"echo","arguments":{"message":"chunky"}}"#,
    );
    let (a, b) = body.split_at(10);
    let req = format!(
        "POST /mcp HTTP/1.1\r\nHost: {}\r\nAccept: application/json, text/event-stream\r\nContent-Type: application/json\r\nMcp-Session-Id: {sid}\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n",
        c.host,
        a.len(),
        b.len()
    );
    for piece in req.as_bytes().chunks(7) {
        c.stream.write_all(piece).unwrap();
        c.stream.flush().unwrap();
        std::thread::sleep(Duration::from_millis(1));
    }
    let r = c.read_response(false);
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains(r#""text":"chunky""#));

    // Two pipelined requests in one write.
    let one = format!("GET /health HTTP/1.1\r\nHost: {}\r\n\r\n", c.host);
    c.stream
        .write_all(format!("{one}{one}").as_bytes())
        .unwrap();
    assert_eq!(c.read_response(false).status, 200);
    assert_eq!(c.read_response(false).status, 200);

    // Expect: 100-continue gets an interim response (skipped by the client helper).
    let r = c.send(
        "POST",
        "/mcp",
        &[
            ACCEPT,
            JSON,
            ("Mcp-Session-Id", &sid),
            ("Expect", "100-continue"),
        ],
        rpc(3, "ping", "{}").as_bytes(),
    );
    assert_eq!(r.status, 200);
}

#[test]
fn oversized_and_malformed_requests_are_refused_without_harm() {
    let server = Server::start(&[]);
    let mut c = server.client();
    let big = vec![b' '; 1024 * 1024 + 1];
    let head = format!(
        "POST /mcp HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        c.host,
        big.len()
    );
    c.stream.write_all(head.as_bytes()).unwrap();
    let r = c.read_response(false);
    assert_eq!(r.status, 413);
    assert_eq!(r.header("connection"), Some("close"));

    let mut c = server.client();
    c.stream.write_all(b"NOT HTTP AT ALL\r\n\r\n").unwrap();
    assert_eq!(c.read_response(false).status, 400);
    assert!(c.is_closed());

    // Deeply nested JSON is a parse error, not a crash.
    let (mut c, sid) = server.session();
    let deep = "[".repeat(50_000);
    let r = c.post(&[("Mcp-Session-Id", &sid)], &deep);
    assert_eq!(r.status, 400);
    assert_eq!(server.client().get("/health").status, 200);
}

#[test]
fn concurrent_sessions() {
    let server = Server::start(&[]);
    let addr = server.addr;
    let threads: Vec<_> = (0..16)
        .map(|i| {
            std::thread::spawn(move || {
                let mut c = Client::connect(addr);
                let r = c.post(&[], INIT);
                let sid = r.header("mcp-session-id").unwrap().to_string();
                for j in 0..10 {
                    let call = rpc(
                        j,
                        "tools/call",
                        &format!(r#"{{"name":"add","arguments":{{"a":{i},"b":{j}}}}}"#),
                    );
                    let r = c.post(&[("Mcp-Session-Id", &sid)], &call);
                    let sum = r
                        .json()
                        .get("result")
                        .unwrap()
                        .get("structuredContent")
                        .unwrap()
                        .get("sum")
                        .unwrap()
                        .as_i64();
                    assert_eq!(sum, Some(i64::from(i + j)));
                }
                sid
            })
        })
        .collect();
    let mut ids: Vec<String> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 16, "session ids are unique");
    let text = server.client().get("/metrics").text();
    assert_eq!(
        metric(&text, r#"mcp_tool_requests_total{tool="add"}"#),
        Some(160.0)
    );
}

#[test]
fn health_check_flag_exit_codes() {
    let server = Server::start(&[]);
    let port = server.addr.port().to_string();
    let ok = Command::new(BIN)
        .args(["--health-check"])
        .env("MCP_SERVER_PORT", &port)
        .env_remove("MCP_SERVER_HOST")
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    // A port nobody listens on.
    let free = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let down = Command::new(BIN)
        .args(["--health-check"])
        .env("MCP_SERVER_PORT", free.to_string())
        .env_remove("MCP_SERVER_HOST")
        .output()
        .unwrap();
    assert_eq!(down.status.code(), Some(1));

    // Something that answers, but not 200.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        if let Ok((mut s, _)) = listener.accept() {
            let mut buf = [0u8; 1024];
            let _ = std::io::Read::read(&mut s, &mut buf);
            let _ = s.write_all(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
        }
    });
    let unhealthy = Command::new(BIN)
        .args(["--health-check"])
        .env("MCP_SERVER_PORT", port.to_string())
        .env_remove("MCP_SERVER_HOST")
        .output()
        .unwrap();
    assert_eq!(unhealthy.status.code(), Some(1));
}

#[test]
fn cli_flags() {
    let v = Command::new(BIN).arg("--version").output().unwrap();
    assert!(v.status.success());
    assert_eq!(
        String::from_utf8_lossy(&v.stdout).trim(),
        format!("hello-mcp {}", env!("CARGO_PKG_VERSION"))
    );
    let h = Command::new(BIN).arg("--help").output().unwrap();
    assert!(h.status.success());
    let help = String::from_utf8_lossy(&h.stdout);
    for word in [
        "--stdio",
        "--health-check",
        "MCP_SERVER_PORT",
        "MCP_SERVER_HOST",
        "MCP_ALLOWED_HOSTS",
        "RUST_LOG",
    ] {
        assert!(help.contains(word), "help lacks {word}");
    }
    let bad = Command::new(BIN).arg("--bogus").output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let bad_port = Command::new(BIN)
        .env("MCP_SERVER_PORT", "http")
        .output()
        .unwrap();
    assert_eq!(bad_port.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_port.stderr).contains("MCP_SERVER_PORT"));
}

#[cfg(unix)]
#[test]
fn sigterm_shuts_down_gracefully() {
    let mut server = Server::start(&[]);
    assert_eq!(server.client().get("/health").status, 200);
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let started = Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(0));
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "server did not exit after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn fail_rate_makes_that_share_of_tool_calls_fail_and_counts_them() {
    let server = Server::start(&[("HELLO_MCP_FAIL_RATE", "0.5")]);
    let (mut c, sid) = server.session();
    let s = [("Mcp-Session-Id", sid.as_str())];
    let errors: Vec<bool> = (0..6)
        .map(|i| {
            let body = rpc(
                10 + i,
                "tools/call",
                r#"{"name":"echo","arguments":{"message":"m"}}"#,
            );
            let v = c.post(&s, &body).json();
            v.get("result").and_then(|r| r.get("isError")) == Some(&Value::Bool(true))
        })
        .collect();
    assert_eq!(errors, [false, true, false, true, false, true]);
    let text = c.get("/metrics").text();
    assert_eq!(
        metric(&text, r#"mcp_tool_requests_total{tool="echo"}"#),
        Some(6.0)
    );
    assert_eq!(
        metric(&text, r#"mcp_tool_errors_total{tool="echo"}"#),
        Some(3.0)
    );
}

#[test]
fn bad_fail_rate_is_refused_at_start() {
    let out = std::process::Command::new(BIN)
        .env("HELLO_MCP_FAIL_RATE", "2")
        .env("MCP_SERVER_PORT", "0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HELLO_MCP_FAIL_RATE"));
}
