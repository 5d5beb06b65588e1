//! Requests of the update operations (`tc_workflow_update`,
//! `tc_workflow_start_update`, `tc_workflow_update_result`,
//! `tc_workflow_update_with_start`).

use super::validate::{
    invalid_at, key, non_empty, non_empty_if_given, payload_map, payloads, run_id, Validate,
};
use super::workflow::StartWorkflow;
use crate::error::Result;
use serde::Deserialize;
use serde_json::{Map, Value};

/// How long `tc_workflow_start_update` waits before answering.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WaitForStage {
    /// Until the worker accepted (validated) the update.
    #[default]
    Accepted,
    /// Until the update completed.
    Completed,
}

/// `tc_workflow_update` and `tc_workflow_start_update`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
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

impl Validate for Update {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "workflow_id", &self.workflow_id)?;
        run_id(at, "run_id", &self.run_id)?;
        run_id(at, "first_execution_run_id", &self.first_execution_run_id)?;
        non_empty(at, "update_name", &self.update_name)?;
        non_empty_if_given(at, "update_id", &self.update_id)?;
        payloads(at, "args", &self.args)?;
        payload_map(at, "headers", &self.headers)
    }
}

/// `tc_workflow_update`: an [`Update`] that waits for completion, so it
/// takes no `wait_for_stage`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct ExecuteUpdate(pub Update);

impl Validate for ExecuteUpdate {
    fn validate_at(&self, at: &str) -> Result<()> {
        if self.0.wait_for_stage.is_some() {
            return Err(invalid_at(
                key(at, "wait_for_stage"),
                "is not accepted: tc_workflow_update always waits for completion; use tc_workflow_start_update",
            ));
        }
        self.0.validate_at(at)
    }
}

impl Validate for UpdateResult {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "workflow_id", &self.workflow_id)?;
        run_id(at, "run_id", &self.run_id)?;
        non_empty(at, "update_id", &self.update_id)
    }
}

impl Validate for UpdateWithStart {
    fn validate_at(&self, at: &str) -> Result<()> {
        self.start.validate_at(at)?;
        if self.start.id_conflict_policy.is_none() {
            return Err(invalid_at(
                key(at, "id_conflict_policy"),
                "is required by update-with-start",
            ));
        }
        non_empty(at, "update_name", &self.update.update_name)?;
        non_empty_if_given(at, "update_id", &self.update.update_id)?;
        payloads(at, "update_args", &self.update.update_args)?;
        payload_map(at, "update_headers", &self.update.update_headers)
    }
}
