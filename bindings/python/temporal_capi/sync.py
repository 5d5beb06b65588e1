"""The blocking client, for scripts and threads: no event loop needed.

Every method takes the same arguments as its asyncio twin in
:mod:`temporal_capi` and runs the same code; the calling thread blocks until
the native call completes. Ctrl-C while waiting cancels the native call.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Iterator, Mapping, TypeVar

from . import activity as _activity
from . import client as _aio
from . import handle as _handle
from . import schedule_handle as _schedule_handle
from . import service as _service
from . import with_start as _with_start
from ._bridge import drive
from .activity import ActivityHeartbeatResult
from .durable import InstanceQuery, InstanceQueryResult, OrchestrationMetadata
from .executions import WorkflowExecution, WorkflowExecutionCount, WorkflowExecutionDescription, WorkflowExecutionPage
from .history import WorkflowHistory, WorkflowHistoryEventPage
from .schedule import Schedule
from .schedule_description import ScheduleDescription, ScheduleListDescription, ScheduleListPage

F = TypeVar("F", bound=Callable[..., Any])


def _mirrors(async_method: Callable[..., Any]) -> Callable[[F], F]:
    """Gives a blocking method the signature and docs of its asyncio twin."""

    def decorate(method: F) -> F:
        method.__doc__ = f"Blocking form of ``{async_method.__qualname__}``.\n\n{inspect.getdoc(async_method) or ''}"
        returns = inspect.signature(method).return_annotation
        unbound = getattr(async_method, "__func__", async_method)  # a classmethod keeps its cls parameter
        method.__signature__ = inspect.signature(unbound).replace(  # type: ignore[attr-defined]
            return_annotation=returns
        )
        return method

    return decorate


class Client:
    """Blocking twin of :class:`temporal_capi.Client`."""

    def __init__(self, inner: _aio.Client) -> None:
        """Wraps an asyncio client; use :meth:`connect` instead."""
        self.inner = inner

    @classmethod
    @_mirrors(_aio.Client.connect)
    def connect(cls, target_host: str | None = None, **options: Any) -> Client:
        return cls(drive(_aio.Client.connect(target_host, **options)))

    @property
    def namespace(self) -> str:
        """The namespace every call uses."""
        return self.inner.namespace

    @property
    def target_host(self) -> str:
        """The server address."""
        return self.inner.target_host

    @property
    def identity(self) -> str:
        """The identity sent with every call."""
        return self.inner.identity

    @property
    def system_info(self) -> dict[str, Any] | None:
        """The server's version and capabilities (None for a lazy client)."""
        return self.inner.system_info

    @property
    def api_key(self) -> str | None:
        """See :attr:`temporal_capi.Client.api_key`."""
        return self.inner.api_key

    @api_key.setter
    def api_key(self, value: str | None) -> None:
        self.inner.api_key = value

    @property
    def rpc_metadata(self) -> dict[str, str]:
        """See :attr:`temporal_capi.Client.rpc_metadata`."""
        return self.inner.rpc_metadata

    @rpc_metadata.setter
    def rpc_metadata(self, value: Mapping[str, str]) -> None:
        self.inner.rpc_metadata = value

    def close(self) -> None:
        """Frees the native client. Idempotent."""
        self.inner.close()

    @_mirrors(_aio.Client.call)
    def call(self, function: _aio.NativeFunction, request: Mapping[str, Any]) -> Any:
        return drive(self.inner.call(function, request))

    @_mirrors(_aio.Client.start_workflow)
    def start_workflow(self, workflow: str, *args: Any, **options: Any) -> WorkflowHandle:
        return WorkflowHandle(drive(self.inner.start_workflow(workflow, *args, **options)))

    @_mirrors(_aio.Client.execute_workflow)
    def execute_workflow(self, workflow: str, *args: Any, **options: Any) -> Any:
        return drive(self.inner.execute_workflow(workflow, *args, **options))

    @_mirrors(_aio.Client.get_workflow_handle)
    def get_workflow_handle(self, workflow_id: str, **options: Any) -> WorkflowHandle:
        return WorkflowHandle(self.inner.get_workflow_handle(workflow_id, **options))

    @_mirrors(_aio.Client.list_workflows_page)
    def list_workflows_page(self, query: str = "", **options: Any) -> WorkflowExecutionPage:
        return drive(self.inner.list_workflows_page(query, **options))

    @_mirrors(_aio.Client.list_workflows)
    def list_workflows(
        self,
        query: str = "",
        *,
        page_size: int | None = None,
        limit: int | None = None,
        next_page_token: bytes | str | None = None,
    ) -> Iterator[WorkflowExecution]:
        token = next_page_token
        remaining = limit
        while remaining is None or remaining > 0:
            page = self.list_workflows_page(query, page_size=page_size, next_page_token=token)
            for execution in page.executions:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield execution
            token = page.next_page_token
            if token is None:
                return

    @_mirrors(_aio.Client.count_workflows)
    def count_workflows(self, query: str = "") -> WorkflowExecutionCount:
        return drive(self.inner.count_workflows(query))

    @_mirrors(_aio.Client.create_schedule)
    def create_schedule(self, id: str, schedule: Schedule, **options: Any) -> ScheduleHandle:  # noqa: A002
        return ScheduleHandle(drive(self.inner.create_schedule(id, schedule, **options)))

    @_mirrors(_aio.Client.get_schedule_handle)
    def get_schedule_handle(self, id: str) -> ScheduleHandle:  # noqa: A002
        return ScheduleHandle(self.inner.get_schedule_handle(id))

    @_mirrors(_aio.Client.list_schedules_page)
    def list_schedules_page(self, query: str | None = None, **options: Any) -> ScheduleListPage:
        return drive(self.inner.list_schedules_page(query, **options))

    @_mirrors(_aio.Client.list_schedules)
    def list_schedules(
        self,
        query: str | None = None,
        *,
        page_size: int = 1000,
        limit: int | None = None,
        next_page_token: bytes | str | None = None,
    ) -> Iterator[ScheduleListDescription]:
        token = next_page_token
        remaining = limit
        while remaining is None or remaining > 0:
            page = self.list_schedules_page(query, page_size=page_size, next_page_token=token)
            for schedule in page.schedules:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield schedule
            token = page.next_page_token
            if token is None:
                return

    @_mirrors(_aio.Client.start_update_with_start_workflow)
    def start_update_with_start_workflow(
        self, update: str, *args: Any, start_workflow_operation: Any, **options: Any
    ) -> WorkflowUpdateHandle:
        operation = _inner_operation(start_workflow_operation)
        return WorkflowUpdateHandle(
            drive(
                self.inner.start_update_with_start_workflow(
                    update, *args, start_workflow_operation=operation, **options
                )
            )
        )

    @_mirrors(_aio.Client.execute_update_with_start_workflow)
    def execute_update_with_start_workflow(
        self, update: str, *args: Any, start_workflow_operation: Any, **options: Any
    ) -> Any:
        operation = _inner_operation(start_workflow_operation)
        return drive(
            self.inner.execute_update_with_start_workflow(update, *args, start_workflow_operation=operation, **options)
        )

    @_mirrors(_aio.Client.get_async_activity_handle)
    def get_async_activity_handle(self, **options: Any) -> AsyncActivityHandle:
        return AsyncActivityHandle(self.inner.get_async_activity_handle(**options))

    @property
    def workflow_service(self) -> ServiceClient:
        """See :attr:`temporal_capi.Client.workflow_service`."""
        return ServiceClient(self.inner.workflow_service)

    @property
    def operator_service(self) -> ServiceClient:
        """See :attr:`temporal_capi.Client.operator_service`."""
        return ServiceClient(self.inner.operator_service)

    @property
    def health_service(self) -> ServiceClient:
        """See :attr:`temporal_capi.Client.health_service`."""
        return ServiceClient(self.inner.health_service)

    @_mirrors(_aio.Client.get_system_info)
    def get_system_info(self) -> dict[str, Any]:
        return drive(self.inner.get_system_info())

    @_mirrors(_aio.Client.schedule_new_orchestration_instance)
    def schedule_new_orchestration_instance(self, orchestrator: str, *args: Any, **options: Any) -> str:
        return drive(self.inner.schedule_new_orchestration_instance(orchestrator, *args, **options))

    @_mirrors(_aio.Client.wait_for_instance_start)
    def wait_for_instance_start(self, instance_id: str) -> WorkflowExecutionDescription:
        return drive(self.inner.wait_for_instance_start(instance_id))

    @_mirrors(_aio.Client.wait_for_instance_completion)
    def wait_for_instance_completion(self, instance_id: str, **options: Any) -> OrchestrationMetadata:
        return drive(self.inner.wait_for_instance_completion(instance_id, **options))

    @_mirrors(_aio.Client.query_instances)
    def query_instances(self, query: InstanceQuery | None = None) -> InstanceQueryResult:
        return drive(self.inner.query_instances(query))

    @_mirrors(_aio.Client.purge_instances)
    def purge_instances(self, query: InstanceQuery, **options: Any) -> int:
        return drive(self.inner.purge_instances(query, **options))

    @_mirrors(_aio.Client.raise_event)
    def raise_event(self, instance_id: str, event_name: str, *args: Any) -> None:
        drive(self.inner.raise_event(instance_id, event_name, *args))

    @_mirrors(_aio.Client.terminate_instance)
    def terminate_instance(self, instance_id: str, output: Any = None, **options: Any) -> None:
        drive(self.inner.terminate_instance(instance_id, output, **options))

    @_mirrors(_aio.Client.suspend_instance)
    def suspend_instance(self, instance_id: str, reason: str | None = None) -> None:
        drive(self.inner.suspend_instance(instance_id, reason))

    @_mirrors(_aio.Client.resume_instance)
    def resume_instance(self, instance_id: str, reason: str | None = None) -> None:
        drive(self.inner.resume_instance(instance_id, reason))

    @_mirrors(_aio.Client.purge_instance)
    def purge_instance(self, instance_id: str) -> None:
        drive(self.inner.purge_instance(instance_id))


