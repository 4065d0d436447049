//! Typed definitions of extended properties: declare one once, as a constant, and read and
//! write it with its Rust type.

use std::fmt;
use std::marker::PhantomData;

use super::{ExtendedError, ExtendedFieldUri, ExtendedValue, Guid, MapiType, PropertySet};
use crate::time::DateTime;

/// A Rust type that is the value of an extended property of one [`MapiType`].
///
/// | Rust type | `MapiType` | | Rust type | `MapiType` |
/// |---|---|---|---|---|
/// | `bool` | `Boolean` | | | |
/// | `i16` | `Short` | | `Vec<i16>` | `ShortArray` |
/// | `i32` | `Integer` | | `Vec<i32>` | `IntegerArray` |
/// | `i64` | `Long` | | `Vec<i64>` | `LongArray` |
/// | `f32` | `Float` | | `Vec<f32>` | `FloatArray` |
/// | `f64` | `Double` | | `Vec<f64>` | `DoubleArray` |
/// | [`Currency`] | `Currency` | | `Vec<Currency>` | `CurrencyArray` |
/// | [`AppTime`] | `ApplicationTime` | | `Vec<AppTime>` | `ApplicationTimeArray` |
/// | [`DateTime`] | `SystemTime` | | `Vec<DateTime>` | `SystemTimeArray` |
/// | [`Guid`] | `CLSID` | | `Vec<Guid>` | `CLSIDArray` |
/// | `Vec<u8>` | `Binary` | | `Vec<Vec<u8>>` | `BinaryArray` |
/// | `String` | `String` | | `Vec<String>` | `StringArray` |
///
/// Implement it for a type of your own (an enum kept as an `Integer`, say) to use it in a
/// [`PropertyDef`].
pub trait ExtendedPropertyValue: Sized {
    /// The property type.
    const MAPI_TYPE: MapiType;
    /// The value to write.
    fn to_value(&self) -> ExtendedValue;
    /// The value read; [`ExtendedError::TypeMismatch`] when the variant is not the one of
    /// [`MAPI_TYPE`](Self::MAPI_TYPE), [`ExtendedError::OutOfRange`] when the number does not
    /// fit.
    fn from_value(value: ExtendedValue) -> Result<Self, ExtendedError>;
}

/// A `Currency` amount: the value times 10 000 (`Currency(12_3400)` is 12.34).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Currency(pub i64);

/// An `ApplicationTime`: an OLE Automation date, days since 1899-12-30 00:00 with the time of
/// day as the fraction.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AppTime(pub f64);

fn mismatch<T>(expected: MapiType, value: &ExtendedValue) -> Result<T, ExtendedError> {
    Err(ExtendedError::TypeMismatch {
        expected,
        found: value.variant_name(),
    })
}

fn narrow<T: TryFrom<i64>>(mapi_type: MapiType, i: i64) -> Result<T, ExtendedError> {
    T::try_from(i).map_err(|_| ExtendedError::OutOfRange {
        mapi_type,
        value: i.to_string(),
    })
}

fn narrow_f32(mapi_type: MapiType, f: f64) -> Result<f32, ExtendedError> {
    let n = f as f32;
    if n.is_infinite() && f.is_finite() {
        return Err(ExtendedError::OutOfRange {
            mapi_type,
            value: f.to_string(),
        });
    }
    Ok(n)
}

macro_rules! value_impls {
    ($(
        $ty:ty => $mapi:ident,
        |$v:ident| $to:expr,
        $variant:ident($x:ident) => $from:expr;
    )*) => {$(
        impl ExtendedPropertyValue for $ty {
            const MAPI_TYPE: MapiType = MapiType::$mapi;
            fn to_value(&self) -> ExtendedValue {
                let $v = self;
                $to
            }
            fn from_value(value: ExtendedValue) -> Result<Self, ExtendedError> {
                const T: MapiType = MapiType::$mapi;
                let _ = T;
                match value {
                    ExtendedValue::$variant($x) => $from,
                    other => mismatch(T, &other),
                }
            }
        }
    )*};
}

