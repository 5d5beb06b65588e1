//! Temporal failures -> the JSON failure chain.
//!
//! Every failure becomes `{kind, message, type, source, stack_trace,
//! non_retryable, details, cause, ...}` where `kind` names the failure info
//! (`application`, `timeout`, `canceled`, `terminated`, `server`,
//! `reset_workflow`, `activity`, `child_workflow`, `nexus_operation`,
//! `nexus_handler`, or `unknown`) and kind-specific fields follow.

use super::{duration, payload};
use serde_json::{json, Map, Value};
use temporalio_protos::temporal::api::{
    enums::v1::{ApplicationErrorCategory, RetryState, TimeoutType},
    failure::v1::{failure::FailureInfo, Failure},
};

/// Turns a protobuf enum name such as `RETRY_STATE_TIMEOUT` into `timeout`.
pub fn enum_name(proto_name: &str, prefix: &str) -> String {
    proto_name
        .strip_prefix(prefix)
        .unwrap_or(proto_name)
        .to_ascii_lowercase()
}

/// Decodes a failure and its whole cause chain.
pub fn to_json(failure: &Failure) -> Value {
    let mut out = Map::new();
    let (message, stack_trace) = decoded_attributes(failure);
    out.insert("kind".into(), kind(failure).into());
    out.insert("message".into(), message.into());
    out.insert("type".into(), Value::Null);
    out.insert("source".into(), failure.source.clone().into());
    out.insert("stack_trace".into(), stack_trace.into());
    out.insert("non_retryable".into(), false.into());
    out.insert("details".into(), json!([]));
    if let Some(info) = &failure.failure_info {
        add_info(&mut out, info);
    }
    out.insert(
        "cause".into(),
        failure.cause.as_deref().map(to_json).unwrap_or(Value::Null),
    );
    Value::Object(out)
}

fn kind(failure: &Failure) -> &'static str {
    match &failure.failure_info {
        Some(FailureInfo::ApplicationFailureInfo(_)) => "application",
        Some(FailureInfo::TimeoutFailureInfo(_)) => "timeout",
        Some(FailureInfo::CanceledFailureInfo(_)) => "canceled",
        Some(FailureInfo::TerminatedFailureInfo(_)) => "terminated",
        Some(FailureInfo::ServerFailureInfo(_)) => "server",
        Some(FailureInfo::ResetWorkflowFailureInfo(_)) => "reset_workflow",
        Some(FailureInfo::ActivityFailureInfo(_)) => "activity",
        Some(FailureInfo::ChildWorkflowExecutionFailureInfo(_)) => "child_workflow",
        Some(FailureInfo::NexusOperationExecutionFailureInfo(_)) => "nexus_operation",
        Some(FailureInfo::NexusHandlerFailureInfo(_)) => "nexus_handler",
        None => "unknown",
    }
}

/// Message and stack trace, taken from the encoded attributes when the
/// sender moved them there (the SDKs' "encode common attributes" option).
fn decoded_attributes(failure: &Failure) -> (String, String) {
    let encoded = failure.encoded_attributes.as_ref().map(payload::decode);
    let field = |name: &str, plain: &str| {
        encoded
            .as_ref()
            .and_then(|e| e.get(name))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| plain.to_owned())
    };
    (
        field("message", &failure.message),
        field("stack_trace", &failure.stack_trace),
    )
}

fn retry_state(value: i32) -> Value {
    RetryState::try_from(value)
        .map(|s| enum_name(s.as_str_name(), "RETRY_STATE_").into())
        .unwrap_or(Value::Null)
}

