//! `FakeExchange`'s authentication schemes, driven by this workspace's own client crates
//! (`ews-auth` schemes over the `ews-transport` client): Basic, NTLM, Bearer tokens from the
//! fake's token endpoint, and TLS client certificates.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use ews_auth::{
    ClientCertificate, Credentials, Failure, OAuth2, OAuthFlow, SchemeKind, StaticToken,
};
use ews_model::operations::{AnyResponse, parse_response};
use ews_tests::{AuthScheme, FakeExchange};
use ews_transport::{Auth, AuthError, CallOptions, Error, Roots, Transport, TransportBuilder};
use http_body_util::{BodyExt as _, Full};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

const GET_INBOX: &str = r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></soap:Header><soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder></soap:Body></soap:Envelope>"#;

fn users() -> ews_tests::Builder {
    FakeExchange::builder()
        .user("alice@example.test", "alice-pw")
        .user("bob@example.test", "bob-pw")
        .check_documents_on_drop(common::gate)
}

/// A transport to `server` trusting its CA (with TLS), no dumps.
///
/// The connection cap stays at the default (4): the transport fetches a token over a
/// connection of the same pool as the EWS request that needs it, and the fake serves both
/// on one origin, so a cap of 1 would leave the token request waiting for the connection
/// its own EWS request holds.
fn client(server: &FakeExchange) -> TransportBuilder {
    let mut b = Transport::builder(server.url());
    b.dump_from_env(false);
    if let Some(ca) = server.ca_certificate_der() {
        b.roots(Roots::None).add_root_certificate(ca.to_vec());
    }
    b
}

fn password(kind: SchemeKind, user: &str, password: &str) -> Auth {
    Auth::from_credentials(kind, Credentials::password(user, password).unwrap())
}

async fn call(t: &Transport) -> Result<Vec<u8>, Error> {
    let r = t
        .send_envelope(GET_INBOX, &CallOptions::new("GetFolder"))
        .await?;
    assert_eq!(r.status(), 200);
    Ok(r.into_body().bytes(1 << 20).await.unwrap().to_vec())
}

/// GetFolder of the inbox: the folder id, which differs per mailbox.
async fn inbox_id(t: &Transport) -> String {
    let body = call(t).await.unwrap();
    let AnyResponse::GetFolder(r) = parse_response("GetFolder", &body).unwrap() else {
        panic!("not a GetFolder response");
    };
    let inbox = r.into_results().remove(0).unwrap();
    assert_eq!(inbox.display_name(), Some("Inbox"));
    inbox.folder_id().unwrap().id.clone()
}

fn assert_rejected(e: &Error, scheme: &str) {
    assert!(
        matches!(
            e,
            Error::Auth(AuthError::Failed { scheme: s, failure: Failure::Rejected }) if *s == scheme
        ),
        "{e:?}"
    );
}

/// One raw request over a new plain connection: status, `WWW-Authenticate` values, body.
async fn raw(
    server: &FakeExchange,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, Vec<String>, String) {
    let tcp = TcpStream::connect(server.addr()).await.unwrap();
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tcp))
        .await
        .unwrap();
    tokio::spawn(conn);
    let mut req = http::Request::post(path).header("host", server.addr().to_string());
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let resp = sender
        .send_request(req.body(Full::new(Bytes::from(body.to_owned()))).unwrap())
        .await
        .unwrap();
    let (parts, b) = resp.into_parts();
    let challenges = parts
        .headers
        .get_all("www-authenticate")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let body = b.collect().await.unwrap().to_bytes();
    (
        parts.status.as_u16(),
        challenges,
        String::from_utf8_lossy(&body).into_owned(),
    )
}

