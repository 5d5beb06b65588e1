"""Asynchronous activity completion: complete, fail, heartbeat and report cancellation."""

from __future__ import annotations

import base64

import pytest
import workflows  # the test worker runs in this process and records async task tokens here
from conftest import eventually, eventually_async, run, unique

from temporal_capi import (
    ActivityError,
    ActivityHeartbeatResult,
    ApplicationError,
    AsyncActivityHandle,
    CancelledError,
    Client,
    InvalidArgumentError,
    NotFoundError,
    WorkflowFailureError,
    sync,
)


def _task_token(workflow_id: str) -> bytes:
    """The task token the `async_activity` of ``workflow_id`` parked itself with."""

    def recorded() -> bytes:
        assert workflow_id in workflows.ASYNC_TASK_TOKENS, "the activity has not started yet"
        return workflows.ASYNC_TASK_TOKENS[workflow_id]

    return eventually(recorded)


async def _task_token_async(workflow_id: str) -> bytes:
    """:func:`_task_token` without blocking the event loop."""

    async def recorded() -> bytes:
        assert workflow_id in workflows.ASYNC_TASK_TOKENS, "the activity has not started yet"
        return workflows.ASYNC_TASK_TOKENS[workflow_id]

    return await eventually_async(recorded)


async def _start_async_activity(client: Client, task_queue: str, prefix: str, wait_cancellation: bool = False):
    handle = await client.start_workflow(
        "RunActivity", "async_activity", [], None, wait_cancellation, id=unique(prefix), task_queue=task_queue
    )
    return handle, await _task_token_async(handle.id)


