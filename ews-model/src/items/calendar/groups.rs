//! The runs of calendar fields that [`CalendarItem`](super::CalendarItem) and
//! [`MeetingRequest`](crate::items::MeetingRequest) share, in the schema's order.
//!
//! `CalendarItemType` and `MeetingRequestMessageType` (`types.xsd`) list the same calendar
//! elements with a few of their own in between, so the shared elements form four runs, each
//! a struct flattened into both types where the schema puts it:
//!
//! | run | `CalendarItem` then | `MeetingRequest` then |
//! |---|---|---|
//! | [`Schedule`]: `Start` … `MeetingRequestWasSent` | `IsResponseRequested` | |
//! | [`Attendance`]: `CalendarItemType` … `Resources` | `InboxReminders` | |
//! | [`Occurrences`]: `ConflictingMeetingCount` … `DeletedOccurrences` | `MeetingTimeZone` | `MeetingTimeZone` |
//! | [`Settings`]: `StartTimeZone` … `NetShowUrl` | `EnhancedLocation` … | `EnhancedLocation`, `ChangeHighlights` … |
//!
//! `MeetingTimeZone` and the elements after `NetShowUrl` differ in version or type between the
//! two and stay fields of each. The field tables here are those of a calendar item; a meeting
//! request chains them read-only.

use ews_xml::{XmlRead, XmlWrite};

use super::{CalendarItemType, LegacyFreeBusy};
use crate::Fields;
use crate::items::Item;
use crate::properties::{Attendee, Mailbox, ResponseType};
use crate::recurrence::{DeletedOccurrence, OccurrenceInfo, Recurrence};
use crate::time::{DateTime, TimeZoneDefinition};

/// When and where, and what became of the meeting: `t:Start` to `t:MeetingRequestWasSent`.
///
/// See [CalendarItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendaritem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct Schedule {
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
}

/// The kind of entry, the owner's answer and who takes part: `t:CalendarItemType` to
/// `t:Resources`.
///
/// See [CalendarItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendaritem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct Attendance {
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
}

/// Conflicts, length, the appointment's state and its recurrence:
/// `t:ConflictingMeetingCount` to `t:DeletedOccurrences`.
///
/// See [CalendarItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendaritem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct Occurrences {
    /// `t:ConflictingMeetingCount`.
    #[field(uri = "calendar:ConflictingMeetingCount", read_only)]
    pub conflicting_meeting_count: Option<i32>,
    /// `t:AdjacentMeetingCount`.
    #[field(uri = "calendar:AdjacentMeetingCount", read_only)]
    pub adjacent_meeting_count: Option<i32>,
    /// `t:ConflictingMeetings`: the calendar items it conflicts with (not written when empty).
    #[xml(wrapper = "ConflictingMeetings", choice)]
    #[field(uri = "calendar:ConflictingMeetings", read_only)]
    pub conflicting_meetings: Vec<Item>,
    /// `t:AdjacentMeetings`: the calendar items next to it (not written when empty).
    #[xml(wrapper = "AdjacentMeetings", choice)]
    #[field(uri = "calendar:AdjacentMeetings", read_only)]
    pub adjacent_meetings: Vec<Item>,
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
}

/// Time zones, conferencing and proposals: `t:StartTimeZone` to `t:NetShowUrl`.
///
/// See [CalendarItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendaritem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct Settings {
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
}
