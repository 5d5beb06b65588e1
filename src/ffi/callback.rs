//! Delivery of outcomes to C callbacks.

use super::TcStatus;
use crate::error::{Error, ErrorCode};
use crate::runtime::{Completer, Outcome};
use std::ffi::{c_char, c_void};

/// The completion callback of every asynchronous call.
///
/// `json` is valid only during the call and is NUL-terminated; `json_len`
/// excludes the NUL. The callback may run on a library thread or on the
/// calling thread, and must not block.
pub type TcCallback = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        status: TcStatus,
        json: *const c_char,
        json_len: usize,
    ),
>;

/// The caller's opaque pointer, carried to whichever thread completes.
#[derive(Clone, Copy)]
pub struct UserData(pub *mut c_void);

// SAFETY: the library never dereferences user_data; it only hands it back to
// the caller's callback, and the contract makes the caller responsible for
// its thread safety.
unsafe impl Send for UserData {}
// SAFETY: as for `Send`: the pointer is only passed back, never dereferenced.
unsafe impl Sync for UserData {}

/// Status and JSON text of an outcome.
pub fn status_and_text(outcome: Outcome) -> (TcStatus, String) {
    match outcome {
        Ok(text) => (TcStatus::Ok, text),
        Err(e) => (status_of(&e), e.to_json_string()),
    }
}

fn status_of(err: &Error) -> TcStatus {
    if err.code() == ErrorCode::Cancelled {
        TcStatus::Cancelled
    } else {
        TcStatus::Error
    }
}

/// Calls `f` (which invokes a host callback) with a NUL-terminated pointer
/// to `text` and its length. `f` runs as host code: a panic in it is the
/// host's ([`crate::panics::HostCode`]).
pub fn with_c_text(text: String, f: impl FnOnce(*const c_char, usize)) {
    let len = text.len();
    let mut bytes = text.into_bytes();
    bytes.push(0);
    let _host = crate::panics::HostCode::enter();
    f(bytes.as_ptr().cast(), len);
}

/// A completer that invokes `callback(user_data, status, json, len)`.
pub fn completer(
    callback: unsafe extern "C" fn(*mut c_void, TcStatus, *const c_char, usize),
    user_data: *mut c_void,
) -> Completer {
    let user_data = UserData(user_data);
    Completer::new(move |outcome: Outcome| {
        let user_data = user_data;
        let (status, text) = status_and_text(outcome);
        with_c_text(text, |ptr, len| {
            // SAFETY: the caller supplied a valid function pointer; the text
            // outlives the call.
            unsafe { callback(user_data.0, status, ptr, len) }
        });
    })
}
