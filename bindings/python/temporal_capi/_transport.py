"""The native client and the calls made with it: :class:`Transport`.

Everything that acts on the server (the client, workflow, update, schedule
and activity handles, service clients, the Durable Task client) holds the
transport of the client it came from, never the public client, and calls
through it.
"""

from __future__ import annotations

import json
import weakref
from typing import TYPE_CHECKING, Any, Callable, Mapping

from ._bridge import NativeCall, Outcome
from ._library import call_checked, lib
from .errors import ClosedError, InvalidArgumentError, error_from_json

if TYPE_CHECKING:
    from .runtime import Runtime

NativeFunction = Callable[..., int]
"""An asynchronous export taking a client: ``tc_workflow_*``, ``tc_schedule_*``, ``tc_activity_*``, ..."""


def encode(request: Mapping[str, Any]) -> bytes:
    """A request as the UTF-8 JSON the library reads; InvalidArgumentError for a value JSON cannot hold."""
    try:
        return json.dumps(request, allow_nan=False, ensure_ascii=False).encode()
    except (TypeError, ValueError) as err:
        raise InvalidArgumentError(f"value is not JSON-serializable: {err}", {"code": "invalid_argument"}) from err


def unwrap(outcome: Outcome) -> Any:
    """The decoded response of a call, or raises the exception for its error object."""
    value = outcome.value()
    if outcome.ok:
        return value
    raise error_from_json(value)


class Transport:
    """Owns one native ``TcClient`` (and keeps its runtime alive) and makes every call with it.

    :meth:`close` (or garbage collection of the last holder) frees the
    native client; calls already running finish normally, later ones raise
    :class:`~temporal_capi.errors.ClosedError`.
    """

    def __init__(self, pointer: int, runtime: Runtime) -> None:
        """Takes ownership of a connected ``TcClient``."""
        self._pointer: int | None = pointer
        self.runtime = runtime
        self._finalizer = weakref.finalize(self, lib.tc_client_free, pointer)

    @classmethod
    async def connect(cls, runtime: Runtime, options: Mapping[str, Any]) -> tuple[Transport, dict[str, Any]]:
        """Connects with the ``tc_client_connect`` options; returns the transport and the connect response."""
        body = encode(options)
        runtime_pointer = runtime.ptr
        outcome = await NativeCall(
            lambda cancel, callback, key: lib.tc_client_connect(
                runtime_pointer, body, len(body), cancel, callback, key
            ),
            client_callback=True,
        )
        info = unwrap(outcome)
        assert outcome.client, "a successful connect delivers a client"
        return cls(outcome.client, runtime), info

    @property
    def pointer(self) -> int:
        """The native client; raises ClosedError after :meth:`close`."""
        if self._pointer is None:
            raise ClosedError("the client is closed", {"code": "closed"})
        return self._pointer

    def close(self) -> None:
        """Frees the native client. Idempotent."""
        self._pointer = None
        self._finalizer()

    async def call(self, function: NativeFunction, request: Mapping[str, Any]) -> Any:
        """Runs one asynchronous export with a JSON request; returns the decoded response.

        Raises the :mod:`~temporal_capi.errors` class for the error code.
        """
        body = encode(request)
        pointer = self.pointer
        outcome = await NativeCall(
            lambda cancel, callback, key: function(pointer, body, len(body), cancel, callback, key)
        )
        return unwrap(outcome)

    def call_checked(self, function: Callable[..., int], *args: Any) -> None:
        """Runs a synchronous export taking the client first and an error out-parameter last.

        Raises the library's error as :func:`~temporal_capi._library.call_checked` does.
        """
        call_checked(function, self.pointer, *args)
