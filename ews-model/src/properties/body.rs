//! Bodies (`t:BodyType`: text or HTML) and MIME content (`t:MimeContentType`: the whole
//! message as base64).
//!
//! ```
//! use ews_model::properties::{Body, BodyType, MimeContent};
//!
//! let body = Body::html("<p>Hello</p>");
//! assert_eq!(body.body_type, BodyType::Html);
//! assert!(body.is_html());
//! let mime = MimeContent::new(b"Subject: hi\r\n\r\nHello".to_vec());
//! assert_eq!(mime.content.len(), 20);
//! ```

use ews_xml::{
    Name, ReadError, Reader, StartTag, WriteError, Writer, XmlElement, XmlRead, XmlValue, XmlWrite,
};

/// The body of an item: its text, and whether it is HTML or plain text (`t:BodyType`).
///
/// The same type serves `t:Body`, `t:UniqueBody`, `t:NormalizedBody` and `t:TextBody` of
/// items. See [Body](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/body).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "Body")]
#[non_exhaustive]
pub struct Body {
    /// `BodyType`: HTML or text.
    #[xml(attr = "BodyType")]
    pub body_type: BodyType,
    /// `IsTruncated`: the server cut the body (responses, when a maximum size was asked for).
    #[xml(attr = "IsTruncated")]
    pub is_truncated: Option<bool>,
    /// The text of the body.
    #[xml(text)]
    pub content: String,
}

impl Body {
    /// A plain-text body.
    pub fn text(content: impl Into<String>) -> Self {
        Self {
            body_type: BodyType::Text,
            is_truncated: None,
            content: content.into(),
        }
    }

    /// An HTML body (exchangelib's `HTMLBody`).
    pub fn html(content: impl Into<String>) -> Self {
        Self {
            body_type: BodyType::Html,
            ..Self::text(content)
        }
    }

    /// Whether the body is HTML.
    pub fn is_html(&self) -> bool {
        self.body_type == BodyType::Html
    }
}

/// `t:UniqueBody`: the part of a message that is not quoted from earlier messages of the
/// conversation; the same type as [`Body`]. See
/// [UniqueBody](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/uniquebody).
pub type UniqueBody = Body;

/// `t:NormalizedBody`: the body normalized by the server; the same type as [`Body`]. See
/// [NormalizedBody](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/normalizedbody).
pub type NormalizedBody = Body;

/// Whether a body is HTML or plain text (`t:BodyTypeType`).
///
/// See [Body](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/body).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum BodyType {
    /// `HTML`.
    #[xml(rename = "HTML")]
    Html,
    /// `Text`.
    #[default]
    Text,
    /// A body type this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

serde_as_xml_value!(BodyType);

/// The whole item in MIME form (`t:MimeContentType`): base64 text in the document, the
/// decoded bytes here.
///
/// See [MimeContent](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/mimecontent).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MimeContent {
    /// `CharacterSet`: the character set of the MIME text (e.g. `UTF-8`).
    pub character_set: Option<String>,
    /// The MIME message (RFC 5322), decoded from base64.
    pub content: Vec<u8>,
}

impl MimeContent {
    /// MIME content without a character set.
    pub fn new(content: impl Into<Vec<u8>>) -> Self {
        Self {
            character_set: None,
            content: content.into(),
        }
    }

    /// This content with the character set `character_set`.
    #[must_use]
    pub fn with_character_set(mut self, character_set: impl Into<String>) -> Self {
        self.character_set = Some(character_set.into());
        self
    }
}

impl XmlElement for MimeContent {
    const NAME: Name<'static> = Name::t("MimeContent");
}

/// Hand-written: the derive's `text` field needs an [`XmlValue`], and base64 is written and
/// read by the [`Writer`] and [`Reader`] directly (streamed, whitespace-tolerant).
impl XmlWrite for MimeContent {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        if let Some(set) = &self.character_set {
            w.attr("CharacterSet", set)?;
        }
        w.base64(&self.content)?;
        w.end()
    }
}

impl XmlRead for MimeContent {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let character_set = start.attr("CharacterSet").map(str::to_owned);
        let content = r.read_base64()?;
        Ok(Self {
            character_set,
            content,
        })
    }
}
