//! A small EWS-like test server on hyper 1 + tokio-rustls: demands one auth scheme, counts
//! connections and requests, and answers through a per-test handler (fault injection).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use bytes::Bytes;
use http::{HeaderMap, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use ews_test_support::ntlm;

use crate::digest_server;

/// Certificates for one test: a CA, a server certificate for `localhost` and 127.0.0.1,
/// and a client certificate, all from rcgen.
pub struct Pki {
    pub ca_der: Vec<u8>,
    pub server_chain: Vec<CertificateDer<'static>>,
    pub server_key: Vec<u8>,
    pub client_cert_pem: String,
    pub client_key_pem: String,
}

pub fn pki() -> Pki {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "ews-transport test CA");
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let server_key = KeyPair::generate().unwrap();
    let server = CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
        .unwrap()
        .signed_by(&server_key, &ca)
        .unwrap();
    let client_key = KeyPair::generate().unwrap();
    let mut client_params = CertificateParams::new(vec!["alice".to_owned()]).unwrap();
    client_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "alice");
    let client = client_params.signed_by(&client_key, &ca).unwrap();
    Pki {
        ca_der: ca.der().to_vec(),
        server_chain: vec![server.der().clone()],
        server_key: server_key.serialize_der(),
        client_cert_pem: client.pem(),
        client_key_pem: client_key.serialize_pem(),
    }
}

