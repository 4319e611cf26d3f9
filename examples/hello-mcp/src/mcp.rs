//! The MCP server logic, independent of the transport: lifecycle, tools, sessions.

use std::collections::HashMap;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::json::{self, Map, Number, Value};
use crate::jsonrpc::{self, Message, RpcError};
use crate::metrics::Metrics;

/// Protocol versions this server speaks, newest first.
pub const SUPPORTED_PROTOCOL_VERSIONS: [&str; 4] =
    ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];
pub const LATEST_PROTOCOL_VERSION: &str = SUPPORTED_PROTOCOL_VERSIONS[0];

pub const SERVER_NAME: &str = "hello-mcp";
pub const SERVER_VERSION: &str = env!("CARGO_PKG_VERSION");

const INSTRUCTIONS: &str = "hello-mcp is a small example server. Use `echo` to get a message back \
and `add` to add two numbers.";

/// The answer version for a client's requested `protocolVersion`.
pub fn negotiate_version(requested: &str) -> &'static str {
    SUPPORTED_PROTOCOL_VERSIONS
        .iter()
        .find(|v| **v == requested)
        .copied()
        .unwrap_or(LATEST_PROTOCOL_VERSION)
}

pub fn is_supported_version(v: &str) -> bool {
    SUPPORTED_PROTOCOL_VERSIONS.contains(&v)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    String,
    Number,
}

impl Kind {
    fn schema_type(self) -> &'static str {
        match self {
            Kind::String => "string",
            Kind::Number => "number",
        }
    }

    fn matches(self, v: &Value) -> bool {
        match self {
            Kind::String => matches!(v, Value::String(_)),
            // A literal like 1e400 parses as infinity: not a usable number.
            Kind::Number => v.as_f64().is_some_and(f64::is_finite),
        }
    }
}

struct Param {
    name: &'static str,
    kind: Kind,
    description: &'static str,
}

/// What a tool returns: text plus optional structured content, or a tool execution error.
type ToolOutput = Result<(String, Option<Value>), String>;

struct Tool {
    name: &'static str,
    title: &'static str,
    description: &'static str,
    /// All parameters are required; no other properties are allowed.
    params: &'static [Param],
    output_schema: Option<fn() -> Value>,
    run: fn(&Map) -> ToolOutput,
}

const TOOLS: &[Tool] = &[
    Tool {
        name: "echo",
        title: "Echo",
        description: "Returns the given message unchanged.",
        params: &[Param {
            name: "message",
            kind: Kind::String,
            description: "The text to echo back.",
        }],
        output_schema: None,
        run: run_echo,
    },
    Tool {
        name: "add",
        title: "Add two numbers",
        description: "Adds two numbers and returns their sum.",
        params: &[
            Param {
                name: "a",
                kind: Kind::Number,
                description: "The first addend.",
            },
            Param {
                name: "b",
                kind: Kind::Number,
                description: "The second addend.",
            },
        ],
        output_schema: Some(add_output_schema),
        run: run_add,
    },
];

/// Names of the tools, for pre-creating metric series.
pub fn tool_names() -> Vec<&'static str> {
    TOOLS.iter().map(|t| t.name).collect()
}

fn run_echo(args: &Map) -> ToolOutput {
    let message = args
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or_default();
    Ok((message.to_string(), None))
}

fn run_add(args: &Map) -> ToolOutput {
    let a = args.get("a").and_then(Value::as_f64).unwrap_or(f64::NAN);
    let b = args.get("b").and_then(Value::as_f64).unwrap_or(f64::NAN);
    let sum = Number::from_f64(a + b).ok_or("the sum is not a finite number")?;
    let text = sum.as_str().to_string();
    Ok((text, Some(Value::object([("sum", Value::Number(sum))]))))
}

fn add_output_schema() -> Value {
    Value::object([
        ("type", Value::from("object")),
        (
            "properties",
            Value::object([(
                "sum",
                Value::object([
                    ("type", Value::from("number")),
                    ("description", Value::from("a + b")),
                ]),
            )]),
        ),
        ("required", Value::from(vec![Value::from("sum")])),
    ])
}

