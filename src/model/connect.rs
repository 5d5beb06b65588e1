//! Connect options (`tc_client_connect`) and env-config load options
//! (`tc_envconfig_load`, the `load` connect key).

use crate::convert::duration::JsonDuration;
use serde::{de, de::DeserializeOwned, Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Options of `tc_client_connect`. Every key is optional.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConnectOptions {
    /// `host:port` or a URL; default `127.0.0.1:7233`.
    pub address: Option<String>,
    /// Namespace; default `default`.
    pub namespace: Option<String>,
    /// Client identity; default `pid@hostname`.
    pub identity: Option<String>,
    /// API key sent as `authorization: Bearer <key>`; turns TLS on unless `tls` is `false`.
    pub api_key: Option<String>,
    /// `false`, `true` or a TLS configuration.
    pub tls: Option<TlsSetting>,
    /// gRPC metadata sent with every call.
    pub headers: Option<BTreeMap<String, String>>,
    /// Names of headers whose values are secret (any case): never shown in
    /// an error or log record. `authorization` is always secret.
    pub secret_headers: Option<Vec<String>>,
    /// `false` disables HTTP/2 keep-alive; an object tunes it.
    pub keep_alive: Option<KeepAliveSetting>,
    /// Retry policy for retryable RPC failures: `false` disables retries,
    /// `true` (the default) keeps the default policy, an object tunes it.
    pub retry: Option<RetrySetting>,
    /// Bound on the whole connect (TCP, TLS and the first RPC), also when a
    /// lazy client connects on its first call.
    pub connect_timeout: Option<JsonDuration>,
    /// Most long polls (result, update and start waits) this client holds
    /// at once; further waits check with short requests. Default 200.
    pub max_long_polls: Option<usize>,
    /// Transport compression of requests and responses; `gzip` (the
    /// official clients' default) when omitted.
    pub grpc_compression: Option<GrpcCompression>,
    /// When true, the server is contacted on the first call, not on connect.
    #[serde(default)]
    pub lazy: bool,
    /// Load an environment-configuration profile first; explicit keys override it.
    pub load: Option<LoadSetting>,
}

/// gRPC transport compression (the official clients' `grpc_compression`).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrpcCompression {
    /// Gzip-compress requests and accept gzip-compressed responses: less
    /// traffic, more CPU.
    Gzip,
    /// No compression: the least CPU, for a server nearby.
    None,
}

/// `true`/`false`, or an object of options (which implies `true`).
///
/// Unlike an untagged serde enum, a bad object reports the inner key.
#[derive(Debug, Clone)]
pub enum BoolOr<T> {
    /// On with defaults (`true`) or off (`false`).
    Enabled(bool),
    /// On with these options.
    Config(T),
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for BoolOr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Bool(b) => Ok(BoolOr::Enabled(b)),
            v @ Value::Object(_) => serde_path_to_error::deserialize(super::strict::Strict(&v))
                .map(BoolOr::Config)
                .map_err(|e| {
                    let path = e.path().to_string();
                    de::Error::custom(format!("at `{path}`: {}", e.into_inner()))
                }),
            other => Err(de::Error::custom(format!(
                "expected true, false or an object, got {}",
                kind_of(&other)
            ))),
        }
    }
}

/// What kind of JSON value `v` is, for errors that must not quote it
/// (it may be a secret given under the wrong key).
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `tls`: a boolean or a configuration object (which implies TLS on).
pub type TlsSetting = BoolOr<TlsConfig>;

/// TLS configuration; every `*_path` key is the file form of the key without it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TlsConfig {
    /// PEM of the CA that signed the server certificate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_ca_cert: Option<String>,
    /// Path to that PEM file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_ca_cert_path: Option<String>,
    /// PEM client certificate (mTLS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_cert: Option<String>,
    /// Path to that PEM file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_cert_path: Option<String>,
    /// PEM client private key (mTLS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_key: Option<String>,
    /// Path to that PEM file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_key_path: Option<String>,
    /// Name to verify the server certificate against (SNI).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_name: Option<String>,
    /// Skip verification of the server's host name.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disable_host_verification: bool,
}

/// `keep_alive`: `false`/`true` or tuning.
pub type KeepAliveSetting = BoolOr<KeepAliveConfig>;

/// HTTP/2 keep-alive tuning.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeepAliveConfig {
    /// Ping interval; default 30 s.
    pub interval: Option<JsonDuration>,
    /// Ping answer timeout; default 15 s.
    pub timeout: Option<JsonDuration>,
}

/// `retry`: `false`/`true` or a policy.
pub type RetrySetting = BoolOr<RetryConfig>;

/// Retry policy for retryable RPC failures (UNAVAILABLE, RESOURCE_EXHAUSTED, ...).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetryConfig {
    /// First backoff; default 100 ms.
    pub initial_interval: Option<JsonDuration>,
    /// Backoff multiplier; default 1.7.
    pub multiplier: Option<f64>,
    /// Largest backoff; default 5 s.
    pub max_interval: Option<JsonDuration>,
    /// Give up after this long; default 10 s.
    pub max_elapsed: Option<JsonDuration>,
    /// Give up after this many retries; default 10 (0 disables retries).
    pub max_retries: Option<usize>,
}

/// `load`: `true` for the defaults, `false` for nothing, or where and what to load.
pub type LoadSetting = BoolOr<LoadOptions>;

/// Options for loading an environment-configuration profile.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoadOptions {
    /// Profile name; default `TEMPORAL_PROFILE`, then `default`.
    pub profile: Option<String>,
    /// TOML file; default `TEMPORAL_CONFIG_FILE`, then `<config dir>/temporalio/temporal.toml`.
    pub config_file: Option<String>,
    /// TOML content given inline instead of a file.
    pub config_data: Option<String>,
    /// Skip the file (environment only).
    #[serde(default)]
    pub disable_file: bool,
    /// Skip the environment (file only).
    #[serde(default)]
    pub disable_env: bool,
    /// Reject unknown keys in the TOML file.
    #[serde(default)]
    pub strict: bool,
    /// Use these variables instead of the process environment.
    pub env: Option<BTreeMap<String, String>>,
}
