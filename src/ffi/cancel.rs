//! Cancellation handles (`TcCancel`).

use super::ffi_boundary;
use crate::error::{Error, Result};
use crate::registry::Registry;
use tokio_util::sync::CancellationToken;

/// A cancellation handle. Pass it to any number of asynchronous calls;
/// `tc_cancel_cancel` cancels them all. Thread-safe.
pub struct TcCancel {
    _opaque: (),
}

static CANCELS: Registry<CancellationToken> = Registry::new();

/// The token behind a nullable cancel handle; a freed handle is `closed`.
pub(crate) fn token(cancel: *const TcCancel) -> Result<Option<CancellationToken>> {
    if cancel.is_null() {
        return Ok(None);
    }
    CANCELS
        .get(cancel.addr())
        .map(|t| Some((*t).clone()))
        .ok_or_else(|| Error::closed("the TcCancel handle was freed"))
}

/// Creates a cancellation handle. Free it with `tc_cancel_free` (calls that
/// received it are unaffected by the free). Returns NULL only on a panic.
#[no_mangle]
pub extern "C" fn tc_cancel_new() -> *mut TcCancel {
    ffi_boundary!(std::ptr::null_mut(), {
        let id = CANCELS.insert(std::sync::Arc::new(CancellationToken::new()));
        std::ptr::without_provenance_mut(id)
    })
}

/// Cancels every call that received this handle, now and later: pending
/// calls complete with `TC_STATUS_CANCELLED` promptly, later calls given
/// this handle complete cancelled at once. NULL or freed handles: no-op.
/// Callable from any thread, including from callbacks.
#[no_mangle]
pub extern "C" fn tc_cancel_cancel(cancel: *const TcCancel) {
    ffi_boundary!((), {
        if let Ok(Some(t)) = token(cancel) {
            t.cancel();
        }
    })
}

/// Frees a cancellation handle. NULL and already freed handles: no-op.
#[no_mangle]
pub extern "C" fn tc_cancel_free(cancel: *mut TcCancel) {
    ffi_boundary!((), {
        if !cancel.is_null() {
            CANCELS.remove(cancel.addr());
        }
    })
}
