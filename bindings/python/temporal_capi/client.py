"""The asyncio client: connect, start workflows, and act on them through handles.

Besides starting and controlling workflows, :class:`Client` lists and counts
them (visibility), runs update-with-start, completes activities
asynchronously, makes raw gRPC calls, and answers to the Durable Task names;
:class:`WorkflowHandle` fetches histories, sends updates, and deletes,
pauses, unpauses and resets its workflow.
"""

from __future__ import annotations

import ctypes
import json
import weakref
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Literal, Mapping, Sequence

from ._bridge import NativeCall, Outcome
from ._library import RESULT_CLOSED, RESULT_OK, lib, take_string
from .common import (
    Duration,
    HistoryEventFilterType,
    KeepAliveConfig,
    Priority,
    QueryRejectCondition,
    RetryConfig,
    RetryPolicy,
    SearchAttributeKey,
    SearchAttributes,
    TLSConfig,
    WorkflowExecutionStatus,
    WorkflowIDConflictPolicy,
    WorkflowIDReusePolicy,
    WorkflowUpdateStage,
    compact,
    datetime_from_json,
    datetime_json,
    duration_from_json,
    duration_json,
    search_attributes_from_json,
    search_attributes_json,
    token_from_json,
    token_json,
)
from .errors import ApplicationError, ClosedError, InvalidArgumentError, WorkflowUpdateFailedError, error_from_json
from .runtime import Runtime

if TYPE_CHECKING:
    from .activity import AsyncActivityHandle
    from .durable import InstanceQuery, InstanceQueryResult, OrchestrationMetadata
    from .service import ServiceClient

NativeFunction = Callable[..., int]
"""A ``tc_workflow_*`` export."""


def _encode(request: Mapping[str, Any]) -> bytes:
    try:
        return json.dumps(request, allow_nan=False, ensure_ascii=False).encode()
    except (TypeError, ValueError) as err:
        raise InvalidArgumentError(f"value is not JSON-serializable: {err}", {"code": "invalid_argument"}) from err


def _unwrap(outcome: Outcome) -> Any:
    value = outcome.value()
    if outcome.ok:
        return value
    raise error_from_json(value)


