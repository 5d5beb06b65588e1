//! Shared harness of the Rust integration tests: a real dev server and
//! worker (tests/harness/devenv.py, started once per test binary) and
//! blocking helpers around the library's extern "C" functions.
#![allow(dead_code)] // each test binary uses a different subset

pub mod contract;
mod restartable;
#[allow(unused_imports)] // used by the fault and fuzz tests only
pub use restartable::Restartable;

use serde_json::Value;
use std::{
    ffi::{c_char, c_void, CStr},
    io::{BufRead, BufReader},
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::{mpsc, Mutex, OnceLock},
    time::Duration,
};
use temporal_capi::ffi::{
    cancel::TcCancel,
    client::{tc_client_connect, tc_client_free, TcClient},
    runtime::{tc_runtime_free, tc_runtime_new, TcRuntime},
    TcResult, TcStatus,
};

/// Where the dev server listens and which task queue the worker polls.
pub struct Env {
    pub address: String,
    pub namespace: String,
    pub task_queue: String,
}

/// The devenv child; its stdin pipe closes when the test process exits,
/// which shuts the server and worker down.
static DEVENV: Mutex<Option<Child>> = Mutex::new(None);

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn python() -> PathBuf {
    std::env::var_os("TEMPORAL_CAPI_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".venv/bin/python"))
}

/// Removes from `command` the variables cargo sets for a test process
/// (`OUT_DIR`, `CARGO_MANIFEST_DIR`, `CARGO_PKG_*`, ...). A cargo run by
/// `command` would pass them on to build scripts that track them (ring's
/// does), and rebuild the TLS stack and everything above it (~5 min).
/// `CARGO_HOME` and `CARGO_TARGET_DIR` are kept.
pub fn without_test_cargo_env(command: &mut Command) -> &mut Command {
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        let set_by_cargo = name == "OUT_DIR"
            || (name.starts_with("CARGO_") && name != "CARGO_HOME" && name != "CARGO_TARGET_DIR");
        if set_by_cargo {
            command.env_remove(name.as_ref());
        }
    }
    command
}

/// Builds the release library (`cargo build --release --lib`) and returns
/// the directory holding `libtemporal_capi.so`.
pub fn release_library_dir() -> PathBuf {
    let status = without_test_cargo_env(&mut Command::new(env!("CARGO")))
        .args(["build", "--release", "--lib", "--manifest-path"])
        .arg(repo_root().join("Cargo.toml"))
        .status()
        .expect("cargo build --release");
    assert!(status.success());
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
        .join("release")
}

/// Compiles `tests/c/<name>.c` with gcc (`-Wall -Wextra -Werror`) against
/// the committed header into `out`, linked to the release library by rpath.
pub fn compile_c_program(name: &str, out: &std::path::Path) -> PathBuf {
    let lib_dir = release_library_dir();
    let exe = out.join(name);
    let status = Command::new("gcc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-g", "-pthread"])
        .arg("-D_DEFAULT_SOURCE")
        .arg("-I")
        .arg(repo_root().join("include"))
        .arg(repo_root().join("tests/c").join(format!("{name}.c")))
        .arg("-L")
        .arg(&lib_dir)
        .arg(format!("-Wl,-rpath,{}", lib_dir.display()))
        .args(["-ltemporal_capi", "-o"])
        .arg(&exe)
        .status()
        .expect("gcc");
    assert!(status.success(), "{name}.c compiles cleanly");
    exe
}

/// A command running `exe` under valgrind (full leak check, definite
/// leaks as errors) with the release library, not cargo's debug one.
pub fn valgrind(exe: &std::path::Path) -> Command {
    let mut command = Command::new("valgrind");
    command
        .args([
            "--leak-check=full",
            "--errors-for-leak-kinds=definite",
            "--error-exitcode=99",
        ])
        .arg(exe)
        // cargo test points LD_LIBRARY_PATH at target/debug, which would win
        // over the rpath and load the debug library instead of the release one.
        .env_remove("LD_LIBRARY_PATH");
    command
}

/// Asserts valgrind's report (stderr) shows no definite leak and no error.
pub fn assert_valgrind_clean(stderr: &str) {
    assert!(
        stderr.contains("definitely lost: 0 bytes")
            || stderr.contains("All heap blocks were freed"),
        "valgrind reports a definite leak:\n{stderr}"
    );
    assert!(
        stderr.contains("ERROR SUMMARY: 0 errors"),
        "valgrind errors:\n{stderr}"
    );
}

/// Starts (once) and returns the dev environment.
pub fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| {
        let script = repo_root().join("tests/harness/devenv.py");
        let mut child = Command::new(python())
            .arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tests/harness/devenv.py (run scripts/test.sh to create .venv)");
        let stdout = child.stdout.take().expect("devenv stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read devenv line");
        let info: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("devenv did not start ({e}): {line:?}"));
        *DEVENV.lock().unwrap() = Some(child);
        Env {
            address: info["address"].as_str().unwrap().to_owned(),
            namespace: info["namespace"].as_str().unwrap().to_owned(),
            task_queue: info["task_queue"].as_str().unwrap().to_owned(),
        }
    })
}

