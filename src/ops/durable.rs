//! The Durable Task client operations mapped onto Temporal: wait for start,
//! wait for completion (without raising), query and purge instances by
//! filter. The filter becomes a visibility query (docs/JSON.md).

use super::{history, lifecycle, result_wait, visibility, workflow};
use crate::client::Client;
use crate::convert::{failure, payload, time};
use crate::error::{ErrorCode, Result};
use crate::long_poll;
use crate::model::durable::{
    InstanceFilter, InstanceStatus, PurgeInstances, QueryInstances, WaitForCompletion, WaitForStart,
};
use crate::model::lifecycle::Delete;
use crate::model::responses::{
    Completion, InstancePage, Purged, WorkflowDescription, WorkflowResult,
};
use crate::model::validate::base64;
use crate::model::workflow::{ExecutionRef, GetResult};
use crate::model::Empty;
use futures::{stream, StreamExt};
use serde_json::Value;
use std::sync::Arc;
use temporalio_protos::temporal::api::{
    enums::v1::EventType, history::v1::history_event::Attributes,
    workflowservice::v1::GetWorkflowExecutionHistoryRequest,
};

const CLOSE_EVENTS: [EventType; 6] = [
    EventType::WorkflowExecutionCompleted,
    EventType::WorkflowExecutionFailed,
    EventType::WorkflowExecutionCanceled,
    EventType::WorkflowExecutionTerminated,
    EventType::WorkflowExecutionTimedOut,
    EventType::WorkflowExecutionContinuedAsNew,
];

/// `tc_workflow_wait_for_start` -> the describe response, once the first
/// workflow task has started (a worker picked the run up) or the run closed.
pub async fn wait_for_start(client: &Client, req: WaitForStart) -> Result<WorkflowDescription> {
    let mut token = Vec::new();
    loop {
        let request = GetWorkflowExecutionHistoryRequest {
            namespace: client.namespace().to_owned(),
            execution: workflow::execution(&req.workflow_id, &req.run_id),
            next_page_token: token.clone(),
            wait_new_event: true,
            ..Default::default()
        };
        let resp = long_poll::until_not_transient(|| async {
            let _slot = client.long_polls().slot().await;
            history::page(client, request.clone()).await
        })
        .await?;
        let started = resp.history.iter().flat_map(|h| &h.events).any(|e| {
            e.event_type == EventType::WorkflowTaskStarted as i32
                || CLOSE_EVENTS.iter().any(|c| *c as i32 == e.event_type)
        });
        if started {
            let target = ExecutionRef {
                workflow_id: req.workflow_id,
                run_id: req.run_id,
            };
            return workflow::describe(client, target).await;
        }
        if !resp.next_page_token.is_empty() {
            token = resp.next_page_token;
        }
    }
}

/// The inputs of a run: the args of its WorkflowExecutionStarted event.
async fn run_input(client: &Client, workflow_id: &str, run_id: &str) -> Result<Vec<Value>> {
    let request = GetWorkflowExecutionHistoryRequest {
        namespace: client.namespace().to_owned(),
        execution: workflow::execution(workflow_id, &Some(run_id.to_owned())),
        maximum_page_size: 1,
        ..Default::default()
    };
    let resp = history::page(client, request).await?;
    let first = resp.history.and_then(|h| h.events.into_iter().next());
    Ok(match first.and_then(|e| e.attributes) {
        Some(Attributes::WorkflowExecutionStartedEventAttributes(a)) => {
            payload::decode_all(a.input.as_ref())
        }
        _ => Vec::new(),
    })
}

/// How a closed run ended: status, output, failure and the run's id.
fn ending(outcome: Result<WorkflowResult>) -> Result<(&'static str, Value, Value, Option<String>)> {
    let err = match outcome {
        Ok(r) => return Ok(("completed", r.result, Value::Null, Some(r.run_id))),
        Err(e) => e,
    };
    let run_id = err
        .field("run_id")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let details = err.field("details").cloned();
    let (status, failure) = match err.code() {
        ErrorCode::WorkflowFailed => (
            "failed",
            err.field("failure").cloned().unwrap_or(Value::Null),
        ),
        ErrorCode::WorkflowCancelled => (
            "canceled",
            failure::closed_run("canceled", err.message(), details),
        ),
        ErrorCode::WorkflowTerminated => {
            let reason = err.field("reason").and_then(Value::as_str).unwrap_or("");
            (
                "terminated",
                failure::closed_run("terminated", reason, details),
            )
        }
        ErrorCode::WorkflowTimedOut => ("timed_out", failure::timed_out_run(err.message())),
        _ => return Err(err),
    };
    Ok((status, Value::Null, failure, run_id))
}

