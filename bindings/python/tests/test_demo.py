"""``scripts/demo.sh``, the README's main command, runs and prints only its own lines."""

from __future__ import annotations

import os
import re
import subprocess

from conftest import REPOSITORY

DEMO_LINES = [
    r"building the library \(cargo build --release; .*\) \.\.\.",
    r"installing the Python package into \.venv \.\.\.",
    r"starting the Temporal dev server and a worker \(logs in \.demo/\) \.\.\.",
    r"connected to 127\.0\.0\.1:\d+ \(server .+\)",
    r"Echo returned \{'hello': 'world'\}",
    r"started demo-\S+ run \S+",
    r"query state -> .+",
    r"result -> .+",
    r"status -> COMPLETED",
    r"Fail raised ApplicationError: on purpose \(type DemoError\)",
    r"dev server and worker stopped",
]
"""What the demo prints (stdout and stderr together), line by line."""


def test_demo_prints_only_its_own_lines_and_keeps_logs_in_files() -> None:
    environment = {k: v for k, v in os.environ.items() if k not in ("TEMPORAL_CAPI_LIBRARY", "PYTHONPATH")}
    run = subprocess.run(
        [str(REPOSITORY / "scripts" / "demo.sh")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
        timeout=900,
    )
    printed = run.stdout.splitlines()
    assert run.returncode == 0, run.stdout
    assert len(printed) == len(DEMO_LINES), run.stdout
    for line, pattern in zip(printed, DEMO_LINES):
        assert re.fullmatch(pattern, line), f"{line!r} does not match {pattern!r}\n{run.stdout}"
    logs = REPOSITORY / ".demo"
    assert (logs / "server.log").read_text(errors="replace").strip(), "the server's output went to .demo/server.log"
    assert "devenv" in (logs / "worker.log").read_text(errors="replace"), "the harness's records went to .demo/worker.log"
