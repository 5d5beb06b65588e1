//! The operation table: every asynchronous client export of the C ABI,
//! described once.
//!
//! From [`OPERATIONS`] come the `extern "C"` exports in
//! `src/ffi/exports.rs` ([`render_exports`]; cbindgen does not expand
//! macros, so they are generated source, committed, and checked for drift
//! by tests/operations.rs) and the machine-readable manifest
//! `include/temporal_capi.operations.json` ([`manifest`]), from which the
//! bindings' drift tests check their declarations.
//!
//! Adding an operation takes a request type in `src/model`, an `ops`
//! function `async fn(&Client, Request) -> Result<_>` and one row here; then
//! run `cargo test --test operations` (outside CI it rewrites the generated
//! files) and rebuild.

use crate::error::Result;
use crate::ffi::{cancel::TcCancel, client::TcClient, TcCallback, TcResult};
use crate::model::validate::Validate;
use crate::operation_index::INDEX;
use schemars::{Schema, SchemaGenerator};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::ffi::{c_char, c_void};

/// One asynchronous client export: `TcResult <export>(TcClient *client,
/// const char *request_json, size_t request_len, const TcCancel *cancel,
/// TcCallback callback, void *user_data)` (docs/ABI.md rule 5).
pub struct Operation {
    /// The C name, `tc_<object>_<verb>`.
    pub export: &'static str,
    /// The function below `crate::ops` that runs it, `module::function`:
    /// `async fn(&Client, request) -> Result<response>`.
    pub run: &'static str,
    /// The request type, a path below `crate::model` (`Deserialize`,
    /// `Validate`, `JsonSchema`).
    pub request: &'static str,
    /// The response type, a path below `crate::model` (`Serialize`,
    /// `JsonSchema`).
    pub response: &'static str,
    /// Whether a response is one page of a listing: it carries
    /// `next_page_token` (null on the last page), which the next request
    /// passes back as `next_page_token`.
    pub pages: bool,
    /// The export's contract (its doc comment in the header, wrapped): what
    /// it does, the request keys, the response and notable errors.
    pub doc: &'static str,
}

/// The C signature every asynchronous client export shares.
pub type AsyncExport = unsafe extern "C" fn(
    *mut TcClient,
    *const c_char,
    usize,
    *const TcCancel,
    TcCallback,
    *mut c_void,
) -> TcResult;

/// An asynchronous export with the schemas of its request and response.
pub struct IndexEntry {
    /// The C name.
    pub export: &'static str,
    /// The function itself.
    pub function: AsyncExport,
    /// Adds the request's schema to a generator; returns a reference to it.
    pub request: fn(&mut SchemaGenerator) -> Schema,
    /// Adds the response's schema to a generator; returns a reference to it.
    pub response: fn(&mut SchemaGenerator) -> Schema,
    /// Parses and validates a request as the export does before it returns.
    pub parse: fn(&[u8]) -> Result<()>,
}

/// Parses and validates a request of type `T` ([`IndexEntry::parse`]).
pub fn parse_request<T: DeserializeOwned + Validate>(json: &[u8]) -> Result<()> {
    crate::model::parse_valid::<T>(json).map(drop)
}

/// The export whose function is `function`, if it is an asynchronous one.
pub fn export_name(function: AsyncExport) -> Option<&'static str> {
    INDEX
        .iter()
        .find(|e| std::ptr::fn_addr_eq(e.function, function))
        .map(|e| e.export)
}

