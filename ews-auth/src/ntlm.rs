//! NTLM (NTLMv2, [MS-NLMP]) on top of the `ntlmclient` crate, whose types stay private.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::HeaderValue;
use md5::{Digest as _, Md5};
use ntlmclient::{Flags, TargetInfoEntry, TargetInfoType};
use zeroize::Zeroize as _;

use crate::challenge::{Challenge, Scheme};
use crate::credentials::{Credentials, Secret};
use crate::error::{CredentialsError, Error, NtlmError};
use crate::scheme::{AuthScheme, AuthStep, Failure, RequestInfo, sensitive};

/// Seconds between 1601-01-01 (the FILETIME epoch) and 1970-01-01.
const FILETIME_UNIX_OFFSET: u64 = 11_644_473_600;

/// The largest security buffer an NTLM message can carry.
const MAX_BUFFER: usize = u16::MAX as usize;

/// NTLM over HTTP (`WWW-Authenticate: NTLM`), NTLMv2 only.
///
/// The exchange runs on one connection ([`is_connection_bound`](AuthScheme::is_connection_bound)):
/// `poll_authorization` gives the Negotiate message; the server's 401 carries the
/// Challenge message, fed through `handle_challenge`; the next `poll_authorization` gives
/// the Authenticate message, after which the connection is authenticated and no further
/// header is needed. A 401 after the Authenticate message means the password was wrong:
/// [`AuthStep::Failed`], never another round. Build a new `Ntlm` for each connection.
///
/// - **Channel binding** (Extended Protection for Authentication): when the request
///   carries [`RequestInfo::tls_server_end_point`], the `MsvAvChannelBindings` AV pair (the
///   MD5 of the `gss_channel_bindings_struct` around `tls-server-end-point:` + hash) is
///   added to the NTLMv2 response.
/// - **No session key**: the exported session key is cleared before the Authenticate
///   message is built (no signing or sealing is negotiated; HTTP needs none).
/// - **Known gaps**: no MIC (message integrity code) and no `MsvAvTargetName` (SPN); no
///   NTLMv1 fallback; NTLM tokens inside `Negotiate` are not sent. The client challenge
///   comes from `ntlmclient`'s own OS random source.
/// - **Time**: the NTLMv2 timestamp is the server's `MsvAvTimestamp` (Windows always sends
///   one); only if it is missing is the wall clock read, through
///   [`with_wall_clock`](Self::with_wall_clock) (default: [`SystemTime::now`]).
pub struct Ntlm {
    domain: String,
    user: String,
    password: Secret,
    workstation: String,
    wall_clock: fn() -> SystemTime,
    state: State,
}

enum State {
    Initial,
    SentNegotiate,
    Challenged(Box<ntlmclient::ChallengeMessage>),
    SentAuthenticate,
    Failed,
}

impl std::fmt::Debug for Ntlm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match self.state {
            State::Initial => "Initial",
            State::SentNegotiate => "SentNegotiate",
            State::Challenged(_) => "Challenged",
            State::SentAuthenticate => "SentAuthenticate",
            State::Failed => "Failed",
        };
        f.debug_struct("Ntlm")
            .field("domain", &self.domain)
            .field("user", &self.user)
            .field("password", &self.password)
            .field("workstation", &self.workstation)
            .field("state", &state)
            .finish()
    }
}

impl Ntlm {
    /// NTLM for password credentials: `DOMAIN\user` is sent as domain and user, UPN and
    /// plain forms whole with an empty domain.
    pub fn new(credentials: &Credentials) -> Result<Self, Error> {
        let Credentials::Password { username, password } = credentials else {
            return Err(CredentialsError::WrongKind.into());
        };
        let (domain, user) = username.ntlm_parts();
        Ok(Self {
            domain: domain.to_owned(),
            user: user.to_owned(),
            password: password.clone(),
            workstation: String::new(),
            wall_clock: SystemTime::now,
            state: State::Initial,
        })
    }

    /// The workstation name sent in the Authenticate message (default: empty).
    pub fn with_workstation(mut self, workstation: impl Into<String>) -> Self {
        self.workstation = workstation.into();
        self
    }

