//! The XML Schema date and time values EWS uses: `xs:dateTime`, `xs:date`, `xs:time` and
//! `xs:duration`.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use ews_xml::{ValueError, XmlValue};
use jiff::civil;
use jiff::tz::Offset;
use jiff::{SignedDuration, Timestamp};

use super::TimeError;
use super::parse::{Cursor, parse_date_time, parse_duration};

/// An `xs:dateTime`: an instant, as EWS sends and expects it.
///
/// Reading accepts every form servers send: `2026-03-08T13:21:32Z`, an offset
/// (`2014-03-08T13:21:32.868-08:00`), fractional seconds of any length (`.1234567`; digits
/// past nanoseconds are dropped), `24:00:00` (the next midnight), and no zone at all, which
/// [`from_xml_value`](XmlValue::from_xml_value) and [`FromStr`] read as UTC; use
/// [`DateTime::parse_in`] when the request's `TimeZoneContext` says otherwise.
///
/// Writing is always UTC, `YYYY-MM-DDTHH:MM:SSZ`, with the fraction (trailing zeros
/// dropped) only when it is not zero.
///
/// ```
/// use ews_model::time::DateTime;
///
/// let t: DateTime = "2014-03-08T13:21:32.868-08:00".parse()?;
/// assert_eq!(t.to_string(), "2014-03-08T21:21:32.868Z");
/// # Ok::<(), ews_model::time::TimeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime(pub Timestamp);

impl DateTime {
    /// Parses an `xs:dateTime`; a value without a zone is a local time in `tz` (an ambiguous
    /// or skipped local time is resolved as jiff's "compatible" strategy does: the earlier
    /// offset for a repeated hour, the later one for a gap). Values with a zone ignore `tz`.
    pub fn parse_in(text: &str, tz: &jiff::tz::TimeZone) -> Result<Self, TimeError> {
        let (dt, offset) = parse_date_time(text).ok_or_else(|| invalid("xs:dateTime", text))?;
        let ts = match offset {
            Some(offset) => offset.to_timestamp(dt),
            None => tz.to_ambiguous_timestamp(dt).compatible(),
        };
        ts.map(Self).map_err(|_| invalid("xs:dateTime", text))
    }

    /// The instant.
    pub fn timestamp(self) -> Timestamp {
        self.0
    }
}

impl From<Timestamp> for DateTime {
    fn from(ts: Timestamp) -> Self {
        Self(ts)
    }
}

impl From<DateTime> for Timestamp {
    fn from(t: DateTime) -> Self {
        t.0
    }
}

impl FromStr for DateTime {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Self, TimeError> {
        Self::parse_in(s, &jiff::tz::TimeZone::UTC)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dt = Offset::UTC.to_datetime(self.0);
        write_date(f, dt.date())?;
        f.write_str("T")?;
        write_time(f, dt.time())?;
        f.write_str("Z")
    }
}

/// An `xs:date`: a calendar date.
///
/// Reading accepts a trailing zone, which EWS sends (`2026-11-25Z`, `2014-03-08-08:00`) and
/// which does not change the date; writing is plain `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub civil::Date);

impl From<civil::Date> for Date {
    fn from(d: civil::Date) -> Self {
        Self(d)
    }
}

impl From<Date> for civil::Date {
    fn from(d: Date) -> Self {
        d.0
    }
}

impl FromStr for Date {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Self, TimeError> {
        let mut c = Cursor::new(s);
        let date = c.date().ok_or_else(|| invalid("xs:date", s))?;
        c.zone().ok_or_else(|| invalid("xs:date", s))?;
        if !c.done() {
            return Err(invalid("xs:date", s));
        }
        Ok(Self(date))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_date(f, self.0)
    }
}

/// An `xs:time`: a time of day, `02:00:00`.
///
/// Reading accepts fractional seconds and a trailing zone (ignored: EWS uses `xs:time` for
/// local times such as transition times of `TimeChangeType`); writing is `HH:MM:SS` with the
/// fraction only when it is not zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub civil::Time);

impl From<civil::Time> for Time {
    fn from(t: civil::Time) -> Self {
        Self(t)
    }
}

impl From<Time> for civil::Time {
    fn from(t: Time) -> Self {
        t.0
    }
}

