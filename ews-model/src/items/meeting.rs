//! The meeting messages: [`MeetingMessage`] and its kinds [`MeetingRequest`],
//! [`MeetingResponse`] and [`MeetingCancellation`].
//!
//! They are messages about a calendar item; requests carry the calendar item's details
//! (modelled here as the schema lists them in `MeetingRequestMessageType`), sharing the
//! runs of fields a [`CalendarItem`](super::calendar::CalendarItem) has
//! ([`calendar::Schedule`](super::calendar::Schedule) and the others), read-only; responses
//! and cancellations share a shorter run, [`MeetingSlot`].

use ews_xml::{Element, XmlRead, XmlWrite};

use super::calendar::{Attendance, Occurrences, Schedule, Settings};
use super::message::Message;
use super::values::{LegacyFreeBusy, MeetingRequestType};
use crate::Fields;
use crate::properties::{ItemId, ResponseType};
use crate::recurrence::Recurrence;
use crate::time::DateTime;

/// A message about a meeting (`t:MeetingMessageType`), the base of requests, responses and
/// cancellations.
///
/// See [MeetingMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/meetingmessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MeetingMessage {
    /// The message elements (item base first).
    #[xml(flatten)]
    #[field(base)]
    pub message: Message,
    /// `t:AssociatedCalendarItemId`: the calendar item the message is about.
    #[field(uri = "meeting:AssociatedCalendarItemId", read_only)]
    pub associated_calendar_item_id: Option<ItemId>,
    /// `t:IsDelegated`: handled by a delegate.
    #[field(uri = "meeting:IsDelegated", read_only)]
    pub is_delegated: Option<bool>,
    /// `t:IsOutOfDate`: a newer message about the meeting exists.
    #[field(uri = "meeting:IsOutOfDate", read_only)]
    pub is_out_of_date: Option<bool>,
    /// `t:HasBeenProcessed`: the calendar was updated from it.
    #[field(uri = "meeting:HasBeenProcessed", read_only)]
    pub has_been_processed: Option<bool>,
    /// `t:ResponseType`: the recipient's answer.
    #[field(uri = "meeting:ResponseType", read_only)]
    pub response_type: Option<ResponseType>,
    /// `t:UID`: the iCalendar UID of the meeting.
    #[xml(name = "UID")]
    #[field(
        uri = "calendar:UID",
        searchable,
        read_only,
        since = "Exchange2007_SP1"
    )]
    pub uid: Option<String>,
    /// `t:RecurrenceId`: the original start of the occurrence it is about.
    #[field(uri = "calendar:RecurrenceId", read_only, since = "Exchange2007_SP1")]
    pub recurrence_id: Option<DateTime>,
    /// `t:DateTimeStamp`: when the message was created.
    #[field(uri = "calendar:DateTimeStamp", read_only, since = "Exchange2007_SP1")]
    pub date_time_stamp: Option<DateTime>,
    /// `t:IsOrganizer`.
    #[field(uri = "calendar:IsOrganizer", read_only, since = "Exchange2013")]
    pub is_organizer: Option<bool>,
}

