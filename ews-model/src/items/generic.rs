//! [`GenericItem`]: an item element this crate does not know, kept whole.

use ews_xml::{Element, QName};

use super::ItemBase;

/// An item of a kind the model does not know (a newer server's type, or one not modelled such
/// as `t:SharingMessage`): its name, the [`ItemBase`] elements it has (ids, subject, dates...)
/// and everything else kept whole, so it is written back as it came.
///
/// Elements other than the item base's come back after them when written (the schema puts a
/// derived type's own elements after the base's, so the order is kept for the schema's types).
///
/// See [Items](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/items).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GenericItem {
    /// The element's name (`t:SharingMessage`, ...).
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::qname"))]
    pub name: QName,
    /// The attributes, in document order.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::attributes"))]
    pub attributes: Vec<(QName, String)>,
    /// The item base elements.
    pub item: ItemBase,
    /// The other child elements, in document order.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::list"))]
    pub other: Vec<Element>,
}

impl GenericItem {
    /// An empty item element called `name` (in the types namespace).
    pub fn new(local_name: impl Into<String>) -> Self {
        Self {
            name: QName::new(Some(ews_xml::NS_TYPES.to_owned()), local_name.into()),
            attributes: Vec::new(),
            item: ItemBase::default(),
            other: Vec::new(),
        }
    }
}

crate::unknown::generic_element!(GenericItem, item);
