//! `tls.disable_host_verification`: a server certificate verifier that
//! checks the chain against the configured CA (or the system roots) like
//! the default one, but accepts a certificate issued for another host name.

use crate::error::{Error, ErrorCode, Result};
use rustls::{
    client::{
        danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier},
        WebPkiServerVerifier,
    },
    crypto::ring,
    pki_types::{pem::PemObject, CertificateDer, ServerName, UnixTime},
    CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use std::sync::Arc;

/// Verifies chains and signatures like rustls' WebPKI verifier; only a
/// host name mismatch is forgiven.
#[derive(Debug)]
pub struct AnyHostNameVerifier(Arc<WebPkiServerVerifier>);

impl AnyHostNameVerifier {
    /// A verifier trusting the PEM certificates in `ca_pem`, or the
    /// system's root store when `None`. `config_error` when no usable
    /// certificate is found.
    pub fn new(ca_pem: Option<&[u8]>) -> Result<Self> {
        let mut roots = RootCertStore::empty();
        let certificates: Vec<CertificateDer<'static>> = match ca_pem {
            Some(pem) => CertificateDer::pem_slice_iter(pem)
                .collect::<std::result::Result<_, _>>()
                .map_err(|e| config_error(format!("tls.server_ca_cert is not PEM: {e}")))?,
            None => rustls_native_certs::load_native_certs().certs,
        };
        roots.add_parsable_certificates(certificates);
        let verifier = WebPkiServerVerifier::builder_with_provider(
            Arc::new(roots),
            ring::default_provider().into(),
        )
        .build()
        .map_err(|e| config_error(format!("no usable CA certificate for TLS: {e}")))?;
        Ok(AnyHostNameVerifier(verifier))
    }
}

fn config_error(message: String) -> Error {
    Error::new(ErrorCode::ConfigError, message)
}

impl ServerCertVerifier for AnyHostNameVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        // WebPKI checks the name last, after the chain, so a name error
        // means everything else about the certificate was valid.
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}
