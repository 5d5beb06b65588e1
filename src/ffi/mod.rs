//! The C ABI. The only module with `extern "C"`, raw pointers and `unsafe`.
//!
//! House rules (docs/ABI.md): every export runs inside [`ffi_boundary!`]
//! (panics become `TC_RESULT_PANIC`), NULL checks come before any slice is
//! built, text is validated as UTF-8, handles are opaque registry keys that
//! are never dereferenced (a freed handle yields `TC_RESULT_CLOSED`), and
//! every asynchronous call completes its callback exactly once unless it
//! returns `TC_RESULT_NULL_ARGUMENT`.

mod buffers;
mod callback;
mod sync_error;

pub mod cancel;
pub mod client;
pub mod envconfig;
#[rustfmt::skip]
pub mod exports;
pub mod runtime;
pub mod version;

pub use buffers::tc_string_free;
pub use callback::TcCallback;
pub use client::TcClientCallback;

use crate::error::{Error, ErrorCode};

/// Result of a synchronous call or of the synchronous part of an
/// asynchronous call.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TcResult {
    /// Accepted (asynchronous calls) or done (synchronous calls).
    Ok = 0,
    /// A required pointer (handle, callback or out-parameter) was NULL; no callback fires.
    NullArgument = 1,
    /// The input was rejected; the error object names the problem.
    InvalidArgument = 2,
    /// A panic was caught inside the library; the process is unaffected.
    Panic = 3,
    /// The handle was freed or its runtime was shut down.
    Closed = 4,
    /// Another error; the error object carries its code.
    Error = 5,
}

/// How an asynchronous call completed.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TcStatus {
    /// Success: the JSON is the response.
    Ok = 0,
    /// Failure: the JSON is an error object `{code, message, ...}`.
    Error = 1,
    /// Cancelled through a `TcCancel` or by freeing the runtime: the JSON is
    /// an error object with code `cancelled`.
    Cancelled = 2,
}

impl TcResult {
    /// The result code that names an error reported synchronously.
    fn for_error(err: &Error) -> TcResult {
        match err.code() {
            ErrorCode::InvalidArgument => TcResult::InvalidArgument,
            ErrorCode::Closed => TcResult::Closed,
            ErrorCode::Panic => TcResult::Panic,
            _ => TcResult::Error,
        }
    }
}

/// Runs an export's body, turning a panic into `$on_panic`. The body runs
/// as library code: a panic in it is reported to the logger, not printed
/// (see [`crate::panics`]).
macro_rules! ffi_boundary {
    ($on_panic:expr, $body:block) => {{
        crate::panics::install();
        let _inside = crate::panics::Inside::enter();
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| $body)) {
            Ok(value) => value,
            Err(_) => $on_panic,
        }
    }};
}
pub(crate) use ffi_boundary;