/// An invitation to a meeting or an update of one (`t:MeetingRequestMessageType`), with the
/// meeting's calendar details.
///
/// See [MeetingRequest](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/meetingrequest).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MeetingRequest {
    /// The meeting message elements.
    #[xml(flatten)]
    #[field(base)]
    pub meeting: MeetingMessage,
    /// `t:MeetingRequestType`: new, full or informational update...
    #[field(uri = "meetingRequest:MeetingRequestType", read_only)]
    pub meeting_request_type: Option<MeetingRequestType>,
    /// `t:IntendedFreeBusyStatus`: the organizer's free/busy status for the meeting.
    #[field(uri = "meetingRequest:IntendedFreeBusyStatus", read_only)]
    pub intended_free_busy_status: Option<LegacyFreeBusy>,
    /// `t:Start` to `t:MeetingRequestWasSent`, read-only.
    #[xml(flatten)]
    #[field(group, read_only)]
    pub schedule: Schedule,
    /// `t:CalendarItemType` to `t:Resources`, read-only.
    #[xml(flatten)]
    #[field(group, read_only)]
    pub attendance: Attendance,
    /// `t:ConflictingMeetingCount` to `t:DeletedOccurrences`, read-only.
    #[xml(flatten)]
    #[field(group, read_only)]
    pub occurrences: Occurrences,
    /// `t:MeetingTimeZone` (the Exchange 2007 time zone form); unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "calendar:MeetingTimeZone", read_only)]
    pub meeting_time_zone: Option<Element>,
    /// `t:StartTimeZone` to `t:NetShowUrl`, read-only.
    #[xml(flatten)]
    #[field(group, read_only)]
    pub settings: Settings,
    /// `t:EnhancedLocation`; unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "calendar:EnhancedLocation", read_only, since = "Exchange2016")]
    pub enhanced_location: Option<Element>,
    /// `t:ChangeHighlights`: what changed in an update; unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(
        uri = "meetingRequest:ChangeHighlights",
        read_only,
        since = "Exchange2016"
    )]
    pub change_highlights: Option<Element>,
    /// `t:StartWallClock`.
    #[field(uri = "calendar:StartWallClock", read_only, since = "Exchange2016")]
    pub start_wall_clock: Option<DateTime>,
    /// `t:EndWallClock`.
    #[field(uri = "calendar:EndWallClock", read_only, since = "Exchange2016")]
    pub end_wall_clock: Option<DateTime>,
    /// `t:StartTimeZoneId`.
    #[field(uri = "calendar:StartTimeZoneId", read_only, since = "Exchange2016")]
    pub start_time_zone_id: Option<String>,
    /// `t:EndTimeZoneId`.
    #[field(uri = "calendar:EndTimeZoneId", read_only, since = "Exchange2016")]
    pub end_time_zone_id: Option<String>,
    /// `t:DoNotForwardMeeting`.
    #[field(uri = "meeting:DoNotForwardMeeting", read_only, since = "Exchange2016")]
    pub do_not_forward_meeting: Option<bool>,
}

/// An attendee's answer to a meeting request, as the organizer receives it
/// (`t:MeetingResponseMessageType`).
///
/// See [MeetingResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/meetingresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MeetingResponse {
    /// The meeting message elements.
    #[xml(flatten)]
    #[field(base)]
    pub meeting: MeetingMessage,
    /// `t:Start` to `t:CalendarItemType`.
    #[xml(flatten)]
    #[field(group)]
    pub slot: MeetingSlot,
    /// `t:ProposedStart`: the start the attendee proposes.
    #[field(uri = "meeting:ProposedStart", read_only, since = "Exchange2013")]
    pub proposed_start: Option<DateTime>,
    /// `t:ProposedEnd`: the end the attendee proposes.
    #[field(uri = "meeting:ProposedEnd", read_only, since = "Exchange2013")]
    pub proposed_end: Option<DateTime>,
    /// `t:EnhancedLocation`; unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "calendar:EnhancedLocation", read_only, since = "Exchange2016")]
    pub enhanced_location: Option<Element>,
}

/// The cancellation of a meeting, as attendees receive it
/// (`t:MeetingCancellationMessageType`).
///
/// See [MeetingCancellation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/meetingcancellation).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MeetingCancellation {
    /// The meeting message elements.
    #[xml(flatten)]
    #[field(base)]
    pub meeting: MeetingMessage,
    /// `t:Start` to `t:CalendarItemType`.
    #[xml(flatten)]
    #[field(group)]
    pub slot: MeetingSlot,
    /// `t:EnhancedLocation`; unmodelled.
    #[cfg_attr(feature = "serde", serde(with = "crate::unmodelled::opt"))]
    #[field(uri = "calendar:EnhancedLocation", read_only, since = "Exchange2016")]
    pub enhanced_location: Option<Element>,
    /// `t:DoNotForwardMeeting`.
    #[field(uri = "meeting:DoNotForwardMeeting", read_only, since = "Exchange2016")]
    pub do_not_forward_meeting: Option<bool>,
}

/// The meeting's time and place as a response or a cancellation carries them: `t:Start` to
/// `t:CalendarItemType`, read-only. (A request carries the calendar item's whole
/// [`Schedule`] instead.)
///
/// See [MeetingResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/meetingresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct MeetingSlot {
    /// `t:Start`.
    #[field(uri = "calendar:Start", searchable, read_only)]
    pub start: Option<DateTime>,
    /// `t:End`.
    #[field(uri = "calendar:End", searchable, read_only)]
    pub end: Option<DateTime>,
    /// `t:Location`.
    #[field(uri = "calendar:Location", searchable, read_only)]
    pub location: Option<String>,
    /// `t:Recurrence`.
    #[field(uri = "calendar:Recurrence", read_only)]
    pub recurrence: Option<Recurrence>,
    /// `t:CalendarItemType` (a plain string in this type).
    #[field(uri = "calendar:CalendarItemType", read_only)]
    pub calendar_item_type: Option<String>,
}