impl FromStr for Time {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Self, TimeError> {
        let mut c = Cursor::new(s);
        let (h, m, sec, ns) = c.time().ok_or_else(|| invalid("xs:time", s))?;
        c.zone().ok_or_else(|| invalid("xs:time", s))?;
        if !c.done() || h > 23 {
            return Err(invalid("xs:time", s));
        }
        civil::Time::new(h, m, sec, ns)
            .map(Self)
            .map_err(|_| invalid("xs:time", s))
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_time(f, self.0)
    }
}

/// An `xs:duration` as EWS uses it, in time zone definitions (`Bias="-PT1H"`,
/// `<t:TimeOffset>P0DT2H0M0.0S</t:TimeOffset>`): a signed span of days, hours, minutes and
/// seconds.
///
/// Reading accepts every `xs:duration` whose year and month parts are absent or zero (a month
/// has no fixed length); writing is the shortest form: `-PT8H`, `PT1H30M`, `P1D`, `PT0.5S`,
/// and `PT0M` for zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration(pub SignedDuration);

impl Duration {
    /// Zero.
    pub const ZERO: Self = Self(SignedDuration::ZERO);

    /// A duration of whole minutes.
    pub const fn from_mins(mins: i64) -> Self {
        Self(SignedDuration::from_mins(mins))
    }
}

impl From<SignedDuration> for Duration {
    fn from(d: SignedDuration) -> Self {
        Self(d)
    }
}

impl From<Duration> for SignedDuration {
    fn from(d: Duration) -> Self {
        d.0
    }
}

impl FromStr for Duration {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Self, TimeError> {
        parse_duration(s).ok_or_else(|| invalid("xs:duration (days to seconds)", s))
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        if d.is_negative() {
            f.write_str("-")?;
        }
        // |i64::MIN| does not fit an i64: work in i128.
        let secs = i128::from(d.as_secs()).abs();
        let nanos = d.subsec_nanos().unsigned_abs();
        let (days, rest) = (secs / 86_400, secs % 86_400);
        let (hours, mins, s) = (rest / 3600, rest % 3600 / 60, rest % 60);
        f.write_str("P")?;
        if days != 0 {
            write!(f, "{days}D")?;
        }
        if rest == 0 && nanos == 0 {
            return if days == 0 {
                f.write_str("T0M")
            } else {
                Ok(())
            };
        }
        f.write_str("T")?;
        if hours != 0 {
            write!(f, "{hours}H")?;
        }
        if mins != 0 {
            write!(f, "{mins}M")?;
        }
        if s != 0 || nanos != 0 {
            write!(f, "{s}")?;
            write_fraction(f, nanos)?;
            f.write_str("S")?;
        }
        Ok(())
    }
}

macro_rules! text_value {
    ($($t:ty => $what:literal),* $(,)?) => {$(
        impl XmlValue for $t {
            fn to_xml_value(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
            fn from_xml_value(s: &str) -> Result<Self, ValueError> {
                s.parse().map_err(|_| ValueError::expected($what))
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

text_value! {
    DateTime => "an xs:dateTime",
    Date => "an xs:date",
    Time => "an xs:time",
    Duration => "an xs:duration (days to seconds)",
}

fn invalid(expected: &'static str, value: &str) -> TimeError {
    TimeError::Parse {
        expected,
        value: value.chars().take(80).collect(),
    }
}

fn write_date(f: &mut fmt::Formatter<'_>, d: civil::Date) -> fmt::Result {
    let y = d.year();
    if y < 0 {
        f.write_str("-")?;
    }
    write!(f, "{:04}-{:02}-{:02}", y.unsigned_abs(), d.month(), d.day())
}

fn write_time(f: &mut fmt::Formatter<'_>, t: civil::Time) -> fmt::Result {
    write!(f, "{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())?;
    write_fraction(f, t.subsec_nanosecond().unsigned_abs())
}

/// `.5` for 500 ms, nothing for 0.
fn write_fraction(f: &mut fmt::Formatter<'_>, nanos: u32) -> fmt::Result {
    if nanos == 0 {
        return Ok(());
    }
    let digits = format!("{nanos:09}");
    write!(f, ".{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests;
