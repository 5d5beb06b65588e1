//! Requests of the schedule operations (`tc_schedule_*`).
//!
//! A schedule is `{spec, action, policies, state}`; create takes all four,
//! update replaces the ones it is given, and describe returns them in the
//! same shape (see docs/JSON.md "Schedules").

use super::validate::{
    base64, index, invalid_at, key, non_empty, non_empty_if_given, page_size, payload_map,
    search_attributes, Validate,
};
use super::workflow::StartWorkflow;
use crate::convert::{duration::JsonDuration, search_attributes::TypedValue, time::JsonTimestamp};
use crate::error::Result;
use serde::{de, Deserialize, Deserializer};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// What a schedule does when an action is due while earlier ones still run.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OverlapPolicy {
    /// Do not start the new run (the server's default).
    Skip,
    /// Start it after the running one; keep at most one waiting.
    BufferOne,
    /// Start every due run, one after the other.
    BufferAll,
    /// Cancel the running run, then start the new one.
    CancelOther,
    /// Terminate the running run, then start the new one.
    TerminateOther,
    /// Start the new run alongside the running ones.
    AllowAll,
}

/// `every` + `offset`: matches `epoch + n * every + offset`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IntervalSpec {
    /// The period (whole seconds count).
    pub every: JsonDuration,
    /// Phase within the period; zero when omitted.
    pub offset: Option<JsonDuration>,
}

/// An inclusive range of calendar values with a step.
///
/// JSON: `{"start": 9, "end": 17, "step": 2}` (`end` defaults to `start`,
/// `step` to 1) or a bare integer `9` for a single value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarRange {
    /// First value (inclusive).
    pub start: i32,
    /// Last value (inclusive); equals `start` when omitted.
    pub end: i32,
    /// Step between values; at least 1.
    pub step: i32,
}

impl<'de> Deserialize<'de> for CalendarRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Object {
            start: i32,
            end: Option<i32>,
            step: Option<i32>,
        }
        let value = Value::deserialize(d)?;
        let o = if value.is_number() {
            let start = serde_json::from_value::<i32>(value).map_err(de::Error::custom)?;
            Object {
                start,
                end: None,
                step: None,
            }
        } else if value.is_object() {
            serde_json::from_value::<Object>(value).map_err(de::Error::custom)?
        } else {
            return Err(de::Error::custom(
                "expected a range {\"start\", \"end\", \"step\"} or an integer",
            ));
        };
        let range = CalendarRange {
            start: o.start,
            end: o.end.unwrap_or(o.start),
            step: o.step.unwrap_or(1),
        };
        if range.end < range.start {
            return Err(de::Error::custom(format!(
                "range end {} is before start {}",
                range.end, range.start
            )));
        }
        if range.step < 1 {
            return Err(de::Error::custom(format!(
                "range step {} must be at least 1",
                range.step
            )));
        }
        Ok(range)
    }
}

/// A structured calendar: a time matches when every field matches one of
/// its ranges. Omitted fields take the SDK defaults: `second`, `minute` and
/// `hour` 0, `day_of_month` 1-31, `month` 1-12, `day_of_week` 0-6 (0 is
/// Sunday), `year` any.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {
    /// Seconds, 0-59.
    pub second: Option<Vec<CalendarRange>>,
    /// Minutes, 0-59.
    pub minute: Option<Vec<CalendarRange>>,
    /// Hours, 0-23.
    pub hour: Option<Vec<CalendarRange>>,
    /// Days of the month, 1-31.
    pub day_of_month: Option<Vec<CalendarRange>>,
    /// Months, 1-12.
    pub month: Option<Vec<CalendarRange>>,
    /// Years; any year when omitted or empty.
    pub year: Option<Vec<CalendarRange>>,
    /// Days of the week, 0-6 (0 is Sunday).
    pub day_of_week: Option<Vec<CalendarRange>>,
    /// Free-form comment.
    pub comment: Option<String>,
}

