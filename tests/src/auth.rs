//! How `FakeExchange` authenticates: the schemes it offers in `WWW-Authenticate` (Basic,
//! NTLM, Bearer), the identity a connection carries (an NTLM handshake or a TLS client
//! certificate), and the builder settings and accessors of all that.
//!
//! The server calls [`authenticate`] for each EWS request and [`token_endpoint`] for
//! `POST /oauth2/token`; everything else about authentication stays in this module.

pub(crate) mod cert;
#[cfg(feature = "gssapi")]
mod negotiate;
mod oauth;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use bytes::Bytes;
use ews_test_support::ntlm;
use http::{HeaderMap, HeaderValue, Response, StatusCode};
use http_body_util::Full;

pub(crate) use oauth::token_endpoint;

use crate::{Builder, FakeExchange, REALM, State, lock};

/// The NetBIOS domain of NTLM (and of `DOMAIN\user` names in Basic): `EXAMPLE`.
pub const NTLM_DOMAIN: &str = "EXAMPLE";
/// The NetBIOS computer name in NTLM challenges.
const NTLM_COMPUTER: &str = "MAIL";
/// The path of the OAuth 2.0 token endpoint.
pub const TOKEN_PATH: &str = "/oauth2/token";

/// An authentication scheme `FakeExchange` offers in its `WWW-Authenticate` challenges.
///
/// TLS client certificates are not in this list: with [`Builder::tls`] they are always
/// accepted (see [`FakeExchange::issue_client_certificate`]).
///
/// ```
/// use ews_tests::AuthScheme;
///
/// assert_eq!(AuthScheme::from_name("NTLM"), Some(AuthScheme::Ntlm));
/// let builder = ews_tests::FakeExchange::builder().auth([AuthScheme::Bearer]);
/// # let _ = builder;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthScheme {
    /// `Authorization: Basic` with a user's password.
    Basic,
    /// NTLMv2, bound to the connection as IIS does.
    Ntlm,
    /// OAuth 2.0 bearer tokens from the server's own token endpoint
    /// ([`FakeExchange::token_url`]).
    Bearer,
    /// Negotiate (SPNEGO/Kerberos) through the system GSSAPI library, bound to the
    /// connection; the acceptor's key comes from the keytab in `KRB5_KTNAME` (feature
    /// `gssapi`).
    #[cfg(feature = "gssapi")]
    Negotiate,
}

impl AuthScheme {
    /// The scheme named `name` (`basic`, `ntlm`, `bearer`; any case).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "basic" => Some(Self::Basic),
            "ntlm" => Some(Self::Ntlm),
            "bearer" | "oauth" | "oauth2" => Some(Self::Bearer),
            #[cfg(feature = "gssapi")]
            "negotiate" | "kerberos" => Some(Self::Negotiate),
            _ => None,
        }
    }

    /// The `WWW-Authenticate` value that offers this scheme.
    fn challenge(self) -> String {
        match self {
            Self::Basic => format!("Basic realm=\"{REALM}\""),
            Self::Ntlm => "NTLM".to_owned(),
            Self::Bearer => format!("Bearer realm=\"{REALM}\""),
            #[cfg(feature = "gssapi")]
            Self::Negotiate => "Negotiate".to_owned(),
        }
    }
}

/// The authentication settings of a [`Builder`].
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    schemes: Vec<AuthScheme>,
    clients: Vec<oauth::Client>,
    token_lifetime: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            schemes: vec![AuthScheme::Basic, AuthScheme::Ntlm],
            clients: Vec::new(),
            token_lifetime: Duration::from_secs(3600),
        }
    }
}

impl Builder {
    /// The schemes offered, in the order of the `WWW-Authenticate` headers of a 401
    /// (default: Basic, then NTLM). An empty list offers nothing: only client
    /// certificates (with [`tls`](Self::tls)) get in.
    #[must_use]
    pub fn auth(mut self, schemes: impl IntoIterator<Item = AuthScheme>) -> Self {
        let mut seen = HashSet::new();
        self.auth.schemes = schemes.into_iter().filter(|s| seen.insert(*s)).collect();
        self
    }

