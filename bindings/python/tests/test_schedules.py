"""Schedules with both APIs against the dev server and worker (test_schedule_json.py checks the JSON forms offline).

The scheduler acts asynchronously, so every test polls describe with a
generous deadline instead of expecting an action within a set time.
"""

from __future__ import annotations

import asyncio
import copy
import time
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Iterator

import pytest
from conftest import eventually, eventually_async, run, unique

from temporal_capi import (
    Client,
    InvalidArgumentError,
    NotFoundError,
    Priority,
    RetryPolicy,
    RPCError,
    RPCStatusCode,
    Schedule,
    ScheduleActionStartWorkflow,
    ScheduleAlreadyRunningError,
    ScheduleBackfill,
    ScheduleCalendarSpec,
    ScheduleDescription,
    ScheduleHandle,
    ScheduleIntervalSpec,
    ScheduleListDescription,
    ScheduleListState,
    ScheduleOverlapPolicy,
    SchedulePolicy,
    ScheduleRange,
    ScheduleSpec,
    ScheduleState,
    ScheduleUpdate,
    SearchAttributeKey,
    WorkflowExecutionStatus,
    sync,
)

DEADLINE = 120.0
"""Seconds to wait for the scheduler to act; generous, never asserted on."""

TAG = SearchAttributeKey.for_keyword("CustomKeyword")
COUNT = SearchAttributeKey.for_int("CustomInt")
EVERY_SECOND = ScheduleSpec(intervals=[ScheduleIntervalSpec(timedelta(seconds=1))])


@pytest.fixture
def schedule_id(client: Client) -> Iterator[Callable[[str], str]]:
    """Makes fresh schedule ids and deletes those schedules after the test, so interval schedules stop."""
    made: list[str] = []

    def make(prefix: str) -> str:
        made.append(unique(prefix))
        return made[-1]

    yield make

    async def cleanup() -> None:
        for sid in made:
            try:
                await client.get_schedule_handle(sid).delete()
            except NotFoundError:
                pass

    run(cleanup())


def echo(arg: Any, task_queue: str) -> ScheduleActionStartWorkflow:
    """An action starting the worker's Echo workflow with ``arg``."""
    return ScheduleActionStartWorkflow("Echo", arg, id=unique("sched-wf"), task_queue=task_queue)


async def wait_for(
    handle: ScheduleHandle, what: str, check: Callable[[ScheduleDescription], Any]
) -> ScheduleDescription:
    """Describes ``handle`` until ``check`` holds; fails with the last description at the deadline."""
    end = time.monotonic() + DEADLINE
    while True:
        description = await handle.describe()
        if check(description):
            return description
        assert time.monotonic() < end, f"timed out waiting for {what}; last description: {description}"
        await asyncio.sleep(0.3)


def wait_for_blocking(
    handle: sync.ScheduleHandle, what: str, check: Callable[[ScheduleDescription], Any]
) -> ScheduleDescription:
    """The blocking form of :func:`wait_for`."""
    end = time.monotonic() + DEADLINE
    while True:
        description = handle.describe()
        if check(description):
            return description
        assert time.monotonic() < end, f"timed out waiting for {what}; last description: {description}"
        time.sleep(0.3)


def seconds_until_after(action_time: datetime | None) -> float:
    """How long until the UTC second after ``action_time`` begins.

    The server names a started workflow after its action's time in whole
    seconds, so a second action within the same second gets the same id and
    is dropped while the first still runs; tests space triggers by it.
    """
    if action_time is None:
        return 0.0
    next_second = action_time.replace(microsecond=0) + timedelta(seconds=1, milliseconds=50)
    return max(0.0, (next_second - datetime.now(timezone.utc)).total_seconds())


def minute_mark() -> datetime:
    """The current UTC minute."""
    return datetime.now(timezone.utc).replace(second=0, microsecond=0)


# -- Against the server (asyncio) ---------------------------------------------