    /// The wall clock read when the server's challenge has no timestamp.
    pub fn with_wall_clock(mut self, clock: fn() -> SystemTime) -> Self {
        self.wall_clock = clock;
        self
    }

    fn negotiate(&self) -> Result<HeaderValue, Error> {
        // Domain and workstation stay out of the Negotiate message (they would have to be
        // OEM-encoded there); the Authenticate message carries them.
        let flags = Flags::NEGOTIATE_UNICODE
            | Flags::REQUEST_TARGET
            | Flags::NEGOTIATE_NTLM
            | Flags::NEGOTIATE_ALWAYS_SIGN
            | Flags::NEGOTIATE_NTLM2_KEY
            | Flags::NEGOTIATE_128BIT
            | Flags::NEGOTIATE_56BIT;
        let msg = ntlmclient::Message::Negotiate(ntlmclient::NegotiateMessage {
            flags,
            supplied_domain: String::new(),
            supplied_workstation: String::new(),
            os_version: ntlmclient::OsVersion::default(),
        });
        header(&msg)
    }

    fn authenticate(
        &self,
        challenge: &ntlmclient::ChallengeMessage,
        request: &RequestInfo<'_>,
    ) -> Result<HeaderValue, Error> {
        for s in [&self.domain, &self.user, &self.workstation] {
            check_len(s)?;
        }
        let mut time = None;
        let mut entries: Vec<TargetInfoEntry> =
            Vec::with_capacity(challenge.target_information.len() + 2);
        for e in &challenge.target_information {
            match e.entry_type {
                TargetInfoType::Terminator => break,
                TargetInfoType::ChannelBindings if request.tls_server_end_point.is_some() => {}
                TargetInfoType::Timestamp => {
                    if let Ok(b) = <[u8; 8]>::try_from(e.data.as_slice()) {
                        time = Some(i64::from_le_bytes(b));
                    }
                    entries.push(e.clone());
                }
                _ => entries.push(e.clone()),
            }
        }
        if let Some(hash) = request.tls_server_end_point {
            entries.push(TargetInfoEntry {
                entry_type: TargetInfoType::ChannelBindings,
                data: channel_bindings_hash(hash).to_vec(),
            });
        }
        entries.push(TargetInfoEntry {
            entry_type: TargetInfoType::Terminator,
            data: Vec::new(),
        });
        let target_info: Vec<u8> = entries.iter().flat_map(TargetInfoEntry::to_bytes).collect();
        // NTProofStr, the fixed blob header and the trailing zeros around the AV pairs.
        if target_info.len() + 16 + 28 + 4 > MAX_BUFFER {
            return Err(NtlmError::ChallengeTooLarge.into());
        }
        let time = time.unwrap_or_else(|| filetime((self.wall_clock)()));
        let mut creds = ntlmclient::Credentials {
            username: self.user.clone(),
            password: self.password.expose().to_owned(),
            domain: self.domain.clone(),
        };
        let mut response =
            ntlmclient::respond_challenge_ntlm_v2(challenge.challenge, &target_info, time, &creds);
        creds.password.zeroize();
        // Never export the session key: `to_message` would copy it into the message.
        response.session_key.zeroize();
        let flags = Flags::NEGOTIATE_UNICODE
            | Flags::NEGOTIATE_NTLM
            | (challenge.flags
                & (Flags::REQUEST_TARGET
                    | Flags::NEGOTIATE_ALWAYS_SIGN
                    | Flags::NEGOTIATE_NTLM2_KEY
                    | Flags::NEGOTIATE_TARGET_INFO
                    | Flags::NEGOTIATE_128BIT
                    | Flags::NEGOTIATE_56BIT));
        let msg = response.to_message(&creds, &self.workstation, flags);
        response.lm_response.zeroize();
        response.ntlm_response.zeroize();
        header(&msg)
    }
}

fn check_len(s: &str) -> Result<(), NtlmError> {
    if s.encode_utf16().count() * 2 > MAX_BUFFER {
        return Err(NtlmError::NameTooLong);
    }
    Ok(())
}

