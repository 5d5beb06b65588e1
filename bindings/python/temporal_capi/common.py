"""Option types shared by the client API and their JSON forms (docs/JSON.md)."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import Enum, IntEnum
from typing import Any, Generic, Mapping, Sequence, TypeVar, Union

Duration = Union[timedelta, float, int]
"""A duration: a ``timedelta`` or a number of seconds."""


def duration_json(value: Duration | None) -> float | None:
    """Seconds as the library's JSON expects, or None."""
    if value is None:
        return None
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"a duration must be a timedelta or seconds, not {type(value).__name__}")
    return float(value)


def as_timedelta(value: Duration | None) -> timedelta | None:
    """A duration as a ``timedelta`` (numbers are seconds), or None."""
    if value is None or isinstance(value, timedelta):
        return value
    return timedelta(seconds=duration_json(value) or 0.0)


def duration_from_json(value: float | None) -> timedelta | None:
    """A ``timedelta`` from a JSON seconds number."""
    return None if value is None else timedelta(seconds=value)


def datetime_json(value: datetime) -> str:
    """RFC 3339 text; a naive datetime is taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.isoformat()


def datetime_from_json(value: str | None) -> datetime | None:
    """A timezone-aware ``datetime`` from RFC 3339 text (a nanosecond fraction is cut to microseconds)."""
    if not value:
        return None
    text = re.sub(r"(\.\d{6})\d+", r"\1", value.replace("Z", "+00:00"))
    return datetime.fromisoformat(text)


class WorkflowIDReusePolicy(str, Enum):
    """Whether a closed workflow's id may be used again."""

    ALLOW_DUPLICATE = "allow_duplicate"
    ALLOW_DUPLICATE_FAILED_ONLY = "allow_duplicate_failed_only"
    REJECT_DUPLICATE = "reject_duplicate"
    TERMINATE_IF_RUNNING = "terminate_if_running"


class WorkflowIDConflictPolicy(str, Enum):
    """What starting a workflow whose id is running does."""

    FAIL = "fail"
    USE_EXISTING = "use_existing"
    TERMINATE_EXISTING = "terminate_existing"


class QueryRejectCondition(str, Enum):
    """When the server rejects a query instead of running it."""

    NONE = "none"
    NOT_OPEN = "not_open"
    NOT_COMPLETED_CLEANLY = "not_completed_cleanly"


E = TypeVar("E", bound="NamedIntEnum")


class NamedIntEnum(IntEnum):
    """An enum with Temporal API values whose JSON form is the member name in snake_case."""

    @classmethod
    def from_json(cls: type[E], value: str) -> E:
        """The member for the library's snake_case name (``"continued_as_new"``); ValueError for another name."""
        try:
            return cls[value.upper()]
        except KeyError:
            expected = [member.name.lower() for member in cls]
            raise ValueError(f"unknown {cls.__name__} {value!r}; expected one of {expected}") from None

    def to_json(self) -> str:
        """The library's snake_case name (``"running"``, ``"continued_as_new"``, ``"buffer_one"`` ...)."""
        return self.name.lower()


class WorkflowExecutionStatus(NamedIntEnum):
    """A workflow run's status (values as in the Temporal API)."""

    RUNNING = 1
    COMPLETED = 2
    FAILED = 3
    CANCELED = 4
    TERMINATED = 5
    CONTINUED_AS_NEW = 6
    TIMED_OUT = 7
    PAUSED = 8


class WorkflowUpdateStage(str, Enum):
    """How far an update must get before ``start_update`` returns."""

    ACCEPTED = "accepted"
    """The worker's validator accepted the update (rejections are known by then)."""
    COMPLETED = "completed"
    """The update handler finished."""


class HistoryEventFilterType(str, Enum):
    """Which events a history read returns."""

    ALL_EVENT = "all"
    """Every event."""
    CLOSE_EVENT = "close"
    """Only the event that closed the run (with ``wait_new_event``: waits for it)."""


