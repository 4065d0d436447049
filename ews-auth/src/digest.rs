//! HTTP Digest (RFC 7616), with `qop=auth`.

use std::fmt::Write as _;
use std::time::Instant;

use http::HeaderValue;
use md5::Md5;
use sha2::{Digest as _, Sha256, Sha512_256};
use zeroize::Zeroizing;

use crate::challenge::{Challenge, Scheme, write_quoted};
use crate::credentials::{Credentials, Secret, UserName};
use crate::error::{CredentialsError, DigestError, Error};
use crate::scheme::{AuthScheme, AuthStep, Failure, RequestInfo, sensitive};

/// Where Digest client nonces (`cnonce`) come from. Implemented for closures
/// `FnMut() -> String`; the default, [`RandomNonce`], reads the operating system's
/// random source. Inject a fixed source in tests.
pub trait NonceSource: Send {
    /// A fresh client nonce: printable ASCII without `"` or `\`.
    fn cnonce(&mut self) -> Result<String, Error>;
}

impl<F: FnMut() -> String + Send> NonceSource for F {
    fn cnonce(&mut self) -> Result<String, Error> {
        Ok(self())
    }
}

/// 128 random bits from the operating system, hex-encoded.
#[derive(Clone, Copy, Debug, Default)]
pub struct RandomNonce;

impl NonceSource for RandomNonce {
    fn cnonce(&mut self) -> Result<String, Error> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| Error::Other(Box::new(e)))?;
        Ok(hex(&bytes))
    }
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Algorithm {
    Md5,
    Sha256,
    Sha512_256,
}

impl Algorithm {
    fn hash(self, data: &[u8]) -> Zeroizing<String> {
        Zeroizing::new(match self {
            Self::Md5 => hex(&Md5::digest(data)),
            Self::Sha256 => hex(&Sha256::digest(data)),
            Self::Sha512_256 => hex(&Sha512_256::digest(data)),
        })
    }
}

/// The parameters of a Digest challenge this crate can answer.
#[derive(Clone, Debug)]
struct Params {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    algorithm: Algorithm,
    /// The `algorithm` value as the server spelled it, echoed back.
    algorithm_name: String,
    sess: bool,
    /// `qop=auth` offered; `false` for an RFC 2069 challenge without `qop`.
    qop_auth: bool,
    userhash: bool,
    stale: bool,
}

fn params(c: &Challenge) -> Result<Params, DigestError> {
    let algorithm_name = c.param("algorithm").unwrap_or("MD5").to_owned();
    let upper = algorithm_name.to_ascii_uppercase();
    let (base, sess) = match upper.strip_suffix("-SESS") {
        Some(b) => (b, true),
        None => (upper.as_str(), false),
    };
    let algorithm = match base {
        "MD5" => Algorithm::Md5,
        "SHA-256" => Algorithm::Sha256,
        "SHA-512-256" => Algorithm::Sha512_256,
        _ => return Err(DigestError::UnsupportedAlgorithm(algorithm_name)),
    };
    let qop_auth = match c.param("qop") {
        None => false,
        Some(q) => {
            if q.split(',').any(|v| v.trim().eq_ignore_ascii_case("auth")) {
                true
            } else {
                return Err(DigestError::UnsupportedQop(q.to_owned()));
            }
        }
    };
    let flag = |name| {
        c.param(name)
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    };
    Ok(Params {
        realm: c
            .param("realm")
            .ok_or(DigestError::MissingParameter("realm"))?
            .to_owned(),
        nonce: c
            .param("nonce")
            .ok_or(DigestError::MissingParameter("nonce"))?
            .to_owned(),
        opaque: c.param("opaque").map(str::to_owned),
        algorithm,
        algorithm_name,
        sess,
        qop_auth,
        userhash: flag("userhash"),
        stale: flag("stale"),
    })
}

/// True if `c` is a Digest challenge this crate can answer.
pub(crate) fn is_usable(c: &Challenge) -> bool {
    c.scheme == Scheme::Digest && params(c).is_ok()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sent {
    Nothing,
    Normal,
    StaleRetry,
}

/// HTTP Digest (RFC 7616): MD5, SHA-256 and SHA-512/256, each also `-sess`; `qop=auth`
/// (and RFC 2069 challenges without `qop`); `userhash`; `opaque` echoed; the nonce count
/// advances on every request that reuses a nonce.
///
/// The first Digest challenge with an algorithm it implements is used. A 401 with
/// `stale=true` retries once with the new nonce; any other 401 after credentials were
/// sent is a failure. `auth-int` and the `username*` form for non-ASCII names are not
/// implemented.
pub struct Digest {
    username: UserName,
    password: Secret,
    nonces: Box<dyn NonceSource>,
    params: Option<Params>,
    nc: u32,
    sent: Sent,
    next_is_stale_retry: bool,
    failed: bool,
}

impl std::fmt::Debug for Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Digest")
            .field("username", &self.username)
            .field("password", &self.password)
            .field("params", &self.params)
            .field("nc", &self.nc)
            .finish_non_exhaustive()
    }
}

