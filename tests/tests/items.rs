//! End-to-end tests of FakeExchange's item operations, at the SOAP level over real sockets,
//! with requests built from `ews-model` values and every document through the schema gate.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::{ALICE, BOB, Session, first_err, start};
use ews_model::Compose;
use ews_model::fields::HasFields as _;
use ews_model::items::calendar::{CalendarItem, CalendarItemType, Schedule};
use ews_model::items::{Item, ItemBase, Message};
use ews_model::operations::{
    BaseShape, ConflictResolution, CopyItem, CreateItem, DeleteItem, DisposalType, EmptyFolder,
    FieldPath, FindItem, GetItem, ItemChange, ItemShape, MarkAllItemsAsRead, MarkAsJunk,
    MessageDisposition, MoveItem, SendItem, SendMeetingInvitations, UpdateItem,
};
use ews_model::properties::{
    Body, DistinguishedFolderIdName, FolderIdChoice, ItemId, ItemIdChoice, OccurrenceItemId,
};
use ews_model::recurrence::Pattern;
use ews_model::time::DateTime;
use ews_model::version::ExchangeVersion;
use ews_model::view::{BasePoint, CalendarView, FieldOrder, IndexedPageView, ItemTraversal};
use ews_query::{Compiled, Q};
use ews_xml::ResponseCode;

fn folder(name: &str) -> FolderIdChoice {
    FolderIdChoice::from(DistinguishedFolderIdName::from(name))
}

fn ts(s: &str) -> DateTime {
    DateTime(s.parse().unwrap())
}

/// The subjects of `items`, in order.
fn subjects<'a>(items: impl IntoIterator<Item = &'a Item>) -> Vec<String> {
    items
        .into_iter()
        .map(|i| i.base().unwrap().subject.clone().unwrap())
        .collect()
}

/// A 15-minute stand-up every Monday from 2026-03-02, `count` times.
fn weekly_standup(count: i32) -> CalendarItem {
    CalendarItem::new()
        .subject("Standup")
        .start(ts("2026-03-02T09:00:00Z"))
        .end(ts("2026-03-02T09:15:00Z"))
        .recurrence(
            Pattern::weekly(1, [jiff::civil::Weekday::Monday])
                .starting(jiff::civil::date(2026, 3, 2))
                .count(count),
        )
}

fn id_of(item: &Item) -> ItemId {
    item.id().cloned().unwrap()
}

fn restriction(q: &Q) -> ews_model::restriction::Restriction {
    match ews_query::compile(q, &Message::FIELDS, ExchangeVersion::Exchange2016).unwrap() {
        Compiled::Restriction(r) => r,
        other => panic!("{other:?}"),
    }
}

async fn find(s: &mut Session<'_>, req: FindItem) -> ews_model::operations::FindItemPage {
    s.call(&req).await.into_results().remove(0).unwrap()
}

async fn find_all(s: &mut Session<'_>, name: &str) -> Vec<Item> {
    find(
        s,
        FindItem::new(ItemShape::new(BaseShape::Default)).folder(folder(name)),
    )
    .await
    .items
}

async fn save_draft(s: &mut Session<'_>, m: Message) -> ItemId {
    let r = s
        .call(
            &CreateItem::new()
                .disposition(MessageDisposition::SaveOnly)
                .item(m),
        )
        .await;
    id_of(&r.into_results().remove(0).unwrap().unwrap())
}

