//! DESIGN rules 11 and 12 against the real dev server: secrets (API keys,
//! private keys, `authorization` and user-marked secret headers, config
//! text holding them) never appear in an error object or a log record, and
//! panics go to the logger, never to stderr. Also the synchronous codes of
//! the connect path (bad headers, bad TLS material, missing config file).
//!
//! Every test places unique markers in its secrets and checks every reply
//! and every log record of the whole process (a `trace` logger is set once
//! for the test binary).

mod common;

use common::*;
use serde_json::{json, Value};
use std::{
    ffi::{c_char, c_void},
    fs,
    path::{Path, PathBuf},
    process::Command,
    sync::{mpsc, Mutex, OnceLock},
    time::Duration,
};
use temporal_capi::ffi::{
    client::{
        tc_client_connect, tc_client_free, tc_client_update_api_key, tc_client_update_headers,
        TcClient,
    },
    exports::{tc_workflow_describe, tc_workflow_start},
    runtime::{tc_runtime_free, TcRuntime},
    TcResult, TcStatus,
};

/// Every log record of the process, as JSON text.
static RECORDS: Mutex<Vec<String>> = Mutex::new(Vec::new());

unsafe extern "C" fn record_log(_: *mut c_void, _: TcStatus, json: *const c_char, len: usize) {
    let bytes = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
    RECORDS
        .lock()
        .unwrap()
        .push(String::from_utf8_lossy(bytes).into_owned());
}

fn assert_logger_set(
    runtime: *mut TcRuntime,
    level: &str,
    callback: temporal_capi::ffi::TcCallback,
) {
    let outcome = set_logger(runtime, level.as_bytes(), callback, std::ptr::null_mut());
    assert_eq!(outcome, (TcResult::Ok, None));
}

/// The runtime every test uses; it carries the process-wide `trace` logger.
fn runtime() -> *mut TcRuntime {
    static RUNTIME: OnceLock<usize> = OnceLock::new();
    *RUNTIME.get_or_init(|| {
        let rt = new_runtime();
        assert_logger_set(rt, "trace", Some(record_log));
        rt as usize
    }) as *mut TcRuntime
}

/// A marker unique to this process and call site.
fn marker(what: &str) -> String {
    unique_id(&format!("SECRETMARK{what}"))
}

/// Asserts that no marker appears in `text`.
fn assert_clean(text: &str, markers: &[&str]) {
    for m in markers {
        assert!(!text.contains(m), "secret {m} leaked into: {text}");
    }
}

/// Asserts that no marker appears in any log record so far
/// (`calls_at_trace_level_leak_nothing` shows that the logger records).
fn assert_logs_clean(markers: &[&str]) {
    let records = RECORDS.lock().unwrap();
    for r in records.iter() {
        assert_clean(r, markers);
    }
}

/// Connects on the shared runtime; see [`connect_sync_on`].
fn connect_sync(options: &Value) -> (TcResult, Option<(*mut TcClient, Reply)>) {
    connect_sync_on(runtime(), options)
}

/// Connects and reports the synchronous result and the callback's
/// outcome, which must have fired before `tc_client_connect` returned.
fn connect_sync_on(
    runtime: *mut TcRuntime,
    options: &Value,
) -> (TcResult, Option<(*mut TcClient, Reply)>) {
    let (tx, rx) = mpsc::channel::<(usize, Reply)>();
    let ud = Box::into_raw(Box::new(tx)) as *mut c_void;
    let text = options.to_string();
    let code = unsafe {
        tc_client_connect(
            runtime,
            text.as_ptr().cast(),
            text.len(),
            std::ptr::null(),
            Some(client_callback),
            ud,
        )
    };
    let fired = rx.try_recv().ok().map(|(c, r)| (c as *mut TcClient, r));
    if fired.is_none() {
        // Wait for the asynchronous callback so `ud` is consumed.
        let (c, r) = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("connect callback");
        tc_client_free(c as *mut TcClient);
        panic!(
            "connect was not rejected synchronously: {code:?} {}",
            r.json
        );
    }
    (code, fired)
}

