//! Connecting: failures, options, cancellation and live credential updates.

mod common;

use common::*;
use serde_json::json;
use std::time::{Duration, Instant};
use temporal_capi::ffi::{
    cancel::{tc_cancel_cancel, tc_cancel_free, tc_cancel_new},
    client::{
        tc_client_connect, tc_client_free, tc_client_update_api_key, tc_client_update_headers,
    },
    exports::tc_workflow_describe,
    runtime::tc_runtime_free,
    TcResult,
};

fn closed_port() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap().to_string();
    drop(l);
    addr
}

#[test]
fn unreachable_server_is_connection_failed() {
    let runtime = new_runtime();
    let address = closed_port();
    let (client, reply) = connect_with(
        runtime,
        &json!({"address": address, "connect_timeout": "2s", "retry": {"max_retries": 0}}),
    );
    assert!(client.is_null());
    let err = reply.err("connection_failed");
    assert_eq!(err["address"], address);
    tc_runtime_free(runtime);
}

#[test]
fn lazy_clients_connect_on_first_call() {
    let runtime = new_runtime();
    let (client, reply) = connect_with(runtime, &json!({"address": closed_port(), "lazy": true}));
    reply.ok();
    call(tc_workflow_describe, client, &json!({"workflow_id": "x"})).err("connection_failed");
    tc_client_free(client);
    let (client, reply) = connect_with(
        runtime,
        &json!({"address": env().address, "lazy": true, "namespace": env().namespace}),
    );
    assert!(reply.ok()["system_info"].is_null());
    call(
        tc_workflow_describe,
        client,
        &json!({"workflow_id": unique_id("lazy")}),
    )
    .err("not_found");
    tc_client_free(client);
    tc_runtime_free(runtime);
}

#[test]
fn connect_reports_identity_namespace_and_server_info() {
    let runtime = new_runtime();
    let (client, reply) = connect_with(
        runtime,
        &json!({
            "address": env().address, "identity": "tester@here", "keep_alive": {"interval": "10s", "timeout": 5},
            "retry": {"initial_interval": "50ms", "multiplier": 2.0, "max_interval": "1s", "max_elapsed": "5s", "max_retries": 3},
            "headers": {"x-team": "core"}, "api_key": "not-checked-by-dev-server", "tls": false,
        }),
    );
    let info = reply.ok();
    assert_eq!(info["identity"], "tester@here");
    assert_eq!(info["namespace"], "default");
    assert!(
        info["system_info"]["capabilities"]["signal_and_query_header"]
            .as_bool()
            .unwrap()
    );
    tc_client_free(client);
    let (client, reply) = connect_with(runtime, &json!({"address": env().address}));
    let identity = reply.ok()["identity"].as_str().unwrap().to_owned();
    assert!(
        identity.starts_with(&format!("{}@", std::process::id())),
        "{identity}"
    );
    tc_client_free(client);
    tc_runtime_free(runtime);
}

#[test]
fn bad_connect_options_are_invalid_argument() {
    let runtime = new_runtime();
    for (options, key) in [
        (json!({"adress": "x"}), "adress"),
        (json!({"tls": "yes"}), "tls"),
        (
            json!({"tls": {"client_cert": "a", "client_cert_path": "b"}}),
            "client_cert",
        ),
        (json!({"keep_alive": {"interval": "soon"}}), "interval"),
        (json!({"retry": {"max_retries": -1}}), "max_retries"),
        (json!({"connect_timeout": []}), "connect_timeout"),
        (json!({"api_key": "a\nb"}), "api_key"),
    ] {
        let (client, reply) = connect_with(runtime, &options);
        assert!(client.is_null());
        let err = reply.err("invalid_argument");
        assert!(
            err["message"].as_str().unwrap().contains(key),
            "{options}: {err}"
        );
    }
    tc_runtime_free(runtime);
}

#[test]
fn a_pending_connect_can_be_cancelled() {
    // A listener that accepts TCP but never speaks HTTP/2 keeps connect pending.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let runtime = new_runtime();
    let cancel = tc_cancel_new();
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Reply)>();
    let ud = Box::into_raw(Box::new(tx)) as *mut std::ffi::c_void;
    let text = json!({"address": address}).to_string();
    let code = unsafe {
        tc_client_connect(
            runtime,
            text.as_ptr().cast(),
            text.len(),
            cancel,
            Some(client_callback),
            ud,
        )
    };
    assert_eq!(code, TcResult::Ok);
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
    let t0 = Instant::now();
    tc_cancel_cancel(cancel);
    let (client, reply) = rx.recv_timeout(Duration::from_secs(1)).unwrap();
    assert!(t0.elapsed() < Duration::from_secs(1));
    assert_eq!(client, 0);
    reply.err("cancelled");
    tc_cancel_free(cancel);
    tc_runtime_free(runtime);
    drop(listener);
}

