//! Negotiate (SPNEGO, RFC 4559) with Kerberos through the system GSSAPI library
//! (MIT krb5 or Heimdal), on top of the `libgssapi` crate, whose types stay private.
//!
//! **Windows SSPI is not implemented.** This module is GSSAPI only and exists only with the
//! crate feature `gssapi`. Negotiate through Windows SSPI is not written: it could be neither
//! built nor tested on the systems this crate is developed on, so no untested version of it
//! is shipped. On Windows use NTLM ([`Ntlm`](crate::Ntlm)), Basic or OAuth.
//!
//! # Example
//! Needs a Kerberos realm (a KDC, a `krb5.conf`, and a ticket from `kinit` or a password),
//! so it is not run as a doc test; `tests/kerberos.rs` runs the same exchange against a
//! real MIT KDC.
//! ```ignore
//! use std::time::Instant;
//! use ews_auth::{AuthScheme, AuthStep, Negotiate, RequestInfo, parse_www_authenticate};
//!
//! // Credentials from the default ticket cache (`kinit alice@EXAMPLE.TEST` beforehand);
//! // the SPN is HTTP/mail.example.test.
//! let mut scheme = Negotiate::new("mail.example.test")?;
//! let now = Instant::now();
//! // The server's 401 to an unauthenticated request:
//! let challenges = parse_www_authenticate(&["Negotiate", "NTLM"])?;
//! assert_eq!(scheme.handle_challenge(&challenges, now)?, AuthStep::Retry);
//! // May block: GSSAPI asks the KDC for a service ticket here.
//! let request = RequestInfo::new("POST", "/EWS/Exchange.asmx");
//! let header = scheme.poll_authorization(&request, now)?; // Some("Negotiate YII…")
//! // … send the request with that header; the server answers 200 with
//! // `WWW-Authenticate: Negotiate oYG…`, which proves the server's identity:
//! let final_challenges = parse_www_authenticate(&["Negotiate oYGXMIGUoAMKAQCh…"])?;
//! scheme.handle_success(&final_challenges, now)?;
//! # Ok::<(), ews_auth::Error>(())
//! ```

mod error;

use std::fmt;
use std::time::Instant;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::HeaderValue;
use libgssapi::context::{ClientCtx, CtxFlags, SecurityContext as _};
use libgssapi::credential::{Cred, CredUsage};
use libgssapi::name::Name;
use libgssapi::oid::{
    GSS_MECH_SPNEGO, GSS_NT_HOSTBASED_SERVICE, GSS_NT_KRB5_PRINCIPAL, GSS_NT_USER_NAME, OidSet,
};

pub use self::error::NegotiateError;
use crate::challenge::{Challenge, Scheme};
use crate::credentials::{Credentials, Secret, UserName};
use crate::error::{CredentialsError, Error};
use crate::ntlm::Ntlm;
use crate::scheme::{AuthScheme, AuthStep, Failure, RequestInfo, sensitive};

/// Whether the server must prove its identity with a final Negotiate token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MutualAuth {
    /// The final success response must carry a valid `WWW-Authenticate: Negotiate <token>`
    /// ([`AuthScheme::handle_success`] fails otherwise). The default.
    #[default]
    Required,
    /// A final token, if sent, is checked; its absence is accepted.
    Optional,
}

