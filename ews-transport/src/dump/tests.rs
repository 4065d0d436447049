use super::*;

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

#[test]
fn redacts_secret_elements() {
    let doc = br#"<m:X><t:Password>s3cret</t:Password><t:Name>n</t:Name><Token a="1">tok</Token><t:Password/><t:ClientSecret>cs</t:ClientSecret><t:accesstoken><t:V>x</t:V></t:accesstoken><!-- <t:Password> --></m:X>"#;
    assert_eq!(
        text(redact_body(doc)),
        r#"<m:X><t:Password>[redacted]</t:Password><t:Name>n</t:Name><Token a="1">[redacted]</Token><t:Password/><t:ClientSecret>[redacted]</t:ClientSecret><t:accesstoken>[redacted]</t:accesstoken><!-- <t:Password> --></m:X>"#
    );
}

#[test]
fn a_secret_never_closed_is_dropped() {
    assert_eq!(
        text(redact_body(b"<a><t:Password>s3cret</Password></a>")),
        "<a><t:Password>[redacted]"
    );
}

/// Cut anywhere, even byte by byte, a document comes out as if it came whole.
#[test]
fn streaming_redaction_matches_whole_redaction() {
    let doc = br#"<?xml version="1.0"?><s:Envelope><s:Body><m:R><t:Password>hunter2 &amp; more</t:Password><t:Subject>a &lt; b</t:Subject><t:AccessToken xmlns:t="urn:x">eyJ0eXAi.eyJhdWQi.sig</t:AccessToken></m:R></s:Body></s:Envelope>"#;
    let whole = redact_body(doc);
    assert!(!String::from_utf8_lossy(&whole).contains("hunter2"));
    assert!(!String::from_utf8_lossy(&whole).contains("eyJ"));
    for cut in 0..=doc.len() {
        let mut r = XmlRedactor::default();
        let mut out = Vec::new();
        r.feed(&doc[..cut], &mut out);
        r.feed(&doc[cut..], &mut out);
        r.finish(&mut out);
        assert_eq!(out, whole, "cut at {cut}");
    }
    let mut r = XmlRedactor::default();
    let mut out = Vec::new();
    for b in doc {
        r.feed(std::slice::from_ref(b), &mut out);
    }
    r.finish(&mut out);
    assert_eq!(out, whole);
}

#[test]
fn json_keeps_only_harmless_strings() {
    let ok = br#"{"token_type":"Bearer","expires_in":3599,"access_token":"eyJ0eXAi.x.y","refresh_token":"0.AXk","id_token":"eyJh","scope":"https://outlook.office365.com/EWS.AccessAsUser.All","unknown":["a",{"k":"v"}],"esc\"aped":"s"}"#;
    assert_eq!(
        text(redact_json(ok)),
        r#"{"token_type":"Bearer","expires_in":3599,"access_token":"[redacted]","refresh_token":"[redacted]","id_token":"[redacted]","scope":"https://outlook.office365.com/EWS.AccessAsUser.All","unknown":["[redacted]",{"k":"[redacted]"}],"esc\"aped":"[redacted]"}"#
    );
    let error = br#"{ "error" : "invalid_grant", "error_description": "AADSTS70000: bad \"grant\"", "error_codes": [70000] }"#;
    assert_eq!(text(redact_json(error)), String::from_utf8_lossy(error));
    // Cut off inside a string: still nothing of it shown.
    assert_eq!(
        text(redact_json(br#"{"access_token":"eyJ0eX"#)),
        r#"{"access_token":"[redacted]""#
    );
}

#[test]
fn form_keeps_only_harmless_values() {
    let form = b"grant_type=password&client_id=abc&client_secret=s%3Dx&username=alice%40example.test&password=hunter2&scope=https%3A%2F%2Fx%2F.default&refresh_token=0.AX&flag";
    assert_eq!(
        text(redact_form(form)),
        "grant_type=password&client_id=abc&client_secret=[redacted]&username=alice%40example.test&password=[redacted]&scope=https%3A%2F%2Fx%2F.default&refresh_token=[redacted]&flag"
    );
}

#[test]
fn redacts_headers() {
    let shown = |name: &'static str, value: &'static str| {
        shown_header(
            &HeaderName::from_static(name),
            &HeaderValue::from_static(value),
        )
    };
    assert_eq!(
        shown("authorization", "NTLM TlRMTVNTUAAB"),
        "NTLM [redacted]"
    );
    assert_eq!(shown("authorization", "a=b; c=d"), "[redacted]");
    assert_eq!(shown("cookie", "a=1; b=2"), "a=[redacted]; b=[redacted]");
    assert_eq!(
        shown(
            "set-cookie",
            "X-BackEndOverrideCookie=MBX01.example.test~1942062522; path=/; secure"
        ),
        "X-BackEndOverrideCookie=[redacted]; path=/; secure"
    );
    assert_eq!(shown("set-cookie", "opaque"), "[redacted]");
    assert_eq!(
        shown(
            "www-authenticate",
            "Negotiate oYG3MIG0oAMKAQChCwYJKoZIgvcSAQIC=="
        ),
        "Negotiate [redacted]"
    );
    assert_eq!(
        shown("www-authenticate", "NTLM TlRMTVNTUAACAAAA, Negotiate"),
        "NTLM [redacted], Negotiate"
    );
    for harmless in [
        "NTLM",
        r#"Basic realm="mail.example.test""#,
        r#"Digest realm="r", nonce="bm9uY2U=", qop="auth", algorithm=SHA-256"#,
        r#"Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token""#,
    ] {
        assert_eq!(
            shown_header(
                &header::WWW_AUTHENTICATE,
                &HeaderValue::from_static(harmless)
            ),
            harmless
        );
    }
    assert_eq!(
        shown("authentication-info", r#"rspauth="abc", cnonce="x""#),
        "[redacted]"
    );
    assert_eq!(shown("content-type", "text/xml"), "text/xml");
}

#[test]
fn sinks_name_their_file_by_kind_and_redact() {
    let dir = tempfile::tempdir().unwrap();
    let dumper = Dumper::new(dir.path().to_owned()).unwrap();
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();

    let mut sink = dumper.response(1, "HTTP/1.1 200 OK", &HeaderMap::new());
    for chunk in [
        &b"\n  {\"access_"[..],
        b"token\":\"eyJ0\",\"expires_in\":1}",
    ] {
        sink.write(chunk);
    }
    sink.finish();
    assert_eq!(
        read("0001-response.json"),
        "\n  {\"access_token\":\"[redacted]\",\"expires_in\":1}"
    );

    // A body dropped half way: what came is written, the open secret is not.
    let mut sink = dumper.response(2, "HTTP/1.1 200 OK", &HeaderMap::new());
    sink.write(b"<a><t:Pass");
    sink.write(b"word>hunt");
    drop(sink);
    assert_eq!(read("0002-response.xml"), "<a><t:Password>[redacted]");

    // An empty body still gets its (empty) file.
    dumper
        .response(3, "HTTP/1.1 401 Unauthorized", &HeaderMap::new())
        .finish();
    assert_eq!(read("0003-response.xml"), "");

    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-www-form-urlencoded"),
    );
    dumper.request(
        4,
        "POST https://login.example.test/token",
        &headers,
        Some(b"grant_type=client_credentials&client_secret=s3cret"),
    );
    assert_eq!(
        read("0004-request.txt"),
        "grant_type=client_credentials&client_secret=[redacted]"
    );
}
