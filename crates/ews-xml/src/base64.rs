//! base64 for `xs:base64Binary` content (attachments, MIME content, sync states).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// Decodes base64 text, ignoring XML whitespace (servers wrap long values).
pub(crate) fn decode(text: &str) -> Result<Vec<u8>, ()> {
    if text.bytes().any(|b| b.is_ascii_whitespace()) {
        let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
        STANDARD.decode(compact).map_err(|_| ())
    } else {
        STANDARD.decode(text).map_err(|_| ())
    }
}

/// Appends the base64 form of `bytes` to `out`.
pub(crate) fn encode_into(bytes: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    out.resize(start + bytes.len().div_ceil(3) * 4, 0);
    // The buffer is sized exactly for the padded output, so this cannot fail.
    let n = STANDARD.encode_slice(bytes, &mut out[start..]).unwrap_or(0);
    out.truncate(start + n);
}
