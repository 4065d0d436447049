//! Writing and reading helpers shared by the item and attachment tests.
#![allow(dead_code)]

use std::fmt::Debug;

use ews_xml::{Element, Name, Reader, XmlChoice, XmlRead, XmlWrite};

/// `value` written as the root element `name`.
pub(crate) fn write_doc<T: XmlWrite>(value: &T, name: Name<'_>) -> Vec<u8> {
    ews_xml::to_vec(value, name).unwrap()
}

/// The root element of `doc` read as a `T`, panicking with the document on error.
pub(crate) fn read_doc<T: XmlRead>(doc: &[u8]) -> T {
    ews_xml::from_slice(doc)
        .unwrap_or_else(|e| panic!("{e} reading {}", String::from_utf8_lossy(doc)))
}

/// Writes `value` as `name`, reads it back and checks it is equal.
pub(crate) fn round_trip<T: XmlWrite + XmlRead + PartialEq + Debug>(value: &T, name: Name<'_>) {
    let doc = write_doc(value, name);
    let back: T = read_doc(&doc);
    assert_eq!(&back, value, "{}", String::from_utf8_lossy(&doc));
}

/// A choice written as the root element.
pub(crate) fn write_choice_doc<T: XmlChoice>(value: &T) -> Vec<u8> {
    ews_xml::choice_to_vec(value).unwrap()
}

/// The root element of `doc` read as a choice `T`.
pub(crate) fn read_choice_doc<T: XmlChoice>(doc: &[u8]) -> T {
    ews_xml::choice_from_slice(doc)
        .unwrap_or_else(|e| panic!("{e} reading {}", String::from_utf8_lossy(doc)))
}

/// Writes a choice, reads it back and checks it is equal.
pub(crate) fn choice_round_trip<T: XmlChoice + PartialEq + Debug>(value: &T) {
    let doc = write_choice_doc(value);
    let back: T = read_choice_doc(&doc);
    assert_eq!(&back, value, "{}", String::from_utf8_lossy(&doc));
}

/// Parses one element from XML text.
pub(crate) fn element(xml: &str) -> Element {
    let mut r = Reader::from_bytes(xml.as_bytes());
    let root = r.root().unwrap();
    Element::read_xml(&mut r, &root).unwrap()
}
