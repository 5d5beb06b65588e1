//! The one convention of the synchronous exports that can fail: a trailing
//! `error_json_out` receives the library's error object on every failure
//! (NULL arguments included) and is left untouched on success; the other
//! out-parameters are written only on success.

mod common;

use common::*;
use serde_json::{json, Value};
use std::ffi::{c_char, c_void};
use temporal_capi::ffi::{
    client::{tc_client_free, tc_client_update_api_key, tc_client_update_headers, TcClient},
    runtime::tc_runtime_set_logger,
    version::TC_ABI_VERSION,
    TcResult, TcStatus,
};

/// What a synchronous export reported: its result code and error object.
type SyncOutcome = (TcResult, Option<Value>);

unsafe extern "C" fn ignore_log(_: *mut c_void, _: TcStatus, _: *const c_char, _: usize) {}

/// Checks a failure: the expected result code and an error object with
/// `code` whose message contains `mentions`.
fn assert_failed(outcome: SyncOutcome, result: TcResult, code: &str, mentions: &str) {
    let (got, error) = outcome;
    let error = error.unwrap_or_else(|| panic!("{got:?} without an error object"));
    assert_eq!(got, result, "{error}");
    assert_eq!(error["code"], code, "{error}");
    let message = error["message"].as_str().unwrap();
    assert!(message.contains(mentions), "{error}");
}

/// Checks a success: `TC_RESULT_OK` and `error_json_out` untouched.
fn assert_succeeded(outcome: SyncOutcome) {
    assert_eq!(outcome, (TcResult::Ok, None));
}

fn update_api_key(client: *mut TcClient, key: &[u8]) -> SyncOutcome {
    sync_call(|error| unsafe {
        tc_client_update_api_key(client, key.as_ptr().cast(), key.len(), error)
    })
}

fn update_headers(client: *mut TcClient, headers: &[u8]) -> SyncOutcome {
    sync_call(|error| unsafe {
        tc_client_update_headers(client, headers.as_ptr().cast(), headers.len(), error)
    })
}

#[test]
fn the_abi_major_is_two() {
    assert_eq!(TC_ABI_VERSION, 2);
    assert_eq!(temporal_capi::ffi::version::tc_abi_version(), 2);
}

#[test]
fn envconfig_load_reports_through_error_json_out() {
    let (code, profile) = envconfig_load(
        &json!({"config_data": "[profile.default]\naddress = \"h:1\"\n", "env": {}}),
    );
    assert_eq!(code, TcResult::Ok, "{profile}");
    assert_eq!(profile["address"], "h:1");
    let (code, error) = envconfig_load(&json!({"config_data": "[profile.default\n", "env": {}}));
    assert_eq!(
        (code, &error["code"]),
        (TcResult::Error, &json!("config_error")),
        "{error}"
    );
    let (code, error) = envconfig_load(&json!({"profil": "x"}));
    assert_eq!(
        (code, &error["code"]),
        (TcResult::InvalidArgument, &json!("invalid_argument")),
        "{error}"
    );
    assert_eq!(error["key"], "profil", "{error}");
    assert_failed(
        sync_call(|error| unsafe {
            temporal_capi::ffi::envconfig::tc_envconfig_load(
                std::ptr::null(),
                0,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                error,
            )
        }),
        TcResult::NullArgument,
        "invalid_argument",
        "json_out",
    );
}

#[test]
fn client_updates_report_through_error_json_out() {
    let conn = connect();
    assert_succeeded(update_api_key(conn.client, b"a-key"));
    assert_succeeded(update_api_key(conn.client, b""));
    assert_failed(
        update_api_key(conn.client, b"bad\nkey"),
        TcResult::InvalidArgument,
        "invalid_argument",
        "control characters",
    );
    assert_failed(
        update_api_key(conn.client, b"\xff"),
        TcResult::InvalidArgument,
        "invalid_argument",
        "UTF-8",
    );
    assert_succeeded(update_headers(conn.client, br#"{"x-team": "a"}"#));
    assert_succeeded(update_headers(conn.client, b""));
    assert_failed(
        update_headers(conn.client, br#"{"bad header": "x"}"#),
        TcResult::InvalidArgument,
        "invalid_argument",
        "bad header",
    );
    assert_failed(
        update_headers(conn.client, b"{"),
        TcResult::InvalidArgument,
        "invalid_argument",
        "invalid request",
    );
    let (freed, reply) = connect_with(
        conn.runtime,
        &json!({"address": env().address, "namespace": env().namespace, "lazy": true}),
    );
    reply.ok();
    tc_client_free(freed);
    let updates: [fn(*mut TcClient) -> SyncOutcome; 2] =
        [|c| update_api_key(c, b"k"), |c| update_headers(c, b"{}")];
    for update in updates {
        let null = std::ptr::null_mut();
        assert_failed(
            update(null),
            TcResult::NullArgument,
            "invalid_argument",
            "client",
        );
        assert_failed(update(freed), TcResult::Closed, "closed", "freed");
    }
}

#[test]
fn set_logger_reports_through_error_json_out() {
    let runtime = new_runtime();
    let set = |runtime, level: &[u8], callback: temporal_capi::ffi::TcCallback| {
        set_logger(runtime, level, callback, std::ptr::null_mut())
    };
    assert_succeeded(set(runtime, b"info", Some(ignore_log)));
    assert_succeeded(set(runtime, b"off", Some(ignore_log)));
    assert_failed(
        set(runtime, b"loud", Some(ignore_log)),
        TcResult::InvalidArgument,
        "invalid_argument",
        "loud",
    );
    assert_failed(
        set(runtime, b"info", None),
        TcResult::NullArgument,
        "invalid_argument",
        "callback",
    );
    assert_failed(
        set(std::ptr::null_mut(), b"info", Some(ignore_log)),
        TcResult::NullArgument,
        "invalid_argument",
        "runtime",
    );
    temporal_capi::ffi::runtime::tc_runtime_free(runtime);
    assert_failed(
        set(runtime, b"info", Some(ignore_log)),
        TcResult::Closed,
        "closed",
        "freed",
    );
}

#[test]
fn a_null_error_json_out_only_loses_the_object() {
    let level = b"loud";
    let runtime = new_runtime();
    let code = unsafe {
        tc_runtime_set_logger(
            runtime,
            level.as_ptr().cast(),
            level.len(),
            Some(ignore_log),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        )
    };
    assert_eq!(code, TcResult::InvalidArgument);
    temporal_capi::ffi::runtime::tc_runtime_free(runtime);
}
