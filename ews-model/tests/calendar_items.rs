//! Calendar items: round trips over generated values, schema validity inside `CreateItem`
//! and `GetItemResponse`, and every `t:CalendarItem` of the ms-docs samples read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use ews_model::fields::HasFields;
use ews_model::items::calendar::{
    CalendarItem, CalendarItemType, LegacyFreeBusy, MeetingTimeZone, TimeChange, TimeChangePattern,
};
use ews_model::properties::{Attendee, ItemId, Mailbox, ResponseType};
use ews_model::recurrence::{
    DayOfWeekIndex, DeletedOccurrence, Month, OccurrenceInfo, Pattern, RelativeYearlyPattern,
};
use ews_model::time::{DayOfWeek, Duration, TimeZoneDefinition};
use ews_xml::Name;
use jiff::civil::{Weekday, date, time};
use proptest::prelude::*;

fn free_busy() -> impl Strategy<Value = Option<LegacyFreeBusy>> {
    prop_oneof![
        Just(None),
        Just(Some(LegacyFreeBusy::Busy)),
        Just(Some(LegacyFreeBusy::Oof)),
        Just(Some(LegacyFreeBusy::WorkingElsewhere)),
    ]
}

fn meeting_time_zone() -> MeetingTimeZone {
    let sunday = |month, index| {
        TimeChangePattern::RelativeYearly(RelativeYearlyPattern {
            day_of_week: DayOfWeek::Sunday,
            day_of_week_index: index,
            month,
        })
    };
    MeetingTimeZone::fixed("Pacific Standard Time", Duration::from_mins(480)).with_changes(
        TimeChange::new(
            Duration::ZERO,
            sunday(Month::November, DayOfWeekIndex::First),
            time(2, 0, 0, 0).into(),
        )
        .named("Pacific Standard Time"),
        TimeChange::new(
            Duration::from_mins(-60),
            sunday(Month::March, DayOfWeekIndex::Second),
            time(2, 0, 0, 0).into(),
        )
        .named("Pacific Daylight Time"),
    )
}

fn occurrence(n: i64) -> OccurrenceInfo {
    OccurrenceInfo {
        item_id: ItemId::new(format!("AAMkOcc{n}=")),
        start: at(n * 86_400),
        end: at(n * 86_400 + 3600),
        original_start: at(n * 86_400),
    }
}

