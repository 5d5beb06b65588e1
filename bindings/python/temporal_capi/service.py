"""Raw gRPC calls: any unary method of the Temporal services, as proto3 JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from ._library import lib
from .common import Duration, compact, duration_json

if TYPE_CHECKING:
    from ._transport import Transport

SERVICE_NAMES: dict[str, str] = {
    "workflow": "temporal.api.workflowservice.v1.WorkflowService",
    "operator": "temporal.api.operatorservice.v1.OperatorService",
    "health": "grpc.health.v1.Health",
}
"""The services a :class:`ServiceClient` can call, by short name."""


class ServiceClient:
    """Calls the methods of one gRPC service with JSON messages.

    Get one as ``client.workflow_service``, ``client.operator_service`` or
    ``client.health_service``.
    """

    def __init__(self, transport: Transport, service: str) -> None:
        """Use the properties of :class:`~temporal_capi.Client`."""
        if service not in SERVICE_NAMES:
            raise ValueError(f"unknown service {service!r}; expected one of {sorted(SERVICE_NAMES)}")
        self._transport = transport
        self.service = service

    @property
    def full_name(self) -> str:
        """The service's full proto name, e.g. ``temporal.api.workflowservice.v1.WorkflowService``."""
        return SERVICE_NAMES[self.service]

    async def call(
        self,
        method: str,
        request: Mapping[str, Any] | None = None,
        *,
        timeout: Duration | None = None,
        retry: bool = True,
        metadata: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Calls ``method`` (as named in the proto, e.g. ``"DescribeNamespace"``) and returns the response.

        ``request`` is the request message as proto3 JSON (lowerCamelCase or
        snake_case keys; bytes as base64); a ``namespace`` field defaults to
        the client's. ``timeout`` bounds the call, ``retry`` retries
        transient failures with the connection's policy, ``metadata`` adds
        gRPC headers. The response is canonical proto3 JSON (lowerCamelCase,
        int64 as strings). Raises
        :class:`~temporal_capi.errors.InvalidArgumentError` with ``key``
        ``"method"`` for an unknown or streaming method and ``"request"``
        for a message that does not fit the method, and the usual
        :class:`~temporal_capi.errors.RPCError` classes for server errors.
        """
        body = compact(
            service=self.service,
            method=method,
            request=dict(request) if request is not None else None,
            timeout=duration_json(timeout),
            retry=retry,
            headers=dict(metadata) if metadata is not None else None,
        )
        return await self._transport.call(lib.tc_client_rpc, body)


__all__ = ["ServiceClient"]
