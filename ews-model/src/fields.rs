//! Field metadata: what EWS can address on an item or folder, how, and since when.
//!
//! Every item and folder type carries a [`FieldTable`], generated with the struct by
//! `#[derive(Fields)]` (so the struct and its table cannot disagree). Queries, `only()`
//! projections, updates and version gates read it: which `FieldURI` a field has, whether it
//! can be searched, whether it is read-only, and which Exchange version introduced it.
//!
//! ```
//! use ews_model::Fields;
//! use ews_model::fields::{FieldFlags, FieldUri, HasFields, ValueKind};
//!
//! #[derive(Fields)]
//! # #[allow(dead_code)]
//! struct Note {
//!     #[field(uri = "item:Subject", searchable)]
//!     subject: Option<String>,
//!     #[field(uri = "item:Size", read_only, since = "Exchange2010")]
//!     size: Option<i32>,
//! }
//!
//! let subject = Note::FIELDS.get("subject").unwrap();
//! assert_eq!(subject.uri, FieldUri::Unindexed("item:Subject"));
//! assert_eq!(subject.kind.value, ValueKind::Text);
//! assert!(subject.flags.contains(FieldFlags::SEARCHABLE));
//! assert!(Note::FIELDS.by_uri("item:Size").unwrap().is_read_only());
//! assert_eq!(Note::SIZE.def().uri.uri(), "item:Size");
//! ```

use crate::version::ExchangeVersion;

/// How a field is addressed in `AdditionalProperties`, restrictions, sort orders and updates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldUri {
    /// `t:FieldURI FieldURI="item:Subject"`.
    Unindexed(&'static str),
    /// `t:IndexedFieldURI FieldURI="contacts:PhoneNumber" FieldIndex="..."`, one entry per label.
    Indexed {
        /// The `FieldURI` value.
        uri: &'static str,
        /// The allowed `FieldIndex` values.
        labels: &'static [&'static str],
    },
}

impl FieldUri {
    /// The `FieldURI` attribute value.
    pub const fn uri(&self) -> &'static str {
        match self {
            Self::Unindexed(uri) | Self::Indexed { uri, .. } => uri,
        }
    }
}

/// What kind of value a field holds (for query validation and client-side evaluation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueKind {
    /// A string.
    Text,
    /// `true`/`false`.
    Bool,
    /// An integer.
    Int,
    /// A decimal number.
    Decimal,
    /// An instant (`xs:dateTime`).
    DateTime,
    /// A calendar date (`xs:date`).
    Date,
    /// One of a fixed set of strings.
    Enum(&'static [&'static str]),
    /// Binary content (base64 on the wire).
    Base64,
    /// A mailbox (name and address).
    Mailbox,
    /// A meeting attendee.
    Attendee,
    /// A message or item body.
    Body,
    /// An item, folder or attachment id.
    Id,
    /// An indexed property (phone numbers, addresses...).
    Indexed,
    /// An extended MAPI property.
    Extended,
    /// Anything structured (recurrence, time zone, flag...).
    Complex,
}

/// A field's [`ValueKind`] and whether it holds a list of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Kind {
    /// The kind of each value.
    pub value: ValueKind,
    /// Whether the field holds several values (categories, recipients).
    pub list: bool,
}

impl Kind {
    /// A single value of `value`.
    pub const fn single(value: ValueKind) -> Self {
        Self { value, list: false }
    }
    /// An enumeration with these schema values.
    pub const fn enumeration(values: &'static [&'static str]) -> Self {
        Self::single(ValueKind::Enum(values))
    }
}

/// The kind of a Rust type as a field value; implemented by every type a field can have, so
/// that `#[derive(Fields)]` takes the kind from the field's type.
pub trait FieldValue {
    /// The kind.
    const KIND: Kind;
}

macro_rules! field_values {
    ($($t:ty => $kind:ident),* $(,)?) => {$(
        impl FieldValue for $t {
            const KIND: Kind = Kind::single(ValueKind::$kind);
        }
    )*};
}

field_values! {
    String => Text, bool => Bool, i32 => Int, i64 => Int, u32 => Int, u64 => Int, f64 => Decimal,
    crate::time::DateTime => DateTime, crate::time::Date => Date,
}

impl FieldValue for Vec<u8> {
    const KIND: Kind = Kind::single(ValueKind::Base64);
}

impl<T: FieldValue> FieldValue for Option<T> {
    const KIND: Kind = T::KIND;
}

impl<T: FieldValue> FieldValue for Vec<T> {
    const KIND: Kind = Kind {
        list: true,
        ..T::KIND
    };
}

