//! Every reply the Rust tests see is checked against the published JSON
//! Schema (include/temporal_capi.schema.json, which tests/operations.rs
//! keeps equal to `temporal_capi::schema::document()`): a success against
//! its export's response schema, a failure against the error object.

use serde_json::{json, Value};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex, OnceLock},
};
use temporal_capi::ffi::TcStatus;

/// The schema document, built once.
static DOCUMENT: OnceLock<Value> = OnceLock::new();

/// Compiled validators by JSON pointer into the schema document.
static VALIDATORS: OnceLock<Mutex<HashMap<String, Arc<jsonschema::Validator>>>> = OnceLock::new();

/// The validator of the schema at `pointer` (`/operations/<export>/response`
/// or `/error`), resolved against the whole document.
fn validator(pointer: &str) -> Arc<jsonschema::Validator> {
    let cache = VALIDATORS.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
    cache
        .entry(pointer.to_owned())
        .or_insert_with(|| {
            let mut document = DOCUMENT
                .get_or_init(temporal_capi::schema::document)
                .clone();
            document["$ref"] = json!(format!("#{pointer}"));
            Arc::new(jsonschema::validator_for(&document).expect("the schema compiles"))
        })
        .clone()
}

/// Checks one reply of `export` (None: only failures are checked, for
/// callbacks whose operation is not known). Returns the violations.
pub fn violations(export: Option<&str>, status: TcStatus, json: &Value) -> Vec<String> {
    let pointer = match (status, export) {
        (TcStatus::Ok, Some(export)) => format!("/operations/{export}/response"),
        (TcStatus::Ok, None) => return Vec::new(),
        _ => "/error".to_owned(),
    };
    validator(&pointer)
        .iter_errors(json)
        .map(|e| format!("{pointer}: {e} at {}", e.instance_path()))
        .collect()
}

/// Panics unless the reply conforms to the schema.
pub fn assert_conforms(export: Option<&str>, status: TcStatus, json: &Value) {
    let found = violations(export, status, json);
    assert!(
        found.is_empty(),
        "reply of {} does not match include/temporal_capi.schema.json: {found:?}\n{json}",
        export.unwrap_or("an unknown export")
    );
}
