//! [`TimeZone`]: a Windows time zone id and the jiff zone that computes it.

use std::fmt;
use std::sync::OnceLock;

use jiff::tz::TimeZone as JiffZone;

use super::windows_zones::{IANA_TO_WINDOWS, WINDOWS_DISPLAY_NAMES, WINDOWS_TO_IANA};
use super::{TimeError, TimeZoneDefinition, rules};

/// A time zone as EWS names it (a Windows id, `W. Europe Standard Time`) and as
/// [`jiff`] computes it (an IANA zone, `Europe/Berlin`).
///
/// The mapping is Unicode CLDR's `windowsZones.xml`: a Windows id stands for its default
/// IANA zone (territory `001`); every IANA zone CLDR lists maps back to its Windows id. A
/// zone made from an IANA name keeps that name for computing (`Europe/Copenhagen` is
/// `Romance Standard Time`, but computes as Copenhagen).
///
/// Two zones are equal when their Windows ids and IANA names are.
///
/// With the `serde` feature a zone serializes as its IANA name and deserializes from an
/// IANA name, a Windows id or anything [`TimeZone::resolve`] accepts.
#[derive(Clone, Debug)]
pub struct TimeZone {
    ms_id: &'static str,
    tz: JiffZone,
}

impl TimeZone {
    /// UTC (Windows id `UTC`).
    pub fn utc() -> Self {
        Self {
            ms_id: "UTC",
            tz: JiffZone::UTC,
        }
    }

