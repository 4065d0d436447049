//! Negotiate (SPNEGO/Kerberos) end to end: the transport against the test server with a
//! libgssapi acceptor, both talking to a real MIT KDC. The tests that need the KDC are
//! `#[ignore]`d: run them with `scripts/kdc-tests.sh`, which starts the KDC (realm
//! EXAMPLE.TEST, alice/alicepw, `HTTP/localhost` in the keytab), exports KRB5_CONFIG,
//! KRB5CCNAME and KRB5_KTNAME, and runs this whole module. The NTLM-only test needs no KDC
//! (GSSAPI is never called) and runs with every `cargo test --features gssapi`.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use ews_auth::{Credentials, NegotiateError, SchemeKind};
use ews_transport::{Auth, AuthError, Error, Roots, Transport};

use crate::server::{self, Demand, Opts, Server, soap_ok};
use crate::{builder, call, call_ok};

const USER: &str = "alice@EXAMPLE.TEST";
const PASSWORD: &str = "alicepw";

fn require_kdc() {
    assert!(
        std::env::var_os("KRB5_CONFIG").is_some() && std::env::var_os("KRB5_KTNAME").is_some(),
        "no test KDC: run scripts/kdc-tests.sh"
    );
}

/// A TLS server demanding Negotiate; its acceptor requires the channel binding of its own
/// certificate (as Exchange with Extended Protection does).
async fn negotiate_server(final_token: bool) -> Server {
    negotiate_server_with(final_token, None).await
}

