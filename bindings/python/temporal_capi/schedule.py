"""What a schedule is: when it acts (a :class:`~.schedule_spec.ScheduleSpec`,
in :mod:`.schedule_spec`), what it does (:class:`ScheduleActionStartWorkflow`),
its :class:`SchedulePolicy` and its :class:`ScheduleState`, together a
:class:`Schedule`; plus :class:`ScheduleBackfill` and :class:`ScheduleUpdate`.

The names and fields follow ``temporalio.client``. These are mutable
dataclasses, so an updater passed to :meth:`ScheduleHandle.update
<temporal_capi.ScheduleHandle.update>` may edit a described schedule in place.
Values are normalised on construction (durations become ``timedelta``) so
that a schedule reads back equal to the one created.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Mapping

from ._start import SCHEDULE_ACTION
from .common import (
    NamedIntEnum,
    Priority,
    RetryPolicy,
    SearchAttributes,
    as_timedelta,
    datetime_json,
    duration_json,
)
from .schedule_spec import ScheduleCalendarSpec, ScheduleIntervalSpec, ScheduleRange, ScheduleSpec


class ScheduleOverlapPolicy(NamedIntEnum):
    """What a schedule does when an action is due while an earlier run is still open (values as in the Temporal API)."""

    SKIP = 1
    """Start nothing (the default)."""
    BUFFER_ONE = 2
    """Start it once the running workflow closes; buffer at most one start."""
    BUFFER_ALL = 3
    """Buffer every start and run them one after another."""
    CANCEL_OTHER = 4
    """Cancel the running workflow, then start the new one."""
    TERMINATE_OTHER = 5
    """Terminate the running workflow and start the new one."""
    ALLOW_ALL = 6
    """Start the new workflow alongside the running ones."""


def overlap_json(value: ScheduleOverlapPolicy | str | int | None) -> str | None:
    """An overlap policy as the library's JSON expects it; text passes as is (the library checks it)."""
    if value is None or isinstance(value, str):
        return value
    return ScheduleOverlapPolicy(value).to_json()


@dataclass(init=False)
class ScheduleActionStartWorkflow:
    """The action of starting a workflow: :meth:`Client.start_workflow <temporal_capi.Client.start_workflow>`'s
    arguments, minus those a schedule cannot honour (id policies, start delay, cron, request id).

    The server appends the scheduled time to ``id`` for every workflow it
    starts (``<id>-2030-01-02T03:04:05Z``). ``headers`` are JSON values
    (the workflow header). Timeouts are stored as ``timedelta``.
    """

    workflow: str
    args: list[Any]
    id: str
    task_queue: str
    execution_timeout: timedelta | None
    run_timeout: timedelta | None
    task_timeout: timedelta | None
    retry_policy: RetryPolicy | None
    memo: dict[str, Any] | None
    search_attributes: SearchAttributes | None
    static_summary: str | None
    static_details: str | None
    priority: Priority | None
    headers: dict[str, Any] | None

    @SCHEDULE_ACTION.signature
    def __init__(self, workflow: str, *args: Any, headers: Mapping[str, Any] | None = None, **options: Any) -> None:
        """Describes the workflow to start; ``args`` are its JSON arguments."""
        self.workflow = workflow
        self.args = list(args)
        for name, value in SCHEDULE_ACTION.stored(options).items():
            setattr(self, name, value)
        self.headers = dict(headers) if headers is not None else None

    def to_json(self) -> dict[str, Any]:
        """The ``action`` object: ``{"start_workflow": <the tc_workflow_start keys>}``."""
        request = SCHEDULE_ACTION.request(self.workflow, self.args, SCHEDULE_ACTION.of(self))
        if self.headers:
            request["headers"] = dict(self.headers)
        return {"start_workflow": request}

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleActionStartWorkflow:
        """Reads the ``action`` of a describe response; empty memo, attributes and headers read as None."""
        start = value["start_workflow"]
        return cls(
            start.get("workflow_type") or "",
            *(start.get("args") or []),
            headers=start.get("headers") or None,
            **SCHEDULE_ACTION.from_json(start),
        )


