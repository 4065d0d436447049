//! End-to-end tests of FakeExchange's attachment operations and of full-fidelity export and
//! upload, at the SOAP level over real sockets, with requests built from `ews-model` values
//! and every document through the schema gate.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::{ALICE, Session, start};
use ews_model::Compose;
use ews_model::attachments::{Attachment, FileAttachment, ItemAttachment};
use ews_model::folders::Folder;
use ews_model::items::calendar::CalendarItem;
use ews_model::items::{Item, ItemBase, Message};
use ews_model::operations::{
    AttachmentShape, BaseShape, ConflictResolution, CreateAction, CreateAttachment, CreateFolder,
    CreateItem, DeleteAttachment, DeleteItem, DisposalType, ExportItems, FieldPath, FindItem,
    GetAttachment, GetItem, ItemChange, ItemShape, MessageDisposition, ResponseError,
    SendMeetingInvitations, UpdateItem, UploadItem, UploadItems,
};
use ews_model::properties::{
    AttachmentId, Body, DistinguishedFolderIdName, FolderId, FolderIdChoice, Importance, ItemId,
};
use ews_model::time::DateTime;
use ews_xml::ResponseCode;

fn folder(name: &str) -> FolderIdChoice {
    FolderIdChoice::from(DistinguishedFolderIdName::from(name))
}

fn id_of(item: &Item) -> ItemId {
    item.id().cloned().unwrap()
}