/// Negotiate (`WWW-Authenticate: Negotiate`, SPNEGO with Kerberos) through GSSAPI (MIT krb5
/// or Heimdal; feature `gssapi`). Windows SSPI is not implemented.
///
/// - **Target**: the SPN `HTTP/<host>` (imported as the host-based service `HTTP@host`,
///   the realm found through `krb5.conf`'s `[domain_realm]`), or any principal set with
///   [`with_spn`](Self::with_spn).
/// - **Credentials**: the default ticket cache ([`new`](Self::new); `kinit` first), or a
///   password ([`with_credentials`](Self::with_credentials), through
///   `gss_acquire_cred_with_password`, kept in memory, never written to a cache).
///   `DOMAIN\user` becomes `user@DOMAIN` and `user@corp.example` `user@CORP.EXAMPLE`
///   (the realm upper-cased); a plain name gets the default realm.
/// - **Rounds**: nothing is sent before the server asked for it: `poll_authorization`
///   gives no header until a 401 offering `Negotiate` went through
///   [`handle_challenge`](AuthScheme::handle_challenge) (which may also pick NTLM, see
///   below). The next `poll_authorization` gives the first Kerberos token (this is where
///   GSSAPI runs); a 401 carrying `Negotiate <token>` continues the context
///   ([`handle_challenge`](AuthScheme::handle_challenge) returns [`AuthStep::Retry`] and
///   the next `poll_authorization` gives the answer); the final success response's
///   `Negotiate <token>` goes to [`handle_success`](AuthScheme::handle_success), which
///   checks mutual authentication ([`MutualAuth`], required by default). After that the
///   connection is authenticated and no header is sent. A 401 after a token was sent
///   without a new server token means the server refused the ticket:
///   [`AuthStep::Failed`]. Build a new `Negotiate` for each connection.
/// - **Channel binding**: when [`RequestInfo::tls_server_end_point`] is set on the first
///   request, `tls-server-end-point:` + hash (RFC 5929) is bound into the Kerberos
///   authenticator, as Windows does for Extended Protection.
/// - **NTLM fallback**, with password credentials ([`with_credentials`](Self::with_credentials))
///   only: the scheme continues as [`Ntlm`] with the same credentials (its
///   [`name`](AuthScheme::name) becomes `"NTLM"`) when the first 401 offers `NTLM` but not
///   `Negotiate` (GSSAPI is then never called), or when it offers both and Kerberos fails
///   before the first token (no KDC for the realm, unknown SPN, no ticket, wrong password;
///   [`kerberos_error`](Self::kerberos_error) keeps why). When both are offered and
///   Kerberos works, Kerberos is used. Otherwise the GSSAPI error is returned (or
///   [`Failure::NotOffered`] when neither scheme is offered). NTLM inside SPNEGO is not
///   sent. Turn the fallback off with [`without_ntlm_fallback`](Self::without_ntlm_fallback).
/// - **Not sans-IO inside**: GSSAPI talks to the KDC itself, so the first
///   `poll_authorization` (and its credential acquisition) may block for KDC round trips;
///   a transport calls it where blocking is allowed (e.g. `spawn_blocking`). GSSAPI reads
///   the system clock and `KRB5_CONFIG`/`KRB5CCNAME` itself; `now` is not used.
pub struct Negotiate {
    target: Target,
    source: Source,
    mutual: MutualAuth,
    /// The NTLM scheme to fall back to (password credentials only).
    fallback: Option<Ntlm>,
    offers_ntlm: bool,
    /// The channel bindings of the first request, reused for every later step.
    bindings: Option<Vec<u8>>,
    ctx: Option<ClientCtx>,
    kerberos_error: Option<NegotiateError>,
    state: State,
}

enum Target {
    /// `HTTP@host`, host-based service form.
    Host(String),
    /// A Kerberos principal name given whole.
    Principal(String),
}

enum Source {
    TicketCache,
    Password { principal: String, password: Secret },
}

enum State {
    /// Nothing sent yet, no challenge seen: no header until the server asks for one.
    Initial,
    /// A 401 offered Negotiate: the next `poll_authorization` starts Kerberos.
    Offered,
    /// A continuation token waits for the next `poll_authorization`.
    Pending(Vec<u8>),
    /// A token was sent; the server's answer decides.
    Sent,
    /// The context is established: the connection is authenticated.
    Established,
    /// Kerberos failed; NTLM runs instead.
    Ntlm(Box<Ntlm>),
    Failed,
}

impl fmt::Debug for Negotiate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let target = match &self.target {
            Target::Host(h) => format!("HTTP@{h}"),
            Target::Principal(p) => p.clone(),
        };
        let source = match &self.source {
            Source::TicketCache => "ticket cache".to_owned(),
            Source::Password { principal, .. } => format!("password for {principal}"),
        };
        let state = match self.state {
            State::Initial => "Initial",
            State::Offered => "Offered",
            State::Pending(_) => "Pending",
            State::Sent => "Sent",
            State::Established => "Established",
            State::Ntlm(_) => "Ntlm",
            State::Failed => "Failed",
        };
        f.debug_struct("Negotiate")
            .field("target", &target)
            .field("credentials", &source)
            .field("mutual", &self.mutual)
            .field("state", &state)
            .finish_non_exhaustive()
    }
}

