//! The C and C++ consumer experience: `scripts/install.sh` into a temporary
//! prefix, the examples in examples/c and examples/cpp built through
//! pkg-config and through CMake's find_package, run against the dev server
//! directly, under AddressSanitizer and under valgrind, and
//! include/temporal_capi.hpp checked on its own and through its typed API
//! against the dev server (tests/cpp/).

mod common;
#[path = "consumers/compile.rs"]
mod compile;
#[path = "consumers/prefix.rs"]
mod prefix;
#[path = "consumers/run.rs"]
mod run;

use common::*;
use compile::*;
use prefix::*;
use run::*;
use std::{path::PathBuf, process::Output};

const VERSION: &str = env!("CARGO_PKG_VERSION");
const ABI: u32 = temporal_capi::ffi::version::TC_ABI_VERSION;

#[test]
fn the_built_library_carries_the_abi_soname_and_its_link() {
    let dir = release_library_dir();
    assert_eq!(
        soname(&dir.join("libtemporal_capi.so")),
        format!("libtemporal_capi.so.{ABI}")
    );
    assert_eq!(
        std::fs::read_link(dir.join(format!("libtemporal_capi.so.{ABI}")))
            .expect("the build links the SONAME"),
        PathBuf::from("libtemporal_capi.so")
    );
}

#[test]
fn install_writes_library_headers_and_package_files_with_the_cargo_version() {
    let scratch = Scratch::new("tc-install");
    let prefix = install(&scratch);
    let library = format!("lib/libtemporal_capi.so.{VERSION}");
    let debug = format!("lib/.debug/libtemporal_capi.so.{VERSION}.debug");
    for file in [
        library.as_str(),
        debug.as_str(),
        "lib/libtemporal_capi.a",
        "lib/pkgconfig/temporal_capi.pc",
        "lib/cmake/temporal_capi/temporal_capiConfig.cmake",
        "lib/cmake/temporal_capi/temporal_capiConfigVersion.cmake",
    ] {
        assert!(prefix.join(file).is_file(), "{file} not installed");
    }
    for header in [
        "temporal_capi.h",
        "temporal_capi.hpp",
        "temporal_capi.schema.json",
        "temporal_capi.operations.json",
    ] {
        assert_eq!(
            std::fs::read(prefix.join("include").join(header)).unwrap(),
            std::fs::read(repo_root().join("include").join(header)).unwrap(),
            "installed {header} differs from include/{header}"
        );
    }
    for (link, target) in [
        (
            format!("lib/libtemporal_capi.so.{ABI}"),
            format!("libtemporal_capi.so.{VERSION}"),
        ),
        (
            "lib/libtemporal_capi.so".to_owned(),
            format!("libtemporal_capi.so.{ABI}"),
        ),
    ] {
        assert_eq!(
            std::fs::read_link(prefix.join(&link)).expect("a symbolic link"),
            PathBuf::from(target),
            "{link}"
        );
    }
    assert_eq!(
        soname(&prefix.join(&library)),
        format!("libtemporal_capi.so.{ABI}")
    );
    let sections = elf_sections(&prefix.join(&library));
    assert!(sections.contains(".gnu_debuglink"), "{sections:?}");
    assert!(
        !sections.contains(".debug_info"),
        "installed library not stripped"
    );
    let debug_sections = elf_sections(&prefix.join(&debug));
    assert!(debug_sections.contains(".debug_info"), "{debug_sections:?}");
    let archive = elf_sections(&prefix.join("lib/libtemporal_capi.a"));
    for heavy in [".debug_info", ".llvmbc"] {
        assert!(!archive.contains(heavy), "installed archive keeps {heavy}");
    }
    assert_eq!(
        pkg_config(&prefix, &["--modversion", "temporal_capi"]),
        VERSION
    );
    assert_eq!(
        pkg_config_flags(&prefix, &["--cflags", "--libs"]),
        [
            format!("-I{}", prefix.join("include").display()),
            format!("-L{}", prefix.join("lib").display()),
            "-ltemporal_capi".to_owned(),
        ]
    );
}

