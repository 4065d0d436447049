//! `CreateAttachment`: add attachments to an existing item.
//!
//! ```
//! use ews_model::attachments::FileAttachment;
//! use ews_model::operations::CreateAttachment;
//! use ews_model::properties::ItemId;
//!
//! let request = CreateAttachment::new(ItemId::new("AAAtAE..."))
//!     .attachment(FileAttachment::new("notes.txt", b"hello".to_vec()));
//! assert_eq!(request.attachments.len(), 1);
//! ```
//!
//! Reference: [CreateAttachment operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createattachment-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_attachment::{AttachmentInfoResponseMessage, attachment_results};
use super::{Operation, ResponseError, Sealed};
use crate::attachments::Attachment;
use crate::properties::ItemId;
use crate::version::ExchangeVersion;

/// The `CreateAttachment` request (`m:CreateAttachmentType`).
///
/// See [CreateAttachment](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createattachment).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "CreateAttachment")]
#[non_exhaustive]
pub struct CreateAttachment {
    /// `m:ParentItemId`: the item to attach to.
    pub parent_item_id: ItemId,
    /// `m:Attachments`: the attachments (at least one).
    #[xml(wrapper = "Attachments", choice)]
    pub attachments: Vec<Attachment>,
}

impl CreateAttachment {
    /// A request adding no attachments yet to `parent`.
    pub fn new(parent: ItemId) -> Self {
        Self {
            parent_item_id: parent,
            attachments: Vec::new(),
        }
    }
    /// Also add `attachment`.
    #[must_use]
    pub fn attachment(mut self, attachment: impl Into<Attachment>) -> Self {
        self.attachments.push(attachment.into());
        self
    }
}

impl Sealed for CreateAttachment {}

impl Operation for CreateAttachment {
    type Response = CreateAttachmentResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    /// A retry attaches a second copy.
    const IDEMPOTENT: bool = false;
}

/// The `CreateAttachment` response (`m:CreateAttachmentResponseType`): each new attachment
/// with its id, whose root item change key is the parent's new change key.
///
/// See [CreateAttachmentResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createattachmentresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "CreateAttachmentResponse")]
#[non_exhaustive]
pub struct CreateAttachmentResponse {
    /// `m:ResponseMessages`: one message per attachment, in request order.
    #[xml(wrapper = "ResponseMessages", item = "CreateAttachmentResponseMessage")]
    pub messages: Vec<AttachmentInfoResponseMessage>,
}

impl CreateAttachmentResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<AttachmentInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per attachment, in request order: the created attachment (its
    /// [`id`](Attachment::id) with the root item's id and new change key), or its error.
    pub fn into_results(self) -> Vec<Result<Attachment, ResponseError>> {
        attachment_results(self.messages)
    }
}
