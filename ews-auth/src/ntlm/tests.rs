use super::*;
use crate::parse_www_authenticate;

/// The CHALLENGE_MESSAGE of [MS-NLMP] 4.2.4.3 (NTLMv2 example): target "Server", domain
/// "Domain", server challenge 0123456789abcdef, no timestamp.
const SPEC_CHALLENGE: [u8; 104] = [
    0x4e, 0x54, 0x4c, 0x4d, 0x53, 0x53, 0x50, 0x00, 0x02, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x0c,
    0x00, //
    0x38, 0x00, 0x00, 0x00, 0x33, 0x82, 0x8a, 0xe2, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd,
    0xef, //
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x24, 0x00, 0x24, 0x00, 0x44, 0x00, 0x00,
    0x00, //
    0x06, 0x00, 0x70, 0x17, 0x00, 0x00, 0x00, 0x0f, 0x53, 0x00, 0x65, 0x00, 0x72, 0x00, 0x76,
    0x00, //
    0x65, 0x00, 0x72, 0x00, 0x02, 0x00, 0x0c, 0x00, 0x44, 0x00, 0x6f, 0x00, 0x6d, 0x00, 0x61,
    0x00, //
    0x69, 0x00, 0x6e, 0x00, 0x01, 0x00, 0x0c, 0x00, 0x53, 0x00, 0x65, 0x00, 0x72, 0x00, 0x76,
    0x00, //
    0x65, 0x00, 0x72, 0x00, 0x00, 0x00, 0x00, 0x00,
];

/// NTOWFv2("Password", "User", "Domain") from [MS-NLMP] 4.2.4.1.1.
const SPEC_NTOWF_V2: [u8; 16] = [
    0x0c, 0x86, 0x8a, 0x40, 0x3b, 0xfd, 0x7a, 0x93, 0xa3, 0x00, 0x1e, 0xf2, 0x2e, 0xf0, 0x2e, 0x3f,
];

