"""Update-with-start: the workflow half (:class:`WithStartWorkflowOperation`) and the call that sends both."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from ._library import lib
from ._start import WITH_START
from .common import WorkflowUpdateStage, compact, enum_json
from .errors import WorkflowUpdateFailedError
from .handle import WorkflowHandle, WorkflowUpdateHandle

if TYPE_CHECKING:
    from ._transport import Transport


class WithStartWorkflowOperation:
    """The workflow to start for :meth:`Client.start_update_with_start_workflow
    <temporal_capi.Client.start_update_with_start_workflow>`.

    Takes :meth:`Client.start_workflow <temporal_capi.Client.start_workflow>`'s
    arguments but the start signal; ``id`` and ``id_conflict_policy`` are
    required. One operation serves one call; afterwards
    :meth:`workflow_handle` returns the workflow's handle.
    """

    @WITH_START.signature
    def __init__(self, workflow: str, *args: Any, **options: Any) -> None:
        """Describes the workflow; nothing is sent until the operation is used."""
        self._request = WITH_START.request(workflow, args, options)
        self.id: str = options["id"]
        self._used = False
        self._handle: WorkflowHandle | None = None
        self._error: BaseException | None = None

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

    async def _send(
        self,
        transport: Transport,
        update: str,
        args: Sequence[Any],
        wait_for_stage: WorkflowUpdateStage | str,
        update_id: str | None,
    ) -> WorkflowUpdateHandle:
        """Sends the update with this start (once); records the workflow's handle or the start's error."""
        if self._used:
            raise RuntimeError("WithStartWorkflowOperation cannot be reused")
        self._used = True
        request = dict(self._request)
        stage = enum_json(wait_for_stage)
        request.update(compact(update_name=update, update_args=list(args), update_id=update_id, wait_for_stage=stage))
        try:
            response = await transport.call(lib.tc_workflow_update_with_start, request)
        except WorkflowUpdateFailedError as failed:
            self._handle = WorkflowHandle(transport, self.id)
            return WorkflowUpdateHandle(transport, failed.update_id or update_id or "", self.id, known_failure=failed)
        except BaseException as error:
            self._error = error
            raise
        run_id = response["run_id"]
        workflow_id = response["workflow_id"]
        self._handle = WorkflowHandle(transport, workflow_id, result_run_id=run_id, first_execution_run_id=run_id)
        return WorkflowUpdateHandle._from_response(transport, response, workflow_id, None)


__all__ = ["WithStartWorkflowOperation"]
