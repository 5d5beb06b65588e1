//! Responses of the schedule operations (`tc_schedule_*`).
//!
//! Describe and list return the schedule sections in the shape of the create
//! request (see docs/JSON.md "Schedules"), so that a described schedule can
//! be edited and sent back to update. Durations are seconds (an integer when
//! whole), timestamps RFC 3339 in UTC; every key is always present.

use super::responses::Priority;
use crate::convert::duration::Seconds;
use serde::Serialize;
use serde_json::Value;

/// The response of `tc_schedule_create`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleCreated {
    /// The id of the new schedule.
    pub schedule_id: String,
    /// The version just written (base64), for `tc_schedule_update`; null when
    /// the server sent none.
    pub conflict_token: Option<String>,
}

/// The response of `tc_schedule_describe`: the schedule in the create shape
/// plus `info` and `conflict_token`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleDescription {
    /// The schedule's id.
    pub schedule_id: String,
    /// When the schedule acts.
    pub spec: ScheduleSpecDescription,
    /// What the schedule does; null when the server sent no action.
    pub action: Option<ScheduleActionDescription>,
    /// How the schedule handles overlaps, missed actions and failures.
    pub policies: SchedulePoliciesDescription,
    /// Whether the schedule is paused, its note and remaining actions.
    pub state: ScheduleStateDescription,
    /// The schedule's own memo: an object of values (`{}` when none).
    pub memo: Value,
    /// The schedule's own search attributes in the typed form (`{}` when none).
    pub search_attributes: Value,
    /// What the schedule has done and will do.
    pub info: ScheduleInfo,
    /// The version read (base64), for `tc_schedule_update`; null when the
    /// server sent none.
    pub conflict_token: Option<String>,
}

/// The response of `tc_schedule_list`: one page of schedules.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleListPage {
    /// The schedules of this page.
    pub schedules: Vec<ScheduleListEntry>,
    /// The token of the next page (base64); null on the last page.
    pub next_page_token: Option<String>,
}

/// One schedule of a list page, as the visibility store knows it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleListEntry {
    /// The schedule's id.
    pub schedule_id: String,
    /// Whether the schedule is paused.
    pub paused: bool,
    /// The schedule's note; null when empty.
    pub note: Option<String>,
    /// The workflow type its action starts; null when unknown.
    pub workflow_type: Option<String>,
    /// The latest actions taken, oldest first.
    pub recent_actions: Vec<ScheduleActionResult>,
    /// When the next actions are due (RFC 3339, UTC).
    pub next_action_times: Vec<String>,
    /// The schedule's own memo: an object of values (`{}` when none).
    pub memo: Value,
    /// The schedule's own search attributes in the typed form (`{}` when none).
    pub search_attributes: Value,
    /// When the schedule acts.
    pub spec: ScheduleSpecDescription,
}

/// `spec` in the request shape; cron strings come back as calendars.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleSpecDescription {
    /// Fixed intervals.
    pub intervals: Vec<ScheduleInterval>,
    /// Cron strings; always empty, the server stores them as calendars.
    pub cron_expressions: Vec<String>,
    /// Structured calendars, then one per cron string given.
    pub calendars: Vec<ScheduleCalendar>,
    /// Structured calendars whose times are skipped.
    pub exclude_calendars: Vec<ScheduleCalendar>,
    /// No action before this time (RFC 3339, UTC), or null.
    pub start_at: Option<String>,
    /// No action after this time (RFC 3339, UTC), or null.
    pub end_at: Option<String>,
    /// Upper bound of the random delay of each action in seconds, or null.
    pub jitter: Option<Seconds>,
    /// The IANA time zone of calendars and cron strings; null for UTC.
    pub time_zone: Option<String>,
}

/// An interval: times `epoch + n * every + offset`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleInterval {
    /// The period in seconds.
    pub every: Seconds,
    /// The phase within the period in seconds (0 when none).
    pub offset: Seconds,
}

/// A structured calendar; a time matches when every field matches one of its
/// ranges.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleCalendar {
    /// Seconds (0-59).
    pub second: Vec<ScheduleRange>,
    /// Minutes (0-59).
    pub minute: Vec<ScheduleRange>,
    /// Hours (0-23).
    pub hour: Vec<ScheduleRange>,
    /// Days of the month (1-31).
    pub day_of_month: Vec<ScheduleRange>,
    /// Months (1-12).
    pub month: Vec<ScheduleRange>,
    /// Years; empty for any year.
    pub year: Vec<ScheduleRange>,
    /// Days of the week (0-6, 0 is Sunday).
    pub day_of_week: Vec<ScheduleRange>,
    /// Free text; null when empty.
    pub comment: Option<String>,
}

