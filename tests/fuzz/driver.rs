//! Sends inputs through the exports: every asynchronous client export and
//! the synchronous JSON exports (`tc_envconfig_load`,
//! `tc_client_update_headers`, `tc_client_update_api_key`,
//! `tc_runtime_new`, `tc_runtime_set_logger`) plus `tc_client_connect`
//! with loopback addresses only. Handles vary: the live client, a second
//! client whose headers and API key are fuzzed (on a runtime with a fuzzed
//! logger), a freed client, a client of a freed runtime, NULL; cancel
//! handles are fresh, cancelled before or right after the call, or freed.

use crate::mutate::Mutator;
use crate::rng::Rng;
use crate::seeds::{self, Export};
use crate::tracker::{excerpt, Tracker, NO_CALLBACK};
use serde_json::{json, Value};
use std::{
    ffi::{c_char, c_void, CStr},
    sync::{
        atomic::{AtomicU64, Ordering},
        OnceLock,
    },
};
use temporal_capi::ffi::{
    cancel::{tc_cancel_cancel, tc_cancel_free, tc_cancel_new},
    client::{tc_client_connect, tc_client_update_api_key, tc_client_update_headers, TcClient},
    envconfig::tc_envconfig_load,
    runtime::{tc_runtime_free, tc_runtime_new, tc_runtime_set_logger, TcRuntime},
    tc_string_free, TcResult, TcStatus,
};

/// The tracker the callbacks report to (one fuzz run per process).
pub static TRACKER: OnceLock<Tracker> = OnceLock::new();

/// Log records delivered to the fuzzed logger.
pub static LOG_RECORDS: AtomicU64 = AtomicU64::new(0);

fn tracker() -> &'static Tracker {
    TRACKER.get().expect("tracker installed")
}

unsafe fn json_arg<'a>(json: *const c_char, len: usize) -> (&'a [u8], bool) {
    let bytes = unsafe { std::slice::from_raw_parts(json.cast::<u8>(), len) };
    let nul = unsafe { *json.add(len) } == 0 && unsafe { CStr::from_ptr(json) }.to_bytes() == bytes;
    (bytes, nul)
}

unsafe extern "C" fn fuzz_callback(
    user_data: *mut c_void,
    status: TcStatus,
    json: *const c_char,
    len: usize,
) {
    let (bytes, nul) = unsafe { json_arg(json, len) };
    tracker().complete(user_data as usize, status, bytes, nul);
}

unsafe extern "C" fn connect_callback(
    user_data: *mut c_void,
    client: *mut TcClient,
    status: TcStatus,
    json: *const c_char,
    len: usize,
) {
    let (bytes, nul) = unsafe { json_arg(json, len) };
    if (status == TcStatus::Ok) == client.is_null() {
        tracker().violate(format!("connect: status {status:?} with client {client:?}"));
    }
    // Freeing from inside the callback is part of the contract.
    temporal_capi::ffi::client::tc_client_free(client);
    tracker().complete(user_data as usize, status, bytes, nul);
}

unsafe extern "C" fn log_callback(
    _: *mut c_void,
    status: TcStatus,
    json: *const c_char,
    len: usize,
) {
    let (bytes, nul) = unsafe { json_arg(json, len) };
    let record: Result<Value, _> = serde_json::from_slice(bytes);
    let ok = status == TcStatus::Ok && nul && record.is_ok_and(|r| r["level"].is_string());
    if !ok {
        tracker().violate(format!("bad log record {}", excerpt(bytes)));
    }
    LOG_RECORDS.fetch_add(1, Ordering::Relaxed);
}

/// Handles of one run.
pub struct Handles {
    pub runtime: *mut TcRuntime,
    pub client: *mut TcClient,
    /// A client whose headers and API key are fuzzed, on `log_runtime`.
    pub mutable_client: *mut TcClient,
    /// A runtime whose logger level is fuzzed.
    pub log_runtime: *mut TcRuntime,
    pub freed_client: *mut TcClient,
    /// A client whose runtime was freed.
    pub orphan_client: *mut TcClient,
    pub server: String,
}

/// Drives inputs into the exports.
pub struct Driver {
    pub rng: Rng,
    pub mutator: Mutator,
    pub exports: Vec<Export>,
    pub all_seeds: Vec<Value>,
    pub handles: Handles,
    /// Inputs per export name, and the time spent sending them.
    pub per_export: std::collections::BTreeMap<&'static str, (u64, std::time::Duration)>,
    /// Runtime options not sent because their `worker_threads` is beyond
    /// what the process can host (the library does not bound it).
    pub withheld: u64,
    /// The export of the latest input.
    pub last: &'static str,
}

