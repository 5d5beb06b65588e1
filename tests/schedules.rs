//! Schedule operations through the C ABI against the real dev server and worker.

mod common;

use common::*;
use serde_json::{json, Value};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use temporal_capi::ffi::{exports::tc_workflow_result, exports::*};

/// How long to wait for the scheduler to act; generous, never asserted on.
const DEADLINE: Duration = Duration::from_secs(120);

/// Deletes the schedule when the test ends, pass or fail, so interval
/// schedules stop starting workflows.
struct Schedule<'a> {
    conn: &'a Conn,
    id: String,
}

impl Drop for Schedule<'_> {
    fn drop(&mut self) {
        let _ = call(
            tc_schedule_delete,
            self.conn.client,
            &json!({"schedule_id": self.id}),
        );
    }
}

fn echo_action(arg: Value) -> Value {
    json!({"start_workflow": {
        "workflow_type": "Echo",
        "task_queue": env().task_queue,
        "id": unique_id("sched-wf"),
        "args": [arg],
    }})
}

/// Creates a schedule from `req` plus a fresh `schedule_id`.
fn create<'a>(conn: &'a Conn, prefix: &str, mut req: Value) -> Schedule<'a> {
    let id = unique_id(prefix);
    req["schedule_id"] = json!(id);
    let out = call(tc_schedule_create, conn.client, &req).ok();
    assert_eq!(out["schedule_id"], id);
    assert!(out["conflict_token"].is_string(), "{out}");
    Schedule { conn, id }
}

fn describe(s: &Schedule) -> Value {
    call(
        tc_schedule_describe,
        s.conn.client,
        &json!({"schedule_id": s.id}),
    )
    .ok()
}