/// Flags of a field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldFlags(u8);

impl FieldFlags {
    /// No flags.
    pub const NONE: Self = Self(0);
    /// Can be used in restrictions (`filter()`).
    pub const SEARCHABLE: Self = Self(1);
    /// Set by the server only.
    pub const READ_ONLY: Self = Self(2);
    /// Writable until the item is sent (message recipients, for instance).
    pub const READ_ONLY_AFTER_SEND: Self = Self(4);
    /// Must be set when creating.
    pub const REQUIRED: Self = Self(8);

    /// These flags plus `other`.
    #[must_use]
    pub const fn with(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
    /// Whether every flag of `other` is set.
    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
    /// These flags without those of `other`.
    #[must_use]
    pub const fn without(self, other: Self) -> Self {
        Self(self.0 & !other.0)
    }
}

/// One addressable field of an item or folder type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct FieldDef {
    /// The Rust field name, which is also the exchangelib-style name (`datetime_received`).
    pub name: &'static str,
    /// How EWS addresses it.
    pub uri: FieldUri,
    /// The kind of value.
    pub kind: Kind,
    /// Searchable, read-only, ...
    pub flags: FieldFlags,
    /// The first schema version with this field.
    pub since: ExchangeVersion,
    /// The first schema version without it, if any.
    pub deprecated_from: Option<ExchangeVersion>,
}

impl FieldDef {
    /// A field available since Exchange 2007, without flags (what `#[derive(Fields)]` starts
    /// from).
    pub const fn new(name: &'static str, uri: FieldUri, kind: Kind) -> Self {
        Self {
            name,
            uri,
            kind,
            flags: FieldFlags::NONE,
            since: ExchangeVersion::Exchange2007,
            deprecated_from: None,
        }
    }
    /// With these flags added.
    #[must_use]
    pub const fn with_flags(mut self, flags: FieldFlags) -> Self {
        self.flags = self.flags.with(flags);
        self
    }
    /// First available in `version`.
    #[must_use]
    pub const fn since(mut self, version: ExchangeVersion) -> Self {
        self.since = version;
        self
    }
    /// No longer available from `version` on.
    #[must_use]
    pub const fn deprecated_from(mut self, version: ExchangeVersion) -> Self {
        self.deprecated_from = Some(version);
        self
    }
    /// Whether restrictions may use it.
    pub const fn is_searchable(&self) -> bool {
        self.flags.contains(FieldFlags::SEARCHABLE)
    }
    /// Whether only the server sets it.
    pub const fn is_read_only(&self) -> bool {
        self.flags.contains(FieldFlags::READ_ONLY)
    }
    /// Whether a server speaking `version` has it.
    pub fn is_supported_by(&self, version: ExchangeVersion) -> bool {
        version >= self.since && self.deprecated_from.is_none_or(|d| version < d)
    }
}

/// The fields of a type: its own, after those of the type it extends, with the fields of its
/// groups (runs of fields it shares with other types) among them in schema order.
#[derive(Clone, Copy, Debug)]
pub struct FieldTable {
    /// This type's own fields, in schema order.
    pub own: &'static [FieldDef],
    /// The table of the type this one extends (e.g. `Message` extends the item base).
    pub base: Option<&'static Self>,
    /// The groups of fields this type shares with others (`CalendarItem` and `MeetingRequest`
    /// share their calendar fields), each placed before an own field; in order.
    pub groups: &'static [FieldGroup],
}

/// A group of fields within a [`FieldTable`]: another table whose fields come before the
/// own field at index [`at`](Self::at) (or after the last when `at` is the number of own fields).
#[derive(Clone, Copy, Debug)]
pub struct FieldGroup {
    /// Where the group's fields go among the own fields.
    pub at: usize,
    /// The group's table.
    pub table: &'static FieldTable,
}

impl FieldTable {
    /// Every field: the base type's first, then the own fields with the groups' among them,
    /// each in schema order.
    pub fn iter(&self) -> impl Iterator<Item = &'static FieldDef> + use<> {
        let mut slices = Vec::new();
        self.slices(&mut slices);
        slices.into_iter().flatten()
    }

    /// The runs of fields in order, into `out`.
    fn slices(&self, out: &mut Vec<&'static [FieldDef]>) {
        if let Some(base) = self.base {
            base.slices(out);
        }
        let mut start = 0;
        for group in self.groups {
            let at = group.at.clamp(start, self.own.len());
            out.push(&self.own[start..at]);
            group.table.slices(out);
            start = at;
        }
        out.push(&self.own[start..]);
    }
    /// The field with this name.
    pub fn get(&self, name: &str) -> Option<&'static FieldDef> {
        self.iter().find(|f| f.name == name)
    }
    /// The field with this `FieldURI`.
    pub fn by_uri(&self, uri: &str) -> Option<&'static FieldDef> {
        self.iter().find(|f| f.uri.uri() == uri)
    }
}

