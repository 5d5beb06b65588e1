"""Types of the Durable Task operations: :class:`InstanceQuery`, :class:`InstanceQueryResult` and
:class:`OrchestrationMetadata`.

The operations themselves are methods of
:class:`~temporal_capi.DurableTaskClient` (:mod:`.durable_task`);
docs/python.md maps each Durable Task name to its Temporal equivalent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping, Sequence

from ._pager import next_token, page_request
from .common import WorkflowExecutionStatus, compact, datetime_from_json, datetime_json, name_json
from .executions import WorkflowExecution, WorkflowExecutionDescription


@dataclass(frozen=True)
class InstanceQuery:
    """A filter over workflows (all fields optional, combined with AND) plus paging.

    ``statuses``: any of these (members of
    :class:`~temporal_capi.WorkflowExecutionStatus` or their snake_case
    names); ``created_from``/``created_to``: start time bounds, inclusive (a
    naive datetime is UTC); ``id_prefix``: the workflow id starts with it;
    ``workflow_type``, ``task_queue``: exact matches. ``page_size`` and
    ``continuation_token`` page :meth:`DurableTaskClient.query_instances
    <temporal_capi.DurableTaskClient.query_instances>`. Values are quoted safely, so
    any text can be matched literally.
    """

    statuses: Sequence[WorkflowExecutionStatus | str] | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    id_prefix: str | None = None
    workflow_type: str | None = None
    task_queue: str | None = None
    page_size: int | None = None
    continuation_token: str | None = None

    def to_json(self, *, paging: bool = True) -> dict[str, Any]:
        """The ``tc_workflow_query_instances`` request (without the paging keys when ``paging`` is False).

        The continuation token is sent under the key every listing pages
        with (:data:`~temporal_capi._pager.PAGE_TOKEN_KEY`, ``next_page_token``).
        """
        request = compact(
            statuses=[name_json(s) for s in self.statuses] if self.statuses else None,
            created_from=datetime_json(self.created_from) if self.created_from else None,
            created_to=datetime_json(self.created_to) if self.created_to else None,
            id_prefix=self.id_prefix,
            workflow_type=self.workflow_type,
            task_queue=self.task_queue,
        )
        if paging:
            request.update(compact(page_size=self.page_size))
            request = page_request(request, self.continuation_token)
        return request


@dataclass(frozen=True)
class InstanceQueryResult:
    """One page of :meth:`DurableTaskClient.query_instances <temporal_capi.DurableTaskClient.query_instances>`.

    ``continuation_token`` (the response's ``next_page_token``) is None
    after the last page; ``query`` is the visibility query the filter was
    translated to.
    """

    instances: list[WorkflowExecution]
    continuation_token: str | None
    query: str

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> InstanceQueryResult:
        """Reads a ``tc_workflow_query_instances`` response."""
        return cls(
            instances=[WorkflowExecution.from_json(row) for row in value.get("instances") or []],
            continuation_token=next_token(value),
            query=value.get("query") or "",
        )


@dataclass(frozen=True)
class OrchestrationMetadata:
    """The state of an instance: how it ended, from :meth:`DurableTaskClient.wait_for_instance_completion
    <temporal_capi.DurableTaskClient.wait_for_instance_completion>`, or how it stands, from
    :meth:`DurableTaskClient.get_instance <temporal_capi.DurableTaskClient.get_instance>`.

    ``status`` of a closed instance is one of ``COMPLETED``, ``FAILED``,
    ``CANCELED``, ``TERMINATED``, ``TIMED_OUT`` (an open one: ``RUNNING``,
    ``PAUSED``); ``failure`` the decoded failure (``{"kind", "message",
    ...}``, see docs/JSON.md) or None; ``input`` (the final run's args) and
    ``output`` (its result) are None unless inputs and outputs were fetched
    from a closed instance. ``last_updated_at`` is the close time (None
    while open). ``raw`` is the library's response.
    """

    instance_id: str
    run_id: str
    name: str
    status: WorkflowExecutionStatus
    created_at: datetime | None
    last_updated_at: datetime | None
    input: list[Any] | None
    output: Any
    failure: dict[str, Any] | None
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> OrchestrationMetadata:
        """Reads a ``tc_workflow_wait_for_completion`` response."""
        return cls(
            instance_id=value["workflow_id"],
            run_id=value.get("run_id") or "",
            name=value.get("workflow_type") or "",
            status=WorkflowExecutionStatus.from_json(value["status"]),
            created_at=datetime_from_json(value.get("created_at")),
            last_updated_at=datetime_from_json(value.get("last_updated_at")),
            input=value.get("input"),
            output=value.get("output"),
            failure=value.get("failure"),
            raw=dict(value),
        )

    @classmethod
    def from_description(cls, description: WorkflowExecutionDescription) -> OrchestrationMetadata:
        """The state of a described (open) run: no input, output or failure."""
        return cls(
            instance_id=description.id,
            run_id=description.run_id,
            name=description.workflow_type,
            status=description.status or WorkflowExecutionStatus.RUNNING,
            created_at=description.start_time,
            last_updated_at=description.close_time,
            input=None,
            output=None,
            failure=None,
            raw=dict(description.raw),
        )


__all__ = ["InstanceQuery", "InstanceQueryResult", "OrchestrationMetadata"]
