//! Every asynchronous export with its request and response types.
//! GENERATED from the operation table (src/operations.rs) by
//! tests/operations.rs: do not edit by hand.

use crate::ffi::exports;
use crate::schema::{schema, IndexEntry};

/// One entry per row of `OPERATIONS`, in the same order.
pub static INDEX: &[IndexEntry] = &[
    IndexEntry { export: "tc_workflow_start", function: exports::tc_workflow_start, request: schema::<crate::model::workflow::StartWorkflow>, response: schema::<crate::model::responses::Started> },
    IndexEntry { export: "tc_workflow_signal_with_start", function: exports::tc_workflow_signal_with_start, request: schema::<crate::model::workflow::SignalWithStart>, response: schema::<crate::model::responses::Started> },
    IndexEntry { export: "tc_workflow_result", function: exports::tc_workflow_result, request: schema::<crate::model::workflow::GetResult>, response: schema::<crate::model::responses::WorkflowResult> },
    IndexEntry { export: "tc_workflow_describe", function: exports::tc_workflow_describe, request: schema::<crate::model::workflow::ExecutionRef>, response: schema::<crate::model::responses::WorkflowDescription> },
    IndexEntry { export: "tc_workflow_signal", function: exports::tc_workflow_signal, request: schema::<crate::model::workflow::Signal>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_workflow_query", function: exports::tc_workflow_query, request: schema::<crate::model::workflow::Query>, response: schema::<crate::model::responses::QueryResult> },
    IndexEntry { export: "tc_workflow_cancel", function: exports::tc_workflow_cancel, request: schema::<crate::model::workflow::Cancel>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_workflow_terminate", function: exports::tc_workflow_terminate, request: schema::<crate::model::workflow::Terminate>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_workflow_update", function: exports::tc_workflow_update, request: schema::<crate::model::update::ExecuteUpdate>, response: schema::<crate::model::responses::UpdateOutcome> },
    IndexEntry { export: "tc_workflow_start_update", function: exports::tc_workflow_start_update, request: schema::<crate::model::update::Update>, response: schema::<crate::model::responses::UpdateOutcome> },
    IndexEntry { export: "tc_workflow_update_result", function: exports::tc_workflow_update_result, request: schema::<crate::model::update::UpdateResult>, response: schema::<crate::model::responses::UpdateOutcome> },
    IndexEntry { export: "tc_workflow_update_with_start", function: exports::tc_workflow_update_with_start, request: schema::<crate::model::update::UpdateWithStart>, response: schema::<crate::model::responses::UpdateWithStartOutcome> },
    IndexEntry { export: "tc_workflow_list", function: exports::tc_workflow_list, request: schema::<crate::model::visibility::ListWorkflows>, response: schema::<crate::model::responses::WorkflowPage> },
    IndexEntry { export: "tc_workflow_count", function: exports::tc_workflow_count, request: schema::<crate::model::visibility::CountWorkflows>, response: schema::<crate::model::responses::WorkflowCount> },
    IndexEntry { export: "tc_workflow_describe_task_queue", function: exports::tc_workflow_describe_task_queue, request: schema::<crate::model::task_queue::DescribeTaskQueue>, response: schema::<crate::model::task_queue::TaskQueueDescription> },
    IndexEntry { export: "tc_workflow_fetch_history", function: exports::tc_workflow_fetch_history, request: schema::<crate::model::visibility::FetchHistory>, response: schema::<crate::model::responses::HistoryPage> },
    IndexEntry { export: "tc_workflow_export_history", function: exports::tc_workflow_export_history, request: schema::<crate::model::visibility::ExportHistory>, response: schema::<crate::model::responses::History> },
    IndexEntry { export: "tc_workflow_delete", function: exports::tc_workflow_delete, request: schema::<crate::model::lifecycle::Delete>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_workflow_pause", function: exports::tc_workflow_pause, request: schema::<crate::model::lifecycle::Pause>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_workflow_unpause", function: exports::tc_workflow_unpause, request: schema::<crate::model::lifecycle::Pause>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_workflow_reset", function: exports::tc_workflow_reset, request: schema::<crate::model::lifecycle::Reset>, response: schema::<crate::model::responses::ResetRun> },
    IndexEntry { export: "tc_workflow_wait_for_start", function: exports::tc_workflow_wait_for_start, request: schema::<crate::model::durable::WaitForStart>, response: schema::<crate::model::responses::WorkflowDescription> },
    IndexEntry { export: "tc_workflow_wait_for_completion", function: exports::tc_workflow_wait_for_completion, request: schema::<crate::model::durable::WaitForCompletion>, response: schema::<crate::model::responses::Completion> },
    IndexEntry { export: "tc_workflow_query_instances", function: exports::tc_workflow_query_instances, request: schema::<crate::model::durable::QueryInstances>, response: schema::<crate::model::responses::InstancePage> },
    IndexEntry { export: "tc_workflow_purge_instances", function: exports::tc_workflow_purge_instances, request: schema::<crate::model::durable::PurgeInstances>, response: schema::<crate::model::responses::Purged> },
    IndexEntry { export: "tc_activity_complete", function: exports::tc_activity_complete, request: schema::<crate::model::activity::ActivityCall<crate::model::activity::Complete>>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_activity_fail", function: exports::tc_activity_fail, request: schema::<crate::model::activity::ActivityCall<crate::model::activity::Fail>>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_activity_heartbeat", function: exports::tc_activity_heartbeat, request: schema::<crate::model::activity::ActivityCall<crate::model::activity::Details>>, response: schema::<crate::model::responses::HeartbeatReply> },
    IndexEntry { export: "tc_activity_report_cancellation", function: exports::tc_activity_report_cancellation, request: schema::<crate::model::activity::ActivityCall<crate::model::activity::Details>>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_schedule_create", function: exports::tc_schedule_create, request: schema::<crate::model::schedule::CreateSchedule>, response: schema::<crate::model::schedule_response::ScheduleCreated> },
    IndexEntry { export: "tc_schedule_describe", function: exports::tc_schedule_describe, request: schema::<crate::model::schedule::ScheduleRef>, response: schema::<crate::model::schedule_response::ScheduleDescription> },
    IndexEntry { export: "tc_schedule_list", function: exports::tc_schedule_list, request: schema::<crate::model::schedule::ListSchedules>, response: schema::<crate::model::schedule_response::ScheduleListPage> },
    IndexEntry { export: "tc_schedule_update", function: exports::tc_schedule_update, request: schema::<crate::model::schedule::UpdateSchedule>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_schedule_pause", function: exports::tc_schedule_pause, request: schema::<crate::model::schedule::PauseSchedule>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_schedule_unpause", function: exports::tc_schedule_unpause, request: schema::<crate::model::schedule::PauseSchedule>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_schedule_trigger", function: exports::tc_schedule_trigger, request: schema::<crate::model::schedule::TriggerSchedule>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_schedule_backfill", function: exports::tc_schedule_backfill, request: schema::<crate::model::schedule::BackfillSchedule>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_schedule_delete", function: exports::tc_schedule_delete, request: schema::<crate::model::schedule::ScheduleRef>, response: schema::<crate::model::Empty> },
    IndexEntry { export: "tc_client_rpc", function: exports::tc_client_rpc, request: schema::<crate::model::rpc::RawRpc>, response: schema::<crate::model::responses::RpcResponse> },
    IndexEntry { export: "tc_client_system_info", function: exports::tc_client_system_info, request: schema::<crate::model::Empty>, response: schema::<crate::model::responses::SystemInfo> },
];
