//! Recurrences: XML and serde round trips of every pattern and range, schema validity in
//! `CreateItem` (calendar items and tasks) and `GetItem` responses (occurrence information),
//! the ms-docs samples, validation, and expansion against known calendars.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ews_model::properties::ItemId;
use ews_model::recurrence::{
    AbsoluteMonthlyPattern, AbsoluteYearlyPattern, DailyPattern, DayOfWeekIndex, DaysOfWeek,
    DeletedOccurrence, Month, OccurrenceInfo, Pattern, Range, Recurrence, RecurrenceError,
    RegenerationPattern, RelativeMonthlyPattern, RelativeYearlyPattern, TaskPattern,
    TaskRecurrence, WeeklyPattern,
};
use ews_model::time::{Date, DateTime, DayOfWeek};
use ews_xml::soap::{self, RequestHeader};
use ews_xml::{Event, Name, Reader, XmlRead, XmlWrite};
use jiff::civil::{Weekday, date};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Helpers

/// `value` written as the root element `t:Recurrence`.
fn write_root<T: XmlWrite>(value: &T, name: &str) -> String {
    String::from_utf8(ews_xml::to_vec(value, Name::t(name)).unwrap()).unwrap()
}

fn read_root<T: XmlRead>(doc: &str) -> T {
    ews_xml::from_slice(doc.as_bytes()).unwrap_or_else(|e| panic!("{e} reading {doc}"))
}

