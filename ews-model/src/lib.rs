//! Exchange Web Services types as Rust types that write and read themselves: versions,
//! date-times and time zones, and (growing) properties, items, folders and operations.
//!
//! Every type follows Microsoft's schema (`types.xsd`, `messages.xsd`): element names and the
//! order of child elements are the schema's. Reading is lenient where servers are (unknown
//! elements are skipped, open vocabularies keep unknown values), writing is exact.
//!
//! This crate does no I/O: pair it with `ews-transport` to talk to a server, or use it alone
//! to read and write captured EWS documents.
//!
//! # Crate features
//! - `serde` (default): every model type serializes with serde, for storing or exporting.
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

// The derive macros' generated code names `::ews_model`, also inside this crate.
#[allow(unused_extern_crates)]
extern crate self as ews_model;

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
