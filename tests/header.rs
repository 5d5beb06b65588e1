//! The committed header matches a fresh cbindgen run, and the versions in
//! it match Cargo.toml and the library.

include!("../build/header.rs");

use std::ffi::CStr;
use temporal_capi::ffi::version::{tc_abi_version, tc_version, TC_ABI_VERSION};

fn committed_header() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/include/temporal_capi.h"
    ))
    .expect("include/temporal_capi.h is committed")
}

#[test]
fn committed_header_matches_generation() {
    let fresh = generate_header(env!("CARGO_MANIFEST_DIR"));
    assert!(
        committed_header() == fresh,
        "include/temporal_capi.h is stale: build outside CI (unset CI) to regenerate it, then commit"
    );
}

#[test]
fn versions_agree_with_cargo_toml() {
    let version = env!("CARGO_PKG_VERSION");
    let lib_version = unsafe { CStr::from_ptr(tc_version()) }.to_str().unwrap();
    assert_eq!(lib_version, version);
    let header = committed_header();
    assert!(header.contains(&format!("#define TC_VERSION \"{version}\"")));
    assert!(header.contains(&format!("#define TC_ABI_VERSION {TC_ABI_VERSION}")));
    assert_eq!(tc_abi_version(), TC_ABI_VERSION);
}
