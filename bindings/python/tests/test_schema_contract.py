"""The schema check of conftest.py is active and catches a reply that drifts from the published schema.

A fabricated reply is sent through the binding's own completion path (the
transport, the trampoline and ``_bridge._complete``), as the library would
send it: a stand-in native function calls back at once.
"""

from __future__ import annotations

import pytest
from conftest import REPLIES, run
from schema_contract import Contract, fabricated_reply

from temporal_capi import Client, ClientConfig, ConfigError, TemporalCapiError
from temporal_capi._library import STATUS_ERROR, STATUS_OK
from temporal_capi._transport import Transport

STARTED = {"workflow_id": "wf", "run_id": "run", "started": True}
"""A valid ``tc_workflow_start`` response."""


def _transport() -> Transport:
    """A transport whose client is never used: the stand-in functions ignore it."""
    transport = object.__new__(Transport)
    transport._pointer = 1
    return transport


def test_the_validators_accept_a_valid_reply_and_reject_drift() -> None:
    contract = Contract()
    assert contract.violations("tc_workflow_start", True, STARTED) == []
    assert contract.violations("tc_workflow_start", True, {**STARTED, "extra": 1})
    assert contract.violations("tc_workflow_start", True, {"workflow_id": "wf", "run_id": "run"})
    assert contract.violations("tc_workflow_start", True, {**STARTED, "started": "yes"})
    assert contract.violations(None, False, {"code": "not_found", "message": "gone"}) == []
    assert contract.violations(None, False, {"code": "no_such_code", "message": "?"})
    assert contract.violations("tc_no_such_export", True, {}), "a success needs its export's schema"


def test_a_reply_with_an_extra_key_fails_the_test_it_arrives_in() -> None:
    before = REPLIES.checked.get("tc_workflow_start", 0)
    function = fabricated_reply("tc_workflow_start", STATUS_OK, b'{"workflow_id":"wf","run_id":"run","started":true,"extra":1}')
    assert run(_transport().call(function, {}))["extra"] == 1, "the binding itself accepts the reply"
    found = REPLIES.take()  # taken here, so this test does not fail
    assert REPLIES.checked["tc_workflow_start"] == before + 1
    assert len(found) == 1 and "reply of tc_workflow_start" in found[0], found
    assert "Additional properties are not allowed ('extra' was unexpected)" in found[0], found


def test_a_conforming_reply_passes() -> None:
    function = fabricated_reply("tc_workflow_start", STATUS_OK, b'{"workflow_id":"wf","run_id":"run","started":true}')
    assert run(_transport().call(function, {})) == STARTED
    assert REPLIES.take() == []


def test_an_error_object_with_an_unknown_code_is_caught() -> None:
    function = fabricated_reply("tc_workflow_describe", STATUS_ERROR, b'{"code":"no_such_code","message":"?"}')
    with pytest.raises(TemporalCapiError):
        run(_transport().call(function, {}))
    [found] = REPLIES.take()
    assert "error of tc_workflow_describe" in found and "/error: 'no_such_code' is not one of" in found, found


def test_real_replies_are_validated(client: Client) -> None:
    assert REPLIES.checked.get("tc_client_connect", 0) >= 1, "the session client's connect response"
    before = REPLIES.checked.get("tc_workflow_count", 0)
    run(client.count_workflows())
    assert REPLIES.checked["tc_workflow_count"] == before + 1


def test_synchronous_error_objects_are_validated() -> None:
    before = REPLIES.checked.get("synchronous error", 0)
    with pytest.raises(ConfigError):
        ClientConfig.load("missing", config_data="[profile.default]\n", disable_env=True)
    assert REPLIES.checked["synchronous error"] == before + 1
