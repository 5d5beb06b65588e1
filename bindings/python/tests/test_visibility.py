"""Listing and counting workflows (visibility), with both APIs."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime

import pytest
from conftest import eventually_async, run, unique

from temporal_capi import (
    Client,
    InvalidArgumentError,
    SearchAttributeKey,
    WorkflowExecution,
    WorkflowExecutionCount,
    WorkflowExecutionPage,
    WorkflowExecutionStatus,
    sync,
)

TAG = SearchAttributeKey.for_keyword("CustomKeyword")
MANY = 250


@pytest.fixture(scope="module")
def listed(client: Client, env) -> tuple[str, set[str]]:
    """250 completed Echo workflows tagged with one CustomKeyword value, all visible to list/count."""
    tag = unique("list")
    query = f"CustomKeyword = '{tag}' AND ExecutionStatus = 'Completed'"

    async def scenario() -> set[str]:
        handles = await asyncio.gather(
            *(
                client.start_workflow(
                    "Echo", i, id=f"{tag}-{i}", task_queue=env.task_queue, search_attributes={TAG: tag}
                )
                for i in range(MANY)
            )
        )
        assert await asyncio.gather(*(h.result() for h in handles)) == list(range(MANY))

        async def all_visible() -> None:
            assert (await client.count_workflows(query)).count == MANY

        await eventually_async(all_visible)
        return {h.id for h in handles}

    return query, run(scenario())


def test_list_workflows_in_pages_of_100_returns_each_exactly_once(client: Client, listed) -> None:
    query, ids = listed

    async def scenario() -> tuple[list[int], list[str], list[str]]:
        sizes, paged = [], []
        token = None
        while True:
            page = await client.list_workflows_page(query, page_size=100, next_page_token=token)
            assert isinstance(page, WorkflowExecutionPage)
            sizes.append(len(page.executions))
            paged += [e.id for e in page.executions]
            token = page.next_page_token
            if token is None:
                break
            assert isinstance(token, bytes)
        iterated = [e.id async for e in client.list_workflows(query, page_size=100)]
        return sizes, paged, iterated

    sizes, paged, iterated = run(scenario())
    assert sizes[:3] == [100, 100, 50] and sum(sizes) == MANY
    for listing in (paged, iterated):
        counts = Counter(listing)
        assert set(counts) == ids
        assert set(counts.values()) == {1}


def test_blocking_list_workflows_in_pages_of_100_returns_each_exactly_once(sync_client: sync.Client, listed) -> None:
    query, ids = listed
    rows = sync_client.list_workflows(query, page_size=100)
    assert not isinstance(rows, list) and iter(rows) is rows, "a generator, fetched page by page"
    counts = Counter(e.id for e in rows)
    assert set(counts) == ids and set(counts.values()) == {1}
    first = sync_client.list_workflows_page(query, page_size=100)
    assert len(first.executions) == 100 and first.next_page_token
    rest = Counter(e.id for e in sync_client.list_workflows(query, page_size=100, next_page_token=first.next_page_token))
    assert set(rest) == ids - {e.id for e in first.executions} and set(rest.values()) == {1}
    assert len(list(sync_client.list_workflows(query, page_size=100, limit=120))) == 120
    assert sync_client.count_workflows(query).count == MANY


def test_limit_and_resuming_from_a_page_token(client: Client, listed) -> None:
    query, ids = listed

    async def scenario() -> tuple:
        limited = [e.id async for e in client.list_workflows(query, page_size=100, limit=150)]
        first = await client.list_workflows_page(query, page_size=40)
        rest = [e.id async for e in client.list_workflows(query, page_size=100, next_page_token=first.next_page_token)]
        return limited, first, rest

    limited, first, rest = run(scenario())
    assert len(limited) == 150 and len(set(limited)) == 150 and set(limited) <= ids
    assert len(first.executions) == 40
    assert sorted(rest + [e.id for e in first.executions]) == sorted(ids)


def test_count_workflows_with_and_without_group_by(client: Client, listed) -> None:
    query, _ = listed
    tag_only = query.split(" AND ")[0]

    async def scenario() -> tuple:
        return await client.count_workflows(query), await client.count_workflows(f"{tag_only} GROUP BY ExecutionStatus")

    plain, grouped = run(scenario())
    assert isinstance(plain, WorkflowExecutionCount)
    assert plain.count == MANY and plain.groups == []
    assert grouped.count == MANY
    assert [(g.group_values, g.count) for g in grouped.groups] == [(["Completed"], MANY)]


def test_rows_carry_the_execution_fields(client: Client, task_queue: str) -> None:
    workflow_id = unique("row")
    tag = unique("rowtag")

    async def scenario() -> tuple:
        handle = await client.start_workflow(
            "WaitForSignal", id=workflow_id, task_queue=task_queue, memo={"m": [1]}, search_attributes={TAG: tag}
        )

        async def running() -> WorkflowExecution:
            rows = [e async for e in client.list_workflows(f"WorkflowId = '{workflow_id}'")]
            assert len(rows) == 1 and rows[0].status is WorkflowExecutionStatus.RUNNING
            return rows[0]

        open_row = await eventually_async(running)
        await handle.signal("finish", None)
        await handle.result()

        async def closed() -> WorkflowExecution:
            rows = [e async for e in client.list_workflows(f"WorkflowId = '{workflow_id}'")]
            assert len(rows) == 1 and rows[0].status is WorkflowExecutionStatus.COMPLETED
            return rows[0]

        return handle, open_row, await eventually_async(closed)

    handle, open_row, row = run(scenario())
    assert open_row.close_time is None
    assert row.id == workflow_id and row.run_id == handle.result_run_id
    assert row.workflow_type == "WaitForSignal" and row.task_queue == task_queue
    assert isinstance(row.start_time, datetime) and row.close_time >= row.start_time
    assert row.history_length > 0
    assert row.memo == {"m": [1]}
    assert row.search_attributes[TAG] == tag
    assert row.parent_id is None and row.raw["workflow_id"] == workflow_id


def test_malformed_query_and_bad_paging_raise_invalid_argument(client: Client, sync_client: sync.Client) -> None:
    async def scenario() -> list[InvalidArgumentError]:
        errors = []
        for call in (
            lambda: client.list_workflows_page("WorkflowType = = 'x'"),
            lambda: client.count_workflows("ExecutionStatus ((("),
            lambda: client.list_workflows_page(page_size=0),
            lambda: client.list_workflows_page(next_page_token="!not base64!"),
        ):
            with pytest.raises(InvalidArgumentError) as raised:
                await call()
            errors.append(raised.value)
        with pytest.raises(InvalidArgumentError):
            [e async for e in client.list_workflows("no such syntax ===")]
        return errors

    malformed, count, size, token = run(scenario())
    assert malformed.error.get("grpc_code") == 3 and count.error.get("grpc_code") == 3
    assert size.key == "page_size"
    assert token.key == "next_page_token"
    with pytest.raises(InvalidArgumentError):
        list(sync_client.list_workflows("WorkflowType = = 'x'"))
    with pytest.raises(InvalidArgumentError):
        sync_client.count_workflows("ExecutionStatus (((")


def test_an_empty_result_is_one_empty_page(client: Client, sync_client: sync.Client) -> None:
    query = f"WorkflowId = '{unique('nothing')}'"
    page = run(client.list_workflows_page(query))
    assert page.executions == [] and page.next_page_token is None
    assert run(client.count_workflows(query)).count == 0
    assert list(sync_client.list_workflows(query)) == []
