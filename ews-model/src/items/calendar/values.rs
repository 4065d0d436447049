//! The old-style meeting time zone of calendar items (`t:TimeZoneType`).

use ews_xml::{XmlRead, XmlWrite};

use crate::fields::{FieldValue, Kind, ValueKind};
use crate::recurrence::RelativeYearlyPattern;
use crate::time::{Date, Duration, Time};

/// The time zone of a meeting as Exchange 2007 described it (`t:TimeZoneType`, the field
/// `MeetingTimeZone`): a base offset from UTC and, for zones with daylight saving time, the
/// yearly changes to standard and daylight time. Exchange 2010 and later use
/// [`TimeZoneDefinition`](crate::time::TimeZoneDefinition) (`StartTimeZone`, `EndTimeZone`).
///
/// Offsets follow the schema's sign: the bias added to local time to get UTC (`PT8H` for
/// Pacific Standard Time).
///
/// See [MeetingTimeZone](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/meetingtimezone).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MeetingTimeZone {
    /// `TimeZoneName`: the zone's name.
    #[xml(attr = "TimeZoneName")]
    pub time_zone_name: Option<String>,
    /// `t:BaseOffset`: the standard bias from UTC (the schema requires it when `standard` and
    /// `daylight` are given).
    pub base_offset: Option<Duration>,
    /// `t:Standard`: the change to standard time (written only with `daylight`).
    pub standard: Option<TimeChange>,
    /// `t:Daylight`: the change to daylight saving time (written only with `standard`).
    pub daylight: Option<TimeChange>,
}

impl MeetingTimeZone {
    /// A zone without daylight saving time: a name and a bias.
    pub fn fixed(name: impl Into<String>, base_offset: Duration) -> Self {
        Self {
            time_zone_name: Some(name.into()),
            base_offset: Some(base_offset),
            ..Self::default()
        }
    }

    /// This zone with the yearly changes to standard and daylight time.
    #[must_use]
    pub fn with_changes(mut self, standard: TimeChange, daylight: TimeChange) -> Self {
        self.standard = Some(standard);
        self.daylight = Some(daylight);
        self
    }
}

impl FieldValue for MeetingTimeZone {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}

/// A yearly change between standard and daylight time (`t:TimeChangeType`, the `t:Standard`
/// and `t:Daylight` of a [`MeetingTimeZone`]).
///
/// See [Standard](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/standard)
/// and [Daylight](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/daylight).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TimeChange {
    /// `TimeZoneName`: the name of the period (`Pacific Daylight Time`).
    #[xml(attr = "TimeZoneName")]
    pub time_zone_name: Option<String>,
    /// `t:Offset`: the offset added to the base offset during the period (`-PT1H`).
    pub offset: Duration,
    /// When the change happens: yearly on a relative day, or once on a date.
    #[xml(choice)]
    pub pattern: Option<TimeChangePattern>,
    /// `t:Time`: the local time of day of the change.
    pub time: Time,
}

impl TimeChange {
    /// A change by `offset` at `time` on the day `pattern` gives.
    pub fn new(offset: Duration, pattern: TimeChangePattern, time: Time) -> Self {
        Self {
            time_zone_name: None,
            offset,
            pattern: Some(pattern),
            time,
        }
    }

    /// This change with the period's name.
    #[must_use]
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.time_zone_name = Some(name.into());
        self
    }
}

/// The day of a [`TimeChange`] (the schema's group `TimeChangePatternTypes`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum TimeChangePattern {
    /// `t:RelativeYearlyRecurrence`: every year on "the second Sunday of March".
    #[xml(name = "RelativeYearlyRecurrence")]
    RelativeYearly(RelativeYearlyPattern),
    /// `t:AbsoluteDate`: once, on this date.
    AbsoluteDate(Date),
}
