//! `tc_workflow_result`: the wait for a workflow's close event.
//!
//! A wait long-polls the close event while its client has a long-poll slot
//! free ([`crate::long_poll`]). Without one it is parked with the closure
//! watcher ([`closure_watch`]) and makes short checks: one to find the
//! latest run, then one each time the watcher wakes it, plus a rare check
//! of its own as a safety net. It stays parked while it queues for a check,
//! so a wake is never lost and moves it to the urgent checks.
//!
//! The RPC futures are boxed: a wait spends nearly all its life parked, and
//! an async fn's state is as large as its largest await point, so an
//! inline gRPC call would make every parked wait carry its size.

use super::{closure_watch, rpc_error, workflow::describe_raw};
use crate::client::Client;
use crate::convert::{failure, payload};
use crate::error::{Error, ErrorCode, Result};
use crate::long_poll::{self, Backoff, ParkedWait};
use crate::model::responses::WorkflowResult;
use crate::model::workflow::GetResult;
use serde_json::Value;
use std::{sync::Arc, time::Duration};
use temporalio_protos::temporal::api::{
    common::v1::WorkflowExecution,
    enums::v1::{HistoryEventFilterType, WorkflowExecutionStatus},
    history::v1::{history_event::Attributes, HistoryEvent},
    workflow::v1::WorkflowExecutionInfo,
    workflowservice::v1::GetWorkflowExecutionHistoryRequest,
};
use tokio::sync::OwnedSemaphorePermit;
use tonic::Request;

/// `tc_workflow_result` -> `{result, run_id}`, or a `workflow_*` error.
///
/// Long-polls the close event and follows continue-as-new, retry and cron
/// runs when `follow_runs`. Waits for the same workflow, run and
/// `follow_runs` share one poll, and the wait rides through transient
/// failures (server restarts, `unavailable`, `resource_exhausted`, expired
/// polls) until the run closes or the caller cancels (see
/// [`crate::long_poll`]).
pub async fn result(client: &Arc<Client>, req: GetResult) -> Result<WorkflowResult> {
    let key = format!(
        "result\u{0}{}\u{0}{}\u{0}{}",
        req.workflow_id,
        req.run_id.as_deref().unwrap_or_default(),
        req.follow_runs
    );
    let owned = client.clone();
    client
        .long_polls()
        .shared(key, move || wait_for_result(owned, req))
        .await
}

async fn wait_for_result(client: Arc<Client>, req: GetResult) -> Result<WorkflowResult> {
    let mut parking = Parking::new(&client, &req.workflow_id);
    let (mut run_id, mut known_open) = match &req.run_id {
        Some(r) if !r.is_empty() => (r.clone(), false),
        _ => {
            let latest = latest_run(&client, &req.workflow_id, &mut parking).await?;
            let running = latest.status == WorkflowExecutionStatus::Running as i32;
            (
                latest.execution.map(|e| e.run_id).unwrap_or_default(),
                running,
            )
        }
    };
    loop {
        let event =
            close_event(&client, &req.workflow_id, &run_id, known_open, &mut parking).await?;
        known_open = false;
        let closed = |code, message: String| {
            Error::new(code, message)
                .with("workflow_id", req.workflow_id.clone())
                .with("run_id", run_id.clone())
        };
        let next =
            |new_run: &str| (req.follow_runs && !new_run.is_empty()).then(|| new_run.to_owned());
        let new_run = match &event.attributes {
            Some(Attributes::WorkflowExecutionCompletedEventAttributes(a)) => {
                &a.new_execution_run_id
            }
            Some(Attributes::WorkflowExecutionFailedEventAttributes(a)) => &a.new_execution_run_id,
            Some(Attributes::WorkflowExecutionTimedOutEventAttributes(a)) => {
                &a.new_execution_run_id
            }
            Some(Attributes::WorkflowExecutionContinuedAsNewEventAttributes(a)) => {
                &a.new_execution_run_id
            }
            _ => "",
        };
        if let Some(n) = next(new_run) {
            run_id = n;
            continue;
        }
        match event.attributes {
            Some(Attributes::WorkflowExecutionCompletedEventAttributes(a)) => {
                return Ok(WorkflowResult {
                    result: payload::decode_first(a.result.as_ref()),
                    run_id,
                });
            }
            Some(Attributes::WorkflowExecutionFailedEventAttributes(a)) => {
                let f = a
                    .failure
                    .as_ref()
                    .map(failure::to_json)
                    .unwrap_or(Value::Null);
                let msg = f["message"].as_str().unwrap_or("").to_owned();
                return Err(
                    closed(ErrorCode::WorkflowFailed, format!("workflow failed: {msg}"))
                        .with("failure", f),
                );
            }
            Some(Attributes::WorkflowExecutionTimedOutEventAttributes(_)) => {
                return Err(closed(
                    ErrorCode::WorkflowTimedOut,
                    "workflow timed out".into(),
                ));
            }
            Some(Attributes::WorkflowExecutionCanceledEventAttributes(a)) => {
                return Err(
                    closed(ErrorCode::WorkflowCancelled, "workflow cancelled".into())
                        .with("details", payload::decode_all(a.details.as_ref())),
                );
            }
            Some(Attributes::WorkflowExecutionTerminatedEventAttributes(a)) => {
                return Err(closed(
                    ErrorCode::WorkflowTerminated,
                    format!("workflow terminated: {}", a.reason),
                )
                .with("reason", a.reason)
                .with("details", payload::decode_all(a.details.as_ref()))
                .with("identity", a.identity));
            }
            Some(Attributes::WorkflowExecutionContinuedAsNewEventAttributes(a)) => {
                return Err(closed(
                    ErrorCode::WorkflowContinuedAsNew,
                    "workflow continued as new".into(),
                )
                .with("new_run_id", a.new_execution_run_id));
            }
            _ => {
                return Err(Error::new(
                    ErrorCode::Internal,
                    format!("unexpected close event type {}", event.event_type),
                ))
            }
        }
    }
}

