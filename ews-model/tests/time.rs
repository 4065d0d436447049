//! Date-times, durations, time zones and time zone definitions: parsing, round trips, the
//! Windows <-> IANA table, display-name fallbacks, schema validity of generated definitions,
//! and the ms-docs samples.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ews_model::time::{
    Date, DateTime, Duration, Time, TimeZone, TimeZoneDefinition, Transition, TransitionTargetKind,
};
use ews_xml::{Event, Name, Reader, Writer, XmlRead, XmlValue, XmlWrite};
use jiff::{SignedDuration, Timestamp, civil};
use proptest::prelude::*;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// Writes `value` as `<t:Value>` and reads it back.
fn xml_round_trip<T: XmlWrite + XmlRead>(value: &T) -> T {
    let mut buf = Vec::new();
    let mut w = Writer::new(&mut buf);
    value.write_xml(&mut w, Name::t("Value")).unwrap();
    w.finish().unwrap();
    let mut r = Reader::from_bytes(&buf);
    let start = r.root().unwrap();
    T::read_xml(&mut r, &start).unwrap()
}

#[test]
fn every_date_time_form_reads() {
    let utc = ts("2014-03-08T21:21:32.868Z");
    for text in [
        "2014-03-08T21:21:32.868Z",
        "2014-03-08T13:21:32.868-08:00",
        "2014-03-08T22:21:32.868+01:00",
        "2014-03-08T21:21:32.868",
        "2014-03-08T21:21:32.8680000Z",
        " 2014-03-08T21:21:32.868Z\n",
    ] {
        let t: DateTime = text.parse().unwrap();
        assert_eq!(t.0, utc, "{text}");
        assert_eq!(DateTime::from_xml_value(text).unwrap().0, utc);
        assert_eq!(t.to_string(), "2014-03-08T21:21:32.868Z");
    }
    let seven: DateTime = "2026-01-02T03:04:05.1234567Z".parse().unwrap();
    assert_eq!(seven.to_xml_value(), "2026-01-02T03:04:05.1234567Z");
    let whole: DateTime = "2026-01-02T03:04:05.000Z".parse().unwrap();
    assert_eq!(whole.to_xml_value(), "2026-01-02T03:04:05Z");

    // A request's TimeZoneContext decides what a time without zone means.
    let la = TimeZone::from_ms_id("Pacific Standard Time").unwrap();
    let local = DateTime::parse_in("2014-02-13T00:00:00", &la.jiff_zone()).unwrap();
    assert_eq!(local.to_string(), "2014-02-13T08:00:00Z");
    let zoned = DateTime::parse_in("2014-02-13T00:00:00Z", &la.jiff_zone()).unwrap();
    assert_eq!(zoned.to_string(), "2014-02-13T00:00:00Z");

    assert_eq!(xml_round_trip(&seven), seven);
}

#[test]
fn dates_times_and_durations_read() {
    for text in [
        "2026-11-25",
        "2026-11-25Z",
        "2026-11-25-08:00",
        "2026-11-25+14:00",
    ] {
        let d: Date = text.parse().unwrap();
        assert_eq!(d.0, civil::date(2026, 11, 25));
        assert_eq!(d.to_xml_value(), "2026-11-25");
    }
    let t: Time = "02:00:00".parse().unwrap();
    assert_eq!(t.0, civil::time(2, 0, 0, 0));
    assert_eq!(xml_round_trip(&t), t);
    for (text, mins) in [
        ("-PT8H", -480),
        ("PT0M", 0),
        ("PT1H30M", 90),
        ("P1D", 1440),
        ("P0DT8H0M0.0S", 480),
        ("-P0DT1H0M0.0S", -60),
    ] {
        let d: Duration = text.parse().unwrap();
        assert_eq!(d, Duration::from_mins(mins), "{text}");
        assert_eq!(SignedDuration::from(d), SignedDuration::from_mins(mins));
        assert_eq!(xml_round_trip(&d), d);
    }
    assert_eq!(Duration::from_mins(-480).to_string(), "-PT8H");
    assert_eq!(Duration::ZERO.to_string(), "PT0M");
    assert!("P1M".parse::<Duration>().is_err());
}