/// A harness proxy (tests/harness/*_proxy.py) in front of the dev server:
/// `address` is where it listens; `lines` receives every further JSON line
/// it prints. Stopped (stdin closed, then killed) on drop.
pub struct Proxy {
    child: Child,
    pub address: String,
    pub lines: mpsc::Receiver<Value>,
}

impl Proxy {
    /// Starts `tests/harness/<script>` with `--target <dev server>` and `args`.
    pub fn start(script: &str, args: &[&str]) -> Proxy {
        let mut child = Command::new(python())
            .arg(repo_root().join("tests/harness").join(script))
            .args(["--target", &env().address])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("start tests/harness/{script}: {e}"));
        let mut stdout = BufReader::new(child.stdout.take().expect("proxy stdout"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("read the proxy's address");
        let info: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("{script} did not start ({e}): {line:?}"));
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in stdout.lines().map_while(std::result::Result::ok) {
                let value = serde_json::from_str(&line).expect("proxy lines are JSON");
                if tx.send(value).is_err() {
                    break;
                }
            }
        });
        Proxy {
            child,
            address: info["address"].as_str().expect("address").to_owned(),
            lines,
        }
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One completed callback.
#[derive(Debug)]
pub struct Reply {
    pub status: TcStatus,
    pub json: Value,
    /// The export that replied, when known (see [`begin`]).
    pub export: Option<&'static str>,
}

impl Reply {
    /// Panics unless the reply conforms to the published JSON Schema.
    pub fn conforms(&self) {
        contract::assert_conforms(self.export, self.status, &self.json);
    }

    pub fn ok(self) -> Value {
        self.conforms();
        assert_eq!(
            self.status,
            TcStatus::Ok,
            "expected success, got {}",
            self.json
        );
        self.json
    }

    pub fn err(self, code: &str) -> Value {
        self.conforms();
        assert_ne!(
            self.status,
            TcStatus::Ok,
            "expected error {code}, got {}",
            self.json
        );
        assert_eq!(self.json["code"], code, "unexpected error: {}", self.json);
        self.json
    }
}

/// The channel a callback reports into (boxed and passed as user_data),
/// with the export whose callback it is, when known.
pub struct Slot {
    tx: mpsc::Sender<Reply>,
    export: Option<&'static str>,
}

pub unsafe extern "C" fn reply_callback(
    user_data: *mut c_void,
    status: TcStatus,
    json: *const c_char,
    len: usize,
) {
    let slot = unsafe { Box::from_raw(user_data as *mut Slot) };
    let bytes = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
    assert_eq!(unsafe { *json.add(len) }, 0, "json must be NUL-terminated");
    assert_eq!(unsafe { CStr::from_ptr(json) }.to_bytes(), bytes);
    let json = serde_json::from_slice(bytes).expect("callback JSON parses");
    let export = slot.export;
    let _ = slot.tx.send(Reply {
        status,
        json,
        export,
    });
}

/// A boxed sender for `reply_callback` plus its receiver.
pub fn slot() -> (*mut c_void, mpsc::Receiver<Reply>) {
    slot_for(None)
}

/// [`slot`] for a callback of `export`.
pub fn slot_for(export: Option<&'static str>) -> (*mut c_void, mpsc::Receiver<Reply>) {
    let (tx, rx) = mpsc::channel();
    (
        Box::into_raw(Box::new(Slot { tx, export })) as *mut c_void,
        rx,
    )
}

/// The signature shared by every asynchronous client operation.
pub type OpFn = unsafe extern "C" fn(
    *mut TcClient,
    *const c_char,
    usize,
    *const TcCancel,
    temporal_capi::ffi::TcCallback,
    *mut c_void,
) -> TcResult;

/// Starts an operation; returns the synchronous result and the receiver.
pub fn begin(
    op: OpFn,
    client: *mut TcClient,
    request: &str,
    cancel: *const TcCancel,
) -> (TcResult, mpsc::Receiver<Reply>) {
    let (ud, rx) = slot_for(temporal_capi::operations::export_name(op));
    let code = unsafe {
        op(
            client,
            request.as_ptr() as *const c_char,
            request.len(),
            cancel,
            Some(reply_callback),
            ud,
        )
    };
    (code, rx)
}

/// Runs an operation and waits for its callback.
pub fn call(op: OpFn, client: *mut TcClient, request: &Value) -> Reply {
    let text = request.to_string();
    let (_, rx) = begin(op, client, &text, std::ptr::null());
    let reply = rx
        .recv_timeout(Duration::from_secs(120))
        .expect("callback fired");
    reply.conforms();
    reply
}

/// A runtime plus a client connected to the dev server; freed on drop.
pub struct Conn {
    pub runtime: *mut TcRuntime,
    pub client: *mut TcClient,
}

