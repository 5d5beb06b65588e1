//! Durable Task operations through the C ABI: wait for start/completion,
//! query and purge instances by filter (every filter key, quotes included).

mod common;

use common::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};
use temporal_capi::ffi::exports::*;

fn start(conn: &Conn, workflow_type: &str, id: &str, task_queue: &str, args: Value) -> Value {
    call(
        tc_workflow_start,
        conn.client,
        &json!({"workflow_type": workflow_type, "task_queue": task_queue, "id": id, "args": args}),
    )
    .ok()
}

/// The ids the filter selects, once visibility shows `expected` of them.
fn ids_matching(conn: &Conn, filter: Value, expected: usize) -> BTreeSet<String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let page = call(tc_workflow_query_instances, conn.client, &filter).ok();
        let ids: BTreeSet<String> = page["instances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["workflow_id"].as_str().unwrap().to_owned())
            .collect();
        if ids.len() == expected || Instant::now() > deadline {
            return ids;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn wait_for_start_returns_once_a_worker_picked_the_run_up() {
    let conn = connect();
    let id = unique_id("wfs");
    start(&conn, "WaitForSignal", &id, &env().task_queue, json!([]));
    let described = call(
        tc_workflow_wait_for_start,
        conn.client,
        &json!({"workflow_id": id}),
    )
    .ok();
    assert_eq!(described["workflow_id"], id.as_str());
    assert_eq!(described["status"], "running");
    assert!(
        described["history_length"].as_i64().unwrap() >= 3,
        "{described}"
    );

    let orphan = unique_id("nobody");
    start(
        &conn,
        "Echo",
        &orphan,
        &unique_id("no-worker-queue"),
        json!([1]),
    );
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": orphan, "reason": "never picked up"}),
    )
    .ok();
    let closed = call(
        tc_workflow_wait_for_start,
        conn.client,
        &json!({"workflow_id": orphan}),
    )
    .ok();
    assert_eq!(closed["status"], "terminated");
    call(
        tc_workflow_signal,
        conn.client,
        &json!({"workflow_id": id, "signal_name": "finish"}),
    )
    .ok();
}

#[test]
fn wait_for_completion_reports_every_ending_without_raising() {
    let conn = connect();
    let done = unique_id("wfc-ok");
    start(&conn, "Echo", &done, &env().task_queue, json!([{"in": 1}]));
    let completed = call(
        tc_workflow_wait_for_completion,
        conn.client,
        &json!({"workflow_id": done}),
    )
    .ok();
    assert_eq!(completed["status"], "completed");
    assert_eq!(completed["output"], json!({"in": 1}));
    assert_eq!(completed["input"], json!([{"in": 1}]));
    assert_eq!(completed["workflow_type"], "Echo");
    assert!(completed["created_at"].is_string() && completed["last_updated_at"].is_string());
    assert!(completed["failure"].is_null());

    let failed = unique_id("wfc-fail");
    start(
        &conn,
        "Fail",
        &failed,
        &env().task_queue,
        json!(["broken", "Oops", true]),
    );
    let report = call(
        tc_workflow_wait_for_completion,
        conn.client,
        &json!({"workflow_id": failed, "get_inputs_and_outputs": false}),
    )
    .ok();
    assert_eq!(report["status"], "failed");
    assert_eq!(report["failure"]["type"], "Oops");
    assert!(report.get("input").is_none() && report.get("output").is_none());

    let stopped = unique_id("wfc-term");
    start(&conn, "Forever", &stopped, &env().task_queue, json!([]));
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": stopped, "reason": "as output"}),
    )
    .ok();
    let terminated = call(
        tc_workflow_wait_for_completion,
        conn.client,
        &json!({"workflow_id": stopped}),
    )
    .ok();
    assert_eq!(terminated["status"], "terminated");
    assert_eq!(terminated["failure"]["message"], "as output");

    let chained = unique_id("wfc-can");
    start(
        &conn,
        "ContinueAsNew",
        &chained,
        &env().task_queue,
        json!([1]),
    );
    let last = call(
        tc_workflow_wait_for_completion,
        conn.client,
        &json!({"workflow_id": chained}),
    )
    .ok();
    assert_eq!(last["output"], "done");
    assert_eq!(last["input"], json!([0]));

    call(
        tc_workflow_wait_for_completion,
        conn.client,
        &json!({"workflow_id": unique_id("missing")}),
    )
    .err("not_found");
}

