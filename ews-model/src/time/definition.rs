//! `t:TimeZoneDefinition` (`TimeZoneDefinitionType` of `types.xsd`) and its parts.

use std::borrow::Cow;

use ews_xml::{Name, ReadError, ReadErrorKind, Reader, StartTag, ValueError, WriteError, Writer};
use ews_xml::{XmlRead, XmlValue, XmlWrite};

use super::{DateTime, Duration};

/// A time zone as Exchange defines it (`t:TimeZoneDefinition`, also the type of the calendar
/// item fields `StartTimeZone`, `EndTimeZone` and of `t:TimeZoneContext`'s child).
///
/// A definition is either a bare reference (`<t:TimeZoneDefinition Id="Pacific Standard
/// Time"/>`, [`periods`](Self::periods) empty) or complete: periods (offsets from UTC),
/// groups of recurring transitions between them, and the transitions that say which group or
/// period applies when. [`offset_at`](Self::offset_at) evaluates one;
/// [`TimeZone::to_definition`](super::TimeZone::to_definition) builds one.
///
/// Children are written in schema order: `Periods` (only when not empty),
/// `TransitionsGroups` (only when not empty), `Transitions`. Reading skips unknown children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TimeZoneDefinition {
    /// `Id`: the Windows time zone id (`W. Europe Standard Time`), or whatever the client
    /// sent (`Customized Time Zone`).
    pub id: Option<String>,
    /// `Name`: the display name, `(UTC+01:00) Amsterdam, Berlin, Bern, Rome, ...`.
    pub name: Option<String>,
    /// `Periods/Period`.
    pub periods: Vec<Period>,
    /// `TransitionsGroups/TransitionsGroup`.
    pub transitions_groups: Vec<TransitionsGroup>,
    /// `Transitions`: which group or period applies from when (the first is a plain
    /// [`Transition::Plain`], the others [`Transition::Absolute`]).
    pub transitions: Option<TransitionsGroup>,
}

impl TimeZoneDefinition {
    /// A reference by id only, `<t:TimeZoneDefinition Id="..."/>`, as `TimeZoneContext`
    /// usually carries it.
    pub fn with_id(id: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            ..Self::default()
        }
    }

    /// The period with this id.
    pub fn period(&self, id: &str) -> Option<&Period> {
        self.periods.iter().find(|p| p.id.as_deref() == Some(id))
    }

    /// The transitions group with this id.
    pub fn group(&self, id: &str) -> Option<&TransitionsGroup> {
        self.transitions_groups
            .iter()
            .find(|g| g.id.as_deref() == Some(id))
    }
}

/// A `t:Period`: an offset from UTC with a name and an id that transitions refer to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Period {
    /// `Bias`: what to add to local time to get UTC (the negated UTC offset, as in Windows):
    /// `PT8H` for UTC-08:00, `-PT1H` for UTC+01:00.
    pub bias: Option<Duration>,
    /// `Name`, conventionally `Standard` or `Daylight`.
    pub name: Option<String>,
    /// `Id`, e.g. `Std`, `Dlt/2007`.
    pub id: Option<String>,
}

/// A list of transitions (`ArrayOfTransitionsType`): a `t:TransitionsGroup` inside
/// `TransitionsGroups`, and also the type of `t:Transitions`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TransitionsGroup {
    /// `Id` (groups are numbered `0`, `1`, ...).
    pub id: Option<String>,
    /// The transitions, in document order.
    pub transitions: Vec<Transition>,
}

/// One element of the `t:Transition` substitution group.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Transition {
    /// `t:Transition`: unconditionally to a period or group (the first of `Transitions`, or
    /// the only one of a group without daylight saving time).
    Plain(PlainTransition),
    /// `t:AbsoluteDateTransition`: from an instant on.
    Absolute(AbsoluteDateTransition),
    /// `t:RecurringDayTransition`: every year on the n-th weekday of a month.
    RecurringDay(RecurringDayTransition),
    /// `t:RecurringDateTransition`: every year on a day of a month.
    RecurringDate(RecurringDateTransition),
}

impl Transition {
    /// Where the transition goes.
    pub fn to(&self) -> &TransitionTarget {
        match self {
            Self::Plain(t) => &t.to,
            Self::Absolute(t) => &t.to,
            Self::RecurringDay(t) => &t.to,
            Self::RecurringDate(t) => &t.to,
        }
    }
}

/// `t:Transition`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PlainTransition {
    /// `To`.
    pub to: TransitionTarget,
}

