//! What the fuzzer starts from: every asynchronous export with valid
//! requests (the keys of docs/JSON.md), the synchronous JSON exports' valid
//! options, and every JSON text docs/JSON.md shows.
//!
//! Placeholders in seed strings are replaced by the fixtures of the run
//! ([`Fixtures`]): `$TQ` the worker's task queue, `$DONE` a completed Echo
//! workflow, `$RUNNING` a WaitForSignal workflow that stays open, `$SPARE`
//! a Forever workflow that may be terminated, `$SCHEDULE` a paused schedule.

use crate::common::{repo_root, OpFn};
use serde_json::{json, Value};
use temporal_capi::ffi::exports::*;

/// One asynchronous export: its C name, its function and valid requests.
pub struct Export {
    pub name: &'static str,
    pub op: OpFn,
    pub seeds: Vec<Value>,
}

/// Ids the seeds refer to, created on the fuzz server before the run.
pub struct Fixtures {
    pub task_queue: String,
    pub done: String,
    pub running: String,
    pub spare: String,
    pub schedule: String,
}

impl Fixtures {
    /// `value` with every placeholder string replaced.
    pub fn fill(&self, value: &Value) -> Value {
        match value {
            Value::String(s) => Value::String(
                s.replace("$TQ", &self.task_queue)
                    .replace("$DONE", &self.done)
                    .replace("$RUNNING", &self.running)
                    .replace("$SPARE", &self.spare)
                    .replace("$SCHEDULE", &self.schedule),
            ),
            Value::Array(items) => Value::Array(items.iter().map(|v| self.fill(v)).collect()),
            Value::Object(map) => {
                Value::Object(map.iter().map(|(k, v)| (k.clone(), self.fill(v))).collect())
            }
            other => other.clone(),
        }
    }
}

fn start_keys() -> Value {
    json!({
        "workflow_type": "Echo", "task_queue": "$TQ", "args": [{"a": [1, 2.5, null, "x"]}],
        "execution_timeout": "1m", "run_timeout": 30, "task_timeout": "10s",
        "id_reuse_policy": "allow_duplicate", "id_conflict_policy": "fail",
        "retry_policy": {"initial_interval": "1s", "backoff_coefficient": 2.0,
                         "maximum_interval": "10s", "maximum_attempts": 3,
                         "non_retryable_error_types": ["E"]},
        "memo": {"m": 1}, "search_attributes": {"CustomKeywordField": {"type": "keyword", "value": "k"}},
        "start_delay": "0s", "static_summary": "s", "static_details": "d",
        "priority": {"priority_key": 1, "fairness_key": "f", "fairness_weight": 1.0},
        "headers": {"h": "v"}, "request_id": "fuzz-request"
    })
}

fn schedule_spec() -> Value {
    json!({
        "intervals": [{"every": "1h", "offset": "1m"}],
        "cron_expressions": ["0 12 * * MON-FRI"],
        "calendars": [{"second": [0], "minute": [{"start": 0, "end": 30, "step": 15}],
                       "hour": [9], "day_of_month": [], "month": [{"start": 1, "end": 12}],
                       "year": [], "day_of_week": [{"start": 1, "end": 5}], "comment": "c"}],
        "exclude_calendars": [], "start_at": "2020-01-01T00:00:00Z",
        "end_at": "2099-01-01T00:00:00+02:00", "jitter": "1s", "time_zone": "Europe/Berlin"
    })
}

fn schedule_action() -> Value {
    json!({"start_workflow": {"workflow_type": "Echo", "task_queue": "$TQ", "id": "fuzz-sched-wf",
                              "args": [1], "execution_timeout": "1m", "memo": {"a": 1}}})
}

