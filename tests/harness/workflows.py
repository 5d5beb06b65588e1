"""Workflows and activities hosted by the test worker (see devenv.py).

Every workflow is registered under the exact type name the client tests use.
All values travel through the default JSON payload converter, so arguments and
results are plain JSON values.
"""

from datetime import datetime, timedelta
from typing import Any

from temporalio import activity, workflow
from temporalio.common import RetryPolicy, TypedSearchAttributes
from temporalio.exceptions import ApplicationError

# Task tokens of pending `async_activity` executions, keyed by workflow id.
# Only meaningful when the worker runs in the same process as the reader.
ASYNC_TASK_TOKENS: dict[str, bytes] = {}


@workflow.defn(name="Echo")
class Echo:
    """Returns its single argument unchanged."""

    @workflow.run
    async def run(self, arg: Any) -> Any:
        """Return ``arg``."""
        return arg


@workflow.defn(name="EchoArgs")
class EchoArgs:
    """Returns all of its arguments (any number of them) as a list."""

    @workflow.run
    async def run(self, *args: Any) -> list:
        """Return ``args`` as a list."""
        return list(args)


@workflow.defn(name="Sleep")
class Sleep:
    """Sleeps on a durable timer, then returns "slept"."""

    @workflow.run
    async def run(self, seconds: float) -> str:
        """Sleep for ``seconds``."""
        await workflow.sleep(seconds)
        return "slept"


@workflow.defn(name="WaitForSignal")
class WaitForSignal:
    """Collects signals until `finish`; exposes queries and updates."""

    def __init__(self) -> None:
        """Start with no signals, no finish value and a value of 0."""
        self._signals: list = []
        self._finished = False
        self._finish_value: Any = None
        self._value = 0

    @workflow.run
    async def run(self) -> dict:
        """Wait for `finish`, then return the collected signals."""
        await workflow.wait_condition(lambda: self._finished)
        return {"signals": self._signals, "finish": self._finish_value}

    @workflow.signal(name="add")
    def add(self, value: Any) -> None:
        """Append ``value`` to the collected signals."""
        self._signals.append(value)

    @workflow.signal(name="finish")
    def finish(self, value: Any) -> None:
        """Complete the workflow, returning ``value`` as `finish`."""
        self._finish_value = value
        self._finished = True

    @workflow.query(name="state")
    def state(self) -> list:
        """Return the signals collected so far."""
        return self._signals

    @workflow.query(name="echo_query")
    def echo_query(self, x: Any) -> Any:
        """Return the query argument unchanged."""
        return x

    @workflow.update(name="set_value")
    def set_value(self, value: int) -> int:
        """Store ``value`` and return the previous one."""
        previous, self._value = self._value, value
        return previous

    @set_value.validator
    def validate_set_value(self, value: int) -> None:
        """Reject negative values before they reach the history."""
        if value < 0:
            raise ValueError("negative")

    @workflow.update(name="fail_update")
    def fail_update(self) -> None:
        """Always fail with an application error of type "UpdateErr"."""
        raise ApplicationError("update failed", type="UpdateErr")


@workflow.defn(name="Fail")
class Fail:
    """Fails the workflow with the requested application error."""

    @workflow.run
    async def run(
        self,
        message: str,
        type: str | None = None,
        non_retryable: bool = False,
        details: list | None = None,
    ) -> None:
        """Raise ``ApplicationError(message, *details, ...)``."""
        raise ApplicationError(
            message, *(details or []), type=type, non_retryable=non_retryable
        )


@workflow.defn(name="ContinueAsNew")
class ContinueAsNew:
    """Continues as new ``n`` times, then returns "done"."""

    @workflow.run
    async def run(self, n: int) -> str:
        """Continue as new with ``n - 1`` while ``n`` is positive."""
        if n > 0:
            workflow.continue_as_new(n - 1)
        return "done"


@workflow.defn(name="Forever")
class Forever:
    """Never completes on its own; ends only by cancel or terminate."""

    @workflow.run
    async def run(self) -> None:
        """Wait forever; cancellation propagates and cancels the workflow."""
        await workflow.wait_condition(lambda: False)