impl Driver {
    /// Generates and sends one input.
    pub fn step(&mut self) {
        let started = std::time::Instant::now();
        let name = self.step_inner();
        let spent = started.elapsed();
        self.per_export.entry(name).or_default().1 += spent;
    }

    fn step_inner(&mut self) -> &'static str {
        let roll = self.rng.below(1000);
        match roll {
            0..=849 => {
                let i = self.rng.below(self.exports.len());
                let bytes = {
                    let e = &self.exports[i];
                    self.mutator.input(&mut self.rng, &e.seeds, &self.all_seeds)
                };
                self.call_async(i, &bytes);
            }
            850..=889 => self.envconfig(),
            890..=914 => self.update_headers(),
            915..=939 => self.update_api_key(),
            940..=959 => self.runtime_new(),
            960..=979 => self.set_logger(),
            _ => self.connect(),
        }
        self.last
    }

    fn count(&mut self, name: &'static str) {
        self.per_export.entry(name).or_default().0 += 1;
        self.last = name;
    }

    /// One asynchronous call of export `i` with `bytes`.
    pub fn call_async(&mut self, i: usize, bytes: &[u8]) {
        let (name, op) = (self.exports[i].name, self.exports[i].op);
        self.count(name);
        let h = &self.handles;
        let (json, len) = if self.rng.one_in(100) {
            (std::ptr::null(), self.rng.below(100))
        } else {
            (bytes.as_ptr().cast::<c_char>(), bytes.len())
        };
        let variant = self.rng.below(200);
        if variant == 0 || variant == 1 {
            // NULL client or NULL callback: TC_RESULT_NULL_ARGUMENT, no callback.
            let client = if variant == 0 {
                std::ptr::null_mut()
            } else {
                h.client
            };
            let callback = if variant == 0 {
                Some(fuzz_callback as _)
            } else {
                None
            };
            let code = unsafe {
                op(
                    client,
                    json,
                    len,
                    std::ptr::null(),
                    callback,
                    NO_CALLBACK as *mut c_void,
                )
            };
            if code != TcResult::NullArgument {
                tracker().violate(format!("{name}: NULL pointer gave {code:?}"));
            }
            return;
        }
        let (client, closed_expected) = match variant {
            2..=5 => (h.freed_client, true),
            6..=7 => (h.orphan_client, false),
            8..=17 => (h.mutable_client, false),
            _ => (h.client, false),
        };
        let cancel_kind = self.rng.below(100);
        let cancel = tc_cancel_new();
        if cancel_kind < 3 {
            tc_cancel_cancel(cancel);
        }
        let freed_cancel = cancel_kind == 99;
        let token = tracker().begin(
            name,
            bytes,
            if freed_cancel {
                std::ptr::null_mut()
            } else {
                cancel
            },
        );
        if freed_cancel {
            tc_cancel_free(cancel);
        }
        let code = unsafe {
            op(
                client,
                json,
                len,
                cancel,
                Some(fuzz_callback),
                token as *mut c_void,
            )
        };
        if (3..6).contains(&cancel_kind) {
            tc_cancel_cancel(cancel);
        }
        if closed_expected && code != TcResult::Closed {
            tracker().violate(format!("{name}: a freed client gave {code:?}"));
        }
        if freed_cancel
            && client == h.client
            && !matches!(code, TcResult::Closed | TcResult::InvalidArgument)
        {
            tracker().violate(format!(
                "{name}: a freed cancel handle gave {code:?}; input {}",
                excerpt(bytes)
            ));
        }
        tracker().returned(token, code);
    }

    /// Checks an error object written by a synchronous export.
    fn check_error_json(&self, name: &str, code: TcResult, text: &[u8], input: &[u8]) {
        if code == TcResult::Panic {
            tracker().violate(format!("{name}: TC_RESULT_PANIC; input {}", excerpt(input)));
        }
        match serde_json::from_slice::<Value>(text) {
            Ok(v) if code != TcResult::Ok && !v["code"].is_string() => {
                tracker().violate(format!("{name}: error without code {v}"))
            }
            Ok(v) if v["code"] == "panic" => tracker().violate(format!(
                "{name}: error code panic {v}; input {}",
                excerpt(input)
            )),
            Ok(_) => {}
            Err(e) => tracker().violate(format!("{name}: output does not parse: {e}")),
        }
    }

    fn synchronous_input(&mut self, seeds: &[Value]) -> Vec<u8> {
        let others = self.all_seeds.clone();
        self.mutator.input(&mut self.rng, seeds, &others)
    }

    /// Calls a synchronous export with `error_json_out` preset to a
    /// sentinel and checks the convention: the error object is written
    /// exactly when the result is not OK, and is a well-formed error.
    fn sync_checked(
        &self,
        name: &str,
        input: &[u8],
        call: impl FnOnce(*mut *mut c_char) -> TcResult,
    ) -> TcResult {
        let sentinel: *mut c_char = std::ptr::without_provenance_mut(0x7e57);
        let mut error = sentinel;
        let code = call(&mut error);
        match (code, error == sentinel) {
            (TcResult::Ok, true) => {}
            (TcResult::Ok, false) => tracker().violate(format!("{name}: OK wrote an error")),
            (_, true) => tracker().violate(format!("{name}: {code:?} wrote no error object")),
            (_, false) => {
                let text = unsafe { CStr::from_ptr(error) }.to_bytes().to_vec();
                self.check_error_json(name, code, &text, input);
                tc_string_free(error);
            }
        }
        code
    }

    fn envconfig(&mut self) {
        self.count("tc_envconfig_load");
        let bytes = self.synchronous_input(&seeds::envconfig_seeds());
        let mut out: *mut c_char = std::ptr::null_mut();
        let mut len = 0usize;
        let json_out: *mut *mut c_char = if self.rng.one_in(50) {
            std::ptr::null_mut()
        } else {
            &mut out
        };
        let code = self.sync_checked("tc_envconfig_load", &bytes, |error| unsafe {
            tc_envconfig_load(
                bytes.as_ptr().cast(),
                bytes.len(),
                json_out,
                &mut len,
                error,
            )
        });
        if json_out.is_null() {
            if code != TcResult::NullArgument {
                tracker().violate(format!("tc_envconfig_load: NULL json_out gave {code:?}"));
            }
            return;
        }
        if (code == TcResult::Ok) == out.is_null() {
            tracker().violate(format!("tc_envconfig_load: {code:?} with output {out:?}"));
            return;
        }
        if out.is_null() {
            return;
        }
        let text = unsafe { CStr::from_ptr(out) }.to_bytes().to_vec();
        if text.len() != len {
            tracker().violate("tc_envconfig_load: length out differs from the string".into());
        }
        self.check_error_json("tc_envconfig_load", code, &text, &bytes);
        tc_string_free(out);
    }

    fn update_headers(&mut self) {
        self.count("tc_client_update_headers");
        let bytes = self.synchronous_input(&seeds::header_seeds());
        for (client, allowed) in [
            (
                self.handles.mutable_client,
                &[TcResult::Ok, TcResult::InvalidArgument][..],
            ),
            (self.handles.freed_client, &[TcResult::Closed][..]),
        ] {
            let code = self.sync_checked("tc_client_update_headers", &bytes, |error| unsafe {
                tc_client_update_headers(client, bytes.as_ptr().cast(), bytes.len(), error)
            });
            if !allowed.contains(&code) {
                tracker().violate(format!(
                    "tc_client_update_headers: {code:?}; input {}",
                    excerpt(&bytes)
                ));
            }
        }
    }

    fn update_api_key(&mut self) {
        self.count("tc_client_update_api_key");
        let value = json!([self.mutator.random_value(&mut self.rng, 0), "secret-key"]);
        let mut bytes = self.mutator.finish(&mut self.rng, value);
        if self.rng.one_in(2) {
            bytes.retain(|b| *b != b'[' && *b != b']');
        }
        let client = self.handles.mutable_client;
        let code = self.sync_checked("tc_client_update_api_key", &bytes, |error| unsafe {
            tc_client_update_api_key(client, bytes.as_ptr().cast(), bytes.len(), error)
        });
        if !matches!(code, TcResult::Ok | TcResult::InvalidArgument) {
            tracker().violate(format!(
                "tc_client_update_api_key: {code:?}; input {}",
                excerpt(&bytes)
            ));
        }
    }

    fn runtime_new(&mut self) {
        self.count("tc_runtime_new");
        let bytes = self.synchronous_input(&seeds::runtime_seeds());
        let too_many_threads = serde_json::from_slice::<Value>(&bytes)
            .ok()
            .and_then(|v| v.get("worker_threads").and_then(Value::as_u64))
            .is_some_and(|n| n > 64);
        if too_many_threads {
            self.withheld += 1;
            return;
        }
        let mut rt: *mut TcRuntime = std::ptr::null_mut();
        let mut err: *mut c_char = std::ptr::null_mut();
        let code = unsafe { tc_runtime_new(bytes.as_ptr().cast(), bytes.len(), &mut rt, &mut err) };
        if code == TcResult::Ok {
            if rt.is_null() || !err.is_null() {
                tracker().violate("tc_runtime_new: OK without a runtime".into());
            }
            tc_runtime_free(rt);
        } else {
            if !rt.is_null() || err.is_null() {
                tracker().violate(format!(
                    "tc_runtime_new: {code:?} with runtime {rt:?}, error {err:?}"
                ));
                return;
            }
            let text = unsafe { CStr::from_ptr(err) }.to_bytes().to_vec();
            self.check_error_json("tc_runtime_new", code, &text, &bytes);
            tc_string_free(err);
        }
    }

    fn set_logger(&mut self) {
        self.count("tc_runtime_set_logger");
        let level = seeds::LOG_LEVELS[self.rng.below(seeds::LOG_LEVELS.len())];
        let mut bytes = level.as_bytes().to_vec();
        if self.rng.one_in(2) {
            self.mutator.mutate_bytes(&mut self.rng, &mut bytes, None);
        }
        let runtime = self.handles.log_runtime;
        let code = self.sync_checked("tc_runtime_set_logger", &bytes, |error| unsafe {
            tc_runtime_set_logger(
                runtime,
                bytes.as_ptr().cast(),
                bytes.len(),
                Some(log_callback),
                std::ptr::null_mut(),
                error,
            )
        });
        // The documented names; surrounding whitespace and case are tolerated.
        let valid = std::str::from_utf8(&bytes).is_ok_and(|t| {
            seeds::LOG_LEVELS
                .iter()
                .any(|l| l.eq_ignore_ascii_case(t.trim()))
        });
        let expected = if valid {
            TcResult::Ok
        } else {
            TcResult::InvalidArgument
        };
        if code != expected {
            tracker().violate(format!(
                "tc_runtime_set_logger({}): {code:?}",
                excerpt(&bytes)
            ));
        }
        let code = self.sync_checked("tc_runtime_set_logger", b"", |error| unsafe {
            tc_runtime_set_logger(
                runtime,
                std::ptr::null(),
                0,
                Some(log_callback),
                std::ptr::null_mut(),
                error,
            )
        });
        if code != TcResult::NullArgument {
            tracker().violate(format!("tc_runtime_set_logger(NULL level): {code:?}"));
        }
    }

    /// `tc_client_connect` with mutated options; the address is always a
    /// loopback one (the fuzz server, closed ports, malformed forms).
    fn connect(&mut self) {
        self.count("tc_client_connect");
        let seeds = seeds::connect_seeds();
        let mut value = self.rng.pick(&seeds).clone();
        for _ in 0..self.rng.below(4) {
            self.mutator.mutate_value(&mut self.rng, &mut value);
        }
        if let Value::Object(map) = &mut value {
            let addresses = [
                self.handles.server.as_str(),
                "127.0.0.1:1",
                "http://127.0.0.1:1",
                "[::1]:1",
                "127.0.0.1",
                "127.0.0.1:99999",
                "127.0.0.1:notaport",
                "http://[::1",
                "https://127.0.0.1:1",
            ];
            map.insert("address".into(), json!(self.rng.pick(&addresses)));
            map.entry("connect_timeout").or_insert(json!("2s"));
        }
        let mut bytes = serde_json::to_vec(&value).unwrap();
        if self.rng.one_in(4) {
            self.mutator.mutate_bytes(&mut self.rng, &mut bytes, None);
        }
        let runtime = if self.rng.one_in(2) {
            self.handles.runtime
        } else {
            self.handles.log_runtime
        };
        let cancel = tc_cancel_new();
        let token = tracker().begin("tc_client_connect", &bytes, cancel);
        let code = unsafe {
            tc_client_connect(
                runtime,
                bytes.as_ptr().cast(),
                bytes.len(),
                cancel,
                Some(connect_callback),
                token as *mut c_void,
            )
        };
        tracker().returned(token, code);
    }
}
