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
//! assert_eq!(meeting.required_attendees.len(), 2);
//! assert_eq!(meeting.item.subject.as_deref(), Some("Planning"));
//! # Ok::<(), ews_model::time::TimeError>(())
//! ```
//!
//! The elements of `t:CalendarItem` that Exchange Online added with structures of their own
//! (`InboxReminders`, `ConflictingMeetings`, `AdjacentMeetings`, `EnhancedLocation`,
//! `OnlineMeetingSettings`, `CalendarActivityData`) are kept whole as [`Element`] trees: they
//! survive a read and a write, and are skipped by serde.

mod builder;
mod values;

use ews_xml::{Element, XmlRead, XmlWrite};

pub use values::{MeetingTimeZone, TimeChange, TimeChangePattern};

pub use crate::items::{CalendarItemType, LegacyFreeBusy};

use crate::items::ItemBase;
use crate::properties::{Attendee, Mailbox, ResponseType};
use crate::recurrence::{DeletedOccurrence, OccurrenceInfo, Recurrence};
use crate::time::{DateTime, TimeZoneDefinition};

/// An appointment or meeting (`t:CalendarItem`): the item base, then the calendar fields in
/// the schema's order.
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
    /// `t:Start`.
    #[field(uri = "calendar:Start", searchable, required)]
    pub start: Option<DateTime>,
    /// `t:End`.
    #[field(uri = "calendar:End", searchable, required)]
    pub end: Option<DateTime>,
    /// `t:OriginalStart`: the start the recurrence pattern gave an occurrence.
    #[field(uri = "calendar:OriginalStart", searchable, read_only)]
    pub original_start: Option<DateTime>,
    /// `t:IsAllDayEvent`.
    #[field(uri = "calendar:IsAllDayEvent", searchable)]
    pub is_all_day_event: Option<bool>,
    /// `t:LegacyFreeBusy`: how the time shows in free/busy.
    #[field(uri = "calendar:LegacyFreeBusyStatus", searchable)]
    pub legacy_free_busy_status: Option<LegacyFreeBusy>,
    /// `t:Location`.
    #[field(uri = "calendar:Location", searchable)]
    pub location: Option<String>,
    /// `t:When`: a free-text description of when.
    #[field(uri = "calendar:When", searchable)]
    pub when: Option<String>,
    /// `t:IsMeeting`: whether there are attendees.
    #[field(uri = "calendar:IsMeeting", searchable, read_only)]
    pub is_meeting: Option<bool>,
    /// `t:IsCancelled`.
    #[field(uri = "calendar:IsCancelled", searchable, read_only)]
    pub is_cancelled: Option<bool>,
    /// `t:IsRecurring`.
    #[field(uri = "calendar:IsRecurring", searchable, read_only)]
    pub is_recurring: Option<bool>,
    /// `t:MeetingRequestWasSent`.
    #[field(uri = "calendar:MeetingRequestWasSent", searchable, read_only)]
    pub meeting_request_was_sent: Option<bool>,
    /// `t:IsResponseRequested`.
    #[field(uri = "calendar:IsResponseRequested", searchable)]
    pub is_response_requested: Option<bool>,
    /// `t:CalendarItemType`: single, occurrence, exception or recurring master.
    #[field(uri = "calendar:CalendarItemType", searchable, read_only)]
    pub calendar_item_type: Option<CalendarItemType>,
    /// `t:MyResponseType`: the mailbox owner's answer.
    #[field(uri = "calendar:MyResponseType", searchable, read_only)]
    pub my_response_type: Option<ResponseType>,
    /// `t:Organizer/t:Mailbox`.
    #[xml(wrapper = "Organizer", item = "Mailbox")]
    #[field(uri = "calendar:Organizer", searchable, read_only)]
    pub organizer: Option<Mailbox>,
    /// `t:RequiredAttendees/t:Attendee` (not written when empty).
    #[xml(wrapper = "RequiredAttendees", item = "Attendee")]
    #[field(uri = "calendar:RequiredAttendees")]
    pub required_attendees: Vec<Attendee>,
    /// `t:OptionalAttendees/t:Attendee` (not written when empty).
    #[xml(wrapper = "OptionalAttendees", item = "Attendee")]
    #[field(uri = "calendar:OptionalAttendees")]
    pub optional_attendees: Vec<Attendee>,
    /// `t:Resources/t:Attendee`: rooms and equipment (not written when empty).
    #[xml(wrapper = "Resources", item = "Attendee")]
    #[field(uri = "calendar:Resources")]
    pub resources: Vec<Attendee>,
    /// `t:InboxReminders`, kept whole.
    #[cfg_attr(feature = "serde", serde(skip))]
    #[field(uri = "calendar:InboxReminders", since = "V2015_10_05")]
    pub inbox_reminders: Option<Element>,
    /// `t:ConflictingMeetingCount`.
    #[field(uri = "calendar:ConflictingMeetingCount", read_only)]
    pub conflicting_meeting_count: Option<i32>,
    /// `t:AdjacentMeetingCount`.
    #[field(uri = "calendar:AdjacentMeetingCount", read_only)]
    pub adjacent_meeting_count: Option<i32>,
    /// `t:ConflictingMeetings` (items), kept whole.
    #[cfg_attr(feature = "serde", serde(skip))]
    #[field(uri = "calendar:ConflictingMeetings", read_only)]
    pub conflicting_meetings: Option<Element>,
    /// `t:AdjacentMeetings` (items), kept whole.
    #[cfg_attr(feature = "serde", serde(skip))]
    #[field(uri = "calendar:AdjacentMeetings", read_only)]
    pub adjacent_meetings: Option<Element>,
    /// `t:Duration`: the length as the server writes it (`PT1H`).
    #[field(uri = "calendar:Duration", read_only)]
    pub duration: Option<String>,
    /// `t:TimeZone`: the display name of the organizer's time zone.
    #[field(uri = "calendar:TimeZone", read_only)]
    pub time_zone: Option<String>,
    /// `t:AppointmentReplyTime`.
    #[field(uri = "calendar:AppointmentReplyTime", searchable, read_only)]
    pub appointment_reply_time: Option<DateTime>,
    /// `t:AppointmentSequenceNumber`.
    #[field(uri = "calendar:AppointmentSequenceNumber", searchable, read_only)]
    pub appointment_sequence_number: Option<i32>,
    /// `t:AppointmentState`: a bit mask (1 meeting, 2 received, 4 cancelled).
    #[field(uri = "calendar:AppointmentState", searchable, read_only)]
    pub appointment_state: Option<i32>,
    /// `t:Recurrence`: the pattern and range of a recurring master.
    #[field(uri = "calendar:Recurrence")]
    pub recurrence: Option<Recurrence>,
    /// `t:FirstOccurrence` of a recurring master.
    #[field(uri = "calendar:FirstOccurrence", read_only)]
    pub first_occurrence: Option<OccurrenceInfo>,
    /// `t:LastOccurrence` of a recurring master.
    #[field(uri = "calendar:LastOccurrence", read_only)]
    pub last_occurrence: Option<OccurrenceInfo>,
    /// `t:ModifiedOccurrences/t:Occurrence` (not written when empty).
    #[xml(wrapper = "ModifiedOccurrences", item = "Occurrence")]
    #[field(uri = "calendar:ModifiedOccurrences", read_only)]
    pub modified_occurrences: Vec<OccurrenceInfo>,
    /// `t:DeletedOccurrences/t:DeletedOccurrence` (not written when empty).
    #[xml(wrapper = "DeletedOccurrences", item = "DeletedOccurrence")]
    #[field(uri = "calendar:DeletedOccurrences", read_only)]
    pub deleted_occurrences: Vec<DeletedOccurrence>,
    /// `t:MeetingTimeZone`: the Exchange 2007 form of the time zone.
    #[field(uri = "calendar:MeetingTimeZone", deprecated = "Exchange2010")]
    pub meeting_time_zone: Option<MeetingTimeZone>,
    /// `t:StartTimeZone`: the time zone of the start.
    #[field(uri = "calendar:StartTimeZone", since = "Exchange2010")]
    pub start_time_zone: Option<TimeZoneDefinition>,
    /// `t:EndTimeZone`: the time zone of the end.
    #[field(uri = "calendar:EndTimeZone", since = "Exchange2010")]
    pub end_time_zone: Option<TimeZoneDefinition>,
    /// `t:ConferenceType`: 0 NetMeeting, 1 NetShow, 2 chat.
    #[field(uri = "calendar:ConferenceType", searchable)]
    pub conference_type: Option<i32>,
    /// `t:AllowNewTimeProposal`.
    #[field(uri = "calendar:AllowNewTimeProposal", searchable)]
    pub allow_new_time_proposal: Option<bool>,
    /// `t:IsOnlineMeeting`.
    #[field(uri = "calendar:IsOnlineMeeting", searchable, read_only)]
    pub is_online_meeting: Option<bool>,
    /// `t:MeetingWorkspaceUrl`.
    #[field(uri = "calendar:MeetingWorkspaceUrl", searchable)]
    pub meeting_workspace_url: Option<String>,
    /// `t:NetShowUrl`.
    #[field(uri = "calendar:NetShowUrl", searchable)]
    pub net_show_url: Option<String>,
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
