//! The NTLM message layouts ([MS-NLMP] 2.2): reading NEGOTIATE and AUTHENTICATE messages
//! and the NTLMv2 blob with every bound checked, and writing CHALLENGE messages.

use super::{Acceptor, Error, SIGNATURE, av, flags, utf16le};

/// The fixed header of a NEGOTIATE message up to its flags.
const NEGOTIATE_MIN: usize = 16;
/// The fixed header of an AUTHENTICATE message up to its flags (Version and MIC are
/// optional and not read).
const AUTHENTICATE_MIN: usize = 64;
/// The fixed part of the NTLMv2 blob before its AV pairs.
const BLOB_HEADER: usize = 28;
/// NTProofStr.
const PROOF_LEN: usize = 16;
/// The fixed header of a CHALLENGE message, Version included.
const CHALLENGE_HEADER: usize = 56;
/// The version structure sent: 10.0 build 17763, NTLM revision 15.
const VERSION: [u8; 8] = [10, 0, 0x63, 0x45, 0, 0, 0, 15];

fn u16_at(msg: &[u8], at: usize) -> Option<u16> {
    let b = msg.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(msg: &[u8], at: usize) -> Option<u32> {
    let b = msg.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u64_at(msg: &[u8], at: usize) -> Option<u64> {
    let b: [u8; 8] = msg.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(b))
}

/// Checks the signature, the message type and the minimum length.
fn header(msg: &[u8], expected: u32, needed: usize) -> Result<(), Error> {
    if msg.len() < needed {
        return Err(Error::Truncated {
            needed,
            len: msg.len(),
        });
    }
    if !msg.starts_with(SIGNATURE) {
        return Err(Error::Signature);
    }
    let found = u32_at(msg, 8).ok_or(Error::Truncated {
        needed,
        len: msg.len(),
    })?;
    if found != expected {
        return Err(Error::MessageType { expected, found });
    }
    Ok(())
}

/// The payload a security buffer (length, allocated length, offset) at `at` points to.
fn buffer<'a>(msg: &'a [u8], at: usize, field: &'static str) -> Result<&'a [u8], Error> {
    let truncated = Error::Truncated {
        needed: at + 8,
        len: msg.len(),
    };
    let len = usize::from(u16_at(msg, at).ok_or_else(|| truncated.clone())?);
    let offset = u32_at(msg, at + 4).ok_or(truncated)? as usize;
    if len == 0 {
        return Ok(&[]);
    }
    offset
        .checked_add(len)
        .and_then(|end| msg.get(offset..end))
        .ok_or(Error::OutOfRange { field, len, offset })
}

fn string(bytes: &[u8], unicode: bool, field: &'static str) -> Result<String, Error> {
    if !unicode {
        // The OEM code page is unknown here: read it as Latin-1, exact for ASCII.
        return Ok(bytes.iter().copied().map(char::from).collect());
    }
    if bytes.len() % 2 != 0 {
        return Err(Error::BadString { field });
    }
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16(&units).map_err(|_| Error::BadString { field })
}

/// The flags of a NEGOTIATE_MESSAGE (2.2.1.1).
pub(super) fn negotiate_flags(msg: &[u8]) -> Result<u32, Error> {
    header(msg, 1, NEGOTIATE_MIN)?;
    u32_at(msg, 12).ok_or(Error::Truncated {
        needed: NEGOTIATE_MIN,
        len: msg.len(),
    })
}

fn push_buffer_fields(m: &mut Vec<u8>, len: usize, offset: usize) {
    // Callers keep lengths within u16 (names are short; see `challenge_message`).
    let len = u16::try_from(len).unwrap_or(u16::MAX);
    let offset = u32::try_from(offset).unwrap_or(u32::MAX);
    m.extend_from_slice(&len.to_le_bytes());
    m.extend_from_slice(&len.to_le_bytes());
    m.extend_from_slice(&offset.to_le_bytes());
}

fn push_av(info: &mut Vec<u8>, id: u16, value: &[u8]) {
    let len = u16::try_from(value.len()).unwrap_or(u16::MAX);
    info.extend_from_slice(&id.to_le_bytes());
    info.extend_from_slice(&len.to_le_bytes());
    info.extend_from_slice(&value[..usize::from(len)]);
}

/// Cuts a name so that its UTF-16 form fits a security buffer.
fn bounded(s: &str) -> String {
    s.chars().take(1024).collect()
}

/// A CHALLENGE_MESSAGE (2.2.1.2) answering `requested` flags.
pub(super) fn challenge_message(
    acceptor: &Acceptor,
    requested: u32,
    server_challenge: [u8; 8],
    timestamp: u64,
) -> Vec<u8> {
    let unicode = requested & flags::UNICODE != 0;
    let echoed = requested
        & (flags::ALWAYS_SIGN | flags::EXTENDED_SESSION_SECURITY | flags::N128 | flags::N56);
    let answer = echoed
        | if unicode { flags::UNICODE } else { flags::OEM }
        | flags::REQUEST_TARGET
        | flags::NTLM
        | flags::TARGET_TYPE_DOMAIN
        | flags::TARGET_INFO
        | flags::VERSION;
    let domain = bounded(&acceptor.domain);
    let target = if unicode {
        utf16le(&domain)
    } else {
        domain
            .bytes()
            .map(|b| if b.is_ascii() { b } else { b'?' })
            .collect()
    };
    let mut info = Vec::new();
    push_av(&mut info, av::NB_DOMAIN_NAME, &utf16le(&domain));
    push_av(
        &mut info,
        av::NB_COMPUTER_NAME,
        &utf16le(&bounded(&acceptor.computer)),
    );
    push_av(
        &mut info,
        av::DNS_DOMAIN_NAME,
        &utf16le(&bounded(&acceptor.dns_domain)),
    );
    push_av(
        &mut info,
        av::DNS_COMPUTER_NAME,
        &utf16le(&bounded(&acceptor.dns_computer)),
    );
    push_av(&mut info, av::TIMESTAMP, &timestamp.to_le_bytes());
    push_av(&mut info, av::EOL, &[]);

    let mut m = Vec::with_capacity(CHALLENGE_HEADER + target.len() + info.len());
    m.extend_from_slice(SIGNATURE);
    m.extend_from_slice(&2u32.to_le_bytes());
    push_buffer_fields(&mut m, target.len(), CHALLENGE_HEADER);
    m.extend_from_slice(&answer.to_le_bytes());
    m.extend_from_slice(&server_challenge);
    m.extend_from_slice(&[0; 8]);
    push_buffer_fields(&mut m, info.len(), CHALLENGE_HEADER + target.len());
    m.extend_from_slice(&VERSION);
    m.extend_from_slice(&target);
    m.extend_from_slice(&info);
    m
}

/// The fields of an AUTHENTICATE_MESSAGE (2.2.1.3), names decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthenticateMessage {
    /// The negotiate flags.
    pub flags: u32,
    /// The LM (or LMv2) challenge response.
    pub lm_response: Vec<u8>,
    /// The NT challenge response (for NTLMv2: NTProofStr followed by the blob).
    pub nt_response: Vec<u8>,
    /// The domain name.
    pub domain: String,
    /// The user name.
    pub user: String,
    /// The workstation name.
    pub workstation: String,
    /// The encrypted random session key (empty when none).
    pub session_key: Vec<u8>,
}

