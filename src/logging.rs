//! Forwarding of the library's `tracing` events to host log callbacks.
//!
//! One process-wide subscriber is installed on first use; each runtime may
//! register one sink with its own level. Events are delivered as JSON
//! `{level, target, message, fields, timestamp}` on the emitting thread,
//! with every registered secret replaced ([`crate::secrets::scrub`]).

use serde_json::{json, Map, Value};
use std::{
    str::FromStr,
    sync::{
        atomic::{AtomicU8, Ordering},
        Arc, Once, RwLock,
    },
};
use tracing::{
    field::{Field, Visit},
    level_filters::LevelFilter,
    subscriber::Interest,
    Event, Metadata, Subscriber,
};
use tracing_subscriber::{layer::Context, prelude::*, Layer};

/// Receives one log record as JSON text.
pub type Sink = Arc<dyn Fn(&str) + Send + Sync>;

struct Registered {
    owner: usize,
    level: LevelFilter,
    sink: Sink,
}

static SINKS: RwLock<Vec<Registered>> = RwLock::new(Vec::new());
/// The most verbose level any sink wants, as `level_rank`.
static MAX_RANK: AtomicU8 = AtomicU8::new(0);
static INSTALL: Once = Once::new();

/// The rank of a filter: 0 for off up to 5 for trace.
fn level_rank(level: LevelFilter) -> u8 {
    RANKED.iter().position(|l| *l == level).unwrap_or(0) as u8
}

/// The filters in rank order: `RANKED[level_rank(f)] == f`.
const RANKED: [LevelFilter; 6] = [
    LevelFilter::OFF,
    LevelFilter::ERROR,
    LevelFilter::WARN,
    LevelFilter::INFO,
    LevelFilter::DEBUG,
    LevelFilter::TRACE,
];

/// Parses `off`, `error`, `warn`, `info`, `debug` or `trace`.
/// Only these six names (any letter case, surrounding blanks ignored):
/// tracing's own parser would also take `""` (as `error`) and `"0"`-`"5"`.
pub fn parse_level(text: &str) -> Result<LevelFilter, String> {
    let name = text.trim().to_ascii_lowercase();
    match name.as_str() {
        "off" | "error" | "warn" | "info" | "debug" | "trace" => LevelFilter::from_str(&name).ok(),
        _ => None,
    }
    .ok_or_else(|| {
        format!("invalid log level {text:?}: expected off, error, warn, info, debug or trace")
    })
}

/// Registers (or, with level `off`, removes) the sink of `owner`.
pub fn set_sink(owner: usize, level: LevelFilter, sink: Sink) {
    INSTALL.call_once(|| {
        // A host that already installed a global subscriber keeps it; then
        // this library's events go there instead of to the sinks.
        let _ = tracing::subscriber::set_global_default(
            tracing_subscriber::registry().with(ForwardLayer),
        );
    });
    let mut sinks = SINKS.write().unwrap_or_else(|p| p.into_inner());
    sinks.retain(|r| r.owner != owner);
    if level != LevelFilter::OFF {
        sinks.push(Registered { owner, level, sink });
    }
    let max = sinks.iter().map(|r| level_rank(r.level)).max().unwrap_or(0);
    MAX_RANK.store(max, Ordering::Relaxed);
    drop(sinks);
    tracing::callsite::rebuild_interest_cache();
}

/// Removes the sink of `owner`, if any.
pub fn remove_sink(owner: usize) {
    let mut sinks = SINKS.write().unwrap_or_else(|p| p.into_inner());
    sinks.retain(|r| r.owner != owner);
    let max = sinks.iter().map(|r| level_rank(r.level)).max().unwrap_or(0);
    MAX_RANK.store(max, Ordering::Relaxed);
    drop(sinks);
    tracing::callsite::rebuild_interest_cache();
}

struct ForwardLayer;

#[derive(Default)]
struct FieldCollector {
    message: String,
    fields: Map<String, Value>,
}

impl Visit for FieldCollector {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.put(field, value.into());
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.put(field, value.into());
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.put(field, value.into());
    }
    fn record_f64(&mut self, field: &Field, value: f64) {
        self.put(field, value.into());
    }
    fn record_bool(&mut self, field: &Field, value: bool) {
        self.put(field, value.into());
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.put(field, format!("{value:?}").into());
    }
}

impl FieldCollector {
    fn put(&mut self, field: &Field, value: Value) {
        if field.name() == "message" {
            self.message = value
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| value.to_string());
        } else {
            self.fields.insert(field.name().to_owned(), value);
        }
    }
}

fn wanted(meta: &Metadata<'_>) -> bool {
    level_rank(LevelFilter::from_level(*meta.level())) <= MAX_RANK.load(Ordering::Relaxed)
}

impl<S: Subscriber> Layer<S> for ForwardLayer {
    /// Decided once per callsite (and again whenever a sink changes, see
    /// [`set_sink`]), so disabled events cost a cached check, not a call.
    fn register_callsite(&self, meta: &'static Metadata<'static>) -> Interest {
        if wanted(meta) {
            Interest::always()
        } else {
            Interest::never()
        }
    }

    fn max_level_hint(&self) -> Option<LevelFilter> {
        RANKED
            .get(usize::from(MAX_RANK.load(Ordering::Relaxed)))
            .copied()
    }

    fn enabled(&self, meta: &Metadata<'_>, _ctx: Context<'_, S>) -> bool {
        wanted(meta)
    }

    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let meta = event.metadata();
        let level = LevelFilter::from_level(*meta.level());
        let targets: Vec<Sink> = {
            let sinks = SINKS.read().unwrap_or_else(|p| p.into_inner());
            sinks
                .iter()
                .filter(|r| level <= r.level)
                .map(|r| r.sink.clone())
                .collect()
        };
        if targets.is_empty() {
            return;
        }
        let mut collector = FieldCollector::default();
        event.record(&mut collector);
        let mut record = json!({
            "level": meta.level().as_str().to_ascii_lowercase(),
            "target": meta.target(),
            "message": collector.message,
            "fields": collector.fields,
            "timestamp": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        });
        crate::secrets::scrub_value(&mut record);
        let record = record.to_string();
        for sink in targets {
            sink(&record);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_six_level_names_are_levels() {
        assert_eq!(parse_level(" Debug ").unwrap(), LevelFilter::DEBUG);
        assert_eq!(parse_level("off").unwrap(), LevelFilter::OFF);
        for bad in ["", " ", "5", "0", "verbose"] {
            assert!(parse_level(bad).is_err(), "{bad:?}");
        }
    }
}
