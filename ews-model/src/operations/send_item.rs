//! `SendItem`: send draft messages that are already in the mailbox.
//!
//! ```
//! use ews_model::operations::SendItem;
//! use ews_model::properties::{DistinguishedFolderIdName, ItemId};
//!
//! let request = SendItem::new([ItemId::new("AAMkAD…")]).save_copy_to(DistinguishedFolderIdName::SentItems);
//! assert!(request.save_item_to_folder);
//! ```
//!
//! Reference: [SendItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/senditem-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::{MessageStatus, Operation, ResponseError, Sealed};
use crate::properties::{FolderIdChoice, ItemIdChoice};
use crate::version::ExchangeVersion;

/// The `SendItem` request (`m:SendItemType`).
///
/// See [SendItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/senditem).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "SendItem")]
#[non_exhaustive]
pub struct SendItem {
    /// Keep a copy of each sent message (in `saved_item_folder_id`, or Sent Items).
    #[xml(attr = "SaveItemToFolder")]
    pub save_item_to_folder: bool,
    /// `m:ItemIds`: the drafts to send.
    #[xml(wrapper = "ItemIds", choice)]
    pub item_ids: Vec<ItemIdChoice>,
    /// `m:SavedItemFolderId`: where the copies go.
    #[xml(wrapper = "SavedItemFolderId", choice)]
    pub saved_item_folder_id: Option<FolderIdChoice>,
}

impl SendItem {
    /// Send these drafts without keeping a copy.
    pub fn new<I: IntoIterator<Item = impl Into<ItemIdChoice>>>(items: I) -> Self {
        Self {
            save_item_to_folder: false,
            item_ids: items.into_iter().map(Into::into).collect(),
            saved_item_folder_id: None,
        }
    }
    /// Keep a copy of each sent message in `folder`.
    #[must_use]
    pub fn save_copy_to(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.save_item_to_folder = true;
        self.saved_item_folder_id = Some(folder.into());
        self
    }
}

impl Sealed for SendItem {}

impl Operation for SendItem {
    type Response = SendItemResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    /// Sending twice sends twice.
    const IDEMPOTENT: bool = false;
}

/// The `SendItem` response: one status per draft, in request order.
///
/// See [SendItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/senditemresponse).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "SendItemResponse")]
#[non_exhaustive]
pub struct SendItemResponse {
    /// `m:ResponseMessages`.
    #[xml(wrapper = "ResponseMessages", item = "SendItemResponseMessage")]
    pub messages: Vec<MessageStatus>,
}

impl SendItemResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<MessageStatus>) -> Self {
        Self { messages }
    }
    /// One result per draft, in request order.
    pub fn into_results(self) -> Vec<Result<(), ResponseError>> {
        self.messages.iter().map(MessageStatus::check).collect()
    }
}
