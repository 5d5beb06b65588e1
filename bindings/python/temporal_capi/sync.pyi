# The blocking API as type checkers and IDEs see it; sync.py builds it at import time.
# Generated from the twins by temporal_capi._twin.render_stub: run
# `python bindings/python/render_sync_stub.py` after changing the asyncio API
# (tests/test_sync_stub.py fails while this file is stale). Do not edit.

from datetime import datetime
from typing import Any, Iterator, Literal, Mapping, Sequence
from ._transport import Transport
from .activity import ActivityHeartbeatResult
from .common import Duration, HistoryEventFilterType, KeepAliveConfig, Priority, QueryRejectCondition, RetryConfig, RetryPolicy, SearchAttributes, TLSConfig, WorkflowIDConflictPolicy, WorkflowIDReusePolicy, WorkflowUpdateStage
from .durable import InstanceQuery, InstanceQueryResult, OrchestrationMetadata
from .errors import WorkflowUpdateFailedError
from .executions import WorkflowExecution, WorkflowExecutionCount, WorkflowExecutionDescription, WorkflowExecutionPage
from .history import WorkflowHistory, WorkflowHistoryEventPage
from .schedule import Schedule, ScheduleBackfill, ScheduleOverlapPolicy, ScheduleUpdate
from .schedule_description import ScheduleDescription, ScheduleListDescription, ScheduleListPage
from .schedule_handle import ScheduleUpdater
from .task_queue import TaskQueueDescription, TaskQueueType
from . import activity as _activity
from . import client as _client
from . import durable_task as _durable_task
from . import handle as _handle
from . import schedule_handle as _schedule_handle
from . import service as _service
from . import with_start as _with_start
from .runtime import Runtime as Runtime


class AsyncActivityHandle:
    """Blocking twin of :class:`temporal_capi.AsyncActivityHandle`."""
    inner: _activity.AsyncActivityHandle
    def __init__(self, transport: Transport, *, workflow_id: str | None = ..., run_id: str | None = ..., activity_id: str | None = ..., task_token: bytes | None = ...) -> None: ...
    @property
    def activity_id(self) -> str | None:
        """The activity id, when it is named by ids."""
    def complete(self, result: Any = ...) -> None:
        """Completes the activity with the JSON value ``result``."""
    def fail(self, error: BaseException | str, *, type: str | None = ..., non_retryable: bool | None = ..., details: Sequence[Any] | None = ...) -> None:
        """Fails the activity with an application failure."""
    def heartbeat(self, *details: Any) -> ActivityHeartbeatResult:
        """Records a heartbeat with JSON ``details`` and reports whether cancellation was requested."""
    def report_cancellation(self, *details: Any) -> None:
        """Confirms that the activity stopped after a cancellation request, with JSON ``details``."""
    @property
    def run_id(self) -> str | None:
        """The activity's workflow run id (None: the latest run)."""
    @property
    def task_token(self) -> bytes | None:
        """The activity's task token, when it is named by one."""
    @property
    def workflow_id(self) -> str | None:
        """The activity's workflow id, when it is named by ids."""