/// How often a parked wait checks on its own while the closure watcher is
/// healthy (the watcher wakes it as soon as it sees the close): every
/// [`PARKED_CHECK_INTERVAL`], or less often when so many waits are parked
/// that the client's own checks would exceed [`PARKED_CHECKS_PER_SECOND`].
const PARKED_CHECK_INTERVAL: Duration = Duration::from_secs(60);
/// The rate of safety-net checks of one client's parked waits, at most.
const PARKED_CHECKS_PER_SECOND: u64 = 20;

/// The pause of a parked wait between its own checks, given the number of
/// workflows with parked waits.
fn parked_check_interval(parked_workflows: usize) -> Duration {
    PARKED_CHECK_INTERVAL.max(Duration::from_secs(
        parked_workflows as u64 / PARKED_CHECKS_PER_SECOND,
    ))
}

/// Backoff of a wait between short checks and after transient failures.
const WAIT_BACKOFF_INITIAL: Duration = Duration::from_millis(500);
const WAIT_BACKOFF_MAX: Duration = Duration::from_secs(20);

/// The parking of one result wait: registered with the closure watcher
/// while the wait holds no long-poll slot, and whether the watcher woke it
/// since its last check.
struct Parking<'a> {
    client: &'a Arc<Client>,
    workflow_id: &'a str,
    parked: Option<ParkedWait<'a>>,
    woken: bool,
}

impl<'a> Parking<'a> {
    fn new(client: &'a Arc<Client>, workflow_id: &'a str) -> Self {
        Parking {
            client,
            workflow_id,
            parked: None,
            woken: false,
        }
    }