impl Negotiate {
    /// Negotiate to `HTTP/<host>` with credentials from the default ticket cache
    /// (`KRB5CCNAME`). `host` is the server's DNS name as in the URL (a `:port` is dropped).
    pub fn new(host: &str) -> Result<Self, Error> {
        Ok(Self {
            target: Target::Host(check_host(host)?),
            source: Source::TicketCache,
            mutual: MutualAuth::Required,
            fallback: None,
            offers_ntlm: false,
            bindings: None,
            ctx: None,
            kerberos_error: None,
            state: State::Initial,
        })
    }

    /// Negotiate to `HTTP/<host>` with credentials acquired from a user name and password
    /// (see the type docs for how the name maps to a principal), falling back to NTLM
    /// with the same credentials where Kerberos is not possible and the server offers it.
    pub fn with_credentials(host: &str, credentials: &Credentials) -> Result<Self, Error> {
        let Credentials::Password { username, password } = credentials else {
            return Err(CredentialsError::WrongKind.into());
        };
        let mut scheme = Self::new(host)?;
        scheme.source = Source::Password {
            principal: principal_for(username)?,
            password: password.clone(),
        };
        scheme.fallback = Some(Ntlm::new(credentials)?);
        Ok(scheme)
    }

    /// Targets this Kerberos principal instead of `HTTP/<host>`, e.g.
    /// `HTTP/mail.example.test@EXAMPLE.TEST` or `HTTP/cas-array.corp.example` (an
    /// alternate service account behind a load balancer).
    pub fn with_spn(mut self, spn: &str) -> Result<Self, Error> {
        if spn.is_empty() || spn.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(NegotiateError::InvalidPrincipal(spn.to_owned()).into());
        }
        self.target = Target::Principal(spn.to_owned());
        Ok(self)
    }

    /// Sets the mutual-authentication policy (default [`MutualAuth::Required`]).
    pub fn with_mutual_auth(mut self, mutual: MutualAuth) -> Self {
        self.mutual = mutual;
        self
    }

    /// Never falls back to NTLM: a Kerberos failure is always an error.
    pub fn without_ntlm_fallback(mut self) -> Self {
        self.fallback = None;
        self
    }

    /// True once the Kerberos context is established (after a successful
    /// [`handle_success`](AuthScheme::handle_success)).
    pub fn is_established(&self) -> bool {
        matches!(self.state, State::Established)
    }

    /// True if the scheme runs NTLM instead of Kerberos (the server offered only NTLM, or
    /// Kerberos failed).
    pub fn fell_back_to_ntlm(&self) -> bool {
        matches!(self.state, State::Ntlm(_))
    }

    /// Why Kerberos was abandoned for NTLM, for logs (`None` if it was never tried because
    /// the server offered only NTLM).
    pub fn kerberos_error(&self) -> Option<&NegotiateError> {
        self.kerberos_error.as_ref()
    }

    /// Acquires credentials, creates the context and produces the first token.
    fn start(&mut self) -> Result<Vec<u8>, NegotiateError> {
        let gss = NegotiateError::gssapi;
        let spnego = OidSet::singleton(GSS_MECH_SPNEGO)
            .map_err(|e| gss("building the SPNEGO mechanism set", e))?;
        let cred = match &self.source {
            Source::TicketCache => None,
            Source::Password {
                principal,
                password,
            } => {
                let kind = if principal.contains('@') {
                    GSS_NT_KRB5_PRINCIPAL
                } else {
                    GSS_NT_USER_NAME
                };
                let name = Name::new(principal.as_bytes(), Some(kind))
                    .map_err(|e| gss("importing the user principal name", e))?;
                let cred = Cred::acquire_with_password(
                    Some(&name),
                    password.expose(),
                    None,
                    CredUsage::Initiate,
                    Some(&spnego),
                )
                .map_err(|e| gss("acquiring Kerberos credentials with a password", e))?;
                Some(cred)
            }
        };
        let target = match &self.target {
            Target::Host(host) => Name::new(
                format!("HTTP@{host}").as_bytes(),
                Some(GSS_NT_HOSTBASED_SERVICE),
            ),
            Target::Principal(p) => Name::new(p.as_bytes(), Some(GSS_NT_KRB5_PRINCIPAL)),
        }
        .map_err(|e| gss("importing the service principal name", e))?;
        let mut ctx = ClientCtx::new(
            cred,
            target,
            CtxFlags::GSS_C_MUTUAL_FLAG,
            Some(GSS_MECH_SPNEGO),
        );
        let token = ctx
            .step(None, self.bindings.as_deref())
            .map_err(|e| gss("creating the Kerberos request (gss_init_sec_context)", e))?
            .ok_or(NegotiateError::Incomplete)?;
        self.ctx = Some(ctx);
        Ok(token.to_vec())
    }

    /// Feeds a server token to the context: `Some(token)` to send back, `None` when done.
    fn step(&mut self, token: &str) -> Result<Option<Vec<u8>>, NegotiateError> {
        let bytes = STANDARD.decode(token).map_err(|_| NegotiateError::Base64)?;
        let ctx = self.ctx.as_mut().ok_or(NegotiateError::OutOfOrder)?;
        let out = ctx
            .step(Some(&bytes), self.bindings.as_deref())
            .map_err(|e| NegotiateError::gssapi("processing the server's Negotiate token", e))?;
        Ok(out.map(|b| b.to_vec()))
    }

    /// Checks that a completed context has the mutual flag.
    fn check_mutual(&self) -> Result<(), NegotiateError> {
        let Some(ctx) = &self.ctx else {
            return Err(NegotiateError::OutOfOrder);
        };
        let flags = ctx
            .flags()
            .map_err(|e| NegotiateError::gssapi("reading the context flags", e))?;
        if ctx.is_complete() && flags.contains(CtxFlags::GSS_C_MUTUAL_FLAG) {
            Ok(())
        } else {
            Err(NegotiateError::MutualAuthNotEstablished)
        }
    }
}

