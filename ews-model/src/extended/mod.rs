//! Extended MAPI properties: any property of an item or folder that EWS has no named field
//! for, addressed by its MAPI property tag or by a named property (a property set plus a name
//! or a numeric id), with a typed value.
//!
//! - [`ExtendedFieldUri`] is the address (`t:ExtendedFieldURI`): its constructors only build
//!   the combinations the schema allows (a [`PropertyAddress`] plus a [`MapiType`]), and
//!   reading one checks the combination.
//! - [`ExtendedValue`] is a value of any [`MapiType`], arrays included, parsed by type from
//!   the `t:Value` / `t:Values` text; [`ExtendedProperty`] pairs an address with a value
//!   (`t:ExtendedProperty`), and [`ExtendedProperties`] is the list an item or folder carries.
//! - [`PropertyDef`] is a typed definition, declared once as a constant: the Rust type of the
//!   value decides the [`MapiType`] (see [`ExtendedPropertyValue`]), so reading and writing
//!   the property through [`ExtendedProperties::get`] and [`ExtendedProperties::set`] is
//!   checked at compile time, and [`PropertyDef::uri`] is the path for shapes, restrictions
//!   and sort orders ([`PropertyDef::constant`] gives a restriction's constant).
//!
//! ```
//! use ews_model::extended::{
//!     Currency, ExtendedProperties, Guid, PropertyDef, PropertySet,
//! };
//!
//! /// Outlook's follow-up flag (`PidTagFlagStatus`).
//! const FLAG_STATUS: PropertyDef<i32> = PropertyDef::tag(0x1090);
//! /// A custom named property in a property set of our own.
//! const MY_SET: Guid = Guid::from_u128(0x12345678_1234_1234_1234_123456781234);
//! const LUNCH_MENU: PropertyDef<String> =
//!     PropertyDef::named(PropertySet::Guid(MY_SET), "Catering from the cafeteria");
//! /// `PidLidTaskDueDate`-style: a property set plus a numeric id.
//! const PRICES: PropertyDef<Vec<Currency>> = PropertyDef::id(PropertySet::Common, 0x8599);
//!
//! let mut props = ExtendedProperties::default();
//! props.set(&FLAG_STATUS, 2);
//! props.set(&LUNCH_MENU, "Foie gras".to_owned());
//! props.set(&PRICES, vec![Currency(12_5000)]);
//! assert_eq!(props.get(&FLAG_STATUS).transpose()?, Some(2));
//! assert_eq!(props.get(&LUNCH_MENU).transpose()?.as_deref(), Some("Foie gras"));
//! assert!(props.remove(&PRICES));
//! assert_eq!(props.len(), 2);
//! # Ok::<(), ews_model::extended::ExtendedError>(())
//! ```
//!
//! Reference: [ExtendedProperty](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/extendedproperty),
//! [ExtendedFieldURI](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/extendedfielduri).

mod def;
mod guid;
mod mapi_type;
mod property;
mod set;
mod uri;
mod value;

pub use def::{AppTime, Currency, ExtendedPropertyValue, PropertyDef};
pub use guid::Guid;
pub use mapi_type::MapiType;
pub use property::{ExtendedProperties, ExtendedProperty};
pub use set::PropertySet;
pub use uri::{ExtendedFieldUri, PropertyAddress};
pub use value::ExtendedValue;

/// What went wrong with an extended property: an address that is not one of the schema's
/// combinations, a value that does not fit its type, or a typed read of the wrong type.
///
/// While reading XML these come wrapped in [`ews_xml::ReadErrorKind::Custom`] (text that does
/// not parse is [`ews_xml::ReadErrorKind::InvalidValue`]); the [`ews_xml::ReadError`] carries
/// the element path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExtendedError {
    /// The attributes of a `t:ExtendedFieldURI` are not one of the valid combinations: a
    /// `PropertyTag` alone, or one property set (`DistinguishedPropertySetId` or
    /// `PropertySetId`) plus one of `PropertyName` or `PropertyId`.
    #[error("invalid extended property address: {0}")]
    InvalidAddress(&'static str),
    /// Text that is not a GUID.
    #[error("invalid GUID {0:?}")]
    InvalidGuid(String),
    /// Text that is not a value of the property's type.
    #[error("invalid {mapi_type} value {value:?}")]
    InvalidValue {
        /// The property type.
        mapi_type: MapiType,
        /// The text (cut to 80 characters).
        value: String,
    },
    /// A number outside the range of the property type (`Short` is 16 bits, `Integer` 32,
    /// `Float` a single-precision float).
    #[error("{value} is out of range for a {mapi_type} property")]
    OutOfRange {
        /// The property type.
        mapi_type: MapiType,
        /// The value.
        value: String,
    },
    /// A value whose variant is not the one of the property type (a string for an
    /// `Integer` property, an array for a scalar type...).
    #[error("a {found} value does not fit a {expected} property")]
    TypeMismatch {
        /// The property type.
        expected: MapiType,
        /// The kind of value found.
        found: &'static str,
    },
    /// An array property without values: the schema requires at least one.
    #[error("a {0} property needs at least one value")]
    EmptyArray(MapiType),
    /// A scalar property without a value or with several (`t:Values` with more than one
    /// `t:Value`).
    #[error("a {0} property has exactly one value, found {1}")]
    ValueCount(MapiType, usize),
    /// Both `t:Value` and `t:Values`.
    #[error("an extended property has either t:Value or t:Values, not both")]
    ValueAndValues,
}

fn cut(text: &str) -> String {
    let mut value: String = text.chars().take(80).collect();
    if value.len() < text.len() {
        value.push('…');
    }
    value
}
