//! `tc_workflow_describe_task_queue` against the dev server and its worker.

mod common;

use common::*;
use serde_json::{json, Value};
use temporal_capi::ffi::exports::tc_workflow_describe_task_queue;

fn describe(conn: &Conn, request: Value) -> Value {
    call(tc_workflow_describe_task_queue, conn.client, &request).ok()
}

/// Checks one poller's shape: a non-empty identity, an RFC 3339 time of
/// the last poll within the last ten minutes, a rate.
fn assert_poller(poller: &Value) {
    let keys: Vec<&str> = poller
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["identity", "last_access_time", "rate_per_second"],
        "{poller}"
    );
    assert!(!poller["identity"].as_str().unwrap().is_empty(), "{poller}");
    let last = chrono::DateTime::parse_from_rfc3339(poller["last_access_time"].as_str().unwrap())
        .unwrap_or_else(|e| panic!("{poller}: {e}"));
    let age = chrono::Utc::now().signed_duration_since(last);
    assert!(age.num_seconds() < 600, "{poller}");
    assert!(
        poller["rate_per_second"].as_f64().unwrap() >= 0.0,
        "{poller}"
    );
}

#[test]
fn the_workers_pollers_are_listed_for_both_task_types() {
    let conn = connect();
    let tq = &env().task_queue;
    let workflow = describe(&conn, json!({"task_queue": tq}));
    let pollers = workflow["pollers"].as_array().unwrap();
    assert!(!pollers.is_empty(), "the worker polls {tq}: {workflow}");
    pollers.iter().for_each(assert_poller);
    assert_eq!(workflow["stats"], Value::Null, "{workflow}");
    let activity = describe(
        &conn,
        json!({"task_queue": tq, "task_queue_type": "activity"}),
    );
    let pollers = activity["pollers"].as_array().unwrap();
    assert!(
        !pollers.is_empty(),
        "the worker runs activities on {tq}: {activity}"
    );
    pollers.iter().for_each(assert_poller);
}

#[test]
fn pollers_are_left_out_when_not_asked_for_and_stats_when_asked() {
    let conn = connect();
    let tq = &env().task_queue;
    let quiet = describe(&conn, json!({"task_queue": tq, "report_pollers": false}));
    assert_eq!(quiet["pollers"], json!([]), "{quiet}");
    let with_stats = describe(&conn, json!({"task_queue": tq, "report_stats": true}));
    let stats = &with_stats["stats"];
    assert!(
        stats["approximate_backlog_count"].as_i64().unwrap() >= 0,
        "{with_stats}"
    );
    assert!(stats["tasks_add_rate"].is_number(), "{with_stats}");
    assert!(stats["tasks_dispatch_rate"].is_number(), "{with_stats}");
    assert!(
        stats["approximate_backlog_age"].is_null() || stats["approximate_backlog_age"].is_number(),
        "{with_stats}"
    );
}

#[test]
fn a_queue_nobody_polls_has_no_pollers() {
    let conn = connect();
    let idle = describe(&conn, json!({"task_queue": unique_id("idle-queue")}));
    assert_eq!(idle, json!({"pollers": [], "stats": null}));
}

#[test]
fn bad_requests_are_rejected_before_sending() {
    let conn = connect();
    for (request, key) in [
        (json!({}), "task_queue"),
        (json!({"task_queue": ""}), "task_queue"),
        (
            json!({"task_queue": "q", "task_queue_type": "nexus"}),
            "task_queue_type",
        ),
        (json!({"task_queue": "q", "pollers": true}), "pollers"),
    ] {
        let error =
            call(tc_workflow_describe_task_queue, conn.client, &request).err("invalid_argument");
        assert_eq!(error["key"], key, "{request}: {error}");
    }
}