#[test]
fn query_instances_filters_by_every_key_and_quotes_are_inert() {
    let conn = connect();
    let tag = unique_id("qi");
    let prefix = format!("it's-{tag}");
    let queue = format!("q'ueue-{tag}");
    let quoted_type = format!("Ty'pe-{tag}");
    let before = chrono::Utc::now() - chrono::Duration::seconds(2);
    for i in 0..3 {
        start(
            &conn,
            "Echo",
            &format!("{prefix}-done-{i}"),
            &env().task_queue,
            json!([i]),
        );
        call(
            tc_workflow_result,
            conn.client,
            &json!({"workflow_id": format!("{prefix}-done-{i}")}),
        )
        .ok();
    }
    start(
        &conn,
        &quoted_type,
        &format!("{prefix}-typed"),
        &queue,
        json!([]),
    );
    let all: BTreeSet<String> = (0..3)
        .map(|i| format!("{prefix}-done-{i}"))
        .chain([format!("{prefix}-typed")])
        .collect();

    assert_eq!(ids_matching(&conn, json!({"id_prefix": prefix}), 4), all);
    let completed = ids_matching(
        &conn,
        json!({"id_prefix": prefix, "statuses": ["completed"]}),
        3,
    );
    assert_eq!(completed.len(), 3);
    let running = ids_matching(
        &conn,
        json!({"id_prefix": prefix, "statuses": ["running", "failed"]}),
        1,
    );
    assert_eq!(running, [format!("{prefix}-typed")].into());
    let by_type = ids_matching(&conn, json!({"workflow_type": quoted_type}), 1);
    assert_eq!(by_type, [format!("{prefix}-typed")].into());
    let by_queue = ids_matching(&conn, json!({"task_queue": queue}), 1);
    assert_eq!(by_queue, [format!("{prefix}-typed")].into());
    let window = json!({"id_prefix": prefix, "created_from": before.to_rfc3339(),
                        "created_to": (chrono::Utc::now() + chrono::Duration::seconds(60)).to_rfc3339()});
    assert_eq!(ids_matching(&conn, window, 4), all);
    let future = json!({"id_prefix": prefix,
                        "created_from": (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339()});
    assert!(ids_matching(&conn, future, 0).is_empty());
    let old = json!({"id_prefix": prefix, "created_to": before.to_rfc3339()});
    assert!(ids_matching(&conn, old, 0).is_empty());

    let injected = json!({"id_prefix": format!("{tag}' OR WorkflowId != '")});
    assert!(
        ids_matching(&conn, injected, 0).is_empty(),
        "a quote in a value must not widen the query"
    );
    let escaped = json!({"id_prefix": format!("{tag}\\' OR WorkflowId != '")});
    assert!(
        ids_matching(&conn, escaped, 0).is_empty(),
        "a backslash must not escape the closing quote"
    );

    let mut pages = BTreeSet::new();
    let mut token = Value::Null;
    // The token goes back under either name: the listings' `next_page_token`
    // or the Durable Task `continuation_token`.
    for name in ["next_page_token", "continuation_token"].iter().cycle() {
        let mut request = json!({"id_prefix": prefix, "page_size": 3});
        if !token.is_null() {
            request[*name] = token.clone();
        }
        let page = call(tc_workflow_query_instances, conn.client, &request).ok();
        for row in page["instances"].as_array().unwrap() {
            assert!(pages.insert(row["workflow_id"].as_str().unwrap().to_owned()));
        }
        assert_eq!(
            page["next_page_token"], page["continuation_token"],
            "{page}"
        );
        token = page["next_page_token"].clone();
        if token.is_null() {
            break;
        }
    }
    assert_eq!(pages, all);
    let bad = call(
        tc_workflow_query_instances,
        conn.client,
        &json!({"statuses": ["sleeping"]}),
    )
    .err("invalid_argument");
    assert!(bad["key"].as_str().unwrap().starts_with("statuses"));
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": format!("{prefix}-typed")}),
    )
    .ok();
}

#[test]
fn purge_instances_deletes_every_match() {
    let conn = connect();
    let prefix = unique_id("purge");
    for i in 0..5 {
        start(
            &conn,
            "Echo",
            &format!("{prefix}-{i}"),
            &env().task_queue,
            json!([i]),
        );
        call(
            tc_workflow_result,
            conn.client,
            &json!({"workflow_id": format!("{prefix}-{i}")}),
        )
        .ok();
    }
    start(
        &conn,
        "Forever",
        &format!("{prefix}-open"),
        &env().task_queue,
        json!([]),
    );
    let filter = json!({"id_prefix": prefix, "statuses": ["completed"]});
    assert_eq!(ids_matching(&conn, filter.clone(), 5).len(), 5);
    let mut request = filter.clone();
    request["max_concurrency"] = json!(2);
    let purged = call(tc_workflow_purge_instances, conn.client, &request).ok();
    assert_eq!(purged["purged_count"], 5);
    assert!(ids_matching(&conn, filter, 0).is_empty());
    let open = ids_matching(&conn, json!({"id_prefix": prefix}), 1);
    assert_eq!(open, [format!("{prefix}-open")].into());
    let bad = call(
        tc_workflow_purge_instances,
        conn.client,
        &json!({"id_prefix": prefix, "max_concurrency": 0}),
    )
    .err("invalid_argument");
    assert_eq!(bad["key"], "max_concurrency");
    call(
        tc_workflow_terminate,
        conn.client,
        &json!({"workflow_id": format!("{prefix}-open")}),
    )
    .ok();
}
