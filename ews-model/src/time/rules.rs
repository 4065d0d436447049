//! Evaluating a [`TimeZoneDefinition`] (the UTC offset at an instant) and building one from a
//! jiff zone.

use jiff::civil::{self, Weekday};
use jiff::tz::{Offset, TimeZone as JiffZone};
use jiff::{SignedDuration, Timestamp};

use super::definition::{
    AbsoluteDateTransition, Period, PlainTransition, RecurringDayTransition, TimeZoneDefinition,
    Transition, TransitionTarget, TransitionTargetKind, TransitionsGroup,
};
use super::{DateTime, DayOfWeek, Duration, TimeError};

impl TimeZoneDefinition {
    /// The UTC offset this definition gives at `ts`, or `None` when it cannot tell (no
    /// periods, a transition to an id that does not exist, a bias beyond ±26 hours).
    ///
    /// The rules, as Windows and Exchange apply them:
    /// - `Transitions` says what applies when: the plain `Transition` from the beginning of
    ///   time, each `AbsoluteDateTransition` from its instant on (the latest one that started
    ///   wins). Without `Transitions`, the first group applies, or without groups the first
    ///   period.
    /// - A period's offset is its negated `Bias` (no bias: UTC).
    /// - In a group, each recurring transition happens every year: `RecurringDayTransition`
    ///   on the `Occurrence`-th `DayOfWeek` of `Month` (`-1` and `5` mean the last),
    ///   `RecurringDateTransition` on `Day` of `Month` (clamped to the month's length), at
    ///   `TimeOffset` past local midnight in the offset of the period in effect before it. The
    ///   last transition before `ts` decides. An `AbsoluteDateTransition` inside a group takes
    ///   effect at its instant; a plain `Transition` alone makes the group a fixed period.
    pub fn offset_at(&self, ts: Timestamp) -> Option<Offset> {
        let target = self.target_at(ts)?;
        match target.kind {
            TransitionTargetKind::Period => self.period_offset(&target.id),
            TransitionTargetKind::Group => self.group_offset(self.group(&target.id)?, ts),
            TransitionTargetKind::Other(_) => None,
        }
    }

    /// The instant a local (wall clock) time in this zone stands for. A local time that
    /// occurs twice (the hour repeated when daylight saving time ends) is the earlier
    /// instant; one that does not occur (skipped when it starts) is read with the offset
    /// before the gap, which lands after it (jiff's "compatible" choice). `None` when the
    /// definition gives no offset.
    pub fn to_timestamp(&self, local: civil::DateTime) -> Option<Timestamp> {
        let mut offsets: Vec<Offset> = self
            .periods
            .iter()
            .filter_map(|p| p.id.as_deref().and_then(|id| self.period_offset(id)))
            .collect();
        offsets.sort();
        offsets.dedup();
        // The earliest consistent instant: the largest offset first.
        for o in offsets.iter().rev() {
            if let Ok(ts) = o.to_timestamp(local)
                && self.offset_at(ts) == Some(*o)
            {
                return Some(ts);
            }
        }
        // A gap: the offset in effect a day before.
        let guess = Offset::UTC.to_timestamp(local).ok()?;
        let before = self.offset_at(guess.checked_sub(SignedDuration::from_hours(24)).ok()?)?;
        before.to_timestamp(local).ok()
    }

    fn target_at(&self, ts: Timestamp) -> Option<TransitionTarget> {
        let Some(list) = &self.transitions else {
            return match self.transitions_groups.first() {
                Some(g) => Some(TransitionTarget::group(g.id.clone().unwrap_or_default())),
                None => self
                    .periods
                    .first()?
                    .id
                    .clone()
                    .map(TransitionTarget::period),
            };
        };
        let mut best: Option<(Timestamp, &TransitionTarget)> = None;
        for t in &list.transitions {
            let start = match t {
                Transition::Plain(p) => (Timestamp::MIN, &p.to),
                Transition::Absolute(a) if a.date_time.0 <= ts => (a.date_time.0, &a.to),
                _ => continue,
            };
            if best.is_none_or(|(b, _)| start.0 >= b) {
                best = Some(start);
            }
        }
        best.map(|(_, t)| t.clone())
    }

    fn period_offset(&self, id: &str) -> Option<Offset> {
        let bias = self.period(id)?.bias.unwrap_or_default().0;
        let secs = i32::try_from(bias.as_secs()).ok()?.checked_neg()?;
        Offset::from_seconds(secs).ok()
    }

