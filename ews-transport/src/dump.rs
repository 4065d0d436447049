//! `EWS_DUMP_DIR`: every request and response document written to a folder, numbered, with
//! credentials redacted. Headers go into a `.headers.txt` sidecar beside each document.
//!
//! What is redacted, in requests and responses alike:
//! - headers: `Authorization`, `Proxy-Authorization` (the scheme name stays), the values of
//!   `Cookie` and `Set-Cookie` (names and attributes stay), the tokens of
//!   `WWW-Authenticate`/`Proxy-Authenticate` challenges (scheme names and parameters such
//!   as `realm` stay), and `Authentication-Info`/`Proxy-Authentication-Info` whole;
//! - XML bodies: the content of every element whose local name ends in `Password`, `Token`
//!   or `Secret` (any case), e.g. `<t:Password>`; response bodies are redacted as they
//!   stream, so a secret split across chunks is still caught;
//! - JSON bodies (OAuth token responses): every string value except those of a few known
//!   harmless fields (`token_type`, `error`, `error_description`, …), so `access_token`,
//!   `refresh_token` and `id_token` never reach the disk;
//! - form bodies (OAuth token requests): every value except those of `grant_type`,
//!   `client_id`, `scope`, `redirect_uri`, `username` and `resource`.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use http::{HeaderMap, HeaderName, HeaderValue, header};

const REDACTED: &str = "[redacted]";

/// Fields of JSON and form bodies whose values are shown; every other value is redacted.
const PUBLIC_FIELDS: [&str; 17] = [
    "grant_type",
    "client_id",
    "scope",
    "redirect_uri",
    "username",
    "resource",
    "token_type",
    "expires_in",
    "ext_expires_in",
    "expires_on",
    "not_before",
    "error",
    "error_description",
    "error_codes",
    "error_uri",
    "trace_id",
    "correlation_id",
];

/// The longest tag the streaming XML redactor holds back while waiting for its `>`.
const MAX_TAG: usize = 64 * 1024;

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

    /// Writes `NNNN-request.xml` (`.json`, `.txt` for a form), redacted, and its headers
    /// sidecar. `body`: `None` for a streamed body, which is not dumped.
    pub(crate) fn request(&self, n: u32, head: &str, headers: &HeaderMap, body: Option<&[u8]>) {
        self.write_headers(n, "request", head, headers);
        let Some(body) = body else {
            let note = b"<!-- streamed request body, not dumped -->\n";
            self.write(&format!("{n:04}-request.xml"), note);
            return;
        };
        let form = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("x-www-form-urlencoded"));
        let mut redactor = if form {
            Redactor::Form(Vec::new())
        } else {
            Redactor::Undecided(Vec::new())
        };
        let mut out = redactor.feed(body);
        out.extend(redactor.finish());
        self.write(&format!("{n:04}-request.{}", redactor.extension()), &out);
    }

    /// Writes the response headers sidecar (redacted) and returns the sink for the body,
    /// `NNNN-response.xml` (or `.json`).
    pub(crate) fn response(&self, n: u32, head: &str, headers: &HeaderMap) -> DumpSink {
        self.write_headers(n, "response", head, headers);
        DumpSink {
            dir: self.dir.clone(),
            n,
            redactor: Redactor::Undecided(Vec::new()),
            file: None,
            done: false,
        }
    }

    fn write_headers(&self, n: u32, what: &str, head: &str, headers: &HeaderMap) {
        let mut text = format!("{head}\n");
        for (name, value) in headers {
            text.push_str(&format!("{name}: {}\n", shown_header(name, value)));
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

/// A response body on its way into the dump folder, redacted as it comes. The file is
/// created once the body's kind (XML or JSON) is known, at the latest when the sink is
/// finished or dropped.
pub(crate) struct DumpSink {
    dir: PathBuf,
    n: u32,
    redactor: Redactor,
    file: Option<File>,
    done: bool,
}

impl std::fmt::Debug for DumpSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DumpSink").field("n", &self.n).finish()
    }
}

impl DumpSink {
    /// Takes the next chunk of the body.
    pub(crate) fn write(&mut self, chunk: &[u8]) {
        let out = self.redactor.feed(chunk);
        // Until the kind is known nothing comes out, and the file waits for its name.
        if !out.is_empty() {
            self.emit(&out);
        }
    }

    /// The body is complete: writes what was held back.
    pub(crate) fn finish(mut self) {
        self.flush_tail();
    }

    fn flush_tail(&mut self) {
        if std::mem::replace(&mut self.done, true) {
            return;
        }
        let out = self.redactor.finish();
        self.emit(&out);
    }

    fn emit(&mut self, bytes: &[u8]) {
        if matches!(self.redactor, Redactor::Discard) {
            return;
        }
        if self.file.is_none() {
            let name = format!("{:04}-response.{}", self.n, self.redactor.extension());
            match File::create(self.dir.join(&name)) {
                Ok(f) => self.file = Some(f),
                Err(e) => {
                    tracing::warn!(error = %e, file = name, "EWS_DUMP_DIR: cannot write");
                    self.redactor = Redactor::Discard;
                    return;
                }
            }
        }
        if let Some(f) = &mut self.file {
            // Debugging aid only: a small blocking write of what was just received.
            if let Err(e) = f.write_all(bytes) {
                tracing::warn!(error = %e, "EWS_DUMP_DIR: cannot write");
            }
        }
    }
}