/// `tc_workflow_wait_for_completion` -> `{workflow_id, run_id, workflow_type,
/// status, created_at, last_updated_at, failure, input, output}`; a failed
/// run is reported in `failure`, not as an error.
pub async fn wait_for_completion(
    client: &Arc<Client>,
    req: WaitForCompletion,
) -> Result<Completion> {
    let outcome = result_wait::result(
        client,
        GetResult {
            workflow_id: req.workflow_id.clone(),
            run_id: req.run_id.clone(),
            follow_runs: true,
        },
    )
    .await;
    let (status, output, failure, run_id) = ending(outcome)?;
    let described = workflow::describe(
        client,
        ExecutionRef {
            workflow_id: req.workflow_id.clone(),
            run_id: run_id.or(req.run_id),
        },
    )
    .await?;
    let (input, output) = if req.get_inputs_and_outputs {
        let input = run_input(client, &req.workflow_id, &described.execution.run_id).await?;
        (Some(input), Some(output))
    } else {
        (None, None)
    };
    let execution = described.execution;
    Ok(Completion {
        workflow_id: req.workflow_id,
        run_id: execution.run_id,
        workflow_type: execution.workflow_type,
        status,
        created_at: execution.start_time,
        last_updated_at: execution.close_time,
        failure,
        input,
        output,
    })
}

/// A visibility string literal: single-quoted, with `\` and `'` escaped.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn status_value(s: InstanceStatus) -> &'static str {
    match s {
        InstanceStatus::Running => "Running",
        InstanceStatus::Completed => "Completed",
        InstanceStatus::Failed => "Failed",
        InstanceStatus::Canceled => "Canceled",
        InstanceStatus::Terminated => "Terminated",
        InstanceStatus::ContinuedAsNew => "ContinuedAsNew",
        InstanceStatus::TimedOut => "TimedOut",
        InstanceStatus::Paused => "Paused",
    }
}

/// Translates a filter into Temporal's visibility query syntax.
pub fn filter_query(filter: &InstanceFilter) -> String {
    let mut clauses = Vec::new();
    if !filter.statuses.is_empty() {
        let values: Vec<String> = filter
            .statuses
            .iter()
            .map(|s| literal(status_value(*s)))
            .collect();
        clauses.push(format!("ExecutionStatus IN ({})", values.join(", ")));
    }
    let bounds = [(">=", &filter.created_from), ("<=", &filter.created_to)];
    for (operator, bound) in bounds {
        if let Some(at) = bound {
            let at = time::proto_to_json(Some(&at.0));
            let at = literal(at.as_str().unwrap_or_default());
            clauses.push(format!("StartTime {operator} {at}"));
        }
    }
    if let Some(prefix) = &filter.id_prefix {
        clauses.push(format!("WorkflowId STARTS_WITH {}", literal(prefix)));
    }
    if let Some(workflow_type) = &filter.workflow_type {
        clauses.push(format!("WorkflowType = {}", literal(workflow_type)));
    }
    if let Some(task_queue) = &filter.task_queue {
        clauses.push(format!("TaskQueue = {}", literal(task_queue)));
    }
    clauses.join(" AND ")
}

/// `tc_workflow_query_instances` -> `{instances, next_page_token,
/// continuation_token, query}` (the two tokens are the same).
pub async fn query_instances(client: &Client, req: QueryInstances) -> Result<InstancePage> {
    let query = filter_query(&req.filter);
    let (token, name) = req.paging.token();
    let token = base64(token, name)?;
    let (executions, next) =
        visibility::list_page(client, &query, req.paging.page_size, token).await?;
    Ok(InstancePage {
        instances: executions.iter().map(visibility::execution_row).collect(),
        next_page_token: visibility::page_token(&next),
        continuation_token: visibility::page_token(&next),
        query,
    })
}

const DEFAULT_PURGE_CONCURRENCY: usize = 8;

/// `tc_workflow_purge_instances` -> `{purged_count}`: deletes every
/// execution the filter matches, `max_concurrency` at a time.
pub async fn purge_instances(client: &Client, req: PurgeInstances) -> Result<Purged> {
    let concurrency = req
        .options
        .max_concurrency
        .unwrap_or(DEFAULT_PURGE_CONCURRENCY);
    let query = filter_query(&req.filter);
    let mut targets = Vec::new();
    let mut token = Vec::new();
    loop {
        let (executions, next) = visibility::list_page(client, &query, Some(1000), token).await?;
        targets.extend(executions.into_iter().filter_map(|e| e.execution));
        if next.is_empty() {
            break;
        }
        token = next;
    }
    let outcomes: Vec<Result<Empty>> = stream::iter(targets)
        .map(|e| {
            lifecycle::delete(
                client,
                Delete {
                    workflow_id: e.workflow_id,
                    run_id: Some(e.run_id),
                },
            )
        })
        .buffer_unordered(concurrency)
        .collect()
        .await;
    let purged = outcomes.iter().filter(|o| o.is_ok()).count();
    match outcomes
        .into_iter()
        .find_map(|o| o.err().filter(|e| e.code() != ErrorCode::NotFound))
    {
        Some(err) => Err(err.with("purged_count", purged)),
        None => Ok(Purged {
            purged_count: purged as u64,
        }),
    }
}