    /// The registration with the watcher, made (and the watcher started)
    /// if there is none yet.
    fn parked(&mut self) -> &mut ParkedWait<'a> {
        let client = self.client;
        let workflow_id = self.workflow_id;
        self.parked.get_or_insert_with(|| {
            let (parked, start_watcher) = client.long_polls().park(workflow_id);
            if start_watcher {
                tokio::spawn(closure_watch::watch(Arc::downgrade(client)));
            }
            parked
        })
    }

    /// Leaves the watcher while the wait holds a long poll, which sees the
    /// close by itself.
    fn unpark(&mut self) {
        self.parked = None;
        self.woken = false;
    }

    /// A permit for a short check: urgent once the watcher woke the wait
    /// (its run has closed), routine otherwise. A wake while the wait
    /// queues for a routine permit moves it to the urgent ones.
    async fn check(&mut self) -> OwnedSemaphorePermit {
        let polls = self.client.long_polls();
        if !self.woken {
            let parked = self.parked();
            let routine = tokio::select! {
                biased;
                _ = parked.woken() => None,
                permit = polls.check(false) => Some(permit),
            };
            if let Some(permit) = routine {
                return permit;
            }
        }
        self.woken = false;
        polls.check(true).await
    }

    /// Parked until the watcher wakes the wait or its next own check is
    /// due (the backoff's next delay while the watcher is unhealthy).
    async fn rest(&mut self, backoff: &mut Backoff) {
        let polls = self.client.long_polls();
        let delay = if polls.watcher_healthy() {
            parked_check_interval(polls.parked_workflows())
        } else {
            backoff.next_delay()
        };
        let workflow_id = self.workflow_id;
        let parked = self.parked();
        let woken = tokio::select! {
            _ = parked.woken() => true,
            _ = tokio::time::sleep(delay) => false,
        };
        if woken {
            self.woken = true;
            backoff.reset();
        } else {
            tracing::debug!(
                workflow_id,
                ?delay,
                "parked result wait: not woken; checking on its own"
            );
        }
    }
}

/// The latest run of a workflow (through a short check), retrying
/// transient failures.
async fn latest_run(
    client: &Client,
    workflow_id: &str,
    parking: &mut Parking<'_>,
) -> Result<WorkflowExecutionInfo> {
    let mut backoff = Backoff::new(WAIT_BACKOFF_INITIAL, WAIT_BACKOFF_MAX);
    loop {
        let outcome = {
            let _check = parking.check().await;
            Box::pin(describe_raw(client, workflow_id, &None)).await
        };
        match outcome {
            Ok(described) => return Ok(described.workflow_execution_info.unwrap_or_default()),
            Err(e) if long_poll::is_transient(&e) => {
                tracing::debug!(workflow_id, error = %e, "result wait: transient failure; retrying");
                backoff.sleep().await;
            }
            Err(e) => return Err(e),
        }
    }
}

/// The close event of a run: a long poll when the client has a slot free,
/// else a short check, parked in between while the run is known to be open
/// (`known_open`: the caller just saw it running); transient failures are
/// retried.
async fn close_event(
    client: &Client,
    workflow_id: &str,
    run_id: &str,
    mut known_open: bool,
    parking: &mut Parking<'_>,
) -> Result<HistoryEvent> {
    let mut backoff = Backoff::new(WAIT_BACKOFF_INITIAL, WAIT_BACKOFF_MAX);
    let mut page_token = Vec::new();
    loop {
        let slot = client.long_polls().try_slot();
        let check = match slot {
            Some(_) => {
                parking.unpark();
                None
            }
            None if known_open => {
                known_open = false;
                parking.rest(&mut backoff).await;
                continue;
            }
            None => Some(parking.check().await),
        };
        let long = slot.is_some();
        let request = GetWorkflowExecutionHistoryRequest {
            namespace: client.namespace().to_owned(),
            execution: Some(WorkflowExecution {
                workflow_id: workflow_id.to_owned(),
                run_id: run_id.to_owned(),
            }),
            next_page_token: if long {
                std::mem::take(&mut page_token)
            } else {
                Vec::new()
            },
            wait_new_event: long,
            history_event_filter_type: HistoryEventFilterType::CloseEvent as i32,
            skip_archival: true,
            ..Default::default()
        };
        let outcome = match client.workflow_service().await {
            Ok(mut svc) => Box::pin(svc.get_workflow_execution_history(Request::new(request)))
                .await
                .map(tonic::Response::into_inner)
                .map_err(rpc_error),
            Err(e) => Err(e),
        };
        drop((slot, check));
        match outcome {
            Ok(resp) => {
                if let Some(event) = resp.history.and_then(|h| h.events.into_iter().next()) {
                    return Ok(event);
                }
                if long {
                    tracing::debug!(
                        workflow_id,
                        "long poll ended without a close event; polling again"
                    );
                    page_token = resp.next_page_token;
                    backoff.reset();
                } else {
                    known_open = true;
                }
            }
            Err(e) if long_poll::is_transient(&e) => {
                tracing::debug!(workflow_id, error = %e, "result wait: transient failure; retrying");
                backoff.sleep().await;
            }
            Err(e) => return Err(e),
        }
    }
}
