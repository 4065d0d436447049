use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::*;
use crate::parse_www_authenticate;

fn ok_body(token: &str, expires_in: &str, refresh: Option<&str>) -> Vec<u8> {
    let refresh = refresh
        .map(|r| format!(r#","refresh_token":"{r}""#))
        .unwrap_or_default();
    format!(r#"{{"token_type":"Bearer","expires_in":{expires_in},"ext_expires_in":3599,"access_token":"{token}"{refresh}}}"#)
        .into_bytes()
}

#[test]
fn client_credentials_request_fields_exact() {
    let mut flow =
        OAuthFlow::client_credentials("contoso.onmicrosoft.com", "my-client", "s3cret value&");
    let now = Instant::now();
    let TokenPoll::NeedRequest(req) = flow.poll_token(now).unwrap() else {
        panic!("expected a request");
    };
    assert_eq!(
        req.url(),
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"
    );
    let fields: Vec<(&str, &str)> = req
        .form()
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("client_id", "my-client"),
            ("grant_type", "client_credentials"),
            ("scope", "https://outlook.office365.com/.default"),
            ("client_secret", "s3cret value&"),
        ]
    );
    assert_eq!(req.content_type(), "application/x-www-form-urlencoded");
    assert_eq!(
        req.form_body().as_slice(),
        b"client_id=my-client&grant_type=client_credentials&scope=https%3A%2F%2Foutlook.office365.com%2F.default&client_secret=s3cret+value%26"
    );
    let dbg = format!("{req:?}");
    assert!(
        !dbg.contains("s3cret") && dbg.contains("my-client"),
        "{dbg}"
    );
}

#[test]
fn token_response_parsing() {
    let now = Instant::now();
    for expires in ["3599", "\"3599\"", "3599.0"] {
        let t = parse_token_response(200, &ok_body("eyJ0", expires, Some("rt")), now).unwrap();
        assert_eq!(t.secret(), "eyJ0");
        assert_eq!(
            t.expires_at(),
            Some(now + Duration::from_secs(3599)),
            "{expires}"
        );
        assert_eq!(t.refresh_token(), Some("rt"));
    }
    // No expiry at all; a token type in another case.
    let t =
        parse_token_response(200, br#"{"access_token":"a","token_type":"bearer"}"#, now).unwrap();
    assert_eq!(t.expires_at(), None);
    for (body, what) in [
        (&br#"{"access_token":"a","expires_in":-1}"#[..], "negative"),
        (br#"{"access_token":"a","expires_in":"soon"}"#, "text"),
        (br#"{"access_token":"a","token_type":"pop"}"#, "token type"),
        (br#"{"access_token":""}"#, "empty"),
        (br#"{"access_token":"a\nb"}"#, "control"),
        (br#"{"token_type":"Bearer"}"#, "missing"),
        (b"<html>", "not json"),
    ] {
        assert!(parse_token_response(200, body, now).is_err(), "{what}");
    }
    assert!(matches!(
        parse_token_response(503, b"busy", now),
        Err(Error::Token(TokenError::Status { status: 503 }))
    ));
    // Not JSON: the parser's error is the cause, reachable but not repeated.
    let Err(Error::Token(malformed)) = parse_token_response(200, b"<html>", now) else {
        panic!("a token document that is not JSON is TokenError::Malformed");
    };
    assert!(matches!(malformed, TokenError::Malformed(_)));
    assert_eq!(
        malformed.to_string(),
        "token response is not a valid token document"
    );
    let cause = std::error::Error::source(&malformed).expect("the JSON error");
    assert!(cause.to_string().contains("line 1 column 1"), "{cause}");
}

#[test]
fn invalid_grant_is_surfaced_and_sticky() {
    let now = Instant::now();
    let mut flow = OAuthFlow::refresh_token("common", "app", "old-rt");
    let TokenPoll::NeedRequest(req) = flow.poll_token(now).unwrap() else {
        panic!("expected a request");
    };
    assert_eq!(req.field("grant_type"), Some("refresh_token"));
    assert_eq!(req.field("refresh_token"), Some("old-rt"));
    assert_eq!(req.field("scope"), Some(SCOPE_DELEGATED));
    let body = br#"{"error":"invalid_grant","error_description":"AADSTS70008: The refresh token has expired.","error_codes":[70008]}"#;
    let err = flow.handle_token_response(400, body, now).unwrap_err();
    let Error::OAuth { error, description } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(error, "invalid_grant");
    assert_eq!(
        description.as_deref(),
        Some("AADSTS70008: The refresh token has expired.")
    );
    assert_eq!(
        err.to_string(),
        "token endpoint error `invalid_grant`: AADSTS70008: The refresh token has expired."
    );
    // Sticky: no new request until the caller resets.
    for _ in 0..3 {
        assert!(matches!(flow.poll_token(now), Err(Error::OAuth { .. })));
    }
    flow.set_refresh_token("new-rt");
    let TokenPoll::NeedRequest(req) = flow.poll_token(now).unwrap() else {
        panic!("expected a request");
    };
    assert_eq!(req.field("refresh_token"), Some("new-rt"));
}

#[test]
fn refresh_ahead_with_injected_instants_and_hook() {
    let t0 = Instant::now();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let hook_seen = Arc::clone(&seen);
    let mut flow =
        OAuthFlow::authorization_code("tenant-id", "app", "the-code", "http://localhost/cb")
            .with_code_verifier("verifier")
            .with_refresh_margin(Duration::from_secs(300))
            .on_token(move |t| {
                hook_seen
                    .lock()
                    .unwrap()
                    .push((t.secret().to_owned(), t.refresh_token().map(str::to_owned)));
            });
    let TokenPoll::NeedRequest(req) = flow.poll_token(t0).unwrap() else {
        panic!("expected a request");
    };
    assert_eq!(req.field("grant_type"), Some("authorization_code"));
    assert_eq!(req.field("code"), Some("the-code"));
    assert_eq!(req.field("redirect_uri"), Some("http://localhost/cb"));
    assert_eq!(req.field("code_verifier"), Some("verifier"));
    flow.handle_token_response(200, &ok_body("at1", "3600", Some("rt1")), t0)
        .unwrap();

    // Fresh until 5 minutes before expiry.
    let t_fresh = t0 + Duration::from_secs(3600 - 301);
    assert!(
        matches!(flow.poll_token(t_fresh).unwrap(), TokenPoll::Ready(t) if t.secret() == "at1")
    );
    let t_due = t0 + Duration::from_secs(3600 - 300);
    let TokenPoll::NeedRequest(req) = flow.poll_token(t_due).unwrap() else {
        panic!("expected a refresh");
    };
    assert_eq!(req.field("grant_type"), Some("refresh_token"));
    assert_eq!(req.field("refresh_token"), Some("rt1"));
    assert_eq!(req.field("code"), None);
    // The endpoint does not rotate the refresh token: the old one stays in force.
    flow.handle_token_response(200, &ok_body("at2", "3600", None), t_due)
        .unwrap();
    assert!(matches!(flow.poll_token(t_due).unwrap(), TokenPoll::Ready(t) if t.secret() == "at2"));
    assert_eq!(
        *seen.lock().unwrap(),
        [
            ("at1".to_owned(), Some("rt1".to_owned())),
            ("at2".to_owned(), Some("rt1".to_owned()))
        ]
    );
}

#[test]
fn password_grant_and_used_up_code() {
    let now = Instant::now();
    let mut flow =
        OAuthFlow::password("common", "app", "alice@corp.example", "pw!").with_scope("x y");
    let TokenPoll::NeedRequest(req) = flow.poll_token(now).unwrap() else {
        panic!("expected a request");
    };
    let names: Vec<&str> = req.form().iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        ["client_id", "grant_type", "username", "password", "scope"]
    );
    assert_eq!(
        req.form_body().as_slice(),
        b"client_id=app&grant_type=password&username=alice%40corp.example&password=pw%21&scope=x+y"
    );
    assert!(!format!("{req:?} {flow:?}").contains("pw!"));

    // A code without a refresh token in the answer: once the token is due, nothing is left.
    let mut flow = OAuthFlow::authorization_code("common", "app", "c", "r");
    flow.handle_token_response(200, &ok_body("at", "60", None), now)
        .unwrap();
    assert!(matches!(
        flow.poll_token(now),
        Err(Error::Token(TokenError::NoGrant))
    ));
}

#[test]
fn bearer_scheme_flow() {
    let t0 = Instant::now();
    let mut scheme = OAuth2::new(OAuthFlow::client_credentials("contoso", "app", "secret"));
    let req = RequestInfo::new("POST", "/EWS/Exchange.asmx");
    assert!(matches!(
        scheme.poll_authorization(&req, t0),
        Err(Error::Token(TokenError::NotReady))
    ));
    let token_req = scheme.poll_token_request(t0).unwrap().unwrap();
    assert_eq!(token_req.field("grant_type"), Some("client_credentials"));
    scheme
        .handle_token_response(200, &ok_body("at1", "3600", None), t0)
        .unwrap();
    assert!(scheme.poll_token_request(t0).unwrap().is_none());
    let v = scheme.poll_authorization(&req, t0).unwrap().unwrap();
    assert_eq!(v, "Bearer at1");
    assert!(v.is_sensitive());
    // Exchange Online's 401 for a bad token: fail, drop the token, fetch a new one next time.
    let exo = parse_www_authenticate(&[concat!(
        r#"Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*", "#,
        r#"token_types="app_asserted_user_v1 service_asserted_app_v1", "#,
        r#"authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token""#
    )])
    .unwrap();
    assert_eq!(
        scheme.handle_challenge(&exo, t0).unwrap(),
        AuthStep::Failed(Failure::Rejected)
    );
    assert!(scheme.poll_token_request(t0).unwrap().is_some());
}

#[test]
fn static_token() {
    let now = Instant::now();
    let mut scheme = OAuth2::new(StaticToken::new("tok"));
    assert!(scheme.poll_token_request(now).unwrap().is_none());
    let first = parse_www_authenticate(&["Bearer"]).unwrap();
    assert_eq!(
        scheme.handle_challenge(&first, now).unwrap(),
        AuthStep::Retry
    );
    assert_eq!(
        scheme
            .poll_authorization(&RequestInfo::default(), now)
            .unwrap()
            .unwrap(),
        "Bearer tok"
    );
    assert_eq!(
        scheme.handle_challenge(&first, now).unwrap(),
        AuthStep::Failed(Failure::Rejected)
    );
    assert!(matches!(
        scheme.handle_token_response(200, b"{}", now),
        Err(Error::Token(TokenError::UnexpectedResponse))
    ));
    let ntlm_only = parse_www_authenticate(&["NTLM"]).unwrap();
    assert_eq!(
        scheme.handle_challenge(&ntlm_only, now).unwrap(),
        AuthStep::Failed(Failure::NotOffered)
    );
    // A token that cannot go in a header is an error, not a panic.
    let mut bad = OAuth2::new(StaticToken::new("a\nb"));
    let header_error = bad.poll_authorization(&RequestInfo::default(), now);
    let Err(Error::HeaderValue(cause)) = &header_error else {
        panic!("{header_error:?}");
    };
    assert!(!cause.to_string().is_empty());
}

#[test]
fn secrets_not_in_debug() {
    let now = Instant::now();
    let mut flow = OAuthFlow::client_credentials("t", "app", "client-secret-value");
    flow.handle_token_response(
        200,
        &ok_body("access-token-value", "3600", Some("refresh-token-value")),
        now,
    )
    .unwrap();
    let s = format!("{flow:?} {:?}", flow.token());
    for secret in [
        "client-secret-value",
        "access-token-value",
        "refresh-token-value",
    ] {
        assert!(!s.contains(secret), "{s}");
    }
}

#[test]
fn tenant_is_escaped_in_the_endpoint() {
    assert_eq!(
        token_endpoint("a/b c"),
        "https://login.microsoftonline.com/a%2Fb%20c/oauth2/v2.0/token"
    );
}
