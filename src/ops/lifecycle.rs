//! Delete (purge one), pause, unpause and reset.

use super::{history, request_id, workflow};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::model::lifecycle::{Delete, Pause, Reset, ResetTarget};
use crate::model::responses::ResetRun;
use crate::model::Empty;
use crate::ops::unary;
use temporalio_protos::temporal::api::{
    enums::v1::EventType,
    workflowservice::v1::{
        DeleteWorkflowExecutionRequest, GetWorkflowExecutionHistoryRequest,
        PauseWorkflowExecutionRequest, ResetWorkflowExecutionRequest,
        UnpauseWorkflowExecutionRequest,
    },
};

/// `tc_workflow_delete` -> `{}`: removes the execution and its history
/// (a running execution is terminated first by the server).
pub async fn delete(client: &Client, req: Delete) -> Result<Empty> {
    let request = DeleteWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        workflow_execution: workflow::execution(&req.workflow_id, &req.run_id),
    };
    unary!(client, delete_workflow_execution, request);
    Ok(Empty {})
}

/// Sends `$request` (pause or unpause, which share their fields) built
/// from a [`Pause`] request, and answers `{}`.
macro_rules! pause_call {
    ($client:expr, $req:expr, $request:ident, $method:ident) => {{
        let req = $req;
        let request = $request {
            namespace: $client.namespace().to_owned(),
            workflow_id: req.workflow_id,
            run_id: req.run_id.unwrap_or_default(),
            identity: $client.identity().to_owned(),
            reason: req.reason.unwrap_or_default(),
            request_id: request_id(&req.request_id),
        };
        unary!($client, $method, request);
        Ok(Empty {})
    }};
}

/// `tc_workflow_pause` -> `{}`.
pub async fn pause(client: &Client, req: Pause) -> Result<Empty> {
    pause_call!(
        client,
        req,
        PauseWorkflowExecutionRequest,
        pause_workflow_execution
    )
}

/// `tc_workflow_unpause` -> `{}`.
pub async fn unpause(client: &Client, req: Pause) -> Result<Empty> {
    pause_call!(
        client,
        req,
        UnpauseWorkflowExecutionRequest,
        unpause_workflow_execution
    )
}

/// The id of the first or last WorkflowTaskCompleted event of a run.
async fn workflow_task_event(client: &Client, req: &Reset, target: ResetTarget) -> Result<i64> {
    let mut token = Vec::new();
    let mut found = None;
    loop {
        let resp = history::page(
            client,
            GetWorkflowExecutionHistoryRequest {
                namespace: client.namespace().to_owned(),
                execution: workflow::execution(&req.workflow_id, &req.run_id),
                next_page_token: token,
                ..Default::default()
            },
        )
        .await?;
        for event in resp.history.map(|h| h.events).unwrap_or_default() {
            if event.event_type == EventType::WorkflowTaskCompleted as i32 {
                found = Some(event.event_id);
                if target == ResetTarget::FirstWorkflowTask {
                    return Ok(event.event_id);
                }
            }
        }
        if resp.next_page_token.is_empty() {
            return found.ok_or_else(|| {
                Error::invalid("the run has no completed workflow task to reset to")
                    .with("key", "to")
            });
        }
        token = resp.next_page_token;
    }
}

/// `tc_workflow_reset` -> `{run_id}` of the new run.
pub async fn reset(client: &Client, req: Reset) -> Result<ResetRun> {
    // Validation guarantees exactly one of `event_id` and `to`.
    let event_id = match (req.event_id, req.to) {
        (Some(id), _) => id,
        (None, Some(target)) => workflow_task_event(client, &req, target).await?,
        (None, None) => return Err(Error::internal("reset without event_id or to")),
    };
    let request = ResetWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        workflow_execution: workflow::execution(&req.workflow_id, &req.run_id),
        reason: req.reason.clone().unwrap_or_default(),
        workflow_task_finish_event_id: event_id,
        request_id: request_id(&req.request_id),
        identity: client.identity().to_owned(),
        ..Default::default()
    };
    let resp = unary!(client, reset_workflow_execution, request);
    Ok(ResetRun {
        run_id: resp.run_id,
    })
}
