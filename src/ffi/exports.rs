//! The asynchronous client exports. GENERATED from the operation table
//! (src/operations.rs) by tests/operations.rs: do not edit by hand.
//!
//! Each has the shape of docs/ABI.md rule 5:
//! `tc_x(client, request_json, request_len, cancel, callback, user_data)`.
//! `client` and `callback` must not be NULL (else `TC_RESULT_NULL_ARGUMENT`,
//! no callback); `request_json` may be NULL or empty (`{}`); `cancel` may be
//! NULL. The callback fires exactly once: synchronously with the error
//! object for rejected input (the return code names it), else later from a
//! library thread. `user_data` is passed back untouched. The request is
//! parsed and copied before the call returns. Requests and responses:
//! docs/JSON.md.
//!
//! Safety: each doc ends with the caller's contract (for clippy it is
//! stated here once, hence the `allow`), and each body forwards it to
//! `client_op`, which requires the same.
#![allow(clippy::missing_safety_doc)]

use super::{callback::TcCallback, cancel::TcCancel, client::{client_op, TcClient}, TcResult};
use std::ffi::{c_char, c_void};

/// Starts a workflow. Request: the start keys of docs/JSON.md (`workflow_type`, `task_queue`,
/// `id`, `args`, timeouts, policies, `memo`, `search_attributes`, ...). Response:
/// `{workflow_id, run_id, started}`. A running id gives `already_started` with `workflow_id`
/// and `run_id`. Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_start(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::StartWorkflow, _, _, crate::model::responses::Started>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::start(&c, r).await }) }
}

/// Signals a workflow, starting it first if it is not running. Request: the start keys plus
/// `signal_name`, `signal_args`. Response: `{workflow_id, run_id, started}`. Safety:
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_signal_with_start(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::SignalWithStart, _, _, crate::model::responses::Started>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::signal_with_start(&c, r).await }) }
}

/// Waits for a workflow's result. Request: `workflow_id`, `run_id`, `follow_runs` (default
/// true). Response: `{result, run_id}`; a run that did not complete gives `workflow_failed`,
/// `workflow_cancelled`, `workflow_terminated`, `workflow_timed_out` or (when not following)
/// `workflow_continued_as_new`. Waits as long as it takes; cancel it through `cancel`. Safety:
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_result(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::GetResult, _, _, crate::model::responses::WorkflowResult>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::result_wait::result(&c, r).await }) }
}

/// Describes a workflow execution. Request: `workflow_id`, `run_id`. Response: see
/// docs/JSON.md. Unknown ids give `not_found`. Safety: `request_json` must point to
/// `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_describe(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::ExecutionRef, _, _, crate::model::responses::WorkflowDescription>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::describe(&c, r).await }) }
}

/// Sends a signal. Request: `workflow_id`, `run_id`, `signal_name`, `args`. Response: `{}`.
/// Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_signal(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::Signal, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::signal(&c, r).await }) }
}

/// Queries a workflow. Request: `workflow_id`, `run_id`, `query_type`, `args`,
/// `reject_condition`. Response: `{result}`; handler failures and unknown query types give
/// `query_failed`, rejections `query_rejected`. Safety: `request_json` must point to
/// `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_query(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::Query, _, _, crate::model::responses::QueryResult>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::query(&c, r).await }) }
}

/// Requests cancellation of a workflow. Request: `workflow_id`, `run_id`, `reason`. Response:
/// `{}`. Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_cancel(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::Cancel, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::cancel(&c, r).await }) }
}

/// Terminates a workflow. Request: `workflow_id`, `run_id`, `reason`, `details`. Response:
/// `{}`. Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_terminate(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::Terminate, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::terminate(&c, r).await }) }
}

/// Executes an update and waits for its outcome. Request: `{workflow_id, run_id,
/// first_execution_run_id, update_name, args, update_id, headers}`. Response: `{update_id,
/// result}`; a rejected or failed update gives `update_failed` with `failure`. Safety:
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_update(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::update::ExecuteUpdate, _, _, crate::model::responses::UpdateOutcome>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::update::execute(&c, r).await }) }
}

