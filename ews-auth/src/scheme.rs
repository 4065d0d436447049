//! The [`AuthScheme`] state machine trait, its inputs and outputs, and scheme selection.

use std::fmt;
use std::time::Instant;

use http::HeaderValue;

use crate::challenge::{Challenge, Scheme};
use crate::credentials::Credentials;
use crate::error::{CredentialsError, Error};
use crate::oauth::{OAuth2, StaticToken, TokenRequest};
use crate::{Basic, Digest, Ntlm};

/// What the scheme needs to know about the request it authorizes.
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub struct RequestInfo<'a> {
    /// The request method, e.g. `POST` (Digest hashes it).
    pub method: &'a str,
    /// The request target: path and query, e.g. `/EWS/Exchange.asmx` (Digest hashes it).
    pub uri: &'a str,
    /// The TLS `tls-server-end-point` channel binding (RFC 5929): the hash of the server's
    /// certificate, for NTLM Extended Protection. `None` over plain HTTP.
    pub tls_server_end_point: Option<&'a [u8]>,
}

impl<'a> RequestInfo<'a> {
    /// A request with the given method and target and no channel binding.
    pub fn new(method: &'a str, uri: &'a str) -> Self {
        Self {
            method,
            uri,
            tls_server_end_point: None,
        }
    }

    /// Sets the `tls-server-end-point` certificate hash.
    pub fn with_tls_server_end_point(mut self, hash: &'a [u8]) -> Self {
        self.tls_server_end_point = Some(hash);
        self
    }
}

/// What to do after a 401 response, from [`AuthScheme::handle_challenge`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthStep {
    /// Send the request again, with a fresh [`AuthScheme::poll_authorization`] (and, for
    /// OAuth, after answering [`AuthScheme::poll_token_request`]).
    Retry,
    /// Give up: the 401 stands and is reported to the caller.
    Failed(Failure),
}

/// Why a scheme gave up.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The server refused the credentials we sent (wrong password, revoked token).
    Rejected,
    /// The server's 401 does not offer this scheme (or offers it in a form we cannot use,
    /// such as Digest with only `qop=auth-int`).
    NotOffered,
    /// The handshake went out of order (e.g. NTLM's challenge message never came).
    Handshake,
    /// The scheme failed before and stays failed until it is rebuilt or reset.
    AlreadyFailed,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Rejected => "the server rejected the credentials",
            Self::NotOffered => "the server does not offer this authentication scheme",
            Self::Handshake => "the authentication handshake went out of order",
            Self::AlreadyFailed => "authentication failed before",
        })
    }
}

/// An authentication scheme as a sans-IO state machine: it never sends anything and never
/// reads a clock; the transport drives it and passes the time in.
///
/// The transport's loop for one request:
/// 1. [`poll_token_request`](Self::poll_token_request): if it returns a [`TokenRequest`],
///    send it (POST) and pass the answer to [`handle_token_response`](Self::handle_token_response).
///    Only OAuth schemes ever return one.
/// 2. [`poll_authorization`](Self::poll_authorization): put the value, if any, in the
///    `Authorization` header and send the request.
/// 3. On a 401, parse its `WWW-Authenticate` headers with
///    [`parse_www_authenticate`](crate::parse_www_authenticate) and call
///    [`handle_challenge`](Self::handle_challenge): on [`AuthStep::Retry`] go back to 1,
///    on [`AuthStep::Failed`] report the 401.
/// 4. On any other status, pass that response's `WWW-Authenticate` headers (parsed; often
///    none) to [`handle_success`](Self::handle_success): an error means the server did not
///    prove its identity (Negotiate's mutual authentication) and the response must be
///    discarded. Only Negotiate checks anything there.
///
/// Every method is cheap, never panics and never loops: each scheme bounds its own retries.
/// The exception to "cheap" is Negotiate, whose GSSAPI library may block on the KDC in
/// [`poll_authorization`](Self::poll_authorization).
pub trait AuthScheme: Send {
    /// The scheme name, for logs (`"Basic"`, `"NTLM"`, …).
    fn name(&self) -> &'static str;

    /// The `Authorization` header value for the next request, if the scheme has one ready.
    ///
    /// Call right before sending each request. Basic: always. Digest: after the first
    /// challenge, then on every request (the nonce count advances). NTLM: the Negotiate
    /// message first, the Authenticate message after [`handle_challenge`](Self::handle_challenge)
    /// took the server's challenge, then nothing (the connection is authenticated).
    /// OAuth: the current token; [`crate::TokenError::NotReady`] if none has been fetched.
    /// Values are marked [sensitive](HeaderValue::set_sensitive).
    fn poll_authorization(
        &mut self,
        request: &RequestInfo<'_>,
        now: Instant,
    ) -> Result<Option<HeaderValue>, Error>;

