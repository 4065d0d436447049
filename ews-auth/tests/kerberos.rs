//! Negotiate against a real MIT KDC, with a libgssapi acceptor in this process playing the
//! server. Every test is `#[ignore]`d: run them with `scripts/kdc-tests.sh`, which starts
//! the KDC (realm EXAMPLE.TEST, alice/alicepw, keytab for HTTP/mail.example.test), runs
//! `kinit`, and exports KRB5_CONFIG, KRB5CCNAME and KRB5_KTNAME.
#![cfg(feature = "gssapi")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ews_auth::{
    AuthScheme, AuthStep, Credentials, Error, Failure, MutualAuth, Negotiate, NegotiateError,
    RequestInfo, SchemeKind, choose_scheme, parse_www_authenticate,
};
use http::HeaderValue;
use libgssapi::context::{SecurityContext as _, ServerCtx};

const HOST: &str = "mail.example.test";
const USER: &str = "alice@EXAMPLE.TEST";
const PASSWORD: &str = "alicepw";
const CERT_HASH: &[u8] = &[0xab; 32];

fn require_kdc() {
    assert!(
        std::env::var_os("KRB5_CONFIG").is_some() && std::env::var_os("KRB5_KTNAME").is_some(),
        "no test KDC: run scripts/kdc-tests.sh"
    );
}

/// What the acceptor does with the final token of a successful handshake.
#[derive(Clone, Copy, PartialEq)]
enum Final {
    Send,
    Omit,
    Corrupt,
}

/// An HTTP server's Negotiate side: a GSSAPI acceptor using the keytab from KRB5_KTNAME.
struct Acceptor {
    ctx: ServerCtx,
    bindings: Option<Vec<u8>>,
    final_token: Final,
    offer: Vec<String>,
    requests: usize,
}

/// A response: 200 or 401, with its `WWW-Authenticate` values.
enum Response {
    Ok(Vec<String>),
    Unauthorized(Vec<String>),
}

impl Acceptor {
    fn new(offer: &[&str]) -> Self {
        Self {
            ctx: ServerCtx::new(None),
            bindings: None,
            final_token: Final::Send,
            offer: offer.iter().map(|s| (*s).to_owned()).collect(),
            requests: 0,
        }
    }

    fn with_bindings(mut self, hash: &[u8]) -> Self {
        let mut cb = b"tls-server-end-point:".to_vec();
        cb.extend_from_slice(hash);
        self.bindings = Some(cb);
        self
    }

    fn serve(&mut self, auth: Option<&HeaderValue>) -> Response {
        self.requests += 1;
        let Some(token) = auth
            .map(|v| v.to_str().unwrap())
            .and_then(|v| v.strip_prefix("Negotiate "))
        else {
            return Response::Unauthorized(self.offer.clone());
        };
        let token = STANDARD.decode(token).unwrap();
        match self.ctx.step(&token, self.bindings.as_deref()) {
            Err(e) => {
                eprintln!("acceptor refused the token: {e}");
                Response::Unauthorized(self.offer.clone())
            }
            Ok(Some(out)) if !self.ctx.is_complete() => {
                Response::Unauthorized(vec![format!("Negotiate {}", STANDARD.encode(&*out))])
            }
            Ok(out) => {
                let mut out = out.map(|b| b.to_vec()).unwrap_or_default();
                match self.final_token {
                    Final::Omit => return Response::Ok(Vec::new()),
                    Final::Corrupt => {
                        if let Some(b) = out.last_mut() {
                            *b ^= 0x55;
                        }
                    }
                    Final::Send => {}
                }
                Response::Ok(vec![format!("Negotiate {}", STANDARD.encode(&out))])
            }
        }
    }

    fn client_name(&self) -> String {
        self.ctx.source_name().unwrap().to_string()
    }
}

#[derive(Debug)]
enum Outcome {
    Ok,
    Failed(Failure),
    Err(Error),
}