    /// The zone with this Windows id: exact (`Pacific Standard Time`), else compared
    /// ignoring ASCII case. It computes as the CLDR default IANA zone, by its primary name
    /// (`India Standard Time` is `Asia/Kolkata`, which CLDR spells `Asia/Calcutta`).
    pub fn from_ms_id(id: &str) -> Result<Self, TimeError> {
        let unknown = || TimeError::UnknownZone(id.chars().take(80).collect());
        let (ms_id, iana) = lookup(WINDOWS_TO_IANA, id)
            .or_else(|| {
                WINDOWS_TO_IANA
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(id.trim()))
                    .copied()
            })
            .ok_or_else(unknown)?;
        if ms_id == "UTC" {
            return Ok(Self::utc());
        }
        let tz = JiffZone::get(iana).map_err(|_| unknown())?;
        let tz = match tz.primary_iana_name() {
            Some(p) if p != iana => JiffZone::get(p).unwrap_or(tz),
            _ => tz,
        };
        Ok(Self { ms_id, tz })
    }

    /// The zone for an IANA name (`Europe/Berlin`; case-insensitive; aliases such as
    /// `Asia/Kolkata` for CLDR's `Asia/Calcutta` are followed through jiff's time zone
    /// database). `UTC`, `Etc/UTC`, `GMT` and their aliases are [`TimeZone::utc`]. A name
    /// jiff does not know, or that CLDR maps to no Windows id, is an error.
    pub fn from_iana(name: &str) -> Result<Self, TimeError> {
        let unknown = || TimeError::UnknownZone(name.chars().take(80).collect());
        let name = name.trim();
        if is_utc_alias(name) {
            return Ok(Self::utc());
        }
        let tz = JiffZone::get(name).map_err(|_| unknown())?;
        let ms_id = [Some(name), tz.iana_name(), tz.primary_iana_name()]
            .into_iter()
            .flatten()
            .find_map(|n| lookup(IANA_TO_WINDOWS, n).map(|(_, w)| w))
            .or_else(|| {
                let primary = tz.primary_iana_name()?;
                let table = primary_names();
                let i = table
                    .binary_search_by(|(k, _)| k.as_str().cmp(primary))
                    .ok()?;
                table.get(i).map(|(_, w)| *w)
            })
            .ok_or_else(unknown)?;
        if ms_id == "UTC" {
            return Ok(Self::utc());
        }
        Ok(Self { ms_id, tz })
    }

    /// Turns what clients really send into a zone, or `None`. The rules, in order:
    ///
    /// 1. a Windows id ([`from_ms_id`](Self::from_ms_id), case-insensitive);
    /// 2. an IANA name ([`from_iana`](Self::from_iana));
    /// 3. a Windows display name, compared ignoring case and runs of whitespace, with `GMT`
    ///    for `UTC` (older Windows: `(GMT+01:00) ...`), `(UTC+00:00)` for `(UTC)` and `&amp;`
    ///    for `&`: `(UTC-08:00) Pacific Time (US & Canada)` is `Pacific Standard Time`;
    /// 4. a display name of another Windows version: the offset in parentheses is parsed,
    ///    and among the zones whose standard offset (from their display name) is that, the
    ///    one sharing the most words with it wins, counting the words of its display name
    ///    and the cities of its IANA zones (`Berlin` of `Europe/Berlin`); with no word in
    ///    common the first such zone in Windows id order (`UTC` for `(UTC)`).
    ///
    /// Anything else (`Customized Time Zone`, empty, garbage) is `None`; see
    /// [`resolve_definition`](Self::resolve_definition) for definitions.
    pub fn resolve(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() || text.len() > 512 {
            return None;
        }
        if let Ok(z) = Self::from_ms_id(text) {
            return Some(z);
        }
        if let Ok(z) = Self::from_iana(text) {
            return Some(z);
        }
        let wanted = normalize_display(text);
        if let Some((id, _)) = WINDOWS_DISPLAY_NAMES
            .iter()
            .find(|(_, d)| normalize_display(d) == wanted)
        {
            return Self::from_ms_id(id).ok();
        }
        let (offset, rest) = display_offset(&wanted)?;
        let words = words(rest);
        let mut best: Option<(usize, &str)> = None;
        for (id, display) in WINDOWS_DISPLAY_NAMES {
            let normalized = normalize_display(display);
            let Some((o, zone_rest)) = display_offset(&normalized) else {
                continue;
            };
            if o != offset {
                continue;
            }
            let mut theirs = self::words(zone_rest);
            for (iana, w) in IANA_TO_WINDOWS {
                if w == id {
                    let city = iana.rsplit('/').next().unwrap_or(iana).replace('_', " ");
                    theirs.extend(self::words(&city.to_lowercase()));
                }
            }
            let score = words.iter().filter(|w| theirs.contains(w)).count();
            let better = match best {
                None => true,
                Some((s, _)) => score > s,
            };
            if better {
                best = Some((score, id));
            }
        }
        match best {
            Some((0, _)) if offset == 0 => Some(Self::utc()),
            Some((_, id)) => Self::from_ms_id(id).ok(),
            None => None,
        }
    }

    /// The zone a `TimeZoneDefinition` means: its `Id` and then its `Name` through
    /// [`resolve`](Self::resolve); otherwise (`Customized Time Zone`, an unknown id) the
    /// Windows zone whose rules match the definition's best in the current year, see
    /// [`resolve_definition_in`](Self::resolve_definition_in).
    pub fn resolve_definition(def: &TimeZoneDefinition) -> Option<Self> {
        let year = jiff::Timestamp::now()
            .to_zoned_datetime(JiffZone::UTC)
            .year();
        Self::resolve_definition_in(def, year)
    }

    /// [`resolve_definition`](Self::resolve_definition) with the reference year given.
    ///
    /// Matching by rules: both the definition and each Windows zone (as jiff computes its
    /// default IANA zone) are sampled daily at noon UTC over `year`. Zones whose standard
    /// offset (the smallest of the year) differs are out. Among the rest the best has, in
    /// this order: the same daylight offset (the largest of the year), transitions in the
    /// same months, the most days with the same offset. Ties go to the first in Windows id
    /// order. A definition that gives no offset (no periods) matches nothing.
    pub fn resolve_definition_in(def: &TimeZoneDefinition, year: i16) -> Option<Self> {
        let by_name = [def.id.as_deref(), def.name.as_deref()]
            .into_iter()
            .flatten()
            .find_map(Self::resolve);
        if by_name.is_some() {
            return by_name;
        }
        let theirs = rules::Signature::of(|ts| def.offset_at(ts), year)?;
        let mut best: Option<((bool, bool, usize), &str)> = None;
        for (id, _) in WINDOWS_TO_IANA {
            let Ok(zone) = Self::from_ms_id(id) else {
                continue;
            };
            let Some(ours) = rules::Signature::of(|ts| Some(zone.tz.to_offset(ts)), year) else {
                continue;
            };
            if let Some(score) = ours.score(&theirs)
                && best.is_none_or(|(b, _)| score > b)
            {
                best = Some((score, id));
            }
        }
        best.and_then(|(_, id)| Self::from_ms_id(id).ok())
    }

    /// The Windows id, `W. Europe Standard Time`.
    pub fn ms_id(&self) -> &'static str {
        self.ms_id
    }

    /// The IANA name jiff computes with (`Europe/Berlin`; `UTC` for UTC).
    pub fn iana(&self) -> &str {
        self.tz
            .iana_name()
            .or_else(|| lookup(WINDOWS_TO_IANA, self.ms_id).map(|(_, i)| i))
            .unwrap_or("UTC")
    }

    /// The Windows display name, `(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm,
    /// Vienna`.
    pub fn display_name(&self) -> Option<&'static str> {
        lookup(WINDOWS_DISPLAY_NAMES, self.ms_id).map(|(_, d)| d)
    }

    /// The jiff zone.
    pub fn jiff_zone(&self) -> JiffZone {
        self.tz.clone()
    }

    /// Every Windows id CLDR knows, sorted.
    pub fn ms_ids() -> impl Iterator<Item = &'static str> {
        WINDOWS_TO_IANA.iter().map(|(id, _)| *id)
    }

    /// A complete `TimeZoneDefinition` (Id and Name set) that gives the same UTC offsets as
    /// this zone throughout `years`, the way Exchange expects one for a calendar item's
    /// `StartTimeZone`: a standard and a daylight period and a group of two
    /// `RecurringDayTransition`s for a zone with daylight saving time, one period and a group
    /// with a single `Transition` without. When the rules change within the range, one group
    /// per set of rules, switched by `AbsoluteDateTransition`s at local new year; years whose
    /// changes no yearly rule describes get `AbsoluteDateTransition`s to periods.
    ///
    /// Errors for an empty range or years outside 1..=9998.
    pub fn to_definition(
        &self,
        years: std::ops::RangeInclusive<i16>,
    ) -> Result<TimeZoneDefinition, TimeError> {
        let mut def = rules::build(&self.tz, years)?;
        def.id = Some(self.ms_id.to_owned());
        def.name = self.display_name().map(str::to_owned);
        Ok(def)
    }
}