def test_a_schedule_reads_back_equal_through_describe(client: Client, task_queue: str, schedule_id) -> None:
    schedule = Schedule(
        action=ScheduleActionStartWorkflow(
            "Echo",
            {"a": [1, 2]},
            None,
            id="spec-wf",
            task_queue=task_queue,
            execution_timeout=timedelta(hours=1),
            run_timeout=600,
            task_timeout=timedelta(seconds=10),
            retry_policy=RetryPolicy(
                initial_interval=timedelta(seconds=2),
                backoff_coefficient=3.0,
                maximum_attempts=4,
                non_retryable_error_types=["Fatal"],
            ),
            memo={"wf": "memo"},
            search_attributes={TAG: "wf-kw"},
            static_summary="a summary",
            static_details="details",
            priority=Priority(priority_key=2),
            headers={"trace": "abc"},
        ),
        spec=ScheduleSpec(
            intervals=[ScheduleIntervalSpec(timedelta(hours=1), timedelta(minutes=5)), ScheduleIntervalSpec(90)],
            calendars=[
                ScheduleCalendarSpec(
                    hour=[ScheduleRange(9, 17, 2)], minute=[30], day_of_week=[ScheduleRange(1, 5)], comment="office hours"
                )
            ],
            skip=[ScheduleCalendarSpec(month=[12], day_of_month=[25])],
            start_at=datetime(2030, 1, 1, tzinfo=timezone.utc),
            end_at=datetime(2031, 1, 1, tzinfo=timezone(timedelta(hours=1))),
            jitter=timedelta(seconds=2),
            time_zone_name="Europe/Berlin",
        ),
        policy=SchedulePolicy(
            overlap=ScheduleOverlapPolicy.BUFFER_ONE, catchup_window=timedelta(minutes=5), pause_on_failure=True
        ),
        state=ScheduleState(note="created paused", paused=True, limited_actions=True, remaining_actions=7),
    )
    minimal = Schedule(echo(1, task_queue))
    sid, minimal_id = schedule_id("sched-spec"), schedule_id("sched-min")

    async def scenario() -> tuple[ScheduleHandle, ScheduleDescription, ScheduleDescription]:
        handle = await client.create_schedule(sid, schedule, memo={"owner": "team-a"}, search_attributes={COUNT: 42})
        minimal_handle = await client.create_schedule(minimal_id, minimal)
        return handle, await handle.describe(), await minimal_handle.describe()

    handle, described, minimal_described = run(scenario())
    assert isinstance(handle, ScheduleHandle) and handle.id == sid
    assert described.id == sid
    assert described.schedule == schedule
    assert described.schedule.spec.end_at == datetime(2030, 12, 31, 23, tzinfo=timezone.utc)
    assert described.schedule.spec.end_at.tzinfo is not None
    assert described.memo == {"owner": "team-a"}
    assert described.search_attributes == {COUNT: 42}
    info = described.info
    assert info.num_actions == 0 and info.recent_actions == [] and info.running_actions == []
    assert info.created_at is not None and info.created_at.tzinfo is not None and info.last_updated_at is None
    # Upcoming times respect start_at (jitter adds up to 2 s).
    assert info.next_action_times and schedule.spec.start_at <= info.next_action_times[0]
    assert isinstance(described.conflict_token, bytes) and described.conflict_token
    assert described.description is described

    # A minimal schedule reads back with the defaults filled in.
    assert minimal_described.schedule == minimal
    assert minimal_described.schedule.policy == SchedulePolicy(ScheduleOverlapPolicy.SKIP, timedelta(days=365))
    assert minimal_described.schedule.spec == ScheduleSpec()
    assert minimal_described.info.next_action_times == []


def test_cron_strings_read_back_as_calendars(client: Client, task_queue: str, schedule_id) -> None:
    sid = schedule_id("sched-cron")
    spec = ScheduleSpec(
        calendars=[ScheduleCalendarSpec(minute=[ScheduleRange(0, 45, 15)], hour=ScheduleRange(6))],
        cron_expressions=["0 12 * * MON-FRI"],
    )

    async def scenario() -> ScheduleDescription:
        handle = await client.create_schedule(sid, Schedule(echo("c", task_queue), spec, state=ScheduleState(paused=True)))
        return await handle.describe()

    described = run(scenario()).schedule.spec
    assert described.cron_expressions == []
    assert described.calendars == [
        spec.calendars[0],
        ScheduleCalendarSpec(hour=[12], day_of_week=[ScheduleRange(1, 5)]),
    ]


