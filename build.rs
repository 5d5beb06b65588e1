//! Embeds the Temporal API descriptor set published by `temporalio-protos`
//! (for proto3 JSON conversion with prost-reflect), gives the shared library
//! its SONAME, and regenerates include/temporal_capi.h from src/ffi with
//! cbindgen.
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

/// `TC_ABI_VERSION` as src/ffi/version.rs defines it (the one place it is
/// written).
fn abi_version(crate_dir: &str) -> u32 {
    let source =
        std::fs::read_to_string(std::path::Path::new(crate_dir).join("src/ffi/version.rs"))
            .expect("read src/ffi/version.rs");
    source
        .lines()
        .find_map(|line| line.strip_prefix("pub const TC_ABI_VERSION: u32 = "))
        .and_then(|rest| rest.trim_end_matches(';').parse().ok())
        .expect("src/ffi/version.rs defines `pub const TC_ABI_VERSION: u32 = N;`")
}

/// Links the shared library with the SONAME `libtemporal_capi.so.<abi>`, so
/// programs record the ABI they were built against and the loader refuses
/// an incompatible library. So that programs linked against the build
/// directory (`-L target/release -ltemporal_capi`) run from it, the link
/// `libtemporal_capi.so.<abi> -> libtemporal_capi.so` is made next to the
/// library (in `<target>/<profile>`, three levels above `OUT_DIR`).
fn soname(crate_dir: &str) {
    let name = format!("libtemporal_capi.so.{}", abi_version(crate_dir));
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{name}");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let profile_dir = out
        .ancestors()
        .nth(3)
        .expect("OUT_DIR is <target>/<profile>/build/<crate>/out");
    let link = profile_dir.join(&name);
    if std::fs::read_link(&link).ok().as_deref()
        != Some(std::path::Path::new("libtemporal_capi.so"))
    {
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink("libtemporal_capi.so", &link)
            .expect("link libtemporal_capi.so.<abi>");
    }
}

fn main() {
    embed_descriptors();
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    soname(&dir);
    println!("cargo:rerun-if-changed=src/ffi");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-changed=build/header.rs");
    println!("cargo:rerun-if-env-changed=CI");
    if std::env::var_os("CI").is_some() {
        return;
    }
    let header = generate_header(&dir);
    let path = std::path::Path::new(&dir).join("include/temporal_capi.h");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(header.as_str()) {
        std::fs::create_dir_all(path.parent().expect("include dir")).expect("create include/");
        std::fs::write(&path, header).expect("write include/temporal_capi.h");
    }
}
