"""The Durable Task names: scheduling, waiting, querying, purging and instance control."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest
from conftest import deleted, eventually, eventually_async, run, unique

from temporal_capi import (
    Client,
    DurableTaskClient,
    InstanceQuery,
    InstanceQueryResult,
    InvalidArgumentError,
    NotFoundError,
    OrchestrationMetadata,
    WorkflowExecutionDescription,
    WorkflowExecutionStatus,
    sync,
)


def test_schedule_with_start_at_delays_the_first_task(client: Client, task_queue: str) -> None:
    start_at = datetime.now(timezone.utc) + timedelta(hours=1)

    async def scenario() -> tuple:
        instance_id = await client.schedule_new_orchestration_instance(
            "Echo", "later", task_queue=task_queue, instance_id=unique("dt-later"), start_at=start_at
        )
        described = await client.get_workflow_handle(instance_id).describe()
        await client.terminate_instance(instance_id, {"stopped": True}, reason="not waiting an hour")
        return instance_id, described, await client.wait_for_instance_completion(instance_id)

    instance_id, described, ended = run(scenario())
    assert described.status is WorkflowExecutionStatus.RUNNING
    assert described.execution_time - described.start_time > timedelta(minutes=50)
    assert described.execution_time <= start_at + timedelta(minutes=1)
    assert ended.status is WorkflowExecutionStatus.TERMINATED
    assert ended.failure == {"kind": "terminated", "message": "not waiting an hour", "details": [{"stopped": True}]}
    assert ended.output is None


def test_schedule_wait_for_start_and_completion(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        instance_id = await client.schedule_new_orchestration_instance(
            "EchoArgs", 1, "two", task_queue=task_queue, start_at=datetime(2000, 1, 1)
        )
        started = await client.wait_for_instance_start(instance_id)
        ended = await client.wait_for_instance_completion(instance_id)
        bare = await client.wait_for_instance_completion(instance_id, fetch_inputs_and_outputs=False)
        return instance_id, started, ended, bare

    instance_id, started, ended, bare = run(scenario())
    assert isinstance(started, WorkflowExecutionDescription)
    assert started.id == instance_id and started.execution_time == started.start_time, "a past start_at: no delay"
    assert started.history_length >= 3, "the first workflow task has started"
    assert isinstance(ended, OrchestrationMetadata)
    assert ended.instance_id == instance_id and ended.run_id == started.run_id and ended.name == "EchoArgs"
    assert ended.status is WorkflowExecutionStatus.COMPLETED and ended.failure is None
    assert ended.input == [1, "two"] and ended.output == [1, "two"]
    assert ended.created_at == started.start_time and ended.last_updated_at >= ended.created_at
    assert bare.status is WorkflowExecutionStatus.COMPLETED and bare.input is None and bare.output is None


def test_wait_for_completion_reports_failures_and_follows_continue_as_new(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        failed = await client.start_workflow("Fail", "boom", "Kind", True, id=unique("dt-fail"), task_queue=task_queue)
        chained = await client.start_workflow("ContinueAsNew", 2, id=unique("dt-can"), task_queue=task_queue)
        cancelled = await client.start_workflow("Forever", id=unique("dt-cancel"), task_queue=task_queue)
        await cancelled.cancel()
        return await asyncio.gather(
            client.wait_for_instance_completion(failed.id),
            client.wait_for_instance_completion(chained.id),
            client.wait_for_instance_completion(cancelled.id),
        ), chained

    (failed, chained, cancelled), chained_handle = run(scenario())
    assert failed.status is WorkflowExecutionStatus.FAILED
    assert failed.failure["kind"] == "application" and failed.failure["type"] == "Kind"
    assert failed.failure["message"] == "boom" and failed.input == ["boom", "Kind", True]
    assert chained.status is WorkflowExecutionStatus.COMPLETED and chained.output == "done"
    assert chained.run_id != chained_handle.result_run_id and chained.input == [0]
    assert cancelled.status is WorkflowExecutionStatus.CANCELED and cancelled.failure["kind"] == "canceled"


def test_query_instances_filters_and_pages(client: Client, task_queue: str) -> None:
    prefix = unique("dt-q")
    before = datetime.now(timezone.utc) - timedelta(minutes=5)

    async def scenario() -> tuple:
        handles = await asyncio.gather(
            *(client.start_workflow("Echo", i, id=f"{prefix}-{i}", task_queue=task_queue) for i in range(5))
        )
        await asyncio.gather(*(h.result() for h in handles))
        running = await client.start_workflow("Forever", id=f"{prefix}-running", task_queue=task_queue)
        completed = InstanceQuery(id_prefix=prefix, statuses=[WorkflowExecutionStatus.COMPLETED], page_size=2)

        async def all_listed() -> list[InstanceQueryResult]:
            pages, query = [], completed
            while True:
                page = await client.query_instances(query)
                pages.append(page)
                if page.continuation_token is None:
                    break
                query = InstanceQuery(
                    id_prefix=prefix, statuses=["completed"], page_size=2, continuation_token=page.continuation_token
                )
            assert sum(len(p.instances) for p in pages) == 5
            return pages

        pages = await eventually_async(all_listed)

        async def one_running() -> InstanceQueryResult:
            page = await client.query_instances(InstanceQuery(id_prefix=prefix, statuses=["running"], workflow_type="Forever"))
            assert len(page.instances) == 1
            return page

        running_page = await eventually_async(one_running)
        by_queue = await client.query_instances(
            InstanceQuery(id_prefix=prefix, task_queue=task_queue, created_from=before, created_to=datetime.now(timezone.utc) + timedelta(minutes=5))
        )
        too_early = await client.query_instances(InstanceQuery(id_prefix=prefix, created_to=before))
        other_type = await client.query_instances(InstanceQuery(id_prefix=prefix, workflow_type="EchoArgs"))
        await running.terminate()
        return {h.id for h in handles}, pages, running_page, by_queue, too_early, other_type

    ids, pages, running_page, by_queue, too_early, other_type = run(scenario())
    assert [len(p.instances) for p in pages][:3] == [2, 2, 1]
    assert {i.id for p in pages for i in p.instances} == ids
    assert all(i.status is WorkflowExecutionStatus.COMPLETED for p in pages for i in p.instances)
    assert isinstance(pages[0].continuation_token, str)
    assert "STARTS_WITH" in pages[0].query and "ExecutionStatus IN ('Completed')" in pages[0].query
    assert running_page.instances[0].id.endswith("-running")
    assert len(by_queue.instances) == 6
    assert too_early.instances == [] and other_type.instances == []


def test_query_values_are_quoted_literally(client: Client) -> None:
    page = run(client.query_instances(InstanceQuery(id_prefix="x' OR WorkflowId != '", workflow_type="a'b")))
    assert page.instances == []
    assert "'x\\' OR WorkflowId != \\''" in page.query


def test_purge_instances_deletes_every_match(client: Client, task_queue: str) -> None:
    # Running workflows: the server deletes a closed one only after a delay of ~20-30 s,
    # a running one (terminated first) at once.
    prefix = unique("dt-purge")
    query = InstanceQuery(id_prefix=prefix)

    async def scenario() -> tuple:
        await asyncio.gather(
            *(client.start_workflow("Forever", id=f"{prefix}-{i}", task_queue=task_queue) for i in range(4))
        )

        async def listed() -> None:
            assert len((await client.query_instances(query)).instances) == 4

        await eventually_async(listed)
        purged = await client.purge_instances(InstanceQuery(id_prefix=prefix, page_size=1), max_concurrency=2)

        async def gone() -> None:
            assert (await client.query_instances(query)).instances == []

        await eventually_async(gone)
        with pytest.raises(NotFoundError):
            await client.get_workflow_handle(f"{prefix}-0").describe()
        with pytest.raises(InvalidArgumentError) as raised:
            await client.purge_instances(query, max_concurrency=0)
        return purged, raised.value

    purged, error = run(scenario())
    assert purged == 4
    assert error.key == "max_concurrency"


def test_raise_event_suspend_resume_and_purge_instance(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        instance_id = await client.schedule_new_orchestration_instance(
            "WaitForSignal", task_queue=task_queue, instance_id=unique("dt-ctl")
        )
        handle = client.get_workflow_handle(instance_id)
        await client.raise_event(instance_id, "add", {"event": 1})
        state = await handle.query("state")
        await client.suspend_instance(instance_id, "hold")
        suspended = await handle.describe()
        await client.resume_instance(instance_id)
        resumed = await handle.describe()
        await client.raise_event(instance_id, "add", 2)
        later = await handle.query("state")
        await client.purge_instance(instance_id)

        await deleted(handle)
        return state, suspended, resumed, later

    state, suspended, resumed, later = run(scenario())
    assert state == [{"event": 1}]
    assert suspended.status is WorkflowExecutionStatus.PAUSED and suspended.raw["paused"] is True
    assert resumed.status is WorkflowExecutionStatus.RUNNING
    assert later == [{"event": 1}, 2]


def test_durable_errors(client: Client, task_queue: str) -> None:
    missing = unique("dt-missing")

    async def scenario() -> InvalidArgumentError:
        for call in (
            lambda: client.wait_for_instance_start(missing),
            lambda: client.wait_for_instance_completion(missing),
            lambda: client.raise_event(missing, "add", 1),
            lambda: client.terminate_instance(missing),
            lambda: client.suspend_instance(missing),
            lambda: client.resume_instance(missing),
            lambda: client.purge_instance(missing),
        ):
            with pytest.raises(NotFoundError):
                await call()
        with pytest.raises(InvalidArgumentError):
            await client.schedule_new_orchestration_instance(
                "Echo", task_queue=task_queue, start_at=datetime.now(timezone.utc), start_delay=5
            )
        with pytest.raises(InvalidArgumentError) as raised:
            await client.query_instances(InstanceQuery(statuses=["sleeping"]))
        return raised.value

    assert run(scenario()).key.startswith("statuses")


def test_blocking_durable(sync_client: sync.Client, task_queue: str) -> None:
    instance_id = sync_client.schedule_new_orchestration_instance(
        "WaitForSignal", task_queue=task_queue, instance_id=unique("s-dt")
    )
    assert sync_client.wait_for_instance_start(instance_id).id == instance_id
    sync_client.raise_event(instance_id, "add", 5)
    sync_client.suspend_instance(instance_id)
    assert sync_client.get_workflow_handle(instance_id).describe().status is WorkflowExecutionStatus.PAUSED
    sync_client.resume_instance(instance_id)
    query = InstanceQuery(id_prefix=instance_id)

    def listed() -> InstanceQueryResult:
        page = sync_client.query_instances(query)
        assert [i.id for i in page.instances] == [instance_id]
        return page

    assert eventually(listed).continuation_token is None
    assert sync_client.purge_instances(query) == 1

    run(deleted(sync_client.get_workflow_handle(instance_id).inner))
    with pytest.raises(NotFoundError):
        sync_client.purge_instance(instance_id)

    terminated = sync_client.schedule_new_orchestration_instance("Forever", task_queue=task_queue)
    sync_client.terminate_instance(terminated, "out")
    ended = sync_client.wait_for_instance_completion(terminated)
    assert ended.status is WorkflowExecutionStatus.TERMINATED and ended.failure["details"] == ["out"]


def test_durable_task_client_gets_instances_and_lists_every_page(client: Client, task_queue: str) -> None:
    durable = DurableTaskClient(client)
    prefix = unique("dt-get")

    async def scenario() -> tuple:
        missing = await durable.get_instance(f"{prefix}-missing")
        running_id = await durable.schedule_new_orchestration_instance(
            "WaitForSignal", task_queue=task_queue, instance_id=f"{prefix}-running"
        )
        done_id = await client.durable_task.schedule_new_orchestration_instance(
            "EchoArgs", 1, task_queue=task_queue, instance_id=f"{prefix}-done"
        )
        await durable.wait_for_instance_completion(done_id)
        running = await durable.get_instance(running_id)
        done = await durable.get_instance(done_id, fetch_inputs_and_outputs=True)

        async def both_listed() -> list:
            rows = [row async for row in durable.get_all_instances(InstanceQuery(id_prefix=prefix, page_size=1))]
            assert sorted(row.id for row in rows) == [done_id, running_id]
            return rows

        rows = await eventually_async(both_listed)
        await durable.terminate_instance(running_id)
        return missing, running, done, rows

    missing, running, done, rows = run(scenario())
    assert missing is None
    assert running.status is WorkflowExecutionStatus.RUNNING and running.name == "WaitForSignal"
    assert running.input is None and running.failure is None and running.last_updated_at is None
    assert done.status is WorkflowExecutionStatus.COMPLETED and done.input == [1] and done.output == [1]
    assert done.last_updated_at >= done.created_at
    assert len(rows) == 2


def test_blocking_durable_task_client(sync_client: sync.Client, task_queue: str) -> None:
    durable = sync.DurableTaskClient(sync_client)
    assert isinstance(sync_client.durable_task, sync.DurableTaskClient)
    instance_id = durable.schedule_new_orchestration_instance("Echo", "x", task_queue=task_queue)
    assert durable.wait_for_instance_completion(instance_id).output == "x"
    assert durable.get_instance(instance_id).status is WorkflowExecutionStatus.COMPLETED
    assert durable.get_instance(unique("s-dt-missing")) is None

    def listed() -> list:
        rows = list(durable.get_all_instances(InstanceQuery(id_prefix=instance_id)))
        assert [row.id for row in rows] == [instance_id]
        return rows

    eventually(listed)
