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
            temporal_capi::operations::export_name(function),
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

/// The request keys of an operation's schema (top level; `anyOf` branches
/// and `$ref`s into `$defs` followed).
fn request_keys(document: &serde_json::Value, schema: &serde_json::Value) -> Vec<String> {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/$defs/");
        return request_keys(document, &document["$defs"][name]);
    }
    let mut keys: Vec<String> = schema["properties"]
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    for branch in schema["anyOf"].as_array().into_iter().flatten() {
        keys.extend(request_keys(document, branch));
    }
    keys
}

/// The `## ` section of docs/JSON.md that documents `export` (the first
/// heading or table row naming it), plus the start keys' section when it
/// refers to them.
fn section_of(docs: &str, export: &str) -> Option<String> {
    let name = format!("`{export}`");
    let mut offset = 0;
    let mut at = None;
    for line in docs.split_inclusive('\n') {
        if (line.starts_with('#') || line.starts_with('|')) && line.contains(&name) {
            at = Some(offset);
            break;
        }
        offset += line.len();
    }
    let at = at?;
    let start = docs[..at].rfind("\n## ").unwrap_or(0);
    let end = docs[at..].find("\n## ").map_or(docs.len(), |e| at + e);
    let mut section = docs[start..end].to_owned();
    if export != "tc_workflow_start" && section.contains("start keys") {
        section.push_str(&section_of(docs, "tc_workflow_start").unwrap_or_default());
    }
    Some(section)
}

#[test]
fn docs_json_md_describes_every_operation_and_request_key_of_the_schema() {
    let docs = fs::read_to_string(common::repo_root().join("docs/JSON.md")).unwrap();
    let document = temporal_capi::schema::document();
    let mut missing = Vec::new();
    for (export, entry) in document["operations"].as_object().unwrap() {
        let Some(section) = section_of(&docs, export) else {
            missing.push(format!("{export}: no heading or table row names it"));
            continue;
        };
        for key in request_keys(&document, &entry["request"]) {
            if !section.contains(&format!("`{key}`")) && !section.contains(&format!("\"{key}\"")) {
                missing.push(format!("{export}: request key `{key}`"));
            }
        }
    }
    assert!(missing.is_empty(), "docs/JSON.md lacks: {missing:#?}");
}
