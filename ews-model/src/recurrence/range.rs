//! Recurrence ranges: the `RecurrenceRangeTypes` choice of `types.xsd`.

use ews_xml::{XmlRead, XmlWrite};

use crate::time::Date;

/// When a recurrence starts and ends: one element of the `RecurrenceRangeTypes` choice.
///
/// The start date is the first day the pattern may produce an occurrence on; an end date is
/// inclusive; a number of occurrences counts every occurrence the pattern produces from the
/// start date, deleted ones included (Exchange keeps the count of the series, not of what is
/// left of it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum Range {
    /// `t:NoEndRecurrence`: forever.
    ///
    /// See [NoEndRecurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/noendrecurrence).
    #[xml(name = "NoEndRecurrence")]
    NoEnd(NoEndRange),
    /// `t:EndDateRecurrence`: up to and including an end date.
    ///
    /// See [EndDateRecurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/enddaterecurrence).
    #[xml(name = "EndDateRecurrence")]
    EndDate(EndDateRange),
    /// `t:NumberedRecurrence`: a number of occurrences.
    ///
    /// See [NumberedRecurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/numberedrecurrence).
    #[xml(name = "NumberedRecurrence")]
    Numbered(NumberedRange),
}

impl Range {
    /// A range without end.
    pub fn no_end(start_date: impl Into<Date>) -> Self {
        Self::NoEnd(NoEndRange {
            start_date: start_date.into(),
        })
    }

    /// A range up to and including `end_date`.
    pub fn end_date(start_date: impl Into<Date>, end_date: impl Into<Date>) -> Self {
        Self::EndDate(EndDateRange {
            start_date: start_date.into(),
            end_date: end_date.into(),
        })
    }

    /// A range of `number_of_occurrences` occurrences.
    pub fn numbered(start_date: impl Into<Date>, number_of_occurrences: i32) -> Self {
        Self::Numbered(NumberedRange {
            start_date: start_date.into(),
            number_of_occurrences,
        })
    }

    /// `StartDate`, which every range has.
    pub fn start_date(&self) -> Date {
        match self {
            Self::NoEnd(r) => r.start_date,
            Self::EndDate(r) => r.start_date,
            Self::Numbered(r) => r.start_date,
        }
    }

    /// `EndDate`, for an [`EndDate`](Self::EndDate) range.
    pub fn last_date(&self) -> Option<Date> {
        match self {
            Self::EndDate(r) => Some(r.end_date),
            Self::NoEnd(_) | Self::Numbered(_) => None,
        }
    }

    /// `NumberOfOccurrences`, for a [`Numbered`](Self::Numbered) range.
    pub fn number_of_occurrences(&self) -> Option<i32> {
        match self {
            Self::Numbered(r) => Some(r.number_of_occurrences),
            Self::NoEnd(_) | Self::EndDate(_) => None,
        }
    }

    /// The same kind of range from another start date.
    #[must_use]
    pub fn with_start_date(self, start_date: impl Into<Date>) -> Self {
        let start_date = start_date.into();
        match self {
            Self::NoEnd(_) => Self::NoEnd(NoEndRange { start_date }),
            Self::EndDate(r) => Self::EndDate(EndDateRange { start_date, ..r }),
            Self::Numbered(r) => Self::Numbered(NumberedRange { start_date, ..r }),
        }
    }
}

/// `NoEndRecurrenceRangeType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NoEndRange {
    /// `StartDate`.
    pub start_date: Date,
}

/// `EndDateRecurrenceRangeType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EndDateRange {
    /// `StartDate`.
    pub start_date: Date,
    /// `EndDate`: the last day an occurrence may fall on (inclusive).
    pub end_date: Date,
}

/// `NumberedRecurrenceRangeType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NumberedRange {
    /// `StartDate`.
    pub start_date: Date,
    /// `NumberOfOccurrences`: at least 1.
    pub number_of_occurrences: i32,
}
