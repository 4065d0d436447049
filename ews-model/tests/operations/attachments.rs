//! CreateAttachment, GetAttachment and DeleteAttachment.

use ews_model::attachments::{Attachment, FileAttachment, ItemAttachment};
use ews_model::items::{Item, Message};
use ews_model::operations::{
    AttachmentInfoResponseMessage, AttachmentShape, CreateAttachment, CreateAttachmentResponse,
    DeleteAttachment, DeleteAttachmentResponse, DeleteAttachmentResponseMessage, GetAttachment,
    GetAttachmentResponse, MessageStatus, Operation, RootItemId,
};
use ews_model::properties::{AttachmentId, ItemId};
use ews_test_support::Collector;
use ews_xml::ResponseCode;

use super::support::{
    get, request_doc, request_round_trip, request_samples, response_round_trip, response_samples,
};

fn item_of(a: &Attachment) -> &Item {
    let Attachment::ItemAttachment(a) = a else {
        panic!("{a:?}")
    };
    a.item.as_deref().unwrap()
}

fn created(id: &str) -> AttachmentId {
    let mut id = AttachmentId::new(id);
    id.root_item_id = Some("root".into());
    id.root_item_change_key = Some("CK2".into());
    id
}

#[test]
fn create_attachment() {
    let mut docs = Collector::new();
    let built = CreateAttachment::new(ItemId::new("AAAtAE").with_change_key("CQAAAB"))
        .attachment(
            FileAttachment::new("notes.txt", b"hello".to_vec()).with_content_type("text/plain"),
        )
        .attachment(ItemAttachment::new(
            "Forwarded",
            Message::new().subject("Inner"),
        ));
    request_round_trip(&mut docs, "built CreateAttachment", &built);
    const { assert!(!CreateAttachment::IDEMPOTENT) };

    let requests = request_samples::<CreateAttachment>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(r.parent_item_id.id, "jDKsAAA=");
        assert_eq!(
            r.attachments[0].base().name.as_deref(),
            Some("Play tennis?")
        );
        assert_eq!(r.attachments[0].base().is_inline, Some(false));
        // "tDQe/Eo=…" with the documentation's ellipsis dropped: five bytes.
        let mime = item_of(&r.attachments[0])
            .base()
            .unwrap()
            .mime_content
            .as_ref()
            .unwrap();
        assert_eq!(mime.content.len(), 5);
        assert_eq!(mime.character_set.as_deref(), Some("UTF-8"));
    }
    if let Some(r) = get(&requests, "request-03.xml") {
        assert_eq!(r.parent_item_id.change_key.as_deref(), Some("CQAAABYA..."));
        let Attachment::FileAttachment(file) = &r.attachments[0] else {
            panic!("{r:?}")
        };
        assert_eq!(file.base.name.as_deref(), Some("SomeFile"));
        assert_eq!(file.content.as_deref(), Some(&[1u8, 2, 3, 4, 5][..]));
    }
    if let Some(r) = get(&requests, "request-05.xml") {
        let item = item_of(&r.attachments[0]);
        assert_eq!(
            item.base().unwrap().subject.as_deref(),
            Some("My attachment subject")
        );
        assert_eq!(item.base().unwrap().item_class.as_deref(), Some("IPM>Note"));
    }

    let responses = response_samples::<CreateAttachment, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let a = r.clone().into_results().remove(0).unwrap();
        assert!(matches!(a, Attachment::FileAttachment(_)));
        let id = a.id().unwrap();
        assert_eq!(id.id, "yRLhCh8=");
        let root = id.root_item().unwrap();
        assert_eq!(root.id, "uqE2AAA=");
        assert_eq!(
            root.change_key.as_deref(),
            Some("CQAAABYAAAAFI5DJmZv+TLtyLOLIF1S5AAAXulcf")
        );
    }
    if let Some(r) = get(&responses, "response-03.xml") {
        let a = r.clone().into_results().remove(0).unwrap();
        assert!(matches!(a, Attachment::ItemAttachment(_)));
        assert_eq!(a.id().unwrap().root_item_id.as_deref(), Some("AAAtAEFkb="));
    }

    let mut file = FileAttachment::default();
    file.base.attachment_id = Some(created("att1"));
    let built = CreateAttachmentResponse::new(vec![
        AttachmentInfoResponseMessage::success(file),
        AttachmentInfoResponseMessage::error(MessageStatus::error(
            ResponseCode::ErrorAttachmentSizeLimitExceeded,
            "too big",
        )),
    ]);
    let back = response_round_trip(&mut docs, "built CreateAttachmentResponse", &built);
    let results = back.into_results();
    assert_eq!(
        results[0]
            .as_ref()
            .unwrap()
            .id()
            .unwrap()
            .root_item_change_key
            .as_deref(),
        Some("CK2")
    );
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorAttachmentSizeLimitExceeded)
    );
    docs.finish();
}

