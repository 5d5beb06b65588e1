"""Benchmark: temporal_capi (this library, Python package) against the
official `temporalio` Python client, in one run, reported as ratios.

    .venv/bin/python bench/python_client.py [--describes N] [--starts N]

Starts a dev server (no worker), then runs each client in its own fresh
process so import time and memory are measured separately:
  - import + connect wall time,
  - N sequential DescribeWorkflowExecution calls (latency, server-bound),
  - N concurrent StartWorkflowExecution calls via asyncio.gather (throughput),
  - peak RSS of the process (VmHWM) after the work.
Ratios are temporal_capi / temporalio (below 1.0 means this library is
cheaper). Not a test: nothing here asserts timings.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "tests" / "harness"))

CHILD = r'''
import asyncio, json, sys, time, uuid
started = time.perf_counter()
kind, address, describes, starts = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
if kind == "temporal_capi":
    from temporal_capi import Client
else:
    from temporalio.client import Client

def vm_hwm_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

async def main():
    client = await Client.connect(address)
    connected = time.perf_counter() - started
    prefix = uuid.uuid4().hex
    handle = await client.start_workflow("Bench", id=f"{prefix}-probe", task_queue="bench-no-worker")
    t = time.perf_counter()
    for _ in range(describes):
        await handle.describe()
    describe_s = time.perf_counter() - t
    t = time.perf_counter()
    await asyncio.gather(*(client.start_workflow("Bench", id=f"{prefix}-{i}", task_queue="bench-no-worker")
                           for i in range(starts)))
    start_s = time.perf_counter() - t
    print(json.dumps({"connect_s": connected, "describe_ms": describe_s / describes * 1e3,
                      "starts_per_s": starts / start_s, "peak_rss_mib": vm_hwm_kib() / 1024}))

asyncio.run(main())
'''


def run_child(kind: str, address: str, describes: int, starts: int) -> dict:
    """Runs one client in a fresh interpreter and returns its measurements."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, address, str(describes), str(starts)],
        check=True, capture_output=True, text=True, env=dict(os.environ),
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Runs both clients against one dev server and prints a table of ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--describes", type=int, default=500)
    parser.add_argument("--starts", type=int, default=1000)
    args = parser.parse_args()
    os.environ.setdefault("TEMPORAL_CAPI_LIBRARY", str(REPOSITORY / "target/release/libtemporal_capi.so"))
    os.environ["PYTHONPATH"] = str(REPOSITORY / "bindings" / "python")
    import devenv

    with devenv.dev_env(worker=False) as env:
        ours = run_child("temporal_capi", env.address, args.describes, args.starts)
        theirs = run_child("temporalio", env.address, args.describes, args.starts)
    print(f"{'metric':<16}{'temporal_capi':>15}{'temporalio':>13}{'ratio':>8}")
    for key in ("connect_s", "describe_ms", "starts_per_s", "peak_rss_mib"):
        print(f"{key:<16}{ours[key]:>15.3f}{theirs[key]:>13.3f}{ours[key] / theirs[key]:>8.2f}")


if __name__ == "__main__":
    main()
