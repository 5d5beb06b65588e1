//! Waits that never give up, and the long polls behind them.
//!
//! A Temporal server caps the long polls it holds per namespace
//! (`frontend.namespaceCount`, 1,200 by default, shared with the workers'
//! task polls) and answers `resource_exhausted` beyond it. So one client
//! holds at most `max_long_polls` long polls at a time ([`LongPolls`]):
//! a wait that gets no slot checks its run with a short, non-waiting request
//! instead and sleeps with backoff in between, and concurrent waits on the
//! same thing share one poll ([`LongPolls::shared`]).
//!
//! Beyond the budget, result waits park ([`LongPolls::park`]) between
//! short checks; a watcher (crate::ops::closure_watch) lists the
//! namespace's recently closed workflows and wakes the parked waits of
//! those that closed, so thousands of waits cost one listing a second
//! instead of one check each.
//!
//! Waits retry transient failures ([`is_transient`]: server restarts,
//! `unavailable`, `resource_exhausted`, expired deadlines) with backoff
//! ([`Backoff`]) until the awaited event happens or the caller cancels.

use crate::error::{Error, ErrorCode, Result};
use futures::future::{BoxFuture, FutureExt, Shared, WeakShared};
use serde_json::Value;
use std::{
    any::Any,
    collections::HashMap,
    future::Future,
    sync::{Arc, Mutex},
    time::Duration,
};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};

/// The deadline the official client gives the long polls it marks as such
/// (history waits, update-with-start): the server answers an empty poll
/// well before it.
pub(crate) const LONG_POLL_TIMEOUT: Duration = Duration::from_secs(70);

/// A request marked as a long poll. The official client marks history
/// waits itself but sends `PollWorkflowExecutionUpdate` with its ordinary
/// 30 s default deadline; this gives it the long-poll deadline, so the
/// server, not the deadline, ends an empty poll.
pub fn request<T>(message: T) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request.set_timeout(LONG_POLL_TIMEOUT);
    request
}

/// Default bound on the long polls one client holds at a time.
pub(crate) const DEFAULT_MAX_LONG_POLLS: usize = 200;
/// The largest `max_long_polls` accepted (far above any server's cap).
pub(crate) const MAX_LONG_POLLS: usize = 1_000_000;

/// Checks the connect option `max_long_polls`: 1 to [`MAX_LONG_POLLS`].
pub(crate) fn check_budget(max_long_polls: usize) -> Result<()> {
    if (1..=MAX_LONG_POLLS).contains(&max_long_polls) {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "`max_long_polls` {max_long_polls} must be 1..={MAX_LONG_POLLS}"
        ))
        .with("key", "max_long_polls"))
    }
}
/// Short (non-waiting) checks one client runs at a time on behalf of waits
/// that have no long-poll slot.
const MAX_CONCURRENT_CHECKS: usize = 8;

/// The outcome of a shared wait, type-erased: each key's waits have one type.
type SharedOutcome = Result<Arc<dyn Any + Send + Sync>>;

type SharedWait = Shared<BoxFuture<'static, SharedOutcome>>;

/// The long-poll budget of one client and the waits it shares.
pub struct LongPolls {
    slots: Arc<Semaphore>,
    checks: Arc<Semaphore>,
    urgent: Arc<Semaphore>,
    waits: Mutex<HashMap<String, WeakShared<BoxFuture<'static, SharedOutcome>>>>,
    parked: Mutex<Parked>,
}

/// Result waits parked between short checks, by workflow id, and the
/// state of the watcher that wakes them.
#[derive(Default)]
struct Parked {
    by_workflow: HashMap<String, (watch::Sender<()>, usize)>,
    watcher_running: bool,
    watcher_healthy: bool,
}

/// A parked wait; unregistered when dropped. A wake is never lost while it
/// is registered: [`ParkedWait::woken`] completes at once if the watcher
/// woke it since the last time it did.
pub struct ParkedWait<'a> {
    polls: &'a LongPolls,
    workflow_id: String,
    wakes: watch::Receiver<()>,
}

