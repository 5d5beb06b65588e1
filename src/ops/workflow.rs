//! Workflow operations: start, signal-with-start, describe, signal, query,
//! cancel, terminate (the result wait is in [`super::result_wait`]).

use super::{request_id, rpc_error};
use crate::client::Client;
use crate::convert::{duration, failure, payload, search_attributes};
use crate::error::{Error, ErrorCode, Result};
use crate::model::responses::{
    ExecutionIds, PendingActivity, Priority, QueryResult, Started, WorkflowDescription,
};
use crate::model::workflow::{
    Cancel, ExecutionRef, IdConflictPolicy, IdReusePolicy, Query, QueryRejectCondition,
    RetryPolicy, Signal, SignalWithStart, StartWorkflow, Terminate,
};
use crate::model::Empty;
use crate::ops::unary;
use serde_json::Value;
use temporalio_protos::temporal::api::{
    common::v1::{self as common, WorkflowExecution, WorkflowType},
    enums::v1::{
        QueryRejectCondition as ProtoRejectCondition, TaskQueueKind, WorkflowExecutionStatus,
        WorkflowIdConflictPolicy, WorkflowIdReusePolicy,
    },
    query::v1::WorkflowQuery,
    sdk::v1::UserMetadata,
    taskqueue::v1::TaskQueue,
    workflowservice::v1::{
        DescribeWorkflowExecutionRequest, DescribeWorkflowExecutionResponse, QueryWorkflowRequest,
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
        memo: payload::encode_memo(&s.memo)?,
        search_attributes: search_attributes::encode(&s.search_attributes)?,
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
pub async fn start(client: &Client, req: StartWorkflow) -> Result<Started> {
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
    Ok(Started {
        workflow_id,
        run_id: resp.run_id,
        started: resp.started,
    })
}

/// `tc_workflow_signal_with_start` -> `{workflow_id, run_id}`.
pub async fn signal_with_start(client: &Client, req: SignalWithStart) -> Result<Started> {
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
    Ok(Started {
        workflow_id: s.workflow_id,
        run_id: resp.run_id,
        started: resp.started,
    })
}

/// `DescribeWorkflowExecution` of `workflow_id` (the latest run unless
/// `run_id`).
pub(crate) async fn describe_raw(
    client: &Client,
    workflow_id: &str,
    run_id: &Option<String>,
) -> Result<DescribeWorkflowExecutionResponse> {
    let request = DescribeWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        execution: execution(workflow_id, run_id),
    };
    Ok(unary!(client, describe_workflow_execution, request))
}

/// The snake_case name of a workflow execution status; `None` when unspecified.
pub fn status_str(status: i32) -> Option<String> {
    WorkflowExecutionStatus::try_from(status)
        .ok()
        .filter(|s| *s != WorkflowExecutionStatus::Unspecified)
        .map(|s| failure::enum_name(s.as_str_name(), "WORKFLOW_EXECUTION_STATUS_"))
}

/// [`status_str`] as a JSON value (null when unspecified).
pub fn status_name(status: i32) -> Value {
    status_str(status).map_or(Value::Null, Value::from)
}

/// The ids of a related execution (parent, root); `None` when there is none.
pub(crate) fn execution_ids(e: Option<&WorkflowExecution>) -> Option<ExecutionIds> {
    e.filter(|e| !e.workflow_id.is_empty())
        .map(|e| ExecutionIds {
            workflow_id: e.workflow_id.clone(),
            run_id: e.run_id.clone(),
        })
}

/// A memo as an object of payload values (`{}` when absent).
pub(crate) fn memo(memo: Option<&common::Memo>) -> Value {
    memo.map(|m| payload::decode_map(&m.fields))
        .unwrap_or_else(|| Value::Object(Default::default()))
}

/// `tc_workflow_describe` -> the execution's description (see docs/JSON.md).
pub async fn describe(client: &Client, req: ExecutionRef) -> Result<WorkflowDescription> {
    let d = describe_raw(client, &req.workflow_id, &req.run_id).await?;
    let info = d.workflow_execution_info.unwrap_or_default();
    let config = d.execution_config.unwrap_or_default();
    let ext = d.workflow_extended_info.unwrap_or_default();
    let meta = config.user_metadata.unwrap_or_default();
    let text = |p: Option<&common::Payload>| p.map(payload::decode).unwrap_or(Value::Null);
    let pending_activities = d
        .pending_activities
        .iter()
        .map(|a| PendingActivity {
            activity_id: a.activity_id.clone(),
            activity_type: a.activity_type.as_ref().map(|t| t.name.clone()),
            attempt: a.attempt,
            paused: a.paused,
            heartbeat_details: payload::decode_all(a.heartbeat_details.as_ref()),
            last_failure: a.last_failure.as_ref().map(failure::to_json),
        })
        .collect();
    Ok(WorkflowDescription {
        execution: super::visibility::execution_row(&info),
        history_size_bytes: info.history_size_bytes,
        execution_timeout: duration::proto_seconds(config.workflow_execution_timeout.as_ref()),
        run_timeout: duration::proto_seconds(config.workflow_run_timeout.as_ref()),
        task_timeout: duration::proto_seconds(config.default_workflow_task_timeout.as_ref()),
        root: execution_ids(info.root_execution.as_ref()),
        first_run_id: info.first_run_id,
        static_summary: text(meta.summary.as_ref()),
        static_details: text(meta.details.as_ref()),
        priority: info.priority.map(|p| Priority {
            priority_key: p.priority_key,
            fairness_key: p.fairness_key,
            fairness_weight: p.fairness_weight,
        }),
        cancel_requested: ext.cancel_requested,
        paused: ext.pause_info.is_some(),
        pending_workflow_task: d.pending_workflow_task.is_some(),
        pending_activities,
        pending_children: d.pending_children.len(),
    })
}

/// `tc_workflow_signal` -> `{}`.
pub async fn signal(client: &Client, req: Signal) -> Result<Empty> {
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
    unary!(client, signal_workflow_execution, request);
    Ok(Empty {})
}

/// `tc_workflow_query` -> `{result}`, or `query_failed` / `query_rejected`.
pub async fn query(client: &Client, req: Query) -> Result<QueryResult> {
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
    Ok(QueryResult {
        result: payload::decode_first(resp.query_result.as_ref()),
    })
}

/// `tc_workflow_cancel` -> `{}`.
pub async fn cancel(client: &Client, req: Cancel) -> Result<Empty> {
    let request = RequestCancelWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        workflow_execution: execution(&req.workflow_id, &req.run_id),
        identity: client.identity().to_owned(),
        request_id: request_id(&req.request_id),
        first_execution_run_id: req.first_execution_run_id.unwrap_or_default(),
        reason: req.reason.unwrap_or_default(),
        ..Default::default()
    };
    unary!(client, request_cancel_workflow_execution, request);
    Ok(Empty {})
}

/// `tc_workflow_terminate` -> `{}`.
pub async fn terminate(client: &Client, req: Terminate) -> Result<Empty> {
    let request = TerminateWorkflowExecutionRequest {
        namespace: client.namespace().to_owned(),
        workflow_execution: execution(&req.workflow_id, &req.run_id),
        reason: req.reason.unwrap_or_default(),
        details: payload::encode_all(&req.details)?,
        identity: client.identity().to_owned(),
        first_execution_run_id: req.first_execution_run_id.unwrap_or_default(),
        ..Default::default()
    };
    unary!(client, terminate_workflow_execution, request);
    Ok(Empty {})
}
