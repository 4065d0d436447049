//! What a recurring master reports about its occurrences: `OccurrenceInfoType` (the
//! calendar item fields `FirstOccurrence`, `LastOccurrence` and the items of
//! `ModifiedOccurrences`) and `DeletedOccurrenceInfoType` (the items of `DeletedOccurrences`).

use ews_xml::{XmlRead, XmlWrite};

use crate::fields::{FieldValue, Kind, ValueKind};
use crate::properties::ItemId;
use crate::time::DateTime;

/// One occurrence of a recurring series (`OccurrenceInfoType`): `t:FirstOccurrence`,
/// `t:LastOccurrence`, and `t:Occurrence` inside `t:ModifiedOccurrences`.
///
/// A calendar item declares the fields as:
/// ```ignore
/// first_occurrence: Option<OccurrenceInfo>,
/// last_occurrence: Option<OccurrenceInfo>,
/// #[xml(wrapper = "ModifiedOccurrences", item = "Occurrence")]
/// modified_occurrences: Vec<OccurrenceInfo>,
/// #[xml(wrapper = "DeletedOccurrences", item = "DeletedOccurrence")]
/// deleted_occurrences: Vec<DeletedOccurrence>,
/// ```
/// (the schema's arrays are non-empty, so an empty list is not written).
///
/// See [FirstOccurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/firstoccurrence)
/// and [ModifiedOccurrences](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/modifiedoccurrences).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OccurrenceInfo {
    /// `ItemId`: the occurrence's own id.
    pub item_id: ItemId,
    /// `Start`: when it starts (moved, for a modified occurrence).
    pub start: DateTime,
    /// `End`.
    pub end: DateTime,
    /// `OriginalStart`: when the pattern put it.
    pub original_start: DateTime,
}

/// A deleted occurrence (`DeletedOccurrenceInfoType`, `t:DeletedOccurrence` inside
/// `t:DeletedOccurrences`): only its original start remains.
///
/// See [DeletedOccurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deletedoccurrence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DeletedOccurrence {
    /// `Start`: the start the deleted occurrence had.
    pub start: DateTime,
}

impl FieldValue for OccurrenceInfo {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}

impl FieldValue for DeletedOccurrence {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}
