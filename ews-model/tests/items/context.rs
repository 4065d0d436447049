//! Schema validity in context: items, response objects and attachments written inside real
//! requests and responses, validated against the EWS schema, then read back.

use ews_model::Compose;
use ews_model::attachments::{Attachment, FileAttachment, ItemAttachment, ReferenceAttachment};
use ews_model::folders::RetentionTag;
use ews_model::items::{
    AcceptItem, AcceptSharingInvitation, CalendarItemType, CancelCalendarItem, DeclineItem,
    ForwardItem, Item, ItemBase, LegacyFreeBusy, MeetingCancellation, MeetingMessage,
    MeetingRequest, MeetingRequestType, MeetingResponse, Message, PostItem, PostReplyItem,
    RemoveItem, ReplyAllToItem, ReplyToItem, ResponseObject, SuppressReadReceipt,
    TentativelyAcceptItem,
};
use ews_model::properties::{
    Attendee, Body, ConversationId, DistinguishedFolderId, DistinguishedFolderIdName, Flag,
    FolderId, Importance, InternetMessageHeader, InternetMessageHeaders, ItemId, Mailbox,
    MimeContent, ResponseType, Sensitivity, SingleRecipient,
};
use ews_model::recurrence::Pattern;
use ews_xml::soap::{self, RequestHeader};
use ews_xml::{Event, Name, Reader, Writer, XmlChoice, XmlWrite};

use super::strategies::date_time_at;

fn id(s: &str) -> ItemId {
    ItemId::new(s).with_change_key("CK")
}

fn full_message() -> Message {
    let mut m = Message::new()
        .subject("Quarterly report & plans")
        .body(Body::html("<p>See attached</p>"))
        .to(["ann@example.com"])
        .cc([Mailbox::named("Bob", "bob@example.com")])
        .bcc(["carol@example.com"])
        .reply_to(["replies@example.com"])
        .importance(Importance::High)
        .categories(["Red", "Work"])
        .author("me@example.com")
        .read_receipt()
        .delivery_receipt()
        .attach(
            FileAttachment::new("report.txt", b"hello".to_vec()).with_content_type("text/plain"),
        )
        .attach(FileAttachment::new("logo.png", vec![0x89, b'P', b'N', b'G']).inline("logo"))
        .attach(ItemAttachment::new(
            "forwarded",
            Message::new()
                .subject("Inner")
                .body(Body::text("inner body")),
        ));
    let b = &mut m.item;
    b.mime_content = Some(MimeContent::new(b"Subject: x\r\n\r\nbody".to_vec()));
    b.item_id = Some(id("AAMkMsg"));
    b.parent_folder_id = Some(FolderId::new("AAMkInbox"));
    b.item_class = Some("IPM.Note".into());
    b.sensitivity = Some(Sensitivity::Private);
    b.datetime_received = Some(date_time_at(1_700_000_000));
    b.size = Some(1234);
    b.in_reply_to = Some("<a@b>".into());
    b.is_submitted = Some(false);
    b.is_draft = Some(false);
    b.is_from_me = Some(false);
    b.is_resend = Some(false);
    b.is_unmodified = Some(true);
    b.internet_message_headers = Some(InternetMessageHeaders {
        headers: vec![InternetMessageHeader::new("X-Test", "1")],
    });
    b.datetime_sent = Some(date_time_at(1_699_999_000));
    b.datetime_created = Some(date_time_at(1_699_998_000));
    b.response_objects = vec![
        ResponseObject::ReplyToItem(ReplyToItem::default()),
        ResponseObject::ReplyAllToItem(ReplyAllToItem::default()),
        ResponseObject::ForwardItem(ForwardItem::default()),
        ResponseObject::SuppressReadReceipt(SuppressReadReceipt::default()),
    ];
    b.reminder_is_set = Some(false);
    b.reminder_minutes_before_start = Some(15);
    b.display_to = Some("Ann".into());
    b.has_attachments = Some(true);
    b.culture = Some("en-US".into());
    b.last_modified_name = Some("Me".into());
    b.last_modified_time = Some(date_time_at(1_700_000_100));
    b.is_associated = Some(false);
    b.conversation_id = Some(ConversationId::new("AAQkConv"));
    b.unique_body = Some(Body::html("<p>unique</p>"));
    b.flag = Some(Flag::flagged());
    b.store_entry_id = Some(vec![1, 2, 3].into());
    b.policy_tag = Some(RetentionTag::new(
        ews_model::extended::Guid::parse("d7b3f5d2-6b1a-4b1e-9f6e-1a2b3c4d5e6f").unwrap(),
        true,
    ));
    b.preview = Some("See attached".into());
    b.text_body = Some(Body::text("See attached"));
    b.icon_index = Some("MailRead".into());
    b.sort_key = Some(7);
    b.mentions = vec![Mailbox::new("ann@example.com")];
    b.inference_classification = Some(ews_model::items::InferenceClassification::Focused);
    b.reminder_due_by = Some(date_time_at(1_700_100_000));
    b.reminder_next_time = Some(date_time_at(1_700_099_000));
    b.display_cc = Some("Bob".into());
    b.display_bcc = Some("Carol".into());
    b.web_client_read_form_query_string = Some("?ItemID=1".into());
    b.web_client_edit_form_query_string = Some("?ItemID=1&edit".into());
    b.instance_key = Some(vec![9, 9].into());
    b.normalized_body = Some(Body::html("<p>n</p>"));
    b.archive_tag = Some(RetentionTag::new(
        ews_model::extended::Guid::parse("d7b3f5d2-6b1a-4b1e-9f6e-1a2b3c4d5e6f").unwrap(),
        true,
    ));
    b.retention_date = Some(date_time_at(1_800_000_000));
    b.is_clutter = Some(false);
    b.block_status = Some(false);
    b.has_blocked_images = Some(false);
    b.search_key = Some(vec![5].into());
    b.hashtags = vec!["q3".into()];
    b.mentioned_me = Some(false);
    b.pending_social_activity_tag_ids = vec!["tag".into()];
    b.at_all_mention = Some(false);
    b.can_delete = Some(true);
    m.sender = Some(SingleRecipient::from("me@example.com"));
    m.conversation_index = Some(vec![1, 2, 3, 4].into());
    m.conversation_topic = Some("Quarterly report".into());
    m.internet_message_id = Some("<msg@example.com>".into());
    m.is_read = Some(true);
    m.is_response_requested = Some(false);
    m.references = Some("<a@b>".into());
    m.received_by = Some(SingleRecipient::from("ann@example.com"));
    m.received_representing = Some(SingleRecipient::from("ann@example.com"));
    m.sender_smtp_address = Some("me@example.com".into());
    m.mailbox_guids = vec!["d7b3f5d2-6b1a-4b1e-9f6e-1a2b3c4d5e6f".into()];
    m.published_calendar_item_ics = Some("BEGIN:VCALENDAR".into());
    m.published_calendar_item_name = Some("cal".into());
    m
}

