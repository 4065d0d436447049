//! The namespace-aware pull reader.

mod input;

use std::io::Read;

use xml::common::Position as _;
use xml::reader::{ErrorKind as XmlErrorKind, EventReader, ParserConfig, XmlEvent};

use crate::{
    Name, Ns, Position, QName, ReadError, ReadErrorKind, ReaderOptions, XmlRead, XmlValue,
};
pub(crate) use input::is_xml_char;
use input::{Input, InputError};

/// An attribute of a [`StartTag`], its name resolved to a namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    name: QName,
    value: String,
}

impl Attribute {
    /// The name ([`Ns::None`] for ordinary unprefixed attributes).
    pub fn name(&self) -> &QName {
        &self.name
    }
    /// The value, entities decoded.
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// A start tag: element name resolved to a namespace, and attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartTag {
    name: QName,
    attrs: Vec<Attribute>,
}

impl StartTag {
    /// The element name.
    pub fn name(&self) -> &QName {
        &self.name
    }
    /// The element's namespace.
    pub fn ns(&self) -> Ns {
        self.name.ns()
    }
    /// The local name (without prefix).
    pub fn local_name(&self) -> &str {
        self.name.local_name()
    }
    /// Whether this is the element `name` (namespace and local name; the prefix is irrelevant).
    pub fn is(&self, name: Name<'_>) -> bool {
        self.name.is(name)
    }
    /// The name as messages show it (`t:Subject`, `{urn:x}Thing`).
    pub fn display_name(&self) -> String {
        self.name.to_string()
    }
    /// The value of the unprefixed attribute `local`.
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attr_ns(Name::new(Ns::None, local))
    }
    /// The value of the attribute `name`.
    pub fn attr_ns(&self, name: Name<'_>) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.is(name))
            .map(|a| a.value.as_str())
    }
    /// All attributes in document order (namespace declarations excluded).
    pub fn attributes(&self) -> &[Attribute] {
        &self.attrs
    }
}

/// One step of a document, see [`Reader::next_event`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// A start tag (an empty element `<a/>` gives `Start` then `End`).
    Start(StartTag),
    /// The end of the innermost open element.
    End,
    /// Character data (entities decoded, CDATA sections included, whitespace kept).
    Text(String),
    /// The end of the document.
    Eof,
}

/// A pull reader over an EWS document.
///
/// Elements are matched by namespace URI and local name, never by prefix. DOCTYPEs are refused,
/// [`Limits`](crate::Limits) are enforced on the raw bytes, characters XML 1.0 forbids are
/// replaced or rejected ([`InvalidChars`](crate::InvalidChars)), and every error carries the element path and the
/// position.
///
/// The reader pulls from a blocking [`Read`]; give it a buffered or in-memory source
/// (`&[u8]`, `BufReader`), it reads in 16 KiB chunks itself.
///
/// ```
/// use ews_xml::{Name, Reader};
///
/// let doc = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
///   <s:Body><Subject xmlns="http://schemas.microsoft.com/exchange/services/2006/types"
///     >Q&amp;A</Subject></s:Body></s:Envelope>"#;
/// let mut r = Reader::from_bytes(doc);
/// let env = r.root()?;
/// assert!(env.is(Name::soap("Envelope")));
/// let body = r.next_child()?.unwrap();
/// assert!(body.is(Name::soap("Body")));
/// let subject = r.next_child()?.unwrap();
/// assert!(subject.is(Name::t("Subject")));
/// assert_eq!(r.read_text()?, "Q&A");
/// # Ok::<(), ews_xml::ReadError>(())
/// ```
pub struct Reader<'a> {
    inner: EventReader<Input<'a>>,
    path: String,
    ends: Vec<usize>,
    failed: bool,
    done: bool,
}

impl<'a> Reader<'a> {
    /// A reader with default options ([`Limits::default`](crate::Limits), invalid characters
    /// replaced).
    pub fn new(src: impl Read + Send + 'a) -> Self {
        Self::with_options(src, ReaderOptions::default())
    }

    /// A reader over bytes in memory.
    pub fn from_bytes(bytes: &'a [u8]) -> Self {
        Self::new(bytes)
    }

    /// A reader with explicit options.
    pub fn with_options(src: impl Read + Send + 'a, options: ReaderOptions) -> Self {
        let limits = options.limits;
        // The tokenizer's own limits sit above ours, as a backstop only.
        let backstop = |v: u64| {
            usize::try_from(v.saturating_mul(2).saturating_add(1024)).unwrap_or(usize::MAX)
        };
        let mut config = ParserConfig::new()
            .cdata_to_characters(true)
            .whitespace_to_characters(true)
            .coalesce_characters(true)
            .ignore_comments(true)
            .trim_whitespace(false)
            .ignore_root_level_whitespace(true);
        config.max_attributes = usize::try_from(limits.max_attributes)
            .unwrap_or(usize::MAX)
            .saturating_mul(2);
        config.max_attribute_length = backstop(limits.max_attribute_len);
        config.max_data_length = backstop(limits.max_text_len);
        // A document has one root element (xml-rs takes several by default).
        config.allow_multiple_root_elements = false;
        config.max_entity_expansion_depth = 1;
        config.max_entity_expansion_length = 1024;
        config.override_encoding = Some(xml::Encoding::Utf8);
        let input = Input::new(Box::new(src), limits, options.invalid_chars);
        Self {
            inner: EventReader::new_with_config(input, config),
            path: String::new(),
            ends: Vec::new(),
            failed: false,
            done: false,
        }
    }

