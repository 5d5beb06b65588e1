//! Requests of asynchronous activity completion (`tc_activity_*`).

use serde::{de::DeserializeOwned, Deserialize};
use serde_json::Value;

/// Which activity: by task token, or by workflow and activity ids.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityTarget {
    /// The activity's task token, base64.
    pub task_token: Option<String>,
    /// Workflow id (with `activity_id`, instead of `task_token`).
    pub workflow_id: Option<String>,
    /// Run id; the latest run when omitted.
    pub run_id: Option<String>,
    /// Activity id.
    pub activity_id: Option<String>,
}

/// An application failure reported for an activity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityFailure {
    /// Message.
    pub message: String,
    /// Application error type.
    pub r#type: Option<String>,
    /// Whether the activity must not be retried.
    #[serde(default)]
    pub non_retryable: bool,
    /// Details (JSON values).
    #[serde(default)]
    pub details: Vec<Value>,
}

/// A request on one activity: the [`ActivityTarget`] keys plus the body `B`.
#[derive(Debug, Clone)]
pub struct ActivityCall<B> {
    /// Which activity.
    pub target: ActivityTarget,
    /// The operation's own keys.
    pub body: B,
}

impl<'de, B: DeserializeOwned> Deserialize<'de> for ActivityCall<B> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (body, target) =
            super::split_object(d, &["task_token", "workflow_id", "run_id", "activity_id"])?;
        Ok(ActivityCall { target, body })
    }
}

/// `tc_activity_complete`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complete {
    /// The activity's result (JSON value).
    #[serde(default)]
    pub result: Value,
}

/// `tc_activity_fail`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fail {
    /// The failure.
    pub failure: ActivityFailure,
}

/// `tc_activity_heartbeat` and `tc_activity_report_cancellation`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Details {
    /// Details (JSON values).
    #[serde(default)]
    pub details: Vec<Value>,
}
