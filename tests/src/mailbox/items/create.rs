//! `CreateItem` and `SendItem`: saving, sending and delivering messages, and meeting
//! requests with the attendees' tentative calendar items.

use ews_model::items::calendar::{CalendarItem, CalendarItemType};
use ews_model::items::{Item, MeetingRequest, Message};
use ews_model::operations::{
    CreateItem, CreateItemResponse, ItemInfoResponseMessage, MessageDisposition, MessageStatus,
    SendItem, SendItemResponse, SendMeetingInvitations,
};
use ews_model::properties::{
    Attendee, ItemIdChoice, Mailbox as Address, ResponseType, SingleRecipient,
};
use ews_model::version::ExchangeVersion;
use ews_xml::ResponseCode;

use super::{Ctx, Delivery, id_only, too_new};
use crate::mailbox::Mailbox;
use crate::mailbox::responses::Smart;

/// A field set on `item` that the requested schema version does not have.
pub(super) fn newer_field(
    item: &Item,
    version: ExchangeVersion,
) -> Option<&'static ews_model::fields::FieldDef> {
    item.table().iter().find(|def| {
        !def.is_supported_by(version)
            && match ews_query::field_value(item, def, None) {
                None => false,
                Some(ews_query::Value::List(l)) => !l.is_empty(),
                Some(_) => true,
            }
    })
}

/// Sends `m`: a delivery per recipient on this server; marks the message sent.
pub(in crate::mailbox) fn send(
    m: &mut Message,
    ctx: &Ctx,
    deliveries: &mut Vec<Delivery>,
) -> Result<(), MessageStatus> {
    let recipients: Vec<String> = m
        .to_recipients
        .iter()
        .chain(&m.cc_recipients)
        .chain(&m.bcc_recipients)
        .filter_map(|r| r.email_address.as_deref())
        .map(str::to_lowercase)
        .collect();
    if recipients.is_empty() {
        return Err(MessageStatus::error(
            ResponseCode::ErrorInvalidRecipients,
            "A message must have at least one recipient to be sent.",
        ));
    }
    m.from
        .get_or_insert_with(|| SingleRecipient::from(Address::new(ctx.owner.clone())));
    m.sender = m.from.clone();
    m.item.is_draft = Some(false);
    m.item.datetime_sent = Some(ctx.now);
    m.is_read = Some(true);
    if m.internet_message_id.is_none() {
        m.internet_message_id = Some(format!(
            "<{}.{}@fake-exchange>",
            ctx.now.0.as_millisecond(),
            recipients.len()
        ));
    }
    let mut delivered = m.clone();
    delivered.bcc_recipients.clear();
    for to in recipients {
        deliveries.push(Delivery {
            to,
            item: Item::Message(delivered.clone()),
        });
    }
    Ok(())
}

pub(super) fn uid(rng: &mut crate::mailbox::Rng) -> String {
    rng.bytes(16).iter().map(|b| format!("{b:02X}")).collect()
}

/// The meeting request an organizer's calendar item sends.
pub(super) fn meeting_request(c: &CalendarItem, ctx: &Ctx) -> MeetingRequest {
    let mut r = MeetingRequest::default();
    let m = &mut r.meeting.message;
    m.item.subject = c.item.subject.clone();
    m.item.body = c.item.body.clone();
    m.item.importance = c.item.importance.clone();
    m.item.categories = c.item.categories.clone();
    m.item.datetime_sent = Some(ctx.now);
    m.from = c
        .attendance
        .organizer
        .clone()
        .map(SingleRecipient::from)
        .or_else(|| Some(SingleRecipient::from(Address::new(ctx.owner.clone()))));
    m.sender = m.from.clone();
    m.to_recipients = c
        .attendance
        .required_attendees
        .iter()
        .map(|a| a.mailbox.clone())
        .collect();
    m.cc_recipients = c
        .attendance
        .optional_attendees
        .iter()
        .map(|a| a.mailbox.clone())
        .collect();
    m.is_response_requested = Some(true);
    r.meeting.uid = c.uid.clone();
    r.meeting.response_type = Some(ResponseType::NoResponseReceived);
    r.schedule.start = c.schedule.start;
    r.schedule.end = c.schedule.end;
    r.schedule.location = c.schedule.location.clone();
    r.schedule.is_all_day_event = c.schedule.is_all_day_event;
    r.schedule.is_meeting = Some(true);
    r.schedule.is_recurring = Some(c.occurrences.recurrence.is_some());
    r.attendance.organizer = c.attendance.organizer.clone();
    r.attendance.required_attendees = c.attendance.required_attendees.clone();
    r.attendance.optional_attendees = c.attendance.optional_attendees.clone();
    r.attendance.resources = c.attendance.resources.clone();
    r.occurrences.recurrence = c.occurrences.recurrence.clone();
    r.settings.start_time_zone = c.settings.start_time_zone.clone();
    r.settings.end_time_zone = c.settings.end_time_zone.clone();
    r.attendance.calendar_item_type = c.attendance.calendar_item_type.clone();
    r
}

