//! Listing, counting and history through the C ABI.

mod common;

use common::*;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::time::{Duration, Instant};
use temporal_capi::ffi::exports::*;

fn start(conn: &Conn, workflow_type: &str, id: &str, args: Value) {
    call(
        tc_workflow_start,
        conn.client,
        &json!({"workflow_type": workflow_type, "task_queue": env().task_queue, "id": id, "args": args}),
    )
    .ok();
}

/// Polls `tc_workflow_count` until it reports `expected` (visibility is eventually consistent).
fn await_count(conn: &Conn, query: &str, expected: i64) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let counted = call(tc_workflow_count, conn.client, &json!({"query": query})).ok();
        if counted["count"] == expected {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "count of {query} stuck at {counted}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn listing_250_workflows_in_pages_of_100_returns_each_once() {
    let conn = connect();
    let prefix = unique_id("page");
    for i in 0..250 {
        start(&conn, "Echo", &format!("{prefix}-{i:03}"), json!([i]));
    }
    let query = format!("WorkflowId STARTS_WITH '{prefix}-'");
    await_count(&conn, &query, 250);
    let mut seen = HashSet::new();
    let mut pages = 0;
    let mut token = Value::Null;
    loop {
        let mut request = json!({"query": query, "page_size": 100});
        if !token.is_null() {
            request["next_page_token"] = token.clone();
        }
        let page = call(tc_workflow_list, conn.client, &request).ok();
        pages += 1;
        let rows = page["executions"].as_array().unwrap();
        assert!(rows.len() <= 100);
        for row in rows {
            assert_eq!(row["workflow_type"], "Echo");
            assert!(row["run_id"].as_str().is_some_and(|r| !r.is_empty()));
            assert!(row["start_time"].is_string());
            assert!(
                seen.insert(row["workflow_id"].as_str().unwrap().to_owned()),
                "duplicate {row}"
            );
        }
        token = page["next_page_token"].clone();
        if token.is_null() {
            break;
        }
    }
    assert_eq!(seen.len(), 250);
    assert!(pages >= 3, "{pages} pages");
}

#[test]
fn count_groups_by_status() {
    let conn = connect();
    let prefix = unique_id("count");
    for i in 0..3 {
        start(&conn, "Echo", &format!("{prefix}-done-{i}"), json!([i]));
        call(
            tc_workflow_result,
            conn.client,
            &json!({"workflow_id": format!("{prefix}-done-{i}")}),
        )
        .ok();
    }
    start(&conn, "Forever", &format!("{prefix}-open"), json!([]));
    let query = format!("WorkflowId STARTS_WITH '{prefix}-'");
    await_count(&conn, &query, 4);
    await_count(
        &conn,
        &format!("{query} AND ExecutionStatus = 'Completed'"),
        3,
    );
    let grouped = call(
        tc_workflow_count,
        conn.client,
        &json!({"query": format!("{query} GROUP BY ExecutionStatus")}),
    )
    .ok();
    assert_eq!(grouped["count"], 4);
    let mut groups: Vec<(String, i64)> = grouped["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["values"][0].as_str().unwrap().to_owned(),
                g["count"].as_i64().unwrap(),
            )
        })
        .collect();
    groups.sort();
    assert_eq!(
        groups,
        vec![("Completed".to_owned(), 3), ("Running".to_owned(), 1)]
    );
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": format!("{prefix}-open")}),
    )
    .ok();
    let bad = call(
        tc_workflow_list,
        conn.client,
        &json!({"query": "NoSuchField = 'x'"}),
    )
    .err("invalid_argument");
    assert!(bad["grpc_code"].is_number());
}

#[test]
fn history_pages_and_export_match_the_cli_format() {
    let conn = connect();
    let id = unique_id("history");
    start(&conn, "Echo", &id, json!(["hi"]));
    call(tc_workflow_result, conn.client, &json!({"workflow_id": id})).ok();
    let exported = call(
        tc_workflow_export_history,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
    let events = exported["events"].as_array().unwrap();
    assert_eq!(
        events[0]["eventType"],
        "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED"
    );
    assert_eq!(events[0]["eventId"], "1");
    assert_eq!(
        events[0]["workflowExecutionStartedEventAttributes"]["workflowType"]["name"],
        "Echo"
    );
    assert_eq!(
        events.last().unwrap()["eventType"],
        "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"
    );

    let mut paged = Vec::new();
    let mut token = Value::Null;
    loop {
        let mut request = json!({"workflow_id": id, "page_size": 2});
        if !token.is_null() {
            request["next_page_token"] = token.clone();
        }
        let page = call(tc_workflow_fetch_history, conn.client, &request).ok();
        paged.extend(page["events"].as_array().unwrap().iter().cloned());
        token = page["next_page_token"].clone();
        if token.is_null() {
            break;
        }
    }
    assert_eq!(&paged, events);

    let close = call(
        tc_workflow_fetch_history,
        conn.client,
        &json!({"workflow_id": id, "event_filter": "close", "wait_new_event": true}),
    )
    .ok();
    assert_eq!(close["events"].as_array().unwrap().len(), 1);
    assert_eq!(
        close["events"][0]["eventType"],
        "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"
    );

    call(
        tc_workflow_export_history,
        conn.client,
        &json!({"workflow_id": unique_id("missing")}),
    )
    .err("not_found");
    let bad = call(
        tc_workflow_fetch_history,
        conn.client,
        &json!({"workflow_id": id, "next_page_token": "***"}),
    )
    .err("invalid_argument");
    assert_eq!(bad["key"], "next_page_token");
}
