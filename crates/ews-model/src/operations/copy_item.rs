//! `CopyItem`: copies of items in another folder.
//!
//! ```
//! use ews_model::operations::CopyItem;
//! use ews_model::properties::{DistinguishedFolderIdName, ItemId};
//!
//! let request = CopyItem::new(DistinguishedFolderIdName::Drafts)
//!     .item(ItemId::new("AfwDoAAA="))
//!     .return_new_item_ids(true);
//! assert_eq!(request.item_ids.len(), 1);
//! ```
//!
//! Reference: [CopyItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyitem-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_item::{ItemInfoResponseMessage, optional_item_results};
use super::{Operation, ResponseError, Sealed};
use crate::items::Item;
use crate::properties::{FolderIdChoice, ItemIdChoice};
use crate::version::ExchangeVersion;

/// The `CopyItem` request (`m:CopyItemType`).
///
/// See [CopyItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyitem).
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "CopyItem")]
#[non_exhaustive]
pub struct CopyItem {
    /// `m:ToFolderId`: the destination folder.
    #[xml(wrapper = "ToFolderId", choice)]
    pub to_folder_id: FolderIdChoice,
    /// `m:ItemIds`: the items to copy (at least one).
    #[xml(wrapper = "ItemIds", choice)]
    pub item_ids: Vec<ItemIdChoice>,
    /// `m:ReturnNewItemIds`: whether the response carries the new ids (Exchange 2010 SP1
    /// and later; the default is to return them).
    pub return_new_item_ids: Option<bool>,
}

impl CopyItem {
    /// A request copying no items yet into `to`.
    pub fn new(to: impl Into<FolderIdChoice>) -> Self {
        Self {
            to_folder_id: to.into(),
            item_ids: Vec::new(),
            return_new_item_ids: None,
        }
    }
    /// Also copy `item`.
    #[must_use]
    pub fn item(mut self, item: impl Into<ItemIdChoice>) -> Self {
        self.item_ids.push(item.into());
        self
    }
    /// Also copy every item of `items`.
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

impl Sealed for CopyItem {}

impl Operation for CopyItem {
    type Response = CopyItemResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    /// A retried copy makes a second copy.
    const IDEMPOTENT: bool = false;
}

/// The `CopyItem` response (`m:CopyItemResponseType`): the copies' ids.
///
/// See [CopyItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyitemresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "CopyItemResponse")]
#[non_exhaustive]
pub struct CopyItemResponse {
    /// `m:ResponseMessages`: one message per item, in request order.
    #[xml(wrapper = "ResponseMessages", item = "CopyItemResponseMessage")]
    pub messages: Vec<ItemInfoResponseMessage>,
}

impl CopyItemResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<ItemInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per item, in request order: the copy (its id; `None` when the
    /// server returned none, as across mailboxes or with `ReturnNewItemIds` false) or its
    /// error.
    pub fn into_results(self) -> Vec<Result<Option<Item>, ResponseError>> {
        optional_item_results(self.messages)
    }
}
