//! Items: round trips over generated values, field tables, schema validity inside real
//! requests and responses, and every item element of the ms-docs samples read back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod strategies;

mod attachments;
mod context;

mod ms_docs;

use ews_model::Compose;
use ews_model::fields::{FieldFlags, FieldUri, HasFields, ValueKind};
use ews_model::items::{
    GenericItem, Item, ItemBase, MeetingCancellation, MeetingMessage, MeetingRequest,
    MeetingResponse, Message, PostItem,
};
use ews_model::properties::{Body, Mailbox};
use ews_model::version::ExchangeVersion;
use ews_xml::Name;
use proptest::prelude::*;
use strategies::*;
use support::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn item_base_round_trips(b in item_base(1)) {
        round_trip(&b, Name::t("Item"));
    }

    #[test]
    fn messages_round_trip(m in message(1)) {
        round_trip(&m, Name::t("Message"));
    }

    #[test]
    fn posts_round_trip(p in post_item(1)) {
        round_trip(&p, Name::t("PostItem"));
    }

    #[test]
    fn meeting_messages_round_trip(m in meeting_message(0)) {
        round_trip(&m, Name::t("MeetingMessage"));
    }

    #[test]
    fn meeting_requests_round_trip(m in meeting_request(0)) {
        round_trip(&m, Name::t("MeetingRequest"));
    }

    #[test]
    fn meeting_responses_round_trip(m in meeting_response(0)) {
        round_trip(&m, Name::t("MeetingResponse"));
    }

    #[test]
    fn meeting_cancellations_round_trip(m in meeting_cancellation(0)) {
        round_trip(&m, Name::t("MeetingCancellation"));
    }

    #[test]
    fn items_round_trip_through_the_choice(item in item(1)) {
        choice_round_trip(&item);
    }

    #[test]
    fn items_survive_serde(item in item(1)) {
        let json = serde_json::to_string(&item).unwrap();
        let back: Item = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, item);
    }
}

#[test]
fn message_builder_sets_fields() {
    let m = Message::new()
        .subject("Daily motivation")
        .body(Body::html("<b>All bodies are beautiful</b>"))
        .to(["ann@example.com", "bob@example.com"])
        .cc([Mailbox::named("Carol", "carol@example.com")])
        .author("me@example.com")
        .read_receipt();
    assert_eq!(m.item.subject.as_deref(), Some("Daily motivation"));
    assert!(m.item.body.as_ref().unwrap().is_html());
    assert_eq!(
        m.to_recipients[1].email_address.as_deref(),
        Some("bob@example.com")
    );
    assert_eq!(m.cc_recipients[0].name.as_deref(), Some("Carol"));
    assert_eq!(
        m.from.as_ref().unwrap().mailbox.email_address.as_deref(),
        Some("me@example.com")
    );
    assert_eq!(m.is_read_receipt_requested, Some(true));
    let xml = String::from_utf8(write_doc(&m, Name::t("Message"))).unwrap();
    // Schema order: the item's elements first, then the message's.
    let subject = xml.find("<t:Subject>").unwrap();
    let body = xml.find("<t:Body ").unwrap();
    let to = xml.find("<t:ToRecipients>").unwrap();
    let from = xml.find("<t:From>").unwrap();
    assert!(subject < body && body < to && to < from, "{xml}");
}