class Client:
    """Blocking twin of :class:`temporal_capi.Client`; ``with`` closes it on exit."""
    inner: _client.Client
    def __init__(self, transport: Transport, info: Mapping[str, Any]) -> None: ...
    def __enter__(self) -> Client: ...
    def __exit__(self, *exc_info: Any) -> None: ...
    @property
    def api_key(self) -> str | None:
        """The API key set through this object; assigning replaces it on every later call (None removes it)."""
    @api_key.setter
    def api_key(self, value: str | None) -> None: ...
    def close(self) -> None:
        """Frees the native resources; later use raises ClosedError. Closing again does nothing."""
    @classmethod
    def connect(cls, target_host: str | None = ..., *, namespace: str | None = ..., api_key: str | None = ..., tls: bool | TLSConfig | None = ..., rpc_metadata: Mapping[str, str] | None = ..., identity: str | None = ..., profile: str | None = ..., config_file: str | None = ..., keep_alive: bool | KeepAliveConfig | None = ..., retry: RetryConfig | None = ..., connect_timeout: Duration | None = ..., secret_headers: Sequence[str] | None = ..., max_long_polls: int | None = ..., grpc_compression: str | None = ..., lazy: bool = ..., runtime: Runtime | None = ...) -> Client:
        """Connects to a Temporal server."""
    def count_workflows(self, query: str = ...) -> WorkflowExecutionCount:
        """Counts the workflow executions matching ``query``."""
    def create_schedule(self, id: str, schedule: Schedule, *, trigger_immediately: bool = ..., backfill: Sequence[ScheduleBackfill] = ..., memo: Mapping[str, Any] | None = ..., search_attributes: SearchAttributes | None = ...) -> ScheduleHandle:
        """Creates a schedule and returns its handle."""
    def describe_task_queue(self, task_queue: str, *, task_queue_type: TaskQueueType | str = ..., report_pollers: bool = ..., report_stats: bool = ...) -> TaskQueueDescription:
        """Describes a task queue: who polls it for ``task_queue_type`` tasks and, with ``report_stats``, its backlog."""
    @property
    def durable_task(self) -> DurableTaskClient:
        """The Durable Task verbs over this client: ``DurableTaskClient(client)``."""
    def execute_update_with_start_workflow(self, update: str, *args: Any, start_workflow_operation: WithStartWorkflowOperation, id: str | None = ...) -> Any:
        """Like :meth:`start_update_with_start_workflow`, then waits for and returns the update's result."""
    def execute_workflow(self, workflow: str, *args: Any, task_queue: str, id: str | None = ..., execution_timeout: Duration | None = ..., run_timeout: Duration | None = ..., task_timeout: Duration | None = ..., id_reuse_policy: WorkflowIDReusePolicy | str | None = ..., id_conflict_policy: WorkflowIDConflictPolicy | str | None = ..., retry_policy: RetryPolicy | None = ..., cron_schedule: str | None = ..., memo: Mapping[str, Any] | None = ..., search_attributes: SearchAttributes | None = ..., start_delay: Duration | None = ..., static_summary: str | None = ..., static_details: str | None = ..., priority: Priority | None = ..., request_id: str | None = ..., start_signal: str | None = ..., start_signal_args: Sequence[Any] = ...) -> Any:
        """Starts a workflow (same arguments as :meth:`start_workflow`) and returns its result."""
    def get_async_activity_handle(self, *, workflow_id: str | None = ..., run_id: str | None = ..., activity_id: str | None = ..., task_token: bytes | None = ...) -> AsyncActivityHandle:
        """A handle to complete, fail or heartbeat an activity from outside its worker."""
    def get_schedule_handle(self, id: str) -> ScheduleHandle:
        """A handle to an existing schedule (nothing is checked until it is used)."""
    def get_system_info(self) -> dict[str, Any]:
        """Asks the server for its version and capabilities."""
    def get_workflow_handle(self, workflow_id: str, *, run_id: str | None = ..., first_execution_run_id: str | None = ...) -> WorkflowHandle:
        """A handle to an existing workflow; without ``run_id`` it targets the latest run."""
    @property
    def health_service(self) -> ServiceClient:
        """Raw calls to ``grpc.health.v1.Health`` (``call("Check")``)."""
    @property
    def identity(self) -> str:
        """The identity sent with every call."""
    def list_schedules(self, query: str | None = ..., *, page_size: int = ..., limit: int | None = ..., next_page_token: bytes | str | None = ...) -> Iterator[ScheduleListDescription]:
        """Iterates over the schedules matching ``query``, page by page (``async for s in client.list_schedules()``)."""
    def list_schedules_page(self, query: str | None = ..., *, page_size: int | None = ..., next_page_token: bytes | str | None = ...) -> ScheduleListPage:
        """Reads one page of schedules matching a visibility ``query`` (e.g. ``ScheduleId = 'nightly'``; None: all)."""
    def list_workflows(self, query: str = ..., *, page_size: int | None = ..., limit: int | None = ..., next_page_token: bytes | str | None = ...) -> Iterator[WorkflowExecution]:
        """Iterates over every workflow execution matching ``query``, page by page."""
    def list_workflows_page(self, query: str = ..., *, page_size: int | None = ..., next_page_token: bytes | str | None = ...) -> WorkflowExecutionPage:
        """Reads one page of workflow executions matching a visibility ``query``."""
    @property
    def namespace(self) -> str:
        """The namespace every call uses."""
    @property
    def operator_service(self) -> ServiceClient:
        """Raw calls to ``temporal.api.operatorservice.v1.OperatorService``: ``call(method, request)``."""
    def purge_instance(self, instance_id: str) -> None:
        """Forwards to :meth:`DurableTaskClient.purge_instance`."""
    def purge_instances(self, query: InstanceQuery, *, max_concurrency: int | None = ...) -> int:
        """Forwards to :meth:`DurableTaskClient.purge_instances`."""
    def query_instances(self, query: InstanceQuery | None = ...) -> InstanceQueryResult:
        """Forwards to :meth:`DurableTaskClient.query_instances`."""
    def raise_event(self, instance_id: str, event_name: str, *args: Any) -> None:
        """Forwards to :meth:`DurableTaskClient.raise_event`."""
    def resume_instance(self, instance_id: str, reason: str | None = ...) -> None:
        """Forwards to :meth:`DurableTaskClient.resume_instance`."""
    @property
    def rpc_metadata(self) -> dict[str, str]:
        """gRPC metadata sent with every call; assigning replaces it for every later call."""
    @rpc_metadata.setter
    def rpc_metadata(self, value: Mapping[str, str]) -> None: ...
    def schedule_new_orchestration_instance(self, orchestrator: str, *args: Any, task_queue: str, execution_timeout: Duration | None = ..., run_timeout: Duration | None = ..., task_timeout: Duration | None = ..., id_reuse_policy: WorkflowIDReusePolicy | str | None = ..., id_conflict_policy: WorkflowIDConflictPolicy | str | None = ..., retry_policy: RetryPolicy | None = ..., cron_schedule: str | None = ..., memo: Mapping[str, Any] | None = ..., search_attributes: SearchAttributes | None = ..., start_delay: Duration | None = ..., static_summary: str | None = ..., static_details: str | None = ..., priority: Priority | None = ..., request_id: str | None = ..., start_signal: str | None = ..., start_signal_args: Sequence[Any] = ..., instance_id: str | None = ..., start_at: datetime | None = ...) -> str:
        """Forwards to :meth:`DurableTaskClient.schedule_new_orchestration_instance`."""
    def start_update_with_start_workflow(self, update: str, *args: Any, start_workflow_operation: WithStartWorkflowOperation, wait_for_stage: WorkflowUpdateStage | str = ..., id: str | None = ...) -> WorkflowUpdateHandle:
        """Sends an update, starting the workflow first if it is not running."""
    def start_workflow(self, workflow: str, *args: Any, task_queue: str, id: str | None = ..., execution_timeout: Duration | None = ..., run_timeout: Duration | None = ..., task_timeout: Duration | None = ..., id_reuse_policy: WorkflowIDReusePolicy | str | None = ..., id_conflict_policy: WorkflowIDConflictPolicy | str | None = ..., retry_policy: RetryPolicy | None = ..., cron_schedule: str | None = ..., memo: Mapping[str, Any] | None = ..., search_attributes: SearchAttributes | None = ..., start_delay: Duration | None = ..., static_summary: str | None = ..., static_details: str | None = ..., priority: Priority | None = ..., request_id: str | None = ..., start_signal: str | None = ..., start_signal_args: Sequence[Any] = ...) -> WorkflowHandle:
        """Starts a workflow and returns its handle."""
    def suspend_instance(self, instance_id: str, reason: str | None = ...) -> None:
        """Forwards to :meth:`DurableTaskClient.suspend_instance`."""
    @property
    def system_info(self) -> dict[str, Any] | None:
        """The server's version and capabilities (None for a lazy client)."""
    @property
    def target_host(self) -> str:
        """The server address."""
    def terminate_instance(self, instance_id: str, output: Any = ..., *, reason: str | None = ...) -> None:
        """Forwards to :meth:`DurableTaskClient.terminate_instance`."""
    def wait_for_instance_completion(self, instance_id: str, *, fetch_inputs_and_outputs: bool = ...) -> OrchestrationMetadata:
        """Forwards to :meth:`DurableTaskClient.wait_for_instance_completion`."""
    def wait_for_instance_start(self, instance_id: str) -> WorkflowExecutionDescription:
        """Forwards to :meth:`DurableTaskClient.wait_for_instance_start`."""
    @property
    def workflow_service(self) -> ServiceClient:
        """Raw calls to ``temporal.api.workflowservice.v1.WorkflowService``: ``call(method, request)``."""


