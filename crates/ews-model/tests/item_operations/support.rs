//! Shared helpers: writing, reading and collecting documents of the item operations.

use std::fmt::Debug;
use std::path::{Path, PathBuf};

use ews_model::operations::Operation;
use ews_test_support::Collector;
use ews_xml::soap::{self, RequestHeader, ResponseBody};
use ews_xml::{Name, Reader, XmlElement, XmlRead, XmlWrite};

pub(crate) fn request_doc<T: XmlWrite + XmlElement>(request: &T) -> Vec<u8> {
    let mut out = Vec::new();
    soap::write_request(&mut out, &RequestHeader::new("Exchange2016"), request).unwrap();
    out
}

pub(crate) fn response_doc<T: XmlWrite + XmlElement>(response: &T) -> Vec<u8> {
    let mut out = Vec::new();
    soap::write_response_envelope(&mut out, None, |w| response.write_xml(w, T::NAME)).unwrap();
    out
}

/// The element inside `soap:Body` of a request envelope, read as `T`.
pub(crate) fn read_request<T: XmlRead>(bytes: &[u8]) -> T {
    let mut r = Reader::from_bytes(bytes);
    let root = r.root().unwrap();
    assert!(root.is(Name::soap("Envelope")));
    loop {
        let tag = r.next_child().unwrap().expect("a soap:Body");
        if tag.is(Name::soap("Body")) {
            let request = r.next_child().unwrap().expect("a request element");
            return T::read_xml(&mut r, &request).unwrap();
        }
        r.skip_element().unwrap();
    }
}

pub(crate) fn read_response<T: XmlRead>(bytes: &[u8]) -> T {
    match soap::read_response(bytes).unwrap().body {
        ResponseBody::Message(body) => body.read::<T>().unwrap(),
        other => panic!("unexpected body {other:?}"),
    }
}

/// A sample's bytes. The documentation elides some MIME content ("tDQe/Eo=…"), which is not
/// base64: the ellipsis is dropped on those lines so that the rest of the document is read.
fn sample_bytes(path: &Path) -> Vec<u8> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(|l| {
            if l.contains("MimeContent") {
                l.replace('…', "")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes()
}

fn samples(operation: &str, prefix: &str) -> Vec<(PathBuf, Vec<u8>)> {
    ews_test_support::ms_docs(Some(operation), prefix)
        .into_iter()
        .map(|p| {
            let bytes = sample_bytes(&p);
            (p, bytes)
        })
        .collect()
}

fn name(path: &Path) -> String {
    let mut parts = path.iter().rev().take(2).collect::<Vec<_>>();
    parts.reverse();
    parts
        .iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every request sample of `T`'s operation read, written back (collected for the schema) and
/// read again unchanged; returns the requests by file name.
pub(crate) fn request_samples<T>(docs: &mut Collector) -> Vec<(String, T)>
where
    T: Operation + XmlRead + PartialEq + Debug,
{
    let mut out = Vec::new();
    for (path, bytes) in samples(T::name(), "request-") {
        let request: T = read_request(&bytes);
        let written = request_doc(&request);
        let again: T = read_request(&written);
        assert_eq!(again, request, "{}", String::from_utf8_lossy(&written));
        docs.add(format!("rewritten {}", name(&path)), written);
        out.push((name(&path), request));
    }
    out
}

/// Every response sample of `T`'s operation read, written back (collected for the schema) and
/// read again unchanged; returns the responses by file name.
pub(crate) fn response_samples<T, R>(docs: &mut Collector) -> Vec<(String, R)>
where
    T: Operation<Response = R>,
    R: XmlRead + XmlWrite + XmlElement + PartialEq + Debug,
{
    let mut out = Vec::new();
    for (path, bytes) in samples(T::name(), "response-") {
        let response: R = read_response(&bytes);
        let written = response_doc(&response);
        let again: R = read_response(&written);
        assert_eq!(again, response, "{}", String::from_utf8_lossy(&written));
        docs.add(format!("rewritten {}", name(&path)), written);
        out.push((name(&path), response));
    }
    out
}

pub(crate) fn get<'a, T>(samples: &'a [(String, T)], file: &str) -> Option<&'a T> {
    samples
        .iter()
        .find(|(n, _)| n.ends_with(file))
        .map(|(_, t)| t)
}