/// When a schedule's actions are due.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleSpec {
    /// Fixed intervals.
    #[serde(default)]
    pub intervals: Vec<IntervalSpec>,
    /// Cron strings (the server stores them as `calendars`).
    #[serde(default)]
    pub cron_expressions: Vec<String>,
    /// Structured calendars.
    #[serde(default)]
    pub calendars: Vec<CalendarSpec>,
    /// Times matching any of these calendars are skipped.
    #[serde(default)]
    pub exclude_calendars: Vec<CalendarSpec>,
    /// No action before this time.
    pub start_at: Option<JsonTimestamp>,
    /// No action after this time.
    pub end_at: Option<JsonTimestamp>,
    /// Random delay of up to this much added to every action.
    pub jitter: Option<JsonDuration>,
    /// IANA time zone of the calendars and cron strings (default UTC).
    pub time_zone: Option<String>,
}

/// What a schedule does when an action is due.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleAction {
    /// Start a workflow: the keys of `tc_workflow_start`, except the ones a
    /// schedule cannot honour (rejected when given).
    pub start_workflow: StartWorkflow,
}

/// Overlap, catch-up and failure policies.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchedulePolicies {
    /// Overlap policy; `skip` when omitted.
    pub overlap: Option<OverlapPolicy>,
    /// How late a missed action may still run (server default one year, minimum 10 s).
    pub catchup_window: Option<JsonDuration>,
    /// Pause the schedule when a run fails or times out.
    #[serde(default)]
    pub pause_on_failure: bool,
    /// Use the action's workflow id as is, without the appended timestamp.
    #[serde(default)]
    pub keep_original_workflow_id: bool,
}

/// Paused flag, note and limited actions.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleState {
    /// Whether the schedule is paused.
    #[serde(default)]
    pub paused: bool,
    /// Human readable note (why it is paused, ...).
    pub note: Option<String>,
    /// When set, the schedule takes only this many more actions.
    pub remaining_actions: Option<i64>,
}

/// One backfill: run the actions that were due in `[start_at, end_at]`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Backfill {
    /// Start of the range (inclusive).
    pub start_at: JsonTimestamp,
    /// End of the range (inclusive).
    pub end_at: JsonTimestamp,
    /// Overlap policy for these actions; the schedule's policy when omitted.
    pub overlap: Option<OverlapPolicy>,
}

/// `tc_schedule_create`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateSchedule {
    /// Schedule id.
    pub schedule_id: String,
    /// When actions are due; a schedule without a spec runs only when triggered.
    #[serde(default)]
    pub spec: ScheduleSpec,
    /// What to do.
    pub action: ScheduleAction,
    /// Policies; server defaults when omitted.
    pub policies: Option<SchedulePolicies>,
    /// Initial state; running, unlimited when omitted.
    pub state: Option<ScheduleState>,
    /// Take one action right after creation (overlap `allow_all`).
    #[serde(default)]
    pub trigger_immediately: bool,
    /// Backfills to run right after creation.
    #[serde(default)]
    pub backfills: Vec<Backfill>,
    /// Memo of the schedule (JSON values).
    pub memo: Option<Map<String, Value>>,
    /// Typed search attributes of the schedule.
    pub search_attributes: Option<HashMap<String, TypedValue>>,
    /// Idempotency key; a UUID when omitted.
    pub request_id: Option<String>,
}

/// `tc_schedule_update`: each given section replaces that section.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSchedule {
    /// Schedule id.
    pub schedule_id: String,
    /// New spec; unchanged when omitted.
    pub spec: Option<ScheduleSpec>,
    /// New action; unchanged when omitted.
    pub action: Option<ScheduleAction>,
    /// New policies; unchanged when omitted.
    pub policies: Option<SchedulePolicies>,
    /// New state; unchanged when omitted.
    pub state: Option<ScheduleState>,
    /// New memo (replaces the whole memo); unchanged when omitted.
    pub memo: Option<Map<String, Value>>,
    /// New search attributes (replace all of them); unchanged when omitted.
    pub search_attributes: Option<HashMap<String, TypedValue>>,
    /// Fail unless the schedule is still at this version (from describe).
    pub conflict_token: Option<String>,
    /// Idempotency key; a UUID when omitted.
    pub request_id: Option<String>,
}

/// `tc_schedule_describe` and `tc_schedule_delete`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRef {
    /// Schedule id.
    pub schedule_id: String,
}

/// `tc_schedule_pause` and `tc_schedule_unpause`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PauseSchedule {
    /// Schedule id.
    pub schedule_id: String,
    /// Note stored in the schedule's state; a default text when omitted.
    pub note: Option<String>,
}

