//! Requests of the Durable Task operations (`tc_workflow_wait_for_start`,
//! `tc_workflow_wait_for_completion`, `tc_workflow_query_instances`,
//! `tc_workflow_purge_instances`).

use super::validate::{base64, invalid_at, key, non_empty, page_size, run_id, Validate};
use crate::convert::time::JsonTimestamp;
use crate::error::Result;
use serde::Deserialize;

/// `tc_workflow_wait_for_start`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WaitForStart {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
}

/// `tc_workflow_wait_for_completion`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WaitForCompletion {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// Include `input` and `output` (default true).
    #[serde(default = "super::default_true")]
    pub get_inputs_and_outputs: bool,
}

/// A workflow status in an instance filter.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InstanceStatus {
    /// Open.
    Running,
    /// Completed successfully.
    Completed,
    /// Failed.
    Failed,
    /// Cancelled.
    Canceled,
    /// Terminated.
    Terminated,
    /// Continued as new.
    ContinuedAsNew,
    /// Timed out.
    TimedOut,
    /// Paused.
    Paused,
}

/// Which instances a query or purge selects; every key narrows the set.
#[derive(Debug, Clone, Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstanceFilter {
    /// Any of these statuses.
    #[serde(default)]
    pub statuses: Vec<InstanceStatus>,
    /// Started at or after.
    pub created_from: Option<JsonTimestamp>,
    /// Started at or before.
    pub created_to: Option<JsonTimestamp>,
    /// Workflow id starts with this text.
    pub id_prefix: Option<String>,
    /// Workflow type name.
    pub workflow_type: Option<String>,
    /// Task queue.
    pub task_queue: Option<String>,
}

/// Paging keys of [`QueryInstances`].
#[derive(Debug, Clone, Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstancePaging {
    /// Instances per page.
    pub page_size: Option<i32>,
    /// Token from the previous page (base64): the `next_page_token` of every
    /// listing.
    pub next_page_token: Option<String>,
    /// The Durable Task name of `next_page_token` (give one or the other).
    pub continuation_token: Option<String>,
}

impl InstancePaging {
    /// The token from the previous page, under either name, and the name it came under.
    pub fn token(&self) -> (&Option<String>, &'static str) {
        match &self.continuation_token {
            Some(_) => (&self.continuation_token, "continuation_token"),
            None => (&self.next_page_token, "next_page_token"),
        }
    }
}

/// `tc_workflow_query_instances`: the filter keys plus paging.
#[derive(Debug, Clone)]
pub struct QueryInstances {
    /// Filter.
    pub filter: InstanceFilter,
    /// Paging.
    pub paging: InstancePaging,
}

impl<'de> Deserialize<'de> for QueryInstances {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (filter, paging) =
            super::split_object(d, &["page_size", "next_page_token", "continuation_token"])?;
        Ok(QueryInstances { filter, paging })
    }
}

/// Options of [`PurgeInstances`].
#[derive(Debug, Clone, Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PurgeOptions {
    /// Deletes in flight at once (default 8, at most 64).
    pub max_concurrency: Option<usize>,
}

/// `tc_workflow_purge_instances`: the filter keys plus options.
#[derive(Debug, Clone)]
pub struct PurgeInstances {
    /// Filter.
    pub filter: InstanceFilter,
    /// Options.
    pub options: PurgeOptions,
}

impl<'de> Deserialize<'de> for PurgeInstances {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (filter, options) = super::split_object(d, &["max_concurrency"])?;
        Ok(PurgeInstances { filter, options })
    }
}

/// The largest `max_concurrency` of [`PurgeOptions`].
pub const MAX_PURGE_CONCURRENCY: usize = 64;

impl Validate for WaitForStart {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "workflow_id", &self.workflow_id)?;
        run_id(at, "run_id", &self.run_id)
    }
}

impl Validate for WaitForCompletion {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "workflow_id", &self.workflow_id)?;
        run_id(at, "run_id", &self.run_id)
    }
}

impl Validate for InstanceFilter {
    fn validate_at(&self, at: &str) -> Result<()> {
        if let (Some(from), Some(to)) = (&self.created_from, &self.created_to) {
            if (to.0.seconds, to.0.nanos) < (from.0.seconds, from.0.nanos) {
                return Err(invalid_at(key(at, "created_to"), "is before created_from"));
            }
        }
        Ok(())
    }
}

impl Validate for QueryInstances {
    fn validate_at(&self, at: &str) -> Result<()> {
        self.filter.validate_at(at)?;
        page_size(at, "page_size", self.paging.page_size)?;
        if self.paging.next_page_token.is_some() && self.paging.continuation_token.is_some() {
            return Err(invalid_at(
                key(at, "continuation_token"),
                "is another name of next_page_token: give one of them",
            ));
        }
        let (token, name) = self.paging.token();
        base64(token, &key(at, name)).map(drop)
    }
}

impl Validate for PurgeInstances {
    fn validate_at(&self, at: &str) -> Result<()> {
        self.filter.validate_at(at)?;
        match self.options.max_concurrency {
            Some(n) if !(1..=MAX_PURGE_CONCURRENCY).contains(&n) => Err(invalid_at(
                key(at, "max_concurrency"),
                format!("{n} must be 1..={MAX_PURGE_CONCURRENCY}"),
            )),
            _ => Ok(()),
        }
    }
}
