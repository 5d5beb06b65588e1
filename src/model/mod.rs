//! The JSON contract: serde types for every request.
//!
//! All request types reject unknown keys. [`parse`] turns serde's errors into
//! `invalid_argument` errors whose message names the offending key path and
//! rejects anything but whitespace after the JSON value; [`Validate`]
//! checks what serde cannot (non-empty names, ranges, cross-key rules).

pub mod activity;
pub mod connect;
pub mod durable;
mod json_schema;
pub mod lifecycle;
pub mod responses;
pub mod rpc;
pub mod schedule;
pub mod schedule_response;
mod strict;
pub mod task_queue;
pub mod update;
pub mod validate;
pub mod visibility;
pub mod workflow;

use strict::Strict;
pub use validate::Validate;

use crate::error::{Error, Result};
use serde::{de::DeserializeOwned, Deserialize};

/// Parses a request from UTF-8 JSON bytes; empty input means `{}`.
///
/// Exactly one JSON object: anything else, and bytes after it other than
/// whitespace, are rejected. Errors are `invalid_argument` with `key` naming the path of
/// the offending value (`.` for the request as a whole).
pub fn parse<T: DeserializeOwned>(json: &[u8]) -> Result<T> {
    let json: &[u8] = if json.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        json
    };
    let text = std::str::from_utf8(json)
        .map_err(|e| Error::invalid(format!("request is not valid UTF-8: {e}")).with("key", "."))?;
    let de = &mut serde_json::Deserializer::from_str(text);
    let value = serde_json::Value::deserialize(&mut *de)
        .map_err(|e| Error::invalid(format!("invalid request: {e}")).with("key", "."))?;
    de.end().map_err(|e| {
        Error::invalid(format!("invalid request: bytes after the JSON value ({e})"))
            .with("key", ".")
    })?;
    if !value.is_object() {
        return Err(Error::invalid("invalid request: expected a JSON object").with("key", "."));
    }
    from_value(&value)
}

/// Deserializes a request from parsed JSON ([`Strict`]: structs only from
/// objects); errors as [`parse`] reports them.
pub fn from_value<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(Strict(value)).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let key = error_key(&path, &inner);
        if path == "." {
            Error::invalid(format!("invalid request: {inner}")).with("key", key)
        } else {
            Error::invalid(format!("invalid request at `{path}`: {inner}")).with("key", key)
        }
    })
}

/// Parses a request ([`parse`]) and checks it ([`Validate`]).
pub fn parse_valid<T: DeserializeOwned + Validate>(json: &[u8]) -> Result<T> {
    let request: T = parse(json)?;
    request.validate()?;
    Ok(request)
}

/// The key path an error names: serde_path_to_error's `path` (`.` is the
/// root), extended by what the message adds: the inner path that
/// [`split_object`] and nested deserializers report (``at `a.b`: ...``),
/// then the field of serde's ``unknown field `x` `` or ``missing field `x` ``
/// unless the path already ends with it.
/// `.` when nothing narrower is known.
fn error_key(path: &str, message: &str) -> String {
    let join = |base: &str, name: &str| match (base, name) {
        ("" | ".", name) => name.to_owned(),
        (base, "" | ".") => base.to_owned(),
        (base, name) => format!("{base}.{name}"),
    };
    if let Some((inner, tail)) = message
        .strip_prefix("at `")
        .and_then(|rest| rest.split_once("`: "))
    {
        return error_key(&join(path, inner), tail);
    }
    let field = ["unknown field `", "missing field `"]
        .iter()
        .find_map(|marker| message.split_once(marker))
        .and_then(|(_, rest)| rest.split('`').next());
    // serde_path_to_error already ends the path with an unknown field.
    let named = |f: &str| path == f || path.ends_with(&format!(".{f}"));
    let key = join(path, field.filter(|f| !named(f)).unwrap_or(""));
    if key.is_empty() {
        ".".to_owned()
    } else {
        key
    }
}