/// `t:AbsoluteDateTransition`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AbsoluteDateTransition {
    /// `To`.
    pub to: TransitionTarget,
    /// `DateTime`: the instant the transition takes effect.
    pub date_time: DateTime,
}

/// `t:RecurringDayTransition`: in `month`, on the `occurrence`-th `day_of_week`, at
/// `time_offset` after local midnight (local time of the period in effect before).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RecurringDayTransition {
    /// `To`.
    pub to: TransitionTarget,
    /// `TimeOffset`: the local time of day of the transition, as a duration.
    pub time_offset: Duration,
    /// `Month`, 1 to 12.
    pub month: i32,
    /// `DayOfWeek`.
    pub day_of_week: DayOfWeek,
    /// `Occurrence`: 1 to 4, and `-1` (or 5) for the last one of the month.
    pub occurrence: i32,
}

/// `t:RecurringDateTransition`: every year on `day` of `month` at `time_offset`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RecurringDateTransition {
    /// `To`.
    pub to: TransitionTarget,
    /// `TimeOffset`: the local time of day of the transition, as a duration.
    pub time_offset: Duration,
    /// `Month`, 1 to 12.
    pub month: i32,
    /// `Day` of the month.
    pub day: i32,
}

/// `t:To`: a period or group id.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TransitionTarget {
    /// `Kind`.
    pub kind: TransitionTargetKind,
    /// The period's or group's id (the text content).
    pub id: String,
}

impl TransitionTarget {
    /// To the period `id`.
    pub fn period(id: impl Into<String>) -> Self {
        Self {
            kind: TransitionTargetKind::Period,
            id: id.into(),
        }
    }

    /// To the group `id`.
    pub fn group(id: impl Into<String>) -> Self {
        Self {
            kind: TransitionTargetKind::Group,
            id: id.into(),
        }
    }
}

/// `TransitionTargetKindType`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum TransitionTargetKind {
    /// `Period`.
    Period,
    /// `Group`.
    Group,
    /// A value newer than the schema, kept verbatim.
    Other(String),
}

impl XmlValue for TransitionTargetKind {
    fn to_xml_value(&self) -> Cow<'_, str> {
        match self {
            Self::Period => Cow::Borrowed("Period"),
            Self::Group => Cow::Borrowed("Group"),
            Self::Other(s) => Cow::Borrowed(s),
        }
    }
    fn from_xml_value(s: &str) -> Result<Self, ValueError> {
        Ok(match s.trim() {
            "Period" => Self::Period,
            "Group" => Self::Group,
            other => Self::Other(other.to_owned()),
        })
    }
}

/// `DayOfWeekType`: a weekday, or `Day`, `Weekday`, `WeekendDay` (used by recurrences).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DayOfWeek {
    /// `Sunday`.
    Sunday,
    /// `Monday`.
    Monday,
    /// `Tuesday`.
    Tuesday,
    /// `Wednesday`.
    Wednesday,
    /// `Thursday`.
    Thursday,
    /// `Friday`.
    Friday,
    /// `Saturday`.
    Saturday,
    /// `Day`: any day.
    Day,
    /// `Weekday`: Monday to Friday.
    Weekday,
    /// `WeekendDay`: Saturday or Sunday.
    WeekendDay,
}

const DAYS: [(DayOfWeek, &str); 10] = [
    (DayOfWeek::Sunday, "Sunday"),
    (DayOfWeek::Monday, "Monday"),
    (DayOfWeek::Tuesday, "Tuesday"),
    (DayOfWeek::Wednesday, "Wednesday"),
    (DayOfWeek::Thursday, "Thursday"),
    (DayOfWeek::Friday, "Friday"),
    (DayOfWeek::Saturday, "Saturday"),
    (DayOfWeek::Day, "Day"),
    (DayOfWeek::Weekday, "Weekday"),
    (DayOfWeek::WeekendDay, "WeekendDay"),
];

impl DayOfWeek {
    /// The jiff weekday, for the seven days.
    pub fn to_weekday(self) -> Option<jiff::civil::Weekday> {
        use jiff::civil::Weekday as W;
        Some(match self {
            Self::Sunday => W::Sunday,
            Self::Monday => W::Monday,
            Self::Tuesday => W::Tuesday,
            Self::Wednesday => W::Wednesday,
            Self::Thursday => W::Thursday,
            Self::Friday => W::Friday,
            Self::Saturday => W::Saturday,
            Self::Day | Self::Weekday | Self::WeekendDay => return None,
        })
    }
}