fn dates(r: &Recurrence, n: usize) -> Vec<String> {
    r.dates().take(n).map(|d| d.to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// Strategies

fn day_of_week() -> impl Strategy<Value = DayOfWeek> {
    prop::sample::select(vec![
        DayOfWeek::Sunday,
        DayOfWeek::Monday,
        DayOfWeek::Tuesday,
        DayOfWeek::Wednesday,
        DayOfWeek::Thursday,
        DayOfWeek::Friday,
        DayOfWeek::Saturday,
        DayOfWeek::Day,
        DayOfWeek::Weekday,
        DayOfWeek::WeekendDay,
    ])
}

fn weekday() -> impl Strategy<Value = DayOfWeek> {
    (0i8..7).prop_map(|i| Weekday::from_sunday_zero_offset(i).unwrap().into())
}

fn index() -> impl Strategy<Value = DayOfWeekIndex> {
    prop::sample::select(vec![
        DayOfWeekIndex::First,
        DayOfWeekIndex::Second,
        DayOfWeekIndex::Third,
        DayOfWeekIndex::Fourth,
        DayOfWeekIndex::Last,
    ])
}

fn month() -> impl Strategy<Value = Month> {
    prop::sample::select(Month::ALL.to_vec())
}

fn a_date() -> impl Strategy<Value = Date> {
    (1900i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date(date(y, m, d)))
}

/// Every pattern; `valid` keeps the values Exchange accepts.
fn pattern(valid: bool) -> BoxedStrategy<Pattern> {
    let (interval, dom) = if valid {
        (1i32..=99, 1i32..=31)
    } else {
        (-5i32..=99, -5i32..=40)
    };
    let days = if valid {
        prop::collection::vec(day_of_week(), 1..4)
    } else {
        prop::collection::vec(day_of_week(), 0..4)
    };
    prop_oneof![
        interval.clone().prop_map(Pattern::daily),
        (
            interval.clone(),
            days,
            prop::option::of(if valid {
                weekday().boxed()
            } else {
                day_of_week().boxed()
            })
        )
            .prop_map(|(interval, days, first_day_of_week)| {
                Pattern::Weekly(WeeklyPattern {
                    interval,
                    days_of_week: DaysOfWeek(days),
                    first_day_of_week,
                })
            }),
        (interval.clone(), dom.clone()).prop_map(|(i, d)| Pattern::monthly(i, d)),
        (interval, index(), day_of_week())
            .prop_map(|(i, index, day)| Pattern::monthly_relative(i, index, day)),
        (month(), dom).prop_map(|(m, d)| Pattern::yearly(m, d)),
        (index(), day_of_week(), month())
            .prop_map(|(index, day, m)| Pattern::yearly_relative(index, day, m)),
    ]
    .boxed()
}

fn range(valid: bool) -> BoxedStrategy<Range> {
    let count = if valid { 1i32..=500 } else { -3i32..=500 };
    prop_oneof![
        a_date().prop_map(Range::no_end),
        (a_date(), 0i64..2000).prop_map(move |(s, days)| {
            let days = if valid { days } else { days - 10 };
            Range::end_date(s, Date(s.0.saturating_add(jiff::Span::new().days(days))))
        }),
        (a_date(), count).prop_map(|(s, n)| Range::numbered(s, n)),
    ]
    .boxed()
}

fn task_pattern() -> impl Strategy<Value = TaskPattern> {
    prop_oneof![
        pattern(true).prop_map(TaskPattern::from),
        (1i32..99).prop_map(TaskPattern::daily_regeneration),
        (1i32..99).prop_map(TaskPattern::weekly_regeneration),
        (1i32..99).prop_map(TaskPattern::monthly_regeneration),
        (1i32..99).prop_map(TaskPattern::yearly_regeneration),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn recurrences_round_trip(pattern in pattern(false), range in range(false)) {
        let r = Recurrence::new(pattern, range);
        let doc = write_root(&r, "Recurrence");
        prop_assert_eq!(&read_root::<Recurrence>(&doc), &r);
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&r).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Recurrence>(&json).unwrap(), &r);
        }
        // A calendar recurrence is a task recurrence too.
        prop_assert_eq!(read_root::<TaskRecurrence>(&doc), TaskRecurrence::from(r));
    }

    #[test]
    fn task_recurrences_round_trip(pattern in task_pattern(), range in range(true)) {
        let r = TaskRecurrence::new(pattern, range);
        prop_assert_eq!(r.validate(), Ok(()));
        let doc = write_root(&r, "Recurrence");
        prop_assert_eq!(read_root::<TaskRecurrence>(&doc), r);
    }

    /// Valid recurrences expand to increasing dates inside the range, on matching days.
    #[test]
    fn expansion_stays_in_range(pattern in pattern(true), range in range(true)) {
        let r = Recurrence::new(pattern, range);
        prop_assert_eq!(r.validate(), Ok(()));
        let got: Vec<_> = r.dates().take(60).collect();
        prop_assert!(!got.is_empty() || range.last_date().is_some());
        prop_assert!(got.windows(2).all(|w| w[0] < w[1]), "{:?}", got);
        prop_assert!(got.iter().all(|d| *d >= range.start_date().0));
        if let Some(end) = range.last_date() {
            prop_assert!(got.iter().all(|d| *d <= end.0));
        }
        if let Some(n) = range.number_of_occurrences() {
            prop_assert_eq!(got.len(), usize::try_from(n).unwrap().min(60));
        }
        if let Pattern::Weekly(p) = &r.pattern {
            for d in &got {
                prop_assert!(p.days_of_week.iter().any(|day| matches(day, d.weekday())));
            }
        }
    }

    /// Anything, valid or not, expands without panicking or spinning.
    #[test]
    fn expansion_never_panics(pattern in pattern(false), range in range(false)) {
        let r = Recurrence::new(pattern, range);
        let n = r.dates().take(30).count();
        if r.validate().is_err() {
            prop_assert_eq!(n, 0);
        }
    }
}

fn matches(day: DayOfWeek, wd: Weekday) -> bool {
    match day {
        DayOfWeek::Day => true,
        DayOfWeek::Weekday => !matches!(wd, Weekday::Saturday | Weekday::Sunday),
        DayOfWeek::WeekendDay => matches!(wd, Weekday::Saturday | Weekday::Sunday),
        d => d.to_weekday() == Some(wd),
    }
}

// ---------------------------------------------------------------------------------------------
// Exact XML

