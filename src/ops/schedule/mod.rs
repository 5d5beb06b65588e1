//! Schedule operations: create, describe, list, update, pause, unpause,
//! trigger, backfill, delete.
//!
//! Errors: an unknown schedule gives `not_found`, an id that is taken gives
//! `already_exists`; both carry `schedule_id`.

mod decode;
mod encode;

use super::{request_id, rpc_error};
use crate::client::Client;
use crate::convert::{payload, search_attributes};
use crate::error::{Error, ErrorCode, Result};
use crate::model::schedule::{
    BackfillSchedule, CreateSchedule, ListSchedules, PauseSchedule, ScheduleRef, TriggerSchedule,
    UpdateSchedule,
};
use crate::model::schedule_response::{ScheduleCreated, ScheduleDescription, ScheduleListPage};
use crate::model::validate::base64;
use crate::model::Empty;
use crate::ops::unary;
use temporalio_protos::temporal::api::{
    enums::v1::ScheduleOverlapPolicy,
    schedule::v1::{Schedule, SchedulePatch, TriggerImmediatelyRequest},
    workflowservice::v1::{
        CreateScheduleRequest, DeleteScheduleRequest, DescribeScheduleRequest,
        DescribeScheduleResponse, ListSchedulesRequest, PatchScheduleRequest,
        UpdateScheduleRequest,
    },
};
use tonic::Request;

/// Default notes of pause and unpause (the server ignores an empty one).
const PAUSE_NOTE: &str = "Paused via temporal-capi";
const UNPAUSE_NOTE: &str = "Unpaused via temporal-capi";

/// Maps a failed schedule RPC; a taken id is `already_exists` even when the
/// server reports it as a running (scheduler) workflow.
fn schedule_error(status: tonic::Status, schedule_id: &str) -> Error {
    let err = rpc_error(status);
    let err = match err.code() {
        ErrorCode::AlreadyStarted => {
            let mut e = Error::new(ErrorCode::AlreadyExists, err.message().to_owned());
            for key in ["grpc_code", "grpc_status"] {
                if let Some(v) = err.field(key) {
                    e = e.with(key, v.clone());
                }
            }
            e
        }
        _ => err,
    };
    match err.code() {
        ErrorCode::NotFound | ErrorCode::AlreadyExists => {
            err.with("schedule_id", schedule_id.to_owned())
        }
        _ => err,
    }
}

/// `tc_schedule_create` -> `{schedule_id, conflict_token}`.
pub async fn create(client: &Client, req: CreateSchedule) -> Result<ScheduleCreated> {
    let schedule = Schedule {
        spec: Some(encode::spec(&req.spec)),
        action: Some(encode::action(client, &req.action)?),
        policies: req.policies.as_ref().map(encode::policies),
        state: req.state.as_ref().map(encode::state),
    };
    let backfill_request = encode::backfills(&req.backfills);
    let initial_patch =
        (req.trigger_immediately || !backfill_request.is_empty()).then(|| SchedulePatch {
            trigger_immediately: req
                .trigger_immediately
                .then_some(TriggerImmediatelyRequest {
                    overlap_policy: ScheduleOverlapPolicy::AllowAll as i32,
                    scheduled_time: None,
                }),
            backfill_request,
            ..Default::default()
        });
    let request = CreateScheduleRequest {
        namespace: client.namespace().to_owned(),
        schedule_id: req.schedule_id.clone(),
        schedule: Some(schedule),
        initial_patch,
        identity: client.identity().to_owned(),
        request_id: request_id(&req.request_id),
        memo: payload::encode_memo(&req.memo)?,
        search_attributes: search_attributes::encode(&req.search_attributes)?,
    };
    let resp = client
        .workflow_service()
        .await?
        .create_schedule(Request::new(request))
        .await
        .map_err(|s| schedule_error(s, &req.schedule_id))?
        .into_inner();
    Ok(ScheduleCreated {
        schedule_id: req.schedule_id,
        conflict_token: decode::token(&resp.conflict_token),
    })
}

async fn describe_raw(client: &Client, schedule_id: &str) -> Result<DescribeScheduleResponse> {
    let request = DescribeScheduleRequest {
        namespace: client.namespace().to_owned(),
        schedule_id: schedule_id.to_owned(),
    };
    Ok(client
        .workflow_service()
        .await?
        .describe_schedule(Request::new(request))
        .await
        .map_err(|s| schedule_error(s, schedule_id))?
        .into_inner())
}

/// `tc_schedule_describe` -> the schedule in the create shape plus `info`
/// and `conflict_token`.
pub async fn describe(client: &Client, req: ScheduleRef) -> Result<ScheduleDescription> {
    let d = describe_raw(client, &req.schedule_id).await?;
    let s = d.schedule.unwrap_or_default();
    Ok(ScheduleDescription {
        schedule_id: req.schedule_id,
        spec: decode::spec(s.spec.as_ref()),
        action: decode::action(s.action.as_ref()),
        policies: decode::policies(s.policies.as_ref()),
        state: decode::state(s.state.as_ref()),
        memo: decode::memo(d.memo.as_ref()),
        search_attributes: search_attributes::decode(d.search_attributes.as_ref()),
        info: decode::info(d.info.as_ref()),
        conflict_token: decode::token(&d.conflict_token),
    })
}

