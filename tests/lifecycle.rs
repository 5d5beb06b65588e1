//! Delete, pause/unpause and reset through the C ABI.

mod common;

use common::*;
use serde_json::json;
use std::time::{Duration, Instant};
use temporal_capi::ffi::exports::*;

fn start(conn: &Conn, workflow_type: &str, id: &str) -> String {
    call(
        tc_workflow_start,
        conn.client,
        &json!({"workflow_type": workflow_type, "task_queue": env().task_queue, "id": id, "args": ["x"]}),
    )
    .ok()["run_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn delete_removes_the_execution() {
    let conn = connect();
    let id = unique_id("del");
    start(&conn, "Echo", &id);
    call(tc_workflow_result, conn.client, &json!({"workflow_id": id})).ok();
    call(tc_workflow_delete, conn.client, &json!({"workflow_id": id})).ok();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let reply = call(
            tc_workflow_describe,
            conn.client,
            &json!({"workflow_id": id}),
        );
        if reply.json["code"] == "not_found" {
            break;
        }
        assert!(Instant::now() < deadline, "still there: {}", reply.json);
        std::thread::sleep(Duration::from_millis(200));
    }
    call(
        tc_workflow_delete,
        conn.client,
        &json!({"workflow_id": unique_id("never")}),
    )
    .err("not_found");
}

#[test]
fn pause_holds_the_workflow_until_unpause() {
    let conn = connect();
    let id = unique_id("pause");
    start(&conn, "WaitForSignal", &id);
    call(
        tc_workflow_pause,
        conn.client,
        &json!({"workflow_id": id, "reason": "maintenance"}),
    )
    .ok();
    let paused = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
    assert_eq!(paused["paused"], true, "{paused}");
    call(
        tc_workflow_unpause,
        conn.client,
        &json!({"workflow_id": id, "reason": "done"}),
    )
    .ok();
    let resumed = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
    assert_eq!(resumed["paused"], false);
    assert_eq!(resumed["status"], "running");
    call(
        tc_workflow_signal,
        conn.client,
        &json!({"workflow_id": id, "signal_name": "finish", "args": ["after pause"]}),
    )
    .ok();
    let result = call(tc_workflow_result, conn.client, &json!({"workflow_id": id})).ok();
    assert_eq!(result["result"]["finish"], "after pause");
    call(
        tc_workflow_pause,
        conn.client,
        &json!({"workflow_id": unique_id("nope")}),
    )
    .err("not_found");
}

#[test]
fn reset_starts_a_new_run_from_a_workflow_task() {
    let conn = connect();
    let id = unique_id("reset");
    let first_run = start(&conn, "WaitForSignal", &id);
    call(
        tc_workflow_signal,
        conn.client,
        &json!({"workflow_id": id, "signal_name": "add", "args": [1]}),
    )
    .ok();
    call(
        tc_workflow_query,
        conn.client,
        &json!({"workflow_id": id, "query_type": "state"}),
    )
    .ok();
    let reset = call(
        tc_workflow_reset,
        conn.client,
        &json!({"workflow_id": id, "to": "first_workflow_task", "reason": "test"}),
    )
    .ok();
    let new_run = reset["run_id"].as_str().unwrap();
    assert_ne!(new_run, first_run);
    let latest = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
    assert_eq!(latest["run_id"], new_run);
    let old = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": id, "run_id": first_run}),
    )
    .ok();
    assert_eq!(old["status"], "terminated");
    let both = call(
        tc_workflow_reset,
        conn.client,
        &json!({"workflow_id": id, "to": "last_workflow_task", "event_id": 3}),
    )
    .err("invalid_argument");
    assert_eq!(both["key"], "event_id");
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
}
