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

#[doc = " Starts a workflow. Request: the start keys of docs/JSON.md (`workflow_type`, `task_queue`,\n `id`, `args`, timeouts, policies, `memo`, `search_attributes`, ...). Response:\n `{workflow_id, run_id, started}`. A running id gives `already_started` with `workflow_id`\n and `run_id`. Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_start(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::StartWorkflow, _, _, crate::model::responses::Started>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::start(&c, r).await }) }
}

#[doc = " Signals a workflow, starting it first if it is not running. Request: the start keys plus\n `signal_name`, `signal_args`. Response: `{workflow_id, run_id, started}`. Safety:\n `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_signal_with_start(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::SignalWithStart, _, _, crate::model::responses::Started>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::signal_with_start(&c, r).await }) }
}

#[doc = " Waits for a workflow's result. Request: `workflow_id`, `run_id`, `follow_runs` (default\n true). Response: `{result, run_id}`; a run that did not complete gives `workflow_failed`,\n `workflow_cancelled`, `workflow_terminated`, `workflow_timed_out` or (when not following)\n `workflow_continued_as_new`. Waits as long as it takes; cancel it through `cancel`. Safety:\n `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_result(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::GetResult, _, _, crate::model::responses::WorkflowResult>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::result_wait::result(&c, r).await }) }
}

#[doc = " Describes a workflow execution. Request: `workflow_id`, `run_id`. Response: see\n docs/JSON.md. Unknown ids give `not_found`. Safety: `request_json` must point to\n `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_describe(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::ExecutionRef, _, _, crate::model::responses::WorkflowDescription>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::describe(&c, r).await }) }
}

#[doc = " Sends a signal. Request: `workflow_id`, `run_id`, `signal_name`, `args`. Response: `{}`.\n Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_signal(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::Signal, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::signal(&c, r).await }) }
}

#[doc = " Queries a workflow. Request: `workflow_id`, `run_id`, `query_type`, `args`,\n `reject_condition`. Response: `{result}`; handler failures and unknown query types give\n `query_failed`, rejections `query_rejected`. Safety: `request_json` must point to\n `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_query(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::Query, _, _, crate::model::responses::QueryResult>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::query(&c, r).await }) }
}

#[doc = " Requests cancellation of a workflow. Request: `workflow_id`, `run_id`, `reason`. Response:\n `{}`. Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_cancel(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::Cancel, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::cancel(&c, r).await }) }
}

#[doc = " Terminates a workflow. Request: `workflow_id`, `run_id`, `reason`, `details`. Response:\n `{}`. Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_terminate(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::workflow::Terminate, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::workflow::terminate(&c, r).await }) }
}

#[doc = " Executes an update and waits for its outcome. Request: `{workflow_id, run_id,\n first_execution_run_id, update_name, args, update_id, headers}`. Response: `{update_id,\n result}`; a rejected or failed update gives `update_failed` with `failure`. Safety:\n `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_update(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::update::ExecuteUpdate, _, _, crate::model::responses::UpdateOutcome>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::update::execute(&c, r).await }) }
}

#[doc = " Sends an update and waits until it reaches `wait_for_stage` (`accepted`, default, or\n `completed`). Request: the keys of `tc_workflow_update` plus `wait_for_stage`. Response:\n `{update_id}` (plus `result` when completed); a rejection gives `update_failed`. Safety:\n `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_start_update(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::update::Update, _, _, crate::model::responses::UpdateOutcome>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::update::start(&c, r).await }) }
}

#[doc = " Waits for the outcome of an update by id, across server long-poll timeouts. Request:\n `{workflow_id, run_id, update_id}`. Response: `{update_id, result}` or `update_failed`.\n Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_update_result(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::update::UpdateResult, _, _, crate::model::responses::UpdateOutcome>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::update::result(&c, r).await }) }
}

#[doc = " Starts a workflow (or uses the running one) and sends it an update in one request. Request:\n the keys of `tc_workflow_start` (`id_conflict_policy` required; `args` are the workflow's)\n plus `update_name`, `update_args`, `update_id`, `update_headers`, `wait_for_stage` (default\n `completed`). Response: `{workflow_id, run_id, started, update_id, result?}`. Safety:\n `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_update_with_start(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::update::UpdateWithStart, _, _, crate::model::responses::UpdateWithStartOutcome>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::update::with_start(&c, r).await }) }
}

#[doc = " Lists workflow executions. Request: `{query, page_size, next_page_token}` (`query` in\n Temporal's visibility syntax). Response: `{executions: [{workflow_id, run_id, workflow_type,\n task_queue, status, start_time, ...}], next_page_token}` (`null` token on the last page).\n Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_list(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::visibility::ListWorkflows, _, _, crate::model::responses::WorkflowPage>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::visibility::list(&c, r).await }) }
}

#[doc = " Counts workflow executions. Request: `{query}` (may end in `GROUP BY ExecutionStatus`).\n Response: `{count, groups: [{values, count}]}`. Safety: `request_json` must point to\n `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_count(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::visibility::CountWorkflows, _, _, crate::model::responses::WorkflowCount>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::visibility::count(&c, r).await }) }
}

