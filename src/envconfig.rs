//! Temporal environment configuration: TOML profiles and `TEMPORAL_*`
//! variables, loaded with the official loader and expressed in the connect
//! options' JSON shape (so a loaded profile can be passed to connect as is).
//!
//! Precedence, as in the official SDKs: file < environment < explicit keys.

use crate::error::{Error, ErrorCode, Result};
use crate::model::connect::{ConnectOptions, LoadOptions, LoadSetting, TlsConfig, TlsSetting};
use crate::toml_errors::{self, Origin};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use temporalio_client::envconfig::{
    ClientConfigProfile, DataSource, LoadClientConfigProfileOptions,
};
use temporalio_common::envconfig::{load_client_config, ClientConfigTLS, LoadClientConfigOptions};

/// Options of `tc_envconfig_load`: the load options plus `all_profiles`.
#[derive(Debug, Default)]
pub struct EnvConfigRequest {
    /// Where and what to load.
    pub load: LoadOptions,
    /// Return every profile of the file (`{"profiles": {...}}`) instead of
    /// the one resolved profile.
    pub all_profiles: bool,
}

/// The key of [`EnvConfigRequest`] beside the [`LoadOptions`].
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AllProfilesKey {
    #[serde(default)]
    all_profiles: bool,
}

impl<'de> serde::Deserialize<'de> for EnvConfigRequest {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let (load, key): (LoadOptions, AllProfilesKey) =
            crate::model::split_object(d, &["all_profiles"])?;
        Ok(EnvConfigRequest {
            load,
            all_profiles: key.all_profiles,
        })
    }
}

/// The TOML text to load and the file it came from.
struct Source {
    text: Option<String>,
    file: Option<String>,
}

impl Source {
    fn origin(&self) -> Origin<'_> {
        Origin {
            text: self.text.as_deref(),
            file: self.file.as_deref(),
        }
    }

    /// The text for the official loader; empty (no profiles) without a file.
    fn data_source(&self) -> DataSource {
        DataSource::Data(self.text.clone().unwrap_or_default().into_bytes())
    }
}

/// Reads the TOML source the way the official loader would (`config_data`,
/// `config_file`, `TEMPORAL_CONFIG_FILE`, then the default path), except
/// that a file named explicitly (by `config_file` or `TEMPORAL_CONFIG_FILE`)
/// must exist. Only a missing default file means "no file". The text is
/// checked for TOML syntax here, so errors can locate without quoting.
fn read_source(opts: &LoadOptions, env: Option<&HashMap<String, String>>) -> Result<Source> {
    let (file, named) = if let Some(data) = &opts.config_data {
        let source = Source {
            text: Some(data.clone()),
            file: None,
        };
        toml_errors::check_syntax(source.origin())?;
        return Ok(source);
    } else if let Some(path) = &opts.config_file {
        (Some(path.clone()), Some("config_file"))
    } else if let Some(path) = env_config_file(env) {
        (Some(path), Some("TEMPORAL_CONFIG_FILE"))
    } else {
        (default_config_file(), None)
    };
    let Some(file) = file else {
        return Ok(Source {
            text: None,
            file: None,
        });
    };
    let text = match crate::files::read_config_file(&file) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            Error::new(
                ErrorCode::ConfigError,
                format!("the configuration file {file:?} is not valid UTF-8"),
            )
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match named {
            None => {
                return Ok(Source {
                    text: None,
                    file: None,
                })
            }
            Some(by) => {
                return Err(Error::new(
                    ErrorCode::ConfigError,
                    format!("the configuration file {file:?} (named by {by}) does not exist"),
                )
                .with("path", file))
            }
        },
        Err(e) => {
            return Err(Error::new(
                ErrorCode::ConfigError,
                format!("cannot read the configuration file {file:?}: {e}"),
            )
            .with("path", file))
        }
    };
    let source = Source {
        text: Some(text),
        file: Some(file),
    };
    toml_errors::check_syntax(source.origin())?;
    Ok(source)
}

fn env_config_file(env: Option<&HashMap<String, String>>) -> Option<String> {
    match env {
        Some(map) => map.get("TEMPORAL_CONFIG_FILE").cloned(),
        None => std::env::var("TEMPORAL_CONFIG_FILE").ok(),
    }
    .filter(|p| !p.is_empty())
}

/// `<config dir>/temporalio/temporal.toml`, as the official loader computes it.
fn default_config_file() -> Option<String> {
    dirs::config_dir().map(|d| {
        d.join("temporalio")
            .join("temporal.toml")
            .to_string_lossy()
            .into_owned()
    })
}

fn env_map(opts: &LoadOptions) -> Option<HashMap<String, String>> {
    opts.env
        .as_ref()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
}

/// Loads one profile (file, then environment).
pub fn load_profile(opts: &LoadOptions) -> Result<ClientConfigProfile> {
    let env = env_map(opts);
    let source = if opts.disable_file {
        Source {
            text: None,
            file: None,
        }
    } else {
        read_source(opts, env.as_ref())?
    };
    let options = LoadClientConfigProfileOptions::builder()
        .config_source(source.data_source())
        .maybe_config_file_profile(opts.profile.clone())
        .config_file_strict(opts.strict)
        .disable_file(opts.disable_file)
        .disable_env(opts.disable_env)
        .build();
    temporalio_common::envconfig::load_client_config_profile(options, env.as_ref())
        .map_err(|e| toml_errors::from_config_error(e, source.origin()))
}