/// Asserts a synchronous rejection of `options` with `code` and `key`
/// (`""`: no `key`); returns the error object.
fn rejected(options: &Value, result: TcResult, code: &str, key: &str) -> Value {
    let (sync, fired) = connect_sync(options);
    let (client, reply) = fired.unwrap();
    assert!(client.is_null());
    assert_eq!(sync, result, "{}", reply.json);
    let err = reply.err(code);
    assert_eq!(err["key"].as_str().unwrap_or(""), key, "{err}");
    err
}

/// Asserts that a reply is a failure (not a panic); returns the error object.
fn failed(reply: Reply) -> Value {
    assert_ne!(reply.status, TcStatus::Ok, "{}", reply.json);
    assert!(reply.json["code"].is_string(), "{}", reply.json);
    assert_ne!(reply.json["code"], "panic", "{}", reply.json);
    reply.json
}

fn temp_file(name: &str, content: &str) -> String {
    let path = std::env::temp_dir().join(unique_id(name));
    fs::write(&path, content).unwrap();
    path.display().to_string()
}

// ---------------------------------------------------------------- TOML

/// TOML documents with an API key marker, each broken in another way, and
/// the line the error must point at.
fn broken_toml(key: &str) -> Vec<(&'static str, String, usize)> {
    vec![
        (
            "syntax error on the key's line",
            format!("[profile.default]\naddress = \"x:1\"\napi_key = \"{key}\n"),
            3,
        ),
        (
            "syntax error after the key",
            format!("[profile.default]\napi_key = \"{key}\"\n{key} oops\n"),
            3,
        ),
        (
            "the key where a table belongs",
            format!("[profile.default]\napi_key = \"x\"\ntls = \"{key}\"\n"),
            3,
        ),
        (
            "the key in an array",
            format!("[profile.default]\napi_key = [\"{key}\"]\n"),
            2,
        ),
        (
            "the key as an inline table",
            format!("[profile.default]\napi_key = {{ k = \"{key}\" }}\n"),
            2,
        ),
    ]
}

#[test]
fn toml_errors_give_the_place_but_never_the_text() {
    let key = marker("tomlkey");
    let cases = broken_toml(&key);
    for (what, toml, line) in &cases {
        let file = temp_file("tc-secrets.toml", toml);
        let loads = [
            json!({"config_data": toml, "env": {}}),
            json!({"config_file": file, "env": {}}),
            json!({"env": {"TEMPORAL_CONFIG_FILE": file}}),
            json!({"config_data": toml, "env": {}, "all_profiles": true}),
        ];
        for load in loads {
            let (code, err) = envconfig_load(&load);
            assert_eq!(code, TcResult::Error, "{what}: {err}");
            assert_eq!(err["code"], "config_error", "{what}: {err}");
            assert_clean(&err.to_string(), &[&key]);
            assert_eq!(err["line"], *line, "{what}: {err}");
            assert!(err["column"].as_u64().unwrap() >= 1, "{err}");

            let options = json!({"lazy": true, "load": load.as_object().unwrap().iter()
                .filter(|(k, _)| *k != "all_profiles")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<serde_json::Map<_, _>>()});
            let err = rejected(&options, TcResult::Error, "config_error", "");
            assert_clean(&err.to_string(), &[&key]);
            assert_eq!(err["line"], *line, "{what}: {err}");
        }
        fs::remove_file(file).unwrap();
    }
    // Type errors also name the key.
    let (_, err) = envconfig_load(&json!({"config_data": cases[2].1, "env": {}}));
    assert_eq!(err["toml_key"], "profile.default.tls", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("invalid type: string"),
        "{err}"
    );
    assert_logs_clean(&[&key]);
}

#[test]
fn unknown_toml_keys_are_reported_without_the_text() {
    let key = marker("strictkey");
    let toml = format!("[profile.default]\napi_key = \"{key}\"\nbogus_key = \"{key}\"\n");
    let (code, err) = envconfig_load(&json!({"config_data": toml, "strict": true, "env": {}}));
    assert_eq!(code, TcResult::Error, "{err}");
    assert_eq!(err["code"], "config_error");
    assert_clean(&err.to_string(), &[&key]);
    assert!(
        err["message"].as_str().unwrap().contains("bogus_key"),
        "{err}"
    );
    assert_eq!(err["line"], 3, "{err}");
    let err = rejected(
        &json!({"lazy": true, "load": {"config_data": toml, "strict": true, "env": {}}}),
        TcResult::Error,
        "config_error",
        "",
    );
    assert_clean(&err.to_string(), &[&key]);
    assert_logs_clean(&[&key]);
}

