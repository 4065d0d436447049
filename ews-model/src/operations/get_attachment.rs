//! `GetAttachment`: attachments by id, with their content.
//!
//! ```
//! use ews_model::operations::GetAttachment;
//! use ews_model::properties::AttachmentId;
//!
//! let request = GetAttachment::new().attachment(AttachmentId::new("5zTzlqU="));
//! assert_eq!(request.attachment_ids.len(), 1);
//! ```
//!
//! Reference: [GetAttachment operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getattachment-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::{AttachmentShape, MessageStatus, Operation, ResponseError, Sealed};
use crate::attachments::Attachment;
use crate::properties::AttachmentId;
use crate::version::ExchangeVersion;

/// The `GetAttachment` request (`m:GetAttachmentType`).
///
/// See [GetAttachment](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getattachment).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "GetAttachment")]
#[non_exhaustive]
pub struct GetAttachment {
    /// `m:AttachmentShape`: how to return item attachments.
    pub attachment_shape: Option<AttachmentShape>,
    /// `m:AttachmentIds`: the attachments (at least one; ids alone, without root item ids).
    #[xml(wrapper = "AttachmentIds", item = "AttachmentId", item_ns = "t")]
    pub attachment_ids: Vec<AttachmentId>,
}

impl GetAttachment {
    /// A request for no attachments yet, in the default shape.
    pub fn new() -> Self {
        Self::default()
    }
    /// Return item attachments in `shape`.
    #[must_use]
    pub fn shape(mut self, shape: AttachmentShape) -> Self {
        self.attachment_shape = Some(shape);
        self
    }
    /// Also get `attachment` (only its `Id` is sent).
    #[must_use]
    pub fn attachment(mut self, attachment: impl Into<AttachmentId>) -> Self {
        self.attachment_ids.push(request_id(attachment.into()));
        self
    }
    /// Also get every attachment of `attachments`.
    #[must_use]
    pub fn attachments<I: IntoIterator<Item = impl Into<AttachmentId>>>(
        mut self,
        attachments: I,
    ) -> Self {
        self.attachment_ids
            .extend(attachments.into_iter().map(|a| request_id(a.into())));
        self
    }
}

/// The id as a request sends it (`t:RequestAttachmentIdType`: `Id` alone).
pub(crate) fn request_id(id: AttachmentId) -> AttachmentId {
    AttachmentId::new(id.id)
}

impl Sealed for GetAttachment {}

impl Operation for GetAttachment {
    type Response = GetAttachmentResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = true;
}

/// A response message carrying attachments (`m:AttachmentInfoResponseMessageType`): the
/// message of `GetAttachment` and `CreateAttachment`.
///
/// `m:Attachments` is required by the schema even when empty, so it is an `Option<Vec<_>>`.
///
/// See [GetAttachmentResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getattachmentresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct AttachmentInfoResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:Attachments`: the attachment (one per message).
    #[xml(wrapper = "Attachments", choice)]
    pub attachments: Option<Vec<Attachment>>,
}

impl AttachmentInfoResponseMessage {
    /// A successful message with `attachment`.
    pub fn success(attachment: impl Into<Attachment>) -> Self {
        Self {
            status: MessageStatus::success(),
            attachments: Some(vec![attachment.into()]),
        }
    }
    /// A failed message (with an empty `m:Attachments`).
    pub fn error(status: MessageStatus) -> Self {
        Self {
            status,
            attachments: Some(Vec::new()),
        }
    }
    /// The attachment, or the message's error. A successful message without an attachment
    /// is a [`ResponseError::Incomplete`].
    pub fn into_result(self) -> Result<Attachment, ResponseError> {
        self.status.check()?;
        self.attachments
            .unwrap_or_default()
            .into_iter()
            .next()
            .ok_or(ResponseError::Incomplete {
                missing: "attachment",
            })
    }
}

/// The attachment of each message, or its error.
pub(crate) fn attachment_results(
    messages: Vec<AttachmentInfoResponseMessage>,
) -> Vec<Result<Attachment, ResponseError>> {
    messages
        .into_iter()
        .map(AttachmentInfoResponseMessage::into_result)
        .collect()
}

/// The `GetAttachment` response (`m:GetAttachmentResponseType`).
///
/// See [GetAttachmentResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getattachmentresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "GetAttachmentResponse")]
#[non_exhaustive]
pub struct GetAttachmentResponse {
    /// `m:ResponseMessages`: one message per attachment, in request order.
    #[xml(wrapper = "ResponseMessages", item = "GetAttachmentResponseMessage")]
    pub messages: Vec<AttachmentInfoResponseMessage>,
}

impl GetAttachmentResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<AttachmentInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per attachment, in request order: the attachment with its content, or
    /// its error.
    pub fn into_results(self) -> Vec<Result<Attachment, ResponseError>> {
        attachment_results(self.messages)
    }
}
