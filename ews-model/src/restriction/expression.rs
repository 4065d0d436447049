//! The recursive [`SearchExpression`], its constructors and accessors (the codec is in
//! `codec.rs`).

#[cfg(doc)]
use ews_xml::{WriteError, XmlChoice};

use super::leaves::{
    Bitmask, Constant, ContainmentComparison, ContainmentMode, Contains, Excludes, Exists, Operand,
    TwoOperand,
};
use crate::operations::FieldPath;

/// A search expression: the `t:SearchExpression` substitution group of the schema, every
/// member of it.
///
/// The variants are named after their elements. The six comparisons share one content type,
/// [`TwoOperand`]; [`as_comparison`](Self::as_comparison) and [`compare`](Self::compare) see
/// them as one operator ([`CompareOp`]) for code that treats them alike.
///
/// The enum is deliberately exhaustive: the schema's group is closed, and code that compiles,
/// parses or evaluates restrictions should fail to compile, not fall into a wildcard arm, if a
/// member is ever added.
///
/// As an [`XmlChoice`] it writes and reads itself as its own element (`t:And`, `t:IsEqualTo`);
/// [`matches`](XmlChoice::matches) is true only for the members of the group. Reading the
/// children of `t:Not`, `t:And`, `t:Or` and `t:Near` is strict: an element that is not a
/// known expression is an error naming it, a missing operand is an error. Writing an empty
/// `And`, `Or` or `Near` is [`WriteError::Misuse`] (the schema requires at least one operand).
///
/// ```
/// use ews_model::operations::FieldPath;
/// use ews_model::restriction::{CompareOp, SearchExpression};
///
/// let start = FieldPath::field("calendar:Start");
/// let july = SearchExpression::greater_than(start.clone(), "2014-07-01T07:00:00Z")
///     & SearchExpression::less_than(start, "2014-08-01T07:00:00Z");
/// let (op, cmp) = july.operands()[0].as_comparison().unwrap();
/// assert_eq!(op, CompareOp::GreaterThan);
/// assert_eq!(cmp.operand.constant(), Some("2014-07-01T07:00:00Z"));
/// ```
///
/// See [SearchExpression](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/searchexpression).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SearchExpression {
    /// `t:Exists`.
    Exists(Exists),
    /// `t:Excludes`.
    Excludes(Excludes),
    /// `t:IsEqualTo`.
    IsEqualTo(TwoOperand),
    /// `t:IsNotEqualTo`.
    IsNotEqualTo(TwoOperand),
    /// `t:IsGreaterThan`.
    IsGreaterThan(TwoOperand),
    /// `t:IsGreaterThanOrEqualTo`.
    IsGreaterThanOrEqualTo(TwoOperand),
    /// `t:IsLessThan`.
    IsLessThan(TwoOperand),
    /// `t:IsLessThanOrEqualTo`.
    IsLessThanOrEqualTo(TwoOperand),
    /// `t:Contains`.
    Contains(Contains),
    /// `t:Not`: exactly one operand.
    Not(Box<Self>),
    /// `t:And`: at least one operand.
    And(Vec<Self>),
    /// `t:Or`: at least one operand.
    Or(Vec<Self>),
    /// `t:Near`: operands near each other in a text.
    Near(Near),
}

/// The comparison operators, see [`SearchExpression::compare`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CompareOp {
    /// `t:IsEqualTo`.
    Equal,
    /// `t:IsNotEqualTo`.
    NotEqual,
    /// `t:IsGreaterThan`.
    GreaterThan,
    /// `t:IsGreaterThanOrEqualTo`.
    GreaterThanOrEqual,
    /// `t:IsLessThan`.
    LessThan,
    /// `t:IsLessThanOrEqualTo`.
    LessThanOrEqual,
}

impl CompareOp {
    /// Every operator.
    pub const ALL: [Self; 6] = [
        Self::Equal,
        Self::NotEqual,
        Self::GreaterThan,
        Self::GreaterThanOrEqual,
        Self::LessThan,
        Self::LessThanOrEqual,
    ];

