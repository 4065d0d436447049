//! The query expression tree: [`Q`] with its `&`, `|` and `!` operators, and its leaves
//! ([`Leaf`]: a [`Target`], which is a [`FieldRef`] with an optional index and component,
//! and the test [`Op`] on it). Building from strings, resolving, compiling and evaluating
//! live in their own modules.

use ews_model::extended::ExtendedFieldUri;
use ews_model::fields::FieldDef;
use ews_model::restriction::{CompareOp, ContainmentComparison, ContainmentMode};

use crate::value::Value;

/// A query: a boolean expression over the fields of an item, built with the typed lookups
/// ([`TextLookups`](crate::TextLookups) and friends), the string form ([`Q::lookup`]), or
/// parsed from a restriction ([`parse`](crate::parse)); combined with `&`, `|` and `!`.
///
/// [`Q::All`] (the default, "no restriction") matches every item, [`Q::Nothing`] none (an
/// empty `in`, a contradiction): compiling it yields
/// [`Compiled::Nothing`](crate::Compiled::Nothing) and no request is needed.
///
/// ```
/// use ews_query::Q;
///
/// let q = (Q::lookup("subject__iexact", "foo")? | Q::lookup("subject__contains", "bar")?)
///     & !Q::lookup("subject__startswith", "baz")?;
/// assert!(matches!(q, Q::And(ref v) if v.len() == 2));
/// assert_eq!(Q::lookup("subject__in", Vec::<String>::new())?, Q::Nothing);
/// # Ok::<(), ews_query::QueryError>(())
/// ```
///
/// See [Restriction](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/restriction).
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub enum Q {
    /// Matches every item (no restriction).
    #[default]
    All,
    /// Matches no item.
    Nothing,
    /// One test on one field.
    Leaf(Leaf),
    /// The negation.
    Not(Box<Self>),
    /// All of them (an empty `And` is [`Q::All`]).
    And(Vec<Self>),
    /// Any of them (an empty `Or` is [`Q::Nothing`]).
    Or(Vec<Self>),
}

/// One test on one field: `t:IsEqualTo`, `t:Contains`, `t:Exists`, ...
///
/// See [SearchExpression](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/searchexpression).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Leaf {
    /// The field tested.
    pub target: Target,
    /// The test.
    pub op: Op,
}

impl Leaf {
    /// `op` on `target`.
    pub fn new(target: Target, op: Op) -> Self {
        Self { target, op }
    }
}

/// The test of a [`Leaf`].
///
/// See [SearchExpression](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/searchexpression).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Op {
    /// A comparison with a constant (`t:IsEqualTo`, `t:IsLessThan`, ...).
    Compare(CompareOp, Value),
    /// `t:Contains`: text containment.
    Contains {
        /// The text searched for.
        text: String,
        /// Full string, prefix, substring, ...
        mode: ContainmentMode,
        /// Exact, ignoring case, ...
        comparison: ContainmentComparison,
    },
    /// `t:Exists`: the item has the field.
    Exists,
    /// `t:Excludes`: `field & mask == 0`.
    Excludes(u64),
}

impl Op {
    /// The exchangelib lookup this test comes from, for messages.
    pub(crate) fn lookup_name(&self) -> &'static str {
        match self {
            Self::Compare(op, _) => match op {
                CompareOp::Equal => "eq",
                CompareOp::NotEqual => "not",
                CompareOp::GreaterThan => "gt",
                CompareOp::GreaterThanOrEqual => "gte",
                CompareOp::LessThan => "lt",
                CompareOp::LessThanOrEqual => "lte",
            },
            Self::Contains { mode, .. } => match mode {
                ContainmentMode::FullString => "exact",
                ContainmentMode::Prefixed => "startswith",
                _ => "contains",
            },
            Self::Exists => "exists",
            Self::Excludes(_) => "excludes",
        }
    }
}

/// The field a leaf tests.
///
/// See [FieldURI](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/fielduri).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Target {
    /// The field.
    pub field: FieldRef,
    /// The `FieldIndex` of an indexed field (`CarPhone`, `Home`).
    pub index: Option<String>,
    /// The component of an indexed field with parts (`street` of a physical address).
    pub part: Option<String>,
}

impl Target {
    /// A field by definition.
    pub fn def(def: &'static FieldDef) -> Self {
        Self::from(FieldRef::Def(def))
    }

    /// A field by name, resolved against a field table when compiled.
    pub fn name(name: impl Into<String>) -> Self {
        Self::from(FieldRef::Name(name.into()))
    }

    /// An extended property.
    pub fn extended(uri: ExtendedFieldUri) -> Self {
        Self::from(FieldRef::Extended(uri))
    }

    /// This field at `index` (an indexed property entry).
    #[must_use]
    pub fn at(mut self, index: impl Into<String>) -> Self {
        self.index = Some(index.into());
        self
    }

    /// This entry's component `part` (`street`).
    #[must_use]
    pub fn part(mut self, part: impl Into<String>) -> Self {
        self.part = Some(part.into());
        self
    }

    /// The exchangelib-style path (`physical_addresses__Home__street`), for messages.
    pub fn display(&self) -> String {
        let mut s = match &self.field {
            FieldRef::Def(d) => d.name.to_owned(),
            FieldRef::Name(n) => n.clone(),
            FieldRef::Extended(u) => format!("{:?}", u.address()),
        };
        for p in [&self.index, &self.part].into_iter().flatten() {
            s.push_str("__");
            s.push_str(p);
        }
        s
    }
}

impl From<FieldRef> for Target {
    fn from(field: FieldRef) -> Self {
        Self {
            field,
            index: None,
            part: None,
        }
    }
}

/// How a [`Target`] names its field.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum FieldRef {
    /// A field definition (typed handles, resolved names, parsed restrictions).
    Def(&'static FieldDef),
    /// A field name not yet resolved against a field table (the string form).
    Name(String),
    /// An extended MAPI property.
    Extended(ExtendedFieldUri),
}

impl Q {
    /// A single test.
    pub fn leaf(target: Target, op: Op) -> Self {
        Self::Leaf(Leaf::new(target, op))
    }

    /// All of `qs` (not simplified).
    pub fn all_of(qs: impl IntoIterator<Item = Self>) -> Self {
        Self::And(qs.into_iter().collect())
    }

    /// Any of `qs` (not simplified).
    pub fn any_of(qs: impl IntoIterator<Item = Self>) -> Self {
        Self::Or(qs.into_iter().collect())
    }

    /// Every leaf, depth first.
    pub fn leaves(&self) -> Vec<&Leaf> {
        let mut out = Vec::new();
        self.collect_leaves(&mut out);
        out
    }

    fn collect_leaves<'a>(&'a self, out: &mut Vec<&'a Leaf>) {
        match self {
            Self::Leaf(l) => out.push(l),
            Self::Not(q) => q.collect_leaves(out),
            Self::And(v) | Self::Or(v) => v.iter().for_each(|q| q.collect_leaves(out)),
            Self::All | Self::Nothing => {}
        }
    }
}

impl std::ops::BitAnd for Q {
    type Output = Self;
    /// Both (an `And` on either side is extended rather than nested).
    fn bitand(self, other: Self) -> Self {
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
}

impl std::ops::BitOr for Q {
    type Output = Self;
    /// Either (an `Or` on either side is extended rather than nested).
    fn bitor(self, other: Self) -> Self {
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
}

impl std::ops::Not for Q {
    type Output = Self;
    /// The negation (not simplified: see [`Q::simplified`]).
    fn not(self) -> Self {
        Self::Not(Box::new(self))
    }
}