/// A well-formed item id of this server that names no item.
fn unknown_item_id() -> ItemId {
    use base64::Engine as _;
    let mut raw = b"FXI\x01".to_vec();
    raw.extend([7u8; 32]);
    ItemId::new(base64::engine::general_purpose::STANDARD.encode(raw))
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

async fn get(s: &mut Session<'_>, id: &ItemId) -> Item {
    s.call(&GetItem::new(ItemShape::new(BaseShape::Default)).item(id.clone()))
        .await
        .into_results()
        .remove(0)
        .unwrap()
}

async fn make_folder(s: &mut Session<'_>, name: &str) -> FolderId {
    let created = s
        .call(&CreateFolder::new(folder("msgfolderroot")).folder(Folder::new(name)))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    created.folder_id().cloned().unwrap()
}

/// The error code of a result, if it is an error.
fn code<T>(r: &Result<T, ResponseError>) -> Option<ResponseCode> {
    r.as_ref()
        .err()
        .map(|e| e.code().expect("a server error").clone())
}

fn file(a: &Attachment) -> &FileAttachment {
    match a {
        Attachment::FileAttachment(f) => f,
        other => panic!("not a file attachment: {other:?}"),
    }
}

fn attached_item(a: &Attachment) -> &ItemAttachment {
    match a {
        Attachment::ItemAttachment(i) => i,
        other => panic!("not an item attachment: {other:?}"),
    }
}

#[tokio::test]
async fn create_get_and_delete_file_and_item_attachments() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let parent = save_draft(&mut s, Message::new().subject("Report")).await;

    let inner = Message::new()
        .subject("Original request")
        .body(Body::text("Please send the report."))
        .to(["carol@example.test"]);
    let created = s
        .call(
            &CreateAttachment::new(parent.clone())
                .attachment(
                    FileAttachment::new("notes.txt", b"hello".to_vec())
                        .with_content_type("text/plain"),
                )
                .attachment(ItemAttachment::new("Original request", inner)),
        )
        .await
        .into_results();
    assert_eq!(created.len(), 2);
    let ids: Vec<AttachmentId> = created
        .iter()
        .map(|r| r.as_ref().unwrap().id().cloned().unwrap())
        .collect();
    assert!(matches!(created[0], Ok(Attachment::FileAttachment(_))));
    assert!(matches!(created[1], Ok(Attachment::ItemAttachment(_))));
    assert_ne!(ids[0].id, ids[1].id);
    // Both name the parent with its one new change key.
    let root = ids[0].root_item().unwrap();
    assert_eq!(root.id, parent.id);
    assert_ne!(root.change_key, parent.change_key);
    assert_eq!(ids[1].root_item(), Some(root.clone()));

    // GetItem: the attachments' metadata, no content.
    let item = get(&mut s, &parent).await;
    let b = item.base().unwrap();
    assert_eq!(b.has_attachments, Some(true));
    assert_eq!(item.id(), Some(&root));
    assert_eq!(b.attachments.len(), 2);
    let f = file(&b.attachments[0]);
    assert_eq!(f.base.attachment_id.as_ref(), Some(&ids[0]));
    assert_eq!(f.base.name.as_deref(), Some("notes.txt"));
    assert_eq!(f.base.content_type.as_deref(), Some("text/plain"));
    assert_eq!(f.base.size, Some(5));
    assert!(f.base.last_modified_time.is_some());
    assert!(f.content.is_none());
    let i = attached_item(&b.attachments[1]);
    assert_eq!(i.base.attachment_id.as_ref(), Some(&ids[1]));
    assert_eq!(i.base.name.as_deref(), Some("Original request"));
    assert!(i.item.is_none());
    assert!(b.size.unwrap() > 5);

    // GetAttachment: the content, in request order.
    let got = s
        .call(&GetAttachment::new().attachments(ids.clone()))
        .await
        .into_results();
    let f = file(got[0].as_ref().unwrap());
    assert_eq!(f.content.as_deref(), Some(&b"hello"[..]));
    assert_eq!(f.base.size, Some(5));
    assert_eq!(f.base.content_type.as_deref(), Some("text/plain"));
    assert_eq!(f.base.attachment_id.as_ref(), Some(&ids[0]));
    let i = attached_item(got[1].as_ref().unwrap());
    let Some(Item::Message(m)) = i.item.as_deref() else {
        panic!("{i:?}")
    };
    assert_eq!(m.item.subject.as_deref(), Some("Original request"));
    assert_eq!(
        m.item.body.as_ref().unwrap().content,
        "Please send the report."
    );
    assert_eq!(m.to_recipients.len(), 1);
    assert_eq!(m.item.item_class.as_deref(), Some("IPM.Note"));
    assert!(m.item.item_id.is_none(), "an attached item has no id");

    // AttachmentShape: IdOnly is not a choice there, but additional properties are checked.
    let bad_shape = s
        .call(
            &GetAttachment::new()
                .shape({
                    let mut shape = AttachmentShape::default();
                    shape
                        .additional_properties
                        .push(FieldPath::field("folder:DisplayName"));
                    shape
                })
                .attachment(ids[1].clone()),
        )
        .await
        .into_results();
    assert_eq!(
        bad_shape[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidPropertyRequest)
    );

    // DeleteAttachment: the root item with its new change key.
    let deleted = s
        .call(&DeleteAttachment::new([ids[0].clone()]))
        .await
        .into_results();
    let after_first = deleted[0].as_ref().unwrap().clone().unwrap();
    assert_eq!(after_first.id, parent.id);
    assert_ne!(after_first.change_key, root.change_key);
    let item = get(&mut s, &parent).await;
    assert_eq!(item.id(), Some(&after_first));
    let b = item.base().unwrap();
    assert_eq!(b.attachments.len(), 1);
    assert_eq!(b.has_attachments, Some(true));
    assert!(matches!(b.attachments[0], Attachment::ItemAttachment(_)));

    let deleted = s
        .call(&DeleteAttachment::new([ids[1].clone()]))
        .await
        .into_results();
    assert!(deleted[0].is_ok());
    let item = get(&mut s, &parent).await;
    let b = item.base().unwrap();
    assert!(b.attachments.is_empty());
    assert_eq!(b.has_attachments, Some(false));

    // Gone: both operations say so.
    let again = s
        .call(&GetAttachment::new().attachment(ids[0].clone()))
        .await
        .into_results();
    assert_eq!(
        again[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidAttachmentId)
    );
    let again = s
        .call(&DeleteAttachment::new([ids[1].clone()]))
        .await
        .into_results();
    assert_eq!(
        again[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidAttachmentId)
    );
    s.finish();
}

