//! Response objects created with `CreateItem`: replies and forwards, meeting responses,
//! cancellations, and what their delivery changes in the receiving mailbox.

use ews_model::items::calendar::CalendarItem;
use ews_model::items::{
    Item, MeetingCancellation, MeetingReply, MeetingResponse, Message, PostItem, PostReplyItem,
    SmartResponse,
};
use ews_model::operations::{MessageDisposition, MessageStatus};
use ews_model::properties::{Body, Mailbox as Address, ResponseType, SingleRecipient};
use ews_xml::ResponseCode;

use super::Mailbox;
use super::items::{Ctx, Delivery, send};

/// Which smart response.
#[derive(Debug, Clone, Copy)]
pub(super) enum Smart {
    Reply,
    ReplyAll,
    Forward,
}

fn reference_missing() -> MessageStatus {
    MessageStatus::error(
        ResponseCode::ErrorItemNotFound,
        "The reference item of the response object was not found.",
    )
}

fn same(a: &Address, b: &str) -> bool {
    a.email_address
        .as_deref()
        .is_some_and(|x| x.eq_ignore_ascii_case(b))
}

impl Mailbox {
    /// Whether the item a response object refers to exists.
    pub(super) fn reference_exists(
        &self,
        id: Option<&ews_model::properties::ItemId>,
    ) -> Result<(), MessageStatus> {
        self.reference(id).map(|_| ())
    }

    /// The stored item a response object refers to.
    fn reference(
        &self,
        id: Option<&ews_model::properties::ItemId>,
    ) -> Result<usize, MessageStatus> {
        let id = id.ok_or_else(reference_missing)?;
        self.item_index(id.id.trim()).ok_or_else(reference_missing)
    }

    /// A reply, reply-all or forward of a stored message.
    pub(super) fn smart_response(
        &mut self,
        kind: Smart,
        r: &SmartResponse,
        disposition: Option<&MessageDisposition>,
        saved: Option<String>,
        ctx: &Ctx,
        deliveries: &mut Vec<Delivery>,
    ) -> Result<Option<usize>, MessageStatus> {
        let idx = self.reference(r.reference_item_id.as_ref())?;
        let original = self.items[idx].item.clone();
        let base = original.base().cloned().unwrap_or_default();
        let message = original.message().cloned();
        let mut m = Message::new();
        let prefix = match kind {
            Smart::Forward => "FW: ",
            _ => "RE: ",
        };
        m.item.subject =
            Some(r.subject.clone().unwrap_or_else(|| {
                format!("{prefix}{}", base.subject.clone().unwrap_or_default())
            }));
        let quoted = base
            .body
            .as_ref()
            .map(|b| b.content.clone())
            .unwrap_or_default();
        let new = r
            .new_body_content
            .as_ref()
            .or(r.body.as_ref())
            .map(|b| b.content.clone())
            .unwrap_or_default();
        m.item.body = Some(Body::text(format!("{new}\n\n-----\n{quoted}")));
        let sender = message
            .as_ref()
            .and_then(|o| o.from.clone().or_else(|| o.sender.clone()))
            .map(|s| s.mailbox);
        match kind {
            Smart::Reply => m.to_recipients.extend(sender),
            Smart::ReplyAll => {
                m.to_recipients.extend(sender);
                if let Some(o) = &message {
                    m.to_recipients.extend(
                        o.to_recipients
                            .iter()
                            .filter(|a| !same(a, &ctx.owner))
                            .cloned(),
                    );
                    m.cc_recipients.extend(
                        o.cc_recipients
                            .iter()
                            .filter(|a| !same(a, &ctx.owner))
                            .cloned(),
                    );
                }
            }
            Smart::Forward => {}
        }
        m.to_recipients.extend(r.to_recipients.iter().cloned());
        m.cc_recipients.extend(r.cc_recipients.iter().cloned());
        m.bcc_recipients.extend(r.bcc_recipients.iter().cloned());
        if let Some(o) = &message {
            m.in_reply_to_from(o);
        }
        m.from = r
            .from
            .clone()
            .or_else(|| Some(SingleRecipient::from(Address::new(ctx.owner.clone()))));
        self.file_or_send(m, disposition, saved, ctx, deliveries)
    }

