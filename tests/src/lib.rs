//! `FakeExchange`: a stateful in-memory Exchange Web Services server on loopback, for this
//! workspace's end-to-end tests and for users' own tests.
//!
//! It speaks real EWS (SOAP 1.1 over HTTP/1.1, optionally TLS with a certificate generated at
//! start) with shortcuts: state lives in memory, and it authenticates against its own user
//! list (Basic, NTLM, OAuth 2.0 bearer tokens from its own token endpoint, TLS client
//! certificates from its own CA) rather than a directory.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ews_tests::Error> {
//! use ews_model::version::Build;
//! let server = ews_tests::FakeExchange::builder()
//!     .user("alice@example.test", "secret")
//!     .server_version(Build::new(15, 1, 2507, 6))
//!     .start()
//!     .await?;
//! println!("{}", server.url());
//! server.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! # Behaviour (first slice)
//!
//! - `POST /EWS/Exchange.asmx` (other paths: 404; other methods: 405), and
//!   `POST /oauth2/token` when Bearer is offered.
//! - Authentication ([`Builder::auth`], default Basic and NTLM): a request without valid
//!   credentials gets `401` with one `WWW-Authenticate` header per offered scheme, in the
//!   builder's order (`Basic realm="fake-exchange"`, `NTLM`, `Bearer realm="fake-exchange"`),
//!   as IIS sends them. A wrong password, an unknown user or a malformed token is always a
//!   401, never a 500. A user signs in as its address (`alice@example.test`), its local part
//!   (`alice`) or `EXAMPLE\alice` ([`NTLM_DOMAIN`]; the address's domain works too).
//!   - **Basic**: checked on every request.
//!   - **NTLM**: NTLMv2, verified cryptographically (the acceptor of
//!     `ews_test_support::ntlm`). Bound to the connection like IIS: NEGOTIATE gets a 401
//!     with the CHALLENGE, a valid AUTHENTICATE gets the answer, and later requests on that
//!     keep-alive connection need no `Authorization` ([`FakeExchange::ntlm_handshakes`]
//!     counts completed handshakes). The MIC and channel bindings are not checked.
//!   - **Bearer**: tokens from [`FakeExchange::token_url`]: form-encoded `grant_type`
//!     `client_credentials` (clients from [`Builder::oauth_client`], secret in the form or
//!     in HTTP Basic; the token acts as the client's user), `password` (a user's name and
//!     password) and `refresh_token` (single use: each refresh returns a new one). Replies
//!     are JSON with `access_token`, `token_type`, `expires_in` ([`Builder::token_lifetime`],
//!     default one hour, on tokio's clock) and, except for `client_credentials`,
//!     `refresh_token`; errors are `invalid_client` (401),
//!     `invalid_grant`, `invalid_request` or `unsupported_grant_type` (400) with an
//!     `error_description`. An unknown or expired token gets a 401 with
//!     `WWW-Authenticate: Bearer realm="fake-exchange", error="invalid_token"`.
//!   - **Negotiate** (feature `gssapi`): SPNEGO/Kerberos through the system GSSAPI
//!     library, with the service key from the keytab in `KRB5_KTNAME`; connection-bound
//!     like NTLM, the final token sent on the response that completes the handshake
//!     (mutual authentication); the principal `alice@EXAMPLE.TEST` is the user
//!     `alice@example.test`. Channel bindings are not required.
//!   - **Client certificates** (with [`Builder::tls`]): the TLS handshake asks for an
//!     optional certificate that must chain to the server's CA (another CA fails the
//!     handshake). One whose `rfc822Name` or subject e-mail names a user authenticates
//!     the connection ([`FakeExchange::issue_client_certificate`]); none, or one naming
//!     nobody, falls back to the schemes above.
//!   - An `Authorization` header, when present, decides (its failure is a 401 even on an
//!     authenticated connection); without one a connection's NTLM or Negotiate user, else
//!     its certificate user, is used.
//! - `t:RequestServerVersion` is required: missing, unknown, or newer than the server's
//!   build, the request gets a SOAP fault `ErrorInvalidServerVersion` (HTTP 500).
//!   (`ErrorIncorrectSchemaVersion` is not used.)
//! - A body that is not well-formed XML or not a readable SOAP envelope / request: HTTP 500
//!   with a SOAP fault `ErrorSchemaValidation`.
//! - Operations: `GetFolder`, `CreateFolder`, `FindFolder` (Shallow and Deep traversal,
//!   indexed and fractional paging; **restrictions are ignored**), `DeleteFolder`
//!   (`HardDelete` and `SoftDelete` remove the folder and its subtree; `MoveToDeletedItems`
//!   moves it under `deleteditems`). Folder shapes: `IdOnly` gives ids only, anything
//!   else the default set; `AdditionalProperties` are ignored.
//!   `DistinguishedFolderId/Mailbox` is ignored: requests address the caller's mailbox.
//! - Any other operation: HTTP 500 with a SOAP fault `ErrorInvalidOperation`.
//! - Every response carries `ServerVersionInfo`.
//!
//! # Crate features
//! - `gssapi`: `AuthScheme::Negotiate` (building needs libkrb5-dev and libclang-dev;
//!   `scripts/kdc-tests.sh` runs its tests against a real MIT KDC).

