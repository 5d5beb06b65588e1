"""The blocking client, for scripts and threads: no event loop needed.

Every method takes the same arguments as its asyncio twin in
:mod:`temporal_capi` and runs the same code; the calling thread blocks until
the native call completes. Ctrl-C while waiting cancels the native call.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Mapping, TypeVar

from . import client as _aio
from ._bridge import drive
from .client import WorkflowExecutionDescription

F = TypeVar("F", bound=Callable[..., Any])


def _mirrors(async_method: Callable[..., Any]) -> Callable[[F], F]:
    """Gives a blocking method the signature and docs of its asyncio twin."""

    def decorate(method: F) -> F:
        method.__doc__ = f"Blocking form of ``{async_method.__qualname__}``.\n\n{async_method.__doc__ or ''}"
        method.__signature__ = inspect.signature(async_method)  # type: ignore[attr-defined]
        return method

    return decorate


class Client:
    """Blocking twin of :class:`temporal_capi.Client`."""

    def __init__(self, inner: _aio.Client) -> None:
        """Wraps an asyncio client; use :meth:`connect` instead."""
        self.inner = inner

    @classmethod
    @_mirrors(_aio.Client.connect)
    def connect(cls, target_host: str | None = None, **options: Any) -> Client:
        return cls(drive(_aio.Client.connect(target_host, **options)))

    @property
    def namespace(self) -> str:
        """The namespace every call uses."""
        return self.inner.namespace

    @property
    def target_host(self) -> str:
        """The server address."""
        return self.inner.target_host

    @property
    def identity(self) -> str:
        """The identity sent with every call."""
        return self.inner.identity

    @property
    def system_info(self) -> dict[str, Any] | None:
        """The server's version and capabilities (None for a lazy client)."""
        return self.inner.system_info

    @property
    def api_key(self) -> str | None:
        """See :attr:`temporal_capi.Client.api_key`."""
        return self.inner.api_key

    @api_key.setter
    def api_key(self, value: str | None) -> None:
        self.inner.api_key = value

    @property
    def rpc_metadata(self) -> dict[str, str]:
        """See :attr:`temporal_capi.Client.rpc_metadata`."""
        return self.inner.rpc_metadata

    @rpc_metadata.setter
    def rpc_metadata(self, value: Mapping[str, str]) -> None:
        self.inner.rpc_metadata = value

    def close(self) -> None:
        """Frees the native client. Idempotent."""
        self.inner.close()

    @_mirrors(_aio.Client.start_workflow)
    def start_workflow(self, workflow: str, *args: Any, **options: Any) -> WorkflowHandle:
        return WorkflowHandle(drive(self.inner.start_workflow(workflow, *args, **options)))

    @_mirrors(_aio.Client.execute_workflow)
    def execute_workflow(self, workflow: str, *args: Any, **options: Any) -> Any:
        return drive(self.inner.execute_workflow(workflow, *args, **options))

    @_mirrors(_aio.Client.get_workflow_handle)
    def get_workflow_handle(self, workflow_id: str, **options: Any) -> WorkflowHandle:
        return WorkflowHandle(self.inner.get_workflow_handle(workflow_id, **options))


class WorkflowHandle:
    """Blocking twin of :class:`temporal_capi.WorkflowHandle`."""

    def __init__(self, inner: _aio.WorkflowHandle) -> None:
        """Wraps an asyncio handle; get one from :class:`Client`."""
        self.inner = inner

    @property
    def id(self) -> str:
        """The workflow id."""
        return self.inner.id

    @property
    def run_id(self) -> str | None:
        """The run that signals, queries and describe target (None: latest)."""
        return self.inner.run_id

    @property
    def result_run_id(self) -> str | None:
        """The run whose result :meth:`result` waits for."""
        return self.inner.result_run_id

    @property
    def first_execution_run_id(self) -> str | None:
        """The first run of the chain cancel and terminate are limited to."""
        return self.inner.first_execution_run_id

    @_mirrors(_aio.WorkflowHandle.result)
    def result(self, *, follow_runs: bool = True) -> Any:
        return drive(self.inner.result(follow_runs=follow_runs))

    @_mirrors(_aio.WorkflowHandle.describe)
    def describe(self) -> WorkflowExecutionDescription:
        return drive(self.inner.describe())

    @_mirrors(_aio.WorkflowHandle.signal)
    def signal(self, signal: str, *args: Any) -> None:
        drive(self.inner.signal(signal, *args))

    @_mirrors(_aio.WorkflowHandle.query)
    def query(self, query: str, *args: Any, **options: Any) -> Any:
        return drive(self.inner.query(query, *args, **options))

    @_mirrors(_aio.WorkflowHandle.cancel)
    def cancel(self, reason: str | None = None) -> None:
        drive(self.inner.cancel(reason))

    @_mirrors(_aio.WorkflowHandle.terminate)
    def terminate(self, reason: str | None = None, details: Any = ()) -> None:
        drive(self.inner.terminate(reason, details))


__all__ = ["Client", "WorkflowHandle"]