/// Which scheme the server demands.
#[derive(Clone)]
pub enum Demand {
    None,
    Basic(&'static str, &'static str),
    Digest(&'static str, &'static str),
    /// NTLMv2 checked by the acceptor of `ews-test-support` (domain, user and password of the
    /// one account); the 401 offers `Negotiate` and `NTLM` (as Exchange does) but only NTLM is
    /// accepted.
    Ntlm(&'static str, &'static str, &'static str),
    /// As `Ntlm`, but the 401 offers `NTLM` alone (used by the Negotiate tests).
    #[cfg_attr(not(feature = "gssapi"), allow(dead_code))]
    NtlmOnly(&'static str, &'static str, &'static str),
    /// Tokens issued by the handler's `/token` answers and registered in `Stats::tokens`.
    Bearer,
    /// Negotiate (SPNEGO/Kerberos) through a libgssapi acceptor whose credentials come from
    /// the keytab in `KRB5_KTNAME`; one context per connection.
    #[cfg(feature = "gssapi")]
    Negotiate {
        /// Send the acceptor's final token on the success response (mutual authentication).
        final_token: bool,
        /// Channel bindings the acceptor requires (`tls-server-end-point:` + hash), if any.
        bindings: Option<Vec<u8>>,
        /// Also offer `NTLM` (after `Negotiate`) and accept it for this domain and user.
        also_ntlm: Option<(&'static str, &'static str, &'static str)>,
    },
}

/// One request as the handler sees it.
pub struct Req {
    /// Number of the request (1-based) among those that passed authentication.
    pub n: usize,
    pub path: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

pub enum Reply {
    Http(Response<Full<Bytes>>),
    /// Close the connection without answering (after the request was read).
    Drop,
    /// Answer, then close the connection silently a moment later.
    CloseAfter(Response<Full<Bytes>>),
}

pub type Handler = Arc<dyn Fn(&Req) -> Reply + Send + Sync>;

#[derive(Default)]
pub struct Stats {
    pub connections: AtomicUsize,
    pub open: AtomicUsize,
    pub max_open: AtomicUsize,
    /// Requests that reached the handler.
    pub requests: AtomicUsize,
    /// Every HTTP request, including 401 round trips.
    pub all_requests: AtomicUsize,
    /// NTLM CHALLENGE messages sent, per connection.
    pub ntlm_handshakes: Mutex<HashMap<usize, usize>>,
    /// The channel bindings (`MsvAvChannelBindings`) of the accepted NTLM AUTHENTICATE
    /// messages.
    pub ntlm_channel_bindings: Mutex<Vec<Option<[u8; 16]>>>,
    /// Bearer tokens the server accepts.
    pub tokens: Mutex<Vec<String>>,
    /// Arrival times of handler requests.
    pub arrivals: Mutex<Vec<tokio::time::Instant>>,
    /// Negotiate contexts the acceptor completed, per connection.
    #[cfg(feature = "gssapi")]
    pub negotiate_handshakes: Mutex<HashMap<usize, usize>>,
    /// The client principals of the completed Negotiate contexts.
    #[cfg(feature = "gssapi")]
    pub negotiate_clients: Mutex<Vec<String>>,
}

pub struct Server {
    pub addr: SocketAddr,
    pub stats: Arc<Stats>,
    pub pki: Arc<Pki>,
    pub tls: bool,
}

impl Server {
    pub fn url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!(
            "{scheme}://localhost:{}/EWS/Exchange.asmx",
            self.addr.port()
        )
    }
    pub fn url_for(&self, path: &str) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://localhost:{}{path}", self.addr.port())
    }
    pub fn requests(&self) -> usize {
        self.stats.requests.load(Ordering::SeqCst)
    }
}

pub struct Opts {
    pub tls: bool,
    pub demand: Demand,
    /// Require a client certificate signed by the test CA.
    pub client_auth: bool,
    pub handler: Handler,
}

impl Opts {
    pub fn new(demand: Demand, handler: impl Fn(&Req) -> Reply + Send + Sync + 'static) -> Self {
        Self {
            tls: true,
            demand,
            client_auth: false,
            handler: Arc::new(handler),
        }
    }
}

pub fn soap_ok() -> Reply {
    Reply::Http(xml(StatusCode::OK, crate::OK_ENVELOPE))
}

pub fn xml(status: StatusCode, body: &str) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header("content-type", "text/xml; charset=utf-8")
        .body(Full::new(Bytes::from(body.to_owned())))
        .unwrap()
}

pub async fn start(opts: Opts) -> Server {
    start_with(opts, Arc::new(pki())).await
}

pub async fn start_with(opts: Opts, pki: Arc<Pki>) -> Server {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let stats = Arc::new(Stats::default());
    let acceptor = opts.tls.then(|| acceptor(&pki, opts.client_auth));
    let tls = opts.tls;
    let shared = Arc::new(opts);
    let st = stats.clone();
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                return;
            };
            let id = st.connections.fetch_add(1, Ordering::SeqCst) + 1;
            let open = st.open.fetch_add(1, Ordering::SeqCst) + 1;
            st.max_open.fetch_max(open, Ordering::SeqCst);
            let (st, shared, acceptor) = (st.clone(), shared.clone(), acceptor.clone());
            tokio::spawn(async move {
                match acceptor {
                    Some(a) => {
                        if let Ok(tls) = a.accept(tcp).await {
                            serve(TokioIo::new(tls), id, &st, shared).await;
                        }
                    }
                    None => serve(TokioIo::new(tcp), id, &st, shared).await,
                }
                st.open.fetch_sub(1, Ordering::SeqCst);
            });
        }
    });
    Server {
        addr,
        stats,
        pki,
        tls,
    }
}

fn acceptor(pki: &Pki, client_auth: bool) -> TlsAcceptor {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .unwrap();
    let builder = if client_auth {
        let mut roots = rustls::RootCertStore::empty();
        roots.add(CertificateDer::from(pki.ca_der.clone())).unwrap();
        let verifier =
            rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .unwrap();
        builder.with_client_cert_verifier(verifier)
    } else {
        builder.with_no_client_auth()
    };
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(pki.server_key.clone()));
    let config = builder
        .with_single_cert(pki.server_chain.clone(), key)
        .unwrap();
    TlsAcceptor::from(Arc::new(config))
}

#[derive(Default)]
struct ConnState {
    /// The challenge sent on this connection, waiting for the AUTHENTICATE message.
    ntlm: Option<ntlm::Challenge>,
    ntlm_authenticated: bool,
    /// The acceptor's context on this connection, while the handshake runs.
    #[cfg(feature = "gssapi")]
    negotiate: Option<libgssapi::context::ServerCtx>,
    #[cfg(feature = "gssapi")]
    negotiate_authenticated: bool,
    /// A `WWW-Authenticate` value for the next success response (Negotiate's final token).
    final_header: Option<String>,
}

