//! Schedule requests (the JSON model) -> Temporal protos.
//!
//! Checks that need the key path (calendar value bounds, interval length,
//! start options a schedule cannot honour) report `invalid_argument` with
//! `key` set to the path, e.g. `spec.calendars[0].hour[1]`.

use crate::client::Client;
use crate::convert::time::JsonTimestamp;
use crate::error::{Error, ErrorCode, Result};
use crate::model::schedule::{
    Backfill, CalendarRange, CalendarSpec, OverlapPolicy, ScheduleAction, SchedulePolicies,
    ScheduleSpec, ScheduleState,
};
use crate::ops::workflow::start_request;
use temporalio_protos::temporal::api::{
    enums::v1::ScheduleOverlapPolicy,
    schedule::v1::{self as proto, schedule_action},
    workflow::v1::NewWorkflowExecutionInfo,
};

fn invalid_at(key: String, message: impl std::fmt::Display) -> Error {
    Error::invalid(format!("`{key}`: {message}")).with("key", key)
}

/// The proto overlap policy; unspecified (the schedule's own) when `None`.
pub(super) fn overlap(p: Option<OverlapPolicy>) -> i32 {
    let p = match p {
        None => ScheduleOverlapPolicy::Unspecified,
        Some(OverlapPolicy::Skip) => ScheduleOverlapPolicy::Skip,
        Some(OverlapPolicy::BufferOne) => ScheduleOverlapPolicy::BufferOne,
        Some(OverlapPolicy::BufferAll) => ScheduleOverlapPolicy::BufferAll,
        Some(OverlapPolicy::CancelOther) => ScheduleOverlapPolicy::CancelOther,
        Some(OverlapPolicy::TerminateOther) => ScheduleOverlapPolicy::TerminateOther,
        Some(OverlapPolicy::AllowAll) => ScheduleOverlapPolicy::AllowAll,
    };
    p as i32
}

/// One calendar field: its ranges, or the default when omitted; every
/// value must lie within `bounds` (when the field has bounds).
fn ranges(
    given: &Option<Vec<CalendarRange>>,
    default: &[(i32, i32)],
    bounds: Option<(i32, i32)>,
    key: &str,
) -> Result<Vec<proto::Range>> {
    let Some(given) = given else {
        return Ok(default
            .iter()
            .map(|&(start, end)| proto::Range {
                start,
                end,
                step: 1,
            })
            .collect());
    };
    given
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if let Some((lo, hi)) = bounds {
                if r.start < lo || r.end > hi {
                    return Err(invalid_at(
                        format!("{key}[{i}]"),
                        format!("values must lie in {lo}..={hi}"),
                    ));
                }
            }
            Ok(proto::Range {
                start: r.start,
                end: r.end,
                step: r.step,
            })
        })
        .collect()
}

fn calendar(c: &CalendarSpec, key: &str) -> Result<proto::StructuredCalendarSpec> {
    let field = |name: &str| format!("{key}.{name}");
    Ok(proto::StructuredCalendarSpec {
        second: ranges(&c.second, &[(0, 0)], Some((0, 59)), &field("second"))?,
        minute: ranges(&c.minute, &[(0, 0)], Some((0, 59)), &field("minute"))?,
        hour: ranges(&c.hour, &[(0, 0)], Some((0, 23)), &field("hour"))?,
        day_of_month: ranges(
            &c.day_of_month,
            &[(1, 31)],
            Some((1, 31)),
            &field("day_of_month"),
        )?,
        month: ranges(&c.month, &[(1, 12)], Some((1, 12)), &field("month"))?,
        year: ranges(&c.year, &[], None, &field("year"))?,
        day_of_week: ranges(
            &c.day_of_week,
            &[(0, 6)],
            Some((0, 6)),
            &field("day_of_week"),
        )?,
        comment: c.comment.clone().unwrap_or_default(),
    })
}

fn calendars(list: &[CalendarSpec], key: &str) -> Result<Vec<proto::StructuredCalendarSpec>> {
    list.iter()
        .enumerate()
        .map(|(i, c)| calendar(c, &format!("{key}[{i}]")))
        .collect()
}

fn timestamp(t: &Option<JsonTimestamp>) -> Option<prost_wkt_types::Timestamp> {
    t.as_ref().map(|t| t.0)
}

