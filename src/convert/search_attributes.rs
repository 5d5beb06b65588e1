//! Typed search attributes: `{"Name": {"type": "keyword", "value": ...}}`.
//!
//! On the wire each value is a `json/plain` payload whose `type` metadata
//! names the indexed type (`Keyword`, `Text`, `Int`, `Double`, `Bool`,
//! `Datetime`, `KeywordList`), exactly as the official SDKs write them.

use super::{payload, time};
use crate::error::{Error, Result};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use temporalio_protos::temporal::api::common::v1::{Payload, SearchAttributes};

/// The indexed value types of a search attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SearchAttributeType {
    /// Exact-match string.
    Keyword,
    /// Full-text string.
    Text,
    /// 64-bit integer.
    Int,
    /// Floating point number.
    Double,
    /// Boolean.
    Bool,
    /// RFC 3339 timestamp.
    Datetime,
    /// List of exact-match strings.
    KeywordList,
}

const TYPES: [(SearchAttributeType, &str, &str); 7] = [
    (SearchAttributeType::Keyword, "keyword", "Keyword"),
    (SearchAttributeType::Text, "text", "Text"),
    (SearchAttributeType::Int, "int", "Int"),
    (SearchAttributeType::Double, "double", "Double"),
    (SearchAttributeType::Bool, "bool", "Bool"),
    (SearchAttributeType::Datetime, "datetime", "Datetime"),
    (
        SearchAttributeType::KeywordList,
        "keyword_list",
        "KeywordList",
    ),
];

/// One typed value in a request.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TypedValue {
    /// The indexed type.
    #[serde(rename = "type")]
    pub kind: SearchAttributeType,
    /// The value; must match the type.
    pub value: Value,
}

fn wire_name(kind: SearchAttributeType) -> &'static str {
    TYPES
        .iter()
        .find(|t| t.0 == kind)
        .map(|t| t.2)
        .unwrap_or("")
}

fn json_name(wire: &[u8]) -> Option<&'static str> {
    TYPES.iter().find(|t| t.2.as_bytes() == wire).map(|t| t.1)
}

fn check_value(name: &str, typed: &TypedValue) -> Result<Value> {
    let v = &typed.value;
    let ok = match typed.kind {
        SearchAttributeType::Keyword | SearchAttributeType::Text => v.is_string(),
        SearchAttributeType::Int => v.is_i64(),
        SearchAttributeType::Double => v.is_number(),
        SearchAttributeType::Bool => v.is_boolean(),
        SearchAttributeType::KeywordList => v
            .as_array()
            .is_some_and(|items| items.iter().all(Value::is_string)),
        SearchAttributeType::Datetime => {
            let text = v.as_str().ok_or_else(|| {
                Error::invalid(format!(
                    "search_attributes.{name}: expected an RFC 3339 string"
                ))
            })?;
            return time::normalize(text)
                .map(Value::from)
                .map_err(|e| Error::invalid(format!("search_attributes.{name}: {e}")));
        }
    };
    if ok {
        Ok(v.clone())
    } else {
        Err(Error::invalid(format!(
            "search_attributes.{name}: value {v} does not match type {:?}",
            wire_name(typed.kind)
        )))
    }
}

/// Checks that [`encode`] accepts the attribute `name`: the value matches
/// its type.
pub fn check(name: &str, typed: &TypedValue) -> Result<()> {
    payload::check(&check_value(name, typed)?)
}

/// Encodes typed search attributes for a request; `None` when none were
/// given.
pub fn encode(attrs: &Option<HashMap<String, TypedValue>>) -> Result<Option<SearchAttributes>> {
    attrs.as_ref().map(encode_given).transpose()
}

/// Encodes the typed search attributes given.
fn encode_given(attrs: &HashMap<String, TypedValue>) -> Result<SearchAttributes> {
    let mut indexed_fields = HashMap::with_capacity(attrs.len());
    for (name, typed) in attrs {
        let value = check_value(name, typed)?;
        let mut p = payload::encode(&value)?;
        p.metadata
            .insert("type".into(), wire_name(typed.kind).as_bytes().to_vec());
        indexed_fields.insert(name.clone(), p);
    }
    Ok(SearchAttributes { indexed_fields })
}

/// Decodes search attributes into the typed JSON form, keys sorted.
pub fn decode(attrs: Option<&SearchAttributes>) -> Value {
    let Some(attrs) = attrs else {
        return Value::Object(Map::new());
    };
    let mut names: Vec<&String> = attrs.indexed_fields.keys().collect();
    names.sort();
    Value::Object(
        names
            .into_iter()
            .map(|n| (n.clone(), decode_one(&attrs.indexed_fields[n])))
            .collect(),
    )
}

fn decode_one(p: &Payload) -> Value {
    let kind = p.metadata.get("type").and_then(|t| json_name(t));
    json!({ "type": kind, "value": payload::decode(p) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(kind: &str, value: Value) -> TypedValue {
        serde_json::from_value(json!({"type": kind, "value": value})).unwrap()
    }

    #[test]
    fn round_trips_every_type() {
        let attrs = HashMap::from([
            ("K".to_owned(), typed("keyword", json!("k"))),
            ("I".to_owned(), typed("int", json!(7))),
            ("L".to_owned(), typed("keyword_list", json!(["a", "b"]))),
            (
                "D".to_owned(),
                typed("datetime", json!("2026-01-01T00:00:00+01:00")),
            ),
        ]);
        let decoded = decode(encode(&Some(attrs)).unwrap().as_ref());
        assert_eq!(decoded["K"], json!({"type": "keyword", "value": "k"}));
        assert_eq!(decoded["I"], json!({"type": "int", "value": 7}));
        assert_eq!(
            decoded["L"],
            json!({"type": "keyword_list", "value": ["a", "b"]})
        );
        assert_eq!(decoded["D"]["value"], "2025-12-31T23:00:00Z");
    }

    #[test]
    fn rejects_mismatched_values() {
        let attrs = HashMap::from([("I".to_owned(), typed("int", json!("seven")))]);
        let err = encode(&Some(attrs)).unwrap_err();
        assert!(err.message().contains("search_attributes.I"));
    }
}