class DurableTaskClient:
    """Blocking twin of :class:`temporal_capi.DurableTaskClient`: ``sync.DurableTaskClient(sync_client)``."""
    inner: _durable_task.DurableTaskClient
    def __init__(self, client: Client) -> None: ...
    @property
    def client(self) -> Client:
        """The client every call goes through."""
    def get_all_instances(self, query: InstanceQuery | None = ...) -> Iterator[WorkflowExecution]:
        """``GetAllInstances``: iterates over every workflow matching the filter, page by page."""
    def get_instance(self, instance_id: str, *, fetch_inputs_and_outputs: bool = ...) -> OrchestrationMetadata | None:
        """``GetInstance``: the instance's state now, or None when no instance has the id."""
    def purge_instance(self, instance_id: str) -> None:
        """``PurgeInstance``: deletes the workflow and its history (see :meth:`WorkflowHandle.delete <temporal_capi.WorkflowHandle.delete>`)."""
    def purge_instances(self, query: InstanceQuery, *, max_concurrency: int | None = ...) -> int:
        """``PurgeInstances``: deletes every workflow matching the filter."""
    def query_instances(self, query: InstanceQuery | None = ...) -> InstanceQueryResult:
        """``QueryInstances``: one page of the workflows matching a filter."""
    def raise_event(self, instance_id: str, event_name: str, *args: Any) -> None:
        """``RaiseEvent``: sends the signal ``event_name`` with ``args`` to the latest run."""
    def resume_instance(self, instance_id: str, reason: str | None = ...) -> None:
        """``ResumeInstance``: unpauses the workflow (:meth:`WorkflowHandle.unpause <temporal_capi.WorkflowHandle.unpause>`)."""
    def schedule_new_orchestration_instance(self, orchestrator: str, *args: Any, task_queue: str, execution_timeout: Duration | None = ..., run_timeout: Duration | None = ..., task_timeout: Duration | None = ..., id_reuse_policy: WorkflowIDReusePolicy | str | None = ..., id_conflict_policy: WorkflowIDConflictPolicy | str | None = ..., retry_policy: RetryPolicy | None = ..., cron_schedule: str | None = ..., memo: Mapping[str, Any] | None = ..., search_attributes: SearchAttributes | None = ..., start_delay: Duration | None = ..., static_summary: str | None = ..., static_details: str | None = ..., priority: Priority | None = ..., request_id: str | None = ..., start_signal: str | None = ..., start_signal_args: Sequence[Any] = ..., instance_id: str | None = ..., start_at: datetime | None = ...) -> str:
        """``ScheduleNewOrchestrationInstance``: :meth:`Client.start_workflow <temporal_capi.Client.start_workflow>` by another name; returns the instance id."""
    def suspend_instance(self, instance_id: str, reason: str | None = ...) -> None:
        """``SuspendInstance``: pauses the workflow (:meth:`WorkflowHandle.pause <temporal_capi.WorkflowHandle.pause>`)."""
    def terminate_instance(self, instance_id: str, output: Any = ..., *, reason: str | None = ...) -> None:
        """``TerminateInstance``: terminates the workflow; ``output`` is recorded as the detail."""
    def wait_for_instance_completion(self, instance_id: str, *, fetch_inputs_and_outputs: bool = ...) -> OrchestrationMetadata:
        """``WaitForInstanceCompletion``: waits for the workflow to close and reports how."""
    def wait_for_instance_start(self, instance_id: str) -> WorkflowExecutionDescription:
        """``WaitForInstanceStart``: waits until a worker picked up the first workflow task."""


