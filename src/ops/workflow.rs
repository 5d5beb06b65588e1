//! Workflow operations: start, signal-with-start, result, describe, signal,
//! query, cancel, terminate.

use super::{closure_watch, request_id, rpc_error};
use crate::client::Client;
use crate::convert::{duration, failure, payload, search_attributes, time};
use crate::error::{Error, ErrorCode, Result};
use crate::long_poll::{self, Backoff};
use crate::model::workflow::{
    Cancel, ExecutionRef, GetResult, IdConflictPolicy, IdReusePolicy, Query, QueryRejectCondition,
    RetryPolicy, Signal, SignalWithStart, StartWorkflow, Terminate,
};
use serde_json::{json, Value};
use std::{sync::Arc, time::Duration};
use temporalio_protos::temporal::api::{
    common::v1::{self as common, WorkflowExecution, WorkflowType},
    enums::v1::{
        HistoryEventFilterType, QueryRejectCondition as ProtoRejectCondition, TaskQueueKind,
        WorkflowExecutionStatus, WorkflowIdConflictPolicy, WorkflowIdReusePolicy,
    },
    history::v1::{history_event::Attributes, HistoryEvent},
    query::v1::WorkflowQuery,
    sdk::v1::UserMetadata,
    taskqueue::v1::TaskQueue,
    workflowservice::v1::{
        DescribeWorkflowExecutionRequest, DescribeWorkflowExecutionResponse,
        GetWorkflowExecutionHistoryRequest, QueryWorkflowRequest,
        RequestCancelWorkflowExecutionRequest, SignalWithStartWorkflowExecutionRequest,
        SignalWorkflowExecutionRequest, StartWorkflowExecutionRequest,
        TerminateWorkflowExecutionRequest,
    },
};
use tonic::Request;

pub(crate) fn execution(workflow_id: &str, run_id: &Option<String>) -> Option<WorkflowExecution> {
    Some(WorkflowExecution {
        workflow_id: workflow_id.to_owned(),
        run_id: run_id.clone().unwrap_or_default(),
    })
}

// `TerminateIfRunning` is deprecated by the server in favour of the
// `terminate_existing` conflict policy but still honoured; we keep offering it.
#[allow(deprecated)]
fn reuse_policy(p: IdReusePolicy) -> WorkflowIdReusePolicy {
    match p {
        IdReusePolicy::AllowDuplicate => WorkflowIdReusePolicy::AllowDuplicate,
        IdReusePolicy::AllowDuplicateFailedOnly => WorkflowIdReusePolicy::AllowDuplicateFailedOnly,
        IdReusePolicy::RejectDuplicate => WorkflowIdReusePolicy::RejectDuplicate,
        IdReusePolicy::TerminateIfRunning => WorkflowIdReusePolicy::TerminateIfRunning,
    }
}

fn conflict_policy(p: IdConflictPolicy) -> WorkflowIdConflictPolicy {
    match p {
        IdConflictPolicy::Fail => WorkflowIdConflictPolicy::Fail,
        IdConflictPolicy::UseExisting => WorkflowIdConflictPolicy::UseExisting,
        IdConflictPolicy::TerminateExisting => WorkflowIdConflictPolicy::TerminateExisting,
    }
}

fn retry_policy(r: &RetryPolicy) -> common::RetryPolicy {
    common::RetryPolicy {
        initial_interval: r.initial_interval.map(|d| d.to_proto()),
        backoff_coefficient: r.backoff_coefficient.unwrap_or_default(),
        maximum_interval: r.maximum_interval.map(|d| d.to_proto()),
        maximum_attempts: r.maximum_attempts.unwrap_or_default(),
        non_retryable_error_types: r.non_retryable_error_types.clone(),
    }
}

fn user_metadata(s: &StartWorkflow) -> Result<Option<UserMetadata>> {
    if s.static_summary.is_none() && s.static_details.is_none() {
        return Ok(None);
    }
    let text = |t: &Option<String>| -> Result<Option<common::Payload>> {
        t.as_ref()
            .map(|t| payload::encode(&Value::from(t.as_str())))
            .transpose()
    };
    Ok(Some(UserMetadata {
        summary: text(&s.static_summary)?,
        details: text(&s.static_details)?,
    }))
}