class ClientConfig:
    """Temporal environment configuration (TOML profiles and ``TEMPORAL_*`` variables)."""

    @staticmethod
    def load(
        profile: str | None = None,
        config_file: str | None = None,
        *,
        config_data: str | None = None,
        disable_file: bool = False,
        disable_env: bool = False,
        env: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Resolves a profile into keyword arguments for :meth:`Client.connect`.

        ``profile`` defaults to ``$TEMPORAL_PROFILE`` then ``default``;
        ``config_file`` to ``$TEMPORAL_CONFIG_FILE`` then the user's
        ``temporalio/temporal.toml``; ``config_data`` is TOML text used
        instead of a file; ``env`` replaces the process environment. The
        result has ``target_host``, ``namespace``, ``api_key``, ``tls`` and
        ``rpc_metadata`` where the profile sets them. Raises
        :class:`~temporal_capi.errors.ConfigError` for a missing profile or
        unreadable configuration.
        """
        request = _encode(
            compact(
                profile=profile,
                config_file=config_file,
                config_data=config_data,
                disable_file=disable_file or None,
                disable_env=disable_env or None,
                env=dict(env) if env is not None else None,
            )
        )
        out = ctypes.c_void_p()
        length = ctypes.c_size_t()
        result = lib.tc_envconfig_load(request, len(request), ctypes.byref(out), ctypes.byref(length))
        value = json.loads(take_string(out, length.value) or b"{}")
        if result != RESULT_OK:
            raise error_from_json(value)
        tls = value.get("tls")
        return compact(
            target_host=value.get("address"),
            namespace=value.get("namespace"),
            api_key=value.get("api_key"),
            tls=TLSConfig.from_json(tls) if isinstance(tls, dict) else tls,
            rpc_metadata=value.get("headers"),
        )


class Client:
    """A connection to a Temporal namespace. Create it with :meth:`connect`.

    The client is safe to share between tasks and threads. :meth:`close`
    (or garbage collection) frees the native client; calls already running
    finish normally.
    """

    def __init__(self, pointer: int, runtime: Runtime, info: Mapping[str, Any]) -> None:
        """Wraps a connected native client; use :meth:`connect` instead."""
        self._ptr: int | None = pointer
        self._finalizer = weakref.finalize(self, lib.tc_client_free, pointer)
        self.runtime = runtime
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
        lazy: bool = False,
        runtime: Runtime | None = None,
    ) -> Client:
        """Connects to a Temporal server.

        ``target_host`` defaults to ``127.0.0.1:7233`` and ``namespace`` to
        ``default``. ``api_key`` is sent as a bearer token and turns TLS on
        unless ``tls=False``. With ``profile`` or ``config_file`` an
        environment-configuration profile is loaded first and the explicit
        arguments override it (file < environment < code). ``lazy`` defers
        the connection to the first call. Raises
        :class:`~temporal_capi.errors.ConnectionFailedError` when the server
        cannot be reached.
        """
        runtime = runtime or Runtime.default()
        load = compact(profile=profile, config_file=config_file) if profile or config_file else None
        options = compact(
            address=target_host,
            namespace=namespace,
            api_key=api_key,
            tls=tls.to_json() if isinstance(tls, TLSConfig) else tls,
            headers=dict(rpc_metadata) if rpc_metadata is not None else None,
            identity=identity,
            load=load,
            keep_alive=keep_alive.to_json() if isinstance(keep_alive, KeepAliveConfig) else keep_alive,
            retry=retry.to_json() if retry else None,
            connect_timeout=duration_json(connect_timeout),
            lazy=lazy or None,
        )
        body = _encode(options)
        runtime_ptr = runtime.ptr
        outcome = await NativeCall(
            lambda cancel, callback, key: lib.tc_client_connect(
                runtime_ptr, body, len(body), cancel, callback, key
            ),
            client_callback=True,
        )
        info = _unwrap(outcome)
        assert outcome.client, "a successful connect delivers a client"
        client = cls(outcome.client, runtime, info)
        client._api_key = api_key
        client._rpc_metadata = dict(rpc_metadata or {})
        return client

    @property
    def api_key(self) -> str | None:
        """The API key set through this object; assigning replaces it on every later call (None removes it)."""
        return self._api_key

    @api_key.setter
    def api_key(self, value: str | None) -> None:
        data = value.encode() if value else None
        if lib.tc_client_update_api_key(self._handle(), data, len(data or b"")) != RESULT_OK:
            raise ClosedError("the client is closed", {"code": "closed"})
        self._api_key = value

    @property
    def rpc_metadata(self) -> dict[str, str]:
        """gRPC metadata sent with every call; assigning replaces it for every later call."""
        return dict(self._rpc_metadata)

    @rpc_metadata.setter
    def rpc_metadata(self, value: Mapping[str, str]) -> None:
        data = _encode(dict(value))
        result = lib.tc_client_update_headers(self._handle(), data, len(data))
        if result == RESULT_CLOSED:
            raise ClosedError("the client is closed", {"code": "closed"})
        if result != RESULT_OK:
            raise InvalidArgumentError("rpc_metadata must map names to strings", {"code": "invalid_argument"})
        self._rpc_metadata = dict(value)

    def close(self) -> None:
        """Frees the native client; later calls raise ClosedError. Idempotent."""
        self._ptr = None
        self._finalizer()

    def _handle(self) -> int:
        if self._ptr is None:
            raise ClosedError("the client is closed", {"code": "closed"})
        return self._ptr

    async def call(self, function: NativeFunction, request: Mapping[str, Any]) -> Any:
        """Runs one ``tc_*`` operation with a JSON request; returns the decoded response.

        Raises the :mod:`~temporal_capi.errors` class for the error code.
        """
        body = _encode(request)
        pointer = self._handle()
        outcome = await NativeCall(lambda cancel, callback, key: function(pointer, body, len(body), cancel, callback, key))
        return _unwrap(outcome)

    async def start_workflow(
        self,
        workflow: str,
        *args: Any,
        task_queue: str,
        id: str | None = None,  # noqa: A002 - the official client's name
        execution_timeout: Duration | None = None,
        run_timeout: Duration | None = None,
        task_timeout: Duration | None = None,
        id_reuse_policy: WorkflowIDReusePolicy | str | None = None,
        id_conflict_policy: WorkflowIDConflictPolicy | str | None = None,
        retry_policy: RetryPolicy | None = None,
        cron_schedule: str | None = None,
        memo: Mapping[str, Any] | None = None,
        search_attributes: SearchAttributes | None = None,
        start_delay: Duration | None = None,
        static_summary: str | None = None,
        static_details: str | None = None,
        priority: Priority | None = None,
        request_id: str | None = None,
        start_signal: str | None = None,
        start_signal_args: Sequence[Any] = (),
    ) -> WorkflowHandle:
        """Starts a workflow and returns its handle.

        ``args`` are JSON values. With ``start_signal`` the signal is sent
        atomically with the start (signal-with-start; an already running
        workflow just receives the signal). Raises
        :class:`~temporal_capi.errors.WorkflowAlreadyStartedError` when the id
        is running and the conflict policy is ``fail``.
        """
        request = _start_request(
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
        if start_signal is not None:
            request.update(signal_name=start_signal, signal_args=list(start_signal_args))
            started = await self.call(lib.tc_workflow_signal_with_start, request)
        else:
            started = await self.call(lib.tc_workflow_start, request)
        return WorkflowHandle(
            self,
            started["workflow_id"],
            result_run_id=started["run_id"],
            first_execution_run_id=started["run_id"],
        )

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
            self, workflow_id, run_id=run_id, result_run_id=run_id, first_execution_run_id=first_execution_run_id
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
        request = compact(query=query or None, page_size=page_size, next_page_token=token_json(next_page_token))
        response = await self.call(lib.tc_workflow_list, request)
        return WorkflowExecutionPage.from_json(response)

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
        token = next_page_token
        remaining = limit
        while remaining is None or remaining > 0:
            page = await self.list_workflows_page(query, page_size=page_size, next_page_token=token)
            for execution in page.executions:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield execution
            token = page.next_page_token
            if token is None:
                return

    async def count_workflows(self, query: str = "") -> WorkflowExecutionCount:
        """Counts the workflow executions matching ``query``.

        A query ending in ``GROUP BY ExecutionStatus`` also returns one
        group per status in ``groups``.
        """
        response = await self.call(lib.tc_workflow_count, compact(query=query or None))
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
        operation = start_workflow_operation
        operation._claim()
        request = dict(operation._request)
        request.update(
            compact(update_name=update, update_args=list(args), update_id=id, wait_for_stage=_enum_json(wait_for_stage))
        )
        try:
            response = await self.call(lib.tc_workflow_update_with_start, request)
        except WorkflowUpdateFailedError as failed:
            operation._set_handle(WorkflowHandle(self, operation.id))
            return WorkflowUpdateHandle(self, failed.update_id or id or "", operation.id, known_failure=failed)
        except BaseException as error:
            operation._set_error(error)
            raise
        run_id = response["run_id"]
        operation._set_handle(
            WorkflowHandle(self, response["workflow_id"], result_run_id=run_id, first_execution_run_id=run_id)
        )
        return WorkflowUpdateHandle._from_response(self, response, response["workflow_id"], None)

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

    # -- Asynchronous activity completion -------------------------------------

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
        from .activity import AsyncActivityHandle

        return AsyncActivityHandle(
            self, workflow_id=workflow_id, run_id=run_id, activity_id=activity_id, task_token=task_token
        )

    # -- Raw RPC --------------------------------------------------------------

    @property
    def workflow_service(self) -> ServiceClient:
        """Raw calls to ``temporal.api.workflowservice.v1.WorkflowService``: ``call(method, request)``."""
        return self._service("workflow")

    @property
    def operator_service(self) -> ServiceClient:
        """Raw calls to ``temporal.api.operatorservice.v1.OperatorService``: ``call(method, request)``."""
        return self._service("operator")

    @property
    def health_service(self) -> ServiceClient:
        """Raw calls to ``grpc.health.v1.Health`` (``call("Check")``)."""
        return self._service("health")

    def _service(self, name: str) -> ServiceClient:
        from .service import ServiceClient

        return ServiceClient(self, name)

    async def get_system_info(self) -> dict[str, Any]:
        """Asks the server for its version and capabilities.

        Returns ``{"server_version", "capabilities": {...}}`` and stores it in
        :attr:`system_info` (which a lazy client leaves None at connect).
        """
        info = await self.call(lib.tc_client_system_info, {})
        self.system_info = info
        return info

    # -- Durable Task names ---------------------------------------------------

    async def schedule_new_orchestration_instance(
        self,
        orchestrator: str,
        *args: Any,
        task_queue: str,
        instance_id: str | None = None,
        start_at: datetime | None = None,
        **options: Any,
    ) -> str:
        """Durable Task ``ScheduleNewOrchestrationInstance``: :meth:`start_workflow` by another name.

        ``orchestrator`` is the workflow type, ``args`` its input,
        ``instance_id`` the workflow id (a UUID when None). ``start_at``
        postpones the first workflow task to that time (``start_delay`` =
        ``start_at`` - now; a naive datetime is UTC; a past time starts
        now). Other keywords are :meth:`start_workflow`'s. Returns the
        instance id.
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
        handle = await self.start_workflow(orchestrator, *args, task_queue=task_queue, id=instance_id, **options)
        return handle.id

    async def wait_for_instance_start(self, instance_id: str) -> WorkflowExecutionDescription:
        """Durable Task ``WaitForInstanceStart``: waits until a worker picked up the first workflow task.

        Also returns when the run closed first. Returns the description at
        that moment. Raises :class:`~temporal_capi.errors.NotFoundError` for
        an unknown id.
        """
        response = await self.call(lib.tc_workflow_wait_for_start, {"workflow_id": instance_id})
        return WorkflowExecutionDescription.from_json(response)

    async def wait_for_instance_completion(
        self, instance_id: str, *, fetch_inputs_and_outputs: bool = True
    ) -> OrchestrationMetadata:
        """Durable Task ``WaitForInstanceCompletion``: waits for the workflow to close and reports how.

        Follows continue-as-new to the final run and never raises for how it
        ended: ``status`` says it and ``failure`` holds the decoded failure.
        ``input`` (the final run's args) and ``output`` are filled only with
        ``fetch_inputs_and_outputs``.
        """
        from .durable import OrchestrationMetadata

        response = await self.call(
            lib.tc_workflow_wait_for_completion,
            {"workflow_id": instance_id, "get_inputs_and_outputs": fetch_inputs_and_outputs},
        )
        return OrchestrationMetadata.from_json(response)

    async def query_instances(self, query: InstanceQuery | None = None) -> InstanceQueryResult:
        """Durable Task ``QueryInstances``: one page of the workflows matching a filter.

        Pass ``result.continuation_token`` as the next query's
        ``continuation_token`` to read on; it is None after the last page.
        """
        from .durable import InstanceQuery, InstanceQueryResult

        request = (query or InstanceQuery()).to_json()
        response = await self.call(lib.tc_workflow_query_instances, request)
        return InstanceQueryResult.from_json(response)

    async def purge_instances(self, query: InstanceQuery, *, max_concurrency: int | None = None) -> int:
        """Durable Task ``PurgeInstances``: deletes every workflow matching the filter.

        Paging fields of ``query`` are ignored. Returns how many were
        deleted; if a delete fails, the raised error's
        ``error["purged_count"]`` says how many were deleted before.
        """
        request = query.to_json(paging=False)
        request.update(compact(max_concurrency=max_concurrency))
        response = await self.call(lib.tc_workflow_purge_instances, request)
        return int(response["purged_count"])

    async def raise_event(self, instance_id: str, event_name: str, *args: Any) -> None:
        """Durable Task ``RaiseEvent``: sends the signal ``event_name`` with ``args`` to the latest run."""
        await self.get_workflow_handle(instance_id).signal(event_name, *args)

    async def terminate_instance(self, instance_id: str, output: Any = None, *, reason: str | None = None) -> None:
        """Durable Task ``TerminateInstance``: terminates the workflow; ``output`` is recorded as the detail."""
        details = [] if output is None else [output]
        await self.get_workflow_handle(instance_id).terminate(reason, details)

    async def suspend_instance(self, instance_id: str, reason: str | None = None) -> None:
        """Durable Task ``SuspendInstance``: pauses the workflow (see :meth:`WorkflowHandle.pause`)."""
        await self.get_workflow_handle(instance_id).pause(reason)

    async def resume_instance(self, instance_id: str, reason: str | None = None) -> None:
        """Durable Task ``ResumeInstance``: unpauses the workflow (see :meth:`WorkflowHandle.unpause`)."""
        await self.get_workflow_handle(instance_id).unpause(reason)

    async def purge_instance(self, instance_id: str) -> None:
        """Durable Task ``PurgeInstance``: deletes the workflow and its history (see :meth:`WorkflowHandle.delete`)."""
        await self.get_workflow_handle(instance_id).delete()


def _enum_json(value: Any) -> Any:
    return getattr(value, "value", value)


def _start_request(
    workflow: str,
    args: Sequence[Any],
    *,
    task_queue: str,
    id: str | None = None,  # noqa: A002
    execution_timeout: Duration | None = None,
    run_timeout: Duration | None = None,
    task_timeout: Duration | None = None,
    id_reuse_policy: WorkflowIDReusePolicy | str | None = None,
    id_conflict_policy: WorkflowIDConflictPolicy | str | None = None,
    retry_policy: RetryPolicy | None = None,
    cron_schedule: str | None = None,
    memo: Mapping[str, Any] | None = None,
    search_attributes: SearchAttributes | None = None,
    start_delay: Duration | None = None,
    static_summary: str | None = None,
    static_details: str | None = None,
    priority: Priority | None = None,
    request_id: str | None = None,
) -> dict[str, Any]:
    """The ``tc_workflow_start`` request for :meth:`Client.start_workflow`'s arguments."""
    return compact(
        workflow_type=workflow,
        task_queue=task_queue,
        id=id,
        args=list(args),
        execution_timeout=duration_json(execution_timeout),
        run_timeout=duration_json(run_timeout),
        task_timeout=duration_json(task_timeout),
        id_reuse_policy=_enum_json(id_reuse_policy),
        id_conflict_policy=_enum_json(id_conflict_policy),
        retry_policy=retry_policy.to_json() if retry_policy else None,
        cron_schedule=cron_schedule,
        memo=dict(memo) if memo is not None else None,
        search_attributes=search_attributes_json(search_attributes) if search_attributes else None,
        start_delay=duration_json(start_delay),
        static_summary=static_summary,
        static_details=static_details,
        priority=priority.to_json() if priority else None,
        request_id=request_id,
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
            next_page_token=token_from_json(value.get("next_page_token")),
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


@dataclass(frozen=True)
class WorkflowHistory:
    """A workflow's id and its history events.

    ``events`` are canonical proto3 JSON ``HistoryEvent`` messages
    (lowerCamelCase keys, enums by name such as
    ``"EVENT_TYPE_WORKFLOW_EXECUTION_STARTED"``, int64 as strings), the
    format ``temporal workflow show --output json`` prints.
    """

    workflow_id: str
    events: list[dict[str, Any]]

    @property
    def run_id(self) -> str:
        """The run id recorded in the first (started) event."""
        if not self.events:
            raise RuntimeError("No events")
        attributes = self.events[0].get("workflowExecutionStartedEventAttributes")
        if attributes is None:
            raise RuntimeError("First event is not workflow start")
        return attributes.get("originalExecutionRunId", "")

    def to_json_dict(self) -> dict[str, Any]:
        """``{"events": [...]}``, the shape of an exported history file."""
        return {"events": list(self.events)}

    def to_json(self) -> str:
        """The history as JSON text (``{"events": [...]}``)."""
        return json.dumps(self.to_json_dict())

    @staticmethod
    def from_json(workflow_id: str, history: str | Mapping[str, Any]) -> WorkflowHistory:
        """A history from :meth:`to_json` output or an exported history (text or parsed)."""
        parsed = json.loads(history) if isinstance(history, str) else history
        return WorkflowHistory(workflow_id, list(parsed.get("events") or []))


@dataclass(frozen=True)
class WorkflowHistoryEventPage:
    """One page of :meth:`WorkflowHandle.fetch_history_events_page`.

    ``next_page_token`` is None after the last page (of a closed run).
    """

    events: list[dict[str, Any]]
    next_page_token: bytes | None


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
        self._request = _start_request(
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


class WorkflowUpdateHandle:
    """One update of a workflow: its ``id``, the workflow it targets, and :meth:`result`."""

    def __init__(
        self,
        client: Client,
        id: str,  # noqa: A002 - the official client's name
        workflow_id: str,
        *,
        workflow_run_id: str | None = None,
        known_result: Any = None,
        has_result: bool = False,
        known_failure: WorkflowUpdateFailedError | None = None,
    ) -> None:
        """Use :meth:`WorkflowHandle.start_update` or :meth:`WorkflowHandle.get_update_handle`."""
        self.client = client
        self._id = id
        self._workflow_id = workflow_id
        self._workflow_run_id = workflow_run_id
        self._result = known_result
        self._has_result = has_result
        self._failure = known_failure

    @classmethod
    def _from_response(
        cls, client: Client, response: Mapping[str, Any], workflow_id: str, run_id: str | None
    ) -> WorkflowUpdateHandle:
        return cls(
            client,
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
                response = await self.client.call(lib.tc_workflow_update_result, request)
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
        client: Client,
        id: str,  # noqa: A002 - the official client's name
        *,
        run_id: str | None = None,
        result_run_id: str | None = None,
        first_execution_run_id: str | None = None,
    ) -> None:
        """Use :meth:`Client.start_workflow` or :meth:`Client.get_workflow_handle`."""
        self.client = client
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
        response = await self.client.call(lib.tc_workflow_result, request)
        return response["result"]

    async def describe(self) -> WorkflowExecutionDescription:
        """The run's status, times, timeouts, memo and search attributes."""
        response = await self.client.call(lib.tc_workflow_describe, self._target())
        return WorkflowExecutionDescription.from_json(response)

    async def signal(self, signal: str, *args: Any) -> None:
        """Sends a signal with JSON ``args``."""
        request = self._target()
        request.update(signal_name=signal, args=list(args))
        await self.client.call(lib.tc_workflow_signal, request)

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
        request.update(compact(query_type=query, args=list(args), reject_condition=_enum_json(reject_condition)))
        response = await self.client.call(lib.tc_workflow_query, request)
        return response["result"]

    async def cancel(self, reason: str | None = None) -> None:
        """Requests cancellation of the workflow."""
        request = self._target()
        request.update(compact(reason=reason, first_execution_run_id=self.first_execution_run_id))
        await self.client.call(lib.tc_workflow_cancel, request)

    async def terminate(self, reason: str | None = None, details: Sequence[Any] = ()) -> None:
        """Terminates the workflow at once, recording ``reason`` and ``details``."""
        request = self._target()
        request.update(
            compact(reason=reason, details=list(details), first_execution_run_id=self.first_execution_run_id)
        )
        await self.client.call(lib.tc_workflow_terminate, request)

    # -- History --------------------------------------------------------------

    async def fetch_history(self) -> WorkflowHistory:
        """The run's whole history (every page), as :class:`WorkflowHistory`."""
        response = await self.client.call(lib.tc_workflow_export_history, self._target())
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
                event_filter=_enum_json(event_filter_type),
                wait_new_event=wait_new_event or None,
                skip_archival=skip_archival or None,
                page_size=page_size,
                next_page_token=token_json(next_page_token),
            )
        )
        response = await self.client.call(lib.tc_workflow_fetch_history, request)
        return WorkflowHistoryEventPage(
            list(response.get("events") or []), token_from_json(response.get("next_page_token"))
        )

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
        token = next_page_token
        while True:
            page = await self.fetch_history_events_page(
                page_size=page_size,
                next_page_token=token,
                wait_new_event=wait_new_event,
                event_filter_type=event_filter_type,
                skip_archival=skip_archival,
            )
            for event in page.events:
                yield event
            if page.next_page_token is None:
                return
            token = page.next_page_token

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
        response = await self.client.call(lib.tc_workflow_update, self._update_request(update, args, id))
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
        request["wait_for_stage"] = _enum_json(wait_for_stage)
        try:
            response = await self.client.call(lib.tc_workflow_start_update, request)
        except WorkflowUpdateFailedError as failed:
            return WorkflowUpdateHandle(
                self.client, failed.update_id or id or "", self.id, workflow_run_id=self.run_id, known_failure=failed
            )
        return WorkflowUpdateHandle._from_response(self.client, response, self.id, self.run_id)

    def get_update_handle(self, id: str, *, workflow_run_id: str | None = None) -> WorkflowUpdateHandle:  # noqa: A002
        """A handle to an update already sent to this workflow (``workflow_run_id`` defaults to the handle's run)."""
        return WorkflowUpdateHandle(self.client, id, self.id, workflow_run_id=workflow_run_id or self.run_id)

    # -- Lifecycle ------------------------------------------------------------

    async def delete(self) -> None:
        """Deletes the run and its history (a running run is terminated first).

        Deletion completes asynchronously on the server; describe may still
        find the run for a short while.
        """
        await self.client.call(lib.tc_workflow_delete, self._target())

    async def pause(self, reason: str | None = None) -> None:
        """Pauses the workflow: no workflow or activity tasks are dispatched until :meth:`unpause`.

        Needs the server's ``frontend.WorkflowPauseEnabled``; describe then
        reports the status :attr:`WorkflowExecutionStatus.PAUSED`.
        """
        request = self._target()
        request.update(compact(reason=reason))
        await self.client.call(lib.tc_workflow_pause, request)

    async def unpause(self, reason: str | None = None) -> None:
        """Resumes a workflow paused with :meth:`pause`."""
        request = self._target()
        request.update(compact(reason=reason))
        await self.client.call(lib.tc_workflow_unpause, request)

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
        response = await self.client.call(lib.tc_workflow_reset, request)
        return str(response["run_id"])