#[tokio::test]
async fn create_get_update_and_delete_a_message() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let id = save_draft(
        &mut s,
        Message::new()
            .subject("Quarterly numbers")
            .body(Body::text("See attached."))
            .to(["bob@example.test"])
            .categories(["Finance"]),
    )
    .await;

    // Default shape: the stored properties and the computed ones.
    let item = s
        .call(&GetItem::new(ItemShape::new(BaseShape::Default)).item(id.clone()))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let Item::Message(m) = &item else {
        panic!("{item:?}")
    };
    assert_eq!(m.item.subject.as_deref(), Some("Quarterly numbers"));
    assert_eq!(m.item.body.as_ref().unwrap().content, "See attached.");
    assert_eq!(m.item.is_draft, Some(true));
    assert_eq!(m.item.item_class.as_deref(), Some("IPM.Note"));
    assert_eq!(m.to_recipients.len(), 1);
    assert!(m.item.datetime_created.is_some());
    assert!(m.item.parent_folder_id.is_some());

    // IdOnly + one additional property: nothing else comes back.
    let item = s
        .call(
            &GetItem::new(ItemShape::new(BaseShape::IdOnly).with(FieldPath::field("item:Subject")))
                .item(id.clone()),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let Item::Message(m) = &item else { panic!() };
    assert_eq!(m.item.subject.as_deref(), Some("Quarterly numbers"));
    assert!(m.item.body.is_none() && m.to_recipients.is_empty() && m.item.categories.is_empty());
    assert_eq!(m.item.item_id.as_ref(), Some(&id));

    // Update: a new change key; the old one is stale under NeverOverwrite.
    let updated = s
        .call(
            &UpdateItem::new(ConflictResolution::NeverOverwrite).change(
                ItemChange::new(id.clone())
                    .set(ItemBase::SUBJECT, Message::new().subject("Q3 numbers")),
            ),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let new_id = id_of(updated.item.as_ref().unwrap());
    assert_eq!(new_id.id, id.id);
    assert_ne!(new_id.change_key, id.change_key);
    let stale = first_err(
        s.call(&UpdateItem::new(ConflictResolution::NeverOverwrite).change(
            ItemChange::new(id.clone()).set(ItemBase::SUBJECT, Message::new().subject("x")),
        ))
        .await
        .into_results(),
    );
    assert_eq!(stale.code(), Some(&ResponseCode::ErrorIrresolvableConflict));
    // AlwaysOverwrite applies a stale update; deleting a field and a read-only field.
    let r = s
        .call(
            &UpdateItem::new(ConflictResolution::AlwaysOverwrite)
                .change(ItemChange::new(id.clone()).delete(ItemBase::CATEGORIES))
                .change(
                    ItemChange::new(new_id.clone())
                        .set(ItemBase::SIZE, Message::new().subject("ignored")),
                ),
        )
        .await
        .into_results();
    assert!(r[0].is_ok());
    assert_eq!(
        r[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidPropertySet)
    );
    let Item::Message(m) = s
        .call(
            &GetItem::new(ItemShape::new(BaseShape::AllProperties))
                .item(ItemId::new(new_id.id.clone())),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(m.item.subject.as_deref(), Some("Q3 numbers"));
    assert!(m.item.categories.is_empty());

    // One bad id among good ones: the error stays in place.
    let unknown = ItemId::new(base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        [b"FXI\x01".as_slice(), &[9u8; 32]].concat(),
    ));
    let results = s
        .call(
            &GetItem::new(ItemShape::new(BaseShape::IdOnly))
                .item(ItemId::new(new_id.id.clone()))
                .item(unknown)
                .item(ItemId::new("garbage")),
        )
        .await
        .into_results();
    assert!(results[0].is_ok());
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorItemNotFound)
    );
    assert_eq!(
        results[2].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidIdMalformed)
    );

    // MoveToDeletedItems moves (new id); SoftDelete hides from Shallow but not SoftDeleted;
    // HardDelete removes.
    s.call(&DeleteItem::new(DisposalType::MoveToDeletedItems).item(ItemId::new(new_id.id.clone())))
        .await;
    assert!(find_all(&mut s, "drafts").await.is_empty());
    let deleted = find_all(&mut s, "deleteditems").await;
    assert_eq!(deleted.len(), 1);
    let moved = id_of(&deleted[0]);
    assert_ne!(moved.id, new_id.id);
    s.call(&DeleteItem::new(DisposalType::SoftDelete).item(moved.clone()))
        .await;
    assert!(find_all(&mut s, "deleteditems").await.is_empty());
    let dumpster = find(
        &mut s,
        FindItem::new(ItemShape::new(BaseShape::IdOnly))
            .folder(folder("deleteditems"))
            .traversal(ItemTraversal::SoftDeleted),
    )
    .await;
    assert_eq!(dumpster.items.len(), 1);
    s.call(&DeleteItem::new(DisposalType::HardDelete).item(moved.clone()))
        .await;
    let gone = first_err(
        s.call(&GetItem::new(ItemShape::new(BaseShape::IdOnly)).item(moved))
            .await
            .into_results(),
    );
    assert_eq!(gone.code(), Some(&ResponseCode::ErrorItemNotFound));
    s.finish();
}

