//! End-to-end test of the `--stdio` transport against the real binary.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

#[test]
fn stdio_mode_speaks_newline_delimited_json_rpc() {
    let mut child = Command::new(BIN)
        .arg("--stdio")
        .env("RUST_LOG", "debug")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut roundtrip = |line: &str| -> Value {
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
        let mut reply = String::new();
        stdout.read_line(&mut reply).unwrap();
        parse(reply.trim_end()).unwrap_or_else(|e| panic!("{e}: {reply:?}"))
    };

    let init = roundtrip(INIT);
    assert_eq!(
        init.get("result")
            .unwrap()
            .get("protocolVersion")
            .unwrap()
            .as_str(),
        Some("2025-06-18")
    );
    // A notification gets no reply: the next line read belongs to tools/list.
    let list = roundtrip(&format!(
        "{}\n{}",
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        rpc(2, "tools/list", "{}")
    ));
    assert_eq!(list.get("id").unwrap().as_i64(), Some(2));
    assert_eq!(
        list.get("result")
            .unwrap()
            .get("tools")
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let call = roundtrip(&rpc(
        3,
        "tools/call",
        r#"{"name":"add","arguments":{"a":20,"b":22}}"#,
    ));
    assert_eq!(
        call.get("result")
            .unwrap()
            .get("structuredContent")
            .unwrap()
            .to_json(),
        r#"{"sum":42}"#
    );
    let err = roundtrip("{oops");
    assert_eq!(
        err.get("error").unwrap().get("code").unwrap().as_i64(),
        Some(-32700)
    );
    let err = roundtrip(&rpc(4, "nope", "{}"));
    assert_eq!(
        err.get("error").unwrap().get("code").unwrap().as_i64(),
        Some(-32601)
    );

    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert_eq!(rest, "", "nothing else on stdout");
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exits 0 at end of input");
    let logs = String::from_utf8_lossy(&out.stderr);
    assert!(
        logs.contains("serving MCP on stdio"),
        "logs go to stderr: {logs}"
    );
}
