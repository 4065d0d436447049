//! [`ItemBase`]: the elements every item has (`t:ItemType`), flattened into each item type.

use ews_xml::{Element, XmlRead, XmlWrite};

use super::response_objects::ResponseObject;
use super::values::{Base64Binary, InferenceClassification};
use crate::Fields;
use crate::attachments::Attachment;
use crate::extended::ExtendedProperties;
use crate::folders::RetentionTag;
use crate::properties::{
    Body, ConversationId, EffectiveRights, Flag, FolderId, Importance, InternetMessageHeaders,
    ItemId, Mailbox, MimeContent, Sensitivity,
};
use crate::time::DateTime;

/// Every element of the schema's `t:ItemType`, in schema order, all optional: the part all
/// item types share.
///
/// `t:Item` itself (a generic item) is [`Item::Item(ItemBase)`](super::Item::Item); the other
/// item types flatten it first (`#[xml(flatten)] #[field(base)] pub item: ItemBase`), as the
/// schema's types extend `ItemType`.
///
/// Exchange Online–only complex elements that this crate does not model (entity extraction,
/// mentions and likes, rights-management licences, predicted actions...) are kept whole as
/// [`Element`]s: read and written back unchanged, read-only in the field table.
///
/// See [Item](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/item).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ItemBase {
    /// `t:MimeContent`: the whole item in MIME form.
    #[field(uri = "item:MimeContent")]
    pub mime_content: Option<MimeContent>,
    /// `t:ItemId`: the item's id and change key.
    #[field(uri = "item:ItemId", read_only)]
    pub item_id: Option<ItemId>,
    /// `t:ParentFolderId`: the folder that holds the item.
    #[field(uri = "item:ParentFolderId", read_only)]
    pub parent_folder_id: Option<FolderId>,
    /// `t:ItemClass`: the MAPI message class (`IPM.Note`, ...).
    #[field(uri = "item:ItemClass", searchable)]
    pub item_class: Option<String>,
    /// `t:Subject`.
    #[field(uri = "item:Subject", searchable)]
    pub subject: Option<String>,
    /// `t:Sensitivity`.
    #[field(uri = "item:Sensitivity", searchable)]
    pub sensitivity: Option<Sensitivity>,
    /// `t:Body`.
    #[field(uri = "item:Body", searchable)]
    pub body: Option<Body>,
    /// `t:Attachments`: file, item and reference attachments.
    #[xml(wrapper = "Attachments", choice)]
    #[field(uri = "item:Attachments")]
    pub attachments: Vec<Attachment>,
    /// `t:DateTimeReceived`.
    #[field(uri = "item:DateTimeReceived", searchable, read_only)]
    #[xml(name = "DateTimeReceived")]
    pub datetime_received: Option<DateTime>,
    /// `t:Size`: the size in bytes.
    #[field(uri = "item:Size", searchable, read_only)]
    pub size: Option<i32>,
    /// `t:Categories`: the category names.
    #[xml(wrapper = "Categories", item = "String")]
    #[field(uri = "item:Categories", searchable)]
    pub categories: Vec<String>,
    /// `t:Importance`.
    #[field(uri = "item:Importance", searchable)]
    pub importance: Option<Importance>,
    /// `t:InReplyTo`: the `Message-ID` this item replies to.
    #[field(uri = "item:InReplyTo", searchable)]
    pub in_reply_to: Option<String>,
    /// `t:IsSubmitted`: sent to the outbox.
    #[field(uri = "item:IsSubmitted", searchable, read_only)]
    pub is_submitted: Option<bool>,
    /// `t:IsDraft`: not sent yet.
    #[field(uri = "item:IsDraft", searchable, read_only)]
    pub is_draft: Option<bool>,
    /// `t:IsFromMe`: sent by the mailbox owner to themself.
    #[field(uri = "item:IsFromMe", searchable, read_only)]
    pub is_from_me: Option<bool>,
    /// `t:IsResend`: sent before.
    #[field(uri = "item:IsResend", searchable, read_only)]
    pub is_resend: Option<bool>,
    /// `t:IsUnmodified`: not changed since it was created or received.
    #[field(uri = "item:IsUnmodified", searchable, read_only)]
    pub is_unmodified: Option<bool>,
    /// `t:InternetMessageHeaders`: the headers as received.
    #[field(uri = "item:InternetMessageHeaders", read_only, name = "headers")]
    pub internet_message_headers: Option<InternetMessageHeaders>,
    /// `t:DateTimeSent`.
    #[field(uri = "item:DateTimeSent", searchable, read_only)]
    #[xml(name = "DateTimeSent")]
    pub datetime_sent: Option<DateTime>,
    /// `t:DateTimeCreated`.
    #[field(uri = "item:DateTimeCreated", searchable, read_only)]
    #[xml(name = "DateTimeCreated")]
    pub datetime_created: Option<DateTime>,
    /// `t:ResponseObjects`: the responses the caller may make to this item.
    #[xml(wrapper = "ResponseObjects", choice)]
    #[field(uri = "item:ResponseObjects", read_only)]
    pub response_objects: Vec<ResponseObject>,
    /// `t:ReminderDueBy`: when the event the reminder is for happens.
    #[field(uri = "item:ReminderDueBy", searchable)]
    pub reminder_due_by: Option<DateTime>,
    /// `t:ReminderIsSet`.
    #[field(uri = "item:ReminderIsSet", searchable)]
    pub reminder_is_set: Option<bool>,
    /// `t:ReminderNextTime`: when the reminder fires next.
    #[field(uri = "item:ReminderNextTime", searchable, since = "Exchange2013")]
    pub reminder_next_time: Option<DateTime>,
    /// `t:ReminderMinutesBeforeStart`.
    #[field(uri = "item:ReminderMinutesBeforeStart", searchable)]
    pub reminder_minutes_before_start: Option<i32>,
    /// `t:DisplayCc`: the Cc names as one string.
    #[field(uri = "item:DisplayCc", searchable, read_only)]
    pub display_cc: Option<String>,
    /// `t:DisplayTo`: the To names as one string.
    #[field(uri = "item:DisplayTo", searchable, read_only)]
    pub display_to: Option<String>,
    /// `t:DisplayBcc`: the Bcc names as one string.
    #[field(uri = "item:DisplayBcc", searchable, read_only, since = "Exchange2013")]
    pub display_bcc: Option<String>,
    /// `t:HasAttachments`.
    #[field(uri = "item:HasAttachments", searchable, read_only)]
    pub has_attachments: Option<bool>,
    /// `t:ExtendedProperty` elements: extended MAPI properties.
    #[xml(flatten)]
    #[field(extended)]
    pub extended_properties: ExtendedProperties,
    /// `t:Culture`: the language of the item (`en-US`).
    #[field(uri = "item:Culture", searchable)]
    pub culture: Option<String>,
    /// `t:EffectiveRights`: what the caller may do with the item.
    #[field(uri = "item:EffectiveRights", read_only, since = "Exchange2007_SP1")]
    pub effective_rights: Option<EffectiveRights>,
    /// `t:LastModifiedName`: who changed the item last.
    #[field(
        uri = "item:LastModifiedName",
        searchable,
        read_only,
        since = "Exchange2010"
    )]
    pub last_modified_name: Option<String>,
    /// `t:LastModifiedTime`.
    #[field(
        uri = "item:LastModifiedTime",
        searchable,
        read_only,
        since = "Exchange2010"
    )]
    pub last_modified_time: Option<DateTime>,
    /// `t:IsAssociated`: an associated (hidden, folder-level) item.
    #[field(
        uri = "item:IsAssociated",
        searchable,
        read_only,
        since = "Exchange2010"
    )]
    pub is_associated: Option<bool>,
    /// `t:WebClientReadFormQueryString`: the query string of the item in Outlook on the web.
    #[field(
        uri = "item:WebClientReadFormQueryString",
        read_only,
        since = "Exchange2010"
    )]
    pub web_client_read_form_query_string: Option<String>,
    /// `t:WebClientEditFormQueryString`: the query string of its edit form.
    #[field(
        uri = "item:WebClientEditFormQueryString",
        read_only,
        since = "Exchange2010"
    )]
    pub web_client_edit_form_query_string: Option<String>,
    /// `t:ConversationId`: the conversation the item belongs to.
    #[field(
        uri = "item:ConversationId",
        searchable,
        read_only,
        since = "Exchange2010"
    )]
    pub conversation_id: Option<ConversationId>,
    /// `t:UniqueBody`: the part of the body not quoted from earlier messages.
    #[field(uri = "item:UniqueBody", read_only, since = "Exchange2010")]
    pub unique_body: Option<Body>,
    /// `t:Flag`: the follow-up flag.
    #[field(uri = "item:Flag", since = "Exchange2013")]
    pub flag: Option<Flag>,
    /// `t:StoreEntryId`: the MAPI entry id.
    #[field(uri = "item:StoreEntryId", read_only, since = "Exchange2010_SP2")]
    pub store_entry_id: Option<Base64Binary>,
    /// `t:InstanceKey`: the MAPI instance key.
    #[field(uri = "item:InstanceKey", read_only, since = "Exchange2013")]
    pub instance_key: Option<Base64Binary>,
    /// `t:NormalizedBody`.
    #[field(uri = "item:NormalizedBody", read_only, since = "Exchange2013")]
    pub normalized_body: Option<Body>,
    /// `t:EntityExtractionResult` (addresses, meetings, tasks found in the text); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "item:EntityExtractionResult", read_only, since = "Exchange2013")]
    pub entity_extraction_result: Option<Element>,
    /// `t:PolicyTag`: the retention policy tag.
    #[field(uri = "item:PolicyTag", since = "Exchange2013")]
    pub policy_tag: Option<RetentionTag>,
    /// `t:ArchiveTag`: the archive policy tag.
    #[field(uri = "item:ArchiveTag", since = "Exchange2013")]
    pub archive_tag: Option<RetentionTag>,
    /// `t:RetentionDate`: when the retention policy deletes the item.
    #[field(
        uri = "item:RetentionDate",
        searchable,
        read_only,
        since = "Exchange2013"
    )]
    pub retention_date: Option<DateTime>,
    /// `t:Preview`: the first characters of the body.
    #[field(uri = "item:Preview", read_only, since = "Exchange2013")]
    pub preview: Option<String>,
    /// `t:RightsManagementLicenseData` (IRM); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(
        uri = "item:RightsManagementLicenseData",
        read_only,
        since = "Exchange2013"
    )]
    pub rights_management_license_data: Option<Element>,
    /// `t:PredictedActionReasons`; unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "item:PredictedActionReasons", read_only, since = "Exchange2013")]
    pub predicted_action_reasons: Option<Element>,
    /// `t:IsClutter`: classified as clutter.
    #[field(uri = "item:IsClutter", read_only, since = "Exchange2013")]
    pub is_clutter: Option<bool>,
    /// `t:BlockStatus`: external content is blocked.
    #[field(uri = "item:BlockStatus", read_only, since = "Exchange2013")]
    pub block_status: Option<bool>,
    /// `t:HasBlockedImages`.
    #[field(uri = "item:HasBlockedImages", read_only, since = "Exchange2013")]
    pub has_blocked_images: Option<bool>,
    /// `t:TextBody`: the body as plain text.
    #[field(uri = "item:TextBody", read_only, since = "Exchange2013")]
    pub text_body: Option<Body>,
    /// `t:IconIndex`: the icon Outlook shows (`MailRead`, `AppointmentMeet`, ...).
    #[field(uri = "item:IconIndex", read_only, since = "Exchange2013")]
    pub icon_index: Option<String>,
    /// `t:SearchKey`: the MAPI search key.
    pub search_key: Option<Base64Binary>,
    /// `t:SortKey`.
    pub sort_key: Option<i64>,
    /// `t:Hashtags` (Exchange Online).
    #[xml(wrapper = "Hashtags", item = "String")]
    #[field(uri = "item:Hashtags", since = "Exchange2016")]
    pub hashtags: Vec<String>,
    /// `t:Mentions`: the people mentioned (Exchange Online).
    #[xml(wrapper = "Mentions", item = "Mailbox")]
    #[field(uri = "item:Mentions", read_only, since = "Exchange2016")]
    pub mentions: Vec<Mailbox>,
    /// `t:MentionedMe` (Exchange Online).
    #[field(uri = "item:MentionedMe", read_only, since = "Exchange2016")]
    pub mentioned_me: Option<bool>,
    /// `t:MentionsPreview` (Exchange Online); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "item:MentionsPreview", read_only, since = "Exchange2016")]
    pub mentions_preview: Option<Element>,
    /// `t:MentionsEx` (Exchange Online); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "item:MentionsEx", read_only, since = "Exchange2016")]
    pub mentions_ex: Option<Element>,
    /// `t:AppliedHashtags` (Exchange Online); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "item:AppliedHashtags", read_only, since = "Exchange2016")]
    pub applied_hashtags: Option<Element>,
    /// `t:AppliedHashtagsPreview` (Exchange Online); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "item:AppliedHashtagsPreview", read_only, since = "Exchange2016")]
    pub applied_hashtags_preview: Option<Element>,
    /// `t:Likes` (Exchange Online); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "item:Likes", read_only, since = "Exchange2016")]
    pub likes: Option<Element>,
    /// `t:LikesPreview` (Exchange Online); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "item:LikesPreview", read_only, since = "Exchange2016")]
    pub likes_preview: Option<Element>,
    /// `t:PendingSocialActivityTagIds` (Exchange Online).
    #[xml(wrapper = "PendingSocialActivityTagIds", item = "String")]
    #[field(
        uri = "item:PendingSocialActivityTagIds",
        read_only,
        since = "Exchange2016"
    )]
    pub pending_social_activity_tag_ids: Vec<String>,
    /// `t:AtAllMention` (Exchange Online).
    #[field(uri = "item:AtAllMention", read_only, since = "Exchange2016")]
    pub at_all_mention: Option<bool>,
    /// `t:CanDelete` (Exchange Online).
    #[field(uri = "item:CanDelete", read_only, since = "Exchange2016")]
    pub can_delete: Option<bool>,
    /// `t:InferenceClassification`: Focused or Other (Exchange Online).
    #[field(
        uri = "item:InferenceClassification",
        searchable,
        since = "Exchange2016"
    )]
    pub inference_classification: Option<InferenceClassification>,
}

impl ItemBase {
    /// An empty item.
    pub fn new() -> Self {
        Self::default()
    }
}
