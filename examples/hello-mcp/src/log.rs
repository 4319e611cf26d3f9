//! A tiny leveled logger writing to stderr (stdout is reserved for the stdio transport).
//!
//! The level comes from `RUST_LOG`: `error`, `warn`, `info` (default), `debug`, `trace`
//! (same as debug) or `off`. Directives such as `hello_mcp=debug,warn` are understood
//! in a simple way: a `hello_mcp=`/`hello-mcp=` directive wins over a bare level.

use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Off = 0,
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
}

impl Level {
    fn name(self) -> &'static str {
        match self {
            Level::Off => "OFF",
            Level::Error => "ERROR",
            Level::Warn => "WARN",
            Level::Info => "INFO",
            Level::Debug => "DEBUG",
        }
    }

    fn from_word(word: &str) -> Option<Level> {
        match word.trim().to_ascii_lowercase().as_str() {
            "off" | "none" => Some(Level::Off),
            "error" => Some(Level::Error),
            "warn" | "warning" => Some(Level::Warn),
            "info" => Some(Level::Info),
            "debug" | "trace" => Some(Level::Debug),
            _ => None,
        }
    }
}

static LEVEL: AtomicU8 = AtomicU8::new(Level::Info as u8);

/// Parses a `RUST_LOG`-style value. Unknown or empty values give `Info`.
pub fn parse_level(spec: &str) -> Level {
    let mut global = None;
    let mut ours = None;
    for part in spec.split(',') {
        match part.split_once('=') {
            Some((target, level)) => {
                let target = target.trim();
                if target == "hello_mcp" || target == "hello-mcp" {
                    ours = Level::from_word(level).or(ours);
                }
            }
            None => global = Level::from_word(part).or(global),
        }
    }
    ours.or(global).unwrap_or(Level::Info)
}

pub fn set_level(level: Level) {
    LEVEL.store(level as u8, Ordering::Relaxed);
}

pub fn enabled(level: Level) -> bool {
    level != Level::Off && (level as u8) <= LEVEL.load(Ordering::Relaxed)
}

/// Writes one log line (use the `error!`/`warn!`/`info!`/`debug!` macros).
pub fn write(level: Level, args: std::fmt::Arguments<'_>) {
    if !enabled(level) {
        return;
    }
    let line = format!(
        "{} {:5} hello-mcp: {}\n",
        timestamp(SystemTime::now()),
        level.name(),
        args
    );
    // One write per line keeps lines from different threads intact. Errors are ignored:
    // logging must never take the server down (`eprint!` would panic on EPIPE).
    #[cfg(not(test))]
    let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), line.as_bytes());
    // The test harness captures `eprint!` output only.
    #[cfg(test)]
    eprint!("{line}");
}

/// RFC 3339 UTC timestamp with milliseconds, e.g. `2025-06-18T12:34:56.789Z`.
pub fn timestamp(t: SystemTime) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, day) = civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_millis()
    )
}

/// Days since 1970-01-01 to (year, month, day), Howard Hinnant's algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[macro_export]
macro_rules! error {
    ($($arg:tt)*) => { $crate::log::write($crate::log::Level::Error, format_args!($($arg)*)) };
}
#[macro_export]
macro_rules! warn {
    ($($arg:tt)*) => { $crate::log::write($crate::log::Level::Warn, format_args!($($arg)*)) };
}
#[macro_export]
macro_rules! info {
    ($($arg:tt)*) => { $crate::log::write($crate::log::Level::Info, format_args!($($arg)*)) };
}
#[macro_export]
macro_rules! debug {
    ($($arg:tt)*) => { $crate::log::write($crate::log::Level::Debug, format_args!($($arg)*)) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn parses_rust_log() {
        assert_eq!(parse_level(""), Level::Info);
        assert_eq!(parse_level("debug"), Level::Debug);
        assert_eq!(parse_level("TRACE"), Level::Debug);
        assert_eq!(parse_level("warn"), Level::Warn);
        assert_eq!(parse_level("error"), Level::Error);
        assert_eq!(parse_level("off"), Level::Off);
        assert_eq!(parse_level("nonsense"), Level::Info);
        assert_eq!(parse_level("warn,hello_mcp=debug"), Level::Debug);
        assert_eq!(parse_level("hello_mcp=error,debug"), Level::Error);
        assert_eq!(parse_level("other_crate=debug"), Level::Info);
    }

    #[test]
    fn formats_timestamps() {
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        let t = UNIX_EPOCH + Duration::from_millis(1_750_249_696_789);
        assert_eq!(timestamp(t), "2025-06-18T12:28:16.789Z");
        // Leap day.
        let t = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(timestamp(t), "2000-02-29T00:00:00.000Z");
    }
}
