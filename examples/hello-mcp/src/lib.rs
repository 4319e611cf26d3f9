//! hello-mcp: a small Model Context Protocol server using only the Rust standard library.
//!
//! Transports: Streamable HTTP on `/mcp` ([`http`]) and newline-delimited stdio ([`stdio`]).

pub mod log;

pub mod config;
pub mod http;
pub mod json;
pub mod jsonrpc;
pub mod mcp;
pub mod metrics;
pub mod shutdown;
pub mod stdio;
