//! Client certificates for certificate-based authentication (CBA), checked here and handed
//! to the transport's TLS stack.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use zeroize::Zeroizing;

use crate::error::{CertificateError, Error};

/// The format of a private key, as its PEM label says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PrivateKeyKind {
    /// `PRIVATE KEY`: PKCS#8.
    Pkcs8,
    /// `RSA PRIVATE KEY`: PKCS#1.
    Pkcs1,
    /// `EC PRIVATE KEY`: SEC1.
    Sec1,
}

/// A client certificate chain and its private key, DER-encoded, for the transport to hand
/// to rustls (`CertificateDer`, `PrivateKeyDer`). The key is wiped when dropped and never
/// printed.
#[derive(Clone)]
pub struct ClientCertificate {
    chain: Vec<Vec<u8>>,
    key: Zeroizing<Vec<u8>>,
    key_kind: PrivateKeyKind,
}

impl ClientCertificate {
    /// Reads the PEM certificate chain (leaf first, one or more `CERTIFICATE` blocks) and
    /// the PEM private key (exactly one unencrypted `PRIVATE KEY`, `RSA PRIVATE KEY` or
    /// `EC PRIVATE KEY` block). Text outside the blocks is ignored. Checks the PEM armor,
    /// the base64 and that each block holds a DER SEQUENCE; it does not check that the key
    /// matches the certificate (the TLS handshake will).
    pub fn from_pem(cert_pem: &[u8], key_pem: &[u8]) -> Result<Self, Error> {
        let mut chain = Vec::new();
        for block in pem_blocks(cert_pem)? {
            if block.label == "CERTIFICATE" {
                chain.push(block.der.to_vec());
            }
        }
        if chain.is_empty() {
            return Err(CertificateError::NoCertificate.into());
        }
        let mut key = None;
        for block in pem_blocks(key_pem)? {
            let kind = match block.label.as_str() {
                "PRIVATE KEY" => PrivateKeyKind::Pkcs8,
                "RSA PRIVATE KEY" => PrivateKeyKind::Pkcs1,
                "EC PRIVATE KEY" => PrivateKeyKind::Sec1,
                "ENCRYPTED PRIVATE KEY" => return Err(CertificateError::EncryptedPrivateKey.into()),
                _ => continue,
            };
            if key.is_some() {
                return Err(CertificateError::SeveralPrivateKeys.into());
            }
            key = Some((block.der, kind));
        }
        let (key, key_kind) = key.ok_or(CertificateError::NoPrivateKey)?;
        Ok(Self {
            chain,
            key,
            key_kind,
        })
    }

    /// The DER certificates, leaf first.
    pub fn chain(&self) -> &[Vec<u8>] {
        &self.chain
    }

    /// The DER private key.
    pub fn private_key(&self) -> &[u8] {
        &self.key
    }

    /// The private key's format.
    pub fn private_key_kind(&self) -> PrivateKeyKind {
        self.key_kind
    }
}

impl fmt::Debug for ClientCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCertificate")
            .field("chain_len", &self.chain.len())
            .field("key_kind", &self.key_kind)
            .field("key", &"***")
            .finish()
    }
}

struct Block {
    label: String,
    der: Zeroizing<Vec<u8>>,
}

