//! Bad input on every export that takes JSON is rejected synchronously
//! (DESIGN rule 5): `TC_RESULT_INVALID_ARGUMENT`, the callback fired exactly
//! once before the export returned, with an `invalid_argument` error whose
//! `key` names the offending path. A table per export covers invalid
//! UTF-8, malformed JSON, trailing bytes, wrong types, unknown keys,
//! out-of-range durations and integers, empty required strings and the
//! export's own rules. The client is connected to the dev server, but none
//! of these requests may reach it.

mod common;

use common::*;
use serde_json::{json, Value};
use std::{
    ffi::{c_char, c_void},
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
};
use temporal_capi::ffi::{
    client::{tc_client_connect, tc_client_update_headers, TcClient},
    envconfig::tc_envconfig_load,
    exports::*,
    runtime::tc_runtime_new,
    TcResult, TcStatus,
};

/// What the callbacks of one call saw.
#[derive(Default)]
struct Probe {
    calls: AtomicUsize,
    reply: Mutex<Option<(TcStatus, Value)>>,
}

impl Probe {
    fn record(&self, status: TcStatus, json: *const c_char, len: usize) {
        let bytes = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
        let value = serde_json::from_slice(bytes).expect("callback JSON parses");
        *self.reply.lock().unwrap() = Some((status, value));
        self.calls.fetch_add(1, Ordering::SeqCst);
    }
}

unsafe extern "C" fn probe_callback(
    user_data: *mut c_void,
    status: TcStatus,
    json: *const c_char,
    len: usize,
) {
    unsafe { &*(user_data as *const Probe) }.record(status, json, len);
}

unsafe extern "C" fn probe_client_callback(
    user_data: *mut c_void,
    client: *mut TcClient,
    status: TcStatus,
    json: *const c_char,
    len: usize,
) {
    assert!(client.is_null(), "rejected input must not yield a client");
    unsafe { &*(user_data as *const Probe) }.record(status, json, len);
}

/// One rejected request: its bytes and the `key` the error must name.
struct Case {
    bytes: Vec<u8>,
    key: String,
}

fn case(request: Value, key: &str) -> Case {
    Case {
        bytes: request.to_string().into_bytes(),
        key: key.to_owned(),
    }
}

/// `valid` with `key` set to `value` (dotted paths reach into objects).
fn with(valid: &Value, path: &str, value: Value) -> Value {
    let mut request = valid.clone();
    let mut slot = &mut request;
    for part in path.split('.') {
        slot = &mut slot[part];
    }
    *slot = value;
    request
}

/// The cases every JSON request shares, built around a valid request.
fn generic_cases(valid: &Value) -> Vec<Case> {
    let text = valid.to_string();
    let whole = |bytes: Vec<u8>| Case {
        bytes,
        key: ".".into(),
    };
    vec![
        whole(b"{\"workflow_id\": \"\xff\xfe\"}".to_vec()),
        whole(text.as_bytes()[..text.len() - 1].to_vec()),
        whole(format!("{text}{{\"bogus\":1}}").into_bytes()),
        whole(format!("{text} not json").into_bytes()),
        whole(format!("{text}\0").into_bytes()),
        whole(b"[1, 2]".to_vec()),
        whole(b"5".to_vec()),
        whole(b"\"text\"".to_vec()),
        case(with(valid, "bogus_key", json!(1)), "bogus_key"),
    ]
}

/// An asynchronous client export and what it must reject.
struct Export {
    name: &'static str,
    op: OpFn,
    valid: Value,
    cases: Vec<Case>,
}

/// Calls `op` with every case and checks the synchronous rejection.
/// Returns the probes (kept alive, as a late callback would use them), to
/// check later that no second callback came.
fn reject_all(client: *mut TcClient, export: &Export) -> Vec<Arc<Probe>> {
    let mut cases = generic_cases(&export.valid);
    cases.extend(export.cases.iter().map(|c| Case {
        bytes: c.bytes.clone(),
        key: c.key.clone(),
    }));
    cases
        .into_iter()
        .map(|c| {
            let probe = Arc::new(Probe::default());
            let code = unsafe {
                (export.op)(
                    client,
                    c.bytes.as_ptr() as *const c_char,
                    c.bytes.len(),
                    std::ptr::null(),
                    Some(probe_callback),
                    Arc::as_ptr(&probe) as *mut c_void,
                )
            };
            let shown = String::from_utf8_lossy(&c.bytes).into_owned();
            assert_eq!(
                probe.calls.load(Ordering::SeqCst),
                1,
                "{}: the callback must fire before the export returns ({shown})",
                export.name
            );
            assert_eq!(code, TcResult::InvalidArgument, "{}: {shown}", export.name);
            check_error(&probe, export.name, &shown, &c.key);
            probe
        })
        .collect()
}