def test_a_one_second_interval_starts_echo_workflows(client: Client, task_queue: str, schedule_id) -> None:
    arg = {"from": "schedule", "n": [1, 2.5, None]}
    action = echo(arg, task_queue)

    async def scenario() -> tuple[ScheduleDescription, list[Any]]:
        handle = await client.create_schedule(schedule_id("sched-interval"), Schedule(action, EVERY_SECOND))
        described = await wait_for(
            handle, "two actions", lambda d: d.info.num_actions >= 2 and len(d.info.recent_actions) >= 2
        )
        results = [
            await client.get_workflow_handle(a.action.workflow_id, run_id=a.action.first_execution_run_id).result()
            for a in described.info.recent_actions[:2]
        ]
        return described, results

    described, results = run(scenario())
    first, second = described.info.recent_actions[:2]
    # The server appends the scheduled time to the action's workflow id.
    assert first.action.workflow_id.startswith(action.id) and first.action.workflow_id != second.action.workflow_id
    assert first.action.first_execution_run_id
    assert first.scheduled_at is not None and first.scheduled_at.tzinfo is not None
    assert first.started_at is not None and first.started_at >= first.scheduled_at - timedelta(seconds=1)
    assert first.status is None or isinstance(first.status, WorkflowExecutionStatus)
    assert results == [arg, arg]


def test_pause_stops_actions_and_unpause_resumes_them(client: Client, task_queue: str, schedule_id) -> None:
    async def scenario() -> dict[str, Any]:
        handle = await client.create_schedule(schedule_id("sched-pause"), Schedule(echo("p", task_queue), EVERY_SECOND))
        await wait_for(handle, "an action", lambda d: d.info.num_actions >= 1)
        await handle.pause("maintenance window")
        paused = await wait_for(handle, "paused", lambda d: d.schedule.state.paused)
        await asyncio.sleep(3)  # three interval marks pass while paused
        still = await handle.describe()
        await handle.unpause("back to work")
        resumed = await wait_for(handle, "an action after unpausing", lambda d: d.info.num_actions > still.info.num_actions)
        await handle.pause()
        default_note = await wait_for(handle, "paused again", lambda d: d.schedule.state.paused)
        return dict(paused=paused, still=still, resumed=resumed, default_note=default_note)

    seen = run(scenario())
    assert seen["paused"].schedule.state.note == "maintenance window"
    assert seen["still"].schedule.state.paused
    assert seen["still"].info.num_actions == seen["paused"].info.num_actions, "a paused schedule took actions"
    assert not seen["resumed"].schedule.state.paused and seen["resumed"].schedule.state.note == "back to work"
    assert seen["default_note"].schedule.state.note == "Paused via temporal-capi"


def test_trigger_takes_one_action_at_once_even_when_paused(client: Client, task_queue: str, schedule_id) -> None:
    # No spec: the schedule acts only when triggered.
    schedule = Schedule(echo("triggered", task_queue), state=ScheduleState(paused=True))

    async def scenario() -> tuple[ScheduleDescription, ScheduleDescription, list[Any]]:
        handle = await client.create_schedule(schedule_id("sched-trigger"), schedule, trigger_immediately=True)
        immediate = await wait_for(handle, "the immediate action", lambda d: d.info.num_actions == 1)
        await asyncio.sleep(seconds_until_after(immediate.info.recent_actions[0].scheduled_at))
        await handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL)
        triggered = await wait_for(
            handle, "the triggered action", lambda d: d.info.num_actions == 2 and len(d.info.recent_actions) == 2
        )
        results = [
            await client.get_workflow_handle(a.action.workflow_id, run_id=a.action.first_execution_run_id).result()
            for a in triggered.info.recent_actions
        ]
        await asyncio.sleep(seconds_until_after(triggered.info.recent_actions[-1].scheduled_at))
        await handle.trigger("allow_all")
        await wait_for(handle, "a third action", lambda d: d.info.num_actions == 3)
        return immediate, triggered, results

    immediate, triggered, results = run(scenario())
    assert immediate.schedule.state.paused and triggered.schedule.state.paused
    assert results == ["triggered", "triggered"]


