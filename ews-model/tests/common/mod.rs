//! Helpers shared by the item type tests (calendar items, contacts, tasks): documents,
//! round trips, requests and responses for the schema check, the ms-docs walk, strategies.
#![allow(dead_code)] // each test crate uses a part

use std::fmt::Debug;

use ews_model::properties::{Attendee, ItemId, Mailbox, ResponseType};
use ews_model::time::DateTime;
use ews_xml::soap::{self, RequestHeader};
use ews_xml::{Element, Event, Name, Reader, XmlRead, XmlWrite};
use jiff::Timestamp;
use proptest::prelude::*;

/// `value` written as the root element `name`.
pub(crate) fn write_doc<T: XmlWrite>(value: &T, name: Name<'_>) -> Vec<u8> {
    ews_xml::to_vec(value, name).unwrap()
}

/// The root element of `doc` read as a `T`, panicking with the document on error.
pub(crate) fn read_doc<T: XmlRead>(doc: &[u8]) -> T {
    ews_xml::from_slice(doc)
        .unwrap_or_else(|e| panic!("{e} reading {}", String::from_utf8_lossy(doc)))
}

/// Write, read, compare.
pub(crate) fn round_trip<T: XmlWrite + XmlRead + PartialEq + Debug>(value: &T, name: Name<'_>) {
    let doc = write_doc(value, name);
    let back: T = read_doc(&doc);
    assert_eq!(&back, value, "{}", String::from_utf8_lossy(&doc));
}

/// `m:CreateItem SendMeetingInvitations="SendToNone"` with `items` in `m:Items`.
pub(crate) fn create_item<T: XmlWrite>(items: &[(&str, &T)]) -> Vec<u8> {
    let mut out = Vec::new();
    soap::write_envelope(&mut out, &RequestHeader::new("Exchange2016"), |w| {
        w.start(Name::m("CreateItem"))?;
        w.attr("SendMeetingInvitations", "SendToNone")?;
        w.start(Name::m("Items"))?;
        for (name, item) in items {
            item.write_xml(w, Name::t(name))?;
        }
        w.end()?;
        w.end()
    })
    .unwrap();
    out
}

/// A successful `m:GetItemResponse` with `items` in its `m:Items`.
pub(crate) fn get_item_response<T: XmlWrite>(items: &[(&str, &T)]) -> Vec<u8> {
    let mut out = Vec::new();
    soap::write_response_envelope(&mut out, None, |w| {
        w.start(Name::m("GetItemResponse"))?;
        w.start(Name::m("ResponseMessages"))?;
        w.start(Name::m("GetItemResponseMessage"))?;
        w.attr("ResponseClass", "Success")?;
        w.element_text(Name::m("ResponseCode"), "NoError")?;
        w.start(Name::m("Items"))?;
        for (name, item) in items {
            item.write_xml(w, Name::t(name))?;
        }
        w.end()?;
        w.end()?;
        w.end()?;
        w.end()
    })
    .unwrap();
    out
}

/// Every `t:<local>` element of `doc`, read as a `T` (the element's content is consumed, so
/// nested elements of the same name are part of the outer one).
pub(crate) fn read_all<T: XmlRead>(doc: &[u8], local: &str) -> Result<Vec<T>, ews_xml::ReadError> {
    let mut r = Reader::from_bytes(doc);
    let mut out = Vec::new();
    loop {
        match r.next_event()? {
            Event::Start(tag) if tag.is(Name::t(local)) => out.push(T::read_xml(&mut r, &tag)?),
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// Every `t:<local>` element of every ms-docs sample, with the sample's file name.
pub(crate) fn ms_docs_items<T: XmlRead>(local: &str) -> Vec<(String, T)> {
    let mut all = Vec::new();
    for path in ews_test_support::ms_docs(None, "") {
        let doc = std::fs::read(&path).unwrap();
        let name = format!(
            "{}/{}",
            path.parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy(),
            path.file_name().unwrap().to_string_lossy()
        );
        let items = read_all::<T>(&doc, local).unwrap_or_else(|e| panic!("{name}: {e}"));
        all.extend(items.into_iter().map(|i| (name.clone(), i)));
    }
    all
}

/// An element tree parsed from `xml` (which must declare the `t` prefix itself or use it
/// through [`t_element`]).
pub(crate) fn element(xml: &str) -> Element {
    read_doc(xml.as_bytes())
}

/// An element in the types namespace: `t_element("EnhancedLocation", "<t:DisplayName>…")`.
pub(crate) fn t_element(local: &str, content: &str) -> Element {
    element(&format!(
        r#"<t:{local} xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">{content}</t:{local}>"#
    ))
}

/// A fixed instant plus `secs`.
pub(crate) fn at(secs: i64) -> DateTime {
    DateTime(Timestamp::from_second(1_700_000_000 + secs).unwrap())
}

// ---------------------------------------------------------------------------------------------
// Strategies

/// Text that survives XML: letters, digits, spaces inside, markup characters.
pub(crate) fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 .&<>'\"]{0,10}[A-Za-z0-9]?"
}

/// An optional [`text`].
pub(crate) fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

/// Whole seconds within about thirty years.
pub(crate) fn date_time() -> impl Strategy<Value = DateTime> {
    (-500_000_000_i64..500_000_000).prop_map(at)
}

/// An optional [`date_time`].
pub(crate) fn opt_date_time() -> impl Strategy<Value = Option<DateTime>> {
    proptest::option::of(date_time())
}

/// A mailbox with a name and an address.
pub(crate) fn mailbox() -> impl Strategy<Value = Mailbox> {
    (opt_text(), "[a-z]{1,8}@example\\.test").prop_map(|(name, address)| match name {
        Some(name) => Mailbox::named(name, address),
        None => Mailbox::new(address),
    })
}

/// An attendee, with or without a response.
pub(crate) fn attendee() -> impl Strategy<Value = Attendee> {
    let response = prop_oneof![
        Just(None),
        Just(Some(ResponseType::Accept)),
        Just(Some(ResponseType::NoResponseReceived)),
        Just(Some(ResponseType::Other("Future".into()))),
    ];
    (mailbox(), response).prop_map(|(m, r)| {
        let mut a = Attendee::new(m);
        a.response_type = r;
        a
    })
}

/// An item id.
pub(crate) fn item_id() -> impl Strategy<Value = ItemId> {
    "[A-Za-z0-9+/]{4,20}=".prop_map(ItemId::new)
}