#[tokio::test]
async fn sending_delivers_to_the_recipients_inbox_once() {
    let server = start().await;
    let mut alice = Session::new(&server, ALICE);
    let mut bob = Session::new(&server, BOB);
    // SendAndSaveCopy: bob receives it, alice keeps a copy in Sent Items, nothing in Drafts.
    let r = alice
        .call(
            &CreateItem::new()
                .disposition(MessageDisposition::SendAndSaveCopy)
                .item(
                    Message::new()
                        .subject("Lunch?")
                        .body(Body::text("At noon"))
                        .to(["bob@example.test"])
                        .bcc(["nobody@elsewhere.test"]),
                ),
        )
        .await
        .into_results();
    assert!(r[0].as_ref().unwrap().is_none(), "sends return no item");
    let inbox = find_all(&mut bob, "inbox").await;
    assert_eq!(inbox.len(), 1);
    let Item::Message(m) = &inbox[0] else {
        panic!()
    };
    assert_eq!(m.item.subject.as_deref(), Some("Lunch?"));
    assert_eq!(m.is_read, Some(false));
    assert_eq!(
        m.from.as_ref().unwrap().mailbox.email_address.as_deref(),
        Some("alice@example.test")
    );
    assert_eq!(find_all(&mut alice, "sentitems").await.len(), 1);
    assert!(find_all(&mut alice, "drafts").await.is_empty());

    // SendOnly keeps no copy; a draft sent with SendItem moves to Sent Items.
    alice
        .call(
            &CreateItem::new()
                .disposition(MessageDisposition::SendOnly)
                .item(Message::new().subject("Ping").to(["bob@example.test"])),
        )
        .await;
    assert_eq!(find_all(&mut alice, "sentitems").await.len(), 1);
    let draft = save_draft(
        &mut alice,
        Message::new().subject("Draft").to(["bob@example.test"]),
    )
    .await;
    let sent = alice
        .call(&SendItem::new([draft.clone()]).save_copy_to(folder("sentitems")))
        .await;
    assert!(sent.into_results()[0].is_ok());
    assert_eq!(find_all(&mut alice, "sentitems").await.len(), 2);
    assert!(find_all(&mut alice, "drafts").await.is_empty());
    // Sending it again: the draft is gone.
    let again = alice
        .call(&SendItem::new([draft]).save_copy_to(folder("sentitems")))
        .await;
    assert_eq!(
        again.into_results()[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorItemNotFound)
    );
    assert_eq!(find_all(&mut bob, "inbox").await.len(), 3);
    // Without recipients, nothing is sent.
    let none = alice
        .call(
            &CreateItem::new()
                .disposition(MessageDisposition::SendOnly)
                .item(Message::new().subject("Nobody")),
        )
        .await;
    assert_eq!(
        none.into_results()[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidRecipients)
    );
    // A message needs a disposition.
    let no_disposition = alice
        .call(&CreateItem::new().item(Message::new().subject("?")))
        .await;
    assert_eq!(
        no_disposition.into_results()[0]
            .as_ref()
            .unwrap_err()
            .code(),
        Some(&ResponseCode::ErrorMessageDispositionRequired)
    );
    assert_eq!(server.operation_count("CreateItem"), 5);
    alice.finish();
    bob.finish();
}

#[tokio::test]
async fn find_item_pages_sorts_restricts_and_caps_at_1000() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    for batch in 0..10 {
        let messages = (0..250).map(|i| {
            let n = batch * 250 + i;
            Message::new().subject(format!("msg {n:04}"))
        });
        let r = s
            .call(
                &CreateItem::new()
                    .disposition(MessageDisposition::SaveOnly)
                    .save_to(folder("inbox"))
                    .items(messages),
            )
            .await;
        assert!(r.into_results().iter().all(Result::is_ok));
    }
    // Walk the 2,500 items in pages of 1,000 (asking for more gives 1,000).
    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let page = find(
            &mut s,
            FindItem::new(ItemShape::new(BaseShape::IdOnly).with(FieldPath::field("item:Subject")))
                .folder(folder("inbox"))
                .view(IndexedPageView::new(offset, 5000))
                .sort(FieldOrder::ascending(FieldPath::field("item:Subject"))),
        )
        .await;
        assert_eq!(page.paging.total_items_in_view, Some(2500));
        assert!(page.items.len() <= 1000);
        seen.extend(subjects(&page.items));
        if page.paging.includes_last_item_in_range == Some(true) {
            break;
        }
        offset = page.paging.indexed_paging_offset.unwrap();
    }
    assert_eq!(seen.len(), 2500);
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "ascending by subject");
    // From the end.
    let mut view = IndexedPageView::new(0, 10);
    view.base_point = BasePoint::End;
    let last = find(
        &mut s,
        FindItem::new(ItemShape::new(BaseShape::IdOnly).with(FieldPath::field("item:Subject")))
            .folder(folder("inbox"))
            .view(view)
            .sort(FieldOrder::ascending(FieldPath::field("item:Subject"))),
    )
    .await;
    assert_eq!(
        last.items[9].base().unwrap().subject.as_deref(),
        Some("msg 2499")
    );
    // A restriction evaluated on the server.
    let q = Q::lookup("subject__contains", "99").unwrap();
    let hits = find(
        &mut s,
        FindItem::new(ItemShape::new(BaseShape::Default))
            .folder(folder("inbox"))
            .restriction(restriction(&q)),
    )
    .await;
    // 0099, 0199, ..., 2499 (25) plus 0990..0999, 1990..1999 (20), less overlaps 0999, 1999.
    assert_eq!(hits.items.len(), 43);
    // FindItem cannot return bodies.
    let body = first_err(
        s.call(
            &FindItem::new(ItemShape::new(BaseShape::IdOnly).with(FieldPath::field("item:Body")))
                .folder(folder("inbox")),
        )
        .await
        .into_results(),
    );
    assert_eq!(
        body.code(),
        Some(&ResponseCode::ErrorInvalidPropertyRequest)
    );
    // Mark all as read, then count unread with a restriction.
    s.call(&MarkAllItemsAsRead::new(true, [folder("inbox")]))
        .await;
    let unread = find(
        &mut s,
        FindItem::new(ItemShape::new(BaseShape::IdOnly))
            .folder(folder("inbox"))
            .restriction(restriction(&Q::lookup("is_read", false).unwrap())),
    )
    .await;
    assert_eq!(unread.paging.total_items_in_view, Some(0));
    s.finish();
}

