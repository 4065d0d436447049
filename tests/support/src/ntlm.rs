//! A server-side NTLM acceptor for tests: it builds CHALLENGE messages and verifies
//! AUTHENTICATE messages cryptographically (NTLMv2, [MS-NLMP] 3.3.2), so a test server can
//! tell a right password from a wrong one.
//!
//! The acceptor is sans-IO: the server decodes the `Authorization: NTLM <base64>` value,
//! hands the bytes in, and sends what comes out.
//!
//! ```
//! use ews_test_support::ntlm::{Acceptor, ntowf_v2};
//!
//! let acceptor = Acceptor::new("EXAMPLE", "MAIL");
//! // The client's NEGOTIATE_MESSAGE (signature, type 1, flags: Unicode, NTLM).
//! let mut negotiate = b"NTLMSSP\0".to_vec();
//! negotiate.extend_from_slice(&1u32.to_le_bytes());
//! negotiate.extend_from_slice(&0x0000_0201u32.to_le_bytes());
//! let challenge = acceptor.challenge(&negotiate)?;
//! assert_eq!(&challenge.message()[..8], b"NTLMSSP\0");
//! // … send it in `WWW-Authenticate: NTLM <base64>`, then verify the AUTHENTICATE message:
//! // challenge.verify(&authenticate, |domain, user| Some("password".to_owned()))
//! # let _ = ntowf_v2("password", "user", "EXAMPLE");
//! # Ok::<(), ews_test_support::ntlm::Error>(())
//! ```
//!
//! # What it checks, and what it does not
//! - The NTLMv2 response: NTProofStr = HMAC-MD5(NTOWFv2, server challenge ‖ blob), with
//!   NTOWFv2 = HMAC-MD5(MD4(UTF-16LE(password)), UTF-16LE(UPPERCASE(user) ‖ domain)) computed
//!   over the user and domain exactly as the client sent them. The comparison is constant
//!   time.
//! - Every length and offset of the messages: a short buffer, a field outside the message
//!   or a malformed blob is an [`Error`], never a panic.
//! - Not checked: NTLMv1 and LM-only responses are refused, not verified; the MIC, the
//!   session key and the blob's timestamp are not checked; channel bindings are reported
//!   ([`Authenticated::channel_bindings`]) for the caller to compare. A [`Challenge`] is
//!   consumed by [`Challenge::verify`], so a server challenge serves one attempt.

use std::time::{SystemTime, UNIX_EPOCH};

use hmac::{Hmac, Mac as _};
use md4::{Digest as _, Md4};
use md5::Md5;

mod wire;

pub use wire::AuthenticateMessage;

/// `NTLMSSP\0`, the first eight bytes of every message.
pub const SIGNATURE: &[u8; 8] = b"NTLMSSP\0";

/// Negotiate flags ([MS-NLMP] 2.2.2.5) the acceptor reads or sets.
pub mod flags {
    /// Strings are UTF-16LE.
    pub const UNICODE: u32 = 0x0000_0001;
    /// Strings are in the OEM code page.
    pub const OEM: u32 = 0x0000_0002;
    /// The server's target name is requested / supplied.
    pub const REQUEST_TARGET: u32 = 0x0000_0004;
    /// NTLM authentication.
    pub const NTLM: u32 = 0x0000_0200;
    /// A dummy signature on every message.
    pub const ALWAYS_SIGN: u32 = 0x0000_8000;
    /// The target name is a domain.
    pub const TARGET_TYPE_DOMAIN: u32 = 0x0001_0000;
    /// NTLMv2 session security.
    pub const EXTENDED_SESSION_SECURITY: u32 = 0x0008_0000;
    /// The CHALLENGE message carries target information (AV pairs).
    pub const TARGET_INFO: u32 = 0x0080_0000;
    /// The message carries a version structure.
    pub const VERSION: u32 = 0x0200_0000;
    /// 128-bit session keys.
    pub const N128: u32 = 0x2000_0000;
    /// 56-bit session keys.
    pub const N56: u32 = 0x8000_0000;
}

/// AV pair identifiers ([MS-NLMP] 2.2.2.1) of the target information.
pub mod av {
    /// The end of the list.
    pub const EOL: u16 = 0;
    /// The server's NetBIOS computer name.
    pub const NB_COMPUTER_NAME: u16 = 1;
    /// The server's NetBIOS domain name.
    pub const NB_DOMAIN_NAME: u16 = 2;
    /// The server's DNS computer name.
    pub const DNS_COMPUTER_NAME: u16 = 3;
    /// The server's DNS domain name.
    pub const DNS_DOMAIN_NAME: u16 = 4;
    /// The server's time (FILETIME).
    pub const TIMESTAMP: u16 = 7;
    /// The client's channel bindings hash (MD5 of `gss_channel_bindings_struct`).
    pub const CHANNEL_BINDINGS: u16 = 10;
}

