use super::*;
use crate::parse_www_authenticate;

// RFC 7616 section 3.9.1.
const NONCE: &str = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
const OPAQUE: &str = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
const CNONCE: &str = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

fn rfc_challenge(algorithm: &str) -> Vec<Challenge> {
    parse_www_authenticate(&[&format!(
        r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm={algorithm}, nonce="{NONCE}", opaque="{OPAQUE}""#
    )])
    .unwrap()
}

fn mufasa() -> Digest {
    let creds = Credentials::password("Mufasa", "Circle of Life").unwrap();
    Digest::new(&creds)
        .unwrap()
        .with_nonce_source(|| CNONCE.to_owned())
}

fn param(header: &HeaderValue, name: &str) -> String {
    let ch = parse_www_authenticate(&[header.to_str().unwrap()]).unwrap();
    ch[0].param(name).unwrap().to_owned()
}

#[test]
fn rfc7616_md5_and_sha256() {
    let now = Instant::now();
    let req = RequestInfo::new("GET", "/dir/index.html");
    for (algorithm, expected) in [
        ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
        (
            "SHA-256",
            "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
        ),
    ] {
        let mut d = mufasa();
        assert_eq!(d.poll_authorization(&req, now).unwrap(), None);
        assert_eq!(
            d.handle_challenge(&rfc_challenge(algorithm), now).unwrap(),
            AuthStep::Retry
        );
        let v = d.poll_authorization(&req, now).unwrap().unwrap();
        assert!(v.is_sensitive());
        assert_eq!(param(&v, "response"), expected, "{algorithm}");
        let expected_header = format!(
            r#"Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm={algorithm}, nonce="{NONCE}", nc=00000001, cnonce="{CNONCE}", qop=auth, response="{expected}", opaque="{OPAQUE}""#
        );
        assert_eq!(v.to_str().unwrap(), expected_header);
    }
}

#[test]
fn response_formula_sess_and_nc() {
    // The same computation spelled out, for SHA-256-sess and the second request (nc=2).
    let now = Instant::now();
    let req = RequestInfo::new("POST", "/EWS/Exchange.asmx");
    let mut d = mufasa();
    d.handle_challenge(&rfc_challenge("SHA-256-sess"), now)
        .unwrap();
    d.poll_authorization(&req, now).unwrap();
    let v = d.poll_authorization(&req, now).unwrap().unwrap();
    assert_eq!(param(&v, "nc"), "00000002");
    let h = |s: String| hex(&Sha256::digest(s.as_bytes()));
    let ha1 = h(format!(
        "{}:{NONCE}:{CNONCE}",
        h("Mufasa:http-auth@example.org:Circle of Life".into())
    ));
    let ha2 = h("POST:/EWS/Exchange.asmx".into());
    let expected = h(format!("{ha1}:{NONCE}:00000002:{CNONCE}:auth:{ha2}"));
    assert_eq!(param(&v, "response"), expected);
    assert_eq!(param(&v, "algorithm"), "SHA-256-sess");
}

#[test]
fn rfc2069_without_qop_and_userhash() {
    let now = Instant::now();
    let req = RequestInfo::new("GET", "/");
    let mut d = mufasa();
    let ch = parse_www_authenticate(&[r#"Digest realm="r", nonce="n", userhash=true"#]).unwrap();
    d.handle_challenge(&ch, now).unwrap();
    let v = d.poll_authorization(&req, now).unwrap().unwrap();
    let s = v.to_str().unwrap();
    assert!(!s.contains("nc=") && !s.contains("qop"), "{s}");
    let h = |s: &str| hex(&Md5::digest(s.as_bytes()));
    let ha1 = h("Mufasa:r:Circle of Life");
    assert_eq!(param(&v, "response"), h(&format!("{ha1}:n:{}", h("GET:/"))));
    assert_eq!(param(&v, "username"), h("Mufasa:r"));
}

#[test]
fn stale_retries_once_then_rejected() {
    let now = Instant::now();
    let req = RequestInfo::new("GET", "/");
    let mut d = mufasa();
    d.handle_challenge(&rfc_challenge("MD5"), now).unwrap();
    d.poll_authorization(&req, now).unwrap();
    let stale = parse_www_authenticate(&[
        r#"Digest realm="http-auth@example.org", qop="auth", nonce="fresh", stale=TRUE"#,
    ])
    .unwrap();
    assert_eq!(d.handle_challenge(&stale, now).unwrap(), AuthStep::Retry);
    let v = d.poll_authorization(&req, now).unwrap().unwrap();
    assert_eq!(param(&v, "nonce"), "fresh");
    assert_eq!(param(&v, "nc"), "00000001");
    // A second stale answer to the stale retry is not retried again.
    assert_eq!(
        d.handle_challenge(&stale, now).unwrap(),
        AuthStep::Failed(Failure::Rejected)
    );
    assert_eq!(d.poll_authorization(&req, now).unwrap(), None);
}

#[test]
fn wrong_password_fails() {
    let now = Instant::now();
    let mut d = mufasa();
    d.handle_challenge(&rfc_challenge("MD5"), now).unwrap();
    d.poll_authorization(&RequestInfo::new("GET", "/"), now)
        .unwrap();
    assert_eq!(
        d.handle_challenge(&rfc_challenge("MD5"), now).unwrap(),
        AuthStep::Failed(Failure::Rejected)
    );
}

#[test]
fn unusable_challenges() {
    let now = Instant::now();
    for h in [
        r#"Digest realm="r", nonce="n", algorithm=SHA-1"#,
        r#"Digest realm="r", nonce="n", qop="auth-int""#,
        r#"Digest realm="r""#,
        r#"Basic realm="r""#,
    ] {
        let ch = parse_www_authenticate(&[h]).unwrap();
        assert!(!ch.iter().any(is_usable), "{h}");
        assert_eq!(
            mufasa().handle_challenge(&ch, now).unwrap(),
            AuthStep::Failed(Failure::NotOffered),
            "{h}"
        );
    }
}

#[test]
fn bad_cnonce_is_an_error() {
    let now = Instant::now();
    let creds = Credentials::password("Mufasa", "Circle of Life").unwrap();
    let mut d = Digest::new(&creds)
        .unwrap()
        .with_nonce_source(|| "a\"b".to_owned());
    d.handle_challenge(&rfc_challenge("MD5"), now).unwrap();
    assert!(matches!(
        d.poll_authorization(&RequestInfo::new("GET", "/"), now),
        Err(Error::Digest(DigestError::BadClientNonce))
    ));
    // The default source gives 32 hex digits.
    assert_eq!(RandomNonce.cnonce().unwrap().len(), 32);
    assert!(!format!("{d:?}").contains("Circle"));
}
