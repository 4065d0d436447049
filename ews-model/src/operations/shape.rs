//! Response shapes: which properties a Get or Find returns.
//!
//! Reference: [ItemShape](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/itemshape),
//! [FolderShape](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/foldershape),
//! [AttachmentShape](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/attachmentshape).

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use super::FieldPath;

/// `BaseShape`: the base set of properties returned.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum BaseShape {
    /// Ids only.
    IdOnly,
    /// The server's default set.
    #[default]
    Default,
    /// Everything the server returns without being asked by name.
    AllProperties,
    /// The people-search set (FindPeople).
    PcxPeopleSearch,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `BodyType` in shapes: the body format to return.
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum BodyKind {
    /// Whatever the item has.
    Best,
    /// HTML.
    #[xml(rename = "HTML")]
    Html,
    /// Plain text.
    Text,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `FolderShape`.
///
/// ```
/// use ews_model::operations::{BaseShape, FieldPath, FolderShape};
///
/// let shape = FolderShape::new(BaseShape::IdOnly).with(FieldPath::field("folder:DisplayName"));
/// assert_eq!(shape.additional_properties.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FolderShape {
    /// The base set.
    pub base_shape: BaseShape,
    /// Properties beyond the base set.
    #[xml(wrapper = "AdditionalProperties", choice)]
    pub additional_properties: Vec<FieldPath>,
}

impl FolderShape {
    /// A shape with this base set.
    pub fn new(base_shape: BaseShape) -> Self {
        Self {
            base_shape,
            additional_properties: Vec::new(),
        }
    }
    /// Also return `path`.
    #[must_use]
    pub fn with(mut self, path: FieldPath) -> Self {
        self.additional_properties.push(path);
        self
    }
}

/// `ItemShape`.
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ItemShape {
    /// The base set.
    pub base_shape: BaseShape,
    /// Return the MIME content.
    pub include_mime_content: Option<bool>,
    /// The body format.
    pub body_type: Option<BodyKind>,
    /// The unique body format.
    pub unique_body_type: Option<BodyKind>,
    /// The normalized body format.
    pub normalized_body_type: Option<BodyKind>,
    /// Remove unsafe HTML.
    pub filter_html_content: Option<bool>,
    /// Convert HTML to UTF-8.
    #[xml(name = "ConvertHtmlCodePageToUTF8")]
    pub convert_html_code_page_to_utf8: Option<bool>,
    /// URL template for inline images.
    pub inline_image_url_template: Option<String>,
    /// Block external images.
    pub block_external_images: Option<bool>,
    /// Add `target="_blank"` to links.
    pub add_blank_target_to_links: Option<bool>,
    /// Truncate bodies to this many characters.
    pub maximum_body_size: Option<i32>,
    /// Properties beyond the base set.
    #[xml(wrapper = "AdditionalProperties", choice)]
    pub additional_properties: Vec<FieldPath>,
}

impl ItemShape {
    /// A shape with this base set.
    pub fn new(base_shape: BaseShape) -> Self {
        Self {
            base_shape,
            ..Self::default()
        }
    }
    /// Also return `path`.
    #[must_use]
    pub fn with(mut self, path: FieldPath) -> Self {
        self.additional_properties.push(path);
        self
    }
    /// Return bodies in this format.
    #[must_use]
    pub fn body_type(mut self, kind: BodyKind) -> Self {
        self.body_type = Some(kind);
        self
    }
}

/// `AttachmentShape`.
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AttachmentShape {
    /// Return the MIME content of item attachments.
    pub include_mime_content: Option<bool>,
    /// The body format of item attachments.
    pub body_type: Option<BodyKind>,
    /// Remove unsafe HTML.
    pub filter_html_content: Option<bool>,
    /// Properties beyond the default set.
    #[xml(wrapper = "AdditionalProperties", choice)]
    pub additional_properties: Vec<FieldPath>,
}
