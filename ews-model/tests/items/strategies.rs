//! Generators shared by the item and attachment tests.
#![allow(dead_code)]

use ews_model::attachments::{
    Attachment, AttachmentBase, FileAttachment, ItemAttachment, ReferenceAttachment,
};
use ews_model::folders::RetentionTag;
use ews_model::items::{
    Base64Binary, CalendarItemType, GenericItem, GenericResponseObject, InferenceClassification,
    Item, ItemBase, LegacyFreeBusy, MeetingCancellation, MeetingMessage, MeetingReply,
    MeetingRequest, MeetingRequestType, MeetingResponse, Message, PostItem, PostReplyItem,
    ReferenceItemResponse, ReplyAllToItem, ResponseObject, SmartResponse,
};
use ews_model::properties::{
    AttachmentId, Attendee, Body, BodyType, ConversationId, Flag, FolderId, Importance, ItemId,
    Mailbox, ResponseType, Sensitivity, SingleRecipient,
};
use ews_model::recurrence::Pattern;
use ews_model::time::DateTime;
use ews_xml::Element;

use super::support::element;
use jiff::Timestamp;
use proptest::prelude::*;

pub(crate) fn any_text() -> impl Strategy<Value = String> {
    "\\PC{0,12}"
}

pub(crate) fn opt_text() -> BoxedStrategy<Option<String>> {
    proptest::option::of(any_text()).boxed()
}

pub(crate) fn opt_bool() -> BoxedStrategy<Option<bool>> {
    proptest::option::of(any::<bool>()).boxed()
}

pub(crate) fn date_time() -> impl Strategy<Value = DateTime> {
    (-2_000_000_000i64..4_000_000_000, 0i32..1_000_000_000)
        .prop_map(|(s, ns)| DateTime(Timestamp::new(s, ns).unwrap()))
}

pub(crate) fn opt_date() -> BoxedStrategy<Option<DateTime>> {
    proptest::option::of(date_time()).boxed()
}

pub(crate) fn item_id() -> impl Strategy<Value = ItemId> {
    (any_text(), opt_text()).prop_map(|(id, ck)| ItemId { id, change_key: ck })
}

pub(crate) fn mailbox() -> impl Strategy<Value = Mailbox> {
    (opt_text(), "[a-z]{1,8}@[a-z]{1,8}\\.test").prop_map(|(name, address)| {
        let mut m = Mailbox::new(address);
        m.name = name;
        m
    })
}

pub(crate) fn mailboxes() -> impl Strategy<Value = Vec<Mailbox>> {
    proptest::collection::vec(mailbox(), 0..3)
}

pub(crate) fn single() -> BoxedStrategy<Option<SingleRecipient>> {
    proptest::option::of(mailbox().prop_map(SingleRecipient::from)).boxed()
}

pub(crate) fn body() -> impl Strategy<Value = Body> {
    (any::<bool>(), any_text()).prop_map(|(html, text)| {
        if html {
            Body::html(text)
        } else {
            let mut b = Body::text(text);
            b.body_type = BodyType::Text;
            b
        }
    })
}

/// An unmodelled element with some content.
pub(crate) fn unmodelled(local: &'static str) -> BoxedStrategy<Option<Element>> {
    proptest::option::of("[a-zA-Z0-9 ]{1,10}".prop_map(move |t| {
        element(&format!(
            r#"<t:{local} xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Kind="k"><t:Part>{t}</t:Part><t:Empty/></t:{local}>"#
        ))
    }))
    .boxed()
}

pub(crate) fn attachment_base() -> impl Strategy<Value = AttachmentBase> {
    (
        proptest::option::of(any_text().prop_map(AttachmentId::new)),
        opt_text(),
        opt_text(),
        opt_text(),
        proptest::option::of(any::<i32>()),
        opt_date(),
        opt_bool(),
    )
        .prop_map(|(id, name, ctype, cid, size, modified, inline)| {
            let mut b = AttachmentBase::default();
            b.attachment_id = id;
            b.name = name;
            b.content_type = ctype;
            b.content_id = cid;
            b.size = size;
            b.last_modified_time = modified;
            b.is_inline = inline;
            b
        })
}