/// Every asynchronous export with its seeds.
pub fn exports() -> Vec<Export> {
    let e = |name, op: OpFn, seeds: Vec<Value>| Export { name, op, seeds };
    let mut start = start_keys();
    start["id"] = json!("fuzz-start");
    let mut sws = start_keys();
    sws["id"] = json!("$RUNNING");
    sws["workflow_type"] = json!("WaitForSignal");
    sws["id_conflict_policy"] = json!("use_existing");
    sws["signal_name"] = json!("add");
    sws["signal_args"] = json!([7]);
    let mut uws = start_keys();
    uws["id"] = json!("$RUNNING");
    uws["workflow_type"] = json!("WaitForSignal");
    uws["id_conflict_policy"] = json!("use_existing");
    uws["update_name"] = json!("set_value");
    uws["update_args"] = json!([3]);
    uws["update_id"] = json!("fuzz-uws");
    uws["update_headers"] = json!({});
    uws["wait_for_stage"] = json!("completed");
    let filter = json!({"statuses": ["running", "completed"], "created_from": "2020-01-01T00:00:00Z",
                        "created_to": "2099-01-01T00:00:00Z", "id_prefix": "fuzz-none-",
                        "workflow_type": "Echo", "task_queue": "$TQ"});
    let mut query_instances = filter.clone();
    query_instances["page_size"] = json!(5);
    query_instances["continuation_token"] = Value::Null;
    let mut purge = filter;
    purge["max_concurrency"] = json!(8);
    vec![
        e(
            "tc_workflow_start",
            tc_workflow_start,
            vec![
                start,
                json!({"workflow_type": "Echo", "task_queue": "$TQ", "args": ["x"]}),
                json!({"workflow_type": "Sleep", "task_queue": "$TQ", "args": [0.1], "id_conflict_policy": "use_existing", "id": "fuzz-sleep"}),
            ],
        ),
        e(
            "tc_workflow_signal_with_start",
            tc_workflow_signal_with_start,
            vec![sws],
        ),
        e(
            "tc_workflow_result",
            tc_workflow_result,
            vec![
                json!({"workflow_id": "$DONE", "run_id": null, "follow_runs": true}),
                json!({"workflow_id": "$RUNNING", "follow_runs": false}),
            ],
        ),
        e(
            "tc_workflow_describe",
            tc_workflow_describe,
            vec![json!({"workflow_id": "$DONE", "run_id": null})],
        ),
        e(
            "tc_workflow_signal",
            tc_workflow_signal,
            vec![
                json!({"workflow_id": "$RUNNING", "signal_name": "add", "run_id": null, "args": [1],
                   "headers": {"h": 1}, "request_id": "fuzz-signal"}),
            ],
        ),
        e(
            "tc_workflow_query",
            tc_workflow_query,
            vec![
                json!({"workflow_id": "$RUNNING", "query_type": "echo_query", "args": [{"q": true}],
                   "headers": {}, "reject_condition": "not_open"}),
                json!({"workflow_id": "$DONE", "query_type": "state", "reject_condition": "none"}),
            ],
        ),
        e(
            "tc_workflow_cancel",
            tc_workflow_cancel,
            vec![
                json!({"workflow_id": "$SPARE", "run_id": null, "reason": "fuzz", "first_execution_run_id": null, "request_id": "r"}),
            ],
        ),
        e(
            "tc_workflow_terminate",
            tc_workflow_terminate,
            vec![
                json!({"workflow_id": "$SPARE", "reason": "fuzz", "details": [1, "two"], "first_execution_run_id": null}),
            ],
        ),
        e(
            "tc_workflow_list",
            tc_workflow_list,
            vec![
                json!({"query": "WorkflowType = 'Echo' AND ExecutionStatus = 'Running'", "page_size": 3, "next_page_token": null}),
            ],
        ),
        e(
            "tc_workflow_describe_task_queue",
            tc_workflow_describe_task_queue,
            vec![
                json!({"task_queue": "$TQ", "task_queue_type": "workflow", "report_pollers": true, "report_stats": true}),
                json!({"task_queue": "nobody-polls", "task_queue_type": "activity", "report_pollers": false}),
            ],
        ),
        e(
            "tc_workflow_count",
            tc_workflow_count,
            vec![json!({"query": "ExecutionStatus = 'Running' GROUP BY ExecutionStatus"})],
        ),
        e(
            "tc_workflow_fetch_history",
            tc_workflow_fetch_history,
            vec![
                json!({"workflow_id": "$DONE", "run_id": null, "event_filter": "all", "wait_new_event": false,
                   "skip_archival": true, "page_size": 2, "next_page_token": null}),
                json!({"workflow_id": "$RUNNING", "event_filter": "close", "wait_new_event": true}),
            ],
        ),
        e(
            "tc_workflow_export_history",
            tc_workflow_export_history,
            vec![json!({"workflow_id": "$DONE", "run_id": null})],
        ),
        e(
            "tc_workflow_update",
            tc_workflow_update,
            vec![
                json!({"workflow_id": "$RUNNING", "run_id": null, "first_execution_run_id": null, "update_name": "set_value",
                   "args": [5], "update_id": "fuzz-update", "headers": {}}),
            ],
        ),
        e(
            "tc_workflow_start_update",
            tc_workflow_start_update,
            vec![
                json!({"workflow_id": "$RUNNING", "update_name": "set_value", "args": [6], "wait_for_stage": "accepted"}),
            ],
        ),
        e(
            "tc_workflow_update_result",
            tc_workflow_update_result,
            vec![json!({"workflow_id": "$RUNNING", "run_id": null, "update_id": "fuzz-update"})],
        ),
        e(
            "tc_workflow_update_with_start",
            tc_workflow_update_with_start,
            vec![uws],
        ),
        e(
            "tc_workflow_delete",
            tc_workflow_delete,
            vec![json!({"workflow_id": "fuzz-none-delete", "run_id": null})],
        ),
        e(
            "tc_workflow_pause",
            tc_workflow_pause,
            vec![
                json!({"workflow_id": "$SPARE", "run_id": null, "reason": "fuzz", "request_id": "r"}),
            ],
        ),
        e(
            "tc_workflow_unpause",
            tc_workflow_unpause,
            vec![json!({"workflow_id": "$SPARE", "reason": "fuzz"})],
        ),
        e(
            "tc_workflow_reset",
            tc_workflow_reset,
            vec![
                json!({"workflow_id": "$DONE", "run_id": null, "event_id": 4, "reason": "fuzz", "request_id": "r"}),
                json!({"workflow_id": "$DONE", "to": "last_workflow_task"}),
            ],
        ),
        e(
            "tc_activity_complete",
            tc_activity_complete,
            vec![
                json!({"workflow_id": "$RUNNING", "activity_id": "1", "run_id": null, "result": {"r": 1}}),
                json!({"task_token": "AAEC", "result": null}),
            ],
        ),
        e(
            "tc_activity_fail",
            tc_activity_fail,
            vec![json!({"workflow_id": "$RUNNING", "activity_id": "1",
                   "failure": {"message": "m", "type": "T", "non_retryable": true, "details": [1]}})],
        ),
        e(
            "tc_activity_heartbeat",
            tc_activity_heartbeat,
            vec![json!({"task_token": "AAEC", "details": [1]})],
        ),
        e(
            "tc_activity_report_cancellation",
            tc_activity_report_cancellation,
            vec![json!({"workflow_id": "$RUNNING", "activity_id": "1", "details": []})],
        ),
        e(
            "tc_workflow_wait_for_start",
            tc_workflow_wait_for_start,
            vec![json!({"workflow_id": "$DONE", "run_id": null})],
        ),
        e(
            "tc_workflow_wait_for_completion",
            tc_workflow_wait_for_completion,
            vec![json!({"workflow_id": "$DONE", "run_id": null, "get_inputs_and_outputs": true})],
        ),
        e(
            "tc_workflow_query_instances",
            tc_workflow_query_instances,
            vec![query_instances],
        ),
        e(
            "tc_workflow_purge_instances",
            tc_workflow_purge_instances,
            vec![purge],
        ),
        e(
            "tc_client_rpc",
            tc_client_rpc,
            vec![
                json!({"service": "workflow", "method": "DescribeNamespace", "request": {"namespace": "default"},
                   "timeout": "5s", "retry": true, "headers": {"x-fuzz": "1"}}),
                json!({"service": "workflow", "method": "GetSystemInfo", "request": {}}),
                json!({"service": "operator", "method": "ListSearchAttributes", "request": {}}),
                json!({"service": "health", "method": "Check", "request": {"service": "temporal.api.workflowservice.v1.WorkflowService"}}),
                json!({"service": "workflow", "method": "DescribeWorkflowExecution",
                   "request": {"execution": {"workflowId": "$DONE"}}, "timeout": 2}),
            ],
        ),
        e(
            "tc_client_system_info",
            tc_client_system_info,
            vec![json!({})],
        ),
        e(
            "tc_schedule_create",
            tc_schedule_create,
            vec![json!({
                "schedule_id": "fuzz-schedule-new", "spec": schedule_spec(), "action": schedule_action(),
                "policies": {"overlap": "skip", "catchup_window": "1m", "pause_on_failure": false, "keep_original_workflow_id": false},
                "state": {"paused": true, "note": "n", "remaining_actions": 1},
                "trigger_immediately": false,
                "backfills": [{"start_at": "2020-01-01T00:00:00Z", "end_at": "2020-01-01T00:00:01Z", "overlap": "skip"}],
                "memo": {"m": 1}, "search_attributes": {}, "request_id": "r"
            })],
        ),
        e(
            "tc_schedule_describe",
            tc_schedule_describe,
            vec![json!({"schedule_id": "$SCHEDULE"})],
        ),
        e(
            "tc_schedule_list",
            tc_schedule_list,
            vec![json!({"query": "ScheduleId = 'x'", "page_size": 2, "next_page_token": null})],
        ),
        e(
            "tc_schedule_update",
            tc_schedule_update,
            vec![json!({
                "schedule_id": "$SCHEDULE", "spec": schedule_spec(), "action": schedule_action(),
                "policies": {"overlap": "buffer_one"}, "state": {"paused": true, "note": "u"},
                "search_attributes": {}, "conflict_token": null, "request_id": "r"
            })],
        ),
        e(
            "tc_schedule_pause",
            tc_schedule_pause,
            vec![json!({"schedule_id": "$SCHEDULE", "note": "p"})],
        ),
        e(
            "tc_schedule_unpause",
            tc_schedule_unpause,
            vec![json!({"schedule_id": "fuzz-none-schedule", "note": ""})],
        ),
        e(
            "tc_schedule_trigger",
            tc_schedule_trigger,
            vec![json!({"schedule_id": "$SCHEDULE", "overlap": "allow_all"})],
        ),
        e(
            "tc_schedule_backfill",
            tc_schedule_backfill,
            vec![json!({
                "schedule_id": "$SCHEDULE",
                "backfills": [{"start_at": "2020-01-01T00:00:00Z", "end_at": "2020-01-01T00:00:01Z", "overlap": "skip"}]
            })],
        ),
        e(
            "tc_schedule_delete",
            tc_schedule_delete,
            vec![json!({"schedule_id": "fuzz-none-schedule"})],
        ),
    ]
}

