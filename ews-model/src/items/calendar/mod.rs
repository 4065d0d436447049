//! Calendar items: appointments and meetings (`t:CalendarItem`, `CalendarItemType` of
//! `types.xsd`).
//!
//! ```
//! use ews_model::items::calendar::CalendarItem;
//! use ews_model::time::DateTime;
//!
//! let start: DateTime = "2026-03-02T09:00:00Z".parse()?;
//! let end: DateTime = "2026-03-02T10:00:00Z".parse()?;
//! let meeting = CalendarItem::new()
//!     .subject("Planning")
//!     .start(start)
//!     .end(end)
//!     .location("Room 1")
//!     .required_attendees(["ann@example.test", "bob@example.test"]);
//! assert_eq!(meeting.attendance.required_attendees.len(), 2);
//! assert_eq!(meeting.item.subject.as_deref(), Some("Planning"));
//! # Ok::<(), ews_model::time::TimeError>(())
//! ```
//!
//! The elements of `t:CalendarItem` that Exchange Online added with structures of their own
//! (`InboxReminders`, `EnhancedLocation`, `OnlineMeetingSettings`, `CalendarActivityData`) are
//! kept whole as [`Element`] trees: they survive a read and a write, and are skipped by serde.
//! `ConflictingMeetings` and `AdjacentMeetings` are read as items, as in a meeting request.

mod builder;
mod groups;
mod values;

use ews_xml::{Element, XmlRead, XmlWrite};

pub use groups::{Attendance, Occurrences, Schedule, Settings};
pub use values::{MeetingTimeZone, TimeChange, TimeChangePattern};

pub use crate::items::{CalendarItemType, LegacyFreeBusy};

use crate::items::ItemBase;
use crate::time::DateTime;

/// An appointment or meeting (`t:CalendarItem`): the item base, then the calendar fields in
/// the schema's order; the runs of them a [`MeetingRequest`](crate::items::MeetingRequest)
/// shares are groups ([`Schedule`], [`Attendance`], [`Occurrences`], [`Settings`]), so
/// `item.schedule.start`, `item.attendance.required_attendees`, ...
///
/// Fields marked read-only in the field table ([`HasFields`](crate::fields::HasFields)) are set
/// by the server: leave them `None` in requests.
///
/// See [CalendarItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendaritem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, crate::Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "CalendarItem")]
#[non_exhaustive]
pub struct CalendarItem {
    /// The fields every item has.
    #[xml(flatten)]
    #[field(base)]
    pub item: ItemBase,
    /// `t:UID`: the iCalendar UID, the same in every copy of a meeting.
    #[xml(name = "UID")]
    #[field(uri = "calendar:UID", since = "Exchange2007_SP1")]
    pub uid: Option<String>,
    /// `t:RecurrenceId`: the original start of an occurrence (iCalendar `RECURRENCE-ID`).
    #[field(uri = "calendar:RecurrenceId", read_only, since = "Exchange2007_SP1")]
    pub recurrence_id: Option<DateTime>,
    /// `t:DateTimeStamp`: when the meeting object was created (iCalendar `DTSTAMP`).
    #[field(uri = "calendar:DateTimeStamp", read_only, since = "Exchange2007_SP1")]
    pub date_time_stamp: Option<DateTime>,
    /// `t:Start` to `t:MeetingRequestWasSent`: when and where.
    #[xml(flatten)]
    #[field(group)]
    pub schedule: Schedule,
    /// `t:IsResponseRequested`.
    #[field(uri = "calendar:IsResponseRequested", searchable)]
    pub is_response_requested: Option<bool>,
    /// `t:CalendarItemType` to `t:Resources`: the kind of entry, the owner's answer, the
    /// organizer and attendees.
    #[xml(flatten)]
    #[field(group)]
    pub attendance: Attendance,
    /// `t:InboxReminders`, kept whole.
    #[cfg_attr(feature = "serde", serde(skip))]
    #[field(uri = "calendar:InboxReminders", since = "V2015_10_05")]
    pub inbox_reminders: Option<Element>,
    /// `t:ConflictingMeetingCount` to `t:DeletedOccurrences`: conflicts, length, state and
    /// recurrence.
    #[xml(flatten)]
    #[field(group)]
    pub occurrences: Occurrences,
    /// `t:MeetingTimeZone`: the Exchange 2007 form of the time zone.
    #[field(uri = "calendar:MeetingTimeZone", deprecated = "Exchange2010")]
    pub meeting_time_zone: Option<MeetingTimeZone>,
    /// `t:StartTimeZone` to `t:NetShowUrl`: time zones and conferencing.
    #[xml(flatten)]
    #[field(group)]
    pub settings: Settings,
    /// `t:EnhancedLocation`, kept whole.
    #[cfg_attr(feature = "serde", serde(skip))]
    #[field(uri = "calendar:EnhancedLocation", since = "V2015_10_05")]
    pub enhanced_location: Option<Element>,
    /// `t:StartWallClock`.
    #[field(uri = "calendar:StartWallClock", read_only, since = "V2015_10_05")]
    pub start_wall_clock: Option<DateTime>,
    /// `t:EndWallClock`.
    #[field(uri = "calendar:EndWallClock", read_only, since = "V2015_10_05")]
    pub end_wall_clock: Option<DateTime>,
    /// `t:StartTimeZoneId`.
    #[field(uri = "calendar:StartTimeZoneId", read_only, since = "V2015_10_05")]
    pub start_time_zone_id: Option<String>,
    /// `t:EndTimeZoneId`.
    #[field(uri = "calendar:EndTimeZoneId", read_only, since = "V2015_10_05")]
    pub end_time_zone_id: Option<String>,
    /// `t:IntendedFreeBusyStatus`: the status the organizer meant attendees to show (no
    /// `FieldURI` of its own: not in the field table).
    pub intended_free_busy_status: Option<LegacyFreeBusy>,
    /// `t:JoinOnlineMeetingUrl`.
    #[field(
        uri = "calendar:JoinOnlineMeetingUrl",
        read_only,
        since = "Exchange2013"
    )]
    pub join_online_meeting_url: Option<String>,
    /// `t:OnlineMeetingSettings`, kept whole.
    #[cfg_attr(feature = "serde", serde(skip))]
    #[field(
        uri = "calendar:OnlineMeetingSettings",
        read_only,
        since = "Exchange2013"
    )]
    pub online_meeting_settings: Option<Element>,
    /// `t:IsOrganizer`: whether the mailbox owner organizes the meeting.
    #[field(
        uri = "calendar:IsOrganizer",
        searchable,
        read_only,
        since = "Exchange2013"
    )]
    pub is_organizer: Option<bool>,
    /// `t:CalendarActivityData`, kept whole.
    #[cfg_attr(feature = "serde", serde(skip))]
    #[field(
        uri = "calendar:CalendarActivityData",
        read_only,
        since = "V2015_10_05"
    )]
    pub calendar_activity_data: Option<Element>,
    /// `t:DoNotForwardMeeting`.
    #[field(uri = "calendar:DoNotForwardMeeting", since = "V2015_10_05")]
    pub do_not_forward_meeting: Option<bool>,
}
