"""The one pager behind every listing, for both APIs: the page-token key, and the paging loop.

Every paged export (``pages: true`` in include/temporal_capi.operations.json)
takes the token of the page to read under :data:`PAGE_TOKEN_KEY` and
returns the next page's token under the same key. A listing method builds
its request with :func:`page_request`, reads the next token with
:func:`next_token`, and iterates with :func:`paginate`; the blocking API
runs the same async generator with
:func:`~temporal_capi._bridge.drive_iterator`.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Awaitable, Callable, Mapping, Sequence, Tuple, TypeVar

from .common import token_json

T = TypeVar("T")

PAGE_TOKEN_KEY = "next_page_token"
"""The request and response key of the page token of every listing (the manifest's ``page_token_key``)."""

PageFetcher = Callable[[Any], Awaitable[Tuple[Sequence[T], Any]]]
"""Fetches the page a token names (None: the first): ``(rows, next token or None after the last page)``."""


def page_request(request: Mapping[str, Any], token: bytes | str | None) -> dict[str, Any]:
    """``request`` asking for the page ``token`` names (bytes are sent base64-encoded; None: the first page)."""
    paged = dict(request)
    if token is not None:
        paged[PAGE_TOKEN_KEY] = token_json(token)
    return paged


def next_token(response: Mapping[str, Any]) -> str | None:
    """The token of the page after ``response`` as the library sent it (base64 text), None after the last page."""
    return response.get(PAGE_TOKEN_KEY) or None


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
