// Generates include/temporal_capi.h with cbindgen. Included by build.rs and
// by tests/header.rs (the drift check), so both generate the same text.

/// Generates the C header text for the crate at `crate_dir`.
pub fn generate_header(crate_dir: &str) -> String {
    let config_path = std::path::Path::new(crate_dir).join("cbindgen.toml");
    let mut config = cbindgen::Config::from_file(&config_path).expect("cbindgen.toml");
    let version = env!("CARGO_PKG_VERSION");
    config.after_includes = Some(format!(
        "\n/** The library version this header was generated for; compare with tc_version(). */\n\
         #define TC_VERSION \"{version}\"\n"
    ));
    let mut out = Vec::new();
    cbindgen::Builder::new()
        .with_crate(crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen failed")
        .write(&mut out);
    String::from_utf8(out).expect("header is UTF-8")
}
