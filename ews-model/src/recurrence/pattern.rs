//! Recurrence patterns: the `RecurrencePatternTypes` and `TaskRecurrencePatternTypes` choices
//! of `types.xsd` and the values they use.

use std::borrow::Cow;
use std::fmt;

use ews_xml::{ValueError, XmlRead, XmlValue, XmlWrite};

use crate::time::DayOfWeek;

/// How often a calendar item recurs: one element of the `RecurrencePatternTypes` choice.
///
/// See [Recurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/recurrence-recurrencetype).
/// The constructors ([`daily`](Self::daily), [`weekly`](Self::weekly), ...) build the common
/// cases; [`starting`](Self::starting) turns a pattern into a [`Recurrence`](super::Recurrence).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum Pattern {
    /// `t:RelativeYearlyRecurrence`: every year on the n-th day of a month.
    #[xml(name = "RelativeYearlyRecurrence")]
    RelativeYearly(RelativeYearlyPattern),
    /// `t:AbsoluteYearlyRecurrence`: every year on a day of a month.
    #[xml(name = "AbsoluteYearlyRecurrence")]
    AbsoluteYearly(AbsoluteYearlyPattern),
    /// `t:RelativeMonthlyRecurrence`: every `interval` months on the n-th day.
    #[xml(name = "RelativeMonthlyRecurrence")]
    RelativeMonthly(RelativeMonthlyPattern),
    /// `t:AbsoluteMonthlyRecurrence`: every `interval` months on a day of the month.
    #[xml(name = "AbsoluteMonthlyRecurrence")]
    AbsoluteMonthly(AbsoluteMonthlyPattern),
    /// `t:WeeklyRecurrence`: every `interval` weeks on some days of the week.
    #[xml(name = "WeeklyRecurrence")]
    Weekly(WeeklyPattern),
    /// `t:DailyRecurrence`: every `interval` days.
    #[xml(name = "DailyRecurrence")]
    Daily(DailyPattern),
}

/// How often a task recurs: one element of the `TaskRecurrencePatternTypes` choice, the
/// calendar patterns plus the four regeneration patterns (the next task is created an
/// interval after the previous one is completed).
///
/// See [Recurrence (TaskRecurrenceType)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/recurrence-taskrecurrencetype).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum TaskPattern {
    /// `t:DailyRegeneration`: `interval` days after the task is completed.
    DailyRegeneration(RegenerationPattern),
    /// `t:WeeklyRegeneration`: `interval` weeks after the task is completed.
    WeeklyRegeneration(RegenerationPattern),
    /// `t:MonthlyRegeneration`: `interval` months after the task is completed.
    MonthlyRegeneration(RegenerationPattern),
    /// `t:YearlyRegeneration`: `interval` years after the task is completed.
    YearlyRegeneration(RegenerationPattern),
    /// One of the calendar patterns (`t:DailyRecurrence`, `t:WeeklyRecurrence`, ...).
    #[xml(other)]
    Recurring(Pattern),
}

impl From<Pattern> for TaskPattern {
    fn from(p: Pattern) -> Self {
        Self::Recurring(p)
    }
}

/// `t:DailyRecurrence` (`DailyRecurrencePatternType`).
///
/// See [DailyRecurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/dailyrecurrence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DailyPattern {
    /// `Interval`: every this many days (at least 1).
    pub interval: i32,
}

/// `t:WeeklyRecurrence` (`WeeklyRecurrencePatternType`).
///
/// See [WeeklyRecurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/weeklyrecurrence).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct WeeklyPattern {
    /// `Interval`: every this many weeks (at least 1).
    pub interval: i32,
    /// `DaysOfWeek`: the days the item occurs on (at least one).
    pub days_of_week: DaysOfWeek,
    /// `FirstDayOfWeek`: where a week starts when counting `interval` weeks; Exchange
    /// assumes Sunday when it is absent. One of the seven days.
    pub first_day_of_week: Option<DayOfWeek>,
}

/// `t:AbsoluteMonthlyRecurrence` (`AbsoluteMonthlyRecurrencePatternType`).
///
/// A `day_of_month` past the end of a month (the 31st in April, the 30th in February) means
/// the last day of that month, as in Exchange and Outlook.
///
/// See [AbsoluteMonthlyRecurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/absolutemonthlyrecurrence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AbsoluteMonthlyPattern {
    /// `Interval`: every this many months (at least 1).
    pub interval: i32,
    /// `DayOfMonth`: 1 to 31.
    pub day_of_month: i32,
}

/// `t:RelativeMonthlyRecurrence` (`RelativeMonthlyRecurrencePatternType`): "the last Friday
/// of every month", "the second weekday of every third month".
///
/// See [RelativeMonthlyRecurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/relativemonthlyrecurrence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RelativeMonthlyPattern {
    /// `Interval`: every this many months (at least 1).
    pub interval: i32,
    /// `DaysOfWeek` (a single value here): a day of the week, or `Day` (any day), `Weekday`
    /// (Monday to Friday), `WeekendDay` (Saturday or Sunday).
    #[xml(name = "DaysOfWeek")]
    pub day_of_week: DayOfWeek,
    /// `DayOfWeekIndex`: which of those days in the month.
    pub day_of_week_index: DayOfWeekIndex,
}

