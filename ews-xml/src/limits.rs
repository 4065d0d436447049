//! Reader limits and the treatment of characters XML 1.0 forbids.

/// Limits that bound the work and memory one document can cost the [`Reader`](crate::Reader).
///
/// The defaults fit every real EWS response (including large attachments) and stop hostile
/// documents early: the limits are checked on the raw bytes before the XML tokenizer builds
/// anything, so a 100,000-deep nesting fails at depth [`max_depth`](Self::max_depth) having
/// cost microseconds.
///
/// ```
/// use ews_xml::{Limit, Limits, ReadErrorKind, Reader, ReaderOptions};
///
/// let mut options = ReaderOptions::default();
/// options.limits.max_depth = 2;
/// let err = Reader::with_options(&b"<a><a><a></a></a></a>"[..], options).read_to_end().unwrap_err();
/// assert!(matches!(err.kind(), ReadErrorKind::Limit { limit: Limit::Depth, max: 2 }));
/// assert_eq!(Limits::default().max_depth, 128);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Deepest element nesting (default 128; EWS responses stay under 30).
    pub max_depth: u32,
    /// Longest run of text, CDATA, comment or processing instruction, in bytes
    /// (default 128 MiB, room for base64 attachment content).
    pub max_text_len: u64,
    /// Most attributes on one element, namespace declarations included (default 64).
    pub max_attributes: u32,
    /// Longest attribute value in bytes (default 64 KiB).
    pub max_attribute_len: u64,
    /// Most namespace declarations in scope at once (default 256).
    pub max_namespaces: u32,
    /// Largest document in bytes (default 512 MiB).
    pub max_document_size: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 128,
            max_text_len: 128 << 20,
            max_attributes: 64,
            max_attribute_len: 64 << 10,
            max_namespaces: 256,
            max_document_size: 512 << 20,
        }
    }
}

/// What the [`Reader`](crate::Reader) does with characters that XML 1.0 forbids (C0 control
/// characters other than tab, line feed and carriage return, written raw or as character
/// references such as `&#x1;`, and `&#xFFFE;`/`&#xFFFF;`/surrogates).
///
/// Exchange does send them (in subjects, attachment names, display names), so responses are
/// read with [`Replace`](Self::Replace) by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum InvalidChars {
    /// Replace each with U+FFFD REPLACEMENT CHARACTER and keep reading (default).
    #[default]
    Replace,
    /// Fail with [`ReadErrorKind::InvalidChar`](crate::ReadErrorKind::InvalidChar).
    Reject,
}

/// Options of a [`Reader`](crate::Reader).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReaderOptions {
    /// Resource limits.
    pub limits: Limits,
    /// Treatment of characters XML 1.0 forbids.
    pub invalid_chars: InvalidChars,
}