class ScheduleHandle:
    """Blocking twin of :class:`temporal_capi.ScheduleHandle`; an updater is a plain function here."""
    inner: _schedule_handle.ScheduleHandle
    def __init__(self, transport: Transport, id: str) -> None: ...
    def backfill(self, *backfill: ScheduleBackfill) -> None:
        """Takes the actions the spec had due in each past range, now, also when paused."""
    def delete(self) -> None:
        """Deletes the schedule; workflows it started keep running."""
    def describe(self) -> ScheduleDescription:
        """The schedule, what it has done and will do, and its conflict token."""
    @property
    def id(self) -> str:
        """The schedule id."""
    def pause(self, note: str | None = ...) -> None:
        """Pauses the schedule: no scheduled actions until :meth:`unpause` (trigger and backfill still act)."""
    def trigger(self, overlap: ScheduleOverlapPolicy | str | None = ...) -> None:
        """Takes one action now, also when paused; ``overlap`` overrides the schedule's policy."""
    def unpause(self, note: str | None = ...) -> None:
        """Resumes a paused schedule; ``note`` as for :meth:`pause` (default ``"Unpaused via temporal-capi"``)."""
    def update(self, updater: ScheduleUpdater | Schedule | ScheduleUpdate) -> None:
        """Replaces the schedule's action, spec, policy and state."""