fn check_error(probe: &Probe, export: &str, shown: &str, key: &str) {
    let (status, error) = probe.reply.lock().unwrap().clone().expect("a reply");
    assert_eq!(status, TcStatus::Error, "{export}: {shown}: {error}");
    assert_eq!(
        error["code"], "invalid_argument",
        "{export}: {shown}: {error}"
    );
    assert_eq!(error["key"], key, "{export}: {shown}: {error}");
    assert!(
        !error["message"].as_str().unwrap_or_default().is_empty(),
        "{export}: {error}"
    );
}

const UUID: &str = "3a1c6f5e-2b7d-4c1e-9f3a-0d2b8e6c4a11";
const TOO_LONG: &str = "100000000h";
const I32_OVER: i64 = 2_147_483_648;

/// Cases shared by exports addressed by `workflow_id` (+ `run_id`).
fn execution_cases(valid: &Value) -> Vec<Case> {
    vec![
        case(with(valid, "workflow_id", json!("")), "workflow_id"),
        case(with(valid, "workflow_id", json!(5)), "workflow_id"),
        case(with(valid, "run_id", json!("run-1")), "run_id"),
        case(with(valid, "run_id", json!([])), "run_id"),
    ]
}

/// An export addressed by `workflow_id` + `run_id`; `keys` completes a valid request.
fn execution_export(name: &'static str, keys: Value, op: OpFn, extra: Vec<Case>) -> Export {
    let mut valid = json!({"workflow_id": "wf", "run_id": UUID});
    for (k, v) in keys.as_object().unwrap() {
        valid[k] = v.clone();
    }
    let mut cases = execution_cases(&valid);
    cases.extend(extra);
    Export {
        name,
        op,
        valid,
        cases,
    }
}

fn start_options() -> Value {
    json!({"workflow_type": "W", "task_queue": "q", "id": "wf"})
}

/// Cases of the start options, shared by start, signal-with-start and
/// update-with-start.
fn start_cases(valid: &Value) -> Vec<Case> {
    vec![
        case(with(valid, "workflow_type", json!("")), "workflow_type"),
        case(with(valid, "task_queue", json!("")), "task_queue"),
        case(with(valid, "id", json!("")), "id"),
        case(with(valid, "task_queue", json!(1)), "task_queue"),
        case(
            with(valid, "execution_timeout", json!("999999999999h")),
            "execution_timeout",
        ),
        case(
            with(valid, "run_timeout", json!(315_576_000_001u64)),
            "run_timeout",
        ),
        case(with(valid, "task_timeout", json!(-1)), "task_timeout"),
        case(with(valid, "start_delay", json!(1e300)), "start_delay"),
        case(
            with(valid, "retry_policy", json!({"maximum_attempts": I32_OVER})),
            "retry_policy.maximum_attempts",
        ),
        case(
            with(valid, "retry_policy", json!({"maximum_attempts": -1})),
            "retry_policy.maximum_attempts",
        ),
        case(
            with(valid, "retry_policy", json!({"backoff_coefficient": 0.5})),
            "retry_policy.backoff_coefficient",
        ),
        case(
            with(
                valid,
                "retry_policy",
                json!({"initial_interval": "10s", "maximum_interval": "1s"}),
            ),
            "retry_policy.maximum_interval",
        ),
        case(
            with(valid, "retry_policy", json!({"initial_interval": TOO_LONG})),
            "retry_policy.initial_interval",
        ),
        case(
            with(valid, "priority", json!({"priority_key": I32_OVER})),
            "priority.priority_key",
        ),
        case(
            with(valid, "priority", json!({"priority_key": -1})),
            "priority.priority_key",
        ),
        case(
            with(valid, "priority", json!({"fairness_weight": 1e300})),
            "priority.fairness_weight",
        ),
        case(
            with(valid, "args", json!([1, {"$payload": {"data": "!!"}}])),
            "args[1]",
        ),
        case(
            with(valid, "memo", json!({"m": {"$payload": {"bogus": 1}}})),
            "memo.m",
        ),
        case(
            with(
                valid,
                "search_attributes",
                json!({"CustomInt": {"type": "int", "value": "x"}}),
            ),
            "search_attributes.CustomInt",
        ),
        case(with(valid, "request_id", json!("")), "request_id"),
        case(
            with(valid, "retry_policy", json!([null, 2.0, null, 3, []])),
            "retry_policy",
        ),
        case(
            with(valid, "id_reuse_policy", json!({"allow_duplicate": null})),
            "id_reuse_policy",
        ),
        case(
            with(
                &with(valid, "cron_schedule", json!("* * * * *")),
                "start_delay",
                json!("1m"),
            ),
            "start_delay",
        ),
        case(
            with(
                &with(valid, "id_reuse_policy", json!("terminate_if_running")),
                "id_conflict_policy",
                json!("fail"),
            ),
            "id_reuse_policy",
        ),
    ]
}

