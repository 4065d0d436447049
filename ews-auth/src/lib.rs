//! Authentication for Exchange Web Services, as sans-IO state machines: credentials,
//! `WWW-Authenticate` parsing, `Authorization` values for Basic, Digest, NTLM and OAuth 2.0
//! bearer tokens, OAuth token requests and responses, client certificates, and choosing a
//! scheme from a server's challenges.
//!
//! # What this crate does not do
//! No I/O: it opens no socket, sends no request and reads no clock (the `challenge` example
//! drives a whole handshake without a network: `cargo run -p ews-auth --example challenge`). The transport
//! (`ews-transport`) sends each request with the header an [`AuthScheme`] gives it, feeds
//! 401 challenges back, sends the [`TokenRequest`]s OAuth schemes ask for, and passes the
//! current [`std::time::Instant`] in. Nor does it do TLS: a [`ClientCertificate`] is only
//! checked and handed over, and NTLM channel binding takes the certificate hash from the
//! transport.
//!
//! # Schemes
//! - [`Basic`] (RFC 7617) and [`Digest`] (RFC 7616: MD5, SHA-256, SHA-512/256, `-sess`,
//!   `qop=auth`, injectable client nonces via [`NonceSource`]).
//! - [`Ntlm`]: NTLMv2 on one connection, with channel binding, without the session key.
//! - [`OAuth2`]: `Bearer` tokens from a [`TokenSource`]: [`OAuthFlow`] (client
//!   credentials, authorization code + refresh token, refresh token, legacy password
//!   grant) against the Microsoft identity platform, or a caller-supplied [`StaticToken`].
//! - `Negotiate` (feature `gssapi`): SPNEGO with Kerberos through the system GSSAPI
//!   library, MIT krb5 or Heimdal (ticket cache or password, channel binding, mutual
//!   authentication, NTLM fallback with the same password when the server offers only
//!   NTLM or Kerberos fails). The first token goes out only after a 401 offered
//!   `Negotiate`.
//!
//! # Windows SSPI is not implemented
//! Negotiate here means GSSAPI (MIT krb5 or Heimdal) behind the `gssapi` feature, nothing
//! else. There is no SSPI (Windows Security Support Provider Interface) backend: it cannot
//! be built or tested where this crate is developed, so none is shipped. On Windows, use
//! NTLM, Basic or OAuth.
//!
//! # Example
//! ```
//! use std::time::Instant;
//! use ews_auth::{AuthScheme, AuthStep, Credentials, RequestInfo, choose_scheme, parse_www_authenticate};
//!
//! let credentials = Credentials::password(r"CORP\alice", "secret")?;
//! // The server's 401 to a first, unauthenticated request:
//! let challenges = parse_www_authenticate(&[r#"Basic realm="mail.example.test""#])?;
//! let kind = choose_scheme(&challenges, &credentials).expect("a scheme we speak");
//! let mut scheme = kind.build(&credentials)?;
//! let now = Instant::now();
//! assert_eq!(scheme.handle_challenge(&challenges, now)?, AuthStep::Retry);
//! let request = RequestInfo::new("POST", "/EWS/Exchange.asmx");
//! let header = scheme.poll_authorization(&request, now)?.expect("Basic always has one");
//! assert_eq!(header, "Basic Q09SUFxhbGljZTpzZWNyZXQ=");
//! # Ok::<(), ews_auth::Error>(())
//! ```
//!
//! # Crate features
//! - `gssapi`: `Negotiate` (SPNEGO/Kerberos) through the system GSSAPI library via the
//!   `libgssapi` crate (its `unsafe` FFI stays in that crate: this crate still forbids
//!   `unsafe`). Building needs the GSSAPI headers and libclang (Debian: `libkrb5-dev`,
//!   `libclang-dev`); running needs a Kerberos realm. With it, [`choose_scheme`] prefers
//!   Negotiate. There is no `sspi` feature (see above).
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod basic;
mod cert;
mod challenge;
mod credentials;
mod digest;
mod error;
#[cfg(feature = "gssapi")]
mod negotiate;
mod ntlm;
mod oauth;
mod scheme;

#[doc(hidden)]
pub mod fuzzing;

pub use basic::Basic;
pub use cert::{ClientCertificate, PrivateKeyKind};
pub use challenge::{Challenge, Scheme, parse_www_authenticate};
pub use credentials::{Credentials, Identity, Secret, UserName};
pub use digest::{Digest, NonceSource, RandomNonce};
pub use error::{
    CertificateError, ChallengeError, ChallengeErrorKind, CredentialsError, DigestError, Error,
    NtlmError, TokenError,
};
#[cfg(feature = "gssapi")]
pub use negotiate::{MutualAuth, Negotiate, NegotiateError};
pub use ntlm::Ntlm;
pub use oauth::{
    AccessToken, DEFAULT_REFRESH_MARGIN, OAuth2, OAuthFlow, SCOPE_APP, SCOPE_DELEGATED,
    StaticToken, TokenHook, TokenPoll, TokenRequest, TokenSource, token_endpoint,
};
pub use scheme::{AuthScheme, AuthStep, Failure, RequestInfo, SchemeKind, choose_scheme};

// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_send_sync_static() {
        fn assert_traits<T: std::error::Error + Send + Sync + 'static>() {}
        assert_traits::<Error>();
        assert_traits::<ChallengeError>();
        assert_traits::<CredentialsError>();
        assert_traits::<NtlmError>();
        assert_traits::<DigestError>();
        assert_traits::<TokenError>();
        assert_traits::<CertificateError>();
        #[cfg(feature = "gssapi")]
        assert_traits::<NegotiateError>();
    }

    #[test]
    fn schemes_are_object_safe_and_send() {
        fn assert_send<T: Send>() {}
        assert_send::<Box<dyn AuthScheme>>();
        assert_send::<Box<dyn TokenSource>>();
        #[cfg(feature = "gssapi")]
        assert_send::<Negotiate>();
    }

    #[test]
    fn cause_is_not_printed_twice() {
        use std::error::Error as _;
        let e = parse_www_authenticate(&["Basic realm=\"x"]).unwrap_err();
        let top = e.to_string();
        let cause = e.source().unwrap().to_string();
        assert!(!top.contains(&cause), "{top} / {cause}");
        assert_eq!(
            cause,
            "unterminated quoted string in header value 0 at byte 12"
        );
    }
}
