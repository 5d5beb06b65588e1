"""The main job: a local Temporal dev server, a worker, and a workflow driven
through the temporal_capi Python package.

Run it with ``scripts/demo.sh`` (which installs what it needs first), or with
``.venv/bin/python examples/python/demo.py`` once the package is installed.
Only the demo's own lines reach the terminal: the dev server's output goes
to ``.demo/server.log`` and the worker's log records (the official SDK's,
its Rust core's included) to ``.demo/worker.log``.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import uuid
from pathlib import Path

from temporalio.runtime import LogForwardingConfig, LoggingConfig, Runtime, TelemetryConfig

REPOSITORY = Path(__file__).resolve().parents[2]
LOGS = REPOSITORY / ".demo"
sys.path.insert(0, str(REPOSITORY / "tests" / "harness"))

import devenv  # noqa: E402 - the dev server + worker helper of this repository

from temporal_capi import Client, WorkflowFailureError  # noqa: E402


async def drive(address: str, task_queue: str) -> None:
    """Start, signal, query and finish a workflow; show a failure too."""
    client = await Client.connect(address)
    print(f"connected to {client.target_host} (server {client.system_info['server_version']})")

    echoed = await client.execute_workflow("Echo", {"hello": "world"}, id=f"demo-echo-{uuid.uuid4()}", task_queue=task_queue)
    print(f"Echo returned {echoed}")

    handle = await client.start_workflow("WaitForSignal", id=f"demo-{uuid.uuid4()}", task_queue=task_queue)
    print(f"started {handle.id} run {handle.result_run_id}")
    await handle.signal("add", "first")
    await handle.signal("add", {"second": 2})
    print(f"query state -> {await handle.query('state')}")
    await handle.signal("finish", "done")
    print(f"result -> {await handle.result()}")
    print(f"status -> {(await handle.describe()).status.name}")

    try:
        await client.execute_workflow("Fail", "on purpose", "DemoError", True, id=f"demo-fail-{uuid.uuid4()}", task_queue=task_queue)
    except WorkflowFailureError as err:
        print(f"Fail raised {type(err.cause).__name__}: {err.cause.message} (type {err.cause.type})")


def log_to_files() -> None:
    """Sends every log record of this process, the worker's Rust core included, to ``.demo/worker.log``,
    and starts ``.demo/server.log`` afresh."""
    LOGS.mkdir(exist_ok=True)
    (LOGS / "server.log").unlink(missing_ok=True)
    logging.basicConfig(
        filename=LOGS / "worker.log", filemode="w", level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    forwarding = LogForwardingConfig(logger=logging.getLogger("temporalio.core"))
    Runtime.set_default(Runtime(telemetry=TelemetryConfig(logging=LoggingConfig(filter="WARN", forwarding=forwarding))))


def main() -> None:
    """Runs the demo inside a dev environment that is torn down afterwards."""
    log_to_files()
    print(f"starting the Temporal dev server and a worker (logs in {LOGS.relative_to(REPOSITORY)}/) ...")
    with devenv.dev_env(server_log=LOGS / "server.log") as env:
        asyncio.run(drive(env.address, env.task_queue))
    print("dev server and worker stopped")


if __name__ == "__main__":
    main()
