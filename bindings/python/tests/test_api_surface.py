"""The shape of the public API: blocking twins, docstrings and type hints, and offline decoding."""

from __future__ import annotations

import inspect

import pytest

import temporal_capi
from temporal_capi import (
    ApplicationError,
    AsyncActivityHandle,
    Client,
    DurableTaskClient,
    InstanceQuery,
    ScheduleHandle,
    ServiceClient,
    WithStartWorkflowOperation,
    WorkflowExecutionStatus,
    WorkflowHandle,
    WorkflowUpdateFailedError,
    WorkflowUpdateHandle,
    sync,
)
from temporal_capi.common import token_from_json, token_json
from temporal_capi.errors import error_from_json

TWINS = [
    (Client, sync.Client),
    (WorkflowHandle, sync.WorkflowHandle),
    (WorkflowUpdateHandle, sync.WorkflowUpdateHandle),
    (AsyncActivityHandle, sync.AsyncActivityHandle),
    (ServiceClient, sync.ServiceClient),
    (ScheduleHandle, sync.ScheduleHandle),
    (WithStartWorkflowOperation, sync.WithStartWorkflowOperation),
    (DurableTaskClient, sync.DurableTaskClient),
]


def _public(cls: type) -> dict[str, object]:
    return {name: member for name, member in inspect.getmembers(cls) if not name.startswith("_")}


@pytest.mark.parametrize(("aio", "blocking"), TWINS, ids=lambda c: c.__qualname__)
def test_every_public_async_method_has_a_blocking_twin(aio: type, blocking: type) -> None:
    twins = _public(blocking)
    checked = 0
    for name, member in _public(aio).items():
        if isinstance(inspect.getattr_static(aio, name), property):
            assert isinstance(inspect.getattr_static(blocking, name, None), property), f"{blocking.__qualname__}.{name}"
            continue
        if not callable(member):
            continue
        assert name in twins, f"{blocking.__qualname__} lacks {name}"
        twin = twins[name]
        assert not inspect.iscoroutinefunction(twin) and not inspect.isasyncgenfunction(twin), name
        if inspect.isasyncgenfunction(member):
            assert inspect.isgeneratorfunction(twin), f"{name} must be a plain generator"
        own = [p for p in inspect.signature(member).parameters if p not in ("self", "cls")]
        mirrored = [p for p in inspect.signature(twin).parameters if p not in ("self", "cls")]
        assert mirrored == own, name
        if inspect.iscoroutinefunction(member) or inspect.isasyncgenfunction(member):
            assert twin.__doc__ and twin.__doc__.startswith("Blocking form of"), name
        checked += 1
    assert checked > 0


def _documented_items():
    for module in (temporal_capi, sync):
        for name in module.__all__:
            yield module, name, getattr(module, name)


@pytest.mark.parametrize(("module", "name", "item"), list(_documented_items()), ids=lambda v: getattr(v, "__name__", str(v)))
def test_public_items_have_docstrings_and_type_hints(module, name: str, item: object) -> None:
    doc = inspect.getdoc(item)
    assert doc and not doc.startswith(f"{name}("), f"{module.__name__}.{name} has no docstring"
    if not inspect.isclass(item):
        return
    for attribute, member in vars(item).items():
        if attribute.startswith("_") and attribute != "__init__":
            continue
        function = member.fget if isinstance(member, property) else getattr(member, "__func__", member)
        if not inspect.isfunction(function):
            continue
        where = f"{module.__name__}.{name}.{attribute}"
        if attribute != "__init__":
            assert inspect.getdoc(function), f"{where} has no docstring"
        signature = inspect.signature(function)
        for parameter in signature.parameters.values():
            if parameter.name not in ("self", "cls"):
                assert parameter.annotation is not inspect.Parameter.empty, f"{where}({parameter.name}) has no type"
        assert signature.return_annotation is not inspect.Signature.empty, f"{where} has no return type"


def test_paused_status_and_its_json_names() -> None:
    assert WorkflowExecutionStatus.PAUSED == 8
    assert WorkflowExecutionStatus.from_json("paused") is WorkflowExecutionStatus.PAUSED
    assert WorkflowExecutionStatus.CONTINUED_AS_NEW.to_json() == "continued_as_new"
    query = InstanceQuery(statuses=[WorkflowExecutionStatus.PAUSED, "running"], page_size=3, continuation_token="t")
    assert query.to_json() == {"statuses": ["paused", "running"], "page_size": 3, "next_page_token": "t"}
    assert query.to_json(paging=False) == {"statuses": ["paused", "running"]}


def test_update_failed_errors_decode_to_the_failure_chain() -> None:
    error = error_from_json(
        {
            "code": "update_failed",
            "message": "update failed: no",
            "update_id": "u-1",
            "failure": {
                "kind": "application",
                "message": "no",
                "type": "Rejected",
                "cause": {"kind": "application", "message": "root"},
            },
        }
    )
    assert isinstance(error, WorkflowUpdateFailedError)
    assert error.update_id == "u-1" and error.code == "update_failed"
    assert isinstance(error.cause, ApplicationError) and error.cause.type == "Rejected"
    assert isinstance(error.cause.cause, ApplicationError) and error.cause.cause.message == "root"
    bare = error_from_json({"code": "update_failed", "message": "m"})
    assert isinstance(bare, WorkflowUpdateFailedError) and bare.cause.message == "m"


def test_application_error_can_be_built_with_keywords() -> None:
    built = ApplicationError("msg", type="T", non_retryable=True, details=[1, "x"])
    assert (built.message, built.type, built.non_retryable, list(built.details)) == ("msg", "T", True, [1, "x"])
    assert built.failure["kind"] == "application"
    decoded = ApplicationError("m", {"kind": "application", "message": "m", "type": "D"})
    assert decoded.type == "D" and decoded.non_retryable is False


def test_tokens_are_bytes_sent_as_base64() -> None:
    assert token_json(b"\x00\xffab") == "AP9hYg=="
    assert token_json("already-text") == "already-text"
    assert token_json(None) is None
    assert token_from_json("AP9hYg==") == b"\x00\xffab" and token_from_json(None) is None
    with pytest.raises(TypeError):
        token_json(5)  # type: ignore[arg-type]
