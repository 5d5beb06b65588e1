"""Task queues: :meth:`Client.describe_task_queue <temporal_capi.Client.describe_task_queue>` and what it reports.

The client's method comes from :class:`TaskQueuesMixin`; the types follow
``temporalio.client`` (:class:`TaskQueueDescription`, :class:`PollerInfo`,
:class:`TaskQueueStats`, :class:`TaskQueueType`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Mapping

from ._library import lib
from .common import NamedIntEnum, datetime_from_json, duration_from_json, name_json

if TYPE_CHECKING:
    from ._transport import Transport


class TaskQueueType(NamedIntEnum):
    """Which tasks of a queue to describe (values as in the Temporal API)."""

    WORKFLOW = 1
    """Workflow tasks."""
    ACTIVITY = 2
    """Activity tasks."""


@dataclass(frozen=True)
class PollerInfo:
    """A worker that polled the queue recently.

    ``last_access_time`` is its last poll (aware, UTC; None when the server
    did not say), ``rate_per_second`` the poll rate it asked for (0 when unset).
    """

    identity: str
    last_access_time: datetime | None
    rate_per_second: float

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> PollerInfo:
        """Reads one poller of a ``tc_workflow_describe_task_queue`` response."""
        return cls(
            identity=value.get("identity") or "",
            last_access_time=datetime_from_json(value.get("last_access_time")),
            rate_per_second=float(value.get("rate_per_second") or 0.0),
        )


@dataclass(frozen=True)
class TaskQueueStats:
    """The queue's backlog and task rates (approximate, as the server estimates them).

    ``approximate_backlog_age`` is how long the oldest waiting task has
    waited (None when the server did not say).
    """

    approximate_backlog_count: int
    approximate_backlog_age: timedelta | None
    tasks_add_rate: float
    tasks_dispatch_rate: float

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> TaskQueueStats:
        """Reads the ``stats`` of a ``tc_workflow_describe_task_queue`` response."""
        return cls(
            approximate_backlog_count=int(value.get("approximate_backlog_count") or 0),
            approximate_backlog_age=duration_from_json(value.get("approximate_backlog_age")),
            tasks_add_rate=float(value.get("tasks_add_rate") or 0.0),
            tasks_dispatch_rate=float(value.get("tasks_dispatch_rate") or 0.0),
        )


@dataclass(frozen=True)
class TaskQueueDescription:
    """What :meth:`Client.describe_task_queue <temporal_capi.Client.describe_task_queue>` reports.

    ``pollers`` are the workers that polled the queue for the described
    type of task recently (empty when pollers were not asked for, or nobody
    polls); ``stats`` is None unless stats were asked for.
    """

    pollers: list[PollerInfo]
    stats: TaskQueueStats | None

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> TaskQueueDescription:
        """Reads a ``tc_workflow_describe_task_queue`` response."""
        stats = value.get("stats")
        return cls(
            pollers=[PollerInfo.from_json(poller) for poller in value.get("pollers") or []],
            stats=TaskQueueStats.from_json(stats) if stats is not None else None,
        )


class TaskQueuesMixin:
    """The task queue methods of :class:`~temporal_capi.Client`."""

    _transport: Transport

    async def describe_task_queue(
        self,
        task_queue: str,
        *,
        task_queue_type: TaskQueueType | str = TaskQueueType.WORKFLOW,
        report_pollers: bool = True,
        report_stats: bool = False,
    ) -> TaskQueueDescription:
        """Describes a task queue: who polls it for ``task_queue_type`` tasks and, with ``report_stats``, its backlog.

        A queue nobody polls gives no pollers, not an error. Raises
        :class:`~temporal_capi.errors.InvalidArgumentError` for an empty
        ``task_queue`` or an unknown type.
        """
        request = {
            "task_queue": task_queue,
            "task_queue_type": name_json(task_queue_type),
            "report_pollers": report_pollers,
            "report_stats": report_stats,
        }
        response = await self._transport.call(lib.tc_workflow_describe_task_queue, request)
        return TaskQueueDescription.from_json(response)


__all__ = ["PollerInfo", "TaskQueueDescription", "TaskQueueStats", "TaskQueueType", "TaskQueuesMixin"]
