//! Temporal schedule protos -> JSON, in the shape of the create request
//! (so a described schedule can be edited and sent back to update).

use crate::convert::{duration, failure, payload, search_attributes, time};
use crate::ops::workflow::status_name;
use base64::{engine::general_purpose::STANDARD as B64, Engine};
use serde_json::{json, Value};
use temporalio_protos::temporal::api::{
    common::v1::{Memo, Payload, WorkflowExecution},
    enums::v1::ScheduleOverlapPolicy,
    schedule::v1::{self as proto, schedule_action},
    workflow::v1::NewWorkflowExecutionInfo,
};

/// Bytes (page and conflict tokens) as base64; `null` when empty.
pub(super) fn token(bytes: &[u8]) -> Value {
    if bytes.is_empty() {
        Value::Null
    } else {
        B64.encode(bytes).into()
    }
}

/// The memo as an object of values (`{}` when absent).
pub(super) fn memo(m: Option<&Memo>) -> Value {
    m.map(|m| payload::decode_map(&m.fields))
        .unwrap_or_else(|| json!({}))
}

fn text(s: &str) -> Value {
    if s.is_empty() {
        Value::Null
    } else {
        s.into()
    }
}

fn seconds_or_zero(d: Option<&prost_wkt_types::Duration>) -> Value {
    match duration::proto_to_seconds(d) {
        Value::Null => 0.into(),
        v => v,
    }
}

fn overlap(p: i32) -> Value {
    ScheduleOverlapPolicy::try_from(p)
        .ok()
        .filter(|p| *p != ScheduleOverlapPolicy::Unspecified)
        .map(|p| failure::enum_name(p.as_str_name(), "SCHEDULE_OVERLAP_POLICY_").into())
        .unwrap_or(Value::Null)
}

fn ranges(list: &[proto::Range]) -> Value {
    list.iter()
        .map(|r| json!({"start": r.start, "end": r.end.max(r.start), "step": r.step.max(1)}))
        .collect()
}

fn calendar(c: &proto::StructuredCalendarSpec) -> Value {
    json!({
        "second": ranges(&c.second),
        "minute": ranges(&c.minute),
        "hour": ranges(&c.hour),
        "day_of_month": ranges(&c.day_of_month),
        "month": ranges(&c.month),
        "year": ranges(&c.year),
        "day_of_week": ranges(&c.day_of_week),
        "comment": text(&c.comment),
    })
}

/// `spec` in the request shape.
pub(super) fn spec(s: Option<&proto::ScheduleSpec>) -> Value {
    let s = s.cloned().unwrap_or_default();
    let intervals: Vec<Value> = s
        .interval
        .iter()
        .map(|i| {
            json!({
                "every": seconds_or_zero(i.interval.as_ref()),
                "offset": seconds_or_zero(i.phase.as_ref()),
            })
        })
        .collect();
    json!({
        "intervals": intervals,
        "cron_expressions": s.cron_string,
        "calendars": s.structured_calendar.iter().map(calendar).collect::<Vec<_>>(),
        "exclude_calendars": s.exclude_structured_calendar.iter().map(calendar).collect::<Vec<_>>(),
        "start_at": time::proto_to_json(s.start_time.as_ref()),
        "end_at": time::proto_to_json(s.end_time.as_ref()),
        "jitter": duration::proto_to_seconds(s.jitter.as_ref()),
        "time_zone": text(&s.timezone_name),
    })
}

fn start_workflow(w: &NewWorkflowExecutionInfo) -> Value {
    let decoded = |p: Option<&Payload>| p.map(payload::decode).unwrap_or(Value::Null);
    let meta = w.user_metadata.clone().unwrap_or_default();
    json!({
        "workflow_type": w.workflow_type.as_ref().map(|t| t.name.clone()),
        "task_queue": w.task_queue.as_ref().map(|q| q.name.clone()),
        "id": w.workflow_id,
        "args": payload::decode_all(w.input.as_ref()),
        "execution_timeout": duration::proto_to_seconds(w.workflow_execution_timeout.as_ref()),
        "run_timeout": duration::proto_to_seconds(w.workflow_run_timeout.as_ref()),
        "task_timeout": duration::proto_to_seconds(w.workflow_task_timeout.as_ref()),
        "retry_policy": w.retry_policy.as_ref().map(|r| json!({
            "initial_interval": duration::proto_to_seconds(r.initial_interval.as_ref()),
            "backoff_coefficient": r.backoff_coefficient,
            "maximum_interval": duration::proto_to_seconds(r.maximum_interval.as_ref()),
            "maximum_attempts": r.maximum_attempts,
            "non_retryable_error_types": r.non_retryable_error_types,
        })),
        "memo": memo(w.memo.as_ref()),
        "search_attributes": search_attributes::decode(w.search_attributes.as_ref()),
        "static_summary": decoded(meta.summary.as_ref()),
        "static_details": decoded(meta.details.as_ref()),
        "priority": w.priority.as_ref().map(|p| json!({
            "priority_key": p.priority_key,
            "fairness_key": p.fairness_key,
            "fairness_weight": p.fairness_weight,
        })),
        "headers": w.header.as_ref().map(|h| payload::decode_map(&h.fields)).unwrap_or_else(|| json!({})),
    })
}

