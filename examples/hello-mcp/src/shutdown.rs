//! SIGTERM/SIGINT handling with std only.
//!
//! std has no signal API, but it links the C library anyway, so `signal(2)` is declared
//! directly. The handler only stores to an atomic (async-signal-safe); a watcher thread
//! does the rest. A second signal exits at once. This matters in a container: as PID 1 a
//! process without a handler ignores SIGTERM and is only killed after the grace period.

use std::sync::atomic::{AtomicBool, Ordering};

static RECEIVED: AtomicBool = AtomicBool::new(false);

/// Whether SIGTERM or SIGINT has arrived.
pub fn requested() -> bool {
    RECEIVED.load(Ordering::SeqCst)
}

/// Requests shutdown as if a signal had arrived (for tests and embedding).
pub fn request() {
    RECEIVED.store(true, Ordering::SeqCst);
}

#[cfg(unix)]
mod imp {
    use super::RECEIVED;
    use std::sync::atomic::Ordering;

    const SIGINT: i32 = 2;
    const SIGTERM: i32 = 15;

    extern "C" {
        fn signal(signum: i32, handler: extern "C" fn(i32)) -> usize;
        fn _exit(status: i32) -> !;
    }

    extern "C" fn on_signal(signum: i32) {
        if RECEIVED.swap(true, Ordering::SeqCst) {
            // Second signal: give up on a graceful exit.
            // SAFETY: _exit is async-signal-safe.
            unsafe { _exit(128 + signum) }
        }
    }

    pub fn install() {
        // SAFETY: the handler only touches an atomic (or calls _exit), both async-signal-safe.
        unsafe {
            signal(SIGTERM, on_signal);
            signal(SIGINT, on_signal);
        }
    }
}

#[cfg(not(unix))]
mod imp {
    pub fn install() {}
}

/// Installs the SIGTERM/SIGINT handlers.
pub fn install_handlers() {
    imp::install();
}