    fn group_offset(&self, group: &TransitionsGroup, ts: Timestamp) -> Option<Offset> {
        let year = Offset::UTC.to_datetime(ts).year();
        // (local time, target offset) of the recurring transitions around `ts`.
        let mut local: Vec<(civil::DateTime, Offset)> = Vec::new();
        let mut events: Vec<(Timestamp, Offset)> = Vec::new();
        let mut plain = None;
        for t in &group.transitions {
            let Some(to) = self.target_offset(t.to()) else {
                continue;
            };
            match t {
                Transition::Plain(_) => plain = plain.or(Some(to)),
                Transition::Absolute(a) => events.push((a.date_time.0, to)),
                Transition::RecurringDay(r) => {
                    for y in year.saturating_sub(1)..=year.saturating_add(1) {
                        let date = nth_weekday(y, r.month, r.day_of_week, r.occurrence);
                        if let Some(dt) = date.and_then(|d| at_offset(d, r.time_offset)) {
                            local.push((dt, to));
                        }
                    }
                }
                Transition::RecurringDate(r) => {
                    for y in year.saturating_sub(1)..=year.saturating_add(1) {
                        let date = day_of_month(y, r.month, r.day);
                        if let Some(dt) = date.and_then(|d| at_offset(d, r.time_offset)) {
                            local.push((dt, to));
                        }
                    }
                }
            }
        }
        local.sort_by_key(|(dt, _)| *dt);
        // Each recurring transition happens in the offset of the one before it (cyclically:
        // the rules repeat every year).
        for i in 0..local.len() {
            let before = if i == 0 {
                local.last()
            } else {
                local.get(i - 1)
            };
            let (Some(&(dt, to)), Some(&(_, prev))) = (local.get(i), before) else {
                continue;
            };
            if let Ok(at) = prev.to_timestamp(dt) {
                events.push((at, to));
            }
        }
        events.sort_by_key(|(at, _)| *at);
        events
            .iter()
            .rev()
            .find(|(at, _)| *at <= ts)
            .map(|(_, o)| *o)
            .or(plain)
            .or_else(|| local.last().map(|(_, o)| *o))
    }

    /// The offset of a transition's target period (a group inside a group is not followed).
    fn target_offset(&self, to: &TransitionTarget) -> Option<Offset> {
        match to.kind {
            TransitionTargetKind::Period => self.period_offset(&to.id),
            _ => None,
        }
    }
}

fn nth_weekday(year: i16, month: i32, day: DayOfWeek, occurrence: i32) -> Option<civil::Date> {
    let first = civil::Date::new(year, i8::try_from(month).ok()?, 1).ok()?;
    let nth = match occurrence {
        5 => -1,
        1..=4 | -5..=-1 => i8::try_from(occurrence).ok()?,
        _ => return None,
    };
    match day.to_weekday() {
        Some(w) => first.nth_weekday_of_month(nth, w).ok(),
        // `Day`: the n-th day of the month.
        None if day == DayOfWeek::Day => {
            let n = if nth < 0 {
                first.days_in_month() + 1 + nth
            } else {
                nth
            };
            first.with().day(n).build().ok()
        }
        None => None,
    }
}

fn day_of_month(year: i16, month: i32, day: i32) -> Option<civil::Date> {
    let first = civil::Date::new(year, i8::try_from(month).ok()?, 1).ok()?;
    let day = i8::try_from(day.clamp(1, i32::from(first.days_in_month()))).ok()?;
    first.with().day(day).build().ok()
}

fn at_offset(date: civil::Date, offset: Duration) -> Option<civil::DateTime> {
    date.to_datetime(civil::Time::midnight())
        .checked_add(offset.0)
        .ok()
}

// ---- matching ----------------------------------------------------------------------------

/// A zone's offsets over a year, sampled daily at noon UTC, for matching definitions to
/// zones.
pub(super) struct Signature {
    daily: Vec<Offset>,
    std: Offset,
    dst: Offset,
    months: Vec<i8>,
}

impl Signature {
    pub(super) fn of(offset_at: impl Fn(Timestamp) -> Option<Offset>, year: i16) -> Option<Self> {
        let first = civil::Date::new(year, 1, 1).ok()?;
        let mut daily = Vec::with_capacity(366);
        let mut months = Vec::new();
        for i in 0..first.days_in_year() {
            let day = first
                .checked_add(SignedDuration::from_hours(24 * i64::from(i)))
                .ok()?;
            let ts = Offset::UTC.to_timestamp(day.at(12, 0, 0, 0)).ok()?;
            let o = offset_at(ts)?;
            if daily.last().is_some_and(|last| *last != o) {
                months.push(day.month());
            }
            daily.push(o);
        }
        let std = *daily.iter().min()?;
        let dst = *daily.iter().max()?;
        Some(Self {
            daily,
            std,
            dst,
            months,
        })
    }