def test_backfill_takes_the_actions_of_a_past_range(client: Client, task_queue: str, schedule_id) -> None:
    minute = minute_mark()
    # Half-minute bounds hold exactly three minute marks.
    backfill = ScheduleBackfill(
        minute - timedelta(minutes=10, seconds=-30), minute - timedelta(minutes=7, seconds=-30), ScheduleOverlapPolicy.ALLOW_ALL
    )
    schedule = Schedule(
        echo("backfilled", task_queue),
        ScheduleSpec(intervals=[ScheduleIntervalSpec(timedelta(minutes=1))]),
        state=ScheduleState(paused=True),  # so only the backfill acts
    )

    async def scenario() -> tuple[ScheduleDescription, list[Any]]:
        handle = await client.create_schedule(schedule_id("sched-backfill"), schedule)
        await handle.backfill(backfill)
        described = await wait_for(
            handle, "three backfilled actions", lambda d: d.info.num_actions == 3 and len(d.info.recent_actions) == 3
        )
        results = [
            await client.get_workflow_handle(a.action.workflow_id, run_id=a.action.first_execution_run_id).result()
            for a in described.info.recent_actions
        ]
        return described, results

    described, results = run(scenario())
    times = sorted(a.scheduled_at for a in described.info.recent_actions if a.scheduled_at)
    assert times == [minute - timedelta(minutes=m) for m in (9, 8, 7)]
    assert results == ["backfilled"] * 3


def test_backfills_given_at_create_run_at_once(client: Client, task_queue: str, schedule_id) -> None:
    schedule = Schedule(
        echo("hourly", task_queue),
        ScheduleSpec(calendars=[ScheduleCalendarSpec(hour=[ScheduleRange(0, 23)])]),
        state=ScheduleState(paused=True),
    )
    backfill = ScheduleBackfill(
        datetime(2020, 3, 1, 0, 30, tzinfo=timezone.utc), datetime(2020, 3, 1, 2, 30, tzinfo=timezone.utc), "buffer_all"
    )

    async def scenario() -> ScheduleDescription:
        handle = await client.create_schedule(schedule_id("sched-create-backfill"), schedule, backfill=[backfill])
        return await wait_for(
            handle, "two backfilled actions", lambda d: d.info.num_actions == 2 and len(d.info.recent_actions) == 2
        )

    described = run(scenario())
    times = sorted(a.scheduled_at for a in described.info.recent_actions if a.scheduled_at)
    assert times == [datetime(2020, 3, 1, hour, tzinfo=timezone.utc) for hour in (1, 2)]


