//! Workflow operations through the C ABI against the real dev server and worker.

mod common;

use common::*;
use serde_json::{json, Value};
use temporal_capi::ffi::{exports::*, TcStatus};

fn start(conn: &Conn, workflow_type: &str, args: Value, extra: Value) -> Value {
    let mut req = json!({
        "workflow_type": workflow_type,
        "task_queue": env().task_queue,
        "id": unique_id(workflow_type),
        "args": args,
    });
    for (k, v) in extra.as_object().unwrap() {
        req[k] = v.clone();
    }
    call(tc_workflow_start, conn.client, &req).ok()
}

fn result_of(conn: &Conn, started: &Value) -> common::Reply {
    call(
        tc_workflow_result,
        conn.client,
        &json!({"workflow_id": started["workflow_id"]}),
    )
}

#[test]
fn every_json_type_round_trips_through_a_workflow() {
    let conn = connect();
    let values = [
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(-42),
        json!(9007199254740992u64),
        json!(-9007199254740992i64),
        json!(3.25),
        json!(-1e-7),
        json!("plain"),
        json!("unicode: żółć ✓ 🚀 \u{0} \"quoted\""),
        json!([]),
        json!({}),
        json!([1, "two", [3.5, null], {"four": [true, false]}]),
        json!({"nested": {"deep": {"list": [1, 2, {"x": "y"}]}}, "n": null}),
    ];
    for value in values {
        let started = start(&conn, "Echo", json!([value.clone()]), json!({}));
        let out = result_of(&conn, &started).ok();
        assert_eq!(out["result"], value);
        assert_eq!(out["run_id"], started["run_id"]);
    }
    let all = json!([null, 1, "two", [3], {"four": 4.5}]);
    let started = start(&conn, "EchoArgs", all.clone(), json!({}));
    assert_eq!(result_of(&conn, &started).ok()["result"], all);
}

#[test]
fn start_options_are_visible_in_describe() {
    let conn = connect();
    let started = start(
        &conn,
        "Describe",
        json!([]),
        json!({
            "execution_timeout": "1h",
            "run_timeout": 1800,
            "task_timeout": "7s",
            "memo": {"owner": "team-a", "nested": {"n": [1, 2]}},
            "search_attributes": {
                "CustomKeyword": {"type": "keyword", "value": "kw"},
                "CustomText": {"type": "text", "value": "some text"},
                "CustomInt": {"type": "int", "value": 42},
                "CustomDouble": {"type": "double", "value": 2.5},
                "CustomBool": {"type": "bool", "value": true},
                "CustomDatetime": {"type": "datetime", "value": "2026-01-02T03:04:05+01:00"},
                "CustomKeywordList": {"type": "keyword_list", "value": ["a", "b"]},
            },
            "retry_policy": {
                "initial_interval": "2s",
                "backoff_coefficient": 3.0,
                "maximum_interval": "1m",
                "maximum_attempts": 4,
                "non_retryable_error_types": ["Fatal"],
            },
            "static_summary": "a summary",
            "static_details": "some\ndetails",
            "priority": {"priority_key": 2},
        }),
    );
    let d = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": started["workflow_id"]}),
    )
    .ok();
    assert_eq!(d["workflow_type"], "Describe");
    assert_eq!(d["task_queue"], env().task_queue);
    assert_eq!(d["execution_timeout"], 3600);
    assert_eq!(d["run_timeout"], 1800);
    assert_eq!(d["task_timeout"], 7);
    assert_eq!(
        d["memo"],
        json!({"nested": {"n": [1, 2]}, "owner": "team-a"})
    );
    let sa = &d["search_attributes"];
    assert_eq!(
        sa["CustomKeyword"],
        json!({"type": "keyword", "value": "kw"})
    );
    assert_eq!(
        sa["CustomText"],
        json!({"type": "text", "value": "some text"})
    );
    assert_eq!(sa["CustomInt"], json!({"type": "int", "value": 42}));
    assert_eq!(sa["CustomDouble"], json!({"type": "double", "value": 2.5}));
    assert_eq!(sa["CustomBool"], json!({"type": "bool", "value": true}));
    assert_eq!(sa["CustomDatetime"]["type"], "datetime");
    assert_eq!(sa["CustomDatetime"]["value"], "2026-01-02T02:04:05Z");
    assert_eq!(
        sa["CustomKeywordList"],
        json!({"type": "keyword_list", "value": ["a", "b"]})
    );
    assert_eq!(d["static_summary"], "a summary");
    assert_eq!(d["static_details"], "some\ndetails");
    assert_eq!(d["priority"]["priority_key"], 2);
    assert!(d["start_time"].as_str().unwrap().ends_with('Z'));

    // The worker sees the retry policy the server recorded.
    let info = result_of(&conn, &started).ok()["result"].clone();
    let retry = &info["retry_policy"];
    assert_eq!(retry["maximum_attempts"], 4, "{info}");
    assert_eq!(retry["backoff_coefficient"], 3.0, "{info}");
    assert_eq!(
        retry["non_retryable_error_types"],
        json!(["Fatal"]),
        "{info}"
    );
    let done = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": started["workflow_id"]}),
    )
    .ok();
    assert_eq!(done["status"], "completed");
    assert!(done["close_time"].is_string());
}

