//! Workflow updates: execute, start (wait for a stage), poll for the
//! outcome, and update-with-start.

use super::{request_id, rpc_error, workflow};
use crate::client::Client;
use crate::convert::{failure, payload};
use crate::error::{Error, ErrorCode, Result};
use crate::long_poll;
use crate::model::responses::{UpdateOutcome, UpdateWithStartOutcome};
use crate::model::update::{ExecuteUpdate, Update, UpdateResult, UpdateWithStart, WaitForStage};
use serde_json::{Map, Value};
use std::sync::Arc;
use temporalio_protos::temporal::api::{
    enums::v1::UpdateWorkflowExecutionLifecycleStage as Stage,
    update::v1::{self as update, outcome, Outcome, UpdateRef, WaitPolicy},
    workflowservice::v1::{
        execute_multi_operation_request::{operation, Operation},
        execute_multi_operation_response::response,
        ExecuteMultiOperationRequest, PollWorkflowExecutionUpdateRequest,
        UpdateWorkflowExecutionRequest, UpdateWorkflowExecutionResponse,
    },
};
use tonic::{Code, Request};

fn stage(wait: WaitForStage) -> Stage {
    match wait {
        WaitForStage::Accepted => Stage::Accepted,
        WaitForStage::Completed => Stage::Completed,
    }
}

/// The update request and its id (the one given, else a fresh UUID).
fn update_request(
    name: &str,
    args: &[Value],
    update_id: &Option<String>,
    headers: &Option<Map<String, Value>>,
    identity: &str,
) -> Result<(update::Request, String)> {
    let update_id = request_id(update_id);
    let request = update::Request {
        meta: Some(update::Meta {
            update_id: update_id.clone(),
            identity: identity.to_owned(),
        }),
        input: Some(update::Input {
            header: headers.as_ref().map(payload::encode_header).transpose()?,
            name: name.to_owned(),
            args: payload::encode_all(args)?,
        }),
        ..Default::default()
    };
    Ok((request, update_id))
}

/// The outcome as the response, or `update_failed` with the failure.
fn decoded_outcome(outcome: Outcome, update_id: &str) -> Result<UpdateOutcome> {
    match outcome.value {
        Some(outcome::Value::Success(p)) => Ok(UpdateOutcome {
            update_id: update_id.to_owned(),
            result: Some(payload::decode_first(Some(&p))),
        }),
        Some(outcome::Value::Failure(f)) => {
            let decoded = failure::to_json(&f);
            Err(Error::new(
                ErrorCode::UpdateFailed,
                format!("update failed: {}", f.message),
            )
            .with("update_id", update_id.to_owned())
            .with("failure", decoded))
        }
        None => Err(Error::internal(
            "the server returned an empty update outcome",
        )),
    }
}

/// Polls until the update has an outcome. Polls for the same update share
/// one long poll (within the client's long-poll budget); expired polls and
/// transient failures (server restarts, `unavailable`, `resource_exhausted`)
/// are retried with backoff until the outcome arrives or the caller cancels.
async fn poll_outcome(client: &Arc<Client>, update_ref: UpdateRef) -> Result<UpdateOutcome> {
    let update_id = update_ref.update_id.clone();
    let execution = update_ref.workflow_execution.clone().unwrap_or_default();
    let key = format!(
        "update\u{0}{}\u{0}{}\u{0}{}",
        execution.workflow_id, execution.run_id, update_id
    );
    let request = PollWorkflowExecutionUpdateRequest {
        namespace: client.namespace().to_owned(),
        update_ref: Some(update_ref),
        identity: client.identity().to_owned(),
        wait_policy: Some(WaitPolicy {
            lifecycle_stage: Stage::Completed as i32,
        }),
    };
    let owned = client.clone();
    client
        .long_polls()
        .shared(key, move || async move {
            loop {
                let polled = long_poll::until_not_transient(|| async {
                    let _slot = owned.long_polls().slot().await;
                    owned
                        .workflow_service()
                        .await?
                        .poll_workflow_execution_update(long_poll::request(request.clone()))
                        .await
                        .map_err(rpc_error)
                })
                .await?;
                if let Some(outcome) = polled.into_inner().outcome {
                    return decoded_outcome(outcome, &update_id);
                }
            }
        })
        .await
}

/// Sends the update until the server reports `wanted` (the server answers
/// early when its own wait times out; the update id makes resending safe).
async fn send_until(
    client: &Client,
    request: UpdateWorkflowExecutionRequest,
    wanted: Stage,
) -> Result<UpdateWorkflowExecutionResponse> {
    loop {
        let result = client
            .workflow_service()
            .await?
            .update_workflow_execution(Request::new(request.clone()))
            .await;
        match result {
            Ok(r) => {
                let r = r.into_inner();
                if r.outcome.is_some() || r.stage >= wanted as i32 {
                    return Ok(r);
                }
            }
            Err(s) if s.code() == Code::DeadlineExceeded => {}
            Err(s) => return Err(rpc_error(s)),
        }
    }
}

