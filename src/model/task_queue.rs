//! `tc_workflow_describe_task_queue`: its request and its typed response.

use super::validate::{non_empty, Validate};
use crate::error::Result;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Which tasks of a task queue to describe.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskQueueType {
    /// Workflow tasks (the default).
    #[default]
    Workflow,
    /// Activity tasks.
    Activity,
}

/// The request: one task queue and what to report about it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DescribeTaskQueue {
    /// The task queue's name.
    pub task_queue: String,
    /// Workflow or activity tasks; `workflow` when omitted.
    #[serde(default)]
    pub task_queue_type: TaskQueueType,
    /// Whether to list the pollers seen recently; true when omitted.
    #[serde(default = "super::default_true")]
    pub report_pollers: bool,
    /// Whether to report backlog and rate statistics; false when omitted.
    #[serde(default)]
    pub report_stats: bool,
}

impl Validate for DescribeTaskQueue {
    fn validate_at(&self, at: &str) -> Result<()> {
        non_empty(at, "task_queue", &self.task_queue)
    }
}

/// The response: `{pollers, stats}`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskQueueDescription {
    /// Workers that polled the queue recently (empty unless `report_pollers`).
    pub pollers: Vec<Poller>,
    /// Backlog and rates, when `report_stats` was set and the server has them.
    pub stats: Option<TaskQueueStats>,
}

/// One worker polling the task queue.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Poller {
    /// The worker's identity.
    pub identity: String,
    /// When it last polled (RFC 3339, UTC), or null.
    pub last_access_time: Value,
    /// Its configured maximum rate (tasks per second; 0 when unlimited).
    pub rate_per_second: f64,
}

/// Approximate statistics of the task queue.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskQueueStats {
    /// Tasks waiting to be dispatched.
    pub approximate_backlog_count: i64,
    /// Age of the oldest waiting task in seconds, or null when none waits.
    pub approximate_backlog_age: Value,
    /// Tasks added per second.
    pub tasks_add_rate: f32,
    /// Tasks dispatched per second.
    pub tasks_dispatch_rate: f32,
}