class ServiceClient:
    """Blocking twin of :class:`temporal_capi.ServiceClient`."""
    inner: _service.ServiceClient
    def __init__(self, transport: Transport, service: str) -> None: ...
    def call(self, method: str, request: Mapping[str, Any] | None = ..., *, timeout: Duration | None = ..., retry: bool = ..., metadata: Mapping[str, str] | None = ...) -> dict[str, Any]:
        """Calls ``method`` (as named in the proto, e.g. ``"DescribeNamespace"``) and returns the response."""
    @property
    def full_name(self) -> str:
        """The service's full proto name, e.g. ``temporal.api.workflowservice.v1.WorkflowService``."""
    @property
    def service(self) -> str:
        """The short service name: ``workflow``, ``operator`` or ``health``."""


class WithStartWorkflowOperation:
    """Blocking twin of :class:`temporal_capi.WithStartWorkflowOperation` (same arguments)."""
    inner: _with_start.WithStartWorkflowOperation
    def __init__(self, workflow: str, *args: Any, task_queue: str, id: str, execution_timeout: Duration | None = ..., run_timeout: Duration | None = ..., task_timeout: Duration | None = ..., id_reuse_policy: WorkflowIDReusePolicy | str | None = ..., id_conflict_policy: WorkflowIDConflictPolicy | str, retry_policy: RetryPolicy | None = ..., cron_schedule: str | None = ..., memo: Mapping[str, Any] | None = ..., search_attributes: SearchAttributes | None = ..., start_delay: Duration | None = ..., static_summary: str | None = ..., static_details: str | None = ..., priority: Priority | None = ..., request_id: str | None = ...) -> None: ...
    @property
    def id(self) -> str:
        """The workflow id."""
    def workflow_handle(self) -> WorkflowHandle:
        """The started (or already running) workflow's handle."""


