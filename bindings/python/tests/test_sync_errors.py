"""Synchronous exports raise the library's own error object (docs/ABI.md, "Synchronous errors"); no server needed.

``tc_envconfig_load``, ``tc_client_update_api_key``,
``tc_client_update_headers``, ``tc_runtime_set_logger`` and
``tc_runtime_new`` report a failure through their trailing
``error_json_out``; the binding raises the exception for that object. The
keys checked below (``key``, ``line``, ...) exist only in the library's
objects, so they prove where the error came from.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest
from conftest import closed_port, run

from temporal_capi import Client, ClientConfig, ClosedError, ConfigError, InvalidArgumentError, Runtime
from temporal_capi._library import CALLBACK, call_checked, lib


@pytest.fixture
def offline_client() -> Client:
    """A lazy client that never reaches a server: credential updates are checked by the library alone."""
    return run(Client.connect(f"127.0.0.1:{closed_port()}", lazy=True))


def test_set_logger_raises_the_library_error_for_an_unknown_level() -> None:
    with Runtime() as runtime:
        with pytest.raises(InvalidArgumentError) as raised:
            runtime.set_log_level("loud")
        assert raised.value.code == "invalid_argument"
        assert raised.value.message == raised.value.error["message"] and '"loud"' in raised.value.message
        runtime.set_log_level("debug")
        runtime.set_log_level("off")
    with pytest.raises(ClosedError):
        runtime.set_log_level("info")


def test_runtime_new_raises_the_library_error_for_bad_options() -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        Runtime(worker_threads=0)
    assert raised.value.key == "worker_threads"


def test_api_key_update_raises_the_library_error(offline_client: Client) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        offline_client.api_key = "line\nbreak"
    assert raised.value.key == "api_key" and "control characters" in raised.value.message
    assert offline_client.api_key is None
    offline_client.api_key = "rotated"
    assert offline_client.api_key == "rotated"


@pytest.mark.parametrize(
    ("headers", "key"),
    [({"bad name": "x"}, "bad name"), ({"x-value": "line\nbreak"}, "x-value"), ({"x-number": 1}, "x-number")],
)
def test_headers_update_raises_the_library_error(offline_client: Client, headers: dict, key: str) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        offline_client.rpc_metadata = headers
    assert raised.value.key == key and key in raised.value.message
    assert offline_client.rpc_metadata == {}
    offline_client.rpc_metadata = {"x-tenant": "a"}
    assert offline_client.rpc_metadata == {"x-tenant": "a"}


def test_envconfig_load_raises_the_library_error() -> None:
    with pytest.raises(ConfigError) as syntax:
        ClientConfig.load(config_data="[profile.default\n", env={})
    assert syntax.value.error["line"] == 1 and "TOML" in syntax.value.message
    with pytest.raises(ConfigError) as typed:
        ClientConfig.load(config_data="[profile.default]\naddress = 5\n", env={})
    assert typed.value.error["toml_key"] == "profile.default.address"
    with pytest.raises(InvalidArgumentError) as options:
        ClientConfig.load(env={"TEMPORAL_ADDRESS": 5})  # type: ignore[dict-item]
    assert options.value.key == "env.TEMPORAL_ADDRESS"
    assert ClientConfig.load(config_data='[profile.default]\naddress = "h:1"\n', env={}) == {"target_host": "h:1"}


def _runtime_pointer() -> int:
    return Runtime().ptr


NULL_ARGUMENTS: list[tuple[str, Callable[[], tuple[Any, ...]], str]] = [
    ("tc_client_update_api_key", lambda: (None, b"k", 1), "client"),
    ("tc_client_update_headers", lambda: (None, b"{}", 2), "client"),
    ("tc_runtime_set_logger", lambda: (_runtime_pointer(), b"info", 4, CALLBACK(), None), "callback"),
    ("tc_envconfig_load", lambda: (b"{}", 2, None, None), "json_out"),
    ("tc_runtime_new", lambda: (b"{}", 2, None), "runtime_out"),
]
"""Each export, arguments with one NULL (the error out-parameter is added by ``call_checked``), the NULL one's name."""


@pytest.mark.parametrize(("export", "arguments", "parameter"), NULL_ARGUMENTS, ids=[n[0] for n in NULL_ARGUMENTS])
def test_a_null_argument_raises_invalid_argument_with_the_library_message(
    export: str, arguments: Callable[[], tuple[Any, ...]], parameter: str
) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        call_checked(getattr(lib, export), *arguments())
    assert raised.value.code == "invalid_argument"
    assert raised.value.message == f"`{parameter}` is NULL"