/// Deserializes one JSON object into two request types: keys listed in
/// `second_keys` go to `B`, all others to `A`. Both keep rejecting unknown
/// keys, which `#[serde(flatten)]` cannot do.
pub fn split_object<'de, D, A, B>(d: D, second_keys: &[&str]) -> Result<(A, B), D::Error>
where
    D: serde::Deserializer<'de>,
    A: DeserializeOwned,
    B: DeserializeOwned,
{
    let mut first = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
    let second: serde_json::Map<_, _> = second_keys
        .iter()
        .filter_map(|k| first.remove(*k).map(|v| ((*k).to_owned(), v)))
        .collect();
    fn part<T: DeserializeOwned, E: serde::de::Error>(
        v: serde_json::Map<String, serde_json::Value>,
    ) -> Result<T, E> {
        serde_path_to_error::deserialize(Strict(&serde_json::Value::Object(v))).map_err(|e| {
            let path = e.path().to_string();
            E::custom(format!("at `{path}`: {}", e.into_inner()))
        })
    }
    Ok((part::<A, D::Error>(first)?, part::<B, D::Error>(second)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        #[serde(default)]
        count: u32,
    }

    #[test]
    fn errors_name_the_key() {
        let e = parse::<Sample>(br#"{"name": "x", "count": "many"}"#).unwrap_err();
        assert!(e.message().contains("`count`"), "{}", e.message());
        let e = parse::<Sample>(br#"{"name": "x", "bogus": 1}"#).unwrap_err();
        assert!(e.message().contains("bogus"), "{}", e.message());
        let e = parse::<Sample>(b"{}").unwrap_err();
        assert!(e.message().contains("name"), "{}", e.message());
        let e = parse::<Sample>(b"{\"name\": \"\xff\"}").unwrap_err();
        assert!(e.message().contains("UTF-8"), "{}", e.message());
    }

    #[derive(Deserialize, Debug, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        inner: Vec<Sample>,
    }

    #[test]
    fn keys_are_full_paths() {
        let key = |text: &[u8]| {
            let e = parse::<Outer>(text).unwrap_err();
            e.field("key").unwrap().as_str().unwrap().to_owned()
        };
        assert_eq!(key(br#"{}"#), "inner");
        assert_eq!(key(br#"{"inner": [], "x": 1}"#), "x");
        assert_eq!(key(br#"{"inner": [{"name": "a", "y": 1}]}"#), "inner[0].y");
        assert_eq!(key(br#"{"inner": [{}]}"#), "inner[0].name");
        assert_eq!(key(br#"{"inner": [{"name": 1}]}"#), "inner[0].name");
        assert_eq!(key(br#"{"inner": 1}"#), "inner");
        assert_eq!(key(br#"{"inner": [{"name": "#), ".");
        assert_eq!(key(b"[]"), ".");
        assert_eq!(key(br#"[[{"name": "a"}]]"#), ".");
        assert_eq!(error_key(".", "at `a[0].b`: bad"), "a[0].b");
        assert_eq!(
            error_key("k", "at `.`: unknown field `z`, expected `y`"),
            "k.z"
        );
    }

    #[test]
    fn bytes_after_the_value_are_rejected() {
        for text in [
            &br#"{"name": "x"}{"bogus": 1}"#[..],
            br#"{"name": "x"} not json"#,
            br#"{"name": "x"},"#,
            b"{\"name\": \"x\"}\0",
        ] {
            let e = parse::<Sample>(text).unwrap_err();
            assert_eq!(e.field("key").unwrap(), ".", "{}", e.message());
            assert!(
                e.message().contains("after the JSON value"),
                "{}",
                e.message()
            );
        }
        assert!(parse::<Sample>(b" {\"name\": \"x\"} \n\t\r ").is_ok());
    }

    #[test]
    fn empty_input_is_an_empty_object() {
        #[derive(Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields)]
        struct Empty {}
        assert!(parse::<Empty>(b"").is_ok());
    }
}

/// The JSON text of a response.
pub fn to_json(response: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string(response)
        .map_err(|e| Error::internal(format!("a response did not serialize: {e}")))
}

/// serde default for boolean keys that default to true.
pub(crate) fn default_true() -> bool {
    true
}

/// A request without keys (`{}`); any key is rejected. Also the response
/// of operations that report nothing but success.
#[derive(Debug, Clone, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Empty {}

impl Validate for Empty {
    fn validate_at(&self, _at: &str) -> Result<()> {
        Ok(())
    }
}