/// An inclusive range of calendar values with a step.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRange {
    /// First value.
    pub start: i32,
    /// Last value (at least `start`).
    pub end: i32,
    /// Step between values (at least 1).
    pub step: i32,
}

/// `action` in the request shape.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleActionDescription {
    /// The workflow each action starts, with the keys of `tc_workflow_start`.
    pub start_workflow: ScheduledWorkflow,
}

/// The workflow a schedule starts; unset keys are null, `{}` or `[]`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduledWorkflow {
    /// The workflow type.
    pub workflow_type: Option<String>,
    /// The task queue the workflow runs on.
    pub task_queue: Option<String>,
    /// The workflow id, to which the server appends the scheduled time.
    pub id: String,
    /// The workflow's arguments.
    pub args: Vec<Value>,
    /// The execution timeout in seconds, or null.
    pub execution_timeout: Option<Seconds>,
    /// The run timeout in seconds, or null.
    pub run_timeout: Option<Seconds>,
    /// The workflow task timeout in seconds, or null.
    pub task_timeout: Option<Seconds>,
    /// The retry policy, or null.
    pub retry_policy: Option<ScheduleRetryPolicy>,
    /// The memo of the started workflows: an object of values.
    pub memo: Value,
    /// The search attributes of the started workflows in the typed form.
    pub search_attributes: Value,
    /// The static summary, or null.
    pub static_summary: Value,
    /// The static details, or null.
    pub static_details: Value,
    /// The priority, or null.
    pub priority: Option<Priority>,
    /// The headers: an object of values.
    pub headers: Value,
}

/// The retry policy of the scheduled workflow.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRetryPolicy {
    /// The first retry delay in seconds, or null.
    pub initial_interval: Option<Seconds>,
    /// The factor by which the delay grows.
    pub backoff_coefficient: f64,
    /// The longest retry delay in seconds, or null.
    pub maximum_interval: Option<Seconds>,
    /// The most attempts; 0 for unlimited.
    pub maximum_attempts: i32,
    /// Error types that are not retried.
    pub non_retryable_error_types: Vec<String>,
}

/// `policies` in the request shape, with the server's values.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchedulePoliciesDescription {
    /// The overlap policy (`skip`, `buffer_one`, ...), or null.
    pub overlap: Option<String>,
    /// How late a missed action may still run in seconds, or null.
    pub catchup_window: Option<Seconds>,
    /// Whether a failed run pauses the schedule.
    pub pause_on_failure: bool,
    /// Whether the workflow id is kept without the scheduled time appended.
    pub keep_original_workflow_id: bool,
}

/// `state` in the request shape.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleStateDescription {
    /// Whether the schedule is paused.
    pub paused: bool,
    /// The note; null when empty.
    pub note: Option<String>,
    /// How many more scheduled actions it takes; null for unlimited.
    pub remaining_actions: Option<i64>,
}

/// `info` of describe: what the schedule has done and will do.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleInfo {
    /// Actions taken so far.
    pub action_count: i64,
    /// Actions skipped because they were later than the catchup window.
    pub missed_catchup_window: i64,
    /// Actions skipped by the overlap policy.
    pub overlap_skipped: i64,
    /// Actions dropped because the buffer was full.
    pub buffer_dropped: i64,
    /// Actions waiting in the buffer.
    pub buffer_size: i64,
    /// The runs started by the schedule that are still open.
    pub running_workflows: Vec<ScheduleRunningWorkflow>,
    /// The latest actions taken, oldest first.
    pub recent_actions: Vec<ScheduleActionResult>,
    /// When the next actions are due (RFC 3339, UTC).
    pub future_action_times: Vec<String>,
    /// When the schedule was created (RFC 3339, UTC), or null.
    pub create_time: Option<String>,
    /// When the schedule last changed (RFC 3339, UTC); null until the first
    /// change.
    pub update_time: Option<String>,
}

/// A run started by the schedule.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRunningWorkflow {
    /// The workflow id; null when empty.
    pub workflow_id: Option<String>,
    /// The run id; null when empty.
    pub run_id: Option<String>,
}

/// One action the schedule took.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleActionResult {
    /// When the action was due (RFC 3339, UTC), or null.
    pub schedule_time: Option<String>,
    /// When it was taken (RFC 3339, UTC), or null.
    pub actual_time: Option<String>,
    /// The id of the started workflow; null when empty.
    pub workflow_id: Option<String>,
    /// The run id of the started workflow; null when empty.
    pub run_id: Option<String>,
    /// The started run's status as in `tc_workflow_describe` (`running`,
    /// `completed`, ...), or null.
    pub status: Option<String>,
}
