"""The workflow half of update-with-start: :class:`WithStartWorkflowOperation`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from ._start import start_request
from .common import Duration, Priority, RetryPolicy, SearchAttributes, WorkflowIDConflictPolicy, WorkflowIDReusePolicy

if TYPE_CHECKING:
    from .handle import WorkflowHandle


class WithStartWorkflowOperation:
    """The workflow to start for :meth:`Client.start_update_with_start_workflow`.

    Takes :meth:`Client.start_workflow`'s arguments; ``id`` and
    ``id_conflict_policy`` are required. One operation serves one call;
    afterwards :meth:`workflow_handle` returns the workflow's handle.
    """

    def __init__(
        self,
        workflow: str,
        *args: Any,
        id: str,  # noqa: A002 - the official client's name
        task_queue: str,
        id_conflict_policy: WorkflowIDConflictPolicy | str,
        execution_timeout: Duration | None = None,
        run_timeout: Duration | None = None,
        task_timeout: Duration | None = None,
        id_reuse_policy: WorkflowIDReusePolicy | str | None = None,
        retry_policy: RetryPolicy | None = None,
        cron_schedule: str | None = None,
        memo: Mapping[str, Any] | None = None,
        search_attributes: SearchAttributes | None = None,
        start_delay: Duration | None = None,
        static_summary: str | None = None,
        static_details: str | None = None,
        priority: Priority | None = None,
        request_id: str | None = None,
    ) -> None:
        """Describes the workflow; nothing is sent until the operation is used."""
        self.id = id
        self._request = start_request(
            workflow,
            args,
            task_queue=task_queue,
            id=id,
            execution_timeout=execution_timeout,
            run_timeout=run_timeout,
            task_timeout=task_timeout,
            id_reuse_policy=id_reuse_policy,
            id_conflict_policy=id_conflict_policy,
            retry_policy=retry_policy,
            cron_schedule=cron_schedule,
            memo=memo,
            search_attributes=search_attributes,
            start_delay=start_delay,
            static_summary=static_summary,
            static_details=static_details,
            priority=priority,
            request_id=request_id,
        )
        self._used = False
        self._handle: WorkflowHandle | None = None
        self._error: BaseException | None = None

    def _claim(self) -> None:
        if self._used:
            raise RuntimeError("WithStartWorkflowOperation cannot be reused")
        self._used = True

    def _set_handle(self, handle: WorkflowHandle) -> None:
        self._handle = handle

    def _set_error(self, error: BaseException) -> None:
        self._error = error

    async def workflow_handle(self) -> WorkflowHandle:
        """The started (or already running) workflow's handle.

        Raises the start's error if it failed, and ``RuntimeError`` if the
        operation has not been used yet.
        """
        if self._handle is not None:
            return self._handle
        if self._error is not None:
            raise self._error
        raise RuntimeError("the operation has not been used in an update-with-start call yet")


__all__ = ["WithStartWorkflowOperation"]
