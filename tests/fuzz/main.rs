//! The seeded fuzzer (docs/testing.md): mutated requests from docs/JSON.md
//! and random JSON through every export against this binary's own dev
//! server. Checks: one callback per call, none twice, no `panic` code, no
//! callback later than 30 s after its call or cancel, documented error
//! codes only, a flat live heap, a bounded RSS, and a process that lives.
//!
//! `TC_FUZZ_COUNT` sets the number of inputs (default 100,000),
//! `TC_FUZZ_SEED` reproduces a run (the seed is printed), and
//! `TC_FUZZ_RECYCLE` the inputs between restarts of its dev server.

#[path = "../common/mod.rs"]
mod common;
mod driver;
mod mutate;
mod rng;
mod seeds;
mod tracker;

use common::*;
use driver::{Driver, Handles, LOG_RECORDS, TRACKER};
use serde_json::{json, Value};
use std::{
    collections::BTreeSet,
    sync::atomic::{AtomicBool, Ordering},
    time::{Duration, Instant},
};
use temporal_capi::ffi::{
    client::tc_client_free,
    exports::tc_schedule_create,
    exports::{tc_workflow_result, tc_workflow_start},
    runtime::tc_runtime_free,
    TcResult,
};
use tracker::Tracker;

/// Calls in flight at once (not counting long polls older than 500 ms).
const IN_FLIGHT: usize = 64;

/// Inputs between restarts of the dev server (in memory, so each restart
/// starts empty): the server's memory and time per call grow with what the
/// fuzzer creates (9 GB and a third of the speed after 4,500,000 inputs).
/// `TC_FUZZ_RECYCLE` overrides it.
const RECYCLE_EVERY: u64 = 1_000_000;

/// How much the live heap may grow between the end of the warm-up and the
/// end of the run (both measured with no call in flight): caches settle
/// during the first minutes. A leak of ~4 bytes per call over a
/// 10,000,000-input run, or of ~300 bytes per call in the bounded one,
/// exceeds it.
const LIVE_HEAP_SLACK_KB: u64 = 32 * 1024;

/// How much the process's anonymous RSS may grow over the same span. RSS
/// also counts free memory that glibc keeps in its per-thread arenas, which
/// fragmentation raises over the first million inputs (a 2,000,000-input
/// run levels off at 120-160 MB with a flat live heap), so this bound
/// only catches gross growth; the live heap is the leak check.
const RSS_SLACK_KB: u64 = 256 * 1024;

/// glibc's `struct mallinfo2`: heap statistics in bytes.
#[repr(C)]
#[derive(Default)]
struct MallInfo2 {
    arena: usize,
    ordblks: usize,
    smblks: usize,
    hblks: usize,
    hblkhd: usize,
    usmblks: usize,
    fsmblks: usize,
    uordblks: usize,
    fordblks: usize,
    keepcost: usize,
}

extern "C" {
    /// glibc: returns freed heap memory to the system so that RSS shows
    /// what is live.
    fn malloc_trim(pad: usize) -> i32;
    /// glibc: heap statistics summed over all arenas.
    fn mallinfo2() -> MallInfo2;
}

/// Bytes the process has allocated and not freed (glibc's in-use ordinary
/// blocks plus mmapped chunks), in kB. Unlike RSS this does not count
/// free memory that fragmentation keeps in the allocator's arenas, so a
/// leak shows here as growth while a fragmented heap does not.
fn live_heap_kb() -> u64 {
    let info = unsafe { mallinfo2() };
    ((info.uordblks + info.hblkhd) / 1024) as u64
}

/// The process's anonymous resident memory (`RssAnon`, heap and stacks)
/// after returning free heap pages. File-backed pages are left out: the
/// first backtrace a caught panic prints maps the binary's debug info
/// (~130 MB for this test binary), which is not memory the library holds.
fn rss_kb() -> u64 {
    unsafe { malloc_trim(0) };
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("RssAnon:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("RssAnon")
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| {
        v.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, got {v:?}"))
    })
}

/// The error codes of docs/ABI.md's "Error codes" table.
fn documented_codes() -> BTreeSet<String> {
    let abi = std::fs::read_to_string(repo_root().join("docs/ABI.md")).expect("docs/ABI.md");
    let table = abi
        .split("## Error codes")
        .nth(1)
        .expect("Error codes section");
    let codes: BTreeSet<String> = table
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_owned)
        .collect();
    assert!(
        codes.contains("invalid_argument") && codes.contains("panic"),
        "{codes:?}"
    );
    codes
}