/// Why a message was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The message is shorter than its fixed header.
    #[error("the message is {len} bytes long, shorter than the {needed} bytes of its header")]
    Truncated {
        /// The bytes the header needs.
        needed: usize,
        /// The bytes received.
        len: usize,
    },
    /// The message does not start with `NTLMSSP\0`.
    #[error("the message does not start with the NTLMSSP signature")]
    Signature,
    /// The message is of another type.
    #[error("message type {found} where type {expected} was expected")]
    MessageType {
        /// The type wanted (1: NEGOTIATE, 3: AUTHENTICATE).
        expected: u32,
        /// The type received.
        found: u32,
    },
    /// A security buffer points outside the message.
    #[error("the {field} field ({len} bytes at offset {offset}) lies outside the message")]
    OutOfRange {
        /// The field's name.
        field: &'static str,
        /// Its declared length.
        len: usize,
        /// Its declared offset.
        offset: usize,
    },
    /// A name is not valid UTF-16LE.
    #[error("the {field} field is not valid UTF-16")]
    BadString {
        /// The field's name.
        field: &'static str,
    },
    /// No NT response and no user: an anonymous logon, which the acceptor refuses.
    #[error("anonymous authentication is refused")]
    Anonymous,
    /// The NT response is not an NTLMv2 response (NTLMv1, LM only or too short).
    #[error("the NT response ({len} bytes) is not an NTLMv2 response")]
    NotNtlmV2 {
        /// Its length.
        len: usize,
    },
    /// The NTLMv2 blob has a wrong version or malformed AV pairs.
    #[error("the NTLMv2 blob is malformed: {0}")]
    Blob(&'static str),
    /// The password lookup knows no such user.
    #[error("unknown user {domain}\\{user}")]
    UnknownUser {
        /// The domain as sent.
        domain: String,
        /// The user as sent.
        user: String,
    },
    /// The NTLMv2 response does not match the password.
    #[error("wrong password for {domain}\\{user}")]
    WrongPassword {
        /// The domain as sent.
        domain: String,
        /// The user as sent.
        user: String,
    },
    /// The operating system's random source failed.
    #[error("the random source failed")]
    Random,
}

/// Builds CHALLENGE messages for one server identity.
#[derive(Debug, Clone)]
pub struct Acceptor {
    domain: String,
    computer: String,
    dns_domain: String,
    dns_computer: String,
}

impl Acceptor {
    /// An acceptor for NetBIOS domain `domain` (e.g. `EXAMPLE`) and computer `computer`
    /// (e.g. `MAIL`); the DNS names default to `example.test` and `mail.example.test`
    /// (lower case, `.test`).
    pub fn new(domain: &str, computer: &str) -> Self {
        let dns_domain = format!("{}.test", domain.to_lowercase());
        let dns_computer = format!("{}.{dns_domain}", computer.to_lowercase());
        Self {
            domain: domain.to_owned(),
            computer: computer.to_owned(),
            dns_domain,
            dns_computer,
        }
    }

    /// Replaces the DNS domain and computer names of the target information.
    #[must_use]
    pub fn with_dns_names(mut self, dns_domain: &str, dns_computer: &str) -> Self {
        dns_domain.clone_into(&mut self.dns_domain);
        dns_computer.clone_into(&mut self.dns_computer);
        self
    }

    /// The NetBIOS domain name (the target name of the challenges).
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// Answers a NEGOTIATE message with a CHALLENGE carrying a random server challenge and
    /// the current time.
    pub fn challenge(&self, negotiate: &[u8]) -> Result<Challenge, Error> {
        let mut server_challenge = [0u8; 8];
        getrandom::fill(&mut server_challenge).map_err(|_| Error::Random)?;
        self.challenge_with(negotiate, server_challenge, filetime(SystemTime::now()))
    }

    /// Answers a NEGOTIATE message with a CHALLENGE carrying the given server challenge and
    /// timestamp (100-ns intervals since 1601), for reproducible tests.
    pub fn challenge_with(
        &self,
        negotiate: &[u8],
        server_challenge: [u8; 8],
        timestamp: u64,
    ) -> Result<Challenge, Error> {
        let requested = wire::negotiate_flags(negotiate)?;
        let message = wire::challenge_message(self, requested, server_challenge, timestamp);
        Ok(Challenge {
            server_challenge,
            message,
        })
    }
}

/// A CHALLENGE message sent, waiting for its AUTHENTICATE message.
#[derive(Debug, Clone)]
pub struct Challenge {
    server_challenge: [u8; 8],
    message: Vec<u8>,
}

impl Challenge {
    /// The CHALLENGE_MESSAGE bytes (base64 them into `WWW-Authenticate: NTLM …`).
    pub fn message(&self) -> &[u8] {
        &self.message
    }