// The handles are registry keys usable from any thread.
unsafe impl Send for Conn {}
unsafe impl Sync for Conn {}

impl Drop for Conn {
    fn drop(&mut self) {
        tc_client_free(self.client);
        tc_runtime_free(self.runtime);
    }
}

pub fn new_runtime() -> *mut TcRuntime {
    let mut rt = std::ptr::null_mut();
    let code = unsafe { tc_runtime_new(std::ptr::null(), 0, &mut rt, std::ptr::null_mut()) };
    assert_eq!(code, TcResult::Ok);
    rt
}

pub unsafe extern "C" fn client_callback(
    user_data: *mut c_void,
    client: *mut TcClient,
    status: TcStatus,
    json: *const c_char,
    len: usize,
) {
    let tx = unsafe { Box::from_raw(user_data as *mut mpsc::Sender<(usize, Reply)>) };
    let bytes = unsafe { std::slice::from_raw_parts(json as *const u8, len) };
    let json = serde_json::from_slice(bytes).expect("callback JSON parses");
    let reply = Reply {
        status,
        json,
        export: Some("tc_client_connect"),
    };
    let _ = tx.send((client as usize, reply));
}

/// Connects with the given options on `runtime`; returns the client (or NULL) and reply.
pub fn connect_with(runtime: *mut TcRuntime, options: &Value) -> (*mut TcClient, Reply) {
    let (tx, rx) = mpsc::channel::<(usize, Reply)>();
    let ud = Box::into_raw(Box::new(tx)) as *mut c_void;
    let text = options.to_string();
    unsafe {
        tc_client_connect(
            runtime,
            text.as_ptr() as *const c_char,
            text.len(),
            std::ptr::null(),
            Some(client_callback),
            ud,
        );
    }
    let (client, reply) = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("connect callback");
    reply.conforms();
    (client as *mut TcClient, reply)
}

/// A fresh runtime and client connected to the dev server.
pub fn connect() -> Conn {
    let env = env();
    let runtime = new_runtime();
    let (client, reply) = connect_with(
        runtime,
        &serde_json::json!({"address": env.address, "namespace": env.namespace}),
    );
    reply.ok();
    Conn { runtime, client }
}

/// A unique workflow id.
pub fn unique_id(prefix: &str) -> String {
    format!("{prefix}-{}", uuid_like())
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "{nanos:x}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A pointer value no allocation has: what `error_json_out` is preset to,
/// to see whether a synchronous export wrote it.
fn untouched() -> *mut c_char {
    std::ptr::without_provenance_mut(0x7e57)
}

/// Calls a synchronous export that takes a trailing `error_json_out`,
/// preset to a sentinel. Returns its result code and the error object it
/// wrote there (freed here), or `None` when it left it untouched.
pub fn sync_call(call: impl FnOnce(*mut *mut c_char) -> TcResult) -> (TcResult, Option<Value>) {
    let mut error = untouched();
    let code = call(&mut error);
    if error == untouched() {
        return (code, None);
    }
    assert!(!error.is_null(), "error_json_out was set to NULL");
    let text = unsafe { CStr::from_ptr(error) }
        .to_str()
        .unwrap()
        .to_owned();
    temporal_capi::ffi::tc_string_free(error);
    (code, Some(serde_json::from_str(&text).unwrap()))
}

/// Runs `tc_runtime_set_logger` on `runtime` with `level`, `callback` and
/// `user_data`: its result code and error object ([`sync_call`]).
pub fn set_logger(
    runtime: *mut TcRuntime,
    level: &[u8],
    callback: temporal_capi::ffi::TcCallback,
    user_data: *mut c_void,
) -> (TcResult, Option<Value>) {
    sync_call(|error| unsafe {
        temporal_capi::ffi::runtime::tc_runtime_set_logger(
            runtime,
            level.as_ptr().cast(),
            level.len(),
            callback,
            user_data,
            error,
        )
    })
}

/// Runs `tc_envconfig_load` on `options`: its result code and the loaded
/// profile or the error object. Checks that `json_out` is written exactly
/// when it succeeds (and its length reported), `error_json_out` exactly when
/// it fails.
pub fn envconfig_load(options: &Value) -> (TcResult, Value) {
    let text = options.to_string();
    let mut out: *mut c_char = untouched();
    let mut len = 0usize;
    let (code, error) = sync_call(|error_out| unsafe {
        temporal_capi::ffi::envconfig::tc_envconfig_load(
            text.as_ptr().cast(),
            text.len(),
            &mut out,
            &mut len,
            error_out,
        )
    });
    if let Some(error) = error {
        assert_ne!(code, TcResult::Ok, "{error}");
        assert_eq!(out, untouched(), "json_out is written only on success");
        return (code, error);
    }
    assert_eq!(code, TcResult::Ok);
    let profile = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
    assert_eq!(profile.len(), len);
    temporal_capi::ffi::tc_string_free(out);
    (code, serde_json::from_str(&profile).unwrap())
}
