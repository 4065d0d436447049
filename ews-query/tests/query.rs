//! ews-query: every lookup on every kind (compiled, schema-checked, evaluated, refused),
//! views and sort orders, the ms-docs restrictions parsed and compiled back, property tests
//! of the compile/parse/eval/simplify laws, and client-side sorting.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "query/common.rs"]
mod common;
#[path = "query/lookups.rs"]
mod lookups;
#[path = "query/ms_docs.rs"]
mod ms_docs;
#[path = "query/props.rs"]
mod props;
#[path = "query/requests.rs"]
mod requests;
