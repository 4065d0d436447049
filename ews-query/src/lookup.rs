//! The lookups and the `field__lookup` string form.

use ews_model::fields::FieldTable;
use ews_model::restriction::{CompareOp, ContainmentComparison, ContainmentMode};

use crate::error::QueryError;
use crate::expr::{Op, Q, Target};
use crate::value::Value;

/// The exchangelib lookups (the part after `__` in `subject__icontains`).
///
/// See [Restriction](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/restriction).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lookup {
    /// No lookup (`subject=v`): `t:IsEqualTo`; on a list field, any element equals.
    Eq,
    /// `not`: `t:IsNotEqualTo`.
    Not,
    /// `gt`: `t:IsGreaterThan`.
    Gt,
    /// `gte`: `t:IsGreaterThanOrEqualTo`.
    Gte,
    /// `lt`: `t:IsLessThan`.
    Lt,
    /// `lte`: `t:IsLessThanOrEqualTo`.
    Lte,
    /// `range`: both ends included (a pair).
    Range,
    /// `in`: equal to any of a list (an empty list matches nothing).
    In,
    /// `exact`: `t:Contains` `FullString`, `Exact`.
    Exact,
    /// `iexact`: `t:Contains` `FullString`, `IgnoreCase`.
    IExact,
    /// `contains`: `t:Contains` `Substring`, `Exact`; with a list on a list field, has all
    /// of them.
    Contains,
    /// `icontains`: `t:Contains` `Substring`, `IgnoreCase`.
    IContains,
    /// `startswith`: `t:Contains` `Prefixed`, `Exact`.
    StartsWith,
    /// `istartswith`: `t:Contains` `Prefixed`, `IgnoreCase`.
    IStartsWith,
    /// `exists`: `t:Exists` (with `false`: not).
    Exists,
}

impl Lookup {
    /// Every lookup.
    pub const ALL: [Self; 15] = [
        Self::Eq,
        Self::Not,
        Self::Gt,
        Self::Gte,
        Self::Lt,
        Self::Lte,
        Self::Range,
        Self::In,
        Self::Exact,
        Self::IExact,
        Self::Contains,
        Self::IContains,
        Self::StartsWith,
        Self::IStartsWith,
        Self::Exists,
    ];

    /// The name in the string form (`icontains`; `eq` for the bare form).
    pub fn name(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Not => "not",
            Self::Gt => "gt",
            Self::Gte => "gte",
            Self::Lt => "lt",
            Self::Lte => "lte",
            Self::Range => "range",
            Self::In => "in",
            Self::Exact => "exact",
            Self::IExact => "iexact",
            Self::Contains => "contains",
            Self::IContains => "icontains",
            Self::StartsWith => "startswith",
            Self::IStartsWith => "istartswith",
            Self::Exists => "exists",
        }
    }

    /// The lookup with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The test `self` makes with `value` on `target` (before any check against the field:
    /// only the shape of `value` is checked here).
    pub fn apply(self, target: Target, value: Value) -> Result<Q, QueryError> {
        let compare = |op| Ok(Q::leaf(target.clone(), Op::Compare(op, value.clone())));
        let contains = |mode, comparison| match &value {
            Value::Text(text) => Ok(Q::leaf(
                target.clone(),
                Op::Contains {
                    text: text.clone(),
                    mode,
                    comparison,
                },
            )),
            other => Err(wrong(&target, "text", other)),
        };
        if matches!(value, Value::List(_))
            && !matches!(self, Self::Range | Self::In | Self::Contains)
        {
            return Err(wrong(&target, "a single value", &value));
        }
        match self {
            Self::Eq => compare(CompareOp::Equal),
            Self::Not => compare(CompareOp::NotEqual),
            Self::Gt => compare(CompareOp::GreaterThan),
            Self::Gte => compare(CompareOp::GreaterThanOrEqual),
            Self::Lt => compare(CompareOp::LessThan),
            Self::Lte => compare(CompareOp::LessThanOrEqual),
            Self::Range => match value {
                Value::List(v)
                    if v.len() == 2 && !v.iter().any(|x| matches!(x, Value::List(_))) =>
                {
                    let [lo, hi] = [&v[0], &v[1]].map(Clone::clone);
                    Ok(Q::And(vec![
                        Q::leaf(
                            target.clone(),
                            Op::Compare(CompareOp::GreaterThanOrEqual, lo),
                        ),
                        Q::leaf(target, Op::Compare(CompareOp::LessThanOrEqual, hi)),
                    ]))
                }
                other => Err(wrong(&target, "a pair (start, end)", &other)),
            },
            Self::In => match value {
                Value::List(v) => each(&target, v, true),
                other => Err(wrong(&target, "a list", &other)),
            },
            Self::Contains => match value {
                Value::List(v) => each(&target, v, false),
                _ => contains(ContainmentMode::Substring, ContainmentComparison::Exact),
            },
            Self::Exact => contains(ContainmentMode::FullString, ContainmentComparison::Exact),
            Self::IExact => contains(
                ContainmentMode::FullString,
                ContainmentComparison::IgnoreCase,
            ),
            Self::IContains => contains(
                ContainmentMode::Substring,
                ContainmentComparison::IgnoreCase,
            ),
            Self::StartsWith => contains(ContainmentMode::Prefixed, ContainmentComparison::Exact),
            Self::IStartsWith => {
                contains(ContainmentMode::Prefixed, ContainmentComparison::IgnoreCase)
            }
            Self::Exists => match value {
                Value::Bool(true) => Ok(Q::leaf(target, Op::Exists)),
                Value::Bool(false) => Ok(!Q::leaf(target, Op::Exists)),
                other => Err(wrong(&target, "true or false", &other)),
            },
        }
    }
}

