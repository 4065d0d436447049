//! How the transport holds authentication schemes: one shared instance for schemes that are
//! not connection-bound (Basic, Digest, Bearer), one instance per connection for those that
//! are (NTLM, Negotiate).

use std::sync::Arc;

use ews_auth::{AuthScheme, Credentials, SchemeKind};

use crate::error::ConfigError;

/// Builds a scheme for the server at the given host (the DNS name from the request URL,
/// without the port): Negotiate's SPN is `HTTP/<host>`; the other schemes ignore it.
pub(crate) type Factory =
    Arc<dyn Fn(&str) -> Result<Box<dyn AuthScheme>, ews_auth::Error> + Send + Sync>;

/// The authentication the transport performs, from `ews-auth` schemes.
///
/// ```
/// use ews_auth::{Credentials, SchemeKind};
/// use ews_transport::Auth;
///
/// let creds = Credentials::password(r"EXAMPLE\alice", "secret")?;
/// let auth = Auth::from_credentials(SchemeKind::Ntlm, creds);
/// # Ok::<(), ews_auth::Error>(())
/// ```
pub struct Auth(pub(crate) Inner);

pub(crate) enum Inner {
    Factory(Factory),
    Scheme(Box<dyn AuthScheme>),
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Inner::Factory(_) => f.write_str("Auth::Factory"),
            Inner::Scheme(s) => write!(f, "Auth::Scheme({})", s.name()),
        }
    }
}

impl Auth {
    /// Schemes built by `factory`: a connection-bound scheme gets a fresh instance per
    /// connection; any other is built once and rebuilt when a server that accepted it
    /// before suddenly rejects it.
    pub fn new(
        factory: impl Fn() -> Result<Box<dyn AuthScheme>, ews_auth::Error> + Send + Sync + 'static,
    ) -> Self {
        Self(Inner::Factory(Arc::new(move |_host: &str| factory())))
    }

    /// The scheme `kind` for `credentials`, built with
    /// [`SchemeKind::build_for_host`] for the host of the request URL (the endpoint's, or
    /// [`CallOptions::url`](crate::CallOptions::url)'s), so that `SchemeKind::Negotiate`
    /// (feature `gssapi`) targets `HTTP/<host>`.
    pub fn from_credentials(kind: SchemeKind, credentials: Credentials) -> Self {
        Self(Inner::Factory(Arc::new(move |host: &str| {
            kind.build_for_host(&credentials, host)
        })))
    }

    /// One scheme instance for every request (e.g. an `OAuth2` over an `OAuthFlow`). It must
    /// not be connection-bound: building the transport fails otherwise (use [`Auth::new`]).
    pub fn scheme(scheme: impl AuthScheme + 'static) -> Self {
        Self(Inner::Scheme(Box::new(scheme)))
    }
}

/// The runtime form of [`Auth`].
pub(crate) enum AuthState {
    Shared {
        scheme: tokio::sync::Mutex<Box<dyn AuthScheme>>,
        /// The factory and the host the scheme was built for (for rebuilding it).
        factory: Option<(Factory, String)>,
    },
    PerConnection(Factory),
}

impl std::fmt::Debug for AuthState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Shared { .. } => "AuthState::Shared",
            Self::PerConnection(_) => "AuthState::PerConnection",
        })
    }
}

impl AuthState {
    /// `host`: the endpoint's host, for the first build (which decides whether the scheme
    /// is connection-bound, and is kept for the shared ones).
    pub(crate) fn new(auth: Auth, host: &str) -> Result<Self, crate::Error> {
        match auth.0 {
            Inner::Scheme(s) if s.is_connection_bound() => {
                Err(ConfigError::ConnectionBoundScheme { scheme: s.name() }.into())
            }
            Inner::Scheme(s) => Ok(Self::Shared {
                scheme: tokio::sync::Mutex::new(s),
                factory: None,
            }),
            Inner::Factory(f) => {
                let first = f(host).map_err(|e| crate::Error::Auth(e.into()))?;
                if first.is_connection_bound() {
                    Ok(Self::PerConnection(f))
                } else {
                    Ok(Self::Shared {
                        scheme: tokio::sync::Mutex::new(first),
                        factory: Some((f, host.to_owned())),
                    })
                }
            }
        }
    }
}
