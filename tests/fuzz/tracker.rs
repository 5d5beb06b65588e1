//! Bookkeeping of every call in flight and the checks on its callback:
//! exactly one callback per call, none for `TC_RESULT_NULL_ARGUMENT`, a
//! synchronous rejection's callback before the call returns with the code
//! the return value names, valid NUL-terminated JSON, documented error
//! codes and never `panic`, and no callback later than [`HANG_LIMIT`] after
//! the call (or after its cancel).
//!
//! A call is identified by its `user_data`: slot index and generation, so a
//! second callback is detected even after the slot was reused.

use serde_json::Value;
use std::{
    collections::{BTreeMap, BTreeSet},
    sync::{Condvar, Mutex},
    time::{Duration, Instant},
};
use temporal_capi::ffi::{
    cancel::{tc_cancel_cancel, tc_cancel_free, TcCancel},
    TcResult, TcStatus,
};

/// The longest a callback may take after its call, or after its cancel.
pub const HANG_LIMIT: Duration = Duration::from_secs(30);

/// A call still pending this long after it started is cancelled.
pub const CANCEL_AFTER: Duration = Duration::from_secs(10);

/// Calls younger than this count against the in-flight limit; older ones
/// (long polls) wait aside so that they do not throttle the run.
const PARK_AFTER: Duration = Duration::from_millis(500);

/// The `user_data` of a call that must not get a callback.
pub const NO_CALLBACK: usize = usize::MAX;

struct Call {
    export: &'static str,
    input: String,
    started: Instant,
    cancel: usize,
    cancelled_at: Option<Instant>,
    parked: bool,
    returned: bool,
    hung: bool,
    completed: Option<(TcStatus, String)>,
}

#[derive(Default)]
struct State {
    slots: Vec<(u32, Option<Call>)>,
    free: Vec<usize>,
    active: usize,
    pending: usize,
    calls: u64,
    callbacks: u64,
    outcomes: BTreeMap<String, u64>,
    /// Violations by kind (the message before its input), with a count
    /// and the first full message.
    violations: BTreeMap<String, (u64, String)>,
}

impl State {
    fn violate(&mut self, message: String) {
        let kind = message
            .split("; input ")
            .next()
            .unwrap_or_default()
            .to_owned();
        let entry = self.violations.entry(kind).or_insert((0, message));
        entry.0 += 1;
    }
}

/// The calls of one fuzz run.
pub struct Tracker {
    state: Mutex<State>,
    changed: Condvar,
    max_active: usize,
    max_pending: usize,
    codes: BTreeSet<String>,
}

/// Shortens an input for a report.
pub fn excerpt(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(300)]).into_owned();
    format!("{text:?} ({} bytes)", bytes.len())
}