impl Tool {
    fn input_schema(&self) -> Value {
        let properties = self.params.iter().map(|p| {
            (
                p.name,
                Value::object([
                    ("type", Value::from(p.kind.schema_type())),
                    ("description", Value::from(p.description)),
                ]),
            )
        });
        Value::object([
            ("type", Value::from("object")),
            ("properties", Value::object(properties)),
            (
                "required",
                Value::from(
                    self.params
                        .iter()
                        .map(|p| Value::from(p.name))
                        .collect::<Vec<_>>(),
                ),
            ),
            ("additionalProperties", Value::Bool(false)),
        ])
    }

    fn describe(&self) -> Value {
        let mut m = Map::new();
        m.insert("name", self.name);
        m.insert("title", self.title);
        m.insert("description", self.description);
        m.insert("inputSchema", self.input_schema());
        if let Some(schema) = self.output_schema {
            m.insert("outputSchema", schema());
        }
        m.insert(
            "annotations",
            Value::object([
                ("title", Value::from(self.title)),
                ("readOnlyHint", Value::Bool(true)),
                ("destructiveHint", Value::Bool(false)),
                ("idempotentHint", Value::Bool(true)),
                ("openWorldHint", Value::Bool(false)),
            ]),
        );
        Value::Object(m)
    }

    /// Checks `arguments` against the input schema; the message is shown to the model.
    fn validate<'a>(
        &self,
        arguments: Option<&'a Value>,
    ) -> Result<std::borrow::Cow<'a, Map>, String> {
        let args = match arguments {
            None | Some(Value::Null) => std::borrow::Cow::Owned(Map::new()),
            Some(Value::Object(m)) => std::borrow::Cow::Borrowed(m),
            Some(other) => {
                return Err(format!(
                    "arguments must be an object, got {}",
                    other.type_name()
                ))
            }
        };
        for p in self.params {
            match args.get(p.name) {
                None => {
                    return Err(format!(
                        "missing required argument '{}' ({})",
                        p.name,
                        p.kind.schema_type()
                    ))
                }
                Some(v) if !p.kind.matches(v) => {
                    return Err(format!(
                        "argument '{}' must be a {}, got {}",
                        p.name,
                        p.kind.schema_type(),
                        if p.kind == Kind::Number && matches!(v, Value::Number(_)) {
                            "a number out of range"
                        } else {
                            v.type_name()
                        }
                    ))
                }
                Some(_) => {}
            }
        }
        if let Some(extra) = args
            .keys()
            .find(|k| !self.params.iter().any(|p| p.name == *k))
        {
            return Err(format!("unknown argument '{extra}'"));
        }
        Ok(args)
    }
}

fn text_content(text: &str) -> Value {
    Value::from(vec![Value::object([
        ("type", Value::from("text")),
        ("text", Value::from(text)),
    ])])
}

/// Deterministic fault injection (`HELLO_MCP_FAIL_RATE`), so a deploy's metrics bake can be shown
/// failing on a real server: call n fails when floor(n * rate) steps up, which spreads exactly
/// `rate` of the calls evenly instead of leaving it to chance. The first `after` calls are spared, so a
/// benchmark knows the moment a breach starts.
#[derive(Debug, Default)]
struct FailRate {
    rate: f64,
    after: u64,
    calls: AtomicU64,
}

impl FailRate {
    fn next_fails(&self) -> bool {
        if self.rate <= 0.0 {
            return false;
        }
        let n = self.calls.fetch_add(1, Ordering::Relaxed) + 1;
        let Some(n) = n.checked_sub(self.after).filter(|n| *n > 0) else {
            return false;
        };
        (n as f64 * self.rate).floor() > ((n - 1) as f64 * self.rate).floor()
    }
}

/// The transport-independent MCP server.
pub struct Server {
    metrics: Arc<Metrics>,
    fail: FailRate,
}

impl Server {
    pub fn new(metrics: Arc<Metrics>) -> Server {
        Server {
            metrics,
            fail: FailRate::default(),
        }
    }

