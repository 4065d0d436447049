//! [`NegotiateError`] and the conversion of GSSAPI status codes to text.

use libgssapi::error::{Error as GssError, MajorFlags};

/// A Negotiate (SPNEGO/Kerberos) failure.
///
/// GSSAPI failures carry the library's own text for the major status (the GSSAPI
/// routine error, e.g. "No credentials were supplied, or the credentials were unavailable
/// or inaccessible") and for the minor status (the mechanism's reason, e.g. "Decrypt
/// integrity check failed" for a wrong password, or "Server not found in Kerberos
/// database" for an unknown SPN), plus both raw codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NegotiateError {
    /// A GSSAPI call failed.
    #[error("{operation} failed: {major}{}", fmt_minor(.minor))]
    Gssapi {
        /// What was being done, e.g. `acquiring Kerberos credentials with a password`.
        operation: &'static str,
        /// The major status text.
        major: String,
        /// The minor (mechanism) status text; empty if GSSAPI has none.
        minor: String,
        /// The raw major status (RFC 2744: calling error << 24 | routine error << 16 |
        /// supplementary bits).
        major_code: u32,
        /// The raw minor status (mechanism specific).
        minor_code: u32,
    },
    /// The host name given for the SPN is empty or holds `/`, `@`, spaces or control
    /// characters.
    #[error("`{0}` is not a host name usable in a service principal name")]
    InvalidHost(String),
    /// The user name cannot be turned into a Kerberos principal (or has a NUL byte).
    #[error("`{0}` cannot be used as a Kerberos principal name")]
    InvalidPrincipal(String),
    /// The server's `Negotiate` token is not base64.
    #[error("server Negotiate token is not base64")]
    Base64,
    /// Mutual authentication is required and the server's final response carried no
    /// `WWW-Authenticate: Negotiate <token>`: the server did not prove its identity.
    #[error("the server sent no final Negotiate token: mutual authentication failed")]
    MutualAuthMissing,
    /// The context completed without the mutual-authentication flag.
    #[error("the security context was established without mutual authentication")]
    MutualAuthNotEstablished,
    /// The server ended the handshake (a success status) while GSSAPI still had a token to
    /// send, or GSSAPI finished without producing the first token.
    #[error("the Negotiate handshake ended early")]
    Incomplete,
    /// A method was called out of the documented order (e.g. a success response while a
    /// token was still waiting to be sent, or after the scheme had failed).
    #[error("Negotiate scheme used out of order")]
    OutOfOrder,
    /// [`crate::SchemeKind::build`] cannot build Negotiate: it needs the server's host name.
    #[error("Negotiate needs the server's host name: use SchemeKind::build_for_host")]
    HostRequired,
}

fn fmt_minor(minor: &str) -> String {
    if minor.is_empty() {
        String::new()
    } else {
        format!(": {minor}")
    }
}

impl NegotiateError {
    /// Converts a libgssapi error, splitting its text into major and minor parts.
    pub(crate) fn gssapi(operation: &'static str, e: GssError) -> Self {
        let (major, minor) = status_texts(e);
        Self::Gssapi {
            operation,
            major,
            minor,
            major_code: e.major.bits(),
            minor_code: e.minor,
        }
    }
}

/// The major and minor status texts of `e`.
///
/// libgssapi formats an error as `MAJOR (MINOR)` without giving the two parts separately
/// (and a major text may itself contain parentheses, such as "… Check (MIC)"). So the
/// error is also formatted with the minor status zeroed (sharing the major text) and with
/// the major status zeroed (sharing the minor text); the split lies where the first
/// shared prefix ends and the second shared suffix begins.
pub(crate) fn status_texts(e: GssError) -> (String, String) {
    let full = e.to_string();
    let no_minor = GssError {
        major: e.major,
        minor: 0,
    }
    .to_string();
    let no_major = GssError {
        major: MajorFlags::empty(),
        minor: e.minor,
    }
    .to_string();
    let prefix = common_prefix(&full, &no_minor);
    let suffix = common_suffix(&full, &no_major);
    let lo = full.len().saturating_sub(suffix).min(prefix);
    let split = (lo..=prefix)
        .find(|&k| full.is_char_boundary(k) && full[k..].starts_with(" ("))
        .unwrap_or(lo);
    let (major, minor) = full.split_at(split);
    let minor = minor.trim();
    let minor = minor
        .strip_prefix('(')
        .and_then(|m| m.strip_suffix(')'))
        .unwrap_or(minor);
    let clean = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || c == '\0')
            .to_owned()
    };
    let minor = if e.minor == 0 {
        String::new()
    } else {
        clean(minor)
    };
    (clean(major), minor)
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y)
        .count()
}
