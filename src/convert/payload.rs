//! JSON values <-> Temporal payloads, compatible with the official SDKs'
//! default data converter.
//!
//! * `null` <-> `binary/null` (empty data).
//! * any other JSON value <-> `json/plain` (UTF-8 JSON).
//! * every other payload (binary/plain, json/protobuf, binary/protobuf,
//!   encrypted or unknown encodings) <-> the raw form
//!   `{"$payload": {"metadata": {"<key>": "<base64>"}, "data": "<base64>"}}`,
//!   which round-trips losslessly.

use crate::error::{Error, Result};
use base64::{engine::general_purpose::STANDARD as B64, Engine};
use serde_json::{Map, Value};
use std::collections::HashMap;
use temporalio_protos::temporal::api::common::v1::{Header, Memo, Payload, Payloads};

/// The key that marks the raw-payload form.
pub const RAW_KEY: &str = "$payload";
const ENCODING: &str = "encoding";
const JSON_PLAIN: &[u8] = b"json/plain";
const BINARY_NULL: &[u8] = b"binary/null";

/// Encodes one JSON value as a payload.
pub fn encode(value: &Value) -> Result<Payload> {
    if let Some(raw) = raw_form(value) {
        return decode_raw_form(raw);
    }
    let (encoding, data) = match value {
        Value::Null => (BINARY_NULL, Vec::new()),
        other => (
            JSON_PLAIN,
            serde_json::to_vec(other).map_err(|e| Error::invalid(e.to_string()))?,
        ),
    };
    Ok(Payload {
        metadata: HashMap::from([(ENCODING.to_owned(), encoding.to_vec())]),
        data,
        ..Default::default()
    })
}

/// Encodes a list of JSON values; an empty list gives `None`.
pub fn encode_all(values: &[Value]) -> Result<Option<Payloads>> {
    if values.is_empty() {
        return Ok(None);
    }
    let payloads = values.iter().map(encode).collect::<Result<Vec<_>>>()?;
    Ok(Some(Payloads { payloads }))
}

/// Checks that [`encode`] accepts `value` (a raw-payload form must be
/// well-formed; every other JSON value is accepted) without encoding it.
pub fn check(value: &Value) -> Result<()> {
    raw_form(value).map_or(Ok(()), |raw| decode_raw_form(raw).map(drop))
}

/// Decodes one payload into JSON (never fails: unknown forms use the raw form).
pub fn decode(payload: &Payload) -> Value {
    match payload.metadata.get(ENCODING).map(Vec::as_slice) {
        Some(BINARY_NULL) => Value::Null,
        Some(JSON_PLAIN) => {
            serde_json::from_slice(&payload.data).unwrap_or_else(|_| encode_raw_form(payload))
        }
        _ => encode_raw_form(payload),
    }
}

/// Decodes every payload of an optional list.
pub fn decode_all(payloads: Option<&Payloads>) -> Vec<Value> {
    payloads
        .map(|p| p.payloads.iter().map(decode).collect())
        .unwrap_or_default()
}

/// Decodes the first payload of a list (a workflow or query result); `null` when empty.
pub fn decode_first(payloads: Option<&Payloads>) -> Value {
    payloads
        .and_then(|p| p.payloads.first())
        .map(decode)
        .unwrap_or(Value::Null)
}

/// Encodes a JSON object into a memo (one payload per key); `None` when
/// none was given.
pub fn encode_memo(fields: &Option<Map<String, Value>>) -> Result<Option<Memo>> {
    let encode = |fields| encode_map(fields).map(|fields| Memo { fields });
    fields.as_ref().map(encode).transpose()
}

/// Encodes a JSON object into a header (one payload per key).
pub fn encode_header(fields: &Map<String, Value>) -> Result<Header> {
    Ok(Header {
        fields: encode_map(fields)?,
    })
}

/// Decodes a map of payloads into a JSON object, keys sorted.
pub fn decode_map(fields: &HashMap<String, Payload>) -> Value {
    let mut keys: Vec<&String> = fields.keys().collect();
    keys.sort();
    Value::Object(
        keys.into_iter()
            .map(|k| (k.clone(), decode(&fields[k])))
            .collect(),
    )
}

fn encode_map(fields: &Map<String, Value>) -> Result<HashMap<String, Payload>> {
    fields
        .iter()
        .map(|(k, v)| Ok((k.clone(), encode(v)?)))
        .collect()
}

fn raw_form(value: &Value) -> Option<&Value> {
    match value {
        Value::Object(obj) if obj.len() == 1 => obj.get(RAW_KEY),
        _ => None,
    }
}

fn encode_raw_form(payload: &Payload) -> Value {
    let mut keys: Vec<&String> = payload.metadata.keys().collect();
    keys.sort();
    let metadata: Map<String, Value> = keys
        .into_iter()
        .map(|k| (k.clone(), B64.encode(&payload.metadata[k]).into()))
        .collect();
    serde_json::json!({ RAW_KEY: { "metadata": metadata, "data": B64.encode(&payload.data) } })
}

fn decode_raw_form(raw: &Value) -> Result<Payload> {
    let bad = |what: &str| Error::invalid(format!("{RAW_KEY}: {what}"));
    let obj = raw
        .as_object()
        .ok_or_else(|| bad("expected an object with \"metadata\" and \"data\""))?;
    if let Some(key) = obj.keys().find(|k| *k != "metadata" && *k != "data") {
        return Err(bad(&format!("unknown key `{key}`")));
    }
    let base64 = |v: &Value, what: &str| -> Result<Vec<u8>> {
        let text = v
            .as_str()
            .ok_or_else(|| bad(&format!("{what} must be a base64 string")))?;
        B64.decode(text)
            .map_err(|e| bad(&format!("{what} is not valid base64: {e}")))
    };
    let mut metadata = HashMap::new();
    if let Some(meta) = obj.get("metadata") {
        let meta = meta
            .as_object()
            .ok_or_else(|| bad("metadata must be an object"))?;
        for (k, v) in meta {
            metadata.insert(k.clone(), base64(v, &format!("metadata.{k}"))?);
        }
    }
    let data = match obj.get("data") {
        Some(v) => base64(v, "data")?,
        None => Vec::new(),
    };
    Ok(Payload {
        metadata,
        data,
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_values_round_trip() {
        for v in [
            json!(null),
            json!(true),
            json!(9007199254740992u64),
            json!(-1.25),
            json!("héllo ✓"),
            json!([1, {"a": [null]}]),
        ] {
            assert_eq!(decode(&encode(&v).unwrap()), v);
        }
    }

    #[test]
    fn null_is_binary_null_and_values_are_json_plain() {
        assert_eq!(
            encode(&json!(null)).unwrap().metadata[ENCODING],
            BINARY_NULL
        );
        let p = encode(&json!({"a": 1})).unwrap();
        assert_eq!(p.metadata[ENCODING], JSON_PLAIN);
        assert_eq!(p.data, br#"{"a":1}"#);
    }

    #[test]
    fn unknown_encodings_round_trip_through_the_raw_form() {
        let p = Payload {
            metadata: HashMap::from([(ENCODING.to_owned(), b"binary/plain".to_vec())]),
            data: vec![0, 255, 7],
            ..Default::default()
        };
        let raw = decode(&p);
        assert_eq!(raw[RAW_KEY]["data"], "AP8H");
        assert_eq!(encode(&raw).unwrap(), p);
    }

    #[test]
    fn malformed_raw_form_is_rejected() {
        assert!(encode(&json!({RAW_KEY: {"data": "!!"}})).is_err());
        assert!(encode(&json!({RAW_KEY: {"bogus": 1}})).is_err());
    }
}
