"""Every reply the Python tests see is checked against the published JSON Schema.

The schema is include/temporal_capi.schema.json (draft 2020-12; Rust's
tests/operations.rs keeps it equal to what the code generates). A success is
validated against ``#/operations/<export>/response`` of the export that was
called, a failure (status error or cancelled) and every synchronous error
object against ``#/error``, as tests/common/contract.rs does for the Rust
tests: the whole document with an added top-level ``"$ref"``, one cached
validator per JSON pointer.

:class:`ReplyChecker` installs itself (:meth:`ReplyChecker.install`, for the
whole session, see conftest.py) around the binding's completion path without
any hook in the package:

- ``Transport.call`` is wrapped so that the export it runs is remembered under
  the call's ``user_data`` key when the native function is invoked;
- ``_bridge._complete``, which both trampolines (``_on_reply`` and
  ``_on_client``) call for every completion, validates the outcome before it
  is delivered: a success by the remembered export (a success that carries a
  client is ``tc_client_connect``'s), a failure against ``#/error``;
- ``_library.error_from_json``, through which ``call_checked`` raises every
  synchronous export's error object (``tc_runtime_new``,
  ``tc_envconfig_load``, ``tc_client_update_*``, ...), validates it against
  ``#/error`` first.

Violations are collected (the completion runs on a library thread, where
nothing may raise) and conftest.py fails the test during which they arrived.
"""

from __future__ import annotations

import ctypes
import json
import threading
from pathlib import Path
from typing import Any, Callable

import pytest
from jsonschema.validators import Draft202012Validator

from temporal_capi import _bridge, _library, _transport

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "include" / "temporal_capi.schema.json"
"""The published schema."""

CONNECT = "tc_client_connect"
"""The export whose success (and only whose) delivers a client."""


class Contract:
    """The schema document and its validators, compiled on first use and cached by JSON pointer."""

    def __init__(self, path: Path = SCHEMA_PATH) -> None:
        self.document: dict[str, Any] = json.loads(path.read_text())
        Draft202012Validator.check_schema(self.document)
        self.exports = frozenset(self.document["operations"])
        self._validators: dict[str, Draft202012Validator] = {}
        self._lock = threading.Lock()

    def validator(self, pointer: str) -> Draft202012Validator:
        """The validator of the schema at ``pointer`` (``/operations/<export>/response`` or ``/error``)."""
        with self._lock:
            found = self._validators.get(pointer)
            if found is None:
                found = Draft202012Validator({**self.document, "$ref": f"#{pointer}"})
                self._validators[pointer] = found
            return found

    def violations(self, export: str | None, ok: bool, value: Any) -> list[str]:
        """The violations of one reply of ``export``: a success (``ok``) or an error object."""
        if ok:
            if export not in self.exports:
                return [f"a success of {export or 'an unknown call'}, which has no response schema"]
            pointer = f"/operations/{export}/response"
        else:
            pointer = "/error"
        return [
            f"{pointer}: {error.message} at /{'/'.join(str(p) for p in error.absolute_path)}"
            for error in self.validator(pointer).iter_errors(value)
        ]


class ReplyChecker:
    """Validates every native completion and synchronous error object and collects what does not conform."""

    def __init__(self, contract: Contract) -> None:
        self.contract = contract
        self.checked: dict[str, int] = {}
        """Replies validated so far, by export (``synchronous error`` for the error objects of synchronous exports)."""
        self._found: list[str] = []
        self._exports: dict[int, str] = {}
        self._lock = threading.Lock()

    def check(self, export: str | None, ok: bool, text: bytes) -> list[str]:
        """Validates one reply given as the library's JSON text; records and returns its violations."""
        label = export or ("an unknown call" if ok else "a synchronous export")
        try:
            value = json.loads(text)
        except ValueError as err:
            found = [f"not JSON ({err})"]
        else:
            found = self.contract.violations(export, ok, value)
        with self._lock:
            key = export or ("unknown" if ok else "synchronous error")
            self.checked[key] = self.checked.get(key, 0) + 1
            self._found.extend(
                f"{'reply' if ok else 'error'} of {label} does not match include/temporal_capi.schema.json: "
                f"{violation}\n    {text.decode(errors='replace')}"
                for violation in found
            )
        return found

    def take(self) -> list[str]:
        """The violations collected since the last call, removed."""
        with self._lock:
            found, self._found = self._found, []
        return found

    @property
    def total(self) -> int:
        """How many replies were validated."""
        with self._lock:
            return sum(self.checked.values())

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Wraps the binding's completion path (see the module docstring) for the life of ``monkeypatch``."""
        exports, lock = self._exports, self._lock
        complete = _bridge._complete
        call = _transport.Transport.call
        error_from_json = _library.error_from_json

        def tagged(function: _transport.NativeFunction) -> Callable[..., int]:
            export = function.__name__

            def invoke(*args: Any) -> int:
                key = args[-1]  # (client, request, length, cancel, callback, user_data)
                with lock:
                    exports[key] = export
                return function(*args)

            return invoke

        async def checked_call(transport: _transport.Transport, function: Any, request: Any) -> Any:
            return await call(transport, tagged(function), request)

        def checked_complete(key: int | None, outcome: _bridge.Outcome) -> None:
            try:
                with lock:
                    export = exports.pop(key or 0, None)
                if outcome.ok and outcome.client:
                    export = CONNECT
                self.check(export, outcome.ok, outcome.text)
            except BaseException as err:  # noqa: BLE001 - never keep a reply from its caller
                with lock:
                    self._found.append(f"checking a reply failed: {err!r}")
            complete(key, outcome)

        def checked_error_from_json(value: Any) -> Any:
            self.check(None, False, json.dumps(value).encode())
            return error_from_json(value)

        monkeypatch.setattr(_transport.Transport, "call", checked_call)
        monkeypatch.setattr(_bridge, "_complete", checked_complete)
        monkeypatch.setattr(_library, "error_from_json", checked_error_from_json)


def fabricated_reply(export: str, status: int, reply: bytes) -> Callable[..., int]:
    """A stand-in for a native asynchronous export named ``export`` that calls back at once with ``reply``.

    It completes through the binding's own trampoline, as the library would.
    """

    def function(client: Any, request: bytes, length: int, cancel: Any, callback: Any, key: int) -> int:
        buffer = ctypes.create_string_buffer(reply, len(reply))
        callback(key, status, buffer, len(reply))
        return _library.RESULT_OK

    function.__name__ = export
    return function

