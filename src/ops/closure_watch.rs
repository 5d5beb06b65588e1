//! The watcher that wakes parked result waits (see [`crate::long_poll`]).
//!
//! While a client has result waits parked beyond its long-poll budget, one
//! task per client lists the namespace's workflows closed since a watermark
//! (`CloseTime >= '<watermark>'`, once a second) and wakes the parked waits
//! of each. The watermark trails the latest close time seen by a margin, so
//! visibility that lags a little still wakes every wait. It stops when no
//! wait is parked, or when the client is gone.

use super::visibility;
use crate::client::Client;
use crate::error::Result;
use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use std::{sync::Weak, time::Duration};

/// Pause between listings.
const TICK: Duration = Duration::from_secs(1);
/// How far the watermark trails the latest close time seen.
const MARGIN: TimeDelta = TimeDelta::seconds(10);
/// Rows per listing page.
const PAGE_SIZE: i32 = 1000;

/// Runs the watcher of `client` until no wait is parked or the client is dropped.
pub(crate) async fn watch(client: Weak<Client>) {
    let mut watermark = Utc::now() - MARGIN;
    loop {
        tokio::time::sleep(TICK).await;
        let Some(client) = client.upgrade() else {
            return;
        };
        let polls = client.long_polls();
        if !polls.keep_watching() {
            return;
        }
        match sweep(&client, watermark).await {
            Ok(latest) => {
                polls.set_watcher_healthy(true);
                if let Some(latest) = latest {
                    watermark = watermark.max(latest - MARGIN);
                }
            }
            Err(e) => {
                tracing::debug!(error = %e, "closure watcher: listing failed; waits check on their own");
                polls.set_watcher_healthy(false);
            }
        }
    }
}

/// Wakes the waits of every workflow closed since `since`; returns the
/// latest close time seen.
async fn sweep(client: &Client, since: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
    let query = format!(
        "CloseTime >= '{}'",
        since.to_rfc3339_opts(SecondsFormat::Millis, true)
    );
    let mut latest = None;
    let mut token = Vec::new();
    loop {
        let (rows, next) = visibility::list_page(client, &query, Some(PAGE_SIZE), token).await?;
        let listed = rows.len();
        let mut woken = 0;
        let mut oldest_woken: Option<DateTime<Utc>> = None;
        for row in rows {
            let closed = row
                .close_time
                .as_ref()
                .and_then(|t| DateTime::<Utc>::from_timestamp(t.seconds, t.nanos.max(0) as u32));
            let workflow_id = row.execution.as_ref().map(|e| e.workflow_id.as_str());
            if workflow_id.is_some_and(|id| client.long_polls().wake(id)) {
                woken += 1;
                oldest_woken = match (oldest_woken, closed) {
                    (Some(o), Some(c)) => Some(o.min(c)),
                    (o, c) => o.or(c),
                };
            }
            latest = latest.max(closed);
        }
        let woken_lag_ms = oldest_woken.map(|c| (Utc::now() - c).num_milliseconds());
        tracing::debug!(
            rows = listed,
            woken,
            woken_lag_ms,
            %query,
            "closure watcher: listed closed workflows"
        );
        if next.is_empty() {
            return Ok(latest);
        }
        token = next;
    }
}