/// The proto spec.
pub(super) fn spec(s: &ScheduleSpec) -> Result<proto::ScheduleSpec> {
    let interval = s
        .intervals
        .iter()
        .enumerate()
        .map(|(i, iv)| {
            if iv.every.0.as_secs() < 1 {
                return Err(invalid_at(
                    format!("spec.intervals[{i}].every"),
                    "must be at least one second",
                ));
            }
            Ok(proto::IntervalSpec {
                interval: Some(iv.every.to_proto()),
                phase: iv.offset.map(|d| d.to_proto()),
            })
        })
        .collect::<Result<_>>()?;
    if let (Some(start), Some(end)) = (&s.start_at, &s.end_at) {
        if (end.0.seconds, end.0.nanos) < (start.0.seconds, start.0.nanos) {
            return Err(invalid_at("spec.end_at".into(), "is before spec.start_at"));
        }
    }
    Ok(proto::ScheduleSpec {
        structured_calendar: calendars(&s.calendars, "spec.calendars")?,
        cron_string: s.cron_expressions.clone(),
        interval,
        exclude_structured_calendar: calendars(&s.exclude_calendars, "spec.exclude_calendars")?,
        start_time: timestamp(&s.start_at),
        end_time: timestamp(&s.end_at),
        jitter: s.jitter.map(|d| d.to_proto()),
        timezone_name: s.time_zone.clone().unwrap_or_default(),
        ..Default::default()
    })
}

/// Start keys that a schedule's workflow action cannot honour.
fn unsupported_start_keys(a: &ScheduleAction) -> Result<()> {
    let s = &a.start_workflow;
    let given = [
        (s.id_reuse_policy.is_some(), "id_reuse_policy"),
        (s.id_conflict_policy.is_some(), "id_conflict_policy"),
        (s.start_delay.is_some(), "start_delay"),
        (s.cron_schedule.is_some(), "cron_schedule"),
        (s.request_id.is_some(), "request_id"),
    ];
    match given.iter().find(|(set, _)| *set) {
        Some((_, name)) => Err(invalid_at(
            format!("action.start_workflow.{name}"),
            "is not supported in a schedule action",
        )),
        None => Ok(()),
    }
}

/// The proto action, built by the same conversion as `tc_workflow_start`.
pub(super) fn action(client: &Client, a: &ScheduleAction) -> Result<proto::ScheduleAction> {
    unsupported_start_keys(a)?;
    let r = start_request(client, &a.start_workflow).map_err(|e| {
        if e.code() != ErrorCode::InvalidArgument {
            return e;
        }
        match e.field("key").and_then(|k| k.as_str()) {
            Some(k) => invalid_at(format!("action.start_workflow.{k}"), e.message()),
            None => invalid_at("action.start_workflow".into(), e.message()),
        }
    })?;
    Ok(proto::ScheduleAction {
        action: Some(schedule_action::Action::StartWorkflow(
            NewWorkflowExecutionInfo {
                workflow_id: r.workflow_id,
                workflow_type: r.workflow_type,
                task_queue: r.task_queue,
                input: r.input,
                workflow_execution_timeout: r.workflow_execution_timeout,
                workflow_run_timeout: r.workflow_run_timeout,
                workflow_task_timeout: r.workflow_task_timeout,
                retry_policy: r.retry_policy,
                memo: r.memo,
                search_attributes: r.search_attributes,
                header: r.header,
                user_metadata: r.user_metadata,
                priority: r.priority,
                ..Default::default()
            },
        )),
    })
}

/// The proto policies.
pub(super) fn policies(p: &SchedulePolicies) -> proto::SchedulePolicies {
    proto::SchedulePolicies {
        overlap_policy: overlap(p.overlap),
        catchup_window: p.catchup_window.map(|d| d.to_proto()),
        pause_on_failure: p.pause_on_failure,
        keep_original_workflow_id: p.keep_original_workflow_id,
    }
}

/// The proto state.
pub(super) fn state(s: &ScheduleState) -> Result<proto::ScheduleState> {
    if let Some(n) = s.remaining_actions.filter(|n| *n < 0) {
        return Err(invalid_at(
            "state.remaining_actions".into(),
            format!("{n} is negative"),
        ));
    }
    Ok(proto::ScheduleState {
        notes: s.note.clone().unwrap_or_default(),
        paused: s.paused,
        limited_actions: s.remaining_actions.is_some(),
        remaining_actions: s.remaining_actions.unwrap_or_default(),
    })
}

/// The proto backfill requests.
pub(super) fn backfills(list: &[Backfill]) -> Result<Vec<proto::BackfillRequest>> {
    list.iter()
        .enumerate()
        .map(|(i, b)| {
            let (start, end) = (&b.start_at.0, &b.end_at.0);
            if (end.seconds, end.nanos) < (start.seconds, start.nanos) {
                return Err(invalid_at(
                    format!("backfills[{i}].end_at"),
                    "is before start_at",
                ));
            }
            Ok(proto::BackfillRequest {
                start_time: Some(*start),
                end_time: Some(*end),
                overlap_policy: overlap(b.overlap),
            })
        })
        .collect()
}
