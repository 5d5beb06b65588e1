//! Requests of delete, pause, unpause and reset.

use super::validate::{invalid_at, key, non_empty, non_empty_if_given, run_id, Validate};
use crate::error::Result;
use serde::Deserialize;

/// `tc_workflow_delete`: purges one execution and its history.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Delete {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
}

/// `tc_workflow_pause` and `tc_workflow_unpause`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResetTarget {
    /// The last completed workflow task.
    LastWorkflowTask,
    /// The first workflow task.
    FirstWorkflowTask,
}

/// `tc_workflow_reset`: starts a new run from a point of the history.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
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

impl Validate for Delete {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "workflow_id", &self.workflow_id)?;
        run_id(at, "run_id", &self.run_id)
    }
}

impl Validate for Pause {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "workflow_id", &self.workflow_id)?;
        run_id(at, "run_id", &self.run_id)?;
        non_empty_if_given(at, "request_id", &self.request_id)
    }
}

impl Validate for Reset {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "workflow_id", &self.workflow_id)?;
        run_id(at, "run_id", &self.run_id)?;
        non_empty_if_given(at, "request_id", &self.request_id)?;
        match (self.event_id, self.to) {
            (Some(id), None) if id <= 0 => Err(invalid_at(
                key(at, "event_id"),
                format!("{id} must be positive"),
            )),
            (Some(_), None) | (None, Some(_)) => Ok(()),
            _ => Err(invalid_at(
                key(at, "event_id"),
                "give exactly one of event_id and to",
            )),
        }
    }
}
