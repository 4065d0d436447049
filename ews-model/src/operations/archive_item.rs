//! `ArchiveItem`: move items to the archive mailbox (Exchange 2013 and later).
//!
//! ```
//! use ews_model::operations::ArchiveItem;
//! use ews_model::properties::{DistinguishedFolderIdName, ItemId};
//!
//! let request = ArchiveItem::new(DistinguishedFolderIdName::Inbox).item(ItemId::new("AQMkG5B"));
//! assert_eq!(request.item_ids.len(), 1);
//! ```
//!
//! Reference: [ArchiveItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/archiveitem-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_item::{ItemInfoResponseMessage, optional_item_results};
use super::{Operation, ResponseError, Sealed};
use crate::items::Item;
use crate::properties::{FolderIdChoice, ItemIdChoice};
use crate::version::ExchangeVersion;

/// The `ArchiveItem` request (`m:ArchiveItemType`).
///
/// See [ArchiveItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/archiveitem).
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "ArchiveItem")]
#[non_exhaustive]
pub struct ArchiveItem {
    /// `m:ArchiveSourceFolderId`: the primary mailbox folder the items are in.
    #[xml(wrapper = "ArchiveSourceFolderId", choice)]
    pub archive_source_folder_id: FolderIdChoice,
    /// `m:ItemIds`: the items to archive (at least one).
    #[xml(wrapper = "ItemIds", choice)]
    pub item_ids: Vec<ItemIdChoice>,
}

impl ArchiveItem {
    /// A request archiving no items yet from the folder `source`.
    pub fn new(source: impl Into<FolderIdChoice>) -> Self {
        Self {
            archive_source_folder_id: source.into(),
            item_ids: Vec::new(),
        }
    }
    /// Also archive `item`.
    #[must_use]
    pub fn item(mut self, item: impl Into<ItemIdChoice>) -> Self {
        self.item_ids.push(item.into());
        self
    }
    /// Also archive every item of `items`.
    #[must_use]
    pub fn items<I: IntoIterator<Item = impl Into<ItemIdChoice>>>(mut self, items: I) -> Self {
        self.item_ids.extend(items.into_iter().map(Into::into));
        self
    }
}

impl Sealed for ArchiveItem {}

impl Operation for ArchiveItem {
    type Response = ArchiveItemResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2013;
    /// The items move: a retry fails or archives what was restored meanwhile.
    const IDEMPOTENT: bool = false;
}

/// The `ArchiveItem` response (`m:ArchiveItemResponseType`).
///
/// See [ArchiveItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/archiveitemresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "ArchiveItemResponse")]
#[non_exhaustive]
pub struct ArchiveItemResponse {
    /// `m:ResponseMessages`: one message per item, in request order.
    #[xml(wrapper = "ResponseMessages", item = "ArchiveItemResponseMessage")]
    pub messages: Vec<ItemInfoResponseMessage>,
}

impl ArchiveItemResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<ItemInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per item, in request order: the archived item if the server returned it
    /// (Exchange returns an empty `m:Items`), or its error.
    pub fn into_results(self) -> Vec<Result<Option<Item>, ResponseError>> {
        optional_item_results(self.messages)
    }
}