/// `tc_schedule_trigger`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TriggerSchedule {
    /// Schedule id.
    pub schedule_id: String,
    /// Overlap policy for this action; the schedule's policy when omitted.
    pub overlap: Option<OverlapPolicy>,
}

/// `tc_schedule_backfill`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BackfillSchedule {
    /// Schedule id.
    pub schedule_id: String,
    /// The ranges to backfill (at least one).
    pub backfills: Vec<Backfill>,
}

/// `tc_schedule_list`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListSchedules {
    /// Visibility query, e.g. `ScheduleId = "x"`; all schedules when omitted.
    pub query: Option<String>,
    /// Largest page (positive, an `int32` on the wire); the server's
    /// default when omitted.
    pub page_size: Option<i32>,
    /// Token from the previous page (base64), or null for the first page.
    pub next_page_token: Option<String>,
}

impl Validate for IntervalSpec {
    fn validate_at(&self, at: &str) -> Result<()> {
        if self.every.0.as_secs() < 1 {
            return Err(invalid_at(key(at, "every"), "must be at least one second"));
        }
        Ok(())
    }
}

/// The bounds of each calendar field (`None`: any value).
const CALENDAR_BOUNDS: [(&str, Option<(i32, i32)>); 7] = [
    ("second", Some((0, 59))),
    ("minute", Some((0, 59))),
    ("hour", Some((0, 23))),
    ("day_of_month", Some((1, 31))),
    ("month", Some((1, 12))),
    ("year", None),
    ("day_of_week", Some((0, 6))),
];

impl CalendarSpec {
    /// The ranges of the field `name` (one of [`CALENDAR_BOUNDS`]).
    fn field(&self, name: &str) -> &Option<Vec<CalendarRange>> {
        match name {
            "second" => &self.second,
            "minute" => &self.minute,
            "hour" => &self.hour,
            "day_of_month" => &self.day_of_month,
            "month" => &self.month,
            "year" => &self.year,
            _ => &self.day_of_week,
        }
    }
}

impl Validate for CalendarSpec {
    fn validate_at(&self, at: &str) -> Result<()> {
        for (name, bounds) in CALENDAR_BOUNDS {
            let (Some((lo, hi)), Some(ranges)) = (bounds, self.field(name)) else {
                continue;
            };
            if let Some(i) = ranges.iter().position(|r| r.start < lo || r.end > hi) {
                return Err(invalid_at(
                    index(&key(at, name), i),
                    format!("values must lie in {lo}..={hi}"),
                ));
            }
        }
        Ok(())
    }
}

impl Validate for ScheduleSpec {
    fn validate_at(&self, at: &str) -> Result<()> {
        self.intervals.validate_at(&key(at, "intervals"))?;
        self.calendars.validate_at(&key(at, "calendars"))?;
        self.exclude_calendars
            .validate_at(&key(at, "exclude_calendars"))?;
        if let (Some(start), Some(end)) = (&self.start_at, &self.end_at) {
            if before(end, start) {
                return Err(invalid_at(key(at, "end_at"), "is before start_at"));
            }
        }
        Ok(())
    }
}

/// Whether `a` is earlier than `b`.
fn before(a: &JsonTimestamp, b: &JsonTimestamp) -> bool {
    (a.0.seconds, a.0.nanos) < (b.0.seconds, b.0.nanos)
}

impl Validate for ScheduleAction {
    fn validate_at(&self, at: &str) -> Result<()> {
        let at = key(at, "start_workflow");
        let s = &self.start_workflow;
        let unsupported = [
            (s.id_reuse_policy.is_some(), "id_reuse_policy"),
            (s.id_conflict_policy.is_some(), "id_conflict_policy"),
            (s.start_delay.is_some(), "start_delay"),
            (s.cron_schedule.is_some(), "cron_schedule"),
            (s.request_id.is_some(), "request_id"),
        ];
        if let Some((_, name)) = unsupported.iter().find(|(given, _)| *given) {
            return Err(invalid_at(
                key(&at, name),
                "is not supported in a schedule action",
            ));
        }
        s.validate_at(&at)
    }
}

impl Validate for SchedulePolicies {
    fn validate_at(&self, _at: &str) -> Result<()> {
        Ok(())
    }
}