impl PartialEq for TimeZone {
    fn eq(&self, other: &Self) -> bool {
        self.ms_id == other.ms_id && self.iana() == other.iana()
    }
}

impl Eq for TimeZone {}

impl fmt::Display for TimeZone {
    /// The Windows id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.ms_id)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for TimeZone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.iana())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for TimeZone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::resolve(&s).ok_or_else(|| serde::de::Error::custom(TimeError::UnknownZone(s.into())))
    }
}

/// Binary search in a generated table.
fn lookup(
    table: &'static [(&'static str, &'static str)],
    key: &str,
) -> Option<(&'static str, &'static str)> {
    let i = table.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    table.get(i).copied()
}

fn is_utc_alias(name: &str) -> bool {
    const UTC: [&str; 12] = [
        "UTC",
        "Etc/UTC",
        "GMT",
        "Etc/GMT",
        "Z",
        "Zulu",
        "Etc/Zulu",
        "Universal",
        "Etc/Universal",
        "UCT",
        "Etc/UCT",
        "Etc/GMT0",
    ];
    UTC.iter().any(|u| u.eq_ignore_ascii_case(name))
}

/// The jiff primary name of every IANA zone in the table, sorted, for aliases CLDR does not
/// list (`Asia/Kolkata` -> `Asia/Calcutta`'s Windows id).
fn primary_names() -> &'static [(String, &'static str)] {
    static TABLE: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v: Vec<(String, &'static str)> = IANA_TO_WINDOWS
            .iter()
            .filter_map(|(iana, w)| {
                let tz = JiffZone::get(iana).ok()?;
                Some((tz.primary_iana_name()?.to_owned(), *w))
            })
            .collect();
        // Keep the first Windows id for a primary name (stable sort, then dedup).
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v.dedup_by(|a, b| a.0 == b.0);
        v
    })
}

/// Lowercase, single spaces, `&amp;` decoded, `GMT` offsets as `UTC`, `(UTC+00:00)` as `(UTC)`.
fn normalize_display(s: &str) -> String {
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let s = s.replace("&amp;", "&");
    let s = match s.strip_prefix("(gmt") {
        Some(rest) => format!("(utc{rest}"),
        None => s,
    };
    for zero in ["(utc+00:00)", "(utc-00:00)", "(utc±00:00)"] {
        if let Some(rest) = s.strip_prefix(zero) {
            return format!("(utc){rest}");
        }
    }
    s
}

/// `(utc+05:30) rest` -> (19800, "rest") of a normalized display name.
fn display_offset(s: &str) -> Option<(i32, &str)> {
    let rest = s.strip_prefix("(utc")?;
    let close = rest.find(')')?;
    let (inside, after) = (rest.get(..close)?, rest.get(close + 1..)?);
    if inside.is_empty() {
        return Some((0, after.trim()));
    }
    let (sign, hm) = if let Some(hm) = inside.strip_prefix('+') {
        (1, hm)
    } else {
        (-1, inside.strip_prefix('-')?)
    };
    let (h, m) = hm.split_once(':').unwrap_or((hm, "0"));
    let (h, m): (i32, i32) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    Some((sign * (h * 3600 + m * 60), after.trim()))
}

/// The distinctive words of a lowercase name (three letters or more, common words out).
fn words(s: &str) -> Vec<String> {
    const COMMON: [&str; 9] = [
        "time",
        "standard",
        "and",
        "the",
        "city",
        "island",
        "islands",
        "coordinated",
        "universal",
    ];
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !COMMON.contains(w))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        for table in [WINDOWS_TO_IANA, IANA_TO_WINDOWS, WINDOWS_DISPLAY_NAMES] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        }
    }

    #[test]
    fn every_iana_zone_of_the_table_exists_and_maps_to_its_windows_id() {
        for (iana, windows) in IANA_TO_WINDOWS {
            assert!(JiffZone::get(iana).is_ok(), "{iana} is not in jiff's tzdb");
            assert_eq!(
                TimeZone::from_iana(iana).unwrap().ms_id(),
                *windows,
                "{iana}"
            );
        }
        assert_eq!(IANA_TO_WINDOWS.len(), 445);
    }

    #[test]
    fn display_offsets() {
        assert_eq!(
            display_offset("(utc+05:30) chennai"),
            Some((19800, "chennai"))
        );
        assert_eq!(
            display_offset("(utc) coordinated"),
            Some((0, "coordinated"))
        );
        assert_eq!(display_offset("(utc-03:30) x"), Some((-12600, "x")));
        assert_eq!(display_offset("(utc+99:00) x"), None);
        assert_eq!(
            normalize_display("(GMT+01:00)  Amsterdam"),
            "(utc+01:00) amsterdam"
        );
    }
}
