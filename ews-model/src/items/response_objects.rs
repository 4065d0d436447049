//! Response objects: replies, forwards, meeting answers and the like, created with
//! `CreateItem` and listed (read-only) in an item's `t:ResponseObjects`.
//!
//! ```
//! use ews_model::items::{Compose, ReplyToItem};
//! use ews_model::properties::{Body, ItemId};
//!
//! let reply = ReplyToItem::new(ItemId::new("AAMk…").with_change_key("CQAA…"))
//!     .body(Body::text("I agree"));
//! assert_eq!(reply.new_body_content.as_ref().map(|b| b.content.as_str()), Some("I agree"));
//! ```
//!
//! The schema derives every response object from `MessageType`, but restricts each kind to
//! a few elements; the types here have those elements. [`RemoveItem`], [`ProposeNewTime`]
//! and [`AddItemToMyCalendar`] are unrestricted: what they carry besides the reference is
//! kept whole in [`GenericResponseObject::other`].

use ews_xml::{Element, XmlRead, XmlWrite};

use crate::attachments::Attachment;
use crate::fields::{FieldValue, Kind, ValueKind};
use crate::properties::{
    Body, InternetMessageHeaders, ItemId, Mailbox, Sensitivity, SingleRecipient,
};
use crate::time::DateTime;

/// A reply, reply-all, forward or meeting cancellation (`t:SmartResponseType`): the server
/// adds the original message below [`new_body_content`](Self::new_body_content).
///
/// See [ReplyToItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/replytoitem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SmartResponse {
    /// `t:Subject`: replaces the default `RE:`/`FW:` subject.
    pub subject: Option<String>,
    /// `t:Body`: replaces the whole body (the original is not quoted).
    pub body: Option<Body>,
    /// `t:ToRecipients`.
    #[xml(wrapper = "ToRecipients", item = "Mailbox")]
    pub to_recipients: Vec<Mailbox>,
    /// `t:CcRecipients`.
    #[xml(wrapper = "CcRecipients", item = "Mailbox")]
    pub cc_recipients: Vec<Mailbox>,
    /// `t:BccRecipients`.
    #[xml(wrapper = "BccRecipients", item = "Mailbox")]
    pub bcc_recipients: Vec<Mailbox>,
    /// `t:IsReadReceiptRequested`.
    pub is_read_receipt_requested: Option<bool>,
    /// `t:IsDeliveryReceiptRequested`.
    pub is_delivery_receipt_requested: Option<bool>,
    /// `t:From`.
    pub from: Option<SingleRecipient>,
    /// `t:ReferenceItemId`: the item answered.
    pub reference_item_id: Option<ItemId>,
    /// `t:NewBodyContent`: the text put above the quoted original.
    pub new_body_content: Option<Body>,
}

impl SmartResponse {
    /// A response to the item `reference`.
    pub fn new(reference: ItemId) -> Self {
        Self {
            reference_item_id: Some(reference),
            ..Self::default()
        }
    }

    /// With the subject `subject`.
    #[must_use]
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }
}

/// `t:ReplyToItem`: reply to the sender. See
/// [ReplyToItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/replytoitem).
pub type ReplyToItem = SmartResponse;
/// `t:ForwardItem`: forward. See
/// [ForwardItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/forwarditem).
pub type ForwardItem = SmartResponse;
/// `t:CancelCalendarItem`: cancel a meeting one organizes. See
/// [CancelCalendarItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/cancelcalendaritem).
pub type CancelCalendarItem = SmartResponse;

/// `t:ReplyAllToItem`: reply to the sender and every recipient (`t:ReplyAllToItemType`).
///
/// See [ReplyAllToItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/replyalltoitem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReplyAllToItem {
    /// The elements of every smart response.
    #[xml(flatten)]
    pub response: SmartResponse,
    /// `t:IsSpecificMessageReply` (Exchange Online).
    pub is_specific_message_reply: Option<bool>,
}

impl ReplyAllToItem {
    /// A reply-all to the item `reference`.
    pub fn new(reference: ItemId) -> Self {
        Self {
            response: SmartResponse::new(reference),
            is_specific_message_reply: None,
        }
    }
}

/// An answer to a meeting request (`t:MeetingRegistrationResponseObjectType`): accept,
/// tentatively accept or decline, optionally proposing another time.
///
/// See [AcceptItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/acceptitem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MeetingReply {
    /// `t:ItemClass`.
    pub item_class: Option<String>,
    /// `t:Sensitivity`.
    pub sensitivity: Option<Sensitivity>,
    /// `t:Body`: the text of the answer.
    pub body: Option<Body>,
    /// `t:Attachments`.
    #[xml(wrapper = "Attachments", choice)]
    pub attachments: Vec<Attachment>,
    /// `t:InternetMessageHeaders`.
    pub internet_message_headers: Option<InternetMessageHeaders>,
    /// `t:Sender`.
    pub sender: Option<SingleRecipient>,
    /// `t:ToRecipients`.
    #[xml(wrapper = "ToRecipients", item = "Mailbox")]
    pub to_recipients: Vec<Mailbox>,
    /// `t:CcRecipients`.
    #[xml(wrapper = "CcRecipients", item = "Mailbox")]
    pub cc_recipients: Vec<Mailbox>,
    /// `t:BccRecipients`.
    #[xml(wrapper = "BccRecipients", item = "Mailbox")]
    pub bcc_recipients: Vec<Mailbox>,
    /// `t:IsReadReceiptRequested`.
    pub is_read_receipt_requested: Option<bool>,
    /// `t:IsDeliveryReceiptRequested`.
    pub is_delivery_receipt_requested: Option<bool>,
    /// `t:From`.
    pub from: Option<SingleRecipient>,
    /// `t:ReferenceItemId`: the meeting request or calendar item answered.
    pub reference_item_id: Option<ItemId>,
    /// `t:ProposedStart`: another start proposed (Exchange 2013 and later).
    pub proposed_start: Option<DateTime>,
    /// `t:ProposedEnd`: another end proposed.
    pub proposed_end: Option<DateTime>,
}