impl Validate for ScheduleState {
    fn validate_at(&self, at: &str) -> Result<()> {
        if let Some(n) = self.remaining_actions.filter(|n| *n < 0) {
            return Err(invalid_at(
                key(at, "remaining_actions"),
                format!("{n} is negative"),
            ));
        }
        Ok(())
    }
}

impl Validate for Backfill {
    fn validate_at(&self, at: &str) -> Result<()> {
        if before(&self.end_at, &self.start_at) {
            return Err(invalid_at(key(at, "end_at"), "is before start_at"));
        }
        Ok(())
    }
}

/// Validates the keys create and update share: `schedule_id`,
/// `request_id`, the four sections, `memo` and `search_attributes`.
macro_rules! validate_sections {
    ($request:expr, $at:expr) => {{
        let (request, at) = ($request, $at);
        non_empty(at, "schedule_id", &request.schedule_id)?;
        non_empty_if_given(at, "request_id", &request.request_id)?;
        request.spec.validate_at(&key(at, "spec"))?;
        request.action.validate_at(&key(at, "action"))?;
        request.policies.validate_at(&key(at, "policies"))?;
        request.state.validate_at(&key(at, "state"))?;
        payload_map(at, "memo", &request.memo)?;
        search_attributes(at, "search_attributes", &request.search_attributes)
    }};
}

impl Validate for CreateSchedule {
    fn validate_at(&self, at: &str) -> Result<()> {
        validate_sections!(self, at)?;
        self.backfills.validate_at(&key(at, "backfills"))
    }
}

impl Validate for UpdateSchedule {
    fn validate_at(&self, at: &str) -> Result<()> {
        validate_sections!(self, at)?;
        base64(&self.conflict_token, &key(at, "conflict_token")).map(drop)
    }
}

impl Validate for ScheduleRef {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "schedule_id", &self.schedule_id)
    }
}

impl Validate for PauseSchedule {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "schedule_id", &self.schedule_id)
    }
}

impl Validate for TriggerSchedule {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "schedule_id", &self.schedule_id)
    }
}

impl Validate for BackfillSchedule {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "schedule_id", &self.schedule_id)?;
        if self.backfills.is_empty() {
            return Err(invalid_at(key(at, "backfills"), "must not be empty"));
        }
        self.backfills.validate_at(&key(at, "backfills"))
    }
}

impl Validate for ListSchedules {
    fn validate_at(&self, at: &str) -> Result<()> {
        page_size(at, "page_size", self.page_size)?;
        base64(&self.next_page_token, &key(at, "next_page_token")).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_valid;
    use serde_json::json;

    fn key_of(request: Value) -> String {
        let e = parse_valid::<CreateSchedule>(request.to_string().as_bytes()).unwrap_err();
        e.field("key").unwrap().as_str().unwrap().to_owned()
    }

    #[test]
    fn schedule_rules_name_their_paths() {
        let valid = json!({"schedule_id": "s", "action": {"start_workflow":
            {"workflow_type": "W", "task_queue": "q"}}});
        assert!(parse_valid::<CreateSchedule>(valid.to_string().as_bytes()).is_ok());
        let with = |key: &str, value: Value| {
            let mut r = valid.clone();
            r[key] = value;
            r
        };
        assert_eq!(
            key_of(with(
                "spec",
                json!({"intervals": [{"every": "1s"}, {"every": 0}]})
            )),
            "spec.intervals[1].every"
        );
        assert_eq!(
            key_of(with(
                "spec",
                json!({"exclude_calendars": [{"month": [13]}]})
            )),
            "spec.exclude_calendars[0].month[0]"
        );
        assert_eq!(
            key_of(with("state", json!({"remaining_actions": -1}))),
            "state.remaining_actions"
        );
        assert_eq!(
            key_of(with(
                "action",
                json!({"start_workflow": {"workflow_type": "W", "task_queue": "q", "cron_schedule": "* * * * *"}})
            )),
            "action.start_workflow.cron_schedule"
        );
        assert_eq!(
            key_of(with(
                "backfills",
                json!([{"start_at": "2030-01-02T00:00:00Z", "end_at": "2030-01-01T00:00:00Z"}])
            )),
            "backfills[0].end_at"
        );
        assert_eq!(key_of(with("schedule_id", json!(""))), "schedule_id");
    }
}