def test_update_changes_spec_state_and_action(client: Client, task_queue: str, schedule_id) -> None:
    schedule = Schedule(
        echo("v1", task_queue),
        ScheduleSpec(intervals=[ScheduleIntervalSpec(timedelta(hours=1))]),
        state=ScheduleState(note="v1", paused=True),
    )
    new_spec = ScheduleSpec(
        intervals=[ScheduleIntervalSpec(timedelta(hours=2), timedelta(minutes=10))],
        calendars=[ScheduleCalendarSpec(hour=[3], comment="nightly")],
        time_zone_name="UTC",
    )
    new_state = ScheduleState(note="v2", paused=True, remaining_actions=3)

    def updater(description: ScheduleDescription) -> ScheduleUpdate:
        edited = description.schedule
        edited.spec = new_spec
        edited.state = new_state
        edited.policy.overlap = ScheduleOverlapPolicy.ALLOW_ALL
        edited.policy.catchup_window = timedelta(minutes=1)
        return ScheduleUpdate(edited, search_attributes={TAG: "after"})

    async def edit_args(input: Any) -> ScheduleUpdate:
        # A temporalio-style async updater: ``input.description.schedule``.
        input.description.schedule.action.args = ["v3"]
        return ScheduleUpdate(schedule=input.description.schedule)

    async def scenario() -> dict[str, Any]:
        handle = await client.create_schedule(schedule_id("sched-update"), schedule, search_attributes={TAG: "before"})
        before = await handle.describe()
        await handle.update(updater)
        updated = await wait_for(
            handle,
            "the update",
            lambda d: d.schedule.state.note == "v2" and d.search_attributes.get(TAG) == "after",
        )
        await handle.update(edit_args)
        edited = await wait_for(handle, "the action update", lambda d: d.schedule.action.args == ["v3"])
        assert await handle.update(lambda _: None) is None  # no update
        replacement = copy.deepcopy(edited.schedule)
        replacement.state = ScheduleState(note="v4", paused=True)
        await handle.update(replacement)  # a Schedule directly, without reading first
        replaced = await wait_for(handle, "the replacement", lambda d: d.schedule.state.note == "v4")
        return dict(before=before, updated=updated, edited=edited, replaced=replaced)

    seen = run(scenario())
    before, updated = seen["before"], seen["updated"]
    assert updated.schedule.spec == new_spec
    assert updated.schedule.state == ScheduleState(note="v2", paused=True, limited_actions=True, remaining_actions=3)
    assert updated.schedule.policy.overlap is ScheduleOverlapPolicy.ALLOW_ALL
    assert updated.schedule.policy.catchup_window == timedelta(minutes=1)
    assert updated.schedule.action == before.schedule.action
    assert updated.conflict_token != before.conflict_token
    assert updated.info.last_updated_at is not None
    edited = seen["edited"]
    assert edited.schedule.spec == updated.schedule.spec and edited.schedule.state == updated.schedule.state
    assert seen["replaced"].schedule.state == ScheduleState(note="v4", paused=True)
    assert seen["replaced"].schedule.action.args == ["v3"]


def test_an_update_from_a_stale_description_is_refused(client: Client, task_queue: str, schedule_id) -> None:
    async def scenario() -> tuple[RPCError, ScheduleDescription]:
        handle = await client.create_schedule(
            schedule_id("sched-stale"), Schedule(echo("s", task_queue), state=ScheduleState(note="first", paused=True))
        )

        async def racing(description: ScheduleDescription) -> Schedule:
            # Someone else changes the schedule after it was read.
            other = Schedule.from_json(description.raw)
            other.state.note = "concurrent"
            await handle.update(other)
            await wait_for(handle, "the concurrent update", lambda d: d.schedule.state.note == "concurrent")
            description.schedule.state.note = "stale"
            return description.schedule

        with pytest.raises(RPCError) as refused:
            await handle.update(racing)
        return refused.value, await handle.describe()

    error, after = run(scenario())
    assert error.status is RPCStatusCode.FAILED_PRECONDITION and error.error["key"] == "conflict_token"
    assert after.schedule.state.note == "concurrent"


def test_list_finds_the_schedule(client: Client, task_queue: str, schedule_id) -> None:
    sid = schedule_id("sched-list")
    schedule = Schedule(
        echo("l", task_queue),
        ScheduleSpec(intervals=[ScheduleIntervalSpec(timedelta(hours=1))]),
        state=ScheduleState(note="listed", paused=True),
    )
    query = f"ScheduleId = '{sid}'"

    async def scenario() -> tuple:
        await client.create_schedule(sid, schedule, memo={"team": "list"}, search_attributes={TAG: "listed"})

        async def listed() -> ScheduleListDescription:
            rows = [row async for row in client.list_schedules(query)]
            assert [row.id for row in rows] == [sid]
            return rows[0]

        row = await eventually_async(listed, deadline=DEADLINE)
        page = await client.list_schedules_page(query, page_size=10)

        async def paged() -> None:
            # Through every schedule, one per page, until it shows up.
            assert any([row.id == sid async for row in client.list_schedules(page_size=1)])

        await eventually_async(paged, deadline=DEADLINE)
        limited = [row async for row in client.list_schedules(page_size=1, limit=1)]
        return row, page, limited

    row, page, limited = run(scenario())
    assert row.schedule.action.workflow == "Echo"
    assert row.schedule.state == ScheduleListState(note="listed", paused=True)
    assert row.schedule.spec.intervals == [ScheduleIntervalSpec(timedelta(hours=1))]
    assert row.info.recent_actions == [] and isinstance(row.info.next_action_times, list)
    assert row.memo == {"team": "list"} and row.search_attributes[TAG] == "listed"
    assert [s.id for s in page.schedules] == [sid] and page.next_page_token is None
    assert len(limited) == 1


