//! Access tokens, token requests and token endpoint responses.

use std::fmt;
use std::time::{Duration, Instant};

use serde::Deserialize;
use zeroize::{Zeroize as _, Zeroizing};

use crate::credentials::Secret;
use crate::error::{Error, TokenError};

/// An OAuth 2.0 access token with its expiry and, if the endpoint issued one, the refresh
/// token. `Debug` prints neither token.
#[derive(Clone)]
pub struct AccessToken {
    secret: Secret,
    expires_at: Option<Instant>,
    refresh_token: Option<Secret>,
    scope: Option<String>,
}

impl AccessToken {
    /// A token without known expiry.
    pub fn new(secret: impl Into<Secret>) -> Self {
        Self {
            secret: secret.into(),
            expires_at: None,
            refresh_token: None,
            scope: None,
        }
    }

    /// Sets the instant the token expires.
    pub fn with_expires_at(mut self, expires_at: Instant) -> Self {
        self.expires_at = Some(expires_at);
        self
    }

    /// Sets the refresh token.
    pub fn with_refresh_token(mut self, refresh_token: impl Into<Secret>) -> Self {
        self.refresh_token = Some(refresh_token.into());
        self
    }

    /// The access token itself, for the `Authorization: Bearer` header.
    pub fn secret(&self) -> &str {
        self.secret.expose()
    }

    /// When the token expires, if known (`expires_in` counted from the `now` the response
    /// was handled at).
    pub fn expires_at(&self) -> Option<Instant> {
        self.expires_at
    }

    /// The refresh token in force (the one issued with this token, or the previous one if
    /// the endpoint did not rotate it); persist it to resume later without a new sign-in.
    pub fn refresh_token(&self) -> Option<&str> {
        self.refresh_token.as_ref().map(Secret::expose)
    }

    /// The granted scopes, space-separated, if the endpoint said.
    pub fn scope(&self) -> Option<&str> {
        self.scope.as_deref()
    }

    /// True if the token expires within `margin` of `now` (or has expired).
    pub fn expires_within(&self, now: Instant, margin: Duration) -> bool {
        self.expires_at
            .is_some_and(|at| at.checked_sub(margin).is_none_or(|due| now >= due))
    }

    pub(crate) fn set_refresh_token(&mut self, refresh_token: Option<Secret>) {
        self.refresh_token = refresh_token;
    }

    pub(crate) fn take_refresh_token(&mut self) -> Option<Secret> {
        self.refresh_token.take()
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("secret", &self.secret)
            .field("expires_at", &self.expires_at)
            .field("refresh_token", &self.refresh_token)
            .field("scope", &self.scope)
            .finish()
    }
}

/// Form fields whose values are secrets: wiped on drop and hidden in `Debug`.
const SECRET_FIELDS: [&str; 7] = [
    "client_secret",
    "password",
    "refresh_token",
    "code",
    "code_verifier",
    "client_assertion",
    "assertion",
];

/// A token endpoint request for the transport to send: `POST` to [`url`](Self::url)
/// with [`form_body`](Self::form_body) as an `application/x-www-form-urlencoded` body.
/// Its answer goes to [`crate::AuthScheme::handle_token_response`] (or
/// [`TokenSource::handle_token_response`]).
///
/// The form values are wiped when the request is dropped; `Debug` hides the secret ones.
#[derive(Clone, PartialEq, Eq)]
pub struct TokenRequest {
    url: String,
    form: Vec<(String, String)>,
}

impl TokenRequest {
    /// The `Content-Type` of the body.
    pub const CONTENT_TYPE: &'static str = "application/x-www-form-urlencoded";

    /// A request to `url` with these form fields (for custom [`TokenSource`]s).
    pub fn new(url: impl Into<String>, form: Vec<(String, String)>) -> Self {
        Self {
            url: url.into(),
            form,
        }
    }

    /// The token endpoint URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The form fields in order.
    pub fn form(&self) -> &[(String, String)] {
        &self.form
    }

    /// The value of form field `name`.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Always [`Self::CONTENT_TYPE`].
    pub fn content_type(&self) -> &'static str {
        Self::CONTENT_TYPE
    }

    /// The URL-encoded body (`a=b&c=d`), wiped when dropped.
    pub fn form_body(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::new());
        for (i, (name, value)) in self.form.iter().enumerate() {
            if i > 0 {
                out.push(b'&');
            }
            form_encode(name, &mut out);
            out.push(b'=');
            form_encode(value, &mut out);
        }
        out
    }
}

impl Drop for TokenRequest {
    fn drop(&mut self) {
        for (_, value) in &mut self.form {
            value.zeroize();
        }
    }
}

impl fmt::Debug for TokenRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Form<'a>(&'a [(String, String)]);
        impl fmt::Debug for Form<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut m = f.debug_map();
                for (n, v) in self.0 {
                    if SECRET_FIELDS.contains(&n.as_str()) {
                        m.entry(n, &"***");
                    } else {
                        m.entry(n, v);
                    }
                }
                m.finish()
            }
        }
        f.debug_struct("TokenRequest")
            .field("url", &self.url)
            .field("form", &Form(&self.form))
            .finish()
    }
}