    /// Makes `rate` (0 to 1) of the tool calls after the first `after` fail with a tool error, evenly spread.
    pub fn with_fail_rate(mut self, rate: f64, after: u64) -> Server {
        self.fail.rate = rate;
        self.fail.after = after;
        self
    }

    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.metrics
    }

    /// Handles raw JSON text (the stdio transport). Returns the response to send, if any.
    pub fn handle_text(&self, text: &str) -> Option<Value> {
        match json::parse(text) {
            Ok(v) => self.handle_value(&v),
            Err(e) => Some(parse_error_response(&e)),
        }
    }

    /// Handles one parsed JSON value.
    pub fn handle_value(&self, v: &Value) -> Option<Value> {
        match jsonrpc::classify(v) {
            Ok(msg) => self.handle(&msg),
            Err((id, err)) => {
                self.metrics.observe_rpc("invalid");
                Some(jsonrpc::failure(id, &err))
            }
        }
    }

    /// Handles one classified message. Notifications and responses produce no reply.
    pub fn handle(&self, msg: &Message) -> Option<Value> {
        self.metrics.observe_rpc(metric_method(msg));
        match msg {
            Message::Request { id, method, params } => {
                crate::debug!("request {method} id={id}");
                Some(match self.request(method, params.as_ref()) {
                    Ok(result) => jsonrpc::success(id.clone(), result),
                    Err(err) => jsonrpc::failure(id.clone(), &err),
                })
            }
            Message::Notification { method, .. } => {
                crate::debug!("notification {method}");
                None
            }
            Message::Response { id } => {
                crate::debug!("ignoring client response id={id}");
                None
            }
        }
    }

    fn request(&self, method: &str, params: Option<&Value>) -> Result<Value, RpcError> {
        match method {
            "initialize" => initialize(params),
            "ping" => Ok(Value::empty_object()),
            "tools/list" => Ok(Value::object([(
                "tools",
                Value::from(TOOLS.iter().map(Tool::describe).collect::<Vec<_>>()),
            )])),
            "tools/call" => self.call_tool(params),
            _ => Err(RpcError::new(
                jsonrpc::METHOD_NOT_FOUND,
                format!("Method not found: {method}"),
            )),
        }
    }

    fn call_tool(&self, params: Option<&Value>) -> Result<Value, RpcError> {
        let params = params.and_then(Value::as_object).ok_or_else(|| {
            RpcError::new(
                jsonrpc::INVALID_PARAMS,
                "Invalid params: expected an object with \"name\"",
            )
        })?;
        let name = params.get("name").and_then(Value::as_str).ok_or_else(|| {
            RpcError::new(
                jsonrpc::INVALID_PARAMS,
                "Invalid params: \"name\" must be a string",
            )
        })?;
        let tool = TOOLS.iter().find(|t| t.name == name).ok_or_else(|| {
            RpcError::new(jsonrpc::INVALID_PARAMS, format!("Unknown tool: {name}"))
        })?;

        let started = Instant::now();
        let outcome = tool.validate(params.get("arguments")).and_then(|args| {
            if self.fail.next_fails() {
                Err(format!(
                    "injected failure (HELLO_MCP_FAIL_RATE={})",
                    self.fail.rate
                ))
            } else {
                (tool.run)(&args)
            }
        });
        self.metrics
            .observe_tool(tool.name, started.elapsed(), outcome.is_err());

        let mut result = Map::new();
        match outcome {
            Ok((text, structured)) => {
                result.insert("content", text_content(&text));
                if let Some(s) = structured {
                    result.insert("structuredContent", s);
                }
                result.insert("isError", false);
            }
            Err(message) => {
                crate::debug!("tool {name} failed: {message}");
                result.insert("content", text_content(&format!("Error: {message}")));
                result.insert("isError", true);
            }
        }
        Ok(Value::Object(result))
    }
}

fn initialize(params: Option<&Value>) -> Result<Value, RpcError> {
    let requested = params
        .and_then(|p| p.get("protocolVersion"))
        .and_then(Value::as_str)
        .ok_or_else(|| {
            RpcError::new(
                jsonrpc::INVALID_PARAMS,
                "Invalid params: \"protocolVersion\" must be a string",
            )
        })?;
    let version = negotiate_version(requested);
    let client = params
        .and_then(|p| p.get("clientInfo"))
        .and_then(|c| c.get("name"))
        .and_then(Value::as_str)
        .unwrap_or("unknown");
    crate::info!("initialize from client {client:?}: requested {requested}, using {version}");
    Ok(Value::object([
        ("protocolVersion", Value::from(version)),
        (
            "capabilities",
            Value::object([(
                "tools",
                Value::object([("listChanged", Value::Bool(false))]),
            )]),
        ),
        (
            "serverInfo",
            Value::object([
                ("name", Value::from(SERVER_NAME)),
                ("title", Value::from("Hello MCP")),
                ("version", Value::from(SERVER_VERSION)),
            ]),
        ),
        ("instructions", Value::from(INSTRUCTIONS)),
    ]))
}

