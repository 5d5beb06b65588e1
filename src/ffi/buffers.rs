//! Input slices and library-owned output strings.

use crate::error::{Error, Result};
use std::{
    collections::HashSet,
    ffi::{c_char, CString},
    sync::{LazyLock, Mutex},
};

/// Strings handed out through out-parameters and not yet freed.
static OUTSTANDING: LazyLock<Mutex<HashSet<usize>>> = LazyLock::new(Default::default);

/// Borrows `len` bytes at `ptr`; NULL or 0 gives an empty slice.
///
/// # Safety
/// When non-NULL, `ptr` must point to `len` readable bytes for `'a`.
pub unsafe fn input<'a>(ptr: *const c_char, len: usize) -> &'a [u8] {
    if ptr.is_null() || len == 0 {
        &[]
    } else {
        // SAFETY: non-NULL and `len` readable bytes by the caller's contract.
        unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) }
    }
}

/// Borrows input text, validating UTF-8.
///
/// # Safety
/// As [`input`].
pub unsafe fn input_str<'a>(ptr: *const c_char, len: usize, what: &str) -> Result<&'a str> {
    // SAFETY: forwarded contract.
    let bytes = unsafe { input(ptr, len) };
    std::str::from_utf8(bytes)
        .map_err(|e| Error::invalid(format!("{what} is not valid UTF-8: {e}")))
}

/// Allocates a NUL-terminated copy of `text` for the caller, who frees it
/// with `tc_string_free`. Returns the pointer and the length without NUL.
pub fn give_string(text: String) -> (*mut c_char, usize) {
    let len = text.len();
    // JSON never contains a raw NUL; a stray one is replaced to stay a valid C string.
    let c = CString::new(text).unwrap_or_else(|e| {
        let cleaned = String::from_utf8_lossy(&e.into_vec()).replace('\0', "\u{FFFD}");
        CString::new(cleaned).unwrap_or_default()
    });
    let ptr = c.into_raw();
    OUTSTANDING
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(ptr as usize);
    (ptr, len)
}

/// Frees a string from [`give_string`]; unknown pointers are ignored.
pub fn free_string(ptr: *mut c_char) {
    let known = OUTSTANDING
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .remove(&(ptr as usize));
    if known {
        // SAFETY: the pointer came from `CString::into_raw` in `give_string`
        // and was removed from the outstanding set, so it is freed once.
        drop(unsafe { CString::from_raw(ptr) });
    }
}

/// Writes `text` into an out-parameter pair; the length pointer is optional.
///
/// # Safety
/// `out` must be valid for a write; `len_out` NULL or valid for a write.
pub unsafe fn write_out(text: String, out: *mut *mut c_char, len_out: *mut usize) {
    let (ptr, len) = give_string(text);
    // SAFETY: by the caller's contract.
    unsafe {
        *out = ptr;
        if !len_out.is_null() {
            *len_out = len;
        }
    }
}

/// The exported free function for strings returned through out-parameters.
///
/// `s` may be NULL (no-op). Pointers not returned by this library, or
/// already freed, are ignored.
#[no_mangle]
pub extern "C" fn tc_string_free(s: *mut c_char) {
    super::ffi_boundary!((), {
        if !s.is_null() {
            free_string(s);
        }
    })
}