    /// The local names of the open elements, joined by `/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// How many elements are open.
    pub fn depth(&self) -> usize {
        self.ends.len()
    }

    /// Where the reader is.
    pub fn position(&self) -> Position {
        let p = self.inner.position();
        Position {
            offset: self.inner.source().served(),
            line: p.row + 1,
            column: p.column + 1,
        }
    }

    /// An error of this kind at the current path and position (for [`XmlRead`] implementations).
    pub fn error(&self, kind: ReadErrorKind) -> ReadError {
        ReadError::new(kind, self.path.clone(), self.position())
    }

    /// Parses a text value (an attribute of the current element), with this path and position
    /// in the error.
    pub fn parse_value<T: XmlValue>(&self, s: &str) -> Result<T, ReadError> {
        T::from_xml_value(s).map_err(|e| self.error(invalid_value(s, e.expected)))
    }

    /// After the start tag `start`: reads the element's text and parses it; an error's path
    /// ends with the element itself.
    pub fn read_value<T: XmlValue>(&mut self, start: &StartTag) -> Result<T, ReadError> {
        let text = self.read_text()?;
        T::from_xml_value(&text)
            .map_err(|e| self.error_after(start, invalid_value(&text, e.expected)))
    }

    /// An error about the element `start` whose end tag was already read (so the current path
    /// no longer names it): the error's path ends with that element.
    pub fn error_after(&self, start: &StartTag, kind: ReadErrorKind) -> ReadError {
        let mut path = self.path.clone();
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(start.local_name());
        ReadError::new(kind, path, self.position())
    }

    /// The next event of the document.
    pub fn next_event(&mut self) -> Result<Event, ReadError> {
        if self.failed {
            return Err(self.error(ReadErrorKind::Syntax(
                "the document cannot be read past an earlier error".into(),
            )));
        }
        if self.done {
            return Ok(Event::Eof);
        }
        loop {
            let ev = match self.inner.next() {
                Ok(ev) => ev,
                Err(e) => {
                    self.failed = true;
                    return Err(self.convert(e));
                }
            };
            match ev {
                XmlEvent::StartElement {
                    name, attributes, ..
                } => {
                    let bad = std::iter::once(&name.local_name)
                        .chain(attributes.iter().map(|a| &a.name.local_name))
                        .find(|n| !is_ncname(n));
                    if let Some(bad) = bad {
                        let msg = format!("invalid name {bad:?}");
                        self.failed = true;
                        return Err(self.error(ReadErrorKind::Syntax(msg)));
                    }
                    let attrs = attributes
                        .into_iter()
                        .map(|a| Attribute {
                            name: QName::new(a.name.namespace, a.name.local_name),
                            value: a.value,
                        })
                        .collect();
                    self.ends.push(self.path.len());
                    if !self.path.is_empty() {
                        self.path.push('/');
                    }
                    self.path.push_str(&name.local_name);
                    let name = QName::new(name.namespace, name.local_name);
                    return Ok(Event::Start(StartTag { name, attrs }));
                }
                XmlEvent::EndElement { .. } => {
                    if let Some(end) = self.ends.pop() {
                        self.path.truncate(end);
                    }
                    return Ok(Event::End);
                }
                XmlEvent::Characters(s) | XmlEvent::Whitespace(s) | XmlEvent::CData(s) => {
                    return Ok(Event::Text(s));
                }
                XmlEvent::StartDocument { encoding, .. } => {
                    let e = encoding.to_ascii_lowercase();
                    if !matches!(e.as_str(), "utf-8" | "utf8" | "us-ascii" | "ascii") {
                        self.failed = true;
                        return Err(self.error(ReadErrorKind::Encoding(encoding)));
                    }
                }
                XmlEvent::Doctype { .. } => {
                    self.failed = true;
                    return Err(self.error(ReadErrorKind::Doctype));
                }
                XmlEvent::EndDocument => {
                    self.done = true;
                    return Ok(Event::Eof);
                }
                XmlEvent::Comment(_) | XmlEvent::ProcessingInstruction { .. } => {}
            }
        }
    }