    /// Feed the challenges of a 401 response (all its `WWW-Authenticate` headers, parsed).
    ///
    /// Returns [`AuthStep::Retry`] when a new attempt can succeed (first challenge, NTLM's
    /// challenge message, a stale Digest nonce once), else [`AuthStep::Failed`]; a second
    /// 401 after credentials were sent is always a failure, never a loop.
    fn handle_challenge(
        &mut self,
        challenges: &[Challenge],
        now: Instant,
    ) -> Result<AuthStep, Error>;

    /// True for NTLM (and Negotiate): the handshake must run on one connection, which is
    /// then authenticated; the transport must not pool it for other credentials.
    fn is_connection_bound(&self) -> bool;

    /// Feed the challenges of the final, non-401 response of a request that carried this
    /// scheme's header (all its `WWW-Authenticate` headers, parsed; an empty slice if none).
    ///
    /// Negotiate checks the server's last token here (mutual authentication) and fails if
    /// it is required and missing or invalid; the other schemes accept anything.
    fn handle_success(&mut self, challenges: &[Challenge], now: Instant) -> Result<(), Error> {
        let _ = (challenges, now);
        Ok(())
    }

    /// A token request the transport must send before the next request: OAuth schemes
    /// return one when no token is held or the token is due for refresh. Call before
    /// [`poll_authorization`](Self::poll_authorization). Other schemes never return one.
    fn poll_token_request(&mut self, now: Instant) -> Result<Option<TokenRequest>, Error> {
        let _ = now;
        Ok(None)
    }

    /// The token endpoint's answer to the request from
    /// [`poll_token_request`](Self::poll_token_request): its status and body.
    fn handle_token_response(
        &mut self,
        status: u16,
        body: &[u8],
        now: Instant,
    ) -> Result<(), Error> {
        let _ = (status, body, now);
        Err(crate::error::TokenError::UnexpectedResponse.into())
    }
}

/// The schemes this crate can build, see [`choose_scheme`] and [`SchemeKind::build`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SchemeKind {
    /// [`Basic`].
    Basic,
    /// [`Digest`].
    Digest,
    /// [`Ntlm`].
    Ntlm,
    /// [`OAuth2`] over a [`StaticToken`].
    Bearer,
    /// [`Negotiate`](crate::Negotiate) (SPNEGO/Kerberos through GSSAPI); built by
    /// [`SchemeKind::build_for_host`] only.
    #[cfg(feature = "gssapi")]
    Negotiate,
}

impl SchemeKind {
    /// Builds the scheme for these credentials (password credentials for Basic, Digest and
    /// NTLM; a token for Bearer).
    pub fn build(self, credentials: &Credentials) -> Result<Box<dyn AuthScheme>, Error> {
        Ok(match (self, credentials) {
            (Self::Basic, Credentials::Password { .. }) => Box::new(Basic::new(credentials)?),
            (Self::Digest, Credentials::Password { .. }) => Box::new(Digest::new(credentials)?),
            (Self::Ntlm, Credentials::Password { .. }) => Box::new(Ntlm::new(credentials)?),
            (Self::Bearer, Credentials::Token(token)) => {
                Box::new(OAuth2::new(StaticToken::new(token.clone())))
            }
            #[cfg(feature = "gssapi")]
            (Self::Negotiate, _) => return Err(crate::NegotiateError::HostRequired.into()),
            _ => return Err(CredentialsError::WrongKind.into()),
        })
    }

    /// As [`build`](Self::build), for a server at `host` (its DNS name, as in the URL):
    /// the only way to build `Negotiate` (feature `gssapi`), whose SPN is `HTTP/<host>`;
    /// password credentials are used for Kerberos and for the NTLM fallback.
    pub fn build_for_host(
        self,
        credentials: &Credentials,
        host: &str,
    ) -> Result<Box<dyn AuthScheme>, Error> {
        match self {
            #[cfg(feature = "gssapi")]
            Self::Negotiate => Ok(Box::new(crate::Negotiate::with_credentials(
                host,
                credentials,
            )?)),
            _ => {
                let _ = host;
                self.build(credentials)
            }
        }
    }
}

/// Picks the scheme to use from a 401's challenges (auth-type guessing).
///
/// For password credentials: Negotiate (with the `gssapi` feature; it falls back to NTLM
/// by itself where Kerberos is not possible), then NTLM, then Digest (if a challenge uses
/// an algorithm and qop this crate implements), then Basic; the order of the challenges
/// does not matter. Without the feature a Negotiate-only server gets `None` (there is no
/// SSPI backend).
/// For token credentials: Bearer, if offered.
///
/// ```
/// use ews_auth::{Credentials, SchemeKind, choose_scheme, parse_www_authenticate};
///
/// let challenges = parse_www_authenticate(&["NTLM", r#"Basic realm="x""#])?;
/// let creds = Credentials::password(r"CORP\alice", "secret")?;
/// assert_eq!(choose_scheme(&challenges, &creds), Some(SchemeKind::Ntlm));
/// # Ok::<(), ews_auth::Error>(())
/// ```
pub fn choose_scheme(challenges: &[Challenge], credentials: &Credentials) -> Option<SchemeKind> {
    let offered = |s: Scheme| challenges.iter().any(|c| c.scheme == s);
    match credentials {
        Credentials::Password { .. } => {
            #[cfg(feature = "gssapi")]
            if offered(Scheme::Negotiate) {
                return Some(SchemeKind::Negotiate);
            }
            if offered(Scheme::Ntlm) {
                Some(SchemeKind::Ntlm)
            } else if challenges.iter().any(crate::digest::is_usable) {
                Some(SchemeKind::Digest)
            } else if offered(Scheme::Basic) {
                Some(SchemeKind::Basic)
            } else {
                None
            }
        }
        Credentials::Token(_) => offered(Scheme::Bearer).then_some(SchemeKind::Bearer),
    }
}