    /// Registers an OAuth client of the token endpoint. `client_credentials` tokens act as
    /// `acting_user` (an address added with [`user`](Self::user)). A client with an empty
    /// secret is public: it may use the `password` and `refresh_token` grants without a
    /// secret, but not `client_credentials`.
    #[must_use]
    pub fn oauth_client(
        mut self,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        acting_user: impl Into<String>,
    ) -> Self {
        self.auth.clients.push(oauth::Client {
            id: client_id.into(),
            secret: client_secret.into(),
            acting_user: acting_user.into().to_lowercase(),
        });
        self
    }

    /// How long access tokens stay valid (default one hour; `expires_in` is rounded down
    /// to whole seconds). Expiry follows tokio's clock, so a test with a paused clock can
    /// advance past it.
    #[must_use]
    pub fn token_lifetime(mut self, lifetime: Duration) -> Self {
        self.auth.token_lifetime = lifetime;
        self
    }
}

impl FakeExchange {
    /// The OAuth 2.0 token endpoint, e.g. `http://127.0.0.1:40123/oauth2/token` (it
    /// answers only when [`AuthScheme::Bearer`] is offered).
    pub fn token_url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}{TOKEN_PATH}", self.addr)
    }

    /// Issues a client certificate for `email` from the server's CA: `(certificate PEM,
    /// PKCS#8 private key PEM)`. The address is the certificate's subject common name,
    /// its e-mail attribute and its `rfc822Name` alternative name; presenting it
    /// authenticates the connection as that user, if the server knows the user.
    /// Fails without [`Builder::tls`].
    pub fn issue_client_certificate(&self, email: &str) -> Result<(String, String), crate::Error> {
        match &self.state.auth.pki {
            Some(pki) => pki.issue_client_certificate(email),
            None => Err(crate::Error::Tls(
                "client certificates need a server started with .tls()".to_owned(),
            )),
        }
    }

    /// NTLM handshakes completed (one per connection that authenticated with NTLM).
    pub fn ntlm_handshakes(&self) -> usize {
        self.state.auth.ntlm_handshakes.load(Ordering::SeqCst)
    }

    /// Connections accepted (after the TLS handshake, with TLS).
    pub fn connections(&self) -> usize {
        self.state.auth.connections.load(Ordering::SeqCst)
    }

    /// Negotiate (Kerberos) handshakes completed (feature `gssapi`).
    #[cfg(feature = "gssapi")]
    pub fn negotiate_handshakes(&self) -> usize {
        self.state.auth.negotiate_handshakes.load(Ordering::SeqCst)
    }

    /// Access tokens the token endpoint issued.
    pub fn tokens_issued(&self) -> usize {
        self.state.auth.issuer.issued()
    }
}

/// The authentication state of a running server.
#[derive(Debug)]
pub(crate) struct Auth {
    schemes: Vec<AuthScheme>,
    acceptor: ntlm::Acceptor,
    issuer: oauth::Issuer,
    pub(crate) pki: Option<cert::Pki>,
    ntlm_handshakes: AtomicUsize,
    #[cfg(feature = "gssapi")]
    negotiate_handshakes: AtomicUsize,
    connections: AtomicUsize,
}

impl Auth {
    pub(crate) fn new(settings: Settings, pki: Option<cert::Pki>) -> Self {
        Self {
            acceptor: ntlm::Acceptor::new(NTLM_DOMAIN, NTLM_COMPUTER),
            issuer: oauth::Issuer::new(settings.clients, settings.token_lifetime),
            schemes: settings.schemes,
            pki,
            ntlm_handshakes: AtomicUsize::new(0),
            #[cfg(feature = "gssapi")]
            negotiate_handshakes: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
        }
    }

    fn offers(&self, scheme: AuthScheme) -> bool {
        self.schemes.contains(&scheme)
    }

