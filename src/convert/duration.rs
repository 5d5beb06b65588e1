//! Durations in the JSON contract.
//!
//! Requests accept a number of seconds (`1.5`) or a string with a unit
//! (`"250ms"`, `"1.5s"`, `"10m"`, `"2h"`, `"1d"`; a bare number string is
//! seconds). Responses always carry a number of seconds.

use serde::{de, Deserialize, Deserializer};
use std::time::Duration;

/// The largest duration a request may carry: the protobuf `Duration`
/// maximum, 315,576,000,000 s + 999,999,999 ns (about 10,000 years).
///
/// It also keeps every later use safe: `Instant + d` cannot overflow, and a
/// gRPC deadline stays within tonic's `grpc-timeout` encoding limit
/// (99,999,999 hours), which panics beyond it.
pub const MAX: Duration = Duration::new(315_576_000_000, 999_999_999);

/// Nanoseconds per unit of the duration strings.
fn unit_nanos(unit: &str) -> Option<u128> {
    Some(match unit {
        "" | "s" => 1_000_000_000,
        "ms" => 1_000_000,
        "us" | "µs" => 1_000,
        "ns" => 1,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        "d" => 86_400_000_000_000,
        _ => return None,
    })
}

/// Parses a duration string such as `"250ms"`, `"1.5s"`, `"10m"`, `"2h"`.
///
/// The number is decimal (digits with an optional fraction) and read
/// exactly, to the nanosecond; the result must not exceed [`MAX`].
pub fn parse(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let bad_number = || format!("invalid duration {text:?}: expected e.g. 1.5, \"250ms\", \"10m\"");
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() || fraction.contains('.') {
        return Err(bad_number());
    }
    let scale = unit_nanos(unit.trim())
        .ok_or_else(|| format!("invalid duration unit {:?} in {text:?}", unit.trim()))?;
    let too_large = || {
        format!(
            "duration {text:?} exceeds the maximum of {}",
            describe_max()
        )
    };
    let whole = whole.trim_start_matches('0');
    if whole.len() > 24 {
        return Err(too_large());
    }
    let whole: u128 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad_number())?
    };
    // Digits past the nanosecond (at most 14 for days) cannot change the result.
    let fraction = &fraction[..fraction.len().min(24)];
    let fraction_nanos = if fraction.is_empty() {
        0
    } else {
        let digits: u128 = fraction.parse().map_err(|_| bad_number())?;
        digits * scale / 10u128.pow(fraction.len() as u32)
    };
    let nanos = whole * scale + fraction_nanos;
    if nanos > MAX.as_nanos() {
        return Err(too_large());
    }
    Ok(Duration::new(
        (nanos / 1_000_000_000) as u64,
        (nanos % 1_000_000_000) as u32,
    ))
}

/// Converts a non-negative, finite number of seconds (at most [`MAX`])
/// into a [`Duration`].
pub fn from_seconds(seconds: f64) -> Result<Duration, String> {
    let d = Duration::try_from_secs_f64(seconds).map_err(|_| {
        format!("invalid duration {seconds}: must be a finite, non-negative number")
    })?;
    if d > MAX {
        return Err(format!(
            "duration {seconds} s exceeds the maximum of {}",
            describe_max()
        ));
    }
    Ok(d)
}

/// [`MAX`] as text for error messages.
fn describe_max() -> &'static str {
    "315576000000.999999999 s (the protobuf Duration range)"
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
    proto_seconds(d).map_or(serde_json::Value::Null, |s| to_seconds(s.0))
}

/// A proto duration as [`Seconds`]; `None` for an absent or zero value.
pub fn proto_seconds(d: Option<&prost_wkt_types::Duration>) -> Option<Seconds> {
    match d {
        // Clamped so that a malformed value from the server cannot panic.
        Some(d) if d.seconds > 0 || d.nanos > 0 => Some(Seconds(Duration::new(
            d.seconds.max(0) as u64,
            d.nanos.clamp(0, 999_999_999) as u32,
        ))),
        _ => None,
    }
}

/// A duration in a response: a number of seconds, integral when whole.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seconds(pub Duration);

impl serde::Serialize for Seconds {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.subsec_nanos() == 0 {
            serializer.serialize_u64(self.0.as_secs())
        } else {
            serializer.serialize_f64(self.0.as_secs_f64())
        }
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
                if v > MAX.as_secs() {
                    return Err(E::custom(format!(
                        "duration {v} s exceeds the maximum of {}",
                        describe_max()
                    )));
                }
                Ok(JsonDuration(Duration::from_secs(v)))
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
    fn parses_exactly_to_the_nanosecond() {
        assert_eq!(parse("0.000000001s").unwrap(), Duration::from_nanos(1));
        assert_eq!(parse(".5m").unwrap(), Duration::from_secs(30));
        assert_eq!(parse("1.5d").unwrap(), Duration::from_secs(129_600));
        assert_eq!(parse("315576000000.999999999s").unwrap(), MAX);
        assert!(parse("1.2.3s").is_err());
        assert!(parse(".s").is_err());
    }

    #[test]
    fn rejects_durations_beyond_the_protobuf_range() {
        for text in [
            "315576000001s",
            "100000000h",
            "999999999999h",
            "99999999999999999999999999999999999d",
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.contains("exceeds the maximum"), "{text}: {e}");
        }
        assert!(serde_json::from_str::<JsonDuration>("315576000001").is_err());
        assert!(serde_json::from_str::<JsonDuration>("1e300").is_err());
        assert!(serde_json::from_str::<JsonDuration>("18446744073709551615").is_err());
        assert_eq!(
            serde_json::from_str::<JsonDuration>("315576000000")
                .unwrap()
                .0,
            Duration::from_secs(315_576_000_000)
        );
        let proto = JsonDuration(MAX).to_proto();
        assert_eq!((proto.seconds, proto.nanos), (315_576_000_000, 999_999_999));
    }

    #[test]
    fn the_maximum_is_safe_for_deadlines() {
        let _ = std::time::Instant::now() + MAX;
        let mut request = tonic::Request::new(());
        request.set_timeout(MAX);
        assert!(request.metadata().get("grpc-timeout").is_some());
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        rt.block_on(async {
            assert!(tokio::time::timeout(MAX, async {}).await.is_ok());
            let sleep = tokio::time::sleep(MAX);
            tokio::pin!(sleep);
            sleep.as_mut().reset(tokio::time::Instant::now() + MAX);
        });
        rt.shutdown_timeout(MAX);
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
        #[derive(Deserialize, Debug, schemars::JsonSchema)]
        #[allow(dead_code)]
        struct Required {
            every: JsonDuration,
        }
        let e = serde_json::from_str::<Required>("{}").unwrap_err();
        assert!(e.to_string().contains("missing field `every`"), "{e}");
    }
}
