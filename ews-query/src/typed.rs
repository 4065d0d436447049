//! The typed face: lookups as methods of the typed field handles
//! ([`Field<T>`](ews_model::fields::Field)), offered only where they fit the field's type.
//!
//! The type of a field's value picks its lookups through [`QueryValue::Kind`]: text fields
//! get [`TextLookups`], numbers and dates [`OrderLookups`], list fields [`ListLookups`],
//! every comparable field [`EqLookups`], and every field [`ExistsLookup`]. A lookup that does
//! not fit is a compile error:
//!
//! ```compile_fail
//! use ews_model::Fields;
//! use ews_model::time::DateTime;
//! use ews_query::*;
//!
//! #[derive(Fields)]
//! struct Note {
//!     #[field(uri = "item:Subject", searchable)]
//!     subject: Option<String>,
//!     #[field(uri = "calendar:Start", searchable)]
//!     start: Option<DateTime>,
//! }
//!
//! let a: DateTime = "2026-01-01T00:00:00Z".parse().unwrap();
//! let _ = Note::SUBJECT.range("a".to_owned()..="b".to_owned()); // range on text
//! ```
//!
//! ```compile_fail
//! use ews_model::Fields;
//! use ews_model::time::DateTime;
//! use ews_query::*;
//!
//! #[derive(Fields)]
//! struct Note {
//!     #[field(uri = "item:Subject", searchable)]
//!     subject: Option<String>,
//!     #[field(uri = "calendar:Start", searchable)]
//!     start: Option<DateTime>,
//! }
//!
//! let _ = Note::START.icontains("2026"); // containment on a date
//! ```
//!
//! The same fields with lookups that fit:
//!
//! ```
//! use ews_model::Fields;
//! use ews_model::time::DateTime;
//! use ews_query::*;
//!
//! #[derive(Fields)]
//! # #[allow(dead_code)]
//! struct Note {
//!     #[field(uri = "item:Subject", searchable)]
//!     subject: Option<String>,
//!     #[field(uri = "calendar:Start", searchable)]
//!     start: Option<DateTime>,
//!     #[field(uri = "item:Categories", searchable)]
//!     categories: Vec<String>,
//! }
//!
//! let a: DateTime = "2026-01-01T00:00:00Z".parse()?;
//! let b: DateTime = "2026-02-01T00:00:00Z".parse()?;
//! let q = Note::SUBJECT.icontains("x")
//!     & Note::START.range(a..=b)
//!     & Note::CATEGORIES.contains(["red", "blue"])
//!     & Note::SUBJECT.exists(true);
//! # let _ = q;
//! # Ok::<(), ews_model::time::TimeError>(())
//! ```

use std::marker::PhantomData;
use std::ops::RangeInclusive;

use ews_model::fields::Field;
use ews_model::items::task::TaskStatus;
use ews_model::items::{CalendarItemType, LegacyFreeBusy, MeetingRequestType};
use ews_model::properties::{FlagStatus, Importance, ResponseType, Sensitivity};
use ews_model::restriction::{CompareOp, ContainmentComparison, ContainmentMode};
use ews_model::time::{Date, DateTime};

use crate::expr::{Op, Q, Target};
use crate::value::Value;

/// Kind markers: what a field's value is, as far as lookups care.
pub mod kind {
    use super::PhantomData;

    /// Text: every lookup but the ordered ones.
    #[derive(Debug)]
    pub struct Text;
    /// Booleans: equality.
    #[derive(Debug)]
    pub struct Bool;
    /// Numbers: equality and order.
    #[derive(Debug)]
    pub struct Number;
    /// Dates and date-times: equality and order.
    #[derive(Debug)]
    pub struct Time;
    /// Enumerations: equality.
    #[derive(Debug)]
    pub struct Choice;
    /// A list of `K`: equality with any element, `contains` all of several.
    #[derive(Debug)]
    pub struct List<K>(PhantomData<K>);

    /// Kinds with `eq`, `not` and `any_of` (`in`).
    pub trait Equatable {}
    /// Kinds with `gt`, `gte`, `lt`, `lte` and `range`.
    pub trait Ordered {}

