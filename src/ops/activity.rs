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

/// `tc_activity_complete` -> `{}`.
pub async fn complete(client: &Client, req: ActivityCall<Complete>) -> Result<Empty> {
    let result = payload::encode_all(std::slice::from_ref(&req.body.result))?;
    let (namespace, identity) = (client.namespace().to_owned(), client.identity().to_owned());
    let mut svc = client.workflow_service().await?;
    match address(req.target)? {
        Address::Token(task_token) => svc
            .respond_activity_task_completed(Request::new(RespondActivityTaskCompletedRequest {
                task_token,
                result,
                identity,
                namespace,
                ..Default::default()
            }))
            .await
            .map(drop),
        Address::Ids {
            workflow_id,
            run_id,
            activity_id,
        } => svc
            .respond_activity_task_completed_by_id(Request::new(
                RespondActivityTaskCompletedByIdRequest {
                    namespace,
                    workflow_id,
                    run_id,
                    activity_id,
                    result,
                    identity,
                    ..Default::default()
                },
            ))
            .await
            .map(drop),
    }
    .map_err(rpc_error)?;
    Ok(Empty {})
}

/// `tc_activity_fail` -> `{}`.
pub async fn fail(client: &Client, req: ActivityCall<Fail>) -> Result<Empty> {
    let failure = Some(application_failure(req.body.failure)?);
    let (namespace, identity) = (client.namespace().to_owned(), client.identity().to_owned());
    let mut svc = client.workflow_service().await?;
    match address(req.target)? {
        Address::Token(task_token) => svc
            .respond_activity_task_failed(Request::new(RespondActivityTaskFailedRequest {
                task_token,
                failure,
                identity,
                namespace,
                ..Default::default()
            }))
            .await
            .map(drop),
        Address::Ids {
            workflow_id,
            run_id,
            activity_id,
        } => svc
            .respond_activity_task_failed_by_id(Request::new(
                RespondActivityTaskFailedByIdRequest {
                    namespace,
                    workflow_id,
                    run_id,
                    activity_id,
                    failure,
                    identity,
                    ..Default::default()
                },
            ))
            .await
            .map(drop),
    }
    .map_err(rpc_error)?;
    Ok(Empty {})
}

/// `tc_activity_heartbeat` -> `{cancel_requested, paused, reset}`.
pub async fn heartbeat(client: &Client, req: ActivityCall<Details>) -> Result<HeartbeatReply> {
    let details = payload::encode_all(&req.body.details)?;
    let (namespace, identity) = (client.namespace().to_owned(), client.identity().to_owned());
    let mut svc = client.workflow_service().await?;
    let (cancel_requested, paused, reset) = match address(req.target)? {
        Address::Token(task_token) => svc
            .record_activity_task_heartbeat(Request::new(RecordActivityTaskHeartbeatRequest {
                task_token,
                details,
                identity,
                namespace,
                ..Default::default()
            }))
            .await
            .map(|r| {
                let r = r.into_inner();
                (r.cancel_requested, r.activity_paused, r.activity_reset)
            }),
        Address::Ids {
            workflow_id,
            run_id,
            activity_id,
        } => svc
            .record_activity_task_heartbeat_by_id(Request::new(
                RecordActivityTaskHeartbeatByIdRequest {
                    namespace,
                    workflow_id,
                    run_id,
                    activity_id,
                    details,
                    identity,
                    ..Default::default()
                },
            ))
            .await
            .map(|r| {
                let r = r.into_inner();
                (r.cancel_requested, r.activity_paused, r.activity_reset)
            }),
    }
    .map_err(rpc_error)?;
    Ok(HeartbeatReply {
        cancel_requested,
        paused,
        reset,
    })
}

/// `tc_activity_report_cancellation` -> `{}`.
pub async fn report_cancellation(client: &Client, req: ActivityCall<Details>) -> Result<Empty> {
    let details = payload::encode_all(&req.body.details)?;
    let (namespace, identity) = (client.namespace().to_owned(), client.identity().to_owned());
    let mut svc = client.workflow_service().await?;
    match address(req.target)? {
        Address::Token(task_token) => svc
            .respond_activity_task_canceled(Request::new(RespondActivityTaskCanceledRequest {
                task_token,
                details,
                identity,
                namespace,
                ..Default::default()
            }))
            .await
            .map(drop),
        Address::Ids {
            workflow_id,
            run_id,
            activity_id,
        } => svc
            .respond_activity_task_canceled_by_id(Request::new(
                RespondActivityTaskCanceledByIdRequest {
                    namespace,
                    workflow_id,
                    run_id,
                    activity_id,
                    details,
                    identity,
                    ..Default::default()
                },
            ))
            .await
            .map(drop),
    }
    .map_err(rpc_error)?;
    Ok(Empty {})
}
