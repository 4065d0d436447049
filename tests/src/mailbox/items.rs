//! Items: the store, ids, and the item operations with Exchange's semantics.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ews_model::fields::{FieldAccess as _, FieldTable, HasFields as _};
use ews_model::items::calendar::{CalendarItem, CalendarItemType};
use ews_model::items::{Item, ItemBase, MeetingRequest, Message};
use ews_model::operations::{
    ArchiveItem, ArchiveItemResponse, ConflictResolution, CopyItem, CopyItemResponse, CreateItem,
    CreateItemResponse, DeleteItem, DeleteItemResponse, DisposalType, EmptyFolder,
    EmptyFolderResponse, FieldPath, FindItem, FindItemResponse, FindItemResponseMessage,
    FindItemRoot, GetItem, GetItemResponse, GroupedItems, ItemChangeDescription,
    ItemInfoResponseMessage, MarkAllItemsAsRead, MarkAllItemsAsReadResponse, MarkAsJunk,
    MarkAsJunkResponse, MarkAsJunkResponseMessage, MessageDisposition, MessageStatus, MoveItem,
    MoveItemResponse, SendItem, SendItemResponse, SendMeetingInvitations, UpdateItem,
    UpdateItemResponse, UpdateItemResponseMessage,
};
use ews_model::properties::{
    Attendee, FolderId, FolderIdChoice, ItemId, ItemIdChoice, Mailbox as Address, ResponseType,
    SingleRecipient,
};
use ews_model::recurrence::{DeletedOccurrence, OccurrenceInfo};
use ews_model::time::{DateTime, TimeZone};
use ews_model::version::ExchangeVersion;
use ews_model::view::{
    Aggregate, BasePoint, FieldOrder, FolderView, Grouping, ItemTraversal, ItemView, SortDirection,
    SortOrder,
};
use ews_query::{Ordering, Q};
use ews_xml::ResponseCode;

use super::responses::Smart;
use super::shape::{self, Projection};
use super::{Lookup, Mailbox};

/// Magic prefix of the decoded bytes of every item id this server issues.
pub(crate) const ITEM_MAGIC: &[u8] = b"FXI\x01";
/// Magic prefix of an occurrence id: then the owner's number, the master's decoded id and
/// the instance index.
const OCCURRENCE_MAGIC: &[u8] = b"FXO\x01";
/// Random bytes after the prefix.
const ID_RANDOM: usize = 32;
/// Exchange's cap on the items of one FindItem/FindFolder page.
pub(crate) const FIND_CAP: usize = 1000;
/// How many occurrences of one master a calendar view expands at most.
const MAX_OCCURRENCES: usize = 10_000;

/// One stored item.
#[derive(Debug, Clone)]
pub(super) struct ItemRecord {
    pub(super) id: String,
    pub(super) change_key: String,
    /// The id of the folder holding it.
    pub(super) folder: String,
    /// The item as stored, without its ids.
    pub(super) item: Item,
    /// Deleted with `SoftDelete`: seen only by `SoftDeleted` traversal.
    pub(super) soft_deleted: bool,
    /// Creation order (later is larger).
    pub(super) seq: u64,
    /// For an exception of a recurring series: the master's id and the occurrence's index.
    /// Exceptions show in calendar views (in place of their occurrence), not in other finds.
    pub(super) exception_of: Option<(String, usize)>,
}

/// What a request carries besides its body.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    /// The caller's primary SMTP address (lower case).
    pub(crate) owner: String,
    /// The time of the request.
    pub(crate) now: DateTime,
    /// The requested schema version.
    pub(crate) version: ExchangeVersion,
}

/// An item leaving a mailbox for another mailbox of this server.
#[derive(Debug, Clone)]
pub(crate) struct Delivery {
    /// The recipient's address (lower case).
    pub(crate) to: String,
    /// The item as the recipient receives it.
    pub(crate) item: Item,
}

/// What an item id names.
#[derive(Debug, Clone, Copy)]
pub(super) enum Target {
    Item(usize),
    /// Occurrence `index` (1-based) of the recurring master at `master`.
    Occurrence {
        master: usize,
        index: usize,
    },
}

/// Whether `raw` (decoded) has the shape of an item id.
pub(super) fn is_item_id(raw: &[u8]) -> bool {
    raw.len() == ITEM_MAGIC.len() + ID_RANDOM && raw.starts_with(ITEM_MAGIC)
}

/// Whether `raw` (decoded) has the shape of an occurrence id.
pub(super) fn is_occurrence_id(raw: &[u8]) -> bool {
    let head = OCCURRENCE_MAGIC.len() + 2;
    raw.len() == head + ITEM_MAGIC.len() + ID_RANDOM + 4
        && raw.starts_with(OCCURRENCE_MAGIC)
        && is_item_id(&raw[head..raw.len() - 4])
}

pub(super) fn not_found() -> MessageStatus {
    MessageStatus::error(
        ResponseCode::ErrorItemNotFound,
        "The specified object was not found in the store.",
    )
}

pub(super) fn malformed() -> MessageStatus {
    MessageStatus::error(ResponseCode::ErrorInvalidIdMalformed, "Id is malformed.")
}

fn invalid_property(what: &str) -> MessageStatus {
    MessageStatus::error(ResponseCode::ErrorInvalidPropertyRequest, what)
}

impl Mailbox {
    pub(super) fn new_item_id(&mut self) -> String {
        self.id_with(ITEM_MAGIC)
    }