/// Sends an update and waits until it reaches `wait_for_stage` (`accepted`, default, or
/// `completed`). Request: the keys of `tc_workflow_update` plus `wait_for_stage`. Response:
/// `{update_id}` (plus `result` when completed); a rejection gives `update_failed`. Safety:
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_start_update(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::update::Update, _, _, crate::model::responses::UpdateOutcome>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::update::start(&c, r).await }) }
}

/// Waits for the outcome of an update by id, across server long-poll timeouts. Request:
/// `{workflow_id, run_id, update_id}`. Response: `{update_id, result}` or `update_failed`.
/// Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_update_result(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::update::UpdateResult, _, _, crate::model::responses::UpdateOutcome>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::update::result(&c, r).await }) }
}

/// Starts a workflow (or uses the running one) and sends it an update in one request. Request:
/// the keys of `tc_workflow_start` (`id_conflict_policy` required; `args` are the workflow's)
/// plus `update_name`, `update_args`, `update_id`, `update_headers`, `wait_for_stage` (default
/// `completed`). Response: `{workflow_id, run_id, started, update_id, result?}`. Safety:
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_update_with_start(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::update::UpdateWithStart, _, _, crate::model::responses::UpdateWithStartOutcome>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::update::with_start(&c, r).await }) }
}

/// Lists workflow executions. Request: `{query, page_size, next_page_token}` (`query` in
/// Temporal's visibility syntax). Response: `{executions: [{workflow_id, run_id, workflow_type,
/// task_queue, status, start_time, ...}], next_page_token}` (`null` token on the last page).
/// Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_list(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::visibility::ListWorkflows, _, _, crate::model::responses::WorkflowPage>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::visibility::list(&c, r).await }) }
}

/// Counts workflow executions. Request: `{query}` (may end in `GROUP BY ExecutionStatus`).
/// Response: `{count, groups: [{values, count}]}`. Safety: `request_json` must point to
/// `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_count(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::visibility::CountWorkflows, _, _, crate::model::responses::WorkflowCount>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::visibility::count(&c, r).await }) }
}

/// Describes a task queue. Request: `task_queue`, `task_queue_type` (`workflow`, the default,
/// or `activity`), `report_pollers` (default true), `report_stats` (default false). Response:
/// `{pollers: [{identity, last_access_time, rate_per_second}], stats}`; `stats` is null unless
/// asked for. Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_describe_task_queue(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::task_queue::DescribeTaskQueue, _, _, crate::model::task_queue::TaskQueueDescription>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::task_queue::describe(&c, r).await }) }
}

/// Reads one page of a run's history. Request: `{workflow_id, run_id, event_filter: all|close,
/// wait_new_event, skip_archival, page_size, next_page_token}`. Response: `{events,
/// next_page_token}` with events as canonical proto3 JSON. Safety: `request_json` must point to
/// `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_fetch_history(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::visibility::FetchHistory, _, _, crate::model::responses::HistoryPage>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::history::fetch(&c, r).await }) }
}

/// Reads a run's whole history, paging until done. Request: `{workflow_id, run_id}`. Response:
/// `{events}` (the format of `temporal workflow show --output json`). Safety: `request_json`
/// must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_export_history(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::visibility::ExportHistory, _, _, crate::model::responses::History>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::history::export(&c, r).await }) }
}

/// Deletes an execution and its history (Durable Task `PurgeInstance`; a running execution is
/// terminated first). Request: `{workflow_id, run_id}`. Response: `{}`. Safety: `request_json`
/// must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_delete(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::lifecycle::Delete, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::lifecycle::delete(&c, r).await }) }
}

/// Pauses a running workflow: no new tasks are dispatched until it is unpaused (Durable Task
/// `SuspendInstance`; the server's experimental pause must be enabled). Request: `{workflow_id,
/// run_id, reason, request_id}`. Response: `{}`. Safety: `request_json` must point to
/// `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_pause(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::lifecycle::Pause, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::lifecycle::pause(&c, r).await }) }
}