fn parse(values: &[String]) -> Vec<ews_auth::Challenge> {
    let values: Vec<&str> = values.iter().map(String::as_str).collect();
    parse_www_authenticate(&values).unwrap()
}

/// The transport's loop from the `AuthScheme` docs, after the first 401 was fed in.
fn drive(scheme: &mut dyn AuthScheme, server: &mut Acceptor, request: &RequestInfo<'_>) -> Outcome {
    let now = Instant::now();
    for _ in 0..10 {
        let auth = match scheme.poll_authorization(request, now) {
            Ok(a) => a,
            Err(e) => return Outcome::Err(e),
        };
        match server.serve(auth.as_ref()) {
            Response::Ok(headers) => {
                return match scheme.handle_success(&parse(&headers), now) {
                    Ok(()) => Outcome::Ok,
                    Err(e) => Outcome::Err(e),
                };
            }
            Response::Unauthorized(headers) => match scheme.handle_challenge(&parse(&headers), now)
            {
                Ok(AuthStep::Retry) => {}
                Ok(AuthStep::Failed(f)) => return Outcome::Failed(f),
                Ok(other) => panic!("{other:?}"),
                Err(e) => return Outcome::Err(e),
            },
        }
    }
    panic!("the scheme looped");
}

/// First an unauthenticated request and its 401, then [`drive`].
fn first_401_then_drive(scheme: &mut dyn AuthScheme, server: &mut Acceptor) -> Outcome {
    let Response::Unauthorized(offer) = server.serve(None) else {
        panic!("no 401")
    };
    assert_eq!(
        scheme
            .handle_challenge(&parse(&offer), Instant::now())
            .unwrap(),
        AuthStep::Retry
    );
    drive(
        scheme,
        server,
        &RequestInfo::new("POST", "/EWS/Exchange.asmx"),
    )
}

fn password() -> Credentials {
    Credentials::password(USER, PASSWORD).unwrap()
}

#[test]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
fn password_credentials_with_mutual_auth() {
    require_kdc();
    let mut server = Acceptor::new(&["Negotiate", "NTLM"]);
    let mut scheme = Negotiate::with_credentials(HOST, &password()).unwrap();
    let outcome = first_401_then_drive(&mut scheme, &mut server);
    assert!(matches!(outcome, Outcome::Ok), "{outcome:?}");
    assert!(scheme.is_established());
    assert!(!scheme.fell_back_to_ntlm());
    assert_eq!(server.client_name(), USER);
    // One unauthenticated request, one with the Kerberos token.
    assert_eq!(server.requests, 2);
    // The connection is authenticated: no more headers.
    let req = RequestInfo::new("POST", "/EWS/Exchange.asmx");
    assert_eq!(
        scheme.poll_authorization(&req, Instant::now()).unwrap(),
        None
    );
}

