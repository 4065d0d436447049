//! The certificates of a TLS `FakeExchange`: a CA generated at start, the server
//! certificate, client certificates issued on request, and the acceptor that asks for an
//! optional client certificate signed by that CA.

use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, SanType,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::TlsAcceptor;

use crate::Error;

/// The OID of the PKCS#9 `emailAddress` attribute.
const EMAIL_ADDRESS: [u64; 7] = [1, 2, 840, 113_549, 1, 9, 1];

fn tls_error(e: impl std::fmt::Display) -> Error {
    Error::Tls(e.to_string())
}

/// The CA (with its key, to issue client certificates) and the server's certificate.
pub(crate) struct Pki {
    ca: CertifiedIssuer<'static, KeyPair>,
    pub(crate) ca_der: Vec<u8>,
    pub(crate) ca_pem: String,
    chain: Vec<CertificateDer<'static>>,
    key: Vec<u8>,
}

impl std::fmt::Debug for Pki {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pki").finish_non_exhaustive()
    }
}

impl Pki {
    /// A new CA and a server certificate for `localhost` and `127.0.0.1`.
    pub(crate) fn generate() -> Result<Self, Error> {
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(tls_error)?;
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(DnType::CommonName, "FakeExchange test CA");
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().map_err(tls_error)?)
            .map_err(tls_error)?;
        let key = KeyPair::generate().map_err(tls_error)?;
        let server = CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
            .map_err(tls_error)?
            .signed_by(&key, &ca)
            .map_err(tls_error)?;
        Ok(Self {
            ca_der: ca.der().to_vec(),
            ca_pem: ca.pem(),
            ca,
            chain: vec![server.der().clone()],
            key: key.serialize_der(),
        })
    }

    /// The TLS acceptor: the server certificate, and an optional client certificate that
    /// must chain to the CA (a certificate from elsewhere fails the handshake).
    pub(crate) fn acceptor(&self) -> Result<TlsAcceptor, Error> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(CertificateDer::from(self.ca_der.clone()))
            .map_err(tls_error)?;
        let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
            Arc::new(roots),
            provider.clone(),
        )
        .allow_unauthenticated()
        .build()
        .map_err(tls_error)?;
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(tls_error)?
            .with_client_cert_verifier(verifier)
            .with_single_cert(
                self.chain.clone(),
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(self.key.clone())),
            )
            .map_err(tls_error)?;
        Ok(TlsAcceptor::from(Arc::new(config)))
    }

    /// A client certificate for `email` (common name, e-mail attribute, `rfc822Name`),
    /// for client authentication only: `(certificate PEM, PKCS#8 key PEM)`.
    pub(crate) fn issue_client_certificate(&self, email: &str) -> Result<(String, String), Error> {
        let mut params = CertificateParams::new(Vec::<String>::new()).map_err(tls_error)?;
        params.distinguished_name.push(DnType::CommonName, email);
        params
            .distinguished_name
            .push(DnType::CustomDnType(EMAIL_ADDRESS.to_vec()), email);
        params.subject_alt_names = vec![SanType::Rfc822Name(email.try_into().map_err(tls_error)?)];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        let key = KeyPair::generate().map_err(tls_error)?;
        let cert = params.signed_by(&key, &self.ca).map_err(tls_error)?;
        Ok((cert.pem(), key.serialize_pem()))
    }
}

/// The e-mail addresses a certificate names: its `rfc822Name` alternative names, then its
/// subject's e-mail attributes. A certificate that does not parse names none.
pub(crate) fn email_addresses(der: &CertificateDer<'_>) -> Vec<String> {
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(der.as_ref()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for name in &san.value.general_names {
            if let x509_parser::extensions::GeneralName::RFC822Name(email) = name {
                out.push((*email).to_owned());
            }
        }
    }
    for attr in cert.subject().iter_email() {
        if let Ok(email) = attr.as_str() {
            out.push(email.to_owned());
        }
    }
    out
}