def _seconds(delta: timedelta | None) -> float | None:
    """Convert an optional timedelta to float seconds."""
    return None if delta is None else delta.total_seconds()


def _retry_policy_json(policy: RetryPolicy | None) -> dict | None:
    """Render a retry policy as plain JSON (durations in seconds)."""
    if policy is None:
        return None
    return {
        "initial_interval": _seconds(policy.initial_interval),
        "backoff_coefficient": policy.backoff_coefficient,
        "maximum_interval": _seconds(policy.maximum_interval),
        "maximum_attempts": policy.maximum_attempts,
        "non_retryable_error_types": policy.non_retryable_error_types,
    }


def _search_attributes_json(attributes: TypedSearchAttributes) -> dict:
    """Render typed search attributes as plain JSON (datetimes as ISO 8601)."""
    return {
        pair.key.name: (
            pair.value.isoformat() if isinstance(pair.value, datetime) else pair.value
        )
        for pair in attributes
    }


@workflow.defn(name="Describe")
class Describe:
    """Returns what the workflow sees of its own start options."""

    @workflow.run
    async def run(self) -> dict:
        """Return selected `workflow.info()` fields as plain JSON."""
        info = workflow.info()
        return {
            "workflow_id": info.workflow_id,
            "run_id": info.run_id,
            "workflow_type": info.workflow_type,
            "task_queue": info.task_queue,
            "execution_timeout": _seconds(info.execution_timeout),
            "run_timeout": _seconds(info.run_timeout),
            "task_timeout": _seconds(info.task_timeout),
            "cron_schedule": info.cron_schedule or None,
            "attempt": info.attempt,
            "retry_policy": _retry_policy_json(info.retry_policy),
            "memo": dict(workflow.memo()),
            "search_attributes": _search_attributes_json(info.typed_search_attributes),
        }


@workflow.defn(name="RunActivity")
class RunActivity:
    """Runs one activity by name and returns its result."""

    @workflow.run
    async def run(
        self,
        name: str,
        args: list | None = None,
        task_queue: str | None = None,
        wait_cancellation: bool = False,
    ) -> Any:
        """Execute activity ``name`` with ``args`` (activity id "1").

        `async_activity` gets a 60 s start-to-close and a 10 s heartbeat
        timeout; everything else a 30 s start-to-close timeout. ``task_queue``
        sends the activity to another queue (a test can poll it itself);
        ``wait_cancellation`` keeps the workflow open after a cancel until the
        activity confirms it.
        """
        if name == "async_activity":
            timeouts = {
                "start_to_close_timeout": timedelta(seconds=60),
                "heartbeat_timeout": timedelta(seconds=10),
            }
        else:
            timeouts = {"start_to_close_timeout": timedelta(seconds=30)}
        cancellation = (
            workflow.ActivityCancellationType.WAIT_CANCELLATION_COMPLETED
            if wait_cancellation
            else workflow.ActivityCancellationType.TRY_CANCEL
        )
        return await workflow.execute_activity(
            name,
            args=args or [],
            task_queue=task_queue,
            cancellation_type=cancellation,
            retry_policy=RetryPolicy(maximum_attempts=1),
            **timeouts,
        )


@activity.defn(name="echo_activity")
async def echo_activity(x: Any) -> Any:
    """Return ``x`` unchanged."""
    return x


@activity.defn(name="async_activity")
async def async_activity() -> Any:
    """Record the task token in `ASYNC_TASK_TOKENS` and complete asynchronously."""
    info = activity.info()
    ASYNC_TASK_TOKENS[info.workflow_id] = info.task_token
    activity.raise_complete_async()


WORKFLOWS = [
    Echo,
    EchoArgs,
    Sleep,
    WaitForSignal,
    Fail,
    ContinueAsNew,
    Forever,
    Describe,
    RunActivity,
]
ACTIVITIES = [echo_activity, async_activity]
