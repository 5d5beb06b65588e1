//! JSON Schemas of the types that are deserialized by hand (durations,
//! timestamps, "boolean or object" settings, calendar ranges and the
//! requests that join two key sets into one object). Every other request
//! and response type derives its schema.

use super::{
    activity::ActivityCall,
    connect::BoolOr,
    durable::{InstanceFilter, InstancePaging, PurgeInstances, PurgeOptions, QueryInstances},
    schedule::CalendarRange,
    update::UpdateWithStart,
    workflow::{SignalWithStart, StartSignal, StartWorkflow},
};
use crate::convert::{duration::JsonDuration, duration::Seconds, time::JsonTimestamp};
use crate::envconfig::EnvConfigRequest;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// One object with the keys of `A` and `B` together, unknown keys rejected:
/// the schema of a request read by [`super::split_object`].
fn joined<A: JsonSchema, B: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    let mut joined = A::json_schema(generator);
    let second = B::json_schema(generator);
    let object = joined.ensure_object();
    for key in ["properties", "required"] {
        let Some(extra) = second.get(key).cloned() else {
            continue;
        };
        match (object.get_mut(key), extra) {
            (Some(serde_json::Value::Object(mine)), serde_json::Value::Object(theirs)) => {
                mine.extend(theirs)
            }
            (Some(serde_json::Value::Array(mine)), serde_json::Value::Array(theirs)) => {
                mine.extend(theirs)
            }
            (_, extra) => {
                object.insert(key.to_owned(), extra);
            }
        }
    }
    object.insert("additionalProperties".into(), false.into());
    joined
}

/// Implements `JsonSchema` for a request that joins two key sets.
macro_rules! joined_schema {
    ($type:ty, $name:literal, $first:ty, $second:ty) => {
        impl JsonSchema for $type {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                joined::<$first, $second>(generator)
            }
        }
    };
}

joined_schema!(
    SignalWithStart,
    "SignalWithStart",
    StartWorkflow,
    StartSignal
);
joined_schema!(
    QueryInstances,
    "QueryInstances",
    InstanceFilter,
    InstancePaging
);
joined_schema!(
    PurgeInstances,
    "PurgeInstances",
    InstanceFilter,
    PurgeOptions
);
joined_schema!(
    UpdateWithStart,
    "UpdateWithStart",
    StartWorkflow,
    super::update::StartingUpdate
);
joined_schema!(
    EnvConfigRequest,
    "EnvConfigRequest",
    super::connect::LoadOptions,
    crate::envconfig::AllProfilesKey
);

impl<B: JsonSchema> JsonSchema for ActivityCall<B> {
    fn schema_name() -> Cow<'static, str> {
        format!("ActivityCall_{}", B::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        joined::<B, super::activity::ActivityTarget>(generator)
    }
}

impl<T: JsonSchema> JsonSchema for BoolOr<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("BoolOr_{}", T::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let config = generator.subschema_for::<T>();
        json_schema!({
            "description": "true (on with defaults), false (off) or the options",
            "anyOf": [{"type": "boolean"}, config]
        })
    }
}

impl JsonSchema for CalendarRange {
    fn schema_name() -> Cow<'static, str> {
        "CalendarRange".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "One value, or an inclusive range `{start, end, step}` (`end` defaults to `start`, `step` to 1)",
            "anyOf": [
                {"type": "integer"},
                {
                    "type": "object",
                    "properties": {
                        "start": {"type": "integer"},
                        "end": {"type": ["integer", "null"]},
                        "step": {"type": ["integer", "null"], "minimum": 1}
                    },
                    "required": ["start"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for JsonDuration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A duration: seconds as a number, or a string such as \"1h30m\", \"10s\" or \"250ms\"",
            "anyOf": [{"type": "number", "minimum": 0}, {"type": "string"}]
        })
    }
}

impl JsonSchema for Seconds {
    fn schema_name() -> Cow<'static, str> {
        "Seconds".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A duration in seconds (an integer when whole)",
            "type": "number",
            "minimum": 0
        })
    }
}

impl JsonSchema for JsonTimestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An RFC 3339 timestamp (any offset)",
            "type": "string",
            "format": "date-time"
        })
    }
}