/// The attendee's tentative calendar item for a meeting request.
pub(super) fn calendar_from_request(r: &MeetingRequest) -> CalendarItem {
    let mut c = CalendarItem::default();
    let m = &r.meeting.message;
    c.item.subject = m.item.subject.clone();
    c.item.body = m.item.body.clone();
    c.item.categories = m.item.categories.clone();
    c.uid = r.meeting.uid.clone();
    c.schedule.start = r.schedule.start;
    c.schedule.end = r.schedule.end;
    c.schedule.location = r.schedule.location.clone();
    c.schedule.is_all_day_event = r.schedule.is_all_day_event;
    c.schedule.is_meeting = Some(true);
    c.attendance.organizer = r.attendance.organizer.clone();
    c.attendance.required_attendees = r.attendance.required_attendees.clone();
    c.attendance.optional_attendees = r.attendance.optional_attendees.clone();
    c.attendance.resources = r.attendance.resources.clone();
    c.occurrences.recurrence = r.occurrences.recurrence.clone();
    c.schedule.is_recurring = Some(r.occurrences.recurrence.is_some());
    c.settings.start_time_zone = r.settings.start_time_zone.clone();
    c.settings.end_time_zone = r.settings.end_time_zone.clone();
    c.attendance.calendar_item_type = Some(if r.occurrences.recurrence.is_some() {
        CalendarItemType::RecurringMaster
    } else {
        CalendarItemType::Single
    });
    c
}

impl Mailbox {
    /// `Err` when the request as a whole fails (its `SavedItemFolderId` names no folder).
    pub(crate) fn create_item(
        &mut self,
        req: &CreateItem,
        ctx: &Ctx,
    ) -> Result<(CreateItemResponse, Vec<Delivery>), MessageStatus> {
        let mut deliveries = Vec::new();
        let saved = self.optional_folder(req.saved_item_folder_id.as_ref())?;
        let mut messages = Vec::with_capacity(req.items.len());
        for item in &req.items {
            let result = self.create_one(req, item.clone(), saved.clone(), ctx, &mut deliveries);
            messages.push(match result {
                Ok(Some(idx)) => ItemInfoResponseMessage::success(id_only(&self.full(idx))),
                Ok(None) => ItemInfoResponseMessage::success_empty(),
                Err(s) => ItemInfoResponseMessage::error(s),
            });
        }
        Ok((CreateItemResponse::new(messages), deliveries))
    }

