//! The C program tests/c/main_flow.c, compiled with gcc against the
//! committed header and linked to the release cdylib, runs the main flows
//! against the real server, under valgrind with 0 bytes definitely lost.

mod common;

use common::*;
use std::process::Command;

fn compile(out: &std::path::Path) -> std::path::PathBuf {
    let lib_dir = release_library_dir();
    let exe = out.join("main_flow");
    let status = Command::new("gcc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-g", "-pthread"])
        .arg("-I")
        .arg(repo_root().join("include"))
        .arg(repo_root().join("tests/c/main_flow.c"))
        .arg("-L")
        .arg(&lib_dir)
        .arg(format!("-Wl,-rpath,{}", lib_dir.display()))
        .args(["-ltemporal_capi", "-o"])
        .arg(&exe)
        .status()
        .expect("gcc");
    assert!(status.success(), "main_flow.c compiles cleanly");
    exe
}

#[test]
fn c_program_passes_under_valgrind_without_leaks() {
    let env = env();
    let out = std::env::temp_dir().join(unique_id("tc-c"));
    std::fs::create_dir_all(&out).unwrap();
    let exe = compile(&out);
    let output = Command::new("valgrind")
        .args([
            "--leak-check=full",
            "--errors-for-leak-kinds=definite",
            "--error-exitcode=99",
        ])
        .arg(&exe)
        .args([&env.address, &env.task_queue])
        // cargo test points LD_LIBRARY_PATH at target/debug, which would win
        // over the rpath and load the debug library instead of the release one.
        .env_remove("LD_LIBRARY_PATH")
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
