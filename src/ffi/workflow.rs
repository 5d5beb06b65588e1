//! Workflow exports. Each has the shape of DESIGN rule 5:
//! `tc_workflow_x(client, request_json, request_len, cancel, callback, user_data)`.
//!
//! Shared contract of every function here: `client` and `callback` must not
//! be NULL (else `TC_RESULT_NULL_ARGUMENT`, no callback); `request_json` may
//! be NULL or empty (`{}`); `cancel` may be NULL. The callback fires exactly
//! once: synchronously with the error object for rejected input (the return
//! code names it), else later from a library thread. `user_data` is passed
//! back untouched. The request is copied before the call returns.

use super::TcResult;
use super::{
    callback::TcCallback,
    cancel::TcCancel,
    client::{client_op, TcClient},
};
use crate::ops::workflow as ops;
use std::ffi::{c_char, c_void};

macro_rules! workflow_export {
    ($(#[$doc:meta])* $name:ident => $op:path) => {
        $(#[$doc])*
        ///
        /// # Safety
        /// `request_json` must point to `request_len` readable bytes or be NULL.
        #[no_mangle]
        pub unsafe extern "C" fn $name(
            client: *mut TcClient,
            request_json: *const c_char,
            request_len: usize,
            cancel: *const TcCancel,
            callback: TcCallback,
            user_data: *mut c_void,
        ) -> TcResult {
            // SAFETY: forwarded caller contract.
            unsafe {
                client_op(client, request_json, request_len, cancel, callback, user_data,
                    |c, r| async move { $op(&c, r).await })
            }
        }
    };
}

workflow_export!(
    /// Starts a workflow. Request: the start keys of docs/JSON.md
    /// (`workflow_type`, `task_queue`, `id`, `args`, timeouts, policies,
    /// `memo`, `search_attributes`, ...). Response: `{workflow_id, run_id, started}`.
    /// A running id gives `already_started` with `workflow_id` and `run_id`.
    tc_workflow_start => ops::start
);
workflow_export!(
    /// Signals a workflow, starting it first if it is not running. Request:
    /// the start keys plus `signal_name`, `signal_args`. Response:
    /// `{workflow_id, run_id, started}`.
    tc_workflow_signal_with_start => ops::signal_with_start
);
workflow_export!(
    /// Waits for a workflow's result. Request: `workflow_id`, `run_id`,
    /// `follow_runs` (default true). Response: `{result, run_id}`; a run that
    /// did not complete gives `workflow_failed`, `workflow_cancelled`,
    /// `workflow_terminated`, `workflow_timed_out` or (when not following)
    /// `workflow_continued_as_new`. Waits as long as it takes; cancel it
    /// through `cancel`.
    tc_workflow_result => ops::result
);
workflow_export!(
    /// Describes a workflow execution. Request: `workflow_id`, `run_id`.
    /// Response: see docs/JSON.md. Unknown ids give `not_found`.
    tc_workflow_describe => ops::describe
);
workflow_export!(
    /// Sends a signal. Request: `workflow_id`, `run_id`, `signal_name`,
    /// `args`. Response: `{}`.
    tc_workflow_signal => ops::signal
);
workflow_export!(
    /// Queries a workflow. Request: `workflow_id`, `run_id`, `query_type`,
    /// `args`, `reject_condition`. Response: `{result}`; handler failures and
    /// unknown query types give `query_failed`, rejections `query_rejected`.
    tc_workflow_query => ops::query
);
workflow_export!(
    /// Requests cancellation of a workflow. Request: `workflow_id`, `run_id`,
    /// `reason`. Response: `{}`.
    tc_workflow_cancel => ops::cancel
);
workflow_export!(
    /// Terminates a workflow. Request: `workflow_id`, `run_id`, `reason`,
    /// `details`. Response: `{}`.
    tc_workflow_terminate => ops::terminate
);