#[tokio::test]
async fn calendar_view_expands_recurring_masters() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let weekly = weekly_standup(10);
    let single = CalendarItem::new()
        .subject("Review")
        .start(ts("2026-03-10T13:00:00Z"))
        .end(ts("2026-03-10T14:00:00Z"));
    let r = s
        .call(
            &CreateItem::new()
                .invitations(SendMeetingInvitations::SendToNone)
                .items([weekly, single]),
        )
        .await
        .into_results();
    let master = id_of(r[0].as_ref().unwrap().as_ref().unwrap());
    let view = |from: &str, to: &str| {
        FindItem::new(ItemShape::new(BaseShape::Default))
            .folder(folder("calendar"))
            .view(CalendarView::new(ts(from), ts(to)))
    };
    let march = find(&mut s, view("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")).await;
    let subjects = subjects(&march.items);
    // Mondays 2, 9, 16, 23, 30 and the review on the 10th, by start.
    assert_eq!(
        subjects,
        [
            "Standup", "Standup", "Review", "Standup", "Standup", "Standup"
        ]
    );
    let Item::CalendarItem(second) = &march.items[1] else {
        panic!()
    };
    assert_eq!(
        second.attendance.calendar_item_type,
        Some(CalendarItemType::Occurrence)
    );
    assert_eq!(second.schedule.start, Some(ts("2026-03-09T09:00:00Z")));
    // Delete the third occurrence by index; it leaves the view.
    let deleted = s
        .call(
            &DeleteItem::new(DisposalType::HardDelete).item(ItemIdChoice::from(
                OccurrenceItemId::new(master.id.clone(), 3),
            )),
        )
        .await;
    assert!(deleted.into_results()[0].is_ok());
    let march = find(&mut s, view("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")).await;
    assert_eq!(march.items.len(), 5);
    // An occurrence id from the view reads back as that occurrence.
    let occ_id = id_of(&march.items[0]);
    let Item::CalendarItem(occ) = s
        .call(&GetItem::new(ItemShape::new(BaseShape::Default)).item(occ_id))
        .await
        .into_results()
        .remove(0)
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(occ.schedule.start, Some(ts("2026-03-02T09:00:00Z")));
    // Beyond the tenth occurrence: nothing.
    let may = find(&mut s, view("2026-05-12T00:00:00Z", "2026-06-01T00:00:00Z")).await;
    assert!(may.items.is_empty());
    let out_of_range = first_err(
        s.call(
            &GetItem::new(ItemShape::new(BaseShape::IdOnly))
                .item(ItemIdChoice::from(OccurrenceItemId::new(master.id, 11))),
        )
        .await
        .into_results(),
    );
    assert_eq!(
        out_of_range.code(),
        Some(&ResponseCode::ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange)
    );
    s.finish();
}

