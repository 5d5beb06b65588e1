"""The asyncio client: :class:`Client` connects, starts workflows and hands out what acts on them.

Besides starting workflows, :class:`Client` lists and counts them
(visibility), describes task queues, runs update-with-start, creates and
lists schedules, completes activities asynchronously, makes raw gRPC calls,
and answers to the Durable Task names
(:class:`~temporal_capi.durable_task.DurableTaskClient`).
Every call goes through the client's :class:`~temporal_capi._transport.Transport`.

The types the client returns live in their own modules and are re-exported
here: :class:`~temporal_capi.handle.WorkflowHandle` and
:class:`~temporal_capi.handle.WorkflowUpdateHandle` (:mod:`.handle`),
:class:`~temporal_capi.with_start.WithStartWorkflowOperation`
(:mod:`.with_start`), the visibility results (:mod:`.executions`), the
histories (:mod:`.history`) and schedules (:mod:`.schedule`,
:mod:`.schedule_description`, :mod:`.schedule_handle`).
:class:`~temporal_capi.client_config.ClientConfig` loads
environment-configuration profiles.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Mapping, Sequence

from ._library import lib
from ._managed import Managed
from ._pager import page_request, paginate
from ._start import WORKFLOW_START
from ._transport import Transport, encode
from .activity import AsyncActivityHandle
from .client_config import ClientConfig
from .common import (
    Duration,
    KeepAliveConfig,
    RetryConfig,
    TLSConfig,
    WorkflowUpdateStage,
    compact,
    duration_json,
)
from .durable_task import DurableTaskNamesMixin
from .executions import (
    WorkflowExecution,
    WorkflowExecutionCount,
    WorkflowExecutionCountAggregationGroup,
    WorkflowExecutionDescription,
    WorkflowExecutionPage,
)
from .handle import WorkflowHandle, WorkflowUpdateHandle
from .history import WorkflowHistory, WorkflowHistoryEventPage
from .runtime import Runtime
from .schedule_handle import ScheduleHandle, SchedulesMixin
from .service import ServiceClient
from .task_queue import TaskQueueDescription, TaskQueuesMixin
from .with_start import WithStartWorkflowOperation


class Client(Managed, SchedulesMixin, TaskQueuesMixin, DurableTaskNamesMixin):
    """A connection to a Temporal namespace. Create it with :meth:`connect`.

    The schedule methods come from
    :class:`~temporal_capi.schedule_handle.SchedulesMixin`,
    :meth:`describe_task_queue` from
    :class:`~temporal_capi.task_queue.TaskQueuesMixin`, the Durable Task
    names from :class:`~temporal_capi.durable_task.DurableTaskNamesMixin`.

    The client is safe to share between tasks and threads. :meth:`close`
    (or leaving a ``with`` / ``async with`` block, or garbage collection of
    the client and everything it handed out) frees the native client; calls
    already running finish normally, later ones raise
    :class:`~temporal_capi.errors.ClosedError`.
    """

    def __init__(self, transport: Transport, info: Mapping[str, Any]) -> None:
        """Wraps a connected transport; use :meth:`connect` instead."""
        self._transport = transport
        self.runtime = transport.runtime
        self.target_host: str = info.get("address", "")
        self.namespace: str = info.get("namespace", "")
        self.identity: str = info.get("identity", "")
        self.system_info: dict[str, Any] | None = info.get("system_info")
        self._api_key: str | None = None
        self._rpc_metadata: dict[str, str] = {}

    @classmethod
    async def connect(
        cls,
        target_host: str | None = None,
        *,
        namespace: str | None = None,
        api_key: str | None = None,
        tls: bool | TLSConfig | None = None,
        rpc_metadata: Mapping[str, str] | None = None,
        identity: str | None = None,
        profile: str | None = None,
        config_file: str | None = None,
        keep_alive: bool | KeepAliveConfig | None = None,
        retry: RetryConfig | None = None,
        connect_timeout: Duration | None = None,
        secret_headers: Sequence[str] | None = None,
        max_long_polls: int | None = None,
        grpc_compression: str | None = None,
        lazy: bool = False,
        runtime: Runtime | None = None,
    ) -> Client:
        """Connects to a Temporal server.

        ``target_host`` defaults to ``127.0.0.1:7233`` and ``namespace`` to
        ``default``. ``api_key`` is sent as a bearer token and turns TLS on
        unless ``tls=False``. With ``profile`` or ``config_file`` an
        environment-configuration profile is loaded first and the explicit
        arguments override it (file < environment < code). The values of
        the ``rpc_metadata`` headers named in ``secret_headers`` (and of
        ``authorization``) never appear in errors or log records.
        ``max_long_polls`` bounds the long polls the client holds at once
        (default 200; further result waits check with short requests).
        ``grpc_compression`` is ``"gzip"`` (the default, as in the official
        clients) or ``"none"``, which saves CPU when the server is nearby.
        ``lazy`` defers the connection to the first call. Raises
        :class:`~temporal_capi.errors.ConnectionFailedError` when the server
        cannot be reached.
        """
        options = compact(
            address=target_host,
            namespace=namespace,
            api_key=api_key,
            tls=tls.to_json() if isinstance(tls, TLSConfig) else tls,
            headers=dict(rpc_metadata) if rpc_metadata is not None else None,
            identity=identity,
            load=compact(profile=profile, config_file=config_file) if profile or config_file else None,
            keep_alive=keep_alive.to_json() if isinstance(keep_alive, KeepAliveConfig) else keep_alive,
            retry=retry.to_json() if retry else None,
            connect_timeout=duration_json(connect_timeout),
            secret_headers=list(secret_headers) if secret_headers is not None else None,
            max_long_polls=max_long_polls,
            grpc_compression=grpc_compression,
            lazy=lazy or None,
        )
        transport, info = await Transport.connect(runtime or Runtime.default(), options)
        client = cls(transport, info)
        client._api_key = api_key
        client._rpc_metadata = dict(rpc_metadata or {})
        return client

    @property
    def api_key(self) -> str | None:
        """The API key set through this object; assigning replaces it on every later call (None removes it).

        Assigning raises the library's
        :class:`~temporal_capi.errors.InvalidArgumentError` for a key that
        cannot be sent (e.g. with a control character).
        """
        return self._api_key

    @api_key.setter
    def api_key(self, value: str | None) -> None:
        data = value.encode() if value else None
        self._transport.call_checked(lib.tc_client_update_api_key, data, len(data or b""))
        self._api_key = value

    @property
    def rpc_metadata(self) -> dict[str, str]:
        """gRPC metadata sent with every call; assigning replaces it for every later call.

        Assigning raises the library's
        :class:`~temporal_capi.errors.InvalidArgumentError` for a header
        name or value that cannot be sent.
        """
        return dict(self._rpc_metadata)

    @rpc_metadata.setter
    def rpc_metadata(self, value: Mapping[str, str]) -> None:
        data = encode(dict(value))
        self._transport.call_checked(lib.tc_client_update_headers, data, len(data))
        self._rpc_metadata = dict(value)

    def _release(self) -> None:
        self._transport.close()

    @WORKFLOW_START.signature
    async def start_workflow(self, workflow: str, *args: Any, **options: Any) -> WorkflowHandle:
        """Starts a workflow and returns its handle.

        ``args`` are JSON values. With ``start_signal`` the signal (with
        ``start_signal_args``) is sent atomically with the start
        (signal-with-start; an already running workflow just receives the
        signal). Raises
        :class:`~temporal_capi.errors.WorkflowAlreadyStartedError` when the id
        is running and the conflict policy is ``fail``.
        """
        request = WORKFLOW_START.request(workflow, args, options)
        function = lib.tc_workflow_signal_with_start if "signal_name" in request else lib.tc_workflow_start
        started = await self._transport.call(function, request)
        run_id = started["run_id"]
        return WorkflowHandle(
            self._transport, started["workflow_id"], result_run_id=run_id, first_execution_run_id=run_id
        )

    @WORKFLOW_START.signature
    async def execute_workflow(self, workflow: str, *args: Any, **options: Any) -> Any:
        """Starts a workflow (same arguments as :meth:`start_workflow`) and returns its result."""
        handle = await self.start_workflow(workflow, *args, **options)
        return await handle.result()

    def get_workflow_handle(
        self,
        workflow_id: str,
        *,
        run_id: str | None = None,
        first_execution_run_id: str | None = None,
    ) -> WorkflowHandle:
        """A handle to an existing workflow; without ``run_id`` it targets the latest run."""
        return WorkflowHandle(
            self._transport,
            workflow_id,
            run_id=run_id,
            result_run_id=run_id,
            first_execution_run_id=first_execution_run_id,
        )

    # -- Visibility -----------------------------------------------------------

    async def list_workflows_page(
        self,
        query: str = "",
        *,
        page_size: int | None = None,
        next_page_token: bytes | str | None = None,
    ) -> WorkflowExecutionPage:
        """Reads one page of workflow executions matching a visibility ``query``.

        ``query`` uses Temporal's list filter syntax (e.g.
        ``WorkflowType = 'Echo' AND ExecutionStatus = 'Running'``; empty: all
        workflows). Pass the returned ``next_page_token`` to read the next
        page; it is None after the last page. Raises
        :class:`~temporal_capi.errors.InvalidArgumentError` for a malformed
        query or a non-positive ``page_size``.
        """
        request = page_request(compact(query=query or None, page_size=page_size), next_page_token)
        return WorkflowExecutionPage.from_json(await self._transport.call(lib.tc_workflow_list, request))

    async def list_workflows(
        self,
        query: str = "",
        *,
        page_size: int | None = None,
        limit: int | None = None,
        next_page_token: bytes | str | None = None,
    ) -> AsyncIterator[WorkflowExecution]:
        """Iterates over every workflow execution matching ``query``, page by page.

        Use it as ``async for execution in client.list_workflows("...")``.
        ``page_size`` is the number of rows fetched per call (the server's
        default when None), ``limit`` stops after that many rows, and
        ``next_page_token`` resumes from a page token of
        :meth:`list_workflows_page`. Visibility is eventually consistent: a
        workflow just started may not be listed yet.
        """

        async def fetch(token: bytes | str | None) -> tuple[list[WorkflowExecution], bytes | None]:
            page = await self.list_workflows_page(query, page_size=page_size, next_page_token=token)
            return page.executions, page.next_page_token

        async for execution in paginate(fetch, next_page_token, limit):
            yield execution

    async def count_workflows(self, query: str = "") -> WorkflowExecutionCount:
        """Counts the workflow executions matching ``query``.

        A query ending in ``GROUP BY ExecutionStatus`` also returns one
        group per status in ``groups``.
        """
        response = await self._transport.call(lib.tc_workflow_count, compact(query=query or None))
        return WorkflowExecutionCount.from_json(response)

    # -- Updates with start ---------------------------------------------------

    async def start_update_with_start_workflow(
        self,
        update: str,
        *args: Any,
        start_workflow_operation: WithStartWorkflowOperation,
        wait_for_stage: WorkflowUpdateStage | str = WorkflowUpdateStage.ACCEPTED,
        id: str | None = None,  # noqa: A002 - the official client's name
    ) -> WorkflowUpdateHandle:
        """Sends an update, starting the workflow first if it is not running.

        ``start_workflow_operation`` describes the workflow (its
        ``id_conflict_policy`` decides what a running workflow does);
        afterwards ``await start_workflow_operation.workflow_handle()`` gives
        its handle. ``args`` are the update's arguments and ``id`` its
        idempotency id (a UUID when None). As in ``temporalio``, an update
        that was rejected or failed is reported by
        :meth:`WorkflowUpdateHandle.result`, which raises
        :class:`~temporal_capi.errors.WorkflowUpdateFailedError`; a start that
        failed raises here (e.g.
        :class:`~temporal_capi.errors.WorkflowAlreadyStartedError`).
        """
        if not isinstance(start_workflow_operation, WithStartWorkflowOperation):
            kind = type(start_workflow_operation).__name__
            raise TypeError(f"start_workflow_operation must be a WithStartWorkflowOperation, not {kind}")
        return await start_workflow_operation._send(self._transport, update, args, wait_for_stage, id)

    async def execute_update_with_start_workflow(
        self,
        update: str,
        *args: Any,
        start_workflow_operation: WithStartWorkflowOperation,
        id: str | None = None,  # noqa: A002 - the official client's name
    ) -> Any:
        """Like :meth:`start_update_with_start_workflow`, then waits for and returns the update's result.

        Raises :class:`~temporal_capi.errors.WorkflowUpdateFailedError` when
        the update was rejected or failed.
        """
        handle = await self.start_update_with_start_workflow(
            update,
            *args,
            start_workflow_operation=start_workflow_operation,
            wait_for_stage=WorkflowUpdateStage.COMPLETED,
            id=id,
        )
        return await handle.result()

    # -- Asynchronous activity completion, raw RPC ----------------------------

    def get_async_activity_handle(
        self,
        *,
        workflow_id: str | None = None,
        run_id: str | None = None,
        activity_id: str | None = None,
        task_token: bytes | None = None,
    ) -> AsyncActivityHandle:
        """A handle to complete, fail or heartbeat an activity from outside its worker.

        Name the activity by ``task_token`` (the bytes the worker received),
        or by ``workflow_id`` and ``activity_id`` (``run_id``: a specific
        run, the latest when None). Raises
        :class:`~temporal_capi.errors.InvalidArgumentError` (``key`` =
        ``"task_token"``) for any other combination.
        """
        return AsyncActivityHandle(
            self._transport, workflow_id=workflow_id, run_id=run_id, activity_id=activity_id, task_token=task_token
        )

    @property
    def workflow_service(self) -> ServiceClient:
        """Raw calls to ``temporal.api.workflowservice.v1.WorkflowService``: ``call(method, request)``."""
        return ServiceClient(self._transport, "workflow")

    @property
    def operator_service(self) -> ServiceClient:
        """Raw calls to ``temporal.api.operatorservice.v1.OperatorService``: ``call(method, request)``."""
        return ServiceClient(self._transport, "operator")

    @property
    def health_service(self) -> ServiceClient:
        """Raw calls to ``grpc.health.v1.Health`` (``call("Check")``)."""
        return ServiceClient(self._transport, "health")

    async def get_system_info(self) -> dict[str, Any]:
        """Asks the server for its version and capabilities.

        Returns ``{"server_version", "capabilities": {...}}`` and stores it in
        :attr:`system_info` (which a lazy client leaves None at connect).
        """
        info = await self._transport.call(lib.tc_client_system_info, {})
        self.system_info = info
        return info


__all__ = [
    "Client",
    # Re-exported so that imports from ``temporal_capi.client`` keep working.
    "ClientConfig",
    "ScheduleHandle",
    "TaskQueueDescription",
    "WithStartWorkflowOperation",
    "WorkflowExecution",
    "WorkflowExecutionCount",
    "WorkflowExecutionCountAggregationGroup",
    "WorkflowExecutionDescription",
    "WorkflowExecutionPage",
    "WorkflowHandle",
    "WorkflowHistory",
    "WorkflowHistoryEventPage",
    "WorkflowUpdateHandle",
]