/// Valid options of `tc_client_connect`, without `address` and
/// `connect_timeout` (the driver sets both, to loopback and short).
pub fn connect_seeds() -> Vec<Value> {
    vec![
        json!({"namespace": "default", "identity": "fuzz", "headers": {"x-a": "b"},
               "keep_alive": {"interval": "30s", "timeout": "15s"},
               "retry": {"initial_interval": "100ms", "multiplier": 1.7, "max_interval": "5s",
                         "max_elapsed": "1s", "max_retries": 2},
               "lazy": false}),
        json!({"lazy": true, "keep_alive": false, "tls": false}),
        json!({"api_key": "k", "tls": {"server_name": "x", "disable_host_verification": true}, "lazy": true}),
        json!({"load": {"profile": "default", "config_data": "[profile.default]\naddress = \"127.0.0.1:1\"\n",
                        "disable_file": true, "disable_env": true, "strict": true, "env": {}}}),
    ]
}

/// Valid options of `tc_envconfig_load`.
pub fn envconfig_seeds() -> Vec<Value> {
    vec![
        json!({"profile": "p", "config_data": "[profile.p]\naddress = \"h:1\"\nnamespace = \"n\"\napi_key = \"k\"\n[profile.p.tls]\nserver_name = \"s\"\n[profile.p.grpc_meta]\nx-a = \"b\"\n",
               "disable_file": true, "disable_env": false, "strict": true,
               "env": {"TEMPORAL_ADDRESS": "e:2", "TEMPORAL_GRPC_META_X_B": "c"}}),
        json!({"config_data": "[profile.default]\naddress = \"a:1\"\n[profile.other]\nnamespace = \"o\"\n", "all_profiles": true, "disable_env": true}),
        json!({"config_file": "/nonexistent/fuzz.toml", "env": {"TEMPORAL_PROFILE": "x"}}),
    ]
}

