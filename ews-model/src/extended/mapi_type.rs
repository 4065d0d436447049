//! `MapiPropertyTypeType`: the type of an extended property's value.

use std::borrow::Cow;
use std::fmt;

use ews_xml::{ValueError, XmlValue};

macro_rules! mapi_types {
    ($($(#[$doc:meta])* $variant:ident = $name:literal $(, array of $elem:ident)?;)*) => {
        /// The type of an extended property's value (`t:MapiPropertyTypeType`, the
        /// `PropertyType` attribute), every value of the schema: the scalar types and their
        /// `...Array` forms.
        ///
        /// `Error`, `Null`, `Object` and `ObjectArray` are only reported by servers (for a
        /// property that could not be read, for instance); Exchange refuses them in
        /// restrictions and updates ([`MapiType::is_settable`]).
        ///
        /// Reference: [MapiPropertyTypeType](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/extendedfielduri).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum MapiType {
            $($(#[$doc])* $variant,)*
        }

        impl MapiType {
            /// Every type, in the schema's order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// The schema's name (`Integer`, `StringArray`, `CLSID`, ...).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }

            /// The type of one element of an array type; a scalar type is its own element
            /// type.
            pub const fn element_type(self) -> Self {
                match self {
                    $($(Self::$variant => Self::$elem,)?)*
                    #[allow(unreachable_patterns)]
                    other => other,
                }
            }

            fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

mapi_types! {
    /// `PT_APPTIME`: an OLE Automation date, a double counting days since 1899-12-30.
    ApplicationTime = "ApplicationTime";
    /// `PT_MV_APPTIME`.
    ApplicationTimeArray = "ApplicationTimeArray", array of ApplicationTime;
    /// `PT_BINARY`: bytes, base64 on the wire.
    Binary = "Binary";
    /// `PT_MV_BINARY`.
    BinaryArray = "BinaryArray", array of Binary;
    /// `PT_BOOLEAN`.
    Boolean = "Boolean";
    /// `PT_CLSID`: a GUID.
    Clsid = "CLSID";
    /// `PT_MV_CLSID`.
    ClsidArray = "CLSIDArray", array of Clsid;
    /// `PT_CURRENCY`: a 64-bit integer, the amount times 10 000.
    Currency = "Currency";
    /// `PT_MV_CURRENCY`.
    CurrencyArray = "CurrencyArray", array of Currency;
    /// `PT_DOUBLE`: a double-precision float.
    Double = "Double";
    /// `PT_MV_DOUBLE`.
    DoubleArray = "DoubleArray", array of Double;
    /// `PT_ERROR`: a 32-bit error code (server-reported only).
    Error = "Error";
    /// `PT_FLOAT`: a single-precision float.
    Float = "Float";
    /// `PT_MV_FLOAT`.
    FloatArray = "FloatArray", array of Float;
    /// `PT_LONG`: a 32-bit signed integer.
    Integer = "Integer";
    /// `PT_MV_LONG`.
    IntegerArray = "IntegerArray", array of Integer;
    /// `PT_I8`: a 64-bit signed integer.
    Long = "Long";
    /// `PT_MV_I8`.
    LongArray = "LongArray", array of Long;
    /// `PT_NULL`: no value (server-reported only).
    Null = "Null";
    /// `PT_OBJECT`: an object (server-reported only).
    Object = "Object";
    /// Several objects (server-reported only).
    ObjectArray = "ObjectArray", array of Object;
    /// `PT_SHORT`: a 16-bit signed integer.
    Short = "Short";
    /// `PT_MV_SHORT`.
    ShortArray = "ShortArray", array of Short;
    /// `PT_SYSTIME`: an instant (`xs:dateTime`).
    SystemTime = "SystemTime";
    /// `PT_MV_SYSTIME`.
    SystemTimeArray = "SystemTimeArray", array of SystemTime;
    /// `PT_UNICODE`: a string.
    String = "String";
    /// `PT_MV_UNICODE`.
    StringArray = "StringArray", array of String;
}

impl MapiType {
    /// Whether the value is an array (`t:Values`).
    pub const fn is_array(self) -> bool {
        self.element_type() as u8 != self as u8
    }

    /// The array type whose elements are of this type, if there is one (`Boolean`, `Error`
    /// and `Null` have none); `None` for an array type.
    pub fn array_type(self) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.is_array() && t.element_type() == self)
    }

    /// Whether Exchange accepts the type in updates and restrictions (all but `Error`,
    /// `Null`, `Object` and `ObjectArray`).
    pub const fn is_settable(self) -> bool {
        !matches!(
            self,
            Self::Error | Self::Null | Self::Object | Self::ObjectArray
        )
    }
}

impl fmt::Display for MapiType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl XmlValue for MapiType {
    fn to_xml_value(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
    /// The schema's names, exactly (the schema is case-sensitive), surrounding whitespace
    /// ignored.
    fn from_xml_value(s: &str) -> Result<Self, ValueError> {
        Self::from_name(s.trim()).ok_or(ValueError::expected("a MapiPropertyTypeType"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_and_elements() {
        assert_eq!(MapiType::ALL.len(), 27);
        let arrays = MapiType::ALL.iter().filter(|t| t.is_array()).count();
        assert_eq!(arrays, 12);
        assert_eq!(MapiType::ClsidArray.element_type(), MapiType::Clsid);
        assert_eq!(MapiType::Clsid.array_type(), Some(MapiType::ClsidArray));
        assert_eq!(MapiType::Boolean.array_type(), None);
        assert_eq!(MapiType::StringArray.array_type(), None);
        for t in MapiType::ALL {
            assert_eq!(MapiType::from_xml_value(t.as_str()), Ok(*t));
        }
        assert!(MapiType::from_xml_value("integer").is_err());
    }
}