async fn serve<IO>(io: IO, id: usize, stats: &Arc<Stats>, opts: Arc<Opts>)
where
    IO: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let state = Arc::new(Mutex::new(ConnState::default()));
    let close = Arc::new(tokio::sync::Notify::new());
    let (stats2, close2) = (stats.clone(), close.clone());
    let service = hyper::service::service_fn(move |req: http::Request<Incoming>| {
        let (stats, opts, state, close) =
            (stats2.clone(), opts.clone(), state.clone(), close2.clone());
        async move {
            stats.all_requests.fetch_add(1, Ordering::SeqCst);
            let (parts, body) = req.into_parts();
            let body = body.collect().await?.to_bytes();
            let path = parts.uri.path().to_owned();
            if path != "/token" {
                if let Some(challenge) =
                    check_auth(&opts.demand, &parts.headers, id, &stats, &state)
                {
                    return Ok::<_, hyper::Error>(challenge);
                }
            }
            let n = stats.requests.fetch_add(1, Ordering::SeqCst) + 1;
            stats
                .arrivals
                .lock()
                .unwrap()
                .push(tokio::time::Instant::now());
            let r = Req {
                n,
                path,
                headers: parts.headers,
                body,
            };
            let reply = (opts.handler)(&r);
            let final_header = state.lock().unwrap().final_header.take();
            let reply = match (reply, final_header) {
                (Reply::Http(resp), Some(h)) => Reply::Http(with_www_authenticate(resp, &h)),
                (Reply::CloseAfter(resp), Some(h)) => {
                    Reply::CloseAfter(with_www_authenticate(resp, &h))
                }
                (reply, _) => reply,
            };
            match reply {
                Reply::Http(resp) => Ok(resp),
                Reply::CloseAfter(resp) => {
                    tokio::spawn(async move {
                        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                        close.notify_one();
                    });
                    Ok(resp)
                }
                Reply::Drop => {
                    close.notify_one();
                    std::future::pending::<Result<Response<Full<Bytes>>, hyper::Error>>().await
                }
            }
        }
    });
    let conn = hyper::server::conn::http1::Builder::new().serve_connection(io, service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        () = close.notified() => {}
    }
}

fn with_www_authenticate(mut resp: Response<Full<Bytes>>, value: &str) -> Response<Full<Bytes>> {
    resp.headers_mut()
        .append("www-authenticate", value.parse().unwrap());
    resp
}

fn unauthorized(values: &[String]) -> Response<Full<Bytes>> {
    let mut b = Response::builder().status(StatusCode::UNAUTHORIZED);
    for v in values {
        b = b.header("www-authenticate", v);
    }
    b.body(Full::new(Bytes::new())).unwrap()
}

