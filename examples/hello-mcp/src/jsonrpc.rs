//! JSON-RPC 2.0 message classification and response building.

use crate::json::{Map, Value};

pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;
pub const INVALID_PARAMS: i64 = -32602;
pub const INTERNAL_ERROR: i64 = -32603;
/// Implementation-defined server error (transport level: bad headers, missing session).
pub const SERVER_ERROR: i64 = -32000;
/// Session not found (the code the TypeScript SDK uses).
pub const SESSION_NOT_FOUND: i64 = -32001;

/// A classified incoming JSON-RPC message.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Has an `id`: must be answered.
    Request {
        id: Value,
        method: String,
        params: Option<Value>,
    },
    /// No `id`: must not be answered.
    Notification {
        method: String,
        params: Option<Value>,
    },
    /// A response to a request the server sent (this server sends none; it is accepted and ignored).
    Response { id: Value },
}

impl Message {
    pub fn method(&self) -> Option<&str> {
        match self {
            Message::Request { method, .. } | Message::Notification { method, .. } => Some(method),
            Message::Response { .. } => None,
        }
    }
}

/// A JSON-RPC error to send back.
#[derive(Debug, Clone, PartialEq)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    pub data: Option<Value>,
}

impl RpcError {
    pub fn new(code: i64, message: impl Into<String>) -> RpcError {
        RpcError {
            code,
            message: message.into(),
            data: None,
        }
    }

    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert("code", self.code);
        m.insert("message", self.message.as_str());
        if let Some(data) = &self.data {
            m.insert("data", data.clone());
        }
        Value::Object(m)
    }
}

fn valid_id(id: &Value) -> bool {
    matches!(id, Value::String(_) | Value::Number(_))
}

/// Classifies a parsed JSON value. On failure returns the `id` to answer with (or null) and the error.
pub fn classify(v: &Value) -> Result<Message, (Value, RpcError)> {
    let obj = match v {
        Value::Object(o) => o,
        Value::Array(_) => {
            return Err((
                Value::Null,
                RpcError::new(
                    INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not supported",
                ),
            ))
        }
        _ => {
            return Err((
                Value::Null,
                RpcError::new(INVALID_REQUEST, "Invalid Request: expected a JSON object"),
            ))
        }
    };
    let id = obj.get("id");
    let reply_id = id.filter(|i| valid_id(i)).cloned().unwrap_or(Value::Null);
    let invalid = |why: &str| {
        Err((
            reply_id.clone(),
            RpcError::new(INVALID_REQUEST, format!("Invalid Request: {why}")),
        ))
    };

    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid("\"jsonrpc\" must be \"2.0\"");
    }
    if let Some(id) = id {
        if !valid_id(id) {
            return invalid("\"id\" must be a string or a number");
        }
    }
    match obj.get("method") {
        Some(Value::String(method)) => {
            let params = obj.get("params").cloned();
            if let Some(p) = &params {
                if !matches!(p, Value::Object(_) | Value::Array(_)) {
                    return invalid("\"params\" must be an object or an array");
                }
            }
            Ok(match id {
                Some(id) => Message::Request {
                    id: id.clone(),
                    method: method.clone(),
                    params,
                },
                None => Message::Notification {
                    method: method.clone(),
                    params,
                },
            })
        }
        Some(_) => invalid("\"method\" must be a string"),
        None => {
            let has_result = obj.contains_key("result");
            let has_error = obj.contains_key("error");
            match id {
                Some(id) if has_result != has_error => Ok(Message::Response { id: id.clone() }),
                _ => invalid("missing \"method\""),
            }
        }
    }
}

/// `{"jsonrpc":"2.0","id":…,"result":…}`
pub fn success(id: Value, result: Value) -> Value {
    Value::object([
        ("jsonrpc", Value::from("2.0")),
        ("id", id),
        ("result", result),
    ])
}

/// `{"jsonrpc":"2.0","id":…,"error":{…}}`
pub fn failure(id: Value, error: &RpcError) -> Value {
    Value::object([
        ("jsonrpc", Value::from("2.0")),
        ("id", id),
        ("error", error.to_value()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn c(s: &str) -> Result<Message, (Value, RpcError)> {
        classify(&parse(s).unwrap())
    }

    #[test]
    fn classifies_requests_notifications_and_responses() {
        assert_eq!(
            c(r#"{"jsonrpc":"2.0","id":7,"method":"ping"}"#),
            Ok(Message::Request {
                id: Value::from(7i64),
                method: "ping".into(),
                params: None
            })
        );
        assert_eq!(
            c(r#"{"jsonrpc":"2.0","method":"notifications/initialized","params":{}}"#),
            Ok(Message::Notification {
                method: "notifications/initialized".into(),
                params: Some(Value::empty_object())
            })
        );
        assert_eq!(
            c(r#"{"jsonrpc":"2.0","id":"a","result":{}}"#),
            Ok(Message::Response {
                id: Value::from("a")
            })
        );
    }

    #[test]
    fn rejects_invalid_requests() {
        for (s, id) in [
            (r#"{"id":1,"method":"ping"}"#, Value::from(1i64)),
            (
                r#"{"jsonrpc":"1.0","id":1,"method":"ping"}"#,
                Value::from(1i64),
            ),
            (r#"{"jsonrpc":"2.0","id":"x","method":5}"#, Value::from("x")),
            (
                r#"{"jsonrpc":"2.0","id":null,"method":"ping"}"#,
                Value::Null,
            ),
            (r#"{"jsonrpc":"2.0","id":{},"method":"ping"}"#, Value::Null),
            (
                r#"{"jsonrpc":"2.0","id":2,"method":"ping","params":3}"#,
                Value::from(2i64),
            ),
            (r#"{"jsonrpc":"2.0","id":3}"#, Value::from(3i64)),
            (
                r#"{"jsonrpc":"2.0","id":3,"result":1,"error":{}}"#,
                Value::from(3i64),
            ),
            (r#"[]"#, Value::Null),
            (r#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#, Value::Null),
            (r#""str""#, Value::Null),
            (r#"42"#, Value::Null),
        ] {
            let (got_id, err) = c(s).unwrap_err();
            assert_eq!(err.code, INVALID_REQUEST, "{s}");
            assert_eq!(got_id, id, "{s}");
        }
    }

    #[test]
    fn builds_responses() {
        assert_eq!(
            success(Value::from(1i64), Value::empty_object()).to_json(),
            r#"{"jsonrpc":"2.0","id":1,"result":{}}"#
        );
        let mut e = RpcError::new(METHOD_NOT_FOUND, "Method not found: x");
        assert_eq!(
            failure(Value::Null, &e).to_json(),
            r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32601,"message":"Method not found: x"}}"#
        );
        e.data = Some(Value::from("d"));
        assert!(failure(Value::from("i"), &e)
            .to_json()
            .ends_with(r#""data":"d"}}"#));
    }
}
