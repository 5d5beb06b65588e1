//! Requests of the workflow operations (`tc_workflow_*`).

use super::validate::{
    finite_f32, invalid_at, key, non_empty, non_empty_if_given, payload_map, payloads, run_id,
    search_attributes, Validate,
};
use crate::convert::{duration::JsonDuration, search_attributes::TypedValue};
use crate::error::Result;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// What happens when a workflow id was used by a closed run.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IdReusePolicy {
    /// A new run may start after any closed run.
    AllowDuplicate,
    /// A new run may start only after a failed, cancelled, terminated or timed-out run.
    AllowDuplicateFailedOnly,
    /// The id may never be reused.
    RejectDuplicate,
    /// Terminate a running run and start a new one.
    TerminateIfRunning,
}

/// What happens when a run with the id is still open.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IdConflictPolicy {
    /// Fail with `already_started`.
    Fail,
    /// Return the running run instead of starting one.
    UseExisting,
    /// Terminate the running run and start a new one.
    TerminateExisting,
}

/// Workflow retry policy.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetryPolicy {
    /// First retry delay.
    pub initial_interval: Option<JsonDuration>,
    /// Delay multiplier.
    pub backoff_coefficient: Option<f64>,
    /// Largest delay.
    pub maximum_interval: Option<JsonDuration>,
    /// Attempts including the first; 0 means unlimited.
    pub maximum_attempts: Option<i32>,
    /// Application failure types that are never retried.
    #[serde(default)]
    pub non_retryable_error_types: Vec<String>,
}

/// Task priority.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    /// 1 (highest) to N; 0 means the default.
    pub priority_key: Option<i32>,
    /// Fairness key.
    pub fairness_key: Option<String>,
    /// Fairness weight.
    pub fairness_weight: Option<f32>,
}

/// The start options shared by start, signal-with-start and update-with-start.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StartWorkflow {
    /// Workflow type name.
    pub workflow_type: String,
    /// Task queue of the workers.
    pub task_queue: String,
    /// Workflow id; a UUID when omitted.
    pub id: Option<String>,
    /// Arguments (JSON values).
    #[serde(default)]
    pub args: Vec<Value>,
    /// Timeout of the whole execution including retries and continue-as-new.
    pub execution_timeout: Option<JsonDuration>,
    /// Timeout of one run.
    pub run_timeout: Option<JsonDuration>,
    /// Timeout of one workflow task.
    pub task_timeout: Option<JsonDuration>,
    /// Id reuse policy.
    pub id_reuse_policy: Option<IdReusePolicy>,
    /// Id conflict policy.
    pub id_conflict_policy: Option<IdConflictPolicy>,
    /// Retry policy of the workflow.
    pub retry_policy: Option<RetryPolicy>,
    /// Cron schedule.
    pub cron_schedule: Option<String>,
    /// Memo (JSON values).
    pub memo: Option<Map<String, Value>>,
    /// Typed search attributes.
    pub search_attributes: Option<HashMap<String, TypedValue>>,
    /// Delay before the first workflow task.
    pub start_delay: Option<JsonDuration>,
    /// Single-line summary shown in the UI.
    pub static_summary: Option<String>,
    /// Multi-line details shown in the UI.
    pub static_details: Option<String>,
    /// Task priority.
    pub priority: Option<Priority>,
    /// Workflow headers (JSON values), for context propagation.
    pub headers: Option<Map<String, Value>>,
    /// Idempotency key of the start request; a UUID when omitted.
    pub request_id: Option<String>,
}

/// `tc_workflow_signal_with_start`: the start keys plus the signal.
#[derive(Debug, Clone)]
pub struct SignalWithStart {
    /// Start options.
    pub start: StartWorkflow,
    /// The signal to deliver.
    pub signal: StartSignal,
}

/// The signal part of [`SignalWithStart`].
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StartSignal {
    /// Signal name.
    pub signal_name: String,
    /// Signal arguments.
    #[serde(default)]
    pub signal_args: Vec<Value>,
}

impl<'de> Deserialize<'de> for SignalWithStart {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (start, signal) = super::split_object(d, &["signal_name", "signal_args"])?;
        Ok(SignalWithStart { start, signal })
    }
}

/// Identifies a workflow execution; `run_id` absent means the latest run.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExecutionRef {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
}

/// `tc_workflow_result`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetResult {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id to start from; the latest run when omitted.
    pub run_id: Option<String>,
    /// Follow continue-as-new, retries and cron runs to the final result (default true).
    #[serde(default = "super::default_true")]
    pub follow_runs: bool,
}

/// `tc_workflow_signal`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// Signal name.
    pub signal_name: String,
    /// Signal arguments.
    #[serde(default)]
    pub args: Vec<Value>,
    /// Signal headers (JSON values).
    pub headers: Option<Map<String, Value>>,
    /// Idempotency key; a UUID when omitted.
    pub request_id: Option<String>,
}

/// When a query is rejected instead of answered.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QueryRejectCondition {
    /// Never reject.
    None,
    /// Reject when the workflow is closed.
    NotOpen,
    /// Reject unless the workflow is open or completed successfully.
    NotCompletedCleanly,
}

/// `tc_workflow_query`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// Query name.
    pub query_type: String,
    /// Query arguments.
    #[serde(default)]
    pub args: Vec<Value>,
    /// Reject condition; default `none`.
    pub reject_condition: Option<QueryRejectCondition>,
    /// Query headers (JSON values).
    pub headers: Option<Map<String, Value>>,
}

