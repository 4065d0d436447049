//! `t:ExtendedProperty` (an address with its value) and the list of them an item or folder
//! carries.

use ews_xml::{
    Name, ReadError, ReadErrorKind, Reader, StartTag, WriteError, Writer, XmlRead, XmlWrite,
};

use super::{ExtendedError, ExtendedFieldUri, ExtendedPropertyValue, ExtendedValue, PropertyDef};
use crate::fields::{FieldValue, Kind, ValueKind};

/// An extended property with its value: `t:ExtendedProperty` (`ExtendedPropertyType`).
///
/// **Writing is strict**: the value must fit the type of `uri` (variant, range, at least one
/// element for an array type), else [`WriteError::InvalidValue`]; an array type is written as
/// `t:Values`, a scalar type as `t:Value`, as the schema and Exchange want.
///
/// **Reading is lenient where that is harmless**: the value is parsed by the type in
/// `t:ExtendedFieldURI` (so `t:ExtendedFieldURI` is required); an array type may come with a
/// single `t:Value` (read as a one-element array) and with an empty `t:Values` (an empty
/// array); a scalar type may come as `t:Values` holding exactly one `t:Value`. Anything else
/// is an error at the element path: a scalar with several values
/// ([`ExtendedError::ValueCount`]), both `t:Value` and `t:Values`
/// ([`ExtendedError::ValueAndValues`]), text that is not a value of the type
/// ([`ReadErrorKind::InvalidValue`], path ending in `Value`), a number out of the type's range
/// ([`ExtendedError::OutOfRange`]). Unknown child elements are skipped.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExtendedProperty {
    /// The address and type.
    pub uri: ExtendedFieldUri,
    /// The value.
    pub value: ExtendedValue,
}

impl ExtendedProperty {
    /// A property whose value fits its type (as writing requires).
    pub fn new(uri: ExtendedFieldUri, value: ExtendedValue) -> Result<Self, ExtendedError> {
        value.to_texts(uri.mapi_type())?;
        Ok(Self { uri, value })
    }

    /// The property defined by `def` with `value`.
    pub fn from_def<T: ExtendedPropertyValue>(def: &PropertyDef<T>, value: &T) -> Self {
        Self {
            uri: def.uri().clone(),
            value: value.to_value(),
        }
    }
}

impl XmlWrite for ExtendedProperty {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        let mapi_type = self.uri.mapi_type();
        let texts = self
            .value
            .to_texts(mapi_type)
            .map_err(|e| WriteError::InvalidValue(e.to_string()))?;
        w.start(name)?;
        self.uri.write_xml(w, Name::t("ExtendedFieldURI"))?;
        if mapi_type.is_array() {
            w.start(Name::t("Values"))?;
            for text in &texts {
                w.element_text(Name::t("Value"), text)?;
            }
            w.end()?;
        } else {
            for text in &texts {
                w.element_text(Name::t("Value"), text)?;
            }
        }
        w.end()
    }
}

impl XmlRead for ExtendedProperty {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let mut uri = None;
        let mut single: Vec<String> = Vec::new();
        let mut multi: Option<Vec<String>> = None;
        while let Some(child) = r.next_child()? {
            if child.is(Name::t("ExtendedFieldURI")) {
                uri = Some(ExtendedFieldUri::read_xml(r, &child)?);
            } else if child.is(Name::t("Value")) {
                single.push(r.read_text()?);
            } else if child.is(Name::t("Values")) {
                let list = multi.get_or_insert_with(Vec::new);
                while let Some(value) = r.next_child()? {
                    if value.is(Name::t("Value")) {
                        list.push(r.read_text()?);
                    } else {
                        r.skip_element()?;
                    }
                }
            } else {
                r.skip_element()?;
            }
        }
        let Some(uri) = uri else {
            return Err(r.error_after(start, ReadErrorKind::MissingElement("ExtendedFieldURI")));
        };
        let custom = |e: ExtendedError| r.error_after(start, ReadErrorKind::Custom(Box::new(e)));
        let (texts, at) = match (single.is_empty(), multi) {
            (false, Some(_)) => return Err(custom(ExtendedError::ValueAndValues)),
            (true, None) => {
                return Err(r.error_after(start, ReadErrorKind::MissingElement("Value")));
            }
            (false, None) => (single, "Value"),
            (true, Some(list)) => (list, "Values/Value"),
        };
        let mapi_type = uri.mapi_type();
        let value = ExtendedValue::parse(mapi_type, &texts).map_err(|e| match e {
            ExtendedError::InvalidValue { value, mapi_type } => {
                let err = r.error_after(
                    start,
                    ReadErrorKind::InvalidValue {
                        value,
                        expected: expected(mapi_type),
                    },
                );
                let path = format!("{}/{at}", err.path());
                let position = err.position();
                ReadError::new(err.into_kind(), path, position)
            }
            other => custom(other),
        })?;
        Ok(Self { uri, value })
    }
}

