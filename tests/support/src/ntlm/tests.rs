use super::*;

const SERVER_CHALLENGE: [u8; 8] = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef];

/// A NEGOTIATE message with the given flags (the 32-byte form with empty domain and
/// workstation fields).
fn negotiate(flags: u32) -> Vec<u8> {
    let mut m = SIGNATURE.to_vec();
    m.extend_from_slice(&1u32.to_le_bytes());
    m.extend_from_slice(&flags.to_le_bytes());
    m.extend_from_slice(&[0; 16]);
    m
}

const CLIENT_FLAGS: u32 = flags::UNICODE
    | flags::REQUEST_TARGET
    | flags::NTLM
    | flags::ALWAYS_SIGN
    | flags::EXTENDED_SESSION_SECURITY
    | flags::N128
    | flags::N56;

/// An AUTHENTICATE message with Version and MIC fields (88-byte header), payload after.
fn authenticate(flags: u32, nt: &[u8], domain: &str, user: &str, workstation: &str) -> Vec<u8> {
    let lm = [0u8; 24];
    let fields: [Vec<u8>; 5] = [
        lm.to_vec(),
        nt.to_vec(),
        utf16le(domain),
        utf16le(user),
        utf16le(workstation),
    ];
    let mut m = SIGNATURE.to_vec();
    m.extend_from_slice(&3u32.to_le_bytes());
    let mut offset = 88usize;
    for f in &fields {
        let len = u16::try_from(f.len()).unwrap();
        m.extend_from_slice(&len.to_le_bytes());
        m.extend_from_slice(&len.to_le_bytes());
        m.extend_from_slice(&u32::try_from(offset).unwrap().to_le_bytes());
        offset += f.len();
    }
    // An empty session key.
    m.extend_from_slice(&[0, 0, 0, 0]);
    m.extend_from_slice(&u32::try_from(offset).unwrap().to_le_bytes());
    m.extend_from_slice(&flags.to_le_bytes());
    m.extend_from_slice(&[0; 8 + 16]);
    assert_eq!(m.len(), 88);
    for f in fields {
        m.extend_from_slice(&f);
    }
    m
}

