//! A minimal HTTP/1.1 server (std::net, a thread per connection) and the MCP
//! Streamable HTTP transport on `/mcp`, plus `/health`, `/ready` and `/metrics`.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::json::{self, Value};
use crate::jsonrpc::{self, Message, RpcError};
use crate::mcp::{self, Server, Sessions};
use crate::metrics::{self, Metrics};

/// Largest accepted request body (after de-chunking).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Largest accepted request line + headers.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// How long an idle keep-alive connection is kept open.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a client may take to send one whole request once it has started.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Concurrent connections above this get a 503.
pub const MAX_CONNECTIONS: usize = 512;
/// Streamable HTTP sessions kept at most, and how long an unused one lives.
pub const MAX_SESSIONS: usize = 10_000;
pub const SESSION_IDLE_TIMEOUT: Duration = Duration::from_secs(3600);

/// Which `Host`/`Origin` values `/mcp` accepts (DNS-rebinding protection).
#[derive(Debug, Clone)]
pub struct HostPolicy {
    allow_any: bool,
    /// Lower-case hosts, optionally with `:port` (then the port must match too).
    entries: Vec<String>,
}

impl HostPolicy {
    /// `localhost`, `127.0.0.1` and `[::1]` on any port, plus `extra` (`*` allows every host).
    pub fn new(extra: &[String]) -> HostPolicy {
        let mut entries: Vec<String> = vec!["localhost".into(), "127.0.0.1".into(), "[::1]".into()];
        let mut allow_any = false;
        for e in extra {
            let e = e.trim().to_ascii_lowercase();
            // Accept "https://example.com/" as well as "example.com".
            let e = e.split_once("://").map_or(e.as_str(), |(_, rest)| rest);
            let e = e.split('/').next().unwrap_or("");
            if e.is_empty() {
                continue;
            }
            if e == "*" {
                allow_any = true;
            } else if e.matches(':').count() > 1 && !e.starts_with('[') {
                entries.push(format!("[{e}]")); // a bare IPv6 address
            } else {
                entries.push(e.to_string());
            }
        }
        HostPolicy { allow_any, entries }
    }

    /// Parses a comma-separated list such as the `MCP_ALLOWED_HOSTS` value.
    pub fn from_list(list: &str) -> HostPolicy {
        let extra: Vec<String> = list.split(',').map(str::to_string).collect();
        HostPolicy::new(&extra)
    }

    /// Whether an authority (`host[:port]`, as in a `Host` header) is allowed.
    pub fn allows(&self, authority: &str) -> bool {
        if self.allow_any {
            return true;
        }
        let authority = authority.trim().to_ascii_lowercase();
        let Some((host, port)) = split_authority(&authority) else {
            return false;
        };
        self.entries.iter().any(|e| match port {
            Some(p) => *e == host || *e == format!("{host}:{p}"),
            None => *e == host,
        })
    }

    /// Whether an `Origin` header value (`scheme://host[:port]`) is allowed. `null` is not.
    pub fn allows_origin(&self, origin: &str) -> bool {
        if self.allow_any {
            return true;
        }
        match origin.trim().split_once("://") {
            Some((scheme, rest)) if !scheme.is_empty() && !rest.is_empty() => {
                let authority = rest.split('/').next().unwrap_or("");
                // Origins carry no userinfo; refuse anything odd.
                !authority.contains('@') && self.allows(authority)
            }
            _ => false,
        }
    }
}

/// Splits `host[:port]` / `[v6][:port]`; `None` when malformed.
fn split_authority(a: &str) -> Option<(&str, Option<&str>)> {
    if a.is_empty() {
        return None;
    }
    let (host, port) = if a.starts_with('[') {
        let end = a.find(']')?;
        let rest = &a[end + 1..];
        match rest.strip_prefix(':') {
            Some(p) => (&a[..=end], Some(p)),
            None if rest.is_empty() => (&a[..=end], None),
            None => return None,
        }
    } else {
        match a.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (a, None),
        }
    };
    if host.is_empty() || host.contains(['/', '@', ' ']) {
        return None;
    }
    match port {
        Some(p) if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) => None,
        _ => Some((host, port)),
    }
}

/// A parsed HTTP request.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub target: String,
    /// `0` for HTTP/1.0, `1` for HTTP/1.1.
    pub minor_version: u8,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// First value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn header_count(&self, name: &str) -> usize {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .count()
    }

    /// The target without the query string.
    pub fn path(&self) -> &str {
        self.target.split(['?', '#']).next().unwrap_or("")
    }

    fn has_token(&self, header: &str, token: &str) -> bool {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(header))
            .flat_map(|(_, v)| v.split(','))
            .any(|t| t.trim().eq_ignore_ascii_case(token))
    }

    /// Whether the client wants the connection kept open after this request.
    pub fn keep_alive(&self) -> bool {
        if self.minor_version == 0 {
            self.has_token("connection", "keep-alive")
        } else {
            !self.has_token("connection", "close")
        }
    }
}

/// An HTTP response to write.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Close the connection after this response.
    pub close: bool,
}

impl Response {
    pub fn new(status: u16) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            close: false,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn json(status: u16, v: &Value) -> Response {
        let mut r = Response::new(status).header("Content-Type", "application/json");
        r.body = v.to_json().into_bytes();
        r
    }

    pub fn text(status: u16, content_type: &str, body: String) -> Response {
        let mut r = Response::new(status).header("Content-Type", content_type);
        r.body = body.into_bytes();
        r
    }