/// The JSON-RPC error response for unparsable input (`id` is null).
pub fn parse_error_response(e: &json::ParseError) -> Value {
    jsonrpc::failure(
        Value::Null,
        &RpcError::new(jsonrpc::PARSE_ERROR, format!("Parse error: {e}")),
    )
}

/// A bounded label for the `mcp_jsonrpc_requests_total` metric.
fn metric_method(msg: &Message) -> &'static str {
    const KNOWN: [&str; 6] = [
        "initialize",
        "ping",
        "tools/list",
        "tools/call",
        "notifications/initialized",
        "notifications/cancelled",
    ];
    match msg.method() {
        Some(m) => KNOWN.iter().find(|k| **k == m).copied().unwrap_or("other"),
        None => "response",
    }
}

/// Streamable HTTP sessions, keyed by the `Mcp-Session-Id` value.
pub struct Sessions {
    map: Mutex<HashMap<String, Session>>,
    max: usize,
    idle_timeout: Duration,
}

struct Session {
    protocol_version: String,
    last_seen: Instant,
}

impl Sessions {
    pub fn new(max: usize, idle_timeout: Duration) -> Sessions {
        Sessions {
            map: Mutex::new(HashMap::new()),
            max: max.max(1),
            idle_timeout,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Creates a session. Idle sessions expire; at capacity the least recently used one is dropped.
    pub fn create(&self, protocol_version: &str) -> String {
        let id = random_hex(16);
        let now = Instant::now();
        let mut map = self.lock();
        map.retain(|_, s| now.duration_since(s.last_seen) < self.idle_timeout);
        while map.len() >= self.max {
            let oldest = map
                .iter()
                .min_by_key(|(_, s)| s.last_seen)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => map.remove(&k),
                None => break,
            };
        }
        map.insert(
            id.clone(),
            Session {
                protocol_version: protocol_version.to_string(),
                last_seen: now,
            },
        );
        id
    }

    /// Marks the session as used; returns its negotiated protocol version, or `None` if unknown/expired.
    pub fn touch(&self, id: &str) -> Option<String> {
        let mut map = self.lock();
        let now = Instant::now();
        let expired = match map.get_mut(id) {
            None => return None,
            Some(s) if now.duration_since(s.last_seen) >= self.idle_timeout => true,
            Some(s) => {
                s.last_seen = now;
                return Some(s.protocol_version.clone());
            }
        };
        if expired {
            map.remove(id);
        }
        None
    }

    /// Ends a session; `false` if it did not exist.
    pub fn remove(&self, id: &str) -> bool {
        self.lock().remove(id).is_some()
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `n` random bytes as lowercase hex, from /dev/urandom (with a non-cryptographic fallback).
pub fn random_hex(n: usize) -> String {
    let mut buf = vec![0u8; n];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if !ok {
        fallback_random(&mut buf);
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

fn fallback_random(buf: &mut [u8]) {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    for chunk in buf.chunks_mut(8) {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos(),
        );
        let bytes = h.finish().to_le_bytes();
        chunk.copy_from_slice(&bytes[..chunk.len()]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn server() -> Server {
        Server::new(Arc::new(Metrics::new(&tool_names())))
    }

    fn call(s: &Server, text: &str) -> Value {
        s.handle_text(text).expect("a response")
    }

    fn error_code(v: &Value) -> Option<i64> {
        v.get("error")?.get("code")?.as_i64()
    }

    fn tool_call(s: &Server, args: &str) -> Value {
        let text = format!(r#"{{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{args}}}"#);
        call(s, &text)
    }

    #[test]
    fn initialize_negotiates_protocol_version() {
        let s = server();
        for v in SUPPORTED_PROTOCOL_VERSIONS {
            let r = call(
                &s,
                &format!(
                    r#"{{"jsonrpc":"2.0","id":1,"method":"initialize","params":{{"protocolVersion":"{v}","capabilities":{{}},"clientInfo":{{"name":"t","version":"1"}}}}}}"#
                ),
            );
            assert_eq!(
                r.get("result")
                    .unwrap()
                    .get("protocolVersion")
                    .unwrap()
                    .as_str(),
                Some(v)
            );
        }
        let r = call(
            &s,
            r#"{"jsonrpc":"2.0","id":"x","method":"initialize","params":{"protocolVersion":"1999-01-01","capabilities":{}}}"#,
        );
        let result = r.get("result").unwrap();
        assert_eq!(r.get("id"), Some(&Value::from("x")));
        assert_eq!(
            result.get("protocolVersion").unwrap().as_str(),
            Some(LATEST_PROTOCOL_VERSION)
        );
        assert_eq!(
            result.get("capabilities").unwrap().to_json(),
            r#"{"tools":{"listChanged":false}}"#
        );
        let info = result.get("serverInfo").unwrap();
        assert_eq!(info.get("name").unwrap().as_str(), Some("hello-mcp"));
        assert_eq!(
            info.get("version").unwrap().as_str(),
            Some(env!("CARGO_PKG_VERSION"))
        );
        assert!(result.get("instructions").unwrap().as_str().is_some());
    }

    #[test]
    fn initialize_requires_protocol_version() {
        let s = server();
        let r = call(
            &s,
            r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#,
        );
        assert_eq!(error_code(&r), Some(jsonrpc::INVALID_PARAMS));
        let r = call(&s, r#"{"jsonrpc":"2.0","id":1,"method":"initialize"}"#);
        assert_eq!(error_code(&r), Some(jsonrpc::INVALID_PARAMS));
    }

    #[test]
    fn ping_returns_empty_object() {
        let r = call(&server(), r#"{"jsonrpc":"2.0","id":42,"method":"ping"}"#);
        assert_eq!(r.to_json(), r#"{"jsonrpc":"2.0","id":42,"result":{}}"#);
    }

    #[test]
    fn notifications_and_responses_get_no_reply() {
        let s = server();
        assert_eq!(
            s.handle_text(r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#),
            None
        );
        assert_eq!(
            s.handle_text(r#"{"jsonrpc":"2.0","method":"notifications/whatever"}"#),
            None
        );
        assert_eq!(
            s.handle_text(r#"{"jsonrpc":"2.0","id":9,"result":{}}"#),
            None
        );
    }

    #[test]
    fn tools_list_describes_tools_with_schemas() {
        let r = call(
            &server(),
            r#"{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}"#,
        );
        let tools = r
            .get("result")
            .unwrap()
            .get("tools")
            .unwrap()
            .as_array()
            .unwrap();
        assert!(tools.len() >= 2);
        for t in tools {
            assert!(t.get("name").unwrap().as_str().is_some());
            assert!(t.get("title").unwrap().as_str().is_some());
            assert!(t.get("description").unwrap().as_str().is_some());
            assert_eq!(
                t.get("inputSchema").unwrap().get("type").unwrap().as_str(),
                Some("object")
            );
        }
        let echo = tools
            .iter()
            .find(|t| t.get("name") == Some(&Value::from("echo")))
            .unwrap();
        assert_eq!(
            echo.get("inputSchema").unwrap().to_json(),
            r#"{"type":"object","properties":{"message":{"type":"string","description":"The text to echo back."}},"required":["message"],"additionalProperties":false}"#
        );
        let add = tools
            .iter()
            .find(|t| t.get("name") == Some(&Value::from("add")))
            .unwrap();
        let schema = add.get("inputSchema").unwrap();
        assert_eq!(schema.get("required").unwrap().to_json(), r#"["a","b"]"#);
        assert_eq!(
            schema
                .get("properties")
                .unwrap()
                .get("b")
                .unwrap()
                .get("type")
                .unwrap()
                .as_str(),
            Some("number")
        );
        assert_eq!(
            add.get("outputSchema")
                .unwrap()
                .get("required")
                .unwrap()
                .to_json(),
            r#"["sum"]"#
        );
    }

    #[test]
    fn echo_tool_echoes() {
        let r = tool_call(
            &server(),
            r#"{"name":"echo","arguments":{"message":"héllo \"w\" 😀"}}"#,
        );
        assert_eq!(
            r.get("result").unwrap().to_json(),
            r#"{"content":[{"type":"text","text":"héllo \"w\" 😀"}],"isError":false}"#
        );
    }

    #[test]
    fn add_tool_returns_text_and_structured_content() {
        let s = server();
        let r = tool_call(&s, r#"{"name":"add","arguments":{"a":2,"b":3}}"#);
        assert_eq!(
            r.get("result").unwrap().to_json(),
            r#"{"content":[{"type":"text","text":"5"}],"structuredContent":{"sum":5},"isError":false}"#
        );
        let r = tool_call(&s, r#"{"name":"add","arguments":{"a":0.1,"b":-2.5e-1}}"#);
        let sum = r
            .get("result")
            .unwrap()
            .get("structuredContent")
            .unwrap()
            .get("sum")
            .unwrap();
        assert!((sum.as_f64().unwrap() + 0.15).abs() < 1e-12);
    }

    #[test]
    fn invalid_arguments_are_tool_errors() {
        let s = server();
        for args in [
            r#"{"name":"add","arguments":{"a":1}}"#,
            r#"{"name":"add","arguments":{"a":"1","b":2}}"#,
            r#"{"name":"add","arguments":{"a":1,"b":2,"c":3}}"#,
            r#"{"name":"add","arguments":{"a":1e308,"b":1e308}}"#,
            r#"{"name":"add","arguments":{"a":1e400,"b":1}}"#,
            r#"{"name":"add","arguments":[1,2]}"#,
            r#"{"name":"add"}"#,
            r#"{"name":"echo","arguments":{"message":5}}"#,
            r#"{"name":"echo","arguments":{}}"#,
        ] {
            let r = tool_call(&s, args);
            let result = r.get("result").unwrap_or_else(|| panic!("{args}: {r}"));
            assert_eq!(result.get("isError"), Some(&Value::Bool(true)), "{args}");
            let text = result.get("content").unwrap().as_array().unwrap()[0]
                .get("text")
                .unwrap();
            assert!(text.as_str().unwrap().starts_with("Error: "), "{args}");
        }
        let metrics = s.metrics().render(0);
        assert!(
            metrics.contains("mcp_tool_errors_total{tool=\"add\"} 7\n"),
            "{metrics}"
        );
        assert!(metrics.contains("mcp_tool_errors_total{tool=\"echo\"} 2\n"));
        assert!(metrics.contains("mcp_tool_requests_total{tool=\"add\"} 7\n"));
    }

    #[test]
    fn unknown_tool_and_bad_call_params_are_invalid_params() {
        let s = server();
        for params in [
            r#"{"name":"nope","arguments":{}}"#,
            r#"{"arguments":{}}"#,
            r#"{"name":7}"#,
            r#"[]"#,
        ] {
            assert_eq!(
                error_code(&tool_call(&s, params)),
                Some(jsonrpc::INVALID_PARAMS),
                "{params}"
            );
        }
        let r = call(&s, r#"{"jsonrpc":"2.0","id":1,"method":"tools/call"}"#);
        assert_eq!(error_code(&r), Some(jsonrpc::INVALID_PARAMS));
    }

    #[test]
    fn fail_rate_fails_that_share_of_calls_evenly() {
        let s = Server::new(Arc::new(Metrics::new(&tool_names()))).with_fail_rate(0.4, 0);
        let failed: Vec<bool> = (0..10)
            .map(|_| {
                let r = tool_call(&s, r#"{"name":"add","arguments":{"a":1,"b":2}}"#);
                r.get("result").and_then(|r| r.get("isError")) == Some(&Value::Bool(true))
            })
            .collect();
        assert_eq!(
            failed,
            [false, false, true, false, true, false, false, true, false, true]
        );
        let m = s.metrics().render(0);
        assert!(m.contains("mcp_tool_errors_total{tool=\"add\"} 4\n"), "{m}");
        assert!(
            m.contains("mcp_tool_requests_total{tool=\"add\"} 10\n"),
            "{m}"
        );
    }

    #[test]
    fn fail_after_spares_the_first_calls() {
        let s = Server::new(Arc::new(Metrics::new(&tool_names()))).with_fail_rate(1.0, 3);
        let failed: Vec<bool> = (0..5)
            .map(|_| {
                let r = tool_call(&s, r#"{"name":"echo","arguments":{"message":"x"}}"#);
                r.get("result").and_then(|r| r.get("isError")) == Some(&Value::Bool(true))
            })
            .collect();
        assert_eq!(failed, [false, false, false, true, true]);
    }

    #[test]
    fn tool_calls_are_counted() {
        let s = server();
        tool_call(&s, r#"{"name":"echo","arguments":{"message":"x"}}"#);
        tool_call(&s, r#"{"name":"echo","arguments":{"message":"y"}}"#);
        let m = s.metrics().render(0);
        assert!(m.contains("mcp_tool_requests_total{tool=\"echo\"} 2\n"));
        assert!(m.contains("mcp_tool_errors_total{tool=\"echo\"} 0\n"));
        assert!(m.contains("mcp_tool_duration_seconds_count{tool=\"echo\"} 2\n"));
        assert!(m.contains("mcp_jsonrpc_requests_total{method=\"tools/call\"} 2\n"));
    }

    #[test]
    fn unknown_method_is_method_not_found() {
        let s = server();
        for m in ["resources/list", "prompts/list", "nope", "logging/setLevel"] {
            let r = call(&s, &format!(r#"{{"jsonrpc":"2.0","id":3,"method":"{m}"}}"#));
            assert_eq!(error_code(&r), Some(jsonrpc::METHOD_NOT_FOUND), "{m}");
            assert_eq!(r.get("id"), Some(&Value::from(3i64)));
        }
    }

    #[test]
    fn parse_error_has_null_id() {
        let r = call(&server(), r#"{"jsonrpc":"2.0","id":1,"method":"#);
        assert_eq!(error_code(&r), Some(jsonrpc::PARSE_ERROR));
        assert_eq!(r.get("id"), Some(&Value::Null));
    }

    #[test]
    fn invalid_request_and_batches() {
        let s = server();
        let r = call(&s, r#"{"jsonrpc":"2.0","id":5,"method":7}"#);
        assert_eq!(error_code(&r), Some(jsonrpc::INVALID_REQUEST));
        assert_eq!(r.get("id"), Some(&Value::from(5i64)));
        let r = call(&s, r#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#);
        assert_eq!(error_code(&r), Some(jsonrpc::INVALID_REQUEST));
        assert_eq!(r.get("id"), Some(&Value::Null));
    }

    #[test]
    fn string_and_big_ids_are_echoed_exactly() {
        let s = server();
        let r = call(&s, r#"{"jsonrpc":"2.0","id":"abc-1","method":"ping"}"#);
        assert_eq!(r.get("id"), Some(&Value::from("abc-1")));
        let r = call(
            &s,
            r#"{"jsonrpc":"2.0","id":12345678901234567890123,"method":"ping"}"#,
        );
        assert!(r.to_json().contains(r#""id":12345678901234567890123"#));
    }

    #[test]
    fn sessions_create_touch_remove() {
        let sessions = Sessions::new(10, Duration::from_secs(60));
        let id = sessions.create("2025-06-18");
        assert_eq!(id.len(), 32);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(sessions.touch(&id).as_deref(), Some("2025-06-18"));
        assert_eq!(sessions.touch("nope"), None);
        assert_eq!(sessions.len(), 1);
        assert!(sessions.remove(&id));
        assert!(!sessions.remove(&id));
        assert!(sessions.is_empty());
    }

    #[test]
    fn sessions_are_bounded_and_expire() {
        let sessions = Sessions::new(2, Duration::from_secs(60));
        let a = sessions.create("v");
        std::thread::sleep(Duration::from_millis(2));
        let b = sessions.create("v");
        std::thread::sleep(Duration::from_millis(2));
        sessions.touch(&a);
        let c = sessions.create("v");
        assert_eq!(sessions.len(), 2);
        assert!(sessions.touch(&a).is_some());
        assert!(
            sessions.touch(&b).is_none(),
            "least recently used is evicted"
        );
        assert!(sessions.touch(&c).is_some());

        let short = Sessions::new(10, Duration::from_millis(1));
        let d = short.create("v");
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(short.touch(&d), None);
    }

    #[test]
    fn random_ids_differ() {
        assert_ne!(random_hex(16), random_hex(16));
        let mut buf = [0u8; 20];
        fallback_random(&mut buf);
        assert_ne!(buf, [0u8; 20]);
    }

    #[test]
    fn parse_of_valid_messages_round_trip_through_handle_value() {
        let v = parse(r#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#).unwrap();
        assert!(server().handle_value(&v).is_some());
    }
}