def test_delete_removes_the_schedule(client: Client, task_queue: str, schedule_id) -> None:
    sid = schedule_id("sched-delete")

    async def scenario() -> tuple[NotFoundError, NotFoundError]:
        handle = await client.create_schedule(sid, Schedule(echo(0, task_queue)))
        await handle.delete()
        with pytest.raises(NotFoundError) as described:
            await handle.describe()
        with pytest.raises(NotFoundError) as deleted:
            await handle.delete()
        return described.value, deleted.value

    described, deleted = run(scenario())
    assert described.error["schedule_id"] == sid and described.status is RPCStatusCode.NOT_FOUND
    assert deleted.error["schedule_id"] == sid


def test_a_taken_id_raises_schedule_already_running(client: Client, task_queue: str, schedule_id) -> None:
    sid = schedule_id("sched-dup")

    async def scenario() -> tuple[ScheduleAlreadyRunningError, ScheduleDescription]:
        handle = await client.create_schedule(sid, Schedule(echo(0, task_queue)))
        with pytest.raises(ScheduleAlreadyRunningError) as taken:
            await client.create_schedule(sid, Schedule(echo(1, task_queue)))
        return taken.value, await handle.describe()

    error, original = run(scenario())
    assert isinstance(error, RPCError) and error.status is RPCStatusCode.ALREADY_EXISTS
    assert error.schedule_id == sid and error.code == "already_exists"
    assert original.schedule.action.args == [0], "the original is untouched"


def test_unknown_schedules_are_not_found(client: Client, task_queue: str) -> None:
    sid = unique("no-such-schedule")
    handle = client.get_schedule_handle(sid)
    past = ScheduleBackfill(datetime(2020, 1, 1, tzinfo=timezone.utc), datetime(2020, 1, 1, 0, 1, tzinfo=timezone.utc))
    calls = [
        handle.describe,
        lambda: handle.update(Schedule(echo(0, task_queue))),
        lambda: handle.update(lambda d: d.schedule),
        handle.pause,
        handle.unpause,
        handle.trigger,
        lambda: handle.backfill(past),
        handle.delete,
    ]

    async def scenario() -> list[NotFoundError]:
        errors = []
        for call in calls:
            with pytest.raises(NotFoundError) as missing:
                await call()
            errors.append(missing.value)
        return errors

    for error in run(scenario()):
        assert error.error["schedule_id"] == sid


def test_bad_input_is_invalid_argument_naming_the_key(client: Client, task_queue: str) -> None:
    action = echo(1, task_queue)
    bad_start = ScheduleActionStartWorkflow("", id="x", task_queue=task_queue)
    day = datetime(2030, 1, 2, tzinfo=timezone.utc)
    creates = [
        ("", Schedule(action), {}, "schedule_id"),
        ("bad", Schedule(action, ScheduleSpec(intervals=[ScheduleIntervalSpec(0)])), {}, "spec.intervals[0].every"),
        ("bad", Schedule(action, ScheduleSpec(calendars=[ScheduleCalendarSpec(hour=[24])])), {}, "spec.calendars[0].hour[0]"),
        (
            "bad",
            Schedule(action, ScheduleSpec(calendars=[ScheduleCalendarSpec(day_of_week=[ScheduleRange(0, 7)])])),
            {},
            "spec.calendars[0].day_of_week[0]",
        ),
        ("bad", Schedule(action, ScheduleSpec(start_at=day, end_at=day - timedelta(days=1))), {}, "spec.end_at"),
        ("bad", Schedule(bad_start), {}, "action.start_workflow.workflow_type"),
        ("bad", Schedule(action, state=ScheduleState(remaining_actions=-1)), {}, "state.remaining_actions"),
        ("bad", Schedule(action), {"search_attributes": {SearchAttributeKey("CustomInt", "int"): "x"}}, "search_attributes.CustomInt"),
    ]
    handle = client.get_schedule_handle("bad-input")
    others = [
        (handle.backfill, "backfills"),
        (lambda: handle.backfill(ScheduleBackfill(day, day - timedelta(days=1))), "backfills[0].end_at"),
        (lambda: handle.trigger("never"), "overlap"),
        (lambda: client.list_schedules_page(page_size=-1), "page_size"),
        (lambda: client.list_schedules_page(next_page_token="%%%"), "next_page_token"),
    ]

    async def scenario() -> list[tuple[InvalidArgumentError, str]]:
        seen = []
        for sid, schedule, options, key in creates:
            with pytest.raises(InvalidArgumentError) as bad:
                await client.create_schedule(sid, schedule, **options)
            seen.append((bad.value, key))
        for call, key in others:
            with pytest.raises(InvalidArgumentError) as bad:
                await call()
            seen.append((bad.value, key))
        return seen

    for error, key in run(scenario()):
        assert error.key == key or key in error.message, f"{key}: {error.error}"
    with pytest.raises(ValueError):
        SchedulePolicy(overlap="sometimes")  # type: ignore[arg-type]