/// Valid options of `tc_runtime_new`.
pub fn runtime_seeds() -> Vec<Value> {
    vec![
        json!({"worker_threads": 1, "shutdown_timeout": "1s"}),
        json!({}),
    ]
}

/// Levels of `tc_runtime_set_logger`.
pub const LOG_LEVELS: [&str; 6] = ["off", "error", "warn", "info", "debug", "trace"];

/// Valid header objects of `tc_client_update_headers`.
pub fn header_seeds() -> Vec<Value> {
    vec![json!({"x-fuzz": "1", "x-other": "two"}), json!({})]
}

/// docs/JSON.md, read at run time.
pub fn json_doc() -> String {
    std::fs::read_to_string(repo_root().join("docs/JSON.md")).expect("read docs/JSON.md")
}

/// Every ```json block and every inline code span of docs/JSON.md that
/// opens with `{` or `[`, as raw bytes (many are abbreviated, not valid
/// JSON, which makes them good hostile input too).
pub fn doc_texts(doc: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(at) = rest.find("```json") {
        let body = &rest[at + 7..];
        let end = body.find("```").unwrap_or(body.len());
        out.push(body[..end].trim().as_bytes().to_vec());
        rest = &body[end.min(body.len())..];
        rest = rest.strip_prefix("```").unwrap_or(rest);
    }
    for (i, span) in doc.split('`').enumerate() {
        let span = span.trim();
        if i % 2 == 1 && (span.starts_with('{') || span.starts_with('[')) {
            out.push(span.as_bytes().to_vec());
        }
    }
    out
}

/// Every snake_case identifier inside an inline code span of
/// docs/JSON.md (`workflow_id`, `{interval, timeout}`, ...): the documented
/// keys, and the vocabulary of add/rename mutations.
pub fn doc_keys(doc: &str) -> Vec<String> {
    let mut keys: Vec<String> = doc
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .flat_map(|(_, span)| {
            span.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                .filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && w.len() < 40)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}
