//! Entry points for the fuzz targets in `fuzz/fuzz_targets/` (not a public API).

use ews_model::Fields;
use ews_model::fields::HasFields;
use ews_model::restriction::Restriction;
use ews_model::time::{Date, DateTime};
use ews_model::version::ExchangeVersion;
use ews_xml::{Reader, XmlRead};

use crate::{Q, Value, compile, parse, parse_field_lookup};

/// A field table with one field of each kind, for the restriction oracle.
#[derive(Fields)]
#[allow(dead_code, unreachable_pub)]
pub struct FuzzItem {
    #[field(uri = "item:Subject", searchable)]
    subject: Option<String>,
    #[field(uri = "item:Categories", searchable)]
    categories: Vec<String>,
    #[field(uri = "message:IsRead", searchable)]
    is_read: Option<bool>,
    #[field(uri = "item:Size", searchable)]
    size: Option<i32>,
    #[field(uri = "item:DateTimeReceived", searchable)]
    datetime_received: Option<DateTime>,
    #[field(uri = "task:DueDate", searchable)]
    due_date: Option<Date>,
    #[field(
        index = "contacts:PhoneNumber",
        labels = "CarPhone HomePhone",
        searchable
    )]
    phone_numbers: Option<String>,
    #[field(
        index = "contacts:PhysicalAddress",
        labels = "Home Business",
        searchable
    )]
    physical_addresses: Option<String>,
}

/// Parses `data` as a `field__lookup` string; whatever parses must print back to the same
/// path (without its lookup) and build a query with a text value without panicking.
pub fn field_lookup(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((target, lookup)) = parse_field_lookup(s) {
        let path = target.display();
        assert!(s.starts_with(&path), "{s:?} -> {path:?}");
        let _ = lookup.apply(target, Value::Text("x".into()));
        let _ = Q::lookup(s, Value::List(vec![]));
    }
}

/// Reads a restriction from `data`; when it parses into a query that compiles, the compiled
/// restriction must parse back into the simplified query (the round-trip oracle).
pub fn restriction(data: &[u8]) {
    let mut r = Reader::from_bytes(data);
    let Ok(root) = r.root() else { return };
    let Ok(restriction) = Restriction::read_xml(&mut r, &root) else {
        return;
    };
    let table = FuzzItem::FIELDS;
    let Ok(q) = parse(&restriction, &table) else {
        return;
    };
    match compile(&q, &table, ExchangeVersion::Exchange2016) {
        Ok(crate::Compiled::Restriction(again)) => {
            let back = parse(&again, &table).map(|q| q.simplified());
            assert_eq!(back, Ok(q.simplified()), "{restriction:?} -> {again:?}");
        }
        Ok(_) => {}
        Err(e) => panic!("a parsed restriction does not compile: {e}"),
    }
}
