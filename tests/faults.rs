//! Faults, for real: a dev server (with `--db-filename`) killed with
//! `kill -9` and restarted on the same port under load, a server that is
//! down longer than the retry budget, a TCP listener that never answers,
//! and thousands of concurrent result waits against the server's default
//! limit on concurrent long polls.

mod common;

use common::*;
use serde_json::{json, Value};
use std::{
    collections::HashMap,
    ffi::{c_char, c_void},
    io::{BufRead, BufReader},
    net::TcpListener,
    process::Stdio,
    sync::{
        atomic::{AtomicUsize, Ordering},
        mpsc, Arc, Mutex,
    },
    time::{Duration, Instant, SystemTime},
};
use temporal_capi::ffi::{
    client::TcClient,
    exports::{tc_workflow_describe, tc_workflow_result, tc_workflow_signal, tc_workflow_start},
    runtime::tc_runtime_new,
    TcResult, TcStatus,
};

/// The tests here load the machine and kill servers: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|p| p.into_inner())
}

/// A call's status, JSON and when its callback fired.
type Outcome = (TcStatus, Value, SystemTime);

/// Counts the callbacks of every call it issued: each must fire exactly once.
struct Tally {
    fired: Vec<AtomicUsize>,
    replies: Mutex<HashMap<usize, Outcome>>,
    done: mpsc::Sender<usize>,
}

struct CallRef {
    tally: Arc<Tally>,
    index: usize,
}

unsafe extern "C" fn tally_callback(
    user_data: *mut c_void,
    status: TcStatus,
    json: *const c_char,
    len: usize,
) {
    // Borrow, never free: a second callback for the same call must be
    // counted, not crash the test.
    let call = unsafe { &*(user_data as *const CallRef) };
    let bytes = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
    let value: Value = serde_json::from_slice(bytes).unwrap();
    call.tally.fired[call.index].fetch_add(1, Ordering::SeqCst);
    call.tally
        .replies
        .lock()
        .unwrap()
        .insert(call.index, (status, value, SystemTime::now()));
    let _ = call.tally.done.send(call.index);
}

/// Runs `requests` (export, JSON) with at most `in_flight` pending at once;
/// `midway` runs (on this thread) once `trigger_after` calls have completed
/// (with 0: once the first calls are issued). Returns each call's outcome,
/// after checking every callback fired exactly once.
fn run_load(
    client: *mut TcClient,
    requests: &[(OpFn, Value)],
    in_flight: usize,
    trigger_after: usize,
    mut midway: impl FnMut(),
) -> Vec<Outcome> {
    let (tx, rx) = mpsc::channel();
    let tally = Arc::new(Tally {
        fired: (0..requests.len()).map(|_| AtomicUsize::new(0)).collect(),
        replies: Mutex::new(HashMap::new()),
        done: tx,
    });
    // Leaked on purpose: a callback may still arrive after a failed
    // assertion unwinds this function, and must find its reference alive.
    let refs: Vec<&'static CallRef> = (0..requests.len())
        .map(|index| {
            &*Box::leak(Box::new(CallRef {
                tally: tally.clone(),
                index,
            }))
        })
        .collect();
    let mut next = 0;
    let mut completed = 0;
    let mut triggered = false;
    let issue = |i: usize| {
        let (op, request) = &requests[i];
        let text = request.to_string();
        let code = unsafe {
            op(
                client,
                text.as_ptr() as *const c_char,
                text.len(),
                std::ptr::null(),
                Some(tally_callback),
                refs[i] as *const CallRef as *mut c_void,
            )
        };
        assert_eq!(code, TcResult::Ok, "{request}");
    };
    while completed < requests.len() {
        while next < requests.len() && next - completed < in_flight {
            issue(next);
            next += 1;
        }
        if !triggered && completed >= trigger_after {
            triggered = true;
            midway();
        }
        rx.recv_timeout(Duration::from_secs(300))
            .expect("a callback within 300 s");
        completed += 1;
    }
    // Late duplicates would land here.
    std::thread::sleep(Duration::from_millis(500));
    for (i, fired) in tally.fired.iter().enumerate() {
        assert_eq!(
            fired.load(Ordering::SeqCst),
            1,
            "callback count of call {i}"
        );
    }
    let mut replies = tally.replies.lock().unwrap();
    (0..requests.len())
        .map(|i| replies.remove(&i).unwrap())
        .collect()
}

