"""Turns the library's callbacks into awaitable (or blocking) results.

One module-level trampoline receives every completion. ``user_data`` is an
integer key into :data:`_pending`; the entry knows how to hand the result
over: to an asyncio future through its loop's inbox (one
``loop.call_soon_threadsafe`` wake-up per batch of completions), or to a
waiting thread. Nothing raised inside the trampoline escapes into C.

A :class:`NativeCall` is awaitable in two ways. Inside an asyncio task it
awaits a future, and cancelling the task cancels the native call through a
``TcCancel``. Inside :func:`drive` (the blocking API) the coroutine yields
the call to the driver, which blocks the thread until the callback fires, so
every operation is written once as a coroutine (or async iterator, see
:func:`drive_iterator`) and serves both APIs.
"""

from __future__ import annotations

import asyncio
import ctypes
import itertools
import json
import logging
import threading
import weakref
from dataclasses import dataclass
from typing import Any, AsyncGenerator, Awaitable, Callable, Coroutine, Generator, Iterator, TypeVar, cast

from ._library import CALLBACK, CLIENT_CALLBACK, RESULT_NULL_ARGUMENT, STATUS_OK, lib
from .errors import InvalidArgumentError

_log = logging.getLogger("temporal_capi")

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """What a callback delivered: the status, the JSON text and, for connect, the client."""

    status: int
    text: bytes
    client: int | None = None

    @property
    def ok(self) -> bool:
        """True when the call succeeded."""
        return self.status == STATUS_OK

    def value(self) -> Any:
        """The decoded JSON document."""
        return json.loads(self.text)


class _Sink:
    """Where one pending call's outcome goes."""

    def deliver(self, outcome: Outcome) -> None:
        raise NotImplementedError


class _FutureSink(_Sink):
    def __init__(self, inbox: _LoopInbox, future: asyncio.Future[Outcome]) -> None:
        self._inbox = inbox
        self._future = future

    def deliver(self, outcome: Outcome) -> None:
        self._inbox.put(self._future, outcome)