#[doc = " Describes a task queue. Request: `task_queue`, `task_queue_type` (`workflow`, the default,\n or `activity`), `report_pollers` (default true), `report_stats` (default false). Response:\n `{pollers: [{identity, last_access_time, rate_per_second}], stats}`; `stats` is null unless\n asked for. Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_describe_task_queue(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::task_queue::DescribeTaskQueue, _, _, crate::model::task_queue::TaskQueueDescription>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::task_queue::describe(&c, r).await }) }
}

#[doc = " Reads one page of a run's history. Request: `{workflow_id, run_id, event_filter: all|close,\n wait_new_event, skip_archival, page_size, next_page_token}`. Response: `{events,\n next_page_token}` with events as canonical proto3 JSON. Safety: `request_json` must point to\n `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_fetch_history(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::visibility::FetchHistory, _, _, crate::model::responses::HistoryPage>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::history::fetch(&c, r).await }) }
}

#[doc = " Reads a run's whole history, paging until done. Request: `{workflow_id, run_id}`. Response:\n `{events}` (the format of `temporal workflow show --output json`). Safety: `request_json`\n must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_export_history(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::visibility::ExportHistory, _, _, crate::model::responses::History>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::history::export(&c, r).await }) }
}

#[doc = " Deletes an execution and its history (Durable Task `PurgeInstance`; a running execution is\n terminated first). Request: `{workflow_id, run_id}`. Response: `{}`. Safety: `request_json`\n must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_delete(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::lifecycle::Delete, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::lifecycle::delete(&c, r).await }) }
}

#[doc = " Pauses a running workflow: no new tasks are dispatched until it is unpaused (Durable Task\n `SuspendInstance`; the server's experimental pause must be enabled). Request: `{workflow_id,\n run_id, reason, request_id}`. Response: `{}`. Safety: `request_json` must point to\n `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_pause(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::lifecycle::Pause, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::lifecycle::pause(&c, r).await }) }
}

#[doc = " Resumes a paused workflow (Durable Task `ResumeInstance`). Request: `{workflow_id, run_id,\n reason, request_id}`. Response: `{}`. Safety: `request_json` must point to `request_len`\n readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_unpause(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::lifecycle::Pause, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::lifecycle::unpause(&c, r).await }) }
}

#[doc = " Resets a run to a workflow task, starting a new run from there. Request: `{workflow_id,\n run_id, event_id | to: last_workflow_task|first_workflow_task, reason, request_id}`.\n Response: `{run_id}` of the new run. Safety: `request_json` must point to `request_len`\n readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_reset(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::lifecycle::Reset, _, _, crate::model::responses::ResetRun>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::lifecycle::reset(&c, r).await }) }
}

#[doc = " Waits until a worker has started the run's first workflow task, or the run closed (Durable\n Task `WaitForInstanceStart`). Request: `{workflow_id, run_id}`. Response: the\n `tc_workflow_describe` response. Safety: `request_json` must point to `request_len` readable\n bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_wait_for_start(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::durable::WaitForStart, _, _, crate::model::responses::WorkflowDescription>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::durable::wait_for_start(&c, r).await }) }
}

#[doc = " Waits until the workflow closes, following continue-as-new, and reports how it ended without\n raising (Durable Task `WaitForInstanceCompletion`). Request: `{workflow_id, run_id,\n get_inputs_and_outputs}`. Response: `{workflow_id, run_id, workflow_type, status,\n created_at, last_updated_at, input, output, failure}`. Safety: `request_json` must point to\n `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_wait_for_completion(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::durable::WaitForCompletion, _, _, crate::model::responses::Completion>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::durable::wait_for_completion(&c, r).await }) }
}

#[doc = " Lists workflows by filter (Durable Task `GetAllInstances` / `QueryInstances`). Request:\n `{statuses, created_from, created_to, id_prefix, workflow_type, task_queue, page_size,\n next_page_token}` (`continuation_token` is accepted for `next_page_token`). Response:\n `{instances, next_page_token, continuation_token, query}`, the two tokens being the same.\n Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_query_instances(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::durable::QueryInstances, _, _, crate::model::responses::InstancePage>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::durable::query_instances(&c, r).await }) }
}

#[doc = " Deletes every workflow the filter matches (Durable Task `PurgeInstances`). Request: the\n filter keys of `tc_workflow_query_instances` plus `max_concurrency` (default 8). Response:\n `{purged_count}`. Safety: `request_json` must point to `request_len` readable bytes or be\n NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_purge_instances(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::durable::PurgeInstances, _, _, crate::model::responses::Purged>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::durable::purge_instances(&c, r).await }) }
}

#[doc = " Completes an activity with `result` (a JSON value). Response: `{}`; an activity that is no\n longer running gives `not_found`. Safety: `request_json` must point to `request_len`\n readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_activity_complete(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::activity::CompleteCall, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::activity::complete(&c, r).await }) }
}

#[doc = " Fails an activity with `failure: {message, type, non_retryable, details}`. Response: `{}`.\n Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_activity_fail(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::activity::FailCall, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::activity::fail(&c, r).await }) }
}

