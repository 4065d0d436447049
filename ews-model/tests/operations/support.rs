//! Shared helpers of the operation tests: writing and reading request and response
//! documents, and the ms-docs samples of an operation.

use std::fmt::Debug;
use std::path::Path;

use ews_model::operations::Operation;
use ews_test_support::Collector;
use ews_xml::soap::{self, RequestHeader, ResponseBody};
use ews_xml::{XmlElement, XmlRead, XmlWrite};

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
    soap::read_request(bytes).unwrap().body.read::<T>().unwrap()
}

pub(crate) fn read_response<T: XmlRead>(bytes: &[u8]) -> T {
    match soap::read_response(bytes).unwrap().body {
        ResponseBody::Message(body) => body.read::<T>().unwrap(),
        other => panic!("unexpected body {other:?}"),
    }
}

/// A sample's bytes. The documentation elides some MIME content (`tDQe/Eo=…`), which is not
/// base64: the ellipsis is dropped on those lines so that the rest is still checked.
fn sample_bytes(path: &Path) -> Vec<u8> {
    ews_test_support::ms_docs_sample(path)
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
/// read again unchanged; the requests by file name.
pub(crate) fn request_samples<T>(docs: &mut Collector) -> Vec<(String, T)>
where
    T: Operation + XmlRead + PartialEq + Debug,
{
    let mut out = Vec::new();
    for path in ews_test_support::ms_docs(Some(T::name()), "request-") {
        let request: T = read_request(&sample_bytes(&path));
        let written = request_doc(&request);
        let again: T = read_request(&written);
        assert_eq!(again, request, "{}", String::from_utf8_lossy(&written));
        docs.add(format!("rewritten {}", name(&path)), written);
        out.push((name(&path), request));
    }
    out
}

/// Every response sample of `T`'s operation read, written back (collected for the schema)
/// and read again unchanged; the responses by file name.
pub(crate) fn response_samples<T, R>(docs: &mut Collector) -> Vec<(String, R)>
where
    T: Operation<Response = R>,
    R: XmlRead + XmlWrite + XmlElement + PartialEq + Debug,
{
    let mut out = Vec::new();
    for path in ews_test_support::ms_docs(Some(T::name()), "response-") {
        let response: R = read_response(&sample_bytes(&path));
        let written = response_doc(&response);
        let again: R = read_response(&written);
        assert_eq!(again, response, "{}", String::from_utf8_lossy(&written));
        docs.add(format!("rewritten {}", name(&path)), written);
        out.push((name(&path), response));
    }
    out
}

/// Writes a built response, collects it for the schema, and reads it back: equal.
pub(crate) fn response_round_trip<R>(docs: &mut Collector, label: &str, response: &R) -> R
where
    R: XmlRead + XmlWrite + XmlElement + PartialEq + Debug,
{
    let bytes = response_doc(response);
    let back: R = read_response(&bytes);
    assert_eq!(&back, response, "{}", String::from_utf8_lossy(&bytes));
    docs.add(label.to_owned(), bytes);
    back
}

/// Writes a built request, collects it for the schema, and reads it back: equal.
pub(crate) fn request_round_trip<T>(docs: &mut Collector, label: &str, request: &T)
where
    T: Operation + XmlRead + PartialEq + Debug,
{
    let bytes = request_doc(request);
    let back: T = read_request(&bytes);
    assert_eq!(&back, request, "{}", String::from_utf8_lossy(&bytes));
    docs.add(label.to_owned(), bytes);
}

pub(crate) fn get<'a, T>(samples: &'a [(String, T)], file: &str) -> Option<&'a T> {
    samples
        .iter()
        .find(|(n, _)| n.ends_with(file))
        .map(|(_, t)| t)
}