fn add_info(out: &mut Map<String, Value>, info: &FailureInfo) {
    let mut set = |k: &str, v: Value| {
        out.insert(k.to_owned(), v);
    };
    match info {
        FailureInfo::ApplicationFailureInfo(a) => {
            set("type", a.r#type.clone().into());
            set("non_retryable", a.non_retryable.into());
            set("details", payload::decode_all(a.details.as_ref()).into());
            set(
                "next_retry_delay",
                duration::proto_to_seconds(a.next_retry_delay.as_ref()),
            );
            let category = ApplicationErrorCategory::try_from(a.category)
                .map(|c| enum_name(c.as_str_name(), "APPLICATION_ERROR_CATEGORY_").into())
                .unwrap_or(Value::Null);
            set("category", category);
        }
        FailureInfo::TimeoutFailureInfo(t) => {
            let timeout_type = TimeoutType::try_from(t.timeout_type)
                .map(|c| enum_name(c.as_str_name(), "TIMEOUT_TYPE_").into())
                .unwrap_or(Value::Null);
            set("timeout_type", timeout_type);
            set(
                "last_heartbeat_details",
                payload::decode_all(t.last_heartbeat_details.as_ref()).into(),
            );
        }
        FailureInfo::CanceledFailureInfo(c) => {
            set("details", payload::decode_all(c.details.as_ref()).into());
            set("identity", c.identity.clone().into());
        }
        FailureInfo::TerminatedFailureInfo(t) => set("identity", t.identity.clone().into()),
        FailureInfo::ServerFailureInfo(s) => set("non_retryable", s.non_retryable.into()),
        FailureInfo::ResetWorkflowFailureInfo(r) => set(
            "last_heartbeat_details",
            payload::decode_all(r.last_heartbeat_details.as_ref()).into(),
        ),
        FailureInfo::ActivityFailureInfo(a) => {
            set(
                "activity_type",
                a.activity_type.as_ref().map(|t| t.name.clone()).into(),
            );
            set("activity_id", a.activity_id.clone().into());
            set("identity", a.identity.clone().into());
            set("scheduled_event_id", a.scheduled_event_id.into());
            set("started_event_id", a.started_event_id.into());
            set("retry_state", retry_state(a.retry_state));
        }
        FailureInfo::ChildWorkflowExecutionFailureInfo(c) => {
            let exec = c.workflow_execution.as_ref();
            set("namespace", c.namespace.clone().into());
            set("workflow_id", exec.map(|e| e.workflow_id.clone()).into());
            set("run_id", exec.map(|e| e.run_id.clone()).into());
            set(
                "workflow_type",
                c.workflow_type.as_ref().map(|t| t.name.clone()).into(),
            );
            set("initiated_event_id", c.initiated_event_id.into());
            set("started_event_id", c.started_event_id.into());
            set("retry_state", retry_state(c.retry_state));
        }
        FailureInfo::NexusOperationExecutionFailureInfo(n) => {
            set("endpoint", n.endpoint.clone().into());
            set("service", n.service.clone().into());
            set("operation", n.operation.clone().into());
            set("operation_token", n.operation_token.clone().into());
            set("scheduled_event_id", n.scheduled_event_id.into());
        }
        FailureInfo::NexusHandlerFailureInfo(h) => set("type", h.r#type.clone().into()),
    }
}

/// The failure object of a run that closed without a failure of its own:
/// `{kind, message, details}` (`details` `[]` when the close carried none).
pub fn closed_run(kind: &str, message: &str, details: Option<Value>) -> Value {
    json!({"kind": kind, "message": message, "details": details.unwrap_or_else(|| json!([]))})
}

/// The failure object of a run that timed out: `{kind: "timeout", message,
/// timeout_type: "start_to_close"}`.
pub fn timed_out_run(message: &str) -> Value {
    json!({"kind": "timeout", "message": message, "timeout_type": "start_to_close"})
}

#[cfg(test)]
mod tests {
    use super::*;
    use temporalio_protos::temporal::api::failure::v1::ApplicationFailureInfo;

    #[test]
    fn decodes_application_failure_with_cause() {
        let inner = Failure {
            message: "inner".into(),
            ..Default::default()
        };
        let f = Failure {
            message: "boom".into(),
            source: "PythonSDK".into(),
            cause: Some(Box::new(inner)),
            failure_info: Some(FailureInfo::ApplicationFailureInfo(
                ApplicationFailureInfo {
                    r#type: "MyError".into(),
                    non_retryable: true,
                    details: payload::encode_all(&[json!({"x": 1})]).unwrap(),
                    ..Default::default()
                },
            )),
            ..Default::default()
        };
        let j = to_json(&f);
        assert_eq!(j["kind"], "application");
        assert_eq!(j["type"], "MyError");
        assert_eq!(j["non_retryable"], true);
        assert_eq!(j["details"], json!([{"x": 1}]));
        assert_eq!(j["cause"]["message"], "inner");
        assert_eq!(j["cause"]["kind"], "unknown");
    }
}