    /// The eight-byte server challenge.
    pub fn server_challenge(&self) -> [u8; 8] {
        self.server_challenge
    }

    /// Verifies an AUTHENTICATE message against this challenge. `password_of(domain, user)`
    /// gives the password of the user the client named, or `None` for an unknown user.
    ///
    /// The three forms of user name arrive as follows: `user` as `("", "user")`,
    /// `DOMAIN\user` as `("DOMAIN", "user")` (a client that leaves the domain empty and
    /// puts `DOMAIN\user` in the user field is split the same way), and the UPN
    /// `user@dns.domain` as `("", "user@dns.domain")`. The hash itself always uses the
    /// fields as sent.
    pub fn verify<F>(self, authenticate: &[u8], password_of: F) -> Result<Authenticated, Error>
    where
        F: FnOnce(&str, &str) -> Option<String>,
    {
        let msg = AuthenticateMessage::parse(authenticate)?;
        if msg.nt_response.is_empty() && msg.user.is_empty() {
            return Err(Error::Anonymous);
        }
        let blob = wire::NtlmV2Blob::parse(&msg.nt_response)?;
        let (lookup_domain, lookup_user) = match msg.user.split_once('\\') {
            Some((d, u)) if msg.domain.is_empty() => (d, u),
            _ => (msg.domain.as_str(), msg.user.as_str()),
        };
        let unknown = || Error::UnknownUser {
            domain: msg.domain.clone(),
            user: msg.user.clone(),
        };
        let password = password_of(lookup_domain, lookup_user).ok_or_else(unknown)?;
        let key = ntowf_v2(&password, &msg.user, &msg.domain);
        let mut mac = hmac_md5(&key);
        mac.update(&self.server_challenge);
        mac.update(blob.bytes);
        if mac.verify_slice(blob.proof).is_err() {
            return Err(Error::WrongPassword {
                domain: msg.domain,
                user: msg.user,
            });
        }
        Ok(Authenticated {
            domain: msg.domain,
            user: msg.user,
            workstation: msg.workstation,
            channel_bindings: blob.channel_bindings,
            timestamp: blob.timestamp,
        })
    }
}

/// Who authenticated, from a verified AUTHENTICATE message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Authenticated {
    /// The domain as the client sent it (empty for the `user` and UPN forms).
    pub domain: String,
    /// The user as the client sent it.
    pub user: String,
    /// The client's workstation name (often empty).
    pub workstation: String,
    /// The `MsvAvChannelBindings` value of the client's blob, if any (an all-zero value
    /// means "no bindings").
    pub channel_bindings: Option<[u8; 16]>,
    /// The blob's timestamp (100-ns intervals since 1601).
    pub timestamp: u64,
}

/// UTF-16LE bytes of `s`.
pub fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// The NT hash: MD4 of the UTF-16LE password.
pub fn nt_hash(password: &str) -> [u8; 16] {
    Md4::digest(utf16le(password)).into()
}

/// NTOWFv2 ([MS-NLMP] 3.3.2): HMAC-MD5 keyed with the NT hash over UTF-16LE of the
/// upper-cased user followed by the domain (not upper-cased).
pub fn ntowf_v2(password: &str, user: &str, domain: &str) -> [u8; 16] {
    let mut mac = hmac_md5(&nt_hash(password));
    mac.update(&utf16le(&user.to_uppercase()));
    mac.update(&utf16le(domain));
    mac.finalize().into_bytes().into()
}

/// NTProofStr: HMAC-MD5 keyed with NTOWFv2 over the server challenge and the client's
/// blob (the NT response after its first 16 bytes).
pub fn nt_proof_str(ntowf_v2: &[u8; 16], server_challenge: &[u8; 8], blob: &[u8]) -> [u8; 16] {
    let mut mac = hmac_md5(ntowf_v2);
    mac.update(server_challenge);
    mac.update(blob);
    mac.finalize().into_bytes().into()
}

/// HMAC-MD5 with a 16-byte key. HMAC pads short keys with zeros to the block size, so the
/// key is padded here and the fixed-size (infallible) constructor is used.
fn hmac_md5(key: &[u8; 16]) -> Hmac<Md5> {
    let mut block = [0u8; 64];
    block[..16].copy_from_slice(key);
    <Hmac<Md5> as hmac::digest::KeyInit>::new(&block.into())
}

/// 100-nanosecond intervals since 1601-01-01.
pub fn filetime(t: SystemTime) -> u64 {
    const FILETIME_UNIX_OFFSET: u64 = 11_644_473_600;
    let since_unix = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    (since_unix.as_secs() + FILETIME_UNIX_OFFSET)
        .saturating_mul(10_000_000)
        .saturating_add(u64::from(since_unix.subsec_nanos() / 100))
}

#[cfg(test)]
mod tests;
