//! DeleteItem, MoveItem, CopyItem, ArchiveItem, MarkAsJunk, CreateAttachment, GetAttachment,
//! DeleteAttachment, ExportItems, UploadItems and ResolveNames: requests built with their
//! builders validate against the schema; every ms-docs request sample reads, is written back,
//! validates and reads again unchanged; every ms-docs response sample reads into the typed
//! response (spot-checked), is written back and validates.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "item_operations2/attachments.rs"]
mod attachments;
#[path = "item_operations2/moves.rs"]
mod moves;
#[path = "item_operations2/names.rs"]
mod names;
#[path = "common/operations.rs"]
mod support;
#[path = "item_operations2/transfer.rs"]
mod transfer;