/// The asynchronous client exports of the header: every function taking
/// `(TcClient *client, const char *request_json, size_t request_len,
/// const TcCancel *cancel, TcCallback callback, void *user_data)`.
fn header_async_exports() -> BTreeSet<String> {
    let header =
        std::fs::read_to_string(repo_root().join("include/temporal_capi.h")).expect("header");
    let flat = header.split_whitespace().collect::<Vec<_>>().join(" ");
    flat.split("TcResult ")
        .skip(1)
        .filter_map(|decl| {
            let (name, rest) = decl.split_once('(')?;
            let params = rest.split_once(')')?.0;
            let shape = "TcClient *client, const char *request_json, size_t request_len, const TcCancel *cancel, TcCallback callback, void *user_data";
            (params == shape).then(|| name.trim().to_owned())
        })
        .collect()
}

/// Creates the workflows and the schedule the seeds refer to.
fn fixtures(conn: &Conn, task_queue: &str) -> seeds::Fixtures {
    let f = seeds::Fixtures {
        task_queue: task_queue.to_owned(),
        done: unique_id("fuzz-done"),
        running: unique_id("fuzz-running"),
        spare: unique_id("fuzz-spare"),
        schedule: unique_id("fuzz-schedule"),
    };
    for reply in refresh_fixtures(conn, &f) {
        reply.ok();
    }
    f
}

/// (Re)creates the fixtures; mutated requests terminate, reset, purge and
/// delete them now and then. Returns the replies.
fn refresh_fixtures(conn: &Conn, f: &seeds::Fixtures) -> Vec<Reply> {
    let tq = &f.task_queue;
    let start = |id: &str, wf: &str, args: Value| {
        call(
            tc_workflow_start,
            conn.client,
            &json!({"id": id, "workflow_type": wf, "task_queue": tq, "args": args,
                    "id_conflict_policy": "use_existing"}),
        )
    };
    vec![
        start(&f.done, "Echo", json!(["done"])),
        call(
            tc_workflow_result,
            conn.client,
            &json!({"workflow_id": f.done}),
        ),
        start(&f.running, "WaitForSignal", json!([])),
        start(&f.spare, "Forever", json!([])),
        call(
            tc_schedule_create,
            conn.client,
            &json!({"schedule_id": f.schedule, "state": {"paused": true},
                    "spec": {"intervals": [{"every": "1h"}]},
                    "action": {"start_workflow": {"workflow_type": "Echo", "task_queue": tq}}}),
        ),
    ]
}

fn handles(conn: &Conn, server: &str) -> (Handles, Conn) {
    let address = json!({ "address": server });
    let log_runtime = new_runtime();
    let (mutable_client, reply) = connect_with(log_runtime, &address);
    reply.ok();
    let (freed_client, reply) = connect_with(conn.runtime, &address);
    reply.ok();
    tc_client_free(freed_client);
    let orphan_runtime = new_runtime();
    let (orphan_client, reply) = connect_with(orphan_runtime, &address);
    reply.ok();
    tc_runtime_free(orphan_runtime);
    (
        Handles {
            runtime: conn.runtime,
            client: conn.client,
            mutable_client,
            log_runtime,
            freed_client,
            orphan_client,
            server: server.to_owned(),
        },
        Conn {
            runtime: log_runtime,
            client: mutable_client,
        },
    )
}

#[test]
fn seeds_follow_the_docs_and_cover_every_export() {
    let doc = seeds::json_doc();
    let vocabulary: BTreeSet<String> = seeds::doc_keys(&doc).into_iter().collect();
    let exports = seeds::exports();
    let names: BTreeSet<String> = exports.iter().map(|e| e.name.to_owned()).collect();
    assert_eq!(
        names,
        header_async_exports(),
        "the fuzzer covers exactly the header's async exports"
    );
    let afl: BTreeSet<String> = afl_exports().into_iter().collect();
    let missing: Vec<_> = names.difference(&afl).collect();
    assert!(
        missing.is_empty(),
        "the AFL requests target lacks {missing:?}"
    );
    // Keys inside these hold caller data or proto JSON, not documented keys.
    let free_form = [
        "args",
        "memo",
        "headers",
        "request",
        "search_attributes",
        "result",
        "details",
        "signal_args",
        "update_args",
        "update_headers",
        "env",
        "config_data",
    ];
    let mut all = Vec::new();
    for e in &exports {
        assert!(
            doc.contains(&format!("`{}`", e.name)),
            "{} is documented in docs/JSON.md",
            e.name
        );
        assert!(!e.seeds.is_empty());
        all.extend(e.seeds.iter().cloned());
    }
    all.extend(seeds::connect_seeds());
    all.extend(seeds::envconfig_seeds());
    all.extend(seeds::runtime_seeds());
    fn documented(
        v: &Value,
        vocabulary: &BTreeSet<String>,
        free_form: &[&str],
        out: &mut Vec<String>,
    ) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if !vocabulary.contains(k) {
                        out.push(k.clone());
                    }
                    if !free_form.contains(&k.as_str()) {
                        documented(v, vocabulary, free_form, out);
                    }
                }
            }
            Value::Array(items) => items
                .iter()
                .for_each(|v| documented(v, vocabulary, free_form, out)),
            _ => {}
        }
    }
    let mut missing = Vec::new();
    for seed in &all {
        documented(seed, &vocabulary, &free_form, &mut missing);
    }
    assert!(
        missing.is_empty(),
        "seed keys not in docs/JSON.md: {missing:?}"
    );
    assert!(
        seeds::doc_texts(&doc).len() >= 5,
        "docs/JSON.md shows JSON texts"
    );
    if let Some(dir) = std::env::var_os("TC_FUZZ_CORPUS_OUT") {
        write_afl_corpus(std::path::Path::new(&dir), &exports, &doc);
    }
}

