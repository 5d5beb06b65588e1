//! Requests of listing, counting and history (`tc_workflow_list`,
//! `tc_workflow_count`, `tc_workflow_fetch_history`, `tc_workflow_export_history`).

use super::validate::{base64, key, non_empty, page_size, run_id, Validate};
use crate::error::Result;
use serde::Deserialize;

/// `tc_workflow_list`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListWorkflows {
    /// List filter in Temporal's visibility query syntax; all workflows when omitted.
    #[serde(default)]
    pub query: String,
    /// Rows per page; the server's default when omitted.
    pub page_size: Option<i32>,
    /// Token of the page to read (base64), from a previous response.
    pub next_page_token: Option<String>,
}

/// `tc_workflow_count`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountWorkflows {
    /// Filter; may end in `GROUP BY ExecutionStatus`.
    #[serde(default)]
    pub query: String,
}

/// Which events a history read returns.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventFilter {
    /// Every event.
    #[default]
    All,
    /// Only the close event (with `wait_new_event`, waits for it).
    Close,
}

/// `tc_workflow_fetch_history`: one page of events.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FetchHistory {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// `all` (default) or `close`.
    #[serde(default)]
    pub event_filter: EventFilter,
    /// Long-poll until a new event exists past the page token.
    #[serde(default)]
    pub wait_new_event: bool,
    /// Do not read from the archival store.
    #[serde(default)]
    pub skip_archival: bool,
    /// Events per page; the server's default when omitted.
    pub page_size: Option<i32>,
    /// Token of the page to read (base64).
    pub next_page_token: Option<String>,
}

/// `tc_workflow_export_history`: the whole history.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportHistory {
    /// Workflow id.
    pub workflow_id: String,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
}

impl Validate for ListWorkflows {
    fn validate_at(&self, at: &str) -> Result<()> {
        page_size(at, "page_size", self.page_size)?;
        base64(&self.next_page_token, &key(at, "next_page_token")).map(drop)
    }
}

impl Validate for CountWorkflows {
    fn validate_at(&self, _at: &str) -> Result<()> {
        Ok(())
    }
}

impl Validate for FetchHistory {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "workflow_id", &self.workflow_id)?;
        run_id(at, "run_id", &self.run_id)?;
        page_size(at, "page_size", self.page_size)?;
        base64(&self.next_page_token, &key(at, "next_page_token")).map(drop)
    }
}

impl Validate for ExportHistory {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "workflow_id", &self.workflow_id)?;
        run_id(at, "run_id", &self.run_id)
    }
}