#[test]
fn field_tables_list_base_fields_first() {
    let names: Vec<_> = Message::FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(names[0], "mime_content");
    assert_eq!(names[1], "item_id");
    let base_len = ItemBase::FIELDS.iter().count();
    assert_eq!(names[base_len], "sender");
    assert!(base_len > 60, "{base_len}");

    let subject = Message::FIELDS.by_uri("item:Subject").unwrap();
    assert!(subject.is_searchable() && !subject.is_read_only());
    assert_eq!(subject.kind.value, ValueKind::Text);
    let received = Message::FIELDS.get("datetime_received").unwrap();
    assert!(received.is_read_only());
    assert_eq!(received.kind.value, ValueKind::DateTime);
    let categories = Message::FIELDS.get("categories").unwrap();
    assert!(categories.kind.list);
    let to = Message::FIELDS.by_uri("message:ToRecipients").unwrap();
    assert!(to.flags.contains(FieldFlags::READ_ONLY_AFTER_SEND));
    assert_eq!(to.kind.value, ValueKind::Mailbox);
    assert!(to.kind.list);
    let author = Message::FIELDS.get("author").unwrap();
    assert_eq!(author.uri, FieldUri::Unindexed("message:From"));
    let flag = Message::FIELDS.get("flag").unwrap();
    assert!(!flag.is_supported_by(ExchangeVersion::Exchange2010));
    assert!(flag.is_supported_by(ExchangeVersion::Exchange2013));
    let entities = Message::FIELDS.get("entity_extraction_result").unwrap();
    assert!(entities.is_read_only());
    assert_eq!(entities.kind.value, ValueKind::Complex);
    assert_eq!(
        Message::FIELDS.get("importance").unwrap().kind.value,
        ValueKind::Enum(&["Low", "Normal", "High"])
    );

    // Typed handles, generated with the tables.
    assert_eq!(ItemBase::SUBJECT.def().uri.uri(), "item:Subject");
    assert_eq!(
        ItemBase::HEADERS.def().uri.uri(),
        "item:InternetMessageHeaders"
    );
    assert_eq!(Message::AUTHOR.def().uri.uri(), "message:From");
    assert_eq!(
        Message::IS_READ.def(),
        Message::FIELDS.get("is_read").unwrap()
    );

    assert!(
        PostItem::FIELDS
            .by_uri("postitem:PostedTime")
            .unwrap()
            .is_read_only()
    );
    // The meeting family chains Message, then MeetingMessage.
    let request: Vec<_> = MeetingRequest::FIELDS.iter().map(|f| f.name).collect();
    let msg_len = Message::FIELDS.iter().count();
    let mm_len = MeetingMessage::FIELDS.iter().count();
    assert_eq!(request[msg_len], "associated_calendar_item_id");
    assert_eq!(request[mm_len], "meeting_request_type");
    assert!(
        MeetingResponse::FIELDS
            .by_uri("meeting:ProposedStart")
            .is_some()
    );
    assert!(
        MeetingCancellation::FIELDS
            .by_uri("calendar:Start")
            .is_some()
    );
}

#[test]
fn unknown_items_are_kept_whole() {
    let doc = br#"<t:SharingMessage xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Version="2">
        <t:ItemId Id="AAA=" ChangeKey="CK"/>
        <t:Subject>Shared calendar</t:Subject>
        <t:ToRecipients><t:Mailbox><t:EmailAddress>a@x.test</t:EmailAddress></t:Mailbox></t:ToRecipients>
        <t:SharingMessageAction><t:Importance>Normal</t:Importance></t:SharingMessageAction>
      </t:SharingMessage>"#;
    let item: Item = read_choice_doc(doc);
    let Item::Unknown(generic) = &item else {
        panic!("{item:?}")
    };
    assert_eq!(generic.name.local_name(), "SharingMessage");
    assert_eq!(item.id().unwrap().id, "AAA=");
    assert_eq!(
        item.base().unwrap().subject.as_deref(),
        Some("Shared calendar")
    );
    assert_eq!(generic.other.len(), 2);
    assert_eq!(generic.attributes.len(), 1);
    // Written back and read again: the same.
    let again: Item = read_choice_doc(&write_choice_doc(&item));
    assert_eq!(again, item);
    let again: GenericItem = read_choice_doc(&write_choice_doc(generic));
    assert_eq!(&again, generic);
}

#[test]
fn accessors_reach_the_base() {
    let mut item = Item::from(Message::new().subject("x"));
    item.base_mut().unwrap().subject = Some("y".into());
    assert_eq!(item.message().unwrap().item.subject.as_deref(), Some("y"));
    let reply = Item::ReplyToItem(ews_model::items::ReplyToItem::default());
    assert!(reply.base().is_none() && reply.id().is_none());
}