impl MeetingReply {
    /// An answer to the meeting request or calendar item `reference`.
    pub fn new(reference: ItemId) -> Self {
        Self {
            reference_item_id: Some(reference),
            ..Self::default()
        }
    }

    /// Proposing the meeting be moved to `start`..`end`.
    #[must_use]
    pub fn propose(mut self, start: DateTime, end: DateTime) -> Self {
        self.proposed_start = Some(start);
        self.proposed_end = Some(end);
        self
    }
}

/// `t:AcceptItem`. See
/// [AcceptItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/acceptitem).
pub type AcceptItem = MeetingReply;
/// `t:TentativelyAcceptItem`. See
/// [TentativelyAcceptItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/tentativelyacceptitem).
pub type TentativelyAcceptItem = MeetingReply;
/// `t:DeclineItem`. See
/// [DeclineItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/declineitem).
pub type DeclineItem = MeetingReply;

/// A response that only names the item it is about (`t:ReferenceItemResponseType`).
///
/// See [SuppressReadReceipt](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/suppressreadreceipt).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReferenceItemResponse {
    /// `t:ReferenceItemId`.
    pub reference_item_id: Option<ItemId>,
}

impl ReferenceItemResponse {
    /// A response about the item `reference`.
    pub fn new(reference: ItemId) -> Self {
        Self {
            reference_item_id: Some(reference),
        }
    }
}

/// `t:SuppressReadReceipt`: do not send the read receipt the sender asked for. See
/// [SuppressReadReceipt](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/suppressreadreceipt).
pub type SuppressReadReceipt = ReferenceItemResponse;
/// `t:AcceptSharingInvitation`: accept an invitation to a shared folder. See
/// [AcceptSharingInvitation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/acceptsharinginvitation).
pub type AcceptSharingInvitation = ReferenceItemResponse;

/// `t:PostReplyItem`: a reply to a post (`t:PostReplyItemType`).
///
/// See [PostReplyItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/postreplyitem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PostReplyItem {
    /// `t:Subject`.
    pub subject: Option<String>,
    /// `t:Body`: replaces the whole body.
    pub body: Option<Body>,
    /// `t:ReferenceItemId`: the post answered.
    pub reference_item_id: Option<ItemId>,
    /// `t:NewBodyContent`: the text above the quoted post.
    pub new_body_content: Option<Body>,
}

impl PostReplyItem {
    /// A reply to the post `reference` with `body` above the quoted post.
    pub fn new(reference: ItemId, body: Body) -> Self {
        Self {
            reference_item_id: Some(reference),
            new_body_content: Some(body),
            ..Self::default()
        }
    }
}

/// A response object the schema does not restrict (`t:ResponseObjectType`): the reference
/// and `ObjectName`, and any message elements kept whole.
///
/// See [RemoveItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/removeitem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GenericResponseObject {
    /// `ObjectName`: the English name of the response (responses).
    #[xml(attr = "ObjectName")]
    pub object_name: Option<String>,
    /// Message elements before the reference, unmodelled, in document order.
    #[xml(choice)]
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::list"))]
    pub other: Vec<Element>,
    /// `t:ReferenceItemId`.
    pub reference_item_id: Option<ItemId>,
}

impl GenericResponseObject {
    /// A response about the item `reference`.
    pub fn new(reference: ItemId) -> Self {
        Self {
            reference_item_id: Some(reference),
            ..Self::default()
        }
    }
}

/// `t:RemoveItem`: remove a cancelled meeting from the calendar. See
/// [RemoveItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/removeitem).
pub type RemoveItem = GenericResponseObject;
/// `t:ProposeNewTime` (listed in `t:ResponseObjects`). See
/// [ProposeNewTime](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/proposenewtime).
pub type ProposeNewTime = GenericResponseObject;
/// `t:AddItemToMyCalendar` (listed in `t:ResponseObjects`). See
/// [ResponseObjects](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responseobjects).
pub type AddItemToMyCalendar = GenericResponseObject;

/// One response the caller may make to an item: an element of `t:ResponseObjects`
/// (`NonEmptyArrayOfResponseObjectsType`, read-only).
///
/// See [ResponseObjects](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responseobjects).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum ResponseObject {
    /// `t:AcceptItem`.
    AcceptItem(AcceptItem),
    /// `t:TentativelyAcceptItem`.
    TentativelyAcceptItem(TentativelyAcceptItem),
    /// `t:DeclineItem`.
    DeclineItem(DeclineItem),
    /// `t:ReplyToItem`.
    ReplyToItem(ReplyToItem),
    /// `t:ForwardItem`.
    ForwardItem(ForwardItem),
    /// `t:ReplyAllToItem`.
    ReplyAllToItem(ReplyAllToItem),
    /// `t:CancelCalendarItem`.
    CancelCalendarItem(CancelCalendarItem),
    /// `t:RemoveItem`.
    RemoveItem(RemoveItem),
    /// `t:SuppressReadReceipt`.
    SuppressReadReceipt(SuppressReadReceipt),
    /// `t:PostReplyItem`.
    PostReplyItem(PostReplyItem),
    /// `t:AcceptSharingInvitation`.
    AcceptSharingInvitation(AcceptSharingInvitation),
    /// `t:AddItemToMyCalendar`.
    AddItemToMyCalendar(AddItemToMyCalendar),
    /// `t:ProposeNewTime`.
    ProposeNewTime(ProposeNewTime),
}

impl FieldValue for ResponseObject {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}
