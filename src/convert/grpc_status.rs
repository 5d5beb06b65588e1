//! gRPC status -> [`Error`], decoding Temporal's error details.

use super::failure;
use crate::error::{Error, ErrorCode};
use prost::{Message, Name};
use temporalio_protos::{
    google::rpc::Status as RpcStatus,
    temporal::api::errordetails::v1::{
        MultiOperationExecutionFailure, QueryFailedFailure, WorkflowExecutionAlreadyStartedFailure,
    },
};
use tonic::{Code, Status};

/// The detail messages this library understands, decoded from a status.
enum Detail {
    AlreadyStarted(WorkflowExecutionAlreadyStartedFailure),
    QueryFailed(Box<QueryFailedFailure>),
    MultiOperation(MultiOperationExecutionFailure),
}

fn details(status: &Status) -> Vec<Detail> {
    let Ok(rpc) = RpcStatus::decode(status.details()) else {
        return Vec::new();
    };
    rpc.details
        .iter()
        .filter_map(|any| {
            let name = any.type_url.rsplit('/').next().unwrap_or_default();
            if name == WorkflowExecutionAlreadyStartedFailure::full_name() {
                WorkflowExecutionAlreadyStartedFailure::decode(any.value.as_slice())
                    .ok()
                    .map(Detail::AlreadyStarted)
            } else if name == QueryFailedFailure::full_name() {
                QueryFailedFailure::decode(any.value.as_slice())
                    .ok()
                    .map(|d| Detail::QueryFailed(Box::new(d)))
            } else if name == MultiOperationExecutionFailure::full_name() {
                MultiOperationExecutionFailure::decode(any.value.as_slice())
                    .ok()
                    .map(Detail::MultiOperation)
            } else {
                None
            }
        })
        .collect()
}

/// The snake_case name of a gRPC code, e.g. `not_found`.
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "ok",
        Code::Cancelled => "cancelled",
        Code::Unknown => "unknown",
        Code::InvalidArgument => "invalid_argument",
        Code::DeadlineExceeded => "deadline_exceeded",
        Code::NotFound => "not_found",
        Code::AlreadyExists => "already_exists",
        Code::PermissionDenied => "permission_denied",
        Code::ResourceExhausted => "resource_exhausted",
        Code::FailedPrecondition => "failed_precondition",
        Code::Aborted => "aborted",
        Code::OutOfRange => "out_of_range",
        Code::Unimplemented => "unimplemented",
        Code::Internal => "internal",
        Code::Unavailable => "unavailable",
        Code::DataLoss => "data_loss",
        Code::Unauthenticated => "unauthenticated",
    }
}

/// Converts a status from the server into the library error.
///
/// `NOT_FOUND` -> `not_found`, `ALREADY_EXISTS` -> `already_exists` (or
/// `already_started` with `run_id` when the server says a workflow is
/// running), query failures -> `query_failed` with the decoded `failure`,
/// `DEADLINE_EXCEEDED` -> `timeout`, `UNAVAILABLE` -> `connection_failed`,
/// `INVALID_ARGUMENT` -> `invalid_argument`, everything else (including a
/// server-side `CANCELLED`, which is not the caller's cancel) -> `rpc_error`.
/// A multi-operation failure (update-with-start) is reported as the error
/// of the operation that failed, with `operation_index`.
/// `grpc_code` (number) and `grpc_status` (name) are always set.
pub fn to_error(status: &Status) -> Error {
    let mut code = match status.code() {
        Code::NotFound => ErrorCode::NotFound,
        Code::AlreadyExists => ErrorCode::AlreadyExists,
        Code::DeadlineExceeded => ErrorCode::Timeout,
        Code::Unavailable => ErrorCode::ConnectionFailed,
        Code::InvalidArgument => ErrorCode::InvalidArgument,
        _ => ErrorCode::RpcError,
    };
    let mut extra = Vec::new();
    for detail in details(status) {
        match detail {
            Detail::AlreadyStarted(d) => {
                code = ErrorCode::AlreadyStarted;
                extra.push(("run_id", d.run_id.into()));
            }
            Detail::QueryFailed(d) => {
                code = ErrorCode::QueryFailed;
                if let Some(f) = d.failure.as_ref() {
                    extra.push(("failure", failure::to_json(f)));
                }
            }
            Detail::MultiOperation(m) => {
                if let Some(err) = failed_operation(&m) {
                    return err;
                }
            }
        }
    }
    let mut err = Error::new(code, status.message())
        .with("grpc_code", status.code() as i32)
        .with("grpc_status", code_name(status.code()));
    for (k, v) in extra {
        err = err.with(k, v);
    }
    err
}

/// The error of the first operation of a multi-operation that failed on its
/// own (the others carry `ABORTED`).
fn failed_operation(failure: &MultiOperationExecutionFailure) -> Option<Error> {
    let (index, op) = failure
        .statuses
        .iter()
        .enumerate()
        .find(|(_, op)| op.code != Code::Aborted as i32 && op.code != Code::Ok as i32)?;
    let details = RpcStatus {
        code: op.code,
        message: op.message.clone(),
        details: op.details.clone(),
    };
    let status = Status::with_details(
        Code::from_i32(op.code),
        op.message.clone(),
        details.encode_to_vec().into(),
    );
    Some(to_error(&status).with("operation_index", index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_cancel_is_an_rpc_error_not_the_callers_cancel() {
        let err = to_error(&Status::cancelled("operation was canceled"));
        assert_eq!(err.code(), ErrorCode::RpcError);
        assert_eq!(err.field("grpc_status"), Some(&"cancelled".into()));
    }
}
