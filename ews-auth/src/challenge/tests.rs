use super::*;

fn parse(values: &[&str]) -> Vec<Challenge> {
    parse_www_authenticate(values).unwrap_or_else(|e| panic!("{values:?}: {e:?}"))
}

fn err(value: &str) -> ChallengeError {
    match parse_www_authenticate(&[value]) {
        Err(Error::Challenge(e)) => e,
        other => panic!("{value:?}: expected an error, got {other:?}"),
    }
}

#[test]
fn exchange_on_premises_separate_headers() {
    let c = parse(&["Negotiate", "NTLM", r#"Basic realm="mail.example.test""#]);
    assert_eq!(
        c,
        [
            Challenge::new(Scheme::Negotiate),
            Challenge::new(Scheme::Ntlm),
            Challenge::new(Scheme::Basic).with_param("realm", "mail.example.test"),
        ]
    );
}

#[test]
fn exchange_online_bearer() {
    let v = r#"Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*,D3776938-3DBA-481F-A652-4BEDFCAB7CD8@*", token_types="app_asserted_user_v1 service_asserted_app_v1", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token""#;
    let c = parse(&[v, r#"Basic Realm="",Negotiate"#]);
    assert_eq!(c.len(), 3);
    assert_eq!(c[0].scheme, Scheme::Bearer);
    assert_eq!(
        c[0].param("client_id"),
        Some("00000002-0000-0ff1-ce00-000000000000")
    );
    assert_eq!(
        c[0].param("trusted_issuers"),
        Some("00000001-0000-0000-c000-000000000000@*,D3776938-3DBA-481F-A652-4BEDFCAB7CD8@*")
    );
    assert_eq!(
        c[0].param("token_types"),
        Some("app_asserted_user_v1 service_asserted_app_v1")
    );
    assert_eq!(c[0].param("ERROR"), Some("invalid_token"));
    assert_eq!(c[1], Challenge::new(Scheme::Basic).with_param("Realm", ""));
    assert_eq!(c[2], Challenge::new(Scheme::Negotiate));
}

#[test]
fn token68_forms() {
    let c = parse(&[
        "Negotiate oYIBNjCCATKgAwoBAaKCAScEggEj==",
        "NTLM TlRMTVNTUAACAAAADAAMADgAAAAzgoriASNFZ4mrze8=",
        "Foo abc=, Bar a-b.c_d~e+f/g",
    ]);
    assert_eq!(
        c[0].token68.as_deref(),
        Some("oYIBNjCCATKgAwoBAaKCAScEggEj==")
    );
    assert_eq!(c[1].scheme, Scheme::Ntlm);
    assert_eq!(
        c[1].token68.as_deref(),
        Some("TlRMTVNTUAACAAAADAAMADgAAAAzgoriASNFZ4mrze8=")
    );
    assert_eq!(
        c[2],
        Challenge::new(Scheme::Other("Foo".into())).with_token68("abc=")
    );
    assert_eq!(c[3].token68.as_deref(), Some("a-b.c_d~e+f/g"));
    assert!(c.iter().all(|c| c.params.is_empty()));
}

#[test]
fn several_challenges_in_one_value() {
    // RFC 7235 section 4.1's example, with the scheme names in odd cases.
    let c = parse(&[
        r#"newauth realm="apps", type=1, title="Login to \"apps\"", BASIC realm="simple""#,
    ]);
    assert_eq!(
        c,
        [
            Challenge::new(Scheme::Other("newauth".into()))
                .with_param("realm", "apps")
                .with_param("type", "1")
                .with_param("title", r#"Login to "apps""#),
            Challenge::new(Scheme::Basic).with_param("realm", "simple"),
        ]
    );
    let c = parse(&[r#"ntlm, negotiate,Digest realm = "r" , nonce=abc ,,  qop="auth,auth-int""#]);
    assert_eq!(c.len(), 3);
    assert_eq!(
        (c[0].scheme.clone(), c[1].scheme.clone()),
        (Scheme::Ntlm, Scheme::Negotiate)
    );
    assert_eq!(c[2].param("nonce"), Some("abc"));
    assert_eq!(c[2].param("qop"), Some("auth,auth-int"));
}

#[test]
fn escapes_whitespace_and_empty_elements() {
    let c = parse(&[
        "\t Basic \t realm=\"a\\\\b\\\"c\\d\"  ",
        "",
        " , ,",
        "Bearer",
    ]);
    assert_eq!(c[0].param("realm"), Some(r#"a\b"cd"#));
    assert_eq!(c[1], Challenge::new(Scheme::Bearer));
    assert_eq!(c.len(), 2);
    // Non-ASCII inside quoted strings (obs-text) is kept.
    assert_eq!(
        parse(&["Basic realm=\"Büro\""])[0].param("realm"),
        Some("Büro")
    );
    assert!(parse(&[]).is_empty());
}

#[test]
fn malformed() {
    let cases: [(&str, usize, ChallengeErrorKind); 12] = [
        (
            "Basic realm=\"x",
            12,
            ChallengeErrorKind::UnterminatedQuotedString,
        ),
        (
            "Basic realm=\"x\\",
            12,
            ChallengeErrorKind::UnterminatedQuotedString,
        ),
        (
            "Basic realm=\"x\", a=",
            19,
            ChallengeErrorKind::ExpectedValue,
        ),
        ("Basic a=b, c=,", 13, ChallengeErrorKind::ExpectedValue),
        ("=x", 0, ChallengeErrorKind::ExpectedScheme),
        ("realm=x", 0, ChallengeErrorKind::ExpectedScheme),
        ("\"Basic\"", 0, ChallengeErrorKind::ExpectedScheme),
        (
            "Basic realm=\"a\" b=\"c\"",
            16,
            ChallengeErrorKind::UnexpectedChar('b'),
        ),
        ("NTLM abc def", 5, ChallengeErrorKind::UnexpectedChar('a')),
        (
            "NTLM abc==, x=1",
            12,
            ChallengeErrorKind::UnexpectedChar('x'),
        ),
        (
            "Basic realm=\"a\u{1}\"",
            14,
            ChallengeErrorKind::UnexpectedChar('\u{1}'),
        ),
        ("Bäsic", 1, ChallengeErrorKind::UnexpectedChar('ä')),
    ];
    for (value, offset, kind) in cases {
        let e = err(value);
        assert_eq!((e.offset, &e.kind), (offset, &kind), "{value:?}");
    }
    // `realm=` alone is a token68, not a parameter without a value.
    assert_eq!(
        parse(&["Basic realm="])[0].token68.as_deref(),
        Some("realm=")
    );
    let e = match parse_www_authenticate(&["NTLM", "Basic realm=\"x"]) {
        Err(Error::Challenge(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(e.value_index, 1);
}

#[test]
fn display_round_trips() {
    let values = [
        r#"Basic realm="mail.example.test", charset="UTF-8""#,
        "NTLM TlRMTVNTUAACAAAA",
        r#"Digest realm="a\"b\\c", nonce=xyz, qop="auth""#,
        "Negotiate",
    ];
    let c = parse(&values);
    let written: Vec<String> = c.iter().map(ToString::to_string).collect();
    assert_eq!(
        written[2],
        r#"Digest realm="a\"b\\c", nonce="xyz", qop="auth""#
    );
    let written: Vec<&str> = written.iter().map(String::as_str).collect();
    assert_eq!(parse(&written), c);
}

#[test]
fn case_insensitive_schemes() {
    for (name, scheme) in [
        ("basic", Scheme::Basic),
        ("DIGEST", Scheme::Digest),
        ("Ntlm", Scheme::Ntlm),
        ("nEGOTIATE", Scheme::Negotiate),
        ("bearer", Scheme::Bearer),
        ("Kerberos", Scheme::Other("Kerberos".into())),
    ] {
        assert_eq!(parse(&[name])[0].scheme, scheme);
    }
    assert_eq!(Scheme::Ntlm.to_string(), "NTLM");
}

#[test]
fn random_bytes_never_panic() {
    // A fixed xorshift stream: header-ish alphabet and raw bytes, many lengths.
    const ALPHABET: &[u8] = b"BasicNTLMDigest realm=\"\\,= \t\x01abc==/+~\xc3\xa4";
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for i in 0..20_000 {
        let len = (next() % 48) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if i % 3 == 0 {
                    r as u8
                } else {
                    ALPHABET[(r % ALPHABET.len() as u64) as usize]
                }
            })
            .collect();
        crate::fuzzing::www_authenticate(&bytes);
    }
}
