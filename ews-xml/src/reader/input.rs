//! The byte layer under the tokenizer: counts bytes, enforces the limits on raw markup before
//! the tokenizer builds anything, and replaces (or rejects) characters XML 1.0 forbids.
//!
//! A small lexical scanner follows the markup (text, tags, quoted values, comments, CDATA,
//! processing instructions, declarations) one byte at a time. It is not a parser: it only
//! counts depth, attributes, namespace declarations and run lengths. Well-formedness is the
//! tokenizer's job; where the scanner and the tokenizer disagree on a malformed document,
//! either error is a correct answer.

use std::io::{self, Read};

use crate::{InvalidChars, Limit, Limits};

const CHUNK: usize = 16 * 1024;
/// The longest numeric character reference we hold back (`&#x0010FFFF;` and some slack).
const MAX_REF: usize = 16;
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();
const REPLACEMENT_REF: &[u8] = b"&#xFFFD;";

/// An error found by the byte layer; travels through the tokenizer inside an `io::Error`.
#[derive(Debug)]
pub(crate) enum InputError {
    Limit { limit: Limit, max: u64 },
    InvalidChar(u32),
    Encoding(String),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Limit { limit, max } => write!(f, "{limit} exceeds {max}"),
            Self::InvalidChar(c) => write!(f, "invalid character U+{c:04X}"),
            Self::Encoding(e) => write!(f, "unsupported encoding {e}"),
        }
    }
}

impl std::error::Error for InputError {}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Character data between markup.
    Text,
    /// After `<`.
    Lt,
    /// Inside a start tag, outside quotes.
    Tag,
    /// Inside a quoted attribute value (the quote byte).
    Quote(u8),
    /// Inside an end tag.
    EndTag,
    /// After `<!`.
    Bang,
    /// Inside `<!-- ... -->`.
    Comment,
    /// Inside `<![CDATA[ ... ]]>`.
    CData,
    /// Inside `<? ... ?>`.
    Pi,
    /// Inside `<!DOCTYPE ...>` or another declaration.
    Decl,
}

pub(crate) struct Input<'a> {
    src: Box<dyn Read + Send + 'a>,
    raw: Box<[u8]>,
    out: Vec<u8>,
    out_pos: usize,
    /// Bytes handed to the tokenizer.
    served: u64,
    /// Bytes read from the source.
    consumed: u64,
    eof: bool,
    pending: Option<InputError>,
    limits: Limits,
    mode: InvalidChars,
    first: bool,
    // scanner
    state: State,
    run: u64,
    last2: [u8; 2],
    depth: u32,
    attrs: u32,
    /// Namespace declarations per open element (innermost last) and their sum.
    ns_stack: Vec<u16>,
    ns_total: u32,
    ns_here: u16,
    slash: bool,
    name: [u8; 6],
    name_len: usize,
    in_name: bool,
    /// A numeric character reference being held back (`&#...`).
    held: Vec<u8>,
}

impl<'a> Input<'a> {
    pub(crate) fn new(src: Box<dyn Read + Send + 'a>, limits: Limits, mode: InvalidChars) -> Self {
        Self {
            src,
            raw: vec![0; CHUNK].into_boxed_slice(),
            out: Vec::with_capacity(CHUNK + CHUNK / 4),
            out_pos: 0,
            served: 0,
            consumed: 0,
            eof: false,
            pending: None,
            limits,
            mode,
            first: true,
            state: State::Text,
            run: 0,
            last2: [0; 2],
            depth: 0,
            attrs: 0,
            ns_stack: Vec::new(),
            ns_total: 0,
            ns_here: 0,
            slash: false,
            name: [0; 6],
            name_len: 0,
            in_name: false,
            held: Vec::with_capacity(MAX_REF),
        }
    }

    /// Bytes handed to the tokenizer so far (after replacements).
    pub(crate) fn served(&self) -> u64 {
        self.served
    }