    /// `None` when the standard offsets differ; otherwise (same daylight offset, same
    /// transition months, days with the same offset): larger is better.
    pub(super) fn score(&self, other: &Self) -> Option<(bool, bool, usize)> {
        if self.std != other.std {
            return None;
        }
        let same_days = self
            .daily
            .iter()
            .zip(&other.daily)
            .filter(|(a, b)| a == b)
            .count();
        Some((
            self.dst == other.dst,
            self.months == other.months,
            same_days,
        ))
    }
}

// ---- building ------------------------------------------------------------------------------

/// A yearly rule: in `month`, on the `occurrence`-th (`-1`: last) `weekday`, at `secs` past
/// local midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rule {
    month: i8,
    weekday: Weekday,
    occurrence: i8,
    secs: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Year {
    Fixed(Offset),
    Dst {
        std: Offset,
        dst: Offset,
        to_dst: Rule,
        to_std: Rule,
    },
    /// The offset at the start of the year and the changes within it.
    Irregular(Offset, Vec<(Timestamp, Offset)>),
}

fn year_start(year: i16) -> Result<Timestamp, TimeError> {
    civil::Date::new(year, 1, 1)
        .and_then(|d| Offset::UTC.to_timestamp(d.at(0, 0, 0, 0)))
        .map_err(|_| TimeError::Definition("year out of range"))
}

fn classify(tz: &JiffZone, year: i16) -> Result<Year, TimeError> {
    let (start, end) = (year_start(year)?, year_start(year + 1)?);
    let initial = tz.to_offset(start);
    let mut changes = Vec::new();
    let mut current = initial;
    for t in tz.following(
        start
            .checked_sub(SignedDuration::from_nanos(1))
            .unwrap_or(start),
    ) {
        if t.timestamp() >= end {
            break;
        }
        if t.offset() != current {
            changes.push((t.timestamp(), current, t.offset()));
            current = t.offset();
        }
    }
    let irregular = || {
        let list = changes.iter().map(|&(at, _, to)| (at, to)).collect();
        Ok(Year::Irregular(initial, list))
    };
    match changes.as_slice() {
        [] => Ok(Year::Fixed(initial)),
        &[(t1, a, b), (t2, b2, c)] if a == c && b == b2 => {
            let (Some(r1), Some(r2)) = (rule_of(t1, a, year), rule_of(t2, b, year)) else {
                return irregular();
            };
            let (std, dst, to_dst, to_std) = if b > a {
                (a, b, r1, r2)
            } else {
                (b, a, r2, r1)
            };
            Ok(Year::Dst {
                std,
                dst,
                to_dst,
                to_std,
            })
        }
        _ => irregular(),
    }
}

/// The yearly rule of a change at `at` from offset `before`, if it reproduces `at` exactly.
fn rule_of(at: Timestamp, before: Offset, year: i16) -> Option<Rule> {
    let local = before.to_datetime(at);
    if local.year() != year || local.subsec_nanosecond() != 0 {
        return None;
    }
    let occurrence = if local.day() > local.days_in_month() - 7 {
        -1
    } else {
        (local.day() - 1) / 7 + 1
    };
    let t = local.time();
    let rule = Rule {
        month: local.month(),
        weekday: local.weekday(),
        occurrence,
        secs: i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second()),
    };
    let date = nth_weekday(
        year,
        rule.month.into(),
        rule.weekday.into(),
        occurrence.into(),
    )?;
    let again = at_offset(date, Duration(SignedDuration::from_secs(rule.secs)))?;
    (before.to_timestamp(again).ok()? == at).then_some(rule)
}

/// Periods by (offset, daylight?), with Exchange-like ids: `Std`, `Std/<year>`, `Dlt/<year>`.
#[derive(Default)]
struct Periods(Vec<(Offset, bool, String)>);

