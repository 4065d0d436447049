//! The item operations (GetItem, FindItem, FindFolder, CreateItem, UpdateItem): requests built
//! with their builders validate against the schema; every ms-docs request sample reads, is
//! written back, validates and reads again unchanged; every ms-docs response sample reads into
//! the typed response (with per-item results), is written back and validates.

use crate::support::{
    get, read_response, request_doc, request_samples, response_doc, response_samples,
};
use ews_model::Compose;
use ews_model::folders::{Folder, FolderKind};
use ews_model::items::contact::Contact;
use ews_model::items::{CalendarItemType, Item, ItemBase, Message};
use ews_model::operations::{
    BaseShape, ConflictResolution, CreateItem, CreateItemResponse, FieldPath, FindFolder,
    FindFolderResponse, FindFolderResponseMessage, FindFolderRoot, FindItem, FindItemResponse,
    FindItemResponseMessage, FindItemRoot, FolderShape, GetItem, GetItemResponse, GroupedItems,
    ItemChange, ItemChangeDescription, ItemInfoResponseMessage, ItemShape, MessageDisposition,
    MessageStatus, Operation, ResponseError, SendMeetingInvitations, SendMeetingUpdates,
    UpdateItem, UpdateItemResponse, UpdateItemResponseMessage,
};
use ews_model::properties::{
    DistinguishedFolderIdName, FolderId, FolderIdChoice, ItemId, ItemIdChoice, OccurrenceItemId,
    PhoneNumber, PhoneNumberKey, PhoneNumbers,
};
use ews_model::restriction::{ContainmentComparison, ContainmentMode, SearchExpression};
use ews_model::version::ExchangeVersion;
use ews_model::view::{
    Aggregate, FieldOrder, FolderTraversal, GroupBy, Grouping, IndexedPageView, ItemTraversal,
    ItemView, PagingInfo, QueryString, SortDirection,
};
use ews_test_support::Collector;
use ews_xml::{ResponseClass, ResponseCode};

fn subjects<'a>(items: impl IntoIterator<Item = &'a Item>) -> Vec<&'a str> {
    items
        .into_iter()
        .filter_map(|i| i.base().and_then(|b| b.subject.as_deref()))
        .collect()
}

#[test]
fn get_item() {
    let mut docs = Collector::new();
    let built = GetItem::new(
        ItemShape::new(BaseShape::IdOnly)
            .with(FieldPath::field("item:Subject"))
            .with(FieldPath::indexed("contacts:PhoneNumber", "BusinessPhone")),
    )
    .item(ItemId::new("AAMkAD1").with_change_key("CQAAAB"))
    .items([OccurrenceItemId::new("AAMkAD2", 3)]);
    assert_eq!(GetItem::name(), "GetItem");
    const { assert!(GetItem::IDEMPOTENT) };
    assert_eq!(GetItem::SINCE, ExchangeVersion::Exchange2007);
    docs.add("built GetItem", request_doc(&built));

    let requests = request_samples::<GetItem>(&mut docs);
    for (name, r) in &requests {
        assert!(!r.item_ids.is_empty(), "{name}");
    }
    let responses = response_samples::<GetItem, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let item = r.clone().into_results().remove(0).unwrap();
        assert_eq!(subjects([&item]), ["Play tennis?"]);
    }
    if let Some(r) = get(&responses, "response-03.xml") {
        let item = r.clone().into_results().remove(0).unwrap();
        assert_eq!(subjects([&item]), ["Tennis lesson"]);
        assert_eq!(item.id().unwrap().id, "AAMkA");
    }
    if let Some(r) = get(&responses, "response-19.xml") {
        assert_eq!(r.messages[0].status.class, ResponseClass::Error);
        let err = r.clone().into_results().remove(0).unwrap_err();
        assert_eq!(err.code(), Some(&ResponseCode::ErrorInvalidPropertyRequest));
    }
    let total: usize = responses.iter().map(|(_, r)| r.messages.len()).sum();
    assert!(total >= responses.len());
    docs.finish();
}