/// `application/x-www-form-urlencoded` byte serializer (WHATWG URL, section 5.2).
fn form_encode(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(b),
            b' ' => out.push(b'+'),
            _ => out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]),
        }
    }
}

/// Percent-encodes one URL path segment.
pub(crate) fn path_segment(s: &str) -> String {
    let mut out = Vec::new();
    form_encode(s, &mut out);
    // `+` means a space only in forms; in a path, encode the space itself.
    String::from_utf8_lossy(&out).replace('+', "%20")
}

/// What a [`TokenSource`] has: a token, or a request to send to get one.
#[derive(Debug)]
#[non_exhaustive]
pub enum TokenPoll {
    /// A valid token that is not yet due for refresh.
    Ready(AccessToken),
    /// No token, or the token is within the refresh margin of its expiry: send this
    /// request and feed the answer to [`TokenSource::handle_token_response`].
    NeedRequest(TokenRequest),
}

/// Where access tokens come from: a sans-IO state machine like [`crate::AuthScheme`].
///
/// [`crate::OAuth2`] drives it; the flows in this crate are [`crate::OAuthFlow`] and
/// [`crate::StaticToken`].
pub trait TokenSource: Send {
    /// The current token, or the request that fetches a new one. Each call that returns
    /// [`TokenPoll::NeedRequest`] returns a fresh request; send it and feed the answer to
    /// [`handle_token_response`](Self::handle_token_response) before polling again.
    ///
    /// After the endpoint refused a request (an OAuth error document), returns that
    /// [`Error::OAuth`] on every call until the source is reset, so nothing retries in a
    /// loop.
    fn poll_token(&mut self, now: Instant) -> Result<TokenPoll, Error>;

    /// The token endpoint's answer: HTTP status and body.
    fn handle_token_response(
        &mut self,
        status: u16,
        body: &[u8],
        now: Instant,
    ) -> Result<(), Error>;

    /// The server refused the current token (a 401 to a request carrying it): drop it, so
    /// the next [`poll_token`](Self::poll_token) fetches a new one where possible.
    fn invalidate(&mut self) {}
}

#[derive(Deserialize)]
struct TokenBody {
    access_token: String,
    #[serde(default)]
    token_type: Option<String>,
    #[serde(default, deserialize_with = "expires_in")]
    expires_in: Option<u64>,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    scope: Option<String>,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: String,
    #[serde(default)]
    error_description: Option<String>,
}

/// `expires_in` as Azure AD v1 (a string) and v2 (a number) send it.
fn expires_in<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    use serde::de::Error as _;
    let invalid = || D::Error::custom("expires_in is not a non-negative number of seconds");
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::Number(n) => match (n.as_u64(), n.as_f64()) {
            (Some(v), _) => Ok(Some(v)),
            (None, Some(f)) if f.is_finite() && f >= 0.0 => Ok(Some(f as u64)),
            _ => Err(invalid()),
        },
        serde_json::Value::String(s) => s.trim().parse().map(Some).map_err(|_| invalid()),
        _ => Err(invalid()),
    }
}

/// Interprets a token endpoint response (RFC 6749 sections 5.1 and 5.2).
pub(crate) fn parse_token_response(
    status: u16,
    body: &[u8],
    now: Instant,
) -> Result<AccessToken, Error> {
    let oauth_error = |e: ErrorBody| Error::OAuth {
        error: e.error,
        description: e.error_description,
    };
    if !(200..300).contains(&status) {
        return Err(match serde_json::from_slice::<ErrorBody>(body) {
            Ok(e) => oauth_error(e),
            Err(_) => TokenError::Status { status }.into(),
        });
    }
    let t = match serde_json::from_slice::<TokenBody>(body) {
        Ok(t) => t,
        Err(e) => {
            return Err(match serde_json::from_slice::<ErrorBody>(body) {
                Ok(err) => oauth_error(err),
                Err(_) => TokenError::Malformed(Box::new(e)).into(),
            });
        }
    };
    if let Some(tt) = &t.token_type {
        if !tt.eq_ignore_ascii_case("bearer") {
            return Err(TokenError::UnsupportedTokenType(tt.clone()).into());
        }
    }
    let header_safe = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic());
    if !header_safe(&t.access_token) {
        return Err(TokenError::InvalidField("access_token").into());
    }
    let mut token = AccessToken::new(t.access_token);
    token.scope = t.scope;
    // A lifetime past what `Instant` can hold counts as no known expiry.
    token.expires_at = t
        .expires_in
        .and_then(|s| now.checked_add(Duration::from_secs(s)));
    token.refresh_token = t.refresh_token.filter(|r| !r.is_empty()).map(Secret::new);
    Ok(token)
}
