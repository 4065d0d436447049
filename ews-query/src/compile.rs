//! Compiling a [`Q`] to a [`Restriction`], and parsing one back.

use ews_model::fields::FieldTable;
use ews_model::restriction::{
    ContainmentComparison, ContainmentMode, Restriction, SearchExpression,
};
use ews_model::version::ExchangeVersion;

use crate::error::QueryError;
use crate::expr::{Leaf, Op, Q};
use crate::resolve::{path_of, target_of};
use crate::value::Value;

/// The outcome of compiling a query (deliberately exhaustive: callers must handle each).
///
/// See [Restriction](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/restriction).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Compiled {
    /// No restriction: every item matches (send the request without `m:Restriction`).
    Everything,
    /// Send this restriction.
    Restriction(Restriction),
    /// No item can match (an empty `in`, a contradiction): send no request at all.
    Nothing,
}

impl Compiled {
    /// The restriction to send, if any.
    pub fn restriction(&self) -> Option<&Restriction> {
        match self {
            Self::Restriction(r) => Some(r),
            _ => None,
        }
    }
}

/// Compiles `q` for items described by `table`, for a server speaking `version`.
///
/// The query is checked first ([`Q::resolve`], [`Q::check_version`]), then simplified
/// ([`Q::simplified`]), then written. The output is deterministic: the same query gives the
/// same restriction, operands in the order they were given.
///
/// ```
/// use ews_model::Fields;
/// use ews_model::fields::HasFields;
/// use ews_model::restriction::SearchExpression;
/// use ews_model::version::ExchangeVersion;
/// use ews_query::{compile, Compiled, Q, TextLookups};
///
/// #[derive(Fields)]
/// # #[allow(dead_code)]
/// struct Note {
///     #[field(uri = "item:Subject", searchable)]
///     subject: Option<String>,
/// }
///
/// let q = Note::SUBJECT.icontains("budget") & !!Q::lookup("subject__not", "Re: budget")?;
/// let Compiled::Restriction(r) = compile(&q, &Note::FIELDS, ExchangeVersion::Exchange2016)? else {
///     unreachable!()
/// };
/// assert!(matches!(r.expression, SearchExpression::And(ref v) if v.len() == 2));
/// let none = compile(&Q::lookup("subject__in", Vec::<String>::new())?, &Note::FIELDS,
///     ExchangeVersion::Exchange2016)?;
/// assert_eq!(none, Compiled::Nothing);
/// # Ok::<(), ews_query::QueryError>(())
/// ```
pub fn compile(
    q: &Q,
    table: &FieldTable,
    version: ExchangeVersion,
) -> Result<Compiled, QueryError> {
    let q = q.resolve(table)?;
    q.check_version(version)?;
    Ok(match q.simplified() {
        Q::All => Compiled::Everything,
        Q::Nothing => Compiled::Nothing,
        q => Compiled::Restriction(Restriction::new(to_expression(&q)?)),
    })
}

/// A resolved, simplified query as a search expression.
fn to_expression(q: &Q) -> Result<SearchExpression, QueryError> {
    let many = |v: &[Q]| v.iter().map(to_expression).collect::<Result<Vec<_>, _>>();
    Ok(match q {
        Q::Leaf(leaf) => leaf_expression(leaf)?,
        Q::Not(inner) => !to_expression(inner)?,
        Q::And(v) => SearchExpression::And(many(v)?),
        Q::Or(v) => SearchExpression::Or(many(v)?),
        Q::All | Q::Nothing => return Err(QueryError::Unsupported("a constant inside a query")),
    })
}

fn leaf_expression(leaf: &Leaf) -> Result<SearchExpression, QueryError> {
    let path =
        path_of(&leaf.target).ok_or_else(|| QueryError::UnknownField(leaf.target.display()))?;
    Ok(match &leaf.op {
        Op::Compare(op, value) => SearchExpression::compare(*op, path, value.to_constant()),
        Op::Contains {
            text,
            mode,
            comparison,
        } => SearchExpression::contains(path, text.clone(), mode.clone(), comparison.clone()),
        Op::Exists => SearchExpression::exists(path),
        Op::Excludes(mask) => SearchExpression::excludes(path, *mask),
    })
}

/// The query a restriction expresses, for items described by `table` (the fake server's
/// side, and client-side filtering of what a server was asked).
///
/// Constants are read by the field's kind; a `t:Contains` without attributes is a
/// `FullString`, `Exact` one (Exchange's defaults). The result is resolved and checked as
/// [`Q::resolve`] does, but not simplified (an `And` stays an `And`). `t:Near`, comparisons
/// of two properties and `t:ExceptionFieldURI` paths are [`QueryError::Unsupported`].
pub fn parse(restriction: &Restriction, table: &FieldTable) -> Result<Q, QueryError> {
    parse_expression(&restriction.expression, table)
}

/// [`parse`] for a bare search expression.
pub fn parse_expression(e: &SearchExpression, table: &FieldTable) -> Result<Q, QueryError> {
    let many = |v: &[SearchExpression]| {
        v.iter()
            .map(|e| parse_expression(e, table))
            .collect::<Result<Vec<_>, _>>()
    };
    let q = match e {
        SearchExpression::Not(inner) => return Ok(!parse_expression(inner, table)?),
        SearchExpression::And(v) => return Ok(Q::And(many(v)?)),
        SearchExpression::Or(v) => return Ok(Q::Or(many(v)?)),
        SearchExpression::Near(_) => return Err(QueryError::Unsupported("t:Near")),
        SearchExpression::Exists(x) => Q::leaf(target_of(&x.path, table)?, Op::Exists),
        SearchExpression::Excludes(x) => {
            let target = target_of(&x.path, table)?;
            let mask = x.bitmask.to_u64().ok_or_else(|| {
                QueryError::wrong_value(&target.display(), "a bitmask", &x.bitmask.value)
            })?;
            Q::leaf(target, Op::Excludes(mask))
        }
        SearchExpression::Contains(c) => Q::leaf(
            target_of(&c.path, table)?,
            Op::Contains {
                text: c.constant.value.clone(),
                mode: c
                    .containment_mode
                    .clone()
                    .unwrap_or(ContainmentMode::FullString),
                comparison: c
                    .containment_comparison
                    .clone()
                    .unwrap_or(ContainmentComparison::Exact),
            },
        ),
        other => {
            let Some((op, c)) = other.as_comparison() else {
                return Err(QueryError::Unsupported("this search expression"));
            };
            let constant = c
                .operand
                .constant()
                .ok_or(QueryError::Unsupported("a comparison of two properties"))?;
            let value = Value::Text(constant.to_owned());
            Q::leaf(target_of(&c.path, table)?, Op::Compare(op, value))
        }
    };
    q.resolve(table)
}