pub(crate) fn file_attachment() -> impl Strategy<Value = FileAttachment> {
    (
        attachment_base(),
        opt_bool(),
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..64)),
    )
        .prop_map(|(base, photo, content)| {
            let mut a = FileAttachment::default();
            a.base = base;
            a.is_contact_photo = photo;
            a.content = content;
            a
        })
}

pub(crate) fn reference_attachment() -> impl Strategy<Value = ReferenceAttachment> {
    (
        attachment_base(),
        opt_text(),
        opt_text(),
        proptest::option::of(any::<i32>()),
        opt_bool(),
    )
        .prop_map(|(base, url, provider, perm, folder)| {
            let mut a = ReferenceAttachment::default();
            a.base = base;
            a.attach_long_path_name = url;
            a.provider_type = provider;
            a.permission_type = perm;
            a.attachment_is_folder = folder;
            a
        })
}

/// An attachment; item attachments (holding items without attachments) only when `depth > 0`.
pub(crate) fn attachment(depth: u32) -> BoxedStrategy<Attachment> {
    let leaves = prop_oneof![
        file_attachment().prop_map(Attachment::from),
        reference_attachment().prop_map(Attachment::from),
    ];
    if depth == 0 {
        return leaves.boxed();
    }
    prop_oneof![
        leaves,
        (attachment_base(), proptest::option::of(item(depth - 1))).prop_map(|(base, item)| {
            let mut a = ItemAttachment::default();
            a.base = base;
            a.item = item.map(Box::new);
            Attachment::from(a)
        }),
    ]
    .boxed()
}

pub(crate) fn response_object() -> impl Strategy<Value = ResponseObject> {
    prop_oneof![
        Just(ResponseObject::ReplyToItem(SmartResponse::default())),
        Just(ResponseObject::ReplyAllToItem(ReplyAllToItem::default())),
        Just(ResponseObject::ForwardItem(SmartResponse::default())),
        Just(ResponseObject::AcceptItem(MeetingReply::default())),
        Just(ResponseObject::DeclineItem(MeetingReply::default())),
        Just(ResponseObject::RemoveItem(GenericResponseObject::default())),
        Just(ResponseObject::SuppressReadReceipt(
            ReferenceItemResponse::default()
        )),
        Just(ResponseObject::PostReplyItem(PostReplyItem::default())),
        any_text().prop_map(|name| {
            let mut r = GenericResponseObject::default();
            r.object_name = Some(name);
            ResponseObject::ProposeNewTime(r)
        }),
    ]
}

pub(crate) fn item_base(depth: u32) -> BoxedStrategy<ItemBase> {
    let ids = (
        proptest::option::of(item_id()),
        proptest::option::of((any_text(), opt_text()).prop_map(|(id, ck)| {
            let mut f = FolderId::new(id);
            f.change_key = ck;
            f
        })),
        opt_text(),
        opt_text(),
        proptest::option::of(prop_oneof![
            Just(Sensitivity::Normal),
            Just(Sensitivity::Private),
            Just(Sensitivity::Other("Future".into())),
        ]),
        proptest::option::of(body()),
        proptest::collection::vec(attachment(depth), 0..3),
        opt_date(),
        proptest::option::of(any::<i32>()),
        proptest::collection::vec(any_text(), 0..3),
        proptest::option::of(prop_oneof![Just(Importance::High), Just(Importance::Low)]),
    );
    let flags = (
        opt_bool(),
        opt_bool(),
        opt_bool(),
        opt_date(),
        proptest::collection::vec(response_object(), 0..3),
        proptest::option::of(0i32..2_629_800),
        opt_text(),
        opt_bool(),
        proptest::option::of(any_text().prop_map(ConversationId::new)),
        proptest::option::of(Just(Flag::flagged())),
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..20).prop_map(Base64Binary)),
    );
    let online = (
        unmodelled("EntityExtractionResult"),
        proptest::option::of(
            any::<(u128, bool)>()
                .prop_map(|(g, e)| RetentionTag::new(ews_model::extended::Guid::from_u128(g), e)),
        ),
        unmodelled("Likes"),
        proptest::collection::vec(mailbox(), 0..2),
        proptest::option::of(prop_oneof![
            Just(InferenceClassification::Focused),
            Just(InferenceClassification::OtherTab),
        ]),
        proptest::option::of(any::<i64>()),
    );
    (ids, flags, online)
        .prop_map(|(ids, flags, online)| {
            let mut b = ItemBase::default();
            (
                b.item_id,
                b.parent_folder_id,
                b.item_class,
                b.subject,
                b.sensitivity,
                b.body,
                b.attachments,
                b.datetime_received,
                b.size,
                b.categories,
                b.importance,
            ) = ids;
            (
                b.is_draft,
                b.is_from_me,
                b.reminder_is_set,
                b.reminder_due_by,
                b.response_objects,
                b.reminder_minutes_before_start,
                b.display_to,
                b.has_attachments,
                b.conversation_id,
                b.flag,
                b.store_entry_id,
            ) = flags;
            (
                b.entity_extraction_result,
                b.policy_tag,
                b.likes,
                b.mentions,
                b.inference_classification,
                b.sort_key,
            ) = online;
            b
        })
        .boxed()
}

