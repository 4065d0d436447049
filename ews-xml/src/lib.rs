//! XML for Exchange Web Services: a hardened, namespace-aware pull [`Reader`], a streaming
//! [`Writer`], the [`XmlWrite`]/[`XmlRead`] codec traits (derivable with the `derive` feature),
//! SOAP 1.1 envelopes with the EWS headers, SOAP faults and the [`ResponseCode`] vocabulary.
//!
//! # What it owns, and what it does not
//! This crate owns XML and SOAP: reading, writing, the codec traits, envelopes, faults and
//! response codes. It does not know items, folders or operations (that is `ews-model`) nor
//! queries (`ews-query`), and it does no I/O of its own beyond the [`std::io::Read`] and
//! [`std::io::Write`] you hand it: HTTP is `ews-transport`'s.
//!
//! # Reading
//! Names are matched by namespace URI and local name, whatever prefix the document uses
//! (`s:`, `soap:`, `m:`, `t:`, a default namespace). Hostile input is bounded by [`Limits`]
//! checked on the raw bytes before the tokenizer builds anything; DOCTYPEs (and with them
//! entity expansion and external entities) are refused; characters XML 1.0 forbids, which
//! Exchange does send, are replaced by default ([`InvalidChars`]). Every [`ReadError`] says
//! what went wrong, at which element path, and where.
//!
//! ```
//! use ews_xml::soap::{self, ResponseBody};
//!
//! let fault = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
//!   <s:Fault><faultcode>s:Server</faultcode><faultstring>busy</faultstring><detail>
//!     <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors"
//!       >ErrorServerBusy</e:ResponseCode></detail></s:Fault></s:Body></s:Envelope>"#;
//! let ResponseBody::Fault(f) = soap::read_response(&fault[..])?.body else {
//!     panic!("expected a fault");
//! };
//! assert_eq!(f.response_code(), Some(ews_xml::ResponseCode::ErrorServerBusy));
//! # Ok::<(), ews_xml::soap::SoapError>(())
//! ```
//!
//! # Writing
//! [`Writer`] declares `soap:`, `m:` and `t:` once at the root, escapes everything, never
//! writes a character XML 1.0 forbids, and streams base64 content from a byte source.
//! [`soap::write_request`] wraps a body in an envelope with the EWS headers.
//!
//! The `inspect` example reads captured responses and prints what they hold
//! (`cargo run -p ews-xml --example inspect -- FILE...`).
//!
//! # Crate features
//! - `derive` (default): `#[derive(XmlWrite, XmlRead, XmlValue)]`, see the `ews-xml-derive`
//!   crate for the attribute grammar.
//! - `serde`: serde support for the SOAP vocabulary (response codes and classes, faults,
//!   headers).
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

// The derive macros' generated code names `::ews_xml`, also inside this crate.
#[allow(unused_extern_crates)]
extern crate self as ews_xml;

pub mod base64;
mod document;
mod element;
mod error;
mod limits;
mod name;
mod reader;
pub mod soap;
mod traits;
mod writer;

pub use document::{choice_from_slice, choice_to_vec, from_slice, to_vec};
pub use element::{Element, Node};
pub use error::{Limit, Position, ReadError, ReadErrorKind, ValueError, WriteError};
pub use limits::{InvalidChars, Limits, ReaderOptions};
pub use name::{NS_ERRORS, NS_MESSAGES, NS_SOAP, NS_TYPES, NS_XML, NS_XSI, Name, Ns, QName};
pub use reader::{Attribute, Event, Reader, StartTag};
pub use soap::{ResponseClass, ResponseCode};
pub use traits::{XmlChoice, XmlElement, XmlRead, XmlValue, XmlWrite};
pub use writer::Writer;

#[cfg(feature = "derive")]
pub use ews_xml_derive::{XmlRead, XmlValue, XmlWrite};

#[doc(hidden)]
pub mod fuzzing;

#[cfg(test)]
mod tests;

// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