impl Tracker {
    /// `codes`: the documented error codes (docs/ABI.md).
    pub fn new(max_active: usize, max_pending: usize, codes: BTreeSet<String>) -> Tracker {
        Tracker {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            max_active,
            max_pending,
            codes,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records a violation of the contract.
    pub fn violate(&self, message: String) {
        self.lock().violate(message);
    }

    /// Each kind of violation once: `N x <first message>`.
    pub fn violations(&self) -> Vec<String> {
        self.lock()
            .violations
            .values()
            .map(|(n, message)| format!("{n} x {message}"))
            .collect()
    }

    /// (calls, callbacks, outcome counts by `export code`).
    pub fn totals(&self) -> (u64, u64, BTreeMap<String, u64>) {
        let s = self.lock();
        (s.calls, s.callbacks, s.outcomes.clone())
    }

    /// Registers a call about to be made (waiting while the in-flight limit
    /// is reached) and returns its `user_data`.
    pub fn begin(&self, export: &'static str, input: &[u8], cancel: *mut TcCancel) -> usize {
        let mut s = self.lock();
        while s.active >= self.max_active || s.pending >= self.max_pending {
            s = self.changed.wait(s).unwrap_or_else(|p| p.into_inner());
        }
        let index = s.free.pop().unwrap_or_else(|| {
            s.slots.push((0, None));
            s.slots.len() - 1
        });
        let slot = &mut s.slots[index];
        slot.0 = slot.0.wrapping_add(1);
        let generation = slot.0;
        slot.1 = Some(Call {
            export,
            input: excerpt(input),
            started: Instant::now(),
            cancel: cancel as usize,
            cancelled_at: None,
            parked: false,
            returned: false,
            hung: false,
            completed: None,
        });
        s.active += 1;
        s.pending += 1;
        s.calls += 1;
        (index << 32) | generation as usize
    }

    /// The call `token` returned `code`.
    pub fn returned(&self, token: usize, code: TcResult) {
        let cancel = {
            let mut s = self.lock();
            let Some(call) = Self::call(&mut s, token) else {
                drop(s);
                self.violate(format!(
                    "a call's slot vanished before it returned ({code:?})"
                ));
                return;
            };
            call.returned = true;
            let mut problem = None;
            match (&call.completed, code) {
                (_, TcResult::NullArgument) => {
                    problem =
                        Some("TC_RESULT_NULL_ARGUMENT for a call with all pointers set".into())
                }
                (None, TcResult::Ok) => {}
                (None, other) => {
                    problem = Some(format!("returned {other:?} before its callback fired"))
                }
                (Some((_, c)), other) => {
                    let expected = match c.as_str() {
                        "invalid_argument" => TcResult::InvalidArgument,
                        "closed" => TcResult::Closed,
                        "panic" => TcResult::Panic,
                        _ => TcResult::Error,
                    };
                    if other != TcResult::Ok && other != expected {
                        problem = Some(format!("returned {other:?} but the callback said {c}"));
                    }
                }
            }
            if let Some(p) = problem {
                let message = format!("{}: {p}; input {}", call.export, call.input);
                s.violate(message);
            }
            self.release_if_done(&mut s, token)
        };
        Self::free_cancel(cancel);
    }

    /// A callback fired for `token`.
    pub fn complete(&self, token: usize, status: TcStatus, json: &[u8], nul_terminated: bool) {
        let parsed: Result<Value, _> = serde_json::from_slice(json);
        let code = match (&parsed, status) {
            (Ok(_), TcStatus::Ok) => "ok".to_owned(),
            (Ok(v), _) => v["code"].as_str().unwrap_or("<no code>").to_owned(),
            (Err(_), _) => "<invalid JSON>".to_owned(),
        };
        let cancel = {
            let mut s = self.lock();
            s.callbacks += 1;
            if token == NO_CALLBACK {
                s.violate("a callback fired for a TC_RESULT_NULL_ARGUMENT call".into());
                return;
            }
            let hang = HANG_LIMIT;
            let Some(call) = Self::call(&mut s, token) else {
                s.violate(format!(
                    "a second callback (or one for an unknown call): {code}"
                ));
                return;
            };
            let mut problems = Vec::new();
            if call.completed.is_some() {
                problems.push("a second callback".to_owned());
            }
            if !nul_terminated {
                problems.push("JSON not NUL-terminated".into());
            }
            if let Err(e) = &parsed {
                problems.push(format!("callback JSON does not parse: {e}"));
            }
            if status != TcStatus::Ok && !self.codes.contains(&code) {
                problems.push(format!("undocumented error code {code:?}"));
            }
            if code == "panic" {
                problems.push(format!(
                    "error code panic: {}",
                    String::from_utf8_lossy(json)
                ));
            }
            if (status == TcStatus::Cancelled) != (code == "cancelled") {
                problems.push(format!("status {status:?} with code {code}"));
            }
            let since = call.cancelled_at.unwrap_or(call.started);
            if since.elapsed() > hang {
                problems.push(format!(
                    "callback {:?} after the call or its cancel",
                    since.elapsed()
                ));
            }
            call.completed = Some((status, code.clone()));
            let export = call.export;
            let input = call.input.clone();
            for p in problems {
                s.violate(format!("{export}: {p}; input {input}"));
            }
            *s.outcomes.entry(format!("{export} {code}")).or_default() += 1;
            self.release_if_done(&mut s, token)
        };
        Self::free_cancel(cancel);
    }

    fn call(s: &mut State, token: usize) -> Option<&mut Call> {
        let (index, generation) = (token >> 32, token as u32);
        match s.slots.get_mut(index) {
            Some((g, Some(call))) if *g == generation => Some(call),
            _ => None,
        }
    }

    /// Frees the slot once the call both returned and called back; yields
    /// the cancel handle to free (outside the lock).
    fn release_if_done(&self, s: &mut State, token: usize) -> usize {
        let index = token >> 32;
        let done = matches!(&s.slots[index].1, Some(c) if c.returned && c.completed.is_some());
        if !done {
            return 0;
        }
        let call = s.slots[index].1.take().expect("checked");
        if !call.parked {
            s.active -= 1;
        }
        s.pending -= 1;
        s.free.push(index);
        self.changed.notify_all();
        call.cancel
    }

    fn free_cancel(cancel: usize) {
        if cancel != 0 {
            tc_cancel_free(std::ptr::without_provenance_mut(cancel));
        }
    }

    /// One watchdog pass: parks calls older than [`PARK_AFTER`], cancels
    /// calls older than [`CANCEL_AFTER`] and reports calls that missed
    /// their deadline. Returns the number of pending calls.
    pub fn watch(&self) -> usize {
        let mut to_cancel = Vec::new();
        let pending = {
            let mut s = self.lock();
            let now = Instant::now();
            let mut unparked = 0;
            let mut hung = Vec::new();
            for (_, call) in s.slots.iter_mut() {
                let Some(call) = call else { continue };
                if !call.parked && now - call.started > PARK_AFTER && call.returned {
                    call.parked = true;
                    unparked += 1;
                }
                if call.cancelled_at.is_none()
                    && now - call.started > CANCEL_AFTER
                    && call.cancel != 0
                {
                    call.cancelled_at = Some(now);
                    to_cancel.push(call.cancel);
                }
                let since = call.cancelled_at.unwrap_or(call.started);
                if !call.hung && call.completed.is_none() && now - since > HANG_LIMIT {
                    call.hung = true;
                    hung.push(format!(
                        "{}: no callback {:?} after the call{}; input {}",
                        call.export,
                        now - call.started,
                        if call.cancelled_at.is_some() {
                            " (cancelled)"
                        } else {
                            ""
                        },
                        call.input
                    ));
                }
            }
            s.active -= unparked;
            for h in hung {
                s.violate(h);
            }
            if unparked > 0 {
                self.changed.notify_all();
            }
            s.pending
        };
        for cancel in to_cancel {
            tc_cancel_cancel(std::ptr::without_provenance(cancel));
        }
        pending
    }

    /// Waits until no call is pending or every pending one is reported as hung.
    pub fn drain(&self) {
        loop {
            let pending = self.watch();
            let s = self.lock();
            let all_hung = s
                .slots
                .iter()
                .all(|(_, c)| c.as_ref().is_none_or(|c| c.hung));
            if pending == 0 || all_hung {
                return;
            }
            drop(s);
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
