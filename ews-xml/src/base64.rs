//! base64 for `xs:base64Binary` content (attachments, MIME content, binary properties), as
//! the [`Reader`](crate::Reader) and [`Writer`](crate::Writer) use it.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// Decodes base64 text (standard alphabet, padded), ignoring XML whitespace (servers wrap long
/// values). `None` if it is not base64.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    if text.bytes().any(|b| b.is_ascii_whitespace()) {
        let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
        STANDARD.decode(compact).ok()
    } else {
        STANDARD.decode(text).ok()
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

/// Encodes bytes as base64 text (standard alphabet, padded).
pub fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}
