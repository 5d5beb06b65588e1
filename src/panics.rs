//! Panic reporting (DESIGN rule 11): a panic raised by the library goes to
//! the host's logger as an `error` record, never to stdout or stderr.
//!
//! [`install`] sets one process-wide panic hook (once). A panic counts as
//! the library's when it is raised on a runtime thread (named
//! [`RUNTIME_THREAD_NAME`]) or inside an export ([`Inside`] is held by the
//! FFI boundary). Such a panic is logged with target
//! `temporal_capi::panic`: message, location and backtrace, scrubbed of
//! secrets; nothing is printed. Every other panic (the host's own, a test
//! harness assertion, one raised inside a host callback, see [`HostCode`])
//! goes to the hook that was installed before.

use crate::secrets;
use std::{
    backtrace::Backtrace,
    cell::Cell,
    panic::{self, PanicHookInfo},
    sync::Once,
    thread::LocalKey,
};

/// The name of every thread of a library runtime.
pub(crate) const RUNTIME_THREAD_NAME: &str = "temporal-capi";

/// The `target` of the log record of a panic.
pub(crate) const LOG_TARGET: &str = "temporal_capi::panic";

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static HOST: Cell<usize> = const { Cell::new(0) };
}

/// One count of a thread-local nesting counter, held until dropped.
struct Counted(&'static LocalKey<Cell<usize>>);

impl Counted {
    /// Adds one to `counter` on this thread.
    fn enter(counter: &'static LocalKey<Cell<usize>>) -> Counted {
        counter.with(|c| c.set(c.get() + 1));
        Counted(counter)
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.with(|c| c.set(c.get().saturating_sub(1)));
    }
}

/// Marks the current thread as running library code until dropped.
pub struct Inside {
    _count: Counted,
}

impl Inside {
    /// Enters library code on this thread (nesting is allowed).
    pub fn enter() -> Inside {
        Inside {
            _count: Counted::enter(&DEPTH),
        }
    }
}

/// Marks the current thread as running the host's code (a callback the
/// library invoked) until dropped: a panic there is the host's, even on a
/// runtime thread or inside an export.
pub struct HostCode {
    _count: Counted,
}

impl HostCode {
    /// Enters host code on this thread (nesting is allowed).
    pub fn enter() -> HostCode {
        HostCode {
            _count: Counted::enter(&HOST),
        }
    }
}

/// True when a panic raised now on this thread is the library's.
pub fn in_library() -> bool {
    HOST.with(|h| h.get() == 0)
        && (DEPTH.with(|d| d.get() > 0)
            || std::thread::current().name() == Some(RUNTIME_THREAD_NAME))
}

/// Installs the panic hook, once per process; later calls do nothing.
pub fn install() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if in_library() {
                report(info);
            } else {
                previous(info);
            }
        }));
    });
}

/// The text of a panic payload (`&str` or `String`), scrubbed of secrets.
pub fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown panic");
    secrets::scrub(text).into_owned()
}

fn report(info: &PanicHookInfo<'_>) {
    let message = payload_text(info.payload());
    let location = info
        .location()
        .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
        .unwrap_or_default();
    let thread = std::thread::current()
        .name()
        .unwrap_or("<unnamed>")
        .to_owned();
    let backtrace = Backtrace::force_capture().to_string();
    tracing::error!(
        target: LOG_TARGET,
        location = %location,
        thread = %thread,
        backtrace = %backtrace,
        "panic inside the library: {message}"
    );
}
