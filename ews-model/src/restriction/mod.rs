//! Restrictions: the search filters of FindItem, FindFolder, FindPeople, search folders and
//! inbox rules (`t:RestrictionType` and the `t:SearchExpression` substitution group).
//!
//! - [`Restriction`] wraps exactly one [`SearchExpression`]; its element name is chosen by the
//!   parent (`m:Restriction` in Find requests, `t:Restriction` in search folder parameters,
//!   `t:Condition` in `SeekToConditionPageItemView`, `m:AggregationRestriction` in FindPeople).
//! - [`SearchExpression`] is the tree: comparisons ([`TwoOperand`]: a path against a constant
//!   or another path), [`Exists`], [`Excludes`] (a bitmask test), [`Contains`] (substring and
//!   prefix search), and the boolean `Not`, `And`, `Or` and [`Near`].
//!
//! Reading is strict where leniency would change the meaning: an element inside a restriction
//! that is not a search expression this crate knows (a newer server's operator, a typo) is a
//! [`ReadErrorKind::UnexpectedElement`] naming it,
//! never skipped, so a restriction that cannot be understood never silently matches more (or
//! fewer) items than it says. Inside the leaves (the path, the constant) unknown elements are
//! skipped as everywhere else. Nesting is bounded by the reader's depth limit
//! ([`Limits::max_depth`](ews_xml::Limits)).
//!
//! ```
//! use ews_model::operations::FieldPath;
//! use ews_model::restriction::{ContainmentComparison, ContainmentMode, Restriction, SearchExpression};
//!
//! let subject = FieldPath::field("item:Subject");
//! let unread = SearchExpression::equal(FieldPath::field("message:IsRead"), "false");
//! let expr = SearchExpression::contains(
//!     subject.clone(),
//!     "building",
//!     ContainmentMode::Substring,
//!     ContainmentComparison::IgnoreCase,
//! )
//! .and(unread)
//! .and(!SearchExpression::equal(subject, "Re: building"));
//! assert!(matches!(&expr, SearchExpression::And(operands) if operands.len() == 3));
//!
//! let restriction = Restriction::new(expr);
//! # let _ = restriction;
//! ```
//!
//! Reference: [Restriction](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/restriction),
//! [SearchExpression](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/searchexpression).

mod codec;
mod expression;
mod leaves;

pub use expression::{CompareOp, Near, SearchExpression};
pub use leaves::{
    Bitmask, Constant, ContainmentComparison, ContainmentMode, Contains, Excludes, Exists, Operand,
    TwoOperand,
};

use ews_xml::{
    Name, ReadError, ReadErrorKind, Reader, StartTag, WriteError, Writer, XmlChoice, XmlRead,
    XmlWrite,
};

/// A restriction: one search expression (`t:RestrictionType`).
///
/// The element name is the parent's: written with
/// `restriction.write_xml(w, Name::m("Restriction"))`, read from any element whose single
/// child is a search expression. Reading fails on a missing expression, on a second one and on
/// any element that is not a known expression.
///
/// See [Restriction](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/restriction).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Restriction {
    /// The filter.
    pub expression: SearchExpression,
}

impl Restriction {
    /// A restriction with this expression.
    pub fn new(expression: SearchExpression) -> Self {
        Self { expression }
    }
}

impl From<SearchExpression> for Restriction {
    fn from(expression: SearchExpression) -> Self {
        Self::new(expression)
    }
}

impl XmlWrite for Restriction {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        self.expression.write_choice(w)?;
        w.end()
    }
}

impl XmlRead for Restriction {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let mut expression = None;
        while let Some(tag) = r.next_child()? {
            if expression.is_some() {
                return Err(codec::unexpected(r, &tag));
            }
            expression = Some(codec::read_operand(r, &tag)?);
        }
        match expression {
            Some(expression) => Ok(Self { expression }),
            None => Err(r.error_after(start, ReadErrorKind::MissingElement("SearchExpression"))),
        }
    }
}
