//! The C programs, compiled with gcc against the committed header and
//! linked to the release cdylib, run against the real server under valgrind
//! with 0 bytes definitely lost: tests/c/main_flow.c (the main flows) and
//! tests/c/fuzz_driver.c (mutated input through every export).

mod common;

use common::*;
use std::process::Command;

/// Compiles tests/c/<name>.c into `out`.
fn compile(out: &std::path::Path, name: &str) -> std::path::PathBuf {
    let lib_dir = release_library_dir();
    let exe = out.join(name);
    let status = Command::new("gcc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-g", "-pthread"])
        .arg("-I")
        .arg(repo_root().join("include"))
        .arg(repo_root().join(format!("tests/c/{name}.c")))
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

/// Compiles tests/c/<name>.c, runs it with `args` under valgrind and
/// asserts success, "all checks passed", no definite leak and no error.
fn passes_under_valgrind(name: &str, args: &[&str]) {
    let out = std::env::temp_dir().join(unique_id("tc-c"));
    std::fs::create_dir_all(&out).unwrap();
    let exe = compile(&out, name);
    let output = Command::new("valgrind")
        .args([
            "--leak-check=full",
            "--errors-for-leak-kinds=definite",
            "--error-exitcode=99",
        ])
        .arg(&exe)
        .args(args)
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
        "{name} failed ({:?}):\n{stdout}\n{stderr}",
        output.status
    );
    assert!(stdout.contains("all checks passed"), "{stdout}");
    eprintln!("{name}: {stdout}");
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

#[test]
fn c_program_passes_under_valgrind_without_leaks() {
    let env = env();
    passes_under_valgrind("main_flow", &[&env.address, &env.task_queue]);
}

/// 3,000 mutated inputs (seed printed by the driver; `TC_FUZZ_SEED` sets it).
#[test]
fn c_fuzz_driver_passes_under_valgrind_without_leaks() {
    let env = env();
    let seed = std::env::var("TC_FUZZ_SEED").unwrap_or_else(|_| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        (nanos as u64).to_string()
    });
    passes_under_valgrind(
        "fuzz_driver",
        &[&env.address, &env.task_queue, "3000", &seed],
    );
}