class WorkflowHandle:
    """Blocking twin of :class:`temporal_capi.WorkflowHandle`."""

    def __init__(self, inner: _handle.WorkflowHandle) -> None:
        """Wraps an asyncio handle; get one from :class:`Client`."""
        self.inner = inner

    @property
    def id(self) -> str:
        """The workflow id."""
        return self.inner.id

    @property
    def run_id(self) -> str | None:
        """The run that signals, queries and describe target (None: latest)."""
        return self.inner.run_id

    @property
    def result_run_id(self) -> str | None:
        """The run whose result :meth:`result` waits for."""
        return self.inner.result_run_id

    @property
    def first_execution_run_id(self) -> str | None:
        """The first run of the chain cancel and terminate are limited to."""
        return self.inner.first_execution_run_id

    @_mirrors(_handle.WorkflowHandle.result)
    def result(self, *, follow_runs: bool = True) -> Any:
        return drive(self.inner.result(follow_runs=follow_runs))

    @_mirrors(_handle.WorkflowHandle.describe)
    def describe(self) -> WorkflowExecutionDescription:
        return drive(self.inner.describe())

    @_mirrors(_handle.WorkflowHandle.signal)
    def signal(self, signal: str, *args: Any) -> None:
        drive(self.inner.signal(signal, *args))

    @_mirrors(_handle.WorkflowHandle.query)
    def query(self, query: str, *args: Any, **options: Any) -> Any:
        return drive(self.inner.query(query, *args, **options))

    @_mirrors(_handle.WorkflowHandle.cancel)
    def cancel(self, reason: str | None = None) -> None:
        drive(self.inner.cancel(reason))

    @_mirrors(_handle.WorkflowHandle.terminate)
    def terminate(self, reason: str | None = None, details: Any = ()) -> None:
        drive(self.inner.terminate(reason, details))

    @_mirrors(_handle.WorkflowHandle.fetch_history)
    def fetch_history(self) -> WorkflowHistory:
        return drive(self.inner.fetch_history())

    @_mirrors(_handle.WorkflowHandle.fetch_history_events_page)
    def fetch_history_events_page(self, **options: Any) -> WorkflowHistoryEventPage:
        return drive(self.inner.fetch_history_events_page(**options))

    @_mirrors(_handle.WorkflowHandle.fetch_history_events)
    def fetch_history_events(self, *, next_page_token: bytes | str | None = None, **options: Any) -> Iterator[dict[str, Any]]:
        token = next_page_token
        while True:
            page = self.fetch_history_events_page(next_page_token=token, **options)
            yield from page.events
            if page.next_page_token is None:
                return
            token = page.next_page_token

    @_mirrors(_handle.WorkflowHandle.execute_update)
    def execute_update(self, update: str, *args: Any, id: str | None = None) -> Any:  # noqa: A002
        return drive(self.inner.execute_update(update, *args, id=id))

    @_mirrors(_handle.WorkflowHandle.start_update)
    def start_update(self, update: str, *args: Any, **options: Any) -> WorkflowUpdateHandle:
        return WorkflowUpdateHandle(drive(self.inner.start_update(update, *args, **options)))

    @_mirrors(_handle.WorkflowHandle.get_update_handle)
    def get_update_handle(self, id: str, **options: Any) -> WorkflowUpdateHandle:  # noqa: A002
        return WorkflowUpdateHandle(self.inner.get_update_handle(id, **options))

    @_mirrors(_handle.WorkflowHandle.delete)
    def delete(self) -> None:
        drive(self.inner.delete())

    @_mirrors(_handle.WorkflowHandle.pause)
    def pause(self, reason: str | None = None) -> None:
        drive(self.inner.pause(reason))

    @_mirrors(_handle.WorkflowHandle.unpause)
    def unpause(self, reason: str | None = None) -> None:
        drive(self.inner.unpause(reason))

    @_mirrors(_handle.WorkflowHandle.reset)
    def reset(self, event_id: int | None = None, **options: Any) -> str:
        return drive(self.inner.reset(event_id, **options))


