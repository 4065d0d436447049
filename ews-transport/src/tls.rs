//! TLS with rustls and the ring provider: trust roots (webpki, the system's, extra roots for
//! all hosts or per host), client certificates, and the opt-in no-verify mode.

use std::collections::HashMap;
use std::sync::Arc;

use ews_auth::{ClientCertificate, PrivateKeyKind};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{
    CertificateDer, PrivateKeyDer, PrivatePkcs1KeyDer, PrivatePkcs8KeyDer, PrivateSec1KeyDer,
    ServerName, UnixTime,
};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};

use crate::error::ConfigError;

/// Which built-in trust roots to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Roots {
    /// Mozilla's roots compiled in (`webpki-roots`). The default.
    Webpki,
    /// The operating system's store (`rustls-native-certs`).
    Native,
    /// Both.
    Both,
    /// None: only the extra roots added to the builder.
    None,
}

/// The TLS part of the configuration.
#[derive(Clone, Debug)]
pub(crate) struct TlsSettings {
    pub(crate) roots: Roots,
    pub(crate) extra_roots: Vec<Vec<u8>>,
    pub(crate) host_roots: HashMap<String, Vec<Vec<u8>>>,
    pub(crate) client_cert: Option<ClientCertificate>,
    pub(crate) no_verify: bool,
}

impl Default for TlsSettings {
    fn default() -> Self {
        Self {
            roots: Roots::Webpki,
            extra_roots: Vec::new(),
            host_roots: HashMap::new(),
            client_cert: None,
            no_verify: false,
        }
    }
}

/// Builds the rustls `ClientConfig` of each host (hosts differ only in extra roots); the
/// connectors made from them are kept by the dialer.
#[derive(Debug)]
pub(crate) struct TlsConfigs {
    settings: TlsSettings,
    base: RootCertStore,
}

impl TlsConfigs {
    pub(crate) fn new(settings: TlsSettings) -> Result<Self, ConfigError> {
        let mut base = RootCertStore::empty();
        if matches!(settings.roots, Roots::Webpki | Roots::Both) {
            base.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        if matches!(settings.roots, Roots::Native | Roots::Both) {
            let found = rustls_native_certs::load_native_certs();
            for e in &found.errors {
                tracing::debug!(error = %e, "skipping a system root store entry");
            }
            let (_added, _ignored) = base.add_parsable_certificates(found.certs);
        }
        add_roots(&mut base, &settings.extra_roots, None)?;
        for (host, roots) in &settings.host_roots {
            add_roots(&mut RootCertStore::empty(), roots, Some(host))?;
        }
        if settings.no_verify {
            tracing::warn!(
                "TLS certificate verification is DISABLED (dangerous): any server can \
                 impersonate the Exchange server and read the credentials"
            );
        }
        let configs = Self { settings, base };
        // Fail early on a bad client certificate.
        configs.for_host("")?;
        Ok(configs)
    }

    /// The config for `host` (lower case). It offers no ALPN protocol: the connector speaks
    /// HTTP/1.1 only, which is what a server assumes without ALPN.
    pub(crate) fn for_host(&self, host: &str) -> Result<ClientConfig, ConfigError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| ConfigError::TlsVersions(Box::new(e)))?;
        let builder = if self.settings.no_verify {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(NoVerify(provider)))
        } else {
            let mut roots = self.base.clone();
            if let Some(extra) = self.settings.host_roots.get(host) {
                add_roots(&mut roots, extra, Some(host))?;
            }
            builder.with_root_certificates(roots)
        };
        match &self.settings.client_cert {
            Some(cert) => builder
                .with_client_auth_cert(chain(cert), key(cert))
                .map_err(|e| ConfigError::ClientCertificate(Box::new(e))),
            None => Ok(builder.with_no_client_auth()),
        }
    }
}

fn add_roots(
    store: &mut RootCertStore,
    roots: &[Vec<u8>],
    host: Option<&str>,
) -> Result<(), ConfigError> {
    for der in roots {
        store
            .add(CertificateDer::from(der.clone()))
            .map_err(|e| ConfigError::RootCertificate {
                host: host.map(str::to_owned),
                source: Box::new(e),
            })?;
    }
    Ok(())
}

fn chain(cert: &ClientCertificate) -> Vec<CertificateDer<'static>> {
    cert.chain()
        .iter()
        .map(|c| CertificateDer::from(c.clone()))
        .collect()
}

fn key(cert: &ClientCertificate) -> PrivateKeyDer<'static> {
    let der = cert.private_key().to_vec();
    match cert.private_key_kind() {
        PrivateKeyKind::Pkcs1 => PrivateKeyDer::Pkcs1(PrivatePkcs1KeyDer::from(der)),
        PrivateKeyKind::Sec1 => PrivateKeyDer::Sec1(PrivateSec1KeyDer::from(der)),
        _ => PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(der)),
    }
}

/// The `tls-server-end-point` channel binding (RFC 5929 section 4.1): the hash of the
/// server's certificate, SHA-256 unless the certificate is signed with SHA-384 or SHA-512.
pub(crate) fn server_end_point(cert: &[u8]) -> Vec<u8> {
    use sha2::Digest as _;
    // DER OIDs: sha384WithRSAEncryption, ecdsa-with-SHA384; sha512WithRSAEncryption,
    // ecdsa-with-SHA512. The signature algorithm is repeated at the end of the certificate.
    const SHA384: [&[u8]; 2] = [
        &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c],
        &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03],
    ];
    const SHA512: [&[u8]; 2] = [
        &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d],
        &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04],
    ];
    let tail = &cert[cert.len().saturating_sub(600)..];
    let has = |oids: [&[u8]; 2]| oids.iter().any(|o| tail.windows(o.len()).any(|w| w == *o));
    if has(SHA512) {
        sha2::Sha512::digest(cert).to_vec()
    } else if has(SHA384) {
        sha2::Sha384::digest(cert).to_vec()
    } else {
        sha2::Sha256::digest(cert).to_vec()
    }
}

/// Accepts any server certificate (still checks handshake signatures). Only reachable
/// through `TransportBuilder::dangerous()`.
#[derive(Debug)]
struct NoVerify(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