/// `t:AbsoluteYearlyRecurrence` (`AbsoluteYearlyRecurrencePatternType`): every year (the
/// schema has no interval for yearly patterns).
///
/// February 29 (or any day past the end of the month) falls on the last day of the month in
/// the years that lack it, as for [`AbsoluteMonthlyPattern`].
///
/// See [AbsoluteYearlyRecurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/absoluteyearlyrecurrence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AbsoluteYearlyPattern {
    /// `DayOfMonth`: 1 to 31.
    pub day_of_month: i32,
    /// `Month`.
    pub month: Month,
}

/// `t:RelativeYearlyRecurrence` (`RelativeYearlyRecurrencePatternType`): "the last Monday of
/// May", every year.
///
/// See [RelativeYearlyRecurrence](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/relativeyearlyrecurrence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RelativeYearlyPattern {
    /// `DaysOfWeek` (a single value here), as in [`RelativeMonthlyPattern::day_of_week`].
    #[xml(name = "DaysOfWeek")]
    pub day_of_week: DayOfWeek,
    /// `DayOfWeekIndex`.
    pub day_of_week_index: DayOfWeekIndex,
    /// `Month`.
    pub month: Month,
}

/// The four task regeneration patterns (`DailyRegeneratingPatternType` and its siblings,
/// which differ only in their element name): the unit is chosen by the [`TaskPattern`]
/// variant.
///
/// See [DailyRegeneration](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/dailyregeneration).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RegenerationPattern {
    /// `Interval`: this many days, weeks, months or years after completion (at least 1).
    pub interval: i32,
}

/// `DaysOfWeekType`: a space-separated list of [`DayOfWeek`] (`Monday Wednesday`).
///
/// Reading accepts any XML whitespace between the values; writing separates them with one
/// space, in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DaysOfWeek(pub Vec<DayOfWeek>);

impl DaysOfWeek {
    /// The days, in order.
    pub fn iter(&self) -> impl Iterator<Item = DayOfWeek> + '_ {
        self.0.iter().copied()
    }

    /// Whether the list is empty (Exchange rejects an empty weekly pattern).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<D: Into<DayOfWeek>> FromIterator<D> for DaysOfWeek {
    fn from_iter<I: IntoIterator<Item = D>>(iter: I) -> Self {
        Self(iter.into_iter().map(Into::into).collect())
    }
}

impl From<Vec<DayOfWeek>> for DaysOfWeek {
    fn from(days: Vec<DayOfWeek>) -> Self {
        Self(days)
    }
}

impl XmlValue for DaysOfWeek {
    fn to_xml_value(&self) -> Cow<'_, str> {
        let words: Vec<Cow<'_, str>> = self.0.iter().map(XmlValue::to_xml_value).collect();
        Cow::Owned(words.join(" "))
    }
    fn from_xml_value(s: &str) -> Result<Self, ValueError> {
        s.split_ascii_whitespace()
            .map(DayOfWeek::from_xml_value)
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
            .map_err(|_| {
                ValueError::expected(
                    "a DaysOfWeekType (space-separated Sunday ... Saturday, Day, Weekday, WeekendDay)",
                )
            })
    }
}

/// `DayOfWeekIndexType`: which matching day of the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DayOfWeekIndex {
    /// `First`.
    First,
    /// `Second`.
    Second,
    /// `Third`.
    Third,
    /// `Fourth`.
    Fourth,
    /// `Last`: the last matching day, which may be the fourth or the fifth.
    Last,
}

/// `MonthNamesType`: a month of the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Month {
    /// `January`.
    January,
    /// `February`.
    February,
    /// `March`.
    March,
    /// `April`.
    April,
    /// `May`.
    May,
    /// `June`.
    June,
    /// `July`.
    July,
    /// `August`.
    August,
    /// `September`.
    September,
    /// `October`.
    October,
    /// `November`.
    November,
    /// `December`.
    December,
}

impl Month {
    /// All twelve, January first.
    pub const ALL: [Self; 12] = [
        Self::January,
        Self::February,
        Self::March,
        Self::April,
        Self::May,
        Self::June,
        Self::July,
        Self::August,
        Self::September,
        Self::October,
        Self::November,
        Self::December,
    ];

    /// The month's number, 1 (January) to 12 (December), as jiff counts them.
    pub const fn number(self) -> i8 {
        self as i8 + 1
    }

    /// The month numbered `n` (1 to 12).
    pub fn from_number(n: i8) -> Option<Self> {
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        Self::ALL.get(i).copied()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_xml_value())
    }
}
