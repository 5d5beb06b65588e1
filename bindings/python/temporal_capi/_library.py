"""Loads ``libtemporal_capi``, declares the C signature of every export, and reads its out-parameters.

The table :data:`SIGNATURES` is the single place the C ABI is described in
Python; a test compares it with the committed header so the two cannot drift.
:func:`call_checked` is the one way a synchronous export that can fail is
called (docs/ABI.md, "Synchronous errors").
"""

from __future__ import annotations

import ctypes
import json
import os
from ctypes import POINTER, c_char, c_char_p, c_int, c_size_t, c_uint32, c_void_p
from pathlib import Path
from typing import Any, Callable

from .errors import error_from_json

LIBRARY_ENV = "TEMPORAL_CAPI_LIBRARY"
"""Environment variable naming the shared library to load instead of the packaged one."""

LIBRARY_FILE = "libtemporal_capi.so"
"""File name of the shared library shipped inside the package."""

ABI_VERSION = 2
"""The ``TC_ABI_VERSION`` these bindings were written for."""

RESULT_OK, RESULT_NULL_ARGUMENT, RESULT_INVALID_ARGUMENT, RESULT_PANIC, RESULT_CLOSED, RESULT_ERROR = range(6)
"""``TcResult`` values."""

STATUS_OK, STATUS_ERROR, STATUS_CANCELLED = range(3)
"""``TcStatus`` values."""

CALLBACK = ctypes.CFUNCTYPE(None, c_void_p, c_int, POINTER(c_char), c_size_t)
"""``TcCallback``: ``(user_data, status, json, json_len)``."""

CLIENT_CALLBACK = ctypes.CFUNCTYPE(None, c_void_p, c_void_p, c_int, POINTER(c_char), c_size_t)
"""``TcClientCallback``: ``(user_data, client, status, json, json_len)``."""

_ASYNC_CALL = ([c_void_p, c_char_p, c_size_t, c_void_p, CALLBACK, c_void_p], c_int)
_ERROR_OUT = POINTER(c_void_p)

SIGNATURES: dict[str, tuple[list[Any], Any]] = {
    "tc_version": ([], c_char_p),
    "tc_abi_version": ([], c_uint32),
    "tc_string_free": ([c_void_p], None),
    "tc_runtime_new": ([c_char_p, c_size_t, POINTER(c_void_p), _ERROR_OUT], c_int),
    "tc_runtime_free": ([c_void_p], None),
    "tc_runtime_set_logger": ([c_void_p, c_char_p, c_size_t, CALLBACK, c_void_p, _ERROR_OUT], c_int),
    "tc_cancel_new": ([], c_void_p),
    "tc_cancel_cancel": ([c_void_p], None),
    "tc_cancel_free": ([c_void_p], None),
    "tc_client_connect": ([c_void_p, c_char_p, c_size_t, c_void_p, CLIENT_CALLBACK, c_void_p], c_int),
    "tc_client_free": ([c_void_p], None),
    "tc_client_update_api_key": ([c_void_p, c_char_p, c_size_t, _ERROR_OUT], c_int),
    "tc_client_update_headers": ([c_void_p, c_char_p, c_size_t, _ERROR_OUT], c_int),
    "tc_envconfig_load": ([c_char_p, c_size_t, POINTER(c_void_p), POINTER(c_size_t), _ERROR_OUT], c_int),
    "tc_activity_complete": _ASYNC_CALL,
    "tc_activity_fail": _ASYNC_CALL,
    "tc_activity_heartbeat": _ASYNC_CALL,
    "tc_activity_report_cancellation": _ASYNC_CALL,
    "tc_client_rpc": _ASYNC_CALL,
    "tc_client_system_info": _ASYNC_CALL,
    "tc_schedule_backfill": _ASYNC_CALL,
    "tc_schedule_create": _ASYNC_CALL,
    "tc_schedule_delete": _ASYNC_CALL,
    "tc_schedule_describe": _ASYNC_CALL,
    "tc_schedule_list": _ASYNC_CALL,
    "tc_schedule_pause": _ASYNC_CALL,
    "tc_schedule_trigger": _ASYNC_CALL,
    "tc_schedule_unpause": _ASYNC_CALL,
    "tc_schedule_update": _ASYNC_CALL,
    "tc_workflow_cancel": _ASYNC_CALL,
    "tc_workflow_count": _ASYNC_CALL,
    "tc_workflow_delete": _ASYNC_CALL,
    "tc_workflow_describe": _ASYNC_CALL,
    "tc_workflow_describe_task_queue": _ASYNC_CALL,
    "tc_workflow_export_history": _ASYNC_CALL,
    "tc_workflow_fetch_history": _ASYNC_CALL,
    "tc_workflow_list": _ASYNC_CALL,
    "tc_workflow_pause": _ASYNC_CALL,
    "tc_workflow_purge_instances": _ASYNC_CALL,
    "tc_workflow_query": _ASYNC_CALL,
    "tc_workflow_query_instances": _ASYNC_CALL,
    "tc_workflow_reset": _ASYNC_CALL,
    "tc_workflow_result": _ASYNC_CALL,
    "tc_workflow_signal": _ASYNC_CALL,
    "tc_workflow_signal_with_start": _ASYNC_CALL,
    "tc_workflow_start": _ASYNC_CALL,
    "tc_workflow_start_update": _ASYNC_CALL,
    "tc_workflow_terminate": _ASYNC_CALL,
    "tc_workflow_unpause": _ASYNC_CALL,
    "tc_workflow_update": _ASYNC_CALL,
    "tc_workflow_update_result": _ASYNC_CALL,
    "tc_workflow_update_with_start": _ASYNC_CALL,
    "tc_workflow_wait_for_completion": _ASYNC_CALL,
    "tc_workflow_wait_for_start": _ASYNC_CALL,
}
"""Every export: name -> (argtypes, restype)."""


