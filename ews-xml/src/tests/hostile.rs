//! Hostile and broken input: DOCTYPEs, entities, limits on depth, sizes and counts,
//! characters XML does not allow, truncation and encodings.

use std::io::Read;

use super::read_err;
use crate::{Event, InvalidChars, Limit, Limits, ReadErrorKind, Reader, ReaderOptions};

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
