//! Listing, counting and history exports. Shared contract: see src/ffi/workflow.rs.

use super::TcResult;
use super::{
    callback::TcCallback,
    cancel::TcCancel,
    client::{client_op, TcClient},
};
use crate::ops::{history, visibility};
use std::ffi::{c_char, c_void};

/// Lists workflow executions. Request: `{query, page_size, next_page_token}`
/// (`query` in Temporal's visibility syntax). Response:
/// `{executions: [{workflow_id, run_id, workflow_type, task_queue, status, start_time, ...}], next_page_token}`
/// (`null` token on the last page).
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_list(
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
            |c, r| async move { visibility::list(&c, r).await },
        )
    }
}

/// Counts workflow executions. Request: `{query}` (may end in
/// `GROUP BY ExecutionStatus`). Response: `{count, groups: [{values, count}]}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_count(
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
            |c, r| async move { visibility::count(&c, r).await },
        )
    }
}

/// Reads one page of a run's history. Request: `{workflow_id, run_id,
/// event_filter: all|close, wait_new_event, skip_archival, page_size,
/// next_page_token}`. Response: `{events, next_page_token}` with events as
/// canonical proto3 JSON.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_fetch_history(
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
            |c, r| async move { history::fetch(&c, r).await },
        )
    }
}

/// Reads a run's whole history, paging until done. Request:
/// `{workflow_id, run_id}`. Response: `{events}` (the format of
/// `temporal workflow show --output json`).
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_workflow_export_history(
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
            |c, r| async move { history::export(&c, r).await },
        )
    }
}