fn header(msg: &ntlmclient::Message) -> Result<HeaderValue, Error> {
    let bytes = msg
        .to_bytes()
        .map_err(|e| NtlmError::Encode(e.to_string()))?;
    let mut value = String::from("NTLM ");
    STANDARD.encode_string(bytes, &mut value);
    sensitive(value.as_bytes())
}

/// 100-nanosecond intervals since 1601-01-01, as NTLM timestamps count.
fn filetime(t: SystemTime) -> i64 {
    let since_unix = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let ticks = (since_unix.as_secs() + FILETIME_UNIX_OFFSET)
        .saturating_mul(10_000_000)
        .saturating_add(u64::from(since_unix.subsec_nanos() / 100));
    i64::try_from(ticks).unwrap_or(i64::MAX)
}

/// MD5 of the `gss_channel_bindings_struct` with no addresses and the application data
/// `tls-server-end-point:` + `hash` (RFC 5929, [MS-NLMP] 3.1.5.1.2).
fn channel_bindings_hash(hash: &[u8]) -> [u8; 16] {
    const PREFIX: &[u8] = b"tls-server-end-point:";
    let app_len = u32::try_from(PREFIX.len() + hash.len()).unwrap_or(u32::MAX);
    let mut md5 = Md5::new();
    md5.update([0u8; 16]); // initiator and acceptor address types and lengths
    md5.update(app_len.to_le_bytes());
    md5.update(PREFIX);
    md5.update(hash);
    md5.finalize().into()
}

fn parse_challenge(token: &str) -> Result<ntlmclient::ChallengeMessage, NtlmError> {
    let bytes = STANDARD.decode(token).map_err(|_| NtlmError::Base64)?;
    match ntlmclient::Message::try_from(bytes.as_slice()) {
        Ok(ntlmclient::Message::Challenge(c)) => Ok(c),
        Ok(other) => Err(NtlmError::InvalidChallenge(format!(
            "message type {} instead of 2",
            other.message_number()
        ))),
        Err(e) => Err(NtlmError::InvalidChallenge(e.to_string())),
    }
}

impl AuthScheme for Ntlm {
    fn name(&self) -> &'static str {
        "NTLM"
    }

    fn poll_authorization(
        &mut self,
        request: &RequestInfo<'_>,
        _now: Instant,
    ) -> Result<Option<HeaderValue>, Error> {
        match std::mem::replace(&mut self.state, State::Failed) {
            State::Initial => {
                let v = self.negotiate()?;
                self.state = State::SentNegotiate;
                Ok(Some(v))
            }
            State::Challenged(c) => {
                let v = self.authenticate(&c, request)?;
                self.state = State::SentAuthenticate;
                Ok(Some(v))
            }
            other => {
                self.state = other;
                Ok(None)
            }
        }
    }

    fn handle_challenge(
        &mut self,
        challenges: &[Challenge],
        _now: Instant,
    ) -> Result<AuthStep, Error> {
        let ntlm = challenges.iter().find(|c| c.scheme == Scheme::Ntlm);
        let (state, step) = match (std::mem::replace(&mut self.state, State::Failed), ntlm) {
            (State::Failed, _) => (State::Failed, AuthStep::Failed(Failure::AlreadyFailed)),
            (State::SentAuthenticate, _) => (State::Failed, AuthStep::Failed(Failure::Rejected)),
            (_, None) => (State::Failed, AuthStep::Failed(Failure::NotOffered)),
            (State::Initial, Some(c)) if c.token68.is_none() => (State::Initial, AuthStep::Retry),
            (
                State::SentNegotiate,
                Some(Challenge {
                    token68: Some(t), ..
                }),
            ) => {
                // A malformed challenge message is an error; the scheme stays failed.
                (
                    State::Challenged(Box::new(parse_challenge(t)?)),
                    AuthStep::Retry,
                )
            }
            _ => (State::Failed, AuthStep::Failed(Failure::Handshake)),
        };
        self.state = state;
        Ok(step)
    }

    fn is_connection_bound(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests;