impl Drop for DumpSink {
    /// A body dropped before its end: what came is written (a secret element cut off
    /// stays dropped).
    fn drop(&mut self) {
        self.flush_tail();
    }
}

/// Redacts one body, chunk by chunk.
enum Redactor {
    /// Nothing but whitespace seen yet: the first other byte tells XML from JSON.
    Undecided(Vec<u8>),
    Xml(XmlRedactor),
    /// JSON is redacted whole, at the end (token responses are small).
    Json(Vec<u8>),
    /// A form is redacted whole, at the end.
    Form(Vec<u8>),
    /// The file could not be written: nothing more is kept.
    Discard,
}

impl Redactor {
    fn extension(&self) -> &'static str {
        match self {
            Self::Json(_) => "json",
            Self::Form(_) => "txt",
            _ => "xml",
        }
    }

    /// Redacts `chunk`, returning what can be written now.
    fn feed(&mut self, chunk: &[u8]) -> Vec<u8> {
        match self {
            Self::Undecided(held) => {
                held.extend_from_slice(chunk);
                let Some(&first) = held.iter().find(|b| !b.is_ascii_whitespace()) else {
                    return Vec::new();
                };
                let held = std::mem::take(held);
                *self = if first == b'{' || first == b'[' {
                    Self::Json(Vec::new())
                } else {
                    Self::Xml(XmlRedactor::default())
                };
                self.feed(&held)
            }
            Self::Xml(x) => {
                let mut out = Vec::with_capacity(chunk.len());
                x.feed(chunk, &mut out);
                out
            }
            Self::Json(held) | Self::Form(held) => {
                held.extend_from_slice(chunk);
                Vec::new()
            }
            Self::Discard => Vec::new(),
        }
    }

    /// The end of the body: what was held back, redacted.
    fn finish(&mut self) -> Vec<u8> {
        match self {
            Self::Undecided(held) => std::mem::take(held),
            Self::Xml(x) => {
                let mut out = Vec::new();
                x.finish(&mut out);
                out
            }
            Self::Json(held) => redact_json(&std::mem::take(held)),
            Self::Form(held) => redact_form(&std::mem::take(held)),
            Self::Discard => Vec::new(),
        }
    }
}

/// Replaces the content of secret elements (see the module docs), streaming: input may be
/// cut anywhere; a tag or a possible closing tag cut at the end of a chunk is held back.
#[derive(Debug, Default)]
pub(crate) struct XmlRedactor {
    /// Input not processed yet (an unfinished tag, or the tail of a secret's content).
    held: Vec<u8>,
    /// Inside a secret element: the start of its closing tag (`</t:Password`).
    closing: Option<Vec<u8>>,
}

impl XmlRedactor {
    pub(crate) fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) {
        let mut buf = std::mem::take(&mut self.held);
        buf.extend_from_slice(input);
        let mut i = 0;
        loop {
            if let Some(closing) = &self.closing {
                match find(&buf[i..], closing) {
                    Some(at) => {
                        i += at;
                        self.closing = None;
                    }
                    None => {
                        // Drop the secret, but keep what may be the start of its end.
                        let keep = closing.len().saturating_sub(1);
                        self.held = buf[buf.len().saturating_sub(keep).max(i)..].to_vec();
                        return;
                    }
                }
            }
            let Some(lt) = buf[i..].iter().position(|&b| b == b'<') else {
                out.extend_from_slice(&buf[i..]);
                return;
            };
            out.extend_from_slice(&buf[i..i + lt]);
            i += lt;
            let Some(gt) = buf[i..].iter().position(|&b| b == b'>') else {
                if buf.len() - i > MAX_TAG {
                    // Not a tag anyone writes; pass it on rather than hold it forever.
                    out.extend_from_slice(&buf[i..]);
                } else {
                    self.held = buf[i..].to_vec();
                }
                return;
            };
            let tag = &buf[i + 1..i + gt];
            out.extend_from_slice(&buf[i..=i + gt]);
            i += gt + 1;
            if let Some(name) = secret_element(tag) {
                out.extend_from_slice(REDACTED.as_bytes());
                let mut closing = b"</".to_vec();
                closing.extend_from_slice(name);
                self.closing = Some(closing);
            }
        }
    }

    /// The end of the input: a secret never closed stays dropped.
    pub(crate) fn finish(&mut self, out: &mut Vec<u8>) {
        if self.closing.take().is_none() {
            out.append(&mut self.held);
        }
        self.held.clear();
    }
}