/// Resumes a paused workflow (Durable Task `ResumeInstance`). Request: `{workflow_id, run_id,
/// reason, request_id}`. Response: `{}`. Safety: `request_json` must point to `request_len`
/// readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_unpause(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::lifecycle::Pause, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::lifecycle::unpause(&c, r).await }) }
}

/// Resets a run to a workflow task, starting a new run from there. Request: `{workflow_id,
/// run_id, event_id | to: last_workflow_task|first_workflow_task, reason, request_id}`.
/// Response: `{run_id}` of the new run. Safety: `request_json` must point to `request_len`
/// readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_reset(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::lifecycle::Reset, _, _, crate::model::responses::ResetRun>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::lifecycle::reset(&c, r).await }) }
}

/// Waits until a worker has started the run's first workflow task, or the run closed (Durable
/// Task `WaitForInstanceStart`). Request: `{workflow_id, run_id}`. Response: the
/// `tc_workflow_describe` response. Safety: `request_json` must point to `request_len` readable
/// bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_wait_for_start(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::durable::WaitForStart, _, _, crate::model::responses::WorkflowDescription>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::durable::wait_for_start(&c, r).await }) }
}

/// Waits until the workflow closes, following continue-as-new, and reports how it ended without
/// raising (Durable Task `WaitForInstanceCompletion`). Request: `{workflow_id, run_id,
/// get_inputs_and_outputs}`. Response: `{workflow_id, run_id, workflow_type, status,
/// created_at, last_updated_at, input, output, failure}`. Safety: `request_json` must point to
/// `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_wait_for_completion(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::durable::WaitForCompletion, _, _, crate::model::responses::Completion>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::durable::wait_for_completion(&c, r).await }) }
}

/// Lists workflows by filter (Durable Task `GetAllInstances` / `QueryInstances`). Request:
/// `{statuses, created_from, created_to, id_prefix, workflow_type, task_queue, page_size,
/// next_page_token}` (`continuation_token` is accepted for `next_page_token`). Response:
/// `{instances, next_page_token, continuation_token, query}`, the two tokens being the same.
/// Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_query_instances(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::durable::QueryInstances, _, _, crate::model::responses::InstancePage>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::durable::query_instances(&c, r).await }) }
}

/// Deletes every workflow the filter matches (Durable Task `PurgeInstances`). Request: the
/// filter keys of `tc_workflow_query_instances` plus `max_concurrency` (default 8). Response:
/// `{purged_count}`. Safety: `request_json` must point to `request_len` readable bytes or be
/// NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_purge_instances(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::durable::PurgeInstances, _, _, crate::model::responses::Purged>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::durable::purge_instances(&c, r).await }) }
}

/// Completes an activity with `result` (a JSON value). Response: `{}`; an activity that is no
/// longer running gives `not_found`. Safety: `request_json` must point to `request_len`
/// readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_activity_complete(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::activity::ActivityCall<crate::model::activity::Complete>, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::activity::complete(&c, r).await }) }
}

/// Fails an activity with `failure: {message, type, non_retryable, details}`. Response: `{}`.
/// Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_activity_fail(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::activity::ActivityCall<crate::model::activity::Fail>, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::activity::fail(&c, r).await }) }
}

/// Records a heartbeat with `details`. Response: `{cancel_requested, paused, reset}`: whether
/// the activity should stop. Safety: `request_json` must point to `request_len` readable bytes
/// or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_activity_heartbeat(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::activity::ActivityCall<crate::model::activity::Details>, _, _, crate::model::responses::HeartbeatReply>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::activity::heartbeat(&c, r).await }) }
}

/// Reports that an activity stopped after a cancellation request, with `details`. Response:
/// `{}`. Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_activity_report_cancellation(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::activity::ActivityCall<crate::model::activity::Details>, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::activity::report_cancellation(&c, r).await }) }
}

/// Creates a schedule. Request: `schedule_id`, `spec`, `action` (`{start_workflow:
/// <tc_workflow_start keys>}`), `policies`, `state`, `trigger_immediately`, `backfills`,
/// `memo`, `search_attributes` (see docs/JSON.md "Schedules"). Response: `{schedule_id,
/// conflict_token}`. A taken id gives `already_exists` with `schedule_id`. Safety:
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_create(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::CreateSchedule, _, _, crate::model::schedule_response::ScheduleCreated>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::create(&c, r).await }) }
}

