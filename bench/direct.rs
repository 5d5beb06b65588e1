//! Peer (a) of the benchmark: `temporalio-client` called directly from Rust,
//! the limit for this stack. Same work and output as every other peer
//! (bench/README.md): `cargo bench --bench direct -- ADDRESS TASK_QUEUE
//! PREFIX N CONCURRENCY PAYLOAD_BYTES`, one JSON object per phase on stdout.
//!
//! Payloads are encoded and results decoded as JSON, as the library does, so
//! the difference to the C ABI is the boundary and the JSON contract. The
//! payload phase (20 echo queries of PAYLOAD_BYTES, one at a time) runs
//! when PAYLOAD_BYTES is not 0.

use prost::Message;
use std::sync::Arc;
use std::time::{Duration, Instant};
use temporalio_client::{grpc::WorkflowService, Connection, ConnectionOptions, Url};
use temporalio_protos::temporal::api::{
    common::v1::{Payload, Payloads, WorkflowExecution, WorkflowType},
    query::v1::WorkflowQuery,
    taskqueue::v1::TaskQueue,
    workflowservice::v1::{
        DescribeWorkflowExecutionRequest, QueryWorkflowRequest, SignalWorkflowExecutionRequest,
        StartWorkflowExecutionRequest, TerminateWorkflowExecutionRequest,
    },
};
use tokio::sync::Semaphore;
use tonic::Request;

/// What one peer is asked to do.
struct Work {
    connection: Connection,
    task_queue: String,
    prefix: String,
}

/// A JSON payload of `value`.
fn json_payload(value: &serde_json::Value) -> Payloads {
    Payloads {
        payloads: vec![Payload {
            metadata: [("encoding".to_owned(), b"json/plain".to_vec())].into(),
            data: serde_json::to_vec(value).expect("json"),
            ..Default::default()
        }],
    }
}

/// The execution of workflow `i`.
fn execution(work: &Work, i: usize) -> Option<WorkflowExecution> {
    Some(WorkflowExecution {
        workflow_id: format!("{}-{i}", work.prefix),
        run_id: String::new(),
    })
}

/// Runs operation `op` on workflow `i`.
async fn call(work: &Work, op: &str, i: usize, payload: &serde_json::Value) {
    let mut svc = work.connection.clone();
    let namespace = "default".to_owned();
    match op {
        "start" => {
            let request = StartWorkflowExecutionRequest {
                namespace,
                workflow_id: format!("{}-{i}", work.prefix),
                workflow_type: Some(WorkflowType {
                    name: "WaitForSignal".into(),
                }),
                task_queue: Some(TaskQueue {
                    name: work.task_queue.clone(),
                    ..Default::default()
                }),
                identity: "bench".into(),
                request_id: uuid::Uuid::new_v4().to_string(),
                ..Default::default()
            };
            let reply = svc
                .start_workflow_execution(Request::new(request))
                .await
                .expect("start");
            std::hint::black_box(reply.into_inner().run_id);
        }
        "describe" => {
            let request = DescribeWorkflowExecutionRequest {
                namespace,
                execution: execution(work, i),
            };
            let reply = svc
                .describe_workflow_execution(Request::new(request))
                .await
                .expect("describe");
            std::hint::black_box(reply.into_inner().encoded_len());
        }
        "signal" => {
            let request = SignalWorkflowExecutionRequest {
                namespace,
                workflow_execution: execution(work, i),
                signal_name: "add".into(),
                input: Some(json_payload(&serde_json::json!(i))),
                identity: "bench".into(),
                request_id: uuid::Uuid::new_v4().to_string(),
                ..Default::default()
            };
            svc.signal_workflow_execution(Request::new(request))
                .await
                .expect("signal");
        }
        "query" | "payload" => {
            let request = QueryWorkflowRequest {
                namespace,
                execution: execution(work, i),
                query: Some(WorkflowQuery {
                    query_type: "echo_query".into(),
                    query_args: Some(json_payload(payload)),
                    ..Default::default()
                }),
                ..Default::default()
            };
            let reply = svc
                .query_workflow(Request::new(request))
                .await
                .expect("query");
            let result = reply.into_inner().query_result.expect("a query result");
            let value: serde_json::Value =
                serde_json::from_slice(&result.payloads[0].data).expect("json");
            std::hint::black_box(value);
        }
        "terminate" => {
            let request = TerminateWorkflowExecutionRequest {
                namespace,
                workflow_execution: execution(work, i),
                reason: "bench".into(),
                identity: "bench".into(),
                ..Default::default()
            };
            svc.terminate_workflow_execution(Request::new(request))
                .await
                .expect("terminate");
        }
        other => panic!("unknown op {other}"),
    }
}

/// User plus system CPU time of this process.
fn cpu_time() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes the struct it is given.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let micros = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
    Duration::from_micros(micros(usage.ru_utime) + micros(usage.ru_stime))
}

/// Runs `n` calls of `op`, each its own task as in the library, with at
/// most `concurrency` in flight, and prints the phase's line.
async fn phase(
    work: &Arc<Work>,
    op: &'static str,
    n: usize,
    concurrency: usize,
    payload: serde_json::Value,
) {
    let payload = Arc::new(payload);
    let slots = Arc::new(Semaphore::new(concurrency));
    let (cpu, wall) = (cpu_time(), Instant::now());
    let mut calls = Vec::with_capacity(n);
    for i in 0..n {
        let slot = slots.clone().acquire_owned().await.expect("semaphore");
        let (work, payload) = (work.clone(), payload.clone());
        calls.push(tokio::spawn(async move {
            let sent = Instant::now();
            call(&work, op, i, &payload).await;
            drop(slot);
            sent.elapsed()
        }));
    }
    let mut latencies = Vec::with_capacity(n);
    for call in calls {
        latencies.push(call.await.expect("call"));
    }
    let (cpu, wall) = (cpu_time() - cpu, wall.elapsed());
    let mut micros: Vec<u128> = latencies.iter().map(|d| d.as_micros()).collect();
    micros.sort_unstable();
    let at = |q: f64| micros[((micros.len() as f64 * q) as usize).min(micros.len() - 1)];
    println!(
        "{}",
        serde_json::json!({
            "op": op, "n": n, "concurrency": concurrency,
            "wall_s": wall.as_secs_f64(), "cpu_s": cpu.as_secs_f64(),
            "p50_us": at(0.5), "p99_us": at(0.99),
        })
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let [address, task_queue, prefix, n, concurrency, payload_bytes] = &args[..] else {
        panic!("usage: direct ADDRESS TASK_QUEUE PREFIX N CONCURRENCY PAYLOAD_BYTES");
    };
    let (n, concurrency): (usize, usize) = (n.parse().expect("N"), concurrency.parse().expect("C"));
    let payload_bytes: usize = payload_bytes.parse().expect("PAYLOAD_BYTES");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let url = Url::parse(&format!("http://{address}")).expect("address");
        let options = ConnectionOptions::new(url)
            .identity("bench".to_owned())
            .build();
        let connection = Connection::connect(options).await.expect("connect");
        let work = Arc::new(Work {
            connection,
            task_queue: task_queue.clone(),
            prefix: prefix.clone(),
        });
        for op in ["start", "describe", "signal", "query"] {
            phase(&work, op, n, concurrency, serde_json::json!("x")).await;
        }
        if payload_bytes > 0 {
            let big = serde_json::Value::String("x".repeat(payload_bytes));
            phase(&work, "payload", n.min(20), 1, big).await;
        }
        phase(&work, "terminate", n, concurrency, serde_json::Value::Null).await;
    });
}
