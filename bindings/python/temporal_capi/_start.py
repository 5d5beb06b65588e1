"""The start options, defined once: every start signature and request derives from :data:`START_OPTIONS`.

:meth:`Client.start_workflow <temporal_capi.Client.start_workflow>`,
:class:`~temporal_capi.WithStartWorkflowOperation`,
:class:`~temporal_capi.ScheduleActionStartWorkflow` and
:meth:`DurableTaskClient.schedule_new_orchestration_instance
<temporal_capi.DurableTaskClient.schedule_new_orchestration_instance>` take
(subsets of) the same keywords. Each :class:`StartOption` says once what a
keyword is: its type and default (for signatures), its JSON key and converter
(for requests), how a described schedule action reads it back, and the form
a schedule action stores. An :class:`OptionSet` selects the keywords one
place takes.
"""

from __future__ import annotations

import inspect
import operator
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence, TypeVar

from .common import (
    Priority,
    RetryPolicy,
    as_timedelta,
    duration_from_json,
    duration_json,
    enum_json,
    search_attributes_from_json,
    search_attributes_json,
)

F = TypeVar("F", bound=Callable[..., Any])


def _same(value: Any) -> Any:
    return value


_to_json = operator.methodcaller("to_json")


def _text(value: str | None) -> str:
    return value or ""


def _or_none(value: Any) -> Any:
    return value or None


def _retry_policy(value: Mapping[str, Any] | None) -> RetryPolicy | None:
    return RetryPolicy.from_json(value) if value else None


def _priority(value: Mapping[str, Any] | None) -> Priority | None:
    return Priority.from_json(value) if value and any(value.values()) else None


def _search_attributes(value: Mapping[str, Any] | None) -> Any:
    return search_attributes_from_json(value or {}) or None