impl ParkedWait<'_> {
    /// Completes when the watcher saw the workflow close since this wait
    /// was parked or since the last time this completed.
    pub async fn woken(&mut self) {
        if self.wakes.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

impl Drop for ParkedWait<'_> {
    fn drop(&mut self) {
        let mut parked = self.polls.lock_parked();
        if let Some((_, count)) = parked.by_workflow.get_mut(&self.workflow_id) {
            *count -= 1;
            if *count == 0 {
                parked.by_workflow.remove(&self.workflow_id);
            }
        }
    }
}

impl LongPolls {
    /// A budget of `max_long_polls` concurrent long polls (checked by
    /// [`check_budget`]).
    pub fn new(max_long_polls: usize) -> Self {
        LongPolls {
            slots: Arc::new(Semaphore::new(max_long_polls)),
            checks: Arc::new(Semaphore::new(MAX_CONCURRENT_CHECKS)),
            urgent: Arc::new(Semaphore::new(MAX_CONCURRENT_CHECKS)),
            waits: Mutex::new(HashMap::new()),
            parked: Mutex::new(Parked::default()),
        }
    }

    fn lock_parked(&self) -> std::sync::MutexGuard<'_, Parked> {
        self.parked.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Parks a result wait on `workflow_id` until [`LongPolls::wake`]. The
    /// boolean is true when no watcher runs: the caller must start one.
    pub fn park(&self, workflow_id: &str) -> (ParkedWait<'_>, bool) {
        let mut parked = self.lock_parked();
        let entry = parked
            .by_workflow
            .entry(workflow_id.to_owned())
            .or_insert_with(|| (watch::Sender::new(()), 0));
        entry.1 += 1;
        let wakes = entry.0.subscribe();
        let start_watcher = !parked.watcher_running;
        parked.watcher_running = true;
        let wait = ParkedWait {
            polls: self,
            workflow_id: workflow_id.to_owned(),
            wakes,
        };
        (wait, start_watcher)
    }

    /// How many distinct workflows have parked waits.
    pub fn parked_workflows(&self) -> usize {
        self.lock_parked().by_workflow.len()
    }

    /// Wakes the parked waits on `workflow_id` (the watcher saw it close);
    /// true when there were any.
    pub fn wake(&self, workflow_id: &str) -> bool {
        match self.lock_parked().by_workflow.get(workflow_id) {
            Some((wakes, _)) => {
                wakes.send_replace(());
                true
            }
            None => false,
        }
    }

    /// For the watcher, each round: true while waits are parked; false
    /// (and the watcher counts as stopped) once none are.
    pub fn keep_watching(&self) -> bool {
        let mut parked = self.lock_parked();
        if parked.by_workflow.is_empty() {
            parked.watcher_running = false;
            parked.watcher_healthy = false;
        }
        parked.watcher_running
    }

    /// Records whether the watcher's last listing succeeded.
    pub fn set_watcher_healthy(&self, healthy: bool) {
        self.lock_parked().watcher_healthy = healthy;
    }

    /// True while the watcher runs and its last listing succeeded; parked
    /// waits then rely on it and check on their own only rarely.
    pub fn watcher_healthy(&self) -> bool {
        let parked = self.lock_parked();
        parked.watcher_running && parked.watcher_healthy
    }

    /// A long-poll slot, if one is free now.
    pub fn try_slot(&self) -> Option<OwnedSemaphorePermit> {
        self.slots.clone().try_acquire_owned().ok()
    }

    /// Waits for one of the bounded short-check permits (for short requests
    /// a wait makes besides its poll, such as finding the latest run).
    /// `urgent` checks (by waits the watcher woke: their run has closed)
    /// have permits of their own, so a backlog of routine checks never
    /// delays them.
    pub async fn check(&self, urgent: bool) -> OwnedSemaphorePermit {
        let permits = if urgent { &self.urgent } else { &self.checks };
        permits
            .clone()
            .acquire_owned()
            .await
            .expect("the check semaphores are never closed")
    }

