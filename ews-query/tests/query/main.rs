//! ews-query: every lookup on every kind (compiled, schema-checked, evaluated, refused),
//! views and sort orders, the ms-docs restrictions parsed and compiled back, property tests
//! of the compile/parse/eval/simplify laws, and client-side sorting.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod lookups;
mod ms_docs;
mod props;
mod requests;
