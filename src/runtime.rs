//! The Tokio runtime that runs every operation, and the completion guarantee.
//!
//! [`Runtime::spawn`] runs an operation and hands its outcome to a
//! [`Completer`] exactly once: on success, on error, on panic (caught), on
//! cancellation, and when the runtime shuts down with the operation still
//! pending (the task is dropped and the completer reports `cancelled`).

use crate::error::{Error, ErrorCode, Result};
use futures::FutureExt;
use std::{future::Future, panic::AssertUnwindSafe, sync::Mutex, time::Duration};
use tokio_util::sync::CancellationToken;

/// The outcome of an operation: success JSON text (or another value), or an error.
pub type Outcome<T = String> = Result<T>;

/// Delivers an operation's outcome exactly once.
///
/// If dropped without [`Completer::complete`] having been called (a panic
/// unwinding through it, or its task dropped at shutdown), it delivers
/// `panic` or `cancelled` itself.
pub struct Completer<T = String> {
    deliver: Option<Box<dyn FnOnce(Outcome<T>) + Send>>,
}

impl<T> Completer<T> {
    /// Wraps the function that delivers the outcome.
    pub fn new(deliver: impl FnOnce(Outcome<T>) + Send + 'static) -> Self {
        Completer {
            deliver: Some(Box::new(deliver)),
        }
    }

    /// Delivers the outcome.
    pub fn complete(mut self, outcome: Outcome<T>) {
        if let Some(deliver) = self.deliver.take() {
            deliver(outcome);
        }
    }
}

impl<T> Drop for Completer<T> {
    fn drop(&mut self) {
        if let Some(deliver) = self.deliver.take() {
            let err = if std::thread::panicking() {
                Error::new(ErrorCode::Panic, "a panic interrupted the operation")
            } else {
                Error::cancelled("the runtime shut down before the operation completed")
            };
            deliver(Err(err));
        }
    }
}

/// Options of `tc_runtime_new`.
#[derive(Debug, Default, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuntimeOptions {
    /// Tokio worker threads, 1 to [`MAX_WORKER_THREADS`]; default: the number of CPUs.
    pub worker_threads: Option<usize>,
    /// How long `tc_runtime_free` waits for pending operations to be
    /// cancelled and their callbacks delivered; default 5 s.
    pub shutdown_timeout: Option<crate::convert::duration::JsonDuration>,
}

/// The most worker threads a runtime may ask for.
pub const MAX_WORKER_THREADS: usize = 1024;

impl crate::model::Validate for RuntimeOptions {
    fn validate_at(&self, _at: &str) -> Result<()> {
        match self.worker_threads {
            Some(n) if !(1..=MAX_WORKER_THREADS).contains(&n) => Err(Error::invalid(format!(
                "`worker_threads` {n} must be 1..={MAX_WORKER_THREADS}"
            ))
            .with("key", "worker_threads")),
            _ => Ok(()),
        }
    }
}

/// A Tokio runtime that can be shut down explicitly while clients still
/// hold references to it.
pub struct Runtime {
    tokio: Mutex<Option<tokio::runtime::Runtime>>,
    handle: tokio::runtime::Handle,
    shutdown_timeout: Duration,
}

impl Runtime {
    /// Starts the worker threads.
    pub fn new(options: &RuntimeOptions) -> Result<Self> {
        crate::panics::install();
        let mut builder = tokio::runtime::Builder::new_multi_thread();
        builder
            .enable_all()
            .thread_name(crate::panics::RUNTIME_THREAD_NAME);
        if let Some(n) = options.worker_threads {
            builder.worker_threads(n.max(1));
        }
        let tokio = builder
            .build()
            .map_err(|e| Error::new(ErrorCode::Internal, format!("cannot start runtime: {e}")))?;
        Ok(Runtime {
            handle: tokio.handle().clone(),
            tokio: Mutex::new(Some(tokio)),
            shutdown_timeout: options
                .shutdown_timeout
                .map(|d| d.0)
                .unwrap_or(Duration::from_secs(5)),
        })
    }

    /// True once [`Runtime::shutdown`] ran.
    pub fn is_closed(&self) -> bool {
        self.tokio.lock().map(|t| t.is_none()).unwrap_or(true)
    }

    /// Runs `op` on the runtime and delivers its outcome through `done`.
    ///
    /// A triggered `cancel` token completes the call with `cancelled` at once
    /// (the operation's future is dropped). On a closed runtime `done`
    /// receives `closed` immediately, on the caller's thread.
    pub fn spawn<T, F>(&self, op: F, cancel: Option<CancellationToken>, done: Completer<T>)
    where
        T: Send + 'static,
        F: Future<Output = Outcome<T>> + Send + 'static,
    {
        if self.is_closed() {
            done.complete(Err(Error::closed("the runtime has been freed")));
            return;
        }
        self.handle.spawn(async move {
            let op = AssertUnwindSafe(op).catch_unwind();
            let caught = match cancel {
                Some(token) => tokio::select! {
                    biased;
                    _ = token.cancelled() => Ok(Err(Error::cancelled("the operation was cancelled"))),
                    r = op => r,
                },
                None => op.await,
            };
            let outcome = caught.unwrap_or_else(|panic| Err(panic_error(&*panic)));
            done.complete(outcome);
        });
    }

    /// Shuts the runtime down: pending operations are dropped, which
    /// completes each of them with `cancelled`. From a runtime thread (a
    /// callback) the shutdown happens in the background; otherwise this
    /// waits up to the configured shutdown timeout.
    pub fn shutdown(&self) {
        let taken = self.tokio.lock().ok().and_then(|mut t| t.take());
        if let Some(tokio) = taken {
            if tokio::runtime::Handle::try_current().is_ok() {
                tokio.shutdown_background();
            } else {
                tokio.shutdown_timeout(self.shutdown_timeout);
            }
        }
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Turns a caught panic payload into a `panic` error.
pub fn panic_error(payload: &(dyn std::any::Any + Send)) -> Error {
    let text = crate::panics::payload_text(payload);
    Error::new(
        ErrorCode::Panic,
        format!("panic inside the library: {text}"),
    )
}
