"""Deleting, pausing, unpausing and resetting workflows (test_lifecycle.py covers the client's own lifecycle)."""

from __future__ import annotations

import pytest
from conftest import deleted, run, unique

from temporal_capi import (
    Client,
    InvalidArgumentError,
    NotFoundError,
    WorkflowExecutionStatus,
    sync,
)


def test_pause_and_unpause(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("WaitForSignal", id=unique("pause"), task_queue=task_queue)
        await handle.query("state")  # the first workflow task has run
        await handle.pause(reason="maintenance")
        paused = await handle.describe()
        await handle.unpause(reason="done")
        resumed = await handle.describe()
        await handle.signal("add", 1)
        await handle.signal("finish", None)
        return paused, resumed, await handle.result()

    paused, resumed, result = run(scenario())
    assert paused.status is WorkflowExecutionStatus.PAUSED and paused.raw["paused"] is True
    assert resumed.status is WorkflowExecutionStatus.RUNNING and resumed.raw["paused"] is False
    assert result == {"signals": [1], "finish": None}


def test_delete_removes_a_running_workflow(client: Client, task_queue: str) -> None:
    async def scenario() -> None:
        handle = await client.start_workflow("Forever", id=unique("delete"), task_queue=task_queue)
        await handle.delete()

        await deleted(handle)
        with pytest.raises(NotFoundError):
            await handle.fetch_history()

    run(scenario())


def test_reset_to_the_first_workflow_task_starts_a_new_run(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("WaitForSignal", id=unique("reset"), task_queue=task_queue)
        await handle.signal("add", "kept")
        assert await handle.query("state") == ["kept"]
        new_run = await handle.reset(to="first_workflow_task", reason="testing reset")
        old = await client.get_workflow_handle(handle.id, run_id=handle.result_run_id).describe()
        latest = await handle.describe()
        state = await handle.query("state")
        history = await handle.fetch_history()
        completed = [e for e in history.events if e["eventType"] == "EVENT_TYPE_WORKFLOW_TASK_COMPLETED"]
        newest = await handle.reset(int(completed[-1]["eventId"]))
        after = await handle.describe()
        await handle.terminate()
        return handle, new_run, old, latest, state, newest, after

    handle, new_run, old, latest, state, newest, after = run(scenario())
    assert isinstance(new_run, str) and new_run != handle.result_run_id
    assert old.status is WorkflowExecutionStatus.TERMINATED
    assert latest.run_id == new_run and latest.status is WorkflowExecutionStatus.RUNNING
    assert state == ["kept"], "signals after the reset point are reapplied"
    assert newest not in (new_run, handle.result_run_id) and after.run_id == newest


def test_reset_needs_exactly_one_target(client: Client, task_queue: str) -> None:
    async def scenario() -> list[InvalidArgumentError]:
        handle = await client.start_workflow("WaitForSignal", id=unique("resetbad"), task_queue=task_queue)
        await handle.query("state")
        errors = []
        for options in ({}, {"event_id": 4, "to": "last_workflow_task"}, {"to": "middle"}):
            with pytest.raises(InvalidArgumentError) as raised:
                await handle.reset(**options)
            errors.append(raised.value)
        await handle.terminate()
        return errors

    neither, both, unknown = run(scenario())
    assert neither.key == "event_id" and both.key == "event_id"
    assert unknown.key == "to"


def test_lifecycle_calls_on_a_missing_workflow_raise_not_found(client: Client) -> None:
    handle = client.get_workflow_handle(unique("lcmissing"))

    async def scenario() -> None:
        for call in (
            handle.delete,
            handle.pause,
            handle.unpause,
            lambda: handle.reset(to="last_workflow_task"),
            lambda: handle.reset(3),
        ):
            with pytest.raises(NotFoundError):
                await call()

    run(scenario())


def test_blocking_lifecycle(sync_client: sync.Client, task_queue: str) -> None:
    handle = sync_client.start_workflow("WaitForSignal", id=unique("s-lc"), task_queue=task_queue)
    handle.signal("add", 1)
    assert handle.query("state") == [1]
    handle.pause("p")
    assert handle.describe().status is WorkflowExecutionStatus.PAUSED
    handle.unpause()
    assert handle.describe().status is WorkflowExecutionStatus.RUNNING
    new_run = handle.reset(to="last_workflow_task")
    assert handle.describe().run_id == new_run != handle.result_run_id
    with pytest.raises(InvalidArgumentError):
        handle.reset()
    handle.delete()

    run(deleted(handle.inner))
    with pytest.raises(NotFoundError):
        sync_client.get_workflow_handle(unique("s-lcmissing")).pause()

