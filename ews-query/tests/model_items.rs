//! Evaluating queries against the model's real items (`FieldAccess` → `FieldValues`).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use ews_model::extended::{ExtendedFieldUri, ExtendedProperty, ExtendedValue, MapiType};
use ews_model::fields::{FieldTable, HasFields};
use ews_model::items::calendar::CalendarItem;
use ews_model::items::contact::Contact;
use ews_model::items::{Item, Message};
use ews_model::properties::{
    Importance, Mailbox, PhoneNumberKey, PhysicalAddress, PhysicalAddressKey, SingleRecipient,
};
use ews_model::restriction::CompareOp;
use ews_model::version::ExchangeVersion;
use ews_query::{
    Compiled, Op, Q, QueryError, Target, Value, compile, compile_order, eval, order_by, parse,
    resolve_order, sort,
};

fn message(subject: &str, read: bool, received: &str) -> Item {
    let mut m = Message::new().subject(subject).importance(Importance::High);
    m.is_read = Some(read);
    m.item.categories = vec!["Red".into(), "Blue".into()];
    m.item.datetime_received = Some(received.parse().unwrap());
    m.sender = Some(SingleRecipient::from(Mailbox::new("sadie@contoso.com")));
    m.item.extended_properties.insert(
        ExtendedProperty::new(
            ExtendedFieldUri::tag(0x1090, MapiType::Integer),
            ExtendedValue::Int(2),
        )
        .unwrap(),
    );
    Item::Message(m)
}

fn items() -> Vec<Item> {
    let contact = Contact::new()
        .subject("Ann Lee")
        .phone(PhoneNumberKey::MobilePhone, "+1 555 0100")
        .address(
            PhysicalAddressKey::Business,
            PhysicalAddress::new(PhysicalAddressKey::Business).with_city("Springfield"),
        );
    let event = CalendarItem::new()
        .subject("Budget planning")
        .start("2026-03-02T09:00:00Z".parse().unwrap());
    vec![
        message("Quarterly Budget Review", true, "2026-03-01T10:00:00Z"),
        message("Lunch", false, "2026-02-01T10:00:00Z"),
        Item::CalendarItem(event),
        Item::Contact(contact),
    ]
}

/// The subjects of the items matching `field__lookup = value`, resolved against `table`.
fn matching(table: &FieldTable, lookup: &str, value: impl Into<Value>) -> Vec<String> {
    let q = Q::lookup(lookup, value).unwrap().resolve(table).unwrap();
    select(&q)
}

fn select(q: &Q) -> Vec<String> {
    items()
        .iter()
        .filter(|i| eval(q, *i))
        .map(|i| i.base().unwrap().subject.clone().unwrap())
        .collect()
}

#[test]
fn message_fields_evaluate() {
    let t = Message::FIELDS;
    assert_eq!(
        matching(&t, "subject__icontains", "budget"),
        ["Quarterly Budget Review", "Budget planning"]
    );
    assert_eq!(matching(&t, "is_read", true), ["Quarterly Budget Review"]);
    assert_eq!(
        matching(&t, "categories__contains", "Blue"),
        ["Quarterly Budget Review", "Lunch"]
    );
    assert_eq!(
        matching(
            &t,
            "datetime_received__range",
            ("2026-02-15T00:00:00Z", "2026-03-15T00:00:00Z")
        ),
        ["Quarterly Budget Review"]
    );
    assert_eq!(
        matching(&t, "importance", "High"),
        ["Quarterly Budget Review", "Lunch"]
    );
    assert!(matching(&t, "importance", "Low").is_empty());
    assert_eq!(
        matching(&t, "sender", "SADIE@contoso.com"),
        ["Quarterly Budget Review", "Lunch"]
    );
}