/// Checks a host name for the SPN and drops a `:port`.
fn check_host(host: &str) -> Result<String, NegotiateError> {
    let host = match host.rsplit_once(':') {
        Some((h, port)) if !h.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    let bad = |c: char| c.is_control() || c.is_whitespace() || matches!(c, '/' | '@' | ':');
    if host.is_empty() || host.chars().any(bad) {
        return Err(NegotiateError::InvalidHost(host.to_owned()));
    }
    Ok(host.to_ascii_lowercase())
}

/// The Kerberos principal for a user name: `user@REALM`, or the plain name.
fn principal_for(username: &UserName) -> Result<String, NegotiateError> {
    let principal = match username.domain() {
        Some(domain) => format!("{}@{}", username.user(), domain.to_ascii_uppercase()),
        None => username.user().to_owned(),
    };
    if principal.contains('\0') {
        return Err(NegotiateError::InvalidPrincipal(username.to_string()));
    }
    Ok(principal)
}

fn header(token: &[u8]) -> Result<HeaderValue, Error> {
    let mut value = String::from("Negotiate ");
    STANDARD.encode_string(token, &mut value);
    sensitive(value.as_bytes())
}

fn negotiate_challenge(challenges: &[Challenge]) -> Option<&Challenge> {
    challenges.iter().find(|c| c.scheme == Scheme::Negotiate)
}

impl AuthScheme for Negotiate {
    fn name(&self) -> &'static str {
        if self.fell_back_to_ntlm() {
            "NTLM"
        } else {
            "Negotiate"
        }
    }

    fn poll_authorization(
        &mut self,
        request: &RequestInfo<'_>,
        now: Instant,
    ) -> Result<Option<HeaderValue>, Error> {
        match std::mem::replace(&mut self.state, State::Failed) {
            // Not before the server's 401 offered Negotiate.
            State::Initial => {
                self.state = State::Initial;
                Ok(None)
            }
            State::Offered => {
                self.bindings = request.tls_server_end_point.map(|hash| {
                    let mut cb = b"tls-server-end-point:".to_vec();
                    cb.extend_from_slice(hash);
                    cb
                });
                match self.start() {
                    Ok(token) => {
                        self.state = State::Sent;
                        header(&token).map(Some)
                    }
                    Err(e) => match self.fallback.take() {
                        Some(mut ntlm) if self.offers_ntlm => {
                            self.kerberos_error = Some(e);
                            self.ctx = None;
                            let v = ntlm.poll_authorization(request, now);
                            self.state = State::Ntlm(Box::new(ntlm));
                            v
                        }
                        _ => Err(e.into()),
                    },
                }
            }
            State::Pending(token) => {
                self.state = State::Sent;
                header(&token).map(Some)
            }
            State::Ntlm(mut ntlm) => {
                let v = ntlm.poll_authorization(request, now);
                self.state = State::Ntlm(ntlm);
                v
            }
            other => {
                self.state = other;
                Ok(None)
            }
        }
    }

    fn handle_challenge(
        &mut self,
        challenges: &[Challenge],
        now: Instant,
    ) -> Result<AuthStep, Error> {
        let negotiate = negotiate_challenge(challenges);
        let (state, step) = match (std::mem::replace(&mut self.state, State::Failed), negotiate) {
            (State::Ntlm(mut ntlm), _) => {
                let step = ntlm.handle_challenge(challenges, now)?;
                (State::Ntlm(ntlm), step)
            }
            (State::Failed, _) => (State::Failed, AuthStep::Failed(Failure::AlreadyFailed)),
            (State::Initial, None) => {
                let offers_ntlm = challenges.iter().any(|c| c.scheme == Scheme::Ntlm);
                match self.fallback.take() {
                    // The server speaks NTLM only: use it, with the same credentials.
                    Some(mut ntlm) if offers_ntlm => {
                        let step = ntlm.handle_challenge(challenges, now)?;
                        (State::Ntlm(Box::new(ntlm)), step)
                    }
                    fallback => {
                        self.fallback = fallback;
                        (State::Failed, AuthStep::Failed(Failure::NotOffered))
                    }
                }
            }
            (State::Initial, Some(_)) => {
                self.offers_ntlm = challenges.iter().any(|c| c.scheme == Scheme::Ntlm);
                (State::Offered, AuthStep::Retry)
            }
            // A second 401 before anything was sent.
            (State::Offered, _) => (State::Failed, AuthStep::Failed(Failure::Handshake)),
            (
                State::Sent,
                Some(Challenge {
                    token68: Some(token),
                    ..
                }),
            ) => match self.step(token)? {
                Some(answer) => (State::Pending(answer), AuthStep::Retry),
                // Our side is done, yet the server still says 401: it refused us.
                None => (State::Failed, AuthStep::Failed(Failure::Rejected)),
            },
            (State::Sent | State::Established, _) => {
                (State::Failed, AuthStep::Failed(Failure::Rejected))
            }
            (State::Pending(_), _) => (State::Failed, AuthStep::Failed(Failure::Handshake)),
        };
        self.state = state;
        Ok(step)
    }

    fn handle_success(&mut self, challenges: &[Challenge], now: Instant) -> Result<(), Error> {
        let token = negotiate_challenge(challenges).and_then(|c| c.token68.as_deref());
        match std::mem::replace(&mut self.state, State::Failed) {
            State::Ntlm(mut ntlm) => {
                let r = ntlm.handle_success(challenges, now);
                self.state = State::Ntlm(ntlm);
                r
            }
            State::Initial => {
                self.state = State::Initial;
                Ok(())
            }
            State::Established => {
                self.state = State::Established;
                Ok(())
            }
            State::Sent => match (token, self.mutual) {
                (Some(token), _) => match self.step(token)? {
                    Some(_) => Err(NegotiateError::Incomplete.into()),
                    None => {
                        self.check_mutual()?;
                        self.state = State::Established;
                        Ok(())
                    }
                },
                (None, MutualAuth::Required) => Err(NegotiateError::MutualAuthMissing.into()),
                (None, MutualAuth::Optional) => {
                    self.state = State::Established;
                    Ok(())
                }
            },
            State::Offered | State::Pending(_) | State::Failed => {
                Err(NegotiateError::OutOfOrder.into())
            }
        }
    }

    fn is_connection_bound(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests;