/// Builds the start request shared by start and signal-with-start.
pub(crate) fn start_request(
    client: &Client,
    s: &StartWorkflow,
) -> Result<StartWorkflowExecutionRequest> {
    Ok(StartWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        workflow_id: s
            .id
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        workflow_type: Some(WorkflowType {
            name: s.workflow_type.clone(),
        }),
        task_queue: Some(TaskQueue {
            name: s.task_queue.clone(),
            kind: TaskQueueKind::Normal as i32,
            ..Default::default()
        }),
        input: payload::encode_all(&s.args)?,
        workflow_execution_timeout: s.execution_timeout.map(|d| d.to_proto()),
        workflow_run_timeout: s.run_timeout.map(|d| d.to_proto()),
        workflow_task_timeout: s.task_timeout.map(|d| d.to_proto()),
        identity: client.identity().to_owned(),
        request_id: request_id(&s.request_id),
        workflow_id_reuse_policy: s.id_reuse_policy.map(reuse_policy).unwrap_or_default() as i32,
        workflow_id_conflict_policy: s
            .id_conflict_policy
            .map(conflict_policy)
            .unwrap_or_default() as i32,
        retry_policy: s.retry_policy.as_ref().map(retry_policy),
        cron_schedule: s.cron_schedule.clone().unwrap_or_default(),
        memo: s.memo.as_ref().map(payload::encode_memo).transpose()?,
        search_attributes: s
            .search_attributes
            .as_ref()
            .map(search_attributes::encode)
            .transpose()?,
        header: s.headers.as_ref().map(payload::encode_header).transpose()?,
        workflow_start_delay: s.start_delay.map(|d| d.to_proto()),
        user_metadata: user_metadata(s)?,
        priority: s.priority.as_ref().map(|p| common::Priority {
            priority_key: p.priority_key.unwrap_or_default(),
            fairness_key: p.fairness_key.clone().unwrap_or_default(),
            fairness_weight: p.fairness_weight.unwrap_or_default(),
        }),
        ..Default::default()
    })
}

pub(crate) fn with_ids(err: Error, workflow_id: &str) -> Error {
    if err.code() == ErrorCode::AlreadyStarted {
        err.with("workflow_id", workflow_id.to_owned())
    } else {
        err
    }
}

/// `tc_workflow_start` -> `{workflow_id, run_id, started}`.
pub async fn start(client: &Client, req: StartWorkflow) -> Result<Value> {
    #[cfg(feature = "test-hooks")]
    if req.workflow_type == "__tc_test_panic__" {
        panic!("forced test panic");
    }
    let request = start_request(client, &req)?;
    let workflow_id = request.workflow_id.clone();
    let resp = client
        .workflow_service()
        .await?
        .start_workflow_execution(Request::new(request))
        .await
        .map_err(|s| with_ids(rpc_error(s), &workflow_id))?
        .into_inner();
    Ok(json!({ "workflow_id": workflow_id, "run_id": resp.run_id, "started": resp.started }))
}

/// `tc_workflow_signal_with_start` -> `{workflow_id, run_id}`.
pub async fn signal_with_start(client: &Client, req: SignalWithStart) -> Result<Value> {
    let s = start_request(client, &req.start)?;
    let request = SignalWithStartWorkflowExecutionRequest {
        namespace: s.namespace,
        workflow_id: s.workflow_id.clone(),
        workflow_type: s.workflow_type,
        task_queue: s.task_queue,
        input: s.input,
        workflow_execution_timeout: s.workflow_execution_timeout,
        workflow_run_timeout: s.workflow_run_timeout,
        workflow_task_timeout: s.workflow_task_timeout,
        identity: s.identity,
        request_id: s.request_id,
        workflow_id_reuse_policy: s.workflow_id_reuse_policy,
        workflow_id_conflict_policy: s.workflow_id_conflict_policy,
        signal_name: req.signal.signal_name,
        signal_input: payload::encode_all(&req.signal.signal_args)?,
        retry_policy: s.retry_policy,
        cron_schedule: s.cron_schedule,
        memo: s.memo,
        search_attributes: s.search_attributes,
        header: s.header,
        workflow_start_delay: s.workflow_start_delay,
        user_metadata: s.user_metadata,
        priority: s.priority,
        ..Default::default()
    };
    let resp = client
        .workflow_service()
        .await?
        .signal_with_start_workflow_execution(Request::new(request))
        .await
        .map_err(|e| with_ids(rpc_error(e), &s.workflow_id))?
        .into_inner();
    Ok(json!({ "workflow_id": s.workflow_id, "run_id": resp.run_id, "started": resp.started }))
}

