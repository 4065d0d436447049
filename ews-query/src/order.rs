//! Sort keys: `order_by("-datetime_received")`, compiled to a `SortOrder`, parsed back, and
//! applied client-side.

use std::cmp::Ordering as CmpOrdering;

use ews_model::fields::{Field, FieldTable};
use ews_model::version::ExchangeVersion;
use ews_model::view::{FieldOrder, SortDirection, SortOrder};

use crate::error::QueryError;
use crate::eval::{FieldValues, value_of};
use crate::expr::{FieldRef, Target};
use crate::lookup::{Lookup, parse_field_lookup};
use crate::resolve::{check_def_version, path_of, resolve_target, target_of};
use crate::value::Value;

/// One sort key: a field and a direction (exchangelib's `order_by("-subject")`).
///
/// See [FieldOrder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/fieldorder).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Ordering {
    /// The field sorted on.
    pub target: Target,
    /// Largest first.
    pub descending: bool,
}

impl Ordering {
    /// Smallest first on `target`.
    pub fn ascending(target: Target) -> Self {
        Self {
            target,
            descending: false,
        }
    }

    /// Largest first on `target`.
    pub fn descending(target: Target) -> Self {
        Self {
            target,
            descending: true,
        }
    }

    /// Smallest first on a typed field.
    pub fn asc<T>(field: Field<T>) -> Self {
        Self::ascending(Target::def(field.def()))
    }

    /// Largest first on a typed field.
    pub fn desc<T>(field: Field<T>) -> Self {
        Self::descending(Target::def(field.def()))
    }

    /// The string form: a field path (`subject`, `phone_numbers__CarPhone`,
    /// `physical_addresses__Home__street`), `-` in front for descending.
    ///
    /// ```
    /// use ews_query::Ordering;
    ///
    /// let key = Ordering::parse("-datetime_received")?;
    /// assert!(key.descending);
    /// assert_eq!(key.target.display(), "datetime_received");
    /// assert!(Ordering::parse("subject__contains").is_err());
    /// # Ok::<(), ews_query::QueryError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self, QueryError> {
        let (descending, path) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        match parse_field_lookup(path)? {
            (target, Lookup::Eq) if !path.ends_with("__eq") => Ok(Self { target, descending }),
            _ => Err(QueryError::Syntax(s.chars().take(80).collect())),
        }
    }
}

/// Several keys in the string form, most significant first.
pub fn order_by(keys: &[&str]) -> Result<Vec<Ordering>, QueryError> {
    keys.iter().map(|k| Ordering::parse(k)).collect()
}

/// `keys` with their fields resolved against `table` (for [`sort`]).
pub fn resolve_order(keys: &[Ordering], table: &FieldTable) -> Result<Vec<Ordering>, QueryError> {
    keys.iter()
        .map(|k| {
            let (target, _) = resolve_target(&k.target, table)?;
            Ok(Ordering {
                target,
                descending: k.descending,
            })
        })
        .collect()
}

/// The `m:SortOrder` of `keys` for items described by `table`, for `version`; `None` for no
/// keys (the schema forbids an empty `SortOrder`). Any field with a path can be sorted on;
/// it must exist in `table` and in `version`.
pub fn compile_order(
    keys: &[Ordering],
    table: &FieldTable,
    version: ExchangeVersion,
) -> Result<Option<SortOrder>, QueryError> {
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let (target, _) = resolve_target(&key.target, table)?;
        if let FieldRef::Def(def) = &target.field {
            check_def_version(def, version)?;
        }
        let path = path_of(&target).ok_or_else(|| QueryError::UnknownField(target.display()))?;
        out.push(if key.descending {
            FieldOrder::descending(path)
        } else {
            FieldOrder::ascending(path)
        });
    }
    Ok((!out.is_empty()).then(|| SortOrder::new(out)))
}

/// The keys of a `m:SortOrder`, resolved against `table`. An unknown `Order` value is an
/// error.
pub fn parse_order(sort: &SortOrder, table: &FieldTable) -> Result<Vec<Ordering>, QueryError> {
    let mut out = Vec::with_capacity(sort.field_orders.len());
    for key in &sort.field_orders {
        let target = target_of(&key.path, table)?;
        let (target, _) = resolve_target(&target, table)?;
        let descending = match &key.order {
            SortDirection::Ascending => false,
            SortDirection::Descending => true,
            _ => {
                return Err(QueryError::Unsupported(
                    "a sort direction newer than this crate",
                ));
            }
        };
        out.push(Ordering { target, descending });
    }
    Ok(out)
}

/// Sorts `items` by `keys` (most significant first), as Exchange sorts: absent values first
/// when ascending (last when descending), text without regard to case, instants as
/// instants, a list by its first element. The sort is stable.
///
/// Keys should be resolved ([`resolve_order`], [`parse_order`], or built from typed fields): an unresolved
/// name sees an absent value on every item.
pub fn sort<T: FieldValues>(items: &mut [T], keys: &[Ordering]) {
    items.sort_by(|a, b| compare_items(a, b, keys));
}

/// How `a` and `b` compare under `keys`.
pub fn compare_items<T: FieldValues>(a: &T, b: &T, keys: &[Ordering]) -> CmpOrdering {
    for key in keys {
        let (x, y) = (sort_value(a, &key.target), sort_value(b, &key.target));
        let o = match (&x, &y) {
            (None, None) => CmpOrdering::Equal,
            (None, Some(_)) => CmpOrdering::Less,
            (Some(_), None) => CmpOrdering::Greater,
            (Some(x), Some(y)) => total_cmp(x, y),
        };
        let o = if key.descending { o.reverse() } else { o };
        if o != CmpOrdering::Equal {
            return o;
        }
    }
    CmpOrdering::Equal
}

fn sort_value<T: FieldValues>(item: &T, target: &Target) -> Option<Value> {
    match value_of(item, target)? {
        Value::List(mut v) => (!v.is_empty()).then(|| v.swap_remove(0)),
        v => Some(v),
    }
}

/// A total order over values (sorting must never see an inconsistent comparison): by kind
/// first (booleans, numbers, text, date-times, dates, lists), then within the kind; numbers
/// as `f64` with [`f64::total_cmp`].
fn total_cmp(x: &Value, y: &Value) -> CmpOrdering {
    fn rank(v: &Value) -> (u8, f64) {
        match v {
            Value::Bool(_) => (0, 0.0),
            Value::Int(i) => (1, *i as f64),
            Value::Decimal(f) => (1, *f),
            Value::Text(_) => (2, 0.0),
            Value::DateTime(_) => (3, 0.0),
            Value::Date(_) => (4, 0.0),
            Value::List(_) => (5, 0.0),
        }
    }
    let ((rx, fx), (ry, fy)) = (rank(x), rank(y));
    rx.cmp(&ry)
        .then_with(|| fx.total_cmp(&fy))
        .then_with(|| match (x, y) {
            (Value::List(_), Value::List(_)) => CmpOrdering::Equal,
            (Value::Int(_) | Value::Decimal(_), _) => CmpOrdering::Equal,
            _ => x.compare(y).unwrap_or(CmpOrdering::Equal),
        })
}
