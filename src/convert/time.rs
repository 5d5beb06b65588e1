//! Timestamps in the JSON contract: RFC 3339 strings in UTC, with a
//! fraction only when it is non-zero.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{de, Deserialize, Deserializer};

/// Formats a proto timestamp; `null` when absent.
pub fn proto_to_json(ts: Option<&prost_wkt_types::Timestamp>) -> serde_json::Value {
    proto_to_string(ts).map_or(serde_json::Value::Null, Into::into)
}

/// Formats a proto timestamp; `None` when absent or out of range.
pub fn proto_to_string(ts: Option<&prost_wkt_types::Timestamp>) -> Option<String> {
    ts.and_then(|t| DateTime::<Utc>::from_timestamp(t.seconds, t.nanos.max(0) as u32))
        .map(|dt| dt.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

/// The protobuf Timestamp range: 0001-01-01T00:00:00Z to
/// 9999-12-31T23:59:59.999999999Z (an offset can move an RFC 3339 time
/// just outside it).
const MIN_SECONDS: i64 = -62_135_596_800;
const MAX_SECONDS: i64 = 253_402_300_799;

/// Parses an RFC 3339 string (any offset) into a proto timestamp within
/// the protobuf Timestamp range.
pub fn parse(text: &str) -> Result<prost_wkt_types::Timestamp, String> {
    let dt = DateTime::parse_from_rfc3339(text)
        .map_err(|e| format!("invalid RFC 3339 timestamp {text:?}: {e}"))?;
    if dt.timestamp() < MIN_SECONDS || dt.timestamp() > MAX_SECONDS {
        return Err(format!(
            "timestamp {text:?} is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z"
        ));
    }
    Ok(prost_wkt_types::Timestamp {
        seconds: dt.timestamp(),
        nanos: dt.timestamp_subsec_nanos() as i32,
    })
}

/// Normalises an RFC 3339 string to the UTC form used in responses.
pub fn normalize(text: &str) -> Result<String, String> {
    let ts = parse(text)?;
    Ok(proto_to_json(Some(&ts))
        .as_str()
        .unwrap_or_default()
        .to_owned())
}

/// A timestamp as it appears in a request.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonTimestamp(pub prost_wkt_types::Timestamp);

impl<'de> Deserialize<'de> for JsonTimestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text).map(JsonTimestamp).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_fraction_only_when_needed() {
        let whole = prost_wkt_types::Timestamp {
            seconds: 0,
            nanos: 0,
        };
        assert_eq!(proto_to_json(Some(&whole)), "1970-01-01T00:00:00Z");
        let frac = prost_wkt_types::Timestamp {
            seconds: 1,
            nanos: 500_000_000,
        };
        assert_eq!(proto_to_json(Some(&frac)), "1970-01-01T00:00:01.500Z");
    }

    #[test]
    fn parses_offsets_to_utc() {
        assert_eq!(
            normalize("2026-01-02T03:04:05+02:00").unwrap(),
            "2026-01-02T01:04:05Z"
        );
        assert!(parse("yesterday").is_err());
        assert!(parse("0000-12-31T00:00:00Z").is_err());
        assert!(parse("0001-01-01T00:00:00+01:00").is_err());
        assert!(parse("9999-12-31T23:59:59-01:00").is_err());
        assert!(parse("0001-01-01T00:00:00Z").is_ok());
        assert!(parse("9999-12-31T23:59:59.999999999Z").is_ok());
    }
}
