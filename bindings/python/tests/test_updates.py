"""Workflow updates: execute, start + handle, update-with-start, rejections and failures."""

from __future__ import annotations

import pytest
from conftest import raised_while_waiting, run, unique

from temporal_capi import (
    ApplicationError,
    Client,
    NotFoundError,
    TemporalCapiError,
    WithStartWorkflowOperation,
    WorkflowAlreadyStartedError,
    WorkflowIDConflictPolicy,
    WorkflowUpdateFailedError,
    WorkflowUpdateHandle,
    WorkflowUpdateStage,
    sync,
)


def test_execute_update_returns_the_handler_result(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("WaitForSignal", id=unique("upd"), task_queue=task_queue)
        results = [await handle.execute_update("set_value", v) for v in (5, 7, 11)]
        await handle.signal("finish", None)
        return results, await handle.result()

    results, final = run(scenario())
    assert results == [0, 5, 7]
    assert final == {"signals": [], "finish": None}


def test_rejected_update_raises_update_failed_with_the_validator_error(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("WaitForSignal", id=unique("updrej"), task_queue=task_queue)
        await handle.execute_update("set_value", 3)
        with pytest.raises(WorkflowUpdateFailedError) as raised:
            await handle.execute_update("set_value", -1, id="rejected-1")
        after = await handle.execute_update("set_value", 4)
        history = await handle.fetch_history()
        await handle.terminate()
        return raised.value, after, history

    error, after, history = run(scenario())
    assert error.code == "update_failed" and error.update_id == "rejected-1"
    assert isinstance(error.cause, ApplicationError) and error.__cause__ is error.cause
    assert error.cause.message == "negative" and error.cause.type == "ValueError"
    assert after == 3, "a rejected update changes nothing"
    accepted = [e for e in history.events if e["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED"]
    assert len(accepted) == 2, "a rejected update leaves no trace in the history"


def test_failing_handler_raises_update_failed_with_the_application_error(client: Client, task_queue: str) -> None:
    error = run(
        raised_while_waiting(
            client, task_queue, WorkflowUpdateFailedError, lambda handle: handle.execute_update("fail_update")
        )
    )
    assert isinstance(error.cause, ApplicationError)
    assert error.cause.type == "UpdateErr" and error.cause.message == "update failed"


def test_start_update_handles_and_get_update_handle(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("WaitForSignal", id=unique("updstart"), task_queue=task_queue)
        accepted = await handle.start_update("set_value", 10, id="first")
        completed = await handle.start_update("set_value", 20, wait_for_stage=WorkflowUpdateStage.COMPLETED)
        rejected = await handle.start_update("set_value", -3, wait_for_stage="accepted")
        results = (
            await accepted.result(),
            await accepted.result(),
            await completed.result(),
            await handle.get_update_handle("first").result(),
            await handle.execute_update("set_value", 99, id="first"),
        )
        errors = []
        for _ in range(2):
            with pytest.raises(WorkflowUpdateFailedError) as raised:
                await rejected.result()
            errors.append(raised.value)
        with pytest.raises(NotFoundError):
            await handle.get_update_handle("no-such-update").result()
        state = await handle.execute_update("set_value", 0)
        await handle.terminate()
        return handle, accepted, completed, rejected, results, errors, state

    handle, accepted, completed, rejected, results, errors, state = run(scenario())
    assert isinstance(accepted, WorkflowUpdateHandle)
    assert accepted.id == "first" and accepted.workflow_id == handle.id and accepted.workflow_run_id is None
    assert completed.id and completed.id != "first"
    assert results == (0, 0, 10, 0, 0), "an update id is idempotent: the same id returns the first outcome"
    assert state == 20
    assert rejected.id and errors[0] is errors[1]
    assert isinstance(errors[0].cause, ApplicationError) and errors[0].cause.type == "ValueError"


def test_update_handle_pinned_to_a_run(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        started = await client.start_workflow("WaitForSignal", id=unique("updrun"), task_queue=task_queue)
        pinned = client.get_workflow_handle(started.id, run_id=started.result_run_id)
        update = await pinned.start_update("set_value", 1)
        other = started.get_update_handle(update.id, workflow_run_id=started.result_run_id)
        results = await update.result(), await other.result()
        await started.terminate()
        return started, update, other, results

    started, update, other, results = run(scenario())
    assert update.workflow_run_id == started.result_run_id == other.workflow_run_id
    assert results == (0, 0)


def test_updates_on_missing_or_closed_workflows_raise_not_found(client: Client, task_queue: str) -> None:
    async def scenario() -> None:
        with pytest.raises(NotFoundError):
            await client.get_workflow_handle(unique("updmissing")).execute_update("set_value", 1)
        done = await client.start_workflow("Echo", 1, id=unique("upddone"), task_queue=task_queue)
        await done.result()
        with pytest.raises(NotFoundError):
            await done.start_update("set_value", 1)

    run(scenario())


def test_update_with_start_starts_once_then_uses_the_running_workflow(client: Client, task_queue: str) -> None:
    workflow_id = unique("uws")

    def operation(policy: WorkflowIDConflictPolicy | str = WorkflowIDConflictPolicy.USE_EXISTING) -> WithStartWorkflowOperation:
        return WithStartWorkflowOperation("WaitForSignal", id=workflow_id, task_queue=task_queue, id_conflict_policy=policy)

    async def scenario() -> tuple:
        first_op = operation()
        first = await client.execute_update_with_start_workflow("set_value", 3, start_workflow_operation=first_op)
        first_handle = await first_op.workflow_handle()
        second_op = operation("use_existing")
        update = await client.start_update_with_start_workflow(
            "set_value", 4, start_workflow_operation=second_op, id="uws-update"
        )
        second = await update.result()
        second_handle = await second_op.workflow_handle()
        with pytest.raises(RuntimeError):
            await client.execute_update_with_start_workflow("set_value", 5, start_workflow_operation=second_op)
        rejected_op = operation()
        with pytest.raises(WorkflowUpdateFailedError) as rejected:
            await client.execute_update_with_start_workflow("set_value", -5, start_workflow_operation=rejected_op)
        rejected_handle = await rejected_op.workflow_handle()
        conflict_op = operation(WorkflowIDConflictPolicy.FAIL)
        with pytest.raises(TemporalCapiError) as conflict:
            await client.execute_update_with_start_workflow("set_value", 6, start_workflow_operation=conflict_op)
        with pytest.raises(TemporalCapiError) as conflict_again:
            await conflict_op.workflow_handle()
        state = await first_handle.execute_update("set_value", 0)
        await first_handle.signal("finish", "end")
        return (first, first_handle, update, second, second_handle, rejected.value, rejected_handle,
                conflict.value, conflict_again.value, state, await first_handle.result())

    (first, first_handle, update, second, second_handle, rejected, rejected_handle,
     conflict, conflict_again, state, final) = run(scenario())
    assert first == 0 and second == 3 and state == 4
    assert first_handle.id == workflow_id and first_handle.result_run_id
    assert second_handle.result_run_id == first_handle.result_run_id
    assert update.id == "uws-update" and update.workflow_id == workflow_id
    assert isinstance(rejected.cause, ApplicationError) and rejected.cause.type == "ValueError"
    assert rejected_handle.id == workflow_id
    assert isinstance(conflict, WorkflowAlreadyStartedError)
    assert conflict.code == "already_started" and conflict.run_id == first_handle.result_run_id
    assert conflict_again is conflict
    assert final == {"signals": [], "finish": "end"}


def test_with_start_operation_before_use(client: Client, task_queue: str) -> None:
    operation = WithStartWorkflowOperation(
        "WaitForSignal", id=unique("uwsunused"), task_queue=task_queue, id_conflict_policy="fail"
    )
    with pytest.raises(RuntimeError):
        run(operation.workflow_handle())


def test_blocking_updates(sync_client: sync.Client, task_queue: str) -> None:
    handle = sync_client.start_workflow("WaitForSignal", id=unique("s-upd"), task_queue=task_queue)
    assert handle.execute_update("set_value", 2) == 0
    update = handle.start_update("set_value", 3, id="s-u")
    assert isinstance(update, sync.WorkflowUpdateHandle)
    assert update.id == "s-u" and update.workflow_id == handle.id and update.workflow_run_id is None
    assert update.result() == 2
    assert handle.get_update_handle("s-u").result() == 2
    with pytest.raises(WorkflowUpdateFailedError) as raised:
        handle.execute_update("set_value", -2)
    assert isinstance(raised.value.cause, ApplicationError)
    with pytest.raises(WorkflowUpdateFailedError):
        handle.start_update("fail_update", wait_for_stage=WorkflowUpdateStage.COMPLETED).result()
    handle.terminate()

    workflow_id = unique("s-uws")
    operation = sync.WithStartWorkflowOperation(
        "WaitForSignal", id=workflow_id, task_queue=task_queue, id_conflict_policy="use_existing"
    )
    assert sync_client.execute_update_with_start_workflow("set_value", 8, start_workflow_operation=operation) == 0
    started = operation.workflow_handle()
    assert isinstance(started, sync.WorkflowHandle) and started.id == workflow_id
    again = sync.WithStartWorkflowOperation(
        "WaitForSignal", id=workflow_id, task_queue=task_queue, id_conflict_policy="use_existing"
    )
    update = sync_client.start_update_with_start_workflow("set_value", 9, start_workflow_operation=again)
    assert update.result() == 8
    assert again.workflow_handle().result_run_id == started.result_run_id
    started.terminate()