    /// Waits for a long-poll slot (for polls that have no short form).
    pub async fn slot(&self) -> OwnedSemaphorePermit {
        self.slots
            .clone()
            .acquire_owned()
            .await
            .expect("the slot semaphore is never closed")
    }

    /// Runs the wait `make()` once for every concurrent caller with the same
    /// `key`; each caller gets a copy of its outcome. The wait is dropped
    /// (its poll cancelled) once every caller has gone. Every wait under one
    /// key must have the same outcome type `T`.
    pub async fn shared<T, F>(&self, key: String, make: impl FnOnce() -> F) -> Result<T>
    where
        T: Clone + Send + Sync + 'static,
        F: Future<Output = Result<T>> + Send + 'static,
    {
        let wait = {
            let mut waits = self.waits.lock().unwrap_or_else(|p| p.into_inner());
            match waits.get(&key).and_then(WeakShared::upgrade) {
                Some(running) => running,
                None => {
                    waits.retain(|_, w| w.upgrade().is_some());
                    let erased = make().map(|outcome| {
                        outcome.map(|value| Arc::new(value) as Arc<dyn Any + Send + Sync>)
                    });
                    let fresh: SharedWait = erased.boxed().shared();
                    if let Some(weak) = fresh.downgrade() {
                        waits.insert(key, weak);
                    }
                    fresh
                }
            }
        };
        wait.await?
            .downcast_ref::<T>()
            .cloned()
            .ok_or_else(|| Error::internal("a shared wait's key was used for two outcome types"))
    }

    /// How many distinct waits are running (for tests and logs).
    pub fn running_waits(&self) -> usize {
        let waits = self.waits.lock().unwrap_or_else(|p| p.into_inner());
        waits.values().filter(|w| w.upgrade().is_some()).count()
    }
}

/// True for failures a wait rides through: the server unreachable or
/// restarting, overloaded, or a poll that expired or was cut on the
/// server's side. Everything else (not found, invalid argument, permission
/// denied, ...) ends the wait.
pub fn is_transient(err: &Error) -> bool {
    match err.code() {
        ErrorCode::ConnectionFailed | ErrorCode::Timeout => true,
        ErrorCode::RpcError => matches!(
            err.field("grpc_status").and_then(Value::as_str),
            Some(
                "unavailable"
                    | "resource_exhausted"
                    | "deadline_exceeded"
                    | "cancelled"
                    | "aborted"
                    | "internal"
                    | "unknown"
            )
        ),
        _ => false,
    }
}

/// Runs `attempt` until it succeeds or fails for a reason other than a
/// transient one, backing off between attempts. The caller's cancel (the
/// future being dropped) is the only other way out.
pub async fn until_not_transient<T, F, Fut>(mut attempt: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let mut backoff = Backoff::new(RETRY_BACKOFF_INITIAL, RETRY_BACKOFF_MAX);
    loop {
        match attempt().await {
            Err(e) if is_transient(&e) => {
                tracing::debug!(error = %e, "wait: transient failure; retrying");
                backoff.sleep().await;
            }
            other => return other,
        }
    }
}

/// Backoff of [`until_not_transient`].
const RETRY_BACKOFF_INITIAL: Duration = Duration::from_millis(500);
const RETRY_BACKOFF_MAX: Duration = Duration::from_secs(10);

/// Exponential backoff with ±20 % jitter.
pub struct Backoff {
    next: Duration,
    initial: Duration,
    max: Duration,
}

impl Backoff {
    /// Starts at `initial`, doubling up to `max`.
    pub fn new(initial: Duration, max: Duration) -> Self {
        Backoff {
            next: initial,
            initial,
            max,
        }
    }