#[tokio::test]
async fn a_one_mebibyte_file_survives_the_round_trip() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let parent = save_draft(&mut s, Message::new().subject("Big")).await;
    let content: Vec<u8> = (0u32..1 << 20)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let created = s
        .call(
            &CreateAttachment::new(parent.clone())
                .attachment(FileAttachment::new("big.bin", content.clone())),
        )
        .await
        .into_results();
    let id = created[0].as_ref().unwrap().id().cloned().unwrap();
    let got = s
        .call(&GetAttachment::new().attachment(id))
        .await
        .into_results();
    let f = file(got[0].as_ref().unwrap());
    assert_eq!(f.base.size, Some(1 << 20));
    assert_eq!(
        f.base.content_type.as_deref(),
        Some("application/octet-stream")
    );
    assert!(
        f.content.as_deref() == Some(&content[..]),
        "content differs"
    );
    // GetItem stays small: metadata only.
    let item = get(&mut s, &parent).await;
    let b = item.base().unwrap();
    assert!(file(&b.attachments[0]).content.is_none());
    assert!(b.size.unwrap() >= 1 << 20);
    s.finish();
}

#[tokio::test]
async fn bad_ids_get_errors_in_place() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let parent = save_draft(&mut s, Message::new().subject("Mixed")).await;
    let created = s
        .call(
            &CreateAttachment::new(parent.clone())
                .attachment(FileAttachment::new("a.txt", b"a".to_vec()))
                .attachment(FileAttachment::new("b.txt", b"b".to_vec()))
                .attachment(FileAttachment::new("c.txt", b"c".to_vec())),
        )
        .await
        .into_results();
    let ids: Vec<AttachmentId> = created
        .iter()
        .map(|r| r.as_ref().unwrap().id().cloned().unwrap())
        .collect();
    s.call(&DeleteAttachment::new([ids[2].clone()])).await;

    // An attachment of an item that is gone.
    let other = save_draft(&mut s, Message::new().subject("Doomed")).await;
    let doomed = s
        .call(
            &CreateAttachment::new(other.clone())
                .attachment(FileAttachment::new("x.txt", b"x".to_vec())),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap()
        .id()
        .cloned()
        .unwrap();
    s.call(&DeleteItem::new(DisposalType::HardDelete).item(other))
        .await;

    let request = [
        ids[0].clone(),
        AttachmentId::new("not base64!"),
        AttachmentId::new(parent.id.clone()),
        ids[2].clone(),
        doomed.clone(),
        ids[1].clone(),
    ];
    let got = s
        .call(&GetAttachment::new().attachments(request.clone()))
        .await
        .into_results();
    assert_eq!(got.len(), 6);
    assert_eq!(
        file(got[0].as_ref().unwrap()).content.as_deref(),
        Some(&b"a"[..])
    );
    assert_eq!(code(&got[1]), Some(ResponseCode::ErrorInvalidIdMalformed));
    assert_eq!(code(&got[2]), Some(ResponseCode::ErrorInvalidIdMalformed));
    assert_eq!(code(&got[3]), Some(ResponseCode::ErrorInvalidAttachmentId));
    assert_eq!(code(&got[4]), Some(ResponseCode::ErrorItemNotFound));
    assert_eq!(
        file(got[5].as_ref().unwrap()).content.as_deref(),
        Some(&b"b"[..])
    );

    // DeleteAttachment: the same errors in place; every success reports the item's final
    // change key.
    let deleted = s.call(&DeleteAttachment::new(request)).await.into_results();
    assert_eq!(
        code(&deleted[1]),
        Some(ResponseCode::ErrorInvalidIdMalformed)
    );
    assert_eq!(
        code(&deleted[2]),
        Some(ResponseCode::ErrorInvalidIdMalformed)
    );
    assert_eq!(
        code(&deleted[3]),
        Some(ResponseCode::ErrorInvalidAttachmentId)
    );
    assert_eq!(code(&deleted[4]), Some(ResponseCode::ErrorItemNotFound));
    let first = deleted[0].as_ref().unwrap().clone().unwrap();
    let last = deleted[5].as_ref().unwrap().clone().unwrap();
    assert_eq!(first, last);
    let item = get(&mut s, &parent).await;
    assert_eq!(item.id(), Some(&first));
    assert!(item.base().unwrap().attachments.is_empty());
    s.finish();
}