impl std::fmt::Display for Lookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// An equality per element of `values`, joined by `Or` (`any`, for `in`: an empty list
/// matches nothing) or `And` (list `contains`: an empty list matches everything).
fn each(target: &Target, values: Vec<Value>, any: bool) -> Result<Q, QueryError> {
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        if matches!(v, Value::List(_)) {
            return Err(wrong(target, "a list of single values", &v));
        }
        out.push(Q::leaf(target.clone(), Op::Compare(CompareOp::Equal, v)));
    }
    Ok(match (out.is_empty(), any) {
        (true, true) => Q::Nothing,
        (true, false) => Q::All,
        (false, true) => Q::Or(out),
        (false, false) => Q::And(out),
    })
}

fn wrong(target: &Target, expected: &'static str, got: &Value) -> QueryError {
    QueryError::wrong_value(&target.display(), expected, got)
}

/// A parsed `field__lookup` string: the target and the lookup.
///
/// `name`, `name__lookup`, `name__Index`, `name__Index__lookup`, `name__Index__part`,
/// `name__Index__part__lookup`; names and parts are `[a-z0-9_]` (single underscores only),
/// lookups one of [`Lookup`]'s names, indexes anything else without `__`.
///
/// ```
/// use ews_query::{parse_field_lookup, Lookup};
///
/// let (target, lookup) = parse_field_lookup("physical_addresses__Home__street__icontains")?;
/// assert_eq!(target.display(), "physical_addresses__Home__street");
/// assert_eq!(lookup, Lookup::IContains);
/// assert!(parse_field_lookup("subject____x").is_err());
/// # Ok::<(), ews_query::QueryError>(())
/// ```
pub fn parse_field_lookup(s: &str) -> Result<(Target, Lookup), QueryError> {
    let syntax = || QueryError::Syntax(s.chars().take(80).collect());
    let mut parts: Vec<&str> = s.split("__").collect();
    let lookup = match parts.last().and_then(|p| Lookup::from_name(p)) {
        Some(l) if parts.len() > 1 => {
            parts.pop();
            l
        }
        _ => Lookup::Eq,
    };
    let is_name = |p: &str| {
        !p.is_empty()
            && !p.starts_with('_')
            && !p.ends_with('_')
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    let is_index = |p: &str| !p.is_empty() && !p.starts_with('_') && !p.ends_with('_');
    match parts.as_slice() {
        [name] if is_name(name) => Ok((Target::name(*name), lookup)),
        [name, index] if is_name(name) && is_index(index) => {
            Ok((Target::name(*name).at(*index), lookup))
        }
        [name, index, part] if is_name(name) && is_index(index) && is_name(part) => {
            Ok((Target::name(*name).at(*index).part(*part), lookup))
        }
        _ => Err(syntax()),
    }
}

impl Q {
    /// The string form: `Q::lookup("subject__icontains", "x")` (exchangelib's
    /// `Q(subject__icontains="x")`). Only the syntax and the shape of `value` are checked
    /// here; the field, the lookup's fit to it and the value's type are checked against the
    /// field table when compiling (or now, with [`Q::lookup_in`]).
    pub fn lookup(path: &str, value: impl Into<Value>) -> Result<Self, QueryError> {
        let (target, lookup) = parse_field_lookup(path)?;
        lookup.apply(target, value.into())
    }

    /// [`Q::lookup`], checked against `table` at once (unknown field, not searchable, lookup
    /// not valid for the field, value of the wrong type).
    ///
    /// ```
    /// use ews_model::Fields;
    /// use ews_model::fields::HasFields;
    /// use ews_query::{Q, QueryError};
    ///
    /// #[derive(Fields)]
    /// # #[allow(dead_code)]
    /// struct Note {
    ///     #[field(uri = "item:Subject", searchable)]
    ///     subject: Option<String>,
    /// }
    ///
    /// assert!(Q::lookup_in(&Note::FIELDS, "subject__icontains", "x").is_ok());
    /// assert!(matches!(
    ///     Q::lookup_in(&Note::FIELDS, "subject__gt", "x"),
    ///     Err(QueryError::LookupNotValid { lookup: "gt", .. })
    /// ));
    /// assert!(matches!(
    ///     Q::lookup_in(&Note::FIELDS, "sujbect", "x"),
    ///     Err(QueryError::UnknownField(_))
    /// ));
    /// ```
    pub fn lookup_in(
        table: &FieldTable,
        path: &str,
        value: impl Into<Value>,
    ) -> Result<Self, QueryError> {
        Self::lookup(path, value)?.resolve(table)
    }
}