    /// Back to the initial delay (after progress).
    pub fn reset(&mut self) {
        self.next = self.initial;
    }

    /// Sleeps for the next delay and grows it.
    pub async fn sleep(&mut self) {
        tokio::time::sleep(self.next_delay()).await;
    }

    /// The next delay (jittered); grows the one after.
    pub fn next_delay(&mut self) -> Duration {
        let delay = jittered(self.next);
        self.next = (self.next * 2).min(self.max);
        delay
    }
}

/// `base` scaled by a pseudo-random factor in [0.8, 1.2).
fn jittered(base: Duration) -> Duration {
    use std::hash::{BuildHasher, RandomState};
    let noise = RandomState::new().hash_one(std::time::Instant::now()) % 1000;
    base.mul_f64(0.8 + noise as f64 * 0.0004)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn waits_with_one_key_share_one_run() {
        let polls = LongPolls::new(1);
        let runs = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let rx = Arc::new(Mutex::new(Some(rx)));
        let waits: Vec<_> = (0..10)
            .map(|_| {
                let runs = runs.clone();
                let rx = rx.clone();
                polls.shared("k".into(), move || async move {
                    runs.fetch_add(1, Ordering::SeqCst);
                    let rx = rx.lock().unwrap().take().expect("run once");
                    rx.await.ok();
                    Ok(Value::from(7))
                })
            })
            .collect();
        let all = futures::future::join_all(waits);
        tokio::pin!(all);
        assert!(futures::poll!(all.as_mut()).is_pending());
        assert_eq!(polls.running_waits(), 1);
        tx.send(()).unwrap();
        let outcomes = all.await;
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        assert!(outcomes
            .iter()
            .all(|o| o.as_ref().unwrap() == &Value::from(7)));
        assert_eq!(polls.running_waits(), 0);
    }

    #[tokio::test]
    async fn long_poll_slots_are_bounded() {
        let polls = LongPolls::new(2);
        let a = polls.try_slot();
        let b = polls.try_slot();
        assert!(a.is_some() && b.is_some());
        assert!(polls.try_slot().is_none());
        drop(a);
        assert!(polls.try_slot().is_some());
    }

    #[tokio::test]
    async fn parked_waits_wake_and_the_watcher_stops_when_none_are_left() {
        let polls = LongPolls::new(1);
        let (mut first, start) = polls.park("wf");
        assert!(start, "the first parked wait starts the watcher");
        let (mut second, start) = polls.park("wf");
        assert!(!start);
        {
            let woken = async { tokio::join!(first.woken(), second.woken()) };
            tokio::pin!(woken);
            assert!(futures::poll!(woken.as_mut()).is_pending());
            assert!(!polls.wake("other"));
            assert!(futures::poll!(woken.as_mut()).is_pending());
            assert!(polls.wake("wf"));
            woken.await;
        }
        {
            let again = first.woken();
            tokio::pin!(again);
            assert!(
                futures::poll!(again.as_mut()).is_pending(),
                "a wake is seen once"
            );
        }
        assert!(polls.wake("wf"));
        {
            let late = first.woken();
            tokio::pin!(late);
            assert!(
                futures::poll!(late.as_mut()).is_ready(),
                "a wake while not waiting is kept"
            );
        }
        assert!(polls.keep_watching());
        drop((first, second));
        assert!(!polls.keep_watching());
        assert!(polls.park("wf").1, "a stopped watcher is started again");
    }

    #[test]
    fn transient_errors() {
        let rpc = |status: &str| Error::new(ErrorCode::RpcError, "x").with("grpc_status", status);
        assert!(is_transient(&rpc("resource_exhausted")));
        assert!(is_transient(&Error::new(ErrorCode::ConnectionFailed, "x")));
        assert!(!is_transient(&rpc("permission_denied")));
        assert!(!is_transient(&Error::new(ErrorCode::NotFound, "x")));
    }
}
