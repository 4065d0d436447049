//! Queries over Exchange items: exchangelib's `Q` expressions and lookups, compiled to EWS
//! restrictions, sort orders, paging views and query strings, parsed back, and evaluated
//! against items.
//!
//! # What it does
//!
//! - [`Q`]: boolean expressions (`&`, `|`, `!`) over field tests, built two ways:
//!   - **typed**: lookups as methods of the field handles `#[derive(Fields)]` generates
//!     (`Message::SUBJECT.icontains("x")`, `Event::START.range(a..=b)`), offered only where
//!     they fit the field's type ([`TextLookups`], [`OrderLookups`], [`EqLookups`],
//!     [`ListLookups`], [`ExistsLookup`]); a range on a string does not compile;
//!   - **dynamic**: the `field__lookup` string form ([`Q::lookup`]:
//!     `"subject__icontains"`, `"phone_numbers__CarPhone"`,
//!     `"physical_addresses__Home__street__startswith"`), checked against a field table.
//! - [`compile`]: a `Q` to a [`Restriction`](ews_model::restriction::Restriction) for a
//!   field table and server version, simplified, deterministic; [`Compiled::Nothing`] when
//!   nothing can match (no request needed). [`compile_order`] for `m:SortOrder`, [`Query`]
//!   for the whole set of Find request parts (filter, query string, order, paging, calendar
//!   view).
//! - [`parse`] and [`parse_order`]: the other direction, for the fake server and
//!   client-side filtering; [`eval`] decides whether an item ([`FieldValues`]) matches, and
//!   [`sort`] sorts items, both as Exchange does.
//!
//! # What it does not do
//!
//! No I/O, no requests: a client (the `ews` crate, or any caller of `ews-transport`) sends
//! what this crate compiles. The items, field tables, restrictions and views it works with
//! are `ews-model`'s, and their XML is `ews-xml`'s. It does not check AQS syntax (query
//! strings pass through verbatim).
//!
//! # Example
//!
//! ```
//! use ews_model::Fields;
//! use ews_model::fields::HasFields;
//! use ews_model::time::DateTime;
//! use ews_model::version::ExchangeVersion;
//! use ews_query::{compile, eval, parse, Compiled, FieldValues, Q, TextLookups, Value};
//!
//! #[derive(Fields, Default)]
//! struct Note {
//!     #[field(uri = "item:Subject", searchable)]
//!     subject: Option<String>,
//!     #[field(uri = "item:DateTimeReceived", searchable, read_only)]
//!     datetime_received: Option<DateTime>,
//! }
//!
//! impl FieldValues for Note {
//!     fn value(&self, field: &ews_model::fields::FieldDef, _: Option<&str>) -> Option<Value> {
//!         match field.name {
//!             "subject" => self.subject.clone().map(Value::Text),
//!             "datetime_received" => self.datetime_received.map(Value::DateTime),
//!             _ => None,
//!         }
//!     }
//! }
//!
//! let q = Note::SUBJECT.icontains("budget")
//!     & Q::lookup("datetime_received__gte", "2026-01-01T00:00:00+01:00")?;
//! let Compiled::Restriction(r) = compile(&q, &Note::FIELDS, ExchangeVersion::Exchange2016)? else {
//!     unreachable!()
//! };
//! let back = parse(&r, &Note::FIELDS)?;
//! let note = Note {
//!     subject: Some("Budget 2026".into()),
//!     datetime_received: Some("2025-12-31T23:30:00Z".parse().unwrap()),
//! };
//! assert!(eval(&back, &note));
//! # Ok::<(), ews_query::QueryError>(())
//! ```
//!
//! The `restriction` example prints the XML of compiled queries
//! (`cargo run -p ews-query --example restriction`).
//!
//! # Features
//!
//! None.
//!
//! Reference: [Restriction](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/restriction),
//! [FindItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/finditem).
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod compile;
mod error;
mod eval;
mod expr;
mod item_values;
mod lookup;
mod order;
mod query;
mod resolve;
mod simplify;
mod typed;
mod value;

#[doc(hidden)]
pub mod fuzzing;

pub use compile::{Compiled, compile, parse, parse_expression};
pub use error::QueryError;
pub use eval::{FieldValues, eval};
pub use expr::{FieldRef, Leaf, Op, Q, Target};
pub use item_values::{Access, extended_value, field_component, field_value};
pub use lookup::{Lookup, parse_field_lookup};
pub use order::{
    Ordering, compare_items, compile_order, order_by, parse_order, resolve_order, sort,
};
pub use query::{CompiledQuery, FindParts, Paging, Query};
pub use typed::{
    EqLookups, ExistsLookup, ListLookups, OrderLookups, QueryValue, TextLookups, kind,
};
pub use value::Value;

// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
