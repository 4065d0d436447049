//! The transport's error type.

use std::time::Duration;

use crate::retry::{FailKind, RetryReason};

/// A boxed error from a dependency (hyper, rustls, I/O), reachable only through
/// [`std::error::Error::source`] so that those crates' types stay out of this API.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong while sending a request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The transport was configured wrongly (bad URL, bad certificate, plain HTTP refused).
    /// Its message and [`source`](std::error::Error::source) are those of the
    /// [`ConfigError`].
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The TCP connection (or the proxy tunnel) could not be opened.
    #[error("could not connect to {target}")]
    Connect {
        /// `host:port` of the server or proxy.
        target: String,
        /// The I/O or protocol error.
        #[source]
        source: BoxError,
    },
    /// The proxy refused the `CONNECT` tunnel.
    #[error("the proxy answered CONNECT with HTTP {status}")]
    Proxy {
        /// The proxy's status code (407: proxy authentication required).
        status: u16,
    },
    /// The TLS handshake failed (unknown issuer, refused client certificate, …).
    #[error("TLS handshake with {host} failed")]
    Tls {
        /// The server name.
        host: String,
        /// The rustls error.
        #[source]
        source: BoxError,
    },
    /// A timeout expired.
    #[error("{0} timed out after {1:?}")]
    Timeout(TimeoutKind, Duration),
    /// The HTTP exchange failed after the connection was open.
    #[error("HTTP exchange failed")]
    Http(#[source] BoxError),
    /// Authentication failed.
    #[error("authentication failed")]
    Auth(#[from] AuthError),
    /// A request the caller marked not idempotent may have reached the server before the
    /// connection failed; it is not sent again (see `CallOptions::idempotent`).
    #[error("the connection failed after the request may have reached the server; not resent")]
    MaybeSent(#[source] BoxError),
    /// The server's answer is a failure that retrying will not fix, see [`FailKind`].
    #[error("the server answered HTTP {status}: {kind}")]
    Failed {
        /// The HTTP status.
        status: u16,
        /// What kind of failure.
        kind: FailKind,
        /// The start of the response body (up to 512 bytes, lossily decoded), for diagnosis.
        body_head: String,
    },
    /// One attempt failed in a way another attempt may fix (HTTP 503, `ErrorServerBusy`, a
    /// refused connection, …). Returned by senders that do not retry, such as
    /// [`HttpSender`](crate::HttpSender); a [`Retry`](crate::Retry) above them acts on it
    /// and reports [`Error::GaveUp`] when it stops, so a [`Transport`](crate::Transport)
    /// never returns this.
    #[error("transient failure, worth another attempt: {reason}")]
    Transient {
        /// What happened.
        reason: RetryReason,
        /// The server's hint of how long to wait (`Retry-After`, `BackOffMilliseconds`).
        after: Option<Duration>,
        /// The error of the attempt.
        #[source]
        source: Box<Self>,
    },
    /// The retry policy forbids (`FailFast`) or no longer allows (`max_wait` exhausted) another
    /// attempt at a transient failure.
    #[error("gave up after {attempts} attempt(s) and {waited:?} of waiting: {reason}")]
    GaveUp {
        /// How many attempts were made.
        attempts: u32,
        /// How long the client waited between attempts in total.
        waited: Duration,
        /// The last transient failure.
        reason: RetryReason,
        /// The error of the last attempt.
        #[source]
        last: Box<Self>,
    },
    /// A one-shot (streamed) request body would have to be sent again (a retry, a 401).
    #[error("the streamed request body cannot be sent again")]
    BodyNotReplayable,
    /// Reading or writing a body failed.
    #[error("body I/O failed")]
    Body(#[source] BoxError),
    /// The response could not be read as SOAP.
    #[error("reading the SOAP response failed")]
    Soap(#[from] ews_xml::soap::SoapError),
}

/// What is wrong with the configuration, from [`Error::Config`]. The underlying error, when
/// there is one, is the [`source`](std::error::Error::source).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// A URL (the endpoint, [`CallOptions::url`](crate::CallOptions::url), an OAuth token
    /// endpoint) does not parse.
    #[error("invalid URL {url:?}")]
    InvalidUrl {
        /// The URL.
        url: String,
        /// The parser's error.
        #[source]
        source: BoxError,
    },
    /// The URL's scheme is neither `http` nor `https`.
    #[error("{url}: not an http(s) URL")]
    UnsupportedScheme {
        /// The URL.
        url: String,
    },
    /// The URL has no host.
    #[error("{url}: no host")]
    MissingHost {
        /// The URL.
        url: String,
    },
    /// Plain `http://` to a host other than loopback without
    /// [`allow_plain_http`](crate::DangerousBuilder::allow_plain_http).
    #[error("{url}: plain HTTP to a non-loopback host needs dangerous().allow_plain_http()")]
    PlainHttp {
        /// The URL.
        url: String,
    },
    /// A value that cannot be sent as an HTTP header value (the user agent, an anchor
    /// mailbox).
    #[error("invalid {header} header value {value:?}")]
    InvalidHeaderValue {
        /// The header.
        header: &'static str,
        /// The value.
        value: String,
        /// The header library's error.
        #[source]
        source: BoxError,
    },
    /// A proxy URL [`Proxy::new`](crate::Proxy::new) does not accept: it does not parse, has
    /// no host, or is `https://`.
    #[error("invalid proxy URL {url:?}")]
    InvalidProxy {
        /// The URL, credentials redacted.
        url: String,
        /// The parser's error, when it did not parse.
        #[source]
        source: Option<BoxError>,
    },
    /// The host is not a valid TLS server name.
    #[error("invalid TLS server name {host:?}")]
    ServerName {
        /// The host.
        host: String,
        /// The TLS library's error.
        #[source]
        source: BoxError,
    },
    /// An extra root certificate is not a usable DER certificate.
    #[error("invalid extra root certificate{}", for_host(host.as_deref()))]
    RootCertificate {
        /// The host it was added for (`None`: for every host).
        host: Option<String>,
        /// The TLS library's error.
        #[source]
        source: BoxError,
    },
    /// The client certificate or its private key was refused by the TLS library.
    #[error("the client certificate or its private key is unusable")]
    ClientCertificate(#[source] BoxError),
    /// The TLS library offers none of the safe protocol versions.
    #[error("no usable TLS protocol version")]
    TlsVersions(#[source] BoxError),
    /// The dump folder (`EWS_DUMP_DIR`, [`dump_dir`](crate::TransportBuilder::dump_dir))
    /// cannot be created.
    #[error("cannot create the dump folder {}", dir.display())]
    DumpDir {
        /// The folder.
        dir: std::path::PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A connection-bound scheme (NTLM, Negotiate) was given as one instance with
    /// [`Auth::scheme`](crate::Auth::scheme): it needs one per connection.
    #[error("the {scheme} scheme is connection-bound: pass a factory with Auth::new")]
    ConnectionBoundScheme {
        /// The scheme name.
        scheme: &'static str,
    },
}

/// `" for <host>"`, or nothing.
fn for_host(host: Option<&str>) -> String {
    host.map(|h| format!(" for {h}")).unwrap_or_default()
}

/// Which timeout expired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// Opening the TCP connection, the proxy tunnel and the TLS session.
    Connect,
    /// One attempt, from sending the request to the response head.
    Request,
    /// No body data arrived for the idle timeout.
    Idle,
}

impl std::fmt::Display for TimeoutKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Connect => "connecting",
            Self::Request => "the request",
            Self::Idle => "waiting for body data",
        })
    }
}

/// Why authentication failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// The scheme gave up after a 401 (credentials rejected, scheme not offered, …).
    #[error("{scheme} authentication failed: {failure}")]
    Failed {
        /// The scheme name.
        scheme: &'static str,
        /// Why it gave up.
        failure: ews_auth::Failure,
    },
    /// The server answered 401 and no authentication is configured.
    #[error("the server requires authentication and none is configured")]
    NotConfigured,
    /// The scheme itself failed (bad challenge, OAuth error such as `invalid_grant`).
    #[error("the authentication scheme failed")]
    Scheme(#[from] ews_auth::Error),
    /// The token endpoint could not be reached or answered garbage.
    #[error("the OAuth token request failed")]
    TokenRequest(#[source] Box<Error>),
    /// Too many 401 round trips for one request.
    #[error("too many authentication round trips")]
    TooManyRounds,
    /// The server answered, but did not prove its identity as the scheme requires
    /// (Negotiate's mutual authentication: the final `WWW-Authenticate: Negotiate <token>`
    /// is missing or invalid). The response was discarded.
    #[error(
        "{scheme}: the server did not prove its identity (mutual authentication); response discarded"
    )]
    ServerNotAuthenticated {
        /// The scheme name.
        scheme: &'static str,
        /// What the scheme found wrong.
        #[source]
        source: ews_auth::Error,
    },
    /// The blocking task running a connection-bound scheme (Negotiate, NTLM) panicked or
    /// was cancelled.
    #[error("the authentication scheme's blocking task failed: {0}")]
    SchemeTask(String),
}

impl Error {
    /// Whether a timeout expired.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Self::Timeout(..))
    }

    /// Whether another attempt may succeed ([`Error::Transient`]).
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Transient { .. })
    }

    pub(crate) fn http(e: impl Into<BoxError>) -> Self {
        Self::Http(e.into())
    }
}

#[cfg(test)]
mod tests;
