"""Raw gRPC calls through the workflow, operator and health services, and system info."""

from __future__ import annotations

import pytest
from conftest import run, unique

from temporal_capi import (
    Client,
    InvalidArgumentError,
    NotFoundError,
    ServiceClient,
    sync,
)


def test_workflow_service_call_fills_the_namespace(client: Client, env) -> None:
    service = client.workflow_service
    assert isinstance(service, ServiceClient)
    assert service.service == "workflow"
    assert service.full_name == "temporal.api.workflowservice.v1.WorkflowService"
    described = run(service.call("DescribeNamespace", {}))
    assert described["namespaceInfo"]["name"] == env.namespace
    explicit = run(service.call("DescribeNamespace", {"namespace": env.namespace}))
    assert explicit["namespaceInfo"]["id"] == described["namespaceInfo"]["id"]


def test_requests_accept_either_key_style_and_responses_are_proto_json(client: Client, task_queue: str) -> None:
    async def scenario() -> tuple:
        handle = await client.start_workflow("Echo", 1, id=unique("rpc"), task_queue=task_queue)
        await handle.result()
        snake = await client.workflow_service.call(
            "DescribeWorkflowExecution",
            {"execution": {"workflow_id": handle.id}},
            timeout=30,
            retry=False,
            metadata={"x-test-header": "yes"},
        )
        camel = await client.workflow_service.call(
            "DescribeWorkflowExecution", {"execution": {"workflowId": handle.id, "runId": handle.result_run_id}}
        )
        return handle, snake, camel

    handle, snake, camel = run(scenario())
    info = snake["workflowExecutionInfo"]
    assert info["execution"] == {"workflowId": handle.id, "runId": handle.result_run_id}
    assert info["status"] == "WORKFLOW_EXECUTION_STATUS_COMPLETED"
    assert isinstance(info["historyLength"], str), "int64 values are strings in proto3 JSON"
    assert camel["workflowExecutionInfo"]["execution"] == info["execution"]


def test_operator_and_health_services(client: Client) -> None:
    attributes = run(client.operator_service.call("ListSearchAttributes"))
    assert attributes["customAttributes"]["CustomKeyword"] == "INDEXED_VALUE_TYPE_KEYWORD"
    assert run(client.health_service.call("Check", {})) == {"status": "SERVING"}
    assert client.operator_service.service == "operator" and client.health_service.service == "health"


def test_get_system_info_fills_system_info(env) -> None:
    async def scenario() -> tuple:
        lazy = await Client.connect(env.address, namespace=env.namespace, lazy=True)
        before = lazy.system_info
        info = await lazy.get_system_info()
        return before, info, lazy.system_info

    before, info, after = run(scenario())
    assert before is None
    assert info["server_version"] and isinstance(info["capabilities"], dict)
    assert after == info


def test_unknown_method_and_malformed_requests_raise_invalid_argument(client: Client) -> None:
    async def scenario() -> list[InvalidArgumentError]:
        errors = []
        for service, method, request, options in (
            (client.workflow_service, "NoSuchMethod", {}, {}),
            (client.health_service, "Watch", {}, {}),
            (client.workflow_service, "DescribeNamespace", {"noSuchField": 1}, {}),
            (client.workflow_service, "DescribeNamespace", {"namespace": 5}, {}),
            (client.workflow_service, "DescribeNamespace", {}, {"metadata": {"bad header": "x"}}),
        ):
            with pytest.raises(InvalidArgumentError) as raised:
                await service.call(method, request, **options)
            errors.append(raised.value)
        return errors

    unknown, streaming, unknown_field, wrong_type, header = run(scenario())
    assert unknown.key == "method" and "NoSuchMethod" in str(unknown)
    assert streaming.key == "method" and "streaming" in str(streaming)
    assert unknown_field.key == "request" and "noSuchField" in str(unknown_field)
    assert wrong_type.key == "request"
    assert header.key == "headers"


def test_server_errors_map_to_the_usual_exceptions(client: Client) -> None:
    with pytest.raises(NotFoundError):
        run(client.workflow_service.call("DescribeWorkflowExecution", {"execution": {"workflowId": unique("norpc")}}))
    with pytest.raises(InvalidArgumentError) as raised:
        run(client.workflow_service.call("ListWorkflowExecutions", {"query": "WorkflowType = = 1"}))
    assert raised.value.error.get("grpc_code") == 3


def test_blocking_raw_calls(sync_client: sync.Client, env) -> None:
    service = sync_client.workflow_service
    assert isinstance(service, sync.ServiceClient) and service.service == "workflow"
    assert service.full_name.endswith("WorkflowService")
    assert service.call("DescribeNamespace")["namespaceInfo"]["name"] == env.namespace
    assert sync_client.health_service.call("Check") == {"status": "SERVING"}
    assert "customAttributes" in sync_client.operator_service.call("ListSearchAttributes", {})
    info = sync_client.get_system_info()
    assert info["server_version"] and sync_client.system_info == info
    with pytest.raises(InvalidArgumentError) as raised:
        service.call("NoSuchMethod")
    assert raised.value.key == "method"
    with pytest.raises(InvalidArgumentError) as raised:
        service.call("DescribeNamespace", {"bogus": True})
    assert raised.value.key == "request"