@dataclass
class SchedulePolicy:
    """Overlap, catch-up and failure policies.

    ``catchup_window``: how late a missed action may still run (at least
    10 s); ``pause_on_failure``: pause the schedule when a started workflow
    fails or times out (after its retries); ``keep_original_workflow_id``:
    do not append the scheduled time to the workflow id (stored; the 1.32
    dev server still appends it). ``overlap`` also takes the snake_case name.
    """

    overlap: ScheduleOverlapPolicy = ScheduleOverlapPolicy.SKIP
    catchup_window: timedelta = timedelta(days=365)
    pause_on_failure: bool = False
    keep_original_workflow_id: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.overlap, str):
            self.overlap = ScheduleOverlapPolicy.from_json(self.overlap)
        self.overlap = ScheduleOverlapPolicy(self.overlap)
        self.catchup_window = as_timedelta(self.catchup_window)  # type: ignore[assignment]

    def to_json(self) -> dict[str, Any]:
        """The ``policies`` object."""
        return {
            "overlap": overlap_json(self.overlap),
            "catchup_window": duration_json(self.catchup_window),
            "pause_on_failure": self.pause_on_failure,
            "keep_original_workflow_id": self.keep_original_workflow_id,
        }

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> SchedulePolicy:
        """Reads the ``policies`` of a describe response."""
        overlap = value.get("overlap")
        catchup = value.get("catchup_window")
        return cls(
            overlap=ScheduleOverlapPolicy.from_json(overlap) if overlap else ScheduleOverlapPolicy.SKIP,
            catchup_window=timedelta(days=365) if catchup is None else timedelta(seconds=catchup),
            pause_on_failure=bool(value.get("pause_on_failure")),
            keep_original_workflow_id=bool(value.get("keep_original_workflow_id")),
        )


@dataclass
class ScheduleState:
    """Whether the schedule is paused, its note, and how many scheduled actions it may still take.

    With ``limited_actions`` (set by a non-zero ``remaining_actions``) the
    schedule takes only ``remaining_actions`` more scheduled actions;
    describe counts it down. Trigger and backfill act regardless of both
    ``paused`` and the limit.
    """

    note: str | None = None
    paused: bool = False
    limited_actions: bool = False
    remaining_actions: int = 0

    def __post_init__(self) -> None:
        if self.remaining_actions:
            self.limited_actions = True

    def to_json(self) -> dict[str, Any]:
        """The ``state`` object."""
        value: dict[str, Any] = {"paused": self.paused}
        if self.note:
            value["note"] = self.note
        if self.limited_actions or self.remaining_actions:
            value["remaining_actions"] = self.remaining_actions
        return value

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleState:
        """Reads the ``state`` of a describe response."""
        remaining = value.get("remaining_actions")
        return cls(
            note=value.get("note") or None,
            paused=bool(value.get("paused")),
            limited_actions=remaining is not None,
            remaining_actions=int(remaining or 0),
        )


@dataclass
class Schedule:
    """A schedule: its ``action``, when it is taken (``spec``; without one the
    schedule acts only when triggered or backfilled), ``policy`` and ``state``."""

    action: ScheduleActionStartWorkflow
    spec: ScheduleSpec = field(default_factory=ScheduleSpec)
    policy: SchedulePolicy = field(default_factory=SchedulePolicy)
    state: ScheduleState = field(default_factory=ScheduleState)

    def to_json(self) -> dict[str, Any]:
        """The four schedule sections ``{action, spec, policies, state}``."""
        return {
            "action": self.action.to_json(),
            "spec": self.spec.to_json(),
            "policies": self.policy.to_json(),
            "state": self.state.to_json(),
        }

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> Schedule:
        """Reads the sections of a ``tc_schedule_describe`` response."""
        return cls(
            action=ScheduleActionStartWorkflow.from_json(value["action"]),
            spec=ScheduleSpec.from_json(value.get("spec") or {}),
            policy=SchedulePolicy.from_json(value.get("policies") or {}),
            state=ScheduleState.from_json(value.get("state") or {}),
        )


@dataclass
class ScheduleBackfill:
    """A past time range whose actions are taken now, as if the time passed right now.

    ``overlap`` (a policy or its snake_case name) overrides the schedule's
    policy for these actions. A naive datetime is UTC.
    """

    start_at: datetime
    end_at: datetime
    overlap: ScheduleOverlapPolicy | str | None = None

    def to_json(self) -> dict[str, Any]:
        """One ``backfills`` entry."""
        value = {"start_at": datetime_json(self.start_at), "end_at": datetime_json(self.end_at)}
        overlap = overlap_json(self.overlap)
        if overlap is not None:
            value["overlap"] = overlap
        return value


@dataclass
class ScheduleUpdate:
    """What an updater passed to :meth:`ScheduleHandle.update <temporal_capi.ScheduleHandle.update>` returns.

    ``schedule`` replaces the schedule's action, spec, policy and state;
    ``search_attributes``, when not None, replace all of the schedule's own
    search attributes.
    """

    schedule: Schedule
    search_attributes: SearchAttributes | None = None


__all__ = [
    "Schedule",
    "ScheduleActionStartWorkflow",
    "ScheduleBackfill",
    "ScheduleCalendarSpec",
    "ScheduleIntervalSpec",
    "ScheduleOverlapPolicy",
    "SchedulePolicy",
    "ScheduleRange",
    "ScheduleSpec",
    "ScheduleState",
    "ScheduleUpdate",
]