/// `tc_workflow_result` -> `{result, run_id}`, or a `workflow_*` error.
///
/// Long-polls the close event and follows continue-as-new, retry and cron
/// runs when `follow_runs`. Waits for the same workflow, run and
/// `follow_runs` share one poll, and the wait rides through transient
/// failures (server restarts, `unavailable`, `resource_exhausted`, expired
/// polls) until the run closes or the caller cancels (see
/// [`crate::long_poll`]).
pub async fn result(client: &Arc<Client>, req: GetResult) -> Result<Value> {
    let key = format!(
        "result\u{0}{}\u{0}{}\u{0}{}",
        req.workflow_id,
        req.run_id.as_deref().unwrap_or_default(),
        req.follow_runs
    );
    let owned = client.clone();
    client
        .long_polls()
        .shared(key, move || wait_for_result(owned, req))
        .await
}

async fn wait_for_result(client: Arc<Client>, req: GetResult) -> Result<Value> {
    // Without a run id, finding the latest run is also the first check.
    // While it queues behind other checks the wait is parked, so that the
    // closure watcher can move it to the urgent checks.
    let (mut run_id, mut known_open) = match &req.run_id {
        Some(r) if !r.is_empty() => (r.clone(), false),
        _ => {
            let (parked, start_watcher) = client.long_polls().park(&req.workflow_id);
            if start_watcher {
                tokio::spawn(closure_watch::watch(Arc::downgrade(&client)));
            }
            let latest = tokio::select! {
                biased;
                latest = latest_run(&client, &req.workflow_id, false) => latest?,
                _ = parked.woken() => latest_run(&client, &req.workflow_id, true).await?,
            };
            drop(parked);
            let running = latest.status == WorkflowExecutionStatus::Running as i32;
            (
                latest.execution.map(|e| e.run_id).unwrap_or_default(),
                running,
            )
        }
    };
    loop {
        let event = close_event(&client, &req.workflow_id, &run_id, known_open).await?;
        known_open = false;
        let closed = |code, message: String| {
            Error::new(code, message)
                .with("workflow_id", req.workflow_id.clone())
                .with("run_id", run_id.clone())
        };
        let next =
            |new_run: &str| (req.follow_runs && !new_run.is_empty()).then(|| new_run.to_owned());
        match event.attributes {
            Some(Attributes::WorkflowExecutionCompletedEventAttributes(a)) => {
                if let Some(n) = next(&a.new_execution_run_id) {
                    run_id = n;
                    continue;
                }
                return Ok(
                    json!({ "result": payload::decode_first(a.result.as_ref()), "run_id": run_id }),
                );
            }
            Some(Attributes::WorkflowExecutionFailedEventAttributes(a)) => {
                if let Some(n) = next(&a.new_execution_run_id) {
                    run_id = n;
                    continue;
                }
                let f = a
                    .failure
                    .as_ref()
                    .map(failure::to_json)
                    .unwrap_or(Value::Null);
                let msg = f["message"].as_str().unwrap_or("").to_owned();
                return Err(
                    closed(ErrorCode::WorkflowFailed, format!("workflow failed: {msg}"))
                        .with("failure", f),
                );
            }
            Some(Attributes::WorkflowExecutionTimedOutEventAttributes(a)) => {
                if let Some(n) = next(&a.new_execution_run_id) {
                    run_id = n;
                    continue;
                }
                return Err(closed(
                    ErrorCode::WorkflowTimedOut,
                    "workflow timed out".into(),
                ));
            }
            Some(Attributes::WorkflowExecutionCanceledEventAttributes(a)) => {
                return Err(
                    closed(ErrorCode::WorkflowCancelled, "workflow cancelled".into())
                        .with("details", payload::decode_all(a.details.as_ref())),
                );
            }
            Some(Attributes::WorkflowExecutionTerminatedEventAttributes(a)) => {
                return Err(closed(
                    ErrorCode::WorkflowTerminated,
                    format!("workflow terminated: {}", a.reason),
                )
                .with("reason", a.reason)
                .with("details", payload::decode_all(a.details.as_ref()))
                .with("identity", a.identity));
            }
            Some(Attributes::WorkflowExecutionContinuedAsNewEventAttributes(a)) => {
                if let Some(n) = next(&a.new_execution_run_id) {
                    run_id = n;
                    continue;
                }
                return Err(closed(
                    ErrorCode::WorkflowContinuedAsNew,
                    "workflow continued as new".into(),
                )
                .with("new_run_id", a.new_execution_run_id));
            }
            _ => {
                return Err(Error::new(
                    ErrorCode::Internal,
                    format!("unexpected close event type {}", event.event_type),
                ))
            }
        }
    }
}