    impl Equatable for Text {}
    impl Equatable for Bool {}
    impl Equatable for Number {}
    impl Equatable for Time {}
    impl Equatable for Choice {}
    impl<K: Equatable> Equatable for List<K> {}
    impl Ordered for Number {}
    impl Ordered for Time {}
}

/// A Rust type a field can hold, with the kind that picks its lookups and the type of the
/// values compared with it.
pub trait QueryValue {
    /// The [`kind`] marker.
    type Kind;
    /// The type of one value given to a lookup (`String` for `Option<String>` and
    /// `Vec<String>`).
    type Scalar: Into<Value>;
}

macro_rules! query_values {
    ($($t:ty => $k:ident),* $(,)?) => {$(
        impl QueryValue for $t {
            type Kind = kind::$k;
            type Scalar = $t;
        }
    )*};
}

query_values! {
    String => Text, bool => Bool, i32 => Number, i64 => Number, u32 => Number, u64 => Number,
    f64 => Number, DateTime => Time, Date => Time, Importance => Choice, Sensitivity => Choice,
    MeetingRequestType => Choice, LegacyFreeBusy => Choice, CalendarItemType => Choice,
    TaskStatus => Choice, ResponseType => Choice, FlagStatus => Choice,
}

impl<T: QueryValue> QueryValue for Option<T> {
    type Kind = T::Kind;
    type Scalar = T::Scalar;
}

impl<T: QueryValue> QueryValue for Vec<T> {
    type Kind = kind::List<T::Kind>;
    type Scalar = T::Scalar;
}

fn leaf<T>(field: Field<T>, op: Op) -> Q {
    Q::leaf(Target::def(field.def()), op)
}

fn compare<T>(field: Field<T>, op: CompareOp, value: impl Into<Value>) -> Q {
    leaf(field, Op::Compare(op, value.into()))
}

/// `exists`, on every field.
pub trait ExistsLookup {
    /// `t:Exists` (with `false`: not).
    fn exists(self, exists: bool) -> Q;
}

impl<T> ExistsLookup for Field<T> {
    fn exists(self, exists: bool) -> Q {
        let q = leaf(self, Op::Exists);
        if exists { q } else { !q }
    }
}

/// `eq`, `not`, `any_of` (`in`): on every comparable field (on a list field, any element).
pub trait EqLookups {
    /// The type of one value.
    type Scalar;
    /// Equal (`t:IsEqualTo`).
    fn eq(self, value: impl Into<Self::Scalar>) -> Q;
    /// Not equal (`t:IsNotEqualTo`).
    fn not(self, value: impl Into<Self::Scalar>) -> Q;
    /// Equal to any of `values`: exchangelib's `__in` (an empty list matches nothing).
    #[doc(alias = "in")]
    fn any_of<V: Into<Self::Scalar>>(self, values: impl IntoIterator<Item = V>) -> Q;
}

impl<T: QueryValue> EqLookups for Field<T>
where
    T::Kind: kind::Equatable,
{
    type Scalar = T::Scalar;
    fn eq(self, value: impl Into<T::Scalar>) -> Q {
        compare(self, CompareOp::Equal, value.into())
    }
    fn not(self, value: impl Into<T::Scalar>) -> Q {
        compare(self, CompareOp::NotEqual, value.into())
    }
    fn any_of<V: Into<T::Scalar>>(self, values: impl IntoIterator<Item = V>) -> Q {
        let v: Vec<Q> = values.into_iter().map(|v| self.eq(v)).collect();
        if v.is_empty() { Q::Nothing } else { Q::Or(v) }
    }
}