#[test]
fn weekly_writes_in_schema_order() {
    let r = Pattern::weekly(2, [Weekday::Monday, Weekday::Friday])
        .with_first_day_of_week(Weekday::Monday)
        .starting(date(2026, 1, 5))
        .count(10);
    let doc = write_root(&r, "Recurrence");
    assert!(
        doc.ends_with(concat!(
            "<t:WeeklyRecurrence><t:Interval>2</t:Interval>",
            "<t:DaysOfWeek>Monday Friday</t:DaysOfWeek>",
            "<t:FirstDayOfWeek>Monday</t:FirstDayOfWeek></t:WeeklyRecurrence>",
            "<t:NumberedRecurrence><t:StartDate>2026-01-05</t:StartDate>",
            "<t:NumberOfOccurrences>10</t:NumberOfOccurrences></t:NumberedRecurrence>",
            "</t:Recurrence>"
        )),
        "{doc}"
    );
    let r = Pattern::yearly_relative(DayOfWeekIndex::Last, Weekday::Monday, Month::May)
        .starting(date(2026, 1, 1))
        .until(date(2030, 12, 31));
    assert!(write_root(&r, "Recurrence").ends_with(concat!(
        "<t:RelativeYearlyRecurrence><t:DaysOfWeek>Monday</t:DaysOfWeek>",
        "<t:DayOfWeekIndex>Last</t:DayOfWeekIndex><t:Month>May</t:Month>",
        "</t:RelativeYearlyRecurrence><t:EndDateRecurrence>",
        "<t:StartDate>2026-01-01</t:StartDate><t:EndDate>2030-12-31</t:EndDate>",
        "</t:EndDateRecurrence></t:Recurrence>"
    )));
}

#[test]
fn lenient_reading() {
    let doc = r#"<Recurrence xmlns="http://schemas.microsoft.com/exchange/services/2006/types">
        <EndDateRecurrence><EndDate>2026-03-01Z</EndDate><StartDate>2026-01-01-08:00</StartDate>
        </EndDateRecurrence><Future/>
        <WeeklyRecurrence><DaysOfWeek>
            Monday  Weekday
        </DaysOfWeek><Interval> 1 </Interval></WeeklyRecurrence></Recurrence>"#;
    let r: Recurrence = read_root(doc);
    assert_eq!(
        r,
        Pattern::weekly(1, [DayOfWeek::Monday, DayOfWeek::Weekday])
            .starting(date(2026, 1, 1))
            .until(date(2026, 3, 1))
    );
    // A task pattern where a calendar pattern is expected is an error, not a panic.
    let doc = r#"<t:Recurrence xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
        <t:DailyRegeneration><t:Interval>1</t:Interval></t:DailyRegeneration>
        <t:NoEndRecurrence><t:StartDate>2026-01-01</t:StartDate></t:NoEndRecurrence>
        </t:Recurrence>"#;
    let mut rd = Reader::from_bytes(doc.as_bytes());
    let root = rd.root().unwrap();
    assert!(Recurrence::read_xml(&mut rd, &root).is_err());
    let t: TaskRecurrence = read_root(doc);
    assert_eq!(
        t,
        TaskPattern::daily_regeneration(1).starting(date(2026, 1, 1))
    );
    assert_eq!(t.dates().count(), 0);
}

// ---------------------------------------------------------------------------------------------
// Schema validity in context

fn every_pattern() -> Vec<Pattern> {
    vec![
        Pattern::Daily(DailyPattern { interval: 3 }),
        Pattern::weekly(1, [Weekday::Saturday]),
        Pattern::weekly(2, [DayOfWeek::Monday, DayOfWeek::Weekday])
            .with_first_day_of_week(Weekday::Monday),
        Pattern::AbsoluteMonthly(AbsoluteMonthlyPattern {
            interval: 1,
            day_of_month: 31,
        }),
        Pattern::RelativeMonthly(RelativeMonthlyPattern {
            interval: 2,
            day_of_week: DayOfWeek::WeekendDay,
            day_of_week_index: DayOfWeekIndex::Second,
        }),
        Pattern::AbsoluteYearly(AbsoluteYearlyPattern {
            day_of_month: 29,
            month: Month::February,
        }),
        Pattern::RelativeYearly(RelativeYearlyPattern {
            day_of_week: DayOfWeek::Thursday,
            day_of_week_index: DayOfWeekIndex::Fourth,
            month: Month::November,
        }),
    ]
}

fn every_range() -> Vec<Range> {
    let start = date(2026, 1, 1);
    vec![
        Range::no_end(start),
        Range::end_date(start, date(2027, 1, 1)),
        Range::numbered(start, 10),
    ]
}