/// Describes a schedule. Request: `schedule_id`. Response: the schedule in the create request's
/// shape (`spec`, `action`, `policies`, `state`, `memo`, `search_attributes`) plus `info` and
/// `conflict_token`. An unknown id gives `not_found` with `schedule_id`. Safety: `request_json`
/// must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_describe(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::ScheduleRef, _, _, crate::model::schedule_response::ScheduleDescription>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::describe(&c, r).await }) }
}

/// Lists schedules one page at a time. Request: `query`, `page_size`, `next_page_token`.
/// Response: `{schedules: [...], next_page_token}`; the token is null on the last page. Listing
/// is eventually consistent: a new schedule may take a moment to appear. Safety: `request_json`
/// must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_list(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::ListSchedules, _, _, crate::model::schedule_response::ScheduleListPage>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::list(&c, r).await }) }
}

/// Updates a schedule: each given section (`spec`, `action`, `policies`, `state`, `memo`,
/// `search_attributes`) replaces that section; the others stay. Request: `schedule_id`, the
/// sections, `conflict_token` (from describe; a stale one gives `rpc_error` with `grpc_status`
/// `failed_precondition`). Response: `{}`; describe may show the change a moment later. An
/// unknown id gives `not_found`. Safety: `request_json` must point to `request_len` readable
/// bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_update(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::UpdateSchedule, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::update(&c, r).await }) }
}

/// Pauses a schedule. Request: `schedule_id`, `note`. Response: `{}`. An unknown id gives
/// `not_found`. Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_pause(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::PauseSchedule, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::pause(&c, r).await }) }
}

/// Unpauses a schedule. Request: `schedule_id`, `note`. Response: `{}`. An unknown id gives
/// `not_found`. Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_unpause(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::PauseSchedule, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::unpause(&c, r).await }) }
}

/// Takes one action of a schedule now. Request: `schedule_id`, `overlap` (the schedule's policy
/// when omitted). Response: `{}`. An unknown id gives `not_found`. Safety: `request_json` must
/// point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_trigger(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::TriggerSchedule, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::trigger(&c, r).await }) }
}

/// Takes the actions that were due in past ranges. Request: `schedule_id`, `backfills`
/// (`[{start_at, end_at, overlap}]`, at least one). Response: `{}`. An unknown id gives
/// `not_found`. Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_backfill(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::BackfillSchedule, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::backfill(&c, r).await }) }
}

/// Deletes a schedule (workflows it started keep running). Request: `schedule_id`. Response:
/// `{}`. An unknown id gives `not_found`. Safety: `request_json` must point to `request_len`
/// readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_delete(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::ScheduleRef, _, _, crate::model::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::delete(&c, r).await }) }
}

/// Calls any unary method of WorkflowService, OperatorService or Health. Request: `{service:
/// "workflow"|"operator"|"health", method: "DescribeNamespace", request: {...proto3 JSON...},
/// timeout, retry, headers}`; a request message with a `namespace` field gets the client's
/// namespace unless it sets one. Response: the response message as canonical proto3 JSON. An
/// unknown or streaming method, a request that does not match the method's input type, a header
/// gRPC cannot send and a `timeout` beyond the protobuf Duration range are rejected
/// synchronously (`TC_RESULT_INVALID_ARGUMENT`, `key` `method`, `request`, `headers` or
/// `timeout`). Safety: `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_client_rpc(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::rpc::RawRpc, _, _, crate::model::responses::RpcResponse>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::rpc::call(&c, r).await }) }
}

/// The server's version and capabilities. Request: `{}` (or NULL). Response: `{server_version,
/// capabilities: {...}}`. Safety: `request_json` must point to `request_len` readable bytes or
/// be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_client_system_info(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::Empty, _, _, crate::model::responses::SystemInfo>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::rpc::system_info(&c, r).await }) }
}
