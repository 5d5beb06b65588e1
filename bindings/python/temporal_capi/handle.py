"""Acting on one workflow (:class:`WorkflowHandle`) and on one of its updates (:class:`WorkflowUpdateHandle`).

A :class:`WorkflowHandle` signals, queries, cancels and terminates its
workflow, waits for its result, fetches its history, sends updates, and
deletes, pauses, unpauses and resets it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, AsyncIterator, Literal, Mapping, Sequence

from ._library import lib
from ._pager import next_token, page_request, paginate
from .common import (
    HistoryEventFilterType,
    QueryRejectCondition,
    WorkflowUpdateStage,
    compact,
    enum_json,
    token_from_json,
)
from .errors import WorkflowUpdateFailedError
from .executions import WorkflowExecutionDescription
from .history import WorkflowHistory, WorkflowHistoryEventPage

if TYPE_CHECKING:
    from ._transport import Transport


class WorkflowUpdateHandle:
    """One update of a workflow: its ``id``, the workflow it targets, and :meth:`result`."""

    def __init__(
        self,
        transport: Transport,
        id: str,  # noqa: A002 - the official client's name
        workflow_id: str,
        *,
        workflow_run_id: str | None = None,
        known_result: Any = None,
        has_result: bool = False,
        known_failure: WorkflowUpdateFailedError | None = None,
    ) -> None:
        """Use :meth:`WorkflowHandle.start_update` or :meth:`WorkflowHandle.get_update_handle`."""
        self._transport = transport
        self._id = id
        self._workflow_id = workflow_id
        self._workflow_run_id = workflow_run_id
        self._result = known_result
        self._has_result = has_result
        self._failure = known_failure

    @classmethod
    def _from_response(
        cls, transport: Transport, response: Mapping[str, Any], workflow_id: str, run_id: str | None
    ) -> WorkflowUpdateHandle:
        return cls(
            transport,
            response["update_id"],
            workflow_id,
            workflow_run_id=run_id,
            known_result=response.get("result"),
            has_result="result" in response,
        )

    @property
    def id(self) -> str:
        """The update's id."""
        return self._id

    @property
    def workflow_id(self) -> str:
        """The id of the workflow the update targets."""
        return self._workflow_id

    @property
    def workflow_run_id(self) -> str | None:
        """The run the update targets, or None for the latest run."""
        return self._workflow_run_id

    async def result(self) -> Any:
        """Waits for the update to complete and returns its result.

        No call is made when the outcome is already known. Raises
        :class:`~temporal_capi.errors.WorkflowUpdateFailedError` when the
        update was rejected or failed, and
        :class:`~temporal_capi.errors.NotFoundError` for an unknown update id.
        """
        if self._failure is not None:
            raise self._failure
        if not self._has_result:
            request = compact(workflow_id=self._workflow_id, run_id=self._workflow_run_id, update_id=self._id)
            try:
                response = await self._transport.call(lib.tc_workflow_update_result, request)
            except WorkflowUpdateFailedError as failed:
                self._failure = failed
                raise
            self._result, self._has_result = response.get("result"), True
        return self._result


