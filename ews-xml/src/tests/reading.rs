//! Reading well-formed documents: names by namespace, error paths and positions, skipping,
//! text, values and generic elements.

use super::read_err;
use crate::{Event, Name, Ns, ReadErrorKind, Reader, Writer};

#[test]
fn names_match_by_namespace_not_prefix() {
    let docs: [&[u8]; 3] = [
        br#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><t:Subject xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"/></soap:Body></soap:Envelope>"#,
        br#"<x:Envelope xmlns:x="http://schemas.xmlsoap.org/soap/envelope/"><x:Body><Subject xmlns="http://schemas.microsoft.com/exchange/services/2006/types"/></x:Body></x:Envelope>"#,
        br#"<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><q:Subject xmlns:q="http://schemas.microsoft.com/exchange/services/2006/types"/></Body></Envelope>"#,
    ];
    for doc in docs {
        let mut r = Reader::from_bytes(doc);
        assert!(r.root().unwrap().is(Name::soap("Envelope")));
        assert!(r.next_child().unwrap().unwrap().is(Name::soap("Body")));
        let s = r.next_child().unwrap().unwrap();
        assert!(s.is(Name::t("Subject")));
        assert!(!s.is(Name::m("Subject")));
        assert_eq!(r.path(), "Envelope/Body/Subject");
    }
    // An unknown namespace keeps its URI and never matches a known name.
    let mut r = Reader::from_bytes(b"<a:Subject xmlns:a=\"urn:other\"/>");
    let s = r.root().unwrap();
    assert_eq!((s.ns(), s.name().namespace_uri()), (Ns::Other, "urn:other"));
    assert!(!s.is(Name::new(Ns::Other, "Subject")));
}

#[test]
fn errors_carry_path_and_position() {
    let doc = b"<a>\n <b>\n  <c x='1' x='2'></c></b></a>";
    let err = read_err(doc);
    assert_eq!(err.path(), "a/b");
    assert_eq!(err.position().line, 3);
    let shown = err.to_string();
    assert!(
        shown.contains("at a/b") && shown.contains("line 3"),
        "{shown}"
    );

    let err = read_err(b"<a><b></c></a>");
    assert!(matches!(err.kind(), ReadErrorKind::Syntax(_)));
    assert_eq!(err.path(), "a/b");
}

#[test]
fn skipping_and_text_reading() {
    let doc = b"<r><skip><deep><er>x</er></deep></skip><t>a<i>ignored</i>b</t><empty/></r>";
    let mut r = Reader::from_bytes(doc);
    r.root().unwrap();
    r.next_child().unwrap().unwrap();
    r.skip_element().unwrap();
    let t = r.next_child().unwrap().unwrap();
    assert_eq!(t.local_name(), "t");
    assert_eq!(r.read_text().unwrap(), "ab");
    let e = r.next_child().unwrap().unwrap();
    assert_eq!(e.local_name(), "empty");
    assert_eq!(r.read_text().unwrap(), "");
    assert!(r.next_child().unwrap().is_none());
    assert_eq!(r.next_event().unwrap(), Event::Eof);
    assert_eq!(r.next_event().unwrap(), Event::Eof);
}

#[test]
fn value_errors_name_the_element() {
    let doc = b"<m:R xmlns:m='http://schemas.microsoft.com/exchange/services/2006/messages'><m:Count>12x</m:Count></m:R>";
    let mut r = Reader::from_bytes(doc);
    r.root().unwrap();
    let c = r.next_child().unwrap().unwrap();
    let err = <u32 as crate::XmlRead>::read_xml(&mut r, &c).unwrap_err();
    assert_eq!(err.path(), "R/Count");
    assert!(matches!(err.kind(), ReadErrorKind::InvalidValue { value, .. } if value == "12x"));
}

#[test]
fn generic_elements_round_trip() {
    use crate::{Element, XmlChoice, XmlRead};
    let doc = br#"<t:Future xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:x="urn:x" Kind="a&amp;b" x:flag="1"><t:Part>1 &lt; 2</t:Part>text<x:Other/></t:Future>"#;
    let mut r = Reader::from_bytes(doc);
    let start = r.root().unwrap();
    let e = Element::read_xml(&mut r, &start).unwrap();
    assert_eq!(e.attr("Kind"), Some("a&b"));
    assert_eq!(e.text().as_deref(), Some("text"));
    assert_eq!(e.elements().count(), 2);
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    e.write_choice(&mut w).unwrap();
    w.finish().unwrap();
    let mut r = Reader::from_bytes(&out);
    let start = r.root().unwrap();
    assert_eq!(Element::read_xml(&mut r, &start).unwrap(), e);
}
