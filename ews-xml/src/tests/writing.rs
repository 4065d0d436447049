//! Writing documents: escaping, misuse, streamed base64.

use std::io::Read;

use crate::{Name, Ns, Reader, Writer};

#[test]
fn writer_escapes_and_round_trips() {
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    w.declaration().unwrap();
    w.start(Name::m("GetItem")).unwrap();
    w.attr("Note", "a\"b<c>&\t\n\r").unwrap();
    w.start(Name::t("Subject")).unwrap();
    w.text("1 < 2 && 3 > 2 ]]> \r\n \u{1} \u{FFFF} \u{20AC}")
        .unwrap();
    w.end().unwrap();
    w.start(Name::new(Ns::Errors, "ResponseCode")).unwrap();
    w.end().unwrap();
    w.start_uri("urn:custom", "Thing").unwrap();
    w.attr_uri("urn:custom", "flag", "yes").unwrap();
    w.start_uri("urn:custom", "Inner").unwrap();
    w.end().unwrap();
    w.end().unwrap();
    w.end().unwrap();
    assert_eq!(w.replaced_chars(), 2);
    w.finish().unwrap();
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(text.starts_with(r#"<?xml version="1.0" encoding="utf-8"?><m:GetItem xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Note="a&quot;b&lt;c&gt;&amp;&#x9;&#xA;&#xD;">"#), "{text}");
    assert!(text.contains(
        r#"<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors"/>"#
    ));
    assert!(
        text.contains(
            r#"<ns1:Thing xmlns:ns1="urn:custom" ns1:flag="yes"><ns1:Inner/></ns1:Thing>"#
        ),
        "{text}"
    );

    let mut r = Reader::from_bytes(&out);
    let root = r.root().unwrap();
    assert_eq!(root.attr("Note"), Some("a\"b<c>&\t\n\r"));
    let s = r.next_child().unwrap().unwrap();
    assert!(s.is(Name::t("Subject")));
    assert_eq!(
        r.read_text().unwrap(),
        "1 < 2 && 3 > 2 ]]> \r\n \u{FFFD} \u{FFFD} \u{20AC}"
    );
}

#[test]
fn writer_refuses_misuse() {
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    assert!(w.end().is_err());
    assert!(w.text("x").is_err());
    w.start(Name::t("A")).unwrap();
    w.text("x").unwrap();
    assert!(w.attr("late", "1").is_err());
    assert!(w.start_uri("urn:x", "bad name").is_err());
    assert!(w.start_uri("urn:x", "1st").is_err());
    assert!(w.finish().is_err());
}

#[test]
fn base64_is_streamed_in_chunks() {
    let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    w.start(Name::t("Content")).unwrap();
    // A source that hands out odd-sized pieces.
    struct Odd<'a>(&'a [u8]);
    impl Read for Odd<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(7777);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    assert_eq!(w.base64_from(&mut Odd(&data)).unwrap(), data.len() as u64);
    w.end().unwrap();
    w.finish().unwrap();
    let mut r = Reader::from_bytes(&out);
    r.root().unwrap();
    assert_eq!(r.read_base64().unwrap(), data);
}
