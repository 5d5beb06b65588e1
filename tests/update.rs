//! Workflow updates through the C ABI.

mod common;

use common::*;
use serde_json::{json, Value};
use temporal_capi::ffi::exports::*;

fn start_waiting(conn: &Conn) -> String {
    let id = unique_id("upd");
    call(
        tc_workflow_start,
        conn.client,
        &json!({"workflow_type": "WaitForSignal", "task_queue": env().task_queue, "id": id}),
    )
    .ok();
    id
}

#[test]
fn execute_update_returns_the_result_and_changes_state() {
    let conn = connect();
    let id = start_waiting(&conn);
    let done = call(
        tc_workflow_update,
        conn.client,
        &json!({"workflow_id": id, "update_name": "set_value", "args": [5], "update_id": "u-1"}),
    )
    .ok();
    assert_eq!(done["update_id"], "u-1");
    assert!(done["result"].is_number());
    let again = call(
        tc_workflow_update,
        conn.client,
        &json!({"workflow_id": id, "update_name": "set_value", "args": [7]}),
    )
    .ok();
    assert_eq!(again["result"], 5, "set_value returns the previous value");
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
}

#[test]
fn rejected_and_failed_updates_give_update_failed_with_the_failure() {
    let conn = connect();
    let id = start_waiting(&conn);
    let rejected = call(
        tc_workflow_update,
        conn.client,
        &json!({"workflow_id": id, "update_name": "set_value", "args": [-1]}),
    )
    .err("update_failed");
    assert_eq!(rejected["failure"]["kind"], "application");
    let failed = call(
        tc_workflow_update,
        conn.client,
        &json!({"workflow_id": id, "update_name": "fail_update"}),
    )
    .err("update_failed");
    assert_eq!(failed["failure"]["type"], "UpdateErr");
    assert_eq!(failed["failure"]["message"], "update failed");
    call(
        tc_workflow_update,
        conn.client,
        &json!({"workflow_id": unique_id("missing"), "update_name": "set_value", "args": [1]}),
    )
    .err("not_found");
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
}

#[test]
fn start_update_then_poll_its_result() {
    let conn = connect();
    let id = start_waiting(&conn);
    let accepted = call(
        tc_workflow_start_update,
        conn.client,
        &json!({"workflow_id": id, "update_name": "set_value", "args": [9], "update_id": "later"}),
    )
    .ok();
    assert_eq!(
        accepted["update_id"], "later",
        "an accepted update may already carry its result"
    );
    let outcome = call(
        tc_workflow_update_result,
        conn.client,
        &json!({"workflow_id": id, "update_id": "later"}),
    )
    .ok();
    assert!(outcome["result"].is_number());
    let completed = call(
        tc_workflow_start_update,
        conn.client,
        &json!({"workflow_id": id, "update_name": "set_value", "args": [10], "wait_for_stage": "completed"}),
    )
    .ok();
    assert_eq!(completed["result"], 9);
    let rejected = call(
        tc_workflow_start_update,
        conn.client,
        &json!({"workflow_id": id, "update_name": "set_value", "args": [-5]}),
    )
    .err("update_failed");
    assert!(rejected["update_id"].is_string());
    call(
        tc_workflow_update_result,
        conn.client,
        &json!({"workflow_id": id, "update_id": "never-sent"}),
    )
    .err("not_found");
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
}

#[test]
fn update_with_start_starts_then_reuses_the_workflow() {
    let conn = connect();
    let id = unique_id("uws");
    let request = |value: i64| -> Value {
        json!({"workflow_type": "WaitForSignal", "task_queue": env().task_queue, "id": id,
               "id_conflict_policy": "use_existing", "update_name": "set_value", "update_args": [value]})
    };
    let first = call(tc_workflow_update_with_start, conn.client, &request(3)).ok();
    assert_eq!(first["started"], true);
    assert_eq!(first["workflow_id"], id.as_str());
    let second = call(tc_workflow_update_with_start, conn.client, &request(4)).ok();
    assert_eq!(second["started"], false);
    assert_eq!(second["run_id"], first["run_id"]);
    assert_eq!(second["result"], 3);
    let mut missing_policy = request(1);
    missing_policy
        .as_object_mut()
        .unwrap()
        .remove("id_conflict_policy");
    let err =
        call(tc_workflow_update_with_start, conn.client, &missing_policy).err("invalid_argument");
    assert_eq!(err["key"], "id_conflict_policy");
    let mut conflicting = request(5);
    conflicting["id_conflict_policy"] = json!("fail");
    let conflict =
        call(tc_workflow_update_with_start, conn.client, &conflicting).err("already_started");
    assert_eq!(conflict["workflow_id"], id.as_str());
    assert_eq!(conflict["run_id"], first["run_id"]);
    assert_eq!(conflict["operation_index"], 0);
    let rejected =
        call(tc_workflow_update_with_start, conn.client, &request(-1)).err("update_failed");
    assert_eq!(rejected["run_id"], first["run_id"]);
    let mut bad_key = request(1);
    bad_key["update_bogus"] = json!(1);
    call(tc_workflow_update_with_start, conn.client, &bad_key).err("invalid_argument");
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
}