/// `action` in the request shape (`null` when the server sent none).
pub(super) fn action(a: Option<&proto::ScheduleAction>) -> Value {
    match a.and_then(|a| a.action.as_ref()) {
        Some(schedule_action::Action::StartWorkflow(w)) => {
            json!({ "start_workflow": start_workflow(w) })
        }
        None => Value::Null,
    }
}

/// `policies` in the request shape.
pub(super) fn policies(p: Option<&proto::SchedulePolicies>) -> Value {
    let p = p.cloned().unwrap_or_default();
    json!({
        "overlap": overlap(p.overlap_policy),
        "catchup_window": duration::proto_to_seconds(p.catchup_window.as_ref()),
        "pause_on_failure": p.pause_on_failure,
        "keep_original_workflow_id": p.keep_original_workflow_id,
    })
}

/// `state` in the request shape.
pub(super) fn state(s: Option<&proto::ScheduleState>) -> Value {
    let s = s.cloned().unwrap_or_default();
    json!({
        "paused": s.paused,
        "note": text(&s.notes),
        "remaining_actions": s.limited_actions.then_some(s.remaining_actions),
    })
}

fn execution(e: Option<&WorkflowExecution>) -> Value {
    let e = e.cloned().unwrap_or_default();
    json!({ "workflow_id": text(&e.workflow_id), "run_id": text(&e.run_id) })
}

/// One entry of `recent_actions`.
fn action_result(r: &proto::ScheduleActionResult) -> Value {
    let e = r.start_workflow_result.clone().unwrap_or_default();
    json!({
        "schedule_time": time::proto_to_json(r.schedule_time.as_ref()),
        "actual_time": time::proto_to_json(r.actual_time.as_ref()),
        "workflow_id": text(&e.workflow_id),
        "run_id": text(&e.run_id),
        "status": status_name(r.start_workflow_status),
    })
}

fn times(list: &[prost_wkt_types::Timestamp]) -> Value {
    list.iter().map(|t| time::proto_to_json(Some(t))).collect()
}

/// `info` of describe.
pub(super) fn info(i: Option<&proto::ScheduleInfo>) -> Value {
    let i = i.cloned().unwrap_or_default();
    json!({
        "action_count": i.action_count,
        "missed_catchup_window": i.missed_catchup_window,
        "overlap_skipped": i.overlap_skipped,
        "buffer_dropped": i.buffer_dropped,
        "buffer_size": i.buffer_size,
        "running_workflows": i.running_workflows.iter().map(|e| execution(Some(e))).collect::<Vec<_>>(),
        "recent_actions": i.recent_actions.iter().map(action_result).collect::<Vec<_>>(),
        "future_action_times": times(&i.future_action_times),
        "create_time": time::proto_to_json(i.create_time.as_ref()),
        "update_time": time::proto_to_json(i.update_time.as_ref()),
    })
}

/// One schedule of a list page.
pub(super) fn list_entry(e: &proto::ScheduleListEntry) -> Value {
    let info = e.info.clone().unwrap_or_default();
    json!({
        "schedule_id": e.schedule_id,
        "paused": info.paused,
        "note": text(&info.notes),
        "workflow_type": info.workflow_type.map(|t| t.name),
        "recent_actions": info.recent_actions.iter().map(action_result).collect::<Vec<_>>(),
        "next_action_times": times(&info.future_action_times),
        "memo": memo(e.memo.as_ref()),
        "search_attributes": search_attributes::decode(e.search_attributes.as_ref()),
        "spec": spec(info.spec.as_ref()),
    })
}
