"""Schedule types and their JSON forms (docs/JSON.md "Schedules"), offline: no server needed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from temporal_capi import (
    RetryPolicy,
    RPCError,
    RPCStatusCode,
    Schedule,
    ScheduleAlreadyRunningError,
    ScheduleCalendarSpec,
    ScheduleDescription,
    ScheduleIntervalSpec,
    ScheduleOverlapPolicy,
    ScheduleRange,
    ScheduleState,
    SearchAttributeKey,
    WorkflowExecutionStatus,
)
from temporal_capi.common import datetime_from_json
from temporal_capi.errors import error_from_json

TAG = SearchAttributeKey.for_keyword("CustomKeyword")


def test_ranges_and_calendars_are_normalised() -> None:
    assert ScheduleRange(9) == ScheduleRange(9, 9, 1) == ScheduleRange(9, 3, 0)
    assert ScheduleRange.from_json(5) == ScheduleRange(5) and ScheduleRange.from_json({"start": 1, "end": 5}) == ScheduleRange(1, 5)
    calendar = ScheduleCalendarSpec(hour=9, minute=[0, ScheduleRange(30)], comment="c")
    assert calendar.hour == [ScheduleRange(9)] and calendar.minute == [ScheduleRange(0), ScheduleRange(30)]
    assert calendar.to_json()["day_of_week"] == [{"start": 0, "end": 6, "step": 1}]
    assert calendar.to_json()["year"] == [] and calendar.to_json()["comment"] == "c"
    assert ScheduleCalendarSpec.from_json(calendar.to_json()) == calendar
    assert ScheduleIntervalSpec(60, 0) == ScheduleIntervalSpec(timedelta(minutes=1))
    assert ScheduleIntervalSpec(60, 0).to_json() == {"every": 60.0}
    assert ScheduleState(remaining_actions=2) == ScheduleState(limited_actions=True, remaining_actions=2)
    assert ScheduleState(limited_actions=True).to_json() == {"paused": False, "remaining_actions": 0}
    assert ScheduleState.from_json({"paused": True, "note": None, "remaining_actions": None}) == ScheduleState(paused=True)


def test_a_described_schedule_decodes_and_encodes_back() -> None:
    raw = {
        "schedule_id": "s",
        "spec": {
            "intervals": [{"every": 3600, "offset": 300}],
            "cron_expressions": [],
            "calendars": [],
            "exclude_calendars": [],
            "start_at": "2030-01-01T00:00:00.123456789Z",
            "end_at": None,
            "jitter": 2,
            "time_zone": "Europe/Berlin",
        },
        "action": {
            "start_workflow": {
                "workflow_type": "Echo",
                "task_queue": "q",
                "id": "wf",
                "args": [1, None],
                "execution_timeout": None,
                "run_timeout": 600,
                "task_timeout": None,
                "retry_policy": {
                    "initial_interval": 2,
                    "backoff_coefficient": 3.0,
                    "maximum_interval": None,
                    "maximum_attempts": 4,
                    "non_retryable_error_types": [],
                },
                "memo": {},
                "search_attributes": {"CustomKeyword": {"type": "keyword", "value": "k"}},
                "static_summary": None,
                "static_details": None,
                "priority": {"priority_key": 0, "fairness_key": "", "fairness_weight": 0.0},
                "headers": {},
            }
        },
        "policies": {"overlap": "terminate_other", "catchup_window": 60, "pause_on_failure": True, "keep_original_workflow_id": False},
        "state": {"paused": False, "note": "n", "remaining_actions": 0},
        "memo": {"m": 1},
        "search_attributes": {},
        "info": {
            "action_count": 2,
            "missed_catchup_window": 0,
            "overlap_skipped": 1,
            "buffer_dropped": 0,
            "buffer_size": 0,
            "running_workflows": [{"workflow_id": "wf-1", "run_id": "r1"}],
            "recent_actions": [
                {
                    "schedule_time": "2030-01-01T00:00:00Z",
                    "actual_time": "2030-01-01T00:00:00.5Z",
                    "workflow_id": "wf-1",
                    "run_id": "r1",
                    "status": "running",
                }
            ],
            "future_action_times": ["2030-01-01T01:00:00Z"],
            "create_time": "2029-12-31T00:00:00Z",
            "update_time": None,
        },
        "conflict_token": "AAE=",
    }
    description = ScheduleDescription.from_json(raw)
    schedule = description.schedule
    assert schedule.spec.start_at == datetime(2030, 1, 1, 0, 0, 0, 123456, tzinfo=timezone.utc)
    assert schedule.spec.intervals == [ScheduleIntervalSpec(timedelta(hours=1), timedelta(minutes=5))]
    assert schedule.action.retry_policy == RetryPolicy(initial_interval=timedelta(seconds=2), backoff_coefficient=3.0, maximum_attempts=4)
    assert schedule.action.priority is None and schedule.action.memo is None and schedule.action.headers is None
    assert schedule.action.search_attributes == {TAG: "k"}
    assert schedule.policy.overlap is ScheduleOverlapPolicy.TERMINATE_OTHER
    assert schedule.state == ScheduleState(note="n", limited_actions=True, remaining_actions=0)
    assert description.conflict_token == b"\x00\x01" and description.memo == {"m": 1}
    action = description.info.recent_actions[0]
    assert action.status is WorkflowExecutionStatus.RUNNING and action.action.workflow_id == "wf-1"
    assert action.started_at == datetime(2030, 1, 1, 0, 0, 0, 500000, tzinfo=timezone.utc)
    assert description.info.running_actions[0].first_execution_run_id == "r1"
    assert description.info.num_actions_skipped_overlap == 1 and description.info.last_updated_at is None

    sent = schedule.to_json()
    start = sent["action"]["start_workflow"]
    assert start["args"] == [1, None] and start["run_timeout"] == 600 and "priority" not in start and "memo" not in start
    assert start["search_attributes"] == {"CustomKeyword": {"type": "keyword", "value": "k"}}
    assert sent["state"] == {"paused": False, "note": "n", "remaining_actions": 0}
    assert sent["policies"]["overlap"] == "terminate_other" and sent["spec"]["time_zone"] == "Europe/Berlin"
    assert Schedule.from_json({**raw, **sent}) == schedule


def test_schedule_errors_decode() -> None:
    taken = error_from_json({"code": "already_exists", "message": "m", "grpc_code": 6, "schedule_id": "s"})
    assert isinstance(taken, ScheduleAlreadyRunningError) and taken.schedule_id == "s"
    assert taken.status is RPCStatusCode.ALREADY_EXISTS
    other = error_from_json({"code": "already_exists", "message": "m"})
    assert type(other) is RPCError and other.status is RPCStatusCode.ALREADY_EXISTS
    assert datetime_from_json("2030-01-01T00:00:00.123456789Z") == datetime(2030, 1, 1, 0, 0, 0, 123456, tzinfo=timezone.utc)
    assert ScheduleOverlapPolicy.from_json("buffer_all") is ScheduleOverlapPolicy.BUFFER_ALL
    assert ScheduleOverlapPolicy.ALLOW_ALL.to_json() == "allow_all" and ScheduleOverlapPolicy.ALLOW_ALL == 6