#[test]
fn find_item() {
    let mut docs = Collector::new();
    let built =
        FindItem::new(ItemShape::new(BaseShape::IdOnly).with(FieldPath::field("item:Subject")))
            .folder(DistinguishedFolderIdName::Inbox)
            .folder(FolderId::new("AAMk"))
            .view(IndexedPageView::new(10, 10))
            .restriction(SearchExpression::contains(
                FieldPath::field("item:Subject"),
                "plan",
                ContainmentMode::Substring,
                ContainmentComparison::IgnoreCase,
            ))
            .sort(FieldOrder::descending(FieldPath::field(
                "item:DateTimeReceived",
            )))
            .sort(FieldOrder::ascending(FieldPath::field("item:Subject")));
    assert_eq!(built.sort_order.as_ref().unwrap().field_orders.len(), 2);
    docs.add("built FindItem", request_doc(&built));
    let grouped = FindItem::new(ItemShape::new(BaseShape::Default))
        .traversal(ItemTraversal::Associated)
        .folder(DistinguishedFolderIdName::Inbox)
        .group(Grouping::GroupBy(GroupBy::new(
            SortDirection::Ascending,
            FieldPath::field("item:Importance"),
            Aggregate::Maximum,
            FieldPath::field("item:DateTimeReceived"),
        )))
        .query("subject:plan");
    docs.add("built grouped FindItem", request_doc(&grouped));
    let queried = FindItem::new(ItemShape::new(BaseShape::IdOnly))
        .folder(DistinguishedFolderIdName::Inbox)
        .query_string({
            let mut q = QueryString::new("budget");
            q.return_highlight_terms = Some(true);
            q
        });
    docs.add("built queried FindItem", request_doc(&queried));
    const { assert!(FindItem::IDEMPOTENT) };

    let requests = request_samples::<FindItem>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(r.traversal, ItemTraversal::Shallow);
        assert!(
            matches!(r.view, Some(ItemView::IndexedPage(ref v)) if v.max_entries_returned == Some(10))
        );
        assert!(r.restriction.is_some());
        let order = &r.sort_order.as_ref().unwrap().field_orders[0];
        assert_eq!(order.order, SortDirection::Descending);
        assert_eq!(order.path.uri(), Some("item:DateTimeReceived"));
    }
    let queries: Vec<_> = requests
        .iter()
        .filter_map(|(_, r)| r.query_string.as_ref())
        .map(|q| q.query.as_str())
        .collect();
    if !requests.is_empty() {
        assert!(queries.contains(&"subject:\"project plan\""), "{queries:?}");
        assert!(
            requests
                .iter()
                .any(|(_, r)| matches!(r.view, Some(ItemView::Calendar(_))))
        );
    }

    let responses = response_samples::<FindItem, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let page = r.clone().into_results().remove(0).unwrap();
        assert_eq!(page.paging.total_items_in_view, Some(1));
        assert_eq!(page.paging.includes_last_item_in_range, Some(true));
        assert_eq!(subjects(&page.items), ["Team building exercise"]);
        assert_eq!(page.items[0].id().unwrap().id, "IJpUAAA=");
    }
    if let Some(r) = get(&responses, "response-05.xml") {
        let page = r.clone().into_results().remove(0).unwrap();
        assert_eq!(page.paging.total_items_in_view, Some(33));
        assert_eq!(page.paging.includes_last_item_in_range, Some(false));
        assert_eq!(page.items.len(), 5);
        assert_eq!(page.all_items().count(), 5);
        assert_eq!(subjects(&page.items)[0], "Contoso devs team meeting");
    }
    if let Some(r) = get(&responses, "response-09.xml") {
        let page = r.clone().into_results().remove(0).unwrap();
        assert_eq!(page.paging.total_items_in_view, Some(8));
        assert_eq!(page.items.len(), 6);
        assert_eq!(page.paging.next_offset(), Some(6));
    }
    if let Some(r) = get(&responses, "response-13.xml") {
        let page = r.clone().into_results().remove(0).unwrap();
        assert!(
            page.items
                .iter()
                .all(|i| subjects([i]) == ["Swim Team Practice"])
        );
        assert!(matches!(page.items[0], Item::CalendarItem(ref c)
            if c.attendance.calendar_item_type == Some(CalendarItemType::Occurrence)));
    }
    if let Some(r) = get(&responses, "response-15.xml") {
        let err = r.clone().into_results().remove(0).unwrap_err();
        assert_eq!(err.code(), Some(&ResponseCode::ErrorInvalidIdMalformed));
    }
    docs.finish();
}