#[test]
fn a_server_killed_and_restarted_under_load_loses_nothing() {
    let _serial = one_at_a_time();
    let mut server = Restartable::start();
    let conn = server.connect(json!({}));
    let queue = server.task_queue.clone();
    // The signal targets: ten open workflows collecting `add` signals.
    let targets: Vec<String> = (0..10).map(|_| unique_id("collector")).collect();
    for id in &targets {
        call(
            tc_workflow_start,
            conn.client,
            &json!({"workflow_type": "WaitForSignal", "task_queue": queue, "id": id}),
        )
        .ok();
    }
    let started_ids: Vec<String> = (0..500).map(|_| unique_id("restart-start")).collect();
    let mut requests: Vec<(OpFn, Value)> = Vec::new();
    for (i, id) in started_ids.iter().enumerate() {
        requests.push((
            tc_workflow_start,
            json!({"workflow_type": "Echo", "task_queue": queue, "id": id, "args": [i]}),
        ));
        requests.push((
            tc_workflow_signal,
            json!({"workflow_id": targets[i % targets.len()], "signal_name": "add", "args": [i]}),
        ));
    }
    let outage = Mutex::new(None);
    let outcomes = run_load(conn.client, &requests, 32, 200, || {
        let killed_at = Instant::now();
        server.kill();
        std::thread::sleep(Duration::from_secs(2));
        server.restart();
        *outage.lock().unwrap() = Some(killed_at.elapsed());
    });
    let failed: Vec<_> = outcomes
        .iter()
        .zip(&requests)
        .filter(|((status, _, _), _)| *status != TcStatus::Ok)
        .map(|((_, reply, _), (_, request))| format!("{request} -> {reply}"))
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} calls failed across the restart (outage {:?}), e.g. {:?}",
        failed.len(),
        requests.len(),
        outage.lock().unwrap(),
        &failed[..failed.len().min(5)]
    );
    // Every acknowledged start exists.
    for id in &started_ids {
        let reply = call(
            tc_workflow_describe,
            conn.client,
            &json!({"workflow_id": id}),
        );
        assert_eq!(reply.ok()["workflow_id"], id.as_str());
    }
    // Every acknowledged signal is in the history exactly once.
    let mut seen = vec![0usize; started_ids.len()];
    for id in &targets {
        call(
            tc_workflow_signal,
            conn.client,
            &json!({"workflow_id": id, "signal_name": "finish", "args": [null]}),
        )
        .ok();
        let result = call(tc_workflow_result, conn.client, &json!({"workflow_id": id})).ok();
        for value in result["result"]["signals"].as_array().unwrap() {
            seen[value.as_u64().unwrap() as usize] += 1;
        }
    }
    let wrong: Vec<_> = seen.iter().enumerate().filter(|(_, n)| **n != 1).collect();
    assert!(wrong.is_empty(), "signals not seen exactly once: {wrong:?}");
}

/// Calls `op` once and returns its reply and how long it took.
fn timed(op: OpFn, client: *mut TcClient, request: &Value) -> (Reply, Duration) {
    let started = Instant::now();
    let reply = call(op, client, request);
    (reply, started.elapsed())
}

#[test]
fn without_retries_a_down_server_fails_promptly_and_retries_give_up_after_max_elapsed() {
    let _serial = one_at_a_time();
    let mut server = Restartable::start();
    let no_retry = server.connect(json!({"retry": false}));
    let budget = server.connect(json!({"retry": {"max_elapsed": "3s"}}));
    let queue = server.task_queue.clone();
    server.kill();
    let start =
        |id: &str| json!({"workflow_type": "Echo", "task_queue": queue, "id": id, "args": [1]});

    let (reply, took) = timed(tc_workflow_start, no_retry.client, &start("no-retry"));
    let err = reply.err("connection_failed");
    assert!(
        took < Duration::from_secs(2),
        "retry: false should fail at once, took {took:?}: {err}"
    );

    let (reply, took) = timed(tc_workflow_start, budget.client, &start("budget"));
    let err = reply.err("connection_failed");
    assert!(
        took <= Duration::from_secs(4),
        "max_elapsed 3s: the error must arrive within 4 s, took {took:?}: {err}"
    );
    assert!(
        took >= Duration::from_millis(1500),
        "the call must have been retried for a while, took {took:?}: {err}"
    );

    server.restart();
    let reply = call(tc_workflow_start, no_retry.client, &start("after-restart"));
    reply.ok();
}

