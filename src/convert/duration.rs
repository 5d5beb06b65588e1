//! Durations in the JSON contract.
//!
//! Requests accept a number of seconds (`1.5`) or a string with a unit
//! (`"250ms"`, `"1.5s"`, `"10m"`, `"2h"`, `"1d"`; a bare number string is
//! seconds). Responses always carry a number of seconds.

use serde::{de, Deserialize, Deserializer};
use std::time::Duration;

/// Parses a duration string such as `"250ms"`, `"1.5s"`, `"10m"`, `"2h"`.
pub fn parse(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("invalid duration {text:?}: expected e.g. 1.5, \"250ms\", \"10m\""))?;
    let scale = match unit.trim() {
        "" | "s" => 1.0,
        "ms" => 1e-3,
        "us" | "µs" => 1e-6,
        "ns" => 1e-9,
        "m" => 60.0,
        "h" => 3600.0,
        "d" => 86400.0,
        other => return Err(format!("invalid duration unit {other:?} in {text:?}")),
    };
    from_seconds(value * scale)
}

/// Converts a non-negative, finite number of seconds into a [`Duration`].
pub fn from_seconds(seconds: f64) -> Result<Duration, String> {
    Duration::try_from_secs_f64(seconds)
        .map_err(|_| format!("invalid duration {seconds}: must be a finite, non-negative number"))
}

/// Seconds as a JSON number (integral when whole).
pub fn to_seconds(duration: Duration) -> serde_json::Value {
    if duration.subsec_nanos() == 0 {
        duration.as_secs().into()
    } else {
        duration.as_secs_f64().into()
    }
}

/// Converts a proto duration into seconds; `None` for an absent or zero value.
pub fn proto_to_seconds(d: Option<&prost_wkt_types::Duration>) -> serde_json::Value {
    match d {
        Some(d) if d.seconds > 0 || d.nanos > 0 => {
            to_seconds(Duration::new(d.seconds as u64, d.nanos.max(0) as u32))
        }
        _ => serde_json::Value::Null,
    }
}

/// Converts a [`Duration`] into its proto form.
pub fn to_proto(d: Duration) -> prost_wkt_types::Duration {
    prost_wkt_types::Duration {
        seconds: d.as_secs().min(i64::MAX as u64) as i64,
        nanos: d.subsec_nanos() as i32,
    }
}

/// A duration as it appears in a request: a number of seconds or a string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JsonDuration(pub Duration);

impl<'de> Deserialize<'de> for JsonDuration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor (not an untagged enum) so that serde's own errors, such
        // as a missing required key, keep their message.
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = JsonDuration;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a duration: seconds as a number or a string like \"10s\"")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<JsonDuration, E> {
                from_seconds(v).map(JsonDuration).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<JsonDuration, E> {
                self.visit_f64(v as f64)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<JsonDuration, E> {
                self.visit_f64(v as f64)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<JsonDuration, E> {
                parse(v).map(JsonDuration).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonDuration {
    /// The proto form.
    pub fn to_proto(self) -> prost_wkt_types::Duration {
        to_proto(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units() {
        assert_eq!(parse("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(parse("1.5s").unwrap(), Duration::from_millis(1500));
        assert_eq!(parse("10m").unwrap(), Duration::from_secs(600));
        assert_eq!(parse("2h").unwrap(), Duration::from_secs(7200));
        assert_eq!(parse("3").unwrap(), Duration::from_secs(3));
        assert!(parse("-1s").is_err());
        assert!(parse("5 parsecs").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn deserializes_numbers_and_strings() {
        let d: JsonDuration = serde_json::from_str("2.5").unwrap();
        assert_eq!(d.0, Duration::from_millis(2500));
        let d: JsonDuration = serde_json::from_str("\"1m\"").unwrap();
        assert_eq!(d.0, Duration::from_secs(60));
        assert!(serde_json::from_str::<JsonDuration>("-3").is_err());
        assert!(serde_json::from_str::<JsonDuration>("true").is_err());
        assert_eq!(
            serde_json::from_str::<JsonDuration>("7").unwrap().0,
            Duration::from_secs(7)
        );
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Required {
            every: JsonDuration,
        }
        let e = serde_json::from_str::<Required>("{}").unwrap_err();
        assert!(e.to_string().contains("missing field `every`"), "{e}");
    }
}