@dataclass(frozen=True)
class RetryPolicy:
    """How a workflow (or activity) is retried."""

    initial_interval: Duration = timedelta(seconds=1)
    backoff_coefficient: float = 2.0
    maximum_interval: Duration | None = None
    maximum_attempts: int = 0
    non_retryable_error_types: Sequence[str] | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``retry_policy`` object."""
        return compact(
            initial_interval=duration_json(self.initial_interval),
            backoff_coefficient=self.backoff_coefficient,
            maximum_interval=duration_json(self.maximum_interval),
            maximum_attempts=self.maximum_attempts,
            non_retryable_error_types=list(self.non_retryable_error_types or []) or None,
        )

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> RetryPolicy:
        """Reads a ``retry_policy`` object of a response; unset values take the defaults."""
        initial = value.get("initial_interval")
        return cls(
            initial_interval=timedelta(seconds=1) if initial is None else timedelta(seconds=initial),
            backoff_coefficient=float(value.get("backoff_coefficient") or 2.0),
            maximum_interval=duration_from_json(value.get("maximum_interval")),
            maximum_attempts=int(value.get("maximum_attempts") or 0),
            non_retryable_error_types=list(value.get("non_retryable_error_types") or []) or None,
        )


@dataclass(frozen=True)
class Priority:
    """Task priority and fairness."""

    priority_key: int | None = None
    fairness_key: str | None = None
    fairness_weight: float | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``priority`` object."""
        return compact(
            priority_key=self.priority_key, fairness_key=self.fairness_key, fairness_weight=self.fairness_weight
        )

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> Priority:
        """Reads a ``priority`` object of a response; zero and empty values read as None (unset)."""
        return cls(
            priority_key=value.get("priority_key") or None,
            fairness_key=value.get("fairness_key") or None,
            fairness_weight=value.get("fairness_weight") or None,
        )


@dataclass(frozen=True)
class TLSConfig:
    """TLS settings. PEM text as bytes/str, or paths to PEM files."""

    server_root_ca_cert: bytes | str | None = None
    domain: str | None = None
    client_cert: bytes | str | None = None
    client_private_key: bytes | str | None = None
    server_root_ca_cert_path: str | None = None
    client_cert_path: str | None = None
    client_private_key_path: str | None = None
    disable_host_verification: bool = False
    """Accept a server certificate issued for another host name (the chain
    is still verified against the CA)."""

    def to_json(self) -> dict[str, Any]:
        """The ``tls`` object (PEM bytes as text); unset fields are left out."""
        value: dict[str, Any] = {}
        for field, key in _TLS_KEYS.items():
            setting = getattr(self, field)
            if setting is not None and setting is not False:
                value[key] = _text(setting)
        return value

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> TLSConfig:
        """Reads the ``tls`` object of a loaded profile."""
        return cls(**{field: value[key] for field, key in _TLS_KEYS.items() if value.get(key) is not None})


_TLS_KEYS = {
    "server_root_ca_cert": "server_ca_cert",
    "server_root_ca_cert_path": "server_ca_cert_path",
    "client_cert": "client_cert",
    "client_cert_path": "client_cert_path",
    "client_private_key": "client_key",
    "client_private_key_path": "client_key_path",
    "domain": "server_name",
    "disable_host_verification": "disable_host_verification",
}
"""Each :class:`TLSConfig` field and its key in the library's ``tls`` object."""


@dataclass(frozen=True)
class KeepAliveConfig:
    """HTTP/2 keep-alive pings."""

    interval: Duration = 30.0
    timeout: Duration = 15.0

    def to_json(self) -> dict[str, Any]:
        """The ``keep_alive`` object."""
        return {"interval": duration_json(self.interval), "timeout": duration_json(self.timeout)}


@dataclass(frozen=True)
class RetryConfig:
    """Retries of failed RPCs by the connection."""

    initial_interval: Duration = 0.1
    multiplier: float = 1.7
    max_interval: Duration = 5.0
    max_elapsed: Duration | None = 10.0
    max_retries: int = 10

    def to_json(self) -> dict[str, Any]:
        """The ``retry`` object."""
        return compact(
            initial_interval=duration_json(self.initial_interval),
            multiplier=self.multiplier,
            max_interval=duration_json(self.max_interval),
            max_elapsed=duration_json(self.max_elapsed),
            max_retries=self.max_retries,
        )


V = TypeVar("V")


