//! Entry points for the fuzz targets in `fuzz/fuzz_targets/`; not part of the API.

use std::time::{Duration, Instant};

use crate::oauth::{OAuthFlow, TokenSource};

/// Parses `data` as `WWW-Authenticate` values (split on `\n`): never panics, and whatever
/// parses survives writing back and parsing again unchanged.
pub fn www_authenticate(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let values: Vec<&str> = text.split('\n').collect();
    let Ok(challenges) = crate::parse_www_authenticate(&values) else {
        return;
    };
    let written: Vec<String> = challenges.iter().map(ToString::to_string).collect();
    let written: Vec<&str> = written.iter().map(String::as_str).collect();
    match crate::parse_www_authenticate(&written) {
        Ok(again) => assert_eq!(again, challenges, "round trip changed {written:?}"),
        Err(e) => panic!("written challenges {written:?} do not parse: {e}"),
    }
}

/// Feeds `data` as a token endpoint response body (the first byte picks the status) to
/// the response parser and to a client-credentials flow: never panics, and a response
/// that parses as a token makes the flow ready.
pub fn oauth_token_response(data: &[u8]) {
    let (status, body) = match data.split_first() {
        Some((&b, rest)) if b < 0x80 => (200, rest),
        Some((&b, rest)) => (300 + u16::from(b), rest),
        None => (200, data),
    };
    let now = Instant::now();
    let parsed = crate::oauth::parse_token_response(status, body, now);
    let mut flow = OAuthFlow::client_credentials("contoso", "client", "secret")
        .with_refresh_margin(Duration::ZERO);
    let handled = flow.handle_token_response(status, body, now);
    assert_eq!(parsed.is_ok(), handled.is_ok());
    if parsed.is_ok() {
        assert!(flow.token().is_some());
    }
}

/// Feeds `data` as the CHALLENGE_MESSAGE of an NTLM handshake (base64 in a
/// `WWW-Authenticate: NTLM` header; the first byte, when odd, adds a TLS channel binding):
/// never panics; a challenge that is taken gives an `Authorization` value.
pub fn ntlm_challenge(data: &[u8]) {
    use crate::{AuthScheme, AuthStep, Credentials, Ntlm, RequestInfo};
    use base64::Engine as _;
    let Ok(creds) = Credentials::password(r"EXAMPLE\user", "secret") else {
        return;
    };
    let Ok(mut ntlm) = Ntlm::new(&creds) else {
        return;
    };
    let hash = [7u8; 32];
    let req = match data.first() {
        Some(b) if b % 2 == 1 => {
            RequestInfo::new("POST", "/EWS/Exchange.asmx").with_tls_server_end_point(&hash)
        }
        _ => RequestInfo::new("POST", "/EWS/Exchange.asmx"),
    };
    let now = Instant::now();
    let Ok(first) = crate::parse_www_authenticate(&["NTLM"]) else {
        return;
    };
    if !matches!(ntlm.handle_challenge(&first, now), Ok(AuthStep::Retry)) {
        return;
    }
    let _ = ntlm.poll_authorization(&req, now);
    let header = format!(
        "NTLM {}",
        base64::engine::general_purpose::STANDARD.encode(data)
    );
    let Ok(second) = crate::parse_www_authenticate(&[header.as_str()]) else {
        return;
    };
    if let Ok(AuthStep::Retry) = ntlm.handle_challenge(&second, now) {
        let _ = ntlm.poll_authorization(&req, now);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn entry_points_run() {
        super::ntlm_challenge(b"");
        super::ntlm_challenge(b"NTLMSSP\0\x02\0\0\0\xff\xff\xff\xff");
        let mut y: u32 = 11;
        for len in 0..600 {
            let mut m = b"NTLMSSP\0\x02\0\0\0".to_vec();
            m.extend((0..len % 120).map(|_| {
                y = y.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (y >> 16) as u8
            }));
            super::ntlm_challenge(&m);
        }
        super::www_authenticate(b"Negotiate\nNTLM TlRMTVNTUAAB\nBasic realm=\"a\\\"b\", x=y");
        super::www_authenticate(b"\xff\xfe\"");
        super::oauth_token_response(br#"{"access_token":"a","expires_in":"3599"}"#);
        super::oauth_token_response(b"\xc8{\"error\":\"invalid_grant\"}");
        super::oauth_token_response(b"");
        let mut x: u32 = 7;
        for len in 0..2000 {
            let bytes: Vec<u8> = (0..len % 64)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    b"{}[]\":,0123456789.-eE access_token expires_in error \\u00"
                        [(x >> 16) as usize % 56]
                })
                .collect();
            super::oauth_token_response(&bytes);
        }
    }
}