class WorkflowUpdateHandle:
    """Blocking twin of :class:`temporal_capi.WorkflowUpdateHandle`."""

    def __init__(self, inner: _handle.WorkflowUpdateHandle) -> None:
        """Wraps an asyncio update handle; get one from :class:`WorkflowHandle`."""
        self.inner = inner

    @property
    def id(self) -> str:
        """The update's id."""
        return self.inner.id

    @property
    def workflow_id(self) -> str:
        """The id of the workflow the update targets."""
        return self.inner.workflow_id

    @property
    def workflow_run_id(self) -> str | None:
        """The run the update targets, or None for the latest run."""
        return self.inner.workflow_run_id

    @_mirrors(_handle.WorkflowUpdateHandle.result)
    def result(self) -> Any:
        return drive(self.inner.result())


class WithStartWorkflowOperation:
    """Blocking twin of :class:`temporal_capi.WithStartWorkflowOperation` (same arguments)."""

    def __init__(self, workflow: str, *args: Any, **options: Any) -> None:
        """Describes the workflow; see :class:`temporal_capi.WithStartWorkflowOperation`."""
        self.inner = _with_start.WithStartWorkflowOperation(workflow, *args, **options)

    __init__.__signature__ = inspect.signature(  # type: ignore[attr-defined]
        _with_start.WithStartWorkflowOperation.__init__
    )

    @property
    def id(self) -> str:
        """The workflow id."""
        return self.inner.id

    @_mirrors(_with_start.WithStartWorkflowOperation.workflow_handle)
    def workflow_handle(self) -> WorkflowHandle:
        return WorkflowHandle(drive(self.inner.workflow_handle()))