/// `None` when the request may pass, else the 401 to send.
fn check_auth(
    demand: &Demand,
    headers: &HeaderMap,
    conn: usize,
    stats: &Stats,
    state: &Mutex<ConnState>,
) -> Option<Response<Full<Bytes>>> {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    match demand {
        Demand::None => None,
        Demand::Basic(user, pass) => {
            let want = format!("Basic {}", STANDARD.encode(format!("{user}:{pass}")));
            (auth != want).then(|| unauthorized(&[r#"Basic realm="test""#.to_owned()]))
        }
        Demand::Digest(user, pass) => {
            if digest_server::verify(auth, user, pass) {
                None
            } else {
                Some(unauthorized(&[digest_server::challenge()]))
            }
        }
        Demand::Ntlm(domain, user, password) => ntlm_step(
            auth,
            (domain, user, password),
            &["Negotiate", "NTLM"],
            conn,
            stats,
            state,
        ),
        Demand::NtlmOnly(domain, user, password) => ntlm_step(
            auth,
            (domain, user, password),
            &["NTLM"],
            conn,
            stats,
            state,
        ),
        Demand::Bearer => {
            let ok = auth
                .strip_prefix("Bearer ")
                .is_some_and(|t| stats.tokens.lock().unwrap().iter().any(|k| k == t));
            (!ok).then(|| unauthorized(&[r#"Bearer realm="test""#.to_owned()]))
        }
        #[cfg(feature = "gssapi")]
        Demand::Negotiate {
            final_token,
            bindings,
            also_ntlm,
        } => {
            use libgssapi::context::{SecurityContext as _, ServerCtx};
            let offered: &[&str] = match also_ntlm {
                Some(_) => &["Negotiate", "NTLM"],
                None => &["Negotiate"],
            };
            if let Some(user) = also_ntlm {
                if auth.starts_with("NTLM ") || state.lock().unwrap().ntlm_authenticated {
                    return ntlm_step(auth, *user, offered, conn, stats, state);
                }
            }
            let mut st = state.lock().unwrap();
            if st.negotiate_authenticated {
                return None;
            }
            let offer =
                || unauthorized(&offered.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
            let Some(token) = auth.strip_prefix("Negotiate ") else {
                return Some(offer());
            };
            let Ok(token) = STANDARD.decode(token.trim()) else {
                return Some(offer());
            };
            let ctx = st.negotiate.get_or_insert_with(|| ServerCtx::new(None));
            match ctx.step(&token, bindings.as_deref()) {
                Err(e) => {
                    eprintln!("the acceptor refused the token: {e}");
                    st.negotiate = None;
                    Some(offer())
                }
                Ok(out) if !ctx.is_complete() => {
                    let out = out.map(|b| b.to_vec()).unwrap_or_default();
                    Some(unauthorized(&[format!(
                        "Negotiate {}",
                        STANDARD.encode(out)
                    )]))
                }
                Ok(out) => {
                    let out = out.map(|b| b.to_vec()).unwrap_or_default();
                    let client = ctx.source_name().unwrap().to_string();
                    stats.negotiate_clients.lock().unwrap().push(client);
                    *stats
                        .negotiate_handshakes
                        .lock()
                        .unwrap()
                        .entry(conn)
                        .or_default() += 1;
                    st.negotiate = None;
                    st.negotiate_authenticated = true;
                    if *final_token {
                        st.final_header = Some(format!("Negotiate {}", STANDARD.encode(out)));
                    }
                    None
                }
            }
        }
    }
}

/// The NTLM side of `check_auth`: `offered` are the schemes of the first 401.
fn ntlm_step(
    auth: &str,
    (domain, user, password): (&str, &str, &str),
    offered: &[&str],
    conn: usize,
    stats: &Stats,
    state: &Mutex<ConnState>,
) -> Option<Response<Full<Bytes>>> {
    let mut st = state.lock().unwrap();
    if st.ntlm_authenticated {
        return None;
    }
    let offer = || unauthorized(&offered.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
    let Some(token) = auth.strip_prefix("NTLM ") else {
        return Some(offer());
    };
    let Ok(msg) = STANDARD.decode(token.trim()) else {
        return Some(offer());
    };
    match msg.get(8) {
        Some(1) => {
            let Ok(challenge) = ntlm::Acceptor::new(domain, "MAIL").challenge(&msg) else {
                return Some(offer());
            };
            *stats
                .ntlm_handshakes
                .lock()
                .unwrap()
                .entry(conn)
                .or_default() += 1;
            let value = format!("NTLM {}", STANDARD.encode(challenge.message()));
            st.ntlm = Some(challenge);
            Some(unauthorized(&[value]))
        }
        Some(3) => {
            let Some(challenge) = st.ntlm.take() else {
                return Some(offer());
            };
            let lookup = |d: &str, u: &str| {
                (d.eq_ignore_ascii_case(domain) && u == user).then(|| password.to_owned())
            };
            match challenge.verify(&msg, lookup) {
                Ok(accepted) => {
                    stats
                        .ntlm_channel_bindings
                        .lock()
                        .unwrap()
                        .push(accepted.channel_bindings);
                    st.ntlm_authenticated = true;
                    None
                }
                Err(e) => {
                    eprintln!("the NTLM acceptor refused the AUTHENTICATE message: {e}");
                    Some(offer())
                }
            }
        }
        _ => Some(offer()),
    }
}
