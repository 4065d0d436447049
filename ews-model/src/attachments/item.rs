//! [`ItemAttachment`]: an item attached to another item.

use ews_xml::{
    Name, ReadError, Reader, StartTag, WriteError, Writer, XmlChoice, XmlRead, XmlWrite,
};

use super::AttachmentBase;
use crate::items::Item;

/// An item attached to another item (`t:ItemAttachmentType`): a forwarded message, an
/// appointment, a contact...
///
/// The attached item is boxed (an item may have item attachments, which have items...), so
/// the codec is hand-written; the item is any [`Item`], unknown kinds included.
///
/// See [ItemAttachment](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/itemattachment).
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ItemAttachment {
    /// The attachment's common elements.
    pub base: AttachmentBase,
    /// The attached item (absent when only the attachment's metadata was asked).
    pub item: Option<Box<Item>>,
}

impl ItemAttachment {
    /// An attachment called `name` holding `item`.
    pub fn new(name: impl Into<String>, item: impl Into<Item>) -> Self {
        Self {
            base: AttachmentBase::named(name),
            item: Some(Box::new(item.into())),
        }
    }
}

impl XmlWrite for ItemAttachment {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        self.base.__xml_write_attrs(w)?;
        self.base.__xml_write_children(w)?;
        if let Some(item) = &self.item {
            item.write_choice(w)?;
        }
        w.end()
    }
}

impl XmlRead for ItemAttachment {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let mut this = Self::default();
        this.base.__xml_read_attrs(r, start)?;
        while let Some(child) = r.next_child()? {
            if this.base.__xml_read_child(r, &child)? {
                continue;
            }
            // `Item` matches every element (unknown ones become generic items): the first
            // other element of the types namespace is the item, anything after it is skipped.
            if this.item.is_none() && child.ns() == ews_xml::Ns::Types && Item::matches(&child) {
                this.item = Some(Box::new(Item::read_choice(r, &child)?));
            } else {
                r.skip_element()?;
            }
        }
        Ok(this)
    }
}