    /// A JSON-RPC error with `id: null`, used for transport-level rejections on `/mcp`.
    pub fn rpc_error(status: u16, code: i64, message: &str) -> Response {
        Response::json(
            status,
            &jsonrpc::failure(Value::Null, &RpcError::new(code, message)),
        )
    }

    /// Serializes status line, headers and (unless `head_only`) the body.
    pub fn to_bytes(&self, head_only: bool) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (k, v) in &self.headers {
            out.push_str(k);
            out.push_str(": ");
            out.push_str(v);
            out.push_str("\r\n");
        }
        // 1xx, 204 and 304 responses must not carry a Content-Length.
        if !(self.status < 200 || self.status == 204 || self.status == 304) {
            out.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        }
        out.push_str(if self.close {
            "Connection: close\r\n"
        } else {
            "Connection: keep-alive\r\n"
        });
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        if !head_only && self.status != 204 && self.status != 304 {
            bytes.extend_from_slice(&self.body);
        }
        bytes
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

/// A request that could not be read; answered with `status` and the connection is closed.
#[derive(Debug)]
pub struct HttpError {
    pub status: u16,
    pub message: String,
    /// Method and path, when the request head was parsed.
    pub method: Option<String>,
    pub path: Option<String>,
}

impl HttpError {
    fn new(status: u16, message: impl Into<String>) -> HttpError {
        HttpError {
            status,
            message: message.into(),
            method: None,
            path: None,
        }
    }
}

/// Buffered reading of requests from a stream, with deadlines.
pub struct Conn<S> {
    stream: S,
    buf: Vec<u8>,
}

/// What the reader needs from a socket (a trait so tests can use in-memory streams).
pub trait Socket: Read + Write {
    fn set_timeout(&self, t: Option<Duration>) -> io::Result<()>;
}

impl Socket for TcpStream {
    fn set_timeout(&self, t: Option<Duration>) -> io::Result<()> {
        self.set_read_timeout(t)
    }
}

enum Fill {
    Data,
    Eof,
    Timeout,
}

impl<S: Socket> Conn<S> {
    pub fn new(stream: S) -> Conn<S> {
        Conn {
            stream,
            buf: Vec::new(),
        }
    }

    pub fn stream_mut(&mut self) -> &mut S {
        &mut self.stream
    }