#[tokio::test]
async fn create_attachment_refuses_what_it_cannot_attach() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let parent = save_draft(&mut s, Message::new().subject("Parent")).await;

    // A parent that does not exist: every attachment gets the error.
    let r = s
        .call(
            &CreateAttachment::new(unknown_item_id())
                .attachment(FileAttachment::new("a.txt", b"a".to_vec()))
                .attachment(FileAttachment::new("b.txt", b"b".to_vec())),
        )
        .await
        .into_results();
    assert_eq!(r.len(), 2);
    for result in &r {
        assert_eq!(
            result.as_ref().unwrap_err().code(),
            Some(&ResponseCode::ErrorItemNotFound)
        );
    }

    // Good and bad attachments in one request: each bad one gets its error, the good ones
    // are added.
    let mut no_content = FileAttachment::new("empty.txt", Vec::new());
    no_content.content = None;
    let mut no_item = ItemAttachment::new("nothing", Message::new());
    no_item.item = None;
    let nested = ItemAttachment::new(
        "nested",
        Message::new()
            .subject("has its own attachment")
            .attach(FileAttachment::new("deep.txt", b"deep".to_vec())),
    );
    let r = s
        .call(
            &CreateAttachment::new(parent.clone())
                .attachment(no_content)
                .attachment(FileAttachment::new("good.txt", b"good".to_vec()))
                .attachment(no_item)
                .attachment(nested),
        )
        .await
        .into_results();
    assert_eq!(
        r[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorRequiredPropertyMissing)
    );
    let good = r[1].as_ref().unwrap().id().cloned().unwrap();
    assert_eq!(
        r[2].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorMissingItemForCreateItemAttachment)
    );
    let err = r[3].as_ref().unwrap_err();
    assert_eq!(err.code(), Some(&ResponseCode::ErrorInvalidOperation));
    assert!(
        err.text().unwrap().contains("inside item attachments"),
        "{err:?}"
    );
    let item = get(&mut s, &parent).await;
    let b = item.base().unwrap();
    assert_eq!(b.attachments.len(), 1);
    assert_eq!(b.attachments[0].id(), Some(&good));

    // An attachment as the parent (an attachment on an attachment): refused clearly.
    let r = s
        .call(
            &CreateAttachment::new(ItemId::new(good.id.clone()))
                .attachment(FileAttachment::new("c.txt", b"c".to_vec())),
        )
        .await
        .into_results();
    let err = r[0].as_ref().unwrap_err();
    assert_eq!(err.code(), Some(&ResponseCode::ErrorInvalidOperation));
    assert!(
        err.text().unwrap().contains("attachments on attachments"),
        "{err:?}"
    );
    s.finish();
}

#[tokio::test]
async fn attachments_given_to_create_item_get_ids() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let id = save_draft(
        &mut s,
        Message::new()
            .subject("With attachment")
            .attach(FileAttachment::new("inline.png", b"\x89PNG".to_vec()).inline("logo")),
    )
    .await;
    let item = get(&mut s, &id).await;
    let b = item.base().unwrap();
    assert_eq!(b.has_attachments, Some(true));
    let f = file(&b.attachments[0]);
    assert!(f.content.is_none());
    assert_eq!(f.base.is_inline, Some(true));
    assert_eq!(f.base.content_id.as_deref(), Some("logo"));
    let att = f.base.attachment_id.clone().unwrap();
    assert_eq!(att.root_item(), Some(id.clone()));
    let got = s
        .call(&GetAttachment::new().attachment(att))
        .await
        .into_results();
    assert_eq!(
        file(got[0].as_ref().unwrap()).content.as_deref(),
        Some(&b"\x89PNG"[..])
    );
    s.finish();
}

/// The fields an export and upload must keep.
fn essentials(item: &Item) -> String {
    let b = item.base().unwrap();
    let attachments: Vec<String> = b
        .attachments
        .iter()
        .map(|a| {
            let base = a.base();
            format!(
                "{:?}/{:?}/{:?}/{:?}",
                base.name, base.content_type, base.size, base.is_inline
            )
        })
        .collect();
    let mut out = format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        std::mem::discriminant(item),
        b.item_class,
        b.subject,
        b.body,
        b.categories,
        b.importance,
        b.datetime_created,
        b.has_attachments,
        attachments,
    );
    match item {
        Item::Message(m) => out.push_str(&format!(
            "|{:?}|{:?}|{:?}|{:?}",
            m.to_recipients, m.cc_recipients, m.from, m.is_read
        )),
        Item::CalendarItem(c) => out.push_str(&format!(
            "|{:?}|{:?}|{:?}|{:?}",
            c.schedule.start, c.schedule.end, c.schedule.location, c.uid
        )),
        _ => {}
    }
    out
}

fn ts(s: &str) -> DateTime {
    DateTime(s.parse().unwrap())
}

