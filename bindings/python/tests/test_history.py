"""Fetching workflow histories: the whole history, one page, iteration and long polls."""

from __future__ import annotations

import asyncio

import pytest
from conftest import run, unique

from temporal_capi import (
    Client,
    HistoryEventFilterType,
    InvalidArgumentError,
    NotFoundError,
    WorkflowHistory,
    WorkflowHistoryEventPage,
    sync,
)

STARTED = "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED"
COMPLETED = "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"
SIGNALED = "EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED"


def _finished_signal_workflow(client: Client, task_queue: str) -> tuple:
    async def scenario() -> tuple:
        handle = await client.start_workflow("WaitForSignal", id=unique("hist"), task_queue=task_queue)
        await handle.signal("add", {"n": 1})
        await handle.signal("finish", "done")
        await handle.result()
        return handle, await handle.fetch_history()

    return run(scenario())


def test_fetch_history_returns_every_event_as_proto_json(client: Client, task_queue: str) -> None:
    handle, history = _finished_signal_workflow(client, task_queue)
    assert isinstance(history, WorkflowHistory)
    assert history.workflow_id == handle.id
    assert history.run_id == handle.result_run_id
    events = history.events
    assert [e["eventId"] for e in events] == [str(i) for i in range(1, len(events) + 1)]
    assert events[0]["eventType"] == STARTED and events[-1]["eventType"] == COMPLETED
    started = events[0]["workflowExecutionStartedEventAttributes"]
    assert started["workflowType"] == {"name": "WaitForSignal"}
    signals = [e["workflowExecutionSignaledEventAttributes"]["signalName"] for e in events if e["eventType"] == SIGNALED]
    assert signals == ["add", "finish"]
    assert WorkflowHistory.from_json(handle.id, history.to_json()) == history
    assert history.to_json_dict() == {"events": events}


def test_pages_and_iteration_give_the_same_events(client: Client, task_queue: str) -> None:
    handle, history = _finished_signal_workflow(client, task_queue)

    async def scenario() -> tuple:
        pages, token = [], None
        while True:
            page = await handle.fetch_history_events_page(page_size=2, next_page_token=token)
            assert isinstance(page, WorkflowHistoryEventPage)
            pages.append(page.events)
            token = page.next_page_token
            if token is None:
                break
        iterated = [e async for e in handle.fetch_history_events(page_size=3)]
        close = await handle.fetch_history_events_page(event_filter_type=HistoryEventFilterType.CLOSE_EVENT)
        return pages, iterated, close

    pages, iterated, close = run(scenario())
    # The server pages by event batches, so a page may hold more events than page_size.
    assert len(pages) > 1
    assert [e for p in pages for e in p] == history.events
    assert iterated == history.events
    assert [e["eventType"] for e in close.events] == [COMPLETED] and close.next_page_token is None


def test_wait_new_event_long_polls_for_the_close_event(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("WaitForSignal", id=unique("histwait"), task_queue=task_queue)
        waiting = asyncio.ensure_future(handle.fetch_history_events_page(wait_new_event=True, event_filter_type="close"))
        following = asyncio.ensure_future(_collect(handle.fetch_history_events(wait_new_event=True)))
        await handle.signal("finish", 7)
        return await waiting, await following, await handle.fetch_history()

    close, followed, history = run(scenario())
    assert [e["eventType"] for e in close.events] == [COMPLETED]
    completed = close.events[0]["workflowExecutionCompletedEventAttributes"]
    assert completed["result"]["payloads"], "the result payload is in the event"
    assert followed == history.events, "following the history ends when the run closes"


async def _collect(events) -> list:
    return [e async for e in events]


def test_history_errors(client: Client, task_queue: str) -> None:
    missing = client.get_workflow_handle(unique("nohist"))
    with pytest.raises(NotFoundError):
        run(missing.fetch_history())
    with pytest.raises(NotFoundError):
        run(missing.fetch_history_events_page())
    handle, _ = _finished_signal_workflow(client, task_queue)
    with pytest.raises(InvalidArgumentError) as raised:
        run(handle.fetch_history_events_page(event_filter_type="some"))
    assert raised.value.key == "event_filter"
    with pytest.raises(InvalidArgumentError) as raised:
        run(handle.fetch_history_events_page(next_page_token="%%%"))
    assert raised.value.key == "next_page_token"


def test_blocking_history(sync_client: sync.Client, task_queue: str) -> None:
    handle = sync_client.start_workflow("Echo", "h", id=unique("s-hist"), task_queue=task_queue)
    assert handle.result() == "h"
    history = handle.fetch_history()
    assert history.run_id == handle.result_run_id and history.events[-1]["eventType"] == COMPLETED
    events = handle.fetch_history_events(page_size=2)
    assert iter(events) is events
    assert list(events) == history.events
    page = handle.fetch_history_events_page(event_filter_type=HistoryEventFilterType.CLOSE_EVENT)
    assert [e["eventType"] for e in page.events] == [COMPLETED]
    with pytest.raises(NotFoundError):
        sync_client.get_workflow_handle(unique("s-nohist")).fetch_history()
