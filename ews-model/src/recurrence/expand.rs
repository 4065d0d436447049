//! Expanding a recurrence into the dates of its occurrences, as Exchange does (the rules
//! are on [`Dates`]).

use std::iter::FusedIterator;

use jiff::civil::{self, Weekday};
use jiff::tz::TimeZone;
use jiff::{Span, ZonedDateTime};

use super::{DayOfWeekIndex, Pattern, Range};
use crate::time::DayOfWeek;

/// Periods in a row without an occurrence after which expansion gives up. A valid pattern has
/// an occurrence in every period but the first; this bounds what an invalid one costs.
const MAX_EMPTY_PERIODS: u32 = 1_000;

/// The dates of a recurrence's occurrences, in order: see
/// [`Recurrence::dates`](super::Recurrence::dates).
///
/// The rules (those of Outlook and Exchange, `[MS-OXOCAL]` section 2.2.1.44.1):
/// - The pattern is divided into periods of `interval` days, weeks or months; period 0 is the
///   one holding the range's start date. Yearly patterns are monthly ones with a period of 12
///   months, so period 0 is the pattern's month in the start date's year.
/// - Weekly periods start on `FirstDayOfWeek` (Sunday when absent), so with an interval
///   above 1 it decides which days belong to "every other week".
/// - A day of the month past the end of a month (31 in April, 29 in February of a common year)
///   is the month's last day: the [DayOfMonth] reference says so for EWS, and Outlook and CDO
///   put a yearly February 29 on February 28 in common years.
/// - `Day`, `Weekday` and `WeekendDay` match any day, Monday to Friday, and Saturday or
///   Sunday; "the first `Weekday`" is the first Monday-to-Friday day of the month, "the last
///   `Day`" the month's last day.
/// - Dates before the range's start date are never occurrences; an end date is inclusive; a
///   numbered range counts the occurrences from the start date.
///
/// Lazy and fused; a [`NoEnd`](Range::NoEnd) range iterates until the end of jiff's calendar
/// (year 9999), so take what you need. Never panics.
///
/// [DayOfMonth]: https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/dayofmonth
#[derive(Clone, Debug)]
pub struct Dates {
    rule: Rule,
    start: civil::Date,
    end: Option<civil::Date>,
    remaining: Option<u64>,
    period: i64,
    /// The current period's dates (at most 7), and how many of them were given out.
    buf: Vec<civil::Date>,
    pos: usize,
    empty_periods: u32,
    done: bool,
}

#[derive(Clone, Debug)]
enum Rule {
    /// Every `interval` days from `start`.
    Daily { interval: i64, start: civil::Date },
    /// Every `interval` weeks from `week0`, on these offsets from the first day of the week.
    Weekly {
        interval: i64,
        week0: civil::Date,
        offsets: Vec<i64>,
    },
    /// Every `interval` months from the month numbered `month0` (year * 12 + month - 1).
    Monthly {
        interval: i64,
        month0: i64,
        day: MonthDay,
    },
}

#[derive(Clone, Copy, Debug)]
enum MonthDay {
    /// The day of the month, or the last day when the month is shorter.
    Absolute(i8),
    /// The n-th matching day.
    Relative(DayOfWeek, DayOfWeekIndex),
}

impl Dates {
    /// The dates `pattern` produces within `range`; nothing when either is invalid.
    pub(crate) fn new(pattern: &Pattern, range: &Range) -> Self {
        let start = range.start_date().0;
        let valid = pattern.validate().is_ok() && range.validate().is_ok();
        let rule = Rule::new(pattern, start);
        let remaining = range
            .number_of_occurrences()
            .map(|n| u64::try_from(n).unwrap_or(0));
        Self {
            done: !valid || rule.is_none(),
            rule: rule.unwrap_or(Rule::Daily { interval: 1, start }),
            start,
            end: range.last_date().map(|d| d.0),
            remaining,
            period: 0,
            buf: Vec::new(),
            pos: 0,
            empty_periods: 0,
        }
    }

