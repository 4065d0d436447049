//! Checks for what the schema cannot say: intervals, days, counts and date order.

use super::{AbsoluteMonthlyPattern, AbsoluteYearlyPattern, Pattern, Range, TaskPattern};
use crate::time::{Date, DayOfWeek};

/// A recurrence that Exchange would reject: what [`Recurrence::validate`](super::Recurrence::validate) and its siblings
/// report.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecurrenceError {
    /// An `Interval` below 1.
    #[error("the interval must be at least 1, not {0}")]
    Interval(i32),
    /// A `DayOfMonth` outside 1 to 31.
    #[error("the day of the month must be 1 to 31, not {0}")]
    DayOfMonth(i32),
    /// A weekly pattern without days.
    #[error("a weekly pattern needs at least one day of the week")]
    NoDaysOfWeek,
    /// A `FirstDayOfWeek` that is `Day`, `Weekday` or `WeekendDay`.
    #[error("the first day of the week must be one of Sunday to Saturday, not {0:?}")]
    FirstDayOfWeek(DayOfWeek),
    /// A `NumberOfOccurrences` below 1.
    #[error("the number of occurrences must be at least 1, not {0}")]
    NumberOfOccurrences(i32),
    /// An `EndDate` before the `StartDate`.
    #[error("the end date {end} is before the start date {start}")]
    EndBeforeStart {
        /// `StartDate`.
        start: Date,
        /// `EndDate`.
        end: Date,
    },
}

impl Pattern {
    /// Checks the interval, the days of a weekly pattern and the day of the month.
    pub fn validate(&self) -> Result<(), RecurrenceError> {
        check_interval(self.interval())?;
        match self {
            Self::Weekly(p) => {
                if p.days_of_week.is_empty() {
                    return Err(RecurrenceError::NoDaysOfWeek);
                }
                match p.first_day_of_week {
                    Some(d) if d.to_weekday().is_none() => Err(RecurrenceError::FirstDayOfWeek(d)),
                    _ => Ok(()),
                }
            }
            Self::AbsoluteMonthly(AbsoluteMonthlyPattern { day_of_month, .. })
            | Self::AbsoluteYearly(AbsoluteYearlyPattern { day_of_month, .. }) => {
                if (1..=31).contains(day_of_month) {
                    Ok(())
                } else {
                    Err(RecurrenceError::DayOfMonth(*day_of_month))
                }
            }
            Self::Daily(_) | Self::RelativeMonthly(_) | Self::RelativeYearly(_) => Ok(()),
        }
    }
}

impl TaskPattern {
    /// Checks the pattern as [`Pattern::validate`] does.
    pub fn validate(&self) -> Result<(), RecurrenceError> {
        match self {
            Self::Recurring(p) => p.validate(),
            Self::DailyRegeneration(p)
            | Self::WeeklyRegeneration(p)
            | Self::MonthlyRegeneration(p)
            | Self::YearlyRegeneration(p) => check_interval(p.interval),
        }
    }
}

impl Range {
    /// Checks the number of occurrences and that an end date is not before the start date.
    pub fn validate(&self) -> Result<(), RecurrenceError> {
        match self {
            Self::NoEnd(_) => Ok(()),
            Self::EndDate(r) if r.end_date < r.start_date => Err(RecurrenceError::EndBeforeStart {
                start: r.start_date,
                end: r.end_date,
            }),
            Self::EndDate(_) => Ok(()),
            Self::Numbered(r) if r.number_of_occurrences < 1 => Err(
                RecurrenceError::NumberOfOccurrences(r.number_of_occurrences),
            ),
            Self::Numbered(_) => Ok(()),
        }
    }
}

fn check_interval(interval: i32) -> Result<(), RecurrenceError> {
    if interval >= 1 {
        Ok(())
    } else {
        Err(RecurrenceError::Interval(interval))
    }
}