#[test]
fn find_folder() {
    let mut docs = Collector::new();
    let built = FindFolder::new(
        FolderShape::new(BaseShape::IdOnly).with(FieldPath::field("folder:DisplayName")),
    )
    .traversal(FolderTraversal::Deep)
    .folder(DistinguishedFolderIdName::MsgFolderRoot)
    .view(IndexedPageView::new(0, 100))
    .restriction(SearchExpression::equal(
        FieldPath::field("folder:DisplayName"),
        "Receipts",
    ));
    docs.add("built FindFolder", request_doc(&built));
    const { assert!(FindFolder::IDEMPOTENT) };

    let requests = request_samples::<FindFolder>(&mut docs);
    for (name, r) in &requests {
        assert!(!r.parent_folder_ids.is_empty(), "{name}");
    }
    let responses = response_samples::<FindFolder, _>(&mut docs);
    let names = |r: &FindFolderResponse| -> Vec<String> {
        let page = r.clone().into_results().remove(0).unwrap();
        page.folders
            .iter()
            .filter_map(|f| f.display_name().map(str::to_owned))
            .collect()
    };
    if let Some(r) = get(&responses, "response-01.xml") {
        let page = r.clone().into_results().remove(0).unwrap();
        assert_eq!(page.paging.total_items_in_view, Some(2));
        assert_eq!(names(r), ["My Public Contacts", "SampleFolder"]);
    }
    if let Some(r) = get(&responses, "response-03.xml") {
        let page = r.clone().into_results().remove(0).unwrap();
        assert_eq!(page.paging.total_items_in_view, Some(6));
        assert_eq!(page.folders.len(), 6);
        assert!(names(r).contains(&"TestFolder".to_owned()));
    }
    docs.finish();
}

#[test]
fn create_item() {
    let mut docs = Collector::new();
    let built = CreateItem::new()
        .disposition(MessageDisposition::SendAndSaveCopy)
        .save_to(DistinguishedFolderIdName::SentItems)
        .item(Message::new().subject("Lunch").to(["ann@example.com"]))
        .items([Message::new().subject("Dinner")]);
    docs.add("built CreateItem", request_doc(&built));
    let meeting = CreateItem::new()
        .invitations(SendMeetingInvitations::SendToAllAndSaveCopy)
        .item(Item::from(Message::new().subject("not a meeting")));
    docs.add("built CreateItem invitations", request_doc(&meeting));
    const { assert!(!CreateItem::IDEMPOTENT) };

    let requests = request_samples::<CreateItem>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert!(!r.items.is_empty());
        assert!(matches!(r.items[0], Item::Message(_)));
    }
    if let Some(r) = get(&requests, "request-05.xml") {
        assert!(matches!(r.items[0], Item::CalendarItem(_)));
    }
    assert!(
        requests.is_empty()
            || requests
                .iter()
                .any(|(_, r)| r.message_disposition.is_some())
    );

    let responses = response_samples::<CreateItem, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let results = r.clone().into_results();
        let item = results[0].as_ref().unwrap().as_ref().unwrap();
        assert_eq!(item.id().unwrap().id, "iNRaAAA=");
    }
    if let Some(r) = get(&responses, "response-07.xml") {
        assert_eq!(r.messages.len(), 3);
        assert!(r.clone().into_results().iter().all(Result::is_ok));
    }
    for (file, code) in [
        (
            "response-13.xml",
            ResponseCode::ErrorCannotCreateContactInNonContactFolder,
        ),
        ("response-15.xml", ResponseCode::ErrorSendAsDenied),
        ("response-17.xml", ResponseCode::ErrorItemNotFound),
    ] {
        if let Some(r) = get(&responses, file) {
            let err = r.clone().into_results().remove(0).unwrap_err();
            assert_eq!(err.code(), Some(&code), "{file}");
        }
    }
    docs.finish();
}

