"""Concurrency, cancellation, closing and garbage collection, memory."""

from __future__ import annotations

import asyncio
import gc
import os

import pytest
from conftest import closed_port, run, unique

from temporal_capi import (
    Client,
    ClosedError,
    ConnectionFailedError,
    InvalidArgumentError,
    OperationCancelledError,
    RetryConfig,
    Runtime,
    WorkflowFailureError,
    _bridge,
    sync,
)


def _rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_a_thousand_concurrent_starts_all_succeed(client: Client, task_queue: str) -> None:
    prefix = unique("many")

    async def scenario() -> tuple:
        handles = await asyncio.gather(
            *(client.start_workflow("Echo", i, id=f"{prefix}-{i}", task_queue=task_queue) for i in range(1000))
        )
        return handles, await asyncio.gather(*(h.result() for h in handles))

    handles, results = run(scenario())
    assert len({h.result_run_id for h in handles}) == 1000
    assert results == list(range(1000))
    assert _bridge.pending_count() == 0


def test_wait_for_timeout_cancels_the_native_wait(client: Client, task_queue: str) -> None:
    async def scenario() -> None:
        handle = await client.start_workflow("Forever", id=unique("waitfor"), task_queue=task_queue)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(handle.result(), 0.3)
        assert _bridge.pending_count() == 0
        await handle.terminate()

    run(scenario())


def test_task_cancel_cancels_the_native_wait(client: Client, task_queue: str) -> None:
    async def scenario() -> None:
        handle = await client.start_workflow("Forever", id=unique("taskcancel"), task_queue=task_queue)
        waits = [asyncio.ensure_future(handle.result()) for _ in range(20)]
        await asyncio.sleep(0.2)
        assert _bridge.pending_count() == 20
        for wait in waits:
            wait.cancel()
        outcomes = await asyncio.gather(*waits, return_exceptions=True)
        assert all(isinstance(o, asyncio.CancelledError) for o in outcomes)
        assert _bridge.pending_count() == 0
        await handle.terminate()

    run(scenario())


def test_closing_a_client_lets_running_calls_finish(env, client: Client, task_queue: str) -> None:
    async def scenario() -> None:
        own = await Client.connect(env.address)
        handle = await own.start_workflow("Forever", id=unique("closeclient"), task_queue=task_queue)
        waits = [asyncio.ensure_future(handle.result()) for _ in range(5)]
        await asyncio.sleep(0.2)
        own.close()
        own.close()
        gc.collect()
        with pytest.raises(ClosedError):
            await handle.describe()
        await client.get_workflow_handle(handle.id).terminate("done")
        outcomes = await asyncio.gather(*waits, return_exceptions=True)
        assert all(isinstance(o, WorkflowFailureError) and o.code == "workflow_terminated" for o in outcomes)

    run(scenario())
    assert _bridge.pending_count() == 0


def test_closing_the_runtime_cancels_running_calls(env, client: Client, task_queue: str) -> None:
    async def scenario() -> None:
        runtime = Runtime(worker_threads=1)
        own = await Client.connect(env.address, runtime=runtime)
        handle = await own.start_workflow("Forever", id=unique("closert"), task_queue=task_queue)
        waits = [asyncio.ensure_future(handle.result()) for _ in range(10)]
        await asyncio.sleep(0.2)
        gc.collect()
        runtime.close()
        outcomes = await asyncio.gather(*waits, return_exceptions=True)
        assert all(isinstance(o, OperationCancelledError) for o in outcomes), outcomes
        with pytest.raises(ClosedError):
            await handle.describe()
        with pytest.raises(ClosedError):
            await Client.connect(env.address, runtime=runtime)
        await client.get_workflow_handle(handle.id).terminate()

    run(scenario())
    assert _bridge.pending_count() == 0


def test_dropping_everything_mid_call_and_collecting_is_safe(env, task_queue: str) -> None:
    async def abandon() -> None:
        runtime = Runtime(worker_threads=1)
        own = await Client.connect(env.address, runtime=runtime)
        handle = await own.start_workflow("Forever", id=unique("drop"), task_queue=task_queue)
        wait = asyncio.ensure_future(handle.result())
        await asyncio.sleep(0.1)
        del own, runtime
        gc.collect()
        wait.cancel()
        with pytest.raises(asyncio.CancelledError):
            await wait
        await handle.terminate()
        del handle, wait
        gc.collect()

    for _ in range(5):
        run(abandon())
        gc.collect()
    assert _bridge.pending_count() == 0
    blocking = sync.Client.connect(env.address, runtime=Runtime())
    assert blocking.execute_workflow("Echo", "still alive", id=unique("alive"), task_queue=task_queue) == "still alive"
    del blocking
    gc.collect()


def test_clients_and_runtimes_close_on_leaving_with_blocks(env, task_queue: str) -> None:
    async def scenario() -> Runtime:
        async with Runtime(worker_threads=1) as runtime:
            async with await Client.connect(env.address, runtime=runtime) as own:
                handle = await own.start_workflow("Echo", 1, id=unique("ctx"), task_queue=task_queue)
                assert await handle.result() == 1
            with pytest.raises(ClosedError):
                await handle.describe()
            own.close()
        return runtime

    runtime = run(scenario())
    with pytest.raises(ClosedError):
        runtime.ptr
    runtime.close()
    with Runtime() as runtime:
        with sync.Client.connect(env.address, runtime=runtime) as blocking:
            assert blocking.execute_workflow("Echo", 2, id=unique("s-ctx"), task_queue=task_queue) == 2
        with pytest.raises(ClosedError):
            blocking.get_workflow_handle("closed").describe()
        blocking.close()
    assert _bridge.pending_count() == 0


def test_runtime_logs_reach_the_logging_module(env, task_queue: str, caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> str:
        runtime = Runtime(log_level="debug")
        own = await Client.connect(env.address, runtime=runtime)
        handle = await own.start_workflow("Sleep", 4, id=unique("logs"), task_queue=task_queue)
        result = await handle.result()
        runtime.close()
        return handle.id, result

    with caplog.at_level("DEBUG", logger="temporal_capi"):
        workflow_id, result = run(scenario())
    assert result
    polls = [r for r in caplog.records if "long poll" in r.getMessage()]
    assert polls, "the result wait crossed a 3 s server long poll and logged it"
    assert polls[0].temporal_fields["workflow_id"] == workflow_id
    with pytest.raises(InvalidArgumentError):
        Runtime(log_level="loud")


def test_hundred_thousand_sequential_calls_keep_memory_flat() -> None:
    async def calls(client: Client, count: int) -> None:
        handle = client.get_workflow_handle("nowhere")
        for i in range(count):
            if i % 2:
                with pytest.raises(ConnectionFailedError):
                    await handle.describe()
            else:
                with pytest.raises(InvalidArgumentError):
                    await client.start_workflow("Echo", task_queue="q", id_reuse_policy="sometimes")

    async def scenario() -> tuple:
        client = await Client.connect(f"127.0.0.1:{closed_port()}", lazy=True, retry=RetryConfig(max_retries=0))
        await calls(client, 10_000)
        gc.collect()
        before = _rss_bytes()
        await calls(client, 90_000)
        gc.collect()
        return before, _rss_bytes()

    before, after = run(scenario())
    growth = after - before
    print(f"RSS after 10k calls {before / 2**20:.1f} MiB, after 100k {after / 2**20:.1f} MiB")
    assert growth < 32 * 2**20, f"RSS grew {growth / 2**20:.1f} MiB over 90,000 calls"
    assert _bridge.pending_count() == 0
