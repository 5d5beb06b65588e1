//! Demo: a dev server and worker (tests/harness/devenv.py), then a workflow
//! started, signalled, queried and awaited through the C ABI.

use serde_json::{json, Value};
use std::{
    ffi::{c_char, c_void},
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    sync::mpsc,
    time::Duration,
};
use temporal_capi::ffi::{
    client::{tc_client_connect, tc_client_free, TcClient},
    runtime::{tc_runtime_free, tc_runtime_new},
    workflow::{tc_workflow_query, tc_workflow_result, tc_workflow_signal, tc_workflow_start},
    TcCallback, TcResult, TcStatus,
};

type Op = unsafe extern "C" fn(
    *mut TcClient,
    *const c_char,
    usize,
    *const temporal_capi::ffi::cancel::TcCancel,
    TcCallback,
    *mut c_void,
) -> TcResult;

unsafe extern "C" fn on_reply(ud: *mut c_void, status: TcStatus, json: *const c_char, len: usize) {
    let tx = unsafe { Box::from_raw(ud as *mut mpsc::Sender<(TcStatus, String)>) };
    let text = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
    let _ = tx.send((status, String::from_utf8_lossy(text).into_owned()));
}

unsafe extern "C" fn on_connect(
    ud: *mut c_void,
    client: *mut TcClient,
    status: TcStatus,
    json: *const c_char,
    len: usize,
) {
    let tx = unsafe { Box::from_raw(ud as *mut mpsc::Sender<(usize, TcStatus, String)>) };
    let text = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
    let _ = tx.send((
        client as usize,
        status,
        String::from_utf8_lossy(text).into_owned(),
    ));
}

fn call(op: Op, client: *mut TcClient, request: Value) -> Value {
    let (tx, rx) = mpsc::channel::<(TcStatus, String)>();
    let text = request.to_string();
    let ud = Box::into_raw(Box::new(tx)) as *mut c_void;
    unsafe {
        op(
            client,
            text.as_ptr().cast(),
            text.len(),
            std::ptr::null(),
            Some(on_reply),
            ud,
        )
    };
    let (status, json) = rx.recv_timeout(Duration::from_secs(60)).expect("callback");
    assert_eq!(status, TcStatus::Ok, "{json}");
    serde_json::from_str(&json).expect("JSON")
}

fn main() {
    let mut devenv = Command::new(".venv/bin/python")
        .arg("tests/harness/devenv.py")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the dev server (run scripts/setup.sh first)");
    let mut line = String::new();
    BufReader::new(devenv.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let env: Value = serde_json::from_str(&line).expect("devenv started");
    println!(
        "dev server at {}, worker on task queue {}",
        env["address"], env["task_queue"]
    );

    let mut runtime = std::ptr::null_mut();
    unsafe { tc_runtime_new(std::ptr::null(), 0, &mut runtime, std::ptr::null_mut()) };
    let (tx, rx) = mpsc::channel::<(usize, TcStatus, String)>();
    let opts = json!({"address": env["address"]}).to_string();
    let ud = Box::into_raw(Box::new(tx)) as *mut c_void;
    unsafe {
        tc_client_connect(
            runtime,
            opts.as_ptr().cast(),
            opts.len(),
            std::ptr::null(),
            Some(on_connect),
            ud,
        )
    };
    let (client, status, info) = rx.recv_timeout(Duration::from_secs(30)).unwrap();
    assert_eq!(status, TcStatus::Ok, "{info}");
    let client = client as *mut TcClient;
    println!("connected: {info}");

    let started = call(
        tc_workflow_start,
        client,
        json!({"workflow_type": "WaitForSignal", "task_queue": env["task_queue"]}),
    );
    println!("started: {started}");
    let id = started["workflow_id"].clone();
    call(
        tc_workflow_signal,
        client,
        json!({"workflow_id": id, "signal_name": "add", "args": ["hello from the C ABI"]}),
    );
    let state = call(
        tc_workflow_query,
        client,
        json!({"workflow_id": id, "query_type": "state"}),
    );
    println!("query state: {}", state["result"]);
    call(
        tc_workflow_signal,
        client,
        json!({"workflow_id": id, "signal_name": "finish", "args": ["done"]}),
    );
    let result = call(tc_workflow_result, client, json!({"workflow_id": id}));
    println!("result: {}", result["result"]);

    tc_client_free(client);
    tc_runtime_free(runtime);
    drop(devenv.stdin.take());
    let _ = devenv.wait();
    println!("demo finished");
}
