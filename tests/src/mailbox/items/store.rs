//! The item store of a mailbox: items by folder, storing and delivering items, and what the
//! server computes on every stored item.

use ews_model::items::Item;
use ews_model::operations::MessageStatus;
use ews_model::properties::{
    FolderId, FolderIdChoice, ItemId, Mailbox as Address, ResponseType, SingleRecipient,
};

use super::create::calendar_from_request;
use super::ids::{Target, not_found};
use super::{Ctx, ItemRecord, message_mut};
use crate::mailbox::{Lookup, Mailbox};

/// Sets what the server computes: class, size, attachment flag, display lists.
pub(in crate::mailbox) fn finalize(item: &mut Item, ctx: &Ctx) {
    let class = match item {
        Item::Message(_) => "IPM.Note",
        Item::CalendarItem(_) => "IPM.Appointment",
        Item::Contact(_) => "IPM.Contact",
        Item::DistributionList(_) => "IPM.DistList",
        Item::Task(_) => "IPM.Task",
        Item::PostItem(_) => "IPM.Post",
        Item::MeetingRequest(_) => "IPM.Schedule.Meeting.Request",
        Item::MeetingResponse(_) => "IPM.Schedule.Meeting.Resp.Pos",
        Item::MeetingCancellation(_) => "IPM.Schedule.Meeting.Canceled",
        _ => "IPM",
    };
    let (to, cc) = match item.message() {
        Some(m) => (names(&m.to_recipients), names(&m.cc_recipients)),
        None => (String::new(), String::new()),
    };
    if let Some(b) = item.base_mut() {
        if b.item_class.is_none() {
            b.item_class = Some(class.to_owned());
        }
        b.has_attachments = Some(!b.attachments.is_empty());
        let attached: usize = b
            .attachments
            .iter()
            .filter_map(|a| a.base().size)
            .map(|n| usize::try_from(n).unwrap_or(0))
            .sum();
        let size = b.subject.as_ref().map_or(0, String::len)
            + b.body.as_ref().map_or(0, |x| x.content.len())
            + attached
            + 512;
        b.size = Some(i32::try_from(size).unwrap_or(i32::MAX));
        b.last_modified_time.get_or_insert(ctx.now);
        b.display_to = Some(to);
        b.display_cc = Some(cc);
    }
}

pub(super) fn names(list: &[Address]) -> String {
    list.iter()
        .map(|m| {
            m.name
                .clone()
                .or_else(|| m.email_address.clone())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl Mailbox {
    pub(in crate::mailbox) fn folder_id_of(&self, id: &str) -> Option<FolderId> {
        self.index_of_id(id).map(|p| {
            FolderId::new(self.folders[p].id.clone())
                .with_change_key(self.folders[p].change_key.clone())
        })
    }

    /// Items in folder `idx`, live ones only.
    pub(in crate::mailbox) fn items_in(&self, folder_id: &str) -> impl Iterator<Item = usize> + '_ {
        let folder_id = folder_id.to_owned();
        self.items
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.folder == folder_id && !r.soft_deleted)
            .map(|(i, _)| i)
    }

    pub(in crate::mailbox) fn unread_in(&self, folder_id: &str) -> usize {
        self.items_in(folder_id)
            .filter(|&i| {
                self.items[i]
                    .item
                    .message()
                    .is_some_and(|m| m.is_read == Some(false))
            })
            .count()
    }

    /// The contacts and private distribution lists of `folders` (the Contacts folder when
    /// empty), with their ids, in creation order (for `ResolveNames`).
    pub(crate) fn address_book(
        &self,
        folders: &[FolderIdChoice],
    ) -> Result<Vec<Item>, MessageStatus> {
        let ids = if folders.is_empty() {
            vec![self.dist_id("contacts")]
        } else {
            folders
                .iter()
                .map(|f| self.folder_or_error(f))
                .collect::<Result<Vec<_>, _>>()?
        };
        Ok(self
            .items
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                !r.soft_deleted
                    && ids.contains(&r.folder)
                    && matches!(r.item, Item::Contact(_) | Item::DistributionList(_))
            })
            .map(|(i, _)| self.full(i))
            .collect())
    }

    /// The item `id` names, with its ids (for `ExpandDL` of a private list).
    pub(crate) fn item_by_id(&self, id: &ItemId) -> Result<Item, MessageStatus> {
        match self.resolve_item_text(id.id.trim())? {
            Target::Item(i) => Ok(self.full(i)),
            Target::Occurrence { .. } => Err(not_found()),
        }
    }

    /// The folder an optional folder id names (`None` for none).
    pub(super) fn optional_folder(
        &self,
        id: Option<&FolderIdChoice>,
    ) -> Result<Option<String>, MessageStatus> {
        id.map(|f| self.folder_or_error(f)).transpose()
    }

    pub(in crate::mailbox) fn folder_or_error(
        &self,
        id: &FolderIdChoice,
    ) -> Result<String, MessageStatus> {
        self.resolve(id)
            .map(|i| self.folders[i].id.clone())
            .map_err(|e: Lookup| e.status())
    }

    pub(in crate::mailbox) fn dist_id(&self, name: &str) -> String {
        self.distinguished(name)
            .map(|r| r.id.clone())
            .unwrap_or_default()
    }

    /// Stores `item` in `folder` with fresh ids; its index.
    pub(in crate::mailbox) fn store(&mut self, folder: String, mut item: Item, ctx: &Ctx) -> usize {
        self.admit_attachments(&mut item, ctx);
        finalize(&mut item, ctx);
        if let Some(b) = item.base_mut() {
            b.item_id = None;
            b.parent_folder_id = None;
            if b.datetime_created.is_none() {
                b.datetime_created = Some(ctx.now);
            }
            if b.datetime_received.is_none() {
                b.datetime_received = Some(ctx.now);
            }
        }
        let id = self.new_item_id();
        let change_key = self.new_change_key();
        self.seq += 1;
        self.items.push(ItemRecord {
            id,
            change_key,
            folder: folder.clone(),
            item,
            soft_deleted: false,
            seq: self.seq,
            exception_of: None,
        });
        if let Some(f) = self.index_of_id(&folder) {
            self.touch(f);
        }
        self.items.len() - 1
    }

    /// Takes a delivery into the inbox (meeting requests also put a tentative calendar item
    /// in the calendar).
    pub(crate) fn deliver(&mut self, mut item: Item, ctx: &Ctx) {
        if let Item::MeetingRequest(req) = &mut item {
            let mut tentative = calendar_from_request(req);
            tentative.attendance.my_response_type = Some(ResponseType::NoResponseReceived);
            tentative.is_organizer = Some(false);
            let calendar = self.dist_id("calendar");
            let idx = self.store(calendar, Item::CalendarItem(tentative), ctx);
            req.meeting.associated_calendar_item_id = Some(
                ItemId::new(self.items[idx].id.clone())
                    .with_change_key(self.items[idx].change_key.clone()),
            );
        }
        if let Some(m) = message_mut(&mut item) {
            m.is_read = Some(false);
            m.item.is_draft = Some(false);
            m.item.is_from_me = Some(false);
            m.item.datetime_received = Some(ctx.now);
            m.received_by = Some(SingleRecipient::from(Address::new(ctx.owner.clone())));
        }
        self.apply_meeting_message(&item);
        let inbox = self.dist_id("inbox");
        self.store(inbox, item, ctx);
    }
}
