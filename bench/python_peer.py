"""Peers (c) and (d) of the benchmark: this library's Python package and the
official `temporalio` client, doing the same work as bench/direct.rs and
bench/c_abi.c through the same public API (both packages spell it alike)::

    python bench/python_peer.py KIND ADDRESS TASK_QUEUE PREFIX N CONCURRENCY PAYLOAD_BYTES

KIND is `temporal_capi` or `temporalio`. Prints one JSON object per phase:
op, n, concurrency, wall_s, cpu_s (user + system time of the whole process,
native threads included), p50_us, p99_us. The payload phase (20 echo
queries of PAYLOAD_BYTES, one at a time) runs when PAYLOAD_BYTES is not 0.
For this library, TC_BENCH_GRPC_COMPRESSION (`gzip`, the default, or `none`)
is the connect option `grpc_compression`.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from typing import Any, Awaitable, Callable


def cpu_s() -> float:
    """User plus system CPU time of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def phase(op: str, n: int, concurrency: int, call: Callable[[int], Awaitable[Any]]) -> None:
    """Runs `call(i)` for i < n with at most `concurrency` in flight; prints the line."""
    latencies = [0.0] * n
    indexes = iter(range(n))

    async def lane() -> None:
        for i in indexes:
            sent = time.perf_counter()
            await call(i)
            latencies[i] = (time.perf_counter() - sent) * 1e6

    cpu, wall = cpu_s(), time.perf_counter()
    await asyncio.gather(*(lane() for _ in range(min(concurrency, n))))
    cpu, wall = cpu_s() - cpu, time.perf_counter() - wall
    latencies.sort()
    p99 = min(int(n * 0.99), n - 1)
    print(json.dumps({"op": op, "n": n, "concurrency": concurrency, "wall_s": wall, "cpu_s": cpu,
                      "p50_us": round(latencies[n // 2]), "p99_us": round(latencies[p99])}), flush=True)


async def main() -> None:
    """Connects with the chosen client and runs every phase."""
    kind, address, task_queue, prefix = sys.argv[1:5]
    n, concurrency, payload_bytes = (int(a) for a in sys.argv[5:8])
    if kind == "temporal_capi":
        from temporal_capi import Client

        compression = os.environ.get("TC_BENCH_GRPC_COMPRESSION")
        client = await Client.connect(address, grpc_compression=compression)
    else:
        from temporalio.client import Client

        client = await Client.connect(address)
    handles = [client.get_workflow_handle(f"{prefix}-{i}") for i in range(n)]
    await phase("start", n, concurrency, lambda i: client.start_workflow(
        "WaitForSignal", id=f"{prefix}-{i}", task_queue=task_queue))
    await phase("describe", n, concurrency, lambda i: handles[i].describe())
    await phase("signal", n, concurrency, lambda i: handles[i].signal("add", i))
    await phase("query", n, concurrency, lambda i: handles[i].query("echo_query", "x"))
    if payload_bytes:
        big = "x" * payload_bytes
        await phase("payload", min(n, 20), 1, lambda i: handles[i].query("echo_query", big))
    await phase("terminate", n, concurrency, lambda i: handles[i].terminate(reason="bench"))


if __name__ == "__main__":
    asyncio.run(main())
