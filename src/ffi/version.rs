//! Library and ABI versions.

use std::ffi::c_char;

/// The ABI version this header describes; compare with `tc_abi_version()`.
/// Bumped on every incompatible change of the C surface.
pub const TC_ABI_VERSION: u32 = 2;

static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The library version (`TC_VERSION` in the header), as a static
/// NUL-terminated string. Never free it.
#[no_mangle]
pub extern "C" fn tc_version() -> *const c_char {
    VERSION.as_ptr().cast()
}

/// The ABI version (`TC_ABI_VERSION` in the header). A program compiled
/// against a header should check that the loaded library reports the same.
#[no_mangle]
pub extern "C" fn tc_abi_version() -> u32 {
    TC_ABI_VERSION
}