/// Every asynchronous client export, in header order.
pub static OPERATIONS: &[Operation] = &[
    Operation {
        export: "tc_workflow_start",
        run: "workflow::start",
        request: "workflow::StartWorkflow",
        response: "responses::Started",
        pages: false,
        doc: "Starts a workflow. Request: the start keys of docs/JSON.md (`workflow_type`, \
              `task_queue`, `id`, `args`, timeouts, policies, `memo`, `search_attributes`, \
              ...). Response: `{workflow_id, run_id, started}`. A running id gives \
              `already_started` with `workflow_id` and `run_id`.",
    },
    Operation {
        export: "tc_workflow_signal_with_start",
        run: "workflow::signal_with_start",
        request: "workflow::SignalWithStart",
        response: "responses::Started",
        pages: false,
        doc: "Signals a workflow, starting it first if it is not running. Request: the start \
              keys plus `signal_name`, `signal_args`. Response: `{workflow_id, run_id, \
              started}`.",
    },
    Operation {
        export: "tc_workflow_result",
        run: "result_wait::result",
        request: "workflow::GetResult",
        response: "responses::WorkflowResult",
        pages: false,
        doc: "Waits for a workflow's result. Request: `workflow_id`, `run_id`, `follow_runs` \
              (default true). Response: `{result, run_id}`; a run that did not complete gives \
              `workflow_failed`, `workflow_cancelled`, `workflow_terminated`, \
              `workflow_timed_out` or (when not following) `workflow_continued_as_new`. Waits \
              as long as it takes; cancel it through `cancel`.",
    },
    Operation {
        export: "tc_workflow_describe",
        run: "workflow::describe",
        request: "workflow::ExecutionRef",
        response: "responses::WorkflowDescription",
        pages: false,
        doc: "Describes a workflow execution. Request: `workflow_id`, `run_id`. Response: see \
              docs/JSON.md. Unknown ids give `not_found`.",
    },
    Operation {
        export: "tc_workflow_signal",
        run: "workflow::signal",
        request: "workflow::Signal",
        response: "responses::Empty",
        pages: false,
        doc: "Sends a signal. Request: `workflow_id`, `run_id`, `signal_name`, `args`. \
              Response: `{}`.",
    },
    Operation {
        export: "tc_workflow_query",
        run: "workflow::query",
        request: "workflow::Query",
        response: "responses::QueryResult",
        pages: false,
        doc: "Queries a workflow. Request: `workflow_id`, `run_id`, `query_type`, `args`, \
              `reject_condition`. Response: `{result}`; handler failures and unknown query \
              types give `query_failed`, rejections `query_rejected`.",
    },
    Operation {
        export: "tc_workflow_cancel",
        run: "workflow::cancel",
        request: "workflow::Cancel",
        response: "responses::Empty",
        pages: false,
        doc: "Requests cancellation of a workflow. Request: `workflow_id`, `run_id`, `reason`. \
              Response: `{}`.",
    },
    Operation {
        export: "tc_workflow_terminate",
        run: "workflow::terminate",
        request: "workflow::Terminate",
        response: "responses::Empty",
        pages: false,
        doc: "Terminates a workflow. Request: `workflow_id`, `run_id`, `reason`, `details`. \
              Response: `{}`.",
    },
    Operation {
        export: "tc_workflow_update",
        run: "update::execute",
        request: "update::ExecuteUpdate",
        response: "responses::UpdateOutcome",
        pages: false,
        doc: "Executes an update and waits for its outcome. Request: `{workflow_id, run_id, \
              first_execution_run_id, update_name, args, update_id, headers}`. Response: \
              `{update_id, result}`; a rejected or failed update gives `update_failed` with \
              `failure`.",
    },
    Operation {
        export: "tc_workflow_start_update",
        run: "update::start",
        request: "update::Update",
        response: "responses::UpdateOutcome",
        pages: false,
        doc: "Sends an update and waits until it reaches `wait_for_stage` (`accepted`, \
              default, or `completed`). Request: the keys of `tc_workflow_update` plus \
              `wait_for_stage`. Response: `{update_id}` (plus `result` when completed); a \
              rejection gives `update_failed`.",
    },
    Operation {
        export: "tc_workflow_update_result",
        run: "update::result",
        request: "update::UpdateResult",
        response: "responses::UpdateOutcome",
        pages: false,
        doc: "Waits for the outcome of an update by id, across server long-poll timeouts. \
              Request: `{workflow_id, run_id, update_id}`. Response: `{update_id, result}` or \
              `update_failed`.",
    },
    Operation {
        export: "tc_workflow_update_with_start",
        run: "update::with_start",
        request: "update::UpdateWithStart",
        response: "responses::UpdateWithStartOutcome",
        pages: false,
        doc: "Starts a workflow (or uses the running one) and sends it an update in one \
              request. Request: the keys of `tc_workflow_start` (`id_conflict_policy` \
              required; `args` are the workflow's) plus `update_name`, `update_args`, \
              `update_id`, `update_headers`, `wait_for_stage` (default `completed`). Response: \
              `{workflow_id, run_id, started, update_id, result?}`.",
    },
    Operation {
        export: "tc_workflow_list",
        run: "visibility::list",
        request: "visibility::ListWorkflows",
        response: "responses::WorkflowPage",
        pages: true,
        doc: "Lists workflow executions. Request: `{query, page_size, next_page_token}` \
              (`query` in Temporal's visibility syntax). Response: `{executions: \
              [{workflow_id, run_id, workflow_type, task_queue, status, start_time, ...}], \
              next_page_token}` (`null` token on the last page).",
    },
    Operation {
        export: "tc_workflow_count",
        run: "visibility::count",
        request: "visibility::CountWorkflows",
        response: "responses::WorkflowCount",
        pages: false,
        doc: "Counts workflow executions. Request: `{query}` (may end in `GROUP BY \
              ExecutionStatus`). Response: `{count, groups: [{values, count}]}`.",
    },
    Operation {
        export: "tc_workflow_describe_task_queue",
        run: "task_queue::describe",
        request: "task_queue::DescribeTaskQueue",
        response: "task_queue::TaskQueueDescription",
        pages: false,
        doc: "Describes a task queue. Request: `task_queue`, `task_queue_type` (`workflow`, the \
              default, or `activity`), `report_pollers` (default true), `report_stats` (default \
              false). Response: `{pollers: [{identity, last_access_time, rate_per_second}], \
              stats}`; `stats` is null unless asked for.",
    },
    Operation {
        export: "tc_workflow_fetch_history",
        run: "history::fetch",
        request: "visibility::FetchHistory",
        response: "responses::HistoryPage",
        pages: true,
        doc: "Reads one page of a run's history. Request: `{workflow_id, run_id, event_filter: \
              all|close, wait_new_event, skip_archival, page_size, next_page_token}`. \
              Response: `{events, next_page_token}` with events as canonical proto3 JSON.",
    },
    Operation {
        export: "tc_workflow_export_history",
        run: "history::export",
        request: "visibility::ExportHistory",
        response: "responses::History",
        pages: false,
        doc: "Reads a run's whole history, paging until done. Request: `{workflow_id, \
              run_id}`. Response: `{events}` (the format of `temporal workflow show --output \
              json`).",
    },
    Operation {
        export: "tc_workflow_delete",
        run: "lifecycle::delete",
        request: "lifecycle::Delete",
        response: "responses::Empty",
        pages: false,
        doc: "Deletes an execution and its history (Durable Task `PurgeInstance`; a running \
              execution is terminated first). Request: `{workflow_id, run_id}`. Response: \
              `{}`.",
    },
    Operation {
        export: "tc_workflow_pause",
        run: "lifecycle::pause",
        request: "lifecycle::Pause",
        response: "responses::Empty",
        pages: false,
        doc: "Pauses a running workflow: no new tasks are dispatched until it is unpaused \
              (Durable Task `SuspendInstance`; the server's experimental pause must be \
              enabled). Request: `{workflow_id, run_id, reason, request_id}`. Response: `{}`.",
    },
    Operation {
        export: "tc_workflow_unpause",
        run: "lifecycle::unpause",
        request: "lifecycle::Pause",
        response: "responses::Empty",
        pages: false,
        doc: "Resumes a paused workflow (Durable Task `ResumeInstance`). Request: \
              `{workflow_id, run_id, reason, request_id}`. Response: `{}`.",
    },
    Operation {
        export: "tc_workflow_reset",
        run: "lifecycle::reset",
        request: "lifecycle::Reset",
        response: "responses::ResetRun",
        pages: false,
        doc: "Resets a run to a workflow task, starting a new run from there. Request: \
              `{workflow_id, run_id, event_id | to: last_workflow_task|first_workflow_task, \
              reason, request_id}`. Response: `{run_id}` of the new run.",
    },
    Operation {
        export: "tc_workflow_wait_for_start",
        run: "durable::wait_for_start",
        request: "durable::WaitForStart",
        response: "responses::WorkflowDescription",
        pages: false,
        doc: "Waits until a worker has started the run's first workflow task, or the run \
              closed (Durable Task `WaitForInstanceStart`). Request: `{workflow_id, run_id}`. \
              Response: the `tc_workflow_describe` response.",
    },
    Operation {
        export: "tc_workflow_wait_for_completion",
        run: "durable::wait_for_completion",
        request: "durable::WaitForCompletion",
        response: "responses::Completion",
        pages: false,
        doc: "Waits until the workflow closes, following continue-as-new, and reports how it \
              ended without raising (Durable Task `WaitForInstanceCompletion`). Request: \
              `{workflow_id, run_id, get_inputs_and_outputs}`. Response: `{workflow_id, \
              run_id, workflow_type, status, created_at, last_updated_at, input, output, \
              failure}`.",
    },
    Operation {
        export: "tc_workflow_query_instances",
        run: "durable::query_instances",
        request: "durable::QueryInstances",
        response: "responses::InstancePage",
        pages: true,
        doc: "Lists workflows by filter (Durable Task `GetAllInstances` / `QueryInstances`). \
              Request: `{statuses, created_from, created_to, id_prefix, workflow_type, \
              task_queue, page_size, next_page_token}` (`continuation_token` is accepted for \
              `next_page_token`). Response: `{instances, next_page_token, continuation_token, \
              query}`, the two tokens being the same.",
    },
    Operation {
        export: "tc_workflow_purge_instances",
        run: "durable::purge_instances",
        request: "durable::PurgeInstances",
        response: "responses::Purged",
        pages: false,
        doc: "Deletes every workflow the filter matches (Durable Task `PurgeInstances`). \
              Request: the filter keys of `tc_workflow_query_instances` plus `max_concurrency` \
              (default 8). Response: `{purged_count}`.",
    },
    Operation {
        export: "tc_activity_complete",
        run: "activity::complete",
        request: "activity::CompleteCall",
        response: "responses::Empty",
        pages: false,
        doc: "Completes an activity with `result` (a JSON value). Response: `{}`; an activity \
              that is no longer running gives `not_found`.",
    },
    Operation {
        export: "tc_activity_fail",
        run: "activity::fail",
        request: "activity::FailCall",
        response: "responses::Empty",
        pages: false,
        doc: "Fails an activity with `failure: {message, type, non_retryable, details}`. \
              Response: `{}`.",
    },
    Operation {
        export: "tc_activity_heartbeat",
        run: "activity::heartbeat",
        request: "activity::DetailsCall",
        response: "responses::HeartbeatReply",
        pages: false,
        doc: "Records a heartbeat with `details`. Response: `{cancel_requested, paused, \
              reset}`: whether the activity should stop.",
    },
    Operation {
        export: "tc_activity_report_cancellation",
        run: "activity::report_cancellation",
        request: "activity::DetailsCall",
        response: "responses::Empty",
        pages: false,
        doc: "Reports that an activity stopped after a cancellation request, with `details`. \
              Response: `{}`.",
    },
    Operation {
        export: "tc_schedule_create",
        run: "schedule::create",
        request: "schedule::CreateSchedule",
        response: "schedule_response::ScheduleCreated",
        pages: false,
        doc: "Creates a schedule. Request: `schedule_id`, `spec`, `action` (`{start_workflow: \
              <tc_workflow_start keys>}`), `policies`, `state`, `trigger_immediately`, \
              `backfills`, `memo`, `search_attributes` (see docs/JSON.md \"Schedules\"). \
              Response: `{schedule_id, conflict_token}`. A taken id gives `already_exists` \
              with `schedule_id`.",
    },
    Operation {
        export: "tc_schedule_describe",
        run: "schedule::describe",
        request: "schedule::ScheduleRef",
        response: "schedule_response::ScheduleDescription",
        pages: false,
        doc: "Describes a schedule. Request: `schedule_id`. Response: the schedule in the \
              create request's shape (`spec`, `action`, `policies`, `state`, `memo`, \
              `search_attributes`) plus `info` and `conflict_token`. An unknown id gives \
              `not_found` with `schedule_id`.",
    },
    Operation {
        export: "tc_schedule_list",
        run: "schedule::list",
        request: "schedule::ListSchedules",
        response: "schedule_response::ScheduleListPage",
        pages: true,
        doc: "Lists schedules one page at a time. Request: `query`, `page_size`, \
              `next_page_token`. Response: `{schedules: [...], next_page_token}`; the token is \
              null on the last page. Listing is eventually consistent: a new schedule may take \
              a moment to appear.",
    },
    Operation {
        export: "tc_schedule_update",
        run: "schedule::update",
        request: "schedule::UpdateSchedule",
        response: "responses::Empty",
        pages: false,
        doc: "Updates a schedule: each given section (`spec`, `action`, `policies`, `state`, \
              `memo`, `search_attributes`) replaces that section; the others stay. Request: \
              `schedule_id`, the sections, `conflict_token` (from describe; a stale one gives \
              `rpc_error` with `grpc_status` `failed_precondition`). Response: `{}`; describe \
              may show the change a moment later. An unknown id gives `not_found`.",
    },
    Operation {
        export: "tc_schedule_pause",
        run: "schedule::pause",
        request: "schedule::PauseSchedule",
        response: "responses::Empty",
        pages: false,
        doc: "Pauses a schedule. Request: `schedule_id`, `note`. Response: `{}`. An unknown id \
              gives `not_found`.",
    },
    Operation {
        export: "tc_schedule_unpause",
        run: "schedule::unpause",
        request: "schedule::PauseSchedule",
        response: "responses::Empty",
        pages: false,
        doc: "Unpauses a schedule. Request: `schedule_id`, `note`. Response: `{}`. An unknown \
              id gives `not_found`.",
    },
    Operation {
        export: "tc_schedule_trigger",
        run: "schedule::trigger",
        request: "schedule::TriggerSchedule",
        response: "responses::Empty",
        pages: false,
        doc: "Takes one action of a schedule now. Request: `schedule_id`, `overlap` (the \
              schedule's policy when omitted). Response: `{}`. An unknown id gives \
              `not_found`.",
    },
    Operation {
        export: "tc_schedule_backfill",
        run: "schedule::backfill",
        request: "schedule::BackfillSchedule",
        response: "responses::Empty",
        pages: false,
        doc: "Takes the actions that were due in past ranges. Request: `schedule_id`, \
              `backfills` (`[{start_at, end_at, overlap}]`, at least one). Response: `{}`. An \
              unknown id gives `not_found`.",
    },
    Operation {
        export: "tc_schedule_delete",
        run: "schedule::delete",
        request: "schedule::ScheduleRef",
        response: "responses::Empty",
        pages: false,
        doc: "Deletes a schedule (workflows it started keep running). Request: `schedule_id`. \
              Response: `{}`. An unknown id gives `not_found`.",
    },
    Operation {
        export: "tc_client_rpc",
        run: "rpc::call",
        request: "rpc::RawRpc",
        response: "responses::RpcResponse",
        pages: false,
        doc: "Calls any unary method of WorkflowService, OperatorService or Health. Request: \
              `{service: \"workflow\"|\"operator\"|\"health\", method: \"DescribeNamespace\", request: \
              {...proto3 JSON...}, timeout, retry, headers}`; a request message with a \
              `namespace` field gets the client's namespace unless it sets one. Response: the \
              response message as canonical proto3 JSON. An unknown or streaming method, a \
              request that does not match the method's input type, a header gRPC cannot send \
              and a `timeout` beyond the protobuf Duration range are rejected synchronously \
              (`TC_RESULT_INVALID_ARGUMENT`, `key` `method`, `request`, `headers` or \
              `timeout`).",
    },
    Operation {
        export: "tc_client_system_info",
        run: "rpc::system_info",
        request: "Empty",
        response: "responses::SystemInfo",
        pages: false,
        doc: "The server's version and capabilities. Request: `{}` (or NULL). Response: \
              `{server_version, capabilities: {...}}`.",
    },
];