prop_compose! {
    fn calendar_item()(
        head in (opt_text(), proptest::option::of(item_id()), opt_text(), opt_date_time(),
            opt_date_time(), opt_date_time(), proptest::option::of(any::<bool>()), free_busy(),
            opt_text(), opt_text()),
        flags in (proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>()),
            prop_oneof![Just(None), Just(Some(CalendarItemType::RecurringMaster)),
                Just(Some(CalendarItemType::Other("Next".into())))],
            prop_oneof![Just(None), Just(Some(ResponseType::Organizer))]),
        people in (proptest::option::of(mailbox()), proptest::collection::vec(attendee(), 0..3),
            proptest::collection::vec(attendee(), 0..2), proptest::collection::vec(attendee(), 0..2)),
        counts in (proptest::option::of(0..9_i32), proptest::option::of(0..9_i32), opt_text(),
            opt_text(), opt_date_time(), proptest::option::of(0..99_i32),
            proptest::option::of(0..7_i32)),
        series in (any::<bool>(), 0..3_usize, 0..3_usize, any::<bool>(), any::<bool>()),
        tail in (proptest::option::of(0..3_i32), proptest::option::of(any::<bool>()),
            opt_text(), opt_date_time(), opt_text(), free_busy(), opt_text(),
            proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>())),
    ) -> CalendarItem {
        let (subject, item_id, uid, recurrence_id, start, end, all_day, fb, location, when) = head;
        let mut c = CalendarItem::default();
        c.item.subject = subject;
        c.item.item_id = item_id;
        c.uid = uid;
        c.recurrence_id = recurrence_id;
        c.schedule.start = start;
        c.schedule.end = end;
        c.schedule.is_all_day_event = all_day;
        c.schedule.legacy_free_busy_status = fb;
        c.schedule.location = location;
        c.schedule.when = when;
        (c.schedule.is_meeting, c.schedule.is_cancelled, c.schedule.is_recurring, c.is_response_requested,
            c.attendance.calendar_item_type, c.attendance.my_response_type) = flags;
        (c.attendance.organizer, c.attendance.required_attendees, c.attendance.optional_attendees, c.attendance.resources) = people;
        (c.occurrences.conflicting_meeting_count, c.occurrences.adjacent_meeting_count, c.occurrences.duration, c.occurrences.time_zone,
            c.occurrences.appointment_reply_time, c.occurrences.appointment_sequence_number, c.occurrences.appointment_state) = counts;
        let (recurring, modified, deleted, old_zone, new_zones) = series;
        if recurring {
            c.occurrences.recurrence = Some(Pattern::weekly(1, [Weekday::Monday]).starting(date(2026, 1, 5)).count(5));
            c.occurrences.first_occurrence = Some(occurrence(0));
            c.occurrences.last_occurrence = Some(occurrence(4));
        }
        c.occurrences.modified_occurrences = (1..=modified as i64).map(occurrence).collect();
        c.occurrences.deleted_occurrences = (0..deleted as i64).map(|n| DeletedOccurrence { start: at(n) }).collect();
        if old_zone {
            c.meeting_time_zone = Some(meeting_time_zone());
        }
        if new_zones {
            c.settings.start_time_zone = Some(TimeZoneDefinition::with_id("W. Europe Standard Time"));
            c.settings.end_time_zone = Some(TimeZoneDefinition::with_id("UTC"));
        }
        (c.settings.conference_type, c.settings.allow_new_time_proposal, c.settings.net_show_url, c.start_wall_clock,
            c.start_time_zone_id, c.intended_free_busy_status, c.join_online_meeting_url,
            c.is_organizer, c.do_not_forward_meeting) = tail;
        c
    }
}

proptest! {
    #[test]
    fn calendar_items_round_trip(item in calendar_item()) {
        round_trip(&item, Name::t("CalendarItem"));
    }
}

/// Every field a client may set.
fn writable() -> CalendarItem {
    let mut c = CalendarItem::new()
        .subject("Planning")
        .start(at(0))
        .end(at(3600))
        .all_day(false)
        .free_busy(LegacyFreeBusy::Busy)
        .location("Room 1")
        .required_attendees(["ann@example.test", "bob@example.test"])
        .optional_attendees([Mailbox::named("Cy", "cy@example.test")])
        .resources(["room1@example.test"])
        .recurrence(
            Pattern::weekly(1, [Weekday::Monday])
                .starting(date(2026, 1, 5))
                .count(5),
        )
        .time_zones(
            TimeZoneDefinition::with_id("W. Europe Standard Time"),
            TimeZoneDefinition::with_id("W. Europe Standard Time"),
        )
        .response_requested(true)
        .allow_new_time_proposal(true);
    c.uid = Some("040000008200E00074C5B7101A82E008".into());
    c.schedule.when = Some("Mondays at nine".into());
    c.inbox_reminders = Some(t_element(
        "InboxReminders",
        "<t:InboxReminder><t:ReminderOffset>15</t:ReminderOffset></t:InboxReminder>",
    ));
    c.settings.conference_type = Some(0);
    c.settings.meeting_workspace_url = Some("https://example.test/ws".into());
    c.settings.net_show_url = Some("https://example.test/show".into());
    c.enhanced_location = Some(t_element(
        "EnhancedLocation",
        "<t:DisplayName>Room 1</t:DisplayName>",
    ));
    c.do_not_forward_meeting = Some(false);
    c
}