/// `m:CreateItem` with one `t:<kind>` holding only `t:Recurrence`.
fn create_item<T: XmlWrite>(kind: &str, recurrence: &T) -> Vec<u8> {
    let mut out = Vec::new();
    soap::write_envelope(&mut out, &RequestHeader::new("Exchange2016"), |w| {
        w.start(Name::m("CreateItem"))?;
        w.attr("SendMeetingInvitations", "SendToNone")?;
        w.start(Name::m("Items"))?;
        w.start(Name::t(kind))?;
        recurrence.write_xml(w, Name::t("Recurrence"))?;
        w.end()?;
        w.end()?;
        w.end()
    })
    .unwrap();
    out
}

#[test]
fn create_item_requests_are_schema_valid() {
    let mut docs = Vec::new();
    for (i, p) in every_pattern().into_iter().enumerate() {
        for (j, range) in every_range().into_iter().enumerate() {
            let r = Recurrence::new(p.clone(), range);
            r.validate().unwrap();
            docs.push((format!("calendar-{i}-{j}"), create_item("CalendarItem", &r)));
            let t = TaskRecurrence::from(r);
            docs.push((format!("task-{i}-{j}"), create_item("Task", &t)));
        }
    }
    for (i, p) in [
        TaskPattern::daily_regeneration(1),
        TaskPattern::weekly_regeneration(2),
        TaskPattern::monthly_regeneration(3),
        TaskPattern::yearly_regeneration(1),
    ]
    .into_iter()
    .enumerate()
    {
        let t = p.starting(date(2026, 1, 1)).count(5);
        docs.push((format!("regeneration-{i}"), create_item("Task", &t)));
        assert!(matches!(t.pattern, TaskPattern::Recurring(_)) == t.dates().next().is_some());
    }
    let refs: Vec<(&str, &[u8])> = docs.iter().map(|(n, d)| (n.as_str(), &d[..])).collect();
    ews_test_support::assert_all_valid(&refs);
}

/// The recurrence fields of a recurring master, as a calendar item declares them.
#[derive(Debug, PartialEq, XmlWrite, XmlRead)]
struct Master {
    recurrence: Option<Recurrence>,
    first_occurrence: Option<OccurrenceInfo>,
    last_occurrence: Option<OccurrenceInfo>,
    #[xml(wrapper = "ModifiedOccurrences", item = "Occurrence")]
    modified_occurrences: Vec<OccurrenceInfo>,
    #[xml(wrapper = "DeletedOccurrences", item = "DeletedOccurrence")]
    deleted_occurrences: Vec<DeletedOccurrence>,
}

fn occurrence(id: &str, start: &str, end: &str, original: &str) -> OccurrenceInfo {
    OccurrenceInfo {
        item_id: ItemId::new(id).with_change_key("DwAAABYA"),
        start: start.parse().unwrap(),
        end: end.parse().unwrap(),
        original_start: original.parse().unwrap(),
    }
}

#[test]
fn occurrence_information_in_a_get_item_response() {
    let master = Master {
        recurrence: Some(Pattern::daily(1).starting(date(2026, 3, 2)).count(5)),
        first_occurrence: Some(occurrence(
            "AAMk1",
            "2026-03-02T09:00:00Z",
            "2026-03-02T10:00:00Z",
            "2026-03-02T09:00:00Z",
        )),
        last_occurrence: Some(occurrence(
            "AAMk5",
            "2026-03-06T09:00:00Z",
            "2026-03-06T10:00:00Z",
            "2026-03-06T09:00:00Z",
        )),
        modified_occurrences: vec![occurrence(
            "AAMk3",
            "2026-03-04T14:00:00Z",
            "2026-03-04T15:00:00Z",
            "2026-03-04T09:00:00Z",
        )],
        deleted_occurrences: vec![DeletedOccurrence {
            start: "2026-03-05T09:00:00Z".parse().unwrap(),
        }],
    };
    let mut out = Vec::new();
    soap::write_response_envelope(&mut out, None, |w| {
        w.start(Name::m("GetItemResponse"))?;
        w.start(Name::m("ResponseMessages"))?;
        w.start(Name::m("GetItemResponseMessage"))?;
        w.attr("ResponseClass", "Success")?;
        w.element_text(Name::m("ResponseCode"), "NoError")?;
        w.start(Name::m("Items"))?;
        master.write_xml(w, Name::t("CalendarItem"))?;
        w.end()?;
        w.end()?;
        w.end()?;
        w.end()
    })
    .unwrap();
    ews_test_support::assert_valid("getitem-recurring-master", &out);

    let mut r = Reader::from_bytes(&out);
    let back = loop {
        match r.next_event().unwrap() {
            Event::Start(tag) if tag.is(Name::t("CalendarItem")) => {
                break Master::read_xml(&mut r, &tag).unwrap();
            }
            Event::Eof => panic!("no CalendarItem"),
            _ => {}
        }
    };
    assert_eq!(back, master);
}

