//! Writing and reading helpers shared by the item and attachment tests.
#![allow(dead_code)]

use std::fmt::Debug;

use ews_xml::{Element, Name, Reader, Writer, XmlChoice, XmlRead, XmlWrite};

/// `value` written as the root element `name`.
pub(crate) fn write_doc<T: XmlWrite>(value: &T, name: Name<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    value.write_xml(&mut w, name).unwrap();
    w.finish().unwrap();
    out
}

/// The root element of `doc` read as a `T`.
pub(crate) fn read_doc<T: XmlRead>(doc: &[u8]) -> T {
    let mut r = Reader::from_bytes(doc);
    let root = r.root().unwrap();
    let value = T::read_xml(&mut r, &root)
        .unwrap_or_else(|e| panic!("{e} reading {}", String::from_utf8_lossy(doc)));
    r.read_to_end().unwrap();
    value
}

/// Writes `value` as `name`, reads it back and checks it is equal.
pub(crate) fn round_trip<T: XmlWrite + XmlRead + PartialEq + Debug>(value: &T, name: Name<'_>) {
    let doc = write_doc(value, name);
    let back: T = read_doc(&doc);
    assert_eq!(&back, value, "{}", String::from_utf8_lossy(&doc));
}

/// A choice written as the root element.
pub(crate) fn write_choice_doc<T: XmlChoice>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    value.write_choice(&mut w).unwrap();
    w.finish().unwrap();
    out
}

/// The root element of `doc` read as a choice `T`.
pub(crate) fn read_choice_doc<T: XmlChoice>(doc: &[u8]) -> T {
    let mut r = Reader::from_bytes(doc);
    let root = r.root().unwrap();
    assert!(T::matches(&root), "{}", String::from_utf8_lossy(doc));
    let value = T::read_choice(&mut r, &root)
        .unwrap_or_else(|e| panic!("{e} reading {}", String::from_utf8_lossy(doc)));
    r.read_to_end().unwrap();
    value
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