#[doc = " Records a heartbeat with `details`. Response: `{cancel_requested, paused, reset}`: whether\n the activity should stop. Safety: `request_json` must point to `request_len` readable bytes\n or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_activity_heartbeat(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::activity::DetailsCall, _, _, crate::model::responses::HeartbeatReply>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::activity::heartbeat(&c, r).await }) }
}

#[doc = " Reports that an activity stopped after a cancellation request, with `details`. Response:\n `{}`. Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_activity_report_cancellation(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::activity::DetailsCall, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::activity::report_cancellation(&c, r).await }) }
}

#[doc = " Creates a schedule. Request: `schedule_id`, `spec`, `action` (`{start_workflow:\n <tc_workflow_start keys>}`), `policies`, `state`, `trigger_immediately`, `backfills`,\n `memo`, `search_attributes` (see docs/JSON.md \"Schedules\"). Response: `{schedule_id,\n conflict_token}`. A taken id gives `already_exists` with `schedule_id`. Safety:\n `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_create(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::CreateSchedule, _, _, crate::model::schedule_response::ScheduleCreated>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::create(&c, r).await }) }
}

#[doc = " Describes a schedule. Request: `schedule_id`. Response: the schedule in the create request's\n shape (`spec`, `action`, `policies`, `state`, `memo`, `search_attributes`) plus `info` and\n `conflict_token`. An unknown id gives `not_found` with `schedule_id`. Safety: `request_json`\n must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_describe(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::ScheduleRef, _, _, crate::model::schedule_response::ScheduleDescription>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::describe(&c, r).await }) }
}

#[doc = " Lists schedules one page at a time. Request: `query`, `page_size`, `next_page_token`.\n Response: `{schedules: [...], next_page_token}`; the token is null on the last page. Listing\n is eventually consistent: a new schedule may take a moment to appear. Safety: `request_json`\n must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_list(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::ListSchedules, _, _, crate::model::schedule_response::ScheduleListPage>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::list(&c, r).await }) }
}

#[doc = " Updates a schedule: each given section (`spec`, `action`, `policies`, `state`, `memo`,\n `search_attributes`) replaces that section; the others stay. Request: `schedule_id`, the\n sections, `conflict_token` (from describe; a stale one gives `rpc_error` with `grpc_status`\n `failed_precondition`). Response: `{}`; describe may show the change a moment later. An\n unknown id gives `not_found`. Safety: `request_json` must point to `request_len` readable\n bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_update(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::UpdateSchedule, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::update(&c, r).await }) }
}

#[doc = " Pauses a schedule. Request: `schedule_id`, `note`. Response: `{}`. An unknown id gives\n `not_found`. Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_pause(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::PauseSchedule, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::pause(&c, r).await }) }
}

#[doc = " Unpauses a schedule. Request: `schedule_id`, `note`. Response: `{}`. An unknown id gives\n `not_found`. Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_unpause(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::PauseSchedule, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::unpause(&c, r).await }) }
}

#[doc = " Takes one action of a schedule now. Request: `schedule_id`, `overlap` (the schedule's policy\n when omitted). Response: `{}`. An unknown id gives `not_found`. Safety: `request_json` must\n point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_trigger(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::TriggerSchedule, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::trigger(&c, r).await }) }
}

#[doc = " Takes the actions that were due in past ranges. Request: `schedule_id`, `backfills`\n (`[{start_at, end_at, overlap}]`, at least one). Response: `{}`. An unknown id gives\n `not_found`. Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_backfill(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::BackfillSchedule, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::backfill(&c, r).await }) }
}

#[doc = " Deletes a schedule (workflows it started keep running). Request: `schedule_id`. Response:\n `{}`. An unknown id gives `not_found`. Safety: `request_json` must point to `request_len`\n readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_schedule_delete(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::schedule::ScheduleRef, _, _, crate::model::responses::Empty>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::schedule::delete(&c, r).await }) }
}

#[doc = " Calls any unary method of WorkflowService, OperatorService or Health. Request: `{service:\n \"workflow\"|\"operator\"|\"health\", method: \"DescribeNamespace\", request: {...proto3 JSON...},\n timeout, retry, headers}`; a request message with a `namespace` field gets the client's\n namespace unless it sets one. Response: the response message as canonical proto3 JSON. An\n unknown or streaming method, a request that does not match the method's input type, a header\n gRPC cannot send and a `timeout` beyond the protobuf Duration range are rejected\n synchronously (`TC_RESULT_INVALID_ARGUMENT`, `key` `method`, `request`, `headers` or\n `timeout`). Safety: `request_json` must point to `request_len` readable bytes or be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_client_rpc(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::rpc::RawRpc, _, _, crate::model::responses::RpcResponse>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::rpc::call(&c, r).await }) }
}

#[doc = " The server's version and capabilities. Request: `{}` (or NULL). Response: `{server_version,\n capabilities: {...}}`. Safety: `request_json` must point to `request_len` readable bytes or\n be NULL."]
#[no_mangle]
pub unsafe extern "C" fn tc_client_system_info(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<crate::model::Empty, _, _, crate::model::responses::SystemInfo>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::rpc::system_info(&c, r).await }) }
}
