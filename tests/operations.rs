//! The operation table (src/operations.rs) is the one source of the
//! asynchronous exports: the committed generated files must be what it
//! renders. Outside CI a stale file is rewritten (rebuild and rerun); in CI
//! it fails the test.

mod common;

use std::fs;
use temporal_capi::operations::{manifest, render_exports, OPERATIONS};

/// Fails unless `path` (below the repository root) holds `expected`;
/// rewrites it first when not running in CI.
fn assert_generated(path: &str, expected: &str) {
    let file = common::repo_root().join(path);
    let current = fs::read_to_string(&file).unwrap_or_default();
    if current == expected {
        return;
    }
    if std::env::var_os("CI").is_none() {
        fs::write(&file, expected).unwrap();
        panic!("{path} was stale and has been regenerated: rebuild and rerun");
    }
    panic!("{path} differs from what src/operations.rs renders: run `cargo test --test operations` outside CI and commit the result");
}

#[test]
fn generated_exports_match_the_table() {
    assert_generated("src/ffi/exports.rs", &render_exports());
}

#[test]
fn manifest_matches_the_table() {
    let text = serde_json::to_string_pretty(&manifest()).unwrap() + "\n";
    assert_generated("include/temporal_capi.operations.json", &text);
}

#[test]
fn every_row_is_exported_once_and_in_the_header() {
    let header = fs::read_to_string(common::repo_root().join("include/temporal_capi.h")).unwrap();
    let mut seen = std::collections::HashSet::new();
    for op in OPERATIONS {
        assert!(seen.insert(op.export), "{} twice", op.export);
        assert!(op.export.starts_with("tc_"), "{}", op.export);
        assert!(!op.doc.is_empty(), "{} has no doc", op.export);
        let declaration = format!("TcResult {}(TcClient *client,", op.export);
        assert!(
            header.contains(&declaration),
            "{} is not declared in include/temporal_capi.h",
            op.export
        );
    }
}