pub(crate) fn message(depth: u32) -> BoxedStrategy<Message> {
    (
        item_base(depth),
        (
            single(),
            mailboxes(),
            mailboxes(),
            mailboxes(),
            opt_bool(),
            opt_bool(),
        ),
        (
            single(),
            opt_text(),
            opt_bool(),
            opt_text(),
            mailboxes(),
            unmodelled("VotingInformation"),
            proptest::collection::vec("[0-9a-f]{8}", 0..2),
        ),
    )
        .prop_map(
            |(item, (sender, to, cc, bcc, rr, dr), (from, mid, read, refs, reply, vote, guids))| {
                let mut m = Message::default();
                m.item = item;
                m.sender = sender;
                m.to_recipients = to;
                m.cc_recipients = cc;
                m.bcc_recipients = bcc;
                m.is_read_receipt_requested = rr;
                m.is_delivery_receipt_requested = dr;
                m.from = from;
                m.internet_message_id = mid;
                m.is_read = read;
                m.references = refs;
                m.reply_to = reply;
                m.voting_information = vote;
                m.mailbox_guids = guids;
                m
            },
        )
        .boxed()
}

pub(crate) fn post_item(depth: u32) -> BoxedStrategy<PostItem> {
    (
        item_base(depth),
        opt_text(),
        single(),
        opt_bool(),
        opt_date(),
        single(),
    )
        .prop_map(|(item, topic, from, read, posted, sender)| {
            let mut p = PostItem::default();
            p.item = item;
            p.conversation_topic = topic;
            p.from = from;
            p.is_read = read;
            p.posted_time = posted;
            p.sender = sender;
            p
        })
        .boxed()
}

pub(crate) fn response_type() -> impl Strategy<Value = ResponseType> {
    prop_oneof![
        Just(ResponseType::Accept),
        Just(ResponseType::Decline),
        Just(ResponseType::Other("Maybe".into())),
    ]
}

pub(crate) fn meeting_message(depth: u32) -> BoxedStrategy<MeetingMessage> {
    (
        message(depth),
        proptest::option::of(item_id()),
        opt_bool(),
        opt_bool(),
        proptest::option::of(response_type()),
        opt_text(),
        opt_date(),
    )
        .prop_map(
            |(message, assoc, delegated, out_of_date, response, uid, stamp)| {
                let mut m = MeetingMessage::default();
                m.message = message;
                m.associated_calendar_item_id = assoc;
                m.is_delegated = delegated;
                m.is_out_of_date = out_of_date;
                m.response_type = response;
                m.uid = uid;
                m.date_time_stamp = stamp;
                m
            },
        )
        .boxed()
}

