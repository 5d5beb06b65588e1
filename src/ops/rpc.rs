//! `tc_client_rpc`: any unary WorkflowService, OperatorService or Health
//! method, with the request and response as canonical proto3 JSON.

use super::{rpc_error, rpc_methods};
use crate::client::Client;
use crate::convert::proto_json;
use crate::error::{Error, ErrorCode, Result};
use crate::model::responses::{RpcResponse, SystemInfo};
use crate::model::rpc::{RawRpc, RpcService};
use crate::model::Empty;
use prost::Message;
use prost_reflect::{Kind, MethodDescriptor};
use serde_json::Value;
use std::future::Future;
use temporalio_client::request_extensions::NoRetryOnMatching;

/// One prepared call: the method's descriptor and the caller's options.
pub(crate) struct Call {
    method: MethodDescriptor,
    raw: RawRpc,
}

impl Call {
    /// The proto name of the method (`DescribeNamespace`).
    pub(crate) fn method_name(&self) -> &str {
        self.method.name()
    }

    /// The typed request: the JSON parsed against the method's input type,
    /// with the deadline, retry choice and headers applied.
    pub(crate) fn request<M: Message + Default>(&self) -> Result<tonic::Request<M>> {
        let json = Value::Object(self.raw.request.clone());
        let message = proto_json::from_json(&self.method.input(), &json, "request")?;
        let mut request = tonic::Request::new(message);
        if let Some(timeout) = self.raw.timeout {
            request.set_timeout(timeout.0);
        }
        if !self.raw.retry {
            request.extensions_mut().insert(NoRetryOnMatching {
                predicate: |_| true,
            });
        }
        for (key, value) in self.raw.metadata()? {
            request.metadata_mut().insert(key, value);
        }
        Ok(request)
    }

    /// The response as canonical proto3 JSON, or the server's error.
    pub(crate) fn response<M: Message>(
        &self,
        outcome: std::result::Result<tonic::Response<M>, tonic::Status>,
    ) -> Result<Value> {
        let message = outcome.map_err(rpc_error)?.into_inner();
        proto_json::bytes_to_json(&self.method.output(), &message.encode_to_vec())
    }

    /// The error for a method the descriptor has but the stub lacks.
    pub(crate) fn not_dispatchable(&self) -> Error {
        Error::invalid(format!(
            "method {} cannot be called through this library",
            self.method.full_name()
        ))
        .with("key", "method")
    }
}

/// Finds the method and fills in the client's namespace when the request
/// message has a `namespace` field the caller left out.
fn prepare(client: &Client, mut raw: RawRpc) -> Result<Call> {
    let method = raw.method_descriptor()?;
    let has_namespace = method
        .input()
        .get_field_by_name("namespace")
        .is_some_and(|f| f.kind() == Kind::String && !f.is_list());
    if has_namespace && !raw.request.contains_key("namespace") {
        raw.request
            .insert("namespace".into(), client.namespace().into());
    }
    Ok(Call { method, raw })
}

/// `tc_client_rpc` -> the response message as canonical proto3 JSON.
///
/// A `timeout` bounds the whole call, connecting a lazy client and retries
/// included: past it the call fails with `timeout`.
pub async fn call(client: &Client, raw: RawRpc) -> Result<RpcResponse> {
    let response = match raw.timeout.map(|t| t.0) {
        None => dispatch(client, raw).await,
        Some(limit) => within(limit, dispatch(client, raw)).await,
    }?;
    match response {
        Value::Object(message) => Ok(RpcResponse(message)),
        other => Err(Error::internal(format!(
            "a response message converted to {other} instead of an object"
        ))),
    }
}

/// `call`, failing with `timeout` once `limit` has passed.
async fn within(
    limit: std::time::Duration,
    call: impl Future<Output = Result<Value>>,
) -> Result<Value> {
    tokio::time::timeout(limit, call).await.unwrap_or_else(|_| {
        Err(Error::new(
            ErrorCode::Timeout,
            format!(
                "no answer within the call's timeout ({} s)",
                limit.as_secs_f64()
            ),
        ))
    })
}

async fn dispatch(client: &Client, raw: RawRpc) -> Result<Value> {
    let call = prepare(client, raw)?;
    match call.raw.service {
        RpcService::Workflow => {
            rpc_methods::workflow(&mut *client.workflow_service().await?, &call).await
        }
        RpcService::Operator => {
            rpc_methods::operator(&mut *client.operator_service().await?, &call).await
        }
        RpcService::Health => {
            let mut svc = client.health_service().await?;
            match call.method_name() {
                "Check" => {
                    let request = call.request()?;
                    call.response(svc.check(request).await)
                }
                _ => Err(call.not_dispatchable()),
            }
        }
    }
}

/// `tc_client_system_info` -> `{server_version, capabilities}`.
pub async fn system_info(client: &Client, _: Empty) -> Result<SystemInfo> {
    client.system_info().await
}