#[test]
fn get_attachment() {
    let mut docs = Collector::new();
    let mut shape = AttachmentShape::default();
    shape.include_mime_content = Some(true);
    // A response's id (with its root item) is sent as the request type wants it: `Id` alone.
    let built = GetAttachment::new()
        .shape(shape)
        .attachment(created("5zTzlqU="))
        .attachments([AttachmentId::new("Ktum21o=")]);
    assert_eq!(built.attachment_ids[0], AttachmentId::new("5zTzlqU="));
    request_round_trip(&mut docs, "built GetAttachment", &built);
    docs.add(
        "built GetAttachment without shape",
        request_doc(&GetAttachment::new().attachment(AttachmentId::new("a"))),
    );
    const { assert!(GetAttachment::IDEMPOTENT) };

    let requests = request_samples::<GetAttachment>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(r.attachment_shape, None);
        assert_eq!(r.attachment_ids, [AttachmentId::new("5zTzlqU=")]);
    }
    if let Some(r) = get(&requests, "request-05.xml") {
        let shape = r.attachment_shape.as_ref().unwrap();
        assert_eq!(shape.include_mime_content, Some(true));
        assert!(shape.body_type.is_some());
    }

    let responses = response_samples::<GetAttachment, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let a = r.clone().into_results().remove(0).unwrap();
        assert_eq!(a.base().name.as_deref(), Some("Attached Message Item"));
        assert_eq!(a.id().unwrap().id, "Ktum21o=");
        let message = item_of(&a).message().unwrap();
        assert_eq!(
            message.item.subject.as_deref(),
            Some("Message Item Subject")
        );
        assert_eq!(message.item.size, Some(2859));
        assert_eq!(message.to_recipients.len(), 2);
    }

    let mut file = FileAttachment::new("report.pdf", vec![0x25, 0x50, 0x44, 0x46, 0, 255]);
    file.base.attachment_id = Some(created("file1"));
    let built = GetAttachmentResponse::new(vec![AttachmentInfoResponseMessage::success(file)]);
    let back = response_round_trip(&mut docs, "built GetAttachmentResponse", &built);
    let Attachment::FileAttachment(file) = back.into_results().remove(0).unwrap() else {
        panic!()
    };
    assert_eq!(file.content.unwrap().len(), 6);
    docs.finish();
}

#[test]
fn delete_attachment() {
    let mut docs = Collector::new();
    let built = DeleteAttachment::new([created("IpHLObE="), AttachmentId::new("QuHSSmY=")]);
    assert_eq!(built.attachment_ids[0], AttachmentId::new("IpHLObE="));
    request_round_trip(&mut docs, "built DeleteAttachment", &built);
    const { assert!(DeleteAttachment::IDEMPOTENT) };

    let requests = request_samples::<DeleteAttachment>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        let ids: Vec<_> = r.attachment_ids.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            ["IpHLObE=", "QuHSSmY=", "qf2KoPo=", "NFQMnMc=", "jJvbLXQ="]
        );
    }
    let responses = response_samples::<DeleteAttachment, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let results = r.clone().into_results();
        assert_eq!(results.len(), 5);
        for result in results {
            let root = result.unwrap().unwrap();
            assert_eq!(root, ItemId::new("uqE1AAA=").with_change_key("AAAXulck"));
        }
    }
    let mut root = RootItemId::default();
    root.root_item_id = "item".into();
    root.root_item_change_key = "CK3".into();
    let built = DeleteAttachmentResponse::new(vec![
        DeleteAttachmentResponseMessage::success(root),
        DeleteAttachmentResponseMessage::error(MessageStatus::error(
            ResponseCode::ErrorInvalidIdMalformed,
            "Id is malformed.",
        )),
    ]);
    let back = response_round_trip(&mut docs, "built DeleteAttachmentResponse", &built);
    let results = back.into_results();
    assert_eq!(
        results[0]
            .as_ref()
            .unwrap()
            .as_ref()
            .unwrap()
            .change_key
            .as_deref(),
        Some("CK3")
    );
    assert!(results[1].is_err());
    docs.finish();
}