#[test]
fn contact_indexed_fields_evaluate() {
    let t = Contact::FIELDS;
    assert_eq!(
        matching(&t, "phone_numbers__MobilePhone", "+1 555 0100"),
        ["Ann Lee"]
    );
    assert!(matching(&t, "phone_numbers__HomePhone__exists", true).is_empty());
    // The model names the parts as fields of their own (`physical_addresses_city`, indexed,
    // `contacts:PhysicalAddress:City`); exchangelib's form reaches them too.
    for lookup in [
        "physical_addresses__Business__city",
        "physical_addresses_city__Business",
    ] {
        assert_eq!(matching(&t, lookup, "springfield"), ["Ann Lee"], "{lookup}");
    }
    assert!(matching(&t, "physical_addresses__Home__city", "Springfield").is_empty());
    assert!(
        matching(
            &t,
            "physical_addresses__Business__street__startswith",
            "1 Main"
        )
        .len()
            <= 1
    );
}

#[test]
fn extended_property_evaluates() {
    let q = Q::leaf(
        Target::extended(ExtendedFieldUri::tag(0x1090, MapiType::Integer)),
        Op::Compare(CompareOp::GreaterThan, Value::Int(1)),
    )
    .resolve(&Message::FIELDS)
    .unwrap();
    assert_eq!(select(&q), ["Quarterly Budget Review", "Lunch"]);
}

#[test]
fn items_sort_by_subject() {
    let mut all = items();
    let keys = resolve_order(&order_by(&["subject"]).unwrap(), &Message::FIELDS).unwrap();
    sort(&mut all, &keys);
    let subjects: Vec<_> = all
        .iter()
        .map(|i| i.base().unwrap().subject.clone().unwrap())
        .collect();
    assert_eq!(
        subjects,
        [
            "Ann Lee",
            "Budget planning",
            "Lunch",
            "Quarterly Budget Review"
        ]
    );
}

#[test]
fn removed_field_is_refused_with_its_versions() {
    let keys = order_by(&["meeting_time_zone"]).unwrap();
    let error =
        compile_order(&keys, &CalendarItem::FIELDS, ExchangeVersion::Exchange2013).unwrap_err();
    assert_eq!(
        error,
        QueryError::NotInVersion {
            what: "field \"meeting_time_zone\"".to_owned(),
            target: ExchangeVersion::Exchange2013,
            since: ExchangeVersion::Exchange2007,
            until: Some(ExchangeVersion::Exchange2010),
        }
    );
    assert!(
        error.to_string().ends_with(", until Exchange2010)"),
        "{error}"
    );
    assert!(compile_order(&keys, &CalendarItem::FIELDS, ExchangeVersion::Exchange2007).is_ok());
}

#[test]
fn compiled_and_parsed_back_evaluates_the_same() {
    let t = Message::FIELDS;
    let q = (Q::lookup("subject__icontains", "budget").unwrap()
        | Q::lookup("categories__contains", "Blue").unwrap())
        & !Q::lookup("is_read", false).unwrap()
        & Q::lookup("importance__in", ["High", "Normal"]).unwrap();
    let resolved = q.resolve(&t).unwrap();
    let Compiled::Restriction(r) = compile(&q, &t, ExchangeVersion::Exchange2016).unwrap() else {
        panic!("expected a restriction");
    };
    let back = parse(&r, &t).unwrap();
    assert_eq!(select(&resolved), select(&back));
    assert_eq!(select(&back), ["Quarterly Budget Review"]);
}

#[test]
fn model_enums_have_typed_lookups() {
    use ews_model::items::task::{Task, TaskStatus};
    use ews_query::EqLookups;
    let tasks = [
        Item::Task(Task::new().subject("done").status(TaskStatus::Completed)),
        Item::Task(Task::new().subject("open").status(TaskStatus::InProgress)),
        Item::Task(Task::new().subject("unset")),
    ];
    let q = Task::STATUS
        .eq(TaskStatus::Completed)
        .resolve(&Task::FIELDS)
        .unwrap();
    let hits: Vec<_> = tasks.iter().filter(|t| eval(&q, *t)).collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].base().and_then(|b| b.subject.as_deref()),
        Some("done")
    );
    let q = Task::STATUS
        .any_of([TaskStatus::InProgress, TaskStatus::Completed])
        .resolve(&Task::FIELDS)
        .unwrap();
    assert_eq!(tasks.iter().filter(|t| eval(&q, *t)).count(), 2);
}