    pub(super) fn create_one(
        &mut self,
        req: &CreateItem,
        item: Item,
        saved: Option<String>,
        ctx: &Ctx,
        deliveries: &mut Vec<Delivery>,
    ) -> Result<Option<usize>, MessageStatus> {
        if let Some(def) = newer_field(&item, ctx.version) {
            return Err(too_new(def));
        }
        match item {
            Item::Message(mut m) => {
                let Some(disposition) = &req.message_disposition else {
                    return Err(MessageStatus::error(
                        ResponseCode::ErrorMessageDispositionRequired,
                        "MessageDisposition is required for messages.",
                    ));
                };
                m.from
                    .get_or_insert_with(|| SingleRecipient::from(Address::new(ctx.owner.clone())));
                m.item.is_from_me = Some(true);
                match disposition {
                    MessageDisposition::SaveOnly => {
                        m.item.is_draft = Some(true);
                        m.is_read = Some(true);
                        let folder = saved.unwrap_or_else(|| self.dist_id("drafts"));
                        Ok(Some(self.store(folder, Item::Message(m), ctx)))
                    }
                    MessageDisposition::SendOnly => {
                        send(&mut m, ctx, deliveries)?;
                        Ok(None)
                    }
                    MessageDisposition::SendAndSaveCopy => {
                        send(&mut m, ctx, deliveries)?;
                        let folder = saved.unwrap_or_else(|| self.dist_id("sentitems"));
                        self.store(folder, Item::Message(m), ctx);
                        Ok(None)
                    }
                    other => Err(MessageStatus::error(
                        ResponseCode::ErrorInvalidRequest,
                        format!("Unknown MessageDisposition {other:?}."),
                    )),
                }
            }
            Item::CalendarItem(mut c) => {
                if let (Some(s), Some(e)) = (c.schedule.start, c.schedule.end)
                    && e.0 < s.0
                {
                    return Err(MessageStatus::error(
                        ResponseCode::ErrorCalendarEndDateIsEarlierThanStartDate,
                        "The end date is earlier than the start date.",
                    ));
                }
                if let Some(r) = &c.occurrences.recurrence
                    && r.validate().is_err()
                {
                    return Err(MessageStatus::error(
                        ResponseCode::ErrorCalendarInvalidRecurrence,
                        "The recurrence pattern is invalid.",
                    ));
                }
                let attendees: Vec<Attendee> = c
                    .attendance
                    .required_attendees
                    .iter()
                    .chain(&c.attendance.optional_attendees)
                    .chain(&c.attendance.resources)
                    .cloned()
                    .collect();
                let invite = !attendees.is_empty()
                    && matches!(
                        req.send_meeting_invitations,
                        Some(
                            SendMeetingInvitations::SendOnlyToAll
                                | SendMeetingInvitations::SendToAllAndSaveCopy
                        )
                    );
                c.attendance
                    .organizer
                    .get_or_insert_with(|| Address::new(ctx.owner.clone()));
                c.schedule.is_meeting = Some(!attendees.is_empty());
                c.is_organizer = Some(true);
                c.attendance.my_response_type = Some(ResponseType::Organizer);
                c.uid.get_or_insert_with(|| uid(&mut self.rng));
                c.attendance.calendar_item_type = Some(if c.occurrences.recurrence.is_some() {
                    CalendarItemType::RecurringMaster
                } else {
                    CalendarItemType::Single
                });
                c.schedule.is_recurring = Some(c.occurrences.recurrence.is_some());
                if invite {
                    c.schedule.meeting_request_was_sent = Some(true);
                    let request = meeting_request(&c, ctx);
                    for a in &attendees {
                        if let Some(to) = a.mailbox.email_address.as_deref() {
                            deliveries.push(Delivery {
                                to: to.to_lowercase(),
                                item: Item::MeetingRequest(request.clone()),
                            });
                        }
                    }
                }
                let folder = saved.unwrap_or_else(|| self.dist_id("calendar"));
                Ok(Some(self.store(folder, Item::CalendarItem(c), ctx)))
            }
            item @ (Item::Contact(_) | Item::DistributionList(_)) => {
                let folder = saved.unwrap_or_else(|| self.dist_id("contacts"));
                Ok(Some(self.store(folder, item, ctx)))
            }
            item @ Item::Task(_) => {
                let folder = saved.unwrap_or_else(|| self.dist_id("tasks"));
                Ok(Some(self.store(folder, item, ctx)))
            }
            item @ (Item::Item(_) | Item::PostItem(_) | Item::Unknown(_)) => {
                let folder = saved.unwrap_or_else(|| self.dist_id("drafts"));
                Ok(Some(self.store(folder, item, ctx)))
            }
            Item::ReplyToItem(r) => {
                let d = req.message_disposition.as_ref();
                self.smart_response(Smart::Reply, &r, d, saved, ctx, deliveries)
            }
            Item::ReplyAllToItem(r) => {
                let d = req.message_disposition.as_ref();
                self.smart_response(Smart::ReplyAll, &r.response, d, saved, ctx, deliveries)
            }
            Item::ForwardItem(r) => {
                let d = req.message_disposition.as_ref();
                self.smart_response(Smart::Forward, &r, d, saved, ctx, deliveries)
            }
            Item::AcceptItem(r) => {
                let d = req.message_disposition.as_ref();
                self.meeting_reply(ResponseType::Accept, &r, d, ctx, deliveries)
            }
            Item::TentativelyAcceptItem(r) => {
                let d = req.message_disposition.as_ref();
                self.meeting_reply(ResponseType::Tentative, &r, d, ctx, deliveries)
            }
            Item::DeclineItem(r) => {
                let d = req.message_disposition.as_ref();
                self.meeting_reply(ResponseType::Decline, &r, d, ctx, deliveries)
            }
            Item::CancelCalendarItem(r) => {
                self.cancel_meeting(&r, req.message_disposition.as_ref(), ctx, deliveries)
            }
            Item::RemoveItem(r) => self.remove_cancelled(r.reference_item_id.as_ref()),
            // Read receipts are not modelled: nothing to suppress.
            Item::SuppressReadReceipt(r) => {
                self.reference_exists(r.reference_item_id.as_ref())?;
                Ok(None)
            }
            Item::PostReplyItem(r) => self.post_reply(&r, saved, ctx),
            Item::AcceptSharingInvitation(_) => Err(MessageStatus::error(
                ResponseCode::ErrorInvalidItemForOperationCreateItem,
                "FakeExchange does not implement sharing invitations.",
            )),
            _ => Err(MessageStatus::error(
                ResponseCode::ErrorInvalidItemForOperationCreateItem,
                "This kind of item cannot be created.",
            )),
        }
    }

