//! The server side of Digest (RFC 7616, MD5, qop=auth) for the tests, written independently
//! of ews-auth's client.

use md5::{Digest as _, Md5};

const REALM: &str = "ews-test";
const NONCE: &str = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

pub fn challenge() -> String {
    format!(r#"Digest realm="{REALM}", nonce="{NONCE}", qop="auth", algorithm=MD5"#)
}

fn md5_hex(s: &str) -> String {
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn params(header: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = header.trim();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else { break };
        let key = rest[..eq].trim().trim_start_matches(',').trim().to_owned();
        rest = rest[eq + 1..].trim_start();
        let value;
        if let Some(r) = rest.strip_prefix('"') {
            let end = r.find('"').unwrap_or(r.len());
            value = r[..end].to_owned();
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            value = rest[..end].trim().to_owned();
            rest = &rest[end..];
        }
        rest = rest.trim_start().trim_start_matches(',').trim_start();
        out.push((key.to_ascii_lowercase(), value));
    }
    out
}

pub fn verify(authorization: &str, user: &str, pass: &str) -> bool {
    let Some(rest) = authorization.strip_prefix("Digest ") else {
        return false;
    };
    let p = params(rest);
    let get = |k: &str| p.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let (Some(u), Some(uri), Some(nc), Some(cnonce), Some(response)) = (
        get("username"),
        get("uri"),
        get("nc"),
        get("cnonce"),
        get("response"),
    ) else {
        return false;
    };
    if u != user || get("nonce") != Some(NONCE) || get("realm") != Some(REALM) {
        return false;
    }
    let ha1 = md5_hex(&format!("{user}:{REALM}:{pass}"));
    let ha2 = md5_hex(&format!("POST:{uri}"));
    let want = md5_hex(&format!("{ha1}:{NONCE}:{nc}:{cnonce}:auth:{ha2}"));
    want == response
}