/// Configures a project that calls `find_package(temporal_capi <request>
/// REQUIRED)`; returns whether it was found and CMake's output.
fn cmake_find_package(
    scratch: &Scratch,
    prefix: &std::path::Path,
    request: &str,
) -> (bool, String) {
    let source = scratch.join("probe");
    std::fs::create_dir_all(&source).unwrap();
    std::fs::write(
        source.join("CMakeLists.txt"),
        "cmake_minimum_required(VERSION 3.14)\nproject(probe NONE)\n\
         find_package(temporal_capi ${REQUEST} REQUIRED)\n\
         message(STATUS \"found temporal_capi ${temporal_capi_VERSION}\")\n",
    )
    .unwrap();
    let build = scratch.join(&format!("probe-build-{}", request.replace(';', "-")));
    let output = std::process::Command::new("cmake")
        .arg("-S")
        .arg(&source)
        .arg("-B")
        .arg(&build)
        .arg(format!("-DCMAKE_PREFIX_PATH={}", prefix.display()))
        .arg(format!("-DREQUEST={request}"))
        .output()
        .expect("run cmake");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

#[test]
fn cmake_package_accepts_compatible_version_requests_only() {
    let scratch = Scratch::new("tc-cmake-version");
    let prefix = install(&scratch);
    let mut parts = VERSION.split('.').map(|p| p.parse::<u64>().unwrap());
    let (major, minor) = (parts.next().unwrap(), parts.next().unwrap());
    let mut accepted = vec![
        String::new(),
        format!("{major}.{minor}"),
        format!("{VERSION};EXACT"),
    ];
    let mut rejected = vec![format!("{major}.{}", minor + 1), format!("{}", major + 1)];
    if major == 0 && minor > 0 {
        rejected.push(format!("0.{}", minor - 1)); // before 1.0 a minor bump breaks
    } else if major > 0 {
        accepted.push(format!("{major}.0"));
    }
    for request in &accepted {
        let (found, output) = cmake_find_package(&scratch, &prefix, request);
        assert!(found, "request {request:?} rejected:\n{output}");
        assert!(
            output.contains(&format!("found temporal_capi {VERSION}")),
            "{output}"
        );
    }
    for request in &rejected {
        let (found, output) = cmake_find_package(&scratch, &prefix, request);
        assert!(!found, "request {request:?} accepted:\n{output}");
    }
}

/// Builds an example with the pkg-config command line of docs/c-and-cpp.md,
/// runs it, and checks it exits 1 when it cannot connect.
fn example_with_pkg_config(lang: Lang) {
    let env = env();
    let scratch = Scratch::new("tc-pkg-config");
    let prefix = install(&scratch);
    let exe = scratch.join("example");
    compile_with_pkg_config(lang, &prefix, &[lang.example_source()], &[], &exe);
    assert_uses_installed_library(&exe, &prefix);
    run_example(&exe, lang, env, Under::Nothing);
    assert_example_fails_to_connect(&exe, env);
}

#[test]
fn c_example_builds_with_pkg_config_and_runs() {
    example_with_pkg_config(Lang::C);
}

#[test]
fn cpp_example_builds_with_pkg_config_and_runs() {
    example_with_pkg_config(Lang::Cpp);
}

/// Builds an example with CMake (`find_package(temporal_capi)`, shared
/// library) and runs it.
fn example_with_cmake(lang: Lang) {
    let env = env();
    let scratch = Scratch::new("tc-cmake");
    let prefix = install(&scratch);
    let exe = cmake_build(lang, &prefix, &scratch.join("build"), &[]);
    assert_uses_installed_library(&exe, &prefix);
    run_example(&exe, lang, env, Under::Nothing);
}

#[test]
fn c_example_builds_with_cmake_and_runs() {
    example_with_cmake(Lang::C);
}

#[test]
fn cpp_example_builds_with_cmake_and_runs() {
    example_with_cmake(Lang::Cpp);
}

#[test]
fn c_example_links_the_static_archive_with_cmake_and_with_pkg_config() {
    let env = env();
    let scratch = Scratch::new("tc-static");
    let prefix = install(&scratch);
    let with_cmake = cmake_build(
        Lang::C,
        &prefix,
        &scratch.join("build"),
        &["-DTEMPORAL_CAPI_STATIC=ON"],
    );
    let with_pkg_config = scratch.join("example-static");
    compile_c_with_static_archive(&prefix, &with_pkg_config);
    for exe in [with_cmake, with_pkg_config] {
        let needed = needed_libraries(&exe);
        assert!(
            !needed.iter().any(|lib| lib.contains("temporal_capi")),
            "{} should not need the shared library: {needed:?}",
            exe.display()
        );
        run_example(&exe, Lang::C, env, Under::Nothing);
    }
}

/// Builds an example with -fsanitize=address and runs it with leak
/// detection on.
fn example_under_asan(lang: Lang) {
    let env = env();
    let scratch = Scratch::new("tc-asan");
    let prefix = install(&scratch);
    let exe = scratch.join("example-asan");
    let flags = ["-g", "-fsanitize=address", "-fno-omit-frame-pointer"];
    compile_with_pkg_config(lang, &prefix, &[lang.example_source()], &flags, &exe);
    let output = run_example(&exe, lang, env, Under::AddressSanitizer);
    assert_asan_clean(&exe, &output);
}

#[test]
fn c_example_is_clean_under_address_sanitizer() {
    example_under_asan(Lang::C);
}

#[test]
fn cpp_example_is_clean_under_address_sanitizer() {
    example_under_asan(Lang::Cpp);
}

/// Runs an example under valgrind: no errors, 0 bytes definitely lost.
fn example_under_valgrind(lang: Lang) {
    let env = env();
    let scratch = Scratch::new("tc-valgrind");
    let prefix = install(&scratch);
    let exe = scratch.join("example");
    compile_with_pkg_config(lang, &prefix, &[lang.example_source()], &["-g"], &exe);
    let output = run_example(&exe, lang, env, Under::Valgrind);
    assert_valgrind_clean(&String::from_utf8_lossy(&output.stderr));
}

#[test]
fn c_example_is_clean_under_valgrind() {
    example_under_valgrind(Lang::C);
}

#[test]
fn cpp_example_is_clean_under_valgrind() {
    example_under_valgrind(Lang::Cpp);
}

/// The flags of the C++ checks in tests/cpp/: AddressSanitizer and
/// UndefinedBehaviorSanitizer, the first report fatal.
const SANITIZERS: [&str; 4] = [
    "-g",
    "-fsanitize=address,undefined",
    "-fno-omit-frame-pointer",
    "-fno-sanitize-recover=all",
];

#[test]
fn cpp_header_checks_pass_with_two_translation_units_under_sanitizers() {
    let env = env();
    let scratch = Scratch::new("tc-hpp");
    let prefix = install(&scratch);
    let exe = scratch.join("hpp_checks");
    let sources = [
        repo_root().join("tests/cpp/hpp_checks.cpp"),
        repo_root().join("tests/cpp/hpp_second_tu.cpp"),
    ];
    compile_with_pkg_config(Lang::Cpp, &prefix, &sources, &SANITIZERS, &exe);
    let output = run(
        &exe,
        &[&env.address, &env.task_queue],
        Under::AddressSanitizer,
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("hpp checks passed"),
        "hpp checks failed ({:?}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    assert_asan_clean(&exe, &output);
}

/// Builds tests/cpp/typed_api.cpp with `flags` against a fresh install and
/// runs it against the dev server the given way, passing the installed
/// temporal_capi.h (every asynchronous export in it must have a named
/// `Client` member); asserts it passed and returns the executable and its
/// output.
fn typed_api_checks(scratch: &Scratch, flags: &[&str], under: Under) -> (PathBuf, Output) {
    let env = env();
    let prefix = install(scratch);
    let exe = scratch.join("typed_api");
    let source = repo_root().join("tests/cpp/typed_api.cpp");
    compile_with_pkg_config(Lang::Cpp, &prefix, &[source], flags, &exe);
    let header = prefix.join("include/temporal_capi.h");
    let header = header.to_str().expect("UTF-8 prefix");
    let output = run(&exe, &[&env.address, &env.task_queue, header], under);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("typed api checks passed"),
        "typed api checks failed ({:?}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    (exe, output)
}

#[test]
fn cpp_typed_api_checks_pass_under_sanitizers() {
    let scratch = Scratch::new("tc-typed-asan");
    let (exe, output) = typed_api_checks(&scratch, &SANITIZERS, Under::AddressSanitizer);
    assert_asan_clean(&exe, &output);
}

#[test]
fn cpp_typed_api_checks_are_clean_under_valgrind() {
    let scratch = Scratch::new("tc-typed-valgrind");
    let (_, output) = typed_api_checks(&scratch, &["-g"], Under::Valgrind);
    assert_valgrind_clean(&String::from_utf8_lossy(&output.stderr));
}

/// The first fenced ```` ```<tag> ```` block of docs/c-and-cpp.md, pointed at
/// the dev server instead of 127.0.0.1:7233 and task queue my-queue.
fn doc_snippet(tag: &str, env: &Env) -> String {
    let doc = std::fs::read_to_string(repo_root().join("docs/c-and-cpp.md")).unwrap();
    let fence = format!("```{tag}\n");
    let start = doc
        .find(&fence)
        .unwrap_or_else(|| panic!("no {fence:?} block"))
        + fence.len();
    let code = &doc[start..start + doc[start..].find("```").unwrap()];
    assert!(code.contains("127.0.0.1:7233") && code.contains("my-queue"));
    code.replace("127.0.0.1:7233", &env.address)
        .replace("my-queue", &env.task_queue)
}

#[test]
fn doc_snippets_compile_cleanly_and_run() {
    let env = env();
    let scratch = Scratch::new("tc-doc");
    let prefix = install(&scratch);
    for (lang, tag, file, expected) in [
        (Lang::C, "c", "snippet.c", "started: {\"workflow_id\":"),
        (Lang::Cpp, "cpp", "snippet.cpp", "{\"result\":\"hi\","),
    ] {
        let source = scratch.join(file);
        std::fs::write(&source, doc_snippet(tag, env)).unwrap();
        let exe = scratch.join(tag);
        compile_with_pkg_config(lang, &prefix, &[source], &[], &exe);
        let output = run(&exe, &[], Under::Nothing);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && stdout.contains(expected),
            "{file} ({:?}):\n{stdout}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
