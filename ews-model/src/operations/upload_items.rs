//! `UploadItems`: create or overwrite items from the data streams of
//! [`ExportItems`](super::ExportItems) (Exchange 2010 SP1 and later).
//!
//! ```
//! use ews_model::operations::{CreateAction, UploadItem, UploadItems};
//! use ews_model::properties::FolderId;
//!
//! let request = UploadItems::new([UploadItem::new(
//!     CreateAction::CreateNew,
//!     FolderId::new("AAMkADEz"),
//!     vec![1, 0, 0, 0],
//! )]);
//! assert_eq!(request.items.len(), 1);
//! ```
//!
//! Reference: [UploadItems operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/uploaditems-operation).

use ews_xml::{
    Name, ReadError, ReadErrorKind, Reader, StartTag, WriteError, Writer, XmlRead, XmlValue,
    XmlWrite,
};

use super::{MessageStatus, Operation, ResponseError, Sealed};
use crate::properties::{FolderId, ItemId};
use crate::version::ExchangeVersion;

/// What an upload does (`t:CreateActionType`).
///
/// See [Item (UploadItemType)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/item-uploaditemtype).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum CreateAction {
    /// Create a new item (a given `ItemId` is ignored).
    #[default]
    CreateNew,
    /// Overwrite the item `ItemId`; fail if it does not exist.
    Update,
    /// Overwrite the item `ItemId`, or create a new one if it does not exist.
    UpdateOrCreate,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// One item to upload (`t:UploadItemType`).
///
/// See [Item (UploadItemType)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/item-uploaditemtype).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct UploadItem {
    /// `CreateAction`: create, update or either.
    pub create_action: CreateAction,
    /// `IsAssociated`: the item is a folder-associated (hidden) item.
    pub is_associated: Option<bool>,
    /// `t:ParentFolderId`: the folder to upload into.
    pub parent_folder_id: FolderId,
    /// `t:ItemId`: the item to overwrite (`Update`, `UpdateOrCreate`).
    pub item_id: Option<ItemId>,
    /// `t:Data`: the item's data stream, as `ExportItems` returned it (base64 in XML).
    pub data: Vec<u8>,
}

impl UploadItem {
    /// Upload `data` into `parent` the `action` way.
    pub fn new(action: CreateAction, parent: FolderId, data: Vec<u8>) -> Self {
        Self {
            create_action: action,
            parent_folder_id: parent,
            data,
            ..Self::default()
        }
    }
    /// Overwrite the item `id` (with `Update` or `UpdateOrCreate`).
    #[must_use]
    pub fn item_id(mut self, id: ItemId) -> Self {
        self.item_id = Some(id);
        self
    }
    /// Mark the item as folder-associated.
    #[must_use]
    pub fn associated(mut self) -> Self {
        self.is_associated = Some(true);
        self
    }
}

impl XmlWrite for UploadItem {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        w.attr("CreateAction", &self.create_action.to_xml_value())?;
        if let Some(a) = self.is_associated {
            w.attr("IsAssociated", if a { "true" } else { "false" })?;
        }
        self.parent_folder_id
            .write_xml(w, Name::t("ParentFolderId"))?;
        if let Some(id) = &self.item_id {
            id.write_xml(w, Name::t("ItemId"))?;
        }
        w.start(Name::t("Data"))?;
        w.base64(&self.data)?;
        w.end()?;
        w.end()
    }
}

impl XmlRead for UploadItem {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let create_action = match start.attr("CreateAction") {
            Some(s) => r.parse_value(s)?,
            None => return Err(r.error(ReadErrorKind::MissingAttribute("CreateAction"))),
        };
        let is_associated = match start.attr("IsAssociated") {
            Some(s) => Some(r.parse_value(s)?),
            None => None,
        };
        let (mut parent, mut item_id, mut data) = (None, None, None);
        while let Some(child) = r.next_child()? {
            if child.is(Name::t("ParentFolderId")) {
                parent = Some(FolderId::read_xml(r, &child)?);
            } else if child.is(Name::t("ItemId")) {
                item_id = Some(ItemId::read_xml(r, &child)?);
            } else if child.is(Name::t("Data")) {
                data = Some(r.read_base64()?);
            } else {
                r.skip_element()?;
            }
        }
        let missing = |name| r.error_after(start, ReadErrorKind::MissingElement(name));
        Ok(Self {
            create_action,
            is_associated,
            parent_folder_id: parent.ok_or_else(|| missing("ParentFolderId"))?,
            item_id,
            data: data.ok_or_else(|| missing("Data"))?,
        })
    }
}

/// The `UploadItems` request (`m:UploadItemsType`).
///
/// See [UploadItems](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/uploaditems).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "UploadItems")]
#[non_exhaustive]
pub struct UploadItems {
    /// `m:Items`: the items (at least one).
    #[xml(wrapper = "Items", item = "Item", item_ns = "t")]
    pub items: Vec<UploadItem>,
}

impl UploadItems {
    /// Upload these items.
    pub fn new<I: IntoIterator<Item = UploadItem>>(items: I) -> Self {
        Self {
            items: items.into_iter().collect(),
        }
    }
}

impl Sealed for UploadItems {}

impl Operation for UploadItems {
    type Response = UploadItemsResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2010Sp1;
    /// A retried `CreateNew` creates a second item.
    const IDEMPOTENT: bool = false;
}

/// One uploaded item (`m:UploadItemsResponseMessageType`).
///
/// See [UploadItemsResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/uploaditemsresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct UploadItemsResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:ItemId`: the created or updated item.
    pub item_id: Option<ItemId>,
}

impl UploadItemsResponseMessage {
    /// A successful message with the item's id.
    pub fn success(item_id: ItemId) -> Self {
        Self {
            status: MessageStatus::success(),
            item_id: Some(item_id),
        }
    }
    /// A failed message.
    pub fn error(status: MessageStatus) -> Self {
        Self {
            status,
            item_id: None,
        }
    }
}

/// The `UploadItems` response (`m:UploadItemsResponseType`).
///
/// See [UploadItemsResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/uploaditemsresponse).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "UploadItemsResponse")]
#[non_exhaustive]
pub struct UploadItemsResponse {
    /// `m:ResponseMessages`: one message per item, in request order.
    #[xml(wrapper = "ResponseMessages", item = "UploadItemsResponseMessage")]
    pub messages: Vec<UploadItemsResponseMessage>,
}

impl UploadItemsResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<UploadItemsResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per item, in request order: the item's id, or its error. A successful
    /// message without an id is a [`ResponseError::Incomplete`].
    pub fn into_results(self) -> Vec<Result<ItemId, ResponseError>> {
        self.messages
            .into_iter()
            .map(|m| {
                m.status.check()?;
                m.item_id
                    .ok_or(ResponseError::Incomplete { missing: "ItemId" })
            })
            .collect()
    }
}