    /// An iterator that yields nothing.
    pub(crate) fn empty() -> Self {
        let start = civil::Date::ZERO;
        Self {
            rule: Rule::Daily { interval: 1, start },
            start,
            end: None,
            remaining: None,
            period: 0,
            buf: Vec::new(),
            pos: 0,
            empty_periods: 0,
            done: true,
        }
    }

    /// Fills `buf` with the next period's dates on or after the start date; `false` when the
    /// calendar ends.
    fn fill(&mut self) -> bool {
        self.buf.clear();
        self.pos = 0;
        let k = self.period;
        self.period = self.period.saturating_add(1);
        let ok = self.rule.period(k, &mut self.buf);
        self.buf.retain(|d| *d >= self.start);
        ok
    }
}

impl Iterator for Dates {
    type Item = civil::Date;

    fn next(&mut self) -> Option<civil::Date> {
        while !self.done {
            if let Some(&date) = self.buf.get(self.pos) {
                self.pos += 1;
                if self.end.is_some_and(|end| date > end) {
                    break;
                }
                if let Some(n) = &mut self.remaining {
                    if *n == 0 {
                        break;
                    }
                    *n -= 1;
                }
                self.empty_periods = 0;
                return Some(date);
            }
            if !self.fill() {
                break;
            }
            if self.buf.is_empty() {
                self.empty_periods += 1;
                if self.empty_periods > MAX_EMPTY_PERIODS {
                    break;
                }
            }
        }
        self.done = true;
        None
    }
}

impl FusedIterator for Dates {}

impl Rule {
    fn new(pattern: &Pattern, start: civil::Date) -> Option<Self> {
        let interval = |i: i32| i64::from(i.max(1));
        let month_of = |year: i16, month: i8| i64::from(year) * 12 + i64::from(month) - 1;
        let abs_day = |d: i32| MonthDay::Absolute(i8::try_from(d.clamp(1, 31)).unwrap_or(31));
        Some(match pattern {
            Pattern::Daily(p) => Self::Daily {
                interval: interval(p.interval),
                start,
            },
            Pattern::Weekly(p) => {
                let first = p
                    .first_day_of_week
                    .and_then(DayOfWeek::to_weekday)
                    .unwrap_or(Weekday::Sunday);
                let offsets = (0..7)
                    .filter(|&off| {
                        let wd = first.wrapping_add(off);
                        p.days_of_week.iter().any(|d| day_matches(d, wd))
                    })
                    .collect();
                let back = i64::from(first.until(start.weekday()));
                Self::Weekly {
                    interval: interval(p.interval),
                    week0: add_days(start, -back)?,
                    offsets,
                }
            }
            Pattern::AbsoluteMonthly(p) => Self::Monthly {
                interval: interval(p.interval),
                month0: month_of(start.year(), start.month()),
                day: abs_day(p.day_of_month),
            },
            Pattern::RelativeMonthly(p) => Self::Monthly {
                interval: interval(p.interval),
                month0: month_of(start.year(), start.month()),
                day: MonthDay::Relative(p.day_of_week, p.day_of_week_index),
            },
            Pattern::AbsoluteYearly(p) => Self::Monthly {
                interval: 12,
                month0: month_of(start.year(), p.month.number()),
                day: abs_day(p.day_of_month),
            },
            Pattern::RelativeYearly(p) => Self::Monthly {
                interval: 12,
                month0: month_of(start.year(), p.month.number()),
                day: MonthDay::Relative(p.day_of_week, p.day_of_week_index),
            },
        })
    }