def _inner_operation(operation: Any) -> _with_start.WithStartWorkflowOperation:
    if isinstance(operation, WithStartWorkflowOperation):
        return operation.inner
    if isinstance(operation, _with_start.WithStartWorkflowOperation):
        return operation
    raise TypeError(f"start_workflow_operation must be a WithStartWorkflowOperation, not {type(operation).__name__}")


class AsyncActivityHandle:
    """Blocking twin of :class:`temporal_capi.AsyncActivityHandle`."""

    def __init__(self, inner: _activity.AsyncActivityHandle) -> None:
        """Wraps an asyncio activity handle; get one from :meth:`Client.get_async_activity_handle`."""
        self.inner = inner

    @property
    def task_token(self) -> bytes | None:
        """The activity's task token, when it is named by one."""
        return self.inner.task_token

    @property
    def workflow_id(self) -> str | None:
        """The activity's workflow id, when it is named by ids."""
        return self.inner.workflow_id

    @property
    def run_id(self) -> str | None:
        """The activity's workflow run id (None: the latest run)."""
        return self.inner.run_id

    @property
    def activity_id(self) -> str | None:
        """The activity id, when it is named by ids."""
        return self.inner.activity_id

    @_mirrors(_activity.AsyncActivityHandle.complete)
    def complete(self, result: Any = None) -> None:
        drive(self.inner.complete(result))

    @_mirrors(_activity.AsyncActivityHandle.fail)
    def fail(self, error: BaseException | str, **options: Any) -> None:
        drive(self.inner.fail(error, **options))

    @_mirrors(_activity.AsyncActivityHandle.heartbeat)
    def heartbeat(self, *details: Any) -> ActivityHeartbeatResult:
        return drive(self.inner.heartbeat(*details))

    @_mirrors(_activity.AsyncActivityHandle.report_cancellation)
    def report_cancellation(self, *details: Any) -> None:
        drive(self.inner.report_cancellation(*details))