class WorkflowHandle:
    """Blocking twin of :class:`temporal_capi.WorkflowHandle`."""
    inner: _handle.WorkflowHandle
    def __init__(self, transport: Transport, id: str, *, run_id: str | None = ..., result_run_id: str | None = ..., first_execution_run_id: str | None = ...) -> None: ...
    def cancel(self, reason: str | None = ...) -> None:
        """Requests cancellation of the workflow."""
    def delete(self) -> None:
        """Deletes the run and its history (a running run is terminated first)."""
    def describe(self) -> WorkflowExecutionDescription:
        """The run's status, times, timeouts, memo and search attributes."""
    def execute_update(self, update: str, *args: Any, id: str | None = ...) -> Any:
        """Sends the update ``update`` with JSON ``args``, waits for it to complete and returns its result."""
    def fetch_history(self) -> WorkflowHistory:
        """The run's whole history (every page), as :class:`WorkflowHistory`."""
    def fetch_history_events(self, *, page_size: int | None = ..., next_page_token: bytes | str | None = ..., wait_new_event: bool = ..., event_filter_type: HistoryEventFilterType | str = ..., skip_archival: bool = ...) -> Iterator[dict[str, Any]]:
        """Iterates over the run's history events page by page (``async for event in ...``)."""
    def fetch_history_events_page(self, *, page_size: int | None = ..., next_page_token: bytes | str | None = ..., wait_new_event: bool = ..., event_filter_type: HistoryEventFilterType | str = ..., skip_archival: bool = ...) -> WorkflowHistoryEventPage:
        """One page of the run's history events."""
    @property
    def first_execution_run_id(self) -> str | None:
        """The first run of the chain cancel and terminate are limited to."""
    def get_update_handle(self, id: str, *, workflow_run_id: str | None = ...) -> WorkflowUpdateHandle:
        """A handle to an update already sent to this workflow (``workflow_run_id`` defaults to the handle's run)."""
    @property
    def id(self) -> str:
        """The workflow id."""
    def pause(self, reason: str | None = ...) -> None:
        """Pauses the workflow: no workflow or activity tasks are dispatched until :meth:`unpause`."""
    def query(self, query: str, *args: Any, reject_condition: QueryRejectCondition | str | None = ...) -> Any:
        """Runs a query and returns its result."""
    def reset(self, event_id: int | None = ..., *, to: Literal['first_workflow_task', 'last_workflow_task'] | None = ..., reason: str | None = ..., request_id: str | None = ...) -> str:
        """Resets the run to a point of its history and returns the new run's id."""
    def result(self, *, follow_runs: bool = ...) -> Any:
        """Waits for the workflow's result."""
    @property
    def result_run_id(self) -> str | None:
        """The run whose result :meth:`result` waits for."""
    @property
    def run_id(self) -> str | None:
        """The run that signals, queries and describe target (None: latest)."""
    def signal(self, signal: str, *args: Any) -> None:
        """Sends a signal with JSON ``args``."""
    def start_update(self, update: str, *args: Any, id: str | None = ..., wait_for_stage: WorkflowUpdateStage | str = ...) -> WorkflowUpdateHandle:
        """Sends an update and returns once it reached ``wait_for_stage``."""
    def terminate(self, reason: str | None = ..., details: Sequence[Any] = ...) -> None:
        """Terminates the workflow at once, recording ``reason`` and ``details``."""
    def unpause(self, reason: str | None = ...) -> None:
        """Resumes a workflow paused with :meth:`pause`."""


class WorkflowUpdateHandle:
    """Blocking twin of :class:`temporal_capi.WorkflowUpdateHandle`."""
    inner: _handle.WorkflowUpdateHandle
    def __init__(self, transport: Transport, id: str, workflow_id: str, *, workflow_run_id: str | None = ..., known_result: Any = ..., has_result: bool = ..., known_failure: WorkflowUpdateFailedError | None = ...) -> None: ...
    @property
    def id(self) -> str:
        """The update's id."""
    def result(self) -> Any:
        """Waits for the update to complete and returns its result."""
    @property
    def workflow_id(self) -> str:
        """The id of the workflow the update targets."""
    @property
    def workflow_run_id(self) -> str | None:
        """The run the update targets, or None for the latest run."""


__all__ = ["AsyncActivityHandle", "Client", "DurableTaskClient", "Runtime", "ScheduleHandle", "ServiceClient", "WithStartWorkflowOperation", "WorkflowHandle", "WorkflowUpdateHandle"]