fn meeting_message() -> MeetingMessage {
    let mut m = MeetingMessage::default();
    m.message = Message::new().subject("Planning").to(["ann@example.com"]);
    m.associated_calendar_item_id = Some(id("AAMkCal"));
    m.is_delegated = Some(false);
    m.is_out_of_date = Some(false);
    m.has_been_processed = Some(true);
    m.response_type = Some(ResponseType::NoResponseReceived);
    m.uid = Some("040000008200E00074C5B7101A82E008".into());
    m.recurrence_id = Some(date_time_at(1_700_000_000));
    m.date_time_stamp = Some(date_time_at(1_700_000_000));
    m.is_organizer = Some(false);
    m
}

fn meeting_request() -> MeetingRequest {
    let mut r = MeetingRequest::default();
    r.meeting = meeting_message();
    r.meeting_request_type = Some(MeetingRequestType::NewMeetingRequest);
    r.intended_free_busy_status = Some(LegacyFreeBusy::Busy);
    r.schedule.start = Some(date_time_at(1_700_003_600));
    r.schedule.end = Some(date_time_at(1_700_007_200));
    r.schedule.is_all_day_event = Some(false);
    r.schedule.legacy_free_busy_status = Some(LegacyFreeBusy::Tentative);
    r.schedule.location = Some("Room 1".into());
    r.schedule.when = Some("Tomorrow".into());
    r.schedule.is_meeting = Some(true);
    r.schedule.is_cancelled = Some(false);
    r.schedule.is_recurring = Some(true);
    r.schedule.meeting_request_was_sent = Some(false);
    r.attendance.calendar_item_type = Some(CalendarItemType::RecurringMaster);
    r.attendance.my_response_type = Some(ResponseType::NoResponseReceived);
    r.attendance.organizer = Some(Mailbox::from("boss@example.com"));
    r.attendance.required_attendees = vec![Attendee::new("ann@example.com")];
    r.attendance.optional_attendees = vec![Attendee::new("bob@example.com")];
    r.occurrences.conflicting_meeting_count = Some(1);
    r.occurrences.adjacent_meeting_count = Some(0);
    r.occurrences.conflicting_meetings = vec![Item::Item({
        let mut b = ItemBase::default();
        b.item_id = Some(id("AAMkOther"));
        b.subject = Some("Other meeting".into());
        b
    })];
    r.occurrences.duration = Some("PT1H".into());
    r.occurrences.time_zone = Some("W. Europe Standard Time".into());
    r.occurrences.appointment_sequence_number = Some(0);
    r.occurrences.appointment_state = Some(3);
    r.occurrences.recurrence = Some(Pattern::daily(1).starting(jiff::civil::date(2024, 1, 1)));
    r.settings.conference_type = Some(0);
    r.settings.allow_new_time_proposal = Some(true);
    r.settings.is_online_meeting = Some(false);
    r
}