    fn refill(&mut self) -> io::Result<bool> {
        self.out.clear();
        self.out_pos = 0;
        loop {
            if self.pending.is_some() || self.eof {
                if !self.out.is_empty() {
                    return Ok(true);
                }
                return match self.pending.take() {
                    Some(e) => Err(io::Error::other(e)),
                    None => Ok(false),
                };
            }
            let n = match self.src.read(&mut self.raw) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                self.eof = true;
                let held = std::mem::take(&mut self.held);
                self.out.extend_from_slice(&held);
                continue;
            }
            let mut take = n;
            let room = self.limits.max_document_size.saturating_sub(self.consumed);
            if n as u64 > room {
                take = room as usize;
                self.pending = Some(InputError::Limit {
                    limit: Limit::DocumentSize,
                    max: self.limits.max_document_size,
                });
            }
            self.consumed += take as u64;
            let raw = std::mem::take(&mut self.raw);
            let res = self.scan(&raw[..take]);
            self.raw = raw;
            if let Err(e) = res {
                self.pending = Some(e);
            }
            if !self.out.is_empty() {
                return Ok(true);
            }
        }
    }

    fn limit(&self, limit: Limit, max: u64) -> InputError {
        InputError::Limit { limit, max }
    }

    /// Scans `bytes`, appending what the tokenizer may see to `out`. On a violation the bytes
    /// before it stay in `out` and the error is returned.
    fn scan(&mut self, mut bytes: &[u8]) -> Result<(), InputError> {
        if self.first {
            self.first = false;
            if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]) {
                return Err(InputError::Encoding("UTF-16".into()));
            }
            if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
                bytes = rest;
            }
        }
        // Fast path for the bulk of text: copy runs of plain bytes at once.
        let mut i = 0;
        while i < bytes.len() {
            if self.state == State::Text && self.held.is_empty() {
                let start = i;
                while i < bytes.len() {
                    let b = bytes[i];
                    if b == b'<' || b == b'&' || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) {
                        break;
                    }
                    i += 1;
                }
                let len = (i - start) as u64;
                self.run += len;
                if self.run > self.limits.max_text_len {
                    return Err(self.limit(Limit::TextLength, self.limits.max_text_len));
                }
                self.out.extend_from_slice(&bytes[start..i]);
                if i == bytes.len() {
                    break;
                }
            }
            self.byte(bytes[i])?;
            i += 1;
        }
        Ok(())
    }

    fn byte(&mut self, b: u8) -> Result<(), InputError> {
        if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') {
            return match self.mode {
                InvalidChars::Reject => Err(InputError::InvalidChar(u32::from(b))),
                InvalidChars::Replace => {
                    self.count_run(REPLACEMENT.len() as u64)?;
                    self.flush_held();
                    self.out.extend_from_slice(REPLACEMENT);
                    Ok(())
                }
            };
        }
        if !self.held.is_empty() {
            return self.reference_byte(b);
        }
        match self.state {
            State::Text => {
                self.count_run(1)?;
                match b {
                    b'<' => self.state = State::Lt,
                    b'&' => {
                        self.held.push(b);
                        return Ok(());
                    }
                    _ => {}
                }
            }
            State::Lt => match b {
                b'/' => self.state = State::EndTag,
                b'!' => self.state = State::Bang,
                b'?' => {
                    self.state = State::Pi;
                    self.run = 0;
                }
                _ => {
                    self.depth += 1;
                    if self.depth > self.limits.max_depth {
                        return Err(self.limit(Limit::Depth, u64::from(self.limits.max_depth)));
                    }
                    self.state = State::Tag;
                    self.attrs = 0;
                    self.ns_here = 0;
                    self.slash = false;
                    self.in_name = false;
                }
            },
            State::Tag => self.tag_byte(b)?,
            State::Quote(q) => {
                if b == q {
                    self.state = State::Tag;
                } else {
                    self.run += 1;
                    if self.run > self.limits.max_attribute_len {
                        return Err(
                            self.limit(Limit::AttributeLength, self.limits.max_attribute_len)
                        );
                    }
                    if b == b'&' {
                        self.held.push(b);
                        return Ok(());
                    }
                }
            }
            State::EndTag => {
                if b == b'>' {
                    self.close_element();
                    self.state = State::Text;
                    self.run = 0;
                }
            }
            State::Bang => {
                self.run = 0;
                self.last2 = [0; 2];
                self.state = match b {
                    b'-' => State::Comment,
                    b'[' => State::CData,
                    _ => State::Decl,
                };
            }
            State::Comment | State::CData | State::Pi => {
                self.count_run(1)?;
                let end = match self.state {
                    State::Comment => b'>' == b && self.last2 == *b"--",
                    State::CData => b'>' == b && self.last2 == *b"]]",
                    _ => b'>' == b && self.last2[1] == b'?',
                };
                self.last2 = [self.last2[1], b];
                if end {
                    self.state = State::Text;
                    self.run = 0;
                }
            }
            State::Decl => {
                self.count_run(1)?;
                if b == b'>' {
                    self.state = State::Text;
                    self.run = 0;
                }
            }
        }
        self.out.push(b);
        Ok(())
    }

    fn tag_byte(&mut self, b: u8) -> Result<(), InputError> {
        match b {
            b'"' | b'\'' => {
                self.state = State::Quote(b);
                self.run = 0;
                self.in_name = false;
            }
            b'>' => {
                self.state = State::Text;
                self.run = 0;
                self.ns_stack.push(self.ns_here);
                if self.slash {
                    self.close_element();
                }
            }
            b'=' => {
                self.attrs += 1;
                if self.attrs > self.limits.max_attributes {
                    return Err(
                        self.limit(Limit::Attributes, u64::from(self.limits.max_attributes))
                    );
                }
                let name = &self.name[..self.name_len.min(6)];
                if name.starts_with(b"xmlns") && (self.name_len == 5 || name.get(5) == Some(&b':'))
                {
                    self.ns_here = self.ns_here.saturating_add(1);
                    self.ns_total += 1;
                    if self.ns_total > self.limits.max_namespaces {
                        return Err(self.limit(
                            Limit::NamespaceDeclarations,
                            u64::from(self.limits.max_namespaces),
                        ));
                    }
                }
                self.in_name = false;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {
                self.in_name = true;
                self.name_len = 0;
            }
            _ => {
                if self.in_name {
                    if self.name_len < self.name.len() {
                        self.name[self.name_len] = b;
                    }
                    self.name_len += 1;
                }
            }
        }
        self.slash = b == b'/';
        Ok(())
    }

    fn close_element(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        if let Some(n) = self.ns_stack.pop() {
            self.ns_total = self.ns_total.saturating_sub(u32::from(n));
        }
    }

    fn count_run(&mut self, n: u64) -> Result<(), InputError> {
        self.run += n;
        if self.run > self.limits.max_text_len {
            return Err(self.limit(Limit::TextLength, self.limits.max_text_len));
        }
        Ok(())
    }

    fn flush_held(&mut self) {
        self.out.extend_from_slice(&self.held);
        self.held.clear();
    }

    /// A byte while a reference that started with `&` is held back.
    fn reference_byte(&mut self, b: u8) -> Result<(), InputError> {
        let numeric_so_far = self.held.len() == 1 || self.held[1] == b'#';
        let ok_char = match self.held.len() {
            1 => b == b'#',
            2 => b.is_ascii_digit() || b == b'x',
            _ => b.is_ascii_hexdigit() || b == b';',
        };
        if !numeric_so_far || !ok_char || self.held.len() >= MAX_REF {
            // Not a numeric character reference: hand it on untouched; the tokenizer judges.
            self.flush_held();
            return self.byte(b);
        }
        self.bump_run()?;
        if b != b';' {
            self.held.push(b);
            return Ok(());
        }
        self.held.push(b);
        let digits = &self.held[2..self.held.len() - 1];
        let value = match digits.split_first() {
            Some((b'x', hex)) => parse_num(hex, 16),
            _ => parse_num(digits, 10),
        };
        match value {
            Some(c) if !is_xml_char(c) => match self.mode {
                InvalidChars::Reject => return Err(InputError::InvalidChar(c)),
                InvalidChars::Replace => {
                    self.held.clear();
                    self.out.extend_from_slice(REPLACEMENT_REF);
                    return Ok(());
                }
            },
            None if !digits.is_empty() && digits != b"x" => {
                // Out of range (more than u32): never a character.
                match self.mode {
                    InvalidChars::Reject => return Err(InputError::InvalidChar(u32::MAX)),
                    InvalidChars::Replace => {
                        self.held.clear();
                        self.out.extend_from_slice(REPLACEMENT_REF);
                        return Ok(());
                    }
                }
            }
            _ => {}
        }
        self.flush_held();
        Ok(())
    }

    fn bump_run(&mut self) -> Result<(), InputError> {
        match self.state {
            State::Quote(_) => {
                self.run += 1;
                if self.run > self.limits.max_attribute_len {
                    return Err(self.limit(Limit::AttributeLength, self.limits.max_attribute_len));
                }
                Ok(())
            }
            _ => self.count_run(1),
        }
    }
}

fn parse_num(digits: &[u8], radix: u32) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    let mut v: u32 = 0;
    for &d in digits {
        let x = char::from(d).to_digit(radix)?;
        v = v.checked_mul(radix)?.checked_add(x)?;
    }
    Some(v)
}

/// The `Char` production of XML 1.0.
pub(crate) fn is_xml_char(c: u32) -> bool {
    matches!(c, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x1_0000..=0x10_FFFF)
}

impl Read for Input<'_> {
    #[inline]
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.out_pos >= self.out.len() && !self.refill()? {
            return Ok(0);
        }
        let avail = &self.out[self.out_pos..];
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.out_pos += n;
        self.served += n as u64;
        Ok(n)
    }
}
