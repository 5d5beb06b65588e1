//! Completing activities from outside their worker (asynchronous
//! completion), by task token or by workflow and activity ids.

use super::rpc_error;
use crate::client::Client;
use crate::convert::payload;
use crate::error::Result;
use crate::model::activity::{
    address, ActivityAddress as Address, ActivityCall, ActivityFailure, Complete, Details, Fail,
};
use crate::model::responses::HeartbeatReply;
use crate::model::Empty;
use temporalio_protos::temporal::api::{
    failure::v1::{failure::FailureInfo, ApplicationFailureInfo, Failure},
    workflowservice::v1::{
        RecordActivityTaskHeartbeatByIdRequest, RecordActivityTaskHeartbeatRequest,
        RespondActivityTaskCanceledByIdRequest, RespondActivityTaskCanceledRequest,
        RespondActivityTaskCompletedByIdRequest, RespondActivityTaskCompletedRequest,
        RespondActivityTaskFailedByIdRequest, RespondActivityTaskFailedRequest,
    },
};
use tonic::Request;

fn application_failure(f: ActivityFailure) -> Result<Failure> {
    Ok(Failure {
        message: f.message,
        source: "temporal-capi".into(),
        failure_info: Some(FailureInfo::ApplicationFailureInfo(
            ApplicationFailureInfo {
                r#type: f.r#type.unwrap_or_default(),
                non_retryable: f.non_retryable,
                details: payload::encode_all(&f.details)?,
                ..Default::default()
            },
        )),
        ..Default::default()
    })
}

/// Sends one activity request, by task token or by ids (both request
/// messages get `namespace`, `identity` and the `$field`s); evaluates to
/// `$body` with `$reply` bound to the response message.
macro_rules! to_activity {
    (
        $client:expr, $target:expr,
        $by_token:ident($TokenRequest:ident), $by_ids:ident($IdsRequest:ident),
        { $($field:ident),* }, |$reply:ident| $body:expr
    ) => {{
        let (namespace, identity) = ($client.namespace().to_owned(), $client.identity().to_owned());
        let mut svc = $client.workflow_service().await?;
        match address($target)? {
            Address::Token(task_token) => svc
                .$by_token(Request::new($TokenRequest {
                    task_token,
                    namespace,
                    identity,
                    $($field,)*
                    ..Default::default()
                }))
                .await
                .map(|r| { let $reply = r.into_inner(); $body }),
            Address::Ids { workflow_id, run_id, activity_id } => svc
                .$by_ids(Request::new($IdsRequest {
                    namespace,
                    workflow_id,
                    run_id,
                    activity_id,
                    identity,
                    $($field,)*
                    ..Default::default()
                }))
                .await
                .map(|r| { let $reply = r.into_inner(); $body }),
        }
        .map_err(rpc_error)?
    }};
}

/// `tc_activity_complete` -> `{}`.
pub async fn complete(client: &Client, req: ActivityCall<Complete>) -> Result<Empty> {
    let result = payload::encode_all(std::slice::from_ref(&req.body.result))?;
    to_activity!(
        client,
        req.target,
        respond_activity_task_completed(RespondActivityTaskCompletedRequest),
        respond_activity_task_completed_by_id(RespondActivityTaskCompletedByIdRequest),
        { result },
        |_reply| ()
    );
    Ok(Empty {})
}

/// `tc_activity_fail` -> `{}`.
pub async fn fail(client: &Client, req: ActivityCall<Fail>) -> Result<Empty> {
    let failure = Some(application_failure(req.body.failure)?);
    to_activity!(
        client,
        req.target,
        respond_activity_task_failed(RespondActivityTaskFailedRequest),
        respond_activity_task_failed_by_id(RespondActivityTaskFailedByIdRequest),
        { failure },
        |_reply| ()
    );
    Ok(Empty {})
}

/// `tc_activity_heartbeat` -> `{cancel_requested, paused, reset}`.
pub async fn heartbeat(client: &Client, req: ActivityCall<Details>) -> Result<HeartbeatReply> {
    let details = payload::encode_all(&req.body.details)?;
    Ok(to_activity!(
        client,
        req.target,
        record_activity_task_heartbeat(RecordActivityTaskHeartbeatRequest),
        record_activity_task_heartbeat_by_id(RecordActivityTaskHeartbeatByIdRequest),
        { details },
        |reply| HeartbeatReply {
            cancel_requested: reply.cancel_requested,
            paused: reply.activity_paused,
            reset: reply.activity_reset,
        }
    ))
}

/// `tc_activity_report_cancellation` -> `{}`.
pub async fn report_cancellation(client: &Client, req: ActivityCall<Details>) -> Result<Empty> {
    let details = payload::encode_all(&req.body.details)?;
    to_activity!(
        client,
        req.target,
        respond_activity_task_canceled(RespondActivityTaskCanceledRequest),
        respond_activity_task_canceled_by_id(RespondActivityTaskCanceledByIdRequest),
        { details },
        |_reply| ()
    );
    Ok(Empty {})
}
