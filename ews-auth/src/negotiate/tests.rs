//! Unit tests that need no KDC: names, state machine edges, status texts.

use std::time::Instant;

use libgssapi::error::{Error as GssError, MajorFlags};

use super::error::status_texts;
use super::*;
use crate::parse_www_authenticate;

fn challenges(values: &[&str]) -> Vec<Challenge> {
    parse_www_authenticate(values).unwrap()
}

#[test]
fn host_names() {
    assert_eq!(
        check_host("Mail.Example.Test").unwrap(),
        "mail.example.test"
    );
    assert_eq!(
        check_host("mail.example.test:443").unwrap(),
        "mail.example.test"
    );
    for bad in ["", "a/b", "a@b", "a b", "a\nb", "[::1]:443", ":443"] {
        assert!(
            matches!(check_host(bad), Err(NegotiateError::InvalidHost(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn principals() {
    for (given, principal) in [
        (r"EXAMPLE\alice", "alice@EXAMPLE"),
        ("alice@example.test", "alice@EXAMPLE.TEST"),
        ("alice@EXAMPLE.TEST", "alice@EXAMPLE.TEST"),
        ("alice", "alice"),
    ] {
        let name = UserName::parse(given).unwrap();
        assert_eq!(principal_for(&name).unwrap(), principal, "{given}");
    }
}

#[test]
fn constructors_check_their_input() {
    assert!(Negotiate::new("mail.example.test").is_ok());
    assert!(matches!(
        Negotiate::new("bad host"),
        Err(Error::Negotiate(NegotiateError::InvalidHost(_)))
    ));
    assert!(matches!(
        Negotiate::with_credentials("mail.example.test", &Credentials::token("t")),
        Err(Error::Credentials(CredentialsError::WrongKind))
    ));
    let n = Negotiate::new("mail.example.test").unwrap();
    assert!(matches!(
        n.with_spn("HTTP/x y"),
        Err(Error::Negotiate(NegotiateError::InvalidPrincipal(_)))
    ));
}

#[test]
fn debug_hides_the_password() {
    let creds = Credentials::password("alice@example.test", "hunter2").unwrap();
    let n = Negotiate::with_credentials("mail.example.test", &creds).unwrap();
    let s = format!("{n:?}");
    assert!(!s.contains("hunter2"), "{s}");
    assert!(
        s.contains("alice@EXAMPLE.TEST") && s.contains("HTTP@mail.example.test"),
        "{s}"
    );
}

#[test]
fn challenge_edges_without_a_kdc() {
    let now = Instant::now();
    let mut n = Negotiate::new("mail.example.test").unwrap();
    // A success before anything was sent: the server needed no authentication.
    n.handle_success(&[], now).unwrap();
    assert_eq!(
        n.handle_challenge(&challenges(&["Negotiate", "NTLM"]), now)
            .unwrap(),
        AuthStep::Retry
    );
    assert!(n.offers_ntlm);

    let mut n = Negotiate::new("mail.example.test").unwrap();
    assert_eq!(
        n.handle_challenge(&challenges(&["NTLM", r#"Basic realm="x""#]), now)
            .unwrap(),
        AuthStep::Failed(Failure::NotOffered)
    );
    assert_eq!(
        n.handle_challenge(&challenges(&["Negotiate"]), now)
            .unwrap(),
        AuthStep::Failed(Failure::AlreadyFailed)
    );
    assert!(matches!(
        n.handle_success(&[], now),
        Err(Error::Negotiate(NegotiateError::OutOfOrder))
    ));
    // Nothing to send in a failed state.
    let req = RequestInfo::new("POST", "/EWS/Exchange.asmx");
    assert_eq!(n.poll_authorization(&req, now).unwrap(), None);
}

#[test]
fn nothing_is_sent_before_the_server_offers_negotiate() {
    let now = Instant::now();
    let req = RequestInfo::new("POST", "/EWS/Exchange.asmx");
    let creds = Credentials::password(r"EXAMPLE\alice", "pw").unwrap();
    let mut n = Negotiate::with_credentials("mail.example.test", &creds).unwrap();
    // No header before a 401, however often asked (GSSAPI is not called either).
    assert_eq!(n.poll_authorization(&req, now).unwrap(), None);
    assert_eq!(n.poll_authorization(&req, now).unwrap(), None);
    assert_eq!(n.name(), "Negotiate");
    assert_eq!(
        n.handle_challenge(&challenges(&["Negotiate", "NTLM"]), now)
            .unwrap(),
        AuthStep::Retry
    );
    assert!(n.offers_ntlm && !n.fell_back_to_ntlm());
    // A second 401 without a token sent in between is out of order.
    assert_eq!(
        n.handle_challenge(&challenges(&["Negotiate"]), now)
            .unwrap(),
        AuthStep::Failed(Failure::Handshake)
    );
}

#[test]
fn ntlm_only_server_gets_ntlm_with_the_same_credentials() {
    let now = Instant::now();
    let req = RequestInfo::new("POST", "/EWS/Exchange.asmx");
    let creds = Credentials::password(r"EXAMPLE\alice", "pw").unwrap();
    let mut n = Negotiate::with_credentials("mail.example.test", &creds).unwrap();
    assert_eq!(n.poll_authorization(&req, now).unwrap(), None);
    assert_eq!(
        n.handle_challenge(&challenges(&["NTLM", r#"Basic realm="x""#]), now)
            .unwrap(),
        AuthStep::Retry
    );
    assert!(n.fell_back_to_ntlm());
    assert_eq!(n.name(), "NTLM");
    // Kerberos was never tried.
    assert!(n.kerberos_error().is_none());
    let negotiate = n.poll_authorization(&req, now).unwrap().unwrap();
    assert!(
        negotiate.to_str().unwrap().starts_with("NTLM TlRMTVNTUAAB"),
        "{negotiate:?}"
    );
    // The same NTLM messages as a plain `Ntlm` would send.
    let mut plain = Ntlm::new(&creds).unwrap();
    assert_eq!(
        plain.poll_authorization(&req, now).unwrap(),
        Some(negotiate)
    );

    // Without a password there is nothing to fall back with; nor when it is turned off.
    for mut n in [
        Negotiate::new("mail.example.test").unwrap(),
        Negotiate::with_credentials("mail.example.test", &creds)
            .unwrap()
            .without_ntlm_fallback(),
    ] {
        assert_eq!(
            n.handle_challenge(&challenges(&["NTLM"]), now).unwrap(),
            AuthStep::Failed(Failure::NotOffered)
        );
        assert!(!n.fell_back_to_ntlm());
    }
}

#[test]
fn status_text_split() {
    // Major only.
    let (major, minor) = status_texts(GssError {
        major: MajorFlags::GSS_S_BAD_MIC,
        minor: 0,
    });
    assert!(major.contains("(MIC)"), "{major}");
    assert_eq!(minor, "");
    // An unknown minor code still leaves the major text intact.
    let (major, minor) = status_texts(GssError {
        major: MajorFlags::GSS_S_FAILURE,
        minor: 12_345_678,
    });
    assert!(major.starts_with("Unspecified GSS failure"), "{major}");
    assert!(
        !minor.is_empty() && !major.contains(&minor),
        "{major} / {minor}"
    );
    let e = NegotiateError::gssapi(
        "testing",
        GssError {
            major: MajorFlags::GSS_S_NO_CRED,
            minor: 0,
        },
    );
    let NegotiateError::Gssapi {
        major_code, major, ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(*major_code, 7 << 16);
    assert!(e.to_string().starts_with("testing failed: "), "{e}");
    assert!(e.to_string().ends_with(major.as_str()), "{e}");
}
