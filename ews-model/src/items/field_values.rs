//! The field kinds of the property types items are made of, for the field tables.
//!
//! These live with the items because the items are the first types whose tables name them;
//! each says how a query may treat the value (see [`ValueKind`]). `FolderId` and
//! `EffectiveRights` have theirs next to their types (`properties`).

use crate::fields::{FieldValue, Kind, ValueKind};
use crate::properties::{
    Attendee, Body, CompleteName, ConversationId, EmailAddresses, Flag, ImAddresses, Importance,
    InternetMessageHeaders, ItemId, Mailbox, MimeContent, PhoneNumbers, PhysicalAddresses,
    ResponseType, Sensitivity, SingleRecipient,
};
use crate::time::TimeZoneDefinition;

macro_rules! kinds {
    ($($t:ty => $kind:expr),* $(,)?) => {$(
        impl FieldValue for $t {
            const KIND: Kind = $kind;
        }
    )*};
}

kinds! {
    ItemId => Kind::single(ValueKind::Id),
    ConversationId => Kind::single(ValueKind::Id),
    Body => Kind::single(ValueKind::Body),
    MimeContent => Kind::single(ValueKind::Base64),
    Mailbox => Kind::single(ValueKind::Mailbox),
    SingleRecipient => Kind::single(ValueKind::Mailbox),
    Attendee => Kind::single(ValueKind::Attendee),
    Flag => Kind::single(ValueKind::Complex),
    CompleteName => Kind::single(ValueKind::Complex),
    InternetMessageHeaders => Kind::single(ValueKind::Complex),
    TimeZoneDefinition => Kind::single(ValueKind::Complex),
    EmailAddresses => Kind::single(ValueKind::Indexed),
    PhoneNumbers => Kind::single(ValueKind::Indexed),
    PhysicalAddresses => Kind::single(ValueKind::Indexed),
    ImAddresses => Kind::single(ValueKind::Indexed),
    Importance => Kind::enumeration(&["Low", "Normal", "High"]),
    Sensitivity => Kind::enumeration(&["Normal", "Personal", "Private", "Confidential"]),
    ResponseType => Kind::enumeration(&[
        "Unknown", "Organizer", "Tentative", "Accept", "Decline", "NoResponseReceived",
    ]),
    ews_xml::Element => Kind::single(ValueKind::Complex),
}
