"""The one paging loop behind every listing iterator, for both APIs.

A listing method fetches one page at a time with a ``fetch(token)``
coroutine and iterates with :func:`paginate`; the blocking API runs the same
async generator with :func:`~temporal_capi._bridge.drive_iterator`.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Awaitable, Callable, Sequence, Tuple, TypeVar

T = TypeVar("T")

PageFetcher = Callable[[Any], Awaitable[Tuple[Sequence[T], Any]]]
"""Fetches the page a token names (None: the first): ``(rows, next token or None after the last page)``."""


async def paginate(fetch: PageFetcher[T], token: Any = None, limit: int | None = None) -> AsyncIterator[T]:
    """Yields the rows of every page from ``token`` on, until the last page or ``limit`` rows.

    Fetches a page only when the previous one is used up (none at all for ``limit=0``).
    """
    remaining = limit
    while remaining is None or remaining > 0:
        rows, token = await fetch(token)
        taken = rows if remaining is None else rows[:remaining]
        for row in taken:
            yield row
        if remaining is not None:
            remaining -= len(taken)
        if token is None:
            return
