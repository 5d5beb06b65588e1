//! The responses of the workflow, visibility, history, update, activity,
//! Durable Task and service operations (docs/JSON.md). Each is serialized
//! by the ffi layer as the callback's JSON; field order is key order.
//!
//! Fields typed [`Value`] carry converted user data: payload values,
//! decoded failures, memo and search attributes.

pub use super::Empty;
use crate::convert::duration::Seconds;
use serde::Serialize;
use serde_json::Value;

/// The ids of one workflow execution (a parent or root run).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExecutionIds {
    /// The workflow id.
    pub workflow_id: String,
    /// The run id.
    pub run_id: String,
}

/// `tc_workflow_start`, `tc_workflow_signal_with_start`: the run.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Started {
    /// The workflow id (generated when the request had none).
    pub workflow_id: String,
    /// The run that was started, or the running one that was reused.
    pub run_id: String,
    /// Whether a new run was started (false when an existing run was used).
    pub started: bool,
}

/// `tc_workflow_result`: the value the run completed with.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowResult {
    /// The workflow's return value (null when it returned nothing).
    pub result: Value,
    /// The run that produced it (the last one when following runs).
    pub run_id: String,
}

/// `tc_workflow_query`: the query handler's answer.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QueryResult {
    /// The value the handler returned.
    pub result: Value,
}

/// A workflow's scheduling priority.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "PriorityInfo")]
pub struct Priority {
    /// Priority key (1 is highest; 0 means the default).
    pub priority_key: i32,
    /// Fairness key.
    pub fairness_key: String,
    /// Fairness weight.
    pub fairness_weight: f32,
}

/// An activity of a running workflow that has not finished.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PendingActivity {
    /// The activity id.
    pub activity_id: String,
    /// The activity type.
    pub activity_type: Option<String>,
    /// The current attempt (1 for the first).
    pub attempt: i32,
    /// Whether the activity is paused.
    pub paused: bool,
    /// The details of its last heartbeat (payload values).
    pub heartbeat_details: Vec<Value>,
    /// The failure of its last attempt, decoded.
    pub last_failure: Option<Value>,
}

/// `tc_workflow_describe` (and `tc_workflow_wait_for_start`): one execution:
/// the keys of its listing row plus its configuration and pending work.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowDescription {
    /// The listing row's keys.
    #[serde(flatten)]
    pub execution: ExecutionRow,
    /// Size of its history in bytes.
    pub history_size_bytes: i64,
    /// Execution timeout in seconds; null when unlimited.
    pub execution_timeout: Option<Seconds>,
    /// Run timeout in seconds; null when unlimited.
    pub run_timeout: Option<Seconds>,
    /// Workflow task timeout in seconds.
    pub task_timeout: Option<Seconds>,
    /// The root run of a child workflow chain.
    pub root: Option<ExecutionIds>,
    /// The first run of its continue-as-new chain.
    pub first_run_id: String,
    /// The static summary given at start (a payload value).
    pub static_summary: Value,
    /// The static details given at start (a payload value).
    pub static_details: Value,
    /// Its priority, when set.
    pub priority: Option<Priority>,
    /// Whether cancellation was requested.
    pub cancel_requested: bool,
    /// Whether it is paused.
    pub paused: bool,
    /// Whether a workflow task is scheduled or running.
    pub pending_workflow_task: bool,
    /// Activities not finished yet.
    pub pending_activities: Vec<PendingActivity>,
    /// The number of child workflows not finished yet.
    pub pending_children: usize,
}

/// One row of a listing (`tc_workflow_list`, `tc_workflow_query_instances`).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExecutionRow {
    /// The workflow id.
    pub workflow_id: String,
    /// The run id.
    pub run_id: String,
    /// The workflow type.
    pub workflow_type: Option<String>,
    /// The task queue.
    pub task_queue: String,
    /// `running`, `completed`, `failed`, `canceled`, `terminated`,
    /// `continued_as_new`, `timed_out` or `paused`.
    pub status: Option<String>,
    /// When the run started (RFC 3339).
    pub start_time: Option<String>,
    /// When it began executing (after a start delay or cron wait).
    pub execution_time: Option<String>,
    /// When it closed; null while running.
    pub close_time: Option<String>,
    /// Events in its history.
    pub history_length: i64,
    /// Memo: an object of payload values.
    pub memo: Value,
    /// Search attributes: an object of typed values.
    pub search_attributes: Value,
    /// The parent run of a child workflow.
    pub parent: Option<ExecutionIds>,
}

/// `tc_workflow_list`: one page of executions.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowPage {
    /// The executions on this page.
    pub executions: Vec<ExecutionRow>,
    /// The token of the next page (base64); null on the last page.
    pub next_page_token: Option<String>,
}