/// What a value of the scalar type was expected to be, for [`ReadErrorKind::InvalidValue`].
fn expected(mapi_type: super::MapiType) -> &'static str {
    use super::MapiType as T;
    match mapi_type {
        T::Boolean => "a Boolean (true or false)",
        T::Short => "a Short (16-bit integer)",
        T::Integer => "an Integer (32-bit integer)",
        T::Long => "a Long (64-bit integer)",
        T::Currency => "a Currency (64-bit integer)",
        T::Float => "a Float (number)",
        T::Double => "a Double (number)",
        T::ApplicationTime => "an ApplicationTime (number)",
        T::SystemTime => "a SystemTime (xs:dateTime)",
        T::Clsid => "a CLSID (GUID)",
        T::Binary => "Binary (base64)",
        T::Error => "an Error (32-bit code)",
        _ => "a value of the property type",
    }
}

impl FieldValue for ExtendedProperty {
    const KIND: Kind = Kind::single(ValueKind::Extended);
}

/// The extended properties of an item or folder: the `t:ExtendedProperty` elements of its
/// sequence.
///
/// Flatten it into an item or folder type (`#[xml(flatten)] extended: ExtendedProperties` at
/// the place of `ExtendedProperty` in the schema's sequence) to write and read the repeated
/// `t:ExtendedProperty` children there; written as an element of its own it is the wrapper
/// `NonEmptyArrayOfExtendedPropertyType` (`t:ExtendedProperties` of personas and IM groups).
///
/// Typed access goes through a [`PropertyDef`]; a property is found by
/// [`PropertyAddress::same_property`](super::PropertyAddress::same_property), so a response
/// that names a distinguished set by its GUID still matches.
#[derive(Clone, Debug, Default, PartialEq, ews_xml::XmlWrite, ews_xml::XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct ExtendedProperties {
    #[xml(name = "ExtendedProperty")]
    properties: Vec<ExtendedProperty>,
}

impl ExtendedProperties {
    /// The value of the property `def`: `None` when absent, an error when it has another type
    /// or its number does not fit `T`.
    pub fn get<T: ExtendedPropertyValue>(
        &self,
        def: &PropertyDef<T>,
    ) -> Option<Result<T, ExtendedError>> {
        self.find(def.uri()).map(|p| T::from_value(p.value.clone()))
    }

    /// Sets the property `def` to `value`, replacing an existing value.
    pub fn set<T: ExtendedPropertyValue>(&mut self, def: &PropertyDef<T>, value: T) {
        let property = ExtendedProperty::from_def(def, &value);
        match self.position(def.uri()) {
            Some(i) => self.properties[i] = property,
            None => self.properties.push(property),
        }
    }

    /// Removes the property `def`; whether it was there.
    pub fn remove<T>(&mut self, def: &PropertyDef<T>) -> bool
    where
        T: ExtendedPropertyValue,
    {
        let before = self.properties.len();
        let uri = def.uri();
        self.properties
            .retain(|p| !p.uri.address().same_property(uri.address()));
        self.properties.len() != before
    }

    /// The property at the address of `uri` (whatever its type), untyped.
    pub fn find(&self, uri: &ExtendedFieldUri) -> Option<&ExtendedProperty> {
        self.position(uri).map(|i| &self.properties[i])
    }

    /// Removes the property at the address of `uri` (whatever its type); whether there was
    /// one.
    pub fn remove_uri(&mut self, uri: &ExtendedFieldUri) -> bool {
        let before = self.properties.len();
        self.properties
            .retain(|p| !p.uri.address().same_property(uri.address()));
        self.properties.len() != before
    }

    /// Adds or replaces a property, untyped (its value is checked when written).
    pub fn insert(&mut self, property: ExtendedProperty) {
        match self.position(&property.uri) {
            Some(i) => self.properties[i] = property,
            None => self.properties.push(property),
        }
    }

    fn position(&self, uri: &ExtendedFieldUri) -> Option<usize> {
        self.properties
            .iter()
            .position(|p| p.uri.address().same_property(uri.address()))
    }

    /// The properties, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, ExtendedProperty> {
        self.properties.iter()
    }

    /// How many properties there are.
    pub fn len(&self) -> usize {
        self.properties.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.properties.is_empty()
    }

    /// The properties as a vector.
    pub fn into_vec(self) -> Vec<ExtendedProperty> {
        self.properties
    }
}

impl From<Vec<ExtendedProperty>> for ExtendedProperties {
    fn from(properties: Vec<ExtendedProperty>) -> Self {
        Self { properties }
    }
}

impl FromIterator<ExtendedProperty> for ExtendedProperties {
    fn from_iter<I: IntoIterator<Item = ExtendedProperty>>(iter: I) -> Self {
        Self {
            properties: iter.into_iter().collect(),
        }
    }
}

impl<'a> IntoIterator for &'a ExtendedProperties {
    type Item = &'a ExtendedProperty;
    type IntoIter = std::slice::Iter<'a, ExtendedProperty>;
    fn into_iter(self) -> Self::IntoIter {
        self.properties.iter()
    }
}

impl IntoIterator for ExtendedProperties {
    type Item = ExtendedProperty;
    type IntoIter = std::vec::IntoIter<ExtendedProperty>;
    fn into_iter(self) -> Self::IntoIter {
        self.properties.into_iter()
    }
}

impl FieldValue for ExtendedProperties {
    const KIND: Kind = Kind {
        value: ValueKind::Extended,
        list: true,
    };
}
