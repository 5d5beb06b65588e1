"""The bindings against include/temporal_capi.operations.json, the manifest of the library's operation table.

Offline: every operation is declared with the asynchronous-call signature,
the ABI version agrees, and every paged operation is driven by the one pager
with the manifest's page-token key (checked by paging through a transport
that records what is sent).
"""

from __future__ import annotations

import ctypes
import json
from typing import Any, AsyncIterator, Callable, Mapping

import pytest
from conftest import REPOSITORY, run

from temporal_capi import Client, InstanceQuery, _library, _pager
from temporal_capi.handle import WorkflowHandle

MANIFEST = json.loads((REPOSITORY / "include" / "temporal_capi.operations.json").read_text())
PAGED = sorted(operation["export"] for operation in MANIFEST["operations"] if operation["pages"])
KEY = MANIFEST["page_token_key"]

ASYNC_PARAMETERS = {
    "client": ctypes.c_void_p,
    "request_json": ctypes.c_char_p,
    "request_len": ctypes.c_size_t,
    "cancel": ctypes.c_void_p,
    "callback": _library.CALLBACK,
    "user_data": ctypes.c_void_p,
}
"""The ctypes type of each parameter the manifest lists for an asynchronous export."""


def test_every_operation_is_declared_with_the_async_call_signature() -> None:
    expected = [ASYNC_PARAMETERS[name] for name in MANIFEST["async_parameters"]]
    assert MANIFEST["operations"], "the manifest lists operations"
    for operation in MANIFEST["operations"]:
        argtypes, restype = _library.SIGNATURES[operation["export"]]
        assert argtypes == expected, operation["export"]
        assert restype is ctypes.c_int, operation["export"]


def test_the_abi_version_is_the_manifests() -> None:
    assert _library.ABI_VERSION == MANIFEST["abi_version"]


def test_the_pager_sends_and_reads_the_manifests_page_token_key() -> None:
    assert _pager.PAGE_TOKEN_KEY == KEY
    assert _pager.page_request({"page_size": 2}, b"\x01") == {"page_size": 2, KEY: "AQ=="}
    assert _pager.page_request({"page_size": 2}, None) == {"page_size": 2}
    assert _pager.next_token({KEY: "AQ=="}) == "AQ==" and _pager.next_token({KEY: None}) is None


START, NEXT = "c3RhcnQ=", "bmV4dA=="
"""The page token a listing starts from (base64 of ``start``) and the one the first response names."""


class RecordingTransport:
    """Answers every call with an empty page; the first answer names a next page, the second none."""

    runtime = None

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def call(self, function: Any, request: Mapping[str, Any]) -> dict[str, Any]:
        self.calls.append((function.__name__, dict(request)))
        return {KEY: NEXT} if len(self.calls) == 1 else {KEY: None}


LISTINGS: dict[str, Callable[[Client], AsyncIterator[Any]]] = {
    "tc_workflow_list": lambda client: client.list_workflows(next_page_token=b"start"),
    "tc_schedule_list": lambda client: client.list_schedules(next_page_token=b"start"),
    "tc_workflow_fetch_history": lambda client: WorkflowHandle(client._transport, "wf").fetch_history_events(
        next_page_token=b"start"
    ),
    "tc_workflow_query_instances": lambda client: client.durable_task.get_all_instances(
        InstanceQuery(continuation_token=START)
    ),
}
"""How the public API iterates over each paged operation, starting from the page ``START`` names."""


def test_every_paged_operation_has_a_listing() -> None:
    assert sorted(LISTINGS) == PAGED


@pytest.mark.parametrize("export", PAGED)
def test_each_listing_pages_with_the_manifests_key(export: str) -> None:
    transport = RecordingTransport()
    client = Client(transport, {})  # type: ignore[arg-type]

    async def drain() -> list[Any]:
        return [row async for row in LISTINGS[export](client)]

    assert run(drain()) == []
    assert [function for function, _ in transport.calls] == [export, export], "two pages, then the end"
    (_, first), (_, second) = transport.calls
    assert first[KEY] == START and second[KEY] == NEXT
    assert not {"continuation_token"} & (set(first) | set(second)), "one key for every listing"
