//! Configuration from environment variables.

use crate::http::HostPolicy;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

pub const DEFAULT_PORT: u16 = 8080;
/// Inside a container the server must not bind loopback, so the default is all interfaces.
pub const DEFAULT_HOST: &str = "0.0.0.0";

#[derive(Debug, Clone)]
pub struct Config {
    /// `MCP_SERVER_HOST`
    pub host: String,
    /// `MCP_SERVER_PORT` (0 picks a free port)
    pub port: u16,
    /// `MCP_ALLOWED_HOSTS`, comma separated, added to the loopback names
    pub allowed_hosts: String,
    /// `HELLO_MCP_FAIL_RATE`: share of tool calls (0 to 1) that fail on purpose, for demos and tests
    pub fail_rate: f64,
    /// `HELLO_MCP_FAIL_AFTER`: tool calls spared before `fail_rate` applies
    pub fail_after: u64,
}

impl Config {
    /// Reads the configuration through `var` (use `|k| std::env::var(k).ok()`).
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        let port = match var("MCP_SERVER_PORT").map(|p| p.trim().to_string()) {
            None => DEFAULT_PORT,
            Some(p) if p.is_empty() => DEFAULT_PORT,
            Some(p) => p
                .parse::<u16>()
                .map_err(|_| format!("MCP_SERVER_PORT must be a port number 0-65535, got {p:?}"))?,
        };
        let host = var("MCP_SERVER_HOST")
            .map(|h| {
                h.trim()
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .to_string()
            })
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| DEFAULT_HOST.to_string());
        let fail_rate = match var("HELLO_MCP_FAIL_RATE").map(|r| r.trim().to_string()) {
            None => 0.0,
            Some(r) if r.is_empty() => 0.0,
            Some(r) => r
                .parse::<f64>()
                .ok()
                .filter(|f| (0.0..=1.0).contains(f))
                .ok_or_else(|| {
                    format!("HELLO_MCP_FAIL_RATE must be a number from 0 to 1, got {r:?}")
                })?,
        };
        let fail_after = match var("HELLO_MCP_FAIL_AFTER").map(|r| r.trim().to_string()) {
            None => 0,
            Some(r) if r.is_empty() => 0,
            Some(r) => r.parse::<u64>().map_err(|_| {
                format!("HELLO_MCP_FAIL_AFTER must be a whole number of calls, got {r:?}")
            })?,
        };
        Ok(Config {
            host,
            port,
            allowed_hosts: var("MCP_ALLOWED_HOSTS").unwrap_or_default(),
            fail_rate,
            fail_after,
        })
    }

    pub fn from_env() -> Result<Config, String> {
        Config::from_lookup(|k| std::env::var(k).ok())
    }

    pub fn host_policy(&self) -> HostPolicy {
        HostPolicy::from_list(&self.allowed_hosts)
    }

    /// Where `--health-check` connects: loopback for wildcard binds, else the bind address.
    pub fn health_check_addr(&self) -> Option<SocketAddr> {
        let ip = match self.host.parse::<IpAddr>() {
            Ok(IpAddr::V4(v4)) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            Ok(IpAddr::V6(v6)) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            Ok(ip) => ip,
            Err(_) => {
                use std::net::ToSocketAddrs;
                return (self.host.as_str(), self.port)
                    .to_socket_addrs()
                    .ok()?
                    .next();
            }
        };
        Some(SocketAddr::new(ip, self.port))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn cfg(pairs: &[(&str, &str)]) -> Result<Config, String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults() {
        let c = cfg(&[]).unwrap();
        assert_eq!((c.host.as_str(), c.port), ("0.0.0.0", 8080));
        assert_eq!(
            c.health_check_addr(),
            Some("127.0.0.1:8080".parse().unwrap())
        );
    }

    #[test]
    fn reads_values() {
        let c = cfg(&[
            ("MCP_SERVER_PORT", " 0 "),
            ("MCP_SERVER_HOST", "[::]"),
            ("MCP_ALLOWED_HOSTS", "a.example"),
        ])
        .unwrap();
        assert_eq!((c.host.as_str(), c.port), ("::", 0));
        assert_eq!(c.health_check_addr(), Some("[::1]:0".parse().unwrap()));
        assert!(c.host_policy().allows("a.example:443"));
        let c = cfg(&[
            ("MCP_SERVER_HOST", "127.0.0.2"),
            ("MCP_SERVER_PORT", "9000"),
        ])
        .unwrap();
        assert_eq!(
            c.health_check_addr(),
            Some("127.0.0.2:9000".parse().unwrap())
        );
    }

    #[test]
    fn reads_fail_rate() {
        assert_eq!(cfg(&[]).unwrap().fail_rate, 0.0);
        assert_eq!(
            cfg(&[("HELLO_MCP_FAIL_RATE", " 0.4")]).unwrap().fail_rate,
            0.4
        );
        for r in ["x", "1.5", "-0.1", "NaN"] {
            let e = cfg(&[("HELLO_MCP_FAIL_RATE", r)]).unwrap_err();
            assert!(e.contains("HELLO_MCP_FAIL_RATE"), "{e}");
        }
        assert_eq!(
            cfg(&[("HELLO_MCP_FAIL_AFTER", "40")]).unwrap().fail_after,
            40
        );
        let e = cfg(&[("HELLO_MCP_FAIL_AFTER", "-1")]).unwrap_err();
        assert!(e.contains("HELLO_MCP_FAIL_AFTER"), "{e}");
    }

    #[test]
    fn rejects_bad_port() {
        for p in ["x", "65536", "-1", "80.0"] {
            let e = cfg(&[("MCP_SERVER_PORT", p)]).unwrap_err();
            assert!(e.contains("MCP_SERVER_PORT"), "{e}");
        }
    }
}