#[test]
fn a_named_config_file_that_does_not_exist_is_a_config_error() {
    let missing = std::env::temp_dir()
        .join(unique_id("tc-missing"))
        .join("temporal.toml")
        .display()
        .to_string();
    for load in [
        json!({"config_file": missing, "env": {}}),
        json!({"env": {"TEMPORAL_CONFIG_FILE": missing}}),
    ] {
        let (code, err) = envconfig_load(&load);
        assert_eq!(code, TcResult::Error, "{err}");
        assert_eq!(err["code"], "config_error", "{err}");
        assert_eq!(err["path"], missing.as_str(), "{err}");
        rejected(
            &json!({"lazy": true, "load": load}),
            TcResult::Error,
            "config_error",
            "",
        );
    }
    // The default file is optional: a home without one loads the environment.
    let (code, p) = envconfig_load(&json!({"env": {"TEMPORAL_ADDRESS": "a:1"}}));
    assert_eq!(code, TcResult::Ok, "{p}");
}

// ---------------------------------------------------------------- headers

#[test]
fn invalid_connect_headers_are_rejected_synchronously() {
    let value = marker("headervalue");
    for lazy in [false, true] {
        let err = rejected(
            &json!({"lazy": lazy, "address": env().address, "headers": {"bad name": "v"}}),
            TcResult::InvalidArgument,
            "invalid_argument",
            "headers.bad name",
        );
        assert!(err["message"].as_str().unwrap().contains("name"), "{err}");
        let err = rejected(
            &json!({"lazy": lazy, "address": env().address,
                    "headers": {"authorization": format!("Bearer {value}\n")}}),
            TcResult::InvalidArgument,
            "invalid_argument",
            "headers.authorization",
        );
        assert_clean(&err.to_string(), &[&value]);
        let err = rejected(
            &json!({"lazy": lazy, "address": env().address, "secret_headers": ["X-Token"],
                    "headers": {"X-Token": format!("{value}\u{1}")}}),
            TcResult::InvalidArgument,
            "invalid_argument",
            "headers.x-token",
        );
        assert_clean(&err.to_string(), &[&value]);
    }
    // Headers of a loaded profile: a configuration error.
    let toml = format!(
        "[profile.default]\naddress = \"{}\"\n[profile.default.grpc_meta]\nauthorization = \"{value}\\u0001\"\n",
        env().address
    );
    let err = rejected(
        &json!({"lazy": true, "load": {"config_data": toml, "env": {}}}),
        TcResult::Error,
        "config_error",
        "load",
    );
    assert_clean(&err.to_string(), &[&value]);
    let err = rejected(
        &json!({"lazy": true, "secret_headers": "x-token"}),
        TcResult::InvalidArgument,
        "invalid_argument",
        "secret_headers",
    );
    assert!(err["message"].is_string());
    assert_logs_clean(&[&value]);
}

// ---------------------------------------------------------------- TLS

/// A self-signed certificate and its key (plus an unrelated key), made by
/// the `openssl` command line tool, in a temporary directory.
struct Pki {
    dir: PathBuf,
}

impl Pki {
    fn new() -> Pki {
        let dir = std::env::temp_dir().join(unique_id("tc-secrets-pki"));
        fs::create_dir_all(&dir).unwrap();
        for name in ["client", "other"] {
            openssl(
                &dir,
                &[
                    "req",
                    "-x509",
                    "-newkey",
                    "ec",
                    "-pkeyopt",
                    "ec_paramgen_curve:prime256v1",
                    "-nodes",
                    "-days",
                    "2",
                    "-subj",
                    "/CN=tc-secrets",
                    "-keyout",
                    &format!("{name}.key"),
                    "-out",
                    &format!("{name}.pem"),
                ],
            );
        }
        Pki { dir }
    }

    fn pem(&self, name: &str) -> String {
        fs::read_to_string(self.dir.join(name)).unwrap()
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }
}