# -- The blocking twin ----------------------------------------------------------


def test_blocking_schedule_flow(sync_client: sync.Client, task_queue: str, schedule_id) -> None:
    sid = schedule_id("sched-sync")
    handle = sync_client.create_schedule(sid, Schedule(echo("sync", task_queue), EVERY_SECOND))
    assert isinstance(handle, sync.ScheduleHandle) and handle.id == sid
    first = wait_for_blocking(handle, "an action", lambda d: d.info.recent_actions).info.recent_actions[0]
    started = sync_client.get_workflow_handle(first.action.workflow_id, run_id=first.action.first_execution_run_id)
    assert started.result() == "sync"

    handle.pause("sync pause")
    paused = wait_for_blocking(handle, "paused", lambda d: d.schedule.state.paused)
    assert paused.schedule.state.note == "sync pause"
    count = paused.info.num_actions
    time.sleep(seconds_until_after(paused.info.recent_actions[-1].scheduled_at))
    handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL)
    wait_for_blocking(handle, "the triggered action", lambda d: d.info.num_actions > count)

    def hourly(description: ScheduleDescription) -> Schedule:
        description.schedule.spec = ScheduleSpec(intervals=[ScheduleIntervalSpec(timedelta(hours=1))])
        description.schedule.state.note = "hourly"
        return description.schedule

    handle.update(hourly)
    updated = wait_for_blocking(handle, "the update", lambda d: d.schedule.state.note == "hourly")
    assert updated.schedule.spec.intervals == [ScheduleIntervalSpec(timedelta(hours=1))] and updated.schedule.state.paused
    hour = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    handle.backfill(ScheduleBackfill(hour - timedelta(hours=2, minutes=30), hour - timedelta(minutes=30), "allow_all"))
    marks = {hour - timedelta(hours=2), hour - timedelta(hours=1)}
    wait_for_blocking(handle, "two backfilled actions", lambda d: marks <= {a.scheduled_at for a in d.info.recent_actions})
    handle.unpause("sync unpause")
    assert wait_for_blocking(handle, "unpaused", lambda d: not d.schedule.state.paused).schedule.state.note == "sync unpause"

    rows = sync_client.list_schedules(f"ScheduleId = '{sid}'")
    assert iter(rows) is rows, "a generator, fetched page by page"

    def listed() -> None:
        assert [row.id for row in sync_client.list_schedules(f"ScheduleId = '{sid}'")] == [sid]

    eventually(listed, deadline=DEADLINE)
    assert [s.id for s in sync_client.list_schedules_page(f"ScheduleId = '{sid}'").schedules] == [sid]

    with pytest.raises(ScheduleAlreadyRunningError):
        sync_client.create_schedule(sid, Schedule(echo("again", task_queue)))
    with pytest.raises(InvalidArgumentError):
        handle.backfill()
    sync_client.get_schedule_handle(sid).delete()
    with pytest.raises(NotFoundError):
        handle.describe()
    with pytest.raises(NotFoundError):
        handle.pause()