impl AuthenticateMessage {
    /// Reads an AUTHENTICATE message, checking every security buffer against the message.
    pub fn parse(msg: &[u8]) -> Result<Self, Error> {
        header(msg, 3, AUTHENTICATE_MIN)?;
        let negotiated = u32_at(msg, 60).ok_or(Error::Truncated {
            needed: AUTHENTICATE_MIN,
            len: msg.len(),
        })?;
        let unicode = negotiated & flags::UNICODE != 0;
        Ok(Self {
            flags: negotiated,
            lm_response: buffer(msg, 12, "LmChallengeResponse")?.to_vec(),
            nt_response: buffer(msg, 20, "NtChallengeResponse")?.to_vec(),
            domain: string(buffer(msg, 28, "DomainName")?, unicode, "DomainName")?,
            user: string(buffer(msg, 36, "UserName")?, unicode, "UserName")?,
            workstation: string(buffer(msg, 44, "Workstation")?, unicode, "Workstation")?,
            session_key: buffer(msg, 52, "EncryptedRandomSessionKey")?.to_vec(),
        })
    }
}

/// An NTLMv2 response split into NTProofStr and the blob, with what the acceptor reads
/// from the blob.
pub(super) struct NtlmV2Blob<'a> {
    pub(super) proof: &'a [u8],
    pub(super) bytes: &'a [u8],
    pub(super) timestamp: u64,
    pub(super) channel_bindings: Option<[u8; 16]>,
}

impl<'a> NtlmV2Blob<'a> {
    pub(super) fn parse(nt_response: &'a [u8]) -> Result<Self, Error> {
        if nt_response.len() < PROOF_LEN + BLOB_HEADER {
            return Err(Error::NotNtlmV2 {
                len: nt_response.len(),
            });
        }
        let (proof, bytes) = nt_response.split_at(PROOF_LEN);
        if bytes[0] != 1 || bytes[1] != 1 {
            return Err(Error::Blob("unknown response version"));
        }
        let timestamp = u64_at(bytes, 8).ok_or(Error::Blob("no timestamp"))?;
        let mut channel_bindings = None;
        let mut at = BLOB_HEADER;
        loop {
            let (Some(id), Some(len)) = (u16_at(bytes, at), u16_at(bytes, at + 2)) else {
                return Err(Error::Blob("the AV pairs end without MsvAvEOL"));
            };
            let start = at + 4;
            let value = bytes
                .get(start..start + usize::from(len))
                .ok_or(Error::Blob("an AV pair runs past the end"))?;
            match id {
                av::EOL => break,
                av::CHANNEL_BINDINGS => {
                    let hash: [u8; 16] = value
                        .try_into()
                        .map_err(|_| Error::Blob("MsvAvChannelBindings is not 16 bytes"))?;
                    channel_bindings = Some(hash);
                }
                _ => {}
            }
            at = start + usize::from(len);
        }
        Ok(Self {
            proof,
            bytes,
            timestamp,
            channel_bindings,
        })
    }
}
