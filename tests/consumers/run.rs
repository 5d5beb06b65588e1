//! Running consumer programs against the dev server (directly, under
//! AddressSanitizer or under valgrind) and checking what they print.

use crate::{common::Env, compile::Lang};
use serde_json::{json, Value};
use std::{
    path::Path,
    process::{Command, Output},
};

/// How a program is run.
#[derive(Clone, Copy, Debug)]
pub enum Under {
    /// As it is.
    Nothing,
    /// With LeakSanitizer on (it must be built with -fsanitize=address).
    AddressSanitizer,
    /// Under valgrind memcheck; definite leaks count as errors.
    Valgrind,
}

/// Runs `exe ARGS` the given way and returns its output.
pub fn run(exe: &Path, args: &[&str], under: Under) -> Output {
    let mut command = match under {
        Under::Nothing | Under::AddressSanitizer => Command::new(exe),
        Under::Valgrind => crate::common::valgrind(exe),
    };
    if let Under::AddressSanitizer = under {
        command.env("ASAN_OPTIONS", "detect_leaks=1");
    }
    // `cargo test` points LD_LIBRARY_PATH at target/debug, which would
    // win over the program's RUNPATH to the installed library.
    command
        .env_remove("LD_LIBRARY_PATH")
        .args(args)
        .output()
        .expect("run the program")
}

/// Runs an example against the dev server the given way and asserts that
/// every step printed the expected outcome; returns its output.
pub fn run_example(exe: &Path, lang: Lang, env: &Env, under: Under) -> Output {
    let output = run(exe, &[&env.address, &env.task_queue], under);
    assert_example_passed(lang, env, &output);
    output
}

/// The JSON an example printed on its line `"<step>: <json>"`.
fn step(stdout: &str, name: &str) -> Value {
    let prefix = format!("{name}: ");
    let line = stdout
        .lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no {name:?} line in:\n{stdout}"));
    serde_json::from_str(line).unwrap_or_else(|e| panic!("{name}: {e}: {line}"))
}

/// Asserts the example exited 0 after printing the expected outcome of
/// each step with the installed library's version.
pub fn assert_example_passed(lang: Lang, env: &Env, output: &Output) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stdout.trim_end().ends_with("all steps succeeded"),
        "{lang:?} example failed ({:?}):\n{stdout}\n{stderr}",
        output.status
    );
    let version = format!("version: {}", env!("CARGO_PKG_VERSION"));
    assert!(stdout.lines().any(|line| line == version), "{stdout}");
    assert_eq!(step(&stdout, "connected")["address"], env.address.as_str());
    assert_eq!(
        step(&stdout, "echo result")["result"],
        json!({"from": lang.name(), "greeting": "hello"})
    );
    assert_eq!(step(&stdout, "signalled add"), json!({}));
    assert_eq!(step(&stdout, "query state"), json!({"result": ["hello"]}));
    let missing = step(&stdout, "describe unknown id");
    assert_eq!(missing["code"], "not_found", "{missing}");
    assert_eq!(
        step(&stdout, "wait result")["result"],
        json!({"finish": "done", "signals": ["hello"]})
    );
    if let Lang::Cpp = lang {
        // temporal_capi::Error::code() and message() read the error object.
        let caught = format!("caught not_found: {}", missing["message"].as_str().unwrap());
        assert!(stdout.lines().any(|line| line == caught), "{stdout}");
    }
}

/// An address on which nothing listens: a port the OS handed out, closed again.
pub fn closed_address() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    let address = listener.local_addr().expect("local address");
    drop(listener);
    address.to_string()
}

/// Asserts the example reports a failed connect and exits 1.
pub fn assert_example_fails_to_connect(exe: &Path, env: &Env) {
    let output = run(exe, &[&closed_address(), &env.task_queue], Under::Nothing);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.trim_end().ends_with("FAILED"), "{stdout}");
    assert!(
        stdout.contains("connection_failed") || stderr.contains("connection_failed"),
        "{stdout}\n{stderr}"
    );
}

/// Asserts an AddressSanitizer build really links the runtime and ran clean.
pub fn assert_asan_clean(exe: &Path, output: &Output) {
    let needed = crate::compile::needed_libraries(exe);
    assert!(
        needed.iter().any(|lib| lib.starts_with("libasan.so")),
        "{} is not linked to libasan: {needed:?}",
        exe.display()
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("Sanitizer"), "sanitizer report:\n{stderr}");
}
