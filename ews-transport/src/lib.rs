//! The HTTP side of Exchange Web Services: posts SOAP envelopes over HTTP/1.1 (hyper 1 on
//! tokio, rustls with the ring provider through hyper-rustls) and returns the responses.
//!
//! # What this crate owns
//! Everything between an envelope and its response: a connection pool capped per server,
//! TCP and `CONNECT` proxies, TLS (trust roots per host, client certificates, the opt-in
//! no-verify mode), authentication round trips driven by `ews-auth` schemes
//! (connection-bound NTLM and Negotiate handshakes run once per connection, on tokio's
//! blocking pool, bound to the connection's `tls-server-end-point`, and Negotiate's mutual
//! authentication is checked), timeouts, retries with exponential back-off and the server's
//! back-off hints, streaming bodies, `EWS_DUMP_DIR` dumps with secrets redacted, and
//! `tracing` spans.
//!
//! # What this crate does not do
//! It knows nothing of items, folders or operations: it sends bytes and hands back a
//! response whose body is parsed with [`ews_xml::soap::read_response`] on a blocking thread
//! ([`SoapResponse::read_with`]); requests are built, and per-message response codes of a
//! 200 response read, by the caller (`ews-model`); only SOAP faults are classified here.
//! The authentication state machines are `ews-auth`'s and the XML is `ews-xml`'s: this
//! crate carries their headers and bytes. It does not follow redirects (autodiscover does)
//! and speaks no HTTP/2 (NTLM needs one connection per handshake).
//!
//! # Layers
//! Every layer implements [`SendSoap`] (one SOAP request in, its response out), so they
//! stack:
//! - [`HttpSender`]: one attempt per call (a pooled connection, the request, the
//!   authentication round trips on that connection, dumps, the classification of the
//!   answer). It never retries: a failure another attempt may fix is [`Error::Transient`].
//! - [`Retry`]: wraps any `SendSoap` and repeats its transient failures per a
//!   [`RetryPolicy`].
//! - [`Transport`]: what [`TransportBuilder`] builds, `Retry<HttpSender>` with the builder's
//!   policy and a `tracing` span per call; [`Transport::http`] gives the layer below the
//!   retries.
//!
//! # Retries
//! [`classify`] is a pure function from status, headers and fault to a [`Verdict`]; the
//! per-server [`BackOff`] deadline and the [`Schedule`] are sans-IO too. With
//! [`RetryPolicy::FaultTolerance`] the [`Retry`] layer retries transient failures until
//! `max_wait` of waiting would be exceeded, then fails with [`Error::GaveUp`]. Under
//! [`RetryPolicy::FailFast`] nothing waits: a transient failure is an error at once.
//!
//! # Example
//! ```no_run
//! # async fn f() -> Result<(), Box<dyn std::error::Error>> {
//! use std::time::Duration;
//! use ews_auth::{Credentials, SchemeKind};
//! use ews_transport::{Auth, CallOptions, RetryPolicy, Transport};
//!
//! let credentials = Credentials::password(r"EXAMPLE\alice", "secret")?;
//! let transport = Transport::builder("https://mail.example.test/EWS/Exchange.asmx")
//!     .auth(Auth::from_credentials(SchemeKind::Ntlm, credentials))
//!     .max_connections(4)
//!     .retry_policy(RetryPolicy::FaultTolerance { max_wait: Duration::from_secs(300) })
//!     .build()?;
//! let envelope = b"<?xml version=\"1.0\"?><soap:Envelope>...</soap:Envelope>".to_vec();
//! let response = transport.send_envelope(envelope, &CallOptions::new("GetFolder")).await?;
//! let version = response.read_with(|envelope| envelope.server_version).await?;
//! # Ok(()) }
//! ```
//!
//! The example `examples/post_envelope.rs` in this crate's folder is a whole
//! program: it posts a hand-written `GetFolder` envelope and prints the status, the
//! `ServerVersionInfo` and the body
//! (`cargo run -p ews-transport --example post_envelope -- URL USER PASSWORD`).
//!
//! # Crate features
//! - `gssapi`: Negotiate (SPNEGO/Kerberos) through the system GSSAPI library, i.e.
//!   `ews-auth/gssapi`; [`Auth::from_credentials`] with `SchemeKind::Negotiate` targets
//!   `HTTP/<host>` of the request URL. The first request on a connection carries no
//!   token; its 401 decides: Kerberos when `Negotiate` is offered (NTLM with the same
//!   password if Kerberos fails and `NTLM` is offered too), NTLM when only `NTLM` is
//!   offered. There is no Windows SSPI backend. A success response without the server's final
//!   token fails the call with [`AuthError::ServerNotAuthenticated`] (mutual
//!   authentication is required by default). Building needs libkrb5-dev and libclang-dev.
//!
//! # TLS
//! rustls with the ring provider only (no aws-lc, no OpenSSL): hyper-rustls's connector,
//! without its default features, over this crate's own TCP and proxy connector, one per
//! host for that host's trust roots. It speaks HTTP/1.1 and offers no ALPN protocol.
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod auth;
mod body;
mod client;
mod config;
mod connect;
mod dump;
mod error;
mod pool;
mod proxy;
mod response;
mod retry;
mod send;
mod tls;
mod transport;

/// The README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use auth::Auth;
pub use body::{RequestBody, ResponseBody};
pub use client::HttpSender;
pub use config::{
    CallOptions, DEFAULT_USER_AGENT, DangerousBuilder, NOT_IDEMPOTENT, TransportBuilder,
};
pub use error::{AuthError, BoxError, ConfigError, Error, TimeoutKind};
pub use proxy::Proxy;
pub use response::SoapResponse;
pub use retry::{
    BackOff, FailKind, IoFailure, Jitter, RandomJitter, Retry, RetryPolicy, RetryReason, Schedule,
    Verdict, classify, classify_io, classify_unauthorized,
};
pub use send::SendSoap;
pub use tls::Roots;
pub use transport::Transport;
