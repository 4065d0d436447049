//! DeleteItem, MoveItem, CopyItem, ArchiveItem and MarkAsJunk.

use ews_model::items::{Item, Message};
use ews_model::operations::{
    AffectedTaskOccurrences, ArchiveItem, ArchiveItemResponse, CalendarItemCreateOrDeleteOperation,
    CopyItem, CopyItemResponse, DeleteItem, DeleteItemResponse, DisposalType,
    ItemInfoResponseMessage, MarkAsJunk, MarkAsJunkResponse, MarkAsJunkResponseMessage,
    MessageStatus, MoveItem, MoveItemResponse, Operation,
};
use ews_model::properties::{
    DistinguishedFolderIdName, FolderId, FolderIdChoice, ItemId, ItemIdChoice, OccurrenceItemId,
    RecurringMasterItemId,
};
use ews_model::version::ExchangeVersion;
use ews_test_support::Collector;
use ews_xml::{ResponseClass, ResponseCode};

use super::support::{
    get, request_round_trip, request_samples, response_round_trip, response_samples,
};

fn id_of(choice: &ItemIdChoice) -> &str {
    match choice {
        ItemIdChoice::ItemId(id) => &id.id,
        other => panic!("{other:?}"),
    }
}

fn message_with_id(id: &str) -> Item {
    let mut item = Item::from(Message::new());
    item.base_mut().unwrap().item_id = Some(ItemId::new(id).with_change_key("CQAAAB"));
    item
}

#[test]
fn delete_item() {
    let mut docs = Collector::new();
    let built = DeleteItem::new(DisposalType::SoftDelete)
        .item(ItemId::new("AAMkA").with_change_key("DwAAA"))
        .items([
            ItemIdChoice::from(OccurrenceItemId::new("AAMkB", 2)),
            RecurringMasterItemId::new("AAMkC").into(),
        ])
        .send_meeting_cancellations(CalendarItemCreateOrDeleteOperation::SendToNone)
        .affected_task_occurrences(AffectedTaskOccurrences::SpecifiedOccurrenceOnly)
        .suppress_read_receipts();
    request_round_trip(&mut docs, "built DeleteItem", &built);
    assert_eq!(DeleteItem::name(), "DeleteItem");
    assert_eq!(DeleteItem::SINCE, ExchangeVersion::Exchange2007);
    const { assert!(DeleteItem::IDEMPOTENT) };

    let requests = request_samples::<DeleteItem>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(r.delete_type, DisposalType::MoveToDeletedItems);
        assert_eq!(
            r.send_meeting_cancellations,
            Some(CalendarItemCreateOrDeleteOperation::SendToAllAndSaveCopy)
        );
        assert_eq!(r.affected_task_occurrences, None);
        assert_eq!(id_of(&r.item_ids[0]), "AAMkA");
    }
    if let Some(r) = get(&requests, "request-05.xml") {
        assert_eq!(r.delete_type, DisposalType::SoftDelete);
        assert_eq!(
            r.affected_task_occurrences,
            Some(AffectedTaskOccurrences::AllOccurrences)
        );
        let ids: Vec<_> = r.item_ids.iter().map(id_of).collect();
        assert_eq!(ids, ["m4OkAAA=", "m4OlAAA=", "m4OmAAA="]);
    }
    if let Some(r) = get(&requests, "request-07.xml") {
        assert_eq!(r.delete_type, DisposalType::HardDelete);
        assert_eq!(id_of(&r.item_ids[0]), "AS4AUn==");
    }

    let responses = response_samples::<DeleteItem, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        assert!(r.clone().into_results().iter().all(Result::is_ok));
    }
    if let Some(r) = get(&responses, "response-03.xml") {
        let results = r.clone().into_results();
        assert_eq!(results.len(), 3);
        for result in results {
            let err = result.unwrap_err();
            assert_eq!(err.code(), Some(&ResponseCode::ErrorItemNotFound));
            assert_eq!(
                err.text(),
                Some("The specified object was not found in the store.")
            );
        }
    }
    let built = DeleteItemResponse::new(vec![
        MessageStatus::success(),
        MessageStatus::error(ResponseCode::ErrorAccessDenied, "no"),
    ]);
    let back = response_round_trip(&mut docs, "built DeleteItemResponse", &built);
    let results = back.into_results();
    assert!(results[0].is_ok());
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorAccessDenied)
    );
    docs.finish();
}

#[test]
fn move_item() {
    let mut docs = Collector::new();
    let built = MoveItem::new(DistinguishedFolderIdName::JunkEmail)
        .item(ItemId::new("AfwDoAAA=").with_change_key("CQAAAB"))
        .items([ItemId::new("AfwDoAAB="), ItemId::new("AfwDoAAC=")])
        .return_new_item_ids(true);
    request_round_trip(&mut docs, "built MoveItem", &built);
    request_round_trip(
        &mut docs,
        "built MoveItem without ReturnNewItemIds",
        &MoveItem::new(FolderId::new("pQ/3AAA=")).item(ItemId::new("x")),
    );
    const { assert!(!MoveItem::IDEMPOTENT) };
    assert_eq!(MoveItem::SINCE, ExchangeVersion::Exchange2007);

    let requests = request_samples::<MoveItem>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(
            r.to_folder_id,
            FolderIdChoice::from(DistinguishedFolderIdName::JunkEmail)
        );
        assert_eq!(id_of(&r.item_ids[0]), "AfwDoAAA=");
        assert_eq!(r.return_new_item_ids, None);
    }
    assert!(response_samples::<MoveItem, _>(&mut docs).is_empty());

    let built = MoveItemResponse::new(vec![
        ItemInfoResponseMessage::success(message_with_id("new1")),
        ItemInfoResponseMessage::success_empty(),
        ItemInfoResponseMessage::error(MessageStatus::error(
            ResponseCode::ErrorItemNotFound,
            "The specified object was not found in the store.",
        )),
    ]);
    let back = response_round_trip(&mut docs, "built MoveItemResponse", &built);
    let results = back.into_results();
    assert_eq!(
        results[0]
            .as_ref()
            .unwrap()
            .as_ref()
            .unwrap()
            .id()
            .unwrap()
            .id,
        "new1"
    );
    assert!(results[1].as_ref().unwrap().is_none());
    assert_eq!(
        results[2].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorItemNotFound)
    );
    docs.finish();
}

