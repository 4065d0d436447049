//! `ExtendedValue`: an extended property's value, parsed by its [`MapiType`].

use std::borrow::Cow;

use ews_xml::XmlValue;

use super::{ExtendedError, Guid, MapiType, cut};
use crate::time::DateTime;

/// The value of an extended property, of any [`MapiType`].
///
/// One variant serves several types where Rust has one type for them: [`ExtendedValue::Int`]
/// holds `Short`, `Integer` and `Long` values, [`ExtendedValue::Float`] `Float` and `Double`
/// values; the property's [`MapiType`] says which, and writing checks the range
/// ([`ExtendedValue::to_texts`]). Reading by type ([`ExtendedValue::parse`]) checks it too,
/// so a value read is always one that can be written back.
///
/// Text forms: integers in decimal; floats as `xs:double` (`INF`, `-INF`, `NaN`; `Infinity`
/// and the exponent forms .NET writes are read too); `Boolean` as `true`/`false` (`1`/`0`
/// and any case read); `SystemTime` as `xs:dateTime` in UTC; `CLSID` as a [`Guid`];
/// `Binary` as base64; `Error` as a signed decimal 32-bit code; `Null` as empty text.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ExtendedValue {
    /// `Boolean`.
    Bool(bool),
    /// `Short`, `Integer` or `Long`.
    Int(i64),
    /// `Float` or `Double`.
    Float(f64),
    /// `Currency`: the amount times 10 000.
    Currency(i64),
    /// `ApplicationTime`: days since 1899-12-30 (an OLE Automation date).
    AppTime(f64),
    /// `SystemTime`.
    SystemTime(DateTime),
    /// `CLSID`.
    Guid(Guid),
    /// `Binary`.
    Binary(Vec<u8>),
    /// `String`.
    String(String),
    /// `Null`.
    Null,
    /// `Error`: the 32-bit error code (`0x8004010F` for "not found").
    Error(u32),
    /// `Object`: the text as the server sent it.
    Object(String),
    /// `ShortArray`, `IntegerArray` or `LongArray`.
    IntArray(Vec<i64>),
    /// `FloatArray` or `DoubleArray`.
    FloatArray(Vec<f64>),
    /// `CurrencyArray`.
    CurrencyArray(Vec<i64>),
    /// `ApplicationTimeArray`.
    AppTimeArray(Vec<f64>),
    /// `SystemTimeArray`.
    SystemTimeArray(Vec<DateTime>),
    /// `CLSIDArray`.
    GuidArray(Vec<Guid>),
    /// `BinaryArray`.
    BinaryArray(Vec<Vec<u8>>),
    /// `StringArray`.
    StringArray(Vec<String>),
    /// `ObjectArray`: the texts as the server sent them.
    ObjectArray(Vec<String>),
}

/// One element, while parsing or formatting.
enum One {
    Bool(bool),
    Int(i64),
    Float(f64),
    DateTime(DateTime),
    Guid(Guid),
    Bytes(Vec<u8>),
    Text(String),
    Null,
    Error(u32),
}