/// The latest run of a workflow (through a bounded check), retrying
/// transient failures.
async fn latest_run(
    client: &Client,
    workflow_id: &str,
    urgent: bool,
) -> Result<temporalio_protos::temporal::api::workflow::v1::WorkflowExecutionInfo> {
    let described = long_poll::until_not_transient(|| async {
        let _check = client.long_polls().check(urgent).await;
        describe_raw(client, workflow_id, &None).await
    })
    .await?;
    Ok(described.workflow_execution_info.unwrap_or_default())
}

/// How long a parked wait sleeps between its own checks while the closure
/// watcher is healthy (it is woken as soon as the watcher sees the close).
const PARKED_CHECK_INTERVAL: Duration = Duration::from_secs(60);

/// Parks a wait that found its run open and had no long-poll slot: until
/// the closure watcher wakes it, or the next backoff (a long one while the
/// watcher is healthy) has passed. True when the watcher woke it.
async fn park(client: &Arc<Client>, workflow_id: &str, backoff: &mut Backoff) -> bool {
    let polls = client.long_polls();
    let (parked, start_watcher) = polls.park(workflow_id);
    if start_watcher {
        tokio::spawn(closure_watch::watch(Arc::downgrade(client)));
    }
    let delay = if polls.watcher_healthy() {
        PARKED_CHECK_INTERVAL
    } else {
        backoff.next_delay()
    };
    tokio::select! {
        _ = parked.woken() => {
            backoff.reset();
            true
        }
        _ = tokio::time::sleep(delay) => false,
    }
}

/// Backoff of a wait between short checks and after transient failures.
const WAIT_BACKOFF_INITIAL: Duration = Duration::from_millis(500);
const WAIT_BACKOFF_MAX: Duration = Duration::from_secs(20);

/// The close event of a run: a long poll when the client has a slot free,
/// else a short check, parking in between while the run is known to be
/// open (`known_open`: the caller just saw it running); transient failures
/// are retried.
async fn close_event(
    client: &Arc<Client>,
    workflow_id: &str,
    run_id: &str,
    mut known_open: bool,
) -> Result<HistoryEvent> {
    let mut backoff = Backoff::new(WAIT_BACKOFF_INITIAL, WAIT_BACKOFF_MAX);
    let mut page_token = Vec::new();
    let mut urgent = false;
    loop {
        let polls = client.long_polls();
        let (slot, check) = match polls.try_slot() {
            Some(slot) => (Some(slot), None),
            None if known_open => {
                known_open = false;
                urgent = park(client, workflow_id, &mut backoff).await;
                continue;
            }
            None => (None, Some(polls.check(std::mem::take(&mut urgent)).await)),
        };
        let long = slot.is_some();
        let request = GetWorkflowExecutionHistoryRequest {
            namespace: client.namespace().to_owned(),
            execution: execution(workflow_id, &Some(run_id.to_owned())),
            next_page_token: if long {
                std::mem::take(&mut page_token)
            } else {
                Vec::new()
            },
            wait_new_event: long,
            history_event_filter_type: HistoryEventFilterType::CloseEvent as i32,
            skip_archival: true,
            ..Default::default()
        };
        let outcome = match client.workflow_service().await {
            Ok(mut svc) => svc
                .get_workflow_execution_history(Request::new(request))
                .await
                .map(tonic::Response::into_inner)
                .map_err(rpc_error),
            Err(e) => Err(e),
        };
        drop((slot, check));
        match outcome {
            Ok(resp) => {
                if let Some(event) = resp.history.and_then(|h| h.events.into_iter().next()) {
                    return Ok(event);
                }
                if long {
                    tracing::debug!(
                        workflow_id,
                        "long poll ended without a close event; polling again"
                    );
                    page_token = resp.next_page_token;
                    backoff.reset();
                } else {
                    known_open = true;
                }
            }
            Err(e) if long_poll::is_transient(&e) => {
                tracing::debug!(workflow_id, error = %e, "result wait: transient failure; retrying");
                backoff.sleep().await;
            }
            Err(e) => return Err(e),
        }
    }
}

