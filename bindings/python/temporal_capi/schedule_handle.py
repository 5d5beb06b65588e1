"""Schedules: the client's methods that create and list them (:class:`SchedulesMixin`), and
:class:`ScheduleHandle`, which acts on one (describe, update, pause, unpause, trigger, backfill, delete).

Get a handle from :meth:`Client.create_schedule <temporal_capi.Client.create_schedule>`
or :meth:`Client.get_schedule_handle <temporal_capi.Client.get_schedule_handle>`.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, AsyncIterator, Awaitable, Callable, Mapping, Sequence, Union

from ._library import lib
from ._pager import page_request, paginate
from .common import SearchAttributes, compact, search_attributes_json, token_json
from .schedule import Schedule, ScheduleBackfill, ScheduleOverlapPolicy, ScheduleUpdate, overlap_json
from .schedule_description import ScheduleDescription, ScheduleListDescription, ScheduleListPage

if TYPE_CHECKING:
    from ._transport import Transport

UpdateResult = Union[ScheduleUpdate, Schedule, None]
"""What an updater returns: the new schedule (optionally with search attributes), or None for no update."""

ScheduleUpdater = Callable[[ScheduleDescription], Union[UpdateResult, Awaitable[UpdateResult]]]
"""A callable building the update from the current :class:`ScheduleDescription`."""


def create_schedule_request(
    id: str,  # noqa: A002 - the official client's name
    schedule: Schedule,
    *,
    trigger_immediately: bool,
    backfill: Sequence[ScheduleBackfill],
    memo: Mapping[str, Any] | None,
    search_attributes: SearchAttributes | None,
) -> dict[str, Any]:
    """The ``tc_schedule_create`` request for :meth:`Client.create_schedule`'s arguments."""
    request: dict[str, Any] = {"schedule_id": id, **schedule.to_json()}
    request.update(
        compact(
            trigger_immediately=trigger_immediately or None,
            backfills=[b.to_json() for b in backfill] or None,
            memo=dict(memo) if memo is not None else None,
            search_attributes=search_attributes_json(search_attributes) if search_attributes is not None else None,
        )
    )
    return request


class ScheduleHandle:
    """Acts on one schedule, named by ``id``."""

    def __init__(self, transport: Transport, id: str) -> None:  # noqa: A002 - the official client's name
        """Use :meth:`Client.create_schedule` or :meth:`Client.get_schedule_handle`."""
        self._transport = transport
        self._id = id

    @property
    def id(self) -> str:
        """The schedule id."""
        return self._id

    def _request(self, **values: Any) -> dict[str, Any]:
        return {"schedule_id": self._id, **compact(**values)}

    async def describe(self) -> ScheduleDescription:
        """The schedule, what it has done and will do, and its conflict token.

        Raises :class:`~temporal_capi.errors.NotFoundError` for an unknown
        (or deleted) schedule.
        """
        response = await self._transport.call(lib.tc_schedule_describe, self._request())
        return ScheduleDescription.from_json(response)

    async def update(self, updater: ScheduleUpdater | Schedule | ScheduleUpdate) -> None:
        """Replaces the schedule's action, spec, policy and state.

        As in ``temporalio``, ``updater`` is called with the current
        :class:`ScheduleDescription` (which also answers to
        ``.description``, so ``temporalio`` updaters work unchanged) and
        returns a :class:`ScheduleUpdate`, a :class:`Schedule` or None (no
        update); it may edit ``description.schedule`` in place and return it,
        and may be a coroutine function. The update carries the
        description's conflict token: if the schedule changed in between,
        :class:`~temporal_capi.errors.RPCError` (``FAILED_PRECONDITION``,
        ``error["key"] == "conflict_token"``) is raised and nothing changes.

        Passing a :class:`Schedule` or :class:`ScheduleUpdate` directly
        replaces the schedule without reading it first (no conflict check).
        The server applies an update asynchronously: describe may show the
        old schedule for a moment.
        """
        token: bytes | None = None
        if isinstance(updater, (Schedule, ScheduleUpdate)):
            result: Any = updater
        else:
            description = await self.describe()
            result = updater(description)
            if inspect.isawaitable(result):
                result = await result
            if result is None:
                return
            token = description.conflict_token
        update = ScheduleUpdate(result) if isinstance(result, Schedule) else result
        if not isinstance(update, ScheduleUpdate):
            raise TypeError(f"an updater must return a ScheduleUpdate, Schedule or None, not {type(update).__name__}")
        request = self._request(conflict_token=token_json(token))
        request.update(update.schedule.to_json())
        if update.search_attributes is not None:
            request["search_attributes"] = search_attributes_json(update.search_attributes)
        await self._transport.call(lib.tc_schedule_update, request)

    async def pause(self, note: str | None = None) -> None:
        """Pauses the schedule: no scheduled actions until :meth:`unpause` (trigger and backfill still act).

        ``note`` is stored in ``state.note`` (``"Paused via temporal-capi"``
        when None or empty).
        """
        await self._transport.call(lib.tc_schedule_pause, self._request(note=note))

    async def unpause(self, note: str | None = None) -> None:
        """Resumes a paused schedule; ``note`` as for :meth:`pause` (default ``"Unpaused via temporal-capi"``)."""
        await self._transport.call(lib.tc_schedule_unpause, self._request(note=note))

    async def trigger(self, overlap: ScheduleOverlapPolicy | str | None = None) -> None:
        """Takes one action now, also when paused; ``overlap`` overrides the schedule's policy.

        The server names the started workflow ``<action id>-<time in whole
        seconds>``: a second action within the same second gets the same id
        and, while the first workflow runs, is dropped without an error.
        """
        await self._transport.call(lib.tc_schedule_trigger, self._request(overlap=overlap_json(overlap)))

    async def backfill(self, *backfill: ScheduleBackfill) -> None:
        """Takes the actions the spec had due in each past range, now, also when paused.

        Raises :class:`~temporal_capi.errors.InvalidArgumentError` without a
        range or for a range ending before it starts.
        """
        await self._transport.call(lib.tc_schedule_backfill, self._request(backfills=[b.to_json() for b in backfill]))

    async def delete(self) -> None:
        """Deletes the schedule; workflows it started keep running.

        Raises :class:`~temporal_capi.errors.NotFoundError` when it does not exist.
        """
        await self._transport.call(lib.tc_schedule_delete, self._request())


