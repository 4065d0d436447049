//! The streaming writer.

use std::io::{Read, Write};

use crate::reader::{is_ncname, is_xml_char};
use crate::{Name, Ns, WriteError, XmlWrite};

/// Bytes gathered before they are handed to the sink.
const FLUSH_AT: usize = 64 * 1024;
/// Raw bytes per base64 chunk (a multiple of 3, so chunks join without padding).
const BASE64_CHUNK: usize = 48 * 1024;

/// Namespaces the root element declares: `soap:`, `m:` and `t:` are declared once, at the
/// envelope (or at the root of a fragment), and used everywhere below.
const ROOT_NAMESPACES: [Ns; 3] = [Ns::Soap, Ns::Messages, Ns::Types];

fn bit(ns: Ns) -> u8 {
    match ns {
        Ns::Soap => 1,
        Ns::Messages => 2,
        Ns::Types => 4,
        Ns::Errors => 8,
        Ns::Xsi => 16,
        Ns::None | Ns::Xml | Ns::Other => 0,
    }
}

struct Frame {
    /// Where the qualified name starts in `names`.
    name_at: usize,
    /// Known namespaces in scope before this element.
    known_before: u8,
    /// Other namespaces declared before this element.
    other_before: usize,
}

/// A streaming XML writer for EWS documents.
///
/// - `soap:`, `m:` and `t:` are declared once on the root element; other namespaces are declared
///   where first used.
/// - Text and attribute values are escaped; `\r`, and tab and newline in attributes, are
///   written as character references so they survive a read.
/// - Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return,
///   U+FFFE, U+FFFF) are never written: each is replaced by U+FFFD and counted in
///   [`replaced_chars`](Self::replaced_chars).
/// - Output is gathered in a 64 KiB buffer and handed to the sink in large writes; base64
///   content is encoded in chunks from a byte source ([`base64_from`](Self::base64_from)), so
///   large attachments never sit in memory whole.
///
/// ```
/// use ews_xml::{Name, Writer};
///
/// let mut out = Vec::new();
/// let mut w = Writer::new(&mut out);
/// w.start(Name::m("GetFolder"))?;
/// w.start(Name::m("FolderShape"))?;
/// w.element_text(Name::t("BaseShape"), "Default")?;
/// w.end()?;
/// w.end()?;
/// w.finish()?;
/// assert!(String::from_utf8(out).unwrap().ends_with(
///     "><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape></m:GetFolder>"
/// ));
/// # Ok::<(), ews_xml::WriteError>(())
/// ```
pub struct Writer<'a> {
    sink: Box<dyn Write + 'a>,
    buf: Vec<u8>,
    names: String,
    stack: Vec<Frame>,
    tag_open: bool,
    known: u8,
    others: Vec<(Box<str>, String)>,
    next_prefix: u32,
    replaced: u64,
    rooted: bool,
}

impl<'a> Writer<'a> {
    /// A writer into `sink` (a `&mut Vec<u8>`, a file, a socket...).
    pub fn new(sink: impl Write + 'a) -> Self {
        Self {
            sink: Box::new(sink),
            buf: Vec::with_capacity(FLUSH_AT + 1024),
            names: String::new(),
            stack: Vec::new(),
            tag_open: false,
            known: 0,
            others: Vec::new(),
            next_prefix: 0,
            replaced: 0,
            rooted: false,
        }
    }