    /// A 401 offering every scheme; `bearer_error` adds `error="…"` to the Bearer one.
    fn unauthorized(&self, bearer_error: Option<&str>) -> Refusal {
        let values = self.schemes.iter().map(|s| match (s, bearer_error) {
            (AuthScheme::Bearer, Some(e)) => format!("{}, error=\"{e}\"", s.challenge()),
            _ => s.challenge(),
        });
        status_with_challenges(values)
    }
}

/// The 401 that refuses a request (boxed: it is the error side of [`authenticate`]).
pub(crate) type Refusal = Box<Response<Full<Bytes>>>;

fn status_with_challenges(values: impl IntoIterator<Item = String>) -> Refusal {
    let mut r = Box::new(Response::new(Full::new(Bytes::new())));
    *r.status_mut() = StatusCode::UNAUTHORIZED;
    for v in values {
        if let Ok(v) = HeaderValue::try_from(v) {
            r.headers_mut().append(http::header::WWW_AUTHENTICATE, v);
        }
    }
    r
}

/// What one connection has proven, shared by the requests on it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Connection(Arc<Mutex<ConnState>>);

#[derive(Debug, Default)]
struct ConnState {
    /// The user of a valid client certificate.
    certificate_user: Option<String>,
    /// The user of a completed connection-bound handshake (NTLM, Negotiate).
    handshake_user: Option<String>,
    /// The challenge sent, waiting for the AUTHENTICATE message.
    ntlm: Option<ntlm::Challenge>,
    /// The GSSAPI acceptor context while a Negotiate handshake runs.
    #[cfg(feature = "gssapi")]
    negotiate: Option<libgssapi::context::ServerCtx>,
}

impl Connection {
    /// A new plain (or certificate-less) connection.
    pub(crate) fn new(state: &State) -> Self {
        state.auth.connections.fetch_add(1, Ordering::SeqCst);
        Self::default()
    }

    /// A new TLS connection: a client certificate (already verified against the CA by the
    /// handshake) naming a known user authenticates it.
    pub(crate) fn tls(state: &State, tls: &rustls::ServerConnection) -> Self {
        let conn = Self::new(state);
        let user = tls
            .peer_certificates()
            .and_then(|chain| chain.first())
            .into_iter()
            .flat_map(|leaf| cert::email_addresses(leaf))
            .find_map(|email| resolve(state, "", &email));
        lock(&conn.0).certificate_user = user;
        conn
    }
}

/// The lower-cased address of the user named `user` (with `domain`, possibly empty):
/// an address (`alice@example.test`), a local part (`alice`) or a local part in the NTLM
/// domain or the address's own domain (`EXAMPLE\alice`, `example.test\alice`). A local
/// part shared by several users names none of them.
fn resolve(state: &State, domain: &str, user: &str) -> Option<String> {
    let user = user.to_lowercase();
    if user.contains('@') {
        return (domain.is_empty() && state.users.contains_key(&user)).then_some(user);
    }
    let mut found = state.users.keys().filter(|address| {
        address.split_once('@').is_some_and(|(local, dns)| {
            local == user
                && (domain.is_empty()
                    || domain.eq_ignore_ascii_case(NTLM_DOMAIN)
                    || domain.eq_ignore_ascii_case(dns))
        })
    });
    match (found.next(), found.next()) {
        (Some(address), None) => Some(address.clone()),
        _ => None,
    }
}

/// An authenticated request.
#[derive(Debug)]
pub(crate) struct Granted {
    /// The lower-cased address of the user.
    pub(crate) user: String,
    /// A `WWW-Authenticate` value for the response (Negotiate's final token).
    pub(crate) www_authenticate: Option<HeaderValue>,
}

impl From<String> for Granted {
    fn from(user: String) -> Self {
        Self {
            user,
            www_authenticate: None,
        }
    }
}