impl Drop for Pki {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl (apt-get install openssl)");
    assert!(
        output.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A private key PEM with `marker` inside its body: unparsable.
fn broken_key(marker: &str) -> String {
    format!("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49{marker}AgEGCCqGSM49AwEH\n-----END PRIVATE KEY-----\n")
}

#[test]
fn unusable_tls_material_is_a_config_error_that_quotes_nothing() {
    let pki = Pki::new();
    let key = marker("tlskey");
    let bad_key = broken_key(&key);
    let bad_key_file = temp_file("tc-secrets-key.pem", &bad_key);
    let cert = pki.pem("client.pem");
    for lazy in [false, true] {
        let base = json!({"lazy": lazy, "address": env().address});
        let with = |tls: Value| {
            let mut o = base.clone();
            o["tls"] = tls;
            o
        };
        let cases = [
            (
                json!({"client_cert": cert, "client_key": bad_key}),
                "tls.client_key",
            ),
            (
                json!({"client_cert": cert, "client_key_path": bad_key_file}),
                "tls.client_key_path",
            ),
            (
                json!({"client_cert": format!("{key}\n"), "client_key": bad_key}),
                "tls.client_cert",
            ),
            (
                json!({"client_cert_path": pki.path("nope.pem"), "client_key": pki.pem("client.key")}),
                "tls.client_cert_path",
            ),
            (
                json!({"client_cert": cert, "client_key": pki.pem("other.key")}),
                "tls.client_key",
            ),
            (
                json!({"server_ca_cert": "not a certificate"}),
                "tls.server_ca_cert",
            ),
            (
                json!({"server_ca_cert_path": bad_key_file}),
                "tls.server_ca_cert_path",
            ),
        ];
        for (tls, key_name) in cases {
            let err = rejected(&with(tls), TcResult::Error, "config_error", key_name);
            assert_clean(&err.to_string(), &[&key]);
        }
        // Key material from a loaded profile is checked the same way.
        let toml = format!(
            "[profile.default]\naddress = \"{}\"\n[profile.default.tls]\nclient_cert_data = '''{cert}'''\nclient_key_data = '''{bad_key}'''\n",
            env().address
        );
        let err = rejected(
            &json!({"lazy": lazy, "load": {"config_data": toml, "env": {}}}),
            TcResult::Error,
            "config_error",
            "tls.client_key",
        );
        assert_clean(&err.to_string(), &[&key]);
    }
    fs::remove_file(bad_key_file).unwrap();
    assert_logs_clean(&[&key]);
}

#[test]
fn tls_against_a_plain_server_leaks_nothing() {
    let pki = Pki::new();
    let key_marker = marker("pemkey");
    let api_key = marker("apikey");
    let token = marker("token");
    // Text before the PEM block is ignored by parsers but part of the secret.
    let private_key = format!("{key_marker}\n{}", pki.pem("client.key"));
    let key_file = temp_file("tc-secrets-key.pem", &private_key);
    let markers = [key_marker.as_str(), api_key.as_str(), token.as_str()];
    for tls in [
        json!({"client_cert": pki.pem("client.pem"), "client_key": private_key}),
        json!({"client_cert_path": pki.path("client.pem"), "client_key_path": key_file}),
    ] {
        let options = json!({
            "address": env().address, "api_key": api_key, "tls": tls,
            "secret_headers": ["x-token"], "headers": {"x-token": token},
            "connect_timeout": "5s", "retry": {"max_retries": 0}});
        let (client, reply) = connect_with(runtime(), &options);
        assert!(client.is_null());
        let err = failed(reply);
        assert_clean(&err.to_string(), &markers);
    }
    fs::remove_file(key_file).unwrap();
    assert_logs_clean(&markers);
}

// ---------------------------------------------------------------- connect and calls

/// A TCP port on loopback that refuses connections.
fn closed_port() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap().to_string();
    drop(l);
    addr
}

#[test]
fn connect_failures_leak_nothing() {
    let api_key = marker("apikey");
    let bearer = marker("bearer");
    let token = marker("token");
    let markers = [api_key.as_str(), bearer.as_str(), token.as_str()];
    let address = closed_port();
    for options in [
        json!({"address": address, "api_key": api_key, "tls": false}),
        json!({"address": address, "headers": {"Authorization": format!("Bearer {bearer}")}}),
        json!({"address": address, "secret_headers": ["x-token"], "headers": {"x-token": token}}),
    ] {
        let (client, reply) = connect_with(runtime(), &options);
        assert!(client.is_null());
        let err = failed(reply);
        assert_clean(&err.to_string(), &markers);

        // A lazy client fails on its first call.
        let mut lazy = options.clone();
        lazy["lazy"] = json!(true);
        let (client, reply) = connect_with(runtime(), &lazy);
        reply.ok();
        let err = failed(call(
            tc_workflow_describe,
            client,
            &json!({"workflow_id": "x"}),
        ));
        assert_clean(&err.to_string(), &markers);
        tc_client_free(client);
    }
    assert_logs_clean(&markers);
}

#[test]
fn calls_at_trace_level_leak_nothing() {
    let api_key = marker("apikey");
    let bearer = marker("bearer");
    let token = marker("token");
    let markers = [api_key.as_str(), bearer.as_str(), token.as_str()];
    let before = RECORDS.lock().unwrap().len();
    for options in [
        json!({"address": env().address, "namespace": env().namespace,
               "api_key": api_key, "tls": false}),
        json!({"address": env().address, "namespace": env().namespace,
               "secret_headers": ["X-Token"],
               "headers": {"authorization": format!("Bearer {bearer}"), "x-token": token}}),
    ] {
        let (client, reply) = connect_with(runtime(), &options);
        assert_clean(&reply.ok().to_string(), &markers);
        let start = json!({"workflow_type": "Echo", "task_queue": env().task_queue, "args": [1]});
        let started = call(tc_workflow_start, client, &start).ok();
        let mut again = start.clone();
        again["id"] = started["workflow_id"].clone();
        again["id_conflict_policy"] = json!("fail");
        again["id_reuse_policy"] = json!("reject_duplicate");
        let err = call(tc_workflow_start, client, &again).err("already_started");
        assert_clean(&err.to_string(), &markers);
        let err = call(
            tc_workflow_describe,
            client,
            &json!({"workflow_id": unique_id("none")}),
        )
        .err("not_found");
        assert_clean(&err.to_string(), &markers);
        tc_client_free(client);
    }
    let records = RECORDS.lock().unwrap().len();
    assert!(records > before, "no log records at trace level");
    assert_logs_clean(&markers);
}

fn update_api_key(client: *mut TcClient, key: &str) -> TcResult {
    unsafe {
        tc_client_update_api_key(client, key.as_ptr().cast(), key.len(), std::ptr::null_mut())
    }
}

fn update_headers(client: *mut TcClient, headers: &Value) -> TcResult {
    let text = headers.to_string();
    unsafe {
        tc_client_update_headers(
            client,
            text.as_ptr().cast(),
            text.len(),
            std::ptr::null_mut(),
        )
    }
}

#[test]
fn credential_updates_leak_nothing() {
    let old_key = marker("oldkey");
    let new_key = marker("newkey");
    let bad_key = marker("badkey");
    let token = marker("token");
    let bad_token = marker("badtoken");
    let markers = [
        old_key.as_str(),
        new_key.as_str(),
        bad_key.as_str(),
        token.as_str(),
        bad_token.as_str(),
    ];
    for lazy in [true, false] {
        let (client, reply) = connect_with(
            runtime(),
            &json!({"address": env().address, "namespace": env().namespace, "lazy": lazy,
                    "api_key": old_key, "tls": false, "secret_headers": ["x-token"]}),
        );
        reply.ok();
        assert_eq!(
            update_api_key(client, &format!("{bad_key}\n")),
            TcResult::InvalidArgument
        );
        assert_eq!(update_api_key(client, &new_key), TcResult::Ok);
        assert_eq!(
            update_headers(client, &json!({"x-token": format!("{bad_token}\u{7f}")})),
            TcResult::InvalidArgument
        );
        assert_eq!(
            update_headers(client, &json!({"bad name": "v"})),
            TcResult::InvalidArgument
        );
        assert_eq!(
            update_headers(client, &json!({"x-token": token})),
            TcResult::Ok
        );
        let err = call(
            tc_workflow_describe,
            client,
            &json!({"workflow_id": unique_id("none")}),
        )
        .err("not_found");
        assert_clean(&err.to_string(), &markers);
        tc_client_free(client);
    }
    assert_logs_clean(&markers);
}

// ---------------------------------------------------------------- panics

/// The role of a re-executed copy of this test binary.
const CHILD_ROLE: &str = "TC_SECRETS_PANIC_CHILD";

/// Prints each log record on stdout, prefixed, for the parent to read.
unsafe extern "C" fn print_log(_: *mut c_void, _: TcStatus, json: *const c_char, len: usize) {
    let bytes = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
    println!("RECORD {}", String::from_utf8_lossy(bytes));
}

/// Child role: a forced panic on a library thread and one inside an
/// export, then (role `host`) a panic of the host's own on a plain thread;
/// role `callback`: a panic in a host callback on a runtime thread.
fn panic_child(role: &str) {
    let rt = new_runtime();
    if role == "callback" {
        assert_logger_set(rt, "error", Some(print_log));
        let (client, reply) = connect_with(rt, &json!({"address": closed_port(), "lazy": true}));
        reply.ok();
        let req = b"{\"workflow_id\": \"x\"}";
        let code = unsafe {
            tc_workflow_describe(
                client,
                req.as_ptr().cast(),
                req.len(),
                std::ptr::null(),
                Some(panicking_callback),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(code, TcResult::Ok);
        std::thread::sleep(Duration::from_secs(30));
        unreachable!("the panicking callback aborts the process");
    }
    assert_logger_set(rt, "error", Some(print_log));
    let (client, reply) = connect_with(rt, &json!({"address": closed_port(), "lazy": true}));
    reply.ok();
    let req = json!({"workflow_type": "__tc_test_panic__", "task_queue": "q"});
    let err = call(tc_workflow_start, client, &req).err("panic");
    println!("REPLY {err}");
    // A panic on the caller's thread, inside an export.
    let (sync, fired) =
        connect_sync_on(rt, &json!({"identity": "__tc_test_panic__", "lazy": true}));
    assert_eq!(sync, TcResult::Panic);
    let (client_none, reply) = fired.expect("the callback fired before the return");
    assert!(client_none.is_null());
    println!("REPLY {}", reply.err("panic"));
    if role == "host" {
        let joined = std::thread::spawn(|| panic!("host panic marker")).join();
        assert!(joined.is_err());
    }
    tc_client_free(client);
    tc_runtime_free(rt);
}

/// Runs this test in a child process with `role`; returns (exited
/// successfully, stdout, stderr).
fn spawn_child(test: &str, role: &str) -> (bool, String, String) {
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture", "--test-threads=1", "-q"])
        .env(CHILD_ROLE, role)
        .output()
        .expect("re-execute the test binary");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.success(), stdout, stderr)
}

/// Like [`spawn_child`] for a child that must succeed; returns (stdout, stderr).
fn run_child(test: &str, role: &str) -> (String, String) {
    let (ok, stdout, stderr) = spawn_child(test, role);
    assert!(ok, "child failed:\n{stdout}\n{stderr}");
    (stdout, stderr)
}

/// A host callback that panics (on a runtime thread). Unwinding out of an
/// `extern "C"` function aborts the process.
unsafe extern "C" fn panicking_callback(_: *mut c_void, _: TcStatus, _: *const c_char, _: usize) {
    panic!("callback panic marker");
}

#[test]
fn panics_go_to_the_logger_and_never_to_stderr() {
    const TEST: &str = "panics_go_to_the_logger_and_never_to_stderr";
    if let Ok(role) = std::env::var(CHILD_ROLE) {
        return panic_child(&role);
    }
    let (stdout, stderr) = run_child(TEST, "library");
    assert_eq!(stderr, "", "the library wrote to stderr");
    let records: Vec<Value> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("RECORD "))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let panic = records
        .iter()
        .find(|r| r["target"] == "temporal_capi::panic")
        .unwrap_or_else(|| panic!("no panic record in:\n{stdout}"));
    assert_eq!(panic["level"], "error");
    assert!(
        panic["message"]
            .as_str()
            .unwrap()
            .contains("forced test panic"),
        "{panic}"
    );
    assert!(
        !panic["fields"]["backtrace"].as_str().unwrap().is_empty(),
        "{panic}"
    );
    assert_eq!(panic["fields"]["thread"], "temporal-capi", "{panic}");
    // The panic inside `tc_client_connect`, on the test's own thread.
    let connect = records
        .iter()
        .find(|r| {
            r["message"]
                .as_str()
                .unwrap()
                .contains("forced test panic in connect")
        })
        .unwrap_or_else(|| panic!("no record of the panic in connect:\n{stdout}"));
    assert_eq!(connect["level"], "error");
    assert_eq!(connect["target"], "temporal_capi::panic");
    assert_ne!(connect["fields"]["thread"], "temporal-capi", "{connect}");
    assert_eq!(
        stdout.matches("REPLY {\"code\":\"panic\"").count(),
        2,
        "{stdout}"
    );

    // A panic of the host's own still reaches the hook that was there before.
    let (_, stderr) = run_child(TEST, "host");
    assert!(stderr.contains("host panic marker"), "{stderr}");
    assert!(!stderr.contains("forced test panic"), "{stderr}");

    // So does a panic in a host callback, even on a runtime thread.
    let (ok, stdout, stderr) = spawn_child(TEST, "callback");
    assert!(!ok, "the child should abort:\n{stdout}");
    assert!(stderr.contains("callback panic marker"), "{stderr}");
    assert!(!stdout.contains("callback panic marker"), "{stdout}");
}

#[test]
fn registered_secrets_are_scrubbed_from_any_error() {
    // Defence in depth: a value a live client holds as a secret is
    // replaced wherever it shows up, even in a field the library fills
    // from the request (here the workflow id of `already_started`).
    let api_key = marker("apikey");
    let (client, reply) = connect_with(
        runtime(),
        &json!({"address": env().address, "namespace": env().namespace,
                "api_key": api_key, "tls": false}),
    );
    reply.ok();
    let start = json!({"workflow_type": "Echo", "task_queue": env().task_queue,
                       "args": [1], "id": api_key, "id_conflict_policy": "fail",
                       "id_reuse_policy": "reject_duplicate"});
    call(tc_workflow_start, client, &start).ok();
    let err = call(tc_workflow_start, client, &start).err("already_started");
    assert_eq!(err["workflow_id"], "[redacted]", "{err}");
    assert_clean(&err.to_string(), &[&api_key]);
    tc_client_free(client);
    // Once no client holds it, the value is an ordinary string again.
    let (client, reply) = connect_with(
        runtime(),
        &json!({"address": env().address, "namespace": env().namespace}),
    );
    reply.ok();
    let err = call(tc_workflow_start, client, &start).err("already_started");
    assert_eq!(err["workflow_id"], api_key.as_str(), "{err}");
    tc_client_free(client);
}

#[test]
fn secrets_under_the_wrong_key_are_not_quoted_by_parse_errors() {
    let secret = marker("misplaced");
    let pem = format!("-----BEGIN PRIVATE KEY-----\n{secret}\n-----END PRIVATE KEY-----\n");
    for (options, key) in [
        (json!({"headers": format!("Bearer {secret}")}), "headers"),
        (json!({"tls": pem}), "tls"),
        (json!({"identity": 1, "api_key": secret}), "identity"),
        (json!({"secret_headers": secret}), "secret_headers"),
        (
            json!({"load": {"env": format!("TEMPORAL_API_KEY={secret}")}}),
            "load.env",
        ),
    ] {
        let err = rejected(&options, TcResult::InvalidArgument, "invalid_argument", key);
        assert_clean(&err.to_string(), &[&secret]);
    }
    let (code, err) = envconfig_load(&json!({"env": format!("TEMPORAL_API_KEY={secret}")}));
    assert_eq!(code, TcResult::InvalidArgument, "{err}");
    assert_eq!(err["key"], "env", "{err}");
    assert_clean(&err.to_string(), &[&secret]);
    assert_logs_clean(&[&secret]);
}