#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod auth;
mod mailbox;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use ews_model::operations::{AnyRequest, AnyResponse};
use ews_model::version::{Build, ExchangeVersion};
use ews_xml::soap::{self, Fault, RequestHeader, ServerVersionInfo};
use ews_xml::{Name, ReadError, Reader, ResponseCode, XmlRead as _, XmlWrite as _};
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;

pub use crate::auth::{AuthScheme, NTLM_DOMAIN, TOKEN_PATH};
use crate::mailbox::Mailbox;

/// The path the server answers on.
pub const EWS_PATH: &str = "/EWS/Exchange.asmx";
/// The realm of the Basic and Bearer `WWW-Authenticate` challenges.
pub const REALM: &str = "fake-exchange";
/// The largest request body accepted (bytes).
const MAX_BODY: usize = 32 * 1024 * 1024;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Binding the listening socket failed.
    #[error("binding the listening socket failed")]
    Bind(#[from] std::io::Error),
    /// Generating the certificate or configuring TLS failed.
    #[error("setting up TLS failed: {0}")]
    Tls(String),
}

/// Configures and starts a [`FakeExchange`].
#[derive(Debug, Clone)]
pub struct Builder {
    users: Vec<(String, String)>,
    build: Build,
    tls: bool,
    listen: SocketAddr,
    seed: u64,
    auth: auth::Settings,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            users: Vec::new(),
            build: Build::new(15, 1, 2507, 6),
            tls: false,
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            seed: 0x5EED_F0DE_E5C4_A6E1,
            auth: auth::Settings::default(),
        }
    }
}

impl Builder {
    /// Adds a user (e-mail address and password) with its own mailbox. The user signs in
    /// as the address, its local part or `EXAMPLE\\local-part`.
    #[must_use]
    pub fn user(mut self, email: impl Into<String>, password: impl Into<String>) -> Self {
        self.users.push((email.into(), password.into()));
        self
    }
    /// The build the server reports (default 15.1.2507.6, Exchange 2016).
    #[must_use]
    pub fn server_version(mut self, build: Build) -> Self {
        self.build = build;
        self
    }
    /// Serves HTTPS with a certificate generated at start (see
    /// [`FakeExchange::ca_certificate_der`]).
    #[must_use]
    pub fn tls(mut self) -> Self {
        self.tls = true;
        self
    }
    /// The address to listen on (default `127.0.0.1:0`, an ephemeral port).
    #[must_use]
    pub fn listen(mut self, addr: SocketAddr) -> Self {
        self.listen = addr;
        self
    }
    /// The seed of folder ids and change keys (the same seed and the same requests give the
    /// same ids).
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Binds the socket and starts serving on the current tokio runtime.
    pub async fn start(self) -> Result<FakeExchange, Error> {
        let listener = TcpListener::bind(self.listen).await?;
        let addr = listener.local_addr()?;
        let pki = if self.tls {
            Some(auth::cert::Pki::generate()?)
        } else {
            None
        };
        let acceptor = pki.as_ref().map(auth::cert::Pki::acceptor).transpose()?;
        let ca = pki.as_ref().map(|p| (p.ca_der.clone(), p.ca_pem.clone()));
        let mailboxes = self
            .users
            .iter()
            .map(|(u, _)| {
                (
                    u.to_lowercase(),
                    Mailbox::new(self.seed ^ fnv(&u.to_lowercase())),
                )
            })
            .collect();
        let state = Arc::new(State {
            users: self
                .users
                .iter()
                .map(|(u, p)| (u.to_lowercase(), p.clone()))
                .collect(),
            mailboxes: Mutex::new(mailboxes),
            build: self.build,
            requests: AtomicUsize::new(0),
            operations: Mutex::new(HashMap::new()),
            auth: auth::Auth::new(self.auth, pki),
        });
        let (stop_tx, stop_rx) = watch::channel(false);
        let task = tokio::spawn(accept_loop(listener, acceptor, state.clone(), stop_rx));
        Ok(FakeExchange {
            addr,
            tls: self.tls,
            ca,
            state,
            stop: stop_tx,
            task: Some(task),
        })
    }
}

