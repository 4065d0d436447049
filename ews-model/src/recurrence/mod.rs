//! Recurring calendar items and tasks: `t:Recurrence` (`RecurrenceType`,
//! `TaskRecurrenceType`), its patterns and ranges, the occurrence information of a recurring
//! master, and the expansion of a recurrence into its occurrences.
//!
//! - [`Recurrence`] = a [`Pattern`] (daily, weekly, absolute or relative monthly and yearly)
//!   and a [`Range`] (no end, end date, number of occurrences); [`TaskRecurrence`] takes a
//!   [`TaskPattern`], which adds the four regeneration patterns.
//! - Build the common cases with the [`Pattern`] constructors and
//!   [`Pattern::starting`], then [`Recurrence::until`] or [`Recurrence::count`];
//!   [`Recurrence::validate`] checks what the schema cannot (intervals, days, counts).
//! - [`Recurrence::dates`] and [`Recurrence::occurrences`] expand a recurrence the way Exchange
//!   does (see the rules on [`Dates`]): lazily, bounded by the range, never panicking.
//! - [`OccurrenceInfo`] and [`DeletedOccurrence`]: the `FirstOccurrence`, `LastOccurrence`,
//!   `ModifiedOccurrences` and `DeletedOccurrences` of a recurring master.
//!
//! ```
//! use ews_model::recurrence::{Pattern, Recurrence};
//! use jiff::civil::{Weekday, date};
//!
//! // Mondays and Wednesdays of every third week, seven times, from Friday 2017-09-01.
//! let r = Pattern::weekly(3, [Weekday::Monday, Weekday::Wednesday])
//!     .starting(date(2017, 9, 1))
//!     .count(7);
//! r.validate()?;
//! let dates: Vec<_> = r.dates().map(|d| d.to_string()).collect();
//! assert_eq!(dates, [
//!     "2017-09-18", "2017-09-20", "2017-10-09", "2017-10-11",
//!     "2017-10-30", "2017-11-01", "2017-11-20",
//! ]);
//! # Ok::<(), ews_model::recurrence::RecurrenceError>(())
//! ```
//!
//! See [Recurrence patterns and time zones in EWS](https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/recurrence-patterns-and-time-zones-in-ews-in-exchange).

mod expand;
mod occurrence;
mod pattern;
mod range;
mod validate;

use ews_xml::{XmlRead, XmlWrite};
use jiff::civil;

pub use expand::{Dates, Occurrences};
pub use occurrence::{DeletedOccurrence, OccurrenceInfo};
pub use pattern::{
    AbsoluteMonthlyPattern, AbsoluteYearlyPattern, DailyPattern, DayOfWeekIndex, DaysOfWeek, Month,
    Pattern, RegenerationPattern, RelativeMonthlyPattern, RelativeYearlyPattern, TaskPattern,
    WeeklyPattern,
};
pub use range::{EndDateRange, NoEndRange, NumberedRange, Range};
pub use validate::RecurrenceError;

use crate::fields::{FieldValue, Kind, ValueKind};
use crate::time::{Date, DayOfWeek};

/// The recurrence of a calendar item (`RecurrenceType`, `t:Recurrence` of a recurring
/// master): a pattern and a range.
///
/// See [Recurrence (RecurrenceType)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/recurrence-recurrencetype).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Recurrence {
    /// How often.
    #[xml(choice)]
    pub pattern: Pattern,
    /// From when, until when.
    #[xml(choice)]
    pub range: Range,
}

/// The recurrence of a task (`TaskRecurrenceType`, `t:Recurrence` of a task).
///
/// See [Recurrence (TaskRecurrenceType)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/recurrence-taskrecurrencetype).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TaskRecurrence {
    /// How often.
    #[xml(choice)]
    pub pattern: TaskPattern,
    /// From when, until when.
    #[xml(choice)]
    pub range: Range,
}

impl Pattern {
    /// Every `interval` days.
    pub fn daily(interval: i32) -> Self {
        Self::Daily(DailyPattern { interval })
    }

