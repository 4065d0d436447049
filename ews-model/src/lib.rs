//! Exchange Web Services types as Rust types that write and read themselves.
//!
//! # What this crate owns
//!
//! Every type of Microsoft's EWS schema (`types.xsd`, `messages.xsd`) that a client sends or
//! receives, each writing and reading its own XML through `ews-xml`:
//!
//! - [`version`]: schema versions (`RequestServerVersion`) and server builds;
//! - [`time`]: date-times, durations, time zones (Windows ids and IANA) and their definitions;
//! - [`properties`]: ids, mailboxes, bodies, flags, headers and the indexed properties of
//!   contacts; [`extended`]: extended MAPI properties;
//! - [`items`], [`folders`], [`attachments`], [`recurrence`]: the item and folder types (an
//!   element of a kind the model does not know is kept whole), their attachments and
//!   recurrence patterns;
//! - [`fields`]: the field table of every item and folder type (name, `FieldURI`, value
//!   kind, searchable or read-only, the version it appeared in), generated with the struct by
//!   `#[derive(Fields)]`;
//! - [`restriction`], [`view`]: the `Restriction`, sort order and paging elements of a search;
//! - [`operations`]: one request and one response type per EWS operation (the
//!   [`Operation`](operations::Operation) trait), per-item results in place
//!   ([`ResponseError`](operations::ResponseError)), and reading any response by name.
//!
//! Every type follows the schema: element names and the order of child elements are the
//! schema's. Reading is lenient where servers are (unknown elements are skipped, open
//! vocabularies and unknown item, folder and attachment kinds are kept), writing is exact.
//!
//! # What it does not do
//!
//! This crate does no I/O: it never opens a socket, reads a file or a clock. Sending a request
//! and receiving its response is `ews-transport`'s work, credentials and authentication are
//! `ews-auth`'s, and building restrictions from queries (`Q`, `field__lookup`) and evaluating
//! them is `ews-query`'s. The XML reader and writer, the SOAP envelope and the response codes
//! are `ews-xml`'s. Use this crate alone to read and write captured EWS documents.
//!
//! ```
//! use ews_model::items::{Compose, Message};
//! use ews_model::operations::{CreateItem, MessageDisposition};
//! use ews_model::properties::Body;
//! use ews_xml::soap::{self, RequestHeader};
//!
//! let request = CreateItem::new()
//!     .disposition(MessageDisposition::SendOnly)
//!     .item(Message::new().subject("Hello").body(Body::text("Hi")).to(["ann@example.com"]));
//! let mut xml = Vec::new();
//! soap::write_request(&mut xml, &RequestHeader::new("Exchange2016"), &request)?;
//! assert!(String::from_utf8(xml)?.contains("<t:Subject>Hello</t:Subject>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//! - `serde` (default): every model type serializes with serde, for storing or exporting.
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

// The derive macros' generated code names `::ews_model`, also inside this crate.
#[allow(unused_extern_crates)]
extern crate self as ews_model;

// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Implements serde's traits for an `XmlValue` type through its XML text, so that JSON shows
/// `"HTML"` rather than `{"Other": …}`.
// Defined before the modules, so that all of them can use it.
macro_rules! serde_as_xml_value {
    ($($t:ty),* $(,)?) => {$(
        #[cfg(feature = "serde")]
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&ews_xml::XmlValue::to_xml_value(self))
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                <Self as ews_xml::XmlValue>::from_xml_value(&s)
                    .map_err(|e| serde::de::Error::custom(e.expected))
            }
        }
    )*};
}

pub mod attachments;
pub mod extended;
pub mod fields;
pub mod folders;
#[doc(hidden)]
pub mod fuzzing;
pub mod items;
pub mod operations;
pub mod properties;
pub mod recurrence;
pub mod restriction;
pub mod time;
mod unknown;
mod unmodelled;
pub mod version;
pub mod view;

pub use ews_model_derive::Fields;
pub use items::Compose;
