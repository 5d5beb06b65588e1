//! Environment configuration: TOML profiles, TEMPORAL_* variables, their
//! precedence, and explicit connect options on top.

mod common;

use common::*;
use serde_json::{json, Value};
use temporal_capi::ffi::{runtime::tc_runtime_free, TcResult};

const TOML: &str = r#"
[profile.default]
address = "file-host:7233"
namespace = "file-ns"
api_key = "file-key"
[profile.default.grpc_meta]
x-from-file = "f"

[profile.prod]
address = "prod-host:7233"
namespace = "prod-ns"

[profile.secure.tls]
client_cert_path = "/certs/client.pem"
client_key_path = "/certs/client.key"
server_name = "temporal.example"
"#;

fn config_file() -> String {
    let path = std::env::temp_dir().join(format!("{}.toml", unique_id("tc-envconfig")));
    std::fs::write(&path, TOML).unwrap();
    path.to_string_lossy().into_owned()
}

fn load(options: Value) -> (TcResult, Value) {
    envconfig_load(&options)
}

fn load_ok(options: Value) -> Value {
    let (code, v) = load(options);
    assert_eq!(code, TcResult::Ok, "{v}");
    v
}

#[test]
fn file_only() {
    let p = load_ok(json!({"config_file": config_file(), "env": {}}));
    assert_eq!(
        p,
        json!({"address": "file-host:7233", "namespace": "file-ns", "api_key": "file-key", "headers": {"x-from-file": "f"}})
    );
    let p = load_ok(
        json!({"config_file": config_file(), "disable_env": true, "env": {"TEMPORAL_ADDRESS": "ignored:1"}}),
    );
    assert_eq!(p["address"], "file-host:7233");
}

#[test]
fn env_only() {
    let p = load_ok(json!({"disable_file": true, "env": {
        "TEMPORAL_ADDRESS": "env-host:7233", "TEMPORAL_NAMESPACE": "env-ns", "TEMPORAL_API_KEY": "env-key"}}));
    assert_eq!(
        p,
        json!({"address": "env-host:7233", "namespace": "env-ns", "api_key": "env-key"})
    );
}

#[test]
fn environment_overrides_file() {
    let p = load_ok(
        json!({"config_file": config_file(), "env": {"TEMPORAL_ADDRESS": "env-host:1", "TEMPORAL_GRPC_META_X_FROM_ENV": "e"}}),
    );
    assert_eq!(p["address"], "env-host:1");
    assert_eq!(p["namespace"], "file-ns");
    assert_eq!(p["headers"], json!({"x-from-env": "e", "x-from-file": "f"}));
}

#[test]
fn config_file_and_profile_come_from_the_environment() {
    let file = config_file();
    let p = load_ok(json!({"env": {"TEMPORAL_CONFIG_FILE": file}}));
    assert_eq!(p["namespace"], "file-ns");
    let p = load_ok(json!({"env": {"TEMPORAL_CONFIG_FILE": file, "TEMPORAL_PROFILE": "prod"}}));
    assert_eq!(
        p,
        json!({"address": "prod-host:7233", "namespace": "prod-ns"})
    );
    let p = load_ok(json!({"config_file": file, "profile": "secure", "env": {}}));
    assert_eq!(
        p["tls"],
        json!({"client_cert_path": "/certs/client.pem", "client_key_path": "/certs/client.key", "server_name": "temporal.example"})
    );
}

#[test]
fn missing_named_profile_is_a_config_error() {
    let (code, err) = load(json!({"config_file": config_file(), "profile": "nope", "env": {}}));
    assert_eq!(code, TcResult::Error);
    assert_eq!(err["code"], "config_error");
    assert!(err["message"].as_str().unwrap().contains("nope"), "{err}");
    let (code, err) =
        load(json!({"env": {"TEMPORAL_CONFIG_FILE": config_file(), "TEMPORAL_PROFILE": "ghost"}}));
    assert_eq!(code, TcResult::Error);
    assert_eq!(err["code"], "config_error");
    let (code, err) = load(json!({"config_data": "this is [not toml", "env": {}}));
    assert_eq!(code, TcResult::Error);
    assert_eq!(err["code"], "config_error");
    let (code, err) = load(json!({"profile": 3}));
    assert_eq!(code, TcResult::InvalidArgument);
    assert!(err["message"].as_str().unwrap().contains("profile"));
}

#[test]
fn grpc_meta_variables_become_headers() {
    let p = load_ok(
        json!({"disable_file": true, "env": {"TEMPORAL_GRPC_META_AUTHORIZATION_EXTRA": "a", "TEMPORAL_GRPC_META_X_TENANT": "t1"}}),
    );
    assert_eq!(
        p["headers"],
        json!({"authorization-extra": "a", "x-tenant": "t1"})
    );
}

#[test]
fn all_profiles_lists_every_profile() {
    let p = load_ok(json!({"config_file": config_file(), "all_profiles": true, "env": {}}));
    let names: Vec<&String> = p["profiles"].as_object().unwrap().keys().collect();
    assert_eq!(names, ["default", "prod", "secure"]);
}

#[test]
fn explicit_connect_options_override_the_profile() {
    let runtime = new_runtime();
    let load = json!({"config_file": config_file(), "env": {"TEMPORAL_NAMESPACE": "env-ns"}});
    let (client, reply) = connect_with(
        runtime,
        &json!({"lazy": true, "load": load, "address": "explicit:7233", "tls": false}),
    );
    let info = reply.ok();
    assert_eq!(info["address"], "explicit:7233");
    assert_eq!(info["namespace"], "env-ns");
    assert!(
        info["system_info"].is_null(),
        "lazy clients do not contact the server"
    );
    temporal_capi::ffi::client::tc_client_free(client);

    // A profile pointing at the real server connects for real.
    let toml = format!(
        "[profile.default]\naddress = \"{}\"\nnamespace = \"default\"\n",
        env().address
    );
    let (client, reply) = connect_with(runtime, &json!({"load": {"config_data": toml, "env": {}}}));
    let info = reply.ok();
    assert_eq!(info["address"], env().address);
    assert!(
        info["system_info"]["server_version"]
            .as_str()
            .unwrap()
            .starts_with('1'),
        "{info}"
    );
    let d = call(
        temporal_capi::ffi::exports::tc_workflow_describe,
        client,
        &json!({"workflow_id": "nope"}),
    );
    d.err("not_found");
    temporal_capi::ffi::client::tc_client_free(client);

    let (client, reply) = connect_with(
        runtime,
        &json!({"load": {"config_data": "", "profile": "missing", "env": {}}}),
    );
    assert!(client.is_null());
    reply.err("config_error");
    tc_runtime_free(runtime);
}
