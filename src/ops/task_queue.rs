//! `tc_workflow_describe_task_queue`: the pollers and statistics of a task queue.

use crate::client::Client;
use crate::convert::{duration, time};
use crate::error::Result;
use crate::model::task_queue::{
    DescribeTaskQueue, Poller, TaskQueueDescription, TaskQueueStats, TaskQueueType,
};
use crate::ops::unary;
use temporalio_protos::temporal::api::{
    enums::v1::{TaskQueueKind, TaskQueueType as ProtoTaskQueueType},
    taskqueue::v1::{PollerInfo, TaskQueue, TaskQueueStats as ProtoStats},
    workflowservice::v1::DescribeTaskQueueRequest,
};

/// Describes one task queue: its recent pollers and, when asked, its
/// backlog statistics.
pub async fn describe(client: &Client, req: DescribeTaskQueue) -> Result<TaskQueueDescription> {
    let task_queue_type = match req.task_queue_type {
        TaskQueueType::Workflow => ProtoTaskQueueType::Workflow,
        TaskQueueType::Activity => ProtoTaskQueueType::Activity,
    };
    let request = DescribeTaskQueueRequest {
        namespace: client.namespace().to_owned(),
        task_queue: Some(TaskQueue {
            name: req.task_queue,
            kind: TaskQueueKind::Normal as i32,
            ..Default::default()
        }),
        task_queue_type: task_queue_type as i32,
        report_stats: req.report_stats,
        ..Default::default()
    };
    let response = unary!(client, describe_task_queue, request);
    let pollers = if req.report_pollers {
        response.pollers.iter().map(poller).collect()
    } else {
        Vec::new()
    };
    Ok(TaskQueueDescription {
        pollers,
        stats: response.stats.as_ref().map(stats),
    })
}

fn poller(info: &PollerInfo) -> Poller {
    Poller {
        identity: info.identity.clone(),
        last_access_time: time::proto_to_json(info.last_access_time.as_ref()),
        rate_per_second: info.rate_per_second,
    }
}

fn stats(stats: &ProtoStats) -> TaskQueueStats {
    TaskQueueStats {
        approximate_backlog_count: stats.approximate_backlog_count,
        approximate_backlog_age: duration::proto_to_seconds(stats.approximate_backlog_age.as_ref()),
        tasks_add_rate: stats.tasks_add_rate,
        tasks_dispatch_rate: stats.tasks_dispatch_rate,
    }
}
