"""temporal_capi: a small Temporal client over the temporal-capi native library.

Asyncio API here; the blocking twin is :mod:`temporal_capi.sync`.

    async with await Client.connect("127.0.0.1:7233") as client:
        handle = await client.start_workflow("Echo", "hi", id="wf-1", task_queue="q")
        print(await handle.result())

docs/python.md describes the API and the module layout.
"""

from . import schedule, schedule_description
from ._library import lib as _lib
from .activity import ActivityHeartbeatResult, AsyncActivityHandle
from .client import Client
from .client_config import ClientConfig
from .common import (
    HistoryEventFilterType,
    KeepAliveConfig,
    Priority,
    QueryRejectCondition,
    RetryConfig,
    RetryPolicy,
    SearchAttributeKey,
    TLSConfig,
    WorkflowExecutionStatus,
    WorkflowIDConflictPolicy,
    WorkflowIDReusePolicy,
    WorkflowUpdateStage,
)
from .durable import InstanceQuery, InstanceQueryResult, OrchestrationMetadata
from .durable_task import DurableTaskClient
from .errors import (
    ActivityError,
    ApplicationError,
    CancelledError,
    ChildWorkflowError,
    ClosedError,
    ConfigError,
    ConnectionFailedError,
    FailureError,
    InvalidArgumentError,
    NotFoundError,
    OperationCancelledError,
    RPCError,
    RPCStatusCode,
    RPCTimeoutError,
    ScheduleAlreadyRunningError,
    ServerError,
    TemporalCapiError,
    TerminatedError,
    TimeoutError,
    WorkflowAlreadyStartedError,
    WorkflowContinuedAsNewError,
    WorkflowFailureError,
    WorkflowQueryFailedError,
    WorkflowQueryRejectedError,
    WorkflowUpdateFailedError,
)
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
from .schedule import *  # noqa: F403 - the schedule types, as listed in schedule.__all__
from .schedule_description import *  # noqa: F403 - what describing and listing schedules report
from .schedule_handle import ScheduleHandle
from .schedule_spec import ScheduleCalendarSpec, ScheduleIntervalSpec, ScheduleRange, ScheduleSpec
from .service import ServiceClient
from .task_queue import PollerInfo, TaskQueueDescription, TaskQueueStats, TaskQueueType
from .with_start import WithStartWorkflowOperation

__version__: str = _lib.tc_version().decode()
"""The native library's version."""

__all__ = [
    "ActivityError",
    "ActivityHeartbeatResult",
    "ApplicationError",
    "AsyncActivityHandle",
    "CancelledError",
    "ChildWorkflowError",
    "Client",
    "ClientConfig",
    "ClosedError",
    "ConfigError",
    "ConnectionFailedError",
    "DurableTaskClient",
    "FailureError",
    "HistoryEventFilterType",
    "InstanceQuery",
    "InstanceQueryResult",
    "InvalidArgumentError",
    "KeepAliveConfig",
    "NotFoundError",
    "OperationCancelledError",
    "OrchestrationMetadata",
    "PollerInfo",
    "Priority",
    "QueryRejectCondition",
    "RPCError",
    "RPCStatusCode",
    "RPCTimeoutError",
    "RetryConfig",
    "RetryPolicy",
    "Runtime",
    "ScheduleAlreadyRunningError",
    "ScheduleHandle",
    "SearchAttributeKey",
    "ServerError",
    "ServiceClient",
    "TLSConfig",
    "TaskQueueDescription",
    "TaskQueueStats",
    "TaskQueueType",
    "TemporalCapiError",
    "TerminatedError",
    "TimeoutError",
    "WithStartWorkflowOperation",
    "WorkflowAlreadyStartedError",
    "WorkflowContinuedAsNewError",
    "WorkflowExecution",
    "WorkflowExecutionCount",
    "WorkflowExecutionCountAggregationGroup",
    "WorkflowExecutionDescription",
    "WorkflowExecutionPage",
    "WorkflowExecutionStatus",
    "WorkflowFailureError",
    "WorkflowHandle",
    "WorkflowHistory",
    "WorkflowHistoryEventPage",
    "WorkflowIDConflictPolicy",
    "WorkflowIDReusePolicy",
    "WorkflowQueryFailedError",
    "WorkflowQueryRejectedError",
    "WorkflowUpdateFailedError",
    "WorkflowUpdateHandle",
    "WorkflowUpdateStage",
]
__all__ += schedule.__all__
__all__ += schedule_description.__all__
