//! Temporal schedule protos -> the schedule responses, in the shape of the
//! create request (so a described schedule can be edited and sent back to
//! update).

use crate::convert::{duration, failure, payload, search_attributes, time};
use crate::model::responses::Priority;
use crate::model::schedule_response::{
    ScheduleActionDescription, ScheduleActionResult, ScheduleCalendar, ScheduleInfo,
    ScheduleInterval, ScheduleListEntry, SchedulePoliciesDescription, ScheduleRange,
    ScheduleRetryPolicy, ScheduleRunningWorkflow, ScheduleSpecDescription,
    ScheduleStateDescription, ScheduledWorkflow,
};
use crate::ops::workflow::status_str;
use base64::{engine::general_purpose::STANDARD as B64, Engine};
use serde_json::{Map, Value};
use std::collections::HashMap;
use temporalio_protos::temporal::api::{
    common::v1::{Memo, Payload},
    enums::v1::ScheduleOverlapPolicy,
    schedule::v1::{self as proto, schedule_action},
    workflow::v1::NewWorkflowExecutionInfo,
};

/// Bytes (page and conflict tokens) as base64; `None` when empty.
pub(super) fn token(bytes: &[u8]) -> Option<String> {
    (!bytes.is_empty()).then(|| B64.encode(bytes))
}

/// The memo as an object of values (`{}` when absent).
pub(super) fn memo(m: Option<&Memo>) -> Value {
    payload_map(m.map(|m| &m.fields))
}

/// A map of payloads (memo, headers) as an object of values (`{}` when absent).
fn payload_map(fields: Option<&HashMap<String, Payload>>) -> Value {
    fields
        .map(payload::decode_map)
        .unwrap_or_else(|| Value::Object(Map::new()))
}

