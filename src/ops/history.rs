//! Reading workflow histories as canonical proto3 JSON events (the format
//! `temporal workflow show --output json` prints).

use super::unary;
use super::visibility::page_token;
use super::workflow::execution;
use crate::client::Client;
use crate::convert::proto_json;
use crate::error::{ErrorCode, Result};
use crate::model::responses::{History, HistoryPage};
use crate::model::validate::base64;
use crate::model::visibility::{EventFilter, ExportHistory, FetchHistory};
use serde_json::Value;
use temporalio_protos::temporal::api::{
    enums::v1::HistoryEventFilterType,
    history::v1::HistoryEvent,
    workflowservice::v1::{
        GetWorkflowExecutionHistoryRequest, GetWorkflowExecutionHistoryResponse,
    },
};

const HISTORY_EVENT: &str = "temporal.api.history.v1.HistoryEvent";

/// Reads one page of a history.
pub(crate) async fn page(
    client: &Client,
    request: GetWorkflowExecutionHistoryRequest,
) -> Result<GetWorkflowExecutionHistoryResponse> {
    Ok(unary!(client, get_workflow_execution_history, request))
}

/// The events of a page as proto3 JSON.
fn events_json(events: &[HistoryEvent]) -> Result<Vec<Value>> {
    events
        .iter()
        .map(|e| proto_json::to_json(HISTORY_EVENT, e))
        .collect()
}

/// `tc_workflow_fetch_history` -> `{events, next_page_token}`. With
/// `wait_new_event`, a server long-poll timeout returns an empty page and
/// the same token to poll again.
pub async fn fetch(client: &Client, req: FetchHistory) -> Result<HistoryPage> {
    let token = base64(&req.next_page_token, "next_page_token")?;
    let filter = match req.event_filter {
        EventFilter::All => HistoryEventFilterType::AllEvent,
        EventFilter::Close => HistoryEventFilterType::CloseEvent,
    };
    let request = GetWorkflowExecutionHistoryRequest {
        namespace: client.namespace().to_owned(),
        execution: execution(&req.workflow_id, &req.run_id),
        maximum_page_size: req.page_size.unwrap_or_default(),
        next_page_token: token.clone(),
        wait_new_event: req.wait_new_event,
        history_event_filter_type: filter as i32,
        skip_archival: req.skip_archival,
    };
    let resp = match page(client, request).await {
        Err(e) if req.wait_new_event && e.code() == ErrorCode::Timeout => {
            return Ok(HistoryPage {
                events: Vec::new(),
                next_page_token: page_token(&token),
            });
        }
        other => other?,
    };
    let events = events_json(&resp.history.map(|h| h.events).unwrap_or_default())?;
    Ok(HistoryPage {
        events,
        next_page_token: page_token(&resp.next_page_token),
    })
}

/// `tc_workflow_export_history` -> `{events}`: every page, in order.
pub async fn export(client: &Client, req: ExportHistory) -> Result<History> {
    let mut events = Vec::new();
    let mut token = Vec::new();
    loop {
        let request = GetWorkflowExecutionHistoryRequest {
            namespace: client.namespace().to_owned(),
            execution: execution(&req.workflow_id, &req.run_id),
            next_page_token: token,
            ..Default::default()
        };
        let resp = page(client, request).await?;
        events.extend(events_json(
            &resp.history.map(|h| h.events).unwrap_or_default(),
        )?);
        if resp.next_page_token.is_empty() {
            return Ok(History { events });
        }
        token = resp.next_page_token;
    }
}
