"""What visibility and describe report: workflow runs, pages of them, and counts.

:meth:`Client.list_workflows <temporal_capi.Client.list_workflows>` yields
:class:`WorkflowExecution` rows, :meth:`WorkflowHandle.describe
<temporal_capi.WorkflowHandle.describe>` returns a
:class:`WorkflowExecutionDescription`, and :meth:`Client.count_workflows
<temporal_capi.Client.count_workflows>` a :class:`WorkflowExecutionCount`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Mapping

from ._pager import next_token
from .common import (
    SearchAttributeKey,
    WorkflowExecutionStatus,
    datetime_from_json,
    duration_from_json,
    search_attributes_from_json,
    token_from_json,
)


def _status(value: str | None) -> WorkflowExecutionStatus | None:
    return WorkflowExecutionStatus.from_json(value) if value else None


@dataclass(frozen=True)
class WorkflowExecution:
    """One workflow run as listed by :meth:`Client.list_workflows`. ``raw`` is the library's row."""

    id: str
    run_id: str
    workflow_type: str
    task_queue: str
    status: WorkflowExecutionStatus | None
    start_time: datetime | None
    execution_time: datetime | None
    close_time: datetime | None
    history_length: int
    memo: dict[str, Any]
    search_attributes: dict[SearchAttributeKey[Any], Any]
    parent_id: str | None
    parent_run_id: str | None
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> WorkflowExecution:
        """Reads one row of a ``tc_workflow_list`` response."""
        return cls(**cls._common(value))

    @staticmethod
    def _common(value: Mapping[str, Any]) -> dict[str, Any]:
        parent = value.get("parent") or {}
        return dict(
            id=value["workflow_id"],
            run_id=value["run_id"],
            workflow_type=value.get("workflow_type") or "",
            task_queue=value.get("task_queue") or "",
            status=_status(value.get("status")),
            start_time=datetime_from_json(value.get("start_time")),
            execution_time=datetime_from_json(value.get("execution_time")),
            close_time=datetime_from_json(value.get("close_time")),
            history_length=int(value.get("history_length") or 0),
            memo=dict(value.get("memo") or {}),
            search_attributes=search_attributes_from_json(value.get("search_attributes") or {}),
            parent_id=parent.get("workflow_id"),
            parent_run_id=parent.get("run_id"),
            raw=dict(value),
        )


@dataclass(frozen=True)
class WorkflowExecutionDescription(WorkflowExecution):
    """What :meth:`WorkflowHandle.describe` reports: the listed fields plus timeouts and UI text.

    ``raw`` is the whole response (with ``paused``, ``pending_activities``
    and the other keys of docs/JSON.md).
    """

    execution_timeout: timedelta | None
    run_timeout: timedelta | None
    task_timeout: timedelta | None
    first_execution_run_id: str | None
    static_summary: str | None
    static_details: str | None

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> WorkflowExecutionDescription:
        """Reads the ``tc_workflow_describe`` response."""
        return cls(
            **cls._common(value),
            execution_timeout=duration_from_json(value.get("execution_timeout")),
            run_timeout=duration_from_json(value.get("run_timeout")),
            task_timeout=duration_from_json(value.get("task_timeout")),
            first_execution_run_id=value.get("first_run_id"),
            static_summary=value.get("static_summary"),
            static_details=value.get("static_details"),
        )


@dataclass(frozen=True)
class WorkflowExecutionPage:
    """One page of :meth:`Client.list_workflows_page`; ``next_page_token`` is None after the last page."""

    executions: list[WorkflowExecution]
    next_page_token: bytes | None

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> WorkflowExecutionPage:
        """Reads a ``tc_workflow_list`` response."""
        return cls(
            executions=[WorkflowExecution.from_json(row) for row in value.get("executions") or []],
            next_page_token=token_from_json(next_token(value)),
        )


@dataclass(frozen=True)
class WorkflowExecutionCountAggregationGroup:
    """One ``GROUP BY`` group of a count: the grouped values and how many workflows have them."""

    count: int
    group_values: list[Any]


@dataclass(frozen=True)
class WorkflowExecutionCount:
    """What :meth:`Client.count_workflows` reports; ``groups`` is empty without ``GROUP BY``."""

    count: int
    groups: list[WorkflowExecutionCountAggregationGroup]

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> WorkflowExecutionCount:
        """Reads a ``tc_workflow_count`` response."""
        return cls(
            count=int(value.get("count") or 0),
            groups=[
                WorkflowExecutionCountAggregationGroup(int(g.get("count") or 0), list(g.get("values") or []))
                for g in value.get("groups") or []
            ],
        )


__all__ = [
    "WorkflowExecution",
    "WorkflowExecutionCount",
    "WorkflowExecutionCountAggregationGroup",
    "WorkflowExecutionDescription",
    "WorkflowExecutionPage",
]
