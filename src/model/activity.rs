//! Requests of asynchronous activity completion (`tc_activity_*`).

use super::validate::{base64, invalid_at, key, non_empty, payloads, run_id, Validate};
use crate::convert::payload;
use crate::error::{Error, Result};
use serde::{de::DeserializeOwned, Deserialize};
use serde_json::Value;

/// Which activity: by task token, or by workflow and activity ids.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
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

/// `tc_activity_complete`: the target and the result.
pub type CompleteCall = ActivityCall<Complete>;
/// `tc_activity_fail`: the target and the failure.
pub type FailCall = ActivityCall<Fail>;
/// `tc_activity_heartbeat` and `tc_activity_report_cancellation`: the
/// target and the details.
pub type DetailsCall = ActivityCall<Details>;

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
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Complete {
    /// The activity's result (JSON value).
    #[serde(default)]
    pub result: Value,
}

/// `tc_activity_fail`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fail {
    /// The failure.
    pub failure: ActivityFailure,
}

/// `tc_activity_heartbeat` and `tc_activity_report_cancellation`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Details {
    /// Details (JSON values).
    #[serde(default)]
    pub details: Vec<Value>,
}

/// How the activity is addressed: the decoded task token, or ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityAddress {
    /// By task token.
    Token(Vec<u8>),
    /// By workflow id, run id (empty: the latest run) and activity id.
    Ids {
        /// Workflow id.
        workflow_id: String,
        /// Run id; empty for the latest run.
        run_id: String,
        /// Activity id.
        activity_id: String,
    },
}

/// The address a target names: exactly a base64 `task_token`, or a
/// non-empty `workflow_id` and `activity_id` with an optional `run_id`.
pub fn address(target: ActivityTarget) -> Result<ActivityAddress> {
    match target {
        ActivityTarget {
            task_token: token @ Some(_),
            workflow_id: None,
            run_id: None,
            activity_id: None,
        } => base64(&token, "task_token").map(ActivityAddress::Token),
        ActivityTarget {
            task_token: None,
            workflow_id: Some(workflow_id),
            run_id: run,
            activity_id: Some(activity_id),
        } => {
            non_empty("", "workflow_id", &workflow_id)?;
            non_empty("", "activity_id", &activity_id)?;
            run_id("", "run_id", &run)?;
            Ok(ActivityAddress::Ids {
                workflow_id,
                run_id: run.unwrap_or_default(),
                activity_id,
            })
        }
        _ => Err(Error::invalid(
            "give either task_token, or workflow_id and activity_id (and optionally run_id)",
        )
        .with("key", "task_token")),
    }
}

impl<B: Validate> Validate for ActivityCall<B> {
    /// The target's keys sit at the top level of a request, so `at` is
    /// only passed on to the body.
    fn validate_at(&self, at: &str) -> Result<()> {
        address(self.target.clone())?;
        self.body.validate_at(at)
    }
}

impl Validate for Complete {
    fn validate_at(&self, at: &str) -> Result<()> {
        payload::check(&self.result).map_err(|e| invalid_at(key(at, "result"), e.message()))
    }
}

impl Validate for Fail {
    fn validate_at(&self, at: &str) -> Result<()> {
        payloads(&key(at, "failure"), "details", &self.failure.details)
    }
}

impl Validate for Details {
    fn validate_at(&self, at: &str) -> Result<()> {
        payloads(at, "details", &self.details)
    }
}