#[test]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
fn chosen_and_built_through_scheme_kind() {
    require_kdc();
    let mut server = Acceptor::new(&["Negotiate", "NTLM", r#"Basic realm="mail""#]);
    let Response::Unauthorized(offer) = server.serve(None) else {
        panic!()
    };
    let challenges = parse(&offer);
    let kind = choose_scheme(&challenges, &password()).unwrap();
    assert_eq!(kind, SchemeKind::Negotiate);
    let mut scheme = kind.build_for_host(&password(), HOST).unwrap();
    assert_eq!(
        scheme
            .handle_challenge(&challenges, Instant::now())
            .unwrap(),
        AuthStep::Retry
    );
    let outcome = drive(
        &mut *scheme,
        &mut server,
        &RequestInfo::new("POST", "/EWS/Exchange.asmx"),
    );
    assert!(matches!(outcome, Outcome::Ok), "{outcome:?}");
    assert_eq!(scheme.name(), "Negotiate");
}

#[test]
#[ignore = "needs the KDC and the `kinit` from scripts/kdc-tests.sh"]
fn ticket_cache_credentials() {
    require_kdc();
    assert!(
        std::env::var_os("KRB5CCNAME").is_some(),
        "KRB5CCNAME not set: run `kinit alice@EXAMPLE.TEST` into a test cache first"
    );
    let mut server = Acceptor::new(&["Negotiate"]);
    let mut scheme = Negotiate::new(HOST).unwrap();
    let outcome = first_401_then_drive(&mut scheme, &mut server);
    assert!(matches!(outcome, Outcome::Ok), "{outcome:?}");
    assert!(scheme.is_established());
    assert_eq!(server.client_name(), USER);
}

#[test]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
fn spn_override() {
    require_kdc();
    let mut server = Acceptor::new(&["Negotiate"]);
    let mut scheme = Negotiate::with_credentials("10.0.0.7", &password())
        .unwrap()
        .with_spn("HTTP/mail.example.test@EXAMPLE.TEST")
        .unwrap();
    let outcome = first_401_then_drive(&mut scheme, &mut server);
    assert!(matches!(outcome, Outcome::Ok), "{outcome:?}");
}

#[test]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
fn channel_bindings_match() {
    require_kdc();
    let mut server = Acceptor::new(&["Negotiate"]).with_bindings(CERT_HASH);
    let mut scheme = Negotiate::with_credentials(HOST, &password()).unwrap();
    let Response::Unauthorized(offer) = server.serve(None) else {
        panic!()
    };
    scheme
        .handle_challenge(&parse(&offer), Instant::now())
        .unwrap();
    let req = RequestInfo::new("POST", "/EWS/Exchange.asmx").with_tls_server_end_point(CERT_HASH);
    let outcome = drive(&mut scheme, &mut server, &req);
    assert!(matches!(outcome, Outcome::Ok), "{outcome:?}");
    assert!(scheme.is_established());
}

#[test]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
fn channel_bindings_mismatch_is_refused() {
    require_kdc();
    // The server sees a different certificate (a TLS-intercepting proxy, say).
    let mut server = Acceptor::new(&["Negotiate"]).with_bindings(&[0xcd; 32]);
    let mut scheme = Negotiate::with_credentials(HOST, &password()).unwrap();
    let Response::Unauthorized(offer) = server.serve(None) else {
        panic!()
    };
    scheme
        .handle_challenge(&parse(&offer), Instant::now())
        .unwrap();
    let req = RequestInfo::new("POST", "/EWS/Exchange.asmx").with_tls_server_end_point(CERT_HASH);
    let outcome = drive(&mut scheme, &mut server, &req);
    assert!(
        matches!(outcome, Outcome::Failed(Failure::Rejected)),
        "{outcome:?}"
    );
    assert_eq!(server.requests, 2, "refused once, never looped");
}

#[test]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
fn mutual_auth_missing_or_invalid_fails() {
    require_kdc();
    // No final token: refused when required …
    let mut server = Acceptor::new(&["Negotiate"]);
    server.final_token = Final::Omit;
    let mut scheme = Negotiate::with_credentials(HOST, &password()).unwrap();
    let outcome = first_401_then_drive(&mut scheme, &mut server);
    assert!(
        matches!(
            outcome,
            Outcome::Err(Error::Negotiate(NegotiateError::MutualAuthMissing))
        ),
        "{outcome:?}"
    );
    assert!(!scheme.is_established());

    // … accepted when optional.
    let mut server = Acceptor::new(&["Negotiate"]);
    server.final_token = Final::Omit;
    let mut scheme = Negotiate::with_credentials(HOST, &password())
        .unwrap()
        .with_mutual_auth(MutualAuth::Optional);
    let outcome = first_401_then_drive(&mut scheme, &mut server);
    assert!(matches!(outcome, Outcome::Ok), "{outcome:?}");

    // A tampered final token fails even when mutual authentication is optional.
    let mut server = Acceptor::new(&["Negotiate"]);
    server.final_token = Final::Corrupt;
    let mut scheme = Negotiate::with_credentials(HOST, &password())
        .unwrap()
        .with_mutual_auth(MutualAuth::Optional);
    let outcome = first_401_then_drive(&mut scheme, &mut server);
    let Outcome::Err(Error::Negotiate(NegotiateError::Gssapi { operation, .. })) = &outcome else {
        panic!("{outcome:?}")
    };
    assert!(operation.contains("server"), "{outcome:?}");
    assert!(!scheme.is_established());
}

#[test]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
fn wrong_password_is_a_clear_error() {
    require_kdc();
    let wrong = Credentials::password(USER, "not-alicepw").unwrap();
    let mut server = Acceptor::new(&["Negotiate"]);
    let mut scheme = Negotiate::with_credentials(HOST, &wrong).unwrap();
    let outcome = first_401_then_drive(&mut scheme, &mut server);
    let Outcome::Err(Error::Negotiate(e)) = &outcome else {
        panic!("{outcome:?}")
    };
    let NegotiateError::Gssapi {
        operation,
        major,
        minor,
        major_code,
        ..
    } = e
    else {
        panic!("{e:?}")
    };
    eprintln!("wrong password: {e}");
    assert!(operation.contains("password"), "{e}");
    assert_eq!(major_code >> 16 & 0xff, 7, "GSS_S_NO_CRED: {e}");
    assert!(!major.is_empty() && !minor.is_empty(), "{e}");
    assert!(
        minor.contains("integrity") || minor.contains("Preauthentication"),
        "{e}"
    );
    assert_eq!(server.requests, 1, "nothing was sent with a wrong password");
}

#[test]
#[ignore = "needs the KDC from scripts/kdc-tests.sh"]
fn kerberos_failure_falls_back_to_ntlm_only_where_offered() {
    require_kdc();
    // The KDC knows no HTTP/unknown.example.test.
    let now = Instant::now();
    let req = RequestInfo::new("POST", "/EWS/Exchange.asmx");
    let mut scheme = Negotiate::with_credentials("unknown.example.test", &password()).unwrap();
    let offer = parse_www_authenticate(&["Negotiate", "NTLM"]).unwrap();
    assert_eq!(
        scheme.handle_challenge(&offer, now).unwrap(),
        AuthStep::Retry
    );
    let header = scheme.poll_authorization(&req, now).unwrap().unwrap();
    assert!(
        header.to_str().unwrap().starts_with("NTLM TlRMTVNTUAAB"),
        "{header:?}"
    );
    assert!(scheme.fell_back_to_ntlm());
    assert_eq!(scheme.name(), "NTLM");
    let why = scheme.kerberos_error().unwrap().to_string();
    eprintln!("fell back to NTLM because: {why}");
    assert!(why.contains("not found"), "{why}");

    // Negotiate only: a clear error, no NTLM.
    let mut scheme = Negotiate::with_credentials("unknown.example.test", &password()).unwrap();
    let offer = parse_www_authenticate(&["Negotiate"]).unwrap();
    assert_eq!(
        scheme.handle_challenge(&offer, now).unwrap(),
        AuthStep::Retry
    );
    let err = scheme.poll_authorization(&req, now).unwrap_err();
    let Error::Negotiate(NegotiateError::Gssapi { minor, .. }) = &err else {
        panic!("{err:?}")
    };
    assert!(minor.contains("not found in Kerberos database"), "{err:?}");

    // Fallback turned off: the same error even where NTLM is offered.
    let mut scheme = Negotiate::with_credentials("unknown.example.test", &password())
        .unwrap()
        .without_ntlm_fallback();
    let offer = parse_www_authenticate(&["Negotiate", "NTLM"]).unwrap();
    scheme.handle_challenge(&offer, now).unwrap();
    assert!(scheme.poll_authorization(&req, now).is_err());
    assert!(!scheme.fell_back_to_ntlm());
}
