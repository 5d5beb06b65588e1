"""Fixtures: one dev server and worker per session, and connected clients.

The native library is the release build of this repository unless
``TEMPORAL_CAPI_LIBRARY`` names another (or the package was installed with
its own copy).

Every reply of the library the tests see (each completion, the connect
response, every synchronous error object) is validated against
include/temporal_capi.schema.json for the whole session (schema_contract.py);
a reply that does not conform fails the test during which it arrived, and
one that arrives after the last test fails the session.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Awaitable, Callable, Coroutine, Iterator, TypeVar

import pytest

REPOSITORY = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPOSITORY / "tests" / "harness"))
sys.path.insert(0, str(REPOSITORY / "bindings" / "python"))
_target = Path(os.environ.get("CARGO_TARGET_DIR") or REPOSITORY / "target")
os.environ.setdefault("TEMPORAL_CAPI_LIBRARY", str(_target / "release" / "libtemporal_capi.so"))

import devenv  # noqa: E402
from schema_contract import Contract, ReplyChecker  # noqa: E402

from temporal_capi import Client, NotFoundError, WorkflowHandle, sync  # noqa: E402

T = TypeVar("T")
E = TypeVar("E", bound=BaseException)


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Runs a coroutine on a fresh event loop."""
    return asyncio.run(coroutine)


def unique(prefix: str) -> str:
    """A workflow id no other test uses."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


DEADLINE = 60.0
"""Seconds a test waits for an eventually consistent state (visibility, deletion) before failing."""


def eventually(check: Callable[[], T], *, deadline: float = DEADLINE) -> T:
    """Calls ``check`` until it returns without raising AssertionError and returns its value.

    After ``deadline`` seconds the last AssertionError propagates. For state
    the server makes visible eventually (list/count, deletion).
    """
    end = time.monotonic() + deadline
    while True:
        try:
            return check()
        except AssertionError:
            if time.monotonic() > end:
                raise
        time.sleep(0.2)


async def eventually_async(check: Callable[[], Awaitable[T]], *, deadline: float = DEADLINE) -> T:
    """The asyncio form of :func:`eventually`: awaits ``check()`` until it stops raising AssertionError."""
    end = time.monotonic() + deadline
    while True:
        try:
            return await check()
        except AssertionError:
            if time.monotonic() > end:
                raise
        await asyncio.sleep(0.2)


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def deleted(handle: WorkflowHandle) -> None:
    """Waits until describing the workflow raises NotFoundError (the server deletes asynchronously)."""

    async def gone() -> None:
        [outcome] = await asyncio.gather(handle.describe(), return_exceptions=True)
        assert isinstance(outcome, NotFoundError), f"still described: {outcome!r}"

    await eventually_async(gone)


async def raised_while_waiting(
    client: Client, task_queue: str, expected: type[E], act: Callable[[WorkflowHandle], Awaitable[Any]]
) -> E:
    """Starts a ``WaitForSignal`` workflow, checks that ``act(handle)`` raises ``expected`` and returns the error.

    The workflow is terminated afterwards.
    """
    handle = await client.start_workflow("WaitForSignal", id=unique("raises"), task_queue=task_queue)
    try:
        with pytest.raises(expected) as raised:
            await act(handle)
    finally:
        await handle.terminate()
    return raised.value


REPLIES = ReplyChecker(Contract())
"""Validates every reply against the published schema once :func:`schema_checked_replies` installed it."""


@pytest.fixture(scope="session", autouse=True)
def schema_checked_replies() -> Iterator[ReplyChecker]:
    """Installs :data:`REPLIES` on the binding's completion path for the whole session."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        REPLIES.install(monkeypatch)
        yield REPLIES


def _fail_on_violations(when: str) -> None:
    found = REPLIES.take()
    if found:
        pytest.fail(f"{len(found)} schema violation(s) {when}:\n" + "\n".join(found), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fails the test when a reply that arrived during its setup or call violated the schema."""
    try:
        return (yield)
    finally:
        _fail_on_violations("in replies during this test")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Fails the teardown when a reply that arrived during it violated the schema."""
    try:
        return (yield)
    finally:
        _fail_on_violations("in replies during this test's teardown")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fails the session when a reply that arrived after the last test's checks violated the schema."""
    found = REPLIES.take()
    if found:
        print(f"\n{len(found)} schema violation(s) after the last test:\n" + "\n".join(found))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Reports how many replies were validated against the schema, by export."""
    if REPLIES.total:
        counts = ", ".join(f"{export} {count}" for export, count in sorted(REPLIES.checked.items()))
        terminalreporter.write_line(f"schema: {REPLIES.total} replies validated ({counts})")


@pytest.fixture(scope="session")
def env() -> Iterator[devenv.DevEnv]:
    """The dev server and the test worker."""
    with devenv.dev_env() as environment:
        yield environment


@pytest.fixture(scope="session")
def client(env: devenv.DevEnv) -> Client:
    """An asyncio client; usable from any event loop."""
    return run(Client.connect(env.address, namespace=env.namespace))


@pytest.fixture(scope="session")
def sync_client(env: devenv.DevEnv) -> sync.Client:
    """A blocking client."""
    return sync.Client.connect(env.address, namespace=env.namespace)


@pytest.fixture
def task_queue(env: devenv.DevEnv) -> str:
    """The worker's task queue."""
    return env.task_queue
