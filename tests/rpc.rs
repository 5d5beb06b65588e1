//! Raw RPC (`tc_client_rpc`) and `tc_client_system_info` through the C ABI.

mod common;

use common::*;
use serde_json::json;
use temporal_capi::convert::proto_json;
use temporal_capi::ffi::exports::*;

#[test]
fn every_unary_method_of_the_descriptor_is_dispatchable() {
    let conn = connect();
    let mut checked = 0;
    for (service, full_name) in [
        (
            "workflow",
            "temporal.api.workflowservice.v1.WorkflowService",
        ),
        (
            "operator",
            "temporal.api.operatorservice.v1.OperatorService",
        ),
        ("health", "grpc.health.v1.Health"),
    ] {
        let descriptor = proto_json::pool().get_service_by_name(full_name).unwrap();
        for method in descriptor.methods() {
            let request = json!({"service": service, "method": method.name(),
                                 "request": {"notAFieldOfAnyMessage": 1}});
            let error = call(tc_client_rpc, conn.client, &request).err("invalid_argument");
            let expected_key = if method.is_server_streaming() {
                "method"
            } else {
                "request"
            };
            assert_eq!(
                error["key"],
                expected_key,
                "{}: {error}",
                method.full_name()
            );
            checked += 1;
        }
    }
    assert!(checked > 130, "walked {checked} methods");
}

#[test]
fn workflow_operator_and_health_calls_return_proto3_json() {
    let conn = connect();
    let namespace = call(
        tc_client_rpc,
        conn.client,
        &json!({"service": "workflow", "method": "DescribeNamespace", "request": {}}),
    )
    .ok();
    assert_eq!(namespace["namespaceInfo"]["name"], env().namespace);
    assert_eq!(
        namespace["namespaceInfo"]["state"],
        "NAMESPACE_STATE_REGISTERED"
    );

    let attributes = call(
        tc_client_rpc,
        conn.client,
        &json!({"service": "operator", "method": "ListSearchAttributes", "request": {}, "timeout": "10s"}),
    )
    .ok();
    assert_eq!(
        attributes["customAttributes"]["CustomKeyword"],
        "INDEXED_VALUE_TYPE_KEYWORD"
    );

    let health = call(
        tc_client_rpc,
        conn.client,
        &json!({"service": "health", "method": "Check",
                "request": {"service": "temporal.api.workflowservice.v1.WorkflowService"}}),
    )
    .ok();
    assert_eq!(health["status"], "SERVING");
}

#[test]
fn raw_start_then_describe_round_trips_payloads_and_snake_case_keys() {
    let conn = connect();
    let id = unique_id("raw");
    let started = call(
        tc_client_rpc,
        conn.client,
        &json!({"service": "workflow", "method": "StartWorkflowExecution", "retry": false,
                "headers": {"x-test": "raw"},
                "request": {"workflow_id": id, "workflowType": {"name": "Echo"},
                            "taskQueue": {"name": env().task_queue}, "requestId": unique_id("req"),
                            "input": {"payloads": [{"metadata": {"encoding": "anNvbi9wbGFpbg=="},
                                                    "data": "IndpcmUi"}]}}}),
    )
    .ok();
    let run_id = started["runId"].as_str().unwrap().to_owned();
    let result = call(tc_workflow_result, conn.client, &json!({"workflow_id": id})).ok();
    assert_eq!(result["result"], "wire");
    let described = call(
        tc_client_rpc,
        conn.client,
        &json!({"service": "workflow", "method": "DescribeWorkflowExecution",
                "request": {"execution": {"workflowId": id, "runId": run_id}}}),
    )
    .ok();
    assert_eq!(
        described["workflowExecutionInfo"]["status"],
        "WORKFLOW_EXECUTION_STATUS_COMPLETED"
    );
    assert!(
        described["workflowExecutionInfo"]["historyLength"].is_string(),
        "int64 as string"
    );
}

#[test]
fn errors_name_the_problem() {
    let conn = connect();
    let unknown = call(
        tc_client_rpc,
        conn.client,
        &json!({"service": "workflow", "method": "NoSuchMethod"}),
    )
    .err("invalid_argument");
    assert_eq!(unknown["key"], "method");
    let wrong_type = call(
        tc_client_rpc,
        conn.client,
        &json!({"service": "workflow", "method": "DescribeNamespace", "request": {"namespace": 5}}),
    )
    .err("invalid_argument");
    assert_eq!(wrong_type["key"], "request");
    let bad_service = call(
        tc_client_rpc,
        conn.client,
        &json!({"service": "cloud", "method": "GetUsers"}),
    )
    .err("invalid_argument");
    assert_eq!(bad_service["key"], "service");
    let bad_header = call(
        tc_client_rpc,
        conn.client,
        &json!({"service": "workflow", "method": "GetSystemInfo", "headers": {"bad header": "x"}}),
    )
    .err("invalid_argument");
    assert_eq!(bad_header["key"], "headers");
    let missing = call(
        tc_client_rpc,
        conn.client,
        &json!({"service": "workflow", "method": "DescribeNamespace",
                "request": {"namespace": unique_id("no-such-namespace")}}),
    )
    .err("not_found");
    assert_eq!(missing["grpc_status"], "not_found");
}

#[test]
fn system_info_reports_version_and_capabilities() {
    let conn = connect();
    let info = call(tc_client_system_info, conn.client, &json!({})).ok();
    assert!(info["server_version"]
        .as_str()
        .is_some_and(|v| !v.is_empty()));
    assert_eq!(info["capabilities"]["supports_schedules"], true);
    call(tc_client_system_info, conn.client, &json!({"extra": 1})).err("invalid_argument");
}