#[test]
fn copy_item() {
    let mut docs = Collector::new();
    let built = CopyItem::new(FolderId::new("pQ/3AAA="))
        .item(ItemId::new("2TSeSAAA="))
        .return_new_item_ids(false);
    request_round_trip(&mut docs, "built CopyItem", &built);
    const { assert!(!CopyItem::IDEMPOTENT) };

    let requests = request_samples::<CopyItem>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(
            r.to_folder_id,
            FolderIdChoice::from(FolderId::new("pQ/3AAA="))
        );
        let ItemIdChoice::ItemId(id) = &r.item_ids[0] else {
            panic!("{r:?}")
        };
        assert_eq!(
            id.change_key.as_deref(),
            Some("CQAAABYAAAApjGm7TnMWQ5TzjbhziLL0AAF2d+3+")
        );
    }
    assert!(response_samples::<CopyItem, _>(&mut docs).is_empty());

    let built = CopyItemResponse::new(vec![ItemInfoResponseMessage::success(message_with_id(
        "copy1",
    ))]);
    let back = response_round_trip(&mut docs, "built CopyItemResponse", &built);
    let copy = back.into_results().remove(0).unwrap().unwrap();
    assert!(matches!(copy, Item::Message(_)));
    assert_eq!(copy.id().unwrap().id, "copy1");
    docs.finish();
}

#[test]
fn archive_item() {
    let mut docs = Collector::new();
    let built = ArchiveItem::new(DistinguishedFolderIdName::Inbox)
        .item(ItemId::new("AQMkG5B").with_change_key("CQAAAH"))
        .items([ItemId::new("AQMkG5C")]);
    request_round_trip(&mut docs, "built ArchiveItem", &built);
    assert_eq!(ArchiveItem::SINCE, ExchangeVersion::Exchange2013);
    const { assert!(!ArchiveItem::IDEMPOTENT) };

    let requests = request_samples::<ArchiveItem>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(
            r.archive_source_folder_id,
            FolderIdChoice::from(DistinguishedFolderIdName::Inbox)
        );
        assert_eq!(id_of(&r.item_ids[0]), "AQMkG5BBwrQAAAxoAAAA=");
    }
    let responses = response_samples::<ArchiveItem, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        // `<m:Items/>`: kept, so that the rewritten document still validates.
        assert_eq!(r.messages[0].items, Some(Vec::new()));
        assert_eq!(r.clone().into_results().remove(0).unwrap(), None);
    }
    let failed = ArchiveItemResponse::new(vec![ItemInfoResponseMessage::error(
        MessageStatus::error(ResponseCode::ErrorItemNotFound, "gone"),
    )]);
    let back = response_round_trip(&mut docs, "built ArchiveItemResponse", &failed);
    assert_eq!(back.messages[0].status.class, ResponseClass::Error);
    docs.finish();
}

#[test]
fn mark_as_junk() {
    let mut docs = Collector::new();
    let built = MarkAsJunk::new(true, false)
        .item(ItemId::new("AAMkAD="))
        .items([ItemId::new("AAMkAE=")]);
    request_round_trip(&mut docs, "built MarkAsJunk", &built);
    assert_eq!(MarkAsJunk::SINCE, ExchangeVersion::Exchange2013);
    const { assert!(!MarkAsJunk::IDEMPOTENT) };

    let requests = request_samples::<MarkAsJunk>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert!(r.is_junk && r.move_item);
    }
    if let Some(r) = get(&requests, "request-03.xml") {
        assert!(!r.is_junk && r.move_item);
        assert_eq!(id_of(&r.item_ids[0]), "AAMkAD=");
    }
    let responses = response_samples::<MarkAsJunk, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let moved = r.clone().into_results().remove(0).unwrap().unwrap();
        assert!(moved.id.starts_with("AAMkADg1OWUwODcy"));
        assert_eq!(
            moved.change_key.as_deref(),
            Some("CQAAABYAAAAN+VjmVZl5Rq1ymCq5eFKOAAAE59E+")
        );
    }
    if let Some(r) = get(&responses, "response-03.xml") {
        let err = r.clone().into_results().remove(0).unwrap_err();
        assert_eq!(err.code(), Some(&ResponseCode::ErrorItemNotFound));
    }
    let built = MarkAsJunkResponse::new(vec![
        MarkAsJunkResponseMessage::success(None),
        MarkAsJunkResponseMessage::success(Some(ItemId::new("moved").with_change_key("CK"))),
        MarkAsJunkResponseMessage::error(MessageStatus::error(
            ResponseCode::ErrorItemNotFound,
            "gone",
        )),
    ]);
    let back = response_round_trip(&mut docs, "built MarkAsJunkResponse", &built);
    let results = back.into_results();
    assert_eq!(results[0], Ok(None));
    assert_eq!(results[1].as_ref().unwrap().as_ref().unwrap().id, "moved");
    assert!(results[2].is_err());
    docs.finish();
}
