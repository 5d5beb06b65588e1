"""Completing, failing and heartbeating activities from outside their worker.

An activity that raised ``activity.raise_complete_async()`` (or any activity
whose task token or ids you know) is finished through an
:class:`AsyncActivityHandle` from :meth:`Client.get_async_activity_handle
<temporal_capi.Client.get_async_activity_handle>`.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from ._library import lib
from .common import compact, token_json
from .errors import ApplicationError, InvalidArgumentError

if TYPE_CHECKING:
    from ._transport import Transport


@dataclass(frozen=True)
class ActivityHeartbeatResult:
    """What the server answered a heartbeat.

    ``cancel_requested``: the activity should stop and report cancellation;
    ``paused``: the activity was paused; ``reset``: the activity was reset.
    """

    cancel_requested: bool
    paused: bool
    reset: bool


class AsyncActivityHandle:
    """Acts on one running activity, named by task token or by workflow and activity ids.

    Every method raises :class:`~temporal_capi.errors.NotFoundError` when the
    activity is no longer running (completed, timed out, or its workflow
    closed).
    """

    def __init__(
        self,
        transport: Transport,
        *,
        workflow_id: str | None = None,
        run_id: str | None = None,
        activity_id: str | None = None,
        task_token: bytes | None = None,
    ) -> None:
        """Use :meth:`Client.get_async_activity_handle <temporal_capi.Client.get_async_activity_handle>`."""
        by_token = task_token is not None and workflow_id is None and run_id is None and activity_id is None
        by_ids = task_token is None and workflow_id is not None and activity_id is not None
        if not (by_token or by_ids):
            raise InvalidArgumentError(
                "give either task_token, or workflow_id and activity_id (and optionally run_id)",
                {"code": "invalid_argument", "key": "task_token"},
            )
        if task_token is not None and not isinstance(task_token, (bytes, bytearray, memoryview)):
            raise InvalidArgumentError(
                f"task_token must be bytes, not {type(task_token).__name__}",
                {"code": "invalid_argument", "key": "task_token"},
            )
        self._transport = transport
        self.task_token: bytes | None = bytes(task_token) if task_token is not None else None
        self.workflow_id = workflow_id
        self.run_id = run_id
        self.activity_id = activity_id

    def _target(self) -> dict[str, Any]:
        if self.task_token is not None:
            return {"task_token": token_json(self.task_token)}
        return compact(workflow_id=self.workflow_id, run_id=self.run_id, activity_id=self.activity_id)

    async def complete(self, result: Any = None) -> None:
        """Completes the activity with the JSON value ``result``."""
        request = self._target()
        request["result"] = result
        await self._transport.call(lib.tc_activity_complete, request)

    async def fail(
        self,
        error: BaseException | str,
        *,
        type: str | None = None,  # noqa: A002 - the official SDK's name
        non_retryable: bool | None = None,
        details: Sequence[Any] | None = None,
    ) -> None:
        """Fails the activity with an application failure.

        ``error`` is an :class:`~temporal_capi.errors.ApplicationError`
        (its message, ``type``, ``non_retryable`` and ``details`` are sent),
        any other exception (its text, and its class name as the type), or
        a message. The keywords override what ``error`` carries. A retryable
        failure is retried by the server if the activity's retry policy
        allows it.
        """
        if isinstance(error, ApplicationError):
            message, kind, retry, extra = error.message, error.type, error.non_retryable, list(error.details)
        elif isinstance(error, BaseException):
            message, kind, retry, extra = str(error), builtins.type(error).__name__, False, []
        else:
            message, kind, retry, extra = str(error), None, False, []
        failure = compact(
            message=message,
            type=type if type is not None else kind,
            non_retryable=non_retryable if non_retryable is not None else retry,
            details=list(details) if details is not None else extra,
        )
        request = self._target()
        request["failure"] = failure
        await self._transport.call(lib.tc_activity_fail, request)

    async def heartbeat(self, *details: Any) -> ActivityHeartbeatResult:
        """Records a heartbeat with JSON ``details`` and reports whether cancellation was requested."""
        request = self._target()
        request["details"] = list(details)
        response = await self._transport.call(lib.tc_activity_heartbeat, request)
        return ActivityHeartbeatResult(
            cancel_requested=bool(response.get("cancel_requested")),
            paused=bool(response.get("paused")),
            reset=bool(response.get("reset")),
        )

    async def report_cancellation(self, *details: Any) -> None:
        """Confirms that the activity stopped after a cancellation request, with JSON ``details``."""
        request = self._target()
        request["details"] = list(details)
        await self._transport.call(lib.tc_activity_report_cancellation, request)


__all__ = ["ActivityHeartbeatResult", "AsyncActivityHandle"]
