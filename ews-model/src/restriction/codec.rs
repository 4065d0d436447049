//! The hand-written codec of the recursive [`SearchExpression`] and [`Near`].

use ews_xml::{
    Name, Ns, ReadError, ReadErrorKind, Reader, StartTag, WriteError, Writer, XmlChoice, XmlRead,
    XmlWrite,
};

use super::expression::{CompareOp, Near, SearchExpression};
use super::leaves::{Contains, Excludes, Exists, TwoOperand};

/// The local names of the group's members.
const MEMBERS: [&str; 13] = [
    "Exists",
    "Excludes",
    "IsEqualTo",
    "IsNotEqualTo",
    "IsGreaterThan",
    "IsGreaterThanOrEqualTo",
    "IsLessThan",
    "IsLessThanOrEqualTo",
    "Contains",
    "Not",
    "And",
    "Or",
    "Near",
];

impl XmlChoice for SearchExpression {
    fn write_choice(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
        let name = Name::t(self.element_name());
        match self {
            Self::Exists(e) => e.write_xml(w, name),
            Self::Excludes(e) => e.write_xml(w, name),
            Self::Contains(c) => c.write_xml(w, name),
            Self::Not(e) => {
                w.start(name)?;
                e.write_choice(w)?;
                w.end()
            }
            Self::And(v) | Self::Or(v) => {
                w.start(name)?;
                write_operands(w, v)?;
                w.end()
            }
            Self::Near(n) => n.write_xml(w, name),
            Self::IsEqualTo(c)
            | Self::IsNotEqualTo(c)
            | Self::IsGreaterThan(c)
            | Self::IsGreaterThanOrEqualTo(c)
            | Self::IsLessThan(c)
            | Self::IsLessThanOrEqualTo(c) => c.write_xml(w, name),
        }
    }

    fn matches(start: &StartTag) -> bool {
        start.ns() == Ns::Types && MEMBERS.contains(&start.local_name())
    }

    fn read_choice(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        if start.ns() != Ns::Types {
            return Err(unexpected(r, start));
        }
        let local = start.local_name();
        if let Some(op) = CompareOp::from_element_name(local) {
            let c = TwoOperand::read_xml(r, start)?;
            return Ok(Self::compare(op, c.path, c.operand));
        }
        Ok(match local {
            "Exists" => Self::Exists(Exists::read_xml(r, start)?),
            "Excludes" => Self::Excludes(Excludes::read_xml(r, start)?),
            "Contains" => Self::Contains(Contains::read_xml(r, start)?),
            "Not" => {
                let mut operand = None;
                while let Some(tag) = r.next_child()? {
                    if operand.is_some() {
                        return Err(unexpected(r, &tag));
                    }
                    operand = Some(read_operand(r, &tag)?);
                }
                match operand {
                    Some(e) => Self::Not(Box::new(e)),
                    None => return Err(missing_operand(r, start)),
                }
            }
            "And" | "Or" => {
                let mut operands = Vec::new();
                while let Some(tag) = r.next_child()? {
                    operands.push(read_operand(r, &tag)?);
                }
                if operands.is_empty() {
                    return Err(missing_operand(r, start));
                }
                if local == "And" {
                    Self::And(operands)
                } else {
                    Self::Or(operands)
                }
            }
            "Near" => Self::Near(Near::read_xml(r, start)?),
            _ => return Err(unexpected(r, start)),
        })
    }
}

impl XmlWrite for Near {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        write_operands(w, &self.expressions)?;
        self.distance.write_xml(w, Name::t("Distance"))?;
        self.ordered.write_xml(w, Name::t("Ordered"))?;
        w.end()
    }
}

impl XmlRead for Near {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let (mut expressions, mut distance, mut ordered) = (Vec::new(), None, None);
        while let Some(tag) = r.next_child()? {
            if tag.is(Name::t("Distance")) {
                distance = Some(r.read_value(&tag)?);
            } else if tag.is(Name::t("Ordered")) {
                ordered = Some(r.read_value(&tag)?);
            } else {
                expressions.push(read_operand(r, &tag)?);
            }
        }
        if expressions.is_empty() {
            return Err(missing_operand(r, start));
        }
        let missing = |what| r.error_after(start, ReadErrorKind::MissingElement(what));
        Ok(Self {
            expressions,
            distance: distance.ok_or_else(|| missing("Distance"))?,
            ordered: ordered.ok_or_else(|| missing("Ordered"))?,
        })
    }
}

fn write_operands(w: &mut Writer<'_>, operands: &[SearchExpression]) -> Result<(), WriteError> {
    if operands.is_empty() {
        return Err(WriteError::Misuse(
            "t:And, t:Or and t:Near need at least one search expression",
        ));
    }
    operands.iter().try_for_each(|e| e.write_choice(w))
}

/// Reads the child `tag` of a restriction or boolean expression: a search expression, or an
/// error naming the element.
pub(super) fn read_operand(
    r: &mut Reader<'_>,
    tag: &StartTag,
) -> Result<SearchExpression, ReadError> {
    if SearchExpression::matches(tag) {
        SearchExpression::read_choice(r, tag)
    } else {
        Err(unexpected(r, tag))
    }
}

/// `tag` (just read, so the reader's path ends with it) is not allowed here.
pub(super) fn unexpected(r: &Reader<'_>, tag: &StartTag) -> ReadError {
    r.error(ReadErrorKind::UnexpectedElement {
        found: tag.display_name(),
    })
}

fn missing_operand(r: &Reader<'_>, start: &StartTag) -> ReadError {
    r.error_after(start, ReadErrorKind::MissingElement("SearchExpression"))
}