#[test]
fn cron_and_start_delay_postpone_the_first_task() {
    let conn = connect();
    let delayed = start(&conn, "Echo", json!(["late"]), json!({"start_delay": "1h"}));
    let d = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": delayed["workflow_id"]}),
    )
    .ok();
    let start_time =
        chrono::DateTime::parse_from_rfc3339(d["start_time"].as_str().unwrap()).unwrap();
    let exec_time =
        chrono::DateTime::parse_from_rfc3339(d["execution_time"].as_str().unwrap()).unwrap();
    let delay = (exec_time - start_time).num_seconds();
    assert!(
        (3599..=3601).contains(&delay),
        "execution_time - start_time = {delay}s: {d}"
    );
    assert_eq!(d["status"], "running");
    assert_eq!(
        d["pending_workflow_task"], false,
        "no task before the delay: {d}"
    );

    let cron = start(
        &conn,
        "Echo",
        json!(["tick"]),
        json!({"cron_schedule": "0 0 1 1 *"}),
    );
    let d = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": cron["workflow_id"]}),
    )
    .ok();
    let exec_time =
        chrono::DateTime::parse_from_rfc3339(d["execution_time"].as_str().unwrap()).unwrap();
    assert_eq!(
        exec_time.format("%m-%d %H:%M:%S").to_string(),
        "01-01 00:00:00",
        "{d}"
    );
    for w in [&delayed, &cron] {
        call(
            tc_workflow_terminate,
            conn.client,
            &json!({"workflow_id": w["workflow_id"], "reason": "cleanup"}),
        )
        .ok();
    }
}

#[test]
fn reused_id_is_already_started_unless_use_existing() {
    let conn = connect();
    let first = start(&conn, "Forever", json!([]), json!({}));
    let id = first["workflow_id"].clone();
    let again = json!({"workflow_type": "Forever", "task_queue": env().task_queue, "id": id});
    let err = call(tc_workflow_start, conn.client, &again).err("already_started");
    assert_eq!(err["run_id"], first["run_id"]);
    assert_eq!(err["workflow_id"], id);

    let mut existing = again.clone();
    existing["id_conflict_policy"] = json!("use_existing");
    let reused = call(tc_workflow_start, conn.client, &existing).ok();
    assert_eq!(reused["run_id"], first["run_id"]);
    assert_eq!(reused["started"], false);
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
}

#[test]
fn signal_is_seen_by_query_and_unknown_query_fails() {
    let conn = connect();
    let w = start(&conn, "WaitForSignal", json!([]), json!({}));
    let id = w["workflow_id"].clone();
    call(
        tc_workflow_signal,
        conn.client,
        &json!({"workflow_id": id, "signal_name": "add", "args": [{"k": 1}]}),
    )
    .ok();
    call(tc_workflow_signal, conn.client, &json!({"workflow_id": id, "run_id": w["run_id"], "signal_name": "add", "args": ["second"]})).ok();
    let q = call(
        tc_workflow_query,
        conn.client,
        &json!({"workflow_id": id, "query_type": "state"}),
    )
    .ok();
    assert_eq!(q["result"], json!([{"k": 1}, "second"]));
    let echoed = call(
        tc_workflow_query,
        conn.client,
        &json!({"workflow_id": id, "query_type": "echo_query", "args": [[1, "x"]]}),
    )
    .ok();
    assert_eq!(echoed["result"], json!([1, "x"]));
    let failed = call(
        tc_workflow_query,
        conn.client,
        &json!({"workflow_id": id, "query_type": "no_such_query"}),
    )
    .err("query_failed");
    assert!(
        failed["message"]
            .as_str()
            .unwrap()
            .contains("no_such_query"),
        "{failed}"
    );

    call(
        tc_workflow_signal,
        conn.client,
        &json!({"workflow_id": id, "signal_name": "finish", "args": ["bye"]}),
    )
    .ok();
    let out = result_of(&conn, &w).ok();
    assert_eq!(
        out["result"],
        json!({"signals": [{"k": 1}, "second"], "finish": "bye"})
    );
    let rejected = call(
        tc_workflow_query,
        conn.client,
        &json!({"workflow_id": id, "query_type": "state", "reject_condition": "not_open"}),
    )
    .err("query_rejected");
    assert_eq!(rejected["status"], "completed");
}

#[test]
fn signal_with_start_starts_then_signals() {
    let conn = connect();
    let id = unique_id("sws");
    let req = json!({
        "workflow_type": "WaitForSignal", "task_queue": env().task_queue, "id": id,
        "signal_name": "add", "signal_args": ["first"],
    });
    let started = call(tc_workflow_signal_with_start, conn.client, &req).ok();
    assert_eq!(started["workflow_id"], id);
    let again = call(tc_workflow_signal_with_start, conn.client, &req).ok();
    assert_eq!(again["run_id"], started["run_id"]);
    let q = call(
        tc_workflow_query,
        conn.client,
        &json!({"workflow_id": id, "query_type": "state"}),
    )
    .ok();
    assert_eq!(q["result"], json!(["first", "first"]));
    let bad = call(
        tc_workflow_signal_with_start,
        conn.client,
        &json!({"workflow_type": "X", "task_queue": "q", "signal_name": "s", "bogus": 1}),
    )
    .err("invalid_argument");
    assert!(bad["message"].as_str().unwrap().contains("bogus"), "{bad}");
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
}