#[tokio::test]
async fn meeting_requests_reach_attendees() {
    let server = start().await;
    let mut alice = Session::new(&server, ALICE);
    let mut bob = Session::new(&server, BOB);
    alice
        .call(
            &CreateItem::new()
                .invitations(SendMeetingInvitations::SendToAllAndSaveCopy)
                .item(
                    CalendarItem::new()
                        .subject("Planning")
                        .start(ts("2026-04-01T10:00:00Z"))
                        .end(ts("2026-04-01T11:00:00Z"))
                        .location("Room 1")
                        .required_attendees(["bob@example.test"]),
                ),
        )
        .await;
    let inbox = find_all(&mut bob, "inbox").await;
    assert_eq!(inbox.len(), 1);
    let Item::MeetingRequest(req) = &inbox[0] else {
        panic!("{:?}", inbox[0])
    };
    assert_eq!(req.schedule.start, Some(ts("2026-04-01T10:00:00Z")));
    assert_eq!(req.schedule.location.as_deref(), Some("Room 1"));
    let calendar = find_all(&mut bob, "calendar").await;
    assert_eq!(calendar.len(), 1, "a tentative calendar item");
    let organizer = find_all(&mut alice, "calendar").await;
    let Item::CalendarItem(c) = &organizer[0] else {
        panic!()
    };
    assert_eq!(c.schedule.is_meeting, Some(true));
    assert_eq!(c.schedule.meeting_request_was_sent, Some(true));
    alice.finish();
    bob.finish();
}

#[tokio::test]
async fn move_copy_junk_and_empty() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let a = save_draft(&mut s, Message::new().subject("a")).await;
    let b = save_draft(&mut s, Message::new().subject("b")).await;
    let moved = s
        .call(&MoveItem::new(folder("inbox")).item(a.clone()))
        .await
        .into_results()
        .remove(0)
        .unwrap()
        .unwrap();
    assert_ne!(id_of(&moved).id, a.id, "a moved item gets a new id");
    let copied = s
        .call(&CopyItem::new(folder("inbox")).item(b.clone()))
        .await
        .into_results()
        .remove(0)
        .unwrap()
        .unwrap();
    assert_ne!(id_of(&copied).id, b.id);
    assert_eq!(find_all(&mut s, "inbox").await.len(), 2);
    assert_eq!(find_all(&mut s, "drafts").await.len(), 1);
    let junked = s
        .call(&MarkAsJunk::new(true, true).item(id_of(&moved)))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    assert!(junked.is_some());
    assert_eq!(find_all(&mut s, "junkemail").await.len(), 1);
    let emptied = s
        .call(&EmptyFolder::new(DisposalType::HardDelete, false).folder(folder("inbox")))
        .await;
    assert!(emptied.into_results()[0].is_ok());
    assert!(find_all(&mut s, "inbox").await.is_empty());
    // A moved-away id no longer resolves.
    let stale = first_err(
        s.call(&MoveItem::new(folder("inbox")).item(a))
            .await
            .into_results(),
    );
    assert_eq!(stale.code(), Some(&ResponseCode::ErrorItemNotFound));
    s.finish();
}

#[tokio::test]
async fn fields_newer_than_the_requested_version_are_refused() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    s.version = "Exchange2007_SP1";
    let id = save_draft(&mut s, Message::new().subject("old client")).await;
    let r = first_err(
        s.call(
            &GetItem::new(
                ItemShape::new(BaseShape::IdOnly).with(FieldPath::field("item:UniqueBody")),
            )
            .item(id.clone()),
        )
        .await
        .into_results(),
    );
    assert_eq!(r.code(), Some(&ResponseCode::ErrorInvalidPropertyRequest));
    // Setting a field newer than the requested version: refused, on create and on update.
    s.version = "Exchange2010";
    let mut m = Message::new().subject("reminder");
    m.item.reminder_next_time = Some(ts("2026-05-01T08:00:00Z"));
    let created = first_err(
        s.call(
            &CreateItem::new()
                .disposition(MessageDisposition::SaveOnly)
                .item(m.clone()),
        )
        .await
        .into_results(),
    );
    assert_eq!(created.code(), Some(&ResponseCode::ErrorSchemaValidation));
    let updated = first_err(
        s.call(
            &UpdateItem::new(ConflictResolution::AlwaysOverwrite)
                .change(ItemChange::new(id).set(ItemBase::REMINDER_NEXT_TIME, m)),
        )
        .await
        .into_results(),
    );
    assert_eq!(updated.code(), Some(&ResponseCode::ErrorSchemaValidation));
    s.finish();
}

