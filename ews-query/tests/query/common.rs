//! The test item type: a field of every kind, its field table and its `FieldValues`.

use ews_model::Fields;
use ews_model::extended::ExtendedFieldUri;
use ews_model::fields::{
    Field, FieldDef, FieldFlags, FieldTable, FieldUri, HasFields, Kind, ValueKind,
};
use ews_model::operations::{BaseShape, ItemShape};
use ews_model::properties::{DistinguishedFolderId, DistinguishedFolderIdName, Importance};
use ews_model::restriction::Restriction;
use ews_model::time::{Date, DateTime};
use ews_model::view::{ItemView, QueryString, SortOrder};
use ews_query::{FieldValues, Value};
use ews_xml::soap::{self, RequestHeader};
use ews_xml::{Name, XmlChoice, XmlElement, XmlWrite};

/// An item with a field of each kind.
#[derive(Fields, Clone, Debug, Default, PartialEq)]
pub(crate) struct Item {
    #[field(uri = "item:Subject", searchable)]
    pub subject: Option<String>,
    #[field(uri = "item:Body", searchable)]
    pub body: Option<String>,
    #[field(uri = "item:Categories", searchable)]
    pub categories: Vec<String>,
    #[field(uri = "message:IsRead", searchable)]
    pub is_read: Option<bool>,
    #[field(uri = "item:Size", searchable, read_only)]
    pub size: Option<i32>,
    #[field(uri = "item:DateTimeReceived", searchable, read_only)]
    pub datetime_received: Option<DateTime>,
    #[field(uri = "calendar:Start", searchable)]
    pub start: Option<DateTime>,
    #[field(uri = "calendar:End", searchable)]
    pub end: Option<DateTime>,
    #[field(uri = "task:DueDate", searchable)]
    pub due_date: Option<Date>,
    #[field(uri = "message:Sender", searchable)]
    pub sender: Option<String>,
    #[field(uri = "item:ReminderNextTime", searchable, since = "Exchange2013")]
    pub reminder_next_time: Option<DateTime>,
    #[field(uri = "item:MimeContent")]
    pub mime_content: Option<Vec<u8>>,
    #[field(
        index = "contacts:PhoneNumber",
        labels = "BusinessPhone CarPhone HomePhone MobilePhone",
        searchable
    )]
    pub phone_numbers: Entries<(String, String)>,
    #[field(
        index = "contacts:PhysicalAddress",
        labels = "Home Business Other",
        searchable
    )]
    pub physical_addresses: Entries<(String, String, String)>,
    /// Extended properties: (tag, value).
    pub extended: Vec<(u16, Value)>,
    /// `importance`, from the hand-written part of the table.
    pub importance: Option<Importance>,
}

/// A stand-in for the model's dictionaries (phone numbers, addresses).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Entries<T>(pub Vec<T>);

impl<T> ews_model::fields::FieldValue for Entries<T> {
    const KIND: Kind = Kind::single(ValueKind::Indexed);
}

/// A field the derive cannot describe yet (the model's enums have no `FieldValue` here).
pub(crate) static IMPORTANCE_DEF: FieldDef = FieldDef::new(
    "importance",
    FieldUri::Unindexed("item:Importance"),
    Kind::enumeration(&["Low", "Normal", "High"]),
)
.with_flags(FieldFlags::SEARCHABLE);

/// The typed handle of `importance`.
pub(crate) const IMPORTANCE: Field<Option<Importance>> = Field::new(&IMPORTANCE_DEF);

static EXTRA: [FieldDef; 1] = [FieldDef::new(
    "importance",
    FieldUri::Unindexed("item:Importance"),
    Kind::enumeration(&["Low", "Normal", "High"]),
)
.with_flags(FieldFlags::SEARCHABLE)];

static BASE: FieldTable = Item::FIELDS;

/// The full table: the derived fields plus `importance`.
pub(crate) static TABLE: FieldTable = FieldTable {
    own: &EXTRA,
    base: Some(&BASE),
    groups: &[],
};

