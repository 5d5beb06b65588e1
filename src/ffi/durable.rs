//! Durable Task client exports (docs/JSON.md maps each to its Durable Task
//! name). Shared contract: see src/ffi/workflow.rs.

use super::TcResult;
use super::{
    callback::TcCallback,
    cancel::TcCancel,
    client::{client_op, TcClient},
};
use crate::ops::durable;
use std::ffi::{c_char, c_void};

/// Waits until a worker has started the run's first workflow task, or the
/// run closed (Durable Task `WaitForInstanceStart`). Request:
/// `{workflow_id, run_id}`. Response: the `tc_workflow_describe` response.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_wait_for_start(
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
            |c, r| async move { durable::wait_for_start(&c, r).await },
        )
    }
}

/// Waits until the workflow closes, following continue-as-new, and
/// reports how it ended without raising (Durable Task
/// `WaitForInstanceCompletion`). Request: `{workflow_id, run_id,
/// get_inputs_and_outputs}`. Response: `{workflow_id, run_id, workflow_type,
/// status, created_at, last_updated_at, input, output, failure}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_wait_for_completion(
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
            |c, r| async move { durable::wait_for_completion(&c, r).await },
        )
    }
}

/// Lists workflows by filter (Durable Task `GetAllInstances` /
/// `QueryInstances`). Request: `{statuses, created_from, created_to,
/// id_prefix, workflow_type, task_queue, page_size, continuation_token}`.
/// Response: `{instances, continuation_token, query}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_query_instances(
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
            |c, r| async move { durable::query_instances(&c, r).await },
        )
    }
}

/// Deletes every workflow the filter matches (Durable Task
/// `PurgeInstances`). Request: the filter keys of
/// `tc_workflow_query_instances` plus `max_concurrency` (default 8).
/// Response: `{purged_count}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_purge_instances(
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
            |c, r| async move { durable::purge_instances(&c, r).await },
        )
    }
}
