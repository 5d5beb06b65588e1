//! The C program tests/c/main_flow.c, compiled with gcc against the
//! committed header and linked to the release cdylib, runs the main flows
//! against the real server, under valgrind with 0 bytes definitely lost.

mod common;

use common::*;

#[test]
fn c_program_passes_under_valgrind_without_leaks() {
    let env = env();
    let out = std::env::temp_dir().join(unique_id("tc-c"));
    std::fs::create_dir_all(&out).unwrap();
    let exe = compile_c_program("main_flow", &out);
    let output = valgrind(&exe)
        .args([&env.address, &env.task_queue])
        .output()
        .expect("valgrind");
    std::fs::remove_dir_all(&out).ok();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "main_flow failed ({:?}):\n{stdout}\n{stderr}",
        output.status
    );
    assert!(stdout.contains("all checks passed"), "{stdout}");
    assert_valgrind_clean(&stderr);
}