    /// Saves `m` as a draft or sends it, as `disposition` says.
    fn file_or_send(
        &mut self,
        mut m: Message,
        disposition: Option<&MessageDisposition>,
        saved: Option<String>,
        ctx: &Ctx,
        deliveries: &mut Vec<Delivery>,
    ) -> Result<Option<usize>, MessageStatus> {
        match disposition {
            None => Err(MessageStatus::error(
                ResponseCode::ErrorMessageDispositionRequired,
                "MessageDisposition is required for response objects.",
            )),
            Some(MessageDisposition::SaveOnly) => {
                m.item.is_draft = Some(true);
                let folder = saved.unwrap_or_else(|| self.dist_id("drafts"));
                Ok(Some(self.store(folder, Item::Message(m), ctx)))
            }
            Some(MessageDisposition::SendOnly) => {
                send(&mut m, ctx, deliveries)?;
                Ok(None)
            }
            Some(_) => {
                send(&mut m, ctx, deliveries)?;
                let folder = saved.unwrap_or_else(|| self.dist_id("sentitems"));
                self.store(folder, Item::Message(m), ctx);
                Ok(None)
            }
        }
    }

    /// Accept, tentatively accept or decline a meeting request (or the calendar item it
    /// placed): the attendee's calendar item records the answer (a declined one goes to
    /// Deleted Items, like the request itself), and unless saved only, the organizer gets a
    /// `MeetingResponse`.
    pub(super) fn meeting_reply(
        &mut self,
        answer: ResponseType,
        r: &MeetingReply,
        disposition: Option<&MessageDisposition>,
        ctx: &Ctx,
        deliveries: &mut Vec<Delivery>,
    ) -> Result<Option<usize>, MessageStatus> {
        let idx = self.reference(r.reference_item_id.as_ref())?;
        let (uid, organizer, start, end, subject) = match &self.items[idx].item {
            Item::MeetingRequest(m) => (
                m.meeting.uid.clone(),
                m.attendance.organizer.clone(),
                m.schedule.start,
                m.schedule.end,
                m.meeting.message.item.subject.clone(),
            ),
            Item::CalendarItem(c) if c.is_organizer != Some(true) => (
                c.uid.clone(),
                c.attendance.organizer.clone(),
                c.schedule.start,
                c.schedule.end,
                c.item.subject.clone(),
            ),
            _ => {
                let code = match answer {
                    ResponseType::Decline => ResponseCode::ErrorInvalidItemForOperationDeclineItem,
                    ResponseType::Tentative => ResponseCode::ErrorInvalidItemForOperationTentative,
                    _ => ResponseCode::ErrorInvalidItemForOperationAcceptItem,
                };
                return Err(MessageStatus::error(
                    code,
                    "Only meeting requests and attendees' calendar items can be answered.",
                ));
            }
        };
        let request_id = matches!(self.items[idx].item, Item::MeetingRequest(_))
            .then(|| self.items[idx].id.clone());
        let deleted = self.dist_id("deleteditems");
        if let Some(c) = self.calendar_by_uid(uid.as_deref()) {
            if let Item::CalendarItem(cal) = &mut self.items[c].item {
                cal.attendance.my_response_type = Some(answer.clone());
            }
            self.items[c].change_key = self.new_change_key();
            if matches!(answer, ResponseType::Decline) {
                self.move_to(c, deleted.clone());
            }
        }
        if let Some(id) = request_id
            && let Some(i) = self.item_index(&id)
        {
            self.move_to(i, deleted);
        }
        if matches!(disposition, Some(MessageDisposition::SaveOnly)) {
            return Ok(None);
        }
        let Some(to) = organizer.and_then(|o| o.email_address) else {
            return Ok(None);
        };
        let mut response = MeetingResponse::default();
        let m = &mut response.meeting.message;
        let verb = match answer {
            ResponseType::Accept => "Accepted",
            ResponseType::Tentative => "Tentative",
            _ => "Declined",
        };
        m.item.subject = Some(format!("{verb}: {}", subject.unwrap_or_default()));
        m.item.body = r.body.clone();
        m.from = Some(SingleRecipient::from(Address::new(ctx.owner.clone())));
        m.sender = m.from.clone();
        m.to_recipients = vec![Address::new(to.clone())];
        m.item.datetime_sent = Some(ctx.now);
        response.meeting.uid = uid;
        response.meeting.response_type = Some(answer);
        response.slot.start = start;
        response.slot.end = end;
        response.proposed_start = r.proposed_start;
        response.proposed_end = r.proposed_end;
        deliveries.push(Delivery {
            to: to.to_lowercase(),
            item: Item::MeetingResponse(response),
        });
        Ok(None)
    }

