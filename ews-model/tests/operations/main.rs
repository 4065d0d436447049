//! The operations of the model, one module each group: requests built with their builders
//! validate against the schema; every ms-docs request sample reads, is written back, validates
//! and reads again unchanged; every ms-docs response sample reads into the typed response
//! (spot-checked), is written back and validates.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod attachments;
mod folders;
mod items;
mod moves;
mod names;
mod simple;
mod support;
mod transfer;