#[tokio::test]
async fn replies_forwards_and_meeting_responses() {
    use ews_model::items::{MeetingReply, ReplyAllToItem, SmartResponse};
    use ews_model::properties::ResponseType;
    let server = start().await;
    let mut alice = Session::new(&server, ALICE);
    let mut bob = Session::new(&server, BOB);
    alice
        .call(
            &CreateItem::new()
                .disposition(MessageDisposition::SendAndSaveCopy)
                .item(Message::new().subject("Lunch?").to(["bob@example.test"])),
        )
        .await;
    let received = id_of(&find_all(&mut bob, "inbox").await[0]);
    let send = |item: Item| {
        CreateItem::new()
            .disposition(MessageDisposition::SendAndSaveCopy)
            .item(item)
    };
    bob.call(&send(Item::ReplyToItem(
        SmartResponse::new(received.clone()).body(Body::text("Yes")),
    )))
    .await;
    bob.call(&send(Item::ForwardItem(
        SmartResponse::new(received.clone()).to(["alice@example.test"]),
    )))
    .await;
    bob.call(&send(ReplyAllToItem::new(received.clone()).into()))
        .await;
    let mut subjects = subjects(&find_all(&mut alice, "inbox").await);
    subjects.sort();
    assert_eq!(subjects, ["FW: Lunch?", "RE: Lunch?", "RE: Lunch?"]);
    // A forward needs recipients.
    let nobody = bob
        .call(&send(Item::ForwardItem(SmartResponse::new(received))))
        .await;
    assert_eq!(
        nobody.into_results()[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidRecipients)
    );

    // A meeting: bob accepts, alice sees his answer; alice cancels, bob removes it.
    alice
        .call(
            &CreateItem::new()
                .invitations(SendMeetingInvitations::SendToAllAndSaveCopy)
                .item(
                    CalendarItem::new()
                        .subject("Planning")
                        .start(ts("2026-04-01T10:00:00Z"))
                        .end(ts("2026-04-01T11:00:00Z"))
                        .required_attendees(["bob@example.test"]),
                ),
        )
        .await;
    let request = find_all(&mut bob, "inbox")
        .await
        .into_iter()
        .find(|i| matches!(i, Item::MeetingRequest(_)))
        .unwrap();
    bob.call(&send(Item::AcceptItem(MeetingReply::new(id_of(&request)))))
        .await;
    let Item::CalendarItem(mine) = &find_all(&mut bob, "calendar").await[0] else {
        panic!()
    };
    assert_eq!(mine.attendance.my_response_type, Some(ResponseType::Accept));
    assert!(
        find_all(&mut bob, "deleteditems")
            .await
            .iter()
            .any(|i| matches!(i, Item::MeetingRequest(_))),
        "the answered request moves to Deleted Items"
    );
    assert!(
        find_all(&mut alice, "inbox")
            .await
            .iter()
            .any(|i| matches!(i, Item::MeetingResponse(_)))
    );
    let organizer = find_all(&mut alice, "calendar").await;
    // FindItem does not return attendees: read the item.
    let Item::CalendarItem(theirs) = alice
        .call(&GetItem::new(ItemShape::new(BaseShape::Default)).item(id_of(&organizer[0])))
        .await
        .into_results()
        .remove(0)
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(
        theirs.attendance.required_attendees[0].response_type,
        Some(ResponseType::Accept)
    );
    alice
        .call(&send(Item::CancelCalendarItem(SmartResponse::new(id_of(
            &organizer[0],
        )))))
        .await;
    assert!(find_all(&mut alice, "calendar").await.is_empty());
    let Item::CalendarItem(cancelled) = &find_all(&mut bob, "calendar").await[0] else {
        panic!()
    };
    assert_eq!(cancelled.schedule.is_cancelled, Some(true));
    let cancellation = find_all(&mut bob, "inbox")
        .await
        .into_iter()
        .find(|i| matches!(i, Item::MeetingCancellation(_)))
        .unwrap();
    bob.call(&send(Item::RemoveItem(ews_model::items::RemoveItem::new(
        id_of(&cancellation),
    ))))
    .await;
    assert!(find_all(&mut bob, "calendar").await.is_empty());
    alice.finish();
    bob.finish();
}

