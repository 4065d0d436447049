//! Read and write errors.

use std::fmt;

/// Where in a document something happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// Bytes of the document consumed when the error was detected (0-based).
    pub offset: u64,
    /// Line number (1-based).
    pub line: u64,
    /// Column number in characters (1-based).
    pub column: u64,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}, byte {}",
            self.line, self.column, self.offset
        )
    }
}

/// A configured limit of the [`Reader`](crate::Reader), see [`Limits`](crate::Limits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// Element nesting depth.
    Depth,
    /// Length in bytes of one run of text (or of a comment, CDATA section, processing instruction).
    TextLength,
    /// Number of attributes on one element (namespace declarations included).
    Attributes,
    /// Length in bytes of one attribute value.
    AttributeLength,
    /// Number of namespace declarations on one element.
    NamespaceDeclarations,
    /// Total size of the document in bytes.
    DocumentSize,
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Depth => "element depth",
            Self::TextLength => "text length",
            Self::Attributes => "attributes per element",
            Self::AttributeLength => "attribute length",
            Self::NamespaceDeclarations => "namespace declarations per element",
            Self::DocumentSize => "document size",
        })
    }
}

/// What went wrong while reading, see [`ReadError::kind`].
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The document is not well-formed XML.
    Syntax(String),
    /// The document ended before its root element was closed.
    Truncated,
    /// The document has a DOCTYPE declaration; DTDs and entity declarations are refused.
    Doctype,
    /// A configured limit was exceeded.
    Limit {
        /// Which limit.
        limit: Limit,
        /// Its configured value.
        max: u64,
    },
    /// A character that XML 1.0 does not allow (only in [`InvalidChars::Reject`](crate::InvalidChars::Reject) mode).
    InvalidChar(u32),
    /// The document is not UTF-8 (EWS always is).
    Encoding(String),
    /// The byte source failed.
    Io(std::io::Error),
    /// An element that is not allowed here.
    UnexpectedElement {
        /// The element found (`prefix:local` with the canonical prefix).
        found: String,
    },
    /// A required child element is missing.
    MissingElement(&'static str),
    /// A required attribute is missing.
    MissingAttribute(&'static str),
    /// Text or an attribute value could not be converted.
    InvalidValue {
        /// The offending value (cut to 80 characters).
        value: String,
        /// What was expected, e.g. `a boolean`.
        expected: &'static str,
    },
    /// An error from a caller-defined conversion.
    Custom(Box<dyn std::error::Error + Send + Sync>),
}

impl fmt::Display for ReadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax(msg) => write!(f, "malformed XML: {msg}"),
            Self::Truncated => f.write_str("the document ended early"),
            Self::Doctype => f.write_str("DOCTYPE declarations are not allowed"),
            Self::Limit { limit, max } => write!(f, "{limit} exceeds the limit of {max}"),
            Self::InvalidChar(c) => write!(f, "character U+{c:04X} is not allowed in XML 1.0"),
            Self::Encoding(e) => write!(f, "unsupported encoding {e:?}: only UTF-8 is read"),
            Self::Io(_) => f.write_str("reading the document failed"),
            Self::UnexpectedElement { found } => write!(f, "unexpected element {found}"),
            Self::MissingElement(name) => write!(f, "missing element {name}"),
            Self::MissingAttribute(name) => write!(f, "missing attribute {name}"),
            Self::InvalidValue { value, expected } => {
                write!(f, "invalid value {value:?}, expected {expected}")
            }
            Self::Custom(_) => f.write_str("invalid content"),
        }
    }
}

/// An error while reading a document: what, at which element path and where in the bytes.
///
/// ```
/// let err = ews_xml::Reader::from_bytes(b"<a><b>").read_to_end().unwrap_err();
/// assert!(matches!(err.kind(), ews_xml::ReadErrorKind::Truncated));
/// assert_eq!(err.path(), "a/b");
/// ```
pub struct ReadError(Box<Inner>);

struct Inner {
    kind: ReadErrorKind,
    path: String,
    position: Position,
}

impl ReadError {
    /// Builds an error; the [`Reader`](crate::Reader) fills path and position through
    /// [`Reader::error`](crate::Reader::error).
    pub fn new(kind: ReadErrorKind, path: String, position: Position) -> Self {
        Self(Box::new(Inner {
            kind,
            path,
            position,
        }))
    }
    /// What went wrong.
    pub fn kind(&self) -> &ReadErrorKind {
        &self.0.kind
    }
    /// Consumes the error, returning what went wrong.
    pub fn into_kind(self) -> ReadErrorKind {
        self.0.kind
    }
    /// The local names of the open elements, outermost first, joined by `/`
    /// (e.g. `Envelope/Body/GetItemResponse/ResponseMessages`).
    pub fn path(&self) -> &str {
        &self.0.path
    }
    /// Where in the document.
    pub fn position(&self) -> Position {
        self.0.position
    }
    /// True when the error says the document is hostile or broken (syntax, limits, DOCTYPE,
    /// truncation, encoding), as opposed to well-formed XML with unexpected content.
    pub fn is_malformed(&self) -> bool {
        matches!(
            self.0.kind,
            ReadErrorKind::Syntax(_)
                | ReadErrorKind::Truncated
                | ReadErrorKind::Doctype
                | ReadErrorKind::Limit { .. }
                | ReadErrorKind::InvalidChar(_)
                | ReadErrorKind::Encoding(_)
        )
    }
}

impl fmt::Debug for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadError")
            .field("kind", &self.0.kind)
            .field("path", &self.0.path)
            .field("position", &self.0.position)
            .finish()
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.kind)?;
        if !self.0.path.is_empty() {
            write!(f, " at {}", self.0.path)?;
        }
        write!(f, " ({})", self.0.position)
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.kind {
            ReadErrorKind::Io(e) => Some(e),
            ReadErrorKind::Custom(e) => Some(&**e),
            _ => None,
        }
    }
}

/// A value that could not be converted from its XML text, see [`XmlValue`](crate::XmlValue).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    /// What was expected, e.g. `an integer`.
    pub expected: &'static str,
}

impl ValueError {
    /// A value error expecting `expected`.
    pub const fn expected(expected: &'static str) -> Self {
        Self { expected }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}", self.expected)
    }
}

impl std::error::Error for ValueError {}

/// An error while writing a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The sink failed.
    #[error("writing the document failed")]
    Io(#[from] std::io::Error),
    /// The byte source of a streamed (base64) value failed.
    #[error("reading the content to encode failed")]
    Source(#[source] std::io::Error),
    /// Writer calls out of order (e.g. an attribute after content, `end` with nothing open).
    #[error("writer misuse: {0}")]
    Misuse(&'static str),
    /// A name that is not a valid XML name.
    #[error("invalid XML name {0:?}")]
    InvalidName(String),
    /// A value that cannot be written (caller-defined).
    #[error("invalid value: {0}")]
    InvalidValue(String),
}