fn hmac_md5(key: &[u8], data: &[&[u8]]) -> [u8; 16] {
    let mut k = [0u8; 64];
    k[..key.len()].copy_from_slice(key);
    let mut inner = Md5::new();
    inner.update(k.map(|b| b ^ 0x36));
    for d in data {
        inner.update(d);
    }
    let mut outer = Md5::new();
    outer.update(k.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

fn spec_ntlm() -> Ntlm {
    let creds = Credentials::password(r"Domain\User", "Password").unwrap();
    // 2024-01-01T00:00:00Z
    Ntlm::new(&creds)
        .unwrap()
        .with_wall_clock(|| UNIX_EPOCH + std::time::Duration::from_secs(1_704_067_200))
}

fn decode(v: &HeaderValue) -> Vec<u8> {
    let s = v.to_str().unwrap();
    let b64 = s.strip_prefix("NTLM ").unwrap();
    STANDARD.decode(b64).unwrap()
}

fn challenge_header(bytes: &[u8]) -> Vec<Challenge> {
    parse_www_authenticate(&["Negotiate", &format!("NTLM {}", STANDARD.encode(bytes))]).unwrap()
}

/// Runs the handshake against the spec challenge and returns the parsed Authenticate message
/// and its raw bytes.
fn handshake(ntlm: &mut Ntlm, req: &RequestInfo<'_>) -> (ntlmclient::AuthenticateMessage, Vec<u8>) {
    let now = Instant::now();
    let first = parse_www_authenticate(&["Negotiate", "NTLM", r#"Basic realm="x""#]).unwrap();
    assert_eq!(ntlm.handle_challenge(&first, now).unwrap(), AuthStep::Retry);
    let neg = decode(&ntlm.poll_authorization(req, now).unwrap().unwrap());
    assert_eq!(&neg[..12], b"NTLMSSP\0\x01\0\0\0");
    // (ntlmclient's own parser wants 4 more bytes than a minimal NEGOTIATE_MESSAGE has.)
    assert_eq!(neg.len(), 40);
    let flags = Flags::from_bits_truncate(u32::from_le_bytes([neg[12], neg[13], neg[14], neg[15]]));
    assert!(
        flags.contains(Flags::NEGOTIATE_UNICODE | Flags::NEGOTIATE_NTLM | Flags::REQUEST_TARGET)
    );
    assert!(
        !flags.intersects(
            Flags::NEGOTIATE_KEY_EXCHANGE | Flags::NEGOTIATE_SIGN | Flags::NEGOTIATE_SEAL
        )
    );
    assert_eq!(ntlm.poll_authorization(req, now).unwrap(), None);
    assert_eq!(
        ntlm.handle_challenge(&challenge_header(&SPEC_CHALLENGE), now)
            .unwrap(),
        AuthStep::Retry
    );
    let v = ntlm.poll_authorization(req, now).unwrap().unwrap();
    assert!(v.is_sensitive());
    let raw = decode(&v);
    let Ok(ntlmclient::Message::Authenticate(auth)) = ntlmclient::Message::try_from(raw.as_slice())
    else {
        panic!("not an AUTHENTICATE message");
    };
    (auth, raw)
}

/// The AV pairs inside an NTLMv2 response.
fn av_pairs(ntlm_response: &[u8]) -> Vec<(u16, Vec<u8>)> {
    let mut rest = &ntlm_response[44..ntlm_response.len() - 4];
    let mut out = Vec::new();
    while rest.len() >= 4 {
        let id = u16::from_le_bytes([rest[0], rest[1]]);
        let len = usize::from(u16::from_le_bytes([rest[2], rest[3]]));
        out.push((id, rest[4..4 + len].to_vec()));
        rest = &rest[4 + len..];
    }
    out
}

#[test]
fn spec_ntowf_matches_ntlmclient() {
    let creds = ntlmclient::Credentials {
        username: "User".into(),
        password: "Password".into(),
        domain: "Domain".into(),
    };
    assert_eq!(ntlmclient::ntlm_v2_password_func(&creds), SPEC_NTOWF_V2);
}

#[test]
fn authenticate_message_against_spec_challenge() {
    let mut ntlm = spec_ntlm();
    let (auth, raw) = handshake(&mut ntlm, &RequestInfo::new("POST", "/EWS/Exchange.asmx"));
    assert_eq!(&raw[..8], b"NTLMSSP\0");
    assert_eq!(u32::from_le_bytes([raw[8], raw[9], raw[10], raw[11]]), 3);
    assert_eq!(auth.user_name, "User");
    assert_eq!(auth.domain_name, "Domain");
    assert_eq!(auth.workstation_name, "");
    assert!(
        auth.session_key.is_empty(),
        "session key must not be exported"
    );
    // The EncryptedRandomSessionKey buffer (offset 52 of the message) is empty.
    assert_eq!(&raw[52..54], &[0, 0]);
    assert!(!auth.flags.contains(Flags::NEGOTIATE_KEY_EXCHANGE));
    // NTLMv2 response: blob header, our wall-clock timestamp (no MsvAvTimestamp), the AV pairs.
    let r = &auth.ntlm_response;
    assert_eq!(&r[16..18], &[1, 1]);
    let expected_time = (1_704_067_200 + FILETIME_UNIX_OFFSET) * 10_000_000;
    assert_eq!(&r[24..32], &expected_time.to_le_bytes());
    let pairs = av_pairs(r);
    assert_eq!(pairs.iter().map(|p| p.0).collect::<Vec<_>>(), [2, 1, 0]);
    // NTProofStr = HMAC_MD5(NTOWFv2, ServerChallenge || blob).
    let proof = hmac_md5(&SPEC_NTOWF_V2, &[&SPEC_CHALLENGE[24..32], &r[16..]]);
    assert_eq!(&r[..16], &proof);
    // Done: the connection is authenticated.
    assert_eq!(
        ntlm.poll_authorization(&RequestInfo::default(), Instant::now())
            .unwrap(),
        None
    );
    assert!(ntlm.is_connection_bound());
}

#[test]
fn channel_binding_av_pair() {
    let hash = [0xabu8; 32];
    let mut ntlm = spec_ntlm();
    let req = RequestInfo::new("POST", "/EWS/Exchange.asmx").with_tls_server_end_point(&hash);
    let (auth, _) = handshake(&mut ntlm, &req);
    let pairs = av_pairs(&auth.ntlm_response);
    assert_eq!(pairs.iter().map(|p| p.0).collect::<Vec<_>>(), [2, 1, 10, 0]);
    let mut s = vec![0u8; 16];
    s.extend_from_slice(&53u32.to_le_bytes());
    s.extend_from_slice(b"tls-server-end-point:");
    s.extend_from_slice(&hash);
    assert_eq!(pairs[2].1, Md5::digest(&s).to_vec());
}

#[test]
fn server_timestamp_is_used() {
    // Splice an MsvAvTimestamp into the spec challenge's AV pairs.
    let mut c = SPEC_CHALLENGE.to_vec();
    c.truncate(c.len() - 4);
    c.extend_from_slice(&[7, 0, 8, 0]);
    c.extend_from_slice(&0x01d9_0000_1234_5678u64.to_le_bytes());
    c.extend_from_slice(&[0, 0, 0, 0]);
    c[40] = 0x24 + 12;
    c[42] = 0x24 + 12;
    let mut ntlm = spec_ntlm();
    let now = Instant::now();
    let req = RequestInfo::default();
    ntlm.poll_authorization(&req, now).unwrap();
    ntlm.handle_challenge(&challenge_header(&c), now).unwrap();
    let raw = decode(&ntlm.poll_authorization(&req, now).unwrap().unwrap());
    let Ok(ntlmclient::Message::Authenticate(auth)) = ntlmclient::Message::try_from(raw.as_slice())
    else {
        panic!("not an AUTHENTICATE message");
    };
    assert_eq!(
        &auth.ntlm_response[24..32],
        &0x01d9_0000_1234_5678u64.to_le_bytes()
    );
}

#[test]
fn wrong_password_second_401_fails() {
    let mut ntlm = spec_ntlm();
    handshake(&mut ntlm, &RequestInfo::default());
    let again = parse_www_authenticate(&["Negotiate", "NTLM"]).unwrap();
    let now = Instant::now();
    assert_eq!(
        ntlm.handle_challenge(&again, now).unwrap(),
        AuthStep::Failed(Failure::Rejected)
    );
    assert_eq!(
        ntlm.handle_challenge(&again, now).unwrap(),
        AuthStep::Failed(Failure::AlreadyFailed)
    );
    assert_eq!(
        ntlm.poll_authorization(&RequestInfo::default(), now)
            .unwrap(),
        None
    );
}

#[test]
fn upn_user_goes_whole_with_empty_domain() {
    let creds = Credentials::password("User@corp.example", "Password").unwrap();
    let mut ntlm = Ntlm::new(&creds).unwrap().with_workstation("WS1");
    let (auth, _) = handshake(&mut ntlm, &RequestInfo::default());
    assert_eq!(auth.user_name, "User@corp.example");
    assert_eq!(auth.domain_name, "");
    assert_eq!(auth.workstation_name, "WS1");
}

#[test]
fn bad_server_tokens_are_errors_not_panics() {
    let now = Instant::now();
    for token in [
        "!!!notbase64",
        "AAAA",
        "TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
    ] {
        let mut ntlm = spec_ntlm();
        ntlm.poll_authorization(&RequestInfo::default(), now)
            .unwrap();
        let ch = vec![Challenge::new(Scheme::Ntlm).with_token68(token)];
        assert!(
            matches!(ntlm.handle_challenge(&ch, now), Err(Error::Ntlm(_))),
            "{token}"
        );
        // And the scheme does not loop afterwards.
        assert_eq!(
            ntlm.handle_challenge(&ch, now).unwrap(),
            AuthStep::Failed(Failure::AlreadyFailed)
        );
    }
    // NTLM dropped from the offer, or a challenge message without a Negotiate first.
    let mut ntlm = spec_ntlm();
    let basic = parse_www_authenticate(&[r#"Basic realm="x""#]).unwrap();
    assert_eq!(
        ntlm.handle_challenge(&basic, now).unwrap(),
        AuthStep::Failed(Failure::NotOffered)
    );
    let mut ntlm = spec_ntlm();
    assert_eq!(
        ntlm.handle_challenge(&challenge_header(&SPEC_CHALLENGE), now)
            .unwrap(),
        AuthStep::Failed(Failure::Handshake)
    );
}

#[test]
fn random_challenge_bytes_never_panic() {
    let now = Instant::now();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..3000 {
        // Mutate the spec message (length fields included) or use pure noise.
        let mut c = SPEC_CHALLENGE.to_vec();
        for _ in 0..(i % 8 + 1) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let idx = (x as usize) % c.len();
            c[idx] = (x >> 32) as u8;
        }
        if i % 5 == 0 {
            c.truncate((x as usize >> 8) % c.len());
        }
        let mut ntlm = spec_ntlm();
        let req = RequestInfo::default().with_tls_server_end_point(&[1, 2, 3]);
        ntlm.poll_authorization(&req, now).unwrap();
        if let Ok(AuthStep::Retry) = ntlm.handle_challenge(&challenge_header(&c), now) {
            let _ = ntlm.poll_authorization(&req, now);
        }
    }
}

#[test]
fn debug_hides_password() {
    let s = format!("{:?}", spec_ntlm());
    assert!(!s.contains("Password\""), "{s}");
    assert!(s.contains("***"));
}