impl FieldValues for Item {
    fn value(&self, field: &FieldDef, index: Option<&str>) -> Option<Value> {
        let text = |s: &Option<String>| s.clone().map(Value::Text);
        match (field.name, index) {
            ("subject", None) => text(&self.subject),
            ("body", None) => text(&self.body),
            ("sender", None) => text(&self.sender),
            ("categories", None) => Some(Value::from(self.categories.clone())),
            ("is_read", None) => self.is_read.map(Value::Bool),
            ("size", None) => self.size.map(Value::from),
            ("datetime_received", None) => self.datetime_received.map(Value::DateTime),
            ("start", None) => self.start.map(Value::DateTime),
            ("end", None) => self.end.map(Value::DateTime),
            ("reminder_next_time", None) => self.reminder_next_time.map(Value::DateTime),
            ("due_date", None) => self.due_date.map(Value::Date),
            ("importance", None) => self.importance.clone().map(Value::from),
            ("phone_numbers", Some(i)) => self
                .phone_numbers
                .0
                .iter()
                .find(|(k, _)| k == i)
                .map(|(_, v)| Value::Text(v.clone())),
            _ => None,
        }
    }

    fn component(&self, field: &FieldDef, index: &str, part: &str) -> Option<Value> {
        (field.name == "physical_addresses").then_some(())?;
        self.physical_addresses
            .0
            .iter()
            .find(|(k, p, _)| k == index && p == part)
            .map(|(_, _, v)| Value::Text(v.clone()))
    }

    fn extended(&self, uri: &ExtendedFieldUri) -> Option<Value> {
        let ews_model::extended::PropertyAddress::Tag(tag) = uri.address() else {
            return None;
        };
        self.extended
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, v)| v.clone())
    }
}

/// The sample item most lookup tests run against.
pub(crate) fn sample() -> Item {
    Item {
        subject: Some("Quarterly Budget Review".into()),
        body: Some("see the attached sheet".into()),
        categories: vec!["Red".into(), "Blue".into()],
        is_read: Some(true),
        size: Some(2048),
        datetime_received: Some("2026-03-01T10:00:00Z".parse().unwrap()),
        start: Some("2026-03-02T09:00:00Z".parse().unwrap()),
        end: Some("2026-03-02T10:00:00Z".parse().unwrap()),
        due_date: Some("2026-03-15".parse().unwrap()),
        sender: Some("sadie@contoso.com".into()),
        reminder_next_time: None,
        mime_content: None,
        phone_numbers: Entries(vec![("CarPhone".into(), "+1 555 0100".into())]),
        physical_addresses: Entries(vec![(
            "Home".into(),
            "street".into(),
            "12 Elm Street".into(),
        )]),
        extended: vec![(0x1090, Value::Int(2))],
        importance: Some(Importance::High),
    }
}

/// What a FindItem request holds besides its shape and folder.
#[derive(Default)]
pub(crate) struct Find<'a> {
    pub view: Option<&'a ItemView>,
    pub restriction: Option<&'a Restriction>,
    pub sort: Option<&'a SortOrder>,
    pub query: Option<&'a QueryString>,
}

/// A whole `m:FindItem` request, in schema order.
pub(crate) fn find_item(f: &Find<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    soap::write_envelope(&mut out, &RequestHeader::new("Exchange2016"), |w| {
        w.start(Name::m("FindItem"))?;
        w.attr("Traversal", "Shallow")?;
        ItemShape::new(BaseShape::IdOnly).write_xml(w, Name::m("ItemShape"))?;
        if let Some(v) = f.view {
            v.write_choice(w)?;
        }
        if let Some(r) = f.restriction {
            r.write_xml(w, Name::m("Restriction"))?;
        }
        if let Some(s) = f.sort {
            s.write_xml(w, Name::m("SortOrder"))?;
        }
        w.start(Name::m("ParentFolderIds"))?;
        DistinguishedFolderId::new(DistinguishedFolderIdName::Inbox)
            .write_xml(w, DistinguishedFolderId::NAME)?;
        w.end()?;
        if let Some(q) = f.query {
            q.write_xml(w, Name::m("QueryString"))?;
        }
        w.end()
    })
    .unwrap();
    out
}
