//! The JSON contract: serde types for every request.
//!
//! All request types reject unknown keys. [`parse`] turns serde's errors into
//! `invalid_argument` errors whose message names the offending key path.

pub mod activity;
pub mod connect;
pub mod durable;
pub mod lifecycle;
pub mod rpc;
pub mod schedule;
pub mod update;
pub mod visibility;
pub mod workflow;

use crate::error::{Error, Result};
use serde::{de::DeserializeOwned, Deserialize};

/// Parses a request from UTF-8 JSON bytes; empty input means `{}`.
pub fn parse<T: DeserializeOwned>(json: &[u8]) -> Result<T> {
    let json: &[u8] = if json.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        json
    };
    let text = std::str::from_utf8(json)
        .map_err(|e| Error::invalid(format!("request is not valid UTF-8: {e}")))?;
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        if path == "." {
            let key = key_in_message(&inner).unwrap_or(path);
            Error::invalid(format!("invalid request: {inner}")).with("key", key)
        } else {
            Error::invalid(format!("invalid request at `{path}`: {inner}")).with("key", path)
        }
    })
}

/// The key a whole-object error names: the path [`split_object`] reports
/// (``at `a.b`: ...``) or serde's ``unknown field `x` ``.
fn key_in_message(message: &str) -> Option<String> {
    let quoted = |rest: &str| rest.split('`').next().map(str::to_owned);
    if let Some(rest) = message.strip_prefix("at `") {
        return quoted(rest).filter(|k| k != ".").or_else(|| {
            let tail = rest.split_once("`: ")?.1;
            key_in_message(tail)
        });
    }
    message
        .split_once("unknown field `")
        .and_then(|(_, rest)| quoted(rest))
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
        serde_path_to_error::deserialize(serde_json::Value::Object(v)).map_err(|e| {
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

    #[derive(Deserialize, Debug)]
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

    #[test]
    fn empty_input_is_an_empty_object() {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Empty {}
        assert!(parse::<Empty>(b"").is_ok());
    }
}

/// serde default for boolean keys that default to true.
pub(crate) fn default_true() -> bool {
    true
}

/// A request without keys (`{}`); any key is rejected.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Empty {}