#[test]
fn a_result_wait_spanning_a_server_restart_completes_with_the_result() {
    let _serial = one_at_a_time();
    let mut server = Restartable::start();
    let conn = server.connect(json!({}));
    let id = unique_id("spanning");
    call(
        tc_workflow_start,
        conn.client,
        &json!({"workflow_type": "WaitForSignal", "task_queue": server.task_queue, "id": id}),
    )
    .ok();
    let (code, rx) = begin(
        tc_workflow_result,
        conn.client,
        &json!({"workflow_id": id}).to_string(),
        std::ptr::null(),
    );
    assert_eq!(code, TcResult::Ok);
    std::thread::sleep(Duration::from_millis(500));
    server.kill();
    // Down for longer than the default retry budget (10 s) of one RPC.
    std::thread::sleep(Duration::from_secs(12));
    assert!(
        rx.try_recv().is_err(),
        "the wait must not end while the server is down"
    );
    server.restart();
    call(
        tc_workflow_signal,
        conn.client,
        &json!({"workflow_id": id, "signal_name": "finish", "args": ["done"]}),
    )
    .ok();
    let reply = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the wait completes after the restart");
    assert_eq!(reply.ok()["result"]["finish"], "done");
}

/// A TCP listener that accepts connections and never answers.
fn silent_listener() -> (String, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let handle = std::thread::spawn(move || {
        let mut held = Vec::new();
        listener.set_nonblocking(true).unwrap();
        let until = Instant::now() + Duration::from_secs(60);
        while Instant::now() < until {
            match listener.accept() {
                Ok((socket, _)) => held.push(socket),
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    });
    (address, handle)
}

#[test]
fn a_silent_server_is_bounded_by_connect_timeout_and_call_timeout() {
    let _serial = one_at_a_time();
    let (address, _listener) = silent_listener();
    let mut runtime = std::ptr::null_mut();
    let code = unsafe { tc_runtime_new(std::ptr::null(), 0, &mut runtime, std::ptr::null_mut()) };
    assert_eq!(code, TcResult::Ok);

    let started = Instant::now();
    let (client, reply) = connect_with(
        runtime,
        &json!({"address": address, "connect_timeout": "2s"}),
    );
    assert!(client.is_null());
    let err = reply.err("connection_failed");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "connect took {:?}: {err}",
        started.elapsed()
    );

    let (lazy, reply) = connect_with(
        runtime,
        &json!({"address": address, "connect_timeout": "2s", "lazy": true}),
    );
    reply.ok();
    let (reply, took) = timed(tc_workflow_describe, lazy, &json!({"workflow_id": "x"}));
    let err = reply.err("connection_failed");
    assert!(
        took < Duration::from_secs(3),
        "lazy first call took {took:?}: {err}"
    );

    let (unbounded, reply) = connect_with(runtime, &json!({"address": address, "lazy": true}));
    reply.ok();
    let (reply, took) = timed(
        temporal_capi::ffi::exports::tc_client_rpc,
        unbounded,
        &json!({"service": "workflow", "method": "GetSystemInfo", "request": {}, "timeout": "1s"}),
    );
    let err = reply.err("timeout");
    assert!(
        took < Duration::from_secs(3),
        "call with timeout 1s took {took:?}: {err}"
    );

    temporal_capi::ffi::client::tc_client_free(lazy);
    temporal_capi::ffi::client::tc_client_free(unbounded);
    temporal_capi::ffi::runtime::tc_runtime_free(runtime);
}

/// Starts `count` WaitForSignal workflows (at 32 in flight) and returns their ids.
fn start_collectors(conn: &Conn, queue: &str, count: usize, prefix: &str) -> Vec<String> {
    let ids: Vec<String> = (0..count).map(|_| unique_id(prefix)).collect();
    let requests: Vec<(OpFn, Value)> = ids
        .iter()
        .map(|id| {
            (
                tc_workflow_start as OpFn,
                json!({"workflow_type": "WaitForSignal", "task_queue": queue, "id": id}),
            )
        })
        .collect();
    for (status, reply, _) in run_load(conn.client, &requests, 32, usize::MAX, || {}) {
        assert_eq!(status, TcStatus::Ok, "{reply}");
    }
    ids
}

/// The close time of every workflow whose id starts with `prefix`.
fn close_times(conn: &Conn, prefix: &str) -> HashMap<String, SystemTime> {
    let mut times = HashMap::new();
    let mut token = Value::Null;
    loop {
        let page = call(
            temporal_capi::ffi::exports::tc_workflow_list,
            conn.client,
            &json!({"query": format!("WorkflowId STARTS_WITH '{prefix}'"), "page_size": 1000,
                    "next_page_token": token}),
        )
        .ok();
        for row in page["executions"].as_array().unwrap() {
            let closed =
                chrono::DateTime::parse_from_rfc3339(row["close_time"].as_str().unwrap()).unwrap();
            times.insert(
                row["workflow_id"].as_str().unwrap().to_owned(),
                SystemTime::from(closed),
            );
        }
        token = page["next_page_token"].clone();
        if token.is_null() {
            return times;
        }
    }
}

/// Holds `waits_per_workflow` result waits on each workflow of `ids` at
/// once, then finishes every workflow and requires every wait to report
/// its workflow's result within 60 s of that workflow closing.
fn many_waits(conn: &Conn, ids: &[String], prefix: &str, waits_per_workflow: usize) {
    let phase = Instant::now();
    let waits: Vec<(OpFn, Value)> = ids
        .iter()
        .flat_map(|id| {
            (0..waits_per_workflow)
                .map(move |_| (tc_workflow_result as OpFn, json!({"workflow_id": id})))
        })
        .collect();
    let finishes: Vec<(OpFn, Value)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            (
                tc_workflow_signal as OpFn,
                json!({"workflow_id": id, "signal_name": "finish", "args": [i]}),
            )
        })
        .collect();
    let outcomes = run_load(conn.client, &waits, waits.len(), 0, || {
        // Let the waits settle into their polls, well past the dev
        // server's 3 s long-poll expiry, before the workflows finish.
        std::thread::sleep(Duration::from_secs(8));
        eprintln!(
            "many_waits: {} waits issued after {:?}",
            waits.len(),
            phase.elapsed()
        );
        for (status, reply, _) in run_load(conn.client, &finishes, 32, usize::MAX, || {}) {
            assert_eq!(status, TcStatus::Ok, "{reply}");
        }
        eprintln!(
            "many_waits: finish signals sent after {:?}",
            phase.elapsed()
        );
    });
    eprintln!(
        "many_waits: all waits completed after {:?}",
        phase.elapsed()
    );
    let closed = close_times(conn, prefix);
    let mut delays = Vec::with_capacity(outcomes.len());
    for (i, (status, value, arrived)) in outcomes.into_iter().enumerate() {
        let workflow = i / waits_per_workflow;
        assert_eq!(status, TcStatus::Ok, "{value}");
        assert_eq!(value["result"]["finish"], workflow, "{value}");
        let close = closed[&ids[workflow]];
        delays.push(arrived.duration_since(close).unwrap_or_default());
    }
    delays.sort();
    let at = |q: f64| delays[((delays.len() - 1) as f64 * q) as usize];
    let worst = at(1.0);
    eprintln!(
        "many_waits: delay from a workflow closing to its waits completing: median {:?}, p90 {:?}, p99 {:?}, worst {worst:?}; \
         closes spread over {:?}",
        at(0.5),
        at(0.9),
        at(0.99),
        closed.values().max().unwrap().duration_since(*closed.values().min().unwrap()).unwrap_or_default()
    );
    assert!(
        worst <= Duration::from_secs(60),
        "a wait completed {worst:?} after its workflow closed"
    );
}

