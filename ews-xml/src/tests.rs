//! Reader and writer tests, hostile inputs first.

use std::io::Read;

use crate::soap::{self, ResponseBody};
use crate::{
    Event, InvalidChars, Limit, Limits, Name, Ns, ReadErrorKind, Reader, ReaderOptions, Writer,
};

fn events(doc: &[u8]) -> Result<Vec<Event>, crate::ReadError> {
    let mut r = Reader::from_bytes(doc);
    let mut out = Vec::new();
    loop {
        match r.next_event()? {
            Event::Eof => return Ok(out),
            ev => out.push(ev),
        }
    }
}

fn read_err(doc: &[u8]) -> crate::ReadError {
    Reader::from_bytes(doc).read_to_end().unwrap_err()
}

fn strict(doc: &[u8]) -> Result<(), crate::ReadError> {
    let options = ReaderOptions {
        invalid_chars: InvalidChars::Reject,
        ..Default::default()
    };
    Reader::with_options(doc, options).read_to_end()
}

fn text_of(doc: &[u8]) -> String {
    let mut r = Reader::from_bytes(doc);
    r.root().unwrap();
    r.read_text().unwrap()
}

/// A source that claims a huge document without holding it: a prefix, then `fill` bytes
/// generated on demand.
struct Generated {
    prefix: Vec<u8>,
    at: usize,
    fill: u8,
    remaining: u64,
    served: u64,
}

impl Generated {
    fn new(prefix: &[u8], fill: u8, len: u64) -> Self {
        Self {
            prefix: prefix.to_vec(),
            at: 0,
            fill,
            remaining: len,
            served: 0,
        }
    }
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = if self.at < self.prefix.len() {
            let n = (self.prefix.len() - self.at).min(buf.len());
            buf[..n].copy_from_slice(&self.prefix[self.at..self.at + n]);
            self.at += n;
            n
        } else {
            let n = (self.remaining.min(buf.len() as u64)) as usize;
            buf[..n].fill(self.fill);
            self.remaining -= n as u64;
            n
        };
        self.served += n as u64;
        Ok(n)
    }
}

#[test]
fn doctype_with_entities_is_refused() {
    let doc = br#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<lolz>&lol2;</lolz>"#;
    assert!(matches!(read_err(doc).kind(), ReadErrorKind::Doctype));
    let xxe = br#"<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>"#;
    assert!(matches!(read_err(xxe).kind(), ReadErrorKind::Doctype));
    let html = b"<!DOCTYPE html><html><body>Error</body></html>";
    assert!(matches!(read_err(html).kind(), ReadErrorKind::Doctype));
}

#[test]
fn a_second_root_element_is_a_syntax_error() {
    for doc in [
        &b"<a/><b/>"[..],
        b"<a></a><a></a>",
        b"<a/>\n<!-- c -->\n<b>x</b>",
    ] {
        let err = read_err(doc);
        assert!(matches!(err.kind(), ReadErrorKind::Syntax(_)), "{err:?}");
    }
}

#[test]
fn undeclared_entities_are_syntax_errors() {
    let err = read_err(b"<a>&lol;</a>");
    assert!(matches!(err.kind(), ReadErrorKind::Syntax(_)), "{err:?}");
    assert_eq!(err.path(), "a");
}

#[test]
fn deep_nesting_stops_at_the_depth_limit() {
    let mut doc = Vec::new();
    for _ in 0..100_000 {
        doc.extend_from_slice(b"<a>");
    }
    for _ in 0..100_000 {
        doc.extend_from_slice(b"</a>");
    }
    let err = read_err(&doc);
    assert!(
        matches!(
            err.kind(),
            ReadErrorKind::Limit {
                limit: Limit::Depth,
                max: 128
            }
        ),
        "{err:?}"
    );
    // The tokenizer saw no more than the limit.
    assert!(err.position().offset < 200 * 3, "{:?}", err.position());
    // Prefixed and self-closing elements are counted alike; siblings do not add up.
    let mut ok = Vec::new();
    for _ in 0..100 {
        ok.extend_from_slice(b"<t:a xmlns:t=\"urn:x\"><b/><c x='1'/>");
    }
    for _ in 0..100 {
        ok.extend_from_slice(b"</t:a>");
    }
    Reader::from_bytes(&ok).read_to_end().unwrap();
}

