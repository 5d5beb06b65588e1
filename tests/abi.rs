//! The C contract: bad input through every export, exactly-once callbacks,
//! cancellation, shutdown with calls in flight, frees from inside callbacks,
//! caught panics and 10,000 concurrent calls.

mod common;

use common::*;
use serde_json::{json, Value};
use std::{
    ffi::{c_char, c_void},
    sync::{
        atomic::{AtomicU32, AtomicUsize, Ordering},
        mpsc, Arc, Mutex,
    },
    time::{Duration, Instant},
};
use temporal_capi::ffi::{
    cancel::{tc_cancel_cancel, tc_cancel_free, tc_cancel_new},
    client::{
        tc_client_connect, tc_client_free, tc_client_update_api_key, tc_client_update_headers,
    },
    envconfig::tc_envconfig_load,
    exports::*,
    runtime::{tc_runtime_free, tc_runtime_new},
    TcResult, TcStatus,
};

/// Every asynchronous client export, a valid request and a required key.
fn exports() -> Vec<(&'static str, OpFn, Value, &'static str)> {
    let tq = env().task_queue.clone();
    vec![
        (
            "start",
            tc_workflow_start as OpFn,
            json!({"workflow_type": "Echo", "task_queue": tq, "args": [1]}),
            "workflow_type",
        ),
        (
            "signal_with_start",
            tc_workflow_signal_with_start,
            json!({"workflow_type": "WaitForSignal", "task_queue": tq, "signal_name": "add"}),
            "signal_name",
        ),
        (
            "result",
            tc_workflow_result,
            json!({"workflow_id": "x"}),
            "workflow_id",
        ),
        (
            "describe",
            tc_workflow_describe,
            json!({"workflow_id": "x"}),
            "workflow_id",
        ),
        (
            "signal",
            tc_workflow_signal,
            json!({"workflow_id": "x", "signal_name": "s"}),
            "signal_name",
        ),
        (
            "query",
            tc_workflow_query,
            json!({"workflow_id": "x", "query_type": "q"}),
            "query_type",
        ),
        (
            "cancel",
            tc_workflow_cancel,
            json!({"workflow_id": "x"}),
            "workflow_id",
        ),
        (
            "terminate",
            tc_workflow_terminate,
            json!({"workflow_id": "x"}),
            "workflow_id",
        ),
        (
            "schedule_create",
            tc_schedule_create,
            json!({"schedule_id": "x", "action": {"start_workflow": {"workflow_type": "Echo", "task_queue": tq}}}),
            "schedule_id",
        ),
        (
            "schedule_describe",
            tc_schedule_describe,
            json!({"schedule_id": "x"}),
            "schedule_id",
        ),
        (
            "schedule_update",
            tc_schedule_update,
            json!({"schedule_id": "x"}),
            "schedule_id",
        ),
        (
            "schedule_pause",
            tc_schedule_pause,
            json!({"schedule_id": "x"}),
            "schedule_id",
        ),
        (
            "schedule_unpause",
            tc_schedule_unpause,
            json!({"schedule_id": "x"}),
            "schedule_id",
        ),
        (
            "schedule_trigger",
            tc_schedule_trigger,
            json!({"schedule_id": "x"}),
            "schedule_id",
        ),
        (
            "schedule_backfill",
            tc_schedule_backfill,
            json!({"schedule_id": "x", "backfills": [{"start_at": "2020-01-01T00:00:00Z", "end_at": "2020-01-01T00:01:00Z"}]}),
            "backfills",
        ),
        (
            "schedule_delete",
            tc_schedule_delete,
            json!({"schedule_id": "x"}),
            "schedule_id",
        ),
    ]
}

/// Calls `op` with raw bytes; asserts the callback fired before returning.
fn call_sync(
    op: OpFn,
    client: *mut temporal_capi::ffi::client::TcClient,
    bytes: &[u8],
) -> (TcResult, Reply) {
    let (ud, rx) = slot();
    let code = unsafe {
        op(
            client,
            bytes.as_ptr() as *const c_char,
            bytes.len(),
            std::ptr::null(),
            Some(reply_callback),
            ud,
        )
    };
    let reply = rx
        .try_recv()
        .expect("bad input is reported before the call returns");
    (code, reply)
}

