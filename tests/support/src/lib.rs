//! Shared test helpers for the EWS workspace: the **schema gate**, the
//! **fixture locator** and a server-side **NTLM acceptor** ([`ntlm`]).
//!
//! # Fixture and schema locations
//!
//! The schema oracle and the captured Microsoft documentation samples live in
//! the `shared` folder next to the repository (`<repo>/../shared`, see
//! [`shared_dir`]). [`schema_dir`] and [`fixtures_dir`] can be redirected with
//! the `EWS_SCHEMA_DIR` and `EWS_FIXTURES_DIR` environment variables, and
//! [`ms_docs`] lists fixture files.
//!
//! # The schema gate
//!
//! [`gate()`] returns a process-wide [`SchemaGate`] that runs
//! `shared/ews-schema/validate.sh` (xmllint against Microsoft's EWS schema).
//! Compiling the schema costs about 0.2 s per run, so validate documents in
//! batches: [`assert_all_valid`], or a [`Collector`] that gathers documents
//! during a test and validates them all at once.
//!
//! When the gate is unavailable (no schema folder, no `xmllint`, no `bash`) the
//! assertions print `schema gate skipped: <reason>` once and pass, unless
//! `EWS_REQUIRE_SCHEMA=1` is set ([`require_schema`]), as in CI, where they
//! panic instead.
//!
//! ```
//! let request = br#"<m:GetFolder xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
//!     xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
//!   <m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>
//!   <m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds>
//! </m:GetFolder>"#;
//! ews_test_support::assert_valid("getfolder-request", request);
//! ```
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod bench;
mod collector;
mod gate;
pub mod ntlm;
mod paths;

pub use collector::Collector;
pub use gate::{GateOutcome, SchemaGate, assert_all_valid, assert_valid, gate};
pub use paths::{fixtures_dir, ms_docs, ms_docs_sample, require_schema, schema_dir, shared_dir};
