//! The published JSON Schema of the C ABI's JSON
//! (`include/temporal_capi.schema.json`, draft 2020-12), generated from the
//! Rust request and response types: `operations` (per export, its request
//! and response), `error` (the error object, every code listed) and
//! `$defs` (the shared types). tests/operations.rs keeps the committed file
//! equal to [`document`].

use crate::error::ErrorCode;
use crate::model::{connect::ConnectOptions, responses::Connected};
use crate::operation_index::INDEX;
use schemars::{generate::SchemaSettings, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

/// The schema of `T` in `generator`: a `$ref` into `$defs` for named types.
pub fn schema<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

/// The whole schema document.
pub fn document() -> Value {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let mut operations = Map::new();
    let mut add = |export: &str, request: Schema, response: Schema| {
        operations.insert(
            export.to_owned(),
            json!({"request": request, "response": response}),
        );
    };
    add(
        "tc_client_connect",
        schema::<ConnectOptions>(&mut generator),
        schema::<Connected>(&mut generator),
    );
    for entry in INDEX {
        let request = (entry.request)(&mut generator);
        let response = (entry.response)(&mut generator);
        add(entry.export, request, response);
    }
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "temporal-capi JSON contract",
        "description": "Requests and responses of every asynchronous export of the temporal-capi C ABI \
                        (docs/JSON.md), and the error object. Validate a request against \
                        #/operations/<export>/request, a response against #/operations/<export>/response, \
                        an error against #/error.",
        "abi_version": crate::ffi::version::TC_ABI_VERSION,
        "operations": operations,
        "error": {
            "description": "The error object of every failure: a stable code, a message and extra fields \
                            that depend on the code (docs/ABI.md, Error codes).",
            "type": "object",
            "properties": {
                "code": {"enum": codes},
                "message": {"type": "string"},
            },
            "required": ["code", "message"],
        },
        "$defs": generator.take_definitions(true),
    })
}