#[test]
fn cancel_and_terminate_end_runs_with_their_codes() {
    let conn = connect();
    let w = start(&conn, "Forever", json!([]), json!({}));
    call(
        tc_workflow_cancel,
        conn.client,
        &json!({"workflow_id": w["workflow_id"], "reason": "stop it"}),
    )
    .ok();
    let err = result_of(&conn, &w).err("workflow_cancelled");
    assert_eq!(err["workflow_id"], w["workflow_id"]);

    let w = start(&conn, "Forever", json!([]), json!({}));
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": w["workflow_id"], "reason": "enough", "details": [{"why": "test"}]}),
    )
    .ok();
    let err = result_of(&conn, &w).err("workflow_terminated");
    assert_eq!(err["reason"], "enough");
    assert_eq!(err["details"], json!([{"why": "test"}]));
    let d = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": w["workflow_id"]}),
    )
    .ok();
    assert_eq!(d["status"], "terminated");
}

#[test]
fn application_failure_is_decoded() {
    let conn = connect();
    let w = start(
        &conn,
        "Fail",
        json!(["it broke", "MyError", true, [{"code": 7}, "extra"]]),
        json!({}),
    );
    let err = result_of(&conn, &w).err("workflow_failed");
    let f = &err["failure"];
    assert_eq!(f["kind"], "application", "{err}");
    assert_eq!(f["message"], "it broke");
    assert_eq!(f["type"], "MyError");
    assert_eq!(f["non_retryable"], true);
    assert_eq!(f["details"], json!([{"code": 7}, "extra"]));
    assert!(err["message"].as_str().unwrap().contains("it broke"));
}

#[test]
fn continue_as_new_is_followed_or_reported() {
    let conn = connect();
    let w = start(&conn, "ContinueAsNew", json!([2]), json!({}));
    let out = result_of(&conn, &w).ok();
    assert_eq!(out["result"], "done");
    assert_ne!(out["run_id"], w["run_id"], "the final run is a later one");

    let w = start(&conn, "ContinueAsNew", json!([1]), json!({}));
    let err = call(
        tc_workflow_result,
        conn.client,
        &json!({"workflow_id": w["workflow_id"], "run_id": w["run_id"], "follow_runs": false}),
    )
    .err("workflow_continued_as_new");
    let next = err["new_run_id"].as_str().unwrap().to_owned();
    assert!(!next.is_empty());
    let out = call(
        tc_workflow_result,
        conn.client,
        &json!({"workflow_id": w["workflow_id"], "run_id": next}),
    )
    .ok();
    assert_eq!(out["result"], "done");
}

#[test]
fn unknown_workflow_is_not_found() {
    let conn = connect();
    let id = unique_id("missing");
    let err = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .err("not_found");
    assert_eq!(err["grpc_status"], "not_found");
    call(tc_workflow_result, conn.client, &json!({"workflow_id": id})).err("not_found");
    call(
        tc_workflow_signal,
        conn.client,
        &json!({"workflow_id": id, "signal_name": "x"}),
    )
    .err("not_found");
}

unsafe extern "C" fn collect_logs(
    user_data: *mut std::ffi::c_void,
    _s: TcStatus,
    json: *const std::ffi::c_char,
    len: usize,
) {
    let logs = unsafe { &*(user_data as *const std::sync::Mutex<Vec<Value>>) };
    let bytes = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
    logs.lock()
        .unwrap()
        .push(serde_json::from_slice(bytes).unwrap());
}

#[test]
fn result_wait_survives_server_long_poll_timeouts() {
    let conn = connect();
    let logs: &'static std::sync::Mutex<Vec<Value>> =
        Box::leak(Box::new(std::sync::Mutex::new(Vec::new())));
    let (code, _) = set_logger(
        conn.runtime,
        b"debug",
        Some(collect_logs),
        logs as *const _ as *mut _,
    );
    assert_eq!(code, temporal_capi::ffi::TcResult::Ok);
    // The dev server's history long poll is 3 s (tests/harness/devenv.py).
    let w = start(&conn, "Sleep", json!([8]), json!({}));
    let out = result_of(&conn, &w).ok();
    assert_eq!(out["result"], "slept");
    let polls = logs
        .lock()
        .unwrap()
        .iter()
        .filter(|r| {
            r["target"] == "temporal_capi::ops::result_wait"
                && r["message"].as_str().unwrap_or("").contains("long poll")
        })
        .count();
    assert!(
        polls >= 1,
        "expected at least one empty long poll, logs: {:?}",
        logs.lock().unwrap()
    );
}
