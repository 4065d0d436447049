//! [`Message`] (`t:MessageType`) and [`PostItem`] (`t:PostItemType`).

use ews_xml::{Element, XmlRead, XmlWrite};

use super::ItemBase;
use super::values::Base64Binary;
use crate::Fields;
use crate::attachments::Attachment;
use crate::properties::{Body, Importance, Mailbox, SingleRecipient};
use crate::time::DateTime;

/// An e-mail message (`t:MessageType`): the item base plus sender, recipients, receipts and
/// threading.
///
/// ```
/// use ews_model::items::{Compose, Message};
/// use ews_model::properties::Body;
///
/// let m = Message::new()
///     .subject("Daily motivation")
///     .body(Body::html("<p>All bodies are beautiful</p>"))
///     .to(["ann@example.com", "bob@example.com"])
///     .cc(["carol@example.com"]);
/// assert_eq!(m.item.subject.as_deref(), Some("Daily motivation"));
/// assert_eq!(m.to_recipients.len(), 2);
/// ```
///
/// See [Message](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/message-ex15websvcsotherref).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Message {
    /// The elements every item has.
    #[xml(flatten)]
    #[field(base)]
    pub item: ItemBase,
    /// `t:Sender`: who sent it (on behalf of [`from`](Self::from)).
    #[field(uri = "message:Sender", searchable, read_only_after_send)]
    pub sender: Option<SingleRecipient>,
    /// `t:ToRecipients`.
    #[xml(wrapper = "ToRecipients", item = "Mailbox")]
    #[field(uri = "message:ToRecipients", searchable, read_only_after_send)]
    pub to_recipients: Vec<Mailbox>,
    /// `t:CcRecipients`.
    #[xml(wrapper = "CcRecipients", item = "Mailbox")]
    #[field(uri = "message:CcRecipients", searchable, read_only_after_send)]
    pub cc_recipients: Vec<Mailbox>,
    /// `t:BccRecipients`.
    #[xml(wrapper = "BccRecipients", item = "Mailbox")]
    #[field(uri = "message:BccRecipients", searchable, read_only_after_send)]
    pub bcc_recipients: Vec<Mailbox>,
    /// `t:IsReadReceiptRequested`.
    #[field(
        uri = "message:IsReadReceiptRequested",
        searchable,
        read_only_after_send
    )]
    pub is_read_receipt_requested: Option<bool>,
    /// `t:IsDeliveryReceiptRequested`.
    #[field(
        uri = "message:IsDeliveryReceiptRequested",
        searchable,
        read_only_after_send
    )]
    pub is_delivery_receipt_requested: Option<bool>,
    /// `t:ConversationIndex`: the position in the conversation thread.
    #[field(uri = "message:ConversationIndex", read_only)]
    pub conversation_index: Option<Base64Binary>,
    /// `t:ConversationTopic`.
    #[field(uri = "message:ConversationTopic", searchable, read_only)]
    pub conversation_topic: Option<String>,
    /// `t:From`: who the message is from.
    #[field(
        uri = "message:From",
        searchable,
        read_only_after_send,
        name = "author"
    )]
    pub from: Option<SingleRecipient>,
    /// `t:InternetMessageId`: the `Message-ID` header.
    #[field(uri = "message:InternetMessageId", searchable, read_only_after_send)]
    pub internet_message_id: Option<String>,
    /// `t:IsRead`.
    #[field(uri = "message:IsRead", searchable)]
    pub is_read: Option<bool>,
    /// `t:IsResponseRequested`.
    #[field(uri = "message:IsResponseRequested", searchable)]
    pub is_response_requested: Option<bool>,
    /// `t:References`: the `References` header.
    #[field(uri = "message:References", searchable)]
    pub references: Option<String>,
    /// `t:ReplyTo`: where replies should go.
    #[xml(wrapper = "ReplyTo", item = "Mailbox")]
    #[field(uri = "message:ReplyTo", read_only_after_send)]
    pub reply_to: Vec<Mailbox>,
    /// `t:ReceivedBy`.
    #[field(uri = "message:ReceivedBy", searchable, read_only)]
    pub received_by: Option<SingleRecipient>,
    /// `t:ReceivedRepresenting`: the principal a delegate received it for.
    #[field(uri = "message:ReceivedRepresenting", searchable, read_only)]
    pub received_representing: Option<SingleRecipient>,
    /// `t:ApprovalRequestData` (moderation); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "message:ApprovalRequestData", read_only, since = "Exchange2013")]
    pub approval_request_data: Option<Element>,
    /// `t:VotingInformation` (voting buttons); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "message:VotingInformation", read_only, since = "Exchange2013")]
    pub voting_information: Option<Element>,
    /// `t:ReminderMessageData` (reminders of events); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "message:ReminderMessageData", read_only, since = "Exchange2013")]
    pub reminder_message_data: Option<Element>,
    /// `t:MessageSafety` (Exchange Online); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "message:MessageSafety", read_only, since = "Exchange2016")]
    pub message_safety: Option<Element>,
    /// `t:SenderSMTPAddress` (Exchange Online).
    #[xml(name = "SenderSMTPAddress")]
    pub sender_smtp_address: Option<String>,
    /// `t:MailboxGuids` (Exchange Online).
    #[xml(wrapper = "MailboxGuids", item = "MailboxGuid")]
    pub mailbox_guids: Vec<String>,
    /// `t:PublishedCalendarItemIcs`: a shared calendar item as iCalendar text.
    #[field(
        uri = "message:PublishedCalendarItemIcs",
        read_only,
        since = "Exchange2016"
    )]
    pub published_calendar_item_ics: Option<String>,
    /// `t:PublishedCalendarItemName`.
    #[field(
        uri = "message:PublishedCalendarItemName",
        read_only,
        since = "Exchange2016"
    )]
    pub published_calendar_item_name: Option<String>,
}