    /// Writes the XML declaration; call it first, if at all.
    pub fn declaration(&mut self) -> Result<(), WriteError> {
        if self.rooted || !self.buf.is_empty() {
            return Err(WriteError::Misuse("the declaration must come first"));
        }
        self.buf
            .extend_from_slice(b"<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        Ok(())
    }

    /// How many characters XML 1.0 forbids were replaced by U+FFFD so far.
    pub fn replaced_chars(&self) -> u64 {
        self.replaced
    }

    /// How many elements are open.
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    fn close_tag(&mut self) {
        if self.tag_open {
            self.buf.push(b'>');
            self.tag_open = false;
        }
    }

    fn maybe_flush(&mut self) -> Result<(), WriteError> {
        if self.buf.len() >= FLUSH_AT {
            self.sink.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn open(&mut self, prefix: Option<&str>, local: &str) {
        self.close_tag();
        let frame = Frame {
            name_at: self.names.len(),
            known_before: self.known,
            other_before: self.others.len(),
        };
        if let Some(p) = prefix {
            self.names.push_str(p);
            self.names.push(':');
        }
        self.names.push_str(local);
        self.buf.push(b'<');
        self.buf
            .extend_from_slice(&self.names.as_bytes()[frame.name_at..]);
        self.stack.push(frame);
        self.tag_open = true;
        if !self.rooted {
            self.rooted = true;
            for ns in ROOT_NAMESPACES {
                self.declare_known(ns);
            }
        }
    }

    fn declare_known(&mut self, ns: Ns) {
        if let (Some(p), Some(uri)) = (ns.prefix(), ns.uri()) {
            if self.known & bit(ns) == 0 && bit(ns) != 0 {
                self.known |= bit(ns);
                self.buf.extend_from_slice(b" xmlns:");
                self.buf.extend_from_slice(p.as_bytes());
                self.buf.extend_from_slice(b"=\"");
                self.buf.extend_from_slice(uri.as_bytes());
                self.buf.push(b'"');
            }
        }
    }

    /// The prefix for a namespace URI, declaring it on the open start tag when needed.
    fn other_prefix(&mut self, uri: &str) -> String {
        if let Some((_, p)) = self.others.iter().rev().find(|(u, _)| &**u == uri) {
            return p.clone();
        }
        self.next_prefix += 1;
        let p = format!("ns{}", self.next_prefix);
        self.declare_other(uri, p.clone());
        p
    }

    fn declare_other(&mut self, uri: &str, prefix: String) {
        self.buf.extend_from_slice(b" xmlns:");
        self.buf.extend_from_slice(prefix.as_bytes());
        self.buf.extend_from_slice(b"=\"");
        escape_into(&mut self.buf, uri, true, &mut self.replaced);
        self.buf.push(b'"');
        self.others.push((uri.into(), prefix));
    }

    /// Opens the element `name` (in a known namespace, or none).
    pub fn start(&mut self, name: Name<'_>) -> Result<(), WriteError> {
        match name.ns {
            Ns::None => self.open(None, name.local),
            Ns::Other => return Err(WriteError::Misuse("use start_uri for other namespaces")),
            Ns::Xml => return Err(WriteError::Misuse("no element lives in the xml namespace")),
            ns => {
                self.open(ns.prefix(), name.local);
                self.declare_known(ns);
            }
        }
        Ok(())
    }

    /// Opens an element in any namespace given by URI (empty: no namespace); the local name
    /// is checked.
    pub fn start_uri(&mut self, uri: &str, local: &str) -> Result<(), WriteError> {
        check_name(local)?;
        match Ns::from_uri(uri) {
            Ns::Other => {
                let known = self.others.iter().rev().find(|(u, _)| &**u == uri);
                match known.map(|(_, p)| p.clone()) {
                    Some(p) => self.open(Some(&p), local),
                    None => {
                        self.next_prefix += 1;
                        let p = format!("ns{}", self.next_prefix);
                        self.open(Some(&p), local);
                        self.declare_other(uri, p);
                    }
                }
                Ok(())
            }
            Ns::Xml => Err(WriteError::Misuse("no element lives in the xml namespace")),
            ns => self.start(Name::new(ns, local)),
        }
    }

    /// Adds an unprefixed attribute to the element just opened.
    pub fn attr(&mut self, local: &str, value: &str) -> Result<(), WriteError> {
        self.attr_ns(Name::new(Ns::None, local), value)
    }

    /// Adds an attribute to the element just opened.
    pub fn attr_ns(&mut self, name: Name<'_>, value: &str) -> Result<(), WriteError> {
        if !self.tag_open {
            return Err(WriteError::Misuse("attributes must follow start"));
        }
        match name.ns {
            Ns::None => {}
            Ns::Other => return Err(WriteError::Misuse("use attr_uri for other namespaces")),
            ns => self.declare_known(ns),
        }
        self.buf.push(b' ');
        if let Some(p) = name.ns.prefix() {
            self.buf.extend_from_slice(p.as_bytes());
            self.buf.push(b':');
        }
        self.buf.extend_from_slice(name.local.as_bytes());
        self.buf.extend_from_slice(b"=\"");
        escape_into(&mut self.buf, value, true, &mut self.replaced);
        self.buf.push(b'"');
        Ok(())
    }

    /// Adds an attribute in any namespace given by URI; the local name is checked.
    pub fn attr_uri(&mut self, uri: &str, local: &str, value: &str) -> Result<(), WriteError> {
        check_name(local)?;
        match Ns::from_uri(uri) {
            Ns::Other => {
                if !self.tag_open {
                    return Err(WriteError::Misuse("attributes must follow start"));
                }
                let p = self.other_prefix(uri);
                self.buf.push(b' ');
                self.buf.extend_from_slice(p.as_bytes());
                self.buf.push(b':');
                self.buf.extend_from_slice(local.as_bytes());
                self.buf.extend_from_slice(b"=\"");
                escape_into(&mut self.buf, value, true, &mut self.replaced);
                self.buf.push(b'"');
                Ok(())
            }
            ns => self.attr_ns(Name::new(ns, local), value),
        }
    }

    /// Writes escaped text content.
    pub fn text(&mut self, text: &str) -> Result<(), WriteError> {
        if self.stack.is_empty() {
            return Err(WriteError::Misuse("text outside the root element"));
        }
        if text.is_empty() {
            return Ok(());
        }
        self.close_tag();
        escape_into(&mut self.buf, text, false, &mut self.replaced);
        self.maybe_flush()
    }

    /// Closes the innermost open element (as `<a/>` when it got no content).
    pub fn end(&mut self) -> Result<(), WriteError> {
        let frame = self
            .stack
            .pop()
            .ok_or(WriteError::Misuse("end without an open element"))?;
        if self.tag_open {
            self.buf.extend_from_slice(b"/>");
            self.tag_open = false;
        } else {
            self.buf.extend_from_slice(b"</");
            self.buf
                .extend_from_slice(&self.names.as_bytes()[frame.name_at..]);
            self.buf.push(b'>');
        }
        self.names.truncate(frame.name_at);
        self.known = frame.known_before;
        self.others.truncate(frame.other_before);
        self.maybe_flush()
    }

    /// Writes `<name>text</name>`.
    pub fn element_text(&mut self, name: Name<'_>, text: &str) -> Result<(), WriteError> {
        self.start(name)?;
        self.text(text)?;
        self.end()
    }

    /// Writes `value` as the element `name` (shorthand for [`XmlWrite::write_xml`]).
    pub fn write<T: XmlWrite + ?Sized>(
        &mut self,
        name: Name<'_>,
        value: &T,
    ) -> Result<(), WriteError> {
        value.write_xml(self, name)
    }

    /// Writes bytes as base64 text content.
    pub fn base64(&mut self, bytes: &[u8]) -> Result<(), WriteError> {
        self.close_tag();
        for chunk in bytes.chunks(BASE64_CHUNK) {
            crate::base64::encode_into(chunk, &mut self.buf);
            self.maybe_flush()?;
        }
        Ok(())
    }

    /// Writes everything `src` yields as base64 text content, in chunks: memory stays bounded
    /// whatever the size. Returns the number of bytes read from `src`.
    pub fn base64_from(&mut self, src: &mut dyn Read) -> Result<u64, WriteError> {
        if self.stack.is_empty() {
            return Err(WriteError::Misuse("text outside the root element"));
        }
        self.close_tag();
        let mut chunk = vec![0u8; BASE64_CHUNK];
        let mut total = 0u64;
        loop {
            // Fill the chunk completely (a short chunk mid-stream would add padding).
            let mut filled = 0;
            while filled < chunk.len() {
                match src.read(&mut chunk[filled..]) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(WriteError::Source(e)),
                }
            }
            total += filled as u64;
            crate::base64::encode_into(&chunk[..filled], &mut self.buf);
            self.maybe_flush()?;
            if filled < chunk.len() {
                return Ok(total);
            }
        }
    }

    /// Checks that every element is closed and flushes everything to the sink.
    pub fn finish(mut self) -> Result<(), WriteError> {
        if !self.stack.is_empty() {
            return Err(WriteError::Misuse("elements left open"));
        }
        self.sink.write_all(&self.buf)?;
        self.buf.clear();
        self.sink.flush()?;
        Ok(())
    }
}

impl std::fmt::Debug for Writer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("open", &self.names)
            .finish_non_exhaustive()
    }
}