    /// Reads more bytes into the buffer, waiting at most until `deadline`.
    fn fill(&mut self, deadline: Instant) -> io::Result<Fill> {
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Ok(Fill::Timeout);
        }
        self.stream.set_timeout(Some(remaining))?;
        let mut chunk = [0u8; 16 * 1024];
        loop {
            match self.stream.read(&mut chunk) {
                Ok(0) => return Ok(Fill::Eof),
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ok(Fill::Data);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    return Ok(Fill::Timeout)
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Reads the next request. `Ok(None)`: the client closed the connection or stayed idle.
    pub fn read_request(&mut self, idle_timeout: Duration) -> Result<Option<Request>, HttpError> {
        let io_err = |e: io::Error| HttpError::new(400, format!("read error: {e}"));
        let idle_deadline = Instant::now() + idle_timeout;
        // Wait for the first byte of a request (skipping stray CRLFs between requests).
        loop {
            while self.buf.first().is_some_and(|b| *b == b'\r' || *b == b'\n') {
                self.buf.remove(0);
            }
            if !self.buf.is_empty() {
                break;
            }
            // Between requests, a reset (ECONNRESET) is just a client hanging up.
            match self.fill(idle_deadline) {
                Ok(Fill::Data) => {}
                Ok(Fill::Eof | Fill::Timeout) | Err(_) => return Ok(None),
            }
        }
        let deadline = Instant::now() + REQUEST_TIMEOUT;
        let head_end = loop {
            if let Some(end) = find_head_end(&self.buf) {
                break end;
            }
            if self.buf.len() > MAX_HEAD_BYTES {
                return Err(HttpError::new(431, "request head too large"));
            }
            match self.fill(deadline).map_err(io_err)? {
                Fill::Data => {}
                Fill::Eof => return Err(HttpError::new(400, "connection closed mid-request")),
                Fill::Timeout => return Err(HttpError::new(408, "timed out reading request head")),
            }
        };
        if head_end.1 > MAX_HEAD_BYTES {
            return Err(HttpError::new(431, "request head too large"));
        }
        let head = String::from_utf8_lossy(&self.buf[..head_end.0]).into_owned();
        self.buf.drain(..head_end.1);
        let mut req = parse_head(&head)?;
        let with_context = |mut e: HttpError, req: &Request| {
            e.method = Some(req.method.clone());
            e.path = Some(req.path().to_string());
            e
        };
        match self.read_body(&req, deadline) {
            Ok(body) => req.body = body,
            Err(e) => return Err(with_context(e, &req)),
        }
        Ok(Some(req))
    }

    fn read_body(&mut self, req: &Request, deadline: Instant) -> Result<Vec<u8>, HttpError> {
        let te = req.header("transfer-encoding");
        let cl_count = req.header_count("content-length");
        if te.is_some() && cl_count > 0 {
            return Err(HttpError::new(
                400,
                "both Transfer-Encoding and Content-Length",
            ));
        }
        if let Some(te) = te {
            if req.header_count("transfer-encoding") > 1
                || !te.trim().eq_ignore_ascii_case("chunked")
            {
                return Err(HttpError::new(
                    501,
                    "only Transfer-Encoding: chunked is supported",
                ));
            }
            self.continue_if_expected(req)?;
            return self.read_chunked(deadline);
        }
        let mut length: Option<usize> = None;
        for (_, v) in req
            .headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        {
            for part in v.split(',') {
                let part = part.trim();
                if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) || part.len() > 15 {
                    return Err(HttpError::new(400, "invalid Content-Length"));
                }
                let n: usize = part
                    .parse()
                    .map_err(|_| HttpError::new(400, "invalid Content-Length"))?;
                if length.is_some_and(|l| l != n) {
                    return Err(HttpError::new(400, "conflicting Content-Length values"));
                }
                length = Some(n);
            }
        }
        let length = length.unwrap_or(0);
        if length > MAX_BODY_BYTES {
            return Err(HttpError::new(
                413,
                format!("body larger than {MAX_BODY_BYTES} bytes"),
            ));
        }
        if length > 0 {
            self.continue_if_expected(req)?;
        }
        self.take(length, deadline)
    }

    /// Answers `Expect: 100-continue` (curl sends it for larger bodies) when the body is not here yet.
    fn continue_if_expected(&mut self, req: &Request) -> Result<(), HttpError> {
        if self.buf.is_empty() && req.minor_version == 1 && req.has_token("expect", "100-continue")
        {
            self.stream
                .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                .map_err(|e| HttpError::new(400, format!("write error: {e}")))?;
        }
        Ok(())
    }

    /// Takes exactly `n` bytes (from the buffer, then the stream).
    fn take(&mut self, n: usize, deadline: Instant) -> Result<Vec<u8>, HttpError> {
        while self.buf.len() < n {
            match self
                .fill(deadline)
                .map_err(|e| HttpError::new(400, format!("read error: {e}")))?
            {
                Fill::Data => {}
                Fill::Eof => return Err(HttpError::new(400, "connection closed mid-body")),
                Fill::Timeout => return Err(HttpError::new(408, "timed out reading request body")),
            }
        }
        Ok(self.buf.drain(..n).collect())
    }

    /// Reads one CRLF- (or LF-) terminated line, without the terminator.
    fn line(&mut self, deadline: Instant, max: usize) -> Result<String, HttpError> {
        loop {
            if let Some(i) = self.buf.iter().position(|b| *b == b'\n') {
                let mut line: Vec<u8> = self.buf.drain(..=i).collect();
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(String::from_utf8_lossy(&line).into_owned());
            }
            if self.buf.len() > max {
                return Err(HttpError::new(400, "chunk line too long"));
            }
            match self
                .fill(deadline)
                .map_err(|e| HttpError::new(400, format!("read error: {e}")))?
            {
                Fill::Data => {}
                Fill::Eof => return Err(HttpError::new(400, "connection closed mid-chunk")),
                Fill::Timeout => return Err(HttpError::new(408, "timed out reading chunked body")),
            }
        }
    }

    fn read_chunked(&mut self, deadline: Instant) -> Result<Vec<u8>, HttpError> {
        let mut body = Vec::new();
        loop {
            let line = self.line(deadline, 1024)?;
            let size_text = line.split(';').next().unwrap_or("").trim();
            if size_text.is_empty()
                || size_text.len() > 8
                || !size_text.bytes().all(|b| b.is_ascii_hexdigit())
            {
                return Err(HttpError::new(400, "invalid chunk size"));
            }
            let size = usize::from_str_radix(size_text, 16)
                .map_err(|_| HttpError::new(400, "invalid chunk size"))?;
            if size == 0 {
                // Trailer section: header lines until an empty line.
                let mut trailer_bytes = 0;
                loop {
                    let t = self.line(deadline, MAX_HEAD_BYTES)?;
                    if t.is_empty() {
                        return Ok(body);
                    }
                    trailer_bytes += t.len();
                    if trailer_bytes > MAX_HEAD_BYTES {
                        return Err(HttpError::new(431, "trailers too large"));
                    }
                }
            }
            if body.len() + size > MAX_BODY_BYTES {
                return Err(HttpError::new(
                    413,
                    format!("body larger than {MAX_BODY_BYTES} bytes"),
                ));
            }
            let data = self.take(size, deadline)?;
            body.extend_from_slice(&data);
            if !self.line(deadline, 2)?.is_empty() {
                return Err(HttpError::new(400, "chunk data not followed by CRLF"));
            }
        }
    }
}

/// Finds the blank line ending the head: `(end of head text, start of body)`.
fn find_head_end(buf: &[u8]) -> Option<(usize, usize)> {
    let mut i = 0;
    while let Some(p) = buf[i..].iter().position(|b| *b == b'\n') {
        let nl = i + p;
        if buf.get(nl + 1) == Some(&b'\n') {
            return Some((nl, nl + 2));
        }
        if buf.get(nl + 1) == Some(&b'\r') && buf.get(nl + 2) == Some(&b'\n') {
            return Some((nl, nl + 3));
        }
        i = nl + 1;
    }
    None
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

fn parse_head(head: &str) -> Result<Request, HttpError> {
    let mut lines = head.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let request_line = lines.next().unwrap_or("");
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HttpError::new(400, "malformed request line"));
    };
    if !is_token(method) || target.is_empty() {
        return Err(HttpError::new(400, "malformed request line"));
    }
    let minor_version = match version {
        "HTTP/1.1" => 1,
        "HTTP/1.0" => 0,
        v if v.starts_with("HTTP/") => {
            return Err(HttpError::new(
                505,
                "only HTTP/1.0 and HTTP/1.1 are supported",
            ))
        }
        _ => return Err(HttpError::new(400, "malformed request line")),
    };
    let mut headers = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            return Err(HttpError::new(400, "obsolete header line folding"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(HttpError::new(400, "malformed header line"));
        };
        if !is_token(name) {
            return Err(HttpError::new(400, "malformed header name"));
        }
        headers.push((
            name.to_string(),
            value.trim_matches([' ', '\t']).to_string(),
        ));
    }
    let req = Request {
        method: method.to_string(),
        target: target.to_string(),
        minor_version,
        headers,
        body: Vec::new(),
    };
    match req.header_count("host") {
        0 if minor_version == 1 => Err(HttpError::new(400, "missing Host header")),
        0 | 1 => Ok(req),
        _ => Err(HttpError::new(400, "multiple Host headers")),
    }
}

/// Shared process state: readiness and in-flight request accounting.
#[derive(Debug, Default)]
pub struct State {
    shutting_down: AtomicBool,
    in_flight: AtomicUsize,
    connections: AtomicUsize,
}

impl State {
    pub fn begin_shutdown(&self) {
        self.shutting_down.store(true, Ordering::SeqCst);
    }

