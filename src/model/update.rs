//! Requests of the update operations (`tc_workflow_update`,
//! `tc_workflow_start_update`, `tc_workflow_update_result`,
//! `tc_workflow_update_with_start`).

use super::workflow::StartWorkflow;
use serde::Deserialize;
use serde_json::{Map, Value};

/// How long `tc_workflow_start_update` waits before answering.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum WaitForStage {
    /// Until the worker accepted (validated) the update.
    #[default]
    Accepted,
    /// Until the update completed.
    Completed,
}

/// `tc_workflow_update` and `tc_workflow_start_update`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Update {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// Only act if the chain started with this run.
    pub first_execution_run_id: Option<String>,
    /// Update handler name.
    pub update_name: String,
    /// Arguments (JSON values).
    #[serde(default)]
    pub args: Vec<Value>,
    /// Idempotency id of the update; a UUID when omitted.
    pub update_id: Option<String>,
    /// Update headers (JSON values).
    pub headers: Option<Map<String, Value>>,
    /// Stage to wait for (start_update only; `tc_workflow_update` waits for completion).
    pub wait_for_stage: Option<WaitForStage>,
}

/// `tc_workflow_update_result`: waits for an update's outcome.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateResult {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// The update's id.
    pub update_id: String,
}

/// `tc_workflow_update_with_start`: the start keys (whose `args` are the
/// workflow's) plus the update keys below.
#[derive(Debug, Clone)]
pub struct UpdateWithStart {
    /// Start options (`id_conflict_policy` is required).
    pub start: StartWorkflow,
    /// The update.
    pub update: StartingUpdate,
}

/// The update part of [`UpdateWithStart`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartingUpdate {
    /// Update handler name.
    pub update_name: String,
    /// Update arguments (JSON values).
    #[serde(default)]
    pub update_args: Vec<Value>,
    /// Idempotency id of the update; a UUID when omitted.
    pub update_id: Option<String>,
    /// Update headers (JSON values).
    pub update_headers: Option<Map<String, Value>>,
    /// Stage to wait for; `completed` when omitted.
    pub wait_for_stage: Option<WaitForStage>,
}

impl<'de> Deserialize<'de> for UpdateWithStart {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (start, update) = super::split_object(
            d,
            &[
                "update_name",
                "update_args",
                "update_id",
                "update_headers",
                "wait_for_stage",
            ],
        )?;
        Ok(UpdateWithStart { start, update })
    }
}