    /// Every `interval` weeks on `days` (jiff [`Weekday`](civil::Weekday)s or
    /// [`DayOfWeek`]s), weeks starting on Sunday.
    pub fn weekly<D: Into<DayOfWeek>>(interval: i32, days: impl IntoIterator<Item = D>) -> Self {
        Self::Weekly(WeeklyPattern {
            interval,
            days_of_week: days.into_iter().collect(),
            first_day_of_week: None,
        })
    }

    /// Every `interval` months on `day_of_month` (the last day of shorter months).
    pub fn monthly(interval: i32, day_of_month: i32) -> Self {
        Self::AbsoluteMonthly(AbsoluteMonthlyPattern {
            interval,
            day_of_month,
        })
    }

    /// Every `interval` months on the `index`-th `day` ("the last Friday",
    /// "the first weekday").
    pub fn monthly_relative(
        interval: i32,
        index: DayOfWeekIndex,
        day: impl Into<DayOfWeek>,
    ) -> Self {
        Self::RelativeMonthly(RelativeMonthlyPattern {
            interval,
            day_of_week: day.into(),
            day_of_week_index: index,
        })
    }

    /// Every year on `day_of_month` of `month` (February 29 falls on the 28th in common
    /// years).
    pub fn yearly(month: Month, day_of_month: i32) -> Self {
        Self::AbsoluteYearly(AbsoluteYearlyPattern {
            day_of_month,
            month,
        })
    }

    /// Every year on the `index`-th `day` of `month` ("the last Monday of May").
    pub fn yearly_relative(index: DayOfWeekIndex, day: impl Into<DayOfWeek>, month: Month) -> Self {
        Self::RelativeYearly(RelativeYearlyPattern {
            day_of_week: day.into(),
            day_of_week_index: index,
            month,
        })
    }

    /// A weekly pattern with weeks starting on `first` (which matters for intervals above
    /// 1); other patterns are returned unchanged.
    #[must_use]
    pub fn with_first_day_of_week(mut self, first: impl Into<DayOfWeek>) -> Self {
        if let Self::Weekly(p) = &mut self {
            p.first_day_of_week = Some(first.into());
        }
        self
    }

    /// This pattern from `start_date` on, without end; narrow it with
    /// [`Recurrence::until`] or [`Recurrence::count`].
    pub fn starting(self, start_date: impl Into<Date>) -> Recurrence {
        Recurrence {
            pattern: self,
            range: Range::no_end(start_date),
        }
    }

    /// The pattern's interval (1 for the yearly patterns, which have none).
    pub fn interval(&self) -> i32 {
        match self {
            Self::Daily(p) => p.interval,
            Self::Weekly(p) => p.interval,
            Self::AbsoluteMonthly(p) => p.interval,
            Self::RelativeMonthly(p) => p.interval,
            Self::AbsoluteYearly(_) | Self::RelativeYearly(_) => 1,
        }
    }
}

impl TaskPattern {
    /// A new task `interval` days after the previous one is completed.
    pub fn daily_regeneration(interval: i32) -> Self {
        Self::DailyRegeneration(RegenerationPattern { interval })
    }

    /// A new task `interval` weeks after the previous one is completed.
    pub fn weekly_regeneration(interval: i32) -> Self {
        Self::WeeklyRegeneration(RegenerationPattern { interval })
    }

    /// A new task `interval` months after the previous one is completed.
    pub fn monthly_regeneration(interval: i32) -> Self {
        Self::MonthlyRegeneration(RegenerationPattern { interval })
    }

    /// A new task `interval` years after the previous one is completed.
    pub fn yearly_regeneration(interval: i32) -> Self {
        Self::YearlyRegeneration(RegenerationPattern { interval })
    }

    /// This pattern from `start_date` on, without end.
    pub fn starting(self, start_date: impl Into<Date>) -> TaskRecurrence {
        TaskRecurrence {
            pattern: self,
            range: Range::no_end(start_date),
        }
    }
}

impl Recurrence {
    /// A recurrence of `pattern` over `range`.
    pub fn new(pattern: Pattern, range: Range) -> Self {
        Self { pattern, range }
    }

    /// The same recurrence ending on `end_date` (inclusive).
    #[must_use]
    pub fn until(self, end_date: impl Into<Date>) -> Self {
        let range = Range::end_date(self.range.start_date(), end_date);
        Self { range, ..self }
    }

