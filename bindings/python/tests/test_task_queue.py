"""Describing task queues: the worker's pollers, stats, an unused queue and bad input, with both APIs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from conftest import eventually, run, unique

from temporal_capi import (
    Client,
    InvalidArgumentError,
    PollerInfo,
    TaskQueueDescription,
    TaskQueueStats,
    TaskQueueType,
    sync,
)


def assert_polled_recently(description: TaskQueueDescription) -> None:
    """Someone polls the queue, every poller has an identity and polled within the last minutes."""
    assert isinstance(description, TaskQueueDescription) and description.stats is None
    assert description.pollers, "the test worker polls this queue"
    now = datetime.now(timezone.utc)
    for poller in description.pollers:
        assert isinstance(poller, PollerInfo) and poller.identity
        assert poller.last_access_time is not None and poller.last_access_time.tzinfo is not None
        assert now - timedelta(minutes=5) < poller.last_access_time < now + timedelta(minutes=1), poller
        assert poller.rate_per_second >= 0


@pytest.mark.parametrize("task_queue_type", [TaskQueueType.WORKFLOW, TaskQueueType.ACTIVITY, "activity"])
def test_the_workers_queue_has_pollers_of_each_type(client: Client, task_queue: str, task_queue_type) -> None:
    def polled() -> TaskQueueDescription:
        description = run(client.describe_task_queue(task_queue, task_queue_type=task_queue_type))
        assert_polled_recently(description)
        return description

    eventually(polled)


def test_the_default_type_is_workflow(sync_client: sync.Client, task_queue: str) -> None:
    def polled() -> None:
        described = sync_client.describe_task_queue(task_queue)
        assert_polled_recently(described)
        identities = {p.identity for p in described.pollers}
        workflow = sync_client.describe_task_queue(task_queue, task_queue_type=TaskQueueType.WORKFLOW)
        assert identities == {p.identity for p in workflow.pollers}

    eventually(polled)


def test_pollers_can_be_left_out_and_stats_asked_for(client: Client, task_queue: str) -> None:
    quiet = run(client.describe_task_queue(task_queue, report_pollers=False))
    assert quiet == TaskQueueDescription(pollers=[], stats=None)
    for task_queue_type in TaskQueueType:
        stats = run(client.describe_task_queue(task_queue, task_queue_type=task_queue_type, report_stats=True)).stats
        assert isinstance(stats, TaskQueueStats), task_queue_type
        assert stats.approximate_backlog_count >= 0
        assert stats.approximate_backlog_age is None or stats.approximate_backlog_age >= timedelta(0)
        assert stats.tasks_add_rate >= 0 and stats.tasks_dispatch_rate >= 0


def test_an_unused_queue_has_no_pollers(client: Client, sync_client: sync.Client) -> None:
    unused = unique("no-worker-queue")
    assert run(client.describe_task_queue(unused)) == TaskQueueDescription(pollers=[], stats=None)
    described = sync_client.describe_task_queue(unused, task_queue_type="activity", report_stats=True)
    assert described.pollers == []
    assert described.stats is None or described.stats.approximate_backlog_count == 0


def test_an_empty_name_or_an_unknown_type_is_invalid(client: Client, sync_client: sync.Client) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        run(client.describe_task_queue(""))
    assert raised.value.error.get("key") == "task_queue"
    with pytest.raises(InvalidArgumentError):
        sync_client.describe_task_queue("q", task_queue_type="nexus")


def test_responses_decode_offline() -> None:
    decoded = TaskQueueDescription.from_json(
        {
            "pollers": [
                {"identity": "w@host", "last_access_time": "2030-01-02T03:04:05.123456789Z", "rate_per_second": 5}
            ],
            "stats": {
                "approximate_backlog_count": 3,
                "approximate_backlog_age": 1.5,
                "tasks_add_rate": 0.25,
                "tasks_dispatch_rate": 0.5,
            },
        }
    )
    assert decoded.pollers == [PollerInfo("w@host", datetime(2030, 1, 2, 3, 4, 5, 123456, tzinfo=timezone.utc), 5.0)]
    assert decoded.stats == TaskQueueStats(3, timedelta(seconds=1.5), 0.25, 0.5)
    bare = TaskQueueDescription.from_json({"pollers": [{"identity": "w", "last_access_time": None}], "stats": None})
    assert bare == TaskQueueDescription([PollerInfo("w", None, 0.0)], None)
    assert TaskQueueType.from_json("activity") is TaskQueueType.ACTIVITY
    assert TaskQueueType.WORKFLOW.to_json() == "workflow"