    /// Pushes the dates of period `k`, in order; `false` when they are past the calendar.
    fn period(&self, k: i64, out: &mut Vec<civil::Date>) -> bool {
        match self {
            Self::Daily { interval, start } => {
                let Some(d) = k.checked_mul(*interval).and_then(|n| add_days(*start, n)) else {
                    return false;
                };
                out.push(d);
                true
            }
            Self::Weekly {
                interval,
                week0,
                offsets,
            } => {
                let Some(first) = k
                    .checked_mul(*interval)
                    .and_then(|w| w.checked_mul(7))
                    .and_then(|n| add_days(*week0, n))
                else {
                    return false;
                };
                for &off in offsets {
                    match add_days(first, off) {
                        Some(d) => out.push(d),
                        None => return !out.is_empty(),
                    }
                }
                true
            }
            Self::Monthly {
                interval,
                month0,
                day,
            } => {
                let Some(m) = k
                    .checked_mul(*interval)
                    .and_then(|n| n.checked_add(*month0))
                else {
                    return false;
                };
                let (Ok(year), Ok(month)) = (
                    i16::try_from(m.div_euclid(12)),
                    i8::try_from(m.rem_euclid(12) + 1),
                ) else {
                    return false;
                };
                match month_day(year, month, *day) {
                    Some(d) => {
                        out.push(d);
                        true
                    }
                    None => false,
                }
            }
        }
    }
}

/// Whether the weekday `wd` is one of the days `d` stands for.
pub(crate) fn day_matches(d: DayOfWeek, wd: Weekday) -> bool {
    match d {
        DayOfWeek::Day => true,
        DayOfWeek::Weekday => !matches!(wd, Weekday::Saturday | Weekday::Sunday),
        DayOfWeek::WeekendDay => matches!(wd, Weekday::Saturday | Weekday::Sunday),
        day => day.to_weekday() == Some(wd),
    }
}

fn add_days(d: civil::Date, n: i64) -> Option<civil::Date> {
    Span::new()
        .try_days(n)
        .ok()
        .and_then(|s| d.checked_add(s).ok())
}

/// The date `day` stands for in `month` of `year`; `None` outside jiff's calendar.
fn month_day(year: i16, month: i8, day: MonthDay) -> Option<civil::Date> {
    let first = civil::Date::new(year, month, 1).ok()?;
    let len = first.days_in_month();
    match day {
        MonthDay::Absolute(d) => civil::Date::new(year, month, d.min(len)).ok(),
        MonthDay::Relative(dow, index) => {
            let mut matching = (1..=len)
                .filter_map(|d| civil::Date::new(year, month, d).ok())
                .filter(|d| day_matches(dow, d.weekday()));
            match index {
                DayOfWeekIndex::First => matching.next(),
                DayOfWeekIndex::Second => matching.nth(1),
                DayOfWeekIndex::Third => matching.nth(2),
                DayOfWeekIndex::Fourth => matching.nth(3),
                DayOfWeekIndex::Last => matching.next_back(),
            }
        }
    }
}

/// The occurrences of a recurrence as zoned date-times: see
/// [`Recurrence::occurrences`](super::Recurrence::occurrences).
#[derive(Clone, Debug)]
pub struct Occurrences {
    dates: Dates,
    time: civil::Time,
    tz: TimeZone,
}

impl Occurrences {
    pub(crate) fn new(dates: Dates, time: civil::Time, tz: TimeZone) -> Self {
        Self { dates, time, tz }
    }
}

impl Iterator for Occurrences {
    type Item = ZonedDateTime;

    fn next(&mut self) -> Option<ZonedDateTime> {
        let date = self.dates.next()?;
        // A local time in a gap moves forward and a repeated one takes the earlier offset
        // (jiff's "compatible", what Exchange and Windows do). Only the ends of jiff's
        // calendar fail, and later dates would too.
        match self
            .tz
            .to_zoned_datetime(civil::DateTime::from_parts(date, self.time))
        {
            Ok(z) => Some(z),
            Err(_) => {
                self.dates.done = true;
                None
            }
        }
    }
}

impl FusedIterator for Occurrences {}
