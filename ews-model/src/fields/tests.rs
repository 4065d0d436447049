//! Tests of the generated field tables: chaining, groups, typed handles.

use super::*;
use crate::Fields;

// Only the generated tables are under test.
#[allow(dead_code)]
#[derive(Fields, Default)]
struct Base {
    #[field(uri = "item:Subject", searchable)]
    subject: Option<String>,
    #[field(uri = "item:Categories", searchable)]
    categories: Vec<String>,
    not_addressable: Option<String>,
}

#[allow(dead_code)]
#[derive(Fields)]
struct Derived {
    #[field(base)]
    base: Base,
    #[field(
        uri = "message:IsRead",
        searchable,
        read_only_after_send,
        name = "is_read"
    )]
    r#read: Option<bool>,
    #[field(index = "contacts:PhoneNumber", labels = "BusinessPhone HomePhone")]
    phones: Vec<String>,
    #[field(
        uri = "item:Size",
        read_only,
        since = "Exchange2010_SP1",
        deprecated = "V2018_01_08"
    )]
    size: Option<i64>,
}

#[test]
fn tables_chain_and_describe_fields() {
    let names: Vec<_> = Derived::FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(
        names,
        ["subject", "categories", "is_read", "phones", "size"]
    );
    let cats = Derived::FIELDS.get("categories").unwrap();
    assert_eq!(
        cats.kind,
        Kind {
            value: ValueKind::Text,
            list: true
        }
    );
    let read = Derived::FIELDS.by_uri("message:IsRead").unwrap();
    assert!(
        read.flags
            .contains(FieldFlags::SEARCHABLE.with(FieldFlags::READ_ONLY_AFTER_SEND))
    );
    assert!(!read.is_read_only());
    let phones = Derived::FIELDS.get("phones").unwrap();
    assert_eq!(
        phones.uri,
        FieldUri::Indexed {
            uri: "contacts:PhoneNumber",
            labels: &["BusinessPhone", "HomePhone"]
        }
    );
    let size = Derived::FIELDS.get("size").unwrap();
    assert_eq!(size.kind.value, ValueKind::Int);
    assert!(!size.is_supported_by(ExchangeVersion::Exchange2010));
    assert!(size.is_supported_by(ExchangeVersion::Exchange2016));
    assert!(!size.is_supported_by(ExchangeVersion::V2018_01_08));
    assert!(Derived::FIELDS.get("not_addressable").is_none());
    assert_eq!(Derived::IS_READ.def().name, "is_read");
    assert_eq!(
        Base::CATEGORIES.def(),
        Derived::FIELDS.get("categories").unwrap()
    );
}

/// A run of fields shared by two types.
#[allow(dead_code)]
#[derive(Fields, Default)]
struct Times {
    #[field(uri = "calendar:Start", searchable, required)]
    start: Option<String>,
    #[field(uri = "calendar:End", searchable)]
    end: Option<String>,
}

/// Another run.
#[allow(dead_code)]
#[derive(Fields, Default)]
struct Place {
    #[field(uri = "calendar:Location", searchable)]
    location: Option<String>,
}

/// A type with a base, two groups and own fields between and after them.
#[allow(dead_code)]
#[derive(Fields, Default)]
struct Appointment {
    #[field(base)]
    base: Base,
    #[field(uri = "calendar:UID")]
    uid: Option<String>,
    #[field(group)]
    times: Times,
    #[field(uri = "calendar:IsResponseRequested")]
    is_response_requested: Option<bool>,
    #[field(group)]
    place: Place,
}

/// The same groups, only received: read-only.
#[allow(dead_code)]
#[derive(Fields, Default)]
struct Invitation {
    #[field(group, read_only)]
    times: Times,
    #[field(group, read_only)]
    place: Place,
    #[field(uri = "meeting:Kind")]
    kind: Option<String>,
}

#[test]
fn groups_take_their_place_among_the_own_fields() {
    let names: Vec<_> = Appointment::FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(
        names,
        [
            "subject",
            "categories",
            "uid",
            "start",
            "end",
            "is_response_requested",
            "location"
        ]
    );
    assert_eq!(Appointment::FIELDS.own.len(), 2);
    assert_eq!(Appointment::FIELDS.groups.len(), 2);
    assert_eq!(
        Appointment::FIELDS.get("start"),
        Times::FIELDS.get("start"),
        "a group's fields are its own table's"
    );
    let names: Vec<_> = Invitation::FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(names, ["start", "end", "location", "kind"]);
}

#[test]
fn a_read_only_group_keeps_names_uris_and_versions() {
    let given = Times::FIELDS.get("start").unwrap();
    let received = Invitation::FIELDS.get("start").unwrap();
    assert_eq!(
        (received.name, received.uri, received.kind, received.since),
        (given.name, given.uri, given.kind, given.since)
    );
    assert!(received.is_read_only() && received.is_searchable());
    assert!(!received.flags.contains(FieldFlags::REQUIRED));
    assert!(given.flags.contains(FieldFlags::REQUIRED) && !given.is_read_only());
    assert!(Invitation::FIELDS.get("location").unwrap().is_read_only());
    assert!(!Invitation::FIELDS.get("kind").unwrap().is_read_only());
}

#[test]
fn field_access_delegates_to_each_group_then_the_base() {
    let mut a = Appointment::default();
    a.base.subject = Some("Planning".into());
    a.times.end = Some("10:00".into());
    a.place.location = Some("Room 1".into());
    let text = |a: &Appointment, name: &str| {
        a.field(name)
            .and_then(|v| v.downcast_ref::<Option<String>>())
            .cloned()
            .flatten()
    };
    assert_eq!(text(&a, "subject").as_deref(), Some("Planning"));
    assert_eq!(text(&a, "end").as_deref(), Some("10:00"));
    assert_eq!(text(&a, "location").as_deref(), Some("Room 1"));
    assert!(a.field("nothing").is_none());

    let mut b = Appointment::default();
    b.place.location = Some("Room 2".into());
    assert!(a.swap_field("location", &mut b));
    assert_eq!(a.place.location.as_deref(), Some("Room 2"));
    assert!(a.swap_field("subject", &mut b));
    assert_eq!(b.base.subject.as_deref(), Some("Planning"));
    assert!(!a.swap_field("nothing", &mut b));
}