#[test]
fn a_huge_attribute_is_cut_off_early() {
    let mut src = Generated::new(b"<a b=\"", b'x', 1 << 30);
    let err = Reader::new(&mut src).read_to_end().unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ReadErrorKind::Limit {
                limit: Limit::AttributeLength,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        src.served < 1 << 20,
        "read {} bytes of a 1 GB attribute",
        src.served
    );

    // The same claim on a short stream: the document simply ends.
    let err = read_err(b"<a b=\"xxxxxxxxxxxxxxxx");
    assert!(matches!(err.kind(), ReadErrorKind::Truncated), "{err:?}");
}

#[test]
fn huge_text_and_documents_are_cut_off_early() {
    let limits = Limits {
        max_text_len: 1000,
        ..Limits::default()
    };
    let mut src = Generated::new(b"<a>", b'x', 1 << 30);
    let options = ReaderOptions {
        limits,
        ..Default::default()
    };
    let err = Reader::with_options(&mut src, options)
        .read_to_end()
        .unwrap_err();
    assert!(matches!(
        err.kind(),
        ReadErrorKind::Limit {
            limit: Limit::TextLength,
            max: 1000
        }
    ));
    assert!(src.served < 1 << 20);

    let limits = Limits {
        max_document_size: 10_000,
        ..Limits::default()
    };
    let mut src = Generated::new(b"<a>", b' ', 1 << 30);
    let options = ReaderOptions {
        limits,
        ..Default::default()
    };
    let err = Reader::with_options(&mut src, options)
        .read_to_end()
        .unwrap_err();
    assert!(matches!(
        err.kind(),
        ReadErrorKind::Limit {
            limit: Limit::DocumentSize,
            ..
        }
    ));
    assert!(src.served <= 10_000 + 16 * 1024);

    // Comments count as text runs too.
    let limits = Limits {
        max_text_len: 100,
        ..Limits::default()
    };
    let options = ReaderOptions {
        limits,
        ..Default::default()
    };
    let doc = format!("<a><!--{}--></a>", "c".repeat(500));
    let err = Reader::with_options(doc.as_bytes(), options)
        .read_to_end()
        .unwrap_err();
    assert!(matches!(
        err.kind(),
        ReadErrorKind::Limit {
            limit: Limit::TextLength,
            ..
        }
    ));
}

#[test]
fn attribute_and_namespace_counts_are_limited() {
    let attrs: String = (0..100).map(|i| format!(" a{i}=\"v\"")).collect();
    let err = read_err(format!("<e{attrs}/>").as_bytes());
    assert!(matches!(
        err.kind(),
        ReadErrorKind::Limit {
            limit: Limit::Attributes,
            max: 64
        }
    ));

    let decls: String = (0..40)
        .map(|i| format!(" xmlns:p{i}=\"urn:{i}\""))
        .collect();
    let doc = format!(
        "<a{decls}><a{decls}><a{decls}><a{decls}><a{decls}><a{decls}><b{decls}/></a></a></a></a></a></a>"
    );
    let err = read_err(doc.as_bytes());
    assert!(
        matches!(
            err.kind(),
            ReadErrorKind::Limit {
                limit: Limit::NamespaceDeclarations,
                max: 256
            }
        ),
        "{err:?}"
    );
    // Declarations leave scope with their element.
    let doc: String = (0..10).map(|_| format!("<b{decls}/>")).collect();
    Reader::from_bytes(format!("<a>{doc}</a>").as_bytes())
        .read_to_end()
        .unwrap();
}