class WorkflowHandle:
    """Acts on one workflow.

    ``run_id`` pins signals, queries, cancel, terminate and describe to one
    run (None: the latest run). ``result_run_id`` is the run whose result
    :meth:`result` waits for; ``first_execution_run_id`` limits cancel and
    terminate to the chain that run started.
    """

    def __init__(
        self,
        transport: Transport,
        id: str,  # noqa: A002 - the official client's name
        *,
        run_id: str | None = None,
        result_run_id: str | None = None,
        first_execution_run_id: str | None = None,
    ) -> None:
        """Use :meth:`Client.start_workflow` or :meth:`Client.get_workflow_handle`."""
        self._transport = transport
        self.id = id
        self.run_id = run_id
        self.result_run_id = result_run_id
        self.first_execution_run_id = first_execution_run_id

    def _target(self, run_id: str | None = None) -> dict[str, Any]:
        return compact(workflow_id=self.id, run_id=run_id or self.run_id)

    async def result(self, *, follow_runs: bool = True) -> Any:
        """Waits for the workflow's result.

        Follows continue-as-new, retries and cron runs unless
        ``follow_runs`` is False. Raises
        :class:`~temporal_capi.errors.WorkflowFailureError` if the run failed,
        was cancelled, terminated or timed out, and
        :class:`~temporal_capi.errors.WorkflowContinuedAsNewError` when not
        following a run that continued as new.
        """
        request = self._target(self.result_run_id)
        request["follow_runs"] = follow_runs
        response = await self._transport.call(lib.tc_workflow_result, request)
        return response["result"]

    async def describe(self) -> WorkflowExecutionDescription:
        """The run's status, times, timeouts, memo and search attributes."""
        response = await self._transport.call(lib.tc_workflow_describe, self._target())
        return WorkflowExecutionDescription.from_json(response)

    async def signal(self, signal: str, *args: Any) -> None:
        """Sends a signal with JSON ``args``."""
        request = self._target()
        request.update(signal_name=signal, args=list(args))
        await self._transport.call(lib.tc_workflow_signal, request)

    async def query(
        self, query: str, *args: Any, reject_condition: QueryRejectCondition | str | None = None
    ) -> Any:
        """Runs a query and returns its result.

        Raises :class:`~temporal_capi.errors.WorkflowQueryFailedError` for an
        unknown query or a failing handler, and
        :class:`~temporal_capi.errors.WorkflowQueryRejectedError` when
        ``reject_condition`` matches.
        """
        request = self._target()
        request.update(compact(query_type=query, args=list(args), reject_condition=enum_json(reject_condition)))
        response = await self._transport.call(lib.tc_workflow_query, request)
        return response["result"]

    async def cancel(self, reason: str | None = None) -> None:
        """Requests cancellation of the workflow."""
        request = self._target()
        request.update(compact(reason=reason, first_execution_run_id=self.first_execution_run_id))
        await self._transport.call(lib.tc_workflow_cancel, request)

    async def terminate(self, reason: str | None = None, details: Sequence[Any] = ()) -> None:
        """Terminates the workflow at once, recording ``reason`` and ``details``."""
        request = self._target()
        request.update(
            compact(reason=reason, details=list(details), first_execution_run_id=self.first_execution_run_id)
        )
        await self._transport.call(lib.tc_workflow_terminate, request)

    # -- History --------------------------------------------------------------

    async def fetch_history(self) -> WorkflowHistory:
        """The run's whole history (every page), as :class:`WorkflowHistory`."""
        response = await self._transport.call(lib.tc_workflow_export_history, self._target())
        return WorkflowHistory(self.id, list(response.get("events") or []))

    async def fetch_history_events_page(
        self,
        *,
        page_size: int | None = None,
        next_page_token: bytes | str | None = None,
        wait_new_event: bool = False,
        event_filter_type: HistoryEventFilterType | str = HistoryEventFilterType.ALL_EVENT,
        skip_archival: bool = False,
    ) -> WorkflowHistoryEventPage:
        """One page of the run's history events.

        ``wait_new_event`` long-polls until an event past ``next_page_token``
        exists (a server poll timeout returns no events and the same token);
        with ``event_filter_type=CLOSE_EVENT`` it waits for the close event.
        """
        request = self._target()
        request.update(
            compact(
                event_filter=enum_json(event_filter_type),
                wait_new_event=wait_new_event or None,
                skip_archival=skip_archival or None,
                page_size=page_size,
            )
        )
        response = await self._transport.call(lib.tc_workflow_fetch_history, page_request(request, next_page_token))
        return WorkflowHistoryEventPage(list(response.get("events") or []), token_from_json(next_token(response)))

    async def fetch_history_events(
        self,
        *,
        page_size: int | None = None,
        next_page_token: bytes | str | None = None,
        wait_new_event: bool = False,
        event_filter_type: HistoryEventFilterType | str = HistoryEventFilterType.ALL_EVENT,
        skip_archival: bool = False,
    ) -> AsyncIterator[dict[str, Any]]:
        """Iterates over the run's history events page by page (``async for event in ...``).

        Without ``wait_new_event`` it ends at the current end of the
        history; with it, it follows the history until the run closes.
        """

        async def fetch(token: bytes | str | None) -> tuple[list[dict[str, Any]], bytes | None]:
            page = await self.fetch_history_events_page(
                page_size=page_size,
                next_page_token=token,
                wait_new_event=wait_new_event,
                event_filter_type=event_filter_type,
                skip_archival=skip_archival,
            )
            return page.events, page.next_page_token

        async for event in paginate(fetch, next_page_token):
            yield event

    # -- Updates --------------------------------------------------------------

    def _update_request(self, update: str, args: Sequence[Any], id: str | None) -> dict[str, Any]:  # noqa: A002
        request = self._target()
        request.update(
            compact(
                update_name=update,
                args=list(args),
                update_id=id,
                first_execution_run_id=self.first_execution_run_id,
            )
        )
        return request

    async def execute_update(self, update: str, *args: Any, id: str | None = None) -> Any:  # noqa: A002
        """Sends the update ``update`` with JSON ``args``, waits for it to complete and returns its result.

        ``id`` is the update's idempotency id (a UUID when None): sending the
        same id again returns the first outcome. Raises
        :class:`~temporal_capi.errors.WorkflowUpdateFailedError` when the
        validator rejected the update or its handler failed.
        """
        response = await self._transport.call(lib.tc_workflow_update, self._update_request(update, args, id))
        return response.get("result")

    async def start_update(
        self,
        update: str,
        *args: Any,
        id: str | None = None,  # noqa: A002 - the official client's name
        wait_for_stage: WorkflowUpdateStage | str = WorkflowUpdateStage.ACCEPTED,
    ) -> WorkflowUpdateHandle:
        """Sends an update and returns once it reached ``wait_for_stage``.

        The returned :class:`WorkflowUpdateHandle` waits for the result. As
        in ``temporalio``, a rejected update is reported by its ``result()``
        (:class:`~temporal_capi.errors.WorkflowUpdateFailedError`), not here.
        """
        request = self._update_request(update, args, id)
        request["wait_for_stage"] = enum_json(wait_for_stage)
        try:
            response = await self._transport.call(lib.tc_workflow_start_update, request)
        except WorkflowUpdateFailedError as failed:
            return WorkflowUpdateHandle(
                self._transport, failed.update_id or id or "", self.id, workflow_run_id=self.run_id, known_failure=failed
            )
        return WorkflowUpdateHandle._from_response(self._transport, response, self.id, self.run_id)

    def get_update_handle(self, id: str, *, workflow_run_id: str | None = None) -> WorkflowUpdateHandle:  # noqa: A002
        """A handle to an update already sent to this workflow (``workflow_run_id`` defaults to the handle's run)."""
        return WorkflowUpdateHandle(self._transport, id, self.id, workflow_run_id=workflow_run_id or self.run_id)

    # -- Lifecycle ------------------------------------------------------------

    async def delete(self) -> None:
        """Deletes the run and its history (a running run is terminated first).

        Deletion completes asynchronously on the server; describe may still
        find the run for a short while.
        """
        await self._transport.call(lib.tc_workflow_delete, self._target())

    async def pause(self, reason: str | None = None) -> None:
        """Pauses the workflow: no workflow or activity tasks are dispatched until :meth:`unpause`.

        Needs the server's ``frontend.WorkflowPauseEnabled``; describe then
        reports the status :attr:`WorkflowExecutionStatus.PAUSED`.
        """
        request = self._target()
        request.update(compact(reason=reason))
        await self._transport.call(lib.tc_workflow_pause, request)

    async def unpause(self, reason: str | None = None) -> None:
        """Resumes a workflow paused with :meth:`pause`."""
        request = self._target()
        request.update(compact(reason=reason))
        await self._transport.call(lib.tc_workflow_unpause, request)

    async def reset(
        self,
        event_id: int | None = None,
        *,
        to: Literal["first_workflow_task", "last_workflow_task"] | None = None,
        reason: str | None = None,
        request_id: str | None = None,
    ) -> str:
        """Resets the run to a point of its history and returns the new run's id.

        Give exactly one of ``event_id`` (a WorkflowTaskCompleted event) and
        ``to``. The old run is terminated; signals after the reset point are
        reapplied to the new run. Raises
        :class:`~temporal_capi.errors.InvalidArgumentError` for a bad target.
        """
        request = self._target()
        request.update(compact(event_id=event_id, to=to, reason=reason, request_id=request_id))
        response = await self._transport.call(lib.tc_workflow_reset, request)
        return str(response["run_id"])


__all__ = ["WorkflowHandle", "WorkflowUpdateHandle"]