    /// The element's local name (`IsEqualTo`).
    pub fn element_name(self) -> &'static str {
        match self {
            Self::Equal => "IsEqualTo",
            Self::NotEqual => "IsNotEqualTo",
            Self::GreaterThan => "IsGreaterThan",
            Self::GreaterThanOrEqual => "IsGreaterThanOrEqualTo",
            Self::LessThan => "IsLessThan",
            Self::LessThanOrEqual => "IsLessThanOrEqualTo",
        }
    }

    /// The operator of the element with this local name.
    pub fn from_element_name(local: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|op| op.element_name() == local)
    }
}

/// `t:Near`: the operands (usually `t:Contains` on the same text property) occur within
/// `distance` words of each other, in order if `ordered`.
///
/// See [NearType](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/searchexpression).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Near {
    /// The operands (at least one).
    pub expressions: Vec<SearchExpression>,
    /// `t:Distance`: the most words between them.
    pub distance: u32,
    /// `t:Ordered`: whether they must occur in the given order.
    pub ordered: bool,
}

impl SearchExpression {
    /// `path` compared with `operand` by `op`.
    pub fn compare(op: CompareOp, path: FieldPath, operand: impl Into<Operand>) -> Self {
        let c = TwoOperand::new(path, operand);
        match op {
            CompareOp::Equal => Self::IsEqualTo(c),
            CompareOp::NotEqual => Self::IsNotEqualTo(c),
            CompareOp::GreaterThan => Self::IsGreaterThan(c),
            CompareOp::GreaterThanOrEqual => Self::IsGreaterThanOrEqualTo(c),
            CompareOp::LessThan => Self::IsLessThan(c),
            CompareOp::LessThanOrEqual => Self::IsLessThanOrEqualTo(c),
        }
    }

    /// `t:IsEqualTo`: `path` equals `operand` (a constant from a string, or another path).
    pub fn equal(path: FieldPath, operand: impl Into<Operand>) -> Self {
        Self::compare(CompareOp::Equal, path, operand)
    }

    /// `t:IsNotEqualTo`.
    pub fn not_equal(path: FieldPath, operand: impl Into<Operand>) -> Self {
        Self::compare(CompareOp::NotEqual, path, operand)
    }

    /// `t:IsGreaterThan`.
    pub fn greater_than(path: FieldPath, operand: impl Into<Operand>) -> Self {
        Self::compare(CompareOp::GreaterThan, path, operand)
    }

    /// `t:IsGreaterThanOrEqualTo`.
    pub fn greater_than_or_equal(path: FieldPath, operand: impl Into<Operand>) -> Self {
        Self::compare(CompareOp::GreaterThanOrEqual, path, operand)
    }

    /// `t:IsLessThan`.
    pub fn less_than(path: FieldPath, operand: impl Into<Operand>) -> Self {
        Self::compare(CompareOp::LessThan, path, operand)
    }

    /// `t:IsLessThanOrEqualTo`.
    pub fn less_than_or_equal(path: FieldPath, operand: impl Into<Operand>) -> Self {
        Self::compare(CompareOp::LessThanOrEqual, path, operand)
    }

    /// `t:Exists`: the item has the property.
    pub fn exists(path: FieldPath) -> Self {
        Self::Exists(Exists { path })
    }

    /// `t:Excludes`: `path & bitmask == 0`.
    pub fn excludes(path: FieldPath, bitmask: impl Into<Bitmask>) -> Self {
        Self::Excludes(Excludes {
            path,
            bitmask: bitmask.into(),
        })
    }

    /// `t:Contains` with both attributes.
    pub fn contains(
        path: FieldPath,
        value: impl Into<String>,
        mode: ContainmentMode,
        comparison: ContainmentComparison,
    ) -> Self {
        Self::Contains(Contains {
            containment_mode: Some(mode),
            containment_comparison: Some(comparison),
            path,
            constant: Constant::new(value),
        })
    }

    /// `self` and `other`; an `And` on either side is extended rather than nested.
    #[must_use]
    pub fn and(self, other: Self) -> Self {
        match (self, other) {
            (Self::And(mut a), Self::And(b)) => {
                a.extend(b);
                Self::And(a)
            }
            (Self::And(mut a), b) => {
                a.push(b);
                Self::And(a)
            }
            (a, Self::And(mut b)) => {
                b.insert(0, a);
                Self::And(b)
            }
            (a, b) => Self::And(vec![a, b]),
        }
    }