#[test]
fn null_handles_and_callbacks_are_rejected_without_a_callback() {
    let conn = connect();
    for (name, op, req, _) in exports() {
        let text = req.to_string();
        let (ud, rx) = slot();
        let code = unsafe {
            op(
                std::ptr::null_mut(),
                text.as_ptr().cast(),
                text.len(),
                std::ptr::null(),
                Some(reply_callback),
                ud,
            )
        };
        assert_eq!(code, TcResult::NullArgument, "{name}");
        assert!(
            rx.recv_timeout(Duration::from_millis(50)).is_err(),
            "{name}: no callback for NULL client"
        );
        drop(unsafe { Box::from_raw(ud as *mut Slot) });
        let code = unsafe {
            op(
                conn.client,
                text.as_ptr().cast(),
                text.len(),
                std::ptr::null(),
                None,
                std::ptr::null_mut(),
            )
        };
        assert_eq!(code, TcResult::NullArgument, "{name}");
    }
    let code = unsafe {
        tc_client_connect(
            std::ptr::null_mut(),
            std::ptr::null(),
            0,
            std::ptr::null(),
            Some(client_callback),
            std::ptr::null_mut(),
        )
    };
    assert_eq!(code, TcResult::NullArgument);
    let code = unsafe {
        tc_client_connect(
            conn.runtime,
            std::ptr::null(),
            0,
            std::ptr::null(),
            None,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(code, TcResult::NullArgument);
    assert_eq!(
        unsafe {
            tc_runtime_new(
                std::ptr::null(),
                0,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        },
        TcResult::NullArgument
    );
    assert_eq!(
        unsafe {
            tc_envconfig_load(
                std::ptr::null(),
                0,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        },
        TcResult::NullArgument
    );
    assert_eq!(
        unsafe {
            tc_client_update_api_key(
                std::ptr::null_mut(),
                std::ptr::null(),
                0,
                std::ptr::null_mut(),
            )
        },
        TcResult::NullArgument
    );
    assert_eq!(
        unsafe {
            tc_client_update_headers(
                std::ptr::null_mut(),
                std::ptr::null(),
                0,
                std::ptr::null_mut(),
            )
        },
        TcResult::NullArgument
    );
    assert_eq!(
        set_logger(conn.runtime, b"info", None, std::ptr::null_mut()).0,
        TcResult::NullArgument
    );
    // Frees of NULL are no-ops.
    tc_client_free(std::ptr::null_mut());
    tc_runtime_free(std::ptr::null_mut());
    tc_cancel_free(std::ptr::null_mut());
    tc_cancel_cancel(std::ptr::null());
    temporal_capi::ffi::tc_string_free(std::ptr::null_mut());
}

#[test]
fn bad_requests_get_one_synchronous_invalid_argument_naming_the_key() {
    let conn = connect();
    for (name, op, req, key) in exports() {
        let cases: Vec<(Vec<u8>, Option<String>)> = vec![
            (b"{\"workflow_id\": \"\xff\xfe\"}".to_vec(), None),
            (b"{\"workflow_id\": ".to_vec(), None),
            (b"[1, 2]".to_vec(), None),
            (
                {
                    let mut r = req.clone();
                    r[key] = json!(5);
                    r.to_string().into_bytes()
                },
                Some(key.to_owned()),
            ),
            (
                {
                    let mut r = req.clone();
                    r["no_such_key"] = json!(1);
                    r.to_string().into_bytes()
                },
                Some("no_such_key".to_owned()),
            ),
            (
                {
                    let mut r = req.clone();
                    r.as_object_mut().unwrap().remove(key);
                    r.to_string().into_bytes()
                },
                Some(key.to_owned()),
            ),
        ];
        for (bytes, named) in cases {
            let (code, reply) = call_sync(op, conn.client, &bytes);
            assert_eq!(
                code,
                TcResult::InvalidArgument,
                "{name}: {}",
                String::from_utf8_lossy(&bytes)
            );
            assert_eq!(reply.status, TcStatus::Error);
            let err = reply.err("invalid_argument");
            if let Some(key) = named {
                assert!(
                    err["message"].as_str().unwrap().contains(&key),
                    "{name}: message must name `{key}`: {err}"
                );
            }
        }
    }
    // Empty or NULL requests mean {}: required keys are then missing.
    let (code, reply) = call_sync(tc_workflow_describe, conn.client, b"");
    assert_eq!(code, TcResult::InvalidArgument);
    assert!(reply.err("invalid_argument")["message"]
        .as_str()
        .unwrap()
        .contains("workflow_id"));
    // Wrong nested types name the path.
    let bad = json!({"workflow_type": "Echo", "task_queue": "q", "retry_policy": {"maximum_attempts": "three"}});
    let (_, reply) = call_sync(tc_workflow_start, conn.client, bad.to_string().as_bytes());
    assert!(reply.err("invalid_argument")["message"]
        .as_str()
        .unwrap()
        .contains("retry_policy.maximum_attempts"));
    let bad = json!({"workflow_type": "Echo", "task_queue": "q", "execution_timeout": "forever"});
    let (_, reply) = call_sync(tc_workflow_start, conn.client, bad.to_string().as_bytes());
    assert!(reply.err("invalid_argument")["message"]
        .as_str()
        .unwrap()
        .contains("execution_timeout"));
}

#[test]
fn freed_handles_are_closed_not_crashes() {
    let runtime = new_runtime();
    let (client, reply) = connect_with(runtime, &json!({"address": env().address}));
    reply.ok();
    tc_client_free(client);
    tc_client_free(client); // double free: no-op
    let req = json!({"workflow_id": "x"}).to_string();
    let (code, reply) = call_sync(tc_workflow_describe, client, req.as_bytes());
    assert_eq!(code, TcResult::Closed);
    reply.err("closed");
    assert_eq!(
        unsafe { tc_client_update_api_key(client, std::ptr::null(), 0, std::ptr::null_mut()) },
        TcResult::Closed
    );

    let cancel = tc_cancel_new();
    tc_cancel_free(cancel);
    let (client2, reply) = connect_with(runtime, &json!({"address": env().address}));
    reply.ok();
    let (ud, rx) = slot();
    let code = unsafe {
        tc_workflow_describe(
            client2,
            req.as_ptr().cast(),
            req.len(),
            cancel,
            Some(reply_callback),
            ud,
        )
    };
    assert_eq!(code, TcResult::Closed);
    rx.try_recv().unwrap().err("closed");

    tc_runtime_free(runtime);
    tc_runtime_free(runtime); // double free: no-op
    let (code, reply) = call_sync(tc_workflow_describe, client2, req.as_bytes());
    assert_eq!(code, TcResult::Closed);
    reply.err("closed");
    // A handle of the wrong type is unknown, not reinterpreted.
    let (code, _) = call_sync(tc_workflow_describe, runtime as *mut _, req.as_bytes());
    assert_eq!(code, TcResult::Closed);
    tc_client_free(client2);
}

#[test]
fn a_forced_panic_becomes_an_error_and_the_process_lives_on() {
    let conn = connect();
    let req = json!({"workflow_type": "__tc_test_panic__", "task_queue": env().task_queue});
    let err = call(tc_workflow_start, conn.client, &req).err("panic");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("forced test panic"),
        "{err}"
    );
    let ok = json!({"workflow_type": "Echo", "task_queue": env().task_queue, "args": [1]});
    call(tc_workflow_start, conn.client, &ok).ok();
}

#[test]
fn cancelling_a_result_wait_completes_it_promptly() {
    let conn = connect();
    let w = call(
        tc_workflow_start,
        conn.client,
        &json!({"workflow_type": "Forever", "task_queue": env().task_queue}),
    )
    .ok();
    let cancel = tc_cancel_new();
    let req = json!({"workflow_id": w["workflow_id"]}).to_string();
    let (code, rx) = begin(tc_workflow_result, conn.client, &req, cancel);
    assert_eq!(code, TcResult::Ok);
    assert!(
        rx.recv_timeout(Duration::from_millis(300)).is_err(),
        "still waiting before cancel"
    );
    let t0 = Instant::now();
    tc_cancel_cancel(cancel);
    let reply = rx
        .recv_timeout(Duration::from_secs(1))
        .expect("cancelled within a second");
    assert!(t0.elapsed() < Duration::from_secs(1));
    assert_eq!(reply.status, TcStatus::Cancelled);
    assert_eq!(reply.json["code"], "cancelled");
    // A token cancelled earlier cancels new calls at once.
    let (_, rx) = begin(tc_workflow_result, conn.client, &req, cancel);
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(1)).unwrap().status,
        TcStatus::Cancelled
    );
    tc_cancel_free(cancel);
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": w["workflow_id"]}),
    )
    .ok();
}