    pub(super) fn item_index(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|r| r.id == id)
    }

    pub(super) fn resolve_item(&self, id: &ItemIdChoice) -> Result<Target, MessageStatus> {
        match id {
            ItemIdChoice::ItemId(i) => self.resolve_item_text(i.id.trim()),
            ItemIdChoice::OccurrenceItemId(o) => {
                let master = match self.resolve_item_text(o.recurring_master_id.trim())? {
                    Target::Item(m) => m,
                    Target::Occurrence { .. } => return Err(not_found()),
                };
                let index = usize::try_from(o.instance_index)
                    .ok()
                    .filter(|i| *i >= 1)
                    .ok_or_else(|| {
                        MessageStatus::error(
                            ResponseCode::ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange,
                            "Occurrence index is out of recurrence range.",
                        )
                    })?;
                if let Some(e) = self.exception_index(&self.items[master].id, index) {
                    return Ok(Target::Item(e));
                }
                self.check_occurrence(master, index)?;
                Ok(Target::Occurrence { master, index })
            }
            ItemIdChoice::RecurringMasterItemId(r) => {
                match self.resolve_item_text(r.occurrence_id.trim())? {
                    Target::Occurrence { master, .. } => Ok(Target::Item(master)),
                    Target::Item(i) if is_recurring_master(&self.items[i].item) => {
                        Ok(Target::Item(i))
                    }
                    Target::Item(_) => Err(not_found()),
                }
            }
            _ => Err(malformed()),
        }
    }

    /// The item `id` names, which must be a whole item: an occurrence gets `code` and `text`.
    fn resolve_whole(
        &self,
        id: &ItemIdChoice,
        code: ResponseCode,
        text: &str,
    ) -> Result<usize, MessageStatus> {
        match self.resolve_item(id)? {
            Target::Item(i) => Ok(i),
            Target::Occurrence { .. } => Err(MessageStatus::error(code, text)),
        }
    }

    fn resolve_item_text(&self, id: &str) -> Result<Target, MessageStatus> {
        let raw = STANDARD.decode(id).map_err(|_| malformed())?;
        if raw.len() == ITEM_MAGIC.len() + ID_RANDOM && raw.starts_with(ITEM_MAGIC) {
            return self.item_index(id).map(Target::Item).ok_or_else(not_found);
        }
        let master_len = ITEM_MAGIC.len() + ID_RANDOM;
        let head = OCCURRENCE_MAGIC.len() + 2;
        if raw.len() == head + master_len + 4 && raw.starts_with(OCCURRENCE_MAGIC) {
            let (master_raw, index) = raw[head..].split_at(master_len);
            let mut idx = [0u8; 4];
            idx.copy_from_slice(index);
            let index = usize::try_from(u32::from_be_bytes(idx)).map_err(|_| malformed())?;
            let master = self
                .item_index(&STANDARD.encode(master_raw))
                .ok_or_else(not_found)?;
            if let Some(e) = self.exception_index(&self.items[master].id, index) {
                return Ok(Target::Item(e));
            }
            self.check_occurrence(master, index)?;
            return Ok(Target::Occurrence { master, index });
        }
        Err(malformed())
    }

    fn check_occurrence(&self, master: usize, index: usize) -> Result<(), MessageStatus> {
        let Item::CalendarItem(c) = &self.items[master].item else {
            return Err(not_found());
        };
        if c.occurrences.recurrence.is_none() {
            return Err(not_found());
        }
        match expand(c, None, index) {
            Some(occ) if occ.iter().any(|o| o.index == index && !o.deleted) => Ok(()),
            _ => Err(MessageStatus::error(
                ResponseCode::ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange,
                "Occurrence index is out of recurrence range.",
            )),
        }
    }

    fn occurrence_id(&self, master: usize, index: usize) -> String {
        let mut raw = OCCURRENCE_MAGIC.to_vec();
        raw.extend(self.number.to_be_bytes());
        raw.extend(STANDARD.decode(&self.items[master].id).unwrap_or_default());
        raw.extend(u32::try_from(index).unwrap_or(u32::MAX).to_be_bytes());
        STANDARD.encode(raw)
    }

    /// The item with its ids and parent folder id, as stored.
    fn full(&self, idx: usize) -> Item {
        let r = &self.items[idx];
        let mut item = r.item.clone();
        let parent = self.folder_id_of(&r.folder);
        if let Some(b) = item.base_mut() {
            b.item_id = Some(ItemId::new(r.id.clone()).with_change_key(r.change_key.clone()));
            b.parent_folder_id = parent;
        }
        item
    }

    fn full_target(&self, target: Target) -> Item {
        match target {
            Target::Item(i) => self.full(i),
            Target::Occurrence { master, index } => self
                .occurrence(master, index)
                .unwrap_or_else(|| self.full(master)),
        }
    }

    /// Occurrence `index` of the master, rendered as a calendar item of type `Occurrence`.
    fn occurrence(&self, master: usize, index: usize) -> Option<Item> {
        let Item::CalendarItem(c) = &self.items[master].item else {
            return None;
        };
        let occ = expand(c, None, index)?
            .into_iter()
            .find(|o| o.index == index && !o.deleted)?;
        Some(self.render_occurrence(master, c, &occ))
    }

    fn render_occurrence(&self, master: usize, c: &CalendarItem, occ: &Occ) -> Item {
        let mut o = c.clone();
        o.occurrences.recurrence = None;
        o.occurrences.first_occurrence = None;
        o.occurrences.last_occurrence = None;
        o.occurrences.modified_occurrences.clear();
        o.occurrences.deleted_occurrences.clear();
        o.schedule.start = Some(occ.start);
        o.schedule.end = Some(occ.end);
        o.schedule.original_start = Some(occ.start);
        o.attendance.calendar_item_type = Some(CalendarItemType::Occurrence);
        o.schedule.is_recurring = Some(true);
        o.item.item_id = Some(
            ItemId::new(self.occurrence_id(master, occ.index))
                .with_change_key(self.items[master].change_key.clone()),
        );
        o.item.parent_folder_id = self.folder_id_of(&self.items[master].folder);
        Item::CalendarItem(o)
    }

    pub(super) fn folder_id_of(&self, id: &str) -> Option<FolderId> {
        self.index_of_id(id).map(|p| {
            FolderId::new(self.folders[p].id.clone())
                .with_change_key(self.folders[p].change_key.clone())
        })
    }

    /// Items in folder `idx`, live ones only.
    pub(super) fn items_in(&self, folder_id: &str) -> impl Iterator<Item = usize> + '_ {
        let folder_id = folder_id.to_owned();
        self.items
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.folder == folder_id && !r.soft_deleted)
            .map(|(i, _)| i)
    }

    pub(super) fn unread_in(&self, folder_id: &str) -> usize {
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
    fn optional_folder(
        &self,
        id: Option<&FolderIdChoice>,
    ) -> Result<Option<String>, MessageStatus> {
        id.map(|f| self.folder_or_error(f)).transpose()
    }

    pub(super) fn folder_or_error(&self, id: &FolderIdChoice) -> Result<String, MessageStatus> {
        self.resolve(id)
            .map(|i| self.folders[i].id.clone())
            .map_err(|e: Lookup| e.status())
    }

    pub(super) fn dist_id(&self, name: &str) -> String {
        self.distinguished(name)
            .map(|r| r.id.clone())
            .unwrap_or_default()
    }

    /// Stores `item` in `folder` with fresh ids; its index.
    pub(super) fn store(&mut self, folder: String, mut item: Item, ctx: &Ctx) -> usize {
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

    fn projection(
        &self,
        shape: &ews_model::operations::ItemShape,
        find: bool,
        ctx: &Ctx,
    ) -> Result<Projection, MessageStatus> {
        Projection::new(shape, find, ctx.version)
    }

    pub(crate) fn get_item(&self, req: &GetItem, ctx: &Ctx) -> GetItemResponse {
        let projection = match self.projection(&req.item_shape, false, ctx) {
            Ok(p) => p,
            Err(status) => {
                return GetItemResponse::new(
                    req.item_ids
                        .iter()
                        .map(|_| ItemInfoResponseMessage::error(status.clone()))
                        .collect(),
                );
            }
        };
        GetItemResponse::new(
            req.item_ids
                .iter()
                .map(|id| match self.resolve_item(id) {
                    Ok(t) => {
                        let mut item = projection.apply(self.full_target(t), &req.item_shape);
                        let root = match t {
                            Target::Item(i) => i,
                            Target::Occurrence { master, .. } => master,
                        };
                        self.present_attachments(&mut item, root);
                        ItemInfoResponseMessage::success(item)
                    }
                    Err(s) => ItemInfoResponseMessage::error(s),
                })
                .collect(),
        )
    }

    pub(crate) fn find_item(&self, req: &FindItem, ctx: &Ctx) -> FindItemResponse {
        let messages = req
            .parent_folder_ids
            .iter()
            .map(|folder| match self.find_in(req, folder, ctx) {
                Ok(root) => FindItemResponseMessage::success(root),
                Err(s) => FindItemResponseMessage::error(s),
            })
            .collect();
        FindItemResponse::new(messages)
    }

    fn find_in(
        &self,
        req: &FindItem,
        folder: &FolderIdChoice,
        ctx: &Ctx,
    ) -> Result<FindItemRoot, MessageStatus> {
        let folder_idx = self.resolve(folder).map_err(|e| e.status())?;
        let projection = self.projection(&req.item_shape, true, ctx)?;
        let query = req
            .query_string
            .as_ref()
            .map(|q| super::aqs::Aqs::parse(&q.query))
            .transpose()?;
        let folder_ids = [self.folders[folder_idx].id.as_str()];
        let soft = match &req.traversal {
            ItemTraversal::Shallow => false,
            ItemTraversal::SoftDeleted => true,
            // No item here is associated (hidden): the view is empty.
            ItemTraversal::Associated => {
                let (_, paging) = super::page(&[], None);
                return Ok(FindItemRoot::items(paging, Vec::new()));
            }
            other => {
                return Err(MessageStatus::error(
                    ResponseCode::ErrorInvalidRequest,
                    format!("Unknown traversal {other:?}."),
                ));
            }
        };
        // Candidates as full items.
        let mut candidates: Vec<(u64, Item)> = Vec::new();
        if let Some(ItemView::Calendar(view)) = &req.view {
            if soft {
                return Err(MessageStatus::error(
                    ResponseCode::ErrorInvalidOperation,
                    "A calendar view cannot be combined with SoftDeleted traversal.",
                ));
            }
            let (from, to) = (view.start_date, view.end_date);
            if to.0 < from.0 {
                return Err(MessageStatus::error(
                    ResponseCode::ErrorCalendarEndDateIsEarlierThanStartDate,
                    "The end date is earlier than the start date.",
                ));
            }
            for (i, r) in self.items.iter().enumerate() {
                if r.soft_deleted || !folder_ids.contains(&r.folder.as_str()) {
                    continue;
                }
                let Item::CalendarItem(c) = &r.item else {
                    continue;
                };
                if c.occurrences.recurrence.is_some() {
                    for occ in expand(c, Some((from, to)), usize::MAX).unwrap_or_default() {
                        if !occ.deleted && self.exception_index(&r.id, occ.index).is_none() {
                            candidates.push((r.seq, self.render_occurrence(i, c, &occ)));
                        }
                    }
                } else if overlaps(c, from, to) {
                    candidates.push((r.seq, self.full(i)));
                }
            }
            candidates.sort_by_key(|(seq, item)| (start_of(item), *seq));
        } else {
            for (i, r) in self.items.iter().enumerate() {
                if r.soft_deleted == soft
                    && r.exception_of.is_none()
                    && folder_ids.contains(&r.folder.as_str())
                {
                    candidates.push((r.seq, self.full(i)));
                }
            }
            // Newest first, like Exchange's default order (by DateTimeReceived).
            candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
        }
        if let Some(restriction) = &req.restriction {
            let filter = Filter::new(restriction)?;
            candidates.retain(|(_, item)| filter.matches(item));
        }
        if let Some(query) = &query {
            candidates.retain(|(_, item)| query.matches(item));
        }
        if let Some(sort) = &req.sort_order {
            let keys = parse_order(sort)?;
            candidates.sort_by(|a, b| ews_query::compare_items(&a.1, &b.1, &keys));
        }
        if let Some(ItemView::Contacts(v)) = &req.view {
            let name = |item: &Item| -> String {
                match item {
                    Item::Contact(c) => c.display_name.clone().unwrap_or_default(),
                    Item::DistributionList(d) => d.display_name.clone().unwrap_or_default(),
                    other => other
                        .base()
                        .and_then(|b| b.subject.clone())
                        .unwrap_or_default(),
                }
                .to_lowercase()
            };
            let lo = v.initial_name.as_deref().map(str::to_lowercase);
            let hi = v.final_name.as_deref().map(str::to_lowercase);
            candidates.retain(|(_, item)| {
                let n = name(item);
                lo.as_ref().is_none_or(|lo| n >= *lo) && hi.as_ref().is_none_or(|hi| n <= *hi)
            });
            candidates.sort_by_key(|(_, item)| name(item));
        }
        // Grouping: the items in group order, and each item's group number.
        let groups = match &req.grouping {
            Some(g) => Some(group(&mut candidates, g)?),
            None => None,
        };
        let indices: Vec<usize> = (0..candidates.len()).collect();
        let folder_view = match &req.view {
            Some(ItemView::IndexedPage(v)) => Some(FolderView::IndexedPage(v.clone())),
            Some(ItemView::FractionalPage(v)) => Some(FolderView::FractionalPage(v.clone())),
            Some(ItemView::Calendar(v)) => v
                .max_entries_returned
                .map(|m| FolderView::IndexedPage(ews_model::view::IndexedPageView::new(0, m))),
            Some(ItemView::Contacts(v)) => v
                .max_entries_returned
                .map(|m| FolderView::IndexedPage(ews_model::view::IndexedPageView::new(0, m))),
            Some(ItemView::SeekToCondition(v)) => {
                // The page starts at the first item matching the condition, searched from
                // the beginning (or, from the end, the last one).
                let condition = Filter::new(&v.condition)?;
                let hit = match v.base_point {
                    BasePoint::End => candidates.iter().rposition(|(_, i)| condition.matches(i)),
                    _ => candidates.iter().position(|(_, i)| condition.matches(i)),
                };
                let offset = hit.unwrap_or(candidates.len());
                let max = v.max_entries_returned.unwrap_or(i32::MAX);
                Some(FolderView::IndexedPage(
                    ews_model::view::IndexedPageView::new(
                        i32::try_from(offset).unwrap_or(i32::MAX),
                        max,
                    ),
                ))
            }
            _ => None,
        };
        let (page, mut paging) = super::page(&indices, folder_view.as_ref());
        if matches!(
            req.view,
            Some(ItemView::Calendar(_) | ItemView::Contacts(_))
        ) {
            // These views report no paging offset.
            paging.indexed_paging_offset = None;
        }
        if let Some(groups) = groups {
            let mut out: Vec<GroupedItems> = Vec::new();
            for &i in page {
                let item = projection.apply(candidates[i].1.clone(), &req.item_shape);
                let index = groups[i].to_string();
                match out.last_mut() {
                    Some(g) if g.group_index == index => {
                        g.items.get_or_insert_with(Vec::new).push(item);
                    }
                    _ => out.push(GroupedItems::new(index, vec![item])),
                }
            }
            return Ok(FindItemRoot::groups(paging, out));
        }
        let items = page
            .iter()
            .map(|&i| projection.apply(candidates[i].1.clone(), &req.item_shape))
            .collect();
        Ok(FindItemRoot::items(paging, items))
    }

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

    fn create_one(
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
    pub(crate) fn update_item(
        &mut self,
        req: &UpdateItem,
        ctx: &Ctx,
    ) -> Result<(UpdateItemResponse, Vec<Delivery>), MessageStatus> {
        let mut deliveries = Vec::new();
        let saved = self.optional_folder(req.saved_item_folder_id.as_ref())?;
        let mut messages = Vec::with_capacity(req.item_changes.len());
        for change in &req.item_changes {
            let result = self.update_one(req, change, saved.clone(), ctx, &mut deliveries);
            messages.push(match result {
                Ok(Some(idx)) => UpdateItemResponseMessage::new(
                    ItemInfoResponseMessage::success(id_only(&self.full(idx))),
                    Some(0),
                ),
                Ok(None) => {
                    UpdateItemResponseMessage::new(ItemInfoResponseMessage::success_empty(), None)
                }
                Err(s) => UpdateItemResponseMessage::new(ItemInfoResponseMessage::error(s), None),
            });
        }
        Ok((UpdateItemResponse::new(messages), deliveries))
    }

    fn update_one(
        &mut self,
        req: &UpdateItem,
        change: &ews_model::operations::ItemChange,
        saved: Option<String>,
        ctx: &Ctx,
        deliveries: &mut Vec<Delivery>,
    ) -> Result<Option<usize>, MessageStatus> {
        // An occurrence without an exception yet is updated as a copy that becomes one.
        let target = self.resolve_item(&change.item_id)?;
        let (current_key, mut item, existing) = match target {
            Target::Item(i) => (
                self.items[i].change_key.clone(),
                self.items[i].item.clone(),
                Some(i),
            ),
            Target::Occurrence { master, index } => {
                let Some(Item::CalendarItem(mut occ)) = self.occurrence(master, index) else {
                    return Err(not_found());
                };
                occ.item.item_id = None;
                occ.item.parent_folder_id = None;
                occ.attendance.calendar_item_type = Some(CalendarItemType::Exception);
                (
                    self.items[master].change_key.clone(),
                    Item::CalendarItem(occ),
                    None,
                )
            }
        };
        let given_key = match &change.item_id {
            ItemIdChoice::ItemId(i) => i.change_key.clone(),
            ItemIdChoice::OccurrenceItemId(o) => o.change_key.clone(),
            _ => None,
        };
        let stale = given_key.is_some_and(|k| k != current_key);
        if stale && matches!(req.conflict_resolution, ConflictResolution::NeverOverwrite) {
            return Err(MessageStatus::error(
                ResponseCode::ErrorIrresolvableConflict,
                "The send or update operation could not be performed because the change key \
                 passed in the request does not match the current change key for the item.",
            ));
        }
        let sent = item
            .message()
            .is_some_and(|m| m.item.is_draft == Some(false));
        for update in &change.updates {
            apply_update(&mut item, update, sent, ctx.version)?;
        }
        if let Some(b) = item.base_mut() {
            b.last_modified_time = Some(ctx.now);
        }
        finalize(&mut item, ctx);
        let send_now = matches!(
            req.message_disposition,
            Some(MessageDisposition::SendOnly | MessageDisposition::SendAndSaveCopy)
        );
        if send_now {
            let Item::Message(mut m) = item else {
                return Err(MessageStatus::error(
                    ResponseCode::ErrorInvalidItemForOperationSendItem,
                    "Only messages can be sent.",
                ));
            };
            let Some(idx) = existing else {
                return Err(not_found());
            };
            send(&mut m, ctx, deliveries)?;
            let id = self.items[idx].id.clone();
            self.remove_item(&id);
            if matches!(
                req.message_disposition,
                Some(MessageDisposition::SendAndSaveCopy)
            ) {
                let folder = saved.unwrap_or_else(|| self.dist_id("sentitems"));
                self.store(folder, Item::Message(m), ctx);
            }
            return Ok(None);
        }
        let idx = match (existing, target) {
            (Some(idx), _) => {
                self.items[idx].item = item;
                self.items[idx].change_key = self.new_change_key();
                idx
            }
            (None, Target::Occurrence { master, index }) => {
                let folder = self.items[master].folder.clone();
                let master_id = self.items[master].id.clone();
                let idx = self.store(folder, item, ctx);
                self.items[idx].exception_of = Some((master_id, index));
                idx
            }
            (None, Target::Item(_)) => return Err(not_found()),
        };
        self.record_exception(idx);
        Ok(Some(idx))
    }

    /// The stored exception of occurrence `index` of the master `master_id`.
    fn exception_index(&self, master_id: &str, index: usize) -> Option<usize> {
        self.items.iter().position(|r| {
            r.exception_of
                .as_ref()
                .is_some_and(|(m, i)| m == master_id && *i == index)
        })
    }

    /// When item `idx` is an exception: its entry in the master's `ModifiedOccurrences`,
    /// and a new change key for the master.
    fn record_exception(&mut self, idx: usize) {
        let Some((master_id, _)) = self.items[idx].exception_of.clone() else {
            return;
        };
        let Item::CalendarItem(c) = &self.items[idx].item else {
            return;
        };
        let (Some(start), Some(end), Some(original_start)) =
            (c.schedule.start, c.schedule.end, c.schedule.original_start)
        else {
            return;
        };
        let info = OccurrenceInfo {
            item_id: ItemId::new(self.items[idx].id.clone())
                .with_change_key(self.items[idx].change_key.clone()),
            start,
            end,
            original_start,
        };
        let Some(m) = self.item_index(&master_id) else {
            return;
        };
        if let Item::CalendarItem(master) = &mut self.items[m].item {
            master
                .occurrences
                .modified_occurrences
                .retain(|o| o.original_start != original_start);
            master.occurrences.modified_occurrences.push(info);
            master
                .occurrences
                .modified_occurrences
                .sort_by_key(|o| o.original_start.0);
        }
        self.items[m].change_key = self.new_change_key();
    }

    /// Deletes the exception at `idx`: the occurrence is gone from the master's series.
    fn delete_exception(&mut self, idx: usize) {
        let Some((master_id, _)) = self.items[idx].exception_of.clone() else {
            return;
        };
        let original = match &self.items[idx].item {
            Item::CalendarItem(c) => c.schedule.original_start,
            _ => None,
        };
        let id = self.items[idx].id.clone();
        self.remove_item(&id);
        if let (Some(start), Some(m)) = (original, self.item_index(&master_id)) {
            if let Item::CalendarItem(master) = &mut self.items[m].item {
                master
                    .occurrences
                    .modified_occurrences
                    .retain(|o| o.original_start != start);
                master
                    .occurrences
                    .deleted_occurrences
                    .push(DeletedOccurrence { start });
            }
            self.items[m].change_key = self.new_change_key();
        }
    }

    pub(super) fn remove_item(&mut self, id: &str) {
        if let Some(i) = self.item_index(id) {
            let folder = self.items.remove(i).folder;
            if let Some(f) = self.index_of_id(&folder) {
                self.touch(f);
            }
        }
    }

    /// Moves item `idx` to `folder`: it gets a new id, as in Exchange. The new index.
    pub(super) fn move_to(&mut self, idx: usize, folder: String) -> usize {
        let old_folder = self.items[idx].folder.clone();
        let old_id = self.items[idx].id.clone();
        let id = self.new_item_id();
        let ck = self.new_change_key();
        let r = &mut self.items[idx];
        r.id = id.clone();
        r.change_key = ck;
        r.folder = folder.clone();
        r.soft_deleted = false;
        // A master's exceptions follow it.
        for e in &mut self.items {
            if let Some((master, _)) = &mut e.exception_of
                && *master == old_id
            {
                *master = id.clone();
                e.folder = folder.clone();
            }
        }
        for f in [old_folder, folder] {
            if let Some(f) = self.index_of_id(&f) {
                self.touch(f);
            }
        }
        idx
    }

    pub(crate) fn delete_item(&mut self, req: &DeleteItem, ctx: &Ctx) -> DeleteItemResponse {
        let mut messages = Vec::with_capacity(req.item_ids.len());
        for id in &req.item_ids {
            let status = match self.resolve_item(id) {
                Err(s) => s,
                Ok(Target::Occurrence { master, index }) => {
                    self.delete_occurrence(master, index, ctx);
                    MessageStatus::success()
                }
                Ok(Target::Item(idx)) if self.items[idx].exception_of.is_some() => {
                    self.delete_exception(idx);
                    MessageStatus::success()
                }
                Ok(Target::Item(idx)) => {
                    self.delete_one(idx, &req.delete_type);
                    MessageStatus::success()
                }
            };
            messages.push(status);
        }
        DeleteItemResponse::new(messages)
    }

    fn delete_occurrence(&mut self, master: usize, index: usize, ctx: &Ctx) {
        let start = match &self.items[master].item {
            Item::CalendarItem(c) => expand(c, None, index)
                .unwrap_or_default()
                .into_iter()
                .find(|o| o.index == index)
                .map(|o| o.start),
            _ => None,
        };
        if let (Some(start), Item::CalendarItem(c)) = (start, &mut self.items[master].item) {
            c.occurrences
                .deleted_occurrences
                .push(DeletedOccurrence { start });
            c.item.last_modified_time = Some(ctx.now);
            self.items[master].change_key = self.new_change_key();
        }
    }

    fn delete_one(&mut self, idx: usize, how: &DisposalType) {
        let id = self.items[idx].id.clone();
        if matches!(how, DisposalType::HardDelete) {
            // A master's exceptions go with it.
            self.items
                .retain(|r| r.exception_of.as_ref().is_none_or(|(m, _)| *m != id));
        }
        let Some(idx) = self.item_index(&id) else {
            return;
        };
        let deleted_items = self.dist_id("deleteditems");
        match how {
            DisposalType::MoveToDeletedItems if self.items[idx].folder != deleted_items => {
                self.move_to(idx, deleted_items);
            }
            DisposalType::HardDelete => {
                let id = self.items[idx].id.clone();
                self.remove_item(&id);
            }
            // SoftDelete, and MoveToDeletedItems of an item already in Deleted Items.
            _ => {
                self.items[idx].soft_deleted = true;
                let folder = self.items[idx].folder.clone();
                if let Some(f) = self.index_of_id(&folder) {
                    self.touch(f);
                }
            }
        }
    }

    /// `Err` when the destination names no folder.
    pub(crate) fn move_item(&mut self, req: &MoveItem) -> Result<MoveItemResponse, MessageStatus> {
        self.move_or_copy(
            &req.to_folder_id,
            &req.item_ids,
            req.return_new_item_ids,
            false,
        )
        .map(MoveItemResponse::new)
    }

    /// `Err` when the destination names no folder.
    pub(crate) fn copy_item(&mut self, req: &CopyItem) -> Result<CopyItemResponse, MessageStatus> {
        self.move_or_copy(
            &req.to_folder_id,
            &req.item_ids,
            req.return_new_item_ids,
            true,
        )
        .map(CopyItemResponse::new)
    }

    fn move_or_copy(
        &mut self,
        to: &FolderIdChoice,
        ids: &[ItemIdChoice],
        return_ids: Option<bool>,
        copy: bool,
    ) -> Result<Vec<ItemInfoResponseMessage>, MessageStatus> {
        let target = self.folder_or_error(to)?;
        Ok(ids
            .iter()
            .map(|id| {
                let idx = match self.resolve_whole(
                    id,
                    ResponseCode::ErrorCalendarCannotMoveOrCopyOccurrence,
                    "Occurrences cannot be moved or copied.",
                ) {
                    Ok(i) => i,
                    Err(s) => return ItemInfoResponseMessage::error(s),
                };
                let new = if copy {
                    let rec = self.items[idx].clone();
                    let id = self.new_item_id();
                    let ck = self.new_change_key();
                    self.seq += 1;
                    self.items.push(ItemRecord {
                        id,
                        change_key: ck,
                        folder: target.clone(),
                        soft_deleted: false,
                        seq: self.seq,
                        exception_of: None,
                        ..rec
                    });
                    if let Some(f) = self.index_of_id(&target) {
                        self.touch(f);
                    }
                    self.items.len() - 1
                } else {
                    self.move_to(idx, target.clone())
                };
                if return_ids == Some(false) {
                    ItemInfoResponseMessage::success_empty()
                } else {
                    ItemInfoResponseMessage::success(id_only(&self.full(new)))
                }
            })
            .collect())
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

    pub(crate) fn mark_as_junk(&mut self, req: &MarkAsJunk) -> MarkAsJunkResponse {
        let junk = self.dist_id("junkemail");
        let inbox = self.dist_id("inbox");
        let messages = req
            .item_ids
            .iter()
            .map(|id| {
                let idx = match self.resolve_whole(
                    id,
                    ResponseCode::ErrorInvalidRequest,
                    "Occurrences cannot be marked as junk.",
                ) {
                    Ok(i) => i,
                    Err(s) => return MarkAsJunkResponseMessage::error(s),
                };
                if !req.move_item {
                    return MarkAsJunkResponseMessage::success(None);
                }
                let target = if req.is_junk { &junk } else { &inbox };
                if self.items[idx].folder == *target {
                    return MarkAsJunkResponseMessage::success(None);
                }
                let new = self.move_to(idx, target.clone());
                let r = &self.items[new];
                MarkAsJunkResponseMessage::success(Some(
                    ItemId::new(r.id.clone()).with_change_key(r.change_key.clone()),
                ))
            })
            .collect();
        MarkAsJunkResponse::new(messages)
    }

    pub(crate) fn archive_item(&mut self, req: &ArchiveItem) -> ArchiveItemResponse {
        let status = match self.resolve(&req.archive_source_folder_id) {
            Err(e) => e.status(),
            Ok(_) => MessageStatus::error(
                ResponseCode::ErrorArchiveMailboxNotEnabled,
                "The mailbox has no archive.",
            ),
        };
        ArchiveItemResponse::new(
            req.item_ids
                .iter()
                .map(|id| match self.resolve_item(id) {
                    Err(s) => ItemInfoResponseMessage::error(s),
                    Ok(_) => ItemInfoResponseMessage::error(status.clone()),
                })
                .collect(),
        )
    }

    pub(crate) fn empty_folder(&mut self, req: &EmptyFolder) -> EmptyFolderResponse {
        let mut messages = Vec::with_capacity(req.folder_ids.len());
        for id in &req.folder_ids {
            let idx = match self.resolve(id) {
                Ok(i) => i,
                Err(e) => {
                    messages.push(e.status());
                    continue;
                }
            };
            let mut folders = vec![idx];
            if req.delete_sub_folders {
                self.descendants(idx, &mut folders);
            }
            let folder_ids: Vec<String> = folders
                .iter()
                .map(|&i| self.folders[i].id.clone())
                .collect();
            let doomed: Vec<String> = self
                .items
                .iter()
                .filter(|r| !r.soft_deleted && folder_ids.contains(&r.folder))
                .map(|r| r.id.clone())
                .collect();
            for item_id in doomed {
                if let Some(i) = self.item_index(&item_id) {
                    self.delete_one(i, &req.delete_type);
                }
            }
            if req.delete_sub_folders {
                let sub: Vec<String> = folder_ids.into_iter().skip(1).collect();
                self.folders.retain(|f| !sub.contains(&f.id));
                self.items.retain(|r| !sub.contains(&r.folder));
            }
            if let Some(i) = self.index_of_id(&self.folders[idx].id.clone()) {
                self.touch(i);
            }
            messages.push(MessageStatus::success());
        }
        EmptyFolderResponse::new(messages)
    }

    pub(crate) fn mark_all_items_as_read(
        &mut self,
        req: &MarkAllItemsAsRead,
    ) -> MarkAllItemsAsReadResponse {
        let mut messages = Vec::with_capacity(req.folder_ids.len());
        for id in &req.folder_ids {
            let idx = match self.resolve(id) {
                Ok(i) => i,
                Err(e) => {
                    messages.push(e.status());
                    continue;
                }
            };
            let folder = self.folders[idx].id.clone();
            let targets: Vec<usize> = self.items_in(&folder).collect();
            for i in targets {
                if let Some(m) = message_mut(&mut self.items[i].item)
                    && m.is_read != Some(req.read_flag)
                {
                    m.is_read = Some(req.read_flag);
                    self.items[i].change_key = self.new_change_key();
                }
            }
            self.touch(idx);
            messages.push(MessageStatus::success());
        }
        MarkAllItemsAsReadResponse::new(messages)
    }
}

fn is_recurring_master(item: &Item) -> bool {
    matches!(item, Item::CalendarItem(c) if c.occurrences.recurrence.is_some())
}

fn message_mut(item: &mut Item) -> Option<&mut Message> {
    match item {
        Item::Message(m) => Some(m),
        Item::MeetingMessage(m) => Some(&mut m.message),
        Item::MeetingRequest(m) => Some(&mut m.meeting.message),
        Item::MeetingResponse(m) => Some(&mut m.meeting.message),
        Item::MeetingCancellation(m) => Some(&mut m.meeting.message),
        _ => None,
    }
}

/// A field set on `item` that the requested schema version does not have.
fn newer_field(
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

/// The error for a field the requested schema version does not have: Exchange's schema
/// validation would refuse the element.
fn too_new(def: &ews_model::fields::FieldDef) -> MessageStatus {
    MessageStatus::error(
        ResponseCode::ErrorSchemaValidation,
        format!(
            "{} is not part of the requested schema version.",
            def.uri.uri()
        ),
    )
}

/// An item of the same kind carrying only its id.
fn id_only(full: &Item) -> Item {
    let mut out = shape::empty_like(full);
    if let (Some(b), Some(id)) = (out.base_mut(), full.id()) {
        b.item_id = Some(id.clone());
    }
    out
}

/// Sets what the server computes: class, size, attachment flag, display lists.
pub(super) fn finalize(item: &mut Item, ctx: &Ctx) {
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

fn names(list: &[Address]) -> String {
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

/// Sends `m`: a delivery per recipient on this server; marks the message sent.
pub(super) fn send(
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

fn uid(rng: &mut super::Rng) -> String {
    rng.bytes(16).iter().map(|b| format!("{b:02X}")).collect()
}

/// The meeting request an organizer's calendar item sends.
fn meeting_request(c: &CalendarItem, ctx: &Ctx) -> MeetingRequest {
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
fn calendar_from_request(r: &MeetingRequest) -> CalendarItem {
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

/// Applies one change description to `item`.
fn apply_update(
    item: &mut Item,
    update: &ItemChangeDescription,
    sent: bool,
    version: ExchangeVersion,
) -> Result<(), MessageStatus> {
    let path = update.path();
    if let FieldPath::Extended(uri) = path {
        return match update {
            ItemChangeDescription::DeleteItemField(_) => {
                if let Some(e) = item.extended_properties_mut() {
                    e.remove_uri(uri);
                }
                Ok(())
            }
            ItemChangeDescription::SetItemField(v)
            | ItemChangeDescription::AppendToItemField(v) => {
                let prop = v
                    .item
                    .extended_properties()
                    .and_then(|e| e.find(uri))
                    .cloned()
                    .ok_or_else(|| {
                        MessageStatus::error(
                            ResponseCode::ErrorIncorrectUpdatePropertyCount,
                            "The item in the update does not carry the property it names.",
                        )
                    })?;
                item.extended_properties_mut()
                    .ok_or_else(|| invalid_property("This item cannot carry extended properties."))?
                    .insert(prop);
                Ok(())
            }
            _ => Err(invalid_property("Unknown kind of change.")),
        };
    }
    let uri = path.uri().unwrap_or_default();
    let def = item
        .table()
        .by_uri(uri)
        .ok_or_else(|| invalid_property(&format!("{uri} is not a property of this item.")))?;
    if !def.is_supported_by(version) {
        return Err(too_new(def));
    }
    if def.is_read_only() {
        return Err(MessageStatus::error(
            ResponseCode::ErrorInvalidPropertySet,
            format!("{uri} is read-only."),
        ));
    }
    if sent
        && def
            .flags
            .contains(ews_model::fields::FieldFlags::READ_ONLY_AFTER_SEND)
    {
        return Err(MessageStatus::error(
            ResponseCode::ErrorInvalidPropertyUpdateSentMessage,
            format!("{uri} cannot be changed after the message was sent."),
        ));
    }
    match update {
        ItemChangeDescription::DeleteItemField(_) => {
            let mut empty = shape::empty_like(item);
            item.swap_field(def.name, &mut empty);
            Ok(())
        }
        ItemChangeDescription::SetItemField(v) => {
            let mut carrier = v.item.clone();
            if item.swap_field(def.name, &mut carrier) {
                return Ok(());
            }
            // A carrier of another element type: the item base fields still apply.
            let swapped = match (item.base_mut(), carrier.base_mut()) {
                (Some(a), Some(b)) => a.swap_field(def.name, b),
                _ => false,
            };
            if swapped {
                Ok(())
            } else {
                Err(MessageStatus::error(
                    ResponseCode::ErrorObjectTypeChanged,
                    "The item in the update is of another type than the stored item.",
                ))
            }
        }
        ItemChangeDescription::AppendToItemField(v) => append(item, def.name, &v.item),
        _ => Err(invalid_property("Unknown kind of change.")),
    }
}

/// `AppendToItemField`, for the properties Exchange allows it on.
fn append(item: &mut Item, name: &str, carrier: &Item) -> Result<(), MessageStatus> {
    let refused = || {
        MessageStatus::error(
            ResponseCode::ErrorInvalidPropertyAppend,
            format!("{name} cannot be appended to."),
        )
    };
    if name == "body" {
        let (Some(a), Some(b)) = (item.base_mut(), carrier.base()) else {
            return Err(refused());
        };
        if let Some(extra) = &b.body {
            match &mut a.body {
                Some(body) => body.content.push_str(&extra.content),
                None => a.body = Some(extra.clone()),
            }
        }
        return Ok(());
    }
    match (item, carrier) {
        (Item::Message(a), Item::Message(b)) => {
            let (to, from) = match name {
                "to_recipients" => (&mut a.to_recipients, &b.to_recipients),
                "cc_recipients" => (&mut a.cc_recipients, &b.cc_recipients),
                "bcc_recipients" => (&mut a.bcc_recipients, &b.bcc_recipients),
                "reply_to" => (&mut a.reply_to, &b.reply_to),
                _ => return Err(refused()),
            };
            to.extend(from.iter().cloned());
            Ok(())
        }
        (Item::CalendarItem(a), Item::CalendarItem(b)) => {
            let (to, from) = match name {
                "required_attendees" => (
                    &mut a.attendance.required_attendees,
                    &b.attendance.required_attendees,
                ),
                "optional_attendees" => (
                    &mut a.attendance.optional_attendees,
                    &b.attendance.optional_attendees,
                ),
                "resources" => (&mut a.attendance.resources, &b.attendance.resources),
                _ => return Err(refused()),
            };
            to.extend(from.iter().cloned());
            Ok(())
        }
        (Item::DistributionList(a), Item::DistributionList(b)) if name == "members" => {
            a.members.extend(b.members.iter().cloned());
            Ok(())
        }
        _ => Err(refused()),
    }
}

/// One expanded occurrence.
#[derive(Debug, Clone)]
struct Occ {
    index: usize,
    start: DateTime,
    end: DateTime,
    deleted: bool,
}

/// The occurrences of a recurring master overlapping `window` (all when `None`), up to
/// index `upto`; `None` when the item does not recur.
fn expand(c: &CalendarItem, window: Option<(DateTime, DateTime)>, upto: usize) -> Option<Vec<Occ>> {
    let recurrence = c.occurrences.recurrence.as_ref()?;
    let (start, end) = (c.schedule.start?, c.schedule.end?);
    let length = end.0.duration_since(start.0);
    let tz = c
        .settings
        .start_time_zone
        .as_ref()
        .and_then(TimeZone::resolve_definition)
        .map_or(jiff::tz::TimeZone::UTC, |z| z.jiff_zone());
    let first = start.0.to_zoned_datetime(tz.clone()).datetime();
    let mut out = Vec::new();
    for (i, zoned) in recurrence
        .occurrences(first, &tz)
        .enumerate()
        .take(MAX_OCCURRENCES.min(upto))
    {
        let index = i + 1;
        let s = zoned.timestamp();
        let Ok(e) = s.checked_add(length) else {
            break;
        };
        if let Some((from, to)) = window {
            if s >= to.0 {
                break;
            }
            if e <= from.0 {
                continue;
            }
        }
        let deleted = c
            .occurrences
            .deleted_occurrences
            .iter()
            .any(|d| d.start.0 == s);
        out.push(Occ {
            index,
            start: DateTime(s),
            end: DateTime(e),
            deleted,
        });
    }
    Some(out)
}

fn overlaps(c: &CalendarItem, from: DateTime, to: DateTime) -> bool {
    match (c.schedule.start, c.schedule.end) {
        (Some(s), Some(e)) => s.0 < to.0 && (e.0 > from.0 || (e.0 == s.0 && s.0 >= from.0)),
        _ => false,
    }
}

fn start_of(item: &Item) -> Option<jiff::Timestamp> {
    match item {
        Item::CalendarItem(c) => c.schedule.start.map(|s| s.0),
        _ => None,
    }
}

/// The tables a restriction or sort order may name fields of, most general first.
pub(super) fn tables() -> [&'static FieldTable; 8] {
    use ews_model::items::calendar::CalendarItem as C;
    use ews_model::items::contact::Contact;
    use ews_model::items::distribution_list::DistributionList;
    use ews_model::items::task::Task;
    use ews_model::items::{MeetingRequest as R, PostItem};
    [
        &ItemBase::FIELDS,
        &Message::FIELDS,
        &C::FIELDS,
        &Contact::FIELDS,
        &Task::FIELDS,
        &DistributionList::FIELDS,
        &PostItem::FIELDS,
        &R::FIELDS,
    ]
}

/// Orders `candidates` by group (groups by their aggregate, items within a group in their
/// present order) and returns each one's group number.
fn group(
    candidates: &mut Vec<(u64, Item)>,
    grouping: &Grouping,
) -> Result<Vec<usize>, MessageStatus> {
    let (by, aggregate, max, descending) = match grouping {
        Grouping::GroupBy(g) => (
            g.path.clone(),
            g.aggregate_on.path.clone(),
            matches!(g.aggregate_on.aggregate, Aggregate::Maximum),
            matches!(g.order, SortDirection::Descending),
        ),
        Grouping::DistinguishedGroupBy(d) => (
            FieldPath::field("message:ConversationTopic"),
            FieldPath::field("item:DateTimeReceived"),
            true,
            matches!(d.order, SortDirection::Descending),
        ),
    };
    let by = parse_order(&SortOrder::new(vec![FieldOrder::ascending(by)]))?;
    let agg = parse_order(&SortOrder::new(vec![FieldOrder::ascending(aggregate)]))?;
    // Runs of equal group values, in first-seen order (a stable sort keeps the item order).
    let mut runs: Vec<Vec<(u64, Item)>> = Vec::new();
    for c in candidates.drain(..) {
        match runs
            .iter_mut()
            .find(|r| ews_query::compare_items(&r[0].1, &c.1, &by).is_eq())
        {
            Some(run) => run.push(c),
            None => runs.push(vec![c]),
        }
    }
    let representative = |run: &[(u64, Item)]| -> usize {
        let mut best = 0;
        for (i, (_, item)) in run.iter().enumerate() {
            let o = ews_query::compare_items(item, &run[best].1, &agg);
            if (max && o.is_gt()) || (!max && o.is_lt()) {
                best = i;
            }
        }
        best
    };
    runs.sort_by(|a, b| {
        let o = ews_query::compare_items(&a[representative(a)].1, &b[representative(b)].1, &agg);
        if descending { o.reverse() } else { o }
    });
    let mut numbers = Vec::new();
    for (n, run) in runs.into_iter().enumerate() {
        numbers.extend(std::iter::repeat_n(n, run.len()));
        candidates.extend(run);
    }
    Ok(numbers)
}

/// A restriction, parsed once per item type.
struct Filter<'a> {
    restriction: &'a ews_model::restriction::Restriction,
    parsed: std::cell::RefCell<Vec<(*const FieldTable, Option<Q>)>>,
}

impl<'a> Filter<'a> {
    fn new(restriction: &'a ews_model::restriction::Restriction) -> Result<Self, MessageStatus> {
        let mut last = None;
        for t in tables() {
            match ews_query::parse(restriction, t) {
                Ok(_) => {
                    return Ok(Self {
                        restriction,
                        parsed: std::cell::RefCell::new(Vec::new()),
                    });
                }
                Err(e) => last = Some(e),
            }
        }
        Err(MessageStatus::error(
            ResponseCode::ErrorInvalidRestriction,
            format!(
                "The restriction is invalid: {}",
                last.map(|e| e.to_string()).unwrap_or_default()
            ),
        ))
    }

    fn matches(&self, item: &Item) -> bool {
        let table = item.table();
        let key = std::ptr::from_ref(table);
        let mut parsed = self.parsed.borrow_mut();
        let q = match parsed.iter().find(|(k, _)| *k == key) {
            Some((_, q)) => q.clone(),
            None => {
                let q = ews_query::parse(self.restriction, table).ok();
                parsed.push((key, q.clone()));
                q
            }
        };
        q.is_some_and(|q| ews_query::eval(&q, item))
    }
}

fn parse_order(sort: &SortOrder) -> Result<Vec<Ordering>, MessageStatus> {
    let mut last = None;
    for t in tables() {
        match ews_query::parse_order(sort, t) {
            Ok(keys) => return Ok(keys),
            Err(e) => last = Some(e),
        }
    }
    Err(MessageStatus::error(
        ResponseCode::ErrorUnsupportedPathForSortGroup,
        format!(
            "The sort order is invalid: {}",
            last.map(|e| e.to_string()).unwrap_or_default()
        ),
    ))
}
