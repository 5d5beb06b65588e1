//! Runtime handles (`TcRuntime`) and log forwarding.

use super::{
    buffers,
    callback::{with_c_text, TcCallback, UserData},
    ffi_boundary,
    sync_error::{self, SyncError},
    TcResult, TcStatus,
};
use crate::error::Error;
use crate::logging;
use crate::model;
use crate::registry::Registry;
use crate::runtime::{Runtime, RuntimeOptions};
use std::{ffi::c_char, sync::Arc};

/// A runtime: the worker threads every operation runs on.
pub struct TcRuntime {
    _opaque: (),
}

static RUNTIMES: Registry<Runtime> = Registry::new();

/// The runtime behind a handle, if live.
pub(crate) fn lookup(runtime: *const TcRuntime) -> Option<Arc<Runtime>> {
    RUNTIMES.get(runtime.addr())
}

/// Creates a runtime.
///
/// `options_json` (nullable; NULL or length 0 means `{}`):
/// `{"worker_threads": N, "shutdown_timeout": "5s"}`. Sets `*runtime_out`
/// and `*error_json_out` (when not NULL) to NULL, then on success writes the
/// handle to `*runtime_out` (free it with `tc_runtime_free`); on failure the
/// error object goes to `*error_json_out` (docs/ABI.md rule 10).
/// `runtime_out` NULL -> `TC_RESULT_NULL_ARGUMENT`.
///
/// # Safety
/// `options_json` must point to `options_len` readable bytes (or be NULL);
/// `runtime_out` and `error_json_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn tc_runtime_new(
    options_json: *const c_char,
    options_len: usize,
    runtime_out: *mut *mut TcRuntime,
    error_json_out: *mut *mut c_char,
) -> TcResult {
    let body = || {
        if runtime_out.is_null() {
            return Err(SyncError::null("runtime_out"));
        }
        // SAFETY: checked non-NULL; the caller's contract.
        unsafe { *runtime_out = std::ptr::null_mut() };
        // SAFETY: the caller's contract.
        let bytes = unsafe { buffers::input(options_json, options_len) };
        let runtime = model::parse_valid::<RuntimeOptions>(bytes).and_then(|o| Runtime::new(&o))?;
        let id = RUNTIMES.insert(Arc::new(runtime));
        // SAFETY: checked non-NULL; the caller's contract.
        unsafe { *runtime_out = std::ptr::without_provenance_mut(id) };
        Ok(())
    };
    if !error_json_out.is_null() {
        // SAFETY: the caller's contract.
        unsafe { *error_json_out = std::ptr::null_mut() };
    }
    // SAFETY: `error_json_out` is NULL or writable by the caller's contract.
    unsafe { sync_error::run(error_json_out, body) }
}

/// Shuts a runtime down and frees its handle.
///
/// Every operation still pending on it completes its callback exactly once
/// (with `TC_STATUS_CANCELLED`) before this returns, unless it is called
/// from a library thread (inside a callback), in which case the shutdown
/// finishes in the background. Clients created on it stay valid handles but
/// their calls fail with `closed`; free them with `tc_client_free`.
/// NULL and already freed handles: no-op.
#[no_mangle]
pub extern "C" fn tc_runtime_free(runtime: *mut TcRuntime) {
    ffi_boundary!((), {
        if let Some(rt) = RUNTIMES.remove(runtime.addr()) {
            logging::remove_sink(runtime.addr());
            rt.shutdown();
        }
    })
}

/// Forwards the library's logs at `level` and above to `callback`.
///
/// `level` (UTF-8, not NUL-terminated): `off`, `error`, `warn`, `info`,
/// `debug` or `trace`; `off` removes the logger. Each record is delivered as
/// JSON `{level, target, message, fields, timestamp}` with
/// `TC_STATUS_OK`, on the thread that logged; the callback must not block
/// and `user_data` must stay valid until the logger is replaced, turned off
/// or the runtime freed. One logger per runtime; a new call replaces it.
///
/// Fails with `TC_RESULT_NULL_ARGUMENT` for a NULL runtime, level or
/// callback, `TC_RESULT_INVALID_ARGUMENT` for an unknown level,
/// `TC_RESULT_CLOSED` for a freed runtime; the error object then goes to
/// `*error_json_out` unless it is NULL (see docs/ABI.md, "Synchronous
/// errors"), and the logger stays as it was.
///
/// # Safety
/// `level` must point to `level_len` readable bytes; `error_json_out` must
/// be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn tc_runtime_set_logger(
    runtime: *mut TcRuntime,
    level: *const c_char,
    level_len: usize,
    callback: TcCallback,
    user_data: *mut std::ffi::c_void,
    error_json_out: *mut *mut c_char,
) -> TcResult {
    let body = || {
        let Some(callback) = callback else {
            return Err(SyncError::null("callback"));
        };
        if runtime.is_null() {
            return Err(SyncError::null("runtime"));
        }
        if level.is_null() {
            return Err(SyncError::null("level"));
        }
        if lookup(runtime).is_none() {
            return Err(Error::closed("the TcRuntime handle was freed").into());
        }
        // SAFETY: checked non-NULL; the caller's contract.
        let filter = unsafe { buffers::input_str(level, level_len, "level") }
            .and_then(|l| logging::parse_level(l).map_err(Error::invalid))?;
        let user_data = UserData(user_data);
        let sink: logging::Sink = Arc::new(move |record: &str| {
            let user_data = user_data;
            with_c_text(record.to_owned(), |ptr, len| {
                // SAFETY: the caller supplied a valid function pointer.
                unsafe { callback(user_data.0, TcStatus::Ok, ptr, len) }
            });
        });
        logging::set_sink(runtime.addr(), filter, sink);
        Ok(())
    };
    // SAFETY: `error_json_out` is NULL or writable by the caller's contract.
    unsafe { sync_error::run(error_json_out, body) }
}