class SchedulesMixin:
    """The schedule methods of :class:`~temporal_capi.Client`: create, get a handle, list."""

    _transport: Transport

    async def create_schedule(
        self,
        id: str,  # noqa: A002 - the official client's name
        schedule: Schedule,
        *,
        trigger_immediately: bool = False,
        backfill: Sequence[ScheduleBackfill] = (),
        memo: Mapping[str, Any] | None = None,
        search_attributes: SearchAttributes | None = None,
    ) -> ScheduleHandle:
        """Creates a schedule and returns its handle.

        ``trigger_immediately`` takes one action right away (overlap
        ``ALLOW_ALL``); ``backfill`` ranges are taken right away;
        ``memo`` and ``search_attributes`` are the schedule's own. Raises
        :class:`~temporal_capi.errors.ScheduleAlreadyRunningError` when the
        id is taken and :class:`~temporal_capi.errors.InvalidArgumentError`
        for a bad schedule (``key`` is the path, e.g.
        ``spec.calendars[0].hour[0]``).
        """
        request = create_schedule_request(
            id,
            schedule,
            trigger_immediately=trigger_immediately,
            backfill=backfill,
            memo=memo,
            search_attributes=search_attributes,
        )
        await self._transport.call(lib.tc_schedule_create, request)
        return ScheduleHandle(self._transport, id)

    def get_schedule_handle(self, id: str) -> ScheduleHandle:  # noqa: A002 - the official client's name
        """A handle to an existing schedule (nothing is checked until it is used)."""
        return ScheduleHandle(self._transport, id)

    async def list_schedules_page(
        self,
        query: str | None = None,
        *,
        page_size: int | None = None,
        next_page_token: bytes | str | None = None,
    ) -> ScheduleListPage:
        """Reads one page of schedules matching a visibility ``query`` (e.g. ``ScheduleId = 'nightly'``; None: all).

        Pass the returned ``next_page_token`` to read the next page; it is
        None after the last page.
        """
        request = page_request(compact(query=query or None, page_size=page_size), next_page_token)
        return ScheduleListPage.from_json(await self._transport.call(lib.tc_schedule_list, request))

    async def list_schedules(
        self,
        query: str | None = None,
        *,
        page_size: int = 1000,
        limit: int | None = None,
        next_page_token: bytes | str | None = None,
    ) -> AsyncIterator[ScheduleListDescription]:
        """Iterates over the schedules matching ``query``, page by page (``async for s in client.list_schedules()``).

        ``limit`` stops after that many rows; ``next_page_token`` resumes
        from a token of :meth:`list_schedules_page`. The list comes from the
        visibility store and is eventually consistent: a new or changed
        schedule may take a moment to show.
        """

        async def fetch(token: bytes | str | None) -> tuple[list[ScheduleListDescription], bytes | None]:
            page = await self.list_schedules_page(query, page_size=page_size, next_page_token=token)
            return page.schedules, page.next_page_token

        async for schedule in paginate(fetch, next_page_token, limit):
            yield schedule


__all__ = ["ScheduleHandle", "ScheduleUpdater", "SchedulesMixin", "UpdateResult", "create_schedule_request"]