    /// `self` or `other`; an `Or` on either side is extended rather than nested.
    #[must_use]
    pub fn or(self, other: Self) -> Self {
        match (self, other) {
            (Self::Or(mut a), Self::Or(b)) => {
                a.extend(b);
                Self::Or(a)
            }
            (Self::Or(mut a), b) => {
                a.push(b);
                Self::Or(a)
            }
            (a, Self::Or(mut b)) => {
                b.insert(0, a);
                Self::Or(b)
            }
            (a, b) => Self::Or(vec![a, b]),
        }
    }

    /// All of `expressions`: `None` for none, the expression itself for one, else `t:And`.
    pub fn all(expressions: impl IntoIterator<Item = Self>) -> Option<Self> {
        Self::join(expressions.into_iter().collect(), Self::And)
    }

    /// Any of `expressions`: `None` for none, the expression itself for one, else `t:Or`.
    pub fn any(expressions: impl IntoIterator<Item = Self>) -> Option<Self> {
        Self::join(expressions.into_iter().collect(), Self::Or)
    }

    fn join(mut v: Vec<Self>, f: fn(Vec<Self>) -> Self) -> Option<Self> {
        match v.len() {
            0 | 1 => v.pop(),
            _ => Some(f(v)),
        }
    }

    /// The comparison operator and operands, for the six comparisons.
    pub fn as_comparison(&self) -> Option<(CompareOp, &TwoOperand)> {
        Some(match self {
            Self::IsEqualTo(c) => (CompareOp::Equal, c),
            Self::IsNotEqualTo(c) => (CompareOp::NotEqual, c),
            Self::IsGreaterThan(c) => (CompareOp::GreaterThan, c),
            Self::IsGreaterThanOrEqualTo(c) => (CompareOp::GreaterThanOrEqual, c),
            Self::IsLessThan(c) => (CompareOp::LessThan, c),
            Self::IsLessThanOrEqualTo(c) => (CompareOp::LessThanOrEqual, c),
            _ => return None,
        })
    }

    /// The sub-expressions of `Not`, `And`, `Or` and `Near` (empty for the leaves).
    pub fn operands(&self) -> &[Self] {
        match self {
            Self::Not(e) => std::slice::from_ref(e.as_ref()),
            Self::And(v) | Self::Or(v) => v,
            Self::Near(n) => &n.expressions,
            _ => &[],
        }
    }

    /// The property a leaf tests (the left-hand side of a comparison), `None` for `Not`,
    /// `And`, `Or` and `Near`.
    pub fn path(&self) -> Option<&FieldPath> {
        match self {
            Self::Exists(e) => Some(&e.path),
            Self::Excludes(e) => Some(&e.path),
            Self::Contains(c) => Some(&c.path),
            _ => self.as_comparison().map(|(_, c)| &c.path),
        }
    }

    /// The element's local name (`And`, `IsEqualTo`).
    pub fn element_name(&self) -> &'static str {
        match self {
            Self::Exists(_) => "Exists",
            Self::Excludes(_) => "Excludes",
            Self::IsEqualTo(_) => "IsEqualTo",
            Self::IsNotEqualTo(_) => "IsNotEqualTo",
            Self::IsGreaterThan(_) => "IsGreaterThan",
            Self::IsGreaterThanOrEqualTo(_) => "IsGreaterThanOrEqualTo",
            Self::IsLessThan(_) => "IsLessThan",
            Self::IsLessThanOrEqualTo(_) => "IsLessThanOrEqualTo",
            Self::Contains(_) => "Contains",
            Self::Not(_) => "Not",
            Self::And(_) => "And",
            Self::Or(_) => "Or",
            Self::Near(_) => "Near",
        }
    }
}

impl std::ops::Not for SearchExpression {
    type Output = Self;
    /// `t:Not` around `self` (not simplified: `!!e` is two `t:Not`).
    fn not(self) -> Self {
        Self::Not(Box::new(self))
    }
}

impl std::ops::BitAnd for SearchExpression {
    type Output = Self;
    /// [`SearchExpression::and`].
    fn bitand(self, other: Self) -> Self {
        self.and(other)
    }
}

impl std::ops::BitOr for SearchExpression {
    type Output = Self;
    /// [`SearchExpression::or`].
    fn bitor(self, other: Self) -> Self {
        self.or(other)
    }
}