/// `tc_workflow_cancel`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cancel {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// Reason recorded in history.
    pub reason: Option<String>,
    /// Only act if the chain started with this run.
    pub first_execution_run_id: Option<String>,
    /// Idempotency key; a UUID when omitted.
    pub request_id: Option<String>,
}

/// `tc_workflow_terminate`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Terminate {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// Reason recorded in history.
    pub reason: Option<String>,
    /// Details (JSON values) recorded in history.
    #[serde(default)]
    pub details: Vec<Value>,
    /// Only act if the chain started with this run.
    pub first_execution_run_id: Option<String>,
}

impl Validate for RetryPolicy {
    fn validate_at(&self, at: &str) -> Result<()> {
        if let Some(n) = self.maximum_attempts.filter(|n| *n < 0) {
            return Err(invalid_at(
                key(at, "maximum_attempts"),
                format!("{n} must not be negative (0 means unlimited)"),
            ));
        }
        if let Some(c) = self
            .backoff_coefficient
            .filter(|c| !c.is_finite() || (*c != 0.0 && *c < 1.0))
        {
            return Err(invalid_at(
                key(at, "backoff_coefficient"),
                format!("{c} must be at least 1 (0 means the default)"),
            ));
        }
        if let (Some(initial), Some(max)) = (self.initial_interval, self.maximum_interval) {
            if !max.0.is_zero() && max.0 < initial.0 {
                return Err(invalid_at(
                    key(at, "maximum_interval"),
                    "must not be less than initial_interval",
                ));
            }
        }
        Ok(())
    }
}

impl Validate for Priority {
    fn validate_at(&self, at: &str) -> Result<()> {
        if let Some(n) = self.priority_key.filter(|n| *n < 0) {
            return Err(invalid_at(
                key(at, "priority_key"),
                format!("{n} must not be negative (0 means the default)"),
            ));
        }
        finite_f32(at, "fairness_weight", self.fairness_weight)
    }
}

impl Validate for StartWorkflow {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "workflow_type", &self.workflow_type)?;
        non_empty(at, "task_queue", &self.task_queue)?;
        non_empty_if_given(at, "id", &self.id)?;
        non_empty_if_given(at, "request_id", &self.request_id)?;
        // Combinations the server refuses.
        if self.id_reuse_policy == Some(IdReusePolicy::TerminateIfRunning)
            && self.id_conflict_policy.is_some()
        {
            return Err(invalid_at(
                key(at, "id_reuse_policy"),
                "terminate_if_running cannot be combined with id_conflict_policy",
            ));
        }
        if self.cron_schedule.is_some() && self.start_delay.is_some() {
            return Err(invalid_at(
                key(at, "start_delay"),
                "cannot be combined with cron_schedule",
            ));
        }
        payloads(at, "args", &self.args)?;
        self.retry_policy.validate_at(&key(at, "retry_policy"))?;
        self.priority.validate_at(&key(at, "priority"))?;
        payload_map(at, "memo", &self.memo)?;
        payload_map(at, "headers", &self.headers)?;
        search_attributes(at, "search_attributes", &self.search_attributes)
    }
}

impl Validate for SignalWithStart {
    fn validate_at(&self, at: &str) -> Result<()> {
        self.start.validate_at(at)?;
        non_empty(at, "signal_name", &self.signal.signal_name)?;
        payloads(at, "signal_args", &self.signal.signal_args)
    }
}

/// A workflow id (required, non-empty) and optional run id.
fn execution(at: &str, workflow_id: &str, run: &Option<String>) -> Result<()> {
    non_empty(at, "workflow_id", workflow_id)?;
    run_id(at, "run_id", run)
}

impl Validate for ExecutionRef {
    fn validate_at(&self, at: &str) -> Result<()> {
        execution(at, &self.workflow_id, &self.run_id)
    }
}

impl Validate for GetResult {
    fn validate_at(&self, at: &str) -> Result<()> {
        execution(at, &self.workflow_id, &self.run_id)
    }
}

impl Validate for Signal {
    fn validate_at(&self, at: &str) -> Result<()> {
        execution(at, &self.workflow_id, &self.run_id)?;
        non_empty(at, "signal_name", &self.signal_name)?;
        non_empty_if_given(at, "request_id", &self.request_id)?;
        payloads(at, "args", &self.args)?;
        payload_map(at, "headers", &self.headers)
    }
}

impl Validate for Query {
    fn validate_at(&self, at: &str) -> Result<()> {
        execution(at, &self.workflow_id, &self.run_id)?;
        non_empty(at, "query_type", &self.query_type)?;
        payloads(at, "args", &self.args)?;
        payload_map(at, "headers", &self.headers)
    }
}

impl Validate for Cancel {
    fn validate_at(&self, at: &str) -> Result<()> {
        execution(at, &self.workflow_id, &self.run_id)?;
        run_id(at, "first_execution_run_id", &self.first_execution_run_id)?;
        non_empty_if_given(at, "request_id", &self.request_id)
    }
}

impl Validate for Terminate {
    fn validate_at(&self, at: &str) -> Result<()> {
        execution(at, &self.workflow_id, &self.run_id)?;
        run_id(at, "first_execution_run_id", &self.first_execution_run_id)?;
        payloads(at, "details", &self.details)
    }
}
