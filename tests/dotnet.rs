//! The .NET bindings (bindings/dotnet): the library and its NUnit tests are
//! compiled with Mono's `mcs` (C# 7, warnings as errors, every public item
//! documented) and run by `nunit-console` against the real dev server and
//! worker, loading the release cdylib. Passes only when NUnit ran every
//! test in the sources and all of them passed.

mod common;

use common::*;
use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, ExitStatus},
    time::{Duration, Instant},
};

fn dotnet_dir() -> PathBuf {
    repo_root().join("bindings/dotnet")
}

/// The NUnit 2.6 framework assembly of the Debian `nunit-console` packages.
fn nunit_framework() -> PathBuf {
    let roots = ["/usr/lib/cli", "/usr/lib/mono/gac/nunit.framework"];
    roots
        .iter()
        .filter_map(|root| fs::read_dir(root).ok())
        .flat_map(|entries| entries.filter_map(Result::ok))
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with("nunit.framework") || name.starts_with("2.6")
        })
        .map(|entry| entry.path().join("nunit.framework.dll"))
        .find(|path| path.exists())
        .expect("nunit.framework.dll (apt-get install nunit-console)")
}

/// Runs `mcs -langversion:7 -nologo <args>` (C# 7, as the sources promise)
/// and fails the test with the compiler's output unless it succeeds.
fn mcs(args: &[String], what: &str) {
    let output = Command::new("mcs")
        .args(["-langversion:7", "-nologo"])
        .args(args)
        .output()
        .expect("mcs (apt-get install mono-complete)");
    assert!(
        output.status.success(),
        "mcs failed for {what}:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Compiles every `.cs` file under `sources` strictly: warnings are errors
/// (with `-doc`, so is a public item without a doc comment).
fn mcs_strict(args: &[String], sources: &Path) {
    let mut all = vec!["-warn:4".to_owned(), "-warnaserror+".to_owned()];
    all.extend_from_slice(args);
    all.push(format!("-recurse:{}/*.cs", sources.display()));
    mcs(&all, &sources.display().to_string());
}

/// Builds TemporalCapi.dll and TemporalCapi.Tests.dll into `out`, next to
/// (a link to) the native library and the NUnit framework.
fn build(out: &Path) {
    std::os::unix::fs::symlink(
        release_library_dir().join("libtemporal_capi.so"),
        out.join("libtemporal_capi.so"),
    )
    .unwrap();
    let nunit = nunit_framework();
    fs::copy(&nunit, out.join("nunit.framework.dll")).unwrap();
    let library = out.join("TemporalCapi.dll");
    mcs_strict(
        &[
            "-target:library".to_owned(),
            "-r:System.Runtime.Serialization.dll".to_owned(),
            format!("-doc:{}", out.join("TemporalCapi.xml").display()),
            format!("-out:{}", library.display()),
        ],
        &dotnet_dir().join("src"),
    );
    mcs_strict(
        &[
            "-target:library".to_owned(),
            "-r:System.Runtime.Serialization.dll".to_owned(),
            format!("-r:{}", library.display()),
            format!("-r:{}", nunit.display()),
            format!("-out:{}", out.join("TemporalCapi.Tests.dll").display()),
        ],
        &dotnet_dir().join("tests"),
    );
}

/// Test cases declared in the test sources: each `[Test]` and `[TestCase(`.
fn declared_tests() -> usize {
    fs::read_dir(dotnet_dir().join("tests"))
        .unwrap()
        .map(|entry| fs::read_to_string(entry.unwrap().path()).unwrap())
        .map(|text| text.matches("[Test]").count() + text.matches("[TestCase(").count())
        .sum()
}

/// The value of `name="..."` in the first `<test-results` element.
fn summary_attribute(xml: &str, name: &str) -> usize {
    let start = xml
        .find("<test-results")
        .expect("<test-results> in the NUnit XML");
    let element = &xml[start..start + xml[start..].find('>').unwrap()];
    let key = format!(" {name}=\"");
    let value = &element[element
        .find(&key)
        .unwrap_or_else(|| panic!("{name} in {element}"))
        + key.len()..];
    value[..value.find('"').unwrap()].parse().unwrap()
}

/// Runs `command` in `out` with the native library on the loader path,
/// stdout and stderr going to files there, and waits for it; kills it if it
/// runs past `limit` (a hang guard, far above its normal run time). Returns
/// the exit status (None when killed) and what it printed.
fn run_logged(command: &mut Command, out: &Path, limit: Duration) -> (Option<ExitStatus>, String) {
    let (stdout, stderr) = (out.join("run.stdout"), out.join("run.stderr"));
    let mut child = command
        .current_dir(out)
        .env("LD_LIBRARY_PATH", out)
        .stdout(fs::File::create(&stdout).unwrap())
        .stderr(fs::File::create(&stderr).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("start {command:?}: {e}"));
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let report = format!(
        "{}{}",
        fs::read_to_string(&stdout).unwrap_or_default(),
        fs::read_to_string(&stderr).unwrap_or_default()
    );
    (status, report)
}

#[test]
fn dotnet_bindings_pass_their_nunit_tests_on_mono() {
    let env = env();
    let out = std::env::temp_dir().join(unique_id("tc-dotnet"));
    fs::create_dir_all(&out).unwrap();
    build(&out);

    let result_file = out.join("TestResult.xml");
    // NUnit 2 runs the tests in an AppDomain it unloads at the end, so the
    // process exiting also shows that no library thread keeps it alive.
    let (status, report) = run_logged(
        Command::new("nunit-console")
            .arg(out.join("TemporalCapi.Tests.dll"))
            .args(["-nologo", "-labels", "-timeout=300000"])
            .arg(format!("-result={}", result_file.display()))
            .env("TC_TEST_ADDRESS", &env.address)
            .env("TC_TEST_NAMESPACE", &env.namespace)
            .env("TC_TEST_TASK_QUEUE", &env.task_queue)
            .env("TC_TEST_LIBRARY_VERSION", env!("CARGO_PKG_VERSION")),
        &out,
        Duration::from_secs(30 * 60),
    );
    let status = status.unwrap_or_else(|| panic!("nunit-console did not exit:\n{report}"));
    let xml = fs::read_to_string(&result_file)
        .unwrap_or_else(|e| panic!("no NUnit result file ({e}):\n{report}"));

    let total = summary_attribute(&xml, "total");
    for counter in [
        "errors",
        "failures",
        "not-run",
        "inconclusive",
        "ignored",
        "skipped",
        "invalid",
    ] {
        assert_eq!(
            summary_attribute(&xml, counter),
            0,
            "NUnit {counter}:\n{report}"
        );
    }
    assert!(total > 0, "NUnit ran no tests:\n{report}");
    assert_eq!(
        total,
        declared_tests(),
        "NUnit ran a different number of tests than the sources declare:\n{report}"
    );
    let succeeded = xml
        .split("<test-case ")
        .skip(1)
        .filter(|case| case[..case.find('>').unwrap()].contains("result=\"Success\""))
        .count();
    assert_eq!(succeeded, total, "every test case succeeded:\n{report}");
    assert!(status.success(), "nunit-console failed:\n{report}");
    println!("{report}");
    fs::remove_dir_all(&out).unwrap();
}

/// The C# blocks of docs/dotnet.md as compilation units, in order: each
/// complete program or class (a block that starts with `using`), then all
/// fragments (blocks that continue the example's `RunAsync`) joined into the
/// body of one method with the example's variables as parameters.
fn documented_examples() -> Vec<String> {
    let doc = fs::read_to_string(repo_root().join("docs/dotnet.md")).unwrap();
    let blocks: Vec<&str> = doc
        .split("```csharp\n")
        .skip(1)
        .map(|block| &block[..block.find("```").expect("closed block")])
        .collect();
    let (complete, fragments): (Vec<&str>, Vec<&str>) = blocks
        .into_iter()
        .partition(|block| block.starts_with("using "));
    let mut units: Vec<String> = complete.into_iter().map(str::to_owned).collect();
    if !fragments.is_empty() {
        units.push(format!(
            "using System;\nusing System.Collections.Generic;\nusing System.IO;\nusing System.Linq;\n\
             using System.Threading.Tasks;\nusing TemporalCapi;\n\
             public static class Fragments\n{{\n\
             public static async Task RunAsync(TemporalClient client, string taskQueue, string workflowId)\n{{\n\
             {}\n}}\n}}\n",
            fragments.concat()
        ));
    }
    units
}

/// Every C# example in docs/dotnet.md compiles against the library; those
/// with a `Main(address, taskQueue)` run against the server, print, and the
/// process ends by itself once `Main` returns (library threads must not keep
/// a Mono process alive).
#[test]
fn the_documented_examples_compile_run_and_exit() {
    let env = env();
    let out = std::env::temp_dir().join(unique_id("tc-dotnet-doc"));
    fs::create_dir_all(&out).unwrap();
    build(&out);
    let examples = documented_examples();
    assert!(examples.len() >= 2, "docs/dotnet.md has C# examples");
    let mut ran = 0;
    for (index, code) in examples.iter().enumerate() {
        let source = out.join(format!("example{index}.cs"));
        fs::write(&source, code).unwrap();
        let runnable = code.contains("static void Main(string[] argv)");
        let target = if runnable { "exe" } else { "library" };
        let binary = out.join(format!(
            "example{index}.{}",
            if runnable { "exe" } else { "dll" }
        ));
        mcs(
            &[
                format!("-target:{target}"),
                format!("-r:{}", out.join("TemporalCapi.dll").display()),
                format!("-out:{}", binary.display()),
                source.display().to_string(),
            ],
            &format!("example {index} of docs/dotnet.md:\n{code}"),
        );
        if !runnable {
            continue;
        }
        let (status, report) = run_logged(
            Command::new("mono")
                .arg(&binary)
                .args([&env.address, &env.task_queue]),
            &out,
            Duration::from_secs(120),
        );
        let status = status.unwrap_or_else(|| panic!("example {index} did not exit:\n{report}"));
        assert!(
            status.success(),
            "example {index} failed ({status}):\n{report}"
        );
        assert!(!report.trim().is_empty(), "example {index} printed nothing");
        ran += 1;
    }
    assert!(ran >= 1, "no runnable example in docs/dotnet.md");
    fs::remove_dir_all(&out).unwrap();
}
