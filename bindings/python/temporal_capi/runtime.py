"""The native runtime: the worker threads every call runs on, and its logs."""

from __future__ import annotations

import ctypes
import json
import logging
import threading
import weakref
from typing import Any, ClassVar

from ._library import CALLBACK, call_checked, lib
from ._managed import Managed
from .common import Duration, compact, duration_json
from .errors import ClosedError

logger = logging.getLogger("temporal_capi")
"""Where the library's own log records go."""

_LEVELS = {
    "trace": logging.DEBUG - 5,
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warn": logging.WARNING,
    "error": logging.ERROR,
}


@CALLBACK
def _on_log(_user_data: Any, _status: int, data: Any, length: int) -> None:
    try:
        record = json.loads(ctypes.string_at(data, length))
        fields = record.get("fields") or {}
        suffix = " ".join(f"{k}={v}" for k, v in fields.items())
        logger.log(
            _LEVELS.get(record.get("level", ""), logging.INFO),
            "%s%s",
            record.get("message", ""),
            f" ({suffix})" if suffix else "",
            extra={"temporal_target": record.get("target"), "temporal_fields": fields},
        )
    except BaseException:  # noqa: BLE001 - nothing may unwind into C
        pass


class Runtime(Managed):
    """Owns the native runtime (a Tokio thread pool).

    Most programs never create one: clients use :meth:`default`. Closing a
    runtime (:meth:`close`, or leaving a ``with`` / ``async with`` block)
    cancels every call still running on it; each raises
    :class:`~temporal_capi.errors.OperationCancelledError`.

    ``log_level`` (``off``, ``error``, ``warn``, ``info``, ``debug``,
    ``trace``) forwards the library's logs at that level and above to the
    ``temporal_capi`` logger of the :mod:`logging` module.
    """

    _default: ClassVar[Runtime | None] = None
    _default_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        *,
        worker_threads: int | None = None,
        shutdown_timeout: Duration | None = None,
        log_level: str = "warn",
    ) -> None:
        """Starts the runtime; raises the library's error for bad options (e.g. ``InvalidArgumentError``)."""
        options = json.dumps(
            compact(worker_threads=worker_threads, shutdown_timeout=duration_json(shutdown_timeout))
        ).encode()
        handle = ctypes.c_void_p()
        call_checked(lib.tc_runtime_new, options, len(options), ctypes.byref(handle))
        self._ptr: int | None = handle.value
        self._finalizer = weakref.finalize(self, lib.tc_runtime_free, handle.value)
        self.set_log_level(log_level)

    @classmethod
    def default(cls) -> Runtime:
        """The process-wide runtime, created on first use."""
        with cls._default_lock:
            if cls._default is None:
                cls._default = Runtime()
            return cls._default

    @property
    def ptr(self) -> int:
        """The native handle; raises ClosedError after :meth:`close`."""
        if self._ptr is None:
            raise ClosedError("the runtime is closed", {"code": "closed"})
        return self._ptr

    def set_log_level(self, level: str) -> None:
        """Changes which of the library's log records reach :data:`logger`.

        Raises the library's :class:`~temporal_capi.errors.InvalidArgumentError`
        for an unknown level.
        """
        text = level.encode()
        call_checked(lib.tc_runtime_set_logger, self.ptr, text, len(text), _on_log, None)

    def _release(self) -> None:
        self._ptr = None
        self._finalizer()
        with Runtime._default_lock:
            if Runtime._default is self:
                Runtime._default = None