impl Periods {
    fn id(&mut self, offset: Offset, dst: bool, year: i16) -> String {
        if let Some((_, _, id)) = self.0.iter().find(|(o, d, _)| *o == offset && *d == dst) {
            return id.clone();
        }
        let base = match (dst, self.0.iter().any(|(_, d, _)| !d)) {
            (true, _) => format!("Dlt/{year}"),
            (false, false) => "Std".to_owned(),
            (false, true) => format!("Std/{year}"),
        };
        let mut id = base.clone();
        let mut n = 1;
        while self.0.iter().any(|(_, _, i)| *i == id) {
            n += 1;
            id = format!("{base}/{n}");
        }
        self.0.push((offset, dst, id.clone()));
        id
    }

    fn into_periods(self) -> Vec<Period> {
        self.0
            .into_iter()
            .map(|(offset, dst, id)| Period {
                bias: Some(Duration(SignedDuration::from_secs(-i64::from(
                    offset.seconds(),
                )))),
                name: Some(if dst { "Daylight" } else { "Standard" }.to_owned()),
                id: Some(id),
            })
            .collect()
    }
}

fn recurring(rule: Rule, to: String) -> Transition {
    Transition::RecurringDay(RecurringDayTransition {
        to: TransitionTarget::period(to),
        time_offset: Duration(SignedDuration::from_secs(rule.secs)),
        month: rule.month.into(),
        day_of_week: rule.weekday.into(),
        occurrence: rule.occurrence.into(),
    })
}

/// A definition (without Id and Name) giving `tz`'s offsets throughout `years`.
pub(super) fn build(
    tz: &JiffZone,
    years: std::ops::RangeInclusive<i16>,
) -> Result<TimeZoneDefinition, TimeError> {
    let (first, last) = (*years.start(), *years.end());
    if first > last {
        return Err(TimeError::Definition("empty year range"));
    }
    if first < 1 || last > 9998 {
        return Err(TimeError::Definition("years must be within 1..=9998"));
    }
    let mut periods = Periods::default();
    let mut groups: Vec<TransitionsGroup> = Vec::new();
    let mut top: Vec<Transition> = Vec::new();
    let mut current: Option<Year> = None;
    for year in first..=last {
        let rule = classify(tz, year)?;
        let start = year_start(year)?;
        let push = |top: &mut Vec<Transition>, to: TransitionTarget, at: Timestamp| {
            top.push(if top.is_empty() {
                Transition::Plain(PlainTransition { to })
            } else {
                Transition::Absolute(AbsoluteDateTransition {
                    to,
                    date_time: DateTime(at),
                })
            });
        };
        match &rule {
            Year::Irregular(initial, changes) => {
                let is_dst = tz.to_offset_info(start).dst().is_dst();
                let id = periods.id(*initial, is_dst, year);
                push(&mut top, TransitionTarget::period(id), start);
                for &(at, to) in changes {
                    let is_dst = tz.to_offset_info(at).dst().is_dst();
                    let id = periods.id(to, is_dst, year);
                    push(&mut top, TransitionTarget::period(id), at);
                }
                current = None;
            }
            _ if current.as_ref() == Some(&rule) => {}
            Year::Fixed(offset) => {
                let id = periods.id(*offset, false, year);
                let group = groups.len().to_string();
                groups.push(TransitionsGroup {
                    id: Some(group.clone()),
                    transitions: vec![Transition::Plain(PlainTransition {
                        to: TransitionTarget::period(id),
                    })],
                });
                let at = start.checked_sub(SignedDuration::from_secs(offset.seconds().into()));
                push(
                    &mut top,
                    TransitionTarget::group(group),
                    at.unwrap_or(start),
                );
                current = Some(rule);
            }
            Year::Dst {
                std,
                dst,
                to_dst,
                to_std,
            } => {
                let (std_id, dst_id) =
                    (periods.id(*std, false, year), periods.id(*dst, true, year));
                let mut transitions = vec![recurring(*to_dst, dst_id), recurring(*to_std, std_id)];
                if to_std.month < to_dst.month {
                    transitions.reverse();
                }
                let group = groups.len().to_string();
                groups.push(TransitionsGroup {
                    id: Some(group.clone()),
                    transitions,
                });
                let at_offset = tz.to_offset(start);
                let at = start.checked_sub(SignedDuration::from_secs(at_offset.seconds().into()));
                push(
                    &mut top,
                    TransitionTarget::group(group),
                    at.unwrap_or(start),
                );
                current = Some(rule);
            }
        }
    }
    Ok(TimeZoneDefinition {
        id: None,
        name: None,
        periods: periods.into_periods(),
        transitions_groups: groups,
        transitions: Some(TransitionsGroup {
            id: None,
            transitions: top,
        }),
    })
}