#[test]
fn api_key_and_headers_can_be_replaced_on_a_live_client() {
    let conn = connect();
    let key = "rotated-key";
    assert_eq!(
        unsafe {
            tc_client_update_api_key(
                conn.client,
                key.as_ptr().cast(),
                key.len(),
                std::ptr::null_mut(),
            )
        },
        TcResult::Ok
    );
    call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": unique_id("k")}),
    )
    .err("not_found");
    assert_eq!(
        unsafe { tc_client_update_api_key(conn.client, std::ptr::null(), 0, std::ptr::null_mut()) },
        TcResult::Ok
    );
    let bad_utf8 = b"\xff";
    assert_eq!(
        unsafe {
            tc_client_update_api_key(
                conn.client,
                bad_utf8.as_ptr().cast(),
                1,
                std::ptr::null_mut(),
            )
        },
        TcResult::InvalidArgument
    );
    for bad_key in ["line\nbreak", "nul\0", "del\u{7f}"] {
        assert_eq!(
            unsafe {
                tc_client_update_api_key(
                    conn.client,
                    bad_key.as_ptr().cast(),
                    bad_key.len(),
                    std::ptr::null_mut(),
                )
            },
            TcResult::InvalidArgument,
            "{bad_key:?}"
        );
    }

    let headers = r#"{"x-tenant": "t2"}"#;
    assert_eq!(
        unsafe {
            tc_client_update_headers(
                conn.client,
                headers.as_ptr().cast(),
                headers.len(),
                std::ptr::null_mut(),
            )
        },
        TcResult::Ok
    );
    call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": unique_id("h")}),
    )
    .err("not_found");
    for bad in [r#"{"bad header": "v"}"#, r#"{"x": 1}"#, "nope"] {
        assert_eq!(
            unsafe {
                tc_client_update_headers(
                    conn.client,
                    bad.as_ptr().cast(),
                    bad.len(),
                    std::ptr::null_mut(),
                )
            },
            TcResult::InvalidArgument,
            "{bad}"
        );
    }
}

/// The headers of the next DescribeWorkflowExecution request `proxy` saw.
fn next_describe_headers(proxy: &Proxy) -> serde_json::Map<String, serde_json::Value> {
    loop {
        let request = proxy
            .lines
            .recv_timeout(Duration::from_secs(30))
            .expect("the proxy saw the request");
        if request["path"]
            .as_str()
            .is_some_and(|path| path.ends_with("/DescribeWorkflowExecution"))
        {
            return request["headers"].as_object().unwrap().clone();
        }
    }
}

fn describe_unknown(client: *mut temporal_capi::ffi::client::TcClient) {
    call(
        tc_workflow_describe,
        client,
        &json!({"workflow_id": unique_id("seen")}),
    )
    .err("not_found");
}

#[test]
fn rotated_api_keys_and_headers_reach_the_server() {
    let proxy = Proxy::start("header_proxy.py", &[]);
    let runtime = new_runtime();
    let (client, reply) = connect_with(
        runtime,
        &json!({
            "address": proxy.address, "namespace": env().namespace, "tls": false,
            "api_key": "first-key", "headers": {"x-tenant": "t1"},
        }),
    );
    reply.ok();
    describe_unknown(client);
    let headers = next_describe_headers(&proxy);
    assert_eq!(headers["authorization"], "Bearer first-key");
    assert_eq!(headers["x-tenant"], "t1");

    let key = "second-key";
    let tenant = r#"{"x-tenant": "t2", "x-region": "eu"}"#;
    unsafe {
        assert_eq!(
            tc_client_update_api_key(client, key.as_ptr().cast(), key.len(), std::ptr::null_mut()),
            TcResult::Ok
        );
        assert_eq!(
            tc_client_update_headers(
                client,
                tenant.as_ptr().cast(),
                tenant.len(),
                std::ptr::null_mut()
            ),
            TcResult::Ok
        );
    }
    describe_unknown(client);
    let headers = next_describe_headers(&proxy);
    assert_eq!(headers["authorization"], "Bearer second-key");
    assert_eq!(
        (&headers["x-tenant"], &headers["x-region"]),
        (&json!("t2"), &json!("eu"))
    );

    let rejected = "bad\nkey";
    unsafe {
        assert_eq!(
            tc_client_update_api_key(
                client,
                rejected.as_ptr().cast(),
                rejected.len(),
                std::ptr::null_mut()
            ),
            TcResult::InvalidArgument
        );
    }
    describe_unknown(client);
    assert_eq!(
        next_describe_headers(&proxy)["authorization"],
        "Bearer second-key"
    );

    unsafe {
        assert_eq!(
            tc_client_update_api_key(client, std::ptr::null(), 0, std::ptr::null_mut()),
            TcResult::Ok
        );
        assert_eq!(
            tc_client_update_headers(client, std::ptr::null(), 0, std::ptr::null_mut()),
            TcResult::Ok
        );
    }
    describe_unknown(client);
    let headers = next_describe_headers(&proxy);
    for gone in ["authorization", "x-tenant", "x-region"] {
        assert!(
            !headers.contains_key(gone),
            "{gone} still sent: {headers:?}"
        );
    }
    tc_client_free(client);
    tc_runtime_free(runtime);
}

#[test]
fn grpc_compression_is_gzip_by_default_and_none_turns_it_off() {
    let proxy = Proxy::start("header_proxy.py", &[]);
    let runtime = new_runtime();
    let mut seen = Vec::new();
    for compression in [json!(null), json!("gzip"), json!("none")] {
        let (client, reply) = connect_with(
            runtime,
            &json!({
                "address": proxy.address, "namespace": env().namespace,
                "grpc_compression": compression,
            }),
        );
        reply.ok();
        describe_unknown(client);
        let headers = next_describe_headers(&proxy);
        seen.push((
            headers.get("grpc-encoding").cloned(),
            headers.get("grpc-accept-encoding").cloned(),
        ));
        temporal_capi::ffi::client::tc_client_free(client);
    }
    let gzip = (Some(json!("gzip")), Some(json!("gzip,identity")));
    assert_eq!(seen, [gzip.clone(), gzip, (None, None)]);
    let (client, reply) = connect_with(runtime, &json!({"grpc_compression": "brotli"}));
    assert!(client.is_null());
    let error = reply.err("invalid_argument");
    assert_eq!(error["key"], "grpc_compression");
    tc_runtime_free(runtime);
}
