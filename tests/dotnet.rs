//! The .NET bindings (bindings/dotnet): the library and its NUnit tests are
//! compiled with Mono's `mcs` (C# 7, warnings as errors, every public item
//! documented) and run by `nunit-console` against the real dev server and
//! worker, loading the release cdylib. Passes only when NUnit ran every
//! test in the sources and all of them passed, and every reply of the
//! library the tests saw (recorded by bindings/dotnet/tests/ReplyRecorder.cs
//! into the file named by TC_TEST_REPLIES) conforms to the published JSON
//! Schema, checked as tests/common/contract.rs checks the Rust tests' replies.

mod common;

use common::*;
use serde_json::Value;
use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
    process::{Command, ExitStatus},
    time::{Duration, Instant},
};
use temporal_capi::ffi::TcStatus;

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
    let replies_file = out.join("replies.jsonl");
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
            .env("TC_TEST_LIBRARY_VERSION", env!("CARGO_PKG_VERSION"))
            .env("TC_TEST_REPOSITORY", repo_root())
            .env("TC_TEST_REPLIES", &replies_file),
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

    let replies = fs::read_to_string(&replies_file).unwrap_or_else(|e| {
        panic!(
            "the NUnit run recorded no replies to {} ({e})",
            replies_file.display()
        )
    });
    let checked = check_replies(&replies);
    assert!(
        checked.violations.is_empty(),
        "{} of {} .NET replies do not match include/temporal_capi.schema.json:\n{}",
        checked.violations.len(),
        checked.total,
        checked.violations.join("\n")
    );
    assert!(checked.total > 0, "the NUnit run recorded no replies");
    let by_export: Vec<String> = checked
        .by_export
        .iter()
        .map(|(export, count)| format!("{export} {count}"))
        .collect();
    println!(
        "schema: {} .NET replies validated against include/temporal_capi.schema.json ({})",
        checked.total,
        by_export.join(", ")
    );
    fs::remove_dir_all(&out).unwrap();
}

/// What [`check_replies`] found.
struct CheckedReplies {
    /// Records checked.
    total: usize,
    /// Records by export (`synchronous error` for a synchronous export's error object).
    by_export: BTreeMap<String, usize>,
    /// Every violation, with the record it was found in.
    violations: Vec<String>,
}

/// Validates the replies ReplyRecorder.cs recorded, one JSON line each:
/// `{"export": <name, or null for a synchronous export's error object>,
/// "status": <TcStatus>, "json": <the reply's JSON text>}`. A success is
/// checked against its export's response schema, a failure against the
/// error object (`common::contract::violations`); a line that is not such a
/// record, a reply that is not JSON and a success of an export without a
/// response schema are violations too.
fn check_replies(text: &str) -> CheckedReplies {
    let schema = temporal_capi::schema::document();
    let operations = schema["operations"].as_object().expect("operations");
    let mut checked = CheckedReplies {
        total: 0,
        by_export: BTreeMap::new(),
        violations: Vec::new(),
    };
    for (index, line) in text.lines().enumerate() {
        checked.total += 1;
        let found = check_reply(line, operations, &mut checked.by_export);
        checked.violations.extend(
            found
                .into_iter()
                .map(|violation| format!("line {}: {violation}\n    {line}", index + 1)),
        );
    }
    checked
}

/// The violations of one recorded reply; counts it in `by_export`.
fn check_reply(
    line: &str,
    operations: &serde_json::Map<String, Value>,
    by_export: &mut BTreeMap<String, usize>,
) -> Vec<String> {
    let record: Value = match serde_json::from_str(line) {
        Ok(record) => record,
        Err(e) => return vec![format!("not a JSON record ({e})")],
    };
    let export = match &record["export"] {
        Value::String(export) => Some(export.as_str()),
        Value::Null => None,
        other => return vec![format!("export is {other}")],
    };
    let status = match record["status"].as_u64() {
        Some(0) => TcStatus::Ok,
        Some(1) => TcStatus::Error,
        Some(2) => TcStatus::Cancelled,
        _ => return vec![format!("status is {}", record["status"])],
    };
    *by_export
        .entry(export.unwrap_or("synchronous error").to_owned())
        .or_default() += 1;
    let Some(text) = record["json"].as_str() else {
        return vec![format!("json is {}", record["json"])];
    };
    let json: Value = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(e) => return vec![format!("the reply is not JSON ({e})")],
    };
    if status == TcStatus::Ok && !export.is_some_and(|export| operations.contains_key(export)) {
        return vec![format!(
            "a success of {}, which has no response schema",
            export.unwrap_or("a synchronous export")
        )];
    }
    common::contract::violations(export, status, &json)
}

/// The reply check rejects drift: an extra key, a missing one, an unknown
/// error code, a success without a known export, a malformed record.
#[test]
fn recorded_replies_are_checked_against_the_schema() {
    let good = [
        r#"{"export":"tc_workflow_start","status":0,"json":"{\"workflow_id\":\"w\",\"run_id\":\"r\",\"started\":true}"}"#,
        r#"{"export":"tc_workflow_describe","status":1,"json":"{\"code\":\"not_found\",\"message\":\"gone\"}"}"#,
        r#"{"export":"tc_workflow_result","status":2,"json":"{\"code\":\"cancelled\",\"message\":\"cancelled\"}"}"#,
        r#"{"export":null,"status":1,"json":"{\"code\":\"config_error\",\"message\":\"no profile\"}"}"#,
    ];
    let checked = check_replies(&good.join("\n"));
    assert!(checked.violations.is_empty(), "{:?}", checked.violations);
    assert_eq!(checked.total, 4);
    assert_eq!(checked.by_export["synchronous error"], 1);
    let bad = [
        r#"{"export":"tc_workflow_start","status":0,"json":"{\"workflow_id\":\"w\",\"run_id\":\"r\",\"started\":true,\"extra\":1}"}"#,
        r#"{"export":"tc_workflow_start","status":0,"json":"{\"workflow_id\":\"w\"}"}"#,
        r#"{"export":"tc_workflow_describe","status":1,"json":"{\"code\":\"no_such_code\",\"message\":\"?\"}"}"#,
        r#"{"export":"tc_no_such_export","status":0,"json":"{}"}"#,
        r#"{"export":null,"status":0,"json":"{}"}"#,
        r#"{"export":"tc_workflow_start","status":0,"json":"not json"}"#,
        r#"{"export":"tc_workflow_start","status":7,"json":"{}"}"#,
        "not a record",
    ];
    for line in bad {
        let checked = check_replies(line);
        assert_eq!(checked.total, 1);
        assert!(!checked.violations.is_empty(), "accepted {line}");
    }
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
