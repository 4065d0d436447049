//! `MoveItem`: items to another folder.
//!
//! ```
//! use ews_model::operations::MoveItem;
//! use ews_model::properties::{DistinguishedFolderIdName, ItemId};
//!
//! let request = MoveItem::new(DistinguishedFolderIdName::JunkEmail)
//!     .item(ItemId::new("AfwDoAAA="))
//!     .return_new_item_ids(true);
//! assert_eq!(request.item_ids.len(), 1);
//! ```
//!
//! Reference: [MoveItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/moveitem-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_item::{ItemInfoResponseMessage, optional_item_results};
use super::{Operation, ResponseError, Sealed};
use crate::items::Item;
use crate::properties::{FolderIdChoice, ItemIdChoice};
use crate::version::ExchangeVersion;

/// The `MoveItem` request (`m:MoveItemType`).
///
/// See [MoveItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/moveitem).
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "MoveItem")]
#[non_exhaustive]
pub struct MoveItem {
    /// `m:ToFolderId`: the destination folder.
    #[xml(wrapper = "ToFolderId", choice)]
    pub to_folder_id: FolderIdChoice,
    /// `m:ItemIds`: the items to move (at least one).
    #[xml(wrapper = "ItemIds", choice)]
    pub item_ids: Vec<ItemIdChoice>,
    /// `m:ReturnNewItemIds`: whether the response carries the new ids (Exchange 2010 SP1
    /// and later; the default is to return them).
    pub return_new_item_ids: Option<bool>,
}

impl MoveItem {
    /// A request moving no items yet into `to`.
    pub fn new(to: impl Into<FolderIdChoice>) -> Self {
        Self {
            to_folder_id: to.into(),
            item_ids: Vec::new(),
            return_new_item_ids: None,
        }
    }
    /// Also move `item`.
    #[must_use]
    pub fn item(mut self, item: impl Into<ItemIdChoice>) -> Self {
        self.item_ids.push(item.into());
        self
    }
    /// Also move every item of `items`.
    #[must_use]
    pub fn items<I: IntoIterator<Item = impl Into<ItemIdChoice>>>(mut self, items: I) -> Self {
        self.item_ids.extend(items.into_iter().map(Into::into));
        self
    }
    /// Whether the response should carry the new ids.
    #[must_use]
    pub fn return_new_item_ids(mut self, yes: bool) -> Self {
        self.return_new_item_ids = Some(yes);
        self
    }
}

impl Sealed for MoveItem {}

impl Operation for MoveItem {
    type Response = MoveItemResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    /// A retried move fails (the old id is gone) or moves an item already moved back.
    const IDEMPOTENT: bool = false;
}

/// The `MoveItem` response (`m:MoveItemResponseType`): the moved items' new ids.
///
/// See [MoveItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/moveitemresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "MoveItemResponse")]
#[non_exhaustive]
pub struct MoveItemResponse {
    /// `m:ResponseMessages`: one message per item, in request order.
    #[xml(wrapper = "ResponseMessages", item = "MoveItemResponseMessage")]
    pub messages: Vec<ItemInfoResponseMessage>,
}

impl MoveItemResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<ItemInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per item, in request order: the moved item (its new id; `None` when the
    /// server returned none, as across mailboxes or with `ReturnNewItemIds` false) or its
    /// error.
    pub fn into_results(self) -> Vec<Result<Option<Item>, ResponseError>> {
        optional_item_results(self.messages)
    }
}