impl ExtendedValue {
    /// The name of the variant, for messages (`Int`, `StringArray`, ...).
    pub fn variant_name(&self) -> &'static str {
        match self {
            Self::Bool(_) => "Bool",
            Self::Int(_) => "Int",
            Self::Float(_) => "Float",
            Self::Currency(_) => "Currency",
            Self::AppTime(_) => "AppTime",
            Self::SystemTime(_) => "SystemTime",
            Self::Guid(_) => "Guid",
            Self::Binary(_) => "Binary",
            Self::String(_) => "String",
            Self::Null => "Null",
            Self::Error(_) => "Error",
            Self::Object(_) => "Object",
            Self::IntArray(_) => "IntArray",
            Self::FloatArray(_) => "FloatArray",
            Self::CurrencyArray(_) => "CurrencyArray",
            Self::AppTimeArray(_) => "AppTimeArray",
            Self::SystemTimeArray(_) => "SystemTimeArray",
            Self::GuidArray(_) => "GuidArray",
            Self::BinaryArray(_) => "BinaryArray",
            Self::StringArray(_) => "StringArray",
            Self::ObjectArray(_) => "ObjectArray",
        }
    }

    /// Parses the text of one `t:Value` as a value of the scalar type `mapi_type`; for an
    /// array type, a one-element array.
    pub fn parse_one(mapi_type: MapiType, text: &str) -> Result<Self, ExtendedError> {
        Self::parse(mapi_type, &[text])
    }

    /// Parses the texts of the `t:Value` elements as a value of `mapi_type`: exactly one text
    /// for a scalar type ([`ExtendedError::ValueCount`] otherwise), any number for an
    /// array type. A failing text gives [`ExtendedError::InvalidValue`] or
    /// [`ExtendedError::OutOfRange`].
    pub fn parse<S: AsRef<str>>(mapi_type: MapiType, texts: &[S]) -> Result<Self, ExtendedError> {
        let elem = mapi_type.element_type();
        let mut ones = texts.iter().map(|t| parse_elem(elem, t.as_ref()));
        if !mapi_type.is_array() {
            return match (ones.next(), texts.len()) {
                (Some(one), 1) => Ok(scalar(mapi_type, one?)),
                (_, n) => Err(ExtendedError::ValueCount(mapi_type, n)),
            };
        }
        macro_rules! collect {
            ($variant:ident, $one:ident) => {
                Self::$variant(
                    ones.map(|o| match o? {
                        One::$one(v) => Ok(v),
                        _ => unreachable_mismatch(mapi_type),
                    })
                    .collect::<Result<_, _>>()?,
                )
            };
        }
        Ok(match elem {
            MapiType::Short | MapiType::Integer | MapiType::Long => collect!(IntArray, Int),
            MapiType::Float | MapiType::Double => collect!(FloatArray, Float),
            MapiType::Currency => collect!(CurrencyArray, Int),
            MapiType::ApplicationTime => collect!(AppTimeArray, Float),
            MapiType::SystemTime => collect!(SystemTimeArray, DateTime),
            MapiType::Clsid => collect!(GuidArray, Guid),
            MapiType::Binary => collect!(BinaryArray, Bytes),
            MapiType::Object => collect!(ObjectArray, Text),
            _ => collect!(StringArray, Text),
        })
    }

    /// Whether the value's variant is the one of `mapi_type` (ranges not checked).
    pub fn fits(&self, mapi_type: MapiType) -> bool {
        use MapiType as T;
        matches!(
            (self, mapi_type),
            (Self::Bool(_), T::Boolean)
                | (Self::Int(_), T::Short | T::Integer | T::Long)
                | (Self::Float(_), T::Float | T::Double)
                | (Self::Currency(_), T::Currency)
                | (Self::AppTime(_), T::ApplicationTime)
                | (Self::SystemTime(_), T::SystemTime)
                | (Self::Guid(_), T::Clsid)
                | (Self::Binary(_), T::Binary)
                | (Self::String(_), T::String)
                | (Self::Null, T::Null)
                | (Self::Error(_), T::Error)
                | (Self::Object(_), T::Object)
                | (
                    Self::IntArray(_),
                    T::ShortArray | T::IntegerArray | T::LongArray
                )
                | (Self::FloatArray(_), T::FloatArray | T::DoubleArray)
                | (Self::CurrencyArray(_), T::CurrencyArray)
                | (Self::AppTimeArray(_), T::ApplicationTimeArray)
                | (Self::SystemTimeArray(_), T::SystemTimeArray)
                | (Self::GuidArray(_), T::ClsidArray)
                | (Self::BinaryArray(_), T::BinaryArray)
                | (Self::StringArray(_), T::StringArray)
                | (Self::ObjectArray(_), T::ObjectArray)
        )
    }

    /// The text of each `t:Value` for a property of type `mapi_type` (one for a scalar type):
    /// checks that the variant fits the type ([`ExtendedError::TypeMismatch`]), that
    /// numbers are in the type's range ([`ExtendedError::OutOfRange`]) and that arrays are
    /// not empty ([`ExtendedError::EmptyArray`]). Also the text of a restriction's constant.
    pub fn to_texts(&self, mapi_type: MapiType) -> Result<Vec<String>, ExtendedError> {
        if !self.fits(mapi_type) {
            return Err(ExtendedError::TypeMismatch {
                expected: mapi_type,
                found: self.variant_name(),
            });
        }
        let elem = mapi_type.element_type();
        let texts: Vec<String> = match self {
            Self::Bool(b) => vec![b.to_string()],
            Self::Int(i) | Self::Currency(i) => vec![int_text(elem, *i)?],
            Self::Float(f) | Self::AppTime(f) => vec![float_text(elem, *f)?],
            Self::SystemTime(t) => vec![t.to_string()],
            Self::Guid(g) => vec![g.to_string()],
            Self::Binary(b) => vec![ews_xml::base64::encode(b)],
            Self::String(s) | Self::Object(s) => vec![s.clone()],
            Self::Null => vec![String::new()],
            Self::Error(e) => vec![(*e as i32).to_string()],
            Self::IntArray(v) | Self::CurrencyArray(v) => v
                .iter()
                .map(|i| int_text(elem, *i))
                .collect::<Result<_, _>>()?,
            Self::FloatArray(v) | Self::AppTimeArray(v) => v
                .iter()
                .map(|f| float_text(elem, *f))
                .collect::<Result<_, _>>()?,
            Self::SystemTimeArray(v) => v.iter().map(ToString::to_string).collect(),
            Self::GuidArray(v) => v.iter().map(ToString::to_string).collect(),
            Self::BinaryArray(v) => v.iter().map(|b| ews_xml::base64::encode(b)).collect(),
            Self::StringArray(v) | Self::ObjectArray(v) => v.clone(),
        };
        if mapi_type.is_array() && texts.is_empty() {
            return Err(ExtendedError::EmptyArray(mapi_type));
        }
        Ok(texts)
    }
}