/// As [`negotiate_server`]; with `also_ntlm`, its 401 offers `Negotiate` then `NTLM`, and
/// it accepts NTLM for that domain and user too.
async fn negotiate_server_with(
    final_token: bool,
    also_ntlm: Option<(&'static str, &'static str, &'static str)>,
) -> Server {
    let pki = Arc::new(server::pki());
    let hash = sha2_256(&pki.server_chain[0]);
    let mut bindings = b"tls-server-end-point:".to_vec();
    bindings.extend_from_slice(&hash);
    let demand = Demand::Negotiate {
        final_token,
        bindings: Some(bindings),
        also_ntlm,
    };
    server::start_with(Opts::new(demand, |_| soap_ok()), pki).await
}

fn sha2_256(der: &[u8]) -> Vec<u8> {
    use sha2::Digest as _;
    sha2::Sha256::digest(der).to_vec()
}

/// The transport as an application builds it: `SchemeKind::Negotiate` with a password,
/// the SPN taken from the URL's host (`HTTP/localhost`).
fn transport(s: &Server) -> Transport {
    let creds = Credentials::password(USER, PASSWORD).unwrap();
    builder(s)
        .auth(Auth::from_credentials(SchemeKind::Negotiate, creds))
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
async fn negotiate_with_mutual_auth_once_per_connection() {
    require_kdc();
    let s = negotiate_server(true).await;
    let t = transport(&s);
    for _ in 0..3 {
        call_ok(&t).await;
    }
    assert_eq!(s.stats.connections.load(Ordering::SeqCst), 1);
    let handshakes = s.stats.negotiate_handshakes.lock().unwrap().clone();
    assert_eq!(handshakes.get(&1), Some(&1), "{handshakes:?}");
    assert_eq!(*s.stats.negotiate_clients.lock().unwrap(), [USER]);
    // The first request goes without a token and gets the 401 offering Negotiate; the
    // second carries the Kerberos token (one round trip for Kerberos); then two requests
    // without Authorization.
    assert_eq!(s.stats.all_requests.load(Ordering::SeqCst), 4);
    assert_eq!(s.requests(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
async fn negotiate_handshake_per_pooled_connection() {
    require_kdc();
    let s = negotiate_server(true).await;
    let t = transport(&s);
    // Two calls at once need two connections, each with its own handshake; later calls
    // reuse them without one.
    for _ in 0..2 {
        tokio::join!(call_ok(&t), call_ok(&t));
    }
    let connections = s.stats.connections.load(Ordering::SeqCst);
    assert!((1..=2).contains(&connections), "{connections} connections");
    let handshakes = s.stats.negotiate_handshakes.lock().unwrap().clone();
    assert_eq!(handshakes.len(), connections, "{handshakes:?}");
    assert!(handshakes.values().all(|n| *n == 1), "{handshakes:?}");
    assert_eq!(s.requests(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
async fn negotiate_without_final_token_fails() {
    require_kdc();
    let s = negotiate_server(false).await;
    let t = transport(&s);
    let e = call(&t).await.unwrap_err();
    assert!(
        matches!(
            &e,
            Error::Auth(AuthError::ServerNotAuthenticated {
                scheme: "Negotiate",
                source: ews_auth::Error::Negotiate(NegotiateError::MutualAuthMissing),
            })
        ),
        "{e:?}"
    );
    // The server accepted the client, but the response was discarded, and not resent:
    // the 401 and the request with the token, nothing after.
    assert_eq!(s.requests(), 1);
    assert_eq!(s.stats.all_requests.load(Ordering::SeqCst), 2);
}

fn ntlm_handshakes(s: &Server) -> usize {
    s.stats.ntlm_handshakes.lock().unwrap().values().sum()
}

/// Negotiate configured, the server offers only NTLM: the Negotiate scheme continues as
/// NTLM with the same password, through the transport's ordinary 401 loop. No KDC needed:
/// nothing is sent before the 401, and that 401 does not offer Negotiate, so GSSAPI is
/// never called.
#[tokio::test]
async fn negotiate_configured_ntlm_only_server_gets_ntlm() {
    let s = server::start(Opts::new(
        Demand::NtlmOnly("EXAMPLE", "alice", "secret"),
        |_| soap_ok(),
    ))
    .await;
    let creds = Credentials::password(r"EXAMPLE\alice", "secret").unwrap();
    let t = builder(&s)
        .auth(Auth::from_credentials(SchemeKind::Negotiate, creds))
        .build()
        .unwrap();
    for _ in 0..3 {
        call_ok(&t).await;
    }
    assert_eq!(s.stats.connections.load(Ordering::SeqCst), 1);
    assert_eq!(ntlm_handshakes(&s), 1);
    // No token before the 401 (which offers NTLM only), NEGOTIATE, AUTHENTICATE (answered),
    // then two requests on the authenticated connection.
    assert_eq!(s.stats.all_requests.load(Ordering::SeqCst), 5);
    assert_eq!(s.requests(), 3);

    // A user the server does not accept: NTLM's failure, reported under NTLM's name.
    let wrong = Credentials::password(r"EXAMPLE\bob", "secret").unwrap();
    let t = builder(&s)
        .auth(Auth::from_credentials(SchemeKind::Negotiate, wrong))
        .build()
        .unwrap();
    let e = call(&t).await.unwrap_err();
    assert!(
        matches!(
            e,
            Error::Auth(AuthError::Failed {
                scheme: "NTLM",
                failure: ews_auth::Failure::Rejected,
            })
        ),
        "{e:?}"
    );
}

/// A 401 offering `Negotiate` first and `NTLM` second: Kerberos is used when it works.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
async fn negotiate_preferred_over_ntlm_when_kerberos_works() {
    require_kdc();
    let s = negotiate_server_with(true, Some(("", USER, PASSWORD))).await;
    let t = transport(&s);
    call_ok(&t).await;
    call_ok(&t).await;
    let handshakes = s.stats.negotiate_handshakes.lock().unwrap().clone();
    assert_eq!(handshakes.get(&1), Some(&1), "{handshakes:?}");
    assert_eq!(*s.stats.negotiate_clients.lock().unwrap(), [USER]);
    assert_eq!(ntlm_handshakes(&s), 0);
    // 401 (Negotiate, NTLM), the Kerberos token, then one request without Authorization.
    assert_eq!(s.stats.all_requests.load(Ordering::SeqCst), 3);
}

/// The same offer, but Kerberos cannot work (the KDC knows no `HTTP/127.0.0.1`): NTLM with
/// the same credentials.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
async fn kerberos_failure_falls_back_to_ntlm_through_the_transport() {
    require_kdc();
    let s = negotiate_server_with(true, Some(("", USER, PASSWORD))).await;
    let url = format!("https://127.0.0.1:{}/EWS/Exchange.asmx", s.addr.port());
    let creds = Credentials::password(USER, PASSWORD).unwrap();
    let t = Transport::builder(url)
        .roots(Roots::None)
        .add_root_certificate(s.pki.ca_der.clone())
        .dump_from_env(false)
        .auth(Auth::from_credentials(SchemeKind::Negotiate, creds))
        .build()
        .unwrap();
    call_ok(&t).await;
    call_ok(&t).await;
    assert_eq!(ntlm_handshakes(&s), 1);
    assert!(s.stats.negotiate_handshakes.lock().unwrap().is_empty());
    // 401, NEGOTIATE, AUTHENTICATE (answered), one more request.
    assert_eq!(s.stats.all_requests.load(Ordering::SeqCst), 4);
}
