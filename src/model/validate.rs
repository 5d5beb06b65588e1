//! Checks of a parsed request that need no server (DESIGN rule 5: bad
//! input is reported before the export returns).
//!
//! Every request type implements [`Validate`]. An error is
//! `invalid_argument` whose `key` is the path of the offending value in
//! the request, in the form `model::parse` uses for serde's errors
//! (`spec.intervals[0].every`).

use crate::convert::{payload, search_attributes::TypedValue};
use crate::error::{Error, Result};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A request (or a part of one) that can be checked without the server.
pub trait Validate {
    /// Checks a whole request.
    fn validate(&self) -> Result<()> {
        self.validate_at("")
    }

    /// Checks a value found at key path `at` (`""` for the request itself).
    fn validate_at(&self, at: &str) -> Result<()>;
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, at: &str) -> Result<()> {
        self.as_ref().map_or(Ok(()), |v| v.validate_at(at))
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, at: &str) -> Result<()> {
        self.iter()
            .enumerate()
            .try_for_each(|(i, v)| v.validate_at(&index(at, i)))
    }
}

/// The path of key `name` inside the value at `at`.
pub fn key(at: &str, name: &str) -> String {
    if at.is_empty() {
        name.to_owned()
    } else {
        format!("{at}.{name}")
    }
}

/// The path of element `i` of the list at `at`.
pub fn index(at: &str, i: usize) -> String {
    format!("{at}[{i}]")
}

/// `invalid_argument` for the value at `path`: the message starts with the
/// path and `key` names it.
pub fn invalid_at(path: String, problem: impl std::fmt::Display) -> Error {
    Error::invalid(format!("`{path}` {problem}")).with("key", path)
}

/// A required text must not be empty.
pub fn non_empty(at: &str, name: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(invalid_at(key(at, name), "must not be empty"));
    }
    Ok(())
}

/// An optional text, when given, must not be empty.
pub fn non_empty_if_given(at: &str, name: &str, value: &Option<String>) -> Result<()> {
    value.as_deref().map_or(Ok(()), |v| non_empty(at, name, v))
}

/// A run id, when given and not empty (empty means the latest run), must be
/// a UUID, as the server requires.
pub fn run_id(at: &str, name: &str, value: &Option<String>) -> Result<()> {
    match value.as_deref() {
        Some(id) if !id.is_empty() && uuid::Uuid::try_parse(id).is_err() => Err(invalid_at(
            key(at, name),
            format!("{id:?} is not a run id (a UUID)"),
        )),
        _ => Ok(()),
    }
}

/// A page size, when given, must be positive (it is an `int32` on the wire).
pub fn page_size(at: &str, name: &str, value: Option<i32>) -> Result<()> {
    match value {
        Some(n) if n <= 0 => Err(invalid_at(key(at, name), format!("{n} must be positive"))),
        _ => Ok(()),
    }
}

/// Decodes optional base64 text (a page token, a task token); absent gives
/// no bytes. The error names `path`.
pub fn base64(value: &Option<String>, path: &str) -> Result<Vec<u8>> {
    match value {
        None => Ok(Vec::new()),
        Some(text) => STANDARD
            .decode(text)
            .map_err(|e| invalid_at(path.to_owned(), format!("is not valid base64: {e}"))),
    }
}

/// Every value of a list becomes a payload: raw-payload forms must be well-formed.
pub fn payloads(at: &str, name: &str, values: &[Value]) -> Result<()> {
    values.iter().enumerate().try_for_each(|(i, v)| {
        payload::check(v).map_err(|e| invalid_at(index(&key(at, name), i), e.message()))
    })
}

/// Every value of an object (memo, headers) becomes a payload.
pub fn payload_map(at: &str, name: &str, fields: &Option<Map<String, Value>>) -> Result<()> {
    let Some(fields) = fields else {
        return Ok(());
    };
    let at = key(at, name);
    fields
        .iter()
        .try_for_each(|(k, v)| payload::check(v).map_err(|e| invalid_at(key(&at, k), e.message())))
}

/// Typed search attributes: every value must match its type.
pub fn search_attributes(
    at: &str,
    name: &str,
    attrs: &Option<HashMap<String, TypedValue>>,
) -> Result<()> {
    let Some(attrs) = attrs else {
        return Ok(());
    };
    let at = key(at, name);
    attrs.iter().try_for_each(|(k, typed)| {
        crate::convert::search_attributes::check(k, typed)
            .map_err(|e| invalid_at(key(&at, k), e.message()))
    })
}

/// A `f32` wire value (serde turns a too large JSON number into infinity).
pub fn finite_f32(at: &str, name: &str, value: Option<f32>) -> Result<()> {
    match value {
        Some(v) if !v.is_finite() || v < 0.0 => Err(invalid_at(
            key(at, name),
            format!("{v} must be a finite, non-negative 32-bit float"),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_parser() {
        assert_eq!(key("", "a"), "a");
        assert_eq!(key("spec", "intervals"), "spec.intervals");
        assert_eq!(index("spec.intervals", 0), "spec.intervals[0]");
        let e = non_empty("action.start_workflow", "task_queue", "").unwrap_err();
        assert_eq!(e.field("key").unwrap(), "action.start_workflow.task_queue");
    }

    #[test]
    fn run_ids_are_uuids_or_empty() {
        assert!(run_id("", "run_id", &None).is_ok());
        assert!(run_id("", "run_id", &Some(String::new())).is_ok());
        let uuid = uuid::Uuid::new_v4().to_string();
        assert!(run_id("", "run_id", &Some(uuid)).is_ok());
        let e = run_id("", "run_id", &Some("r1".into())).unwrap_err();
        assert_eq!(e.field("key").unwrap(), "run_id");
    }

    #[test]
    fn payload_values_are_checked_with_their_path() {
        let bad = serde_json::json!({"$payload": {"data": "!!"}});
        let e = payloads("", "args", &[Value::Null, bad]).unwrap_err();
        assert_eq!(e.field("key").unwrap(), "args[1]");
    }
}