/// Describes `s` until `pred` holds; panics with the last description at the deadline.
fn wait_for(s: &Schedule, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
    let start = Instant::now();
    loop {
        let d = describe(s);
        if pred(&d) {
            return d;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "timed out waiting for {what}; last description: {d:#}"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

fn action_count(d: &Value) -> i64 {
    d["info"]["action_count"].as_i64().expect("action_count")
}

/// The result of the workflow a schedule action started.
fn result_of(conn: &Conn, action: &Value) -> Value {
    call(
        tc_workflow_result,
        conn.client,
        &json!({"workflow_id": action["workflow_id"], "run_id": action["run_id"]}),
    )
    .ok()["result"]
        .clone()
}

fn range(start: i32, end: i32, step: i32) -> Value {
    json!({"start": start, "end": end, "step": step})
}

#[test]
fn every_spec_form_reads_back_through_describe() {
    let conn = connect();
    let tq = env().task_queue.clone();
    let s = create(
        &conn,
        "sched-spec",
        json!({
            "spec": {
                "intervals": [{"every": "1h", "offset": "5m"}, {"every": 90}],
                "cron_expressions": ["0 12 * * MON-FRI"],
                "calendars": [{
                    "hour": [{"start": 9, "end": 17, "step": 2}],
                    "minute": [30],
                    "day_of_week": [{"start": 1, "end": 5}],
                    "comment": "office hours",
                }],
                "exclude_calendars": [{"month": [12], "day_of_month": [25]}],
                "start_at": "2030-01-01T00:00:00Z",
                "end_at": "2031-01-01T00:00:00+01:00",
                "jitter": "2s",
                "time_zone": "Europe/Berlin",
            },
            "action": {"start_workflow": {
                "workflow_type": "Echo",
                "task_queue": tq,
                "id": "spec-wf",
                "args": [{"a": [1, 2]}, null],
                "execution_timeout": "1h",
                "run_timeout": 600,
                "task_timeout": "10s",
                "retry_policy": {"initial_interval": "2s", "backoff_coefficient": 3.0,
                                 "maximum_attempts": 4, "non_retryable_error_types": ["Fatal"]},
                "memo": {"wf": "memo"},
                "search_attributes": {"CustomKeyword": {"type": "keyword", "value": "wf-kw"}},
                "static_summary": "a summary",
                "static_details": "details",
                "priority": {"priority_key": 2},
                "headers": {"trace": "abc"},
            }},
            "policies": {"overlap": "buffer_one", "catchup_window": "5m", "pause_on_failure": true},
            "state": {"paused": true, "note": "created paused", "remaining_actions": 7},
            "memo": {"owner": "team-a"},
            "search_attributes": {"CustomInt": {"type": "int", "value": 42}},
        }),
    );
    let d = describe(&s);
    assert_eq!(d["schedule_id"], s.id);
    let spec = &d["spec"];
    assert_eq!(
        spec["intervals"],
        json!([{"every": 3600, "offset": 300}, {"every": 90, "offset": 0}])
    );
    // The server stores cron strings as calendars, after the given ones.
    assert_eq!(spec["cron_expressions"], json!([]));
    let all_days = [range(1, 31, 1)];
    let all_months = [range(1, 12, 1)];
    assert_eq!(
        spec["calendars"],
        json!([
            {
                "second": [range(0, 0, 1)],
                "minute": [range(30, 30, 1)],
                "hour": [range(9, 17, 2)],
                "day_of_month": all_days,
                "month": all_months,
                "year": [],
                "day_of_week": [range(1, 5, 1)],
                "comment": "office hours",
            },
            {
                "second": [range(0, 0, 1)],
                "minute": [range(0, 0, 1)],
                "hour": [range(12, 12, 1)],
                "day_of_month": all_days,
                "month": all_months,
                "year": [],
                "day_of_week": [range(1, 5, 1)],
                "comment": null,
            },
        ])
    );
    assert_eq!(
        spec["exclude_calendars"],
        json!([{
            "second": [range(0, 0, 1)],
            "minute": [range(0, 0, 1)],
            "hour": [range(0, 0, 1)],
            "day_of_month": [range(25, 25, 1)],
            "month": [range(12, 12, 1)],
            "year": [],
            "day_of_week": [range(0, 6, 1)],
            "comment": null,
        }])
    );
    assert_eq!(spec["start_at"], "2030-01-01T00:00:00Z");
    assert_eq!(spec["end_at"], "2030-12-31T23:00:00Z");
    assert_eq!(spec["jitter"], 2);
    assert_eq!(spec["time_zone"], "Europe/Berlin");

    let wf = &d["action"]["start_workflow"];
    assert_eq!(wf["workflow_type"], "Echo");
    assert_eq!(wf["task_queue"], tq);
    assert_eq!(wf["id"], "spec-wf");
    assert_eq!(wf["args"], json!([{"a": [1, 2]}, null]));
    assert_eq!(wf["execution_timeout"], 3600);
    assert_eq!(wf["run_timeout"], 600);
    assert_eq!(wf["task_timeout"], 10);
    assert_eq!(wf["retry_policy"]["initial_interval"], 2);
    assert_eq!(wf["retry_policy"]["backoff_coefficient"], 3.0);
    assert_eq!(wf["retry_policy"]["maximum_attempts"], 4);
    assert_eq!(
        wf["retry_policy"]["non_retryable_error_types"],
        json!(["Fatal"])
    );
    assert_eq!(wf["memo"], json!({"wf": "memo"}));
    assert_eq!(
        wf["search_attributes"],
        json!({"CustomKeyword": {"type": "keyword", "value": "wf-kw"}})
    );
    assert_eq!(wf["static_summary"], "a summary");
    assert_eq!(wf["static_details"], "details");
    assert_eq!(wf["priority"]["priority_key"], 2);
    assert_eq!(wf["headers"], json!({"trace": "abc"}));

    assert_eq!(
        d["policies"],
        json!({"overlap": "buffer_one", "catchup_window": 300, "pause_on_failure": true,
               "keep_original_workflow_id": false})
    );
    assert_eq!(
        d["state"],
        json!({"paused": true, "note": "created paused", "remaining_actions": 7})
    );
    assert_eq!(d["memo"], json!({"owner": "team-a"}));
    assert_eq!(
        d["search_attributes"],
        json!({"CustomInt": {"type": "int", "value": 42}})
    );
    let info = &d["info"];
    assert_eq!(info["action_count"], 0);
    assert_eq!(info["recent_actions"], json!([]));
    assert!(
        info["create_time"].as_str().unwrap().ends_with('Z'),
        "{info}"
    );
    // Upcoming times respect start_at (jitter adds up to 2 s).
    let next = info["future_action_times"].as_array().unwrap();
    assert!(!next.is_empty(), "{info}");
    assert!(next[0].as_str().unwrap().starts_with("2030-01-01T00:00:0"));
    assert!(d["conflict_token"].is_string());
}

#[test]
fn defaults_are_reported_for_a_minimal_schedule() {
    let conn = connect();
    let s = create(&conn, "sched-min", json!({"action": echo_action(json!(1))}));
    let d = describe(&s);
    assert_eq!(
        d["spec"],
        json!({"intervals": [], "cron_expressions": [], "calendars": [], "exclude_calendars": [],
               "start_at": null, "end_at": null, "jitter": null, "time_zone": null})
    );
    assert_eq!(d["policies"]["overlap"], "skip");
    assert_eq!(d["policies"]["catchup_window"], 365 * 24 * 3600);
    assert_eq!(
        d["state"],
        json!({"paused": false, "note": null, "remaining_actions": null})
    );
    assert_eq!(d["action"]["start_workflow"]["retry_policy"], Value::Null);
    assert_eq!(d["info"]["future_action_times"], json!([]));
}

#[test]
fn interval_schedule_starts_echo_workflows() {
    let conn = connect();
    let arg = json!({"from": "schedule", "n": [1, 2.5, null]});
    let action = echo_action(arg.clone());
    let wf_id = action["start_workflow"]["id"].as_str().unwrap().to_owned();
    let s = create(
        &conn,
        "sched-interval",
        json!({"spec": {"intervals": [{"every": 1}]}, "action": action}),
    );
    let d = wait_for(&s, "a recent action", |d| {
        d["info"]["recent_actions"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    });
    let first = &d["info"]["recent_actions"][0];
    let started_id = first["workflow_id"].as_str().unwrap();
    // The server appends the scheduled time to the action's id.
    assert!(started_id.starts_with(&wf_id), "{first}");
    assert!(first["run_id"].is_string(), "{first}");
    assert!(
        first["schedule_time"].as_str().unwrap().ends_with('Z'),
        "{first}"
    );
    assert!(
        first["actual_time"].as_str().unwrap().ends_with('Z'),
        "{first}"
    );
    assert_eq!(result_of(&conn, first), arg);
    // It keeps going: a second action follows.
    let d = wait_for(&s, "a second action", |d| action_count(d) >= 2);
    let actions = d["info"]["recent_actions"].as_array().unwrap();
    assert!(actions.len() >= 2, "{d:#}");
    assert_ne!(actions[0]["workflow_id"], actions[1]["workflow_id"]);
    assert_eq!(result_of(&conn, &actions[1]), arg);
}

#[test]
fn pause_stops_actions_and_unpause_resumes_them() {
    let conn = connect();
    let s = create(
        &conn,
        "sched-pause",
        json!({"spec": {"intervals": [{"every": 1}]}, "action": echo_action(json!("p"))}),
    );
    wait_for(&s, "two actions", |d| action_count(d) >= 2);
    call(
        tc_schedule_pause,
        conn.client,
        &json!({"schedule_id": s.id, "note": "maintenance window"}),
    )
    .ok();
    let d = wait_for(&s, "paused", |d| d["state"]["paused"] == true);
    assert_eq!(d["state"]["note"], "maintenance window");
    let paused_count = action_count(&d);
    std::thread::sleep(Duration::from_secs(4));
    let d = describe(&s);
    assert_eq!(
        action_count(&d),
        paused_count,
        "a paused schedule took actions: {d:#}"
    );
    assert_eq!(d["state"]["paused"], true);

    call(
        tc_schedule_unpause,
        conn.client,
        &json!({"schedule_id": s.id, "note": "back to work"}),
    )
    .ok();
    let d = wait_for(&s, "an action after unpausing", |d| {
        action_count(d) > paused_count
    });
    assert_eq!(d["state"]["paused"], false);
    assert_eq!(d["state"]["note"], "back to work");
    // Without a note, pause stores a default one.
    call(
        tc_schedule_pause,
        conn.client,
        &json!({"schedule_id": s.id}),
    )
    .ok();
    let d = wait_for(&s, "paused again", |d| d["state"]["paused"] == true);
    assert_eq!(d["state"]["note"], "Paused via temporal-capi");
}

#[test]
fn limited_actions_run_out() {
    let conn = connect();
    let s = create(
        &conn,
        "sched-limited",
        json!({
            "spec": {"intervals": [{"every": 1}]},
            "action": echo_action(json!("limited")),
            "state": {"remaining_actions": 2},
        }),
    );
    let d = wait_for(&s, "the two allowed actions", |d| {
        action_count(d) == 2 && d["state"]["remaining_actions"] == 0
    });
    std::thread::sleep(Duration::from_secs(3));
    let later = describe(&s);
    assert_eq!(action_count(&later), 2, "{later:#}");
    assert_eq!(later["state"]["remaining_actions"], 0);
    assert_eq!(later["state"]["paused"], false);
    for a in d["info"]["recent_actions"].as_array().unwrap() {
        assert_eq!(result_of(&conn, a), "limited");
    }
}

#[test]
fn trigger_takes_one_action_at_once() {
    let conn = connect();
    // No spec: the schedule acts only when triggered.
    let action = echo_action(json!("triggered"));
    let wf_id = action["start_workflow"]["id"].clone();
    let s = create(
        &conn,
        "sched-trigger",
        json!({
            "action": action,
            "trigger_immediately": true,
            "policies": {"keep_original_workflow_id": true},
            // Triggers act on paused schedules too.
            "state": {"paused": true},
        }),
    );
    let d = wait_for(&s, "the action of trigger_immediately", |d| {
        action_count(d) == 1
    });
    let first = &d["info"]["recent_actions"][0];
    // Stored, though the 1.32 dev server's workflow-backed scheduler still
    // appends the scheduled time to the id.
    assert_eq!(d["policies"]["keep_original_workflow_id"], true);
    assert!(first["workflow_id"]
        .as_str()
        .unwrap()
        .starts_with(wf_id.as_str().unwrap()));
    assert_eq!(result_of(&conn, first), "triggered");
    call(
        tc_schedule_trigger,
        conn.client,
        &json!({"schedule_id": s.id, "overlap": "allow_all"}),
    )
    .ok();
    let d = wait_for(&s, "the triggered action", |d| action_count(d) == 2);
    let actions = d["info"]["recent_actions"].as_array().unwrap();
    assert_eq!(actions.len(), 2, "{d:#}");
    assert_eq!(result_of(&conn, &actions[1]), "triggered");
    // Trigger without overlap uses the schedule's policy.
    call(
        tc_schedule_trigger,
        conn.client,
        &json!({"schedule_id": s.id}),
    )
    .ok();
    wait_for(&s, "a third action", |d| action_count(d) == 3);
}

fn rfc3339(unix: u64) -> String {
    let (days, secs) = (unix / 86400, unix % 86400);
    // Civil date from days since the epoch (Howard Hinnant's algorithm).
    let z = days as i64 + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

#[test]
fn backfill_takes_the_actions_of_a_past_range() {
    let conn = connect();
    // Paused, so only the backfill acts; every minute on the minute.
    let s = create(
        &conn,
        "sched-backfill",
        json!({
            "spec": {"intervals": [{"every": "1m"}]},
            "action": echo_action(json!("backfilled")),
            "state": {"paused": true},
        }),
    );
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let minute = now - now % 60;
    // Half-minute bounds hold exactly three minute marks.
    let (from, to) = (minute - 600 + 30, minute - 420 + 30);
    call(
        tc_schedule_backfill,
        conn.client,
        &json!({"schedule_id": s.id, "backfills": [
            {"start_at": rfc3339(from), "end_at": rfc3339(to), "overlap": "allow_all"}
        ]}),
    )
    .ok();
    let d = wait_for(&s, "three backfilled actions", |d| {
        action_count(d) == 3
            && d["info"]["recent_actions"]
                .as_array()
                .is_some_and(|a| a.len() == 3)
    });
    let actions = d["info"]["recent_actions"].as_array().unwrap();
    let mut times: Vec<&str> = actions
        .iter()
        .map(|a| a["schedule_time"].as_str().unwrap())
        .collect();
    times.sort();
    let expected: Vec<String> = [540, 480, 420].map(|ago| rfc3339(minute - ago)).into();
    assert_eq!(times, expected, "{d:#}");
    for a in actions {
        assert_eq!(result_of(&conn, a), "backfilled");
    }
}

#[test]
fn backfills_given_at_create_run_at_once() {
    let conn = connect();
    let s = create(
        &conn,
        "sched-create-backfill",
        json!({
            "spec": {"calendars": [{"hour": [{"start": 0, "end": 23}]}]},
            "action": echo_action(json!("hourly")),
            "state": {"paused": true},
            "backfills": [{"start_at": "2020-03-01T00:30:00Z", "end_at": "2020-03-01T02:30:00+00:00",
                           "overlap": "buffer_all"}],
        }),
    );
    let d = wait_for(&s, "two backfilled actions", |d| {
        action_count(d) == 2
            && d["info"]["recent_actions"]
                .as_array()
                .is_some_and(|a| a.len() == 2)
    });
    let actions = d["info"]["recent_actions"].as_array().unwrap();
    let mut times: Vec<&str> = actions
        .iter()
        .map(|a| a["schedule_time"].as_str().unwrap())
        .collect();
    times.sort();
    assert_eq!(times, ["2020-03-01T01:00:00Z", "2020-03-01T02:00:00Z"]);
    for a in actions {
        assert_eq!(result_of(&conn, a), "hourly");
    }
}

#[test]
fn update_replaces_the_given_sections() {
    let conn = connect();
    let s = create(
        &conn,
        "sched-update",
        json!({
            "spec": {"intervals": [{"every": "1h"}]},
            "action": echo_action(json!("v1")),
            "state": {"paused": true, "note": "v1"},
            "search_attributes": {"CustomKeyword": {"type": "keyword", "value": "before"}},
        }),
    );
    let before = describe(&s);
    call(
        tc_schedule_update,
        conn.client,
        &json!({
            "schedule_id": s.id,
            "spec": {"intervals": [{"every": "2h", "offset": "10m"}],
                     "calendars": [{"hour": [3], "comment": "nightly"}], "time_zone": "UTC"},
            "state": {"paused": true, "note": "v2", "remaining_actions": 3},
            "policies": {"overlap": "allow_all", "catchup_window": "1m"},
            "search_attributes": {"CustomKeyword": {"type": "keyword", "value": "after"}},
        }),
    )
    .ok();
    // The schedule's search attributes may show up after its sections.
    let d = wait_for(&s, "the update", |d| {
        d["state"]["note"] == "v2" && d["search_attributes"]["CustomKeyword"]["value"] == "after"
    });
    assert_eq!(
        d["spec"]["intervals"],
        json!([{"every": 7200, "offset": 600}])
    );
    assert_eq!(d["spec"]["calendars"][0]["hour"], json!([range(3, 3, 1)]));
    assert_eq!(d["spec"]["calendars"][0]["comment"], "nightly");
    assert_eq!(d["spec"]["time_zone"], "UTC");
    assert_eq!(
        d["state"],
        json!({"paused": true, "note": "v2", "remaining_actions": 3})
    );
    assert_eq!(d["policies"]["overlap"], "allow_all");
    assert_eq!(d["policies"]["catchup_window"], 60);
    assert_eq!(
        d["search_attributes"]["CustomKeyword"]["value"], "after",
        "{d:#}"
    );
    // The action was not given, so it is unchanged.
    assert_eq!(d["action"], before["action"]);
    assert_ne!(d["conflict_token"], before["conflict_token"]);

    // A description, edited and sent back with its token, replaces the action.
    let mut action = d["action"].clone();
    action["start_workflow"]["args"] = json!(["v3"]);
    call(
        tc_schedule_update,
        conn.client,
        &json!({"schedule_id": s.id, "action": action, "conflict_token": d["conflict_token"]}),
    )
    .ok();
    let d3 = wait_for(&s, "the action update", |d3| {
        d3["action"]["start_workflow"]["args"] == json!(["v3"])
    });
    assert_eq!(d3["spec"], d["spec"]);
    assert_eq!(d3["state"], d["state"]);

    // A stale token is refused and changes nothing.
    let err = call(
        tc_schedule_update,
        conn.client,
        &json!({"schedule_id": s.id, "state": {"note": "stale"}, "conflict_token": d["conflict_token"]}),
    )
    .err("rpc_error");
    assert_eq!(err["grpc_status"], "failed_precondition", "{err}");
    assert_eq!(err["key"], "conflict_token");
    assert_eq!(describe(&s)["state"]["note"], "v2");
}

#[test]
fn described_schedule_round_trips_through_update() {
    let conn = connect();
    let s = create(
        &conn,
        "sched-roundtrip",
        json!({
            "spec": {"cron_expressions": ["30 6 * * 1"], "calendars": [{"minute": [{"start": 0, "end": 45, "step": 15}]}],
                     "jitter": 1, "start_at": "2030-05-05T05:05:05.5Z"},
            "action": {"start_workflow": {"workflow_type": "Echo", "task_queue": env().task_queue,
                       "args": ["x"], "retry_policy": {"maximum_attempts": 1}, "memo": {"k": [1]},
                       "priority": {"priority_key": 1}, "static_summary": "s"}},
            "policies": {"overlap": "terminate_other", "pause_on_failure": true},
            "state": {"paused": true, "note": "n", "remaining_actions": 2},
        }),
    );
    let d = describe(&s);
    let mut req = d.clone();
    for key in ["info", "memo", "search_attributes"] {
        req.as_object_mut().unwrap().remove(key);
    }
    call(tc_schedule_update, conn.client, &req).ok();
    let after = wait_for(&s, "the update", |a| {
        a["conflict_token"] != d["conflict_token"]
    });
    for key in [
        "spec",
        "action",
        "policies",
        "state",
        "memo",
        "search_attributes",
    ] {
        assert_eq!(after[key], d[key], "{key} changed");
    }
}

#[test]
fn list_finds_schedules_by_query_and_by_paging() {
    let conn = connect();
    let s = create(
        &conn,
        "sched-list",
        json!({
            "spec": {"intervals": [{"every": "1h"}]},
            "action": echo_action(json!("l")),
            "state": {"paused": true, "note": "listed"},
            "memo": {"team": "list"},
            "search_attributes": {"CustomKeyword": {"type": "keyword", "value": "listed"}},
        }),
    );
    let query = json!({"query": format!("ScheduleId = '{}'", s.id)});
    let start = Instant::now();
    let page = loop {
        let page = call(tc_schedule_list, conn.client, &query).ok();
        if page["schedules"].as_array().unwrap().len() == 1 {
            break page;
        }
        assert!(start.elapsed() < DEADLINE, "not listed: {page}");
        std::thread::sleep(Duration::from_millis(300));
    };
    let entry = &page["schedules"][0];
    assert_eq!(entry["schedule_id"], s.id);
    assert_eq!(entry["paused"], true);
    assert_eq!(entry["note"], "listed");
    assert_eq!(entry["workflow_type"], "Echo");
    assert_eq!(entry["recent_actions"], json!([]));
    assert!(entry["next_action_times"].is_array());
    assert_eq!(entry["memo"], json!({"team": "list"}));
    assert_eq!(
        entry["search_attributes"]["CustomKeyword"],
        json!({"type": "keyword", "value": "listed"})
    );
    assert_eq!(
        entry["spec"]["intervals"],
        json!([{"every": 3600, "offset": 0}])
    );
    assert_eq!(page["next_page_token"], Value::Null);

    // Page through everything, one at a time, until it shows up.
    let mut token = Value::Null;
    let mut pages = 0;
    let mut found = false;
    loop {
        let page = call(
            tc_schedule_list,
            conn.client,
            &json!({"page_size": 1, "next_page_token": token}),
        )
        .ok();
        let entries = page["schedules"].as_array().unwrap();
        assert!(entries.len() <= 1, "{page}");
        found |= entries.iter().any(|e| e["schedule_id"] == s.id);
        pages += 1;
        token = page["next_page_token"].clone();
        if token.is_null() {
            break;
        }
        assert!(token.is_string(), "{page}");
    }
    assert!(found, "not found in {pages} pages");
    assert!(pages >= 1);
}

#[test]
fn delete_removes_the_schedule() {
    let conn = connect();
    let s = create(
        &conn,
        "sched-delete",
        json!({"action": echo_action(json!(0))}),
    );
    call(
        tc_schedule_delete,
        conn.client,
        &json!({"schedule_id": s.id}),
    )
    .ok();
    let err = call(
        tc_schedule_describe,
        conn.client,
        &json!({"schedule_id": s.id}),
    )
    .err("not_found");
    assert_eq!(err["schedule_id"], s.id);
    call(
        tc_schedule_delete,
        conn.client,
        &json!({"schedule_id": s.id}),
    )
    .err("not_found");
}

#[test]
fn a_taken_schedule_id_is_already_exists() {
    let conn = connect();
    let s = create(&conn, "sched-dup", json!({"action": echo_action(json!(0))}));
    let err = call(
        tc_schedule_create,
        conn.client,
        &json!({"schedule_id": s.id, "action": echo_action(json!(1))}),
    )
    .err("already_exists");
    assert_eq!(err["schedule_id"], s.id);
    assert_eq!(err["grpc_status"], "already_exists");
    // The original is untouched.
    assert_eq!(describe(&s)["action"]["start_workflow"]["args"], json!([0]));
}

#[test]
fn unknown_schedules_are_not_found() {
    let conn = connect();
    let id = unique_id("no-such-schedule");
    let past = json!([{"start_at": "2020-01-01T00:00:00Z", "end_at": "2020-01-01T00:01:00Z"}]);
    let cases: [(OpFn, Value); 7] = [
        (tc_schedule_describe, json!({"schedule_id": id})),
        (tc_schedule_update, json!({"schedule_id": id, "state": {}})),
        (tc_schedule_pause, json!({"schedule_id": id})),
        (tc_schedule_unpause, json!({"schedule_id": id})),
        (tc_schedule_trigger, json!({"schedule_id": id})),
        (
            tc_schedule_backfill,
            json!({"schedule_id": id, "backfills": past}),
        ),
        (tc_schedule_delete, json!({"schedule_id": id})),
    ];
    for (op, req) in cases {
        let err = call(op, conn.client, &req).err("not_found");
        assert_eq!(err["schedule_id"], id, "{req}: {err}");
    }
}

#[test]
fn bad_input_is_invalid_argument_naming_the_key() {
    let conn = connect();
    let action = echo_action(json!(1));
    let with = |extra: Value| {
        let mut req = json!({"schedule_id": "bad-input", "action": action});
        for (k, v) in extra.as_object().unwrap() {
            req[k] = v.clone();
        }
        req
    };
    let start = |extra: Value| {
        let mut a = action.clone();
        for (k, v) in extra.as_object().unwrap() {
            a["start_workflow"][k] = v.clone();
        }
        with(json!({"action": a}))
    };
    let cal = |c: Value| with(json!({"spec": {"calendars": [c]}}));
    let cases: Vec<(OpFn, Value, &str)> = vec![
        (tc_schedule_create, json!({"action": action}), "schedule_id"),
        (
            tc_schedule_create,
            with(json!({"schedule_id": ""})),
            "schedule_id",
        ),
        (tc_schedule_create, json!({"schedule_id": "x"}), "action"),
        (tc_schedule_create, with(json!({"actions": {}})), "actions"),
        (
            tc_schedule_create,
            with(json!({"policies": {"overlap": "sometimes"}})),
            "policies.overlap",
        ),
        (
            tc_schedule_create,
            with(json!({"policies": {"catchup_window": "soon"}})),
            "policies.catchup_window",
        ),
        (
            tc_schedule_create,
            with(json!({"spec": {"crons": []}})),
            "crons",
        ),
        (
            tc_schedule_create,
            with(json!({"spec": {"intervals": [{"every": 0}]}})),
            "spec.intervals[0].every",
        ),
        (
            tc_schedule_create,
            with(json!({"spec": {"intervals": [{"every": "often"}]}})),
            "spec.intervals[0].every",
        ),
        (
            tc_schedule_create,
            with(json!({"spec": {"intervals": [{"offset": 1}]}})),
            "every",
        ),
        (
            tc_schedule_create,
            with(json!({"spec": {"start_at": "yesterday"}})),
            "spec.start_at",
        ),
        (
            tc_schedule_create,
            with(
                json!({"spec": {"start_at": "2030-01-02T00:00:00Z", "end_at": "2030-01-01T00:00:00Z"}}),
            ),
            "spec.end_at",
        ),
        (
            tc_schedule_create,
            cal(json!({"hour": [24]})),
            "spec.calendars[0].hour[0]",
        ),
        (
            tc_schedule_create,
            cal(json!({"day_of_week": [{"start": 0, "end": 7}]})),
            "spec.calendars[0].day_of_week[0]",
        ),
        (
            tc_schedule_create,
            cal(json!({"minute": [1, {"start": 5, "end": 1}]})),
            "spec.calendars[0].minute[1]",
        ),
        (
            tc_schedule_create,
            cal(json!({"second": [{"start": 1, "stop": 2}]})),
            "stop",
        ),
        (
            tc_schedule_create,
            cal(json!({"month": ["may"]})),
            "spec.calendars[0].month[0]",
        ),
        (tc_schedule_create, cal(json!({"weekday": [1]})), "weekday"),
        (
            tc_schedule_create,
            start(json!({"start_delay": "1s"})),
            "action.start_workflow.start_delay",
        ),
        (
            tc_schedule_create,
            start(json!({"id_conflict_policy": "fail"})),
            "action.start_workflow.id_conflict_policy",
        ),
        (
            tc_schedule_create,
            start(json!({"workflow_type": ""})),
            "action.start_workflow.workflow_type",
        ),
        (
            tc_schedule_create,
            start(json!({"retry_policy": {"maximum_attempts": "x"}})),
            "action.start_workflow.retry_policy.maximum_attempts",
        ),
        (
            tc_schedule_create,
            with(json!({"state": {"remaining_actions": -1}})),
            "state.remaining_actions",
        ),
        (
            tc_schedule_create,
            with(json!({"search_attributes": {"CustomInt": {"type": "int", "value": "x"}}})),
            "search_attributes.CustomInt",
        ),
        (
            tc_schedule_create,
            with(json!({"backfills": [{"start_at": "2020-01-01T00:00:00Z"}]})),
            "end_at",
        ),
        (tc_schedule_describe, json!({}), "schedule_id"),
        (
            tc_schedule_describe,
            json!({"schedule_id": 7}),
            "schedule_id",
        ),
        (
            tc_schedule_update,
            json!({"schedule_id": "x", "conflict_token": "!!"}),
            "conflict_token",
        ),
        (
            tc_schedule_update,
            json!({"schedule_id": "x", "spec": {"jitter": -1}}),
            "spec.jitter",
        ),
        (
            tc_schedule_pause,
            json!({"schedule_id": "x", "reason": "r"}),
            "reason",
        ),
        (
            tc_schedule_trigger,
            json!({"schedule_id": "x", "overlap": "never"}),
            "overlap",
        ),
        (
            tc_schedule_backfill,
            json!({"schedule_id": "x", "backfills": []}),
            "backfills",
        ),
        (
            tc_schedule_backfill,
            json!({"schedule_id": "x"}),
            "backfills",
        ),
        (
            tc_schedule_backfill,
            json!({"schedule_id": "x", "backfills": [{"start_at": "2020-01-02T00:00:00Z", "end_at": "2020-01-01T00:00:00Z"}]}),
            "backfills[0].end_at",
        ),
        (
            tc_schedule_list,
            json!({"next_page_token": "%%%"}),
            "next_page_token",
        ),
        (tc_schedule_list, json!({"page_size": -1}), "page_size"),
        (tc_schedule_list, json!({"filter": "x"}), "filter"),
        (tc_schedule_delete, json!({"id": "x"}), "id"),
    ];
    for (op, req, key) in cases {
        let err = call(op, conn.client, &req).err("invalid_argument");
        assert!(
            err["message"].as_str().unwrap().contains(key),
            "message must name `{key}`: {err} (request {req})"
        );
    }
}
