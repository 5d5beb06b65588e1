//! scripts/package.sh and what it ships: the Python wheel, the C/C++
//! tarball and the NuGet package, each inspected and then used the way a
//! user outside this repository would use it, against the dev server.

mod common;
// The helpers of tests/consumers.rs; this binary uses only some of them.
#[allow(dead_code)]
#[path = "consumers/compile.rs"]
mod compile;
#[allow(dead_code)]
#[path = "consumers/prefix.rs"]
mod prefix;
#[allow(dead_code)]
#[path = "consumers/run.rs"]
mod run;

use common::*;
use compile::*;
use prefix::Scratch;
use run::*;
use std::{
    path::{Path, PathBuf},
    process::{Command, Output},
    sync::OnceLock,
};

const VERSION: &str = env!("CARGO_PKG_VERSION");
const ABI: u32 = temporal_capi::ffi::version::TC_ABI_VERSION;

/// The directory scripts/package.sh wrote the artifacts to (run once per
/// test binary, into `target/package-test/dist`).
fn dist() -> &'static Path {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| {
        let dist = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo_root().join("target"))
            .join("package-test/dist");
        let _ = std::fs::remove_dir_all(&dist);
        let output =
            without_test_cargo_env(&mut Command::new(repo_root().join("scripts/package.sh")))
                .arg(&dist)
                .env("CARGO", env!("CARGO"))
                .output()
                .expect("run scripts/package.sh");
        assert_success("scripts/package.sh", &output);
        dist
    })
}

/// The one artifact in [`dist`] whose name starts with `prefix` and ends with `suffix`.
fn artifact(prefix: &str, suffix: &str) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(dist())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && name.ends_with(suffix)
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one {prefix}*{suffix} in {}: {found:?}",
        dist().display()
    );
    found.into_iter().next().unwrap()
}

fn assert_success(what: &str, output: &Output) {
    assert!(
        output.status.success(),
        "{what} failed ({:?}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Runs `command`, asserts it succeeded and returns its stdout.
fn stdout_of(what: &str, command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("run {what}: {e}"));
    assert_success(what, &output);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The names of the members of a zip archive (wheel, nupkg), read with Python's zipfile.
fn zip_members(archive: &Path) -> Vec<String> {
    stdout_of(
        "zipfile listing",
        Command::new(python())
            .args([
                "-c",
                "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
            ])
            .arg(archive),
    )
    .lines()
    .map(str::to_owned)
    .collect()
}

/// Extracts one member of a zip archive to `to`.
fn zip_extract(archive: &Path, member: &str, to: &Path) {
    stdout_of(
        "zipfile extract",
        Command::new(python())
            .args([
                "-c",
                "import sys, zipfile; open(sys.argv[3], 'wb').write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))",
            ])
            .arg(archive)
            .arg(member)
            .arg(to),
    );
}

/// A command without the test environment's hints to this repository's library.
fn outside_the_tree(command: &mut Command) -> &mut Command {
    without_test_cargo_env(command)
        .env_remove("TEMPORAL_CAPI_LIBRARY")
        .env_remove("PYTHONPATH")
        .env_remove("LD_LIBRARY_PATH")
}

#[test]
fn the_wheel_is_one_py3_none_manylinux_wheel_with_a_stripped_library() {
    let wheel = artifact(
        &format!("temporal_capi-{VERSION}-py3-none-manylinux_"),
        "_x86_64.whl",
    );
    let shown = stdout_of(
        "auditwheel show",
        Command::new(python())
            .args(["-m", "auditwheel", "show"])
            .arg(&wheel),
    );
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.contains("is consistent with the following platform tag: \"manylinux_"),
        "{shown}"
    );
    assert!(zip_members(&wheel).contains(&"temporal_capi/libtemporal_capi.so".to_owned()));
    let scratch = Scratch::new("tc-wheel-library");
    let library = scratch.join("libtemporal_capi.so");
    zip_extract(&wheel, "temporal_capi/libtemporal_capi.so", &library);
    let sections = elf_sections(&library);
    assert!(
        !sections.contains(".debug_info"),
        "the wheel's library is stripped: {sections:?}"
    );
    assert_eq!(soname(&library), format!("libtemporal_capi.so.{ABI}"));
}

/// Installs the Python package `artifact` (a wheel or an sdist) into a
/// fresh venv in `scratch`, with `environment` added for pip, and runs a
/// workflow through it from `scratch`; returns what the program printed
/// (`<version> <whether the package is the venv's> <result>`).
fn install_and_run_a_workflow(
    scratch: &Scratch,
    artifact: &Path,
    environment: &[(&str, &std::ffi::OsStr)],
) -> String {
    let env = env();
    let venv = scratch.join("venv");
    stdout_of(
        "python3 -m venv",
        outside_the_tree(Command::new("python3").arg("-m").arg("venv").arg(&venv)),
    );
    let venv_python = venv.join("bin/python");
    stdout_of(
        "pip install",
        outside_the_tree(
            Command::new(&venv_python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "-q",
                    "--no-deps",
                    "--disable-pip-version-check",
                ])
                .arg(artifact)
                .envs(environment.iter().copied()),
        ),
    );
    let program = "import asyncio, sys, uuid\n\
                   import temporal_capi\n\
                   async def main():\n\
                   \x20   client = await temporal_capi.Client.connect(sys.argv[1])\n\
                   \x20   result = await client.execute_workflow('Echo', 'packaged', id=f'package-{uuid.uuid4()}', task_queue=sys.argv[2])\n\
                   \x20   print(temporal_capi.__version__, temporal_capi.__file__.startswith(sys.prefix), result)\n\
                   asyncio.run(main())\n";
    stdout_of(
        "a workflow through the installed package",
        outside_the_tree(
            Command::new(&venv_python)
                .args(["-c", program, &env.address, &env.task_queue])
                .current_dir(scratch.join("")),
        ),
    )
    .trim()
    .to_owned()
}

