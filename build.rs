//! Regenerates include/temporal_capi.h from src/ffi with cbindgen.
//!
//! The header is committed. Under CI (`CI` set) the build never writes it, so
//! the drift test (tests/header.rs) catches a committed header that is stale.

include!("build/header.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/ffi");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-changed=build/header.rs");
    println!("cargo:rerun-if-env-changed=CI");
    if std::env::var_os("CI").is_some() {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let header = generate_header(&dir);
    let path = std::path::Path::new(&dir).join("include/temporal_capi.h");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(header.as_str()) {
        std::fs::create_dir_all(path.parent().expect("include dir")).expect("create include/");
        std::fs::write(&path, header).expect("write include/temporal_capi.h");
    }
}
