//! `EWS_DUMP_DIR`: every request and response document written to a folder, numbered, with
//! credentials redacted. Headers go into a `.headers.txt` sidecar beside each document.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use http::HeaderMap;

/// Headers whose values are never written.
const SECRET_HEADERS: [&str; 4] = [
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
];

/// Writes numbered documents into one folder.
#[derive(Debug)]
pub(crate) struct Dumper {
    dir: PathBuf,
}

impl Dumper {
    pub(crate) fn new(dir: PathBuf) -> std::io::Result<Self> {
        std::fs::create_dir_all(&dir)?;
        Ok(Self { dir })
    }

    /// The next free number in this folder (shared by every transport of the process).
    pub(crate) fn next_number(&self) -> u32 {
        static COUNTERS: OnceLock<Mutex<HashMap<PathBuf, u32>>> = OnceLock::new();
        let mut m = COUNTERS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let n = m
            .entry(self.dir.clone())
            .or_insert_with(|| highest_existing(&self.dir));
        *n += 1;
        *n
    }

    /// Writes `NNNN-request.xml` (redacted) and its headers sidecar.
    pub(crate) fn request(&self, n: u32, head: &str, headers: &HeaderMap, body: Option<&[u8]>) {
        self.write_headers(n, "request", head, headers);
        let body = body.map_or_else(
            || b"<!-- streamed request body, not dumped -->\n".to_vec(),
            redact_body,
        );
        self.write(&format!("{n:04}-request.xml"), &body);
    }

    /// Writes the response headers sidecar and opens `NNNN-response.xml` for the body.
    pub(crate) fn response(&self, n: u32, head: &str, headers: &HeaderMap) -> Option<File> {
        self.write_headers(n, "response", head, headers);
        File::create(self.dir.join(format!("{n:04}-response.xml")))
            .map_err(|e| tracing::warn!(error = %e, "EWS_DUMP_DIR: cannot write"))
            .ok()
    }

    fn write_headers(&self, n: u32, what: &str, head: &str, headers: &HeaderMap) {
        let mut text = format!("{head}\n");
        for (name, value) in headers {
            let shown = if SECRET_HEADERS.contains(&name.as_str()) {
                redact_header(value.to_str().unwrap_or(""))
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            text.push_str(&format!("{name}: {shown}\n"));
        }
        self.write(&format!("{n:04}-{what}.headers.txt"), text.as_bytes());
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        let r = File::create(self.dir.join(name)).and_then(|mut f| f.write_all(bytes));
        if let Err(e) = r {
            tracing::warn!(error = %e, file = name, "EWS_DUMP_DIR: cannot write");
        }
    }
}

fn highest_existing(dir: &Path) -> u32 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.get(..4)?.parse().ok())
        .max()
        .unwrap_or(0)
}

/// Keeps the scheme name (`NTLM`, `Basic`), drops the credentials.
fn redact_header(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) if !scheme.contains('=') => format!("{scheme} [redacted]"),
        _ => "[redacted]".to_owned(),
    }
}

/// Replaces the content of elements whose local name ends in `Password` or `Token`.
pub(crate) fn redact_body(body: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(body) else {
        return body.to_vec();
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        let name = tag.split_whitespace().next().unwrap_or("");
        let local = name.rsplit(':').next().unwrap_or(name);
        let secret = !tag.starts_with(['/', '?', '!'])
            && !tag.ends_with('/')
            && (local.ends_with("Password") || local.ends_with("Token"));
        out.push_str(&rest[..=gt]);
        rest = &rest[gt + 1..];
        if secret {
            let close = format!("</{name}>");
            if let Some(end) = rest.find(&close) {
                out.push_str("[redacted]");
                rest = &rest[end..];
            }
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_password_elements() {
        let doc = br#"<m:X><t:Password>s3cret</t:Password><t:Name>n</t:Name><Token a="1">tok</Token><t:Password/></m:X>"#;
        assert_eq!(
            String::from_utf8(redact_body(doc)).unwrap(),
            r#"<m:X><t:Password>[redacted]</t:Password><t:Name>n</t:Name><Token a="1">[redacted]</Token><t:Password/></m:X>"#
        );
    }

    #[test]
    fn redacts_headers() {
        assert_eq!(redact_header("NTLM TlRMTVNTUAAB"), "NTLM [redacted]");
        assert_eq!(redact_header("a=b; c=d"), "[redacted]");
    }
}