    /// The same recurrence ending after `number_of_occurrences` occurrences.
    #[must_use]
    pub fn count(self, number_of_occurrences: i32) -> Self {
        let range = Range::numbered(self.range.start_date(), number_of_occurrences);
        Self { range, ..self }
    }

    /// The same recurrence without end.
    #[must_use]
    pub fn forever(self) -> Self {
        let range = Range::no_end(self.range.start_date());
        Self { range, ..self }
    }

    /// Checks the pattern and the range; see [`Pattern::validate`] and [`Range::validate`].
    pub fn validate(&self) -> Result<(), RecurrenceError> {
        self.pattern.validate()?;
        self.range.validate()
    }

    /// The dates of the occurrences, in order, as Exchange computes them (the rules are on
    /// [`Dates`]). Lazy: a recurrence without end yields dates up to the year 9999, so
    /// `take` what you need. An invalid recurrence ([`validate`](Self::validate)) yields
    /// nothing.
    ///
    /// These are the pattern's dates: the master's modified occurrences (moved elsewhere)
    /// and deleted occurrences are the caller's to apply.
    pub fn dates(&self) -> Dates {
        Dates::new(&self.pattern, &self.range)
    }

    /// The occurrences as zoned date-times: each date of [`dates`](Self::dates) at the time
    /// of day of `first_start`, the master's start as a local time in `tz` (the item's
    /// `StartTimeZone`). The date part of `first_start` is not used: Exchange moves the
    /// master's start to the first occurrence. A local time that does not exist on a date
    /// (a daylight-saving gap) moves forward by the gap, a repeated one takes the earlier
    /// offset.
    ///
    /// ```
    /// use ews_model::recurrence::{DayOfWeekIndex, Pattern};
    /// use jiff::civil::{Weekday, date};
    /// use jiff::tz::TimeZone;
    ///
    /// let berlin = TimeZone::get("Europe/Berlin")?;
    /// let r = Pattern::monthly_relative(1, DayOfWeekIndex::Last, Weekday::Friday)
    ///     .starting(date(2026, 1, 1));
    /// let starts: Vec<_> = r
    ///     .occurrences(date(2026, 1, 30).at(9, 0, 0, 0), &berlin)
    ///     .take(3)
    ///     .map(|z| z.timestamp().to_string())
    ///     .collect();
    /// assert_eq!(starts, [
    ///     "2026-01-30T08:00:00Z", "2026-02-27T08:00:00Z", "2026-03-27T08:00:00Z",
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn occurrences(
        &self,
        first_start: civil::DateTime,
        tz: &jiff::tz::TimeZone,
    ) -> Occurrences {
        Occurrences::new(self.dates(), first_start.time(), tz.clone())
    }
}

impl TaskRecurrence {
    /// A task recurrence of `pattern` over `range`.
    pub fn new(pattern: impl Into<TaskPattern>, range: Range) -> Self {
        Self {
            pattern: pattern.into(),
            range,
        }
    }

    /// The same recurrence ending on `end_date` (inclusive).
    #[must_use]
    pub fn until(self, end_date: impl Into<Date>) -> Self {
        let range = Range::end_date(self.range.start_date(), end_date);
        Self { range, ..self }
    }

    /// The same recurrence ending after `number_of_occurrences` occurrences.
    #[must_use]
    pub fn count(self, number_of_occurrences: i32) -> Self {
        let range = Range::numbered(self.range.start_date(), number_of_occurrences);
        Self { range, ..self }
    }

    /// Checks the pattern and the range.
    pub fn validate(&self) -> Result<(), RecurrenceError> {
        self.pattern.validate()?;
        self.range.validate()
    }

    /// The dates of a calendar-pattern task recurrence, as [`Recurrence::dates`]; nothing
    /// for the regeneration patterns, whose next date depends on when a task is completed.
    pub fn dates(&self) -> Dates {
        match &self.pattern {
            TaskPattern::Recurring(p) => Dates::new(p, &self.range),
            _ => Dates::empty(),
        }
    }
}

impl From<Recurrence> for TaskRecurrence {
    fn from(r: Recurrence) -> Self {
        Self::new(r.pattern, r.range)
    }
}

impl FieldValue for Recurrence {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}

impl FieldValue for TaskRecurrence {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}
