//! `t:ExtendedFieldURI`: the address of an extended property.

use std::borrow::Cow;

use ews_xml::{
    Name, ReadError, ReadErrorKind, Reader, StartTag, WriteError, Writer, XmlRead, XmlValue,
    XmlWrite,
};

use super::{ExtendedError, Guid, MapiType, PropertySet};

/// Where an extended property is: the three valid ways of addressing one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum PropertyAddress {
    /// A MAPI property tag without its type part (`PropertyTag="0x1090"`).
    Tag(u16),
    /// A named property with a string name (`PropertyName`).
    Name {
        /// The property set.
        set: PropertySet,
        /// The name.
        name: Cow<'static, str>,
    },
    /// A named property with a numeric id (`PropertyId`, the LID of MS-OXPROPS).
    Id {
        /// The property set.
        set: PropertySet,
        /// The id.
        id: i32,
    },
}

impl PropertyAddress {
    /// Whether both address the same property: the same tag, or the same set (a
    /// distinguished set equals its GUID) with the same id or name (compared without regard
    /// to case in [`PropertySet::InternetHeaders`]).
    pub fn same_property(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Tag(a), Self::Tag(b)) => a == b,
            (Self::Id { set: s1, id: a }, Self::Id { set: s2, id: b }) => {
                a == b && s1.same_set(*s2)
            }
            (Self::Name { set: s1, name: a }, Self::Name { set: s2, name: b }) => {
                s1.same_set(*s2)
                    && if s1.same_set(PropertySet::InternetHeaders) {
                        a.eq_ignore_ascii_case(b)
                    } else {
                        a == b
                    }
            }
            _ => false,
        }
    }
}

/// The address and type of an extended property: the path element `t:ExtendedFieldURI`, used
/// in `AdditionalProperties`, restrictions, sort orders, updates and inside
/// `t:ExtendedProperty`.
///
/// Only the schema's valid combinations can be built: a property tag, or a property set plus
/// a name or an id, always with a type. Reading checks the combination: anything else is a
/// [`ReadErrorKind::Custom`] error holding [`ExtendedError::InvalidAddress`].
///
/// Tags are written in hex (`PropertyTag="0x0e08"`) and read in hex (`0x`/`0X`, any case) or
/// decimal; property ids are written in decimal (`xs:int`) and also read in hex.
///
/// ```
/// use ews_model::extended::{ExtendedFieldUri, MapiType, PropertySet};
///
/// let size = ExtendedFieldUri::tag(0x0E08, MapiType::Integer);
/// let udf = ExtendedFieldUri::named(PropertySet::PublicStrings, "MyProp", MapiType::String);
/// let reminder = ExtendedFieldUri::id(PropertySet::Common, 0x8503, MapiType::Boolean);
/// assert_eq!(size.mapi_type(), MapiType::Integer);
/// # let _ = (udf, reminder);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExtendedFieldUri {
    address: PropertyAddress,
    mapi_type: MapiType,
}

impl ExtendedFieldUri {
    /// The property at `address`, of type `mapi_type`.
    pub const fn new(address: PropertyAddress, mapi_type: MapiType) -> Self {
        Self { address, mapi_type }
    }

    /// A property by MAPI tag (the tag's upper 16 bits, without the type).
    pub const fn tag(tag: u16, mapi_type: MapiType) -> Self {
        Self::new(PropertyAddress::Tag(tag), mapi_type)
    }

    /// A named property with a string name (usable in constants).
    pub const fn named(set: PropertySet, name: &'static str, mapi_type: MapiType) -> Self {
        let name = Cow::Borrowed(name);
        Self::new(PropertyAddress::Name { set, name }, mapi_type)
    }

    /// A named property with a string name built at run time.
    pub fn named_owned(set: PropertySet, name: impl Into<String>, mapi_type: MapiType) -> Self {
        let name = Cow::Owned(name.into());
        Self::new(PropertyAddress::Name { set, name }, mapi_type)
    }

    /// A named property with a numeric id.
    pub const fn id(set: PropertySet, id: i32, mapi_type: MapiType) -> Self {
        Self::new(PropertyAddress::Id { set, id }, mapi_type)
    }

    /// Where the property is.
    pub const fn address(&self) -> &PropertyAddress {
        &self.address
    }

    /// The type of its value.
    pub const fn mapi_type(&self) -> MapiType {
        self.mapi_type
    }

