//! Negotiate (SPNEGO/Kerberos) end to end: the transport against the test server with a
//! libgssapi acceptor, both talking to a real MIT KDC. Every test is `#[ignore]`d: run them
//! with `scripts/kdc-tests.sh`, which starts the KDC (realm EXAMPLE.TEST, alice/alicepw,
//! `HTTP/localhost` in the keytab) and exports KRB5_CONFIG, KRB5CCNAME and KRB5_KTNAME.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use ews_auth::{Credentials, NegotiateError, SchemeKind};
use ews_transport::{Auth, AuthError, Error, Transport};

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
    let pki = Arc::new(server::pki());
    let hash = sha2_256(&pki.server_chain[0]);
    let mut bindings = b"tls-server-end-point:".to_vec();
    bindings.extend_from_slice(&hash);
    let demand = Demand::Negotiate {
        final_token,
        bindings: Some(bindings),
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
    // The first request carries the Kerberos token (the transport sends it without waiting
    // for a 401; Kerberos needs one round trip), then two requests without Authorization.
    assert_eq!(s.stats.all_requests.load(Ordering::SeqCst), 3);
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
    // The server accepted the client, but the response was discarded, and not resent.
    assert_eq!(s.requests(), 1);
    assert_eq!(s.stats.all_requests.load(Ordering::SeqCst), 1);
}