    /// `Err` when the request as a whole fails (its `SavedItemFolderId` names no folder).
    pub(crate) fn send_item(
        &mut self,
        req: &SendItem,
        ctx: &Ctx,
    ) -> Result<(SendItemResponse, Vec<Delivery>), MessageStatus> {
        let mut deliveries = Vec::new();
        let saved = self.optional_folder(req.saved_item_folder_id.as_ref())?;
        let mut messages = Vec::with_capacity(req.item_ids.len());
        for id in &req.item_ids {
            let idx = match self.resolve_whole(
                id,
                ResponseCode::ErrorInvalidItemForOperationSendItem,
                "Only draft messages can be sent.",
            ) {
                Ok(i) => i,
                Err(s) => {
                    messages.push(s);
                    continue;
                }
            };
            if let ItemIdChoice::ItemId(i) = id
                && i.change_key
                    .as_ref()
                    .is_some_and(|k| *k != self.items[idx].change_key)
            {
                messages.push(MessageStatus::error(
                    ResponseCode::ErrorStaleObject,
                    "The change key does not match the current change key of the item.",
                ));
                continue;
            }
            let Item::Message(mut m) = self.items[idx].item.clone() else {
                messages.push(MessageStatus::error(
                    ResponseCode::ErrorInvalidItemForOperationSendItem,
                    "Only draft messages can be sent.",
                ));
                continue;
            };
            if m.item.is_draft == Some(false) {
                messages.push(MessageStatus::error(
                    ResponseCode::ErrorInvalidItemForOperationSendItem,
                    "The message was already sent.",
                ));
                continue;
            }
            if let Err(s) = send(&mut m, ctx, &mut deliveries) {
                messages.push(s);
                continue;
            }
            let id = self.items[idx].id.clone();
            self.remove_item(&id);
            if req.save_item_to_folder {
                let folder = saved.clone().unwrap_or_else(|| self.dist_id("sentitems"));
                self.store(folder, Item::Message(m), ctx);
            }
            messages.push(MessageStatus::success());
        }
        Ok((SendItemResponse::new(messages), deliveries))
    }
}