    pub fn is_shutting_down(&self) -> bool {
        self.shutting_down.load(Ordering::SeqCst)
    }

    pub fn in_flight(&self) -> usize {
        self.in_flight.load(Ordering::SeqCst)
    }
}

/// The HTTP application: routing and the Streamable HTTP transport.
pub struct App {
    server: Server,
    sessions: Sessions,
    hosts: HostPolicy,
    metrics: Arc<Metrics>,
    pub state: State,
}

impl App {
    pub fn new(hosts: HostPolicy) -> App {
        let metrics = Arc::new(Metrics::new(&mcp::tool_names()));
        App {
            server: Server::new(metrics.clone()),
            sessions: Sessions::new(MAX_SESSIONS, SESSION_IDLE_TIMEOUT),
            hosts,
            metrics,
            state: State::default(),
        }
    }

    /// Makes `rate` of the tool calls after the first `after` fail (see `Server::with_fail_rate`).
    pub fn with_fail_rate(mut self, rate: f64, after: u64) -> App {
        self.server = self.server.with_fail_rate(rate, after);
        self
    }

    /// Routes one request.
    pub fn handle(&self, req: &Request) -> Response {
        let mut resp = match req.path() {
            "/mcp" => self.mcp(req),
            "/health" => get_only(req, || {
                Response::json(200, &Value::object([("status", Value::from("ok"))]))
            }),
            "/ready" => get_only(req, || {
                if self.state.is_shutting_down() {
                    Response::json(
                        503,
                        &Value::object([("status", Value::from("shutting down"))]),
                    )
                } else {
                    Response::json(200, &Value::object([("status", Value::from("ready"))]))
                }
            }),
            "/metrics" => get_only(req, || {
                Response::text(
                    200,
                    metrics::CONTENT_TYPE,
                    self.metrics.render(self.sessions.len()),
                )
            }),
            _ => Response::json(404, &Value::object([("error", Value::from("not found"))])),
        };
        self.metrics.observe_http(
            metric_method(&req.method),
            metric_path(req.path()),
            resp.status,
        );
        if !req.keep_alive() || self.state.is_shutting_down() {
            resp.close = true;
        }
        resp
    }

    fn check_host_and_origin(&self, req: &Request) -> Result<(), String> {
        match req.header("host") {
            None => return Err("missing Host header".into()),
            Some(h) if !self.hosts.allows(h) => return Err(format!("Host not allowed: {h}")),
            Some(_) => {}
        }
        for (_, origin) in req
            .headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("origin"))
        {
            if !self.hosts.allows_origin(origin) {
                return Err(format!("Origin not allowed: {origin}"));
            }
        }
        Ok(())
    }

    fn mcp(&self, req: &Request) -> Response {
        if let Err(why) = self.check_host_and_origin(req) {
            crate::warn!(
                "rejected {} /mcp: {why} (see MCP_ALLOWED_HOSTS)",
                req.method
            );
            return Response::rpc_error(403, jsonrpc::SERVER_ERROR, &format!("Forbidden: {why}"));
        }
        let resp = match req.method.as_str() {
            "POST" => self.mcp_post(req),
            "DELETE" => self.mcp_delete(req),
            _ => Response::rpc_error(
                405,
                jsonrpc::SERVER_ERROR,
                "Method Not Allowed: use POST (or DELETE to end a session)",
            )
            .header("Allow", "POST, DELETE"),
        };
        resp.header("Cache-Control", "no-store")
    }

    fn mcp_post(&self, req: &Request) -> Response {
        if let Some(accept) = req.header("accept") {
            if !accepts_json_or_sse(accept) {
                return Response::rpc_error(
                    406,
                    jsonrpc::SERVER_ERROR,
                    "Not Acceptable: Accept must include application/json and text/event-stream",
                );
            }
        }
        if let Some(ct) = req.header("content-type") {
            let media = ct.split(';').next().unwrap_or("").trim();
            if !media.eq_ignore_ascii_case("application/json") {
                return Response::rpc_error(
                    415,
                    jsonrpc::SERVER_ERROR,
                    "Unsupported Media Type: use application/json",
                );
            }
        }
        let value = match json::parse_bytes(&req.body) {
            Ok(v) => v,
            Err(e) => {
                self.metrics.observe_rpc("invalid");
                return Response::json(400, &mcp::parse_error_response(&e));
            }
        };
        let msg = match jsonrpc::classify(&value) {
            Ok(m) => m,
            Err((id, err)) => {
                self.metrics.observe_rpc("invalid");
                return Response::json(400, &jsonrpc::failure(id, &err));
            }
        };

        if let Message::Request { method, .. } = &msg {
            if method == "initialize" {
                // Always a fresh session; an Mcp-Session-Id sent along is ignored.
                let reply = self.server.handle(&msg).unwrap_or(Value::Null);
                let version = reply
                    .get("result")
                    .and_then(|r| r.get("protocolVersion"))
                    .and_then(Value::as_str);
                let mut resp = Response::json(200, &reply);
                if let Some(version) = version {
                    let id = self.sessions.create(version);
                    crate::debug!("session {id} created (protocol {version})");
                    resp = resp.header("Mcp-Session-Id", &id);
                }
                return resp;
            }
        }

        if let Err(resp) = self.check_session(req) {
            return resp;
        }
        match self.server.handle(&msg) {
            Some(reply) => Response::json(200, &reply),
            None => Response::new(202),
        }
    }

