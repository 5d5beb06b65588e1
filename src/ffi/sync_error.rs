//! The one convention for synchronous exports that can fail: a trailing
//! `char **error_json_out` that receives the error object on failure and is
//! left untouched on success (docs/ABI.md, "Synchronous errors").

use super::{buffers, ffi_boundary, TcResult};
use crate::error::{Error, ErrorCode};
use std::ffi::c_char;

/// Why a synchronous export failed: the result code it returns and the
/// error object it reports.
pub(super) struct SyncError {
    result: TcResult,
    error: Error,
}

impl SyncError {
    /// A required pointer named `what` was NULL: `TC_RESULT_NULL_ARGUMENT`
    /// with an `invalid_argument` error object.
    pub(super) fn null(what: &str) -> Self {
        SyncError {
            result: TcResult::NullArgument,
            error: Error::invalid(format!("`{what}` is NULL")),
        }
    }
}

impl From<Error> for SyncError {
    fn from(error: Error) -> Self {
        SyncError {
            result: TcResult::for_error(&error),
            error,
        }
    }
}

/// Runs a synchronous export's body inside the panic boundary and reports
/// its failure: `TC_RESULT_OK` when it succeeds (nothing written to
/// `error_json_out`), else the failure's result code, and the error object
/// written to `*error_json_out` unless that is NULL. A panic gives
/// `TC_RESULT_PANIC` with a `panic` error object.
///
/// # Safety
/// `error_json_out` must be NULL or valid for a write.
pub(super) unsafe fn run(
    error_json_out: *mut *mut c_char,
    body: impl FnOnce() -> Result<(), SyncError>,
) -> TcResult {
    let outcome = ffi_boundary!(
        Err(SyncError::from(Error::new(
            ErrorCode::Panic,
            "a panic was caught inside the library"
        ))),
        { body() }
    );
    match outcome {
        Ok(()) => TcResult::Ok,
        Err(failure) => {
            if !error_json_out.is_null() {
                // SAFETY: checked non-NULL; the caller's contract.
                unsafe {
                    buffers::write_out(
                        failure.error.to_json_string(),
                        error_json_out,
                        std::ptr::null_mut(),
                    )
                };
            }
            failure.result
        }
    }
}