/// Marks an `Authorization` value sensitive so HTTP layers do not log it.
pub(crate) fn sensitive(bytes: &[u8]) -> Result<HeaderValue, Error> {
    let mut v = HeaderValue::from_bytes(bytes).map_err(Error::header_value)?;
    v.set_sensitive(true);
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_www_authenticate;

    #[test]
    fn choose_scheme_table() {
        let password = Credentials::password(r"CORP\alice", "pw").unwrap();
        let token = Credentials::token("t");
        let digest = r#"Digest realm="r", nonce="n", qop="auth", algorithm=SHA-256"#;
        #[cfg(feature = "gssapi")]
        let negotiate = Some(SchemeKind::Negotiate);
        #[cfg(not(feature = "gssapi"))]
        let negotiate = None;
        let table: [(&[&str], Option<SchemeKind>, Option<SchemeKind>); 12] = [
            (
                &["Negotiate", "NTLM", r#"Basic realm="x""#],
                negotiate.or(Some(SchemeKind::Ntlm)),
                None,
            ),
            (
                &["NTLM", "Negotiate"],
                negotiate.or(Some(SchemeKind::Ntlm)),
                None,
            ),
            (
                &[r#"Basic realm="x""#, "NTLM"],
                Some(SchemeKind::Ntlm),
                None,
            ),
            (
                &[r#"Basic realm="x""#, digest],
                Some(SchemeKind::Digest),
                None,
            ),
            (
                &[
                    r#"Digest realm="r", nonce="n", qop="auth-int""#,
                    r#"Basic realm="x""#,
                ],
                Some(SchemeKind::Basic),
                None,
            ),
            (
                &[r#"Digest realm="r", nonce="n", algorithm=SHA-1"#],
                None,
                None,
            ),
            (&[r#"Basic realm="x""#], Some(SchemeKind::Basic), None),
            (&["Negotiate"], negotiate, None),
            (
                &[
                    r#"Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize""#,
                    r#"Basic realm="""#,
                ],
                Some(SchemeKind::Basic),
                Some(SchemeKind::Bearer),
            ),
            (
                &["bearer", "ntlm"],
                Some(SchemeKind::Ntlm),
                Some(SchemeKind::Bearer),
            ),
            (&["Kerberos"], None, None),
            (&[], None, None),
        ];
        for (values, for_password, for_token) in table {
            let ch = parse_www_authenticate(values).unwrap();
            assert_eq!(
                choose_scheme(&ch, &password),
                for_password,
                "{values:?} password"
            );
            assert_eq!(choose_scheme(&ch, &token), for_token, "{values:?} token");
        }
    }

    #[test]
    fn build_checks_credentials_kind() {
        let password = Credentials::password("alice", "pw").unwrap();
        let token = Credentials::token("t");
        for kind in [SchemeKind::Basic, SchemeKind::Digest, SchemeKind::Ntlm] {
            assert!(kind.build(&password).is_ok());
            assert!(matches!(
                kind.build(&token),
                Err(Error::Credentials(CredentialsError::WrongKind))
            ));
        }
        assert_eq!(SchemeKind::Bearer.build(&token).unwrap().name(), "Bearer");
        assert!(SchemeKind::Bearer.build(&password).is_err());
        assert!(
            SchemeKind::Ntlm
                .build(&password)
                .unwrap()
                .is_connection_bound()
        );
        let ntlm = SchemeKind::Ntlm.build_for_host(&password, "mail.example.test");
        assert_eq!(ntlm.unwrap().name(), "NTLM");
    }

    #[cfg(feature = "gssapi")]
    #[test]
    fn negotiate_needs_a_host() {
        let password = Credentials::password("alice@example.test", "pw").unwrap();
        assert!(matches!(
            SchemeKind::Negotiate.build(&password),
            Err(Error::Negotiate(crate::NegotiateError::HostRequired))
        ));
        let scheme = SchemeKind::Negotiate
            .build_for_host(&password, "mail.example.test")
            .unwrap();
        assert_eq!(scheme.name(), "Negotiate");
        assert!(scheme.is_connection_bound());
        assert!(matches!(
            SchemeKind::Negotiate.build_for_host(&Credentials::token("t"), "mail.example.test"),
            Err(Error::Credentials(CredentialsError::WrongKind))
        ));
    }
}