    /// Validates `Mcp-Session-Id` (400 missing, 404 unknown) and `MCP-Protocol-Version` (400 unsupported).
    fn check_session(&self, req: &Request) -> Result<(), Response> {
        let Some(id) = req.header("mcp-session-id") else {
            return Err(Response::rpc_error(
                400,
                jsonrpc::SERVER_ERROR,
                "Bad Request: Mcp-Session-Id header is required (send initialize first)",
            ));
        };
        if self.sessions.touch(id.trim()).is_none() {
            return Err(Response::rpc_error(
                404,
                jsonrpc::SESSION_NOT_FOUND,
                "Session not found",
            ));
        }
        if let Some(v) = req.header("mcp-protocol-version") {
            if !mcp::is_supported_version(v.trim()) {
                return Err(Response::rpc_error(
                    400,
                    jsonrpc::SERVER_ERROR,
                    &format!(
                        "Bad Request: unsupported MCP-Protocol-Version {v:?} (supported: {})",
                        mcp::SUPPORTED_PROTOCOL_VERSIONS.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    fn mcp_delete(&self, req: &Request) -> Response {
        if let Err(resp) = self.check_session(req) {
            return resp;
        }
        let id = req.header("mcp-session-id").unwrap_or_default().trim();
        if self.sessions.remove(id) {
            crate::debug!("session {id} ended by client");
            Response::new(204)
        } else {
            Response::rpc_error(404, jsonrpc::SESSION_NOT_FOUND, "Session not found")
        }
    }
}

fn get_only(req: &Request, f: impl FnOnce() -> Response) -> Response {
    match req.method.as_str() {
        "GET" | "HEAD" => f(),
        _ => Response::json(
            405,
            &Value::object([("error", Value::from("method not allowed"))]),
        )
        .header("Allow", "GET, HEAD"),
    }
}

/// `Accept` allows a JSON or SSE response (wildcards count).
fn accepts_json_or_sse(accept: &str) -> bool {
    accept.split(',').any(|part| {
        let media = part
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        matches!(
            media.as_str(),
            "application/json" | "text/event-stream" | "*/*" | "application/*" | "text/*"
        )
    })
}

fn metric_method(m: &str) -> &'static str {
    const KNOWN: [&str; 7] = ["GET", "POST", "DELETE", "HEAD", "PUT", "PATCH", "OPTIONS"];
    KNOWN.iter().find(|k| **k == m).copied().unwrap_or("OTHER")
}

fn metric_path(p: &str) -> &'static str {
    const KNOWN: [&str; 4] = ["/mcp", "/health", "/ready", "/metrics"];
    KNOWN.iter().find(|k| **k == p).copied().unwrap_or("other")
}

/// Serves one connection until it closes, idles out or errors.
pub fn handle_connection(stream: TcpStream, app: &App) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(REQUEST_TIMEOUT));
    let peer = stream
        .peer_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    let mut conn = Conn::new(stream);
    loop {
        match conn.read_request(IDLE_TIMEOUT) {
            Ok(None) => break,
            Ok(Some(req)) => {
                app.state.in_flight.fetch_add(1, Ordering::SeqCst);
                let started = Instant::now();
                let resp = app.handle(&req);
                let head_only = req.method == "HEAD";
                let ok = conn
                    .stream_mut()
                    .write_all(&resp.to_bytes(head_only))
                    .is_ok();
                app.state.in_flight.fetch_sub(1, Ordering::SeqCst);
                crate::debug!(
                    "{peer} {} {} -> {} ({:.1} ms)",
                    req.method,
                    req.path(),
                    resp.status,
                    started.elapsed().as_secs_f64() * 1000.0
                );
                if !ok || resp.close {
                    break;
                }
            }
            Err(e) => {
                crate::debug!("{peer} bad request: {} {}", e.status, e.message);
                app.metrics.observe_http(
                    metric_method(e.method.as_deref().unwrap_or("")),
                    metric_path(e.path.as_deref().unwrap_or("")),
                    e.status,
                );
                let mut resp = Response::json(
                    e.status,
                    &Value::object([("error", Value::from(e.message.as_str()))]),
                );
                resp.close = true;
                let _ = conn.stream_mut().write_all(&resp.to_bytes(false));
                break;
            }
        }
    }
}

/// Binds `host:port` (port 0 picks a free port).
pub fn bind(host: &str, port: u16) -> io::Result<TcpListener> {
    let addrs: Vec<SocketAddr> = (host, port).to_socket_addrs()?.collect();
    TcpListener::bind(&addrs[..])
}

/// Accepts connections forever, a thread per connection.
pub fn serve(listener: TcpListener, app: Arc<App>) -> io::Result<()> {
    loop {
        let stream = match listener.accept() {
            Ok((s, _)) => s,
            Err(e) => {
                // e.g. EMFILE: back off instead of spinning.
                crate::warn!("accept failed: {e}");
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        if app.state.connections.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let mut resp = Response::json(
                503,
                &Value::object([("error", Value::from("too many connections"))]),
            );
            resp.close = true;
            let mut s = stream;
            let _ = s.write_all(&resp.to_bytes(false));
            continue;
        }
        app.state.connections.fetch_add(1, Ordering::SeqCst);
        let conn_app = app.clone();
        let spawned = std::thread::Builder::new()
            .name("conn".into())
            .spawn(move || {
                // A panic in a handler must not leak the connection count.
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    handle_connection(stream, &conn_app)
                }));
                conn_app.state.connections.fetch_sub(1, Ordering::SeqCst);
            });
        if let Err(e) = spawned {
            // The closure (and the stream) is dropped: the client sees a closed connection.
            app.state.connections.fetch_sub(1, Ordering::SeqCst);
            crate::error!("could not spawn a connection thread: {e}");
        }
    }
}