/// The qualified name of a start tag (`t:Password` of `<t:Password a="1">`) whose element
/// holds a secret; `None` for other tags, end tags, empty elements, comments and the like.
fn secret_element(tag: &[u8]) -> Option<&[u8]> {
    if tag.starts_with(b"/") || tag.starts_with(b"?") || tag.starts_with(b"!") {
        return None;
    }
    if tag.ends_with(b"/") {
        return None;
    }
    let name = tag.split(|b| b.is_ascii_whitespace()).next()?;
    let local = name.rsplit(|&b| b == b':').next()?.to_ascii_lowercase();
    ["password", "token", "secret"]
        .iter()
        .any(|s| local.ends_with(s.as_bytes()))
        .then_some(name)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Redacts a whole XML document (see [`XmlRedactor`]).
#[cfg(test)]
pub(crate) fn redact_body(body: &[u8]) -> Vec<u8> {
    let mut r = XmlRedactor::default();
    let mut out = Vec::new();
    r.feed(body, &mut out);
    r.finish(&mut out);
    out
}

/// Every string value of a JSON document replaced, except the direct values of
/// [`PUBLIC_FIELDS`]. Not a validating parser: anything it does not understand is kept
/// byte for byte, strings are always recognised (escapes included).
fn redact_json(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut public_value = false;
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if b != b'"' {
            if !(b.is_ascii_whitespace() || b == b':') {
                public_value = false;
            }
            out.push(b);
            i += 1;
            continue;
        }
        let end = string_end(text, i);
        let mut j = end;
        while j < text.len() && text[j].is_ascii_whitespace() {
            j += 1;
        }
        let is_key = text.get(j) == Some(&b':');
        if is_key || public_value {
            out.extend_from_slice(&text[i..end]);
        } else {
            out.extend_from_slice(b"\"[redacted]\"");
        }
        public_value = is_key && {
            let key = &text[i + 1..end.saturating_sub(1).max(i + 1)];
            PUBLIC_FIELDS.iter().any(|f| f.as_bytes() == key)
        };
        i = end;
    }
    out
}

/// The index just after the string starting with the quote at `start` (or the end).
fn string_end(text: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

/// `a=b&c=d` with the values of fields not in [`PUBLIC_FIELDS`] replaced.
fn redact_form(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for (k, pair) in text.split(|&b| b == b'&').enumerate() {
        if k > 0 {
            out.push(b'&');
        }
        match pair.iter().position(|&b| b == b'=') {
            Some(eq) => {
                let name = &pair[..eq];
                out.extend_from_slice(&pair[..=eq]);
                if PUBLIC_FIELDS.iter().any(|f| f.as_bytes() == name) {
                    out.extend_from_slice(&pair[eq + 1..]);
                } else {
                    out.extend_from_slice(REDACTED.as_bytes());
                }
            }
            None => out.extend_from_slice(pair),
        }
    }
    out
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

/// A header value as the dump shows it.
fn shown_header(name: &HeaderName, value: &HeaderValue) -> String {
    let text = || String::from_utf8_lossy(value.as_bytes()).into_owned();
    match name.as_str() {
        "authorization" | "proxy-authorization" => redact_credentials(&text()),
        "cookie" => redact_cookies(&text()),
        "set-cookie" => redact_set_cookie(&text()),
        "www-authenticate" | "proxy-authenticate" => redact_challenges(&text()),
        "authentication-info" | "proxy-authentication-info" => REDACTED.to_owned(),
        _ => text(),
    }
}

/// Keeps the scheme name (`NTLM`, `Basic`), drops the credentials.
fn redact_credentials(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) if !scheme.contains('=') => format!("{scheme} {REDACTED}"),
        _ => REDACTED.to_owned(),
    }
}

/// `a=1; b=2` → `a=[redacted]; b=[redacted]`.
fn redact_cookies(value: &str) -> String {
    value
        .split(';')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) => format!("{name}={REDACTED}"),
            None => REDACTED.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// `name=value; Path=/; Secure` → `name=[redacted]; Path=/; Secure`.
fn redact_set_cookie(value: &str) -> String {
    let (pair, attributes) = value.split_once(';').unwrap_or((value, ""));
    let pair = match pair.split_once('=') {
        Some((name, _)) => format!("{name}={REDACTED}"),
        None => REDACTED.to_owned(),
    };
    if attributes.is_empty() {
        pair
    } else {
        format!("{pair};{attributes}")
    }
}

/// Challenges with their tokens dropped: `Negotiate oYG…` → `Negotiate [redacted]`;
/// `Basic realm="x"` and a bare `NTLM` stay as they are.
fn redact_challenges(value: &str) -> String {
    value
        .split(',')
        .map(|part| {
            let trimmed = part.trim_start();
            let lead = &part[..part.len() - trimmed.len()];
            match trimmed.split_once(' ') {
                Some((scheme, rest)) if is_token68(rest.trim()) && !scheme.contains('=') => {
                    format!("{lead}{scheme} {REDACTED}")
                }
                _ => part.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// RFC 7235 `token68`: `[A-Za-z0-9-._~+/]+ *"="`, which an auth-param (`name=value`) is
/// not (it has text after its `=`).
fn is_token68(s: &str) -> bool {
    let body = s.trim_end_matches('=');
    !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b))
}

#[cfg(test)]
mod tests;