    fn convert(&self, e: xml::reader::Error) -> ReadError {
        let kind = match e.kind() {
            XmlErrorKind::UnexpectedEof => ReadErrorKind::Truncated,
            XmlErrorKind::Syntax(msg) if msg.contains("nexpected end") => ReadErrorKind::Truncated,
            XmlErrorKind::Syntax(msg) if msg.starts_with("Declared encoding") => {
                ReadErrorKind::Encoding(msg.to_string())
            }
            XmlErrorKind::Syntax(msg) => ReadErrorKind::Syntax(msg.to_string()),
            XmlErrorKind::Utf8(err) => ReadErrorKind::Syntax(format!("invalid UTF-8: {err}")),
            XmlErrorKind::Io(io) => match io.get_ref().and_then(|r| r.downcast_ref::<InputError>())
            {
                Some(InputError::Limit { limit, max }) => ReadErrorKind::Limit {
                    limit: *limit,
                    max: *max,
                },
                Some(InputError::InvalidChar(c)) => ReadErrorKind::InvalidChar(*c),
                Some(InputError::Encoding(enc)) => ReadErrorKind::Encoding(enc.clone()),
                None if io.kind() == std::io::ErrorKind::UnexpectedEof => ReadErrorKind::Truncated,
                None if io.kind() == std::io::ErrorKind::InvalidData => {
                    ReadErrorKind::Syntax("invalid UTF-8".into())
                }
                None => ReadErrorKind::Io(std::io::Error::new(io.kind(), io.to_string())),
            },
            _ => ReadErrorKind::Syntax(e.to_string()),
        };
        self.error(kind)
    }

    /// The document's root element (skips the XML declaration, comments and processing
    /// instructions before it).
    pub fn root(&mut self) -> Result<StartTag, ReadError> {
        loop {
            match self.next_event()? {
                Event::Start(tag) => return Ok(tag),
                Event::Eof => return Err(self.error(ReadErrorKind::MissingElement("root element"))),
                Event::End | Event::Text(_) => {}
            }
        }
    }

    /// Inside the current element: the next child's start tag, or `None` once the current
    /// element's end tag is consumed. Text between children is ignored.
    pub fn next_child(&mut self) -> Result<Option<StartTag>, ReadError> {
        loop {
            match self.next_event()? {
                Event::Start(tag) => return Ok(Some(tag)),
                Event::End => return Ok(None),
                Event::Text(_) => {}
                Event::Eof => return Err(self.error(ReadErrorKind::Truncated)),
            }
        }
    }

    /// After a start tag: consumes the rest of that element, whatever it contains.
    pub fn skip_element(&mut self) -> Result<(), ReadError> {
        let target = self.depth().saturating_sub(1);
        while self.depth() > target {
            if let Event::Eof = self.next_event()? {
                return Err(self.error(ReadErrorKind::Truncated));
            }
        }
        Ok(())
    }

    /// After a start tag: the element's text content, up to and including its end tag.
    /// Child elements (none in EWS text content) are skipped.
    pub fn read_text(&mut self) -> Result<String, ReadError> {
        let mut text = String::new();
        loop {
            match self.next_event()? {
                Event::Text(t) if text.is_empty() => text = t,
                Event::Text(t) => text.push_str(&t),
                Event::Start(_) => self.skip_element()?,
                Event::End => return Ok(text),
                Event::Eof => return Err(self.error(ReadErrorKind::Truncated)),
            }
        }
    }

    /// After a start tag: the element's text decoded as base64 (whitespace ignored).
    pub fn read_base64(&mut self) -> Result<Vec<u8>, ReadError> {
        let text = self.read_text()?;
        crate::base64::decode(&text).ok_or_else(|| {
            self.error(ReadErrorKind::InvalidValue {
                value: text.chars().take(80).collect(),
                expected: "base64",
            })
        })
    }

    /// Reads the next child with [`XmlRead`], checking that it is `name`.
    pub fn read_child<T: XmlRead>(&mut self, name: Name<'_>) -> Result<Option<T>, ReadError> {
        match self.next_child()? {
            None => Ok(None),
            Some(tag) if tag.is(name) => T::read_xml(self, &tag).map(Some),
            Some(tag) => Err(self.error(ReadErrorKind::UnexpectedElement {
                found: tag.name().to_string(),
            })),
        }
    }

    /// Reads the whole document, checking it is well-formed and within the limits.
    pub fn read_to_end(&mut self) -> Result<(), ReadError> {
        while self.next_event()? != Event::Eof {}
        Ok(())
    }
}

fn invalid_value(s: &str, expected: &'static str) -> ReadErrorKind {
    let mut value: String = s.chars().take(80).collect();
    if value.len() < s.len() {
        value.push('…');
    }
    ReadErrorKind::InvalidValue { value, expected }
}

/// Whether `name` is an XML name without a colon (the `NCName` production).
pub(crate) fn is_ncname(name: &str) -> bool {
    use xml::common::{is_name_char, is_name_start_char};
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c != ':' && is_name_start_char(c))
        && chars.all(|c| c != ':' && is_name_char(c))
}

impl std::fmt::Debug for Reader<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("path", &self.path)
            .field("position", &self.position())
            .finish()
    }
}