#[test]
fn update_item() {
    let mut docs = Collector::new();
    let mut read = Message::new();
    read.is_read = Some(true);
    let mut phones = PhoneNumbers::default();
    phones.entries.push(PhoneNumber::new(
        PhoneNumberKey::BusinessPhone,
        "+1 555 0100",
    ));
    let mut contact = Contact::new();
    contact.phone_numbers = Some(phones);
    let built = UpdateItem::new(ConflictResolution::AlwaysOverwrite)
        .disposition(MessageDisposition::SaveOnly)
        .change(
            ItemChange::new(ItemId::new("AAMkAD1").with_change_key("CQAAAB"))
                .set(Message::IS_READ, read)
                .append(ItemBase::SUBJECT, Message::new().subject(" (updated)"))
                .delete_field(FieldPath::field("item:Categories")),
        )
        .change(
            ItemChange::new(ItemId::new("AAMkAD2"))
                .set_entry(Contact::PHONE_NUMBERS, "BusinessPhone", contact)
                .delete_entry(Contact::PHONE_NUMBERS, "HomePhone"),
        );
    let change = &built.item_changes[0];
    assert_eq!(change.updates.len(), 3);
    assert_eq!(change.updates[0].path().uri(), Some("message:IsRead"));
    let ItemChangeDescription::SetItemField(set) = &built.item_changes[1].updates[0] else {
        panic!("{built:?}")
    };
    assert_eq!(
        set.path,
        FieldPath::indexed("contacts:PhoneNumber", "BusinessPhone")
    );
    docs.add("built UpdateItem", request_doc(&built));
    let every_phone = ItemChange::new(ItemId::new("AAMkAD3")).delete(Contact::PHONE_NUMBERS);
    assert!(every_phone.updates.len() > 10);
    let meeting = UpdateItem::new(ConflictResolution::AutoResolve)
        .meeting_updates(SendMeetingUpdates::SendToChangedAndSaveCopy)
        .save_to(DistinguishedFolderIdName::SentItems)
        .change(every_phone);
    docs.add("built UpdateItem meeting", request_doc(&meeting));
    const { assert!(!UpdateItem::IDEMPOTENT) };

    let requests = request_samples::<UpdateItem>(&mut docs);
    for (name, r) in &requests {
        assert!(!r.item_changes.is_empty(), "{name}");
        assert!(
            r.item_changes.iter().all(|c| !c.updates.is_empty()),
            "{name}"
        );
    }
    if let Some(r) = get(&requests, "request-11.xml") {
        let ItemChangeDescription::SetItemField(set) = &r.item_changes[0].updates[0] else {
            panic!("{r:?}")
        };
        assert_eq!(
            set.path,
            FieldPath::indexed("contacts:EmailAddress", "EmailAddress1")
        );
        assert!(matches!(set.item, Item::Contact(_)));
    }
    if let Some(r) = get(&requests, "request-15.xml") {
        assert!(matches!(
            r.item_changes[0].updates[0],
            ItemChangeDescription::DeleteItemField(_)
        ));
    }

    let responses = response_samples::<UpdateItem, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let results = r.clone().into_results();
        assert_eq!(results.len(), 3);
        for result in results {
            let updated = result.unwrap();
            assert_eq!(updated.conflicts, 1);
            let item = updated.item.unwrap();
            assert!(matches!(item, Item::CalendarItem(_)));
            assert_eq!(item.id().unwrap().change_key.as_deref(), Some("DwAAA"));
        }
    }
    docs.finish();
}

