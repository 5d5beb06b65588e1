//! The C programs, compiled with gcc against the committed header and
//! linked to the release cdylib, run against the real server under valgrind
//! with 0 bytes definitely lost: tests/c/main_flow.c (the main flows) and
//! tests/c/fuzz_driver.c (mutated input through every export).

mod common;

use common::*;

/// Compiles tests/c/<name>.c, runs it with `args` under valgrind and
/// asserts success, "all checks passed", no definite leak and no error.
fn passes_under_valgrind(name: &str, args: &[&str]) {
    let out = std::env::temp_dir().join(unique_id("tc-c"));
    std::fs::create_dir_all(&out).unwrap();
    let exe = compile_c_program(name, &out);
    let output = valgrind(&exe).args(args).output().expect("valgrind");
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
    assert_valgrind_clean(&stderr);
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
