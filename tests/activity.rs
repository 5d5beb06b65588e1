//! Asynchronous activity completion through the C ABI: a test workflow's
//! activity parks itself (the SDK's complete-async) or waits on a queue the
//! test polls, and the test completes, fails, heartbeats and cancels it.

mod common;

use common::*;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use temporal_capi::ffi::{exports::tc_client_rpc, exports::*};

/// Starts RunActivity(async_activity) and waits until its activity is pending.
fn park(conn: &Conn, wait_cancellation: bool) -> String {
    let id = unique_id("act");
    call(
        tc_workflow_start,
        conn.client,
        &json!({"workflow_type": "RunActivity", "task_queue": env().task_queue, "id": id,
                "args": ["async_activity", [], null, wait_cancellation]}),
    )
    .ok();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let described = call(
            tc_workflow_describe,
            conn.client,
            &json!({"workflow_id": id}),
        )
        .ok();
        let pending = &described["pending_activities"];
        if pending.as_array().is_some_and(|p| !p.is_empty()) && pending[0]["attempt"] == 1 {
            return id;
        }
        assert!(
            Instant::now() < deadline,
            "activity never pending: {described}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn by_id(id: &str, extra: Value) -> Value {
    let mut request = json!({"workflow_id": id, "activity_id": "1"});
    for (k, v) in extra.as_object().unwrap() {
        request[k] = v.clone();
    }
    request
}

#[test]
fn heartbeat_then_complete_by_id() {
    let conn = connect();
    let id = park(&conn, false);
    let beat = call(
        tc_activity_heartbeat,
        conn.client,
        &by_id(&id, json!({"details": [1]})),
    )
    .ok();
    assert_eq!(
        beat,
        json!({"cancel_requested": false, "paused": false, "reset": false})
    );
    let described = call(
        tc_workflow_describe,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
    assert_eq!(
        described["pending_activities"][0]["heartbeat_details"],
        json!([1])
    );
    call(
        tc_activity_complete,
        conn.client,
        &by_id(&id, json!({"result": {"done": true}})),
    )
    .ok();
    let result = call(tc_workflow_result, conn.client, &json!({"workflow_id": id})).ok();
    assert_eq!(result["result"], json!({"done": true}));
    call(
        tc_activity_complete,
        conn.client,
        &by_id(&id, json!({"result": 2})),
    )
    .err("not_found");
}

#[test]
fn fail_by_id_fails_the_workflow_with_the_cause() {
    let conn = connect();
    let id = park(&conn, false);
    call(
        tc_activity_fail,
        conn.client,
        &by_id(
            &id,
            json!({"failure": {"message": "gave up", "type": "External", "non_retryable": true,
                                       "details": ["why"]}}),
        ),
    )
    .ok();
    let failed =
        call(tc_workflow_result, conn.client, &json!({"workflow_id": id})).err("workflow_failed");
    let cause = &failed["failure"]["cause"];
    assert_eq!(failed["failure"]["kind"], "activity");
    assert_eq!(cause["kind"], "application");
    assert_eq!(cause["message"], "gave up");
    assert_eq!(cause["type"], "External");
    assert_eq!(cause["details"], json!(["why"]));
}

#[test]
fn heartbeat_on_a_cancelled_activity_reports_it_and_cancellation_completes() {
    let conn = connect();
    let id = park(&conn, true);
    call(tc_workflow_cancel, conn.client, &json!({"workflow_id": id})).ok();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let beat = call(tc_activity_heartbeat, conn.client, &by_id(&id, json!({}))).ok();
        if beat["cancel_requested"] == true {
            break;
        }
        assert!(Instant::now() < deadline, "cancel never requested: {beat}");
        std::thread::sleep(Duration::from_millis(100));
    }
    call(
        tc_activity_report_cancellation,
        conn.client,
        &by_id(&id, json!({"details": ["bye"]})),
    )
    .ok();
    call(tc_workflow_result, conn.client, &json!({"workflow_id": id})).err("workflow_cancelled");
    call(tc_activity_heartbeat, conn.client, &by_id(&id, json!({}))).err("not_found");
}

#[test]
fn complete_by_task_token_from_a_polled_queue() {
    let conn = connect();
    let id = unique_id("token");
    let queue = unique_id("manual-activities");
    call(
        tc_workflow_start,
        conn.client,
        &json!({"workflow_type": "RunActivity", "task_queue": env().task_queue, "id": id,
                "args": ["echo_activity", ["ignored"], queue]}),
    )
    .ok();
    let task = loop {
        let polled = call(
            tc_client_rpc,
            conn.client,
            &json!({"service": "workflow", "method": "PollActivityTaskQueue",
                    "request": {"taskQueue": {"name": queue}, "identity": "c-abi-test"}}),
        )
        .ok();
        if polled["taskToken"].is_string() {
            break polled;
        }
    };
    assert_eq!(task["workflowExecution"]["workflowId"], id.as_str());
    let token = task["taskToken"].clone();
    let beat = call(
        tc_activity_heartbeat,
        conn.client,
        &json!({"task_token": token}),
    )
    .ok();
    assert_eq!(beat["cancel_requested"], false);
    call(
        tc_activity_complete,
        conn.client,
        &json!({"task_token": token, "result": "by token"}),
    )
    .ok();
    let result = call(tc_workflow_result, conn.client, &json!({"workflow_id": id})).ok();
    assert_eq!(result["result"], "by token");
    call(
        tc_activity_fail,
        conn.client,
        &json!({"task_token": token, "failure": {"message": "late"}}),
    )
    .err("not_found");
}

#[test]
fn bad_targets_are_rejected() {
    let conn = connect();
    let both = call(
        tc_activity_complete,
        conn.client,
        &json!({"task_token": "AAAA", "workflow_id": "w", "activity_id": "1"}),
    )
    .err("invalid_argument");
    assert_eq!(both["key"], "task_token");
    let bad = call(
        tc_activity_complete,
        conn.client,
        &json!({"task_token": "***"}),
    )
    .err("invalid_argument");
    assert_eq!(bad["key"], "task_token");
    let unknown = call(
        tc_activity_heartbeat,
        conn.client,
        &json!({"workflow_id": "w", "activity_id": "1",
                                                                   "detail": []}),
    )
    .err("invalid_argument");
    assert!(unknown["message"].as_str().unwrap().contains("detail"));
    call(tc_activity_fail, conn.client, &by_id("w", json!({}))).err("invalid_argument");
}
