//! Asynchronous activity completion exports. Shared contract: see
//! src/ffi/workflow.rs. Every request names the activity by `task_token`
//! (base64) or by `workflow_id` + `activity_id` (+ optional `run_id`).

use super::TcResult;
use super::{
    callback::TcCallback,
    cancel::TcCancel,
    client::{client_op, TcClient},
};
use crate::ops::activity;
use std::ffi::{c_char, c_void};

/// Completes an activity with `result` (a JSON value). Response: `{}`;
/// an activity that is no longer running gives `not_found`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_activity_complete(
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
            |c, r| async move { activity::complete(&c, r).await },
        )
    }
}

/// Fails an activity with `failure: {message, type, non_retryable,
/// details}`. Response: `{}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_activity_fail(
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
            |c, r| async move { activity::fail(&c, r).await },
        )
    }
}

/// Records a heartbeat with `details`. Response: `{cancel_requested,
/// paused, reset}`: whether the activity should stop.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_activity_heartbeat(
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
            |c, r| async move { activity::heartbeat(&c, r).await },
        )
    }
}

/// Reports that an activity stopped after a cancellation request, with
/// `details`. Response: `{}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_activity_report_cancellation(
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
            |c, r| async move { activity::report_cancellation(&c, r).await },
        )
    }
}
