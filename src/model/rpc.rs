//! Requests of the raw RPC call (`tc_client_rpc`).

use crate::convert::duration::JsonDuration;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The gRPC service a raw call goes to.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RpcService {
    /// `temporal.api.workflowservice.v1.WorkflowService`.
    Workflow,
    /// `temporal.api.operatorservice.v1.OperatorService`.
    Operator,
    /// `grpc.health.v1.Health`.
    Health,
}

impl RpcService {
    /// The full proto name of the service.
    pub fn full_name(self) -> &'static str {
        match self {
            RpcService::Workflow => "temporal.api.workflowservice.v1.WorkflowService",
            RpcService::Operator => "temporal.api.operatorservice.v1.OperatorService",
            RpcService::Health => "grpc.health.v1.Health",
        }
    }
}

/// `tc_client_rpc`: one unary call with a proto3 JSON request.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRpc {
    /// Service.
    pub service: RpcService,
    /// Method name as in the proto (`DescribeNamespace`).
    pub method: String,
    /// The request message as proto3 JSON (either key style); `{}` when omitted.
    #[serde(default)]
    pub request: Map<String, Value>,
    /// Deadline of the call.
    pub timeout: Option<JsonDuration>,
    /// Retry transient failures with the connection's policy (default true).
    #[serde(default = "super::default_true")]
    pub retry: bool,
    /// Extra gRPC metadata for this call.
    #[serde(default)]
    pub headers: HashMap<String, String>,
}