/// Every field, the read-only ones too (Exchange 2007's `MeetingTimeZone` instead of the
/// newer zones is also valid; both are set here, as the schema allows).
fn everything() -> CalendarItem {
    let mut c = writable();
    c.item.item_id = Some(ItemId::new("AAMkCal=").with_change_key("DwAAAA=="));
    c.recurrence_id = Some(at(0));
    c.date_time_stamp = Some(at(-60));
    c.schedule.original_start = Some(at(0));
    c.schedule.is_meeting = Some(true);
    c.schedule.is_cancelled = Some(false);
    c.schedule.is_recurring = Some(true);
    c.schedule.meeting_request_was_sent = Some(true);
    c.attendance.calendar_item_type = Some(CalendarItemType::RecurringMaster);
    c.attendance.my_response_type = Some(ResponseType::Organizer);
    c.attendance.organizer = Some(Mailbox::named("Ann", "ann@example.test"));
    c.attendance.required_attendees[0] =
        Attendee::new("ann@example.test").with_response_type(ResponseType::Accept);
    c.occurrences.conflicting_meeting_count = Some(1);
    c.occurrences.adjacent_meeting_count = Some(0);
    c.occurrences.conflicting_meetings = vec![CalendarItem::new().subject("Other").into()];
    c.occurrences.adjacent_meetings = vec![CalendarItem::new().subject("Next").into()];
    c.occurrences.duration = Some("PT1H".into());
    c.occurrences.time_zone = Some("(UTC+01:00) Amsterdam, Berlin".into());
    c.occurrences.appointment_reply_time = Some(at(-30));
    c.occurrences.appointment_sequence_number = Some(2);
    c.occurrences.appointment_state = Some(1);
    c.occurrences.first_occurrence = Some(occurrence(0));
    c.occurrences.last_occurrence = Some(occurrence(4));
    c.occurrences.modified_occurrences = vec![occurrence(2)];
    c.occurrences.deleted_occurrences = vec![DeletedOccurrence {
        start: at(3 * 86_400),
    }];
    c.meeting_time_zone = Some(meeting_time_zone());
    c.settings.is_online_meeting = Some(false);
    c.start_wall_clock = Some(at(0));
    c.end_wall_clock = Some(at(3600));
    c.start_time_zone_id = Some("W. Europe Standard Time".into());
    c.end_time_zone_id = Some("W. Europe Standard Time".into());
    c.intended_free_busy_status = Some(LegacyFreeBusy::Busy);
    c.join_online_meeting_url = Some("https://example.test/join".into());
    c.online_meeting_settings = Some(t_element(
        "OnlineMeetingSettings",
        "<t:LobbyBypass>Disabled</t:LobbyBypass><t:AccessLevel>Invited</t:AccessLevel>\
         <t:Presenters>Internal</t:Presenters>",
    ));
    c.is_organizer = Some(true);
    c.calendar_activity_data = Some(t_element(
        "CalendarActivityData",
        "<t:ActivityAction>Open</t:ActivityAction><t:ClientId>c</t:ClientId>\
         <t:CasRequestId>6c2b5b2a-0a3e-4b7e-9a51-2f6c6f0e7d11</t:CasRequestId>\
         <t:IndexSelected>0</t:IndexSelected>",
    ));
    c
}

#[test]
fn full_items_round_trip() {
    round_trip(&writable(), Name::t("CalendarItem"));
    round_trip(&everything(), Name::t("CalendarItem"));
}

#[test]
fn create_item_request_validates() {
    let doc = create_item(&[("CalendarItem", &writable())]);
    ews_test_support::assert_valid("CreateItem with a calendar item", &doc);
    let read: Vec<CalendarItem> = read_all(&doc, "CalendarItem").unwrap();
    assert_eq!(read, [writable()]);
}

#[test]
fn get_item_response_validates() {
    let doc = get_item_response(&[("CalendarItem", &everything())]);
    ews_test_support::assert_valid("GetItemResponse with a calendar item", &doc);
    let read: Vec<CalendarItem> = read_all(&doc, "CalendarItem").unwrap();
    assert_eq!(read, [everything()]);
}

