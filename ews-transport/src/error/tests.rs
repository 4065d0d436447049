//! The errors' shape: `Send + Sync + 'static`, and each configuration failure its own
//! [`ConfigError`] variant with the underlying error as its source.

use std::error::Error as _;

use ews_auth::{ClientCertificate, Credentials, SchemeKind};

use super::*;
use crate::{Auth, CallOptions, Proxy, Transport, TransportBuilder};

#[test]
fn errors_are_send_sync_static() {
    fn check<T: std::error::Error + Send + Sync + 'static>() {}
    check::<Error>();
    check::<AuthError>();
    check::<ConfigError>();
}

/// The configuration error `build` gives, and the text of its source (if any).
fn build_error(b: &mut TransportBuilder) -> (ConfigError, Option<String>) {
    let e = b.build().unwrap_err();
    let source = e.source().map(ToString::to_string);
    match e {
        Error::Config(c) => (c, source),
        other => panic!("{other:?}"),
    }
}

fn builder(url: &str) -> TransportBuilder {
    let mut b = Transport::builder(url);
    b.dump_from_env(false);
    b
}

#[tokio::test]
async fn urls() {
    let (c, source) = build_error(&mut builder("https://bad host/EWS"));
    assert!(matches!(&c, ConfigError::InvalidUrl { url, .. } if url == "https://bad host/EWS"));
    assert!(source.is_some());
    // The message is the variant's own; the parser's text is only in the source.
    assert_eq!(c.to_string(), r#"invalid URL "https://bad host/EWS""#);

    let (c, source) = build_error(&mut builder("ftp://mail.example.test/EWS"));
    assert!(matches!(c, ConfigError::UnsupportedScheme { .. }), "{c:?}");
    assert_eq!(source, None);

    let (c, _) = build_error(&mut builder("/EWS/Exchange.asmx"));
    assert!(matches!(c, ConfigError::UnsupportedScheme { .. }), "{c:?}");

    let (c, source) = build_error(&mut builder("http://mail.example.test/EWS"));
    assert!(matches!(c, ConfigError::PlainHttp { .. }), "{c:?}");
    assert_eq!(source, None);

    // A per-call URL is checked when the call is made, before any connection.
    let t = builder("https://mail.example.test/EWS").build().unwrap();
    let e = t
        .send_envelope(
            &b"<x/>"[..],
            &CallOptions::new("GetFolder").url("https://a b/"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::Config(ConfigError::InvalidUrl { url, .. }) if url == "https://a b/"),
        "{e:?}"
    );
    assert!(e.source().is_some());
}

#[tokio::test]
async fn header_values() {
    let (c, source) = build_error(builder("https://mail.example.test/EWS").user_agent("a\nb"));
    let ConfigError::InvalidHeaderValue { header, value, .. } = &c else {
        panic!("{c:?}")
    };
    assert_eq!((*header, value.as_str()), ("User-Agent", "a\nb"));
    assert!(source.is_some());
}

#[tokio::test]
async fn certificates() {
    let mut b = builder("https://mail.example.test/EWS");
    b.add_root_certificate(&b"not a certificate"[..]);
    let (c, source) = build_error(&mut b);
    assert!(
        matches!(c, ConfigError::RootCertificate { host: None, .. }),
        "{c:?}"
    );
    assert!(source.is_some());

    let mut b = builder("https://mail.example.test/EWS");
    b.add_root_certificate_for_host("Mail.Example.Test", &b"not a certificate"[..]);
    let (c, _) = build_error(&mut b);
    let ConfigError::RootCertificate { host, .. } = &c else {
        panic!("{c:?}")
    };
    assert_eq!(host.as_deref(), Some("mail.example.test"));
    assert_eq!(
        c.to_string(),
        "invalid extra root certificate for mail.example.test"
    );

    // Well-formed PEM around an empty DER SEQUENCE: a key the TLS library cannot load.
    let cert = ClientCertificate::from_pem(
        b"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n",
        b"-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n",
    )
    .unwrap();
    let (c, source) =
        build_error(builder("https://mail.example.test/EWS").client_certificate(cert));
    assert!(matches!(c, ConfigError::ClientCertificate(_)), "{c:?}");
    assert!(source.is_some());
}

#[test]
fn proxies() {
    let e = Proxy::new("https://proxy.test:3128").unwrap_err();
    assert!(
        matches!(
            e,
            Error::Config(ConfigError::InvalidProxy { source: None, .. })
        ),
        "{e:?}"
    );
    assert!(e.source().is_none());

    // The credentials of a bad proxy URL stay out of the message.
    let e = Proxy::new("http://user:hunter2@proxy test:3128").unwrap_err();
    assert!(
        matches!(
            &e,
            Error::Config(ConfigError::InvalidProxy {
                source: Some(_),
                ..
            })
        ),
        "{e:?}"
    );
    assert!(e.source().is_some());
    assert_eq!(
        e.to_string(),
        r#"invalid proxy URL "http://[redacted]@proxy test:3128""#
    );
    assert!(!format!("{e:?}").contains("hunter2"), "{e:?}");
}

#[tokio::test]
async fn connection_bound_scheme_needs_a_factory() {
    let creds = Credentials::password(r"EXAMPLE\alice", "pw").unwrap();
    let ntlm = SchemeKind::Ntlm.build(&creds).unwrap();
    let auth = Auth(crate::auth::Inner::Scheme(ntlm));
    let (c, source) = build_error(builder("https://mail.example.test/EWS").auth(auth));
    assert!(
        matches!(c, ConfigError::ConnectionBoundScheme { scheme: "NTLM" }),
        "{c:?}"
    );
    assert_eq!(source, None);
}

#[tokio::test]
async fn dump_dir() {
    let file = tempfile::NamedTempFile::new().unwrap();
    let dir = file.path().join("dumps");
    let (c, source) = build_error(builder("https://mail.example.test/EWS").dump_dir(&dir));
    assert!(
        matches!(&c, ConfigError::DumpDir { dir: d, .. } if *d == dir),
        "{c:?}"
    );
    assert!(source.is_some());
}

/// A host the URL parser accepts but that is no TLS server name fails before any connection
/// is opened.
#[tokio::test]
async fn server_name() {
    let t = builder("https://bad-.example.test/EWS").build().unwrap();
    let e = t
        .send_envelope(&b"<x/>"[..], &CallOptions::new("GetFolder"))
        .await
        .unwrap_err();
    let Error::Config(ConfigError::ServerName { host, .. }) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(host, "bad-.example.test");
    assert!(e.source().is_some());
}