/// A running fake Exchange server. Stops on [`shutdown`](Self::shutdown) or when dropped.
#[derive(Debug)]
pub struct FakeExchange {
    addr: SocketAddr,
    tls: bool,
    ca: Option<(Vec<u8>, String)>,
    state: Arc<State>,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl FakeExchange {
    /// A builder with no users, build 15.1.2507.6, plain HTTP.
    pub fn builder() -> Builder {
        Builder::default()
    }
    /// The EWS endpoint, e.g. `http://127.0.0.1:40123/EWS/Exchange.asmx`.
    pub fn url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}{EWS_PATH}", self.addr)
    }
    /// The listening address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
    /// The DER of the CA that signed the server certificate (`None` without TLS).
    pub fn ca_certificate_der(&self) -> Option<&[u8]> {
        self.ca.as_ref().map(|(der, _)| der.as_slice())
    }
    /// The PEM of the CA that signed the server certificate (`None` without TLS).
    pub fn ca_certificate_pem(&self) -> Option<&str> {
        self.ca.as_ref().map(|(_, pem)| pem.as_str())
    }
    /// Every HTTP request received, including those answered 401 or with a fault.
    pub fn requests_received(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }
    /// How many authenticated requests named `operation` (e.g. `GetFolder`) were dispatched.
    pub fn operation_count(&self, operation: &str) -> usize {
        self.operation_counts().get(operation).copied().unwrap_or(0)
    }
    /// Per-operation counts of authenticated, dispatched requests.
    pub fn operation_counts(&self) -> HashMap<String, usize> {
        lock(&self.state.operations).clone()
    }
    /// Stops accepting connections, closes open ones, and waits for the server task.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for FakeExchange {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

#[derive(Debug)]
struct State {
    /// Lower-cased e-mail address to password.
    users: HashMap<String, String>,
    mailboxes: Mutex<HashMap<String, Mailbox>>,
    build: Build,
    requests: AtomicUsize,
    operations: Mutex<HashMap<String, usize>>,
    auth: auth::Auth,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

async fn accept_loop(
    listener: TcpListener,
    acceptor: Option<TlsAcceptor>,
    state: Arc<State>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stop.changed() => return,
        };
        let Ok((tcp, _)) = accepted else {
            continue;
        };
        let (state, acceptor, stop) = (state.clone(), acceptor.clone(), stop.clone());
        tokio::spawn(async move {
            match acceptor {
                Some(a) => {
                    if let Ok(tls) = a.accept(tcp).await {
                        let conn = auth::Connection::tls(&state, tls.get_ref().1);
                        serve(TokioIo::new(tls), state, stop, conn).await;
                    }
                }
                None => {
                    let conn = auth::Connection::new(&state);
                    serve(TokioIo::new(tcp), state, stop, conn).await;
                }
            }
        });
    }
}

async fn serve<IO>(
    io: IO,
    state: Arc<State>,
    mut stop: watch::Receiver<bool>,
    conn: auth::Connection,
) where
    IO: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
        let (state, conn) = (state.clone(), conn.clone());
        async move { Ok::<_, std::convert::Infallible>(handle(&state, &conn, req).await) }
    });
    let conn = hyper::server::conn::http1::Builder::new().serve_connection(io, service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = stop.changed() => {}
    }
}

fn plain(status: StatusCode) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::new()));
    *r.status_mut() = status;
    r
}

async fn handle(
    state: &State,
    conn: &auth::Connection,
    req: Request<Incoming>,
) -> Response<Full<Bytes>> {
    state.requests.fetch_add(1, Ordering::SeqCst);
    let req = match auth::token_endpoint(state, req).await {
        Ok(token_reply) => return token_reply,
        Err(req) => req,
    };
    if !req.uri().path().eq_ignore_ascii_case(EWS_PATH) {
        return plain(StatusCode::NOT_FOUND);
    }
    let granted = match auth::authenticate(state, conn, req.headers()) {
        Ok(granted) => granted,
        Err(challenge) => {
            // Read the body, so the connection stays usable for the next leg (NTLM).
            let _ = Limited::new(req.into_body(), MAX_BODY).collect().await;
            return *challenge;
        }
    };
    if req.method() != Method::POST {
        let mut r = plain(StatusCode::METHOD_NOT_ALLOWED);
        r.headers_mut()
            .insert(http::header::ALLOW, http::HeaderValue::from_static("POST"));
        return r;
    }
    let body = match Limited::new(req.into_body(), MAX_BODY).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return plain(StatusCode::PAYLOAD_TOO_LARGE),
    };
    let (status, xml) = respond(state, &granted.user, &body);
    let mut r = Response::new(Full::new(Bytes::from(xml)));
    *r.status_mut() = status;
    r.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/xml; charset=utf-8"),
    );
    if let Some(v) = granted.www_authenticate {
        r.headers_mut().append(http::header::WWW_AUTHENTICATE, v);
    }
    r
}