/// `m:CreateItem` with every kind that can be created and a response object of each kind.
fn create_items() -> Vec<Item> {
    let reference = || id("AAMkOrig");
    let mut remove = RemoveItem::new(reference());
    remove.object_name = None;
    let mut reply_all = ReplyAllToItem::new(reference()).body(Body::text("Agreed"));
    reply_all.is_specific_message_reply = Some(false);
    vec![
        Item::from(full_message()),
        Item::from(PostItem::new("A post", Body::text("Posted"))),
        Item::ReplyToItem(
            ReplyToItem::new(reference())
                .body(Body::text("Thanks"))
                .subject("Re: x"),
        ),
        Item::ReplyAllToItem(reply_all),
        Item::ForwardItem(
            ForwardItem::new(reference())
                .to(["dan@example.com"])
                .body(Body::text("FYI")),
        ),
        Item::AcceptItem(AcceptItem::new(reference()).body(Body::text("I'll be there"))),
        Item::TentativelyAcceptItem(
            TentativelyAcceptItem::new(reference())
                .propose(date_time_at(1_700_000_000), date_time_at(1_700_003_600)),
        ),
        Item::DeclineItem(DeclineItem::new(reference())),
        Item::CancelCalendarItem(
            CancelCalendarItem::new(reference()).body(Body::text("Cancelled")),
        ),
        Item::RemoveItem(remove),
        Item::SuppressReadReceipt(SuppressReadReceipt::new(reference())),
        Item::PostReplyItem(PostReplyItem::new(reference(), Body::text("Me too"))),
        Item::AcceptSharingInvitation(AcceptSharingInvitation::new(reference())),
    ]
}

/// Every item kind a `GetItem` response may hold.
fn response_items() -> Vec<Item> {
    let mut cancellation = MeetingCancellation::default();
    cancellation.meeting = meeting_message();
    cancellation.slot.start = Some(date_time_at(1_700_003_600));
    cancellation.slot.location = Some("Room 1".into());
    cancellation.slot.calendar_item_type = Some("Single".into());
    cancellation.do_not_forward_meeting = Some(false);
    let mut response = MeetingResponse::default();
    response.meeting = meeting_message();
    response.slot.start = Some(date_time_at(1_700_003_600));
    response.proposed_start = Some(date_time_at(1_700_010_000));
    response.proposed_end = Some(date_time_at(1_700_013_600));
    let mut post = PostItem::new("A post", Body::text("Posted"));
    post.posted_time = Some(date_time_at(1_700_000_000));
    post.from = Some(SingleRecipient::from("me@example.com"));
    let mut request = meeting_request();
    request.meeting.message.item.response_objects = vec![
        ResponseObject::AcceptItem(AcceptItem::default()),
        ResponseObject::TentativelyAcceptItem(TentativelyAcceptItem::default()),
        ResponseObject::DeclineItem(DeclineItem::default()),
        ResponseObject::ProposeNewTime(Default::default()),
    ];
    let mut plain = ItemBase::default();
    plain.item_id = Some(id("AAMkPlain"));
    plain.subject = Some("Plain".into());
    vec![
        Item::Item(plain),
        Item::from(full_message()),
        Item::from(post),
        Item::from(meeting_message()),
        Item::from(request),
        Item::from(response),
        Item::from(cancellation),
    ]
}