/// Text; `None` when empty.
fn text(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

fn seconds_or_zero(d: Option<&prost_wkt_types::Duration>) -> duration::Seconds {
    duration::proto_seconds(d).unwrap_or(duration::Seconds(std::time::Duration::ZERO))
}

fn overlap(p: i32) -> Option<String> {
    ScheduleOverlapPolicy::try_from(p)
        .ok()
        .filter(|p| *p != ScheduleOverlapPolicy::Unspecified)
        .map(|p| failure::enum_name(p.as_str_name(), "SCHEDULE_OVERLAP_POLICY_"))
}

fn ranges(list: &[proto::Range]) -> Vec<ScheduleRange> {
    list.iter()
        .map(|r| ScheduleRange {
            start: r.start,
            end: r.end.max(r.start),
            step: r.step.max(1),
        })
        .collect()
}

fn calendar(c: &proto::StructuredCalendarSpec) -> ScheduleCalendar {
    ScheduleCalendar {
        second: ranges(&c.second),
        minute: ranges(&c.minute),
        hour: ranges(&c.hour),
        day_of_month: ranges(&c.day_of_month),
        month: ranges(&c.month),
        year: ranges(&c.year),
        day_of_week: ranges(&c.day_of_week),
        comment: text(&c.comment),
    }
}

/// `spec` in the request shape.
pub(super) fn spec(s: Option<&proto::ScheduleSpec>) -> ScheduleSpecDescription {
    let s = s.cloned().unwrap_or_default();
    ScheduleSpecDescription {
        intervals: s
            .interval
            .iter()
            .map(|i| ScheduleInterval {
                every: seconds_or_zero(i.interval.as_ref()),
                offset: seconds_or_zero(i.phase.as_ref()),
            })
            .collect(),
        cron_expressions: s.cron_string,
        calendars: s.structured_calendar.iter().map(calendar).collect(),
        exclude_calendars: s.exclude_structured_calendar.iter().map(calendar).collect(),
        start_at: time::proto_to_string(s.start_time.as_ref()),
        end_at: time::proto_to_string(s.end_time.as_ref()),
        jitter: duration::proto_seconds(s.jitter.as_ref()),
        time_zone: text(&s.timezone_name),
    }
}

fn start_workflow(w: &NewWorkflowExecutionInfo) -> ScheduledWorkflow {
    let decoded = |p: Option<&Payload>| p.map(payload::decode).unwrap_or(Value::Null);
    let meta = w.user_metadata.clone().unwrap_or_default();
    ScheduledWorkflow {
        workflow_type: w.workflow_type.as_ref().map(|t| t.name.clone()),
        task_queue: w.task_queue.as_ref().map(|q| q.name.clone()),
        id: w.workflow_id.clone(),
        args: payload::decode_all(w.input.as_ref()),
        execution_timeout: duration::proto_seconds(w.workflow_execution_timeout.as_ref()),
        run_timeout: duration::proto_seconds(w.workflow_run_timeout.as_ref()),
        task_timeout: duration::proto_seconds(w.workflow_task_timeout.as_ref()),
        retry_policy: w.retry_policy.as_ref().map(|r| ScheduleRetryPolicy {
            initial_interval: duration::proto_seconds(r.initial_interval.as_ref()),
            backoff_coefficient: r.backoff_coefficient,
            maximum_interval: duration::proto_seconds(r.maximum_interval.as_ref()),
            maximum_attempts: r.maximum_attempts,
            non_retryable_error_types: r.non_retryable_error_types.clone(),
        }),
        memo: memo(w.memo.as_ref()),
        search_attributes: search_attributes::decode(w.search_attributes.as_ref()),
        static_summary: decoded(meta.summary.as_ref()),
        static_details: decoded(meta.details.as_ref()),
        priority: w.priority.as_ref().map(|p| Priority {
            priority_key: p.priority_key,
            fairness_key: p.fairness_key.clone(),
            fairness_weight: p.fairness_weight,
        }),
        headers: payload_map(w.header.as_ref().map(|h| &h.fields)),
    }
}

/// `action` in the request shape (`None` when the server sent none).
pub(super) fn action(a: Option<&proto::ScheduleAction>) -> Option<ScheduleActionDescription> {
    match a.and_then(|a| a.action.as_ref())? {
        schedule_action::Action::StartWorkflow(w) => Some(ScheduleActionDescription {
            start_workflow: start_workflow(w),
        }),
    }
}

/// `policies` in the request shape.
pub(super) fn policies(p: Option<&proto::SchedulePolicies>) -> SchedulePoliciesDescription {
    let p = p.cloned().unwrap_or_default();
    SchedulePoliciesDescription {
        overlap: overlap(p.overlap_policy),
        catchup_window: duration::proto_seconds(p.catchup_window.as_ref()),
        pause_on_failure: p.pause_on_failure,
        keep_original_workflow_id: p.keep_original_workflow_id,
    }
}

/// `state` in the request shape.
pub(super) fn state(s: Option<&proto::ScheduleState>) -> ScheduleStateDescription {
    let s = s.cloned().unwrap_or_default();
    ScheduleStateDescription {
        paused: s.paused,
        note: text(&s.notes),
        remaining_actions: s.limited_actions.then_some(s.remaining_actions),
    }
}

/// One entry of `recent_actions`.
fn action_result(r: &proto::ScheduleActionResult) -> ScheduleActionResult {
    let e = r.start_workflow_result.clone().unwrap_or_default();
    ScheduleActionResult {
        schedule_time: time::proto_to_string(r.schedule_time.as_ref()),
        actual_time: time::proto_to_string(r.actual_time.as_ref()),
        workflow_id: text(&e.workflow_id),
        run_id: text(&e.run_id),
        status: status_str(r.start_workflow_status),
    }
}

fn action_results(list: &[proto::ScheduleActionResult]) -> Vec<ScheduleActionResult> {
    list.iter().map(action_result).collect()
}

fn times(list: &[prost_wkt_types::Timestamp]) -> Vec<String> {
    list.iter()
        .filter_map(|t| time::proto_to_string(Some(t)))
        .collect()
}

/// `info` of describe.
pub(super) fn info(i: Option<&proto::ScheduleInfo>) -> ScheduleInfo {
    let i = i.cloned().unwrap_or_default();
    ScheduleInfo {
        action_count: i.action_count,
        missed_catchup_window: i.missed_catchup_window,
        overlap_skipped: i.overlap_skipped,
        buffer_dropped: i.buffer_dropped,
        buffer_size: i.buffer_size,
        running_workflows: i
            .running_workflows
            .iter()
            .map(|e| ScheduleRunningWorkflow {
                workflow_id: text(&e.workflow_id),
                run_id: text(&e.run_id),
            })
            .collect(),
        recent_actions: action_results(&i.recent_actions),
        future_action_times: times(&i.future_action_times),
        create_time: time::proto_to_string(i.create_time.as_ref()),
        update_time: time::proto_to_string(i.update_time.as_ref()),
    }
}

/// One schedule of a list page.
pub(super) fn list_entry(e: &proto::ScheduleListEntry) -> ScheduleListEntry {
    let info = e.info.clone().unwrap_or_default();
    ScheduleListEntry {
        schedule_id: e.schedule_id.clone(),
        paused: info.paused,
        note: text(&info.notes),
        workflow_type: info.workflow_type.map(|t| t.name),
        recent_actions: action_results(&info.recent_actions),
        next_action_times: times(&info.future_action_times),
        memo: memo(e.memo.as_ref()),
        search_attributes: search_attributes::decode(e.search_attributes.as_ref()),
        spec: spec(info.spec.as_ref()),
    }
}