/// The arms of `collect!` whose element does not match cannot happen: `parse_elem` gives the
/// element kind of the type it was asked for.
fn unreachable_mismatch<T>(mapi_type: MapiType) -> Result<T, ExtendedError> {
    Err(ExtendedError::TypeMismatch {
        expected: mapi_type,
        found: "element",
    })
}

fn scalar(mapi_type: MapiType, one: One) -> ExtendedValue {
    match (mapi_type, one) {
        (MapiType::Currency, One::Int(i)) => ExtendedValue::Currency(i),
        (MapiType::ApplicationTime, One::Float(f)) => ExtendedValue::AppTime(f),
        (MapiType::Object, One::Text(s)) => ExtendedValue::Object(s),
        (_, One::Bool(b)) => ExtendedValue::Bool(b),
        (_, One::Int(i)) => ExtendedValue::Int(i),
        (_, One::Float(f)) => ExtendedValue::Float(f),
        (_, One::DateTime(t)) => ExtendedValue::SystemTime(t),
        (_, One::Guid(g)) => ExtendedValue::Guid(g),
        (_, One::Bytes(b)) => ExtendedValue::Binary(b),
        (_, One::Text(s)) => ExtendedValue::String(s),
        (_, One::Null) => ExtendedValue::Null,
        (_, One::Error(e)) => ExtendedValue::Error(e),
    }
}

