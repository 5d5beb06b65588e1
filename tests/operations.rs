//! The operation table (src/operations.rs) is the one source of the
//! asynchronous exports: the committed generated files must be what it
//! renders. Outside CI a stale file is rewritten (rebuild and rerun); in CI
//! it fails the test.

mod common;

use std::fs;
use temporal_capi::operations::{manifest, render_exports, render_index, OPERATIONS};

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
fn generated_index_matches_the_table() {
    assert_generated("src/operation_index.rs", &render_index());
}

#[test]
fn schema_matches_the_types() {
    let text = serde_json::to_string_pretty(&temporal_capi::schema::document()).unwrap() + "\n";
    assert_generated("include/temporal_capi.schema.json", &text);
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

#[test]
fn the_schema_is_valid_draft_2020_12() {
    let document = temporal_capi::schema::document();
    assert_eq!(
        document["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(e) = jsonschema::meta::validate(&document) {
        panic!("include/temporal_capi.schema.json is not a valid schema: {e}");
    }
}

#[test]
fn every_asynchronous_export_has_an_operations_entry() {
    let document = temporal_capi::schema::document();
    let operations = document["operations"].as_object().unwrap();
    let header = fs::read_to_string(common::repo_root().join("include/temporal_capi.h")).unwrap();
    let asynchronous: Vec<&str> = header
        .split("\nTcResult ")
        .skip(1)
        .filter(|declaration| declaration.contains("const TcCancel *cancel"))
        .map(|declaration| declaration.split('(').next().unwrap())
        .collect();
    assert!(asynchronous.len() > OPERATIONS.len(), "{asynchronous:?}");
    for export in asynchronous {
        let entry = &operations
            .get(export)
            .unwrap_or_else(|| panic!("no operations entry for {export}"));
        assert!(
            entry["request"].is_object() && entry["response"].is_object(),
            "{export}: {entry}"
        );
    }
    for op in OPERATIONS {
        let function = temporal_capi::operation_index::INDEX
            .iter()
            .find(|e| e.export == op.export)
            .unwrap()
            .function;
        assert_eq!(
            temporal_capi::schema::export_name(function),
            Some(op.export)
        );
    }
}

#[test]
fn the_schema_rejects_what_the_library_never_sends() {
    use common::contract::violations;
    use temporal_capi::ffi::TcStatus;
    let started = serde_json::json!({"workflow_id": "w", "run_id": "r", "started": true});
    assert!(violations(Some("tc_workflow_start"), TcStatus::Ok, &started).is_empty());
    let mut extra = started.clone();
    extra["surprise"] = true.into();
    assert!(!violations(Some("tc_workflow_start"), TcStatus::Ok, &extra).is_empty());
    let missing = serde_json::json!({"workflow_id": "w", "run_id": "r"});
    assert!(!violations(Some("tc_workflow_start"), TcStatus::Ok, &missing).is_empty());
    let wrong_type = serde_json::json!({"workflow_id": "w", "run_id": "r", "started": "yes"});
    assert!(!violations(Some("tc_workflow_start"), TcStatus::Ok, &wrong_type).is_empty());
    let error = serde_json::json!({"code": "not_found", "message": "m", "workflow_id": "w"});
    assert!(violations(None, TcStatus::Error, &error).is_empty());
    let unknown_code = serde_json::json!({"code": "oops", "message": "m"});
    assert!(!violations(None, TcStatus::Error, &unknown_code).is_empty());
}
