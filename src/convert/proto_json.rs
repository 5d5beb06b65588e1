//! Canonical proto3 JSON for any Temporal API message, through the
//! descriptor set of `temporalio-protos` embedded by build.rs and
//! `prost-reflect`.

use crate::error::{Error, Result};
use prost::Message;
use prost_reflect::{
    DescriptorPool, DeserializeOptions, DynamicMessage, MessageDescriptor, SerializeOptions,
};
use serde_json::Value;
use std::sync::OnceLock;

static DESCRIPTORS: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/temporal_api_descriptors.bin"));

/// The Temporal API (workflow, operator, health services and their messages).
pub fn pool() -> &'static DescriptorPool {
    static POOL: OnceLock<DescriptorPool> = OnceLock::new();
    POOL.get_or_init(|| {
        DescriptorPool::decode(DESCRIPTORS).expect("the embedded descriptor set is valid")
    })
}

/// The descriptor of a message by its full name (`temporal.api.….Name`).
pub fn message(full_name: &str) -> Result<MessageDescriptor> {
    pool()
        .get_message_by_name(full_name)
        .ok_or_else(|| Error::internal(format!("message {full_name} is not in the descriptor set")))
}

/// Canonical proto3 JSON of an encoded message (lowerCamelCase keys, enums
/// by name, 64-bit integers as strings, well-known types in their JSON form).
pub fn bytes_to_json(descriptor: &MessageDescriptor, bytes: &[u8]) -> Result<Value> {
    let dynamic = DynamicMessage::decode(descriptor.clone(), bytes)
        .map_err(|e| Error::internal(format!("decoding {}: {e}", descriptor.full_name())))?;
    dynamic
        .serialize_with_options(serde_json::value::Serializer, &SerializeOptions::new())
        .map_err(|e| Error::internal(format!("serializing {}: {e}", descriptor.full_name())))
}

/// Canonical proto3 JSON of a prost message whose full name is `full_name`.
pub fn to_json<M: Message>(full_name: &str, message_value: &M) -> Result<Value> {
    bytes_to_json(&message(full_name)?, &message_value.encode_to_vec())
}

/// Parses proto3 JSON (either key style) as a message of `descriptor`;
/// unknown fields are rejected, with the error naming `key`.
fn dynamic_from_json(
    descriptor: &MessageDescriptor,
    json: &Value,
    key: &str,
) -> Result<DynamicMessage> {
    let options = DeserializeOptions::new().deny_unknown_fields(true);
    DynamicMessage::deserialize_with_options(descriptor.clone(), json, &options).map_err(|e| {
        Error::invalid(format!(
            "{key} is not a valid {}: {e}",
            descriptor.full_name()
        ))
        .with("key", key)
    })
}

/// Checks that `json` parses as a message of `descriptor` (see [`from_json`]).
pub fn check_json(descriptor: &MessageDescriptor, json: &Value, key: &str) -> Result<()> {
    dynamic_from_json(descriptor, json, key).map(drop)
}

/// Parses proto3 JSON (either key style) into `M`; unknown fields are
/// rejected, with the error naming `key`.
pub fn from_json<M: Message + Default>(
    descriptor: &MessageDescriptor,
    json: &Value,
    key: &str,
) -> Result<M> {
    let dynamic = dynamic_from_json(descriptor, json, key)?;
    M::decode(dynamic.encode_to_vec().as_slice())
        .map_err(|e| Error::internal(format!("re-decoding {}: {e}", descriptor.full_name())))
}