#[test]
fn ten_thousand_result_waits_on_a_hundred_workflows_all_complete() {
    let _serial = one_at_a_time();
    let env = env();
    let conn = connect();
    let ids = start_collectors(&conn, &env.task_queue, 100, "waits-shared");
    many_waits(&conn, &ids, "waits-shared", 100);
}

/// Counts the library's debug records that contain `needle`.
unsafe extern "C" fn count_records(
    user_data: *mut c_void,
    _: TcStatus,
    json: *const c_char,
    len: usize,
) {
    let counters = unsafe { &*(user_data as *const [AtomicUsize; 5]) };
    let bytes = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
    let text = String::from_utf8_lossy(bytes);
    if let Ok(record) = serde_json::from_str::<Value>(&text) {
        if let Some(lag) = record["fields"]["woken_lag_ms"].as_u64() {
            counters[4].fetch_max(lag as usize, Ordering::Relaxed);
        }
    }
    for (i, needle) in [
        "listed closed workflows",
        "listing failed",
        "transient failure",
        "not woken",
    ]
    .iter()
    .enumerate()
    {
        if text.contains(needle) {
            counters[i].fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// 10,000 result waits on 10,000 distinct workflows, far beyond the
/// client's long-poll budget: most waits park and the closure watcher wakes
/// them (the library's debug records are counted and reported).
#[test]
fn ten_thousand_result_waits_on_distinct_workflows_all_complete() {
    let _serial = one_at_a_time();
    let env = env();
    let conn = connect();
    let counters: &'static [AtomicUsize; 5] = Box::leak(Box::default());
    let (code, _) = set_logger(
        conn.runtime,
        b"debug",
        Some(count_records),
        counters as *const _ as *mut c_void,
    );
    assert_eq!(code, TcResult::Ok);
    let _report = Report(counters);
    let started = Instant::now();
    let ids = start_collectors(&conn, &env.task_queue, 10_000, "waits-distinct");
    eprintln!("10,000 workflows started in {:?}", started.elapsed());
    many_waits(&conn, &ids, "waits-distinct", 1);
}

/// Prints the closure watcher's counters when the test ends.
struct Report(&'static [AtomicUsize; 5]);

impl Drop for Report {
    fn drop(&mut self) {
        eprintln!(
            "closure watcher: {} listings, {} failed listings, worst lag from a close to its wake {} ms; \
             {} transient failures in waits, {} parked waits not woken",
            self.0[0].load(Ordering::Relaxed),
            self.0[1].load(Ordering::Relaxed),
            self.0[4].load(Ordering::Relaxed),
            self.0[2].load(Ordering::Relaxed),
            self.0[3].load(Ordering::Relaxed)
        );
    }
}

#[test]
fn the_c_fault_driver_rides_through_a_restart_under_valgrind_without_leaks() {
    let _serial = one_at_a_time();
    let mut server = Restartable::start();
    let out = std::env::temp_dir().join(unique_id("tc-c-fault"));
    std::fs::create_dir_all(&out).unwrap();
    let exe = compile_c_program("fault_driver", &out);
    let mut child = valgrind(&exe)
        .args([&server.address, &server.task_queue, "150"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("valgrind");
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut stderr = child.stderr.take().unwrap();
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).unwrap();
        text
    });
    let first = stdout.next().expect("a progress line").unwrap();
    assert_eq!(first, "progress");
    server.kill();
    std::thread::sleep(Duration::from_secs(2));
    server.restart();
    let summary: Vec<String> = stdout.map_while(Result::ok).collect();
    let status = child.wait().unwrap();
    let stderr = stderr_reader.join().unwrap();
    std::fs::remove_dir_all(&out).ok();
    assert!(
        status.success(),
        "fault_driver failed ({status:?}): {summary:?}\n{stderr}"
    );
    assert_eq!(
        summary,
        ["calls=304 ok=304 extra_callbacks=0 signals=150"],
        "{stderr}"
    );
    assert_valgrind_clean(&stderr);
}