#[cfg(feature = "serde")]
#[test]
fn serde_uses_the_text_forms() {
    let t: DateTime = "2026-01-02T03:04:05Z".parse().unwrap();
    assert_eq!(
        serde_json::to_string(&t).unwrap(),
        "\"2026-01-02T03:04:05Z\""
    );
    let back: DateTime = serde_json::from_str("\"2026-01-02T04:04:05+01:00\"").unwrap();
    assert_eq!(back, t);
    let d: Duration = serde_json::from_str("\"-PT1H\"").unwrap();
    assert_eq!(serde_json::to_string(&d).unwrap(), "\"-PT1H\"");
    assert!(serde_json::from_str::<Date>("\"nope\"").is_err());
    let zone = TimeZone::from_iana("Europe/Copenhagen").unwrap();
    let json = serde_json::to_string(&zone).unwrap();
    assert_eq!(json, "\"Europe/Copenhagen\"");
    assert_eq!(serde_json::from_str::<TimeZone>(&json).unwrap(), zone);
    let def = TimeZone::from_ms_id("W. Europe Standard Time")
        .unwrap()
        .to_definition(2026..=2026)
        .unwrap();
    let json = serde_json::to_string(&def).unwrap();
    assert_eq!(
        serde_json::from_str::<TimeZoneDefinition>(&json).unwrap(),
        def
    );
}

proptest! {
    #[test]
    fn date_times_round_trip(secs in -62_135_596_800i64..253_402_300_799, nanos in 0i32..1_000_000_000) {
        let t = DateTime(Timestamp::new(secs, nanos).unwrap());
        let text = t.to_string();
        prop_assert_eq!(text.parse::<DateTime>().unwrap(), t);
        prop_assert!(text.ends_with('Z'));
    }

    #[test]
    fn any_timestamp_round_trips(secs in Timestamp::MIN.as_second()..=Timestamp::MAX.as_second()) {
        let t = DateTime(Timestamp::from_second(secs).unwrap());
        prop_assert_eq!(t.to_string().parse::<DateTime>().unwrap(), t);
    }

    #[test]
    fn dates_round_trip(secs in -62_135_596_800i64..253_402_300_799) {
        let ts = Timestamp::from_second(secs).unwrap();
        let d = Date(jiff::tz::Offset::UTC.to_datetime(ts).date());
        prop_assert_eq!(d.to_string().parse::<Date>().unwrap(), d);
        prop_assert_eq!(format!("{d}Z").parse::<Date>().unwrap(), d);
        prop_assert_eq!(format!("{d}-08:00").parse::<Date>().unwrap(), d);
    }

    #[test]
    fn durations_round_trip(secs in -10_000_000_000i64..10_000_000_000, nanos in 0i32..1_000_000_000) {
        let d = Duration(SignedDuration::new(secs, if secs < 0 { -nanos } else { nanos }));
        prop_assert_eq!(d.to_string().parse::<Duration>().unwrap(), d);
    }

    #[test]
    fn times_round_trip(secs in 0i64..86_400, nanos in 0i32..1_000_000_000) {
        let t = Time(civil::Time::midnight().checked_add(SignedDuration::new(secs, nanos)).unwrap());
        prop_assert_eq!(t.to_string().parse::<Time>().unwrap(), t);
    }

    #[test]
    fn garbage_never_panics(s in "\\PC{0,40}") {
        let _ = s.parse::<DateTime>();
        let _ = s.parse::<Date>();
        let _ = s.parse::<Time>();
        let _ = s.parse::<Duration>();
        let _ = TimeZone::resolve(&s);
        let _ = TimeZone::from_ms_id(&s);
        let _ = TimeZone::from_iana(&s);
    }

    #[test]
    fn near_misses_never_panic(s in "[-+PTYMDHS0-9.:Z(UTC) ]{0,30}") {
        let _ = s.parse::<DateTime>();
        let _ = s.parse::<Duration>();
        let _ = TimeZone::resolve(&s);
    }
}

