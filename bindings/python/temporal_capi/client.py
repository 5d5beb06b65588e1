"""The asyncio client: connect, configure, and start, list and count workflows.

Besides starting workflows, :class:`Client` lists and counts them
(visibility), runs update-with-start, creates and lists schedules,
completes activities asynchronously, makes raw gRPC calls, and answers to
the Durable Task names.
:class:`ClientConfig` loads environment-configuration profiles.

The types the client returns live in their own modules and are re-exported
here: :class:`~temporal_capi.handle.WorkflowHandle` and
:class:`~temporal_capi.handle.WorkflowUpdateHandle` (:mod:`.handle`),
:class:`~temporal_capi.with_start.WithStartWorkflowOperation`
(:mod:`.with_start`), the visibility results (:mod:`.executions`), the
histories (:mod:`.history`) and schedules (:mod:`.schedule`,
:mod:`.schedule_description`, :mod:`.schedule_handle`).
"""

from __future__ import annotations

import ctypes
import json
import weakref
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Mapping, Sequence

from ._bridge import NativeCall, Outcome
from ._library import RESULT_CLOSED, RESULT_OK, lib, take_string
from ._start import start_request
from .common import (
    Duration,
    KeepAliveConfig,
    Priority,
    RetryConfig,
    RetryPolicy,
    SearchAttributes,
    TLSConfig,
    WorkflowIDConflictPolicy,
    WorkflowIDReusePolicy,
    WorkflowUpdateStage,
    compact,
    duration_json,
    enum_json,
    token_json,
)
from .errors import ClosedError, InvalidArgumentError, WorkflowUpdateFailedError, error_from_json
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
from .schedule import Schedule, ScheduleBackfill
from .schedule_description import ScheduleListDescription, ScheduleListPage
from .schedule_handle import ScheduleHandle, create_schedule_request
from .with_start import WithStartWorkflowOperation

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


def _check_update(result: int, invalid: str) -> None:
    """Raises for a non-OK result of a synchronous client update (API key, headers)."""
    if result == RESULT_CLOSED:
        raise ClosedError("the client is closed", {"code": "closed"})
    if result != RESULT_OK:
        raise InvalidArgumentError(invalid, {"code": "invalid_argument"})


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
        secret_headers: Sequence[str] | None = None,
        max_long_polls: int | None = None,
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
        ``lazy`` defers the connection to the first call. Raises
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
            secret_headers=list(secret_headers) if secret_headers is not None else None,
            max_long_polls=max_long_polls,
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
        _check_update(lib.tc_client_update_api_key(self._handle(), data, len(data or b"")),
                      "api_key must not contain control characters")
        self._api_key = value

    @property
    def rpc_metadata(self) -> dict[str, str]:
        """gRPC metadata sent with every call; assigning replaces it for every later call."""
        return dict(self._rpc_metadata)

    @rpc_metadata.setter
    def rpc_metadata(self, value: Mapping[str, str]) -> None:
        data = _encode(dict(value))
        _check_update(lib.tc_client_update_headers(self._handle(), data, len(data)),
                      "rpc_metadata must map names to strings")
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
        request = start_request(
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

    # -- Schedules ------------------------------------------------------------

    async def create_schedule(
        self,
        id: str,  # noqa: A002 - the official client's name
        schedule: Schedule,
        *,
        trigger_immediately: bool = False,
        backfill: Sequence[ScheduleBackfill] = (),
        memo: Mapping[str, Any] | None = None,
        search_attributes: SearchAttributes | None = None,
    ) -> ScheduleHandle:
        """Creates a schedule and returns its handle.

        ``trigger_immediately`` takes one action right away (overlap
        ``ALLOW_ALL``); ``backfill`` ranges are taken right away;
        ``memo`` and ``search_attributes`` are the schedule's own. Raises
        :class:`~temporal_capi.errors.ScheduleAlreadyRunningError` when the
        id is taken and :class:`~temporal_capi.errors.InvalidArgumentError`
        for a bad schedule (``key`` is the path, e.g.
        ``spec.calendars[0].hour[0]``).
        """
        request = create_schedule_request(
            id,
            schedule,
            trigger_immediately=trigger_immediately,
            backfill=backfill,
            memo=memo,
            search_attributes=search_attributes,
        )
        await self.call(lib.tc_schedule_create, request)
        return ScheduleHandle(self, id)

    def get_schedule_handle(self, id: str) -> ScheduleHandle:  # noqa: A002 - the official client's name
        """A handle to an existing schedule (nothing is checked until it is used)."""
        return ScheduleHandle(self, id)

    async def list_schedules_page(
        self,
        query: str | None = None,
        *,
        page_size: int | None = None,
        next_page_token: bytes | str | None = None,
    ) -> ScheduleListPage:
        """Reads one page of schedules matching a visibility ``query`` (e.g. ``ScheduleId = 'nightly'``; None: all).

        Pass the returned ``next_page_token`` to read the next page; it is
        None after the last page.
        """
        request = compact(query=query or None, page_size=page_size, next_page_token=token_json(next_page_token))
        return ScheduleListPage.from_json(await self.call(lib.tc_schedule_list, request))

    async def list_schedules(
        self,
        query: str | None = None,
        *,
        page_size: int = 1000,
        limit: int | None = None,
        next_page_token: bytes | str | None = None,
    ) -> AsyncIterator[ScheduleListDescription]:
        """Iterates over the schedules matching ``query``, page by page (``async for s in client.list_schedules()``).

        ``limit`` stops after that many rows; ``next_page_token`` resumes
        from a token of :meth:`list_schedules_page`. The list comes from the
        visibility store and is eventually consistent: a new or changed
        schedule may take a moment to show.
        """
        token = next_page_token
        remaining = limit
        while remaining is None or remaining > 0:
            page = await self.list_schedules_page(query, page_size=page_size, next_page_token=token)
            for schedule in page.schedules:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield schedule
            token = page.next_page_token
            if token is None:
                return

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
            compact(update_name=update, update_args=list(args), update_id=id, wait_for_stage=enum_json(wait_for_stage))
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


__all__ = [
    "Client",
    "ClientConfig",
    "NativeFunction",
    # Re-exported so that imports from ``temporal_capi.client`` keep working.
    "ScheduleHandle",
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
