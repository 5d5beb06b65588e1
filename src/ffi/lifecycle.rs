//! Delete, pause, unpause and reset exports. Shared contract: see src/ffi/workflow.rs.

use super::TcResult;
use super::{
    callback::TcCallback,
    cancel::TcCancel,
    client::{client_op, TcClient},
};
use crate::ops::lifecycle;
use std::ffi::{c_char, c_void};

/// Deletes an execution and its history (Durable Task `PurgeInstance`;
/// a running execution is terminated first). Request: `{workflow_id, run_id}`.
/// Response: `{}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_delete(
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
            |c, r| async move { lifecycle::delete(&c, r).await },
        )
    }
}

/// Pauses a running workflow: no new tasks are dispatched until it is
/// unpaused (Durable Task `SuspendInstance`; the server's experimental
/// pause must be enabled). Request: `{workflow_id, run_id, reason,
/// request_id}`. Response: `{}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_pause(
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
            |c, r| async move { lifecycle::pause(&c, r).await },
        )
    }
}

/// Resumes a paused workflow (Durable Task `ResumeInstance`). Request:
/// `{workflow_id, run_id, reason, request_id}`. Response: `{}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_unpause(
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
            |c, r| async move { lifecycle::unpause(&c, r).await },
        )
    }
}

/// Resets a run to a workflow task, starting a new run from there.
/// Request: `{workflow_id, run_id, event_id | to: last_workflow_task|first_workflow_task,
/// reason, request_id}`. Response: `{run_id}` of the new run.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_reset(
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
            |c, r| async move { lifecycle::reset(&c, r).await },
        )
    }
}