fn check_name(name: &str) -> Result<(), WriteError> {
    if is_ncname(name) {
        Ok(())
    } else {
        Err(WriteError::InvalidName(name.into()))
    }
}

/// Escapes `text` into `out`; in attribute values also `"`, tab and newline.
fn escape_into(out: &mut Vec<u8>, text: &str, attr: bool, replaced: &mut u64) {
    let bytes = text.as_bytes();
    let special = |b: u8| {
        matches!(b, b'<' | b'>' | b'&' | b'\r')
            || (attr && matches!(b, b'"' | b'\t' | b'\n'))
            || (b < 0x20 && !matches!(b, b'\t' | b'\n'))
            || b == 0xEF
    };
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !special(b) {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        match b {
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            b'\r' => out.extend_from_slice(b"&#xD;"),
            b'\t' => out.extend_from_slice(b"&#x9;"),
            b'\n' => out.extend_from_slice(b"&#xA;"),
            0xEF => {
                // U+FFFE and U+FFFF are EF BF BE / EF BF BF in UTF-8.
                if bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF))
                {
                    out.extend_from_slice("\u{FFFD}".as_bytes());
                    *replaced += 1;
                    start = i + 3;
                } else {
                    start = i;
                }
            }
            c => {
                debug_assert!(!is_xml_char(u32::from(c)));
                out.extend_from_slice("\u{FFFD}".as_bytes());
                *replaced += 1;
            }
        }
    }
    if start < bytes.len() {
        out.extend_from_slice(&bytes[start..]);
    }
}