/// The user a request acts as, or the 401 to answer with.
///
/// An `Authorization` header decides when present (a failure is a 401 even on an
/// authenticated connection); without one, the connection's NTLM or Negotiate user, else
/// its certificate user, is used.
pub(crate) fn authenticate(
    state: &State,
    conn: &Connection,
    headers: &HeaderMap,
) -> Result<Granted, Refusal> {
    let auth = &state.auth;
    let mut c = lock(&conn.0);
    let Some(value) = headers.get(http::header::AUTHORIZATION) else {
        return c
            .handshake_user
            .clone()
            .or_else(|| c.certificate_user.clone())
            .map(Granted::from)
            .ok_or_else(|| auth.unauthorized(None));
    };
    let value = value.to_str().unwrap_or_default().trim();
    let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
    let token = token.trim();
    let scheme = scheme.to_ascii_lowercase();
    match scheme.as_str() {
        "basic" if auth.offers(AuthScheme::Basic) => basic(state, token)
            .map(Granted::from)
            .ok_or_else(|| auth.unauthorized(None)),
        "ntlm" if auth.offers(AuthScheme::Ntlm) => {
            ntlm_step(state, &mut c, token).map(Granted::from)
        }
        "bearer" if auth.offers(AuthScheme::Bearer) => {
            let now = tokio::time::Instant::now();
            auth.issuer
                .user_of(token, now)
                .map(Granted::from)
                .ok_or_else(|| auth.unauthorized(Some("invalid_token")))
        }
        #[cfg(feature = "gssapi")]
        "negotiate" if auth.offers(AuthScheme::Negotiate) => negotiate::step(state, &mut c, token),
        _ => Err(auth.unauthorized(None)),
    }
}

/// The user of Basic credentials: `address:password`, `user:password` or
/// `DOMAIN\user:password`.
fn basic(state: &State, token: &str) -> Option<String> {
    let (name, password) = basic_pair(token)?;
    let (domain, user) = name.split_once('\\').unwrap_or(("", &name));
    let address = resolve(state, domain, user)?;
    (*state.users.get(&address)? == password).then_some(address)
}

/// The name and password of a Basic token (`base64(name:password)`).
fn basic_pair(token: &str) -> Option<(String, String)> {
    let decoded = String::from_utf8(STANDARD.decode(token).ok()?).ok()?;
    let (name, password) = decoded.split_once(':')?;
    Some((name.to_owned(), password.to_owned()))
}

/// One leg of the NTLM handshake on this connection: NEGOTIATE gets a CHALLENGE, a
/// verified AUTHENTICATE authenticates the connection; anything else gets a fresh offer.
fn ntlm_step(state: &State, c: &mut ConnState, token: &str) -> Result<String, Refusal> {
    let auth = &state.auth;
    let Ok(msg) = STANDARD.decode(token) else {
        return Err(auth.unauthorized(None));
    };
    match msg.get(8..12) {
        Some([1, 0, 0, 0]) => {
            // A new handshake drops what an earlier one proved.
            c.handshake_user = None;
            let Ok(challenge) = auth.acceptor.challenge(&msg) else {
                return Err(auth.unauthorized(None));
            };
            let value = format!("NTLM {}", STANDARD.encode(challenge.message()));
            c.ntlm = Some(challenge);
            Err(status_with_challenges([value]))
        }
        Some([3, 0, 0, 0]) => {
            let Some(challenge) = c.ntlm.take() else {
                return Err(auth.unauthorized(None));
            };
            let mut address = None;
            let verified = challenge.verify(&msg, |domain, user| {
                address = resolve(state, domain, user);
                address.as_ref().and_then(|a| state.users.get(a)).cloned()
            });
            match (verified, address) {
                (Ok(_), Some(address)) => {
                    auth.ntlm_handshakes.fetch_add(1, Ordering::SeqCst);
                    c.handshake_user = Some(address.clone());
                    Ok(address)
                }
                _ => Err(auth.unauthorized(None)),
            }
        }
        _ => Err(auth.unauthorized(None)),
    }
}
