"""The blocking twin: every method and error, with no event loop."""

from __future__ import annotations

import asyncio
import threading

import pytest
from conftest import unique

from temporal_capi import (
    ApplicationError,
    CancelledError,
    NotFoundError,
    TerminatedError,
    WorkflowAlreadyStartedError,
    WorkflowContinuedAsNewError,
    WorkflowExecutionStatus,
    WorkflowFailureError,
    WorkflowQueryFailedError,
    WorkflowQueryRejectedError,
    sync,
)


def test_start_signal_query_describe_result(sync_client: sync.Client, task_queue: str) -> None:
    handle = sync_client.start_workflow("WaitForSignal", id=unique("s-flow"), task_queue=task_queue, memo={"m": 1})
    assert isinstance(handle, sync.WorkflowHandle)
    assert handle.run_id is None and handle.result_run_id == handle.first_execution_run_id
    handle.signal("add", "a")
    assert handle.query("state") == ["a"]
    described = handle.describe()
    assert described.status is WorkflowExecutionStatus.RUNNING and described.memo == {"m": 1}
    handle.signal("finish", None)
    assert handle.result() == {"signals": ["a"], "finish": None}
    pinned = sync_client.get_workflow_handle(handle.id, run_id=handle.result_run_id)
    assert pinned.run_id == handle.result_run_id
    assert pinned.describe().status is WorkflowExecutionStatus.COMPLETED


def test_execute_workflow_and_signal_with_start(sync_client: sync.Client, task_queue: str) -> None:
    assert sync_client.execute_workflow("Echo", {"k": [1]}, id=unique("s-exec"), task_queue=task_queue) == {"k": [1]}
    handle = sync_client.start_workflow(
        "WaitForSignal", id=unique("s-sws"), task_queue=task_queue, start_signal="add", start_signal_args=["x"]
    )
    assert handle.query("state") == ["x"]
    handle.terminate()


def test_errors_match_the_asyncio_api(sync_client: sync.Client, task_queue: str) -> None:
    workflow_id = unique("s-err")
    running = sync_client.start_workflow("Forever", id=workflow_id, task_queue=task_queue)
    with pytest.raises(WorkflowAlreadyStartedError) as started:
        sync_client.start_workflow("Forever", id=workflow_id, task_queue=task_queue)
    assert started.value.run_id == running.result_run_id
    with pytest.raises(WorkflowQueryFailedError):
        running.query("nope")
    running.cancel()
    with pytest.raises(WorkflowFailureError) as cancelled:
        running.result()
    assert isinstance(cancelled.value.cause, CancelledError)
    with pytest.raises(WorkflowQueryRejectedError):
        running.query("state", reject_condition="not_open")

    other = sync_client.start_workflow("Forever", id=unique("s-term"), task_queue=task_queue)
    other.terminate("because", details=[1])
    with pytest.raises(WorkflowFailureError) as terminated:
        other.result()
    assert isinstance(terminated.value.cause, TerminatedError) and terminated.value.cause.reason == "because"

    with pytest.raises(WorkflowFailureError) as failed:
        sync_client.execute_workflow("Fail", "bad", "Kind", False, id=unique("s-fail"), task_queue=task_queue)
    assert isinstance(failed.value.cause, ApplicationError) and failed.value.cause.type == "Kind"

    chained = sync_client.start_workflow("ContinueAsNew", 1, id=unique("s-can"), task_queue=task_queue)
    with pytest.raises(WorkflowContinuedAsNewError):
        chained.result(follow_runs=False)
    assert chained.result() == "done"

    with pytest.raises(NotFoundError):
        sync_client.get_workflow_handle(unique("s-missing")).describe()


def test_works_inside_a_running_event_loop_and_from_threads(sync_client: sync.Client, task_queue: str) -> None:
    async def inside_loop() -> object:
        return sync_client.execute_workflow("Echo", "in loop", id=unique("s-loop"), task_queue=task_queue)

    assert asyncio.run(inside_loop()) == "in loop"
    results: dict[int, object] = {}

    def worker(n: int) -> None:
        results[n] = sync_client.execute_workflow("Echo", n, id=unique(f"s-thread-{n}"), task_queue=task_queue)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: n for n in range(8)}


def test_blocking_methods_carry_the_asyncio_signatures() -> None:
    import inspect

    import temporal_capi

    assert "task_queue" in inspect.signature(sync.Client.start_workflow).parameters
    assert "reject_condition" in inspect.signature(sync.WorkflowHandle.query).parameters
    assert sync.Client.connect.__doc__ and "Blocking form" in sync.Client.connect.__doc__
    assert temporal_capi.Client.start_workflow.__doc__