#[tokio::test]
async fn offers_every_scheme_in_its_own_header() {
    let server = users().start().await.unwrap();
    let (status, offers, _) = raw(&server, ews_tests::EWS_PATH, &[], GET_INBOX).await;
    assert_eq!(status, 401);
    assert_eq!(offers, [r#"Basic realm="fake-exchange""#, "NTLM"]);
    let server = users()
        .auth([AuthScheme::Bearer, AuthScheme::Ntlm])
        .start()
        .await
        .unwrap();
    let (_, offers, _) = raw(&server, ews_tests::EWS_PATH, &[], GET_INBOX).await;
    assert_eq!(offers, [r#"Bearer realm="fake-exchange""#, "NTLM"]);
    // Basic is not offered: valid Basic credentials get a 401 too.
    let t = client(&server)
        .auth(password(
            SchemeKind::Basic,
            "alice@example.test",
            "alice-pw",
        ))
        .build()
        .unwrap();
    assert!(call(&t).await.is_err());
}

#[tokio::test]
async fn basic_user_forms_and_wrong_password() {
    let server = users().start().await.unwrap();
    let mut ids = Vec::new();
    for user in ["alice@example.test", "alice", r"EXAMPLE\alice", "ALICE"] {
        let t = client(&server)
            .auth(password(SchemeKind::Basic, user, "alice-pw"))
            .build()
            .unwrap();
        ids.push(inbox_id(&t).await);
    }
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    let bob = client(&server)
        .auth(password(SchemeKind::Basic, "bob", "bob-pw"))
        .build()
        .unwrap();
    assert_ne!(inbox_id(&bob).await, ids[0]);
    for (user, pw) in [
        ("alice@example.test", "bob-pw"),
        (r"OTHER\alice", "alice-pw"),
        ("carol", "alice-pw"),
    ] {
        let t = client(&server)
            .auth(password(SchemeKind::Basic, user, pw))
            .build()
            .unwrap();
        assert_rejected(&call(&t).await.unwrap_err(), "Basic");
    }
    assert_eq!(server.operation_count("GetFolder"), 5);
}

#[tokio::test]
async fn ntlm_handshake_once_per_connection() {
    let server = users().start().await.unwrap();
    let t = client(&server)
        .max_connections(1)
        .auth(password(SchemeKind::Ntlm, r"EXAMPLE\alice", "alice-pw"))
        .build()
        .unwrap();
    let id = inbox_id(&t).await;
    for _ in 0..3 {
        assert_eq!(inbox_id(&t).await, id);
    }
    assert_eq!(server.connections(), 1);
    assert_eq!(server.ntlm_handshakes(), 1);
    // NEGOTIATE (401 with the challenge), AUTHENTICATE (answered), then three requests
    // without Authorization on the authenticated connection.
    assert_eq!(server.requests_received(), 5);
    assert_eq!(server.operation_count("GetFolder"), 4);

    // Two connections: one handshake each.
    let t2 = {
        let mut b = client(&server);
        b.max_connections(2)
            .auth(password(SchemeKind::Ntlm, r"EXAMPLE\alice", "alice-pw"));
        b.build().unwrap()
    };
    let (a, b) = tokio::join!(inbox_id(&t2), inbox_id(&t2));
    assert_eq!((a.as_str(), b.as_str()), (id.as_str(), id.as_str()));
    assert_eq!(server.connections(), 3);
    assert_eq!(server.ntlm_handshakes(), 3);
}

#[tokio::test]
async fn ntlm_user_forms() {
    let server = users().start().await.unwrap();
    let basic = client(&server)
        .auth(password(
            SchemeKind::Basic,
            "alice@example.test",
            "alice-pw",
        ))
        .build()
        .unwrap();
    let id = inbox_id(&basic).await;
    for user in [
        "alice@example.test",
        "alice",
        r"EXAMPLE\alice",
        r"example\Alice",
    ] {
        let t = client(&server)
            .auth(password(SchemeKind::Ntlm, user, "alice-pw"))
            .build()
            .unwrap();
        assert_eq!(inbox_id(&t).await, id, "{user}");
    }
    assert_eq!(server.ntlm_handshakes(), 4);
}

#[tokio::test]
async fn ntlm_wrong_password_or_user_is_a_401() {
    let server = users().tls().start().await.unwrap();
    for (user, pw) in [
        (r"EXAMPLE\alice", "bob-pw"),
        ("alice@example.test", "Alice-pw"),
        (r"EXAMPLE\carol", "alice-pw"),
        (r"OTHER\alice", "alice-pw"),
    ] {
        let t = client(&server)
            .auth(password(SchemeKind::Ntlm, user, pw))
            .build()
            .unwrap();
        assert_rejected(&call(&t).await.unwrap_err(), "NTLM");
    }
    assert_eq!(server.ntlm_handshakes(), 0);
    assert_eq!(server.operation_count("GetFolder"), 0);
    // Malformed NTLM tokens are 401s as well.
    let server = users().start().await.unwrap();
    for token in ["NTLM !!!", "NTLM TlRMTVNTUAADAAAA", "NTLM", "NTLM AAAA"] {
        let (status, offers, _) = raw(
            &server,
            ews_tests::EWS_PATH,
            &[("authorization", token)],
            GET_INBOX,
        )
        .await;
        assert_eq!(status, 401, "{token}");
        assert!(offers.contains(&"NTLM".to_owned()), "{offers:?}");
    }
}

fn bearer_server() -> ews_tests::Builder {
    users()
        .auth([AuthScheme::Bearer])
        .oauth_client("daemon-app", "daemon-secret", "alice@example.test")
        .oauth_client("mail-app", "mail-secret", "bob@example.test")
}

#[tokio::test]
async fn bearer_client_credentials() {
    let server = bearer_server().start().await.unwrap();
    let flow = OAuthFlow::client_credentials("tenant", "daemon-app", "daemon-secret")
        .with_token_endpoint(server.token_url());
    // One connection: the token request, to the same host, must not wait for it.
    let t = client(&server)
        .max_connections(1)
        .auth(Auth::scheme(OAuth2::new(flow)))
        .build()
        .unwrap();
    let id = tokio::time::timeout(Duration::from_secs(20), inbox_id(&t))
        .await
        .expect("the token request waited for the connection of the request it serves");
    assert_eq!(inbox_id(&t).await, id);
    assert_eq!(server.tokens_issued(), 1);
    // The app acts as alice.
    let basic_server = bearer_server()
        .auth([AuthScheme::Bearer, AuthScheme::Basic])
        .start()
        .await
        .unwrap();
    let flow = OAuthFlow::client_credentials("tenant", "daemon-app", "daemon-secret")
        .with_token_endpoint(basic_server.token_url());
    let bearer = client(&basic_server)
        .auth(Auth::scheme(OAuth2::new(flow)))
        .build()
        .unwrap();
    let basic = client(&basic_server)
        .auth(password(SchemeKind::Basic, "alice", "alice-pw"))
        .build()
        .unwrap();
    assert_eq!(inbox_id(&bearer).await, inbox_id(&basic).await);
}

#[tokio::test]
async fn bearer_errors_are_surfaced() {
    let server = bearer_server().start().await.unwrap();
    let cases = [
        (
            OAuthFlow::client_credentials("tenant", "daemon-app", "wrong"),
            "invalid_client",
        ),
        (
            OAuthFlow::client_credentials("tenant", "no-such-app", "daemon-secret"),
            "invalid_client",
        ),
        (
            OAuthFlow::password("tenant", "mail-app", "bob@example.test", "alice-pw")
                .with_client_secret("mail-secret"),
            "invalid_grant",
        ),
        (
            OAuthFlow::refresh_token("tenant", "mail-app", "made-up")
                .with_client_secret("mail-secret"),
            "invalid_grant",
        ),
    ];
    for (flow, expected) in cases {
        let t = client(&server)
            .auth(Auth::scheme(OAuth2::new(
                flow.with_token_endpoint(server.token_url()),
            )))
            .build()
            .unwrap();
        match call(&t).await.unwrap_err() {
            Error::Auth(AuthError::Scheme(ews_auth::Error::OAuth { error, description })) => {
                assert_eq!(error, expected);
                assert!(description.is_some_and(|d| !d.is_empty()));
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(server.tokens_issued(), 0);
    assert_eq!(server.requests_received(), 4);
    // An unknown token gets `error="invalid_token"`; the scheme reports the rejection.
    let t = client(&server)
        .auth(Auth::scheme(OAuth2::new(StaticToken::new("not-issued"))))
        .build()
        .unwrap();
    assert_rejected(&call(&t).await.unwrap_err(), "Bearer");
    let (status, offers, _) = raw(
        &server,
        ews_tests::EWS_PATH,
        &[("authorization", "Bearer not-issued")],
        GET_INBOX,
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(
        offers,
        [r#"Bearer realm="fake-exchange", error="invalid_token""#]
    );
}

/// The password grant, a refresh with the refresh token once the access token expired, and
/// an expired token refused by the server.
#[tokio::test(start_paused = true)]
async fn bearer_refresh_after_expiry() {
    let server = bearer_server()
        .token_lifetime(Duration::from_secs(600))
        .start()
        .await
        .unwrap();
    let refresh_tokens = Arc::new(Mutex::new(Vec::new()));
    let seen = refresh_tokens.clone();
    let flow = OAuthFlow::password("tenant", "mail-app", r"EXAMPLE\bob", "bob-pw")
        .with_client_secret("mail-secret")
        .with_token_endpoint(server.token_url())
        .with_refresh_margin(Duration::from_secs(60))
        .on_token(move |t| {
            seen.lock()
                .unwrap()
                .push(t.refresh_token().unwrap().to_owned());
        });
    let mut b = client(&server);
    b.connect_timeout(None)
        .request_timeout(None)
        .idle_timeout(None)
        .auth(Auth::scheme(OAuth2::new(flow)));
    let t = b.build().unwrap();
    let id = inbox_id(&t).await;
    tokio::time::sleep(Duration::from_secs(500)).await;
    assert_eq!(inbox_id(&t).await, id);
    assert_eq!(server.tokens_issued(), 1);
    // Within the refresh margin: a refresh before the request.
    tokio::time::sleep(Duration::from_secs(60)).await;
    assert_eq!(inbox_id(&t).await, id);
    assert_eq!(server.tokens_issued(), 2);
    let rts = refresh_tokens.lock().unwrap().clone();
    assert_eq!(rts.len(), 2);
    assert_ne!(rts[0], rts[1], "refresh tokens rotate");

    // The first refresh token was used up; the second resumes the session elsewhere.
    for (rt, ok) in [(&rts[0], false), (&rts[1], true)] {
        let flow = OAuthFlow::refresh_token("tenant", "mail-app", rt.as_str())
            .with_client_secret("mail-secret")
            .with_token_endpoint(server.token_url());
        let mut b = client(&server);
        b.connect_timeout(None)
            .request_timeout(None)
            .idle_timeout(None)
            .auth(Auth::scheme(OAuth2::new(flow)));
        let r = call(&b.build().unwrap()).await;
        assert_eq!(r.is_ok(), ok, "{r:?}");
    }

    // A token the client still holds past its expiry is refused with invalid_token.
    let token = Arc::new(Mutex::new(String::new()));
    let keep = token.clone();
    let flow = OAuthFlow::client_credentials("tenant", "mail-app", "mail-secret")
        .with_token_endpoint(server.token_url())
        .on_token(move |t| *keep.lock().unwrap() = t.secret().to_owned());
    let mut b = client(&server);
    b.connect_timeout(None)
        .request_timeout(None)
        .idle_timeout(None)
        .auth(Auth::scheme(OAuth2::new(flow)));
    call(&b.build().unwrap()).await.unwrap();
    let token = token.lock().unwrap().clone();
    tokio::time::sleep(Duration::from_secs(601)).await;
    let stale = client(&server)
        .auth(Auth::scheme(OAuth2::new(StaticToken::new(token))))
        .build()
        .unwrap();
    assert_rejected(&call(&stale).await.unwrap_err(), "Bearer");
}

#[tokio::test]
async fn token_endpoint_replies() {
    let server = bearer_server().start().await.unwrap();
    let form = "application/x-www-form-urlencoded";
    let (status, _, body) = raw(
        &server,
        ews_tests::TOKEN_PATH,
        &[("content-type", form)],
        "grant_type=password&client_id=mail-app&client_secret=mail-secret&username=bob%40example.test&password=bob-pw&scope=EWS.AccessAsUser.All",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["token_type"], "Bearer");
    assert_eq!(v["expires_in"], 3600);
    assert!(v["access_token"].as_str().is_some_and(|s| s.len() >= 32));
    assert!(v["refresh_token"].is_string());
    // Client authentication by HTTP Basic.
    let (status, _, body) = raw(
        &server,
        ews_tests::TOKEN_PATH,
        &[
            ("content-type", form),
            ("authorization", "Basic ZGFlbW9uLWFwcDpkYWVtb24tc2VjcmV0"),
        ],
        "grant_type=client_credentials",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(!body.contains("refresh_token"), "{body}");
    for (content_type, form_body, status, error) in [
        (
            form,
            "grant_type=client_credentials&client_id=daemon-app",
            401,
            "invalid_client",
        ),
        (
            form,
            "grant_type=implicit&client_id=mail-app&client_secret=mail-secret",
            400,
            "unsupported_grant_type",
        ),
        (
            form,
            "client_id=mail-app&client_secret=mail-secret",
            400,
            "invalid_request",
        ),
        (
            form,
            "grant_type=password&grant_type=password",
            400,
            "invalid_request",
        ),
        ("application/json", "{}", 400, "invalid_request"),
    ] {
        let (s, _, body) = raw(
            &server,
            ews_tests::TOKEN_PATH,
            &[("content-type", content_type)],
            form_body,
        )
        .await;
        assert_eq!(s, status, "{form_body}: {body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["error"], error, "{body}");
        assert!(v["error_description"].is_string());
    }
    // Without Bearer on offer, the endpoint does not exist.
    let plain = users().start().await.unwrap();
    let (s, _, _) = raw(&plain, ews_tests::TOKEN_PATH, &[("content-type", form)], "").await;
    assert_eq!(s, 404);
}

#[tokio::test]
async fn client_certificate_accepted() {
    let server = users().tls().start().await.unwrap();
    let (cert, key) = server.issue_client_certificate("bob@example.test").unwrap();
    let cert = ClientCertificate::from_pem(cert.as_bytes(), key.as_bytes()).unwrap();
    let t = client(&server).client_certificate(cert).build().unwrap();
    let by_certificate = inbox_id(&t).await;
    assert_eq!(inbox_id(&t).await, by_certificate);
    let basic = client(&server)
        .auth(password(SchemeKind::Basic, "bob", "bob-pw"))
        .build()
        .unwrap();
    assert_eq!(inbox_id(&basic).await, by_certificate);
    assert_eq!(server.operation_count("GetFolder"), 3);
}

#[tokio::test]
async fn client_certificate_refused() {
    let server = users().tls().start().await.unwrap();
    // From another CA: the TLS handshake fails, no request gets through.
    let other = users().tls().start().await.unwrap();
    let (cert, key) = other
        .issue_client_certificate("alice@example.test")
        .unwrap();
    let cert = ClientCertificate::from_pem(cert.as_bytes(), key.as_bytes()).unwrap();
    let t = client(&server).client_certificate(cert).build().unwrap();
    let e = call(&t).await.unwrap_err();
    assert!(!matches!(e, Error::Auth(_)), "{e:?}");
    assert_eq!(server.requests_received(), 0);
    // A valid certificate for someone the server does not know, and no certificate at
    // all, fall back to the offered schemes: a 401 without credentials, Basic works.
    let (cert, key) = server
        .issue_client_certificate("carol@example.test")
        .unwrap();
    let carol = ClientCertificate::from_pem(cert.as_bytes(), key.as_bytes()).unwrap();
    for cert in [Some(carol), None] {
        let mut b = client(&server);
        if let Some(c) = cert.clone() {
            b.client_certificate(c);
        }
        let e = call(&b.build().unwrap()).await.unwrap_err();
        assert!(matches!(e, Error::Failed { status: 401, .. }), "{e:?}");
        if let Some(c) = cert {
            b.client_certificate(c);
        }
        b.auth(password(SchemeKind::Basic, "alice", "alice-pw"));
        inbox_id(&b.build().unwrap()).await;
    }
    assert_eq!(server.operation_count("GetFolder"), 2);
    // A server without TLS issues no certificates.
    let plain = users().start().await.unwrap();
    assert!(
        plain
            .issue_client_certificate("alice@example.test")
            .is_err()
    );
}

/// Negotiate (Kerberos) against a real MIT KDC: `#[ignore]`d, run by `scripts/kdc-tests.sh`,
/// which starts the KDC (realm EXAMPLE.TEST, alice/alicepw, `HTTP/localhost` in the keytab)
/// and exports KRB5_CONFIG, KRB5CCNAME and KRB5_KTNAME.
#[cfg(feature = "gssapi")]
mod negotiate {
    use super::*;

    fn require_kdc() {
        assert!(
            std::env::var_os("KRB5_CONFIG").is_some() && std::env::var_os("KRB5_KTNAME").is_some(),
            "no test KDC: run scripts/kdc-tests.sh"
        );
    }

    /// A transport to `https://localhost:<port>` (the SPN is `HTTP/localhost`).
    fn kerberos_client(server: &FakeExchange, user: &str, password: &str) -> Transport {
        let url = format!(
            "https://localhost:{}{}",
            server.addr().port(),
            ews_tests::EWS_PATH
        );
        let mut b = Transport::builder(url);
        b.dump_from_env(false)
            .max_connections(1)
            .roots(Roots::None)
            .add_root_certificate(server.ca_certificate_der().unwrap().to_vec())
            .auth(Auth::from_credentials(
                SchemeKind::Negotiate,
                Credentials::password(user, password).unwrap(),
            ));
        b.build().unwrap()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore = "needs the KDC from scripts/kdc-tests.sh"]
    async fn negotiate_once_per_connection_with_mutual_auth() {
        require_kdc();
        let server = users()
            .tls()
            .auth([AuthScheme::Negotiate, AuthScheme::Basic])
            .start()
            .await
            .unwrap();
        let (_, offers, _) = {
            let plain = users()
                .auth([AuthScheme::Negotiate, AuthScheme::Ntlm])
                .start()
                .await
                .unwrap();
            raw(&plain, ews_tests::EWS_PATH, &[], GET_INBOX).await
        };
        assert_eq!(offers, ["Negotiate", "NTLM"]);
        let t = kerberos_client(&server, "alice@EXAMPLE.TEST", "alicepw");
        let id = inbox_id(&t).await;
        for _ in 0..2 {
            assert_eq!(inbox_id(&t).await, id);
        }
        assert_eq!(server.connections(), 1);
        assert_eq!(server.negotiate_handshakes(), 1);
        // The first request goes out bare and gets the 401 offering Negotiate, the Kerberos
        // token rides on the second (one round trip), then two requests on the authenticated
        // connection.
        assert_eq!(server.requests_received(), 4);
        // The principal alice@EXAMPLE.TEST is the fake's alice@example.test.
        let basic = client(&server)
            .auth(password(SchemeKind::Basic, "alice", "alice-pw"))
            .build()
            .unwrap();
        assert_eq!(inbox_id(&basic).await, id);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore = "needs the KDC from scripts/kdc-tests.sh"]
    async fn negotiate_refusals() {
        require_kdc();
        let server = users()
            .tls()
            .auth([AuthScheme::Negotiate])
            .start()
            .await
            .unwrap();
        // The KDC refuses a wrong password: nothing reaches the mailbox.
        let t = kerberos_client(&server, "alice@EXAMPLE.TEST", "wrong");
        assert!(call(&t).await.is_err());
        assert_eq!(server.negotiate_handshakes(), 0);
        // A token that is not SPNEGO is a 401, not a 500.
        let plain = users().auth([AuthScheme::Negotiate]).start().await.unwrap();
        for token in [
            "Negotiate YIIBAAAA",
            "Negotiate !!",
            "Negotiate TlRMTVNTUAABAAAA",
        ] {
            let (status, offers, _) = raw(
                &plain,
                ews_tests::EWS_PATH,
                &[("authorization", token)],
                GET_INBOX,
            )
            .await;
            assert_eq!(status, 401, "{token}");
            assert_eq!(offers, ["Negotiate"]);
        }
        assert_eq!(plain.operation_count("GetFolder"), 0);
    }
}
