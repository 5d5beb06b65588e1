//! Operations: plain async functions `request -> Result<JSON>` over a
//! [`Client`](crate::client::Client). No FFI types here.

pub mod activity;
mod closure_watch;
pub mod durable;
pub mod history;
pub mod lifecycle;
pub mod result_wait;
pub mod rpc;
mod rpc_methods;
pub mod schedule;
pub mod task_queue;
pub mod update;
pub mod visibility;
pub mod workflow;

use crate::convert::grpc_status;
use crate::error::Error;

/// `unary!(client, method, request)`: calls the WorkflowService `method` with
/// `request` (retried as the connection retries) and evaluates to the
/// response message; a failed call returns early with [`rpc_error`].
macro_rules! unary {
    ($client:expr, $method:ident, $request:expr) => {
        $client
            .workflow_service()
            .await?
            .$method(tonic::Request::new($request))
            .await
            .map_err($crate::ops::rpc_error)?
            .into_inner()
    };
}
pub(crate) use unary;

/// Maps a failed RPC to the library error.
pub(crate) fn rpc_error(status: tonic::Status) -> Error {
    grpc_status::to_error(&status)
}

/// A fresh request id (UUID v4) unless the caller gave one.
pub(crate) fn request_id(given: &Option<String>) -> String {
    given
        .clone()
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
}
