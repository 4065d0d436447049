//! [`GenericFolder`]: a folder element this crate does not know, kept whole.

use ews_xml::{Element, QName};

use super::FolderBase;

/// A folder of a kind the model does not know (a newer server's type, such as a
/// `t:SmartFolder`): its name, the [`FolderBase`] elements it has (ids, display name,
/// counts...) and everything else kept whole, so it is written back as it came.
///
/// Elements other than the folder base's come back after them when written (the schema puts
/// a derived type's own elements after the base's).
///
/// See [Folders](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/folders-ex15websvcsotherref).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GenericFolder {
    /// The element's name (`t:SmartFolder`, ...).
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::qname"))]
    pub name: QName,
    /// The attributes, in document order.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::attributes"))]
    pub attributes: Vec<(QName, String)>,
    /// The folder base elements.
    pub base: FolderBase,
    /// The other child elements, in document order.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::list"))]
    pub other: Vec<Element>,
}

impl GenericFolder {
    /// An empty folder element called `local_name` (in the types namespace).
    pub fn new(local_name: impl Into<String>) -> Self {
        Self {
            name: QName::new(Some(ews_xml::NS_TYPES.to_owned()), local_name.into()),
            attributes: Vec::new(),
            base: FolderBase::default(),
            other: Vec::new(),
        }
    }
}

crate::unknown::generic_element!(GenericFolder, base);
