//! Listing and counting workflows through the visibility store.

use super::workflow::{execution_ids, memo, status_str};
use crate::client::Client;
use crate::convert::{payload, search_attributes, time};
use crate::error::Result;
use crate::model::responses::{CountGroup, ExecutionRow, WorkflowCount, WorkflowPage};
use crate::model::{
    validate::base64,
    visibility::{CountWorkflows, ListWorkflows},
};
use crate::ops::unary;
use base64::{engine::general_purpose::STANDARD, Engine};
use temporalio_protos::temporal::api::{
    workflow::v1::WorkflowExecutionInfo,
    workflowservice::v1::{CountWorkflowExecutionsRequest, ListWorkflowExecutionsRequest},
};

/// One row of a listing: the describe-like summary of a run.
pub(crate) fn execution_row(info: &WorkflowExecutionInfo) -> ExecutionRow {
    let exec = info.execution.clone().unwrap_or_default();
    ExecutionRow {
        workflow_id: exec.workflow_id,
        run_id: exec.run_id,
        workflow_type: info.r#type.as_ref().map(|t| t.name.clone()),
        task_queue: info.task_queue.clone(),
        status: status_str(info.status),
        start_time: time::proto_to_string(info.start_time.as_ref()),
        execution_time: time::proto_to_string(info.execution_time.as_ref()),
        close_time: time::proto_to_string(info.close_time.as_ref()),
        history_length: info.history_length,
        memo: memo(info.memo.as_ref()),
        search_attributes: search_attributes::decode(info.search_attributes.as_ref()),
        parent: execution_ids(info.parent_execution.as_ref()),
    }
}

/// Encodes a page token (base64); `None` when there is no further page.
pub(crate) fn page_token(token: &[u8]) -> Option<String> {
    (!token.is_empty()).then(|| STANDARD.encode(token))
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
    let resp = unary!(client, list_workflow_executions, request);
    Ok((resp.executions, resp.next_page_token))
}

/// `tc_workflow_list` -> `{executions, next_page_token}`.
pub async fn list(client: &Client, req: ListWorkflows) -> Result<WorkflowPage> {
    let token = base64(&req.next_page_token, "next_page_token")?;
    let (executions, next) = list_page(client, &req.query, req.page_size, token).await?;
    Ok(WorkflowPage {
        executions: executions.iter().map(execution_row).collect(),
        next_page_token: page_token(&next),
    })
}

/// `tc_workflow_count` -> `{count, groups: [{values, count}]}`.
pub async fn count(client: &Client, req: CountWorkflows) -> Result<WorkflowCount> {
    let request = CountWorkflowExecutionsRequest {
        namespace: client.namespace().to_owned(),
        query: req.query,
    };
    let resp = unary!(client, count_workflow_executions, request);
    let groups = resp
        .groups
        .iter()
        .map(|g| CountGroup {
            values: g.group_values.iter().map(payload::decode).collect(),
            count: g.count,
        })
        .collect();
    Ok(WorkflowCount {
        count: resp.count,
        groups,
    })
}