/// The export names of the AFL `requests` target in the order of
/// `exports()` in fuzz/src/lib.rs (its first input byte indexes it): the
/// operation index, then that file's `OTHER_EXPORTS`.
fn afl_exports() -> Vec<String> {
    let lib =
        std::fs::read_to_string(repo_root().join("fuzz/src/lib.rs")).expect("fuzz/src/lib.rs");
    let list = lib
        .split("const OTHER_EXPORTS")
        .nth(1)
        .expect("OTHER_EXPORTS");
    let list = list.split("];").next().unwrap();
    let others = list.split('"').skip(1).step_by(2).map(str::to_owned);
    temporal_capi::operation_index::INDEX
        .iter()
        .map(|e| e.export.to_owned())
        .chain(others)
        .collect()
}

/// Writes the AFL seed corpus (fuzz/corpus, see scripts/afl.sh): for the
/// `requests` target one file per seed, its first byte selecting the export
/// in the order of fuzz/src/lib.rs's `exports()`; for `envconfig` the TOML of the
/// env-config seeds behind a flags byte.
fn write_afl_corpus(dir: &std::path::Path, exports: &[seeds::Export], doc: &str) {
    let order = afl_exports();
    let fixed = seeds::Fixtures {
        task_queue: "fuzz-tq".into(),
        done: "fuzz-done".into(),
        running: "fuzz-running".into(),
        spare: "fuzz-spare".into(),
        schedule: "fuzz-schedule".into(),
    };
    let requests = dir.join("requests");
    let envconfig = dir.join("envconfig");
    std::fs::create_dir_all(&requests).unwrap();
    std::fs::create_dir_all(&envconfig).unwrap();
    let selector = |name: &str| {
        let i = order
            .iter()
            .position(|n| n == name)
            .unwrap_or_else(|| panic!("{name} in the AFL export list"));
        (i + order.len()) as u8
    };
    let write = |name: &str, n: usize, json: Vec<u8>| {
        let mut data = vec![selector(name)];
        data.extend(json);
        std::fs::write(requests.join(format!("{name}-{n}")), data).unwrap();
    };
    for e in exports {
        for (n, s) in e.seeds.iter().enumerate() {
            write(e.name, n, serde_json::to_vec(&fixed.fill(s)).unwrap());
        }
    }
    for (name, list) in [
        ("tc_client_connect", seeds::connect_seeds()),
        ("tc_envconfig_load", seeds::envconfig_seeds()),
        ("tc_runtime_new", seeds::runtime_seeds()),
    ] {
        for (n, s) in list.iter().enumerate() {
            write(name, n, serde_json::to_vec(s).unwrap());
        }
    }
    for (n, text) in seeds::doc_texts(doc).into_iter().enumerate() {
        write(&order[n % order.len()], 100 + n, text);
    }
    for (n, s) in seeds::envconfig_seeds().iter().enumerate() {
        if let Some(toml) = s["config_data"].as_str() {
            let mut data = vec![b'0' + n as u8];
            data.extend(toml.as_bytes());
            std::fs::write(envconfig.join(format!("seed-{n}.toml")), data).unwrap();
        }
    }
}

/// Sets its flag when dropped, also while unwinding.
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

