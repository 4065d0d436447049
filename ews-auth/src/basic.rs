//! HTTP Basic (RFC 7617).

use std::time::Instant;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::HeaderValue;
use zeroize::Zeroizing;

use crate::challenge::{Challenge, Scheme};
use crate::credentials::{Credentials, Secret, UserName};
use crate::error::{CredentialsError, Error};
use crate::scheme::{AuthScheme, AuthStep, Failure, RequestInfo, sensitive};

/// HTTP Basic: `Authorization: Basic base64(user:password)`, the user name as given,
/// UTF-8 encoded, sent preemptively on every request.
///
/// Only use it over TLS: the password crosses the wire in the clear.
#[derive(Debug)]
pub struct Basic {
    username: UserName,
    password: Secret,
    sent: bool,
    failed: bool,
}

impl Basic {
    /// Basic for password credentials.
    pub fn new(credentials: &Credentials) -> Result<Self, Error> {
        match credentials {
            Credentials::Password { username, password } => Ok(Self {
                username: username.clone(),
                password: password.clone(),
                sent: false,
                failed: false,
            }),
            Credentials::Token(_) => Err(CredentialsError::WrongKind.into()),
        }
    }

    fn header(&self) -> Result<HeaderValue, Error> {
        let pair = Zeroizing::new(format!(
            "{}:{}",
            self.username.as_given(),
            self.password.expose()
        ));
        let mut value = Zeroizing::new(String::from("Basic "));
        STANDARD.encode_string(pair.as_bytes(), &mut value);
        sensitive(value.as_bytes())
    }
}

impl AuthScheme for Basic {
    fn name(&self) -> &'static str {
        "Basic"
    }

    fn poll_authorization(
        &mut self,
        _request: &RequestInfo<'_>,
        _now: Instant,
    ) -> Result<Option<HeaderValue>, Error> {
        if self.failed {
            return Ok(None);
        }
        self.sent = true;
        self.header().map(Some)
    }

    fn handle_challenge(
        &mut self,
        challenges: &[Challenge],
        _now: Instant,
    ) -> Result<AuthStep, Error> {
        if self.failed {
            return Ok(AuthStep::Failed(Failure::AlreadyFailed));
        }
        if !challenges.iter().any(|c| c.scheme == Scheme::Basic) {
            return Ok(AuthStep::Failed(Failure::NotOffered));
        }
        if self.sent {
            self.failed = true;
            return Ok(AuthStep::Failed(Failure::Rejected));
        }
        Ok(AuthStep::Retry)
    }

    fn is_connection_bound(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_www_authenticate;

    #[test]
    fn header_exact() {
        // RFC 7617 section 2.
        let creds = Credentials::password("Aladdin", "open sesame").unwrap();
        let mut b = Basic::new(&creds).unwrap();
        let now = Instant::now();
        let v = b
            .poll_authorization(&RequestInfo::new("POST", "/EWS/Exchange.asmx"), now)
            .unwrap()
            .unwrap();
        assert_eq!(v, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assert!(v.is_sensitive());
        // The domain form is sent as given.
        let creds = Credentials::password(r"CORP\alice", "pw").unwrap();
        let v = Basic::new(&creds).unwrap().header().unwrap();
        assert_eq!(
            v,
            format!("Basic {}", STANDARD.encode(r"CORP\alice:pw")).as_str()
        );
    }

    #[test]
    fn second_401_fails() {
        let creds = Credentials::password("alice@corp.example", "s3cr3t-pw").unwrap();
        let mut b = Basic::new(&creds).unwrap();
        let now = Instant::now();
        let ch = parse_www_authenticate(&[r#"Basic realm="mail.example.test""#]).unwrap();
        assert_eq!(b.handle_challenge(&ch, now).unwrap(), AuthStep::Retry);
        b.poll_authorization(&RequestInfo::default(), now).unwrap();
        assert_eq!(
            b.handle_challenge(&ch, now).unwrap(),
            AuthStep::Failed(Failure::Rejected)
        );
        assert_eq!(
            b.poll_authorization(&RequestInfo::default(), now).unwrap(),
            None
        );
        assert!(!format!("{b:?}").contains("s3cr3t"));
    }
}