pub(crate) async fn describe_raw(
    client: &Client,
    workflow_id: &str,
    run_id: &Option<String>,
) -> Result<DescribeWorkflowExecutionResponse> {
    let request = DescribeWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        execution: execution(workflow_id, run_id),
    };
    Ok(client
        .workflow_service()
        .await?
        .describe_workflow_execution(Request::new(request))
        .await
        .map_err(rpc_error)?
        .into_inner())
}

/// The snake_case name of a workflow execution status.
pub fn status_name(status: i32) -> Value {
    WorkflowExecutionStatus::try_from(status)
        .ok()
        .filter(|s| *s != WorkflowExecutionStatus::Unspecified)
        .map(|s| failure::enum_name(s.as_str_name(), "WORKFLOW_EXECUTION_STATUS_").into())
        .unwrap_or(Value::Null)
}

fn execution_json(e: Option<&WorkflowExecution>) -> Value {
    e.filter(|e| !e.workflow_id.is_empty())
        .map(|e| json!({ "workflow_id": e.workflow_id, "run_id": e.run_id }))
        .unwrap_or(Value::Null)
}

/// `tc_workflow_describe` -> the execution's description (see docs/JSON.md).
pub async fn describe(client: &Client, req: ExecutionRef) -> Result<Value> {
    let d = describe_raw(client, &req.workflow_id, &req.run_id).await?;
    let info = d.workflow_execution_info.unwrap_or_default();
    let config = d.execution_config.unwrap_or_default();
    let ext = d.workflow_extended_info.unwrap_or_default();
    let exec = info.execution.clone().unwrap_or_default();
    let meta = config.user_metadata.unwrap_or_default();
    let text = |p: Option<&common::Payload>| p.map(payload::decode).unwrap_or(Value::Null);
    let pending_activities: Vec<Value> = d
        .pending_activities
        .iter()
        .map(|a| {
            json!({
                "activity_id": a.activity_id,
                "activity_type": a.activity_type.as_ref().map(|t| t.name.clone()),
                "attempt": a.attempt,
                "paused": a.paused,
                "heartbeat_details": payload::decode_all(a.heartbeat_details.as_ref()),
                "last_failure": a.last_failure.as_ref().map(failure::to_json),
            })
        })
        .collect();
    Ok(json!({
        "workflow_id": exec.workflow_id,
        "run_id": exec.run_id,
        "workflow_type": info.r#type.map(|t| t.name),
        "task_queue": info.task_queue,
        "status": status_name(info.status),
        "start_time": time::proto_to_json(info.start_time.as_ref()),
        "execution_time": time::proto_to_json(info.execution_time.as_ref()),
        "close_time": time::proto_to_json(info.close_time.as_ref()),
        "history_length": info.history_length,
        "history_size_bytes": info.history_size_bytes,
        "execution_timeout": duration::proto_to_seconds(config.workflow_execution_timeout.as_ref()),
        "run_timeout": duration::proto_to_seconds(config.workflow_run_timeout.as_ref()),
        "task_timeout": duration::proto_to_seconds(config.default_workflow_task_timeout.as_ref()),
        "memo": info.memo.as_ref().map(|m| payload::decode_map(&m.fields)).unwrap_or_else(|| json!({})),
        "search_attributes": search_attributes::decode(info.search_attributes.as_ref()),
        "parent": execution_json(info.parent_execution.as_ref()),
        "root": execution_json(info.root_execution.as_ref()),
        "first_run_id": info.first_run_id,
        "static_summary": text(meta.summary.as_ref()),
        "static_details": text(meta.details.as_ref()),
        "priority": info.priority.map(|p| json!({
            "priority_key": p.priority_key,
            "fairness_key": p.fairness_key,
            "fairness_weight": p.fairness_weight,
        })),
        "cancel_requested": ext.cancel_requested,
        "paused": ext.pause_info.is_some(),
        "pending_workflow_task": d.pending_workflow_task.is_some(),
        "pending_activities": pending_activities,
        "pending_children": d.pending_children.len(),
    }))
}