/// Parses one element of the scalar type `elem`.
fn parse_elem(elem: MapiType, text: &str) -> Result<One, ExtendedError> {
    let invalid = || ExtendedError::InvalidValue {
        mapi_type: elem,
        value: cut(text),
    };
    let t = text.trim();
    Ok(match elem {
        MapiType::Boolean => match t.to_ascii_lowercase().as_str() {
            "true" | "1" => One::Bool(true),
            "false" | "0" => One::Bool(false),
            _ => return Err(invalid()),
        },
        MapiType::Short | MapiType::Integer | MapiType::Long | MapiType::Currency => {
            let i: i64 = t.parse().map_err(|_| invalid())?;
            int_text(elem, i)?;
            One::Int(i)
        }
        MapiType::Float => {
            let f = parse_float(t).ok_or_else(invalid)?;
            // The single-precision number the text denotes (not `f` rounded twice).
            let narrow = if f.is_finite() {
                t.parse::<f32>().map_err(|_| invalid())?
            } else {
                f as f32
            };
            if narrow.is_infinite() && f.is_finite() {
                return Err(ExtendedError::OutOfRange {
                    mapi_type: elem,
                    value: cut(t),
                });
            }
            One::Float(f64::from(narrow))
        }
        MapiType::Double | MapiType::ApplicationTime => {
            One::Float(parse_float(t).ok_or_else(invalid)?)
        }
        MapiType::SystemTime => One::DateTime(t.parse().map_err(|_| invalid())?),
        MapiType::Clsid => One::Guid(Guid::parse(t).ok_or_else(invalid)?),
        MapiType::Binary => One::Bytes(ews_xml::base64::decode(text).ok_or_else(invalid)?),
        MapiType::Null => One::Null,
        MapiType::Error => One::Error(parse_error_code(t).ok_or_else(invalid)?),
        // String and Object: the text as it is, whitespace included.
        _ => One::Text(text.to_owned()),
    })
}

/// `xs:double`, plus the forms .NET writes (`Infinity`, `1E+20`).
fn parse_float(t: &str) -> Option<f64> {
    match t {
        "INF" | "Infinity" | "+INF" | "+Infinity" => Some(f64::INFINITY),
        "-INF" | "-Infinity" => Some(f64::NEG_INFINITY),
        "NaN" => Some(f64::NAN),
        // Rust also reads `inf`, `infinity` and `nan` in any case: not numbers of EWS.
        _ if t
            .bytes()
            .any(|b| b.is_ascii_alphabetic() && !matches!(b, b'e' | b'E')) =>
        {
            None
        }
        _ => t.parse().ok(),
    }
}

/// A signed or unsigned decimal 32-bit code, or hex (`0x8004010F`).
fn parse_error_code(t: &str) -> Option<u32> {
    if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        return u32::from_str_radix(hex, 16)
            .ok()
            .filter(|_| !hex.starts_with('+'));
    }
    t.parse::<u32>()
        .ok()
        .or_else(|| t.parse::<i32>().ok().map(|i| i as u32))
}

fn int_text(elem: MapiType, i: i64) -> Result<String, ExtendedError> {
    let fits = match elem {
        MapiType::Short => i16::try_from(i).is_ok(),
        MapiType::Integer => i32::try_from(i).is_ok(),
        _ => true,
    };
    if fits {
        Ok(i.to_string())
    } else {
        Err(ExtendedError::OutOfRange {
            mapi_type: elem,
            value: i.to_string(),
        })
    }
}

fn float_text(elem: MapiType, f: f64) -> Result<String, ExtendedError> {
    if elem != MapiType::Float {
        return Ok(f.to_xml_value().into_owned());
    }
    let narrow = f as f32;
    if narrow.is_infinite() && f.is_finite() {
        return Err(ExtendedError::OutOfRange {
            mapi_type: elem,
            value: f.to_string(),
        });
    }
    Ok(match f64::from(narrow).to_xml_value() {
        // Non-finite values have one spelling; finite ones the shortest single-precision form.
        Cow::Borrowed(s) => s.to_owned(),
        Cow::Owned(_) => narrow.to_string(),
    })
}

#[cfg(test)]
mod tests;
