"""The one base class of everything that owns native resources and is closed: :class:`Managed`."""

from __future__ import annotations

from typing import Any, TypeVar

M = TypeVar("M", bound="Managed")


class Managed:
    """Owns native resources until :meth:`close`; ``with`` and ``async with`` close it on exit.

    Closing twice does nothing; using the object after closing raises
    :class:`~temporal_capi.errors.ClosedError`. Subclasses free their
    resources in :meth:`_release`, which runs at most once.
    """

    _closed = False

    def close(self) -> None:
        """Frees the native resources; later use raises ClosedError. Closing again does nothing."""
        if not self._closed:
            self._closed = True
            self._release()

    def _release(self) -> None:
        raise NotImplementedError

    def __enter__(self: M) -> M:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    async def __aenter__(self: M) -> M:
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        self.close()