#[test]
fn the_wheel_runs_a_workflow_from_a_fresh_venv_that_never_saw_the_source_tree() {
    let wheel = artifact(
        &format!("temporal_capi-{VERSION}-py3-none-manylinux_"),
        "_x86_64.whl",
    );
    let scratch = Scratch::new("tc-wheel-venv");
    assert_eq!(
        install_and_run_a_workflow(&scratch, &wheel, &[]),
        format!("{VERSION} True packaged")
    );
}

#[test]
fn the_sdist_builds_the_library_with_cargo_into_a_working_install() {
    let sdist = artifact(&format!("temporal_capi-{VERSION}"), ".tar.gz");
    let listing = stdout_of(
        "tarfile listing",
        Command::new(python())
            .args([
                "-c",
                "import sys, tarfile; print('\\n'.join(tarfile.open(sys.argv[1]).getnames()))",
            ])
            .arg(&sdist),
    );
    let base = format!("temporal_capi-{VERSION}");
    for member in [
        "setup.py",
        "temporal_capi/__init__.py",
        "rust/Cargo.toml",
        "rust/Cargo.lock",
        "rust/src/lib.rs",
    ] {
        assert!(
            listing
                .lines()
                .any(|line| line == format!("{base}/{member}")),
            "{member} in the sdist:\n{listing}"
        );
    }
    assert!(
        !listing
            .lines()
            .any(|name| name.ends_with(".so") || name.contains(".so.")),
        "no built library in the sdist:\n{listing}"
    );
    // Built unoptimised into this repository's target directory, so that
    // only the crate itself compiles (its dependencies are already built).
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    let scratch = Scratch::new("tc-sdist-venv");
    let printed = install_and_run_a_workflow(
        &scratch,
        &sdist,
        &[
            ("CARGO", std::ffi::OsStr::new(env!("CARGO"))),
            ("CARGO_TARGET_DIR", target.as_os_str()),
            ("TEMPORAL_CAPI_CARGO_PROFILE", std::ffi::OsStr::new("dev")),
        ],
    );
    assert_eq!(printed, format!("{VERSION} True packaged"));
}

/// Extracts the C/C++ tarball into `scratch`; returns its prefix.
fn extract_tarball(scratch: &Scratch) -> PathBuf {
    let base = format!("temporal-capi-{VERSION}-linux-x86_64");
    let tarball = artifact(&base, ".tar.gz");
    stdout_of(
        "tar -xzf",
        Command::new("tar")
            .arg("-xzf")
            .arg(&tarball)
            .arg("-C")
            .arg(scratch.join("")),
    );
    scratch.join(&base)
}

#[test]
fn the_tarball_holds_the_versioned_library_with_its_soname_links_and_debug_file() {
    let scratch = Scratch::new("tc-tarball");
    let prefix = extract_tarball(&scratch);
    let library = prefix.join(format!("lib/libtemporal_capi.so.{VERSION}"));
    assert_eq!(soname(&library), format!("libtemporal_capi.so.{ABI}"));
    assert!(!elf_sections(&library).contains(".debug_info"), "stripped");
    assert!(
        elf_sections(&prefix.join(format!("lib/.debug/libtemporal_capi.so.{VERSION}.debug")))
            .contains(".debug_info")
    );
    assert_eq!(
        std::fs::read_link(prefix.join(format!("lib/libtemporal_capi.so.{ABI}"))).unwrap(),
        PathBuf::from(format!("libtemporal_capi.so.{VERSION}"))
    );
    assert!(
        !elf_sections(&prefix.join("lib/libtemporal_capi.a")).contains(".debug_info"),
        "stripped archive"
    );
    for header in [
        "temporal_capi.h",
        "temporal_capi.hpp",
        "temporal_capi.schema.json",
    ] {
        assert!(prefix.join("include").join(header).is_file(), "{header}");
    }
}

