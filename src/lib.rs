//! temporal-capi: a Temporal workflow client with a C ABI.
//!
//! Dependencies point one way: [`ffi`] -> [`ops`] -> ([`client`], [`runtime`],
//! [`model`], [`convert`], [`error`]). Only [`ffi`] contains `unsafe` code.

pub mod client;
pub mod connect_checks;
pub mod convert;
pub mod envconfig;
pub mod error;
pub mod ffi;
pub mod files;
pub mod logging;
pub mod long_poll;
pub mod model;
#[rustfmt::skip]
pub mod operation_index;
pub mod operations;
pub mod ops;
pub mod panics;
pub mod registry;
pub mod runtime;
pub mod schema;
pub mod secrets;
pub mod tls;
pub mod toml_errors;