#[tokio::test]
async fn find_folder_evaluates_restrictions() {
    use ews_model::folders::{Folder, FolderKind};
    use ews_model::operations::{CreateFolder, FindFolder, FolderShape};
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    s.call(
        &CreateFolder::new(folder("inbox"))
            .folder(FolderKind::Folder(Folder::new("Alpha")))
            .folder(FolderKind::Folder(Folder::new("Beta")))
            .folder(FolderKind::Folder(Folder::new("Alphabet"))),
    )
    .await;
    let q = Q::lookup("display_name__startswith", "Alpha").unwrap();
    let Compiled::Restriction(r) =
        ews_query::compile(&q, &Folder::FIELDS, ExchangeVersion::Exchange2016).unwrap()
    else {
        panic!()
    };
    let found = s
        .call(
            &FindFolder::new(FolderShape::new(BaseShape::Default))
                .folder(folder("inbox"))
                .restriction(r),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let mut names: Vec<_> = found
        .folders
        .iter()
        .map(|f| f.display_name().unwrap().to_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["Alpha", "Alphabet"]);
    s.finish();
}

#[tokio::test]
async fn updating_an_occurrence_makes_an_exception() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let weekly = weekly_standup(4);
    let r = s
        .call(
            &CreateItem::new()
                .invitations(SendMeetingInvitations::SendToNone)
                .item(weekly),
        )
        .await
        .into_results();
    let master = id_of(r[0].as_ref().unwrap().as_ref().unwrap());
    // Move the second occurrence to Tuesday and rename it.
    let mut moved = CalendarItem::new()
        .subject("Standup (Tuesday)")
        .start(ts("2026-03-10T10:00:00Z"));
    moved.schedule.end = Some(ts("2026-03-10T10:15:00Z"));
    let second = ItemIdChoice::from(OccurrenceItemId::new(master.id.clone(), 2));
    let updated = s
        .call(
            &UpdateItem::new(ConflictResolution::AlwaysOverwrite).change(
                ItemChange::new(second.clone())
                    .set(ItemBase::SUBJECT, moved.clone())
                    .set(Schedule::START, moved.clone())
                    .set(Schedule::END, moved),
            ),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let exception_id = id_of(updated.item.as_ref().unwrap());
    let view = FindItem::new(ItemShape::new(BaseShape::Default))
        .folder(folder("calendar"))
        .view(CalendarView::new(
            ts("2026-03-01T00:00:00Z"),
            ts("2026-04-01T00:00:00Z"),
        ));
    let march = find(&mut s, view.clone()).await;
    let listed: Vec<_> = march
        .items
        .iter()
        .map(|i| {
            let Item::CalendarItem(c) = i else { panic!() };
            (
                c.item.subject.clone().unwrap(),
                c.attendance.calendar_item_type.clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("Standup".to_owned(), CalendarItemType::Occurrence),
            ("Standup (Tuesday)".to_owned(), CalendarItemType::Exception),
            ("Standup".to_owned(), CalendarItemType::Occurrence),
            ("Standup".to_owned(), CalendarItemType::Occurrence),
        ]
    );
    // The occurrence id now names the exception; the master lists it.
    let Item::CalendarItem(again) = s
        .call(&GetItem::new(ItemShape::new(BaseShape::Default)).item(second))
        .await
        .into_results()
        .remove(0)
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(again.item.item_id.as_ref().unwrap().id, exception_id.id);
    assert_eq!(
        again.schedule.original_start,
        Some(ts("2026-03-09T09:00:00Z"))
    );
    let Item::CalendarItem(m) = s
        .call(
            &GetItem::new(ItemShape::new(BaseShape::AllProperties))
                .item(ItemId::new(master.id.clone())),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(m.occurrences.modified_occurrences.len(), 1);
    assert_eq!(
        m.occurrences.modified_occurrences[0].start,
        ts("2026-03-10T10:00:00Z")
    );
    // Outside calendar views only the master shows.
    assert_eq!(find_all(&mut s, "calendar").await.len(), 1);
    // Deleting the exception deletes that occurrence.
    s.call(&DeleteItem::new(DisposalType::HardDelete).item(exception_id))
        .await;
    let march = find(&mut s, view).await;
    assert_eq!(march.items.len(), 3);
    s.finish();
}

#[tokio::test]
async fn find_item_groups() {
    use ews_model::properties::Importance;
    use ews_model::view::{Aggregate, GroupBy, Grouping, SortDirection};
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    for (subject, importance) in [
        ("a", Importance::High),
        ("b", Importance::Low),
        ("c", Importance::High),
        ("d", Importance::Normal),
    ] {
        save_draft(
            &mut s,
            Message::new().subject(subject).importance(importance),
        )
        .await;
    }
    let grouped = |max: i32| {
        FindItem::new(ItemShape::new(BaseShape::IdOnly).with(FieldPath::field("item:Subject")))
            .folder(folder("drafts"))
            .sort(FieldOrder::ascending(FieldPath::field("item:Subject")))
            .view(IndexedPageView::new(0, max))
            .group(Grouping::GroupBy(GroupBy::new(
                SortDirection::Ascending,
                FieldPath::field("item:Importance"),
                Aggregate::Minimum,
                FieldPath::field("item:Subject"),
            )))
    };
    let subjects = |page: &ews_model::operations::FindItemPage| -> Vec<(String, Vec<String>)> {
        page.groups
            .iter()
            .flatten()
            .map(|g| (g.group_index.clone(), subjects(g.items.iter().flatten())))
            .collect()
    };
    let all = find(&mut s, grouped(10)).await;
    assert!(all.items.is_empty());
    assert_eq!(
        subjects(&all),
        [
            ("0".to_owned(), vec!["a".to_owned(), "c".to_owned()]),
            ("1".to_owned(), vec!["b".to_owned()]),
            ("2".to_owned(), vec!["d".to_owned()]),
        ]
    );
    // Paging counts items across groups.
    let first = find(&mut s, grouped(3)).await;
    assert_eq!(first.paging.total_items_in_view, Some(4));
    assert_eq!(first.paging.includes_last_item_in_range, Some(false));
    assert_eq!(
        subjects(&first),
        [
            ("0".to_owned(), vec!["a".to_owned(), "c".to_owned()]),
            ("1".to_owned(), vec!["b".to_owned()]),
        ]
    );
    s.finish();
}

#[tokio::test]
async fn find_item_query_strings() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    save_draft(
        &mut s,
        Message::new()
            .subject("Lunch on Friday")
            .to(["bob@example.test"]),
    )
    .await;
    save_draft(
        &mut s,
        Message::new()
            .subject("Quarterly report")
            .body(Body::text("lunch budget")),
    )
    .await;
    let count = |q: &str| {
        FindItem::new(ItemShape::new(BaseShape::IdOnly))
            .folder(folder("drafts"))
            .query(q)
    };
    assert_eq!(find(&mut s, count("lunch")).await.items.len(), 2);
    assert_eq!(find(&mut s, count("subject:lunch")).await.items.len(), 1);
    assert_eq!(find(&mut s, count("to:bob OR report")).await.items.len(), 2);
    assert_eq!(
        find(&mut s, count("lunch NOT subject:lunch"))
            .await
            .items
            .len(),
        1
    );
    let bad = first_err(s.call(&count("(lunch")).await.into_results());
    assert_eq!(bad.code(), Some(&ResponseCode::ErrorInvalidRequest));
    s.finish();
}

#[tokio::test]
async fn seek_to_condition_pages_from_the_first_match() {
    use ews_model::view::SeekToConditionPageView;
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    s.call(
        &CreateItem::new()
            .disposition(MessageDisposition::SaveOnly)
            .items((0..10).map(|n| Message::new().subject(format!("msg {n:02}")))),
    )
    .await;
    let q = Q::lookup("subject", "msg 04").unwrap();
    let page = find(
        &mut s,
        FindItem::new(ItemShape::new(BaseShape::IdOnly).with(FieldPath::field("item:Subject")))
            .folder(folder("drafts"))
            .sort(FieldOrder::ascending(FieldPath::field("item:Subject")))
            .view(SeekToConditionPageView::new(restriction(&q), Some(3))),
    )
    .await;
    assert_eq!(subjects(&page.items), ["msg 04", "msg 05", "msg 06"]);
    assert_eq!(page.paging.total_items_in_view, Some(10));
    assert_eq!(page.paging.includes_last_item_in_range, Some(false));
    s.finish();
}

#[tokio::test]
async fn soft_deleted_folders_are_found_only_by_soft_deleted_traversal() {
    use ews_model::folders::{Folder, FolderKind};
    use ews_model::operations::{CreateFolder, DeleteFolder, FindFolder, FolderShape, GetFolder};
    use ews_model::view::FolderTraversal;
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let created = s
        .call(&CreateFolder::new(folder("inbox")).folder(FolderKind::Folder(Folder::new("Old"))))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let id = created.base().folder_id.clone().unwrap();
    s.call(&DeleteFolder::new(DisposalType::SoftDelete).folder(id.clone()))
        .await;
    let find = |t: FolderTraversal| {
        FindFolder::new(FolderShape::new(BaseShape::IdOnly))
            .folder(folder("inbox"))
            .traversal(t)
    };
    let shallow = s.call(&find(FolderTraversal::Shallow)).await;
    assert!(shallow.into_results().remove(0).unwrap().folders.is_empty());
    let soft = s.call(&find(FolderTraversal::SoftDeleted)).await;
    let soft = soft.into_results().remove(0).unwrap();
    assert_eq!(soft.folders.len(), 1);
    assert_eq!(soft.folders[0].base().folder_id.as_ref().unwrap().id, id.id);
    let gone = first_err(
        s.call(&GetFolder::new(FolderShape::new(BaseShape::IdOnly)).folder(id))
            .await
            .into_results(),
    );
    assert_eq!(gone.code(), Some(&ResponseCode::ErrorFolderNotFound));
    s.finish();
}
