//! Items: the store, ids, and the item operations with Exchange's semantics, one file per
//! concern.

mod create;
mod delete_move;
mod find;
mod get;
mod ids;
mod recurrence;
mod store;
mod update;

pub(super) use create::send;
pub(super) use find::{FIND_CAP, tables};
pub(super) use ids::{ITEM_MAGIC, Target, is_item_id, is_occurrence_id, malformed, not_found};
pub(super) use store::finalize;

use ews_model::items::{Item, Message};
use ews_model::operations::MessageStatus;
use ews_model::time::DateTime;
use ews_model::version::ExchangeVersion;
use ews_xml::ResponseCode;

use crate::mailbox::shape;

/// One stored item.
#[derive(Debug, Clone)]
pub(super) struct ItemRecord {
    pub(super) id: String,
    pub(super) change_key: String,
    /// The id of the folder holding it.
    pub(super) folder: String,
    /// The item as stored, without its ids.
    pub(super) item: Item,
    /// Deleted with `SoftDelete`: seen only by `SoftDeleted` traversal.
    pub(super) soft_deleted: bool,
    /// Creation order (later is larger).
    pub(super) seq: u64,
    /// For an exception of a recurring series: the master's id and the occurrence's index.
    /// Exceptions show in calendar views (in place of their occurrence), not in other finds.
    pub(super) exception_of: Option<(String, usize)>,
}

/// What a request carries besides its body.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    /// The caller's primary SMTP address (lower case).
    pub(crate) owner: String,
    /// The time of the request.
    pub(crate) now: DateTime,
    /// The requested schema version.
    pub(crate) version: ExchangeVersion,
}

/// An item leaving a mailbox for another mailbox of this server.
#[derive(Debug, Clone)]
pub(crate) struct Delivery {
    /// The recipient's address (lower case).
    pub(crate) to: String,
    /// The item as the recipient receives it.
    pub(crate) item: Item,
}

fn message_mut(item: &mut Item) -> Option<&mut Message> {
    match item {
        Item::Message(m) => Some(m),
        Item::MeetingMessage(m) => Some(&mut m.message),
        Item::MeetingRequest(m) => Some(&mut m.meeting.message),
        Item::MeetingResponse(m) => Some(&mut m.meeting.message),
        Item::MeetingCancellation(m) => Some(&mut m.meeting.message),
        _ => None,
    }
}

/// The error for a field the requested schema version does not have: Exchange's schema
/// validation would refuse the element.
fn too_new(def: &ews_model::fields::FieldDef) -> MessageStatus {
    MessageStatus::error(
        ResponseCode::ErrorSchemaValidation,
        format!(
            "{} is not part of the requested schema version.",
            def.uri.uri()
        ),
    )
}

/// An item of the same kind carrying only its id.
fn id_only(full: &Item) -> Item {
    let mut out = shape::empty_like(full);
    if let (Some(b), Some(id)) = (out.base_mut(), full.id()) {
        b.item_id = Some(id.clone());
    }
    out
}
