"""The Durable Task Framework's client verbs over a Temporal client: :class:`DurableTaskClient`.

An orchestration instance is a workflow (instance id = workflow id,
orchestrator name = workflow type); an event is a signal, suspend and resume
are pause and unpause, and purge is delete. docs/python.md maps every method
to its Temporal equivalent.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, AsyncIterator

from ._library import lib
from ._pager import paginate
from ._start import ORCHESTRATION
from .common import WorkflowExecutionStatus, compact
from .durable import InstanceQuery, InstanceQueryResult, OrchestrationMetadata
from .errors import InvalidArgumentError, NotFoundError
from .executions import WorkflowExecution, WorkflowExecutionDescription

if TYPE_CHECKING:
    from .client import Client
    from .handle import WorkflowHandle

_CLOSED = {
    WorkflowExecutionStatus.COMPLETED,
    WorkflowExecutionStatus.FAILED,
    WorkflowExecutionStatus.CANCELED,
    WorkflowExecutionStatus.TERMINATED,
    WorkflowExecutionStatus.TIMED_OUT,
}


class DurableTaskClient:
    """The Durable Task ``DurableTaskClient`` names, each done by the Temporal operation docs/python.md lists.

    Make one with ``DurableTaskClient(client)`` or ``client.durable_task``;
    it holds nothing of its own and raises the errors of the Temporal
    operations (e.g. :class:`~temporal_capi.errors.NotFoundError` for an
    unknown instance).
    """

    def __init__(self, client: Client) -> None:
        """Acts through ``client`` (its namespace, connection and lifetime)."""
        self.client = client
        self._transport = client._transport

    def _handle(self, instance_id: str) -> WorkflowHandle:
        return self.client.get_workflow_handle(instance_id)

    @ORCHESTRATION.signature
    async def schedule_new_orchestration_instance(
        self,
        orchestrator: str,
        *args: Any,
        instance_id: str | None = None,
        start_at: datetime | None = None,
        **options: Any,
    ) -> str:
        """``ScheduleNewOrchestrationInstance``: :meth:`Client.start_workflow
        <temporal_capi.Client.start_workflow>` by another name; returns the instance id.

        ``orchestrator`` is the workflow type, ``args`` its input,
        ``instance_id`` the workflow id (a UUID when None). ``start_at``
        postpones the first workflow task to that time (``start_delay`` =
        ``start_at`` - now; a naive datetime is UTC; a past time starts
        now). The other keywords are ``start_workflow``'s.
        """
        if start_at is not None:
            if options.get("start_delay") is not None:
                raise InvalidArgumentError(
                    "give start_at or start_delay, not both", {"code": "invalid_argument", "key": "start_at"}
                )
            if start_at.tzinfo is None:
                start_at = start_at.replace(tzinfo=timezone.utc)
            delay = start_at - datetime.now(timezone.utc)
            if delay > timedelta(0):
                options["start_delay"] = delay
        handle = await self.client.start_workflow(orchestrator, *args, id=instance_id, **options)
        return handle.id

    async def wait_for_instance_start(self, instance_id: str) -> WorkflowExecutionDescription:
        """``WaitForInstanceStart``: waits until a worker picked up the first workflow task.

        Also returns when the run closed first. Returns the description at
        that moment. Raises :class:`~temporal_capi.errors.NotFoundError` for
        an unknown id.
        """
        response = await self._transport.call(lib.tc_workflow_wait_for_start, {"workflow_id": instance_id})
        return WorkflowExecutionDescription.from_json(response)

    async def wait_for_instance_completion(
        self, instance_id: str, *, fetch_inputs_and_outputs: bool = True
    ) -> OrchestrationMetadata:
        """``WaitForInstanceCompletion``: waits for the workflow to close and reports how.

        Follows continue-as-new to the final run and never raises for how it
        ended: ``status`` says it and ``failure`` holds the decoded failure.
        ``input`` (the final run's args) and ``output`` are filled only with
        ``fetch_inputs_and_outputs``.
        """
        return await self._completion(instance_id, None, fetch_inputs_and_outputs)

    async def get_instance(
        self, instance_id: str, *, fetch_inputs_and_outputs: bool = False
    ) -> OrchestrationMetadata | None:
        """``GetInstance``: the instance's state now, or None when no instance has the id.

        Describes the latest run; for a closed run its outcome is read too
        (``failure``, and ``input``/``output`` with ``fetch_inputs_and_outputs``).
        """
        try:
            description = await self._handle(instance_id).describe()
        except NotFoundError:
            return None
        if description.status not in _CLOSED:
            return OrchestrationMetadata.from_description(description)
        return await self._completion(instance_id, description.run_id, fetch_inputs_and_outputs)

    async def _completion(
        self, instance_id: str, run_id: str | None, inputs_and_outputs: bool
    ) -> OrchestrationMetadata:
        request = compact(workflow_id=instance_id, run_id=run_id, get_inputs_and_outputs=inputs_and_outputs)
        response = await self._transport.call(lib.tc_workflow_wait_for_completion, request)
        return OrchestrationMetadata.from_json(response)

    async def query_instances(self, query: InstanceQuery | None = None) -> InstanceQueryResult:
        """``QueryInstances``: one page of the workflows matching a filter.

        Pass ``result.continuation_token`` as the next query's
        ``continuation_token`` to read on; it is None after the last page.
        """
        request = (query or InstanceQuery()).to_json()
        response = await self._transport.call(lib.tc_workflow_query_instances, request)
        return InstanceQueryResult.from_json(response)

    async def get_all_instances(self, query: InstanceQuery | None = None) -> AsyncIterator[WorkflowExecution]:
        """``GetAllInstances``: iterates over every workflow matching the filter, page by page.

        Starts at ``query.continuation_token`` when set. Visibility is
        eventually consistent: a new or just-closed instance may show late.
        """
        first = query or InstanceQuery()

        async def fetch(token: str | None) -> tuple[list[WorkflowExecution], str | None]:
            page = await self.query_instances(dataclasses.replace(first, continuation_token=token))
            return page.instances, page.continuation_token

        async for instance in paginate(fetch, first.continuation_token):
            yield instance

    async def purge_instances(self, query: InstanceQuery, *, max_concurrency: int | None = None) -> int:
        """``PurgeInstances``: deletes every workflow matching the filter.

        Paging fields of ``query`` are ignored. Returns how many were
        deleted; if a delete fails, the raised error's
        ``error["purged_count"]`` says how many were deleted before.
        """
        request = query.to_json(paging=False)
        request.update(compact(max_concurrency=max_concurrency))
        response = await self._transport.call(lib.tc_workflow_purge_instances, request)
        return int(response["purged_count"])

    async def raise_event(self, instance_id: str, event_name: str, *args: Any) -> None:
        """``RaiseEvent``: sends the signal ``event_name`` with ``args`` to the latest run."""
        await self._handle(instance_id).signal(event_name, *args)

    async def terminate_instance(self, instance_id: str, output: Any = None, *, reason: str | None = None) -> None:
        """``TerminateInstance``: terminates the workflow; ``output`` is recorded as the detail."""
        await self._handle(instance_id).terminate(reason, [] if output is None else [output])

    async def suspend_instance(self, instance_id: str, reason: str | None = None) -> None:
        """``SuspendInstance``: pauses the workflow (:meth:`WorkflowHandle.pause
        <temporal_capi.WorkflowHandle.pause>`)."""
        await self._handle(instance_id).pause(reason)

    async def resume_instance(self, instance_id: str, reason: str | None = None) -> None:
        """``ResumeInstance``: unpauses the workflow (:meth:`WorkflowHandle.unpause
        <temporal_capi.WorkflowHandle.unpause>`)."""
        await self._handle(instance_id).unpause(reason)

    async def purge_instance(self, instance_id: str) -> None:
        """``PurgeInstance``: deletes the workflow and its history (see :meth:`WorkflowHandle.delete
        <temporal_capi.WorkflowHandle.delete>`)."""
        await self._handle(instance_id).delete()


class DurableTaskNamesMixin:
    """The Durable Task names of :class:`~temporal_capi.Client`: one-line forwards to its :attr:`durable_task`."""

    @property
    def durable_task(self) -> DurableTaskClient:
        """The Durable Task verbs over this client: ``DurableTaskClient(client)``."""
        return DurableTaskClient(self)  # type: ignore[arg-type]

    @ORCHESTRATION.signature
    async def schedule_new_orchestration_instance(
        self, orchestrator: str, *args: Any, instance_id: str | None = None, start_at: datetime | None = None,
        **options: Any,
    ) -> str:
        """Forwards to :meth:`DurableTaskClient.schedule_new_orchestration_instance`."""
        return await self.durable_task.schedule_new_orchestration_instance(
            orchestrator, *args, instance_id=instance_id, start_at=start_at, **options
        )

    async def wait_for_instance_start(self, instance_id: str) -> WorkflowExecutionDescription:
        """Forwards to :meth:`DurableTaskClient.wait_for_instance_start`."""
        return await self.durable_task.wait_for_instance_start(instance_id)

    async def wait_for_instance_completion(
        self, instance_id: str, *, fetch_inputs_and_outputs: bool = True
    ) -> OrchestrationMetadata:
        """Forwards to :meth:`DurableTaskClient.wait_for_instance_completion`."""
        return await self.durable_task.wait_for_instance_completion(
            instance_id, fetch_inputs_and_outputs=fetch_inputs_and_outputs
        )

    async def query_instances(self, query: InstanceQuery | None = None) -> InstanceQueryResult:
        """Forwards to :meth:`DurableTaskClient.query_instances`."""
        return await self.durable_task.query_instances(query)

    async def purge_instances(self, query: InstanceQuery, *, max_concurrency: int | None = None) -> int:
        """Forwards to :meth:`DurableTaskClient.purge_instances`."""
        return await self.durable_task.purge_instances(query, max_concurrency=max_concurrency)

    async def raise_event(self, instance_id: str, event_name: str, *args: Any) -> None:
        """Forwards to :meth:`DurableTaskClient.raise_event`."""
        await self.durable_task.raise_event(instance_id, event_name, *args)

    async def terminate_instance(self, instance_id: str, output: Any = None, *, reason: str | None = None) -> None:
        """Forwards to :meth:`DurableTaskClient.terminate_instance`."""
        await self.durable_task.terminate_instance(instance_id, output, reason=reason)

    async def suspend_instance(self, instance_id: str, reason: str | None = None) -> None:
        """Forwards to :meth:`DurableTaskClient.suspend_instance`."""
        await self.durable_task.suspend_instance(instance_id, reason)

    async def resume_instance(self, instance_id: str, reason: str | None = None) -> None:
        """Forwards to :meth:`DurableTaskClient.resume_instance`."""
        await self.durable_task.resume_instance(instance_id, reason)

    async def purge_instance(self, instance_id: str) -> None:
        """Forwards to :meth:`DurableTaskClient.purge_instance`."""
        await self.durable_task.purge_instance(instance_id)

__all__ = ["DurableTaskClient", "DurableTaskNamesMixin"]