value_impls! {
    bool => Boolean, |v| ExtendedValue::Bool(*v), Bool(b) => Ok(b);
    i16 => Short, |v| ExtendedValue::Int((*v).into()), Int(i) => narrow(T, i);
    i32 => Integer, |v| ExtendedValue::Int((*v).into()), Int(i) => narrow(T, i);
    i64 => Long, |v| ExtendedValue::Int(*v), Int(i) => Ok(i);
    f32 => Float, |v| ExtendedValue::Float((*v).into()), Float(f) => narrow_f32(T, f);
    f64 => Double, |v| ExtendedValue::Float(*v), Float(f) => Ok(f);
    Currency => Currency, |v| ExtendedValue::Currency(v.0), Currency(i) => Ok(Currency(i));
    AppTime => ApplicationTime, |v| ExtendedValue::AppTime(v.0), AppTime(f) => Ok(AppTime(f));
    DateTime => SystemTime, |v| ExtendedValue::SystemTime(*v), SystemTime(t) => Ok(t);
    Guid => Clsid, |v| ExtendedValue::Guid(*v), Guid(g) => Ok(g);
    Vec<u8> => Binary, |v| ExtendedValue::Binary(v.clone()), Binary(b) => Ok(b);
    String => String, |v| ExtendedValue::String(v.clone()), String(s) => Ok(s);
    Vec<i16> => ShortArray,
        |v| ExtendedValue::IntArray(v.iter().map(|&i| i.into()).collect()),
        IntArray(v) => v.into_iter().map(|i| narrow(T, i)).collect();
    Vec<i32> => IntegerArray,
        |v| ExtendedValue::IntArray(v.iter().map(|&i| i.into()).collect()),
        IntArray(v) => v.into_iter().map(|i| narrow(T, i)).collect();
    Vec<i64> => LongArray, |v| ExtendedValue::IntArray(v.clone()), IntArray(v) => Ok(v);
    Vec<f32> => FloatArray,
        |v| ExtendedValue::FloatArray(v.iter().map(|&f| f.into()).collect()),
        FloatArray(v) => v.into_iter().map(|f| narrow_f32(T, f)).collect();
    Vec<f64> => DoubleArray, |v| ExtendedValue::FloatArray(v.clone()), FloatArray(v) => Ok(v);
    Vec<Currency> => CurrencyArray,
        |v| ExtendedValue::CurrencyArray(v.iter().map(|c| c.0).collect()),
        CurrencyArray(v) => Ok(v.into_iter().map(Currency).collect());
    Vec<AppTime> => ApplicationTimeArray,
        |v| ExtendedValue::AppTimeArray(v.iter().map(|t| t.0).collect()),
        AppTimeArray(v) => Ok(v.into_iter().map(AppTime).collect());
    Vec<DateTime> => SystemTimeArray,
        |v| ExtendedValue::SystemTimeArray(v.clone()), SystemTimeArray(v) => Ok(v);
    Vec<Guid> => ClsidArray, |v| ExtendedValue::GuidArray(v.clone()), GuidArray(v) => Ok(v);
    Vec<Vec<u8>> => BinaryArray,
        |v| ExtendedValue::BinaryArray(v.clone()), BinaryArray(v) => Ok(v);
    Vec<String> => StringArray,
        |v| ExtendedValue::StringArray(v.clone()), StringArray(v) => Ok(v);
}

/// A typed definition of an extended property: its address, with the type of its value given
/// by the Rust type `T` (see [`ExtendedPropertyValue`] for the mapping). Declare it once as a
/// constant and use it to read and write the property ([`ExtendedProperties`]), to ask for it
/// (`AdditionalProperties`, [`uri`](Self::uri)) and in restrictions
/// ([`uri`](Self::uri) and [`constant`](Self::constant)).
///
/// ```
/// use ews_model::extended::{Guid, MapiType, PropertyDef, PropertySet};
/// use ews_model::time::DateTime;
///
/// /// `PidTagMessageSize` (as exchangelib's `FolderSize` example).
/// const SIZE: PropertyDef<i32> = PropertyDef::tag(0x0E08);
/// /// `PidLidTaskDueDate`.
/// const DUE: PropertyDef<DateTime> = PropertyDef::id(PropertySet::Task, 0x8105);
/// /// An Outlook user defined field.
/// const UDF: PropertyDef<Vec<String>> = PropertyDef::named(PropertySet::PublicStrings, "Tags");
/// assert_eq!(DUE.uri().mapi_type(), MapiType::SystemTime);
/// assert_eq!(UDF.constant(&vec!["a".into()])?, "a");
/// # let _ = SIZE;
/// # Ok::<(), ews_model::extended::ExtendedError>(())
/// ```
///
/// [`ExtendedProperties`]: super::ExtendedProperties
pub struct PropertyDef<T> {
    uri: ExtendedFieldUri,
    value: PhantomData<fn() -> T>,
}

impl<T: ExtendedPropertyValue> PropertyDef<T> {
    /// A property by MAPI tag (without the type part).
    pub const fn tag(tag: u16) -> Self {
        Self::from_uri(ExtendedFieldUri::tag(tag, T::MAPI_TYPE))
    }

    /// A named property with a string name.
    pub const fn named(set: PropertySet, name: &'static str) -> Self {
        Self::from_uri(ExtendedFieldUri::named(set, name, T::MAPI_TYPE))
    }

    /// A named property with a numeric id.
    pub const fn id(set: PropertySet, id: i32) -> Self {
        Self::from_uri(ExtendedFieldUri::id(set, id, T::MAPI_TYPE))
    }

    /// A definition for an address built at run time (the type comes from `T`, whatever
    /// `uri` says).
    pub fn with_address(uri: &ExtendedFieldUri) -> Self {
        Self::from_uri(ExtendedFieldUri::new(uri.address().clone(), T::MAPI_TYPE))
    }

    const fn from_uri(uri: ExtendedFieldUri) -> Self {
        Self {
            uri,
            value: PhantomData,
        }
    }

    /// The address and type: the `t:ExtendedFieldURI` path.
    pub const fn uri(&self) -> &ExtendedFieldUri {
        &self.uri
    }

    /// The text of `value` as a restriction's constant (`t:Constant Value="..."`): for an
    /// array type, the first element (a restriction on a multi-valued property matches any
    /// element). [`ExtendedError::EmptyArray`] for an empty array.
    pub fn constant(&self, value: &T) -> Result<String, ExtendedError> {
        let mut texts = value.to_value().to_texts(T::MAPI_TYPE)?;
        if texts.is_empty() {
            return Err(ExtendedError::EmptyArray(T::MAPI_TYPE));
        }
        Ok(texts.swap_remove(0))
    }
}

impl<T> Clone for PropertyDef<T> {
    fn clone(&self) -> Self {
        Self {
            uri: self.uri.clone(),
            value: PhantomData,
        }
    }
}

impl<T> fmt::Debug for PropertyDef<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PropertyDef")
            .field("uri", &self.uri)
            .field("type", &std::any::type_name::<T>())
            .finish()
    }
}

impl<T> PartialEq for PropertyDef<T> {
    fn eq(&self, other: &Self) -> bool {
        self.uri == other.uri
    }
}

impl<T> Eq for PropertyDef<T> {}
