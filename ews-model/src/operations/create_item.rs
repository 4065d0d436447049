//! `CreateItem`: create items (messages, appointments, contacts, tasks...), send messages and
//! meeting invitations, and answer with response objects (reply, forward, accept...).
//!
//! ```
//! use ews_model::items::{Compose, Message};
//! use ews_model::operations::{CreateItem, MessageDisposition};
//! use ews_model::properties::DistinguishedFolderIdName;
//!
//! let request = CreateItem::new()
//!     .disposition(MessageDisposition::SendAndSaveCopy)
//!     .save_to(DistinguishedFolderIdName::SentItems)
//!     .item(Message::new().subject("Lunch").to(["ann@example.com"]));
//! assert_eq!(request.items.len(), 1);
//! ```
//!
//! Reference: [CreateItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem-operation).

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use super::get_item::ItemInfoResponseMessage;
use super::{Operation, ResponseError, Sealed};
use crate::items::Item;
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

/// `t:MessageDispositionType`: whether messages are saved, sent, or both.
///
/// See [CreateItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum MessageDisposition {
    /// Save the message (as a draft), do not send it.
    SaveOnly,
    /// Send the message without keeping a copy.
    SendOnly,
    /// Send the message and keep a copy (in the saved item folder, or Sent Items).
    SendAndSaveCopy,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:CalendarItemCreateOrDeleteOperationType`: whether creating (or deleting) a meeting
/// sends invitations (or cancellations).
///
/// See [CreateItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum SendMeetingInvitations {
    /// Send nothing: the item is an appointment.
    SendToNone,
    /// Send to every attendee, keep no copy.
    SendOnlyToAll,
    /// Send to every attendee and keep a copy in Sent Items.
    SendToAllAndSaveCopy,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// The `CreateItem` request (`m:CreateItemType`).
///
/// `MessageDisposition` is required by Exchange for messages and response objects;
/// `SendMeetingInvitations` for calendar items.
///
/// See [CreateItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "CreateItem")]
#[non_exhaustive]
pub struct CreateItem {
    /// `MessageDisposition`: save, send, or both (messages and response objects).
    #[xml(attr)]
    pub message_disposition: Option<MessageDisposition>,
    /// `SendMeetingInvitations`: who gets invitations (calendar items).
    #[xml(attr)]
    pub send_meeting_invitations: Option<SendMeetingInvitations>,
    /// `m:SavedItemFolderId`: where the items (or the sent copies) go.
    #[xml(wrapper = "SavedItemFolderId", choice)]
    pub saved_item_folder_id: Option<FolderIdChoice>,
    /// `m:Items`: the items to create (at least one).
    #[xml(wrapper = "Items", choice)]
    pub items: Vec<Item>,
}

impl CreateItem {
    /// A request with no items yet and no attributes.
    pub fn new() -> Self {
        Self::default()
    }
    /// Also create `item`.
    #[must_use]
    pub fn item(mut self, item: impl Into<Item>) -> Self {
        self.items.push(item.into());
        self
    }
    /// Also create every item of `items`.
    #[must_use]
    pub fn items<I: IntoIterator<Item = impl Into<Item>>>(mut self, items: I) -> Self {
        self.items.extend(items.into_iter().map(Into::into));
        self
    }
    /// Save, send or both.
    #[must_use]
    pub fn disposition(mut self, disposition: MessageDisposition) -> Self {
        self.message_disposition = Some(disposition);
        self
    }
    /// Who gets meeting invitations.
    #[must_use]
    pub fn invitations(mut self, send: SendMeetingInvitations) -> Self {
        self.send_meeting_invitations = Some(send);
        self
    }
    /// Save the items (or the sent copies) in `folder`.
    #[must_use]
    pub fn save_to(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.saved_item_folder_id = Some(folder.into());
        self
    }
}

impl Sealed for CreateItem {}

impl Operation for CreateItem {
    type Response = CreateItemResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    /// Creating twice creates (or sends) twice.
    const IDEMPOTENT: bool = false;
}

/// The `CreateItem` response (`m:CreateItemResponseType`): the new items' ids.
///
/// See [CreateItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitemresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "CreateItemResponse")]
#[non_exhaustive]
pub struct CreateItemResponse {
    /// `m:ResponseMessages`: one message per item, in request order.
    #[xml(wrapper = "ResponseMessages", item = "CreateItemResponseMessage")]
    pub messages: Vec<ItemInfoResponseMessage>,
}

impl CreateItemResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<ItemInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per item, in request order: the created item (usually only its id), `None`
    /// when nothing was saved (a message sent with `SendOnly`, most response objects), or the
    /// error.
    pub fn into_results(self) -> Vec<Result<Option<Item>, ResponseError>> {
        self.messages
            .into_iter()
            .map(|m| m.into_items().map(|items| items.into_iter().next()))
            .collect()
    }
}
