//! The stdio transport: one JSON-RPC message per line on stdin, responses on stdout.

use std::io::{self, BufRead, Write};

use crate::json;
use crate::mcp::{self, Server};

/// Serves until end of input. Blank lines are skipped; invalid UTF-8 is a parse error.
pub fn serve<R: BufRead, W: Write>(server: &Server, mut input: R, mut output: W) -> io::Result<()> {
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        let trimmed = line.trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        let reply = match json::parse_bytes(trimmed) {
            Ok(v) => server.handle_value(&v),
            Err(e) => Some(mcp::parse_error_response(&e)),
        };
        if let Some(reply) = reply {
            let mut text = reply.to_json();
            text.push('\n');
            output.write_all(text.as_bytes())?;
            output.flush()?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::Metrics;
    use std::sync::Arc;

    #[test]
    fn answers_requests_line_by_line() {
        let server = Server::new(Arc::new(Metrics::new(&mcp::tool_names())));
        let input = concat!(
            r#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#,
            "\n\n",
            r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            "\r\n",
            "not json\n",
            "\u{ff}\n",
            r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"add","arguments":{"a":1,"b":2}}}"#
        );
        let mut out = Vec::new();
        serve(&server, input.as_bytes(), &mut out).unwrap();
        let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert_eq!(lines[0], r#"{"jsonrpc":"2.0","id":1,"result":{}}"#);
        assert!(lines[1].contains("-32700") && lines[1].contains(r#""id":null"#));
        assert!(lines[2].contains("-32700"));
        assert!(lines[3].contains(r#""structuredContent":{"sum":3}"#));
    }
}
