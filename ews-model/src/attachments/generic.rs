//! [`GenericAttachment`]: an attachment element this crate does not know, kept whole.

use ews_xml::{Element, QName};

use super::AttachmentBase;

/// An attachment of a kind the model does not know (a newer server's type): its name, the
/// [`AttachmentBase`] elements it has (id, name, content type, size...) and everything else
/// kept whole, so it is written back as it came.
///
/// Elements other than the attachment base's come back after them when written (the schema
/// puts a derived type's own elements after the base's).
///
/// See [Attachments](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/attachments-ex15websvcsotherref).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GenericAttachment {
    /// The element's name.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::qname"))]
    pub name: QName,
    /// The attributes, in document order.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::attributes"))]
    pub attributes: Vec<(QName, String)>,
    /// The attachment base elements.
    pub base: AttachmentBase,
    /// The other child elements, in document order.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::list"))]
    pub other: Vec<Element>,
}

impl GenericAttachment {
    /// An empty attachment element called `local_name` (in the types namespace).
    pub fn new(local_name: impl Into<String>) -> Self {
        Self {
            name: QName::new(Some(ews_xml::NS_TYPES.to_owned()), local_name.into()),
            attributes: Vec::new(),
            base: AttachmentBase::default(),
            other: Vec::new(),
        }
    }
}

crate::unknown::generic_element!(GenericAttachment, base);