/// `gt`, `gte`, `lt`, `lte`, `range`: on numbers, dates and date-times.
pub trait OrderLookups {
    /// The type of one value.
    type Scalar;
    /// Greater than.
    fn gt(self, value: impl Into<Self::Scalar>) -> Q;
    /// Greater than or equal.
    fn gte(self, value: impl Into<Self::Scalar>) -> Q;
    /// Less than.
    fn lt(self, value: impl Into<Self::Scalar>) -> Q;
    /// Less than or equal.
    fn lte(self, value: impl Into<Self::Scalar>) -> Q;
    /// Between both ends, included.
    fn range(self, range: RangeInclusive<Self::Scalar>) -> Q;
}

impl<T: QueryValue> OrderLookups for Field<T>
where
    T::Kind: kind::Ordered,
{
    type Scalar = T::Scalar;
    fn gt(self, value: impl Into<T::Scalar>) -> Q {
        compare(self, CompareOp::GreaterThan, value.into())
    }
    fn gte(self, value: impl Into<T::Scalar>) -> Q {
        compare(self, CompareOp::GreaterThanOrEqual, value.into())
    }
    fn lt(self, value: impl Into<T::Scalar>) -> Q {
        compare(self, CompareOp::LessThan, value.into())
    }
    fn lte(self, value: impl Into<T::Scalar>) -> Q {
        compare(self, CompareOp::LessThanOrEqual, value.into())
    }
    fn range(self, range: RangeInclusive<T::Scalar>) -> Q {
        let (lo, hi) = range.into_inner();
        Q::And(vec![self.gte(lo), self.lte(hi)])
    }
}

/// The `t:Contains` lookups: on text fields.
pub trait TextLookups {
    /// The whole value, exactly.
    fn exact(self, text: impl Into<String>) -> Q;
    /// The whole value, ignoring case.
    fn iexact(self, text: impl Into<String>) -> Q;
    /// A substring, exactly.
    fn contains(self, text: impl Into<String>) -> Q;
    /// A substring, ignoring case.
    fn icontains(self, text: impl Into<String>) -> Q;
    /// A prefix, exactly.
    fn startswith(self, text: impl Into<String>) -> Q;
    /// A prefix, ignoring case.
    fn istartswith(self, text: impl Into<String>) -> Q;
}

fn contains<T>(f: Field<T>, text: String, mode: ContainmentMode, ignore_case: bool) -> Q {
    let comparison = if ignore_case {
        ContainmentComparison::IgnoreCase
    } else {
        ContainmentComparison::Exact
    };
    leaf(
        f,
        Op::Contains {
            text,
            mode,
            comparison,
        },
    )
}

impl<T: QueryValue<Kind = kind::Text>> TextLookups for Field<T> {
    fn exact(self, text: impl Into<String>) -> Q {
        contains(self, text.into(), ContainmentMode::FullString, false)
    }
    fn iexact(self, text: impl Into<String>) -> Q {
        contains(self, text.into(), ContainmentMode::FullString, true)
    }
    fn contains(self, text: impl Into<String>) -> Q {
        contains(self, text.into(), ContainmentMode::Substring, false)
    }
    fn icontains(self, text: impl Into<String>) -> Q {
        contains(self, text.into(), ContainmentMode::Substring, true)
    }
    fn startswith(self, text: impl Into<String>) -> Q {
        contains(self, text.into(), ContainmentMode::Prefixed, false)
    }
    fn istartswith(self, text: impl Into<String>) -> Q {
        contains(self, text.into(), ContainmentMode::Prefixed, true)
    }
}

/// `contains` with several values: on list fields, has all of them.
pub trait ListLookups {
    /// The type of one value.
    type Scalar;
    /// Has every one of `values` (an `And` of equalities; none: everything matches).
    fn contains<V: Into<Self::Scalar>>(self, values: impl IntoIterator<Item = V>) -> Q;
}

impl<T: QueryValue<Kind = kind::List<K>>, K> ListLookups for Field<T> {
    type Scalar = T::Scalar;
    fn contains<V: Into<T::Scalar>>(self, values: impl IntoIterator<Item = V>) -> Q {
        let v: Vec<Q> = values
            .into_iter()
            .map(|v| compare(self, CompareOp::Equal, v.into()))
            .collect();
        if v.is_empty() { Q::All } else { Q::And(v) }
    }
}
