//! Item ids: the ids this server issues for items and occurrences, and resolving an id to
//! the stored item or the occurrence it names.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ews_model::items::Item;
use ews_model::operations::MessageStatus;
use ews_model::properties::{ItemId, ItemIdChoice};
use ews_xml::ResponseCode;

use super::recurrence::expand;
use crate::mailbox::Mailbox;

/// Magic prefix of the decoded bytes of every item id this server issues.
pub(crate) const ITEM_MAGIC: &[u8] = b"FXI\x01";

/// Magic prefix of an occurrence id: then the owner's number, the master's decoded id and
/// the instance index.
pub(super) const OCCURRENCE_MAGIC: &[u8] = b"FXO\x01";

/// Random bytes after the prefix.
pub(super) const ID_RANDOM: usize = 32;

/// What an item id names.
#[derive(Debug, Clone, Copy)]
pub(in crate::mailbox) enum Target {
    Item(usize),
    /// Occurrence `index` (1-based) of the recurring master at `master`.
    Occurrence {
        master: usize,
        index: usize,
    },
}

/// Whether `raw` (decoded) has the shape of an item id.
pub(in crate::mailbox) fn is_item_id(raw: &[u8]) -> bool {
    raw.len() == ITEM_MAGIC.len() + ID_RANDOM && raw.starts_with(ITEM_MAGIC)
}

/// Whether `raw` (decoded) has the shape of an occurrence id.
pub(in crate::mailbox) fn is_occurrence_id(raw: &[u8]) -> bool {
    let head = OCCURRENCE_MAGIC.len() + 2;
    raw.len() == head + ITEM_MAGIC.len() + ID_RANDOM + 4
        && raw.starts_with(OCCURRENCE_MAGIC)
        && is_item_id(&raw[head..raw.len() - 4])
}

pub(in crate::mailbox) fn not_found() -> MessageStatus {
    MessageStatus::error(
        ResponseCode::ErrorItemNotFound,
        "The specified object was not found in the store.",
    )
}

pub(in crate::mailbox) fn malformed() -> MessageStatus {
    MessageStatus::error(ResponseCode::ErrorInvalidIdMalformed, "Id is malformed.")
}

pub(super) fn is_recurring_master(item: &Item) -> bool {
    matches!(item, Item::CalendarItem(c) if c.occurrences.recurrence.is_some())
}

impl Mailbox {
    pub(in crate::mailbox) fn new_item_id(&mut self) -> String {
        self.id_with(ITEM_MAGIC)
    }

    pub(in crate::mailbox) fn item_index(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|r| r.id == id)
    }

    pub(in crate::mailbox) fn resolve_item(
        &self,
        id: &ItemIdChoice,
    ) -> Result<Target, MessageStatus> {
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
    pub(super) fn resolve_whole(
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

    pub(super) fn resolve_item_text(&self, id: &str) -> Result<Target, MessageStatus> {
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

    pub(super) fn check_occurrence(
        &self,
        master: usize,
        index: usize,
    ) -> Result<(), MessageStatus> {
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

    pub(super) fn occurrence_id(&self, master: usize, index: usize) -> String {
        let mut raw = OCCURRENCE_MAGIC.to_vec();
        raw.extend(self.number.to_be_bytes());
        raw.extend(STANDARD.decode(&self.items[master].id).unwrap_or_default());
        raw.extend(u32::try_from(index).unwrap_or(u32::MAX).to_be_bytes());
        STANDARD.encode(raw)
    }

    /// The item with its ids and parent folder id, as stored.
    pub(super) fn full(&self, idx: usize) -> Item {
        let r = &self.items[idx];
        let mut item = r.item.clone();
        let parent = self.folder_id_of(&r.folder);
        if let Some(b) = item.base_mut() {
            b.item_id = Some(ItemId::new(r.id.clone()).with_change_key(r.change_key.clone()));
            b.parent_folder_id = parent;
        }
        item
    }

    pub(super) fn full_target(&self, target: Target) -> Item {
        match target {
            Target::Item(i) => self.full(i),
            Target::Occurrence { master, index } => self
                .occurrence(master, index)
                .unwrap_or_else(|| self.full(master)),
        }
    }
}
