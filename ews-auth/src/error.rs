//! The crate's error type and its per-area sub-enums.

use std::fmt;

/// Everything that can go wrong in this crate.
///
/// Each variant's message describes this layer only; the cause, when there is one, is
/// reachable through [`std::error::Error::source`] and never repeated in the message.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A `WWW-Authenticate` header value is not valid RFC 7235 syntax.
    #[error("malformed WWW-Authenticate header")]
    Challenge(#[from] ChallengeError),
    /// User name or password unusable.
    #[error("invalid credentials")]
    Credentials(#[from] CredentialsError),
    /// The NTLM handshake failed (not a rejected password: that is [`crate::AuthStep::Failed`]).
    #[error("NTLM handshake failed")]
    Ntlm(#[from] NtlmError),
    /// The Negotiate (SPNEGO/Kerberos) handshake failed; GSSAPI's major and minor status
    /// texts are in the [`NegotiateError`](crate::NegotiateError).
    #[cfg(feature = "gssapi")]
    #[error("Negotiate (Kerberos) authentication failed")]
    Negotiate(#[from] crate::NegotiateError),
    /// A Digest challenge could not be answered.
    #[error("Digest authentication failed")]
    Digest(#[from] DigestError),
    /// The OAuth 2.0 token endpoint answered with an error document (RFC 6749 section 5.2),
    /// such as `invalid_grant`. A token source that saw this stays failed until it is reset.
    #[error("token endpoint error `{error}`{}", fmt_description(.description.as_deref()))]
    OAuth {
        /// The `error` code, e.g. `invalid_grant`.
        error: String,
        /// The `error_description`, if the endpoint sent one.
        description: Option<String>,
    },
    /// The token endpoint's answer could not be used, or no token is available.
    #[error("no usable access token")]
    Token(#[from] TokenError),
    /// A client certificate or key is not usable PEM.
    #[error("invalid client certificate")]
    Certificate(#[from] CertificateError),
    /// A value cannot be carried in an HTTP header (e.g. a control character in a token).
    /// The HTTP library's error is the [`source`](std::error::Error::source).
    #[error("value not allowed in an HTTP header")]
    HeaderValue(#[source] Box<dyn std::error::Error + Send + Sync + 'static>),
    /// An error from a caller-supplied part, such as a custom [`crate::TokenSource`] or
    /// [`crate::NonceSource`].
    #[error("error from a caller-supplied component")]
    Other(#[source] Box<dyn std::error::Error + Send + Sync + 'static>),
}

fn fmt_description(description: Option<&str>) -> String {
    description.map(|d| format!(": {d}")).unwrap_or_default()
}

impl Error {
    /// [`Error::HeaderValue`], with the HTTP library's error as the source.
    pub(crate) fn header_value(e: http::header::InvalidHeaderValue) -> Self {
        Self::HeaderValue(Box::new(e))
    }
}

/// A syntax error in a `WWW-Authenticate` header value, with where it happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} in header value {value_index} at byte {offset}")]
pub struct ChallengeError {
    /// Which of the header values passed in (0-based).
    pub value_index: usize,
    /// Byte offset inside that value.
    pub offset: usize,
    /// What was wrong.
    pub kind: ChallengeErrorKind,
}

/// What was wrong in a `WWW-Authenticate` header value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChallengeErrorKind {
    /// Expected an auth-scheme (a token).
    ExpectedScheme,
    /// Expected a parameter value (a token or a quoted string) after `=`.
    ExpectedValue,
    /// A quoted string has no closing quote.
    UnterminatedQuotedString,
    /// A character that is not allowed at this point.
    UnexpectedChar(char),
}

impl fmt::Display for ChallengeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ExpectedScheme => f.write_str("expected an auth-scheme"),
            Self::ExpectedValue => f.write_str("expected a parameter value"),
            Self::UnterminatedQuotedString => f.write_str("unterminated quoted string"),
            Self::UnexpectedChar(c) => write!(f, "unexpected character {c:?}"),
        }
    }
}

/// Why a user name or password was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialsError {
    /// The user name is empty.
    #[error("empty user name")]
    EmptyUserName,
    /// `DOMAIN\user` or `user@domain` with an empty part, or more than one separator.
    #[error("user name is neither `DOMAIN\\user`, `user@domain` nor a plain name")]
    MalformedUserName,
    /// A control character, or a `:` (which Basic cannot carry), in the user name.
    #[error("user name contains a character that cannot be sent")]
    ForbiddenCharacter,
    /// The scheme needs a password and the credentials hold a token, or the reverse.
    #[error("these credentials do not fit the authentication scheme")]
    WrongKind,
}

/// An NTLM protocol failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NtlmError {
    /// The server's NTLM token is not base64.
    #[error("server token is not base64")]
    Base64,
    /// The server's token is not an NTLM Challenge (type 2) message; the parser's reason
    /// is included.
    #[error("server token is not a valid NTLM challenge message: {0}")]
    InvalidChallenge(String),
    /// The challenge asks for a response too large for an NTLM message.
    #[error("server challenge too large to answer")]
    ChallengeTooLarge,
    /// The user name, domain or workstation is too long for an NTLM message.
    #[error("user name, domain or workstation too long for NTLM")]
    NameTooLong,
    /// Encoding our own message failed (the encoder's reason is included).
    #[error("cannot encode NTLM message: {0}")]
    Encode(String),
}

/// A Digest failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DigestError {
    /// The Digest challenge has no `nonce` or `realm`.
    #[error("Digest challenge lacks `{0}`")]
    MissingParameter(&'static str),
    /// The challenge names an algorithm this crate does not implement.
    #[error("unsupported Digest algorithm `{0}`")]
    UnsupportedAlgorithm(String),
    /// The challenge offers only `qop` values this crate does not implement (`auth-int`).
    #[error("unsupported Digest qop `{0}`")]
    UnsupportedQop(String),
    /// The nonce source returned an empty string or one with characters that need quoting.
    #[error("client nonce source returned an unusable value")]
    BadClientNonce,
}

/// A token response or token state that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The token endpoint answered with a non-success status and no OAuth error document.
    #[error("token endpoint answered HTTP {status}")]
    Status {
        /// The HTTP status code.
        status: u16,
    },
    /// The success response is not a valid token document. The JSON parser's error (with
    /// its line and column) is the [`source`](std::error::Error::source).
    #[error("token response is not a valid token document")]
    Malformed(#[source] Box<dyn std::error::Error + Send + Sync + 'static>),
    /// The response has a `token_type` other than `Bearer`.
    #[error("unsupported token type `{0}`")]
    UnsupportedTokenType(String),
    /// A field holds an unusable value (empty token, bad `expires_in`).
    #[error("token response field `{0}` is invalid")]
    InvalidField(&'static str),
    /// No valid token yet: send the request from
    /// [`AuthScheme::poll_token_request`](crate::AuthScheme::poll_token_request) first.
    #[error("no access token yet; the token request has not been answered")]
    NotReady,
    /// Nothing left to ask for a token with: the authorization code was used up and no
    /// refresh token came back. Start a new flow with a new code.
    #[error("no grant left to request a token with")]
    NoGrant,
    /// A response arrived for a source that never asks for one (a static token).
    #[error("this token source sends no token requests")]
    UnexpectedResponse,
}

/// Why a PEM client certificate or key was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertificateError {
    /// A `-----BEGIN` line without its matching `-----END` line, or the reverse.
    #[error("unbalanced PEM armor")]
    Armor,
    /// The base64 body of a PEM block is invalid.
    #[error("invalid base64 in PEM block `{0}`")]
    Base64(String),
    /// No `CERTIFICATE` block in the certificate PEM.
    #[error("no CERTIFICATE block")]
    NoCertificate,
    /// No private key block (PKCS#8, PKCS#1 RSA or SEC1 EC) in the key PEM.
    #[error("no private key block")]
    NoPrivateKey,
    /// More than one private key block.
    #[error("more than one private key block")]
    SeveralPrivateKeys,
    /// An encrypted private key; decrypt it first.
    #[error("encrypted private keys are not supported")]
    EncryptedPrivateKey,
    /// The DER inside a block is not an ASN.1 SEQUENCE.
    #[error("PEM block `{0}` does not hold DER")]
    NotDer(String),
}
