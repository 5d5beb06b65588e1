//! Checks of connect options that can be made without the server, so that
//! bad input is reported synchronously with the right code: header names
//! and values (`invalid_argument`), TLS certificates and keys
//! (`config_error`). Also registers the resolved profile's secrets.
//!
//! No error built here quotes a header value, a key or a certificate.

use crate::error::{Error, ErrorCode, Result};
use crate::model::connect::ConnectOptions;
use crate::secrets::{self, ClientSecrets};
use rustls::{
    crypto::ring,
    pki_types::{pem::PemObject, CertificateDer, PrivateKeyDer},
    sign::CertifiedKey,
};
use std::collections::{BTreeMap, HashMap};
use temporalio_client::envconfig::{ClientConfigProfile, DataSource};
use temporalio_common::envconfig::ClientConfigTLS;
use tonic::metadata::{AsciiMetadataKey, AsciiMetadataValue};

/// Registers the secrets of `profile` (resolved from `options`) and checks
/// what can be checked locally: the connect `headers` (`invalid_argument`
/// with `key` `headers.<name>`), the loaded profile's headers and the TLS
/// material (`config_error`). File sources of the TLS material are read
/// here, once, and replaced by their content.
pub fn prepare(
    options: &ConnectOptions,
    profile: &mut ClientConfigProfile,
) -> Result<ClientSecrets> {
    #[cfg(feature = "test-hooks")]
    if options.identity.as_deref() == Some("__tc_test_panic__") {
        panic!("forced test panic in connect");
    }
    let mut secrets = ClientSecrets::new(options.secret_headers.iter().flatten());
    secrets.set_api_key(profile.api_key.as_deref());
    secrets.set_headers(&profile.grpc_meta);
    if let Some(auth) = profile.codec.as_ref().and_then(|c| c.auth.as_deref()) {
        secrets.keep(secrets::register(auth));
    }
    if let Some(headers) = &options.headers {
        check_connect_headers(headers)?;
    }
    check_headers(&profile.grpc_meta, |name, what| {
        Error::new(
            ErrorCode::ConfigError,
            format!("the loaded profile's header {name:?} has an invalid {what}"),
        )
        .with("key", "load")
    })?;
    if let Some(tls) = profile.tls.as_mut().filter(|t| t.disabled != Some(true)) {
        check_tls(tls, &mut secrets)?;
    }
    Ok(secrets)
}

fn check_connect_headers(headers: &BTreeMap<String, String>) -> Result<()> {
    let lowered: HashMap<String, String> = headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
        .collect();
    check_headers(&lowered, |name, what| {
        Error::invalid(format!("headers: {name:?} has an invalid {what}"))
            .with("key", format!("headers.{name}"))
    })
}

/// Checks that every name and value is valid ASCII gRPC metadata, the way
/// the official client parses them; `err(name, "name" | "value")` builds
/// the error for the first bad one. Values are never quoted.
pub fn check_headers(
    headers: &HashMap<String, String>,
    err: impl Fn(&str, &str) -> Error,
) -> Result<()> {
    let mut names: Vec<&String> = headers.keys().collect();
    names.sort();
    for name in names {
        if name.parse::<AsciiMetadataKey>().is_err() {
            return Err(err(
                name,
                "name (lowercase ASCII letters, digits, `-`, `_`, `.`; no `-bin` suffix)",
            ));
        }
        if headers[name].parse::<AsciiMetadataValue>().is_err() {
            return Err(err(
                name,
                "value (visible ASCII characters and spaces only)",
            ));
        }
    }
    Ok(())
}

/// What a TLS source is called in errors: `tls.<name>` or `tls.<name>_path`.
fn key_of(name: &str, source: &DataSource) -> String {
    match source {
        DataSource::Path(_) => format!("tls.{name}_path"),
        _ => format!("tls.{name}"),
    }
}

fn tls_error(key: &str, message: String) -> Error {
    Error::new(ErrorCode::ConfigError, message).with("key", key.to_owned())
}

/// Reads a TLS source: its bytes, replacing a path source by its content.
fn read(source: &mut DataSource, key: &str) -> Result<Vec<u8>> {
    let bytes = match source {
        DataSource::Path(p) => crate::files::read_config_file(&*p)
            .map_err(|e| tls_error(key, format!("{key}: cannot read {p:?}: {e}")))?,
        DataSource::Data(d) => d.clone(),
        _ => return Err(tls_error(key, format!("{key}: unsupported source"))),
    };
    *source = DataSource::Data(bytes.clone());
    Ok(bytes)
}

/// The certificates in `pem`; `what` names them in errors.
fn certificates(pem: &[u8], key: &str, what: &str) -> Result<Vec<CertificateDer<'static>>> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(pem)
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| tls_error(key, format!("{key} is not a PEM {what}")))?;
    if certs.is_empty() {
        return Err(tls_error(
            key,
            format!("{key} holds no PEM {what} (`-----BEGIN CERTIFICATE-----`)"),
        ));
    }
    Ok(certs)
}

/// Reads and parses the CA, client certificate and client key; the key's
/// text is registered as a secret before it is parsed.
fn check_tls(tls: &mut ClientConfigTLS, secrets: &mut ClientSecrets) -> Result<()> {
    if let Some(source) = tls.server_ca_cert.as_mut() {
        let key = key_of("server_ca_cert", source);
        certificates(&read(source, &key)?, &key, "CA certificate")?;
    }
    let (cert, private) = match (tls.client_cert.as_mut(), tls.client_key.as_mut()) {
        (Some(cert), Some(private)) => (cert, private),
        (None, None) => return Ok(()),
        _ => {
            return Err(tls_error(
                "tls",
                "tls: client_cert and client_key must be given together".to_owned(),
            ))
        }
    };
    let key_name = key_of("client_key", private);
    let key_pem = read(private, &key_name)?;
    secrets.keep(secrets::register_bytes(&key_pem));
    let cert_name = key_of("client_cert", cert);
    let chain = certificates(&read(cert, &cert_name)?, &cert_name, "client certificate")?;
    let private_key = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|_| {
        tls_error(
            &key_name,
            format!("{key_name} is not a PEM private key (PKCS#1, PKCS#8 or SEC1)"),
        )
    })?;
    CertifiedKey::from_der(chain, private_key, &ring::default_provider()).map_err(|e| {
        tls_error(
            &key_name,
            format!("{key_name} cannot be used with {cert_name}: {e}"),
        )
    })?;
    Ok(())
}
