//! Builder methods of [`CalendarItem`].

use super::{CalendarItem, LegacyFreeBusy};
use crate::properties::{Attendee, Mailbox};
use crate::recurrence::Recurrence;
use crate::time::{DateTime, TimeZoneDefinition};

impl CalendarItem {
    /// An empty calendar item, to fill with the builder methods.
    pub fn new() -> Self {
        Self::default()
    }

    /// With the subject (`t:Subject` of the item base).
    #[must_use]
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.item.subject = Some(subject.into());
        self
    }

    /// With the start.
    #[must_use]
    pub fn start(mut self, start: DateTime) -> Self {
        self.schedule.start = Some(start);
        self
    }

    /// With the end.
    #[must_use]
    pub fn end(mut self, end: DateTime) -> Self {
        self.schedule.end = Some(end);
        self
    }

    /// As an all-day event (or not).
    #[must_use]
    pub fn all_day(mut self, all_day: bool) -> Self {
        self.schedule.is_all_day_event = Some(all_day);
        self
    }

    /// With the free/busy status.
    #[must_use]
    pub fn free_busy(mut self, status: LegacyFreeBusy) -> Self {
        self.schedule.legacy_free_busy_status = Some(status);
        self
    }

    /// With the location.
    #[must_use]
    pub fn location(mut self, location: impl Into<String>) -> Self {
        self.schedule.location = Some(location.into());
        self
    }

    /// With these required attendees (replacing any), each without a response yet.
    #[must_use]
    pub fn required_attendees<M: Into<Mailbox>>(
        mut self,
        attendees: impl IntoIterator<Item = M>,
    ) -> Self {
        self.attendance.required_attendees = attendees.into_iter().map(Attendee::new).collect();
        self
    }

    /// With these optional attendees (replacing any).
    #[must_use]
    pub fn optional_attendees<M: Into<Mailbox>>(
        mut self,
        attendees: impl IntoIterator<Item = M>,
    ) -> Self {
        self.attendance.optional_attendees = attendees.into_iter().map(Attendee::new).collect();
        self
    }

    /// With these resources (rooms, equipment; replacing any).
    #[must_use]
    pub fn resources<M: Into<Mailbox>>(mut self, resources: impl IntoIterator<Item = M>) -> Self {
        self.attendance.resources = resources.into_iter().map(Attendee::new).collect();
        self
    }

    /// As the recurring master of `recurrence`.
    #[must_use]
    pub fn recurrence(mut self, recurrence: Recurrence) -> Self {
        self.occurrences.recurrence = Some(recurrence);
        self
    }

    /// With the time zones of start and end (Exchange 2010 and later).
    #[must_use]
    pub fn time_zones(mut self, start: TimeZoneDefinition, end: TimeZoneDefinition) -> Self {
        self.settings.start_time_zone = Some(start);
        self.settings.end_time_zone = Some(end);
        self
    }

    /// Whether attendees are asked to respond.
    #[must_use]
    pub fn response_requested(mut self, requested: bool) -> Self {
        self.is_response_requested = Some(requested);
        self
    }

    /// Whether attendees may propose another time.
    #[must_use]
    pub fn allow_new_time_proposal(mut self, allow: bool) -> Self {
        self.settings.allow_new_time_proposal = Some(allow);
        self
    }

    /// All attendees: required, optional and resources, in that order.
    pub fn attendees(&self) -> impl Iterator<Item = &Attendee> {
        self.attendance
            .required_attendees
            .iter()
            .chain(&self.attendance.optional_attendees)
            .chain(&self.attendance.resources)
    }
}