/// The NTLMv2 `temp` of [MS-NLMP] 4.2.4: time 0, client challenge `aa…`, the AV pairs
/// NbDomainName "Domain" and NbComputerName "Server".
fn spec_blob() -> Vec<u8> {
    let mut b = vec![1, 1, 0, 0, 0, 0, 0, 0];
    b.extend_from_slice(&[0; 8]);
    b.extend_from_slice(&[0xaa; 8]);
    b.extend_from_slice(&[0; 4]);
    for (id, name) in [
        (av::NB_DOMAIN_NAME, "Domain"),
        (av::NB_COMPUTER_NAME, "Server"),
    ] {
        let v = utf16le(name);
        b.extend_from_slice(&id.to_le_bytes());
        b.extend_from_slice(&u16::try_from(v.len()).unwrap().to_le_bytes());
        b.extend_from_slice(&v);
    }
    b.extend_from_slice(&[0; 4]); // MsvAvEOL
    b.extend_from_slice(&[0; 4]);
    b
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn ms_nlmp_4_2_4_ntlmv2_vector() {
    let key = ntowf_v2("Password", "User", "Domain");
    assert_eq!(hex(&key), "0c868a403bfd7a93a3001ef22ef02e3f");
    let blob = spec_blob();
    let proof = nt_proof_str(&key, &SERVER_CHALLENGE, &blob);
    assert_eq!(hex(&proof), "68cd0ab851e51c96aabc927bebef6a1c");

    // The same response inside an AUTHENTICATE message verifies against a challenge with
    // the spec's server challenge, and only with the right password.
    let mut nt = proof.to_vec();
    nt.extend_from_slice(&blob);
    let msg = authenticate(CLIENT_FLAGS, &nt, "Domain", "User", "COMPUTER");
    let acceptor = Acceptor::new("Domain", "Server");
    let challenge = || {
        acceptor
            .challenge_with(&negotiate(CLIENT_FLAGS), SERVER_CHALLENGE, 0)
            .unwrap()
    };
    let who = challenge()
        .verify(&msg, |d, u| {
            assert_eq!((d, u), ("Domain", "User"));
            Some("Password".to_owned())
        })
        .unwrap();
    assert_eq!(who.user, "User");
    assert_eq!(who.domain, "Domain");
    assert_eq!(who.workstation, "COMPUTER");
    assert_eq!(who.timestamp, 0);
    assert_eq!(who.channel_bindings, None);
    let e = challenge()
        .verify(&msg, |_, _| Some("password".to_owned()))
        .unwrap_err();
    assert!(matches!(e, Error::WrongPassword { .. }), "{e}");
    // Another server challenge: the same response no longer matches (no replay).
    let other = acceptor
        .challenge_with(&negotiate(CLIENT_FLAGS), [0; 8], 0)
        .unwrap();
    let e = other
        .verify(&msg, |_, _| Some("Password".to_owned()))
        .unwrap_err();
    assert!(matches!(e, Error::WrongPassword { .. }), "{e}");
}

#[test]
fn challenge_message_layout() {
    let acceptor = Acceptor::new("EXAMPLE", "MAIL");
    let c = acceptor
        .challenge_with(
            &negotiate(CLIENT_FLAGS),
            SERVER_CHALLENGE,
            0x01d9_0000_1234_5678,
        )
        .unwrap();
    let m = c.message();
    assert_eq!(&m[..12], b"NTLMSSP\0\x02\0\0\0");
    let flags = u32::from_le_bytes(m[20..24].try_into().unwrap());
    for f in [
        flags::UNICODE,
        flags::NTLM,
        flags::TARGET_INFO,
        flags::EXTENDED_SESSION_SECURITY,
        flags::REQUEST_TARGET,
    ] {
        assert_ne!(flags & f, 0, "{f:#x}");
    }
    assert_eq!(&m[24..32], &SERVER_CHALLENGE);
    // The target name.
    let (len, off) = (
        usize::from(u16::from_le_bytes([m[12], m[13]])),
        u32::from_le_bytes(m[16..20].try_into().unwrap()) as usize,
    );
    assert_eq!(&m[off..off + len], utf16le("EXAMPLE").as_slice());
    // The target information, as ntlmclient (an independent parser) reads it.
    let Ok(ntlmclient::Message::Challenge(parsed)) = ntlmclient::Message::try_from(m) else {
        panic!("ntlmclient does not read the challenge");
    };
    assert_eq!(parsed.challenge, SERVER_CHALLENGE);
    let entries: Vec<_> = parsed
        .target_information
        .iter()
        .map(|e| (u16::from(e.entry_type), e.data.clone()))
        .collect();
    assert_eq!(
        entries,
        [
            (av::NB_DOMAIN_NAME, utf16le("EXAMPLE")),
            (av::NB_COMPUTER_NAME, utf16le("MAIL")),
            (av::DNS_DOMAIN_NAME, utf16le("example.test")),
            (av::DNS_COMPUTER_NAME, utf16le("mail.example.test")),
            (
                av::TIMESTAMP,
                0x01d9_0000_1234_5678u64.to_le_bytes().to_vec()
            ),
            (av::EOL, Vec::new()),
        ]
    );
    // A client without Unicode gets an OEM target name.
    let oem = acceptor
        .challenge_with(&negotiate(flags::NTLM), SERVER_CHALLENGE, 0)
        .unwrap();
    let flags = u32::from_le_bytes(oem.message()[20..24].try_into().unwrap());
    assert_eq!(flags & (flags::UNICODE | flags::OEM), flags::OEM);
    assert_eq!(&oem.message()[56..63], b"EXAMPLE");
}

#[test]
fn random_challenges_differ() {
    let acceptor = Acceptor::new("EXAMPLE", "MAIL");
    let a = acceptor.challenge(&negotiate(CLIENT_FLAGS)).unwrap();
    let b = acceptor.challenge(&negotiate(CLIENT_FLAGS)).unwrap();
    assert_ne!(a.server_challenge(), b.server_challenge());
}

/// Runs ntlmclient (an implementation this crate did not write) against a challenge of
/// ours and returns its AUTHENTICATE message.
fn ntlmclient_authenticate(challenge: &Challenge, domain: &str, user: &str, pw: &str) -> Vec<u8> {
    let Ok(ntlmclient::Message::Challenge(c)) = ntlmclient::Message::try_from(challenge.message())
    else {
        panic!("ntlmclient does not read the challenge");
    };
    let info: Vec<u8> = c
        .target_information
        .iter()
        .flat_map(ntlmclient::TargetInfoEntry::to_bytes)
        .collect();
    let creds = ntlmclient::Credentials {
        username: user.to_owned(),
        password: pw.to_owned(),
        domain: domain.to_owned(),
    };
    let response = ntlmclient::respond_challenge_ntlm_v2(c.challenge, &info, 1234, &creds);
    let flags = ntlmclient::Flags::NEGOTIATE_UNICODE | ntlmclient::Flags::NEGOTIATE_NTLM;
    response
        .to_message(&creds, "WS01", flags)
        .to_bytes()
        .unwrap()
}

fn lookup(domain: &str, user: &str) -> Option<String> {
    let known = matches!(
        (
            domain.to_ascii_uppercase().as_str(),
            user.to_lowercase().as_str()
        ),
        ("EXAMPLE" | "", "alice") | ("", "alice@example.test")
    );
    known.then(|| "Secret-1".to_owned())
}

#[test]
fn ntlmclient_user_forms() {
    let acceptor = Acceptor::new("EXAMPLE", "MAIL");
    for (domain, user) in [
        ("EXAMPLE", "alice"),
        ("example", "Alice"),
        ("", "alice"),
        ("", "alice@example.test"),
        ("", r"EXAMPLE\alice"),
    ] {
        let c = acceptor.challenge(&negotiate(CLIENT_FLAGS)).unwrap();
        let msg = ntlmclient_authenticate(&c, domain, user, "Secret-1");
        let who = c.verify(&msg, lookup).unwrap();
        assert_eq!((who.domain.as_str(), who.user.as_str()), (domain, user));
        assert_eq!(who.workstation, "WS01");
        assert_eq!(who.timestamp, 1234);

        let c = acceptor.challenge(&negotiate(CLIENT_FLAGS)).unwrap();
        let msg = ntlmclient_authenticate(&c, domain, user, "secret-1");
        let e = c.verify(&msg, lookup).unwrap_err();
        assert_eq!(
            e,
            Error::WrongPassword {
                domain: domain.to_owned(),
                user: user.to_owned()
            }
        );
    }
    let c = acceptor.challenge(&negotiate(CLIENT_FLAGS)).unwrap();
    let msg = ntlmclient_authenticate(&c, "OTHER", "alice", "Secret-1");
    assert!(matches!(
        c.verify(&msg, lookup),
        Err(Error::UnknownUser { .. })
    ));
}

#[test]
fn channel_bindings_are_reported() {
    let acceptor = Acceptor::new("EXAMPLE", "MAIL");
    let c = acceptor
        .challenge_with(&negotiate(CLIENT_FLAGS), SERVER_CHALLENGE, 0)
        .unwrap();
    let mut blob = spec_blob();
    // Insert MsvAvChannelBindings before the EOL pair (8 bytes from the end).
    let at = blob.len() - 8;
    let mut pair = vec![10, 0, 16, 0];
    pair.extend_from_slice(&[0x5a; 16]);
    blob.splice(at..at, pair);
    let key = ntowf_v2("pw", "alice", "EXAMPLE");
    let mut nt = nt_proof_str(&key, &SERVER_CHALLENGE, &blob).to_vec();
    nt.extend_from_slice(&blob);
    let msg = authenticate(CLIENT_FLAGS, &nt, "EXAMPLE", "alice", "");
    let who = c.verify(&msg, |_, _| Some("pw".to_owned())).unwrap();
    assert_eq!(who.channel_bindings, Some([0x5a; 16]));
}

#[test]
fn malformed_negotiate_messages() {
    let acceptor = Acceptor::new("EXAMPLE", "MAIL");
    let good = negotiate(CLIENT_FLAGS);
    for n in 0..16 {
        assert!(matches!(
            acceptor.challenge(&good[..n]),
            Err(Error::Truncated { needed: 16, .. })
        ));
    }
    let mut bad = good.clone();
    bad[0] = b'X';
    assert_eq!(acceptor.challenge(&bad).unwrap_err(), Error::Signature);
    let mut bad = good;
    bad[8] = 3;
    assert_eq!(
        acceptor.challenge(&bad).unwrap_err(),
        Error::MessageType {
            expected: 1,
            found: 3
        }
    );
}

fn spec_message() -> Vec<u8> {
    let key = ntowf_v2("Password", "User", "Domain");
    let blob = spec_blob();
    let mut nt = nt_proof_str(&key, &SERVER_CHALLENGE, &blob).to_vec();
    nt.extend_from_slice(&blob);
    authenticate(CLIENT_FLAGS, &nt, "Domain", "User", "")
}

fn verify(msg: &[u8]) -> Result<Authenticated, Error> {
    Acceptor::new("Domain", "Server")
        .challenge_with(&negotiate(CLIENT_FLAGS), SERVER_CHALLENGE, 0)
        .unwrap()
        .verify(msg, |_, _| Some("Password".to_owned()))
}

#[test]
fn malformed_authenticate_messages() {
    let good = spec_message();
    assert!(verify(&good).is_ok());
    // Every truncation fails, without panicking.
    for n in 0..good.len() {
        let e = verify(&good[..n]).unwrap_err();
        if n < 64 {
            assert!(matches!(e, Error::Truncated { needed: 64, .. }), "{n}: {e}");
        }
    }
    // A NEGOTIATE or CHALLENGE message where AUTHENTICATE belongs.
    let mut m = good.clone();
    m[8] = 2;
    assert!(matches!(
        verify(&m),
        Err(Error::MessageType { expected: 3, .. })
    ));
    // Hostile security buffers: huge lengths, offsets at the end of the address space.
    for field in [12usize, 20, 28, 36, 44, 52] {
        for (len, offset) in [
            (0xffffu16, 0u32),
            (16, u32::MAX),
            (16, u32::MAX - 8),
            (1, u32::try_from(good.len()).unwrap()),
        ] {
            let mut m = good.clone();
            m[field..field + 2].copy_from_slice(&len.to_le_bytes());
            m[field + 4..field + 8].copy_from_slice(&offset.to_le_bytes());
            let e = verify(&m).unwrap_err();
            assert!(matches!(e, Error::OutOfRange { .. }), "{field}: {e}");
        }
    }
    // An odd-length UTF-16 user name.
    let mut m = good;
    let user_len = u16::from_le_bytes([m[36], m[37]]);
    m[36..38].copy_from_slice(&(user_len - 1).to_le_bytes());
    assert_eq!(
        verify(&m).unwrap_err(),
        Error::BadString { field: "UserName" }
    );
}

#[test]
fn responses_that_are_not_ntlmv2() {
    let key = ntowf_v2("Password", "User", "Domain");
    // Anonymous: no NT response, no user.
    let m = authenticate(CLIENT_FLAGS, &[], "", "", "");
    assert_eq!(verify(&m).unwrap_err(), Error::Anonymous);
    // NTLMv1: a 24-byte NT response.
    let m = authenticate(CLIENT_FLAGS, &[7; 24], "Domain", "User", "");
    assert_eq!(verify(&m).unwrap_err(), Error::NotNtlmV2 { len: 24 });
    // A blob of another version.
    let mut blob = spec_blob();
    blob[0] = 2;
    let mut nt = nt_proof_str(&key, &SERVER_CHALLENGE, &blob).to_vec();
    nt.extend_from_slice(&blob);
    let m = authenticate(CLIENT_FLAGS, &nt, "Domain", "User", "");
    assert!(matches!(verify(&m), Err(Error::Blob(_))));
    // AV pairs that run past the end, or never end.
    for cut in [6, 10] {
        let mut blob = spec_blob();
        blob.truncate(blob.len() - cut);
        let mut nt = nt_proof_str(&key, &SERVER_CHALLENGE, &blob).to_vec();
        nt.extend_from_slice(&blob);
        let m = authenticate(CLIENT_FLAGS, &nt, "Domain", "User", "");
        assert!(matches!(verify(&m), Err(Error::Blob(_))), "{cut}");
    }
}

/// Byte flips, random lengths and random garbage over a valid message: errors or
/// successes, never a panic.
#[test]
fn mutations_never_panic() {
    let good = spec_message();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let mut m = good.clone();
        for _ in 0..=(next() % 4) {
            let at = (next() as usize) % m.len();
            m[at] = next() as u8;
        }
        if next() % 8 == 0 {
            m.truncate((next() as usize) % (m.len() + 1));
        }
        let _ = verify(&m);
        let _ = Acceptor::new("D", "S").challenge(&m);
        let garbage: Vec<u8> = (0..(next() % 200)).map(|_| next() as u8).collect();
        let _ = verify(&garbage);
    }
}