/// `tc_schedule_list` -> `{schedules, next_page_token}`.
pub async fn list(client: &Client, req: ListSchedules) -> Result<ScheduleListPage> {
    let request = ListSchedulesRequest {
        namespace: client.namespace().to_owned(),
        maximum_page_size: req.page_size.unwrap_or_default(),
        next_page_token: base64(&req.next_page_token, "next_page_token")?,
        query: req.query.unwrap_or_default(),
    };
    let resp = unary!(client, list_schedules, request);
    Ok(ScheduleListPage {
        schedules: resp.schedules.iter().map(decode::list_entry).collect(),
        next_page_token: decode::token(&resp.next_page_token),
    })
}

/// `tc_schedule_update` -> `{}`. Reads the schedule, replaces the given
/// sections and writes it back with the conflict token just read; a given
/// `conflict_token` that no longer matches is refused (`rpc_error`,
/// `failed_precondition`).
pub async fn update(client: &Client, req: UpdateSchedule) -> Result<Empty> {
    let spec = req.spec.as_ref().map(encode::spec);
    let action = req
        .action
        .as_ref()
        .map(|a| encode::action(client, a))
        .transpose()?;
    let policies = req.policies.as_ref().map(encode::policies);
    let state = req.state.as_ref().map(encode::state);
    let given_token = base64(&req.conflict_token, "conflict_token")?;
    let memo = payload::encode_memo(&req.memo)?;
    let search_attributes = search_attributes::encode(&req.search_attributes)?;

    let current = describe_raw(client, &req.schedule_id).await?;
    let mut schedule = current.schedule.unwrap_or_default();
    if spec.is_some() {
        schedule.spec = spec;
    }
    if action.is_some() {
        schedule.action = action;
    }
    if policies.is_some() {
        schedule.policies = policies;
    }
    if state.is_some() {
        schedule.state = state;
    }
    // Workflow-backed schedulers drop an update with a stale token without
    // telling anyone, so check it against the version just read.
    if req.conflict_token.is_some() && given_token != current.conflict_token {
        return Err(Error::new(
            ErrorCode::RpcError,
            "conflict_token is stale: the schedule changed since it was read",
        )
        .with("grpc_code", tonic::Code::FailedPrecondition as i32)
        .with("grpc_status", "failed_precondition")
        .with("schedule_id", req.schedule_id.clone())
        .with("key", "conflict_token"));
    }
    let conflict_token = current.conflict_token;
    let request = UpdateScheduleRequest {
        namespace: client.namespace().to_owned(),
        schedule_id: req.schedule_id.clone(),
        schedule: Some(schedule),
        conflict_token,
        identity: client.identity().to_owned(),
        request_id: request_id(&req.request_id),
        search_attributes,
        memo,
    };
    client
        .workflow_service()
        .await?
        .update_schedule(Request::new(request))
        .await
        .map_err(|s| schedule_error(s, &req.schedule_id))?;
    Ok(Empty {})
}

async fn patch(client: &Client, schedule_id: &str, patch: SchedulePatch) -> Result<Empty> {
    let request = PatchScheduleRequest {
        namespace: client.namespace().to_owned(),
        schedule_id: schedule_id.to_owned(),
        patch: Some(patch),
        identity: client.identity().to_owned(),
        request_id: request_id(&None),
    };
    client
        .workflow_service()
        .await?
        .patch_schedule(Request::new(request))
        .await
        .map_err(|s| schedule_error(s, schedule_id))?;
    Ok(Empty {})
}

fn note_or(note: Option<String>, default: &str) -> String {
    note.filter(|n| !n.is_empty())
        .unwrap_or_else(|| default.to_owned())
}

/// `tc_schedule_pause` -> `{}`.
pub async fn pause(client: &Client, req: PauseSchedule) -> Result<Empty> {
    let p = SchedulePatch {
        pause: note_or(req.note, PAUSE_NOTE),
        ..Default::default()
    };
    patch(client, &req.schedule_id, p).await
}

/// `tc_schedule_unpause` -> `{}`.
pub async fn unpause(client: &Client, req: PauseSchedule) -> Result<Empty> {
    let p = SchedulePatch {
        unpause: note_or(req.note, UNPAUSE_NOTE),
        ..Default::default()
    };
    patch(client, &req.schedule_id, p).await
}

/// `tc_schedule_trigger` -> `{}`.
pub async fn trigger(client: &Client, req: TriggerSchedule) -> Result<Empty> {
    let p = SchedulePatch {
        trigger_immediately: Some(TriggerImmediatelyRequest {
            overlap_policy: encode::overlap(req.overlap),
            scheduled_time: None,
        }),
        ..Default::default()
    };
    patch(client, &req.schedule_id, p).await
}

/// `tc_schedule_backfill` -> `{}`.
pub async fn backfill(client: &Client, req: BackfillSchedule) -> Result<Empty> {
    let p = SchedulePatch {
        backfill_request: encode::backfills(&req.backfills),
        ..Default::default()
    };
    patch(client, &req.schedule_id, p).await
}

/// `tc_schedule_delete` -> `{}`.
pub async fn delete(client: &Client, req: ScheduleRef) -> Result<Empty> {
    let request = DeleteScheduleRequest {
        namespace: client.namespace().to_owned(),
        schedule_id: req.schedule_id.clone(),
        identity: client.identity().to_owned(),
    };
    client
        .workflow_service()
        .await?
        .delete_schedule(Request::new(request))
        .await
        .map_err(|s| schedule_error(s, &req.schedule_id))?;
    Ok(Empty {})
}
