//! `DeleteAttachment`: remove attachments from their items.
//!
//! ```
//! use ews_model::operations::DeleteAttachment;
//! use ews_model::properties::AttachmentId;
//!
//! let request = DeleteAttachment::new([AttachmentId::new("IpHLObE="), AttachmentId::new("QuHSSmY=")]);
//! assert_eq!(request.attachment_ids.len(), 2);
//! ```
//!
//! Reference: [DeleteAttachment operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteattachment-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_attachment::request_id;
use super::{MessageStatus, Operation, ResponseError, Sealed};
use crate::properties::{AttachmentId, ItemId};
use crate::version::ExchangeVersion;

/// The `DeleteAttachment` request (`m:DeleteAttachmentType`).
///
/// See [DeleteAttachment](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteattachment).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "DeleteAttachment")]
#[non_exhaustive]
pub struct DeleteAttachment {
    /// `m:AttachmentIds`: the attachments (at least one; ids alone).
    #[xml(wrapper = "AttachmentIds", item = "AttachmentId", item_ns = "t")]
    pub attachment_ids: Vec<AttachmentId>,
}

impl DeleteAttachment {
    /// Delete these attachments (only their `Id`s are sent).
    pub fn new<I: IntoIterator<Item = impl Into<AttachmentId>>>(attachments: I) -> Self {
        Self {
            attachment_ids: attachments
                .into_iter()
                .map(|a| request_id(a.into()))
                .collect(),
        }
    }
}

impl Sealed for DeleteAttachment {}

impl Operation for DeleteAttachment {
    type Response = DeleteAttachmentResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = true;
}

/// The item an attachment was deleted from, with its new change key (`t:RootItemIdType`).
///
/// See [RootItemId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/rootitemid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RootItemId {
    /// `RootItemId`: the item's id.
    #[xml(attr = "RootItemId")]
    pub root_item_id: String,
    /// `RootItemChangeKey`: the item's change key after the deletion.
    #[xml(attr = "RootItemChangeKey")]
    pub root_item_change_key: String,
}

impl RootItemId {
    /// The root item as an item id with its change key.
    pub fn item_id(&self) -> ItemId {
        ItemId::new(self.root_item_id.clone()).with_change_key(self.root_item_change_key.clone())
    }
}

/// One `DeleteAttachment` response message (`m:DeleteAttachmentResponseMessageType`).
///
/// See [DeleteAttachmentResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteattachmentresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct DeleteAttachmentResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:RootItemId`: the item the attachment was deleted from.
    pub root_item_id: Option<RootItemId>,
}

impl DeleteAttachmentResponseMessage {
    /// A successful message naming the root item.
    pub fn success(root: RootItemId) -> Self {
        Self {
            status: MessageStatus::success(),
            root_item_id: Some(root),
        }
    }
    /// A failed message.
    pub fn error(status: MessageStatus) -> Self {
        Self {
            status,
            root_item_id: None,
        }
    }
}

/// The `DeleteAttachment` response (`m:DeleteAttachmentResponseType`).
///
/// See [DeleteAttachmentResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteattachmentresponse).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "DeleteAttachmentResponse")]
#[non_exhaustive]
pub struct DeleteAttachmentResponse {
    /// `m:ResponseMessages`: one message per attachment, in request order.
    #[xml(wrapper = "ResponseMessages", item = "DeleteAttachmentResponseMessage")]
    pub messages: Vec<DeleteAttachmentResponseMessage>,
}

impl DeleteAttachmentResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<DeleteAttachmentResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per attachment, in request order: the root item's id with its new change
    /// key (`None` if the server did not send it), or the error.
    pub fn into_results(self) -> Vec<Result<Option<ItemId>, ResponseError>> {
        self.messages
            .into_iter()
            .map(|m| {
                m.status
                    .check()
                    .map(|()| m.root_item_id.as_ref().map(RootItemId::item_id))
            })
            .collect()
    }
}
