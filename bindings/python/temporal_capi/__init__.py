"""temporal_capi: a small Temporal client over the temporal-capi native library.

Asyncio API here; the blocking twin is :mod:`temporal_capi.sync`.

    client = await Client.connect("127.0.0.1:7233")
    handle = await client.start_workflow("Echo", "hi", id="wf-1", task_queue="q")
    print(await handle.result())
"""

from ._library import lib as _lib
from .client import Client, ClientConfig, WorkflowExecutionDescription, WorkflowHandle
from .common import (
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
)
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
    ServerError,
    TemporalCapiError,
    TerminatedError,
    TimeoutError,
    WorkflowAlreadyStartedError,
    WorkflowContinuedAsNewError,
    WorkflowFailureError,
    WorkflowQueryFailedError,
    WorkflowQueryRejectedError,
)
from .runtime import Runtime

__version__: str = _lib.tc_version().decode()
"""The native library's version."""

__all__ = [
    "ActivityError",
    "ApplicationError",
    "CancelledError",
    "ChildWorkflowError",
    "Client",
    "ClientConfig",
    "ClosedError",
    "ConfigError",
    "ConnectionFailedError",
    "FailureError",
    "InvalidArgumentError",
    "KeepAliveConfig",
    "NotFoundError",
    "OperationCancelledError",
    "Priority",
    "QueryRejectCondition",
    "RPCError",
    "RPCStatusCode",
    "RPCTimeoutError",
    "RetryConfig",
    "RetryPolicy",
    "Runtime",
    "SearchAttributeKey",
    "ServerError",
    "TLSConfig",
    "TemporalCapiError",
    "TerminatedError",
    "TimeoutError",
    "WorkflowAlreadyStartedError",
    "WorkflowContinuedAsNewError",
    "WorkflowExecutionDescription",
    "WorkflowExecutionStatus",
    "WorkflowFailureError",
    "WorkflowHandle",
    "WorkflowIDConflictPolicy",
    "WorkflowIDReusePolicy",
    "WorkflowQueryFailedError",
    "WorkflowQueryRejectedError",
]
