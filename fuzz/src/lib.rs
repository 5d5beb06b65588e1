//! The fuzz targets, shared by the AFL binaries and `replay` (which runs a
//! corpus or crash file without AFL, e.g. to reproduce a crash).

use temporal_capi::model::{
    activity, connect::ConnectOptions, durable, lifecycle, parse, rpc, schedule, task_queue,
    update, visibility, workflow, Empty,
};
use temporal_capi::{envconfig, error::Result, runtime::RuntimeOptions};

/// Every request type the exports parse, by export name (plus the
/// synchronous JSON exports' option types).
pub const EXPORTS: &[&str] = &[
    "tc_workflow_start",
    "tc_workflow_signal_with_start",
    "tc_workflow_result",
    "tc_workflow_describe",
    "tc_workflow_signal",
    "tc_workflow_query",
    "tc_workflow_cancel",
    "tc_workflow_terminate",
    "tc_workflow_list",
    "tc_workflow_count",
    "tc_workflow_describe_task_queue",
    "tc_workflow_fetch_history",
    "tc_workflow_export_history",
    "tc_workflow_update",
    "tc_workflow_start_update",
    "tc_workflow_update_result",
    "tc_workflow_update_with_start",
    "tc_workflow_delete",
    "tc_workflow_pause",
    "tc_workflow_unpause",
    "tc_workflow_reset",
    "tc_activity_complete",
    "tc_activity_fail",
    "tc_activity_heartbeat",
    "tc_activity_report_cancellation",
    "tc_workflow_wait_for_start",
    "tc_workflow_wait_for_completion",
    "tc_workflow_query_instances",
    "tc_workflow_purge_instances",
    "tc_client_rpc",
    "tc_client_system_info",
    "tc_schedule_create",
    "tc_schedule_describe",
    "tc_schedule_list",
    "tc_schedule_update",
    "tc_schedule_pause",
    "tc_schedule_unpause",
    "tc_schedule_trigger",
    "tc_schedule_backfill",
    "tc_schedule_delete",
    "tc_client_connect",
    "tc_runtime_new",
    "tc_envconfig_load",
];

/// Parses `json` as the request of `export` (as the export does before it
/// returns) and renders the error object on failure.
pub fn parse_request(export: &str, json: &[u8]) -> Result<()> {
    fn p<T: serde::de::DeserializeOwned>(json: &[u8]) -> Result<()> {
        parse::<T>(json).map(drop)
    }
    match export {
        "tc_workflow_start" => p::<workflow::StartWorkflow>(json),
        "tc_workflow_signal_with_start" => p::<workflow::SignalWithStart>(json),
        "tc_workflow_result" => p::<workflow::GetResult>(json),
        "tc_workflow_describe" => p::<workflow::ExecutionRef>(json),
        "tc_workflow_signal" => p::<workflow::Signal>(json),
        "tc_workflow_query" => p::<workflow::Query>(json),
        "tc_workflow_cancel" => p::<workflow::Cancel>(json),
        "tc_workflow_terminate" => p::<workflow::Terminate>(json),
        "tc_workflow_list" => p::<visibility::ListWorkflows>(json),
        "tc_workflow_count" => p::<visibility::CountWorkflows>(json),
        "tc_workflow_describe_task_queue" => p::<task_queue::DescribeTaskQueue>(json),
        "tc_workflow_fetch_history" => p::<visibility::FetchHistory>(json),
        "tc_workflow_export_history" => p::<visibility::ExportHistory>(json),
        "tc_workflow_update" | "tc_workflow_start_update" => p::<update::Update>(json),
        "tc_workflow_update_result" => p::<update::UpdateResult>(json),
        "tc_workflow_update_with_start" => p::<update::UpdateWithStart>(json),
        "tc_workflow_delete" => p::<lifecycle::Delete>(json),
        "tc_workflow_pause" | "tc_workflow_unpause" => p::<lifecycle::Pause>(json),
        "tc_workflow_reset" => p::<lifecycle::Reset>(json),
        "tc_activity_complete" => p::<activity::ActivityCall<activity::Complete>>(json),
        "tc_activity_fail" => p::<activity::ActivityCall<activity::Fail>>(json),
        "tc_activity_heartbeat" | "tc_activity_report_cancellation" => {
            p::<activity::ActivityCall<activity::Details>>(json)
        }
        "tc_workflow_wait_for_start" => p::<durable::WaitForStart>(json),
        "tc_workflow_wait_for_completion" => p::<durable::WaitForCompletion>(json),
        "tc_workflow_query_instances" => p::<durable::QueryInstances>(json),
        "tc_workflow_purge_instances" => p::<durable::PurgeInstances>(json),
        "tc_client_rpc" => p::<rpc::RawRpc>(json),
        "tc_client_system_info" => p::<Empty>(json),
        "tc_schedule_create" => p::<schedule::CreateSchedule>(json),
        "tc_schedule_describe" | "tc_schedule_delete" => p::<schedule::ScheduleRef>(json),
        "tc_schedule_list" => p::<schedule::ListSchedules>(json),
        "tc_schedule_update" => p::<schedule::UpdateSchedule>(json),
        "tc_schedule_pause" | "tc_schedule_unpause" => p::<schedule::PauseSchedule>(json),
        "tc_schedule_trigger" => p::<schedule::TriggerSchedule>(json),
        "tc_schedule_backfill" => p::<schedule::BackfillSchedule>(json),
        "tc_client_connect" => {
            parse::<ConnectOptions>(json).and_then(|o| envconfig::resolve(&o).map(drop))
        }
        "tc_runtime_new" => p::<RuntimeOptions>(json),
        "tc_envconfig_load" => parse::<envconfig::EnvConfigRequest>(json).map(drop),
        other => panic!("unknown export {other}"),
    }
}

/// Target `requests`: the first byte picks the export (modulo the
/// number of exports), the rest is its request JSON.
pub fn requests(data: &[u8]) {
    let Some((&first, json)) = data.split_first() else {
        return;
    };
    let export = EXPORTS[first as usize % EXPORTS.len()];
    if let Err(e) = parse_request(export, json) {
        let text = e.to_json_string();
        assert!(text.starts_with('{'), "error object: {text}");
    }
}

/// Target `envconfig`: the input is TOML text given as `config_data`; the
/// first byte's bits choose `strict`, `all_profiles` and the profile name.
pub fn envconfig(data: &[u8]) {
    let Some((&flags, toml)) = data.split_first() else {
        return;
    };
    let request = serde_json::json!({
        "config_data": String::from_utf8_lossy(toml),
        "strict": flags & 1 != 0,
        "all_profiles": flags & 2 != 0,
        "profile": if flags & 4 != 0 { "other" } else { "default" },
        "disable_env": true,
    });
    let request = serde_json::to_vec(&request).expect("serializes");
    match parse::<envconfig::EnvConfigRequest>(&request).and_then(|r| envconfig::load(&r)) {
        Ok(profile) => assert!(profile.is_object()),
        Err(e) => assert!(e.to_json_string().starts_with('{')),
    }
}
