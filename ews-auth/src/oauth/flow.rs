//! The OAuth 2.0 grants against the Microsoft identity platform, and a static token.

use std::fmt;
use std::time::{Duration, Instant};

use super::token::{
    AccessToken, TokenPoll, TokenRequest, TokenSource, parse_token_response, path_segment,
};
use crate::credentials::Secret;
use crate::error::{Error, TokenError};

/// The scope for app-only EWS access (client credentials).
pub const SCOPE_APP: &str = "https://outlook.office365.com/.default";
/// The scope for delegated EWS access, with a refresh token.
pub const SCOPE_DELEGATED: &str =
    "https://outlook.office365.com/EWS.AccessAsUser.All offline_access";
/// How long before expiry a token is refreshed, unless set otherwise.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(5 * 60);

/// The Microsoft identity platform v2.0 token endpoint of a tenant (a tenant id, a domain,
/// `common` or `organizations`).
pub fn token_endpoint(tenant: &str) -> String {
    format!(
        "https://login.microsoftonline.com/{}/oauth2/v2.0/token",
        path_segment(tenant)
    )
}

enum Grant {
    ClientCredentials,
    AuthorizationCode {
        code: Option<Secret>,
        redirect_uri: String,
        code_verifier: Option<Secret>,
    },
    Password {
        username: String,
        password: Secret,
    },
    RefreshToken,
}

/// Hook called with every new token.
pub type TokenHook = Box<dyn FnMut(&AccessToken) + Send>;

/// An OAuth 2.0 grant against a token endpoint (by default the Microsoft identity
/// platform v2.0 endpoint of the tenant), as a [`TokenSource`].
///
/// - [`client_credentials`](Self::client_credentials): app-only, with a client secret.
/// - [`authorization_code`](Self::authorization_code): delegated, from a code your app
///   received at its redirect URI; then refreshed with the refresh token.
/// - [`refresh_token`](Self::refresh_token): delegated, resuming from a stored refresh token.
/// - [`password`](Self::password): the legacy resource-owner password grant (ROPC), which
///   does not work with MFA or federated accounts.
///
/// A token is refreshed when it is within the refresh margin of its expiry (default
/// [`DEFAULT_REFRESH_MARGIN`]); a refresh token, when held, is used for that. Every new
/// token is passed to the [`on_token`](Self::on_token) hook (to persist refresh tokens). An
/// error document from the endpoint (`invalid_grant`, …) is returned as [`Error::OAuth`]
/// and keeps being returned until [`reset`](Self::reset): a failed grant is never retried
/// in a loop.
pub struct OAuthFlow {
    endpoint: String,
    client_id: String,
    client_secret: Option<Secret>,
    scope: String,
    grant: Grant,
    refresh_token: Option<Secret>,
    token: Option<AccessToken>,
    refresh_margin: Duration,
    on_token: Option<TokenHook>,
    failed: Option<(String, Option<String>)>,
}

impl fmt::Debug for OAuthFlow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let grant = match &self.grant {
            Grant::ClientCredentials => "client_credentials",
            Grant::AuthorizationCode { .. } => "authorization_code",
            Grant::Password { .. } => "password",
            Grant::RefreshToken => "refresh_token",
        };
        f.debug_struct("OAuthFlow")
            .field("endpoint", &self.endpoint)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("scope", &self.scope)
            .field("grant", &grant)
            .field("refresh_token", &self.refresh_token)
            .field("token", &self.token)
            .field("refresh_margin", &self.refresh_margin)
            .field("failed", &self.failed)
            .finish_non_exhaustive()
    }
}

impl OAuthFlow {
    fn new(tenant: &str, client_id: impl Into<String>, scope: &str, grant: Grant) -> Self {
        Self {
            endpoint: token_endpoint(tenant),
            client_id: client_id.into(),
            client_secret: None,
            scope: scope.to_owned(),
            grant,
            refresh_token: None,
            token: None,
            refresh_margin: DEFAULT_REFRESH_MARGIN,
            on_token: None,
            failed: None,
        }
    }

