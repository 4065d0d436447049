//! [`Value`]: the dynamic value of a field or a query constant, and how values compare.

use std::cmp::Ordering as CmpOrdering;

use ews_model::extended::MapiType;
use ews_model::fields::ValueKind;
use ews_model::items::task::TaskStatus;
use ews_model::items::{CalendarItemType, LegacyFreeBusy, MeetingRequestType};
use ews_model::properties::{FlagStatus, Importance, ResponseType, Sensitivity};
use ews_model::time::{Date, DateTime};
use ews_xml::XmlValue;

/// A value of a field, or a constant of a query.
///
/// Restrictions carry every constant as text (`t:Constant Value="..."`); a `Value` is that
/// text interpreted by the field's kind, so that comparisons follow the kind (numbers as
/// numbers, instants across time zones, text without regard to case).
///
/// See [Constant](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/constant).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// Text (strings, enumeration values, addresses, bodies).
    Text(String),
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A decimal number (finite).
    Decimal(f64),
    /// An instant.
    DateTime(DateTime),
    /// A calendar date.
    Date(Date),
    /// Several values: the value of a list field (categories), or the operand of `in`,
    /// `range` and list `contains`.
    List(Vec<Self>),
}

impl Value {
    /// The text of the value as a restriction constant (a list gives its first element).
    pub fn to_constant(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Bool(b) => b.to_string(),
            Self::Int(i) => i.to_string(),
            Self::Decimal(f) => f.to_string(),
            Self::DateTime(t) => t.to_string(),
            Self::Date(d) => d.to_string(),
            Self::List(v) => v.first().map(Self::to_constant).unwrap_or_default(),
        }
    }

    /// Whether this counts as "no value" (an empty list).
    pub fn is_empty_list(&self) -> bool {
        matches!(self, Self::List(v) if v.is_empty())
    }

    /// Compares two values the way Exchange does: numbers numerically (integers with
    /// decimals), instants as instants, text without regard to case; `None` for values of
    /// different kinds.
    pub fn compare(&self, other: &Self) -> Option<CmpOrdering> {
        match (self, other) {
            (Self::Text(a), Self::Text(b)) => Some(fold(a).cmp(&fold(b))),
            (Self::Bool(a), Self::Bool(b)) => Some(a.cmp(b)),
            (Self::Int(a), Self::Int(b)) => Some(a.cmp(b)),
            (Self::Int(a), Self::Decimal(b)) => (*a as f64).partial_cmp(b),
            (Self::Decimal(a), Self::Int(b)) => a.partial_cmp(&(*b as f64)),
            (Self::Decimal(a), Self::Decimal(b)) => a.partial_cmp(b),
            (Self::DateTime(a), Self::DateTime(b)) => Some(a.cmp(b)),
            (Self::Date(a), Self::Date(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

/// Text folded for case-insensitive comparison.
pub(crate) fn fold(s: &str) -> String {
    s.to_lowercase()
}

macro_rules! from_impls {
    ($($t:ty => |$v:ident| $e:expr),* $(,)?) => {$(
        impl From<$t> for Value {
            fn from($v: $t) -> Self {
                $e
            }
        }
    )*};
}

from_impls! {
    String => |v| Self::Text(v),
    &str => |v| Self::Text(v.to_owned()),
    &String => |v| Self::Text(v.clone()),
    bool => |v| Self::Bool(v),
    i32 => |v| Self::Int(v.into()),
    i64 => |v| Self::Int(v),
    u32 => |v| Self::Int(v.into()),
    u64 => |v| i64::try_from(v).map_or(Self::Decimal(v as f64), Self::Int),
    f64 => |v| Self::Decimal(v),
    DateTime => |v| Self::DateTime(v),
    Date => |v| Self::Date(v),
    Importance => |v| Self::Text(v.to_xml_value().into_owned()),
    Sensitivity => |v| Self::Text(v.to_xml_value().into_owned()),
    MeetingRequestType => |v| Self::Text(v.to_xml_value().into_owned()),
    LegacyFreeBusy => |v| Self::Text(v.to_xml_value().into_owned()),
    CalendarItemType => |v| Self::Text(v.to_xml_value().into_owned()),
    TaskStatus => |v| Self::Text(v.to_xml_value().into_owned()),
    ResponseType => |v| Self::Text(v.to_xml_value().into_owned()),
    FlagStatus => |v| Self::Text(v.to_xml_value().into_owned()),
}

impl<T: Into<Self>> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Self {
        Self::List(v.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Self>, const N: usize> From<[T; N]> for Value {
    fn from(v: [T; N]) -> Self {
        Self::List(v.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Self>> From<(T, T)> for Value {
    /// A pair, as the operand of `range`.
    fn from((a, b): (T, T)) -> Self {
        Self::List(vec![a.into(), b.into()])
    }
}

/// What a field holds, as far as queries care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Text,
    Bool,
    Int,
    Decimal,
    DateTime,
    Date,
    Enum(&'static [&'static str]),
    /// Not comparable (binary, structured): only `exists`.
    Other,
}

impl Class {
    /// The class of a field of this kind.
    pub(crate) fn of(kind: ValueKind) -> Self {
        match kind {
            ValueKind::Text
            | ValueKind::Body
            | ValueKind::Mailbox
            | ValueKind::Attendee
            | ValueKind::Id
            | ValueKind::Indexed => Self::Text,
            ValueKind::Bool => Self::Bool,
            ValueKind::Int => Self::Int,
            ValueKind::Decimal => Self::Decimal,
            ValueKind::DateTime => Self::DateTime,
            ValueKind::Date => Self::Date,
            ValueKind::Enum(values) => Self::Enum(values),
            _ => Self::Other,
        }
    }

    /// The class of an extended property's elements.
    pub(crate) fn of_mapi(t: MapiType) -> Self {
        match t.element_type() {
            MapiType::String => Self::Text,
            MapiType::Boolean => Self::Bool,
            MapiType::Short | MapiType::Integer | MapiType::Long | MapiType::Currency => Self::Int,
            MapiType::Float | MapiType::Double | MapiType::ApplicationTime => Self::Decimal,
            MapiType::SystemTime => Self::DateTime,
            _ => Self::Other,
        }
    }

    /// For error messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Bool => "a boolean",
            Self::Int => "an integer",
            Self::Decimal => "a number",
            Self::DateTime => "a date-time",
            Self::Date => "a date",
            Self::Enum(_) => "one of a set of values",
            Self::Other => "a value that cannot be compared",
        }
    }

    /// Whether `gt`, `lt` and `range` apply.
    pub(crate) fn is_ordered(self) -> bool {
        matches!(
            self,
            Self::Int | Self::Decimal | Self::DateTime | Self::Date
        )
    }

    /// `value` as a value of this class (text is parsed), `None` when it is not one.
    pub(crate) fn coerce(self, value: &Value) -> Option<Value> {
        match (self, value) {
            (Self::Text, Value::Text(_))
            | (Self::Bool, Value::Bool(_))
            | (Self::Int, Value::Int(_))
            | (Self::DateTime, Value::DateTime(_))
            | (Self::Date, Value::Date(_)) => Some(value.clone()),
            (Self::Enum(values), Value::Text(s)) => {
                values.contains(&s.as_str()).then(|| value.clone())
            }
            (Self::Decimal, Value::Int(i)) => Some(Value::Decimal(*i as f64)),
            (Self::Decimal, Value::Decimal(f)) => f.is_finite().then_some(Value::Decimal(*f)),
            (Self::Bool, Value::Text(s)) => match s.trim() {
                "true" | "1" => Some(Value::Bool(true)),
                "false" | "0" => Some(Value::Bool(false)),
                _ => None,
            },
            (Self::Int, Value::Text(s)) => s.trim().parse().ok().map(Value::Int),
            (Self::Decimal, Value::Text(s)) => s
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(Value::Decimal),
            (Self::DateTime, Value::Text(s)) => s.parse().ok().map(Value::DateTime),
            (Self::Date, Value::Text(s)) => s.parse().ok().map(Value::Date),
            _ => None,
        }
    }
}
