//! Tests of the date and time values.

use super::*;

#[test]
fn date_time_forms() {
    let z: DateTime = "2026-03-08T13:21:32Z".parse().unwrap();
    assert_eq!(z.to_string(), "2026-03-08T13:21:32Z");
    let off: DateTime = "2026-03-08T14:21:32+01:00".parse().unwrap();
    assert_eq!(off, z);
    let naive: DateTime = "2026-03-08T13:21:32".parse().unwrap();
    assert_eq!(naive, z);
    let frac: DateTime = "2026-03-08T13:21:32.1234567Z".parse().unwrap();
    assert_eq!(frac.to_string(), "2026-03-08T13:21:32.1234567Z");
    let long: DateTime = "2026-03-08T13:21:32.1234567891234Z".parse().unwrap();
    assert_eq!(long.0.subsec_nanosecond(), 123_456_789);
    let midnight: DateTime = "2026-03-08T24:00:00Z".parse().unwrap();
    assert_eq!(midnight.to_string(), "2026-03-09T00:00:00Z");
    let ny = jiff::tz::TimeZone::get("America/New_York").unwrap();
    let local = DateTime::parse_in("2026-01-08T10:00:00", &ny).unwrap();
    assert_eq!(local.to_string(), "2026-01-08T15:00:00Z");
    for bad in [
        "",
        "2026",
        "2026-13-01T00:00:00Z",
        "2026-02-30T00:00:00Z",
        "2026-03-08T25:00:00",
        "2026-03-08T13:21:32+",
        "2026-03-08T13:21:32.Z",
        "2026-03-08 13:21:32Z",
        "2026-03-08T13:21:32Zjunk",
        "99999999999999999999-01-01T00:00:00Z",
    ] {
        assert!(bad.parse::<DateTime>().is_err(), "{bad}");
    }
}

#[test]
fn dates_and_times() {
    for (text, want) in [
        ("2026-11-25", "2026-11-25"),
        ("2026-11-25Z", "2026-11-25"),
        ("2014-03-08-08:00", "2014-03-08"),
        ("2014-03-08+05:30", "2014-03-08"),
    ] {
        assert_eq!(text.parse::<Date>().unwrap().to_string(), want);
    }
    assert!("2014-03-08-8".parse::<Date>().is_err());
    assert_eq!("02:00:00".parse::<Time>().unwrap().to_string(), "02:00:00");
    assert_eq!(
        "02:00:00.250Z".parse::<Time>().unwrap().to_string(),
        "02:00:00.25"
    );
    assert!("24:00:00".parse::<Time>().is_err());
}

#[test]
fn durations() {
    for (text, secs, written) in [
        ("-PT8H", -8 * 3600, "-PT8H"),
        ("PT0M", 0, "PT0M"),
        ("PT1H30M", 5400, "PT1H30M"),
        ("P1D", 86_400, "P1D"),
        ("P0DT8H0M0.0S", 8 * 3600, "PT8H"),
        ("-P0DT1H0M0.0S", -3600, "-PT1H"),
        ("P0Y0M1DT1S", 86_401, "P1DT1S"),
        ("PT0.5S", 0, "PT0.5S"),
    ] {
        let d: Duration = text.parse().unwrap();
        assert_eq!(d.0.as_secs(), secs, "{text}");
        assert_eq!(d.to_string(), written);
    }
    for bad in [
        "", "P", "PT", "-", "P1M", "P1Y", "PT1H1H", "PT1M1H", "P1.5D", "8H", "PT-1H",
    ] {
        assert!(bad.parse::<Duration>().is_err(), "{bad}");
    }
}
