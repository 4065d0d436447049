//! The server side of NTLM for the tests: a CHALLENGE message, and the user and domain of an
//! AUTHENTICATE message (no cryptographic check: `ntlm_against_pyspnego` does that against
//! an independent acceptor).

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// A CHALLENGE_MESSAGE ([MS-NLMP] 2.2.1.2) for target `EXAMPLE`.
pub fn challenge_message() -> Vec<u8> {
    const UNICODE: u32 = 0x1;
    const REQUEST_TARGET: u32 = 0x4;
    const NTLM: u32 = 0x200;
    const ALWAYS_SIGN: u32 = 0x8000;
    const TARGET_TYPE_DOMAIN: u32 = 0x1_0000;
    const EXTENDED_SESSION_SECURITY: u32 = 0x8_0000;
    const TARGET_INFO: u32 = 0x80_0000;
    const VERSION: u32 = 0x200_0000;
    const N128: u32 = 0x2000_0000;
    const N56: u32 = 0x8000_0000;
    let flags = UNICODE
        | REQUEST_TARGET
        | NTLM
        | ALWAYS_SIGN
        | TARGET_TYPE_DOMAIN
        | EXTENDED_SESSION_SECURITY
        | TARGET_INFO
        | VERSION
        | N128
        | N56;
    let target = utf16("EXAMPLE");
    let mut info = Vec::new();
    for (id, value) in [(2u16, "EXAMPLE"), (1, "SERVER")] {
        let v = utf16(value);
        info.extend_from_slice(&id.to_le_bytes());
        info.extend_from_slice(&(v.len() as u16).to_le_bytes());
        info.extend_from_slice(&v);
    }
    info.extend_from_slice(&[0, 0, 0, 0]);
    let mut m = Vec::new();
    m.extend_from_slice(b"NTLMSSP\0");
    m.extend_from_slice(&2u32.to_le_bytes());
    let target_offset = 56u32;
    m.extend_from_slice(&(target.len() as u16).to_le_bytes());
    m.extend_from_slice(&(target.len() as u16).to_le_bytes());
    m.extend_from_slice(&target_offset.to_le_bytes());
    m.extend_from_slice(&flags.to_le_bytes());
    m.extend_from_slice(&[0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]);
    m.extend_from_slice(&[0; 8]);
    let info_offset = target_offset + target.len() as u32;
    m.extend_from_slice(&(info.len() as u16).to_le_bytes());
    m.extend_from_slice(&(info.len() as u16).to_le_bytes());
    m.extend_from_slice(&info_offset.to_le_bytes());
    m.extend_from_slice(&[0x06, 0x01, 0xb1, 0x1d, 0, 0, 0, 0x0f]);
    assert_eq!(m.len(), 56);
    m.extend_from_slice(&target);
    m.extend_from_slice(&info);
    m
}

fn field(msg: &[u8], at: usize) -> Option<String> {
    let len = u16::from_le_bytes([*msg.get(at)?, *msg.get(at + 1)?]) as usize;
    let off = u32::from_le_bytes(msg.get(at + 4..at + 8)?.try_into().ok()?) as usize;
    let bytes = msg.get(off..off + len)?;
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16(&units).ok()
}

/// `(domain, user)` of an AUTHENTICATE_MESSAGE (Unicode).
pub fn user_of(msg: &[u8]) -> Option<(String, String)> {
    if msg.get(..8)? != b"NTLMSSP\0" || *msg.get(8)? != 3 {
        return None;
    }
    Some((field(msg, 28)?, field(msg, 36)?))
}
