//! Conversions between the JSON contract and Temporal protos.

pub mod duration;
pub mod failure;
pub mod grpc_status;
pub mod payload;
pub mod proto_json;
pub mod search_attributes;
pub mod time;
