"""Every asyncio client and handle method against the dev server and worker."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from conftest import raised_while_waiting, run, unique

from temporal_capi import (
    ApplicationError,
    CancelledError,
    Client,
    InvalidArgumentError,
    NotFoundError,
    Priority,
    QueryRejectCondition,
    RetryPolicy,
    RPCError,
    RPCStatusCode,
    SearchAttributeKey,
    TerminatedError,
    TimeoutError,
    WorkflowAlreadyStartedError,
    WorkflowContinuedAsNewError,
    WorkflowExecutionStatus,
    WorkflowFailureError,
    WorkflowIDConflictPolicy,
    WorkflowIDReusePolicy,
    WorkflowQueryFailedError,
    WorkflowQueryRejectedError,
)

VALUES = [
    None,
    True,
    False,
    0,
    -1,
    2**53,
    -(2**53),
    3.5,
    1e-300,
    "",
    "héllo ✓ 𝄞",
    [1, [2, [3]], {"a": None}],
    {"nested": {"list": [1.25, "x", False]}, "empty": {}},
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_execute_workflow_round_trips_every_json_type(client: Client, task_queue: str, value: object) -> None:
    result = run(client.execute_workflow("Echo", value, id=unique("echo"), task_queue=task_queue))
    assert result == value
    assert type(result) is type(value)


def test_several_args_arrive_in_order(client: Client, task_queue: str) -> None:
    result = run(client.execute_workflow("EchoArgs", 1, "two", [3], id=unique("args"), task_queue=task_queue))
    assert result == [1, "two", [3]]


def test_start_options_are_visible_in_describe_and_to_the_workflow(client: Client, task_queue: str) -> None:
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    attributes = {
        SearchAttributeKey.for_keyword("CustomKeyword"): "kw",
        SearchAttributeKey.for_text("CustomText"): "some text",
        SearchAttributeKey.for_int("CustomInt"): 42,
        SearchAttributeKey.for_float("CustomDouble"): 1.5,
        SearchAttributeKey.for_bool("CustomBool"): True,
        SearchAttributeKey.for_datetime("CustomDatetime"): when,
        SearchAttributeKey.for_keyword_list("CustomKeywordList"): ["a", "b"],
    }

    async def scenario() -> tuple:
        handle = await client.start_workflow(
            "Describe",
            id=unique("describe"),
            task_queue=task_queue,
            execution_timeout=timedelta(minutes=10),
            run_timeout=300,
            task_timeout=timedelta(seconds=7),
            id_reuse_policy=WorkflowIDReusePolicy.ALLOW_DUPLICATE,
            retry_policy=RetryPolicy(
                initial_interval=timedelta(seconds=2),
                backoff_coefficient=3.0,
                maximum_interval=timedelta(seconds=30),
                maximum_attempts=4,
                non_retryable_error_types=["Bad"],
            ),
            memo={"owner": "tests", "n": [1, 2]},
            search_attributes=attributes,
            static_summary="summary text",
            static_details="details text",
            priority=Priority(priority_key=2),
        )
        seen = await handle.result()
        return handle, seen, await handle.describe()

    handle, seen, described = run(scenario())
    assert described.id == handle.id
    assert described.run_id == handle.result_run_id == handle.first_execution_run_id
    assert described.workflow_type == "Describe"
    assert described.task_queue == task_queue
    assert described.status is WorkflowExecutionStatus.COMPLETED
    assert described.execution_timeout == timedelta(minutes=10)
    assert described.run_timeout == timedelta(seconds=300)
    assert described.task_timeout == timedelta(seconds=7)
    assert described.memo == {"owner": "tests", "n": [1, 2]}
    assert {k: described.search_attributes[k] for k in attributes} == attributes
    assert described.static_summary == "summary text"
    assert described.static_details == "details text"
    assert isinstance(described.start_time, datetime) and isinstance(described.close_time, datetime)
    assert described.close_time >= described.start_time
    assert described.history_length > 0
    assert described.raw["priority"]["priority_key"] == 2
    assert seen["retry_policy"] == {
        "initial_interval": 2.0,
        "backoff_coefficient": 3.0,
        "maximum_interval": 30.0,
        "maximum_attempts": 4,
        "non_retryable_error_types": ["Bad"],
    }
    assert seen["memo"] == {"owner": "tests", "n": [1, 2]}
    assert seen["search_attributes"]["CustomKeywordList"] == ["a", "b"]


def test_start_delay_and_cron_postpone_the_first_run(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        delayed = await client.start_workflow("Echo", 1, id=unique("delay"), task_queue=task_queue, start_delay=3600)
        cron = await client.start_workflow("Echo", 1, id=unique("cron"), task_queue=task_queue, cron_schedule="0 0 1 1 *")
        described = await delayed.describe(), await cron.describe()
        await delayed.terminate("test over")
        await cron.terminate("test over")
        return described

    delayed, cron = run(scenario())
    for described in (delayed, cron):
        assert described.status is WorkflowExecutionStatus.RUNNING
        assert described.execution_time - described.start_time > timedelta(minutes=50)


def test_reused_id_raises_already_started_and_use_existing_returns_the_run(client: Client, task_queue: str) -> None:
    workflow_id = unique("dup")

    async def scenario() -> tuple:
        first = await client.start_workflow("WaitForSignal", id=workflow_id, task_queue=task_queue)
        with pytest.raises(WorkflowAlreadyStartedError) as raised:
            await client.start_workflow("WaitForSignal", id=workflow_id, task_queue=task_queue)
        existing = await client.start_workflow(
            "WaitForSignal",
            id=workflow_id,
            task_queue=task_queue,
            id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
        )
        await first.terminate()
        return first, raised.value, existing

    first, error, existing = run(scenario())
    assert error.workflow_id == workflow_id
    assert error.run_id == first.result_run_id
    assert error.code == "already_started"
    assert existing.result_run_id == first.result_run_id


def test_signal_is_seen_by_a_following_query_and_the_result(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("WaitForSignal", id=unique("signal"), task_queue=task_queue)
        await handle.signal("add", {"n": 1})
        await handle.signal("add", "two")
        state = await handle.query("state")
        echoed = await handle.query("echo_query", ["x", 1])
        await handle.signal("finish", "bye")
        return state, echoed, await handle.result()

    state, echoed, result = run(scenario())
    assert state == [{"n": 1}, "two"]
    assert echoed == ["x", 1]
    assert result == {"signals": [{"n": 1}, "two"], "finish": "bye"}


def test_signal_with_start_delivers_the_signal_first(client: Client, task_queue: str) -> None:
    async def scenario() -> list:
        handle = await client.start_workflow(
            "WaitForSignal", id=unique("sws"), task_queue=task_queue, start_signal="add", start_signal_args=[7]
        )
        state = await handle.query("state")
        await handle.terminate()
        return state

    assert run(scenario()) == [7]


def test_unknown_query_raises_query_failed(client: Client, task_queue: str) -> None:
    error = run(
        raised_while_waiting(client, task_queue, WorkflowQueryFailedError, lambda handle: handle.query("no_such_query"))
    )
    assert "no_such_query" in str(error)


def test_query_reject_condition_raises_query_rejected(client: Client, task_queue: str) -> None:
    async def scenario() -> WorkflowQueryRejectedError:
        handle = await client.start_workflow("Fail", "boom", "E", True, id=unique("rej"), task_queue=task_queue)
        with pytest.raises(WorkflowFailureError):
            await handle.result()
        with pytest.raises(WorkflowQueryRejectedError) as raised:
            await handle.query("anything", reject_condition=QueryRejectCondition.NOT_OPEN)
        return raised.value

    assert run(scenario()).status == "failed"


def test_application_failure_is_decoded(client: Client, task_queue: str) -> None:
    async def scenario() -> WorkflowFailureError:
        with pytest.raises(WorkflowFailureError) as raised:
            await client.execute_workflow(
                "Fail", "it broke", "MyError", True, [{"why": "x"}, 2], id=unique("fail"), task_queue=task_queue
            )
        return raised.value

    error = run(scenario())
    assert isinstance(error.cause, ApplicationError)
    assert error.cause.message == "it broke"
    assert error.cause.type == "MyError"
    assert error.cause.non_retryable is True
    assert list(error.cause.details) == [{"why": "x"}, 2]
    assert error.__cause__ is error.cause


def test_cancel_ends_the_workflow_as_cancelled(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("Forever", id=unique("cancel"), task_queue=task_queue)
        await handle.cancel(reason="enough")
        with pytest.raises(WorkflowFailureError) as raised:
            await handle.result()
        return raised.value, await handle.describe()

    error, described = run(scenario())
    assert isinstance(error.cause, CancelledError)
    assert error.code == "workflow_cancelled"
    assert described.status is WorkflowExecutionStatus.CANCELED


def test_terminate_records_reason_and_details(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("Forever", id=unique("term"), task_queue=task_queue)
        await handle.terminate("stop now", details=[{"k": 1}])
        with pytest.raises(WorkflowFailureError) as raised:
            await handle.result()
        return raised.value, await handle.describe()

    error, described = run(scenario())
    assert isinstance(error.cause, TerminatedError)
    assert error.cause.reason == "stop now"
    assert list(error.cause.details) == [{"k": 1}]
    assert described.status is WorkflowExecutionStatus.TERMINATED


def test_timed_out_workflow_raises_timeout_cause(client: Client, task_queue: str) -> None:
    async def scenario() -> WorkflowFailureError:
        with pytest.raises(WorkflowFailureError) as raised:
            await client.execute_workflow("Forever", id=unique("timeout"), task_queue=task_queue, execution_timeout=1)
        return raised.value

    error = run(scenario())
    assert isinstance(error.cause, TimeoutError)
    assert error.code == "workflow_timed_out"


def test_continue_as_new_is_followed_or_reported(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("ContinueAsNew", 2, id=unique("can"), task_queue=task_queue)
        final = await handle.result()
        with pytest.raises(WorkflowContinuedAsNewError) as raised:
            await handle.result(follow_runs=False)
        return handle, final, raised.value

    handle, final, error = run(scenario())
    assert final == "done"
    assert error.new_run_id and error.new_run_id != handle.result_run_id


def test_get_workflow_handle_targets_an_existing_run(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        started = await client.start_workflow("Echo", "x", id=unique("get"), task_queue=task_queue)
        latest = client.get_workflow_handle(started.id)
        pinned = client.get_workflow_handle(started.id, run_id=started.result_run_id)
        return started, await latest.result(), await pinned.describe()

    started, result, described = run(scenario())
    assert result == "x"
    assert described.run_id == started.result_run_id


def test_unknown_workflow_raises_not_found(client: Client) -> None:
    handle = client.get_workflow_handle(unique("missing"))
    with pytest.raises(NotFoundError) as raised:
        run(handle.describe())
    assert isinstance(raised.value, RPCError)
    assert raised.value.status is RPCStatusCode.NOT_FOUND
    with pytest.raises(NotFoundError):
        run(handle.signal("add", 1))


def test_bad_input_raises_invalid_argument_naming_the_key(client: Client, task_queue: str) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        run(client.start_workflow("Echo", id=unique("bad"), task_queue=task_queue, id_reuse_policy="sometimes"))
    assert raised.value.key == "id_reuse_policy"
    with pytest.raises(InvalidArgumentError):
        run(client.start_workflow("Echo", float("nan"), task_queue=task_queue))
    with pytest.raises(InvalidArgumentError):
        run(client.start_workflow("Echo", object(), task_queue=task_queue))