#[tokio::test]
async fn export_then_upload_round_trips() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let message = save_draft(
        &mut s,
        Message::new()
            .subject("Budget 2026")
            .body(Body::html("<p>See <b>both</b> files.</p>"))
            .to(["bob@example.test"])
            .cc(["carol@example.test"])
            .importance(Importance::High)
            .categories(["Finance", "Q1"]),
    )
    .await;
    s.call(
        &CreateAttachment::new(message.clone())
            .attachment(FileAttachment::new("budget.csv", b"a,b\n1,2\n".to_vec()))
            .attachment(ItemAttachment::new(
                "Forwarded",
                Message::new().subject("Earlier thread"),
            )),
    )
    .await;
    let r = s
        .call(
            &CreateItem::new()
                .invitations(SendMeetingInvitations::SendToNone)
                .item(
                    CalendarItem::new()
                        .subject("Budget review")
                        .start(ts("2026-04-01T10:00:00Z"))
                        .end(ts("2026-04-01T11:00:00Z"))
                        .location("Room 4"),
                ),
        )
        .await
        .into_results();
    let meeting = id_of(r[0].as_ref().unwrap().as_ref().unwrap());
    let message = id_of(&get(&mut s, &message).await);

    let exported = s
        .call(&ExportItems::new([message.clone(), meeting.clone()]))
        .await
        .into_results();
    let (exported_id, message_data) = exported[0].as_ref().unwrap().clone();
    assert_eq!(exported_id, message);
    let (_, meeting_data) = exported[1].as_ref().unwrap().clone();

    let restored = make_folder(&mut s, "Restored").await;
    let uploaded = s
        .call(&UploadItems::new([
            UploadItem::new(CreateAction::CreateNew, restored.clone(), message_data),
            UploadItem::new(CreateAction::CreateNew, restored.clone(), meeting_data),
        ]))
        .await
        .into_results();
    let new_message = uploaded[0].as_ref().unwrap().clone();
    let new_meeting = uploaded[1].as_ref().unwrap().clone();
    assert_ne!(new_message.id, message.id);

    for (old, new) in [(&message, &new_message), (&meeting, &new_meeting)] {
        let before = get(&mut s, old).await;
        let after = get(&mut s, new).await;
        assert_eq!(essentials(&before), essentials(&after));
        assert_eq!(after.id(), Some(new));
        assert_eq!(
            after.base().unwrap().parent_folder_id.as_ref().unwrap().id,
            restored.id
        );
    }

    // The uploaded copy's attachments have their own ids and their content.
    let after = get(&mut s, &new_message).await;
    let ids: Vec<AttachmentId> = after
        .base()
        .unwrap()
        .attachments
        .iter()
        .map(|a| a.id().cloned().unwrap())
        .collect();
    assert_eq!(
        ids[0].root_item_id.as_deref(),
        Some(new_message.id.as_str())
    );
    let got = s
        .call(&GetAttachment::new().attachments(ids))
        .await
        .into_results();
    assert_eq!(
        file(got[0].as_ref().unwrap()).content.as_deref(),
        Some(&b"a,b\n1,2\n"[..])
    );
    let inner = attached_item(got[1].as_ref().unwrap()).item.as_deref();
    assert_eq!(
        inner
            .and_then(Item::base)
            .and_then(|b| b.subject.as_deref()),
        Some("Earlier thread")
    );

    // Update: the original changes, its export overwrites the copy in place.
    s.call(
        &UpdateItem::new(ConflictResolution::AlwaysOverwrite).change(
            ItemChange::new(message.clone())
                .set(ItemBase::SUBJECT, Message::new().subject("Budget 2026 v2")),
        ),
    )
    .await;
    let (_, data) = s
        .call(&ExportItems::new([message.clone()]))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let updated = s
        .call(&UploadItems::new([
            UploadItem::new(CreateAction::Update, restored.clone(), data.clone())
                .item_id(new_message.clone()),
            // Update without an id, and of an item that is not in that folder.
            UploadItem::new(CreateAction::Update, restored.clone(), data.clone()),
            UploadItem::new(CreateAction::Update, restored.clone(), data.clone())
                .item_id(message.clone()),
            // UpdateOrCreate of an unknown item creates one.
            UploadItem::new(CreateAction::UpdateOrCreate, restored.clone(), data.clone())
                .item_id(unknown_item_id()),
            // CreateNew takes no id.
            UploadItem::new(CreateAction::CreateNew, restored.clone(), data.clone())
                .item_id(new_message.clone()),
        ]))
        .await
        .into_results();
    let same = updated[0].as_ref().unwrap();
    assert_eq!(same.id, new_message.id);
    assert_ne!(same.change_key, new_message.change_key);
    assert_eq!(
        updated[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidRequest)
    );
    assert_eq!(
        updated[2].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorItemNotFound)
    );
    let created = updated[3].as_ref().unwrap();
    assert_ne!(created.id, new_message.id);
    assert_eq!(
        updated[4].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidRequest)
    );
    let copy = get(&mut s, same).await;
    assert_eq!(
        copy.base().unwrap().subject.as_deref(),
        Some("Budget 2026 v2")
    );
    assert_eq!(copy.base().unwrap().attachments.len(), 2);

    // Restored now holds the two uploads and the one UpdateOrCreate made.
    let found = s
        .call(
            &FindItem::new(ItemShape::new(BaseShape::IdOnly))
                .folder(FolderIdChoice::from(restored.clone())),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap();
    assert_eq!(found.items.len(), 3);
    s.finish();
}