    /// The organizer cancels a meeting: attendees get a `MeetingCancellation`, the calendar
    /// item goes to Deleted Items.
    pub(super) fn cancel_meeting(
        &mut self,
        r: &SmartResponse,
        disposition: Option<&MessageDisposition>,
        ctx: &Ctx,
        deliveries: &mut Vec<Delivery>,
    ) -> Result<Option<usize>, MessageStatus> {
        let idx = self.reference(r.reference_item_id.as_ref())?;
        let Item::CalendarItem(c) = self.items[idx].item.clone() else {
            return Err(MessageStatus::error(
                ResponseCode::ErrorInvalidItemForOperationCancelItem,
                "Only calendar items can be cancelled.",
            ));
        };
        if c.is_organizer == Some(false) {
            return Err(MessageStatus::error(
                ResponseCode::ErrorInvalidItemForOperationCancelItem,
                "Only the organizer can cancel a meeting.",
            ));
        }
        let deleted = self.dist_id("deleteditems");
        self.move_to(idx, deleted);
        if matches!(disposition, Some(MessageDisposition::SaveOnly)) {
            return Ok(None);
        }
        let mut cancel = MeetingCancellation::default();
        let m = &mut cancel.meeting.message;
        m.item.subject = Some(r.subject.clone().unwrap_or_else(|| {
            format!("Canceled: {}", c.item.subject.clone().unwrap_or_default())
        }));
        m.item.body = r.new_body_content.clone().or_else(|| r.body.clone());
        m.from = Some(SingleRecipient::from(Address::new(ctx.owner.clone())));
        m.sender = m.from.clone();
        m.item.datetime_sent = Some(ctx.now);
        cancel.meeting.uid = c.uid.clone();
        cancel.slot.start = c.schedule.start;
        cancel.slot.end = c.schedule.end;
        cancel.slot.location = c.schedule.location.clone();
        for a in c
            .attendance
            .required_attendees
            .iter()
            .chain(&c.attendance.optional_attendees)
            .chain(&c.attendance.resources)
        {
            if let Some(to) = a.mailbox.email_address.as_deref() {
                cancel.meeting.message.to_recipients.push(a.mailbox.clone());
                deliveries.push(Delivery {
                    to: to.to_lowercase(),
                    item: Item::MeetingCancellation(cancel.clone()),
                });
            }
        }
        Ok(None)
    }

    /// An attendee removes a cancelled meeting from the calendar.
    pub(super) fn remove_cancelled(
        &mut self,
        reference: Option<&ews_model::properties::ItemId>,
    ) -> Result<Option<usize>, MessageStatus> {
        let idx = self.reference(reference)?;
        let Item::MeetingCancellation(c) = &self.items[idx].item else {
            return Err(MessageStatus::error(
                ResponseCode::ErrorInvalidItemForOperationRemoveItem,
                "Only meeting cancellations can be removed.",
            ));
        };
        let uid = c.meeting.uid.clone();
        if let Some(cal) = self.calendar_by_uid(uid.as_deref()) {
            let id = self.items[cal].id.clone();
            self.remove_item(&id);
        }
        let deleted = self.dist_id("deleteditems");
        if let Some(i) = self
            .items
            .iter()
            .position(|r| matches!(&r.item, Item::MeetingCancellation(m) if m.meeting.uid == uid))
        {
            self.move_to(i, deleted);
        }
        Ok(None)
    }