#[test]
fn seeded_fuzz_over_every_export() {
    let count = env_number("TC_FUZZ_COUNT").unwrap_or(100_000);
    let seed = env_number("TC_FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
    });
    eprintln!("fuzz: seed {seed} (TC_FUZZ_SEED={seed} reproduces), {count} inputs");
    assert!(TRACKER
        .set(Tracker::new(IN_FLIGHT, 4096, documented_codes()))
        .is_ok());
    let tracker = TRACKER.get().unwrap();

    let recycle = env_number("TC_FUZZ_RECYCLE").unwrap_or(RECYCLE_EVERY);
    let mut server = Restartable::in_memory();
    let conn = server.connect(json!({}));
    let f = fixtures(&conn, &server.task_queue);
    let (handles, _mutable) = handles(&conn, &server.address);
    let doc = seeds::json_doc();
    let mut exports = seeds::exports();
    for e in &mut exports {
        e.seeds = e.seeds.iter().map(|s| f.fill(s)).collect();
    }
    let all_seeds = exports.iter().flat_map(|e| e.seeds.clone()).collect();
    let mut driver = Driver {
        rng: rng::Rng::new(seed),
        mutator: mutate::Mutator::new(seeds::doc_keys(&doc), seeds::doc_texts(&doc)),
        exports,
        all_seeds,
        handles,
        per_export: Default::default(),
        withheld: 0,
        last: "",
    };

    // Every seed is a valid request: the parser accepts it.
    for i in 0..driver.exports.len() {
        for s in driver.exports[i].seeds.clone() {
            let code = send_seed(&driver, i, &s);
            assert_ne!(
                code,
                TcResult::InvalidArgument,
                "{} rejects its seed {s}",
                driver.exports[i].name
            );
        }
    }

    let stop = AtomicBool::new(false);
    let started = Instant::now();
    let warm_up = (count / 5).min(20_000);
    let mut rss_warm = 0;
    let mut heap_warm = 0;
    std::thread::scope(|scope| {
        scope.spawn(|| {
            while !stop.load(Ordering::Relaxed) {
                tracker.watch();
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        // Stops the watcher also when an assertion below panics, so that the
        // panic ends the test instead of the scope waiting forever.
        let _stop_watcher = StopOnDrop(&stop);
        for n in 0..count {
            if n == warm_up {
                tracker.drain();
                rss_warm = rss_kb();
                heap_warm = live_heap_kb();
            }
            if n > warm_up && n % recycle == 0 {
                tracker.drain();
                server.kill();
                server.restart();
                for reply in refresh_fixtures(&conn, &f) {
                    reply.ok();
                }
                eprintln!("fuzz: {n} inputs: the dev server was restarted empty");
            } else if n % 5_000 == 4_999 {
                refresh_fixtures(&conn, &f);
            }
            driver.step();
            if n % 20_000 == 0 && n > 0 {
                let (calls, callbacks, _) = tracker.totals();
                eprintln!(
                    "fuzz: {n} inputs, {calls} calls, {callbacks} callbacks, {:?}, RSS {} kB, live heap {} kB, \
                     {} kinds of violation",
                    started.elapsed(),
                    rss_kb(),
                    live_heap_kb(),
                    tracker.violations().len()
                );
            }
        }
        tracker.drain();
    });
    let elapsed = started.elapsed();
    let rss_end = rss_kb();
    let heap_end = live_heap_kb();
    let (calls, callbacks, outcomes) = tracker.totals();
    tc_client_free(driver.handles.orphan_client);
    eprintln!(
        "fuzz: seed {seed}: {count} inputs in {elapsed:?} ({:.0}/s), {calls} async calls, {callbacks} callbacks, \
         {} log records, {} runtime options withheld, after warm-up -> end: RSS {rss_warm} kB -> {rss_end} kB, \
         live heap {heap_warm} kB -> {heap_end} kB",
        count as f64 / elapsed.as_secs_f64(),
        LOG_RECORDS.load(Ordering::Relaxed),
        driver.withheld,
    );
    eprintln!("fuzz: inputs per export: {:?}", driver.per_export);
    for (outcome, n) in &outcomes {
        eprintln!("fuzz:   {outcome}: {n}");
    }
    let violations = tracker.violations();
    assert!(
        violations.is_empty(),
        "seed {seed}: {} contract violations:\n{}",
        violations.len(),
        violations.join("\n")
    );
    assert_eq!(calls, callbacks, "seed {seed}: callbacks == calls");
    assert!(
        heap_end <= heap_warm + LIVE_HEAP_SLACK_KB,
        "seed {seed}: the live heap grew from {heap_warm} kB to {heap_end} kB"
    );
    assert!(
        rss_end <= rss_warm + RSS_SLACK_KB,
        "seed {seed}: RSS grew from {rss_warm} kB to {rss_end} kB"
    );
}

/// Sends one seed unmutated and waits for it; returns the call's code.
fn send_seed(driver: &Driver, i: usize, seed: &Value) -> TcResult {
    let text = seed.to_string();
    let cancel = temporal_capi::ffi::cancel::tc_cancel_new();
    let (code, rx) = begin(driver.exports[i].op, driver.handles.client, &text, cancel);
    if rx.recv_timeout(Duration::from_secs(5)).is_err() {
        temporal_capi::ffi::cancel::tc_cancel_cancel(cancel);
        rx.recv_timeout(Duration::from_secs(30))
            .expect("cancelled seed call completes");
    }
    temporal_capi::ffi::cancel::tc_cancel_free(cancel);
    code
}
