//! Each authentication scheme against the test server, client certificates, dumps, and the
//! independent NTLM acceptor.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ews_auth::{ClientCertificate, Credentials, OAuth2, OAuthFlow, SchemeKind};
use ews_transport::{Auth, AuthError, Error, Transport};
use http::StatusCode;
use sha2::Digest as _;

use crate::server::{self, Demand, Opts, Reply, Server, soap_ok, xml};
use crate::{builder, call, call_ok, untimed};

fn creds(user: &str, pass: &str) -> Credentials {
    Credentials::password(user, pass).unwrap()
}

/// A transport to `server` that logs in with `kind` as `user` / `pass`.
fn logged_in(server: &Server, kind: SchemeKind, user: &str, pass: &str) -> Transport {
    builder(server)
        .auth(Auth::from_credentials(kind, creds(user, pass)))
        .build()
        .unwrap()
}

#[tokio::test]
async fn basic() {
    let s = server::start(Opts::new(Demand::Basic("alice", "pw"), |_| soap_ok())).await;
    let t = logged_in(&s, SchemeKind::Basic, "alice", "pw");
    call_ok(&t).await;
    call_ok(&t).await;
    // Basic is preemptive: no 401 round trip at all.
    assert_eq!(s.stats.all_requests.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn basic_wrong_password_fails() {
    let s = server::start(Opts::new(Demand::Basic("alice", "pw"), |_| soap_ok())).await;
    let t = logged_in(&s, SchemeKind::Basic, "alice", "nope");
    let e = call(&t).await.unwrap_err();
    assert!(
        matches!(
            e,
            Error::Auth(AuthError::Failed {
                failure: ews_auth::Failure::Rejected,
                ..
            })
        ),
        "{e:?}"
    );
}

#[tokio::test]
async fn digest() {
    let s = server::start(Opts::new(Demand::Digest("alice", "pw"), |_| soap_ok())).await;
    let t = logged_in(&s, SchemeKind::Digest, "alice", "pw");
    call_ok(&t).await;
    call_ok(&t).await;
    // One 401 to learn the nonce, then every request authenticated.
    assert_eq!(s.stats.all_requests.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn ntlm_once_per_connection() {
    let s = server::start(Opts::new(Demand::Ntlm("EXAMPLE", "alice", "pw"), |_| {
        soap_ok()
    }))
    .await;
    let t = builder(&s)
        .auth(Auth::from_credentials(
            SchemeKind::Ntlm,
            creds(r"EXAMPLE\alice", "pw"),
        ))
        .build()
        .unwrap();
    for _ in 0..3 {
        call_ok(&t).await;
    }
    assert_eq!(s.stats.connections.load(Ordering::SeqCst), 1);
    assert_eq!(*s.stats.ntlm_handshakes.lock().unwrap().get(&1).unwrap(), 1);
    // NEGOTIATE, AUTHENTICATE (answered), then two requests without Authorization.
    assert_eq!(s.stats.all_requests.load(Ordering::SeqCst), 4);
    // The AUTHENTICATE message is bound to the TLS connection: MD5 of the
    // `gss_channel_bindings_struct` around `tls-server-end-point:` + SHA-256 of the server's
    // certificate (rcgen signs with ECDSA P-256 and SHA-256).
    let app_data = [
        &b"tls-server-end-point:"[..],
        &sha2::Sha256::digest(&s.pki.server_chain[0])[..],
    ]
    .concat();
    let mut bindings = md5::Md5::new();
    bindings.update([0u8; 16]);
    bindings.update((app_data.len() as u32).to_le_bytes());
    bindings.update(&app_data);
    let want: [u8; 16] = bindings.finalize().into();
    assert_eq!(*s.stats.ntlm_channel_bindings.lock().unwrap(), [Some(want)]);
}

#[tokio::test]
async fn ntlm_wrong_user_fails() {
    let s = server::start(Opts::new(Demand::Ntlm("EXAMPLE", "alice", "pw"), |_| {
        soap_ok()
    }))
    .await;
    let t = builder(&s)
        .auth(Auth::from_credentials(
            SchemeKind::Ntlm,
            creds(r"EXAMPLE\bob", "pw"),
        ))
        .build()
        .unwrap();
    let e = call(&t).await.unwrap_err();
    assert!(
        matches!(e, Error::Auth(AuthError::Failed { scheme: "NTLM", .. })),
        "{e:?}"
    );
}

/// The acceptor checks the NTLMv2 response: the right user with a wrong password fails,
/// and so do the other user-name forms with a wrong password.
#[tokio::test]
async fn ntlm_wrong_password_fails() {
    let s = server::start(Opts::new(Demand::Ntlm("EXAMPLE", "alice", "pw"), |_| {
        soap_ok()
    }))
    .await;
    for user in [r"EXAMPLE\alice", r"example\alice"] {
        let t = builder(&s)
            .auth(Auth::from_credentials(
                SchemeKind::Ntlm,
                creds(user, "wrong"),
            ))
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
    assert_eq!(s.requests(), 0);
    // The domain is matched without regard to case; the password must be right.
    let t = builder(&s)
        .auth(Auth::from_credentials(
            SchemeKind::Ntlm,
            creds(r"example\alice", "pw"),
        ))
        .build()
        .unwrap();
    call_ok(&t).await;
}

/// A token endpoint on the test server: `tok-N` tokens valid for an hour.
fn token_server(invalid_grant: bool, issued: Arc<AtomicUsize>) -> Opts {
    Opts::new(Demand::Bearer, move |req| {
        if req.path != "/token" {
            return soap_ok();
        }
        let form = String::from_utf8_lossy(&req.body).into_owned();
        assert!(form.contains("grant_type=client_credentials"), "{form}");
        if invalid_grant {
            return Reply::Http(xml(
                StatusCode::BAD_REQUEST,
                r#"{"error":"invalid_grant","error_description":"AADSTS70000: the grant is invalid"}"#,
            ));
        }
        let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
        Reply::Http(xml(
            StatusCode::OK,
            &format!(r#"{{"access_token":"tok-{n}","token_type":"Bearer","expires_in":3600}}"#),
        ))
    })
}

#[tokio::test(start_paused = true)]
async fn bearer_token_refresh() {
    let issued = Arc::new(AtomicUsize::new(0));
    let s = server::start(token_server(false, issued.clone())).await;
    // The server accepts the tokens the endpoint will issue.
    s.stats
        .tokens
        .lock()
        .unwrap()
        .extend(["tok-1".to_owned(), "tok-2".to_owned()]);
    let flow = OAuthFlow::client_credentials("tenant", "client-id", "client-secret")
        .with_token_endpoint(s.url_for("/token"));
    let t = untimed(&mut builder(&s))
        .auth(Auth::scheme(OAuth2::new(flow)))
        .build()
        .unwrap();
    call_ok(&t).await;
    call_ok(&t).await;
    assert_eq!(issued.load(Ordering::SeqCst), 1);
    // An hour later the token is due: a new one is fetched before the request.
    tokio::time::sleep(Duration::from_secs(3600)).await;
    call_ok(&t).await;
    assert_eq!(issued.load(Ordering::SeqCst), 2);
    assert_eq!(s.requests(), 3 + 2);
}

#[tokio::test]
async fn bearer_invalid_grant_is_surfaced() {
    let s = server::start(token_server(true, Arc::default())).await;
    let flow = OAuthFlow::client_credentials("tenant", "client-id", "client-secret")
        .with_token_endpoint(s.url_for("/token"));
    let t = builder(&s)
        .auth(Auth::scheme(OAuth2::new(flow)))
        .build()
        .unwrap();
    let e = call(&t).await.unwrap_err();
    match e {
        Error::Auth(AuthError::Scheme(ews_auth::Error::OAuth { error, .. })) => {
            assert_eq!(error, "invalid_grant");
        }
        other => panic!("{other:?}"),
    }
}

fn client_cert_server(handler_ok: bool) -> Opts {
    let mut o = Opts::new(Demand::None, move |_| {
        assert!(handler_ok);
        soap_ok()
    });
    o.client_auth = true;
    o
}

#[tokio::test]
async fn client_certificate_accepted() {
    let s = server::start(client_cert_server(true)).await;
    let cert = ClientCertificate::from_pem(
        s.pki.client_cert_pem.as_bytes(),
        s.pki.client_key_pem.as_bytes(),
    )
    .unwrap();
    let t = builder(&s).client_certificate(cert).build().unwrap();
    call_ok(&t).await;
}

#[tokio::test]
async fn client_certificate_missing_is_refused() {
    let s = server::start(client_cert_server(false)).await;
    let t = builder(&s).build().unwrap();
    assert!(call(&t).await.is_err());
    // A certificate from another CA is refused too.
    let other = server::pki();
    let cert = ClientCertificate::from_pem(
        other.client_cert_pem.as_bytes(),
        other.client_key_pem.as_bytes(),
    )
    .unwrap();
    let t = builder(&s).client_certificate(cert).build().unwrap();
    assert!(call(&t).await.is_err());
    assert_eq!(s.requests(), 0);
}

#[tokio::test]
async fn unknown_ca_is_refused_unless_dangerous() {
    let s = server::start(Opts::new(Demand::None, |_| soap_ok())).await;
    let t = Transport::builder(s.url())
        .dump_from_env(false)
        .build()
        .unwrap();
    let e = call(&t).await.unwrap_err();
    assert!(matches!(e, Error::Tls { .. }), "{e:?}");
    let mut b = Transport::builder(s.url());
    b.dump_from_env(false)
        .dangerous()
        .accept_invalid_certificates();
    call_ok(&b.build().unwrap()).await;
}

#[tokio::test]
async fn extra_root_per_host() {
    let s = server::start(Opts::new(Demand::None, |_| soap_ok())).await;
    let mut b = Transport::builder(s.url());
    b.roots(ews_transport::Roots::None)
        .dump_from_env(false)
        .add_root_certificate_for_host("other.test", s.pki.ca_der.clone());
    assert!(matches!(
        call(&b.build().unwrap()).await,
        Err(Error::Tls { .. })
    ));
    b.add_root_certificate_for_host("LOCALHOST", s.pki.ca_der.clone());
    call_ok(&b.build().unwrap()).await;
}

#[tokio::test]
async fn plain_http_only_to_loopback() {
    let mut o = Opts::new(Demand::None, |_| soap_ok());
    o.tls = false;
    let s = server::start(o).await;
    let t = Transport::builder(s.url())
        .dump_from_env(false)
        .build()
        .unwrap();
    call_ok(&t).await;
    let e = Transport::builder("http://mail.example.test/EWS/Exchange.asmx")
        .build()
        .unwrap_err();
    assert!(e.to_string().contains("dangerous"), "{e}");
    let mut b = Transport::builder("http://mail.example.test/EWS/Exchange.asmx");
    b.dangerous().allow_plain_http();
    assert!(b.build().is_ok());
}

#[tokio::test]
async fn dump_dir_redacts_credentials() {
    let s = server::start(Opts::new(Demand::Basic("alice", "pw"), |_| soap_ok())).await;
    let dir = tempfile::tempdir().unwrap();
    let t = builder(&s)
        .auth(Auth::from_credentials(
            SchemeKind::Basic,
            creds("alice", "pw"),
        ))
        .dump_dir(dir.path())
        .build()
        .unwrap();
    call_ok(&t).await;
    call_ok(&t).await;
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("0001-request.xml"), crate::REQUEST);
    assert_eq!(read("0001-response.xml"), crate::OK_ENVELOPE);
    assert_eq!(read("0002-response.xml"), crate::OK_ENVELOPE);
    let headers = read("0001-request.headers.txt");
    assert!(
        headers.contains("authorization: Basic [redacted]"),
        "{headers}"
    );
    assert!(!headers.contains("YWxpY2U6cHc="), "{headers}");
    assert!(read("0001-response.headers.txt").starts_with("HTTP/1.1 200 OK"));
}

/// Every file of a dump folder, by name.
fn dump_files(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().into_string().unwrap();
            (name, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn assert_nowhere(files: &[(String, String)], secret: &str) {
    for (name, content) in files {
        assert!(
            !content.contains(secret),
            "{secret:?} in {name}:\n{content}"
        );
    }
}

/// Response bodies and headers are redacted like requests: secret elements, the NTLM
/// challenge token of a 401, the affinity cookie's value. The caller still gets everything.
#[tokio::test]
async fn dump_dir_redacts_responses() {
    const BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:R xmlns:m="urn:m" xmlns:t="urn:t"><t:Password>hunter2</t:Password><t:Subject>kept</t:Subject></m:R></s:Body></s:Envelope>"#;
    let s = server::start(Opts::new(Demand::Ntlm("EXAMPLE", "alice", "pw"), |_| {
        let mut r = xml(StatusCode::OK, BODY);
        r.headers_mut().insert(
            "set-cookie",
            "X-BackEndOverrideCookie=MBX01.example.test~4242; path=/"
                .parse()
                .unwrap(),
        );
        Reply::Http(r)
    }))
    .await;
    let dir = tempfile::tempdir().unwrap();
    let t = builder(&s)
        .auth(Auth::from_credentials(
            SchemeKind::Ntlm,
            creds(r"EXAMPLE\alice", "pw"),
        ))
        .dump_dir(dir.path())
        .build()
        .unwrap();
    let options = ews_transport::CallOptions::new("GetItem").anchor_mailbox("alice@example.test");
    let r = t.send_envelope(crate::REQUEST, &options).await.unwrap();
    let body = r.into_body().bytes(1 << 20).await.unwrap();
    assert_eq!(body, BODY.as_bytes(), "the caller gets the body unredacted");

    let files = dump_files(dir.path());
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "0001-request.headers.txt",
            "0001-request.xml",
            "0001-response.headers.txt",
            "0001-response.xml",
            "0002-request.headers.txt",
            "0002-request.xml",
            "0002-response.headers.txt",
            "0002-response.xml",
        ]
    );
    // "TlRMTVNTUA" is the base64 of "NTLMSSP\0": the start of every NTLM token.
    for secret in ["hunter2", "MBX01", "4242", "TlRMTVNTUA"] {
        assert_nowhere(&files, secret);
    }
    let file = |name: &str| &files.iter().find(|(n, _)| n == name).unwrap().1;
    let challenged = file("0001-response.headers.txt");
    assert!(challenged.starts_with("HTTP/1.1 401"), "{challenged}");
    assert!(
        challenged.contains("www-authenticate: NTLM [redacted]"),
        "{challenged}"
    );
    let answered = file("0002-response.headers.txt");
    assert!(
        answered.contains("set-cookie: X-BackEndOverrideCookie=[redacted]; path=/"),
        "{answered}"
    );
    assert_eq!(
        file("0002-response.xml"),
        &BODY.replace("hunter2", "[redacted]")
    );
    assert!(file("0002-request.headers.txt").contains("authorization: NTLM [redacted]"));
}

/// The OAuth token exchange is dumped too, with the client secret and the tokens redacted.
#[tokio::test]
async fn dump_dir_redacts_token_exchanges() {
    let s = server::start(token_server(false, Arc::default())).await;
    s.stats.tokens.lock().unwrap().push("tok-1".to_owned());
    let dir = tempfile::tempdir().unwrap();
    let flow = OAuthFlow::client_credentials("tenant", "client-id", "client-secret")
        .with_token_endpoint(s.url_for("/token"));
    let t = builder(&s)
        .auth(Auth::scheme(OAuth2::new(flow)))
        .dump_dir(dir.path())
        .build()
        .unwrap();
    call_ok(&t).await;
    let files = dump_files(dir.path());
    assert_nowhere(&files, "tok-1");
    assert_nowhere(&files, "client-secret");
    let file = |name: &str| &files.iter().find(|(n, _)| n == name).unwrap().1;
    let form = file("0001-request.txt");
    assert!(
        form.contains("grant_type=client_credentials") && form.contains("client_secret=[redacted]"),
        "{form}"
    );
    let answer = file("0001-response.json");
    assert!(
        answer.contains(r#""access_token":"[redacted]""#)
            && answer.contains(r#""token_type":"Bearer""#),
        "{answer}"
    );
    assert!(file("0002-request.headers.txt").contains("authorization: Bearer [redacted]"));
    assert_eq!(file("0002-response.xml"), crate::OK_ENVELOPE);
}

/// Against pyspnego's NTLM acceptor (started by tests/run-ntlm-acceptor.sh).
#[tokio::test]
#[ignore = "needs the pyspnego acceptor: run tests/run-ntlm-acceptor.sh"]
async fn ntlm_against_pyspnego() {
    let url = std::env::var("NTLM_ACCEPTOR_URL").expect("NTLM_ACCEPTOR_URL");
    let password = std::env::var("NTLM_PASSWORD").unwrap_or_else(|_| "alicepw".to_owned());
    let t = Transport::builder(url)
        .dump_from_env(false)
        .auth(Auth::from_credentials(
            SchemeKind::Ntlm,
            creds(r"EXAMPLE\alice", &password),
        ))
        .build()
        .unwrap();
    for _ in 0..2 {
        let r = call(&t).await.unwrap();
        assert_eq!(r.status(), 200);
        let body = r.into_body().bytes(1 << 20).await.unwrap();
        assert!(String::from_utf8_lossy(&body).contains(r"EXAMPLE\alice"));
    }
    // A wrong password is refused by the acceptor.
    let t = Transport::builder(std::env::var("NTLM_ACCEPTOR_URL").unwrap())
        .dump_from_env(false)
        .auth(Auth::from_credentials(
            SchemeKind::Ntlm,
            creds(r"EXAMPLE\alice", "wrong"),
        ))
        .build()
        .unwrap();
    assert!(matches!(call(&t).await, Err(Error::Auth(_))));
}
