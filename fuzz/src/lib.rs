//! The fuzz targets, shared by the AFL binaries and `replay` (which runs a
//! corpus or crash file without AFL, e.g. to reproduce a crash).

use temporal_capi::model::{connect::ConnectOptions, parse};
use temporal_capi::operation_index::INDEX;
use temporal_capi::{envconfig, error::Result, runtime::RuntimeOptions};

/// The synchronous JSON exports and `tc_client_connect`, whose options the
/// operation index does not list.
const OTHER_EXPORTS: &[&str] = &["tc_client_connect", "tc_runtime_new", "tc_envconfig_load"];

/// Every export that parses JSON: the asynchronous ones of the operation
/// index (src/operations.rs), then [`OTHER_EXPORTS`].
pub fn exports() -> Vec<&'static str> {
    INDEX
        .iter()
        .map(|e| e.export)
        .chain(OTHER_EXPORTS.iter().copied())
        .collect()
}

/// Parses `json` as the request of `export` (as the export does before it
/// returns) and renders the error object on failure.
pub fn parse_request(export: &str, json: &[u8]) -> Result<()> {
    if let Some(entry) = INDEX.iter().find(|e| e.export == export) {
        return (entry.parse)(json);
    }
    match export {
        "tc_client_connect" => {
            parse::<ConnectOptions>(json).and_then(|o| envconfig::resolve(&o).map(drop))
        }
        "tc_runtime_new" => parse::<RuntimeOptions>(json).map(drop),
        "tc_envconfig_load" => parse::<envconfig::EnvConfigRequest>(json).map(drop),
        other => panic!("unknown export {other}"),
    }
}

/// Target `requests`: the first byte picks the export (modulo the
/// number of exports), the rest is its request JSON.
pub fn requests(data: &[u8]) {
    let Some((&first, json)) = data.split_first() else {
        return;
    };
    let exports = exports();
    let export = exports[first as usize % exports.len()];
    if let Err(e) = parse_request(export, json) {
        let text = e.to_json_string();
        assert!(text.starts_with('{'), "error object: {text}");
    }
}

/// Target `envconfig`: the input is TOML text given as `config_data`; the
/// first byte's bits choose `strict`, `all_profiles` and the profile name.
pub fn envconfig(data: &[u8]) {
    let Some((&flags, toml)) = data.split_first() else {
        return;
    };
    let request = serde_json::json!({
        "config_data": String::from_utf8_lossy(toml),
        "strict": flags & 1 != 0,
        "all_profiles": flags & 2 != 0,
        "profile": if flags & 4 != 0 { "other" } else { "default" },
        "disable_env": true,
    });
    let request = serde_json::to_vec(&request).expect("serializes");
    match parse::<envconfig::EnvConfigRequest>(&request).and_then(|r| envconfig::load(&r)) {
        Ok(profile) => assert!(profile.is_object()),
        Err(e) => assert!(e.to_json_string().starts_with('{')),
    }
}