static SHUTDOWN_CALLS: AtomicUsize = AtomicUsize::new(0);

unsafe extern "C" fn count_callback(
    _ud: *mut c_void,
    status: TcStatus,
    _j: *const c_char,
    _l: usize,
) {
    assert_eq!(status, TcStatus::Cancelled);
    SHUTDOWN_CALLS.fetch_add(1, Ordering::SeqCst);
}

#[test]
fn freeing_the_runtime_completes_pending_calls_exactly_once() {
    let conn = connect();
    let w = call(
        tc_workflow_start,
        conn.client,
        &json!({"workflow_type": "Forever", "task_queue": env().task_queue}),
    )
    .ok();
    let req = json!({"workflow_id": w["workflow_id"], "run_id": w["run_id"]}).to_string();
    const N: usize = 50;
    for _ in 0..N {
        let code = unsafe {
            tc_workflow_result(
                conn.client,
                req.as_ptr().cast(),
                req.len(),
                std::ptr::null(),
                Some(count_callback),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(code, TcResult::Ok);
    }
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(SHUTDOWN_CALLS.load(Ordering::SeqCst), 0);
    tc_runtime_free(conn.runtime);
    assert_eq!(
        SHUTDOWN_CALLS.load(Ordering::SeqCst),
        N,
        "every callback fired before tc_runtime_free returned"
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(SHUTDOWN_CALLS.load(Ordering::SeqCst), N, "and never again");
    let other = connect();
    call(
        tc_workflow_terminate,
        other.client,
        &json!({"workflow_id": w["workflow_id"]}),
    )
    .ok();
}

struct FreeInside {
    runtime: *mut temporal_capi::ffi::runtime::TcRuntime,
    client: *mut temporal_capi::ffi::client::TcClient,
    done: mpsc::Sender<TcStatus>,
}

unsafe extern "C" fn free_everything(
    ud: *mut c_void,
    status: TcStatus,
    _j: *const c_char,
    _l: usize,
) {
    let ctx = unsafe { Box::from_raw(ud as *mut FreeInside) };
    tc_client_free(ctx.client);
    tc_runtime_free(ctx.runtime);
    let _ = ctx.done.send(status);
}

#[test]
fn freeing_client_and_runtime_inside_a_callback_is_safe() {
    for _ in 0..3 {
        let runtime = new_runtime();
        let (client, reply) = connect_with(runtime, &json!({"address": env().address}));
        reply.ok();
        let (tx, rx) = mpsc::channel();
        let ud = Box::into_raw(Box::new(FreeInside {
            runtime,
            client,
            done: tx,
        })) as *mut c_void;
        let req = json!({"workflow_id": unique_id("nope")}).to_string();
        let code = unsafe {
            tc_workflow_describe(
                client,
                req.as_ptr().cast(),
                req.len(),
                std::ptr::null(),
                Some(free_everything),
                ud,
            )
        };
        assert_eq!(code, TcResult::Ok);
        assert_eq!(
            rx.recv_timeout(Duration::from_secs(30)).unwrap(),
            TcStatus::Error
        );
    }
    // The library still works afterwards.
    let conn = connect();
    call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": "still-alive"}),
    )
    .err("not_found");
}

struct Tally {
    fired: Vec<AtomicU32>,
    statuses: Mutex<Vec<Option<(TcStatus, String)>>>,
    total: AtomicUsize,
}

static TALLY: Mutex<Option<Arc<Tally>>> = Mutex::new(None);

unsafe extern "C" fn tally_callback(
    ud: *mut c_void,
    status: TcStatus,
    json: *const c_char,
    len: usize,
) {
    let tally = TALLY.lock().unwrap().clone().unwrap();
    let i = ud as usize;
    tally.fired[i].fetch_add(1, Ordering::SeqCst);
    let bytes = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
    let v: Value = serde_json::from_slice(bytes).unwrap();
    let code = v["code"].as_str().unwrap_or("ok").to_owned();
    tally.statuses.lock().unwrap()[i] = Some((status, code));
    tally.total.fetch_add(1, Ordering::SeqCst);
}

#[test]
fn ten_thousand_concurrent_calls_each_complete_exactly_once() {
    const N: usize = 10_000;
    let conn = connect();
    let w = call(
        tc_workflow_start,
        conn.client,
        &json!({"workflow_type": "WaitForSignal", "task_queue": env().task_queue}),
    )
    .ok();
    let tally = Arc::new(Tally {
        fired: (0..N).map(|_| AtomicU32::new(0)).collect(),
        statuses: Mutex::new(vec![None; N]),
        total: AtomicUsize::new(0),
    });
    *TALLY.lock().unwrap() = Some(tally.clone());
    let cancel = tc_cancel_new();
    let ok_req = json!({"workflow_id": w["workflow_id"]}).to_string();
    let missing_req = json!({"workflow_id": unique_id("missing")}).to_string();
    let wait_req = json!({"workflow_id": w["workflow_id"], "run_id": w["run_id"]}).to_string();
    for i in 0..N {
        let ud = std::ptr::without_provenance_mut::<c_void>(i);
        let code = unsafe {
            match i % 3 {
                0 => tc_workflow_describe(
                    conn.client,
                    ok_req.as_ptr().cast(),
                    ok_req.len(),
                    std::ptr::null(),
                    Some(tally_callback),
                    ud,
                ),
                1 => tc_workflow_describe(
                    conn.client,
                    missing_req.as_ptr().cast(),
                    missing_req.len(),
                    std::ptr::null(),
                    Some(tally_callback),
                    ud,
                ),
                _ => tc_workflow_result(
                    conn.client,
                    wait_req.as_ptr().cast(),
                    wait_req.len(),
                    cancel,
                    Some(tally_callback),
                    ud,
                ),
            }
        };
        assert_eq!(code, TcResult::Ok);
    }
    tc_cancel_cancel(cancel);
    let deadline = Instant::now() + Duration::from_secs(300);
    while tally.total.load(Ordering::SeqCst) < N && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(tally.total.load(Ordering::SeqCst), N);
    let statuses = tally.statuses.lock().unwrap();
    for i in 0..N {
        assert_eq!(
            tally.fired[i].load(Ordering::SeqCst),
            1,
            "call {i} fired once"
        );
        let (status, code) = statuses[i].clone().unwrap();
        match i % 3 {
            0 => assert_eq!((status, code.as_str()), (TcStatus::Ok, "ok"), "call {i}"),
            1 => assert_eq!(
                (status, code.as_str()),
                (TcStatus::Error, "not_found"),
                "call {i}"
            ),
            _ => assert_eq!(
                (status, code.as_str()),
                (TcStatus::Cancelled, "cancelled"),
                "call {i}"
            ),
        }
    }
    tc_cancel_free(cancel);
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": w["workflow_id"]}),
    )
    .ok();
}

#[test]
fn runtime_options_are_validated() {
    let mut rt = std::ptr::null_mut();
    let mut err: *mut c_char = std::ptr::null_mut();
    let opts = r#"{"worker_threads": 0}"#;
    let code = unsafe { tc_runtime_new(opts.as_ptr().cast(), opts.len(), &mut rt, &mut err) };
    assert_eq!(code, TcResult::InvalidArgument);
    assert!(rt.is_null());
    let text = unsafe { std::ffi::CStr::from_ptr(err) }
        .to_str()
        .unwrap()
        .to_owned();
    temporal_capi::ffi::tc_string_free(err);
    temporal_capi::ffi::tc_string_free(err); // double free of a string: ignored
    assert!(text.contains("worker_threads"), "{text}");
    let opts = r#"{"threads": 2}"#;
    let code = unsafe {
        tc_runtime_new(
            opts.as_ptr().cast(),
            opts.len(),
            &mut rt,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(code, TcResult::InvalidArgument);
    let opts = r#"{"worker_threads": 2, "shutdown_timeout": "2s"}"#;
    let code = unsafe {
        tc_runtime_new(
            opts.as_ptr().cast(),
            opts.len(),
            &mut rt,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(code, TcResult::Ok);
    tc_runtime_free(rt);
}