def _copy(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return None if value is None else dict(value)


@dataclass(frozen=True)
class StartOption:
    """One start keyword.

    ``annotation`` and ``default`` go into signatures; a value that is not
    None is sent as ``key`` (default: the name), converted by ``to_json``
    (a None result is not sent); ``from_json`` reads the value back from a
    described schedule action; ``stored`` is the form a schedule action keeps.
    """

    name: str
    annotation: str
    default: Any = None
    key: str | None = None
    to_json: Callable[[Any], Any] = _same
    from_json: Callable[[Any], Any] = _same
    stored: Callable[[Any], Any] = _same

    @property
    def json_key(self) -> str:
        """The request key the value is sent as."""
        return self.key or self.name


def _timeout(name: str) -> StartOption:
    return StartOption(
        name, "Duration | None", to_json=duration_json, from_json=duration_from_json, stored=as_timedelta
    )


START_OPTIONS: tuple[StartOption, ...] = (
    StartOption("task_queue", "str", from_json=_text),
    StartOption("id", "str | None", from_json=_text),
    _timeout("execution_timeout"),
    _timeout("run_timeout"),
    _timeout("task_timeout"),
    StartOption("id_reuse_policy", "WorkflowIDReusePolicy | str | None", to_json=enum_json),
    StartOption("id_conflict_policy", "WorkflowIDConflictPolicy | str | None", to_json=enum_json),
    StartOption("retry_policy", "RetryPolicy | None", to_json=_to_json, from_json=_retry_policy),
    StartOption("cron_schedule", "str | None"),
    StartOption("memo", "Mapping[str, Any] | None", to_json=dict, from_json=_or_none, stored=_copy),
    StartOption(
        "search_attributes",
        "SearchAttributes | None",
        to_json=lambda value: search_attributes_json(value) or None,
        from_json=_search_attributes,
    ),
    StartOption("start_delay", "Duration | None", to_json=duration_json),
    StartOption("static_summary", "str | None"),
    StartOption("static_details", "str | None"),
    StartOption("priority", "Priority | None", to_json=_to_json, from_json=_priority),
    StartOption("request_id", "str | None"),
    StartOption("start_signal", "str | None", key="signal_name"),
    StartOption("start_signal_args", "Sequence[Any]", default=(), key="signal_args", to_json=lambda a: list(a) or None),
)
"""Every keyword :meth:`Client.start_workflow <temporal_capi.Client.start_workflow>` takes, in signature order."""


class OptionSet:
    """The start keywords one place takes: all of :data:`START_OPTIONS` but ``omit``; ``required`` have no default."""

    def __init__(self, *, omit: Iterable[str] = (), required: Iterable[str] = ("task_queue",)) -> None:
        """Selects the options; ``task_queue`` is required unless ``required`` says otherwise."""
        left_out = set(omit)
        self.options = tuple(option for option in START_OPTIONS if option.name not in left_out)
        self.required = frozenset(required)

    def signature(self, function: F) -> F:
        """Decorator: shows the options as keyword-only parameters of ``function``, which takes them as ``**options``.

        They stand after the function's positional parameters and before
        its own keyword-only ones.
        """
        own = inspect.signature(function)
        kept = [p for p in own.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
        keyword = [p for p in kept if p.kind is inspect.Parameter.KEYWORD_ONLY]
        positional = [p for p in kept if p.kind is not inspect.Parameter.KEYWORD_ONLY]
        options = [self._parameter(option) for option in self.options]
        function.__signature__ = own.replace(parameters=[*positional, *options, *keyword])  # type: ignore[attr-defined]
        return function

    def _parameter(self, option: StartOption) -> inspect.Parameter:
        if option.name in self.required:
            annotation = option.annotation.removesuffix(" | None")
            return inspect.Parameter(option.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation)
        return inspect.Parameter(
            option.name, inspect.Parameter.KEYWORD_ONLY, default=option.default, annotation=option.annotation
        )

    def values(self, options: Mapping[str, Any]) -> dict[str, Any]:
        """Every option's value: the given one or its default.

        Raises ``TypeError`` for an unknown keyword or a missing required
        one, as a Python signature would.
        """
        known = {option.name for option in self.options}
        for name in options:
            if name not in known:
                raise TypeError(f"unexpected keyword argument {name!r}")
        missing = sorted(self.required - set(options))
        if missing:
            raise TypeError(f"missing required keyword argument {missing[0]!r}")
        return {option.name: options.get(option.name, option.default) for option in self.options}

    def request(self, workflow: str, args: Sequence[Any], options: Mapping[str, Any]) -> dict[str, Any]:
        """The ``tc_workflow_start`` request (its start keys) for a workflow type, its arguments and the options."""
        values = self.values(options)
        request: dict[str, Any] = {"workflow_type": workflow, "args": list(args)}
        for option in self.options:
            value = values[option.name]
            converted = None if value is None else option.to_json(value)
            if converted is not None:
                request[option.json_key] = converted
        return request

    def stored(self, options: Mapping[str, Any]) -> dict[str, Any]:
        """Every option's value in the form a schedule action keeps (durations as ``timedelta``, copied mappings)."""
        values = self.values(options)
        return {option.name: option.stored(values[option.name]) for option in self.options}

    def from_json(self, request: Mapping[str, Any]) -> dict[str, Any]:
        """The options read back from a described start request (the inverse of :meth:`request`)."""
        return {option.name: option.from_json(request.get(option.json_key)) for option in self.options}

    def of(self, instance: Any) -> dict[str, Any]:
        """The options an object keeps as attributes of the same names."""
        return {option.name: getattr(instance, option.name) for option in self.options}


WORKFLOW_START = OptionSet()
""":meth:`Client.start_workflow <temporal_capi.Client.start_workflow>`: every option."""

WITH_START = OptionSet(omit=("start_signal", "start_signal_args"), required=("task_queue", "id", "id_conflict_policy"))
""":class:`~temporal_capi.WithStartWorkflowOperation`: no start signal; ``id`` and ``id_conflict_policy`` required."""

SCHEDULE_ACTION = OptionSet(
    omit=("id_reuse_policy", "id_conflict_policy", "cron_schedule", "start_delay", "request_id", "start_signal",
          "start_signal_args"),
    required=("task_queue", "id"),
)
""":class:`~temporal_capi.ScheduleActionStartWorkflow`: what a schedule can honour; ``id`` required."""

ORCHESTRATION = OptionSet(omit=("id",))
"""Durable Task scheduling: the instance id replaces ``id``."""