#[test]
fn c_programs_built_against_the_tarball_with_pkg_config_and_cmake_load_its_soname() {
    let env = env();
    let scratch = Scratch::new("tc-tarball-consumers");
    let prefix = extract_tarball(&scratch);
    let exe = scratch.join("example-pkg-config");
    compile_with_pkg_config(Lang::C, &prefix, &[Lang::C.example_source()], &[], &exe);
    assert_uses_installed_library(&exe, &prefix);
    run_example(&exe, Lang::C, env, Under::Nothing);
    let exe = cmake_build(Lang::C, &prefix, &scratch.join("build"), &[]);
    assert_uses_installed_library(&exe, &prefix);
    run_example(&exe, Lang::C, env, Under::Nothing);
}

#[test]
fn a_mono_program_consumes_the_nupkg_from_a_local_feed_and_runs_a_workflow() {
    let env = env();
    let nupkg = artifact(&format!("TemporalCapi.{VERSION}"), ".nupkg");
    let members = zip_members(&nupkg);
    for member in [
        "lib/net472/TemporalCapi.dll",
        "lib/net472/TemporalCapi.xml",
        "runtimes/linux-x64/native/libtemporal_capi.so",
    ] {
        assert!(
            members.contains(&member.to_owned()),
            "{member} in {members:?}"
        );
    }
    let scratch = Scratch::new("tc-nupkg");
    let packages = scratch.join("packages");
    stdout_of(
        "nuget install",
        Command::new("nuget")
            .args([
                "install",
                "TemporalCapi",
                "-Version",
                VERSION,
                "-NonInteractive",
                "-Source",
            ])
            .arg(dist())
            .arg("-OutputDirectory")
            .arg(&packages),
    );
    let package = packages.join(format!("TemporalCapi.{VERSION}"));
    let app = scratch.join("app");
    std::fs::create_dir_all(&app).unwrap();
    // What a build does for a consumer: the assembly and the native library next to the program.
    std::fs::copy(
        package.join("lib/net472/TemporalCapi.dll"),
        app.join("TemporalCapi.dll"),
    )
    .unwrap();
    std::fs::copy(
        package.join("runtimes/linux-x64/native/libtemporal_capi.so"),
        app.join("libtemporal_capi.so"),
    )
    .unwrap();
    let source = scratch.join("Program.cs");
    std::fs::write(
        &source,
        r#"using System;
using System.Threading.Tasks;
using TemporalCapi;

public static class Program
{
    public static int Main(string[] args)
    {
        return Run(args).GetAwaiter().GetResult();
    }

    static async Task<int> Run(string[] args)
    {
        var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(args[0]));
        var handle = await client.StartWorkflowAsync(
            "Echo", new object[] { "from the nupkg" }, new WorkflowOptions("nupkg-" + Guid.NewGuid(), args[1]));
        Console.WriteLine(await handle.GetResultAsync<string>());
        return 0;
    }
}
"#,
    )
    .unwrap();
    stdout_of(
        "mcs",
        Command::new("mcs")
            .args(["-langversion:7", "-nologo"])
            .arg(format!("-r:{}", app.join("TemporalCapi.dll").display()))
            .arg(format!("-out:{}", app.join("Program.exe").display()))
            .arg(&source),
    );
    let printed = stdout_of(
        "mono Program.exe",
        outside_the_tree(
            Command::new("mono")
                .arg(app.join("Program.exe"))
                .args([&env.address, &env.task_queue])
                .current_dir(&app),
        ),
    );
    assert_eq!(printed.trim(), "from the nupkg");
}

#[test]
fn every_package_takes_its_version_from_cargo_toml() {
    let csproj =
        std::fs::read_to_string(repo_root().join("bindings/dotnet/TemporalCapi.csproj")).unwrap();
    assert!(
        csproj.contains(&format!("<Version>{VERSION}</Version>")),
        "bindings/dotnet/TemporalCapi.csproj <Version> is not Cargo.toml's {VERSION}"
    );
    let pyproject =
        std::fs::read_to_string(repo_root().join("bindings/python/pyproject.toml")).unwrap();
    assert!(
        pyproject.contains("dynamic = [\"version\"]") && !pyproject.contains("\nversion ="),
        "bindings/python/pyproject.toml takes its version from setup.py (Cargo.toml's)"
    );
    let nuspec =
        std::fs::read_to_string(repo_root().join("packaging/TemporalCapi.nuspec.in")).unwrap();
    assert!(
        nuspec.contains("<version>@VERSION@</version>"),
        "the nuspec's version is filled in by scripts/package.sh"
    );
    let changelog = std::fs::read_to_string(repo_root().join("CHANGELOG.md")).unwrap();
    assert!(
        changelog.contains(&format!("## ABI {ABI} ({VERSION}")),
        "CHANGELOG.md records version {VERSION} and ABI {ABI}"
    );
}