/// Finishes an update after the server answered: waits for the outcome when
/// `wanted` is completed, else reports the id (or an early rejection).
async fn finish(
    client: &Arc<Client>,
    resp: UpdateWorkflowExecutionResponse,
    update_id: String,
    wanted: Stage,
) -> Result<UpdateOutcome> {
    if let Some(outcome) = resp.outcome {
        return decoded_outcome(outcome, &update_id);
    }
    if wanted == Stage::Completed {
        let update_ref = resp
            .update_ref
            .ok_or_else(|| Error::internal("the server returned no update reference"))?;
        return poll_outcome(client, update_ref).await;
    }
    Ok(UpdateOutcome {
        update_id,
        result: None,
    })
}

async fn run(client: &Arc<Client>, req: Update, wanted: Stage) -> Result<UpdateOutcome> {
    let (request, update_id) = update_request(
        &req.update_name,
        &req.args,
        &req.update_id,
        &req.headers,
        client.identity(),
    )?;
    let request = UpdateWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        workflow_execution: workflow::execution(&req.workflow_id, &req.run_id),
        first_execution_run_id: req.first_execution_run_id.unwrap_or_default(),
        wait_policy: Some(WaitPolicy {
            lifecycle_stage: wanted as i32,
        }),
        request: Some(request),
    };
    let resp = send_until(client, request, wanted).await?;
    finish(client, resp, update_id, wanted).await
}

/// `tc_workflow_update` -> `{update_id, result}` once the update completed,
/// or `update_failed` (rejected by the validator or failed by the handler).
pub async fn execute(client: &Arc<Client>, req: ExecuteUpdate) -> Result<UpdateOutcome> {
    run(client, req.0, Stage::Completed).await
}

/// `tc_workflow_start_update` -> `{update_id}` once accepted (or
/// `{update_id, result}` with `wait_for_stage: completed`).
pub async fn start(client: &Arc<Client>, req: Update) -> Result<UpdateOutcome> {
    let wanted = stage(req.wait_for_stage.unwrap_or_default());
    run(client, req, wanted).await
}

/// `tc_workflow_update_result` -> `{update_id, result}` or `update_failed`.
pub async fn result(client: &Arc<Client>, req: UpdateResult) -> Result<UpdateOutcome> {
    let update_ref = UpdateRef {
        workflow_execution: workflow::execution(&req.workflow_id, &req.run_id),
        update_id: req.update_id,
    };
    poll_outcome(client, update_ref).await
}

/// `tc_workflow_update_with_start` -> `{workflow_id, run_id, started, update_id, result?}`.
pub async fn with_start(
    client: &Arc<Client>,
    req: UpdateWithStart,
) -> Result<UpdateWithStartOutcome> {
    let start = workflow::start_request(client, &req.start)?;
    let workflow_id = start.workflow_id.clone();
    let wanted = stage(req.update.wait_for_stage.unwrap_or(WaitForStage::Completed));
    let (update, update_id) = update_request(
        &req.update.update_name,
        &req.update.update_args,
        &req.update.update_id,
        &req.update.update_headers,
        client.identity(),
    )?;
    let request = ExecuteMultiOperationRequest {
        namespace: client.namespace().to_owned(),
        operations: vec![
            Operation {
                operation: Some(operation::Operation::StartWorkflow(start)),
            },
            Operation {
                operation: Some(operation::Operation::UpdateWorkflow(
                    UpdateWorkflowExecutionRequest {
                        namespace: client.namespace().to_owned(),
                        workflow_execution: workflow::execution(&workflow_id, &None),
                        first_execution_run_id: String::new(),
                        wait_policy: Some(WaitPolicy {
                            lifecycle_stage: wanted as i32,
                        }),
                        request: Some(update),
                    },
                )),
            },
        ],
        resource_id: workflow_id.clone(),
    };
    let resp = client
        .workflow_service()
        .await?
        .execute_multi_operation(Request::new(request))
        .await
        .map_err(|s| workflow::with_ids(rpc_error(s), &workflow_id))?
        .into_inner();
    let mut started = None;
    let mut updated = None;
    for r in resp.responses {
        match r.response {
            Some(response::Response::StartWorkflow(s)) => started = Some(s),
            Some(response::Response::UpdateWorkflow(u)) => updated = Some(u),
            None => {}
        }
    }
    let started =
        started.ok_or_else(|| Error::internal("no start response in the multi-operation reply"))?;
    let updated = updated
        .ok_or_else(|| Error::internal("no update response in the multi-operation reply"))?;
    let update = finish(client, updated, update_id, wanted)
        .await
        .map_err(|e| {
            e.with("workflow_id", workflow_id.clone())
                .with("run_id", started.run_id.clone())
        })?;
    Ok(UpdateWithStartOutcome {
        workflow_id,
        run_id: started.run_id,
        started: started.started,
        update,
    })
}
