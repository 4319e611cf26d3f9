//! Test support: start the real binary on a free port and speak HTTP/1.1 to it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub use hello_mcp::json::{parse, Value};

pub const BIN: &str = env!("CARGO_BIN_EXE_hello-mcp");
pub const ACCEPT: (&str, &str) = ("Accept", "application/json, text/event-stream");
pub const JSON: (&str, &str) = ("Content-Type", "application/json");
pub const INIT: &str = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"it","version":"1"}}}"#;

/// The server process; killed on drop.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
}

impl Server {
    /// Starts `hello-mcp` on 127.0.0.1 port 0 and waits for its "listening on" line.
    pub fn start(env: &[(&str, &str)]) -> Server {
        let mut cmd = Command::new(BIN);
        cmd.env("MCP_SERVER_PORT", "0")
            .env("MCP_SERVER_HOST", "127.0.0.1")
            .env_remove("MCP_ALLOWED_HOSTS")
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn hello-mcp");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(url) = line.strip_prefix("hello-mcp listening on http://") {
                    let _ = tx.send(url.trim_end_matches("/mcp").to_string());
                }
                // Keep draining so the server never blocks on a full pipe.
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("server did not print its listening line");
        Server {
            child,
            addr: addr.parse().expect("socket address"),
        }
    }

    pub fn client(&self) -> Client {
        Client::connect(self.addr)
    }

    pub fn host(&self) -> String {
        format!("localhost:{}", self.addr.port())
    }

    /// initialize + notifications/initialized on a fresh connection; returns the client and session id.
    pub fn session(&self) -> (Client, String) {
        let mut c = self.client();
        let r = c.post(&[], INIT);
        assert_eq!(r.status, 200, "{}", r.text());
        let sid = r
            .header("mcp-session-id")
            .expect("Mcp-Session-Id")
            .to_string();
        let r = c.post(
            &[("Mcp-Session-Id", &sid)],
            r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        );
        assert_eq!(r.status, 202);
        (c, sid)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Value {
        parse(&self.text()).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
}

/// A keep-alive HTTP/1.1 client over one TcpStream.
pub struct Client {
    pub stream: TcpStream,
    buf: Vec<u8>,
    pub host: String,
}

impl Client {
    pub fn connect(addr: SocketAddr) -> Client {
        let stream = TcpStream::connect(addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream.set_nodelay(true).unwrap();
        Client {
            stream,
            buf: Vec::new(),
            host: format!("localhost:{}", addr.port()),
        }
    }

    /// Sends one request (adds Host unless given, and Content-Length) and reads the response.
    pub fn send(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        let mut head = format!("{method} {path} HTTP/1.1\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            head.push_str(&format!("Host: {}\r\n", self.host));
        }
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if !body.is_empty()
            && !headers
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("transfer-encoding"))
        {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body);
        self.stream.write_all(&bytes).expect("write request");
        self.read_response(method == "HEAD")
    }

    /// POST /mcp with the usual Accept and Content-Type headers plus `extra`.
    pub fn post(&mut self, extra: &[(&str, &str)], body: &str) -> Response {
        let mut headers = vec![ACCEPT, JSON];
        headers.extend_from_slice(extra);
        self.send("POST", "/mcp", &headers, body.as_bytes())
    }

    pub fn get(&mut self, path: &str) -> Response {
        self.send("GET", path, &[], b"")
    }

    fn fill(&mut self) -> usize {
        let mut chunk = [0u8; 8192];
        // A signal to the test process (the harness runs tests on many threads) can interrupt a read:
        // that is not an answer from the server, so read again, as `read_exact` would.
        let n = loop {
            match self.stream.read(&mut chunk) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => break r.expect("read response"),
            }
        };
        self.buf.extend_from_slice(&chunk[..n]);
        n
    }

    /// Reads one response (skipping 1xx interim responses).
    pub fn read_response(&mut self, head_only: bool) -> Response {
        loop {
            let end = loop {
                if let Some(i) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    break i;
                }
                assert!(self.fill() > 0, "connection closed before a response");
            };
            let head = String::from_utf8(self.buf.drain(..end + 4).collect()).unwrap();
            let mut lines = head.trim_end().split("\r\n");
            let status: u16 = lines
                .next()
                .unwrap()
                .split(' ')
                .nth(1)
                .unwrap()
                .parse()
                .unwrap();
            let headers: Vec<(String, String)> = lines
                .map(|l| {
                    let (k, v) = l.split_once(':').unwrap();
                    (k.to_string(), v.trim().to_string())
                })
                .collect();
            if status < 200 {
                continue;
            }
            let len: usize = headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                .map(|(_, v)| v.parse().unwrap())
                .unwrap_or(0);
            let len = if head_only { 0 } else { len };
            while self.buf.len() < len {
                assert!(self.fill() > 0, "connection closed mid-body");
            }
            let body = self.buf.drain(..len).collect();
            return Response {
                status,
                headers,
                body,
            };
        }
    }

    /// True once the server has closed the connection.
    pub fn is_closed(&mut self) -> bool {
        let mut b = [0u8; 1];
        matches!(self.stream.read(&mut b), Ok(0))
    }
}

/// The value of one sample line in Prometheus text, e.g. `metric(&text, "up{a=\"b\"}")`.
pub fn metric(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| {
            l.strip_prefix(series)
                .and_then(|rest| rest.strip_prefix(' '))
        })
        .map(|v| v.parse().unwrap())
}

pub fn rpc(id: u32, method: &str, params: &str) -> String {
    format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"{method}","params":{params}}}"#)
}