/// The first `N` fields of `defs` as a type that only receives them has them: read-only,
/// hence not required (what `#[field(group, read_only)]` chains).
pub const fn read_only_defs<const N: usize>(defs: &[FieldDef]) -> [FieldDef; N] {
    let placeholder = FieldDef::new("", FieldUri::Unindexed(""), Kind::single(ValueKind::Text));
    let mut out = [placeholder; N];
    let mut i = 0;
    while i < N && i < defs.len() {
        let mut def = defs[i];
        def.flags = def
            .flags
            .with(FieldFlags::READ_ONLY)
            .without(FieldFlags::REQUIRED);
        out[i] = def;
        i += 1;
    }
    out
}

/// A typed handle on a field: its [`FieldDef`] and, in the type parameter, the Rust type of its
/// value, so that query builders can offer only the lookups that fit (`#[derive(Fields)]`
/// generates one associated constant per field, e.g. `Note::SUBJECT`).
pub struct Field<T> {
    def: &'static FieldDef,
    value: std::marker::PhantomData<fn() -> T>,
}

impl<T> Field<T> {
    /// A handle on `def`.
    pub const fn new(def: &'static FieldDef) -> Self {
        Self {
            def,
            value: std::marker::PhantomData,
        }
    }
    /// The field's description.
    pub const fn def(&self) -> &'static FieldDef {
        self.def
    }
}

impl<T> Clone for Field<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Field<T> {}

impl<T> std::fmt::Debug for Field<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Field").field(&self.def.name).finish()
    }
}

/// A type with a field table; derive it with `#[derive(Fields)]`.
pub trait HasFields {
    /// The table.
    const FIELDS: FieldTable;
}

/// Access to the Rust field behind each [`FieldDef`] of a type, by name, for client-side
/// evaluation of queries (`ews-query` converts the values); `#[derive(Fields)]` implements it
/// with [`HasFields`].
///
/// ```
/// use ews_model::Fields;
/// use ews_model::fields::FieldAccess;
///
/// #[derive(Fields, Default)]
/// struct Note {
///     #[field(uri = "item:Subject", searchable)]
///     subject: Option<String>,
/// }
///
/// let note = Note { subject: Some("Hi".into()) };
/// let subject = note.field("subject").and_then(|v| v.downcast_ref::<Option<String>>());
/// assert_eq!(subject, Some(&Some("Hi".to_owned())));
/// assert!(note.field("body").is_none());
/// ```
pub trait FieldAccess {
    /// The Rust field that carries the field named `name` (the [`FieldDef::name`]), `None`
    /// for a name the type (and its base) does not have. Several names may return the same
    /// Rust field (the parts of the contact's physical addresses, the indexed dictionaries).
    fn field(&self, name: &str) -> Option<&dyn std::any::Any>;

    /// The extended MAPI properties, for the types that carry them (`#[field(extended)]`, or
    /// the base's). None by default.
    fn extended_properties(&self) -> Option<&crate::extended::ExtendedProperties> {
        None
    }

    /// Exchanges the Rust field behind the field named `name` with the same field of
    /// `other`; `false` (and nothing changed) for a name the type does not have, or for values
    /// of different kinds. Servers apply `SetItemField` with it, and project a response shape
    /// by moving the asked-for fields into an empty value.
    ///
    /// ```
    /// use ews_model::fields::FieldAccess;
    /// use ews_model::items::Message;
    ///
    /// let mut stored = Message::new().subject("Old");
    /// let mut update = Message::new().subject("New");
    /// assert!(stored.swap_field("subject", &mut update));
    /// assert_eq!(stored.item.subject.as_deref(), Some("New"));
    /// assert!(!stored.swap_field("no_such_field", &mut update));
    /// ```
    fn swap_field(&mut self, name: &str, other: &mut Self) -> bool
    where
        Self: Sized,
    {
        let _ = (name, other);
        false
    }

    /// The extended MAPI properties, mutably (see
    /// [`extended_properties`](Self::extended_properties)).
    fn extended_properties_mut(&mut self) -> Option<&mut crate::extended::ExtendedProperties> {
        None
    }
}

#[cfg(test)]
mod tests;