#[tokio::test]
async fn malformed_upload_data_gets_an_error_per_item() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let id = save_draft(&mut s, Message::new().subject("Template")).await;
    let (_, good) = s
        .call(&ExportItems::new([id.clone()]))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    // The header is this server's own: whatever comes before the first newline.
    let header_len = good.iter().position(|&b| b == b'\n').unwrap() + 1;
    let header = good[..header_len].to_vec();
    let with = |rest: &[u8]| {
        let mut d = header.clone();
        d.extend_from_slice(rest);
        d
    };
    let mut truncated = good.clone();
    truncated.truncate(good.len() - 10);
    let drafts = FolderId::new(
        get(&mut s, &id)
            .await
            .base()
            .unwrap()
            .parent_folder_id
            .clone()
            .unwrap()
            .id,
    );
    let bad: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\x01\x00\x00\x00\x08\x00\x00\x00\x00\x01\x00\x00".to_vec(),
        header.clone(),
        with(b"\xff\xfe not xml"),
        with(b"<t:Message xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\"><t:Subject>open"),
        with(b"<m:GetItem xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\"/>"),
        with(b"<t:Message xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\"/><t:Message xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\"/>"),
        truncated,
    ];
    let mut items: Vec<UploadItem> = bad
        .iter()
        .map(|d| UploadItem::new(CreateAction::CreateNew, drafts.clone(), d.clone()))
        .collect();
    items.push(UploadItem::new(
        CreateAction::CreateNew,
        drafts.clone(),
        good,
    ));
    let r = s.call(&UploadItems::new(items)).await.into_results();
    assert_eq!(r.len(), bad.len() + 1);
    for (i, result) in r[..bad.len()].iter().enumerate() {
        let err = result
            .as_ref()
            .err()
            .unwrap_or_else(|| panic!("bad data {i} was accepted"));
        assert_eq!(
            err.code(),
            Some(&ResponseCode::ErrorCorruptData),
            "item {i}: {err:?}"
        );
        assert!(!err.text().unwrap().is_empty());
    }
    let copy = r[bad.len()].as_ref().unwrap();
    assert_eq!(
        get(&mut s, copy).await.base().unwrap().subject.as_deref(),
        Some("Template")
    );

    // A bad folder, and a folder-associated item (not implemented), are errors too.
    let r = s
        .call(&UploadItems::new([
            UploadItem::new(CreateAction::CreateNew, FolderId::new("bm9wZQ=="), header),
            UploadItem::new(CreateAction::CreateNew, drafts.clone(), Vec::new()).associated(),
        ]))
        .await
        .into_results();
    assert_eq!(
        r[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidIdMalformed)
    );
    assert_eq!(
        r[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidOperation)
    );

    // Export errors are per item as well.
    let r = s
        .call(&ExportItems::new([
            unknown_item_id(),
            ItemId::new("garbage"),
            id.clone(),
        ]))
        .await
        .into_results();
    assert_eq!(
        r[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorItemNotFound)
    );
    assert_eq!(
        r[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidIdMalformed)
    );
    assert!(r[2].is_ok());
    s.finish();
}