@dataclass(frozen=True)
class SearchAttributeKey(Generic[V]):
    """A typed search attribute name, as ``SearchAttributeKey.for_keyword("CustomKeyword")``."""

    name: str
    type: str

    @staticmethod
    def for_keyword(name: str) -> SearchAttributeKey[str]:
        """A Keyword attribute."""
        return SearchAttributeKey(name, "keyword")

    @staticmethod
    def for_text(name: str) -> SearchAttributeKey[str]:
        """A Text attribute."""
        return SearchAttributeKey(name, "text")

    @staticmethod
    def for_int(name: str) -> SearchAttributeKey[int]:
        """An Int attribute."""
        return SearchAttributeKey(name, "int")

    @staticmethod
    def for_float(name: str) -> SearchAttributeKey[float]:
        """A Double attribute."""
        return SearchAttributeKey(name, "double")

    @staticmethod
    def for_bool(name: str) -> SearchAttributeKey[bool]:
        """A Bool attribute."""
        return SearchAttributeKey(name, "bool")

    @staticmethod
    def for_datetime(name: str) -> SearchAttributeKey[datetime]:
        """A Datetime attribute."""
        return SearchAttributeKey(name, "datetime")

    @staticmethod
    def for_keyword_list(name: str) -> SearchAttributeKey[Sequence[str]]:
        """A KeywordList attribute."""
        return SearchAttributeKey(name, "keyword_list")


SearchAttributes = Mapping[SearchAttributeKey[Any], Any]
"""Typed search attribute values by key."""


def search_attributes_json(attributes: SearchAttributes) -> dict[str, Any]:
    """The typed ``search_attributes`` object."""
    out: dict[str, Any] = {}
    for key, value in attributes.items():
        if not isinstance(key, SearchAttributeKey):
            raise TypeError(f"search attribute keys must be SearchAttributeKey, not {type(key).__name__}")
        if key.type == "datetime" and isinstance(value, datetime):
            value = datetime_json(value)
        elif key.type == "keyword_list":
            value = list(value)
        out[key.name] = {"type": key.type, "value": value}
    return out


def search_attributes_from_json(attributes: Mapping[str, Any]) -> dict[SearchAttributeKey[Any], Any]:
    """Typed values from the library's typed form; datetimes become ``datetime``."""
    out: dict[SearchAttributeKey[Any], Any] = {}
    for name, typed in attributes.items():
        value = typed.get("value")
        if typed.get("type") == "datetime" and isinstance(value, str):
            value = datetime_from_json(value)
        out[SearchAttributeKey(name, typed.get("type", ""))] = value
    return out


def _text(value: Any) -> Any:
    return value.decode() if isinstance(value, bytes) else value


def token_json(token: bytes | str | None) -> str | None:
    """An opaque token as the library's JSON expects it: bytes are base64-encoded, text passes as is."""
    if token is None:
        return None
    if isinstance(token, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(token)).decode()
    if isinstance(token, str):
        return token
    raise TypeError(f"a token must be bytes or str, not {type(token).__name__}")


def token_from_json(value: str | None) -> bytes | None:
    """The bytes of a base64 token from a response, or None when there is none."""
    return base64.b64decode(value) if value else None


def compact(**values: Any) -> dict[str, Any]:
    """The keyword arguments that are not None, as a dict."""
    return {k: v for k, v in values.items() if v is not None}


def name_json(value: NamedIntEnum | str) -> str:
    """A :class:`NamedIntEnum` member's snake_case name; a name given as text passes as is."""
    return value.to_json() if isinstance(value, NamedIntEnum) else value


def enum_json(value: Any) -> Any:
    """An enum member's JSON value (its ``value``); anything else (text, None) passes as is."""
    return getattr(value, "value", value)


__all__ = [
    "Duration",
    "HistoryEventFilterType",
    "KeepAliveConfig",
    "Priority",
    "QueryRejectCondition",
    "RetryConfig",
    "RetryPolicy",
    "SearchAttributeKey",
    "SearchAttributes",
    "TLSConfig",
    "WorkflowExecutionStatus",
    "WorkflowIDConflictPolicy",
    "WorkflowIDReusePolicy",
    "WorkflowUpdateStage",
]