impl Message {
    /// An empty message.
    pub fn new() -> Self {
        Self::default()
    }

    /// With the subject `subject`.
    #[must_use]
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.item.subject = Some(subject.into());
        self
    }

    /// With these Reply-To addresses added.
    #[must_use]
    pub fn reply_to<M: Into<Mailbox>>(mut self, recipients: impl IntoIterator<Item = M>) -> Self {
        self.reply_to.extend(recipients.into_iter().map(Into::into));
        self
    }

    /// With `t:From` set to `from` (exchangelib's `author`).
    #[must_use]
    pub fn author(mut self, from: impl Into<Mailbox>) -> Self {
        self.from = Some(SingleRecipient::from(from.into()));
        self
    }

    /// With the importance `importance`.
    #[must_use]
    pub fn importance(mut self, importance: Importance) -> Self {
        self.item.importance = Some(importance);
        self
    }

    /// With these categories added.
    #[must_use]
    pub fn categories<S: Into<String>>(mut self, categories: impl IntoIterator<Item = S>) -> Self {
        self.item
            .categories
            .extend(categories.into_iter().map(Into::into));
        self
    }

    /// With this attachment added.
    #[must_use]
    pub fn attach(mut self, attachment: impl Into<Attachment>) -> Self {
        self.item.attachments.push(attachment.into());
        self
    }

    /// Asking for a read receipt.
    #[must_use]
    pub fn read_receipt(mut self) -> Self {
        self.is_read_receipt_requested = Some(true);
        self
    }

    /// Asking for a delivery receipt.
    #[must_use]
    pub fn delivery_receipt(mut self) -> Self {
        self.is_delivery_receipt_requested = Some(true);
        self
    }
}

/// A post in a public or mail folder (`t:PostItemType`).
///
/// See [PostItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/postitem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PostItem {
    /// The elements every item has.
    #[xml(flatten)]
    #[field(base)]
    pub item: ItemBase,
    /// `t:ConversationIndex`.
    #[field(uri = "message:ConversationIndex", read_only)]
    pub conversation_index: Option<Base64Binary>,
    /// `t:ConversationTopic`.
    #[field(uri = "message:ConversationTopic", searchable, read_only)]
    pub conversation_topic: Option<String>,
    /// `t:From`: settable only when creating.
    #[field(
        uri = "message:From",
        searchable,
        read_only_after_send,
        name = "author"
    )]
    pub from: Option<SingleRecipient>,
    /// `t:InternetMessageId`.
    #[field(uri = "message:InternetMessageId", searchable, read_only)]
    pub internet_message_id: Option<String>,
    /// `t:IsRead`.
    #[field(uri = "message:IsRead", searchable)]
    pub is_read: Option<bool>,
    /// `t:PostedTime`: when it was posted.
    #[field(uri = "postitem:PostedTime", searchable, read_only)]
    pub posted_time: Option<DateTime>,
    /// `t:References`.
    #[field(uri = "message:References", searchable)]
    pub references: Option<String>,
    /// `t:Sender`: settable only when creating.
    #[field(uri = "message:Sender", searchable, read_only_after_send)]
    pub sender: Option<SingleRecipient>,
}

impl PostItem {
    /// A post with the subject `subject` and the body `body`.
    pub fn new(subject: impl Into<String>, body: Body) -> Self {
        let mut post = Self::default();
        post.item.subject = Some(subject.into());
        post.item.body = Some(body);
        post
    }
}