#[test]
fn invalid_characters_are_replaced_or_rejected() {
    // Raw control characters, as Exchange sends them in subjects.
    assert_eq!(
        text_of(b"<s>a\x01b\x1Fc\x00</s>"),
        "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
    );
    let err = strict(b"<s>a\x01b</s>").unwrap_err();
    assert!(
        matches!(err.kind(), ReadErrorKind::InvalidChar(1)),
        "{err:?}"
    );
    // Character references to forbidden characters.
    assert_eq!(
        text_of(b"<s>a&#x1;b&#31;c&#xFFFF;&#xD800;</s>"),
        "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}"
    );
    assert!(matches!(
        strict(b"<s>&#x1;</s>").unwrap_err().kind(),
        ReadErrorKind::InvalidChar(1)
    ));
    assert!(matches!(
        strict(b"<s>&#0;</s>").unwrap_err().kind(),
        ReadErrorKind::InvalidChar(0)
    ));
    assert!(matches!(
        strict(b"<s>&#99999999999;</s>").unwrap_err().kind(),
        ReadErrorKind::InvalidChar(_)
    ));
    // In attribute values too.
    let mut r = Reader::from_bytes(b"<a Name=\"x&#x8;y\x02\"/>");
    let root = r.root().unwrap();
    assert_eq!(root.attr("Name"), Some("x\u{FFFD}y\u{FFFD}"));
    // Allowed references and entities pass untouched, in every position of a chunk.
    assert_eq!(
        text_of(b"<s>&#x9;&#10;&#xD;&#x20AC;&amp;&lt;&#65;</s>"),
        "\t\n\r\u{20AC}&<A"
    );
    strict(b"<s>&#x9;&#x20AC;&amp;</s>").unwrap();
}

#[test]
fn references_split_across_chunks_are_handled() {
    // Place a reference across the 16 KiB chunk boundary at every offset.
    for shift in 0..12 {
        let mut doc = b"<s>".to_vec();
        doc.resize(16 * 1024 - shift, b'x');
        doc.extend_from_slice(b"&#x1;&#x20AC;\x01</s>");
        let text = text_of(&doc);
        assert!(text.ends_with("x\u{FFFD}\u{20AC}\u{FFFD}"), "shift {shift}");
    }
}

#[test]
fn truncated_documents_fail_cleanly_at_every_cut() {
    let doc = br#"<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:R xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" A="1">t&amp;x<![CDATA[<c>]]><!--c--></m:R></s:Body></s:Envelope>"#;
    events(doc).unwrap();
    for cut in 0..doc.len() {
        let err = events(&doc[..cut]).unwrap_err();
        assert!(err.is_malformed(), "cut {cut}: {err:?}");
    }
}