/// One group of a `GROUP BY` count.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountGroup {
    /// The grouped values (for example `["Running"]`).
    pub values: Vec<Value>,
    /// Executions in the group.
    pub count: i64,
}

/// `tc_workflow_count`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowCount {
    /// Executions matching the query.
    pub count: i64,
    /// The groups of a `GROUP BY` query; empty otherwise.
    pub groups: Vec<CountGroup>,
}

/// `tc_workflow_fetch_history`: one page of events.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryPage {
    /// History events in proto3 JSON.
    pub events: Vec<Value>,
    /// The token of the next page (base64); null on the last page.
    pub next_page_token: Option<String>,
}

/// `tc_workflow_export_history`: a whole history.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// Every history event in proto3 JSON, in order.
    pub events: Vec<Value>,
}

/// `tc_workflow_query_instances`: one page of executions by filter.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstancePage {
    /// The executions on this page.
    pub instances: Vec<ExecutionRow>,
    /// The token of the next page (base64); null on the last page.
    pub next_page_token: Option<String>,
    /// The same token under its Durable Task name.
    pub continuation_token: Option<String>,
    /// The visibility query the filter became.
    pub query: String,
}

/// `tc_workflow_purge_instances`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purged {
    /// Executions deleted.
    pub purged_count: u64,
}

/// `tc_workflow_wait_for_completion`: how a run ended, never an error.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Completion {
    /// The workflow id.
    pub workflow_id: String,
    /// The run that closed.
    pub run_id: String,
    /// The workflow type.
    pub workflow_type: Option<String>,
    /// `completed`, `failed`, `canceled`, `terminated` or `timed_out`.
    pub status: &'static str,
    /// When the run started.
    pub created_at: Option<String>,
    /// When it closed.
    pub last_updated_at: Option<String>,
    /// Why it did not complete (a decoded failure), else null.
    pub failure: Value,
    /// Its arguments; only with `get_inputs_and_outputs`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<Vec<Value>>,
    /// Its result (null unless completed); only with `get_inputs_and_outputs`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<Value>,
}

/// `tc_workflow_start_update`, `tc_workflow_update`,
/// `tc_workflow_update_result`: an update and, once completed, its result.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateOutcome {
    /// The update id.
    pub update_id: String,
    /// The handler's return value; absent until the update has completed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
}

/// `tc_workflow_update_with_start`: the run and the update.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct UpdateWithStartOutcome {
    /// The workflow id.
    pub workflow_id: String,
    /// The run the update went to.
    pub run_id: String,
    /// Whether a new run was started.
    pub started: bool,
    /// The update.
    #[serde(flatten)]
    pub update: UpdateOutcome,
}

/// `tc_workflow_reset`: the new run.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetRun {
    /// The run that the reset started.
    pub run_id: String,
}

/// `tc_activity_heartbeat`: what the server asks of the activity.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HeartbeatReply {
    /// Whether cancellation of the activity was requested.
    pub cancel_requested: bool,
    /// Whether the activity was paused.
    pub paused: bool,
    /// Whether the activity was reset.
    pub reset: bool,
}

/// `tc_client_rpc`: the method's response message as canonical proto3 JSON.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct RpcResponse(pub serde_json::Map<String, Value>);

/// The server's feature flags (`GetSystemInfo`).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capabilities {
    /// Signals and queries carry headers.
    pub signal_and_query_header: bool,
    /// Internal errors are told apart from others.
    pub internal_error_differentiation: bool,
    /// Activity failures include the last heartbeat.
    pub activity_failure_include_heartbeat: bool,
    /// Schedules are supported.
    pub supports_schedules: bool,
    /// Failure attributes may be encoded.
    pub encoded_failure_attributes: bool,
    /// Build-id based versioning is supported.
    pub build_id_based_versioning: bool,
    /// Memos can be upserted.
    pub upsert_memo: bool,
    /// Eager workflow start is supported.
    pub eager_workflow_start: bool,
    /// SDK metadata is recorded.
    pub sdk_metadata: bool,
    /// Counting can group by execution status.
    pub count_group_by_execution_status: bool,
    /// Nexus is supported.
    pub nexus: bool,
}

/// `tc_client_system_info`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SystemInfo {
    /// The server's version.
    pub server_version: String,
    /// Its capabilities, when it reports them.
    pub capabilities: Option<Capabilities>,
}

/// The success response of `tc_client_connect`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Connected {
    /// The server address.
    pub address: String,
    /// The namespace every call uses.
    pub namespace: String,
    /// The identity sent with every call.
    pub identity: String,
    /// The server's version and capabilities; null for a lazy client.
    pub system_info: Option<SystemInfo>,
}