/// `GET /health` against a local server; `true` on HTTP 200.
pub fn health_check(addr: SocketAddr, timeout: Duration) -> bool {
    let attempt = || -> io::Result<bool> {
        let mut s = TcpStream::connect_timeout(&addr, timeout)?;
        s.set_read_timeout(Some(timeout))?;
        s.set_write_timeout(Some(timeout))?;
        let host = if addr.is_ipv6() {
            format!("[{}]", addr.ip())
        } else {
            addr.ip().to_string()
        };
        write!(
            s,
            "GET /health HTTP/1.1\r\nHost: {host}:{}\r\nConnection: close\r\n\r\n",
            addr.port()
        )?;
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n") && head.len() < 256 {
            match s.read(&mut byte) {
                Ok(0) => break,
                Ok(_) => head.push(byte[0]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        let line = String::from_utf8_lossy(&head);
        Ok(line.split(' ').nth(1) == Some("200"))
    };
    attempt().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// An in-memory socket: reads come from `input` (in pieces), writes are collected.
    struct Mock {
        input: Cursor<Vec<u8>>,
        max_read: usize,
        output: Vec<u8>,
    }

    impl Read for Mock {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(self.max_read);
            self.input.read(&mut buf[..n])
        }
    }

    impl Write for Mock {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.output.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Socket for Mock {
        fn set_timeout(&self, _: Option<Duration>) -> io::Result<()> {
            Ok(())
        }
    }

    fn conn(input: &[u8], max_read: usize) -> Conn<Mock> {
        Conn::new(Mock {
            input: Cursor::new(input.to_vec()),
            max_read,
            output: Vec::new(),
        })
    }

    fn read_one(input: &[u8]) -> Result<Option<Request>, HttpError> {
        conn(input, 3).read_request(Duration::from_secs(1))
    }

    #[test]
    fn reads_requests_from_partial_reads_with_keep_alive() {
        let input = b"POST /mcp?x=1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhelloGET /health HTTP/1.1\r\nHost: a\r\n\r\n";
        let mut c = conn(input, 1);
        let r = c.read_request(Duration::from_secs(1)).unwrap().unwrap();
        assert_eq!(
            (r.method.as_str(), r.path(), r.body.as_slice()),
            ("POST", "/mcp", &b"hello"[..])
        );
        assert!(r.keep_alive());
        let r = c.read_request(Duration::from_secs(1)).unwrap().unwrap();
        assert_eq!(
            (r.method.as_str(), r.path(), r.body.len()),
            ("GET", "/health", 0)
        );
        assert!(c.read_request(Duration::from_secs(1)).unwrap().is_none());
    }

    #[test]
    fn reads_chunked_bodies_with_extensions_and_trailers() {
        let input = b"POST /mcp HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\n\r\n";
        let r = read_one(input).unwrap().unwrap();
        assert_eq!(
            String::from_utf8(r.body).unwrap(),
            "Wikipedia in\r\n\r\nchunks."
        );
    }

    #[test]
    fn rejects_bad_chunking() {
        for input in [
            &b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"[..],
            b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n",
            b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nab",
            b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
        ] {
            assert_eq!(read_one(input).unwrap_err().status, 400, "{}", String::from_utf8_lossy(input));
        }
        let gzip = b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n";
        assert_eq!(read_one(gzip).unwrap_err().status, 501);
    }

    #[test]
    fn enforces_body_limit() {
        let big = format!(
            "POST /mcp HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
            MAX_BODY_BYTES + 1
        );
        let e = read_one(big.as_bytes()).unwrap_err();
        assert_eq!(e.status, 413);
        assert_eq!(e.path.as_deref(), Some("/mcp"));
        let chunked = format!(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n",
            MAX_BODY_BYTES + 1
        );
        assert_eq!(read_one(chunked.as_bytes()).unwrap_err().status, 413);
    }

    #[test]
    fn rejects_malformed_heads() {
        for (input, status) in [
            (&b"GARBAGE\r\n\r\n"[..], 400),
            (b"GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
            (b"GET / HTTP/1.1\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nBad Name: a\r\n\r\n", 400),
            (
                b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
                400,
            ),
            (
                b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
                400,
            ),
            (b"GET / HTTP/1.1\r\nHost: a\r\n", 400),
        ] {
            assert_eq!(
                read_one(input).unwrap_err().status,
                status,
                "{}",
                String::from_utf8_lossy(input)
            );
        }
        let huge = format!(
            "GET / HTTP/1.1\r\nHost: a\r\nX: {}\r\n\r\n",
            "a".repeat(MAX_HEAD_BYTES)
        );
        assert_eq!(read_one(huge.as_bytes()).unwrap_err().status, 431);
    }

    #[test]
    fn accepts_http10_and_bare_lf() {
        let r = read_one(b"GET /health HTTP/1.0\n\n").unwrap().unwrap();
        assert_eq!(r.minor_version, 0);
        assert!(!r.keep_alive());
        let r = read_one(b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            .unwrap()
            .unwrap();
        assert!(r.keep_alive());
        let r = read_one(b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            .unwrap()
            .unwrap();
        assert!(!r.keep_alive());
    }

    #[test]
    fn answers_expect_100_continue() {
        let mut c = conn(
            b"POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
            1000,
        );
        // The body arrives only after the interim response; simulate by appending later.
        let head_only = c.read_request(Duration::from_secs(1));
        assert!(head_only.is_err()); // EOF mid-body in this mock
        assert!(c
            .stream
            .output
            .starts_with(b"HTTP/1.1 100 Continue\r\n\r\n"));
    }

    #[test]
    fn empty_or_idle_connection_is_not_an_error() {
        assert!(read_one(b"").unwrap().is_none());
        assert!(read_one(b"\r\n\r\n").unwrap().is_none());
    }

    #[test]
    fn host_policy_defaults_to_loopback() {
        let p = HostPolicy::new(&[]);
        for ok in [
            "localhost",
            "localhost:8080",
            "127.0.0.1:1",
            "[::1]",
            "[::1]:3000",
            "LOCALHOST:80",
        ] {
            assert!(p.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example.com",
            "evil.example.com:8080",
            "localhost.evil.com",
            "127.0.0.2",
            "[::2]",
            "",
            "localhost:",
            "localhost:abc",
            "user@localhost",
            "[::1]x",
        ] {
            assert!(!p.allows(bad), "{bad}");
        }
    }

    #[test]
    fn host_policy_extra_hosts() {
        let p = HostPolicy::from_list(
            " mcp.example.com , api.example.com:8443,https://web.example.org/, ::ffff:1 ,",
        );
        assert!(p.allows("mcp.example.com"));
        assert!(p.allows("MCP.example.com:443"));
        assert!(p.allows("api.example.com:8443"));
        assert!(!p.allows("api.example.com:9999"));
        assert!(!p.allows("api.example.com"));
        assert!(p.allows("web.example.org"));
        assert!(p.allows("[::ffff:1]:80"));
        assert!(p.allows("localhost"));
        assert!(HostPolicy::from_list("*").allows("anything.at.all:1"));
    }

    #[test]
    fn origin_policy() {
        let p = HostPolicy::new(&[]);
        assert!(p.allows_origin("http://localhost:3000"));
        assert!(p.allows_origin("https://127.0.0.1"));
        assert!(p.allows_origin("http://[::1]:8080"));
        for bad in [
            "null",
            "http://evil.example.com",
            "localhost",
            "http://user@localhost",
            "http://",
            "",
        ] {
            assert!(!p.allows_origin(bad), "{bad}");
        }
    }

    #[test]
    fn accept_header_matching() {
        assert!(accepts_json_or_sse("application/json, text/event-stream"));
        assert!(accepts_json_or_sse("text/event-stream"));
        assert!(accepts_json_or_sse("application/json;q=0.9"));
        assert!(accepts_json_or_sse("*/*"));
        assert!(!accepts_json_or_sse("text/html"));
        assert!(!accepts_json_or_sse("application/xml, image/png"));
    }

    #[test]
    fn serializes_responses() {
        let r = Response::json(200, &Value::object([("a", Value::from(1i64))])).header("X-A", "b");
        let text = String::from_utf8(r.to_bytes(false)).unwrap();
        assert_eq!(
            text,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-A: b\r\nContent-Length: 7\r\nConnection: keep-alive\r\n\r\n{\"a\":1}"
        );
        let head = String::from_utf8(r.to_bytes(true)).unwrap();
        assert!(head.ends_with("Content-Length: 7\r\nConnection: keep-alive\r\n\r\n"));
        let mut no_content = Response::new(204);
        no_content.close = true;
        let text = String::from_utf8(no_content.to_bytes(false)).unwrap();
        assert_eq!(text, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        let accepted = String::from_utf8(Response::new(202).to_bytes(false)).unwrap();
        assert!(accepted.contains("Content-Length: 0\r\n"));
    }

    fn request(method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Request {
        let mut all = vec![("Host".to_string(), "localhost:8080".to_string())];
        for (k, v) in headers {
            if k.eq_ignore_ascii_case("host") {
                all[0].1 = v.to_string();
            } else {
                all.push((k.to_string(), v.to_string()));
            }
        }
        Request {
            method: method.into(),
            target: path.into(),
            minor_version: 1,
            headers: all,
            body: body.as_bytes().to_vec(),
        }
    }

    const ACCEPT: (&str, &str) = ("Accept", "application/json, text/event-stream");
    const INIT: &str = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#;

    fn header<'a>(r: &'a Response, name: &str) -> Option<&'a str> {
        r.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn session_lifecycle_over_app() {
        let app = App::new(HostPolicy::new(&[]));
        let r = app.handle(&request(
            "POST",
            "/mcp",
            &[ACCEPT, ("Content-Type", "application/json")],
            INIT,
        ));
        assert_eq!(r.status, 200);
        let sid = header(&r, "Mcp-Session-Id").unwrap().to_string();

        let ping = r#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#;
        let r = app.handle(&request("POST", "/mcp", &[ACCEPT], ping));
        assert_eq!(r.status, 400, "no session header");
        let r = app.handle(&request(
            "POST",
            "/mcp",
            &[ACCEPT, ("Mcp-Session-Id", "bogus")],
            ping,
        ));
        assert_eq!(r.status, 404);
        let r = app.handle(&request(
            "POST",
            "/mcp",
            &[ACCEPT, ("Mcp-Session-Id", &sid)],
            ping,
        ));
        assert_eq!(
            (
                r.status,
                String::from_utf8(r.body.clone()).unwrap().as_str()
            ),
            (200, r#"{"jsonrpc":"2.0","id":2,"result":{}}"#)
        );
        let r = app.handle(&request(
            "POST",
            "/mcp",
            &[
                ACCEPT,
                ("Mcp-Session-Id", &sid),
                ("MCP-Protocol-Version", "1999-01-01"),
            ],
            ping,
        ));
        assert_eq!(r.status, 400, "unsupported protocol version header");
        let r = app.handle(&request(
            "POST",
            "/mcp",
            &[
                ACCEPT,
                ("Mcp-Session-Id", &sid),
                ("MCP-Protocol-Version", "2025-06-18"),
            ],
            r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        ));
        assert_eq!((r.status, r.body.len()), (202, 0));

        let r = app.handle(&request("DELETE", "/mcp", &[("Mcp-Session-Id", &sid)], ""));
        assert_eq!(r.status, 204);
        let r = app.handle(&request("DELETE", "/mcp", &[("Mcp-Session-Id", &sid)], ""));
        assert_eq!(r.status, 404);
        let r = app.handle(&request(
            "POST",
            "/mcp",
            &[ACCEPT, ("Mcp-Session-Id", &sid)],
            ping,
        ));
        assert_eq!(r.status, 404);
    }

    #[test]
    fn transport_errors_over_app() {
        let app = App::new(HostPolicy::new(&[]));
        let cases: Vec<(Request, u16)> = vec![
            (
                request("GET", "/mcp", &[("Accept", "text/event-stream")], ""),
                405,
            ),
            (request("PUT", "/mcp", &[], ""), 405),
            (
                request("POST", "/mcp", &[("Accept", "text/html")], INIT),
                406,
            ),
            (
                request(
                    "POST",
                    "/mcp",
                    &[ACCEPT, ("Content-Type", "text/plain")],
                    INIT,
                ),
                415,
            ),
            (request("POST", "/mcp", &[ACCEPT], "{not json"), 400),
            (request("POST", "/mcp", &[ACCEPT], "[]"), 400),
            (
                request(
                    "POST",
                    "/mcp",
                    &[ACCEPT, ("Host", "evil.example.com")],
                    INIT,
                ),
                403,
            ),
            (
                request(
                    "POST",
                    "/mcp",
                    &[ACCEPT, ("Origin", "http://evil.example.com")],
                    INIT,
                ),
                403,
            ),
            (
                request("GET", "/mcp", &[("Host", "evil.example.com")], ""),
                403,
            ),
            (request("GET", "/nope", &[], ""), 404),
            (request("POST", "/health", &[], ""), 405),
        ];
        for (req, status) in cases {
            let r = app.handle(&req);
            assert_eq!(
                r.status, status,
                "{} {} {:?}",
                req.method, req.target, req.headers
            );
        }
        let r = app.handle(&request("GET", "/mcp", &[], ""));
        assert_eq!(header(&r, "Allow"), Some("POST, DELETE"));
        let r = app.handle(&request("POST", "/mcp", &[ACCEPT], "{not json"));
        let v = json::parse_bytes(&r.body).unwrap();
        assert_eq!(
            v.get("error").unwrap().get("code").unwrap().as_i64(),
            Some(jsonrpc::PARSE_ERROR)
        );
        assert!(v.get("id").unwrap().is_null());
    }

    #[test]
    fn health_ready_metrics_over_app() {
        let app = App::new(HostPolicy::new(&[]));
        // Probes come with a pod IP as Host: they are not subject to the /mcp host check.
        let probe =
            |path: &str| app.handle(&request("GET", path, &[("Host", "10.1.2.3:8080")], ""));
        let r = probe("/health");
        assert_eq!(
            (r.status, r.body.as_slice()),
            (200, &br#"{"status":"ok"}"#[..])
        );
        assert_eq!(probe("/ready").status, 200);
        let r = probe("/metrics");
        assert_eq!(header(&r, "Content-Type"), Some(metrics::CONTENT_TYPE));
        let text = String::from_utf8(r.body).unwrap();
        assert!(
            text.contains(
                "mcp_http_requests_total{method=\"GET\",path=\"/health\",status=\"200\"} 1\n"
            ),
            "{text}"
        );
        app.state.begin_shutdown();
        let r = probe("/ready");
        assert_eq!(r.status, 503);
        assert!(r.close, "connections close while shutting down");
    }

    #[test]
    fn split_authority_cases() {
        assert_eq!(split_authority("a:1"), Some(("a", Some("1"))));
        assert_eq!(split_authority("[::1]:1"), Some(("[::1]", Some("1"))));
        assert_eq!(split_authority("[::1]"), Some(("[::1]", None)));
        assert_eq!(split_authority("[::1"), None);
        assert_eq!(split_authority(":80"), None);
    }
}