/// Splits PEM text into its blocks (RFC 7468, lax: any whitespace inside the base64).
fn pem_blocks(pem: &[u8]) -> Result<Vec<Block>, CertificateError> {
    const BEGIN: &[u8] = b"-----BEGIN ";
    const END: &[u8] = b"-----END ";
    let mut blocks = Vec::new();
    let mut open: Option<(String, Zeroizing<Vec<u8>>)> = None;
    for raw in pem.split(|&b| b == b'\n') {
        let line = raw.trim_ascii();
        if let Some(rest) = line.strip_prefix(BEGIN) {
            let label = rest.strip_suffix(b"-----").ok_or(CertificateError::Armor)?;
            if open.is_some() {
                return Err(CertificateError::Armor);
            }
            let label = String::from_utf8(label.to_vec()).map_err(|_| CertificateError::Armor)?;
            open = Some((label, Zeroizing::new(Vec::new())));
        } else if let Some(rest) = line.strip_prefix(END) {
            let label = rest.strip_suffix(b"-----").ok_or(CertificateError::Armor)?;
            let Some((open_label, body)) = open.take() else {
                return Err(CertificateError::Armor);
            };
            if label != open_label.as_bytes() {
                return Err(CertificateError::Armor);
            }
            let der = STANDARD
                .decode(body.as_slice())
                .map(Zeroizing::new)
                .map_err(|_| CertificateError::Base64(open_label.clone()))?;
            if der.first() != Some(&0x30) {
                return Err(CertificateError::NotDer(open_label));
            }
            blocks.push(Block {
                label: open_label,
                der,
            });
        } else if let Some((_, body)) = &mut open {
            body.extend(line.iter().filter(|b| !b.is_ascii_whitespace()));
        }
    }
    if open.is_some() {
        return Err(CertificateError::Armor);
    }
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pem(label: &str, der: &[u8]) -> String {
        let b64 = STANDARD.encode(der);
        let lines: Vec<&str> = b64
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        format!(
            "-----BEGIN {label}-----\r\n{}\r\n-----END {label}-----\r\n",
            lines.join("\r\n")
        )
    }

    #[test]
    fn reads_chain_and_key() {
        let leaf = [0x30, 0x03, 0x02, 0x01, 0x01];
        let ca = vec![0x30; 100];
        let certs = format!(
            "subject=CN=alice\n{}{}",
            pem("CERTIFICATE", &leaf),
            pem("CERTIFICATE", &ca)
        );
        let key = pem("PRIVATE KEY", &[0x30, 0x01, 0x00]);
        let c = ClientCertificate::from_pem(certs.as_bytes(), key.as_bytes()).unwrap();
        assert_eq!(c.chain(), &[leaf.to_vec(), ca]);
        assert_eq!(c.private_key(), &[0x30, 0x01, 0x00]);
        assert_eq!(c.private_key_kind(), PrivateKeyKind::Pkcs8);
        let s = format!("{c:?}");
        assert!(s.contains("***") && !s.contains("48"), "{s}");
        let rsa = pem("RSA PRIVATE KEY", &[0x30, 0x00]);
        let c = ClientCertificate::from_pem(certs.as_bytes(), rsa.as_bytes()).unwrap();
        assert_eq!(c.private_key_kind(), PrivateKeyKind::Pkcs1);
    }

    #[test]
    fn rejects_bad_pem() {
        let cert = pem("CERTIFICATE", &[0x30, 0x00]);
        let key = pem("EC PRIVATE KEY", &[0x30, 0x00]);
        let cases: [(&str, &str, CertificateError); 8] = [
            ("", &key, CertificateError::NoCertificate),
            (&cert, "", CertificateError::NoPrivateKey),
            (
                &cert,
                &pem("ENCRYPTED PRIVATE KEY", &[0x30]),
                CertificateError::EncryptedPrivateKey,
            ),
            (
                &cert,
                &format!("{key}{key}"),
                CertificateError::SeveralPrivateKeys,
            ),
            (
                "-----BEGIN CERTIFICATE-----\nMAA=\n",
                &key,
                CertificateError::Armor,
            ),
            (
                "-----BEGIN CERTIFICATE-----\nMAA=\n-----END X-----\n",
                &key,
                CertificateError::Armor,
            ),
            (
                "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n",
                &key,
                CertificateError::Base64("CERTIFICATE".into()),
            ),
            (
                &pem("CERTIFICATE", &[0x04, 0x00]),
                &key,
                CertificateError::NotDer("CERTIFICATE".into()),
            ),
        ];
        for (c, k, e) in cases {
            match ClientCertificate::from_pem(c.as_bytes(), k.as_bytes()) {
                Err(Error::Certificate(got)) => assert_eq!(got, e, "{c:?} {k:?}"),
                other => panic!("{c:?} {k:?}: {other:?}"),
            }
        }
    }
}