/// Serves `tc_envconfig_load`.
pub fn load(request: &EnvConfigRequest) -> Result<Value> {
    if !request.all_profiles {
        return Ok(profile_to_json(&load_profile(&request.load)?));
    }
    let env = env_map(&request.load);
    let source = read_source(&request.load, env.as_ref())?;
    let options = LoadClientConfigOptions::builder()
        .config_source(source.data_source())
        .config_file_strict(request.load.strict)
        .build();
    let config = load_client_config(options, env.as_ref())
        .map_err(|e| toml_errors::from_config_error(e, source.origin()))?;
    let mut names: Vec<&String> = config.profiles.keys().collect();
    names.sort();
    let profiles: Map<String, Value> = names
        .into_iter()
        .map(|n| (n.clone(), profile_to_json(&config.profiles[n])))
        .collect();
    Ok(json!({ "profiles": profiles }))
}

/// A profile in the connect options' shape; absent keys are omitted.
pub fn profile_to_json(profile: &ClientConfigProfile) -> Value {
    let mut out = Map::new();
    let mut put = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            out.insert(k.to_owned(), v);
        }
    };
    put("address", profile.address.clone().map(Value::from));
    put("namespace", profile.namespace.clone().map(Value::from));
    put("api_key", profile.api_key.clone().map(Value::from));
    put("tls", profile.tls.as_ref().map(tls_to_json));
    if !profile.grpc_meta.is_empty() {
        let mut keys: Vec<&String> = profile.grpc_meta.keys().collect();
        keys.sort();
        let headers: Map<String, Value> = keys
            .into_iter()
            .map(|k| (k.clone(), profile.grpc_meta[k].clone().into()))
            .collect();
        put("headers", Some(Value::Object(headers)));
    }
    Value::Object(out)
}

fn tls_to_json(tls: &ClientConfigTLS) -> Value {
    if tls.disabled == Some(true) {
        return Value::Bool(false);
    }
    let mut cfg = TlsConfig {
        server_name: tls.server_name.clone(),
        disable_host_verification: tls.disable_host_verification,
        ..Default::default()
    };
    split_source(
        &tls.server_ca_cert,
        &mut cfg.server_ca_cert,
        &mut cfg.server_ca_cert_path,
    );
    split_source(
        &tls.client_cert,
        &mut cfg.client_cert,
        &mut cfg.client_cert_path,
    );
    split_source(
        &tls.client_key,
        &mut cfg.client_key,
        &mut cfg.client_key_path,
    );
    if cfg == TlsConfig::default() {
        Value::Bool(true)
    } else {
        serde_json::to_value(cfg).unwrap_or(Value::Bool(true))
    }
}

fn split_source(src: &Option<DataSource>, data: &mut Option<String>, path: &mut Option<String>) {
    match src {
        Some(DataSource::Path(p)) => *path = Some(p.clone()),
        Some(DataSource::Data(d)) => *data = Some(String::from_utf8_lossy(d).into_owned()),
        _ => {}
    }
}

/// Resolves connect options into one profile: the loaded profile (if
/// `load` is set) overridden by the explicit keys.
pub fn resolve(options: &ConnectOptions) -> Result<ClientConfigProfile> {
    let mut profile = match &options.load {
        None | Some(LoadSetting::Enabled(false)) => ClientConfigProfile::default(),
        Some(LoadSetting::Enabled(true)) => load_profile(&LoadOptions::default())?,
        Some(LoadSetting::Config(o)) => load_profile(o)?,
    };
    if let Some(a) = &options.address {
        profile.address = Some(a.clone());
    }
    if let Some(n) = &options.namespace {
        profile.namespace = Some(n.clone());
    }
    if let Some(k) = &options.api_key {
        profile.api_key = Some(k.clone());
    }
    if let Some(headers) = &options.headers {
        for (k, v) in headers {
            profile.grpc_meta.insert(k.to_ascii_lowercase(), v.clone());
        }
    }
    match &options.tls {
        None => {}
        Some(TlsSetting::Enabled(on)) => {
            let mut tls = profile.tls.take().unwrap_or_default();
            tls.disabled = Some(!on);
            profile.tls = Some(tls);
        }
        Some(TlsSetting::Config(cfg)) => profile.tls = Some(tls_from_config(cfg)?),
    }
    Ok(profile)
}

fn tls_from_config(cfg: &TlsConfig) -> Result<ClientConfigTLS> {
    let pick = |data: &Option<String>, path: &Option<String>, name: &str| match (data, path) {
        (Some(_), Some(_)) => Err(Error::invalid(format!(
            "tls: set either `{name}` or `{name}_path`, not both"
        ))),
        (Some(d), None) => Ok(Some(DataSource::Data(d.clone().into_bytes()))),
        (None, Some(p)) => Ok(Some(DataSource::Path(p.clone()))),
        (None, None) => Ok(None),
    };
    let mut tls = ClientConfigTLS::default();
    tls.disabled = Some(false);
    tls.server_ca_cert = pick(
        &cfg.server_ca_cert,
        &cfg.server_ca_cert_path,
        "server_ca_cert",
    )?;
    tls.client_cert = pick(&cfg.client_cert, &cfg.client_cert_path, "client_cert")?;
    tls.client_key = pick(&cfg.client_key, &cfg.client_key_path, "client_key")?;
    tls.server_name = cfg.server_name.clone();
    tls.disable_host_verification = cfg.disable_host_verification;
    Ok(tls)
}
