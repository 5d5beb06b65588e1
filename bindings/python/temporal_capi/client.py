"""The asyncio client: connect, start workflows, and act on them through handles."""

from __future__ import annotations

import ctypes
import json
import weakref
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Mapping, Sequence

from ._bridge import NativeCall, Outcome
from ._library import RESULT_CLOSED, RESULT_OK, lib, take_string
from .common import (
    Duration,
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
    compact,
    datetime_from_json,
    duration_from_json,
    duration_json,
    search_attributes_from_json,
    search_attributes_json,
)
from .errors import ClosedError, InvalidArgumentError, error_from_json
from .runtime import Runtime

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
        request = compact(
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


def _enum_json(value: Any) -> Any:
    return getattr(value, "value", value)


@dataclass(frozen=True)
class WorkflowExecutionDescription:
    """What :meth:`WorkflowHandle.describe` reports. ``raw`` is the whole response."""

    id: str
    run_id: str
    workflow_type: str
    task_queue: str
    status: WorkflowExecutionStatus
    start_time: datetime | None
    execution_time: datetime | None
    close_time: datetime | None
    history_length: int
    execution_timeout: timedelta | None
    run_timeout: timedelta | None
    task_timeout: timedelta | None
    memo: dict[str, Any]
    search_attributes: dict[SearchAttributeKey[Any], Any]
    parent_id: str | None
    parent_run_id: str | None
    first_execution_run_id: str | None
    static_summary: str | None
    static_details: str | None
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> WorkflowExecutionDescription:
        """Reads the ``tc_workflow_describe`` response."""
        parent = value.get("parent") or {}
        return cls(
            id=value["workflow_id"],
            run_id=value["run_id"],
            workflow_type=value.get("workflow_type", ""),
            task_queue=value.get("task_queue", ""),
            status=WorkflowExecutionStatus.from_json(value["status"]),
            start_time=datetime_from_json(value.get("start_time")),
            execution_time=datetime_from_json(value.get("execution_time")),
            close_time=datetime_from_json(value.get("close_time")),
            history_length=value.get("history_length", 0),
            execution_timeout=duration_from_json(value.get("execution_timeout")),
            run_timeout=duration_from_json(value.get("run_timeout")),
            task_timeout=duration_from_json(value.get("task_timeout")),
            memo=dict(value.get("memo") or {}),
            search_attributes=search_attributes_from_json(value.get("search_attributes") or {}),
            parent_id=parent.get("workflow_id"),
            parent_run_id=parent.get("run_id"),
            first_execution_run_id=value.get("first_run_id"),
            static_summary=value.get("static_summary"),
            static_details=value.get("static_details"),
            raw=dict(value),
        )


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