class LibraryNotFoundError(OSError):
    """The shared library could not be found or loaded."""


def library_path() -> Path:
    """The library to load: ``$TEMPORAL_CAPI_LIBRARY`` or the packaged copy."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        return Path(override)
    return Path(__file__).with_name(LIBRARY_FILE)


def load() -> ctypes.CDLL:
    """Loads the library, declares every signature and checks the ABI version."""
    path = library_path()
    try:
        lib = ctypes.CDLL(str(path))
    except OSError as err:
        raise LibraryNotFoundError(
            f"cannot load {path}: {err}. Install a wheel that contains the library, "
            f"or set {LIBRARY_ENV} to the path of {LIBRARY_FILE}."
        ) from err
    for name, (argtypes, restype) in SIGNATURES.items():
        function = getattr(lib, name)
        function.argtypes = argtypes
        function.restype = restype
    found = lib.tc_abi_version()
    if found != ABI_VERSION:
        raise LibraryNotFoundError(f"{path} has ABI version {found}; these bindings need {ABI_VERSION}")
    return lib


lib = load()
"""The loaded library."""


def take_string(pointer: ctypes.c_void_p, length: int | None = None) -> bytes:
    """Copies a string the library returned through an out-parameter and frees it."""
    if not pointer.value:
        return b""
    try:
        return ctypes.string_at(pointer.value, -1 if length is None else length)
    finally:
        lib.tc_string_free(pointer.value)


_RESULT_CODES = {
    RESULT_NULL_ARGUMENT: "invalid_argument",
    RESULT_INVALID_ARGUMENT: "invalid_argument",
    RESULT_PANIC: "panic",
    RESULT_CLOSED: "closed",
}


def call_checked(function: Callable[..., int], *args: Any) -> None:
    """Calls a synchronous export whose last parameter is ``char **error_json_out``, passing ``args`` before it.

    On any result but ``TC_RESULT_OK`` raises the exception for the error
    object the library wrote (:func:`~temporal_capi.errors.error_from_json`;
    ``TC_RESULT_NULL_ARGUMENT`` comes with code ``invalid_argument``, so it
    raises :class:`~temporal_capi.errors.InvalidArgumentError`).
    """
    error = ctypes.c_void_p()
    result = function(*args, ctypes.byref(error))
    if result == RESULT_OK:
        return
    text = take_string(error)
    if not text:  # only a library that broke its contract writes no error object
        code = _RESULT_CODES.get(result, "internal")
        text = json.dumps({"code": code, "message": f"{function.__name__} returned {result} without an error object"})
    raise error_from_json(json.loads(text))