// ---------------------------------------------------------------------------------------------
// The ms-docs samples

#[test]
fn ms_docs_recurrences_and_occurrences_read() {
    let mut found = 0;
    for path in ews_test_support::ms_docs(None, "") {
        let bytes = std::fs::read(&path).unwrap();
        let mut r = Reader::from_bytes(&bytes);
        let mut stack: Vec<String> = Vec::new();
        loop {
            let tag = match r.next_event().unwrap() {
                Event::Start(tag) => tag,
                Event::End => {
                    stack.pop();
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let parent = stack.last().map(String::as_str);
            let types = tag.ns() == ews_xml::Ns::Types;
            let what = format!("{} in {}", tag.local_name(), path.display());
            match (tag.local_name(), parent) {
                ("Recurrence", Some("Task")) if types => {
                    let t = TaskRecurrence::read_xml(&mut r, &tag).expect(&what);
                    assert_eq!(read_root::<TaskRecurrence>(&write_root(&t, "R")), t);
                }
                ("Recurrence", _) if types => {
                    let rec = Recurrence::read_xml(&mut r, &tag).expect(&what);
                    assert_eq!(read_root::<Recurrence>(&write_root(&rec, "R")), rec);
                    if path.ends_with("CreateItem/request-09.xml") {
                        // Weekly on Saturdays, ten times from 2014-03-08.
                        let got = rec.dates().collect::<Vec<_>>();
                        assert_eq!(got.len(), 10);
                        assert_eq!(got[0], date(2014, 3, 8));
                        assert_eq!(got[9], date(2014, 5, 10));
                    }
                }
                ("FirstOccurrence" | "LastOccurrence", _)
                | ("Occurrence", Some("ModifiedOccurrences"))
                    if types =>
                {
                    OccurrenceInfo::read_xml(&mut r, &tag).expect(&what);
                }
                ("DeletedOccurrence", _) if types => {
                    DeletedOccurrence::read_xml(&mut r, &tag).expect(&what);
                }
                _ => {
                    stack.push(tag.local_name().to_owned());
                    continue;
                }
            }
            found += 1;
        }
    }
    if ews_test_support::fixtures_dir().is_dir() {
        assert!(found >= 1, "no recurrence in the ms-docs samples");
    }
}

// ---------------------------------------------------------------------------------------------
// Validation

#[test]
fn validation_errors() {
    let start = date(2026, 1, 1);
    for (r, err) in [
        (
            Pattern::daily(0).starting(start),
            RecurrenceError::Interval(0),
        ),
        (
            Pattern::weekly(1, Vec::<Weekday>::new()).starting(start),
            RecurrenceError::NoDaysOfWeek,
        ),
        (
            Pattern::weekly(1, [Weekday::Monday])
                .with_first_day_of_week(DayOfWeek::Weekday)
                .starting(start),
            RecurrenceError::FirstDayOfWeek(DayOfWeek::Weekday),
        ),
        (
            Pattern::monthly(1, 32).starting(start),
            RecurrenceError::DayOfMonth(32),
        ),
        (
            Pattern::yearly(Month::March, 0).starting(start),
            RecurrenceError::DayOfMonth(0),
        ),
        (
            Pattern::daily(1).starting(start).count(0),
            RecurrenceError::NumberOfOccurrences(0),
        ),
        (
            Pattern::daily(1).starting(start).until(date(2025, 12, 31)),
            RecurrenceError::EndBeforeStart {
                start: Date(start),
                end: Date(date(2025, 12, 31)),
            },
        ),
    ] {
        assert_eq!(r.validate(), Err(err.clone()), "{r:?}");
        assert_eq!(r.dates().count(), 0, "{r:?}");
        assert!(!err.to_string().is_empty());
    }
    let t = TaskRecurrence::new(
        TaskPattern::WeeklyRegeneration(RegenerationPattern { interval: -1 }),
        Range::no_end(start),
    );
    assert_eq!(t.validate(), Err(RecurrenceError::Interval(-1)));
    fn assert_error<E: std::error::Error + Send + Sync + 'static>() {}
    assert_error::<RecurrenceError>();
}

// ---------------------------------------------------------------------------------------------
// Expansion against known calendars

#[test]
fn weekly_every_second_tuesday() {
    // Every other Tuesday from Thursday 2026-01-01: week 0 (Sun 2025-12-28) has its Tuesday
    // before the start, so the first is in week 2.
    let r = Pattern::weekly(2, [Weekday::Tuesday]).starting(date(2026, 1, 1));
    assert_eq!(
        dates(&r, 4),
        ["2026-01-13", "2026-01-27", "2026-02-10", "2026-02-24"]
    );
    // The second Tuesday of each month.
    let r = Pattern::monthly_relative(1, DayOfWeekIndex::Second, Weekday::Tuesday)
        .starting(date(2026, 1, 1));
    assert_eq!(
        dates(&r, 4),
        ["2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14"]
    );
}

#[test]
fn first_day_of_week_decides_the_weeks() {
    // Every other week on Sunday and Monday, from Monday 2026-01-05.
    let p = Pattern::weekly(2, [Weekday::Sunday, Weekday::Monday]);
    let sunday = p.clone().starting(date(2026, 1, 5));
    assert_eq!(
        dates(&sunday, 4),
        ["2026-01-05", "2026-01-18", "2026-01-19", "2026-02-01"]
    );
    let monday = p
        .with_first_day_of_week(Weekday::Monday)
        .starting(date(2026, 1, 5));
    assert_eq!(
        dates(&monday, 4),
        ["2026-01-05", "2026-01-11", "2026-01-19", "2026-01-25"]
    );
    // Weekday in a weekly pattern is Monday to Friday.
    let r = Pattern::weekly(1, [DayOfWeek::Weekday])
        .starting(date(2026, 1, 2))
        .count(4);
    assert_eq!(
        dates(&r, 10),
        ["2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07"]
    );
}

#[test]
fn relative_monthly_day_kinds() {
    let start = date(2026, 1, 1);
    let rel = |index, day: DayOfWeek| Pattern::monthly_relative(1, index, day).starting(start);
    use DayOfWeekIndex::{First, Fourth, Last};
    assert_eq!(
        dates(&rel(Last, DayOfWeek::Weekday), 5),
        [
            "2026-01-30",
            "2026-02-27",
            "2026-03-31",
            "2026-04-30",
            "2026-05-29"
        ]
    );
    assert_eq!(
        dates(&rel(First, DayOfWeek::WeekendDay), 3),
        ["2026-01-03", "2026-02-01", "2026-03-01"]
    );
    assert_eq!(
        dates(&rel(Last, DayOfWeek::Day), 3),
        ["2026-01-31", "2026-02-28", "2026-03-31"]
    );
    assert_eq!(
        dates(&rel(Fourth, DayOfWeek::Day), 2),
        ["2026-01-04", "2026-02-04"]
    );
    // Last Friday: the fifth when there is one.
    assert_eq!(
        dates(&rel(Last, DayOfWeek::Friday), 3),
        ["2026-01-30", "2026-02-27", "2026-03-27"]
    );
}

#[test]
fn day_of_month_past_the_end_is_the_last_day() {
    let r = Pattern::monthly(1, 31).starting(date(2026, 1, 1));
    assert_eq!(
        dates(&r, 5),
        [
            "2026-01-31",
            "2026-02-28",
            "2026-03-31",
            "2026-04-30",
            "2026-05-31"
        ]
    );
    let r = Pattern::monthly(1, 30).starting(date(2028, 1, 31));
    assert_eq!(dates(&r, 2), ["2028-02-29", "2028-03-30"]);
    // Every other month on the 5th from January 10: January's 5th is before the start.
    let r = Pattern::monthly(2, 5).starting(date(2026, 1, 10));
    assert_eq!(dates(&r, 3), ["2026-03-05", "2026-05-05", "2026-07-05"]);
}

#[test]
fn yearly_patterns() {
    let leap = Pattern::yearly(Month::February, 29).starting(date(2024, 1, 1));
    assert_eq!(
        dates(&leap, 5),
        [
            "2024-02-29",
            "2025-02-28",
            "2026-02-28",
            "2027-02-28",
            "2028-02-29"
        ]
    );
    // Later in the year than the date: the first is next year.
    let r = Pattern::yearly(Month::March, 15).starting(date(2026, 6, 1));
    assert_eq!(dates(&r, 2), ["2027-03-15", "2028-03-15"]);
    let thanksgiving =
        Pattern::yearly_relative(DayOfWeekIndex::Fourth, Weekday::Thursday, Month::November)
            .starting(date(2026, 1, 1));
    assert_eq!(dates(&thanksgiving, 2), ["2026-11-26", "2027-11-25"]);
    let memorial = Pattern::yearly_relative(DayOfWeekIndex::Last, Weekday::Monday, Month::May)
        .starting(date(2026, 5, 25))
        .until(date(2028, 5, 29));
    assert_eq!(
        dates(&memorial, 10),
        ["2026-05-25", "2027-05-31", "2028-05-29"]
    );
}

#[test]
fn ranges_bound_the_expansion() {
    // Numbered: exactly n.
    let r = Pattern::daily(2).starting(date(2026, 1, 1)).count(3);
    assert_eq!(dates(&r, 10), ["2026-01-01", "2026-01-03", "2026-01-05"]);
    // End date inclusive.
    let r = Pattern::daily(2)
        .starting(date(2026, 1, 1))
        .until(date(2026, 1, 5));
    assert_eq!(dates(&r, 10), ["2026-01-01", "2026-01-03", "2026-01-05"]);
    // Same start and end.
    let r = Pattern::daily(1)
        .starting(date(2026, 1, 1))
        .until(date(2026, 1, 1));
    assert_eq!(dates(&r, 10), ["2026-01-01"]);
    // No end: lazy, and ends with jiff's calendar without panicking.
    let r = Pattern::daily(1).starting(date(2026, 1, 1));
    assert_eq!(r.dates().take(10_000).count(), 10_000);
    let r = Pattern::daily(3).starting(date(9999, 12, 20));
    assert_eq!(
        dates(&r, 10),
        ["9999-12-20", "9999-12-23", "9999-12-26", "9999-12-29"]
    );
    let r = Pattern::monthly(50, 31).starting(date(9990, 1, 1));
    assert_eq!(r.dates().count(), 3);
    let mut it = Pattern::weekly(1, [Weekday::Sunday])
        .starting(date(9999, 12, 20))
        .dates();
    assert_eq!(it.by_ref().count(), 1); // 9999-12-26; 9999-12-31 is a Friday
    assert_eq!(it.next(), None);
}

#[test]
fn occurrences_keep_the_local_time_across_daylight_saving() {
    let ny = jiff::tz::TimeZone::get("America/New_York").unwrap();
    let r = Pattern::weekly(1, [Weekday::Friday])
        .starting(date(2026, 3, 1))
        .count(3);
    let got: Vec<_> = r
        .occurrences(date(2026, 3, 6).at(9, 0, 0, 0), &ny)
        .map(|z| DateTime(z.timestamp()).to_string())
        .collect();
    assert_eq!(
        got,
        [
            "2026-03-06T14:00:00Z",
            "2026-03-13T13:00:00Z",
            "2026-03-20T13:00:00Z"
        ]
    );
    // 02:30 does not exist in Berlin on 2026-03-29: it moves forward to 03:30 CEST.
    let berlin = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
    let r = Pattern::daily(1).starting(date(2026, 3, 28)).count(3);
    let got: Vec<_> = r
        .occurrences(date(2026, 3, 28).at(2, 30, 0, 0), &berlin)
        .map(|z| z.datetime().to_string())
        .collect();
    assert_eq!(
        got,
        [
            "2026-03-28T02:30:00",
            "2026-03-29T03:30:00",
            "2026-03-30T02:30:00"
        ]
    );
}