impl From<jiff::civil::Weekday> for DayOfWeek {
    fn from(w: jiff::civil::Weekday) -> Self {
        use jiff::civil::Weekday as W;
        match w {
            W::Sunday => Self::Sunday,
            W::Monday => Self::Monday,
            W::Tuesday => Self::Tuesday,
            W::Wednesday => Self::Wednesday,
            W::Thursday => Self::Thursday,
            W::Friday => Self::Friday,
            W::Saturday => Self::Saturday,
        }
    }
}

impl XmlValue for DayOfWeek {
    fn to_xml_value(&self) -> Cow<'_, str> {
        let name = DAYS
            .iter()
            .find(|(d, _)| d == self)
            .map_or("Day", |(_, n)| n);
        Cow::Borrowed(name)
    }
    fn from_xml_value(s: &str) -> Result<Self, ValueError> {
        let s = s.trim();
        DAYS.iter()
            .find(|(_, n)| *n == s)
            .map(|(d, _)| *d)
            .ok_or(ValueError::expected(
                "a DayOfWeekType (Sunday ... Saturday, Day, Weekday, WeekendDay)",
            ))
    }
}

// ---- XML ----------------------------------------------------------------------------------

fn opt_attr(w: &mut Writer<'_>, name: &str, value: Option<&str>) -> Result<(), WriteError> {
    match value {
        Some(v) => w.attr(name, v),
        None => Ok(()),
    }
}

impl XmlWrite for TimeZoneDefinition {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        opt_attr(w, "Id", self.id.as_deref())?;
        opt_attr(w, "Name", self.name.as_deref())?;
        if !self.periods.is_empty() {
            w.start(Name::t("Periods"))?;
            for p in &self.periods {
                p.write_xml(w, Name::t("Period"))?;
            }
            w.end()?;
        }
        if !self.transitions_groups.is_empty() {
            w.start(Name::t("TransitionsGroups"))?;
            for g in &self.transitions_groups {
                g.write_xml(w, Name::t("TransitionsGroup"))?;
            }
            w.end()?;
        }
        if let Some(t) = &self.transitions {
            t.write_xml(w, Name::t("Transitions"))?;
        }
        w.end()
    }
}

impl XmlRead for TimeZoneDefinition {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let mut def = Self {
            id: start.attr("Id").map(str::to_owned),
            name: start.attr("Name").map(str::to_owned),
            ..Self::default()
        };
        while let Some(child) = r.next_child()? {
            if child.is(Name::t("Periods")) {
                while let Some(p) = r.next_child()? {
                    if p.is(Name::t("Period")) {
                        def.periods.push(Period::read_xml(r, &p)?);
                    } else {
                        r.skip_element()?;
                    }
                }
            } else if child.is(Name::t("TransitionsGroups")) {
                while let Some(g) = r.next_child()? {
                    if g.is(Name::t("TransitionsGroup")) {
                        def.transitions_groups
                            .push(TransitionsGroup::read_xml(r, &g)?);
                    } else {
                        r.skip_element()?;
                    }
                }
            } else if child.is(Name::t("Transitions")) {
                def.transitions = Some(TransitionsGroup::read_xml(r, &child)?);
            } else {
                r.skip_element()?;
            }
        }
        Ok(def)
    }
}

impl XmlWrite for Period {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        if let Some(bias) = &self.bias {
            w.attr("Bias", &bias.to_string())?;
        }
        opt_attr(w, "Name", self.name.as_deref())?;
        opt_attr(w, "Id", self.id.as_deref())?;
        w.end()
    }
}

impl XmlRead for Period {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let bias = start.attr("Bias").map(|b| r.parse_value(b)).transpose()?;
        let p = Self {
            bias,
            name: start.attr("Name").map(str::to_owned),
            id: start.attr("Id").map(str::to_owned),
        };
        r.skip_element()?;
        Ok(p)
    }
}

impl XmlWrite for TransitionsGroup {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        opt_attr(w, "Id", self.id.as_deref())?;
        for t in &self.transitions {
            t.write(w)?;
        }
        w.end()
    }
}

impl XmlRead for TransitionsGroup {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let mut group = Self {
            id: start.attr("Id").map(str::to_owned),
            transitions: Vec::new(),
        };
        while let Some(child) = r.next_child()? {
            match Transition::read(r, &child)? {
                Some(t) => group.transitions.push(t),
                None => r.skip_element()?,
            }
        }
        Ok(group)
    }
}