fn server_version_info(build: Build) -> ServerVersionInfo {
    let mut v = ServerVersionInfo::default();
    v.major_version = Some(i32::from(build.major));
    v.minor_version = Some(i32::from(build.minor));
    v.major_build_number = Some(i32::from(build.major_build));
    v.minor_build_number = Some(i32::from(build.minor_build));
    v.version = Some(build.api_version().as_str().to_owned());
    v
}

fn fault(code: ResponseCode, soap_code: &str, message: &str) -> Fault {
    let mut f = Fault::default();
    f.code = soap_code.to_owned();
    f.string = message.to_owned();
    f.detail_code = Some(code);
    f.detail_message = Some(message.to_owned());
    f
}

/// Reads a request envelope: its header and body.
fn read_request(body: &[u8]) -> Result<(RequestHeader, Option<AnyRequest>, String), ReadError> {
    let mut r = Reader::from_bytes(body);
    let root = r.root()?;
    if !root.is(Name::soap("Envelope")) {
        return Err(r.error(ews_xml::ReadErrorKind::UnexpectedElement {
            found: root.display_name(),
        }));
    }
    let mut header = RequestHeader::default();
    let mut request = None;
    let mut name = String::new();
    while let Some(child) = r.next_child()? {
        if child.is(Name::soap("Header")) {
            header = RequestHeader::read_xml(&mut r, &child)?;
        } else if child.is(Name::soap("Body")) {
            if let Some(start) = r.next_child()? {
                name = start.local_name().to_owned();
                request = AnyRequest::read_body(&mut r, &start)?;
                if request.is_none() {
                    r.skip_element()?;
                }
            }
            while r.next_child()?.is_some() {
                r.skip_element()?;
            }
        } else {
            r.skip_element()?;
        }
    }
    r.read_to_end()?;
    Ok((header, request, name))
}

/// Answers one authenticated request body: status and XML.
fn respond(state: &State, user: &str, body: &[u8]) -> (StatusCode, Vec<u8>) {
    let svi = server_version_info(state.build);
    let write_fault = |f: Fault| {
        let mut out = Vec::new();
        let res = soap::write_response_envelope(&mut out, Some(&svi), |w| {
            f.write_xml(w, Name::soap("Fault"))
        });
        match res {
            Ok(()) => (StatusCode::INTERNAL_SERVER_ERROR, out),
            Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, Vec::new()),
        }
    };
    let (header, request, name) = match read_request(body) {
        Ok(parsed) => parsed,
        Err(e) => {
            return write_fault(fault(
                ResponseCode::ErrorSchemaValidation,
                "a:ErrorSchemaValidation",
                &format!("The request failed schema validation: {e}"),
            ));
        }
    };
    let requested = header.version.as_deref().map(str::trim);
    let version_ok = requested
        .and_then(ExchangeVersion::from_name)
        .is_some_and(|v| v <= state.build.api_version());
    if !version_ok {
        return write_fault(fault(
            ResponseCode::ErrorInvalidServerVersion,
            "a:ErrorInvalidServerVersion",
            "The specified server version is invalid.",
        ));
    }
    let op_name = match &request {
        Some(r) => r.operation().to_owned(),
        None => name,
    };
    *lock(&state.operations).entry(op_name.clone()).or_default() += 1;
    let response = {
        let mut boxes = lock(&state.mailboxes);
        let Some(mb) = boxes.get_mut(user) else {
            return write_fault(fault(
                ResponseCode::ErrorMailboxStoreUnavailable,
                "a:ErrorMailboxStoreUnavailable",
                "The mailbox is unavailable.",
            ));
        };
        match &request {
            Some(AnyRequest::GetFolder(r)) => Some(AnyResponse::GetFolder(mb.get_folder(r))),
            Some(AnyRequest::FindFolder(r)) => Some(AnyResponse::FindFolder(mb.find_folder(r))),
            Some(AnyRequest::CreateFolder(r)) => {
                Some(AnyResponse::CreateFolder(mb.create_folder(r)))
            }
            Some(AnyRequest::DeleteFolder(r)) => {
                Some(AnyResponse::DeleteFolder(mb.delete_folder(r)))
            }
            _ => None,
        }
    };
    let Some(response) = response else {
        return write_fault(fault(
            ResponseCode::ErrorInvalidOperation,
            "a:ErrorInvalidOperation",
            &format!("FakeExchange does not implement the operation {op_name:?}."),
        ));
    };
    let mut out = Vec::new();
    match soap::write_response_envelope(&mut out, Some(&svi), |w| response.write_body(w)) {
        Ok(()) => (StatusCode::OK, out),
        Err(e) => write_fault(fault(
            ResponseCode::ErrorInternalServerError,
            "a:ErrorInternalServerError",
            &format!("writing the response failed: {e}"),
        )),
    }
}
