"""Exceptions raised by the client, and the decoding of error objects.

Every failed call carries the library's error object ``{code, message, ...}``
(docs/ABI.md); :func:`error_from_json` maps its ``code`` to one of the
classes below. Workflow failures carry a chain of :class:`FailureError`
built from the decoded Temporal failure.
"""

from __future__ import annotations

from datetime import timedelta
from enum import IntEnum
from typing import Any, Mapping, Sequence


class TemporalCapiError(Exception):
    """Base of every error raised by this package.

    ``code`` is the library's stable error code and ``error`` the whole
    error object as a dict.
    """

    def __init__(self, message: str, error: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.error: dict[str, Any] = dict(error or {})
        self.code: str = self.error.get("code", "")


class RPCStatusCode(IntEnum):
    """gRPC status codes."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16


class RPCError(TemporalCapiError):
    """The server (or the connection to it) answered with an error.

    ``status`` is the gRPC status code (``UNKNOWN`` when the error did not
    come from a gRPC status, e.g. an unreachable server is ``UNAVAILABLE``).
    """

    def __init__(self, message: str, error: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, error)
        grpc_code = self.error.get("grpc_code")
        if grpc_code is None:
            grpc_code = _DEFAULT_STATUS.get(self.code, RPCStatusCode.UNKNOWN)
        self.status = RPCStatusCode(grpc_code)


class NotFoundError(RPCError):
    """The workflow, run or other resource does not exist."""


class ScheduleAlreadyRunningError(RPCError):
    """A schedule with this id already exists (``schedule_id``); the name ``temporalio`` uses.

    An :class:`RPCError` with status ``ALREADY_EXISTS``. The id of a deleted
    schedule can be used again.
    """

    def __init__(self, message: str, error: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, error)
        self.schedule_id: str = self.error.get("schedule_id", "")


class ConnectionFailedError(RPCError):
    """The server could not be reached."""


class RPCTimeoutError(RPCError):
    """The call's deadline passed before the server answered."""


class InvalidArgumentError(TemporalCapiError):
    """The request was rejected: ``key`` names the offending key when known."""

    def __init__(self, message: str, error: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, error)
        self.key: str | None = self.error.get("key")


class ConfigError(TemporalCapiError):
    """An environment-configuration profile could not be loaded."""


class ClosedError(TemporalCapiError):
    """The client or runtime was closed."""


class OperationCancelledError(TemporalCapiError):
    """The native call was cancelled (for example because its runtime shut down)."""


class WorkflowAlreadyStartedError(TemporalCapiError):
    """A workflow with this id is already running (``workflow_id``, ``run_id``)."""

    def __init__(self, message: str, error: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, error)
        self.workflow_id: str = self.error.get("workflow_id", "")
        self.run_id: str = self.error.get("run_id", "")


class WorkflowContinuedAsNewError(TemporalCapiError):
    """The run continued as new and the result wait did not follow it."""

    def __init__(self, message: str, error: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, error)
        self.new_run_id: str = self.error.get("new_run_id", "")


class WorkflowQueryFailedError(TemporalCapiError):
    """The query type is unknown or its handler failed."""


class WorkflowQueryRejectedError(TemporalCapiError):
    """The query's ``reject_condition`` matched; ``status`` is the run's status."""

    def __init__(self, message: str, error: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, error)
        self.status: str = self.error.get("status", "")


class WorkflowFailureError(TemporalCapiError):
    """The workflow did not complete successfully; ``cause`` says how it ended."""

    def __init__(self, message: str, error: Mapping[str, Any] | None, cause: FailureError) -> None:
        super().__init__(message, error)
        self.cause = cause
        self.__cause__ = cause


class WorkflowUpdateFailedError(TemporalCapiError):
    """The update was rejected by its validator or its handler failed.

    ``cause`` is the :class:`FailureError` chain (an :class:`ApplicationError`
    for a rejection or a failing handler); ``update_id`` names the update.
    """

    def __init__(self, message: str, error: Mapping[str, Any] | None, cause: FailureError) -> None:
        super().__init__(message, error)
        self.update_id: str = self.error.get("update_id", "")
        self.cause = cause
        self.__cause__ = cause


class FailureError(TemporalCapiError):
    """A Temporal failure. ``failure`` is its decoded form; ``cause`` the next link or None."""

    def __init__(self, message: str, failure: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, {"code": "failure"})
        self.failure: dict[str, Any] = dict(failure or {})
        self.stack_trace: str = self.failure.get("stack_trace") or ""
        cause = self.failure.get("cause")
        self.cause: FailureError | None = failure_from_json(cause) if cause else None
        self.__cause__ = self.cause


class ApplicationError(FailureError):
    """An error raised by workflow or activity code.

    Decoded failures fill it from ``failure``; to build one (for example for
    :meth:`~temporal_capi.AsyncActivityHandle.fail`) pass ``type``,
    ``non_retryable`` and ``details`` as keywords.
    """

    def __init__(
        self,
        message: str,
        failure: Mapping[str, Any] | None = None,
        *,
        type: str | None = None,  # noqa: A002 - the official SDK's name
        non_retryable: bool | None = None,
        details: Sequence[Any] | None = None,
    ) -> None:
        merged = dict(failure) if failure is not None else {"kind": "application", "message": message}
        if type is not None:
            merged["type"] = type
        if non_retryable is not None:
            merged["non_retryable"] = non_retryable
        if details is not None:
            merged["details"] = list(details)
        super().__init__(message, merged)
        self.type: str | None = self.failure.get("type") or None
        self.non_retryable: bool = bool(self.failure.get("non_retryable"))
        self.details: Sequence[Any] = self.failure.get("details") or []
        delay = self.failure.get("next_retry_delay")
        self.next_retry_delay: timedelta | None = None if delay is None else timedelta(seconds=delay)


class CancelledError(FailureError):
    """The workflow or activity was cancelled; ``details`` as sent."""

    def __init__(self, message: str, failure: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, failure)
        self.details: Sequence[Any] = self.failure.get("details") or []


class TerminatedError(FailureError):
    """The workflow was terminated; ``reason`` and ``details`` as given."""

    def __init__(self, message: str, failure: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, failure)
        self.reason: str = self.failure.get("reason", message)
        self.details: Sequence[Any] = self.failure.get("details") or []


class TimeoutError(FailureError):  # noqa: A001 - the name the official SDK uses
    """A timeout fired; ``type`` names it (e.g. ``start_to_close``)."""

    def __init__(self, message: str, failure: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, failure)
        self.type: str | None = self.failure.get("timeout_type")
        self.last_heartbeat_details: Sequence[Any] = self.failure.get("last_heartbeat_details") or []


class ServerError(FailureError):
    """A failure produced by the server."""

    def __init__(self, message: str, failure: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, failure)
        self.non_retryable: bool = bool(self.failure.get("non_retryable"))


class ActivityError(FailureError):
    """An activity failed; ``cause`` says why."""

    def __init__(self, message: str, failure: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, failure)
        self.activity_type: str = self.failure.get("activity_type", "")
        self.activity_id: str = self.failure.get("activity_id", "")
        self.retry_state: str | None = self.failure.get("retry_state")


class ChildWorkflowError(FailureError):
    """A child workflow failed; ``cause`` says why."""

    def __init__(self, message: str, failure: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, failure)
        self.workflow_id: str = self.failure.get("workflow_id", "")
        self.run_id: str = self.failure.get("run_id", "")
        self.workflow_type: str = self.failure.get("workflow_type", "")


_FAILURE_KINDS: dict[str, type[FailureError]] = {
    "application": ApplicationError,
    "canceled": CancelledError,
    "terminated": TerminatedError,
    "timeout": TimeoutError,
    "server": ServerError,
    "activity": ActivityError,
    "child_workflow": ChildWorkflowError,
}

_DEFAULT_STATUS = {
    "not_found": RPCStatusCode.NOT_FOUND,
    "connection_failed": RPCStatusCode.UNAVAILABLE,
    "already_exists": RPCStatusCode.ALREADY_EXISTS,
    "timeout": RPCStatusCode.DEADLINE_EXCEEDED,
}

_CODES: dict[str, type[TemporalCapiError]] = {
    "invalid_argument": InvalidArgumentError,
    "not_found": NotFoundError,
    "already_started": WorkflowAlreadyStartedError,
    "already_exists": RPCError,
    "workflow_continued_as_new": WorkflowContinuedAsNewError,
    "query_failed": WorkflowQueryFailedError,
    "query_rejected": WorkflowQueryRejectedError,
    "rpc_error": RPCError,
    "timeout": RPCTimeoutError,
    "connection_failed": ConnectionFailedError,
    "config_error": ConfigError,
    "closed": ClosedError,
    "cancelled": OperationCancelledError,
}


def failure_from_json(failure: Mapping[str, Any]) -> FailureError:
    """Builds the exception chain for a decoded failure ``{kind, message, cause, ...}``."""
    cls = _FAILURE_KINDS.get(failure.get("kind", ""), FailureError)
    return cls(failure.get("message", ""), failure)


def _closed_workflow_cause(error: Mapping[str, Any]) -> FailureError:
    code = error.get("code")
    if code == "workflow_failed":
        return failure_from_json(error.get("failure") or {"kind": "unknown", "message": error.get("message", "")})
    if code == "workflow_cancelled":
        return CancelledError("workflow cancelled", {"kind": "canceled", "details": error.get("details")})
    if code == "workflow_terminated":
        reason = error.get("reason") or "workflow terminated"
        return TerminatedError(
            reason, {"kind": "terminated", "reason": error.get("reason", ""), "details": error.get("details")}
        )
    return TimeoutError("workflow timed out", {"kind": "timeout", "timeout_type": "start_to_close"})


_WORKFLOW_ENDINGS = {"workflow_failed", "workflow_cancelled", "workflow_terminated", "workflow_timed_out"}


def error_from_json(error: Mapping[str, Any]) -> TemporalCapiError:
    """The exception for a library error object."""
    code = error.get("code", "")
    message = error.get("message", code)
    if code in _WORKFLOW_ENDINGS:
        return WorkflowFailureError("Workflow execution failed", error, _closed_workflow_cause(error))
    if code == "update_failed":
        failure = error.get("failure") or {"kind": "unknown", "message": message}
        return WorkflowUpdateFailedError(message, error, failure_from_json(failure))
    if code == "already_exists" and "schedule_id" in error:
        return ScheduleAlreadyRunningError(message, error)
    if "grpc_code" in error and code not in _CODES:
        return RPCError(message, error)
    return _CODES.get(code, TemporalCapiError)(message, error)