/// The source of `src/ffi/exports.rs`: one `extern "C"` function per row
/// of [`OPERATIONS`], each a call of `client_op` with its `ops` function.
pub fn render_exports() -> String {
    let mut out = String::from(EXPORTS_PREAMBLE);
    for op in OPERATIONS {
        out.push('\n');
        let doc = format!("{} {SAFETY}", op.doc);
        let lines: Vec<String> = wrap(&doc, DOC_WIDTH)
            .iter()
            .map(|line| format!(" {line}"))
            .collect();
        out.push_str(&format!("#[doc = {:?}]\n", lines.join("\n")));
        out.push_str(
            &EXPORT_TEMPLATE
                .replace("{export}", op.export)
                .replace("{run}", op.run)
                .replace("{request}", &model_path(op.request))
                .replace("{response}", &model_path(op.response)),
        );
    }
    out
}

/// The full path of a type named below `crate::model`.
fn model_path(name: &str) -> String {
    format!("crate::model::{name}")
}

/// The source of `src/operation_index.rs`: every export's function pointer
/// with its request and response types, for the JSON Schema and tests.
pub fn render_index() -> String {
    let mut out = String::from(INDEX_PREAMBLE);
    for op in OPERATIONS {
        out.push_str(&format!(
            "    IndexEntry {{ export: \"{}\", function: exports::{}, request: schema::<{req}>, response: schema::<{}>, parse: parse_request::<{req}> }},\n",
            op.export,
            op.export,
            model_path(op.response),
            req = model_path(op.request),
        ));
    }
    out.push_str("];\n");
    out
}