class _LoopInbox:
    """Completions on their way to one event loop.

    Callbacks arrive on library threads; the first of a batch schedules one
    drain with ``call_soon_threadsafe`` (one wake-up of the loop), and the
    ones that arrive before the drain runs join it. Under load this turns a
    wake-up per call into a wake-up per batch.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._lock = threading.Lock()
        self._batch: list[tuple[asyncio.Future[Outcome], Outcome]] = []

    def put(self, future: asyncio.Future[Outcome], outcome: Outcome) -> None:
        with self._lock:
            self._batch.append((future, outcome))
            if len(self._batch) > 1:
                return
        try:
            self._loop.call_soon_threadsafe(self._drain)
        except RuntimeError:
            with self._lock:
                self._batch.clear()
            _log.debug("event loop closed before a native call completed; result dropped")

    def _drain(self) -> None:
        with self._lock:
            batch, self._batch = self._batch, []
        for future, outcome in batch:
            _settle(future, outcome)


_inboxes: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopInbox] = weakref.WeakKeyDictionary()


def _inbox(loop: asyncio.AbstractEventLoop) -> _LoopInbox:
    """The inbox of ``loop`` (made on first use; called on the loop's thread).

    A loop that cannot be weakly referenced gets an inbox per call.
    """
    try:
        inbox = _inboxes.get(loop)
        if inbox is None:
            inbox = _inboxes[loop] = _LoopInbox(loop)
        return inbox
    except TypeError:
        return _LoopInbox(loop)


class _ThreadSink(_Sink):
    def __init__(self) -> None:
        self.outcome: Outcome | None = None
        self.done = threading.Event()

    def deliver(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.done.set()


def _settle(future: asyncio.Future[Outcome], outcome: Outcome) -> None:
    if not future.done():
        future.set_result(outcome)


_pending: dict[int, _Sink] = {}
_pending_lock = threading.Lock()
_keys = itertools.count(1)


def pending_count() -> int:
    """Number of native calls whose callback has not fired yet."""
    with _pending_lock:
        return len(_pending)


def _register(sink: _Sink) -> int:
    key = next(_keys)
    with _pending_lock:
        _pending[key] = sink
    return key


def _complete(key: int | None, outcome: Outcome) -> None:
    with _pending_lock:
        sink = _pending.pop(key or 0, None)
    if sink is None:
        _log.error("callback for unknown call %s dropped", key)
        return
    sink.deliver(outcome)


def _copy(data: Any, length: int) -> bytes:
    return ctypes.string_at(data, length) if data and length else b"{}"


@CALLBACK
def _on_reply(user_data: int | None, status: int, data: Any, length: int) -> None:
    try:
        _complete(user_data, Outcome(status, _copy(data, length)))
    except BaseException:  # noqa: BLE001 - nothing may unwind into C
        _log.exception("temporal_capi callback failed")


@CLIENT_CALLBACK
def _on_client(user_data: int | None, client: int | None, status: int, data: Any, length: int) -> None:
    try:
        _complete(user_data, Outcome(status, _copy(data, length), client))
    except BaseException:  # noqa: BLE001 - nothing may unwind into C
        _log.exception("temporal_capi callback failed")


class _Cancel:
    """A ``TcCancel`` owned for the duration of one call."""

    def __init__(self) -> None:
        self.ptr = lib.tc_cancel_new()

    def cancel(self) -> None:
        lib.tc_cancel_cancel(self.ptr)

    def free(self) -> None:
        lib.tc_cancel_free(self.ptr)


Starter = Callable[[int | None, Any, int], int]
"""Starts a native call: ``(cancel_ptr, callback, key) -> TcResult``."""


class _Driving(threading.local):
    active = False


_driving = _Driving()


class NativeCall:
    """One asynchronous native call, awaited once.

    ``start`` invokes the C function with the cancel handle, the trampoline
    and the registry key; ``client_callback`` selects the connect trampoline.
    """

    def __init__(self, start: Starter, client_callback: bool = False) -> None:
        self._start = start
        self._callback = _on_client if client_callback else _on_reply

    def __await__(self) -> Generator[Any, Any, Outcome]:
        if _driving.active:
            outcome: Outcome = yield self
            return outcome
        return (yield from self._in_asyncio().__await__())

    def _launch(self, sink: _Sink, cancel: _Cancel) -> None:
        key = _register(sink)
        result = self._start(cancel.ptr, self._callback, key)
        if result == RESULT_NULL_ARGUMENT:
            with _pending_lock:
                _pending.pop(key, None)
            raise InvalidArgumentError("the library rejected a NULL argument", {"code": "invalid_argument"})

    async def _in_asyncio(self) -> Outcome:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Outcome] = loop.create_future()
        cancel = _Cancel()
        try:
            self._launch(_FutureSink(_inbox(loop), future), cancel)
            try:
                return await asyncio.shield(future)
            except asyncio.CancelledError:
                cancel.cancel()
                await _wait_uncancellable(future)
                raise
        finally:
            cancel.free()

    def run_blocking(self) -> Outcome:
        """Runs the call on this thread, blocking until its callback fires.

        A ``KeyboardInterrupt`` while waiting cancels the native call, waits
        for its callback and is then re-raised.
        """
        sink = _ThreadSink()
        cancel = _Cancel()
        try:
            self._launch(sink, cancel)
            try:
                sink.done.wait()
            except KeyboardInterrupt:
                cancel.cancel()
                sink.done.wait()
                raise
        finally:
            cancel.free()
        assert sink.outcome is not None
        return sink.outcome


async def _wait_uncancellable(future: asyncio.Future[Outcome]) -> None:
    while not future.done():
        try:
            await asyncio.shield(future)
        except asyncio.CancelledError:
            continue


def drive(coroutine: Awaitable[T]) -> T:
    """Runs ``coroutine`` (or a step of an async generator, such as ``__anext__()``) to completion
    on this thread without an event loop.

    The coroutine may await only :class:`NativeCall` objects (directly or
    through other such coroutines); each is run with
    :meth:`NativeCall.run_blocking`.
    """
    send: Any = None
    error: BaseException | None = None
    steps = cast(Coroutine[Any, Any, T], coroutine)  # a generator step has send, throw and close too
    while True:
        outer = _driving.active
        _driving.active = True
        try:
            step = steps.throw(error) if error is not None else steps.send(send)
        except StopIteration as stop:
            return stop.value
        finally:
            _driving.active = outer
        send, error = None, None
        if not isinstance(step, NativeCall):
            steps.close()
            raise TypeError(f"the blocking API cannot await {step!r}")
        try:
            send = step.run_blocking()
        except BaseException as err:  # noqa: BLE001 - handed back into the coroutine
            error = err


def drive_iterator(iterator: AsyncGenerator[T, None]) -> Iterator[T]:
    """Iterates over an async generator on this thread without an event loop, as a plain generator.

    Each item is fetched with :func:`drive`, so the generator may await only
    :class:`NativeCall` objects. Leaving the loop early closes the generator.
    """
    try:
        while True:
            try:
                item = drive(iterator.__anext__())
            except StopAsyncIteration:
                return
            yield item
    finally:
        drive(iterator.aclose())