#[test]
fn encodings_other_than_utf8_are_refused() {
    let err = read_err(&[0xFF, 0xFE, b'<', 0, b'a', 0, b'/', 0, b'>', 0]);
    assert!(matches!(err.kind(), ReadErrorKind::Encoding(_)), "{err:?}");
    let err = read_err(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>");
    assert!(matches!(err.kind(), ReadErrorKind::Encoding(_)), "{err:?}");
    // A UTF-8 byte order mark is fine.
    Reader::from_bytes(b"\xEF\xBB\xBF<a/>")
        .read_to_end()
        .unwrap();
    let err = read_err(b"<a>\xC3\x28</a>");
    assert!(err.is_malformed(), "{err:?}");
}

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

#[test]
fn envelopes_with_every_header_round_trip() {
    use crate::soap::{
        DateTimePrecision, Impersonation, ManagementRole, RequestHeader, TimeZoneContext,
    };
    let mut header =
        RequestHeader::new("Exchange2013_SP1").impersonate(Impersonation::Sid("S-1-5-21-1".into()));
    header.time_zone = Some(TimeZoneContext::new("Pacific Standard Time"));
    header.management_role = Some(ManagementRole {
        user_roles: vec!["UserRole".into()],
        application_roles: vec!["MailboxSearchApplication".into()],
    });
    header.date_time_precision = Some(DateTimePrecision::Milliseconds);
    let mut out = Vec::new();
    soap::write_envelope(&mut out, &header, |w| {
        w.start(Name::m("GetServerTimeZones"))?;
        w.end()
    })
    .unwrap();
    ews_test_support::assert_valid("envelope-all-headers", &out);

    let mut r = Reader::from_bytes(&out);
    r.root().unwrap();
    let h = r.next_child().unwrap().unwrap();
    let back = <RequestHeader as crate::XmlRead>::read_xml(&mut r, &h).unwrap();
    assert_eq!(back, header);

    for who in [
        Impersonation::PrincipalName("alice@corp.test".into()),
        Impersonation::PrimarySmtpAddress("alice@example.test".into()),
        Impersonation::SmtpAddress("al@example.test".into()),
    ] {
        let header = RequestHeader::new("Exchange2016").impersonate(who);
        let mut out = Vec::new();
        soap::write_envelope(&mut out, &header, |w| {
            w.element_text(Name::m("GetServerTimeZones"), "")
        })
        .unwrap();
        ews_test_support::assert_valid("envelope-impersonation", &out);
    }
}

#[test]
fn html_and_other_non_soap_bodies_are_reported_with_their_start() {
    let cases: [(&[u8], &str); 5] = [
        (
            b"<!DOCTYPE html><html><head><title>Server Error</title></head></html>",
            "an HTML page",
        ),
        (b"<html><body>502 Bad Gateway</body></html>", "an HTML page"),
        (b"Service Unavailable", "text"),
        (b"", "an empty body"),
        (
            b"<Autodiscover xmlns=\"urn:x\"/>",
            "a <{urn:x}Autodiscover> document",
        ),
    ];
    for (body, what) in cases {
        match soap::read_response(body) {
            Err(soap::SoapError::NotSoap { what: w, head }) => {
                assert_eq!(w, what);
                assert_eq!(head, String::from_utf8_lossy(body).trim());
            }
            other => panic!("{what}: {other:?}"),
        }
    }
}

#[test]
fn faults_round_trip_and_validate() {
    let fault = soap::Fault {
        code: "a:ErrorServerBusy".into(),
        string: "The server cannot service this request right now. Try again later.".into(),
        detail_code: Some(crate::ResponseCode::ErrorServerBusy),
        detail_message: Some("busy".into()),
        message_xml: Some(soap::MessageXml {
            entries: vec![("BackOffMilliseconds".into(), "12000".into())],
        }),
        ..Default::default()
    };
    let version = soap::ServerVersionInfo {
        major_version: Some(15),
        minor_version: Some(20),
        major_build_number: Some(5),
        minor_build_number: Some(0),
        version: Some("V2018_01_08".into()),
    };
    let mut out = Vec::new();
    soap::write_fault(&mut out, Some(&version), &fault).unwrap();
    ews_test_support::assert_valid("fault", &out);
    let resp = soap::read_response(&out[..]).unwrap();
    assert_eq!(resp.server_version, Some(version));
    let ResponseBody::Fault(back) = resp.body else {
        panic!("not a fault")
    };
    assert_eq!(back.code, "t:ErrorServerBusy");
    assert_eq!(
        back.back_off(),
        Some(std::time::Duration::from_millis(12000))
    );
    assert_eq!(back.detail_message.as_deref(), Some("busy"));
}

#[test]
fn fuzz_entry_points_accept_samples() {
    crate::fuzzing::reader_round_trip(
        b"<a xmlns='urn:d' xmlns:p='urn:p' p:x='1\t2'>t&amp;<b/>\r\n<p:c>x</p:c><![CDATA[]]></a>",
    );
    crate::fuzzing::reader_round_trip(b"<a>\x01&#x2;</a>");
    crate::fuzzing::soap_response(b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>x</faultstring></s:Fault></s:Body></s:Envelope>");
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
