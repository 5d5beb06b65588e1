//! The one error type of the library and its stable JSON form.
//!
//! Every failure that crosses the C boundary is an [`Error`]: a stable
//! [`ErrorCode`], a human readable message and optional extra fields
//! (`grpc_code`, `failure`, `workflow_id`, ...). See docs/ABI.md for the list.

use serde_json::{Map, Value};

/// Stable error codes. Their snake_case names are part of the public contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The request was malformed: bad JSON, wrong type, unknown or missing key.
    InvalidArgument,
    /// The workflow, run or other entity does not exist.
    NotFound,
    /// A workflow with this id is already running (or the reuse policy forbids a new run).
    AlreadyStarted,
    /// The entity (for example a schedule) already exists.
    AlreadyExists,
    /// The workflow run failed; `failure` holds the decoded failure chain.
    WorkflowFailed,
    /// The workflow run was cancelled.
    WorkflowCancelled,
    /// The workflow run was terminated.
    WorkflowTerminated,
    /// The workflow run timed out.
    WorkflowTimedOut,
    /// The workflow run continued as new and the caller asked not to follow runs.
    WorkflowContinuedAsNew,
    /// The worker failed the query (unknown query type, handler error).
    QueryFailed,
    /// The query was rejected by its `reject_condition`.
    QueryRejected,
    /// The update failed or was rejected.
    UpdateFailed,
    /// Any other gRPC error from the server; `grpc_code` names it.
    RpcError,
    /// The call was cancelled through a `TcCancel` or by shutting the runtime down.
    Cancelled,
    /// A deadline passed before the server answered.
    Timeout,
    /// The server could not be reached.
    ConnectionFailed,
    /// Environment configuration (TOML profile or variables) could not be loaded.
    ConfigError,
    /// The handle was freed, or its runtime was shut down.
    Closed,
    /// A panic was caught inside the library.
    Panic,
    /// An internal invariant failed (a bug in this library).
    Internal,
}

impl ErrorCode {
    /// Every code, in declaration order (the `code` enum of the JSON Schema).
    pub const ALL: [ErrorCode; 20] = [
        ErrorCode::InvalidArgument,
        ErrorCode::NotFound,
        ErrorCode::AlreadyStarted,
        ErrorCode::AlreadyExists,
        ErrorCode::WorkflowFailed,
        ErrorCode::WorkflowCancelled,
        ErrorCode::WorkflowTerminated,
        ErrorCode::WorkflowTimedOut,
        ErrorCode::WorkflowContinuedAsNew,
        ErrorCode::QueryFailed,
        ErrorCode::QueryRejected,
        ErrorCode::UpdateFailed,
        ErrorCode::RpcError,
        ErrorCode::Cancelled,
        ErrorCode::Timeout,
        ErrorCode::ConnectionFailed,
        ErrorCode::ConfigError,
        ErrorCode::Closed,
        ErrorCode::Panic,
        ErrorCode::Internal,
    ];

    /// The stable snake_case name used as the `code` field.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidArgument => "invalid_argument",
            ErrorCode::NotFound => "not_found",
            ErrorCode::AlreadyStarted => "already_started",
            ErrorCode::AlreadyExists => "already_exists",
            ErrorCode::WorkflowFailed => "workflow_failed",
            ErrorCode::WorkflowCancelled => "workflow_cancelled",
            ErrorCode::WorkflowTerminated => "workflow_terminated",
            ErrorCode::WorkflowTimedOut => "workflow_timed_out",
            ErrorCode::WorkflowContinuedAsNew => "workflow_continued_as_new",
            ErrorCode::QueryFailed => "query_failed",
            ErrorCode::QueryRejected => "query_rejected",
            ErrorCode::UpdateFailed => "update_failed",
            ErrorCode::RpcError => "rpc_error",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::Timeout => "timeout",
            ErrorCode::ConnectionFailed => "connection_failed",
            ErrorCode::ConfigError => "config_error",
            ErrorCode::Closed => "closed",
            ErrorCode::Panic => "panic",
            ErrorCode::Internal => "internal",
        }
    }
}

/// A library error: code, message and extra JSON fields.
#[derive(Debug, Clone)]
pub struct Error {
    code: ErrorCode,
    message: String,
    extra: Map<String, Value>,
}

/// The result type of every fallible operation in the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Creates an error with a code and message and no extra fields.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            extra: Map::new(),
        }
    }

    /// Shorthand for [`ErrorCode::InvalidArgument`].
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidArgument, message)
    }

    /// Shorthand for [`ErrorCode::Internal`]: a bug in this library.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }

    /// Shorthand for [`ErrorCode::Cancelled`].
    pub fn cancelled(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Cancelled, message)
    }

    /// Shorthand for [`ErrorCode::Closed`].
    pub fn closed(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Closed, message)
    }

    /// Adds (or replaces) an extra field in the JSON form.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.extra.insert(key.to_owned(), value.into());
        self
    }

    /// The same error with its message passed through `f` (extra fields kept).
    pub fn map_message(mut self, f: impl FnOnce(&str) -> String) -> Self {
        self.message = f(&self.message);
        self
    }

    /// The error code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The human readable message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// An extra field, if set.
    pub fn field(&self, key: &str) -> Option<&Value> {
        self.extra.get(key)
    }

    /// The JSON object `{"code", "message", ...extra}`, with every
    /// registered secret replaced ([`crate::secrets::scrub`]).
    pub fn to_json(&self) -> Value {
        let mut obj = Map::with_capacity(self.extra.len() + 2);
        obj.insert("code".into(), self.code.as_str().into());
        obj.insert("message".into(), self.message.clone().into());
        for (k, v) in &self.extra {
            obj.insert(k.clone(), v.clone());
        }
        let mut value = Value::Object(obj);
        crate::secrets::scrub_value(&mut value);
        value
    }

    /// The JSON form as a string.
    pub fn to_json_string(&self) -> String {
        self.to_json().to_string()
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}
