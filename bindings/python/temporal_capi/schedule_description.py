"""What describing and listing schedules report (names as in ``temporalio.client``).

:meth:`ScheduleHandle.describe <temporal_capi.ScheduleHandle.describe>`
returns a :class:`ScheduleDescription` (the :class:`~temporal_capi.Schedule`
plus :class:`ScheduleInfo` and the conflict token);
:meth:`Client.list_schedules <temporal_capi.Client.list_schedules>` yields
:class:`ScheduleListDescription` rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

from ._pager import next_token
from .common import (
    SearchAttributeKey,
    WorkflowExecutionStatus,
    datetime_from_json,
    search_attributes_from_json,
    token_from_json,
)
from .schedule import Schedule
from .schedule_spec import ScheduleSpec


def _status(value: str | None) -> WorkflowExecutionStatus | None:
    try:
        return WorkflowExecutionStatus.from_json(value) if value else None
    except ValueError:
        return None


def _times(values: list[str] | None) -> list[datetime]:
    return [t for t in (datetime_from_json(v) for v in values or []) if t is not None]


@dataclass(frozen=True)
class ScheduleActionExecutionStartWorkflow:
    """A workflow a schedule started: its id (the action's id plus the scheduled time) and first run."""

    workflow_id: str
    first_execution_run_id: str

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleActionExecutionStartWorkflow:
        """Reads a ``{workflow_id, run_id}`` object."""
        return cls(value.get("workflow_id") or "", value.get("run_id") or "")


@dataclass(frozen=True)
class ScheduleActionResult:
    """One action a schedule took: when it was due (``scheduled_at``, jitter included), when it
    ran (``started_at``), the workflow it started, and that workflow's ``status`` as last seen
    by the scheduler (None when not reported)."""

    scheduled_at: datetime | None
    started_at: datetime | None
    action: ScheduleActionExecutionStartWorkflow
    status: WorkflowExecutionStatus | None

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleActionResult:
        """Reads one ``recent_actions`` entry."""
        return cls(
            scheduled_at=datetime_from_json(value.get("schedule_time")),
            started_at=datetime_from_json(value.get("actual_time")),
            action=ScheduleActionExecutionStartWorkflow.from_json(value),
            status=_status(value.get("status")),
        )


@dataclass(frozen=True)
class ScheduleInfo:
    """What a schedule has done and will do.

    ``num_actions`` counts every action taken (scheduled, triggered and
    backfilled); ``recent_actions`` holds the latest, oldest first;
    ``running_actions`` the workflows still open; ``next_action_times`` the
    upcoming scheduled times (empty without a spec).
    """

    num_actions: int
    num_actions_missed_catchup_window: int
    num_actions_skipped_overlap: int
    num_actions_buffer_dropped: int
    buffer_size: int
    running_actions: list[ScheduleActionExecutionStartWorkflow]
    recent_actions: list[ScheduleActionResult]
    next_action_times: list[datetime]
    created_at: datetime | None
    last_updated_at: datetime | None

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleInfo:
        """Reads the ``info`` of a describe response."""
        return cls(
            num_actions=int(value.get("action_count") or 0),
            num_actions_missed_catchup_window=int(value.get("missed_catchup_window") or 0),
            num_actions_skipped_overlap=int(value.get("overlap_skipped") or 0),
            num_actions_buffer_dropped=int(value.get("buffer_dropped") or 0),
            buffer_size=int(value.get("buffer_size") or 0),
            running_actions=[
                ScheduleActionExecutionStartWorkflow.from_json(e) for e in value.get("running_workflows") or []
            ],
            recent_actions=[ScheduleActionResult.from_json(a) for a in value.get("recent_actions") or []],
            next_action_times=_times(value.get("future_action_times")),
            created_at=datetime_from_json(value.get("create_time")),
            last_updated_at=datetime_from_json(value.get("update_time")),
        )


@dataclass(frozen=True)
class ScheduleDescription:
    """What :meth:`ScheduleHandle.describe <temporal_capi.ScheduleHandle.describe>` reports.

    ``schedule`` is the editable :class:`~temporal_capi.Schedule`; ``memo``
    and ``search_attributes`` are the schedule's own; ``conflict_token``
    identifies this version (an update built from this description is
    refused once the schedule changed). ``raw`` is the library's response.
    """

    id: str
    schedule: Schedule
    info: ScheduleInfo
    memo: dict[str, Any]
    search_attributes: dict[SearchAttributeKey[Any], Any]
    conflict_token: bytes | None
    raw: dict[str, Any] = field(repr=False)

    @property
    def description(self) -> ScheduleDescription:
        """This description, so that ``temporalio`` updaters written as ``input.description.schedule`` work unchanged."""
        return self

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleDescription:
        """Reads a ``tc_schedule_describe`` response."""
        return cls(
            id=value["schedule_id"],
            schedule=Schedule.from_json(value),
            info=ScheduleInfo.from_json(value.get("info") or {}),
            memo=dict(value.get("memo") or {}),
            search_attributes=search_attributes_from_json(value.get("search_attributes") or {}),
            conflict_token=token_from_json(value.get("conflict_token")),
            raw=dict(value),
        )


@dataclass(frozen=True)
class ScheduleListActionStartWorkflow:
    """The action of a listed schedule: the workflow type it starts."""

    workflow: str


@dataclass(frozen=True)
class ScheduleListState:
    """Whether a listed schedule is paused, and its note."""

    note: str | None
    paused: bool


@dataclass(frozen=True)
class ScheduleListSchedule:
    """The parts of a schedule that listing reports: action, spec and state."""

    action: ScheduleListActionStartWorkflow
    spec: ScheduleSpec
    state: ScheduleListState


@dataclass(frozen=True)
class ScheduleListInfo:
    """A listed schedule's recent actions (oldest first) and upcoming action times."""

    recent_actions: list[ScheduleActionResult]
    next_action_times: list[datetime]


@dataclass(frozen=True)
class ScheduleListDescription:
    """One schedule as listed by :meth:`Client.list_schedules <temporal_capi.Client.list_schedules>`.

    ``raw`` is the library's row. Listing reads the visibility store, which
    lags behind describe.
    """

    id: str
    schedule: ScheduleListSchedule
    info: ScheduleListInfo
    memo: dict[str, Any]
    search_attributes: dict[SearchAttributeKey[Any], Any]
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleListDescription:
        """Reads one row of a ``tc_schedule_list`` response."""
        return cls(
            id=value["schedule_id"],
            schedule=ScheduleListSchedule(
                action=ScheduleListActionStartWorkflow(value.get("workflow_type") or ""),
                spec=ScheduleSpec.from_json(value.get("spec") or {}),
                state=ScheduleListState(note=value.get("note") or None, paused=bool(value.get("paused"))),
            ),
            info=ScheduleListInfo(
                recent_actions=[ScheduleActionResult.from_json(a) for a in value.get("recent_actions") or []],
                next_action_times=_times(value.get("next_action_times")),
            ),
            memo=dict(value.get("memo") or {}),
            search_attributes=search_attributes_from_json(value.get("search_attributes") or {}),
            raw=dict(value),
        )


@dataclass(frozen=True)
class ScheduleListPage:
    """One page of :meth:`Client.list_schedules_page <temporal_capi.Client.list_schedules_page>`;
    ``next_page_token`` is None after the last page."""

    schedules: list[ScheduleListDescription]
    next_page_token: bytes | None

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleListPage:
        """Reads a ``tc_schedule_list`` response."""
        return cls(
            schedules=[ScheduleListDescription.from_json(row) for row in value.get("schedules") or []],
            next_page_token=token_from_json(next_token(value)),
        )


__all__ = [
    "ScheduleActionExecutionStartWorkflow",
    "ScheduleActionResult",
    "ScheduleDescription",
    "ScheduleInfo",
    "ScheduleListActionStartWorkflow",
    "ScheduleListDescription",
    "ScheduleListInfo",
    "ScheduleListPage",
    "ScheduleListSchedule",
    "ScheduleListState",
]
