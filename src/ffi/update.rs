//! Workflow update exports. Shared contract: see src/ffi/workflow.rs.

use super::TcResult;
use super::{
    callback::TcCallback,
    cancel::TcCancel,
    client::{client_op, TcClient},
};
use crate::model::update::ExecuteUpdate;
use crate::ops::update;
use std::ffi::{c_char, c_void};

/// Executes an update and waits for its outcome. Request: `{workflow_id,
/// run_id, first_execution_run_id, update_name, args, update_id, headers}`.
/// Response: `{update_id, result}`; a rejected or failed update gives
/// `update_failed` with `failure`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_update(
    client: *mut TcClient,
    request_json: *const c_char,
    request_len: usize,
    cancel: *const TcCancel,
    callback: TcCallback,
    user_data: *mut c_void,
) -> TcResult {
    // SAFETY: forwarded caller contract.
    unsafe {
        client_op(
            client,
            request_json,
            request_len,
            cancel,
            callback,
            user_data,
            |c, r: ExecuteUpdate| async move { update::execute(&c, r.0).await },
        )
    }
}

/// Sends an update and waits until it reaches `wait_for_stage`
/// (`accepted`, default, or `completed`). Request: the keys of
/// `tc_workflow_update` plus `wait_for_stage`. Response: `{update_id}`
/// (plus `result` when completed); a rejection gives `update_failed`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_start_update(
    client: *mut TcClient,
    request_json: *const c_char,
    request_len: usize,
    cancel: *const TcCancel,
    callback: TcCallback,
    user_data: *mut c_void,
) -> TcResult {
    // SAFETY: forwarded caller contract.
    unsafe {
        client_op(
            client,
            request_json,
            request_len,
            cancel,
            callback,
            user_data,
            |c, r| async move { update::start(&c, r).await },
        )
    }
}

/// Waits for the outcome of an update by id, across server long-poll
/// timeouts. Request: `{workflow_id, run_id, update_id}`. Response:
/// `{update_id, result}` or `update_failed`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_update_result(
    client: *mut TcClient,
    request_json: *const c_char,
    request_len: usize,
    cancel: *const TcCancel,
    callback: TcCallback,
    user_data: *mut c_void,
) -> TcResult {
    // SAFETY: forwarded caller contract.
    unsafe {
        client_op(
            client,
            request_json,
            request_len,
            cancel,
            callback,
            user_data,
            |c, r| async move { update::result(&c, r).await },
        )
    }
}

/// Starts a workflow (or uses the running one) and sends it an update in
/// one request. Request: the keys of `tc_workflow_start` (`id_conflict_policy`
/// required; `args` are the workflow's) plus `update_name`, `update_args`,
/// `update_id`, `update_headers`, `wait_for_stage` (default `completed`).
/// Response: `{workflow_id, run_id, started, update_id, result?}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_update_with_start(
    client: *mut TcClient,
    request_json: *const c_char,
    request_len: usize,
    cancel: *const TcCancel,
    callback: TcCallback,
    user_data: *mut c_void,
) -> TcResult {
    // SAFETY: forwarded caller contract.
    unsafe {
        client_op(
            client,
            request_json,
            request_len,
            cancel,
            callback,
            user_data,
            |c, r| async move { update::with_start(&c, r).await },
        )
    }
}