#[test]
fn per_item_errors_come_back_in_place() {
    let mut docs = Collector::new();
    let found = Message::new().subject("Found");
    let response = GetItemResponse::new(vec![
        ItemInfoResponseMessage::success(found),
        ItemInfoResponseMessage::error(MessageStatus::error(
            ResponseCode::ErrorItemNotFound,
            "The specified object was not found in the store.",
        )),
        ItemInfoResponseMessage::error(MessageStatus::success()),
    ]);
    let doc = response_doc(&response);
    docs.add("mixed GetItem response", doc.clone());
    let back: GetItemResponse = read_response(&doc);
    assert_eq!(back, response);
    let results = back.into_results();
    assert_eq!(subjects([results[0].as_ref().unwrap()]), ["Found"]);
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorItemNotFound)
    );
    assert_eq!(
        results[2].as_ref().unwrap_err(),
        &ResponseError::Incomplete { missing: "item" }
    );

    // A message sent without a copy comes back as a success without an item.
    let created = CreateItemResponse::new(vec![
        ItemInfoResponseMessage::error(MessageStatus::success()),
        ItemInfoResponseMessage::error(MessageStatus::error(ResponseCode::ErrorSendAsDenied, "no")),
    ]);
    let doc = response_doc(&created);
    docs.add("mixed CreateItem response", doc.clone());
    let results = read_response::<CreateItemResponse>(&doc).into_results();
    assert_eq!(results[0], Ok(None));
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorSendAsDenied)
    );

    let mut id_only = ItemBase::new();
    id_only.item_id = Some(ItemId::new("AAMk").with_change_key("CK"));
    let updated = UpdateItemResponse::new(vec![
        UpdateItemResponseMessage::new(ItemInfoResponseMessage::success(id_only), Some(2)),
        UpdateItemResponseMessage::new(
            ItemInfoResponseMessage::error(MessageStatus::error(
                ResponseCode::ErrorIrresolvableConflict,
                "conflict",
            )),
            None,
        ),
    ]);
    let doc = response_doc(&updated);
    docs.add("mixed UpdateItem response", doc.clone());
    let back: UpdateItemResponse = read_response(&doc);
    assert_eq!(back, updated);
    let results = back.into_results();
    let ok = results[0].as_ref().unwrap();
    assert_eq!(ok.conflicts, 2);
    assert_eq!(
        ok.item
            .as_ref()
            .unwrap()
            .id()
            .unwrap()
            .change_key
            .as_deref(),
        Some("CK")
    );
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorIrresolvableConflict)
    );
    docs.finish();
}

#[test]
fn find_pages_empty_grouped_and_failed() {
    let mut docs = Collector::new();
    let mut last = PagingInfo::default();
    last.total_items_in_view = Some(0);
    last.includes_last_item_in_range = Some(true);
    let mut more = PagingInfo::default();
    more.indexed_paging_offset = Some(2);
    more.total_items_in_view = Some(9);
    more.includes_last_item_in_range = Some(false);
    let response = FindItemResponse::new(vec![
        FindItemResponseMessage::success(FindItemRoot::items(last, Vec::new())),
        FindItemResponseMessage::success(FindItemRoot::groups(
            more.clone(),
            vec![
                GroupedItems::new("High", vec![Message::new().subject("a").into()]),
                GroupedItems::new("Normal", vec![Message::new().subject("b").into()]),
            ],
        )),
        FindItemResponseMessage::error(MessageStatus::error(
            ResponseCode::ErrorFolderNotFound,
            "gone",
        )),
        FindItemResponseMessage::error(MessageStatus::success()),
    ]);
    let doc = response_doc(&response);
    docs.add("mixed FindItem response", doc.clone());
    let back: FindItemResponse = read_response(&doc);
    assert_eq!(back, response);
    let results = back.into_results();
    let empty = results[0].as_ref().unwrap();
    assert!(empty.items.is_empty() && empty.paging.is_last_page());
    let grouped = results[1].as_ref().unwrap();
    assert!(grouped.items.is_empty());
    assert_eq!(subjects(grouped.all_items()), ["a", "b"]);
    assert_eq!(grouped.paging.next_offset(), Some(2));
    assert_eq!(
        results[2].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorFolderNotFound)
    );
    assert_eq!(
        results[3].as_ref().unwrap_err(),
        &ResponseError::Incomplete {
            missing: "RootFolder"
        }
    );

    let folders = FindFolderResponse::new(vec![
        FindFolderResponseMessage::success(FindFolderRoot::new(
            more,
            vec![Folder::new("Receipts").into()],
        )),
        FindFolderResponseMessage::error(MessageStatus::error(
            ResponseCode::ErrorInvalidIdMalformed,
            "bad",
        )),
    ]);
    let doc = response_doc(&folders);
    docs.add("mixed FindFolder response", doc.clone());
    let back: FindFolderResponse = read_response(&doc);
    assert_eq!(back, folders);
    let results = back.into_results();
    let page = results[0].as_ref().unwrap();
    assert_eq!(page.folders[0].display_name(), Some("Receipts"));
    assert!(!page.paging.is_last_page());
    assert!(results[1].is_err());
    let _ = (
        FolderIdChoice::from(DistinguishedFolderIdName::Inbox),
        ItemIdChoice::from(ItemId::new("x")),
        FolderKind::from(Folder::new("x")),
    );
    docs.finish();
}