fn schedule_action() -> Value {
    json!({"start_workflow": {"workflow_type": "W", "task_queue": "q", "id": "wf"}})
}

fn exports() -> Vec<Export> {
    let start = start_options();
    let mut signal_with_start = start.clone();
    signal_with_start["signal_name"] = json!("s");
    let mut update_with_start = start.clone();
    update_with_start["id_conflict_policy"] = json!("fail");
    update_with_start["update_name"] = json!("u");
    let schedule = json!({"schedule_id": "s", "action": schedule_action()});
    let backfill = json!({"schedule_id": "s", "backfills": [
        {"start_at": "2030-01-01T00:00:00Z", "end_at": "2030-01-02T00:00:00Z"}]});
    let rpc = json!({"service": "workflow", "method": "DescribeNamespace", "request": {}});
    let token = json!({"task_token": "AAEC"});
    let fail = json!({"task_token": "AAEC", "failure": {"message": "m"}});
    let activity_cases = |valid: &Value| {
        let target = |keys: Value| {
            let mut request = valid.clone();
            request.as_object_mut().unwrap().remove("task_token");
            for (k, v) in keys.as_object().unwrap() {
                request[k] = v.clone();
            }
            request
        };
        vec![
            case(target(json!({})), "task_token"),
            case(target(json!({"task_token": "!!"})), "task_token"),
            case(
                target(json!({"task_token": "AAEC", "workflow_id": "wf", "activity_id": "a"})),
                "task_token",
            ),
            case(target(json!({"workflow_id": "wf"})), "task_token"),
            case(
                target(json!({"workflow_id": "", "activity_id": "a"})),
                "workflow_id",
            ),
            case(
                target(json!({"workflow_id": "wf", "activity_id": ""})),
                "activity_id",
            ),
            case(
                target(json!({"workflow_id": "wf", "activity_id": "a", "run_id": "r"})),
                "run_id",
            ),
            case(target(json!({"task_token": 5})), "task_token"),
        ]
    };
    let update = json!({"workflow_id": "wf", "update_name": "u"});
    let update_cases = |valid: &Value| {
        let mut cases = execution_cases(valid);
        cases.extend([
            case(with(valid, "update_name", json!("")), "update_name"),
            case(with(valid, "update_id", json!("")), "update_id"),
            case(
                with(valid, "first_execution_run_id", json!("x")),
                "first_execution_run_id",
            ),
            case(with(valid, "args", json!({})), "args"),
            case(
                with(valid, "headers", json!({"h": {"$payload": 1}})),
                "headers.h",
            ),
        ]);
        cases
    };
    let calendar = |field: &str, value: Value| {
        let mut spec = json!({"calendars": [{}]});
        spec["calendars"][0][field] = value;
        spec
    };
    vec![
        Export {
            name: "tc_workflow_start",
            op: tc_workflow_start,
            cases: start_cases(&start),
            valid: start.clone(),
        },
        Export {
            name: "tc_workflow_signal_with_start",
            op: tc_workflow_signal_with_start,
            cases: {
                let mut cases = start_cases(&signal_with_start);
                cases.push(case(
                    with(&signal_with_start, "signal_name", json!("")),
                    "signal_name",
                ));
                cases.push(case(
                    with(&signal_with_start, "signal_args", json!([{"$payload": []}])),
                    "signal_args[0]",
                ));
                cases
            },
            valid: signal_with_start,
        },
        execution_export("tc_workflow_result", json!({}), tc_workflow_result, vec![]),
        execution_export(
            "tc_workflow_describe",
            json!({}),
            tc_workflow_describe,
            vec![],
        ),
        execution_export(
            "tc_workflow_signal",
            json!({"signal_name": "s"}),
            tc_workflow_signal,
            vec![
                case(json!({"workflow_id": "wf"}), "signal_name"),
                case(
                    json!({"workflow_id": "wf", "signal_name": ""}),
                    "signal_name",
                ),
            ],
        ),
        execution_export(
            "tc_workflow_query",
            json!({"query_type": "q"}),
            tc_workflow_query,
            vec![case(
                json!({"workflow_id": "wf", "query_type": ""}),
                "query_type",
            )],
        ),
        execution_export(
            "tc_workflow_cancel",
            json!({}),
            tc_workflow_cancel,
            vec![case(
                json!({"workflow_id": "wf", "first_execution_run_id": "nope"}),
                "first_execution_run_id",
            )],
        ),
        execution_export(
            "tc_workflow_terminate",
            json!({}),
            tc_workflow_terminate,
            vec![case(
                json!({"workflow_id": "wf", "details": [{"$payload": {"data": 5}}]}),
                "details[0]",
            )],
        ),
        Export {
            name: "tc_workflow_update",
            op: tc_workflow_update,
            cases: {
                let mut cases = update_cases(&update);
                cases.push(case(
                    with(&update, "wait_for_stage", json!("accepted")),
                    "wait_for_stage",
                ));
                cases
            },
            valid: update.clone(),
        },
        Export {
            name: "tc_workflow_start_update",
            op: tc_workflow_start_update,
            cases: {
                let mut cases = update_cases(&update);
                cases.push(case(
                    with(&update, "wait_for_stage", json!("admitted")),
                    "wait_for_stage",
                ));
                cases
            },
            valid: update.clone(),
        },
        execution_export(
            "tc_workflow_update_result",
            json!({"update_id": "u"}),
            tc_workflow_update_result,
            vec![case(
                json!({"workflow_id": "wf", "update_id": ""}),
                "update_id",
            )],
        ),
        Export {
            name: "tc_workflow_update_with_start",
            op: tc_workflow_update_with_start,
            cases: {
                let mut cases = start_cases(&update_with_start);
                let mut no_policy = update_with_start.clone();
                no_policy
                    .as_object_mut()
                    .unwrap()
                    .remove("id_conflict_policy");
                cases.push(case(no_policy, "id_conflict_policy"));
                cases.push(case(
                    with(&update_with_start, "update_name", json!("")),
                    "update_name",
                ));
                cases.push(case(
                    with(&update_with_start, "update_id", json!("")),
                    "update_id",
                ));
                cases
            },
            valid: update_with_start,
        },
        Export {
            name: "tc_workflow_list",
            op: tc_workflow_list,
            valid: json!({"query": "", "page_size": 10}),
            cases: vec![
                case(json!({"page_size": 0}), "page_size"),
                case(json!({"page_size": I32_OVER}), "page_size"),
                case(json!({"next_page_token": "%%"}), "next_page_token"),
                case(json!({"query": 1}), "query"),
            ],
        },
        Export {
            name: "tc_workflow_describe_task_queue",
            op: tc_workflow_describe_task_queue,
            valid: json!({"task_queue": "q", "task_queue_type": "activity"}),
            cases: vec![
                case(json!({"task_queue": ""}), "task_queue"),
                case(
                    json!({"task_queue": "q", "task_queue_type": "nexus"}),
                    "task_queue_type",
                ),
                case(
                    json!({"task_queue": "q", "report_pollers": "yes"}),
                    "report_pollers",
                ),
                case(
                    json!({"task_queue": "q", "report_stats": 1}),
                    "report_stats",
                ),
            ],
        },
        Export {
            name: "tc_workflow_count",
            op: tc_workflow_count,
            valid: json!({"query": ""}),
            cases: vec![case(json!({"query": []}), "query")],
        },
        execution_export(
            "tc_workflow_fetch_history",
            json!({}),
            tc_workflow_fetch_history,
            vec![
                case(json!({"workflow_id": "wf", "page_size": -1}), "page_size"),
                case(
                    json!({"workflow_id": "wf", "page_size": I32_OVER}),
                    "page_size",
                ),
                case(
                    json!({"workflow_id": "wf", "next_page_token": "~"}),
                    "next_page_token",
                ),
                case(
                    json!({"workflow_id": "wf", "event_filter": "some"}),
                    "event_filter",
                ),
            ],
        ),
        execution_export(
            "tc_workflow_export_history",
            json!({}),
            tc_workflow_export_history,
            vec![],
        ),
        execution_export("tc_workflow_delete", json!({}), tc_workflow_delete, vec![]),
        execution_export(
            "tc_workflow_pause",
            json!({}),
            tc_workflow_pause,
            vec![case(
                json!({"workflow_id": "wf", "request_id": ""}),
                "request_id",
            )],
        ),
        execution_export(
            "tc_workflow_unpause",
            json!({}),
            tc_workflow_unpause,
            vec![],
        ),
        Export {
            name: "tc_workflow_reset",
            op: tc_workflow_reset,
            valid: json!({"workflow_id": "wf", "event_id": 3}),
            cases: vec![
                case(json!({"workflow_id": "", "event_id": 3}), "workflow_id"),
                case(json!({"workflow_id": "wf"}), "event_id"),
                case(
                    json!({"workflow_id": "wf", "event_id": 3, "to": "first_workflow_task"}),
                    "event_id",
                ),
                case(json!({"workflow_id": "wf", "event_id": 0}), "event_id"),
                case(
                    json!({"workflow_id": "wf", "event_id": 9_223_372_036_854_775_808u64}),
                    "event_id",
                ),
                case(json!({"workflow_id": "wf", "to": "middle"}), "to"),
            ],
        },
        execution_export(
            "tc_workflow_wait_for_start",
            json!({}),
            tc_workflow_wait_for_start,
            vec![],
        ),
        execution_export(
            "tc_workflow_wait_for_completion",
            json!({}),
            tc_workflow_wait_for_completion,
            vec![],
        ),
        Export {
            name: "tc_workflow_query_instances",
            op: tc_workflow_query_instances,
            valid: json!({"id_prefix": "x", "page_size": 5}),
            cases: vec![
                case(json!({"page_size": 0}), "page_size"),
                case(json!({"page_size": I32_OVER}), "page_size"),
                case(json!({"continuation_token": "?"}), "continuation_token"),
                case(json!({"next_page_token": "?"}), "next_page_token"),
                case(
                    json!({"next_page_token": "", "continuation_token": ""}),
                    "continuation_token",
                ),
                case(
                    json!({"created_from": "2030-01-02T00:00:00Z", "created_to": "2030-01-01T00:00:00Z"}),
                    "created_to",
                ),
                case(
                    json!({"created_from": "0000-01-01T00:00:00Z"}),
                    "created_from",
                ),
                case(json!({"statuses": ["lost"]}), "statuses[0]"),
            ],
        },
        Export {
            name: "tc_workflow_purge_instances",
            op: tc_workflow_purge_instances,
            valid: json!({"id_prefix": "x", "max_concurrency": 2}),
            cases: vec![
                case(
                    json!({"id_prefix": "x", "max_concurrency": 0}),
                    "max_concurrency",
                ),
                case(
                    json!({"id_prefix": "x", "max_concurrency": 65}),
                    "max_concurrency",
                ),
                case(
                    json!({"id_prefix": "x", "max_concurrency": -1}),
                    "max_concurrency",
                ),
            ],
        },
        Export {
            name: "tc_schedule_create",
            op: tc_schedule_create,
            cases: vec![
                case(with(&schedule, "schedule_id", json!("")), "schedule_id"),
                case(
                    with(&schedule, "spec", json!({"intervals": [{"every": 0}]})),
                    "spec.intervals[0].every",
                ),
                case(
                    with(
                        &schedule,
                        "spec",
                        json!({"intervals": [{"every": "999999999999h"}]}),
                    ),
                    "spec.intervals[0].every",
                ),
                case(
                    with(&schedule, "spec", json!({"jitter": TOO_LONG})),
                    "spec.jitter",
                ),
                case(
                    with(&schedule, "spec", calendar("hour", json!([24]))),
                    "spec.calendars[0].hour[0]",
                ),
                case(
                    with(&schedule, "spec", calendar("year", json!([I32_OVER]))),
                    "spec.calendars[0].year[0]",
                ),
                case(
                    with(
                        &schedule,
                        "spec",
                        json!({"start_at": "2030-01-02T00:00:00Z", "end_at": "2030-01-01T00:00:00Z"}),
                    ),
                    "spec.end_at",
                ),
                case(
                    with(&schedule, "state", json!({"remaining_actions": -1})),
                    "state.remaining_actions",
                ),
                case(
                    with(
                        &schedule,
                        "state",
                        json!({"remaining_actions": 9_223_372_036_854_775_808u64}),
                    ),
                    "state.remaining_actions",
                ),
                case(
                    with(&schedule, "policies", json!({"catchup_window": TOO_LONG})),
                    "policies.catchup_window",
                ),
                case(
                    with(&schedule, "action.start_workflow.workflow_type", json!("")),
                    "action.start_workflow.workflow_type",
                ),
                case(
                    with(&schedule, "action.start_workflow.task_queue", json!("")),
                    "action.start_workflow.task_queue",
                ),
                case(
                    with(
                        &schedule,
                        "action.start_workflow.run_timeout",
                        json!(TOO_LONG),
                    ),
                    "action.start_workflow.run_timeout",
                ),
                case(
                    with(&schedule, "action.start_workflow.start_delay", json!("1s")),
                    "action.start_workflow.start_delay",
                ),
                case(
                    with(
                        &schedule,
                        "backfills",
                        json!([{"start_at": "2030-01-02T00:00:00Z", "end_at": "2030-01-01T00:00:00Z"}]),
                    ),
                    "backfills[0].end_at",
                ),
                case(with(&schedule, "request_id", json!("")), "request_id"),
            ],
            valid: schedule.clone(),
        },
        Export {
            name: "tc_schedule_update",
            op: tc_schedule_update,
            valid: json!({"schedule_id": "s", "state": {"paused": true}}),
            cases: vec![
                case(json!({"schedule_id": ""}), "schedule_id"),
                case(
                    json!({"schedule_id": "s", "state": {"remaining_actions": -1}}),
                    "state.remaining_actions",
                ),
                case(
                    json!({"schedule_id": "s", "spec": {"intervals": [{"every": "0.5s"}]}}),
                    "spec.intervals[0].every",
                ),
                case(
                    json!({"schedule_id": "s", "action": {"start_workflow": {"workflow_type": "W", "task_queue": ""}}}),
                    "action.start_workflow.task_queue",
                ),
                case(
                    json!({"schedule_id": "s", "conflict_token": "!"}),
                    "conflict_token",
                ),
            ],
        },
        Export {
            name: "tc_schedule_describe",
            op: tc_schedule_describe,
            valid: json!({"schedule_id": "s"}),
            cases: vec![
                case(json!({"schedule_id": ""}), "schedule_id"),
                case(json!({}), "schedule_id"),
            ],
        },
        Export {
            name: "tc_schedule_delete",
            op: tc_schedule_delete,
            valid: json!({"schedule_id": "s"}),
            cases: vec![case(json!({"schedule_id": ""}), "schedule_id")],
        },
        Export {
            name: "tc_schedule_pause",
            op: tc_schedule_pause,
            valid: json!({"schedule_id": "s", "note": "n"}),
            cases: vec![case(json!({"schedule_id": ""}), "schedule_id")],
        },
        Export {
            name: "tc_schedule_unpause",
            op: tc_schedule_unpause,
            valid: json!({"schedule_id": "s"}),
            cases: vec![case(json!({"schedule_id": ""}), "schedule_id")],
        },
        Export {
            name: "tc_schedule_trigger",
            op: tc_schedule_trigger,
            valid: json!({"schedule_id": "s"}),
            cases: vec![
                case(json!({"schedule_id": ""}), "schedule_id"),
                case(json!({"schedule_id": "s", "overlap": "never"}), "overlap"),
            ],
        },
        Export {
            name: "tc_schedule_backfill",
            op: tc_schedule_backfill,
            cases: vec![
                case(with(&backfill, "schedule_id", json!("")), "schedule_id"),
                case(with(&backfill, "backfills", json!([])), "backfills"),
                case(
                    with(
                        &backfill,
                        "backfills",
                        json!([{"start_at": "2030-01-02T00:00:00Z", "end_at": "2030-01-01T00:00:00Z"}]),
                    ),
                    "backfills[0].end_at",
                ),
                case(
                    with(
                        &backfill,
                        "backfills",
                        json!([{"start_at": "2030-01-01T00:00:00Z", "end_at": "10000-01-01T00:00:00Z"}]),
                    ),
                    "backfills[0].end_at",
                ),
            ],
            valid: backfill.clone(),
        },
        Export {
            name: "tc_schedule_list",
            op: tc_schedule_list,
            valid: json!({"page_size": 10}),
            cases: vec![
                case(json!({"page_size": 0}), "page_size"),
                case(json!({"page_size": I32_OVER}), "page_size"),
                case(json!({"next_page_token": "%"}), "next_page_token"),
            ],
        },
        Export {
            name: "tc_activity_complete",
            op: tc_activity_complete,
            cases: {
                let mut cases = activity_cases(&token);
                cases.push(case(
                    json!({"task_token": "AAEC", "result": {"$payload": {"data": "*"}}}),
                    "result",
                ));
                cases
            },
            valid: token.clone(),
        },
        Export {
            name: "tc_activity_fail",
            op: tc_activity_fail,
            cases: {
                let mut cases = activity_cases(&fail);
                cases.push(case(json!({"task_token": "AAEC"}), "failure"));
                cases.push(case(
                    json!({"task_token": "AAEC", "failure": {"message": "m", "details": [{"$payload": 0}]}}),
                    "failure.details[0]",
                ));
                cases
            },
            valid: fail,
        },
        Export {
            name: "tc_activity_heartbeat",
            op: tc_activity_heartbeat,
            cases: activity_cases(&token),
            valid: token.clone(),
        },
        Export {
            name: "tc_activity_report_cancellation",
            op: tc_activity_report_cancellation,
            cases: activity_cases(&token),
            valid: token,
        },
        Export {
            name: "tc_client_rpc",
            op: tc_client_rpc,
            cases: vec![
                case(with(&rpc, "timeout", json!(TOO_LONG)), "timeout"),
                case(with(&rpc, "timeout", json!("999999999999h")), "timeout"),
                case(with(&rpc, "timeout", json!(-1)), "timeout"),
                case(with(&rpc, "method", json!("NoSuchMethod")), "method"),
                case(json!({"service": "health", "method": "Watch"}), "method"),
                case(with(&rpc, "service", json!("cloud")), "service"),
                case(with(&rpc, "request", json!({"namespace": 5})), "request"),
                case(with(&rpc, "request", json!({"notAField": 1})), "request"),
                case(with(&rpc, "headers", json!({"bad header": "x"})), "headers"),
                case(
                    with(&rpc, "headers", json!({"x-ok": "line\nbreak"})),
                    "headers",
                ),
                case(with(&rpc, "headers", json!({"x": 1})), "headers.x"),
            ],
            valid: rpc,
        },
        Export {
            name: "tc_client_system_info",
            op: tc_client_system_info,
            valid: json!({}),
            cases: vec![],
        },
    ]
}

