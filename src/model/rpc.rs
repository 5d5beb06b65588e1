//! Requests of the raw RPC call (`tc_client_rpc`).

use super::validate::Validate;
use crate::convert::{duration::JsonDuration, proto_json};
use crate::error::{Error, Result};
use prost_reflect::MethodDescriptor;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashMap;
use tonic::metadata::{Ascii, MetadataKey, MetadataValue};

/// The gRPC service a raw call goes to.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
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

impl RawRpc {
    /// The unary method this call names, from the embedded descriptor set.
    /// Unknown and streaming methods are `invalid_argument` with key `method`.
    pub fn method_descriptor(&self) -> Result<MethodDescriptor> {
        let service = proto_json::pool()
            .get_service_by_name(self.service.full_name())
            .ok_or_else(|| {
                Error::internal(format!(
                    "{} is not in the descriptor set",
                    self.service.full_name()
                ))
            })?;
        let method = service
            .methods()
            .find(|m| m.name() == self.method)
            .ok_or_else(|| {
                Error::invalid(format!(
                    "{} has no method {:?}",
                    service.full_name(),
                    self.method
                ))
                .with("key", "method")
            })?;
        if method.is_client_streaming() || method.is_server_streaming() {
            return Err(
                Error::invalid(format!("{} is a streaming method", method.full_name()))
                    .with("key", "method"),
            );
        }
        Ok(method)
    }

    /// The `headers` as gRPC metadata; a name or value gRPC cannot carry is
    /// `invalid_argument` with key `headers` (the message names the header).
    pub fn metadata(&self) -> Result<Vec<(MetadataKey<Ascii>, MetadataValue<Ascii>)>> {
        self.headers
            .iter()
            .map(|(name, value)| {
                let bad = |what: &str| {
                    Error::invalid(format!("headers: {name:?} {what}")).with("key", "headers")
                };
                let key = MetadataKey::from_bytes(name.as_bytes())
                    .map_err(|_| bad("is not a valid gRPC header name"))?;
                let value = MetadataValue::try_from(value.as_str())
                    .map_err(|_| bad("has a value gRPC cannot send"))?;
                Ok((key, value))
            })
            .collect()
    }
}

impl Validate for RawRpc {
    /// The method exists and is unary, `request` parses as its input
    /// message, and every header can be sent. (The `timeout` is within the
    /// protobuf Duration range, which tonic's `grpc-timeout` encoding holds.)
    fn validate_at(&self, _at: &str) -> Result<()> {
        let method = self.method_descriptor()?;
        proto_json::check_json(
            &method.input(),
            &Value::Object(self.request.clone()),
            "request",
        )?;
        self.metadata().map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_valid;

    fn key_of(json: &str) -> String {
        let e = parse_valid::<RawRpc>(json.as_bytes()).unwrap_err();
        e.field("key").unwrap().as_str().unwrap().to_owned()
    }

    #[test]
    fn checks_the_call_without_a_server() {
        let ok = r#"{"service": "workflow", "method": "DescribeNamespace",
                     "request": {"namespace": "n"}, "timeout": "5s",
                     "headers": {"x-a": "b"}}"#;
        assert!(parse_valid::<RawRpc>(ok.as_bytes()).is_ok());
        assert_eq!(
            key_of(r#"{"service": "workflow", "method": "Nope"}"#),
            "method"
        );
        assert_eq!(
            key_of(r#"{"service": "health", "method": "Watch"}"#),
            "method"
        );
        assert_eq!(
            key_of(
                r#"{"service": "workflow", "method": "DescribeNamespace", "request": {"namespace": 1}}"#
            ),
            "request"
        );
        assert_eq!(
            key_of(
                r#"{"service": "workflow", "method": "GetSystemInfo", "headers": {"a b": "c"}}"#
            ),
            "headers"
        );
        assert_eq!(
            key_of(
                r#"{"service": "workflow", "method": "GetSystemInfo", "timeout": "100000000h"}"#
            ),
            "timeout"
        );
    }
}