pub(crate) fn meeting_request(depth: u32) -> BoxedStrategy<MeetingRequest> {
    (
        meeting_message(depth),
        (
            proptest::option::of(prop_oneof![
                Just(MeetingRequestType::NewMeetingRequest),
                Just(MeetingRequestType::FullUpdate),
            ]),
            proptest::option::of(prop_oneof![
                Just(LegacyFreeBusy::Busy),
                Just(LegacyFreeBusy::Oof)
            ]),
            opt_date(),
            opt_date(),
            opt_text(),
            proptest::option::of(prop_oneof![
                Just(CalendarItemType::Single),
                Just(CalendarItemType::RecurringMaster),
            ]),
        ),
        (
            single(),
            proptest::collection::vec(mailbox().prop_map(Attendee::new), 0..3),
            proptest::option::of(0i32..10),
            proptest::option::of(Just(
                Pattern::daily(2).starting(jiff::civil::date(2024, 1, 1)),
            )),
            unmodelled("EnhancedLocation"),
            opt_bool(),
        ),
    )
        .prop_map(
            |(
                meeting,
                (kind, fb, start, end, location, cal),
                (org, req, count, rec, loc, online),
            )| {
                let mut m = MeetingRequest::default();
                m.meeting = meeting;
                m.meeting_request_type = kind;
                m.intended_free_busy_status = fb;
                m.schedule.start = start;
                m.schedule.end = end;
                m.schedule.location = location;
                m.attendance.calendar_item_type = cal;
                m.attendance.organizer = org.map(|o| o.mailbox);
                m.attendance.required_attendees = req;
                m.occurrences.conflicting_meeting_count = count;
                m.occurrences.recurrence = rec;
                m.enhanced_location = loc;
                m.settings.is_online_meeting = online;
                m
            },
        )
        .boxed()
}

pub(crate) fn meeting_response(depth: u32) -> BoxedStrategy<MeetingResponse> {
    (
        meeting_message(depth),
        opt_date(),
        opt_text(),
        opt_date(),
        opt_text(),
    )
        .prop_map(|(meeting, start, location, proposed, kind)| {
            let mut m = MeetingResponse::default();
            m.meeting = meeting;
            m.slot.start = start;
            m.slot.location = location;
            m.proposed_start = proposed;
            m.slot.calendar_item_type = kind;
            m
        })
        .boxed()
}

pub(crate) fn meeting_cancellation(depth: u32) -> BoxedStrategy<MeetingCancellation> {
    (meeting_message(depth), opt_date(), opt_text(), opt_bool())
        .prop_map(|(meeting, end, location, dnf)| {
            let mut m = MeetingCancellation::default();
            m.meeting = meeting;
            m.slot.end = end;
            m.slot.location = location;
            m.do_not_forward_meeting = dnf;
            m
        })
        .boxed()
}

/// An unknown item element: base elements plus unknown children.
pub(crate) fn generic_item(depth: u32) -> BoxedStrategy<GenericItem> {
    (
        item_base(depth),
        "[A-Z][a-z]{2,8}Item",
        proptest::collection::vec(unmodelled("Future"), 0..3),
    )
        .prop_map(|(base, name, extra)| {
            let mut g = GenericItem::new(name);
            g.item = base;
            g.other = extra.into_iter().flatten().collect();
            g
        })
        .boxed()
}

/// Any item kind this crate models, plus unknown ones.
pub(crate) fn item(depth: u32) -> BoxedStrategy<Item> {
    prop_oneof![
        item_base(depth).prop_map(Item::Item),
        message(depth).prop_map(Item::Message),
        post_item(depth).prop_map(Item::PostItem),
        meeting_message(depth).prop_map(Item::MeetingMessage),
        meeting_request(depth).prop_map(Item::MeetingRequest),
        meeting_response(depth).prop_map(Item::MeetingResponse),
        meeting_cancellation(depth).prop_map(Item::MeetingCancellation),
        generic_item(depth).prop_map(Item::Unknown),
        (item_id(), proptest::option::of(body()), mailboxes()).prop_map(|(id, b, to)| {
            let mut r = SmartResponse::new(id);
            r.new_body_content = b;
            r.to_recipients = to;
            Item::ForwardItem(r)
        }),
        (item_id(), opt_date(), opt_date()).prop_map(|(id, s, e)| {
            let mut r = MeetingReply::new(id);
            r.proposed_start = s;
            r.proposed_end = e;
            Item::TentativelyAcceptItem(r)
        }),
    ]
    .boxed()
}

/// The instant `secs` seconds after the Unix epoch.
pub(crate) fn date_time_at(secs: i64) -> DateTime {
    DateTime(Timestamp::new(secs, 0).unwrap())
}
