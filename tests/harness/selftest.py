"""Self-test of the harness: `.venv/bin/python tests/harness/selftest.py`.

Exercises every test workflow through the official Python client against
`dev_env()`, then runs devenv.py as a subprocess and checks that closing its
stdin leaves no server process behind.
"""

import asyncio
import json
import os
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

from temporalio.client import Client, WorkflowFailureError, WorkflowUpdateFailedError
from temporalio.common import SearchAttributeKey, SearchAttributePair, TypedSearchAttributes
from temporalio.exceptions import ApplicationError, CancelledError

from devenv import dev_env
from workflows import ASYNC_TASK_TOKENS

HARNESS_DIR = Path(__file__).resolve().parent


def new_id(prefix: str) -> str:
    """A unique workflow id."""
    return f"{prefix}-{uuid.uuid4()}"


async def execute(client: Client, task_queue: str, workflow: str, *args, **options):
    """Run ``workflow`` with ``args`` to completion and return its result."""
    return await client.execute_workflow(
        workflow, args=args, id=new_id(workflow), task_queue=task_queue, **options
    )


async def check_simple_workflows(client: Client, task_queue: str) -> None:
    """Echo, EchoArgs, Sleep, ContinueAsNew and the echo activity."""
    nested = {"a": [1, 2.5, None, True, {"b": "c"}], "d": {"e": []}}
    assert await execute(client, task_queue, "Echo", nested) == nested
    assert await execute(client, task_queue, "EchoArgs", 1, "two", [3]) == [1, "two", [3]]
    assert await execute(client, task_queue, "EchoArgs") == []
    assert await execute(client, task_queue, "Sleep", 0.1) == "slept"
    assert await execute(client, task_queue, "ContinueAsNew", 2) == "done"
    result = await execute(client, task_queue, "RunActivity", "echo_activity", [nested])
    assert result == nested


async def check_wait_for_signal(client: Client, task_queue: str) -> None:
    """Signals, queries and updates (accepted, rejected and failing)."""
    handle = await client.start_workflow(
        "WaitForSignal", id=new_id("WaitForSignal"), task_queue=task_queue
    )
    await handle.signal("add", "x")
    await handle.signal("add", {"y": 1})
    assert await handle.query("state") == ["x", {"y": 1}]
    assert await handle.query("echo_query", [1, "q"]) == [1, "q"]
    assert await handle.execute_update("set_value", 5) == 0
    assert await handle.execute_update("set_value", 7) == 5
    for update, args in (("set_value", [-1]), ("fail_update", [])):
        try:
            await handle.execute_update(update, args=args)
            raise AssertionError(f"update {update} did not fail")
        except WorkflowUpdateFailedError as err:
            assert isinstance(err.cause, ApplicationError), err.cause
    await handle.signal("finish", "bye")
    assert await handle.result() == {"signals": ["x", {"y": 1}], "finish": "bye"}


async def check_fail(client: Client, task_queue: str) -> None:
    """A workflow failure surfaces as the requested ApplicationError."""
    try:
        await execute(client, task_queue, "Fail", "boom", "MyErr", True, ["d1", 2])
        raise AssertionError("Fail workflow did not fail")
    except WorkflowFailureError as err:
        cause = err.cause
        assert isinstance(cause, ApplicationError), cause
        assert (cause.message, cause.type, cause.non_retryable) == ("boom", "MyErr", True)
        assert list(cause.details) == ["d1", 2]


async def check_forever_cancel(client: Client, task_queue: str) -> None:
    """Cancelling Forever ends it as cancelled."""
    handle = await client.start_workflow("Forever", id=new_id("Forever"), task_queue=task_queue)
    await handle.cancel()
    try:
        await handle.result()
        raise AssertionError("Forever completed")
    except WorkflowFailureError as err:
        assert isinstance(err.cause, CancelledError), err.cause


async def check_describe(client: Client, task_queue: str) -> None:
    """Describe reports start options, memo and typed search attributes."""
    keyword = SearchAttributeKey.for_keyword("CustomKeyword")
    when = SearchAttributeKey.for_datetime("CustomDatetime")
    stamp = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    info = await execute(
        client,
        task_queue,
        "Describe",
        memo={"m": {"k": 1}},
        search_attributes=TypedSearchAttributes(
            [SearchAttributePair(keyword, "kw"), SearchAttributePair(when, stamp)]
        ),
        execution_timeout=timedelta(minutes=5),
    )
    assert info["task_queue"] == task_queue
    assert info["execution_timeout"] == 300.0
    assert info["memo"] == {"m": {"k": 1}}
    assert info["search_attributes"]["CustomKeyword"] == "kw"
    assert datetime.fromisoformat(info["search_attributes"]["CustomDatetime"]) == stamp
    assert info["retry_policy"] is None and info["cron_schedule"] is None


async def check_async_activity(client: Client, task_queue: str) -> None:
    """async_activity records its task token; completing by token finishes it."""
    workflow_id = new_id("RunActivity")
    handle = await client.start_workflow(
        "RunActivity", args=["async_activity", []], id=workflow_id, task_queue=task_queue
    )
    deadline = time.monotonic() + 10
    while workflow_id not in ASYNC_TASK_TOKENS:
        assert time.monotonic() < deadline, "async_activity never ran"
        await asyncio.sleep(0.05)
    await client.get_async_activity_handle(task_token=ASYNC_TASK_TOKENS[workflow_id]).complete(
        "later"
    )
    assert await handle.result() == "later"


async def check_workflows(client: Client, task_queue: str) -> None:
    """All in-process checks."""
    await check_simple_workflows(client, task_queue)
    await check_wait_for_signal(client, task_queue)
    await check_fail(client, task_queue)
    await check_forever_cancel(client, task_queue)
    await check_describe(client, task_queue)
    await check_async_activity(client, task_queue)


def server_alive(pid: int, port: int) -> bool:
    """Whether the server ``pid`` or any dev server on ``port`` still runs."""
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        pass
    pattern = f"temporal server start-dev .*--port {port} "
    return subprocess.run(["pgrep", "-f", pattern], capture_output=True).returncode == 0


def check_devenv_subprocess() -> None:
    """devenv.py prints one JSON line and leaves no server after stdin EOF."""
    proc = subprocess.Popen(
        [sys.executable, str(HARNESS_DIR / "devenv.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    info = json.loads(proc.stdout.readline())
    assert set(info) == {"address", "namespace", "task_queue", "pid"}, info
    assert (info["namespace"], info["task_queue"]) == ("default", "tc-test")
    port = int(info["address"].rsplit(":", 1)[1])
    assert asyncio.run(echo_via(info["address"])) == "hi"
    proc.stdin.close()
    assert proc.stdout.read() == "", "devenv.py wrote more than one line to stdout"
    assert proc.wait(timeout=30) == 0
    assert not server_alive(info["pid"], port), "temporal server left running"


async def echo_via(address: str) -> str:
    """Run Echo("hi") against a devenv.py started elsewhere."""
    client = await Client.connect(address)
    return await execute(client, "tc-test", "Echo", "hi")


def main() -> None:
    """Run all checks and print "selftest ok"."""
    with dev_env() as env:
        env.run(check_workflows(env.client, env.task_queue))
        pid, port = env.server.pid, int(env.address.rsplit(":", 1)[1])
    assert not server_alive(pid, port), "dev_env() left its server running"
    check_devenv_subprocess()
    print("selftest ok")


if __name__ == "__main__":
    main()