#[test]
fn every_windows_id_resolves_and_maps_back() {
    let mut count = 0;
    for id in TimeZone::ms_ids() {
        let zone = TimeZone::from_ms_id(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(zone.ms_id(), id);
        assert!(zone.display_name().is_some(), "{id} has no display name");
        // The IANA name is one jiff's bundled database has.
        let iana = zone.iana().to_owned();
        assert!(jiff::tz::TimeZone::get(&iana).is_ok(), "{id}: {iana}");
        // And it maps back to the same Windows id: CLDR never names one default zone twice.
        let back = TimeZone::from_iana(&iana).unwrap_or_else(|e| panic!("{id} -> {iana}: {e}"));
        assert_eq!(back.ms_id(), id, "{iana}");
        assert_eq!(back, zone);
        // Case-insensitive ids.
        assert_eq!(TimeZone::from_ms_id(&id.to_uppercase()).unwrap(), zone);
        count += 1;
    }
    assert_eq!(count, 139);
    assert!(TimeZone::from_ms_id("Mars Standard Time").is_err());
    assert!(TimeZone::from_iana("Mars/Olympus_Mons").is_err());
}

#[test]
fn iana_names_and_aliases() {
    for (iana, ms) in [
        ("Europe/Berlin", "W. Europe Standard Time"),
        ("Europe/Copenhagen", "Romance Standard Time"),
        ("America/Los_Angeles", "Pacific Standard Time"),
        ("america/new_york", "Eastern Standard Time"),
        ("Asia/Kolkata", "India Standard Time"),
        ("Asia/Calcutta", "India Standard Time"),
        ("Europe/Kyiv", "FLE Standard Time"),
        ("Australia/Sydney", "AUS Eastern Standard Time"),
        ("UTC", "UTC"),
        ("Etc/UTC", "UTC"),
        ("Etc/GMT", "UTC"),
        ("Etc/GMT+8", "UTC-08"),
    ] {
        assert_eq!(TimeZone::from_iana(iana).unwrap().ms_id(), ms, "{iana}");
    }
    assert_eq!(
        TimeZone::from_iana("Europe/Copenhagen").unwrap().iana(),
        "Europe/Copenhagen"
    );
    assert_eq!(
        TimeZone::from_ms_id("India Standard Time").unwrap().iana(),
        "Asia/Kolkata"
    );
    assert_eq!(TimeZone::utc().ms_id(), "UTC");
    assert_eq!(TimeZone::from_ms_id("UTC").unwrap(), TimeZone::utc());
}

#[test]
fn display_names_resolve() {
    for (name, ms) in [
        ("(UTC) Coordinated Universal Time", "UTC"),
        ("(UTC+00:00) Coordinated Universal Time", "UTC"),
        (
            "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi",
            "India Standard Time",
        ),
        (
            "(UTC+10:00) Canberra, Melbourne, Sydney",
            "AUS Eastern Standard Time",
        ),
        (
            "(UTC-05:00) Eastern Time (US & Canada)",
            "Eastern Standard Time",
        ),
        (
            "(UTC-08:00) Pacific Time (US &amp; Canada)",
            "Pacific Standard Time",
        ),
        (
            "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
            "W. Europe Standard Time",
        ),
        (
            "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris",
            "Romance Standard Time",
        ),
        (
            "(UTC+00:00) Dublin, Edinburgh, Lisbon, London",
            "GMT Standard Time",
        ),
        ("(UTC+09:00) Osaka, Sapporo, Tokyo", "Tokyo Standard Time"),
        (
            "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi",
            "China Standard Time",
        ),
        ("(UTC-03:00) Brasilia", "E. South America Standard Time"),
        (
            "(UTC+12:00) Auckland, Wellington",
            "New Zealand Standard Time",
        ),
        (
            "(UTC-06:00) Central Time (US & Canada)",
            "Central Standard Time",
        ),
        // Older Windows: GMT prefixes, other city lists.
        (
            "(GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
            "W. Europe Standard Time",
        ),
        (
            "(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London",
            "GMT Standard Time",
        ),
        (
            "(GMT+02:00) Helsinki, Kiev, Riga, Sofia, Tallinn, Vilnius",
            "FLE Standard Time",
        ),
        ("(UTC+01:00) Berlin", "W. Europe Standard Time"),
        (
            "(UTC+03:00) Moscow, St. Petersburg, Volgograd",
            "Russian Standard Time",
        ),
        ("(UTC+05:30) Kolkata", "India Standard Time"),
        ("(UTC) Somewhere", "UTC"),
        // Ids and IANA names go through too.
        ("pacific standard time", "Pacific Standard Time"),
        ("Europe/Berlin", "W. Europe Standard Time"),
    ] {
        let zone = TimeZone::resolve(name).unwrap_or_else(|| panic!("{name} did not resolve"));
        assert_eq!(zone.ms_id(), ms, "{name}");
    }
    // No city in common: the first zone with that standard offset.
    assert!(TimeZone::resolve("(UTC+04:00) Nowhere").is_some());
    for none in ["", "Customized Time Zone", "(UTC+99:00) x", "(UTC", "Tokyo"] {
        assert!(TimeZone::resolve(none).is_none(), "{none}");
    }
}

/// Writes `def` inside `<t:TimeZoneContext>`.
fn context_doc(def: &TimeZoneDefinition) -> Vec<u8> {
    let mut buf = Vec::new();
    let mut w = Writer::new(&mut buf);
    w.start(Name::t("TimeZoneContext")).unwrap();
    def.write_xml(&mut w, Name::t("TimeZoneDefinition"))
        .unwrap();
    w.end().unwrap();
    w.finish().unwrap();
    buf
}

/// Every `t:TimeZoneDefinition` in a document (also inside `TimeZoneContext` of a header).
fn read_definitions(doc: &[u8]) -> Vec<TimeZoneDefinition> {
    let mut r = Reader::from_bytes(doc);
    let mut defs = Vec::new();
    loop {
        match r.next_event().unwrap() {
            Event::Start(tag) if tag.is(Name::t("TimeZoneDefinition")) => {
                defs.push(TimeZoneDefinition::read_xml(&mut r, &tag).unwrap());
            }
            Event::Eof => return defs,
            _ => {}
        }
    }
}

/// Instants across 2026: mid-month plus an hour either side of every jiff transition.
fn instants(zone: &jiff::tz::TimeZone, year: i16) -> Vec<Timestamp> {
    let start = civil::date(year, 1, 1)
        .at(0, 0, 0, 0)
        .in_tz("UTC")
        .unwrap()
        .timestamp();
    let end = civil::date(year + 1, 1, 1)
        .at(0, 0, 0, 0)
        .in_tz("UTC")
        .unwrap()
        .timestamp();
    let mut out: Vec<Timestamp> = (1..=12)
        .map(|m| {
            civil::date(year, m, 15)
                .at(12, 0, 0, 0)
                .in_tz("UTC")
                .unwrap()
                .timestamp()
        })
        .collect();
    for t in zone.following(start) {
        if t.timestamp() >= end {
            break;
        }
        for delta in [-3600, -1, 0, 3600] {
            out.push(
                t.timestamp()
                    .checked_add(SignedDuration::from_secs(delta))
                    .unwrap(),
            );
        }
    }
    out
}

#[test]
fn generated_definitions_validate_read_back_and_agree_with_jiff() {
    let mut docs = Vec::new();
    for (id, has_dst) in [
        ("W. Europe Standard Time", true),
        ("Pacific Standard Time", true),
        ("AUS Eastern Standard Time", true),
        ("India Standard Time", false),
    ] {
        let zone = TimeZone::from_ms_id(id).unwrap();
        let def = zone.to_definition(2026..=2026).unwrap();
        assert_eq!(def.id.as_deref(), Some(id));
        assert_eq!(def.periods.len(), if has_dst { 2 } else { 1 }, "{id}");
        let group = &def.transitions_groups[0];
        let recurring = group
            .transitions
            .iter()
            .filter(|t| matches!(t, Transition::RecurringDay(_)))
            .count();
        assert_eq!(recurring, if has_dst { 2 } else { 0 }, "{id}");
        let doc = context_doc(&def);
        let back = read_definitions(&doc);
        assert_eq!(back, vec![def.clone()], "{id}");
        let jz = zone.jiff_zone();
        let samples = instants(&jz, 2026);
        assert!(samples.len() >= 12);
        for t in samples {
            assert_eq!(def.offset_at(t), Some(jz.to_offset(t)), "{id} at {t}");
            // Local times map back to the instant.
            let local = jz.to_offset(t).to_datetime(t);
            let want = jz.to_ambiguous_timestamp(local).compatible().unwrap();
            assert_eq!(def.to_timestamp(local), Some(want), "{id} local {local}");
        }
        docs.push((id.to_owned(), doc));
    }
    let docs: Vec<(&str, &[u8])> = docs
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    ews_test_support::assert_all_valid(&docs);
}

#[test]
fn southern_and_fixed_definitions_look_like_exchanges() {
    let def = TimeZone::from_ms_id("AUS Eastern Standard Time")
        .unwrap()
        .to_definition(2026..=2026)
        .unwrap();
    let text = String::from_utf8(context_doc(&def)).unwrap();
    assert!(
        text.contains(r#"<t:Period Bias="-PT10H" Name="Standard" Id="Std"/>"#),
        "{text}"
    );
    assert!(
        text.contains(r#"<t:Period Bias="-PT11H" Name="Daylight" Id="Dlt/2026"/>"#),
        "{text}"
    );
    // First Sunday of April at 03:00 daylight time back to standard; first Sunday of October
    // at 02:00 to daylight.
    assert!(text.contains("<t:To Kind=\"Period\">Std</t:To><t:TimeOffset>PT3H</t:TimeOffset><t:Month>4</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek><t:Occurrence>1</t:Occurrence>"), "{text}");
    let india = TimeZone::from_ms_id("India Standard Time")
        .unwrap()
        .to_definition(2026..=2026)
        .unwrap();
    let text = String::from_utf8(context_doc(&india)).unwrap();
    assert!(text.contains(r#"<t:TransitionsGroup Id="0"><t:Transition><t:To Kind="Period">Std</t:To></t:Transition></t:TransitionsGroup>"#), "{text}");
}

#[test]
fn every_zone_over_decades_agrees_with_jiff() {
    let mut docs = Vec::new();
    for id in TimeZone::ms_ids() {
        let zone = TimeZone::from_ms_id(id).unwrap();
        let def = zone.to_definition(2000..=2030).unwrap();
        let jz = zone.jiff_zone();
        for year in [2000, 2007, 2011, 2016, 2022, 2026, 2030] {
            for t in instants(&jz, year) {
                assert_eq!(def.offset_at(t), Some(jz.to_offset(t)), "{id} at {t}");
            }
        }
        docs.push((id, context_doc(&def)));
    }
    let docs: Vec<(&str, &[u8])> = docs.iter().map(|(n, d)| (*n, d.as_slice())).collect();
    ews_test_support::assert_all_valid(&docs);
}

#[test]
fn customized_definitions_resolve_by_rules() {
    for id in [
        "W. Europe Standard Time",
        "Pacific Standard Time",
        "AUS Eastern Standard Time",
        "India Standard Time",
        "E. South America Standard Time",
        "New Zealand Standard Time",
    ] {
        let zone = TimeZone::from_ms_id(id).unwrap();
        let mut def = zone.to_definition(2026..=2026).unwrap();
        def.id = Some("Customized Time Zone".into());
        def.name = Some("Customized Time Zone".into());
        let found = TimeZone::resolve_definition_in(&def, 2026).unwrap();
        // Several Windows zones share rules; the one found must compute the same offsets.
        let jz = found.jiff_zone();
        for t in instants(&zone.jiff_zone(), 2026) {
            assert_eq!(
                Some(jz.to_offset(t)),
                def.offset_at(t),
                "{id} -> {}",
                found.ms_id()
            );
        }
    }
    // By id or name first.
    let def = TimeZoneDefinition::with_id("Tokyo Standard Time");
    assert_eq!(
        TimeZone::resolve_definition(&def).unwrap().ms_id(),
        "Tokyo Standard Time"
    );
    assert!(
        TimeZone::resolve_definition(&TimeZoneDefinition::with_id("Customized Time Zone"))
            .is_none()
    );
    assert!(TimeZone::resolve_definition(&TimeZoneDefinition::default()).is_none());
}

#[test]
fn ms_docs_definitions_read() {
    let files: Vec<_> = ews_test_support::ms_docs(None, "")
        .into_iter()
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|s| s.contains("TimeZoneDefinition")))
        .collect();
    let mut complete = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let defs = read_definitions(&bytes);
        assert!(!defs.is_empty(), "{}", path.display());
        for def in defs {
            assert!(
                TimeZone::resolve_definition(&def).is_some(),
                "{}: {def:?}",
                path.display()
            );
            if def.periods.is_empty() {
                continue;
            }
            complete += 1;
            // The Pacific sample: US rules before and after 2007.
            assert_eq!(def.id.as_deref(), Some("Pacific Standard Time"));
            assert_eq!(def.periods.len(), 3);
            assert_eq!(def.transitions_groups.len(), 2);
            let first = &def.transitions.as_ref().unwrap().transitions[0];
            assert_eq!(first.to().kind, TransitionTargetKind::Group);
            let la = jiff::tz::TimeZone::get("America/Los_Angeles").unwrap();
            for year in [2003, 2006, 2007, 2014, 2026] {
                for t in instants(&la, year) {
                    assert_eq!(
                        def.offset_at(t),
                        Some(la.to_offset(t)),
                        "{} at {t}",
                        path.display()
                    );
                }
            }
            let mut anonymous = def.clone();
            anonymous.id = None;
            anonymous.name = None;
            assert_eq!(
                TimeZone::resolve_definition_in(&anonymous, 2014)
                    .unwrap()
                    .ms_id(),
                "Pacific Standard Time"
            );
            // Written again, it validates and reads back equal.
            let doc = context_doc(&def);
            ews_test_support::assert_valid(&path.display().to_string(), &doc);
            assert_eq!(read_definitions(&doc), vec![def]);
        }
    }
    if !files.is_empty() {
        assert!(files.len() >= 20, "{} files", files.len());
        assert_eq!(complete, 2);
    }
}

#[test]
fn malformed_definitions_error_or_give_none() {
    let doc = br#"<t:TimeZoneContext xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
      <t:TimeZoneDefinition Id="x"><t:Periods><t:Period Bias="bogus" Id="Std"/></t:Periods></t:TimeZoneDefinition>
    </t:TimeZoneContext>"#;
    let mut r = Reader::from_bytes(doc);
    let root = r.root().unwrap();
    let tag = r.next_child().unwrap().unwrap();
    assert!(root.is(Name::t("TimeZoneContext")));
    assert!(TimeZoneDefinition::read_xml(&mut r, &tag).is_err());

    let doc = br#"<t:TimeZoneDefinition xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Id="x">
      <t:Periods><t:Period Bias="-PT1H" Id="Std"/><t:Unknown/></t:Periods>
      <t:TransitionsGroups><t:TransitionsGroup Id="0"><t:RecurringDayTransition><t:To Kind="Period">Nope</t:To>
        <t:TimeOffset>PT2H</t:TimeOffset><t:Month>13</t:Month><t:DayOfWeek>Weekday</t:DayOfWeek><t:Occurrence>9</t:Occurrence>
      </t:RecurringDayTransition></t:TransitionsGroup></t:TransitionsGroups>
      <t:Transitions><t:Transition><t:To Kind="Group">0</t:To></t:Transition></t:Transitions>
    </t:TimeZoneDefinition>"#;
    let def = read_definitions(doc).pop().unwrap();
    assert_eq!(def.periods.len(), 1);
    assert_eq!(def.offset_at(ts("2026-01-01T00:00:00Z")), None);
    assert_eq!(
        def.to_timestamp(civil::date(2026, 1, 1).at(0, 0, 0, 0)),
        None
    );

    let fixed = TimeZoneDefinition {
        periods: vec![ews_model::time::Period {
            bias: Some(Duration::from_mins(-330)),
            name: None,
            id: Some("Std".into()),
        }],
        ..TimeZoneDefinition::with_id("Customized Time Zone")
    };
    assert_eq!(
        fixed
            .offset_at(ts("2026-06-01T00:00:00Z"))
            .map(|o| o.seconds()),
        Some(19800)
    );
    assert_eq!(
        TimeZone::resolve_definition_in(&fixed, 2026).map(|z| z.ms_id()),
        Some("India Standard Time")
    );
}

fn arbitrary_definition(
    bias: i64,
    month: i32,
    occurrence: i32,
    offset_secs: i64,
    day: i32,
) -> TimeZoneDefinition {
    use ews_model::time::{
        DayOfWeek, Period, RecurringDateTransition, RecurringDayTransition, TransitionTarget,
        TransitionsGroup,
    };
    let period = |id: &str, secs: i64| Period {
        bias: Some(Duration(SignedDuration::from_secs(secs))),
        name: None,
        id: Some(id.into()),
    };
    TimeZoneDefinition {
        periods: vec![period("A", bias), period("B", bias.wrapping_neg())],
        transitions_groups: vec![TransitionsGroup {
            id: Some("0".into()),
            transitions: vec![
                Transition::RecurringDay(RecurringDayTransition {
                    to: TransitionTarget::period("A"),
                    time_offset: Duration(SignedDuration::from_secs(offset_secs)),
                    month,
                    day_of_week: DayOfWeek::Day,
                    occurrence,
                }),
                Transition::RecurringDate(RecurringDateTransition {
                    to: TransitionTarget::period("B"),
                    time_offset: Duration(SignedDuration::from_secs(offset_secs)),
                    month: month.wrapping_add(3),
                    day,
                }),
            ],
        }],
        ..TimeZoneDefinition::with_id("Customized Time Zone")
    }
}

proptest! {
    #[test]
    fn arbitrary_definitions_never_panic(
        bias in prop_oneof![-100_000i64..100_000, any::<i64>()],
        month in -20i32..20,
        occurrence in -10i32..10,
        offset_secs in prop_oneof![0i64..100_000, any::<i64>()],
        day in any::<i32>(),
        secs in Timestamp::MIN.as_second()..=Timestamp::MAX.as_second(),
    ) {
        let def = arbitrary_definition(bias, month, occurrence, offset_secs, day);
        let t = Timestamp::from_second(secs).unwrap();
        let _ = def.offset_at(t);
        let _ = def.to_timestamp(jiff::tz::Offset::UTC.to_datetime(t));
        let doc = context_doc(&def);
        prop_assert_eq!(read_definitions(&doc), vec![def]);
    }
}