impl Transition {
    fn write(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
        match self {
            Self::Plain(t) => {
                w.start(Name::t("Transition"))?;
                t.to.write_xml(w, Name::t("To"))?;
            }
            Self::Absolute(t) => {
                w.start(Name::t("AbsoluteDateTransition"))?;
                t.to.write_xml(w, Name::t("To"))?;
                t.date_time.write_xml(w, Name::t("DateTime"))?;
            }
            Self::RecurringDay(t) => {
                w.start(Name::t("RecurringDayTransition"))?;
                t.to.write_xml(w, Name::t("To"))?;
                t.time_offset.write_xml(w, Name::t("TimeOffset"))?;
                t.month.write_xml(w, Name::t("Month"))?;
                t.day_of_week.write_xml(w, Name::t("DayOfWeek"))?;
                t.occurrence.write_xml(w, Name::t("Occurrence"))?;
            }
            Self::RecurringDate(t) => {
                w.start(Name::t("RecurringDateTransition"))?;
                t.to.write_xml(w, Name::t("To"))?;
                t.time_offset.write_xml(w, Name::t("TimeOffset"))?;
                t.month.write_xml(w, Name::t("Month"))?;
                t.day.write_xml(w, Name::t("Day"))?;
            }
        }
        w.end()
    }

    /// Reads a transition element; `None` (nothing consumed) for any other element.
    fn read(r: &mut Reader<'_>, start: &StartTag) -> Result<Option<Self>, ReadError> {
        const KINDS: [&str; 4] = [
            "Transition",
            "AbsoluteDateTransition",
            "RecurringDayTransition",
            "RecurringDateTransition",
        ];
        let Some(kind) = KINDS.iter().position(|k| start.is(Name::t(k))) else {
            return Ok(None);
        };
        let mut to = None;
        let mut date_time = None;
        let mut time_offset = None;
        let mut month = None;
        let mut day_of_week = None;
        let mut occurrence = None;
        let mut day = None;
        while let Some(child) = r.next_child()? {
            match child.local_name() {
                _ if child.ns() != ews_xml::Ns::Types => r.skip_element()?,
                "To" => to = Some(TransitionTarget::read_xml(r, &child)?),
                "DateTime" => date_time = Some(r.read_value(&child)?),
                "TimeOffset" => time_offset = Some(r.read_value(&child)?),
                "Month" => month = Some(r.read_value(&child)?),
                "DayOfWeek" => day_of_week = Some(r.read_value(&child)?),
                "Occurrence" => occurrence = Some(r.read_value(&child)?),
                "Day" => day = Some(r.read_value(&child)?),
                _ => r.skip_element()?,
            }
        }
        let missing = |r: &Reader<'_>, what| r.error(ReadErrorKind::MissingElement(what));
        let to = to.ok_or_else(|| missing(r, "To"))?;
        let t = match kind {
            0 => Self::Plain(PlainTransition { to }),
            1 => Self::Absolute(AbsoluteDateTransition {
                to,
                date_time: date_time.ok_or_else(|| missing(r, "DateTime"))?,
            }),
            2 => Self::RecurringDay(RecurringDayTransition {
                to,
                time_offset: time_offset.ok_or_else(|| missing(r, "TimeOffset"))?,
                month: month.ok_or_else(|| missing(r, "Month"))?,
                day_of_week: day_of_week.ok_or_else(|| missing(r, "DayOfWeek"))?,
                occurrence: occurrence.ok_or_else(|| missing(r, "Occurrence"))?,
            }),
            _ => Self::RecurringDate(RecurringDateTransition {
                to,
                time_offset: time_offset.ok_or_else(|| missing(r, "TimeOffset"))?,
                month: month.ok_or_else(|| missing(r, "Month"))?,
                day: day.ok_or_else(|| missing(r, "Day"))?,
            }),
        };
        Ok(Some(t))
    }
}

impl XmlWrite for TransitionTarget {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        w.attr("Kind", &self.kind.to_xml_value())?;
        w.text(&self.id)?;
        w.end()
    }
}

impl XmlRead for TransitionTarget {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let kind = start
            .attr("Kind")
            .ok_or_else(|| r.error(ReadErrorKind::MissingAttribute("Kind")))
            .and_then(|k| r.parse_value(k))?;
        let id = r.read_text()?.trim().to_owned();
        Ok(Self { kind, id })
    }
}
