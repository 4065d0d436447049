//! OAuth 2.0 bearer tokens (RFC 6749, RFC 6750): the [`OAuth2`] scheme and its token sources.

mod flow;
mod token;

use std::time::Instant;

use http::HeaderValue;
use zeroize::Zeroizing;

pub use flow::{
    DEFAULT_REFRESH_MARGIN, OAuthFlow, SCOPE_APP, SCOPE_DELEGATED, StaticToken, TokenHook,
    token_endpoint,
};
pub(crate) use token::parse_token_response;
pub use token::{AccessToken, TokenPoll, TokenRequest, TokenSource};

use crate::challenge::{Challenge, Scheme};
use crate::error::{Error, TokenError};
use crate::scheme::{AuthScheme, AuthStep, Failure, RequestInfo, sensitive};

/// `Authorization: Bearer <token>` with tokens from a [`TokenSource`].
///
/// Before each request the transport calls
/// [`poll_token_request`](AuthScheme::poll_token_request) and, if it gets a
/// [`TokenRequest`], sends it and feeds the answer to
/// [`handle_token_response`](AuthScheme::handle_token_response). A 401 to a request that
/// carried a token is [`Failure::Rejected`]; the token is dropped from the source, so the
/// next request fetches a new one (no retry loop within one request).
pub struct OAuth2 {
    source: Box<dyn TokenSource>,
    sent: bool,
}

impl std::fmt::Debug for OAuth2 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OAuth2")
            .field("sent", &self.sent)
            .finish_non_exhaustive()
    }
}

impl OAuth2 {
    /// A Bearer scheme over `source`.
    pub fn new(source: impl TokenSource + 'static) -> Self {
        Self {
            source: Box::new(source),
            sent: false,
        }
    }

    /// The token source, e.g. to reset an [`OAuthFlow`] after a failure.
    pub fn source_mut(&mut self) -> &mut dyn TokenSource {
        &mut *self.source
    }
}

impl AuthScheme for OAuth2 {
    fn name(&self) -> &'static str {
        "Bearer"
    }

    fn poll_authorization(
        &mut self,
        _request: &RequestInfo<'_>,
        now: Instant,
    ) -> Result<Option<HeaderValue>, Error> {
        match self.source.poll_token(now)? {
            TokenPoll::Ready(token) => {
                let value = Zeroizing::new(format!("Bearer {}", token.secret()));
                self.sent = true;
                sensitive(value.as_bytes()).map(Some)
            }
            TokenPoll::NeedRequest(_) => Err(TokenError::NotReady.into()),
        }
    }

    fn handle_challenge(
        &mut self,
        challenges: &[Challenge],
        _now: Instant,
    ) -> Result<AuthStep, Error> {
        if !challenges.iter().any(|c| c.scheme == Scheme::Bearer) {
            return Ok(AuthStep::Failed(Failure::NotOffered));
        }
        if std::mem::take(&mut self.sent) {
            self.source.invalidate();
            return Ok(AuthStep::Failed(Failure::Rejected));
        }
        Ok(AuthStep::Retry)
    }

    fn is_connection_bound(&self) -> bool {
        false
    }

    fn poll_token_request(&mut self, now: Instant) -> Result<Option<TokenRequest>, Error> {
        Ok(match self.source.poll_token(now)? {
            TokenPoll::NeedRequest(r) => Some(r),
            TokenPoll::Ready(_) => None,
        })
    }

    fn handle_token_response(
        &mut self,
        status: u16,
        body: &[u8],
        now: Instant,
    ) -> Result<(), Error> {
        self.source.handle_token_response(status, body, now)
    }
}

#[cfg(test)]
mod tests;