class ScheduleHandle:
    """Blocking twin of :class:`temporal_capi.ScheduleHandle`."""

    def __init__(self, inner: _schedule_handle.ScheduleHandle) -> None:
        """Wraps an asyncio schedule handle; get one from :class:`Client`."""
        self.inner = inner

    @property
    def id(self) -> str:
        """The schedule id."""
        return self.inner.id

    @_mirrors(_schedule_handle.ScheduleHandle.describe)
    def describe(self) -> ScheduleDescription:
        return drive(self.inner.describe())

    @_mirrors(_schedule_handle.ScheduleHandle.update)
    def update(self, updater: Any) -> None:
        drive(self.inner.update(updater))

    @_mirrors(_schedule_handle.ScheduleHandle.pause)
    def pause(self, note: str | None = None) -> None:
        drive(self.inner.pause(note))

    @_mirrors(_schedule_handle.ScheduleHandle.unpause)
    def unpause(self, note: str | None = None) -> None:
        drive(self.inner.unpause(note))

    @_mirrors(_schedule_handle.ScheduleHandle.trigger)
    def trigger(self, overlap: Any = None) -> None:
        drive(self.inner.trigger(overlap))

    @_mirrors(_schedule_handle.ScheduleHandle.backfill)
    def backfill(self, *backfill: Any) -> None:
        drive(self.inner.backfill(*backfill))

    @_mirrors(_schedule_handle.ScheduleHandle.delete)
    def delete(self) -> None:
        drive(self.inner.delete())


class ServiceClient:
    """Blocking twin of :class:`temporal_capi.ServiceClient`."""

    def __init__(self, inner: _service.ServiceClient) -> None:
        """Wraps an asyncio service client; get one from :class:`Client`."""
        self.inner = inner

    @property
    def service(self) -> str:
        """The short service name: ``workflow``, ``operator`` or ``health``."""
        return self.inner.service

    @property
    def full_name(self) -> str:
        """The service's full proto name."""
        return self.inner.full_name

    @_mirrors(_service.ServiceClient.call)
    def call(self, method: str, request: Mapping[str, Any] | None = None, **options: Any) -> dict[str, Any]:
        return drive(self.inner.call(method, request, **options))


__all__ = [
    "AsyncActivityHandle",
    "Client",
    "ScheduleHandle",
    "ServiceClient",
    "WithStartWorkflowOperation",
    "WorkflowHandle",
    "WorkflowUpdateHandle",
]
