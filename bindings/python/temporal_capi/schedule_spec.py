"""When a schedule acts: :class:`ScheduleSpec` with its calendars
(:class:`ScheduleCalendarSpec` of :class:`ScheduleRange`), intervals
(:class:`ScheduleIntervalSpec`) and cron strings.

Names and fields follow ``temporalio.client``; see :mod:`.schedule` for the
rest of a schedule. Values are normalised on construction (durations become
``timedelta``, calendar values lists of :class:`ScheduleRange`, a zero
interval offset None) so that a spec reads back equal to the one sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Mapping, Sequence, Union

from .common import as_timedelta, datetime_from_json, datetime_json, duration_from_json, duration_json


@dataclass(frozen=True)
class ScheduleRange:
    """An inclusive range of calendar values: ``start`` to ``end`` every ``step``.

    As in ``temporalio``, an ``end`` below ``start`` means ``start`` and a
    ``step`` of 0 means 1; both are stored normalised, so
    ``ScheduleRange(9) == ScheduleRange(9, 9, 1)``.
    """

    start: int
    end: int = 0
    step: int = 0

    def __post_init__(self) -> None:
        if self.end < self.start:
            object.__setattr__(self, "end", self.start)
        if self.step == 0:
            object.__setattr__(self, "step", 1)

    def to_json(self) -> dict[str, int]:
        """The ``{start, end, step}`` object."""
        return {"start": self.start, "end": self.end, "step": self.step}

    @classmethod
    def from_json(cls, value: Mapping[str, Any] | int) -> ScheduleRange:
        """Reads a range object (or a bare integer)."""
        if isinstance(value, int):
            return cls(value)
        return cls(int(value["start"]), int(value.get("end") or 0), int(value.get("step") or 0))


RangeList = Union[Sequence[Union[ScheduleRange, int]], ScheduleRange, int]
"""Calendar values: a list of :class:`ScheduleRange` objects or bare integers (one value each), or just one of them."""


def _ranges(values: RangeList) -> list[ScheduleRange]:
    if isinstance(values, (int, ScheduleRange)):
        values = [values]
    return [v if isinstance(v, ScheduleRange) else ScheduleRange(int(v)) for v in values]


_CALENDAR_FIELDS = ("second", "minute", "hour", "day_of_month", "month", "year", "day_of_week")


@dataclass
class ScheduleCalendarSpec:
    """Calendar times: a time matches when every field matches one of its ranges.

    Defaults as in ``temporalio``: second, minute and hour 0; every day of
    the month, month and day of the week (0 is Sunday); any year (an empty
    ``year``). Any other field given as ``[]`` matches nothing. Fields take
    lists of :class:`ScheduleRange` objects or bare integers (or a single
    one) and are stored as lists of :class:`ScheduleRange`.
    """

    second: RangeList = field(default_factory=lambda: [ScheduleRange(0)])
    minute: RangeList = field(default_factory=lambda: [ScheduleRange(0)])
    hour: RangeList = field(default_factory=lambda: [ScheduleRange(0)])
    day_of_month: RangeList = field(default_factory=lambda: [ScheduleRange(1, 31)])
    month: RangeList = field(default_factory=lambda: [ScheduleRange(1, 12)])
    year: RangeList = field(default_factory=list)
    day_of_week: RangeList = field(default_factory=lambda: [ScheduleRange(0, 6)])
    comment: str | None = None

    def __post_init__(self) -> None:
        for name in _CALENDAR_FIELDS:
            setattr(self, name, _ranges(getattr(self, name)))

    def to_json(self) -> dict[str, Any]:
        """The structured calendar object, every field written out."""
        value: dict[str, Any] = {name: [r.to_json() for r in _ranges(getattr(self, name))] for name in _CALENDAR_FIELDS}
        if self.comment:
            value["comment"] = self.comment
        return value

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleCalendarSpec:
        """Reads a calendar of a describe or list response."""
        ranges = {
            name: [ScheduleRange.from_json(r) for r in value[name]] for name in _CALENDAR_FIELDS if name in value
        }
        return cls(**ranges, comment=value.get("comment") or None)


@dataclass
class ScheduleIntervalSpec:
    """Times ``epoch + n * every + offset``; ``every`` is at least one second (whole seconds count).

    Numbers are taken as seconds; both are stored as ``timedelta``, and a
    zero ``offset`` as None.
    """

    every: timedelta
    offset: timedelta | None = None

    def __post_init__(self) -> None:
        self.every = as_timedelta(self.every)  # type: ignore[assignment]
        self.offset = as_timedelta(self.offset) or None

    def to_json(self) -> dict[str, Any]:
        """The ``{every, offset}`` object, in seconds."""
        value: dict[str, Any] = {"every": duration_json(self.every)}
        if self.offset:
            value["offset"] = duration_json(self.offset)
        return value

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleIntervalSpec:
        """Reads an interval of a describe or list response."""
        return cls(timedelta(seconds=value["every"]), duration_from_json(value.get("offset")))


@dataclass
class ScheduleSpec:
    """When a schedule acts: the union of ``calendars``, ``intervals`` and ``cron_expressions``, minus ``skip``.

    ``start_at``/``end_at`` bound every action (a naive datetime is UTC;
    described ones are aware, in UTC), ``jitter`` delays each action by a
    random amount up to it, ``time_zone_name`` (IANA, e.g.
    ``"Europe/Berlin"``; UTC when None) applies to calendars and cron
    strings. The server stores cron strings as calendars: a described spec
    has ``cron_expressions == []`` and one more calendar per cron string.
    """

    calendars: Sequence[ScheduleCalendarSpec] = field(default_factory=list)
    intervals: Sequence[ScheduleIntervalSpec] = field(default_factory=list)
    cron_expressions: Sequence[str] = field(default_factory=list)
    skip: Sequence[ScheduleCalendarSpec] = field(default_factory=list)
    start_at: datetime | None = None
    end_at: datetime | None = None
    jitter: timedelta | None = None
    time_zone_name: str | None = None

    def __post_init__(self) -> None:
        self.calendars = list(self.calendars)
        self.intervals = list(self.intervals)
        self.cron_expressions = list(self.cron_expressions)
        self.skip = list(self.skip)
        self.jitter = as_timedelta(self.jitter)

    def to_json(self) -> dict[str, Any]:
        """The ``spec`` object."""
        value: dict[str, Any] = {
            "intervals": [i.to_json() for i in self.intervals],
            "cron_expressions": list(self.cron_expressions),
            "calendars": [c.to_json() for c in self.calendars],
            "exclude_calendars": [c.to_json() for c in self.skip],
        }
        if self.start_at is not None:
            value["start_at"] = datetime_json(self.start_at)
        if self.end_at is not None:
            value["end_at"] = datetime_json(self.end_at)
        if self.jitter is not None:
            value["jitter"] = duration_json(self.jitter)
        if self.time_zone_name:
            value["time_zone"] = self.time_zone_name
        return value

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> ScheduleSpec:
        """Reads the ``spec`` of a describe or list response."""
        return cls(
            calendars=[ScheduleCalendarSpec.from_json(c) for c in value.get("calendars") or []],
            intervals=[ScheduleIntervalSpec.from_json(i) for i in value.get("intervals") or []],
            cron_expressions=list(value.get("cron_expressions") or []),
            skip=[ScheduleCalendarSpec.from_json(c) for c in value.get("exclude_calendars") or []],
            start_at=datetime_from_json(value.get("start_at")),
            end_at=datetime_from_json(value.get("end_at")),
            jitter=duration_from_json(value.get("jitter")),
            time_zone_name=value.get("time_zone") or None,
        )


__all__ = [
    "RangeList",
    "ScheduleCalendarSpec",
    "ScheduleIntervalSpec",
    "ScheduleRange",
    "ScheduleSpec",
]