def test_complete_by_ids_after_heartbeats(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle, _ = await _start_async_activity(client, task_queue, "act-ids")
        activity = client.get_async_activity_handle(workflow_id=handle.id, activity_id="1")
        beat = await activity.heartbeat("progress", {"step": 1})
        details = (await handle.describe()).raw["pending_activities"][0]["heartbeat_details"]
        await activity.complete({"done": True})
        result = await handle.result()
        with pytest.raises(NotFoundError):
            await activity.complete("again")
        with pytest.raises(NotFoundError):
            await activity.heartbeat()
        return activity, beat, details, result

    activity, beat, details, result = run(scenario())
    assert isinstance(activity, AsyncActivityHandle)
    assert activity.task_token is None and activity.activity_id == "1"
    assert beat == ActivityHeartbeatResult(cancel_requested=False, paused=False, reset=False)
    assert details == ["progress", {"step": 1}]
    assert result == {"done": True}


def test_fail_by_task_token_with_an_application_error(client: Client, task_queue: str) -> None:
    async def scenario() -> WorkflowFailureError:
        handle, token = await _start_async_activity(client, task_queue, "act-fail")
        activity = client.get_async_activity_handle(task_token=token)
        assert activity.task_token == token and activity.workflow_id is None
        await activity.heartbeat()
        await activity.fail(ApplicationError("it broke", type="MyErr", non_retryable=True, details=[{"why": 1}, 2]))
        with pytest.raises(WorkflowFailureError) as raised:
            await handle.result()
        return raised.value

    error = run(scenario())
    assert isinstance(error.cause, ActivityError) and error.cause.activity_id == "1"
    cause = error.cause.cause
    assert isinstance(cause, ApplicationError)
    assert (cause.message, cause.type, cause.non_retryable, list(cause.details)) == ("it broke", "MyErr", True, [{"why": 1}, 2])


@pytest.mark.parametrize(
    ("error", "options", "expected"),
    [
        (ValueError("bad value"), {}, ("bad value", "ValueError")),
        ("plain message", {}, ("plain message", None)),
        ("typed", {"type": "Custom", "details": ["d"]}, ("typed", "Custom")),
        (ApplicationError("overridden", type="Old"), {"type": "New"}, ("overridden", "New")),
    ],
    ids=["exception", "message", "keywords", "override"],
)
def test_fail_accepts_exceptions_messages_and_keywords(client: Client, task_queue: str, error, options, expected) -> None:
    async def scenario() -> ApplicationError:
        handle, _ = await _start_async_activity(client, task_queue, "act-failkinds")
        await client.get_async_activity_handle(workflow_id=handle.id, activity_id="1").fail(error, **options)
        with pytest.raises(WorkflowFailureError) as raised:
            await handle.result()
        return raised.value.cause.cause

    cause = run(scenario())
    assert isinstance(cause, ApplicationError)
    assert (cause.message, cause.type) == expected
    assert list(cause.details) == options.get("details", [])


def test_heartbeat_reports_cancellation_then_report_cancellation(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle, token = await _start_async_activity(client, task_queue, "act-cancel", wait_cancellation=True)
        activity = client.get_async_activity_handle(task_token=token)
        before = await activity.heartbeat("working")
        await handle.cancel()

        async def cancel_requested() -> ActivityHeartbeatResult:
            beat = await activity.heartbeat("still working")
            assert beat.cancel_requested, "the cancellation has not reached the activity yet"
            return beat

        after = await eventually_async(cancel_requested)
        await activity.report_cancellation("cleaned up")
        with pytest.raises(WorkflowFailureError) as raised:
            await handle.result()
        with pytest.raises(NotFoundError):
            await activity.heartbeat()
        return before, after, raised.value

    before, after, error = run(scenario())
    assert before.cancel_requested is False
    assert after.cancel_requested is True
    assert isinstance(error.cause, CancelledError)


def test_complete_by_a_task_token_polled_from_the_raw_service(client: Client, task_queue: str) -> None:
    own_queue = unique("act-poll")

    async def scenario() -> tuple:
        handle = await client.start_workflow(
            "RunActivity", "echo_activity", ["unused"], own_queue, id=unique("act-token"), task_queue=task_queue
        )

        async def polled() -> dict:
            task = await client.workflow_service.call(
                "PollActivityTaskQueue", {"taskQueue": {"name": own_queue}, "identity": "python-test"}
            )
            assert task.get("taskToken"), "the poll timed out without a task"
            return task

        task = await eventually_async(polled)
        token = base64.b64decode(task["taskToken"])
        await client.get_async_activity_handle(task_token=token).complete("completed by token")
        return task, await handle.result()

    task, result = run(scenario())
    assert task["activityType"] == {"name": "echo_activity"} and task["activityId"] == "1"
    assert result == "completed by token"


def test_bad_activity_references_raise_invalid_argument(client: Client) -> None:
    for options in (
        {},
        {"workflow_id": "w"},
        {"activity_id": "1"},
        {"run_id": "r", "activity_id": "1"},
        {"task_token": b"t", "workflow_id": "w", "activity_id": "1"},
        {"task_token": "not bytes"},
    ):
        with pytest.raises(InvalidArgumentError) as raised:
            client.get_async_activity_handle(**options)
        assert raised.value.key == "task_token", options
    with pytest.raises(InvalidArgumentError):
        run(client.get_async_activity_handle(task_token=b"garbage").complete(1))
    with pytest.raises(NotFoundError):
        run(client.get_async_activity_handle(workflow_id=unique("noact"), activity_id="1").heartbeat())


def test_blocking_async_activity(sync_client: sync.Client, task_queue: str) -> None:
    handle = sync_client.start_workflow("RunActivity", "async_activity", id=unique("s-act"), task_queue=task_queue)
    token = _task_token(handle.id)
    activity = sync_client.get_async_activity_handle(workflow_id=handle.id, run_id=handle.result_run_id, activity_id="1")
    assert isinstance(activity, sync.AsyncActivityHandle)
    assert activity.workflow_id == handle.id and activity.run_id == handle.result_run_id
    assert activity.heartbeat(1).cancel_requested is False
    activity.complete([1, 2])
    assert handle.result() == [1, 2]
    with pytest.raises(NotFoundError):
        sync_client.get_async_activity_handle(task_token=token).complete(None)

    failing = sync_client.start_workflow("RunActivity", "async_activity", id=unique("s-actfail"), task_queue=task_queue)
    by_token = sync_client.get_async_activity_handle(task_token=_task_token(failing.id))
    assert by_token.task_token and by_token.activity_id is None
    by_token.fail("nope", type="SyncErr")
    with pytest.raises(WorkflowFailureError) as raised:
        failing.result()
    assert raised.value.cause.cause.type == "SyncErr"

    cancelled = sync_client.start_workflow(
        "RunActivity", "async_activity", [], None, True, id=unique("s-actcancel"), task_queue=task_queue
    )
    activity = sync_client.get_async_activity_handle(task_token=_task_token(cancelled.id))
    cancelled.cancel()

    def cancel_requested() -> None:
        assert activity.heartbeat().cancel_requested

    eventually(cancel_requested)
    activity.report_cancellation()
    with pytest.raises(WorkflowFailureError) as raised:
        cancelled.result()
    assert isinstance(raised.value.cause, CancelledError)
