//! Listing and counting workflows through the visibility store.

use super::rpc_error;
use super::workflow::status_name;
use crate::client::Client;
use crate::convert::{payload, search_attributes, time};
use crate::error::Result;
use crate::model::{
    validate::base64,
    visibility::{CountWorkflows, ListWorkflows},
};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde_json::{json, Value};
use temporalio_protos::temporal::api::{
    workflow::v1::WorkflowExecutionInfo,
    workflowservice::v1::{CountWorkflowExecutionsRequest, ListWorkflowExecutionsRequest},
};
use tonic::Request;

/// One row of a listing: the describe-like summary of a run.
pub(crate) fn execution_row(info: &WorkflowExecutionInfo) -> Value {
    let exec = info.execution.clone().unwrap_or_default();
    let parent = info
        .parent_execution
        .as_ref()
        .filter(|p| !p.workflow_id.is_empty())
        .map(|p| json!({"workflow_id": p.workflow_id, "run_id": p.run_id}))
        .unwrap_or(Value::Null);
    json!({
        "workflow_id": exec.workflow_id,
        "run_id": exec.run_id,
        "workflow_type": info.r#type.as_ref().map(|t| t.name.clone()),
        "task_queue": info.task_queue,
        "status": status_name(info.status),
        "start_time": time::proto_to_json(info.start_time.as_ref()),
        "execution_time": time::proto_to_json(info.execution_time.as_ref()),
        "close_time": time::proto_to_json(info.close_time.as_ref()),
        "history_length": info.history_length,
        "memo": info.memo.as_ref().map(|m| payload::decode_map(&m.fields)).unwrap_or_else(|| json!({})),
        "search_attributes": search_attributes::decode(info.search_attributes.as_ref()),
        "parent": parent,
    })
}

/// Encodes a page token; `null` when there is no further page.
pub(crate) fn token_json(token: &[u8]) -> Value {
    if token.is_empty() {
        Value::Null
    } else {
        STANDARD.encode(token).into()
    }
}

/// Reads one page of the listing for `query`.
pub(crate) async fn list_page(
    client: &Client,
    query: &str,
    page_size: Option<i32>,
    token: Vec<u8>,
) -> Result<(Vec<WorkflowExecutionInfo>, Vec<u8>)> {
    let request = ListWorkflowExecutionsRequest {
        namespace: client.namespace().to_owned(),
        page_size: page_size.unwrap_or_default(),
        next_page_token: token,
        query: query.to_owned(),
    };
    let resp = client
        .workflow_service()
        .await?
        .list_workflow_executions(Request::new(request))
        .await
        .map_err(rpc_error)?
        .into_inner();
    Ok((resp.executions, resp.next_page_token))
}

/// `tc_workflow_list` -> `{executions, next_page_token}`.
pub async fn list(client: &Client, req: ListWorkflows) -> Result<Value> {
    let token = base64(&req.next_page_token, "next_page_token")?;
    let (executions, next) = list_page(client, &req.query, req.page_size, token).await?;
    Ok(json!({
        "executions": executions.iter().map(execution_row).collect::<Vec<_>>(),
        "next_page_token": token_json(&next),
    }))
}

/// `tc_workflow_count` -> `{count, groups: [{values, count}]}`.
pub async fn count(client: &Client, req: CountWorkflows) -> Result<Value> {
    let request = CountWorkflowExecutionsRequest {
        namespace: client.namespace().to_owned(),
        query: req.query,
    };
    let resp = client
        .workflow_service()
        .await?
        .count_workflow_executions(Request::new(request))
        .await
        .map_err(rpc_error)?
        .into_inner();
    let groups: Vec<Value> = resp
        .groups
        .iter()
        .map(|g| {
            json!({
                "values": g.group_values.iter().map(payload::decode).collect::<Vec<_>>(),
                "count": g.count,
            })
        })
        .collect();
    Ok(json!({ "count": resp.count, "groups": groups }))
}
