//! How the transport holds authentication schemes: one shared instance for schemes that are
//! not connection-bound (Basic, Digest, Bearer), one instance per connection for those that
//! are (NTLM).

use std::sync::Arc;

use ews_auth::{AuthScheme, Credentials, SchemeKind};

type Factory = Arc<dyn Fn() -> Result<Box<dyn AuthScheme>, ews_auth::Error> + Send + Sync>;

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
        Self(Inner::Factory(Arc::new(factory)))
    }

    /// The scheme `kind` for `credentials`.
    pub fn from_credentials(kind: SchemeKind, credentials: Credentials) -> Self {
        Self::new(move || kind.build(&credentials))
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
        factory: Option<Factory>,
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
    pub(crate) fn new(auth: Auth) -> Result<Self, crate::Error> {
        match auth.0 {
            Inner::Scheme(s) if s.is_connection_bound() => Err(crate::Error::Config(format!(
                "the {} scheme is connection-bound: pass a factory with Auth::new",
                s.name()
            ))),
            Inner::Scheme(s) => Ok(Self::Shared {
                scheme: tokio::sync::Mutex::new(s),
                factory: None,
            }),
            Inner::Factory(f) => {
                let first = f().map_err(|e| crate::Error::Auth(e.into()))?;
                if first.is_connection_bound() {
                    Ok(Self::PerConnection(f))
                } else {
                    Ok(Self::Shared {
                        scheme: tokio::sync::Mutex::new(first),
                        factory: Some(f),
                    })
                }
            }
        }
    }
}
