//! Raw RPC and server info exports. Shared contract: see src/ffi/workflow.rs.

use super::TcResult;
use super::{
    callback::TcCallback,
    cancel::TcCancel,
    client::{client_op, TcClient},
};
use crate::model::Empty;
use crate::ops::rpc as ops;
use std::ffi::{c_char, c_void};

/// Calls any unary method of WorkflowService, OperatorService or Health.
/// Request: `{service: "workflow"|"operator"|"health", method: "DescribeNamespace",
/// request: {...proto3 JSON...}, timeout, retry, headers}`; a request
/// message with a `namespace` field gets the client's namespace unless it
/// sets one. Response: the response message as canonical proto3 JSON.
/// An unknown or streaming method, a request that does not match the
/// method's input type, a header gRPC cannot send and a `timeout` beyond
/// the protobuf Duration range are rejected synchronously
/// (`TC_RESULT_INVALID_ARGUMENT`, `key` `method`, `request`, `headers` or
/// `timeout`).
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_client_rpc(
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
            |c, r| async move { ops::call(&c, r).await },
        )
    }
}

/// The server's version and capabilities. Request: `{}` (or NULL).
/// Response: `{server_version, capabilities: {...}}`.
///
/// # Safety
/// `request_json` must point to `request_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_client_system_info(
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
            |c, _: Empty| async move { ops::system_info(&c).await },
        )
    }
}
