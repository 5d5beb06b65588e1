//! Embeds the Temporal API descriptor set published by `temporalio-protos`
//! (for proto3 JSON conversion with prost-reflect) and regenerates
//! include/temporal_capi.h from src/ffi with cbindgen.
//!
//! The header is committed. Under CI (`CI` set) the build never writes it, so
//! the drift test (tests/header.rs) catches a committed header that is stale.

include!("build/header.rs");

/// Copies the descriptor set of `temporalio-protos` (its `links` metadata)
/// to `$OUT_DIR/temporal_api_descriptors.bin`, without the source code info
/// (the .proto comments and spans): nothing reads it, and it is 70% of the
/// set, about 0.9 MB of the shipped library.
fn embed_descriptors() {
    println!("cargo:rerun-if-env-changed=DEP_TEMPORALIO_PROTOS_DESCRIPTOR_PATH");
    let source = std::env::var("DEP_TEMPORALIO_PROTOS_DESCRIPTOR_PATH")
        .expect("temporalio-protos publishes descriptor_path");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let bytes = std::fs::read(&source).expect("read the Temporal API descriptor set");
    let mut set = <prost_types::FileDescriptorSet as prost::Message>::decode(bytes.as_slice())
        .expect("decode the Temporal API descriptor set");
    for file in &mut set.file {
        file.source_code_info = None;
    }
    std::fs::write(
        std::path::Path::new(&out).join("temporal_api_descriptors.bin"),
        prost::Message::encode_to_vec(&set),
    )
    .expect("write the Temporal API descriptor set");
}

fn main() {
    embed_descriptors();
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