    /// The client credentials grant (app-only access), scope [`SCOPE_APP`].
    pub fn client_credentials(
        tenant: &str,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> Self {
        Self::new(tenant, client_id, SCOPE_APP, Grant::ClientCredentials)
            .with_client_secret(client_secret)
    }

    /// The authorization code grant, from a code delivered to `redirect_uri`; scope
    /// [`SCOPE_DELEGATED`]. A public client needs no secret; add one with
    /// [`with_client_secret`](Self::with_client_secret), and the PKCE verifier with
    /// [`with_code_verifier`](Self::with_code_verifier).
    pub fn authorization_code(
        tenant: &str,
        client_id: impl Into<String>,
        code: impl Into<Secret>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        let grant = Grant::AuthorizationCode {
            code: Some(code.into()),
            redirect_uri: redirect_uri.into(),
            code_verifier: None,
        };
        Self::new(tenant, client_id, SCOPE_DELEGATED, grant)
    }

    /// Resumes delegated access from a stored refresh token; scope [`SCOPE_DELEGATED`].
    pub fn refresh_token(
        tenant: &str,
        client_id: impl Into<String>,
        refresh_token: impl Into<Secret>,
    ) -> Self {
        let mut flow = Self::new(tenant, client_id, SCOPE_DELEGATED, Grant::RefreshToken);
        flow.refresh_token = Some(refresh_token.into());
        flow
    }

    /// The legacy resource owner password credentials grant (ROPC); scope
    /// [`SCOPE_DELEGATED`].
    pub fn password(
        tenant: &str,
        client_id: impl Into<String>,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Self {
        let grant = Grant::Password {
            username: username.into(),
            password: password.into(),
        };
        Self::new(tenant, client_id, SCOPE_DELEGATED, grant)
    }

    /// Sets the client secret (confidential clients).
    pub fn with_client_secret(mut self, client_secret: impl Into<Secret>) -> Self {
        self.client_secret = Some(client_secret.into());
        self
    }

    /// Sets the PKCE `code_verifier` sent with an authorization code.
    pub fn with_code_verifier(mut self, verifier: impl Into<Secret>) -> Self {
        if let Grant::AuthorizationCode { code_verifier, .. } = &mut self.grant {
            *code_verifier = Some(verifier.into());
        }
        self
    }

    /// Replaces the scope (space-separated scopes).
    pub fn with_scope(mut self, scope: impl Into<String>) -> Self {
        self.scope = scope.into();
        self
    }

    /// Replaces the token endpoint URL (another cloud, a test server).
    pub fn with_token_endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = url.into();
        self
    }

    /// How long before expiry a token is refreshed.
    pub fn with_refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// Calls `hook` with every new token, e.g. to persist its refresh token.
    pub fn on_token(mut self, hook: impl FnMut(&AccessToken) + Send + 'static) -> Self {
        self.on_token = Some(Box::new(hook));
        self
    }

    /// The current token, if any.
    pub fn token(&self) -> Option<&AccessToken> {
        self.token.as_ref()
    }

    /// Clears a failure from the token endpoint, so the next poll asks again.
    pub fn reset(&mut self) {
        self.failed = None;
    }

    /// Replaces the refresh token (e.g. after an interactive sign-in) and clears a failure.
    pub fn set_refresh_token(&mut self, refresh_token: impl Into<Secret>) {
        self.refresh_token = Some(refresh_token.into());
        self.failed = None;
    }

    fn request(&self) -> Result<TokenRequest, Error> {
        let mut form = vec![("client_id".to_owned(), self.client_id.clone())];
        let mut push = |k: &str, v: &str| form.push((k.to_owned(), v.to_owned()));
        match (&self.grant, &self.refresh_token) {
            (Grant::ClientCredentials, _) => push("grant_type", "client_credentials"),
            (_, Some(rt)) => {
                push("grant_type", "refresh_token");
                push("refresh_token", rt.expose());
            }
            (
                Grant::AuthorizationCode {
                    code: Some(code),
                    redirect_uri,
                    code_verifier,
                },
                None,
            ) => {
                push("grant_type", "authorization_code");
                push("code", code.expose());
                push("redirect_uri", redirect_uri);
                if let Some(v) = code_verifier {
                    push("code_verifier", v.expose());
                }
            }
            (Grant::Password { username, password }, None) => {
                push("grant_type", "password");
                push("username", username);
                push("password", password.expose());
            }
            (Grant::AuthorizationCode { code: None, .. } | Grant::RefreshToken, None) => {
                return Err(TokenError::NoGrant.into());
            }
        }
        push("scope", &self.scope);
        if let Some(s) = &self.client_secret {
            push("client_secret", s.expose());
        }
        Ok(TokenRequest::new(self.endpoint.clone(), form))
    }
}

impl TokenSource for OAuthFlow {
    fn poll_token(&mut self, now: Instant) -> Result<TokenPoll, Error> {
        if let Some((error, description)) = &self.failed {
            return Err(Error::OAuth {
                error: error.clone(),
                description: description.clone(),
            });
        }
        match &self.token {
            Some(t) if !t.expires_within(now, self.refresh_margin) => {
                Ok(TokenPoll::Ready(t.clone()))
            }
            _ => self.request().map(TokenPoll::NeedRequest),
        }
    }

    fn handle_token_response(
        &mut self,
        status: u16,
        body: &[u8],
        now: Instant,
    ) -> Result<(), Error> {
        // Authorization codes are single-use, whatever the answer.
        if let Grant::AuthorizationCode { code, .. } = &mut self.grant {
            if self.refresh_token.is_none() {
                *code = None;
            }
        }
        match parse_token_response(status, body, now) {
            Ok(mut token) => {
                if let Some(rt) = token.take_refresh_token() {
                    self.refresh_token = Some(rt);
                }
                token.set_refresh_token(self.refresh_token.clone());
                if let Some(hook) = &mut self.on_token {
                    hook(&token);
                }
                self.token = Some(token);
                Ok(())
            }
            Err(Error::OAuth { error, description }) => {
                self.failed = Some((error.clone(), description.clone()));
                Err(Error::OAuth { error, description })
            }
            Err(e) => Err(e),
        }
    }

    fn invalidate(&mut self) {
        self.token = None;
    }
}

/// A caller-supplied access token, used as is: never refreshed, never requested.
#[derive(Debug, Clone)]
pub struct StaticToken {
    token: AccessToken,
}

impl StaticToken {
    /// Wraps a token.
    pub fn new(token: impl Into<Secret>) -> Self {
        Self {
            token: AccessToken::new(token),
        }
    }
}

impl TokenSource for StaticToken {
    fn poll_token(&mut self, _now: Instant) -> Result<TokenPoll, Error> {
        Ok(TokenPoll::Ready(self.token.clone()))
    }

    fn handle_token_response(
        &mut self,
        _status: u16,
        _body: &[u8],
        _now: Instant,
    ) -> Result<(), Error> {
        Err(TokenError::UnexpectedResponse.into())
    }
}
