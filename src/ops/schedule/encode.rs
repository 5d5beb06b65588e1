//! Schedule requests (the JSON model) -> Temporal protos. The requests are
//! validated before (calendar bounds, interval length, start options a
//! schedule cannot honour: see `model::schedule`).

use crate::client::Client;
use crate::convert::time::JsonTimestamp;
use crate::error::Result;
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

/// One calendar field: its ranges, or the default when omitted.
fn ranges(given: &Option<Vec<CalendarRange>>, default: &[(i32, i32)]) -> Vec<proto::Range> {
    let range = |start, end, step| proto::Range { start, end, step };
    match given {
        None => default
            .iter()
            .map(|&(start, end)| range(start, end, 1))
            .collect(),
        Some(given) => given
            .iter()
            .map(|r| range(r.start, r.end, r.step))
            .collect(),
    }
}

fn calendar(c: &CalendarSpec) -> proto::StructuredCalendarSpec {
    proto::StructuredCalendarSpec {
        second: ranges(&c.second, &[(0, 0)]),
        minute: ranges(&c.minute, &[(0, 0)]),
        hour: ranges(&c.hour, &[(0, 0)]),
        day_of_month: ranges(&c.day_of_month, &[(1, 31)]),
        month: ranges(&c.month, &[(1, 12)]),
        year: ranges(&c.year, &[]),
        day_of_week: ranges(&c.day_of_week, &[(0, 6)]),
        comment: c.comment.clone().unwrap_or_default(),
    }
}

fn calendars(list: &[CalendarSpec]) -> Vec<proto::StructuredCalendarSpec> {
    list.iter().map(calendar).collect()
}

fn timestamp(t: &Option<JsonTimestamp>) -> Option<prost_wkt_types::Timestamp> {
    t.as_ref().map(|t| t.0)
}

/// The proto spec.
pub(super) fn spec(s: &ScheduleSpec) -> proto::ScheduleSpec {
    proto::ScheduleSpec {
        structured_calendar: calendars(&s.calendars),
        cron_string: s.cron_expressions.clone(),
        interval: s
            .intervals
            .iter()
            .map(|iv| proto::IntervalSpec {
                interval: Some(iv.every.to_proto()),
                phase: iv.offset.map(|d| d.to_proto()),
            })
            .collect(),
        exclude_structured_calendar: calendars(&s.exclude_calendars),
        start_time: timestamp(&s.start_at),
        end_time: timestamp(&s.end_at),
        jitter: s.jitter.map(|d| d.to_proto()),
        timezone_name: s.time_zone.clone().unwrap_or_default(),
        ..Default::default()
    }
}

/// The proto action, built by the same conversion as `tc_workflow_start`.
pub(super) fn action(client: &Client, a: &ScheduleAction) -> Result<proto::ScheduleAction> {
    let r = start_request(client, &a.start_workflow)?;
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
pub(super) fn state(s: &ScheduleState) -> proto::ScheduleState {
    proto::ScheduleState {
        notes: s.note.clone().unwrap_or_default(),
        paused: s.paused,
        limited_actions: s.remaining_actions.is_some(),
        remaining_actions: s.remaining_actions.unwrap_or_default(),
    }
}

/// The proto backfill requests.
pub(super) fn backfills(list: &[Backfill]) -> Vec<proto::BackfillRequest> {
    list.iter()
        .map(|b| proto::BackfillRequest {
            start_time: Some(b.start_at.0),
            end_time: Some(b.end_at.0),
            overlap_policy: overlap(b.overlap),
        })
        .collect()
}