    /// A reply to a post item, filed in the post's folder (or `saved`).
    pub(super) fn post_reply(
        &mut self,
        r: &PostReplyItem,
        saved: Option<String>,
        ctx: &Ctx,
    ) -> Result<Option<usize>, MessageStatus> {
        let idx = self.reference(r.reference_item_id.as_ref())?;
        let folder = saved.unwrap_or_else(|| self.items[idx].folder.clone());
        let subject = self.items[idx]
            .item
            .base()
            .and_then(|b| b.subject.clone())
            .unwrap_or_default();
        let mut post = PostItem::default();
        post.item.subject = Some(
            r.subject
                .clone()
                .unwrap_or_else(|| format!("RE: {subject}")),
        );
        post.item.body = r.new_body_content.clone().or_else(|| r.body.clone());
        post.from = Some(SingleRecipient::from(Address::new(ctx.owner.clone())));
        Ok(Some(self.store(folder, Item::PostItem(post), ctx)))
    }

    /// The calendar item with `uid` in the calendar.
    fn calendar_by_uid(&self, uid: Option<&str>) -> Option<usize> {
        let uid = uid?;
        let calendar = self.dist_id("calendar");
        self.items.iter().position(|r| {
            r.folder == calendar
                && !r.soft_deleted
                && matches!(&r.item, Item::CalendarItem(c) if c.uid.as_deref() == Some(uid))
        })
    }

    /// What delivering a meeting response or cancellation changes besides the inbox: the
    /// organizer's attendee list, the attendee's calendar item.
    pub(super) fn apply_meeting_message(&mut self, item: &Item) {
        match item {
            Item::MeetingResponse(r) => {
                let from = r
                    .meeting
                    .message
                    .from
                    .as_ref()
                    .and_then(|f| f.mailbox.email_address.clone())
                    .unwrap_or_default();
                if let Some(i) = self.calendar_by_uid(r.meeting.uid.as_deref()) {
                    if let Item::CalendarItem(c) = &mut self.items[i].item {
                        set_answer(c, &from, r.meeting.response_type.clone());
                    }
                    self.items[i].change_key = self.new_change_key();
                }
            }
            Item::MeetingCancellation(m) => {
                if let Some(i) = self.calendar_by_uid(m.meeting.uid.as_deref()) {
                    if let Item::CalendarItem(c) = &mut self.items[i].item {
                        c.schedule.is_cancelled = Some(true);
                    }
                    self.items[i].change_key = self.new_change_key();
                }
            }
            _ => {}
        }
    }
}

fn set_answer(c: &mut CalendarItem, attendee: &str, answer: Option<ResponseType>) {
    for a in c
        .attendance
        .required_attendees
        .iter_mut()
        .chain(c.attendance.optional_attendees.iter_mut())
        .chain(c.attendance.resources.iter_mut())
    {
        if same(&a.mailbox, attendee) {
            a.response_type = answer.clone();
        }
    }
}

/// Threading headers of a reply.
trait InReplyTo {
    fn in_reply_to_from(&mut self, original: &Message);
}

impl InReplyTo for Message {
    fn in_reply_to_from(&mut self, original: &Message) {
        self.item.in_reply_to = original.internet_message_id.clone();
        self.references = match (&original.references, &original.internet_message_id) {
            (Some(r), Some(id)) => Some(format!("{r} {id}")),
            (None, Some(id)) => Some(id.clone()),
            (r, None) => r.clone(),
        };
        self.conversation_topic = original
            .conversation_topic
            .clone()
            .or_else(|| original.item.subject.clone());
    }
}
