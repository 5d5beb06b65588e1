//! Requests of delete, pause, unpause and reset.

use serde::Deserialize;

/// `tc_workflow_delete`: purges one execution and its history.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delete {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
}

/// `tc_workflow_pause` and `tc_workflow_unpause`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pause {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// Reason recorded with the pause.
    pub reason: Option<String>,
    /// Idempotency key; a UUID when omitted.
    pub request_id: Option<String>,
}

/// Where `tc_workflow_reset` rewinds to.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ResetTarget {
    /// The last completed workflow task.
    LastWorkflowTask,
    /// The first workflow task.
    FirstWorkflowTask,
}

/// `tc_workflow_reset`: starts a new run from a point of the history.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reset {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// The id of a WorkflowTaskCompleted (or started/failed) event to reset to.
    pub event_id: Option<i64>,
    /// Reset to the first or last workflow task instead of an event id.
    pub to: Option<ResetTarget>,
    /// Reason recorded in history.
    pub reason: Option<String>,
    /// Idempotency key; a UUID when omitted.
    pub request_id: Option<String>,
}