fn write_items(w: &mut Writer<'_>, items: &[Item]) -> Result<(), ews_xml::WriteError> {
    w.start(Name::m("Items"))?;
    for item in items {
        item.write_choice(w)?;
    }
    w.end()
}

/// The items of the first `m:Items` of a document.
fn read_items(doc: &[u8]) -> Vec<Item> {
    let mut r = Reader::from_bytes(doc);
    loop {
        match r.next_event().unwrap() {
            Event::Start(tag) if tag.is(Name::m("Items")) => break,
            Event::Eof => panic!("no m:Items"),
            _ => {}
        }
    }
    let mut items = Vec::new();
    while let Some(tag) = r.next_child().unwrap() {
        items.push(Item::read_choice(&mut r, &tag).unwrap());
    }
    items
}

#[test]
fn create_item_with_every_kind_validates_and_reads_back() {
    let items = create_items();
    let mut out = Vec::new();
    soap::write_envelope(&mut out, &RequestHeader::new("Exchange2016"), |w| {
        w.start(Name::m("CreateItem"))?;
        w.attr("MessageDisposition", "SendAndSaveCopy")?;
        w.start(Name::m("SavedItemFolderId"))?;
        DistinguishedFolderId::new(DistinguishedFolderIdName::SentItems)
            .write_xml(w, Name::t("DistinguishedFolderId"))?;
        w.end()?;
        write_items(w, &items)?;
        w.end()
    })
    .unwrap();
    ews_test_support::assert_valid("CreateItem with items and response objects", &out);
    assert_eq!(read_items(&out), items);
}

#[test]
fn get_item_response_with_every_kind_validates_and_reads_back() {
    let items = response_items();
    let mut out = Vec::new();
    soap::write_response_envelope(&mut out, None, |w| {
        w.start(Name::m("GetItemResponse"))?;
        w.start(Name::m("ResponseMessages"))?;
        w.start(Name::m("GetItemResponseMessage"))?;
        w.attr("ResponseClass", "Success")?;
        w.element_text(Name::m("ResponseCode"), "NoError")?;
        write_items(w, &items)?;
        w.end()?;
        w.end()?;
        w.end()
    })
    .unwrap();
    ews_test_support::assert_valid("GetItemResponse with every item kind", &out);
    assert_eq!(read_items(&out), items);
}

#[test]
fn create_attachment_validates_and_reads_back() {
    let mut reference = ReferenceAttachment::new("plan.docx", "https://example.com/plan.docx");
    reference.provider_type = Some("OneDrivePro".into());
    let attachments = vec![
        Attachment::from(FileAttachment::new("a.txt", b"hello world".to_vec())),
        Attachment::from(FileAttachment::new("photo.jpg", vec![0xff, 0xd8]).contact_photo()),
        Attachment::from(ItemAttachment::new("meeting", meeting_request())),
        Attachment::from(ItemAttachment::new(
            "post",
            PostItem::new("p", Body::text("b")),
        )),
        Attachment::from(reference),
    ];
    let mut out = Vec::new();
    soap::write_envelope(&mut out, &RequestHeader::new("Exchange2016"), |w| {
        w.start(Name::m("CreateAttachment"))?;
        id("AAMkParent").write_xml(w, Name::m("ParentItemId"))?;
        w.start(Name::m("Attachments"))?;
        for a in &attachments {
            a.write_choice(w)?;
        }
        w.end()?;
        w.end()
    })
    .unwrap();
    ews_test_support::assert_valid("CreateAttachment with file, item and reference", &out);
    let mut r = Reader::from_bytes(&out);
    loop {
        match r.next_event().unwrap() {
            Event::Start(tag) if tag.is(Name::m("Attachments")) => break,
            Event::Eof => panic!("no m:Attachments"),
            _ => {}
        }
    }
    let mut back = Vec::new();
    while let Some(tag) = r.next_child().unwrap() {
        back.push(Attachment::read_choice(&mut r, &tag).unwrap());
    }
    assert_eq!(back, attachments);
}