#[test]
fn field_table_describes_calendar_fields() {
    let fields = CalendarItem::FIELDS;
    let start = fields.get("start").unwrap();
    assert!(start.is_searchable() && !start.is_read_only());
    assert!(fields.by_uri("calendar:Organizer").unwrap().is_read_only());
    assert!(
        fields.get("subject").is_some(),
        "the base's fields come first"
    );
    let zone = fields.get("start_time_zone").unwrap();
    assert!(!zone.is_supported_by(ews_model::version::ExchangeVersion::Exchange2007Sp1));
    let old = fields.get("meeting_time_zone").unwrap();
    assert!(!old.is_supported_by(ews_model::version::ExchangeVersion::Exchange2013));
    // The calendar fields: the own ones and those of the groups shared with meeting requests.
    let own = fields.iter().count() - ews_model::items::ItemBase::FIELDS.iter().count();
    assert!(own > 50, "{own} calendar fields");
    assert!(
        fields.own.len() + fields.groups.len() < own,
        "the groups are chained"
    );
}

#[test]
fn ms_docs_calendar_items_read() {
    let items = ms_docs_items::<CalendarItem>("CalendarItem");
    if items.is_empty() {
        return; // no fixtures here: ms_docs said so
    }
    assert!(items.len() >= 20, "{} calendar items", items.len());
    let with_attendees = items
        .iter()
        .flat_map(|(_, c)| c.attendees())
        .filter(|a| {
            a.mailbox
                .email_address
                .as_deref()
                .is_some_and(|e| e.contains('@'))
        })
        .count();
    assert!(with_attendees > 0, "no attendee address read");
    let timed = items
        .iter()
        .filter(|(_, c)| matches!((c.schedule.start, c.schedule.end), (Some(s), Some(e)) if s <= e))
        .count();
    assert!(timed > 5, "{timed} items with start <= end");
}

#[test]
fn calendar_items_and_meeting_requests_share_their_calendar_fields() {
    use ews_model::items::MeetingRequest;
    use ews_model::items::calendar::{Attendance, Occurrences, Schedule, Settings};
    let groups = [
        &Schedule::FIELDS,
        &Attendance::FIELDS,
        &Occurrences::FIELDS,
        &Settings::FIELDS,
    ];
    let shared: Vec<_> = groups.iter().flat_map(|g| g.iter()).collect();
    assert_eq!(shared.len(), 38);
    for def in shared {
        let calendar = CalendarItem::FIELDS.get(def.name).unwrap();
        let request = MeetingRequest::FIELDS.get(def.name).unwrap();
        assert_eq!(calendar, def);
        assert_eq!(
            (
                request.uri,
                request.kind,
                request.since,
                request.deprecated_from
            ),
            (
                calendar.uri,
                calendar.kind,
                calendar.since,
                calendar.deprecated_from
            ),
            "{}",
            def.name
        );
        assert!(request.is_read_only(), "{}", def.name);
    }
    // The groups sit where the schema puts them: `IsResponseRequested` between the first two
    // in a calendar item, nothing between them in a meeting request.
    let names =
        |t: &ews_model::fields::FieldTable| -> Vec<&str> { t.iter().map(|f| f.name).collect() };
    let calendar = names(&CalendarItem::FIELDS);
    let at = |n: &[&str], name: &str| n.iter().position(|f| *f == name).unwrap();
    assert_eq!(
        at(&calendar, "is_response_requested"),
        at(&calendar, "meeting_request_was_sent") + 1
    );
    assert_eq!(
        at(&calendar, "calendar_item_type"),
        at(&calendar, "is_response_requested") + 1
    );
    let request = names(&MeetingRequest::FIELDS);
    assert_eq!(
        at(&request, "calendar_item_type"),
        at(&request, "meeting_request_was_sent") + 1
    );
    assert_eq!(
        at(&request, "start"),
        at(&request, "intended_free_busy_status") + 1
    );
}