#[test]
fn every_async_export_rejects_bad_input_before_returning() {
    let conn = connect();
    let exports = exports();
    let header = std::fs::read_to_string(repo_root().join("include/temporal_capi.h")).unwrap();
    let async_exports = header
        .split("TcResult tc_")
        .skip(1)
        .map(|decl| decl.split(");").next().unwrap())
        .filter(|decl| decl.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter(|decl| decl.contains("TcClient *client") && decl.contains("TcCallback callback"))
        .map(|decl| format!("tc_{}", decl.split('(').next().unwrap()))
        .collect::<Vec<_>>();
    let tested: Vec<&str> = exports.iter().map(|e| e.name).collect();
    for name in &async_exports {
        assert!(
            tested.contains(&name.as_str()),
            "{name} has no bad-input table"
        );
    }
    assert_eq!(tested.len(), async_exports.len(), "{tested:?}");
    let probes: Vec<Arc<Probe>> = exports
        .iter()
        .flat_map(|export| reject_all(conn.client, export))
        .collect();
    assert!(probes.len() > 300, "{} cases", probes.len());
    // Nothing was spawned: no callback arrives later.
    for probe in &probes {
        assert_eq!(probe.calls.load(Ordering::SeqCst), 1);
    }
}

#[test]
fn connect_rejects_bad_options_before_returning() {
    let runtime = new_runtime();
    let valid = json!({"address": env().address, "lazy": true});
    let mut cases = generic_cases(&valid);
    cases.extend([
        case(
            with(&valid, "connect_timeout", json!(TOO_LONG)),
            "connect_timeout",
        ),
        case(
            with(&valid, "keep_alive", json!({"interval": "999999999999h"})),
            "keep_alive.interval",
        ),
        case(
            with(&valid, "retry", json!({"max_elapsed": -1})),
            "retry.max_elapsed",
        ),
        case(with(&valid, "max_long_polls", json!(0)), "max_long_polls"),
        case(
            with(&valid, "max_long_polls", json!(u64::MAX)),
            "max_long_polls",
        ),
        case(
            with(&valid, "secret_headers", json!("x-token")),
            "secret_headers",
        ),
    ]);
    for c in cases {
        let probe = Probe::default();
        let code = unsafe {
            tc_client_connect(
                runtime,
                c.bytes.as_ptr() as *const c_char,
                c.bytes.len(),
                std::ptr::null(),
                Some(probe_client_callback),
                &probe as *const Probe as *mut c_void,
            )
        };
        let shown = String::from_utf8_lossy(&c.bytes).into_owned();
        assert_eq!(probe.calls.load(Ordering::SeqCst), 1, "{shown}");
        assert_eq!(code, TcResult::InvalidArgument, "{shown}");
        check_error(&probe, "tc_client_connect", &shown, &c.key);
    }
    temporal_capi::ffi::runtime::tc_runtime_free(runtime);
}

/// Calls a synchronous export that reports through `*error_json_out`;
/// it must have written an error object.
fn sync_error(call: impl FnOnce(*mut *mut c_char) -> TcResult) -> (TcResult, Value) {
    let (code, error) = sync_call(call);
    (code, error.expect("an error object is written"))
}

#[test]
fn runtime_and_envconfig_reject_bad_json() {
    let runtime_valid = json!({"worker_threads": 1});
    let mut runtime_cases = generic_cases(&runtime_valid);
    runtime_cases.extend([
        case(json!({"worker_threads": 0}), "worker_threads"),
        case(
            json!({"worker_threads": 1_000_000_000_000u64}),
            "worker_threads",
        ),
        case(json!({"worker_threads": -1}), "worker_threads"),
        case(json!({"shutdown_timeout": TOO_LONG}), "shutdown_timeout"),
    ]);
    for c in runtime_cases {
        let mut rt = std::ptr::null_mut();
        let (code, error) = sync_error(|err| unsafe {
            tc_runtime_new(
                c.bytes.as_ptr() as *const c_char,
                c.bytes.len(),
                &mut rt,
                err,
            )
        });
        let shown = String::from_utf8_lossy(&c.bytes);
        assert!(rt.is_null(), "{shown}");
        assert_eq!(code, TcResult::InvalidArgument, "{shown}");
        assert_eq!(error["code"], "invalid_argument", "{shown}: {error}");
        assert_eq!(error["key"], c.key.as_str(), "{shown}: {error}");
    }
    let env_valid = json!({"disable_file": true, "disable_env": true});
    for c in generic_cases(&env_valid) {
        let mut profile: *mut c_char = std::ptr::null_mut();
        let (code, error) = sync_error(|out| unsafe {
            tc_envconfig_load(
                c.bytes.as_ptr() as *const c_char,
                c.bytes.len(),
                &mut profile,
                std::ptr::null_mut(),
                out,
            )
        });
        let shown = String::from_utf8_lossy(&c.bytes);
        assert_eq!(code, TcResult::InvalidArgument, "{shown}");
        assert_eq!(error["code"], "invalid_argument", "{shown}: {error}");
        assert_eq!(error["key"], c.key.as_str(), "{shown}: {error}");
        assert!(profile.is_null(), "json_out is written only on success");
    }
}

#[test]
fn header_and_logger_updates_reject_bad_input() {
    let conn = connect();
    let valid = json!({"x-team": "a"});
    let mut cases: Vec<Vec<u8>> = generic_cases(&valid)
        .into_iter()
        .filter(|c| c.key == ".")
        .map(|c| c.bytes)
        .collect();
    cases.push(br#"{"bad header": "x"}"#.to_vec());
    cases.push(br#"{"x-team": "line\nbreak"}"#.to_vec());
    cases.push(br#"{"x-team": 1}"#.to_vec());
    for bytes in cases {
        let code = unsafe {
            tc_client_update_headers(
                conn.client,
                bytes.as_ptr() as *const c_char,
                bytes.len(),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(
            code,
            TcResult::InvalidArgument,
            "{}",
            String::from_utf8_lossy(&bytes)
        );
    }
    for level in [&b"\xff"[..], b"loud"] {
        let (code, _) = set_logger(
            conn.runtime,
            level,
            Some(probe_callback),
            std::ptr::null_mut(),
        );
        assert_eq!(code, TcResult::InvalidArgument, "{level:?}");
    }
}