/// `tc_workflow_signal` -> `{}`.
pub async fn signal(client: &Client, req: Signal) -> Result<Value> {
    let request = SignalWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        workflow_execution: execution(&req.workflow_id, &req.run_id),
        signal_name: req.signal_name,
        input: payload::encode_all(&req.args)?,
        identity: client.identity().to_owned(),
        request_id: request_id(&req.request_id),
        header: req
            .headers
            .as_ref()
            .map(payload::encode_header)
            .transpose()?,
        ..Default::default()
    };
    client
        .workflow_service()
        .await?
        .signal_workflow_execution(Request::new(request))
        .await
        .map_err(rpc_error)?;
    Ok(json!({}))
}

/// `tc_workflow_query` -> `{result}`, or `query_failed` / `query_rejected`.
pub async fn query(client: &Client, req: Query) -> Result<Value> {
    let condition = match req.reject_condition {
        None | Some(QueryRejectCondition::None) => ProtoRejectCondition::None,
        Some(QueryRejectCondition::NotOpen) => ProtoRejectCondition::NotOpen,
        Some(QueryRejectCondition::NotCompletedCleanly) => {
            ProtoRejectCondition::NotCompletedCleanly
        }
    };
    let request = QueryWorkflowRequest {
        namespace: client.namespace().to_owned(),
        execution: execution(&req.workflow_id, &req.run_id),
        query: Some(WorkflowQuery {
            query_type: req.query_type,
            query_args: payload::encode_all(&req.args)?,
            header: req
                .headers
                .as_ref()
                .map(payload::encode_header)
                .transpose()?,
        }),
        query_reject_condition: condition as i32,
    };
    let resp = client
        .workflow_service()
        .await?
        .query_workflow(Request::new(request))
        .await
        .map_err(|s| {
            let err = rpc_error(s);
            // Workers report handler failures (unknown query type included)
            // as INVALID_ARGUMENT, with or without the QueryFailed detail.
            if err.code() == ErrorCode::InvalidArgument {
                let mut e = Error::new(ErrorCode::QueryFailed, err.message().to_owned());
                for key in ["grpc_code", "grpc_status", "failure"] {
                    if let Some(v) = err.field(key) {
                        e = e.with(key, v.clone());
                    }
                }
                e
            } else {
                err
            }
        })?
        .into_inner();
    if let Some(rejected) = resp.query_rejected {
        return Err(Error::new(ErrorCode::QueryRejected, "query rejected")
            .with("status", status_name(rejected.status)));
    }
    Ok(json!({ "result": payload::decode_first(resp.query_result.as_ref()) }))
}

/// `tc_workflow_cancel` -> `{}`.
pub async fn cancel(client: &Client, req: Cancel) -> Result<Value> {
    let request = RequestCancelWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        workflow_execution: execution(&req.workflow_id, &req.run_id),
        identity: client.identity().to_owned(),
        request_id: request_id(&req.request_id),
        first_execution_run_id: req.first_execution_run_id.unwrap_or_default(),
        reason: req.reason.unwrap_or_default(),
        ..Default::default()
    };
    client
        .workflow_service()
        .await?
        .request_cancel_workflow_execution(Request::new(request))
        .await
        .map_err(rpc_error)?;
    Ok(json!({}))
}

/// `tc_workflow_terminate` -> `{}`.
pub async fn terminate(client: &Client, req: Terminate) -> Result<Value> {
    let request = TerminateWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        workflow_execution: execution(&req.workflow_id, &req.run_id),
        reason: req.reason.unwrap_or_default(),
        details: payload::encode_all(&req.details)?,
        identity: client.identity().to_owned(),
        first_execution_run_id: req.first_execution_run_id.unwrap_or_default(),
        ..Default::default()
    };
    client
        .workflow_service()
        .await?
        .terminate_workflow_execution(Request::new(request))
        .await
        .map_err(rpc_error)?;
    Ok(json!({}))
}