impl Digest {
    /// Digest for password credentials, with random client nonces.
    pub fn new(credentials: &Credentials) -> Result<Self, Error> {
        match credentials {
            Credentials::Password { username, password } => Ok(Self {
                username: username.clone(),
                password: password.clone(),
                nonces: Box::new(RandomNonce),
                params: None,
                nc: 0,
                sent: Sent::Nothing,
                next_is_stale_retry: false,
                failed: false,
            }),
            Credentials::Token(_) => Err(CredentialsError::WrongKind.into()),
        }
    }

    /// Replaces the client nonce source (deterministic nonces for tests).
    pub fn with_nonce_source(mut self, nonces: impl NonceSource + 'static) -> Self {
        self.nonces = Box::new(nonces);
        self
    }

    fn header(&mut self, request: &RequestInfo<'_>) -> Result<Option<HeaderValue>, Error> {
        let Some(p) = &self.params else {
            return Ok(None);
        };
        let h = |data: &str| p.algorithm.hash(data.as_bytes());
        let cnonce = self.nonces.cnonce()?;
        if cnonce.is_empty()
            || !cnonce
                .bytes()
                .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
        {
            return Err(DigestError::BadClientNonce.into());
        }
        self.nc = self.nc.wrapping_add(1);
        let nc = format!("{:08x}", self.nc);
        let user = self.username.as_given();
        let mut ha1 = h(&Zeroizing::new(format!(
            "{user}:{}:{}",
            p.realm,
            self.password.expose()
        )));
        if p.sess {
            ha1 = h(&format!("{}:{}:{cnonce}", ha1.as_str(), p.nonce));
        }
        let ha2 = h(&format!("{}:{}", request.method, request.uri));
        let response = if p.qop_auth {
            h(&format!(
                "{}:{}:{nc}:{cnonce}:auth:{}",
                ha1.as_str(),
                p.nonce,
                ha2.as_str()
            ))
        } else {
            h(&format!("{}:{}:{}", ha1.as_str(), p.nonce, ha2.as_str()))
        };
        let username = if p.userhash {
            h(&format!("{user}:{}", p.realm)).to_string()
        } else {
            user.to_owned()
        };
        let mut v = String::from("Digest username=");
        // Writing to a String cannot fail.
        let _ = write_quoted(&mut v, &username);
        v.push_str(", realm=");
        let _ = write_quoted(&mut v, &p.realm);
        v.push_str(", uri=");
        let _ = write_quoted(&mut v, request.uri);
        let _ = write!(v, ", algorithm={}, nonce=", p.algorithm_name);
        let _ = write_quoted(&mut v, &p.nonce);
        if p.qop_auth {
            let _ = write!(v, ", nc={nc}, cnonce=\"{cnonce}\", qop=auth");
        }
        let _ = write!(v, ", response=\"{}\"", response.as_str());
        if let Some(o) = &p.opaque {
            v.push_str(", opaque=");
            let _ = write_quoted(&mut v, o);
        }
        if p.userhash {
            v.push_str(", userhash=true");
        }
        sensitive(v.as_bytes()).map(Some)
    }
}

impl AuthScheme for Digest {
    fn name(&self) -> &'static str {
        "Digest"
    }

    fn poll_authorization(
        &mut self,
        request: &RequestInfo<'_>,
        _now: Instant,
    ) -> Result<Option<HeaderValue>, Error> {
        if self.failed {
            return Ok(None);
        }
        let v = self.header(request)?;
        if v.is_some() {
            self.sent = if std::mem::take(&mut self.next_is_stale_retry) {
                Sent::StaleRetry
            } else {
                Sent::Normal
            };
        }
        Ok(v)
    }

    fn handle_challenge(
        &mut self,
        challenges: &[Challenge],
        _now: Instant,
    ) -> Result<AuthStep, Error> {
        if self.failed {
            return Ok(AuthStep::Failed(Failure::AlreadyFailed));
        }
        let Some(p) = challenges
            .iter()
            .filter(|c| c.scheme == Scheme::Digest)
            .find_map(|c| params(c).ok())
        else {
            return Ok(AuthStep::Failed(Failure::NotOffered));
        };
        let step = match self.sent {
            Sent::Nothing => AuthStep::Retry,
            Sent::Normal if p.stale => {
                self.next_is_stale_retry = true;
                AuthStep::Retry
            }
            Sent::Normal | Sent::StaleRetry => {
                self.failed = true;
                return Ok(AuthStep::Failed(Failure::Rejected));
            }
        };
        self.params = Some(p);
        self.nc = 0;
        self.sent = Sent::Nothing;
        Ok(step)
    }

    fn is_connection_bound(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests;