    /// Reads the attributes of a `t:ExtendedFieldURI` start tag (or of any element of
    /// `PathToExtendedFieldType`, such as the `t:ExtendedProperty` paths of `GetImItems`),
    /// checking the combination. Errors carry the reader's current path.
    pub fn from_start_tag(r: &Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let bad = |reason| {
            r.error(ReadErrorKind::Custom(Box::new(
                ExtendedError::InvalidAddress(reason),
            )))
        };
        let mapi_type = match start.attr("PropertyType") {
            Some(v) => r.parse_value::<MapiType>(v)?,
            None => return Err(r.error(ReadErrorKind::MissingAttribute("PropertyType"))),
        };
        let distinguished = match start.attr("DistinguishedPropertySetId") {
            Some(v) => Some(
                PropertySet::from_distinguished_name(v.trim()).ok_or_else(|| {
                    r.error(ReadErrorKind::InvalidValue {
                        value: super::cut(v),
                        expected: "a DistinguishedPropertySetType",
                    })
                })?,
            ),
            None => None,
        };
        let guid = match start.attr("PropertySetId") {
            Some(v) => Some(PropertySet::Guid(r.parse_value::<Guid>(v)?)),
            None => None,
        };
        let tag = match start.attr("PropertyTag") {
            Some(v) => Some(parse_tag(v).ok_or_else(|| {
                r.error(ReadErrorKind::InvalidValue {
                    value: super::cut(v),
                    expected: "a property tag (0x0000 to 0xFFFF, or 0 to 65535)",
                })
            })?),
            None => None,
        };
        let name = start.attr("PropertyName");
        let id = match start.attr("PropertyId") {
            Some(v) => Some(parse_id(v).ok_or_else(|| {
                r.error(ReadErrorKind::InvalidValue {
                    value: super::cut(v),
                    expected: "a property id (xs:int)",
                })
            })?),
            None => None,
        };
        let set = match (distinguished, guid) {
            (Some(_), Some(_)) => {
                return Err(bad("both DistinguishedPropertySetId and PropertySetId"));
            }
            (set, None) | (None, set) => set,
        };
        let address = match (tag, set, name, id) {
            (Some(tag), None, None, None) => PropertyAddress::Tag(tag),
            (Some(_), ..) => {
                return Err(bad("PropertyTag with a property set, name or id"));
            }
            (None, Some(set), Some(name), None) => PropertyAddress::Name {
                set,
                name: Cow::Owned(name.to_owned()),
            },
            (None, Some(set), None, Some(id)) => PropertyAddress::Id { set, id },
            (None, Some(_), Some(_), Some(_)) => {
                return Err(bad("both PropertyName and PropertyId"));
            }
            (None, Some(_), None, None) => {
                return Err(bad("a property set without PropertyName or PropertyId"));
            }
            (None, None, Some(_), _) | (None, None, None, Some(_)) => {
                return Err(bad("PropertyName or PropertyId without a property set"));
            }
            (None, None, None, None) => {
                return Err(bad("neither PropertyTag nor a property set"));
            }
        };
        Ok(Self { address, mapi_type })
    }

    /// Writes the attributes onto the element just opened.
    pub fn write_attrs(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
        let set_attr = |w: &mut Writer<'_>, set: PropertySet| match set.distinguished_name() {
            Some(name) => w.attr("DistinguishedPropertySetId", name),
            None => w.attr("PropertySetId", &set.guid().to_string()),
        };
        match &self.address {
            PropertyAddress::Tag(tag) => w.attr("PropertyTag", &format!("0x{tag:04x}"))?,
            PropertyAddress::Name { set, name } => {
                set_attr(w, *set)?;
                w.attr("PropertyName", name)?;
            }
            PropertyAddress::Id { set, id } => {
                set_attr(w, *set)?;
                w.attr("PropertyId", &id.to_string())?;
            }
        }
        w.attr("PropertyType", &self.mapi_type.to_xml_value())
    }
}

impl ews_xml::XmlElement for ExtendedFieldUri {
    const NAME: Name<'static> = Name::t("ExtendedFieldURI");
}

impl XmlWrite for ExtendedFieldUri {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        self.write_attrs(w)?;
        w.end()
    }
}

impl XmlRead for ExtendedFieldUri {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let uri = Self::from_start_tag(r, start)?;
        r.skip_element()?;
        Ok(uri)
    }
}

/// `PropertyTagType`: `0x` or `0X` and hex digits, or decimal, up to 0xFFFF. Leading zeros
/// beyond the schema's four digits are tolerated.
fn parse_tag(text: &str) -> Option<u16> {
    let t = text.trim();
    match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u16::from_str_radix(hex, 16).ok()
        }
        Some(_) => None,
        None if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => t.parse().ok(),
        None => None,
    }
}

/// `xs:int`, or (leniently) hex as in Microsoft's documentation (`0x8524`, up to
/// `0xFFFFFFFF`, taken as the two's complement `i32`).
fn parse_id(text: &str) -> Option<i32> {
    let t = text.trim();
    match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).ok().map(|v| v as i32)
        }
        Some(_) => None,
        None => t.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_ids() {
        assert_eq!(parse_tag("0x1090"), Some(0x1090));
        assert_eq!(parse_tag("0X10f4"), Some(0x10f4));
        assert_eq!(parse_tag("4340"), Some(4340));
        assert_eq!(parse_tag("0x00001090"), Some(0x1090));
        assert_eq!(parse_tag("65536"), None);
        assert_eq!(parse_tag("0x10000"), None);
        assert_eq!(parse_tag("-1"), None);
        assert_eq!(parse_tag("0x"), None);
        assert_eq!(parse_tag("+12"), None);
        assert_eq!(parse_id("34084"), Some(34084));
        assert_eq!(parse_id("0x8524"), Some(0x8524));
        assert_eq!(parse_id("-5"), Some(-5));
        assert_eq!(parse_id("0xFFFFFFFF"), Some(-1));
        assert_eq!(parse_id("x"), None);
    }

    #[test]
    fn same_property_across_forms() {
        let by_name = PropertyAddress::Id {
            set: PropertySet::Task,
            id: 0x8105,
        };
        let by_guid = PropertyAddress::Id {
            set: PropertySet::Guid(Guid::from_u128(0x00062003_0000_0000_c000_000000000046)),
            id: 0x8105,
        };
        assert!(by_name.same_property(&by_guid));
        let h1 = PropertyAddress::Name {
            set: PropertySet::InternetHeaders,
            name: "X-Foo".into(),
        };
        let h2 = PropertyAddress::Name {
            set: PropertySet::InternetHeaders,
            name: "x-foo".into(),
        };
        assert!(h1.same_property(&h2));
    }
}