/// The head of `src/operation_index.rs`.
const INDEX_PREAMBLE: &str = "\
//! Every asynchronous export with its request and response types.
//! GENERATED from the operation table (src/operations.rs) by
//! tests/operations.rs: do not edit by hand.

use crate::ffi::exports;
use crate::operations::{parse_request, IndexEntry};
use crate::schema::schema;

/// One entry per row of `OPERATIONS`, in the same order.
pub static INDEX: &[IndexEntry] = &[
";

/// Columns of doc text per line in the generated exports.
const DOC_WIDTH: usize = 92;

/// `text` broken at spaces into lines of at most `width` columns (a longer
/// word stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The safety contract of every export, the last sentence of its doc.
const SAFETY: &str =
    "Safety: `request_json` must point to `request_len` readable bytes or be NULL.";

/// The part of each generated export after its doc attribute (one
/// attribute, so that every export is six lines of the same shape).
const EXPORT_TEMPLATE: &str = r#"#[no_mangle]
pub unsafe extern "C" fn {export}(client: *mut TcClient, request_json: *const c_char, request_len: usize, cancel: *const TcCancel, callback: TcCallback, user_data: *mut c_void) -> TcResult {
    unsafe { client_op::<{request}, _, _, {response}>(client, request_json, request_len, cancel, callback, user_data, |c, r| async move { crate::ops::{run}(&c, r).await }) }
}
"#;

/// The head of `src/ffi/exports.rs`.
const EXPORTS_PREAMBLE: &str = "\
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
";

/// The manifest `include/temporal_capi.operations.json`: the ABI version
/// and, for each asynchronous export, its name, parameters and whether it
/// pages.
pub fn manifest() -> Value {
    let operations: Vec<Value> = OPERATIONS
        .iter()
        .map(|op| {
            json!({
                "export": op.export,
                "pages": op.pages,
                "doc": op.doc,
            })
        })
        .collect();
    json!({
        "abi_version": crate::ffi::version::TC_ABI_VERSION,
        "async_parameters": ["client", "request_json", "request_len", "cancel", "callback", "user_data"],
        "page_token_key": "next_page_token",
        "operations": operations,
    })
}
